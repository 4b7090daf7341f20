import Glibc
import Testing

@testable import CarbonTerminal

final class Counter: @unchecked Sendable {
  private var n = 0
  private let lock = NSLockish()
  func increment() { lock.with { n += 1 } }
  var value: Int { lock.with { n } }
}

final class NSLockish: @unchecked Sendable {
  private var m = pthread_mutex_t()
  init() { pthread_mutex_init(&m, nil) }
  func with<T>(_ body: () -> T) -> T {
    pthread_mutex_lock(&m)
    defer { pthread_mutex_unlock(&m) }
    return body()
  }
}

@Suite struct RunLoopSupportTests {
  @Test func signalWatcherReadsSIGHUP() throws {
    // raise() sends the signal to this thread (kill(getpid()) could reach another of the
    // test runner's threads, where SIGHUP is not blocked, and end the process). A blocked
    // thread-directed signal stays pending and the signalfd of this thread reads it.
    let watcher = try SignalWatcher(signals: [SIGHUP, SIGWINCH])
    #expect(watcher.signals == [SIGHUP])  // SIGWINCH is never taken from ncurses
    #expect(watcher.read().isEmpty)
    raise(SIGHUP)
    #expect(Poller.wait(fds: [watcher.fd], timeoutMs: 100) == [watcher.fd])
    #expect(watcher.read() == [SIGHUP])
    #expect(watcher.read().isEmpty)
    watcher.stop()
    watcher.stop()
  }

  @Test func wakePipeWakesAndDrains() throws {
    let pipe = try WakePipe()
    #expect(Poller.wait(fds: [pipe.readFD], timeoutMs: 0).isEmpty)
    pipe.wake()
    pipe.wake()
    pipe.wake()
    #expect(Poller.wait(fds: [0 + pipe.writeFD, pipe.readFD], timeoutMs: 100) == [pipe.readFD])
    #expect(pipe.drain() == 3)
    #expect(pipe.drain() == 0)
    #expect(Poller.wait(fds: [pipe.readFD], timeoutMs: 0).isEmpty)
  }

  @Test func wakeFromAnotherThread() async throws {
    let pipe = try WakePipe()
    await Task.detached { pipe.wake() }.value
    #expect(Poller.wait(fds: [pipe.readFD], timeoutMs: 100) == [pipe.readFD])
    #expect(pipe.drain() == 1)
  }

  struct Boom: Error {}

  @Test func guardRestoresOnceOnReturnAndOnThrow() {
    let count = Counter()
    let g = TerminalGuard { count.increment() }
    #expect(g.run { 42 } == 42)
    #expect(count.value == 1)
    g.restore()
    #expect(count.value == 1)

    let count2 = Counter()
    let g2 = TerminalGuard { count2.increment() }
    #expect(throws: Boom.self) {
      try g2.run { () throws -> Int in throw Boom() }
    }
    #expect(count2.value == 1)
  }
}
