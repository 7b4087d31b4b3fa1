import datetime

import pytest

from timeline.models import Mention

pytestmark = pytest.mark.django_db

SENTENCE = "On Friday Lakhdar Brahimi met <b>Sergey Lavrov</b> in Moscow."


@pytest.fixture
def event(make_event):
    event = make_event(date=datetime.date(2012, 12, 28), sentence=SENTENCE)
    mention = Mention.objects.get(event=event)
    mention.date_text, mention.date_start, mention.date_end = "Friday", 3, 9
    mention.date_value, mention.date_anchor, mention.date_anchor_value = (
        "2012-12-28",
        "published",
        "2012-12-28",
    )
    mention.save()
    article = mention.article
    article.raw_text = SENTENCE + " More text."
    article.annotations = {
        "dates": [{"start": 3, "end": 9, "text": "Friday", "value": "2012-12-28"}],
        "actors": [
            {"start": 10, "end": 25, "name": "Lakhdar Brahimi"},
            {"start": 33, "end": 46, "name": "Sergey Lavrov"},
            {"start": 200, "end": 210, "name": "Outside the sentence"},
        ],
    }
    article.save()
    return event


def test_fragment_shows_each_sentence_with_highlights_escaped(client, event):
    response = client.get(f"/events/{event.pk}/", headers={"HX-Request": "true"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html
    assert (
        'On <mark class="date" title="2012-12-28">Friday</mark> '
        '<mark class="actor" title="Lakhdar Brahimi">Lakhdar Brahimi</mark> met &lt;b&gt;'
        '<mark class="actor" title="Sergey Lavrov">Sergey Lavrov</mark>&lt;/b&gt; in Moscow.'
    ) in html
    assert "<b>" not in html
    assert "“Friday”, relative to the publication date 28 Dec 2012" in html
    assert f'href="/articles/{event.mentions.get().article_id}/"' in html
    assert response["Vary"] == "HX-Request"


def test_opened_directly_it_is_a_full_page(client, event):
    html = client.get(f"/events/{event.pk}/").content.decode()
    assert "<html" in html
    assert "<h1>Lakhdar Brahimi meets Sergey Lavrov in Moscow</h1>" in html
    assert '<mark class="date" title="2012-12-28">Friday</mark>' in html


def test_sentence_stored_apart_from_the_raw_text_still_marks_the_date(client, event):
    mention = event.mentions.get()
    mention.date_start, mention.date_end = 500, 506  # offsets that do not fit the sentence
    mention.save()
    html = client.get(f"/events/{event.pk}/").content.decode()
    assert '<mark class="date" title="2012-12-28">Friday</mark>' in html


def test_mention_without_date_says_the_article_date_was_used(client, make_event):
    event = make_event()
    html = client.get(f"/events/{event.pk}/").content.decode()
    assert "no date in the sentence: the publication date, 28 Dec 2012, was used" in html


def test_rejected_and_missing_events_are_404(client, make_event):
    rejected = make_event(status="rejected")
    assert client.get(f"/events/{rejected.pk}/").status_code == 404
    assert client.get("/events/999999/").status_code == 404


# Issue 11, defect 8: "← Timeline" goes back to the timeline as the reader left it.
def test_back_link_returns_to_the_filtered_timeline(client, event):
    html = client.get(f"/events/{event.pk}/?actor=sergey-lavrov&year=2012").content.decode()
    assert f'<a href="/?actor=sergey-lavrov&amp;year=2012#event-{event.pk}">← Timeline</a>' in html
    plain = client.get(f"/events/{event.pk}/").content.decode()
    assert f'<a href="/#event-{event.pk}">← Timeline</a>' in plain
    # Filters that do not validate lead back to the whole timeline, not to an error.
    bad = client.get(f"/events/{event.pk}/?from=June").content.decode()
    assert f'<a href="/#event-{event.pk}">← Timeline</a>' in bad


# Defect 7 and citations: outlet, headline, date and the original's address.
def test_source_lines_give_outlet_headline_date_and_original(client, event):
    article = Mention.objects.get(event=event).article
    article.title, article.outlet = "Brahimi in Moscow for talks", "Reuters"
    article.url = "https://www.reuters.com/article/syria-brahimi"
    article.published = datetime.date(2012, 12, 29)
    article.save()
    html = client.get(f"/events/{event.pk}/").content.decode()
    assert "Reuters, “Brahimi in Moscow for talks”</a>, <time" in html
    assert ">29 Dec 2012</time>" in html
    assert 'href="https://www.reuters.com/article/syria-brahimi"' in html


def test_an_untitled_article_is_never_called_article(client, event):
    article = Mention.objects.get(event=event).article
    article.title, article.outlet, article.url = "", "", "javascript:alert(1)"
    article.save()
    html = client.get(f"/events/{event.pk}/").content.decode()
    assert f"Untitled article {article.pk}</a>" in html
    assert ">Article</a>" not in html
    assert "javascript:" not in html


def test_copy_link_and_cite_list_the_event_and_its_sources(client, event, make_event):
    article = Mention.objects.get(event=event).article
    article.title, article.outlet, article.url = (
        "Brahimi in Moscow",
        "Reuters",
        "https://r.example/1",
    )
    article.save()
    other = make_event(outlet="BBC News")
    Mention.objects.filter(event=other).update(event=event, start=5)
    html = client.get(f"/events/{event.pk}/", headers={"HX-Request": "true"}).content.decode()
    permalink = f"http://testserver/events/{event.pk}/"
    assert f'data-copy="{permalink}"' in html
    citation = html.split('class="cite__text" readonly')[1].split(">", 1)[1].split("</textarea>")[0]
    lines = citation.splitlines()
    assert lines[0].startswith(
        f"“Lakhdar Brahimi meets Sergey Lavrov in Moscow”, 28 Dec 2012. "
        f"Syria diplomacy timeline, event {event.pk}. {permalink} (accessed "
    )
    assert lines[1] == "Sources:"
    assert "- Reuters, “Brahimi in Moscow”, 28 Dec 2012, https://r.example/1." in lines
    assert any(line.startswith("- BBC News, “Article ") for line in lines)


def test_query_count_does_not_grow_with_mentions(client, make_event, django_assert_max_num_queries):
    """The sentences are highlighted from their articles: fetched with the mentions, not one
    query per mention (it was 5, 23 and 63 queries for 1, 10 and 30 mentions)."""
    from timeline.models import Article

    event = make_event()

    def add_mentions(n):
        for i in range(n):
            article = Article.objects.create(
                title=f"Report {i}",
                outlet=f"Outlet {i}",
                published=event.date,
                raw_text=f"Lavrov met Brahimi on Friday ({i}).",
                annotations={"actors": [{"start": 0, "end": 6, "name": "Sergey Lavrov"}]},
            )
            Mention.objects.create(
                event=event, article=article, sentence="Lavrov met Brahimi", start=0, end=18
            )

    # The event with its place, its actors, its mentions with their articles; the header's
    # years (cached).
    with django_assert_max_num_queries(4):
        assert client.get(f"/events/{event.pk}/").status_code == 200
    add_mentions(29)
    with django_assert_max_num_queries(4):
        html = client.get(f"/events/{event.pk}/").content.decode()
    assert html.count('class="mention"') == 30
    assert html.count('<mark class="actor" title="Sergey Lavrov">Lavrov</mark>') == 29


def test_event_and_article_urls_follow_the_script_prefix(make_event):
    from django.urls import get_script_prefix, reverse, set_script_prefix

    event = make_event()
    article = event.mentions.first().article
    assert event.get_absolute_url() == reverse("timeline:event", args=[event.pk])
    assert article.get_absolute_url() == f"/articles/{article.pk}/"
    before = get_script_prefix()
    set_script_prefix("/chronology/")
    try:
        assert event.get_absolute_url() == f"/chronology/events/{event.pk}/"
    finally:
        set_script_prefix(before)
    assert event.get_absolute_url() == f"/events/{event.pk}/"
