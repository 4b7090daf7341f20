// The watcher's pure parts: names that matter, the status-bar text, filesystem types,
// inotify failure reasons, and the order of a change's entries.

import Testing

@testable import CarbonData

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite("WatchUnit") struct WatchUnitTests {
  @Test func relevantNames() {
    for path in [
      "dataset.toml", "operations.csv", "value_chain.csv", "events/2024.csv", "scenarios/base.toml",
    ] {
      #expect(WatchedNames.isRelevant(path: path), "\(path)")
    }
    for path in [
      ".operations.csv.swp", ".operations.csv.swx", "operations.csv~", "#operations.csv#",
      ".#operations.csv", "4913", "notes.txt", ".csv", "dataset.toml.bak", "events/.x.csv.swp",
      "events/x.toml", "scenarios/a.csv", "other/x.csv", "events/sub/x.csv", "events", "",
    ] {
      #expect(!WatchedNames.isRelevant(path: path), "\(path)")
    }
  }

  @Test func modeText() {
    #expect(WatchMode.formatSeconds(2) == "2s")
    #expect(WatchMode.formatSeconds(0.05) == "0.05s")
    #expect(WatchMode.formatSeconds(1.5) == "1.5s")
    #expect(WatchMode.clampedSeconds(0) == 0.01)
    #expect(WatchMode.clampedSeconds(-3) == 0.01)
    #expect(WatchMode.clampedSeconds(.nan) == 2)
    #expect(WatchMode.clampedSeconds(1e9) == 3600)
  }

  @Test func pollingIntervalIsClampedNotTrusted() {
    let watcher = DatasetWatcher(folder: "/nonexistent-carbontop-folder", mode: .poll(seconds: -1))
    #expect(watcher.modeDescription == "polling 0.01s")
  }

  @Test func failureReasons() {
    #expect(WatchError(errno: ENOSPC).reason == "inotify limit reached")
    #expect(WatchError(errno: EMFILE).reason == "inotify instance limit reached")
    #expect(WatchError(errno: ENOSYS).reason == "inotify unavailable")
  }

  @Test func filesystemTypeFromMountInfo() {
    let mountInfo = """
      27 1 254:0 / / rw,relatime - ext4 /dev/vda rw
      40 27 0:53 / /srv/data rw,relatime shared:1 - nfs4 fs:/export rw,vers=4.2
      41 27 0:54 / /home/u/remote rw,nosuid - fuse.sshfs u@host:/data rw,user_id=1000
      """
    #expect(NetworkFilesystem.type(ofDevice: "254:0", mountInfo: mountInfo) == "ext4")
    #expect(NetworkFilesystem.type(ofDevice: "0:53", mountInfo: mountInfo) == "nfs4")
    #expect(NetworkFilesystem.type(ofDevice: "0:54", mountInfo: mountInfo) == "fuse.sshfs")
    #expect(NetworkFilesystem.type(ofDevice: "9:9", mountInfo: mountInfo) == nil)
    for type in ["nfs", "nfs4", "cifs", "smb3", "fuse.sshfs", "fuse", "9p", "ceph"] {
      #expect(NetworkFilesystem.isNetwork(type: type), "\(type)")
    }
    for type in ["ext4", "xfs", "btrfs", "tmpfs", "overlay", "zfs"] {
      #expect(!NetworkFilesystem.isNetwork(type: type), "\(type)")
    }
    // The test machine's /tmp is local.
    #expect(NetworkFilesystem.type(at: "/tmp") == nil)
  }

  @Test func changeEntriesAreOrdered() {
    let change = DatasetChange(entries: [
      .init(path: "operations.csv", kind: .rewritten),
      .init(path: "events/b.csv", kind: .appended(fromOffset: 10), size: 20),
      .init(path: ".", kind: .folderBack),
      .init(path: "dataset.toml", kind: .created, size: 0),
    ])
    #expect(change.paths == [".", "dataset.toml", "events/b.csv", "operations.csv"])
    #expect(change.kind(of: "events/b.csv") == .appended(fromOffset: 10))
    #expect(change.kind(of: "revenue.csv") == nil)
    #expect(!change.onlyAppends)
    #expect(!change.folderGone)
    #expect(
      DatasetChange(entries: [.init(path: "events/b.csv", kind: .appended(fromOffset: 1))])
        .onlyAppends)
    #expect(DatasetChange(entries: [.init(path: ".", kind: .folderGone)]).folderGone)
  }
}
