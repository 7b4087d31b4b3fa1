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
    for day in range(1, 15):
        make_event(date=datetime.date(2013, 1, day), summary=f"More {day}")
    # actor, aliases, partners, chart, events, their actors, their mentions, header's years
    with django_assert_max_num_queries(8):
        assert client.get("/actors/sergey-lavrov/").status_code == 200


def test_unknown_actor_is_404(client, db):
    assert client.get("/actors/nobody/").status_code == 404
