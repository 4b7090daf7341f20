/// A TOML syntax or semantic error, at the position of the offending character.
public struct TOMLError: Error, Hashable, Sendable, CustomStringConvertible {
  /// Where the error is.
  public let position: TOMLPosition
  /// What is wrong, in plain English, without the position.
  public let message: String

  /// Creates an error at a position.
  public init(position: TOMLPosition, message: String) {
    self.position = position
    self.message = message
  }

  /// "line:column: message".
  public var description: String { "\(position): \(message)" }
}
