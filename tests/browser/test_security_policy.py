"""Pages run under a strict Content-Security-Policy: no inline script or style is refused."""

import pytest
from django.contrib.auth.models import User

pytestmark = pytest.mark.django_db(transaction=True)


def violations(page, url):
    messages = []
    page.on(
        "console",
        lambda m: messages.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return messages


def test_timeline_and_event_pages_break_no_policy_rule(live_server, page, make_event):
    event = make_event()
    assert violations(page, live_server.url + "/") == []
    page.get_by_text("1 source").first.click()
    page.wait_for_selector(".mention, blockquote")
    assert violations(page, live_server.url + f"/events/{event.pk}/") == []


def test_admin_pages_break_no_policy_rule(live_server, page, make_event):
    event = make_event()
    User.objects.create_superuser("admin", "admin@example.org", "pw-for-tests-only")
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", "pw-for-tests-only")
    page.click("input[type=submit]")
    for url in [
        "/admin/",
        "/admin/timeline/event/",
        f"/admin/timeline/event/{event.pk}/change/",
        "/ingest/",
    ]:
        assert violations(page, live_server.url + url) == [], url


def test_the_policy_header_is_sent(client):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
