"""Store every event's importance again: after a bulk load that skipped save(), or after the
ranking's weights changed (timeline/ranking.py)."""

from django.core.management.base import BaseCommand

from timeline.models import Event


class Command(BaseCommand):
    help = "Recompute each event's stored importance (the key-events ranking)."

    def handle(self, *args, **options):
        changed = Event.objects.all().rescore()
        total = Event.objects.count()
        self.stdout.write(f"{changed} of {total} events ranked anew")
