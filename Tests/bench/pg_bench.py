#!/usr/bin/env python3
"""PostgreSQL source benchmark (docs/performance.md, "PostgreSQL"): the release binary against
a real server.

    swift build -c release --product carbontop
    python3 /work/shared/bench/gen_events.py --rows 10000000 --out DS/events/events_10m.csv
    # DS/dataset.toml: fiscal_year_end = "03-31" and an avoided target (see performance.md)
    python3 Tests/bench/pg_bench.py DS [--runs 3] [--inserts 5] [--skip-import]

Uses the server named by CARBONTOP_PG_URL (with PGHOST etc.), or starts a private cluster
(.ci/pg-cluster.sh). Measures (a) `db import` of DS, (b) W1 in the database: `carbontop ledger
URL` against `psql` running the same query (`carbontop ledger URL --sql`) and against
`carbontop ledger DS` (the folder path), outputs compared, (c) the dashboard on the schema:
10,000 events INSERTed in one statement to the new cumulative figure on screen, (d) one
changed operations row (greenfield) to the figure on screen, (e) the dashboard's peak memory
(VmHWM) with a database source.
"""
from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(REPO, "Tests", "e2e"))
os.environ.setdefault("CARBONTOP_BIN", os.path.join(REPO, ".build", "release", "carbontop"))

from harness import Session, binary  # noqa: E402
from pg import start_server, stop_server  # noqa: E402

sys.path.insert(0, HERE)
from dashboard_bench import read_until  # noqa: E402


def timed(cmd, env, stdout=subprocess.DEVNULL):
    t0 = time.monotonic()
    r = subprocess.run(cmd, env=env, stdout=stdout, stderr=subprocess.PIPE, text=True)
    dt = time.monotonic() - t0
    if r.returncode != 0:
        raise SystemExit(f"{cmd[0]} failed: {r.stderr}")
    return dt, r


def vmhwm(pid: int) -> float:
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def cumulative(s: Session):
    m = re.search(r"cumulative ([0-9.]+ [kMG]?t)", s.text())
    return m.group(1) if m else None


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dataset")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--inserts", type=int, default=5)
    ap.add_argument("--skip-import", action="store_true")
    a = ap.parse_args()
    server = start_server()
    if server is None:
        raise SystemExit("no PostgreSQL server (CARBONTOP_PG_URL) and no initdb to start one")
    env = {**os.environ, **server.env}
    url = server.schema_url("bench")
    try:
        if not a.skip_import:
            dt, _ = timed([binary(), "db", "import", a.dataset, url], env)
            print(f"(a) db import: {dt:.1f} s")
            server.psql("VACUUM ANALYZE bench.events")
        rows = server.psql("SELECT count(*) FROM bench.events").strip()
        print(f"    events in the schema: {rows}")

        # (b) W1
        sql = subprocess.run([binary(), "ledger", url, "--sql"], env=env, capture_output=True,
                             text=True, check=True).stdout
        sql_file = "/tmp/carbontop-bench-w1.sql"
        open(sql_file, "w").write(sql)
        db_out = subprocess.run([binary(), "ledger", url], env=env, capture_output=True, text=True,
                                check=True).stdout
        folder_out = subprocess.run([binary(), "ledger", a.dataset], capture_output=True,
                                    text=True, check=True).stdout
        print(f"    W1 from the database equals the folder's: {db_out == folder_out}")
        res = {"carbontop ledger URL": [], "psql -f w1.sql": [], "carbontop ledger FOLDER": []}
        for _ in range(a.runs):  # interleaved
            res["carbontop ledger URL"].append(timed([binary(), "ledger", url, "-o", "/dev/null"], env)[0])
            res["psql -f w1.sql"].append(timed(["psql", "-X", "-q", "-f", sql_file, "-o", "/dev/null"], env)[0])
            res["carbontop ledger FOLDER"].append(
                timed([binary(), "ledger", a.dataset, "-o", "/dev/null"], env)[0])
        for k, v in res.items():
            print(f"(b) {k}: median {statistics.median(v):.2f} s  runs {' '.join(f'{x:.2f}' for x in v)}")

        # (c) 10,000 events INSERTed, to the screen
        s = Session(args=[url], cols=100, rows=30, env=server.env)
        try:
            t0 = time.monotonic()
            if read_until(s, lambda t: cumulative(t) is not None, timeout=600) is None:
                raise SystemExit("the dashboard never showed the cumulative figure:\n" + s.text())
            print(f"    dashboard: first frame with the ledger after {time.monotonic() - t0:.1f} s; "
                  f"VmHWM {vmhwm(s.proc.pid):.1f} MiB")
            lat = []
            for k in range(a.inserts):
                before = cumulative(s)
                server.psql(
                    "INSERT INTO bench.events (timestamp, entity, program, participant, avoided_kgco2e) "
                    f"SELECT '2025-03-01T00:00:00Z', 'Bench', 'Inserted', 'b{k}-' || g, 1000 "
                    "FROM generate_series(1, 10000) g")
                t1 = time.monotonic()
                t2 = read_until(s, lambda t: cumulative(t) not in (None, before), timeout=120)
                lat.append((t2 - t1) * 1000 if t2 else float("nan"))
            print(f"(c) 10,000 events INSERTed to the new cumulative on screen: median "
                  f"{statistics.median(lat):.0f} ms  runs {' '.join(f'{x:.0f}' for x in lat)} "
                  "(from psql's return, i.e. after the commit)")
            print(f"(e) dashboard peak memory, database source ({rows} events): VmHWM {vmhwm(s.proc.pid):.1f} MiB")
        finally:
            s.close()
        server.psql("DELETE FROM bench.events WHERE entity = 'Bench'")

        # (d) one changed operations row
        gurl = server.schema_url("bench_greenfield")
        timed([binary(), "db", "import", os.path.join(REPO, "sample-data", "greenfield"), gurl], env)
        s = Session(args=[gurl], cols=100, rows=30, env=server.env)
        try:
            assert read_until(s, lambda t: "net 47.9 kt" in t.text(), timeout=60), s.text()
            lat = []
            for k in range(a.inserts):
                before = re.search(r"net [0-9.]+ [kMG]?t", s.text()).group(0)
                server.psql("UPDATE bench_greenfield.operations SET scope1_tco2e = scope1_tco2e + 1000 "
                            "WHERE id = (SELECT min(id) FROM bench_greenfield.operations WHERE period LIKE '2024-1%')")
                t1 = time.monotonic()
                t2 = read_until(s, lambda t: before not in t.text(), timeout=30)
                lat.append((t2 - t1) * 1000 if t2 else float("nan"))
            print(f"(d) one operations row UPDATEd to the figure on screen: median "
                  f"{statistics.median(lat):.0f} ms  runs {' '.join(f'{x:.0f}' for x in lat)}")
            print(f"    dashboard peak memory, greenfield from the database: VmHWM {vmhwm(s.proc.pid):.1f} MiB")
        finally:
            s.close()
    finally:
        stop_server(server)


if __name__ == "__main__":
    main()
