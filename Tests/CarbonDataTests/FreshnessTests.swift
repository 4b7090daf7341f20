import CarbonData
import CarbonKit
import Foundation
import Testing

/// `[monitor] stale_after` and the newest write of a dataset's files.
@Suite struct FreshnessTests {
  @Test func durations() {
    #expect(Freshness.seconds(parsing: "36h") == Int64(36 * 3600))
    #expect(Freshness.seconds(parsing: "90m") == 5400)
    #expect(Freshness.seconds(parsing: "2d") == 172_800)
    for bad in ["", "h", "0h", "-1h", "1.5h", "36", "36s", "36 h", "1w"] {
      #expect(Freshness.seconds(parsing: bad) == nil, "\(bad)")
    }
    #expect(Freshness.age(30) == "just now")
    #expect(Freshness.age(600) == "10 min ago")
    #expect(Freshness.age(3 * 3600 + 5) == "3 h ago")
    #expect(Freshness.age(3 * 86400) == "3 d ago")
    #expect(Freshness.isStale(written: 0, now: 3601, staleAfter: 3600))
    #expect(!Freshness.isStale(written: 0, now: 3600, staleAfter: 3600))
    #expect(!Freshness.isStale(written: 0, now: 1_000_000, staleAfter: nil))
  }

  @Test func staleAfterIsReadAndABadValueIsAWarning() {
    let d = TempDataset()
    d.write("dataset.toml", minimalTOML + "[monitor]\nstale_after = \"36h\"\n")
    #expect(d.load().dataset?.organization.staleAfterSeconds == Int64(36 * 3600))
    #expect(d.load().diagnostics.isEmpty)
    d.write("dataset.toml", minimalTOML + "[monitor]\nstale_after = \"soon\"\n")
    let loaded = d.load()
    #expect(loaded.dataset?.organization.staleAfterSeconds == nil)
    #expect(loaded.lines.contains { $0.contains("stale_after: expected a duration") })
  }

  @Test func newestWriteAndTheCheckWarning() throws {
    let d = TempDataset()
    d.write("dataset.toml", minimalTOML + "[monitor]\nstale_after = \"1h\"\n")
    d.write("operations.csv", "period,entity,scope1_tco2e\nFY2024,A,1\n")
    let old = Date(timeIntervalSince1970: 1_000_000)
    try FileManager.default.setAttributes(
      [.modificationDate: old], ofItemAtPath: d.path + "/dataset.toml")
    let newer = Date(timeIntervalSince1970: 1_000_600)
    try FileManager.default.setAttributes(
      [.modificationDate: newer], ofItemAtPath: d.path + "/operations.csv")
    let ds = d.load().dataset
    let w = DatasetFreshness.newestWrite(folder: d.path, dataset: ds)
    #expect(w == FileWrite(file: "operations.csv", time: 1_000_600))
    #expect(
      DatasetFreshness.staleWarning(folder: d.path, dataset: ds, now: 1_000_600 + 3600) == nil)
    let warning = DatasetFreshness.staleWarning(
      folder: d.path, dataset: ds, now: 1_000_600 + 3 * 3600)
    #expect(warning?.severity == .warning)
    #expect(warning?.description.contains("operations.csv") == true)
    #expect(warning?.message.contains("3 h ago, more than stale_after = \"1h\"") == true)
  }
}
