import CarbonData
import CarbonKit
import Testing

/// dataset.toml rules beyond the fixture: organization problems, types, locations with indentation.
@Suite struct TOMLRulesTests {
  @Test func typesKindsAndLocations() throws {
    let d = TempDataset()
    d.write(
      "dataset.toml",
      """
      organisation = "typo"
      [organization]
      name = "Acme"
        currency = 5

      [[target]]
      id = "i"
      kind = "intensity"
      scopes = ["3", "4"]
      baseline = "FY2021"
      by = "FY2030"

      [[target]]
      id = "n"
      kind = "neutrality"
      scopes = ["1"]
      scope2_basis = "mixed"
      offsets = "yes"
      entity = ""
      baseline = 2021
      by = "FY2030"
      amount_tco2e = 5

      [[target]]
      id = "good"
      title = "Entity target"
      kind = "intensity"
      scopes = ["3", "1", "3"]
      scope2_basis = "location"
      reduction = 1
      entity = "Cloud"
      baseline = "FY2021"
      by = "FY2022"

      """)
    let loaded = d.load()
    #expect(
      loaded.lines == [
        #"dataset.toml:1:1: warning: unknown key "organisation" (ignored); did you mean "organization"?"#,
        "dataset.toml:4:3: error: currency: expected a string, found integer",
        #"dataset.toml:6:1: error: target "i": missing required key "reduction""#,
        #"dataset.toml:9:1: error: target "i": scopes: expected "1", "2" or "3", found "4""#,
        #"dataset.toml:17:1: error: target "n": scope2_basis: expected "market" or "location", found "mixed""#,
        #"dataset.toml:18:1: error: target "n": offsets: expected true or false, found string"#,
        #"dataset.toml:19:1: error: target "n": entity: must not be empty ("*" means all entities)"#,
        #"dataset.toml:20:1: error: target "n": baseline: expected a fiscal year like "FY2030", found integer; fiscal years are FYnnnn, named after the calendar year they end in (e.g. "FY2021")"#,
        #"dataset.toml:22:1: warning: target "n": key "amount_tco2e" does not apply to a neutrality target (ignored); it belongs to avoided targets; this target aims at net emissions of zero by `by`, on a straight path from the baseline"#,
      ])
    let ds = try #require(loaded.dataset)
    #expect(ds.organization.currency == nil)
    #expect(
      ds.targets == [
        Target(
          id: "good", title: "Entity target", kind: .intensity, scopes: [.one, .three],
          scope2Basis: .location,
          offsets: true, entity: "Cloud", baseline: FiscalYear(2021), by: FiscalYear(2022),
          reduction: 1, line: 24)
      ])
  }

  @Test func unusableOrganization() {
    let d = TempDataset()
    d.write(
      "dataset.toml",
      "[organization]\nname = 5\nfiscal_year_end = \"03-30\"\n[target]\nid = \"x\"\n")
    let loaded = d.load()
    #expect(
      loaded.lines == [
        "dataset.toml:2:1: error: name: expected a string, found integer",
        #"dataset.toml:3:1: error: fiscal_year_end: expected MM-DD, the last day of a month (e.g. "03-31"), found "03-30""#,
        "dataset.toml:4:1: error: target: expected an array of tables ([[target]]), found table",
      ])
    #expect(loaded.dataset == nil)

    let e = TempDataset()
    e.write("dataset.toml", "[organization]\ncurrency = \"CNY\"\n")
    #expect(e.load().lines == ["dataset.toml:1:1: error: [organization] name is required"])
    #expect(e.load().dataset == nil)
  }

  @Test func organizationFields() throws {
    let d = TempDataset()
    d.write(
      "dataset.toml",
      "[organization]\nname = \"Acme\"\nfiscal_year_end = \"02-29\"\ncurrency = \"CNY\"\nrevenue_unit = \"million CNY\"\n"
    )
    let loaded = d.load()
    #expect(loaded.lines == [])
    #expect(
      loaded.dataset?.organization
        == Organization(
          name: "Acme", calendar: FiscalCalendar(endMonth: 2), currency: "CNY",
          revenueUnit: "million CNY"))
  }
}
