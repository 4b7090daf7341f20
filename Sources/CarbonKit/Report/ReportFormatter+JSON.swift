extension ReportFormatter {
  // MARK: - JSON

  /// The JSON report of docs/data-format.md: every required key, snake_case, null for absent
  /// values.
  public static func json(_ report: Report, pretty: Bool = true) -> String {
    jsonValue(report).serialized(pretty: pretty) + "\n"
  }

  static func jsonValue(_ r: Report) -> JSONValue {
    var levers: [(String, JSONValue)] = []
    var defaults: [(String, JSONValue)] = []
    for l in Lever.allCases {
      levers.append((l.rawValue, .num(r.scenario.levers[l] ?? nil)))
      defaults.append((l.rawValue, .num(r.scenario.defaults[l] ?? nil)))
    }
    let targets: [JSONValue] = r.targets.map { t in
      .object([
        ("id", .string(t.id)), ("kind", .string(t.kind.rawValue)), ("title", .string(t.title)),
        ("entity", .string(t.entity)), ("baseline", .fy(t.baseline)), ("by", .fy(t.by)),
        ("latest_fy", .fy(t.latestFY)), ("status", .string(t.status.rawValue)),
        ("gap", .num(t.gap)),
        (
          "outcome",
          .object([
            ("projected_at_by", .num(t.outcome.projectedAtBy)), ("met", .bool(t.outcome.met)),
            ("year_met", .fy(t.outcome.yearMet)), ("shortfall", .num(t.outcome.shortfall)),
          ])
        ),
        ("scopes", .array(t.scopes.map { .string($0.rawValue) })),
        ("actual_at_latest", .num(t.actualAtLatest)), ("path_at_latest", .num(t.pathAtLatest)),
        ("goal", .num(t.goal)), ("projection_missing", .str(t.projectionMissing)),
        (
          "projection",
          .array(t.projection.map { .object([("fy", .fy($0.fy)), ("value", .num($0.value))]) })
        ),
      ])
    }
    let diagnostics: [JSONValue] = r.diagnostics.map { d in
      .object([
        ("severity", .string(d.severity.rawValue)), ("file", .string(d.file)),
        ("line", .int(d.line)),
        ("column", .int(d.column)), ("message", .string(d.message)),
      ])
    }
    let fiscalYears: [JSONValue] = r.fiscalYears.map { y in
      .object([
        ("fy", .fy(y.fy)), ("complete", .bool(y.complete)), ("has_data", .bool(y.hasData)),
        ("through", .str(y.through?.description)), ("months_covered", .int(y.monthsCovered)),
      ])
    }
    return .object([
      ("schema", .string(r.schema)),
      ("organization", .string(r.organization)),
      ("latest_complete_fy", .fy(r.latestCompleteFY)),
      ("in_progress_fy", .fy(r.inProgressFY)),
      ("in_progress_through", .str(r.inProgressThrough?.description)),
      (
        "scenario",
        .object([
          ("name", .str(r.scenario.name)), ("levers", .object(levers)),
          ("defaults", .object(defaults)),
        ])
      ),
      ("targets", .array(targets)),
      ("operational", r.operational.map(operationalJSON) ?? .null),
      ("value_chain", r.valueChain.map(valueChainJSON) ?? .null),
      ("scope3plus", r.scope3plus.map(scope3plusJSON) ?? .null),
      ("diagnostics", .array(diagnostics)),
      ("fiscal_years", .array(fiscalYears)),
      ("currency", .str(r.currency)),
      ("revenue_unit", .str(r.revenueUnit)),
    ])
  }

  static func operationalJSON(_ o: OperationalReport) -> JSONValue {
    let years: [JSONValue] = o.years.map { y in
      .object([
        ("fy", .fy(y.fy)), ("complete", .bool(y.complete)), ("scope1_tco2e", .num(y.scope1)),
        ("scope2_location_tco2e", .num(y.scope2Location)),
        ("scope2_market_tco2e", .num(y.scope2Market)),
        ("scope1_2_tco2e", .num(y.scope12)), ("gross_tco2e", .num(y.gross)),
        ("removals_tco2e", .num(y.removals)),
        ("offsets_tco2e", .num(y.offsets)), ("net_tco2e", .num(y.net)),
        ("abatement_tco2e", .num(y.abatement)),
        ("clean_electricity_share", .num(y.cleanElectricityShare)), ("pue", .num(y.pue)),
        ("electricity_mwh", .num(y.electricityMWh)),
        ("clean_electricity_mwh", .num(y.cleanElectricityMWh)),
        ("offsets_share", .num(y.offsetsShare)), ("offsets_warning", .bool(y.offsetsWarning)),
        ("split_not_reported", .bool(y.splitNotReported)),
        ("scope2_fallback_rows", .int(y.scope2FallbackRows)),
        ("months_covered", .int(y.monthsCovered)), ("net_run_rate_tco2e", .num(y.netRunRate)),
        ("gross_run_rate_tco2e", .num(y.grossRunRate)),
      ])
    }
    return .object([
      ("target_id", .string(o.targetID)), ("years", .array(years)),
      ("path_net_tco2e_at_latest", .num(o.pathNetAtLatest)),
      ("required_cut_per_year_tco2e", .num(o.requiredCutPerYear)),
      (
        "projection",
        .array(o.projection.map { .object([("fy", .fy($0.fy)), ("net_tco2e", .num($0.net))]) })
      ),
      ("latest_fy", .fy(o.latestFY)), ("net_at_latest_tco2e", .num(o.netAtLatest)),
      ("scope2_basis", .string(o.scope2Basis.rawValue)),
      ("offsets_counted", .bool(o.offsetsCounted)),
    ])
  }

  static func valueChainJSON(_ v: ValueChainReport) -> JSONValue {
    let years: [JSONValue] = v.years.map { y in
      .object([
        ("fy", .fy(y.fy)), ("complete", .bool(y.complete)), ("scope3_tco2e", .num(y.scope3)),
        ("revenue", .num(y.revenue)), ("intensity", .num(y.intensity)), ("yoy", .num(y.yoy)),
        ("emissions_tco2e", .num(y.emissions)), ("months_covered", .int(y.monthsCovered)),
        ("emissions_run_rate_tco2e", .num(y.emissionsRunRate)),
        ("revenue_run_rate", .num(y.revenueRunRate)),
        ("categories_tco2e", .array(y.categories.map { .num($0) })),
      ])
    }
    let categories: [JSONValue] = v.categories.map { c in
      .object([
        ("category", .int(c.category)), ("name", .string(c.name)), ("tco2e", .num(c.tco2e)),
        ("share", .num(c.share)),
      ])
    }
    return .object([
      ("target_id", v.hasTarget ? .string(v.targetID) : .null), ("years", .array(years)),
      ("baseline_intensity", .num(v.baselineIntensity)),
      ("target_intensity", .num(v.targetIntensity)),
      ("path_intensity_at_latest", .num(v.pathIntensityAtLatest)),
      ("required_annual_reduction", .num(v.requiredAnnualReduction)),
      ("implied_target_rate", .num(v.impliedTargetRate)),
      ("sbti_intensity_ok", .bool(v.sbtiIntensityOK)),
      ("categories", .array(categories)),
      (
        "projection",
        .array(
          v.projection.map { .object([("fy", .fy($0.fy)), ("intensity", .num($0.intensity))]) })
      ),
      ("latest_fy", .fy(v.latestFY)), ("intensity_at_latest", .num(v.intensityAtLatest)),
      ("uncategorized_tco2e", .num(v.uncategorizedTCO2e)), ("reduction", .num(v.reduction)),
    ])
  }

  static func scope3plusJSON(_ s: Scope3PlusReport) -> JSONValue {
    let years: [JSONValue] = s.years.map { y in
      .object([
        ("fy", .fy(y.fy)), ("complete", .bool(y.complete)), ("avoided_tco2e", .num(y.avoided)),
        ("cumulative_tco2e", .num(y.cumulative)), ("yoy", .num(y.yoy)),
        ("verified_share", .num(y.verifiedShare)),
        ("verified_tco2e", .num(y.verifiedTCO2e)), ("months_covered", .int(y.monthsCovered)),
        ("avoided_run_rate_tco2e", .num(y.avoidedRunRate)),
      ])
    }
    return .object([
      ("target_id", .string(s.targetID)), ("years", .array(years)),
      ("amount_tco2e", .num(s.amount)), ("progress", .num(s.progress)),
      ("remaining_tco2e", .num(s.remaining)),
      ("required_growth", .num(s.requiredGrowth)),
      ("projected_total_at_by_tco2e", .num(s.projectedTotalAtBy)),
      ("projected_year_reached", .fy(s.projectedYearReached)),
      (
        "by_entity",
        .array(
          s.byEntity.map {
            .object([("entity", .string($0.entity)), ("avoided_tco2e", .num($0.avoided))])
          })
      ),
      (
        "programs",
        .array(
          s.programs.map {
            .object([
              ("entity", .string($0.entity)), ("program", .string($0.program)),
              ("avoided_tco2e", .num($0.avoided)),
              ("events", .int($0.events)), ("participants", .int($0.participants)),
            ])
          })
      ),
      ("latest_fy", .fy(s.latestFY)), ("avoided_at_latest_tco2e", .num(s.avoidedAtLatest)),
      ("cumulative_at_latest_tco2e", .num(s.cumulativeAtLatest)),
      ("latest_growth", .num(s.latestGrowth)),
      ("event_rows_read", .int(s.eventRowsRead)),
      ("event_rows_rejected", .int(s.eventRowsRejected)),
    ])
  }
}
