import CarbonKit
import CarbonTerminal
import Foundation
import Testing

@testable import CarbonTUI

/// Writes screens to /tmp for a look by eye (no assertions); runs only with CARBONTOP_DUMP=1.
@Suite struct ScreenDump {
  @Test func dump() {
    guard ProcessInfo.processInfo.environment["CARBONTOP_DUMP"] == "1" else { return }
    var out = ""
    let screens: [Screen] = [
      .overview, .zoom(.operational), .zoom(.valueChain), .zoom(.scope3plus), .targets,
      .diagnostics, .drillDown(.operations(FiscalYear(2025))),
      .drillDown(.avoided(FiscalYear(2025))),
    ]
    for (w, h) in [(80, 24), (160, 48), (50, 12), (120, 30)] {
      for sc in screens {
        var s = Fixtures.state(w, h)
        s.screen = sc
        out += "==== \(sc) \(w)x\(h)\n" + Fixtures.draw(s).text + "\n"
      }
    }
    var s = Fixtures.state(80, 24)
    out += "==== ascii\n" + Fixtures.draw(s, unicode: false).text + "\n"
    s.size = Size(width: 30, height: 8)
    out += "==== small\n" + Fixtures.draw(s).text + "\n"
    try? out.write(toFile: "/tmp/carbontop-screens.txt", atomically: true, encoding: .utf8)
  }
}
