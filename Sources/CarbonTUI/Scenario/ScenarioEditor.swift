import CarbonKit
import CarbonTerminal

/// The scenario editor's part of `update`: the input line, the editor's own key bindings
/// (the `scenarioEditor` context of the registry), and navigation on the editor, the list of
/// saved scenarios and the compare screen. Pure, like `update`.
public enum ScenarioEditor {
  /// A key handled before the global registry, or nil to let the registry dispatch it: every
  /// key while the input line is open; the editor's own bindings; digits, `-` and `.`, which
  /// start typing a value.
  static func key(_ key: Key, _ state: UIState, _ context: UpdateContext) -> (
    UIState, [AppCommand]
  )? {
    guard !state.showHelp, state.screen == .scenarioEditor else { return nil }
    if state.input != nil { return inputKey(key, state) }
    if let a = state.keys.contextAction(for: key, in: .scenarioEditor) {
      return editorAction(a, state, context)
    }
    if case .char(let c) = key, c.isASCII, c.isNumber || c == "-" || c == "." {
      var s = state
      s.input = ScenarioInput(purpose: .value(selectedLever(s)), text: String(c))
      return (s, [])
    }
    return nil
  }

  /// The lever under the selection.
  static func selectedLever(_ s: UIState) -> Lever {
    let all = Lever.allCases
    return all[min(max(0, s.leverSelection), all.count - 1)]
  }

  /// The lever's value in effect: as set in the editor, else the Report's (the default).
  static func value(_ l: Lever, _ s: UIState, _ r: Report) -> Double? {
    s.scenarioLevers[l] ?? (r.scenario.levers[l] ?? nil) ?? (r.scenario.defaults[l] ?? nil)
  }

  /// The lever's default from history, nil when it cannot be computed.
  static func defaultValue(_ l: Lever, _ r: Report) -> Double? { r.scenario.defaults[l] ?? nil }

  static func editorAction(_ a: KeyAction, _ state: UIState, _ context: UpdateContext) -> (
    UIState, [AppCommand]
  ) {
    var s = state
    let l = selectedLever(s)
    let r = context.report
    switch a {
    case .scenarioIncrease, .scenarioDecrease, .scenarioIncreaseFine, .scenarioDecreaseFine:
      let current = value(l, s, r) ?? 0
      let fine = a == .scenarioIncreaseFine || a == .scenarioDecreaseFine
      let step = ScenarioLevers.step(l, default: defaultValue(l, r) ?? current, fine: fine)
      let up = a == .scenarioIncrease || a == .scenarioIncreaseFine
      let next = ScenarioLevers.clamp(l, current + (up ? step : -step))
      // At the end of the range: nothing changes, nothing is sent.
      if next == current { return (s, []) }
      return set(l, next, s)
    case .scenarioType:
      s.input = ScenarioInput(purpose: .value(l))
    case .scenarioReset:
      guard s.scenarioLevers.removeValue(forKey: l) != nil else { return (s, []) }
      s.scenarioModified = true
      return (s, [.setScenario(s.currentScenario)])
    case .scenarioResetAll:
      guard !s.scenarioLevers.isEmpty else { return (s, []) }
      s.scenarioLevers = [:]
      s.scenarioModified = true
      return (s, [.setScenario(s.currentScenario)])
    case .scenarioSave:
      s.input = ScenarioInput(purpose: .saveName, text: s.scenarioName ?? "")
    case .scenarioOpen:
      openScreen(.scenarioList, &s)
      return (s, [.listScenarios])
    default:
      break
    }
    return (s, [])
  }

  /// Sets a lever explicitly; a change emits `setScenario` with every lever set.
  static func set(_ l: Lever, _ v: Double, _ state: UIState) -> (UIState, [AppCommand]) {
    var s = state
    guard s.scenarioLevers[l] != v else { return (s, []) }
    s.scenarioLevers[l] = v
    s.scenarioModified = true
    return (s, [.setScenario(s.currentScenario)])
  }

  /// What became of a save the app carried out (`saveScenario`, `replaceScenario`).
  public enum SaveOutcome: Hashable, Sendable {
    /// Written; the file's name and the time, for the message.
    case saved(file: String, clock: String)
    /// The file exists and replacing it was not asked for: ask.
    case exists
    /// Not written; why, in full.
    case failed(String)
  }

  /// The state after a save of `scenario`: saved (not modified any more), a question before
  /// replacing an existing file, or the name line open again with the whole reason under it
  /// (wrapped, never cut).
  public static func saved(_ state: UIState, _ scenario: Scenario, _ outcome: SaveOutcome)
    -> UIState
  {
    var s = state
    switch outcome {
    case .saved(let file, let clock):
      s.scenarioName = scenario.name
      s.scenarioModified = false
      s.input = nil
      s.statusMessage = "saved \(file) \(clock)"
    case .exists:
      s.scenarioModified = true
      s.input = ScenarioInput(purpose: .confirmReplace(scenario))
    case .failed(let why):
      s.scenarioModified = true
      s.input = ScenarioInput(
        purpose: .saveName, text: scenario.name, error: "cannot save: " + why)
      s.statusMessage = "cannot save the scenario (the reason is in the editor)"
    }
    return s
  }

