// Integers, floats, dates and times.
extension TOMLParser {
  /// Parses a value starting with a digit, a sign, `i` or `n`.
  mutating func parseNumberOrDate() throws(TOMLError) -> TOMLValue {
    let start = index
    if Self.isDigit(current) {
      if (1...3).allSatisfy({ Self.isDigit(byte(at: start + $0)) }), byte(at: start + 4) == Ch.minus
      {
        return .dateTime(try parseDateTime())
      }
      if Self.isDigit(byte(at: start + 1)), byte(at: start + 2) == Ch.colon {
        var value = TOMLDateTime()
        try parseTime(into: &value)
        return .dateTime(value)
      }
    }
    var digitsStart = start
    var negative = false
    if current == Ch.plus || current == Ch.minus {
      negative = current == Ch.minus
      digitsStart += 1
    }
    // inf and nan, with an optional sign.
    index = digitsStart
    if matches("inf") {
      index += 3
      return .float(negative ? -.infinity : .infinity)
    }
    if matches("nan") {
      index += 3
      return .float(negative ? -.nan : .nan)
    }
    guard Self.isDigit(current) else {
      throw fail("expected a value, found \(describe(index))", at: index)
    }
    if current == Ch.zero, let prefix = byte(at: index + 1),
      prefix == 0x78 || prefix == 0x6F || prefix == 0x62
    {
      guard digitsStart == start else {
        throw fail("a hexadecimal, octal or binary integer cannot have a sign", at: start)
      }
      index += 2
      return .integer(try parseRadixInteger(radix: prefix == 0x78 ? 16 : prefix == 0x6F ? 8 : 2))
    }

    // Decimal: integer part, then an optional fraction and exponent.
    if current == Ch.zero, let next = byte(at: index + 1),
      Self.isDigit(next) || next == Ch.underscore
    {
      throw fail("leading zeros are not allowed in a number", at: index)
    }
    var text: [UInt8] = []
    if negative { text.append(Ch.minus) }
    try scanDigits(into: &text, what: "number")
    var isFloat = false
    if current == Ch.dot {
      isFloat = true
      text.append(Ch.dot)
      index += 1
      guard Self.isDigit(current) else {
        throw fail("expected a digit after the decimal point, found \(describe(index))", at: index)
      }
      try scanDigits(into: &text, what: "number")
    }
    if current == 0x65 || current == 0x45 {  // e, E
      isFloat = true
      text.append(0x65)
      index += 1
      if current == Ch.plus || current == Ch.minus {
        text.append(bytes[index])
        index += 1
      }
      guard Self.isDigit(current) else {
        throw fail("expected a digit in the exponent, found \(describe(index))", at: index)
      }
      try scanDigits(into: &text, what: "exponent")
    }
    if let next = current, Self.isBareKey(next) || next == Ch.dot {
      throw fail("unexpected \(describe(index)) in a number", at: index)
    }
    let literal = String(decoding: text, as: UTF8.self)
    if isFloat {
      guard let value = Double(literal) else { throw fail("invalid float", at: start) }
      return .float(value)
    }
    guard let value = Int64(literal) else {
      throw fail("integer out of range (a 64-bit signed integer)", at: start)
    }
    return .integer(value)
  }

  /// Appends decimal digits at the index, allowing single underscores between digits.
  mutating func scanDigits(into text: inout [UInt8], what: String) throws(TOMLError) {
    while let byte = current {
      if Self.isDigit(byte) {
        text.append(byte)
      } else if byte == Ch.underscore {
        guard Self.isDigit(self.byte(at: index + 1)) else {
          throw fail("an underscore in a \(what) must be between two digits", at: index)
        }
      } else {
        return
      }
      index += 1
    }
  }

  /// Parses the digits after 0x, 0o or 0b.
  mutating func parseRadixInteger(radix: UInt8) throws(TOMLError) -> Int64 {
    let start = index - 2
    let name = radix == 16 ? "hexadecimal" : radix == 8 ? "octal" : "binary"
    func digit(_ byte: UInt8?) -> UInt8? {
      guard let byte, let value = Self.hexValue(byte), value < radix else { return nil }
      return value
    }
    guard digit(current) != nil else {
      throw fail("expected \(Self.article(name)) digit, found \(describe(index))", at: index)
    }
    var value: Int64 = 0
    var overflow = false
    while let byte = current {
      if let d = digit(byte) {
        let (times, o1) = value.multipliedReportingOverflow(by: Int64(radix))
        let (plus, o2) = times.addingReportingOverflow(Int64(d))
        overflow = overflow || o1 || o2
        value = plus
      } else if byte == Ch.underscore {
        guard digit(self.byte(at: index + 1)) != nil else {
          throw fail("an underscore in a number must be between two digits", at: index)
        }
      } else if Self.isBareKey(byte) || byte == Ch.dot {
        throw fail("unexpected \(describe(index)) in \(Self.article(name)) integer", at: index)
      } else {
        break
      }
      index += 1
    }
    if overflow { throw fail("integer out of range (a 64-bit signed integer)", at: start) }
    return value
  }

