import CarbonData
import CarbonKit

/// A dataset in PostgreSQL followed live, without blocking and without a thread: the
/// dashboard's poll() loop waits on `socket` and calls `readable()`; statement-level triggers
/// (`db init`) `pg_notify` the changed table on the connection that LISTENs, and only those
/// tables are read again. Appended events are read by identity column: the rows with
/// `id > lastID` give the new sums, counts and months, and the database tells which of their
/// participants are new to their group and year (exact distinct counts without reading the
/// ledger again). A dropped connection keeps the last
/// good data and reconnects with backoff (`timeoutMs`, `tick`).
public final class PostgresLive {
  /// What the loop is told.
  public enum Event {
    /// A finished load: the dataset, and what was read (e.g. `operations, events`).
    case loaded(LoadedDataset, reason: String)
    /// A load failed in the database (e.g. the schema was dropped); the data on screen stays.
    case failed(String)
    /// The connection is gone; the next attempt is in `retryIn` seconds.
    case disconnected(String, retryIn: Double)
    /// Connected again (a full load follows).
    case reconnected
  }

  public let target: PGTarget
  private var db: PGConnection?
  private var retryAt: ContinuousClock.Instant?
  private var backoff = 0.25
  private var everConnected = false

  // What the next load must read.
  private var needConfig = true
  private var needTables: Set<String> = Set(DatasetTables.names.map(\.0))
  private enum EventsNeed { case none, appended, all }
  private var needEvents = EventsNeed.all
  private var reasons: [String] = []

  // The statements in flight, in order.
  private enum Expect {
    case ignore, config
    case table(String)
    case appended, years, all
    case rejected(after: Int64)
  }
  private var expecting: [Expect] = []
  private var failure: String?
  private var sentEvents = EventsNeed.none
  private var sentReasons: [String] = []

  // The last good state.
  private var config: [UInt8]?
  private var calendar: FiscalCalendar?
  private var tables: [String: DatasetTables.Table] = [:]
  private var ledger: LedgerSummary?
  private var lastID: Int64 = 0
  private var rejected: [Diagnostic] = []
  private var overflow: [Diagnostic] = []
  /// `scenarios/NAME.toml` texts by NAME, from the last read of `toml_files`.
  public private(set) var scenarios: [String: [UInt8]] = [:]

  public init(target: PGTarget) {
    self.target = target
  }

  /// The socket to poll (-1 while disconnected).
  public var socket: Int32 { db?.socket ?? -1 }

  /// True while statements are in flight.
  public var isBusy: Bool { inFlight }

  /// Connects (blocking, bounded by libpq's connect_timeout), LISTENs and starts the first load.
  public func start() -> [Event] { connect() }

  /// Milliseconds until `tick` has work (a reconnection, a load retried), or -1.
  public func timeoutMs(now: ContinuousClock.Instant) -> Int32 {
    let next: ContinuousClock.Instant?
    if db == nil {
      next = retryAt
    } else {
      next = hasWork && !inFlight ? pausedUntil : nil
    }
    guard let at = next else { return -1 }
    let left = at - now
    let ms = left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000
    return Int32(max(0, min(ms + 1, 60_000)))
  }

  /// A reconnection when its time has come.
  public func tick(now: ContinuousClock.Instant) -> [Event] {
    if db != nil, let paused = pausedUntil, now >= paused {
      pausedUntil = nil
      return startLoad()
    }
    guard db == nil, let at = retryAt, now >= at else { return [] }
    return connect()
  }

  /// The socket is readable: results, notifications, or a dropped connection.
  public func readable() -> [Event] {
    guard let db else { return [] }
    guard db.consumeInput() else { return drop(db.errorMessage) }
    for n in db.notifications() where n.channel == Schema.channel {
      note(n.payload)
    }
    var out: [Event] = []
    while inFlight && !db.isBusy {
      guard let r = db.nextResult() else {
        // The end of the statements sent.
        inFlight = false
        expecting.removeAll()
        if rollingBack {
          rollingBack = false
        } else {
          out += finishLoad()
        }
        break
      }
      take(r)
    }
    if !db.isOK { return out + drop(db.errorMessage) }
    // Reading results may have parsed notifications that came after them: the socket will
    // not be readable again for those.
    for n in db.notifications() where n.channel == Schema.channel {
      note(n.payload)
    }
    if !inFlight { out += startLoad() }
    return out
  }

