import CarbonText
import Testing

/// The three text rules every module shares: validation, cell width, sanitizing.
@Suite struct CarbonTextTests {
  func first(_ b: [UInt8]) -> Int? { UTF8Validation.firstInvalid(b, 0..<b.count) }

  @Test func utf8Validation() {
    #expect(first(Array("aé阿😀".utf8)) == nil)
    #expect(first([0x41, 0xC0, 0xAF]) == 1)  // overlong "/"
    #expect(first([0xE0, 0x80, 0xAF]) == 0)  // overlong 3-byte
    #expect(first([0x41, 0x42, 0xED, 0xA0, 0x80]) == 2)  // surrogate U+D800
    #expect(first([0xF4, 0x90, 0x80, 0x80]) == 0)  // U+110000
    #expect(first([0x41, 0xE6, 0x98]) == 1)  // cut short
    #expect(first([0xC3, 0x28]) == 0)  // bad continuation: reported at the character's start
    #expect(first([0xFF]) == 0)
    // A range of an array: offsets are the array's.
    #expect(UTF8Validation.firstInvalid([0x41, 0xFF, 0x41, 0xFF], 2..<4) == 3)
  }

  @Test func cellWidths() {
    #expect(CellWidth.of("a") == 1)
    #expect(CellWidth.of("阿里") == 4)
    #expect(CellWidth.of("\u{231A}") == 2)  // WATCH: wide (East Asian Width W)
    #expect(CellWidth.of("e\u{301}") == 1)  // a combining mark takes no cell
    #expect(CellWidth.of("\u{1F600}") == 2)
  }

  @Test func sanitizerReplacesWithFFFD() {
    #expect(Sanitize.text("ok") == "ok")
    #expect(Sanitize.text("\u{1B}]52;c;x\u{7}") == "\u{FFFD}]52;c;x\u{FFFD}")
    #expect(Sanitize.text("a\u{202E}b\u{2066}c\u{200E}") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}")
    #expect(Sanitize.text("\u{85}\u{9B}") == "\u{FFFD}\u{FFFD}")  // C1: NEL, CSI
  }
}
