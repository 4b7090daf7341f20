import Testing

@testable import CarbonKit

/// DATA.md "Revision 4: targets of any organization", against figures worked out by hand.
///
/// One entity A, calendar years 2020-2023 (all complete):
///
/// | FY   | S1  | S2 loc | S2 mkt | MWh  | clean MWh | removals | S3   | steel_t |
/// |------|-----|--------|--------|------|-----------|----------|------|---------|
/// | 2020 | 100 | 300    | 200    | 1000 | 200       | -        | 1000 | 100     |
/// | 2021 | 95  | 290    | 180    | 1000 | 300       | 5        | 950  | 110     |
/// | 2022 | 90  | 280    | 160    | 1000 | 400       | 10       | 900  | 120     |
/// | 2023 | 85  | 270    | 140    | 1000 | 500       | 20       | 870  | 125     |
///
/// Gross S1+2 (market): 300, 275, 250, 225. Clean share: 0.2, 0.3, 0.4, 0.5.
func revision4Dataset(targets: [Target]) -> Dataset {
  let f = "operations.csv"
  let rows: [(Int, Double, Double, Double, Double, Double?)] = [
    (2020, 100, 300, 200, 200, nil), (2021, 95, 290, 180, 300, 5),
    (2022, 90, 280, 160, 400, 10), (2023, 85, 270, 140, 500, 20),
  ]
  var ops: [OperationsRow] = []
  var vc: [ValueChainRow] = []
  var act: [ActivityRow] = []
  let s3: [Double] = [1000, 950, 900, 870]
  let steel: [Double] = [100, 110, 120, 125]
  for (i, r) in rows.enumerated() {
    ops.append(
      OperationsRow(
        period: annual(r.0), entity: "A", scope1: r.1, scope2Location: r.2, scope2Market: r.3,
        removals: r.5, electricityMWh: 1000, cleanElectricityMWh: r.4, source: src(f, i + 2)))
    vc.append(
      ValueChainRow(
        period: annual(r.0), entity: "A", category: 1, tco2e: s3[i],
        source: src("value_chain.csv", i + 2)))
    act.append(
      ActivityRow(
        period: annual(r.0), entity: "A", metric: "steel_t", value: steel[i],
        source: src("activity.csv", i + 2)))
  }
  var d = Dataset(
    organization: Organization(name: "R4"), targets: targets, operations: ops, valueChain: vc)
  d.activity = act
  return d
}

func target(
  _ id: String, _ kind: TargetKind, scopes: [Scope] = [.one, .two], reduction: Double? = nil,
  share: Double? = nil, per: String = "revenue", baseline: Int = 2020, by: Int = 2030,
  milestones: [(Int, Double)] = []
) -> Target {
  var t = Target(
    id: id, kind: kind, scopes: kind == .share ? [] : scopes, baseline: fy(baseline), by: fy(by),
    reduction: reduction)
  t.share = share
  t.per = per
  t.milestones = milestones.map { Milestone(fy: fy($0.0), value: $0.1) }
  return t
}

@Suite struct Revision4Tests {
  /// The four targets of the new kinds together (the first target, absolute, gives T_c = 2030).
  static let report: Report = ReportBuilder.build(
    dataset: revision4Dataset(targets: [
      target("abs", .absolute, reduction: 0.42, milestones: [(2025, 0.21)]),
      target("nz", .netZero, scopes: [.one, .two, .three], reduction: 0.9, by: 2050),
      target("re", .share, share: 1.0, milestones: [(2022, 0.5)]),
      target("steel", .intensity, reduction: 0.3, per: "steel_t"),
    ]), scenario: nil)

