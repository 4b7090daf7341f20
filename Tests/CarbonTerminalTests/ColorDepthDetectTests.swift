import Testing

@testable import CarbonTerminal

@Suite struct ColorDepthDetectTests {
  @Test func noColorAnyNonEmptyValue() {
    #expect(
      ColorDepth.detect(environment: ["NO_COLOR": "1"], noColorFlag: false, ncursesColors: 256)
        == .none)
    #expect(
      ColorDepth.detect(environment: ["NO_COLOR": "no"], noColorFlag: false, ncursesColors: 256)
        == .none)
    // An empty NO_COLOR does not count.
    #expect(
      ColorDepth.detect(environment: ["NO_COLOR": ""], noColorFlag: false, ncursesColors: 256)
        == .indexed256)
  }

  @Test func noColorFlagWinsOverTrueColor() {
    #expect(
      ColorDepth.detect(
        environment: ["COLORTERM": "truecolor"], noColorFlag: true, ncursesColors: 256) == .none)
  }

  @Test func colorTerm() {
    #expect(
      ColorDepth.detect(
        environment: ["COLORTERM": "truecolor"], noColorFlag: false, ncursesColors: 256)
        == .trueColor)
    #expect(
      ColorDepth.detect(environment: ["COLORTERM": "24bit"], noColorFlag: false, ncursesColors: 256)
        == .trueColor)
    // A terminal that cannot (8 colours, vt100) is not promoted.
    #expect(
      ColorDepth.detect(environment: ["COLORTERM": "24bit"], noColorFlag: false, ncursesColors: 8)
        == .ansi8)
    #expect(
      ColorDepth.detect(
        environment: ["COLORTERM": "truecolor"], noColorFlag: false, ncursesColors: -1) == .none)
  }

  @Test func fromTerminfoCount() {
    let env: [String: String] = ["TERM": "xterm"]
    #expect(
      ColorDepth.detect(environment: env, noColorFlag: false, ncursesColors: 16_777_216)
        == .trueColor)
    #expect(
      ColorDepth.detect(environment: env, noColorFlag: false, ncursesColors: 256) == .indexed256)
    #expect(ColorDepth.detect(environment: env, noColorFlag: false, ncursesColors: 88) == .ansi16)
    #expect(ColorDepth.detect(environment: env, noColorFlag: false, ncursesColors: 16) == .ansi16)
    #expect(ColorDepth.detect(environment: env, noColorFlag: false, ncursesColors: 8) == .ansi8)
    #expect(ColorDepth.detect(environment: env, noColorFlag: false, ncursesColors: 2) == .none)
    #expect(ColorDepth.detect(environment: env, noColorFlag: false, ncursesColors: -1) == .none)
  }

  @Test func unicodeFromCodeset() {
    #expect(UnicodeSupport.detect(codeset: "UTF-8", asciiFlag: false))
    #expect(UnicodeSupport.detect(codeset: "utf8", asciiFlag: false))
    #expect(!UnicodeSupport.detect(codeset: "UTF-8", asciiFlag: true))
    #expect(!UnicodeSupport.detect(codeset: "ANSI_X3.4-1968", asciiFlag: false))
  }
}
