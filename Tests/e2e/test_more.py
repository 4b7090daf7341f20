"""More behaviour: mouse reporting on and off, keypad arrows in tables, theme cycling wraps,
the year cursor stops at the earliest year, resizing with the help open, a deleted file,
drill-down to source rows."""
import os

from harness import Session, copy_dataset

ESC = "\x1b"


def started(**kw) -> Session:
    kw.setdefault("cols", 100)
    kw.setdefault("rows", 30)
    s = Session(**kw)
    assert s.wait_for("BEHIND"), s.text()
    s.settle()
    return s


def test_mouse_reporting_enabled_then_disabled_on_exit():
    with started() as s:
        assert b"1000h" in bytes(s.raw)
        s.send("q")
        assert s.wait_exit() == 0
        raw = bytes(s.raw)
        assert raw.rfind(b"1000l") > raw.rfind(b"1000h")


def test_no_mouse_flag():
    with started(args=["--no-mouse"]) as s:
        assert b"1000h" not in bytes(s.raw)
        assert b"1006h" not in bytes(s.raw)


def test_keypad_arrows_move_table_selection():
    with started() as s:
        s.key("1")
        assert s.wait_for("Esc:back")
        before = [(y, s.cell(1, y).reverse, s.cell(1, y).bg) for y in range(s.rows)]
        s.key("\x1bOB")  # Down in keypad (application) mode
        after = [(y, s.cell(1, y).reverse, s.cell(1, y).bg) for y in range(s.rows)]
        assert before != after, "Down did not move the selection"
        s.key("\x1bOA")  # Up
        assert [(y, s.cell(1, y).reverse, s.cell(1, y).bg) for y in range(s.rows)] == before


def test_theme_cycle_wraps_to_default():
    with started() as s:
        start = s.colours()
        seen = []
        for _ in range(12):
            s.key("t")
            line = s.line(s.rows - 1)
            name = line.rsplit("theme ", 1)[1].split()[0] if "theme " in line else "?"
            seen.append(name)
            if name == "dark":
                break
        assert seen[-1] == "dark", seen
        # Shipped themes: light, high-contrast, colour-blind-safe, monochrome (UI.md).
        for t in ("light", "high-contrast", "colorblind", "monochrome"):
            assert t in seen, (t, seen)
        s.settle()
        assert s.colours() == start


def test_year_cursor_stops_at_earliest_year():
    with started() as s:
        for _ in range(10):
            s.key("[")
        # operations.csv starts at FY2021: 510,000 + 3,710,000 = 4,220,000 t = 4.22 Mt.
        assert "as of FY2021" in s.line(0), s.line(0)
        assert "net 4.22 Mt" in s.text()
        assert s.proc.poll() is None


def test_resize_with_help_open():
    with started() as s:
        s.key("?")
        assert s.wait_for("show or hide this help")
        s.resize(60, 20)
        s.settle()
        assert s.proc.poll() is None
        assert "Keys" in s.text()
        s.resize(30, 8)
        assert s.wait_for("too small"), s.text()
        s.resize(100, 30)
        assert s.wait_for("show or hide this help"), s.text()
        s.key(ESC)
        assert s.wait_for("1 Carbon-neutral own")


def test_deleted_file_means_no_data(tmp_path):
    # DATA.md: every CSV file is optional; a missing one means no data of that kind.
    ds = copy_dataset(tmp_path)
    with started(args=[ds]) as s:
        os.remove(os.path.join(ds, "operations.csv"))
        assert s.wait_for("reloaded operations.csv"), s.line(29)
        assert s.wait_for("net -"), s.text()
        assert s.proc.poll() is None


def test_drill_down_shows_source_rows():
    with started() as s:
        s.key("d")
        assert s.wait_for("Sources"), s.text()
        # The FY2024 operations figure comes from line 5 of operations.csv.
        assert "operations.csv:5" in s.text(), s.text()
        assert "4450000" in s.text()
        s.key(ESC)
        assert s.wait_for("1-3:zoom")
