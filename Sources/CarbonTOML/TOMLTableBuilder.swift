/// A table while the document is parsed: it tracks how it was created, which decides what may
/// extend it later. Frozen into a `TOMLTable` at the end.
final class TOMLTableBuilder {
  /// How a table came to exist.
  enum Origin {
    /// The document root or the root of an inline table.
    case root
    /// Created as the prefix of a [header] or [[header]]; a later [header] may define it.
    case implicit
    /// Defined by its own [header] or [[header]].
    case header
    /// Created by a dotted key; only more dotted keys (and sub-table headers) may extend it.
    case dotted
  }

  /// What a key holds while parsing.
  enum Node {
    /// A finished value: scalars, static arrays and inline tables (which cannot be extended).
    case value(TOMLValue)
    /// A table that may still grow.
    case table(TOMLTableBuilder)
    /// An array of tables, [[header]].
    case tables(TOMLTableArray)
  }

  /// One key of the table.
  struct Entry {
    var key: String
    var keyPosition: TOMLPosition
    var valuePosition: TOMLPosition
    var node: Node
  }

  var origin: Origin
  var position: TOMLPosition
  /// Nesting depth (root = 0), bounded to keep the recursion of freezing shallow.
  let depth: Int
  var entries: [Entry] = []
  var slots: [TOMLKey: Int] = [:]

  init(origin: Origin, position: TOMLPosition, depth: Int) {
    self.origin = origin
    self.position = position
    self.depth = depth
  }

  /// The slot of `key`, if present.
  func slot(_ key: String) -> Int? { slots[TOMLKey(key)] }

  /// Adds a key known not to be present.
  func add(_ entry: Entry) {
    slots[TOMLKey(entry.key)] = entries.count
    entries.append(entry)
  }

  /// The finished table.
  func freeze() -> TOMLTable {
    var table = TOMLTable(position: position, capacity: entries.count)
    for entry in entries {
      let value: TOMLValue
      switch entry.node {
      case .value(let finished): value = finished
      case .table(let builder): value = .table(builder.freeze())
      case .tables(let array): value = .array(array.items.map { .table($0.freeze()) })
      }
      table.append(
        key: entry.key, value: value, keyPosition: entry.keyPosition,
        valuePosition: entry.valuePosition)
    }
    return table
  }
}

/// The elements of an array of tables (a class, so appending does not copy the array).
final class TOMLTableArray {
  var items: [TOMLTableBuilder]

  init(first: TOMLTableBuilder) { items = [first] }
}
