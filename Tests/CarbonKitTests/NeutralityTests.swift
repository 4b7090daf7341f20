import Testing

@testable import CarbonKit

/// opsDataset() (Helpers.swift), worked by hand:
/// FY2020: A S1 100, S2 loc 300 / mkt 200; B S1 50, S2 loc 100 only (serves market too: 1 fallback).
///   S1 = 150, S2mkt = 300, S2loc = 400, Gross(mkt) = 450 = Net(b).
/// FY2024: A S1 90, loc 280, mkt 150, removals 10, offsets 20, abatement 5; B scope1_2 120.
///   Gross(mkt) = 90 + 150 + 120 = 360; Net = 360 - 10 - 20 = 330.
///   Path(2024) = 450 x (2030 - 2024) / (2030 - 2020) = 270 -> behind, gap 60.
///   Required cut = 330 / 6 = 55.
/// FY2025: A 2025-03 only (in progress through 2025-03, 3 months): S1 30, mkt 40 (fallback).
@Suite struct NeutralityTests {
  @Test func behindWithGapPathAndCut() throws {
    let r = ReportBuilder.build(dataset: opsDataset(), scenario: nil)
    let t = try #require(r.targets.first)
    #expect(t.latestFY == fy(2024))
    #expect(t.status == .behind)
    #expect(close(t.gap, 60))
    let o = try #require(r.operational)
    #expect(close(o.pathNetAtLatest, 270))
    #expect(close(o.requiredCutPerYear, 55))
    #expect(o.years.map(\.fy) == (2020...2025).map(fy))
    let y20 = o.years[0]
    #expect(close(y20.scope1, 150))
    #expect(close(y20.scope2Market, 300))
    #expect(close(y20.scope2Location, 400))
    #expect(y20.scope2FallbackRows == 1)
    #expect(close(y20.net, 450))
    #expect(y20.removals == nil)  // not reported: shown as null, counted as none
    let y24 = o.years[4]
    #expect(close(y24.gross, 360))
    #expect(close(y24.net, 330))
    #expect(y24.splitNotReported)
    // Offsets share 20 / 360; offsets 20 > removals 10 + abatement 5 -> warning.
    #expect(close(y24.offsetsShare, 20.0 / 360))
    #expect(y24.offsetsWarning)
    // PUE (1.2 x 1000 + 1.4 x 3000) / 4000 = 1.35; clean (500 + 1500) / 4000 = 0.5.
    #expect(close(y24.pue, 1.35))
    #expect(close(y24.cleanElectricityShare, 0.5))
    // Years without data are null.
    #expect(o.years[1].net == nil && o.years[1].complete == false)
    // In progress FY2025: YTD net 30 + 40 = 70, 3 months -> run-rate 280.
    let y25 = o.years[5]
    #expect(y25.complete == false)
    #expect(close(y25.net, 70))
    #expect(y25.monthsCovered == 3)
    #expect(close(y25.netRunRate, 280))
    #expect(r.inProgressFY == fy(2025))
    #expect(r.inProgressThrough == YearMonth(year: 2025, month: 3))
    #expect(r.latestCompleteFY == fy(2024))
  }

  @Test func locationBasisUsesScope12Too() throws {
    // Gross(loc) FY2024 = 90 + 280 + 120 = 490; net 460. FY2020: 150 + 400 = 550.
    // Path = 550 x 0.6 = 330 -> behind, gap 130.
    let r = ReportBuilder.build(dataset: opsDataset(basis: .location), scenario: nil)
    #expect(close(r.operational?.years[4].gross, 490))
    #expect(r.targets[0].status == .behind)
    #expect(close(r.targets[0].gap, 130))
  }

  @Test func onTrackAndAchieved() {
    var d = opsDataset()
    // Offsets 20 -> 80: net 270 = path 270 -> on track (<=).
    d.operations?[2].offsets = 80
    var r = ReportBuilder.build(dataset: d, scenario: nil)
    #expect(r.targets[0].status == .onTrack)
    #expect(r.targets[0].gap == nil)
    // Offsets 400: net 360 - 10 - 400 = -50 -> achieved, required cut 0.
    d.operations?[2].offsets = 400
    r = ReportBuilder.build(dataset: d, scenario: nil)
    #expect(r.targets[0].status == .achieved)
    #expect(r.operational?.requiredCutPerYear == 0)
    // Offsets not counted (offsets = false): net 360 - 10 = 350 -> behind, gap 80.
    d.targets[0].offsets = false
    r = ReportBuilder.build(dataset: d, scenario: nil)
    #expect(r.targets[0].status == .behind)
    #expect(close(r.targets[0].gap, 80))
  }

  @Test func noDataWithoutBaseline() {
    var d = opsDataset()
    d.targets[0].baseline = fy(2019)
    let r = ReportBuilder.build(dataset: d, scenario: nil)
    #expect(r.targets[0].status == .noData)
    #expect(r.targets[0].latestFY == fy(2024))
  }

  @Test func grossNeedsEveryScope() {
    // Scopes 1, 2, 3 with no value_chain.csv: Gross and Net are null every year -> no L.
    var d = opsDataset()
    d.targets[0].scopes = [.one, .two, .three]
    let r = ReportBuilder.build(dataset: d, scenario: nil)
    #expect(r.operational?.years.allSatisfy { $0.net == nil } == true)
    #expect(r.targets[0].latestFY == nil)
    #expect(r.targets[0].status == .noData)
  }

  @Test func pueFallsBackToPlainMean() {
    var d = opsDataset()
    d.operations?[3].electricityMWh = nil
    // (1.2 + 1.4) / 2 = 1.3
    let r = ReportBuilder.build(dataset: d, scenario: nil)
    #expect(close(r.operational?.years[4].pue, 1.3))
  }

  @Test func entityTargetOnItsOwnEntities() throws {
    // Entity A alone: Net(2020) = 100 + 200 = 300; Net(2024) = 90 + 150 - 10 - 20 = 210.
    // Path(2024) = 300 x 6 / 10 = 180 -> behind, gap 30.
    let a = Target(
      id: "a", kind: .neutrality, scopes: [.one, .two], entity: "A", baseline: fy(2020),
      by: fy(2030))
    let r = ReportBuilder.build(dataset: opsDataset(extraTargets: [a]), scenario: nil)
    let t = try #require(r.targets.last)
    #expect(t.entity == "A")
    #expect(close(t.actualAtLatest, 210))
    #expect(close(t.pathAtLatest, 180))
    #expect(close(t.gap, 30))
    #expect(r.operational?.targetID == "ops")
  }
}
