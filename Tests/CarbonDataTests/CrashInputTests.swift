import CarbonData
import CarbonKit
import Foundation
import Testing

/// Inputs that must never crash or hang the loader.
@Suite struct CrashInputTests {
  @Test func invalidUTF8IsAnErrorAtItsCell() throws {
    let d = TempDataset()
    d.write("dataset.toml", minimalTOML)
    d.write(
      "revenue.csv",
      Array("period,entity,revenue\nFY2023,A".utf8) + [0xFF, 0xFE] + Array(",5\nFY2023,B,6\n".utf8))
    let loaded = d.load()
    #expect(loaded.lines == ["revenue.csv:2:2: error: entity: invalid UTF-8"])
    #expect(loaded.dataset?.revenue?.map(\.entity) == ["B"])
  }

  @Test func invalidUTF8InHeaderAndTOML() throws {
    let d = TempDataset()
    d.write(
      "dataset.toml", Array("[organization]\nname = \"A".utf8) + [0xC3, 0x28] + Array("\"\n".utf8))
    let loaded = d.load()
    // Line 2, character column 10: `name = "A` is 9 characters before the bad byte.
    #expect(loaded.lines == ["dataset.toml:2:10: error: invalid UTF-8"])
    #expect(loaded.dataset == nil)

    let e = TempDataset()
    e.write("dataset.toml", minimalTOML)
    e.write("revenue.csv", Array("period,entity,".utf8) + [0xED, 0xA0, 0x80] + Array("\n".utf8))
    // The third header cell is unreadable, so the required "revenue" column is missing too.
    #expect(
      e.load().lines == [
        #"revenue.csv:1:1: error: missing required column "revenue"; no data"#,
        "revenue.csv:1:3: error: header: invalid UTF-8; no data",
      ])
  }

  @Test func nulBytes() throws {
    let d = TempDataset()
    d.write(
      "dataset.toml", Array("[organization]\nname = \"A\"\n".utf8) + [0] + Array("x = 1\n".utf8))
    #expect(d.load().lines == ["dataset.toml:3:1: error: NUL byte in the file"])

    let e = TempDataset()
    e.write("dataset.toml", minimalTOML)
    e.write("revenue.csv", Array("period,entity,revenue\nFY2023,A\u{0}B,1\nFY2023,C,\u{0}\n".utf8))
    let loaded = e.load()
    // NUL is kept as data in text; in a number cell it is not a number (shown replaced).
    #expect(
      loaded.lines == ["revenue.csv:3:3: error: revenue: expected a number, found \"\u{FFFD}\""])
    #expect(loaded.dataset?.revenue?.map(\.entity) == ["A\u{0}B"])
  }

  @Test func tenMegabyteLine() throws {
    let d = TempDataset()
    d.write("dataset.toml", minimalTOML)
    let long = String(repeating: "9", count: 10_000_000)
    d.write("revenue.csv", "period,entity,revenue\nFY2023,A,\(long)\nFY2023,\(long),1\n")
    let loaded = d.load()
    // Both 10 MB cells are past the 1 MiB field limit (InputLimits.fieldBytes): the rows are
    // errors at their cells, and no 10 MB string is built.
    #expect(
      loaded.lines == [
        "revenue.csv:2:3: error: field longer than 1 MiB (1,048,576 bytes)",
        "revenue.csv:3:2: error: field longer than 1 MiB (1,048,576 bytes)",
      ])
    #expect(loaded.dataset?.revenue == nil || loaded.dataset?.revenue?.isEmpty == true)
  }

  @Test func folderWhereAFileShouldBe() throws {
    let d = TempDataset()
    d.mkdir("dataset.toml")
    #expect(d.load().lines == ["dataset.toml: error: is a folder, expected a file"])
    let e = TempDataset()
    e.write("dataset.toml", minimalTOML)
    e.mkdir("operations.csv")
    e.write("events", "not a folder")
    #expect(
      e.load(ledger: testLedger).lines == [
        "operations.csv: error: is a folder, expected a file",
        "events: error: not a folder (events/ holds the ledger's CSV files)",
      ])
  }

  @Test func symlinkLoopAndDanglingLink() throws {
    let d = TempDataset()
    d.write("dataset.toml", minimalTOML)
    d.symlink("operations.csv", to: d.path + "/operations.csv")
    d.symlink("revenue.csv", to: d.path + "/nowhere.csv")
    d.mkdir("events")
    d.symlink("events/loop.csv", to: d.path + "/events/loop.csv")
    let loaded = d.load(ledger: testLedger)
    #expect(
      loaded.lines == [
        "operations.csv: error: cannot read: Too many levels of symbolic links",
        "revenue.csv: error: cannot read: broken symbolic link",
        "events/loop.csv: error: cannot read: Too many levels of symbolic links",
      ])
    #expect(loaded.dataset?.ledger == nil)
  }

  @Test func emptyFiles() throws {
    let d = TempDataset()
    d.write("dataset.toml", "")
    #expect(
      d.load().lines == ["dataset.toml: error: missing [organization] table (with at least name)"])
    let e = TempDataset()
    e.write("dataset.toml", minimalTOML)
    e.write("operations.csv", "")
    let loaded = e.load()
    #expect(loaded.lines == ["operations.csv: warning: no header row (the file is empty); no data"])
    #expect(loaded.dataset?.operations == nil)
  }

  @Test func overflowAndNaN() throws {
    let d = TempDataset()
    d.write(
      "dataset.toml",
      minimalTOML
        + "\n[[target]]\nid = \"a\"\nkind = \"avoided\"\namount_tco2e = nan\nfrom = \"FY2021\"\nby = \"FY2030\"\n"
    )
    d.write("operations.csv", "period,entity,pue\nFY2023,A,1e400\nFY2024,A,NaN\nFY2025,A,1e-400\n")
    let loaded = d.load()
    #expect(
      loaded.lines == [
        #"dataset.toml:7:1: error: target "a": amount_tco2e: expected a number above 0, found nan"#,
        #"operations.csv:2:3: error: pue: expected a number, found "1e400""#,
        #"operations.csv:3:3: error: pue: expected a number, found "NaN""#,
      ])
    // 1e-400 underflows to 0, which is a valid (tiny) number.
    #expect(loaded.dataset?.operations?.map(\.pue) == [0])
  }

  @Test func folderErrors() {
    #expect(throws: DatasetFolderError.noSuchFolder("/nonexistent/carbontop")) {
      try DatasetLoader.load(folder: "/nonexistent/carbontop")
    }
    let d = TempDataset()
    d.write("file", "x")
    #expect(throws: DatasetFolderError.notAFolder(d.path + "/file")) {
      try DatasetLoader.load(folder: d.path + "/file")
    }
    let e = TempDataset()
    #expect(
      e.load().lines == [
        "dataset.toml: error: missing: a dataset needs dataset.toml with [organization] name"
      ])
  }
}
