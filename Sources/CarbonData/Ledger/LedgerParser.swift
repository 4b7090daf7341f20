import CarbonKit
import CarbonText

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A rejected row of a chunk, before its line is made absolute.
struct LedgerRowError: Sendable {
  /// Line of the record relative to the chunk's first line (0-based).
  var line: Int32
  var column: Int
  var message: String
}

/// What parsing one chunk of a file gave besides the aggregates.
struct LedgerChunkResult: Sendable {
  var ordinal: Int32 = 0
  /// Where the chunk started and where its last record ended (byte offsets in the file).
  var start = 0
  var end = 0
  /// Line feeds in [start, end).
  var lines = 0
  var rowsRead = 0
  var rowsRejected = 0
  /// The first rejected rows (at most `LedgerParser.diagnosticLimit`).
  var errors: [LedgerRowError] = []
}

/// The byte-level parser of ledger records: RFC 4180 fields, the five columns, exact amounts.
enum LedgerParser {
  /// Rejected rows reported one by one; the rest are counted.
  static let diagnosticLimit = 100

  /// 1 for the bytes that end an unquoted field: `,` `"` CR LF.
  nonisolated(unsafe) static let special: UnsafeMutablePointer<UInt8> = {
    let t = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
    t.initialize(repeating: 0, count: 256)
    t[44] = 1
    t[34] = 1
    t[13] = 1
    t[10] = 1
    return t
  }()

