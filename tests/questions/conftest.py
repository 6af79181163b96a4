"""The relay fixtures of tests/sync (a real relay on 127.0.0.1, both storage backends)."""

from __future__ import annotations

from tests.sync.conftest import (  # noqa: F401 - fixtures used by name
    mission,
    pg_cluster,
    pytest_configure,
    pytest_generate_tests,
    relay_backend,
    relay_store,
    s3_server,
)
