"""Requeue the tasks of workers that died; fail those that killed TASKS_MAX_ATTEMPTS workers.

    manage.py requeue_tasks

Every `db_worker` already does this each heartbeat; this is for looking, or for a cron job
when workers are started only now and then. Prints one line per task, then a sum.
"""

from django.core.management.base import BaseCommand

from timeline.tasks import requeue_stuck_tasks, uses_database_queue


class Command(BaseCommand):
    help = (
        "Requeue tasks whose worker stopped sending heartbeats (TASKS_WORKER_TIMEOUT); fail "
        "them after TASKS_MAX_ATTEMPTS; make unfinished submissions agree with their tasks."
    )

    def handle(self, *args, **options):
        if not uses_database_queue():
            self.stdout.write("The task backend is not the database queue: nothing to requeue.")
            return
        done = requeue_stuck_tasks()
        for outcome in done:
            self.stdout.write(str(outcome))
        failed = sum(outcome.failed for outcome in done)
        self.stdout.write(f"{len(done) - failed} requeued, {failed} failed")
