"""Background extraction when things go wrong: a failing task, a worker that dies mid-task,
a worker told to stop, nobody running a worker. The task row and the Submission agree."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from timeline.models import Article, Submission, WorkerHeartbeat
from timeline.tasks import requeue_stuck_tasks

pytestmark = pytest.mark.django_db
TEXT = (
    "MUNICH, Feb 2 (Reuters) - Russian Foreign Minister Sergey Lavrov met Syrian opposition "
    "leader Moaz al-Khatib in Munich on Saturday, the first such talks since the uprising began."
)
LONG_AGO = datetime.timedelta(minutes=10)


def submit(text=TEXT, published=datetime.date(2013, 2, 2), **fields) -> Submission:
    submission = Submission.objects.create(
        name="pasted text",
        data=text.encode(),
        published=published,
        status=Submission.Status.QUEUED,
        **fields,
    )
    submission.enqueue()
    return submission


def claimed_by_dead_worker(submission: Submission, runs: int = 1) -> DBTaskResult:
    """As if `runs` workers had claimed the task and each been killed (kill -9) mid-task."""
    row = DBTaskResult.objects.get(id=submission.task_id)
    row.status = "RUNNING"
    row.worker_ids = [f"dead-{n}" for n in range(runs)]
    row.started_at = timezone.now() - LONG_AGO
    row.save()
    WorkerHeartbeat.objects.create(worker_id=f"dead-{runs - 1}", seen_at=timezone.now() - LONG_AGO)
    Submission.objects.filter(pk=submission.pk).update(
        status=Submission.Status.RUNNING, attempts=runs
    )
    return row


def test_a_failing_task_is_failed_on_both_sides_with_its_reason(run_worker):
    submission = submit(text="No date anywhere in this text about talks.", published=None)
    run_worker()
    submission.refresh_from_db()
    row = DBTaskResult.objects.get(id=submission.task_id)
    assert submission.status == "failed"
    assert "publication date" in submission.error
    assert row.status == "FAILED"
    assert row.exception_class_path == "timeline.tasks.ExtractionFailed"
    assert submission.error in row.traceback


def test_the_task_of_a_dead_worker_is_requeued_and_taken_over(run_worker):
    submission = submit()
    row = claimed_by_dead_worker(submission)
    done = requeue_stuck_tasks()
    assert [str(d) for d in done] == [
        f"requeued extract_submission {row.id} (submission {submission.pk}): its worker "
        "stopped (attempt 2 next)"
    ]
    row.refresh_from_db()
    submission.refresh_from_db()
    assert (row.status, submission.status) == ("READY", "queued")
    assert "queued again (attempt 2 of 3)" in submission.error
    run_worker("new-worker")
    row.refresh_from_db()
    submission.refresh_from_db()
    assert (row.status, submission.status, submission.error) == ("SUCCESSFUL", "done", "")
    assert row.worker_ids == ["dead-0", "new-worker"]
    assert Article.objects.count() == 1


def test_a_task_that_killed_every_worker_fails_with_a_message(client, curator):
    submission = submit()
    row = claimed_by_dead_worker(submission, runs=3)
    out = StringIO()
    call_command("requeue_tasks", stdout=out)
    assert out.getvalue().splitlines()[-1] == "0 requeued, 1 failed"
    row.refresh_from_db()
    submission.refresh_from_db()
    assert (row.status, submission.status) == ("FAILED", "failed")
    assert row.exception_class_path == "timeline.tasks.WorkerLost"
    assert "stopped 3 times" in submission.error
    client.force_login(curator)
    page = client.get(reverse("timeline:ingest_status", args=[submission.batch])).content.decode()
    assert "hx-trigger" not in page  # a final state: no more polling
    assert "The worker stopped 3 times" in page


def test_a_live_workers_task_is_left_alone():
    submission = submit()
    row = claimed_by_dead_worker(submission)
    WorkerHeartbeat.objects.filter(worker_id="dead-0").update(seen_at=timezone.now())
    assert requeue_stuck_tasks() == []
    row.refresh_from_db()
    assert row.status == "RUNNING"


def test_a_worker_never_heard_from_is_judged_by_when_the_task_started():
    submission = submit()
    row = claimed_by_dead_worker(submission)
    WorkerHeartbeat.objects.all().delete()  # stopped cleanly, or a worker without heartbeat
    row.started_at = timezone.now()
    row.save()
    assert requeue_stuck_tasks() == []
    row.started_at = timezone.now() - LONG_AGO
    row.save()
    assert len(requeue_stuck_tasks()) == 1


def test_a_requeued_submission_keeps_polling_and_says_why(client, curator):
    submission = submit()
    claimed_by_dead_worker(submission)
    requeue_stuck_tasks()
    client.force_login(curator)
    page = client.get(reverse("timeline:ingest_status", args=[submission.batch])).content.decode()
    assert 'hx-trigger="every 1s"' in page
    assert "The worker stopped while extracting this article" in page


def test_a_worker_told_to_stop_mid_task_puts_the_task_back(monkeypatch):
    """A second Ctrl+C or SIGTERM interrupts the task (SystemExit): back to the queue,
    without counting as an attempt."""
    import timeline.tasks
    from timeline.management.commands.db_worker import Worker

    def interrupted(**kwargs):
        raise SystemExit(1)

    monkeypatch.setattr(timeline.tasks, "ingest_article", interrupted)
    submission = submit()
    row = DBTaskResult.objects.get(id=submission.task_id)
    row.claim("stopping")
    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="stopping",
        excluded_queue_names=[],
    )
    worker.running = False  # the first signal asked it to stop after this task
    worker.run_task(row)
    row.refresh_from_db()
    submission.refresh_from_db()
    assert (row.status, row.worker_ids, submission.status) == ("READY", [], "queued")


def test_unfinished_submission_whose_task_ended_is_failed():
    submission = submit()
    Submission.objects.filter(pk=submission.pk).update(
        status=Submission.Status.RUNNING, created_at=timezone.now() - LONG_AGO
    )
    DBTaskResult.objects.filter(id=submission.task_id).update(
        status="FAILED", traceback="Traceback...\nMemoryError: out of memory\n"
    )
    (done,) = requeue_stuck_tasks()
    assert str(done).endswith(
        f"(submission {submission.pk}): its task ended without finishing it "
        "(MemoryError: out of memory)"
    )
    submission.refresh_from_db()
    assert submission.status == "failed"
    assert submission.error.endswith("MemoryError: out of memory")


def test_a_submission_finished_while_being_reconciled_stays_done(monkeypatch):
    """The worker finishes between the reconciler's read of the submissions and its read of
    their tasks: the reconciler sees a running submission and an ended task, and must not
    fail what is done (this happened under CHAOS_SEED=20261206)."""
    submission = submit()
    Submission.objects.filter(pk=submission.pk).update(
        status=Submission.Status.RUNNING, created_at=timezone.now() - LONG_AGO
    )
    in_bulk = type(DBTaskResult.objects).in_bulk

    def worker_finishes_first(manager, *args, **kwargs):
        Submission.objects.filter(pk=submission.pk).update(status=Submission.Status.DONE)
        DBTaskResult.objects.filter(id=submission.task_id).update(status="SUCCESSFUL")
        return in_bulk(manager, *args, **kwargs)

    monkeypatch.setattr(type(DBTaskResult.objects), "in_bulk", worker_finishes_first)
    assert requeue_stuck_tasks() == []
    submission.refresh_from_db()
    assert (submission.status, submission.error) == ("done", "")


def test_a_queued_submission_without_a_task_gets_one(run_worker):
    """The process died between saving a submission and queueing it (another backend then)."""
    submission = submit()
    DBTaskResult.objects.all().delete()
    Submission.objects.filter(pk=submission.pk).update(created_at=timezone.now() - LONG_AGO)
    (done,) = requeue_stuck_tasks()
    assert str(done).endswith("it had no task in the queue")
    run_worker()
    submission.refresh_from_db()
    assert submission.status == "done"


def test_admin_requeues_a_failed_submission_as_a_new_task(curator_client, run_worker):
    failed = submit()
    row = claimed_by_dead_worker(failed, runs=3)
    requeue_stuck_tasks()
    done = submit(text=TEXT.replace("Munich", "Geneva"))
    run_worker()
    response = curator_client.post(
        reverse("admin:timeline_submission_changelist"),
        {"action": "requeue_submissions", "_selected_action": [failed.pk, done.pk]},
        follow=True,
    )
    page = response.content.decode()
    assert "Pasted text: queued again." in page
    assert "Pasted text: not requeued, it is done (extracted)." in page
    failed.refresh_from_db()
    assert failed.status == "queued" and failed.attempts == 0 and failed.error == ""
    assert failed.task_id != str(row.id)
    run_worker()
    failed.refresh_from_db()
    assert failed.status == "done"


def test_the_header_tells_staff_when_no_worker_is_running(client, curator):
    client.force_login(curator)
    assert "No worker is running" in client.get("/").content.decode()
    WorkerHeartbeat.objects.create(worker_id="w", seen_at=timezone.now() - LONG_AGO)
    assert "No worker has been seen since 10" in client.get("/").content.decode()
    WorkerHeartbeat.objects.create(worker_id="w2", seen_at=timezone.now())
    assert "No worker" not in client.get("/").content.decode()


def test_the_header_says_nothing_of_workers_to_the_public(client):
    assert "No worker" not in client.get("/").content.decode()


def test_the_worker_writes_its_heartbeat_and_removes_it_on_exit(settings):
    from timeline.management.commands.db_worker import Heartbeat

    heartbeat = Heartbeat("beating")
    heartbeat.beat()
    seen = WorkerHeartbeat.objects.get(worker_id="beating")
    assert timezone.now() - seen.seen_at < datetime.timedelta(seconds=5)
    assert WorkerHeartbeat.objects.alive().filter(worker_id="beating").exists()
    heartbeat.stop()
    assert not WorkerHeartbeat.objects.filter(worker_id="beating").exists()
