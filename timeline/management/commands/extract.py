"""Run the pipeline on files without touching the database and print what it finds."""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from timeline.extraction.clean import UnreadableArticle, load_document
from timeline.extraction.pipeline import NoPublicationDate, Pipeline, as_json
from timeline.management.commands._articles import check_day, parse_day, read_manifest


class Command(BaseCommand):
    help = (
        "Extract dated events from an article file and print them (JSON or text), "
        "or from every article of a manifest into --out DIR. The database is not touched."
    )
    requires_system_checks = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="a .txt or .html article")
        parser.add_argument("--published", help="publication date, YYYY-MM-DD")
        parser.add_argument("--title", default="", help="the article's title")
        parser.add_argument("--format", choices=["json", "text"], default="json")
        parser.add_argument("--manifest", help="a JSON manifest of articles (see README)")
        parser.add_argument("--out", help="folder for NAME.json per article (with --manifest)")

    def handle(self, *args, **options):
        if options["manifest"]:
            if options["file"]:
                raise CommandError("Give either FILE or --manifest, not both.")
            if not options["out"]:
                raise CommandError("--manifest needs --out DIR.")
            return self.extract_manifest(options["manifest"], Path(options["out"]))
        if not options["file"]:
            raise CommandError(
                "Give an article FILE (with --published) or --manifest FILE --out DIR."
            )
        published = parse_day(options["published"], "--published") if options["published"] else None
        check_day(published, "--published")
        document = self.read(Path(options["file"]))
        pipeline = Pipeline(settings.SPACY_MODEL)
        try:
            extraction = pipeline.extract(document, published=published, title=options["title"])
        except NoPublicationDate as exc:
            raise CommandError(f"{options['file']}: {exc}") from exc
        if options["format"] == "json":
            self.stdout.write(json.dumps(as_json(extraction), indent=2, ensure_ascii=False))
        else:
            self.stdout.write(as_text(extraction))

    def read(self, path: Path):
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"{path}: {exc.strerror or exc}") from exc
        try:
            return load_document(data, path.name)
        except UnreadableArticle as exc:
            raise CommandError(f"{path}: {exc}") from exc

    def extract_manifest(self, manifest: str, out: Path):
        entries = read_manifest(manifest)
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CommandError(f"--out {out}: {exc.strerror or exc}") from exc
        pipeline = Pipeline(settings.SPACY_MODEL)
        items, names, failed = [], [], 0
        for entry in entries:
            try:
                if entry.problem:
                    raise CommandError(entry.problem)
                check_day(entry.published, str(entry.path))
                items.append((self.read(entry.path), entry.published, entry.title))
                names.append(entry.path.stem)
            except CommandError as exc:
                self.stderr.write(f"error: {exc}")
                failed += 1
        done = 0
        for name, extraction in zip(names, pipeline.extract_many(items), strict=True):
            if isinstance(extraction, NoPublicationDate):
                self.stderr.write(f"error: {name}: {extraction}")
                failed += 1
                continue
            (out / f"{name}.json").write_text(
                json.dumps(as_json(extraction), indent=1, ensure_ascii=False), encoding="utf-8"
            )
            done += 1
        self.stdout.write(f"{done} articles extracted into {out}, {failed} failed")
        if failed:
            raise CommandError(f"{failed} of {len(entries)} articles failed", returncode=1)


def as_text(extraction) -> str:
    lines = [f"{extraction.title or '(untitled)'} — published {extraction.published.isoformat()}"]
    for e in extraction.events:
        date = e.date.value if e.date else "undated"
        actors = ", ".join(f"{a.name} ({a.role})" for a in e.actors) or "no actors"
        place = f" in {e.place}" if e.place else ""
        planned = " [planned]" if e.planned else ""
        lines.append(f"{date:<10} {e.type:<11} {actors}{place}{planned}  conf {e.confidence:.2f}")
        lines.append(f"           {e.evidence}")
    lines.append(f"{len(extraction.events)} events, {len(extraction.dates)} date expressions")
    return "\n".join(lines)
