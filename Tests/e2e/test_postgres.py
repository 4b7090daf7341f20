"""The PostgreSQL source against a real server: db init/import/export, reports identical to
the folder's (samples and random datasets), diagnostics for bad rows, passwords never shown,
and the dashboard following INSERTs live and surviving a server restart."""
import json
import os
import subprocess
import sys
import time

from harness import REPO, Session, binary

sys.path.insert(0, os.path.join(REPO, "Tests", "crosscheck"))


def run(*args, env=None):
    e = dict(os.environ)
    if env:
        e.update(env)
    return subprocess.run([binary(), *args], capture_output=True, text=True, cwd=REPO, env=e)


def imported(pg, folder, schema):
    url = pg.schema_url(schema)
    r = run("db", "import", folder, url, env=pg.env)
    assert r.returncode == 0, r.stderr
    return url


def report(where, env=None):
    r = run("report", where, "--format", "json", env=env)
    assert r.returncode == 0, r.stderr
    return r.stdout


def test_init_is_idempotent_and_versioned(pg):
    url = pg.schema_url("init_twice")
    pg.psql("DROP SCHEMA IF EXISTS init_twice CASCADE")  # a server kept between runs
    first = run("db", "init", url, env=pg.env)
    assert first.returncode == 0, first.stderr
    assert "applied 1, 2, 3" in first.stdout
    again = run("db", "init", url, env=pg.env)
    assert again.returncode == 0 and "up to date (version 3)" in again.stdout, again.stdout
    assert pg.psql("SELECT version FROM init_twice.carbontop_migrations ORDER BY 1").split() == ["1", "2", "3"]
    # A schema at version 1 gets only migrations 2 and 3 (the activity table, issue 13).
    pg.psql("DELETE FROM init_twice.carbontop_migrations WHERE version >= 2; "
            "DROP INDEX init_twice.events_participant; DROP TABLE init_twice.activity")
    third = run("db", "init", url, env=pg.env)
    assert "at version 3 (applied 2, 3)" in third.stdout, third.stdout


def test_samples_report_equals_the_folders(pg):
    for name in ("alibaba", "greenfield"):
        folder = os.path.join(REPO, "sample-data", name)
        url = imported(pg, folder, "sample_" + name)
        assert report(url, pg.env) == report(folder), name
    # The W1 table of the ledger, aggregated in the database, equals the folder's.
    greenfield = os.path.join(REPO, "sample-data", "greenfield")
    db = run("ledger", pg.schema_url("sample_greenfield"), env=pg.env)
    assert db.returncode == 0, db.stderr
    assert db.stdout == run("ledger", greenfield).stdout


def test_random_datasets_report_equals_the_folders(pg, tmp_path):
    out = str(tmp_path / "rand")
    subprocess.run([sys.executable, os.path.join(REPO, "Tests", "crosscheck", "gen_datasets.py"),
                    out, "8", "16"], check=True, capture_output=True)
    names = sorted(os.listdir(out))
    assert len(names) == 8
    for n in names:
        folder = os.path.join(out, n)
        url = imported(pg, folder, "rand_" + n.replace("-", "_"))
        assert report(url, pg.env) == report(folder), n
        assert run("ledger", url, env=pg.env).stdout == run("ledger", folder).stdout, n


def test_export_round_trip_gives_the_same_report(pg, tmp_path):
    folder = os.path.join(REPO, "sample-data", "greenfield")
    url = imported(pg, folder, "round_trip")
    back = str(tmp_path / "back")
    r = run("db", "export", url, back, env=pg.env)
    assert r.returncode == 0, r.stderr
    assert os.path.exists(os.path.join(back, "events", "events.csv"))
    assert os.path.exists(os.path.join(back, "scenarios", "faster-clean-power.toml"))
    assert report(back) == report(folder)
    # The scenario saved in the database drives report --scenario NAME.
    sc = run("report", url, "--scenario", "faster-clean-power", "--format", "json", env=pg.env)
    assert sc.returncode == 0, sc.stderr
    want = run("report", folder, "--scenario",
               os.path.join(folder, "scenarios", "faster-clean-power.toml"), "--format", "json")
    assert json.loads(sc.stdout)["scenario"]["levers"] == json.loads(want.stdout)["scenario"]["levers"]


