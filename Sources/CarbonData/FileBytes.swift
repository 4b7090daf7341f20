#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a whole file into memory in one linear pass, never blocking on special files.
enum FileBytes {
  /// What reading a file gave.
  enum Outcome {
    case bytes([UInt8])
    /// No such file: "no data", not a problem.
    case missing
    /// A file that is there but cannot be read; the message says why.
    case failed(String)
  }

  /// Reads `path`. A folder, a FIFO, a device, a symlink loop or a dangling link is `.failed`.
  static func contents(of path: String) -> Outcome {
    let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    if fd < 0 {
      let e = errno
      if e == ENOENT {
        var st = stat()
        if lstat(path, &st) == 0 { return .failed("cannot read: broken symbolic link") }
        return .missing
      }
      if e == EISDIR { return .failed("is a folder, expected a file") }
      return .failed("cannot read: " + String(cString: strerror(e)))
    }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0 else {
      return .failed("cannot read: " + String(cString: strerror(errno)))
    }
    let kind = st.st_mode & S_IFMT
    if kind == S_IFDIR { return .failed("is a folder, expected a file") }
    if kind != S_IFREG { return .failed("not a regular file") }
    var out: [UInt8] = []
    out.reserveCapacity(max(0, Int(st.st_size)) + 1)
    let chunk = 1 << 20
    var buffer = [UInt8](repeating: 0, count: chunk)
    while true {
      let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, chunk) }
      if n < 0 {
        if errno == EINTR || errno == EAGAIN { continue }
        return .failed("cannot read: " + String(cString: strerror(errno)))
      }
      if n == 0 { break }
      out.append(contentsOf: buffer[0..<n])
    }
    return .bytes(out)
  }

  /// True when `path` (following links) is a folder.
  static func isFolder(_ path: String) -> Bool {
    var st = stat()
    return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
  }

  /// True when something (maybe a dangling link) exists at `path`.
  static func exists(_ path: String) -> Bool {
    var st = stat()
    return lstat(path, &st) == 0
  }
}
