import CarbonData
import CarbonKit
import Testing

/// The ledger hook, the avoided.csv-versus-events double counting rule, completeness warnings
/// and the order of diagnostics.
@Suite struct LedgerAndCompletenessTests {
  @Test func eventsDoubleCountedWithAvoidedAreRemoved() throws {
    let d = TempDataset()
    d.write("dataset.toml", minimalTOML)
    d.write("avoided.csv", "period,entity,program,avoided_tco2e\nFY2024,Cainiao,Boxes,100\n")
    d.write(
      "events/2024.csv",
      """
      timestamp,entity,program,participant,avoided_kgco2e
      2024-01-05,Cainiao,Boxes,u1,1000
      2024-02-01,Cainiao,Boxes,u2,2000
      2024-03-01,Ele,Bikes,u1,500
      2024-12-31T10:00:00Z,Ele,Bikes,u3,250

      """)
    d.write(
      "events/2023.csv",
      "timestamp,entity,program,participant,avoided_kgco2e\n2023-06-01,Ele,Bikes,u9,10\n")
    d.mkdir("events/old.csv")
    d.write("events/notes.txt", "not a ledger file")
    let loaded = d.load(ledger: testLedger)
    #expect(
      loaded.lines == [
        #"events/2024.csv:2:1: error: double counting: FY2024, entity "Cainiao", program "Boxes" is also given in avoided.csv (line 2); its 2 events are left out (the year's count of distinct participants still includes their participants)"#
      ])
    let ledger = try #require(loaded.dataset?.ledger)
    #expect(ledger.files == ["events/2023.csv", "events/2024.csv"])
    // Kept: FY2023 Ele/Bikes 10 kg; FY2024 Ele/Bikes 500 + 250 = 750 kg, 2 events.
    #expect(
      ledger.groups.map { "\($0.fiscalYear) \($0.entity) \($0.program) \($0.milliKg) \($0.events)" }
        == [
          "FY2023 Ele Bikes 10000 1", "FY2024 Ele Bikes 750000 2",
        ])
    // FY2024 total: 1000 + 2000 + 500 + 250 = 3750 kg, 4 events, 3 participants (u1, u2, u3);
    // minus Cainiao/Boxes (3000 kg, 2 events) = 750 kg, 2 events; participants stay 3.
    let fy2024 = try #require(ledger.yearTotals.first { $0.fiscalYear == FiscalYear(2024) })
    #expect(fy2024.milliKg == 750_000)
    #expect(fy2024.events == 2)
    #expect(fy2024.participants == 3)
  }

  @Test func noHookMeansNoLedger() throws {
    let d = TempDataset()
    d.write("dataset.toml", minimalTOML)
    d.write(
      "events/2024.csv",
      "timestamp,entity,program,participant,avoided_kgco2e\n2024-01-05,A,B,u1,1\n")
    let loaded = d.load()
    #expect(loaded.lines == [])
    #expect(loaded.dataset?.ledger == nil)
  }

  @Test func subAnnualRowsStoppingEarly() throws {
    let d = TempDataset()
    d.write("dataset.toml", "[organization]\nname = \"Acme\"\nfiscal_year_end = \"03-31\"\n")
    // FY2024 = 2023-04 .. 2024-03. B's row in 2024-03 makes FY2024 complete; A stops at 2023-05
    // in operations and at 2023-06 in revenue. 2024-04 is FY2025, not complete.
    d.write(
      "operations.csv",
      "period,entity,scope1_tco2e\n2023-04,A,1\n2024-03,B,1\n2023-05-10,A,1\n2024-04,A,1\n")
    d.write("revenue.csv", "entity,period,revenue\nA,2023-06,5\n")
    let loaded = d.load()
    #expect(
      loaded.lines == [
        #"operations.csv:4:1: warning: entity "A": rows for FY2024 stop at 2023-05, before its last month 2024-03 (the entity's figures for the year may be incomplete)"#,
        #"revenue.csv:2:2: warning: entity "A": rows for FY2024 stop at 2023-06, before its last month 2024-03 (the entity's figures for the year may be incomplete)"#,
      ])
    let ds = try #require(loaded.dataset)
    #expect(CompletenessCheck.completeYears(of: ds) == [FiscalYear(2024)])
  }

  @Test func eventMonthsCompleteAYear() throws {
    let d = TempDataset()
    d.write("dataset.toml", minimalTOML)
    d.write("operations.csv", "period,entity,scope1_tco2e\n2024-01,A,1\n")
    d.write(
      "events/e.csv", "timestamp,entity,program,participant,avoided_kgco2e\n2024-12-01,A,P,u,1\n")
    let loaded = d.load(ledger: testLedger)
    #expect(
      loaded.lines == [
        #"operations.csv:2:1: warning: entity "A": rows for FY2024 stop at 2024-01, before its last month 2024-12 (the entity's figures for the year may be incomplete)"#
      ])
  }

  @Test func diagnosticOrder() {
    let input = [
      Diagnostic(.error, file: "scenarios/a.toml", line: 1, column: 1, "s"),
      Diagnostic(.error, file: "events/b.csv", line: 1, "e2"),
      Diagnostic(.error, file: "events/a.csv", line: 9, "e1"),
      Diagnostic(.warning, file: "avoided.csv", line: 2, column: 2, "a2"),
      Diagnostic(.error, file: "avoided.csv", line: 2, column: 1, "a1"),
      Diagnostic(.error, file: "revenue.csv", line: 1, "r"),
      Diagnostic(.error, file: "value_chain.csv", "v"),
      Diagnostic(.error, file: "operations.csv", line: 3, "o2"),
      Diagnostic(.error, file: "operations.csv", "o1"),
      Diagnostic(.error, file: "dataset.toml", line: 40, column: 1, "d"),
    ]
    #expect(
      DiagnosticOrder.sorted(input).map(\.message) == [
        "d", "o1", "o2", "v", "r", "a1", "a2", "e1", "e2", "s",
      ])
  }
}
