"""Re-extraction after the pipeline improves: curators' decisions always stand."""

import datetime
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from timeline.ingest import ingest_article, reextract_article
from timeline.models import Actor, ActorAlias, Event, Mention

pytestmark = pytest.mark.django_db
CNN = Path(__file__).resolve().parent.parent / "timeline" / "samples" / "000_208d8fdeb8cb703d.txt"


def ingest_cnn():
    return ingest_article(
        data=CNN.read_bytes(),
        filename=CNN.name,
        published=datetime.date(2012, 12, 28),
        outlet="CNN",
        title="Official: Russia invites head of Syrian opposition for talks",
    ).article


def state():
    return {
        e.pk: (e.date, e.type, e.summary, e.status, e.curated, e.mentions.count())
        for e in Event.objects.all()
    }


def test_reextracting_an_unchanged_article_changes_nothing():
    article = ingest_cnn()
    before = state()
    report = reextract_article(article)
    assert state() == before
    assert report.new_events == [] and report.removed_events == []


def test_curated_confirmed_and_rejected_events_stay_and_stale_findings_go():
    article = ingest_cnn()
    events = list(Event.objects.order_by("id"))
    assert len(events) >= 4
    confirmed, curated, rejected, missed = events[:4]
    Event.objects.filter(pk=confirmed.pk).update(status="confirmed")
    # A curator moved this one's date: the pipeline would find it on the old date again.
    Event.objects.filter(pk=curated.pk).update(
        curated=True, date=datetime.date(2012, 12, 27), summary="Corrected by a curator"
    )
    Event.objects.filter(pk=rejected.pk).update(status="rejected")
    # An event the old pipeline missed comes back as proposed...
    missed_type, missed_date = missed.type, missed.date
    missed.delete()
    # ...and a finding the new pipeline no longer makes is removed.
    stale = Event.objects.create(date=datetime.date(2012, 12, 1), type="threat", summary="Stale")
    Mention.objects.create(event=stale, article=article, sentence="x", start=99999, end=100000)
    protected = {
        pk: value for pk, value in state().items() if pk in {confirmed.pk, curated.pk, rejected.pk}
    }

    report = reextract_article(article)

    after = state()
    assert {pk: after[pk] for pk in protected} == protected
    assert not Event.objects.filter(pk=stale.pk).exists()
    assert report.removed_events == [f"#{stale.pk} {stale}"]
    [back] = report.new_events
    assert (back.type, back.date, back.status, back.curated) == (
        missed_type,
        missed_date,
        "proposed",
        False,
    )
    assert Event.objects.filter(status="rejected").count() == 1
    assert Event.objects.filter(summary="Corrected by a curator").count() == 1


def test_a_curators_alias_changes_the_next_extraction():
    text = "Moscow's veteran negotiator met Moaz al-Khatib in Munich on Saturday."
    article = ingest_article(data=text, published=datetime.date(2013, 2, 3)).article
    event = Event.objects.get()
    assert "Sergey Lavrov" not in set(event.actors.values_list("name", flat=True))
    lavrov = Actor.objects.create(name="Sergey Lavrov", kind="person")
    ActorAlias.objects.create(actor=lavrov, name="Moscow's veteran negotiator")

    reextract_article(article)

    event = Event.objects.get()
    assert set(event.actors.values_list("name", flat=True)) == {"Sergey Lavrov", "Moaz al-Khatib"}


def test_command_prints_what_changed():
    article = ingest_cnn()
    Event.objects.order_by("id").first().delete()
    out = StringIO()
    call_command("reextract", str(article.pk), stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith(f"{article.pk} {article}: 1 new events")
    assert lines[1].startswith("  + #")
    assert lines[-1] == "1 new events, 0 removed, 0 failed"
    out = StringIO()
    call_command("reextract", "--all", stdout=out)
    assert out.getvalue().splitlines()[-1] == "0 new events, 0 removed, 0 failed"


@pytest.mark.parametrize(
    ("args", "message"), [([], "Give article ids"), (["--all", "1"], "not both"), (["999"], "999")]
)
def test_command_arguments(args, message):
    with pytest.raises(CommandError, match=message):
        call_command("reextract", *args, stdout=StringIO())


def test_admin_action_queues_a_task_and_the_worker_reextracts_and_logs(
    curator_client, django_capture_on_commit_callbacks, run_worker
):
    """spaCy never runs inside the request: the action queues a task; the worker logs what
    changed in each article's History, by the curator who asked."""
    from django_tasks_db.models import DBTaskResult

    article = ingest_cnn()
    Event.objects.order_by("id").first().delete()
    events = Event.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        response = curator_client.post(
            reverse("admin:timeline_article_changelist"),
            {"action": "reextract_articles", "_selected_action": [article.pk]},
            follow=True,
        )
    assert "Re-extraction of 1 article queued" in response.content.decode()
    assert Event.objects.count() == events  # nothing extracted yet
    task = DBTaskResult.objects.get()
    assert task.task_path == "timeline.tasks.reextract_articles"
    run_worker()
    task.refresh_from_db()
    assert task.status == "SUCCESSFUL", task.traceback
    assert Event.objects.count() == events + 1
    history = curator_client.get(reverse("admin:timeline_article_history", args=[article.pk]))
    assert "Re-extracted: 1 new events" in history.content.decode()
    assert "curator" in history.content.decode()
