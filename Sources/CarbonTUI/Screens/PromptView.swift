import CarbonKit
import CarbonText

/// The lines drawn over the bottom of any screen: the alert line (until acknowledged), and
/// the prompt (`/` filter, `:` palette with its best matches above it).
enum PromptView {
  /// "ALERT 12:03:04 ops-neutral: ON TRACK -> BEHIND (+1 more)  a:acknowledge  A:alerts",
  /// on the line above the status bar while alerts are not acknowledged.
  static func alertLine(_ s: UIState, on c: Canvas) {
    guard s.alertsPending > 0, let last = s.alerts.last, !s.tooSmall, s.prompt == nil else {
      return
    }
    let y = s.size.height - 2
    let more = s.alertsPending > 1 ? " (+\(s.alertsPending - 1) more)" : ""
    var keys: [String] = []
    if let a = s.keys.hint(.alertAcknowledge) { keys.append("\(a):acknowledge") }
    if let a = s.keys.hint(.alerts) { keys.append("\(a):alerts") }
    c.fill(Rect(x: 0, y: y, width: s.size.width, height: 1), role: .statusBar)
    let used = c.text(0, y, " ALERT ", role: .bad, maxWidth: s.size.width)
    let text =
      "\(last.time) \(Sanitize.text(last.change.text))\(more)  " + keys.joined(separator: "  ")
    c.text(used, y, text, role: .warn, maxWidth: s.size.width - used)
  }

  /// The prompt on the status bar's line; the palette's matches in a box above it.
  static func draw(_ s: UIState, report: Report, context: UpdateContext, on c: Canvas) {
    guard let p = s.prompt, !s.tooSmall else { return }
    let y = s.size.height - 1
    let w = s.size.width
    c.fill(Rect(x: 0, y: y, width: w, height: 1), role: .statusBar)
    let lead = p.kind == .filter ? "/" : ":"
    let hint =
      p.kind == .filter
      ? "  (! first: rows without it; Enter keeps, Esc clears)"
      : "  (Enter runs, Up/Down choose, Esc closes)"
    let used = c.text(0, y, lead + Sanitize.text(p.text) + "_", role: .title, maxWidth: w)
    c.text(used, y, hint, role: .muted, maxWidth: max(0, w - used))
    guard p.kind == .palette else { return }
    let matches = Palette.matches(p.text, Palette.items(s, context))
    let rows = min(matches.count, max(0, s.size.height - 4), 10)
    guard rows > 0 else { return }
    let boxW = min(w, 80)
    let box = Rect(x: 0, y: y - rows - 2, width: boxW, height: rows + 2)
    c.fill(box, role: .background)
    let inner = PanelBox(title: "palette", focused: true, note: "\(matches.count) matches").draw(
      in: box, on: c)
    let sel = min(p.selection, matches.count - 1)
    let first = max(0, sel - rows + 1)
    for i in 0..<rows where first + i < matches.count {
      let m = matches[first + i]
      c.text(
        inner.x, inner.y + i, Sanitize.text(m.label), role: first + i == sel ? .selection : .text,
        maxWidth: inner.width)
    }
  }
}
