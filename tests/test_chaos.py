"""Chaos: ingest processes and a worker killed (SIGKILL) at random moments, then started again.

Three `manage.py ingest --manifest` processes each ingest the same articles in their own
order while a `db_worker` extracts submissions from the web form; each is killed at a moment
drawn from a seeded generator (CHAOS_SEED; the worker once it is inside a task). Then
everything is started again and runs to the end. Afterwards every article is stored exactly
once, every submission and task has ended (the dead worker's task taken over by the new
one), and no event lost its mentions. Runs on the database under test (SQLite file or a
PostgreSQL database of its own), in well under a minute on an idle machine.
"""

import json
import os
import random
import signal
import time

from tests.processes import manage, query, run

SEED = int(os.environ.get("CHAOS_SEED", "20261206"))
INGESTERS = 3
# Short, so that the new worker takes the dead one's task over within seconds.
FAST_REQUEUE = {"TASKS_WORKER_TIMEOUT": "2", "TASKS_HEARTBEAT": "0.3"}

# Written for this test in the style of the wires; each yields at least one event, and they
# share actors, so that several processes create the same new actors at once.
ARTICLES = [
    ("2013-05-07", "MOSCOW, May 7 (Reuters) - U.S. Secretary of State John Kerry met Russian Foreign Minister Sergei Lavrov in Moscow on Tuesday, and the two agreed to bring the Syrian government and the opposition to an international conference."),
    ("2013-06-25", "GENEVA, June 25 (AP) - U.N. envoy Lakhdar Brahimi met Russian and American diplomats in Geneva on Tuesday but failed to agree on a date for the peace conference on Syria."),
    ("2014-01-22", "MONTREUX, Switzerland, Jan 22 (Reuters) - U.N. Secretary-General Ban Ki-moon met Syrian Foreign Minister Walid al-Moualem in Montreux on Wednesday, before the Geneva II conference on Syria opened."),
    ("2015-10-30", "VIENNA, Oct 30 (AP) - Iran joined talks on Syria for the first time on Friday as foreign ministers from 17 countries met in Vienna."),
    ("2016-02-12", "MUNICH, Feb 12 (Reuters) - World powers agreed in Munich on Friday to a cessation of hostilities in Syria to begin within a week, U.S. Secretary of State John Kerry said."),
    ("2017-01-23", "ASTANA, Jan 23 (AP) - Russia, Turkey and Iran opened talks between the Syrian government and rebel groups in Astana on Monday."),
    ("2012-06-30", "GENEVA, June 30 (Reuters) - Kofi Annan chaired a meeting of the Action Group for Syria in Geneva on Saturday, where world powers agreed on principles for a political transition."),
    ("2018-01-30", "SOCHI, Russia, Jan 30 (AP) - Russia hosted a Syrian national dialogue congress in Sochi on Tuesday, which the main opposition groups boycotted."),
]  # fmt: skip
SUBMITTED = [
    ("2013-09-14", "GENEVA, Sept 14 (Reuters) - Sergei Lavrov and John Kerry agreed in Geneva on Saturday on a plan to remove Syria's chemical weapons."),
    ("2012-12-29", "MOSCOW, Dec 29 (AP) - Lakhdar Brahimi met Russian Foreign Minister Sergei Lavrov in Moscow on Saturday to discuss the crisis in Syria."),
    ("2016-09-09", "GENEVA, Sept 9 (Reuters) - John Kerry and Sergei Lavrov announced a ceasefire plan for Syria in Geneva on Friday after talks that lasted through the night."),
    ("2014-02-15", "GENEVA, Feb 15 (AP) - Lakhdar Brahimi met opposition and government delegations in Geneva on Saturday as the second round of peace talks ended without progress."),
]  # fmt: skip

# Queue the web form's submissions as the Add article page does (run in `manage.py shell`).
SUBMIT = """
import datetime, json, os
from django.db import transaction
from timeline.models import Submission
for published, text in json.loads(os.environ["CHAOS_SUBMITTED"]):
    with transaction.atomic():
        submission = Submission.objects.create(
            name="pasted text", data=text.encode(), status=Submission.Status.QUEUED,
            published=datetime.date.fromisoformat(published),
        )
        submission.enqueue()
"""


def write_manifests(folder, rng) -> list:
    for n, (_, text) in enumerate(ARTICLES):
        (folder / f"{n}.txt").write_text(text, encoding="utf-8")
    manifests = []
    for i in range(INGESTERS):
        order = list(enumerate(ARTICLES))
        rng.shuffle(order)
        path = folder / f"manifest-{i}.json"
        items = [{"file": f"{n}.txt", "published": day, "outlet": "Wire"} for n, (day, _) in order]
        path.write_text(json.dumps(items))
        manifests.append(path)
    return manifests


