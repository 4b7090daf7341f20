// Shared fixture for the Watch*Tests suites: a real temporary dataset folder, file operations
// done with plain system calls (each is exactly the syscall sequence a writer would make), and
// a bounded poll() loop that drives a DatasetWatcher the way the app's event loop does.

import Foundation
import Testing

@testable import CarbonData

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A dataset folder `ds` inside a private temporary directory (so the parent watch used while
/// the folder is gone sees only this test's activity). Removed on deinit.
final class WatchFolder {
  let root: String
  let path: String

  init() {
    var template = Array("/tmp/carbontop-watch-XXXXXX".utf8CString)
    let made = template.withUnsafeMutableBufferPointer { buffer -> UnsafeMutablePointer<CChar>? in
      guard let base = buffer.baseAddress else { return nil }
      return mkdtemp(base)
    }
    root = made.map { String(cString: $0) } ?? "/tmp/carbontop-watch-fallback-\(getpid())"
    path = root + "/ds"
    mkdir(root, 0o700)
    mkdir(path, 0o700)
  }

  deinit { try? FileManager.default.removeItem(atPath: root) }

  func full(_ relative: String) -> String { path + "/" + relative }

  /// open(O_TRUNC) + write + close: an in-place rewrite (or a creation).
  func save(_ relative: String, _ text: String) {
    writeRaw(full(relative), text, flags: O_WRONLY | O_CREAT | O_TRUNC)
  }

  /// open(O_APPEND) + write + close.
  func append(_ relative: String, _ text: String) {
    writeRaw(full(relative), text, flags: O_WRONLY | O_APPEND)
  }

  /// Atomic save: write a hidden temporary file next to it, then rename it over.
  func replace(_ relative: String, _ text: String, temp: String) {
    save(temp, text)
    rename(full(temp), full(relative))
  }

  func shrink(_ relative: String, to size: Int) {
    _ = truncate(full(relative), off_t(size))
  }

  func remove(_ relative: String) { unlink(full(relative)) }
  func makeFolder(_ relative: String) { mkdir(full(relative), 0o700) }
  func removeTree(_ relative: String) {
    try? FileManager.default.removeItem(atPath: full(relative))
  }
  func move(_ from: String, _ to: String) { rename(from, to) }

  private func writeRaw(_ file: String, _ text: String, flags: Int32) {
    let fd = open(file, flags | O_CLOEXEC, 0o600)
    guard fd >= 0 else { return }
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    close(fd)
  }
}

/// The app's loop in miniature: poll() on the watcher's fd (ignored by poll() when -1) with the
/// watcher's own timeout, drain, take. Returns the first change, or nil after `limit`.
func nextChange(_ watcher: DatasetWatcher, within limit: Duration = .seconds(1)) -> DatasetChange? {
  let clock = ContinuousClock()
  let end = clock.now + limit
  while clock.now < end {
    let now = clock.now
    let left = now.duration(to: end).components
    let leftMs = Int32(clamping: left.seconds * 1000 + left.attoseconds / 1_000_000_000_000_000 + 1)
    let wanted = watcher.timeoutMs(now: now)
    var entry = pollfd(fd: watcher.fd, events: Int16(POLLIN), revents: 0)
    if poll(&entry, 1, wanted < 0 ? leftMs : min(wanted, leftMs)) > 0 {
      watcher.handleReadable()
    }
    if let change = watcher.takeChanges(now: clock.now) { return change }
  }
  return nil
}

/// A few changes, stopping at the first gap of `quiet` without one (for tests that assert
/// nothing more comes; bounded).
func changes(_ watcher: DatasetWatcher, quiet: Duration = .milliseconds(80)) -> [DatasetChange] {
  var found: [DatasetChange] = []
  while found.count < 10, let change = nextChange(watcher, within: quiet) { found.append(change) }
  return found
}

let eventsHeader = "timestamp,entity,program,participant,avoided_kgco2e\n"
let eventsRow = "2024-05-01,Cainiao,green-packaging,p-17,1.25\n"

/// A short debounce for tests on real files (the defaults, 40 and 150 ms, are tested with
/// explicit times): every operation is made before the watcher reads, so it changes nothing.
let testQuiet: Duration = .milliseconds(10)
let testCap: Duration = .milliseconds(50)
