#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Follows a dataset folder on disk and says, once a burst of writes has settled, which files
/// changed and how, so the dashboard can reload (or read an events ledger incrementally).
///
/// ## What is watched
/// The folder itself (`dataset.toml`, `*.csv`), `events/*.csv` and `scenarios/*.toml`. The
/// subfolders may appear later, vanish and come back. Editors' litter is ignored: hidden names
/// (`.x.csv.swp`, `.#x.csv`, `.~lock.x.csv#`, a pipeline's `.tmp` files), `x.csv~`, `#x.csv#`,
/// vim's probe file `4913`, and any other name that is not part of a dataset.
///
/// ## How (Linux, inotify)
/// One inotify instance (``fd``) watches the folder and each existing subfolder for
/// `IN_CREATE`, `IN_MOVED_TO`/`IN_MOVED_FROM` (rename-on-save), `IN_CLOSE_WRITE`, `IN_MODIFY`
/// (appends by a long-running writer), `IN_ATTRIB`, `IN_DELETE`, and the folder's own
/// `IN_DELETE_SELF`/`IN_MOVE_SELF`/`IN_UNMOUNT`/`IN_IGNORED`. Events only mark paths dirty: what
/// changed is decided by comparing a fresh snapshot of each dirty file (inode, size, mtime,
/// ctime and FNV-1a checksums of the first and last 4 KiB before the end) with the one taken
/// at the previous change. So an event lost or merged (`IN_Q_OVERFLOW` forces a full rescan)
/// never hides a change, and an `events/*.csv` file that only grew (same inode, bigger, the
/// sampled old bytes untouched) is told from one rewritten and then grown.
///
/// When the folder goes (removed, renamed away, unmounted), the watcher reports `.folderGone`,
/// watches the parent folder for the name to come back (and re-checks every 0.5 s in case that
/// watch is impossible), re-arms, and reports `.folderBack` with the files' changes.
///
/// ## Polling
/// Where inotify cannot be used (`inotify_init1` fails, the watch limit is reached, also later
/// at run time, or the folder is on NFS, SMB/CIFS, FUSE such as SSHFS, ..., where inotify
/// misses other machines' writes: see ``NetworkFilesystem``) the watcher polls: every
/// interval (2 s, or `WatchMode.poll(seconds:)` for `--poll`) it lists and `stat()`s the
/// relevant files, then settles and classifies changes exactly as above. ``fd`` is then -1.
/// ``modeDescription`` says which it is ("watching", "polling 2s (inotify limit reached)").
///
/// ## Debounce
/// A burst of events is one change: it is taken after ``quietPeriod`` without new events
/// (40 ms), and at most ``maxLatency`` (150 ms) after the first, so a writer that never stops
/// still shows on screen several times a second.
///
/// ## Use in the event loop
/// Create the watcher before loading the dataset (so nothing written in between is missed),
/// then on each turn of the one `poll()` loop:
/// ```swift
/// var fds = [pollfd(fd: stdinFD, ...), pollfd(fd: watcher.fd, events: Int16(POLLIN), revents: 0)]
/// poll(&fds, nfds_t(fds.count), watcher.timeoutMs(now: .now))   // also min with other timeouts
/// if fds[1].revents != 0 { watcher.handleReadable() }
/// if let change = watcher.takeChanges(now: .now) { reload(change) }
/// ```
/// Read ``fd`` again on every turn: it becomes -1 if the watcher falls back to polling at run
/// time (a negative fd in a `pollfd` is ignored by `poll()`, so passing it is harmless).
/// The watcher is not thread-safe; use it from the loop's thread only. It never writes.
///
/// Limits: a rewrite that keeps the size, the first and the last 4 KiB, and lands in the same
/// timestamp tick is not seen; names that are not valid UTF-8 are not followed.
public final class DatasetWatcher {
  /// The dataset folder, as given (without trailing slashes).
  public let folder: String
  /// How long events must stop before a change is taken.
  public let quietPeriod: Duration
  /// The longest a change waits after its first event, however busy the writer.
  public let maxLatency: Duration

  /// How often the watcher re-checks for a gone folder when the parent cannot be watched.
  static let goneRecheck: Duration = .milliseconds(500)

  #if os(Linux)
    private var inotify: Inotify?
  #endif
  private var pollSeconds: Double = WatchMode.defaultPollSeconds
  /// Why `.auto` polls, nil when it watches or polling was asked for.
  public private(set) var fallbackReason: String?

  private var rootWd: Int32 = -1
  private var subWds: [Int32: String] = [:]
  private var parentWd: Int32 = -1

