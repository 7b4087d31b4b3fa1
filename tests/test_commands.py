"""The extract and ingest commands: their interfaces are used by scripts, keep them stable."""

import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from timeline.models import Article, Event

SAMPLES = Path(__file__).resolve().parent.parent / "timeline" / "samples"
CNN = SAMPLES / "000_208d8fdeb8cb703d.txt"


def run(*args):
    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_extract_prints_json_of_the_documented_shape():
    out, _ = run("extract", str(CNN), "--published", "2012-12-28")
    data = json.loads(out)
    assert data["article"]["published"] == "2012-12-28"
    text = CNN.read_text(encoding="utf-8")
    assert data["events"]
    for event in data["events"]:
        assert set(event) >= {
            "date",
            "precision",
            "type",
            "actors",
            "place",
            "summary",
            "evidence",
            "start",
            "end",
            "date_text",
            "confidence",
        }
        assert text[event["start"] : event["end"]] == event["evidence"]
        assert event["precision"] in {"day", "month", "year"}
        for actor in event["actors"]:
            assert set(actor) >= {"name", "kind", "role"}
    for date in data["dates"]:
        assert text[date["start"] : date["end"]] == date["text"]
        assert set(date) >= {"text", "start", "end", "value", "precision", "anchor"}
    friday = [d for d in data["dates"] if d["text"] == "Friday"]
    assert friday and all(d["value"] == "2012-12-28" for d in friday)


def test_extract_text_format():
    out, _ = run("extract", str(CNN), "--published", "2012-12-28", "--format", "text")
    assert "2012-12-28 invitation" in out


def test_extract_manifest_writes_one_json_per_article(tmp_path):
    run("extract", "--manifest", str(SAMPLES / "manifest.json"), "--out", str(tmp_path / "out"))
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == ["000_208d8fdeb8cb703d.json", "004_9bc06a7d06c92980.json"]
    bbc = json.loads((tmp_path / "out" / "004_9bc06a7d06c92980.json").read_text())
    assert bbc["article"]["published"] == "2013-02-02"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.txt", "--published", "2012-12-28"], "No such file"),
        ([str(CNN), "--published", "28/12/2012"], "YYYY-MM-DD"),
        ([str(CNN)], "publication date"),
        ([], "Give an article"),
    ],
)
def test_extract_bad_input_is_a_clear_error(args, message):
    with pytest.raises(CommandError, match=message):
        run("extract", *args)


@pytest.mark.django_db
def test_ingest_manifest_then_again_is_idempotent():
    out, _ = run("ingest", "--manifest", str(SAMPLES / "manifest.json"))
    assert out.startswith("2 articles, ")
    assert out.rstrip().endswith("0 skipped, 0 failed")
    events = Event.objects.count()
    assert events > 5
    article = Article.objects.get(outlet="BBC News")
    assert article.published_how == Article.PublishedHow.MANIFEST
    out, _ = run("ingest", "--manifest", str(SAMPLES / "manifest.json"))
    assert out.startswith("0 articles, 0 events")
    assert "2 skipped, 0 failed" in out
    assert Event.objects.count() == events


@pytest.mark.django_db
def test_ingest_batch_goes_on_past_bad_files_and_exits_nonzero(tmp_path):
    shutil.copy(CNN, tmp_path / "good.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.html").write_bytes(b"%PDF-1.4\x00\x01\x02")
    (tmp_path / "latin1.txt").write_bytes("Genève à côté".encode("latin-1"))
    (tmp_path / "ignored.pdf").write_bytes(b"%PDF")
    with pytest.raises(CommandError) as failure:
        run("ingest", str(tmp_path), "--published", "2012-12-28", "--outlet", "CNN")
    assert failure.value.returncode == 1
    assert Article.objects.count() == 1
    assert Article.objects.get().outlet == "CNN"


@pytest.mark.django_db
def test_ingest_reports_each_failure_on_one_line(tmp_path, capsys):
    (tmp_path / "empty.txt").write_bytes(b"")
    err = StringIO()
    with pytest.raises(CommandError):
        call_command(
            "ingest",
            str(tmp_path / "empty.txt"),
            "--published",
            "2013-01-01",
            stdout=StringIO(),
            stderr=err,
        )
    lines = [line for line in err.getvalue().splitlines() if line.strip()]
    assert len(lines) == 1
    assert "empty.txt" in lines[0] and "empty" in lines[0]


@pytest.mark.django_db
def test_ingest_without_a_date_fails_that_file():
    with pytest.raises(CommandError, match="failed"):
        run("ingest", str(CNN))
    assert Article.objects.count() == 0


def test_extract_out_that_is_a_file_is_a_clear_error(tmp_path):
    (tmp_path / "taken").write_text("x")
    with pytest.raises(CommandError, match="File exists"):
        run(
            "extract",
            "--manifest",
            str(SAMPLES / "manifest.json"),
            "--out",
            str(tmp_path / "taken"),
        )


@pytest.mark.django_db
def test_ingest_html_takes_title_outlet_and_date_from_the_page():
    page = Path(__file__).parent / "extraction" / "fixtures" / "geneva_talks.html"
    out, _ = run("ingest", str(page))
    assert out.startswith("1 articles, ")
    article = Article.objects.get()
    assert article.published_how == Article.PublishedHow.METADATA
    assert article.published.isoformat() == "2013-05-07"
    assert article.title.startswith("Kerry & Lavrov agree")
    assert Event.objects.filter(type="agreement").exists()


def test_progress_bar_is_drawn_on_a_terminal_only():
    from timeline.management.commands.ingest import Progress

    class Terminal(StringIO):
        def isatty(self):
            return True

    screen = Terminal()
    bar = Progress(4, screen)
    bar.show(2, "b.txt")
    assert "[###############---------------] 2/4 b.txt" in screen.getvalue()
    piped = StringIO()
    Progress(4, piped).show(2, "b.txt")
    assert piped.getvalue() == ""
