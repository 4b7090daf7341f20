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
