#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Filesystems where inotify misses changes made by other machines (NFS, SMB/CIFS, FUSE such
/// as SSHFS, ...). The watcher polls on them.
///
/// The filesystem type of a folder is found in `/proc/self/mountinfo` by the folder's device
/// number (`stat().st_dev` = the mount's `major:minor`): the same answer as `statfs().f_type`,
/// which Swift's Glibc module does not export, with readable names (`fuse.sshfs`, `nfs4`).
enum NetworkFilesystem {
  /// Types (mountinfo's fstype field) that are network or user-space filesystems.
  static let networkTypes: Set<String> = [
    "nfs", "nfs4", "smbfs", "smb3", "cifs", "ncpfs", "coda", "afs", "ceph", "9p", "lustre",
    "gfs2", "ocfs2", "glusterfs", "davfs", "sshfs", "fuse", "fuseblk", "virtiofs",
  ]

  /// True when inotify cannot be trusted on a filesystem of this type (FUSE: `fuse.*`).
  static func isNetwork(type: String) -> Bool {
    networkTypes.contains(type) || type.hasPrefix("fuse.") || type.hasPrefix("nfs")
  }

  /// The type of the network filesystem `path` lives on, or nil when it is local or cannot be
  /// told (no `/proc`, not Linux).
  static func type(at path: String) -> String? {
    #if os(Linux)
      guard let key = FileSnapshot.statKey(path), let text = readMountInfo() else { return nil }
      let dev = key.device
      let major = ((dev >> 8) & 0xfff) | ((dev >> 32) & ~UInt64(0xfff))
      let minor = (dev & 0xff) | ((dev >> 12) & ~UInt64(0xff))
      guard let type = type(ofDevice: "\(major):\(minor)", mountInfo: text) else { return nil }
      return isNetwork(type: type) ? type : nil
    #else
      return nil
    #endif
  }

  /// The filesystem type of the mount with device `majorMinor` ("0:53") in mountinfo text
  /// (the last such mount: later mounts are on top).
  static func type(ofDevice majorMinor: String, mountInfo: String) -> String? {
    var found: String?
    for line in mountInfo.split(separator: "\n") {
      let fields = line.split(separator: " ", omittingEmptySubsequences: true)
      guard fields.count > 3, fields[2] == majorMinor,
        let dash = fields.firstIndex(of: "-"), dash + 1 < fields.count
      else { continue }
      found = String(fields[dash + 1])
    }
    return found
  }

  private static func readMountInfo() -> String? {
    let fd = open("/proc/self/mountinfo", O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 16 * 1024)
    while bytes.count < 16 * 1024 * 1024 {
      let n = chunk.withUnsafeMutableBytes { raw in read(fd, raw.baseAddress, raw.count) }
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else { break }
      bytes += chunk[0..<n]
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
