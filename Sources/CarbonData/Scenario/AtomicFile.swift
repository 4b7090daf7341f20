import CarbonKit
import CarbonSystem

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why a file could not be written; the message names the file and the failing step.
public struct AtomicFileError: Error, CustomStringConvertible, Sendable {
  /// "cannot write PATH: STEP: REASON".
  public let description: String
}

/// Writes whole files atomically: a temporary file beside the target (created exclusively),
/// write, fsync, rename over the target, fsync of the folder. A reader sees the old file or
/// the new one, never a part; on failure the temporary file is removed and the target is
/// untouched.
public enum AtomicFile {
  /// Writes `bytes` to `path` (mode 0644 for a new file).
  public static func write(_ bytes: [UInt8], to path: String) throws(AtomicFileError) {
    let parent = PathText.parent(path)
    let dir = parent.isEmpty ? "." : parent
    let base = PathText.lastComponent(path)
    var tmp = ""
    var fd: Int32 = -1
    for attempt in 0..<100 {
      tmp = PathText.join(parent, ".\(base).tmp-\(getpid())-\(attempt)")
      fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
      if fd >= 0 || errno != EEXIST { break }
    }
    guard fd >= 0 else { throw failure(path, "create a temporary file in \(dir)") }
    func fail(_ step: String) -> AtomicFileError {
      let e = failure(path, step)
      close(fd)
      unlink(tmp)
      return e
    }
    var off = 0
    while off < bytes.count {
      let n = bytes[off...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw fail("write")
      }
      off += n
    }
    guard fsync(fd) == 0 else { throw fail("fsync") }
    guard close(fd) == 0 else {
      let e = failure(path, "close")
      unlink(tmp)
      throw e
    }
    guard rename(tmp, path) == 0 else {
      let e = failure(path, "rename")
      unlink(tmp)
      throw e
    }
    let dfd = open(dir, O_RDONLY | O_CLOEXEC)
    if dfd >= 0 {
      _ = fsync(dfd)
      close(dfd)
    }
  }

  private static func failure(_ path: String, _ step: String) -> AtomicFileError {
    AtomicFileError(
      description: "cannot write \(path): \(step): " + String(cString: strerror(errno)))
  }
}
