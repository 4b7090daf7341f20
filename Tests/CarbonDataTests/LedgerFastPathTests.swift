import CarbonData
import CarbonKit
import Foundation
import Testing

/// The ledger's fast paths (amounts, the pair cache's quick hash, year sets fed from group
/// sets) must give the same answers as the general code.
@Suite struct LedgerFastPathTests {
  @Test func amountsAroundTheFastPath() {
    let s = LedgerScratch()
    let amounts = [
      "5", "5.2", "5.25", "5.125", "007.5", "12.", ".5", "1.5e3", "999999999999999",
      "1234567890123456", "0.000", "2.5000",
    ]
    var text = ledgerHeader
    for (k, a) in amounts.enumerated() {
      text += "2023-04-01T00:00:00Z,E\(k),P,u1,\(a)\n"
    }
    let f = s.write("a.csv", text)
    let (sum, diags) = EventsLedger.aggregate(files: [f], calendar: marchYear, threads: 1)
    #expect(diags.isEmpty)
    // Grams by hand: kg * 1000.
    let grams: [Int64] = [
      5_000, 5_200, 5_250, 5_125, 7_500, 12_000, 500, 1_500_000, 999_999_999_999_999_000,
      1_234_567_890_123_456_000, 0, 2_500,
    ]
    for (k, g) in grams.enumerated() {
      #expect(sum.group(2024, "E\(k)", "P")?.milliKg == g, "amount \(amounts[k])")
    }
  }

  @Test func amountsRejectedAroundTheFastPath() {
    let s = LedgerScratch()
    let f = s.write(
      "a.csv",
      ledgerHeader + """
        2023-04-01T00:00:00Z,E,P,u1,1.2345
        2023-04-01T00:00:00Z,E,P,u1,1.2x
        2023-04-01T00:00:00Z,E,P,u1,-1.5
        2023-04-01T00:00:00Z,E,P,u1,1.5.
        2023-04-01T00:00:00Z,E,P,u1,1.25

        """)
    let (sum, diags) = EventsLedger.aggregate(files: [f], calendar: marchYear, threads: 1)
    // Four rejected rows (4 decimals, a letter, a sign, a second point); 1.25 kg kept.
    #expect(sum.rowsRejected == 4)
    #expect(diags.count == 4)
    #expect(sum.group(2024, "E", "P")?.milliKg == 1_250)
  }

  @Test func pairsWithTheSameEndsAndLengthStayApart() {
    // Same length (17), same first 8 and last 8 bytes: the quick hash cannot tell them
    // apart, the byte comparison must.
    let s = LedgerScratch()
    let f = s.write(
      "a.csv",
      ledgerHeader + """
        2023-04-01T00:00:00Z,AAAAAAAAxAAAAAAAA,Program,u1,1
        2023-04-01T00:00:00Z,AAAAAAAAyAAAAAAAA,Program,u2,2
        2023-04-02T00:00:00Z,AAAAAAAAxAAAAAAAA,Program,u3,4
        2023-04-02T00:00:00Z,AAAAAAAAyAAAAAAAA,Program,u2,8

        """)
    let (sum, diags) = EventsLedger.aggregate(files: [f], calendar: marchYear, threads: 1)
    #expect(diags.isEmpty)
    // x: 1 + 4 kg, {u1, u3}; y: 2 + 8 kg, {u2}; year: 15 kg, {u1, u2, u3}.
    #expect(sum.group(2024, "AAAAAAAAxAAAAAAAA", "Program")?.milliKg == 5_000)
    #expect(sum.group(2024, "AAAAAAAAxAAAAAAAA", "Program")?.participants == 2)
    #expect(sum.group(2024, "AAAAAAAAyAAAAAAAA", "Program")?.milliKg == 10_000)
    #expect(sum.group(2024, "AAAAAAAAyAAAAAAAA", "Program")?.participants == 1)
    #expect(sum.year(2024)?.milliKg == 15_000)
    #expect(sum.year(2024)?.participants == 3)
  }

  @Test func yearCountsParticipantsSeenInSeveralGroups() {
    // u1 in both groups and twice in one; u2 once; u3 in the next fiscal year only.
    let s = LedgerScratch()
    let f = s.write(
      "a.csv",
      ledgerHeader + """
        2023-04-01T00:00:00Z,E,P,u1,1
        2023-04-01T00:00:00Z,E,Q,u1,1
        2023-04-01T00:00:00Z,E,P,u1,1
        2023-04-01T00:00:00Z,E,Q,u2,1
        2024-04-01T00:00:00Z,E,Q,u3,1
        2024-04-01T00:00:00Z,E,Q,u3,1

        """)
    let (sum, _) = EventsLedger.aggregate(files: [f], calendar: marchYear, threads: 1)
    // FY2024: P {u1}, Q {u1, u2}, year {u1, u2}; FY2025: Q {u3}, year {u3}.
    #expect(sum.group(2024, "E", "P")?.participants == 1)
    #expect(sum.group(2024, "E", "Q")?.participants == 2)
    #expect(sum.year(2024)?.participants == 2)
    #expect(sum.group(2025, "E", "Q")?.participants == 1)
    #expect(sum.year(2025)?.participants == 1)
  }
}
