import CNcursesW

/// Turns what ncurses' `get_wch` returns into a `Key`: a pure function, tested by table.
public enum KeyDecoder {
  /// Decodes one `get_wch` result: `code` is the wide character (`isKeyCode` false, from
  /// `OK`) or the `KEY_*` code (`isKeyCode` true, from `KEY_CODE_YES`). Returns nil for
  /// codes that are not keys (KEY_RESIZE and KEY_MOUSE are handled by the terminal) or that
  /// the dashboard does not use.
  public static func decode(code: Int32, isKeyCode: Bool) -> Key? {
    isKeyCode ? decodeKeyCode(code) : decodeCharacter(code)
  }

  static func decodeKeyCode(_ code: Int32) -> Key? {
    switch code {
    case cn_key_up(): return .up
    case cn_key_down(): return .down
    case cn_key_left(): return .left
    case cn_key_right(): return .right
    case cn_key_sr(): return .shiftUp
    case cn_key_sf(): return .shiftDown
    case cn_key_sleft(): return .shiftLeft
    case cn_key_sright(): return .shiftRight
    case cn_key_home(), cn_key_a1(): return .home
    case cn_key_end(), cn_key_c1(): return .end
    case cn_key_ppage(), cn_key_a3(): return .pageUp
    case cn_key_npage(), cn_key_c3(): return .pageDown
    case cn_key_enter(): return .enter
    case cn_key_backspace(): return .backspace
    case cn_key_dc(): return .delete
    case cn_key_btab(): return .backTab
    default:
      let f = code - cn_key_f0()
      if f >= 1 && f <= 24 { return .function(Int(f)) }
      return nil
    }
  }

  static func decodeCharacter(_ code: Int32) -> Key? {
    switch code {
    case 9: return .tab
    case 10, 13: return .enter
    case 27: return .escape
    case 8, 127: return .backspace
    case 1...26:
      // Ctrl-A is 1 ... Ctrl-Z is 26.
      guard let scalar = Unicode.Scalar(UInt32(96 + code)) else { return nil }
      return .ctrl(Character(scalar))
    case 0..<32: return nil
    default:
      guard code > 0, let scalar = Unicode.Scalar(UInt32(code)) else { return nil }
      if scalar.value >= 0x80 && scalar.value < 0xA0 { return nil }
      return .char(Character(scalar))
    }
  }

  /// Decodes an escape sequence ncurses did not recognise, given the characters after ESC:
  /// `[A` / `OA` (normal and keypad-mode arrows), `[1;2A` (shift-arrows), `[H` `[F` `OH` `OF`
  /// `[1~` `[4~` `[7~` `[8~` (Home/End), `[5~` `[6~` (PgUp/PgDn), `[3~` (Delete), `[Z`
  /// (BackTab), `OP`...`OS` and `[11~`... (F-keys), `OM` (keypad Enter). Nil otherwise.
  public static func decodeEscapeSequence(_ rest: [UInt32]) -> Key? {
    guard rest.count >= 2, let last = rest.last, let final = Unicode.Scalar(last) else {
      return nil
    }
    let introducer = rest[0]
    let params = String(
      String.UnicodeScalarView(rest.dropFirst().dropLast().compactMap(Unicode.Scalar.init)))
    let shifted = params.hasSuffix(";2")
    if introducer == 0x4F {  // "O": SS3, keypad mode
      switch final {
      case "A": return .up
      case "B": return .down
      case "C": return .right
      case "D": return .left
      case "H": return .home
      case "F": return .end
      case "M": return .enter
      case "P": return .function(1)
      case "Q": return .function(2)
      case "R": return .function(3)
      case "S": return .function(4)
      default: return nil
      }
    }
    guard introducer == 0x5B else { return nil }  // "[": CSI
    switch final {
    case "A": return shifted ? .shiftUp : .up
    case "B": return shifted ? .shiftDown : .down
    case "C": return shifted ? .shiftRight : .right
    case "D": return shifted ? .shiftLeft : .left
    case "H": return .home
    case "F": return .end
    case "Z": return .backTab
    case "~":
      let number = Int(params.split(separator: ";").first ?? "") ?? -1
      switch number {
      case 1, 7: return .home
      case 4, 8: return .end
      case 3: return .delete
      case 5: return .pageUp
      case 6: return .pageDown
      case 11...15: return .function(number - 10)
      case 17...21: return .function(number - 11)
      case 23, 24: return .function(number - 12)
      default: return nil
      }
    default: return nil
    }
  }

  /// True when a character ends a CSI/SS3 sequence (a letter or `~`).
  static func isFinal(_ code: UInt32) -> Bool {
    code >= 0x40 && code <= 0x7E
  }
}
