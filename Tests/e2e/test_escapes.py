"""Text from data files is drawn as text: escape sequences and control characters in entity
and program names never reach the terminal raw."""
import os

from harness import Session, copy_dataset

ENTITY = "Evil\x1b[31mCorp\x07"
PROGRAM = "Bad\x1b]0;pwned\x07Program\x1b[2J"


def evil_dataset(tmp_path) -> str:
    ds = copy_dataset(tmp_path)
    with open(os.path.join(ds, "avoided.csv"), "a", encoding="utf-8") as f:
        f.write(f"FY2024,{ENTITY},{PROGRAM},1000,true,test\n")
    return ds


def check_raw(s: Session) -> None:
    raw = bytes(s.raw)
    for seq in (b"\x1b[31mCorp", b"\x07", b"\x1b]0;", b"pwned\x07", b"Program\x1b[2J"):
        assert seq not in raw, seq


def test_escape_sequences_in_names_are_replaced(tmp_path):
    ds = evil_dataset(tmp_path)
    with Session(args=[ds], cols=100, rows=30) as s:
        assert s.wait_for("BEHIND"), s.text()
        s.settle()
        # The entity filter cycles to the entity: its name is drawn with a replacement.
        for _ in range(8):
            if "Evil" in s.line(0):
                break
            s.key("e")
        assert "Evil" in s.line(0), s.line(0)
        header = s.line(0)
        name = header[header.index("Evil"):]
        assert "Corp" in name, name
        assert name[4] != "C", "the escape character vanished instead of being replaced"
        check_raw(s)
        # The program table of the Scope 3+ zoom shows the program's name.
        s.key("3")
        for _ in range(4):
            if "Bad" in s.text():
                break
            s.key("\t")
        assert "Bad" in s.text(), s.text()
        check_raw(s)
        assert "pwned" in s.text() or "Program" in s.text()
        s.send("q")
        assert s.wait_exit() == 0
        assert s.restored()


def test_escape_sequences_in_dataset_path(tmp_path):
    os.makedirs(tmp_path / "x")
    ds = copy_dataset(tmp_path / "x")
    evil = str(tmp_path / "x" / "a\x1b[31mred\x07")
    os.rename(ds, evil)
    with Session(args=[os.path.relpath(evil, tmp_path)], cols=100, rows=30, cwd=str(tmp_path)) as s:
        assert s.wait_for("BEHIND"), s.text()
        s.settle()
        raw = bytes(s.raw)
        assert b"\x1b[31mred" not in raw
        assert b"\x07" not in raw
        assert "red" in s.line(0)
