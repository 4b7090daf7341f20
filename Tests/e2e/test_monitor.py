"""Live monitoring in a pseudo-terminal: the year in progress moves when a row of the current
year is rewritten; a status flip is an alert (with --bell, BEL exactly once); the `/` filter,
the sort key and the `:` palette; `check --watch --on-change`."""
import json
import os
import signal
import subprocess
import time

from harness import Session, binary, copy_dataset, write_atomic

OPS_FY2024 = "FY2024,Alibaba Group,,,4450000,2320000,,,"
GF_JAN = "2026-01,Greenfield Foods Ltd,2488.5,1819.0,618.5,,,,174.2,3638,2401,"


def replace_line(path: str, old: str, new: str) -> None:
    text = open(path, encoding="utf-8").read()
    assert old in text
    write_atomic(path, text.replace(old, new))


def test_rewritten_current_year_row_moves_the_overview(tmp_path):
    ds = copy_dataset(tmp_path, "greenfield")
    with Session(args=[ds], cols=160, rows=48) as s:
        assert s.wait_for("YTD through 2026-02 56.8 kt"), s.text()
        # Scope 1 of one month x10: +22,396.5 t year to date (56,755.8 -> 79,152.3 t).
        replace_line(
            os.path.join(ds, "operations.csv"), GF_JAN,
            GF_JAN.replace(",2488.5,", ",24885.0,"))
        assert s.wait_for("YTD through 2026-02 79.2 kt"), s.text()
        assert "YTD through 2026-02 56.8 kt" not in s.text()


def test_status_flip_alerts_and_rings_once(tmp_path):
    ds = copy_dataset(tmp_path)
    ops = os.path.join(ds, "operations.csv")
    with Session(args=[ds, "--bell"], cols=120, rows=36) as s:
        assert s.wait_for("BEHIND"), s.text()
        s.settle()
        assert s.raw.count(b"\x07") == 0
        replace_line(ops, OPS_FY2024, "FY2024,Alibaba Group,,,1000,500,,,")
        assert s.wait_for("ALERT"), s.text()
        s.settle(quiet=0.5)
        alert = [line for line in s.text().split("\n") if "ALERT" in line][0]
        assert "ops-neutral: BEHIND ->" in alert, alert
        assert s.raw.count(b"\x07") == 1
        # A reload that changes no status: no bell, no new alert.
        replace_line(ops, "FY2024,Alibaba Group,,,1000,500,,,", "FY2024,Alibaba Group,,,1001,500,,,")
        assert s.wait_for("reloaded operations.csv"), s.text()
        s.settle(quiet=0.5)
        assert s.raw.count(b"\x07") == 1
        assert "(+1 more)" not in s.text()
        # Acknowledged: the line goes; the alerts screen keeps it.
        s.key("a")
        assert s.wait_gone("ALERT"), s.text()
        s.key("A")
        assert s.wait_for("Alerts"), s.text()
        assert "ops-neutral: BEHIND ->" in s.text()


def test_filter_sort_and_palette(tmp_path):
    with Session(args=["sample-data/alibaba"], cols=120, rows=36) as s:
        assert s.wait_for("BEHIND"), s.text()
        s.key("T")
        assert s.wait_for("Targets"), s.text()
        s.key("/")
        for c in "CLOUD":
            s.key(c, settle=False)
        s.key("\r")
        assert s.wait_for("rows matching /CLOUD"), s.text()
        assert "cloud-neutral" in s.text() or "Alibaba Cloud" in s.text()
        assert "Halve value-chain" not in s.text()
        s.key("\x1b")
        assert s.wait_gone("rows matching"), s.text()
        s.key("S")
        assert s.wait_for("target ^"), s.text()
        s.key("S")
        assert s.wait_for("target v"), s.text()
        s.key("\x1b")
        s.key("\x1b")
        s.key(":")
        for c in "cloud":
            s.key(c, settle=False)
        assert s.wait_for("palette"), s.text()
        s.key("\r")
        assert s.wait_for("Targets"), s.text()
        sel = [line for line in s.text().split("\n") if "Alibaba Cloud" in line]
        assert sel, s.text()


def test_check_watch_on_change_runs_the_command(tmp_path):
    ds = copy_dataset(tmp_path)
    out = os.path.join(str(tmp_path), "changes.json")
    p = subprocess.Popen(
        [binary(), "check", "--watch", "--on-change", f"cat > {out}", ds],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        time.sleep(1.0)
        # A reload that changes nothing runs nothing.
        text = open(os.path.join(ds, "operations.csv"), encoding="utf-8").read()
        write_atomic(os.path.join(ds, "operations.csv"), text)
        time.sleep(1.0)
        assert not os.path.exists(out)
        replace_line(
            os.path.join(ds, "operations.csv"), OPS_FY2024, "FY2024,Alibaba Group,,,1000,500,,,")
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not (os.path.exists(out) and os.path.getsize(out)):
            time.sleep(0.05)
        data = json.loads(open(out, encoding="utf-8").read())
        changes = [c for c in data["changes"] if c["kind"] == "status"]
        assert [c["target"] for c in changes] == ["ops-neutral"], data
        assert changes[0]["from"] == "behind"
    finally:
        p.send_signal(signal.SIGTERM)
        p.wait(timeout=5)
