#!/usr/bin/env python3
"""Mutate datasets and check that carbontop never crashes, hangs or prints malformed output.

    fuzz_check.py BIN N SEED [--keep DIR]

Takes sample-data/alibaba, sample-data/greenfield and a few generated datasets, applies N random
mutations (one or more per case), and runs `BIN check DIR` and `BIN report DIR --format json`
with a 10 s timeout each. A case fails on: a signal or an exit code other than 0/1/2, a timeout,
invalid JSON from report (or a non-zero exit without --strict), a `check` diagnostic line that is
not `file:line:column: severity: message` or `file: severity: message`, or `check` exiting 0 while
printing an error. Failing cases are kept under DIR (default /tmp/fuzz-SEED/fail-I) with a
MUTATION.txt saying what was done. Exit 1 if any case failed.
"""
from __future__ import annotations

import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen_datasets  # noqa: E402

REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
SAMPLES = [p for p in (os.path.join(REPO, "sample-data"), "/work/main/sample-data") if os.path.isdir(p)][0]
TIMEOUT = 10
DIAG_FULL = re.compile(r"^.+?:[0-9]+:[0-9]+: (error|warning): .+$")
DIAG_NOLINE = re.compile(r"^(?P<file>.+?): (error|warning): .+$")


def diag_ok(ln):
    if DIAG_FULL.match(ln):
        return True
    m = DIAG_NOLINE.match(ln)
    return bool(m) and not re.search(r":[0-9]+(:[0-9]+)?$", m.group("file"))
FILES = ["dataset.toml", "operations.csv", "value_chain.csv", "revenue.csv", "avoided.csv"]
BAD_CELLS = ["1e400", "NaN", "nan", "-1", "1,234", "1_234", "+5", "inf", "12 t", "0x10", "", "\"", "\"\"\"",
             "\"a\"b", "1e-400", "9" * 400, "FY20245", "2023-13", "2023-02-30", "é", "\x00", "\x7f", "\u202e"]


def files_of(ds):
    out = []
    for root, _dirs, fs in os.walk(ds):
        for f in fs:
            out.append(os.path.join(root, f))
    return sorted(out)