def test_bad_rows_give_diagnostics_with_table_key_and_column(pg):
    url = imported(pg, os.path.join(REPO, "sample-data", "greenfield"), "bad_rows")
    last = int(pg.psql("SELECT max(id) FROM bad_rows.events"))
    pg.psql("INSERT INTO bad_rows.events (timestamp, entity, program, participant, avoided_kgco2e) "
            "VALUES ('2025-01-01', NULL, 'P', 'u1', 5), ('2025-01-01', 'E', 'P', 'u1', -5), "
            "('2025-13-01', 'E', 'P', 'u1', 5)")
    ops = int(pg.psql("INSERT INTO bad_rows.operations (period, entity, scope1_tco2e) "
                      "VALUES ('FY2024', NULL, 1) RETURNING id").split()[0])
    r = run("check", url, env=pg.env)
    assert r.returncode == 1, r.stdout + r.stderr
    lines = r.stdout.splitlines()
    assert f"operations:{ops}:2: error: entity: must not be empty" in lines
    assert f"events:{last + 1}:2: error: entity: empty" in lines
    assert f'events:{last + 2}:5: error: avoided_kgco2e: negative amount, found "-5"' in lines
    assert any(l.startswith(f"events:{last + 3}:1: error: timestamp: expected") for l in lines)
    # The report still comes, with the rows left out (the folder's rule).
    rep = json.loads(report(url, pg.env))
    assert len([d for d in rep["diagnostics"] if d["file"] == "events"]) == 3


def test_password_is_never_printed(pg):
    secret = "Sup3rSecretPw"
    # Trust authentication lets the right URL in; the password must not show anyway.
    base = pg.url.replace("postgres://carbontop@", f"postgres://carbontop:{secret}@")
    url = base + "&schema=nowhere"
    r = run("check", url, env=pg.env)
    assert secret not in r.stdout + r.stderr
    assert "no carbontop dataset" in r.stderr
    # A server that is not there: the message names the URL without its password.
    dead = f"postgres://carbontop:{secret}@127.0.0.1:1/postgres?schema=x&connect_timeout=2"
    r = run("report", dead, env=pg.env)
    assert r.returncode == 2
    assert secret not in r.stdout + r.stderr
    assert "postgres://carbontop@127.0.0.1:1/postgres" in r.stderr


def dashboard(pg, url):
    s = Session(args=[url], cols=100, rows=30, env=pg.env)
    assert s.wait_for("cumulative 499.7 kt", timeout=20), s.text()
    return s


def test_dashboard_follows_inserts_and_updates(pg):
    url = imported(pg, os.path.join(REPO, "sample-data", "greenfield"), "live_inserts")
    with dashboard(pg, url) as s:
        assert "live" in s.line(0) or "live" in s.text()
        assert "Sup3r" not in s.text()
        # One event of 100,000,000 kg = 100 kt in FY2025 (fiscal year ends 30 June):
        # 499.7 kt + 100.0 kt = 599.7 kt, read incrementally by id.
        pg.psql("INSERT INTO live_inserts.events (timestamp, entity, program, participant, "
                "avoided_kgco2e) VALUES ('2024-12-01T00:00:00Z', 'Greenfield Logistics, Inc.', "
                "'Rail freight shift', 'SHP-9999', 100000000)")
        assert s.wait_for("cumulative 599.7 kt", timeout=10), s.text()
        assert s.wait_for("reloaded events", timeout=5), s.line(29)
        # Deleting it (not an append) reads the ledger again in full.
        pg.psql("DELETE FROM live_inserts.events WHERE participant = 'SHP-9999'")
        assert s.wait_for("cumulative 499.7 kt", timeout=10), s.text()
        # A changed operations row: only that table is read again.
        pg.psql("UPDATE live_inserts.operations SET scope1_tco2e = scope1_tco2e * 10")
        assert s.wait_for("reloaded operations", timeout=10), s.line(29)


def test_dashboard_keeps_data_and_reconnects_after_a_server_restart(pg):
    url = imported(pg, os.path.join(REPO, "sample-data", "greenfield"), "live_restart")
    with dashboard(pg, url) as s:
        pg.stop()
        try:
            assert s.wait_for("connection lost", timeout=10), s.text()
            assert "cumulative 499.7 kt" in s.text()  # the last good data stays
            assert "disconnected" in s.text()
        finally:
            pg.start()
        assert s.wait_for("reconnected", timeout=20), s.text()
        pg.psql("INSERT INTO live_restart.events (timestamp, entity, program, participant, "
                "avoided_kgco2e) VALUES ('2024-12-01T00:00:00Z', 'Greenfield Logistics, Inc.', "
                "'Rail freight shift', 'SHP-9999', 100000000)")
        assert s.wait_for("cumulative 599.7 kt", timeout=10), s.text()