  /// Parses the records that start in [start, softEnd) of the bytes `b[0..<limit]` (the
  /// whole mapped file, so the last record may run past `softEnd`), adding them to `partial`.
  /// With `completeOnly`, a last record with no line feed is left for later (live reload).
  /// `release(offset)` is called every few MiB with the offset reached (progress, and to drop
  /// pages already read).
  static func parseChunk(
    _ b: UnsafePointer<UInt8>, limit: Int, start: Int, softEnd: Int, completeOnly: Bool,
    layout: LedgerLayout, endMonth: Int, seed: UInt64, ordinal: Int32,
    registry: LedgerPairRegistry, partial: inout LedgerPartial,
    release: (Int) -> Void
  ) -> LedgerChunkResult {
    var res = LedgerChunkResult()
    res.ordinal = ordinal
    res.start = start
    let maxFields = layout.count + 1
    let fStart = UnsafeMutablePointer<Int>.allocate(capacity: maxFields)
    let fEnd = UnsafeMutablePointer<Int>.allocate(capacity: maxFields)
    let fEsc = UnsafeMutablePointer<Bool>.allocate(capacity: maxFields)
    defer {
      fStart.deallocate()
      fEnd.deallocate()
      fEsc.deallocate()
    }
    var scratch = [UInt8](repeating: 0, count: 256)
    var scratch2 = [UInt8](repeating: 0, count: 256)
    let sp = special
    var i = start
    var line: Int32 = 0
    var nextRelease = start + (8 << 20)
    // Participant inserts are batched: the buckets of a batch are loaded first, so their
    // cache misses overlap instead of stalling one row at a time.
    let batchSize = 64
    let batchSlot = UnsafeMutablePointer<Int32>.allocate(capacity: batchSize)
    let batchKey = UnsafeMutablePointer<UInt64>.allocate(capacity: batchSize)
    defer {
      batchSlot.deallocate()
      batchKey.deallocate()
    }
    var nb = 0
    var sink: UInt64 = 0

    while i < softEnd && i < limit {
      if i >= nextRelease {
        release(i)
        nextRelease = i + (8 << 20)
      }
      let recStart = i
      var nf = 0
      var extra: Int32 = 0
      var recEnd = -1
      var errCol = 0
      var errMsg = ""
      var lastQuoted = false
      fields: while true {
        while i < limit && (b[i] == 32 || b[i] == 9) { i += 1 }
        if i < limit && b[i] == 34 {
          i += 1
          let qs = i
          var esc = false
          while true {
            i = scanQuoted(b, i, limit)
            if i >= limit {
              errCol = nf + 1
              errMsg = "a quoted field is not closed"
              break fields
            }
            let c = b[i]
            if c == 34 {
              if i + 1 < limit && b[i + 1] == 34 {
                esc = true
                i += 2
                continue
              }
              break
            }
            if c == 10 { extra += 1 }
            i += 1
          }
          // One rule with the tables (CSVReader): a CR inside quotes must start a CRLF.
          if hasLoneCR(b, qs, i) {
            errCol = nf + 1
            errMsg = "a carriage return not followed by a line feed"
            break fields
          }
          if nf < maxFields {
            fStart[nf] = qs
            fEnd[nf] = i
            fEsc[nf] = esc
          }
          nf += 1
          lastQuoted = true
          i += 1
          while i < limit && (b[i] == 32 || b[i] == 9) { i += 1 }
          if i >= limit {
            recEnd = limit
            break
          }
          let c = b[i]
          if c == 44 {
            i += 1
            continue
          }
          if c == 10 {
            recEnd = i + 1
            break
          }
          if c == 13 && i + 1 < limit && b[i + 1] == 10 {
            recEnd = i + 2
            break
          }
          errCol = nf
          errMsg = "text after a closing quote"
          break fields
        } else {
          let fs = i
          i = scanUnquoted(b, i, limit, sp)
          var fe = i
          while fe > fs && (b[fe - 1] == 32 || b[fe - 1] == 9) { fe -= 1 }
          if nf < maxFields {
            fStart[nf] = fs
            fEnd[nf] = fe
            fEsc[nf] = false
          }
          nf += 1
          lastQuoted = false
          if i >= limit {
            recEnd = limit
            break
          }
          let c = b[i]
          if c == 44 {
            i += 1
            continue
          }
          if c == 10 {
            recEnd = i + 1
            break
          }
          if c == 13 {
            if i + 1 < limit && b[i + 1] == 10 {
              recEnd = i + 2
              break
            }
            errCol = nf
            errMsg = "a carriage return not followed by a line feed"
            break fields
          }
          errCol = nf
          errMsg = "a quote inside an unquoted field"
          break fields
        }
      }
      if recEnd < 0 {
        // Bad quoting: the record ends at the first line feed outside quotes (quote parity
        // counted from the record's start, the same rule that splits files for threads).
        var q = false
        var j = recStart
        extra = 0
        while j < limit {
          let c = b[j]
          if c == 34 {
            q.toggle()
          } else if c == 10 {
            if !q { break }
            extra += 1
          }
          j += 1
        }
        recEnd = j < limit ? j + 1 : limit
      }
      if completeOnly && b[recEnd - 1] != 10 {
        // An unterminated last record: a writer may still be appending it.
        i = recStart
        break
      }
      i = recEnd
      let recLine = line
      line += 1 + extra
      if errMsg.isEmpty && nf == 1 && !lastQuoted && fEnd[0] == fStart[0] {
        continue  // a blank line
      }
      res.rowsRead += 1
      if errMsg.isEmpty && nf != layout.count {
        errCol = nf < layout.count ? nf + 1 : layout.count + 1
        errMsg = "expected \(layout.count) fields, found \(nf)"
      }
      // Bounded memory: a field is never copied past InputLimits.fieldBytes.
      if errMsg.isEmpty && recEnd - recStart > InputLimits.recordBytes {
        errCol = 1
        errMsg = InputLimits.recordMessage
      }
      if errMsg.isEmpty {
        for k in 0..<min(nf, maxFields) where fEnd[k] - fStart[k] > InputLimits.fieldBytes {
          errCol = k + 1
          errMsg = InputLimits.fieldMessage
          break
        }
      }
      if errMsg.isEmpty {
        // timestamp
        let ts = layout.timestamp
        var tsMonth = -1
        if !fEsc[ts] { tsMonth = parseTimestamp(b + fStart[ts], fEnd[ts] - fStart[ts]) }
        if tsMonth < 0 {
          errCol = ts + 1
          errMsg =
            "timestamp: expected YYYY-MM-DD or YYYY-MM-DDThh:mm:ss with Z or +hh:mm, found \(ledgerQuoted(UnsafeBufferPointer(start: b + fStart[ts], count: fEnd[ts] - fStart[ts])))"
        }
        // amount
        let am = layout.amount
        var milli: Int64 = -1
        if errMsg.isEmpty {
          let (v, problem) =
            fEsc[am]
            ? (Int64(-1), "expected a number") : parseAmount(b + fStart[am], fEnd[am] - fStart[am])
          if let problem {
            errCol = am + 1
            errMsg =
              "avoided_kgco2e: \(problem), found \(ledgerQuoted(UnsafeBufferPointer(start: b + fStart[am], count: fEnd[am] - fStart[am])))"
          } else {
            milli = v
          }
        }
        // entity and program
        var pair: Int32 = -1
        var cacheIndex = -1
        if errMsg.isEmpty {
          let e = layout.entity
          let p = layout.program
          if fEnd[e] == fStart[e] {
            errCol = e + 1
            errMsg = "entity: empty"
          } else if fEnd[p] == fStart[p] {
            errCol = p + 1
            errMsg = "program: empty"
          } else {
            var ep = b + fStart[e]
            var en = fEnd[e] - fStart[e]
            var pp = b + fStart[p]
            var pn = fEnd[p] - fStart[p]
            if fEsc[e] { en = unescape(b + fStart[e], en, into: &scratch) }
            if fEsc[p] { pn = unescape(b + fStart[p], pn, into: &scratch2) }
            (pair, cacheIndex) = scratch.withUnsafeBufferPointer { s1 in
              scratch2.withUnsafeBufferPointer { s2 in
                if fEsc[e], let base = s1.baseAddress { ep = base }
                if fEsc[p], let base = s2.baseAddress { pp = base }
                return lookupPair(ep, en, pp, pn, registry: registry, cache: &partial.pairs)
              }
            }
            if pair == -1 {
              errCol = e + 1
              errMsg = "entity: invalid UTF-8"
            } else if pair == -2 {
              errCol = p + 1
              errMsg = "program: invalid UTF-8"
            }
          }
        }
        // participant
        var pid: UInt64 = 0
        if errMsg.isEmpty {
          let u = layout.participant
          var up = b + fStart[u]
          var un = fEnd[u] - fStart[u]
          if un == 0 {
            errCol = u + 1
            errMsg = "participant: empty"
          } else {
            pid = fEsc[u] ? 0 : numericID(up, un)
            if pid != 0 && partial.firstTag == nil { partial.firstTag = pid >> 50 }
            if pid == 0 {
              if fEsc[u] {
                un = unescape(b + fStart[u], un, into: &scratch)
              }
              scratch.withUnsafeBufferPointer { s1 in
                if fEsc[u], let base = s1.baseAddress { up = base }
                if UTF8Validation.isValid(up, count: un) {
                  let h = ledgerHashBytes(up, un, seed: seed)
                  partial.store.record(hash: h, up, un)
                  pid = h | (1 << 63)
                }
              }
              if pid == 0 {
                errCol = u + 1
                errMsg = "participant: invalid UTF-8"
              }
            }
          }
        }
        if errMsg.isEmpty {
          let year = tsMonth / 12
          let month = tsMonth % 12 + 1
          let fy = month <= endMonth ? year : year + 1
          let slot: Int32
          if cacheIndex >= 0 && partial.pairs.entries[cacheIndex].lastFY == Int32(fy) {
            slot = partial.pairs.entries[cacheIndex].lastSlot
          } else {
            slot = partial.slot(fy: fy, pair: UInt32(pair))
            if cacheIndex >= 0 {
              partial.pairs.entries[cacheIndex].lastFY = Int32(fy)
              partial.pairs.entries[cacheIndex].lastSlot = slot
            }
          }
          let s = Int(slot)
          let (sum, over) = partial.milli[s].addingReportingOverflow(milli)
          if over {
            partial.overflowed = true
            errCol = layout.amount + 1
            errMsg = "avoided_kgco2e: the group's sum overflows"
          } else {
            partial.milli[s] = sum
            partial.events[s] += 1
            batchSlot[nb] = slot
            batchKey[nb] = pid
            nb += 1
            if nb == batchSize {
              sink ^= flush(&partial, batchSlot, batchKey, nb)
              nb = 0
            }
            partial.months[tsMonth >> 6] |= 1 << UInt64(tsMonth & 63)
            if partial.lastChunk[s] != ordinal {
              partial.lastChunk[s] = ordinal
              partial.firstSeen[s].append(LedgerFirstSeen(chunk: ordinal, line: recLine))
            }
          }
        }
      }
      if !errMsg.isEmpty {
        res.rowsRejected += 1
        if res.errors.count < diagnosticLimit {
          res.errors.append(LedgerRowError(line: recLine, column: errCol, message: errMsg))
        }
      }
    }
    sink ^= flush(&partial, batchSlot, batchKey, nb)
    partial.sink ^= sink
    res.end = i
    res.lines = Int(line)
    release(i)
    return res
  }

