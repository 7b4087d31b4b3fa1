"""Ingest article files or folders (or a manifest) into the database, one transaction each."""

from __future__ import annotations

import sys

from django.core.management.base import BaseCommand, CommandError

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

        totals = {"articles": 0, "events": 0, "merged": 0, "actors": 0, "skipped": 0, "failed": 0}
        progress = Progress(len(files), getattr(self.stderr, "_out", sys.stderr))
        pipeline = None
        for n, item in enumerate(files, 1):
            progress.show(n - 1, item.path.name)
            if item.problem:
                totals["failed"] += 1
                progress.note(f"error: {item.problem}", stream=self.stderr)
                continue
            try:
                data = item.path.read_bytes()
            except OSError as exc:
                self.fail(progress, totals, item, exc.strerror or str(exc))
                continue
            pipeline = pipeline or get_pipeline()
            try:
                result = ingest_article(
                    data=data,
                    filename=item.path.name,
                    published=item.published or published,
                    published_how=Article.PublishedHow.MANIFEST
                    if item.from_manifest and item.published
                    else Article.PublishedHow.GIVEN,
                    title=item.title,
                    outlet=item.outlet or options["outlet"],
                    url=item.url,
                    pipeline=pipeline,
                )
            except IngestError as exc:
                self.fail(progress, totals, item, str(exc))
                continue
            if result.status == "duplicate":
                totals["skipped"] += 1
                progress.note(
                    f"skipped {item.path}: already ingested as article {result.article.pk}"
                )
                continue
            if result.status == "unsupported":
                progress.note(f"stored {item.path} without events: {result.article.error}")
            totals["articles"] += 1
            totals["events"] += result.events_new
            totals["merged"] += result.events_merged
            totals["actors"] += result.actors_new
            if result.actors_new or result.events_new:
                pipeline = None  # new actors feed the next article's entity ruler
        progress.show(len(files), "")
        progress.done()
        self.stdout.write(
            f"{totals['articles']} articles, {totals['events']} events "
            f"({totals['merged']} merged into existing events), {totals['actors']} actors, "
            f"{totals['skipped']} skipped, {totals['failed']} failed"
        )
        if totals["failed"]:
            raise CommandError(f"{totals['failed']} of {len(files)} articles failed", returncode=1)

    def fail(self, progress, totals, item, message):
        totals["failed"] += 1
        progress.note(f"error: {item.path}: {message}", stream=self.stderr)


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
