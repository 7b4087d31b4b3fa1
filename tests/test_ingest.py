"""ingest_article: one article, one transaction; bad input changes nothing."""

import datetime
from pathlib import Path

import pytest

from timeline.ingest import IngestError, ingest_article
from timeline.models import Actor, ActorAlias, Article, Event, EventActor, Mention, Place

pytestmark = pytest.mark.django_db
SAMPLES = Path(__file__).resolve().parent.parent / "timeline" / "samples"
CNN = SAMPLES / "000_208d8fdeb8cb703d.txt"
BBC = SAMPLES / "004_9bc06a7d06c92980.txt"


def snapshot():
    return tuple(
        m.objects.count() for m in (Article, Actor, ActorAlias, Event, EventActor, Mention, Place)
    )


def ingest_cnn(**kwargs):
    return ingest_article(
        data=CNN.read_bytes(),
        filename=CNN.name,
        published=datetime.date(2012, 12, 28),
        outlet="CNN",
        title="Official: Russia invites head of Syrian opposition for talks",
        **kwargs,
    )


def test_ingest_stores_article_events_actors_and_mentions():
    result = ingest_cnn()
    assert result.status == "created"
    article = result.article
    assert article.published == datetime.date(2012, 12, 28)
    assert article.published_how == Article.PublishedHow.GIVEN
    assert article.status == Article.Status.DONE
    assert "Cookie consent" in article.raw_text
    assert "Cookie consent" not in article.clean_text
    assert result.events_new >= 5
    invitation = Event.objects.get(type="invitation")
    assert invitation.date == datetime.date(2012, 12, 28)
    assert invitation.precision == "day"
    assert {"Russia", "Moaz al-Khatib"} <= set(invitation.actors.values_list("name", flat=True))
    # every mention's offsets point at its sentence in the text as read
    for mention in Mention.objects.all():
        assert article.raw_text[mention.start : mention.end] == mention.sentence
    geneva = Event.objects.get(date=datetime.date(2012, 6, 1))
    assert geneva.precision == "month"


def test_ingesting_the_same_text_twice_adds_nothing():
    ingest_cnn()
    before = snapshot()
    again = ingest_cnn()
    assert again.status == "duplicate"
    assert snapshot() == before


def test_same_event_from_two_outlets_is_one_event_with_two_sources():
    ingest_article(
        data="Sergei Lavrov met Moaz al-Khatib in Munich on Saturday.",
        published=datetime.date(2013, 2, 2),
        outlet="BBC News",
    )
    result = ingest_article(
        data="Russian Foreign Minister Sergey Lavrov met Syrian opposition leader Moaz al-Khatib "
        "on Saturday in Munich.",
        published=datetime.date(2013, 2, 3),
        outlet="Reuters",
    )
    assert result.events_merged == 1
    assert result.events_new == 0
    event = Event.objects.get()
    assert event.date == datetime.date(2013, 2, 2)
    assert set(event.mentions.values_list("article__outlet", flat=True)) == {"BBC News", "Reuters"}
    assert Actor.objects.filter(name__icontains="Lavrov").count() == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n\t  ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        ("Café à Genève, le président".encode("latin-1"), "UTF-8"),
    ],
)
def test_unreadable_input_changes_nothing(data, message):
    before = snapshot()
    with pytest.raises(IngestError, match=message):
        ingest_article(data=data, filename="bad.txt", published=datetime.date(2013, 1, 1))
    assert snapshot() == before


def test_no_publication_date_changes_nothing():
    before = snapshot()
    with pytest.raises(IngestError, match="publication date"):
        ingest_article(data="Lavrov met Khatib on Friday in Munich.", filename="undated.txt")
    assert snapshot() == before


def test_publication_date_from_a_dateline():
    result = ingest_article(
        data="MOSCOW, Dec 28, 2012 (Reuters) - Russia said on Friday it had invited Syrian "
        "opposition leader Moaz al-Khatib for talks.",
        filename="wire.txt",
    )
    assert result.article.published == datetime.date(2012, 12, 28)
    assert result.article.published_how == Article.PublishedHow.DATELINE


def test_file_over_the_size_limit_is_refused(settings):
    settings.INGEST_MAX_BYTES = 100
    before = snapshot()
    with pytest.raises(IngestError, match="limit"):
        ingest_article(data="word " * 50, published=datetime.date(2013, 1, 1))
    assert snapshot() == before