def mutate(ds, r: random.Random) -> str:
    """Apply one random mutation in place; return its description."""
    cands = [f for f in files_of(ds) if not f.endswith(".md")]
    if not cands:
        return "nothing to mutate"
    f = r.choice(cands)
    rel = os.path.relpath(f, ds)
    try:
        data = open(f, "rb").read()
    except OSError:
        return "unreadable"
    lines = data.split(b"\n")
    op = r.choice(["del_byte", "dup_byte", "swap_bytes", "del_line", "dup_line", "swap_lines", "nul", "bad_utf8",
                   "huge_line", "quote", "bad_cell", "folder", "symlink_loop", "empty", "bom", "lone_cr",
                   "truncate", "toml_type", "only_bom", "header_dup", "unknown_col", "missing_file", "bom_twice",
                   "crlf_mix", "toml_bad_fy", "toml_dup_id", "toml_scen"])
    pos = r.randrange(len(data)) if data else 0
    if op == "del_byte" and data:
        data = data[:pos] + data[pos + 1:]
    elif op == "dup_byte" and data:
        data = data[:pos] + data[pos:pos + 1] * r.randint(2, 50) + data[pos + 1:]
    elif op == "swap_bytes" and len(data) > 2:
        q = r.randrange(len(data))
        b = bytearray(data)
        b[pos], b[q] = b[q], b[pos]
        data = bytes(b)
    elif op == "del_line" and len(lines) > 1:
        del lines[r.randrange(len(lines))]
        data = b"\n".join(lines)
    elif op == "dup_line" and lines:
        i = r.randrange(len(lines))
        lines.insert(i, lines[i])
        data = b"\n".join(lines)
    elif op == "swap_lines" and len(lines) > 2:
        i, j = r.randrange(len(lines)), r.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
        data = b"\n".join(lines)
    elif op == "nul":
        data = data[:pos] + b"\x00" + data[pos:]
    elif op == "bad_utf8":
        data = data[:pos] + r.choice([b"\xff", b"\xc3", b"\xe2\x82", b"\xed\xa0\x80", b"\xc0\xaf"]) + data[pos:]
    elif op == "huge_line":
        big = r.choice([b"9" * (10 << 20), b"a," * (5 << 20), b'"' + b"x" * (10 << 20)])
        data = data[:pos] + big + data[pos:]
    elif op == "quote":
        data = data[:pos] + r.choice([b'"', b'""', b'"x"y', b'x"']) + data[pos:]
    elif op == "bad_cell" and len(lines) > 1:
        i = r.randrange(1, len(lines))
        cells = lines[i].split(b",")
        j = r.randrange(len(cells))
        cells[j] = r.choice(BAD_CELLS).encode()
        lines[i] = b",".join(cells)
        data = b"\n".join(lines)
    elif op == "folder":
        os.remove(f)
        os.makedirs(f)
        return f"{rel}: replaced by a folder"
    elif op == "symlink_loop":
        os.remove(f)
        os.symlink(os.path.basename(f), f)
        return f"{rel}: symlink to itself"
    elif op == "missing_file":
        os.remove(f)
        return f"{rel}: removed"
    elif op == "empty":
        data = b""
    elif op == "bom":
        data = b"\xef\xbb\xbf" + data
    elif op == "only_bom":
        data = b"\xef\xbb\xbf" + r.choice([b"", b"\n\n", b"\r\n"])
    elif op == "bom_twice":
        data = b"\xef\xbb\xbf\xef\xbb\xbf" + data
    elif op == "lone_cr":
        data = data[:pos] + b"\r" + data[pos:]
    elif op == "crlf_mix":
        data = data.replace(b"\n", b"\r\n", r.randint(1, 5))
    elif op == "truncate" and data:
        data = data[:pos]
    elif op == "header_dup" and lines:
        lines[0] = lines[0] + b"," + lines[0].split(b",")[0]
        data = b"\n".join(lines)
    elif op == "unknown_col" and lines:
        lines[0] = lines[0] + b",scope1_tco2" + (b"\n" if False else b"")
        data = b"\n".join(lines)
    elif op in ("toml_type", "toml_bad_fy", "toml_dup_id", "toml_scen"):
        t = os.path.join(ds, "dataset.toml")
        if op == "toml_scen":
            t = os.path.join(ds, "scenarios", "bad.toml")
            os.makedirs(os.path.dirname(t), exist_ok=True)
            body = r.choice([b'name = 5\n[levers]\nscope1_change = "x"\n', b"[levers\n", b'name="x"\n[levers]\navoided_growth = 1e400\n',
                             b'name="x"\n[levers]\nbogus = 1\nrevenue_growth = -2\n', b"\xff\xfe"])
            with open(t, "wb") as fh:
                fh.write(body)
            return "scenarios/bad.toml: " + repr(body)
        try:
            tdata = open(t, "rb").read()
        except OSError:
            return "no dataset.toml"
        repl = {
            "toml_type": [(rb'scopes = \[[^\]]*\]', b"scopes = [1, 2]"), (rb"reduction = [0-9.]+", b'reduction = "half"'),
                          (rb'name = "[^"]*"', b"name = 42"), (rb"amount_tco2e = [0-9.e+]+", b"amount_tco2e = -1"),
                          (rb"offsets = (true|false)", b'offsets = "yes"'), (rb'fiscal_year_end = "[^"]*"', b'fiscal_year_end = "02-30"'),
                          (rb'kind = "[a-z]+"', b'kind = "zero"'), (rb"scopes = \[[^\]]*\]", b"scopes = []")],
            "toml_bad_fy": [(rb'by = "FY[0-9]+"', b'by = "FY1999"'), (rb'baseline = "FY[0-9]+"', b'baseline = "2021"'),
                            (rb'by = "FY[0-9]+"', b'by = "FY99999"')],
            "toml_dup_id": [(rb'id = "[^"]*"', b'id = "dup"')],
        }[op]
        pat, rep = r.choice(repl)
        tdata = re.sub(pat, rep.replace(b"\\", b"\\\\"), tdata)
        with open(t, "wb") as fh:
            fh.write(tdata)
        return f"dataset.toml: {op} {pat!r} -> {rep!r}"
    else:
        data = data + b"\n,,,\n\"unterminated"
    with open(f, "wb") as fh:
        fh.write(data)
    return f"{rel}: {op} at {pos}"


