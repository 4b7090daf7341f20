/// The recursive-descent TOML 1.0.0 scanner over UTF-8 bytes.
struct TOMLParser {
  /// Arrays, inline tables and tables nested deeper than this are refused (bounded recursion).
  static let maxDepth = 128

  /// A key part and the offset of its first character.
  struct KeyPart {
    var name: String
    var offset: Int
  }

  let bytes: [UInt8]
  let count: Int
  var index = 0
  /// Offsets at which each line starts (line 1 after a BOM).
  private var lineStarts: [Int] = []
  // Position cache: queries mostly move forward along a line.
  private var cacheLine = 0
  private var cacheOffset = 0
  private var cacheColumn = 1

  init(bytes: [UInt8]) {
    self.bytes = bytes
    count = bytes.count
    if count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
    lineStarts.append(index)
    for offset in index..<count where bytes[offset] == Ch.lf { lineStarts.append(offset + 1) }
    cacheOffset = index
  }

  // MARK: Positions and errors

  /// The position of byte `offset`.
  mutating func position(_ offset: Int) -> TOMLPosition {
    let target = max(lineStarts[0], min(offset, count))
    let next = cacheLine + 1 < lineStarts.count ? lineStarts[cacheLine + 1] : Int.max
    if target < cacheOffset || target >= next {
      // Binary search for the last line start <= target.
      var low = 0
      var high = lineStarts.count - 1
      while low < high {
        let mid = (low + high + 1) / 2
        if lineStarts[mid] <= target { low = mid } else { high = mid - 1 }
      }
      cacheLine = low
      cacheOffset = lineStarts[low]
      cacheColumn = 1
    }
    while cacheOffset < target {
      if bytes[cacheOffset] & 0xC0 != 0x80 { cacheColumn += 1 }
      cacheOffset += 1
    }
    // Landing inside a multi-byte scalar: report the scalar's column.
    let column = target < count && bytes[target] & 0xC0 == 0x80 ? cacheColumn - 1 : cacheColumn
    return TOMLPosition(line: cacheLine + 1, column: column)
  }

  /// An error at byte `offset`.
  mutating func fail(_ message: String, at offset: Int) -> TOMLError {
    TOMLError(position: position(offset), message: message)
  }

  /// A safe description of the character at `offset` for an error message.
  func describe(_ offset: Int) -> String {
    guard offset < count else { return "the end of the file" }
    let byte = bytes[offset]
    switch byte {
    case Ch.lf, Ch.cr: return "the end of the line"
    case Ch.space: return "a space"
    case Ch.tab: return "a tab"
    case 0x21...0x7E: return "'\(Character(Unicode.Scalar(byte)))'"
    default: return "U+" + Self.hex(scalar(at: offset), 4)
    }
  }

  /// The Unicode scalar value starting at `offset` (the byte itself if not a lead byte).
  func scalar(at offset: Int) -> UInt32 {
    let lead = bytes[offset]
    let length: Int
    var value: UInt32
    switch lead {
    case 0xC0...0xDF: (length, value) = (2, UInt32(lead & 0x1F))
    case 0xE0...0xEF: (length, value) = (3, UInt32(lead & 0x0F))
    case 0xF0...0xF7: (length, value) = (4, UInt32(lead & 0x07))
    default: return UInt32(lead)
    }
    guard offset + length <= count else { return UInt32(lead) }
    for k in 1..<length { value = value << 6 | UInt32(bytes[offset + k] & 0x3F) }
    return value
  }