  // MARK: - Notifications

  /// `schema/table/operation` from the triggers.
  func note(_ payload: String) {
    let parts = payload.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count >= 3 else { return }
    let op = String(parts[parts.count - 1])
    let table = String(parts[parts.count - 2])
    let schema = parts[0..<(parts.count - 2)].joined(separator: "/")
    guard schema == target.schema else { return }
    if table == Schema.tomlTable {
      needConfig = true
    } else if table == "events" {
      needEvents = op == "INSERT" && needEvents != .all ? .appended : .all
    } else if Schema.tableColumns[table] != nil {
      needTables.insert(table)
    } else {
      return
    }
    if !reasons.contains(table) { reasons.append(table) }
  }

  // MARK: - Loads

  private var hasWork: Bool { needConfig || !needTables.isEmpty || needEvents != .none }

  /// Sends the statements of the next load in one round trip, in one snapshot.
  private func startLoad() -> [Event] {
    guard let db, !inFlight, hasWork, pausedUntil == nil else { return [] }
    let s = target.schema
    var sql = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;\n"
    var expect: [Expect] = [.ignore]
    // dataset.toml and the scenarios: small, read whenever asked for.
    if needConfig {
      sql +=
        "SELECT name, content FROM \(SQL.identifier(s)).\(Schema.tomlTable) "
        + "WHERE name = 'dataset.toml' OR name LIKE 'scenarios/%.toml';\n"
      expect.append(.config)
    }
    for (name, _) in DatasetTables.names where needTables.contains(name) {
      sql += PostgresDataset.tableSQL(schema: s, table: name) + ";\n"
      expect.append(.table(name))
    }
    sentEvents = .none
    // The events need the fiscal calendar; the first load learns it first.
    if let calendar, needEvents != .none, !needConfig || config != nil {
      let m = calendar.endMonth
      if needEvents == .appended && ledger != nil {
        sql += LedgerQuery.sql(schema: s, endMonth: m, after: lastID) + ";\n"
        sql += LedgerQuery.newParticipantsSQL(schema: s, endMonth: m, after: lastID) + ";\n"
        expect += [.appended, .years]
        sentEvents = .appended
      } else {
        sql += LedgerQuery.sql(schema: s, endMonth: m) + ";\n"
        expect.append(.all)
        sentEvents = .all
      }
      sql += LedgerQuery.rejectedSQL(schema: s, after: sentEvents == .all ? 0 : lastID) + ";\n"
      expect.append(.rejected(after: sentEvents == .all ? 0 : lastID))
      needEvents = .none
    }
    sql += "COMMIT;"
    expect.append(.ignore)
    needConfig = false
    needTables = []
    sentReasons = reasons
    reasons = []
    failure = nil
    guard db.send(sql) else { return drop(db.errorMessage) }
    expecting = expect
    inFlight = true
    pendingAppended = nil
    return []
  }

  private var pendingAppended: LedgerQuery.Aggregate?
  private var rollingBack = false
  /// Statements sent whose results (up to libpq's final NULL) are not all read yet.
  private var inFlight = false
  private var pausedUntil: ContinuousClock.Instant?
  private var pendingAll: LedgerQuery.Aggregate?

