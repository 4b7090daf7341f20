"""The headless commands of the real binary: exit codes, the published Alibaba figures in the
JSON report (worked out by hand in sample-data/alibaba/README.md), and the events ledger
against the shared yardstick's expected output."""
import hashlib
import json
import os
import shutil
import subprocess
import tempfile

import pytest

from harness import REPO, binary

SHARED = os.path.abspath(os.path.join(REPO, "..", "shared"))


def run(*args, cwd=REPO, **kw):
    return subprocess.run([binary(), *args], cwd=cwd, capture_output=True, text=True, timeout=120, **kw)


def close(a, b, rel=1e-6):
    return a is not None and abs(a - b) <= rel * max(abs(a), abs(b))


def test_report_json_has_the_published_figures():
    r = run("report", "--format", "json")
    assert r.returncode == 0, r.stderr
    rep = json.loads(r.stdout)
    assert rep["schema"] == "carbontop.report/1"
    assert rep["organization"] == "Alibaba Group"
    s3p = rep["scope3plus"]
    years = {y["fy"]: y for y in s3p["years"]}
    # Published: FY2025 59.208 Mt; cumulative FY2023..FY2025 = 22.907 + 33.34 + 59.208 = 115.455 Mt.
    assert close(years["FY2025"]["avoided_tco2e"], 59_208_000)
    assert close(years["FY2025"]["cumulative_tco2e"], 115_455_000)
    assert close(s3p["progress"], 115_455_000 / 1.5e9)  # 7.697%
    # sum_{k=1..10} 59.208e6 (1+g)^k = 1.5e9 - 115.455e6  ->  g = 0.150261 (bisection by hand in the sample README)
    assert abs(s3p["required_growth"] - 0.150261426) < 1e-6
    vc = {y["fy"]: y for y in rep["value_chain"]["years"]}
    assert abs(vc["FY2024"]["intensity"] - 8.1) < 1e-9  # 8.1 x 941,168 / 941,168
    ops = rep["operational"]
    # Path at FY2024 = 4,220,000 x (2030 - 2024) / (2030 - 2021) = 2,813,333.33 t
    assert close(ops["path_net_tco2e_at_latest"], 4_220_000 * 6 / 9)
    status = {t["id"]: t["status"] for t in rep["targets"]}
    assert status == {"ops-neutral": "behind", "vc-intensity": "behind", "scope3plus": "on_track", "cloud-neutral": "no_data"}


@pytest.mark.parametrize("fmt", ["text", "markdown", "csv"])
def test_report_other_formats(fmt):
    r = run("report", "--format", fmt)
    assert r.returncode == 0, r.stderr
    assert "Alibaba Group" in r.stdout or fmt == "csv"
    assert "\x1b" not in r.stdout


def test_report_output_file_and_devices():
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "r.json")
        assert run("report", "--format", "json", "--output", out).returncode == 0
        assert json.load(open(out))["organization"] == "Alibaba Group"
        # Replacing an existing file leaves no temporary file behind.
        assert run("report", "--format", "csv", "--output", out).returncode == 0
        assert open(out).read().startswith("section,")
        assert os.listdir(d) == ["r.json"]
        # A folder that does not exist: exit 2, the path and the reason, nothing written.
        bad = os.path.join(d, "missing", "r.json")
        r = run("report", "--output", bad)
        assert r.returncode == 2
        assert f"cannot write {bad}" in r.stderr and "No such file or directory" in r.stderr
        assert os.listdir(d) == ["r.json"]
    # A device is written in place, never replaced.
    fifo_dir = tempfile.mkdtemp()
    try:
        path = os.path.join(fifo_dir, "fifo")
        os.mkfifo(path)
        reader = subprocess.Popen(["cat", path], stdout=subprocess.PIPE)
        assert run("report", "--format", "json", "--output", path).returncode == 0
        data = reader.communicate(timeout=30)[0]
        assert json.loads(data)["schema"] == "carbontop.report/1"
        assert os.path.exists(path) and not os.path.isfile(path)
    finally:
        shutil.rmtree(fifo_dir)


def test_report_write_errors_are_not_lost():
    """A device that refuses the bytes (/dev/full: ENOSPC) is an error, exit 2, not a silent
    success; the same for standard output."""
    r = run("report", "--output", "/dev/full")
    assert r.returncode == 2
    assert "cannot write /dev/full: No space left on device" in r.stderr
    with open("/dev/full", "w") as full:
        r = subprocess.run([binary(), "report"], cwd=REPO, stdout=full, stderr=subprocess.PIPE,
                           text=True, timeout=60)
    assert r.returncode == 2
    assert "cannot write to standard output: No space left on device" in r.stderr


def test_check_exit_codes():
    assert run("check").returncode == 0
    assert run("check", "sample-data/greenfield").returncode == 0
    with tempfile.TemporaryDirectory() as d:
        r = run("check", d)  # no dataset.toml: a data error
        assert r.returncode == 1
        assert "dataset.toml: error:" in r.stdout
        with open(os.path.join(d, "dataset.toml"), "w") as f:
            f.write('[organization]\nname = "X"\n')
        with open(os.path.join(d, "operations.csv"), "w") as f:
            f.write("period,entity,scope1_tco2e\nFY2024,A,\"1,234\"\nFY2023,A,5\n")
        r = run("check", d)
        assert r.returncode == 1
        assert 'operations.csv:2:3: error: scope1_tco2e: expected a number, found "1,234"' in r.stdout, r.stdout
        # report still prints (exit 0) with the diagnostic inside; --strict makes it 1.
        r = run("report", d, "--format", "json")
        assert r.returncode == 0
        diags = json.loads(r.stdout)["diagnostics"]
        assert {"severity": "error", "file": "operations.csv", "line": 2, "column": 3} == {k: diags[0][k] for k in ("severity", "file", "line", "column")}
        assert run("report", d, "--strict").returncode == 1
    assert run("check", "/nonexistent-carbontop").returncode == 2
    assert run("check", "--no-such-option").returncode == 2


