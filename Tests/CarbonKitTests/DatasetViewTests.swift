import CarbonKit
import Testing

/// The dashboard's view options: as-of year, entity filter, Scope 2 basis.
@Suite struct DatasetViewTests {
  func sample() -> Dataset {
    var d = Dataset(organization: Organization(name: "Acme"))
    d.targets = [
      Target(id: "n", kind: .neutrality, scopes: [.one, .two], baseline: fy(2020), by: fy(2030))
    ]
    d.operations = [
      OperationsRow(
        period: annual(2020), entity: "A", scope1: 10, scope2Location: 20, scope2Market: 30,
        source: src("operations.csv", 2)),
      OperationsRow(
        period: annual(2021), entity: "A", scope1: 8, scope2Location: 20, scope2Market: 25,
        source: src("operations.csv", 3)),
      OperationsRow(
        period: annual(2021), entity: "B", scope1: 1, scope2Location: 2, scope2Market: 3,
        source: src("operations.csv", 4)),
    ]
    d.ledger = LedgerSummary(
      groups: [
        EventGroup(
          fiscalYear: fy(2020), entity: "A", program: "p", milliKg: 1000, events: 1, participants: 1
        ),
        EventGroup(
          fiscalYear: fy(2021), entity: "A", program: "p", milliKg: 2000, events: 2, participants: 2
        ),
        EventGroup(
          fiscalYear: fy(2021), entity: "B", program: "q", milliKg: 5000, events: 3, participants: 3
        ),
      ],
      yearTotals: [
        EventGroup(
          fiscalYear: fy(2020), entity: "*", program: "*", milliKg: 1000, events: 1, participants: 1
        ),
        EventGroup(
          fiscalYear: fy(2021), entity: "*", program: "*", milliKg: 7000, events: 5, participants: 4
        ),
      ],
      months: [YearMonth(year: 2020, month: 12), YearMonth(year: 2021, month: 12)])
    return d
  }

  @Test func identityChangesNothing() {
    #expect(sample().viewed(DatasetView()) == sample())
  }

  @Test func asOfDropsLaterYears() {
    let v = sample().viewed(DatasetView(asOf: fy(2020)))
    #expect(v.operations?.count == 1)
    #expect(v.ledger?.groups.count == 1)
    #expect(v.ledger?.yearTotals.map(\.fiscalYear) == [fy(2020)])
    #expect(v.ledger?.months == [YearMonth(year: 2020, month: 12)])
    // As of FY2020, the latest complete year is FY2020: Net = 10 + 30 = 40 (market basis).
    let r = ReportBuilder.build(dataset: v, scenario: nil)
    #expect(r.latestCompleteFY == fy(2020))
    #expect(r.operational?.years.last?.net == 40)
  }

  @Test func entityKeepsOnlyItsRows() {
    let v = sample().viewed(DatasetView(entity: "B"))
    #expect(v.operations?.map(\.entity) == ["B"])
    #expect(v.ledger?.groups.map(\.program) == ["q"])
    // Year totals over B alone: FY2021 5,000 milli-kg in 3 events.
    #expect(v.ledger?.yearTotals.map(\.milliKg) == [5000])
    #expect(v.ledger?.yearTotals.map(\.events) == [3])
  }

  @Test func basisOverridesNeutralityTargets() {
    let v = sample().viewed(DatasetView(basis: .location))
    #expect(v.targets.first?.scope2Basis == .location)
    // FY2021 net on the location basis: A 8 + 20, B 1 + 2 = 31 (market would be 8+25+1+3 = 37).
    let r = ReportBuilder.build(dataset: v, scenario: nil)
    #expect(r.operational?.years.last?.net == 31)
    let m = ReportBuilder.build(dataset: sample(), scenario: nil)
    #expect(m.operational?.years.last?.net == 37)
  }
}
