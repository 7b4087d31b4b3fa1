import datetime

import pytest

from timeline.models import Actor, ActorAlias

pytestmark = pytest.mark.django_db


@pytest.fixture
def lavrov(make_event):
    make_event(date=datetime.date(2012, 12, 28), summary="Brahimi meets Lavrov")
    make_event(date=datetime.date(2012, 12, 29), summary="Brahimi and Lavrov again")
    make_event(
        date=datetime.date(2013, 5, 7),
        summary="Kerry meets Lavrov",
        actors=("John Kerry", "Sergey Lavrov"),
    )
    make_event(summary="Brahimi alone", actors=("Lakhdar Brahimi",))
    make_event(summary="Rejected", actors=("Sergey Lavrov", "Nobody"), status="rejected")
    actor = Actor.objects.get(slug="sergey-lavrov")
    russia = Actor.objects.create(name="Russia", kind="country")
    actor.country = russia
    actor.save()
    # bulk_create: ActorAlias.save() folds the name with the extraction package.
    ActorAlias.objects.bulk_create(
        [
            ActorAlias(actor=actor, name="Sergei Lavrov", key="sergei lavrov"),
            ActorAlias(actor=actor, name="Mr <i>Lavrov</i>", key="mr lavrov"),
        ]
    )
    return actor


def test_actor_page_shows_facts_events_and_chart(client, lavrov):
    response = client.get("/actors/sergey-lavrov/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Sergey Lavrov</h1>" in html
    assert "<dd>Person</dd>" in html
    assert '<a href="/actors/russia/">Russia</a>' in html
    assert "Mr &lt;i&gt;Lavrov&lt;/i&gt;, Sergei Lavrov" in html
    assert html.index("Brahimi meets Lavrov") < html.index("Kerry meets Lavrov")
    assert "Brahimi alone" not in html and "Rejected" not in html
    assert 'href="/?actor=sergey-lavrov"' in html
    # Activity: December 2012 to May 2013; a bar links to the timeline for that month.
    assert "<title>December 2012: 2 events</title>" in html
    assert 'href="/?actor=sergey-lavrov&amp;from=2013-05&amp;to=2013-05"' in html


def test_met_most_often_with_links_to_both_on_the_timeline(client, lavrov):
    response = client.get("/actors/sergey-lavrov/")
    partners = [
        (p["actor"].name, p["actor"].shared, p["url"]) for p in response.context["partners"]
    ]
    assert partners == [
        ("Lakhdar Brahimi", 2, "/?actor=sergey-lavrov&actor=lakhdar-brahimi"),
        ("John Kerry", 1, "/?actor=sergey-lavrov&actor=john-kerry"),
    ]


def test_query_count_is_constant(client, lavrov, make_event, django_assert_max_num_queries):
    from django.db import connection

    # actor, aliases, partners, chart, events, their actors, their mentions, the header's
    # years; on SQLite, how busy the actor is (kept until the data change); on PostgreSQL
    # the time budget's SET and its savepoints around partners and chart.
    most = 10 + (2 + 2 * 2 if connection.vendor == "postgresql" else 0)
    with django_assert_max_num_queries(most):
        assert client.get("/actors/sergey-lavrov/").status_code == 200
    for day in range(1, 15):
        make_event(date=datetime.date(2013, 1, day), summary=f"More {day}")
    with django_assert_max_num_queries(most):
        assert client.get("/actors/sergey-lavrov/").status_code == 200


def test_the_busiest_actor_is_shown_a_page_at_a_time(client, lavrov, make_event, monkeypatch):
    from timeline import views

    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    more = [make_event(date=datetime.date(2014, 1, day), summary=f"More {day}") for day in (1, 2)]
    html = client.get("/actors/sergey-lavrov/").content.decode()
    assert "Brahimi meets Lavrov" in html and "Kerry meets Lavrov" not in html
    assert "Earlier events" not in html
    # Five events in all; two on this page, and the link to the next.
    assert '<span class="count">5</span>' in html
    second = client.get("/actors/sergey-lavrov/?after=" + html.split("?after=")[1].split('"')[0])
    html = second.content.decode()
    assert "Kerry meets Lavrov" in html and "More 1" in html and "Brahimi meets" not in html
    last = f"2014-01-01.0.{more[0].pk}"
    assert f'href="/actors/sergey-lavrov/?after={last}"' in html
    assert "More 2" in client.get(f"/actors/sergey-lavrov/?after={last}").content.decode()
    assert client.get("/actors/sergey-lavrov/?after=nonsense").status_code == 400


def test_unknown_actor_is_404(client, db):
    assert client.get("/actors/nobody/").status_code == 404
