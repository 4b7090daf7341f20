"""Every way out restores the terminal and exits 0: q, Ctrl-C, SIGTERM, SIGHUP."""
import signal

import pytest

from harness import Session


@pytest.mark.parametrize("how", ["q", "ctrl-c", "SIGTERM", "SIGHUP"])
def test_leaving_restores_terminal(how):
    with Session(cols=100, rows=30) as s:
        assert s.wait_for("BEHIND"), s.text()
        s.settle()
        if how == "q":
            s.send("q")
        elif how == "ctrl-c":
            s.send("\x03")
        else:
            s.signal(getattr(signal, how))
        rc = s.wait_exit()
        assert rc == 0, (how, rc)
        assert s.restored(), how


def test_quit_from_help_and_zoom():
    with Session(cols=100, rows=30) as s:
        assert s.wait_for("BEHIND")
        s.key("1")
        s.key("?")
        assert s.wait_for("show or hide this help")
        s.send("q")
        assert s.wait_exit() == 0
        assert s.restored()


def test_sigterm_while_tiny():
    with Session(cols=30, rows=8) as s:
        assert s.wait_for("too small"), s.text()
        s.signal(signal.SIGTERM)
        assert s.wait_exit() == 0
        assert s.restored()
