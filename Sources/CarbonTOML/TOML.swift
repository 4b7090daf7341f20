import CarbonText

/// The TOML 1.0.0 parser (https://toml.io/en/v1.0.0).
public enum TOML {
  /// Parses a whole document. A leading UTF-8 BOM is skipped.
  public static func parse(_ text: String) throws(TOMLError) -> TOMLTable {
    var parser = TOMLParser(bytes: Array(text.utf8))
    return try parser.parseDocument()
  }

  /// Parses a whole document from UTF-8 bytes. A leading BOM is skipped; invalid UTF-8 is an
  /// error at the offending byte.
  public static func parse(utf8: [UInt8]) throws(TOMLError) -> TOMLTable {
    var parser = TOMLParser(bytes: utf8)
    if let bad = utf8.withUnsafeBufferPointer({ UTF8Validation.firstInvalid($0) }) {
      throw parser.fail("invalid UTF-8 byte 0x\(TOMLParser.hex(UInt32(utf8[bad]), 2))", at: bad)
    }
    return try parser.parseDocument()
  }
}
