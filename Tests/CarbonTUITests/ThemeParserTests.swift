import CarbonKit
import CarbonTerminal
import Testing

@testable import CarbonTUI

@Suite struct ThemeParserTests {
  @Test func colourForms() {
    #expect(ThemeParser.parseColour("#FF0000") == .rgb(255, 0, 0))
    #expect(ThemeParser.parseColour("#0072b2") == .rgb(0, 0x72, 0xB2))
    #expect(ThemeParser.parseColour("red") == .indexed(1))
    #expect(ThemeParser.parseColour("brightred") == .indexed(9))
    #expect(ThemeParser.parseColour("Bright_Red") == .indexed(9))
    #expect(ThemeParser.parseColour("white") == .indexed(7))
    #expect(ThemeParser.parseColour("brightwhite") == .indexed(15))
    #expect(ThemeParser.parseColour("grey") == .indexed(8))
    #expect(ThemeParser.parseColour("default") == .default)
    #expect(ThemeParser.parseColour("244") == .indexed(244))
  }

  @Test func badColours() {
    #expect(ThemeParser.parseColour("#FFF") == nil)
    #expect(ThemeParser.parseColour("#GG0000") == nil)
    #expect(ThemeParser.parseColour("#FF00001") == nil)
    #expect(ThemeParser.parseColour("256") == nil)
    #expect(ThemeParser.parseColour("purple") == nil)
    #expect(ThemeParser.parseColour("") == nil)
  }

  @Test func integerColoursAndAttributes() {
    let toml = """
      [good]
      fg = 34
      bg = "blue"
      attrs = ["bold", "underline"]
      """
    let (spec, diags) = ThemeParser.parseSpec(toml: toml, file: "t.toml")
    #expect(diags.isEmpty)
    #expect(
      spec.roles[.good] == .init(fg: .indexed(34), bg: .indexed(4), attrs: [.bold, .underline]))
  }

  private func messages(_ toml: String) -> [String] {
    ThemeParser.parseSpec(toml: toml, file: "themes/x.toml").diagnostics.map(\.description)
  }

  @Test func unknownColourNamesFileLineAndKey() {
    #expect(
      messages("# mine\n[good]\nfg = \"#12345\"\n") == [
        ##"themes/x.toml:3:1: error: good.fg: unknown colour "#12345": use "#RRGGBB", 0-255, one of the 16 colour names or "default""##
      ])
  }

  @Test func colourIndexOutOfRange() {
    #expect(
      messages("[bad]\nbg = 300\n") == [
        "themes/x.toml:2:1: error: bad.bg: colour index 300 is not in 0...255"
      ])
  }

  @Test func colourOfWrongType() {
    #expect(
      messages("[bad]\nfg = true\n") == [
        ##"themes/x.toml:2:1: error: bad.fg: expected a colour: use "#RRGGBB", 0-255, one of the 16 colour names or "default""##
      ])
  }

  @Test func unknownRole() {
    #expect(
      messages("[text]\nfg = \"white\"\n\n[bakground]\nbg = \"black\"\n") == [
        #"themes/x.toml:4:2: error: unknown key "bakground": not a theme role (see docs/themes.md)"#
      ])
  }

  @Test func unknownFieldInRole() {
    #expect(
      messages("[good]\ncolour = \"red\"\n") == [
        #"themes/x.toml:2:1: error: unknown key "good.colour": a role has fg, bg and attrs"#
      ])
  }

  @Test func unknownAttribute() {
    #expect(
      messages("[warn]\nattrs = [\"bold\", \"blink\"]\n") == [
        #"themes/x.toml:2:1: error: warn.attrs: unknown attribute "blink": use bold, dim, underline, reverse, italic"#
      ])
  }

  @Test func attributesOfWrongType() {
    #expect(
      messages("[warn]\nattrs = [1]\n") == [
        #"themes/x.toml:2:1: error: warn.attrs: expected an array of strings, like ["bold"]"#
      ])
  }

  @Test func roleThatIsNotATable() {
    #expect(
      messages("good = \"red\"\n") == [
        "themes/x.toml:1:8: error: good: expected a table, like [good] with fg, bg and attrs"
      ])
  }

  @Test func nameMustBeAString() {
    #expect(messages("name = 3\n") == ["themes/x.toml:1:8: error: name: expected a string"])
  }

  @Test func invalidTOMLGivesItsPosition() throws {
    let diags = ThemeParser.parseSpec(toml: "[good]\nfg = \"#FF0000\n", file: "themes/x.toml")
      .diagnostics
    try #require(diags.count == 1)
    #expect(diags[0].file == "themes/x.toml")
    #expect(diags[0].line == 2)
    #expect(diags[0].message.hasPrefix("invalid TOML: "))
  }

  @Test func controlCharactersInNamesAreNotEchoed() {
    #expect(
      messages("[\"a\\u001b[2J\"]\nfg = 1\n").first?.contains("\u{1B}") == false)
  }

  @Test func severalErrorsInLineOrder() {
    let m = messages("[good]\nfg = \"nope\"\n[bad]\nattrs = [\"blink\"]\n")
    #expect(m.count == 2)
    #expect(m.first?.hasPrefix("themes/x.toml:2:") == true)
    #expect(m.last?.hasPrefix("themes/x.toml:4:") == true)
  }
}
