import CarbonTOML
import Testing

func pos(_ line: Int, _ column: Int) -> TOMLPosition { TOMLPosition(line: line, column: column) }

@Suite struct KeyTests {
  @Test func keyForms() throws {
    let t = try TOML.parse(
      """
      bare_key-1 = 1
      "quoted key" = 2
      'literal "key"' = 3
      "" = 4
      1234 = 5
      a . "b.c" .\t'd' = 6
      "é" = 7
      "e\\u0301" = 8
      """)
    #expect(
      t.keys == ["bare_key-1", "quoted key", "literal \"key\"", "", "1234", "a", "é", "e\u{301}"])
    #expect(t[""] == .integer(4))
    #expect(t["a"]?.table?["b.c"]?.table?["d"] == .integer(6))
    // Canonically equivalent but different keys stay apart.
    #expect(t.count == 8)
    #expect(t["e\u{301}"] == .integer(8))
  }

  @Test func keyErrors() {
    #expect(fails("a b = 1", at: 1, 3, containing: "expected '=' after the key \"a\""))
    #expect(fails("= 1", at: 1, 1, containing: "expected a key"))
    #expect(fails("a. = 1", at: 1, 4, containing: "expected a key"))
    #expect(fails("a = ", at: 1, 5, containing: "expected a value"))
    #expect(fails("a = 1 b = 2", at: 1, 7, containing: "newline"))
    #expect(fails("\"\"\"a\"\"\" = 1", at: 1, 1, containing: "multi-line"))
    #expect(fails("\"a\nb\" = 1", at: 1, 3, containing: "unterminated"))
  }

  @Test func duplicates() {
    #expect(
      fails(
        "name = 1\n\nname = 2", at: 3, 1,
        containing: "duplicate key \"name\" (first defined at line 1)"))
    #expect(fails("a = 1\n'a' = 2", at: 2, 1, containing: "duplicate"))
    #expect(fails("a.b = 1\na.b = 2", at: 2, 3, containing: "duplicate key \"a.b\""))
    #expect(fails("a.b = 1\na.b.c = 2", at: 2, 3, containing: "\"a.b\" is already an integer"))
    #expect(fails("a = {b = 1}\na.c = 2", at: 2, 1, containing: "inline table"))
    #expect(fails("x = {a = 1, a = 2}", at: 1, 13, containing: "duplicate"))
    #expect(fails("x = {a = {}, a.b = 1}", at: 1, 14, containing: "inline table"))
  }
}

@Suite struct TableStructureTests {
  @Test func headersAndPositions() throws {
    let t = try TOML.parse(
      """
      title = "x"
      [a.b]
        c = 1
      [ a ]
      d.e = 2
      """)
    #expect(t.keys == ["title", "a"])
    #expect(t.position == pos(1, 1))
    // "a" was created implicitly at the a of [a.b], then defined by [ a ] at 4:1.
    let a = try #require(t["a"]?.table)
    #expect(t.position(of: "a") == pos(2, 2))
    #expect(a.position == pos(4, 1))
    #expect(t.valuePosition(of: "a") == pos(4, 1))
    #expect(a.keys == ["b", "d"])
    #expect(a.position(of: "b") == pos(2, 4))
    #expect(a.valuePosition(of: "b") == pos(2, 1))
    let b = try #require(a["b"]?.table)
    #expect(b.position == pos(2, 1))
    #expect(b.position(of: "c") == pos(3, 3))
    #expect(b.valuePosition(of: "c") == pos(3, 7))
    // d created by the dotted key at 5:1, e at 5:3.
    let d = try #require(a["d"]?.table)
    #expect(d.position == pos(5, 1))
    #expect(a.position(of: "d") == pos(5, 1))
    #expect(d.position(of: "e") == pos(5, 3))
    #expect(d.valuePosition(of: "e") == pos(5, 7))
    #expect(t.valuePosition(of: "title") == pos(1, 9))
  }

  @Test func arraysOfTables() throws {
    let t = try TOML.parse(
      """
      [[target]]
      id = "a"
      [target.detail]
      x = 1
      [[target]]
      id = "b"
      [[target.step]]
      n = 1
      [[target.step]]
      n = 2
      """)
    let targets = try #require(t["target"]?.array)
    #expect(targets.count == 2)
    #expect(targets[0].table?.position == pos(1, 1))
    #expect(targets[1].table?.position == pos(5, 1))
    #expect(targets[0].table?["detail"]?.table?["x"] == .integer(1))
    #expect(targets[1].table?["detail"] == nil)
    #expect(targets[1].table?["step"]?.array?.count == 2)
    #expect(t.valuePosition(of: "target") == pos(1, 1))
    #expect(t.position(of: "target") == pos(1, 3))
    #expect(targets[1].table?["step"]?.array?[1].table?.position == pos(9, 1))
  }

