import CarbonData
import CarbonKit

/// Reads a dataset from a schema: dataset.toml from `toml_files`, the four tables through the
/// folder's row rules (`DatasetLoader.load(tables:)`), and the events ledger aggregated in the
/// database (`LedgerQuery`). The result is the same `Dataset` the folder gives.
public enum PostgresDataset {
  /// The statement reading one table: its id and columns as text, in id order.
  public static func tableSQL(schema: String, table: String) -> String {
    let cols = (Schema.tableColumns[table] ?? []).map { name, type in
      type == "boolean"
        ? "CASE WHEN \(SQL.identifier(name)) THEN 'true' WHEN NOT \(SQL.identifier(name)) THEN 'false' END"
        : SQL.identifier(name)
    }
    return
      "SELECT id, \(cols.joined(separator: ", ")) FROM \(SQL.identifier(schema)).\(table) ORDER BY id"
  }

  /// The statement reading dataset.toml.
  public static func configSQL(schema: String) -> String {
    "SELECT content FROM \(SQL.identifier(schema)).\(Schema.tomlTable) WHERE name = 'dataset.toml'"
  }

  /// A table read by `tableSQL` as the loader's input.
  public static func table(_ name: String, _ r: PGResult) -> DatasetTables.Table {
    let cols = Schema.tableColumns[name] ?? []
    let numeric = Set(cols.filter { $0.1 == "numeric" || $0.1 == "integer" }.map(\.0))
    let rows = r.rows.map { row in
      DatasetTables.Table.Row(id: row[0].flatMap { Int64($0) } ?? 0, cells: Array(row.dropFirst()))
    }
    return DatasetTables.Table(name: name, columns: cols.map(\.0), numeric: numeric, rows: rows)
  }

  /// Fails with a message saying what to do when the schema has no carbontop tables.
  public static func requireSchema(_ db: PGConnection) throws(PGError) {
    if try Schema.version(db) == nil {
      throw PGError(
        "\(db.target.display): no carbontop dataset in schema \(DisplayText.quoted(db.target.schema)) "
          + "(create it with `carbontop db init URL`, fill it with `carbontop db import FOLDER URL`)"
      )
    }
  }

  /// Loads the dataset (blocking).
  public static func load(_ db: PGConnection) throws(PGError) -> LoadedDataset {
    try requireSchema(db)
    let s = db.target.schema
    let config = try db.exec(configSQL(schema: s)).rows.first?[0].map { Array($0.utf8) }
    var tables: [String: DatasetTables.Table] = [:]
    for (name, _) in DatasetTables.names {
      tables[name] = table(name, try db.exec(tableSQL(schema: s, table: name)))
    }
    var events: (LedgerSummary?, [Diagnostic]) = (nil, [])
    if let config, let cal = DatasetLoader.calendar(config: config) {
      events = try ledger(db, calendar: cal)
    }
    let loaded = DatasetLoader.load(tables: DatasetTables(config: config, tables: tables)) { _ in
      events
    }
    return loaded
  }

  /// The events ledger aggregated in the database; nil without events.
  public static func ledger(_ db: PGConnection, calendar: FiscalCalendar) throws(PGError)
    -> (LedgerSummary?, [Diagnostic])
  {
    let s = db.target.schema
    let agg = LedgerQuery.aggregate(
      try db.exec(LedgerQuery.sql(schema: s, endMonth: calendar.endMonth)))
    guard agg.summary.rowsRead > 0 else { return (nil, []) }
    var diags = agg.diagnostics
    if agg.summary.rowsRejected > 0 {
      diags += LedgerQuery.rejectedDiagnostics(
        try db.exec(LedgerQuery.rejectedSQL(schema: s)), rejected: agg.summary.rowsRejected)
    }
    return (agg.summary, diags)
  }

  // MARK: - Scenarios

  /// The names of the saved scenarios (`scenarios/NAME.toml` rows), in UTF-8 byte order.
  public static func scenarioNames(_ db: PGConnection) throws(PGError) -> [String] {
    let r = try db.exec(
      "SELECT substr(name, 11, length(name) - 15) FROM \(SQL.identifier(db.target.schema)).\(Schema.tomlTable) "
        + "WHERE name LIKE 'scenarios/%.toml' ORDER BY name COLLATE \"C\"")
    return r.rows.compactMap { $0[0] }
  }

  /// The TOML text of `scenarios/NAME.toml`; nil when there is none.
  public static func scenarioText(_ db: PGConnection, name: String) throws(PGError) -> [UInt8]? {
    let r = try db.exec(
      "SELECT content FROM \(SQL.identifier(db.target.schema)).\(Schema.tomlTable) WHERE name = $1",
      ["scenarios/" + name + ".toml"])
    return r.rows.first?[0].map { Array($0.utf8) }
  }

  /// Saves a scenario as `scenarios/NAME.toml`: only `toml_files` is written, in a transaction.
  public static func saveScenario(_ db: PGConnection, _ scenario: Scenario) throws(PGError) {
    guard ScenarioFile.isSafeName(scenario.name) else {
      throw PGError("scenario name \(DisplayText.quoted(scenario.name)) is not a file name")
    }
    try db.execScript("BEGIN")
    do {
      try db.exec(
        "INSERT INTO \(SQL.identifier(db.target.schema)).\(Schema.tomlTable) (name, content) VALUES ($1, $2) "
          + "ON CONFLICT (name) DO UPDATE SET content = excluded.content, updated_at = now()",
        ["scenarios/" + scenario.name + ".toml", ScenarioFile.text(of: scenario)])
      try db.execScript("COMMIT")
    } catch {
      _ = try? db.execScript("ROLLBACK")
      throw error
    }
  }
}