  /// Bytes that are 0 in `v` get their high bit set (exact for the lowest such byte).
  @inline(__always)
  static func zeroBytes(_ v: UInt64) -> UInt64 {
    (v &- 0x0101_0101_0101_0101) & ~v & 0x8080_8080_8080_8080
  }

  /// The first byte at or after `i` that ends an unquoted field (`,` `"` CR LF), 8 bytes
  /// at a time; `limit` when none.
  @inline(__always)
  static func scanUnquoted(
    _ b: UnsafePointer<UInt8>, _ start: Int, _ limit: Int, _ sp: UnsafeMutablePointer<UInt8>
  ) -> Int {
    var i = start
    let raw = UnsafeRawPointer(b)
    while i + 8 <= limit {
      let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      let m =
        zeroBytes(w ^ 0x2C2C_2C2C_2C2C_2C2C) | zeroBytes(w ^ 0x2222_2222_2222_2222)
        | zeroBytes(w ^ 0x0A0A_0A0A_0A0A_0A0A) | zeroBytes(w ^ 0x0D0D_0D0D_0D0D_0D0D)
      if m != 0 { return i + m.trailingZeroBitCount >> 3 }
      i += 8
    }
    while i < limit && sp[Int(b[i])] == 0 { i += 1 }
    return i
  }

