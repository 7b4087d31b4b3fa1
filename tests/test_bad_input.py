"""Bad input, as a careless curator or an attacker would type it: a clear message, no 500,
nothing half-written. CI runs this file on SQLite and on PostgreSQL."""

import csv
import datetime
import io
import json
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from timeline.ingest import IngestError, ingest_article
from timeline.models import Article, Event, Submission

pytestmark = pytest.mark.django_db
LAVROV = "Russian Foreign Minister Sergey Lavrov met Lakhdar Brahimi in Moscow on Saturday."
IMMEDIATE = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


# Row 3: a cell that a spreadsheet would run as a formula.


def file_text(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


FORMULAS = ['=HYPERLINK("http://evil.example/","x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


@pytest.mark.parametrize("formula", FORMULAS)
def test_csv_cells_never_start_a_formula(client, make_event, formula):
    make_event(summary=formula, outlet=formula, actors=(formula, "Sergey Lavrov"), place=formula)
    response = client.get("/export.csv")
    rows = list(csv.DictReader(io.StringIO(file_text(response))))
    assert len(rows) == 1
    for column in ("summary", "actors", "place", "outlets"):
        assert rows[0][column][:1] not in ("=", "+", "-", "@", "\t", "\r"), rows[0][column]
        assert formula in rows[0][column]  # the text is kept, only made inert
    # JSON is data, not a spreadsheet: it keeps the text exactly.
    data = json.loads(file_text(client.get("/export.json")))
    assert data["events"][0]["summary"] == formula


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Lavrov = Brahimi", "Lavrov = Brahimi"),
        ("", ""),
        (12, 12),
    ],
)
def test_csv_safe(value, written):
    from timeline.exports import csv_safe

    assert csv_safe(value) == written


def test_csv_keeps_ordinary_cells_as_they_are(client, make_event):
    make_event(summary="Lavrov meets Brahimi", outlet="CNN")
    row = next(csv.DictReader(io.StringIO(file_text(client.get("/export.csv")))))
    assert (row["summary"], row["outlets"], row["date"]) == (
        "Lavrov meets Brahimi",
        "CNN",
        "2012-12-28",
    )


