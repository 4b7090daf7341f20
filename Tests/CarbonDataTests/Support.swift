import CarbonData
import CarbonKit
import Foundation

/// A temporary dataset folder, removed when the test ends.
final class TempDataset {
  let path: String

  init() {
    path = NSTemporaryDirectory() + "carbondata-test-\(UUID().uuidString)"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  func write(_ name: String, _ text: String) { write(name, Array(text.utf8)) }

  func write(_ name: String, _ bytes: [UInt8]) {
    let full = path + "/" + name
    try? FileManager.default.createDirectory(
      atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    _ = FileManager.default.createFile(atPath: full, contents: Data(bytes))
  }

  func mkdir(_ name: String) {
    try? FileManager.default.createDirectory(
      atPath: path + "/" + name, withIntermediateDirectories: true)
  }

  func symlink(_ name: String, to target: String) {
    try? FileManager.default.createSymbolicLink(
      atPath: path + "/" + name, withDestinationPath: target)
  }

  func load(ledger: LedgerHook? = nil) -> LoadedDataset {
    (try? DatasetLoader.load(folder: path, ledger: ledger))
      ?? LoadedDataset(dataset: nil, diagnostics: [])
  }
}

/// The minimal dataset.toml: calendar years.
let minimalTOML = "[organization]\nname = \"Acme\"\n"

/// A fixture folder of Tests/Fixtures.
func fixture(_ name: String) -> String {
  let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  return here.appendingPathComponent("Fixtures/" + name).path
}

extension LoadedDataset {
  var lines: [String] { diagnostics.map(\.description) }
}

/// A small, simple events reader for tests only (the real one belongs to another module):
/// no quoting, `timestamp,entity,program,participant,avoided_kgco2e` in that order, integer kg.
let testLedger: LedgerHook = { files, calendar in
  var groups: [String: EventGroup] = [:]
  var totals: [FiscalYear: EventGroup] = [:]
  var people: [String: Set<String>] = [:]
  var yearPeople: [FiscalYear: Set<String>] = [:]
  var months = Set<YearMonth>()
  var rows = 0
  for f in files {
    guard let text = try? String(contentsOfFile: f.path, encoding: .utf8) else { continue }
    for (k, line) in text.split(separator: "\n").enumerated() where k > 0 {
      rows += 1
      let c = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      guard c.count == 5, let p = Period(parsing: c[0].prefix(10)), let ym = p.yearMonth,
        let kg = Int64(c[4])
      else { continue }
      let fy = calendar.fiscalYear(of: ym)
      months.insert(ym)
      let key = "\(fy)|\(c[1])|\(c[2])"
      var g =
        groups[key]
        ?? EventGroup(
          fiscalYear: fy, entity: c[1], program: c[2], milliKg: 0, events: 0, participants: 0,
          firstSource: SourceRef(file: f.name, line: k + 1))
      g.milliKg += kg * 1000
      g.events += 1
      people[key, default: []].insert(c[3])
      g.participants = people[key]?.count ?? 0
      groups[key] = g
      var t =
        totals[fy]
        ?? EventGroup(
          fiscalYear: fy, entity: "*", program: "*", milliKg: 0, events: 0, participants: 0)
      t.milliKg += kg * 1000
      t.events += 1
      yearPeople[fy, default: []].insert(c[3])
      t.participants = yearPeople[fy]?.count ?? 0
      totals[fy] = t
    }
  }
  let sortedGroups = groups.values.sorted {
    ($0.fiscalYear, $0.entity, $0.program) < ($1.fiscalYear, $1.entity, $1.program)
  }
  let summary = LedgerSummary(
    groups: sortedGroups, yearTotals: totals.values.sorted { $0.fiscalYear < $1.fiscalYear },
    months: months,
    rowsRead: rows, rowsRejected: 0, files: files.map(\.name))
  return (summary, [])
}
