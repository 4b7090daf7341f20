#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The running program's own file (where bundled themes are looked for beside it).
public enum ExecutablePath {
  /// The target of /proc/self/exe, or the first command-line argument when that cannot be
  /// read; nil when neither gives a path.
  public static var current: String? {
    var buf = [CChar](repeating: 0, count: 4097)
    let n = readlink("/proc/self/exe", &buf, 4096)
    if n > 0 {
      return String(decoding: buf[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
    let arg0 = CommandLine.arguments.first ?? ""
    return arg0.contains("/") ? arg0 : nil
  }
}
