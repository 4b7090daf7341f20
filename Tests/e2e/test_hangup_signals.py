"""Issue 11, items 3 and 5: a hang-up without SIGHUP ends the dashboard (no spin), SIGQUIT
(Ctrl-\\) quits like q, and every other signal whose default action ends the process restores
the terminal before it dies."""
import fcntl
import os
import select
import signal
import subprocess
import termios
import time

import pytest

from harness import REPO, Session, _set_size, binary


def test_hangup_under_a_hup_trapping_wrapper():
    """`sh -c 'trap : HUP; carbontop'`: when the pty's master closes, the kernel sends SIGHUP
    to the session leader (the shell, which traps it), never to carbontop, whose input then
    reports POLLHUP and end of file for ever. carbontop must leave at once, not spin."""
    master, slave = os.openpty()
    _set_size(slave, 100, 30)
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLORTERM")}
    env.update({"TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
                "XDG_CONFIG_HOME": "/nonexistent-carbontop-test"})
    pidfile = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"carbontop-hup-{os.getpid()}")
    script = 'trap ":" HUP; "$0"; echo "rc=$?" > "$1.rc"'
    proc = subprocess.Popen(
        ["sh", "-c", script, binary(), pidfile], stdin=slave, stdout=slave, stderr=slave,
        cwd=REPO, env=env, start_new_session=True,
        preexec_fn=lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0))
    os.close(slave)
    seen = b""
    try:
        end = time.monotonic() + 10
        while b"BEHIND" not in seen and time.monotonic() < end:
            r, _, _ = select.select([master], [], [], 0.1)
            if r:
                seen += os.read(master, 65536)
        assert b"BEHIND" in seen
        with open(f"/proc/{proc.pid}/task/{proc.pid}/children") as f:
            pid = int(f.read().split()[0])
        os.close(master)
        master = -1
        # The wrapper (and so carbontop) ends within a few seconds; spinning, it never would.
        proc.wait(timeout=5)
        with open(pidfile + ".rc") as f:
            assert f.read().strip() == "rc=0"
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
    finally:
        if master >= 0:
            os.close(master)
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        for p in (pidfile + ".rc",):
            if os.path.exists(p):
                os.remove(p)


@pytest.mark.parametrize("how", ["SIGQUIT", "ctrl-backslash"])
def test_sigquit_quits_like_q(how):
    with Session(cols=100, rows=30) as s:
        assert s.wait_for("BEHIND"), s.text()
        s.settle()
        if how == "SIGQUIT":
            s.signal(signal.SIGQUIT)
        else:
            s.send("\x1c")  # Ctrl-\: the tty sends SIGQUIT to the foreground group
        assert s.wait_exit() == 0
        assert s.restored(), how


@pytest.mark.parametrize("sig", ["SIGUSR1", "SIGUSR2", "SIGALRM", "SIGPIPE", "SIGVTALRM"])
def test_terminating_signals_restore_first(sig):
    """These end the process (the exit status says which signal), but only after the terminal
    modes, the cursor and the main screen are given back."""
    number = getattr(signal, sig)
    # The process is started with the signal's default action and unblocked, whatever the
    # runner of this test had (`swift test` leaves some signals ignored or blocked, and both
    # are inherited across exec; an ignored or blocked signal ends nothing, so there is
    # nothing to restore).
    old_handler = signal.signal(number, signal.SIG_DFL)
    old_mask = signal.pthread_sigmask(signal.SIG_UNBLOCK, [number])
    try:
        s = Session(cols=100, rows=30)
    finally:
        signal.signal(number, old_handler)
        signal.pthread_sigmask(signal.SIG_SETMASK, old_mask)
    with s:
        assert s.wait_for("BEHIND"), s.text()
        s.settle()
        s.signal(number)
        assert s.wait_exit() == -number
        # The handler writes fixed sequences (async-signal-safe: no terminfo lookup): the
        # alternate screen left, the cursor shown, mouse reporting off; and the tty modes
        # saved at start are set again.
        now = termios.tcgetattr(s.slave)
        mask = termios.ICANON | termios.ECHO | termios.ISIG
        assert now[3] & mask == s.initial_attrs[3] & mask, sig
        assert now[0] & termios.ICRNL == s.initial_attrs[0] & termios.ICRNL
        tail = bytes(s.raw[s.raw.rfind(b"\x1b[?1049h"):])
        assert b"\x1b[?1049l" in tail
        assert b"\x1b[?1000l" in tail
        assert s.screen.cursor.hidden is False


def test_an_ignored_signal_stays_ignored():
    """`trap '' USR1` in the parent: carbontop keeps ignoring it and runs on."""
    master, slave = os.openpty()
    _set_size(slave, 100, 30)
    proc = subprocess.Popen(
        ["sh", "-c", "trap '' USR1; exec \"$0\"", binary()], stdin=slave, stdout=slave,
        stderr=slave, cwd=REPO, start_new_session=True,
        env={**os.environ, "TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"},
        preexec_fn=lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0))
    try:
        seen = b""
        end = time.monotonic() + 10
        while b"BEHIND" not in seen and time.monotonic() < end:
            r, _, _ = select.select([master], [], [], 0.1)
            if r:
                seen += os.read(master, 65536)
        assert b"BEHIND" in seen
        proc.send_signal(signal.SIGUSR1)
        time.sleep(0.3)
        assert proc.poll() is None
        os.write(master, b"q")
        proc.wait(timeout=5)
        assert proc.returncode == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)
        os.close(slave)
