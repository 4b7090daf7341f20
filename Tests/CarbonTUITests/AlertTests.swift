import CarbonKit
import CarbonTerminal
import Testing

@testable import CarbonTUI

/// Alerts: a status change or a file turning broken on a reload gives one alert per target or
/// file, a line that stays until acknowledged, the alerts screen, and one bell / notification
/// per reload with --bell / --notify; nothing when nothing changed.
@Suite struct AlertTests {
  let ctx = Fixtures.context()

  func flipped() -> Report {
    var r = Fixtures.report()
    r.targets[0].status = r.targets[0].status == .behind ? .onTrack : .behind
    return r
  }

  @Test func oneChangePerTargetAndNoneWhenNothingChanged() {
    let old = Fixtures.report()
    #expect(ReportChange.statuses(from: old, to: old).isEmpty)
    let changes = ReportChange.statuses(from: old, to: flipped())
    #expect(changes.count == 1)
    #expect(changes[0].text.hasPrefix(old.targets[0].id + ": "))
    var gone = old
    gone.targets.removeLast()
    #expect(ReportChange.statuses(from: old, to: gone).map(\.text) == ["x: NO DATA -> GONE"])
    #expect(ReportChange.broken(before: ["a.csv": 1], now: ["a.csv": 1, "b.csv": 2]).count == 1)
    #expect(ReportChange.broken(before: ["a.csv": 1], now: ["a.csv": 1]).isEmpty)
  }

  @Test func lineStaysUntilAcknowledgedBellOncePerReload() {
    var s = Fixtures.state(120, 40)
    s = update(s, .started(monochrome: false, watchText: nil, bell: true, notify: true), ctx).0
    let changes =
      ReportChange.statuses(from: Fixtures.report(), to: flipped())
      + [ReportChange(.broken(file: "operations.csv", errors: 2))]
    let (next, commands) = update(
      s,
      .dataShown(
        DataShown(
          reason: "operations.csv", time: "12:05:00", first: false, hasErrors: false,
          alerts: changes)), ctx)
    s = next
    #expect(commands.filter { $0 == .bell }.count == 1)
    #expect(
      commands.filter { if case .notify = $0 { return true } else { return false } }.count == 1)
    #expect(s.alerts.count == 2 && s.alertsPending == 2)
    var t = Fixtures.draw(s)
    #expect(t.line(38).contains("ALERT 12:05:00 operations.csv: 2 errors"))
    #expect(t.line(38).contains("(+1 more)") && t.line(38).contains("a:acknowledge"))
    // A reload with nothing new: no bell, no notification, the line stays.
    let quiet = update(
      s, .dataShown(DataShown(reason: "x", time: "12:06:00", first: false, hasErrors: false)), ctx)
    #expect(quiet.1.isEmpty)
    #expect(Fixtures.draw(quiet.0).line(38).contains("ALERT"))
    // Acknowledged: gone; the alerts screen still lists both, newest first.
    s = update(s, .key(.char("a")), ctx).0
    t = Fixtures.draw(s)
    #expect(!t.text.contains("ALERT"))
    s = update(s, .key(.char("A")), ctx).0
    #expect(s.screen == .alerts)
    t = Fixtures.draw(s)
    #expect(t.text.contains("Alerts"))
    let rows = t.text.split(separator: "\n").filter {
      $0.contains("12:05:00") && !$0.contains("reloaded")
    }
    #expect(rows.count == 2)
  }

  @Test func withoutBellNoCommandsAndTheFirstLoadNeverAlerts() {
    let s = Fixtures.state(120, 40)
    let changes = ReportChange.statuses(from: Fixtures.report(), to: flipped())
    let r = update(
      s,
      .dataShown(
        DataShown(reason: "x", time: "12:05:00", first: false, hasErrors: false, alerts: changes)),
      ctx)
    #expect(r.1.isEmpty)
    #expect(r.0.alertsPending == 1)
  }

  @Test func notificationEscapes() {
    let osc9 = TerminalEscapes.notification(title: "carbontop", body: "a\u{7};b", environment: [:])
    #expect(osc9 == Array("\u{1B}]9;carbontop: a;b\u{1B}\\".utf8))
    let vte = TerminalEscapes.notification(
      title: "carbontop", body: "a;b", environment: ["VTE_VERSION": "7000"])
    #expect(vte == Array("\u{1B}]777;notify;carbontop;a,b\u{1B}\\".utf8))
    let tmux = TerminalEscapes.notification(title: "t", body: "b", environment: ["TMUX": "1"])
    #expect(tmux == Array("\u{1B}Ptmux;\u{1B}\u{1B}]9;t: b\u{1B}\u{1B}\\\u{1B}\\".utf8))
    #expect(!osc9.contains(0x07))
  }

  @Test func onChangeJSON() {
    let json = ReportChange.json(
      [
        ReportChange(.status(target: "ops", title: "Ops", from: .onTrack, to: .behind)),
        ReportChange(.broken(file: "operations.csv", errors: 1)),
      ], time: "12:00:00")
    #expect(
      json
        == "{\"time\":\"12:00:00\",\"changes\":[{\"kind\":\"status\",\"target\":\"ops\",\"title\":\"Ops\",\"from\":\"on_track\",\"to\":\"behind\"},{\"kind\":\"broken\",\"file\":\"operations.csv\",\"errors\":1}]}\n"
    )
  }
}
