import CarbonText
import Testing

@testable import CarbonTerminal

@Suite struct InMemoryTerminalTests {
  let red = Style(fg: .rgb(255, 0, 0), attributes: .bold)

  @Test func putWritesTextAndStyle() {
    let t = InMemoryTerminal(width: 10, height: 2)
    t.put(x: 2, y: 1, "abc", style: red)
    #expect(t.text(row: 1) == "  abc     ")
    #expect(t.style(x: 2, y: 1) == red)
    #expect(t.style(x: 5, y: 1) == .plain)
    #expect(t.lines == ["          ", "  abc     "])
    #expect(t.screen == "\n  abc")
  }

  @Test func clipsAtEdges() {
    let t = InMemoryTerminal(width: 5, height: 1)
    t.put(x: 3, y: 0, "hello", style: .plain)
    #expect(t.text(row: 0) == "   he")
    t.put(x: -2, y: 0, "wxyz", style: .plain)
    #expect(t.text(row: 0) == "yz he")
    t.put(x: 0, y: 5, "off", style: .plain)
    t.put(x: 0, y: -1, "off", style: .plain)
    #expect(t.text(row: 0) == "yz he")
  }

  @Test func wideCharactersTakeTwoCells() {
    let t = InMemoryTerminal(width: 6, height: 1)
    t.put(x: 0, y: 0, "中文x", style: .plain)
    #expect(t.text(row: 0) == "中文x ")
    #expect(t.character(x: 0, y: 0) == "中")
    #expect(t.character(x: 1, y: 0) == "")
    #expect(t.character(x: 4, y: 0) == "x")
    // A wide character that would cross the right edge is dropped.
    t.put(x: 5, y: 0, "中", style: .plain)
    #expect(t.character(x: 5, y: 0) == " ")
    // Overwriting half of a wide character blanks the other half.
    t.put(x: 1, y: 0, "a", style: .plain)
    #expect(t.text(row: 0) == " a文x ")
  }

  @Test func controlCharactersAreReplaced() {
    let t = InMemoryTerminal(width: 8, height: 1)
    t.put(x: 0, y: 0, "a\u{1B}[2Jb", style: .plain)
    #expect(t.text(row: 0) == "a\u{FFFD}[2Jb  ")
  }

  @Test func fillAndClear() {
    let t = InMemoryTerminal(width: 4, height: 3)
    t.fill(x: 1, y: 1, width: 2, height: 2, style: red)
    #expect(t.style(x: 1, y: 1) == red)
    #expect(t.style(x: 2, y: 2) == red)
    #expect(t.style(x: 3, y: 2) == .plain)
    let bg = Style(bg: .indexed(4))
    t.clear(style: bg)
    #expect(t.style(x: 1, y: 1) == bg)
    #expect(t.clearCount == 1)
    #expect(t.style(x: 9, y: 9) == nil)
  }

  @Test func inputQueueResizeAndFlushes() {
    let t = InMemoryTerminal(width: 80, height: 24)
    t.enqueue(.key(.char("q")), .key(.up))
    #expect(t.pollInput() == [.key(.char("q")), .key(.up)])
    #expect(t.pollInput().isEmpty)
    t.resize(to: Size(width: 40, height: 10))
    #expect(t.size == Size(width: 40, height: 10))
    #expect(t.lines.count == 10)
    #expect(t.pollInput() == [.resize(Size(width: 40, height: 10))])
    t.flush()
    t.flush()
    #expect(t.flushCount == 2)
  }

  @Test func cellWidths() {
    #expect(CellWidth.of("a" as Character) == 1)
    #expect(CellWidth.of("中" as Character) == 2)
    #expect(CellWidth.of("⣿" as Character) == 1)
    #expect(CellWidth.of("e\u{301}" as Character) == 1)
    #expect(CellWidth.of("ab中") == 4)
  }
}
