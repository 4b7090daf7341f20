import CarbonKit
import Testing

@testable import CarbonTUI

@Suite struct FormatTests {
  @Test func tonnesScaleForReading() {
    // 4,450,000 t = 4.45 Mt (below 10 of the unit: two decimals).
    #expect(TUIFormat.tonnes(4_450_000) == "4.45 Mt")
    // 115,500,000 t = 115.5 Mt (below 1000: one decimal).
    #expect(TUIFormat.tonnes(115_500_000) == "115.5 Mt")
    #expect(TUIFormat.tonnes(1.5e9) == "1.50 Gt")
    #expect(TUIFormat.tonnes(12_300) == "12.3 kt")
    #expect(TUIFormat.tonnes(950) == "950 t")
    #expect(TUIFormat.tonnes(-2_320_000) == "-2.32 Mt")
    #expect(TUIFormat.tonnes(nil) == "-")
    #expect(TUIFormat.tonnes(.nan) == "-")
  }

  @Test func percentagesOneDecimal() {
    #expect(TUIFormat.percent(0.39) == "39.0%")
    #expect(TUIFormat.signedPercent(0.776) == "+77.6%")
    #expect(TUIFormat.signedPercent(-0.07) == "-7.0%")
    #expect(TUIFormat.count(1_234_567) == "1,234,567")
  }

  @Test func statusWordsAndRoles() {
    #expect(TUIFormat.statusWord(.achieved) == "ACHIEVED")
    #expect(TUIFormat.statusWord(.onTrack) == "ON TRACK")
    #expect(TUIFormat.statusWord(.behind) == "BEHIND")
    #expect(TUIFormat.statusWord(.noData) == "NO DATA")
    #expect(TUIFormat.statusRole(.behind) == .bad)
    #expect(TUIFormat.statusRole(.achieved) == .good)
    #expect(TUIFormat.statusRole(.noData) == .muted)
  }

  @Test func sanitizedReplacesControlsAndEscape() {
    #expect(sanitized("A\u{1B}[31mB\u{7}C\tD") == "A?[31mB?C D")
    #expect(sanitized("x\u{9B}y\r\n") == "x?y??")
    #expect(sanitized("阿里巴巴 Cloud") == "阿里巴巴 Cloud")
    #expect(sanitized("a\u{202E}b") == "a?b")
  }

  @Test func widthsAndTruncation() {
    #expect(TUIFormat.width("阿里") == 4)
    #expect(TUIFormat.truncate("abcdef", to: 4) == "abc…")
    #expect(TUIFormat.pad("ab", to: 4, right: true) == "  ab")
    #expect(TUIFormat.truncate("阿里巴巴", to: 5) == "阿里…")
  }
}
