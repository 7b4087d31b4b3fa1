"""Issue 11's defects as a reader meets them in Chromium: feedback, loading, history, phone
layout, contrast and focus."""

import datetime
import re

import pytest

from timeline.extraction.types import EVENT_TYPES

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def many_events(make_event):
    """Sixty events over two years: enough to scroll under the sticky headings."""
    events = []
    for n in range(60):
        day = datetime.date(2012, 1, 1) + datetime.timedelta(days=n * 11)
        events.append(
            make_event(
                date=day,
                summary=f"Envoy meets delegation number {n} in Geneva",
                type=list(EVENT_TYPES)[n % len(EVENT_TYPES)],
                outlet=("Reuters", "BBC News", "Al Jazeera")[n % 3],
            )
        )
    return events


def wait_until(page, expression: str, timeout_ms: int = 10_000):
    """Poll a JavaScript expression from Python: Playwright's wait_for_function re-polls with
    eval(), which the Content-Security-Policy refuses."""
    for _ in range(timeout_ms // 50):
        if page.evaluate(expression):
            return
        page.wait_for_timeout(50)
    raise AssertionError(f"still false after {timeout_ms} ms: {expression}")


def errors_of(page):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


@pytest.mark.parametrize("debug", [False, True])
def test_a_bad_date_shows_its_message_in_the_results_area(
    live_server, page, make_event, settings, debug
):
    # With DEBUG, django-htmx's helper used to replace the whole page with the bare fragment.
    settings.DEBUG = debug
    make_event()
    page.goto(live_server.url + "/")
    page.fill("#f-from", "June 2012")
    # The field says what it accepts before anything is sent.
    assert page.get_attribute("#f-from", "aria-invalid") == "true"
    assert "2012, 2012-06 or 2012-06-30" in page.locator("#date-hint").inner_text()
    page.click("#filters button[type=submit]")
    alert = page.locator("#results [role=alert]")
    alert.wait_for()
    assert "From: Enter a date as YYYY, YYYY-MM or YYYY-MM-DD." in alert.inner_text()
    # The page around it is still the styled page: header, search form, stylesheet.
    assert page.locator("header.site .brand").is_visible()
    assert page.locator("#filters").is_visible()
    assert page.evaluate("getComputedStyle(document.body).fontFamily") != "Times New Roman"
    page.fill("#f-from", "2012-13")
    page.click("#filters button[type=submit]")
    wait_until(
        page, "document.querySelector('#results [role=alert]').innerText.includes('2012-13')"
    )
    page.fill("#f-from", "2012-12")
    page.click("#filters button[type=submit]")
    page.wait_for_selector("#result-count")
    assert page.url.endswith("/?from=2012-12")  # no empty q= or to=


def test_filtering_shows_a_loading_state(live_server, page, make_event):
    make_event()
    make_event(summary="Kerry meets Lavrov", actors=("John Kerry",))
    page.goto(live_server.url + "/")
    held = []
    page.route(re.compile(r".*/\?actor=john-kerry$"), lambda route: held.append(route))
    page.locator(".facets").get_by_role("link", name=re.compile(r"^John Kerry 1")).click()
    wait_until(page, "document.getElementById('results').getAttribute('aria-busy') === 'true'")
    assert page.locator("#loading").is_visible()
    held[0].continue_()
    wait_until(page, "!document.getElementById('results').hasAttribute('aria-busy')")
    wait_until(page, "getComputedStyle(document.getElementById('loading')).visibility === 'hidden'")
    assert page.locator("#result-count").inner_text() == "1 event"


def test_back_and_forward_raise_no_error_and_announce_the_results(live_server, page, make_event):
    make_event()
    make_event(summary="Kerry meets Lavrov", actors=("John Kerry",))
    errors = errors_of(page)
    page.goto(live_server.url + "/")
    page.locator(".facets").get_by_role("link", name=re.compile(r"^John Kerry 1")).click()
    page.wait_for_url(re.compile(r"actor=john-kerry"))
    wait_until(page, "document.getElementById('announce').innerText.includes('1 event')")
    page.go_back()
    wait_until(page, "document.getElementById('announce').innerText.includes('2 events')")
    page.go_forward()
    wait_until(page, "document.getElementById('announce').innerText.includes('1 event')")
    assert errors == []


def test_on_a_phone_the_results_come_first_with_or_without_javascript(
    live_server, browser, many_events
):
    for javascript in (False, True):
        context = browser.new_context(
            viewport={"width": 360, "height": 780}, java_script_enabled=javascript
        )
        page = context.new_page()
        try:
            page.goto(live_server.url + "/")
            assert page.evaluate("document.querySelector('.facets__panel').open") is False
            top = page.evaluate(
                "document.getElementById('results-heading').getBoundingClientRect().top"
            )
            assert top < 400, f"results start {top}px down (javascript={javascript})"
        finally:
            context.close()


def test_a_phone_load_does_not_shift_the_layout(live_server, browser, many_events):
    context = browser.new_context(viewport={"width": 360, "height": 780})
    context.add_init_script(
        """window.__cls = 0;
        new PerformanceObserver(list => { for (const e of list.getEntries())
          if (!e.hadRecentInput) window.__cls += e.value; }).observe({type: 'layout-shift', buffered: true});"""
    )
    page = context.new_page()
    try:
        page.goto(live_server.url + "/")
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(300)
        assert page.evaluate("window.__cls") < 0.1
    finally:
        context.close()


def test_on_a_wide_screen_the_filters_show_without_a_click(live_server, page, make_event):
    make_event()
    page.goto(live_server.url + "/")
    assert (
        page.locator(".facets")
        .get_by_role("link", name=re.compile(r"^Sergey Lavrov 1"))
        .is_visible()
    )


def contrast(page, foreground, background) -> float:
    """Contrast of two computed colours, each given as (selector, CSS property)."""
    return page.evaluate(
        """([[fs, fp], [bs, bp]]) => {
          const fg = getComputedStyle(document.querySelector(fs))[fp];
          const bg = getComputedStyle(document.querySelector(bs))[bp];
          const parse = c => { const ctx = document.createElement('canvas').getContext('2d');
            ctx.fillStyle = c; ctx.fillRect(0, 0, 1, 1); return [...ctx.getImageData(0, 0, 1, 1).data].slice(0, 3); };
          const lum = rgb => { const [r, g, b] = rgb.map(v => { v /= 255;
            return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
          const [a, b] = [lum(parse(fg)), lum(parse(bg))];
          return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        }""",
        [list(foreground), list(background)],
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_type_badge_and_the_chart_bars_have_enough_contrast(
    live_server, page, many_events, scheme
):
    from axe_playwright_python.sync_playwright import Axe

    page.emulate_media(color_scheme=scheme)
    page.goto(live_server.url + "/?page=1")
    page.locator("text=More events").click()
    wait_until(page, "document.querySelectorAll('.badge').length >= 60")
    shown = set(page.locator(".badge").evaluate_all("els => els.map(e => e.className)"))
    assert len(shown) == len(EVENT_TYPES)  # every type of the vocabulary is on the page
    result = Axe().run(page, options={"runOnly": ["color-contrast"]})
    assert result.violations_count == 0, result.generate_report()
    # Non-text contrast (WCAG 1.4.11): bars against the page, at least 3:1.
    ratio = contrast(page, (".chart__bar", "fill"), ("body", "backgroundColor"))
    assert ratio >= 3, ratio


def test_skip_to_results_is_the_second_tab_stop(live_server, page, many_events):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to results"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "results-heading"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('#results') !== null")


def test_focus_never_hides_under_the_sticky_headings(live_server, page, many_events):
    page.set_viewport_size({"width": 1280, "height": 700})
    page.goto(live_server.url + "/")
    links = page.locator(".event__summary a")
    # From the middle of the list, Shift+Tab back up through the events one by one: each
    # step reaches an element just above the viewport's top, where the headings stick.
    links.nth(40).focus()
    for _ in range(60):
        page.keyboard.press("Shift+Tab")
        overlap = page.evaluate(
            """() => {
              const el = document.activeElement, r = el.getBoundingClientRect();
              let bottom = 0;
              for (const h of document.querySelectorAll('.group--year, .group--month')) {
                const s = h.getBoundingClientRect();
                if (getComputedStyle(h).position === 'sticky' && s.top <= 1 + parseFloat(getComputedStyle(h).top))
                  bottom = Math.max(bottom, s.bottom);
              }
              return bottom - r.top;
            }"""
        )
        assert overlap <= 0, (
            f"{page.evaluate('document.activeElement.outerHTML')[:80]} is {overlap}px under a heading"
        )