  /// True when b[start..<end] holds a CR not followed by LF (within the range).
  static func hasLoneCR(_ b: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
    var k = start
    while k < end {
      if b[k] == 13 && !(k + 1 < end && b[k + 1] == 10) { return true }
      k += 1
    }
    return false
  }

  /// The first `"` or LF at or after `i` (inside a quoted field); `limit` when none.
  @inline(__always)
  static func scanQuoted(_ b: UnsafePointer<UInt8>, _ start: Int, _ limit: Int) -> Int {
    var i = start
    let raw = UnsafeRawPointer(b)
    while i + 8 <= limit {
      let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      let m = zeroBytes(w ^ 0x2222_2222_2222_2222) | zeroBytes(w ^ 0x0A0A_0A0A_0A0A_0A0A)
      if m != 0 { return i + m.trailingZeroBitCount >> 3 }
      i += 8
    }
    while i < limit && b[i] != 34 && b[i] != 10 { i += 1 }
    return i
  }

  /// Inserts a batch of (slot, participant) into the group sets. The fiscal-year sets are
  /// not filled here: a year's set is the union of its groups' sets, built at the merge
  /// (`LedgerTotals.merge`) from the ids new to each merged group. The batch's buckets are
  /// loaded first, so that their cache misses overlap.
  @inline(__always)
  static func flush(
    _ partial: inout LedgerPartial, _ slots: UnsafeMutablePointer<Int32>,
    _ keys: UnsafeMutablePointer<UInt64>, _ n: Int
  ) -> UInt64 {
    var sink: UInt64 = 0
    partial.sets.withUnsafeMutableBufferPointer { sets in
      for j in 0..<n { sink &+= sets[Int(slots[j])].touch(keys[j]) }
      for j in 0..<n { sets[Int(slots[j])].insert(keys[j]) }
    }
    return sink
  }

  /// Copies a quoted field's content with `""` collapsed; returns the length.
  static func unescape(_ p: UnsafePointer<UInt8>, _ n: Int, into out: inout [UInt8]) -> Int {
    if out.count < n { out = [UInt8](repeating: 0, count: n) }
    var k = 0
    var j = 0
    while j < n {
      out[k] = p[j]
      k += 1
      j += p[j] == 34 && j + 1 < n && p[j + 1] == 34 ? 2 : 1
    }
    return k
  }