def test_ingest_command_outlet_formula_is_inert_in_the_csv(client, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(LAVROV, encoding="utf-8")
    call_command(
        "ingest", str(path), "--published", "2012-12-30",
        "--outlet", '=HYPERLINK("http://evil.example/","x")', stdout=StringIO(), stderr=StringIO(),
    )  # fmt: skip
    row = next(csv.DictReader(io.StringIO(file_text(client.get("/export.csv")))))
    assert row["outlets"].startswith("'=HYPERLINK")


# Row 4: NUL bytes, which PostgreSQL refuses in text.

NUL_URLS = [
    "/?outlet=%00",
    "/?actor=%00",
    "/?place=%00",
    "/?q=%00",
    "/?type=%00",
    "/?from=%00",
    "/export.csv?outlet=%00",
    "/export.json?outlet=a%00b",
    "/export.ics?outlet=%00",
    "/export.timelinejs.json?outlet=%00",
    "/actors/search/?name=%00",
    "/?outlet%00=x",
]


@pytest.mark.parametrize("url", NUL_URLS)
def test_nul_in_the_query_is_a_400_with_a_message(client, make_event, url):
    make_event()
    response = client.get(url)
    assert response.status_code == 400
    assert b"NUL" in response.content or b"not" in response.content


@pytest.mark.parametrize("query", ["outlet=%00", "actor=a%00", "place=%00x", "q=%00", "type=%00"])
def test_the_filter_form_refuses_nul_by_itself(make_event, query):
    """Behind the middleware, the form is a second guard: on PostgreSQL a NUL reaching the
    outlet, actor or place lookup would be a DataError."""
    from django.http import QueryDict

    from timeline.forms import TimelineFilterForm

    make_event()
    form = TimelineFilterForm(QueryDict(query))
    assert not form.is_valid()
    assert form.errors


@pytest.mark.parametrize(
    "url",
    [
        "/admin/timeline/event/?status=%00",
        "/admin/timeline/reviewqueue/?type=%00",
        "/admin/timeline/article/?outlet=%00",
        "/admin/timeline/submission/?status=%00",
        "/admin/timeline/actor/?q=%00",
    ],
)
def test_nul_in_an_admin_filter_is_a_400(admin_client, make_event, url):
    make_event()
    assert admin_client.get(url).status_code == 400


@pytest.mark.parametrize(
    "fields",
    [
        {"text": LAVROV.replace("met", "met\x00"), "published": "2012-12-30"},
        {"text": LAVROV, "published": "2012-12-30", "title": "Talks\x00"},
        {"text": LAVROV, "published": "2012-12-30", "outlet": "\x00CNN"},
        {"url": "https://example.org/\x00a", "published": "2012-12-30"},
        {"text": LAVROV, "published": "2012-12-30\x00"},
    ],
)
def test_nul_in_an_ingest_field_is_a_form_error(curator_client, fields):
    response = curator_client.post(reverse("timeline:ingest"), fields)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Null characters are not allowed" in page or "Enter a valid" in page
    assert Submission.objects.count() == 0


def test_nul_in_an_uploaded_file_name_is_not_stored(curator_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("talks\x00.txt", LAVROV.encode())
    response = curator_client.post(
        reverse("timeline:ingest"), {"files": [upload], "published": "2012-12-30"}
    )
    assert response.status_code in (302, 400)
    assert all("\x00" not in s.name + s.filename for s in Submission.objects.all())


@pytest.mark.parametrize("action", ["confirm", "\x00"])
def test_nul_in_an_admin_action_post_is_not_a_500(admin_client, make_event, action):
    make_event()
    response = admin_client.post(
        "/admin/timeline/event/", {"action": action, "_selected_action": ["\x00"]}
    )
    assert response.status_code in (200, 302, 400)


def test_nul_in_the_confirmation_is_a_form_error(curator_client):
    text = "MOSCOW, Dec 28, 2012 (Reuters) - " + LAVROV
    response = curator_client.post(reverse("timeline:ingest"), {"text": text})
    batch = Submission.objects.get().batch
    form = {
        "form-TOTAL_FORMS": 1,
        "form-INITIAL_FORMS": 1,
        "form-0-published": "2012-12-28",
        "form-0-title": "Talks\x00",
        "form-0-outlet": "Reuters\x00",
    }
    response = curator_client.post(reverse("timeline:ingest_confirm", args=[batch]), form)
    assert response.status_code == 400
    assert "Null characters are not allowed" in response.content.decode()
    assert Submission.objects.get().status == "draft"


@pytest.mark.parametrize(
    ("data", "filename"),
    [
        (LAVROV[:40] + "\x00" + LAVROV[40:], "a.txt"),
        (f"<html><body><p>{LAVROV}\x00</p></body></html>", "a.html"),
    ],
)
def test_nul_bytes_in_an_article_are_a_clear_error(data, filename):
    with pytest.raises(IngestError, match="binary"):
        ingest_article(data=data, filename=filename, published=datetime.date(2012, 12, 30))
    assert Article.objects.count() == 0


def test_nul_in_a_manifests_labels_is_dropped(tmp_path):
    (tmp_path / "a.txt").write_text(LAVROV, encoding="utf-8")
    entry = {"file": "a.txt", "published": "2012-12-30", "title": "Lavrov\x00 meets"}
    entry |= {"outlet": "CNN\x00", "url": "https://example.org/\x00a"}
    manifest = tmp_path / "manifest.json"
    manifest.write_text(json.dumps([entry]))
    call_command("ingest", "--manifest", str(manifest), stdout=StringIO(), stderr=StringIO())
    article = Article.objects.get()
    assert (article.title, article.outlet, article.url) == (
        "Lavrov meets",
        "CNN",
        "https://example.org/a",
    )


def test_a_fetched_pages_nul_bytes_are_dropped():
    from timeline.fetch import read_page

    page = read_page(
        (
            "<html><head><title>Talks\x00 in Moscow</title>"
            "<meta property='og:site_name' content='CNN\x00'></head>"
            f"<body><article><p>{LAVROV}\x00</p><p>{LAVROV}</p></article></body></html>"
        ).encode(),
        "https://example.org/a",
    )
    assert "\x00" not in page.text + page.title + page.outlet
    assert page.title == "Talks in Moscow" and page.outlet == "CNN"


# Row 5: publication dates off the calendar's edge, or in the future.


@pytest.mark.parametrize("day", ["9999-12-31", "9999-06-30", "0001-01-01", "1066-10-14"])
def test_publication_date_out_of_range_is_refused(day):
    with pytest.raises(IngestError, match="publication date"):
        ingest_article(data=LAVROV, published=datetime.date.fromisoformat(day))
    assert Article.objects.count() == 0


def test_publication_date_in_the_future_is_refused():
    tomorrow_but_one = datetime.date.today() + datetime.timedelta(days=2)
    with pytest.raises(IngestError, match="future"):
        ingest_article(data=LAVROV, published=tomorrow_but_one)


def test_ingest_command_out_of_range_date_is_one_error(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(LAVROV, encoding="utf-8")
    err = StringIO()
    with pytest.raises(CommandError) as failed:
        call_command(
            "ingest", str(path), "--published", "9999-12-31", stdout=StringIO(), stderr=err
        )
    assert failed.value.returncode == 1
    assert "a.txt" in err.getvalue() and "publication date" in err.getvalue()
    assert Article.objects.count() == 0


def test_manifest_with_an_out_of_range_date_still_stores_the_good_articles(tmp_path):
    (tmp_path / "a.txt").write_text(LAVROV, encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "Syrian opposition leader Moaz al-Khatib met Joe Biden in Munich on Saturday.",
        encoding="utf-8",
    )
    manifest = tmp_path / "manifest.json"
    manifest.write_text(
        json.dumps(
            [
                {"file": "a.txt", "published": "9999-06-30"},
                {"file": "b.txt", "published": "2013-04-02"},
            ]
        )
    )
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError):
        call_command("ingest", "--manifest", str(manifest), stdout=out, stderr=err)
    assert "a.txt" in err.getvalue()
    assert list(Article.objects.values_list("filename", flat=True)) == ["b.txt"]
    assert "1 articles" in out.getvalue() and "1 failed" in out.getvalue()


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"])
def test_web_form_out_of_range_date_is_a_form_error(curator_client, day):
    response = curator_client.post(reverse("timeline:ingest"), {"text": LAVROV, "published": day})
    assert response.status_code == 400
    assert "publication date" in file_text(response)
    assert Submission.objects.count() == 0


def write_manifest(tmp_path, entries):
    (tmp_path / "a.txt").write_text(LAVROV, encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "Syrian opposition leader Moaz al-Khatib met Joe Biden in Munich on Saturday.",
        encoding="utf-8",
    )
    manifest = tmp_path / "manifest.json"
    manifest.write_text(json.dumps(entries + [{"file": "b.txt", "published": "2013-04-02"}]))
    return manifest


MANIFEST_BAD_ENTRIES = [
    ({"file": "a.txt", "published": "10000-01-01"}, "not a date"),
    ({"file": "a.txt", "published": "0000-01-01"}, "not a date"),
    ({"file": "a.txt", "published": "2013-02-30"}, "not a date"),
    ({"file": "a.txt", "published": 20130202}, "not a date"),
    ({"file": "a.txt", "published": "0001-01-01"}, "publication date"),
    ({"file": "a\x00.txt", "published": "2013-02-02"}, "NUL"),
]


@pytest.mark.parametrize(("entry", "message"), MANIFEST_BAD_ENTRIES)
def test_a_bad_manifest_entry_fails_alone_and_the_batch_goes_on(tmp_path, entry, message):
    manifest = write_manifest(tmp_path, [entry])
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError) as failed:
        call_command("ingest", "--manifest", str(manifest), stdout=out, stderr=err)
    assert failed.value.returncode == 1
    assert message in err.getvalue()
    assert "entry 1" in err.getvalue() or "a.txt" in err.getvalue()
    assert list(Article.objects.values_list("filename", flat=True)) == ["b.txt"]
    assert "1 articles" in out.getvalue() and "1 failed" in out.getvalue()


@pytest.mark.parametrize(("entry", "message"), MANIFEST_BAD_ENTRIES)
def test_extract_manifest_bad_entry_fails_alone(tmp_path, entry, message):
    manifest = write_manifest(tmp_path, [entry])
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError) as failed:
        call_command(
            "extract", "--manifest", str(manifest), "--out", str(tmp_path / "out"),
            stdout=out, stderr=err,
        )  # fmt: skip
    assert failed.value.returncode == 1
    assert message in err.getvalue()
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["b.json"]


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"])
def test_extract_command_out_of_range_date_is_one_error(tmp_path, day):
    path = tmp_path / "a.txt"
    path.write_text(LAVROV, encoding="utf-8")
    with pytest.raises(CommandError, match="publication date"):
        call_command("extract", str(path), "--published", day, stdout=StringIO())


