"""The shared scorers on `manage.py extract` output: regression floors and the issue's targets.

The gold lives in ../shared/eval beside the repository: the two seed articles (`dev`), 20 real
news articles (`news`, split by file name into a design half and a held-out half, see
`timeline/management/commands/evaluate.py`) and 256 TimeML stories (every fifth held out).

Two kinds of threshold:
- floors, a little under the figures measured with `manage.py evaluate` when they were set
  (README, "Measuring the pipeline"): a rule that costs the held-out half fails here;
- the targets of issue 8, which the held-out parts do not meet yet. They are strict expected
  failures: the day they pass, the xfail must go and the floors move up.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from timeline.management.commands.evaluate import score_news, score_timeml

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
SAMPLES = ROOT / "timeline" / "samples" / "manifest.json"

pytestmark = pytest.mark.skipif(not EVAL.is_dir(), reason="../shared/eval is not beside the repo")

# Measured 2026-12-07 (`manage.py evaluate`, at the fifth session's end): strict F1 design
# 0.956, held-out 0.816, all 0.888; date accuracy 0.962 / 1.000 / 0.978. TimeML value F1
# in-sample 0.956, held-out 0.899.
NEWS_FLOORS = {"design": 0.94, "held-out": 0.79, "all": 0.87}
TIMEML_FLOORS = {"in-sample": 0.95, "held-out": 0.89}


def score(script, *args):
    done = subprocess.run(
        [sys.executable, str(script), *map(str, args), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def news(tmp_path_factory):
    with open("/dev/null", "w") as quiet:
        return score_news(EVAL, tmp_path_factory.mktemp("news"), out=quiet)


@pytest.fixture(scope="module")
def timeml(tmp_path_factory):
    with open("/dev/null", "w") as quiet:
        return score_timeml(EVAL, tmp_path_factory.mktemp("timeml"), out=quiet)


def test_seed_articles_meet_the_event_targets(tmp_path):
    call_command("extract", "--manifest", str(SAMPLES), "--out", str(tmp_path))
    summary = score(EVAL / "score.py", EVAL / "dev", tmp_path)
    assert summary["strict_f1"] >= 0.90, summary
    assert summary["date_accuracy"] == 1.0, summary
    assert summary["junk_events"] == 0, summary


@pytest.mark.parametrize("part", ["design", "held-out", "all"])
def test_news_stays_above_its_floors(news, part):
    summary = news[part]
    assert summary["strict_f1"] >= NEWS_FLOORS[part], summary
    assert summary["date_accuracy"] >= 0.95, summary
    assert summary["junk_events"] == 0, summary


def test_news_meets_the_issue_targets(news):
    assert news["all"]["strict_f1"] >= 0.85
    assert news["design"]["strict_f1"] >= 0.80
    assert news["held-out"]["strict_f1"] >= 0.80
    assert news["all"]["date_accuracy"] >= 0.95
    assert news["all"]["junk_events"] == 0


@pytest.mark.parametrize("part", ["in-sample", "held-out"])
def test_timeml_dates_stay_above_their_floors(timeml, part):
    assert timeml["all"]["documents"] == 256
    assert timeml[part]["value_f1"] >= TIMEML_FLOORS[part], timeml[part]


@pytest.mark.xfail(strict=True, reason="issue 8: the held-out fifth's value F1 0.899 < 0.93")
def test_timeml_held_out_fifth_meets_the_issue_target(timeml):
    assert timeml["held-out"]["value_f1"] >= 0.93


def test_the_splits_are_fixed_by_file_name():
    from timeline.management.commands.evaluate import news_split, timeml_split

    news = news_split(["d.txt", "b.txt", "c.txt", "a.txt"])
    assert news["design"] == ["a.txt", "c.txt"]
    assert news["held-out"] == ["b.txt", "d.txt"]
    names = [f"s{n:02d}.tml" for n in range(12)]
    timeml = timeml_split(list(reversed(names)))
    assert timeml["held-out"] == ["s04.tml", "s09.tml"]
    assert len(timeml["in-sample"]) == 10 and not set(timeml["in-sample"]) & {"s04.tml", "s09.tml"}
