"""Background work: extraction of articles given through the Add article page.

Enqueued with `extract_submission.enqueue(submission.pk)`; the database backend keeps the
queue in a table and `manage.py db_worker` runs it.
"""

import logging

from django.db import transaction
from django.tasks import task
from django.utils import timezone

from timeline.ingest import IngestError, ingest_article
from timeline.ingest_views import fetch_submission
from timeline.models import Submission

log = logging.getLogger(__name__)

OUTCOME = {
    "created": Submission.Status.DONE,
    "duplicate": Submission.Status.DUPLICATE,
    "unsupported": Submission.Status.UNSUPPORTED,
}


@task
def extract_submission(submission_id: int) -> str:
    """Extract and store one submitted article; the submission records the outcome."""
    with transaction.atomic():
        claimed = Submission.objects.filter(
            pk=submission_id, status=Submission.Status.QUEUED
        ).update(status=Submission.Status.RUNNING)
    if not claimed:
        return "not queued"
    submission = Submission.objects.get(pk=submission_id)
    if submission.url and not submission.data:
        try:
            fetch_submission(submission)
        except IngestError as exc:
            finish(submission, Submission.Status.FAILED, error=str(exc))
            return submission.status
        except Exception as exc:
            log.exception("Fetching submission %s failed", submission_id)
            finish(submission, Submission.Status.FAILED, error=f"fetching failed: {exc}")
            return submission.status
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
    except IngestError as exc:
        finish(submission, Submission.Status.FAILED, error=str(exc))
        return submission.status
    except Exception as exc:
        log.exception("Extraction of submission %s failed", submission_id)
        finish(submission, Submission.Status.FAILED, error=f"extraction failed: {exc}")
        return submission.status
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


def finish(submission: Submission, status: str, *, error: str = "") -> None:
    submission.status = status
    submission.error = error
    submission.finished_at = timezone.now()
    if status != Submission.Status.FAILED:
        submission.data = b""  # the article keeps the text; no need for two copies
    submission.save()
