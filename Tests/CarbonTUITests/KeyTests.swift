import CarbonKit
import CarbonTerminal
import Testing

@testable import CarbonTUI

@Suite struct KeyTests {
  @Test func defaultDispatch() {
    let r = KeyRegistry.standard
    #expect(r.action(for: .char("q")) == .quit)
    #expect(r.action(for: .ctrl("c")) == .quit)
    #expect(r.action(for: .char("1")) == .zoom1)
    #expect(r.action(for: .char("[")) == .yearPrev)
    #expect(r.action(for: .char("b")) == .basisToggle)
    #expect(r.action(for: .char("s")) == .scenarioEditor)
    #expect(r.action(for: .char("z")) == nil)
    // Every action is in the registry exactly once.
    #expect(Set(r.entries.map(\.action)) == Set(KeyAction.allCases))
    #expect(r.entries.count == KeyAction.allCases.count)
  }

  @Test func keyNamesRoundTrip() {
    for e in KeyRegistry.standard.entries {
      for k in e.keys { #expect(KeyNames.parse(KeyNames.name(k)) == k) }
    }
    #expect(KeyNames.parse("ctrl-Q") == .ctrl("q"))
    #expect(KeyNames.parse("F5") == .function(5))
    #expect(KeyNames.parse("pgdn") == .pageDown)
    #expect(KeyNames.parse("Ctrl-") == nil)
    #expect(KeyNames.parse("Hyper-x") == nil)
  }

  @Test func remapFromTOML() {
    let toml = """
      [keys]
      quit = ["x", "Ctrl-q"]
      zoom_1 = "F5"
      quitt = ["y"]
      help = ["Ctrl-"]
      """
    let (r, errors) = KeyRegistry.standard.applying(tomlText: toml)
    #expect(r.action(for: .char("x")) == .quit)
    #expect(r.action(for: .ctrl("q")) == .quit)
    #expect(r.action(for: .char("q")) == nil)
    #expect(r.action(for: .function(5)) == .zoom1)
    #expect(r.action(for: .char("1")) == nil)
    // The bad entry keeps its default.
    #expect(r.action(for: .char("?")) == .help)
    #expect(errors.count == 2)
    #expect(
      errors.contains {
        $0.hasPrefix("keys.toml:4:1: error: keys.quitt: unknown action (did you mean \"quit\"?)")
      })
    #expect(
      errors.contains { $0.hasPrefix("keys.toml:5:1: error: keys.help: unknown key \"Ctrl-\"") })
  }

  @Test func remapTakesKeyFromOtherAction() {
    let (r, errors) = KeyRegistry.standard.applying(
      tomlText: "[keys]\nthemes_next = \"t\"\ntheme_next = [\"q\"]\n")
    #expect(errors.count == 1)
    #expect(errors[0].contains("did you mean \"theme_next\""))
    #expect(r.action(for: .char("q")) == .themeNext)
    #expect(r.keys(for: .quit) == [.ctrl("c")])
  }

  @Test func remapBadTOML() {
    let (r, errors) = KeyRegistry.standard.applying(tomlText: "[keys\nquit = 1")
    #expect(r == KeyRegistry.standard)
    #expect(errors.count == 1)
    #expect(errors[0].hasPrefix("keys.toml:1:"))
    let (_, e2) = KeyRegistry.standard.applying(tomlText: "[keys]\nquit = 3\n")
    #expect(e2 == ["keys.toml:2:1: error: keys.quit: expected a key name or a list of key names"])
  }

  @Test func helpIsGeneratedFromTheRegistry() {
    // Tall enough for every entry without scrolling (the help scrolls on smaller screens).
    var s = Fixtures.state(100, 50)
    s.keys = KeyRegistry.standard.applying(tomlText: "[keys]\nquit = [\"x\"]\n").0
    s.showHelp = true
    let t = Fixtures.draw(s)
    for e in s.keys.entries {
      #expect(t.text.contains(e.description), "help lists \(e.name)")
    }
    #expect(t.find("x ") != nil)
    #expect(t.text.contains("Keys"))
    // The status bar hint follows the remap too.
    #expect(t.line(49).contains("x:quit"))
  }
}
