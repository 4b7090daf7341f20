import CarbonKit
import CarbonText
import Dispatch
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The merged aggregation state: per (fiscal year, pair) sums, event counts, participant
/// sets and first sources; per fiscal year the participant set; the months with data.
final class LedgerTotals {
  var index: [UInt64: Int] = [:]
  var keys: [UInt64] = []
  var milli: [Int64] = []
  var events: [Int] = []
  var sets: [LedgerIDSet] = []
  var first: [SourceRef?] = []
  var months: [UInt64] = Array(repeating: 0, count: 120_000 / 64 + 1)
  var rowsRead = 0
  var rowsRejected = 0
  var store: LedgerByteStore
  var overflowed = false

  let tag: UInt64

  init(seed: UInt64, tag: UInt64) {
    self.tag = tag
    store = LedgerByteStore()
    store.seed = seed
  }

  deinit {
    for s in sets { s.deallocate() }
  }

  private func slot(_ key: UInt64) -> Int {
    if let k = index[key] { return k }
    let k = keys.count
    index[key] = k
    keys.append(key)
    milli.append(0)
    events.append(0)
    sets.append(LedgerIDSet(tag: tag))
    first.append(nil)
    return k
  }

  /// Adds the partials (consumed: their sets are taken over or freed). `source` turns a
  /// first-seen record into a file and line.
  func merge(_ partials: [LedgerPartial], threads: Int, source: (LedgerFirstSeen) -> SourceRef?) {
    // Serial part: slots, sums, counts, first sources, months. The set unions are grouped
    // into one job per fiscal year: its groups' sets, then its own set.
    var jobs: [LedgerMergeJob] = []
    var jobOfYear: [Int: Int] = [:]
    var groupIndex: [Int: (Int, Int)] = [:]
    for (pi, p) in partials.enumerated() {
      for s in 0..<p.slotKeys.count {
        let key = p.slotKeys[s]
        let t = slot(key)
        let (sum, o) = milli[t].addingReportingOverflow(p.milli[s])
        if o { overflowed = true } else { milli[t] = sum }
        events[t] += p.events[s]
        for f in p.firstSeen[s] {
          guard let ref = source(f) else { continue }
          if let cur = first[t], !LedgerTotals.precedes(ref, cur) { continue }
          first[t] = ref
        }
        let yt = slot((key >> 32) << 32 | UInt64(ledgerYearPair))
        let j: Int
        if let known = jobOfYear[yt] {
          j = known
        } else {
          j = jobs.count
          jobOfYear[yt] = j
          jobs.append(LedgerMergeJob(year: yt))
        }
        let size = p.sets[s].count
        jobs[j].size += size
        if t == yt {
          jobs[j].yearParts.append((pi, s))
        } else if let at = groupIndex[t] {
          jobs[at.0].groups[at.1].parts.append((pi, s))
          jobs[at.0].groups[at.1].size += size
        } else {
          groupIndex[t] = (j, jobs[j].groups.count)
          jobs[j].groups.append((t, [(pi, s)], size))
        }
      }
      for w in 0..<months.count { months[w] |= p.months[w] }
      store.merge(p.store)
      if p.overflowed { overflowed = true }
    }
    // Parallel part: one fiscal year per job, biggest first. Each group's partial sets are
    // united (the biggest taken over); the ids new to the group's merged set go on to the
    // year's set, which so ends up the union of its groups' sets.
    jobs.sort { $0.size > $1.size }
    let box = LedgerSendableBox(sets: sets, partials: partials, jobs: jobs)
    let n = min(max(1, threads), max(1, jobs.count))
    DispatchQueue.concurrentPerform(iterations: n) { w in
      while let j = box.next() {
        let job = box.jobs[j]
        var year = box.target(job.year)
        for (pi, s) in job.yearParts {
          let src = box.partials[pi].sets[s]
          year.formUnion(src)
          src.deallocate()
        }
        for group in job.groups.sorted(by: { $0.size > $1.size }) {
          var target = box.target(group.target)
          // The biggest set is taken over, the others are added to it.
          let parts = group.parts.sorted {
            box.partials[$0.0].sets[$0.1].count > box.partials[$1.0].sets[$1.1].count
          }
          for (pi, s) in parts {
            let src = box.partials[pi].sets[s]
            if target.count == 0 && src.tag == target.tag {
              // Take the partial's table over instead of copying it: all its ids are new.
              target.deallocate()
              target = src
              year.formUnion(src)
            } else {
              target.formUnion(src, newInto: &year)
              src.deallocate()
            }
          }
          box.setTarget(group.target, target)
        }
        box.setTarget(job.year, year)
      }
      _ = w
    }
    sets = box.sets  // every partial set was taken over or freed
  }

