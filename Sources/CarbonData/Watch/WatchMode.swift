/// How a ``DatasetWatcher`` learns about file changes.
public enum WatchMode: Sendable, Equatable {
  /// inotify where it works (Linux, a local filesystem, watches available), else polling every
  /// ``WatchMode/defaultPollSeconds`` seconds.
  case auto
  /// Always poll: `stat()` the dataset's files every `seconds` (`--poll SECONDS`).
  case poll(seconds: Double)

  /// The polling interval used when `.auto` falls back to polling.
  public static let defaultPollSeconds: Double = 2

  /// The smallest and largest polling intervals; others are clamped into this range.
  public static let pollSecondsRange: ClosedRange<Double> = 0.01...3600

  /// Clamps a polling interval into ``pollSecondsRange`` (NaN gives the default).
  static func clampedSeconds(_ seconds: Double) -> Double {
    guard !seconds.isNaN else { return defaultPollSeconds }
    return min(max(seconds, pollSecondsRange.lowerBound), pollSecondsRange.upperBound)
  }

  /// "2s", "0.05s", "1.5s": an interval for the status bar.
  static func formatSeconds(_ seconds: Double) -> String {
    let hundredths = (seconds * 100).rounded()
    if hundredths.truncatingRemainder(dividingBy: 100) == 0 {
      return "\(Int(hundredths / 100))s"
    }
    var text = String(Int(hundredths) / 100) + "."
    let fraction = Int(hundredths) % 100
    text += fraction < 10 ? "0\(fraction)" : "\(fraction)"
    while text.hasSuffix("0") { text.removeLast() }
    return text + "s"
  }
}
