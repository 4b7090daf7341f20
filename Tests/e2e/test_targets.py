"""The targets screen (T), one target's screen (Enter), its drill-down (d), and the overview
strip's % achieved, on the fictional greenfield sample (every kind of target, milestones,
activity.csv)."""
from harness import Session

ESC = "\x1b"
DOWN = "\x1bOB"


def started(cols=160, rows=40) -> Session:
    s = Session(args=("sample-data/greenfield",), cols=cols, rows=rows)
    assert s.wait_for("ON TRACK"), s.text()
    s.settle()
    return s


def test_targets_screen_lists_every_kind_with_status_achieved_milestone_and_sbti():
    with started(cols=230) as s:
        s.key("T")
        assert s.wait_for("next milestone"), s.text()
        text = s.text()
        # The widest title is shown whole: titles take the width the terminal has.
        assert "-42% absolute Scope 1+2 by FY2030 vs FY2020 (SBTi 1.5°C)" in text, text
        for kind in ("neutrality S1+2", "absolute S1+2", "net zero S1+2+3", "clean share",
                     "intensity S1/tonne_km", "avoided"):
            assert kind in text, kind
        row = next(l for l in text.splitlines() if "100% clean electricity" in l)
        # share: behind, 63.4% achieved, figure and gap in its unit (share points).
        assert "BEHIND" in row and "63.4%" in row and "74.0%" in row and "6.0%" in row, row
        row = next(l for l in text.splitlines() if "-42% absolute" in l)
        assert "ON TRACK" in row and "60.4%" in row and "FY2026 90.3 kt" in row, row
        # Every figure carries its unit, the intensity's too.
        row = next(l for l in text.splitlines() if "tonne-km" in l)
        assert "t/thousand t-km" in row, row


def test_enter_opens_the_target_screen_with_chart_years_and_milestones():
    with started() as s:
        s.key("T")
        assert s.wait_for("achieved")
        for _ in range(5):
            s.key(DOWN)
        s.key("\r")
        assert s.wait_for("by fiscal year"), s.text()
        text = s.text()
        assert "level 74.8 kt" in text and "60.4% achieved" in text, text
        assert "SBTi meets the minimum (4.2%/yr)" in text, text
        assert "met in FY2029" in text, text
        assert "◆" in text, text  # milestones marked on the path
        assert "FY2030 proj" in text, text
        s.key("\t")
        assert s.wait_for("UPCOMING"), s.text()
        assert "MET" in s.text()
        # Back to the list, then the overview.
        s.key(ESC)
        assert s.wait_for("achieved"), s.text()


def test_d_on_a_target_shows_the_rows_behind_its_figure_with_the_toml_line():
    with started(cols=200) as s:
        s.key("T")
        assert s.wait_for("achieved")
        for _ in range(8):
            s.key(DOWN)
        s.key("d")
        assert s.wait_for("Sources: target logistics-intensity FY2025"), s.text()
        text = s.text()
        assert "dataset.toml:" in text and "per=tonne_km" in text, text
        assert "activity.csv:8" in text and "tonne_km=535000" in text, text
        assert "operations.csv:" in text and "scope1=" in text, text


def test_overview_strip_shows_achieved_beside_status():
    with started(cols=100, rows=30) as s:
        text = s.text()
        assert "ON TRACK 64.0%" in text, text


def test_titles_take_the_width_the_terminal_has():
    # At 120 columns the title column gets 120 - 2 - (8 + 8 + 21 + 6 + 22 + 18 + 6) = 29
    # columns (the old screen cut every title at 24); at 230 the whole title.
    with started(cols=120, rows=30) as s:
        s.key("T")
        assert s.wait_for("achieved"), s.text()
        assert "-42% absolute Scope 1+2 by F" in s.text(), s.text()
