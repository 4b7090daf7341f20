import CarbonKit

/// The command palette (`:`): every action of the key registry, every target, entity and
/// fiscal year, found by fuzzy matching what is typed (":cloud" finds Alibaba Cloud's target).
enum Palette {
  enum Command: Hashable, Sendable {
    case action(KeyAction)
    /// Open the targets screen on a target (its index in the Report).
    case target(Int)
    /// Set the entity filter (nil = all entities).
    case entity(String?)
    /// View as of a fiscal year (nil = the latest).
    case year(FiscalYear?)
  }

  struct Item: Hashable, Sendable {
    var label: String
    var command: Command
  }

  /// Every item, in the order ties are broken: targets, entities, fiscal years, actions.
  static func items(_ s: UIState, _ context: UpdateContext) -> [Item] {
    var out: [Item] = []
    for (i, t) in context.report.targets.enumerated() {
      let entity = t.entity == "*" ? "" : " (" + t.entity + ")"
      out.append(Item(label: "target \(t.id): \(t.title)\(entity)", command: .target(i)))
    }
    out.append(Item(label: "entity: all entities", command: .entity(nil)))
    for e in context.entities { out.append(Item(label: "entity \(e)", command: .entity(e))) }
    let years = context.years
    for (i, y) in years.enumerated().reversed() {
      let latest = i == years.count - 1
      out.append(
        Item(label: "year \(y)" + (latest ? " (latest)" : ""), command: .year(latest ? nil : y)))
    }
    for b in s.keys.entries where b.context == .global && b.action != .palette {
      out.append(Item(label: "\(b.name): \(b.description)", command: .action(b.action)))
    }
    return out
  }

  /// The score of a label for a query (higher is better), nil when it does not match: the
  /// query's characters must appear in order (case-insensitive); a contiguous run scores
  /// more than scattered letters, and a match at a word's start more.
  static func score(_ query: String, _ label: String) -> Int? {
    let q = Array(query.lowercased())
    guard !q.isEmpty else { return 0 }
    let l = Array(label.lowercased())
    if let at = substring(q, in: l) {
      let wordStart = at == 0 || !(l[at - 1].isLetter || l[at - 1].isNumber)
      return 1000 + (wordStart ? 100 : 0)
    }
    var score = 0
    var i = 0
    var previous = -2
    for (j, c) in l.enumerated() where i < q.count && c == q[i] {
      score += j == previous + 1 ? 10 : 1
      if j == 0 || !(l[j - 1].isLetter || l[j - 1].isNumber) { score += 5 }
      previous = j
      i += 1
    }
    return i == q.count ? score : nil
  }

  static func substring(_ q: [Character], in l: [Character]) -> Int? {
    guard q.count <= l.count else { return nil }
    for start in 0...(l.count - q.count) where Array(l[start..<(start + q.count)]) == q {
      return start
    }
    return nil
  }

  /// The matching items, best first (ties keep the items' order).
  static func matches(_ query: String, _ items: [Item]) -> [Item] {
    items.enumerated().compactMap { i, item in score(query, item.label).map { (i, $0, item) } }
      .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
      .map(\.2)
  }

  /// Carries out a chosen item.
  static func run(_ command: Command, _ state: UIState, _ context: UpdateContext) -> (
    UIState, [AppCommand]
  ) {
    var s = state
    switch command {
    case .action(let a):
      return perform(a, s, context)
    case .target(let i):
      if s.screen != .targets { openScreen(.targets, &s) }
      s.table = 0
      s.filter = nil
      s.sort = nil
      s.selection = i
      s.scroll = TableView.clampedScroll(
        scroll: 0, selected: i, rowCount: context.report.targets.count, visible: pageSize(s))
      return (s, [])
    case .entity(let e):
      guard e != s.entity else { return (s, []) }
      s.entity = e
      return (s, [.recompute(asOf: s.asOf, entity: s.entity, basis: s.basis)])
    case .year(let y):
      guard y != s.asOf else { return (s, []) }
      s.asOf = y
      return (s, [.recompute(asOf: s.asOf, entity: s.entity, basis: s.basis)])
    }
  }
}
