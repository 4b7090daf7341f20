/// The scenario levers of docs/data-format.md, in the order they are listed there.
public enum Lever: String, CaseIterable, Hashable, Sendable, Codable {
  case scope1Change = "scope1_change"
  case electricityGrowth = "electricity_growth"
  case gridFactorChange = "grid_factor_change"
  case cleanShareTarget = "clean_share_target"
  case removalsPerYear = "removals_per_year"
  case offsetsPerYear = "offsets_per_year"
  case revenueGrowth = "revenue_growth"
  case scope3Change = "scope3_change"
  case avoidedGrowth = "avoided_growth"

  /// True for levers in tCO2e per year; the others are fractions.
  public var isTonnes: Bool { self == .removalsPerYear || self == .offsetsPerYear }

  /// The values a scenario may give the lever (docs/scenarios.md): rates from -1 (-100%/yr)
  /// to 10 (+1000%/yr), the clean share from 0 to 1, tonnes from 0 to 10^12 tCO2e per year.
  /// Scenario files and the editor refuse values outside it.
  public var range: ClosedRange<Double> {
    isTonnes ? 0...1e12 : self == .cleanShareTarget ? 0...1 : -1...10
  }
}

/// A scenario: levers set by the user; levers not set keep their defaults from history.
public struct Scenario: Hashable, Sendable {
  public var name: String
  public var description: String?
  public var levers: [Lever: Double]

  public init(name: String, description: String? = nil, levers: [Lever: Double] = [:]) {
    self.name = name
    self.description = description
    self.levers = levers
  }
}
