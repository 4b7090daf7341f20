import CarbonKit
import CarbonTerminal
import Testing

@testable import CarbonTUI

/// No number reaches a screen coordinate unclamped (issue 11, item 1): a projection far above a
/// chart's ceiling used to make `Int(_:)` trap (SIGILL, exit 132) on valid data. Every chart and
/// formatter is tried with 0, negatives, 1e300, infinities and NaN, and random reports with
/// random magnitudes are rendered at random sizes.
@Suite struct ExtremeValueTests {
  static let extremes: [Double] = [
    0, -0.0, -1, -1e300, 1e-300, 1e300, -1e15, 1e15, .greatestFiniteMagnitude,
    -.greatestFiniteMagnitude, .infinity, -.infinity, .nan,
  ]

  @Test func screenIndexClamps() {
    #expect(screenIndex(3.4, in: 0...9) == 3)
    #expect(screenIndex(3.6, in: 0...9) == 4)
    #expect(screenIndex(-1e300, in: 0...9) == 0)
    #expect(screenIndex(1e300, in: 0...9) == 9)
    #expect(screenIndex(.infinity, in: 0...9) == 9)
    #expect(screenIndex(-.infinity, in: 2...9) == 2)
    #expect(screenIndex(.nan, in: 2...9) == 2)
    #expect(screenIndex(9.3e18, in: 0...Int.max) == Int.max)
  }

  /// The first report of the defect: a 2,000x y range capped at the ceiling puts the last
  /// projected point (fy = (ceiling - 1e300) / span x (rows - 1)) far outside Int's range.
  @Test(arguments: [GlyphSet.unicode, GlyphSet.ascii])
  func chartWithAPointFarAboveTheCeiling(_ glyphs: GlyphSet) {
    let history = ChartSeries(
      kind: .history, points: [ChartPoint(x: 2021, y: 0.001), ChartPoint(x: 2025, y: 1e6)])
    let projection = ChartSeries(
      kind: .projection, points: [ChartPoint(x: 2025, y: 1e6), ChartPoint(x: 2050, y: 1e300)])
    let chart = LineChart(
      series: [history, projection], yLabel: { Units.tonnes($0) }, xLabels: ("FY2021", "FY2050"),
      yCeiling: 1.2e6)
    let t = TestTerminal(width: 40, height: 10, unicode: glyphs == .unicode)
    let c = Canvas(terminal: t, palette: DefaultPalette(), glyphs: glyphs)
    chart.draw(in: Rect(x: 0, y: 0, width: 40, height: 10), on: c)
    // Top label is the ceiling 1.2e6 t = 1.20 Mt; the runaway point is drawn on the top row,
    // at the right edge.
    #expect(t.line(0).hasPrefix("1.20 Mt"))
    #expect(t.line(0).last != " ")
  }

  @Test func chartsSurviveEveryExtremeValue() {
    for a in Self.extremes {
      for b in Self.extremes {
        let s = [
          ChartSeries(
            kind: .history,
            points: [
              ChartPoint(x: 2020, y: a), ChartPoint(x: 2021, y: b), ChartPoint(x: 2022, y: 1),
            ]
          ),
          ChartSeries(kind: .projection, points: [ChartPoint(x: a, y: 1), ChartPoint(x: b, y: a)]),
          ChartSeries(kind: .path, points: [ChartPoint(x: 2020, y: b), ChartPoint(x: 2030, y: a)]),
        ]
        for ceiling in [nil, a, b, 1] as [Double?] {
          for glyphs in [GlyphSet.unicode, GlyphSet.ascii] {
            let t = TestTerminal(width: 30, height: 8)
            let c = Canvas(terminal: t, palette: DefaultPalette(), glyphs: glyphs)
            LineChart(
              series: s, yLabel: { Units.tonnes($0) }, xLabels: ("a", "b"), yCeiling: ceiling
            )
            .draw(in: Rect(x: 0, y: 0, width: 30, height: 8), on: c)
          }
        }
        for mode in [GlyphSet.ChartMode.braille, .block, .ascii] {
          let grid = LineChart.rasterize(
            s, xRange: 2020...2030, yRange: 0...1, width: 7, height: 3, mode: mode,
            glyphs: .unicode)
          #expect(grid.count == 3)
        }
      }
    }
  }

