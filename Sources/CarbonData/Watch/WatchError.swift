#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why inotify could not be used: an `errno` and the words the status bar shows.
struct WatchError: Error, Equatable {
  var errno: Int32

  /// A short reason for the status bar: "inotify limit reached", ...
  var reason: String {
    switch errno {
    case ENOSPC: return "inotify limit reached"
    case EMFILE: return "inotify instance limit reached"
    case ENFILE: return "too many open files"
    case ENOSYS, EINVAL: return "inotify unavailable"
    case EACCES, EPERM: return "permission denied"
    default:
      guard let text = strerror(errno) else { return "inotify failed (errno \(errno))" }
      return "inotify failed: " + String(cString: text)
    }
  }
}
