import CarbonKit
import CarbonSystem
import CarbonText

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Aggregates the events ledger: given the files of `events/` (in name order) and the fiscal
/// calendar, returns the summary and the diagnostics of the events files.
public typealias LedgerHook =
  @Sendable ([LedgerFile], FiscalCalendar) -> (LedgerSummary, [Diagnostic])

/// Reads a dataset folder into a `Dataset` with its diagnostics. Never writes to the folder.
public enum DatasetLoader {
  /// Loads the dataset in `folder`. Throws only for a usage error (no such folder, not a
  /// folder); every data problem is a diagnostic. `ledger` aggregates events/*.csv; without it
  /// the events are not read. With a `cache` (live reload), unchanged tables are not read again.
  public static func load(
    folder: String, ledger: LedgerHook? = nil, cache: TableCache? = nil
  ) throws(DatasetFolderError)
    -> LoadedDataset
  {
    var st = stat()
    guard stat(folder, &st) == 0 else { throw .noSuchFolder(folder) }
    guard (st.st_mode & S_IFMT) == S_IFDIR else { throw .notAFolder(folder) }
    let base = folder.hasSuffix("/") ? folder : folder + "/"
    var diags: [Diagnostic] = []

    // dataset.toml (parsed again only when it changed, like every table of the dataset)
    cache?.beginLoad()
    var config: (Organization, [Target])?
    let configSignature = cache.flatMap { _ in TableCache.Signature(path: base + DatasetConfig.file)
    }
    if let hit = cache?.lookup(
      DatasetConfig.file, signature: configSignature, calendar: FiscalCalendar())
    {
      config = hit.rows as? (Organization, [Target])
      diags += hit.diagnostics
    } else {
      switch FileBytes.contents(
        of: base + DatasetConfig.file, limit: InputLimits.settingsFileBytes)
      {
      case .missing:
        diags.append(
          Diagnostic(
            .error, file: DatasetConfig.file,
            "missing: a dataset needs dataset.toml with [organization] name"))
      case .failed(let m):
        diags.append(Diagnostic(.error, file: DatasetConfig.file, m))
      case .bytes(let b):
        config = DatasetConfig.parse(b, diags: &diags)
      }
      cache?.store(
        DatasetConfig.file,
        configSignature.map {
          TableCache.Entry(
            signature: $0, calendar: FiscalCalendar(), rows: config, periodColumn: nil,
            diagnostics: diags)
        })
    }
    guard let (organization, targets) = config else {
      return LoadedDataset(dataset: nil, diagnostics: DiagnosticOrder.sorted(diags))
    }
    let cal = organization.calendar

    // Tables
    var periodColumns: [String: Int] = [:]
    func table<Row: Sendable>(
      _ file: String, _ read: ([UInt8], FiscalCalendar, inout [Diagnostic]) -> LoadedTable<Row>?
    ) -> [Row]? {
      // Signature before reading: a file that changes while it is read is read again next time.
      let signature = cache.flatMap { _ in TableCache.Signature(path: base + file) }
      if let hit = cache?.lookup(file, signature: signature, calendar: cal) {
        diags += hit.diagnostics
        periodColumns[file] = hit.periodColumn
        return hit.rows as? [Row]
      }
      let before = diags.count
      var rows: [Row]?
      switch FileBytes.contents(of: base + file) {
      case .missing: break
      case .failed(let m):
        diags.append(Diagnostic(.error, file: file, m))
      case .bytes(let b):
        if let t = read(b, cal, &diags) {
          periodColumns[file] = t.periodColumn
          rows = t.rows
        }
      }
      cache?.store(
        file,
        signature.map {
          TableCache.Entry(
            signature: $0, calendar: cal, rows: rows, periodColumn: periodColumns[file],
            diagnostics: Array(diags[before...]))
        })
      return rows
    }
    var dataset = Dataset(organization: organization, targets: targets)
    dataset.operations = table("operations.csv") {
      TableLoader.operations(bytes: $0, calendar: $1, diags: &$2)
    }
    dataset.valueChain = table("value_chain.csv") {
      TableLoader.valueChain(bytes: $0, calendar: $1, diags: &$2)
    }
    dataset.revenue = table("revenue.csv") {
      TableLoader.revenue(bytes: $0, calendar: $1, diags: &$2)
    }
    dataset.avoided = table("avoided.csv") {
      TableLoader.avoided(bytes: $0, calendar: $1, diags: &$2)
    }

    // Events
    let files = ledgerFiles(base: base, diags: &diags)
    if let ledger, !files.isEmpty {
      var (summary, ledgerDiags) = ledger(files, cal)
      diags += ledgerDiags
      if let avoided = dataset.avoided {
        diags += removeDoubleCounted(from: &summary, avoided: avoided, calendar: cal, files: files)
      }
      dataset.ledger = summary
    }

    diags += CompletenessCheck.warnings(for: dataset, periodColumns: periodColumns)
    let sorted = DiagnosticOrder.sorted(diags)
    dataset.diagnostics = sorted
    return LoadedDataset(dataset: dataset, diagnostics: sorted)
  }

