import CarbonData
import CarbonKit
import Testing

/// Header-level diagnostics of the events ledger name column 1 (the header record): a
/// diagnostic with a line always has a column.
@Suite struct LedgerHeaderTests {
  @Test func missingRequiredColumnsAtColumnOne() {
    let d = TempDataset()
    // No participant and no avoided_kgco2e column: the file is skipped.
    d.write("events/a.csv", "timestamp,entity,program\n2024-01-05,Cainiao,Boxes\n")
    let (summary, diags) = EventsLedger.aggregate(
      files: [LedgerFile(path: d.path + "/events/a.csv", name: "events/a.csv")],
      calendar: FiscalCalendar(), threads: 1)
    #expect(summary.groups.isEmpty)
    #expect(diags.count == 1)
    #expect(diags.first?.line == 1)
    #expect(diags.first?.column == 1)
    #expect(
      diags.first?.description.hasPrefix("events/a.csv:1:1: error: missing required column") == true
    )
  }
}
