"""`manage.py seed_synthetic`: synthetic data for benchmarks, marked, reproducible, removable."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import Count

from timeline.models import Actor, ActorAlias, Article, Event, EventActor, Mention, Place


def seed(*args):
    out = StringIO()
    call_command("seed_synthetic", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def snapshot():
    return list(
        Event.objects.order_by("date", "summary", "type").values_list(
            "date", "precision", "type", "status", "summary", "importance"
        )
    )


@pytest.mark.django_db
def test_seeds_the_events_asked_for_with_a_busiest_actor_in_two_of_five():
    out = seed("--events", "600", "--actors", "80", "--articles", "120")
    assert "Added 600 events, 120 articles, 80 actors" in out
    assert Event.objects.count() == 600
    assert Article.objects.filter(outlet="synthetic").count() == 120
    shares = sorted(
        Actor.objects.annotate(n=Count("event_links")).values_list("n", flat=True), reverse=True
    )
    assert 0.34 <= shares[0] / 600 <= 0.48
    assert shares[1] < shares[0] * 0.8  # then a long tail, not a uniform spread
    assert shares[-1] < shares[1] / 5
    # Every event is reported by at least one synthetic article, at the sentence it points to.
    assert not Event.objects.filter(mentions__isnull=True).exists()
    for mention in Mention.objects.select_related("article")[:50]:
        assert mention.article.raw_text[mention.start : mention.end] == mention.sentence
        assert mention.article.raw_text[mention.date_start : mention.date_end] == mention.date_text
    assert all(
        slug.startswith("synthetic-") for slug in Actor.objects.values_list("slug", flat=True)
    )
    assert ActorAlias.objects.count() == 80


@pytest.mark.django_db
def test_the_same_seed_gives_the_same_rows_and_another_seed_others():
    seed("--events", "200", "--actors", "30", "--seed", "7")
    first = snapshot()
    seed("--events", "200", "--actors", "30", "--seed", "7", "--clear")
    assert snapshot() == first
    seed("--events", "200", "--actors", "30", "--seed", "8", "--clear")
    assert snapshot() != first


@pytest.mark.django_db
def test_refuses_a_database_with_real_articles(make_event):
    make_event()
    with pytest.raises(CommandError, match="1 real articles"):
        seed("--events", "10")
    assert Event.objects.count() == 1


@pytest.mark.django_db
def test_refuses_to_seed_twice_without_clear():
    seed("--events", "20", "--actors", "5")
    with pytest.raises(CommandError, match="--clear"):
        seed("--events", "20", "--actors", "5")
    assert Event.objects.count() == 20


@pytest.mark.django_db
def test_clear_removes_only_the_synthetic_rows(make_event):
    real = make_event(actors=("Sergey Lavrov",), place="Moscow")
    seed("--events", "50", "--actors", "10", "--allow-real")
    assert Event.objects.count() == 51
    out = seed("--clear")
    assert "Removed 50 events, 10 articles, 10 actors" in out
    assert list(Event.objects.all()) == [real]
    assert list(Actor.objects.values_list("name", flat=True)) == ["Sergey Lavrov"]
    assert list(Place.objects.values_list("name", flat=True)) == ["Moscow"]
    assert Article.objects.count() == 1
    assert EventActor.objects.count() == 1
    assert Mention.objects.count() == 1


@pytest.mark.django_db
def test_bad_numbers_are_refused_with_a_message():
    with pytest.raises(CommandError, match="--events N"):
        seed()
    with pytest.raises(CommandError, match="not a whole number"):
        seed("--events", "many")
    with pytest.raises(CommandError, match="at least 1"):
        seed("--events", "10", "--actors", "0")
    assert not Event.objects.exists()


@pytest.mark.django_db
def test_the_site_serves_the_synthetic_timeline(client):
    seed("--events", "100", "--actors", "20")
    busiest = Actor.objects.annotate(n=Count("event_links")).order_by("-n").first()
    assert client.get("/").status_code == 200
    assert client.get(f"/?actor={busiest.slug}").status_code == 200
    assert client.get(busiest.get_absolute_url()).status_code == 200
    assert client.get(Article.objects.first().get_absolute_url()).status_code == 200
    assert client.get(Event.objects.first().get_absolute_url()).status_code == 200
