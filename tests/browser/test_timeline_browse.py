"""Browsing the timeline in Chromium: facets, history, shared URLs, sources, chart, CSV, mobile."""

import csv
import datetime
import io
import re

import pytest

from timeline.models import Mention

pytestmark = pytest.mark.django_db(transaction=True)

CHRONOLOGY = [
    # (date, precision, type, summary, actors, place, outlet, status)
    (
        (2012, 6, 30),
        "day",
        "agreement",
        "Action Group agrees the Geneva communique on a transitional governing body",
        ("Kofi Annan", "Sergey Lavrov", "Hillary Clinton"),
        "Geneva",
        "Reuters",
        "confirmed",
    ),
    (
        (2012, 8, 2),
        "day",
        "statement",
        "Kofi Annan resigns as joint special envoy for Syria",
        ("Kofi Annan",),
        "Geneva",
        "BBC",
        "confirmed",
    ),
    (
        (2012, 9, 1),
        "month",
        "appeal",
        "Lakhdar Brahimi calls on all sides to stop the killing",
        ("Lakhdar Brahimi",),
        None,
        "Al Jazeera",
        "proposed",
    ),
    (
        (2012, 11, 11),
        "day",
        "agreement",
        "Syrian opposition groups form the National Coalition in Doha",
        ("Moaz al-Khatib", "Syrian National Coalition"),
        "Doha",
        "Reuters",
        "confirmed",
    ),
    (
        (2012, 12, 12),
        "day",
        "recognition",
        "Friends of Syria recognise the National Coalition as legitimate representative",
        ("Syrian National Coalition", "Hillary Clinton"),
        "Marrakesh",
        "BBC",
        "confirmed",
    ),
    (
        (2012, 12, 28),
        "day",
        "meeting",
        "Lakhdar Brahimi meets Sergey Lavrov in Moscow",
        ("Lakhdar Brahimi", "Sergey Lavrov"),
        "Moscow",
        "Reuters",
        "proposed",
    ),
    (
        (2012, 12, 29),
        "day",
        "invitation",
        "Sergey Lavrov invites Moaz al-Khatib to talks in Moscow",
        ("Sergey Lavrov", "Moaz al-Khatib"),
        "Moscow",
        "CNN",
        "proposed",
    ),
    (
        (2013, 1, 30),
        "day",
        "proposal",
        "Moaz al-Khatib offers conditional talks with the government",
        ("Moaz al-Khatib",),
        None,
        "Al Jazeera",
        "confirmed",
    ),
    (
        (2013, 5, 7),
        "day",
        "agreement",
        "John Kerry and Sergey Lavrov agree to convene a peace conference",
        ("John Kerry", "Sergey Lavrov"),
        "Moscow",
        "Reuters",
        "confirmed",
    ),
    (
        (2013, 9, 14),
        "day",
        "agreement",
        "Framework for elimination of Syrian chemical weapons agreed in Geneva",
        ("John Kerry", "Sergey Lavrov"),
        "Geneva",
        "BBC",
        "confirmed",
    ),
]


@pytest.fixture
def chronology(make_event):
    events = []
    for ymd, precision, type_, summary, actors, place, outlet, status in CHRONOLOGY:
        events.append(
            make_event(
                date=datetime.date(*ymd),
                precision=precision,
                type=type_,
                summary=summary,
                actors=actors,
                place=place,
                outlet=outlet,
                status=status,
            )
        )
    # One event with a real sentence, its date expression and actor spans marked.
    sentence = "On Friday Lakhdar Brahimi met Sergey Lavrov in Moscow to discuss the crisis."
    mention = Mention.objects.get(event=events[5])
    mention.sentence = sentence
    mention.end = len(sentence)
    mention.date_text, mention.date_start, mention.date_end = "Friday", 3, 9
    mention.date_value, mention.date_anchor, mention.date_anchor_value = (
        "2012-12-28",
        "published",
        "2012-12-29",
    )
    mention.save()
    article = mention.article
    article.raw_text = sentence
    article.annotations = {
        "dates": [{"start": 3, "end": 9, "text": "Friday", "value": "2012-12-28"}],
        "actors": [
            {"start": 10, "end": 25, "name": "Lakhdar Brahimi"},
            {"start": 30, "end": 43, "name": "Sergey Lavrov"},
        ],
    }
    article.save()
    return events


def facet(page, name):
    return page.locator(".facets").get_by_role("link", name=re.compile(rf"^{re.escape(name)} \d"))


def result_count(page) -> int:
    return int(page.locator("#result-count").inner_text().split()[0])


