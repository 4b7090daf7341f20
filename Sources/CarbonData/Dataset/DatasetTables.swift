import CarbonKit

/// A dataset given as tables of text instead of files: what a database source reads
/// (CarbonPostgres). `DatasetLoader.load(tables:)` turns it into the same `Dataset` as the
/// folder would give, through the same row rules (`TableLoader`), so every figure is identical.
public struct DatasetTables: Sendable {
  /// One table: its columns (in the table's order) and its rows, each with its key.
  public struct Table: Sendable {
    public struct Row: Sendable {
      /// The row's key (the table's identity column): diagnostics give it as the line.
      public var id: Int64
      /// One cell per column, as text; nil for NULL.
      public var cells: [String?]

      public init(id: Int64, cells: [String?]) {
        self.id = id
        self.cells = cells
      }
    }

    /// The table's name (`operations`, `value_chain`, `revenue`, `avoided`).
    public var name: String
    public var columns: [String]
    /// Columns whose text is a number (written unquoted for the reader); the others are text.
    public var numeric: Set<String>
    public var rows: [Row]

    public init(name: String, columns: [String], numeric: Set<String>, rows: [Row]) {
      self.name = name
      self.columns = columns
      self.numeric = numeric
      self.rows = rows
    }
  }

  /// The text of dataset.toml; nil when there is none.
  public var config: [UInt8]?
  /// The four tables by name; a table without rows is absent (nil), like a missing file.
  public var tables: [String: Table]

  public init(config: [UInt8]?, tables: [String: Table]) {
    self.config = config
    self.tables = tables
  }

  /// The table names, in the diagnostics' order, with the file each one mirrors.
  public static let names = [
    ("operations", "operations.csv"), ("value_chain", "value_chain.csv"),
    ("revenue", "revenue.csv"), ("avoided", "avoided.csv"), ("activity", "activity.csv"),
  ]

  /// The columns of each table, in the folder's order (TableLoader's).
  public static func columns(of table: String) -> [String] {
    switch table {
    case "operations":
      return TableLoader.operationsColumns.required + TableLoader.operationsColumns.optional
    case "value_chain":
      return TableLoader.valueChainColumns.required + TableLoader.valueChainColumns.optional
    case "revenue":
      return TableLoader.revenueColumns.required + TableLoader.revenueColumns.optional
    case "avoided":
      return TableLoader.avoidedColumns.required + TableLoader.avoidedColumns.optional
    case "activity":
      return TableLoader.activityColumns.required + TableLoader.activityColumns.optional
    default: return []
    }
  }
}

extension DatasetLoader {
  /// The fiscal calendar of a dataset.toml text; nil when it cannot be read (its diagnostics
  /// come with the load).
  public static func calendar(config: [UInt8]) -> FiscalCalendar? {
    var diags: [Diagnostic] = []
    return DatasetConfig.parse(config, diags: &diags)?.0.calendar
  }

