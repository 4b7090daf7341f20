/// The cells of a CSV file as text, read by the dataset's own reader (RFC 4180, spaces and tabs
/// around cells trimmed, blank lines skipped): what `carbontop db import` loads into a table,
/// so that the database holds exactly the text the folder's reader sees.
public enum CSVCells {
  /// One record: the line where it starts and its cells (nil for an empty cell).
  public struct Record: Sendable, Hashable {
    public var line: Int
    public var cells: [String?]
  }

  /// Every record of `bytes`, the header first; or the first structural problem
  /// (`line:column: message`), e.g. a quote inside an unquoted field or invalid UTF-8.
  public static func read(_ bytes: [UInt8]) -> Result<[Record], CSVCellsError> {
    var csv = CSVReader(bytes: bytes)
    var out: [Record] = []
    while let rec = csv.next() {
      if let (col, msg) = rec.error {
        return .failure(CSVCellsError(line: rec.line, column: col, message: msg))
      }
      var cells: [String?] = []
      cells.reserveCapacity(rec.fields.count)
      for (k, f) in rec.fields.enumerated() {
        if csv.isEmpty(f) {
          cells.append(nil)
          continue
        }
        guard let s = csv.text(f) else {
          return .failure(CSVCellsError(line: rec.line, column: k + 1, message: "invalid UTF-8"))
        }
        cells.append(s)
      }
      out.append(Record(line: rec.line, cells: cells))
    }
    return .success(out)
  }
}

/// Why a CSV file's cells could not be read.
public struct CSVCellsError: Error, Sendable, Hashable, CustomStringConvertible {
  public var line: Int
  public var column: Int
  public var message: String

  public var description: String { "\(line):\(column): \(message)" }
}
