import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

import pytest


@pytest.fixture(scope="session")
def pg():
    """A PostgreSQL server (see pg.py); the tests using it are skipped without one."""
    from pg import require_or_skip, start_server, stop_server
    server = start_server()
    try:
        yield require_or_skip(server)
    finally:
        if server is not None:
            stop_server(server)
