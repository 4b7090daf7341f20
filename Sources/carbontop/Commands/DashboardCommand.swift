import ArgumentParser
import CarbonKit
import CarbonPostgres
import CarbonSystem
import CarbonText

#if canImport(Glibc)
  import Glibc
#endif

/// `carbontop [DATASET]`: the dashboard (the default command).
struct DashboardCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dashboard",
    abstract: "Open the dashboard on a dataset folder (the default command).",
    usage: HelpUsage.wrapped([
      "carbontop dashboard", "[<dataset>]", "[--theme <theme>]", "[--no-color]", "[--ascii]",
      "[--no-mouse]", "[--poll <poll>]", "[--scenario <scenario>]",
    ]),
    discussion: """
      Three panels (own operations, value-chain intensity, Scope 3+ avoided emissions), a \
      strip of every target's status, zoom, drill-down to source rows, live reload when the \
      dataset's files change. Press ? for the keys.

      Examples:
        carbontop                                   # the bundled Alibaba sample
        carbontop sample-data/greenfield --theme colorblind
        carbontop sample-data/greenfield --poll 2   # poll every 2 s (network filesystems)
        carbontop sample-data/greenfield --bell --notify   # say when a status changes
      """)

  @Argument(
    help:
      "The dataset folder, or a postgres:// URL (default: sample-data/alibaba when it exists)."
  )
  var dataset: String?

  @Option(
    help: "Theme name: dark, light, high-contrast, colorblind, monochrome, nord, or your own.")
  var theme: String?

  @Flag(help: "No colour, attributes only (also when NO_COLOR is set).")
  var noColor = false

  @Flag(help: "ASCII glyphs only (boxes, charts, gauges).")
  var ascii = false

  @Flag(help: "Do not capture the mouse.")
  var noMouse = false

  @Option(help: "Poll the dataset every SECONDS instead of using inotify.")
  var poll: Double?

  @Option(help: "A scenario file whose levers drive the projections.")
  var scenario: String?

  @Flag(
    help: "Ring the terminal bell once when a reload changes a target's status or breaks a file.")
  var bell = false

  @Flag(
    help:
      "Send a desktop notification (OSC 9, or OSC 777 in VTE and rxvt terminals; passed through tmux) once when a reload changes a target's status or breaks a file."
  )
  var notify = false

  func validate() throws {
    if let poll, !(0.01...3600).contains(poll) {
      throw ValidationError("--poll: expected seconds between 0.01 and 3600, found \(poll)")
    }
  }

  func run() throws {
    let folder = try DatasetLocation.resolve(dataset)
    guard PGTarget.isURL(folder) || FileBytes.isFolder(folder) else {
      throw UsageError("\(Sanitize.text(folder)): no such dataset folder")
    }
    guard isatty(0) == 1, isatty(1) == 1 else {
      throw UsageError(
        "the dashboard needs a terminal; for headless output use `carbontop report` or `carbontop check`"
      )
    }
    let app = try Dashboard(
      folder: folder,
      options: .init(
        theme: theme, noColor: noColor, ascii: ascii, mouse: !noMouse, poll: poll,
        scenarioPath: scenario, bell: bell, notify: notify))
    app.run()
  }
}
