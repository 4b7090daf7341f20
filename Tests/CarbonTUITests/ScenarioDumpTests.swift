import CarbonKit
import CarbonTerminal
import Foundation
import Testing

@testable import CarbonTUI

/// Writes the scenario screens to /tmp for a look by eye; runs only with CARBONTOP_DUMP=1.
@Suite struct ScenarioDumpTests {
  @Test func dump() {
    guard ProcessInfo.processInfo.environment["CARBONTOP_DUMP"] == "1" else { return }
    var out = ""
    for (w, h) in [(80, 24), (160, 48), (50, 12), (120, 30)] {
      for sc in [Screen.scenarioEditor, .compare, .scenarioList, .overview, .zoom(.valueChain)] {
        var s = ScenarioFixtures.state(w, h)
        s.screen = sc
        s.scenarioName = "clean80"
        s.scenarioLevers = [.cleanShareTarget: 0.8, .avoidedGrowth: 0.2]
        s.baseline = ScenarioFixtures.baseline()
        s.savedScenarios = ["clean80", "fast-growth"]
        s.leverSelection = 3
        out +=
          "==== \(sc) \(w)x\(h)\n" + ScenarioFixtures.draw(s, ScenarioFixtures.scenario()).text
          + "\n"
      }
    }
    var s = ScenarioFixtures.state(80, 24)
    s.input = ScenarioInput(
      purpose: .value(.cleanShareTarget), text: "8o", error: "\"8o\" is not a number")
    out += "==== input\n" + ScenarioFixtures.draw(s).text + "\n"
    s.input = ScenarioInput(purpose: .saveName, text: "my plan")
    out += "==== save\n" + ScenarioFixtures.draw(s).text + "\n"
    s.input = nil
    s.showHelp = true
    s.helpScroll = 20
    out += "==== help\n" + ScenarioFixtures.draw(s).text + "\n"
    try? out.write(toFile: "/tmp/carbontop-scenario-screens.txt", atomically: true, encoding: .utf8)
  }
}
