import Testing

@testable import CarbonTerminal

@Suite struct KeyDecoderTests {
  // Key codes from ncurses' curses.h (octal there): KEY_DOWN 0402 = 258, KEY_UP 259,
  // KEY_LEFT 260, KEY_RIGHT 261, KEY_HOME 262, KEY_BACKSPACE 263, KEY_F0 264,
  // KEY_DC 0512 = 330, KEY_SF 0520 = 336, KEY_SR 337, KEY_NPAGE 338, KEY_PPAGE 339,
  // KEY_ENTER 0527 = 343, KEY_BTAB 0541 = 353, KEY_END 0550 = 360, KEY_SLEFT 0611 = 393,
  // KEY_SRIGHT 0622 = 402.
  @Test(
    arguments: [
      (Int32(258), Key.down), (259, .up), (260, .left), (261, .right), (262, .home),
      (263, .backspace), (265, .function(1)), (276, .function(12)), (330, .delete),
      (336, .shiftDown), (337, .shiftUp), (338, .pageDown), (339, .pageUp), (343, .enter),
      (353, .backTab), (360, .end), (393, .shiftLeft), (402, .shiftRight),
    ])
  func keyCodes(code: Int32, key: Key) {
    #expect(KeyDecoder.decode(code: code, isKeyCode: true) == key)
  }

  @Test func resizeAndMouseAreNotKeys() {
    // KEY_MOUSE 0631 = 409, KEY_RESIZE 0632 = 410: the terminal turns them into events.
    #expect(KeyDecoder.decode(code: 409, isKeyCode: true) == nil)
    #expect(KeyDecoder.decode(code: 410, isKeyCode: true) == nil)
  }

  @Test(
    arguments: [
      (Int32(9), Key.tab), (10, .enter), (13, .enter), (27, .escape), (127, .backspace),
      (8, .backspace), (1, .ctrl("a")), (3, .ctrl("c")), (12, .ctrl("l")), (26, .ctrl("z")),
      (113, .char("q")), (63, .char("?")), (91, .char("[")), (0x00E9, .char("é")),
      (0x4E2D, .char("中")),
    ])
  func characters(code: Int32, key: Key) {
    #expect(KeyDecoder.decode(code: code, isKeyCode: false) == key)
  }

  @Test func controlsWithoutMeaningAreDropped() {
    #expect(KeyDecoder.decode(code: 0, isKeyCode: false) == nil)
    #expect(KeyDecoder.decode(code: 28, isKeyCode: false) == nil)
    #expect(KeyDecoder.decode(code: 0x85, isKeyCode: false) == nil)
    #expect(KeyDecoder.decode(code: -1, isKeyCode: false) == nil)
  }

  private func seq(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }

  @Test func escapeSequences() {
    #expect(KeyDecoder.decodeEscapeSequence(seq("OA")) == .up)
    #expect(KeyDecoder.decodeEscapeSequence(seq("OB")) == .down)
    #expect(KeyDecoder.decodeEscapeSequence(seq("[C")) == .right)
    #expect(KeyDecoder.decodeEscapeSequence(seq("[1;2A")) == .shiftUp)
    #expect(KeyDecoder.decodeEscapeSequence(seq("[1;2D")) == .shiftLeft)
    #expect(KeyDecoder.decodeEscapeSequence(seq("[5~")) == .pageUp)
    #expect(KeyDecoder.decodeEscapeSequence(seq("[6~")) == .pageDown)
    #expect(KeyDecoder.decodeEscapeSequence(seq("[3~")) == .delete)
    #expect(KeyDecoder.decodeEscapeSequence(seq("[1~")) == .home)
    #expect(KeyDecoder.decodeEscapeSequence(seq("OF")) == .end)
    #expect(KeyDecoder.decodeEscapeSequence(seq("[Z")) == .backTab)
    #expect(KeyDecoder.decodeEscapeSequence(seq("OP")) == .function(1))
    #expect(KeyDecoder.decodeEscapeSequence(seq("[15~")) == .function(5))
    #expect(KeyDecoder.decodeEscapeSequence(seq("[24~")) == .function(12))
    #expect(KeyDecoder.decodeEscapeSequence(seq("[99~")) == nil)
    #expect(KeyDecoder.decodeEscapeSequence(seq("x")) == nil)
  }
}