def run(cmd):
    try:
        p = subprocess.run(cmd, capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return None, b"", b""
    return p.returncode, p.stdout, p.stderr


def check_case(binary, ds):
    """List of problems (empty = fine)."""
    problems = []
    rc, out, err = run([binary, "check", ds])
    if rc is None:
        problems.append("check: timeout (hang)")
    elif rc < 0:
        problems.append(f"check: killed by signal {signal.Signals(-rc).name}")
    elif rc not in (0, 1, 2):
        problems.append(f"check: exit code {rc}")
    else:
        text = (out + err).decode("utf-8", errors="replace")
        errors = 0
        for ln in text.splitlines():
            if not ln.strip():
                continue
            if ": error: " in ln or ": warning: " in ln:
                if not diag_ok(ln):
                    problems.append(f"check: malformed diagnostic line {ln[:200]!r}")
                if ": error: " in ln:
                    errors += 1
                if any(ord(c) < 32 and c != "\t" for c in ln):
                    problems.append(f"check: raw control character in {ln[:200]!r}")
        if rc == 0 and errors:
            problems.append("check: exit 0 but printed errors")
    rc, out, err = run([binary, "report", ds, "--format", "json"])
    if rc is None:
        problems.append("report: timeout (hang)")
    elif rc < 0:
        problems.append(f"report: killed by signal {signal.Signals(-rc).name}")
    elif rc == 1 and not out.strip() and b"dataset.toml" in err:
        pass  # no report could be printed (dataset.toml unusable): exit 1 is accepted
    elif rc != 0:
        # DATA.md: report exits 0 when it printed a report, even with data errors
        problems.append(f"report: exit code {rc}: {err.decode(errors='replace')[:200]}")
    else:
        try:
            rep = json.loads(out)
            if not isinstance(rep, dict) or "diagnostics" not in rep:
                problems.append("report: JSON without diagnostics")
            else:
                for d in rep["diagnostics"]:
                    if d.get("severity") not in ("error", "warning") or not isinstance(d.get("file"), str):
                        problems.append(f"report: malformed diagnostic {d!r:.200}")
                        break
                    if (d.get("line") is None) != (d.get("column") is None):
                        problems.append(f"report: line/column half null {d!r:.200}")
                        break
        except (json.JSONDecodeError, UnicodeDecodeError) as e:
            problems.append(f"report: invalid JSON ({e})")
    return problems


def main(argv):
    args = argv[1:]
    keep = None
    if "--keep" in args:
        i = args.index("--keep"); keep = args[i + 1]; del args[i:i + 2]
    if len(args) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    binary, n, seed = os.path.abspath(args[0]), int(args[1]), int(args[2])
    root = keep or f"/tmp/fuzz-{seed}"
    if os.path.exists(root):
        shutil.rmtree(root)
    os.makedirs(root)
    bases = [os.path.join(SAMPLES, "alibaba"), os.path.join(SAMPLES, "greenfield")]
    gen_dir = os.path.join(root, "gen")
    for i in range(4):
        bases.append(gen_datasets.generate(gen_dir, seed, i))
    # baseline: unmodified datasets must pass too
    failed = 0
    for b in bases:
        probs = check_case(binary, b)
        if probs:
            failed += 1
            print(f"FAIL unmodified {b}: " + "; ".join(probs))
    r = random.Random(seed)
    work = os.path.join(root, "work")
    for i in range(n):
        base = r.choice(bases)
        if os.path.exists(work):
            shutil.rmtree(work)
        shutil.copytree(base, work, symlinks=True)
        muts = [mutate(work, r) for _ in range(r.choice([1, 1, 1, 2, 3]))]
        probs = check_case(binary, work)
        if probs:
            failed += 1
            dest = os.path.join(root, f"fail-{i}")
            shutil.move(work, dest)
            with open(os.path.join(dest, "MUTATION.txt"), "w") as fh:
                fh.write(f"base: {base}\n" + "\n".join(muts) + "\n\nproblems:\n" + "\n".join(probs) + "\n")
            print(f"FAIL case {i} ({os.path.basename(base)}; {' | '.join(muts)}): " + "; ".join(probs) + f"  -> kept in {dest}")
    if os.path.exists(work):
        shutil.rmtree(work)
    print(f"{n - failed if failed <= n else 0}/{n} mutated cases fine; {failed} failures")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
