"""The Add article page: paste, upload or fetch; confirm the date; extraction as a task."""

import datetime
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from timeline.models import Actor, ActorAlias, Article, Event, EventActor, Mention, Submission

pytestmark = pytest.mark.django_db
IMMEDIATE = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
MUNICH = (
    "Russian Foreign Minister Sergey Lavrov met Syrian opposition leader Moaz al-Khatib "
    "on Saturday in Munich."
)
PAGE = f"""<!doctype html><html><head><title>Lavrov meets Syrian opposition chief - Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2013-02-02T12:00:00+00:00">
</head><body><nav>Home | World | Sport</nav><article><h1>Lavrov meets Syrian opposition chief</h1>
<p>{MUNICH}</p>
<p>The two men discussed the crisis in Syria on the sidelines of the Munich Security Conference,
diplomats said, and agreed that a political solution to the conflict was needed.</p>
<p>The meeting was the first between a senior Russian official and the leader of the
opposition coalition since it was formed in Qatar last November.</p></article>
<footer>Copyright Example News</footer></body></html>"""

UNDATED = PAGE.replace(
    '<meta property="article:published_time" content="2013-02-02T12:00:00+00:00">', ""
)


def snapshot():
    models = (Article, Actor, ActorAlias, Event, EventActor, Mention, Submission)
    return tuple(m.objects.count() for m in models)


@pytest.fixture
def immediate(settings):
    settings.TASKS = IMMEDIATE


@pytest.fixture
def post(curator_client, django_capture_on_commit_callbacks):
    def post(data, url=None):
        with django_capture_on_commit_callbacks(execute=True):
            return curator_client.post(url or reverse("timeline:ingest"), data)

    return post


def test_pasted_text_with_a_date_is_extracted_and_shown(immediate, post, curator_client):
    response = post({"text": MUNICH, "published": "2013-02-03", "outlet": "Reuters"})
    assert response.status_code == 302
    submission = Submission.objects.get()
    assert response["Location"] == reverse("timeline:ingest_status", args=[submission.batch])
    assert submission.status == "done"
    assert submission.data == b""
    article = submission.article
    assert (article.published, article.published_how, article.outlet) == (
        datetime.date(2013, 2, 3),
        "given",
        "Reuters",
    )
    event = Event.objects.get()
    assert event.date == datetime.date(2013, 2, 2)
    assert submission.new_events == [event.pk]
    page = curator_client.get(response["Location"]).content.decode()
    assert "1 new event, 0 merged" in page
    assert event.get_absolute_url() in page
    assert "hx-trigger" not in page  # finished: no more polling


def test_second_source_is_reported_as_merged(immediate, post, curator_client):
    post(
        {
            "text": "Sergei Lavrov met Moaz al-Khatib in Munich on Saturday.",
            "published": "2013-02-02",
        }
    )
    response = post({"text": MUNICH, "published": "2013-02-03"})
    submission = Submission.objects.latest("id")
    assert submission.new_events == []
    assert submission.merged_events == [Event.objects.get().pk]
    assert "0 new events, 1 merged" in curator_client.get(response["Location"]).content.decode()


def test_detected_dateline_date_is_confirmed_before_extraction(immediate, post, curator_client):
    text = "MOSCOW, Dec 28, 2012 (Reuters) - Russia said on Friday it had invited Moaz al-Khatib."
    response = post({"text": text})
    submission = Submission.objects.get()
    assert submission.status == "draft"
    assert Article.objects.count() == 0
    confirm = reverse("timeline:ingest_confirm", args=[submission.batch])
    assert response["Location"] == confirm
    page = curator_client.get(confirm).content.decode()
    assert "28 December 2012" in page and 'value="2012-12-28"' in page
    form = {
        "form-TOTAL_FORMS": 1,
        "form-INITIAL_FORMS": 1,
        "form-0-published": "2012-12-28",
        "form-0-title": "",
        "form-0-outlet": "Reuters",
    }
    response = post(form, url=confirm)
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.published == datetime.date(2012, 12, 28)
    assert article.published_how == "dateline"
    # The status page of a batch waiting for confirmation sends the curator back to confirm.
    Submission.objects.update(status="draft")
    assert curator_client.get(response["Location"])["Location"] == confirm


def test_corrected_date_counts_as_given(immediate, post):
    post({"text": "MOSCOW, Dec 28, 2012 (Reuters) - Russia invited Moaz al-Khatib."})
    batch = Submission.objects.get().batch
    form = {"form-TOTAL_FORMS": 1, "form-INITIAL_FORMS": 1, "form-0-published": "2012-12-29"}
    post(form, url=reverse("timeline:ingest_confirm", args=[batch]))
    assert Article.objects.get().published_how == "given"


