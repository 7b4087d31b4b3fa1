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
    page.get_by_role("checkbox", name="Recep Tayyip Erdogan").check()
    page.wait_for_url("**/?*actor=recep-tayyip-erdogan*")
    page.wait_for_function(
        "!document.querySelector('#results').innerText.includes('Brahimi meets Lavrov')"
    )
    assert "Erdogan says regime change is inevitable" in results.inner_text()
    page.screenshot(path=screenshot_dir / "timeline-filtered.png", full_page=True)
    page.reload()
    assert page.get_by_role("checkbox", name="Recep Tayyip Erdogan").is_checked()
    assert "Brahimi meets Lavrov" not in page.locator("#results").inner_text()
