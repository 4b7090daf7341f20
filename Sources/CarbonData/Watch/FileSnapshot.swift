#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// What the watcher remembers of one file: identity, size, times and two small checksums.
///
/// `stat` fields tell whether the file changed at all; the checksums (FNV-1a over the first
/// 4 KiB and over the last 4 KiB before the end) tell an append (the old bytes are still there)
/// from a rewrite that then grew, without reading a large file whole.
struct FileSnapshot: Sendable, Equatable {
  /// The bytes sampled at each end.
  static let window: Int64 = 4096

  /// `stat()` fields that change when a file does.
  struct StatKey: Sendable, Equatable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: Int64  // nanoseconds since the epoch
    var changed: Int64  // ctime, nanoseconds since the epoch
    var isRegular: Bool
    var isDirectory: Bool
  }

  var key: StatKey
  /// FNV-1a of bytes [0, min(window, size)); nil when not a regular file or unreadable.
  var headSum: UInt64?
  /// FNV-1a of bytes [max(0, size - window), size); nil when not a regular file or unreadable.
  var tailSum: UInt64?

  var size: Int64 { key.size }

  /// Stats `path` without reading it; nil when it does not exist.
  static func statKey(_ path: String) -> StatKey? {
    var st = stat()
    guard stat(path, &st) == 0 else { return nil }
    return StatKey(st)
  }

  /// Takes a snapshot of `path` (stat of the opened file and both checksums); nil when the file
  /// does not exist. A file that cannot be opened is remembered by `stat()` alone.
  static func take(_ path: String) -> FileSnapshot? {
    let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
    guard fd >= 0 else {
      guard let key = statKey(path) else { return nil }
      return FileSnapshot(key: key, headSum: nil, tailSum: nil)
    }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0 else { return nil }
    let key = StatKey(st)
    guard key.isRegular else { return FileSnapshot(key: key, headSum: nil, tailSum: nil) }
    let sums = checksums(fd: fd, size: key.size)
    return FileSnapshot(key: key, headSum: sums?.head, tailSum: sums?.tail)
  }

  /// Checksums of an open file's first bytes and of the bytes before `size`, as `take` computes
  /// them for a file of that size; nil when reading fails or the file is shorter than `size`.
  static func checksums(fd: Int32, size: Int64) -> (head: UInt64, tail: UInt64)? {
    guard let head = fnv(fd: fd, from: 0, count: min(window, size)),
      let tail = fnv(fd: fd, from: max(0, size - window), count: min(window, size))
    else { return nil }
    return (head, tail)
  }

  /// True when the file at `path` still starts with the bytes this snapshot saw (sampled),
  /// i.e. it is the same file, only grown.
  func isPrefix(ofFileAt path: String, newKey: StatKey) -> Bool {
    guard let headSum, let tailSum, newKey.isRegular, key.isRegular,
      newKey.device == key.device, newKey.inode == key.inode, newKey.size > key.size
    else { return false }
    let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    guard let sums = Self.checksums(fd: fd, size: key.size) else { return false }
    return sums.head == headSum && sums.tail == tailSum
  }

  /// FNV-1a 64 of `count` bytes at `offset`; nil when fewer bytes can be read.
  private static func fnv(fd: Int32, from offset: Int64, count: Int64) -> UInt64? {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    guard count > 0 else { return hash }
    var buffer = [UInt8](repeating: 0, count: Int(count))
    var done = 0
    while done < Int(count) {
      let n = buffer.withUnsafeMutableBytes { raw -> Int in
        guard let base = raw.baseAddress else { return -1 }
        return pread(fd, base + done, Int(count) - done, off_t(offset) + off_t(done))
      }
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else { return nil }
      done += n
    }
    for byte in buffer {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    return hash
  }
}

extension FileSnapshot.StatKey {
  init(_ st: stat) {
    #if canImport(Darwin)
      let mtime = st.st_mtimespec
      let ctime = st.st_ctimespec
    #else
      let mtime = st.st_mtim
      let ctime = st.st_ctim
    #endif
    self.init(
      device: UInt64(truncatingIfNeeded: st.st_dev),
      inode: UInt64(truncatingIfNeeded: st.st_ino),
      size: Int64(st.st_size),
      modified: Int64(mtime.tv_sec) &* 1_000_000_000 &+ Int64(mtime.tv_nsec),
      changed: Int64(ctime.tv_sec) &* 1_000_000_000 &+ Int64(ctime.tv_nsec),
      isRegular: (st.st_mode & S_IFMT) == S_IFREG,
      isDirectory: (st.st_mode & S_IFMT) == S_IFDIR
    )
  }
}