  @Test func inlineTablesAndArrays() throws {
    let t = try TOML.parse(
      """
      point = { x = 1, y.z = 2 }
      nums = [ 1, 2, # one and two
        3,
      ]
      mixed = [1, "a", [2.5], {k = true}]
      empty = {}
      """)
    let point = try #require(t["point"]?.table)
    #expect(point.position == pos(1, 9))
    #expect(point.position(of: "y") == pos(1, 18))
    #expect(point["y"]?.table?["z"] == .integer(2))
    #expect(t["nums"] == .array([.integer(1), .integer(2), .integer(3)]))
    #expect(t["mixed"]?.array?.count == 4)
    #expect(t["mixed"]?.array?[3].table?["k"] == .boolean(true))
    #expect(t["empty"]?.table?.isEmpty == true)
  }

  @Test func inlineAndArrayErrors() {
    #expect(fails("x = {a = 1,}", at: 1, 11, containing: "trailing comma"))
    #expect(fails("x = {a = 1\n}", at: 1, 11, containing: "single line"))
    #expect(fails("x = {a = 1 b = 2}", at: 1, 12, containing: "expected ',' or '}'"))
    #expect(fails("x = [1 2]", at: 1, 8, containing: "expected ',' or ']'"))
    #expect(fails("x = [1,,2]", at: 1, 8, containing: "expected a value"))
    #expect(fails("x = [1", at: 1, 7))
    #expect(fails("x = [ # \u{1}\n]", at: 1, 9, containing: "comment"))
  }

  @Test func redefinitions() {
    // A table defined twice, pointing at the key of the second header.
    #expect(
      fails("[a]\nb = 1\n[a]", at: 3, 2, containing: "defined twice (first defined at line 1)"))
    #expect(fails("[a.b]\n[a]\n[a.b]", at: 3, 4, containing: "defined twice"))
    // A key, then a table of the same name.
    #expect(fails("a = 1\n[a]", at: 2, 2, containing: "already an integer"))
    #expect(fails("[a]\nb = 1\n[a.b]", at: 3, 4, containing: "already an integer"))
    // Dotted keys versus headers.
    #expect(fails("a.b = 1\n[a]", at: 2, 2, containing: "dotted keys"))
    #expect(fails("[a]\nb.c = 1\n[a.b]", at: 3, 4, containing: "dotted keys"))
    #expect(fails("[a.b.c]\nz = 9\n[a]\nb.c.t = 1", at: 4, 3, containing: "defined by its header"))
    #expect(fails("[a.b]\n[a]\nb.x = 1", at: 3, 1, containing: "defined by its header"))
    // Arrays of tables.
    #expect(fails("[[a]]\n[a]", at: 2, 2, containing: "array of tables"))
    #expect(fails("[a]\n[[a]]", at: 2, 3, containing: "not an array of tables"))
    #expect(fails("a = [1]\n[[a]]", at: 2, 3, containing: "static array"))
    #expect(fails("a = []\n[a.b]", at: 2, 2, containing: "already an array"))
    #expect(fails("[[a]]\nb.c = 1\n[a]", at: 3, 2))
    #expect(fails("[[a.b]]\n[a]\nb.c = 1", at: 3, 1, containing: "array of tables"))
    // Inline tables cannot be extended.
    #expect(fails("a = {b = 1}\n[a]", at: 2, 2, containing: "inline table"))
    #expect(fails("a = {b = 1}\n[a.c]", at: 2, 2, containing: "inline table"))
    #expect(fails("a = {}\n[[a]]", at: 2, 3))
  }

  @Test func validRedefinitionCases() throws {
    // Sub-tables of dotted-key tables, super-tables after sub-tables, implicit tables
    // extended by dotted keys (as tomllib allows).
    let t = try TOML.parse(
      """
      [fruit]
      apple.color = "red"
      apple.taste.sweet = true
      [fruit.apple.texture]
      smooth = true
      [x.y.z]
      [x]
      y.w = 1
      [[arr]]
      b.c = 1
      [[arr]]
      b.c = 2
      """)
    #expect(t["fruit"]?.table?["apple"]?.table?.keys == ["color", "taste", "texture"])
    #expect(t["x"]?.table?["y"]?.table?.keys == ["z", "w"])
    #expect(t["arr"]?.array?.count == 2)
  }

  @Test func headerErrors() {
    #expect(fails("[a", at: 1, 3, containing: "']'"))
    #expect(fails("[[a]", at: 1, 5, containing: "']]'"))
    #expect(fails("[[a] ]", at: 1, 5, containing: "']]'"))
    #expect(fails("[]", at: 1, 2, containing: "expected a key"))
    #expect(fails("[a.]", at: 1, 4))
    #expect(fails("[a] b = 1", at: 1, 5, containing: "newline after a table header"))
  }
}

