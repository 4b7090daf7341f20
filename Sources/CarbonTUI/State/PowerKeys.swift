import CarbonKit
import CarbonTerminal

/// The power user's keyboard, part of `update`: the prompt line (`/` filter, `:` palette),
/// matches (`n`/`N`), the sort key and the alerts' keys. Pure, like `update`.
enum PowerKeys {
  /// A key while the prompt is open: typing, Backspace, Enter, Esc, and Up/Down in the
  /// palette. Every key goes to the prompt.
  static func promptKey(_ key: Key, _ state: UIState, _ context: UpdateContext) -> (
    UIState, [AppCommand]
  ) {
    var s = state
    guard var p = s.prompt else { return (s, []) }
    switch key {
    case .escape:
      s.prompt = nil
      if p.kind == .filter { clearFilter(&s) }
      return (s, [])
    case .enter:
      s.prompt = nil
      if p.kind == .palette {
        let matches = Palette.matches(p.text, Palette.items(s, context))
        guard !matches.isEmpty else { return (s, []) }
        return Palette.run(matches[min(p.selection, matches.count - 1)].command, s, context)
      }
      return (s, [])
    case .backspace, .delete:
      if p.text.isEmpty {
        s.prompt = nil
        if p.kind == .filter { clearFilter(&s) }
        return (s, [])
      }
      p.text.removeLast()
    case .up:
      p.selection = max(0, p.selection - 1)
      s.prompt = p
      return (s, [])
    case .down, .tab:
      p.selection += 1
      s.prompt = p
      return (s, [])
    case .char(let c):
      guard !c.isNewline, c.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F })
      else { return (s, []) }
      p.text.append(c)
    default:
      return (s, [])
    }
    p.selection = 0
    s.prompt = p
    if p.kind == .filter { applyFilter(p.text, &s) }
    return (s, [])
  }

  /// The filter as typed so far, applied at once; the selection goes to the first row.
  static func applyFilter(_ typed: String, _ s: inout UIState) {
    let f = TableFilter(typed: typed)
    s.filter = f.text.isEmpty && !f.inverted ? nil : f
    s.selection = 0
    s.scroll = 0
  }

  static func clearFilter(_ s: inout UIState) {
    s.filter = nil
    s.selection = 0
    s.scroll = 0
  }

  /// True on screens with a table to filter and sort.
  static func hasTable(_ s: UIState) -> Bool {
    switch s.screen {
    case .overview, .scenarioEditor, .scenarioList, .compare: return false
    default: return true
    }
  }

  /// `/`: the filter prompt (on the overview, over the targets screen: its only table).
  static func openFilter(_ state: UIState) -> UIState {
    var s = state
    if !hasTable(s) {
      guard s.screen == .overview else { return s }
      openScreen(.targets, &s)
    }
    s.prompt = Prompt(kind: .filter, text: s.filter?.typed ?? "")
    return s
  }

  /// `n` / `N`: the next or previous row of the (filtered) table, wrapping around.
  static func nextMatch(_ state: UIState, rows: Int, forward: Bool) -> UIState {
    var s = state
    guard s.filter != nil, rows > 0 else { return s }
    s.selection = (s.selection + (forward ? 1 : rows - 1)) % rows
    return s
  }

  /// `S`: the next sort of the active table.
  static func cycleSort(_ state: UIState, columns: Int) -> UIState {
    var s = state
    guard hasTable(s) else { return s }
    s.sort = TableSort.next(after: s.sort, columns: columns)
    s.selection = 0
    s.scroll = 0
    return s
  }
}
