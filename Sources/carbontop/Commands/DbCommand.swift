import ArgumentParser
import CarbonData
import CarbonKit
import CarbonPostgres
import CarbonSystem
import CarbonText

/// `carbontop db`: a dataset in PostgreSQL (docs/postgres.md).
struct DbCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "db",
    abstract: "Create, fill and export a dataset in a PostgreSQL schema.",
    discussion: """
      URL is postgres://USER@HOST/DB?schema=NAME (schema defaults to public). Connection
      settings follow libpq: the URL, the PG* environment variables, ~/.pgpass, service files
      (?service=NAME) and sslmode. A password is never printed.

      Examples:
        carbontop db init 'postgres://me@localhost/carbon?schema=acme'
        carbontop db import sample-data/greenfield 'postgres://me@localhost/carbon?schema=acme'
        carbontop 'postgres://me@localhost/carbon?schema=acme'          # the dashboard, live
        carbontop db export 'postgres://me@localhost/carbon?schema=acme' /tmp/acme
      """,
    subcommands: [DbInit.self, DbImport.self, DbExport.self])

  static func target(_ url: String) throws -> PGTarget {
    guard let t = PGTarget(url: url) else {
      throw ValidationError("expected a postgres:// or postgresql:// URL")
    }
    return t
  }
}

/// `carbontop db init URL`.
struct DbInit: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract:
      "Create the schema's tables, functions and notify triggers (idempotent, versioned).")

  @Argument(help: "postgres://USER@HOST/DB?schema=NAME")
  var url: String

  func run() throws {
    let target = try DbCommand.target(url)
    do {
      let db = try PGConnection(target)
      let applied = try Schema.migrate(db)
      let version = try Schema.version(db) ?? 0
      FDText.out(
        applied.isEmpty
          ? "\(target.display): schema \(DisplayText.quoted(target.schema)) is up to date (version \(version))\n"
          : "\(target.display): schema \(DisplayText.quoted(target.schema)) at version \(version) (applied \(applied.map(String.init).joined(separator: ", ")))\n"
      )
    } catch {
      throw UsageError(error.message)
    }
  }
}

/// `carbontop db import FOLDER URL`.
struct DbImport: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract:
      "Load a dataset folder into the schema (replacing its data), with COPY, in one transaction.")

  @Argument(help: "The dataset folder.")
  var dataset: String

  @Argument(help: "postgres://USER@HOST/DB?schema=NAME")
  var url: String

  func run() throws {
    let target = try DbCommand.target(url)
    let bar = ProgressBar.forStandardError(label: "importing")
    do {
      let db = try PGConnection(target)
      let summary = try DatasetImport.run(folder: dataset, into: db) { done, total in
        bar?.update(done, total)
      }
      bar?.finish()
      for w in summary.warnings { FDText.err("warning: \(w)\n") }
      let rows = summary.rows.map { "\($0.table) \($0.rows)" }.joined(separator: ", ")
      FDText.out(
        "\(target.display): imported \(Sanitize.text(dataset)): \(rows.isEmpty ? "no tables" : rows), \(summary.tomlFiles) TOML file\(summary.tomlFiles == 1 ? "" : "s")\n"
      )
    } catch {
      bar?.finish()
      throw UsageError(error.message)
    }
  }
}

/// `carbontop db export URL FOLDER`.
struct DbExport: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write the schema's dataset back as a folder (same report as the database's).")

  @Argument(help: "postgres://USER@HOST/DB?schema=NAME")
  var url: String

  @Argument(help: "The folder to write (created when missing).")
  var folder: String

  func run() throws {
    let target = try DbCommand.target(url)
    do {
      let files = try DatasetExport.run(PGConnection(target), to: folder)
      FDText.out(
        "\(target.display): exported to \(Sanitize.text(folder)): \(files.joined(separator: ", "))\n"
      )
    } catch {
      throw UsageError(error.message)
    }
  }
}
