/// The screen being shown (the help is an overlay on any of them).
public enum Screen: Hashable, Sendable {
  case overview
  /// One panel full screen with its tables.
  case zoom(PanelID)
  /// Every target with status, gap, L and outcome.
  case targets
  /// One target (by id): its figure against its path, by fiscal year, its milestones.
  case target(String)
  /// Every diagnostic, `file:line:column: severity: message`.
  case diagnostics
  /// The source rows behind a figure.
  case drillDown(DrillTarget)
  /// The scenario levers, their defaults and every target's projected outcome.
  case scenarioEditor
  /// The saved scenarios, to open one.
  case scenarioList
  /// Baseline and scenario side by side.
  case compare
  /// The alerts of the session (status changes, files turning broken).
  case alerts
}
