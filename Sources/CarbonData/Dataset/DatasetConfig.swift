import CarbonKit
import CarbonTOML

/// dataset.toml: `[organization]` and the `[[target]]` list, validated by every rule of docs/data-format.md.
enum DatasetConfig {
  static let file = "dataset.toml"
  static let organizationKeys = ["name", "fiscal_year_end", "currency", "revenue_unit"]
  static let commonTargetKeys = ["id", "title", "kind", "entity"]
  static let kindKeys: [TargetKind: [String]] = [
    .neutrality: ["scopes", "scope2_basis", "offsets", "baseline", "by"],
    .intensity: ["scopes", "scope2_basis", "reduction", "baseline", "by"],
    .avoided: ["amount_tco2e", "from", "by"],
  ]
  static let requiredKeys: [TargetKind: [String]] = [
    .neutrality: ["scopes", "baseline", "by"],
    .intensity: ["scopes", "reduction", "baseline", "by"],
    .avoided: ["amount_tco2e", "from", "by"],
  ]

  /// The organization and the valid targets; nil when dataset.toml is unusable (a syntax error,
  /// no `[organization] name`, a bad `fiscal_year_end`). Problems go into `diags`.
  static func parse(_ bytes: [UInt8], diags: inout [Diagnostic]) -> (Organization, [Target])? {
    guard let root = TOMLSource.parse(bytes, file: file, diags: &diags) else { return nil }
    func diag(_ s: Diagnostic.Severity, _ p: TOMLPosition?, _ m: String) {
      diags.append(Diagnostic(s, file: file, line: p?.line, column: p?.column, m))
    }
    for k in root.keys where k != "organization" && k != "target" {
      var m = "unknown key \(DisplayText.quoted(k)) (ignored)"
      if let near = NameSuggestion.closest(to: k, among: ["organization", "target"]) {
        m += "; did you mean \"\(near)\"?"
      }
      diag(.warning, root.position(of: k), m)
    }

    // [organization]
    var organization: Organization?
    if let orgValue = root["organization"] {
      if let org = orgValue.table {
        let at = { (k: String) in org.position(of: k) ?? org.position }
        for k in org.keys where !organizationKeys.contains(k) {
          var m = "unknown key \(DisplayText.quoted(k)) in [organization] (ignored)"
          if let near = NameSuggestion.closest(to: k, among: organizationKeys) {
            m += "; did you mean \"\(near)\"?"
          }
          diag(.warning, at(k), m)
        }
        var usable = true
        var name: String?
        if let v = org["name"] {
          if let s = v.string {
            if s.isEmpty {
              diag(.error, at("name"), "name: must not be empty")
              usable = false
            } else {
              name = s
            }
          } else {
            diag(.error, at("name"), "name: expected a string, found \(v.typeName)")
            usable = false
          }
        } else {
          diag(
            .error, org.position,
            "[organization] name is required")
          usable = false
        }
        var calendar = FiscalCalendar()
        if let v = org["fiscal_year_end"] {
          if let s = v.string, let c = FiscalCalendar(fiscalYearEnd: s) {
            calendar = c
          } else {
            let found = v.string.map { DisplayText.quoted($0) } ?? v.typeName
            diag(
              .error, at("fiscal_year_end"),
              "fiscal_year_end: expected MM-DD, the last day of a month (e.g. \"03-31\"), found \(found)"
            )
            usable = false
          }
        }
        func optionalString(_ k: String) -> String? {
          guard let v = org[k] else { return nil }
          if let s = v.string { return s }
          diag(.error, at(k), "\(k): expected a string, found \(v.typeName)")
          return nil
        }
        let currency = optionalString("currency")
        let unit = optionalString("revenue_unit")
        if usable, let name {
          organization = Organization(
            name: name, calendar: calendar, currency: currency, revenueUnit: unit)
        }
      } else {
        diag(
          .error, root.valuePosition(of: "organization"),
          "organization: expected a table, found \(orgValue.typeName)")
      }
    } else {
      diags.append(
        Diagnostic(.error, file: file, "missing [organization] table (with at least name)"))
    }

    // [[target]]
    var targets: [Target] = []
    if let tv = root["target"] {
      if let list = tv.array {
        var ids: [String: Int] = [:]
        for i in 0..<list.count {
          let element = list[i]
          guard let t = element.table else {
            diag(
              .error, root.valuePosition(of: "target"),
              "target #\(i + 1): expected a table ([[target]]), found \(element.typeName)"
            )
            continue
          }
          if let target = parseTarget(t, index: i, ids: &ids, diags: &diags) {
            targets.append(target)
          }
        }
      } else {
        diag(
          .error, root.valuePosition(of: "target"),
          "target: expected an array of tables ([[target]]), found \(tv.typeName)")
      }
    }
    guard let organization else { return nil }
    return (organization, targets)
  }