@pytest.mark.parametrize(
    "text",
    [
        "MOSCOW, Dec 31, 9999 (Reuters) - " + LAVROV,
        "MOSCOW, Jan 1, 0001 (Reuters) - " + LAVROV,
        LAVROV.replace("on Saturday", "on December 31, 9999, and again a year later"),
        LAVROV.replace("on Saturday", "on 1 January 0001, a day before the talks"),
        LAVROV.replace("on Saturday", "on 9999-12-31"),
    ],
)
def test_dates_at_the_calendars_edge_in_the_text_never_crash(text):
    """A dateline or an event's date near year 1 or 9999: refused or ignored, never an
    OverflowError; with a given date the article is stored."""
    with pytest.raises(IngestError, match="publication date"):
        ingest_article(data=text)
    result = ingest_article(data=text, published=datetime.date(2013, 1, 5))
    assert result.status == "created"
    for event in Event.objects.all():
        assert 1800 < event.date.year < 2100


def test_a_page_whose_metadata_date_is_off_the_calendar_needs_a_date():
    page = (
        '<html><head><meta property="article:published_time" content="9999-12-31T10:00:00Z">'
        f"</head><body><article><p>{LAVROV}</p><p>{LAVROV}</p></article></body></html>"
    )
    with pytest.raises(IngestError, match="publication date"):
        ingest_article(data=page, filename="a.html")
    assert Article.objects.count() == 0


