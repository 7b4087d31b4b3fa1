"""A curator pastes an article, waits for the background task, and finds its events."""

import threading

import pytest
from django.db import connections
from django.urls import reverse

from timeline.models import Event

ARTICLE = (
    "Russian Foreign Minister Sergey Lavrov met Syrian opposition leader Moaz al-Khatib "
    "on Saturday in Munich."
)


@pytest.mark.django_db(transaction=True)
def test_curator_pastes_an_article_and_finds_its_events(
    live_server, page, curator, screenshot_dir, run_worker
):
    page.goto(live_server.url + reverse("admin:login"))
    page.fill("#id_username", "curator")
    page.fill("#id_password", "pw-curator-1")
    page.click("input[type=submit]")
    page.goto(live_server.url + reverse("timeline:timeline"))
    page.click("text=Add article")
    page.fill("#id_text", ARTICLE)
    page.fill("#id_outlet", "Reuters")
    page.fill("#id_published", "2013-02-03")
    page.click("button:has-text('Add')")
    page.wait_for_selector("[data-status=queued]")
    assert "waiting for a worker" in page.inner_text("#ingest-status").lower()

    # The worker, in this process; the page polls until the task is done.
    def work():
        try:
            run_worker("browser-test")
        finally:
            connections.close_all()  # PostgreSQL can't drop the test database under it

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(timeout=60)
    page.wait_for_selector("[data-status=done]", timeout=15_000)
    status = page.inner_text("#ingest-status")
    assert "1 new event" in status
    page.screenshot(path=screenshot_dir / "curator_ingest.png", full_page=True)

    event = Event.objects.get()
    page.click("text=See the timeline")
    item = page.locator(f"#event-{event.pk}")
    assert item.is_visible()
    assert "Moaz al-Khatib" in item.inner_text()
    assert "unreviewed" in item.inner_text().lower()  # the badge is shown in capitals
