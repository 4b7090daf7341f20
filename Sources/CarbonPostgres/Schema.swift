/// The dataset's schema in PostgreSQL: one table per CSV file with the same column names
/// (numeric for figures, so sums stay exact), `events` with a bigint identity column,
/// `toml_files` holding dataset.toml and each `scenarios/NAME.toml` by name, statement-level
/// triggers that `pg_notify` the changed table, and `carbontop_migrations` recording the
/// versions applied. `carbontop db init` applies what is missing; it is idempotent.
public enum Schema {
  /// The channel every carbontop trigger notifies; the payload is `schema/table/operation`.
  public static let channel = "carbontop"

  /// The table holding dataset.toml and the scenarios' TOML text.
  public static let tomlTable = "toml_files"

  /// The columns of the events table, in the ledger's order.
  public static let eventColumns = [
    "timestamp", "entity", "program", "participant", "avoided_kgco2e",
  ]

  /// Each table's columns and SQL types, in the folder's order.
  public static let tableColumns: [String: [(String, String)]] = [
    "operations": [
      ("period", "text"), ("entity", "text"), ("scope1_tco2e", "numeric"),
      ("scope2_location_tco2e", "numeric"), ("scope2_market_tco2e", "numeric"),
      ("scope1_2_tco2e", "numeric"), ("removals_tco2e", "numeric"), ("offsets_tco2e", "numeric"),
      ("abatement_tco2e", "numeric"), ("electricity_mwh", "numeric"),
      ("clean_electricity_mwh", "numeric"), ("pue", "numeric"),
    ],
    "value_chain": [
      ("period", "text"), ("entity", "text"), ("category", "integer"), ("tco2e", "numeric"),
      ("data_quality", "text"),
    ],
    "revenue": [("period", "text"), ("entity", "text"), ("revenue", "numeric")],
    "avoided": [
      ("period", "text"), ("entity", "text"), ("program", "text"), ("avoided_tco2e", "numeric"),
      ("verified", "boolean"), ("method", "text"),
    ],
    "activity": [
      ("period", "text"), ("entity", "text"), ("metric", "text"), ("value", "numeric"),
    ],
    "events": [
      ("timestamp", "text"), ("entity", "text"), ("program", "text"), ("participant", "text"),
      ("avoided_kgco2e", "numeric"),
    ],
  ]

  /// The tables in the order of the folder's files.
  public static let tables = [
    "operations", "value_chain", "revenue", "avoided", "activity", "events",
  ]

  /// The tables version 1 created (activity came with version 3).
  static let v1Tables = ["operations", "value_chain", "revenue", "avoided", "events"]

  /// The migrations, in order: (version, what it does, SQL with `{s}` for the quoted schema).
  static let migrations: [(Int, String, String)] = [
    (1, "the dataset tables, toml_files, the event-month function and the notify triggers", v1),
    (
      2, "an index on events.participant for the live, incremental distinct counts",
      "CREATE INDEX events_participant ON {s}.events (participant)"
    ),
    (3, "the activity table (activity.csv: physical intensity denominators)", v3),
  ]

  /// Version 3: activity.csv's table and its notify triggers.
  static let v3: String = createTable("activity") + triggers("activity")

  /// The CREATE TABLE of one dataset table, with its identity column.
  static func createTable(_ t: String) -> String {
    let cols = tableColumns[t]!.map { "  \(SQL.identifier($0.0)) \($0.1)" }.joined(
      separator: ",\n")
    return """
      CREATE TABLE {s}.\(t) (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      \(cols)
      );

      """
  }

  /// The statement-level notify triggers of one table.
  static func triggers(_ t: String) -> String {
    """
    CREATE TRIGGER carbontop_notify AFTER INSERT OR UPDATE OR DELETE ON {s}.\(t)
      FOR EACH STATEMENT EXECUTE FUNCTION {s}.carbontop_notify();
    CREATE TRIGGER carbontop_notify_truncate AFTER TRUNCATE ON {s}.\(t)
      FOR EACH STATEMENT EXECUTE FUNCTION {s}.carbontop_notify();

    """
  }