def test_a_dateline_in_the_future_is_not_offered_as_the_date(curator_client):
    text = "MOSCOW, Dec 28, 2091 (Reuters) - " + LAVROV
    response = curator_client.post(reverse("timeline:ingest"), {"text": text})
    assert response.status_code == 400
    assert "No publication date found in pasted text" in response.content.decode()
    assert Submission.objects.count() == 0


# Row 7: only web addresses become links.


def link_targets(html: str) -> list[str]:
    return re.findall(r"<a\b[^>]*\shref=\"([^\"]*)\"", html, flags=re.IGNORECASE)


def is_safe_target(href: str) -> bool:
    href = href.strip().lower()
    return href.startswith(("/", "#", "?", "http://", "https://"))


@pytest.mark.parametrize(
    "canonical",
    ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "data:text/html,x"],
)
def test_a_canonical_link_that_is_not_a_web_address_is_dropped(client, canonical):
    page = (
        f'<html><head><link rel="canonical" href="{canonical}"><title>Talks</title></head>'
        f"<body><article><p>{LAVROV}</p><p>{LAVROV.replace('Saturday', 'Sunday')}</p>"
        "</article></body></html>"
    )
    result = ingest_article(data=page, filename="a.html", published=datetime.date(2012, 12, 30))
    assert result.article.url == ""
    html = client.get(result.article.get_absolute_url()).content.decode()
    assert link_targets(html) and all(is_safe_target(href) for href in link_targets(html))


@pytest.mark.parametrize("og_url", ["javascript:alert(1)", "vbscript:msgbox(1)", "//evil.example/"])
def test_an_og_url_that_is_not_a_web_address_is_dropped(client, og_url):
    page = (
        f'<html><head><meta property="og:url" content="{og_url}"><title>Talks</title></head>'
        f"<body><article><p>{LAVROV}</p><p>{LAVROV.replace('Saturday', 'Sunday')}</p>"
        "</article></body></html>"
    )
    result = ingest_article(data=page, filename="a.html", published=datetime.date(2012, 12, 30))
    assert result.article.url == ""
    pages = [result.article.get_absolute_url()] + [
        e.get_absolute_url() for e in Event.objects.all()
    ]
    for url in pages:
        html = client.get(url).content.decode()
        assert all(is_safe_target(href) for href in link_targets(html))


def test_a_given_url_that_is_not_a_web_address_is_an_error():
    with pytest.raises(IngestError, match="web address"):
        ingest_article(
            data=LAVROV, published=datetime.date(2012, 12, 30), url="javascript:alert(1)"
        )
    assert Article.objects.count() == 0


def test_an_article_stored_with_a_script_url_is_not_linked(client):
    article = Article.objects.create(
        title="Old row",
        published=datetime.date(2012, 12, 30),
        raw_text=LAVROV,
        url="javascript:alert(1)",
    )
    html = client.get(article.get_absolute_url()).content.decode()
    assert all(is_safe_target(href) for href in link_targets(html))
    event = Event.objects.create(date=article.published, type="meeting", summary="Talks")
    event.mentions.create(article=article, sentence=LAVROV, start=0, end=len(LAVROV))
    html = client.get(event.get_absolute_url()).content.decode()
    assert "javascript:" not in html.lower()
    assert all(is_safe_target(href) for href in link_targets(html))


# Row 8: a paste larger than the limit.


def test_pasting_more_than_the_limit_says_pasted_text(curator_client, settings):
    settings.INGEST_MAX_BYTES = 1000
    response = curator_client.post(
        reverse("timeline:ingest"), {"text": "Lavrov met Brahimi. " * 60}
    )
    assert response.status_code == 400
    page = file_text(response)
    assert "The pasted text is" in page and "larger than the" in page
    assert "the file is larger" not in page
    assert Submission.objects.count() == 0


