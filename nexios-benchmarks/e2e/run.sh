#!/usr/bin/env bash
# The end-to-end benchmark of nexios-benchmarks/README.md ("End to end"): the same generated endpoints
# secured by the starter (N), by hand-written Spring Security (H, or HP with prefix matchers) and not at
# all (U), each on a real embedded Tomcat pinned to one core, loaded with wrk pinned to the other.
# Run by hand, never by the build:
#
#   nexios-benchmarks/e2e/run.sh              # the full benchmark (about 45 minutes with the defaults)
#   QUICK=1 nexios-benchmarks/e2e/run.sh      # a smoke test: one round, 1 s warm-up and 3 s per operation
#   PAIRED=1 nexios-benchmarks/e2e/run.sh     # all variants of a size started side by side, measured in
#                                             # short alternating runs (the ratios on a noisy machine)
#   CONCURRENT=1 nexios-benchmarks/e2e/run.sh # all variants of a size loaded at the same time on the same
#                                             # core: requests per CPU-second, the ratios on a drifting machine
#
# Settings (environment variables, defaults in brackets):
#   ROUNDS [6]              interleaved rounds; each round starts every size x variant once
#   SIZES ["10 5000"]       numbers of generated endpoints (each at least 6)
#   VARIANTS ["N H U"]      N, H, HP, U (see README)
#   OPERATIONS ["public jwt apikey jwt-var"]
#   WARMUP [10]             seconds of load per operation after startup, before any measurement
#   DURATION [10]           seconds of measured load per operation
#   CONNECTIONS [16]        wrk connections (one wrk thread)
#   SERVER_CPU [1], LOAD_CPU [0]   the cores of the server and of wrk (and of curl)
#   JAVA_OPTS [-Xmx512m]    the server JVM's options
#   PORT [18080], STARTUP_TIMEOUT [300] seconds
#   SKIP_BUILD [0]          1: reuse target/nexios-benchmarks-*-e2e.jar
#   MVN_FLAGS []            extra Maven flags for the build, e.g. -o
#   PAIRED [0]              1: per size, start every variant once (one after the other, each on SERVER_CPU,
#                           the others idle), then ROUNDS passes of DURATION-second runs, variant after
#                           variant for each operation: a ratio compares runs seconds apart
#   CONCURRENT [0]          1: as PAIRED, but in each pass every variant is loaded at the same time (one wrk
#                           each, all on LOAD_CPU; the servers share SERVER_CPU), so that a slow period of
#                           the machine slows every side of a ratio alike; compare requests per CPU-second
#   FORKS [1]               with PAIRED or CONCURRENT: start every variant of a size this many times, each
#                           time warmed up and measured in ROUNDS passes (passes numbered on across forks):
#                           each JVM compiles the hot code its own way, and at 5,000 endpoints a pattern
#                           lookup runs at very different speeds from one JVM to the next
#   STARTS [0]              with PAIRED or CONCURRENT: first start and stop every variant of a size STARTS
#                           times, alone, in alternating order, for startup times without load (rounds
#                           numbered from FORKS + 1 in runs.csv; rounds 1 to FORKS are the starts the load
#                           passes use)
#   START_CPUS [SERVER_CPU] the cores of the STARTS startups, e.g. 0,1: with one core the JIT compiler
#                           and the GC take turns with the application's main thread
#   OUT [nexios-benchmarks/target/e2e/<date>]   where load.csv, runs.csv, summary.md and the logs go
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
module=$(dirname "$here")
root=$(dirname "$module")

if [[ "${QUICK:-0}" == 1 ]]; then
	ROUNDS=${ROUNDS:-1}
	WARMUP=${WARMUP:-1}
	DURATION=${DURATION:-3}
fi
ROUNDS=${ROUNDS:-6}
SIZES=${SIZES:-"10 5000"}
VARIANTS=${VARIANTS:-"N H U"}
OPERATIONS=${OPERATIONS:-"public jwt apikey jwt-var"}
WARMUP=${WARMUP:-10}
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-16}
SERVER_CPU=${SERVER_CPU:-1}
LOAD_CPU=${LOAD_CPU:-0}
JAVA_OPTS=${JAVA_OPTS:--Xmx512m}
PORT=${PORT:-18080}
STARTUP_TIMEOUT=${STARTUP_TIMEOUT:-300}
SKIP_BUILD=${SKIP_BUILD:-0}
FORKS=${FORKS:-1}
START_CPUS=${START_CPUS:-$SERVER_CPU}
MVN_FLAGS=${MVN_FLAGS:-}
OUT=${OUT:-$module/target/e2e/$(date +%Y%m%d-%H%M%S)}

API_KEY=e2e-benchmark-api-key  # BenchmarkKeys.API_KEY