  /// The pair id of (entity, program) through the thread's cache, and the cache entry (or -1
  /// when the cache could not hold it). Ids -1 and -2 mean invalid UTF-8.
  @inline(__always)
  static func lookupPair(
    _ ep: UnsafePointer<UInt8>, _ en: Int, _ pp: UnsafePointer<UInt8>, _ pn: Int,
    registry: LedgerPairRegistry, cache: inout LedgerPairCache
  ) -> (Int32, Int) {
    // A quick hash (the ends of both fields and their lengths): the bytes are compared in
    // full below, so a collision only costs a trip to the registry, never a wrong pair.
    let h =
      ledgerMix(ledgerQuickHash(ep, en) &+ ledgerQuickHash(pp, pn) &* 0x9E37_79B9_7F4A_7C15) | 1
    if let idx = cache.map.find(h) {
      let entry = cache.entries[Int(idx)]
      let same = cache.arena.withUnsafeBufferPointer { a -> Bool in
        guard let base = a.baseAddress, entry.entityCount == en, entry.programCount == pn else {
          return false
        }
        return ledgerSameBytes(base + entry.entityOffset, ep, en)
          && ledgerSameBytes(base + entry.programOffset, pp, pn)
      }
      if same { return (entry.pair, Int(idx)) }
      // A hash collision between two different pairs: go to the registry every time.
      return (resolve(ep, en, pp, pn, registry: registry), -1)
    }
    let pair = resolve(ep, en, pp, pn, registry: registry)
    let eo = cache.arena.count
    cache.arena.append(contentsOf: UnsafeBufferPointer(start: ep, count: en))
    let po = cache.arena.count
    cache.arena.append(contentsOf: UnsafeBufferPointer(start: pp, count: pn))
    cache.entries.append(
      .init(entityOffset: eo, entityCount: en, programOffset: po, programCount: pn, pair: pair))
    cache.map.set(h, Int32(cache.entries.count - 1))
    return (pair, cache.entries.count - 1)
  }

  private static func resolve(
    _ ep: UnsafePointer<UInt8>, _ en: Int, _ pp: UnsafePointer<UInt8>, _ pn: Int,
    registry: LedgerPairRegistry
  ) -> Int32 {
    if !UTF8Validation.isValid(ep, count: en) { return -1 }
    if !UTF8Validation.isValid(pp, count: pn) { return -2 }
    return registry.id(
      entity: Array(UnsafeBufferPointer(start: ep, count: en)),
      program: Array(UnsafeBufferPointer(start: pp, count: pn)))
  }

  /// `YYYY-MM-DD`, `YYYY-MM-DDThh:mm:ssZ` or `YYYY-MM-DDThh:mm:ss+hh:mm` (or `-hh:mm`),
  /// fully validated. Returns the month index year * 12 + month - 1, or -1.
  @inline(__always)
  static func parseTimestamp(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
    guard n == 10 || n == 20 || n == 25 else { return -1 }
    @inline(__always) func d(_ k: Int) -> Int {
      let v = Int(p[k]) &- 48
      return v >= 0 && v <= 9 ? v : -1000
    }
    let year = d(0) * 1000 + d(1) * 100 + d(2) * 10 + d(3)
    let month = d(5) * 10 + d(6)
    let day = d(8) * 10 + d(9)
    guard year >= 0, p[4] == 45, p[7] == 45, month >= 1, month <= 12, day >= 1 else { return -1 }
    guard day <= 28 || day <= daysIn(year, month) else { return -1 }
    if n > 10 {
      let hh = d(11) * 10 + d(12)
      let mm = d(14) * 10 + d(15)
      let ss = d(17) * 10 + d(18)
      guard p[10] == 84, p[13] == 58, p[16] == 58, hh >= 0, hh < 24, mm >= 0, mm < 60, ss >= 0,
        ss < 60
      else { return -1 }
      if n == 20 {
        guard p[19] == 90 else { return -1 }
      } else {
        let oh = d(20) * 10 + d(21)
        let om = d(23) * 10 + d(24)
        guard p[19] == 43 || p[19] == 45, p[22] == 58, oh >= 0, oh < 24, om >= 0, om < 60 else {
          return -1
        }
      }
    }
    return year * 12 + month - 1
  }

