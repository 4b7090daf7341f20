/// The output formats of `carbontop report`: JSON (the contract of
/// docs/data-format.md), text, markdown and CSV.
/// Every format replaces control characters in text taken from data (JSON escapes them).
///
/// Choices (docs/data-format.md, "Readings chosen"):
/// - JSON keys are written in the contract's order (docs/data-format.md), then the (extra) keys;
///   pretty-printed with two
///   spaces. Whole numbers below 1e15 print without a fraction ("1500000000").
/// - CSV: one block per section (operational, value_chain, scope3plus), each with its own header
///   row whose first column is `section`, blocks separated by one empty line; absent values are
///   empty cells; numbers at full precision.
/// - Text and markdown round tonnes to t/kt/Mt/Gt and percentages to one decimal; intensities
///   keep three significant digits and the unit "t/<revenue_unit>".
public enum ReportFormatter {}

extension Report {
  /// The fiscal years of the report's sections (the same range in every section).
  public var years: [Completeness.Year] { fiscalYears }
}
