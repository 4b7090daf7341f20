import CarbonKit
import CarbonText

/// Where a dataset lives in PostgreSQL: `postgres://USER@HOST/DB?schema=NAME` (or
/// `postgresql://`). `schema` is carbontop's own parameter (default `public`); everything else
/// is libpq's URL, so the PG* environment variables, `~/.pgpass`, service files (`?service=`)
/// and `sslmode` apply as in psql. The password, when the URL has one, is never shown.
public struct PGTarget: Sendable, Hashable {
  /// The URL for libpq, without `schema`.
  public var conninfo: String
  public var schema: String
  /// The URL without its password, for messages and the header.
  public var display: String
  /// The password written in the URL (percent-decoded), to scrub it from libpq's messages.
  var password: String?

  /// True for a `postgres://` or `postgresql://` URL.
  public static func isURL(_ s: String) -> Bool {
    s.hasPrefix("postgres://") || s.hasPrefix("postgresql://")
  }

  /// Parses a URL; nil when it is not one (see `isURL`).
  public init?(url: String) {
    guard PGTarget.isURL(url) else { return nil }
    var base = url
    var query: [Substring] = []
    if let q = url.firstIndex(of: "?") {
      base = String(url[..<q])
      query = url[url.index(after: q)...].split(separator: "&", omittingEmptySubsequences: true)
    }
    var schema = "public"
    var kept: [Substring] = []
    for p in query {
      if p.hasPrefix("schema=") {
        schema = PGTarget.percentDecoded(String(p.dropFirst(7)))
      } else {
        kept.append(p)
      }
    }
    self.schema = schema
    self.conninfo = kept.isEmpty ? base : base + "?" + kept.joined(separator: "&")
    // user:password@ in the authority: the display drops ":password".
    let rest = base.drop { $0 != "/" }.dropFirst(2)
    let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
    let authority = rest[..<authorityEnd]
    var shown = base
    var password: String?
    if let at = authority.lastIndex(of: "@") {
      let userinfo = authority[..<at]
      if let colon = userinfo.firstIndex(of: ":") {
        password = PGTarget.percentDecoded(String(userinfo[userinfo.index(after: colon)...]))
        shown =
          String(base[..<colon]) + String(base[at...])
      }
    }
    var shownQuery = kept.filter { !$0.hasPrefix("password=") }.map(String.init)
    if kept.contains(where: { $0.hasPrefix("password=") }) {
      password = kept.first { $0.hasPrefix("password=") }.map {
        PGTarget.percentDecoded(String($0.dropFirst(9)))
      }
    }
    if schema != "public" || query.contains(where: { $0.hasPrefix("schema=") }) {
      shownQuery.append("schema=" + PGTarget.percentEncoded(schema))
    }
    self.display = Sanitize.text(
      shownQuery.isEmpty ? shown : shown + "?" + shownQuery.joined(separator: "&"))
    self.password = password
  }

  /// Replaces the URL's password, wherever it appears in `text`, by `***`.
  public func scrub(_ text: String) -> String {
    guard let password, !password.isEmpty else { return text }
    return text.replacing(password, with: "***")
  }

  static func percentDecoded(_ s: String) -> String {
    var out: [UInt8] = []
    let b = Array(s.utf8)
    var i = 0
    func hex(_ c: UInt8) -> UInt8? {
      switch c {
      case 48...57: return c - 48
      case 65...70: return c - 55
      case 97...102: return c - 87
      default: return nil
      }
    }
    while i < b.count {
      if b[i] == 37, i + 2 < b.count, let h = hex(b[i + 1]), let l = hex(b[i + 2]) {
        out.append(h << 4 | l)
        i += 3
      } else {
        out.append(b[i])
        i += 1
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  static func percentEncoded(_ s: String) -> String {
    var out = ""
    for b in s.utf8 {
      switch b {
      case 48...57, 65...90, 97...122, 45, 46, 95, 126: out.unicodeScalars.append(Unicode.Scalar(b))
      default:
        let h = Array("0123456789ABCDEF")
        out += "%" + String(h[Int(b >> 4)]) + String(h[Int(b & 15)])
      }
    }
    return out
  }

  /// The schema as a quoted SQL identifier.
  public var quotedSchema: String { SQL.identifier(schema) }
}

/// Quoting for SQL text built by carbontop (identifiers and literals).
public enum SQL {
  /// `"name"` with inner quotes doubled.
  public static func identifier(_ name: String) -> String {
    "\"" + name.replacing("\"", with: "\"\"") + "\""
  }

  /// `'text'` with inner quotes doubled (standard_conforming_strings is on since 9.1).
  public static func literal(_ text: String) -> String {
    "'" + text.replacing("'", with: "''") + "'"
  }
}
