import CarbonKit
import CarbonTerminal
import Testing

@testable import CarbonTUI

/// The targets screen, one target's screen and the panel fallback (DATA.md Revision 4), drawn
/// into the in-memory terminal from a Report built by CarbonKit on a small dataset.
///
/// One entity, calendar years: S1 100 / 90 / 80 / 70 (FY2020-FY2023), S2 market 200 / 180 /
/// 160 / 140, S3 1000 / 950 / 900 / 850, electricity 1000 MWh with 200 / 300 / 400 / 500
/// clean. Targets: absolute S1+2 -42% FY2020 -> FY2030 with a milestone FY2025 at -21%;
/// net_zero S1+2+3 -90% by FY2050; share 100% by FY2030 with a milestone FY2022 at 50%.
/// No neutrality or intensity target.
enum TargetFixtures {
  static func dataset() -> Dataset {
    var ops: [OperationsRow] = []
    var vc: [ValueChainRow] = []
    for (i, y) in (2020...2023).enumerated() {
      ops.append(
        OperationsRow(
          period: .fiscalYear(FiscalYear(y)), entity: "A", scope1: 100 - 10 * Double(i),
          scope2Location: 250, scope2Market: 200 - 20 * Double(i), electricityMWh: 1000,
          cleanElectricityMWh: 200 + 100 * Double(i),
          source: SourceRef(file: "operations.csv", line: i + 2)))
      vc.append(
        ValueChainRow(
          period: .fiscalYear(FiscalYear(y)), entity: "A", category: 1,
          tco2e: 1000 - 50 * Double(i), source: SourceRef(file: "value_chain.csv", line: i + 2)))
    }
    var abs = Target(
      id: "abs", title: "Absolute Scope 1+2 cut by 42 percent by FY2030 (SBTi)", kind: .absolute,
      scopes: [.one, .two], baseline: FiscalYear(2020), by: FiscalYear(2030), reduction: 0.42,
      line: 4)
    abs.milestones = [Milestone(fy: FiscalYear(2025), value: 0.21)]
    let nz = Target(
      id: "nz", kind: .netZero, scopes: [.one, .two, .three], baseline: FiscalYear(2020),
      by: FiscalYear(2050), reduction: 0.9, line: 12)
    var re = Target(id: "re", kind: .share, baseline: FiscalYear(2020), by: FiscalYear(2030))
    re.share = 1
    re.milestones = [Milestone(fy: FiscalYear(2022), value: 0.5)]
    return Dataset(
      organization: Organization(name: "Targets Inc"), targets: [abs, nz, re], operations: ops,
      valueChain: vc)
  }

  static func draw(_ s: UIState) -> TestTerminal {
    let d = dataset()
    return Fixtures.draw(s, report: ReportBuilder.build(dataset: d, scenario: nil), dataset: d)
  }
}

@Suite struct TargetViewTests {
  /// abs: Gross 300 (FY2020) -> 210 (FY2023); G* = 300 x 0.58 = 174; milestone level 237.
  /// Path(2023) = 300 - 63 x 3/5 = 262.2 -> on track; achieved (300 - 210) / 126 = 71.4%.
  /// share: Clean 0.2 -> 0.5; path (2020, 0.2), (2022, 0.5), (2030, 1): Path(2023) = 0.5625
  /// -> behind, gap 6.25 points; achieved 0.3 / 0.8 = 37.5%.
  @Test func targetsScreenListsKindStatusAchievedMilestoneAndSBTi() {
    var s = Fixtures.state(200, 30)
    s.screen = .targets
    let text = TargetFixtures.draw(s).text
    #expect(text.contains("Absolute Scope 1+2 cut by 42 percent by FY2030 (SBTi)"))
    #expect(text.contains("absolute S1+2"))
    #expect(text.contains("net zero S1+2+3"))
    #expect(text.contains("clean share"))
    #expect(text.contains("71.4%"))
    #expect(text.contains("37.5%"))
    #expect(text.contains("FY2025 237 t"))
    // 0.0625 x 100 = 6.25, exactly representable: printf rounds the tie to even, "6.2%".
    #expect(text.contains("6.2%"))
  }

  /// Enter on the first target opens its screen; its tables hold the path and milestones.
  @Test func enterOpensTheTargetScreen() {
    var s = Fixtures.state(120, 40)
    s.screen = .targets
    let d = TargetFixtures.dataset()
    let r = ReportBuilder.build(dataset: d, scenario: nil)
    let ctx = UpdateContext(report: r, dataset: d)
    let (next, _) = perform(.zoomFocused, s, ctx)
    #expect(next.screen == .target("abs"))
    let t = Fixtures.draw(next, report: r, dataset: d)
    #expect(t.text.contains("level 174 t"))
    #expect(t.text.contains("figure 210 t  path 262 t  ON TRACK  71.4% achieved"))
    #expect(t.text.contains("◆"))
    #expect(t.text.contains("FY2023"))
    // d on the FY2023 row: the rows behind that year's figure, the toml line first.
    var sel = next
    sel.selection = 3
    let (drill, _) = perform(.drillDown, sel, ctx)
    #expect(drill.screen == .drillDown(.targetYear("abs", FiscalYear(2023))))
    let dt = Fixtures.draw(drill, report: r, dataset: d).text
    #expect(dt.contains("dataset.toml:4"))
    #expect(dt.contains("operations.csv:5"))
    #expect(dt.contains("scope1=70"))
  }

  /// Without a neutrality target the own-operations panel shows the absolute S1+2 target;
  /// without an intensity target the value-chain panel shows the net_zero S1+2+3 target.
  @Test func panelsFallBackToTheClosestTarget() {
    let t = TargetFixtures.draw(Fixtures.state(120, 30))
    #expect(!t.text.contains("no neutrality target"))
    #expect(!t.text.contains("no intensity target"))
    #expect(t.text.contains("Absolute Scope 1+2 cut by 42"))
    #expect(t.text.contains("nz"))
    #expect(t.text.contains("ON TRACK"))
  }
}
