import CLibPQ
import CarbonKit
import CarbonSystem

#if canImport(Glibc)
  import Glibc
#endif

/// One libpq connection. Used from one thread at a time. Blocking calls (`exec`, `copyIn`)
/// serve the commands; the dashboard drives the same connection without blocking
/// (`send`, `consumeInput`, `nextResult`, `notifications`) from its poll() loop, with `socket`
/// among the loop's descriptors.
public final class PGConnection {
  let conn: OpaquePointer
  public let target: PGTarget

  /// Connects with libpq's conventions (the URL, PG* variables, ~/.pgpass, service files,
  /// sslmode). A failure's message names the URL without its password.
  public init(_ target: PGTarget) throws(PGError) {
    self.target = target
    var info = target.conninfo
    // A dead server must not hold the dashboard for long: libpq waits forever by default.
    if !info.contains("connect_timeout=") && SystemInfo.environment["PGCONNECT_TIMEOUT"] == nil {
      info += (info.contains("?") ? "&" : "?") + "connect_timeout=5"
    }
    guard let c = PQconnectdb(info) else { throw PGError("out of memory") }
    conn = c
    if PQstatus(c) != CONNECTION_OK {
      let why = target.scrub(PGConnection.trimmed(String(cString: PQerrorMessage(c))))
      // deinit finishes the connection (every property is set, so it runs after the throw).
      throw PGError("cannot connect to \(target.display): \(why)")
    }
    // Notices ("relation already exists, skipping") would go to stderr, over the dashboard.
    PQsetNoticeProcessor(c, { _, _ in }, nil)
  }

  deinit { PQfinish(conn) }

  /// The connection's socket, for poll().
  public var socket: Int32 { PQsocket(conn) }

  /// True while the connection is usable.
  public var isOK: Bool { PQstatus(conn) == CONNECTION_OK }

  /// The server's major.minor version number (e.g. 150010).
  public var serverVersion: Int { Int(PQserverVersion(conn)) }

  /// Runs one statement with text parameters and waits for its result.
  @discardableResult
  public func exec(_ sql: String, _ params: [String?] = []) throws(PGError) -> PGResult {
    let res = withCStrings(params) { ptrs in
      PQexecParams(conn, sql, Int32(params.count), nil, ptrs, nil, nil, 0)
    }
    return try take(res)
  }

  /// Runs several statements (no parameters) in one round trip; the last result.
  @discardableResult
  public func execScript(_ sql: String) throws(PGError) -> PGResult {
    try take(PQexec(conn, sql))
  }

  /// `COPY ... FROM STDIN`: sends the data given by `produce` (called until it returns nil),
  /// then ends the copy. A server error (a bad value) throws with its context.
  public func copyIn(_ sql: String, produce: () -> [UInt8]?) throws(PGError) {
    let res = PQexec(conn, sql)
    guard let res, PQresultStatus(res) == PGRES_COPY_IN else {
      _ = try take(res)
      throw PGError("COPY did not start")
    }
    PQclear(res)
    while let chunk = produce() {
      let ok = chunk.withUnsafeBufferPointer { b in
        b.baseAddress!.withMemoryRebound(to: CChar.self, capacity: b.count) {
          PQputCopyData(conn, $0, Int32(b.count))
        }
      }
      if ok != 1 { break }
    }
    _ = PQputCopyEnd(conn, nil)
    var failure: PGError?
    while let r = PQgetResult(conn) {
      do { _ = try take(r) } catch { failure = failure ?? error }
    }
    if let failure { throw failure }
  }

  /// `COPY ... TO STDOUT`: hands each row's bytes to `consume`.
  public func copyOut(_ sql: String, consume: ([UInt8]) -> Void) throws(PGError) {
    let res = PQexec(conn, sql)
    guard let res, PQresultStatus(res) == PGRES_COPY_OUT else {
      _ = try take(res)
      throw PGError("COPY did not start")
    }
    PQclear(res)
    while true {
      var buf: UnsafeMutablePointer<CChar>?
      let n = PQgetCopyData(conn, &buf, 0)
      if n > 0, let buf {
        consume(
          Array(UnsafeRawBufferPointer(start: buf, count: Int(n)).bindMemory(to: UInt8.self)))
        PQfreemem(buf)
      } else {
        break
      }
    }
    var failure: PGError?
    while let r = PQgetResult(conn) {
      do { _ = try take(r) } catch { failure = failure ?? error }
    }
    if let failure { throw failure }
  }

