/// Open-addressing hash tables specialised for the ledger's hot path: no generics, no
/// Swift dictionaries, keys are 64-bit integers with 0 meaning "empty".

/// Mixes a 64-bit key into a well-spread 64-bit hash (multiply-xorshift).
@inline(__always)
func ledgerMix(_ k: UInt64) -> UInt64 {
  var h = k &* 0x9E37_79B9_7F4A_7C15
  h ^= h >> 29
  h = h &* 0xBF58_476D_1CE4_E5B9
  return h ^ (h >> 32)
}

/// One open-addressing table of non-zero keys (linear probing, Fibonacci hashing).
/// Manually managed: the owner calls `deallocate()` exactly once.
struct LedgerProbeTable<Key: FixedWidthInteger & UnsignedInteger> {
  private(set) var keys: UnsafeMutablePointer<Key>?
  private var mask = -1
  private var shift: UInt64 = 64
  private(set) var count = 0
  /// Keeps the batch's bucket loads from being optimised away.
  private var loaded: UInt64 = 0

  init() {}

  var capacity: Int { mask + 1 }

  func deallocate() { keys?.deallocate() }

  @inline(__always)
  private func home(_ k: Key) -> Int {
    Int(truncatingIfNeeded: (UInt64(k) &* 0x9E37_79B9_7F4A_7C15) >> shift)
  }

  /// Loads the home bucket of `k` (to bring it into cache before `insert`).
  @inline(__always)
  func touch(_ k: Key) -> UInt64 {
    guard let keys else { return 0 }
    return UInt64(keys[home(k)])
  }

  /// Inserts `k`; true when it was not there yet.
  @inline(__always) @discardableResult
  mutating func insert(_ k: Key) -> Bool {
    if count * 10 >= mask * 7 { grow() }
    guard let keys else { return false }
    var i = home(k)
    while true {
      let v = keys[i]
      if v == k { return false }
      if v == 0 {
        keys[i] = k
        count += 1
        return true
      }
      i = (i + 1) & mask
    }
  }

  private mutating func grow() {
    let old = keys
    let oldCap = capacity
    let cap = max(16, oldCap << 1)
    mask = cap - 1
    shift = UInt64(64 - cap.trailingZeroBitCount)
    let fresh = UnsafeMutablePointer<Key>.allocate(capacity: cap)
    fresh.initialize(repeating: 0, count: cap)
    keys = fresh
    guard let old else { return }
    for j in 0..<oldCap {
      let k = old[j]
      if k == 0 { continue }
      var i = home(k)
      while fresh[i] != 0 { i = (i + 1) & mask }
      fresh[i] = k
    }
    old.deallocate()
  }

  /// Grows the table until it has at least `n` buckets.
  mutating func reserve(buckets n: Int) {
    while capacity < n { grow() }
  }

  /// Inserts every key of `other` as `insertAll(of:)` does, and the keys that were new here
  /// into `also` (batched the same way).
  mutating func insertAll(
    of other: LedgerProbeTable<Key>, newInto also: inout LedgerProbeTable<Key>
  ) {
    guard let src = other.keys else { return }
    reserve(buckets: other.capacity)
    var batch: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (
      0, 0, 0, 0, 0, 0, 0, 0
    )
    withUnsafeMutableBytes(of: &batch) { raw in
      let buf = raw.bindMemory(to: Key.self)
      let size = buf.count
      var n = 0
      var sink: UInt64 = 0
      var j = 0
      let cap = other.capacity
      while j <= cap {
        if j < cap {
          if src[j] != 0 {
            buf[n] = src[j]
            n += 1
          }
          j += 1
          if n < size { continue }
        } else {
          j += 1
        }
        for t in 0..<n { sink &+= touch(buf[t]) }
        var m = 0
        for t in 0..<n where insert(buf[t]) {
          buf[m] = buf[t]
          m += 1
        }
        for t in 0..<m { sink &+= also.touch(buf[t]) }
        for t in 0..<m { also.insert(buf[t]) }
        n = 0
      }
      loaded ^= sink
    }
  }

  /// Inserts every key of `other`, 64 at a time: the home buckets of a batch are loaded
  /// first, so their cache misses overlap.
  mutating func insertAll(of other: LedgerProbeTable<Key>) {
    guard let src = other.keys else { return }
    reserve(buckets: other.capacity)
    var batch: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (
      0, 0, 0, 0, 0, 0, 0, 0
    )
    withUnsafeMutableBytes(of: &batch) { raw in
      let buf = raw.bindMemory(to: Key.self)
      let size = buf.count
      var n = 0
      var sink: UInt64 = 0
      for j in 0..<other.capacity where src[j] != 0 {
        buf[n] = src[j]
        n += 1
        if n == size {
          for t in 0..<n { sink &+= touch(buf[t]) }
          for t in 0..<n { insert(buf[t]) }
          n = 0
        }
      }
      for t in 0..<n { insert(buf[t]) }
      loaded ^= sink
    }
  }
}

