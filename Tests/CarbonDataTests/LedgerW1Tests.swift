import CarbonData
import CarbonKit
import Testing

@Suite struct LedgerW1Tests {
  @Test func halfUpRoundingToWholeKilograms() {
    #expect(W1.tonnes(0) == "0.000")
    #expect(W1.tonnes(499) == "0.000")  // 0.499 kg -> 0 kg
    #expect(W1.tonnes(500) == "0.001")  // 0.5 kg -> 1 kg (half up)
    #expect(W1.tonnes(1_234_499) == "1.234")
    #expect(W1.tonnes(1_234_500) == "1.235")
    #expect(W1.tonnes(12_000_000_000) == "12000.000")
  }

  @Test func csvSortedQuotedWithStarRows() {
    let s = LedgerScratch()
    let f = s.write(
      "w.csv",
      ledgerHeader + #"""
        2023-04-01,Alibaba Cloud,X,u1,0.5
        2023-04-01,AMAP,"Say ""hi""",u2,1000.4
        2023-04-02,AMAP,"Say ""hi""",u2,0.1
        2022-04-01,"A, B",Y,u3,2

        """#)
    let (sum, _) = EventsLedger.aggregate(files: [f], calendar: marchYear)
    // FY2024: AMAP 1000.4 + 0.1 = 1000.5 kg -> 1001 kg; Alibaba Cloud 0.5 kg -> 1 kg;
    // total 1001.0 kg -> 1001 kg. "AMAP" sorts before "Alibaba Cloud" (byte order).
    #expect(
      W1.csv(sum) == #"""
        fiscal_year,entity,program,tco2e,events,distinct_participants
        FY2023,*,*,0.002,1,1
        FY2023,"A, B",Y,0.002,1,1
        FY2024,*,*,1.001,3,2
        FY2024,AMAP,"Say ""hi""",1.001,2,1
        FY2024,Alibaba Cloud,X,0.001,1,1

        """#)
  }
}
