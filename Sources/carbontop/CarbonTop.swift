import ArgumentParser

/// The root command (the lead merges the other subcommands into it).
@main
struct CarbonTop: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "carbontop",
    abstract: "A terminal dashboard for an organization's decarbonization targets.",
    subcommands: [LedgerCommand.self]
  )
}
