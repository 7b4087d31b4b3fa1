#!/usr/bin/env python3
"""Ingest a manifest one article at a time and print the queries and time an article costs:
the pipeline's freshness check, and the store (from taking the store lock to the commit,
which is what parallel ingest processes take turns on).

    createdb -h 127.0.0.1 -U postgres queries   # an empty database: the articles stay in it
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/queries
    .venv/bin/python manage.py migrate
    .venv/bin/python scripts/store_queries.py /tmp/tml/manifest.json

Prints, e.g., "store: 24.6 queries, 60 ms an article" and the store's queries by table.
"""

import collections
import os
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "timeline.settings")


def main(manifest: str) -> None:
    import django

    django.setup()
    from django.db import connection

    from timeline import ingest
    from timeline.management.commands._articles import read_manifest

    if ingest.Article.objects.exists():
        sys.exit("The database holds articles: give an empty one (see the docstring).")
    phase = ["other"]
    queries: collections.Counter = collections.Counter()
    tables: collections.Counter = collections.Counter()
    seconds: collections.Counter = collections.Counter()
    locked_at = [0.0]

    def count(execute, sql, params, many, context):
        queries[phase[0]] += 1
        if phase[0] == "store":
            table = re.search(r'"(timeline_[a-z]+)"', sql)
            tables[f"{sql.split()[0]} {table[1] if table else ''}".strip()] += 1
        return execute(sql, params, many, context)

    lock_the_store, get_pipeline = ingest.lock_the_store, ingest.get_pipeline

    def timed_lock():
        phase[0] = "store"
        locked_at[0] = time.perf_counter()
        lock_the_store()

    def timed_pipeline():
        phase[0], started = "pipeline", time.perf_counter()
        try:
            return get_pipeline()
        finally:
            seconds["pipeline"] += time.perf_counter() - started
            phase[0] = "other"

    ingest.lock_the_store, ingest.get_pipeline = timed_lock, timed_pipeline
    stored = 0
    with connection.execute_wrapper(count):
        for item in read_manifest(manifest):
            phase[0], locked_at[0] = "other", 0.0
            started = time.perf_counter()
            result = ingest.ingest_article(
                data=item.path.read_bytes(), filename=item.path.name, published=item.published
            )
            ended = time.perf_counter()
            seconds["all"] += ended - started
            if locked_at[0]:
                seconds["store"] += ended - locked_at[0]
            stored += result.status == "created"
    if not stored:
        sys.exit("Nothing stored.")
    print(f"{stored} articles stored in {seconds['all']:.1f} s")
    for name in ("pipeline", "store"):
        per = queries[name] / stored
        print(f"{name}: {per:.1f} queries, {seconds[name] / stored * 1000:.0f} ms an article")
    print(f"all: {sum(queries.values()) / stored:.1f} queries, "
          f"{seconds['all'] / stored * 1000:.0f} ms an article")  # fmt: skip
    for what, n in tables.most_common():
        if n / stored >= 0.05:
            print(f"  {n / stored:5.1f}  {what}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
