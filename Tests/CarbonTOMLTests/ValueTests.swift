import CarbonTOML
import Testing

/// Parses `x = <value>` and returns x.
func value(_ text: String) throws -> TOMLValue? {
  try TOML.parse("x = " + text + "\n")["x"]
}

/// The error of parsing `text`, if any.
func failure(_ text: String) -> TOMLError? {
  do {
    _ = try TOML.parse(text)
    return nil
  } catch {
    return error
  }
}

/// Whether parsing `text` fails at line:column.
func fails(_ text: String, at line: Int, _ column: Int, containing words: String = "") -> Bool {
  guard let error = failure(text) else { return false }
  return error.position == TOMLPosition(line: line, column: column)
    && (words.isEmpty || error.message.contains(words))
}

@Suite struct StringTests {
  @Test func basicEscapes() throws {
    #expect(try value(#""a\b\t\n\f\r\"\\z""#) == .string("a\u{8}\t\n\u{C}\r\"\\z"))
    #expect(try value(#""\u00E9\U0001F600""#) == .string("é😀"))
    #expect(try value("\"tab\tin\"") == .string("tab\tin"))
    #expect(try value(#""""#) == .string(""))
  }

  @Test func literal() throws {
    #expect(try value(#"'C:\Users\n'"#) == .string(#"C:\Users\n"#))
    #expect(try value("''") == .string(""))
  }

  @Test func multilineBasic() throws {
    // The first newline is trimmed; a line-ending backslash eats spaces and newlines.
    #expect(try value("\"\"\"\nab\\\n   \n  cd\"\"\"") == .string("abcd"))
    #expect(try value("\"\"\"a\\   \n b\"\"\"") == .string("ab"))
    // One or two quotes may sit against the closing delimiter.
    #expect(try value("\"\"\"a\"\"\"\"") == .string("a\""))
    #expect(try value("\"\"\"a\"\"\"\"\"") == .string("a\"\""))
    #expect(try value("\"\"\"\"\"\"") == .string(""))
    // CRLF inside is normalized to LF.
    #expect(try TOML.parse("x = \"\"\"\r\na\r\nb\"\"\"\r\n")["x"] == .string("a\nb"))
  }

  @Test func multilineLiteral() throws {
    #expect(try value("'''\nfirst\n  \\n second'''") == .string("first\n  \\n second"))
    #expect(try value("''''a'''''") == .string("'a''"))
  }

  @Test func stringErrors() {
    // x = "\q": the backslash is at column 6.
    #expect(fails(#"x = "\q""#, at: 1, 6, containing: #"invalid escape \q"#))
    #expect(fails(#"x = "\u12G4""#, at: 1, 10, containing: "4 hexadecimal"))
    #expect(fails(#"x = "\uD800""#, at: 1, 6, containing: "not a Unicode scalar"))
    #expect(fails(#"x = "\U00110000""#, at: 1, 6))
    // Unterminated at the newline (column 8 of "x = \"abc").
    #expect(fails("x = \"abc\ny = 1", at: 1, 9, containing: "unterminated"))
    #expect(fails("x = 'abc", at: 1, 9, containing: "unterminated"))
    #expect(fails("x = \"a\u{1}b\"", at: 1, 7, containing: "U+0001"))
    #expect(fails("x = 'a\u{7F}'", at: 1, 7, containing: "U+007F"))
    #expect(fails("x = \"\"\"a\rb\"\"\"", at: 1, 9, containing: "carriage return"))
    // Six quotes: the sixth (column 5 + 3 + 1 + 5 = 14) is one too many.
    #expect(fails("x = \"\"\"a\"\"\"\"\"\"", at: 1, 14))
    #expect(fails("x = \"\"\"a\\ b\"\"\"", at: 1, 11, containing: "backslash"))
    #expect(fails("x = '''a\n\nb", at: 3, 2, containing: "unterminated multi-line string"))
  }
}

@Suite struct NumberTests {
  @Test func integers() throws {
    #expect(try value("+99") == .integer(99))
    #expect(try value("-17") == .integer(-17))
    #expect(try value("0") == .integer(0))
    #expect(try value("-0") == .integer(0))
    #expect(try value("1_000_000") == .integer(1_000_000))
    #expect(try value("0xDEAD_beef") == .integer(0xDEAD_BEEF))
    #expect(try value("0o755") == .integer(0o755))
    #expect(try value("0b1101_0110") == .integer(0b1101_0110))
    #expect(try value("9223372036854775807") == .integer(Int64.max))
    #expect(try value("-9223372036854775808") == .integer(Int64.min))
    #expect(try value("0x7FFFFFFFFFFFFFFF") == .integer(Int64.max))
  }

  @Test func integerErrors() {
    #expect(fails("x = 012", at: 1, 5, containing: "leading zeros"))
    #expect(fails("x = -01", at: 1, 6, containing: "leading zeros"))
    #expect(fails("x = 1__0", at: 1, 6, containing: "underscore"))
    #expect(fails("x = 1_", at: 1, 6, containing: "underscore"))
    #expect(fails("x = _1", at: 1, 5, containing: "expected a value"))
    #expect(fails("x = +0x1", at: 1, 5, containing: "sign"))
    #expect(fails("x = 0x", at: 1, 7, containing: "hexadecimal digit"))
    #expect(fails("x = 0o8", at: 1, 7))
    #expect(fails("x = 0b12", at: 1, 8, containing: "binary"))
    #expect(fails("x = 9223372036854775808", at: 1, 5, containing: "out of range"))
    #expect(fails("x = -9223372036854775809", at: 1, 5, containing: "out of range"))
    #expect(fails("x = 0x8000000000000000", at: 1, 5, containing: "out of range"))
    #expect(fails("x = 12a", at: 1, 7))
  }