def test_several_files_at_once(immediate, post):
    files = [
        SimpleUploadedFile("a.txt", MUNICH.encode()),
        SimpleUploadedFile(
            "b.html", b"<html><body><p>Lavrov visited Damascus on Monday.</p></body></html>"
        ),
    ]
    response = post({"files": files, "published": "2013-02-03"})
    assert response.status_code == 302
    assert sorted(Article.objects.values_list("filename", flat=True)) == ["a.txt", "b.html"]
    assert set(Submission.objects.values_list("batch", flat=True)) == {
        Submission.objects.first().batch
    }


def test_text_not_in_english_is_stored_as_language_not_supported(immediate, post, curator_client):
    text = (
        "Le ministre russe des Affaires étrangères, Sergueï Lavrov, a rencontré vendredi à Munich "
        "le chef de la Coalition nationale syrienne. Les deux hommes ont discuté de la crise "
        "en Syrie et de la possibilité d'une solution politique au conflit."
    )
    response = post({"text": text, "published": "2013-02-02"})
    article = Article.objects.get()
    assert article.status == "unsupported"
    assert Event.objects.count() == 0
    assert "Language not supported" in curator_client.get(response["Location"]).content.decode()


def test_same_text_again_is_a_duplicate(immediate, post):
    post({"text": MUNICH, "published": "2013-02-03"})
    post({"text": MUNICH, "published": "2013-02-03"})
    assert Article.objects.count() == 1
    assert Submission.objects.latest("id").status == "duplicate"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Paste the text, upload files or give a URL"),
        ({"text": "   \n  ", "published": "2013-01-01"}, "empty"),
        (
            {"files": [SimpleUploadedFile("empty.txt", b"")], "published": "2013-01-01"},
            "empty.txt: ",
        ),
        ({"files": [SimpleUploadedFile("scan.pdf", b"%PDF-1.4")]}, "unsupported file type"),
        (
            {"files": [SimpleUploadedFile("x.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")]},
            "binary",
        ),
        ({"files": [SimpleUploadedFile("big.txt", b"word " * 100)]}, "limit"),
        ({"text": "word " * 100}, "limit"),
        (
            {"text": "Lavrov met Khatib on Friday in Munich."},
            "No publication date found in pasted text",
        ),
        ({"text": MUNICH, "url": "http://127.0.0.1:9/"}, "Give one of them"),
        ({"url": "ftp://example.org/a.txt"}, "Only http and https"),
        ({"text": MUNICH, "published": "2012-13-45"}, "Enter a valid date"),
    ],
)
def test_bad_input_is_a_clear_error_and_changes_nothing(post, settings, data, message):
    settings.INGEST_MAX_BYTES = 300
    before = snapshot()
    response = post(data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert snapshot() == before


def test_forms_need_the_csrf_token(curator):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(curator)
    response = client.post(reverse("timeline:ingest"), {"text": MUNICH, "published": "2013-02-03"})
    assert response.status_code == 403
    assert Submission.objects.count() == 0


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        pages = {
            "/article": (200, "text/html; charset=utf-8", PAGE.encode()),
            "/undated": (200, "text/html", UNDATED.encode()),
            "/big": (200, "text/html", b"<p>" + b"word " * 1000 + b"</p>"),
            "/scan.pdf": (200, "application/pdf", b"%PDF-1.4"),
        }
        status, kind, body = pages.get(self.path, (404, "text/html", b"not found"))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()


def test_url_is_fetched_by_the_worker_and_its_date_confirmed(
    immediate, post, site, allow_local, curator_client
):
    response = post({"url": f"{site}/article"})
    submission = Submission.objects.get()
    status = reverse("timeline:ingest_status", args=[submission.batch])
    confirm = reverse("timeline:ingest_confirm", args=[submission.batch])
    assert response["Location"] == status  # fetched in the task, not in the request
    assert submission.status == "draft"
    assert submission.detected_published == datetime.date(2013, 2, 2)
    assert submission.outlet == "Example News"
    assert "Lavrov meets Syrian opposition chief" in submission.title
    assert b"Home | World" not in bytes(submission.data)
    # The polling status page sends the curator on to the date's confirmation.
    assert curator_client.get(status)["Location"] == confirm
    polled = curator_client.get(status, headers={"HX-Request": "true"})
    assert polled["HX-Redirect"] == confirm
    assert "2 February 2013" in curator_client.get(confirm).content.decode()
    form = {"form-TOTAL_FORMS": 1, "form-INITIAL_FORMS": 1, "form-0-published": "2013-02-02"}
    form |= {"form-0-title": submission.title, "form-0-outlet": submission.outlet}
    post(form, url=confirm)
    article = Article.objects.get()
    assert article.url == f"{site}/article"
    assert article.published_how == "metadata"
    assert Event.objects.filter(date=datetime.date(2013, 2, 2)).exists()


def test_url_with_a_given_date_is_fetched_and_extracted_at_once(immediate, post, site, allow_local):
    response = post({"url": f"{site}/article", "published": "2013-02-03"})
    submission = Submission.objects.get()
    assert response["Location"] == reverse("timeline:ingest_status", args=[submission.batch])
    assert submission.status == "done"
    article = Article.objects.get()
    assert (article.published, article.published_how) == (datetime.date(2013, 2, 3), "given")
    assert article.outlet == "Example News"


def test_undated_page_asks_the_curator_for_the_date(
    immediate, post, site, allow_local, curator_client
):
    response = post({"url": f"{site}/undated"})
    submission = Submission.objects.get()
    assert submission.status == "draft" and submission.detected_published is None
    confirm = curator_client.get(response["Location"], follow=True)
    assert "No publication date was found on the page: give one." in confirm.content.decode()
    assert Article.objects.count() == 0


def test_status_says_the_page_is_being_fetched(curator, curator_client):
    submission = Submission.objects.create(
        name="https://example.org/a", url="https://example.org/a", status="running"
    )
    page = curator_client.get(reverse("timeline:ingest_status", args=[submission.batch]))
    assert "Fetching the page…" in page.content.decode()


def closed_port():
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def finished_snapshot():
    """What a failed fetch may leave: its submission, marked failed; nothing else."""
    return tuple(m.objects.count() for m in (Article, Actor, ActorAlias, Event, Mention))


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing", "the server answered 404"),
        ("/big", "larger than"),
        ("/scan.pdf", "not a web page (application/pdf)"),
    ],
)
def test_url_problems_are_clear_errors_and_change_nothing(
    immediate, post, site, settings, allow_local, curator_client, path, message
):
    settings.INGEST_MAX_BYTES = 2000
    before = finished_snapshot()
    response = post({"url": site + path})
    submission = Submission.objects.get()
    assert (submission.status, submission.article) == ("failed", None)
    assert message in submission.error
    assert message in curator_client.get(response["Location"]).content.decode()
    assert finished_snapshot() == before


