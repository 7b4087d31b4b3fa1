"""Fetch a news page by URL and read its main text, title and publication date.

trafilatura finds the article body and title; htmldate the publication date, from the
page's metadata only (never today's date, never a guess from the text).
"""

from __future__ import annotations

import datetime
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings

from timeline.ingest import IngestError

USER_AGENT = "timeline-curation/0.1 (+https://github.com/; fetching one article for a curator)"
PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


@dataclass
class FetchedPage:
    url: str
    text: str
    title: str = ""
    outlet: str = ""
    published: datetime.date | None = None


def fetch_page(url: str) -> FetchedPage:
    """The article at `url`; IngestError with a sentence for the curator when it can't be read."""
    if urlsplit(url).scheme not in ("http", "https"):
        raise IngestError("Only http and https addresses can be fetched.")
    limit = settings.INGEST_MAX_BYTES
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=settings.INGEST_FETCH_TIMEOUT) as response:
            kind = response.headers.get_content_type()
            if kind not in PAGE_TYPES:
                raise IngestError(f"{url} is not a web page ({kind}).")
            body = response.read(limit + 1)
            final_url = response.geturl()
    except urllib.error.HTTPError as exc:
        raise IngestError(
            f"Could not fetch {url}: the server answered {exc.code} {exc.reason}."
        ) from exc
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        if isinstance(reason, TimeoutError):
            reason = f"no answer within {settings.INGEST_FETCH_TIMEOUT:g} seconds"
        raise IngestError(f"Could not fetch {url}: {reason}.") from exc
    if len(body) > limit:
        raise IngestError(f"The page is larger than the {limit / 1024 / 1024:g} MB limit.")
    return read_page(body, final_url, kind)


def read_page(body: bytes, url: str, kind: str = "text/html") -> FetchedPage:
    import htmldate
    import trafilatura

    if kind == "text/plain":
        text = body.decode("utf-8", errors="replace").strip()
        if not text:
            raise IngestError("The page is empty.")
        return FetchedPage(url=url, text=text)
    text = trafilatura.extract(body, url=url, include_comments=False, include_tables=False)
    if not text or not text.strip():
        raise IngestError(f"No article text found at {url}.")
    metadata = trafilatura.extract_metadata(body, default_url=url)
    found = htmldate.find_date(
        body, url=url, original_date=True, extensive_search=False, outputformat="%Y-%m-%d"
    )
    published = datetime.date.fromisoformat(found) if found else None
    return FetchedPage(
        url=url,
        text=text.strip(),
        title=(metadata.title or "") if metadata else "",
        outlet=(metadata.sitename or "") if metadata else "",
        published=published,
    )
