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

/// A set of non-zero 64-bit ids (participants of one group). A value type over manually
/// managed storage (no reference counting or exclusivity checks on the hot path): the owner
/// calls `deallocate()` exactly once.
struct LedgerIDSet {
  private(set) var keys: UnsafeMutablePointer<UInt64>
  private var mask: Int
  private var shift: UInt64
  private(set) var count = 0

  init(capacity: Int = 16) {
    var c = 16
    var bits: UInt64 = 4
    while c < capacity {
      c <<= 1
      bits += 1
    }
    mask = c - 1
    shift = 64 - bits
    keys = .allocate(capacity: c)
    keys.initialize(repeating: 0, count: c)
  }

  var capacity: Int { mask + 1 }

  func deallocate() { keys.deallocate() }

  /// Fibonacci hashing: the high bits of one multiplication.
  @inline(__always)
  private func home(_ k: UInt64) -> Int {
    Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> shift)
  }

  /// Loads the home bucket of `k` (to bring it into cache before `insert`).
  @inline(__always)
  func touch(_ k: UInt64) -> UInt64 { keys[home(k)] }

  /// Inserts `k` (must not be 0); true when it was new.
  @inline(__always)
  @discardableResult
  mutating func insert(_ k: UInt64) -> Bool {
    var i = home(k)
    while true {
      let v = keys[i]
      if v == k { return false }
      if v == 0 {
        keys[i] = k
        count += 1
        if count * 10 > mask * 7 { grow() }
        return true
      }
      i = (i + 1) & mask
    }
  }

  private mutating func grow() {
    let old = keys
    let oldCap = mask + 1
    let cap = oldCap << 1
    mask = cap - 1
    shift -= 1
    keys = .allocate(capacity: cap)
    keys.initialize(repeating: 0, count: cap)
    for j in 0..<oldCap {
      let k = old[j]
      if k == 0 { continue }
      var i = home(k)
      while keys[i] != 0 { i = (i + 1) & mask }
      keys[i] = k
    }
    old.deallocate()
  }

  /// Grows the table until it is at least `n` buckets.
  mutating func reserve(buckets n: Int) {
    while capacity < n { grow() }
  }

  /// Adds every id of `other`. The table is first made at least as big as `other`'s:
  /// inserting in bucket order into a smaller table would pile keys into long clusters.
  mutating func formUnion(_ other: LedgerIDSet) {
    reserve(buckets: other.capacity)
    for j in 0..<other.capacity {
      let k = other.keys[j]
      if k != 0 { insert(k) }
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
