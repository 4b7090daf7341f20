import CarbonKit
import CarbonSystem
import CarbonText
import Dispatch
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// The events ledger's aggregation state, fed file by file and, for live reload, with the
/// bytes appended to a file since it was last read.
///
/// ```swift
/// let acc = LedgerAccumulator(calendar: FiscalCalendar(endMonth: 3))
/// var diags = acc.ingest(files: files)          // whole files, in parallel
/// diags += acc.ingest(file: files[0])           // later: only what was appended
/// let summary = acc.summary()
/// ```
/// Only records ended by a line feed are consumed: an unterminated last line (a writer still
/// appending) is read on a later `ingest`. A file that shrank is re-read whole (`ingest`
/// notices); call `reset(file:)` for a file that was replaced in place.
public final class LedgerAccumulator {
  /// The fiscal calendar events are assigned with.
  public let calendar: FiscalCalendar
  /// Threads used for reading.
  public let threads: Int
  let completeOnly: Bool
  private var seed: UInt64 = 0x2024_0331
  private var registry = LedgerPairRegistry()
  private var totals: LedgerTotals
  /// The participant shape kept in 32 bits: that of the first participant read (letter
  /// 'u', 9 digits until then), fixed for the accumulator's life.
  private var tag: UInt64 = 0x75 << 4 | 9
  private var tagFixed = false

  private struct FileState {
    var file: LedgerFile
    var layout: LedgerLayout?
    var offset: Int = 0
    var nextLine = 1
    var headerDone = false
  }
  private var states: [String: FileState] = [:]

  /// An empty accumulator.
  public convenience init(
    calendar: FiscalCalendar, threads: Int = SystemInfo.activeProcessorCount
  ) {
    self.init(calendar: calendar, threads: threads, completeOnly: true)
  }

  init(calendar: FiscalCalendar, threads: Int, completeOnly: Bool) {
    self.calendar = calendar
    self.threads = max(1, threads)
    self.completeOnly = completeOnly
    totals = LedgerTotals(seed: seed, tag: tag)
  }

  /// Bytes of `file` consumed so far (0 for a file never read).
  public func consumedOffset(of file: LedgerFile) -> Int64 {
    Int64(states[file.path]?.offset ?? 0)
  }

  /// Reads what was appended to `file` since the last read (a new file from its start).
  /// `offset` 0 for a file already read, or a file now shorter than what was read, re-reads
  /// everything (see `reset(file:)`); any other offset is taken as "where the last read
  /// stopped" (`consumedOffset(of:)`), which the accumulator tracks itself so that line
  /// numbers stay right. Returns the diagnostics of the rows read.
  public func ingest(file: LedgerFile, from offset: Int64? = nil) -> [Diagnostic] {
    if let st = states[file.path] {
      var size: Int64 = -1
      var sb = stat()
      if stat(file.path, &sb) == 0 { size = Int64(sb.st_size) }
      if (offset == 0 && st.offset > 0) || size < Int64(st.offset) {
        return reset(file: file)
      }
    }
    return ingest(files: [file])
  }

  /// Reads every file from where its last read stopped (new files from the start), in
  /// parallel over `threads`.
  public func ingest(
    files: [LedgerFile],
    progress: (@Sendable (_ bytesDone: Int64, _ bytesTotal: Int64) -> Void)? = nil
  ) -> [Diagnostic] {
    let diags = read(files, progress: progress)
    if totals.store.collided {
      // Two different participants hashed alike: redo everything with another seed.
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return rebuildAll(progress: progress)
    }
    return diags
  }

  /// Forgets everything read and re-reads all known files whole (events cannot be
  /// subtracted from exact distinct counts, so a replaced file costs a full rebuild).
  @discardableResult
  public func reset(file: LedgerFile) -> [Diagnostic] {
    if states[file.path] == nil { states[file.path] = FileState(file: file) }
    return rebuildAll(progress: nil)
  }