/// A set of non-zero 64-bit participant ids (those of one group). Ids of the ledger's
/// dominant numeric shape (`tag`, the bits above the value: letter and digit count) are kept
/// as 32-bit keys, halving the memory and the cache misses; others as 64-bit keys.
struct LedgerIDSet {
  private var small = LedgerProbeTable<UInt32>()
  private var large = LedgerProbeTable<UInt64>()
  let tag: UInt64

  init(tag: UInt64) { self.tag = tag }

  var count: Int { small.count + large.count }
  var capacity: Int { small.capacity + large.capacity }

  func deallocate() {
    small.deallocate()
    large.deallocate()
  }

  @inline(__always)
  private func compact(_ k: UInt64) -> UInt32? {
    let v = k & 0x3_FFFF_FFFF_FFFF
    return k >> 50 == tag && v < 0xFFFF_FFFF ? UInt32(v + 1) : nil
  }

  /// Loads the home bucket of `k` (to bring it into cache before `insert`).
  @inline(__always)
  func touch(_ k: UInt64) -> UInt64 {
    if let c = compact(k) { return small.touch(c) }
    return large.touch(k)
  }

  /// Inserts `k` (must not be 0); true when it was not there yet.
  @inline(__always) @discardableResult
  mutating func insert(_ k: UInt64) -> Bool {
    if let c = compact(k) { return small.insert(c) }
    return large.insert(k)
  }

  /// Adds every id of `other` to this set, and the ids that were new here to `also`.
  mutating func formUnion(_ other: LedgerIDSet, newInto also: inout LedgerIDSet) {
    if other.tag == tag && also.tag == tag {
      small.reserve(buckets: other.small.capacity)
      large.reserve(buckets: other.large.capacity)
      small.insertAll(of: other.small, newInto: &also.small)
      large.insertAll(of: other.large, newInto: &also.large)
    } else {
      other.forEachID { if insert($0) { also.insert($0) } }
    }
  }

  /// Calls `body` with every id.
  func forEachID(_ body: (UInt64) -> Void) {
    if let keys = small.keys {
      for j in 0..<small.capacity where keys[j] != 0 { body(tag << 50 | UInt64(keys[j] - 1)) }
    }
    if let keys = large.keys {
      for j in 0..<large.capacity where keys[j] != 0 { body(keys[j]) }
    }
  }

  /// Makes the tables at least as big as `other`'s (when the shapes agree).
  mutating func reserve(like other: LedgerIDSet) {
    guard other.tag == tag else { return }
    small.reserve(buckets: other.small.capacity)
    large.reserve(buckets: other.large.capacity)
  }

  /// Adds every id of `other`. The tables are first made at least as big as `other`'s:
  /// inserting in bucket order into a smaller table would pile keys into long clusters.
  mutating func formUnion(_ other: LedgerIDSet) {
    if other.tag == tag {
      small.reserve(buckets: other.small.capacity)
      large.reserve(buckets: other.large.capacity)
      small.insertAll(of: other.small)
      large.insertAll(of: other.large)
    } else {
      other.forEachID { insert($0) }
    }
  }
}

/// A map from non-zero 64-bit keys to Int32 values.
struct LedgerKeyMap {
  private var keys: [UInt64]
  private var values: [Int32]
  private var mask: Int
  private(set) var count = 0

  init() {
    keys = Array(repeating: 0, count: 64)
    values = Array(repeating: 0, count: 64)
    mask = 63
  }

  @inline(__always)
  func find(_ k: UInt64) -> Int32? {
    var i = Int(truncatingIfNeeded: ledgerMix(k)) & mask
    while true {
      let v = keys[i]
      if v == k { return values[i] }
      if v == 0 { return nil }
      i = (i + 1) & mask
    }
  }

