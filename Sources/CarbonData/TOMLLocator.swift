/// Finds where keys and table headers are written in a TOML text, for diagnostics of
/// semantic errors (TOMLKit gives values, not positions). A light line scanner: it knows
/// table headers, `key =` lines and multi-line strings, which is all dataset and scenario
/// files need.
struct TOMLLocator {
  struct Position: Hashable {
    var line: Int
    var column: Int
  }

  private struct Section {
    var name: String
    var occurrence: Int
    var header: Position?
    var keys: [String: Position] = [:]
  }

  private var sections: [Section] = [Section(name: "", occurrence: 0, header: nil)]

  init(text: String) {
    var counts: [String: Int] = [:]
    var multiline: String?
    var lineNo = 0
    for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
      lineNo += 1
      let line = Substring(rawLine)
      if let delim = multiline {
        if Self.count(delim, in: line) % 2 == 1 { multiline = nil }
        continue
      }
      var col = 1
      var rest = line[...]
      while let c = rest.first, c == " " || c == "\t" {
        rest = rest.dropFirst()
        col += 1
      }
      let pos = Position(line: lineNo, column: col)
      if rest.hasPrefix("[") {
        let isArray = rest.hasPrefix("[[")
        let open = rest.dropFirst(isArray ? 2 : 1)
        guard let close = open.firstIndex(of: "]") else { continue }
        let name = Self.unquote(open[..<close].trimmingSpaces())
        let k = counts[name, default: 0]
        counts[name] = k + 1
        sections.append(Section(name: name, occurrence: k, header: pos))
        continue
      }
      guard let eq = rest.firstIndex(of: "="), !rest.hasPrefix("#") else { continue }
      var key = rest[..<eq].trimmingSpaces()
      if let dot = key.firstIndex(of: "."), !key.hasPrefix("\"") && !key.hasPrefix("'") {
        key = key[..<dot].trimmingSpaces()
      }
      let name = Self.unquote(key)
      if sections[sections.count - 1].keys[name] == nil {
        sections[sections.count - 1].keys[name] = pos
      }
      let value = rest[rest.index(after: eq)...]
      for delim in ["\"\"\"", "'''"] where Self.count(delim, in: value) % 2 == 1 {
        multiline = delim
        break
      }
    }
  }

  private static func count(_ needle: String, in s: Substring) -> Int {
    var n = 0
    var rest = s
    while let r = rest.range(of: needle) {
      n += 1
      rest = rest[r.upperBound...]
    }
    return n
  }

  private static func unquote(_ s: Substring) -> String {
    if s.count >= 2, let f = s.first, f == "\"" || f == "'", s.last == f {
      return String(s.dropFirst().dropLast())
    }
    return String(s)
  }

  /// The header of the `occurrence`-th table called `section` (`[organization]`, `[[target]]`).
  func header(_ section: String, occurrence: Int = 0) -> Position? {
    sections.first { $0.name == section && $0.occurrence == occurrence }?.header
  }

  /// Where `key` is set in that table ("" = top level); else its header; else nil.
  func key(_ key: String, in section: String, occurrence: Int = 0) -> Position? {
    guard let s = sections.first(where: { $0.name == section && $0.occurrence == occurrence })
    else {
      return section.isEmpty ? nil : self.key(section, in: "")
    }
    return s.keys[key] ?? s.header ?? (section.isEmpty ? nil : self.key(section, in: ""))
  }
}

extension Substring {
  fileprivate func trimmingSpaces() -> Substring {
    var s = self
    while let c = s.first, c == " " || c == "\t" { s = s.dropFirst() }
    while let c = s.last, c == " " || c == "\t" || c == "\r" { s = s.dropLast() }
    return s
  }
}
