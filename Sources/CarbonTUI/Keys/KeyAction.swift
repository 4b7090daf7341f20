/// Everything a key can do. The raw value is the action's name in keys.toml.
public enum KeyAction: String, CaseIterable, Hashable, Sendable {
  case quit
  case help
  case zoom1 = "zoom_1"
  case zoom2 = "zoom_2"
  case zoom3 = "zoom_3"
  case zoomFocused = "zoom_focused"
  case back
  case focusNext = "focus_next"
  case focusPrev = "focus_prev"
  case yearPrev = "year_prev"
  case yearNext = "year_next"
  case entityNext = "entity_next"
  case basisToggle = "basis_toggle"
  case themeNext = "theme_next"
  case targets
  case diagnostics
  case drillDown = "drill_down"
  case scrollUp = "scroll_up"
  case scrollDown = "scroll_down"
  case pageUp = "page_up"
  case pageDown = "page_down"
  case home
  case end
  case scenarioEditor = "scenario_editor"
  /// Compare the baseline (no scenario) with the scenario.
  case compare
  /// Acknowledge the alerts shown (the alert line goes away).
  case alertAcknowledge = "alert_acknowledge"
  /// The alerts of the session.
  case alerts
  /// Filter the table by a fixed string (`!` first inverts).
  case filter
  /// The next / previous row matching the filter.
  case filterNext = "filter_next"
  case filterPrev = "filter_prev"
  /// Cycle the sort: each column ascending, then descending, then unsorted.
  case sort
  /// The command palette: every action, target, entity and fiscal year by fuzzy name.
  case palette
  // The scenario editor's own keys (the `scenarioEditor` context of the registry).
  case scenarioIncrease = "scenario_increase"
  case scenarioDecrease = "scenario_decrease"
  case scenarioIncreaseFine = "scenario_increase_fine"
  case scenarioDecreaseFine = "scenario_decrease_fine"
  case scenarioType = "scenario_type"
  case scenarioReset = "scenario_reset"
  case scenarioResetAll = "scenario_reset_all"
  case scenarioSave = "scenario_save"
  case scenarioOpen = "scenario_open"
}
