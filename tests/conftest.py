import datetime

import pytest

from tests.processes import migrated_template, scratch_database  # noqa: F401 (fixtures)
from timeline.models import Actor, Article, Event, EventActor, Mention, Place


@pytest.fixture(autouse=True)
def fresh_cache():
    """Counts kept in the cache belong to one test's data: a rolled-back test leaves them."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def facet_budget_queries(db):
    """What the facets' time budget costs in statements: none on SQLite (a progress handler);
    on PostgreSQL setting and resetting statement_timeout, and in a transaction (as tests
    are) a savepoint around each of the six facet queries."""
    from django.db import connection

    return 2 + 2 * 6 if connection.vendor == "postgresql" else 0


@pytest.fixture
def make_event(db):
    """Create an event with its actors and one mention, as ingest would."""
    counter = {"n": 0}

    def make(
        *,
        date=datetime.date(2012, 12, 28),
        precision="day",
        type="meeting",
        summary="Lakhdar Brahimi meets Sergey Lavrov in Moscow",
        actors=("Lakhdar Brahimi", "Sergey Lavrov"),
        place="Moscow",
        status="proposed",
        outlet="CNN",
        sentence=None,
    ):
        counter["n"] += 1
        n = counter["n"]
        article = Article.objects.create(
            title=f"Article {n}",
            outlet=outlet,
            published=date,
            raw_text=f"{sentence or summary} ({n})",
            clean_text=f"{sentence or summary} ({n})",
            status=Article.Status.DONE,
        )
        event = Event.objects.create(
            date=date,
            precision=precision,
            type=type,
            summary=summary,
            status=status,
            place=Place.objects.get_or_create(name=place)[0] if place else None,
        )
        for name in actors:
            actor, _ = Actor.objects.get_or_create(name=name, defaults={"kind": "person"})
            EventActor.objects.create(event=event, actor=actor, role="source")
        Mention.objects.create(
            event=event,
            article=article,
            sentence=sentence or summary,
            start=0,
            end=len(sentence or summary),
        )
        return event

    return make


@pytest.fixture
def curator(db, django_user_model):
    """A staff user in the curators group (made again here: transactional tests flush it)."""
    import importlib

    from django.contrib.auth.models import Group, Permission

    group, created = Group.objects.get_or_create(name="curators")
    if created:
        migration = importlib.import_module("timeline.migrations.0003_curators_group")
        wanted = [
            f"{a}_{m}" for m, actions in migration.CURATOR_PERMISSIONS.items() for a in actions
        ]
        group.permissions.set(
            Permission.objects.filter(content_type__app_label="timeline", codename__in=wanted)
        )
    user = django_user_model.objects.create_user("curator", password="pw-curator-1", is_staff=True)
    user.groups.add(group)
    return user


@pytest.fixture
def curator_client(client, curator):
    client.force_login(curator)
    return client


@pytest.fixture
def run_worker(monkeypatch, settings):
    """Run `db_worker`'s worker (timeline's, with its heartbeat) in this process until the
    queue is empty."""
    import django_tasks_db.management.commands.db_worker as base

    import timeline.management.commands.db_worker as ours
    from timeline.management.commands.db_worker import Worker

    # Inside a test's transaction the worker must keep its connection (PostgreSQL would drop
    # it as "left in a transaction"), and its heartbeat thread must not wake up.
    for module in (base, ours):
        monkeypatch.setattr(module, "close_old_connections", lambda: None)
    settings.TASKS_HEARTBEAT = 3600

    def run(worker_id="test"):
        Worker(
            queue_names=["default"],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id=worker_id,
            excluded_queue_names=[],
        ).run()

    return run


@pytest.fixture
def allow_local(settings):
    """Pages served on 127.0.0.1 by a test may be fetched despite the address rule."""
    settings.INGEST_FETCH_ALLOWED_HOSTS = ["127.0.0.1"]
