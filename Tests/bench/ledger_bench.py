#!/usr/bin/env python3
"""Benchmark `carbontop ledger` against the yardstick's DuckDB and Polars W1 references.

usage: python3 Tests/bench/ledger_bench.py [--binary PATH] [--runs 5] [--rows 1000000,10000000]
                                           [--cache DIR] [--threads N] [--markdown]

Builds the release binary (swift build -c release --product carbontop) unless --binary is
given, generates the ledgers with the shared generator (/work/shared/bench or $BENCH_DIR)
into a cache folder (kept between runs), then for every size runs the three tools
interleaved (carbontop, DuckDB, Polars, carbontop, ...) --runs times each, checks with
check_w1.py that the outputs agree (and match expected_w1_1m.csv at 1M rows), and prints the
median wall time, CPU time (user + sys of the child, from os.wait4) and peak RSS
(ru_maxrss of the child), with ratios against DuckDB. The machine load (os.getloadavg) is
printed before and after: the ratios within one run are what counts on a shared machine.
"""
import argparse
import hashlib
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BENCH = os.environ.get("BENCH_DIR", "/work/shared/bench")
SHA_1M = "9d716f99ac6da0044fb0f5639b96fe792ce7331899d56194228a670017652410"


def run(cmd, env=None):
    """Runs cmd; returns (wall s, cpu s, peak RSS MiB)."""
    t = time.perf_counter()
    p = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t
    err = p.stderr.read().decode(errors="replace")
    p.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{err}")
    return wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for b in iter(lambda: f.read(1 << 20), b""):
            h.update(b)
    return h.hexdigest()


def label(rows):
    return f"{rows // 1_000_000}M" if rows % 1_000_000 == 0 else str(rows)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--binary", help="carbontop binary (default: build the release one)")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--rows", default="1000000,10000000")
    ap.add_argument("--cache", default=os.path.join(tempfile.gettempdir(), "carbontop-ledger-bench"))
    ap.add_argument("--threads", type=int, default=os.cpu_count())
    ap.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    a = ap.parse_args()

    binary = a.binary
    if not binary:
        subprocess.run(["swift", "build", "-c", "release", "--product", "carbontop"], cwd=ROOT, check=True)
        binary = os.path.join(ROOT, ".build", "release", "carbontop")
    os.makedirs(a.cache, exist_ok=True)
    env = dict(os.environ, W1_THREADS=str(a.threads))
    print(f"load average before: {os.getloadavg()}", flush=True)

    results = []
    for rows in [int(r) for r in a.rows.split(",")]:
        src = os.path.join(a.cache, f"events_{label(rows)}.csv")
        if not os.path.exists(src):
            subprocess.run([sys.executable, os.path.join(BENCH, "gen_events.py"), "--rows", str(rows),
                            "--out", src], check=True)
        if rows == 1_000_000 and sha256(src) != SHA_1M:
            print(f"warning: {src} differs from the yardstick's bytes (numpy version?)")
        outs = {t: os.path.join(a.cache, f"w1_{t}_{label(rows)}.csv") for t in ("carbontop", "duckdb", "polars")}
        cmds = {
            "carbontop": [binary, "ledger", src, "--fiscal-year-end", "03-31", "--threads", str(a.threads),
                          "--output", outs["carbontop"]],
            "duckdb": [sys.executable, os.path.join(BENCH, "ref_duckdb.py"), src, outs["duckdb"]],
            "polars": [sys.executable, os.path.join(BENCH, "ref_polars.py"), src, outs["polars"]],
        }
        for c in cmds.values():       # warm the page cache and the interpreters
            run(c, env)
        samples = {t: [] for t in cmds}
        for _ in range(a.runs):
            for t, c in cmds.items():
                samples[t].append(run(c, env))
        check = [sys.executable, os.path.join(BENCH, "check_w1.py"), outs["duckdb"], outs["polars"], outs["carbontop"]]
        if rows == 1_000_000:
            check.insert(2, os.path.join(BENCH, "expected_w1_1m.csv"))
        subprocess.run(check, check=True)
        med = {t: tuple(statistics.median(s[k] for s in v) for k in range(3)) for t, v in samples.items()}
        for t in cmds:
            results.append((t, rows, *med[t], med[t][0] / med["duckdb"][0], med[t][2] / med["duckdb"][2]))

    print(f"load average after: {os.getloadavg()}")
    print(f"median of {a.runs} interleaved runs, {a.threads} threads")
    if a.markdown:
        print("| tool | rows | wall s | CPU s | peak RSS MB | wall / DuckDB | RSS / DuckDB |")
        print("|---|---|---|---|---|---|---|")
        for t, rows, w, c, m, rw, rm in results:
            print(f"| {t} | {label(rows)} | {w:.2f} | {c:.2f} | {m:.0f} | {rw:.2f} | {rm:.2f} |")
    else:
        print(f"{'tool':10} {'rows':>5} {'wall s':>8} {'CPU s':>8} {'RSS MB':>8} {'wall/duck':>10} {'RSS/duck':>9}")
        for t, rows, w, c, m, rw, rm in results:
            print(f"{t:10} {label(rows):>5} {w:8.2f} {c:8.2f} {m:8.0f} {rw:10.2f} {rm:9.2f}")
    ct = {r[1]: r[2] for r in results if r[0] == "carbontop"}
    if len(ct) >= 2:
        lo, hi = min(ct), max(ct)
        print(f"carbontop scaling: {label(hi)} / {label(lo)} wall = {ct[hi] / ct[lo]:.1f}x for {hi / lo:.0f}x rows")


if __name__ == "__main__":
    main()