def test_unreachable_url(immediate, post, allow_local):
    post({"url": f"http://127.0.0.1:{closed_port()}/article"})
    submission = Submission.objects.get()
    assert submission.status == "failed"
    assert "Could not fetch" in submission.error
    assert Article.objects.count() == 0


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://127.0.0.1:5432/", "127.0.0.1 is not a public web address"),
        ("http://127.0.0.1:{port}/article", "127.0.0.1 is not a public web address"),
        ("http://[::1]:8000/", "::1 is not a public web address"),
        ("http://0.0.0.0:8000/", "0.0.0.0 is not a public web address"),
        ("http://2130706433/", "Enter a valid URL"),  # Django's form refuses this spelling
        ("http://169.254.169.254/latest/", "169.254.169.254 is not a public web address"),
        ("http://[::ffff:127.0.0.1]:6379/", "::ffff:127.0.0.1 is not a public web address"),
    ],
)
def test_a_local_address_is_refused_at_once_whatever_the_port(post, site, url, message):
    """Addresses written as numbers need no lookup: refused in the request, one message."""
    response = post({"url": url.format(port=site.rsplit(":", 1)[1])})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert snapshot() == (0,) * 7


def test_a_local_name_is_refused_by_the_worker(immediate, post, site, curator_client):
    response = post({"url": f"http://localhost:{site.rsplit(':', 1)[1]}/article"})
    submission = Submission.objects.get()
    assert submission.status == "failed"
    assert submission.error == (
        "localhost is not a public web address: pages on this server's own or private "
        "networks are not fetched."
    )
    page = curator_client.get(response["Location"]).content.decode()
    assert "localhost is not a public web address" in page
    assert Article.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_database_queue_and_worker(curator, client, run_worker):
    """With the default backend the page shows progress until `db_worker` runs the task."""
    from django_tasks_db.models import DBTaskResult

    client.force_login(curator)
    response = client.post(reverse("timeline:ingest"), {"text": MUNICH, "published": "2013-02-03"})
    status_url = response["Location"]
    waiting = client.get(status_url, headers={"HX-Request": "true"})
    assert waiting.status_code == 200
    assert "waiting for a worker" in waiting.content.decode().lower()
    assert 'hx-trigger="every 1s"' in waiting.content.decode()
    assert "<html" not in waiting.content.decode()  # the partial only
    assert DBTaskResult.objects.get().task_path == "timeline.tasks.extract_submission"
    run_worker()
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    done = client.get(status_url).content.decode()
    assert "1 new event" in done
    assert "hx-trigger" not in done
