import CarbonKit
import CarbonSystem
import CarbonTOML
import CarbonText

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Scenario files, `scenarios/NAME.toml`: `name`, an optional `description`, and `[levers]`.
/// The only files carbontop ever writes into a dataset.
public enum ScenarioFile {
  static let topKeys = ["name", "description", "levers"]

  /// Reads a scenario file. `name` is how diagnostics call the file (e.g. `scenarios/low.toml`).
  /// The scenario is nil when the file cannot be read or is not valid TOML; a lever with a
  /// wrong type or value is an error and is left out, an unknown lever a warning.
  public static func load(path: String, name file: String) -> (Scenario?, [Diagnostic]) {
    let bytes: [UInt8]
    switch FileBytes.contents(of: path, limit: InputLimits.settingsFileBytes) {
    case .missing: return (nil, [Diagnostic(.error, file: file, "no such file")])
    case .failed(let m): return (nil, [Diagnostic(.error, file: file, m)])
    case .bytes(let b): bytes = b
    }
    return parse(bytes, name: file, path: path)
  }

  /// Reads a scenario from its TOML bytes (a file's, or a database row's). `path` gives the
  /// default name (its last component without `.toml`).
  public static func parse(_ bytes: [UInt8], name file: String, path: String)
    -> (Scenario?, [Diagnostic])
  {
    var diags: [Diagnostic] = []
    guard let root = TOMLSource.parse(bytes, file: file, diags: &diags) else {
      return (nil, diags)
    }
    func diag(_ s: Diagnostic.Severity, _ p: TOMLPosition?, _ m: String) {
      diags.append(Diagnostic(s, file: file, line: p?.line, column: p?.column, m))
    }
    for k in root.keys where !topKeys.contains(k) {
      var m = "unknown key \(DisplayText.quoted(k)) (ignored)"
      if let near = NameSuggestion.closest(to: k, among: topKeys) {
        m += "; did you mean \"\(near)\"?"
      }
      diag(.warning, root.position(of: k), m)
    }
    var stem = PathText.lastComponent(path)
    if stem.hasSuffix(".toml") { stem.removeLast(5) }
    var scenario = Scenario(name: stem)
    if let v = root["name"] {
      if let s = v.string, !s.isEmpty {
        scenario.name = s
      } else {
        let found = v.string.map { DisplayText.quoted($0) } ?? v.typeName
        diag(.error, root.position(of: "name"), "name: expected a non-empty string, found \(found)")
      }
    } else {
      diag(.warning, nil, "no name; using \(DisplayText.quoted(stem))")
    }
    if let v = root["description"] {
      if let s = v.string {
        scenario.description = s
      } else {
        diag(
          .error, root.position(of: "description"),
          "description: expected a string, found \(v.typeName)")
      }
    }
    if let lv = root["levers"] {
      if let t = lv.table {
        let known = Lever.allCases.map(\.rawValue)
        for k in t.keys {
          let at = t.position(of: k)
          guard let lever = Lever(rawValue: k) else {
            var m = "unknown lever \(DisplayText.quoted(k)) (ignored)"
            if let near = NameSuggestion.closest(to: k, among: known) {
              m += "; did you mean \"\(near)\"?"
            }
            diag(.warning, at, m)
            continue
          }
          guard let value = t[k] else { continue }
          guard let x = value.number else {
            diag(.error, at, "\(k): expected a number, found \(value.typeName)")
            continue
          }
          if let problem = check(lever, x) {
            diag(.error, at, "\(k): \(problem), found \(DisplayText.number(x))")
            continue
          }
          scenario.levers[lever] = x
        }
      } else {
        diag(
          .error, root.position(of: "levers"),
          "levers: expected a table ([levers]), found \(lv.typeName)")
      }
    }
    return (scenario, DiagnosticOrder.sorted(diags))
  }

  /// What is wrong with a lever's value, or nil.
  static func check(_ lever: Lever, _ x: Double) -> String? {
    if !x.isFinite { return "expected a finite number" }
    if lever.range.contains(x) { return nil }
    if lever.isTonnes { return "expected tCO2e per year from 0 to 1e12" }
    if lever == .cleanShareTarget { return "expected a fraction from 0 to 1" }
    return "expected a fraction per year from -1 (-100%) to 10 (+1000%)"
  }

