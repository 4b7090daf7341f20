import CarbonKit

/// Why a scenario could not be saved.
public enum ScenarioFileError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The scenario's name is not a safe file name.
  case invalidName(String)
  /// A lever's value cannot be written (NaN or infinite).
  case invalidLever(String)
  /// The file system refused; the message says what and why.
  case io(String)
  /// `scenarios/NAME.toml` exists and replacing it was not asked for (the editor asks first).
  case exists(String)

  public var description: String {
    switch self {
    case .invalidName(let n):
      return
        "scenario name \(DisplayText.quoted(n, limit: 60)) cannot be a file name: use 1 to \(ScenarioName.maxLength) of the "
        + "characters A-Z, a-z, 0-9, \".\", \"_\" and \"-\", not starting with \".\""
    case .invalidLever(let l): return "lever \(l): expected a finite number"
    case .io(let m): return m
    case .exists(let n): return "scenarios/\(n).toml exists"
    }
  }
}
