"""Issue 11, items 4, 6 and 7 through the real binary: text from data is sanitized whenever a
command writes to a terminal (CSV and JSON keep or escape it as their formats require), a FIFO
given to `ledger` is refused instead of blocking, `check` reports a failed write, and a
hostile events file costs bounded memory."""
import os
import pty
import resource
import select
import subprocess
import tempfile
import time

from harness import REPO, binary

HOSTILE_ENTITY = "Evil\x1b]52;c;aGVsbG8=\x07\x1b]0;pwned\x07\x1b[2J\u009b31m\u202eCorp"
HOSTILE_PROGRAM = "Prog\x1b[2J\u2066x"
RAW_BAD = [b"\x1b", b"\x07", "\u009b".encode(), "\u202e".encode(), "\u2066".encode()]


def hostile_dataset(d: str) -> None:
    os.makedirs(os.path.join(d, "events"))
    with open(os.path.join(d, "dataset.toml"), "w") as f:
        f.write('[organization]\nname = "Org"\nfiscal_year_end = "03-31"\n\n'
                '[[target]]\nid = "av"\nkind = "avoided"\namount_tco2e = 1e6\n'
                'from = "FY2024"\nby = "FY2030"\n')
    with open(os.path.join(d, "avoided.csv"), "w", encoding="utf-8") as f:
        f.write("period,entity,program,avoided_tco2e\n")
        f.write(f'FY2024,"{HOSTILE_ENTITY}","{HOSTILE_PROGRAM}",5\n')
        f.write(f'FY2025,"{HOSTILE_ENTITY}","{HOSTILE_PROGRAM}",7\n')
    with open(os.path.join(d, "events", "e.csv"), "w", encoding="utf-8") as f:
        f.write("timestamp,entity,program,participant,avoided_kgco2e\n")
        f.write(f'2023-05-01,"{HOSTILE_ENTITY}","{HOSTILE_PROGRAM}",u1,1000\n')
        f.write(f'2024-05-01,"{HOSTILE_ENTITY}","{HOSTILE_PROGRAM}",u1,1000\n')


def run_in_pty(args, timeout=30):
    """Runs the binary with its standard output on a pty; returns (exit status, bytes)."""
    master, slave = pty.openpty()
    proc = subprocess.Popen([binary(), *args], stdin=subprocess.DEVNULL, stdout=slave,
                            stderr=subprocess.DEVNULL, cwd=REPO)
    os.close(slave)
    out = b""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        r, _, _ = select.select([master], [], [], 0.1)
        if r:
            try:
                data = os.read(master, 65536)
            except OSError:
                break
            if not data:
                break
            out += data
        elif proc.poll() is not None:
            break
    proc.wait(timeout=5)
    os.close(master)
    return proc.returncode, out


def test_ledger_on_a_terminal_is_sanitized_and_raw_in_a_pipe():
    with tempfile.TemporaryDirectory() as d:
        hostile_dataset(d)
        rc, out = run_in_pty(["ledger", d])
        assert rc == 0
        for bad in RAW_BAD:
            assert bad not in out, bad
        text = out.decode("utf-8", "replace")
        assert "Evil\ufffd]52;c;aGVsbG8=" in text
        assert "FY2025," in text
        # Into a pipe, the CSV keeps the bytes (a field with a quote, comma or line end would
        # be quoted); nothing is lost for a program reading it.
        r = subprocess.run([binary(), "ledger", d], capture_output=True, timeout=60)
        assert r.returncode == 0
        assert HOSTILE_ENTITY.encode() in r.stdout


def test_report_on_a_terminal_is_sanitized():
    with tempfile.TemporaryDirectory() as d:
        hostile_dataset(d)
        for fmt in ("text", "markdown", "csv", "json"):
            rc, out = run_in_pty(["report", d, "--format", fmt])
            assert rc == 0, fmt
            for bad in RAW_BAD:
                assert bad not in out, (fmt, bad)
        # JSON escapes bidi controls wherever it goes.
        r = subprocess.run([binary(), "report", d, "--format", "json"], capture_output=True,
                           timeout=60)
        assert b"\\u202e" in r.stdout and "\u202e".encode() not in r.stdout


def test_check_on_a_terminal_is_sanitized():
    with tempfile.TemporaryDirectory() as d:
        hostile_dataset(d)
        with open(os.path.join(d, "revenue.csv"), "w", encoding="utf-8") as f:
            f.write(f"period,entity,revenue\nFY2024,\"{HOSTILE_ENTITY}\",x\n")
        rc, out = run_in_pty(["check", d])
        assert rc == 1
        for bad in RAW_BAD:
            assert bad not in out, bad


def test_ledger_refuses_a_fifo_without_blocking():
    with tempfile.TemporaryDirectory() as d:
        fifo = os.path.join(d, "events.csv")
        os.mkfifo(fifo)
        start = time.monotonic()
        r = subprocess.run([binary(), "ledger", fifo], capture_output=True, text=True,
                           timeout=20)
        assert r.returncode == 2
        assert "events.csv: not a regular file" in r.stderr
        assert time.monotonic() - start < 10


def test_check_write_errors_exit_2():
    with open("/dev/full", "w") as full:
        r = subprocess.run([binary(), "check"], cwd=REPO, stdout=full, stderr=subprocess.PIPE,
                           text=True, timeout=60)
    assert r.returncode == 2
    assert "cannot write to standard output: No space left on device" in r.stderr


def test_long_header_line_costs_bounded_memory():
    """An events file whose header is one 32 MB line: `check` reads 1 MiB of it and says so.
    Before, the whole line was copied, at about 20 bytes of memory per byte of line (a 100 MB
    line cost 2 GB): under a 256 MiB data limit (RLIMIT_DATA: heap and private writable
    mappings; the file's read-only map does not count) the old code ran out of memory."""
    with tempfile.TemporaryDirectory() as d:
        hostile_dataset(d)
        with open(os.path.join(d, "events", "big.csv"), "wb") as f:
            chunk = b"a" * (1 << 20)
            for _ in range(32):
                f.write(chunk)
            f.write(b"\n")

        def limit():
            resource.setrlimit(resource.RLIMIT_DATA, (256 << 20, 256 << 20))

        r = subprocess.run([binary(), "check", d], capture_output=True, timeout=120,
                           preexec_fn=limit)
        assert r.returncode == 1, r.stderr[-2000:]
        assert (b"events/big.csv:1:1: error: header: field longer than 1 MiB (1,048,576 bytes); "
                b"file skipped") in r.stdout
