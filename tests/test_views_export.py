import csv
import datetime
import io
import json

import pytest

pytestmark = pytest.mark.django_db


def file_text(response) -> str:
    """The whole file: exports stream, errors do not."""
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


@pytest.fixture
def events(make_event):
    make_event(
        date=datetime.date(2012, 6, 1),
        precision="month",
        type="agreement",
        summary="Geneva communique; drawn up, at last",
        actors=("Kofi Annan", "Sergey Lavrov"),
        place="Geneva",
        outlet="Reuters",
        status="confirmed",
    )
    make_event(date=datetime.date(2012, 12, 28), summary="Brahimi meets Lavrov <b>now</b>")
    make_event(
        date=datetime.date(2013, 1, 1),
        precision="year",
        type="statement",
        summary="A year-long campaign",
        actors=("John Kerry",),
        place=None,
        outlet="BBC",
    )
    make_event(summary="Rejected", status="rejected")


def test_csv_has_the_filtered_rows_and_a_filename(client, events):
    response = client.get("/export.csv?actor=sergey-lavrov")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="events-with-sergey-lavrov.csv"'
    rows = list(csv.DictReader(io.StringIO(file_text(response))))
    assert [(r["date"], r["precision"], r["summary"]) for r in rows] == [
        ("2012-06", "month", "Geneva communique; drawn up, at last"),
        ("2012-12-28", "day", "Brahimi meets Lavrov <b>now</b>"),
    ]
    assert rows[0]["actors"] == "Kofi Annan; Sergey Lavrov"
    assert rows[0]["outlets"] == "Reuters" and rows[0]["sources"] == "1"
    assert rows[0]["url"].startswith("http://testserver/events/")


def test_csv_follows_the_sort(client, events):
    rows = list(csv.DictReader(io.StringIO(file_text(client.get("/export.csv?sort=newest")))))
    assert [r["summary"] for r in rows][0] == "A year-long campaign"
    assert "Rejected" not in [r["summary"] for r in rows]


def test_json_lists_events_with_actors_and_sentences(client, events):
    response = client.get("/export.json?type=agreement")
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="agreements.json"'
    body = json.loads(file_text(response))
    assert body["title"] == "Agreements" and body["count"] == 1
    event = body["events"][0]
    assert event["actors"][0] == {"name": "Kofi Annan", "slug": "kofi-annan", "role": "source"}
    assert event["mentions"][0]["sentence"] == "Geneva communique; drawn up, at last"
    assert event["mentions"][0]["outlet"] == "Reuters"


def test_timelinejs_dates_stop_at_the_precision_and_text_is_escaped(client, events):
    response = client.get("/export.timelinejs.json")
    assert response["Content-Disposition"] == 'attachment; filename="events.timelinejs.json"'
    body = json.loads(file_text(response))
    assert body["title"]["text"]["headline"] == "Events"
    starts = [e["start_date"] for e in body["events"]]
    assert starts == [
        {"year": "2012", "month": "6"},
        {"year": "2012", "month": "12", "day": "28"},
        {"year": "2013"},
    ]
    second = body["events"][1]
    assert second["text"]["headline"] == "Brahimi meets Lavrov &lt;b&gt;now&lt;/b&gt;"
    assert second["group"] == "Meeting"
    assert "Lakhdar Brahimi, Sergey Lavrov in Moscow." in second["text"]["text"]


def test_ics_has_all_day_events_escaped_and_folded(client, events):
    response = client.get("/export.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="events.ics"'
    text = file_text(response)
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    unfolded = text.replace("\r\n ", "")
    assert text.count("BEGIN:VEVENT") == 3
    # A month: its first day to the first day after it; a year likewise; a day: one day.
    assert "DTSTART;VALUE=DATE:20120601\r\nDTEND;VALUE=DATE:20120701\r\n" in unfolded
    assert "DTSTART;VALUE=DATE:20121228\r\nDTEND;VALUE=DATE:20121229\r\n" in unfolded
    assert "DTSTART;VALUE=DATE:20130101\r\nDTEND;VALUE=DATE:20140101\r\n" in unfolded
    assert "SUMMARY:Geneva communique\\; drawn up\\, at last\r\n" in unfolded
    assert "STATUS:CONFIRMED" in unfolded and "STATUS:TENTATIVE" in unfolded
    assert "LOCATION:Geneva" in unfolded


def test_ics_folds_long_lines_without_splitting_characters(client, make_event):
    make_event(summary="Лавров встретился с Брахими в Москве, чтобы обсудить кризис " * 3)
    text = file_text(client.get("/export.ics"))
    summary = [line for line in text.split("\r\n") if line.startswith("SUMMARY:")][0]
    assert len(summary.encode()) <= 75
    assert text.replace("\r\n ", "").count("Лавров встретился") == 3


@pytest.mark.parametrize(
    "path", ["/export.csv", "/export.json", "/export.timelinejs.json", "/export.ics"]
)
def test_bad_filters_are_400_with_a_message(client, events, path):
    response = client.get(path + "?actor=nobody&year=abc")
    assert response.status_code == 400
    assert "There is no actor nobody" in file_text(response)


def test_query_count_is_constant(client, make_event, django_assert_max_num_queries):
    for day in range(1, 25):
        make_event(date=datetime.date(2012, 12, day), summary=f"Event {day}")
    for path in ("/export.csv", "/export.json", "/export.timelinejs.json", "/export.ics"):
        # The actor check, events, actors, mentions; on SQLite the first time, how busy the
        # actor is and the number of public events (kept until the data change).
        with django_assert_max_num_queries(6):
            response = client.get(path + "?actor=sergey-lavrov")
            assert response.status_code == 200 and "Event 24" in file_text(response)


def test_exports_stream_a_chunk_of_events_at_a_time(
    client, make_event, monkeypatch, django_assert_num_queries
):
    from timeline import exports

    for day in range(1, 25):
        make_event(date=datetime.date(2012, 12, day), summary=f"Event {day}")
    whole = {
        path: file_text(client.get(path))
        for path in ("/export.csv", "/export.json", "/export.timelinejs.json", "/export.ics")
    }
    monkeypatch.setattr(exports, "CHUNK", 5)
    monkeypatch.setattr(exports, "PIECE", 100)
    for path, expected in whole.items():
        response = client.get(path)
        assert response.streaming
        # One query read through a cursor, and each of five chunks its actors and mentions:
        # 11 queries for 24 events, whatever their number within a chunk.
        with django_assert_num_queries(11):
            pieces = [piece.decode() for piece in response.streaming_content]
        assert len(pieces) > 5
        assert "".join(pieces) == expected