def running_tasks(url) -> int:
    sql = "SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE status = 'RUNNING'"
    return query(url, sql)[0][0]


def stop(process, sig=signal.SIGKILL):
    if process.poll() is None:
        process.send_signal(sig)
    out, err = process.communicate(timeout=60)
    return process.returncode, out, err


def test_killed_ingests_and_worker_lose_nothing(tmp_path, scratch_database):
    url = scratch_database
    rng = random.Random(SEED)
    why = f"(CHAOS_SEED={SEED})"
    manifests = write_manifests(tmp_path, rng)
    run("shell", "-c", SUBMIT, url=url, env={"CHAOS_SUBMITTED": json.dumps(SUBMITTED)})

    # Round one: everything at once, each killed at its own random moment.
    started = time.monotonic()
    ingesters = [
        (manage("ingest", "--manifest", str(m), url=url), rng.uniform(1.0, 15.0)) for m in manifests
    ]
    worker = manage("db_worker", "--no-reload", "--no-startup-delay", "--interval", "0.2",
                    url=url, env=FAST_REQUEUE)  # fmt: skip
    worker_kill = None
    survivors = []
    while ingesters or worker is not None:
        now = time.monotonic() - started
        assert now < 120, f"round one does not end {why}"
        for process, at in list(ingesters):
            if process.poll() is not None or now >= at:
                code, _, err = stop(process)
                if code != -signal.SIGKILL:
                    survivors.append((code, err))
                ingesters.remove((process, at))
        if worker is not None:
            if worker_kill is None and running_tasks(url):
                worker_kill = now + rng.uniform(0.0, 1.0)  # somewhere inside a task
            if (worker_kill is not None and now >= worker_kill) or now > 30:
                stop(worker)
                worker = None
        time.sleep(0.05)
    for code, err in survivors:  # the ones that finished before their moment came
        assert code == 0 and "Traceback" not in err, f"{err[-3000:]} {why}"

    print(f"round one: {time.monotonic() - started:.1f} s")  # noqa: T201 (shown on failure)

    # Round two: start them all again and let them finish.
    ingesters = [manage("ingest", "--manifest", str(m), url=url) for m in manifests]
    worker = manage("db_worker", "--no-reload", "--no-startup-delay", "--interval", "0.2",
                    url=url, env=FAST_REQUEUE)  # fmt: skip
    for process in ingesters:
        out, err = process.communicate(timeout=150)
        assert process.returncode == 0 and "Traceback" not in err, f"{err[-3000:]} {why}"
    deadline = time.monotonic() + 90
    sql = "SELECT count(*) FROM timeline_submission WHERE status IN ('queued', 'running')"
    while query(url, sql)[0][0]:
        assert worker.poll() is None, worker.communicate()[1][-3000:]
        assert time.monotonic() < deadline, f"submissions never finished {why}"
        time.sleep(0.2)
    code, _, err = stop(worker, signal.SIGTERM)
    print(f"both rounds: {time.monotonic() - started:.1f} s")  # noqa: T201
    assert code == 0 and "Traceback" not in err, err[-3000:]

    # Every article exactly once: the manifests' and the submissions'.
    texts = [text for _, text in ARTICLES + SUBMITTED]
    stored = query(url, "SELECT raw_text FROM timeline_article")
    assert sorted(t.strip() for (t,) in stored) == sorted(texts), why
    # Every submission ended, extracted; every task row ended and agrees with it.
    submissions = query(url, "SELECT status, error FROM timeline_submission")
    assert submissions == [("done", "")] * len(SUBMITTED), f"{submissions} {why}"
    tasks = query(url, "SELECT status FROM django_tasks_database_dbtaskresult")
    assert sorted(tasks) == [("SUCCESSFUL",)] * len(SUBMITTED), f"{tasks} {why}"
    runs = query(url, "SELECT worker_ids FROM django_tasks_database_dbtaskresult")
    taken_over = sum(len(json.loads(w) if isinstance(w, str) else w) > 1 for (w,) in runs)
    print(f"tasks taken over from the killed worker: {taken_over}")  # noqa: T201
    # No event without its mentions, no article without its events.
    orphans = query(
        url,
        "SELECT count(*) FROM timeline_event e WHERE NOT EXISTS "
        "(SELECT 1 FROM timeline_mention m WHERE m.event_id = e.id)",
    )
    assert orphans == [(0,)], why
    bare = query(
        url,
        "SELECT a.filename FROM timeline_article a WHERE NOT EXISTS "
        "(SELECT 1 FROM timeline_mention m WHERE m.article_id = a.id)",
    )
    assert bare == [], f"{bare} {why}"
    # The worker stopped by SIGTERM took its heartbeat with it; the killed one's remains.
    assert query(url, "SELECT count(*) FROM timeline_workerheartbeat")[0][0] <= 1
