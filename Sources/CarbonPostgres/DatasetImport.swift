import CarbonData
import CarbonKit
import CarbonSystem
import CarbonText

#if canImport(Glibc)
  import Glibc
#endif

/// `carbontop db import FOLDER URL`: loads a dataset folder into the schema, replacing what it
/// held, in ONE transaction (a failure leaves the schema as it was). The four tables are read
/// with the dataset's own CSV reader and sent with COPY; the events files are streamed to
/// COPY as they are (PostgreSQL's CSV format is the ledger's RFC 4180), so a 10M-row ledger
/// never sits in memory.
public enum DatasetImport {
  /// What was loaded, per table: rows.
  public struct Summary: Sendable {
    public var rows: [(table: String, rows: Int)] = []
    public var tomlFiles = 0
    /// Problems that did not stop the import (skipped columns, skipped records).
    public var warnings: [String] = []
  }

  /// Imports `folder`. `progress(done, total)` counts the bytes of the files sent.
  public static func run(
    folder: String, into db: PGConnection, progress: ((Int64, Int64) -> Void)? = nil
  ) throws(PGError) -> Summary {
    guard FileBytes.isFolder(folder) else {
      throw PGError("\(Sanitize.text(folder)): no such dataset folder")
    }
    let base = folder.hasSuffix("/") ? folder : folder + "/"
    try Schema.migrate(db)
    let s = db.target.quotedSchema
    var summary = Summary()
    var listing: [Diagnostic] = []
    let events = DatasetLoader.ledgerFiles(base: base, diags: &listing)
    summary.warnings += listing.map { Sanitize.text($0.description) }
    var total: Int64 = 0
    for f in events { total += fileSize(f.path) }
    for (_, file) in DatasetTables.names { total += fileSize(base + file) }
    var done: Int64 = 0

    try db.execScript("BEGIN")
    do {
      try db.execScript(
        "TRUNCATE \(Schema.tables.map { "\(s).\($0)" }.joined(separator: ", ")) RESTART IDENTITY; "
          + "DELETE FROM \(s).\(Schema.tomlTable);")
      // dataset.toml and scenarios/*.toml, as text
      var toml: [(String, String)] = []
      if case .bytes(let b) = FileBytes.contents(of: base + "dataset.toml") {
        toml.append(("dataset.toml", String(decoding: b, as: UTF8.self)))
      }
      for name in ScenarioFile.list(datasetFolder: folder) {
        if case .bytes(let b) = FileBytes.contents(of: base + "scenarios/" + name + ".toml") {
          toml.append(("scenarios/" + name + ".toml", String(decoding: b, as: UTF8.self)))
        }
      }
      for (name, text) in toml {
        try db.exec(
          "INSERT INTO \(s).\(Schema.tomlTable) (name, content) VALUES ($1, $2)", [name, text])
      }
      summary.tomlFiles = toml.count

      for (table, file) in DatasetTables.names {
        guard case .bytes(let bytes) = FileBytes.contents(of: base + file) else { continue }
        let n = try copyTable(table, file: file, bytes: bytes, db: db, warnings: &summary.warnings)
        summary.rows.append((table, n))
        done += Int64(bytes.count)
        progress?(done, total)
      }
      var eventRows = 0
      for f in events {
        eventRows += try copyEvents(f, db: db) { sent in progress?(done + sent, total) }
        done += fileSize(f.path)
      }
      if !events.isEmpty { summary.rows.append(("events", eventRows)) }
      try db.execScript("COMMIT")
      // Fresh statistics for the planner (W1 on millions of rows).
      try db.execScript("ANALYZE \(s).events")
    } catch {
      _ = try? db.execScript("ROLLBACK")
      throw error
    }
    return summary
  }

  static func fileSize(_ path: String) -> Int64 {
    var st = stat()
    return stat(path, &st) == 0 ? Int64(st.st_size) : 0
  }

  /// COPY text format: `\N` for NULL, backslash escapes for tab, LF, CR and backslash.
  static func copyText(_ cell: String?, into out: inout [UInt8]) {
    guard let cell else {
      out += [92, 78]
      return
    }
    for b in cell.utf8 {
      switch b {
      case 92: out += [92, 92]
      case 9: out += [92, 116]
      case 10: out += [92, 110]
      case 13: out += [92, 114]
      default: out.append(b)
      }
    }
  }