for tool in java wrk curl taskset python3; do
	command -v "$tool" > /dev/null || { echo "run.sh: $tool is required" >&2; exit 1; }
done

if [[ "$SKIP_BUILD" != 1 ]]; then
	echo "Building the benchmark application (-Pe2e)..."
	# shellcheck disable=SC2086
	(cd "$root" && ./mvnw -B -q $MVN_FLAGS -pl nexios-benchmarks -am package -Pe2e -DskipTests -Dinvoker.skip \
		-Dmaven.javadoc.skip)
fi
jar=$(ls "$module"/target/nexios-benchmarks-*-e2e.jar)

mkdir -p "$OUT/logs"
keys="$OUT/keys"
java -jar "$jar" keys "$keys"
token=$(cat "$keys/token")

load_csv="$OUT/load.csv"
runs_csv="$OUT/runs.csv"
echo "round,size,variant,operation,requests_per_s,latency_p50_ms,latency_p99_ms,non_2xx,socket_errors,cpu_ms,mode" > "$load_csv"
echo "round,size,variant,startup_ms,started_log_s,rss_kb,loadavg_1m" > "$runs_csv"
cat > "$OUT/settings.txt" <<SETTINGS
date=$(date -Is)
host=$(uname -srm), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
java=$(java -version 2>&1 | head -1)
wrk=$(wrk --version 2>&1 | head -1 || true)
ROUNDS=$ROUNDS SIZES="$SIZES" VARIANTS="$VARIANTS" OPERATIONS="$OPERATIONS"
WARMUP=$WARMUP DURATION=$DURATION CONNECTIONS=$CONNECTIONS SERVER_CPU=$SERVER_CPU LOAD_CPU=$LOAD_CPU
JAVA_OPTS="$JAVA_OPTS" PAIRED=${PAIRED:-0} CONCURRENT=${CONCURRENT:-0} FORKS=$FORKS STARTS=${STARTS:-0} START_CPUS=$START_CPUS
SETTINGS

server_pid=
stop_server() {
	if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2> /dev/null; then
		kill -TERM "$server_pid"
		for _ in $(seq 1 300); do
			kill -0 "$server_pid" 2> /dev/null || break
			sleep 0.1
		done
		kill -0 "$server_pid" 2> /dev/null && kill -KILL "$server_pid"
		wait "$server_pid" 2> /dev/null || true
	fi
	server_pid=
}
paired_pids=()
stop_all() {
	stop_server
	for pid in "${paired_pids[@]}"; do
		server_pid=$pid
		stop_server
	done
}
trap stop_all EXIT

# The path of an operation: endpoints b, b + 1, b + 2 and b + 4 (Endpoints' layout), b in the middle.
path_of() { # operation size
	local b=$(( $2 / 2 / 6 * 6 ))
	case "$1" in
		public) echo "/public/r$b" ;;
		jwt) echo "/jwt/r$((b + 1))" ;;
		apikey) echo "/apikey/r$((b + 2))" ;;
		jwt-var) echo "/jwt/items$((b + 4))/42" ;;
		*) echo "run.sh: unknown operation $1" >&2; exit 1 ;;
	esac
}

# The credential header of an operation (sent in every variant, so that the requests are the same).
header_of() { # operation
	case "$1" in
		public) echo "" ;;
		jwt | jwt-var) echo "Authorization: Bearer $token" ;;
		apikey) echo "X-API-KEY: $API_KEY" ;;
	esac
}

status() { # url [header]
	local args=(-s -o /dev/null -w '%{http_code}' --max-time 10)
	[[ -n "${2:-}" ]] && args+=(-H "$2")
	taskset -c "$LOAD_CPU" curl "${args[@]}" "$1" || true
}

# Fails unless the variant enforces the rules: N, H, HP answer 401 without credentials on secured
# operations and refuse the other scheme's credential; U lets everything through; with the right
# credential every operation answers 200.
check() { # variant size
	local variant=$1 size=$2 op url header expected got
	for op in $OPERATIONS; do
		url="http://127.0.0.1:$PORT$(path_of "$op" "$size")"
		header=$(header_of "$op")
		got=$(status "$url" "$header")
		[[ "$got" == 200 ]] || { echo "check: $variant/$size $op with credential: $got, expected 200" >&2; return 1; }
		[[ "$op" == public ]] && continue
		expected=401
		[[ "$variant" == U ]] && expected=200
		got=$(status "$url")
		[[ "$got" == "$expected" ]] || { echo "check: $variant/$size $op without credential: $got, expected $expected" >&2; return 1; }
		if [[ "$variant" != U ]]; then
			if [[ "$op" == apikey ]]; then header="Authorization: Bearer $token"; else header="X-API-KEY: $API_KEY"; fi
			got=$(status "$url" "$header")
			[[ "$got" != 200 ]] || { echo "check: $variant/$size $op with the other scheme's credential: 200" >&2; return 1; }
			if [[ "$op" == apikey ]]; then header="X-API-KEY: wrong-key"; else header="Authorization: Bearer ${token}x"; fi
			got=$(status "$url" "$header")
			[[ "$got" == 401 ]] || { echo "check: $variant/$size $op with a wrong credential: $got, expected 401" >&2; return 1; }
		fi
	done
}