def test_dataset_default_needs_the_sample_folder():
    with tempfile.TemporaryDirectory() as d:
        r = run("report", cwd=d)
        assert r.returncode == 2
        assert "sample-data/alibaba" in r.stderr


def test_help_has_examples():
    for cmd in ([], ["report"], ["check"], ["ledger"], ["dashboard"]):
        r = run(*cmd, "--help")
        assert r.returncode == 0
        assert "Example" in r.stdout, cmd


def test_report_with_scenario_changes_the_outcome():
    sc = "sample-data/greenfield/scenarios/faster-clean-power.toml"
    base = json.loads(run("report", "sample-data/greenfield", "--format", "json").stdout)
    r = run("report", "sample-data/greenfield", "--format", "json", "--scenario", sc)
    assert r.returncode == 0, r.stderr
    rep = json.loads(r.stdout)
    assert rep["scenario"]["name"] is not None
    # Statuses are judged on history: unchanged by the scenario.
    assert [t["status"] for t in rep["targets"]] == [t["status"] for t in base["targets"]]


@pytest.mark.skipif(not os.path.isdir(SHARED), reason="../shared not present")
def test_ledger_matches_the_yardstick_byte_for_byte():
    np = pytest.importorskip("numpy")
    with tempfile.TemporaryDirectory() as d:
        ev = os.path.join(d, "events_1m.csv")
        subprocess.run(["python3", os.path.join(SHARED, "bench", "gen_events.py"), "--rows", "1000000", "--out", ev],
                       check=True, capture_output=True, timeout=300)
        digest = hashlib.sha256(open(ev, "rb").read()).hexdigest()
        if digest != "9d716f99ac6da0044fb0f5639b96fe792ce7331899d56194228a670017652410":
            pytest.skip(f"numpy {np.__version__} generates other bytes than the yardstick's")
        out = os.path.join(d, "w1.csv")
        r = run("ledger", ev, "--output", out)
        assert r.returncode == 0, r.stderr
        assert open(out, "rb").read() == open(os.path.join(SHARED, "bench", "expected_w1_1m.csv"), "rb").read()


def test_check_watch_prints_again_when_a_file_changes(tmp_path):
    """`check --watch`: diagnostics once, then again after each change; SIGINT ends it with 0."""
    import signal
    import time
    from harness import copy_dataset, write_atomic
    ds = copy_dataset(tmp_path, "greenfield")
    p = subprocess.Popen([binary(), "check", "--watch", ds], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                         text=True, bufsize=1)
    try:
        first = p.stdout.readline()
        assert "checking" in first, first
        # greenfield's one warning (cafe-intensity below SBTi's 7%/yr), then the summary.
        summary = p.stdout.readline()
        while "errors" not in summary and summary:
            summary = p.stdout.readline()
        assert "0 errors" in summary, summary
        rev = os.path.join(ds, "revenue.csv")
        text = open(rev).read()
        write_atomic(rev, text + "FY2099,Greenfield Holdings,abc\n")
        lines = []
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            line = p.stdout.readline()
            lines.append(line)
            if "1 error" in line:
                break
        out = "".join(lines)
        assert "changed: revenue.csv" in out, out
        assert "revenue.csv:" in out and ": error: revenue: expected a number" in out, out
        p.send_signal(signal.SIGINT)
        assert p.wait(timeout=10) == 0
    finally:
        if p.poll() is None:
            p.kill()


def test_rejected_event_rows_are_counted_in_the_report(tmp_path):
    """Malformed ledger rows: diagnostics, left out of the sums, and counted in the report."""
    from harness import copy_dataset
    ds = copy_dataset(tmp_path, "greenfield")
    before = json.loads(run("report", ds, "--format", "json").stdout)["scope3plus"]
    name = sorted(os.listdir(os.path.join(ds, "events")))[0]
    with open(os.path.join(ds, "events", name), "a", encoding="utf-8") as f:
        f.write("2024-01-01,Café Verde,Refill,u1,abc\n2024-01-02,Café Verde,Refill,u2,-1\n")
    r = run("report", ds, "--format", "json")
    assert r.returncode == 0
    rep = json.loads(r.stdout)
    s3p = rep["scope3plus"]
    assert s3p["event_rows_read"] == before["event_rows_read"] + 2
    assert s3p["event_rows_rejected"] == before["event_rows_rejected"] + 2
    assert [y["avoided_tco2e"] for y in s3p["years"]] == [y["avoided_tco2e"] for y in before["years"]]
    errors = [d for d in rep["diagnostics"] if d["file"] == f"events/{name}" and d["severity"] == "error"]
    assert len(errors) == 2 and all(d["line"] and d["column"] for d in errors)
    text = run("report", ds).stdout
    assert "rejected (malformed, left out of the sums)" in text


def test_binary_does_not_link_foundation():
    """The memory goal (docs/performance.md, "Memory"): no module imports Foundation, so the
    binary must not need libFoundation (nor its ICU) at run time."""
    out = subprocess.run(["readelf", "-d", binary()], capture_output=True, text=True, check=True).stdout
    needed = [line.split("[")[1].rstrip("]") for line in out.splitlines() if "(NEEDED)" in line]
    assert needed, out
    assert not any(n.startswith(("libFoundation.so", "libFoundationInternationalization", "lib_FoundationICU"))
                   for n in needed), needed
