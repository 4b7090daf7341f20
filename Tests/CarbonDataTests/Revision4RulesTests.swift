import CarbonData
import CarbonKit
import Testing

/// dataset.toml and activity.csv rules of DATA.md "Revision 4": every new diagnostic at its
/// file:line:column with its message.
@Suite struct Revision4RulesTests {
  @Test func newKindsParse() throws {
    let d = TempDataset()
    d.write(
      "dataset.toml",
      """
      [organization]
      name = "Acme"

      [[target]]
      id = "abs"
      kind = "absolute"
      scopes = ["2", "1"]
      reduction = 0.42
      baseline = "FY2020"
      by = "FY2030"
      milestones = [{ fy = "FY2027", reduction = 0.3 }, { fy = "FY2025", reduction = 0.21 }]

      [[target]]
      id = "nz"
      kind = "net_zero"
      scopes = ["1", "2", "3"]
      reduction = 0.9
      baseline = "FY2020"
      by = "FY2050"

      [[target]]
      id = "re100"
      kind = "share"
      share = 1.0
      entity = "Cloud"
      baseline = "FY2021"
      by = "FY2030"
      milestones = [{ fy = "FY2025", share = 0.6 }]

      [[target]]
      id = "steel"
      kind = "intensity"
      scopes = ["1", "2"]
      per = "steel_t"
      per_unit = "t of steel"
      reduction = 0.3
      baseline = "FY2021"
      by = "FY2030"

      [[target]]
      id = "ops"
      kind = "neutrality"
      scopes = ["1", "2"]
      removals = false
      baseline = "FY2021"
      by = "FY2025"

      [[target]]
      id = "av"
      kind = "avoided"
      amount_tco2e = 1e6
      from = "FY2021"
      by = "FY2030"
      milestones = [{ fy = "FY2025", amount_tco2e = 4e5 }]

      """)
    d.write("activity.csv", "period,entity,metric,value\nFY2021,A,steel_t,100\n")
    let loaded = d.load()
    #expect(loaded.lines == [])
    let ts = try #require(loaded.dataset).targets
    #expect(ts.map(\.kind) == [.absolute, .netZero, .share, .intensity, .neutrality, .avoided])
    #expect(ts[0].scopes == [.one, .two] && ts[0].reduction == 0.42)
    #expect(
      ts[0].milestones == [
        Milestone(fy: FiscalYear(2025), value: 0.21), Milestone(fy: FiscalYear(2027), value: 0.3),
      ])
    #expect(ts[2].share == 1.0 && ts[2].entity == "Cloud" && ts[2].scopes.isEmpty)
    #expect(ts[3].per == "steel_t" && ts[3].perUnit == "t of steel")
    #expect(ts[4].removals == false && ts[4].offsets == true)
    #expect(ts[5].milestones == [Milestone(fy: FiscalYear(2025), value: 4e5)])
    #expect(try #require(loaded.dataset).activity?.count == 1)
  }

  /// Bad milestones are errors at the `{` of their inline table and only that milestone is left
  /// out; `share` out of range, a bad `per` and an unknown kind leave the target out; a `per`
  /// without activity rows and a failed SBTi check are warnings.
  @Test func diagnostics() throws {
    let d = TempDataset()
    d.write(
      "dataset.toml",
      """
      [organization]
      name = "Acme"

      [[target]]
      id = "abs"
      kind = "absolute"
      scopes = ["1", "2"]
      reduction = 0.3
      baseline = "FY2020"
      by = "FY2030"
      milestones = [{ fy = "FY2020", reduction = 0.1 }, { fy = "FY2025", reduction = 1.5 }, { fy = "FY2025", reduction = 0.2 }, { fy = "FY2025", reduction = 0.25 }, { fy = "2026", reduction = 0.2 }, { fy = "FY2027" }, 5]

      [[target]]
      id = "re"
      kind = "share"
      share = 1.2
      baseline = "FY2021"
      by = "FY2030"

      [[target]]
      id = "steel"
      kind = "intensity"
      scopes = ["1"]
      per = "Steel-t"
      reduction = 0.3
      baseline = "FY2021"
      by = "FY2030"

      [[target]]
      id = "floor"
      kind = "intensity"
      scopes = ["1"]
      per = "floor_m2"
      reduction = 0.3
      baseline = "FY2021"
      by = "FY2030"

      [[target]]
      id = "nz"
      kind = "net_zero"
      scopes = ["1"]
      reduction = 0.8
      baseline = "FY2021"
      by = "FY2060"

      [[target]]
      id = "odd"
      kind = "netzero"
      scopes = ["1"]
      baseline = "FY2021"
      by = "FY2060"

      [[target]]
      id = "av"
      kind = "avoided"
      amount_tco2e = 10
      from = "FY2021"
      by = "FY2030"
      milestones = [{ fy = "FY2025", amount_tco2e = 0, note = "x" }, { fy = "FY2026", reduction = 0.5 }]

      """)
    let loaded = d.load()
    let lines = loaded.lines
    #expect(
      lines.contains(
        #"dataset.toml:6:1: warning: target "abs": 3.0%/yr linear is below SBTi's 4.2%/yr minimum for Scope 1 and 2"#
      ))
    #expect(
      lines.contains(
        #"dataset.toml:11:15: error: target "abs": milestone #1: fy (FY2020) must lie strictly between baseline (FY2020) and by (FY2030)"#
      ))
    #expect(
      lines.contains(
        #"dataset.toml:11:51: error: target "abs": milestone #2: reduction: expected a fraction in (0, 1], found 1.5"#
      ))
    #expect(
      lines.contains(
        #"dataset.toml:11:123: error: target "abs": milestone #4: fy (FY2025) is given twice"#))
    #expect(
      lines.contains(
        #"dataset.toml:11:160: error: target "abs": milestone #5: fy: expected a fiscal year like "FY2025", found "2026""#
      ))
    #expect(
      lines.contains(
        #"dataset.toml:11:194: error: target "abs": milestone #6: missing required key "reduction" (a milestone of kind "absolute")"#
      ))
    #expect(
      lines.contains(
        #"dataset.toml:11:14: error: target "abs": milestone #7: expected an inline table like { fy = "FY2025", reduction = ... }, found integer"#
      ))
    #expect(
      lines.contains(
        #"dataset.toml:16:1: error: target "re": share: expected a fraction in (0, 1], found 1.2"#))
    #expect(
      lines.contains(
        #"dataset.toml:24:1: error: target "steel": per: expected lowercase letters, digits and "_" (a metric of activity.csv, or "revenue"), found "Steel-t""#
      ))
    #expect(
      lines.contains(
        #"dataset.toml:33:1: warning: target "floor": no activity rows for metric "floor_m2" (no activity.csv); its figures are null"#
      ))
    #expect(
      lines.contains(
        #"dataset.toml:40:1: warning: target "nz": net zero by FY2060 with a 80.0% cut: SBTi asks for at least a 90.0% cut by FY2050"#
      ))
    #expect(
      lines.contains(
        #"dataset.toml:48:1: error: target "odd": kind: expected one of "neutrality", "intensity", "avoided", "absolute", "net_zero" or "share", found "netzero"; did you mean "net_zero"?"#
      ))
    #expect(
      lines.contains(
        #"dataset.toml:59:15: error: target "av": milestone #1: amount_tco2e: expected a number above 0, found 0"#
      ))
    #expect(
      lines.contains(
        #"dataset.toml:59:50: warning: target "av": milestone #1: unknown key "note" (ignored)"#))
    #expect(
      lines.contains(
        #"dataset.toml:59:64: error: target "av": milestone #2: missing required key "amount_tco2e" (a milestone of kind "avoided")"#
      ))
    let ds = try #require(loaded.dataset)
    // abs keeps its one valid milestone; re, steel and odd are left out.
    #expect(ds.targets.map(\.id) == ["abs", "floor", "nz", "av"])
    #expect(ds.targets[0].milestones == [Milestone(fy: FiscalYear(2025), value: 0.2)])
    #expect(ds.targets[3].milestones.isEmpty)
  }

  /// activity.csv: an empty metric is an error; an annual row after sub-annual rows of the same
  /// entity, fiscal year and metric is double counting; activity.csv sorts after avoided.csv.
  @Test func activityTable() throws {
    let d = TempDataset()
    d.write("dataset.toml", "[organization]\nname = \"Acme\"\n")
    d.write(
      "activity.csv",
      "period,entity,metric,value\n2024-01,A,steel_t,5\n2024-02,A,steel_t,6\n,A,x,1\nFY2024,A,,3\nFY2024,A,steel_t,9\nFY2024,A,floor_m2,x\n"
    )
    d.write("avoided.csv", "period,entity,program,avoided_tco2e\nFY2024,A,p,-1\n")
    let lines = d.load().lines
    #expect(lines.count == 5)
    #expect(lines[0].hasPrefix("avoided.csv:2:4: error"))
    #expect(lines[1].hasPrefix("activity.csv:4:1: error"))
    #expect(lines[2].hasPrefix("activity.csv:5:3: error"))
    #expect(
      lines[3]
        == "activity.csv:6:1: error: double counting: FY2024, entity \"A\", metric \"steel_t\" is already given by sub-annual rows from line 2; row left out"
    )
    #expect(lines[4].hasPrefix("activity.csv:7:4: error"))
  }
}
