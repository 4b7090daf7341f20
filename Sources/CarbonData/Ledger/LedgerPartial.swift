/// Where a group was first seen in one chunk of a file: the chunk's ordinal and the line of
/// the record relative to the chunk's first line.
struct LedgerFirstSeen: Hashable, Sendable {
  var chunk: Int32
  var line: Int32
}

/// Cache of (entity, program) byte pairs seen by one thread, in front of the shared registry.
struct LedgerPairCache {
  struct Entry {
    var entityOffset: Int
    var entityCount: Int
    var programOffset: Int
    var programCount: Int
    /// The registry's id; -1 when the entity is not UTF-8, -2 when the program is not.
    var pair: Int32
    var lastFY: Int32 = -1
    var lastSlot: Int32 = -1
  }

  var map = LedgerKeyMap()
  var arena: [UInt8] = []
  var entries: [Entry] = []
}

/// The aggregation state of one parsing thread (or of one incremental read).
struct LedgerPartial {
  var pairs = LedgerPairCache()
  /// (fiscal year, pair) -> slot; year slots use the pair `ledgerYearPair`.
  var slotMap = LedgerKeyMap()
  var slotKeys: [UInt64] = []
  var milli: [Int64] = []
  var events: [Int] = []
  var sets: [LedgerIDSet] = []
  /// For a group slot, the slot of its fiscal year's totals.
  var yearSlot: [Int32] = []
  var lastChunk: [Int32] = []
  var firstSeen: [[LedgerFirstSeen]] = []
  /// Bit per calendar month index (year * 12 + month - 1), years 0...9999.
  var months: [UInt64] = Array(repeating: 0, count: 120_000 / 64 + 1)
  var store = LedgerByteStore()
  /// True when some group's sum overflowed Int64 (the row was then rejected).
  var overflowed = false
  /// Keeps the batch's bucket loads from being optimised away.
  var sink: UInt64 = 0

  /// The numeric participant shape kept in 32 bits (see `LedgerIDSet`).
  let tag: UInt64
  /// The shape of the first numeric participant read.
  var firstTag: UInt64?

  init(seed: UInt64, tag: UInt64) {
    store.seed = seed
    self.tag = tag
  }

  /// Frees the participant sets. Call once, when the partial is no longer used.
  func deallocate() {
    for s in sets { s.deallocate() }
  }

  /// The slot of (fy, pair), created when new.
  @inline(__always)
  mutating func slot(fy: Int, pair: UInt32) -> Int32 {
    let key = ledgerSlotKey(fy: fy, pair: pair)
    if let s = slotMap.find(key) { return s }
    return addSlot(key: key, fy: fy, pair: pair)
  }

  private mutating func addSlot(key: UInt64, fy: Int, pair: UInt32) -> Int32 {
    var ys: Int32 = -1
    if pair != ledgerYearPair { ys = slot(fy: fy, pair: ledgerYearPair) }
    let s = Int32(slotKeys.count)
    // A group's (or year's) set starts at the size of the same group's set of the fiscal year
    // before, when this thread has one: the ledger runs roughly in time order, so this skips
    // most of the doublings (each rehashes the whole table).
    var set = LedgerIDSet(tag: tag)
    if let before = slotMap.find(ledgerSlotKey(fy: fy - 1, pair: pair)) {
      set.reserve(like: sets[Int(before)])
    }
    slotKeys.append(key)
    milli.append(0)
    events.append(0)
    sets.append(set)
    yearSlot.append(ys)
    lastChunk.append(-1)
    firstSeen.append([])
    slotMap.set(key, s)
    return s
  }
}

/// The pair number that marks a fiscal year's totals.
let ledgerYearPair: UInt32 = 0xFFFF_FFFF

@inline(__always)
func ledgerSlotKey(fy: Int, pair: UInt32) -> UInt64 {
  (UInt64(truncatingIfNeeded: fy) &+ 1) << 32 | UInt64(pair)
}