@Suite struct DocumentTests {
  @Test func whitespaceAndNewlines() throws {
    let t = try TOML.parse("\u{FEFF}# c\r\n\r\n\ta = 1 # c\r\n  b=2")
    #expect(t["a"] == .integer(1))
    #expect(t["b"] == .integer(2))
    // The BOM does not count as a column.
    #expect(t.position(of: "a") == pos(3, 2))
    #expect(try TOML.parse("").isEmpty)
    #expect(try TOML.parse("# only a comment").isEmpty)
  }

  @Test func newlineAndControlErrors() {
    #expect(fails("a = 1\rb = 2", at: 1, 6, containing: "carriage return"))
    #expect(fails("a = 1 # x\u{0}y", at: 1, 10, containing: "U+0000"))
    #expect(fails("# \u{7F}", at: 1, 3, containing: "comment"))
    // Columns count scalars: "é" and "😀" are one column each.
    #expect(fails("a = \"é😀\" x", at: 1, 10, containing: "newline"))
    #expect(fails("\u{FEFF}\u{FEFF}a = 1", at: 1, 1, containing: "U+FEFF"))
  }

  @Test func invalidUTF8() throws {
    do {
      _ = try TOML.parse(utf8: Array("a = 1\nb = \"é".utf8) + [0xFF, 0x22])
      Issue.record("invalid UTF-8 accepted")
    } catch {
      // 'b = "é' is 6 scalars: the bad byte is column 7 of line 2.
      #expect(error.position == pos(2, 7))
      #expect(error.message.contains("0xFF"))
    }
    #expect(throws: TOMLError.self) {
      try TOML.parse(utf8: Array("a = \"".utf8) + [0xED, 0xA0, 0x80, 0x22])
    }
    #expect(throws: TOMLError.self) {
      try TOML.parse(utf8: Array("a = \"".utf8) + [0xC0, 0xAF, 0x22])
    }
    #expect(try TOML.parse(utf8: [0xEF, 0xBB, 0xBF] + Array("a = 1".utf8))["a"] == .integer(1))
  }

  @Test func equalityIgnoresPositionsAndOrder() throws {
    let one = try TOML.parse("a = 1\nb = [1, {c = 'x'}]")
    let two = try TOML.parse("\n\nb = [ 1 , { c = \"x\" } ]\n   a = 1")
    #expect(one == two)
    #expect(one.hashValue == two.hashValue)
    #expect(one != (try TOML.parse("a = 1\nb = [1, {c = 'y'}]")))
    #expect(TOMLError(position: pos(3, 4), message: "m").description == "3:4: m")
  }

  @Test func accessors() throws {
    let t = try TOML.parse("i = 3\nf = 2.5\ns = 's'\nb = true\nd = 1979-05-27\na = [1]\nt = {}")
    #expect(t["i"]?.int == 3)
    #expect(t["i"]?.double == nil)
    #expect(t["i"]?.number == 3)
    #expect(t["f"]?.number == 2.5)
    #expect(t["f"]?.int == nil)
    #expect(t["s"]?.string == "s")
    #expect(t["b"]?.bool == true)
    #expect(t["a"]?.array == [.integer(1)])
    #expect(t["t"]?.table?.isEmpty == true)
    #expect(
      t.keys.compactMap { t[$0]?.typeName } == [
        "integer", "float", "string", "boolean", "local date", "array", "table",
      ])
  }

  @Test func deepNestingIsRefused() {
    let deep = "x = " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
    #expect(failure(deep)?.message.contains("nested too deeply") == true)
    let header = "[" + Array(repeating: "a", count: 5000).joined(separator: ".") + "]"
    #expect(failure(header)?.message.contains("nested too deeply") == true)
    let inline = "x = " + String(repeating: "{a=", count: 200) + String(repeating: "}", count: 200)
    #expect(failure(inline)?.message.contains("nested too deeply") == true)
  }
}
