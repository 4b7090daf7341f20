"""The cross-check of Tests/crosscheck run against the real binary, small and with fixed seeds.

compare.py runs the binary and reference.py (an independent reading of DATA.md) on the two
samples (with their hand-worked README figures) and on generated datasets, and fails on any
difference in a required key of the JSON report. fuzz_check.py mutates the samples and
generated datasets and fails on a crash, a hang, invalid JSON or a malformed diagnostic.
Both write only under pytest's tmp_path (their --keep option), so parallel runs do not collide.
Sizes are chosen to run in about 15 s each with a debug build on a 2-core machine; the longer
campaigns are run by hand (Tests/crosscheck/README.md).
"""
from __future__ import annotations

import os
import subprocess
import sys

from harness import REPO, binary

CROSSCHECK = os.path.join(REPO, "Tests", "crosscheck")

# Fixed seeds and sizes: deterministic, like every test of the suite.
COMPARE_N, COMPARE_SEED = 25, 1017
FUZZ_N, FUZZ_SEED = 60, 2029


def _run(script: str, n: int, seed: int, keep: str) -> subprocess.CompletedProcess:
    cmd = [sys.executable, os.path.join(CROSSCHECK, script), binary(), str(n), str(seed), "--keep", keep]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=600, cwd=REPO)


def _report(p: subprocess.CompletedProcess) -> str:
    out = (p.stdout + p.stderr).strip().splitlines()
    return "\n".join(out[-60:])


def test_compare_agrees_with_reference(tmp_path):
    p = _run("compare.py", COMPARE_N, COMPARE_SEED, str(tmp_path / "compare"))
    assert p.returncode == 0, f"compare.py {COMPARE_N} {COMPARE_SEED} found differences:\n{_report(p)}"
    assert f"{COMPARE_N}/{COMPARE_N} generated datasets agree; samples agree" in p.stdout, _report(p)


def test_fuzz_finds_no_failure(tmp_path):
    p = _run("fuzz_check.py", FUZZ_N, FUZZ_SEED, str(tmp_path / "fuzz"))
    assert p.returncode == 0, f"fuzz_check.py {FUZZ_N} {FUZZ_SEED} failed:\n{_report(p)}"
    assert f"{FUZZ_N}/{FUZZ_N} mutated cases fine; 0 failures" in p.stdout, _report(p)