  /// A key while the input line is open: characters edit it, Enter takes it, Esc cancels.
  static func inputKey(_ key: Key, _ state: UIState) -> (UIState, [AppCommand]) {
    var s = state
    guard var input = s.input else { return (s, []) }
    if case .confirmReplace(let scenario) = input.purpose {
      // y replaces; n, Esc and Enter (the safe answer) keep the file.
      switch key {
      case .char("y"), .char("Y"):
        s.input = nil
        s.scenarioName = scenario.name
        return (s, [.replaceScenario(scenario)])
      case .char("n"), .char("N"), .escape, .enter:
        s.input = nil
        s.statusMessage = "not saved: scenarios/\(scenario.name).toml kept"
        return (s, [])
      case .ctrl("c"):
        return (s, [.quit])
      default:
        return (s, [])
      }
    }
    switch key {
    case .escape:
      s.input = nil
      return (s, [])
    case .ctrl("c"):
      return (s, [.quit])
    case .ctrl("u"):
      input.text = ""
      input.error = nil
    case .backspace, .delete:
      if !input.text.isEmpty { input.text.removeLast() }
      input.error = nil
    case .char(let c):
      guard
        !c.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
      else { return (s, []) }
      if input.text.count < ScenarioInput.maxLength { input.text.append(c) }
      input.error = nil
    case .enter:
      return commit(input, s)
    default:
      return (s, [])
    }
    s.input = input
    return (s, [])
  }

  /// Enter on the input line: a valid value sets the lever, a valid name saves; otherwise the
  /// line stays open with the reason. An empty value line just closes.
  static func commit(_ input: ScenarioInput, _ state: UIState) -> (UIState, [AppCommand]) {
    var s = state
    switch input.purpose {
    case .value(let l):
      if input.text.allSatisfy({ $0 == " " }) {
        s.input = nil
        return (s, [])
      }
      switch ScenarioLevers.parse(input.text, for: l) {
      case .success(let v):
        s.input = nil
        return set(l, v, s)
      case .failure(let e):
        s.input?.error = e.message
        return (s, [])
      }
    case .confirmReplace:
      return (s, [])
    case .saveName:
      if let problem = ScenarioName.problem(input.text) {
        s.input?.error = problem
        return (s, [])
      }
      s.input = nil
      s.scenarioName = input.text
      s.scenarioModified = false
      return (s, [.saveScenario(s.currentScenario)])
    }
  }

  /// Navigation on the scenario screens, or nil to let `perform` handle the action.
  static func perform(_ action: KeyAction, _ state: UIState, _ context: UpdateContext) -> (
    UIState, [AppCommand]
  )? {
    var s = state
    func moved(_ i: Int, _ n: Int) -> Int? {
      let page = 10
      switch action {
      case .scrollUp: return max(0, i - 1)
      case .scrollDown: return min(max(0, n - 1), i + 1)
      case .pageUp: return max(0, i - page)
      case .pageDown: return min(max(0, n - 1), i + page)
      case .home: return 0
      case .end: return max(0, n - 1)
      default: return nil
      }
    }
    switch s.screen {
    case .scenarioEditor:
      if let i = moved(s.leverSelection, Lever.allCases.count) {
        s.leverSelection = i
        return (s, [])
      }
      if action == .focusNext || action == .focusPrev || action == .zoomFocused
        || action == .drillDown
      {
        return (s, [])
      }
      return nil
    case .scenarioList:
      let names = s.savedScenarios
      if let i = moved(s.selection, names.count) {
        s.selection = i
        return (s, [])
      }
      switch action {
      case .zoomFocused, .drillDown, .scenarioOpen:
        guard s.selection < names.count else { return (s, []) }
        let name = names[s.selection]
        backScreen(&s)
        return (s, [.openScenario(name)])
      case .focusNext, .focusPrev: return (s, [])
      default: return nil
      }
    case .compare:
      let n = CompareView.yearRows(report: context.report, baseline: s.baseline, state: s).count
      let visible = CompareView.yearTableVisible(s, report: context.report)
      let maxScroll = max(0, n - visible)
      if let i = moved(s.scroll, n) {
        s.scroll = min(i, maxScroll)
        return (s, [])
      }
      if action == .focusNext || action == .focusPrev || action == .zoomFocused
        || action == .drillDown
      {
        return (s, [])
      }
      return nil
    default:
      return nil
    }
  }
}
