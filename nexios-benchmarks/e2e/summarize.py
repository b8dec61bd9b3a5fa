#!/usr/bin/env python3
"""Summarizes a run of e2e/run.sh: reads <dir>/load.csv and <dir>/runs.csv, prints a Markdown summary.

Ratios are computed within each round (both variants started in the same round, a few minutes apart),
then summarized as median (min-max) over the rounds, so that a slow period of a shared machine moves
both sides of a ratio. Where the server's CPU time was recorded (cpu_ms), a second table gives the
requests per CPU-second of the server, the measure of a CONCURRENT=1 run (every variant loaded at the same
time on the same core, so that throughput is shared and only the cost of a request tells the variants apart).

Usage: summarize.py <output directory of run.sh>
"""
import csv
import statistics
import sys
from collections import defaultdict
from pathlib import Path

REFERENCE = "N"


def read(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def ordered(values, order):
    return [v for v in order if v in values] + sorted(v for v in values if v not in order)


def spread(values, digits=2):
    if not values:
        return "—"
    median = statistics.median(values)
    if len(values) == 1:
        return f"{median:.{digits}f}"
    return f"{median:.{digits}f} ({min(values):.{digits}f}–{max(values):.{digits}f})"


def settings(directory):
    """The NAME=value lines of settings.txt (a run's settings), by name."""
    values = {}
    path = directory / "settings.txt"
    if path.exists():
        for line in path.read_text().splitlines():
            for word in line.split():
                if "=" in word:
                    name, _, value = word.partition("=")
                    values[name] = value.strip('"')
    return values


def main(directory):
    directory = Path(directory)
    load = read(directory / "load.csv")
    runs = read(directory / "runs.csv")
    rps = {}  # (round, size, variant, operation) -> req/s
    per_cpu = {}  # (round, size, variant, operation) -> requests per CPU-second of the server
    duration = settings(directory).get("DURATION")
    modes = sorted({row.get("mode") or "sequential" for row in load})
    for row in load:
        key = (row["round"], int(row["size"]), row["variant"], row["operation"])
        rps[key] = float(row["requests_per_s"])
        cpu_ms = int(row.get("cpu_ms") or 0)
        if cpu_ms > 0 and duration:
            per_cpu[key] = rps[key] * float(duration) / (cpu_ms / 1000)
    rounds = sorted({k[0] for k in rps}, key=int)
    sizes = sorted({k[1] for k in rps})
    variants = ordered({k[2] for k in rps}, ["N", "H", "HP", "U"])
    operations = ordered({k[3] for k in rps}, ["public", "jwt", "apikey", "jwt-var"])
    others = [v for v in variants if v != REFERENCE]

    def ratios(numerator, denominator):
        values = []
        for r in rounds:
            n, d = numerator(r), denominator(r)
            if n is not None and d:
                values.append(n / d)
        return values

    out = []
    if not rps:
        out.append("Startups only (`FORKS=0`): no load.")
        out.append("")
    else:
        out.append(f"Mode: {', '.join(modes)}.")
        out.append("")
    if "concurrent" in modes:
        out.append("In a concurrent run the variants share one core, so their req/s depend on how the scheduler "
                   "shared it: read the requests per CPU-second below.")
        out.append("")
    if rps:
        out.append(f"Rounds: {len(rounds)}. Throughput: median req/s over the rounds. Ratios: computed within each "
                   "round, median (min–max) over the rounds.")
        out.append("")

    def table(measure, unit):
        """Per size and operation: the median of each variant over the rounds, then the ratios within rounds."""
        header = ["endpoints", "operation"] + [f"{v} {unit}" for v in variants]
        if REFERENCE in variants:
            header += [f"{REFERENCE}/{v}" for v in others]
        out.append("| " + " | ".join(header) + " |")
        out.append("|" + "|".join(["---:", "---"] + ["---:"] * (len(header) - 2)) + "|")
        for size in sizes:
            for op in operations:
                cells = [f"{size:,}", f"`{op}`"]
                for v in variants:
                    values = [measure[(r, size, v, op)] for r in rounds if (r, size, v, op) in measure]
                    cells.append(f"{statistics.median(values):,.0f}" if values else "—")
                if REFERENCE in variants:
                    for v in others:
                        cells.append(spread(ratios(lambda r: measure.get((r, size, REFERENCE, op)),
                                                   lambda r: measure.get((r, size, v, op)))))
                out.append("| " + " | ".join(cells) + " |")
        out.append("")

    if rps:
        table(rps, "req/s")

    if per_cpu:
        out.append("Requests per CPU-second of the server (its user + system time during the run, all threads), "
                   "median over the rounds; ratios within each round, median (min–max).")
        out.append("")
        table(per_cpu, "req/CPU-s")

    if len(sizes) >= 2:
        small, large = sizes[0], sizes[-1]
        # requests per CPU-second where recorded for every measurement (a concurrent run's only measure)
        scaled = per_cpu if per_cpu and len(per_cpu) == len(rps) else rps
        unit = "requests per CPU-second" if scaled is per_cpu else "req/s"
        out.append(f"Scaling: {unit} at {large:,} endpoints ÷ {unit} at {small:,}, within each round, "
                   "median (min–max).")
        out.append("")
        header = ["operation"] + [f"{v}({large})/{v}({small})" for v in variants]
        out.append("| " + " | ".join(header) + " |")
        out.append("|" + "|".join(["---"] + ["---:"] * len(variants)) + "|")
        for op in operations:
            cells = [f"`{op}`"]
            for v in variants:
                cells.append(spread(ratios(lambda r: scaled.get((r, large, v, op)),
                                           lambda r: scaled.get((r, small, v, op))), 3))
            out.append("| " + " | ".join(cells) + " |")
        out.append("")

    # rounds 1..FORKS are the starts the load passes use (on SERVER_CPU), later ones the STARTS runs
    run_settings = settings(directory)
    forks = int(run_settings.get("FORKS", "1"))
    server_cpus = run_settings.get("SERVER_CPU", "1")
    start_cpus = run_settings.get("START_CPUS", server_cpus)

    def cores(row):
        return start_cpus if int(row["round"]) > forks else server_cpus

    out.append("Startup: from launching the JVM to the first 200 answer, and as Spring Boot logs it "
               "(\"Started ... (process running for X)\"); RSS after load (none without load). Median (min–max); "
               f"{REFERENCE}/variant: the ratio of the median startups (above 1: {REFERENCE} starts slower), "
               "then the ratio within each round (the two started one after the other, so that a slow "
               "period of the machine moves both), median (min–max).")
    out.append("")
    out.append(f"| endpoints | cores | variant | startup s | logged startup s | RSS MB | {REFERENCE}/variant startup "
               f"| {REFERENCE}/variant within rounds |")
    out.append("|---:|---|---|---:|---:|---:|---:|---:|")
    by_run = defaultdict(list)
    for row in runs:
        by_run[(int(row["size"]), cores(row), row["variant"])].append(row)
    # a run of startups only (FORKS=0) has no load rows
    start_variants = ordered({row["variant"] for row in runs}, variants or ["N", "H", "HP", "U"])
    for size in sorted({int(row["size"]) for row in runs}):
        for where in ordered({c for (sz, c, _) in by_run if sz == size}, list(dict.fromkeys([server_cpus, start_cpus]))):
            reference = {r["round"]: int(r["startup_ms"]) for r in by_run.get((size, where, REFERENCE), [])}
            for v in start_variants:
                rows = by_run.get((size, where, v), [])
                if not rows:
                    continue
                startup = [int(r["startup_ms"]) / 1000 for r in rows]
                spring = [float(r["started_log_s"]) for r in rows if r["started_log_s"]]
                rss = [int(r["rss_kb"]) / 1024 for r in rows if r["rss_kb"]]
                ratio = within = ""
                if reference and v != REFERENCE:
                    ratio = f"{statistics.median(reference.values()) / 1000 / statistics.median(startup):.2f}"
                    within = spread([reference[r["round"]] / int(r["startup_ms"]) for r in rows
                                     if r["round"] in reference])
                out.append(f"| {size:,} | {where} | {v} | {spread(startup, 1)} | {spread(spring, 1)} | "
                           f"{spread(rss, 0)} | {ratio} | {within} |")
    out.append("")

    loads = [float(r["loadavg_1m"]) for r in runs if r["loadavg_1m"]]
    if loads:
        out.append(f"Load average (1 min) at the start of each server: {min(loads):.2f}–{max(loads):.2f}.")
    failures = [r for r in load if int(r["non_2xx"]) or int(r["socket_errors"])]
    for r in failures:
        out.append(f"**Warning**: round {r['round']}, {r['size']} endpoints, {r['variant']} `{r['operation']}`: "
                   f"{r['non_2xx']} non-2xx responses, {r['socket_errors']} socket errors.")
    print("\n".join(out))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
