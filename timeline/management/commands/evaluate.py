"""Score the pipeline against the shared gold, on the part rules were designed on and the part
they were not, so an in-sample figure is never mistaken for a held-out one.

The splits are fixed by file name:
- news: the articles of `news/articles/manifest.json` sorted by file name; even positions
  (0, 2, 4, ...) are the design half, odd positions the held-out half.
- TimeML: the `.tml` stories sorted by file name; every fifth (positions 4, 9, 14, ...) is the
  held-out fifth that no date rule is tuned on, the other four fifths are in-sample.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

DEFAULT_EVAL = Path(settings.BASE_DIR).parent / "shared" / "eval"


def news_split(names: list[str]) -> dict[str, list[str]]:
    """`news_split(["a.txt", "b.txt", "c.txt"])` -> design a, c; held-out b."""
    ordered = sorted(names)
    return {"design": ordered[0::2], "held-out": ordered[1::2], "all": ordered}


def timeml_split(names: list[str]) -> dict[str, list[str]]:
    """Every fifth story by sorted file name (positions 4, 9, ...) is held out."""
    ordered = sorted(names)
    held = [n for i, n in enumerate(ordered) if i % 5 == 4]
    tuned = [n for i, n in enumerate(ordered) if i % 5 != 4]
    return {"in-sample": tuned, "held-out": held, "all": ordered}


def run_scorer(script: Path, *args) -> dict:
    done = subprocess.run(
        [sys.executable, str(script), *map(str, args), "--json"],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise CommandError(f"{script.name} failed: {done.stderr.strip()[-500:]}")
    return json.loads(done.stdout)


def subset_dir(root: Path, source: Path, files: list[str], extra: tuple[str, ...] = ()) -> Path:
    """A folder of links to `files` (and `extra`) in `source`: the scorers read whole folders."""
    root.mkdir(parents=True)
    for name in (*files, *extra):
        if (source / name).exists():
            (root / name).symlink_to((source / name).resolve())
    return root


def score_news(eval_dir: Path, work: Path, out=None) -> dict[str, dict]:
    """Extract the news articles once and score each part of the split."""
    articles = eval_dir / "news" / "articles"
    manifest = json.loads((articles / "manifest.json").read_text())
    predicted = work / "news_out"
    call_command("extract", "--manifest", str(articles / "manifest.json"), "--out", str(predicted),
                 stdout=out)  # fmt: skip
    parts = news_split([entry["file"] for entry in manifest])
    results = {}
    for part, files in parts.items():
        gold = subset_dir(
            work / f"news_gold_{part}",
            eval_dir / "news",
            [Path(f).stem + ".json" for f in files],
            extra=("aliases.json",),
        )
        results[part] = run_scorer(eval_dir / "score.py", gold, predicted)
        results[part]["articles"] = len(files)
    return results


def score_timeml(eval_dir: Path, work: Path, out=None) -> dict[str, dict]:
    """Convert the TimeML stories to text, extract them once and score each part."""
    timeml = eval_dir / "timeml"
    texts = work / "timeml_text"
    subprocess.run(
        [sys.executable, str(timeml / "tml.py"), "to-text", str(timeml / "train"), str(texts)],
        check=True,
        capture_output=True,
    )
    predicted = work / "timeml_out"
    call_command("extract", "--manifest", str(texts / "manifest.json"), "--out", str(predicted),
                 stdout=out)  # fmt: skip
    parts = timeml_split([p.name for p in (timeml / "train").glob("*.tml")])
    results = {}
    for part, files in parts.items():
        gold = subset_dir(work / f"timeml_gold_{part}", timeml / "train", files)
        results[part] = run_scorer(timeml / "score_dates.py", gold, predicted)
    return results


class Command(BaseCommand):
    help = (
        "Score extraction against ../shared/eval: news events on the design half, the held-out "
        "half and the whole; TimeML dates on the in-sample four fifths and the held-out fifth."
    )
    requires_system_checks = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument("--eval", default=str(DEFAULT_EVAL), help="the shared eval folder")
        parser.add_argument("--only", choices=["news", "timeml"], help="score one set only")
        parser.add_argument("--keep", help="keep predictions and gold subsets in this folder")

    def handle(self, *args, **options):
        eval_dir = Path(options["eval"])
        if not (eval_dir / "score.py").is_file():
            raise CommandError(f"{eval_dir}: no score.py here; give --eval DIR")
        work = Path(options["keep"] or tempfile.mkdtemp(prefix="timeline-eval-"))
        if options["keep"]:
            shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True, exist_ok=True)
        quiet = open("/dev/null", "w")  # noqa: SIM115 - the extract command's own summary lines
        try:
            if options["only"] in (None, "news"):
                self.print_news(score_news(eval_dir, work, out=quiet))
            if options["only"] in (None, "timeml"):
                self.print_timeml(score_timeml(eval_dir, work, out=quiet))
        finally:
            quiet.close()
            if not options["keep"]:
                shutil.rmtree(work, ignore_errors=True)

    def print_news(self, results: dict[str, dict]) -> None:
        self.stdout.write("news events (../shared/eval/news)")
        self.stdout.write(
            f"  {'part':<10} {'articles':>8} {'required':>8} {'predicted':>9} {'strict F1':>9} "
            f"{'P':>6} {'R':>6} {'dates':>6} {'actors':>6} {'junk':>4}"
        )
        for part, s in results.items():
            self.stdout.write(
                f"  {part:<10} {s['articles']:>8} {s['gold_events']:>8} {s['predicted_events']:>9} "
                f"{s['strict_f1']:>9.3f} {s['strict_precision']:>6.3f} {s['strict_recall']:>6.3f} "
                f"{s['date_accuracy']:>6.3f} {s['actor_f1']:>6.3f} {s['junk_events']:>4}"
            )

    def print_timeml(self, results: dict[str, dict]) -> None:
        self.stdout.write("TimeML dates (../shared/eval/timeml/train)")
        self.stdout.write(f"  {'part':<10} {'stories':>7} {'value F1':>8} {'P':>6} {'R':>6}")
        for part, s in results.items():
            self.stdout.write(
                f"  {part:<10} {s['documents']:>7} {s['value_f1']:>8.3f} "
                f"{s['value_precision']:>6.3f} {s['value_recall']:>6.3f}"
            )
