/// A TOML value.
public enum TOMLValue: Hashable, Sendable {
  case string(String)
  case integer(Int64)
  case float(Double)
  case boolean(Bool)
  case dateTime(TOMLDateTime)
  case array([TOMLValue])
  case table(TOMLTable)

  /// The string, if this is a string.
  public var string: String? {
    if case .string(let value) = self { return value }
    return nil
  }

  /// The integer, if this is an integer (a float is not converted).
  public var int: Int? {
    if case .integer(let value) = self { return Int(exactly: value) }
    return nil
  }

  /// The float, if this is a float (an integer is not converted).
  public var double: Double? {
    if case .float(let value) = self { return value }
    return nil
  }

  /// The number, if this is an integer or a float.
  public var number: Double? {
    switch self {
    case .integer(let value): return Double(value)
    case .float(let value): return value
    default: return nil
    }
  }

  /// The boolean, if this is a boolean.
  public var bool: Bool? {
    if case .boolean(let value) = self { return value }
    return nil
  }

  /// The elements, if this is an array (including an array of tables).
  public var array: [TOMLValue]? {
    if case .array(let value) = self { return value }
    return nil
  }

  /// The table, if this is a table or an inline table.
  public var table: TOMLTable? {
    if case .table(let value) = self { return value }
    return nil
  }

  /// The date-time, if this is any of the four date and time kinds.
  public var dateTime: TOMLDateTime? {
    if case .dateTime(let value) = self { return value }
    return nil
  }

  /// "string", "integer", "float", "boolean", "offset date-time", "local date-time",
  /// "local date", "local time", "array" or "table".
  public var typeName: String {
    switch self {
    case .string: return "string"
    case .integer: return "integer"
    case .float: return "float"
    case .boolean: return "boolean"
    case .dateTime(let value): return value.typeName
    case .array: return "array"
    case .table: return "table"
    }
  }
}
