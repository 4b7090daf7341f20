import CarbonText
import Foundation
import Testing

@testable import CarbonKit

@Suite struct FormatterTests {
  func parse(_ s: String) throws -> [String: Any] {
    let obj = try JSONSerialization.jsonObject(with: Data(s.utf8), options: [.fragmentsAllowed])
    return try #require(obj as? [String: Any])
  }

  @Test func jsonKeysAndNulls() throws {
    var d = opsDataset()
    d.organization.name = "Acme\u{1B}[31m\u{9B}\"q\""
    d.diagnostics = [Diagnostic(.error, file: "operations.csv", "missing")]
    let json = ReportFormatter.json(ReportBuilder.build(dataset: d, scenario: nil))
    #expect(!json.contains("nan") && !json.contains("inf"))
    #expect(json.contains("\\u001b[31m\\u009b\\\"q\\\""))
    let o = try parse(json)
    #expect(o["schema"] as? String == "carbontop.report/1")
    #expect(o["organization"] as? String == "Acme\u{1B}[31m\u{9B}\"q\"")
    #expect(o["latest_complete_fy"] as? String == "FY2024")
    #expect(o["in_progress_fy"] as? String == "FY2025")
    #expect(o["in_progress_through"] as? String == "2025-03")
    // Absent sections and values are null, never missing.
    #expect(o["value_chain"] is NSNull)
    #expect(o["scope3plus"] is NSNull)
    let scen = try #require(o["scenario"] as? [String: Any])
    #expect(scen["name"] is NSNull)
    let levers = try #require(scen["levers"] as? [String: Any])
    #expect(Set(levers.keys) == Set(Lever.allCases.map(\.rawValue)))
    let t = try #require((o["targets"] as? [[String: Any]])?.first)
    for k in [
      "id", "kind", "title", "entity", "baseline", "by", "latest_fy", "status", "gap", "outcome",
    ] {
      #expect(t[k] != nil, "target key \(k)")
    }
    #expect(t["status"] as? String == "behind")
    #expect(t["entity"] as? String == "*")
    let outcome = try #require(t["outcome"] as? [String: Any])
    #expect(Set(outcome.keys).isSuperset(of: ["projected_at_by", "met", "year_met", "shortfall"]))
    let op = try #require(o["operational"] as? [String: Any])
    for k in [
      "target_id", "years", "path_net_tco2e_at_latest", "required_cut_per_year_tco2e", "projection",
    ] {
      #expect(op[k] != nil, "operational key \(k)")
    }
    let years = try #require(op["years"] as? [[String: Any]])
    let yearKeys = [
      "fy", "complete", "scope1_tco2e", "scope2_location_tco2e", "scope2_market_tco2e",
      "scope1_2_tco2e", "gross_tco2e",
      "removals_tco2e", "offsets_tco2e", "net_tco2e", "abatement_tco2e", "clean_electricity_share",
      "pue",
    ]
    for y in years { for k in yearKeys { #expect(y[k] != nil, "year key \(k)") } }
    #expect(years[1]["net_tco2e"] is NSNull)
    #expect(years[0]["fy"] as? String == "FY2020")
    #expect((years[4]["net_tco2e"] as? NSNumber)?.doubleValue == 330)
    let diag = try #require((o["diagnostics"] as? [[String: Any]])?.first)
    #expect(diag["line"] is NSNull && diag["column"] is NSNull)
    #expect(diag["severity"] as? String == "error")
  }

  @Test func jsonSectionsKeys() throws {
    var d = intensityDataset()
    d.avoided = avoidedDataset().avoided
    d.organization.calendar = FiscalCalendar(endMonth: 12)
    d.targets.append(
      Target(id: "s3p", kind: .avoided, baseline: fy(2021), by: fy(2035), amountTCO2e: 1.5e9))
    let o = try parse(ReportFormatter.json(ReportBuilder.build(dataset: d, scenario: nil)))
    #expect(o["operational"] is NSNull)
    let vc = try #require(o["value_chain"] as? [String: Any])
    for k in [
      "target_id", "years", "baseline_intensity", "target_intensity", "path_intensity_at_latest",
      "required_annual_reduction", "implied_target_rate", "sbti_intensity_ok", "categories",
      "projection",
    ] { #expect(vc[k] != nil, "value_chain key \(k)") }
    let cat = try #require((vc["categories"] as? [[String: Any]])?.first)
    #expect(Set(cat.keys).isSuperset(of: ["category", "name", "tco2e", "share"]))
    let vy = try #require((vc["years"] as? [[String: Any]])?.first)
    #expect(
      Set(vy.keys).isSuperset(of: ["fy", "complete", "scope3_tco2e", "revenue", "intensity", "yoy"])
    )
    let s = try #require(o["scope3plus"] as? [String: Any])
    for k in [
      "target_id", "years", "amount_tco2e", "progress", "remaining_tco2e", "required_growth",
      "projected_total_at_by_tco2e", "projected_year_reached", "by_entity", "programs",
    ] { #expect(s[k] != nil, "scope3plus key \(k)") }
    let sy = try #require((s["years"] as? [[String: Any]])?.first)
    #expect(
      Set(sy.keys).isSuperset(of: [
        "fy", "complete", "avoided_tco2e", "cumulative_tco2e", "yoy", "verified_share",
      ]))
    let p = try #require((s["programs"] as? [[String: Any]])?.first)
    #expect(
      Set(p.keys).isSuperset(of: ["entity", "program", "avoided_tco2e", "events", "participants"]))
    #expect(p["events"] is NSNull)
  }

  @Test func jsonNumbers() {
    #expect(JSONValue.num(.nan).serialized(pretty: false) == "null")
    #expect(JSONValue.num(.infinity).serialized(pretty: false) == "null")
    #expect(JSONValue.num(1.5e9).serialized(pretty: false) == "1500000000")
    #expect(JSONValue.num(0.25).serialized(pretty: false) == "0.25")
    #expect(JSONValue.string("a\u{7F}\u{2028}").serialized(pretty: false) == "\"a\\u007f\\u2028\"")
    // Bidi overrides, isolates and marks are escaped too (issue 11, item 6): U+202E (RLO),
    // U+2066 (LRI), U+200F (RLM); ESC and C1 CSI as before.
    #expect(
      JSONValue.string("\u{202E}x\u{2066}\u{200F}\u{1B}]52;c;\u{9B}").serialized(pretty: false)
        == "\"\\u202ex\\u2066\\u200f\\u001b]52;c;\\u009b\"")
  }