  private func rebuildAll(progress: (@Sendable (Int64, Int64) -> Void)?) -> [Diagnostic] {
    let files = states.values.map(\.file)
    states = [:]
    registry = LedgerPairRegistry()
    totals = LedgerTotals(seed: seed, tag: tag)
    return ingest(files: files, progress: progress)
  }

  /// What everything read so far adds up to.
  public func summary() -> LedgerSummary {
    totals.summary(registry: registry, files: states.values.map(\.file.name))
  }

  // MARK: - Reading

  private struct Mapping {
    var file: LedgerFile
    var base: UnsafeMutableRawPointer?
    var mapOffset = 0
    var mapLength = 0
    var size = 0
  }

  private struct Chunk {
    var file: Int
    var start: Int
    var softEnd: Int
  }

  private func read(_ files: [LedgerFile], progress: (@Sendable (Int64, Int64) -> Void)?)
    -> [Diagnostic]
  {
    var unsplit = Set<String>()
    let order = files.sorted { ByteOrder.less($0.name, $1.name) }
    while true {
      if let diags = readOnce(order, unsplit: &unsplit, progress: progress) { return diags }
    }
  }

  /// One attempt; nil when a file's split turned out to cut a quoted field (then that file
  /// is read by one thread on the next attempt).
  private func readOnce(
    _ files: [LedgerFile], unsplit: inout Set<String>, progress: (@Sendable (Int64, Int64) -> Void)?
  ) -> [Diagnostic]? {
    var fileDiags: [[Diagnostic]] = Array(repeating: [], count: files.count)
    var maps: [Mapping] = []
    var chunks: [Chunk] = []
    let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    var newStates = states
    for (fi, file) in files.enumerated() {
      var st = newStates[file.path] ?? FileState(file: file)
      st.file = file
      var m = Mapping(file: file)
      defer {
        maps.append(m)
        newStates[file.path] = st
      }
      // O_NONBLOCK: a FIFO put in events/ must not block open(2); fstat then refuses it.
      let fd = open(file.path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
      if fd < 0 {
        fileDiags[fi].append(
          Diagnostic(.error, file: file.name, "cannot read: \(String(cString: strerror(errno)))"))
        continue
      }
      defer { close(fd) }
      var sb = stat()
      guard fstat(fd, &sb) == 0, (sb.st_mode & S_IFMT) == S_IFREG else {
        fileDiags[fi].append(Diagnostic(.error, file: file.name, "not a regular file"))
        continue
      }
      m.size = Int(sb.st_size)
      if st.headerDone && st.layout == nil { continue }  // skipped for a bad header
      if m.size == 0 && !st.headerDone {
        if !completeOnly {
          fileDiags[fi].append(
            Diagnostic(.warning, file: file.name, "no header: the file holds no data"))
        }
        continue
      }
      if m.size <= st.offset { continue }
      m.mapOffset = st.offset & ~(page - 1)
      m.mapLength = m.size - m.mapOffset
      guard let p = mmap(nil, m.mapLength, PROT_READ, MAP_PRIVATE, fd, off_t(m.mapOffset)),
        p != MAP_FAILED
      else {
        fileDiags[fi].append(
          Diagnostic(.error, file: file.name, "cannot map: \(String(cString: strerror(errno)))"))
        continue
      }
      m.base = p
      let b = UnsafePointer(p.assumingMemoryBound(to: UInt8.self))
      if !st.headerDone {
        let h = LedgerLayout.read(b, limit: m.mapLength, file: file.name)
        if h.layout == nil && h.diagnostics.allSatisfy({ $0.severity == .warning }) {
          // No header yet (an empty file): look again on the next read.
          if !completeOnly { fileDiags[fi] += h.diagnostics }
          continue
        }
        if completeOnly && (h.dataStart == 0 || b[h.dataStart - 1] != 10) { continue }
        fileDiags[fi] += h.diagnostics
        st.headerDone = true
        st.layout = h.layout
        st.offset = h.dataStart
        st.nextLine = h.lines + 1
        if h.layout == nil { continue }
      }
      // Split [offset, size) at line feeds into pieces for the threads.
      let start = st.offset - m.mapOffset
      let limit = m.mapLength
      let bytes = limit - start
      var pieces = 1
      if !unsplit.contains(file.path) && bytes >= 4 << 20 {
        pieces = min(threads * 8, bytes / (2 << 20))
      }
      var s = start
      for k in 1...pieces {
        var e = limit
        if k < pieces {
          let p = start + bytes / pieces * k
          if let nl = memchr(b + p, 10, limit - p) {
            e = b.distance(to: nl.assumingMemoryBound(to: UInt8.self)) + 1
          }
        }
        if e > s {
          chunks.append(Chunk(file: fi, start: s, softEnd: e))
          s = e
        }
      }
    }
    defer {
      for m in maps where m.base != nil { munmap(m.base, m.mapLength) }
    }

    if !tagFixed, let ch = chunks.first, let layout = newStates[files[ch.file].path]?.layout,
      let base = maps[ch.file].base
    {
      // Keep the first row's participant shape in 32 bits.
      let b = UnsafePointer(base.assumingMemoryBound(to: UInt8.self))
      var probe = LedgerPartial(seed: seed, tag: tag)
      _ = LedgerParser.parseChunk(
        b, limit: maps[ch.file].mapLength, start: ch.start, softEnd: ch.start + 1,
        completeOnly: true, layout: layout,
        endMonth: calendar.endMonth, seed: seed, ordinal: 0, registry: LedgerPairRegistry(),
        partial: &probe,
        release: { _ in })
      if let t = probe.firstTag, totals.keys.isEmpty {
        tag = t
        totals = LedgerTotals(seed: seed, tag: tag)
      }
      tagFixed = true
      probe.deallocate()
    }
    // Parse the chunks in parallel.
    let total = Int64(chunks.reduce(0) { $0 + $1.softEnd - $1.start })
    let work = LedgerWork(count: chunks.count, threads: threads, progress: progress, total: total)
    let layouts = files.map { newStates[$0.path]?.layout }
    let endMonth = calendar.endMonth
    let seed = self.seed
    let tag = self.tag
    let registry = self.registry
    let completeOnly = self.completeOnly
    let mapsBox = LedgerMapsBox(
      bases: maps.map { $0.base.map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) } },
      lengths: maps.map(\.mapLength))
    let chunkList = chunks
    let nThreads = max(1, min(threads, chunks.count))
    if !chunks.isEmpty {
      DispatchQueue.concurrentPerform(iterations: nThreads) { w in
        var partial = LedgerPartial(seed: seed, tag: tag)
        while let c = work.next() {
          let ch = chunkList[c]
          guard let layout = layouts[ch.file], let b = mapsBox.bases[ch.file] else { continue }
          var dropped = ch.start & ~(page - 1)
          var reported = ch.start
          let r = LedgerParser.parseChunk(
            b, limit: mapsBox.lengths[ch.file], start: ch.start, softEnd: ch.softEnd,
            completeOnly: completeOnly,
            layout: layout, endMonth: endMonth, seed: seed, ordinal: Int32(c), registry: registry,
            partial: &partial,
            release: { off in
              let upto = off & ~(page - 1)
              if upto > dropped {
                madvise(
                  UnsafeMutableRawPointer(mutating: b + dropped), upto - dropped, MADV_DONTNEED)
                dropped = upto
              }
              work.advance(Int64(off - reported))
              reported = off
            })
          work.finish(c, r)
        }
        work.store(w, partial)
      }
    }
    let results = work.results
    let partials = work.partials.compactMap { $0 }

