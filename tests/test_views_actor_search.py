import re

import pytest

from timeline.models import Actor, ActorAlias

pytestmark = pytest.mark.django_db


@pytest.fixture
def actors(make_event):
    make_event()
    make_event(summary="Lavrov alone", actors=("Sergey Lavrov",))
    make_event(summary="Kerry", actors=("John Kerry",))
    Actor.objects.create(name="Sergey Nobody", kind="person")  # no events: not offered
    ActorAlias.objects.bulk_create(
        [ActorAlias(actor=Actor.objects.get(name="John Kerry"), name="Secretary Kerry", key="sk")]
    )


def test_htmx_gets_matching_actors_as_links_adding_to_the_filters(client, actors):
    response = client.get(
        "/actors/search/?name=serg&type=meeting&page=2", headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert "<html" not in html
    assert "Sergey Lavrov" in html and "Sergey Nobody" not in html
    assert 'href="/?type=meeting&amp;actor=sergey-lavrov"' in html
    assert 'hx-get="/?type=meeting&amp;actor=sergey-lavrov"' in html
    assert 'hx-target="#browse"' in html


def test_aliases_match_and_chosen_actors_are_left_out(client, actors):
    html = client.get("/actors/search/?name=secretary", headers={"HX-Request": "true"})
    assert "John Kerry" in html.content.decode()
    html = client.get("/actors/search/?name=serg&actor=sergey-lavrov").content.decode()
    assert "No other actor matches" in html


def test_without_javascript_it_is_a_full_page_with_plain_links(client, actors):
    html = client.get("/actors/search/?name=lavrov").content.decode()
    assert "<html" in html
    assert 'href="/?actor=sergey-lavrov"' in html
    assert "hx-get" not in html.split('class="facet__list"')[1]


def test_markup_in_the_search_is_escaped(client, actors):
    html = client.get("/actors/search/?name=<script>x</script>").content.decode()
    assert "<script>x" not in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html


def test_a_nul_byte_in_the_name_is_a_400_with_a_message(client, make_event):
    make_event()
    response = client.get("/actors/search/?name=Lav%00rov")
    assert response.status_code == 400
    assert "NUL" in response.content.decode()


def test_query_count_does_not_grow_with_actors_or_events(
    client, actors, make_event, django_assert_max_num_queries
):
    """The matching actors' names, then the 15 shown; every actor's count of public events
    and the header's years are kept until the data change (not counted at each keystroke)."""
    with django_assert_max_num_queries(4):
        assert client.get("/actors/search/?name=e").status_code == 200
    for n in range(30):
        make_event(summary=f"Meeting {n}", actors=(f"Envoy {n}", "Sergey Lavrov"))
    with django_assert_max_num_queries(4):
        html = client.get("/actors/search/?name=e").content.decode()
    with django_assert_max_num_queries(2):
        again = client.get("/actors/search/?name=e", headers={"HX-Request": "true"})
    labels = re.compile(r'class="facet__label">([^<]+)<')
    assert labels.findall(again.content.decode()) == labels.findall(html)  # the same matches
    # The busiest first, and at most 15.
    assert html.index("Sergey Lavrov") < html.index("Envoy 0")
    assert html.count('class="facet__item"') == 15
