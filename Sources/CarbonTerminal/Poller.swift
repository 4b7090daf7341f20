import Glibc

/// One `poll(2)` over the loop's file descriptors (stdin, the signalfd, the inotify fd,
/// the wake pipe).
public enum Poller {
  /// Waits until one of `fds` is readable or `timeoutMs` passes (-1: no limit) and returns
  /// the readable ones (also those that hung up, failed or are not open, so the caller sees EOF), in the
  /// order given. Returns [] on timeout and when a signal interrupted the wait (EINTR: for
  /// SIGWINCH, ncurses then has a KEY_RESIZE waiting, so the loop should read input anyway).
  public static func wait(fds: [Int32], timeoutMs: Int32) -> [Int32] {
    var pollfds = fds.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
    let n = poll(&pollfds, nfds_t(pollfds.count), timeoutMs)
    guard n > 0 else { return [] }
    let ready = Int16(POLLIN | POLLHUP | POLLERR | POLLNVAL)
    return pollfds.filter { $0.revents & ready != 0 }.map(\.fd)
  }
}
