"""Fetch a news page by URL and read its main text, title and publication date.

A curator's URL is fetched by the server, so it must not become a way into the server's own
network: the host is resolved first and every address it resolves to must be public (not
loopback, private, link-local, multicast, reserved or unspecified, IPv4 or IPv6, including
IPv4 inside IPv6); the connection then goes to the address that was checked, so a second DNS
answer cannot swap it. Redirects are followed here, each hop checked the same way, at most
INGEST_FETCH_MAX_REDIRECTS of them. The body is read up to INGEST_MAX_BYTES and the whole
fetch takes at most INGEST_FETCH_TIMEOUT seconds. Hosts in INGEST_FETCH_ALLOWED_HOSTS skip
the address rule (the tests serve pages on 127.0.0.1).

A refused address is refused before any connection, with one message whatever the port, so
the answers cannot map the services behind the server.

trafilatura finds the article body and title; htmldate the publication date, from the
page's metadata only (never today's date, never a guess from the text).
"""

from __future__ import annotations

import datetime
import http.client
import ipaddress
import socket
import ssl
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from django.conf import settings

from timeline.ingest import IngestError

USER_AGENT = "timeline-curation/0.1 (+https://github.com/; fetching one article for a curator)"
PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
REDIRECTS = (301, 302, 303, 307, 308)
CHUNK = 64 * 1024
# IPv6 prefixes that carry an IPv4 address in their last 32 bits (NAT64, RFC 6052).
NAT64 = ipaddress.ip_network("64:ff9b::/96")


@dataclass
class FetchedPage:
    url: str
    text: str
    title: str = ""
    outlet: str = ""
    published: datetime.date | None = None


def is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Whether `address` is on the public internet: `is_public(ip_address("93.184.215.14"))`
    is True; 127.0.0.1, 10.0.0.1, 169.254.169.254, 224.0.0.1, 0.0.0.0, ::1, fe80::1, fc00::1
    and ::ffff:127.0.0.1 are not."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = [address.ipv4_mapped, address.sixtofour]
        if address.teredo:
            embedded += list(address.teredo)
        if address in NAT64:
            embedded.append(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
        embedded = [ip for ip in embedded if ip is not None]
        if embedded:
            return all(is_public(ip) for ip in embedded)
    return not (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
        or getattr(address, "is_site_local", False)
        or not address.is_global
    )


def allowed_host(host: str) -> bool:
    return host.lower().rstrip(".") in {
        h.lower().rstrip(".") for h in settings.INGEST_FETCH_ALLOWED_HOSTS
    }


def refused(host: str) -> IngestError:
    # The same words for every refused address and port: no map of the network behind us.
    return IngestError(
        f"{host} is not a public web address: pages on this server's own or private "
        "networks are not fetched."
    )


def check_url(url: str) -> tuple[str, str, int]:
    """The scheme, host and port of `url` if it may be fetched as far as can be told without
    the network (an http(s) address whose host, if written as an address, is public); else
    IngestError. `check_url("http://2130706433/")` is refused: that is 127.0.0.1."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise IngestError(f"{url[:200]} is not a valid address.") from exc
    if parts.scheme.lower() not in ("http", "https"):
        raise IngestError("Only http and https addresses can be fetched.")
    host = parts.hostname or ""
    if not host:
        raise IngestError(f"{url[:200]} has no host name.")
    port = port or (443 if parts.scheme.lower() == "https" else 80)
    if not allowed_host(host):
        try:
            numeric = socket.getaddrinfo(
                host, port, type=socket.SOCK_STREAM, flags=socket.AI_NUMERICHOST
            )
        except (socket.gaierror, UnicodeError, ValueError):
            numeric = []  # a name: resolved when fetched
        if any(not is_public(address_of(info)) for info in numeric):
            raise refused(host)
    return parts.scheme.lower(), host, port


def address_of(info) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    return ipaddress.ip_address(info[4][0])


def resolve(host: str, port: int) -> list[str]:
    """The addresses to connect to for `host`, all of them checked; IngestError otherwise."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise IngestError(f"Could not fetch the page: no host called {host} was found.") from exc
    if not allowed_host(host) and any(not is_public(address_of(info)) for info in infos):
        raise refused(host)
    return list(dict.fromkeys(info[4][0] for info in infos))


def connection(scheme: str, host: str, port: int, address: str, timeout: float):
    """An HTTP(S) connection to `address` that speaks to `host`: the Host header, TLS's
    server name and the certificate check all use the name; only the socket uses the address."""
    if scheme == "https":
        conn = http.client.HTTPSConnection(
            host, port, timeout=timeout, context=ssl.create_default_context()
        )
    else:
        conn = http.client.HTTPConnection(host, port, timeout=timeout)

    def connect_to_checked_address(_address, timeout=None, source_address=None, **kwargs):
        return socket.create_connection((address, port), timeout, source_address, **kwargs)

    conn._create_connection = connect_to_checked_address
    return conn


def fetch_page(url: str) -> FetchedPage:
    """The article at `url`; IngestError with a sentence for the curator when it can't be read."""
    limit = settings.INGEST_MAX_BYTES
    timeout = settings.INGEST_FETCH_TIMEOUT
    deadline = time.monotonic() + timeout
    given = url
    for _hop in range(settings.INGEST_FETCH_MAX_REDIRECTS + 1):
        scheme, host, port = check_url(url)
        status, reason, headers, body = get(scheme, host, port, url, limit, deadline)
        if status in REDIRECTS and headers.get("Location"):
            url = urljoin(url, headers["Location"].strip())
            continue
        if status != 200:
            raise IngestError(f"Could not fetch {given}: the server answered {status} {reason}.")
        kind = headers.get_content_type()
        if kind not in PAGE_TYPES:
            raise IngestError(f"{given} is not a web page ({kind}).")
        return read_page(body, url, kind)
    raise IngestError(
        f"Could not fetch {given}: more than {settings.INGEST_FETCH_MAX_REDIRECTS} redirects."
    )


def get(scheme: str, host: str, port: int, url: str, limit: int, deadline: float):
    """One GET, no redirect followed: (status, reason, headers, body up to `limit` bytes)."""
    parts = urlsplit(url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    problem = None
    for address in resolve(host, port):
        left = deadline - time.monotonic()
        if left <= 0:
            break
        conn = connection(scheme, host, port, address, left)
        try:
            conn.request(
                "GET", target, headers={"User-Agent": USER_AGENT, "Accept-Encoding": "identity"}
            )
            response = conn.getresponse()
            if response.status != 200:
                return response.status, response.reason, response.headers, b""
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > limit:
                raise too_large(limit)
            body = bytearray()
            while len(body) <= limit:
                if time.monotonic() > deadline:
                    raise TimeoutError
                chunk = response.read1(CHUNK)
                if not chunk:
                    break
                body += chunk
            if len(body) > limit:
                raise too_large(limit)
            return response.status, response.reason, response.headers, bytes(body)
        except TimeoutError:
            problem = f"no answer within {settings.INGEST_FETCH_TIMEOUT:g} seconds"
            break
        except ssl.SSLError as exc:
            problem = f"its secure connection failed ({exc.reason or exc})"
        except (OSError, http.client.HTTPException) as exc:
            problem = str(exc) or type(exc).__name__
        finally:
            conn.close()
    if problem is None:
        problem = f"no answer within {settings.INGEST_FETCH_TIMEOUT:g} seconds"
    raise IngestError(f"Could not fetch {url}: {problem}.")


def too_large(limit: int) -> IngestError:
    return IngestError(f"The page is larger than the {limit / 1024 / 1024:g} MB limit.")


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
