import CarbonTOML
import Foundation
import Testing

/// Compares CarbonTOML with Python's standard tomllib on the corpus that toml_reference.py
/// generates (random valid documents, edge values, redefinition snippets, mutations) and on
/// the repository's real TOML files.
@Suite struct DifferentialTests {
  static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  static let root = here.deletingLastPathComponent().deletingLastPathComponent()

  /// The repository's TOML files: datasets, scenarios and themes.
  static func realFiles() -> [String] {
    var files: [String] = []
    let manager = FileManager.default
    let samples = root.appendingPathComponent("sample-data")
    for dataset in (try? manager.contentsOfDirectory(atPath: samples.path)) ?? [] {
      let folder = samples.appendingPathComponent(dataset)
      let file = folder.appendingPathComponent("dataset.toml").path
      if manager.fileExists(atPath: file) { files.append(file) }
      let scenarios = folder.appendingPathComponent("scenarios")
      for name in (try? manager.contentsOfDirectory(atPath: scenarios.path)) ?? []
      where name.hasSuffix(".toml") {
        files.append(scenarios.appendingPathComponent(name).path)
      }
    }
    let themes = root.appendingPathComponent("themes")
    for name in (try? manager.contentsOfDirectory(atPath: themes.path)) ?? []
    where name.hasSuffix(".toml") {
      files.append(themes.appendingPathComponent(name).path)
    }
    return files.sorted()
  }

  @Test func agreesWithTomllib() throws {
    let out = FileManager.default.temporaryDirectory
      .appendingPathComponent("carbontoml-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: out) }
    let real = Self.realFiles()
    #expect(real.count >= 3, "the repository's TOML files were not found")

    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    // CARBONTOML_SEED=N (and CARBONTOML_COUNT=N) explore other corpora; the default is fixed.
    var options: [String] = []
    let environment = ProcessInfo.processInfo.environment
    if let seed = environment["CARBONTOML_SEED"] { options += ["--seed", seed] }
    if let count = environment["CARBONTOML_COUNT"] { options += ["--count", count] }
    process.arguments =
      ["python3", Self.here.appendingPathComponent("toml_reference.py").path, out.path] + options
      + real
    let pipe = Pipe()
    process.standardError = pipe
    try process.run()
    let stderr = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try #require(
      process.terminationStatus == 0,
      "toml_reference.py failed (python3 >= 3.11 with tomllib is required): \(String(decoding: stderr, as: UTF8.self))"
    )

    let manifest = try String(
      contentsOf: out.appendingPathComponent("manifest.txt"), encoding: .utf8)
    var compared = 0
    var invalid = 0
    var disagreements: [String] = []
    for line in manifest.split(separator: "\n") {
      let fields = line.split(separator: "\t", maxSplits: 1)
      guard fields.count == 2 else { continue }
      let name = String(fields[0])
      let expected = String(fields[1])
      let bytes = try [UInt8](Data(contentsOf: out.appendingPathComponent(name + ".toml")))
      var actual = "invalid"
      do {
        let table = try TOML.parse(utf8: bytes)
        actual = Canonical.encode(.table(table))
        // The String entry point must agree with the bytes one.
        if let text = String(validating: bytes, as: UTF8.self) {
          let again = try TOML.parse(text)
          if Canonical.encode(.table(again)) != actual {
            disagreements.append("\(name): parse(String) differs")
          }
        }
      } catch {

        if expected != "invalid" {
          disagreements.append("\(name): expected valid, got \(error)")
          compared += 1
          continue
        }
      }
      compared += 1
      if expected == "invalid" { invalid += 1 }
      if actual != expected {
        disagreements.append("\(name):\n  tomllib:    \(expected)\n  CarbonTOML: \(actual)")
      }
      if name.hasPrefix("real-") && actual == "invalid" {
        disagreements.append("\(name): a repository file is invalid")
      }
    }
    #expect(compared >= 2000)
    #expect(invalid > 500 && compared - invalid > 1000, "\(invalid) invalid of \(compared)")
    #expect(
      disagreements.isEmpty,
      "\(disagreements.count) disagreements of \(compared) cases in \(out.path):\n\(disagreements.prefix(15).joined(separator: "\n"))"
    )
  }
}

/// The canonical tagged JSON of toml_reference.py, byte for byte as Python's
/// `json.dumps(..., ensure_ascii=True, separators=(",", ":"))` writes it.
enum Canonical {
  static func encode(_ value: TOMLValue) -> String {
    var out = ""
    write(value, into: &out)
    return out
  }

  static func write(_ value: TOMLValue, into out: inout String) {
    switch value {
    case .string(let text):
      out += "{\"string\":"
      string(text, into: &out)
      out += "}"
    case .integer(let number):
      out += "{\"integer\":\"\(number)\"}"
    case .float(let number):
      let text: String
      if number.isNaN {
        text = "nan"
      } else if number.isInfinite {
        text = number > 0 ? "inf" : "-inf"
      } else {
        let hex = String(number.bitPattern, radix: 16)
        text = String(repeating: "0", count: 16 - hex.count) + hex
      }
      out += "{\"float\":\"\(text)\"}"
    case .boolean(let flag):
      out += "{\"boolean\":\(flag)}"
    case .dateTime(let d):
      let fields: [Int?] = [
        d.year, d.month, d.day, d.hour, d.minute, d.second, d.nanosecond / 1000, d.offsetMinutes,
      ]
      out += "{\"datetime\":[" + fields.map { $0.map(String.init) ?? "null" }.joined(separator: ",")
      out += "]}"
    case .array(let items):
      out += "{\"array\":["
      for (n, item) in items.enumerated() {
        if n > 0 { out += "," }
        write(item, into: &out)
      }
      out += "]}"
    case .table(let table):
      out += "{\"table\":["
      for (n, key) in table.keys.enumerated() {
        if n > 0 { out += "," }
        out += "["
        string(key, into: &out)
        out += ","
        if let item = table[key] { write(item, into: &out) }
        out += "]"
      }
      out += "]}"
    }
  }

  static func string(_ text: String, into out: inout String) {
    out += "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{08}": out += "\\b"
      case "\u{0C}": out += "\\f"
      case " "..."~": out.unicodeScalars.append(scalar)
      default:
        if scalar.value < 0x10000 {
          out += unit(scalar.value)
        } else {
          let v = scalar.value - 0x10000
          out += unit(0xD800 + (v >> 10)) + unit(0xDC00 + (v & 0x3FF))
        }
      }
    }
    out += "\""
  }

  static func unit(_ value: UInt32) -> String {
    let hex = String(value, radix: 16)
    return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
  }
}
