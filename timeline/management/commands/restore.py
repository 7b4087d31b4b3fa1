"""Read a file written by `manage.py backup` into an empty database.

    manage.py migrate
    manage.py restore timeline-2026-12-06.json.gz
    manage.py restore timeline-2026-12-06.json.gz --replace   # delete what the database holds

Refuses a database that already holds articles, events, actors, places, submissions or users
unless told `--replace`. All in one transaction: a file that does not load leaves the
database as it was.
"""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connection, transaction
from django.db.migrations.executor import MigrationExecutor

from timeline.models import Actor, Article, Event, Place, Submission

# What makes a database not empty: a freshly migrated one holds only what migrations seed
# (the curators group, the offices).
HOLDINGS = {
    "articles": Article,
    "events": Event,
    "actors": Actor,
    "places": Place,
    "submissions": Submission,
    "users": get_user_model(),
}


class Command(BaseCommand):
    help = "Load a backup (manage.py backup) into an empty, migrated database."

    def add_arguments(self, parser):
        parser.add_argument("file", help="a file written by manage.py backup")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="delete everything the database holds first (it is not asked again)",
        )

    def handle(self, *args, file, replace, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        executor = MigrationExecutor(connection)
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            raise CommandError("The database is not migrated: run `manage.py migrate` first.")
        held = {name: model.objects.count() for name, model in HOLDINGS.items()}
        held = {name: n for name, n in held.items() if n}
        if held and not replace:
            what = ", ".join(f"{n} {name}" for name, n in held.items())
            raise CommandError(
                f"The database is not empty ({what}). Restore into an empty database, or give "
                "--replace to delete all of it first."
            )
        try:
            with transaction.atomic():
                # Also what migrations seeded: the backup has its own (perhaps edited) copy.
                call_command("flush", interactive=False, verbosity=0, database=DEFAULT_DB_ALIAS)
                call_command("loaddata", str(path), verbosity=0)
        except Exception as exc:
            raise CommandError(f"{path} did not load, nothing was changed: {exc}") from exc
        counts = {name: model.objects.count() for name, model in HOLDINGS.items()}
        self.stdout.write(
            f"Restored {path}: " + ", ".join(f"{n} {name}" for name, n in counts.items()) + "."
        )
