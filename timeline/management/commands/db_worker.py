"""django-tasks-db's `db_worker`, with a heartbeat, and requeueing of tasks whose worker died.

    manage.py db_worker --no-reload

Every TASKS_HEARTBEAT seconds a thread writes this worker's WorkerHeartbeat row (so the
timeline can tell staff when no worker runs) and requeues the tasks of workers silent for
TASKS_WORKER_TIMEOUT (timeline.tasks.requeue_stuck_tasks): a worker started after one was
killed takes its task over. A task interrupted by a second Ctrl+C or SIGTERM goes back to the
queue without counting as an attempt. Run any number of them against one database.
"""

from __future__ import annotations

import contextlib
import logging
import os
import socket
import threading

from django.conf import settings
from django.db import DatabaseError, close_old_connections, connection, transaction
from django.utils import timezone
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands import db_worker

from timeline.models import WorkerHeartbeat
from timeline.tasks import SHUTDOWN, put_back, requeue_stuck_tasks

log = logging.getLogger(__name__)


class Heartbeat(threading.Thread):
    """Writes the worker's heartbeat and requeues dead workers' tasks until stopped."""

    def __init__(self, worker_id: str):
        super().__init__(name=f"heartbeat {worker_id}", daemon=True)
        self.worker_id = worker_id
        self.stopped = threading.Event()

    def beat(self) -> None:
        try:
            WorkerHeartbeat.objects.update_or_create(
                worker_id=self.worker_id,
                defaults={"seen_at": timezone.now(), "host": socket.gethostname()[:255]},
                create_defaults={
                    "seen_at": timezone.now(),
                    "host": socket.gethostname()[:255],
                    "pid": os.getpid(),
                },
            )
            requeue_stuck_tasks()
        except DatabaseError as exc:  # a locked SQLite file, a dropped connection: next beat
            log.warning("Heartbeat of worker %s failed: %s", self.worker_id, exc)

    def run(self) -> None:
        try:
            while not self.stopped.wait(settings.TASKS_HEARTBEAT):
                close_old_connections()
                self.beat()
        finally:
            connection.close()

    def stop(self) -> None:
        self.stopped.set()
        if self.is_alive():
            self.join(timeout=5)
        with contextlib.suppress(DatabaseError):  # else its heartbeat ages out
            WorkerHeartbeat.objects.filter(worker_id=self.worker_id).delete()


class Worker(db_worker.Worker):
    def run(self) -> None:
        heartbeat = Heartbeat(self.worker_id)
        heartbeat.beat()  # seen, and earlier workers' stuck tasks requeued, before any claim
        heartbeat.start()
        try:
            super().run()
        finally:
            heartbeat.stop()

    def run_task(self, db_task_result) -> None:
        super().run_task(db_task_result)
        if not self.running and db_task_result.exception_class_path in SHUTDOWN:
            # Stopped mid-task by a second signal: the task did nothing wrong; run it again.
            with transaction.atomic():
                put_back(db_task_result, lost=False)
            log.warning("Task %s interrupted; it is back in the queue.", db_task_result.id)


class Command(db_worker.Command):
    help = (
        "Run a database background worker, with a heartbeat; tasks of workers that died are "
        "requeued. Use --no-reload outside development."
    )

    def handle(self, *, verbosity, queue_name, interval, batch, backend_name, startup_delay,
               reload, max_tasks, worker_id, exclude_queues, **options):  # fmt: skip
        self.configure_logging(verbosity)
        if reload and batch:
            reload = False
        queue_names = queue_name.split(",")
        excluded = exclude_queues.split(",") if exclude_queues else []
        if excluded and "*" not in queue_names:
            raise db_worker.CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = Worker(
            queue_names=queue_names,
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=excluded,
        )
        if reload:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
