#!/usr/bin/env python3
"""Dashboard benchmark: the release binary in a pseudo-terminal, read back with pyte.

    swift build -c release --product carbontop
    python3 Tests/bench/dashboard_bench.py [--runs 5] [--changes 100] [--reloads 10000]
        [--ledger-rows 10000000] [--appends 5] [--skip-ledger] [--markdown FILE]

Measures (a) exec to the first full frame, (b) bytes sent while idle, (c) bytes sent for one
changed figure, (d) peak RSS on the sample, (e) rename() of a changed operations.csv to the
new figure on screen, (f) 10,000 events appended to a large ledger to the new total on
screen, (g) VmRSS after many reloads. Every dataset is a temporary copy; nothing in the
repository is modified.
"""
from __future__ import annotations

import argparse
import os
import re
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(REPO, "Tests", "e2e"))
os.environ.setdefault("CARBONTOP_BIN", os.path.join(REPO, ".build", "release", "carbontop"))

from harness import Session, copy_dataset, write_atomic  # noqa: E402

STATUS_WORDS = ("ACHIEVED", "ON TRACK", "BEHIND", "NO DATA")
OPS_FY2024 = "FY2024,Alibaba Group,,,4450000,2320000,,,"
GEN_EVENTS = "/work/shared/bench/gen_events.py"


def read_until(s: Session, pred, timeout=30.0):
    """Read the pty and feed pyte chunk by chunk; return the monotonic time at which
    `pred(s)` first held after a chunk (None on timeout)."""
    end = time.monotonic() + timeout
    if pred(s):
        return time.monotonic()
    while True:
        left = end - time.monotonic()
        if left <= 0:
            return None
        r, _, _ = select.select([s.master], [], [], left)
        if not r:
            continue
        try:
            data = os.read(s.master, 65536)
        except OSError:
            return None
        if not data:
            return None
        s.raw += data
        s.stream.feed(data)
        if pred(s):
            return time.monotonic()


def quit_session(s: Session) -> None:
    s.send("q")
    s.wait_exit()
    s.close()


def proc_status(pid: int, key: str) -> int:
    """A /proc/PID/status field in kB."""
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return -1


def ops_text(ds: str) -> str:
    return open(os.path.join(ds, "operations.csv"), encoding="utf-8").read()


def with_scope12(base: str, tonnes: int) -> str:
    return base.replace(OPS_FY2024, f"FY2024,Alibaba Group,,,{tonnes},2320000,,,")


def net_text(tonnes: int) -> str:
    return f"net {tonnes / 1e6:.2f} Mt"