    // Check the pieces met at record boundaries.
    var bad = false
    for k in 0..<chunks.count where k + 1 < chunks.count && chunks[k + 1].file == chunks[k].file {
      if results[k]?.end != chunks[k + 1].start {
        unsplit.insert(files[chunks[k].file].path)
        bad = true
      }
    }
    if bad {
      for p in partials { p.deallocate() }
      return nil
    }

    // Lines: each chunk's first line, from the file's next line and the chunks before it.
    var chunkLine = Array(repeating: 0, count: chunks.count)
    var consumed = Array(repeating: -1, count: files.count)
    var lineAt = files.map { newStates[$0.path]?.nextLine ?? 1 }
    for (k, ch) in chunks.enumerated() {
      chunkLine[k] = lineAt[ch.file]
      if let r = results[k] {
        lineAt[ch.file] += r.lines
        consumed[ch.file] = r.end + maps[ch.file].mapOffset
      }
    }
    for (fi, f) in files.enumerated() where consumed[fi] >= 0 {
      newStates[f.path]?.offset = consumed[fi]
      newStates[f.path]?.nextLine = lineAt[fi]
    }
    states = newStates
    let names = files.map(\.name)
    totals.merge(partials, threads: threads) { fs in
      SourceRef(
        file: names[chunks[Int(fs.chunk)].file], line: chunkLine[Int(fs.chunk)] + Int(fs.line))
    }