  @Test func gaugesAndBarsSurviveEveryExtremeValue() {
    for v in Self.extremes {
      for width in [0, 1, 7] {
        let (f, e) = Gauge.parts(fraction: v, width: width, glyphs: .unicode)
        // The gauge always fills exactly its width: full + partial + empty = width cells.
        #expect(f.count + e.count == width)
      }
      let t = TestTerminal(width: 40, height: 4)
      let c = Canvas(terminal: t, palette: DefaultPalette(), glyphs: .unicode)
      BarList(items: [
        .init(label: "a", value: v, text: Units.tonnes(v)),
        .init(label: "b", value: 1, text: "1"),
        .init(label: "c", value: .infinity, text: "x"),
      ]).draw(in: Rect(x: 0, y: 0, width: 40, height: 4), on: c)
      Gauge(fraction: v).draw(x: 0, y: 3, width: 10, on: c)
    }
  }

  /// Very large values print in an exponent form, never as a 97-digit "Gt" figure.
  @Test func formattersOnExtremes() {
    #expect(Units.tonnes(0) == "0.00 t")
    #expect(Units.tonnes(-1) == "-1.00 t")
    // 999e12 t / 1e9 = 999,000 Gt, still below 10^15 t.
    #expect(Units.tonnes(999e12) == "999000.0 Gt")
    #expect(Units.tonnes(1e15) == "1.00e15 t")
    #expect(Units.tonnes(2.5e18) == "2.50e18 t")
    #expect(Units.tonnes(1e106) == "1.00e106 t")
    #expect(Units.tonnes(-1e300) == "-1.00e300 t")
    #expect(Units.tonnes(.infinity) == "-")
    #expect(Units.tonnes(.nan) == "-")
    #expect(Units.percent(1e300) == "1.00e302%")
    #expect(Units.percent(.greatestFiniteMagnitude) == "-")
    #expect(Units.percent(-2) == "-200.0%")
    #expect(Units.number(1e20) == "1.00e20")
    #expect(Units.number(-12345.6) == "-12,346")
    #expect(Units.fixed(1e300, decimals: 2) == "1.00e300")
    #expect(Units.exponent(1.999e15) == "2.00e15")
    #expect(Units.percent(1e300, signed: true) == "+1.00e302%")
    #expect(Units.intensity(-1e300) == "-1.00e300")
    #expect(Units.count(Int.max) == "9.22e18")
    #expect(ScenarioLevers.format(.removalsPerYear, 1e300) == "1.00e300")
    #expect(ScenarioLevers.format(.removalsPerYear, 120_500) == "120,500")
    #expect(ScenarioLevers.format(.avoidedGrowth, 1e300) == "+1.00e302%")
    #expect(ScenarioLevers.format(.scope1Change, -0.0000001) == "+0.00%")
    #expect(ScenarioLevers.format(.scope1Change, -0.025) == "-2.50%")
    for v in Self.extremes {
      let outputs =
        [
          Units.tonnes(v), Units.percent(v), Units.percent(v, signed: true), Units.number(v),
          Units.fixed(v, decimals: 2), Units.intensity(v), TUIFormat.raw(v),
        ] + Lever.allCases.map { ScenarioLevers.format($0, v) }
      for s in outputs { #expect(s.count <= 20, "\(v): \(s)") }
    }
  }

  // MARK: - Whole reports

  /// The first reproduction: avoided emissions growing from 0.001 t to 1,000,000 t over
  /// four years, with a 2050 target: the projection at 2050 is 10^6 x (10^9)^(25/4)... far
  /// beyond Double's range.
  @Test func avoidedGrowthToAMillionTonnes() {
    var rows: [AvoidedRow] = []
    for (i, v) in [0.001, 1.0, 1e3, 1e6].enumerated() {
      rows.append(
        AvoidedRow(
          period: .fiscalYear(FiscalYear(2022 + i)), entity: "E", program: "p", avoided: v,
          source: SourceRef(file: "avoided.csv", line: i + 2)))
    }
    let d = Dataset(
      organization: Organization(name: "Org"),
      targets: [
        Target(
          id: "av", kind: .avoided, baseline: FiscalYear(2022), by: FiscalYear(2050),
          amountTCO2e: 1e9)
      ], avoided: rows)
    for scenario in [nil, Scenario(name: "s", levers: [.avoidedGrowth: 10])] as [Scenario?] {
      let report = ReportBuilder.build(dataset: d, scenario: scenario)
      for screen in Self.screens {
        var s = Fixtures.state(100, 30)
        s.screen = screen
        _ = Fixtures.draw(s, report: report, dataset: d)
      }
    }
  }

  static let screens: [Screen] = [
    .overview, .zoom(.operational), .zoom(.valueChain), .zoom(.scope3plus), .targets,
    .diagnostics, .scenarioEditor, .compare, .drillDown(.avoided(FiscalYear(2025))),
    .drillDown(.operations(FiscalYear(2024))),
  ]

  /// Property: random datasets (values from 0 and negatives to 1e300, random scenario levers
  /// within their ranges) give reports that every screen renders at random sizes, without a
  /// trap. Deterministic: a fixed seed.
  @Test func randomReportsAtRandomSizes() {
    var rng = SplitMix64(seed: 0x11)
    for _ in 0..<30 {
      let d = RandomDataset.make(&rng)
      var levers: [Lever: Double] = [:]
      for lever in Lever.allCases where rng.next() % 2 == 0 {
        let r = lever.range
        let pick = rng.next() % 4
        levers[lever] =
          pick == 0
          ? r.upperBound
          : pick == 1
            ? r.lowerBound : r.lowerBound + (r.upperBound - r.lowerBound) * rng.unit()
      }
      let scenario = levers.isEmpty ? nil : Scenario(name: "random", levers: levers)
      let entity = rng.next() % 3 == 0 ? "E1" : nil
      let viewed = d.viewed(DatasetView(entity: entity))
      let report = ReportBuilder.build(dataset: viewed, scenario: scenario)
      let baseline = ReportBuilder.build(dataset: viewed, scenario: nil)
      for screen in Self.screens {
        let w = Int(rng.next() % 220)
        let h = Int(rng.next() % 70)
        var s = Fixtures.state(w, h)
        s.screen = screen
        s.baseline = baseline
        s.scenarioLevers = levers
        s.scenarioName = scenario?.name
        s.entity = entity
        let t = Fixtures.draw(s, report: report, dataset: d, unicode: rng.next() % 2 == 0)
        // Nothing wider than the terminal and no control character was drawn.
        #expect(!t.text.unicodeScalars.contains { $0.value == 0x1B })
      }
    }
  }
}

/// A small deterministic generator (SplitMix64).
struct SplitMix64 {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  /// A Double in [0, 1).
  mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}

/// Random datasets of the three headline targets, with random magnitudes.
enum RandomDataset {
  /// 0, a negative, a tiny or a huge value, or nil.
  static func magnitude(_ rng: inout SplitMix64) -> Double? {
    switch rng.next() % 8 {
    case 0: return nil
    case 1: return 0
    case 2: return -Double(rng.next() % 1000)
    case 3: return 1e300
    default:
      let exponent = Double(Int(rng.next() % 330) - 20)
      return (1 + rng.unit() * 9) * pow10(exponent)
    }
  }

