#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs a shell command (`/bin/sh -c`) with bytes on its standard input, and waits for it.
/// Its standard output and error are the caller's.
public enum ShellCommand {
  /// The command's exit status (128 + N when killed by signal N), or -1 when it could not
  /// be started.
  @discardableResult
  public static func run(_ command: String, input: [UInt8]) -> Int32 {
    var fds: [Int32] = [-1, -1]
    guard pipe(&fds) == 0 else { return -1 }
    let (readEnd, writeEnd) = (fds[0], fds[1])
    // The child must not inherit the write end (it would never see end of input).
    _ = fcntl(writeEnd, F_SETFD, FD_CLOEXEC)
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, readEnd, 0)
    posix_spawn_file_actions_addclose(&actions, readEnd)
    var pid: pid_t = 0
    let argv: [String] = ["/bin/sh", "-c", command]
    var cargs = argv.map { strdup($0) }
    cargs.append(nil)
    defer { for p in cargs { free(p) } }
    let rc = posix_spawn(&pid, "/bin/sh", &actions, nil, cargs, environ)
    close(readEnd)
    guard rc == 0 else {
      close(writeEnd)
      return -1
    }
    // A command that does not read its input must not kill us with SIGPIPE.
    let oldPipe = signal(SIGPIPE, SIG_IGN)
    var offset = 0
    while offset < input.count {
      let n = input[offset...].withUnsafeBytes { write(writeEnd, $0.baseAddress, $0.count) }
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else { break }
      offset += n
    }
    close(writeEnd)
    signal(SIGPIPE, oldPipe)
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let low = status & 0x7F
    return low == 0 ? (status >> 8) & 0xFF : 128 + low
  }
}