def test_article_not_in_english_is_stored_without_events():
    text = (
        "Le ministre russe des Affaires étrangères, Sergueï Lavrov, a rencontré vendredi à Munich "
        "le chef de la Coalition nationale syrienne. Les deux hommes ont discuté de la crise "
        "en Syrie et de la possibilité d'une solution politique au conflit."
    )
    result = ingest_article(data=text, published=datetime.date(2013, 2, 2))
    assert result.status == "unsupported"
    assert result.article.status == Article.Status.UNSUPPORTED
    assert "language not supported" in result.article.error
    assert Event.objects.count() == 0


def test_rejected_event_is_not_brought_back_by_another_article():
    ingest_article(
        data="Sergei Lavrov met Moaz al-Khatib in Munich on Saturday.",
        published=datetime.date(2013, 2, 2),
    )
    Event.objects.update(status=Event.Status.REJECTED)
    ingest_article(
        data="Sergey Lavrov and Moaz al-Khatib met on Saturday.",
        published=datetime.date(2013, 2, 2),
    )
    assert Event.objects.count() == 1
    assert Event.objects.get().status == Event.Status.REJECTED


def test_two_meetings_of_one_article_on_one_day_stay_two_events():
    result = ingest_article(
        data="Sergei Lavrov and Moaz al-Khatib met in Munich on Saturday.\n\n"
        "Later, Mr Lavrov met US Vice-President Joe Biden.",
        published=datetime.date(2013, 2, 2),
    )
    assert result.events_new == 2
    names = [set(e.actors.values_list("name", flat=True)) for e in Event.objects.order_by("id")]
    assert names == [{"Sergey Lavrov", "Moaz al-Khatib"}, {"Sergey Lavrov", "Joe Biden"}]


def test_nul_in_a_title_is_dropped_not_stored():
    result = ingest_article(
        data="Sergei Lavrov met Moaz al-Khatib in Munich on Saturday.",
        published=datetime.date(2013, 2, 2),
        title="Lavrov\x00 meets Khatib",
        outlet="BBC\x00",
    )
    assert result.article.title == "Lavrov meets Khatib"
    assert result.article.outlet == "BBC"


# Issue 11, defect 7: a source is named by its headline, never by the page's furniture.
@pytest.mark.parametrize("furniture", ["World News >", "News » World", "All news", "Nation/World"])
def test_an_untitled_article_is_named_by_its_headline_not_furniture(furniture):
    text = (
        f"{furniture}\n\nStay up to date with notifications from The Independent\n\n"
        "Brahimi and Lavrov hold talks in Moscow\n\n"
        "MOSCOW, Dec 29 (Reuters) - Lakhdar Brahimi met Sergey Lavrov in Moscow on Saturday.\n"
    )
    article = ingest_article(data=text, published=datetime.date(2012, 12, 29)).article
    assert article.title == "Brahimi and Lavrov hold talks in Moscow"


def test_a_given_title_is_kept_as_given():
    text = "Lakhdar Brahimi met Sergey Lavrov in Moscow on Saturday.\n"
    article = ingest_article(
        data=text, published=datetime.date(2012, 12, 29), title="Talks"
    ).article
    assert article.title == "Talks"
    other = "John Kerry met Sergey Lavrov in Paris on Sunday.\n"
    untitled = ingest_article(data=other, published=datetime.date(2012, 12, 30)).article
    assert untitled.title == ""  # only a sentence: no headline to be had, and none invented


def test_a_planned_meeting_reported_as_held_becomes_held():
    ingest_article(
        data="John Kerry and Sergei Lavrov will meet in Paris on Friday, officials said.",
        published=datetime.date(2014, 1, 20),
        outlet="AP",
    )
    assert Event.objects.get().planned is True
    result = ingest_article(
        data="John Kerry and Sergei Lavrov met in Paris on Friday to discuss Syria.",
        published=datetime.date(2014, 1, 25),
        outlet="Reuters",
    )
    assert (result.events_new, result.events_merged) == (0, 1)
    event = Event.objects.get()
    assert (event.planned, event.date) == (False, datetime.date(2014, 1, 24))


def test_talks_held_a_few_days_after_the_planned_date_take_the_later_date():
    ingest_article(
        data="John Kerry and Sergei Lavrov will meet in Paris on Friday, officials said.",
        published=datetime.date(2014, 1, 20),
    )
    ingest_article(
        data="John Kerry met Sergei Lavrov in Paris on Monday after a delay.",
        published=datetime.date(2014, 1, 28),
    )
    event = Event.objects.get()
    assert (event.planned, event.date) == (False, datetime.date(2014, 1, 27))