  @Test func floats() throws {
    #expect(try value("+1.0") == .float(1))
    #expect(try value("3.1415") == .float(3.1415))
    #expect(try value("-0.01") == .float(-0.01))
    #expect(try value("5e+22") == .float(5e22))
    #expect(try value("1e06") == .float(1e6))
    #expect(try value("-2E-2") == .float(-0.02))
    #expect(try value("6.626e-34") == .float(6.626e-34))
    #expect(try value("224_617.445_991_228") == .float(224_617.445_991_228))
    #expect(try value("0e0") == .float(0))
    #expect(try value("-0.0")?.double?.sign == .minus)
    #expect(try value("inf") == .float(.infinity))
    #expect(try value("+inf") == .float(.infinity))
    #expect(try value("-inf") == .float(-.infinity))
    #expect(try value("nan")?.double?.isNaN == true)
    #expect(try value("-nan")?.double?.isNaN == true)
    // Beyond the largest double: infinity, as Python's float() gives.
    #expect(try value("1e400") == .float(.infinity))
  }

  @Test func floatErrors() {
    #expect(fails("x = 1.", at: 1, 7, containing: "decimal point"))
    #expect(fails("x = .5", at: 1, 5))
    #expect(fails("x = 1.e5", at: 1, 7))
    #expect(fails("x = 1e", at: 1, 7, containing: "exponent"))
    #expect(fails("x = 1.5_", at: 1, 8, containing: "underscore"))
    #expect(fails("x = 1._5", at: 1, 7))
    #expect(fails("x = 1.2.3", at: 1, 8))
    #expect(fails("x = 00.5", at: 1, 5, containing: "leading zeros"))
    #expect(fails("x = infinity", at: 1, 8))
    #expect(fails("x = NaN", at: 1, 5))
  }

  @Test func booleans() throws {
    #expect(try value("true") == .boolean(true))
    #expect(try value("false") == .boolean(false))
    #expect(fails("x = True", at: 1, 5, containing: "expected a value"))
    #expect(fails("x = truex", at: 1, 9, containing: "newline"))
  }
}

@Suite struct DateTimeTests {
  @Test func offsetDateTimes() throws {
    let z = try value("1979-05-27T07:32:00Z")?.dateTime
    #expect(
      z
        == TOMLDateTime(
          year: 1979, month: 5, day: 27, hour: 7, minute: 32, second: 0, offsetMinutes: 0))
    #expect(z?.description == "1979-05-27T07:32:00Z")
    let minus = try value("1979-05-27 00:32:00.999999-07:00")?.dateTime
    #expect(minus?.offsetMinutes == -420)
    #expect(minus?.nanosecond == 999_999_000)
    #expect(minus?.description == "1979-05-27T00:32:00.999999-07:00")
    #expect(try value("1979-05-27t07:32:00+05:45")?.dateTime?.offsetMinutes == 345)
    #expect(try value("1979-05-27T07:32:00z")?.typeName == "offset date-time")
    // Fractions beyond nanoseconds are truncated.
    #expect(try value("2000-01-01T00:00:00.1234567891Z")?.dateTime?.nanosecond == 123_456_789)
  }

  @Test func localKinds() throws {
    let dt = try value("1979-05-27T07:32:00")
    #expect(dt?.typeName == "local date-time")
    #expect(dt?.dateTime?.offsetMinutes == nil)
    let date = try value("1979-05-27")
    #expect(date?.typeName == "local date")
    #expect(date?.dateTime == TOMLDateTime(year: 1979, month: 5, day: 27))
    #expect(date?.dateTime?.description == "1979-05-27")
    let time = try value("00:32:00.5")
    #expect(time?.typeName == "local time")
    #expect(time?.dateTime == TOMLDateTime(hour: 0, minute: 32, second: 0, nanosecond: 500_000_000))
    #expect(time?.dateTime?.description == "00:32:00.5")
    // A date then a comment: the space is not a separator.
    #expect(try TOML.parse("d = 1979-05-27 # c")["d"]?.typeName == "local date")
  }

  @Test func calendar() throws {
    // 2000 and 2024 are leap years (2000 divisible by 400); 1900 and 2100 are not (by 100).
    #expect(try value("2000-02-29") != nil)
    #expect(try value("2024-02-29") != nil)
    #expect(fails("x = 1900-02-29", at: 1, 13, containing: "invalid day"))
    #expect(fails("x = 2100-02-29", at: 1, 13))
    #expect(fails("x = 2023-04-31", at: 1, 13))
    #expect(fails("x = 2023-13-01", at: 1, 10, containing: "invalid month"))
    #expect(fails("x = 2023-00-01", at: 1, 10))
    #expect(fails("x = 2023-01-00", at: 1, 13))
  }

  @Test func timeErrors() {
    #expect(fails("x = 24:00:00", at: 1, 5, containing: "hour"))
    #expect(fails("x = 12:60:00", at: 1, 8, containing: "minutes"))
    // Leap seconds are refused, as tomllib does.
    #expect(fails("x = 12:00:60", at: 1, 11, containing: "seconds"))
    #expect(fails("x = 07:32", at: 1, 10, containing: "seconds"))
    #expect(fails("x = 07:32:00.", at: 1, 14, containing: "decimal point"))
    #expect(fails("x = 1979-05-27T07:32:00+24:00", at: 1, 25, containing: "offset hour"))
    #expect(fails("x = 1979-05-27T07:32:00+0900", at: 1, 27, containing: "':'"))
    #expect(fails("x = 1979-05-27T", at: 1, 16, containing: "hour"))
    #expect(fails("x = 07:32:00Z", at: 1, 13, containing: "newline"))
    #expect(fails("x = 0000-01-01", at: 1, 5, containing: "year"))
  }
}
