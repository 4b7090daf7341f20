import CarbonKit
import CarbonTerminal
import Testing

@testable import CarbonTUI

@Suite struct ScenarioEditorTests {
  let ctx = ScenarioFixtures.context()

  func press(_ s: UIState, _ k: Key) -> (UIState, [AppCommand]) { update(s, .key(k), ctx) }

  /// Presses keys in order, collecting every command.
  func keys(_ s: UIState, _ ks: [Key]) -> (UIState, [AppCommand]) {
    var st = s
    var all: [AppCommand] = []
    for k in ks {
      let (n, c) = press(st, k)
      st = n
      all += c
    }
    return (st, all)
  }

  func typed(_ text: String) -> [Key] { text.map { Key.char($0) } }

  /// The single setScenario command's levers, or nil.
  func levers(_ cmds: [AppCommand]) -> [Lever: Double]? {
    guard cmds.count == 1, case .setScenario(let sc) = cmds[0] else { return nil }
    return sc.levers
  }

  func close(_ a: Double?, _ b: Double) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= 1e-12 * max(1, abs(b))
  }

  @Test func sOpensTheEditorWithoutACommand() {
    let (s, cmds) = press(Fixtures.state(80, 24), .char("s"))
    #expect(s.screen == .scenarioEditor)
    #expect(cmds.isEmpty)
    #expect(s.history == [.overview])
    let (back, _) = press(s, .escape)
    #expect(back.screen == .overview)
  }

  @Test func selectionMoves() {
    var s = ScenarioFixtures.state()
    s = press(s, .up).0
    #expect(s.leverSelection == 0)
    s = keys(s, [.down, .down, .char("j")]).0
    #expect(s.leverSelection == 3)
    #expect(ScenarioEditor.selectedLever(s) == .cleanShareTarget)
    s = press(s, .char("k")).0
    #expect(s.leverSelection == 2)
    s = press(s, .end).0
    #expect(s.leverSelection == 8)
    s = press(s, .down).0
    #expect(s.leverSelection == 8)
    s = press(s, .home).0
    #expect(s.leverSelection == 0)
  }

  @Test func stepsRates() {
    let s = ScenarioFixtures.state()
    // Scope 1 change: default -3.17%/yr; step 0.5 pp: -0.0317 + 0.005 = -0.0267.
    var (n, cmds) = press(s, .right)
    #expect(close(levers(cmds)?[.scope1Change], -0.0267))
    #expect(levers(cmds)?.count == 1)
    #expect(n.scenarioModified)
    // Again: -0.0267 + 0.005 = -0.0217.
    (n, cmds) = press(n, .right)
    #expect(close(levers(cmds)?[.scope1Change], -0.0217))
    // Left from the default: -0.0317 - 0.005 = -0.0367.
    (n, cmds) = press(s, .left)
    #expect(close(levers(cmds)?[.scope1Change], -0.0367))
    // Fine: a tenth, 0.05 pp: -0.0317 + 0.0005 = -0.0312; -0.0317 - 0.0005 = -0.0322.
    (n, cmds) = press(s, .shiftRight)
    #expect(close(levers(cmds)?[.scope1Change], -0.0312))
    (n, cmds) = press(s, .shiftLeft)
    #expect(close(levers(cmds)?[.scope1Change], -0.0322))
    // Scope 3 change has no default (cannot be computed): steps from 0 -> +0.5%.
    var s3 = s
    s3.leverSelection = 7
    (n, cmds) = press(s3, .right)
    #expect(close(levers(cmds)?[.scope3Change], 0.005))
  }

  @Test func stepsCleanShareAndTonnes() {
    var s = ScenarioFixtures.state()
    s.leverSelection = 3
    // Clean share: 52% + 1 pp = 53%; fine 52% + 0.1 pp = 52.1%.
    #expect(close(levers(press(s, .right).1)?[.cleanShareTarget], 0.53))
    #expect(close(levers(press(s, .shiftRight).1)?[.cleanShareTarget], 0.521))
    // At 100% the share stops: 99.5% + 1 pp -> 100%, then nothing more is sent.
    s.scenarioLevers[.cleanShareTarget] = 0.995
    let (top, cmds) = press(s, .right)
    #expect(close(levers(cmds)?[.cleanShareTarget], 1.0))
    #expect(press(top, .right).1.isEmpty)
    // Removals: default 120,000 t; 5% = 6,000 -> the round step below is 5,000 t.
    var r = ScenarioFixtures.state()
    r.leverSelection = 4
    #expect(close(levers(press(r, .right).1)?[.removalsPerYear], 125_000))
    #expect(close(levers(press(r, .left).1)?[.removalsPerYear], 115_000))
    // Fine: 500 t.
    #expect(close(levers(press(r, .shiftRight).1)?[.removalsPerYear], 120_500))
    // Offsets: default 0 -> the minimum step, 1,000 t; below 0 nothing changes.
    var o = ScenarioFixtures.state()
    o.leverSelection = 5
    #expect(close(levers(press(o, .right).1)?[.offsetsPerYear], 1000))
    #expect(press(o, .left).1.isEmpty)
  }

  @Test func roundSteps() {
    // 5% of 2,320,000 = 116,000 -> 100,000; of 50,000 = 2,500 -> 2,000; of 1e9 = 5e7 -> 5e7.
    #expect(ScenarioLevers.step(.offsetsPerYear, default: 2_320_000) == 100_000)
    #expect(ScenarioLevers.step(.offsetsPerYear, default: 50_000) == 2_000)
    #expect(ScenarioLevers.step(.removalsPerYear, default: 1e9) == 5e7)
    #expect(ScenarioLevers.step(.removalsPerYear, default: 10_000) == 1_000)
    #expect(ScenarioLevers.step(.removalsPerYear, default: nil, fine: true) == 100)
    #expect(ScenarioLevers.step(.revenueGrowth, default: 0.06) == 0.005)
    #expect(ScenarioLevers.step(.cleanShareTarget, default: 0.5, fine: true) == 0.001)
  }

  @Test func onlyTheLeversSetAreSent() {
    var s = ScenarioFixtures.state()
    s.leverSelection = 3
    var all: [AppCommand]
    (s, all) = keys(s, [.right, .end, .left])
    // Clean share 53%; avoided growth 77.6% - 0.5 pp = 77.1%.
    #expect(all.count == 2)
    guard case .setScenario(let sc)? = all.last else {
      Issue.record("no setScenario")
      return
    }
    #expect(Set(sc.levers.keys) == [.cleanShareTarget, .avoidedGrowth])
    #expect(close(sc.levers[.avoidedGrowth], 0.771))
    #expect(sc.name == "")
  }

  @Test func typedValues() {
    var s = ScenarioFixtures.state()
    s.leverSelection = 3
    // Digits start the input line; "80" means 80%.
    var (n, cmds) = keys(s, typed("80"))
    #expect(n.input == ScenarioInput(purpose: .value(.cleanShareTarget), text: "80"))
    #expect(cmds.isEmpty)
    (n, cmds) = press(n, .enter)
    #expect(n.input == nil)
    #expect(close(levers(cmds)?[.cleanShareTarget], 0.8))
    // Enter opens an empty line; "80%" is 80% too.
    (n, cmds) = keys(s, [.enter] + typed("80%") + [.enter])
    #expect(close(levers(cmds)?[.cleanShareTarget], 0.8))
    // A rate: "-2.5" = -2.5%/yr.
    var r = ScenarioFixtures.state()
    (n, cmds) = keys(r, typed("-2.5") + [.enter])
    #expect(close(levers(cmds)?[.scope1Change], -0.025))
    // Tonnes with an exponent: 1.2e6 t.
    r.leverSelection = 4
    (n, cmds) = keys(r, [.enter] + typed("1.2e6") + [.enter])
    #expect(close(levers(cmds)?[.removalsPerYear], 1_200_000))
    // Backspace edits; Esc cancels without a command.
    (n, cmds) = keys(s, typed("85") + [.backspace] + typed("0") + [.enter])
    #expect(close(levers(cmds)?[.cleanShareTarget], 0.8))
    (n, cmds) = keys(s, typed("85") + [.escape])
    #expect(n.input == nil)
    #expect(cmds.isEmpty)
    // An empty line just closes.
    (n, cmds) = keys(s, [.enter, .enter])
    #expect(n.input == nil)
    #expect(cmds.isEmpty)
    // While typing, q is text, not quit.
    (n, cmds) = keys(s, [.enter, .char("q")])
    #expect(n.input?.text == "q")
    #expect(cmds.isEmpty)
  }

  @Test func invalidInputShowsAMessage() {
    var s = ScenarioFixtures.state()
    s.leverSelection = 3
    for bad in ["abc", "8o", "1,000", "150", "-5", "1e", "--2", ".", "nan", "inf", "0x10"] {
      let (n, cmds) = keys(s, [.enter] + typed(bad) + [.enter])
      #expect(cmds.isEmpty, "\(bad)")
      #expect(n.input?.error != nil, "\(bad)")
      #expect(n.input?.text == bad)
    }
    let (n, _) = keys(s, [.enter] + typed("150") + [.enter])
    #expect(n.input?.error?.contains("out of range") == true)
    // Typing again clears the message.
    #expect(press(n, .backspace).0.input?.error == nil)
    // Tonnes are not a percentage.
    var t = ScenarioFixtures.state()
    t.leverSelection = 4
    let (m, _) = keys(t, [.enter] + typed("5%") + [.enter])
    #expect(m.input?.error?.contains("tCO2e per year, not %") == true)
    #expect(ScenarioLevers.parse("1,000", for: .removalsPerYear).isFailure)
    #expect(ScenarioLevers.parse(" 12.5 % ", for: .revenueGrowth) == .success(0.125))
    #expect(ScenarioLevers.parse(".5", for: .revenueGrowth) == .success(0.005))
    #expect(ScenarioLevers.parse("1E+3", for: .offsetsPerYear) == .success(1000))
  }

  @Test func resetOneAndAll() {
    var s = ScenarioFixtures.state()
    s.scenarioLevers = [.scope1Change: -0.05, .cleanShareTarget: 0.8]
    // r resets the selected lever (Scope 1 change): the clean share stays set.
    var (n, cmds) = press(s, .char("r"))
    #expect(n.scenarioLevers == [.cleanShareTarget: 0.8])
    #expect(levers(cmds) == [.cleanShareTarget: 0.8])
    // r on a lever not set: nothing to send.
    #expect(press(n, .char("r")).1.isEmpty)
    // R resets all: an empty scenario (the baseline).
    (n, cmds) = press(s, .char("R"))
    #expect(n.scenarioLevers.isEmpty)
    #expect(levers(cmds) == [:])
    #expect(press(n, .char("R")).1.isEmpty)
  }

  @Test func saveValidatesTheName() {
    var s = ScenarioFixtures.state()
    s.scenarioLevers = [.cleanShareTarget: 0.8]
    s.scenarioModified = true
    var (n, cmds) = press(s, .char("w"))
    #expect(n.input == ScenarioInput(purpose: .saveName, text: ""))
    (n, cmds) = keys(n, typed("my plan") + [.enter])
    #expect(cmds.isEmpty)
    #expect(n.input?.error == "a space is not allowed in a name; use letters, digits, . _ -")
    (n, cmds) = keys(n, Array(repeating: Key.backspace, count: 5) + typed("_80.v2") + [.enter])
    #expect(n.input == nil)
    #expect(n.scenarioName == "my_80.v2")
    #expect(!n.scenarioModified)
    #expect(
      cmds == [.saveScenario(Scenario(name: "my_80.v2", levers: [.cleanShareTarget: 0.8]))])
    // The next save starts from the current name.
    #expect(press(n, .char("w")).0.input?.text == "my_80.v2")
  }

  /// Saving over an existing file asks first (issue 11): the app reports `.exists`, the
  /// editor asks, n keeps the file, y sends `replaceScenario`.
  @Test func savingOverAnExistingScenarioAsks() {
    var s = ScenarioFixtures.state()
    s.screen = .scenarioEditor
    s.scenarioLevers = [.cleanShareTarget: 0.8]
    var (n, cmds) = keys(s, [.char("w")] + typed("low") + [.enter])
    let sc = Scenario(name: "low", levers: [.cleanShareTarget: 0.8])
    #expect(cmds == [.saveScenario(sc)])
    n = ScenarioEditor.saved(n, sc, .exists)
    #expect(n.input == ScenarioInput(purpose: .confirmReplace(sc)))
    #expect(n.scenarioModified)
    let text = ScenarioFixtures.draw(n).text
    #expect(text.contains("scenarios/low.toml exists: replace it? y/N"))
    // Typing is ignored while asked; n keeps the file.
    (n, cmds) = keys(n, [.char("x")])
    #expect(cmds.isEmpty && n.input != nil)
    (n, cmds) = keys(n, [.char("n")])
    #expect(cmds.isEmpty)
    #expect(n.input == nil)
    #expect(n.statusMessage == "not saved: scenarios/low.toml kept")
    // Asked again, Enter is the safe answer (no); y replaces.
    n = ScenarioEditor.saved(n, sc, .exists)
    #expect(keys(n, [.enter]).1.isEmpty)
    (n, cmds) = keys(n, [.char("y")])
    #expect(cmds == [.replaceScenario(sc)])
    n = ScenarioEditor.saved(n, sc, .saved(file: "low.toml", clock: "12:00:00"))
    #expect(!n.scenarioModified)
    #expect(n.statusMessage == "saved low.toml 12:00:00")
  }

  /// A failed save's reason is shown whole under the name line, wrapped, not cut at the
  /// edge of the screen (it used to go to the one-line status bar, cut at 120 columns).
  @Test func failedSaveReasonIsShownWhole() {
    var s = ScenarioFixtures.state(120, 40)
    s.screen = .scenarioEditor
    let why =
      "scenarios/ leads outside the dataset (to /srv/other/place/with/a/rather/long/path/"
      + "that/goes/on/and/on/scenarios): not written; make scenarios/ a folder of the dataset"
    let sc = Scenario(name: "low")
    let n = ScenarioEditor.saved(s, sc, .failed(why))
    #expect(n.input?.purpose == .saveName)
    #expect(n.input?.text == "low")
    let t = ScenarioFixtures.draw(n)
    // Every word of "cannot save: " + reason is on screen, in order, across lines.
    let shown = t.text
    for word in ("cannot save: " + why).split(separator: " ") {
      #expect(shown.contains(word), "\(word)")
    }
    #expect(ScenarioView.wrap("aaa bb cccccc", width: 4) == ["aaa", "bb", "cccc", "cc"])
    #expect(ScenarioView.wrap("", width: 4) == [""])
  }

  @Test func nameRule() {
    #expect(ScenarioName.problem("clean80") == nil)
    #expect(ScenarioName.problem("A-z_0.9") == nil)
    // One limit: the prompt, the file writer and docs/data-format.md say 1 to 100.
    #expect(ScenarioName.maxLength == 100)
    #expect(ScenarioName.problem(String(repeating: "a", count: 100)) == nil)
    #expect(
      ScenarioName.problem(String(repeating: "a", count: 101))
        == "too long: 101 characters, at most 100")
    #expect(ScenarioName.problem(".hidden") == "a name must not start with \".\"")
    #expect(ScenarioName.problem("")?.hasPrefix("type a name") == true)
    #expect(ScenarioName.problem("a/b")?.hasPrefix("\"/\" is not allowed") == true)
    #expect(ScenarioName.problem("café")?.hasPrefix("\"é\" is not allowed") == true)
    #expect(ScenarioName.problem("x\u{1B}")?.hasPrefix("\"\u{FFFD}\" is not allowed") == true)
  }

  @Test func mouseSelectsLeversAndScrolls() {
    var s = ScenarioFixtures.state(80, 24)
    s.screen = .scenarioEditor
    // 80x24: the box is rows 1-22, its inside starts at row 2 with the lever table's header;
    // lever k is on row 3 + k (every lever fits at this size).
    for k in [5, 0, 8] {
      s = update(s, .mouse(.left, x: 10, y: 3 + k), ctx).0
      #expect(s.leverSelection == k)
      // The row clicked is the one drawn with that lever's label.
      let label = ScenarioView.label(Lever.allCases[k], ctx.report)
      #expect(ScenarioFixtures.draw(s).line(3 + k).contains(String(label.prefix(12))))
    }
    // The header, the box's border and the outcomes below do nothing.
    for y in [2, 1, 3 + Lever.allCases.count + 1] {
      #expect(update(s, .mouse(.left, x: 10, y: y), ctx).0.leverSelection == 8)
    }
    // The wheel moves the selection like Up and Down.
    s = update(s, .mouse(.wheelUp, x: 10, y: 10), ctx).0
    #expect(s.leverSelection == 7)
    s = update(s, .mouse(.wheelDown, x: 10, y: 10), ctx).0
    #expect(s.leverSelection == 8)
  }

  @Test func mouseOpensASavedScenario() {
    var s = ScenarioFixtures.state(80, 24)
    s.screen = .scenarioList
    s.history = [.overview, .scenarioEditor]
    s.savedScenarios = ["alpha", "clean80"]
    // The list's header is on row 2, "alpha" on row 3, "clean80" on row 4.
    var cmds: [AppCommand]
    (s, cmds) = update(s, .mouse(.left, x: 4, y: 4), ctx)
    #expect(s.selection == 1)
    #expect(cmds.isEmpty)
    // A click on the selected one opens it.
    (s, cmds) = update(s, .mouse(.left, x: 4, y: 4), ctx)
    #expect(cmds == [.openScenario("clean80")])
    #expect(s.screen == .scenarioEditor)
  }

  @Test func openListsAndOpens() {
    var s = ScenarioFixtures.state()
    var cmds: [AppCommand]
    (s, cmds) = press(s, .char("o"))
    #expect(s.screen == .scenarioList)
    #expect(cmds == [.listScenarios])
    s.savedScenarios = ["alpha", "clean80"]
    s = press(s, .down).0
    #expect(s.selection == 1)
    s = press(s, .down).0
    #expect(s.selection == 1)
    (s, cmds) = press(s, .enter)
    #expect(cmds == [.openScenario("clean80")])
    #expect(s.screen == .scenarioEditor)
    // The app reads the file and applies it.
    s.applyOpenedScenario(
      Scenario(name: "clean80", description: "80% clean", levers: [.cleanShareTarget: 0.8]))
    #expect(s.scenarioName == "clean80")
    #expect(s.scenarioDescription == "80% clean")
    #expect(s.scenarioLevers == [.cleanShareTarget: 0.8])
    #expect(!s.scenarioModified)
    // An empty list: Enter does nothing.
    var e = ScenarioFixtures.state()
    e.screen = .scenarioList
    #expect(press(e, .enter).1.isEmpty)
  }

  @Test func compareFromEditorAndOverview() {
    var s = ScenarioFixtures.state()
    s = press(s, .char("c")).0
    #expect(s.screen == .compare)
    // s goes back to the editor rather than stacking screens.
    s = press(s, .char("s")).0
    #expect(s.screen == .scenarioEditor)
    #expect(s.history == [.overview])
    s = press(s, .char("c")).0
    s = press(s, .escape).0
    #expect(s.screen == .scenarioEditor)
    let o = press(Fixtures.state(80, 24), .char("c")).0
    #expect(o.screen == .compare)
  }

  @Test func editorKeysOnlyInTheEditor() {
    let s = Fixtures.state(80, 24)
    // On the overview, Right still moves the focus and digits still zoom.
    #expect(press(s, .right).0.focus == .valueChain)
    #expect(press(s, .char("2")).0.screen == .zoom(.valueChain))
    #expect(press(s, .char("r")).1.isEmpty)
    // Other global keys work in the editor.
    let e = ScenarioFixtures.state()
    #expect(press(e, .char("q")).1 == [.quit])
    #expect(
      press(e, .char("[")).1 == [.recompute(asOf: FiscalYear(2024), entity: nil, basis: nil)])
  }

  @Test func remapping() {
    let toml = """
      [keys]
      scenario_increase = ["Ctrl-f"]
      scenario_reset = "t"
      """
    let (reg, errors) = KeyRegistry.standard.applying(tomlText: toml)
    #expect(errors.isEmpty)
    var s = ScenarioFixtures.state()
    s.keys = reg
    s.scenarioLevers = [.scope1Change: -0.05]
    let c = ScenarioFixtures.context()
    // Ctrl-f steps up; Right no longer does (it falls back to the global focus_next: no-op).
    #expect(levers(update(s, .key(.ctrl("f")), c).1)?[.scope1Change] != nil)
    #expect(update(s, .key(.right), c).1.isEmpty)
    // t resets in the editor, and stays "next theme" elsewhere.
    #expect(update(s, .key(.char("t")), c).0.scenarioLevers.isEmpty)
    #expect(update(Fixtures.state(80, 24), .key(.char("t")), c).1 == [.nextTheme])
    // The registry still holds every action once.
    #expect(Set(reg.entries.map(\.action)) == Set(KeyAction.allCases))
    #expect(reg.entries.count == KeyAction.allCases.count)
  }

  @Test func helpListsTheEditorKeys() {
    let lines = KeyRegistry.standard.helpLines()
    let descs = lines.map(\.description)
    #expect(descs.contains("scenario editor: what-if levers and projected outcomes"))
    #expect(descs.contains("compare baseline and scenario"))
    guard let h = descs.firstIndex(of: "in the scenario editor:") else {
      Issue.record("no editor section")
      return
    }
    #expect(lines[h].keys == "")
    let after = Array(lines[(h + 1)...])
    #expect(after.contains { $0.keys == "Right l +" && $0.description.hasPrefix("raise") })
    #expect(after.contains { $0.keys == "Shift-Left <" })
    #expect(after.contains { $0.keys == "r" && $0.description.contains("selected lever") })
    #expect(after.contains { $0.keys == "R" })
    #expect(after.contains { $0.keys == "w" })
    #expect(after.contains { $0.keys == "o" })
    #expect(after.contains { $0.keys == "Enter =" })
    // Help scrolls to the last line.
    var s = ScenarioFixtures.state()
    s.showHelp = true
    s = press(s, .end).0
    #expect(s.helpScroll == lines.count - 1)
  }
}

extension Result {
  var isFailure: Bool {
    if case .failure = self { return true }
    return false
  }
}