  /// Loads a dataset from tables of text: dataset.toml's rules, each table's row rules, the
  /// ledger's double-counting rule and the completeness check, exactly as for a folder.
  /// Diagnostics and source references name the table (`operations`) and give the row's key
  /// as the line (and in messages, `id N` where a file would say `line N`); the column is the
  /// table's column position and the message starts with the column's name.
  /// `ledger` gives the aggregated events for the calendar (nil: the dataset has none).
  public static func load(
    tables: DatasetTables,
    ledger: (FiscalCalendar) -> (LedgerSummary?, [Diagnostic])
  ) -> LoadedDataset {
    var diags: [Diagnostic] = []
    guard let bytes = tables.config else {
      diags.append(
        Diagnostic(
          .error, file: DatasetConfig.file,
          "missing: a dataset needs dataset.toml with [organization] name"))
      return LoadedDataset(dataset: nil, diagnostics: diags)
    }
    guard let (organization, targets) = DatasetConfig.parse(bytes, diags: &diags) else {
      return LoadedDataset(dataset: nil, diagnostics: DiagnosticOrder.sorted(diags))
    }
    let cal = organization.calendar
    var dataset = Dataset(organization: organization, targets: targets)
    var periodColumns: [String: Int] = [:]

    func table<Row>(
      _ name: String, _ file: String,
      _ read: ([UInt8], FiscalCalendar, inout [Diagnostic]) -> LoadedTable<Row>?,
      _ relocate: (inout Row, SourceRef) -> Void, _ sourceOf: (Row) -> SourceRef
    ) -> [Row]? {
      guard let t = tables.tables[name], !t.rows.isEmpty else { return nil }
      let (csv, lineToID) = synthesize(t)
      var local: [Diagnostic] = []
      guard let loaded = read(csv, cal, &local) else {
        diags += local.map { relabel($0, file: file, table: name, lineToID: lineToID) }
        return nil
      }
      diags += local.map { relabel($0, file: file, table: name, lineToID: lineToID) }
      periodColumns[file] = loaded.periodColumn
      return loaded.rows.map { row in
        var r = row
        let s = sourceOf(row)
        relocate(&r, SourceRef(file: name, line: lineToID[s.line].map { Int($0) } ?? s.line))
        return r
      }
    }
    dataset.operations = table(
      "operations", "operations.csv", TableLoader.operations, { $0.source = $1 }, { $0.source })
    dataset.valueChain = table(
      "value_chain", "value_chain.csv", TableLoader.valueChain, { $0.source = $1 }, { $0.source })
    dataset.revenue = table(
      "revenue", "revenue.csv", TableLoader.revenue, { $0.source = $1 }, { $0.source })
    dataset.avoided = table(
      "avoided", "avoided.csv", TableLoader.avoided, { $0.source = $1 }, { $0.source })
    dataset.activity = table(
      "activity", "activity.csv", { TableLoader.activity(bytes: $0, calendar: $1, diags: &$2) },
      { $0.source = $1 }, { $0.source })
    diags += activityWarnings(targets: targets, activity: dataset.activity)

    let (summary, ledgerDiags) = ledger(cal)
    diags += ledgerDiags
    if var summary {
      if let avoided = dataset.avoided {
        diags += removeDoubleCounted(
          from: &summary, avoided: avoided, calendar: cal,
          files: [LedgerFile(path: "events", name: "events")])
      }
      dataset.ledger = summary
    }
    diags += CompletenessCheck.warnings(for: dataset, periodColumns: periodColumns)
    let sorted = DiagnosticOrder.sorted(diags)
    dataset.diagnostics = sorted
    return LoadedDataset(dataset: dataset, diagnostics: sorted)
  }

  /// The table as CSV text for `TableLoader`: a header of its columns, then one record per
  /// row (text quoted, numbers as PostgreSQL prints them, NULL empty); and the line where each
  /// row's record starts, mapped to the row's key.
  static func synthesize(_ t: DatasetTables.Table) -> ([UInt8], [Int: Int64]) {
    var out: [UInt8] = []
    out.reserveCapacity(64 + t.rows.count * 64)
    let numeric = t.columns.map { t.numeric.contains($0) }
    out += Array(t.columns.joined(separator: ",").utf8)
    out.append(10)
    var line = 2
    var map: [Int: Int64] = [:]
    map.reserveCapacity(t.rows.count)
    for row in t.rows {
      map[line] = row.id
      for (k, cell) in row.cells.enumerated() {
        if k > 0 { out.append(44) }
        guard let cell else { continue }
        if k < numeric.count && numeric[k] {
          out += Array(cell.utf8)
          continue
        }
        out.append(34)
        for b in cell.utf8 {
          if b == 34 { out.append(34) }
          if b == 10 { line += 1 }
          out.append(b)
        }
        out.append(34)
      }
      out.append(10)
      line += 1
    }
    return (out, map)
  }

  /// A diagnostic of the synthesized CSV, told in the table's terms: the table's name, the
  /// row's key for the line, and `id N` for a `line N` in the message.
  static func relabel(_ d: Diagnostic, file: String, table: String, lineToID: [Int: Int64])
    -> Diagnostic
  {
    guard d.file == file else { return d }
    var out = d
    out.file = table
    if let l = d.line { out.line = lineToID[l].map { Int($0) } }
    if out.line == nil { out.column = nil }
    out.message = renumber(d.message, lineToID)
    return out
  }

  /// `line N` outside quoted text becomes `id K`, K the key of the row at line N.
  static func renumber(_ message: String, _ lineToID: [Int: Int64]) -> String {
    let s = Array(message.unicodeScalars)
    var out = String.UnicodeScalarView()
    var inQuote = false
    var i = 0
    let word = Array("line ".unicodeScalars)
    while i < s.count {
      let c = s[i]
      if c == "\\" && inQuote && i + 1 < s.count {
        out.append(c)
        out.append(s[i + 1])
        i += 2
        continue
      }
      if c == "\"" { inQuote.toggle() }
      if !inQuote && i + word.count < s.count && Array(s[i..<i + word.count]) == word {
        var j = i + word.count
        var n = 0
        while j < s.count, let v = s[j].properties.numericType == .decimal ? Int(String(s[j])) : nil
        {
          n = n * 10 + v
          j += 1
        }
        if j > i + word.count, let id = lineToID[n] {
          out.append(contentsOf: "id \(id)".unicodeScalars)
          i = j
          continue
        }
      }
      out.append(c)
      i += 1
    }
    return String(out)
  }
}
