/// The order of names everywhere carbontop lists them (entities, programs, files,
/// scenarios, diagnostics): by their UTF-8 bytes, as docs/data-format.md asks. Independent of locale and
/// of Unicode normalization, so the report and the dashboard list names identically.
public enum ByteOrder {
  /// True when `a` comes before `b` in UTF-8 byte order.
  @inlinable
  public static func less<A: StringProtocol, B: StringProtocol>(_ a: A, _ b: B) -> Bool {
    a.utf8.lexicographicallyPrecedes(b.utf8)
  }
}

extension Sequence where Element: StringProtocol {
  /// The strings in UTF-8 byte order.
  public func sortedByBytes() -> [Element] { sorted { ByteOrder.less($0, $1) } }
}
