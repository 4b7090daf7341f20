import CarbonKit

/// The cells of one data record, read by column name. Every problem is recorded in `errors`;
/// a row with errors is left out by the caller.
struct TableRow {
  let file: String
  let csv: CSVReader
  let record: CSVRecord
  let columns: [String: Int]
  var errors: [Diagnostic] = []

  init(file: String, csv: CSVReader, record: CSVRecord, columns: [String: Int]) {
    self.file = file
    self.csv = csv
    self.record = record
    self.columns = columns
  }

  var line: Int { record.line }
  var source: SourceRef { SourceRef(file: file, line: record.line) }

  /// 1-based field number of a column, or nil when the file has no such column.
  func column(_ name: String) -> Int? { columns[name].map { $0 + 1 } }

  private mutating func fail(_ name: String, _ message: String) {
    errors.append(
      Diagnostic(.error, file: file, line: record.line, column: column(name), name + ": " + message)
    )
  }

  private func field(_ name: String) -> CSVField? {
    guard let k = columns[name], k < record.fields.count else { return nil }
    return record.fields[k]
  }

  /// The cell's text; nil when the column is absent, the cell empty, or the text invalid UTF-8
  /// (an error).
  mutating func text(_ name: String) -> String? {
    guard let f = field(name), !csv.isEmpty(f) else { return nil }
    guard let s = csv.text(f) else {
      fail(name, "invalid UTF-8")
      return nil
    }
    return s
  }

  /// A cell that must not be empty (period, entity, program).
  mutating func requiredText(_ name: String) -> String? {
    guard let f = field(name) else { return nil }
    if csv.isEmpty(f) {
      fail(name, "must not be empty")
      return nil
    }
    return text(name)
  }

  /// A number cell; nil when empty ("not reported") or invalid (an error).
  mutating func number(_ name: String) -> Double? {
    guard let f = field(name), !csv.isEmpty(f) else { return nil }
    if !f.escaped, let v = CSVNumber.parse(csv.bytes, f.start..<f.end) { return v }
    guard let s = csv.text(f) else {
      fail(name, "invalid UTF-8")
      return nil
    }
    fail(name, "expected a number, found \(DisplayText.quoted(s))")
    return nil
  }

  /// The period cell.
  mutating func period() -> Period? {
    guard let s = requiredText("period") else { return nil }
    if let p = Period(parsing: s) { return p }
    fail(
      "period",
      "expected FY2024, 2023-07 or 2023-07-15, found \(DisplayText.quoted(s))"
        + DiagnosticHints.period(s))
    return nil
  }

  /// The category cell: 1...15, or nil when empty.
  mutating func category() -> Int? {
    guard let s = text("category") else { return nil }
    let u = Array(s.utf8)
    if !u.isEmpty, u.count <= 2, u.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let v = Int(s),
      (1...15).contains(v)
    {
      return v
    }
    fail(
      "category", "expected a whole number from 1 to 15, or empty, found \(DisplayText.quoted(s))")
    return nil
  }

  /// The verified cell: true/false/yes/no/1/0 (any case); empty = false.
  mutating func verified() -> Bool {
    guard let s = text("verified") else { return false }
    switch s.lowercased() {
    case "true", "yes", "1": return true
    case "false", "no", "0": return false
    default:
      fail("verified", "expected true, false, yes, no, 1 or 0, found \(DisplayText.quoted(s))")
      return false
    }
  }

  /// Records an error about a whole row, at the given column.
  mutating func error(at name: String, _ message: String) { fail(name, message) }
}
