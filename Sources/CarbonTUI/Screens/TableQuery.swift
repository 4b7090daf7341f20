import CarbonKit

/// The filter of a table: rows containing a fixed text (case-insensitive), or with `inverted`
/// the rows without it.
public struct TableFilter: Hashable, Sendable {
  public var text: String
  public var inverted: Bool

  public init(text: String, inverted: Bool = false) {
    self.text = text
    self.inverted = inverted
  }

  /// Parses what was typed after `/`: a leading `!` inverts.
  public init(typed: String) {
    if typed.hasPrefix("!") {
      self.init(text: String(typed.dropFirst()), inverted: true)
    } else {
      self.init(text: typed)
    }
  }

  /// As typed: "!text" or "text".
  public var typed: String { (inverted ? "!" : "") + text }

  /// True when a row is kept.
  public func keeps(_ row: TableView.Row) -> Bool {
    guard !text.isEmpty else { return true }
    let needle = text.lowercased()
    let found = row.cells.contains { $0.lowercased().contains(needle) }
    return found != inverted
  }
}

/// The sort of a table: a column, ascending or descending. Cells compare as numbers when both
/// read as one (units and separators aside: "4.45 Mt" < "12.3 Mt" by value), else as text.
public struct TableSort: Hashable, Sendable {
  public var column: Int
  public var descending: Bool

  public init(column: Int, descending: Bool = false) {
    self.column = column
    self.descending = descending
  }

  /// The next step of the sort key: column 0 ascending, descending, column 1 ascending, ...,
  /// then unsorted (nil).
  public static func next(after current: TableSort?, columns: Int) -> TableSort? {
    guard columns > 0 else { return nil }
    guard let c = current else { return TableSort(column: 0) }
    if !c.descending { return TableSort(column: c.column, descending: true) }
    return c.column + 1 < columns ? TableSort(column: c.column + 1) : nil
  }

  /// A cell's value for sorting: a number (scaled by t/kt/Mt/Gt, % as is), else nil.
  static func number(_ cell: String) -> Double? {
    var text = cell.replacing(",", with: "")
    var scale = 1.0
    for (suffix, f) in [(" Gt", 1e9), (" Mt", 1e6), (" kt", 1e3), (" t", 1.0), ("%", 1.0)]
    where text.hasSuffix(suffix) {
      text = String(text.dropLast(suffix.count))
      scale = f
      break
    }
    guard let v = Double(text) else { return nil }
    return v * scale
  }

  /// True when row a sorts before row b.
  func before(_ a: TableView.Row, _ b: TableView.Row) -> Bool {
    let x = column < a.cells.count ? a.cells[column] : ""
    let y = column < b.cells.count ? b.cells[column] : ""
    let less: Bool
    let equal: Bool
    if let nx = TableSort.number(x), let ny = TableSort.number(y) {
      less = nx < ny
      equal = nx == ny
    } else if (TableSort.number(x) == nil) != (TableSort.number(y) == nil) {
      // Numbers before text ("-" and blanks last).
      less = TableSort.number(x) != nil
      equal = false
    } else {
      less = Array(x.utf8).lexicographicallyPrecedes(Array(y.utf8))
      equal = x == y
    }
    if equal { return false }
    return descending ? !less : less
  }
}

extension ScreenTable {
  /// The table as the user sees it: filtered, then sorted (stable), with the header of the
  /// sort column marked `^` (ascending) or `v` (descending). Drill targets follow their rows.
  public func viewed(filter: TableFilter?, sort: TableSort?) -> ScreenTable {
    guard filter != nil || sort != nil else { return self }
    var idx = Array(rows.indices)
    if let filter { idx = idx.filter { filter.keeps(rows[$0]) } }
    if let sort, sort.column < columns.count {
      idx = idx.enumerated().sorted { a, b in
        if sort.before(rows[a.element], rows[b.element]) { return true }
        if sort.before(rows[b.element], rows[a.element]) { return false }
        return a.offset < b.offset
      }.map(\.element)
    }
    var t = self
    t.rows = idx.map { rows[$0] }
    t.drill = idx.map { $0 < drill.count ? drill[$0] : nil }
    if let sort, sort.column < columns.count {
      t.columns[sort.column].title += sort.descending ? " v" : " ^"
    }
    return t
  }
}
