import CarbonKit
import CarbonTerminal

@testable import CarbonTUI

/// Reports with scenario levers and outcomes, built by hand for the scenario tests.
enum ScenarioFixtures {
  /// Defaults from history (illustrative, set by hand); Scope 3 change cannot be computed.
  static let defaults: [Lever: Double?] = [
    .scope1Change: -0.0317, .electricityGrowth: 0.08, .gridFactorChange: -0.02,
    .cleanShareTarget: 0.52, .removalsPerYear: 120_000, .offsetsPerYear: 0,
    .revenueGrowth: 0.06, .scope3Change: nil, .avoidedGrowth: 0.776,
  ]

  /// The fixture Report without a scenario: every lever at its default; outcomes: ops missed
  /// by 2.95 Mt, intensity missed by 1.71, avoided met in FY2033.
  static func baseline() -> Report {
    var r = Fixtures.report()
    r.scenario = ScenarioInfo(name: nil, levers: defaults, defaults: defaults)
    r.targets[1].outcome = Outcome(projectedAtBy: 5.82, met: false, yearMet: nil, shortfall: 1.71)
    return r
  }

  /// The Report under a scenario: clean share 80%, avoided growth 20%/yr. Outcomes set by
  /// hand: ops met in FY2029, intensity still missed by 0.25, avoided missed by 300 Mt.
  static func scenario(name: String? = "clean80") -> Report {
    var r = baseline()
    var levers = defaults
    levers[.cleanShareTarget] = 0.8
    levers[.avoidedGrowth] = 0.2
    r.scenario = ScenarioInfo(name: name, levers: levers, defaults: defaults)
    r.targets[0].outcome = Outcome(
      projectedAtBy: -0.1e6, met: true, yearMet: FiscalYear(2029), shortfall: 0)
    r.targets[1].outcome = Outcome(projectedAtBy: 4.36, met: false, yearMet: nil, shortfall: 0.25)
    r.targets[2].outcome = Outcome(projectedAtBy: 1.2e9, met: false, yearMet: nil, shortfall: 3.0e8)
    r.targets[2].projection = Fixtures.avoidedProjection(growth: 0.2)
    r.operational?.projection = (2026...2030).map {
      .init(fy: FiscalYear($0), net: 4.45e6 - Double($0 - 2025) * 0.91e6)
    }
    return r
  }

  static func state(_ w: Int = 80, _ h: Int = 24) -> UIState {
    var s = Fixtures.state(w, h)
    s.screen = .scenarioEditor
    s.history = [.overview]
    return s
  }

  static func context(_ r: Report = baseline()) -> UpdateContext {
    UpdateContext(report: r, dataset: Fixtures.dataset())
  }

  static func draw(_ s: UIState, _ r: Report = baseline(), unicode: Bool = true) -> TestTerminal {
    Fixtures.draw(s, report: r, unicode: unicode)
  }
}