  /// One of the four tables: the header's known columns, then every record.
  static func copyTable(
    _ table: String, file: String, bytes: [UInt8], db: PGConnection, warnings: inout [String]
  ) throws(PGError) -> Int {
    let records: [CSVCells.Record]
    switch CSVCells.read(bytes) {
    case .success(let r): records = r
    case .failure(let e): throw PGError("\(file):\(e): cannot import")
    }
    guard let header = records.first else { return 0 }
    let known = Set((Schema.tableColumns[table] ?? []).map(\.0))
    var picked: [(index: Int, name: String)] = []
    for (k, name) in header.cells.enumerated() {
      guard let name, known.contains(name), !picked.contains(where: { $0.name == name }) else {
        if let name, !name.isEmpty {
          warnings.append(
            "\(file):\(header.line):\(k + 1): column \(DisplayText.quoted(name)) not imported (not a column of \(table))"
          )
        }
        continue
      }
      picked.append((k, name))
    }
    guard !picked.isEmpty else { return 0 }
    var data: [UInt8] = []
    var n = 0
    for rec in records.dropFirst() {
      guard rec.cells.count == header.cells.count else {
        warnings.append(
          "\(file):\(rec.line): record not imported: expected \(header.cells.count) fields as in the header, found \(rec.cells.count)"
        )
        continue
      }
      for (j, col) in picked.enumerated() {
        if j > 0 { data.append(9) }
        copyText(rec.cells[col.index], into: &data)
      }
      data.append(10)
      n += 1
    }
    let cols = picked.map { SQL.identifier($0.name) }.joined(separator: ", ")
    var sent = false
    do {
      try db.copyIn("COPY \(db.target.quotedSchema).\(table) (\(cols)) FROM STDIN") {
        if sent { return nil }
        sent = true
        return data
      }
    } catch {
      throw PGError("\(file): cannot import: \(error.message)")
    }
    return n
  }

  /// One events file, streamed: its header names the columns; the cells are read as the
  /// ledger reads them (`EventsCopyStream`).
  static func copyEvents(_ file: LedgerFile, db: PGConnection, sent: (Int64) -> Void)
    throws(PGError) -> Int
  {
    let fd = open(file.path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else {
      throw PGError("\(file.name): cannot read: " + String(cString: strerror(errno)))
    }
    defer { close(fd) }
    var buffer = [UInt8](repeating: 0, count: 1 << 20)
    func readChunk() -> [UInt8]? {
      let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      return n > 0 ? Array(buffer[0..<n]) : nil
    }
    // The header line.
    var head: [UInt8] = []
    var rest: [UInt8] = []
    while let chunk = readChunk() {
      if let lf = chunk.firstIndex(of: 10) {
        head += chunk[..<lf]
        rest = Array(chunk[(lf + 1)...])
        break
      }
      head += chunk
    }
    if head.starts(with: [0xEF, 0xBB, 0xBF]) { head.removeFirst(3) }
    if head.last == 13 { head.removeLast() }
    guard case .success(let recs) = CSVCells.read(head), let names = recs.first?.cells else {
      throw PGError("\(file.name):1: cannot import: the header cannot be read")
    }
    var cols: [String] = []
    for (k, name) in names.enumerated() {
      guard let name, Schema.eventColumns.contains(name), !cols.contains(name) else {
        throw PGError(
          "\(file.name):1:\(k + 1): cannot import: expected the columns \(Schema.eventColumns.joined(separator: ", ")), found \(DisplayText.quoted(name ?? ""))"
        )
      }
      cols.append(name)
    }
    let quoted = cols.map { SQL.identifier($0) }.joined(separator: ", ")
    var stream = EventsCopyStream()
    var total: Int64 = Int64(head.count) + 1
    var pending: [UInt8]? = rest
    var ended = false
    do {
      try db.copyIn("COPY \(db.target.quotedSchema).events (\(quoted)) FROM STDIN") {
        if ended { return nil }
        let chunk: [UInt8]
        if let p = pending {
          pending = nil
          chunk = p
        } else if let c = readChunk() {
          chunk = c
        } else {
          ended = true
          return stream.finish()
        }
        total += Int64(chunk.count)
        sent(total)
        return stream.feed(chunk)
      }
    } catch {
      throw PGError("\(file.name): cannot import: \(error.message)")
    }
    return stream.records
  }
}
