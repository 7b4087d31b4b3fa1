"""Tests that run real `manage.py` processes against one database they share.

`scratch_database` gives each test a migrated database of its own on the engine under test
(a SQLite file, or a new PostgreSQL database on the server of DATABASE_URL): pytest-django's
test database is in memory on SQLite, or inside a transaction, where other processes cannot
see it. `query` reads it with plain SQL, without Django.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent


def engine() -> str:
    url = os.environ.get("DATABASE_URL", "")
    return "postgresql" if url.startswith(("postgres://", "postgresql://")) else "sqlite"


def manage(*args: str, url: str, env: dict | None = None, **kwargs) -> subprocess.Popen:
    """Start `manage.py ARGS` on the database at `url`."""
    environment = dict(os.environ, DATABASE_URL=url, **(env or {}))
    return subprocess.Popen(
        [sys.executable, str(ROOT / "manage.py"), *args],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kwargs,
    )


def run(*args: str, url: str, env: dict | None = None, timeout: float = 120) -> tuple[str, str]:
    process = manage(*args, url=url, env=env)
    out, err = process.communicate(timeout=timeout)
    assert process.returncode == 0, f"manage.py {' '.join(args)}: {err[-3000:]}"
    return out, err


def query(url: str, sql: str, params: tuple = ()) -> list[tuple]:
    if url.startswith("sqlite:"):
        connection = sqlite3.connect(urlsplit(url).path, timeout=30)
        try:
            return connection.execute(sql, params).fetchall()
        finally:
            connection.close()
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        cursor = connection.execute(sql.replace("?", "%s"), params)
        return cursor.fetchall() if cursor.description else []


def server_url(url: str, database: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{database}"))


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory):
    """A migrated database to copy, made once per test session; yields its URL."""
    base = os.environ.get("DATABASE_URL", "")
    if engine() == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('template') / 'template.sqlite3'}"
        run("migrate", "--no-input", "-v0", url=url, timeout=300)
        yield url
        return
    name = f"{urlsplit(base).path.strip('/')}_tpl_{uuid.uuid4().hex[:8]}"
    admin = server_url(base, "postgres")
    query(admin, f'CREATE DATABASE "{name}"')
    try:
        run("migrate", "--no-input", "-v0", url=server_url(base, name), timeout=300)
        yield server_url(base, name)
    finally:
        query(admin, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def scratch_database(tmp_path, migrated_template):
    """The DATABASE_URL of a fresh, migrated database that subprocesses can share."""
    if migrated_template.startswith("sqlite:"):
        path = tmp_path / "scratch.sqlite3"
        shutil.copy(urlsplit(migrated_template).path, path)
        yield f"sqlite:///{path}"
        return
    base = os.environ["DATABASE_URL"]
    name = f"{urlsplit(base).path.strip('/')}_scratch_{uuid.uuid4().hex[:8]}"
    template = urlsplit(migrated_template).path.strip("/")
    admin = server_url(base, "postgres")
    query(admin, f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    try:
        yield server_url(base, name)
    finally:
        query(admin, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
