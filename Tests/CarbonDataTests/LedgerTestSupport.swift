import CarbonData
import CarbonKit
import Foundation

/// A temporary folder with ledger files written from strings.
final class LedgerScratch {
  let dir: String

  init() {
    dir = NSTemporaryDirectory() + "ledger-test-" + UUID().uuidString
    try? FileManager.default.createDirectory(
      atPath: dir + "/events", withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: dir) }

  /// Writes `text` to events/NAME and returns the ledger file.
  @discardableResult
  func write(_ name: String, _ text: String) -> LedgerFile {
    writeBytes(name, Array(text.utf8))
  }

  @discardableResult
  func writeBytes(_ name: String, _ bytes: [UInt8]) -> LedgerFile {
    let path = dir + "/events/" + name
    _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
    return LedgerFile(path: path, name: "events/" + name)
  }

  /// Appends `text` to events/NAME.
  func append(_ name: String, _ text: String) {
    guard let h = FileHandle(forWritingAtPath: dir + "/events/" + name) else { return }
    h.seekToEndOfFile()
    h.write(Data(text.utf8))
    h.closeFile()
  }
}

extension LedgerSummary {
  /// The group of (fy, entity, program), if any.
  func group(_ fy: Int, _ entity: String, _ program: String) -> EventGroup? {
    groups.first { $0.fiscalYear.year == fy && $0.entity == entity && $0.program == program }
  }

  func year(_ fy: Int) -> EventGroup? { yearTotals.first { $0.fiscalYear.year == fy } }
}

let ledgerHeader = "timestamp,entity,program,participant,avoided_kgco2e\n"
let marchYear = FiscalCalendar(endMonth: 3)
