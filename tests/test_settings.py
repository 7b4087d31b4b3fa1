"""Settings read from the environment: production checks, SQLite in WAL mode."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def manage(*args, **env):
    # The browser tests allow async-unsafe calls in this process; a deployment never does.
    dropped = {"DATABASE_URL", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment = {k: v for k, v in os.environ.items() if k not in dropped}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )


def test_deploy_check_reports_nothing_with_real_production_values():
    done = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="timeline.example.org",
    )
    assert done.returncode == 0, done.stderr
    assert "no issues" in done.stdout


def test_production_without_a_secret_key_is_refused_clearly():
    done = manage("check", DEBUG="0", SECRET_KEY="")
    assert done.returncode != 0
    assert "Set SECRET_KEY when DEBUG is off." in done.stderr


def test_sqlite_runs_in_wal_mode(tmp_path):
    database = tmp_path / "timeline.sqlite3"
    done = manage(
        "shell",
        "-c",
        "from django.db import connection\n"
        "with connection.cursor() as c:\n"
        "    c.execute('PRAGMA journal_mode')\n"
        "    print(c.fetchone()[0])",
        DATABASE_URL=f"sqlite:///{database}",
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "wal"
