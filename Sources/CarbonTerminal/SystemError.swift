import Glibc

/// A failed system call, with errno's message.
public struct SystemError: Error, CustomStringConvertible, Sendable {
  /// The call that failed, e.g. `signalfd`.
  public let call: String
  public let errno: Int32

  public init(_ call: String, errno: Int32) {
    self.call = call
    self.errno = errno
  }

  public var description: String {
    "\(call) failed: \(String(cString: strerror(errno)))"
  }
}
