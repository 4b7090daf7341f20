import CarbonData
import CarbonKit
import CarbonSystem
import CarbonText

#if canImport(Glibc)
  import Glibc
#endif

/// `carbontop db export URL FOLDER`: writes the schema back as a dataset folder (dataset.toml,
/// scenarios/*.toml, one CSV file per non-empty table, the events as events/events.csv), so
/// that folder -> db -> folder gives the same report. Text cells are quoted (the folder's
/// reader trims spaces around unquoted cells), figures are written as PostgreSQL keeps them.
public enum DatasetExport {
  /// Exports into `folder` (created when missing; its dataset files are replaced). Returns
  /// the files written, relative to the folder.
  public static func run(_ db: PGConnection, to folder: String) throws(PGError) -> [String] {
    try PostgresDataset.requireSchema(db)
    let base = folder.hasSuffix("/") ? folder : folder + "/"
    try makeFolder(folder)
    let s = db.target.quotedSchema
    var written: [String] = []
    let toml = try db.exec(
      "SELECT name, content FROM \(s).\(Schema.tomlTable) ORDER BY name COLLATE \"C\"")
    for row in toml.rows {
      guard let name = row[0], let content = row[1] else { continue }
      guard name == "dataset.toml" || (name.hasPrefix("scenarios/") && name.hasSuffix(".toml")),
        ScenarioFile.isSafeName(PathText.lastComponent(name))
      else { continue }
      if name.hasPrefix("scenarios/") { try makeFolder(base + "scenarios") }
      try write(Array(content.utf8), to: base + name)
      written.append(name)
    }
    for t in Schema.tables {
      let count = try db.exec("SELECT EXISTS (SELECT 1 FROM \(s).\(t))")
      guard count.rows.first?[0] == "t" else { continue }
      let cols = Schema.tableColumns[t] ?? []
      let select = cols.map { name, type in
        type == "boolean"
          ? "CASE WHEN \(SQL.identifier(name)) THEN 'true' WHEN NOT \(SQL.identifier(name)) THEN 'false' END AS \(SQL.identifier(name))"
          : SQL.identifier(name)
      }.joined(separator: ", ")
      let quote = cols.filter { $0.1 == "text" }.map { SQL.identifier($0.0) }
      var options = "FORMAT csv, HEADER true"
      if t != "events" && !quote.isEmpty {
        options += ", FORCE_QUOTE (\(quote.joined(separator: ", ")))"
      }
      let rel = t == "events" ? "events/events.csv" : t + ".csv"
      if t == "events" { try makeFolder(base + "events") }
      let tmp = base + rel + ".tmp"
      let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
      guard fd >= 0 else {
        throw PGError("cannot write \(Sanitize.text(tmp)): " + String(cString: strerror(errno)))
      }
      var failed = false
      do {
        try db.copyOut(
          "COPY (SELECT \(select) FROM \(s).\(t) ORDER BY id) TO STDOUT WITH (\(options))"
        ) { bytes in
          if !failed {
            failed = !bytes.withUnsafeBufferPointer { FDText.write($0, to: fd) }
          }
        }
      } catch {
        close(fd)
        unlink(tmp)
        throw error
      }
      if failed || fsync(fd) != 0 {
        let why = String(cString: strerror(errno))
        close(fd)
        unlink(tmp)
        throw PGError("cannot write \(Sanitize.text(base + rel)): \(why)")
      }
      close(fd)
      guard rename(tmp, base + rel) == 0 else {
        throw PGError(
          "cannot write \(Sanitize.text(base + rel)): " + String(cString: strerror(errno)))
      }
      written.append(rel)
    }
    return written
  }

  static func makeFolder(_ path: String) throws(PGError) {
    if mkdir(path, 0o755) != 0 && errno != EEXIST {
      throw PGError("cannot create \(Sanitize.text(path)): " + String(cString: strerror(errno)))
    }
    guard FileBytes.isFolder(path) else { throw PGError("\(Sanitize.text(path)): not a folder") }
  }

  static func write(_ bytes: [UInt8], to path: String) throws(PGError) {
    do {
      try AtomicFile.write(bytes, to: path)
    } catch {
      throw PGError(Sanitize.text(error.description))
    }
  }
}
