"""Scenario tweaking end to end: raising a lever in the editor turns a target's projected
outcome from missed to met exactly where the arithmetic says (the expected figures come from
the independent implementation of DATA.md in Tests/crosscheck/reference.py, run on the same
levers), and a saved scenario reopens with the same levers."""
import json
import os
import subprocess
import sys
import tomllib

from harness import REPO, Session, copy_dataset

REFERENCE = os.path.join(REPO, "Tests", "crosscheck", "reference.py")
DOWN, RIGHT = "\x1b[B", "\x1b[C"


def reference_outcome(dataset, offsets):
    """net-zero-ops' outcome per the independent implementation, with offsets_per_year set."""
    sc = os.path.join(dataset, "scenarios", "probe.toml")
    with open(sc, "w") as f:
        f.write(f'name = "probe"\n[levers]\noffsets_per_year = {offsets}\n')
    try:
        out = subprocess.run([sys.executable, REFERENCE, dataset, "--scenario", sc],
                             capture_output=True, text=True, timeout=120, check=True).stdout
    finally:
        os.remove(sc)
    t = next(t for t in json.loads(out)["targets"] if t["id"] == "net-zero-ops")
    return t["outcome"]


def outcome_line(s):
    line = next(l for l in s.screen.display if "Net-zero operations" in l)
    return line


def test_raising_offsets_turns_missed_into_met_where_the_arithmetic_says(tmp_path):
    ds = copy_dataset(tmp_path, "greenfield")
    # The editor steps offsets_per_year by 2,000 t: 5% of the 45,000 t default, rounded down
    # to 1, 2 or 5 x 10^n (docs/scenarios.md). Find, with the reference, the first step count
    # at which the target is met.
    outcomes = [reference_outcome(ds, 45_000 + 2_000 * n) for n in range(8)]
    first_met = next(n for n, o in enumerate(outcomes) if o["met"])
    assert first_met >= 1, "the baseline must miss for this test to mean anything"
    with Session(args=[ds], cols=110, rows=32) as s:
        assert s.wait_for("ON TRACK")
        s.key("s")
        assert s.wait_for("offsets retired per year")
        for _ in range(5):  # down to offsets_per_year (the 6th lever)
            s.key(DOWN)
        for n in range(1, first_met + 1):
            s.key(RIGHT)
            assert s.wait_for(f"{45_000 + 2_000 * n:,}"), s.text()
            line = outcome_line(s)
            if n < first_met:
                assert "missed by" in line, line
                # The shortfall shown agrees with the reference's (to the display's rounding).
                shown = line.split("missed by ")[1].split(" at ")[0]
                value, unit = shown.split(" ")
                scale = {"t": 1, "kt": 1e3, "Mt": 1e6}[unit]
                expected = outcomes[n]["shortfall"]
                # Three significant figures on screen: within 1% of the reference.
                assert abs(float(value.replace(",", "")) * scale - expected) <= 0.01 * expected, (line, expected)
            else:
                assert f"met in {outcomes[n]['year_met']}" in line, (line, outcomes[n])
        # Save as "offsets-up", then reopen it in a new session: the same levers.
        s.key("w")
        assert s.wait_for("save as scenarios/NAME.toml"), s.text()
        s.send("offsets-up")
        s.key("\r")
        assert s.wait_for("saved offsets-up.toml"), s.text()
        with open(os.path.join(ds, "scenarios", "offsets-up.toml"), "rb") as f:
            saved = tomllib.load(f)
        assert saved["name"] == "offsets-up"
        assert saved["levers"] == {"offsets_per_year": 45_000 + 2_000 * first_met}, saved
        s.send("q")
        assert s.wait_exit() == 0
    with Session(args=[ds, "--scenario", os.path.join(ds, "scenarios", "offsets-up.toml")], cols=110, rows=32) as s:
        assert s.wait_for("offsets-up")
        s.key("s")
        assert s.wait_for(f"{45_000 + 2_000 * first_met:,}"), s.text()
        assert f"met in {outcomes[first_met]['year_met']}" in outcome_line(s)
        s.send("q")
        assert s.wait_exit() == 0
