#!/usr/bin/env python3
"""Summarizes a run of e2e/run.sh: reads <dir>/load.csv and <dir>/runs.csv, prints a Markdown summary.

Ratios are computed within each round (both variants started in the same round, a few minutes apart),
then summarized as median (min-max) over the rounds, so that a slow period of a shared machine moves
both sides of a ratio.

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


def main(directory):
    directory = Path(directory)
    load = read(directory / "load.csv")
    runs = read(directory / "runs.csv")
    rps = {}  # (round, size, variant, operation) -> req/s
    for row in load:
        rps[(row["round"], int(row["size"]), row["variant"], row["operation"])] = float(row["requests_per_s"])
    rounds = sorted({k[0] for k in rps}, key=int)
    sizes = sorted({k[1] for k in rps})
    variants = ordered({k[2] for k in rps}, ["N", "H", "HP", "U"])
    operations = ordered({k[3] for k in rps}, ["public", "jwt", "apikey", "jwt-var"])
    others = [v for v in variants if v != REFERENCE]

    def per_round(size, variant, operation):
        return [rps[(r, size, variant, operation)] for r in rounds if (r, size, variant, operation) in rps]

    def ratios(numerator, denominator):
        values = []
        for r in rounds:
            n, d = numerator(r), denominator(r)
            if n is not None and d:
                values.append(n / d)
        return values

    out = []
    out.append(f"Rounds: {len(rounds)}. Throughput: median req/s over the rounds. Ratios: computed within each "
               "round, median (min–max) over the rounds.")
    out.append("")
    header = ["endpoints", "operation"] + [f"{v} req/s" for v in variants]
    if REFERENCE in variants:
        header += [f"{REFERENCE}/{v}" for v in others]
    out.append("| " + " | ".join(header) + " |")
    out.append("|" + "|".join(["---:", "---"] + ["---:"] * (len(header) - 2)) + "|")
    for size in sizes:
        for op in operations:
            cells = [f"{size:,}", f"`{op}`"]
            for v in variants:
                values = per_round(size, v, op)
                cells.append(f"{statistics.median(values):,.0f}" if values else "—")
            if REFERENCE in variants:
                for v in others:
                    cells.append(spread(ratios(lambda r: rps.get((r, size, REFERENCE, op)),
                                               lambda r: rps.get((r, size, v, op)))))
            out.append("| " + " | ".join(cells) + " |")
    out.append("")

    if len(sizes) >= 2:
        small, large = sizes[0], sizes[-1]
        out.append(f"Scaling: req/s at {large:,} endpoints ÷ req/s at {small:,}, within each round, "
                   "median (min–max).")
        out.append("")
        header = ["operation"] + [f"{v}({large})/{v}({small})" for v in variants]
        out.append("| " + " | ".join(header) + " |")
        out.append("|" + "|".join(["---"] + ["---:"] * len(variants)) + "|")
        for op in operations:
            cells = [f"`{op}`"]
            for v in variants:
                cells.append(spread(ratios(lambda r: rps.get((r, large, v, op)),
                                           lambda r: rps.get((r, small, v, op))), 3))
            out.append("| " + " | ".join(cells) + " |")
        out.append("")

    out.append("Startup: from launching the JVM to the first 200 answer, and as Spring Boot logs it "
               "(\"Started ... (process running for X)\"); RSS after load. Median (min–max).")
    out.append("")
    out.append("| endpoints | variant | startup s | logged startup s | RSS MB |")
    out.append("|---:|---|---:|---:|---:|")
    by_run = defaultdict(list)
    for row in runs:
        by_run[(int(row["size"]), row["variant"])].append(row)
    for size in sizes:
        for v in variants:
            rows = by_run.get((size, v), [])
            startup = [int(r["startup_ms"]) / 1000 for r in rows]
            spring = [float(r["started_log_s"]) for r in rows if r["started_log_s"]]
            rss = [int(r["rss_kb"]) / 1024 for r in rows if r["rss_kb"]]
            out.append(f"| {size:,} | {v} | {spread(startup, 1)} | {spread(spring, 1)} | {spread(rss, 0)} |")
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
