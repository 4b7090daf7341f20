import CarbonKit

/// A table read from the dataset: its rows and where its period column is.
struct LoadedTable<Row> {
  var rows: [Row]
  /// 1-based field number of the period column.
  var periodColumn: Int
}

/// Turns the four CSV tables into CarbonKit rows, applying every row rule of docs/data-format.md.
enum TableLoader {
  static let operationsColumns = (
    required: ["period", "entity"],
    optional: [
      "scope1_tco2e", "scope2_location_tco2e", "scope2_market_tco2e", "scope1_2_tco2e",
      "removals_tco2e",
      "offsets_tco2e", "abatement_tco2e", "electricity_mwh", "clean_electricity_mwh", "pue",
    ]
  )
  static let valueChainColumns = (
    required: ["period", "entity", "category", "tco2e"], optional: ["data_quality"]
  )
  static let revenueColumns = (required: ["period", "entity", "revenue"], optional: [String]())
  static let avoidedColumns = (
    required: ["period", "entity", "program", "avoided_tco2e"], optional: ["verified", "method"]
  )

  /// `row` when it read without errors and is no double count of an earlier row; otherwise
  /// nil, with the double-counting error added to the row's errors.
  private static func unique<Row>(
    _ row: Row, _ r: inout TableRow, _ check: inout DoubleCountingCheck, period: Period?,
    entity: String?, category: Int? = nil, program: String? = nil, needsProgram: Bool = false
  ) -> Row? {
    guard r.errors.isEmpty, let period, let entity, !needsProgram || program != nil else {
      return nil
    }
    var d: [Diagnostic] = []
    guard
      check.accept(
        period: period, entity: entity, category: category, program: program, line: r.line,
        column: r.column("period"), into: &d)
    else {
      r.errors += d
      return nil
    }
    return row
  }

  /// Reads rows with `make`, which returns nil for a row it rejects (its errors are in the row).
  private static func read<Row>(
    file: String, bytes: [UInt8], required: [String], optional: [String], diags: inout [Diagnostic],
    make: (inout TableRow) -> Row?
  ) -> LoadedTable<Row>? {
    var reader = TableReader(file: file, bytes: bytes, required: required, optional: optional)
    guard reader.readHeader(into: &diags) else { return nil }
    var rows: [Row] = []
    while var row = reader.nextRow(into: &diags) {
      let made = make(&row)
      diags.append(contentsOf: row.errors)
      if row.errors.isEmpty, let made { rows.append(made) }
    }
    return LoadedTable(rows: rows, periodColumn: (reader.columns["period"] ?? 0) + 1)
  }

  static func operations(bytes: [UInt8], calendar: FiscalCalendar, diags: inout [Diagnostic])
    -> LoadedTable<
      OperationsRow
    >?
  {
    let file = "operations.csv"
    var check = DoubleCountingCheck(file: file, calendar: calendar)
    return read(
      file: file, bytes: bytes, required: operationsColumns.required,
      optional: operationsColumns.optional,
      diags: &diags
    ) { r in
      let period = r.period()
      let entity = r.requiredText("entity")
      let s1 = r.number("scope1_tco2e")
      let s2l = r.number("scope2_location_tco2e")
      let s2m = r.number("scope2_market_tco2e")
      let s12 = r.number("scope1_2_tco2e")
      let row = OperationsRow(
        period: period ?? .fiscalYear(FiscalYear(0)), entity: entity ?? "", scope1: s1,
        scope2Location: s2l,
        scope2Market: s2m, scope12: s12, removals: r.number("removals_tco2e"),
        offsets: r.number("offsets_tco2e"),
        abatement: r.number("abatement_tco2e"), electricityMWh: r.number("electricity_mwh"),
        cleanElectricityMWh: r.number("clean_electricity_mwh"), pue: r.number("pue"),
        source: r.source)
      if s12 != nil {
        let split = [
          ("scope1_tco2e", s1), ("scope2_location_tco2e", s2l), ("scope2_market_tco2e", s2m),
        ]
        .filter { $0.1 != nil }.map { $0.0 }
        if !split.isEmpty {
          r.error(
            at: "scope1_2_tco2e",
            "given together with \(split.joined(separator: ", ")); a row gives either the total or the split"
          )
        }
      }
      return unique(row, &r, &check, period: period, entity: entity)
    }
  }

  static func valueChain(bytes: [UInt8], calendar: FiscalCalendar, diags: inout [Diagnostic])
    -> LoadedTable<
      ValueChainRow
    >?
  {
    let file = "value_chain.csv"
    var check = DoubleCountingCheck(file: file, calendar: calendar, hasCategory: true)
    return read(
      file: file, bytes: bytes, required: valueChainColumns.required,
      optional: valueChainColumns.optional,
      diags: &diags
    ) { r in
      let period = r.period()
      let entity = r.requiredText("entity")
      let category = r.category()
      let row = ValueChainRow(
        period: period ?? .fiscalYear(FiscalYear(0)), entity: entity ?? "", category: category,
        tco2e: r.number("tco2e"), dataQuality: r.text("data_quality"), source: r.source)
      return unique(row, &r, &check, period: period, entity: entity, category: category)
    }
  }

  static func revenue(bytes: [UInt8], calendar: FiscalCalendar, diags: inout [Diagnostic])
    -> LoadedTable<
      RevenueRow
    >?
  {
    let file = "revenue.csv"
    var check = DoubleCountingCheck(file: file, calendar: calendar)
    return read(
      file: file, bytes: bytes, required: revenueColumns.required,
      optional: revenueColumns.optional, diags: &diags
    ) { r in
      let period = r.period()
      let entity = r.requiredText("entity")
      let revenue = r.number("revenue")
      let row = RevenueRow(
        period: period ?? .fiscalYear(FiscalYear(0)), entity: entity ?? "", revenue: revenue,
        source: r.source)
      return unique(row, &r, &check, period: period, entity: entity)
    }
  }

  static func avoided(bytes: [UInt8], calendar: FiscalCalendar, diags: inout [Diagnostic])
    -> LoadedTable<
      AvoidedRow
    >?
  {
    let file = "avoided.csv"
    var check = DoubleCountingCheck(file: file, calendar: calendar)
    return read(
      file: file, bytes: bytes, required: avoidedColumns.required,
      optional: avoidedColumns.optional, diags: &diags
    ) { r in
      let period = r.period()
      let entity = r.requiredText("entity")
      let program = r.requiredText("program")
      let row = AvoidedRow(
        period: period ?? .fiscalYear(FiscalYear(0)), entity: entity ?? "", program: program ?? "",
        avoided: r.number("avoided_tco2e"), verified: r.verified(), method: r.text("method"),
        source: r.source)
      return unique(
        row, &r, &check, period: period, entity: entity, program: program, needsProgram: true)
    }
  }
}