# --- (a) first frame
def first_frame(runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t0 = time.monotonic()
        s = Session(cols=100, rows=30)
        t = read_until(s, lambda x: "Alibaba Group" in x.line(0)
                       and any(w in x.text() for w in STATUS_WORDS), timeout=30)
        out.append((t - t0) * 1000 if t else float("nan"))
        quit_session(s)
    return out


# --- (b) idle bytes, (c) one changed figure, (d) peak RSS
MOVE = re.compile(rb"\x1b\[(\d+);(\d+)H|\x1b\[(\d+)d|\x1b\[H|\n")


def bytes_by_row(data: bytes) -> dict:
    """Attribute bytes to screen rows (1-based) by the cursor moves ncurses sends before
    them (CUP, VPA, home, newline): a close split, not exact; bytes before the first move
    count as row 0 (unknown)."""
    rows: dict = {}
    row = 0
    pos = 0
    for m in MOVE.finditer(data):
        rows[row] = rows.get(row, 0) + (m.start() - pos)
        if m.group(1):
            row = int(m.group(1))
        elif m.group(3):
            row = int(m.group(3))
        elif m.group(0) == b"\x1b[H":
            row = 1
        else:
            row += 1
        pos = m.start()
    rows[row] = rows.get(row, 0) + (len(data) - pos)
    return rows


def idle_change_rss(idle_seconds: float, tmp: str) -> dict:
    ds = copy_dataset(tmp, "alibaba")
    base = ops_text(ds)
    s = Session(args=[ds], cols=100, rows=30)
    try:
        read_until(s, lambda x: "BEHIND" in x.text())
        s.settle(quiet=0.5)
        idle = s.pump(idle_seconds)
        # (c): one figure changes: 4,450,000 -> 4,460,000 t (4.45 Mt -> 4.46 Mt).
        start = len(s.raw)
        write_atomic(os.path.join(ds, "operations.csv"), with_scope12(base, 4460000))
        read_until(s, lambda x: "net 4.46 Mt" in x.text(), timeout=10)
        s.settle(quiet=0.5)
        update = bytes(s.raw[start:])
        # The end of the change mark (3 s later) is a second, smaller frame.
        start2 = len(s.raw)
        s.settle(quiet=3.5, timeout=8)
        unmark = bytes(s.raw[start2:])
        rows = bytes_by_row(update)
        status_row, header_row = 30, 1
        rss = proc_status(s.proc.pid, "VmHWM")
        cur = proc_status(s.proc.pid, "VmRSS")
    finally:
        quit_session(s)
    return {
        "idle": idle, "update": len(update), "status": rows.get(status_row, 0),
        "header": rows.get(header_row, 0),
        "figure": len(update) - rows.get(status_row, 0) - rows.get(header_row, 0) - rows.get(0, 0),
        "unknown": rows.get(0, 0),
        "unmark": len(unmark), "hwm_kb": rss, "rss_kb": cur, "rows": rows,
    }


# --- (e) rename() to screen
def rename_latency(changes: int, tmp: str) -> list[float]:
    ds = copy_dataset(tmp, "alibaba")
    base = ops_text(ds)
    path = os.path.join(ds, "operations.csv")
    s = Session(args=[ds], cols=100, rows=30)
    out = []
    try:
        read_until(s, lambda x: "BEHIND" in x.text())
        s.settle(quiet=0.3)
        for i in range(changes):
            # 3.00 .. 3.99 Mt: each figure differs from the one before and from 4.45.
            tonnes = 3_000_000 + (i % 100) * 10_000
            needle = net_text(tonnes)
            tmpf = path + ".tmp"
            with open(tmpf, "w", encoding="utf-8") as f:
                f.write(with_scope12(base, tonnes))
            t0 = time.monotonic()
            os.rename(tmpf, path)
            t = read_until(s, lambda x: needle in x.text(), timeout=10)
            out.append((t - t0) * 1000 if t else float("nan"))
            s.pump(0.005)
    finally:
        quit_session(s)
    return out


# --- (f) appended events on a large ledger
def ledger_append(rows: int, appends: int, tmp: str, cache: str | None) -> dict:
    ds = copy_dataset(tmp, "alibaba")
    os.makedirs(os.path.join(ds, "events"))
    ledger = os.path.join(ds, "events", "ledger.csv")
    t0 = time.monotonic()
    src = cache or ledger
    if not (cache and os.path.exists(cache)):
        subprocess.run([sys.executable, GEN_EVENTS, "--rows", str(rows), "--out", src], check=True,
                       stdout=subprocess.DEVNULL)
    if src != ledger:
        shutil.copyfile(src, ledger)
    gen_s = time.monotonic() - t0
    size = os.path.getsize(ledger)
    s = Session(args=[ds], cols=100, rows=30)
    out = []
    try:
        t0 = time.monotonic()
        read_until(s, lambda x: "cumulative" in x.text() and "reading" not in x.line(0), timeout=300)
        load_s = time.monotonic() - t0
        s.settle(quiet=0.5)
        hwm_load = proc_status(s.proc.pid, "VmHWM")
        pat = re.compile(r"cumulative (\S+ \S+)")
        for i in range(appends):
            before = pat.search(s.text()).group(1)
            # 10,000 events of 100,000 kg = +1,000,000 t (1 Mt) each time, in FY2025.
            block = "".join(
                f"2024-06-01T12:{(k // 60) % 60:02d}:{k % 60:02d}Z,Bench Entity,Bench program,"
                f"b{i:03d}{k:06d},100000\n" for k in range(10000))
            t0 = time.monotonic()
            with open(ledger, "a", encoding="utf-8") as f:
                f.write(block)
            t = read_until(s, lambda x: (m := pat.search(x.text())) is not None and m.group(1) != before,
                           timeout=120)
            out.append((t - t0) * 1000 if t else float("nan"))
            s.settle(quiet=0.3)
        hwm = proc_status(s.proc.pid, "VmHWM")
    finally:
        quit_session(s)
    return {"rows": rows, "size": size, "gen_s": gen_s, "load_s": load_s, "ms": out,
            "hwm_load_kb": hwm_load, "hwm_kb": hwm}


# --- (g) memory over many reloads
def tour_memory(tmp: str, cols: int = 240, rows: int = 70) -> dict:
    """(d2) Peak RSS after a tour of every screen on the sample data in a large terminal:
    the three zooms with their tables, help, every theme, targets, diagnostics, drill-down,
    the year cursor, the entity filter, the basis, the scenario editor and compare."""
    ds = copy_dataset(tmp, "alibaba")
    s = Session(args=[ds], cols=cols, rows=rows)
    try:
        read_until(s, lambda x: "BEHIND" in x.text())
        keys = (["1", "j", "j", "d", "\x1b", "\x1b", "2", "G", "\x1b", "3", "\x1b", "\r", "\x1b",
                 "?", "?", "T", "\x1b", "D", "\x1b", "[", "[", "]", "e", "e", "b", "b"]
                + ["t"] * 7
                + ["s", "l", "l", "j", "l", "\x1b", "c", "\x1b", "\x1b"])
        for k in keys:
            s.key(k)
        s.resize(80, 24)
        s.settle(quiet=0.3)
        s.resize(cols, rows)
        s.settle(quiet=0.3)
        hwm = proc_status(s.proc.pid, "VmHWM")
    finally:
        quit_session(s)
    return {"hwm_kb": hwm, "cols": cols, "rows": rows, "keys": len(keys)}


def reload_memory(reloads: int, tmp: str) -> dict:
    ds = copy_dataset(tmp, "alibaba")
    base = ops_text(ds)
    path = os.path.join(ds, "operations.csv")
    s = Session(args=[ds], cols=100, rows=30)
    marks = {}
    t_start = time.monotonic()
    try:
        read_until(s, lambda x: "BEHIND" in x.text())
        s.settle(quiet=0.3)
        marks[0] = proc_status(s.proc.pid, "VmRSS")
        for i in range(1, reloads + 1):
            tonnes = 4_000_000 if i % 2 else 3_990_000
            needle = net_text(tonnes)
            write_atomic(path, with_scope12(base, tonnes))
            if read_until(s, lambda x: needle in x.text(), timeout=10) is None:
                raise RuntimeError(f"reload {i} never reached the screen")
            if i in (100, 1000) or i == reloads:
                s.settle(quiet=0.3)
                marks[i] = proc_status(s.proc.pid, "VmRSS")
        hwm = proc_status(s.proc.pid, "VmHWM")
    finally:
        quit_session(s)
    return {"marks": marks, "hwm_kb": hwm, "seconds": time.monotonic() - t_start}


# --- (h) a rewritten monthly row of the year in progress to the new YTD on screen
GF_JAN = "2026-01,Greenfield Foods Ltd,2488.5,1819.0,618.5,,,,174.2,3638,2401,"


def ytd_latency(changes: int, tmp: str) -> list[float]:
    """Greenfield (FY2026 in progress through 2026-02): one month's Scope 1 of one entity
    rewritten (rename()), to the new "YTD through 2026-02" figure of the first panel."""
    ds = copy_dataset(tmp, "greenfield")
    path = os.path.join(ds, "operations.csv")
    base = open(path, encoding="utf-8").read()
    s = Session(args=[ds], cols=160, rows=48)
    out = []
    pat = re.compile(r"YTD through 2026-02 (\S+ \S+)")
    try:
        read_until(s, lambda x: pat.search(x.text()) is not None)
        s.settle(quiet=0.3)
        for i in range(changes):
            before = pat.search(s.text()).group(1)
            s1 = 3000 + (i % 2) * 500 + i  # a different YTD each time
            tmpf = path + ".tmp"
            with open(tmpf, "w", encoding="utf-8") as f:
                f.write(base.replace(GF_JAN, GF_JAN.replace(",2488.5,", f",{s1}.0,")))
            t0 = time.monotonic()
            os.rename(tmpf, path)
            t = read_until(s, lambda x: (m := pat.search(x.text())) is not None and m.group(1) != before,
                           timeout=10)
            out.append((t - t0) * 1000 if t else float("nan"))
            s.pump(0.005)
    finally:
        quit_session(s)
    return out


# --- (i) an idle dashboard over minute boundaries (the freshness clock)
def idle_minutes(seconds: float, tmp: str) -> dict:
    """Bytes sent while idle for `seconds`, per second of the run: only the minute of the
    header clock (and the age of the data) may change, once a minute."""
    ds = copy_dataset(tmp, "greenfield")
    s = Session(args=[ds], cols=160, rows=48)
    per_second: dict[int, int] = {}
    try:
        read_until(s, lambda x: "BEHIND" in x.text())
        s.settle(quiet=0.5)
        t0 = time.monotonic()
        while time.monotonic() - t0 < seconds:
            n = s.pump(0.25)
            if n:
                k = int(time.monotonic() - t0)
                per_second[k] = per_second.get(k, 0) + n
    finally:
        quit_session(s)
    return {"seconds": seconds, "bursts": per_second, "total": sum(per_second.values())}


def pct(xs, p):
    xs = sorted(xs)
    k = max(0, min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1)))))
    return xs[k]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--idle", type=float, default=5.0)
    ap.add_argument("--changes", type=int, default=100)
    ap.add_argument("--reloads", type=int, default=10000)
    ap.add_argument("--ledger-rows", type=int, default=10_000_000)
    ap.add_argument("--appends", type=int, default=5)
    ap.add_argument("--skip-ledger", action="store_true")
    ap.add_argument("--ledger-cache", help="generated ledger kept here and reused (never in the repo)")
    ap.add_argument("--markdown", help="also write the table as markdown to this file")
    ap.add_argument("--monitor-only", action="store_true",
                    help="only (h) and (i): the year in progress and the idle clock")
    ap.add_argument("--idle-minutes", type=float, default=130.0,
                    help="seconds of idle for (i) (over two minute boundaries by default)")
    a = ap.parse_args()
    binary = os.environ["CARBONTOP_BIN"]
    if not os.path.exists(binary):
        sys.exit(f"{binary} not found: swift build -c release --product carbontop")
    rows = []
    t_all = time.monotonic()
    tmp = tempfile.mkdtemp(prefix="carbontop-bench-")
    try:
        if a.monitor_only:
            monitor_rows(a, tmp, rows)
            return
        ff = first_frame(a.runs)
        rows.append(("(a) exec to first full frame", f"median {statistics.median(ff):.0f} ms",
                     f"{a.runs} runs: " + " ".join(f"{x:.0f}" for x in ff)))
        r = idle_change_rss(a.idle, os.path.join(tmp, "c"))
        rows.append(("(b) bytes sent while idle", f"{r['idle']} B in {a.idle:g} s", "after settling 0.5 s"))
        rows.append(("(c) bytes for one changed figure", f"{r['update']} B total",
                     f"status bar {r['status']} B, header (load time) {r['header']} B, "
                     f"figure and the rest {r['figure']} B (unattributed {r['unknown']} B); end of the change mark 3 s later {r['unmark']} B"))
        rows.append(("(d) peak RSS, sample data", f"{r['hwm_kb'] / 1024:.1f} MiB VmHWM",
                     f"VmRSS {r['rss_kb'] / 1024:.1f} MiB"))
        t = tour_memory(os.path.join(tmp, "d2"))
        rows.append(("(d2) peak RSS after a tour of every screen", f"{t['hwm_kb'] / 1024:.1f} MiB VmHWM",
                     f"{t['cols']}x{t['rows']}, {t['keys']} keys (zooms, drill-down, help, every theme, "
                     "targets, diagnostics, year, entity, basis, scenario editor, compare), resize to 80x24 and back"))
        lat = rename_latency(a.changes, os.path.join(tmp, "e"))
        rows.append(("(e) rename() to figure on screen",
                     f"p50 {pct(lat, 50):.1f} ms, p95 {pct(lat, 95):.1f} ms",
                     f"{len(lat)} changes, max {max(lat):.1f} ms"))
        if not a.skip_ledger:
            L = ledger_append(a.ledger_rows, a.appends, os.path.join(tmp, "f"), a.ledger_cache)
            rows.append((f"(f) 10,000 events appended to a {L['rows']:,}-row ledger",
                         f"median {statistics.median(L['ms']):.0f} ms",
                         f"{a.appends} appends: " + " ".join(f"{x:.0f}" for x in L["ms"])
                         + f"; ledger {L['size'] / 2**20:.0f} MiB, first load {L['load_s']:.1f} s, "
                         f"VmHWM {L['hwm_load_kb'] / 1024:.0f} MiB after load, "
                         f"{L['hwm_kb'] / 1024:.0f} MiB at end (generation or copy {L['gen_s']:.0f} s)"))
            shutil.rmtree(os.path.join(tmp, "f"), ignore_errors=True)
        g = reload_memory(a.reloads, os.path.join(tmp, "g"))
        m = g["marks"]
        rows.append((f"(g) VmRSS after reloads",
                     f"{m.get(100, -1) / 1024:.1f} MiB @100, {m[max(m)] / 1024:.1f} MiB @{max(m)}",
                     "; ".join(f"@{k}: {v / 1024:.1f} MiB" for k, v in sorted(m.items()))
                     + f"; {g['seconds']:.0f} s"))
        monitor_rows(a, tmp, rows)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        print_rows(rows, t_all, a.markdown)