  /// absolute, -42% S1+2 by 2030 vs 2020, milestone 2025 -21%:
  /// G* = 300 x 0.58 = 174; milestone level 300 x 0.79 = 237.
  /// Path through (2020, 300), (2025, 237), (2030, 174):
  /// Path(2022) = 300 - 63 x 2/5 = 274.8; Path(2023) = 300 - 63 x 3/5 = 262.2;
  /// Path(2027) = 237 - 63 x 2/5 = 211.8.
  /// Gross(2023) = 225 <= 262.2 -> on_track (not <= 174). Achieved (300 - 225) / (300 - 174) =
  /// 75 / 126 = 0.5952381. Required cut (225 - 174) / 7 = 7.2857143. SBTi 0.42 / 10 = 4.2%: ok.
  @Test func absolute() {
    let t = Self.report.targets[0]
    #expect(t.status == .onTrack && t.gap == nil)
    #expect(close(t.targetLevel, 174))
    #expect(close(t.valueAtLatest, 225))
    #expect(close(t.pathAtLatest, 262.2))
    #expect(close(t.achievedFraction, 75.0 / 126))
    #expect(close(t.requiredChangePerYear, 51.0 / 7))
    #expect(t.sbti == true)
    #expect(t.years.map(\.fy) == [fy(2020), fy(2021), fy(2022), fy(2023)])
    #expect(close(t.years[2].path, 274.8) && close(t.years[2].value, 250))
    #expect(close(t.years[0].path, 300))
    #expect(t.milestones.count == 1)
    #expect(close(t.milestones[0].level, 237) && t.milestones[0].status == .upcoming)
    #expect(t.milestones[0].actual == nil)
  }

  /// Projection of the absolute target (the headline absolute: its own entities' defaults):
  /// S1 change (85 / 100)^(1/3) - 1 = -0.0527318; electricity 0; grid factor (0.27 / 0.3)^(1/3)
  /// - 1 = -0.0345106; clean_share_target: 0.5 + (0.5 - 0.2) / 3 x (2030 - 2023) = 1.2 -> 1.
  /// FY2026 (k = 3): S1 = 85 x 0.85 = 72.25; Clean = 0.5 + 0.5 x 3/7 = 0.7142857;
  /// S2mkt = 140 x 0.9 x (1 - 0.7142857) / 0.5 = 72.0; Gross = 144.25.
  /// FY2025 (k = 2): S1 = 85 x 0.85^(2/3) = 76.27195; Clean 0.6428571;
  /// S2mkt = 140 x 0.9^(2/3) x 0.3571429 / 0.5 = 93.21698; Gross 169.48893 <= 174: met in 2025.
  /// FY2030: Clean 1 -> S2mkt 0; S1 = 85 x 0.85^(7/3) = 58.17411. Met, shortfall 0.
  /// The milestone FY2025 is upcoming with projected 169.48893.
  @Test func absoluteProjection() {
    let t = Self.report.targets[0]
    #expect(t.projection.count == 7)
    #expect(close(t.projection[2].value, 144.25, 1e-9))
    #expect(close(t.projection[1].value, 169.48893, 1e-7))
    #expect(close(t.outcome.projectedAtBy, 58.17411, 1e-7))
    #expect(t.outcome.met == true && t.outcome.yearMet == fy(2025) && t.outcome.shortfall == 0)
    #expect(close(t.milestones[0].projected, 169.48893, 1e-7))
  }

  /// net_zero S1+2+3, -90% by 2050: Gross(2020) = 300 + 1000 = 1300, G* = 130;
  /// Gross(2023) = 225 + 870 = 1095; Path(2023) = 1300 - 1170 x 3/30 = 1183 -> on_track.
  /// Achieved (1300 - 1095) / 1170 = 0.1752137; required (1095 - 130) / 27 = 35.740741.
  /// SBTi: 0.9 >= 0.9 and FY2050 <= FY2050: ok.
  @Test func netZero() {
    let t = Self.report.targets[1]
    #expect(t.status == .onTrack)
    #expect(close(t.targetLevel, 130) && close(t.pathAtLatest, 1183))
    #expect(close(t.achievedFraction, 205.0 / 1170))
    #expect(close(t.requiredChangePerYear, 965.0 / 27))
    #expect(t.sbti == true)
  }

