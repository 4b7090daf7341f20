import CarbonTerminal

@testable import CarbonTUI

/// The tests' palette: the 16 basic colours plus attributes, fixed, so that screen tests do
/// not change when a bundled theme does (the app draws with its themes).
struct DefaultPalette: StylePalette, Sendable {
  func style(_ role: StyleRole) -> Style {
    switch role {
    case .background, .text: return .plain
    case .muted: return Style(fg: .indexed(8), attributes: .dim)
    case .title: return Style(attributes: .bold)
    case .border: return Style(fg: .indexed(8))
    case .borderFocus: return Style(fg: .indexed(6), attributes: .bold)
    case .good: return Style(fg: .indexed(2), attributes: .bold)
    case .warn: return Style(fg: .indexed(3), attributes: .bold)
    case .bad: return Style(fg: .indexed(1), attributes: .bold)
    case .accent: return Style(fg: .indexed(6))
    case .chartHistory: return Style(fg: .indexed(6))
    case .chartProjection: return Style(fg: .indexed(5))
    case .chartPath: return Style(fg: .indexed(8))
    case .gaugeFill: return Style(fg: .indexed(2))
    case .gaugeEmpty: return Style(fg: .indexed(8))
    case .selection: return Style(attributes: .reverse)
    case .statusBar: return Style(attributes: .reverse)
    case .statusBarText: return Style(attributes: .reverse)
    case .changed: return Style(fg: .indexed(3), attributes: [.bold, .underline])
    case .header: return Style(attributes: [.bold, .underline])
    }
  }
}
