import CarbonData
import CarbonKit
import Testing

@Suite struct LedgerAccumulatorTests {
  @Test func appendedRowsAreReadIncrementally() {
    let s = LedgerScratch()
    let f = s.write("live.csv", ledgerHeader + "2023-04-01,E,P,u1,1\n2023-04-02,E,P,u2,2\n")
    let acc = LedgerAccumulator(calendar: marchYear, threads: 2)
    #expect(acc.ingest(file: f).isEmpty)
    #expect(acc.summary().group(2024, "E", "P")?.milliKg == 3000)
    let first = acc.consumedOffset(of: f)
    // header 52 bytes + 20 + 20
    #expect(first == 92)

    // A complete row and a half-written one: only the complete row counts.
    s.append("live.csv", "2023-04-03,E,P,u1,0.5\n2023-04-04,E,P,u3,0.")
    _ = acc.ingest(file: f)
    var sum = acc.summary()
    #expect(sum.group(2024, "E", "P")?.milliKg == 3500)
    #expect(sum.group(2024, "E", "P")?.participants == 2)
    #expect(acc.consumedOffset(of: f) == 92 + 22)

    // The writer finishes the row, and a bad row follows: its line number is right.
    s.append("live.csv", "25\nnot a row\n")
    let diags = acc.ingest(file: f)
    #expect(diags.map(\.description) == ["events/live.csv:6:2: error: expected 5 fields, found 1"])
    sum = acc.summary()
    #expect(sum.group(2024, "E", "P")?.milliKg == 3750)
    #expect(sum.group(2024, "E", "P")?.participants == 3)
    #expect(sum.rowsRead == 5)
    #expect(sum.rowsRejected == 1)

    // Same result as reading the whole file at once.
    let whole = EventsLedger.aggregate(files: [f], calendar: marchYear).0
    #expect(whole == sum)
  }

  @Test func appendedRowsKeepTheYearsDistinctCountExact() {
    let s = LedgerScratch()
    // FY2024 (March year end): E/P has u1, u2; E/Q has u2.
    let f = s.write(
      "live.csv", ledgerHeader + "2023-04-01,E,P,u1,1\n2023-04-02,E,P,u2,1\n2023-04-03,E,Q,u2,1\n")
    let acc = LedgerAccumulator(calendar: marchYear, threads: 2)
    #expect(acc.ingest(file: f).isEmpty)
    #expect(acc.summary().year(2024)?.participants == 2)  // {u1, u2}
    // u1 is new to E/Q but not to the year; u3 is new to both; u9 is new to FY2025.
    s.append("live.csv", "2023-05-01,E,Q,u1,1\n2023-05-02,E,Q,u3,1\n2024-04-01,E,P,u9,1\n")
    _ = acc.ingest(file: f)
    let sum = acc.summary()
    #expect(sum.group(2024, "E", "Q")?.participants == 3)  // {u2, u1, u3}
    #expect(sum.year(2024)?.participants == 3)  // {u1, u2, u3}
    #expect(sum.year(2025)?.participants == 1)  // {u9}
    let whole = EventsLedger.aggregate(files: [f], calendar: marchYear).0
    #expect(whole == sum)
  }

  @Test func aTruncatedFileIsReadAgainWhole() {
    let s = LedgerScratch()
    let f = s.write("t.csv", ledgerHeader + "2023-04-01,E,P,u1,1\n2023-04-02,E,P,u2,2\n")
    let g = s.write("u.csv", ledgerHeader + "2023-04-01,E,P,u9,4\n")
    let acc = LedgerAccumulator(calendar: marchYear, threads: 1)
    _ = acc.ingest(files: [f, g])
    #expect(acc.summary().group(2024, "E", "P")?.milliKg == 7000)
    s.write("t.csv", ledgerHeader + "2023-04-01,E,P,u1,1\n")
    _ = acc.ingest(file: f)
    let sum = acc.summary()
    #expect(sum.group(2024, "E", "P")?.milliKg == 5000)  // 1 + 4 kg
    #expect(sum.group(2024, "E", "P")?.participants == 2)
    #expect(sum.files == ["events/t.csv", "events/u.csv"])
  }
}

@Suite struct LedgerParticipantTests {
  @Test func participantShapesAreNeverConfused() {
    // u1, U1, u01, 1, "u1 " (trimmed to u1), a quoted id with a doubled quote, and a long
    // id (16 digits, hashed) are distinct except u1 and the trimmed "u1 ".
    let s = LedgerScratch()
    let f = s.write(
      "p.csv",
      ledgerHeader
        + """
        2023-04-01,E,P,x@y,1
        2023-04-01,E,P,u1,1
        2023-04-01,E,P,U1,1
        2023-04-01,E,P,u01,1
        2023-04-01,E,P,1,1
        2023-04-01,E,P,u1 ,1
        2023-04-01,E,P,"a""b",1
        2023-04-01,E,P,"a""b",1
        2023-04-01,E,P,1234567890123456,1

        """)
    let acc = LedgerAccumulator(calendar: marchYear, threads: 1)
    _ = acc.ingest(file: f)
    let g = acc.summary().group(2024, "E", "P")
    #expect(g?.events == 9)
    #expect(g?.participants == 7)  // x@y, u1, U1, u01, 1, a"b, 1234567890123456
    // reset(file:) re-reads everything and gives the same answer.
    acc.reset(file: f)
    #expect(acc.summary().group(2024, "E", "P")?.participants == 7)
    #expect(acc.summary().rowsRead == 9)
  }
}
