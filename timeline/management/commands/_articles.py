"""What the extract and ingest commands share: reading manifests and article paths."""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass
from pathlib import Path

from django.core.management.base import CommandError

ARTICLE_SUFFIXES = {".txt", ".html", ".htm"}


@dataclass
class ArticleFile:
    path: Path
    published: datetime.date | None = None
    outlet: str = ""
    title: str = ""
    url: str = ""
    from_manifest: bool = False
    # Why this entry of a manifest can't be read; the batch reports it and goes on.
    problem: str = ""


def parse_day(value: str, what: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value.strip())
    except (ValueError, AttributeError) as exc:
        raise CommandError(f"{what}: {value!r} is not a date as YYYY-MM-DD") from exc


def check_day(day: datetime.date | None, what: str) -> datetime.date | None:
    """`day` if it can be a publication date (see check_published), else CommandError."""
    from timeline.ingest import IngestError, check_published

    if day is not None:
        try:
            check_published(day)
        except IngestError as exc:
            raise CommandError(f"{what}: {exc}") from exc
    return day


def read_manifest(path: str | Path) -> list[ArticleFile]:
    """A JSON list of {"file", "published", "outlet"?, "title"?, "url"?}; paths relative to it."""
    path = Path(path)
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise CommandError(f"{path}: no such manifest") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CommandError(f"{path}: not a JSON manifest ({exc})") from exc
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise CommandError(f"{path}: a manifest is a JSON list of objects with a 'file' key")
    files = []
    for n, entry in enumerate(entries, 1):
        if not isinstance(entry.get("file"), str) or not entry["file"]:
            raise CommandError(f"{path}: entry {n} has no 'file'")
        item = ArticleFile(
            path=path.parent / entry["file"].replace("\x00", ""),
            outlet=str(entry.get("outlet") or ""),
            title=str(entry.get("title") or ""),
            url=str(entry.get("url") or ""),
            from_manifest=True,
        )
        published = entry.get("published")
        try:
            if "\x00" in entry["file"]:
                raise CommandError(f"{path}: entry {n}: the file name contains a NUL character")
            if published:
                item.published = parse_day(published, f"{path}: entry {n}")
        except CommandError as exc:
            item.problem = str(exc)
        files.append(item)
    return files


def expand_paths(paths: list[str]) -> list[Path]:
    """Files as given, folders as the .txt/.html files inside them (recursively, sorted)."""
    out = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            out.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
                )
            )
        else:
            out.append(path)
    return out
