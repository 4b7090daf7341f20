/// Limits on what carbontop reads, so that a hostile or broken file costs bounded memory and
/// time (docs/data-format.md, "Limits"). Past a limit, the field, row or file is refused with a
/// diagnostic saying which limit.
public enum InputLimits {
  /// A CSV field (a cell of a table, events file or header): 1 MiB.
  public static let fieldBytes = 1 << 20
  /// A CSV record (a header or a row, quoted line feeds included): 64 MiB.
  public static let recordBytes = 64 << 20
  /// dataset.toml, a scenario file, a theme file, keys.toml: 1 MiB.
  public static let settingsFileBytes = 1 << 20

  /// "1 MiB (1,048,576 bytes)": how messages state a limit.
  public static func describe(_ bytes: Int) -> String {
    let mib = bytes >> 20
    return "\(mib) MiB (\(Units.number(Double(bytes))) bytes)"
  }

  public static let fieldMessage = "field longer than \(describe(fieldBytes))"
  public static let recordMessage = "record longer than \(describe(recordBytes))"
}
