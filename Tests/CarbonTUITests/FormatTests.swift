import CarbonKit
import CarbonText
import Testing

@testable import CarbonTUI

@Suite struct FormatTests {
  @Test func tonnesScaleForReading() {
    // 4,450,000 t = 4.45 Mt (below 10 of the unit: two decimals).
    #expect(Units.tonnes(4_450_000) == "4.45 Mt")
    // 115,500,000 t = 115.5 Mt (below 1000: one decimal).
    #expect(Units.tonnes(115_500_000) == "115.5 Mt")
    #expect(Units.tonnes(1.5e9) == "1.50 Gt")
    #expect(Units.tonnes(12_300) == "12.3 kt")
    #expect(Units.tonnes(950) == "950 t")
    #expect(Units.tonnes(-2_320_000) == "-2.32 Mt")
    #expect(Units.tonnes(nil) == "-")
    #expect(Units.tonnes(.nan) == "-")
  }

  @Test func percentagesOneDecimal() {
    #expect(Units.percent(0.39) == "39.0%")
    #expect(Units.percent(0.776, signed: true) == "+77.6%")
    #expect(Units.percent(-0.07, signed: true) == "-7.0%")
    #expect(Units.count(1_234_567) == "1,234,567")
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
    // The one sanitizer writes U+FFFD (docs/architecture.md), tab included.
    #expect(Sanitize.text("A\u{1B}[31mB\u{7}C\tD") == "A\u{FFFD}[31mB\u{FFFD}C\u{FFFD}D")
    #expect(Sanitize.text("x\u{9B}y\r\n") == "x\u{FFFD}y\u{FFFD}\u{FFFD}")
    #expect(Sanitize.text("阿里巴巴 Cloud") == "阿里巴巴 Cloud")
    #expect(Sanitize.text("a\u{202E}b") == "a\u{FFFD}b")
    #expect(Sanitize.text("a\u{200F}b\u{FEFF}") == "a\u{FFFD}b\u{FFFD}")
  }

  @Test func widthsAndTruncation() {
    #expect(CellWidth.of("阿里") == 4)
    #expect(TUIFormat.truncate("abcdef", to: 4) == "abc…")
    #expect(TUIFormat.pad("ab", to: 4, right: true) == "  ab")
    #expect(TUIFormat.truncate("阿里巴巴", to: 5) == "阿里…")
  }
}