  static func pow10(_ e: Double) -> Double {
    var v = 1.0
    let n = Int(abs(e))
    for _ in 0..<n { v = e < 0 ? v / 10 : v * 10 }
    return v
  }

  static func make(_ rng: inout SplitMix64) -> Dataset {
    let first = 2015 + Int(rng.next() % 8)
    let last = first + 1 + Int(rng.next() % 6)
    let by = last + 1 + Int(rng.next() % 40)
    var ops: [OperationsRow] = []
    var vc: [ValueChainRow] = []
    var rev: [RevenueRow] = []
    var av: [AvoidedRow] = []
    var line = 2
    for y in first...last {
      for entity in ["E1", "E2"] {
        let p = Period.fiscalYear(FiscalYear(y))
        var o = OperationsRow(
          period: p, entity: entity, scope1: magnitude(&rng),
          source: SourceRef(file: "operations.csv", line: line))
        o.scope2Market = magnitude(&rng)
        o.scope2Location = magnitude(&rng)
        o.removals = magnitude(&rng)
        o.offsets = magnitude(&rng)
        o.electricityMWh = magnitude(&rng)
        o.cleanElectricityMWh = magnitude(&rng)
        ops.append(o)
        vc.append(
          ValueChainRow(
            period: p, entity: entity, category: 1 + Int(rng.next() % 15),
            tco2e: magnitude(&rng), source: SourceRef(file: "value_chain.csv", line: line)))
        rev.append(
          RevenueRow(
            period: p, entity: entity, revenue: magnitude(&rng),
            source: SourceRef(file: "revenue.csv", line: line)))
        av.append(
          AvoidedRow(
            period: p, entity: entity, program: "p", avoided: magnitude(&rng),
            source: SourceRef(file: "avoided.csv", line: line)))
        line += 1
      }
    }
    let targets = [
      Target(
        id: "ops", kind: .neutrality, scopes: [.one, .two], baseline: FiscalYear(first),
        by: FiscalYear(by)),
      Target(
        id: "vc", kind: .intensity, scopes: [.three], baseline: FiscalYear(first),
        by: FiscalYear(by), reduction: 0.5),
      Target(
        id: "av", kind: .avoided, baseline: FiscalYear(first), by: FiscalYear(by),
        amountTCO2e: magnitude(&rng).map { abs($0) + 1 } ?? 1e9),
    ]
    return Dataset(
      organization: Organization(name: "Random"), targets: targets, operations: ops,
      valueChain: vc, revenue: rev, avoided: av)
  }
}
