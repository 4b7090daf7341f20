import CarbonKit
import CarbonTerminal
import Foundation
import Testing

@testable import CarbonTUI

@Suite struct ThemeLoaderTests {
  func tempDir() throws -> String {
    let dir = NSTemporaryDirectory() + "carbontop-theme-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
  }

  @Test func userThemesAddToAndReplaceBundledOnes() throws {
    let bundled = try tempDir()
    let user = try tempDir()
    defer {
      try? FileManager.default.removeItem(atPath: bundled)
      try? FileManager.default.removeItem(atPath: user)
    }
    try ThemeDefault.toml.write(toFile: bundled + "/dark.toml", atomically: true, encoding: .utf8)
    try "[text]\nfg = \"black\"\n".write(
      toFile: bundled + "/light.toml", atomically: true, encoding: .utf8)
    try "[text]\nfg = \"blue\"\n".write(
      toFile: user + "/light.toml", atomically: true, encoding: .utf8)
    try "[text]\nfg = 208\n".write(toFile: user + "/amber.toml", atomically: true, encoding: .utf8)
    try "not a theme".write(toFile: user + "/notes.txt", atomically: true, encoding: .utf8)
    let loader = ThemeLoader(bundledDirectory: bundled, userDirectory: user)
    #expect(loader.availableThemes() == ["dark", "amber", "light"])
    #expect(loader.load(named: "light").theme[.text].fg == .indexed(4))
    #expect(loader.load(named: "amber").theme[.text].fg == .indexed(208))
    #expect(loader.nextTheme(after: "dark") == "amber")
    #expect(loader.nextTheme(after: "light") == "dark")
    #expect(loader.nextTheme(after: "gone") == "dark")
  }

  @Test func worksWithoutAnyFolder() {
    let loader = ThemeLoader(bundledDirectory: nil, userDirectory: nil)
    #expect(loader.availableThemes() == ["dark"])
    let r = loader.load(named: "dark")
    #expect(r.diagnostics.isEmpty)
    #expect(r.theme == ThemeLoader.defaultTheme)
  }

  @Test func unknownThemeName() {
    let r = ThemeLoader(bundledDirectory: nil, userDirectory: nil).load(named: "solarised")
    #expect(r.theme == ThemeLoader.defaultTheme)
    #expect(
      r.diagnostics.map(\.description) == [
        #"--theme: error: theme "solarised" not found (available: dark); using "dark""#
      ])
  }

  @Test func unreadableFile() {
    let r = ThemeLoader(bundledDirectory: nil, userDirectory: nil).load(path: "/nonexistent/x.toml")
    #expect(
      r.diagnostics.map(\.description) == [
        #"/nonexistent/x.toml: error: cannot read the theme file; using "dark""#
      ])
  }

  @Test func standardFolders() {
    let a = ThemeLoader.standard(
      environment: [
        "CARBONTOP_THEMES": ThemeTests.themesFolder, "XDG_CONFIG_HOME": "/cfg", "HOME": "/home/u",
      ],
      executablePath: nil)
    #expect(a.bundledDirectory == ThemeTests.themesFolder)
    #expect(a.userDirectory == "/cfg/carbontop/themes")
    let b = ThemeLoader.standard(
      environment: ["HOME": "/home/u"], executablePath: "/nonexistent/bin/carbontop")
    #expect(b.userDirectory == "/home/u/.config/carbontop/themes")
    // Found from the source tree when nothing else is there.
    #expect(
      b.bundledDirectory.map { URL(fileURLWithPath: $0).standardized.path }
        == URL(fileURLWithPath: ThemeTests.themesFolder).standardized.path)
  }

  /// A theme file above 1 MiB (InputLimits.settingsFileBytes) is refused unread, with the
  /// reason, and the default theme is used.
  @Test func oversizedThemeFile() throws {
    let dir = try tempDir()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/huge.toml"
    // 1,048,576 + 1 bytes.
    try String(repeating: "#", count: (1 << 20) + 1).write(
      toFile: path, atomically: true, encoding: .utf8)
    let r = ThemeLoader(bundledDirectory: nil, userDirectory: nil).load(path: path)
    #expect(
      r.diagnostics.map(\.message) == [
        "too large: 1,048,577 bytes; at most 1,048,576 (1 MiB) are read; using \"dark\""
      ])
  }
}
