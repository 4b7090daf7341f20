"""Issue 11, item 1, the three reproductions through the real binary: the dashboard used to die
with SIGILL (exit 132, no message) when a projection lay far above a chart's ceiling. Avoided
emissions grow from 0.001 t to 1,000,000 t in four years (x1000 a year) towards a 2050
target: the first frame, an entity filter onto that entity, and avoided_growth typed as 500 %
and as 1000 % (the documented maximum) in the editor. Also: saving over an existing scenario
asks first, and a scenarios/ leading out of the dataset is refused with the reason in full."""
import os

from harness import Session

DOWN = "\x1b[B"


def growing_dataset(root) -> str:
    d = os.path.join(str(root), "growing")
    os.makedirs(os.path.join(d, "scenarios"))
    with open(os.path.join(d, "dataset.toml"), "w") as f:
        f.write('[organization]\nname = "Growing"\n\n'
                '[[target]]\nid = "av"\nkind = "avoided"\namount_tco2e = 1e9\n'
                'from = "FY2022"\nby = "FY2050"\n')
    with open(os.path.join(d, "avoided.csv"), "w") as f:
        f.write("period,entity,program,avoided_tco2e\n")
        for year, value in zip(range(2022, 2026), ("0.001", "1", "1000", "1000000")):
            f.write(f"FY{year},Rocket,launch,{value}\n")
            f.write(f"FY{year},Steady,walk,5\n")
    with open(os.path.join(d, "scenarios", "keep.toml"), "w") as f:
        f.write('name = "keep"\ndescription = "hand-written, must survive"\n'
                "[levers]\navoided_growth = 0.1\n")
    return d


def test_runaway_projection_does_not_crash_the_dashboard(tmp_path):
    d = growing_dataset(tmp_path)
    with Session(args=[d], cols=100, rows=30) as s:
        # The first frame: the avoided panel with its chart.
        assert s.wait_for("Scope 3+"), s.text()
        s.settle()
        assert s.proc.poll() is None, s.text()
        # The entity filter, cycled over every entity (Rocket, Steady, all).
        for _ in range(3):
            s.key("e")
            assert s.proc.poll() is None, s.text()
        # The editor: avoided_growth is the last lever; type 500 (%) then 1000 (%).
        s.key("s")
        assert s.wait_for("avoided emissions growth"), s.text()
        for _ in range(8):
            s.key(DOWN, settle=False)
        for value in ("500", "1000"):
            s.key("=")
            s.send(value + "\r")
            s.settle()
            assert s.proc.poll() is None, s.text()
            assert "+" + value + ".00%" in s.text(), s.text()
        # Every screen draws: compare, back, zoom on the avoided panel.
        for k in ("c", "\x1b", "\x1b", "3", "\x1b"):
            s.key(k)
            assert s.proc.poll() is None, (k, s.text())
        s.send("q")
        assert s.wait_exit() == 0
        assert s.restored()


def test_saving_over_a_scenario_asks_and_keeps_its_description(tmp_path):
    d = growing_dataset(tmp_path)
    path = os.path.join(d, "scenarios", "keep.toml")
    with Session(args=[d], cols=100, rows=30) as s:
        assert s.wait_for("Scope 3+"), s.text()
        s.key("s")
        assert s.wait_for("avoided emissions growth")
        s.key("+")  # change the selected lever (Scope 1 change) one step
        s.key("w")
        s.send("\x15keep\r")  # Ctrl-U clears the name line
        assert s.wait_for("scenarios/keep.toml exists: replace it?"), s.text()
        s.key("n")
        assert s.wait_for("not saved: scenarios/keep.toml kept"), s.text()
        with open(path) as f:
            assert "avoided_growth = 0.1" in f.read()
        s.key("w")
        s.send("\x15keep\r")
        assert s.wait_for("replace it?")
        s.key("y")
        assert s.wait_for("saved keep.toml"), s.text()
        with open(path) as f:
            text = f.read()
        assert 'description = "hand-written, must survive"' in text
        assert "scope1_change" in text
        s.send("q")
        assert s.wait_exit() == 0


def test_scenarios_symlink_out_of_the_dataset_is_refused(tmp_path):
    d = growing_dataset(tmp_path)
    outside = os.path.join(str(tmp_path), "elsewhere-with-a-rather-long-folder-name-to-make-"
                           "the-reason-longer-than-one-screen-line")
    os.makedirs(outside)
    os.rename(os.path.join(d, "scenarios"), os.path.join(str(tmp_path), "old-scenarios"))
    os.symlink(outside, os.path.join(d, "scenarios"))
    with Session(args=[d], cols=80, rows=30) as s:
        assert s.wait_for("Scope 3+"), s.text()
        s.key("s")
        s.key("+")
        s.key("w")
        s.send("\x15x\r")
        assert s.wait_for("cannot save:"), s.text()
        # The whole reason is on screen, over several lines, ending with its last words.
        assert s.wait_for("make scenarios/ a folder of"), s.text()
        assert "the dataset" in s.text()
        assert os.listdir(outside) == []
        s.send("\x1b")
        s.send("q")
        assert s.wait_exit() == 0
