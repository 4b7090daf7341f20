import ArgumentParser
import CarbonData
import CarbonKit
import CarbonPostgres
import CarbonSystem
import CarbonText

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `carbontop check`: validate a dataset and print its diagnostics.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Validate a dataset folder and print every warning and error.",
    usage: HelpUsage.wrapped(["carbontop check", "[<dataset>]", "[--watch]", "[--poll <poll>]"]),
    discussion: """
      Prints `file:line:column: severity: message` for each problem, ordered by file, line \
      and column. Exit status: 0 no errors (warnings allowed), 1 data errors, 2 usage.

      Examples:
        carbontop check sample-data/greenfield
        carbontop check --watch sample-data/greenfield    # print again whenever files change
      """)

  @Argument(
    help:
      "The dataset folder, or a postgres:// URL (default: sample-data/alibaba when it exists)."
  )
  var dataset: String?

  @Flag(
    help:
      "Keep running and print the diagnostics again whenever the dataset changes (Ctrl-C stops).")
  var watch = false

  @Option(help: "With --watch: poll every SECONDS instead of using inotify.")
  var poll: Double?

  func validate() throws {
    if poll != nil && !watch { throw ValidationError("--poll needs --watch") }
    if let poll, !(0.01...3600).contains(poll) {
      throw ValidationError("--poll: expected seconds between 0.01 and 3600, found \(poll)")
    }
  }

  func run() throws {
    let folder = try DatasetLocation.resolve(dataset)
    if watch {
      if PGTarget.isURL(folder) {
        throw UsageError(
          "--watch follows a folder; a database is followed live by the dashboard (docs/postgres.md)"
        )
      }
      try CheckWatch(folder: folder, poll: poll).run()
      return
    }
    let loaded = try DatasetLocation.load(folder)
    let hasErrors = try CheckCommand.print(loaded.diagnostics, folder: folder)
    if hasErrors { throw ExitCode(1) }
  }

  /// Prints diagnostics and a summary line; returns true when there were errors. A failed
  /// write (`check > /dev/full`) is an error (exit 2 with the reason), never a silent 0.
  @discardableResult
  static func print(_ diagnostics: [Diagnostic], folder: String) throws -> Bool {
    var out = ""
    for d in diagnostics { out += Sanitize.text(d.description) + "\n" }
    let errors = diagnostics.filter { $0.severity == .error }.count
    let warnings = diagnostics.count - errors
    out +=
      "\(DatasetLocation.display(folder)): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n"
    try OutputFile.write(out, to: nil)
    return errors > 0
  }
}
