import CarbonKit

/// Where the required columns of a ledger file are, found from its header by name.
struct LedgerLayout: Sendable, Hashable {
  static let required = ["timestamp", "entity", "program", "participant", "avoided_kgco2e"]

  /// Number of columns in the header; every row must have as many fields.
  var count: Int
  var timestamp: Int
  var entity: Int
  var program: Int
  var participant: Int
  var amount: Int

  /// Reads the header record of a file mapped at `base` (`limit` bytes).
  /// Returns the layout (nil when the file is skipped), where data starts, how many lines the
  /// BOM, blank lines and header took, and the diagnostics.
  static func read(
    _ base: UnsafePointer<UInt8>, limit: Int, file: String
  ) -> (layout: LedgerLayout?, dataStart: Int, lines: Int, diagnostics: [Diagnostic]) {
    var i = 0
    if limit >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF { i = 3 }
    var line = 1
    // Skip blank lines.
    while true {
      var j = i
      while j < limit && (base[j] == 32 || base[j] == 9) { j += 1 }
      if j < limit && base[j] == 13 && j + 1 < limit && base[j + 1] == 10 { j += 1 }
      if j < limit && base[j] == 10 {
        i = j + 1
        line += 1
        continue
      }
      if j >= limit {
        return (
          nil, limit, line, [Diagnostic(.warning, file: file, "no header: the file holds no data")]
        )
      }
      break
    }
    // The header record (RFC 4180, may be quoted).
    var names: [[UInt8]] = []
    var cur: [UInt8] = []
    var inQuotes = false
    var quoted = false
    var j = i
    var extra = 0
    var bad = false
    var tooLong: String?
    while j < limit {
      // Bounded memory: a header of one 100 MB line, or 2 GB of NUL bytes, stops here.
      if cur.count > InputLimits.fieldBytes {
        tooLong = InputLimits.fieldMessage
        break
      }
      if j - i > InputLimits.recordBytes {
        tooLong = InputLimits.recordMessage
        break
      }
      let c = base[j]
      if inQuotes {
        if c == 34 {
          if j + 1 < limit && base[j + 1] == 34 {
            cur.append(34)
            j += 2
            continue
          }
          inQuotes = false
        } else {
          if c == 10 { extra += 1 }
          // One rule with the tables: a CR inside quotes must start a CRLF.
          if c == 13 && !(j + 1 < limit && base[j + 1] == 10) { bad = true }
          cur.append(c)
        }
        j += 1
        continue
      }
      if c == 44 {
        names.append(quoted ? cur : trimmed(cur))
        cur = []
        quoted = false
        j += 1
        continue
      }
      if c == 10 { break }
      if c == 13 && j + 1 < limit && base[j + 1] == 10 {
        j += 1
        break
      }
      if c == 34 && trimmed(cur).isEmpty && !quoted {
        cur = []
        inQuotes = true
        quoted = true
      } else if c == 34 || c == 13 || (quoted && c != 32 && c != 9) {
        bad = true
      } else if !quoted {
        cur.append(c)
      }
      j += 1
    }
    if let tooLong {
      return (
        nil, limit, line,
        [
          Diagnostic(
            .error, file: file, line: line, column: names.count + 1,
            "header: \(tooLong); file skipped")
        ]
      )
    }
    names.append(quoted ? cur : trimmed(cur))
    let dataStart = min(j + 1, limit)
    let lines = line + extra
    if bad || inQuotes {
      return (
        nil, dataStart, lines,
        [Diagnostic(.error, file: file, line: line, column: 1, "header: bad quoting; file skipped")]
      )
    }
    var diags: [Diagnostic] = []
    var index: [String: Int] = [:]
    var skip = false
    var unlistedHeaderProblems = 0
    for (k, raw) in names.enumerated() {
      let name = String(decoding: raw, as: UTF8.self)
      if index[name] != nil {
        // Listed up to a limit, then counted: a huge header must not flood the output.
        if diags.count < 20 {
          diags.append(
            Diagnostic(
              .error, file: file, line: line, column: k + 1,
              "duplicate column \(ledgerQuoted(raw)); file skipped"))
        } else {
          unlistedHeaderProblems += 1
        }
        skip = true
        continue
      }
      index[name] = k
      if !required.contains(name) {
        guard diags.count < 20 else {
          unlistedHeaderProblems += 1
          continue
        }
        var msg = "unknown column \(ledgerQuoted(raw)), ignored"
        if let near = required.first(where: { ledgerEditDistance($0, name) <= 2 }) {
          msg += " (did you mean \"\(near)\"?)"
        }
        diags.append(Diagnostic(.warning, file: file, line: line, column: k + 1, msg))
      }
    }
    if unlistedHeaderProblems > 0 {
      diags.append(
        Diagnostic(
          skip ? .error : .warning, file: file, line: line, column: 1,
          "header: \(unlistedHeaderProblems) more problem\(unlistedHeaderProblems == 1 ? "" : "s") in the header, not listed"
        ))
    }
    let missing = required.filter { index[$0] == nil }
    if !missing.isEmpty {
      diags.append(
        Diagnostic(
          .error, file: file, line: line, column: 1,
          "missing required column\(missing.count > 1 ? "s" : "") \(missing.joined(separator: ", ")); file skipped"
        ))
      skip = true
    }
    if skip { return (nil, dataStart, lines, diags) }
    let layout = LedgerLayout(
      count: names.count, timestamp: index["timestamp"] ?? 0, entity: index["entity"] ?? 0,
      program: index["program"] ?? 0, participant: index["participant"] ?? 0,
      amount: index["avoided_kgco2e"] ?? 0)
    return (layout, dataStart, lines, diags)
  }

  private static func trimmed(_ b: [UInt8]) -> [UInt8] {
    var s = 0
    var e = b.count
    while s < e && (b[s] == 32 || b[s] == 9) { s += 1 }
    while e > s && (b[e - 1] == 32 || b[e - 1] == 9) { e -= 1 }
    return Array(b[s..<e])
  }
}

/// `"text"` for a diagnostic: control characters and invalid UTF-8 replaced, at most 40
/// characters, so data is never printed raw to a terminal.
func ledgerQuoted(_ bytes: some Collection<UInt8>) -> String {
  var out = "\""
  var n = 0
  for ch in String(decoding: bytes, as: UTF8.self).unicodeScalars {
    if n == 40 {
      out += "…"
      break
    }
    n += 1
    if ch.value < 0x20 || ch.value == 0x7F || (ch.value >= 0x80 && ch.value < 0xA0) {
      out += "\u{FFFD}"
    } else if ch == "\"" {
      out += "\\\""
    } else {
      out.unicodeScalars.append(ch)
    }
  }
  return out + "\""
}

/// Levenshtein distance, for "did you mean".
func ledgerEditDistance(_ a: String, _ b: String) -> Int {
  let x = Array(a.utf8)
  let y = Array(b.utf8)
  if x.isEmpty { return y.count }
  if y.isEmpty { return x.count }
  var prev = Array(0...y.count)
  var cur = prev
  for i in 1...x.count {
    cur[0] = i
    for j in 1...y.count {
      cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
    }
    swap(&prev, &cur)
  }
  return prev[y.count]
}
