"""A throwaway PostgreSQL 15 cluster for the workspace tests: initdb, pg_ctl, a free port.

As root, initdb refuses to run, so the server then runs as `nobody` in a folder it owns.
Each test gets its own database; roles are cluster-wide and named per session.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import psycopg
from psycopg import sql

PASSWORD_GROUP = "password_login"
BIN_DIRS = [Path(f"/usr/lib/postgresql/{v}/bin") for v in (17, 16, 15)]


def _bin(name: str) -> str:
    for folder in BIN_DIRS:
        if (folder / name).exists():
            return str(folder / name)
    found = shutil.which(name)
    if found is None:
        raise RuntimeError(f"{name} not found: install PostgreSQL (.ci/setup does)")
    return found


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Cluster:
    """A running server on 127.0.0.1 with trust authentication (each role is who it says)."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="cxroadmap-pg-"))
        self.data = self.folder / "data"
        self.port = _free_port()
        self._names = itertools.count(1)
        self._as: list[str] = []
        if os.geteuid() == 0:
            os.chmod(self.folder, 0o755)
            shutil.chown(self.folder, "nobody")
            self._as = ["runuser", "-u", "nobody", "--"]

    def _run(self, *args: str) -> None:
        subprocess.run([*self._as, *args], check=True, capture_output=True, timeout=120)

    def start(self) -> None:
        self._run(
            _bin("initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres",
            "--no-sync", "-E", "UTF8", "--locale", "C",
        )  # fmt: skip
        # Members of PASSWORD_GROUP must log in with a password; everyone else is trusted.
        hba = self.data / "pg_hba.conf"
        rule = f"host all +{PASSWORD_GROUP} 127.0.0.1/32 scram-sha-256\n"
        hba.write_text(rule + hba.read_text())
        options = (
            f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c full_page_writes=off -c synchronous_commit=off -c max_connections=100"
        )
        self._run(
            _bin("pg_ctl"), "-D", str(self.data), "-o", options, "-w", "-t", "60",
            "-l", str(self.folder / "server.log"), "start",
        )  # fmt: skip
        with self.admin() as conn:
            conn.execute(f"CREATE ROLE {PASSWORD_GROUP} NOLOGIN")

    def stop(self) -> None:
        with contextlib.suppress(subprocess.SubprocessError):
            self._run(_bin("pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)

    def password_role(self, prefix: str, password: str) -> str:
        """A new login role that the server asks for `password` (never trusted)."""
        name = self.role(prefix)
        with self.admin() as conn:
            conn.execute(
                sql.SQL("ALTER ROLE {} PASSWORD {}").format(
                    sql.Identifier(name), sql.Literal(password)
                )
            )
            conn.execute(f'GRANT {PASSWORD_GROUP} TO "{name}"')
        return name

    def url(self, role: str = "postgres", database: str = "postgres") -> str:
        return f"postgresql://{role}@127.0.0.1:{self.port}/{database}"

    def admin(self) -> psycopg.Connection:
        return psycopg.connect(self.url(), autocommit=True)

    def role(self, prefix: str) -> str:
        """A new login role, neither superuser nor BYPASSRLS."""
        name = f"{prefix}{next(self._names)}"
        with self.admin() as conn:
            conn.execute(f'CREATE ROLE "{name}" LOGIN NOSUPERUSER NOBYPASSRLS')
        return name

    def database(self, owner: str, template: str = "template0") -> str:
        name = f"ws{next(self._names)}"
        with self.admin() as conn:
            conn.execute(f'CREATE DATABASE "{name}" OWNER "{owner}" TEMPLATE "{template}"')
        return name


@contextlib.contextmanager
def running_cluster() -> Iterator[Cluster]:
    cluster = Cluster()
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.stop()
