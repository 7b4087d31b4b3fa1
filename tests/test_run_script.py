"""`scripts/run`: a worker without the autoreloader next to the web server, both stopped
promptly by SIGTERM (a process manager's stop) with nothing left running."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def descendants(pid: int) -> dict[int, str]:
    """{pid: command line} of every process below `pid`, read from /proc."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
                cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            except OSError:
                continue
            parents[int(entry.name)] = (int(stat.rsplit(")", 1)[1].split()[1]), cmdline)
    found, frontier = {}, {pid}
    while frontier:
        frontier = {p for p, (ppid, _) in parents.items() if ppid in frontier}
        found.update({p: parents[p][1] for p in frontier})
    return found


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    return stat.exists() and stat.read_text().rsplit(")", 1)[1].split()[0] != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_run_serves_with_one_worker_and_stops_on_sigterm(tmp_path):
    from django.conf import settings

    env = dict(os.environ, PORT=str(free_port()), DEBUG="1")
    if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'run.sqlite3'}"
    else:
        pytest.skip("runs on its own SQLite file; the database does not matter here")
    log = tmp_path / "run.log"
    with log.open("wb") as output:
        script = subprocess.Popen(
            [str(ROOT / "scripts" / "run")],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=output,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + 180
        while True:
            assert script.poll() is None, log.read_text()[-2000:]
            assert time.monotonic() < deadline, "the server never answered"
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{env['PORT']}/", timeout=5) as r:
                    if r.status == 200:
                        break
            except OSError:
                time.sleep(0.5)
        children = descendants(script.pid)
        workers = [cmd for cmd in children.values() if "db_worker" in cmd]
        assert len(workers) == 1, workers  # no autoreloader parent around it
        assert "--no-reload" in workers[0]
        script.send_signal(signal.SIGTERM)
        script.wait(timeout=15)
        time.sleep(0.5)
        left = {pid: cmd for pid, cmd in children.items() if alive(pid)}
        assert left == {}
    finally:
        if script.poll() is None:
            os.killpg(script.pid, signal.SIGKILL)
        for pid in descendants(script.pid):
            os.kill(pid, signal.SIGKILL)
