/// One problem found in a dataset, a scenario or a theme:
/// `operations.csv:14:3: error: scope1_tco2e: expected a number, found "1,234"`.
public struct Diagnostic: Hashable, Sendable, Codable, CustomStringConvertible {
  public enum Severity: String, Hashable, Sendable, Codable {
    case error, warning
  }

  public var severity: Severity
  /// Relative to the dataset folder (`operations.csv`, `events/2024.csv`, `scenarios/x.toml`).
  public var file: String
  /// 1-based line where the record starts; nil for a problem with no line.
  public var line: Int?
  /// 1-based field number for CSV, character column for TOML; nil when unknown.
  public var column: Int?
  public var message: String

  public init(
    _ severity: Severity, file: String, line: Int? = nil, column: Int? = nil, _ message: String
  ) {
    self.severity = severity
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  /// `file:line:column: severity: message`, or `file: severity: message` without a line.
  public var description: String {
    var s = file
    if let line {
      s += ":\(line)"
      if let column { s += ":\(column)" }
    }
    return s + ": \(severity.rawValue): \(message)"
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(severity, forKey: .severity)
    try c.encode(file, forKey: .file)
    try c.encode(line, forKey: .line)
    try c.encode(column, forKey: .column)
    try c.encode(message, forKey: .message)
  }
}
