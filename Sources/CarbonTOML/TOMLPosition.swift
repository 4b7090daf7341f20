/// A place in a TOML document: 1-based line, and 1-based column counting Unicode scalars
/// from the start of the line (a tab counts as 1).
public struct TOMLPosition: Hashable, Sendable, CustomStringConvertible {
  /// The 1-based line number.
  public let line: Int
  /// The 1-based column, in Unicode scalars from the start of the line.
  public let column: Int

  /// Creates a position from a 1-based line and column.
  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  /// "line:column".
  public var description: String { "\(line):\(column)" }
}
