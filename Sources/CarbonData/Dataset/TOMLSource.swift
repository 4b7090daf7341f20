import CarbonKit
import CarbonTOML
import CarbonText

/// Turns the bytes of a TOML file into a table, or the diagnostic saying why not.
enum TOMLSource {
  /// The parsed table; nil after reporting why not (invalid UTF-8, a NUL byte, or the TOML
  /// syntax error with its line and column) into `diags`.
  static func parse(_ bytes: [UInt8], file: String, diags: inout [Diagnostic]) -> TOMLTable? {
    var start = 0
    if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
    if let bad = UTF8Validation.firstInvalid(bytes, start..<bytes.count) {
      let (l, c) = position(of: bad, in: bytes, from: start)
      diags.append(Diagnostic(.error, file: file, line: l, column: c, "invalid UTF-8"))
      return nil
    }
    if let nul = bytes[start...].firstIndex(of: 0) {
      let (l, c) = position(of: nul, in: bytes, from: start)
      diags.append(Diagnostic(.error, file: file, line: l, column: c, "NUL byte in the file"))
      return nil
    }
    do {
      return try TOML.parse(utf8: Array(bytes[start...]))
    } catch {
      diags.append(
        Diagnostic(
          .error, file: file, line: error.position.line, column: error.position.column,
          Sanitize.text(error.message)))
      return nil
    }
  }

  /// 1-based line and character column of byte `offset`.
  static func position(of offset: Int, in bytes: [UInt8], from start: Int) -> (Int, Int) {
    var line = 1
    var lineStart = start
    var k = start
    while k < offset {
      if bytes[k] == 0x0A {
        line += 1
        lineStart = k + 1
      }
      k += 1
    }
    var col = 1
    k = lineStart
    while k < offset {
      if bytes[k] & 0xC0 != 0x80 { col += 1 }
      k += 1
    }
    return (line, col)
  }
}
