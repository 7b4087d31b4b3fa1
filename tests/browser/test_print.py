"""Printing the timeline: the filtered chronology with its sources as a clean list."""

import datetime

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_print_shows_the_chronology_with_sources_and_nothing_to_click(
    live_server, page, make_event
):
    from timeline.models import Mention

    event = make_event(summary="Kerry and Lavrov agree to convene a conference", outlet="Reuters")
    article = Mention.objects.get(event=event).article
    article.title, article.url = "Kerry, Lavrov agree on conference", "https://example.org/k"
    article.published = datetime.date(2012, 12, 29)
    article.save()
    make_event(summary="Statement by the ministry", type="statement", actors=("Syria",))
    page.goto(live_server.url + "/?actor=sergey-lavrov")
    assert not page.locator(".print-sources").first.is_visible()
    page.emulate_media(media="print")
    for hidden in (
        ".search",
        ".facets",
        ".toolbar",
        ".chart",
        ".map",
        ".sources",
        "header.site nav",
    ):
        assert not page.locator(hidden).first.is_visible(), hidden
    assert page.locator("#results h1").inner_text() == "Events with Sergey Lavrov"
    sources = page.locator(".print-sources li")
    assert sources.count() == 1
    assert sources.first.inner_text() == (
        "Reuters, “Kerry, Lavrov agree on conference”, 29 Dec 2012, https://example.org/k"
    )
    assert "Statement by the ministry" not in page.locator("#results").inner_text()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 1000
