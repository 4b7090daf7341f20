"""Live reload: a rewritten file, appended events, a broken file and its fix, polling mode,
and the diagnostics screen of a broken dataset. Each test works on its own copy of a
sample dataset in a temporary folder."""
import os

from harness import Session, copy_dataset, write_atomic

OPS_FY2024 = "FY2024,Alibaba Group,,,4450000,2320000,,,"


def ops_path(ds: str) -> str:
    return os.path.join(ds, "operations.csv")


def replace_line(path: str, old: str, new: str) -> None:
    text = open(path, encoding="utf-8").read()
    assert old in text
    write_atomic(path, text.replace(old, new))


def started(ds: str, *args, **kw) -> Session:
    s = Session(args=[ds, *args], cols=100, rows=30, **kw)
    assert s.wait_for("BEHIND"), s.text()
    s.settle()
    return s


def test_rewritten_file_updates_figure(tmp_path):
    ds = copy_dataset(tmp_path)
    with started(ds) as s:
        assert "watching" in s.line(0)
        assert "net 4.45 Mt" in s.text()
        # FY2024 scope1_2 4,450,000 -> 3,990,000 t: net 3.99 Mt (no removals, no offsets).
        replace_line(ops_path(ds), OPS_FY2024, "FY2024,Alibaba Group,,,3990000,2320000,,,")
        assert s.wait_for("net 3.99 Mt"), s.text()
        assert s.wait_for("reloaded operations.csv"), s.line(29)
        assert "net 4.45 Mt" not in s.text()


def test_changed_figure_is_marked_then_unmarked(tmp_path):
    ds = copy_dataset(tmp_path)
    with started(ds) as s:
        x, y = s.find("4.45 Mt")
        before = (s.cell(x, y).fg, s.cell(x, y).bg, s.cell(x, y).reverse, s.cell(x, y).bold)
        replace_line(ops_path(ds), OPS_FY2024, "FY2024,Alibaba Group,,,3990000,2320000,,,")
        assert s.wait_for("net 3.99 Mt"), s.text()
        x, y = s.find("3.99 Mt")
        marked = (s.cell(x, y).fg, s.cell(x, y).bg, s.cell(x, y).reverse, s.cell(x, y).bold)
        assert marked != before, "a changed figure is not marked"
        # The mark lasts about 3 s, then the figure is drawn as before.
        assert s.wait_until(
            lambda t: (t.cell(x, y).fg, t.cell(x, y).bg, t.cell(x, y).reverse, t.cell(x, y).bold) == before,
            timeout=6), "the change mark never went away"


def test_appended_events_update_avoided_total(tmp_path):
    ds = copy_dataset(tmp_path, "greenfield")
    with started(ds) as s:
        # greenfield: cumulative avoided through FY2025 is 499.7 kt (sample-data/greenfield/README.md).
        assert s.wait_for("cumulative 499.7 kt"), s.text()
        # One event of 100,000,000 kg = 100 kt in FY2025 (fiscal year ends 30 June):
        # 499.7 kt + 100.0 kt = 599.7 kt.
        with open(os.path.join(ds, "events", "logistics_rail.csv"), "a", encoding="utf-8") as f:
            f.write('2024-12-01T00:00:00Z,"Greenfield Logistics, Inc.",Rail freight shift,SHP-9999,100000000\n')
        assert s.wait_for("cumulative 599.7 kt"), s.text()
        assert s.wait_for("reloaded events/logistics_rail.csv"), s.line(29)


def test_broken_file_keeps_last_good_data_then_recovers(tmp_path):
    ds = copy_dataset(tmp_path)
    with started(ds) as s:
        assert "net 4.45 Mt" in s.text()
        replace_line(ops_path(ds), OPS_FY2024, "FY2024,Alibaba Group,,,abc,2320000,,,")
        assert s.wait_for("errors in operations.csv: showing the data of"), s.line(29)
        assert "1 error" in s.line(29)
        # The last good figure stays on screen.
        assert "net 4.45 Mt" in s.text()
        # Fixed with a new figure: the error clears and the new figure shows.
        replace_line(ops_path(ds), "FY2024,Alibaba Group,,,abc,2320000,,,",
                     "FY2024,Alibaba Group,,,4000000,2320000,,,")
        assert s.wait_for("net 4.00 Mt"), s.text()
        assert s.wait_for("no diagnostics"), s.line(29)
        assert "errors in" not in s.line(29)
        assert "reloaded operations.csv" in s.line(29)


def test_diagnostics_screen_lists_file_line_column(tmp_path):
    ds = copy_dataset(tmp_path)
    # Line 5 of operations.csv is FY2024; scope1_2_tco2e is its 5th field.
    replace_line(ops_path(ds), OPS_FY2024, "FY2024,Alibaba Group,,,abc,2320000,,,")
    with Session(args=[ds], cols=100, rows=30) as s:
        assert s.wait_for("1 error"), s.text()
        s.settle()
        if "Diagnostics" not in s.text():
            s.key("D")
        assert s.wait_for("Diagnostics"), s.text()
        text = s.text()
        assert "operations.csv" in text
        assert "5" in text
        assert s.wait_for("abc"), text
        # file:line:column in one place, as in `carbontop check`.
        assert "operations.csv:5:5" in s.text(), s.text()


def test_broken_file_while_running_then_diagnostics_screen(tmp_path):
    ds = copy_dataset(tmp_path)
    with started(ds) as s:
        replace_line(ops_path(ds), OPS_FY2024, "FY2024,Alibaba Group,,,abc,2320000,,,")
        assert s.wait_for("errors in operations.csv"), s.line(29)
        s.key("D")
        assert s.wait_for("operations.csv:5:5"), s.text()


def test_poll_mode(tmp_path):
    ds = copy_dataset(tmp_path)
    with started(ds, "--poll", "0.2") as s:
        assert "polling" in s.line(0), s.line(0)
        replace_line(ops_path(ds), OPS_FY2024, "FY2024,Alibaba Group,,,3990000,2320000,,,")
        assert s.wait_for("net 3.99 Mt"), s.text()
        assert s.wait_for("reloaded operations.csv"), s.line(29)
