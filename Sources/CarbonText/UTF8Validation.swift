/// Strict UTF-8 checking (RFC 3629: no overlong forms, no surrogates, nothing above
/// U+10FFFF): the one validator of the CSV reader, the events ledger, dataset TOML files and
/// the TOML parser.
public enum UTF8Validation {
  /// The offset of the first invalid sequence in `bytes` (its first byte: a character whose
  /// encoding is broken is reported where it starts); nil when all of it is valid.
  public static func firstInvalid(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    let count = bytes.count
    var i = 0
    while i < count {
      let c = bytes[i]
      if c < 0x80 {
        i += 1
        continue
      }
      var need = 0
      var lo: UInt8 = 0x80
      var hi: UInt8 = 0xBF
      switch c {
      case 0xC2...0xDF: need = 1
      case 0xE0: (need, lo) = (2, 0xA0)  // no overlong 3-byte forms
      case 0xE1...0xEC, 0xEE...0xEF: need = 2
      case 0xED: (need, hi) = (2, 0x9F)  // no surrogates
      case 0xF0: (need, lo) = (3, 0x90)  // no overlong 4-byte forms
      case 0xF1...0xF3: need = 3
      case 0xF4: (need, hi) = (3, 0x8F)  // nothing above U+10FFFF
      default: return i
      }
      guard i + need < count else { return i }
      let c1 = bytes[i + 1]
      guard c1 >= lo && c1 <= hi else { return i }
      var k = 2
      while k <= need {
        guard bytes[i + k] & 0xC0 == 0x80 else { return i }
        k += 1
      }
      i += need + 1
    }
    return nil
  }

  /// `firstInvalid` over a range of an array.
  public static func firstInvalid(_ bytes: [UInt8], _ range: Range<Int>) -> Int? {
    bytes.withUnsafeBufferPointer { all in
      firstInvalid(UnsafeBufferPointer(rebasing: all[range])).map { $0 + range.lowerBound }
    }
  }

  /// True when `count` bytes at `start` are valid UTF-8.
  public static func isValid(_ start: UnsafePointer<UInt8>, count: Int) -> Bool {
    firstInvalid(UnsafeBufferPointer(start: start, count: count)) == nil
  }

  /// True when the bytes of `range` are valid UTF-8.
  public static func isValid(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
    firstInvalid(bytes, range) == nil
  }
}
