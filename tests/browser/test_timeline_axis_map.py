"""The time axis and the map in Chromium: drag or keys choose a range, years and places filter."""

import datetime
import re

import pytest

from tests.browser.test_timeline_feedback import wait_until

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def two_years(make_event):
    events = []
    for n in range(24):
        day = datetime.date(2012 + n // 12, n % 12 + 1, 10)
        place = ("Geneva", "Moscow", "Doha", "Geneva")[n % 4]
        events.append(make_event(date=day, summary=f"Talks round {n}", place=place))
    return events


def plot_box(page):
    return page.locator(".chart__svg").bounding_box()


def test_dragging_across_the_chart_chooses_a_range(live_server, page, two_years):
    page.goto(live_server.url + "/")
    box = plot_box(page)
    months = int(page.get_attribute(".chart__plot", "data-months"))
    assert months == 24  # January 2012 to December 2013

    def x_of(i):
        return box["x"] + (i + 0.5) * box["width"] / months

    y = box["y"] + box["height"] / 2
    page.mouse.move(x_of(2), y)
    page.mouse.down()
    page.mouse.move(x_of(4), y, steps=4)
    assert page.locator(".chart__status").inner_text() == "March 2012 to May 2012: 3 events"
    page.mouse.move(x_of(5), y, steps=2)
    page.mouse.up()
    page.wait_for_url(re.compile(r"/\?from=2012-03&to=2012-06$"))
    wait_until(page, "document.getElementById('result-count').innerText === '4 events'")
    assert page.locator("#results h1").inner_text() == "Events, 1 Mar 2012 to 30 Jun 2012"
    # The whole period stays the axis, the chosen months marked on it.
    assert int(page.get_attribute(".chart__plot", "data-months")) == 24
    assert page.locator(".chart__bar.is-selected").count() == 4
    page.go_back()
    wait_until(page, "document.getElementById('result-count').innerText === '24 events'")


def test_a_click_on_a_bar_narrows_to_its_month(live_server, page, two_years):
    page.goto(live_server.url + "/")
    box = plot_box(page)
    page.mouse.click(box["x"] + 7.5 * box["width"] / 24, box["y"] + box["height"] - 5)
    page.wait_for_url(re.compile(r"from=2012-08&to=2012-08$"))
    wait_until(page, "document.getElementById('result-count').innerText === '1 event'")


def test_the_keyboard_chooses_a_range(live_server, page, two_years):
    page.goto(live_server.url + "/")
    page.focus(".chart__plot")
    assert (
        page.evaluate("document.activeElement.getAttribute('aria-roledescription')") == "time axis"
    )
    page.keyboard.press("ArrowRight")  # the first press lands on the first month
    assert page.locator(".chart__status").inner_text() == "January 2012: 1 event"
    for _ in range(12):
        page.keyboard.press("ArrowRight")  # on to January 2013
    assert page.locator(".chart__status").inner_text() == "January 2013: 1 event"
    page.keyboard.press("Shift+ArrowRight")
    page.keyboard.press("Shift+ArrowRight")
    assert page.locator(".chart__status").inner_text() == "January 2013 to March 2013: 3 events"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"from=2013-01&to=2013-03$"))
    wait_until(page, "document.getElementById('result-count').innerText === '3 events'")


def test_on_a_phone_the_years_are_targets_of_24_px_or_more(live_server, browser, two_years):
    context = browser.new_context(viewport={"width": 360, "height": 780})
    page = context.new_page()
    try:
        page.goto(live_server.url + "/")
        years = page.locator(".chart__years a")
        assert years.count() == 2
        for i in range(years.count()):
            box = years.nth(i).bounding_box()
            assert box["width"] >= 24 and box["height"] >= 24, box
        years.nth(1).click()
        page.wait_for_url(re.compile(r"\?year=2013$"))
        wait_until(page, "document.getElementById('result-count').innerText === '12 events'")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
    finally:
        context.close()


def test_choosing_a_place_on_the_map_filters_by_it(live_server, page, two_years, screenshot_dir):
    page.goto(live_server.url + "/")
    geneva = page.get_by_role("link", name="Geneva: 12 events")
    moscow = page.get_by_role("link", name="Moscow: 6 events")
    assert geneva.bounding_box()["width"] > moscow.bounding_box()["width"]
    page.locator(".map").screenshot(path=screenshot_dir / "map.png")
    moscow.click()
    page.wait_for_url(re.compile(r"\?place=moscow$"))
    wait_until(page, "document.getElementById('result-count').innerText === '6 events'")
    assert page.locator("#results h1").inner_text() == "Events in Moscow"
    assert (
        page.get_by_role("link", name="Moscow: 6 events, selected: choose to remove").count() == 1
    )
