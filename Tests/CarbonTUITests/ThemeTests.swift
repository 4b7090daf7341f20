import CarbonKit
import CarbonTerminal
import Foundation
import Testing

@testable import CarbonTUI

@Suite struct ThemeTests {
  static let themesFolder: String = {
    // Tests/CarbonTUITests/ThemeTests.swift -> package root.
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent()
      .deletingLastPathComponent()
    return url.appendingPathComponent("themes").path
  }()

  @Test func embeddedDefaultEqualsTheFile() throws {
    let file = try String(contentsOfFile: Self.themesFolder + "/dark.toml", encoding: .utf8)
    #expect(file == ThemeDefault.toml)
  }

  @Test func defaultTheme() {
    let t = ThemeLoader.defaultTheme
    #expect(t.name == "dark")
    // [text] states only fg: its bg is [background]'s #1C1C1C.
    #expect(t[.text] == Style(fg: .rgb(0xD0, 0xD0, 0xD0), bg: .rgb(0x1C, 0x1C, 0x1C)))
    #expect(
      t[.good] == Style(fg: .rgb(0x5F, 0xD7, 0x87), bg: .rgb(0x1C, 0x1C, 0x1C), attributes: .bold))
    #expect(t[.statusBar].bg == .rgb(0x30, 0x30, 0x30))
    #expect(t.styles.count == ThemeRole.allCases.count)
  }

  @Test func everyBundledThemeLoadsCleanly() {
    let loader = ThemeLoader(bundledDirectory: Self.themesFolder, userDirectory: nil)
    let names = loader.availableThemes()
    #expect(names == ["dark", "colorblind", "high-contrast", "light", "monochrome", "nord"])
    for name in names {
      let r = loader.load(named: name)
      #expect(r.diagnostics.isEmpty, "\(name): \(r.diagnostics)")
      #expect(r.theme.name == name)
    }
  }

  @Test func bundledThemesStateEveryRole() throws {
    for name in ["dark", "colorblind", "high-contrast", "light", "monochrome", "nord"] {
      let text = try String(contentsOfFile: "\(Self.themesFolder)/\(name).toml", encoding: .utf8)
      let spec = ThemeParser.parseSpec(toml: text, file: name).spec
      #expect(Set(spec.roles.keys) == Set(ThemeRole.allCases), "\(name)")
    }
  }

  @Test func colourBlindThemeUsesOkabeIto() {
    let loader = ThemeLoader(bundledDirectory: Self.themesFolder, userDirectory: nil)
    let t = loader.load(named: "colorblind").theme
    #expect(t[.good].fg == .rgb(0x56, 0xB4, 0xE9))  // sky blue
    #expect(t[.bad].fg == .rgb(0xD5, 0x5E, 0x00))  // vermillion
    #expect(t[.bad].attributes == [.bold, .reverse])
  }

  @Test func monochromeHasNoColour() {
    let loader = ThemeLoader(bundledDirectory: Self.themesFolder, userDirectory: nil)
    let t = loader.load(named: "monochrome").theme
    for role in ThemeRole.allCases {
      #expect(t[role].fg == .default && t[role].bg == .default, "\(role)")
    }
  }

  @Test func missingKeysFallBackToTheDefault() {
    let r = ThemeLoader.theme(
      fromTOML: "[good]\nfg = \"#009E73\"\n", name: "mine", file: "mine.toml")
    #expect(r.diagnostics.isEmpty)
    let d = ThemeLoader.defaultTheme
    // fg stated; attrs (bold) and bg (the default's background) fall back.
    #expect(
      r.theme[.good]
        == Style(fg: .rgb(0, 0x9E, 0x73), bg: .rgb(0x1C, 0x1C, 0x1C), attributes: .bold))
    #expect(r.theme[.bad] == d[.bad])
    #expect(r.theme.name == "mine")
  }

  @Test func unstatedBackgroundsFollowTheThemesBackground() {
    let r = ThemeLoader.theme(
      fromTOML: "[background]\nbg = \"#FFFFFF\"\n", name: "w", file: "w.toml")
    // The default states no bg for text: it follows this theme's background.
    #expect(r.theme[.text].bg == .rgb(255, 255, 255))
    // The default states status_bar's bg: that is kept.
    #expect(r.theme[.statusBar].bg == .rgb(0x30, 0x30, 0x30))
  }

  @Test func brokenThemeFallsBackToTheDefault() {
    let r = ThemeLoader.theme(
      fromTOML: "[good]\nfg = \"greenish\"\n", name: "broken", file: "themes/broken.toml")
    #expect(r.theme == ThemeLoader.defaultTheme)
    #expect(
      r.diagnostics.map(\.description) == [
        ##"themes/broken.toml:2:1: error: good.fg: unknown colour "greenish": use "#RRGGBB", 0-255, one of the 16 colour names or "default""##,
        #"themes/broken.toml: warning: theme "broken" not used: using the default theme "dark""#,
      ])
  }

  @Test func noColourKeepsDistinguishingAttributes() {
    let t = ThemeLoader.defaultTheme.styleForDepth(.none)
    for role in ThemeRole.allCases {
      #expect(t[role].fg == .default && t[role].bg == .default)
    }
    #expect(t[.good].attributes == .bold)
    #expect(t[.warn].attributes == [.bold, .underline])
    #expect(t[.bad].attributes == [.bold, .reverse])
    #expect(t[.selection].attributes.contains(.reverse))
    #expect(t[.statusBar].attributes == .reverse)
    #expect(ThemeLoader.defaultTheme.style(.bad, depth: .none) == t[.bad])
  }

  @Test func coloursMapToTheDepth() {
    let d = ThemeLoader.defaultTheme
    // good #5FD787 = (95,215,135): cube levels 1, 4, 2 -> 16 + 36 + 24 + 2 = 78.
    #expect(d.style(.good, depth: .indexed256).fg == .indexed(78))
    // bad #FF5F5F = (255,95,95) in 16 colours: bright red (255,0,0) 2*95^2 = 18050 beats
    // bright black (127,127,127) 128^2 + 2*32^2 = 18432 and red (205,0,0) 20550.
    #expect(d.style(.bad, depth: .ansi16).fg == .indexed(9))
    #expect(d.style(.bad, depth: .trueColor).fg == .rgb(0xFF, 0x5F, 0x5F))
  }
}
