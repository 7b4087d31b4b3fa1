"""Fetching a curator's URL: only public addresses, every redirect checked, the size capped.

The pages are served on 127.0.0.1, which the rule refuses; tests that need them list the
host in INGEST_FETCH_ALLOWED_HOSTS, as the setting's documentation says.
"""

import ipaddress
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from timeline.fetch import fetch_page, is_public
from timeline.ingest import IngestError

ARTICLE = (
    b"<html><head><title>Lavrov meets Brahimi</title></head><body><article>"
    b"<p>Russian Foreign Minister Sergey Lavrov met Lakhdar Brahimi in Moscow on Saturday.</p>"
    b"<p>The two men discussed the crisis in Syria, diplomats said.</p></article></body></html>"
)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    hits: list[str] = []

    def do_GET(self):
        Handler.hits.append(self.path)
        if self.path.startswith("/to/"):
            # /to/<url>: a redirect to any address.
            self.send_response(302)
            self.send_header("Location", self.path.removeprefix("/to/"))
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if self.path.startswith("/loop/"):
            n = int(self.path.removeprefix("/loop/"))
            self.send_response(301)
            self.send_header("Location", f"/loop/{n + 1}")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if self.path == "/endless":
            # No Content-Length, the body never ends: only the cap stops the read.
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Connection", "close")
            self.end_headers()
            try:
                while True:
                    self.wfile.write(b"<p>word word word word</p>" * 100)
            except OSError:
                return
        if self.path == "/drip":
            # A byte now and then, each within any socket timeout: only a deadline ends it.
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Connection", "close")
            self.end_headers()
            try:
                for _ in range(200):
                    self.wfile.write(b"<")
                    self.wfile.flush()
                    threading.Event().wait(0.1)
            except OSError:
                pass
            return
        if self.path == "/article":
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(ARTICLE)))
            self.end_headers()
            self.wfile.write(ARTICLE)
            return
        self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    Handler.hits = []
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "127.255.0.9",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "224.0.0.1",
        "239.255.255.250",
        "240.0.0.1",
        "255.255.255.255",
        "192.0.2.1",
        "::1",
        "::",
        "fe80::1",
        "fc00::1",
        "fd12:3456::1",
        "ff02::1",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
        "::ffff:169.254.169.254",
        "64:ff9b::7f00:1",
        "2002:7f00:1::1",
        "2001:0:4136:e378:8000:63bf:80ff:fffe",  # Teredo to 127.0.0.1
    ],
)
def test_addresses_inside_a_network_are_not_public(address):
    assert not is_public(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["93.184.215.14", "8.8.8.8", "2606:4700::1111"])
def test_internet_addresses_are_public(address):
    assert is_public(ipaddress.ip_address(address))


REFUSED = [
    "http://127.0.0.1:{port}/",
    "http://localhost:{port}/",
    "http://[::1]:{port}/",
    "http://[::ffff:127.0.0.1]:{port}/",
    "http://0.0.0.0:{port}/",
    "http://2130706433:{port}/",  # 127.0.0.1 as one decimal number
    "http://0177.0.0.1:{port}/",  # ... in octal
    "http://0x7f.1:{port}/",
    "http://127.1:{port}/",
    "http://169.254.169.254:{port}/latest/meta-data/",
    "http://10.0.0.1:{port}/",
    "https://192.168.0.1:{port}/",
    "http://[fe80::1]:{port}/",
]


@pytest.mark.parametrize("template", REFUSED)
def test_local_and_private_addresses_are_refused_before_connecting(template, site):
    port = site.rsplit(":", 1)[1]
    with pytest.raises(IngestError) as refused:
        fetch_page(template.format(port=port))
    assert "not a public web address" in str(refused.value)
    assert Handler.hits == []  # never reached the server listening there


def test_the_answer_is_the_same_whatever_the_port_state(site, monkeypatch):
    """No map of the services behind the server: an open port, a closed one and the
    database's give one message, and no connection is even tried."""

    def no_connection(*args, **kwargs):
        raise AssertionError("a refused address must not be connected to")

    monkeypatch.setattr(socket, "create_connection", no_connection)
    open_port = site.rsplit(":", 1)[1]
    messages = set()
    for port in (open_port, closed_port(), 5432, 6379):
        with pytest.raises(IngestError) as refused:
            fetch_page(f"http://127.0.0.1:{port}/")
        messages.add(str(refused.value))
    assert messages == {
        "127.0.0.1 is not a public web address: pages on this server's own or private "
        "networks are not fetched."
    }


def test_a_name_that_resolves_to_a_private_address_is_refused(monkeypatch, site):
    port = int(site.rsplit(":", 1)[1])
    real = socket.getaddrinfo

    def rebinding(host, *args, flags=0, **kwargs):
        if host == "news.example.org" and not flags & socket.AI_NUMERICHOST:
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    with pytest.raises(IngestError, match="not a public web address"):
        fetch_page(f"http://news.example.org:{port}/article")
    assert Handler.hits == []


