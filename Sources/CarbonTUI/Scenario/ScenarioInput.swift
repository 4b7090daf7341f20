import CarbonKit

/// The input line of the scenario editor: a lever's value, or the name to save as.
public struct ScenarioInput: Hashable, Sendable {
  /// What the typed text is for.
  public enum Purpose: Hashable, Sendable {
    case value(Lever)
    case saveName
    /// `scenarios/NAME.toml` exists: y replaces it with this scenario, n or Esc does not.
    case confirmReplace(Scenario)
  }
  public var purpose: Purpose
  public var text: String
  /// Why the last Enter was refused (shown under the line), nil when none.
  public var error: String?

  /// The longest text kept (longer pastes are cut).
  public static let maxLength = 100

  public init(purpose: Purpose, text: String = "", error: String? = nil) {
    self.purpose = purpose
    self.text = text
    self.error = error
  }
}
