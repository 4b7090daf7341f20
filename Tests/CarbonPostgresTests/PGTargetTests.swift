import CarbonPostgres
import Testing

@Suite struct PGTargetTests {
  @Test func schemaIsCarbontopsOwnParameterAndTheRestGoesToLibpq() throws {
    let t = try #require(
      PGTarget(url: "postgres://me@db.example:5433/carbon?schema=acme&sslmode=require"))
    #expect(t.schema == "acme")
    #expect(t.conninfo == "postgres://me@db.example:5433/carbon?sslmode=require")
    #expect(t.display == "postgres://me@db.example:5433/carbon?sslmode=require&schema=acme")
    #expect(t.quotedSchema == "\"acme\"")
  }

  @Test func defaultSchemaIsPublicAndPostgresqlSchemeWorks() throws {
    let t = try #require(PGTarget(url: "postgresql:///carbon"))
    #expect(t.schema == "public")
    #expect(t.conninfo == "postgresql:///carbon")
    #expect(PGTarget(url: "sample-data/alibaba") == nil)
    #expect(PGTarget(url: "mysql://x/y") == nil)
  }

  @Test func passwordNeverShown() throws {
    let t = try #require(PGTarget(url: "postgres://me:s%40cret@host/db?schema=a%20b"))
    #expect(t.display == "postgres://me@host/db?schema=a%20b")
    #expect(t.schema == "a b")
    #expect(!t.display.contains("cret"))
    #expect(
      t.scrub("password authentication failed: s@cret") == "password authentication failed: ***")
    let q = try #require(PGTarget(url: "postgres://me@host/db?password=hunter2&schema=x"))
    #expect(!q.display.contains("hunter2"))
    #expect(q.scrub("hunter2 was wrong") == "*** was wrong")
  }

  @Test func quotedIdentifiersAndLiterals() {
    #expect(SQL.identifier("we\"ird") == "\"we\"\"ird\"")
    #expect(SQL.literal("it's") == "'it''s'")
  }
}
