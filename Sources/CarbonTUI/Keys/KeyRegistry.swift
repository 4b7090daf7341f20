import CarbonTOML
import CarbonTerminal
import CarbonText

/// Where a binding applies: everywhere, or only on one screen (where it wins over the
/// global bindings of the same key).
public enum KeyContext: String, Hashable, Sendable, CaseIterable {
  case global
  /// The scenario editor screen.
  case scenarioEditor = "scenario_editor"

  /// The heading of the context's section in the help (nil for global).
  public var helpHeading: String? {
    switch self {
    case .global: return nil
    case .scenarioEditor: return "in the scenario editor:"
    }
  }
}

/// One entry of the key registry: drives dispatch and the help overlay.
public struct KeyBinding: Hashable, Sendable {
  /// The action's name in keys.toml (`quit`, `year_prev`).
  public var name: String
  public var keys: [Key]
  public var description: String
  public var action: KeyAction
  /// Where the binding applies.
  public var context: KeyContext

  public init(
    action: KeyAction, keys: [Key], description: String, context: KeyContext = .global
  ) {
    self.name = action.rawValue
    self.keys = keys
    self.description = description
    self.action = action
    self.context = context
  }
}

/// The one key registry (k9s' model): every action with its keys and description. Dispatch
/// (`action(for:)`) and the `?` help are both generated from it, and it can be remapped from
/// keys.toml (`[keys] quit = ["q", "Ctrl-c"]`).
public struct KeyRegistry: Hashable, Sendable {
  public private(set) var entries: [KeyBinding]

  public init(entries: [KeyBinding]) { self.entries = entries }

  /// The default bindings.
  public static let standard = KeyRegistry(entries: [
    KeyBinding(
      action: .help, keys: [.char("?"), .function(1)], description: "show or hide this help"),
    KeyBinding(action: .quit, keys: [.char("q"), .ctrl("c")], description: "quit"),
    KeyBinding(action: .zoom1, keys: [.char("1")], description: "zoom: own operations"),
    KeyBinding(action: .zoom2, keys: [.char("2")], description: "zoom: value-chain intensity"),
    KeyBinding(action: .zoom3, keys: [.char("3")], description: "zoom: Scope 3+ avoided"),
    KeyBinding(action: .zoomFocused, keys: [.enter], description: "zoom the focused panel"),
    KeyBinding(
      action: .back, keys: [.escape, .backspace], description: "back to the previous screen"),
    KeyBinding(
      action: .focusNext, keys: [.tab, .right], description: "focus the next panel or table"),
    KeyBinding(
      action: .focusPrev, keys: [.backTab, .left], description: "focus the previous panel or table"),
    KeyBinding(
      action: .yearPrev, keys: [.char("[")], description: "view as of the previous fiscal year"),
    KeyBinding(
      action: .yearNext, keys: [.char("]")], description: "view as of the next fiscal year"),
    KeyBinding(
      action: .entityNext, keys: [.char("e")], description: "entity filter: all, then each entity"),
    KeyBinding(
      action: .basisToggle, keys: [.char("b")], description: "Scope 2 basis: market / location"),
    KeyBinding(action: .themeNext, keys: [.char("t")], description: "next theme"),
    KeyBinding(action: .targets, keys: [.char("T")], description: "every target with its status"),
    KeyBinding(
      action: .diagnostics, keys: [.char("D")], description: "diagnostics (warnings and errors)"),
    KeyBinding(
      action: .drillDown, keys: [.char("d")], description: "source rows behind the figure or row"),
    KeyBinding(
      action: .scenarioEditor, keys: [.char("s")],
      description: "scenario editor: what-if levers and projected outcomes"),
    KeyBinding(
      action: .compare, keys: [.char("c")], description: "compare baseline and scenario"),
    KeyBinding(action: .scrollUp, keys: [.up, .char("k")], description: "select the row above"),
    KeyBinding(
      action: .scrollDown, keys: [.down, .char("j")], description: "select the row below"),
    KeyBinding(action: .pageUp, keys: [.pageUp], description: "page up"),
    KeyBinding(action: .pageDown, keys: [.pageDown, .char(" ")], description: "page down"),
    KeyBinding(action: .home, keys: [.home, .char("g")], description: "first row"),
    KeyBinding(action: .end, keys: [.end, .char("G")], description: "last row"),
    KeyBinding(
      action: .scenarioIncrease, keys: [.right, .char("l"), .char("+")],
      description: "raise the selected lever by a step", context: .scenarioEditor),
    KeyBinding(
      action: .scenarioDecrease, keys: [.left, .char("h")],
      description: "lower the selected lever by a step", context: .scenarioEditor),
    KeyBinding(
      action: .scenarioIncreaseFine, keys: [.shiftRight, .char(">")],
      description: "raise by a fine step (1/10)", context: .scenarioEditor),
    KeyBinding(
      action: .scenarioDecreaseFine, keys: [.shiftLeft, .char("<")],
      description: "lower by a fine step (1/10)", context: .scenarioEditor),
    KeyBinding(
      action: .scenarioType, keys: [.enter, .char("=")],
      description: "type a value (digits, - and . start typing too)", context: .scenarioEditor),
    KeyBinding(
      action: .scenarioReset, keys: [.char("r")],
      description: "reset the selected lever to its default", context: .scenarioEditor),
    KeyBinding(
      action: .scenarioResetAll, keys: [.char("R")],
      description: "reset every lever to its default", context: .scenarioEditor),
    KeyBinding(
      action: .scenarioSave, keys: [.char("w")],
      description: "save the scenario as scenarios/NAME.toml", context: .scenarioEditor),
    KeyBinding(
      action: .scenarioOpen, keys: [.char("o")], description: "open a saved scenario",
      context: .scenarioEditor),
  ])

