import CarbonData
import CarbonKit
import Foundation
import Testing

/// Issue 11, items 4 and 7: bounded memory on long fields and lines, size limits for the TOML
/// files, FIFOs refused without blocking, and one rule for a lone CR inside quotes.
@Suite struct InputLimitTests {
  static let big = String(repeating: "a", count: InputLimits.fieldBytes + 1)

  @Test func limitsAsDocumented() {
    // 1 MiB = 2^20 = 1,048,576 bytes; 64 MiB = 67,108,864.
    #expect(InputLimits.fieldBytes == 1_048_576)
    #expect(InputLimits.recordBytes == 67_108_864)
    #expect(InputLimits.settingsFileBytes == 1_048_576)
    #expect(InputLimits.fieldMessage == "field longer than 1 MiB (1,048,576 bytes)")
    #expect(InputLimits.recordMessage == "record longer than 64 MiB (67,108,864 bytes)")
  }

  /// A header field past 1 MiB skips the file at once (the header is never read further).
  @Test func eventsHeaderFieldOverTheLimit() {
    let s = LedgerScratch()
    let f = s.write("big.csv", Self.big + "\n2023-04-01,E,P,u1,1\n")
    let (sum, diags) = EventsLedger.aggregate(files: [f], calendar: marchYear)
    #expect(
      diags.map(\.description) == [
        "events/big.csv:1:1: error: header: field longer than 1 MiB (1,048,576 bytes); file skipped"
      ])
    #expect(sum.rowsRead == 0)
  }

  /// NUL bytes with no line feed: one endless header field, stopped at the limit.
  @Test func eventsFileOfNulBytes() {
    let s = LedgerScratch()
    let f = s.writeBytes("nul.csv", [UInt8](repeating: 0, count: 3 << 20))
    let (_, diags) = EventsLedger.aggregate(files: [f], calendar: marchYear)
    #expect(diags.count == 1)
    #expect(
      diags.first?.message == "header: field longer than 1 MiB (1,048,576 bytes); file skipped")
  }

  @Test func eventsRowFieldOverTheLimit() {
    let s = LedgerScratch()
    // The entity of row 3 (line 3) is 1 MiB + 1 bytes, quoted: column 2.
    let f = s.write(
      "rows.csv",
      ledgerHeader + "2023-04-01,E,P,u1,1\n2023-04-02,\"\(Self.big)\",P,u2,2\n2023-04-03,E,P,u3,4\n"
    )
    let (sum, diags) = EventsLedger.aggregate(files: [f], calendar: marchYear)
    #expect(
      diags.map(\.description) == [
        "events/rows.csv:3:2: error: field longer than 1 MiB (1,048,576 bytes)"
      ])
    // Rows 2 and 4 count: 1 + 4 kg.
    #expect(sum.group(2024, "E", "P")?.milliKg == 5000)
    #expect(sum.rowsRejected == 1)
  }

  /// One rule across operations.csv and events/*.csv: a CR inside quotes that does not start
  /// a CRLF is an error in both (it used to be accepted in events files).
  @Test func loneCRInsideQuotesIsAnErrorInEventsToo() {
    let s = LedgerScratch()
    let f = s.write(
      "cr.csv", ledgerHeader + "2023-04-01,\"E\rX\",P,u1,1\n2023-04-02,\"E\r\nY\",P,u2,2\n")
    let (sum, diags) = EventsLedger.aggregate(files: [f], calendar: marchYear)
    #expect(
      diags.map(\.description) == [
        "events/cr.csv:2:2: error: a carriage return not followed by a line feed"
      ])
    // The CRLF inside quotes is accepted, as in the tables: entity "E\r\nY".
    #expect(sum.group(2024, "E\r\nY", "P")?.milliKg == 2000)

    let h = s.write("crh.csv", "timestamp,\"ent\rity\",program,participant,avoided_kgco2e\n")
    let (_, hd) = EventsLedger.aggregate(files: [h], calendar: marchYear)
    #expect(
      hd.map(\.description) == ["events/crh.csv:1:1: error: header: bad quoting; file skipped"])

    // The table reader's rule, for comparison.
    let d = TempDataset()
    d.write("dataset.toml", "[organization]\nname = \"x\"\n")
    d.write("revenue.csv", "period,entity,revenue\nFY2024,\"E\rX\",1\n")
    #expect(
      d.load().lines.contains(
        "revenue.csv:2:2: error: lone carriage return (line ends must be LF or CRLF)"))
  }

  @Test func tableFieldOverTheLimit() {
    let d = TempDataset()
    d.write("dataset.toml", "[organization]\nname = \"x\"\n")
    d.write("revenue.csv", "period,entity,revenue\nFY2024,\(Self.big),1\nFY2024,E,2\n")
    let loaded = d.load()
    #expect(
      loaded.lines.contains("revenue.csv:2:2: error: field longer than 1 MiB (1,048,576 bytes)"))
    #expect(loaded.dataset?.revenue?.count == 1)
  }

  /// dataset.toml and scenario files above 1 MiB are refused with a message, unread.
  @Test func settingsFilesOverTheLimit() {
    let d = TempDataset()
    let padding = "# " + String(repeating: "x", count: InputLimits.settingsFileBytes) + "\n"
    d.write("dataset.toml", "[organization]\nname = \"x\"\n" + padding)
    // 15 + 11 = 26 bytes of TOML, then 2 + 1,048,576 + 1 of comment: 1,048,605.
    let size = 26 + padding.utf8.count
    #expect(size == 1_048_605)
    let grouped = Units.number(Double(size))
    #expect(
      d.load().lines == [
        "dataset.toml: error: too large: \(grouped) bytes; at most 1,048,576 (1 MiB) are read"
      ])
    d.write("scenarios/s.toml", "name = \"s\"\n" + padding)
    let (s, diags) = ScenarioFile.load(path: d.path + "/scenarios/s.toml", name: "scenarios/s.toml")
    #expect(s == nil)
    #expect(diags.first?.message.hasPrefix("too large: ") == true)
    // Just at the limit: read.
    d.write(
      "scenarios/t.toml",
      "name = \"t\"\n#" + String(repeating: "x", count: InputLimits.settingsFileBytes - 13) + "\n")
    #expect(ScenarioFile.load(path: d.path + "/scenarios/t.toml", name: "t").0?.name == "t")
  }

  /// A FIFO in events/ is refused without opening it for a blocking read (open(2) of a FIFO
  /// with no writer would wait for ever).
  @Test func fifoInEventsDoesNotBlock() throws {
    let s = LedgerScratch()
    let path = s.dir + "/events/fifo.csv"
    #expect(mkfifo(path, 0o644) == 0)
    let (_, diags) = EventsLedger.aggregate(
      files: [LedgerFile(path: path, name: "events/fifo.csv")], calendar: marchYear)
    #expect(diags.map(\.description) == ["events/fifo.csv: error: not a regular file"])
  }
}
