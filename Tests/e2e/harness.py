"""Drive the real carbontop binary in a pseudo-terminal and read its screen with pyte.

The program runs on the slave side of a pty whose size we set; everything it writes is fed
to a pyte screen (a VT100/xterm emulator), so tests read per-cell text and colours. We keep
the slave fd open in this process so that, after the program exits, we can check that it
restored the terminal modes (canonical input and echo back on).
"""
from __future__ import annotations

import fcntl
import os
import select
import signal
import struct
import subprocess
import termios
import time

import pyte

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def binary() -> str:
    path = os.environ.get("CARBONTOP_BIN")
    if path:
        return path
    for cand in (".build/debug/carbontop", ".build/release/carbontop"):
        p = os.path.join(REPO, cand)
        if os.path.exists(p):
            return p
    raise RuntimeError("carbontop binary not found: build it or set CARBONTOP_BIN")


_TPUT_CACHE: dict = {}


def tput(term: str, cap: str) -> bytes:
    """The terminfo string `cap` of `term` as bytes, b"" when the terminal has none."""
    key = (term, cap)
    if key not in _TPUT_CACHE:
        r = subprocess.run(["tput", "-T", term, cap], capture_output=True)
        _TPUT_CACHE[key] = r.stdout if r.returncode == 0 else b""
    return _TPUT_CACHE[key]


def _set_size(fd: int, cols: int, rows: int) -> None:
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))


