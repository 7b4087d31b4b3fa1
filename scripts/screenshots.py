#!/usr/bin/env python3
"""Take the README's screenshots from a running server with articles loaded.

    .venv/bin/python manage.py ingest --manifest ../shared/eval/news/articles/manifest.json
    .venv/bin/python manage.py runserver 127.0.0.1:8003 &
    .venv/bin/python scripts/screenshots.py http://127.0.0.1:8003

Writes docs/timeline.png, docs/axis.png, docs/key-events.png, docs/map.png, docs/citation.png.
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

DOCS = Path(__file__).resolve().parent.parent / "docs"


def main(base: str) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page(viewport={"width": 1280, "height": 900}, device_scale_factor=2)
        page.goto(base + "/")
        page.screenshot(path=DOCS / "timeline.png")
        page.locator(".map").screenshot(path=DOCS / "map.png")

        # The axis under a filter, a range being dragged across it.
        page.goto(base + "/?actor=sergey-lavrov")
        box = page.locator(".chart__svg").bounding_box()
        months = int(page.get_attribute(".chart__plot", "data-months"))
        y = box["y"] + box["height"] / 2
        page.mouse.move(box["x"] + 14.5 * box["width"] / months, y)
        page.mouse.down()
        page.mouse.move(box["x"] + 25.5 * box["width"] / months, y, steps=5)
        page.locator(".chart").screenshot(path=DOCS / "axis.png")
        page.keyboard.press("Escape")
        page.mouse.up()
        page.wait_for_timeout(800)

        page.goto(base + "/?key=1")
        page.screenshot(path=DOCS / "key-events.png")

        page.goto(base + "/")
        card = page.locator("article.event").filter(has=page.locator(".flag--key")).first
        href = card.locator(".event__summary a").get_attribute("href")
        page.goto(base + href)
        page.locator(".cite__details summary").click()
        page.locator(".event-detail").screenshot(path=DOCS / "citation.png")
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1].rstrip("/"))