  /// share 100% by 2030 vs 2020, milestone 2022 at 50%: Path through (2020, 0.2), (2022, 0.5),
  /// (2030, 1.0); Path(2023) = 0.5 + 0.5 x 1/8 = 0.5625; Clean(2023) = 0.5 -> behind, gap
  /// 0.0625. Milestone 2022: Clean 0.4 < 0.5 -> missed. Achieved (0.5 - 0.2) / (1 - 0.2) =
  /// 0.375. Required (1 - 0.5) / 7 = 0.0714286 share points per year. No SBTi check.
  /// Projection: the one clean-share trajectory toward 1.0 at T_c = 2030:
  /// FY2024 = 0.5 + 0.5 / 7 = 0.5714286; FY2030 = 1.0 -> met in FY2030, shortfall 0.
  @Test func share() {
    let t = Self.report.targets[2]
    #expect(t.status == .behind && close(t.gap, 0.0625))
    #expect(close(t.pathAtLatest, 0.5625) && close(t.targetLevel, 1.0))
    #expect(close(t.valueAtLatest, 0.5))
    #expect(close(t.achievedFraction, 0.375))
    #expect(close(t.requiredChangePerYear, 0.5 / 7))
    #expect(t.sbti == nil)
    #expect(t.milestones[0].status == .missed && close(t.milestones[0].actual, 0.4))
    #expect(close(t.milestones[0].level, 0.5) && t.milestones[0].projected == nil)
    #expect(close(t.projection.first?.value, 0.5 + 0.5 / 7))
    #expect(close(t.outcome.projectedAtBy, 1.0))
    #expect(t.outcome.met == true && t.outcome.yearMet == fy(2030))
  }

  /// Intensity per steel_t, -30%: I(2020) = 300 / 100 = 3, I* = 2.1; I(2021) = 275 / 110 = 2.5;
  /// I(2022) = 250 / 120 = 2.0833 (<= 2.1); I(2023) = 225 / 125 = 1.8 -> achieved.
  /// Achieved (3 - 1.8) / (3 - 2.1) = 1.3333333; required 0; SBTi null (not per revenue).
  /// Activity growth (125 / 100)^(1/3) - 1 = 0.0772173. Projection FY2024: E = 80.51780 +
  /// 140 x 0.9654894 x (1 - 0.5714286) / 0.5 = 80.51780 + 115.85873 = 196.37653; Activity =
  /// 125 x 1.0772173 = 134.65217; I = 1.4583985 <= 2.1: met in the projection's first year,
  /// but the correction of Revision 4 makes year_met follow history: achieved at L, first met
  /// in FY2022 (not FY2024).
  @Test func intensityPerActivity() {
    let t = Self.report.targets[3]
    #expect(t.status == .achieved)
    #expect(close(t.targetLevel, 2.1) && close(t.valueAtLatest, 1.8))
    #expect(close(t.achievedFraction, 1.2 / 0.9))
    #expect(t.requiredChangePerYear == 0)
    #expect(t.sbti == nil)
    #expect(close(t.projection.first?.value, 1.4583985, 1e-7))
    #expect(t.outcome.met == true && t.outcome.yearMet == fy(2022))
    #expect(t.per == "steel_t")
  }

  /// Correction 1: `removals = false`. Neutrality S1+2 2020 -> 2030: Net(2020) = 300 either
  /// way. With removals: Net(2023) = 225 - 20 = 205 <= Path(2023) = 300 x 7/10 = 210 ->
  /// on_track. Without: Net(2023) = 225 -> behind, gap 15; achieved (300 - 225) / 300 = 0.25.
  /// Projection FY2024 without removals: Gross 196.37653 (as above, T_c = 2030), nothing
  /// subtracted (offsets none); with removals 20 subtracted: 176.37653.
  @Test func neutralityWithoutRemovals() {
    var t = target("ops", .neutrality)
    let with = ReportBuilder.build(dataset: revision4Dataset(targets: [t]), scenario: nil)
    #expect(with.targets[0].status == .onTrack)
    #expect(close(with.targets[0].valueAtLatest, 205))
    #expect(close(with.targets[0].projection.first?.value, 176.37653, 1e-7))
    t.removals = false
    let without = ReportBuilder.build(dataset: revision4Dataset(targets: [t]), scenario: nil)
    #expect(without.targets[0].status == .behind && close(without.targets[0].gap, 15))
    #expect(close(without.targets[0].achievedFraction, 0.25))
    #expect(close(without.operational?.years[3].net, 225))
    #expect(close(without.targets[0].projection.first?.value, 196.37653, 1e-7))
  }

