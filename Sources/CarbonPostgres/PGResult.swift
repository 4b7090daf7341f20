/// The rows of one statement's result, copied out of libpq as text (NULL is nil).
public struct PGResult: Sendable {
  public var columns: [String]
  public var rows: [[String?]]
  /// The command tag (`INSERT 0 3`, `SELECT 2`).
  public var status: String

  public init(columns: [String] = [], rows: [[String?]] = [], status: String = "") {
    self.columns = columns
    self.rows = rows
    self.status = status
  }

  /// The cell of `row` in the column named `name`; nil when NULL or no such column.
  public func value(_ row: Int, _ name: String) -> String? {
    guard let k = columns.firstIndex(of: name) else { return nil }
    return rows[row][k]
  }
}
