import CarbonKit
import CarbonText

/// Plain statements of a target's projected outcome: "met in FY2029", "missed by 1.20 Mt at
/// FY2030". The outcome follows the scenario; the status (ACHIEVED, ON TRACK, BEHIND) stays a
/// statement about history, worded differently so that the two are never confused.
public enum ScenarioText {
  /// The outcome of a target: met in its year, or missed by the shortfall at `by`, with the
  /// shortfall in t/kt/Mt/Gt (neutrality, avoided) or as an intensity in `intensityUnit`.
  /// `short` leaves out " at FYxxxx" (for narrow columns).
  public static func outcome(
    _ t: TargetReport, intensityUnit: String = "t/revenue", short: Bool = false
  ) -> String {
    let o = t.outcome
    switch o.met {
    case true?:
      if let y = o.yearMet { return "met in \(y)" }
      return "met by \(t.by)"
    case false?:
      guard let gap = o.shortfall else { return "missed at \(t.by)" }
      let amount =
        t.kind == .intensity
        ? Units.intensity(gap) + " " + intensityUnit : Units.tonnes(gap)
      return "missed by \(amount)" + (short ? "" : " at \(t.by)")
    case nil:
      if let why = t.projectionMissing { return "no projection: " + Sanitize.text(why) }
      return o.projectedAtBy == nil
        ? "no projection: data missing" : "not judged: no figure at the baseline"
    }
  }

  /// The role an outcome is drawn in: good when met, warn when missed, muted when unknown.
  public static func role(_ o: Outcome) -> StyleRole {
    switch o.met {
    case true?: return .good
    case false?: return .warn
    case nil: return .muted
    }
  }

  /// The label before an outcome on the panels: "projected: " (defaults from history) or
  /// "scenario: " (under the scenario's levers).
  static func label(_ s: UIState, _ r: Report) -> String {
    scenarioActive(s, r) ? "scenario: " : "projected: "
  }

  /// True when a scenario is in effect (levers set in the editor, or a named Report scenario).
  static func scenarioActive(_ s: UIState, _ r: Report) -> Bool {
    !s.scenarioLevers.isEmpty || !(r.scenario.name ?? "").isEmpty
  }

  /// The scenario's name for the header: the name (with `*` when changed since saved or
  /// opened), "unsaved" when levers are set without a name, nil without a scenario.
  static func headerName(_ s: UIState, _ r: Report) -> String? {
    let name = s.scenarioName ?? r.scenario.name
    if let name, !name.isEmpty { return Sanitize.text(name) + (s.scenarioModified ? "*" : "") }
    return s.scenarioLevers.isEmpty ? nil : "unsaved"
  }
}
