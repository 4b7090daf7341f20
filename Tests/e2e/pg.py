"""A PostgreSQL server for the tests of the database source (docs/postgres.md).

CI (`.ci/run`) starts a private cluster and exports CARBONTOP_PG_URL (with PGHOST, PGPORT,
PGUSER, CARBONTOP_PG_CTL) and CARBONTOP_PG=required. Without CARBONTOP_PG_URL, a private
cluster is started here when PostgreSQL's server binaries are installed; without them the
tests are skipped with a message, unless CARBONTOP_PG=required, where that is a failure.
"""
from __future__ import annotations

import os
import shlex
import subprocess

import pytest

from harness import REPO

SCRIPT = os.path.join(REPO, ".ci", "pg-cluster.sh")


class Server:
    def __init__(self, env: dict, owned: bool):
        self.env = env
        self.owned = owned
        self.url = env["CARBONTOP_PG_URL"]

    def schema_url(self, schema: str) -> str:
        return self.url + "&schema=" + schema

    def psql(self, sql: str, check=True) -> str:
        e = dict(os.environ)
        e.update(self.env)
        r = subprocess.run(["psql", "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-c", sql],
                           capture_output=True, text=True, env=e)
        if check and r.returncode != 0:
            raise AssertionError(f"psql failed: {r.stderr}")
        return r.stdout

    def ctl(self, *args: str) -> None:
        cmd = shlex.split(self.env["CARBONTOP_PG_CTL"]) + list(args)
        subprocess.run(cmd, check=True, capture_output=True, env={**os.environ, **self.env})

    def stop(self) -> None:
        self.ctl("-m", "immediate", "-w", "stop")

    def start(self) -> None:
        log = os.path.join(self.env["PGHOST"], "server.log")
        self.ctl("-l", log, "-w", "-o", self.env["CARBONTOP_PG_START_OPTIONS"], "start")


def start_server() -> Server | None:
    keys = ["CARBONTOP_PG_URL", "PGHOST", "PGPORT", "PGUSER", "PGDATABASE", "CARBONTOP_PG_CTL",
            "CARBONTOP_PG_START_OPTIONS"]
    if os.environ.get("CARBONTOP_PG_URL"):
        return Server({k: os.environ[k] for k in keys if k in os.environ}, owned=False)
    r = subprocess.run(["bash", SCRIPT, "start"], capture_output=True, text=True)
    if r.returncode != 0:
        return None
    env = {}
    for line in r.stdout.splitlines():
        if line.startswith("export "):
            k, _, v = line[7:].partition("=")
            env[k] = shlex.split(v)[0] if v else ""
    return Server(env, owned=True)


def stop_server(s: Server) -> None:
    if s.owned:
        subprocess.run(["bash", SCRIPT, "stop", s.env["PG_CLUSTER_DIR"]], capture_output=True)


def require_or_skip(server: Server | None) -> Server:
    if server is None:
        msg = ("no PostgreSQL server: set CARBONTOP_PG_URL or install PostgreSQL "
               "(initdb, pg_ctl) to run the database tests")
        if os.environ.get("CARBONTOP_PG") == "required":
            pytest.fail("CARBONTOP_PG=required but " + msg)
        pytest.skip(msg)
    return server