  // MARK: - Without blocking (the dashboard)

  /// Sends statements (no parameters) without waiting; false when the connection failed.
  public func send(_ sql: String) -> Bool { PQsendQuery(conn, sql) == 1 }

  /// Reads what the server sent; false when the connection failed.
  public func consumeInput() -> Bool { PQconsumeInput(conn) == 1 }

  /// True while a result is still on its way.
  public var isBusy: Bool { PQisBusy(conn) == 1 }

  /// The next result of the statements sent (call when not busy); nil after the last one.
  public func nextResult() -> Result<PGResult, PGError>? {
    guard let r = PQgetResult(conn) else { return nil }
    do { return .success(try take(r)) } catch { return .failure(error) }
  }

  /// The notifications received so far: (channel, payload).
  public func notifications() -> [(channel: String, payload: String)] {
    var out: [(String, String)] = []
    while let n = PQnotifies(conn) {
      out.append((String(cString: n.pointee.relname), String(cString: n.pointee.extra)))
      PQfreemem(n)
    }
    return out
  }

  /// The last error of the connection itself (a dropped server), without the password.
  public var errorMessage: String {
    target.scrub(PGConnection.trimmed(String(cString: PQerrorMessage(conn))))
  }

  // MARK: - Results

  private func take(_ res: OpaquePointer?) throws(PGError) -> PGResult {
    guard let res else { throw PGError(errorMessage) }
    defer { PQclear(res) }
    switch PQresultStatus(res) {
    case PGRES_COMMAND_OK, PGRES_EMPTY_QUERY, PGRES_COPY_IN, PGRES_COPY_OUT:
      return PGResult(status: String(cString: PQcmdStatus(res)))
    case PGRES_TUPLES_OK, PGRES_SINGLE_TUPLE:
      let n = Int(PQntuples(res))
      let m = Int(PQnfields(res))
      var columns: [String] = []
      for j in 0..<m { columns.append(String(cString: PQfname(res, Int32(j)))) }
      var rows: [[String?]] = []
      rows.reserveCapacity(n)
      for i in 0..<n {
        var row: [String?] = []
        row.reserveCapacity(m)
        for j in 0..<m {
          if PQgetisnull(res, Int32(i), Int32(j)) == 1 {
            row.append(nil)
          } else {
            row.append(String(cString: PQgetvalue(res, Int32(i), Int32(j))))
          }
        }
        rows.append(row)
      }
      return PGResult(columns: columns, rows: rows, status: String(cString: PQcmdStatus(res)))
    default:
      let state = PQresultErrorField(res, 67).map { String(cString: $0) }  // 'C': SQLSTATE
      var msg = PGConnection.trimmed(String(cString: PQresultErrorMessage(res)))
      if msg.isEmpty { msg = errorMessage }
      throw PGError(target.scrub(msg), sqlState: state)
    }
  }

  static func trimmed(_ s: String) -> String {
    var t = Substring(s)
    while let l = t.last, l == "\n" || l == " " { t.removeLast() }
    if t.hasPrefix("ERROR:  ") { t = t.dropFirst(8) }
    return String(t).replacing("\n", with: "; ")
  }

  private func withCStrings<R>(
    _ strings: [String?], _ body: ([UnsafePointer<CChar>?]) -> R
  ) -> R {
    var owned: [UnsafeMutablePointer<CChar>?] = strings.map { $0.map { strdup($0) } }
    defer { for p in owned { free(p) } }
    return owned.withUnsafeMutableBufferPointer { b in
      body(b.map { $0.map { UnsafePointer($0) } })
    }
  }
}
