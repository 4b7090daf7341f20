/// The events ledger's row rules for one row given as text (a row of a database table): the
/// same checks, in the same order and with the same messages, as the ledger reader applies to
/// a CSV record (`LedgerParser.parseChunk`).
public enum LedgerRowCheck {
  /// The column names in the order of the checks' column numbers (1-based).
  public static let columns = ["timestamp", "entity", "program", "participant", "avoided_kgco2e"]

  /// Nil when the row is valid; otherwise the 1-based column (in `columns`) and the message.
  /// A nil cell is an empty one.
  public static func problem(
    timestamp: String?, entity: String?, program: String?, participant: String?,
    amount: String?
  ) -> (column: Int, message: String)? {
    let ts = Array((timestamp ?? "").utf8)
    let month = ts.withUnsafeBufferPointer { b in
      b.baseAddress.map { LedgerParser.parseTimestamp($0, b.count) } ?? -1
    }
    if month < 0 {
      return (
        1,
        "timestamp: expected YYYY-MM-DD or YYYY-MM-DDThh:mm:ss with Z or +hh:mm, found \(ledgerQuoted(ts))"
      )
    }
    let am = Array((amount ?? "").utf8)
    let problem: String? = am.withUnsafeBufferPointer { b in
      guard let base = b.baseAddress else { return "empty" }
      return LedgerParser.parseAmount(base, b.count).1
    }
    if let problem { return (5, "avoided_kgco2e: \(problem), found \(ledgerQuoted(am))") }
    if (entity ?? "").isEmpty { return (2, "entity: empty") }
    if (program ?? "").isEmpty { return (3, "program: empty") }
    if (participant ?? "").isEmpty { return (4, "participant: empty") }
    return nil
  }

  /// The number of rejected rows listed one by one; the rest are counted in one diagnostic.
  public static var diagnosticLimit: Int { LedgerParser.diagnosticLimit }
}
