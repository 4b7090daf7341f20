import CarbonText

/// A JSON value built explicitly, so that absent values print as null (never omitted), keys
/// keep the order they are written in, and non-finite numbers never appear.
enum JSONValue: Sendable {
  case null
  case bool(Bool)
  case int(Int)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  static func num(_ d: Double?) -> JSONValue {
    guard let d, d.isFinite else { return .null }
    return .number(d)
  }
  static func str(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }
  static func fy(_ f: FiscalYear?) -> JSONValue { f.map { .string($0.description) } ?? .null }
  static func bool(_ b: Bool?) -> JSONValue { b.map { .bool($0) } ?? .null }
  static func int(_ i: Int?) -> JSONValue { i.map { .int($0) } ?? .null }

  /// The serialized text; pretty = 2-space indentation.
  func serialized(pretty: Bool) -> String {
    var out = ""
    write(into: &out, indent: 0, pretty: pretty)
    return out
  }

  func write(into out: inout String, indent: Int, pretty: Bool) {
    switch self {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .int(let i): out += String(i)
    case .number(let d):
      if !d.isFinite {
        out += "null"
      } else if d == d.rounded(), abs(d) < 1e15 {
        out += String(Int64(d))
      } else {
        out += "\(d)"
      }
    case .string(let s): JSONValue.quote(s, into: &out)
    case .array(let items):
      if items.isEmpty {
        out += "[]"
        return
      }
      out += "["
      for (i, v) in items.enumerated() {
        if i > 0 { out += "," }
        if pretty { JSONValue.newline(&out, indent + 1) }
        v.write(into: &out, indent: indent + 1, pretty: pretty)
      }
      if pretty { JSONValue.newline(&out, indent) }
      out += "]"
    case .object(let members):
      if members.isEmpty {
        out += "{}"
        return
      }
      out += "{"
      for (i, (k, v)) in members.enumerated() {
        if i > 0 { out += "," }
        if pretty { JSONValue.newline(&out, indent + 1) }
        JSONValue.quote(k, into: &out)
        out += pretty ? ": " : ":"
        v.write(into: &out, indent: indent + 1, pretty: pretty)
      }
      if pretty { JSONValue.newline(&out, indent) }
      out += "}"
    }
  }

  static func newline(_ out: inout String, _ indent: Int) {
    out += "\n"
    out += String(repeating: "  ", count: indent)
  }

  static let hex: [Character] = Array("0123456789abcdef")

  /// A JSON string literal: quotes, backslashes and every scalar `Sanitize` replaces (C0, DEL,
  /// C1, U+2028/9, the bidi overrides, isolates and marks) escaped as \uXXXX, so that the
  /// JSON printed on a terminal is safe too.
  static func quote(_ s: String, into out: inout String) {
    out += "\""
    for u in s.unicodeScalars {
      switch u {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{08}": out += "\\b"
      case "\u{0C}": out += "\\f"
      default:
        let v = u.value
        if Sanitize.isUnsafe(u) {
          out += "\\u"
          for shift in stride(from: 12, through: 0, by: -4) {
            out.append(hex[Int((v >> UInt32(shift)) & 0xF)])
          }
        } else {
          out.unicodeScalars.append(u)
        }
      }
    }
    out += "\""
  }
}
