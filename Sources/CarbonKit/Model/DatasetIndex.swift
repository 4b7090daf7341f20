import CarbonText

/// The rows of a Dataset indexed once by fiscal year and entity, so that every target's sums
/// cost (years x entities), never a scan over rows per year.
struct DatasetIndex: Sendable {
  struct ProgramKey: Hashable, Sendable {
    var entity: String
    var program: String
  }
  struct ProgramFigures: Sendable {
    var avoided: Double?
    var events: Int?
    var participants: Int?
  }

  /// fy -> entity -> figures
  var byYear: [Int: [String: Figures]] = [:]
  /// fy -> (entity, program) -> figures
  var programs: [Int: [ProgramKey: ProgramFigures]] = [:]

  init(_ d: Dataset) {
    let cal = d.organization.calendar
    func with(_ p: Period, _ entity: String, _ f: (inout Figures) -> Void) {
      let fy = p.fiscalYear(in: cal).year
      f(&byYear[fy, default: [:]][entity, default: Figures()])
    }
    for r in d.operations ?? [] { with(r.period, r.entity) { $0.add(r) } }
    for r in d.valueChain ?? [] { with(r.period, r.entity) { $0.add(r) } }
    for r in d.revenue ?? [] { with(r.period, r.entity) { Figures.add(&$0.revenue, r.revenue) } }
    for r in d.avoided ?? [] {
      with(r.period, r.entity) {
        Figures.add(&$0.avoided, r.avoided)
        if r.verified { Figures.add(&$0.avoidedVerified, r.avoided) }
      }
      let fy = r.period.fiscalYear(in: cal).year
      let k = ProgramKey(entity: r.entity, program: r.program)
      var pf = programs[fy, default: [:]][k] ?? ProgramFigures()
      Figures.add(&pf.avoided, r.avoided)
      programs[fy, default: [:]][k] = pf
    }
    for g in d.ledger?.groups ?? [] {
      let fy = g.fiscalYear.year
      Figures.add(&byYear[fy, default: [:]][g.entity, default: Figures()].avoided, g.tco2e)
      let k = ProgramKey(entity: g.entity, program: g.program)
      var pf = programs[fy, default: [:]][k] ?? ProgramFigures()
      Figures.add(&pf.avoided, g.tco2e)
      pf.events = (pf.events ?? 0) + g.events
      pf.participants = (pf.participants ?? 0) + g.participants
      programs[fy, default: [:]][k] = pf
    }
  }

  /// The figures of a fiscal year over the entities a target covers.
  func figures(_ fy: FiscalYear, entity: String?) -> Figures {
    guard let ents = byYear[fy.year] else { return Figures() }
    if let entity { return ents[entity] ?? Figures() }
    var total = Figures()
    // Sum in a fixed order so results do not depend on dictionary order.
    for name in ents.keys.sorted(by: ByteOrder.less) {
      if let f = ents[name] { total.merge(f) }
    }
    return total
  }
}
