import CarbonKit

func fy(_ y: Int) -> FiscalYear { FiscalYear(y) }
func annual(_ y: Int) -> Period { .fiscalYear(FiscalYear(y)) }
func month(_ y: Int, _ m: Int) -> Period { .month(YearMonth(year: y, month: m)) }
func src(_ file: String, _ line: Int) -> SourceRef { SourceRef(file: file, line: line) }

/// |a - b| <= tol, with nil never close.
func close(_ a: Double?, _ b: Double, _ tol: Double = 1e-9) -> Bool {
  guard let a else { return false }
  return abs(a - b) <= tol * max(1, abs(b))
}

/// Own operations (calendar years), hand-worked in NeutralityTests.
func opsDataset(basis: Scope2Basis = .market, extraTargets: [Target] = []) -> Dataset {
  let t = Target(
    id: "ops", kind: .neutrality, scopes: [.one, .two], scope2Basis: basis, baseline: fy(2020),
    by: fy(2030))
  let f = "operations.csv"
  let ops = [
    OperationsRow(
      period: annual(2020), entity: "A", scope1: 100, scope2Location: 300, scope2Market: 200,
      source: src(f, 2)),
    OperationsRow(
      period: annual(2020), entity: "B", scope1: 50, scope2Location: 100, source: src(f, 3)),
    OperationsRow(
      period: annual(2024), entity: "A", scope1: 90, scope2Location: 280, scope2Market: 150,
      removals: 10, offsets: 20,
      abatement: 5, electricityMWh: 1000, cleanElectricityMWh: 500, pue: 1.2, source: src(f, 4)),
    OperationsRow(
      period: annual(2024), entity: "B", scope12: 120, electricityMWh: 3000,
      cleanElectricityMWh: 1500, pue: 1.4, source: src(f, 5)),
    OperationsRow(
      period: month(2025, 3), entity: "A", scope1: 30, scope2Market: 40, source: src(f, 6)),
  ]
  return Dataset(
    organization: Organization(name: "Acme"), targets: [t] + extraTargets, operations: ops)
}
