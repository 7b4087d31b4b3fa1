"""A pipeline taught new actors (`Pipeline.learn`) extracts exactly what one built with them
does: ingest teaches it after each article instead of building it again."""

import datetime

import pytest

from timeline.extraction.clean import load_document
from timeline.extraction.pipeline import Pipeline
from timeline.extraction.types import KnownActor

SATURDAY = datetime.date(2013, 2, 2)
TEXTS = [
    "MUNICH, Feb 2 (Reuters) - Russian Foreign Minister Sergey Lavrov met Syrian opposition "
    "leader Moaz al-Khatib in Munich on Saturday. Khatib later met Joe Biden.",
    "GENEVA, Feb 2 (AP) - The Tarvelian envoy Oskar Demmelbrandt met officials of the "
    "Ostrava Circle in Geneva on Saturday. Demmelbrandt said the talks were useful.",
    "DAMASCUS, Feb 2 (AFP) - Moscow urged the Syrian government and the SRGC to agree a "
    "ceasefire on Saturday, Lavrov said.",
]
BEFORE = [
    KnownActor("Sergey Lavrov", "person", ("Sergei Lavrov",), "Russia"),
    KnownActor("Syria", "country"),
]
# A new person, a new organisation with an acronym, a known actor's new alias.
GAINED = [
    KnownActor("Oskar Demmelbrandt", "person", (), "Tarvelia"),
    KnownActor("Ostrava Circle", "organization", ("the Ostrava Circle",), None),
    KnownActor("Syrian Revolution General Commission", "organization", ("SRGC",), "Syria"),
    KnownActor("Sergey Lavrov", "person", ("Lavrov Sergey",), "Russia"),
]


@pytest.fixture(scope="module")
def nlp():
    return Pipeline().nlp


def extract_all(pipeline):
    found = []
    for text in TEXTS:
        document = load_document(text.encode("utf-8"), "a.txt")
        found.append(pipeline.extract(document, published=SATURDAY))
    return found


def merged(before, gained):
    """The known actors as the database would list them after the additions: by name, an
    actor's aliases all together."""
    actors = {}
    for actor in [*before, *gained]:
        old = actors.get(actor.name)
        aliases = tuple(sorted({*(old.aliases if old else ()), *actor.aliases}))
        actors[actor.name] = KnownActor(actor.name, actor.kind, aliases, actor.country)
    return [actors[name] for name in sorted(actors)]


def test_a_taught_pipeline_extracts_what_a_rebuilt_one_does(nlp):
    taught = Pipeline(known=BEFORE, nlp=nlp)
    before = extract_all(taught)
    assert taught.learn(GAINED)
    after = extract_all(taught)
    rebuilt = extract_all(Pipeline(known=merged(BEFORE, GAINED), nlp=nlp))
    assert after == rebuilt
    assert after != before  # what it learned shows
    names = {a.name for e in after[1].events for a in e.actors}
    assert "Oskar Demmelbrandt" in names


def test_learning_one_at_a_time_is_learning_all_at_once(nlp):
    taught = Pipeline(known=BEFORE, nlp=nlp)
    for actor in GAINED:
        assert taught.learn([actor])
    assert extract_all(taught) == extract_all(Pipeline(known=merged(BEFORE, GAINED), nlp=nlp))


def test_a_name_another_known_actor_has_is_refused_and_nothing_changes(nlp):
    taught = Pipeline(known=BEFORE, nlp=nlp)
    before = extract_all(taught)
    # Whether "Sergei Lavrov" is this one or Sergey Lavrov depends on the database's order:
    # only building the pipeline again follows it.
    assert not taught.learn([KnownActor("Sergei Lavrov Jr", "person", ("Sergei Lavrov",))])
    assert not taught.learn([KnownActor("Sergey Lavrov", "organization")])
    assert not taught.learn(
        [KnownActor("A B", "person", ("Zed",)), KnownActor("C D", "person", ("Zed",))]
    )
    # The gazetteer's "Russia" renamed: the ruler would match "Russia" for two names.
    assert not taught.learn([KnownActor("Russian Federation", "country", ("Russia",))])
    assert extract_all(taught) == before
    assert [a.name for a in taught.known] == ["Sergey Lavrov", "Syria"]