  /// What the files were at the last change (or at start).
  private var known: [String: FileSnapshot] = [:]
  /// Polling: the files' `stat()` at the previous scan.
  private var lastScan: [String: FileSnapshot.StatKey] = [:]
  private var rootIdentity: (device: UInt64, inode: UInt64)?
  /// Whether the folder was there at the last change.
  private var folderPresent: Bool
  /// The folder's own watch was lost, or it was replaced: check and re-arm at the next change.
  private var rootLost = false

  private var dirty: Set<String> = []
  /// Paths with content events (IN_MODIFY, IN_CLOSE_WRITE): same stat still gets a checksum look.
  private var touched: Set<String> = []
  private var rescanSubfolders: Set<String> = []
  private var fullRescan = false
  private var pendingSince: ContinuousClock.Instant?
  private var lastEventAt: ContinuousClock.Instant?
  private var nextScanAt: ContinuousClock.Instant?
  private var goneCheckAt: ContinuousClock.Instant?

  /// Starts watching `folder` (which may be missing: it is then reported `.folderBack` when it
  /// appears). Never fails: where inotify cannot be used it polls, and says why in
  /// ``modeDescription``.
  /// - Parameters:
  ///   - folder: the dataset folder.
  ///   - mode: `.auto` (inotify, else polling every 2 s) or `.poll(seconds:)` (clamped to
  ///     ``WatchMode/pollSecondsRange``).
  ///   - quietPeriod: how long events must stop before a change is taken.
  ///   - maxLatency: the longest a change waits after its first event.
  ///   - now: the current time of the loop's clock.
  public init(
    folder: String, mode: WatchMode = .auto, quietPeriod: Duration = .milliseconds(40),
    maxLatency: Duration = .milliseconds(150), now: ContinuousClock.Instant = .now
  ) {
    var path = folder.isEmpty ? "." : folder
    while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
    self.folder = path
    self.quietPeriod = max(quietPeriod, .zero)
    self.maxLatency = max(maxLatency, self.quietPeriod)
    folderPresent = DirectoryListing.isDirectory(path)

    switch mode {
    case .poll(let seconds):
      startPolling(seconds: WatchMode.clampedSeconds(seconds), reason: nil, now: now)
    case .auto:
      #if os(Linux)
        if folderPresent, let network = NetworkFilesystem.type(at: path) {
          startPolling(
            seconds: WatchMode.defaultPollSeconds, reason: "network filesystem: \(network)",
            now: now)
        } else {
          switch Inotify.open() {
          case .failure(let error):
            startPolling(seconds: WatchMode.defaultPollSeconds, reason: error.reason, now: now)
          case .success(let instance):
            inotify = instance
            if folderPresent {
              armRoot(now: now)
              armSubfolders(now: now)
            } else {
              armParent()
              goneCheckAt = now + Self.goneRecheck
            }
          }
        }
      #else
        startPolling(seconds: WatchMode.defaultPollSeconds, reason: nil, now: now)
      #endif
    }
    // Watches first, then the snapshot: nothing written in between is missed.
    if folderPresent {
      for path in DirectoryListing.allPaths(folder: self.folder) {
        known[path] = FileSnapshot.take(self.folder + "/" + path)
      }
      rootIdentity = FileSnapshot.statKey(self.folder).map { ($0.device, $0.inode) }
    }
    lastScan = known.mapValues(\.key)
    // Pending events from the arming itself (none expected) are harmless: classified by stat.
    dirty.removeAll()
    rescanSubfolders.removeAll()
    pendingSince = nil
    lastEventAt = nil
    if rootLost { touch(now) }  // vanished while arming: report it
  }

  deinit {
    #if os(Linux)
      inotify?.release()
    #endif
  }

  // MARK: - The loop's interface

  /// The inotify file descriptor to `poll()` for `POLLIN`, or -1 when polling. Read it anew on
  /// every turn of the loop: it becomes -1 if inotify fails at run time.
  public var fd: Int32 {
    #if os(Linux)
      return inotify?.fd ?? -1
    #else
      return -1
    #endif
  }

  /// True when the watcher polls instead of using inotify.
  public var isPolling: Bool { fd < 0 }

  /// For the status bar: "watching", "polling 2s", or "polling 2s (inotify limit reached)".
  public var modeDescription: String {
    if !isPolling { return "watching" }
    let text = "polling " + WatchMode.formatSeconds(pollSeconds)
    guard let fallbackReason else { return text }
    return text + " (" + fallbackReason + ")"
  }

