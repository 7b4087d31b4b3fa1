"""axe-core finds nothing on the pages readers and curators use, in light and dark."""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.test_timeline_feedback import wait_until
from timeline.models import Article, Mention

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def chronology(make_event):
    events = [
        make_event(
            date=datetime.date(2012, 6, 30),
            type="agreement",
            summary="Action Group agrees the Geneva communique",
            actors=("Kofi Annan", "Sergey Lavrov", "Hillary Clinton"),
            place="Geneva",
            outlet="Reuters",
            status="confirmed",
        ),
        make_event(
            date=datetime.date(2012, 12, 1),
            precision="month",
            type="meeting",
            summary="Lakhdar Brahimi meets Sergey Lavrov in Moscow",
            place="Moscow",
        ),
        make_event(
            date=datetime.date(2013, 5, 7),
            type="statement",
            summary="Kerry says a conference is the best hope",
            actors=("John Kerry",),
            place="Houla",
            outlet="BBC News",
        ),
    ]
    article = Article.objects.create(
        title="Kerry and Lavrov agree to convene a conference",
        outlet="Reuters",
        url="https://example.org/kerry-lavrov",
        published=datetime.date(2013, 5, 8),
        raw_text="Kerry and Lavrov agreed on Tuesday to convene a conference.",
        status=Article.Status.DONE,
        annotations={"dates": [{"start": 31, "end": 38, "text": "Tuesday", "value": "2013-05-07"}]},
    )
    Mention.objects.create(
        event=events[2], article=article, sentence=article.raw_text, start=0, end=58
    )
    return events


@pytest.fixture
def signed_in(page, live_server, client, curator):
    client.force_login(curator)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    return page


def assert_no_violations(page, where):
    result = Axe().run(page)
    assert result.violations_count == 0, f"{where}:\n{result.generate_report()}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_public_pages(live_server, page, chronology, scheme):
    page.emulate_media(color_scheme=scheme)
    event = chronology[2]
    pages = [
        "/",
        "/?actor=sergey-lavrov&key=1",
        "/?from=June+2012",  # the error state
        f"/events/{event.pk}/",
        "/actors/sergey-lavrov/",
        f"/articles/{Mention.objects.filter(event=event).last().article_id}/",
    ]
    for path in pages:
        page.goto(live_server.url + path)
        assert_no_violations(page, f"{path} ({scheme})")
    # An expanded event, its sentences and citation loaded in place.
    page.goto(live_server.url + "/")
    card = page.locator("article.event", has_text="Kerry says a conference")
    card.locator("summary").first.click()
    card.locator(".mention__sentence").first.wait_for()
    card.locator(".cite__details summary").click()
    assert_no_violations(page, f"expanded event ({scheme})")
    # A phone, with the filters open.
    page.set_viewport_size({"width": 360, "height": 780})
    page.goto(live_server.url + "/")
    page.locator(".facets__panel summary").click()
    assert_no_violations(page, f"phone ({scheme})")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_curator_pages(live_server, signed_in, chronology, scheme):
    page = signed_in
    page.emulate_media(color_scheme=scheme)
    event = chronology[0]
    for path in [
        "/ingest/",
        "/admin/timeline/reviewqueue/",
        "/admin/timeline/event/",
        f"/admin/timeline/event/{event.pk}/change/",
    ]:
        page.goto(live_server.url + path)
        assert_no_violations(page, f"{path} ({scheme})")


def test_review_queue_gives_the_summary_room_at_1024_px(live_server, signed_in, chronology):
    page = signed_in
    page.set_viewport_size({"width": 1024, "height": 768})
    page.goto(live_server.url + "/admin/timeline/reviewqueue/")
    width = page.locator("#result_list th.column-summary").bounding_box()["width"]
    assert width >= 250, width
    # Month precision is shown as a month, never as its first day.
    assert "December 2012" in page.locator("#result_list").inner_text()
    assert "1 Dec 2012" not in page.locator("#result_list").inner_text()


def test_copy_link_and_cite_copy_to_the_clipboard(live_server, page, chronology):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    event = chronology[2]
    page.goto(live_server.url + f"/events/{event.pk}/")
    page.get_by_role("link", name="Copy link to this event").click()
    permalink = live_server.url + f"/events/{event.pk}/"
    # The clipboard answers asynchronously: wait for the status line to say so.
    wait_until(
        page, "document.querySelector('.cite__status').textContent.startsWith('Link copied')"
    )
    assert page.locator(".cite__status").inner_text() == f"Link copied: {permalink}"
    assert page.evaluate("navigator.clipboard.readText()") == permalink
    page.locator(".cite__details summary").click()
    page.get_by_role("button", name="Copy citation").click()
    wait_until(page, "document.querySelector('.cite__status').textContent === 'Citation copied.'")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("“Kerry says a conference is the best hope”, 7 May 2013.")
    assert "- Reuters, “Kerry and Lavrov agree to convene a conference”, 8 May 2013" in copied
