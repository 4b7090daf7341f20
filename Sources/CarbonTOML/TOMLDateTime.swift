/// A TOML offset date-time, local date-time, local date or local time.
public struct TOMLDateTime: Hashable, Sendable, CustomStringConvertible {
  /// The year; nil for a local time.
  public var year: Int?
  /// The month (1-12); nil for a local time.
  public var month: Int?
  /// The day of the month; nil for a local time.
  public var day: Int?
  /// The hour (0-23); nil for a local date.
  public var hour: Int?
  /// The minute (0-59); nil for a local date.
  public var minute: Int?
  /// The second (0-59); nil for a local date.
  public var second: Int?
  /// Fractional seconds truncated to nanoseconds (0 if none).
  public var nanosecond: Int
  /// The offset from UTC in minutes: nil for a local value, 0 for Z.
  public var offsetMinutes: Int?

  /// Creates a date-time from its components.
  public init(
    year: Int? = nil, month: Int? = nil, day: Int? = nil, hour: Int? = nil, minute: Int? = nil,
    second: Int? = nil, nanosecond: Int = 0, offsetMinutes: Int? = nil
  ) {
    self.year = year
    self.month = month
    self.day = day
    self.hour = hour
    self.minute = minute
    self.second = second
    self.nanosecond = nanosecond
    self.offsetMinutes = offsetMinutes
  }

  /// The RFC 3339 form: "YYYY-MM-DD", "T", "HH:MM:SS[.fraction]", then "Z" or "+HH:MM".
  public var description: String {
    var out = ""
    if let year, let month, let day {
      out += Self.pad(year, 4) + "-" + Self.pad(month, 2) + "-" + Self.pad(day, 2)
    }
    if let hour, let minute, let second {
      if !out.isEmpty { out += "T" }
      out += Self.pad(hour, 2) + ":" + Self.pad(minute, 2) + ":" + Self.pad(second, 2)
      if nanosecond > 0 {
        var fraction = Self.pad(nanosecond, 9)
        while fraction.last == "0" { fraction.removeLast() }
        out += "." + fraction
      }
      if let offsetMinutes {
        if offsetMinutes == 0 {
          out += "Z"
        } else {
          let magnitude = offsetMinutes < 0 ? -offsetMinutes : offsetMinutes
          out += (offsetMinutes < 0 ? "-" : "+") + Self.pad(magnitude / 60, 2) + ":"
          out += Self.pad(magnitude % 60, 2)
        }
      }
    }
    return out
  }

  /// The TOML type name: "offset date-time", "local date-time", "local date" or "local time".
  var typeName: String {
    if year == nil { return "local time" }
    if hour == nil { return "local date" }
    return offsetMinutes == nil ? "local date-time" : "offset date-time"
  }

  private static func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value < 0 ? -value : value)
    let zeros = String(repeating: "0", count: max(0, width - digits.count))
    return (value < 0 ? "-" : "") + zeros + digits
  }
}
