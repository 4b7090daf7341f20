import ArgumentParser
import CarbonData
import CarbonKit
import CarbonSystem
import CarbonTerminal
import CarbonText

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `carbontop check --watch`: the diagnostics printed again whenever the dataset changes,
/// for people writing the pipeline that produces the files. One `poll()` over the watcher
/// and a signalfd; unchanged tables and the already-read part of a growing ledger are not
/// read again. Ctrl-C, SIGTERM or SIGHUP end it with status 0.
struct CheckWatch {
  let folder: String
  let poll: Double?

  func run() throws {
    let signals = try SignalWatcher()
    let watcher = DatasetWatcher(folder: folder, mode: poll.map { .poll(seconds: $0) } ?? .auto)
    let ledger = LiveLedger()
    let tables = TableCache()
    func check(_ why: String) throws {
      let header =
        "== \(Dashboard.clock())  \(Sanitize.text(why))  (\(watcher.modeDescription)) ==\n"
      try OutputFile.write(header, to: nil)
      let loaded: LoadedDataset
      do {
        loaded = try DatasetLoader.load(folder: folder, ledger: ledger.hook, cache: tables)
      } catch {
        try OutputFile.write("\(Sanitize.text(folder)): error: \(error)\n", to: nil)
        return
      }
      // A failed write ends the watch: exit 2 with the reason.
      try CheckCommand.print(loaded.diagnostics, folder: folder)
    }
    try check("checking \(folder)")
    while true {
      var fds = [signals.fd]
      if watcher.fd >= 0 { fds.append(watcher.fd) }
      let ready = Poller.wait(fds: fds, timeoutMs: watcher.timeoutMs(now: .now))
      if ready.contains(signals.fd), !signals.read().isEmpty { return }
      if watcher.fd >= 0, ready.contains(watcher.fd) { watcher.handleReadable() }
      guard let change = watcher.takeChanges() else { continue }
      let paths = change.paths.filter { $0 != "." }
      tables.invalidate(paths)
      ledger.markRewritten(
        change.entries.filter {
          if case .appended = $0.kind { return false }
          return true
        }.map(\.path))
      if change.folderGone {
        try OutputFile.write(
          "== \(Dashboard.clock())  the dataset folder is gone; waiting for it ==\n", to: nil)
        continue
      }
      try check(
        "changed: " + (paths.isEmpty ? "the dataset folder" : paths.joined(separator: ", ")))
    }
  }
}
