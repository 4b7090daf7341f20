import CarbonKit
import CarbonText

/// One field of a CSV record: a byte range of the file.
struct CSVField {
  var start: Int
  var end: Int
  var quoted: Bool
  /// The field holds doubled quotes that stand for one quote each.
  var escaped: Bool
}

/// One record of a CSV file, or the structural error that spoiled it.
struct CSVRecord {
  /// 1-based line where the record starts.
  var line: Int
  var fields: [CSVField]
  /// 1-based field number and message of a structural error (the record is unusable).
  var error: (column: Int, message: String)?
}

/// An RFC 4180 reader over the bytes of a file: one linear pass, no quadratic string building.
/// LF or CRLF line ends (a lone CR is an error, inside quotes too: the same rule as the events
/// files'), optional UTF-8 BOM, blank lines skipped, spaces and tabs around cells trimmed. A
/// field over `InputLimits.fieldBytes` or a record over `InputLimits.recordBytes` is an error.
struct CSVReader {
  let bytes: [UInt8]
  private var i: Int
  private var line = 1

  static let quoteInUnquoted = "quote inside an unquoted field"
  static let textAfterQuote = "text after a closing quote"
  static let loneCR = "lone carriage return (line ends must be LF or CRLF)"
  static let unterminated = "quoted field not closed before the end of the file"

  init(bytes: [UInt8]) {
    self.bytes = bytes
    if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
      i = 3
    } else {
      i = 0
    }
  }

  private static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 }

  /// The next non-blank record, or nil at the end of the file.
  mutating func next() -> CSVRecord? {
    let b = bytes
    let n = b.count
    while i < n {
      let startLine = line
      var fields: [CSVField] = []
      var failure: (Int, String)?
      var j = i
      fieldLoop: while true {
        while j < n && CSVReader.isSpace(b[j]) { j += 1 }
        if j < n && b[j] == 0x22 {
          j += 1
          let s = j
          var escaped = false
          var closed = false
          while j < n {
            let c = b[j]
            if c == 0x22 {
              if j + 1 < n && b[j + 1] == 0x22 {
                escaped = true
                j += 2
                continue
              }
              closed = true
              break
            }
            if c == 0x0A {
              line += 1
            } else if c == 0x0D && !(j + 1 < n && b[j + 1] == 0x0A) {
              failure = (fields.count + 1, CSVReader.loneCR)
              break fieldLoop
            }
            j += 1
          }
          if !closed {
            i = n
            return CSVRecord(
              line: startLine, fields: fields, error: (fields.count + 1, CSVReader.unterminated))
          }
          fields.append(CSVField(start: s, end: j, quoted: true, escaped: escaped))
          j += 1
          while j < n && CSVReader.isSpace(b[j]) { j += 1 }
        } else {
          let s = j
          while j < n {
            let c = b[j]
            if c == 0x2C || c == 0x0A || c == 0x0D { break }
            if c == 0x22 {
              failure = (fields.count + 1, CSVReader.quoteInUnquoted)
              break fieldLoop
            }
            j += 1
          }
          var e = j
          while e > s && CSVReader.isSpace(b[e - 1]) { e -= 1 }
          fields.append(CSVField(start: s, end: e, quoted: false, escaped: false))
        }
        if let f = fields.last, f.end - f.start > InputLimits.fieldBytes {
          failure = (fields.count, InputLimits.fieldMessage)
          break fieldLoop
        }
        if j - i > InputLimits.recordBytes {
          failure = (fields.count, InputLimits.recordMessage)
          break fieldLoop
        }
        if j >= n {
          i = n
          break fieldLoop
        }
        switch b[j] {
        case 0x2C:
          j += 1
          continue fieldLoop
        case 0x0A:
          i = j + 1
          line += 1
          break fieldLoop
        case 0x0D:
          if j + 1 < n && b[j + 1] == 0x0A {
            i = j + 2
            line += 1
            break fieldLoop
          }
          failure = (fields.count, CSVReader.loneCR)
          break fieldLoop
        default:
          failure = (fields.count, CSVReader.textAfterQuote)
          break fieldLoop
        }
      }
      if let failure {
        // Resynchronise at the next LF.
        while j < n && b[j] != 0x0A { j += 1 }
        if j < n {
          line += 1
          j += 1
        }
        i = j
        return CSVRecord(line: startLine, fields: fields, error: failure)
      }
      if fields.count == 1 && !fields[0].quoted && fields[0].start == fields[0].end { continue }
      return CSVRecord(line: startLine, fields: fields, error: nil)
    }
    return nil
  }

  /// True when the field has no bytes (an unquoted or quoted empty cell).
  func isEmpty(_ f: CSVField) -> Bool { f.start == f.end }

  /// The field's bytes, with doubled quotes undone.
  func raw(_ f: CSVField) -> [UInt8] {
    guard f.escaped else { return Array(bytes[f.start..<f.end]) }
    var out: [UInt8] = []
    out.reserveCapacity(f.end - f.start)
    var k = f.start
    while k < f.end {
      out.append(bytes[k])
      k += bytes[k] == 0x22 ? 2 : 1
    }
    return out
  }

  /// The field as text, or nil when it is not valid UTF-8.
  func text(_ f: CSVField) -> String? {
    guard UTF8Validation.isValid(bytes, f.start..<f.end) else { return nil }
    if f.escaped { return String(decoding: raw(f), as: UTF8.self) }
    return String(decoding: bytes[f.start..<f.end], as: UTF8.self)
  }
}
