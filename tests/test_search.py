"""Text search on the database's own engine: the same web-search syntax on SQLite (FTS5)
and PostgreSQL (websearch_to_tsquery), chronological by default, by relevance on request."""

import datetime
import re

import pytest

from timeline.models import Event, Mention, Place
from timeline.search import Alternative, fts5_query, parse

pytestmark = pytest.mark.django_db


def test_parse_reads_words_phrases_exclusions_and_alternatives():
    assert parse('ceasefire "Geneva talks" -Russia OR truce') == [
        Alternative([["ceasefire"], ["geneva", "talks"]], [["russia"]]),
        Alternative([["truce"]]),
    ]
    # Stop words go, as PostgreSQL's English configuration drops them.
    assert parse("the talks in Geneva") == [Alternative([["talks"], ["geneva"]])]
    # Punctuation is no syntax: "U.N.-backed" is words.
    assert parse("U.N.-backed") == [Alternative([["u"], ["n"], ["backed"]])]


def test_fts5_query_quotes_every_word():
    assert fts5_query(parse('talks -Russia "a NEAR b"')) == (
        '((("talks")) NOT ("russia"))'.replace('((("talks"))', '((("talks") AND ("near" + "b"))')
    )


def titles(html: str) -> list[str]:
    return re.findall(r'id="event-\d+-summary"><a [^>]*>([^<]+)</a>', html)


@pytest.fixture
def corpus(make_event):
    make_event(
        date=datetime.date(2012, 2, 1),
        summary="Arab League proposes a ceasefire",
        place="Cairo",
        actors=("Arab League",),
    )
    make_event(
        date=datetime.date(2014, 1, 22),
        summary="Geneva talks open",
        place="Montreux",
        sentence="The peace talks opened in Montreux after a ceasefire was agreed.",
    )
    make_event(
        date=datetime.date(2016, 2, 27),
        summary="Russia backs ceasefire; ceasefire begins",
        place="Damascus",
        actors=("Russia", "United States"),
    )
    make_event(date=datetime.date(2013, 5, 7), summary="Kerry meets Lavrov", place="Moscow")


@pytest.mark.parametrize(
    "query, expected",
    [
        # Summary, sentence: a stem matches ("ceasefires" finds "ceasefire"), in date order.
        (
            "ceasefires",
            [
                "Arab League proposes a ceasefire",
                "Geneva talks open",
                "Russia backs ceasefire; ceasefire begins",
            ],
        ),
        ("ceasefire -Russia", ["Arab League proposes a ceasefire", "Geneva talks open"]),
        ('"peace talks"', ["Geneva talks open"]),
        ('"talks peace"', []),
        ("Montreux", ["Geneva talks open"]),  # the place's name, and the sentence
        ("moscow OR cairo", ["Arab League proposes a ceasefire", "Kerry meets Lavrov"]),
        ("ceasefire league", ["Arab League proposes a ceasefire"]),
        ("-ceasefire", ["Kerry meets Lavrov"]),
        ("the", []),  # only a stop word: nothing to look for
    ],
)
def test_search_syntax(client, corpus, query, expected):
    response = client.get("/", {"q": query})
    assert response.status_code == 200
    assert titles(response.content.decode()) == expected


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '""',
        "((",
        ")",
        "AND",
        "OR",
        "NOT",
        "NEAR(a b)",
        "*",
        "summary:x",
        "-",
        "^x",
        "a OR OR b",
        '-"',
        "ceasefire AND",
        "'; DROP TABLE timeline_event; --",
        "\u00e9\u00e9 \u0644\u0627",
    ],
)
def test_no_query_is_an_error(client, corpus, query):
    """FTS5 has a grammar of its own; what people type is translated, never passed on."""
    response = client.get("/", {"q": query})
    assert response.status_code == 200
    assert client.get("/export.csv", {"q": query}).status_code == 200


def test_rows_written_in_bulk_updated_and_deleted_are_searched_as_they_are(make_event):
    event = make_event(summary="Brahimi resigns")
    [other] = Event.objects.bulk_create([Event(date=event.date, summary="Annan resigns")])
    assert set(Event.objects.search("resigns")) == {event, other}
    Event.objects.filter(pk=other.pk).update(summary="Annan appointed")
    assert list(Event.objects.search("resigns")) == [event]
    assert list(Event.objects.search("appointed")) == [other]
    Mention.objects.filter(event=event).update(sentence="He stepped down on Thursday.")
    assert list(Event.objects.search("stepped")) == [event]
    Place.objects.filter(name="Moscow").update(name="Sochi")
    assert list(Event.objects.search("sochi")) == [event]
    event.delete()
    assert list(Event.objects.search("stepped")) == []


def test_relevance_puts_the_best_match_first_and_pages_by_it(client, corpus, monkeypatch):
    from timeline import views

    html = client.get("/", {"q": "ceasefire"}).content.decode()
    assert 'href="/?q=ceasefire&amp;sort=relevance"' in html  # offered with a search only
    assert "sort=relevance" not in client.get("/").content.decode()
    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    html = client.get("/", {"q": "ceasefire", "sort": "relevance"}).content.decode()
    first = titles(html)
    # Twice in its summary beats once; a match in a sentence only comes last.
    assert first == [
        "Russia backs ceasefire; ceasefire begins",
        "Arab League proposes a ceasefire",
    ]
    following = re.search(r'id="load-more" class="load-more" href="([^"]+)"', html).group(1)
    more = client.get(
        following.replace("&amp;", "&"), headers={"HX-Request": "true", "HX-Target": "load-more"}
    )
    assert titles(more.content.decode()) == ["Geneva talks open"]
    assert client.get("/", {"q": "x", "sort": "relevance", "after": "rnan_1"}).status_code == 400


def test_a_migration_that_rebuilds_a_table_does_not_leave_search_behind(make_event):
    """SQLite's schema editor remakes a table to alter it, which drops its triggers; after
    migrate the triggers are back and rows written meanwhile are indexed."""
    from django.apps import apps
    from django.db import connection

    from timeline.apps import restore_sqlite_search

    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL's indexes are expressions over the table: nothing to restore")
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER timeline_event_fts_ai")
    unindexed = make_event(summary="Written while the trigger was gone", sentence="Other.")
    assert list(Event.objects.search("gone")) == []
    restore_sqlite_search(apps.get_app_config("timeline"), using="default")
    assert list(Event.objects.search("gone")) == [unindexed]
    make_event(summary="Written after, gone too")
    assert len(Event.objects.search("gone")) == 2
