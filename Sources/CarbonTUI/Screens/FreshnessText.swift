import CarbonKit
import CarbonText

/// How old the data on screen are, for the header: "data through 2024-11, operations.csv
/// written 3 h ago"; with `[monitor] stale_after` exceeded, the word STALE in the warning
/// colour. The age moves with the header clock (once a minute), never on its own.
enum FreshnessText {
  /// True when the newest write is older than the dataset's `stale_after`.
  static func isStale(_ s: UIState, _ r: Report) -> Bool {
    guard let w = s.newestWrite, s.now > 0 else { return false }
    return Freshness.isStale(written: w.time, now: s.now, staleAfter: r.staleAfterSeconds)
  }

  /// The longest form that fits in `room` cells, from "data through 2024-11, operations.csv
  /// written 3 h ago" down to "3 h ago" (with STALE first when stale, which is kept even when
  /// nothing else fits); empty when nothing is known.
  static func segments(_ s: UIState, _ r: Report, room: Int) -> [Segment] {
    let stale = isStale(s, r)
    var forms: [String] = []
    // The header's left part already says "FY2026 through 2026-02" when there is room.
    let saidLeft = r.inProgressFY != nil && s.asOf == nil && s.size.width >= 100
    let through = saidLeft ? nil : r.dataThrough.map { "data through \($0)" }
    if let w = s.newestWrite, s.now > 0 {
      let age = Freshness.age(s.now - w.time)
      let file = Sanitize.text(w.file)
      if let through { forms.append("\(through), \(file) written \(age)") }
      forms += ["\(file) written \(age)", "written \(age)", age]
    } else if let through {
      forms.append(through)
    }
    let word = stale ? "STALE " : ""
    for f in forms where CellWidth.of(word + f) + 2 <= room {
      return (stale ? [.text(word, .bad)] : []) + [.text(f + "  ", stale ? .warn : .muted)]
    }
    return stale ? [.text("STALE  ", .bad)] : []
  }
}
