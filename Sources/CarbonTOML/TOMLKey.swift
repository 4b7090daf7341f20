/// A key as a dictionary key compared by its exact UTF-8 bytes: TOML keys "é" (U+00E9) and
/// "e\u{301}" are different keys, though Swift's `String ==` (canonical equivalence) says equal.
struct TOMLKey: Hashable, Sendable {
  let text: String

  init(_ text: String) { self.text = text }

  static func == (lhs: TOMLKey, rhs: TOMLKey) -> Bool {
    lhs.text.utf8.elementsEqual(rhs.text.utf8)
  }

  func hash(into hasher: inout Hasher) {
    var copy = text
    copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
  }
}
