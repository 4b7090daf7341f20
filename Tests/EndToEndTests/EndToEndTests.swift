import Foundation
import Testing

/// Runs the end-to-end tests of Tests/e2e (pytest + pyte driving the real binary in a
/// pseudo-terminal) as part of `swift test`. Without python3, pytest or pyte the suite is
/// skipped, unless CARBONTOP_E2E=required (as in CI), where that is a failure.
@Suite struct EndToEndTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// The carbontop binary built beside this test bundle.
  static var binary: String {
    let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("carbontop").path
    if FileManager.default.isExecutableFile(atPath: beside) { return beside }
    return root.appendingPathComponent(".build/debug/carbontop").path
  }

  static func run(_ args: [String], env: [String: String] = [:]) -> (Int32, String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = args
    p.currentDirectoryURL = root
    var e = ProcessInfo.processInfo.environment
    for (k, v) in env { e[k] = v }
    p.environment = e
    let pipe = Pipe()
    p.standardOutput = pipe
    p.standardError = pipe
    do { try p.run() } catch { return (127, "\(error)") }
    let out = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: out, as: UTF8.self))
  }

  static var toolsAvailable: Bool {
    run(["python3", "-c", "import pyte, pytest"]).0 == 0
  }

  @Test func pseudoTerminalSuite() throws {
    let required = ProcessInfo.processInfo.environment["CARBONTOP_E2E"] == "required"
    guard Self.toolsAvailable else {
      #expect(!required, "CARBONTOP_E2E=required but python3 with pyte and pytest is missing")
      return
    }
    let (status, output) = Self.run(
      ["python3", "-m", "pytest", "-q", "-p", "no:cacheprovider", "Tests/e2e"],
      env: ["CARBONTOP_BIN": Self.binary])
    // pytest's own summary goes into the failure message only, so that swift test's
    // closing line stays the last line of the run.
    #expect(status == 0, "end-to-end tests failed:\n\(output)")
  }
}