def test_pasting_more_than_django_accepts_is_a_clear_message(curator_client, settings):
    settings.INGEST_MAX_BYTES = 1000
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 5000
    response = curator_client.post(reverse("timeline:ingest"), {"text": "x" * 20_000})
    assert response.status_code == 413
    page = file_text(response)
    assert "larger than" in page and "<form" in page  # the form again, with the reason
    assert Submission.objects.count() == 0


@pytest.mark.parametrize("megabytes", [2.3, 3.5])
def test_pasting_megabytes_with_the_default_limits(curator_client, megabytes):
    """Under and over Django's own limit: either way the form again, about the pasted text."""
    text = ("Lavrov met Brahimi in Moscow on Saturday. " * 30 + "\n") * int(
        megabytes * 1024 * 1024 / 1261
    )
    response = curator_client.post(reverse("timeline:ingest"), {"text": text})
    assert response.status_code in (400, 413)
    page = response.content.decode()
    assert f"The pasted text is {megabytes:g} MB" in page
    assert "larger than the 2 MB limit" in page and "<form" in page
    assert "file is" not in page and "What you sent" not in page
    assert Submission.objects.count() == 0


def test_an_upload_over_the_limit_speaks_of_the_file(curator_client, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.INGEST_MAX_BYTES = 1000
    upload = SimpleUploadedFile("long.txt", ("Lavrov met Brahimi. " * 100).encode())
    response = curator_client.post(reverse("timeline:ingest"), {"files": [upload]})
    assert response.status_code == 400
    assert "long.txt: the file is larger than" in response.content.decode()


def test_too_many_files_at_once_is_the_form_with_a_message(curator_client, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.DATA_UPLOAD_MAX_NUMBER_FILES = 3
    files = [SimpleUploadedFile(f"{n}.txt", LAVROV.encode()) for n in range(5)]
    response = curator_client.post(reverse("timeline:ingest"), {"files": files})
    assert response.status_code == 400
    page = response.content.decode()
    assert "at most 3 files at once" in page and "<form" in page
    assert Submission.objects.count() == 0


def test_a_too_large_post_elsewhere_is_a_clear_413(admin_client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 5000
    response = admin_client.post("/admin/timeline/place/add/", {"name": "x" * 20_000})
    assert response.status_code == 413
    assert "larger than" in file_text(response)


# Row 9: a query string that repeats itself.


def test_repeated_filter_values_do_not_inflate_the_page(client, make_event):
    event = make_event()
    slug = event.actors.first().slug
    small = len(client.get(f"/?actor={slug}").content)
    response = client.get("/?" + "&".join([f"actor={slug}"] * 900))
    assert response.status_code == 200
    assert len(response.content) < small * 1.2


@pytest.mark.parametrize("repeated", ["q=talks", "zzz=aaaaaaaaaa", "from=2012", "sort=oldest"])
def test_repeated_or_unknown_keys_are_not_copied_into_links(client, make_event, repeated):
    make_event()
    small = len(client.get("/?" + repeated).content)
    response = client.get("/?" + "&".join([repeated] * 500))
    assert response.status_code == 200
    assert len(response.content) < small * 1.2


def test_too_many_different_values_are_a_400(client, make_event):
    make_event()
    response = client.get("/?" + "&".join(f"type={t}" for t in ["meeting"] * 5 + ["visit"] * 5))
    assert response.status_code == 200
    many = "&".join(f"actor=actor-{n}" for n in range(60))
    response = client.get("/?" + many)
    assert response.status_code == 400
    assert "at most" in file_text(response)


@pytest.mark.parametrize("path", ["/", "/export.csv", "/actors/search/"])
def test_more_parameters_than_django_parses_is_a_400_with_a_message(client, make_event, path):
    make_event()
    response = client.get(path + "?" + "&".join(f"k{n}=v" for n in range(1200)))
    assert response.status_code == 400
    assert "at most 1000" in response.content.decode()


def test_event_count_unchanged_by_bad_queries(client, make_event):
    make_event()
    before = Event.objects.count()
    for url in NUL_URLS:
        client.get(url)
    assert Event.objects.count() == before


def test_migration_clears_stored_addresses_that_are_not_web_addresses():
    import importlib

    from django.apps import apps

    migration = importlib.import_module("timeline.migrations.0005_links_are_web_addresses")
    day = datetime.date(2012, 12, 30)
    bad = Article.objects.create(published=day, raw_text="a", url="javascript:alert(1)")
    good = Article.objects.create(published=day, raw_text="b", url="https://example.org/a")
    migration.clear_other_addresses(apps, None)
    bad.refresh_from_db()
    good.refresh_from_db()
    assert (bad.url, good.url) == ("", "https://example.org/a")
