"""Background work: extraction of articles given through the Add article page, re-extraction.

Enqueued with `Submission.enqueue()` (or `reextract_articles.enqueue(ids)`); the database
backend keeps the queue in a table and `manage.py db_worker` runs it. Each worker writes a
heartbeat (timeline.models.WorkerHeartbeat); `requeue_stuck_tasks()` puts a task whose worker
went quiet back in the queue, at most TASKS_MAX_ATTEMPTS runs in all, then fails it with a
message. Workers run it every heartbeat; `manage.py requeue_tasks` runs it by hand.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.tasks import task, task_backends
from django.utils import timezone

from timeline.ingest import IngestError, ingest_article
from timeline.ingest_views import fetch_submission
from timeline.models import Article, Submission, WorkerHeartbeat

log = logging.getLogger(__name__)

OUTCOME = {
    "created": Submission.Status.DONE,
    "duplicate": Submission.Status.DUPLICATE,
    "unsupported": Submission.Status.UNSUPPORTED,
}


class ExtractionFailed(Exception):
    """Raised after the submission is marked failed, so that the task row says failed too."""


class WorkerLost(Exception):
    """What a task row says when its worker stopped TASKS_MAX_ATTEMPTS times while running it."""


@task
def extract_submission(submission_id: int) -> str:
    """Extract and store one submitted article; the submission records the outcome."""
    with transaction.atomic():
        claimed = Submission.objects.filter(
            pk=submission_id, status=Submission.Status.QUEUED
        ).update(status=Submission.Status.RUNNING, attempts=F("attempts") + 1)
    if not claimed:
        return "not queued"
    submission = Submission.objects.get(pk=submission_id)
    if submission.url and not submission.data:
        try:
            fetch_submission(submission)
        except Exception as exc:
            raise failed(submission, "fetching", exc) from exc
        if submission.published is None:  # the curator confirms or gives the date first
            submission.status = Submission.Status.DRAFT
            submission.save()
            return submission.status
    try:
        result = ingest_article(
            data=bytes(submission.data),
            filename=submission.filename,
            published=submission.published,
            published_how=submission.published_how,
            title=submission.title,
            outlet=submission.outlet,
            url=submission.url,
        )
    except Exception as exc:
        raise failed(submission, "extraction", exc) from exc
    article = result.article
    detected = submission.detected_how and submission.published == submission.detected_published
    if article is not None and result.status == "created" and detected:
        article.published_note = submission.detected_how[:300]
        article.save(update_fields=["published_note"])
    submission.article = article
    submission.new_events = result.new_event_ids
    submission.merged_events = sorted(set(result.merged_event_ids) - set(result.new_event_ids))
    error = article.error if article is not None and result.status == "unsupported" else ""
    finish(submission, OUTCOME[result.status], error=error)
    return submission.status


def failed(submission: Submission, step: str, exc: Exception) -> ExtractionFailed:
    """Fail the submission for `exc` raised by `step` ("fetching", "extraction"), and the
    error that fails its task: an IngestError says what was wrong; anything else is logged.
    Called inside the `except` block, so the log has the traceback."""
    if isinstance(exc, IngestError):
        finish(submission, Submission.Status.FAILED, error=str(exc))
    else:
        log.exception("%s of submission %s failed", step.capitalize(), submission.pk)
        finish(submission, Submission.Status.FAILED, error=f"{step} failed: {exc}")
    return ExtractionFailed(submission.error)


def finish(submission: Submission, status: str, *, error: str = "") -> None:
    submission.status = status
    submission.error = error
    submission.finished_at = timezone.now()
    if status != Submission.Status.FAILED:
        submission.data = b""  # the article keeps the text; no need for two copies
    submission.save()


@task
def reextract_articles(article_ids: list[int], user_id: int | None = None) -> str:
    """Run the current pipeline again on stored articles (the admin's action); curators'
    events stay. Each article is its own transaction, so a rerun after a crash is harmless;
    each gets a line in its admin History, by the curator who asked."""
    from django.contrib.admin.models import CHANGE, LogEntry

    from timeline.ingest import get_pipeline, reextract_article

    pipeline = get_pipeline()
    lines, failed = [], []
    for article in Article.objects.filter(pk__in=article_ids).order_by("id"):
        try:
            report = reextract_article(article, pipeline)
        except IngestError as exc:
            failed.append(f"{article.pk} {article}: {exc}")
            message = f"Re-extraction failed: {exc}"
        else:
            lines.append(f"{article.pk} {article}: {report.summary()}")
            message = f"Re-extracted: {report.summary()}."
        if user_id is not None:
            LogEntry.objects.log_actions(user_id, [article], CHANGE, message)
    if failed:
        raise ExtractionFailed("; ".join(failed))
    return "\n".join(lines)


# --- Tasks whose worker is gone --------------------------------------------------------------

# Exceptions that mean the worker was told to stop, not that the task went wrong.
SHUTDOWN = {"builtins.SystemExit", "builtins.KeyboardInterrupt"}


def uses_database_queue() -> bool:
    from django_tasks_db.backend import DatabaseBackend

    return isinstance(task_backends["default"], DatabaseBackend)


@dataclass
class Requeued:
    task_id: str
    task_name: str
    submission_id: int | None
    attempts: int
    failed: bool
    why: str = ""  # else: its worker stopped

    def __str__(self) -> str:
        what = f"{self.task_name} {self.task_id}"
        if self.submission_id is not None:
            what += f" (submission {self.submission_id})"
        if self.why:
            return f"{'failed' if self.failed else 'requeued'} {what}: {self.why}"
        if self.failed:
            return f"failed {what}: its worker stopped {self.attempts} times"
        return f"requeued {what}: its worker stopped (attempt {self.attempts + 1} next)"


def requeue_stuck_tasks(now: datetime.datetime | None = None) -> list[Requeued]:
    """Put back in the queue every running task whose worker has gone quiet; fail it once
    TASKS_MAX_ATTEMPTS workers have died on it. Then make every unfinished submission agree
    with its task. Returns what was done."""
    from django_tasks_db.models import DBTaskResult

    if not uses_database_queue():
        return []
    now = now or timezone.now()
    timeout = datetime.timedelta(seconds=settings.TASKS_WORKER_TIMEOUT)
    done = []
    with transaction.atomic():
        running = list(DBTaskResult.objects.running().select_for_update(skip_locked=True))
        heard = dict(
            WorkerHeartbeat.objects.filter(
                worker_id__in={r.worker_ids[-1] for r in running if r.worker_ids}
            ).values_list("worker_id", "seen_at")
        )
        for row in running:
            worker = row.worker_ids[-1] if row.worker_ids else None
            # Never heard from (a worker without heartbeat): judged by when it started.
            last_sign = heard.get(worker) or row.started_at or row.enqueued_at
            if now - last_sign < timeout:
                continue
            done.append(put_back(row, lost=True, now=now))
    done += reconcile_submissions(now)
    # Workers gone for a day are history; the header only needs the latest.
    latest = WorkerHeartbeat.objects.order_by("-seen_at").values_list("pk", flat=True)[:1]
    WorkerHeartbeat.objects.filter(seen_at__lt=now - datetime.timedelta(days=1)).exclude(
        pk__in=list(latest)
    ).delete()
    for outcome in done:
        log.warning("%s", outcome)
    return done


def put_back(row, *, lost: bool, now: datetime.datetime | None = None) -> Requeued:
    """Requeue the task row `row` (RUNNING, or FAILED by a shutdown) and its submission; when
    `lost` (its worker died) the run counts as an attempt, and after TASKS_MAX_ATTEMPTS the
    task fails instead. Call inside a transaction."""
    from django_tasks_db.compat import TaskResultStatus

    now = now or timezone.now()
    if not lost and row.worker_ids:
        row.worker_ids = row.worker_ids[:-1]  # told to stop: that run does not count
    attempts = len(row.worker_ids)
    submissions = Submission.objects.filter(task_id=str(row.id)).exclude(
        status__in=Submission.FINISHED
    )
    outcome = Requeued(
        task_id=str(row.id),
        task_name=row.task_path.rsplit(".", 1)[-1],
        submission_id=submissions.values_list("pk", flat=True).first(),
        attempts=attempts,
        failed=lost and attempts >= settings.TASKS_MAX_ATTEMPTS,
    )
    if outcome.failed:
        message = (
            f"The worker stopped {attempts} times while working on this (killed, or out of "
            "memory?), so it was given up. Requeue it from the admin to try again."
        )
        row.status = TaskResultStatus.FAILED
        row.finished_at = now
        row.exception_class_path = f"{WorkerLost.__module__}.{WorkerLost.__qualname__}"
        row.traceback = f"{WorkerLost.__qualname__}: {message}\n"
        row.return_value = None
        submissions.update(status=Submission.Status.FAILED, error=message, finished_at=now)
    else:
        row.status = TaskResultStatus.READY
        row.started_at = None
        row.finished_at = None
        row.exception_class_path = ""
        row.traceback = ""
        note = (
            f"The worker stopped while extracting this article; it is queued again "
            f"(attempt {attempts + 1} of {settings.TASKS_MAX_ATTEMPTS})."
            if lost
            else ""
        )
        submissions.update(status=Submission.Status.QUEUED, error=note)
    row.save()
    return outcome


def reconcile_submissions(now: datetime.datetime) -> list[Requeued]:
    """A submission still queued or running must have a task that will run it: enqueue one
    for a submission that has none (the process died between saving and enqueueing), fail
    one whose task ended without finishing it."""
    from django_tasks_db.compat import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    done = []
    waiting = Submission.objects.filter(
        status__in=[Submission.Status.QUEUED, Submission.Status.RUNNING],
        created_at__lt=now - datetime.timedelta(seconds=settings.TASKS_WORKER_TIMEOUT),
    )
    rows = DBTaskResult.objects.in_bulk([s.task_id for s in waiting if s.task_id])
    rows = {str(pk): row for pk, row in rows.items()}
    for submission in waiting:
        row = rows.get(submission.task_id)
        # A worker may finish the submission between the two reads above: change it only if
        # it is still unfinished now, with the same task (compare and set, never overwrite).
        still = Submission.objects.filter(
            pk=submission.pk, task_id=submission.task_id, status=submission.status
        )
        if row is None:
            if not still.update(status=Submission.Status.QUEUED):
                continue
            submission.status = Submission.Status.QUEUED
            submission.enqueue()
            done.append(
                Requeued(
                    submission.task_id, "extract_submission", submission.pk, 0, False,
                    why="it had no task in the queue",
                )
            )  # fmt: skip
        elif row.status in (TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED):
            reason = row.traceback.strip().splitlines()[-1] if row.traceback else row.status
            error = f"The task ended without finishing it: {reason}"
            if not still.update(status=Submission.Status.FAILED, error=error, finished_at=now):
                continue
            done.append(
                Requeued(
                    str(row.id), "extract_submission", submission.pk, submission.attempts, True,
                    why=f"its task ended without finishing it ({reason})",
                )
            )  # fmt: skip
    return done


def requeue_submission(submission: Submission) -> str:
    """Queue a submission's extraction again by hand (the admin's action): a failed one, or
    one stuck with a dead worker. Returns why it was not requeued, or "" when it was."""
    from django_tasks_db.compat import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    if submission.status == Submission.Status.DRAFT:
        return "its publication date is not confirmed yet"
    if submission.finished and submission.status != Submission.Status.FAILED:
        return f"it is done ({submission.get_status_display()})"
    if not submission.data:
        return "its text is no longer kept"
    with transaction.atomic():
        row = None
        if uses_database_queue() and submission.task_id:
            row = DBTaskResult.objects.select_for_update().filter(id=submission.task_id).first()
        if row is not None and row.status == TaskResultStatus.READY:
            return "it is already waiting in the queue"
        if row is not None and row.status == TaskResultStatus.RUNNING:
            if WorkerHeartbeat.objects.alive().filter(worker_id=row.worker_ids[-1:][0]).exists():
                return "a worker is extracting it now"
            row.status = TaskResultStatus.FAILED
            row.finished_at = timezone.now()
            row.exception_class_path = f"{WorkerLost.__module__}.{WorkerLost.__qualname__}"
            row.traceback = "WorkerLost: its worker stopped; requeued by hand as a new task\n"
            row.save()
        submission.status = Submission.Status.QUEUED
        submission.error = ""
        submission.attempts = 0
        submission.finished_at = None
        submission.save(update_fields=["status", "error", "attempts", "finished_at"])
        submission.enqueue()
    return ""