def test_a_name_with_one_private_address_among_public_ones_is_refused(monkeypatch):
    def mixed(host, port, *args, flags=0, **kwargs):
        if flags & socket.AI_NUMERICHOST:
            raise socket.gaierror(socket.EAI_NONAME, "not a numeric host")
        return [
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.215.14", port)),
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.5", port)),
        ]

    monkeypatch.setattr(socket, "getaddrinfo", mixed)
    with pytest.raises(IngestError, match="not a public web address"):
        fetch_page("http://news.example.org/article")


def test_the_connection_goes_to_the_address_that_was_checked(monkeypatch, site, settings):
    """DNS rebinding: the name answers a public address when checked and a private one
    after; the socket must use the first answer, not ask again."""
    settings.INGEST_FETCH_TIMEOUT = 1
    answers = []

    def rebinding(host, port, *args, flags=0, **kwargs):
        if flags & socket.AI_NUMERICHOST:
            raise socket.gaierror(socket.EAI_NONAME, "not a numeric host")
        answers.append(host)
        # TEST-NET-3 is not routed: a connection there times out. First answer only.
        address = "203.0.113.9" if len(answers) == 1 else "127.0.0.1"
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]

    monkeypatch.setattr("timeline.fetch.is_public", lambda ip: str(ip) == "203.0.113.9")
    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    connected = []

    def record(address, *args, **kwargs):
        connected.append(address[0])
        raise OSError("unreachable in the test")

    monkeypatch.setattr(socket, "create_connection", record)
    with pytest.raises(IngestError, match="Could not fetch"):
        fetch_page(f"http://news.example.org:{site.rsplit(':', 1)[1]}/article")
    assert connected == ["203.0.113.9"]
    assert len(answers) == 1
    assert Handler.hits == []


def test_allowed_hosts_may_be_fetched(allow_local, site):
    page = fetch_page(f"{site}/article")
    assert "Sergey Lavrov met Lakhdar Brahimi" in page.text
    assert page.title == "Lavrov meets Brahimi"


def test_a_redirect_to_a_private_address_is_refused(settings, site, monkeypatch):
    """The first hop is allowed; the second goes inside the network and is checked again."""
    settings.INGEST_FETCH_ALLOWED_HOSTS = ["127.0.0.1"]
    with pytest.raises(IngestError, match="169.254.169.254 is not a public web address"):
        fetch_page(f"{site}/to/http://169.254.169.254/latest/meta-data/")
    with pytest.raises(IngestError, match="localhost is not a public web address"):
        fetch_page(f"{site}/to/http://localhost:{site.rsplit(':', 1)[1]}/article")
    assert Handler.hits == [
        "/to/http://169.254.169.254/latest/meta-data/",
        f"/to/http://localhost:{site.rsplit(':', 1)[1]}/article",
    ]


def test_a_redirect_to_another_scheme_is_refused(allow_local, site):
    with pytest.raises(IngestError, match="Only http and https"):
        fetch_page(f"{site}/to/file:///etc/passwd")


def test_redirects_are_followed_a_bounded_number_of_times(allow_local, site, settings):
    settings.INGEST_FETCH_MAX_REDIRECTS = 3
    with pytest.raises(IngestError, match="more than 3 redirects"):
        fetch_page(f"{site}/loop/0")
    assert len(Handler.hits) == 4
    page = fetch_page(f"{site}/to/{site}/article")
    assert page.url == f"{site}/article"


def test_the_size_is_capped_while_reading(allow_local, site, settings):
    settings.INGEST_MAX_BYTES = 50_000
    settings.INGEST_FETCH_TIMEOUT = 60  # without the cap the read would end by time, not size
    with pytest.raises(IngestError, match="larger than the"):
        fetch_page(f"{site}/endless")


def test_the_whole_fetch_is_timed(allow_local, site, settings):
    settings.INGEST_FETCH_TIMEOUT = 1
    with pytest.raises(IngestError, match="no answer within 1 seconds"):
        fetch_page(f"{site}/drip")


@pytest.mark.parametrize("suffix", ["", "<p>Lavrov_met_Brahimi.</p>"])
def test_an_uploaded_page_that_is_only_an_address_is_not_fetched(site, suffix):
    """htmldate downloads a str that looks like a URL; an .html file made of one must not
    reach the network by that road (it would be fetched unchecked)."""
    from timeline.extraction.clean import load_document

    document = load_document(f"{site}/article{suffix}".encode(), "a.html")
    assert Handler.hits == []
    assert document.published is None


@pytest.mark.parametrize("url", ["ftp://example.org/a", "file:///etc/passwd", "gopher://x/"])
def test_only_http_and_https(url):
    with pytest.raises(IngestError, match="Only http and https"):
        fetch_page(url)
