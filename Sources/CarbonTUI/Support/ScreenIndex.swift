/// A screen coordinate (a column, a row, a dot, a cell count) from a computed `Double`,
/// clamped to `bounds`. `Int(_:)` traps on NaN, infinities and values beyond Int's range: a
/// projection far above a chart's ceiling gives such a value, so every number that becomes a
/// coordinate goes through here. NaN gives the lower bound.
public func screenIndex(_ value: Double, in bounds: ClosedRange<Int>) -> Int {
  guard !value.isNaN else { return bounds.lowerBound }
  let r = value.rounded()
  if r <= Double(bounds.lowerBound) { return bounds.lowerBound }
  if r >= Double(bounds.upperBound) { return bounds.upperBound }
  return Int(r)
}