  /// The global action bound to a key, if any.
  public func action(for key: Key) -> KeyAction? {
    entries.first { $0.context == .global && $0.keys.contains(key) }?.action
  }

  /// The action bound to a key in a context: the context's own binding, else the global one.
  public func action(for key: Key, in context: KeyContext) -> KeyAction? {
    entries.first { $0.context == context && $0.keys.contains(key) }?.action
      ?? action(for: key)
  }

  /// The action bound to a key by a context's own bindings only (nil for other keys).
  public func contextAction(for key: Key, in context: KeyContext) -> KeyAction? {
    entries.first { $0.context == context && $0.keys.contains(key) }?.action
  }

  /// The keys bound to an action.
  public func keys(for action: KeyAction) -> [Key] {
    entries.first { $0.action == action }?.keys ?? []
  }

  /// The first key of an action as shown in hints (`?`), or nil when unbound.
  public func hint(_ action: KeyAction) -> String? {
    keys(for: action).first.map(KeyNames.name)
  }

  /// The help lines: `keys  description`, one per action, in registry order; the global
  /// actions first, then each context's under a heading line (empty keys).
  public func helpLines() -> [(keys: String, description: String)] {
    var out: [(keys: String, description: String)] = []
    for context in KeyContext.allCases {
      let list = entries.filter { $0.context == context }
      guard !list.isEmpty else { continue }
      if let h = context.helpHeading { out.append(("", h)) }
      for e in list {
        out.append(
          (
            e.keys.isEmpty ? "(unbound)" : e.keys.map(KeyNames.name).joined(separator: " "),
            e.description
          ))
      }
    }
    return out
  }

  /// The registry as a Markdown table (for README.md and docs/keys.md, kept in sync by a
  /// test): keys, the action's name in keys.toml, and what it does; context sections follow
  /// the global keys.
  public func markdownTable() -> String {
    var out = ""
    for context in KeyContext.allCases {
      let list = entries.filter { $0.context == context }
      guard !list.isEmpty else { continue }
      if let h = context.helpHeading {
        let heading = h.prefix(1).uppercased() + h.dropFirst().dropLast()
        out += "\n\(heading) (these bindings apply on that screen only):\n\n"
      }
      out += "| keys | action | what it does |\n|---|---|---|\n"
      for e in list {
        let keys =
          e.keys.isEmpty
          ? "(unbound)" : e.keys.map { "`\(KeyNames.name($0))`" }.joined(separator: " ")
        out +=
          "| \(keys.replacing("|", with: "\\|")) | `\(e.name)` | \(e.description) |\n"
      }
    }
    return out
  }

