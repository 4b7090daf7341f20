import CarbonTOML
import Testing

@Test func smoke() throws {
  let t = try TOML.parse("a.b = 1\n[x]\ny = [1, 2.5, \"s\", 1979-05-27T07:32:00Z]\n")
  #expect(t["a"]?.table?["b"] == .integer(1))
  print(t)
}
