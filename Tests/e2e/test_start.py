"""The dashboard starts on the bundled sample, shows the three panels, and q restores the terminal."""
from harness import Session


def test_start_and_quit():
    with Session(cols=100, rows=30) as s:
        assert s.wait_for("Alibaba Group"), s.text()
        assert s.wait_for("BEHIND"), s.text()
        s.send("q")
        assert s.wait_exit() == 0
        assert s.restored()
