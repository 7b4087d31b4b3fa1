"""A facet that takes longer than FACET_TIME_LIMIT_MS is left out with a note, and facet
counts are kept until the data change."""

import datetime

import pytest
from django.db import connection

from timeline.models import EventQuerySet
from timeline.time_limit import TooSlow, query_time_limit

pytestmark = pytest.mark.django_db


def slow_query(cursor):
    """Seconds of work on either database."""
    if connection.vendor == "postgresql":
        cursor.execute("SELECT pg_sleep(2)")
    else:
        cursor.execute(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000000)"
            " SELECT count(*) FROM n"
        )
    return cursor.fetchall()


def test_a_query_past_its_budget_is_stopped_and_the_connection_goes_on():
    def select_one():
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchall()

    def slow():
        with connection.cursor() as cursor:
            return slow_query(cursor)

    with query_time_limit(50) as budget:
        with pytest.raises(TooSlow):
            budget.run(slow)
        # The next query of the same budget runs as usual.
        assert budget.run(select_one) == [(1,)]
    # The budget ends with the block.
    with connection.cursor() as cursor:
        cursor.execute("SELECT 2")
        assert cursor.fetchall() == [(2,)]


def test_a_slow_facet_is_left_out_with_a_note(client, make_event, settings, monkeypatch):
    make_event(outlet="Reuters")
    settings.FACET_TIME_LIMIT_MS = 50

    def slow_outlets(self, limit):
        with connection.cursor() as cursor:
            return slow_query(cursor)

    monkeypatch.setattr(EventQuerySet, "outlet_counts", slow_outlets)
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Left out: counting them took longer than 50 ms." in html
    assert html.count("Left out") == 1  # the other facets are there
    assert "Sergey Lavrov" in html and "1 event" in html


def test_facet_counts_are_kept_until_the_data_change(
    client, make_event, django_assert_max_num_queries
):
    make_event()
    first = client.get("/?type=meeting").content.decode()
    assert "1 event" in first
    # The same filters again: the page, its actors and mentions, the validation; no counts.
    with django_assert_max_num_queries(4):
        client.get("/?type=meeting&sort=newest")
    make_event(date=datetime.date(2013, 1, 2), summary="Another meeting")
    again = client.get("/?type=meeting").content.decode()
    assert "2 events" in again
