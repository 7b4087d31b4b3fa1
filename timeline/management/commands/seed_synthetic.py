"""Fill the database with a synthetic chronology of N events, for measuring the site at size."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError

from timeline import synthetic


def positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 0:
        import argparse

        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number >= 0")
    return number


class Command(BaseCommand):
    help = (
        "Add N synthetic events (with actors, places and articles) for benchmarks: one actor "
        "in 41%% of events, the others Zipf-distributed, the same rows for the same --seed. "
        "The rows are marked (outlet 'synthetic', slugs 'synthetic-...'); --clear removes "
        "them and only them. Refuses a database that holds real articles unless --allow-real."
    )

    def add_arguments(self, parser):
        parser.add_argument("--events", type=positive, help="how many events to add")
        parser.add_argument("--actors", type=positive, default=2000, help="default 2000")
        parser.add_argument("--articles", type=positive, help="default one for every five events")
        parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
        parser.add_argument(
            "--clear",
            action="store_true",
            help="first remove the synthetic rows (alone: remove them and add nothing)",
        )
        parser.add_argument(
            "--allow-real",
            action="store_true",
            help="add synthetic rows to a database that also holds real articles",
        )

    def handle(self, *args, **options):
        if not synthetic.migrated():
            raise CommandError("The database is not up to date: run manage.py migrate first.")
        events = options["events"]
        if events is None and not options["clear"]:
            raise CommandError("Say how many: --events N (or --clear to remove synthetic rows).")
        if options["clear"]:
            started = time.perf_counter()
            counts = synthetic.clear()
            self.stdout.write(
                f"Removed {counts['events']} events, {counts['articles']} articles, "
                f"{counts['actors']} actors, {counts['places']} places "
                f"({time.perf_counter() - started:.1f} s)"
            )
        if not events:
            return
        real = synthetic.real_articles().count()
        if real and not options["allow_real"]:
            raise CommandError(
                f"This database holds {real} real articles: seed a separate database "
                "(set DATABASE_URL) or pass --allow-real to mix synthetic rows in."
            )
        if synthetic.synthetic_articles().exists():
            raise CommandError(
                "This database already holds synthetic rows: add --clear to replace them."
            )
        actors = options["actors"]
        articles = options["articles"] if options["articles"] is not None else max(1, events // 5)
        if actors < 1 or articles < 1:
            raise CommandError("--actors and --articles must be at least 1.")
        started = time.perf_counter()
        counts = synthetic.seed(
            events=events,
            actors=actors,
            articles=articles,
            seed=options["seed"],
            stdout=self.stdout if options["verbosity"] > 1 else None,
        )
        self.stdout.write(
            f"Added {counts['events']} events, {counts['articles']} articles, "
            f"{counts['actors']} actors, {counts['places']} places, {counts['mentions']} "
            f"mentions, {counts['actor links']} actor links "
            f"({time.perf_counter() - started:.1f} s)"
        )
