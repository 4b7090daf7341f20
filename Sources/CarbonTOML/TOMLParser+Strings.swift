// Basic, literal and multi-line strings.
extension TOMLParser {
  /// Parses `"..."` or `"""..."""` starting at the opening quote.
  mutating func parseBasicString() throws(TOMLError) -> String {
    if byte(at: index + 1) == Ch.quote, byte(at: index + 2) == Ch.quote {
      return try parseMultilineString(quote: Ch.quote)
    }
    index += 1
    var buffer: [UInt8] = []
    var start = index
    while true {
      guard index < count else {
        throw fail("unterminated string: expected '\"' before the end of the file", at: index)
      }
      let byte = bytes[index]
      switch byte {
      case Ch.quote:
        buffer.append(contentsOf: bytes[start..<index])
        index += 1
        return String(decoding: buffer, as: UTF8.self)
      case Ch.backslash:
        buffer.append(contentsOf: bytes[start..<index])
        try parseEscape(into: &buffer, multiline: false)
        start = index
      case Ch.lf, Ch.cr:
        throw fail("unterminated string: expected '\"' before the end of the line", at: index)
      default:
        if Self.isControl(byte) {
          throw fail("control character U+\(Self.hex(UInt32(byte), 4)) in a string", at: index)
        }
        index += 1
      }
    }
  }

  /// Parses `'...'` or `'''...'''` starting at the opening apostrophe.
  mutating func parseLiteralString() throws(TOMLError) -> String {
    if byte(at: index + 1) == Ch.apostrophe, byte(at: index + 2) == Ch.apostrophe {
      return try parseMultilineString(quote: Ch.apostrophe)
    }
    index += 1
    let start = index
    while true {
      guard index < count else {
        throw fail("unterminated string: expected \"'\" before the end of the file", at: index)
      }
      let byte = bytes[index]
      switch byte {
      case Ch.apostrophe:
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        index += 1
        return text
      case Ch.lf, Ch.cr:
        throw fail("unterminated string: expected \"'\" before the end of the line", at: index)
      default:
        if Self.isControl(byte) {
          throw fail("control character U+\(Self.hex(UInt32(byte), 4)) in a string", at: index)
        }
        index += 1
      }
    }
  }

  /// Parses a multi-line basic (`quote` = '"') or literal (`quote` = "'") string from its
  /// opening delimiter. CRLF inside is normalized to LF.
  mutating func parseMultilineString(quote: UInt8) throws(TOMLError) -> String {
    let open = index
    index += 3
    // A newline right after the opening delimiter is trimmed.
    if current == Ch.lf {
      index += 1
    } else if current == Ch.cr, byte(at: index + 1) == Ch.lf {
      index += 2
    }
    var buffer: [UInt8] = []
    var start = index
    while true {
      guard index < count else {
        let line = position(open).line
        throw fail("unterminated multi-line string (opened at line \(line))", at: index)
      }
      let byte = bytes[index]
      switch byte {
      case quote:
        var run = 1
        while run < 6, self.byte(at: index + run) == quote { run += 1 }
        if run < 3 {
          index += run
          continue
        }
        if run == 6 {
          throw fail("too many quotes at the end of a multi-line string", at: index + 5)
        }
        // Up to two quotes before the closing delimiter belong to the string.
        buffer.append(contentsOf: bytes[start..<(index + run - 3)])
        index += run
        return String(decoding: buffer, as: UTF8.self)
      case Ch.backslash where quote == Ch.quote:
        buffer.append(contentsOf: bytes[start..<index])
        try parseEscape(into: &buffer, multiline: true)
        start = index
      case Ch.cr:
        guard self.byte(at: index + 1) == Ch.lf else {
          throw fail("a carriage return must be followed by a line feed", at: index)
        }
        buffer.append(contentsOf: bytes[start..<index])
        index += 1
        start = index
      case Ch.lf, Ch.tab:
        index += 1
      default:
        if Self.isControl(byte) {
          throw fail("control character U+\(Self.hex(UInt32(byte), 4)) in a string", at: index)
        }
        index += 1
      }
    }
  }

  /// Parses an escape sequence at the backslash and appends what it stands for.
  mutating func parseEscape(into buffer: inout [UInt8], multiline: Bool) throws(TOMLError) {
    let backslash = index
    guard let kind = byte(at: index + 1) else {
      throw fail("unterminated string: a backslash at the end of the file", at: index)
    }
    index += 2
    switch kind {
    case 0x62: buffer.append(0x08)  // \b
    case Ch.t: buffer.append(Ch.tab)
    case Ch.n: buffer.append(Ch.lf)
    case Ch.f: buffer.append(0x0C)
    case 0x72: buffer.append(Ch.cr)  // \r
    case Ch.quote: buffer.append(Ch.quote)
    case Ch.backslash: buffer.append(Ch.backslash)
    case 0x75, 0x55:  // \u, \U
      let digits = kind == 0x75 ? 4 : 8
      var value: UInt32 = 0
      for k in 0..<digits {
        guard let digit = byte(at: index + k).flatMap(Self.hexValue) else {
          let name = kind == 0x75 ? "\\u" : "\\U"
          throw fail(
            "\(name) must be followed by \(digits) hexadecimal digits, found \(describe(index + k))",
            at: index + k)
        }
        value = value << 4 | UInt32(digit)
      }
      guard let scalar = Unicode.Scalar(value) else {
        throw fail(
          "\(kind == 0x75 ? "\\u" : "\\U")\(Self.hex(value, digits)) is not a Unicode scalar value",
          at: backslash)
      }
      index += digits
      buffer.append(contentsOf: String(Character(scalar)).utf8)
    case Ch.space, Ch.tab, Ch.lf, Ch.cr:
      guard multiline else { throw invalidEscape(kind, at: backslash) }
      // A line-ending backslash: only whitespace may follow it on its line; then every space
      // and newline up to the next other character is trimmed.
      index -= 1
      skipSpaces()
      guard let next = current, next == Ch.lf || next == Ch.cr else {
        throw fail(
          "a backslash at the end of a line may only be followed by spaces, found \(describe(index))",
          at: index < count ? index : backslash)
      }
      while index < count {
        switch bytes[index] {
        case Ch.space, Ch.tab: index += 1
        case Ch.lf, Ch.cr: try consumeNewline()
        default: return
        }
      }
    default:
      throw invalidEscape(kind, at: backslash)
    }
  }

  mutating func invalidEscape(_ kind: UInt8, at backslash: Int) -> TOMLError {
    if kind >= 0x21 && kind <= 0x7E {
      return fail(
        "invalid escape \\\(Character(Unicode.Scalar(kind))) in a string", at: backslash)
    }
    return fail("invalid escape: '\\' followed by \(describe(backslash + 1))", at: backslash)
  }

  static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case Ch.zero...Ch.nine: return byte - Ch.zero
    case 0x41...0x46: return byte - 0x41 + 10
    case 0x61...0x66: return byte - 0x61 + 10
    default: return nil
    }
  }
}
