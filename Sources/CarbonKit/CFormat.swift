#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// printf-style formatting of numbers through the C library (C locale: carbontop never calls
/// setlocale for LC_NUMERIC), without Foundation's `String(format:)`, so that carbontop does
/// not load Foundation (docs/performance.md, "Memory"). Arguments are numbers only: `%s` and
/// `%@` are not supported; build strings with interpolation instead.
public enum CFormat {
  /// `format` applied to `args`, as C's `snprintf` would print it.
  public static func string(_ format: String, _ args: any CVarArg...) -> String {
    withUnsafeTemporaryAllocation(of: CChar.self, capacity: 128) { buf -> String in
      let n = withVaList(args) { vsnprintf(buf.baseAddress, 128, format, $0) }
      if n < 0 { return "" }
      if n < 128 { return String(cString: buf.baseAddress!) }
      let big = UnsafeMutablePointer<CChar>.allocate(capacity: Int(n) + 1)
      defer { big.deallocate() }
      _ = withVaList(args) { vsnprintf(big, Int(n) + 1, format, $0) }
      return String(cString: big)
    }
  }
}

/// A mutual-exclusion lock over a pthread mutex (Foundation's NSLock without Foundation).
public final class Lock: @unchecked Sendable {
  private let mutex: UnsafeMutablePointer<pthread_mutex_t>

  /// A new, unlocked lock.
  public init() {
    mutex = .allocate(capacity: 1)
    mutex.initialize(to: pthread_mutex_t())
    pthread_mutex_init(mutex, nil)
  }

  deinit {
    pthread_mutex_destroy(mutex)
    mutex.deallocate()
  }

  /// Waits for and takes the lock.
  public func lock() { pthread_mutex_lock(mutex) }

  /// Releases the lock.
  public func unlock() { pthread_mutex_unlock(mutex) }

  /// `body` run with the lock held.
  public func withLock<T>(_ body: () throws -> T) rethrows -> T {
    lock()
    defer { unlock() }
    return try body()
  }
}

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

/// Path text operations (Foundation's NSString path methods without Foundation): plain string
/// work on "/"-separated paths, no file system access.
public enum PathText {
  /// The last component: "c.toml" for "/a/b/c.toml", "b" for "/a/b/", "/" for "/".
  public static func lastComponent(_ path: String) -> String {
    var p = Substring(path)
    while p.count > 1 && p.hasSuffix("/") { p = p.dropLast() }
    if p == "/" { return "/" }
    if let slash = p.lastIndex(of: "/") { return String(p[p.index(after: slash)...]) }
    return String(p)
  }

  /// The path without its last component: "/a/b" for "/a/b/c.toml", "/" for "/a", "" for "a".
  public static func parent(_ path: String) -> String {
    var p = Substring(path)
    while p.count > 1 && p.hasSuffix("/") { p = p.dropLast() }
    guard let slash = p.lastIndex(of: "/") else { return "" }
    if slash == p.startIndex { return "/" }
    var head = p[..<slash]
    while head.count > 1 && head.hasSuffix("/") { head = head.dropLast() }
    return String(head)
  }

  /// `component` appended to `path` with one "/" between them.
  public static func join(_ path: String, _ component: String) -> String {
    if path.isEmpty { return component }
    if path.hasSuffix("/") { return path + component }
    return path + "/" + component
  }

  /// The last component without its extension: "dark" for "/x/themes/dark.toml".
  public static func stem(_ path: String) -> String {
    let last = lastComponent(path)
    guard let dot = last.lastIndex(of: "."), dot != last.startIndex else { return last }
    return String(last[..<dot])
  }
}

extension StringProtocol {
  /// The text without leading and trailing spaces and tabs.
  public func trimmingBlanks() -> String {
    var s = self[...]
    while let c = s.first, c == " " || c == "\t" { s = s.dropFirst() }
    while let c = s.last, c == " " || c == "\t" { s = s.dropLast() }
    return String(s)
  }
}
