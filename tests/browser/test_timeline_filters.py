"""Choosing an actor filter in a real browser: results and URL change, reload keeps the state."""

import datetime

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_actor_filter_changes_results_and_url_and_survives_reload(
    live_server, page, make_event, screenshot_dir
):
    make_event(summary="Brahimi meets Lavrov in Moscow")
    make_event(
        date=datetime.date(2012, 12, 28),
        type="statement",
        summary="Erdogan says regime change is inevitable",
        actors=("Recep Tayyip Erdogan",),
        place=None,
    )
    page.goto(live_server.url + "/")
    results = page.locator("#results")
    assert "Erdogan says regime change is inevitable" in results.inner_text()
    # Facets are links built on the server (datasette style), each showing its count.
    page.locator(".facets").get_by_role("link", name="Recep Tayyip Erdogan 1").click()
    page.wait_for_url("**/?*actor=recep-tayyip-erdogan*")
    page.wait_for_function(
        "!document.querySelector('#results').innerText.includes('Brahimi meets Lavrov')"
    )
    assert "Erdogan says regime change is inevitable" in results.inner_text()
    page.screenshot(path=screenshot_dir / "timeline-filtered.png", full_page=True)
    page.reload()
    assert page.locator(".facets .is-selected").inner_text().startswith("Recep Tayyip Erdogan")
    assert page.get_by_role("link", name="Actor Recep Tayyip Erdogan (remove this filter)").count()
    assert "Brahimi meets Lavrov" not in page.locator("#results").inner_text()