  /// net_zero: only removals neutralize the residual. S1 only, -50% by 2030 vs 2020:
  /// S1 2020 = 100, 2023 = 85 with removals 20: G* = 50; 85 > 50 -> not achieved.
  /// A variant with S1(2023) = 40: 40 <= 50 but 40 - 20 = 20 > 0 -> on_track (Path(2023) =
  /// 100 - 50 x 3/10 = 85); with removals 40 -> achieved.
  /// By FY2023 (T <= L): judged on the actual figures at T: met false, shortfall = max(40 - 50,
  /// 40 - 20, 0) = 20.
  @Test func netZeroNeedsRemovals() {
    var d = revision4Dataset(targets: [target("nz", .netZero, scopes: [.one], reduction: 0.5)])
    d.operations![3].scope1 = 40
    var r = ReportBuilder.build(dataset: d, scenario: nil)
    #expect(r.targets[0].status == .onTrack)
    #expect(close(r.targets[0].requiredChangePerYear, 0))
    d.targets[0].by = fy(2023)
    r = ReportBuilder.build(dataset: d, scenario: nil)
    #expect(r.targets[0].outcome.met == false && close(r.targets[0].outcome.shortfall, 20))
    d.operations![3].removals = 40
    d.targets[0].by = fy(2030)
    r = ReportBuilder.build(dataset: d, scenario: nil)
    #expect(r.targets[0].status == .achieved)
  }

  /// Avoided with milestones: A = 10 (2021), 20 (2022), 30 (2023); from 2021, 100 t by 2030.
  /// Cum = 10, 30, 60. Milestone 2022 at 40: 30 < 40 -> missed; 2025 at 80 -> upcoming.
  /// Achieved fraction = progress = 60 / 100 = 0.6; no path; `years` value is Cum.
  @Test func avoidedMilestones() {
    var t = Target(
      id: "av", kind: .avoided, baseline: fy(2021), by: fy(2030), amountTCO2e: 100)
    t.milestones = [Milestone(fy: fy(2022), value: 40), Milestone(fy: fy(2025), value: 80)]
    let rows = [(2021, 10.0), (2022, 20.0), (2023, 30.0)].enumerated().map { i, r in
      AvoidedRow(
        period: annual(r.0), entity: "A", program: "p", avoided: r.1, source: src("avoided.csv", i))
    }
    let d = Dataset(organization: Organization(name: "X"), targets: [t], avoided: rows)
    let r = ReportBuilder.build(dataset: d, scenario: nil).targets[0]
    #expect(close(r.achievedFraction, 0.6))
    #expect(r.milestones.map(\.status) == [.missed, .upcoming])
    #expect(close(r.milestones[0].actual, 30) && close(r.milestones[0].level, 40))
    #expect(r.pathAtLatest == nil && r.years.allSatisfy { $0.path == nil })
    #expect(close(r.years[2].value, 60))
  }

  /// The correction on an achieved avoided target: amount 25 from 2021 by 2030; Cum reaches
  /// 30 in FY2022 (>= 25): achieved at L = 2023; the projection meets it in FY2024 too, but
  /// year_met is FY2022, the first year from `from` where the actual Cum met it, as
  /// projected_year_reached of the section.
  @Test func achievedAvoidedYearFollowsHistory() {
    let t = Target(id: "av", kind: .avoided, baseline: fy(2021), by: fy(2030), amountTCO2e: 25)
    let rows = [(2021, 10.0), (2022, 20.0), (2023, 30.0)].enumerated().map { i, r in
      AvoidedRow(
        period: annual(r.0), entity: "A", program: "p", avoided: r.1, source: src("avoided.csv", i))
    }
    let d = Dataset(organization: Organization(name: "X"), targets: [t], avoided: rows)
    let r = ReportBuilder.build(dataset: d, scenario: nil)
    #expect(r.targets[0].status == .achieved)
    #expect(r.targets[0].outcome.yearMet == fy(2022))
    #expect(r.scope3plus?.projectedYearReached == fy(2022))
  }

