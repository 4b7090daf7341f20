import CarbonData
import CarbonKit
import CarbonPostgres
import Glibc
import Testing

/// The test server's URL (without a schema), from CARBONTOP_PG_URL.
func serverURL() -> String? {
  guard let p = getenv("CARBONTOP_PG_URL") else { return nil }
  return String(cString: p)
}

/// PostgresLive against a real server (CARBONTOP_PG_URL, set by .ci/run; skipped without it):
/// appended events merged into the ledger state give exactly the full aggregation, distinct
/// participants included.
@Suite(.enabled(if: serverURL() != nil, "CARBONTOP_PG_URL is not set"))
struct LiveLedgerServerTests {
  /// Reads the socket until a load arrives.
  func nextLoad(_ live: PostgresLive, first: [PostgresLive.Event] = []) throws -> LoadedDataset {
    var events = first
    for _ in 0..<200 {
      for e in events {
        if case .loaded(let l, _) = e { return l }
        if case .failed(let m) = e { Issue.record("load failed: \(m)") }
      }
      var fd = pollfd(fd: live.socket, events: Int16(POLLIN), revents: 0)
      _ = poll(&fd, 1, 100)
      events = live.readable() + live.tick(now: .now)
    }
    throw PGError("no load within 20 s")
  }

  func row(_ ts: String, _ e: String, _ p: String, _ u: String, _ kg: String) -> String {
    "('\(ts)', '\(e)', '\(p)', '\(u)', \(kg))"
  }

  @Test func appendedEventsGiveTheFullAggregation() throws {
    let target = try #require(PGTarget(url: serverURL()! + "&schema=live_unit"))
    let db = try PGConnection(target)
    try Schema.migrate(db)
    try db.execScript(
      "TRUNCATE live_unit.events, live_unit.operations RESTART IDENTITY; DELETE FROM live_unit.toml_files;"
    )
    try db.exec(
      "INSERT INTO live_unit.toml_files (name, content) VALUES ('dataset.toml', $1)",
      ["[organization]\nname = \"Live\"\nfiscal_year_end = \"03-31\"\n"])
    let insert =
      "INSERT INTO live_unit.events (timestamp, entity, program, participant, avoided_kgco2e) VALUES "
    try db.exec(
      insert
        + [
          row("2024-01-05", "A", "P", "u1", "1.5"), row("2024-02-05", "A", "P", "u2", "2"),
          row("2024-05-05", "A", "P", "u1", "3"), row("2024-05-06", "B", "Q", "u3", "4"),
        ].joined(separator: ","))
    let live = PostgresLive(target: target)
    _ = try nextLoad(live, first: live.start())
    // Old participants in the same group and year, in another group of the same year, a new
    // year, a new participant, and a rejected row.
    try db.exec(
      insert
        + [
          row("2024-03-01", "A", "P", "u1", "1"), row("2024-03-02", "B", "Q", "u2", "1"),
          row("2024-06-01", "A", "P", "u3", "1"), row("2025-06-01", "C", "R", "u9", "1"),
          row("2024-06-02", "A", "P", "u4", "1"), row("2024-06-02", "A", "P", "u4", "-1"),
        ].joined(separator: ","))
    let after = try nextLoad(live)
    let ledger = try #require(after.dataset?.ledger)
    let (full, _) = try PostgresDataset.ledger(db, calendar: FiscalCalendar(endMonth: 3))
    #expect(ledger == full)
    #expect(ledger.rowsRejected == 1)
    #expect(ledger.yearTotals.first { $0.fiscalYear == FiscalYear(2025) }?.participants == 3)
  }
}
