#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writing text to a file descriptor (standard output or error) with write(2), retrying on
/// EINTR and short writes; a failed write ends it and returns false.
public enum FDText {
  /// Writes `text` to standard output.
  public static func out(_ text: String) { write(text, to: 1) }

  /// Writes `text` to standard error.
  public static func err(_ text: String) { write(text, to: 2) }

  /// Writes `text` to `fd`; false when a write failed (errno says why).
  @discardableResult
  public static func write(_ text: String, to fd: Int32) -> Bool {
    var copy = text
    return copy.withUTF8 { write($0, to: fd) }
  }

  /// Writes `bytes` to `fd`; false when a write failed (errno says why).
  @discardableResult
  public static func write(_ bytes: UnsafeBufferPointer<UInt8>, to fd: Int32) -> Bool {
    guard var p = bytes.baseAddress else { return true }
    var left = bytes.count
    while left > 0 {
      #if canImport(Glibc)
        let n = Glibc.write(fd, p, left)
      #else
        let n = Darwin.write(fd, p, left)
      #endif
      if n < 0 {
        if errno == EINTR { continue }
        return false
      }
      p += n
      left -= n
    }
    return true
  }
}
