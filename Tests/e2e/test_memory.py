"""Memory stays flat under repeated reloads and theme switches (a dashboard left open for
days over SSH reloads thousands of times). Each test compares VmRSS after a warm-up with
VmRSS after ~100 more operations; 0.5 MiB of slack is far above allocator noise (pressing
b 500 times, which recomputes and redraws, grows VmRSS by under 0.1 MiB)."""
import os

import pytest

from harness import Session, copy_dataset, write_atomic

OPS_FY2024 = "FY2024,Alibaba Group,,,4450000,2320000,,,"
SLACK_KB = 512


def vmrss(pid: int) -> int:
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS")


def test_recompute_and_redraw_do_not_grow_memory():
    with Session(cols=100, rows=30) as s:
        assert s.wait_for("BEHIND")
        s.settle()
        for i in range(40):
            s.key("b", settle=False)
            assert s.wait_until(lambda t: ("S2 location" in t.line(0)) == (i % 2 == 0))
        s.settle()
        warm = vmrss(s.proc.pid)
        for i in range(120):
            s.key("b", settle=False)
            assert s.wait_until(lambda t: ("S2 location" in t.line(0)) == (i % 2 == 0))
        s.settle()
        assert vmrss(s.proc.pid) - warm < SLACK_KB


def test_reloads_do_not_grow_memory(tmp_path):
    ds = copy_dataset(tmp_path)
    path = os.path.join(ds, "operations.csv")
    base = open(path, encoding="utf-8").read()

    def flip(i):
        tonnes = 4_000_000 if i % 2 else 3_990_000
        write_atomic(path, base.replace(OPS_FY2024, f"FY2024,Alibaba Group,,,{tonnes},2320000,,,"))
        assert s.wait_for(f"net {tonnes / 1e6:.2f} Mt")

    with Session(args=[ds, "--poll", "0.02"], cols=100, rows=30) as s:
        assert s.wait_for("BEHIND")
        for i in range(10):
            flip(i)
        s.settle()
        warm = vmrss(s.proc.pid)
        for i in range(10, 90):
            flip(i)
        s.settle()
        assert vmrss(s.proc.pid) - warm < SLACK_KB


def test_theme_switches_do_not_grow_memory():
    with Session(cols=100, rows=30) as s:
        assert s.wait_for("BEHIND")
        s.settle()
        for _ in range(30):
            s.key("t", settle=False)
            s.pump(0.01)
        s.settle()
        warm = vmrss(s.proc.pid)
        for _ in range(200):
            s.key("t", settle=False)
            s.pump(0.01)
        s.settle()
        assert vmrss(s.proc.pid) - warm < SLACK_KB
