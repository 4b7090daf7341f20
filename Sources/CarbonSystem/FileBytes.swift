#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a whole file into memory in one linear pass, never blocking on special files.
public enum FileBytes {
  /// What reading a file gave.
  public enum Outcome {
    case bytes([UInt8])
    /// No such file: "no data", not a problem.
    case missing
    /// A file that is there but cannot be read; the message says why.
    case failed(String)
  }

  /// Reads `path`. A folder, a FIFO, a device, a symlink loop or a dangling link is `.failed`;
  /// so is a file of more than `limit` bytes (checked before reading, and again while reading
  /// in case it grows), so a 2 GB file never costs 2 GB.
  public static func contents(of path: String, limit: Int? = nil) -> Outcome {
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
    if let limit, Int(st.st_size) > limit { return .failed(tooLarge(Int(st.st_size), limit)) }
    var out: [UInt8] = []
    out.reserveCapacity(max(0, min(Int(st.st_size), limit ?? Int.max)) + 1)
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
      if let limit, out.count > limit { return .failed(tooLarge(out.count, limit)) }
    }
    return .bytes(out)
  }

  /// "too large: 2,147,483,648 bytes, at most 1,048,576 (1 MiB) are read".
  static func tooLarge(_ size: Int, _ limit: Int) -> String {
    func grouped(_ n: Int) -> String {
      let digits = Array(String(n))
      var out = ""
      for (i, c) in digits.enumerated() {
        if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
        out.append(c)
      }
      return out
    }
    let mib = limit % (1 << 20) == 0 ? " (\(limit >> 20) MiB)" : ""
    let more = size > limit ? grouped(size) : "more than " + grouped(limit)
    return "too large: \(more) bytes; at most \(grouped(limit))\(mib) are read"
  }

  /// True when `path` (following links) is a folder.
  public static func isFolder(_ path: String) -> Bool {
    var st = stat()
    return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
  }

  /// True when something (maybe a dangling link) exists at `path`.
  public static func exists(_ path: String) -> Bool {
    var st = stat()
    return lstat(path, &st) == 0
  }

  /// The names in folder `path` (not "." and ".."), in the order the file system gives them;
  /// nil when it cannot be listed.
  public static func names(inFolder path: String) -> [String]? {
    guard let dir = opendir(path) else { return nil }
    defer { closedir(dir) }
    var out: [String] = []
    while let entry = readdir(dir) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw -> String in
        let bytes = raw.bindMemory(to: UInt8.self)
        let n = bytes.firstIndex(of: 0) ?? bytes.count
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<n]), as: UTF8.self)
      }
      if name != "." && name != ".." { out.append(name) }
    }
    return out
  }

  /// The current working directory ("/" when it cannot be read, e.g. removed).
  public static var currentDirectory: String {
    var buf = [UInt8](repeating: 0, count: Int(PATH_MAX) + 1)
    let ok = buf.withUnsafeMutableBufferPointer { p in
      p.withMemoryRebound(to: CChar.self) { getcwd($0.baseAddress, $0.count) != nil }
    }
    guard ok else { return "/" }
    return String(decoding: buf.prefix { $0 != 0 }, as: UTF8.self)
  }

  /// `path` made absolute (against the current directory) with "." and ".." removed
  /// lexically and repeated slashes collapsed; symbolic links are not resolved.
  public static func absolute(_ path: String) -> String {
    let full = path.hasPrefix("/") ? path : currentDirectory + "/" + path
    var parts: [Substring] = []
    for p in full.split(separator: "/") {
      if p == "." { continue }
      if p == ".." {
        if !parts.isEmpty { parts.removeLast() }
        continue
      }
      parts.append(p)
    }
    return "/" + parts.joined(separator: "/")
  }
}