  static func daysIn(_ y: Int, _ m: Int) -> Int {
    switch m {
    case 2: return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// An amount in kg as exact milli-kg (grams): digits, optional fraction, optional
  /// exponent. Rejects signs, NaN, infinities, overflow and values that are not a whole
  /// number of grams (more than 3 decimals after the exponent is applied).
  @inline(__always)
  static func parseAmount(_ p: UnsafePointer<UInt8>, _ n: Int) -> (Int64, String?) {
    // Fast path for the usual shape: 1 to 15 digits, optionally `.` and 1 to 3 digits.
    var q = 0
    var whole: Int64 = 0
    while q < n && q < 15, p[q] &- 48 < 10 {
      whole = whole &* 10 &+ Int64(p[q] &- 48)
      q += 1
    }
    if q > 0 {
      if q == n { return (whole &* 1000, nil) }
      let f = n - q - 1
      if p[q] == 46 && f >= 1 && f <= 3 {
        var frac: Int64 = 0
        var r = q + 1
        while r < n, p[r] &- 48 < 10 {
          frac = frac &* 10 &+ Int64(p[r] &- 48)
          r += 1
        }
        if r == n {
          let scale: Int64 = f == 1 ? 100 : f == 2 ? 10 : 1
          return (whole &* 1000 &+ frac &* scale, nil)
        }
      }
    }
    // Everything else: leading `.`, exponents, more digits, errors.
    let notNumber = "expected a number (kg, at most 3 decimals)"
    if n == 0 { return (-1, "empty") }
    if p[0] == 45 { return (-1, "negative amount") }
    var k = 0
    var m: UInt64 = 0
    var sig = 0
    var digits = 0
    var pendingZeros = 0
    var exp10 = 0
    while k < n, p[k] &- 48 < 10 {
      let v = UInt64(p[k] &- 48)
      if sig > 0 || v != 0 {
        sig += 1
        if sig > 18 { return (-1, "too large") }
        m = m * 10 + v
      }
      digits += 1
      k += 1
    }
    if k < n && p[k] == 46 {
      k += 1
      while k < n, p[k] &- 48 < 10 {
        let v = UInt64(p[k] &- 48)
        digits += 1
        exp10 -= 1
        if v == 0 {
          pendingZeros += 1
        } else {
          while pendingZeros > 0 {
            if sig > 0 {
              sig += 1
              if sig > 18 { return (-1, "more than 3 decimals") }
              m *= 10
            }
            pendingZeros -= 1
          }
          sig += 1
          if sig > 18 { return (-1, "more than 3 decimals") }
          m = m * 10 + v
        }
        k += 1
      }
      exp10 += pendingZeros  // trailing zeros of the fraction change nothing
    }
    if digits == 0 { return (-1, notNumber) }
    if k < n && (p[k] == 101 || p[k] == 69) {
      k += 1
      var neg = false
      if k < n && (p[k] == 43 || p[k] == 45) {
        neg = p[k] == 45
        k += 1
      }
      var e = 0
      var ed = 0
      while k < n, p[k] &- 48 < 10 {
        if e < 100_000 { e = e * 10 + Int(p[k] &- 48) }
        ed += 1
        k += 1
      }
      if ed == 0 { return (-1, notNumber) }
      exp10 += neg ? -e : e
    }
    if k != n { return (-1, notNumber) }
    if m == 0 { return (0, nil) }
    var scale = exp10 + 3
    if scale >= 0 {
      while scale > 0 {
        let (r, o) = m.multipliedReportingOverflow(by: 10)
        if o { return (-1, "too large") }
        m = r
        scale -= 1
      }
    } else {
      while scale < 0 {
        if m % 10 != 0 { return (-1, "more than 3 decimals") }
        m /= 10
        scale += 1
      }
    }
    if m > UInt64(Int64.max) { return (-1, "too large") }
    return (Int64(m), nil)
  }

  /// A participant written as an optional ASCII letter and 1 to 15 digits (`u000012345`),
  /// packed losslessly into an id (the letter, the digit count and the value); 0 otherwise.
  @inline(__always)
  static func numericID(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
    var k = 0
    var prefix: UInt64 = 0
    let c0 = p[0] | 0x20
    if c0 >= 97 && c0 <= 122 {
      prefix = UInt64(p[0])
      k = 1
    }
    let nd = n - k
    guard nd >= 1 && nd <= 15 else { return 0 }
    var v: UInt64 = 0
    while k < n {
      let d = p[k] &- 48
      if d > 9 { return 0 }
      v = v &* 10 &+ UInt64(d)
      k += 1
    }
    return prefix << 54 | UInt64(nd) << 50 | v
  }

}
