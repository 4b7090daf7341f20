import ArgumentParser

/// The root command: the dashboard by default, and the headless subcommands.
@main
struct CarbonTop: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "carbontop",
    abstract: "A terminal dashboard for an organization's decarbonization targets.",
    subcommands: [
      DashboardCommand.self, ReportCommand.self, CheckCommand.self, LedgerCommand.self,
    ],
    defaultSubcommand: DashboardCommand.self
  )
}
