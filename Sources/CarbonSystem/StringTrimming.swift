extension StringProtocol {
  /// The text without leading and trailing spaces and tabs.
  public func trimmingBlanks() -> String {
    var s = self[...]
    while let c = s.first, c == " " || c == "\t" { s = s.dropFirst() }
    while let c = s.last, c == " " || c == "\t" { s = s.dropLast() }
    return String(s)
  }
}
