import CarbonData
import CarbonKit
import Testing

/// RFC 4180 details: BOM, CRLF, quoted multi-line fields, trimming, blank lines, structural errors.
@Suite struct CSVFormatTests {
  @Test func bomCRLFAndMultiLineQuotedFields() throws {
    let d = TempDataset()
    d.write("dataset.toml", minimalTOML)
    // Line 1 header (after a BOM), line 2 blank, lines 3-5 one record (its method spans 3 lines),
    // line 6 blank with spaces, line 7 a record with "" escapes and trimmed cells.
    let text =
      "\u{FEFF}period,entity,program,avoided_tco2e,verified,method\r\n"
      + "\r\n"
      + "FY2024,Cloud,\"Green, cloud\",12.5,yes,\"first line\r\nsecond \"\"quoted\"\"\r\nthird\"\r\n"
      + "  \t \r\n"
      + " 2025-03 ,\t Retail ,\"Loop\", .5e1 , NO ,  \r\n"
    d.write("avoided.csv", text)
    let loaded = d.load()
    #expect(loaded.lines == [])
    let rows = try #require(loaded.dataset?.avoided)
    #expect(rows.count == 2)
    #expect(rows[0].source == SourceRef(file: "avoided.csv", line: 3))
    #expect(rows[0].program == "Green, cloud")
    #expect(rows[0].avoided == 12.5)
    #expect(rows[0].verified)
    #expect(rows[0].method == "first line\r\nsecond \"quoted\"\r\nthird")
    #expect(rows[1].source.line == 7)
    // FY2025 is in progress: no warning
    #expect(rows[1].period == .month(YearMonth(year: 2025, month: 3)))
    #expect(rows[1].entity == "Retail")
    // .5e1 = 0.5 x 10 = 5
    #expect(rows[1].avoided == 5)
    #expect(rows[1].verified == false)
    #expect(rows[1].method == nil)
  }

  @Test func structuralErrors() throws {
    let d = TempDataset()
    d.write("dataset.toml", minimalTOML)
    let text =
      "period,entity,revenue\n"  // 1
      + "FY2023,A,1\rFY2024,A,2\n"  // 2: lone CR after field 3
      // 3-4: quote never closed... resynchronises nowhere: the rest is one field
      + "FY2023,B,\"1\"\"\n"
      + "FY2024,C,3\n"
    d.write("revenue.csv", text)
    let loaded = d.load()
    #expect(
      loaded.lines == [
        "revenue.csv:2:3: error: lone carriage return (line ends must be LF or CRLF)",
        "revenue.csv:3:3: error: quoted field not closed before the end of the file",
      ])
    #expect(loaded.dataset?.revenue?.count == 0)
  }

  @Test func fieldCountsAndEmptyCells() throws {
    let d = TempDataset()
    d.write("dataset.toml", minimalTOML)
    d.write("revenue.csv", "entity,period,revenue,\nA,FY2023,,\nB,FY2023,7,,x\n,FY2023,1,\n")
    let loaded = d.load()
    #expect(
      loaded.lines == [
        "revenue.csv:1:4: warning: column without a name (ignored)",
        "revenue.csv:3:5: error: expected 4 fields as in the header, found 5",
        "revenue.csv:4:1: error: entity: must not be empty",
      ])
    let rows = try #require(loaded.dataset?.revenue)
    #expect(rows.map(\.entity) == ["A"])
    #expect(rows[0].revenue == nil)  // empty = not reported, not zero
  }

  @Test func numberRules() throws {
    let d = TempDataset()
    d.write("dataset.toml", minimalTOML)
    let good = ["12", "0.5", ".5", "1.5e9", "1e-3", "1E+3", "007"]
    let bad = [
      "+1", "-0", "1_234", "12 t", "inf", "Infinity", "nan", "1e400", "12.", "1e", "0x10", "1.2.3",
      "e5", ".",
    ]
    var text = "period,entity,revenue\n"
    for (k, g) in good.enumerated() { text += "FY\(2000 + k),A,\(g)\n" }
    for (k, b) in bad.enumerated() { text += "FY\(2100 + k),A,\(b)\n" }
    d.write("revenue.csv", text)
    let loaded = d.load()
    let rows = try #require(loaded.dataset?.revenue)
    #expect(rows.map(\.revenue) == [12, 0.5, 0.5, 1.5e9, 0.001, 1000, 7])
    #expect(
      loaded.lines
        == bad.enumerated().map { k, b in
          "revenue.csv:\(k + good.count + 2):3: error: revenue: expected a number, found \"\(b)\""
        })
  }

  @Test func categoriesAndVerified() throws {
    let d = TempDataset()
    d.write("dataset.toml", minimalTOML)
    d.write(
      "value_chain.csv",
      "period,entity,category,tco2e,data_quality\nFY2023,A,1,10,measured\nFY2023,A,15,5,\nFY2023,A,,2,\nFY2023,A,16,1,\nFY2023,A,0,1,\nFY2023,A,1.0,1,\nFY2023,A,15,3,\n"
    )
    d.write(
      "avoided.csv",
      "period,entity,program,avoided_tco2e,verified\nFY2023,A,P,1,maybe\nFY2023,A,,1,\n")
    let loaded = d.load()
    #expect(
      loaded.lines == [
        #"value_chain.csv:5:3: error: category: expected a whole number from 1 to 15, or empty, found "16""#,
        #"value_chain.csv:6:3: error: category: expected a whole number from 1 to 15, or empty, found "0""#,
        #"value_chain.csv:7:3: error: category: expected a whole number from 1 to 15, or empty, found "1.0""#,
        #"value_chain.csv:8:1: error: double counting: FY2023, entity "A", category 15 is already given by an annual row at line 3; row left out"#,
        #"avoided.csv:2:5: error: verified: expected true, false, yes, no, 1 or 0, found "maybe""#,
        #"avoided.csv:3:3: error: program: must not be empty"#,
      ])
    let vc = try #require(loaded.dataset?.valueChain)
    #expect(vc.map(\.category) == [1, 15, nil])
    #expect(vc.map(\.tco2e) == [10, 5, 2])
    #expect(vc[0].dataQuality == "measured")
    #expect(loaded.dataset?.avoided?.count == 0)
  }

  @Test func headerProblems() throws {
    let d = TempDataset()
    d.write("dataset.toml", minimalTOML)
    d.write("operations.csv", "Period,entity,scope1_tco2e\nFY2023,A,1\n")
    d.write("revenue.csv", "\u{FEFF}")
    d.write("value_chain.csv", "\n\n  \n")
    d.write("avoided.csv", "period,entity,program,avoided_tco2e,foo\n")
    let loaded = d.load()
    #expect(
      loaded.lines == [
        // A header-level diagnostic names column 1 (the header record); at the same place
        // the order of the two is the reader's.
        #"operations.csv:1:1: warning: unknown column "Period" (ignored); did you mean "period"?"#,
        #"operations.csv:1:1: error: missing required column "period"; no data"#,
        "value_chain.csv: warning: no header row (the file is empty); no data",
        "revenue.csv: warning: no header row (the file is empty); no data",
        #"avoided.csv:1:5: warning: unknown column "foo" (ignored)"#,
      ])
    #expect(loaded.dataset?.operations == nil)
    #expect(loaded.dataset?.avoided == [])
  }
}
