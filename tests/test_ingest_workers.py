"""Ingest at scale: one pipeline per process, taught new actors rather than built again, and
`ingest --workers N` extracting in several processes with each text and actor stored once."""

import datetime
import os
import sqlite3
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from timeline import ingest
from timeline.extraction.actors import actor_key
from timeline.extraction.clean import load_document
from timeline.extraction.pipeline import Pipeline
from timeline.ingest import get_pipeline, ingest_article, known_actors, known_offices
from timeline.models import Actor

ROOT = Path(__file__).resolve().parent.parent
SATURDAY = datetime.date(2013, 2, 2)
# Wire copy naming the same people, and one nobody has stored yet (Tolmek Haradi), so that
# two processes race to create the same actors.
TEXTS = [
    "MUNICH, Feb 2 (Reuters) - Russian Foreign Minister Sergey Lavrov met Syrian opposition "
    "leader Moaz al-Khatib in Munich on Saturday, the first such talks since the uprising.",
    "MUNICH, Feb 2 (AP) - U.S. Vice President Joe Biden met Moaz al-Khatib, the head of the "
    "Syrian National Coalition, in Munich on Saturday and pledged more aid.",
    "MUNICH, Feb 2 (AFP) - The Zarvanian envoy Tolmek Haradi met Sergey Lavrov in Munich on "
    "Saturday to discuss a ceasefire.",
    "GENEVA, Feb 2 (Reuters) - Tolmek Haradi, the Zarvanian envoy, met Lakhdar Brahimi in "
    "Geneva on Saturday.",
    "MUNICH, Feb 2 (DPA) - Joe Biden and Sergey Lavrov met in Munich on Saturday to discuss "
    "Syria, a U.S. official said.",
    "CAIRO, Feb 2 (Reuters) - Arab League chief Nabil Elaraby met Tolmek Haradi in Cairo on "
    "Saturday.",
]


def extract(pipeline, text):
    return pipeline.extract(load_document(text.encode(), "a.txt"), published=SATURDAY)


@pytest.mark.django_db
def test_new_actors_are_taught_to_the_pipeline_and_it_extracts_as_a_new_one_would():
    pipeline = get_pipeline()
    builds = dict(ingest.pipeline_builds)
    ingest_article(data=TEXTS[2], published=SATURDAY, outlet="AFP")
    assert Actor.objects.filter(name="Tolmek Haradi").exists()
    assert get_pipeline() is pipeline
    assert ingest.pipeline_builds["taught"] == builds["taught"] + 1
    assert ingest.pipeline_builds["built"] == builds["built"]
    fresh = Pipeline(pipeline.model, known_actors(), nlp=pipeline.nlp, offices=known_offices())
    for text in TEXTS:
        assert extract(get_pipeline(), text) == extract(fresh, text)
    # A deletion (a curator's merge, say) is not an addition: the pipeline is built again.
    Actor.objects.get(name="Tolmek Haradi").delete()
    get_pipeline()
    assert ingest.pipeline_builds["built"] == builds["built"] + 1


@pytest.mark.django_db
def test_actors_stored_by_another_process_while_teaching_wait_for_the_next_version():
    """Between the version read before an article and the rows read to teach the pipeline,
    another process may store more actors: they are not mistaken for a deletion."""
    from timeline.models import ActorAlias

    old = ingest.actors_version()
    lavrov = Actor.objects.create(name="Sergey Lavrov", kind="person")
    ActorAlias.objects.create(actor=lavrov, name="Mr Lavrov")
    new = ingest.actors_version()
    haradi = Actor.objects.create(name="Tolmek Haradi", kind="person")  # the other process
    ActorAlias.objects.create(actor=haradi, name="Tolmek Haradi")
    gained = ingest.actors_since(old, new)
    assert gained is not None
    assert [(a.name, a.aliases) for a in gained] == [("Sergey Lavrov", ("Mr Lavrov",))]
    assert [a.name for a in ingest.actors_since(new, ingest.actors_version())] == ["Tolmek Haradi"]


@pytest.mark.django_db
def test_workers_must_be_at_least_one(tmp_path):
    from django.core.management.base import CommandError

    (tmp_path / "a.txt").write_text(TEXTS[0], encoding="utf-8")
    with pytest.raises(CommandError, match="at least 1"):
        call_command("ingest", str(tmp_path), "--workers", "0", "--published", "2013-02-02")


def corpus(folder: Path) -> Path:
    folder.mkdir()
    for n, text in enumerate(TEXTS):
        (folder / f"{n}.txt").write_text(text, encoding="utf-8")
    (folder / "6-again.txt").write_text(TEXTS[0], encoding="utf-8")  # the same text twice
    return folder


@pytest.mark.django_db(transaction=True)
def test_two_workers_store_each_text_and_each_actor_once(tmp_path):
    folder = corpus(tmp_path / "articles")
    args = ["ingest", str(folder), "--published", "2013-02-02", "--workers", "2"]
    if connection.vendor == "postgresql":
        # The workers are forked from this process: they use its test database.
        out = StringIO()
        call_command(*args, stdout=out, stderr=StringIO())
        summary = out.getvalue()
        with connection.cursor() as cursor:
            cursor.execute("SELECT content_hash FROM timeline_article")
            hashes = [row[0] for row in cursor.fetchall()]
            cursor.execute("SELECT name FROM timeline_actor")
            names = [row[0] for row in cursor.fetchall()]
    else:
        # SQLite's test database lives in this process's memory: use a file the workers share.
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
        manage = [sys.executable, str(ROOT / "manage.py")]
        subprocess.run([*manage, "migrate", "-v0"], env=env, check=True, cwd=ROOT)
        done = subprocess.run(
            [*manage, *args], env=env, cwd=ROOT, capture_output=True, text=True, check=True
        )
        summary = done.stdout
        db = sqlite3.connect(tmp_path / "db.sqlite3")
        hashes = [row[0] for row in db.execute("SELECT content_hash FROM timeline_article")]
        names = [row[0] for row in db.execute("SELECT name FROM timeline_actor")]
    assert "6 articles" in summary and "1 skipped, 0 failed" in summary
    assert len(hashes) == len(set(hashes)) == 6
    assert "Tolmek Haradi" in names
    keys = [actor_key(name) for name in names]
    assert len(keys) == len(set(keys)), sorted(names)
