"""The dashboard starts on the bundled sample, shows the three panels, status words and the
status bar's keys, and q restores the terminal."""
from harness import Session


def test_start_and_quit():
    with Session(cols=100, rows=30) as s:
        assert s.wait_for("Alibaba Group"), s.text()
        assert s.wait_for("BEHIND"), s.text()
        s.send("q")
        assert s.wait_exit() == 0
        assert s.restored()


def test_panels_status_words_and_keys():
    with Session(cols=100, rows=30) as s:
        assert s.wait_for("BEHIND"), s.text()
        s.settle()
        text = s.text()
        header = s.line(0)
        assert header.startswith("carbontop"), header
        assert "Alibaba Group" in header
        assert "FY2025 (latest complete)" in header
        assert "watching" in header
        # The three panels, numbered by their zoom key, titled by the dataset's targets.
        # Headings: the targets' titles (cut to fit) and scopes (issue 12 item 5).
        assert "1 Carbon-neutral own operat… (S1+2, by FY2030)" in text
        assert "2 Halve value-chain (Scope 3)… (S3, by FY2030)" in text
        assert "3 Scope 3+" in text
        # Status words beside colour: the sample is behind on operations, has no data for
        # Alibaba Cloud's own target.
        for word in ("BEHIND", "NO DATA"):
            assert word in text, word
        # FY2024 operations: scope1_2 4,450,000 t = 4.45 Mt (operations.csv line 5).
        assert "net 4.45 Mt" in text
        status = s.line(s.rows - 1)
        for hint in ("?:help", "q:quit", "1-3:zoom", "[ ]:year", "e:entity", "b:basis", "t:theme"):
            assert hint in status, (hint, status)
        assert "no diagnostics" in status
