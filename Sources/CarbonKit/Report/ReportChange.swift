/// What a reload changed that someone should hear about: a target's status (ON TRACK ->
/// BEHIND), or a file turning broken (more errors than in the data shown). One change per
/// target or file per reload, none when nothing changed. The dashboard's alerts and
/// `carbontop check --watch --on-change` both take them from here (docs/live-data.md).
public struct ReportChange: Hashable, Sendable {
  public enum Kind: Hashable, Sendable {
    /// A target's status moved.
    case status(target: String, title: String, from: TargetStatus?, to: TargetStatus?)
    /// A file has errors it did not have in the data shown.
    case broken(file: String, errors: Int)
  }
  public var kind: Kind

  public init(_ kind: Kind) { self.kind = kind }

  /// The status changes between two reports, in the new report's target order. A target
  /// that appears or goes away counts as a change (from or to nil).
  public static func statuses(from old: Report, to new: Report) -> [ReportChange] {
    let before = Dictionary(old.targets.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    var seen = Set<String>()
    var out: [ReportChange] = []
    for t in new.targets where seen.insert(t.id).inserted {
      let was = before[t.id]?.status
      guard was != t.status else { continue }
      out.append(ReportChange(.status(target: t.id, title: t.title, from: was, to: t.status)))
    }
    for t in old.targets where !seen.contains(t.id) && seen.insert(t.id).inserted {
      out.append(ReportChange(.status(target: t.id, title: t.title, from: t.status, to: nil)))
    }
    return out
  }

  /// Files with more errors now than before (error counts per file), sorted by UTF-8 bytes.
  public static func broken(before: [String: Int], now: [String: Int]) -> [ReportChange] {
    now.filter { $0.value > (before[$0.key] ?? 0) }
      .sorted { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
      .map { ReportChange(.broken(file: $0.key, errors: $0.value)) }
  }

  /// The status as the dashboard and the report say it: "ON TRACK", "BEHIND", "NO DATA".
  public static func word(_ s: TargetStatus?) -> String {
    switch s {
    case .achieved: return "ACHIEVED"
    case .onTrack: return "ON TRACK"
    case .behind: return "BEHIND"
    case .noData: return "NO DATA"
    case nil: return "GONE"
    }
  }

  /// One line: "net-zero-ops: ON TRACK -> BEHIND", "operations.csv: 2 errors (broken)".
  public var text: String {
    switch kind {
    case .status(let id, _, let from, let to):
      return "\(id): \(ReportChange.word(from)) -> \(ReportChange.word(to))"
    case .broken(let file, let n):
      return "\(file): \(n) error\(n == 1 ? "" : "s") (broken; the last good data stay)"
    }
  }

  /// The changes as JSON, for `--on-change` commands: {"time": ..., "changes": [{"kind":
  /// "status", "target": ..., "title": ..., "from": "on_track", "to": "behind"} or {"kind":
  /// "broken", "file": ..., "errors": N}]}.
  public static func json(_ changes: [ReportChange], time: String) -> String {
    let items: [JSONValue] = changes.map { c in
      switch c.kind {
      case .status(let id, let title, let from, let to):
        return .object([
          ("kind", .string("status")), ("target", .string(id)), ("title", .string(title)),
          ("from", .str(from?.rawValue)), ("to", .str(to?.rawValue)),
        ])
      case .broken(let file, let n):
        return .object([("kind", .string("broken")), ("file", .string(file)), ("errors", .int(n))])
      }
    }
    return JSONValue.object([("time", .string(time)), ("changes", .array(items))])
      .serialized(pretty: false) + "\n"
  }
}
