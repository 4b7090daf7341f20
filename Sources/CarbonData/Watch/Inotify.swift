#if os(Linux)
  #if canImport(Glibc)
    import Glibc
  #elseif canImport(Musl)
    import Musl
  #endif

  /// A thin, non-blocking inotify instance: add and remove watches, drain events.
  /// Linux only; the only place that calls the inotify system calls.
  struct Inotify {
    /// One event read from the inotify fd.
    struct Event: Equatable {
      var wd: Int32
      var mask: UInt32
      var cookie: UInt32
      /// The child's name, empty for events about the watched directory itself.
      var name: String
    }

    // Values from <sys/inotify.h> (stable Linux ABI), spelled out to avoid C macro imports.
    static let modify: UInt32 = 0x0000_0002
    static let attrib: UInt32 = 0x0000_0004
    static let closeWrite: UInt32 = 0x0000_0008
    static let movedFrom: UInt32 = 0x0000_0040
    static let movedTo: UInt32 = 0x0000_0080
    static let create: UInt32 = 0x0000_0100
    static let delete: UInt32 = 0x0000_0200
    static let deleteSelf: UInt32 = 0x0000_0400
    static let moveSelf: UInt32 = 0x0000_0800
    static let unmount: UInt32 = 0x0000_2000
    static let queueOverflow: UInt32 = 0x0000_4000
    static let ignored: UInt32 = 0x0000_8000
    static let onlyDir: UInt32 = 0x0100_0000
    static let excludeUnlinked: UInt32 = 0x0400_0000
    static let isDir: UInt32 = 0x4000_0000

    /// What the dataset folder and its subfolders are watched for.
    static let folderMask: UInt32 =
      modify | attrib | closeWrite | movedFrom | movedTo | create | delete | deleteSelf
      | moveSelf | onlyDir | excludeUnlinked
    /// What the folder's parent is watched for while the folder is gone.
    static let parentMask: UInt32 = movedTo | create | onlyDir
    /// Events meaning the watched directory itself is no longer watched at its path.
    static let lostMask: UInt32 = deleteSelf | moveSelf | unmount | ignored

    /// The inotify file descriptor (non-blocking, close-on-exec).
    let fd: Int32

    /// Opens an inotify instance; the `errno` on failure.
    static func open() -> Result<Inotify, WatchError> {
      let fd = inotify_init1(Int32(O_NONBLOCK | O_CLOEXEC))
      guard fd >= 0 else { return .failure(WatchError(errno: errno)) }
      return .success(Inotify(fd: fd))
    }

    /// Adds (or updates) a watch; the watch descriptor, or the `errno` on failure.
    func add(_ path: String, mask: UInt32) -> Result<Int32, WatchError> {
      let wd = inotify_add_watch(fd, path, mask)
      guard wd >= 0 else { return .failure(WatchError(errno: errno)) }
      return .success(wd)
    }

    /// Removes a watch (an error, when the kernel already dropped it, is of no interest).
    func remove(_ wd: Int32) {
      _ = inotify_rm_watch(fd, wd)
    }

    /// Reads every queued event without blocking.
    func drain() -> [Event] {
      var events: [Event] = []
      let capacity = 64 * 1024
      let buffer = UnsafeMutableRawPointer.allocate(
        byteCount: capacity, alignment: MemoryLayout<inotify_event>.alignment)
      defer { buffer.deallocate() }
      let headerSize = MemoryLayout<inotify_event>.size
      while true {
        let count = read(fd, buffer, capacity)
        if count < 0 && errno == EINTR { continue }
        guard count > 0 else { break }
        var offset = 0
        while offset + headerSize <= count {
          let wd = buffer.loadUnaligned(fromByteOffset: offset, as: Int32.self)
          let mask = buffer.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
          let cookie = buffer.loadUnaligned(fromByteOffset: offset + 8, as: UInt32.self)
          let length = Int(buffer.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
          let nameStart = offset + headerSize
          guard nameStart + length <= count else { break }
          var bytes: [UInt8] = []
          bytes.reserveCapacity(length)
          for index in 0..<length {
            let byte = buffer.load(fromByteOffset: nameStart + index, as: UInt8.self)
            if byte == 0 { break }
            bytes.append(byte)
          }
          events.append(
            Event(wd: wd, mask: mask, cookie: cookie, name: String(decoding: bytes, as: UTF8.self)))
          offset = nameStart + length
        }
      }
      return events
    }

    /// Closes the inotify instance (its watches go with it).
    func release() {
      _ = close(fd)
    }
  }
#endif
