import CarbonKit
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The (entity, program) pairs seen so far, numbered in first-seen order. Shared by the
/// parsing threads (each keeps its own cache in front of it), so it is locked.
final class LedgerPairRegistry: Sendable {
  private struct State {
    var ids: [PairKey: Int32] = [:]
    var entities: [[UInt8]] = []
    var programs: [[UInt8]] = []
  }

  private let state = Mutex(State())

  private struct PairKey: Hashable {
    var entity: [UInt8]
    var program: [UInt8]
  }

  /// The id of a pair, registering it when new.
  func id(entity: [UInt8], program: [UInt8]) -> Int32 {
    state.withLock { s in
      let key = PairKey(entity: entity, program: program)
      if let id = s.ids[key] { return id }
      let id = Int32(s.entities.count)
      s.ids[key] = id
      s.entities.append(entity)
      s.programs.append(program)
      return id
    }
  }

  /// The names of pair `id`.
  func names(_ id: Int32) -> (entity: String, program: String) {
    state.withLock { s in
      (
        String(decoding: s.entities[Int(id)], as: UTF8.self),
        String(decoding: s.programs[Int(id)], as: UTF8.self)
      )
    }
  }
}
