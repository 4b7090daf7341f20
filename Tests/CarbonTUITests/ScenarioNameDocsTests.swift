import CarbonKit
import Foundation
import Testing

/// The scenario name limit is one rule (`ScenarioName`), and the docs state that limit.
@Suite struct ScenarioNameDocsTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  @Test func docsStateTheOneLimit() throws {
    let text = try String(
      contentsOf: Self.root.appendingPathComponent("docs/data-format.md"), encoding: .utf8)
    #expect(text.contains("must be 1 to \(ScenarioName.maxLength) of the"))
    let scenarios = try String(
      contentsOf: Self.root.appendingPathComponent("docs/scenarios.md"), encoding: .utf8)
    // docs/scenarios.md points to that statement instead of stating another limit.
    #expect(!scenarios.contains("1-64") && !scenarios.contains("1 to 64"))
  }
}