  /// Orders first sources by file name (UTF-8 bytes), then line.
  static func precedes(_ a: SourceRef, _ b: SourceRef) -> Bool {
    if a.file != b.file { return ByteOrder.less(a.file, b.file) }
    return a.line < b.line
  }

  /// The summary of everything merged so far.
  func summary(registry: LedgerPairRegistry, files: [String]) -> LedgerSummary {
    var groups: [EventGroup] = []
    var years: [Int: Int] = [:]
    for (k, key) in keys.enumerated() {
      let fy = Int(key >> 32) - 1
      let pair = UInt32(truncatingIfNeeded: key)
      if pair == ledgerYearPair {
        years[fy] = k
        continue
      }
      let names = registry.names(Int32(bitPattern: pair))
      groups.append(
        EventGroup(
          fiscalYear: FiscalYear(fy), entity: names.entity, program: names.program,
          milliKg: milli[k],
          events: events[k], participants: sets[k].count, firstSource: first[k]))
    }
    groups.sort { a, b in
      if a.fiscalYear != b.fiscalYear { return a.fiscalYear < b.fiscalYear }
      if a.entity != b.entity { return ByteOrder.less(a.entity, b.entity) }
      return ByteOrder.less(a.program, b.program)
    }
    var totals: [EventGroup] = []
    for (fy, k) in years.sorted(by: { $0.key < $1.key }) {
      var t = EventGroup(
        fiscalYear: FiscalYear(fy), entity: "*", program: "*", milliKg: 0, events: 0,
        participants: sets[k].count)
      for g in groups where g.fiscalYear.year == fy {
        let (s, o) = t.milliKg.addingReportingOverflow(g.milliKg)
        t.milliKg = o ? Int64.max : s
        t.events += g.events
        if let f = g.firstSource, t.firstSource.map({ LedgerTotals.precedes(f, $0) }) ?? true {
          t.firstSource = f
        }
      }
      if t.events > 0 { totals.append(t) }
    }
    var ms = Set<YearMonth>()
    for (w, word) in months.enumerated() where word != 0 {
      for bit in 0..<64 where word & (1 << UInt64(bit)) != 0 {
        ms.insert(YearMonth(index: w * 64 + bit))
      }
    }
    return LedgerSummary(
      groups: groups.filter { $0.events > 0 }, yearTotals: totals, months: ms, rowsRead: rowsRead,
      rowsRejected: rowsRejected, files: files.sortedByBytes()
    )
  }
}

/// Shared state of the parallel set merge (each job touches only its own target slot).
/// Unchecked: the partials' sets are read by the jobs without the lock (each by one job).
final class LedgerSendableBox: @unchecked Sendable {
  /// Unchecked: the sets' tables are handed between the jobs only through this state.
  private struct State: @unchecked Sendable {
    var cursor = 0
    var sets: [LedgerIDSet]
  }

  private let state: Mutex<State>
  let partials: [LedgerPartial]
  let jobs: [LedgerMergeJob]

  init(sets: [LedgerIDSet], partials: [LedgerPartial], jobs: [LedgerMergeJob]) {
    self.state = Mutex(State(sets: sets))
    self.partials = partials
    self.jobs = jobs
  }

  /// The sets (read once every job is done).
  var sets: [LedgerIDSet] { state.withLock { $0.sets } }

  func next() -> Int? {
    state.withLock { s in
      guard s.cursor < jobs.count else { return nil }
      s.cursor += 1
      return s.cursor - 1
    }
  }

  func target(_ t: Int) -> LedgerIDSet {
    state.withLock { $0.sets[t] }
  }

  func setTarget(_ t: Int, _ value: LedgerIDSet) {
    state.withLock { $0.sets[t] = value }
  }
}

/// The set unions of one fiscal year at the merge: (partial, slot) parts per group slot and
/// for the year's own slot.
struct LedgerMergeJob {
  var year: Int
  var yearParts: [(Int, Int)] = []
  var groups: [(target: Int, parts: [(Int, Int)], size: Int)] = []
  var size = 0

  init(year: Int) { self.year = year }
}