def write_atomic(path: str, text: str) -> None:
    """Write `text` to a temporary file beside `path`, then rename() it over `path`
    (what editors and pipelines do)."""
    tmp = os.path.join(os.path.dirname(path), "." + os.path.basename(path) + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.rename(tmp, path)


def copy_dataset(dest_dir: str, name: str = "alibaba") -> str:
    """Copy sample-data/NAME to dest_dir/NAME and return its path."""
    import shutil
    dest = os.path.join(str(dest_dir), name)
    shutil.copytree(os.path.join(REPO, "sample-data", name), dest)
    return dest


class BCEScreen(pyte.Screen):
    """pyte.Screen whose erase-in-display fills every cell of the erased lines with the
    cursor's attributes (back-colour erase, as xterm and tmux do). pyte's own version
    only touches cells already present in its sparse buffer, so a screen cleared with a
    background colour before anything was written keeps "default" cells."""

    def erase_in_display(self, how: int = 0, *args, **kwargs) -> None:
        if how == 0:
            interval = range(self.cursor.y + 1, self.lines)
        elif how == 1:
            interval = range(self.cursor.y)
        else:
            interval = range(self.lines)
        self.dirty.update(interval)
        for y in interval:
            line = self.buffer[y]
            for x in range(self.columns):
                line[x] = self.cursor.attrs
        if how == 0 or how == 1:
            self.erase_in_line(how)

    # SU / SD (CSI n S, CSI n T: scroll the scrolling region up or down n lines), which
    # ncurses uses for its scrolling optimization with xterm's terminfo (`indn`, `rin`) and
    # pyte does not know: without them a screen whose rows moved up keeps stale rows.
    def scroll_up(self, count: int = 1, *args, **kwargs) -> None:
        top, bottom = self.margins or pyte.screens.Margins(0, self.lines - 1)
        for _ in range(max(1, count or 1)):
            for y in range(top, bottom):
                self.buffer[y] = self.buffer[y + 1]
            self.buffer.pop(bottom, None)
        self.dirty.update(range(top, bottom + 1))
        # The new lines take the current background (BCE).
        for y in range(max(top, bottom - max(1, count or 1) + 1), bottom + 1):
            line = self.buffer[y]
            for x in range(self.columns):
                line[x] = self.cursor.attrs

    def scroll_down(self, count: int = 1, *args, **kwargs) -> None:
        top, bottom = self.margins or pyte.screens.Margins(0, self.lines - 1)
        n = max(1, count or 1)
        for _ in range(n):
            for y in range(bottom, top, -1):
                self.buffer[y] = self.buffer[y - 1]
            self.buffer.pop(top, None)
        self.dirty.update(range(top, bottom + 1))
        for y in range(top, min(bottom, top + n - 1) + 1):
            line = self.buffer[y]
            for x in range(self.columns):
                line[x] = self.cursor.attrs


pyte.Stream.csi.setdefault("S", "scroll_up")
pyte.Stream.csi.setdefault("T", "scroll_down")


class Session:
    """One carbontop process in a pty of cols x rows."""

    def __init__(self, args=(), cols=100, rows=30, env=None, term="xterm-256color", cwd=REPO):
        self.cols, self.rows = cols, rows
        self.term = term
        self.master, self.slave = os.openpty()
        _set_size(self.slave, cols, rows)
        self.initial_attrs = termios.tcgetattr(self.slave)
        e = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLORTERM")}
        e.update({"TERM": term, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "XDG_CONFIG_HOME": "/nonexistent-carbontop-test"})
        if env:
            for k, v in env.items():
                if v is None:
                    e.pop(k, None)
                else:
                    e[k] = v
        self.raw = bytearray()
        self.screen = BCEScreen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.proc = subprocess.Popen(
            [binary(), *args], stdin=self.slave, stdout=self.slave, stderr=self.slave,
            cwd=cwd, env=e, start_new_session=True,
            preexec_fn=lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0))

    # --- reading
    def pump(self, timeout=0.05) -> int:
        """Read what the program wrote within `timeout` seconds; returns bytes read."""
        n = 0
        end = time.monotonic() + timeout
        while True:
            left = end - time.monotonic()
            if left <= 0:
                break
            r, _, _ = select.select([self.master], [], [], left)
            if not r:
                break
            try:
                data = os.read(self.master, 65536)
            except OSError:
                break
            if not data:
                break
            n += len(data)
            self.raw += data
            self.stream.feed(data)
        return n

    def text(self) -> str:
        return "\n".join(self.screen.display)

    def line(self, y: int) -> str:
        return self.screen.display[y]

    def wait_for(self, needle: str, timeout=5.0) -> bool:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if needle in self.text():
                return True
            self.pump(0.02)
        return needle in self.text()

    def wait_gone(self, needle: str, timeout=5.0) -> bool:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if needle not in self.text():
                return True
            self.pump(0.02)
        return needle not in self.text()

    def wait_until(self, predicate, timeout=5.0) -> bool:
        """Pump until `predicate(self)` holds."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if predicate(self):
                return True
            self.pump(0.02)
        return bool(predicate(self))

    def colours(self) -> set:
        """Every (fg, bg) pair on screen."""
        return {(self.screen.buffer[y][x].fg, self.screen.buffer[y][x].bg)
                for y in range(self.rows) for x in range(self.cols)}

    def settle(self, quiet=0.2, timeout=5.0) -> None:
        """Read until the program has been quiet for `quiet` seconds."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if self.pump(quiet) == 0:
                return

    def find(self, needle: str):
        for y, row in enumerate(self.screen.display):
            x = row.find(needle)
            if x >= 0:
                return x, y
        return None

    def cell(self, x: int, y: int):
        return self.screen.buffer[y][x]

    # --- writing
    def send(self, data: bytes | str) -> None:
        if isinstance(data, str):
            data = data.encode()
        os.write(self.master, data)

    def key(self, data: bytes | str, settle=True) -> None:
        self.send(data)
        if settle:
            self.settle()

    def resize(self, cols: int, rows: int) -> None:
        self.cols, self.rows = cols, rows
        _set_size(self.slave, cols, rows)
        self.screen.resize(rows, cols)
        os.killpg(self.proc.pid, signal.SIGWINCH)

    def write_atomic(self, path: str, text: str) -> None:
        write_atomic(path, text)

    def signal(self, sig: int) -> None:
        self.proc.send_signal(sig)

    # --- ending
    def wait_exit(self, timeout=5.0) -> int | None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            self.pump(0.05)
            rc = self.proc.poll()
            if rc is not None:
                self.pump(0.1)
                return rc
        return None

    def restored(self) -> bool:
        """True when the pty's modes are back to what they were before the program started,
        the terminal's own rmcup (looked up with tput for this TERM) was sent when it has one,
        and the cursor is visible again."""
        now = termios.tcgetattr(self.slave)
        mask = termios.ICANON | termios.ECHO | termios.ISIG
        lflag_ok = (now[3] & mask) == (self.initial_attrs[3] & mask)
        iflag_ok = (now[0] & termios.ICRNL) == (self.initial_attrs[0] & termios.ICRNL)
        oflag_ok = (now[1] & termios.OPOST) == (self.initial_attrs[1] & termios.OPOST)
        rmcup = tput(self.term, "rmcup")
        rmcup_ok = (not rmcup) or rmcup in self.raw
        cursor_ok = (not tput(self.term, "cnorm")) or self.screen.cursor.hidden is False
        return lflag_ok and iflag_ok and oflag_ok and rmcup_ok and cursor_ok

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        for fd in (self.master, self.slave):
            try:
                os.close(fd)
            except OSError:
                pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
