import CarbonData
import CarbonKit
import Testing

/// The remaining diagnostics of docs/data-format.md, each with its exact text.
@Suite struct MoreDiagnosticsTests {
  @Test func csvOddities() {
    let d = TempDataset()
    d.write("dataset.toml", minimalTOML)
    d.write("revenue.csv", "period,en\"tity,revenue\nFY2023,A,1\n")
    d.write("operations.csv", "period,entity\n,A\n")
    d.write("avoided.csv", "period,entity,program,avoided_tco2e\nFY2024,A,P,1\n2024-01,A,P,1\n")
    #expect(
      d.load().lines == [
        "operations.csv:2:1: error: period: must not be empty",
        "revenue.csv:1:2: error: header: quote inside an unquoted field; no data",
        #"avoided.csv:3:1: error: double counting: FY2024, entity "A", program "P" is already given by an annual row at line 2; row left out"#,
      ])
  }

  @Test func tomlShapes() {
    let d = TempDataset()
    d.write("dataset.toml", "organization = \"Acme\"\ntarget = [1]\n")
    #expect(
      d.load().lines == [
        "dataset.toml:1:16: error: organization: expected a table, found string",
        "dataset.toml:2:10: error: target #1: expected a table ([[target]]), found integer",
      ])
    let e = TempDataset()
    e.write(
      "dataset.toml",
      "[organization]\nname = \"\"\n[[target]]\nid = \"x\"\ntitle = 5\nkind = \"intensity\"\nscopes = \"3\"\nreduction = \"half\"\nbaseline = \"FY2021\"\nby = \"FY2030\"\n"
    )
    #expect(
      e.load().lines == [
        "dataset.toml:2:1: error: name: must not be empty",
        #"dataset.toml:5:1: error: target "x": title: expected a string, found integer"#,
        #"dataset.toml:7:1: error: target "x": scopes: expected an array of "1", "2", "3", found string"#,
        #"dataset.toml:8:1: error: target "x": reduction: expected a number, found "half"; write a fraction such as 0.5 (for 50%)"#,
      ])
  }

  @Test func tomlSyntaxMessage() throws {
    let d = TempDataset()
    d.write("dataset.toml", "[organization]\nname = \"Acme\n")
    let diag = try #require(d.load().diagnostics.first)
    // `name = "Acme` ends at column 12: the line ends (column 13) inside the string.
    #expect(
      diag.description
        == #"dataset.toml:2:13: error: unterminated string: expected '"' before the end of the line"#
    )
  }

  @Test func scenarioShapes() {
    let d = TempDataset()
    d.write("s.toml", "name = 5\ndescription = 1\nlevers = 3\n")
    let (s, diags) = ScenarioFile.load(path: d.path + "/s.toml", name: "scenarios/s.toml")
    #expect(
      diags.map(\.description) == [
        "scenarios/s.toml:1:1: error: name: expected a non-empty string, found integer",
        "scenarios/s.toml:2:1: error: description: expected a string, found integer",
        "scenarios/s.toml:3:1: error: levers: expected a table ([levers]), found integer",
      ])
    #expect(s == Scenario(name: "s"))
    d.write("n.toml", "name = \"n\"\n[levers]\nrevenue_growth = nan\n")
    #expect(
      ScenarioFile.load(path: d.path + "/n.toml", name: "scenarios/n.toml").1.map(\.description)
        == [
          "scenarios/n.toml:3:1: error: revenue_growth: expected a finite number, found nan"
        ])
  }
}