def test_a_held_meeting_of_other_parties_is_another_event():
    ingest_article(
        data="John Kerry and Sergei Lavrov will meet in Paris on Friday, officials said.",
        published=datetime.date(2014, 1, 20),
    )
    ingest_article(
        data="John Kerry met Lakhdar Brahimi in Geneva on Monday.",
        published=datetime.date(2014, 1, 28),
    )
    assert Event.objects.count() == 2


def test_a_curators_planned_event_keeps_its_date_when_reported_held():
    ingest_article(
        data="John Kerry and Sergei Lavrov will meet in Paris on Friday, officials said.",
        published=datetime.date(2014, 1, 20),
    )
    Event.objects.update(curated=True)
    ingest_article(
        data="John Kerry met Sergei Lavrov in Paris on Monday after a delay.",
        published=datetime.date(2014, 1, 28),
    )
    event = Event.objects.get()
    assert (event.planned, event.date) == (True, datetime.date(2014, 1, 24))


def test_finding_the_same_event_is_one_query_however_many_events_that_year(
    django_assert_num_queries,
):
    """The date window, the type's kin and the actors narrow the candidates in the database:
    a busy year costs no more than a quiet one."""
    from timeline.ingest import find_same_event
    from timeline.models import Actor, Event, EventActor

    lavrov = Actor.objects.create(name="Sergey Lavrov", kind="person")
    kerry = Actor.objects.create(name="John Kerry", kind="person")
    day = datetime.date(2013, 5, 7)
    for n in range(40):
        other = Event.objects.create(
            date=day.replace(month=1 + n % 12, day=1 + n % 28), type="meeting", summary=f"{n}"
        )
        EventActor.objects.create(event=other, actor=kerry if n % 2 else lavrov)
    same = Event.objects.create(date=day, type="meeting", summary="Lavrov meets Kerry")
    EventActor.objects.create(event=same, actor=lavrov)
    EventActor.objects.create(event=same, actor=kerry)
    month = Event.objects.create(
        date=day.replace(day=1), precision="month", type="visit", summary="In May"
    )
    EventActor.objects.create(event=month, actor=lavrov)
    with django_assert_num_queries(1):
        assert find_same_event(day, "day", "meeting", {lavrov.pk, kerry.pk}) == same
    # Only Lavrov: the month-precision visit (kin of a meeting) shares him alone, the best.
    with django_assert_num_queries(1):
        assert find_same_event(day, "day", "meeting", {lavrov.pk}) == month
    # Another month of the same year matches only an event known to the year.
    assert find_same_event(day.replace(month=9), "day", "meeting", {lavrov.pk}) is None
    year = Event.objects.create(
        date=datetime.date(2013, 1, 1), precision="year", type="meeting", summary="In 2013"
    )
    EventActor.objects.create(event=year, actor=lavrov)
    assert find_same_event(day.replace(month=9, day=30), "day", "meeting", {lavrov.pk}) == year
    assert find_same_event(datetime.date(2014, 1, 1), "day", "meeting", {lavrov.pk}) is None


def test_storing_an_article_reads_its_actors_at_once_and_writes_its_mentions_at_once():
    """The store runs under the lock that parallel ingest takes turns on: its queries do not
    grow with the names and sentences of the article, only with its events."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from timeline.ingest import get_pipeline

    ingest_article(
        data="PARIS, March 3 (Reuters) - Russian Foreign Minister Sergey Lavrov met U.S. "
        "Secretary of State John Kerry and the U.N. envoy Lakhdar Brahimi in Paris on Monday.",
        published=datetime.date(2014, 3, 3),
    )
    pipeline = get_pipeline()
    text = (
        "PARIS, March 5 (AP) - Sergey Lavrov met John Kerry in Paris on Wednesday. Lavrov said "
        "on Wednesday that the talks with Kerry had been useful. Lakhdar Brahimi will visit "
        "Tehran on Friday, his spokesman said. Kerry on Tuesday called Brahimi to discuss a "
        "ceasefire."
    )
    with CaptureQueriesContext(connection) as queries:
        result = ingest_article(data=text, published=datetime.date(2014, 3, 5), pipeline=pipeline)
    events = result.events_new + result.events_merged
    assert events >= 3 and result.actors_new == 0
    assert Mention.objects.filter(article=result.article).count() > events
    sql = [q["sql"] for q in queries.captured_queries]
    assert sum('"timeline_actoralias"' in q for q in sql) == 1, sql
    assert sum(q.startswith('INSERT INTO "timeline_mention"') for q in sql) == 1, sql
    # Per event: find the same one, its place, insert it, link its actors; per article: the
    # duplicate check, the lock, the article, its actors, its mentions, the events' scores.
    assert len(sql) <= 10 + 4 * events, sql