  /// One statement's result.
  private func take(_ result: Result<PGResult, PGError>) {
    guard !expecting.isEmpty else { return }
    let what = expecting.removeFirst()
    let r: PGResult
    switch result {
    case .failure(let e):
      failure = failure ?? e.message
      return
    case .success(let ok): r = ok
    }
    guard failure == nil else { return }
    switch what {
    case .ignore: break
    case .config:
      config = nil
      scenarios = [:]
      for row in r.rows {
        guard let name = row[0], let text = row[1] else { continue }
        if name == "dataset.toml" {
          config = Array(text.utf8)
        } else {
          scenarios[String(name.dropFirst(10).dropLast(5))] = Array(text.utf8)
        }
      }
      let cal = config.flatMap { DatasetLoader.calendar(config: $0) }
      if cal != calendar {
        calendar = cal
        needEvents = .all  // the fiscal years move with the calendar
      }
    case .table(let name):
      tables[name] = PostgresDataset.table(name, r)
    case .all:
      pendingAll = LedgerQuery.aggregate(r)
    case .appended:
      pendingAppended = LedgerQuery.aggregate(r)
    case .years:
      guard let add = pendingAppended, var summary = ledger else { return }
      LedgerQuery.merge(add.summary, newParticipants: r, into: &summary)
      if add.summary.rowsRead > 0 { lastID = max(lastID, add.lastID) }
      overflow += add.diagnostics
      pendingAll = LedgerQuery.Aggregate(summary: summary, lastID: lastID)
    case .rejected(let after):
      guard let agg = pendingAll else { return }
      let listed = after == 0 ? [] : rejected.filter { $0.line != nil }
      let room = max(0, LedgerRowCheck.diagnosticLimit - listed.count)
      let fresh = LedgerQuery.rejectedDiagnostics(r, rejected: 0).prefix(room)
      rejected = listed + fresh
      if after == 0 {
        ledger = agg.summary.rowsRead > 0 ? agg.summary : nil
        lastID = agg.lastID
        overflow = agg.diagnostics
      } else {
        ledger = agg.summary
      }
      if let l = ledger, l.rowsRejected > rejected.count {
        rejected.append(
          Diagnostic(
            .error, file: "events",
            "\(l.rowsRejected - rejected.count) more rows rejected (the first \(rejected.count) are listed)"
          ))
      }
      pendingAll = nil
    }
  }

  /// All results are in: the dataset, or the failure.
  private func finishLoad() -> [Event] {
    let reason = sentReasons.isEmpty ? "database" : sentReasons.joined(separator: ", ")
    if let failure {
      // A failed load is read again in full next time.
      needConfig = true
      needTables = Set(DatasetTables.names.map(\.0))
      needEvents = .all
      ledger = nil
      // The transaction is aborted: roll it back, and try again in a while, not in a loop.
      pausedUntil = .now + .seconds(2)
      if let db, db.send("ROLLBACK") {
        rollingBack = true
        inFlight = true
        expecting = [.ignore]
      }
      return [.failed(failure)]
    }
    if hasWork && calendar != nil && needEvents != .none && sentEvents == .none {
      // The first load learned the calendar: the events come in the next round trip.
      reasons = sentReasons
      return []
    }
    let loaded = DatasetLoader.load(
      tables: DatasetTables(config: config, tables: tables)
    ) { [ledger, rejected, overflow] _ in
      (ledger, overflow + rejected)
    }
    return [.loaded(loaded, reason: reason)]
  }

  // MARK: - Connection

  private func connect() -> [Event] {
    retryAt = nil
    do {
      let c = try PGConnection(target)
      try c.exec("LISTEN \(SQL.identifier(Schema.channel))")
      db = c
      backoff = 0.25
      // Notifications may have been missed: everything is read again.
      needConfig = true
      needTables = Set(DatasetTables.names.map(\.0))
      needEvents = .all
      ledger = nil
      expecting = []
      inFlight = false
      rollingBack = false
      pausedUntil = nil
      let first = everConnected ? [Event.reconnected] : []
      everConnected = true
      return first + startLoad()
    } catch {
      return schedule(error.message)
    }
  }

  private func drop(_ why: String) -> [Event] {
    db = nil
    expecting = []
    inFlight = false
    rollingBack = false
    return schedule(why.isEmpty ? "connection lost" : why)
  }

  private func schedule(_ why: String) -> [Event] {
    let wait = backoff
    backoff = min(backoff * 2, 8)
    retryAt = .now + .milliseconds(Int(wait * 1000))
    return [.disconnected(why, retryIn: wait)]
  }
}
