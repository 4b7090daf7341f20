import CarbonKit

/// Reads one table of the dataset: the header (columns by exact name, in any order) and then
/// each record as a `TableRow`, reporting problems as diagnostics with file:line:column.
struct TableReader {
  /// File name relative to the dataset folder.
  let file: String
  let required: [String]
  let optional: [String]
  private var csv: CSVReader
  /// Column name -> 0-based field index.
  private(set) var columns: [String: Int] = [:]
  private(set) var fieldCount = 0

  init(file: String, bytes: [UInt8], required: [String], optional: [String]) {
    self.file = file
    self.required = required
    self.optional = optional
    self.csv = CSVReader(bytes: bytes)
  }

  /// Reads the header. False when the file gives no data (no header, or a header error).
  mutating func readHeader(into diags: inout [Diagnostic]) -> Bool {
    guard let header = csv.next() else {
      diags.append(Diagnostic(.warning, file: file, "no header row (the file is empty); no data"))
      return false
    }
    if let (col, msg) = header.error {
      diags.append(
        Diagnostic(
          .error, file: file, line: header.line, column: col, "header: " + msg + "; no data"))
      return false
    }
    fieldCount = header.fields.count
    let known = required + optional
    var ok = true
    // A header is listed problem by problem up to a limit, then counted: a 10 MB header of
    // duplicate or unknown names must not become millions of diagnostics.
    let limit = 20
    var listed = 0
    var unlisted = 0
    func add(_ d: Diagnostic) {
      if listed < limit {
        diags.append(d)
        listed += 1
      } else {
        unlisted += 1
      }
    }
    for (k, f) in header.fields.enumerated() {
      guard let name = csv.text(f) else {
        add(
          Diagnostic(
            .error, file: file, line: header.line, column: k + 1, "header: invalid UTF-8; no data"))
        ok = false
        continue
      }
      if let first = columns[name] {
        add(
          Diagnostic(
            .error, file: file, line: header.line, column: k + 1,
            "duplicate column \(DisplayText.quoted(name)) (also column \(first + 1)); no data"))
        ok = false
        continue
      }
      columns[name] = k
      if name.isEmpty {
        add(
          Diagnostic(
            .warning, file: file, line: header.line, column: k + 1,
            "column without a name (ignored)"))
      } else if !known.contains(name) {
        guard listed < limit else {
          unlisted += 1
          continue
        }
        var msg = "unknown column \(DisplayText.quoted(name)) (ignored)"
        if let near = NameSuggestion.closest(to: name, among: known) {
          msg += "; did you mean \"\(near)\"?"
        }
        add(Diagnostic(.warning, file: file, line: header.line, column: k + 1, msg))
      }
    }
    if unlisted > 0 {
      diags.append(
        Diagnostic(
          ok ? .warning : .error, file: file, line: header.line, column: 1,
          "header: \(unlisted) more problem\(unlisted == 1 ? "" : "s") in the header, not listed"))
    }
    for r in required where columns[r] == nil {
      diags.append(
        Diagnostic(
          .error, file: file, line: header.line, column: 1,
          "missing required column \"\(r)\"; no data"))
      ok = false
    }
    return ok
  }

  /// The next data record, or nil at the end. Structural errors are reported and skipped.
  mutating func nextRow(into diags: inout [Diagnostic]) -> TableRow? {
    while let rec = csv.next() {
      if let (col, msg) = rec.error {
        diags.append(Diagnostic(.error, file: file, line: rec.line, column: col, msg))
        continue
      }
      if rec.fields.count != fieldCount {
        let col = min(rec.fields.count, fieldCount) + 1
        diags.append(
          Diagnostic(
            .error, file: file, line: rec.line, column: col,
            "expected \(fieldCount) fields as in the header, found \(rec.fields.count)"))
        continue
      }
      return TableRow(file: file, csv: csv, record: rec, columns: columns)
    }
    return nil
  }
}
