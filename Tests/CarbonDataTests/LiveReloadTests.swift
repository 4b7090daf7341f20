import CarbonData
import CarbonKit
import Foundation
import Testing

/// Live reload: LiveLedger reads only appended bytes, TableCache re-reads only changed tables.
@Suite struct LiveReloadTests {
  static let toml = "[organization]\nname = \"Acme\"\nfiscal_year_end = \"03-31\"\n"
  static let header = "timestamp,entity,program,participant,avoided_kgco2e\n"

  func appendText(_ path: String, _ text: String) throws {
    let h = try #require(FileHandle(forWritingAtPath: path))
    try h.seekToEnd()
    try h.write(contentsOf: Data(text.utf8))
    try h.close()
  }

  @Test func ledgerReadsOnlyAppendedBytes() throws {
    let d = TempDataset()
    d.write("dataset.toml", Self.toml)
    // FY2024 (fiscal year ends 31 March): 2023-05-01 and 2024-03-31 both fall in it.
    d.write(
      "events/a.csv",
      Self.header + "2023-05-01,Cloud,Reuse,u1,1.5\n2024-03-31,Cloud,Reuse,u2,2.25\n")
    let live = LiveLedger(threads: 1)
    let first = try DatasetLoader.load(folder: d.path, ledger: live.hook)
    let g1 = try #require(first.dataset?.ledger?.groups.first)
    #expect(g1.milliKg == 3_750)  // 1.5 kg + 2.25 kg = 3,750 milli-kg
    #expect(g1.events == 2 && g1.participants == 2)
    #expect(live.lastRead.contains("whole"))

    // Append one event of a known participant and one of a new one: 0.005 + 10 kg.
    try appendText(
      d.path + "/events/a.csv", "2023-06-01,Cloud,Reuse,u1,0.005\n2023-07-01,Cloud,Reuse,u3,10\n")
    let second = try DatasetLoader.load(folder: d.path, ledger: live.hook)
    let g2 = try #require(second.dataset?.ledger?.groups.first)
    #expect(g2.milliKg == 13_755)  // 3,750 + 5 + 10,000
    #expect(g2.events == 4 && g2.participants == 3)
    #expect(live.lastRead.contains("appended"), "\(live.lastRead)")

    // Nothing changed: nothing is read.
    _ = try DatasetLoader.load(folder: d.path, ledger: live.hook)
    #expect(live.lastRead == "ledger unchanged")

    // Replaced by a shorter file: read whole again, old events gone.
    d.write("events/a.csv", Self.header + "2023-05-01,Cloud,Reuse,u9,1\n")
    let third = try DatasetLoader.load(folder: d.path, ledger: live.hook)
    let g3 = try #require(third.dataset?.ledger?.groups.first)
    #expect(g3.milliKg == 1_000 && g3.events == 1 && g3.participants == 1)
    #expect(live.lastRead.contains("whole"))
  }

  @Test func ledgerAppendsAreExactAgainstAFullRead() throws {
    let d = TempDataset()
    d.write("dataset.toml", Self.toml)
    d.write("events/a.csv", Self.header)
    let live = LiveLedger(threads: 2)
    for i in 0..<20 {
      var chunk = ""
      for j in 0..<50 {
        chunk +=
          "2023-\(i % 12 + 1 < 10 ? "0" : "")\(i % 12 + 1)-15,E\(j % 3),P,u\(j * 7 % 40),0.\(j % 10)01\n"
      }
      try appendText(d.path + "/events/a.csv", chunk)
      _ = try DatasetLoader.load(folder: d.path, ledger: live.hook)
    }
    let incremental = try DatasetLoader.load(folder: d.path, ledger: live.hook).dataset?.ledger
    let whole = try DatasetLoader.load(folder: d.path, ledger: LiveLedger(threads: 1).hook).dataset?
      .ledger
    #expect(incremental?.groups == whole?.groups)
    #expect(incremental?.yearTotals == whole?.yearTotals)
    #expect(incremental?.rowsRead == 1000)
  }

  @Test func tableCacheRereadsOnlyChangedTables() throws {
    let d = TempDataset()
    d.write("dataset.toml", Self.toml)
    d.write("operations.csv", "period,entity,scope1_tco2e\nFY2024,Acme,10\n")
    d.write("revenue.csv", "period,entity,revenue\nFY2024,Acme,5\n")
    let cache = TableCache()
    _ = try DatasetLoader.load(folder: d.path, cache: cache)
    #expect(cache.lastRead == ["dataset.toml", "operations.csv", "revenue.csv"])

    // Unchanged: nothing read, same data.
    let again = try DatasetLoader.load(folder: d.path, cache: cache)
    #expect(cache.lastRead.isEmpty)
    #expect(again.dataset?.operations?.first?.scope1 == 10)

    // Rewritten by rename (new inode): only that table is read, and its new value is used.
    let tmp = d.path + "/.operations.tmp"
    try Data("period,entity,scope1_tco2e\nFY2024,Acme,12\n".utf8).write(
      to: URL(fileURLWithPath: tmp))
    #expect(rename(tmp, d.path + "/operations.csv") == 0)
    let third = try DatasetLoader.load(folder: d.path, cache: cache)
    #expect(cache.lastRead == ["operations.csv"])
    #expect(third.dataset?.operations?.first?.scope1 == 12)

    // A broken row's diagnostic survives a cached load.
    d.write("revenue.csv", "period,entity,revenue\nFY2024,Acme,abc\n")
    cache.invalidate(["revenue.csv"])
    let broken = try DatasetLoader.load(folder: d.path, cache: cache)
    let cached = try DatasetLoader.load(folder: d.path, cache: cache)
    #expect(
      broken.diagnostics.contains { $0.file == "revenue.csv" && $0.line == 2 && $0.column == 3 })
    #expect(cached.diagnostics == broken.diagnostics)
  }
}

/// A header of a million duplicate or unknown names gives a bounded list of diagnostics
/// (the first 20, then one line counting the rest), found by fuzzing.
@Test func hugeHeadersGiveBoundedDiagnostics() throws {
  let d = TempDataset()
  d.write("dataset.toml", "[organization]\nname = \"X\"\n")
  d.write(
    "operations.csv",
    "period,entity," + Array(repeating: "a", count: 100_000).joined(separator: ",") + "\n")
  d.write(
    "events/b.csv",
    "timestamp,entity,program,participant,avoided_kgco2e,"
      + Array(repeating: "zz", count: 100_000).joined(separator: ",") + "\n")
  let loaded = try DatasetLoader.load(folder: d.path, ledger: LiveLedger(threads: 1).hook)
  let ops = loaded.diagnostics.filter { $0.file == "operations.csv" }
  let events = loaded.diagnostics.filter { $0.file == "events/b.csv" }
  // The first "a" is an unknown column (listed), then 99,999 duplicates: 19 more listed (20
  // in all), 99,999 - 19 = 99,980 counted.
  #expect(ops.count == 21)
  #expect(ops.contains { $0.message == "header: 99980 more problems in the header, not listed" })
  #expect(events.count <= 22)
  #expect(events.contains { $0.message.hasSuffix("more problems in the header, not listed") })
}
