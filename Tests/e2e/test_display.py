"""Themes, colour depth, NO_COLOR, glyph sets by locale, terminal types and sizes."""
import pytest

from harness import Session

BOX_BRAILLE_BLOCKS = [(0x2500, 0x259F), (0x2800, 0x28FF)]


def started(**kw) -> Session:
    kw.setdefault("cols", 100)
    kw.setdefault("rows", 30)
    s = Session(**kw)
    assert s.wait_for("BEHIND"), s.text()
    s.settle()
    return s


def non_ascii(s: Session) -> set:
    return {ch for row in s.screen.display for ch in row if ord(ch) > 127}


def fancy(s: Session) -> set:
    return {ch for row in s.screen.display for ch in row
            if any(lo <= ord(ch) <= hi for lo, hi in BOX_BRAILLE_BLOCKS)}


def coloured(s: Session) -> set:
    return {(f, b) for f, b in s.colours() if f != "default" or b != "default"}


def test_theme_key_changes_cell_colours():
    with started() as s:
        before = s.colours()
        assert coloured(s), "the default theme draws no colour at all"
        s.key("t")
        assert s.wait_for("theme "), s.text()
        s.settle()
        after = s.colours()
        assert after != before, "t did not change any cell's colours"
        # Cycling keeps changing colours (the second theme differs from the first).
        s.key("t")
        s.settle()
        assert s.colours() != after


def test_theme_light_differs_from_default():
    with started() as dark:
        dark_colours = dark.colours()
        dark_bg = dark.cell(50, 10).bg
    with started(args=["--theme", "light"]) as light:
        assert "not found" not in light.text()
        assert light.colours() != dark_colours
        # The background of the panels' inside is the theme's, not the dark default's.
        assert light.cell(50, 10).bg != dark_bg


def test_unknown_theme_falls_back_with_message():
    with started(args=["--theme", "no-such-theme"]) as s:
        assert s.wait_for('theme "no-such-theme" not found'), s.line(s.rows - 1)
        assert coloured(s), "no fallback to the default theme's colours"


@pytest.mark.parametrize("how", ["NO_COLOR", "--no-color"])
def test_no_color(how):
    kw = {"env": {"NO_COLOR": "1"}} if how == "NO_COLOR" else {"args": ["--no-color"]}
    with started(**kw) as s:
        assert coloured(s) == set(), sorted(coloured(s))[:5]
        # Status words still there: colour is never the only signal.
        assert "BEHIND" in s.text()
        s.key("t")
        s.settle()
        assert coloured(s) == set()


@pytest.mark.parametrize("var", ["LANG", "LC_ALL"])
def test_c_locale_uses_ascii_glyphs(var):
    env = {"LANG": "C", "LC_ALL": None, "LC_CTYPE": None} if var == "LANG" else {"LC_ALL": "C", "LANG": "C"}
    with started(env=env) as s:
        assert "Alibaba Group" in s.line(0)
        assert fancy(s) == set(), sorted(fancy(s))[:10]
        assert non_ascii(s) == set(), sorted(non_ascii(s))[:10]
        assert "+" in s.text() and "|" in s.text()


def test_ascii_flag_uses_ascii_glyphs():
    with started(args=["--ascii"]) as s:
        assert non_ascii(s) == set(), sorted(non_ascii(s))[:10]


def test_utf8_locale_uses_box_drawing_and_braille():
    with started() as s:
        chars = fancy(s)
        assert any(0x2800 <= ord(c) <= 0x28FF for c in chars), "no braille chart"
        assert any(0x2500 <= ord(c) <= 0x257F for c in chars), "no box drawing"


@pytest.mark.parametrize("term", ["xterm-256color", "screen-256color", "tmux-256color", "xterm", "vt100"])
def test_terminal_types(term):
    with started(term=term) as s:
        assert "Alibaba Group" in s.line(0)
        assert "net 4.45 Mt" in s.text()
        s.send("q")
        assert s.wait_exit() == 0
        assert s.restored(), term


def test_resize_to_tiny_and_back():
    with started() as s:
        s.resize(30, 8)
        assert s.wait_for("terminal too small: need 40x10"), s.text()
        assert s.wait_for("now 30x8")
        assert s.proc.poll() is None
        s.resize(39, 30)
        assert s.wait_for("now 39x30"), s.text()
        s.resize(100, 30)
        assert s.wait_for("1 Carbon-neutral own"), s.text()
        assert s.wait_gone("terminal too small")
        s.settle()
        assert "3 Scope 3+" in s.text()
        assert s.line(29).startswith(" ?:help"), s.line(29)


def test_minimum_size_is_usable():
    with started(cols=40, rows=10) as s:
        assert "terminal too small" not in s.text()
        assert "carbontop" in s.line(0)


def test_compact_layout_60x20():
    with started(cols=60, rows=20) as s:
        text = s.text()
        assert "terminal too small" not in text
        for t in ("1 Carbon-neutral", "2 Halve value-chain", "3 Scope 3+"):
            assert t in text, t
        assert "net 4.45 Mt" in text
        # Compact: no braille charts, one or two summary lines per box.
        assert not any(0x2800 <= ord(c) <= 0x28FF for c in fancy(s))
        assert s.line(19).startswith(" ?:help"), s.line(19)


def test_start_tiny_then_grow():
    with Session(cols=20, rows=5) as s:
        assert s.wait_for("too small"), s.text()
        s.resize(80, 24)
        assert s.wait_for("BEHIND"), s.text()
