import CarbonTUI
import CarbonTerminal
import Foundation
import Testing

/// README.md and docs/keys.md show the key registry itself, so they cannot drift from it.
/// With CARBONTOP_WRITE_DOCS=1 the test writes the table between the markers instead.
@Suite struct KeyDocsTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  static let begin = "<!-- keys:begin (generated from KeyRegistry.standard by KeyDocsTests) -->\n"
  static let end = "<!-- keys:end -->"

  @Test(arguments: ["README.md", "docs/keys.md"])
  func keyTableMatchesTheRegistry(_ file: String) throws {
    let url = Self.root.appendingPathComponent(file)
    let text = try String(contentsOf: url, encoding: .utf8)
    let table = KeyRegistry.standard.markdownTable()
    let b = try #require(text.range(of: Self.begin), "\(file) has no keys:begin marker")
    let e = try #require(text.range(of: Self.end, range: b.upperBound..<text.endIndex))
    let current = String(text[b.upperBound..<e.lowerBound])
    if ProcessInfo.processInfo.environment["CARBONTOP_WRITE_DOCS"] == "1" {
      try (text[..<b.upperBound] + table + text[e.lowerBound...]).write(
        to: url, atomically: true, encoding: .utf8)
      return
    }
    #expect(
      current == table, "\(file): run CARBONTOP_WRITE_DOCS=1 swift test --filter KeyDocsTests")
    #expect(table.contains("| `q` `Ctrl-c` | `quit` | quit |"))
  }
}

/// The example of docs/keys.md applies without errors.
@Test func keysDocExampleApplies() {
  let toml = """
    [keys]
    quit = ["q", "Ctrl-c", "F10"]
    year_prev = ["[", "h"]
    year_next = ["]", "l"]
    scenario_save = ["w", "Ctrl-s"]
    """
  let (reg, errors) = KeyRegistry.standard.applying(tomlText: toml)
  #expect(errors.isEmpty, "\(errors)")
  #expect(reg.keys(for: .scenarioSave) == [.char("w"), .ctrl("s")])
  #expect(reg.keys(for: .quit) == [.char("q"), .ctrl("c"), .function(10)])
  #expect(reg.action(for: .char("h")) == .yearPrev)
}
