"""`manage.py backup FILE` and `manage.py restore FILE`: a dump restored into an empty
database gives the same timeline; restore never overwrites a database that holds data
unless told."""

import datetime
import gzip
import json
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.admin.models import LogEntry
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.processes import run
from timeline.ingest import ingest_article
from timeline.models import Actor, ActorAlias, Article, Event, Office

SAMPLES = Path(__file__).resolve().parent.parent / "timeline" / "samples"


def snapshot() -> dict:
    """The timeline as a reader and a curator see it, without database ids."""
    events = Event.objects.prefetch_related("event_actors__actor", "mentions__article")
    return {
        "events": sorted(
            [
                str(e.date),
                e.precision,
                e.type,
                e.summary,
                e.status,
                e.curated,
                e.planned,
                e.importance,
                e.place.name if e.place else "",
                sorted([ea.actor.slug, ea.role] for ea in e.event_actors.all()),
                sorted(
                    [m.article.content_hash, m.start, m.end, m.sentence, m.date_text]
                    for m in e.mentions.all()
                ),
            ]
            for e in events
        ),
        "actors": sorted(
            [a.name, a.slug, a.kind, sorted(a.aliases.values_list("key", flat=True))]
            for a in Actor.objects.all()
        ),
        "articles": sorted(
            [a.content_hash, a.title, a.outlet, str(a.published), a.url, a.status]
            for a in Article.objects.all()
        ),
        "offices": sorted(str(o) for o in Office.objects.all()),
        "history": sorted(
            [entry.object_repr, entry.change_message, entry.user.username]
            for entry in LogEntry.objects.select_related("user")
        ),
    }


SNAPSHOT = "import json; from tests.test_backup import snapshot; print(json.dumps(snapshot()))"


@pytest.fixture
def curated_timeline(db, curator):
    for item in json.loads((SAMPLES / "manifest.json").read_text()):
        ingest_article(
            data=(SAMPLES / item["file"]).read_bytes(),
            filename=item["file"],
            published=datetime.date.fromisoformat(item["published"]),
            outlet=item["outlet"],
            title=item["title"],
        )
    event = Event.objects.order_by("id").first()
    event.status, event.curated, event.summary = "confirmed", True, "Edited by a curator"
    event.save()
    Event.objects.order_by("id").last().delete()  # a rejected finding's event, say
    actor = Actor.objects.order_by("id").first()
    ActorAlias.objects.create(actor=actor, name=f"Mr {actor.name}")
    LogEntry.objects.log_actions(curator.pk, [event], 2, "Changed summary.")
    return snapshot()


def test_restore_into_an_empty_database_gives_the_same_timeline(
    curated_timeline, tmp_path, scratch_database
):
    dump = tmp_path / "backup.json.gz"
    out = StringIO()
    call_command("backup", str(dump), stdout=out)
    assert out.getvalue().startswith(f"Wrote {dump} (")
    assert json.loads(gzip.decompress(dump.read_bytes()))  # a compressed JSON list
    restored, _ = run("restore", str(dump), url=scratch_database)
    assert f"Restored {dump}: {Article.objects.count()} articles" in restored
    printed, _ = run("shell", "-c", SNAPSHOT, url=scratch_database)
    assert json.loads(printed.strip().splitlines()[-1]) == json.loads(json.dumps(curated_timeline))


# Committed data: PostgreSQL will not TRUNCATE (--replace) rows this transaction wrote.
@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_database_that_holds_data(curated_timeline, tmp_path):
    dump = tmp_path / "backup.json"
    call_command("backup", str(dump), stdout=StringIO())
    Article.objects.create(
        title="Added after the backup", published=datetime.date(2013, 1, 1), raw_text="x"
    )
    with pytest.raises(CommandError, match=r"not empty \(3 articles, .*--replace"):
        call_command("restore", str(dump), stdout=StringIO())
    assert Article.objects.filter(title="Added after the backup").exists()
    call_command("restore", str(dump), "--replace", stdout=StringIO())
    assert not Article.objects.filter(title="Added after the backup").exists()
    assert snapshot() == curated_timeline


@pytest.mark.django_db(transaction=True)
def test_restore_of_a_broken_file_changes_nothing(curated_timeline, tmp_path):
    dump = tmp_path / "broken.json"
    dump.write_text('[{"model": "timeline.article", "pk": 1, "fields": {"title": ')
    with pytest.raises(CommandError, match="did not load, nothing was changed"):
        call_command("restore", str(dump), "--replace", stdout=StringIO())
    assert snapshot() == curated_timeline
    with pytest.raises(CommandError, match="No such file"):
        call_command("restore", str(tmp_path / "missing.json"), stdout=StringIO())
