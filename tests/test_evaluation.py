"""The shared scorers on `manage.py extract` output, with the targets as thresholds.

A regression in dates, actors or events fails here. The gold lives in ../shared/eval beside
the repository (hand-made events for the sample articles; 256 TimeML news stories).
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
SAMPLES = ROOT / "timeline" / "samples" / "manifest.json"

pytestmark = pytest.mark.skipif(not EVAL.is_dir(), reason="../shared/eval is not beside the repo")


def score(script, *args):
    done = subprocess.run(
        [sys.executable, str(script), *map(str, args), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def test_seed_articles_meet_the_event_targets(tmp_path):
    call_command("extract", "--manifest", str(SAMPLES), "--out", str(tmp_path))
    summary = score(EVAL / "score.py", EVAL / "dev", tmp_path)
    assert summary["strict_f1"] >= 0.90, summary
    assert summary["date_accuracy"] == 1.0, summary
    assert summary["junk_events"] == 0, summary


def test_timeml_dates_meet_the_value_f1_target(tmp_path):
    texts, out = tmp_path / "text", tmp_path / "out"
    subprocess.run(
        [
            sys.executable,
            str(EVAL / "timeml" / "tml.py"),
            "to-text",
            str(EVAL / "timeml" / "train"),
            str(texts),
        ],
        check=True,
        capture_output=True,
    )
    call_command("extract", "--manifest", str(texts / "manifest.json"), "--out", str(out))
    summary = score(EVAL / "timeml" / "score_dates.py", EVAL / "timeml" / "train", out)
    assert summary["documents"] == 256
    assert summary["value_f1"] >= 0.92, summary


def test_the_splits_are_fixed_by_file_name():
    from timeline.management.commands.evaluate import news_split, timeml_split

    news = news_split(["d.txt", "b.txt", "a.txt", "c.txt"])
    assert news["design"] == ["a.txt", "c.txt"]
    assert news["held-out"] == ["b.txt", "d.txt"]
    names = [f"s{n:02d}.tml" for n in range(12)]
    timeml = timeml_split(list(reversed(names)))
    assert timeml["held-out"] == ["s04.tml", "s09.tml"]
    assert len(timeml["in-sample"]) == 10 and not set(timeml["in-sample"]) & {"s04.tml", "s09.tml"}