def monitor_rows(a, tmp: str, rows: list) -> None:
    lat = ytd_latency(a.changes, os.path.join(tmp, "h"))
    rows.append(("(h) rewritten current-year monthly row to YTD on screen",
                 f"p50 {pct(lat, 50):.1f} ms, p95 {pct(lat, 95):.1f} ms",
                 f"{len(lat)} changes, max {max(lat):.1f} ms"))
    i = idle_minutes(a.idle_minutes, os.path.join(tmp, "i"))
    rows.append(("(i) bytes sent while idle, freshness clock on",
                 f"{i['total']} B in {i['seconds']:g} s",
                 "bursts (second: bytes): " + (", ".join(f"{k}: {v}" for k, v in sorted(i["bursts"].items())) or "none")))


def print_rows(rows: list, t_all: float, markdown: str | None) -> None:
    if not rows:
        return
    w0 = max(len(r[0]) for r in rows)
    w1 = max(len(r[1]) for r in rows)
    for r in rows:
        print(f"{r[0]:<{w0}}  {r[1]:<{w1}}  {r[2]}")
    print(f"total {time.monotonic() - t_all:.0f} s")
    if markdown:
        with open(markdown, "w") as f:
            f.write("| measure | result | detail |\n|---|---|---|\n")
            for r in rows:
                f.write(f"| {r[0]} | {r[1]} | {r[2]} |\n")


if __name__ == "__main__":
    main()
