import CarbonKit
import CarbonTerminal
import Testing

@testable import CarbonTUI

/// `/` filter (case-insensitive, `!` inverts, n/N, Esc clears), the sort key with the header
/// showing it, and the `:` palette, all through the key registry.
@Suite struct PowerKeysTests {
  let ctx = Fixtures.context()

  func press(_ s: UIState, _ keys: Key...) -> UIState {
    var s = s
    for k in keys {
      s = update(s, .key(k), UpdateContext(report: ctx.report, dataset: ctx.dataset)).0
    }
    return s
  }

  func type(_ s: UIState, _ text: String) -> UIState {
    var s = s
    for c in text { s = press(s, .char(c)) }
    return s
  }

  func rows(_ s: UIState) -> [TableView.Row] {
    ScreenTable.tables(for: s, report: ctx.report, dataset: ctx.dataset)[s.table].rows
  }

  @Test func filterInvertMatchesAndEscape() {
    var s = press(Fixtures.state(120, 40), .char("T"))
    let all = rows(s).count
    #expect(all >= 2)
    s = type(press(s, .char("/")), "CLOUD")
    #expect(s.prompt?.kind == .filter)
    let kept = rows(s)
    #expect(!kept.isEmpty && kept.count < all)
    #expect(kept.allSatisfy { $0.cells.joined().lowercased().contains("cloud") })
    s = press(s, .enter)
    #expect(s.prompt == nil && s.filter == TableFilter(text: "CLOUD"))
    var t = Fixtures.draw(s)
    #expect(t.text.contains("rows matching /CLOUD"))
    // Inverted: the other rows.
    s = type(
      press(s, .char("/"), .backspace, .backspace, .backspace, .backspace, .backspace), "!cloud")
    s = press(s, .enter)
    #expect(rows(s).count == all - kept.count)
    // n / N move through the matches, wrapping.
    let n = rows(s).count
    s = press(s, .char("n"))
    #expect(s.selection == (n > 1 ? 1 : 0))
    s = press(s, .char("N"), .char("N"))
    #expect(s.selection == (n - 1) % n)
    // Esc clears the filter, then goes back.
    s = press(s, .escape)
    #expect(s.filter == nil && s.screen == .targets && rows(s).count == all)
    s = press(s, .escape)
    #expect(s.screen == .overview)
    // `/` on the overview filters the targets screen.
    s = press(s, .char("/"))
    #expect(s.screen == .targets && s.prompt?.kind == .filter)
    t = Fixtures.draw(s)
    #expect(t.line(39).hasPrefix("/_"))
  }

  @Test func sortCyclesAndTheHeaderShowsIt() {
    var s = press(Fixtures.state(120, 40), .char("1"))
    let base = rows(s).map { $0.cells[0] }
    s = press(s, .char("S"))
    #expect(s.sort == TableSort(column: 0))
    var t = Fixtures.draw(s)
    #expect(t.text.contains("FY ^"))
    s = press(s, .char("S"))
    #expect(s.sort == TableSort(column: 0, descending: true))
    t = Fixtures.draw(s)
    #expect(t.text.contains("FY v"))
    #expect(rows(s).map { $0.cells[0] } != base)
    s = press(s, .char("S"))
    #expect(s.sort == TableSort(column: 1))
    // Numbers sort by value with their units.
    let nets = rows(s).compactMap { TableSort.number($0.cells[1]) }
    #expect(nets == nets.sorted())
    #expect(TableSort.number("4.45 Mt") == 4.45e6 && TableSort.number("950 t") == 950)
  }

  @Test func paletteFindsATargetAnEntityAYearAndActions() {
    var s = type(press(Fixtures.state(120, 40), .char(":")), "cloud")
    #expect(s.prompt?.kind == .palette)
    var t = Fixtures.draw(s)
    #expect(t.text.contains("palette"))
    s = press(s, .enter)
    #expect(s.screen == .targets)
    let id = ctx.report.targets[s.selection].id
    let target = ctx.report.targets.first { $0.entity == "Alibaba Cloud" }
    #expect(id == target?.id)
    // An action by its name.
    s = press(type(press(Fixtures.state(120, 40), .char(":")), "diagnos"), .enter)
    #expect(s.screen == .diagnostics)
    // A fiscal year: the cursor moves (a recompute).
    let r = update(
      type(press(Fixtures.state(120, 40), .char(":")), "year FY2024"), .key(.enter), ctx)
    #expect(r.0.asOf == FiscalYear(2024))
    #expect(r.1 == [.recompute(asOf: FiscalYear(2024), entity: nil, basis: nil)])
    // Esc closes without doing anything.
    s = press(type(press(Fixtures.state(120, 40), .char(":")), "quit"), .escape)
    #expect(s.prompt == nil && s.screen == .overview)
    t = Fixtures.draw(s)
    #expect(!t.text.contains("palette"))
    // Fuzzy: letters in order.
    #expect(Palette.score("dgn", "diagnostics: x") != nil)
    #expect(Palette.score("zzz", "diagnostics") == nil)
  }

  @Test func remappedKeysDriveIt() {
    let keys = KeyRegistry.standard.applying(
      tomlText: "[keys]\nfilter = \"f\"\npalette = \"Ctrl-p\"\n"
    ).0
    var s = Fixtures.state(120, 40)
    s.keys = keys
    #expect(press(s, .char("f")).prompt?.kind == .filter)
    #expect(press(s, .ctrl("p")).prompt?.kind == .palette)
    #expect(press(s, .char("/")).prompt == nil)
  }
}
