#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The process's environment and the processors it may run on, read from the C library.
public enum SystemInfo {
  /// The environment variables (the first of duplicates wins, as getenv does).
  public static var environment: [String: String] {
    var out: [String: String] = [:]
    var p = environ
    while let entry = p.pointee {
      let s = String(cString: entry)
      if let eq = s.firstIndex(of: "=") {
        let key = String(s[..<eq])
        if out[key] == nil { out[key] = String(s[s.index(after: eq)...]) }
      }
      p += 1
    }
    return out
  }

  /// The processors this process may run on: the CPU affinity mask (`Cpus_allowed` in
  /// /proc/self/status, as taskset and cpusets set it), else the online processors; at least 1.
  /// Read once per run.
  public static let activeProcessorCount: Int = {
    if case .bytes(let b) = FileBytes.contents(of: "/proc/self/status") {
      let text = String(decoding: b, as: UTF8.self)
      for line in text.split(separator: "\n") where line.hasPrefix("Cpus_allowed:") {
        let mask = line.dropFirst("Cpus_allowed:".count)
        let n = mask.reduce(0) { $0 + (Int(String($1), radix: 16)?.nonzeroBitCount ?? 0) }
        if n > 0 { return n }
      }
    }
    return max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
  }()
}
