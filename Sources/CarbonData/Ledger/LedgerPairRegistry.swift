import CarbonKit
import CarbonSystem

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The (entity, program) pairs seen so far, numbered in first-seen order. Shared by the
/// parsing threads (each keeps its own cache in front of it), so it is locked.
final class LedgerPairRegistry: @unchecked Sendable {
  private let lock = Lock()
  private var ids: [PairKey: Int32] = [:]
  private var entities: [[UInt8]] = []
  private var programs: [[UInt8]] = []

  private struct PairKey: Hashable {
    var entity: [UInt8]
    var program: [UInt8]
  }

  /// The id of a pair, registering it when new.
  func id(entity: [UInt8], program: [UInt8]) -> Int32 {
    lock.lock()
    defer { lock.unlock() }
    let key = PairKey(entity: entity, program: program)
    if let id = ids[key] { return id }
    let id = Int32(entities.count)
    ids[key] = id
    entities.append(entity)
    programs.append(program)
    return id
  }

  /// The names of pair `id`.
  func names(_ id: Int32) -> (entity: String, program: String) {
    lock.lock()
    defer { lock.unlock() }
    return (
      String(decoding: entities[Int(id)], as: UTF8.self),
      String(decoding: programs[Int(id)], as: UTF8.self)
    )
  }
}