  /// Creates the schema and applies the missing migrations, in one transaction. Returns the
  /// versions applied (empty when the schema was up to date).
  @discardableResult
  public static func migrate(_ db: PGConnection) throws(PGError) -> [Int] {
    let s = db.target.quotedSchema
    try db.execScript("BEGIN")
    do {
      // One init at a time per database (two dashboards' first runs, a CI race).
      try db.exec("SELECT pg_advisory_xact_lock(hashtext('carbontop migrations'))")
      try db.execScript(
        """
        CREATE SCHEMA IF NOT EXISTS \(s);
        CREATE TABLE IF NOT EXISTS \(s).carbontop_migrations (
          version integer PRIMARY KEY,
          description text NOT NULL,
          applied_at timestamptz NOT NULL DEFAULT now()
        );
        """)
      let done = Set(
        try db.exec("SELECT version FROM \(s).carbontop_migrations").rows.compactMap {
          $0[0].flatMap { Int($0) }
        })
      var applied: [Int] = []
      for (version, description, sql) in migrations where !done.contains(version) {
        try db.execScript(sql.replacing("{s}", with: s))
        try db.exec(
          "INSERT INTO \(s).carbontop_migrations (version, description) VALUES ($1, $2)",
          [String(version), description])
        applied.append(version)
      }
      try db.execScript("COMMIT")
      return applied
    } catch {
      _ = try? db.execScript("ROLLBACK")
      throw error
    }
  }

  /// The latest version applied to the schema; nil when carbontop's tables are not there.
  public static func version(_ db: PGConnection) throws(PGError) -> Int? {
    let s = db.target.schema
    let r = try db.exec(
      "SELECT to_regclass(quote_ident($1) || '.carbontop_migrations') IS NOT NULL", [s])
    guard r.rows.first?[0] == "t" else { return nil }
    let v = try db.exec("SELECT max(version) FROM \(db.target.quotedSchema).carbontop_migrations")
    return v.rows.first?[0].flatMap { Int($0) }
  }

  /// Version 1.
  static let v1: String = {
    var sql = ""
    for t in v1Tables { sql += createTable(t) }
    sql += """
      CREATE TABLE {s}.\(tomlTable) (
        name text PRIMARY KEY,
        content text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      -- The month index (year * 12 + month - 1) of a ledger timestamp written YYYY-MM-DD or
      -- YYYY-MM-DDThh:mm:ss with Z or +hh:mm, fully validated; NULL when it is not one. The
      -- fiscal year follows the date as written (docs/data-format.md), so the column is text.
      CREATE FUNCTION {s}.carbontop_event_month(ts text) RETURNS integer
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE
          WHEN ts ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}(T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9]))?$'
            AND substr(ts, 6, 2)::int BETWEEN 1 AND 12
            AND substr(ts, 9, 2)::int BETWEEN 1 AND
              CASE substr(ts, 6, 2)::int
                WHEN 2 THEN CASE WHEN (substr(ts, 1, 4)::int % 4 = 0
                    AND substr(ts, 1, 4)::int % 100 <> 0) OR substr(ts, 1, 4)::int % 400 = 0
                  THEN 29 ELSE 28 END
                WHEN 4 THEN 30 WHEN 6 THEN 30 WHEN 9 THEN 30 WHEN 11 THEN 30
                ELSE 31 END
          THEN substr(ts, 1, 4)::int * 12 + substr(ts, 6, 2)::int - 1
        END
      $$;

      -- A ledger row the aggregation counts: the same rules as the ledger reader's.
      CREATE FUNCTION {s}.carbontop_event_ok(ts text, entity text, program text,
        participant text, kg numeric) RETURNS boolean
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT coalesce({s}.carbontop_event_month(ts) IS NOT NULL
          AND kg >= 0 AND kg <= 9223372036854775.807 AND kg * 1000 = trunc(kg * 1000)
          AND entity <> '' AND program <> '' AND participant <> '', false)
      $$;

      CREATE FUNCTION {s}.carbontop_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('\(channel)', TG_TABLE_SCHEMA || '/' || TG_TABLE_NAME || '/' || TG_OP);
        RETURN NULL;
      END
      $$;

      """
    for t in v1Tables + [tomlTable] { sql += triggers(t) }
    return sql
  }()
}
