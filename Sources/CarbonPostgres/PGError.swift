/// A failure talking to PostgreSQL, with libpq's message (never the password).
public struct PGError: Error, Sendable, Hashable, CustomStringConvertible {
  public var message: String
  /// SQLSTATE when the server gave one (e.g. `42P01`, no such table).
  public var sqlState: String?

  public init(_ message: String, sqlState: String? = nil) {
    self.message = message
    self.sqlState = sqlState
  }

  public var description: String { message }
}
