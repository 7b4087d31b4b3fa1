"""`manage.py benchmark_web`: the figures it prints come from real requests at each size."""

import json
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from timeline.management.commands.benchmark_web import next_page_url
from timeline.models import Event


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("benchmark_web", *args, stdout=out, stderr=err)
    return out.getvalue()


@pytest.mark.django_db
def test_prints_each_view_at_each_size_and_the_ratio():
    out = run("--sizes", "30,60", "--repeat", "2", "--no-exports")
    rows = re.findall(
        r"^(timeline /|actor page \(busiest\)|event page \(most mentions\))\s+(\d+)\s+([\d.]+)\s+([\d.]+)\s+(\d+)\s+(\d+)",
        out,
        re.M,
    )
    assert {(name, int(events)) for name, events, *_ in rows} == {
        (name, size)
        for name in ("timeline /", "actor page (busiest)", "event page (most mentions)")
        for size in (30, 60)
    }
    for _name, _events, median, p95, queries, size in rows:
        assert 0 < float(median) <= float(p95)
        assert int(queries) > 0 and int(size) > 1000
    # The CPU column follows the bytes: some, and about no more than the time (one thread).
    cpu = re.findall(r"^timeline /\s+\d+\s+([\d.]+)\s+[\d.]+\s+\d+\s+\d+\s+([\d.]+)", out, re.M)
    assert len(cpu) == 2 and all(0 < float(c) <= float(m) * 1.5 + 5 for m, c in cpu)
    assert "Ratio 60 / 30 events" in out
    assert "load more (htmx page 2)" in out  # 60 events make two pages
    assert Event.objects.count() == 60  # the last size stays for a look


@pytest.mark.django_db
def test_refuses_a_database_with_real_articles(make_event):
    make_event()
    with pytest.raises(CommandError, match="real articles"):
        run("--sizes", "10", "--no-exports")
    assert Event.objects.count() == 1


# The probe runs as its own process, in autocommit as a server does (streaming on PostgreSQL
# reads through a server-side cursor, which a test's transaction would change).
@pytest.mark.django_db(transaction=True)
def test_an_export_probe_reports_time_first_byte_queries_and_memory():
    call_command("seed_synthetic", "--events", "40", stdout=StringIO())
    found = json.loads(run("--export-probe", "/export.csv"))
    sample = found["sample"]
    assert sample["status"] == 200
    assert 0 < sample["first_byte"] <= sample["seconds"]
    assert sample["size"] > 40 * 50 and sample["queries"] >= 1
    assert found["rss_growth"] >= 0


def test_finds_the_load_more_link_whatever_the_attribute_order():
    html = '<a class="x" href="/?page=2&amp;q=a" id="load-more" hx-get="/?page=2">More</a>'
    assert next_page_url(html) == "/?page=2&q=a"
    assert next_page_url('<a id="load-more" hx-get="/x" href="/?after=2012-01-01.5">') == (
        "/?after=2012-01-01.5"
    )
    assert next_page_url("<a href='/'>Home</a>") is None
