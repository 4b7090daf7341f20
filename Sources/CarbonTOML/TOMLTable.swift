/// A TOML table: keys in document order, with where each key and value is written.
///
/// Equality and hashing compare content only (keys and values, in any order), never positions.
public struct TOMLTable: Hashable, Sendable {
  /// Where the table is written: its `[header]` or `[[header]]`, the `{` of an inline table, the
  /// first key that created it implicitly (dotted key or a header's prefix), (1,1) for the root.
  public let position: TOMLPosition
  private var orderedKeys: [String]
  private var values: [TOMLValue]
  private var keyPositions: [TOMLPosition]
  private var valuePositions: [TOMLPosition]
  private var slots: [TOMLKey: Int]

  /// An empty table at `position`.
  init(position: TOMLPosition, capacity: Int = 0) {
    self.position = position
    orderedKeys = []
    values = []
    keyPositions = []
    valuePositions = []
    slots = [:]
    orderedKeys.reserveCapacity(capacity)
    values.reserveCapacity(capacity)
    keyPositions.reserveCapacity(capacity)
    valuePositions.reserveCapacity(capacity)
    slots.reserveCapacity(capacity)
  }

  /// Appends a key known not to be present.
  mutating func append(
    key: String, value: TOMLValue, keyPosition: TOMLPosition, valuePosition: TOMLPosition
  ) {
    slots[TOMLKey(key)] = orderedKeys.count
    orderedKeys.append(key)
    values.append(value)
    keyPositions.append(keyPosition)
    valuePositions.append(valuePosition)
  }

  /// The keys, in document order.
  public var keys: [String] { orderedKeys }

  /// The number of keys.
  public var count: Int { orderedKeys.count }

  /// Whether the table has no key.
  public var isEmpty: Bool { orderedKeys.isEmpty }

  /// The value of `key`, if present.
  public subscript(key: String) -> TOMLValue? {
    guard let slot = slots[TOMLKey(key)] else { return nil }
    return values[slot]
  }

  /// Where `key` is written in this table (for `a.b = 1`: "a" is at the a in the root, "b" at
  /// the b in table a).
  public func position(of key: String) -> TOMLPosition? {
    guard let slot = slots[TOMLKey(key)] else { return nil }
    return keyPositions[slot]
  }

  /// Where the value of `key` starts: its first character; for a table or an array of tables,
  /// the header of the first one.
  public func valuePosition(of key: String) -> TOMLPosition? {
    guard let slot = slots[TOMLKey(key)] else { return nil }
    return valuePositions[slot]
  }

  public static func == (lhs: TOMLTable, rhs: TOMLTable) -> Bool {
    guard lhs.orderedKeys.count == rhs.orderedKeys.count else { return false }
    for (slot, key) in lhs.orderedKeys.enumerated() {
      guard let other = rhs.slots[TOMLKey(key)], rhs.values[other] == lhs.values[slot] else {
        return false
      }
    }
    return true
  }

  public func hash(into hasher: inout Hasher) {
    // Order-independent: the sum of each entry's own hash.
    var sum = 0
    for (slot, key) in orderedKeys.enumerated() {
      var entry = Hasher()
      entry.combine(TOMLKey(key))
      entry.combine(values[slot])
      sum &+= entry.finalize()
    }
    hasher.combine(orderedKeys.count)
    hasher.combine(sum)
  }
}