def test_adding_and_removing_an_actor_facet_and_going_back(
    live_server, page, chronology, screenshot_dir
):
    page.goto(live_server.url + "/")
    assert result_count(page) == 10
    page.screenshot(path=screenshot_dir / "timeline-desktop.png", full_page=False)

    facet(page, "Sergey Lavrov").click()
    page.wait_for_url(re.compile(r"\?actor=sergey-lavrov$"))
    expect_count(page, 5)
    assert page.locator("#results h1").inner_text() == "Events with Sergey Lavrov"
    assert page.title().startswith("Events with Sergey Lavrov")
    assert "Kofi Annan resigns" not in page.locator("#results").inner_text()
    # Focus moved to the results heading, and the count was announced.
    assert page.evaluate("document.activeElement.id") == "results-heading"
    assert "5 events" in page.locator("#announce").inner_text()

    # A second filter from a chip on an event: Lavrov *and* Kerry.
    page.locator("#results .chips").get_by_role("link", name="John Kerry").first.click()
    page.wait_for_url(re.compile(r"actor=sergey-lavrov&actor=john-kerry$"))
    expect_count(page, 2)

    # Remove Lavrov with its chip: only Kerry's events are left.
    page.get_by_role("link", name=re.compile("Actor Sergey Lavrov")).click()
    page.wait_for_url(re.compile(r"\?actor=john-kerry$"))
    expect_count(page, 2)
    assert "Events with John Kerry" in page.locator("#results h1").inner_text()

    page.go_back()
    page.wait_for_url(re.compile(r"actor=sergey-lavrov&actor=john-kerry$"))
    expect_count(page, 2)
    assert page.locator("#results h1").inner_text() == "Events with Sergey Lavrov and John Kerry"
    page.go_back()
    page.go_back()
    page.wait_for_url(live_server.url + "/")
    expect_count(page, 10)


def expect_count(page, n):
    page.wait_for_function(
        f"document.querySelector('#result-count').innerText.startsWith('{n} event')"
    )


def test_a_shared_url_opens_in_the_same_state(live_server, page, chronology):
    page.goto(live_server.url + "/?actor=sergey-lavrov&type=agreement&sort=newest&place=moscow")
    heading = page.locator("#results h1").inner_text()
    assert heading == "Agreements with Sergey Lavrov in Moscow"
    assert result_count(page) == 1
    assert page.get_by_role("link", name=re.compile("Type Agreement")).is_visible()
    assert "John Kerry and Sergey Lavrov agree" in page.locator(".spine").inner_text()


def test_expanding_an_event_shows_its_sentence_with_highlights(
    live_server, page, chronology, screenshot_dir
):
    page.emulate_media(color_scheme="dark")
    page.goto(live_server.url + "/?q=Brahimi+meets")
    card = page.locator("article.event", has_text="Lakhdar Brahimi meets Sergey Lavrov")
    card.locator("summary").click()
    sentence = card.locator(".mention__sentence")
    sentence.wait_for()
    assert sentence.inner_text().startswith("On Friday Lakhdar Brahimi met")
    assert sentence.locator("mark.date").inner_text() == "Friday"
    assert sentence.locator("mark.actor").all_inner_texts() == ["Lakhdar Brahimi", "Sergey Lavrov"]
    assert "relative to the publication date 29 Dec 2012" in card.inner_text()
    assert page.url.endswith("?q=Brahimi+meets")  # opening sources does not change the URL
    page.screenshot(path=screenshot_dir / "timeline-sources-dark.png")


def test_a_chart_bar_narrows_to_its_month(live_server, page, chronology):
    page.goto(live_server.url + "/")
    assert page.get_attribute(".chart__plot", "data-first") == "2012-06"
    box = page.locator(".chart__svg").bounding_box()
    months = int(page.get_attribute(".chart__plot", "data-months"))
    # December 2012 is the seventh month from June 2012.
    page.mouse.click(box["x"] + 6.5 * box["width"] / months, box["y"] + box["height"] - 3)
    page.wait_for_url(re.compile(r"from=2012-12&to=2012-12"))
    expect_count(page, 3)
    assert page.locator("#results h1").inner_text() == "Events, December 2012"


def test_downloading_the_csv_of_a_filtered_view(live_server, page, chronology):
    page.goto(live_server.url + "/?actor=sergey-lavrov&year=2012")
    shown = page.locator("#results .event__summary").all_inner_texts()
    assert len(shown) == 3
    with page.expect_download() as info:
        page.get_by_role("link", name="CSV").click()
    download = info.value
    assert download.suggested_filename == "events-with-sergey-lavrov-2012.csv"
    rows = list(csv.DictReader(io.StringIO(download.path().read_text(encoding="utf-8"))))
    assert [row["summary"] for row in rows] == shown


def test_mobile_layout_has_no_horizontal_scroll(live_server, browser, chronology, screenshot_dir):
    context = browser.new_context(viewport={"width": 360, "height": 780})
    page = context.new_page()
    try:
        page.goto(live_server.url + "/?actor=sergey-lavrov")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        page.screenshot(path=screenshot_dir / "timeline-mobile.png", full_page=True)
        # The filters fold away on a phone; they open on demand.
        page.get_by_text("Filters").first.click()
        assert facet(page, "Sergey Lavrov").is_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
    finally:
        context.close()
