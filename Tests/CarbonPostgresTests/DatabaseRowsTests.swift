import CarbonData
import CarbonKit
import Testing

@testable import CarbonPostgres

/// The pieces of the database source that need no server: tables through the folder's row
/// rules, the events stream for COPY, the ledger's row check and the W1 result's reading.
@Suite struct DatabaseRowsTests {
  static let config = Array(
    """
    [organization]
    name = "Test Org"
    fiscal_year_end = "12-31"
    """.utf8)

  func operations(_ rows: [(Int64, [String?])]) -> DatasetTables.Table {
    let cols = Schema.tableColumns["operations"]!
    return DatasetTables.Table(
      name: "operations", columns: cols.map(\.0),
      numeric: Set(cols.filter { $0.1 == "numeric" }.map(\.0)),
      rows: rows.map { DatasetTables.Table.Row(id: $0.0, cells: $0.1) })
  }

  func cells(_ period: String?, _ entity: String?, _ scope1: String?) -> [String?] {
    [period, entity, scope1] + Array(repeating: nil, count: 9)
  }

  @Test func rowsGoThroughTheFoldersRulesAndDiagnosticsNameTableKeyAndColumn() throws {
    let t = operations([
      (7, cells("FY2023", "A, \"quoted\"\nInc.", "1.50")),
      (9, cells("FY2023", nil, "2")),
      (12, cells("FY2023", "A, \"quoted\"\nInc.", "3")),
      (40, cells("FY2024x", "B", "4")),
    ])
    let loaded = DatasetLoader.load(
      tables: DatasetTables(config: Self.config, tables: ["operations": t])
    ) { _ in (nil, []) }
    let ds = try #require(loaded.dataset)
    let ops = try #require(ds.operations)
    #expect(ops.count == 1)
    #expect(ops[0].entity == "A, \"quoted\"\nInc.")
    #expect(ops[0].scope1 == 1.5)
    #expect(ops[0].source == SourceRef(file: "operations", line: 7))
    #expect(
      loaded.diagnostics.map(\.description) == [
        "operations:9:2: error: entity: must not be empty",
        "operations:12:1: error: double counting: FY2023, entity \"A, \\\"quoted\\\"�Inc.\" is already given by an annual row at id 7; row left out",
        "operations:40:1: error: period: expected FY2024, 2023-07 or 2023-07-15, found \"FY2024x\"",
      ])
  }

  @Test func anEmptyTableIsNoData() throws {
    let loaded = DatasetLoader.load(
      tables: DatasetTables(config: Self.config, tables: ["operations": operations([])])
    ) { _ in (nil, []) }
    #expect(try #require(loaded.dataset).operations == nil)
  }

  @Test func missingConfigIsTheFoldersError() {
    let loaded = DatasetLoader.load(tables: DatasetTables(config: nil, tables: [:])) { _ in
      (nil, [])
    }
    #expect(loaded.dataset == nil)
    #expect(loaded.diagnostics.first?.file == "dataset.toml")
  }

  @Test func eventsStreamReadsCellsAsTheLedgerDoes() {
    var s = EventsCopyStream()
    // Spaces and tabs around cells trimmed, quotes and doubled quotes, CRLF, blank lines,
    // an empty cell NULL, a tab and a backslash inside a quoted cell escaped for COPY.
    let csv =
      " 2024-01-01 ,\t\"A, \"\"B\"\"\" , P ,u1,\"5\"\r\n\r\n2024-02-01,\"x\ty\\\",P,,1\n2024-03-01,E,P,u2,7"
    var out = s.feed(Array(csv.utf8.prefix(20)))
    out += s.feed(Array(csv.utf8.dropFirst(20)))
    out += s.finish()
    #expect(
      String(decoding: out, as: UTF8.self)
        == "2024-01-01\tA, \"B\"\tP\tu1\t5\n2024-02-01\tx\\ty\\\\\tP\t\\N\t1\n2024-03-01\tE\tP\tu2\t7\n"
    )
    #expect(s.records == 3)
  }

  @Test func ledgerRowCheckGivesTheLedgersMessages() {
    #expect(
      LedgerRowCheck.problem(
        timestamp: "2024-01-01", entity: nil, program: "P", participant: "u", amount: "5")?.message
        == "entity: empty")
    #expect(
      LedgerRowCheck.problem(
        timestamp: "2024-01-01", entity: "E", program: "P", participant: "u", amount: "-5")?
        .message == "avoided_kgco2e: negative amount, found \"-5\"")
    #expect(
      LedgerRowCheck.problem(
        timestamp: "2023-02-29", entity: "E", program: "P", participant: "u", amount: "5")?.column
        == 1)
    #expect(
      LedgerRowCheck.problem(
        timestamp: "2024-02-29T23:59:59+05:30", entity: "E", program: "P", participant: "u",
        amount: "1.125") == nil)
    #expect(
      LedgerRowCheck.problem(
        timestamp: "2024-01-01", entity: "E", program: "P", participant: "u", amount: "1.0005")?
        .message == "avoided_kgco2e: more than 3 decimals, found \"1.0005\"")
  }

  @Test func w1ResultBecomesTheSummary() {
    // g: 1 groups, 7 years, 14 months, 15 all (grouping() of fy, entity, program, ym).
    let r = PGResult(
      columns: [
        "g", "fy", "entity", "program", "ym", "milli", "n", "p", "first_id", "rows", "rejected",
        "last_id",
      ],
      rows: [
        ["1", "2024", "b", "P", nil, "2500", "2", "1", "5", "2", "0", "6"],
        ["1", "2024", "a", "P", nil, "1000", "1", "1", "9", "1", "0", "9"],
        ["7", "2024", nil, nil, nil, "3500", "3", "2", "5", "3", "0", "9"],
        ["14", nil, nil, nil, "24287", "3500", "3", "2", "5", "3", "0", "9"],
        ["15", nil, nil, nil, nil, "9999", "4", "3", "5", "4", "1", "10"],
        ["1", nil, nil, nil, nil, "0", "1", "1", nil, "1", "1", "10"],
      ])
    let agg = LedgerQuery.aggregate(r)
    #expect(agg.lastID == 10)
    #expect(agg.summary.rowsRead == 4)
    #expect(agg.summary.rowsRejected == 1)
    #expect(agg.summary.groups.map(\.entity) == ["a", "b"])
    #expect(agg.summary.groups[1].milliKg == 2500)
    #expect(agg.summary.groups[1].firstSource == SourceRef(file: "events", line: 5))
    #expect(agg.summary.yearTotals.map(\.participants) == [2])
    #expect(agg.summary.months == [YearMonth(year: 2023, month: 12)])
  }
}
