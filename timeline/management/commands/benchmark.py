"""Words per second of the whole pipeline against plain nlp.pipe, measured in one run."""

from __future__ import annotations

import gc
import resource
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from timeline.extraction.clean import UnreadableArticle, load_document
from timeline.extraction.pipeline import Pipeline, load_spacy
from timeline.management.commands._articles import expand_paths, read_manifest

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "manifest.json"


class Command(BaseCommand):
    help = (
        "Time the whole extraction pipeline (cleaning, spaCy, dates, actors, events) against "
        "plain nlp.pipe of the same model on the same texts, and print words per second."
    )
    requires_system_checks = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", help="article files or folders (default: samples)")
        parser.add_argument("--manifest", help="a manifest of articles with publication dates")
        parser.add_argument("--repeat", type=int, default=3, help="timed rounds (best is kept)")

    def handle(self, *args, **options):
        import datetime

        entries = []
        if options["manifest"] or not options["paths"]:
            entries = [(e.path, e.published) for e in read_manifest(options["manifest"] or SAMPLES)]
        entries += [(p, None) for p in expand_paths(options["paths"])]
        documents = []
        for path, published in entries:
            try:
                data = path.read_bytes()
                load_document(data, path.name)
            except (OSError, UnreadableArticle) as exc:
                self.stderr.write(f"skipped {path}: {exc}")
                continue
            documents.append((data, path.name, published or datetime.date(2013, 1, 1)))
        if not documents:
            raise CommandError("No readable articles to time.")
        words = sum(len(data.decode("utf-8", "replace").split()) for data, _, _ in documents)

        plain = load_spacy(settings.SPACY_MODEL)
        pipeline = Pipeline(settings.SPACY_MODEL)
        texts = [load_document(data, name).source for data, name, _ in documents]

        def run_plain():
            for _ in plain.pipe(texts, batch_size=16):
                pass

        def run_pipeline():
            items = [(load_document(data, name), day, "") for data, name, day in documents]
            for _ in pipeline.extract_many(items):
                pass

        run_plain()  # warm both up: first calls allocate
        run_pipeline()
        plain_best = pipeline_best = float("inf")
        for _ in range(max(1, options["repeat"])):
            for fn, which in ((run_plain, "plain"), (run_pipeline, "pipeline")):
                gc.collect()
                started = time.perf_counter()
                fn()
                elapsed = time.perf_counter() - started
                if which == "plain":
                    plain_best = min(plain_best, elapsed)
                else:
                    pipeline_best = min(pipeline_best, elapsed)
        plain_wps = words / plain_best
        pipeline_wps = words / pipeline_best
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        self.stdout.write(f"model            {settings.SPACY_MODEL}")
        self.stdout.write(f"articles         {len(documents)}")
        self.stdout.write(f"words            {words}")
        self.stdout.write(f"nlp.pipe         {plain_best:.3f} s  {plain_wps:,.0f} words/s")
        self.stdout.write(f"whole pipeline   {pipeline_best:.3f} s  {pipeline_wps:,.0f} words/s")
        self.stdout.write(f"ratio            {pipeline_wps / plain_wps:.0%} of nlp.pipe")
        self.stdout.write(f"peak memory      {peak:,.0f} MB")
