/// A problem with how carbontop was called that shows only when it runs (no such folder, no
/// terminal, an output file that cannot be written): `carbontop: message`, exit status 2.
struct UsageError: Error, CustomStringConvertible {
  var description: String
  init(_ message: String) { description = message }
}