  /// An intensity target per a metric without rows: figures null, status no_data.
  @Test func unknownMetricGivesNoData() {
    let r = ReportBuilder.build(
      dataset: revision4Dataset(targets: [target("x", .intensity, reduction: 0.3, per: "floor_m2")]
      ),
      scenario: nil)
    #expect(r.targets[0].status == .noData && r.targets[0].valueAtLatest == nil)
    #expect(r.targets[0].achievedFraction == nil)
  }
}

@Suite struct SBTiAndFormulaTests {
  /// 0.42 over 10 years = 0.042 passes (within 1e-9); 0.30 over 10 = 3.0%/yr fails for S1+2;
  /// Scope 3 only: 0.25 / 10 = 2.5% passes, 0.20 / 10 = 2.0% fails.
  @Test func absoluteRates() {
    #expect(SBTiCheck.verdict(target("a", .absolute, reduction: 0.42)) == true)
    let weak = target("a", .absolute, reduction: 0.30)
    #expect(SBTiCheck.verdict(weak) == false)
    #expect(
      SBTiCheck.failure(weak)
        == "3.0%/yr linear is below SBTi's 4.2%/yr minimum for Scope 1 and 2")
    #expect(SBTiCheck.verdict(target("a", .absolute, scopes: [.three], reduction: 0.25)) == true)
    #expect(SBTiCheck.verdict(target("a", .absolute, scopes: [.three], reduction: 0.2)) == false)
  }

  /// net_zero: reduction >= 0.90 and T <= FY2050; intensity per revenue: 1 - 0.5^(1/9) =
  /// 7.41% passes, 1 - 0.6^(1/10) = 4.98% fails; per an activity metric: null.
  @Test func netZeroAndIntensity() {
    #expect(SBTiCheck.verdict(target("n", .netZero, reduction: 0.9, by: 2050)) == true)
    #expect(SBTiCheck.verdict(target("n", .netZero, reduction: 0.9, by: 2051)) == false)
    #expect(SBTiCheck.verdict(target("n", .netZero, reduction: 0.89, by: 2040)) == false)
    #expect(SBTiCheck.verdict(target("i", .intensity, reduction: 0.5, by: 2029)) == true)
    #expect(SBTiCheck.verdict(target("i", .intensity, reduction: 0.4)) == false)
    #expect(SBTiCheck.verdict(target("i", .intensity, reduction: 0.4, per: "steel_t")) == nil)
    #expect(SBTiCheck.verdict(target("s", .share, share: 1)) == nil)
    #expect(SBTiCheck.verdict(target("o", .neutrality)) == nil)
  }

  /// Piecewise through (2020, 10), (2024, 6), (2030, 0): 2022 -> 8; 2027 -> 3; 2019 -> nil;
  /// 2031 -> 0. Required: 12 over 4 years = 3; reached -> 0; no years left -> nil.
  /// Achieved fraction: (10 - 7) / (10 - 4) = 0.5; increasing (0.5 - 0.2) / (1 - 0.2) = 0.375;
  /// denominator <= 0 -> nil.
  @Test func formulas() {
    let pts: [(FiscalYear, Double)] = [(fy(2020), 10), (fy(2024), 6), (fy(2030), 0)]
    #expect(close(Formulas.piecewise(pts, at: fy(2022)), 8))
    #expect(close(Formulas.piecewise(pts, at: fy(2027)), 3))
    #expect(Formulas.piecewise(pts, at: fy(2019)) == nil)
    #expect(Formulas.piecewise(pts, at: fy(2031)) == 0)
    #expect(Formulas.linearRequired(remaining: 12, years: 4) == 3)
    #expect(Formulas.linearRequired(remaining: -1, years: 0) == 0)
    #expect(Formulas.linearRequired(remaining: 1, years: 0) == nil)
    #expect(
      close(Formulas.achievedFraction(base: 10, current: 7, level: 4, lowerIsBetter: true), 0.5))
    #expect(
      close(
        Formulas.achievedFraction(base: 0.2, current: 0.5, level: 1, lowerIsBetter: false), 0.375))
    #expect(
      Formulas.achievedFraction(base: 0.2, current: 0.5, level: 0.1, lowerIsBetter: false) == nil)
  }
}