  /// The next time ``takeChanges(now:)`` has work to do (a debounce ending, a polling scan, a
  /// check for a gone folder), or nil when only new inotify events can bring work.
  public var nextDeadline: ContinuousClock.Instant? {
    if let debounce = debounceDeadline { return debounce }
    if isPolling { return nextScanAt }
    return folderPresent ? nil : goneCheckAt
  }

  /// The `poll()` timeout in milliseconds until ``nextDeadline`` (rounded up, 0 when due), or
  /// -1 (wait for events only) when there is none.
  public func timeoutMs(now: ContinuousClock.Instant) -> Int32 {
    guard let deadline = nextDeadline else { return -1 }
    let left = now.duration(to: deadline)
    if left <= .zero { return 0 }
    let (seconds, attoseconds) = left.components
    let ms = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
    return Int32(clamping: ms)
  }

  /// Reads the pending inotify events (call when ``fd`` is readable). Returns true when one of
  /// them may matter to the dataset. Does nothing when polling.
  @discardableResult
  public func handleReadable(now: ContinuousClock.Instant = .now) -> Bool {
    #if os(Linux)
      guard let inotify else { return false }
      var relevant = false
      for event in inotify.drain() where handle(event, now: now) {
        relevant = true
      }
      return relevant
    #else
      return false
    #endif
  }

  /// The change, when a burst of activity has settled by `now`; nil when nothing is due or
  /// nothing that matters changed. Also runs polling scans and gone-folder checks when due, so
  /// call it on every turn of the loop (it is cheap when nothing is due).
  public func takeChanges(now: ContinuousClock.Instant = .now) -> DatasetChange? {
    #if os(Linux)
      if inotify != nil { handleReadable(now: now) }
    #endif
    if isPolling, let due = debounceDeadline ?? nextScanAt, now >= due {
      scan(now: now)
      nextScanAt = now + .seconds(pollSeconds)
    }
    if !isPolling, !folderPresent, debounceDeadline == nil, let due = goneCheckAt, now >= due {
      checkGoneFolder(now: now)
    }
    guard let due = debounceDeadline, now >= due else { return nil }
    return classify(now: now)
  }

  // MARK: - Debounce

  /// The quiet period after a file is renamed into the folder: a save by rename (editors,
  /// atomic pipeline writes) is complete the moment it lands, so it waits only long enough to
  /// gather the events that come with it. Writes in place keep the full quiet period, so a
  /// burst of them is still one reload.
  public static let settledQuietPeriod: Duration = .milliseconds(4)

  private var debounceDeadline: ContinuousClock.Instant? {
    guard let pendingSince, let lastEventAt else { return nil }
    let quiet = lastEventSettled ? min(quietPeriod, Self.settledQuietPeriod) : quietPeriod
    return min(lastEventAt + quiet, pendingSince + maxLatency)
  }

  /// True when the latest event was a file renamed into the folder (IN_MOVED_TO).
  private var lastEventSettled = false

  private func touch(_ now: ContinuousClock.Instant, settled: Bool = false) {
    if pendingSince == nil { pendingSince = now }
    lastEventAt = now
    lastEventSettled = settled
  }

  // MARK: - Polling

  /// Switches to polling (at start, or when inotify fails at run time); `reason` is shown in
  /// ``modeDescription``. The first scan is due at once, so nothing pending is lost.
  func startPolling(seconds: Double, reason: String?, now: ContinuousClock.Instant) {
    #if os(Linux)
      inotify?.release()
      inotify = nil
    #endif
    rootWd = -1
    subWds.removeAll()
    parentWd = -1
    pollSeconds = seconds
    fallbackReason = reason
    lastScan = known.mapValues(\.key)
    nextScanAt = now
  }

  /// One polling scan: marks dirty every path whose `stat()` differs from the previous scan.
  private func scan(now: ContinuousClock.Instant) {
    guard let root = FileSnapshot.statKey(folder), root.isDirectory else {
      if folderPresent { touch(now) }
      return
    }
    if !folderPresent {
      fullRescan = true
      touch(now)
    }
    if let identity = rootIdentity, identity != (root.device, root.inode) {
      rootLost = true
      fullRescan = true
      touch(now)
    }
    rootIdentity = (root.device, root.inode)
    var current: [String: FileSnapshot.StatKey] = [:]
    for path in DirectoryListing.allPaths(folder: folder) {
      current[path] = FileSnapshot.statKey(folder + "/" + path)
    }
    var changed = false
    for (path, key) in current where lastScan[path] != key {
      dirty.insert(path)
      changed = true
    }
    for path in lastScan.keys where current[path] == nil {
      dirty.insert(path)
      changed = true
    }
    lastScan = current
    if changed { touch(now) }
  }

