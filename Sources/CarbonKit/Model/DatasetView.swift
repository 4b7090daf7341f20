/// How the dashboard looks at a dataset: as of an earlier fiscal year, for one entity, on
/// one Scope 2 basis. Applying a view gives another Dataset, so every figure still comes
/// from the one ReportBuilder that `carbontop report` uses.
public struct DatasetView: Hashable, Sendable {
  /// Only data of fiscal years up to this one (nil: everything).
  public var asOf: FiscalYear?
  /// Only this entity's rows (nil: all entities).
  public var entity: String?
  /// The Scope 2 basis of every neutrality, absolute and net_zero target (nil: each target's own).
  public var basis: Scope2Basis?

  public init(asOf: FiscalYear? = nil, entity: String? = nil, basis: Scope2Basis? = nil) {
    self.asOf = asOf
    self.entity = entity
    self.basis = basis
  }

  /// True when the view changes nothing.
  public var isIdentity: Bool { asOf == nil && entity == nil && basis == nil }
}

extension Dataset {
  /// The dataset as the view sees it. With `asOf`, rows of later fiscal years and ledger
  /// groups, year totals and months after it are dropped, so completeness, L and every
  /// status are judged as they stood then. With `entity`, only that entity's rows count
  /// (targets keep their own entity rule on top). Diagnostics are kept as they are.
  public func viewed(_ view: DatasetView) -> Dataset {
    if view.isIdentity { return self }
    var d = self
    let cal = organization.calendar
    func keep(_ period: Period, _ entity: String) -> Bool {
      if let e = view.entity, e != entity { return false }
      if let fy = view.asOf, period.fiscalYear(in: cal) > fy { return false }
      return true
    }
    d.operations = operations?.filter { keep($0.period, $0.entity) }
    d.valueChain = valueChain?.filter { keep($0.period, $0.entity) }
    d.revenue = revenue?.filter { keep($0.period, $0.entity) }
    d.avoided = avoided?.filter { keep($0.period, $0.entity) }
    d.activity = activity?.filter { keep($0.period, $0.entity) }
    if var ledger = ledger {
      ledger.groups = ledger.groups.filter { g in
        (view.entity == nil || g.entity == view.entity)
          && (view.asOf.map { g.fiscalYear <= $0 } ?? true)
      }
      if let e = view.entity {
        // Year totals over one entity: sums and events add up; distinct participants across
        // the entity's programs cannot be recovered from per-program counts, so the year
        // total keeps the largest program count as a lower bound.
        var totals: [FiscalYear: EventGroup] = [:]
        for g in ledger.groups where g.entity == e {
          var t =
            totals[g.fiscalYear]
            ?? EventGroup(
              fiscalYear: g.fiscalYear, entity: "*", program: "*", milliKg: 0, events: 0,
              participants: 0)
          t.milliKg += g.milliKg
          t.events += g.events
          t.participants = max(t.participants, g.participants)
          totals[g.fiscalYear] = t
        }
        ledger.yearTotals = totals.values.sorted { $0.fiscalYear < $1.fiscalYear }
      }
      if let fy = view.asOf {
        ledger.yearTotals = ledger.yearTotals.filter { $0.fiscalYear <= fy }
        ledger.months = ledger.months.filter { cal.fiscalYear(of: $0) <= fy }
      }
      d.ledger = ledger
    }
    if let basis = view.basis {
      d.targets = targets.map { t in
        var t = t
        if t.kind == .neutrality || t.kind == .absolute || t.kind == .netZero {
          t.scope2Basis = basis
        }
        return t
      }
    }
    return d
  }
}
