"""Keys: help overlay, zoom, fiscal-year cursor, entity filter, Scope 2 basis, screens."""
from harness import Session

ESC = "\x1b"


def started(**kw) -> Session:
    s = Session(cols=100, rows=30, **kw)
    assert s.wait_for("BEHIND"), s.text()
    s.settle()
    return s


def test_help_opens_and_closes():
    with started() as s:
        assert "show or hide this help" not in s.text()
        s.key("?")
        assert s.wait_for("show or hide this help"), s.text()
        text = s.text()
        # Generated from the key registry: every binding of the task is listed.
        for desc in ("quit", "zoom: own operations", "view as of the previous fiscal year",
                     "entity filter", "Scope 2 basis", "next theme"):
            assert desc in text, desc
        s.key("?")
        assert s.wait_gone("show or hide this help"), s.text()
        s.key("?")
        assert s.wait_for("show or hide this help")
        s.key(ESC)
        assert s.wait_gone("show or hide this help"), s.text()
        assert "1 Carbon-neutral own" in s.text() and "(S1+2, by FY2030)" in s.text()


def test_zoom_each_panel_and_back():
    with started() as s:
        # Headings are the targets' titles and scopes (issue 12 item 5).
        for key, title in (("1", "Carbon-neutral own operations (Scope 1 and 2) by 2030 (S1+2, by FY2030)"),
                           ("2", "Halve value-chain (Scope 3) carbon intensity by 2030 (S3, by FY2030)"),
                           ("3", "Scope 3+")):
            s.key(key)
            assert s.wait_for("Esc:back"), s.text()
            # Full screen: the box title has no zoom-key prefix and the other panels are gone.
            assert s.line(1).lstrip("┏┌+ ").startswith(title), s.line(1)
            others = [t for t in ("1 Carbon-neutral", "2 Halve value-chain", "3 Scope 3+") if not t.startswith(key)]
            for o in others:
                assert o not in s.text()
            s.key(ESC)
            assert s.wait_for("1-3:zoom"), s.text()
            assert "1 Carbon-neutral own" in s.text() and "(S1+2, by FY2030)" in s.text()


def test_zoom_operations_shows_year_table():
    with started() as s:
        s.key("1")
        assert s.wait_for("Esc:back")
        text = s.text()
        # One row per fiscal year with data: FY2022 .. FY2024 from operations.csv.
        for fy in ("FY2022", "FY2023", "FY2024"):
            assert any(l.lstrip("┃│| ").startswith(fy) for l in s.screen.display), fy
        assert "FY2030 proj" in text


def test_enter_zooms_focused_panel_and_tab_moves_focus():
    with started() as s:
        s.key("\t")
        s.key("\r")
        assert s.wait_for("Esc:back"), s.text()
        assert s.line(1).lstrip("┏┌+ ").startswith("Halve value-chain"), s.line(1)


def test_year_cursor_moves_as_of_year():
    with started() as s:
        assert "FY2025 (latest complete)" in s.line(0)
        s.key("[")
        assert s.wait_for("as of FY2024"), s.line(0)
        s.key("[")
        assert s.wait_for("as of FY2023"), s.line(0)
        # As of FY2023 the operations panel judges FY2023: scope1_2 4,681,000 t = 4.68 Mt.
        assert "net 4.68 Mt" in s.text()
        s.key("]")
        assert s.wait_for("as of FY2024"), s.line(0)
        s.key("]")
        assert s.wait_for("FY2025 (latest complete)"), s.line(0)
        assert "as of" not in s.line(0)
        # Past the latest year: nothing changes.
        s.key("]")
        assert "FY2025 (latest complete)" in s.line(0)


def test_entity_filter_cycles():
    with started() as s:
        assert "entity:" not in s.line(0)
        s.key("e")
        assert s.wait_for("entity: Alibaba Cloud"), s.line(0)
        # Alibaba Cloud has no Scope 1+2 rows in operations.csv: the panel says NO DATA.
        assert "net -" in s.text()
        s.key("e")
        assert s.wait_for("entity: Alibaba Group"), s.line(0)
        for _ in range(10):
            if "entity:" not in s.line(0):
                break
            s.key("e")
        assert "entity:" not in s.line(0), "the filter never came back to all entities"


def test_basis_toggle_text():
    with started() as s:
        assert "S2 market" in s.text()
        assert "S2 location" not in s.text()
        s.key("b")
        assert s.wait_for("S2 location"), s.text()
        assert "S2 location" in s.line(0)
        assert "S2 market" not in s.text()
        s.key("b")
        assert s.wait_gone("S2 location"), s.text()
        assert "S2 market" in s.text()


def test_targets_and_diagnostics_screens():
    with started() as s:
        s.key("T")
        assert s.wait_for("Targets"), s.text()
        # Every target of dataset.toml, including the one the panels do not show.
        assert s.wait_for("Alibaba Cloud carbon ne"), s.text()
        assert "4 rows" in s.text()
        s.key(ESC)
        assert s.wait_for("1-3:zoom")
        s.key("D")
        assert s.wait_for("no diagnostics: the dataset reads cleanly"), s.text()
        s.key(ESC)
        assert s.wait_for("1-3:zoom")