  // MARK: - inotify

  #if os(Linux)
    /// Handles one event; true when it may matter.
    private func handle(_ event: Inotify.Event, now: ContinuousClock.Instant) -> Bool {
      if event.mask & Inotify.queueOverflow != 0 {
        fullRescan = true
        touch(now)
        return true
      }
      if event.wd == rootWd && rootWd >= 0 {
        if event.name.isEmpty {
          guard event.mask & Inotify.lostMask != 0 else { return false }
          loseRoot(now: now)
          return true
        }
        if WatchedNames.subfolders.contains(where: { $0.name == event.name }) {
          if event.mask & (Inotify.create | Inotify.movedTo | Inotify.delete | Inotify.movedFrom)
            != 0
          {
            disarmSubfolder(event.name)
            if event.mask & (Inotify.create | Inotify.movedTo) != 0 {
              armSubfolder(event.name, now: now)
            }
            rescanSubfolders.insert(event.name)
            touch(now)
            return true
          }
          return false
        }
        guard WatchedNames.isRelevantTopLevel(event.name) else { return false }
        mark(event.name, mask: event.mask, now: now)
        return true
      }
      if let sub = subWds[event.wd] {
        if event.name.isEmpty {
          guard event.mask & Inotify.lostMask != 0 else { return false }
          disarmSubfolder(sub)
          rescanSubfolders.insert(sub)
          touch(now)
          return true
        }
        guard WatchedNames.isRelevant(event.name, in: sub) else { return false }
        mark(sub + "/" + event.name, mask: event.mask, now: now)
        return true
      }
      if event.wd == parentWd && parentWd >= 0 && event.name == baseName {
        goneCheckAt = now
        return true
      }
      return false
    }

    private func mark(_ path: String, mask: UInt32, now: ContinuousClock.Instant) {
      dirty.insert(path)
      if mask & (Inotify.modify | Inotify.closeWrite) != 0 { touched.insert(path) }
      touch(now, settled: mask & Inotify.movedTo != 0)
    }

    /// Adds the folder's watch; on failure falls back to polling (or marks the folder lost).
    private func armRoot(now: ContinuousClock.Instant) {
      guard let inotify else { return }
      switch inotify.add(folder, mask: Inotify.folderMask) {
      case .success(let wd):
        rootWd = wd
        rootIdentity = FileSnapshot.statKey(folder).map { ($0.device, $0.inode) }
      case .failure(let error) where error.errno == ENOENT || error.errno == ENOTDIR:
        rootLost = true
        touch(now)
      case .failure(let error):
        startPolling(seconds: WatchMode.defaultPollSeconds, reason: error.reason, now: now)
      }
    }

    private func armSubfolders(now: ContinuousClock.Instant) {
      for sub in WatchedNames.subfolders where !subWds.values.contains(sub.name) {
        if DirectoryListing.isDirectory(folder + "/" + sub.name) {
          armSubfolder(sub.name, now: now)
          rescanSubfolders.insert(sub.name)
        }
      }
    }

    private func armSubfolder(_ name: String, now: ContinuousClock.Instant) {
      guard let inotify, rootWd >= 0 else { return }
      switch inotify.add(folder + "/" + name, mask: Inotify.folderMask) {
      case .success(let wd):
        subWds[wd] = name
      case .failure(let error)
      where error.errno == ENOENT || error.errno == ENOTDIR || error.errno == EACCES:
        break  // gone again, a file of that name, or unreadable: the scan sees what is there
      case .failure(let error):
        startPolling(seconds: WatchMode.defaultPollSeconds, reason: error.reason, now: now)
      }
    }

    private func disarmSubfolder(_ name: String) {
      for (wd, sub) in subWds where sub == name {
        inotify?.remove(wd)
        subWds[wd] = nil
      }
    }

    /// The folder's watch reported it gone or moved: drop every watch, decide at the change.
    private func loseRoot(now: ContinuousClock.Instant) {
      if rootWd >= 0 { inotify?.remove(rootWd) }
      rootWd = -1
      for wd in subWds.keys { inotify?.remove(wd) }
      subWds.removeAll()
      rootLost = true
      touch(now)
    }

    private func armParent() {
      guard let inotify, parentWd < 0 else { return }
      if case .success(let wd) = inotify.add(parentPath, mask: Inotify.parentMask) {
        parentWd = wd
      }
    }