    // Diagnostics: per file, its header problems, then the first rejected rows overall.
    var rowDiags: [[Diagnostic]] = Array(repeating: [], count: files.count)
    var rejected = 0
    for (k, ch) in chunks.enumerated() {
      guard let r = results[k] else { continue }
      totals.rowsRead += r.rowsRead
      totals.rowsRejected += r.rowsRejected
      rejected += r.rowsRejected
      for e in r.errors {
        rowDiags[ch.file].append(
          Diagnostic(
            .error, file: names[ch.file], line: chunkLine[k] + Int(e.line), column: e.column,
            e.message))
      }
    }
    var out: [Diagnostic] = []
    var listed = 0
    var firstUnlisted: String?
    for fi in 0..<files.count {
      out += fileDiags[fi]
      for d in rowDiags[fi] {
        if listed < LedgerParser.diagnosticLimit {
          out.append(d)
          listed += 1
        } else if firstUnlisted == nil {
          firstUnlisted = d.file
        }
      }
    }
    if rejected > listed {
      out.append(
        Diagnostic(
          .error, file: firstUnlisted ?? names.last ?? "events",
          "\(rejected - listed) more rows rejected (the first \(listed) are listed)"))
    }
    return out
  }
}

/// The work queue, progress and results of one parallel read.
final class LedgerWork: Sendable {
  /// Unchecked: each partial is handed over once, by the thread that built it.
  private struct State: @unchecked Sendable {
    var cursor = 0
    var results: [LedgerChunkResult?]
    var partials: [LedgerPartial?]
    var done: Int64 = 0
  }

  private let state: Mutex<State>
  private let count: Int
  private let progress: (@Sendable (Int64, Int64) -> Void)?
  private let total: Int64

  init(count: Int, threads: Int, progress: (@Sendable (Int64, Int64) -> Void)?, total: Int64) {
    self.count = count
    state = Mutex(
      State(
        results: Array(repeating: nil, count: count),
        partials: Array(repeating: nil, count: max(1, threads))))
    self.progress = progress
    self.total = total
  }

  /// The chunks' results (read once every thread is done).
  var results: [LedgerChunkResult?] { state.withLock { $0.results } }
  /// The threads' partials (read once every thread is done).
  var partials: [LedgerPartial?] { state.withLock { $0.partials } }

  func next() -> Int? {
    state.withLock { s in
      guard s.cursor < count else { return nil }
      s.cursor += 1
      return s.cursor - 1
    }
  }

  func advance(_ bytes: Int64) {
    let d = state.withLock { s in
      s.done += bytes
      return s.done
    }
    progress?(min(d, total), total)
  }

  func finish(_ c: Int, _ r: LedgerChunkResult) {
    state.withLock { $0.results[c] = r }
  }

  func store(_ w: Int, _ p: LedgerPartial) {
    state.withLock { $0.partials[w] = p }
  }
}

/// The mapped files, shared read-only by the parsing threads.
final class LedgerMapsBox: @unchecked Sendable {
  let bases: [UnsafePointer<UInt8>?]
  let lengths: [Int]
  init(bases: [UnsafePointer<UInt8>?], lengths: [Int]) {
    self.bases = bases
    self.lengths = lengths
  }
}
