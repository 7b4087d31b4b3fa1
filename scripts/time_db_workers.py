#!/usr/bin/env python3
"""Time N `db_worker` processes extracting a manifest's articles queued as web submissions.

    .venv/bin/python scripts/time_db_workers.py /tmp/tml/manifest.json 2 workers_bench

Drops and creates the PostgreSQL database named last (on 127.0.0.1, user postgres), migrates
it, queues every article as the Add article page does (a Submission and its task, in one
transaction), starts N workers and waits until no submission is queued or running. Prints
the wall time, the load average before and after, the workers' CPU time, the submissions'
outcomes and the counts of articles and actors (distinct ones too) and events.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUEUE = """
import datetime, json, pathlib, sys
from django.db import transaction
from timeline.models import Submission
manifest = pathlib.Path(sys.argv[-1])
for entry in json.loads(manifest.read_text()):
    with transaction.atomic():
        submission = Submission.objects.create(
            name=entry["file"], filename=entry["file"],
            data=(manifest.parent / entry["file"]).read_bytes(),
            status=Submission.Status.QUEUED,
            published=datetime.date.fromisoformat(entry["published"]),
        )
        submission.enqueue()
"""
COUNTS = (
    "SELECT (SELECT count(*) FROM timeline_article), "
    "(SELECT count(DISTINCT content_hash) FROM timeline_article), "
    "(SELECT count(*) FROM timeline_actor), (SELECT count(DISTINCT name) FROM timeline_actor), "
    "(SELECT count(*) FROM timeline_event)"
)


def main(manifest: str, workers: int, database: str) -> None:
    env = dict(os.environ, DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{database}")
    python = str(ROOT / ".venv" / "bin" / "python")
    manage = [python, str(ROOT / "manage.py")]

    def psql(sql: str) -> str:
        command = ["psql", "-h", "127.0.0.1", "-U", "postgres", database, "-Atc", sql]
        return subprocess.run(command, capture_output=True, text=True, check=True).stdout.strip()

    server = ["-h", "127.0.0.1", "-U", "postgres"]
    subprocess.run(["dropdb", *server, "--if-exists", database], check=True, capture_output=True)
    subprocess.run(["createdb", *server, database], check=True)
    subprocess.run([*manage, "migrate", "-v0"], env=env, check=True)
    shell = [*manage, "shell", "-c", f"import sys; sys.argv.append({manifest!r})\n{QUEUE}"]
    subprocess.run(shell, env=env, check=True, stdout=subprocess.DEVNULL)
    print(f"{workers} workers from {time.strftime('%H:%M:%S', time.gmtime())} UTC, "
          f"load average {os.getloadavg()[0]:.2f}", flush=True)  # fmt: skip
    started, cpu = time.monotonic(), os.times()
    command = [*manage, "db_worker", "--no-reload", "--no-startup-delay", "--interval", "0.2"]
    processes = [
        subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(workers)
    ]
    pending = "SELECT count(*) FROM timeline_submission WHERE status IN ('queued', 'running')"
    while int(psql(pending)):
        time.sleep(0.25)
    wall = time.monotonic() - started
    for process in processes:
        process.send_signal(signal.SIGTERM)
    for process in processes:
        process.wait(timeout=120)
    end = os.times()
    used = end.children_user - cpu.children_user + end.children_system - cpu.children_system
    print(f"wall {wall:.1f} s, workers' CPU {used:.1f} s, load average {os.getloadavg()[0]:.2f}")
    print(
        "submissions:",
        psql("SELECT status, count(*) FROM timeline_submission GROUP BY 1").replace("\n", "; "),
    )
    print("articles, distinct texts, actors, distinct names, events:", psql(COUNTS))


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3])