    private func disarmParent() {
      if parentWd >= 0 { inotify?.remove(parentWd) }
      parentWd = -1
    }
  #endif

  /// While the folder is gone (inotify): has it come back? Then watch it at once, so writes
  /// while it is being restored are seen, and take the change after the quiet period.
  private func checkGoneFolder(now: ContinuousClock.Instant) {
    guard DirectoryListing.isDirectory(folder) else {
      goneCheckAt = now + Self.goneRecheck
      return
    }
    goneCheckAt = nil
    #if os(Linux)
      disarmParent()
      if let network = NetworkFilesystem.type(at: folder) {
        startPolling(
          seconds: WatchMode.defaultPollSeconds, reason: "network filesystem: \(network)", now: now)
      } else {
        if rootWd < 0 { armRoot(now: now) }
        armSubfolders(now: now)
      }
    #endif
    fullRescan = true
    touch(now)
  }

  private var baseName: String {
    guard let slash = folder.lastIndex(of: "/") else { return folder }
    return String(folder[folder.index(after: slash)...])
  }

  private var parentPath: String {
    guard let slash = folder.lastIndex(of: "/") else { return "." }
    return slash == folder.startIndex ? "/" : String(folder[..<slash])
  }

  // MARK: - Classification

  private func clearPending() {
    dirty.removeAll()
    touched.removeAll()
    rescanSubfolders.removeAll()
    fullRescan = false
    pendingSince = nil
    lastEventAt = nil
  }

  /// Compares fresh snapshots of the dirty paths with the known ones.
  private func classify(now: ContinuousClock.Instant) -> DatasetChange? {
    var entries: [DatasetChange.Entry] = []
    guard DirectoryListing.isDirectory(folder) else {
      clearPending()
      rootLost = false
      #if os(Linux)
        if let inotify {
          if rootWd >= 0 { inotify.remove(rootWd) }
          rootWd = -1
          for wd in subWds.keys { inotify.remove(wd) }
          subWds.removeAll()
          armParent()
          goneCheckAt = now + Self.goneRecheck
        }
      #endif
      guard folderPresent else { return nil }
      folderPresent = false
      return DatasetChange(entries: [DatasetChange.Entry(path: ".", kind: .folderGone)])
    }
    if !folderPresent || rootLost {
      entries.append(DatasetChange.Entry(path: ".", kind: .folderBack))
      folderPresent = true
      rootLost = false
      fullRescan = true
      goneCheckAt = nil
      #if os(Linux)
        disarmParent()
        if inotify != nil && rootWd < 0 { armRoot(now: now) }
      #endif
    }
    #if os(Linux)
      if inotify != nil && rootWd >= 0 { armSubfolders(now: now) }
    #endif

    var paths = dirty
    if fullRescan {
      paths.formUnion(DirectoryListing.allPaths(folder: folder))
      paths.formUnion(known.keys)
    } else {
      for sub in rescanSubfolders {
        paths.formUnion(DirectoryListing.subfolderPaths(folder: folder, subfolder: sub))
        paths.formUnion(known.keys.filter { $0.hasPrefix(sub + "/") })
      }
    }
    let contentTouched = touched
    clearPending()

    for path in paths where WatchedNames.isRelevant(path: path) {
      let old = known[path]
      let new = FileSnapshot.take(folder + "/" + path)
      known[path] = new
      switch (old, new) {
      case (nil, nil):
        continue
      case (nil, let new?):
        entries.append(DatasetChange.Entry(path: path, kind: .created, size: new.size))
      case (_?, nil):
        entries.append(DatasetChange.Entry(path: path, kind: .deleted))
      case (let old?, let new?):
        if old.key == new.key {
          let sameSums = old.headSum == new.headSum && old.tailSum == new.tailSum
          if !contentTouched.contains(path) || sameSums { continue }
          entries.append(DatasetChange.Entry(path: path, kind: .rewritten, size: new.size))
        } else if WatchedNames.isEventsFile(path),
          old.isPrefix(ofFileAt: folder + "/" + path, newKey: new.key)
        {
          entries.append(
            DatasetChange.Entry(path: path, kind: .appended(fromOffset: old.size), size: new.size))
        } else {
          entries.append(DatasetChange.Entry(path: path, kind: .rewritten, size: new.size))
        }
      }
    }
    if isPolling { lastScan = known.mapValues(\.key) }
    return entries.isEmpty ? nil : DatasetChange(entries: entries)
  }
}
