// DatasetWatcher in polling mode (`--poll 0.05`): the same changes as with inotify, found by
// stat() scans. Operations are made before the loop runs, so a scan sees each finished.

import Foundation
import Testing

@testable import CarbonData

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite("WatchPolling") struct WatchPollingTests {
  func start() -> (WatchFolder, DatasetWatcher) {
    let folder = WatchFolder()
    folder.save("dataset.toml", "[organization]\nname = \"Alibaba Group\"\n")
    folder.save("operations.csv", "period,entity,scope1_tco2e\nFY2024,Cainiao,10\n")
    folder.makeFolder("events")
    folder.save("events/x.csv", eventsHeader + eventsRow)
    return (
      folder,
      DatasetWatcher(
        folder: folder.path, mode: .poll(seconds: 0.05), quietPeriod: testQuiet, maxLatency: testCap
      )
    )
  }

  @Test func describesItself() {
    let (folder, watcher) = start()
    #expect(watcher.fd == -1)
    #expect(watcher.isPolling)
    #expect(watcher.modeDescription == "polling 0.05s")
    #expect(watcher.fallbackReason == nil)
    // Always a next scan to wait for, never more than the interval away.
    let wait = watcher.timeoutMs(now: .now)
    #expect(wait >= 0 && wait <= 50)
    // Nothing changed: a few scans find nothing.
    #expect(changes(watcher, quiet: .milliseconds(100)).isEmpty)
    withExtendedLifetime(folder) {}
  }

  @Test func renameOnSave() {
    let (folder, watcher) = start()
    folder.replace(
      "operations.csv", "period,entity,scope1_tco2e\nFY2024,Cainiao,11\n",
      temp: ".operations.csv.tmp1")
    // 27 + 18 = 45 bytes.
    #expect(
      nextChange(watcher)?.entries == [
        DatasetChange.Entry(path: "operations.csv", kind: .rewritten, size: 45)
      ])
  }

  @Test func appendAndTruncate() {
    let (folder, watcher) = start()
    folder.append("events/x.csv", eventsRow)
    // Header 52 + row 45 = 97 before; 142 after.
    #expect(
      nextChange(watcher)?.entries == [
        DatasetChange.Entry(path: "events/x.csv", kind: .appended(fromOffset: 97), size: 142)
      ])
    folder.shrink("events/x.csv", to: 52)
    #expect(
      nextChange(watcher)?.entries == [
        DatasetChange.Entry(path: "events/x.csv", kind: .rewritten, size: 52)
      ])
  }

  @Test func inPlaceRewrite() {
    let (folder, watcher) = start()
    folder.save("operations.csv", "period,entity,scope1_tco2e\nFY2024,Cainiao,12345\n")
    #expect(nextChange(watcher)?.kind(of: "operations.csv") == .rewritten)
  }

  @Test func deleteAndRecreate() {
    let (folder, watcher) = start()
    folder.remove("operations.csv")
    #expect(
      nextChange(watcher)?.entries == [DatasetChange.Entry(path: "operations.csv", kind: .deleted)])
    folder.save("operations.csv", "period,entity\n")
    #expect(
      nextChange(watcher)?.entries == [
        DatasetChange.Entry(path: "operations.csv", kind: .created, size: 14)
      ])
  }

  @Test func eventsFolderLater() {
    let folder = WatchFolder()
    let watcher = DatasetWatcher(
      folder: folder.path, mode: .poll(seconds: 0.05), quietPeriod: testQuiet, maxLatency: testCap)
    folder.makeFolder("events")
    folder.save("events/a.csv", eventsHeader)
    #expect(
      nextChange(watcher)?.entries == [
        DatasetChange.Entry(path: "events/a.csv", kind: .created, size: 52)
      ])
    folder.removeTree("events")
    #expect(
      nextChange(watcher)?.entries == [DatasetChange.Entry(path: "events/a.csv", kind: .deleted)])
  }

  @Test func folderRemovedAndRestored() {
    let (folder, watcher) = start()
    folder.removeTree("")
    #expect(nextChange(watcher)?.entries == [DatasetChange.Entry(path: ".", kind: .folderGone)])
    mkdir(folder.path, 0o700)
    folder.save("dataset.toml", "")
    let back = nextChange(watcher)
    #expect(back?.paths == [".", "dataset.toml", "events/x.csv", "operations.csv"])
    #expect(back?.kind(of: ".") == .folderBack)
    #expect(back?.kind(of: "dataset.toml") == .rewritten)
    #expect(back?.kind(of: "events/x.csv") == .deleted)
  }

  @Test func editorLitterIsIgnored() {
    let (folder, watcher) = start()
    folder.save(".dataset.toml.swp", "x")
    folder.save("dataset.toml~", "x")
    folder.save("4913", "x")
    folder.save("events/.#x.csv", "x")
    folder.save("avoided.csv", "period,entity,program,avoided_tco2e\n")
    #expect(changes(watcher).map(\.paths) == [["avoided.csv"]])
  }

  @Test func burstIsOneChange() {
    let (folder, watcher) = start()
    for _ in 0..<50 { folder.append("events/x.csv", eventsRow) }
    // 97 + 50 x 45 = 2347.
    #expect(
      changes(watcher).map(\.entries) == [
        [DatasetChange.Entry(path: "events/x.csv", kind: .appended(fromOffset: 97), size: 2347)]
      ])
  }
}
