import CarbonData
import CarbonKit
import Foundation
import Testing

@Suite struct ScenarioFileTests {
  @Test func saveAndLoadRoundTrip() throws {
    let d = TempDataset()
    let s = Scenario(
      name: "low-carbon_2.v1", description: "Quote \" back\\slash\nnew line\u{1}",
      levers: [
        .scope1Change: -0.05, .removalsPerYear: 1000, .cleanShareTarget: 0.9, .avoidedGrowth: 1e-5,
        .revenueGrowth: 0.1,
      ])
    let path = try ScenarioFile.save(s, datasetFolder: d.path)
    #expect(path == d.path + "/scenarios/low-carbon_2.v1.toml")
    let (loaded, diags) = ScenarioFile.load(path: path, name: "scenarios/low-carbon_2.v1.toml")
    #expect(diags == [])
    #expect(loaded == s)
    // Atomic save leaves no temporary file behind.
    #expect(try FileManagerList.names(d.path + "/scenarios") == ["low-carbon_2.v1.toml"])
    #expect(ScenarioFile.list(datasetFolder: d.path) == ["low-carbon_2.v1"])

    // Saving again replaces the file only when asked to, and keeps its description.
    let t = Scenario(name: s.name, levers: [.offsetsPerYear: 5])
    #expect(throws: ScenarioFileError.exists(s.name)) {
      try ScenarioFile.save(t, datasetFolder: d.path)
    }
    #expect(ScenarioFile.load(path: path, name: "x").0 == s)
    _ = try ScenarioFile.save(t, datasetFolder: d.path, replace: true)
    var kept = t
    kept.description = s.description
    #expect(ScenarioFile.load(path: path, name: "x").0 == kept)
    #expect(try FileManagerList.names(d.path + "/scenarios") == ["low-carbon_2.v1.toml"])
    // A description of its own (edited) replaces the old one.
    let u = Scenario(name: s.name, description: "edited", levers: [:])
    _ = try ScenarioFile.save(u, datasetFolder: d.path, replace: true)
    #expect(ScenarioFile.load(path: path, name: "x").0 == u)
    #expect(ScenarioFileError.exists("a").description == "scenarios/a.toml exists")
  }

  /// A `scenarios/` that is a symbolic link out of the dataset is refused: nothing is written
  /// there. A link that stays inside the dataset is fine.
  @Test func symlinkedScenariosFolderOutsideTheDataset() throws {
    let d = TempDataset()
    let outside = TempDataset()
    d.symlink("scenarios", to: outside.path)
    #expect(throws: ScenarioFileError.self) {
      try ScenarioFile.save(Scenario(name: "x"), datasetFolder: d.path)
    }
    do {
      _ = try ScenarioFile.save(Scenario(name: "x"), datasetFolder: d.path)
    } catch {
      #expect("\(error)".hasPrefix("scenarios/ leads outside the dataset (to /"))
    }
    #expect(try FileManagerList.names(outside.path) == [])

    let e = TempDataset()
    e.mkdir("kept")
    e.symlink("scenarios", to: "kept")
    let path = try ScenarioFile.save(Scenario(name: "y"), datasetFolder: e.path)
    #expect(path == e.path + "/scenarios/y.toml")
    #expect(try FileManagerList.names(e.path + "/kept") == ["y.toml"])
  }

  @Test func rejectsUnsafeNamesAndNonFiniteLevers() throws {
    let d = TempDataset()
    for name in ["", "../up", "a/b", ".hidden", "a b", "é", String(repeating: "a", count: 101)] {
      #expect(throws: ScenarioFileError.invalidName(name)) {
        try ScenarioFile.save(Scenario(name: name), datasetFolder: d.path)
      }
    }
    #expect(throws: ScenarioFileError.invalidLever("scope1_change")) {
      try ScenarioFile.save(
        Scenario(name: "x", levers: [.scope1Change: .nan]), datasetFolder: d.path)
    }
    #expect(ScenarioFile.list(datasetFolder: d.path) == [])
    #expect(
      ScenarioFileError.invalidName("a/b").description
        == #"scenario name "a/b" cannot be a file name: use 1 to 100 of the characters A-Z, a-z, 0-9, ".", "_" and "-", not starting with ".""#
    )
  }

  @Test func listSkipsOtherFiles() throws {
    let d = TempDataset()
    d.write("scenarios/b.toml", "name = \"b\"\n")
    d.write("scenarios/a.toml", "name = \"a\"\n")
    d.write("scenarios/.a.toml.tmp-1-0", "")
    d.write("scenarios/notes.txt", "")
    d.mkdir("scenarios/dir.toml")
    #expect(ScenarioFile.list(datasetFolder: d.path) == ["a", "b"])
  }

  @Test func loadDiagnostics() throws {
    let d = TempDataset()
    d.write(
      "scenarios/s.toml",
      """
      name = "s"
      colour = 1
      [levers]
      scope1_change = -0.1
      scope1_chnage = 0.2
      revenue_growth = "fast"
      clean_share_target = 40
      removals_per_year = 500
      offsets_per_year = -1
      avoided_growth = -2

      """)
    let (s, diags) = ScenarioFile.load(path: d.path + "/scenarios/s.toml", name: "scenarios/s.toml")
    #expect(
      diags.map(\.description) == [
        #"scenarios/s.toml:2:1: warning: unknown key "colour" (ignored)"#,
        #"scenarios/s.toml:5:1: warning: unknown lever "scope1_chnage" (ignored); did you mean "scope1_change"?"#,
        "scenarios/s.toml:6:1: error: revenue_growth: expected a number, found string",
        "scenarios/s.toml:7:1: error: clean_share_target: expected a fraction from 0 to 1, found 40",
        "scenarios/s.toml:9:1: error: offsets_per_year: expected tCO2e per year from 0 to 1e12, found -1",
        "scenarios/s.toml:10:1: error: avoided_growth: expected a fraction per year from -1 (-100%) to 10 (+1000%), found -2",
      ])
    #expect(s == Scenario(name: "s", levers: [.scope1Change: -0.1, .removalsPerYear: 500]))
  }

  /// The documented upper bounds (docs/scenarios.md): rates up to 10 (+1000%/yr), tonnes up to
  /// 1e12. The bounds themselves load; anything above is an error at the lever's line:column.
  @Test func leverUpperBounds() throws {
    let d = TempDataset()
    d.write(
      "scenarios/big.toml",
      """
      name = "big"
      [levers]
      avoided_growth = 1e12
      scope1_change = 1e6
        removals_per_year = 1e13
      offsets_per_year = 1e12
      revenue_growth = 10
      scope3_change = 10.5

      """)
    let (s, diags) = ScenarioFile.load(
      path: d.path + "/scenarios/big.toml", name: "scenarios/big.toml")
    #expect(
      diags.map(\.description) == [
        "scenarios/big.toml:3:1: error: avoided_growth: expected a fraction per year from -1 (-100%) to 10 (+1000%), found 1000000000000",
        "scenarios/big.toml:4:1: error: scope1_change: expected a fraction per year from -1 (-100%) to 10 (+1000%), found 1000000",
        "scenarios/big.toml:5:3: error: removals_per_year: expected tCO2e per year from 0 to 1e12, found 10000000000000",
        "scenarios/big.toml:8:1: error: scope3_change: expected a fraction per year from -1 (-100%) to 10 (+1000%), found 10.5",
      ])
    #expect(s == Scenario(name: "big", levers: [.offsetsPerYear: 1e12, .revenueGrowth: 10]))
    #expect(Lever.avoidedGrowth.range == -1...10)
    #expect(Lever.removalsPerYear.range == 0...1e12)
    #expect(Lever.cleanShareTarget.range == 0...1)
  }

  @Test func missingNameFileAndSyntax() throws {
    let d = TempDataset()
    d.write("t.toml", "description = \"d\"\n")
    let (s, diags) = ScenarioFile.load(path: d.path + "/t.toml", name: "scenarios/t.toml")
    #expect(diags.map(\.description) == [#"scenarios/t.toml: warning: no name; using "t""#])
    #expect(s == Scenario(name: "t", description: "d"))

    let (none, missing) = ScenarioFile.load(
      path: d.path + "/nope.toml", name: "scenarios/nope.toml")
    #expect(none == nil)
    #expect(missing.map(\.description) == ["scenarios/nope.toml: error: no such file"])

    d.write("bad.toml", "name = \"x\"\n[levers\n")
    let (bad, syntax) = ScenarioFile.load(path: d.path + "/bad.toml", name: "scenarios/bad.toml")
    #expect(bad == nil)
    #expect(syntax.count == 1)
    #expect(syntax.first?.line == 2)
    #expect(syntax.first?.severity == .error)
  }
}