  /// The `events/*.csv` files in UTF-8 byte order of their names; folders are skipped,
  /// unreadable entries reported.
  public static func ledgerFiles(base: String, diags: inout [Diagnostic]) -> [LedgerFile] {
    let dir = base + "events"
    guard FileBytes.exists(dir) else { return [] }
    guard FileBytes.isFolder(dir) else {
      diags.append(
        Diagnostic(.error, file: "events", "not a folder (events/ holds the ledger's CSV files)"))
      return []
    }
    guard let names = FileBytes.names(inFolder: dir) else {
      diags.append(Diagnostic(.error, file: "events", "cannot read the folder"))
      return []
    }
    var out: [LedgerFile] = []
    for name in names.sortedByBytes()
    where name.hasSuffix(".csv") && !name.hasPrefix(".") {
      let path = dir + "/" + name
      let rel = "events/" + name
      if FileBytes.isFolder(path) { continue }
      let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
      if fd < 0 {
        let e = errno
        let why = e == ENOENT ? "broken symbolic link" : String(cString: strerror(e))
        diags.append(Diagnostic(.error, file: rel, "cannot read: " + why))
        continue
      }
      var st = stat()
      let isRegular = fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
      close(fd)
      guard isRegular else {
        diags.append(Diagnostic(.error, file: rel, "not a regular file"))
        continue
      }
      let abs = path.hasPrefix("/") ? path : FileBytes.currentDirectory + "/" + path
      out.append(LedgerFile(path: abs, name: rel))
    }
    return out
  }

  /// docs/data-format.md: a (fiscal year, entity, program) given both in avoided.csv and by events is an
  /// error. avoided.csv wins: the event group is removed, and its sums and event count are
  /// taken out of its year's total. The year's distinct participants cannot be corrected
  /// (a participant may also act in other groups), and the months stay as they were.
  static func removeDoubleCounted(
    from summary: inout LedgerSummary, avoided: [AvoidedRow], calendar: FiscalCalendar,
    files: [LedgerFile]
  ) -> [Diagnostic] {
    struct Key: Hashable {
      var fy: FiscalYear
      var entity: String
      var program: String
    }
    var firstLine: [Key: Int] = [:]
    for r in avoided {
      let k = Key(fy: r.period.fiscalYear(in: calendar), entity: r.entity, program: r.program)
      if firstLine[k] == nil { firstLine[k] = r.source.line }
    }
    var diags: [Diagnostic] = []
    var kept: [EventGroup] = []
    for g in summary.groups {
      guard let line = firstLine[Key(fy: g.fiscalYear, entity: g.entity, program: g.program)] else {
        kept.append(g)
        continue
      }
      if let t = summary.yearTotals.firstIndex(where: { $0.fiscalYear == g.fiscalYear }) {
        summary.yearTotals[t].milliKg -= g.milliKg
        summary.yearTotals[t].events -= g.events
        if summary.yearTotals[t].events <= 0 { summary.yearTotals.remove(at: t) }
      }
      let src = g.firstSource
      diags.append(
        Diagnostic(
          .error, file: src?.file ?? files.first?.name ?? "events", line: src?.line,
          column: src == nil ? nil : 1,
          "double counting: \(g.fiscalYear), entity \(DisplayText.quoted(g.entity)), program "
            + "\(DisplayText.quoted(g.program)) is also given in avoided.csv (line \(line)); its \(g.events) "
            + "events are left out (the year's count of distinct participants still includes their participants)"
        ))
    }
    summary.groups = kept
    return diags
  }
}
