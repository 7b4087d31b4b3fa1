"""Ingest article files or folders (or a manifest) into the database, one transaction each."""

from __future__ import annotations

import multiprocessing
import sys
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, connections

from timeline.ingest import IngestError, get_pipeline, ingest_article
from timeline.management.commands._articles import (
    ArticleFile,
    expand_paths,
    parse_day,
    read_manifest,
)
from timeline.models import Article


class Command(BaseCommand):
    help = (
        "Ingest .txt/.html articles (files, folders, or a manifest): extract their events and "
        "store them. The same text twice adds nothing. Exits 1 when any article failed."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", help="article files or folders of them")
        parser.add_argument("--published", help="publication date for every file, YYYY-MM-DD")
        parser.add_argument("--outlet", default="", help="the outlet, e.g. 'BBC News'")
        parser.add_argument("--title", default="", help="the title (for a single file)")
        parser.add_argument("--manifest", help="a JSON manifest (file, published, outlet, title)")
        parser.add_argument(
            "--workers",
            type=int,
            default=1,
            help="processes extracting at once (default 1); each loads the spaCy model",
        )

    def handle(self, *args, **options):
        published = parse_day(options["published"], "--published") if options["published"] else None
        files: list[ArticleFile] = []
        if options["manifest"]:
            files.extend(read_manifest(options["manifest"]))
        for path in expand_paths(options["paths"]):
            files.append(ArticleFile(path=path, published=published, outlet=options["outlet"]))
        if not files:
            raise CommandError("Nothing to ingest: give files, folders or --manifest FILE.")
        if options["title"] and len(files) == 1:
            files[0].title = options["title"]
        workers = options["workers"]
        if workers < 1:
            raise CommandError("--workers must be at least 1.")
        if workers > 1 and connection.vendor == "sqlite" and connection.is_in_memory_db():
            raise CommandError("--workers needs a database file or server, not SQLite in memory.")
        jobs = [
            {
                "path": str(item.path),
                "filename": item.path.name,
                "published": item.published or published,
                "published_how": Article.PublishedHow.MANIFEST
                if item.from_manifest and item.published
                else Article.PublishedHow.GIVEN,
                "title": item.title,
                "outlet": item.outlet or options["outlet"],
                "url": item.url,
            }
            for item in files
            if not item.problem
        ]

        totals = {"articles": 0, "events": 0, "merged": 0, "actors": 0, "skipped": 0, "failed": 0}
        progress = Progress(len(files), getattr(self.stderr, "_out", sys.stderr))
        progress.show(0, files[0].path.name)
        outcomes = self.run(jobs, workers)
        for n, item in enumerate(files, 1):
            if item.problem:  # a manifest entry that cannot be read fails alone
                totals["failed"] += 1
                progress.note(f"error: {item.problem}", stream=self.stderr)
                continue
            done = next(outcomes)
            progress.show(n, item.path.name)
            if done["error"] is not None:
                self.fail(progress, totals, item, done["error"])
                continue
            if done["status"] == "duplicate":
                totals["skipped"] += 1
                progress.note(f"skipped {item.path}: already ingested as article {done['article']}")
                continue
            if done["status"] == "unsupported":
                progress.note(f"stored {item.path} without events: {done['note']}")
            totals["articles"] += 1
            totals["events"] += done["events_new"]
            totals["merged"] += done["events_merged"]
            totals["actors"] += done["actors_new"]
        progress.done()
        self.stdout.write(
            f"{totals['articles']} articles, {totals['events']} events "
            f"({totals['merged']} merged into existing events), {totals['actors']} actors, "
            f"{totals['skipped']} skipped, {totals['failed']} failed"
        )
        if totals["failed"]:
            raise CommandError(f"{totals['failed']} of {len(files)} articles failed", returncode=1)

    def run(self, jobs: list[dict], workers: int):
        """Each job's outcome, in order: here, or in `workers` processes that extract at once
        (storing still takes turns: see ingest.lock_the_store)."""
        if workers == 1:
            yield from map(ingest_file, jobs)
            return
        # Built here, the pipeline (the spaCy model, the known actors) is forked into every
        # worker rather than loaded by each: a second or more of CPU a worker, and shared pages.
        get_pipeline()
        # The children open their own connections: a socket shared across a fork is garbled.
        connections.close_all()
        context = multiprocessing.get_context("fork")
        try:
            with ProcessPoolExecutor(
                max_workers=workers, mp_context=context, initializer=own_connections
            ) as pool:
                yield from pool.map(ingest_file, jobs)
        except BrokenProcessPool as exc:
            raise CommandError(
                f"A worker process died ({exc}); what was stored is kept: run the command "
                "again to ingest the rest (stored texts are skipped)."
            ) from exc

    def fail(self, progress, totals, item, message):
        totals["failed"] += 1
        progress.note(f"error: {item.path}: {message}", stream=self.stderr)


# The parent's database sockets a forked worker was born with: kept, never used nor closed.
_inherited: list = []


def own_connections() -> None:
    """In a forked worker: forget the parent's connections without closing them (closing
    would end the parent's session too; one still open, inside a transaction, cannot be
    closed before the fork), so that the worker opens its own."""
    for conn in connections.all(initialized_only=True):
        if conn.connection is not None:
            _inherited.append(conn.connection)
        conn.connection = None
        conn.in_atomic_block = False
        conn.savepoint_ids = []
        conn.needs_rollback = False
        conn.closed_in_transaction = False


def ingest_file(job: dict) -> dict:
    """Read, extract and store one file with this process's pipeline; a plain dict back, so
    it can come from another process."""
    outcome = {"error": None, "status": None, "article": None, "note": ""}
    outcome |= {"events_new": 0, "events_merged": 0, "actors_new": 0}
    try:
        data = Path(job["path"]).read_bytes()
    except OSError as exc:
        return outcome | {"error": exc.strerror or str(exc)}
    try:
        # Knows the actors stored so far, by this process or another: taught, not rebuilt.
        pipeline = get_pipeline()
        result = ingest_article(
            data=data,
            filename=job["filename"],
            published=job["published"],
            published_how=job["published_how"],
            title=job["title"],
            outlet=job["outlet"],
            url=job["url"],
            pipeline=pipeline,
        )
    except IngestError as exc:
        return outcome | {"error": str(exc)}
    return outcome | {
        "status": result.status,
        "article": result.article.pk if result.article is not None else None,
        "note": result.article.error if result.article is not None else "",
        "events_new": result.events_new,
        "events_merged": result.events_merged,
        "actors_new": result.actors_new,
    }


class Progress:
    """A one-line progress bar on a terminal; silent when output is piped."""

    def __init__(self, total: int, stream):
        self.total = total
        self.stream = stream
        self.active = bool(getattr(stream, "isatty", lambda: False)()) and total > 1

    def show(self, done: int, label: str):
        if not self.active:
            return
        width = 30
        filled = int(width * done / self.total)
        bar = "#" * filled + "-" * (width - filled)
        self.stream.write(f"\r[{bar}] {done}/{self.total} {label[:40]:<40}")
        self.stream.flush()

    def note(self, message: str, stream=None):
        if self.active:
            self.stream.write("\r" + " " * 80 + "\r")
        (stream or self.stream).write(message + ("" if stream is not None else "\n"))

    def done(self):
        if self.active:
            self.stream.write("\n")
