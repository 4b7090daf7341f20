import ArgumentParser
import CarbonKit
import CarbonSystem

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The root command: the dashboard by default, and the headless subcommands.
@main
struct CarbonTop: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "carbontop",
    abstract: "A terminal dashboard for an organization's decarbonization targets.",
    discussion: """
      With no subcommand, carbontop opens the dashboard (`carbontop dashboard --help` lists \
      its options). DATASET is a dataset folder (docs/data-format.md), or a PostgreSQL \
      schema postgres://USER@HOST/DB?schema=NAME (docs/postgres.md); it defaults to \
      sample-data/alibaba when that folder exists in the current directory.

      Examples:
        carbontop                                     # the dashboard on the Alibaba sample
        carbontop sample-data/greenfield --theme light
        carbontop report --format json                # every figure, headless
        carbontop check sample-data/greenfield        # diagnostics; exit 1 on data errors
        carbontop ledger sample-data/greenfield       # the events ledger per year, entity, program
      """,
    subcommands: [
      DashboardCommand.self, ReportCommand.self, CheckCommand.self, LedgerCommand.self,
      DbCommand.self,
    ],
    defaultSubcommand: DashboardCommand.self
  )

  /// Runs the command line. Usage errors (an unknown option, a missing folder) exit with
  /// status 2, as the data contract says for `check`, instead of the parser's 64.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch let error as UsageError {
      FDText.err("carbontop: \(error.description)\n")
      Glibc.exit(2)
    } catch {
      let code = exitCode(for: error)
      if code == .validationFailure {
        let message = fullMessage(for: error)
        FDText.err(message + "\n")
        Glibc.exit(2)
      }
      exit(withError: error)
    }
  }
}
