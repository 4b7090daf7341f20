import CarbonText

extension ReportFormatter {
  // MARK: - CSV

  /// The per-year tables of the three sections, one block each (RFC 4180, CRLF line ends).
  public static func csv(_ r: Report) -> String {
    var blocks: [[[String]]] = []
    func n(_ d: Double?) -> String {
      guard let d, d.isFinite else { return "" }
      return JSONValue.num(d).serialized(pretty: false)
    }
    func b(_ x: Bool) -> String { x ? "true" : "false" }
    if let o = r.operational {
      var rows = [
        [
          "section", "target_id", "fy", "complete", "scope1_tco2e", "scope2_location_tco2e",
          "scope2_market_tco2e",
          "scope1_2_tco2e", "gross_tco2e", "removals_tco2e", "offsets_tco2e", "net_tco2e",
          "abatement_tco2e",
          "clean_electricity_share", "pue",
        ]
      ]
      for y in o.years {
        rows.append([
          "operational", o.targetID, y.fy.description, b(y.complete), n(y.scope1),
          n(y.scope2Location), n(y.scope2Market),
          n(y.scope12), n(y.gross), n(y.removals), n(y.offsets), n(y.net), n(y.abatement),
          n(y.cleanElectricityShare), n(y.pue),
        ])
      }
      blocks.append(rows)
    }
    if let v = r.valueChain {
      var rows = [
        ["section", "target_id", "fy", "complete", "scope3_tco2e", "revenue", "intensity", "yoy"]
      ]
      for y in v.years {
        rows.append([
          "value_chain", v.targetID, y.fy.description, b(y.complete), n(y.scope3), n(y.revenue),
          n(y.intensity), n(y.yoy),
        ])
      }
      blocks.append(rows)
      var cats = [["section", "target_id", "fy", "complete", "category", "name", "tco2e"]]
      for y in v.years {
        for (i, t) in y.categories.enumerated() where t != nil {
          cats.append([
            "value_chain_category", v.targetID, y.fy.description, b(y.complete), String(i + 1),
            Scope3Category.name(i + 1), n(t),
          ])
        }
      }
      if cats.count > 1 { blocks.append(cats) }
    }
    if let a = r.scope3plus {
      var rows = [
        [
          "section", "target_id", "fy", "complete", "avoided_tco2e", "cumulative_tco2e", "yoy",
          "verified_share",
        ]
      ]
      for y in a.years {
        rows.append([
          "scope3plus", a.targetID, y.fy.description, b(y.complete), n(y.avoided), n(y.cumulative),
          n(y.yoy), n(y.verifiedShare),
        ])
      }
      blocks.append(rows)
    }
    return blocks.map { rows in
      rows.map { $0.map(csvField).joined(separator: ",") + "\r\n" }.joined()
    }.joined(separator: "\r\n")
  }

  /// One RFC 4180 field: control characters replaced, quoted when it holds a comma, quote,
  /// or starts or ends with a space.
  static func csvField(_ raw: String) -> String {
    let f = Sanitize.text(raw)
    if f.contains(where: { $0 == "," || $0 == "\"" }) || f.hasPrefix(" ") || f.hasSuffix(" ") {
      return "\"" + f.replacing("\"", with: "\"\"") + "\""
    }
    return f
  }
}
