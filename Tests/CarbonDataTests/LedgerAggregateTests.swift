import CarbonData
import CarbonKit
import Foundation
import Testing

@Suite struct LedgerAggregateTests {
  @Test func sumsCountsAndDistinctParticipants() {
    let s = LedgerScratch()
    let f = s.write(
      "a.csv",
      ledgerHeader + """
        2023-04-01T00:00:00Z,Cainiao,Parcel box reuse,u1,1.5
        2023-05-02T10:00:00Z,Cainiao,Parcel box reuse,u2,0.25
        2023-05-02T10:00:00Z,Cainiao,Parcel box reuse,u1,2
        2024-03-31T23:59:59Z,"Idle Fish, Xianyu","Pre-owned ""circular"" trade",u3,0.001
        2024-04-01,Cainiao,Parcel box reuse,u01,7.125

        """)
    let (sum, diags) = EventsLedger.aggregate(files: [f], calendar: marchYear, threads: 2)
    #expect(diags.isEmpty)
    #expect(sum.rowsRead == 5)
    #expect(sum.rowsRejected == 0)
    #expect(sum.files == ["events/a.csv"])
    // FY2024 Cainiao: 1.5 + 0.25 + 2 = 3.75 kg = 3750 g, 3 events, {u1, u2}.
    let c = sum.group(2024, "Cainiao", "Parcel box reuse")
    #expect(c?.milliKg == 3750)
    #expect(c?.events == 3)
    #expect(c?.participants == 2)
    #expect(c?.firstSource == SourceRef(file: "events/a.csv", line: 2))
    // Quoted names are unescaped; 2024-03-31 is still FY2024 with a year ending 31 March.
    let q = sum.group(2024, "Idle Fish, Xianyu", "Pre-owned \"circular\" trade")
    #expect(q?.milliKg == 1)
    #expect(q?.firstSource?.line == 5)
    // 2024-04-01 opens FY2025; u01 is not u1.
    #expect(sum.group(2025, "Cainiao", "Parcel box reuse")?.milliKg == 7125)
    // FY2024 totals: 3750 + 1 = 3751 g, 4 events, {u1, u2, u3}.
    #expect(sum.year(2024)?.milliKg == 3751)
    #expect(sum.year(2024)?.events == 4)
    #expect(sum.year(2024)?.participants == 3)
    #expect(sum.year(2024)?.entity == "*")
    #expect(sum.year(2025)?.participants == 1)
    #expect(
      sum.months == [
        YearMonth(year: 2023, month: 4), YearMonth(year: 2023, month: 5),
        YearMonth(year: 2024, month: 3), YearMonth(year: 2024, month: 4),
      ])
    // Sorted by fiscal year, then entity bytes.
    #expect(sum.groups.map(\.entity) == ["Cainiao", "Idle Fish, Xianyu", "Cainiao"])
  }

  @Test func crlfColumnsInAnyOrderAndCalendarYears() {
    let s = LedgerScratch()
    let f = s.write(
      "b.csv",
      "\u{FEFF}participant , avoided_kgco2e,program,entity,timestamp\r\n"
        + "p-1,1e3,Transit,AMAP,2023-12-31T23:30:00+08:00\r\n"
        + "\r\n"
        + "p-2, 2.50 ,Transit,AMAP,2024-01-01T00:10:00-05:00\r\n")
    let (sum, diags) = EventsLedger.aggregate(
      files: [f], calendar: FiscalCalendar(endMonth: 12), threads: 1)
    #expect(diags.isEmpty)
    #expect(sum.rowsRead == 2)  // the blank line is skipped
    // The date as written decides: 2023-12-31 is FY2023, 2024-01-01 FY2024 (calendar years).
    #expect(sum.group(2023, "AMAP", "Transit")?.milliKg == 1_000_000)  // 1e3 kg
    #expect(sum.group(2024, "AMAP", "Transit")?.milliKg == 2500)
    #expect(sum.group(2024, "AMAP", "Transit")?.firstSource?.line == 4)
  }

  @Test func malformedRowsAreRejectedWithDiagnostics() {
    let s = LedgerScratch()
    let rows = [
      "2023-04-01T00:00:00Z,E,P,u1,1",  // 2 ok
      "2023-02-30,E,P,u1,1",  // 3 no such day
      "2023-04-01T24:00:00Z,E,P,u1,1",  // 4 bad hour
      "2023-04-01 10:00:00,E,P,u1,1",  // 5 space instead of T
      "2023-04-01,E,P,u1,-1",  // 6 negative
      "2023-04-01,E,P,u1,NaN",  // 7 not a number
      "2023-04-01,E,P,u1,0.0005",  // 8 more than 3 decimals
      "2023-04-01,,P,u1,1",  // 9 empty entity
      "2023-04-01,E,P,,1",  // 10 empty participant
      "2023-04-01,E,P,u1",  // 11 too few fields
      "2023-04-01,E,P,u1,1,x",  // 12 too many
      "2023-04-01,E\"x,P,u1,1",  // 13 quote in unquoted field (odd quotes: runs to line 14)
      "2023-04-01,E\"y,P,u1,1",  // 14
      "2023-04-01,\"E\"x,P,u1,1",  // 15 text after closing quote
      "2023-04-01,E,P,u1,1,",  // 16 too many (empty sixth field)
      "2023-04-01,E,P,u1,1.2500",  // 17 ok: 1250 g
      "2023-04-01,E,P,u1,1\r2",  // 18 lone CR
    ]
    var bytes = Array((ledgerHeader + rows.joined(separator: "\n") + "\n").utf8)
    // Row 19: invalid UTF-8 in the program.
    bytes += Array("2023-04-01,E,".utf8) + [0xFF, 0xFE] + Array(",u1,1\n".utf8)
    let f = s.writeBytes("bad.csv", bytes)
    let (sum, diags) = EventsLedger.aggregate(files: [f], calendar: marchYear, threads: 1)
    // Lines 13-14 are one record (a stray quote pairs with the next line's).
    #expect(sum.rowsRead == 17)
    #expect(sum.rowsRejected == 15)
    #expect(sum.group(2024, "E", "P")?.milliKg == 2250)  // 1 kg + 1.25 kg
    let positions = diags.map { "\($0.line ?? 0):\($0.column ?? 0)" }
    #expect(
      positions == [
        "3:1", "4:1", "5:1", "6:5", "7:5", "8:5", "9:2", "10:4", "11:5", "12:6", "13:2", "15:2",
        "16:6", "18:5", "19:3",
      ])
    #expect(diags.allSatisfy { $0.severity == .error && $0.file == "events/bad.csv" })
    #expect(diags[0].description.hasPrefix("events/bad.csv:3:1: error: timestamp: expected"))
    #expect(diags[5].message.contains("more than 3 decimals"))
    #expect(diags.last?.message == "program: invalid UTF-8")
  }

  @Test func onlyTheFirstHundredRejectedRowsAreListed() {
    let s = LedgerScratch()
    let f = s.write("many.csv", ledgerHeader + String(repeating: "bad\n", count: 150))
    let (sum, diags) = EventsLedger.aggregate(files: [f], calendar: marchYear)
    #expect(sum.rowsRejected == 150)
    #expect(diags.count == 101)
    #expect(diags[99].line == 101)
    #expect(diags[100].message == "50 more rows rejected (the first 100 are listed)")
  }

  @Test func headerProblems() {
    let s = LedgerScratch()
    let missing = s.write("1.csv", "timestamp,entity,program,avoided_kgco2e\n2023-04-01,E,P,1\n")
    let dup = s.write("2.csv", "timestamp,entity,program,participant,avoided_kgco2e,entity\n")
    let unknown = s.write(
      "3.csv",
      "timestamp,entity,program,participant,avoided_kgco2,avoided_kgco2e\n2023-04-01,E,P,u,x,1\n")
    let empty = s.write("4.csv", "")
    let (sum, diags) = EventsLedger.aggregate(
      files: [unknown, dup, missing, empty], calendar: marchYear)
    #expect(
      diags.map(\.description) == [
        "events/1.csv:1:1: error: missing required column participant; file skipped",
        "events/2.csv:1:6: error: duplicate column \"entity\"; file skipped",
        "events/3.csv:1:5: warning: unknown column \"avoided_kgco2\", ignored (did you mean \"avoided_kgco2e\"?)",
        "events/4.csv: warning: no header: the file holds no data",
      ])
    #expect(sum.rowsRead == 1)
    #expect(sum.group(2024, "E", "P")?.milliKg == 1000)
  }

  @Test func multipleFilesShareDistinctParticipants() {
    let s = LedgerScratch()
    let b = s.write(
      "2024.csv",
      ledgerHeader + "2023-06-01,E,P,alice@example.com,0.5\n2023-06-02,E,P,\"bob\",0.5\n")
    let a = s.write("2023.csv", ledgerHeader + "2023-05-01,E,P,alice@example.com,0.4\n")
    let (sum, _) = EventsLedger.aggregate(files: [b, a], calendar: marchYear, threads: 2)
    #expect(sum.files == ["events/2023.csv", "events/2024.csv"])
    let g = sum.group(2024, "E", "P")
    #expect(g?.milliKg == 1400)  // 0.5 + 0.5 + 0.4 kg
    #expect(g?.events == 3)
    #expect(g?.participants == 2)  // alice (in both files) and bob
    #expect(g?.firstSource == SourceRef(file: "events/2023.csv", line: 2))
  }

  @Test func parallelSplitsMatchOneThread() {
    // ~6 MB so the file is split; every row has a quoted field with a line feed in it, so
    // split points fall inside quotes and the reader must fall back to one thread.
    let s = LedgerScratch()
    var plain = ledgerHeader
    var tricky = ledgerHeader
    for i in 0..<60_000 {
      let fy = 2022 + i % 3
      let row =
        "\(fy)-0\(1 + i % 9)-15T12:00:00Z,Ent \(i % 5),\"Prog\n\(i % 7)\",u\(i % 977),\(i % 1000).\(i % 10)\n"
      tricky += row + row
      plain += row.replacingOccurrences(of: "\n\(i % 7)\"", with: " \(i % 7)\"")
    }
    for text in [plain, tricky] {
      let f = s.write("big.csv", text)
      let one = EventsLedger.aggregate(files: [f], calendar: marchYear, threads: 1)
      let four = EventsLedger.aggregate(files: [f], calendar: marchYear, threads: 4)
      #expect(one.1.isEmpty)
      #expect(one.0.rowsRead > 0)
      #expect(one.0 == four.0)
    }
  }
}