  // MARK: Dates and times

  /// Reads exactly `width` digits at the index.
  mutating func fixedDigits(_ width: Int, _ what: String) throws(TOMLError) -> Int {
    var value = 0
    for _ in 0..<width {
      guard let byte = current, Self.isDigit(byte) else {
        throw fail("expected \(what), found \(describe(index))", at: index)
      }
      value = value * 10 + Int(byte - Ch.zero)
      index += 1
    }
    return value
  }

  mutating func expect(_ byte: UInt8, _ what: String) throws(TOMLError) {
    guard current == byte else {
      throw fail("expected \(what), found \(describe(index))", at: index)
    }
    index += 1
  }

  /// Parses a local date, local date-time or offset date-time (at a 4-digit year).
  mutating func parseDateTime() throws(TOMLError) -> TOMLDateTime {
    let yearOffset = index
    let year = try fixedDigits(4, "a 4-digit year")
    try expect(Ch.minus, "'-' after the year")
    let monthOffset = index
    let month = try fixedDigits(2, "a 2-digit month")
    try expect(Ch.minus, "'-' after the month")
    let dayOffset = index
    let day = try fixedDigits(2, "a 2-digit day")
    // Year 0 is refused, as Python's datetime (and so tomllib) does.
    guard year >= 1 else { throw fail("invalid year 0000", at: yearOffset) }
    guard (1...12).contains(month) else {
      throw fail("invalid month \(month) (must be 01 to 12)", at: monthOffset)
    }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    guard day >= 1, day <= lengths[month - 1] else {
      throw fail("invalid day \(day) for month \(month) of year \(year)", at: dayOffset)
    }
    var value = TOMLDateTime(year: year, month: month, day: day)
    switch current {
    case 0x54?, 0x74?:  // T, t
      index += 1
    case Ch.space?
    where Self.isDigit(byte(at: index + 1)) && Self.isDigit(byte(at: index + 2))
      && byte(at: index + 3) == Ch.colon:
      index += 1
    default:
      return value
    }
    try parseTime(into: &value)
    switch current {
    case 0x5A?, 0x7A?:  // Z, z
      index += 1
      value.offsetMinutes = 0
    case Ch.plus?, Ch.minus?:
      let sign = current == Ch.minus ? -1 : 1
      index += 1
      let hourOffset = index
      let hours = try fixedDigits(2, "a 2-digit offset hour")
      try expect(Ch.colon, "':' in the UTC offset")
      let minuteOffset = index
      let minutes = try fixedDigits(2, "2-digit offset minutes")
      guard hours < 24 else { throw fail("invalid offset hour \(hours)", at: hourOffset) }
      guard minutes < 60 else { throw fail("invalid offset minutes \(minutes)", at: minuteOffset) }
      value.offsetMinutes = sign * (hours * 60 + minutes)
    default:
      break
    }
    return value
  }

  /// Parses HH:MM:SS[.fraction] into `value`.
  mutating func parseTime(into value: inout TOMLDateTime) throws(TOMLError) {
    let hourOffset = index
    let hour = try fixedDigits(2, "a 2-digit hour")
    try expect(Ch.colon, "':' after the hour")
    let minuteOffset = index
    let minute = try fixedDigits(2, "2-digit minutes")
    try expect(Ch.colon, "':' and seconds after the minutes")
    let secondOffset = index
    let second = try fixedDigits(2, "2-digit seconds")
    guard hour < 24 else { throw fail("invalid hour \(hour) (must be 00 to 23)", at: hourOffset) }
    guard minute < 60 else {
      throw fail("invalid minutes \(minute) (must be 00 to 59)", at: minuteOffset)
    }
    // Leap seconds (60) are refused, as Python's datetime (and so tomllib) does.
    guard second < 60 else {
      throw fail("invalid seconds \(second) (must be 00 to 59)", at: secondOffset)
    }
    var nanosecond = 0
    if current == Ch.dot {
      index += 1
      guard Self.isDigit(current) else {
        throw fail("expected a digit after the decimal point, found \(describe(index))", at: index)
      }
      var digits = 0
      while let byte = current, Self.isDigit(byte) {
        if digits < 9 {
          nanosecond = nanosecond * 10 + Int(byte - Ch.zero)
          digits += 1
        }
        index += 1
      }
      for _ in digits..<9 { nanosecond *= 10 }
    }
    value.hour = hour
    value.minute = minute
    value.second = second
    value.nanosecond = nanosecond
  }
}
