import Glibc

/// A non-blocking pipe that background work writes to so the event loop wakes at once:
/// poll `readFD`, call `drain()` when it is readable, call `wake()` from any thread.
public final class WakePipe: Sendable {
  /// The end to poll.
  public let readFD: Int32
  /// The end `wake()` writes to.
  public let writeFD: Int32

  public init() throws {
    var fds: [Int32] = [-1, -1]
    guard pipe(&fds) == 0 else { throw SystemError("pipe", errno: errno) }
    for fd in fds {
      _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
      _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
    }
    readFD = fds[0]
    writeFD = fds[1]
  }

  deinit {
    Glibc.close(readFD)
    Glibc.close(writeFD)
  }

  /// Wakes the loop. Safe from any thread; never blocks (a full pipe is already awake).
  public func wake() {
    var byte: UInt8 = 1
    while Glibc.write(writeFD, &byte, 1) < 0 && errno == EINTR {}
  }

  /// Empties the pipe; returns how many wake-ups were pending.
  @discardableResult
  public func drain() -> Int {
    var total = 0
    var buffer = [UInt8](repeating: 0, count: 256)
    while true {
      let n = buffer.withUnsafeMutableBytes { Glibc.read(readFD, $0.baseAddress, 256) }
      if n > 0 {
        total += n
      } else if n < 0 && errno == EINTR {
        continue
      } else {
        break
      }
    }
    return total
  }
}
