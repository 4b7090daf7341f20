import ArgumentParser

/// The root command: the dashboard by default, and the headless subcommands.
@main
struct CarbonTop: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "carbontop",
    abstract: "A terminal dashboard for an organization's decarbonization targets.",
    discussion: """
      With no subcommand, carbontop opens the dashboard (`carbontop dashboard --help` lists its
      options). DATASET is a dataset folder (docs/data-format.md); it defaults to
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
    ],
    defaultSubcommand: DashboardCommand.self
  )
}