  @Test func textAndMarkdown() {
    var d = opsDataset()
    d.organization.name = "Ev\u{1B}il"
    let r = ReportBuilder.build(dataset: d, scenario: nil)
    let text = ReportFormatter.text(r)
    #expect(text.contains("BEHIND"))
    #expect(text.contains("Ev\u{FFFD}il"))
    #expect(!text.contains("\u{1B}"))
    #expect(text.contains("50.0%"))  // clean share FY2024
    let md = ReportFormatter.markdown(r)
    #expect(md.hasPrefix("# carbontop report"))
    #expect(md.contains("| FY |"))
    let words = [TargetStatus.achieved, .onTrack, .behind, .noData].map(\.word)
    #expect(words == ["ACHIEVED", "ON TRACK", "BEHIND", "NO DATA"])
  }

  @Test func csvBlocks() {
    var d = opsDataset()
    d.targets[0].id = "ops"
    d.targets.append(
      Target(
        id: "v,c", kind: .intensity, scopes: [.three], baseline: fy(2020), by: fy(2030),
        reduction: 0.5))
    let csv = ReportFormatter.csv(ReportBuilder.build(dataset: d, scenario: nil))
    let blocks = csv.components(separatedBy: "\r\n\r\n")
    #expect(blocks.count == 2)
    #expect(blocks[0].hasPrefix("section,target_id,fy,complete,scope1_tco2e,"))
    #expect(csv.contains("operational,ops,FY2024,true,90,"))
    #expect(csv.contains("value_chain,\"v,c\",FY2020,true,,,,"))
    #expect(ReportFormatter.csvField("a\"b") == "\"a\"\"b\"")
  }

  @Test func units() {
    #expect(Units.tonnes(4_450_000) == "4.45 Mt")
    #expect(Units.tonnes(59_208_000) == "59.2 Mt")
    #expect(Units.tonnes(115_455_000) == "115.5 Mt")
    #expect(Units.tonnes(1.5e9) == "1.50 Gt")
    #expect(Units.tonnes(12_500) == "12.5 kt")
    #expect(Units.tonnes(850) == "850 t")
    #expect(Units.tonnes(nil) == "-")
    #expect(Units.tonnes(-2_530_000) == "-2.53 Mt")
    #expect(Units.percent(0.39) == "39.0%")
    #expect(Units.percent(0.4554502990352296, signed: true) == "+45.5%")
    #expect(Units.percent(-0.07, signed: true) == "-7.0%")
    #expect(Units.percent(.nan) == "-")
    #expect(Units.number(941_168) == "941,168")
    #expect(Units.number(-1234.5, decimals: 1) == "-1,234.5")
  }

  @Test func sanitize() {
    #expect(Sanitize.text("plain é 中") == "plain é 中")
    #expect(Sanitize.text("a\u{1B}[31mb") == "a\u{FFFD}[31mb")
    #expect(Sanitize.text("x\u{9B}y\u{7F}\t\n") == "x\u{FFFD}y\u{FFFD}\u{FFFD}\u{FFFD}")
    #expect(Sanitize.text("\u{202E}abc") == "\u{FFFD}abc")
  }

  /// Output for a terminal keeps its line feeds and tabs, nothing else that could act.
  @Test func sanitizeLines() {
    #expect(Sanitize.lines("a,b\n\tc\n") == "a,b\n\tc\n")
    #expect(
      Sanitize.lines("E\u{1B}]52;c;aGk=\u{7}\r\u{9B}2J\u{202E}x\n")
        == "E\u{FFFD}]52;c;aGk=\u{FFFD}\u{FFFD}\u{FFFD}2J\u{FFFD}x\n")
    #expect(Sanitize.text("a\u{200E}b\u{61C}") == "a\u{FFFD}b\u{FFFD}")
  }
}
