import CarbonData
import CarbonKit
import Testing

/// Every diagnostic of the broken datasets in Tests/Fixtures/bad, with file:line:column and message.
@Suite struct FixtureDiagnosticsTests {
  @Test func targets() throws {
    let loaded = try DatasetLoader.load(folder: fixture("bad/targets"))
    #expect(
      loaded.lines == [
        #"dataset.toml:4:1: warning: unknown key "colour" in [organization] (ignored)"#,
        #"dataset.toml:12:1: warning: target "ops": key "reduction" does not apply to a neutrality target (ignored); it belongs to intensity targets; this target aims at net emissions of zero by `by`, on a straight path from the baseline"#,
        #"dataset.toml:15:1: error: target #2: id: expected lowercase letters, digits and "-", found "Bad_Id""#,
        #"dataset.toml:17:1: error: target #2: scopes: expected strings "1", "2" or "3", found integer"#,
        #"dataset.toml:19:1: error: target #2: by (FY2020) must be after baseline (FY2021)"#,
        #"dataset.toml:24:1: error: target "vc": scopes: must not be empty"#,
        #"dataset.toml:25:1: error: target "vc": reduction: expected a fraction in (0, 1], found 1.5"#,
        #"dataset.toml:28:1: warning: target "vc": unknown key "reductoin" (ignored); did you mean "reduction"?"#,
        #"dataset.toml:31:1: error: target "ops": duplicate id (first at line 7)"#,
        #"dataset.toml:33:1: error: target "ops": amount_tco2e: expected a number above 0, found 0"#,
        #"dataset.toml:35:1: error: target "ops": by (FY2020) must not be before from (FY2021)"#,
        #"dataset.toml:39:1: error: target "x": kind: expected one of "neutrality", "intensity" or "avoided", found "magic""#,
        #"dataset.toml:42:1: error: target #6: missing required key "id""#,
        // The sixth target (avoided) also lacks amount_tco2e.
        #"dataset.toml:42:1: error: target #6: missing required key "amount_tco2e""#,
        #"dataset.toml:44:1: error: target #6: from: expected a fiscal year like "FY2030", found "2021"; fiscal years are FYnnnn, named after the calendar year they end in (e.g. "FY2021")"#,
      ])
    let ds = try #require(loaded.dataset)
    #expect(ds.organization.calendar.endMonth == 3)
    #expect(ds.targets.map(\.id) == ["ops"])
    #expect(ds.targets.first?.line == 6)
    #expect(ds.targets.first?.scopes == [.one, .two])
  }

  @Test func tables() throws {
    let loaded = try DatasetLoader.load(folder: fixture("bad/tables"))
    #expect(
      loaded.lines == [
        #"operations.csv:1:6: warning: unknown column "sope2_location_tco2e" (ignored); did you mean "scope2_location_tco2e"?"#,
        #"operations.csv:3:3: error: scope1_tco2e: expected a number, found "1,234""#,
        #"operations.csv:4:2: error: entity: must not be empty"#,
        #"operations.csv:5:1: error: period: expected FY2024, 2023-07 or 2023-07-15, found "2023-13""#,
        #"operations.csv:6:3: error: scope1_tco2e: expected a number, found "-5""#,
        #"operations.csv:6:4: error: scope2_market_tco2e: expected a number, found "1e400""#,
        #"operations.csv:7:5: error: scope1_2_tco2e: given together with scope1_tco2e; a row gives either the total or the split"#,
        #"operations.csv:8:1: error: double counting: FY2023, entity "Cloud" is already given by an annual row at line 2; row left out"#,
        #"operations.csv:9:3: error: quote inside an unquoted field"#,
        #"operations.csv:10:3: error: text after a closing quote"#,
        #"operations.csv:11:5: error: expected 6 fields as in the header, found 4"#,
        #"operations.csv:12:3: error: scope1_tco2e: expected a number, found "NaN""#,
        #"operations.csv:13:1: warning: entity "Retail": rows for FY2024 stop at 2024-02, before its last month 2024-12 (the entity's figures for the year may be incomplete)"#,
        #"operations.csv:14:1: error: double counting: FY2024, entity "Retail" is already given by sub-annual rows from line 13; row left out"#,
        #"value_chain.csv:1:6: error: duplicate column "entity" (also column 2); no data"#,
        #"revenue.csv: warning: no header row (the file is empty); no data"#,
        #"avoided.csv: error: is a folder, expected a file"#,
      ])
    let ds = try #require(loaded.dataset)
    // Rows kept: line 2 (Cloud FY2023 100 / 50), line 13 (Retail 2024-02, 3), line 15 (Cloud FY2024 90 / 45).
    let ops = try #require(ds.operations)
    #expect(ops.map(\.source.line) == [2, 13, 15])
    #expect(ops.map(\.scope1) == [100, 3, 90])
    #expect(ops.map(\.scope2Market) == [50, nil, 45])
    #expect(ops[1].period == .month(YearMonth(year: 2024, month: 2)))
    #expect(ds.valueChain == nil)
    #expect(ds.revenue == nil)
    #expect(ds.avoided == nil)
  }

  @Test func tomlSyntax() throws {
    let loaded = try DatasetLoader.load(folder: fixture("bad/toml-syntax"))
    #expect(loaded.dataset == nil)
    #expect(loaded.diagnostics.count == 1)
    let d = try #require(loaded.diagnostics.first)
    #expect(d.file == "dataset.toml")
    #expect(d.severity == .error)
    // `name = "Acme` on line 2: the line ends at column 13 inside the string.
    #expect(d.line == 2)
    #expect(d.column == 13)
    #expect(d.message.hasPrefix("unterminated string"))
  }
}
