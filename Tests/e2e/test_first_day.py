"""Issue 12: a new user's first day, replayed on a dataset of the kind they built (a June
year end, one all-scopes neutrality target titled "Carbon negative", Scope 3 rows but no
intensity target, no avoided target, Scope 2 given on one basis only, electricity missing in
the latest year). The real binary in a pty: titles, panels, legends, drill-down coverage and
horizontal scrolling, and the headless report."""
import json
import os
import subprocess

import pytest

from harness import Session, binary

RIGHT = "\x1bOC"
LEFT = "\x1bOD"
NOTE = "spend-based for most suppliers; supplier-specific for the top 40 (see the annual report, p. 112)"


@pytest.fixture()
def dataset(tmp_path):
    d = tmp_path / "softco"
    d.mkdir()
    (d / "dataset.toml").write_text(
        '[organization]\nname = "Softco"\nfiscal_year_end = "06-30"\nrevenue_unit = "million USD"\n\n'
        '[[target]]\nid = "carbon-negative"\ntitle = "Carbon negative"\nkind = "neutrality"\n'
        'scopes = ["1", "2", "3"]\nbaseline = "FY2020"\nby = "FY2030"\n')
    ops = ["period,entity,scope1_tco2e,scope2_market_tco2e,electricity_mwh,clean_electricity_mwh"]
    for i, y in enumerate(range(2020, 2025)):
        elec = "" if y == 2024 else str(100000 + 1000 * i)
        clean = "" if y == 2024 else str(20000 + 5000 * i)
        ops.append(f"FY{y},Softco,{1000 - 50 * i},{20000 - 1000 * i},{elec},{clean}")
    (d / "operations.csv").write_text("\n".join(ops) + "\n")
    vc = ["period,entity,category,tco2e,data_quality"]
    for i, y in enumerate(range(2020, 2025)):
        vc.append(f"FY{y},Softco,1,{300000 + 10000 * i},\"{NOTE}\"")
        vc.append(f"FY{y},Softco,6,{5000 + 100 * i},")
    (d / "value_chain.csv").write_text("\n".join(vc) + "\n")
    return str(d)


def test_report_says_what_happened(dataset):
    r = subprocess.run([binary(), "report", dataset], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert "Carbon negative [carbon-negative]: net emissions of Scopes 1+2+3" in out
    assert "Own operations" not in out
    # Every year gave Scope 2 on the market basis only: five rows, five years.
    assert "Scope 2: 5 rows in FY2020, FY2021, FY2022, FY2023, FY2024 gave one basis only" in out
    assert "no projection: electricity_mwh missing at FY2024" in out
    assert "Scope 3 by category and fiscal year:" in out
    rep = json.loads(subprocess.run([binary(), "report", dataset, "--format", "json"],
                                    capture_output=True, text=True, timeout=60).stdout)
    vc = rep["value_chain"]
    assert vc is not None and vc["target_id"] is None
    assert [y["scope3_tco2e"] for y in vc["years"]] == [305000, 315100, 325200, 335300, 345400]
    assert rep["targets"][0]["projection_missing"] == "electricity_mwh missing at FY2024"


def test_screens(dataset):
    with Session([dataset], cols=120, rows=36) as s:
        assert s.wait_for("1 Carbon negative (S1+2+3, by FY2030)"), s.text()
        text = s.text()
        assert "2 Value chain: Scope 3 (no intensity target)" in text
        assert "Scope 3 345.4 kt" in text
        # No avoided target and no avoided data: no empty panel, no "no avoided target".
        assert "no avoided target" not in text and "3 " not in [l[:3].strip("┌┏ ") for l in s.screen.display]
        # Zoom 1: the missing input, the legend.
        s.key("1")
        assert s.wait_for("legend:"), s.text()
        assert "no projection: electricity_mwh missing at FY2024" in s.text()
        legend = next(l for l in s.screen.display if "legend:" in l)
        assert " net" in legend and " path to zero" in legend
        s.key("\x1b")
        assert s.wait_gone("legend:")
        # Drill-down on the net figure: operations.csv and value_chain.csv rows.
        s.key("d")
        assert s.wait_for("Sources: operations FY2024"), s.text()
        text = s.text()
        assert "operations.csv:6" in text and "value_chain.csv:10" in text, text
        assert "p. 112)" not in text
        for _ in range(8):
            s.key(RIGHT)
        assert s.wait_for("p. 112)"), s.text()
        for _ in range(8):
            s.key(LEFT)
        assert s.wait_for("value_chain.csv:10"), s.text()
        s.key("\x1b")
        # Zoom 2: Scope 3 by category and year.
        s.key("2")
        assert s.wait_for("categories by year"), s.text()