  private static func parseTarget(
    _ t: TOMLTable, index i: Int, ids: inout [String: Int],
    diags: inout [Diagnostic]
  ) -> Target? {
    let file = self.file
    let header = t.position
    let at = { (k: String) in t.position(of: k) ?? t.position }
    var ok = true
    var prefix = "target #\(i + 1): "
    func diag(_ s: Diagnostic.Severity, _ p: TOMLPosition?, _ m: String) {
      if s == .error { ok = false }
      diags.append(Diagnostic(s, file: file, line: p?.line, column: p?.column, prefix + m))
    }
    func string(_ k: String) -> String? {
      guard let v = t[k] else { return nil }
      if let s = v.string { return s }
      diag(.error, at(k), "\(k): expected a string, found \(v.typeName)")
      return nil
    }

    // id
    var id: String?
    if t["id"] != nil, let s = string("id") {
      let valid =
        !s.isEmpty
        && s.utf8.allSatisfy {
          ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D
        }
      if valid {
        id = s
        prefix = "target \"\(s)\": "
        if let first = ids[s] {
          diag(.error, at("id"), "duplicate id (first at line \(first))")
        } else {
          ids[s] = at("id").line
        }
      } else {
        diag(
          .error, at("id"),
          "id: expected lowercase letters, digits and \"-\", found \(DisplayText.quoted(s))")
      }
    } else if t["id"] == nil {
      diag(.error, header, "missing required key \"id\"")
    }

    // kind
    var kind: TargetKind?
    if t["kind"] == nil {
      diag(.error, header, "missing required key \"kind\"")
    } else if let s = string("kind") {
      kind = TargetKind(rawValue: s)
      if kind == nil {
        diag(
          .error, at("kind"),
          "kind: expected one of \(TargetKind.listed), found \(DisplayText.quoted(s))")
      }
    }

    // unknown keys
    let allKeys =
      commonTargetKeys + [
        "scopes", "scope2_basis", "offsets", "baseline", "by", "reduction", "amount_tco2e", "from",
      ]
    for k in t.keys {
      if !allKeys.contains(k) {
        var m = "unknown key \(DisplayText.quoted(k)) (ignored)"
        let candidates = commonTargetKeys + (kind.flatMap { kindKeys[$0] } ?? [])
        if let near = NameSuggestion.closest(to: k, among: candidates) {
          m += "; did you mean \"\(near)\"?"
        }
        diag(.warning, at(k), m)
      } else if let kind, !commonTargetKeys.contains(k), !(kindKeys[kind] ?? []).contains(k) {
        diag(.warning, at(k), DiagnosticHints.otherKindKey(k, kind: kind, kindKeys: kindKeys))
      }
    }

    let title = string("title")
    var entity: String?
    if let e = string("entity") {
      if e.isEmpty {
        diag(.error, at("entity"), "entity: must not be empty (\"*\" means all entities)")
      } else if e != "*" {
        entity = e
      }
    }
    guard let kind else { return nil }
    for k in requiredKeys[kind] ?? [] where t[k] == nil {
      diag(.error, header, "missing required key \"\(k)\"")
    }

    func fiscalYear(_ k: String) -> FiscalYear? {
      guard let v = t[k] else { return nil }
      if let s = v.string, let fy = FiscalYear(parsing: s) { return fy }
      let found = v.string.map { DisplayText.quoted($0) } ?? v.typeName
      diag(
        .error, at(k),
        "\(k): expected a fiscal year like \"FY2030\", found \(found)"
          + DiagnosticHints.fiscalYear(v.string ?? v.number.map { DisplayText.number($0) }))
      return nil
    }
    func number(_ k: String) -> Double? {
      guard let v = t[k] else { return nil }
      if let d = v.number { return d }
      diag(
        .error, at(k),
        "\(k): expected a number, found "
          + (v.string.map { DisplayText.quoted($0) } ?? v.typeName)
          + (k == "reduction" ? DiagnosticHints.fraction(text: v.string) : ""))
      return nil
    }

    var scopes: [Scope] = []
    var basis = Scope2Basis.market
    var offsets = true
    var reduction: Double?
    var amount: Double?
    var baseline: FiscalYear?
    let by = fiscalYear("by")
    if kind == .avoided {
      baseline = fiscalYear("from")
      if let a = number("amount_tco2e"), !(a > 0 && a.isFinite) {
        diag(
          .error, at("amount_tco2e"),
          "amount_tco2e: expected a number above 0, found \(DisplayText.number(a))")
      } else {
        amount = t["amount_tco2e"]?.number
      }
      if let b = baseline, let by, by < b {
        diag(.error, at("by"), "by (\(by)) must not be before from (\(b))")
      }
    } else {
      baseline = fiscalYear("baseline")
      if let v = t["scopes"] {
        if let list = v.array {
          if list.isEmpty { diag(.error, at("scopes"), "scopes: must not be empty") }
          for k in 0..<list.count {
            let e = list[k]
            guard let s = e.string else {
              diag(
                .error, at("scopes"),
                "scopes: expected strings \"1\", \"2\" or \"3\", found \(e.typeName)")
              break
            }
            guard let sc = Scope(rawValue: s) else {
              diag(
                .error, at("scopes"),
                "scopes: expected \"1\", \"2\" or \"3\", found \(DisplayText.quoted(s))")
              break
            }
            if !scopes.contains(sc) { scopes.append(sc) }
          }
          scopes.sort()
        } else {
          diag(
            .error, at("scopes"),
            "scopes: expected an array of \"1\", \"2\", \"3\", found \(v.typeName)")
        }
      }
      if let s = string("scope2_basis") {
        if let b = Scope2Basis(rawValue: s) {
          basis = b
        } else {
          diag(
            .error, at("scope2_basis"),
            "scope2_basis: expected \"market\" or \"location\", found \(DisplayText.quoted(s))")
        }
      }
      if kind == .neutrality, let v = t["offsets"] {
        if let b = v.bool {
          offsets = b
        } else {
          diag(
            .error, at("offsets"),
            "offsets: expected true or false, found \(v.typeName)")
        }
      }
      if kind == .intensity, let r = number("reduction") {
        if r > 0 && r <= 1 {
          reduction = r
        } else {
          diag(
            .error, at("reduction"),
            "reduction: expected a fraction in (0, 1], found \(DisplayText.number(r))"
              + DiagnosticHints.fraction(number: r))
        }
      }
      if let b = baseline, let by, by <= b {
        diag(.error, at("by"), "by (\(by)) must be after baseline (\(b))")
      }
    }
    guard ok, let id, let baseline, let by else { return nil }
    return Target(
      id: id, title: title, kind: kind, scopes: scopes, scope2Basis: basis, offsets: offsets,
      entity: entity,
      baseline: baseline, by: by, reduction: reduction, amountTCO2e: amount, line: header.line)
  }
}
