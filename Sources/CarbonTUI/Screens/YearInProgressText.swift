import CarbonKit

/// The year in progress in a panel: one line beside the latest complete year ("FY2026 YTD
/// through 2026-02 56.8 kt  vs FY2025 YTD +3.2% +1.80 kt  run-rate 85.1 kt vs path 48.4 kt")
/// and the chart's two markers. Every figure is the Report's (`Report.yearInProgress`).
enum YearInProgressText {
  /// The panel's figure of the year in progress (nil when there is none, or a year cursor is
  /// set: the view is then as of a complete year).
  static func figure(_ p: PanelID, _ r: Report, _ s: UIState) -> (
    YearInProgress, YearInProgress.Figure
  )? {
    guard s.asOf == nil, let y = r.yearInProgress else { return nil }
    let f: YearInProgress.Figure?
    switch p {
    case .operational: f = y.operational
    case .valueChain: f = y.valueChain
    case .scope3plus: f = y.scope3plus
    }
    guard let f, f.ytd != nil else { return nil }
    return (y, f)
  }

  /// The lines (the year to date with its change on the previous year's same months; the
  /// run-rate against the path), or nil without a year in progress.
  static func lines(_ p: PanelID, _ r: Report, _ s: UIState, unit: String = "") -> [[Segment]] {
    guard let (y, f) = figure(p, r, s) else { return [] }
    let isIntensity = p == .valueChain
    func fmt(_ v: Double?) -> String {
      isIntensity ? Units.intensity(v) + (unit.isEmpty ? "" : " " + unit) : Units.tonnes(v)
    }
    func signed(_ v: Double?) -> String {
      guard let v, v.isFinite else { return "-" }
      let t = isIntensity ? Units.intensity(v) : Units.tonnes(v)
      return v >= 0 ? "+" + t : t
    }
    var first: [Segment] = [
      .text("\(y.fy) YTD through \(y.through) ", .muted),
      PanelModels.figure(fmt(f.ytd), .yearToDate(p), s),
    ]
    if f.priorYTD != nil {
      first += [
        .text(" " + Units.percent(f.changeShare, signed: true) + " " + signed(f.change), .text),
        .text(" vs \(y.fy - 1) YTD", .muted),
      ]
    } else {
      first += [.text("  vs \(y.fy - 1) YTD: -", .muted)]
    }
    var second: [Segment]
    switch p {
    case .scope3plus:
      second = [
        .text("run-rate ", .muted), .text(fmt(f.runRate), .text),
        .text(" needs ", .muted), .text(fmt(f.path) + "/yr", .text),
      ]
    case .operational:
      second = [
        .text("run-rate ", .muted), .text(fmt(f.runRate), .text),
        .text(" vs path ", .muted), .text(fmt(f.path), .text),
      ]
    case .valueChain:
      second = [.text("YTD vs path ", .muted), .text(fmt(f.path), .text)]
    }
    if let d = f.runRateVsPath {
      // Avoided: above what is needed is good; emissions and intensity: below the path.
      let ahead = p == .scope3plus ? d >= 0 : d <= 0
      second += [.text(": " + signed(d), ahead ? .good : .warn)]
    }
    return [first, second]
  }

  /// The chart's markers: the year to date and the run-rate at the year in progress.
  static func series(_ p: PanelID, _ r: Report, _ s: UIState, cumulativeBefore: Double? = nil)
    -> [ChartSeries]
  {
    guard let (y, f) = figure(p, r, s) else { return [] }
    let x = Double(y.fy.year)
    // The avoided chart draws the cumulative: the markers sit on it.
    let base = cumulativeBefore ?? 0
    var out = [ChartSeries(kind: .yearToDate, points: [.init(x: x, y: f.ytd.map { $0 + base })])]
    if let rr = f.runRate, rr != f.ytd {
      out.append(ChartSeries(kind: .runRate, points: [.init(x: x, y: rr + base)]))
    }
    return out
  }
}
