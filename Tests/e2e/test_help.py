"""What a new user reads first: every `--help` wraps at word boundaries for the terminal's
width, and every example in every `--help` and in the README runs."""
import os
import re
import shlex
import shutil
import signal
import subprocess
import tempfile
import time

import pytest

from harness import REPO, Session, binary

COMMANDS = [[], ["dashboard"], ["report"], ["check"], ["ledger"]]


def help_text(cmd, columns):
    env = dict(os.environ, COLUMNS=str(columns))
    r = subprocess.run([binary(), *cmd, "--help"], capture_output=True, text=True, env=env, timeout=30)
    assert r.returncode == 0, r.stderr
    return r.stdout


def overview(text):
    """The prose part of a help: from the top to USAGE:."""
    return text.split("USAGE:")[0].splitlines()


@pytest.mark.parametrize("cmd", COMMANDS, ids=lambda c: " ".join(c) or "carbontop")
@pytest.mark.parametrize("columns", [60, 80, 132])
def test_help_wraps_at_word_boundaries_for_the_width(cmd, columns):
    lines = help_text(cmd, columns).splitlines()
    for line in lines:
        assert len(line) <= columns, f"{line!r} is wider than {columns}"
    # Within a paragraph, a line ends only where the next word would not have fitted: no
    # line breaks mid-sentence ("lists its" / "options).") at a width that had room.
    prose = overview("\n".join(lines))
    for a, b in zip(prose, prose[1:]):
        if not a.strip() or not b.strip() or a.rstrip().endswith(":"):
            continue
        first = b.split()[0]
        if first in ("carbontop", "#") or b.startswith("    "):
            continue  # an example line, not the rest of a sentence
        # (>=: the parser keeps the last column free, as terminals that wrap there need.)
        assert len(a) + 1 + len(first) >= columns, (
            f"at {columns} columns, {a!r} breaks before {first!r} although it fits")


def help_examples():
    out = []
    for cmd in COMMANDS:
        text = help_text(cmd, 1000)
        body = text.split("Examples:")
        assert len(body) == 2, f"{cmd}: no Examples section"
        for line in body[1].split("USAGE:")[0].splitlines():
            if line.strip().startswith("carbontop"):
                out.append(("help " + (" ".join(cmd) or "carbontop"), line.strip()))
    return out


def readme_examples():
    out = []
    text = open(os.path.join(REPO, "README.md"), encoding="utf-8").read()
    for block in re.findall(r"```sh\n(.*?)```", text, re.S):
        for line in block.splitlines():
            if line.strip().startswith("carbontop"):
                out.append(("README", line.strip()))
    return out


EXAMPLES = None


def all_examples():
    global EXAMPLES
    if EXAMPLES is None:
        EXAMPLES = help_examples() + readme_examples()
    return EXAMPLES


def test_the_examples_are_found():
    where = {w for w, _ in all_examples()}
    assert {"README", "help carbontop", "help report", "help check", "help ledger", "help dashboard"} <= where
    assert any("samples/" in e for _, e in all_examples()) is False


@pytest.fixture()
def workdir():
    """A copy of sample-data in a scratch folder: examples may write files (report.json)."""
    d = tempfile.mkdtemp()
    shutil.copytree(os.path.join(REPO, "sample-data"), os.path.join(d, "sample-data"))
    bindir = os.path.join(d, "bin")
    os.mkdir(bindir)
    os.symlink(binary(), os.path.join(bindir, "carbontop"))
    yield d, bindir
    shutil.rmtree(d, ignore_errors=True)


HEADLESS = ("report", "check", "ledger")


def test_every_example_runs(workdir):
    d, bindir = workdir
    env = dict(os.environ, PATH=bindir + os.pathsep + os.environ["PATH"], COLUMNS="100")
    env.pop("NO_COLOR", None)
    failures = []
    for where, example in all_examples():
        words = shlex.split(example, comments=True)
        sub = words[1] if len(words) > 1 else None
        if sub in HEADLESS and "--watch" not in words:
            r = subprocess.run(["sh", "-c", example], cwd=d, env=env, capture_output=True, text=True, timeout=120)
            # check exits 1 on data errors by design; every other example succeeds.
            ok = r.returncode == 0 or (sub == "check" and r.returncode == 1 and r.stdout)
            if not ok or "no such" in r.stderr:
                failures.append(f"{where}: {example}: exit {r.returncode}: {r.stderr.strip()[:200]}")
        elif "--watch" in words:
            p = subprocess.Popen(["sh", "-c", "exec " + example], cwd=d, env=env,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            time.sleep(1.0)
            p.send_signal(signal.SIGINT)
            out, err = p.communicate(timeout=30)
            if p.returncode != 0 or "==" not in out or "no such" in err:
                failures.append(f"{where}: {example}: exit {p.returncode}: {err.strip()[:200]}")
        else:
            s = Session(words[1:], cols=100, rows=30, cwd=d)
            try:
                started = s.wait_until(lambda s: "carbontop" in s.text() and "Group" in s.text()
                                       or "Greenfield" in s.text(), timeout=10)
                s.key("q")
                code = s.wait_exit(10)
                if not started or code != 0:
                    failures.append(f"{where}: {example}: exit {code}: {s.text()[:300]}")
            finally:
                s.close()
    assert not failures, "\n".join(failures)