  /// Rebinds an action to keys; the keys are taken away from any other action of the same
  /// context (a context binding shadows a global one only on its screen).
  public mutating func bind(_ action: KeyAction, to keys: [Key]) {
    guard let context = entries.first(where: { $0.action == action })?.context else { return }
    for i in entries.indices where entries[i].action != action && entries[i].context == context {
      entries[i].keys.removeAll { keys.contains($0) }
    }
    if let i = entries.firstIndex(where: { $0.action == action }) { entries[i].keys = keys }
  }

  /// This registry with the `[keys]` table of a keys.toml applied. Each problem is a message
  /// naming the line or action; valid entries still apply, invalid ones keep their defaults.
  public func applying(tomlText: String, file: String = "keys.toml") -> (KeyRegistry, [String]) {
    var reg = self
    var errors: [String] = []
    let table: TOMLTable
    do {
      table = try TOML.parse(tomlText)
    } catch {
      return (self, ["\(file):\(error.position): error: \(Sanitize.text(error.message))"])
    }
    /// `file:line:column` of a position.
    func at(_ p: TOMLPosition?) -> String { p.map { "\(file):\($0)" } ?? file }
    for key in table.keys where key != "keys" {
      errors.append(
        "\(at(table.position(of: key))): warning: unknown table or key \"\(Sanitize.text(key))\" (expected [keys])"
      )
    }
    guard let keysValue = table["keys"] else { return (self, errors) }
    guard let keys = keysValue.table else {
      return (
        self,
        errors + ["\(at(table.valuePosition(of: "keys"))): error: keys: expected a table [keys]"]
      )
    }
    for name in keys.keys.sorted() {
      let shown = Sanitize.text(name)
      let file = at(keys.position(of: name))
      guard let action = KeyAction(rawValue: name) else {
        var msg = "\(file): error: keys.\(shown): unknown action"
        if let near = KeyRegistry.closest(name, among: KeyAction.allCases.map(\.rawValue)) {
          msg += " (did you mean \"\(near)\"?)"
        }
        errors.append(
          msg + "; actions are: " + KeyAction.allCases.map(\.rawValue).joined(separator: ", "))
        continue
      }
      var names: [String] = []
      if let s = keys[name]?.string {
        names = [s]
      } else if let arr = keys[name]?.array {
        var ok = true
        for v in arr {
          if let s = v.string { names.append(s) } else { ok = false }
        }
        if !ok {
          errors.append(
            "\(file): error: keys.\(shown): expected key names as strings, e.g. [\"q\", \"Ctrl-c\"]"
          )
          continue
        }
      } else {
        errors.append("\(file): error: keys.\(shown): expected a key name or a list of key names")
        continue
      }
      var parsed: [Key] = []
      var bad = false
      for n in names {
        if let k = KeyNames.parse(n) {
          if !parsed.contains(k) { parsed.append(k) }
        } else {
          errors.append(
            "\(file): error: keys.\(shown): unknown key \"\(Sanitize.text(n))\" (use a character, Ctrl-x, F1-F24, Enter, Esc, Tab, Shift-Tab, Up, Down, Left, Right, Home, End, PageUp, PageDown, Space, Backspace, Delete)"
          )
          bad = true
        }
      }
      if bad { continue }
      reg.bind(action, to: parsed)
    }
    return (reg, errors)
  }

  /// The candidate nearest to `word` by edit distance, when close enough to suggest.
  static func closest(_ word: String, among candidates: [String]) -> String? {
    func distance(_ a: [Character], _ b: [Character]) -> Int {
      if a.isEmpty { return b.count }
      if b.isEmpty { return a.count }
      var prev = Array(0...b.count)
      for i in 1...a.count {
        var cur = [i] + [Int](repeating: 0, count: b.count)
        for j in 1...b.count {
          cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        prev = cur
      }
      return prev[b.count]
    }
    let w = Array(word.lowercased())
    let best = candidates.map { ($0, distance(w, Array($0))) }.min { $0.1 < $1.1 }
    guard let best, best.1 <= max(2, w.count / 3) else { return nil }
    return best.0
  }
}
