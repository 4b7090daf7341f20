// DatasetWatcher with inotify, on real files in a temporary folder. Each test makes the file
// operations first and then drives the watcher with a bounded poll() loop, so every event of an
// operation is queued before the watcher reads any: the expected change is exact.

import Foundation
import Testing

@testable import CarbonData

#if os(Linux)
  @Suite("WatchInotify") struct WatchInotifyTests {
    // Byte counts used below: eventsHeader is 52 bytes (timestamp 9 + entity 6 + program 7 +
    // participant 11 + avoided_kgco2e 14 + 4 commas + newline); eventsRow is 45 bytes
    // (2024-05-01 10 + Cainiao 7 + green-packaging 15 + p-17 4 + 1.25 4 + 4 commas + newline).

    /// A folder with dataset.toml, operations.csv and events/x.csv, watched with inotify.
    func start() -> (WatchFolder, DatasetWatcher) {
      let folder = WatchFolder()
      folder.save("dataset.toml", "[organization]\nname = \"Alibaba Group\"\n")
      folder.save("operations.csv", "period,entity,scope1_tco2e\nFY2024,Cainiao,10\n")
      folder.makeFolder("events")
      folder.save("events/x.csv", eventsHeader + eventsRow)
      return (
        folder, DatasetWatcher(folder: folder.path, quietPeriod: testQuiet, maxLatency: testCap)
      )
    }

    @Test func watchesWithInotifyAndIsIdleWithoutEvents() {
      let (folder, watcher) = start()
      #expect(watcher.fd >= 0)
      #expect(!watcher.isPolling)
      #expect(watcher.modeDescription == "watching")
      #expect(watcher.fallbackReason == nil)
      // Nothing pending: wait for events only, and nothing to take.
      #expect(watcher.nextDeadline == nil)
      #expect(watcher.timeoutMs(now: .now) == -1)
      #expect(watcher.takeChanges(now: .now) == nil)
      #expect(changes(watcher, quiet: .milliseconds(60)).isEmpty)
      withExtendedLifetime(folder) {}
    }

    @Test func renameOnSaveIsOneRewrite() {
      let (folder, watcher) = start()
      folder.replace(
        "operations.csv", "period,entity,scope1_tco2e\nFY2024,Cainiao,11\n",
        temp: ".operations.csv.tmp42")
      let change = nextChange(watcher)
      #expect(
        change?.entries == [DatasetChange.Entry(path: "operations.csv", kind: .rewritten, size: 45)]
      )
      // 45 = "period,entity,scope1_tco2e\n" (27) + "FY2024,Cainiao,11\n" (18)
    }

    @Test func vimStyleSaveIsOneRewrite() {
      // vim's sequence with backupcopy=no: probe file 4913, original renamed to a backup,
      // new file written, backup deleted.
      let (folder, watcher) = start()
      folder.save("4913", "")
      folder.remove("4913")
      folder.move(folder.full("dataset.toml"), folder.full("dataset.toml~"))
      folder.save("dataset.toml", "[organization]\nname = \"Alibaba\"\n")
      folder.remove("dataset.toml~")
      let change = nextChange(watcher)
      #expect(change?.paths == ["dataset.toml"])
      #expect(change?.kind(of: "dataset.toml") == .rewritten)
    }

    @Test func inPlaceRewriteOfSameSize() {
      let (folder, watcher) = start()
      folder.save("operations.csv", "period,entity,scope1_tco2e\nFY2024,Cainiao,99\n")
      let change = nextChange(watcher)
      #expect(
        change?.entries == [DatasetChange.Entry(path: "operations.csv", kind: .rewritten, size: 45)]
      )
    }

    @Test func appendToEventsFileGivesOffset() {
      let (folder, watcher) = start()
      folder.append("events/x.csv", eventsRow)
      let old = Int64(eventsHeader.utf8.count + eventsRow.utf8.count)  // 52 + 45 = 97
      let change = nextChange(watcher)
      #expect(
        change?.entries == [
          DatasetChange.Entry(
            path: "events/x.csv", kind: .appended(fromOffset: old), size: old + 45)
        ])
      #expect(change?.onlyAppends == true)
      // And again from the new end.
      folder.append("events/x.csv", eventsRow + eventsRow)
      #expect(nextChange(watcher)?.kind(of: "events/x.csv") == .appended(fromOffset: old + 45))
    }

    @Test func truncateIsRewrite() {
      let (folder, watcher) = start()
      folder.shrink("events/x.csv", to: eventsHeader.utf8.count)
      #expect(
        nextChange(watcher)?.entries == [
          DatasetChange.Entry(path: "events/x.csv", kind: .rewritten, size: 52)
        ])
    }

    @Test func rewriteThenGrowIsNotAnAppend() {
      // Same inode, bigger, but the old bytes changed: a rewrite.
      let (folder, watcher) = start()
      folder.save(
        "events/x.csv",
        eventsHeader + eventsRow.replacingOccurrences(of: "p-17", with: "p-18") + eventsRow)
      let change = nextChange(watcher)
      #expect(change?.kind(of: "events/x.csv") == .rewritten)
      #expect(change?.onlyAppends == false)
    }

    @Test func deleteThenRecreate() {
      let (folder, watcher) = start()
      folder.remove("operations.csv")
      #expect(
        nextChange(watcher)?.entries == [
          DatasetChange.Entry(path: "operations.csv", kind: .deleted)
        ])
      folder.save("operations.csv", "period,entity\n")
      #expect(
        nextChange(watcher)?.entries == [
          DatasetChange.Entry(path: "operations.csv", kind: .created, size: 14)
        ])
      // Deleted and re-created within one burst: a new file in its place.
      folder.remove("operations.csv")
      folder.save("operations.csv", "period,entity\n")
      #expect(
        nextChange(watcher)?.entries == [
          DatasetChange.Entry(path: "operations.csv", kind: .rewritten, size: 14)
        ])
    }

    @Test func eventsFolderCreatedLaterRemovedAndRestored() {
      let folder = WatchFolder()
      folder.save("dataset.toml", "")
      let watcher = DatasetWatcher(folder: folder.path, quietPeriod: testQuiet, maxLatency: testCap)
      folder.makeFolder("events")
      folder.save("events/a.csv", eventsHeader)
      #expect(
        nextChange(watcher)?.entries == [
          DatasetChange.Entry(path: "events/a.csv", kind: .created, size: 52)
        ])
      // The new subfolder is watched: an append is seen as one.
      folder.append("events/a.csv", eventsRow)
      #expect(nextChange(watcher)?.kind(of: "events/a.csv") == .appended(fromOffset: 52))
      folder.removeTree("events")
      #expect(
        nextChange(watcher)?.entries == [DatasetChange.Entry(path: "events/a.csv", kind: .deleted)])
      folder.makeFolder("events")
      folder.save("events/b.csv", eventsHeader)
      #expect(
        nextChange(watcher)?.entries == [
          DatasetChange.Entry(path: "events/b.csv", kind: .created, size: 52)
        ])
      folder.append("events/b.csv", eventsRow)
      #expect(nextChange(watcher)?.kind(of: "events/b.csv") == .appended(fromOffset: 52))
    }

    @Test func scenariosFolderIsWatchedToo() {
      let (folder, watcher) = start()
      folder.makeFolder("scenarios")
      folder.save("scenarios/fast.toml", "name = \"fast\"\n")
      folder.save("scenarios/.fast.toml.swp", "x")
      // name = "fast" and a newline: 4 + 3 + 6 + 1 = 14 bytes.
      #expect(
        nextChange(watcher)?.entries == [
          DatasetChange.Entry(path: "scenarios/fast.toml", kind: .created, size: 14)
        ])
    }

    @Test func folderRemovedAndRestored() {
      let (folder, watcher) = start()
      folder.removeTree("")
      #expect(nextChange(watcher)?.entries == [DatasetChange.Entry(path: ".", kind: .folderGone)])
      #expect(watcher.nextDeadline != nil)  // it checks for the folder's return
      mkdir(folder.path, 0o700)
      folder.save("dataset.toml", "[organization]\nname = \"X\"\n")
      folder.save("revenue.csv", "period,entity,revenue\n")
      let back = nextChange(watcher)
      #expect(
        back?.paths == [".", "dataset.toml", "events/x.csv", "operations.csv", "revenue.csv"])
      #expect(back?.kind(of: ".") == .folderBack)
      #expect(back?.kind(of: "dataset.toml") == .rewritten)
      #expect(back?.kind(of: "events/x.csv") == .deleted)
      #expect(back?.kind(of: "operations.csv") == .deleted)
      #expect(back?.kind(of: "revenue.csv") == .created)
      #expect(back?.folderGone == false)
      // Re-armed: later writes are seen.
      folder.save("revenue.csv", "period,entity,revenue\nFY2024,Cainiao,1\n")
      #expect(nextChange(watcher)?.paths == ["revenue.csv"])
    }

    @Test func folderMovedAwayAndBack() {
      let (folder, watcher) = start()
      let away = folder.root + "/away"
      folder.move(folder.path, away)
      #expect(nextChange(watcher)?.kind(of: ".") == .folderGone)
      folder.move(away, folder.path)
      // Same files, untouched: only the folder's return.
      #expect(nextChange(watcher)?.entries == [DatasetChange.Entry(path: ".", kind: .folderBack)])
      folder.append("events/x.csv", eventsRow)
      #expect(nextChange(watcher)?.kind(of: "events/x.csv") == .appended(fromOffset: 97))
    }

    @Test func folderMissingAtStartThenCreated() {
      let folder = WatchFolder()
      let missing = folder.root + "/later"
      let watcher = DatasetWatcher(folder: missing, quietPeriod: testQuiet, maxLatency: testCap)
      #expect(watcher.modeDescription == "watching")
      mkdir(missing, 0o700)
      let fd = open(missing + "/dataset.toml", O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
      close(fd)
      let change = nextChange(watcher)
      #expect(
        change?.entries == [
          DatasetChange.Entry(path: ".", kind: .folderBack),
          DatasetChange.Entry(path: "dataset.toml", kind: .created, size: 0),
        ])
    }

    @Test func editorLitterIsIgnored() {
      let (folder, watcher) = start()
      folder.save(".operations.csv.swp", "x")
      folder.save(".operations.csv.swx", "x")
      folder.save("operations.csv~", "x")
      folder.save("#operations.csv#", "x")
      folder.save(".#operations.csv", "x")
      folder.save("4913", "x")
      folder.save("notes.txt", "x")
      folder.save("events/.x.csv.swp", "x")
      folder.save("events/readme.md", "x")
      folder.makeFolder("other")
      folder.save("other/y.csv", "x")
      folder.save("revenue.csv", "period,entity,revenue\n")
      #expect(changes(watcher).map(\.paths) == [["revenue.csv"]])
    }

    @Test func aRenameIsTakenAfterTheShortQuietPeriod() throws {
      // A save by rename is complete when it lands: due 4 ms after it, not 40.
      let folder = WatchFolder()
      folder.save("operations.csv", "period,entity\n")
      let t0 = ContinuousClock.now
      let watcher = DatasetWatcher(folder: folder.path, now: t0)
      folder.save(".operations.tmp", "period,entity,scope1_tco2e\nFY2024,A,1\n")
      #expect(rename(folder.path + "/.operations.tmp", folder.path + "/operations.csv") == 0)
      watcher.handleReadable(now: t0)
      #expect(watcher.timeoutMs(now: t0) == 4)
      #expect(watcher.takeChanges(now: t0 + .milliseconds(3)) == nil)
      let change = try #require(watcher.takeChanges(now: t0 + .milliseconds(4)))
      #expect(change.paths == ["operations.csv"])
      #expect(change.kind(of: "operations.csv") == .rewritten)
    }

    @Test func burstOfFiftyWritesIsOneChange() {
      // Time is given to the watcher explicitly: writes 1 ms apart, quiet period 40 ms.
      let folder = WatchFolder()
      folder.makeFolder("events")
      folder.save("events/x.csv", eventsHeader)
      let t0 = ContinuousClock.now
      let watcher = DatasetWatcher(folder: folder.path, now: t0)
      for i in 0..<50 {
        folder.append("events/x.csv", eventsRow)
        let now = t0 + .milliseconds(i)
        watcher.handleReadable(now: now)
        #expect(watcher.takeChanges(now: now) == nil)
      }
      // Last event at 49 ms: due at 49 + 40 = 89 ms (before the 150 ms cap).
      #expect(watcher.timeoutMs(now: t0 + .milliseconds(49)) == 40)
      #expect(watcher.takeChanges(now: t0 + .milliseconds(88)) == nil)
      let change = watcher.takeChanges(now: t0 + .milliseconds(89))
      // 52 header bytes, then 50 rows of 45 bytes: 52 + 2250 = 2302.
      #expect(
        change?.entries == [
          DatasetChange.Entry(path: "events/x.csv", kind: .appended(fromOffset: 52), size: 2302)
        ])
      #expect(watcher.takeChanges(now: t0 + .milliseconds(500)) == nil)
    }

    @Test func constantStreamStillReloadsAtTheCap() {
      // A write every 10 ms never leaves 40 ms quiet; the 150 ms cap still takes changes.
      let folder = WatchFolder()
      folder.makeFolder("events")
      folder.save("events/x.csv", eventsHeader)
      let t0 = ContinuousClock.now
      let watcher = DatasetWatcher(folder: folder.path, now: t0)
      var taken: [(Int, DatasetChange)] = []
      for i in 0..<30 {
        folder.append("events/x.csv", eventsRow)
        let now = t0 + .milliseconds(10 * i)
        watcher.handleReadable(now: now)
        if let change = watcher.takeChanges(now: now) { taken.append((i, change)) }
      }
      // First burst from 0 ms: capped at 150 ms, i = 15, after 16 rows: 52 + 16 x 45 = 772.
      #expect(taken.map(\.0) == [15])
      #expect(
        taken.first?.1.entries == [
          DatasetChange.Entry(path: "events/x.csv", kind: .appended(fromOffset: 52), size: 772)
        ])
      // Second burst from 160 ms, last write at 290 ms: due at min(290 + 40, 160 + 150) = 310.
      #expect(watcher.takeChanges(now: t0 + .milliseconds(309)) == nil)
      let second = watcher.takeChanges(now: t0 + .milliseconds(310))
      // 52 + 30 x 45 = 1402.
      #expect(
        second?.entries == [
          DatasetChange.Entry(path: "events/x.csv", kind: .appended(fromOffset: 772), size: 1402)
        ])
    }

    @Test func fallbackToPollingAtRunTime() {
      let (folder, watcher) = start()
      // What happens when a new watch fails with ENOSPC.
      watcher.startPolling(seconds: 2, reason: WatchError(errno: ENOSPC).reason, now: .now)
      #expect(watcher.fd == -1)
      #expect(watcher.modeDescription == "polling 2s (inotify limit reached)")
      folder.append("events/x.csv", eventsRow)
      // The first scan is due at once: the change is not held back for 2 s.
      #expect(nextChange(watcher)?.kind(of: "events/x.csv") == .appended(fromOffset: 97))
    }
  }
#endif
