// carbontop-bench: CPU cost of the dashboard's interactive paths on a dataset, measured in a
// release build (`swift run -c release carbontop-bench [DATASET]`). Frames are drawn on the
// real ncurses terminal, opened on pseudo-terminals of 80x24 and 120x40 whose output a background
// thread drains, so the figures include ncurses' diffing and output, as in the dashboard.
//
// It prints, for each path, the median and 95th percentile of the CPU time of the thread that
// does the work, as the dashboard's loop would (CLOCK_THREAD_CPUTIME_ID: the drain thread that
// plays the terminal emulator is not counted)
// per iteration over several runs, and the ratio of the key-press path to the goal (1 ms).
import CarbonData
import CarbonKit
import CarbonSystem
import CarbonTUI
import CarbonTerminal
import Dispatch

#if canImport(Glibc)
  import Glibc
#endif

func cpuNow() -> Double {
  var ts = timespec()
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
  return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// Per-iteration CPU seconds of `body`, `iterations` times, repeated `runs` times; returns
/// the median and p95 over all iterations (each run's per-iteration mean is one sample).
func measure(_ name: String, runs: Int = 7, iterations: Int, _ body: (Int) -> Void) -> (
  Double, Double
) {
  var samples: [Double] = []
  for _ in 0..<runs {
    let t0 = cpuNow()
    for i in 0..<iterations { body(i) }
    samples.append((cpuNow() - t0) / Double(iterations))
  }
  samples.sort()
  let median = samples[samples.count / 2]
  let p95 = samples[min(samples.count - 1, Int((Double(samples.count) * 0.95).rounded(.up)) - 1)]
  let padded = name + String(repeating: " ", count: max(0, 44 - name.count))
  print(
    padded
      + CFormat.string(
        " median %8.1f us   p95 %8.1f us   (%ld runs x %ld)", median * 1e6, p95 * 1e6, runs,
        iterations))
  return (median, p95)
}

let folder = CommandLine.arguments.dropFirst().first ?? "sample-data/alibaba"
guard let loaded = try? DatasetLoader.load(folder: folder), let dataset = loaded.dataset else {
  FDText.err("carbontop-bench: cannot load \(folder)\n")
  exit(2)
}
print("dataset \(folder): \(dataset.targets.count) targets")

_ = measure("load the dataset (DatasetLoader)", iterations: 50) { _ in
  _ = try? DatasetLoader.load(folder: folder)
}
let builder = ReportBuilder(dataset: dataset)
_ = measure("report from scratch (index + build)", iterations: 500) { _ in
  _ = ReportBuilder(dataset: dataset).build(scenario: nil)
}

/// Reads and drops what the terminal sends, so output never blocks.
func drain(_ fd: Int32) {
  DispatchQueue.global().async {
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, 65536) }
      if n > 0 || (n < 0 && errno == EINTR) { continue }
      guard n < 0, errno == EAGAIN else { return }
      // A non-blocking master: wait until there is something to read.
      var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
      _ = poll(&p, 1, -1)
    }
  }
}

/// The redraw and key-press measurements on an ncurses terminal of `width` x `height`;
/// returns the key press's median and p95 CPU seconds.
func measureTerminal(width: Int, height: Int) -> (Double, Double)? {
  guard let pty = PseudoTerminal.open(width: width, height: height) else {
    FDText.err("carbontop-bench: no pseudo-terminal\n")
    return nil
  }
  var options = NcursesTerminal.Options(environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8"])
  options.termType = "xterm-256color"
  options.ttyPath = pty.slavePath
  drain(pty.master)
  guard let terminal = try? NcursesTerminal(options: options) else {
    FDText.err("carbontop-bench: ncurses did not start\n")
    return nil
  }
  defer { terminal.restore() }
  var state = UIState(size: terminal.size)
  let report = builder.build(scenario: nil)
  let palette = ThemeLoader.defaultTheme.styleForDepth(terminal.colorDepth)
  let glyphs = GlyphSet.choose(terminalUnicode: terminal.unicode, asciiFlag: false)
  let size = "\(terminal.size.width)x\(terminal.size.height)"
  var flip = false
  _ = measure("\(size) redraw the overview (a figure changes)", iterations: 500) { _ in
    flip.toggle()
    state.changed = flip ? [.operationalNet] : []
    render(state, report: report, dataset: dataset, palette: palette, glyphs: glyphs, on: terminal)
    terminal.flush()
  }
  // A key press in the scenario editor: update -> setScenario -> projections -> redraw.
  state.changed = []
  state.screen = .scenarioEditor
  let context = UpdateContext(report: report, dataset: dataset)
  var current = report
  return measure("\(size) scenario key press: update+recompute+redraw", iterations: 1000) { i in
    let (next, commands) = update(state, .key(i % 2 == 0 ? .right : .left), context)
    state = next
    for case .setScenario(let s) in commands {
      current = builder.build(scenario: s.levers.isEmpty ? nil : s)
    }
    render(state, report: current, dataset: dataset, palette: palette, glyphs: glyphs, on: terminal)
    terminal.flush()
  }
}

setlocale(LC_ALL, "C.UTF-8")
for (w, h) in [(80, 24), (120, 40)] {
  guard let (median, p95) = measureTerminal(width: w, height: h) else { exit(2) }
  print(
    "\(w)x\(h) key press vs the 1 ms goal: "
      + CFormat.string("median %.3f, p95 %.3f of the budget", median / 1e-3, p95 / 1e-3))
}
