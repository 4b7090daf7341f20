import CarbonKit

/// What a drill-down shows the source rows of.
public enum DrillTarget: Hashable, Sendable {
  /// operations.csv rows of a fiscal year.
  case operations(FiscalYear)
  /// value_chain.csv and revenue.csv rows of a fiscal year.
  case valueChain(FiscalYear)
  /// value_chain.csv rows of one Scope 3 category in a fiscal year.
  case category(Int, FiscalYear)
  /// avoided.csv rows and event groups of a fiscal year.
  case avoided(FiscalYear)
  /// Same, for one entity.
  case avoidedEntity(String, FiscalYear)
  /// Same, for one program of one entity.
  case program(entity: String, program: String, FiscalYear)
  /// The `[[target]]` of dataset.toml.
  case target(String)
  /// The rows behind a target's figure in a fiscal year (nil: no year with data): its
  /// `[[target]]` line of dataset.toml, then the rows of its entities (for avoided, every
  /// year from `from` through it: the cumulative adds them up).
  case targetYear(String, FiscalYear?)
}