  /// True when `name` may be used as `scenarios/NAME.toml` (the rule of `ScenarioName`).
  public static func isSafeName(_ name: String) -> Bool { ScenarioName.isValid(name) }

  /// The TOML text of a scenario file.
  public static func text(of scenario: Scenario) -> String {
    var s = "name = \(quote(scenario.name))\n"
    if let d = scenario.description { s += "description = \(quote(d))\n" }
    s += "\n[levers]\n"
    for lever in Lever.allCases {
      if let v = scenario.levers[lever] { s += "\(lever.rawValue) = \(v)\n" }
    }
    return s
  }

  /// A TOML basic string.
  static func quote(_ text: String) -> String {
    var out = "\""
    for u in text.unicodeScalars {
      switch u {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      default:
        if u.value < 0x20 || u.value == 0x7F {
          let hex = String(u.value, radix: 16, uppercase: true)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(u)
        }
      }
    }
    return out + "\""
  }

  /// Writes `scenarios/NAME.toml` (NAME = the scenario's name) atomically: a temporary file in
  /// scenarios/, fsync, rename, fsync of the folder. Creates scenarios/ when missing. Returns
  /// the path written.
  ///
  /// An existing file is replaced only with `replace` (else `.exists`, so that the caller can
  /// ask first); its description is kept unless the scenario brings its own. A `scenarios/`
  /// that resolves outside the dataset (a symbolic link leading elsewhere) is refused: carbontop
  /// writes inside the dataset only.
  public static func save(_ scenario: Scenario, datasetFolder: String, replace: Bool = false)
    throws -> String
  {
    guard isSafeName(scenario.name) else { throw ScenarioFileError.invalidName(scenario.name) }
    for (lever, v) in scenario.levers where !v.isFinite {
      throw ScenarioFileError.invalidLever(lever.rawValue)
    }
    let dir = (datasetFolder.hasSuffix("/") ? datasetFolder : datasetFolder + "/") + "scenarios"
    if mkdir(dir, 0o755) != 0 && errno != EEXIST {
      throw ScenarioFileError.io("cannot create \(dir): " + String(cString: strerror(errno)))
    }
    guard FileBytes.isFolder(dir) else { throw ScenarioFileError.io("\(dir): not a folder") }
    if let outside = resolvedOutside(dir, datasetFolder: datasetFolder) {
      throw ScenarioFileError.io(
        "scenarios/ leads outside the dataset (to \(Sanitize.text(outside))): not written; "
          + "make scenarios/ a folder of the dataset")
    }
    let final = dir + "/" + scenario.name + ".toml"
    var written = scenario
    var st = stat()
    if lstat(final, &st) == 0 {
      guard replace else { throw ScenarioFileError.exists(scenario.name) }
      if written.description == nil {
        written.description = load(path: final, name: final).0?.description
      }
    }
    do {
      try AtomicFile.write(Array(text(of: written).utf8), to: final)
    } catch {
      throw ScenarioFileError.io(error.description)
    }
    return final
  }

  /// Where `dir` really is when that is outside the dataset folder (both resolved with
  /// realpath(3)); nil when it is inside.
  static func resolvedOutside(_ dir: String, datasetFolder: String) -> String? {
    guard let real = realPath(dir), let root = realPath(datasetFolder) else { return nil }
    let prefix = root.hasSuffix("/") ? root : root + "/"
    return real.hasPrefix(prefix) ? nil : real
  }

  static func realPath(_ path: String) -> String? {
    guard let p = realpath(path, nil) else { return nil }
    defer { free(p) }
    return String(cString: p)
  }

  /// The names (without `.toml`) of the scenario files of a dataset, in UTF-8 byte order.
  public static func list(datasetFolder: String) -> [String] {
    let dir = (datasetFolder.hasSuffix("/") ? datasetFolder : datasetFolder + "/") + "scenarios"
    guard let names = FileBytes.names(inFolder: dir) else { return [] }
    var out: [String] = []
    for n in names where n.hasSuffix(".toml") && !n.hasPrefix(".") && n.count > 5 {
      var st = stat()
      guard stat(dir + "/" + n, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { continue }
      out.append(String(n.dropLast(5)))
    }
    return out.sortedByBytes()
  }
}