# CPU time (user + system, all threads) that a process has used, in ms.
cpu_ms() { # pid
	awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$1/stat"
}

# Runs wrk; prints requests/s, p50 ms, p99 ms, non-2xx, socket errors, the server's CPU ms (CSV).
load() { # seconds url header log server-pid
	local args=(-t1 "-c$CONNECTIONS" "-d$1s" --latency) cpu0
	[[ -n "$3" ]] && args+=(-H "$3")
	cpu0=$(cpu_ms "$5")
	taskset -c "$LOAD_CPU" wrk "${args[@]}" "$2" > "$4"
	echo -n "$(( $(cpu_ms "$5") - cpu0 ))" > "$4.cpu"
	awk -v cpu="$(cat "$4.cpu")" '
		function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /m$/) return v * 60000; if (v ~ /s$/) return v * 1000; return v }
		/Requests\/sec:/ { rps = $2 }
		/^ +50%/ { p50 = ms($2) }
		/^ +99%/ { p99 = ms($2) }
		/Non-2xx or 3xx responses:/ { non2xx = $5 }
		/Socket errors:/ { gsub(/,/, ""); errors = $4 + $6 + $8 + $10 }
		END { printf "%s,%.3f,%.3f,%d,%d,%d\n", rps, p50, p99, non2xx, errors, cpu }
	' "$4"
}

rotate() { # n words...: the words rotated left by n
	local n=$1; shift
	local words=("$@") count=$#
	for ((i = 0; i < count; i++)); do echo -n "${words[$(((i + n) % count))]} "; done
}

# Starts a variant on $PORT, waits for its first 200 and checks its rules; sets server_pid, startup_ms,
# started_log.
start_server() { # variant size log [cpus]
	local variant=$1 size=$2 log=$3 cpus=${4:-$SERVER_CPU} t0 probe
	t0=$(date +%s%N)
	# shellcheck disable=SC2086
	taskset -c "$cpus" java $JAVA_OPTS -jar "$jar" --server.port="$PORT" --bench.variant="$variant" \
		--bench.endpoints="$size" --bench.keys="$keys" > "$log" 2>&1 &
	server_pid=$!
	probe="http://127.0.0.1:$PORT$(path_of public "$size")"
	until [[ "$(status "$probe")" == 200 ]]; do
		if ! kill -0 "$server_pid" 2> /dev/null; then
			echo "run.sh: the server stopped; see $log" >&2; exit 1
		fi
		if (( ($(date +%s%N) - t0) / 1000000000 > STARTUP_TIMEOUT )); then
			echo "run.sh: no answer after $STARTUP_TIMEOUT s; see $log" >&2; exit 1
		fi
		sleep 0.05
	done
	startup_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
	# Spring Boot's "Started EndToEndApplication in X seconds (process running for Y)": Y, from JVM start
	started_log=$(sed -n 's/.*Started EndToEndApplication in .* (process running for \([0-9.]*\)).*/\1/p' "$log" | head -1)
	check "$variant" "$size" || { echo "run.sh: see $log" >&2; exit 1; }
}

