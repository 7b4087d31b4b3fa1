"""Write everything the timeline holds to one file, readable by `manage.py restore`.

    manage.py backup timeline-2026-12-06.json.gz

Articles, events, mentions, actors and aliases, places, offices, submissions, users, the
curators group and the admin's History, as Django's JSON fixtures with natural keys for
content types and permissions (gzip-compressed when the name ends in .gz; .bz2 and .xz work
too). The same file restores into SQLite or PostgreSQL, whichever it came from. Read in one
transaction: a snapshot, even while articles are being added. Not included: sessions (people
sign in again), the task queue and worker heartbeats (transient).
"""

from __future__ import annotations

from pathlib import Path

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

# Made again by `migrate` on the database restored into, or of no use in another one.
LEFT_OUT_APPS = {"contenttypes", "sessions", "django_tasks_database"}
LEFT_OUT_MODELS = {"auth.permission", "timeline.workerheartbeat"}


def backed_up_models() -> list[str]:
    """ "app_label.ModelName" of every concrete model a backup holds."""
    return [
        model._meta.label
        for model in apps.get_models()
        if model._meta.app_label not in LEFT_OUT_APPS
        and model._meta.label_lower not in LEFT_OUT_MODELS
        and not model._meta.proxy
        and model._meta.managed
    ]


class Command(BaseCommand):
    help = "Write the whole timeline (and its users) to FILE as JSON; `restore` reads it back."

    def add_arguments(self, parser):
        parser.add_argument("file", help="where to write, e.g. backup.json.gz")

    def handle(self, *args, file, **options):
        path = Path(file)
        if not path.parent.is_dir():
            raise CommandError(f"No such folder: {path.parent}")
        # Written under another name first: an interrupted backup never looks complete.
        partial = path.with_name(f"{path.stem}.partial{path.suffix}")
        outermost = not connection.in_atomic_block  # (a test's transaction is a snapshot)
        with transaction.atomic():
            if connection.vendor == "postgresql" and outermost:
                with connection.cursor() as cursor:  # one snapshot for every table
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            call_command(
                "dumpdata",
                *backed_up_models(),
                natural_foreign=True,
                use_base_manager=True,
                output=str(partial),
                verbosity=0,
            )
        partial.replace(path)
        size = path.stat().st_size
        self.stdout.write(f"Wrote {path} ({size / 1024 / 1024:.1f} MB).")
