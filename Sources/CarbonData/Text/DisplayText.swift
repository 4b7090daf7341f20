/// Text from data files as it may appear inside a diagnostic message: control characters
/// replaced, quotes escaped, and long text shortened, so a message never carries raw bytes.
public enum DisplayText {
  /// `"1,234"`-style quoted rendering of `text`, at most `limit` characters of it.
  public static func quoted(_ text: String, limit: Int = 40) -> String {
    "\"" + clean(text, limit: limit) + "\""
  }

  /// `text` with control characters replaced by U+FFFD and cut after `limit` characters.
  static func clean(_ text: String, limit: Int = 40) -> String {
    var out = ""
    var n = 0
    for s in text.unicodeScalars {
      if n == limit {
        out += "…"
        break
      }
      if s.value < 0x20 || (s.value >= 0x7F && s.value < 0xA0) {
        out.unicodeScalars.append("\u{FFFD}")
      } else if s == "\"" {
        out += "\\\""
      } else {
        out.unicodeScalars.append(s)
      }
      n += 1
    }
    return out
  }

  /// A number as written in messages: whole numbers without a fraction.
  static func number(_ v: Double) -> String {
    if v.isFinite && v == v.rounded() && abs(v) < 1e15 { return String(Int(v)) }
    return String(v)
  }
}