started=$(date +%s)
variants=($VARIANTS)
sizes=($SIZES)
base_port=$PORT
mode=sequential
[[ "${PAIRED:-0}" == 1 ]] && mode=paired
[[ "${CONCURRENT:-0}" == 1 ]] && mode=concurrent
if [[ "$mode" != sequential ]]; then
	for size in "${sizes[@]}"; do
		for ((start = 1; start <= ${STARTS:-0}; start++)); do
			for variant in $(rotate $((start - 1)) "${variants[@]}"); do
				loadavg=$(cut -d' ' -f1 /proc/loadavg)
				echo "[$(date +%T)] $size endpoints, start $start/$STARTS of variant $variant (load average $loadavg)"
				start_server "$variant" "$size" "$OUT/logs/start$start-$size-$variant.log" "$START_CPUS"
				# no RSS: the RSS column is the one after load
				echo "$((FORKS + start)),$size,$variant,$startup_ms,$started_log,,$loadavg" >> "$runs_csv"
				stop_server
			done
		done
		for ((fork = 1; fork <= FORKS; fork++)); do
			declare -A port_of=() pid_of=()
			i=0
			for variant in $(rotate $((fork - 1)) "${variants[@]}"); do
				PORT=$((base_port + i)); i=$((i + 1))
				loadavg=$(cut -d' ' -f1 /proc/loadavg)
				echo "[$(date +%T)] $size endpoints, fork $fork/$FORKS: starting variant $variant on port $PORT (load average $loadavg)"
				start_server "$variant" "$size" "$OUT/logs/f$fork-$size-$variant.log"
				port_of[$variant]=$PORT
				pid_of[$variant]=$server_pid
				paired_pids+=("$server_pid")
				server_pid=
				echo "$fork,$size,$variant,$startup_ms,$started_log,0,$loadavg" >> "$runs_csv.tmp"
				for op in $OPERATIONS; do
					load "$WARMUP" "http://127.0.0.1:$PORT$(path_of "$op" "$size")" "$(header_of "$op")" \
						"$OUT/logs/f$fork-$size-$variant-$op-warmup.txt" "${pid_of[$variant]}" > /dev/null
				done
			done
			for ((pass = 1; pass <= ROUNDS; pass++)); do
				round=$(( (fork - 1) * ROUNDS + pass ))
				echo "[$(date +%T)] $size endpoints, fork $fork/$FORKS, pass $pass/$ROUNDS"
				for op in $OPERATIONS; do
					if [[ "$mode" == concurrent ]]; then
						# every variant at the same time, each with its own wrk
						load_pids=()
						for variant in "${variants[@]}"; do
							load "$DURATION" "http://127.0.0.1:${port_of[$variant]}$(path_of "$op" "$size")" \
								"$(header_of "$op")" "$OUT/logs/r$round-$size-$variant-$op.txt" "${pid_of[$variant]}" \
								> "$OUT/logs/r$round-$size-$variant-$op.csv" &
							load_pids+=("$!")
						done
						wait "${load_pids[@]}"
						for variant in "${variants[@]}"; do
							echo "$round,$size,$variant,$op,$(cat "$OUT/logs/r$round-$size-$variant-$op.csv"),$mode" >> "$load_csv"
						done
						continue
					fi
					for variant in $(rotate $((round - 1)) "${variants[@]}"); do
						result=$(load "$DURATION" "http://127.0.0.1:${port_of[$variant]}$(path_of "$op" "$size")" \
							"$(header_of "$op")" "$OUT/logs/r$round-$size-$variant-$op.txt" "${pid_of[$variant]}")
						echo "$round,$size,$variant,$op,$result,$mode" >> "$load_csv"
					done
				done
			done
			# RSS after the load, then the servers of this size stop
			while IFS=, read -r r sz v st sl rss la; do
				rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/${pid_of[$v]}/status")
				echo "$r,$sz,$v,$st,$sl,$rss,$la" >> "$runs_csv"
			done < "$runs_csv.tmp"
			rm "$runs_csv.tmp"
			stop_all
			paired_pids=()
		done
	done
	ROUNDS=0
fi
for ((round = 1; round <= ROUNDS; round++)); do
	for size in $(rotate $((round - 1)) "${sizes[@]}"); do
		for variant in $(rotate $((round - 1)) "${variants[@]}"); do
			run="r$round-$size-$variant"
			log="$OUT/logs/$run.log"
			loadavg=$(cut -d' ' -f1 /proc/loadavg)
			echo "[$(date +%T)] round $round/$ROUNDS, $size endpoints, variant $variant (load average $loadavg)"
			start_server "$variant" "$size" "$log"
			for op in $OPERATIONS; do
				load "$WARMUP" "http://127.0.0.1:$PORT$(path_of "$op" "$size")" "$(header_of "$op")" \
					"$OUT/logs/$run-$op-warmup.txt" "$server_pid" > /dev/null
			done
			for op in $OPERATIONS; do
				result=$(load "$DURATION" "http://127.0.0.1:$PORT$(path_of "$op" "$size")" "$(header_of "$op")" \
					"$OUT/logs/$run-$op.txt" "$server_pid")
				echo "$round,$size,$variant,$op,$result,$mode" >> "$load_csv"
				echo "    $op: $(cut -d, -f1 <<< "$result") req/s"
			done
			rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$server_pid/status")
			echo "$round,$size,$variant,$startup_ms,$started_log,$rss,$loadavg" >> "$runs_csv"
			echo "    startup ${startup_ms} ms, RSS $((rss / 1024)) MB"
			stop_server
		done
	done
done
elapsed=$(( $(date +%s) - started ))
echo "Done in $(( elapsed / 60 )) min $(( elapsed % 60 )) s."
python3 "$here/summarize.py" "$OUT" | tee "$OUT/summary.md"
echo "Results: $OUT"
