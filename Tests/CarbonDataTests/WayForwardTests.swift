import CarbonData
import CarbonKit
import Testing

/// Issue 12 item 4: a diagnostic says the way forward where a value is close to a valid one,
/// and a key of another kind says what the target does instead.
@Suite struct WayForwardTests {
  @Test func tomlValuesCloseToValidOnes() {
    let d = TempDataset()
    d.write(
      "dataset.toml",
      """
      [organization]
      name = "Acme"

      [[target]]
      id = "a"
      kind = "absolut"
      scopes = ["1"]
      baseline = "FY2020"
      by = "FY2030"

      [[target]]
      id = "b"
      kind = "intensity"
      scopes = ["3"]
      reduction = "50%"
      baseline = "CY2021"
      by = "FY2030"

      [[target]]
      id = "c"
      kind = "intensity"
      scopes = ["3"]
      reduction = 42
      baseline = "FY2021"
      by = "FY2030"

      [[target]]
      id = "n"
      kind = "neutrality"
      scopes = ["1", "2"]
      reduction = 0.5
      baseline = "FY2021"
      by = "FY2030"
      """)
    let kinds = TargetKind.allCases.map { "\"\($0.rawValue)\"" }
    #expect(kinds.count >= 3)
    #expect(
      d.load().lines == [
        // Every kind is listed, from TargetKind itself (new kinds appear here too).
        #"dataset.toml:6:1: error: target "a": kind: expected one of "# + TargetKind.listed
          + #", found "absolut""#,
        #"dataset.toml:15:1: error: target "b": reduction: expected a number, found "50%"; write 0.5 (a fraction, not a percentage)"#,
        #"dataset.toml:16:1: error: target "b": baseline: expected a fiscal year like "FY2030", found "CY2021"; fiscal years are FYnnnn, named after the calendar year they end in (e.g. "FY2021")"#,
        #"dataset.toml:23:1: error: target "c": reduction: expected a fraction in (0, 1], found 42; write 0.42 (a fraction, not a percentage)"#,
        #"dataset.toml:31:1: warning: target "n": key "reduction" does not apply to a neutrality target (ignored); it belongs to intensity targets; this target aims at net emissions of zero by `by`, on a straight path from the baseline"#,
      ])
    #expect(TargetKind.listed == #""neutrality", "intensity" or "avoided""# || kinds.count > 3)
  }

  @Test func periodsListTheirForms() {
    let d = TempDataset()
    d.write("dataset.toml", minimalTOML)
    d.write(
      "operations.csv",
      "period,entity,scope1_tco2e\n2023-Q3,A,1\nCY2023,A,1\n2023-13,A,1\n")
    let forms = "a period is a fiscal year (FY2024), a month (2023-07) or a day (2023-07-15)"
    #expect(
      d.load().lines == [
        #"operations.csv:2:1: error: period: expected FY2024, 2023-07 or 2023-07-15, found "2023-Q3"; "#
          + forms + ": give a quarter as one row for each of its three months",
        #"operations.csv:3:1: error: period: expected FY2024, 2023-07 or 2023-07-15, found "CY2023"; "#
          + forms + #": for a whole fiscal year write "FY2023" (fiscal years are FYnnnn)"#,
        #"operations.csv:4:1: error: period: expected FY2024, 2023-07 or 2023-07-15, found "2023-13""#,
      ])
  }
}
