"""Several processes ingesting at once: each text is stored once, each actor once, no crash.

Another process may store the same text, or name the same new actor, while this one is still
extracting. The in-process tests below interleave that deterministically; the threaded one
races two real database connections (PostgreSQL; SQLite serializes writers by design).
The chaos test (tests/test_chaos.py) does the same with real processes on both databases.
"""

import datetime
import threading

import pytest
from django.db import connection, connections

from timeline.ingest import get_pipeline, ingest_article
from timeline.models import Actor, ActorAlias, Article, Event, Mention

PUBLISHED = datetime.date(2013, 2, 2)
TEXT = (
    "MUNICH, Feb 2 (Reuters) - Russian Foreign Minister Sergey Lavrov met Syrian opposition "
    "leader Moaz al-Khatib in Munich on Saturday, the first such talks since the uprising began."
)
OTHER_TEXT = (
    "MUNICH, Feb 2 (AP) - U.S. Vice President Joe Biden met Moaz al-Khatib, the head of the "
    "Syrian National Coalition, in Munich on Saturday and pledged more aid."
)


class MeanwhileAnotherProcess:
    """A pipeline that, once it has extracted, lets `meanwhile` run before the text is stored,
    as another process finishing first would."""

    def __init__(self, meanwhile):
        self.pipeline = get_pipeline()
        self.meanwhile = meanwhile

    def extract(self, *args, **kwargs):
        extraction = self.pipeline.extract(*args, **kwargs)
        self.meanwhile()
        return extraction


@pytest.mark.django_db
def test_same_text_stored_by_another_process_during_extraction_is_a_duplicate():
    def other_process():
        ingest_article(data=TEXT, published=PUBLISHED, outlet="Reuters")

    result = ingest_article(
        data=TEXT,
        published=PUBLISHED,
        outlet="Reuters",
        pipeline=MeanwhileAnotherProcess(other_process),
    )
    stored = Article.objects.get()
    assert result.status == "duplicate"
    assert result.article == stored  # the command prints its id: never None
    assert Mention.objects.filter(article=stored).exists()


@pytest.mark.django_db
def test_ingest_command_reports_a_text_stored_meanwhile_as_skipped(tmp_path, monkeypatch):
    from io import StringIO

    from django.core.management import call_command

    import timeline.management.commands.ingest as command

    path = tmp_path / "same.txt"
    path.write_text(TEXT, encoding="utf-8")

    def other_process():
        ingest_article(data=TEXT, published=PUBLISHED, outlet="Reuters")

    monkeypatch.setattr(command, "get_pipeline", lambda: MeanwhileAnotherProcess(other_process))
    out, err = StringIO(), StringIO()
    call_command("ingest", str(path), "--published", "2013-02-02", stdout=out, stderr=err)
    assert f"already ingested as article {Article.objects.get().pk}" in err.getvalue()
    assert "1 skipped, 0 failed" in out.getvalue()


@pytest.mark.django_db(transaction=True)
def test_two_connections_storing_the_same_text_and_actors_at_once():
    if connection.vendor == "sqlite":
        pytest.skip("SQLite takes the write lock at BEGIN (IMMEDIATE): writers never interleave")
    barrier = threading.Barrier(2, timeout=30)
    pipeline = get_pipeline()

    class Together:
        def extract(self, *args, **kwargs):
            extraction = pipeline.extract(*args, **kwargs)
            barrier.wait()  # both have extracted and checked for duplicates: store at once
            return extraction

    outcomes, errors = {}, []

    def ingest(name, text, pipeline):
        try:
            result = ingest_article(data=text, published=PUBLISHED, outlet=name, pipeline=pipeline)
            outcomes[name] = result.status
        except Exception as exc:  # noqa: BLE001 - the test reports what went wrong
            errors.append(exc)
        finally:
            connections.close_all()

    def counts():
        return [m.objects.count() for m in (Article, Actor, ActorAlias, Event, Mention)]

    def clear():
        for model in (Article, Event, Actor):
            model.objects.all().delete()

    # One after the other, for reference.
    ingest("outlet 0", TEXT, pipeline)
    ingest("outlet 1", OTHER_TEXT, pipeline)
    sequential = counts()
    assert errors == [] and sequential[0] == 2
    for texts in ([TEXT, OTHER_TEXT], [TEXT, TEXT]):
        clear()
        outcomes.clear()
        threads = [
            threading.Thread(target=ingest, args=(f"outlet {n}", text, Together()))
            for n, text in enumerate(texts)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        if texts[0] == texts[1]:
            assert sorted(outcomes.values()) == ["created", "duplicate"]
            assert Article.objects.count() == 1
        else:
            # The same actors, aliases and merged events as when stored one after the other.
            assert counts() == sequential


def test_three_ingest_commands_at_once_on_one_text(tmp_path, scratch_database):
    """Three `manage.py ingest same.txt` started together (real processes, on SQLite or
    PostgreSQL): one stores it, the others say it is already there; no traceback."""
    from tests.processes import manage, query

    path = tmp_path / "same.txt"
    path.write_text(TEXT + "\n\n" + OTHER_TEXT, encoding="utf-8")
    processes = [
        manage("ingest", str(path), "--published", "2013-02-02", url=scratch_database)
        for _ in range(3)
    ]
    outputs = [p.communicate(timeout=180) for p in processes]
    results = [(p.returncode, out, err) for p, (out, err) in zip(processes, outputs, strict=True)]
    for code, _out, err in results:
        assert code == 0, err
        assert "Traceback" not in err
    sums = sorted(out.strip().splitlines()[-1] for _, out, _ in results)
    assert [s.startswith("1 articles") for s in sums].count(True) == 1, sums
    assert [s.endswith("1 skipped, 0 failed") for s in sums].count(True) == 2, sums
    (article,) = query(scratch_database, "SELECT id FROM timeline_article")
    assert sum(f"already ingested as article {article[0]}" in err for _, _, err in results) == 2
    assert query(scratch_database, "SELECT count(*) FROM timeline_mention")[0][0] > 0
