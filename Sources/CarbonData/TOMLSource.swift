import CarbonKit
import FoundationEssentials
import TOMLKit

/// Turns the bytes of a TOML file into a TOMLKit table, or the diagnostic saying why not.
enum TOMLSource {
  /// The parsed table and the file's text; nil after reporting why not (invalid UTF-8, a NUL
  /// byte, or TOMLKit's syntax error with its line and column) into `diags`.
  static func parse(_ bytes: [UInt8], file: String, diags: inout [Diagnostic]) -> (
    TOMLTable, String
  )? {
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
    let text = String(decoding: bytes[start...], as: UTF8.self)
    do {
      let table = try TOMLTable(string: text)
      return (table, text)
    } catch let e as TOMLParseError {
      diags.append(
        Diagnostic(
          .error, file: file, line: max(1, e.source.begin.line),
          column: max(1, e.source.begin.column),
          DisplayText.clean(e.description, limit: 200)))
      return nil
    } catch {
      diags.append(Diagnostic(.error, file: file, line: 1, column: 1, "not valid TOML"))
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

  /// TOMLKit's name of a value's type, for "expected ..., found ..." messages.
  static func typeName(_ v: TOMLValueConvertible) -> String {
    switch v.type {
    case .bool: return "boolean"
    case .array: return "array"
    case .table: return "table"
    default: return v.type.description
    }
  }

  /// A number (integer or float) value.
  static func number(_ v: TOMLValueConvertible) -> Double? {
    if let d = v.double { return d }
    if let i = v.int { return Double(i) }
    return nil
  }
}