  static func hex(_ value: UInt32, _ width: Int) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }

  /// A key path for a message: `"a.b"`, non-printable characters escaped.
  static func display(_ parts: ArraySlice<KeyPart>) -> String {
    var out = "\""
    for (n, part) in parts.enumerated() {
      if n > 0 { out += "." }
      for scalar in part.name.unicodeScalars {
        switch scalar.value {
        case 0x22: out += "\\\""
        case 0x5C: out += "\\\\"
        case 0...0x1F, 0x7F...0x9F, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E,
          0x2066...0x2069, 0xFEFF:
          out += "\\u" + hex(scalar.value, 4)
        default: out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }

  static func article(_ typeName: String) -> String {
    let first = typeName.first
    return (first == "a" || first == "i" || first == "o" ? "an " : "a ") + typeName
  }

  // MARK: Small scanners

  var current: UInt8? { index < count ? bytes[index] : nil }

  func byte(at offset: Int) -> UInt8? { offset < count ? bytes[offset] : nil }

  static func isDigit(_ byte: UInt8?) -> Bool {
    guard let byte else { return false }
    return byte >= Ch.zero && byte <= Ch.nine
  }

  static func isBareKey(_ byte: UInt8) -> Bool {
    switch byte {
    case Ch.zero...Ch.nine, 0x41...0x5A, 0x61...0x7A, Ch.underscore, Ch.minus: return true
    default: return false
    }
  }

  /// Whether `byte` is a control character not allowed in comments and strings (tab is).
  static func isControl(_ byte: UInt8) -> Bool {
    (byte < 0x20 && byte != Ch.tab) || byte == 0x7F
  }

  mutating func skipSpaces() {
    while index < count, bytes[index] == Ch.space || bytes[index] == Ch.tab { index += 1 }
  }

  /// Consumes a newline (LF or CRLF) at the current index.
  mutating func consumeNewline() throws(TOMLError) {
    if bytes[index] == Ch.cr {
      guard byte(at: index + 1) == Ch.lf else {
        throw fail("a carriage return must be followed by a line feed", at: index)
      }
      index += 2
    } else {
      index += 1
    }
  }

  /// Skips a comment from its '#' to the end of the line (the newline is not consumed).
  mutating func skipComment() throws(TOMLError) {
    index += 1
    while index < count {
      let byte = bytes[index]
      if byte == Ch.lf { return }
      if byte == Ch.cr {
        if self.byte(at: index + 1) == Ch.lf { return }
        throw fail("a carriage return must be followed by a line feed", at: index)
      }
      if Self.isControl(byte) {
        throw fail("control character U+\(Self.hex(UInt32(byte), 4)) in a comment", at: index)
      }
      index += 1
    }
  }

  /// Skips spaces, newlines and comments (inside arrays).
  mutating func skipBlank() throws(TOMLError) {
    while index < count {
      switch bytes[index] {
      case Ch.space, Ch.tab: index += 1
      case Ch.lf, Ch.cr: try consumeNewline()
      case Ch.hash: try skipComment()
      default: return
      }
    }
  }

  /// After a key/value pair or a header: spaces, an optional comment, then a newline or the end.
  mutating func endOfLine(after what: String) throws(TOMLError) {
    skipSpaces()
    if current == Ch.hash { try skipComment() }
    guard index < count else { return }
    guard bytes[index] == Ch.lf || bytes[index] == Ch.cr else {
      throw fail("expected a newline after \(what), found \(describe(index))", at: index)
    }
    try consumeNewline()
  }

  // MARK: Document

  mutating func parseDocument() throws(TOMLError) -> TOMLTable {
    let root = TOMLTableBuilder(origin: .root, position: position(index), depth: 0)
    var section = root
    while true {
      skipSpaces()
      guard index < count else { break }
      switch bytes[index] {
      case Ch.hash:
        try skipComment()
      case Ch.lf, Ch.cr:
        try consumeNewline()
      case Ch.lbracket:
        section = try parseHeader(root: root)
        try endOfLine(after: "a table header")
      default:
        try parseKeyValue(into: section)
        try endOfLine(after: "a value")
      }
    }
    return root.freeze()
  }

  // MARK: Keys

  /// A dotted key, with the spaces after it skipped.
  mutating func parseKey() throws(TOMLError) -> [KeyPart] {
    var parts: [KeyPart] = []
    while true {
      parts.append(try parseSimpleKey())
      skipSpaces()
      guard current == Ch.dot else { return parts }
      index += 1
      skipSpaces()
    }
  }

  mutating func parseSimpleKey() throws(TOMLError) -> KeyPart {
    let start = index
    if let quote = current, quote == Ch.quote || quote == Ch.apostrophe,
      byte(at: index + 1) == quote, byte(at: index + 2) == quote
    {
      throw fail("a key cannot be a multi-line string", at: index)
    }
    switch current {
    case Ch.quote?:
      return KeyPart(name: try parseBasicString(), offset: start)
    case Ch.apostrophe?:
      return KeyPart(name: try parseLiteralString(), offset: start)
    case let byte? where Self.isBareKey(byte):
      while index < count, Self.isBareKey(bytes[index]) { index += 1 }
      return KeyPart(name: String(decoding: bytes[start..<index], as: UTF8.self), offset: start)
    default:
      throw fail("expected a key, found \(describe(index))", at: index)
    }
  }

  // MARK: Tables

  /// Parses `[a.b]` or `[[a.b]]` and returns the table it opens.
  mutating func parseHeader(root: TOMLTableBuilder) throws(TOMLError) -> TOMLTableBuilder {
    let start = index
    let isArray = byte(at: index + 1) == Ch.lbracket
    index += isArray ? 2 : 1
    skipSpaces()
    let key = try parseKey()
    guard current == Ch.rbracket, !isArray || byte(at: index + 1) == Ch.rbracket else {
      let close = isArray ? "']]'" : "']'"
      let at = isArray && current == Ch.rbracket ? index + 1 : index
      throw fail("expected \(close) to close the table header, found \(describe(at))", at: at)
    }
    index += isArray ? 2 : 1
    let headerPosition = position(start)

    var table = root
    for (n, part) in key.dropLast().enumerated() {
      if let slot = table.slot(part.name) {
        switch table.entries[slot].node {
        case .table(let next):
          table = next
        case .tables(let array):
          guard let last = array.items.last else { throw fail("internal error", at: part.offset) }
          table = last
        case .value(let value):
          throw try notATable(key[...n], value, table.entries[slot], at: part.offset)
        }
      } else {
        table = try addTable(to: table, part, origin: .implicit)
      }
    }

    guard let last = key.last else { throw fail("expected a key", at: index) }
    let path = Self.display(key[...])
    if let slot = table.slot(last.name) {
      let entry = table.entries[slot]
      let line = entry.keyPosition.line
      switch entry.node {
      case .table(let existing):
        if isArray {
          throw fail(
            "\(path) is already a table (defined at line \(existing.position.line)), not an array of tables",
            at: last.offset)
        }
        switch existing.origin {
        case .implicit:
          existing.origin = .header
          existing.position = headerPosition
          table.entries[slot].valuePosition = headerPosition
          return existing
        case .dotted:
          throw fail(
            "table \(path) is already defined by dotted keys (at line \(line))", at: last.offset)
        case .header, .root:
          throw fail(
            "table \(path) is defined twice (first defined at line \(existing.position.line))",
            at: last.offset)
        }
      case .tables(let array):
        guard isArray else {
          throw fail(
            "\(path) is an array of tables (first defined at line \(entry.valuePosition.line)), not a table",
            at: last.offset)
        }
        let element = try makeTable(below: table, origin: .header, at: headerPosition, last.offset)
        array.items.append(element)
        return element
      case .value(.array):
        if isArray {
          throw fail(
            "cannot append to the static array \(path) (defined at line \(line))", at: last.offset)
        }
        throw try notATable(key[...], entry.node, entry, at: last.offset)
      case .value(let value):
        throw try notATable(key[...], value, entry, at: last.offset)
      }
    }
    let element = try makeTable(below: table, origin: .header, at: headerPosition, last.offset)
    table.add(
      .init(
        key: last.name, keyPosition: position(last.offset), valuePosition: headerPosition,
        node: isArray ? .tables(TOMLTableArray(first: element)) : .table(element)))
    return element
  }

  /// A new table one level below `parent`, refused past the depth limit.
  mutating func makeTable(
    below parent: TOMLTableBuilder, origin: TOMLTableBuilder.Origin, at position: TOMLPosition,
    _ offset: Int
  ) throws(TOMLError) -> TOMLTableBuilder {
    guard parent.depth < Self.maxDepth else {
      throw fail("tables are nested too deeply (the limit is \(Self.maxDepth))", at: offset)
    }
    return TOMLTableBuilder(origin: origin, position: position, depth: parent.depth + 1)
  }

  /// Creates the table `part` in `parent`, written at the key.
  mutating func addTable(
    to parent: TOMLTableBuilder, _ part: KeyPart, origin: TOMLTableBuilder.Origin
  ) throws(TOMLError) -> TOMLTableBuilder {
    let keyPosition = position(part.offset)
    let table = try makeTable(below: parent, origin: origin, at: keyPosition, part.offset)
    parent.add(
      .init(
        key: part.name, keyPosition: keyPosition, valuePosition: keyPosition, node: .table(table)))
    return table
  }

  /// The error for using a finished value as a table.
  mutating func notATable(
    _ path: ArraySlice<KeyPart>, _ value: TOMLValue, _ entry: TOMLTableBuilder.Entry,
    at offset: Int
  ) throws(TOMLError) -> TOMLError {
    let line = entry.keyPosition.line
    if case .table = value {
      return fail(
        "cannot extend the inline table \(Self.display(path)) (defined at line \(line))", at: offset
      )
    }
    return fail(
      "\(Self.display(path)) is already \(Self.article(value.typeName)) (defined at line \(line)), not a table",
      at: offset)
  }

  mutating func notATable(
    _ path: ArraySlice<KeyPart>, _ node: TOMLTableBuilder.Node, _ entry: TOMLTableBuilder.Entry,
    at offset: Int
  ) throws(TOMLError) -> TOMLError {
    if case .value(let value) = node { return try notATable(path, value, entry, at: offset) }
    return fail("\(Self.display(path)) is not a table", at: offset)
  }

  /// Parses `key = value` at the current index and stores it in `table`.
  mutating func parseKeyValue(into table: TOMLTableBuilder) throws(TOMLError) {
    let key = try parseKey()
    guard current == Ch.equals else {
      throw fail(
        "expected '=' after the key \(Self.display(key[...])), found \(describe(index))", at: index)
    }
    index += 1
    skipSpaces()
    let valueOffset = index
    let value = try parseValue(depth: table.depth + key.count)

    var target = table
    for (n, part) in key.dropLast().enumerated() {
      if let slot = target.slot(part.name) {
        let entry = target.entries[slot]
        switch entry.node {
        case .table(let next):
          switch next.origin {
          case .dotted:
            target = next
          case .implicit:
            next.origin = .dotted
            target = next
          case .header, .root:
            throw fail(
              "cannot add to the table \(Self.display(key[...n])) with a dotted key: it is defined by its header at line \(next.position.line)",
              at: part.offset)
          }
        case .tables:
          throw fail(
            "cannot add to the array of tables \(Self.display(key[...n])) with a dotted key",
            at: part.offset)
        case .value(let value):
          throw try notATable(key[...n], value, entry, at: part.offset)
        }
      } else {
        target = try addTable(to: target, part, origin: .dotted)
      }
    }
    guard let last = key.last else { throw fail("expected a key", at: index) }
    if let slot = target.slot(last.name) {
      let first = target.entries[slot].keyPosition.line
      throw fail(
        "duplicate key \(Self.display(key[...])) (first defined at line \(first))", at: last.offset)
    }
    target.add(
      .init(
        key: last.name, keyPosition: position(last.offset), valuePosition: position(valueOffset),
        node: .value(value)))
  }

  // MARK: Values

  mutating func parseValue(depth: Int) throws(TOMLError) -> TOMLValue {
    guard let byte = current else {
      throw fail("expected a value, found the end of the file", at: index)
    }
    switch byte {
    case Ch.quote: return .string(try parseBasicString())
    case Ch.apostrophe: return .string(try parseLiteralString())
    case Ch.lbracket:
      guard depth < Self.maxDepth else {
        throw fail("arrays are nested too deeply (the limit is \(Self.maxDepth))", at: index)
      }
      return .array(try parseArray(depth: depth + 1))
    case Ch.lbrace:
      guard depth < Self.maxDepth else {
        throw fail("inline tables are nested too deeply (the limit is \(Self.maxDepth))", at: index)
      }
      return .table(try parseInlineTable(depth: depth + 1))
    case Ch.t, Ch.f:
      if matches("true") {
        index += 4
        return .boolean(true)
      }
      if matches("false") {
        index += 5
        return .boolean(false)
      }
    case Ch.zero...Ch.nine, Ch.plus, Ch.minus, Ch.i, Ch.n:
      return try parseNumberOrDate()
    default:
      break
    }
    throw fail("expected a value, found \(describe(index))", at: index)
  }

  func matches(_ word: StaticString) -> Bool {
    word.withUTF8Buffer { buffer in
      guard index + buffer.count <= count else { return false }
      for k in 0..<buffer.count where bytes[index + k] != buffer[k] { return false }
      return true
    }
  }

  mutating func parseArray(depth: Int) throws(TOMLError) -> [TOMLValue] {
    index += 1
    var items: [TOMLValue] = []
    while true {
      try skipBlank()
      if current == Ch.rbracket {
        index += 1
        return items
      }
      items.append(try parseValue(depth: depth))
      try skipBlank()
      switch current {
      case Ch.comma?: index += 1
      case Ch.rbracket?:
        index += 1
        return items
      default:
        throw fail("expected ',' or ']' in an array, found \(describe(index))", at: index)
      }
    }
  }

  mutating func parseInlineTable(depth: Int) throws(TOMLError) -> TOMLTable {
    let table = TOMLTableBuilder(origin: .root, position: position(index), depth: depth)
    index += 1
    skipSpaces()
    if current == Ch.rbrace {
      index += 1
      return table.freeze()
    }
    while true {
      try parseKeyValue(into: table)
      skipSpaces()
      switch current {
      case Ch.comma?:
        index += 1
        skipSpaces()
        if current == Ch.rbrace {
          throw fail("a trailing comma is not allowed in an inline table", at: index - 1)
        }
      case Ch.rbrace?:
        index += 1
        return table.freeze()
      case Ch.lf?, Ch.cr?:
        throw fail("an inline table must be on a single line: expected ',' or '}'", at: index)
      default:
        throw fail("expected ',' or '}' in an inline table, found \(describe(index))", at: index)
      }
    }
  }
}

/// ASCII bytes used by the scanner.
enum Ch {
  static let tab: UInt8 = 0x09
  static let lf: UInt8 = 0x0A
  static let cr: UInt8 = 0x0D
  static let space: UInt8 = 0x20
  static let quote: UInt8 = 0x22
  static let hash: UInt8 = 0x23
  static let apostrophe: UInt8 = 0x27
  static let plus: UInt8 = 0x2B
  static let comma: UInt8 = 0x2C
  static let minus: UInt8 = 0x2D
  static let dot: UInt8 = 0x2E
  static let zero: UInt8 = 0x30
  static let nine: UInt8 = 0x39
  static let colon: UInt8 = 0x3A
  static let equals: UInt8 = 0x3D
  static let lbracket: UInt8 = 0x5B
  static let backslash: UInt8 = 0x5C
  static let rbracket: UInt8 = 0x5D
  static let underscore: UInt8 = 0x5F
  static let f: UInt8 = 0x66
  static let i: UInt8 = 0x69
  static let n: UInt8 = 0x6E
  static let t: UInt8 = 0x74
  static let lbrace: UInt8 = 0x7B
  static let rbrace: UInt8 = 0x7D
}
