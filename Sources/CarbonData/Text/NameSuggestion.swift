/// "did you mean" suggestions by edit distance.
enum NameSuggestion {
  /// The known name closest to `name`, when it is close enough to be a likely typo.
  static func closest(to name: String, among known: [String]) -> String? {
    let a = Array(name.lowercased().utf8)
    guard !a.isEmpty, a.count <= 100 else { return nil }
    var best: (String, Int)?
    for k in known {
      let d = distance(a, Array(k.lowercased().utf8))
      let limit = max(2, k.utf8.count / 4)
      guard d <= limit else { continue }
      if let b = best, d >= b.1 { continue }
      best = (k, d)
    }
    return best?.0
  }

  /// Levenshtein distance between two byte strings.
  static func distance(_ a: [UInt8], _ b: [UInt8]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var prev = Array(0...b.count)
    var cur = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      cur[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
      }
      swap(&prev, &cur)
    }
    return prev[b.count]
  }
}
