"""A throwaway PostgreSQL cluster in a temp folder, on a Unix socket only, for the relay tests.

The binaries come from Debian's ``postgresql`` package (packaging/install.sh installs it).
PostgreSQL refuses to run as root, so under root the cluster belongs to ``nobody``. Each
test gets a database of its own; the cluster lives for the test session.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from pathlib import Path


def pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


class PgCluster:
    def __init__(self) -> None:
        binaries = pg_bin()
        if binaries is None:
            raise FileNotFoundError("no /usr/lib/postgresql/*/bin/initdb")
        self.bin = binaries
        self.root = Path(tempfile.mkdtemp(prefix="testigo-pg-"))
        self.data = self.root / "data"
        self._as: list[str] = []
        if os.geteuid() == 0:
            os.chown(self.root, 65534, 65534)  # nobody: initdb will not run as root
            self._as = ["runuser", "-u", "nobody", "--"]
        self._run(
            "initdb", "-D", str(self.data), "-U", "relay", "--auth=trust", "--no-sync", "-E", "UTF8"
        )
        options = (
            f"-k {self.root} -c listen_addresses='' -c fsync=off"
            " -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
        )
        self._run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.root / "log"),
            "-w",
            "-t",
            "60",
            "start",
        )
        self._count = 0

    def _run(self, tool: str, *args: str) -> None:
        subprocess.run(
            [*self._as, str(self.bin / tool), *args],
            check=True,
            capture_output=True,
            timeout=120,
            cwd=self.root,
        )

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://relay@/{database}?host={self.root}"

    def new_database(self) -> str:
        """A fresh, empty database's URL."""
        import psycopg

        self._count += 1
        name = f"relay_{os.getpid()}_{self._count}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