  mutating func set(_ k: UInt64, _ value: Int32) {
    var i = Int(truncatingIfNeeded: ledgerMix(k)) & mask
    while true {
      let v = keys[i]
      if v == k {
        values[i] = value
        return
      }
      if v == 0 { break }
      i = (i + 1) & mask
    }
    keys[i] = k
    values[i] = value
    count += 1
    if count * 2 > keys.count {
      let oldK = keys
      let oldV = values
      keys = Array(repeating: 0, count: oldK.count * 2)
      values = Array(repeating: 0, count: oldK.count * 2)
      mask = keys.count - 1
      count = 0
      for j in 0..<oldK.count where oldK[j] != 0 { set(oldK[j], oldV[j]) }
    }
  }
}

/// Hashes bytes to 64 bits (8 bytes at a time, seeded).
@inline(__always)
func ledgerHashBytes(_ p: UnsafePointer<UInt8>, _ n: Int, seed: UInt64) -> UInt64 {
  var h = seed ^ (UInt64(n) &* 0x9E37_79B9_7F4A_7C15)
  var i = 0
  let raw = UnsafeRawPointer(p)
  while i + 8 <= n {
    let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
    h = (h ^ ledgerMix(w)) &* 0xFF51_AFD7_ED55_8CCD
    i += 8
  }
  if i < n {
    var w: UInt64 = 0
    var s: UInt64 = 0
    while i < n {
      w |= UInt64(p[i]) << s
      s += 8
      i += 1
    }
    h = (h ^ ledgerMix(w ^ 0xA5)) &* 0xFF51_AFD7_ED55_8CCD
  }
  return ledgerMix(h)
}

/// A cheap hash of short byte strings, for caches that compare the bytes afterwards: the
/// first and last 8 bytes (4, or 3 single bytes, for shorter strings) and the length, with
/// no loop over the bytes.
@inline(__always)
func ledgerQuickHash(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
  let raw = UnsafeRawPointer(p)
  var a: UInt64 = 0
  var b: UInt64 = 0
  if n >= 8 {
    a = raw.loadUnaligned(as: UInt64.self)
    b = raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
  } else if n >= 4 {
    a = UInt64(raw.loadUnaligned(as: UInt32.self))
    b = UInt64(raw.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self))
  } else if n > 0 {
    a = UInt64(p[0]) | UInt64(p[n >> 1]) << 8 | UInt64(p[n - 1]) << 16
  }
  return ledgerMix(a ^ ledgerMix(b ^ UInt64(n)))
}

/// True when the `n` bytes at `a` and `b` are equal: 8 bytes at a time, the last word
/// overlapping, no library call (the strings compared are short names).
@inline(__always)
func ledgerSameBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
  let ra = UnsafeRawPointer(a)
  let rb = UnsafeRawPointer(b)
  if n >= 8 {
    var i = 0
    while i + 8 < n {
      if ra.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        != rb.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      {
        return false
      }
      i += 8
    }
    return ra.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
      == rb.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
  }
  if n >= 4 {
    return ra.loadUnaligned(as: UInt32.self) == rb.loadUnaligned(as: UInt32.self)
      && ra.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
        == rb.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
  }
  for i in 0..<n where a[i] != b[i] { return false }
  return true
}

/// Byte strings keyed by a 64-bit hash, to detect two different participants with the same
/// hashed id (then the aggregation is redone with another seed, so counts stay exact).
struct LedgerByteStore {
  private var map = LedgerKeyMap()
  private var offsets: [Int] = [0]
  private var bytes: [UInt8] = []
  /// True once two different byte strings had the same hash.
  private(set) var collided = false

  /// Records `bytes` under `hash`; checks an earlier string with that hash is the same.
  mutating func record(hash: UInt64, _ p: UnsafePointer<UInt8>, _ n: Int) {
    if let idx = map.find(hash) {
      let s = offsets[Int(idx)]
      let e = offsets[Int(idx) + 1]
      if e - s != n {
        collided = true
        return
      }
      bytes.withUnsafeBufferPointer { b in
        for j in 0..<n where b[s + j] != p[j] {
          collided = true
          return
        }
      }
      return
    }
    map.set(hash, Int32(offsets.count - 1))
    bytes.append(contentsOf: UnsafeBufferPointer(start: p, count: n))
    offsets.append(bytes.count)
  }

  /// Records every string of `other`.
  mutating func merge(_ other: LedgerByteStore) {
    if other.collided { collided = true }
    other.bytes.withUnsafeBufferPointer { b in
      guard let base = b.baseAddress else { return }
      for i in 0..<(other.offsets.count - 1) {
        let s = other.offsets[i]
        let n = other.offsets[i + 1] - s
        record(hash: ledgerHashBytes(base + s, n, seed: other.seed), base + s, n)
      }
    }
  }

  /// The seed the hashes were made with.
  var seed: UInt64 = 0
}
