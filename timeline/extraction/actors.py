"""Who acts in a news text: every actor mention of a parsed doc under its canonical name.

`add_actor_ruler(nlp, known)` teaches the pipeline the gazetteer and the curators'
names; `ActorResolver(known).resolve(doc)` (or `resolve_actors(doc, known)`) turns the
doc's entities into `ResolvedActor`s: "Mr Lavrov" -> Sergey Lavrov, "Moscow said" ->
Russia, "in Moscow" -> the place Moscow, "told state-run RIA Novosti" -> nothing.
Pure Python + spaCy: nothing here knows about Django.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime
import itertools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy
from spacy.attrs import IS_TITLE, POS
from spacy.language import Language
from spacy.symbols import ADJ, NOUN, PROPN
from spacy.tokens import Doc, Span, Token

from timeline.extraction import gazetteer
from timeline.extraction.coordinates import coordinates
from timeline.extraction.lexicon import AIDES, NOUNS, REPORTING_VERBS, VERBS
from timeline.extraction.offices import (
    DEFAULT_BODY,
    OfficeIndex,
    canonical_role,
    default_offices,
    role_of,
)
from timeline.extraction.types import (
    COUNTRY,
    GROUP,
    ORGANIZATION,
    OTHER,
    PERSON,
    ActorMention,
    KnownActor,
    KnownOffice,
)

RULER_NAME = "timeline_actors"
CASE_RULER_NAME = "timeline_actors_case"  # one-word names matched in their own case
PLACE = "place"  # kind of a city or region named as a location, never an actor
MEDIA = "media"  # kind of news organisations in the index; they are never returned

VIA_NER, VIA_RULER, VIA_SURNAME = "ner", "ruler", "surname"
VIA_METONYMY, VIA_PRONOUN, VIA_DEMONYM = "metonymy", "pronoun", "demonym"
VIA_OFFICE, VIA_COLLECTIVE = "office", "collective"


@dataclass(frozen=True, slots=True)
class ResolvedActor:
    """One actor (or place) mention: "Mr Lavrov" at chars 120-130 is Sergey Lavrov.

    `kind` is one of types.ACTOR_KINDS, or "place" for a city or region that is
    only a location. `is_place` is true when a country or seat of government is
    used as a location ("arrived in Moscow"), false when it acts ("Moscow said").
    `i`/`j` are token offsets, `start`/`end` character offsets into doc.text.
    `via` says how the name was found: ner, ruler, surname, metonymy, pronoun.
    """

    name: str
    kind: str
    country: str | None
    surface: str
    start: int
    end: int
    i: int
    j: int
    via: str
    is_place: bool = False
    title: str = ""  # the title or role before a person: "Deputy Foreign Minister"

    def mention(self, role: str = OTHER) -> ActorMention:
        return ActorMention(
            name=self.name,
            kind=self.kind,
            role=role,
            country=self.country,
            surface=self.surface,
            start=self.start,
            end=self.end,
        )


# --- matching keys ------------------------------------------------------------

_NON_WORD = re.compile(r"[^a-z0-9' ]+")
_AL_PREFIX = re.compile(r"\b(?:al|el)-")
_DOUBLE = re.compile(r"(.)\1")
_CO_PREFIX = re.compile(r"\bco-(?=o)")
# British spellings in names of bodies: "Organisation", "Defence", "Centre", "Labour".
_BRITISH_WORDS = {
    "centre": "center",
    "defence": "defense",
    "labour": "labor",
    "programme": "program",
}
# Arabic letters written as two Latin ones: "Alkhatib" is al-Khatib, "Albert" is not.
_GLUED_AL = ("kh", "sh", "th", "gh", "dh")
_EXTRA_FOLD = str.maketrans({"ı": "i", "ø": "o", "ł": "l", "đ": "d", "ß": "ss", "’": "'", "‘": "'"})
# Spellings no letter rule folds: Mohammed/Muhammad, Ahmad/Ahmed, Youssef/Yusuf.
_WORD_VARIANTS = {
    **dict.fromkeys(("muhammad", "mohammad", "mohammed", "muhammed", "mohamad"), "mohamed"),
    **dict.fromkeys(("ahmad",), "ahmed"),
    **dict.fromkeys(("youssef", "yousef", "yousuf", "youssuf", "yussef"), "yusuf"),
    **dict.fromkeys(("hussain", "husain", "hossein", "husayn"), "hussein"),
    **dict.fromkeys(("abdel", "abdal", "abdelaziz"), "abdul"),
}


# The other side's spelling of a word in a body's name, each way: "Co-operation" and
# "Cooperation", "Organisation" and "Organization", "Defence" and "Defense".
_SPELLING_PAIRS = [
    ("Co-operation", "Cooperation"),
    ("Co-ordination", "Coordination"),
    ("Organisation", "Organization"),
    *((b.capitalize(), a.capitalize()) for b, a in _BRITISH_WORDS.items()),
]
_OTHER_SPELLING = {**dict(_SPELLING_PAIRS), **{a: b for b, a in _SPELLING_PAIRS}}
_SPELLING_WORD = re.compile(r"\b(?:" + "|".join(map(re.escape, _OTHER_SPELLING)) + r")\b")


def _spellings(alias: str) -> list[str]:
    """An alias of several words and its other spellings, for the ruler, which matches text
    as written: "Organization for Security and Cooperation in Europe" is the OSCE too."""
    if " " not in alias:
        return [alias]
    pieces = _SPELLING_WORD.split(alias)
    words = _SPELLING_WORD.findall(alias)
    out = []
    for chosen in itertools.product(*((w, _OTHER_SPELLING[w]) for w in words)):
        out.append("".join(p + w for p, w in zip(pieces, [*chosen, ""], strict=True)))
    return out


def _fold(text: str) -> str:
    """Lower case without accents: "Erdoğan" -> "erdogan"."""
    text = unicodedata.normalize("NFKD", text.translate(_EXTRA_FOLD))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def _raw_words(text: str) -> list[str]:
    """Folded words with possessives, dots and al-/el- prefixes gone, hyphens split (but
    "co-operation" is "cooperation")."""
    text = _AL_PREFIX.sub("", _CO_PREFIX.sub("co", _fold(text).replace(".", "")))
    words = _NON_WORD.sub(" ", text.replace("-", " ")).split()
    out = []
    for word in words:
        if word.endswith("'s"):
            word = word[:-2]
        word = word.strip("'")
        if word:
            out.append(word)
    return out


_TITLE_WORDS = frozenset(w for title in gazetteer.TITLES for w in _raw_words(title))
_TITLE_GLUE = frozenset(("of", "the", "for"))
_TITLE_PHRASES = frozenset(title.lower() for title in gazetteer.TITLES)
# Words of country, demonym and organisation names: "Turkish" in "Turkish Prime Minister".
_AFFILIATION_WORDS = frozenset(
    w
    for country, aliases, _seats, demonyms in gazetteer.COUNTRIES
    for name in (country, *aliases, *demonyms)
    for w in _raw_words(name)
) | frozenset(
    w
    for name, _kind, aliases, _c in gazetteer.ORGANIZATIONS
    for a in (name, *aliases)
    for w in _raw_words(a)
)


def _strip_titles(words: list[str]) -> list[str]:
    """Drop a leading run of titles, with the country or body they belong to.

    Stops short when nothing but title or name-of-body words would remain, so
    "General Assembly" and "Supreme Military Council" keep their words.
    """
    if words and words[0] == "the":
        words = words[1:]
    last_title = -1
    for n, word in enumerate(words):
        if word in _TITLE_WORDS:
            last_title = n
        elif word not in _AFFILIATION_WORDS and word not in _TITLE_GLUE:
            break
    rest = words[last_title + 1 :]
    if last_title < 0 or all(w in _AFFILIATION_WORDS or w in _TITLE_WORDS for w in rest):
        return words
    return rest


def _fold_word(word: str) -> str:
    word = _WORD_VARIANTS.get(word, word)
    word = _BRITISH_WORDS.get(word, word)
    if word.endswith("isation"):
        word = word[:-7] + "ization"
    if len(word) > 6 and word.startswith(("al", "el")) and word[2:4] in _GLUED_AL:
        word = word[2:]
    word = _DOUBLE.sub(r"\1", word.replace("ou", "o"))
    if word.endswith("iy"):
        word = word[:-2] + "y"
    elif word.endswith("i") and len(word) > 2:
        word = word[:-1] + "y"
    return word


@lru_cache(maxsize=65536)
def actor_key(name: str) -> str:
    """The key two spellings of one actor share; for matching, never for display.

    Accents folded, lower case, leading titles (with their country: "Turkish
    Prime Minister"), possessives, dots and al-/el- prefixes removed, and
    transliteration variants folded (ou -> o, double letters single, final
    -i/-iy -> -y, Ahmad -> Ahmed):
    `actor_key("Foreign Minister Sergey Lavrov's")` and `actor_key("Sergei Lavrov")`
    are both "sergey lavrov".
    """
    words = _strip_titles(_raw_words(name))
    return " ".join(_fold_word(w) for w in words)


# --- the index of names the resolver knows ----------------------------------


@dataclass(frozen=True, slots=True)
class _Entry:
    name: str
    kind: str  # person/organization/country/group, PLACE for a seat, MEDIA
    country: str | None = None  # a person's or body's country; the country a seat stands for
    known: bool = False  # from the caller's database


def _gazetteer_entries() -> list[tuple[str, _Entry]]:
    """(alias, entry) for every name in the gazetteer, canonical names first."""
    out: list[tuple[str, _Entry]] = []
    for country, aliases, seats, _demonyms in gazetteer.COUNTRIES:
        entry = _Entry(country, COUNTRY)
        out += [(alias, entry) for alias in (country, *aliases)]
        for seat in seats:
            out.append((seat, _Entry(_display(seat), PLACE, country)))
    for name, kind, aliases, country in gazetteer.ORGANIZATIONS:
        entry = _Entry(name, GROUP if kind == GROUP else ORGANIZATION, country)
        out += [(alias, entry) for alias in (name, *aliases)]
    for name, aliases, country in gazetteer.PERSONS:
        entry = _Entry(name, PERSON, country)
        out += [(alias, entry) for alias in (name, *aliases)]
    out += [(name, _Entry(name, MEDIA)) for name in gazetteer.MEDIA]
    # The armed groups of the open event-data field's dictionary, after the gazetteer's own
    # (which wins a name both have): by full name only, since their acronyms are often
    # another body's ("ANA", "CAR").
    taken = {actor_key(alias) for alias, _entry in out}
    states = {country for country, *_rest in gazetteer.COUNTRIES}
    for name, country in armed_groups():
        if actor_key(name) not in taken:
            out.append((name, _Entry(name, GROUP, country if country in states else None)))
    return out


@lru_cache(maxsize=1)
def armed_groups() -> tuple[tuple[str, str], ...]:
    """(name, country or "") of each group in data/armed_groups.tsv (derived from PETRARCH2's
    Phoenix dictionary by scripts/derive_phoenix_groups.py), read once per process: every
    resolver built (one per set of curators' actors) takes them in."""
    rows = (Path(__file__).parent / "data" / "armed_groups.tsv").read_text(encoding="utf-8")
    return tuple(
        (name, country)
        for name, _aliases, country in (
            line.split("\t") for line in rows.splitlines() if line and not line.startswith("#")
        )
    )


def _display(name: str) -> str:
    """ "the Kremlin" -> "Kremlin": a place name without its article."""
    return name[4:] if name.lower().startswith("the ") else name


_DEMONYMS = {
    _fold(d): country for country, _a, _s, demonyms in gazetteer.COUNTRIES for d in demonyms
}
_LABEL_OF_KIND = {PERSON: "PERSON", COUNTRY: "GPE", PLACE: "GPE", MEDIA: "ORG"}


# Two states one name in the plural stands for: "the two Koreas", "2 Koreas to hold summit".
_STATES_OF_A_NAME = {
    "koreas": ("North Korea", "South Korea"),
    "sudans": ("Sudan", "South Sudan"),
    "congos": ("Democratic Republic of the Congo", "Congo"),
}


def _two_states_of_a_name(doc: Doc, found: list[ResolvedActor]) -> list[ResolvedActor]:
    """`found` with "Koreas" (whatever the model made of it) read as both Koreas."""
    kept = [a for a in found if a.surface.lower() not in _STATES_OF_A_NAME]
    return kept + [
        ResolvedActor(
            name,
            COUNTRY,
            None,
            token.text,
            token.idx,
            token.idx + len(token),
            token.i,
            token.i + 1,
            VIA_NER,
        )
        for token in _among(doc, _STATES_OF_A_NAME)
        for name in _STATES_OF_A_NAME[token.lower_]
    ]


def _cached(doc: Doc, key: str, read):
    """What `read(doc)` gives, kept in the doc while its tokens stay as they are: several
    readers below look only at tokens of one kind, and asking every token is slow."""
    cache = doc.user_data.get(key)
    if cache is None or cache[0] != len(doc):
        cache = doc.user_data[key] = (len(doc), read(doc))
    return cache[1]


def _among(doc: Doc, words) -> list[Token]:
    """The tokens whose lower-case form is one of `words`, in text order."""
    return [doc[i] for i, lower in enumerate(_lowers(doc)) if lower in words]


def _lowers(doc: Doc) -> list[str]:
    """Each token's lower-case form, read once per doc."""
    return _cached(doc, "timeline_lowers", lambda d: [t.lower_ for t in d])


def _of_pos(doc: Doc, *tags: int) -> list[Token]:
    """The tokens of these parts of speech (spacy.symbols' NOUN, PROPN ...), in text order."""
    pos = _cached(doc, "timeline_pos", lambda d: d.to_array(POS))
    mask = pos == tags[0]
    for tag in tags[1:]:
        mask |= pos == tag
    return [doc[int(i)] for i in numpy.flatnonzero(mask)]


def _titled(doc: Doc) -> list[Token]:
    """The tokens written in title case ("Lavrov", "Houthi"), in text order."""
    flags = _cached(doc, "timeline_titled", lambda d: d.to_array(IS_TITLE))
    return [doc[int(i)] for i in numpy.flatnonzero(flags)]


def _demonyms(doc: Doc) -> dict[int, str]:
    """Token index -> the country its demonym names, for the whole doc, read once per doc."""
    return _cached(doc, "timeline_demonyms", _demonyms_read)


def _demonyms_read(doc: Doc) -> dict[int, str]:
    """The countries demonyms name, two words read together: "Sri Lankan officials" are Sri
    Lanka's, "South Sudanese" South Sudan's, not Sudan's; "Sri" alone names none."""
    lowers = _lowers(doc)
    found = {}
    for i, lower in enumerate(lowers):
        if (
            lower in _FIRST_OF_TWO
            and i + 1 < len(doc)
            and _fold(f"{doc[i].text} {doc[i + 1].text}") in _DEMONYMS
        ):
            continue  # the first word of two
        if i > 0 and lowers[i - 1] in _FIRST_OF_TWO:
            pair = _DEMONYMS.get(_fold(f"{doc[i - 1].text} {doc[i].text}"))
            if pair:
                found[i] = pair
                continue
        country = _DEMONYMS.get(lower)
        if country:
            found[i] = country
    return found


# The first words of two-word demonyms ("sri", "south", "saudi"): only after one of these is
# a pair of words worth folding and looking up.
_FIRST_OF_TWO = frozenset(d.split()[0] for d in _DEMONYMS if " " in d)


# Dependency contexts, checked on the entity's root (after climbing conjunctions).
_PLACE_PREPS = frozenset(
    ["in", "at", "across", "near", "inside", "outside", "throughout", "within", "around"]
    + ["into", "from", "via", "through", "towards", "toward", "beyond"]
)
_MOTION = frozenset(  # "invited to Moscow" is a place; "a signal to Damascus" is not
    ["go", "come", "travel", "fly", "return", "arrive", "head", "invite", "move", "flee"]
    + ["deploy", "trip", "visit", "journey", "flight", "invitation", "road", "way", "mission"]
)
_VISIT_VERBS = frozenset(["visit", "leave", "reach", "enter", "tour", "flee"])
_ACTOR_PREPS = frozenset(["by", "with", "between", "on", "against", "for", "to"])
_MEDIA_CUES = frozenset(["run", "owned", "controlled"])  # "state-run RIA Novosti"
_EDGE_JUNK = frozenset("•·*-–—|>»«\"'“”‘’()[]:;,.")
_PRONOUN_WINDOW = 150  # tokens: an attribution refers back at most a few sentences


def _patterns_for(alias: str, entry: _Entry, nlp: Language) -> list[dict]:
    label = _LABEL_OF_KIND.get(entry.kind, "ORG")
    if entry.kind != MEDIA:
        alias = _display(alias)
    tokens = [t.text for t in nlp.make_doc(alias)]
    if len(tokens) == 1 and alias != alias.lower():
        # Case-sensitive: "US" is not "us", "Turkey" not "turkey", "Chad" not "chad".
        patterns = [[{"ORTH": alias}]]
        if alias.upper() != alias:
            patterns.append([{"ORTH": alias.upper()}])
        return [{"label": label, "pattern": p, "id": entry.name} for p in patterns]
    return [{"label": label, "pattern": alias, "id": entry.name}]


class ActorResolver:
    """Resolve many docs against one set of known actors, compiled once.

    `ActorResolver([KnownActor("Sergey Lavrov", "person", ("Sergei Lavrov",))])
    .resolve(nlp("Mr Lavrov met US Vice-President Joe Biden."))` gives Sergey
    Lavrov and Joe Biden (country United States).
    """

    def __init__(
        self, known: Iterable[KnownActor] = (), offices: Iterable[KnownOffice] | None = None
    ):
        self.known = tuple(known)
        self.offices = OfficeIndex(default_offices() if offices is None else offices)
        self._day: datetime.date | None = None  # the day of the doc being resolved
        self._aliases: list[tuple[str, _Entry]] = _gazetteer_entries()
        # Office-holders are people the resolver knows by name too.
        self._aliases += [
            (o.holder, _Entry(o.holder, PERSON, o.holder_country)) for o in self.offices.holders()
        ]
        self._by_key: dict[str, _Entry] = {}
        self._keys_of: dict[str, list[str]] = {}
        for alias, entry in self._aliases:
            key = actor_key(alias)
            if key and key not in self._by_key:
                self._by_key[key] = entry
                self._keys_of.setdefault(entry.name, []).append(key)
        for actor in self.known:
            self._learn(actor)
        self._surnames: dict[str, set[_Entry]] = {}
        self._by_part: dict[str, set[_Entry]] = {}
        for entry in set(self._by_key.values()):
            self._index(entry)

    def _learn(self, actor: KnownActor) -> tuple[_Entry, set[_Entry]]:
        """Take in one known actor after the gazetteer; returns its entry and the entries
        it displaced."""
        entry = _Entry(actor.name, actor.kind, actor.country, known=True)
        displaced = set()
        for alias in (actor.name, *actor.aliases):
            self._aliases.append((alias, entry))
            key = actor_key(alias)
            old = self._by_key.get(key)
            if old is not None and not old.known and old.name != entry.name:
                # The database renames a gazetteer actor: all its spellings follow.
                for old_key in self._keys_of.get(old.name, ()):
                    displaced.add(self._by_key[old_key])
                    self._by_key[old_key] = entry
            if key:
                if old is not None:
                    displaced.add(old)
                self._by_key[key] = entry
        return entry, displaced - {entry}

    def _index(self, entry: _Entry) -> None:
        if entry.kind == PERSON:
            words = actor_key(entry.name).split()
            # "Abdullah bin Abdulaziz": the last word is his father's name, which many bear
            if len(words) >= 2 and words[-2] not in PATRONYMIC:
                self._surnames.setdefault(words[-1], set()).add(entry)
            if len(words) >= 3:
                for word in words:
                    self._by_part.setdefault(word, set()).add(entry)

    def _unindex(self, entry: _Entry) -> None:
        for index in (self._surnames, self._by_part):
            for word in actor_key(entry.name).split():
                index.get(word, set()).discard(entry)

    def claims(self, actor: KnownActor) -> set[str]:
        """The keys taking in `actor` would point at it: its names', and all of a gazetteer
        actor's it renames."""
        keys = set()
        for alias in (actor.name, *actor.aliases):
            key = actor_key(alias)
            old = self._by_key.get(key)
            if old is not None and not old.known and old.name != actor.name:
                keys.update(self._keys_of.get(old.name, ()))
            if key:
                keys.add(key)
        return keys

    def add_known(self, actors: Iterable[KnownActor]) -> bool:
        """Take in actors the caller's database gained since this resolver was built, as
        building it again with them would. False, changing nothing, when a name of theirs
        is already another known actor's (or two of them share one): then the order the
        caller lists its actors in decides, and only building it again follows that order.

        `resolver.add_known([KnownActor("Moaz al-Khatib", "person")])` -> True
        """
        actors = tuple(actors)
        claimed: dict[str, str] = {}
        for actor in actors:
            for key in self.claims(actor):
                entry = self._by_key.get(key)
                mine = _Entry(actor.name, actor.kind, actor.country, known=True)
                if entry is not None and entry.known and entry != mine:
                    return False
                if claimed.setdefault(key, actor.name) != actor.name:
                    return False
        for actor in actors:
            entry, displaced = self._learn(actor)
            remaining = set(self._by_key.values()) if displaced else set()
            for old in displaced - remaining:
                self._unindex(old)
            self._index(entry)
        self.known += actors
        return True

    def patterns(self, nlp: Language) -> list[dict]:
        """EntityRuler patterns for every gazetteer and known name."""
        seen: set[tuple[str, str]] = set()
        out = []
        for name, entry in self._aliases:
            for alias in _spellings(name):
                if (alias, entry.name) not in seen:
                    seen.add((alias, entry.name))
                    out += _patterns_for(alias, entry, nlp)
        return out

    # -- one doc ---------------------------------------------------------------

    def resolve(self, doc: Doc, on: datetime.date | None = None) -> list[ResolvedActor]:
        """Every actor and place mention of `doc`, in text order, canonical.

        `on` is the day the text speaks of (its publication date): "the US secretary of
        state" is whoever held the office that day.
        """
        self._day = on
        spans = []
        for ent in doc.ents:
            if ent.label_ in _ACTOR_LABELS:
                span = _clean(ent)
                if span is not None:
                    via = VIA_RULER if ent.ent_id_ else VIA_NER
                    spans += [
                        (piece, via)
                        for part in _split_at_headline_verb(span)
                        for piece in _split_at_commas(part)
                    ]
        spans += [(span, VIA_NER) for span in _titled_untagged_names(doc)]
        spans += [(span, VIA_NER) for span in _speakers_mistagged(doc)]
        spans = [(part, via) for span, via in spans for part in self._pair_of_names(span)]
        spans.sort(key=lambda item: item[0].start)
        people = _DocPeople()
        for span, via in spans:  # first pass: full names, so "Lavrov" finds "Sergey Lavrov"
            if span.label_ == "PERSON" and len(span) > 1:
                self._person(span, via, people, register_only=True)
        out: list[ResolvedActor] = []
        for span, via in spans:
            actor = self._resolve_span(span, via, people)
            if actor is not None:
                out.append(actor)
        out = _formal_governments(doc, out)
        out += _unmarked_surnames(doc, out, people)
        out += self._untagged_known_surnames(doc, out)
        out += self._untagged_group_words(doc, out)
        out += self._named_beside_a_person(doc, out, people)
        out += self._shared_country_words(doc, out)
        out = _two_states_of_a_name(doc, out)
        out = _short_names(doc, out)
        out += self._pronouns(doc, out)
        out += _it(doc, out)
        # "political analyst Glen Mpani told reporter Blessing Zulu": commentators and the
        # press speak about the process, they take no part in it
        onlookers = {a.name for a in out if a.kind == PERSON and _onlooker(doc, a)}
        out = [a for a in out if a.name not in onlookers]
        focus = focus_country(out, doc)
        for person, state in _leaders_states(out, doc, focus):
            out.remove(person)
            if state is not None:
                out.append(state)
        out = _ministries(doc, out, focus)
        states = _governments(doc, out, focus)
        # "Yemen" in "Yemen's government delegation" says whose government it is.
        out = [a for a in out if not any(g.i <= a.i < g.j for g in states)] + states
        collectives = _collectives(doc, out, focus, on)
        # "Yemen" in "Yemen's warring parties" names whose parties they are.
        out = [a for a in out if not any(c.i <= a.i < c.j for c in collectives)] + collectives
        if on is not None:
            out = self._offices(doc, out, on, focus)
        out += _definite_references(doc, out)
        out += _titled_references(doc, out)
        out += _they(doc, out)
        out += _the_two(doc, out)
        out = _owners_of_their_groups_dropped(doc, out)
        out.sort(key=lambda a: a.i)
        return _acronyms(doc, _nicknamed(doc, out))

    def _shared_country_words(self, doc: Doc, found: list[ResolvedActor]) -> list[ResolvedActor]:
        """ "the leaders of North and South Korea": "North" shares "Korea" with the country
        named after it, and names a country of its own."""
        out = []
        for a in found:
            if (
                a.kind != COUNTRY
                or a.i < 2
                or len(a.name.split()) < 2
                or doc[a.i - 1].lower_ != "and"
            ):
                continue
            word = doc[a.i - 2]
            if (
                not word.is_title
                or word.lower_ == doc[a.i].lower_
                or word.ent_type_ not in ("", "GPE", "LOC")
            ):
                continue
            entry = self._by_key.get(
                actor_key(" ".join([word.text, *doc[a.i + 1 : a.j].text.split()]))
            )
            if entry is not None and entry.kind == COUNTRY and entry.name != a.name:
                out.append(
                    ResolvedActor(
                        entry.name,
                        COUNTRY,
                        None,
                        word.text,
                        word.idx,
                        word.idx + len(word.text),
                        word.i,
                        word.i + 1,
                        VIA_NER,
                    )
                )
        return out

    # -- offices ---------------------------------------------------------------

    def _affiliation(self, token: Token) -> str | None:
        """The country or body a token names: "Russian", "Russia's", "UN", "U.N.'s"."""
        text = token.text
        if token.lower_ in _DEMONYMS:
            return _DEMONYMS[token.lower_]
        ent = _entity_span(token)
        for candidate in ((ent.text,) if ent is not None else ()) + (text,):
            entry = self._by_key.get(actor_key(candidate))
            if entry is None:
                continue
            if entry.kind in (COUNTRY, ORGANIZATION, GROUP):
                return entry.name
            if entry.kind == PLACE and entry.country:
                return entry.country
        return None

    def _offices(
        self, doc: Doc, found: list[ResolvedActor], on: datetime.date, focus: str | None
    ) -> list[ResolvedActor]:
        """ "the Kazakh Foreign Minister", "Russia's top diplomat", "the UN envoy", "the
        secretary-general": the person holding the office on `on`, or the one the text
        introduced with that title ("UN special envoy Martin Griffiths ... the envoy")."""
        people = [a for a in found if a.kind == PERSON]
        titled = [(a.i, canonical_role(role_of(a.title.split())), a) for a in people if a.title]
        titled += _posts_taken(doc, people)
        named = {t for a in people for t in range(a.i, a.j)}
        offices: list[ResolvedActor] = []
        covered: set[int] = set()
        affiliations: set[int] = set()
        for token in _of_pos(doc, NOUN, PROPN):
            if token.dep_ in ("compound", "amod") or token.i in named or token.i in covered:
                continue
            if token.dep_ == "nmod" and token.head.i in named:
                continue  # "Secretary of State Antony Blinken": his title, no other holder
            if _of_a_named_post(token, named):
                continue  # "Special Representative of the UN Secretary-General ... Williams"
            if token.tag_ in ("NNS", "NNPS"):
                # "the Russian and Ukrainian foreign ministers": each country's, or the
                # country itself where the table knows no holder; "the Algerian and Tunisian
                # borders" are places, nobody's acts.
                bodies = _conjoined_affiliations(token) if _acts_for_a_state(token) else []
                for body in bodies:
                    if token.lemma_.lower() == "counterpart":
                        # "had conversations with the French, Russian and Ukrainian counterparts"
                        office = self._counterpart(token, people, on, body=body)
                    else:
                        office = self._office_at(
                            token, named, titled, on, focus, body=body, people=people
                        )
                    if office is None:
                        country = _DEMONYMS[body.lower_]
                        office = ResolvedActor(
                            country, COUNTRY, None, body.text, body.idx,
                            body.idx + len(body.text), body.i, body.i + 1, VIA_DEMONYM,
                        )  # fmt: skip
                    offices.append(office)
                    covered.update(range(office.i, office.j))
                continue
            if token.lower_ in ROLE_HEADS and _titles_a_name(token, named):
                # "Vitaly Churkin, Russia's permanent representative": Russia is his (and
                # the UN in "Lakhdar Brahimi, the Joint UN-Arab League Envoy", however parsed).
                affiliations.update(
                    t.i
                    for c in token.lefts
                    if c.dep_ in ("poss", "compound", "nmod", "amod")
                    for t in c.subtree
                )
                affiliations.update(
                    g.i
                    for p in token.rights
                    if p.dep_ == "prep" and p.lower_ == "to"
                    for g in p.subtree
                )
                continue
            office = self._office_at(token, named, titled, on, focus, people=people)
            if office is None and token.lemma_.lower() == "counterpart":
                office = self._counterpart(token, people, on)
            if office is not None:
                offices.append(office)
                covered.update(range(office.i, office.j))
        # "Russia" in "Russia's foreign minister" names the office, not a party.
        return [
            a
            for a in found
            if not any(o.i <= a.i < o.j for o in offices) and a.i not in affiliations
        ] + offices

    def _counterpart(
        self, head: Token, people: list[ResolvedActor], on, body: Token | None = None
    ) -> ResolvedActor | None:
        """ "Lavrov met his Turkish counterpart": whoever held Lavrov's office for Turkey;
        `body` says which country's when a plural names several."""
        words = [body] if body is not None else head.lefts
        bodies = [self._affiliation(c) for c in words if c.dep_ in ("amod", "compound", "conj")]
        body = next((b for b in bodies if b), None)
        before = [a for a in people if head.sent.start <= a.i and a.j <= head.i]
        if body is None or not before:
            return None
        person = before[-1]
        role = canonical_role(role_of(person.title.split())) if person.title else ""
        if not role:
            held = [o for o in self.offices.holders() if o.holder == person.name and o.held_on(on)]
            role = held[0].role if len(held) == 1 else ""
        term = self.offices.holder(role, body, "", on) if role else None
        if term is None or term.holder == person.name:
            return None
        return self._office_actor(head, term.holder, term.holder_country, role)

    def _office_at(
        self, head: Token, named, titled, on, focus, body: Token | None = None, people=()
    ) -> ResolvedActor | None:
        """The holder of the office `head` names; `body` is the word saying whose it is when
        a plural names several ("the Russian and Turkish presidents")."""
        word = head.lower_ if body is None else head.lemma_.lower()
        if word not in ROLE_HEADS:
            return None
        modifiers = [c for c in head.lefts if c.dep_ in ("compound", "amod", "poss", "nmod")]
        words = [t.lower_ for m in modifiers for t in m.subtree if t.dep_ != "case"]
        preps = [c for c in head.rights if c.dep_ == "prep" and c.lower_ in ("of", "to", "for")]
        objects = [g for p in preps for g in p.children if g.dep_ == "pobj"]
        # "secretary of state", "envoy to Syria": the preposition and its object's own words.
        words += [word] + [p.lower_ for p in preps]
        words += [t.lower_ for g in objects for t in g.lefts if t.dep_ == "compound"]
        words += [g.lower_ for g in objects]
        if head.lower_ == "representative" and "special" not in words:
            return None  # "the legitimate representative of Syrians" is no envoy
        role = role_of(words)
        if not role and _NEWLY & set(words) and body is None:
            # "the new prime minister": no holder the table knows, but the one the text has
            # just given the post ("selected as interim prime minister"), if any
            role = role_of([w for w in words if w not in _NEWLY])
            taken = [a for i, r, a in titled if i < head.i and role and r == canonical_role(role)]
            if not taken or any(t.i in named for m in modifiers for t in m.subtree):
                return None
            return self._office_actor(head, taken[-1].name, taken[-1].country, role)
        if not role and _FORMER & set(words) and body is None:
            return self._former_holder(head, words, modifiers, objects, people, on)
        if not role or any(t.i in named for m in modifiers for t in m.subtree):
            return None
        if any(c.lower_ in ("a", "an", "any", "another", "every") for c in head.lefts):
            return None
        bodies = [self._affiliation(t) for m in modifiers for t in m.subtree]
        if body is not None:
            bodies = [self._affiliation(body)]
        topics = [self._affiliation(g) for g in objects]
        body = next((b for b in bodies if b), None)
        topic = next((t for t in topics if t), "") if role in ("envoy", "chief") else ""
        if role == "ambassador":
            to_un = "United Nations" in bodies or "United Nations" in topics
            country = next((b for b in bodies if b and b != "United Nations"), None)
            if not (to_un and country):
                return None
            role, body = "un ambassador", country
        elif (
            body is None
            and role in ("chief", "president", "leader", "secretary-general")
            and topics
        ):
            # "the head of the Arab League", "president of Syria", "the secretary-general of
            # the United Nations"
            body, topic = topics[0], ""
        if body is None:
            # "the envoy", "the secretary-general": the one the text has named, else the
            # office's usual body ("the secretary of state" is American).
            earlier = [a for i, r, a in titled if i < head.i and r == canonical_role(role)]
            if earlier:
                # of those, the one the text spoke of last: "Ukrainian President Poroshenko
                # ... Russian President Putin ... Poroshenko instructed ... The president"
                holders = {a.name for a in earlier}
                last = max(
                    (a for a in people if a.name in holders and a.i < head.i),
                    key=lambda a: a.i,
                    default=earlier[-1],
                )
                return self._office_actor(head, last.name, last.country, role)
            if any(g.lemma_.lower() in BODY_NOUNS for g in objects):
                return None  # "the general secretary of the oil-rich bloc": not the UN's
            body = DEFAULT_BODY.get(role)
            if body is None:
                return None
        if role == "envoy" and not topic and body == "United Nations":
            topic = focus or ""
        term = self.offices.holder(role, body, topic, on)
        if (
            term is None
            and role == "envoy"
            and not topic
            and any(m.dep_ == "compound" and m.pos_ == "PROPN" for m in modifiers)
        ):
            # "Syria envoy resigns", "the Yemen mediator": the UN's envoy for that country
            # (not "Syria's envoy", its own)
            term = self.offices.holder(role, DEFAULT_BODY[role], body, on)
        if term is None:
            return None
        return self._office_actor(head, term.holder, term.holder_country, role)

    def _former_holder(self, head, words, modifiers, objects, people, on):
        """ "Kofi Annan ... The former UN secretary general will brief the Council": one who
        held the office before `on` and whom the text has already named, if only one."""
        role = canonical_role(role_of([w for w in words if w not in _FORMER]))
        body = next(
            (
                b
                for b in [self._affiliation(t) for m in modifiers for t in m.subtree]
                + [self._affiliation(g) for g in objects]
                if b
            ),
            DEFAULT_BODY.get(role),
        )
        if not role or body is None:
            return None
        named = {actor_key(a.name) for a in people if a.i < head.i}
        held = {
            o.holder
            for o in self.offices.holders()
            if o.role == role
            and o.body == body
            and o.end is not None
            and o.end < on
            and actor_key(o.holder) in named
        }
        if len(held) != 1:
            return None
        (holder,) = held
        entry = self._by_key.get(actor_key(holder))
        if entry is None:
            return self._office_actor(head, holder, None, role)
        return self._office_actor(head, entry.name, entry.country, role)

    def _office_actor(self, head: Token, name: str, country: str | None, role: str):
        doc = head.doc
        first = min([head.i] + [t.i for c in head.lefts for t in c.subtree])
        preps = [c for c in head.rights if c.dep_ == "prep" and c.lower_ in ("of", "to", "for")]
        objects = [g for p in preps for g in p.children if g.dep_ == "pobj"]
        last = max([head.i] + [g.i for g in objects])
        while first < head.i and doc[first].lower_ in ("the", "a", "an"):
            first += 1
        entry = self._by_key.get(actor_key(name))
        if entry is not None and entry.kind == PERSON:
            name, country = entry.name, entry.country or country
        span = doc[first : last + 1]
        return ResolvedActor(
            name=name,
            kind=PERSON,
            country=country,
            surface=span.text,
            start=span.start_char,
            end=span.end_char,
            i=first,
            j=last + 1,
            via=VIA_OFFICE,
            title=role,
        )

    def _resolve_span(self, span: Span, via: str, people: _DocPeople) -> ResolvedActor | None:
        label = span.label_
        entry = self._by_key.get(actor_key(span.text))
        if entry is not None and entry.kind == MEDIA or _after_media_cue(span):
            return None
        if entry is None and any(t.lower_ in _FEASTS for t in span):
            return None  # "ahead of the Eid al-Fitr holiday": a feast, whatever the model tagged
        if (
            (label == "PERSON" or entry is not None and entry.kind == PERSON)
            and span.root.dep_ in ("compound", "amod", "nmod")
            and span.root.head.is_lower
            and span.root.head.lemma_.lower() in _FORMAT_NOUNS
        ):
            return None  # "the Steinmeier formula": a name lent to a plan, known or not
        if entry is not None and entry.kind == PERSON:
            return self._person(span, via, people)
        if entry is not None and entry.kind in (COUNTRY, ORGANIZATION, GROUP):
            before = span.doc[span.start - 1] if span.start > 0 else None
            if before is not None and (
                before.lower_ in _REGION_WORDS or before.text in _REGION_NAMES
            ):
                return None  # "Latin America", "North Korea" read as "America", "Korea"
            if entry.kind == COUNTRY and span.text.lower() in _DEMONYMS:
                return None  # a demonym entered as an alias by a curator
            if via == VIA_RULER and not any(t.is_title or t.is_upper for t in span):
                return None  # "a national coalition government" is no Syrian National Coalition
            if _modifies_title(span) or _modifies_person(span) or _owns_media(span):
                return None  # "US" in "US Vice-President Joe Biden": an affiliation
            place = entry.kind == COUNTRY and _place_slot(span.root)
            return _actor(span, entry.name, entry.kind, entry.country, via, is_place=place)
        if entry is not None and entry.kind == PLACE:  # a seat of government
            seat = _actor_slot(span.root) or _names_state_body(span.root)
            if seat and not _modifies_title(span) and not _dateline(span):
                return _actor(span, entry.country, COUNTRY, None, VIA_METONYMY)
            return _actor(span, entry.name, PLACE, entry.country, via, is_place=True)
        if label == "NORP" or span.text.lower() in _DEMONYMS:
            voters = _voting_people(span)
            if voters is not None:
                return _actor(span, voters, COUNTRY, None, VIA_DEMONYM)
            return None  # "Syrians", "Arab", "the Syrian": a people, not an actor
        if span.text == span.text.lower():
            return None  # "congress", "the council": no name, whatever the model tagged
        after = span.doc[span.end] if span.end < len(span.doc) else None
        if (
            len(span) > 1
            and span[-1].lower_ in _DEMONYMS
            and after is not None
            and after.is_lower
            and after.pos_ == "NOUN"
        ):
            return None  # "Veteran Somali faction leader": words describing, not a name
        if len(span) == 1 and span[0].lower_ in _STATE_NOUNS:
            return None  # "Government" alone: the collectives read whose it is
        if _called_a_place(span.root):
            return _actor(span, span.text, PLACE, None, via, is_place=True)
        if (
            entry is None
            and len(span) == 1
            and span.root.dep_ in ("amod", "compound")
            and span.root.head.tag_ == "NNS"
            and span.root.head.is_lower
        ):
            return None  # "to fight Jihadi groups": a word describing them, nobody's name
        if (
            entry is None
            and len(span) == 1
            and span.root.dep_ == "compound"
            and span.root.head.is_lower
            and span.root.head.lemma_.lower() in _FORMAT_NOUNS
        ):
            return None  # "the Normandy format", "the Steinmeier formula": a name for talks
        site = _first_conjunct(span.root)
        if (
            entry is None
            and site.dep_ in ("compound", "nmod")
            and site.head.is_lower
            and site.head.lemma_.lower() in _SITE_NOUNS
        ):
            # "Ras Isa ports", tagged a person: the name of a site
            return _actor(span, span.text, PLACE, None, via, is_place=True)
        if (
            entry is None
            and label == "ORG"
            and (
                span[-1].lower_ in ROLE_HEADS | AIDES
                or all(t.lower_.rstrip(".") in _TITLE_WORDS for t in span)
            )
            and span[0].lower_ != "office"
        ):
            return None  # "National Security Advisor", "Defence" (of "Defence Minister"): a post
        if entry is None and label == "ORG" and _headline_fragment(span):
            return None  # "Warring Sides Agree To Extend Truce": a headline, no body
        if entry is None and label == "ORG" and _describes_person(span):
            return None  # "Libyan Field-Marshal Khalifa Haftar": his rank, no body
        # "AU mediator Thabo Mbeki", tagged a place: a two-word name right after a post
        titled = (
            entry is None
            and label == "GPE"
            and len(span) == 2
            and all(t.is_title for t in span)
            and span.start > 0
            and _is_title(span.doc[span.start - 1])
        )
        if (
            label == "PERSON"
            and entry is None
            and len(span) == 1
            and _first_conjunct(span.root).dep_ not in ("nsubj", "nsubjpass", "poss", "agent")
            and not _title_before(span, self._by_key)[1]
        ):
            # "rebel delegates in Goma", "nuclear projects, in particular Arak and Fordow": a
            # lone word nobody in the story or the index bears, with no title and doing
            # nothing, is no person (the model reads many towns and sites as names)
            actor = self._person(span, via, people, strict=True)
            if actor is not None:
                return actor
            root = span.root
            if root.dep_ == "pobj" and root.head.lower_ in ("in", "at"):
                return _actor(span, span.text, PLACE, None, via, is_place=True)
            return None
        # "Thabo Mbeki met Robert Mugabe", tagged a place: two capitalised words no map knows,
        # the subject of what people do
        named_like_a_person = (
            entry is None
            and label == "GPE"
            and len(span) == 2
            and all(t.is_title and t.is_alpha for t in span)
            and span.root.dep_ in ("nsubj", "nsubjpass")
            and span.root.head.lemma_.lower() in _DOING
            and coordinates(span.text) is None
        )
        if label == "PERSON" or (label in ("ORG", "GPE") and _name_words(span) <= 2):
            strict = label != "PERSON" and not titled and not named_like_a_person
            actor = self._person(span, via, people, strict=strict)
            if actor is not None or label == "PERSON" or named_like_a_person:
                return actor
        if _is_junk(span, sentence_initial_ok=label != "ORG"):
            return None
        if label in ("GPE", "LOC", "FAC"):
            return _actor(span, span.text, PLACE, None, via, is_place=True)
        if label == "ORG":
            if (
                len(span) == 1
                and span.start > 1
                and span.doc[span.start - 1].lower_ == "of"
                and _is_title(span.doc[span.start - 2])
            ):
                return None  # "Undersecretary of State": the rest of a title, not a body
            if span[-1].lower_ in _DOCUMENT_WORDS:
                return None  # "the Libyan Political Agreement", "the Arab Action Plan"
            if (
                len(span) == 1
                and span.root.dep_ == "pobj"
                and span.root.head.lower_ in ("in", "at")
            ):
                # "met in Montreux": a one-word name nobody knows, where things happen
                return _actor(span, span.text, PLACE, None, via, is_place=True)
            if _modifies_title(span):
                return None  # "Palestinian Authority President Mahmoud Abbas": his post
            owned = self._owned_body(span)
            if owned is not None:
                return _actor(span, owned.name, owned.kind, owned.country, via)
            return _actor(span, span.text, ORGANIZATION, None, via)
        return None

    def _owned_body(self, span: Span) -> _Entry | None:
        """ "Syria's opposition National Council": the one known body of the country named
        before it whose name ends in these words (the Syrian National Council)."""
        doc = span.doc
        k = span.start - 1
        while k >= 0 and doc[k].is_lower and doc[k].pos_ in ("NOUN", "ADJ"):
            k -= 1  # "opposition", "main"
        if k < 1 or doc[k].lower_ not in ("'s", "’s"):
            return None
        owner = self._by_key.get(actor_key(doc[k - 1].text))
        if owner is None or owner.kind != COUNTRY:
            return None
        words = span.text.lower().split()
        found = {
            e.name: e
            for e in self._by_key.values()
            if e.kind in (ORGANIZATION, GROUP)
            and e.country == owner.name
            and len(e.name.split()) > len(words)
            and e.name.lower().split()[-len(words) :] == words
        }
        return next(iter(found.values())) if len(found) == 1 else None

    def _person(
        self,
        span: Span,
        via: str,
        people: _DocPeople,
        register_only: bool = False,
        strict: bool = False,
    ) -> ResolvedActor | None:
        """A person by full name, or by surname via this doc's full names or the index.

        `strict`: the entity was not tagged PERSON ("Al-Khatib" as ORG), so only a
        name the doc or the index already knows makes it a person.
        """
        key = actor_key(span.text)
        words = key.split()
        if not words or (register_only and len(words) < 2):
            return None
        entry = self._by_key.get(key)
        if entry is not None and entry.kind != PERSON:
            entry = None
        if entry is None and len(words) >= 2:
            entry = self._known_person(words)
        if len(words) >= 2:
            if entry is not None:
                name, country = people.add(key, entry.name, fixed=True), entry.country
            elif strict:
                name, country = people.by_key.get(key), None
                if name is None:
                    return None
            else:
                name, country = people.add(key, span.text), None
        elif entry is not None:
            name, country = entry.name, entry.country
        else:
            # "Ban" after "Ban Ki-moon", "Xi" after "Xi Jinping": a family name written first.
            name = people.by_surname.get(words[0]) or people.by_first.get(words[0])
            country = None
            via = VIA_SURNAME
            if name is None and (group := self._group_named_by(span)) is not None:
                return _actor(span, group.name, group.kind, group.country, VIA_NER)
            if name is None and (held := self._titled_holder(span, words[0])) is not None:
                name, country = held.holder, held.holder_country
            if name is None:
                candidates = self._surnames.get(words[0], ())
                if len(candidates) > 1 and self._day is not None:
                    # "Clinton" in 2012 is the one of the Clintons in office that day
                    serving = {o.holder for o in self.offices.holders() if o.held_on(self._day)}
                    candidates = [c for c in candidates if c.name in serving] or candidates
                if len(candidates) == 1:
                    (entry,) = candidates
                    name, country = entry.name, entry.country
                elif strict or _is_junk(span):
                    return None
                else:
                    name, via = people.add_surname(words[0], span.text), VIA_NER
        if register_only:
            return None
        affiliation, title = _title_before(span, self._by_key)
        country = affiliation or country or people.country.get(name)
        if country:
            people.country.setdefault(name, country)
        return _actor(span, name, PERSON, country, via, title=title)

    def _titled_holder(self, span: Span, surname: str):
        """ "President Clinton" in August 2000 is Bill Clinton: the one holder, that day, of an
        office the title before a lone surname names, whose name ends so."""
        _, title = _title_before(span, self._by_key)
        role = canonical_role(role_of(title.lower().split())) if title else ""
        if not role or self._day is None:
            return None
        held = {
            o.holder: o
            for o in self.offices.holders()
            if o.role == role
            and o.held_on(self._day)
            and actor_key(o.holder).split()[-1] == surname
        }
        return next(iter(held.values())) if len(held) == 1 else None

    def _untagged_known_surnames(self, doc: Doc, found: list[ResolvedActor]) -> list:
        """ "Lavrov met Kerry in Sochi": the model tags no entity on "Lavrov", but one known
        person has that surname and the word is a proper noun doing or undergoing the act."""
        taken = {i for a in found for i in range(a.i, a.j)}
        out = []
        for token in _of_pos(doc, PROPN):
            if token.i in taken or token.ent_type_:
                continue
            if not token.is_title or token.dep_ not in {"nsubj", "nsubjpass", "dobj", "conj"}:
                continue
            candidates = self._surnames.get(actor_key(token.text), ())
            if len(candidates) != 1:
                continue
            (entry,) = candidates
            if entry.kind != PERSON:
                continue
            given = [c for c in token.lefts if c.dep_ == "compound" and c.is_title]
            if any(actor_key(c.text) not in actor_key(entry.name).split() for c in given):
                continue  # "Abiy Ahmed" is no Ismail Ould Cheikh Ahmed
            span = doc[token.i : token.i + 1]
            out.append(_actor(span, entry.name, PERSON, entry.country, VIA_SURNAME))
        return out

    def _named_beside_a_person(self, doc: Doc, found: list[ResolvedActor], people) -> list:
        """ "Kenyatta and Obasanjo will meet", "Abbas and Benjamin Netanyahu met": a lone
        capitalised word opening the sentence as the subject joined to a person is a person
        too (the one of that surname the index knows, if one), though the model left it
        untagged or a lone name opening a sentence is otherwise taken for noise."""
        taken = {i for a in found for i in range(a.i, a.j)}
        persons = {i for a in found if a.kind == PERSON and not a.is_place for i in range(a.i, a.j)}
        out = []
        for token in _titled(doc):
            if (
                token.i in taken
                or token.ent_type_ not in ("", "PERSON")
                or token.tag_ != "NNP"
                or len(token) < 3
                or token.dep_ not in ("nsubj", "nsubjpass")
                or not (token.is_sent_start or token.i == 0)
                or not any(c.dep_ == "conj" and c.i in persons for c in token.children)
            ):
                continue
            key = actor_key(token.text)
            known = [e for e in self._surnames.get(key, ()) if e.kind == PERSON]
            if len(known) == 1:
                name, country = known[0].name, known[0].country
            else:
                name, country = people.add_surname(key, token.text), None
            span = doc[token.i : token.i + 1]
            out.append(_actor(span, name, PERSON, country, VIA_NER))
        return out

    def _pair_of_names(self, span: Span) -> list[Span]:
        """ "Kiir and Machar", tagged one organisation: two surnames joined by "and", of which
        one is a person's the story names in full or the index knows, are two people."""
        doc = span.doc
        if (
            span.label_ not in ("ORG", "PERSON")
            or len(span) != 3
            or span[1].lower_ != "and"
            or not (span[0].is_title and span[2].is_title)
        ):
            return [span]
        surnames = {actor_key(e[-1].text) for e in doc.ents if e.label_ == "PERSON" and len(e) > 1}
        keys = [actor_key(span[0].text), actor_key(span[2].text)]
        if not any(k in surnames or k in self._surnames for k in keys):
            return [span]
        return [
            Span(doc, span.start, span.start + 1, label="PERSON"),
            Span(doc, span.end - 1, span.end, label="PERSON"),
        ]

    def _untagged_group_words(self, doc: Doc, found: list[ResolvedActor]) -> list:
        """ "Houthi forces began to withdraw": the model tags nothing, but the capitalised word
        before the common noun names a movement the index knows."""
        taken = {i for a in found for i in range(a.i, a.j)}
        out = []
        for token in _titled(doc):
            if token.i in taken or token.ent_type_ not in ("", "NORP"):
                continue
            span = doc[token.i : token.i + 1]
            entry = self._group_named_by(span)
            if entry is not None:
                out.append(_actor(span, entry.name, entry.kind, entry.country, VIA_NER))
        return out

    def _group_named_by(self, span: Span) -> _Entry | None:
        """ "the Houthi delegation", "the Houthi group": a word before a common noun that
        names a movement ("Houthis") is the movement, not a man whose surname it is."""
        root = span.root
        if (
            len(span) != 1
            or root.dep_ not in {"compound", "amod", "nmod"}
            or root.head.pos_ != "NOUN"
        ):
            return None
        key = actor_key(span.text)
        for candidate in (key, key + "s", key + " movement"):
            entry = self._by_key.get(candidate)
            if entry is not None and entry.kind in {GROUP, ORGANIZATION}:
                return entry
        return None

    def _known_person(self, words: list[str]) -> _Entry | None:
        """The known person whose name is a part of this one or the reverse, same surname;
        or whose name holds this one as consecutive words: "Ould Cheikh" is Ismail Ould
        Cheikh Ahmed."""
        mine = set(words)
        for entry in self._surnames.get(words[-1], ()):
            theirs = set(actor_key(entry.name).split())
            if mine <= theirs or theirs <= mine:
                return entry
        found = {
            entry
            for entry in self._by_part.get(words[0], ())
            if _contains_run(actor_key(entry.name).split(), words)
        }
        return found.pop() if len(found) == 1 else None

    def _pronouns(self, doc: Doc, found: list[ResolvedActor]) -> list[ResolvedActor]:
        """ "he said", "she told": the latest speaker, else the latest subject person."""
        persons = [a for a in found if a.kind == PERSON]
        if not persons:
            return []
        women = {a.name for a in persons if is_woman(a, doc)}
        out = []
        for token in _among(doc, ("he", "she")):
            if token.dep_ != "nsubj":
                continue
            verb = token.head
            if verb.i < token.i:
                continue
            if verb.lemma_ not in REPORTING_VERBS:
                # "Kiir signed the deal nine days after he refused to sign it": the one person
                # who is the subject of the clause the pronoun's clause hangs on
                subject = _governing_subject(token, persons)
                if subject is not None and (token.lower_ == "she") == (subject.name in women):
                    out.append(_as_pronoun(subject, token))
                    continue
                # "Ban invited Iran ... But he withdrew it a day later": the subject of the
                # sentence before goes on being its subject.
                subject = _previous_subject(doc, token, persons)
                if subject is not None and (token.lower_ == "she") == (subject.name in women):
                    out.append(_as_pronoun(subject, token))
                continue
            # "Garcia was more cautious. 'We have not yet signed,' he said": the one the
            # sentence before was about, whoever spoke last
            subject = _previous_subject(doc, token, persons)
            if subject is not None and (token.lower_ == "she") == (subject.name in women):
                out.append(_as_pronoun(subject, token))
                continue
            before = [a for a in persons if token.i - _PRONOUN_WINDOW <= a.i < token.i]
            # "she said" is never the man named last: Merkel, not Putin.
            if token.lower_ == "she":
                before = [a for a in before if a.name in women]
            else:
                before = [a for a in before if a.name not in women]
            if not before:
                continue
            antecedent = next(
                (a for a in reversed(before) if _is_speaker(doc[a.i : a.j])),
                None,
            ) or next(
                (a for a in reversed(before) if doc[a.i : a.j].root.dep_ == "nsubj"),
                before[-1],
            )
            out.append(_as_pronoun(antecedent, token))
        return out


def _it(doc: Doc, found: list[ResolvedActor]) -> list[ResolvedActor]:
    """ "The Syrian National Council has been lobbying for intervention. It said it would
    unveil its own report": a sentence opening on "It" that says or does something is the
    body the sentence before was about (its one subject), when nobody else is named first."""
    bodies = [a for a in found if a.kind in (ORGANIZATION, COUNTRY, GROUP) and not a.is_place]
    out = []
    for token in _among(doc, ("it",)):
        if token.dep_ != "nsubj" or token.i != token.sent.start:
            continue
        verb = token.head
        if verb.pos_ != "VERB" or not (
            verb.lemma_.lower() in REPORTING_VERBS or verb.lemma_.lower() in VERBS
        ):
            continue  # "It is not clear", "It seems": no one
        sentence = token.sent
        if sentence.start == 0:
            continue
        previous = doc[sentence.start - 1].sent
        subjects = _subjects_of(previous.root, bodies)
        if len(subjects) == 1 and not any(
            a.kind == PERSON
            and previous.start <= a.i < previous.end
            and doc[a.i : a.j].root.dep_ in ("nsubj", "nsubjpass")
            for a in found
        ):
            out.append(_pointed_at(next(iter(subjects.values())), token))
    return out


# "the two men", "both leaders": people a pair of names before stands for
_PAIR_NOUNS = frozenset(["man", "leader", "president", "minister", "diplomat", "envoy", "woman"])
_PAIR_WORDS = frozenset(
    ["two", "pair", "men", "women", "leaders", "presidents", "ministers", "diplomats", "envoys"]
)


def _the_two(doc: Doc, found: list[ResolvedActor]) -> list[ResolvedActor]:
    """ "Leon met Abu Sahmain in Tripoli. The two had last met in Ankara": "the two", "the
    two men", "the pair", "both leaders" as a subject are the two people named last, in the
    sentence before or earlier in their own, where no subject named them together (see
    _they)."""
    persons = [a for a in found if a.kind == PERSON and not a.is_place]
    if len(persons) < 2:
        return []
    taken = {a.i for a in found}
    out = []
    for token in _among(doc, _PAIR_WORDS):
        if token.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if any(t.i in taken for t in token.subtree):
            continue  # named together before, as "they" reads them (see _they)
        lemma, children = token.lemma_.lower(), list(token.children)
        the = any(c.dep_ == "det" and c.lower_ == "the" for c in children)
        both = any(c.lower_ == "both" and c.dep_ in ("det", "predet") for c in children)
        pair = (
            (token.lower_ == "two" and the)
            or (lemma == "pair" and the)
            or (
                lemma in _PAIR_NOUNS
                and token.tag_ == "NNS"
                and (both or (the and any(c.lower_ == "two" for c in children)))
            )
        )
        if not pair or token.sent.start == 0:
            continue
        start = doc[token.sent.start - 1].sent.start
        named = []
        for a in sorted(persons, key=lambda a: -a.i):
            if start <= a.i < token.i and a.name not in {n.name for n in named}:
                named.append(a)
        if len(named) >= 2:
            out += [_pointed_at(a, token) for a in reversed(named[:2])]
    return out


def _governing_subject(pronoun, persons) -> ResolvedActor | None:
    """The person named as subject of the verb that `pronoun`'s adverbial clause ("after he
    refused", "when she arrived") hangs on, before the pronoun."""
    verb = pronoun.head
    if verb.dep_ != "advcl" or not any(c.dep_ == "mark" for c in verb.children):
        return None
    subjects = _subjects_of(verb.head, [a for a in persons if a.i < pronoun.i])
    return next(iter(subjects.values())) if len(subjects) == 1 else None


def _subjects_of(verb, actors) -> dict[str, ResolvedActor]:
    """The actors named as the subject of `verb`, by name."""
    doc = verb.doc
    return {
        a.name: a
        for a in actors
        if doc[a.i : a.j].root.dep_ in ("nsubj", "nsubjpass")
        and doc[a.i : a.j].root.head.i == verb.i
    }


def _previous_subject(doc: Doc, pronoun, persons) -> ResolvedActor | None:
    """The person who is the subject of the sentence before `pronoun`'s, when the pronoun
    opens its own sentence's subject and nobody else is named in between."""
    sentence = pronoun.sent
    if sentence.start == 0 or any(a.i < pronoun.i and a.i >= sentence.start for a in persons):
        return None
    previous = doc[sentence.start - 1].sent
    subjects = [
        a
        for a in persons
        if previous.start <= a.i < previous.end
        and doc[a.i : a.j].root.dep_ in ("nsubj", "nsubjpass")
        and doc[a.i : a.j].root.head.i == previous.root.i
    ]
    others = [a for a in persons if previous.start <= a.i < previous.end]
    if len(subjects) != 1 or len({a.name for a in others}) != 1:
        return None
    return subjects[0]


def _pointed_at(antecedent: ResolvedActor, token) -> ResolvedActor:
    """`antecedent` again, at the pronoun `token` that points back to it."""
    return dataclasses.replace(
        antecedent,
        surface=token.text,
        start=token.idx,
        end=token.idx + len(token),
        i=token.i,
        j=token.i + 1,
        via=VIA_PRONOUN,
    )


def _as_pronoun(antecedent: ResolvedActor, token) -> ResolvedActor:
    person = dataclasses.replace(antecedent, kind=PERSON, is_place=False, title="")
    return _pointed_at(person, token)


def _names_a_document(doc: Doc, actor: ResolvedActor) -> bool:
    """ "the Comprehensive Agreement on the Bangsamoro (CAB)": an acronym in brackets after a
    document's title names the document, here and wherever the story uses it again."""
    k = actor.i
    if not (
        actor.j - k == 1
        and actor.surface.isupper()
        and k >= 2
        and doc[k - 1].text == "("
        and actor.j < len(doc)
        and doc[actor.j].text == ")"
    ):
        return False
    for token in reversed(doc[max(0, k - 10) : k - 1]):
        if not (token.is_title or token.lower_ in ("on", "of", "for", "the", "and", "between")):
            return False
        if token.lower_ in _DOCUMENT_WORDS:
            return True
    return False


def _acronyms(doc: Doc, found: list[ResolvedActor]) -> list[ResolvedActor]:
    """ "the Redeployment Coordination Committee (RCC) ... the RCC": an acronym in brackets
    after a body's name is that body, there and wherever the story uses it again."""
    documents = {a.surface for a in found if _names_a_document(doc, a)}
    found = [a for a in found if not (a.surface in documents and a.name == a.surface)]
    named: dict[str, ResolvedActor] = {}
    for actor, after in itertools.pairwise(found):
        between = doc[actor.j : after.i].text.strip()
        if (
            between == "("
            and after.j - after.i == 1
            and after.surface.isupper()
            and after.name != actor.name
            and _stands_for(actor, after.surface)
        ):
            named[after.surface] = actor
    for actor in found:
        # "the Intergovernmental Authority on Development (IGAD)", the acronym no entity
        k = actor.j
        if (
            k + 2 < len(doc)
            and doc[k].text == "("
            and doc[k + 2].text == ")"
            and doc[k + 1].text.isupper()
            and _stands_for(actor, doc[k + 1].text)
        ):
            named.setdefault(doc[k + 1].text, actor)
    if not named:
        return found
    return [
        dataclasses.replace(
            a,
            name=named[a.surface].name,
            kind=named[a.surface].kind,
            country=named[a.surface].country,
        )  # fmt: skip
        if a.surface in named and a.name == a.surface
        else a
        for a in found
    ]


# Nouns for a body, which an office "of" them belongs to, whichever it is.
BODY_NOUNS = frozenset(
    ["bloc", "alliance", "organisation", "organization", "union", "league", "group"]
    + ["council", "movement", "party", "commission", "committee", "body", "grouping"]
)


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def _stands_for(actor: ResolvedActor, acronym: str) -> bool:
    """Whether an acronym in brackets after `actor` is its short name: a body's starts as
    its name does ("the Intergovernmental Authority on Development (IGAD)"); a country's
    is its initials ("the Central African Republic (CAR)", not "Russia (RIA)")."""
    if actor.kind in (ORGANIZATION, GROUP):
        return _initials(actor.surface).startswith(acronym[:1])
    return actor.kind == COUNTRY and _initials(actor.surface) == acronym


def _nicknamed(doc: Doc, found: list[ResolvedActor]) -> list[ResolvedActor]:
    """'Rodrigo "Timochenko" Londono': the given name before a quoted nickname is the man
    the nickname names, not a person called "Rodrigo"."""
    out = list(found)
    for n, (first, nick) in enumerate(itertools.pairwise(found)):
        between = doc[first.j : nick.i]
        # ('Timoleon "Timochenko" Jimenez': a given name the model took for a body, before
        # the nickname of a man the table knows)
        given = first.kind == PERSON and nick.name.split()[0] == first.surface
        given = given or (first.via == VIA_NER and nick.via != VIA_NER and first.surface.istitle())
        if (
            nick.kind == PERSON
            and first.j - first.i == 1
            and all(t.is_quote for t in between)
            and len(between) >= 1
            and given
        ):
            out[n] = dataclasses.replace(first, name=nick.name, kind=PERSON, country=nick.country)
    return out


def _unmarked_surnames(doc: Doc, found: list[ResolvedActor], people) -> list[ResolvedActor]:
    """ "Mood is expected to brief the Council": the model tags no name, but "Mood" is the
    surname of General Robert Mood, named earlier. Only after the full name, capitalised."""
    taken = {i for a in found for i in range(a.i, a.j)}
    first_at = {}
    for a in found:
        if a.kind == PERSON:
            first_at.setdefault(a.name, a.i)
    out = []
    for token in _titled(doc):
        if token.i in taken or len(token) < 3 or token.ent_type_:
            continue
        key = actor_key(token.text)
        name = people.by_surname.get(key)
        first = people.by_first.get(key)
        if name is None and first is not None and "-" in first.split()[-1]:
            name = first  # "Ban" after "Ban Ki-moon": the family name comes first
        if (
            name is None
            and first is not None
            and token.tag_ == "NNP"
            and token.dep_ in ("nsubj", "nsubjpass", "conj", "dobj", "pobj")
            and (token.dep_ == "nsubj" or not token.is_sent_start)
        ):
            name = first  # "Abiy and Afwerki signed" after "Abiy Ahmed": a given name in use
        if name is None or first_at.get(name, len(doc)) >= token.i:
            continue
        country = next((a.country for a in found if a.name == name), None)
        out.append(
            ResolvedActor(
                name,
                PERSON,
                country,
                token.text,
                token.idx,
                token.idx + len(token),
                token.i,
                token.i + 1,
                VIA_SURNAME,
            )  # fmt: skip
        )
    return out


# Names of documents the model tags as organizations: a plan, an agreement, a resolution.
_DOCUMENT_WORDS = frozenset(
    ["plan", "agreement", "accord", "accords", "communique", "declaration", "resolution"]
    + ["protocol", "memorandum", "treaty", "roadmap", "initiative", "charter", "constitution"]
)

# What a body is called for short once named: "the council" after the Security Council, "the
# bloc" after the European Union.
_SHORT_NAMES = {"bloc": "European Union", "alliance": "NATO", "organisation": None}


def _short_names(doc: Doc, found: list[ResolvedActor]) -> list[ResolvedActor]:
    """ "League" or "Council" tagged on its own after "the Arab League (Council)" is that
    body, not a new one called "League"."""
    out: list[ResolvedActor] = []
    for actor in found:
        word = actor.name.lower()
        # The model tags "League" a place as often as an organization.
        if actor.kind in (ORGANIZATION, PLACE) and " " not in word and actor.via == VIA_NER:
            match = next(
                (
                    a
                    for a in reversed(out)
                    if a.kind in (ORGANIZATION, GROUP)
                    and a.i < actor.i
                    and " " in a.name
                    and (
                        a.name.lower().split()[-1] == word
                        or word in a.surface.lower().split()
                        or (a.j < len(doc) and doc[a.j].lower_ == word)  # "Arab League Council"
                    )
                ),
                None,
            )
            if match is not None:
                actor = dataclasses.replace(
                    actor, name=match.name, kind=match.kind, country=match.country, is_place=False
                )
        elif actor.kind in (ORGANIZATION, GROUP) and " " in word and actor.via == VIA_NER:
            # "the Contact Group" after "the Trilateral Contact Group": the body named in full
            # before, by its last words
            tail = word.split()
            longer = [
                a
                for a in out
                if a.kind in (ORGANIZATION, GROUP)
                and a.i < actor.i
                and len(a.name.split()) > len(tail)
            ]
            match = _named_by_last_words(longer, tail)
            if match is not None:
                actor = dataclasses.replace(
                    actor, name=match.name, kind=match.kind, country=match.country
                )
        out.append(actor)
    return out


def _definite_references(doc: Doc, found: list[ResolvedActor]) -> list[ResolvedActor]:
    """ "the council", "the League", "the committee", "the 15-member body": the body of
    that kind the text named last ("the U.N. Security Council ... the council said")."""
    bodies = sorted((a for a in found if a.kind in (ORGANIZATION, GROUP)), key=lambda a: a.i)
    if not bodies:
        return []
    taken = {i for a in found for i in range(a.i, a.j)}
    out = []
    for token in _of_pos(doc, NOUN, PROPN):
        if token.i in taken or token.tag_ in ("NNS", "NNPS"):
            continue
        lefts = list(token.lefts)
        noun = token.lemma_.lower()
        # ("that group": the one just named, as "the group" is)
        pointing = ("the", "that") if noun in ("group", "movement") else ("the",)
        if not lefts or lefts[0].lower_ not in pointing or any(t.i in taken for t in lefts):
            continue
        earlier = [a for a in bodies if a.j <= token.i]
        # "The 5+5 Military Commission" after "the 5+5 Joint Military Commission" (untagged
        # after the numbers): the body named before, by its last words
        tail = [t.lower_ for t in doc[lefts[0].i + 1 : token.i + 1] if t.is_alpha]
        match = _named_by_last_words(earlier, tail) if len(tail) >= 2 else None
        if match is None:
            if any(t.pos_ in ("PROPN",) or t.dep_ == "poss" for t in lefts):
                continue  # "the Kremlin's council": another body
            if noun == "body" and any(t.like_num or "member" in t.lower_ for t in lefts):
                match = next((a for a in reversed(earlier) if "Council" in a.name), None)
            elif noun in _SHORT_NAMES:
                match = next((a for a in reversed(earlier) if a.name == _SHORT_NAMES[noun]), None)
            else:
                match = _named_by_last_words(earlier, [noun])
            if match is None and noun in ("group", "movement") and not lefts[1:]:
                # "after the group on Monday claimed responsibility": the armed group or
                # movement named last
                match = next((a for a in reversed(earlier) if a.kind == GROUP), None)
        if match is None:
            continue
        span = doc[lefts[0].i + 1 : token.i + 1]
        out.append(
            dataclasses.replace(
                match,
                surface=span.text,
                start=span.start_char,
                end=span.end_char,
                i=span.start,
                j=span.end,
                via=VIA_SURNAME,
                is_place=False,
            )  # fmt: skip
        )
    return out


def _titles_of(doc: Doc, person: ResolvedActor) -> set[str]:
    """The title words a person is given where named: before the name ("Secretary of State
    John Kerry") or in apposition after it ("Walid Muallem, the foreign minister,")."""
    words = set()
    k = person.i - 1
    while k >= 0 and (_is_title(doc[k]) or doc[k].lower_ in _TITLE_GLUE | _AFFILIATION_WORDS):
        words.add(doc[k].lower_.rstrip("."))
        k -= 1
    root = doc[person.j - 1]
    for appos in (c for c in root.children if c.dep_ == "appos" and c.i >= person.j):
        words |= {t.lower_.rstrip(".") for t in appos.subtree}
    return words & (_TITLE_WORDS | _AFFILIATION_WORDS)


def _titled_references(doc: Doc, found: list[ResolvedActor]) -> list[ResolvedActor]:
    """ "Secretary of State John Kerry ... the secretary said": a title alone, with "the",
    as a clause's subject, is the person last named with it."""
    people = sorted((a for a in found if a.kind == PERSON), key=lambda a: a.i)
    if not people:
        return []
    taken = {i for a in found for i in range(a.i, a.j)}
    titles: dict[int, set[str]] = {}
    starts: list[int] = []  # sentence starts, read once a title is found
    out = []
    for token in doc:
        if (
            token.i in taken
            or token.dep_ not in ("nsubj", "nsubjpass")
            or token.tag_ != "NN"
            or not _is_title(token)
        ):
            continue
        lefts = list(token.lefts)
        if not lefts or lefts[0].lower_ != "the" or lefts[-1].i != token.i - 1:
            continue  # "the secretary", "the foreign minister": the words right before it
        if any(c.dep_ in ("prep", "appos", "acl", "relcl") for c in token.rights):
            continue  # "the ambassador to Venezuela", "the foreign minister, Jan Kavan,": another
        words = {t.lower_.rstrip(".") for t in lefts[1:]}
        # named in this sentence or the three before it: further back, "the minister" is
        # more likely one the story has not named
        starts = starts or [sent.start for sent in doc.sents]
        since = starts[max(0, bisect.bisect_right(starts, token.i) - 4)]
        earlier = [a for a in people if since <= a.i and a.j <= token.i]
        for person in reversed(earlier):
            if person.i not in titles:
                titles[person.i] = _titles_of(doc, person)
            # every word of the description given to that person: "the foreign minister"
            # after "Foreign Minister Walid Muallem", not after "the Polish foreign minister"
            if token.lower_ in titles[person.i] and words <= titles[person.i]:
                out.append(
                    dataclasses.replace(
                        person,
                        surface=doc[lefts[0].i + 1 : token.i + 1].text,
                        start=doc[lefts[0].i + 1].idx,
                        end=token.idx + len(token.text),
                        i=lefts[0].i + 1,
                        j=token.i + 1,
                        via=VIA_SURNAME,
                    )
                )
                break
    return out


def _named_by_last_words(bodies: list[ResolvedActor], words: list[str]) -> ResolvedActor | None:
    """The body named last whose name ends in `words`."""
    return next(
        (a for a in reversed(bodies) if a.name.lower().split()[-len(words) :] == words), None
    )


def _they(doc: Doc, found: list[ResolvedActor]) -> list[ResolvedActor]:
    """ "The opposition delegates interrupted the ceremony when they walked out": "they" is
    the subject of the clause above it in the same sentence. "Kerry and Lavrov met on
    Thursday. They will meet again": a sentence that opens with "they" or "the two" goes on
    with the subject the sentence before named together."""
    out: list[ResolvedActor] = []
    for token in _among(doc, ("they", "two", "both", *_PAIRED)):
        if token.dep_ in ("nsubj", "nsubjpass") and _opens_with_those_named(token):
            group = _subjects_of_previous_sentence(doc, found, token)
            out += [_pointed_at(a, token) for a in group]
            continue
        if token.lower_ != "they" or token.dep_ not in ("nsubj", "nsubjpass"):
            continue
        current = token.head
        for _ in range(6):
            if current.head.i == current.i:
                break
            current = current.head
            subjects = [
                c for c in current.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < token.i
            ]
            if not subjects:
                continue
            ids = {t.i for c in subjects for t in c.subtree}
            names: dict[str, ResolvedActor] = {}
            for a in found:
                if a.i in ids and not a.is_place and a.kind != PLACE:
                    names.setdefault(a.name, a)
            out += [_pointed_at(a, token) for a in names.values()]
            break
    return out


# Plural nouns that, after "the", point back at those just named together as "they" does:
# "The government and the MILF met on Friday. On Saturday, the parties agreed ...".
_PAIRED = ("parties", "groups", "sides")


def _opens_with_those_named(token: Token) -> bool:
    """ "They", "The two", "Both", "The parties" as the first words of their sentence,
    standing alone."""
    first = token.sent.start
    before = [t.lower_ for t in token.doc[first : token.i]]
    if token.lower_ in _PAIRED and before[-1:] == ["the"] and token.tag_ == "NNS":
        before = before[:-1]  # "the parties", "the groups": as "they" is read
    elif token.lower_ in _PAIRED:
        return False
    if token.lower_ in ("they", *_PAIRED):
        # after "But", "And", or a short opener and its comma: "For one, they agreed"
        return (
            not before
            or before in (["but"], ["and"])
            or (before[-1] == "," and len(before) <= 5 and "," not in before[:-1])
        )
    return (token.lower_ == "two" and before == ["the"]) or (token.lower_ == "both" and not before)


def _subjects_of_previous_sentence(doc: Doc, found: list[ResolvedActor], token) -> list:
    """The two or more actors named together as the subject of the sentence just before
    `token`'s ("Kerry and Lavrov met"), or [] when it has no such subject."""
    if token.sent.start == 0:
        return []
    previous = doc[token.sent.start - 1].sent
    by_token = {a.j - 1: a for a in found if not a.is_place and a.kind != PLACE}
    for subject in (c for c in previous.root.children if c.dep_ in ("nsubj", "nsubjpass")):
        if subject.i not in by_token and subject.tag_ == "NNS":
            # "Government and MILF officials met ...": those whose people they are
            subject = next(
                (
                    c
                    for c in subject.lefts
                    if c.dep_ in ("nmod", "compound", "amod")
                    and c.i in by_token
                    and any(g.dep_ == "conj" for g in c.children)
                ),
                subject,
            )
        if subject.i not in by_token:
            continue
        group = _conjoined(subject, by_token)
        # every name joined in the subject is an actor: not "Russia and its allies"
        if len(group) >= 2 and len(group) == 1 + sum(t.dep_ == "conj" for t in subject.subtree):
            return group
        if len(group) == 1:
            # "Afghan officials sat down with Taliban cadres ... They agreed to meet again":
            # the subject and whom it met with
            partners = [
                by_token[t.i]
                for p in previous.root.children
                if p.dep_ == "prep" and p.lower_ == "with"
                for o in p.children
                if o.dep_ == "pobj"
                for t in o.subtree
                if t.i in by_token
            ]
            if len(partners) == 1 and partners[0].name != group[0].name:
                return group + partners
    return []


def _contains_run(words: list[str], run: list[str]) -> bool:
    """`_contains_run(["ismail", "old", "cheikh", "ahmed"], ["old", "cheikh"])` is True."""
    n = len(run)
    return any(words[k : k + n] == run for k in range(len(words) - n + 1))


class _DocPeople:
    """The people of one doc: first full form per surname is the canonical one."""

    def __init__(self):
        self.by_key: dict[str, str] = {}
        self.by_surname: dict[str, str] = {}
        self.by_first: dict[str, str] = {}
        self.country: dict[str, str] = {}

    def add(self, key: str, name: str, fixed: bool = False) -> str:
        """Register a full name; `fixed` for a known actor's canonical name."""
        if key in self.by_key:
            return self.by_key[key]
        words = key.split()
        earlier = self.by_surname.get(words[-1])
        if earlier is not None and not fixed:
            theirs = set(actor_key(earlier).split())
            if set(words) <= theirs or theirs <= set(words):
                name = earlier  # "Moaz al-Khatib" after "Ahmed Moaz al-Khatib"
        elif not fixed:
            # "Ould Cheikh" after "Ismail Ould Cheikh Ahmad"
            longer = [n for k, n in self.by_key.items() if _contains_run(k.split(), words)]
            if len(set(longer)) == 1:
                name = longer[0]
        self.by_key[key] = name
        self.by_surname.setdefault(words[-1], name)
        self.by_first.setdefault(words[0], name)
        return name

    def add_surname(self, surname: str, name: str) -> str:
        """A lone surname nobody knows: the first spelling stands for the rest."""
        return self.by_surname.setdefault(surname, name)


# --- spans and syntax -----------------------------------------------------------


_ACTOR_LABELS = frozenset(("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"))


_NAME_PARTICLES = frozenset(
    ["de", "del", "della", "di", "da", "van", "von", "der", "den", "la", "le", "al", "el"]
    + ["bin", "ibn", "bint", "abu", "ben", "dos", "das", "du", "af", "ter", "al-", "el-"]
)


def _edge_junk(token: Token) -> bool:
    """A space, bullet, quote or bracket, or any token without a letter or digit: the
    "//" of a wire's sign-off ("... Poroshenko. // BelaPAN")."""
    text = token.text
    return token.is_space or text in _EDGE_JUNK or not any(c.isalnum() for c in text)


# Prepositions, some in -ing, that open a sentence capitalised before a name.
_OPENING_PREPOSITIONS = frozenset(
    ["following", "according", "after", "before", "during", "despite", "under", "unlike"]
    + ["including", "among", "amid", "upon", "with", "without", "for", "from", "since"]
)


_NEGATING = frozenset(["non"])


def _clean(ent: Span) -> Span | None:
    """The entity without bullets, quotes, "the", titles and a trailing "'s"."""
    doc = ent.doc
    i, j = ent.start, ent.end
    while i < j and (_edge_junk(doc[i]) or doc[i].lower_ == "the"):
        i += 1
    while j > i and (_edge_junk(doc[j - 1]) or doc[j - 1].lower_ in ("'s", "’s")):
        j -= 1
    # "non-Moro leaders": those who are not the name are not it
    k = i + 1 if i + 1 < j and doc[i + 1].text == "-" else i - 1 if i > 0 else None
    if k is not None and doc[k].text == "-" and k > 0 and doc[k - 1].lower_ in _NEGATING:
        return None
    if ent.label_ == "PERSON":
        while j - i > 1 and (_is_title(doc[i]) or _headline_verb(doc[i])):
            i += 1  # "UN envoy Kofi Annan"; a headline's "Endorses Salame"
        if (
            j - i >= 2
            and j < len(doc)
            and doc[j].text == "In"
            and (j + 1 == len(doc) or not doc[j + 1].is_title)
        ):
            j += 1  # "Moon Jae In and Kim": the model leaves the name's last syllable out
        # "MILF Chairman Al Haj Murad Ebrahim", tagged "Al Haj": the untagged capitalised
        # words that go on the name are the rest of it.
        grown = 0
        while (
            j - i >= 2
            and grown < 3
            and j < len(doc)
            and doc[j].tag_ == "NNP"
            and doc[j].is_title
            and not doc[j].ent_type_
            and doc[j - 1].whitespace_
            and doc[j - 1].dep_ in ("compound", "flat")
        ):
            j, grown = j + 1, grown + 1
        # "talks with Tzipi Livni", tagged "Livni": an untagged capitalised given name the
        # parser joins to a surname tagged alone is the start of it (not "Commissioner" in
        # "Commissioner Doris Meissner", tagged whole).
        if (
            j - i == 1
            and i > 0
            and doc[i - 1].tag_ == "NNP"
            and doc[i - 1].is_title
            and not doc[i - 1].ent_type_
            and doc[i - 1].whitespace_
            and doc[i - 1].dep_ == "compound"
            and doc[i - 1].head.i == i
            and not _is_title(doc[i - 1])
        ):
            i -= 1
    # "the Shia Houthi group", "Sunni Islamist rebels": a creed describes, it does not name;
    # "Following Saleh's signature": a sentence's opening preposition is no part of one.
    while j - i > 1 and (doc[i].lower_ in _CREEDS or doc[i].lower_ in _OPENING_PREPOSITIONS):
        i += 1
    # "meet de Mistura": a lower-case word opening a name is the verb before it, not a
    # particle of the name ("de", "al-", "bin" are).
    while j - i > 1 and doc[i].is_lower and doc[i].lower_ not in _NAME_PARTICLES | {"of"}:
        i += 1
    # "the Intergovernmental Authority on Development (IGAD": an acronym's bracket that the
    # entity does not close is not part of the name.
    opened = [k for k in range(i, j) if doc[k].text == "("]
    if opened and not any(doc[k].text == ")" for k in range(opened[-1], j)):
        j = opened[-1]
    # "the Government of the": a name does not end on a function word.
    while (
        j - i > 1
        and doc[j - 1].lower_ in _TITLE_GLUE | {"and", "of", "in", "for", "to"}
        and not (ent.label_ == "PERSON" and doc[j - 1].text == "In")
    ):
        j -= 1
    if i >= j:
        return None
    if (i, j) == (ent.start, ent.end):
        return ent
    return Span(doc, i, j, label=ent.label_)


# Feasts and holy days that truces and pauses in talks are set by ("an Eid truce", "a
# Christmas ceasefire"): never an actor, whatever the model tags them.
_FEASTS = frozenset(
    ["eid", "fitr", "adha", "ramadan", "ramazan", "muharram", "ashura", "nowruz", "christmas"]
    + ["easter", "passover", "hanukkah", "diwali", "thanksgiving", "tet"]
)


# Nouns a place or a person lends a name to without acting: "the Normandy format".
_FORMAT_NOUNS = frozenset(
    ["format", "process", "formula", "framework", "mechanism", "track"]
    # "the Karabakh line of contact", "the Karabakh conflict": a place or a topic
    + ["line", "conflict", "crisis", "war", "border", "region", "zone", "frontline", "dispute"]
)


# Nouns a name before them makes a site: "Ras Isa port", "Hmeimim air base".
_SITE_NOUNS = frozenset(
    ["port", "airport", "base", "airbase", "camp", "crossing", "terminal", "refinery", "dam"]
    + ["town", "village", "city", "province", "district", "governorate", "region", "valley"]
)


def _split_at_headline_verb(span: Span) -> list[Span]:
    """ "Tillerson Meets Putin": a headline's capitalised verb inside a name the model
    tagged splits it into the two names on either side."""
    if span.label_ != "PERSON":
        return [span]
    for k in range(span.start + 1, span.end - 1):
        if _headline_verb(span.doc[k]):
            doc = span.doc
            return [
                Span(doc, span.start, k, label="PERSON"),
                Span(doc, k + 1, span.end, label="PERSON"),
            ]
    return [span]


def _split_at_commas(span: Span) -> list[Span]:
    """ "via Skype, Zakharchenko said", tagged one name: a comma inside a name the model
    tagged parts two names, each read on its own."""
    if span.label_ not in ("PERSON", "ORG") or not any(t.text == "," for t in span):
        return [span]
    if span.label_ == "ORG" and not (
        span.root.dep_ == "nsubj" and span.root.head.lemma_.lower() in REPORTING_VERBS
    ):
        return [span]  # "Goldman, Sachs & Co.": a firm's name; split only before "said"
    if span[-1].text in ("Jr.", "Jr", "Sr.", "Sr", "II", "III"):
        return [span]  # "Martin Luther King, Jr."
    doc, parts, start = span.doc, [], span.start
    for k in range(span.start, span.end + 1):
        if k == span.end or doc[k].text == ",":
            if k > start:
                parts.append(Span(doc, start, k, label=span.label_))
            start = k + 1
    return parts


def _headline_verb(token) -> bool:
    """ "UNSC Endorses Salame's Libya Roadmap": a capitalised verb of the timeline's lexicon
    in the third person, which a headline's capitals make the model take for a name."""
    word = token.lower_
    if not token.is_title or not word.endswith("s"):
        return False
    return any(stem in VERBS or stem in REPORTING_VERBS for stem in (word[:-1], word[:-2]))


_CREEDS = frozenset(["shia", "shiite", "shi'ite", "sunni", "islamist", "jihadist", "christian"])

# "the Syrian government", "Russian forces": the state acting, under its country's name.
_STATE_NOUNS = frozenset(
    [
        "government",
        "regime",
        "administration",
        "authorities",
        "army",
        "military",
        "forces",
        "troops",
        "ministry",
        "cabinet",
        "leadership",
        "officials",
        "diplomats",
        "ministers",
        "delegation",
    ]
)


# Those who speak for a side at talks: "the government delegation", "rebel negotiators".
_DELEGATION_NOUNS = frozenset(["delegation", "delegate", "negotiator", "team", "envoy"])

# Words for a government itself: "the Syrian regime", "Yemen's government".
_GOVERNMENT_NOUNS = frozenset(["government", "regime", "authorities", "administration"])
_DEMONYM_OF = {
    country: demonyms[0] for country, _a, _s, demonyms in gazetteer.COUNTRIES if demonyms
}


def government_name(country: str) -> str:
    """`government_name("Syria")` -> "Syrian government"; where the state itself is the
    party to the conflict (Ukraine against separatists), the country."""
    if country in gazetteer.CONFLICT_PARTIES.get(country, ()):
        return country
    return f"{_DEMONYM_OF.get(country, country)} government"


# "the Government of the Republic", "Government of the Federal Democratic Republic": a
# state's formal name, cut by the tagger before "of" and the country's own name.
_FORMAL_STATES = frozenset(
    ["republic", "kingdom", "state", "emirate", "federation", "commonwealth", "sultanate"]
)
_FORMAL_GOVERNMENT = re.compile(
    r"(?:the\s+)?government\s+of\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}"
    rf"(?:{'|'.join(sorted(_FORMAL_STATES))})",
    re.IGNORECASE,
)


def _formal_governments(doc: Doc, found: list[ResolvedActor]) -> list[ResolvedActor]:
    """ "the Government of the Republic of the Philippines (GPH)": that state's government,
    one actor, not a body called "Government of the Republic" beside the Philippines."""
    at = {a.i: a for a in found}
    merged: dict[int, ResolvedActor] = {}
    for a in found:
        if a.kind != ORGANIZATION or not _FORMAL_GOVERNMENT.fullmatch(a.surface):
            continue
        k = a.j
        if k + 1 >= len(doc) or doc[k].lower_ != "of":
            continue
        k += 1 + (doc[k + 1].lower_ == "the")
        country = at.get(k)
        if country is None or country.kind != COUNTRY:
            continue
        merged[a.i] = dataclasses.replace(
            a,
            name=government_name(country.name),
            country=country.name,
            surface=doc[a.i : country.j].text,
            end=country.end,
            j=country.j,
        )
        merged[country.i] = None
    return [merged.get(a.i, a) for a in found if merged.get(a.i, a) is not None]


def _ministries(doc: Doc, found: list[ResolvedActor], focus: str | None) -> list[ResolvedActor]:
    """ "The Foreign Ministry said", "Russia's Defence Ministry", "Iran's Ministry of Foreign
    Affairs": a ministry speaks for its state (the government of a country at war, else the
    country), whose name is in it, before it, or, failing both, the story's."""
    out = []
    for actor in found:
        words = actor.name.split()
        if actor.kind != ORGANIZATION or not (
            words[-1] == "Ministry" or words[0] == "Ministry" and words[1:2] == ["of"]
        ):
            out.append(actor)
            continue
        country = next((_DEMONYMS[_fold(w)] for w in words if _fold(w) in _DEMONYMS), None)
        before = doc[max(0, actor.i - 2) : actor.i]
        if country is None and len(before) == 2 and before[1].lower_ in ("'s", "’s"):
            country = next(
                (a.name for a in found if a.kind == COUNTRY and a.j == before[1].i), None
            )
        country = country or focus
        if country is None:
            out.append(actor)
            continue
        name = government_name(country) if country in gazetteer.CONFLICT_PARTIES else country
        kind = COUNTRY if name == country else ORGANIZATION
        out.append(dataclasses.replace(actor, name=name, kind=kind, country=country))
    return out


def focus_country(found: list[ResolvedActor], doc: Doc) -> str | None:
    """The country a story is about: the one it names most ("Syria", "Yemen"), places
    included, a country at war counting half again; of two named as often, the first."""
    counts: dict[str, float] = {}
    first: dict[str, int] = {}
    for a in found:
        if a.kind == COUNTRY and _favoured(doc[a.j - 1]):
            continue  # "the Iran-aligned Houthis" fight in Yemen
        if a.kind == COUNTRY:
            country, weight = a.name, 0.25 if a.is_place else 1
        elif a.kind == PLACE:
            country, weight = a.country, 0.25
        elif a.kind in (ORGANIZATION, GROUP):
            country, weight = a.country, 0.5  # the HNC, the Houthis: the war they fight in
        else:
            country = None
        if country:
            # Where talks are held (Kuwait, Geneva) is named often; whose war it is, more.
            counts[country] = counts.get(country, 0) + weight
            first.setdefault(country, a.i)
    for i, country in _demonyms(doc).items():
        if not _favoured(doc[i]):  # "Turkish-backed rebels" fight elsewhere
            counts[country] = counts.get(country, 0) + 1
            first.setdefault(country, i)
    if not counts:
        return None
    # A war's mediators (Russia, Turkey) are named as often as the war's country; a story
    # about talks is about the war.
    for country in counts:
        if country in gazetteer.CONFLICT_PARTIES:
            counts[country] *= 1.5
    return min(counts, key=lambda c: (-counts[c], first[c]))


_FOLLOWERS = frozenset(["supporters", "loyalists", "backers", "allies", "opponents", "critics"])


def _leaders_states(found: list[ResolvedActor], doc: Doc, focus: str | None) -> list[ResolvedActor]:
    """ "Assad's delegation", "the Assad regime", "Putin's government": the state the
    person leads; "Assad supporters" are not Assad."""
    out = []
    for a in found:
        if a.kind != PERSON or a.j >= len(doc) + 1:
            continue
        head = doc[a.j - 1].head
        if head.i < a.j or doc[a.j - 1].dep_ not in ("poss", "compound"):
            continue
        noun = head.lemma_.lower()
        # "an Assad regime team": the regime's delegation
        regime_team = noun in _DELEGATION_NOUNS and any(
            c.dep_ in ("compound", "nmod") and c.lemma_.lower() in _GOVERNMENT_NOUNS
            for c in head.lefts
        )
        if head.lower_ in _FOLLOWERS or noun in _FOLLOWERS:
            out.append((a, None))
        elif (noun in _STATE_NOUNS or head.lower_ in _STATE_NOUNS or regime_team) and a.country:
            country = a.country
            name = government_name(country) if country == focus else country
            kind = COUNTRY if name == country else ORGANIZATION
            state = dataclasses.replace(
                a, name=name, kind=kind, country=None if kind == COUNTRY else country,
                surface=doc[a.i : head.i + 1].text, end=head.idx + len(head.text), j=head.i + 1,
                via=VIA_DEMONYM, title="",
            )  # fmt: skip
            out.append((a, state))
    return out


def _past_conjuncts(token: Token) -> tuple[Token, str]:
    """The noun a word describes and how, through the words it is coordinated with: in "the
    Russian and Ukrainian delegations" "Ukrainian" describes "delegations" as "Russian" does."""
    first = token
    while (
        first.dep_ == "conj"
        and first.head.i < first.i
        and (first.head.lower_ in _DEMONYMS or first.head.ent_type_ in ("GPE", "NORP"))
    ):
        first = first.head
    return first.head, first.dep_


def _acts_for_a_state(noun: Token) -> bool:
    """ "ministers", "delegations", "governments", "forces": those a state's name before them
    makes the state's agents (not "borders", "economies", "peoples")."""
    lemma = noun.lemma_.lower()
    return (
        lemma in ROLE_HEADS
        or lemma in _SENT_BY
        or lemma in _STATE_NOUNS
        or lemma in {"counterpart", "force", "troop", "army", "military", "side", "party"}
    )


def _conjoined_affiliations(head: Token) -> list[Token]:
    """ "the Russian and Turkish presidents": the words naming whose each of them is."""
    out = []
    for child in head.lefts:
        if child.dep_ in ("amod", "compound", "poss") and child.lower_ in _DEMONYMS:
            out.append(child)
            out += [c for c in child.subtree if c.dep_ == "conj" and c.lower_ in _DEMONYMS]
    return out if len(out) >= 2 else []


def _governments(doc: Doc, found: list[ResolvedActor], focus: str | None) -> list[ResolvedActor]:
    """ "the Syrian government", "Russian forces", "a Russian boycott": the state acting.

    The government of the country the story is about is an actor of its own ("Syrian
    government", a party beside the opposition); another country's acts are the country's.
    """
    taken = {i for a in found for i in range(a.i, a.j)}
    out = []
    countries_at = {i: a.name for a in found if a.kind == COUNTRY for i in range(a.i, a.j)}
    demonyms = _demonyms(doc)
    for token in (doc[i] for i in sorted(demonyms.keys() | countries_at.keys())):
        country = demonyms.get(token.i)
        if country is None and token.i not in countries_at:
            continue  # names no country
        if country and token.i >= 2 and doc[token.i - 2].lower_ in ("intra", "inter"):
            continue  # "intra-Afghan talks" are among Afghans, not Afghanistan's
        head, dep = _past_conjuncts(token)
        if country is None and token.i in countries_at and dep in ("poss", "compound"):
            # "Yemen's government delegation", "the Syria regime"
            country = countries_at[token.i]
            while head.dep_ == "compound" and head.head.i > head.i:
                head = head.head
        noun = head.lemma_.lower()
        if (
            country is None
            or (token.i in taken and token.i not in countries_at)
            or dep not in ("amod", "compound", "poss")
            or (noun not in _STATE_NOUNS and head.lower_ not in _STATE_NOUNS and noun not in NOUNS)
            or head.i in taken
            or head.i < token.i
            or any(c.lower_ in _PARTY_WORDS for c in head.lefts)  # "rival Syrian delegations"
            # "Yemen's Houthi forces": the movement's, not the state's
            or any(c.i in taken and c.i not in countries_at for c in head.lefts if c.i > token.i)
            # "the Syrian opposition delegation": the collectives read whose it is
            or any(c.lemma_.lower() in _OPPOSITION_NOUNS for c in head.lefts)
        ):
            continue
        state = noun in _STATE_NOUNS or head.lower_ in _STATE_NOUNS
        name, kind = country, COUNTRY
        if state and country == focus and government_name(country) != country:
            name, kind = government_name(country), ORGANIZATION
        end = head if state else token  # "a Russian boycott": Russia, not the boycott
        out.append(
            ResolvedActor(
                name=name,
                kind=kind,
                country=country if kind != COUNTRY else None,
                surface=doc[token.i : end.i + 1].text,
                start=token.idx,
                end=end.idx + len(end.text),
                i=token.i,
                j=end.i + 1,
                via=VIA_DEMONYM,
            )
        )
    return out


_OPPOSITION_NOUNS = frozenset(
    ["opposition", "rebel", "rebels", "insurgent", "insurgents", "separatist", "separatists"]
)
_SIDE_NOUNS = _GOVERNMENT_NOUNS | _OPPOSITION_NOUNS
# Bodies named by whose side they are; "the opposition coalition" is left to the coalition
# the story named (see _definite_references).
_BODIES = frozenset(
    ["group", "bloc", "alliance", "umbrella", "force", "fighter", "militia", "faction"]
)
_PARTY_NOUNS = frozenset(["party", "side", "faction", "rival", "delegation", "camp"])
_PARTY_WORDS = frozenset(["warring", "rival", "both", "two", "opposing"])
_WARS = frozenset(["conflict", "war", "fighting"])
_PARTY_PHRASES = (
    ("warring", "parties"),
    ("warring", "sides"),
    ("warring", "factions"),
    ("both", "sides"),
    ("two", "sides"),
    ("the", "rivals"),
    ("rival", "sides"),
    ("rival", "factions"),
)


def _named_together(token) -> bool:
    """Where a story names those it will call "the two": the subject ("Russia and Turkey
    agreed"), or after "between" ("a meeting between Farmajo and Bihi")."""
    return token.dep_ in ("nsubj", "nsubjpass") or (
        token.dep_ == "pobj" and token.head.lower_ == "between"
    )


def _pair_before(doc: Doc, found: list[ResolvedActor], token) -> tuple | None:
    """The two actors named together ("the United States and Russia", "Kerry and Lavrov")
    as the subject of the sentence before `token`'s, or of its own before it."""
    sentence = token.sent
    start = doc[sentence.start - 1].sent.start if sentence.start > 0 else sentence.start
    by_token = {a.j - 1: a for a in found if not a.is_place and a.kind != PLACE}
    for first in reversed(doc[start : token.i]):
        if not _named_together(first) or first.i not in by_token:
            continue
        joined = [c for c in first.children if c.dep_ == "conj"]
        if len(joined) != 1 or joined[0].i not in by_token:
            continue
        if any(c.dep_ == "conj" for c in joined[0].children):
            return None  # three or more
        return by_token[first.i], by_token[joined[0].i]
    return None


def _named_together_before(doc: Doc, found: list[ResolvedActor], token, own=False) -> list:
    """The actors named together as the subject of one of the few sentences before
    `token`'s ("Russia, Iran and Turkey announced ..."), or with `own` of its own sentence
    before it, the nearest first; [] if none."""
    by_token = {a.j - 1: a for a in found if not a.is_place and a.kind != PLACE}
    start = token.sent.start
    for _ in range(4):  # wire stories give each sentence a paragraph: count sentences
        start = doc[start - 1].sent.start if start > 0 else 0
    for first in reversed(doc[start : token.i if own else token.sent.start]):
        if not _named_together(first):
            continue
        if first.i not in by_token and first.lemma_.lower() in _SENT_BY:
            # "Representatives from Russia, Turkey and Iran have kicked off ...": those sent
            first = next(
                (
                    o
                    for p in first.children
                    if p.dep_ == "prep" and p.lower_ in ("from", "of")
                    for o in p.children
                    if o.dep_ == "pobj"
                ),
                first,
            )
        if first.i not in by_token:
            continue
        group = _conjoined(first, by_token)
        if len(group) >= 2:
            return group
    return []


def _conjoined(first, by_token: dict) -> list:
    """The actors at `first` and down its chain of "and"s: "Russia, Iran and Turkey"."""
    group, current = [by_token[first.i]], first
    while True:
        joined = [c for c in current.children if c.dep_ == "conj" and c.i in by_token]
        if not joined:
            return group
        current = joined[0]
        group.append(by_token[current.i])


# "the three countries", "the sponsors": those named together just before.
_GROUP_NOUNS = frozenset(
    ["country", "power", "state", "nation", "sponsor", "guarantor", "diplomat", "minister"]
    + ["neighbor", "neighbour"]  # "Ethiopia and Eritrea ..., the neighbours said"
    + ["leader", "president"]  # "a meeting between Farmajo and Bihi ... The two leaders"
    + ["man", "woman"]  # "Kerry and Lavrov met ... The two men agreed"
)
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5}


def _speakers_mistagged(doc: Doc) -> list[Span]:
    """ "'It is planned,' Yury Ushakov said", tagged a work of art after the quotation: two
    or three capitalised words that say something are a person's name."""
    return [
        Span(doc, ent.start, ent.end, label="PERSON")
        for ent in doc.ents
        if ent.label_ in ("WORK_OF_ART", "PRODUCT", "EVENT", "LAW")
        and 2 <= len(ent) <= 3
        and all(t.is_title and t.tag_ == "NNP" for t in ent)
        and ent.root.dep_ == "nsubj"
        and ent.root.head.lemma_.lower() in REPORTING_VERBS
        and not any(t.lower_ in _TITLE_WORDS for t in ent)
    ]


def _titled_untagged_names(doc: Doc) -> list[Span]:
    """ "US Special Representative for Afghanistan Reconciliation Zalmay Khalilzad": two or
    three capitalised words no entity covers, right after a title ending in a post, are a
    person's name the model missed."""
    out = []
    posts = ROLE_HEADS | AIDES
    for token in _among(doc, posts):
        if not token.is_title or token.ent_type_:
            continue
        k = token.i + 1
        # "for Afghanistan Reconciliation": the post's object, before the name
        if k < len(doc) and doc[k].lower_ in ("for", "to", "of", "on"):
            k += 1
            while k < len(doc) and (doc[k].ent_type_ in ("GPE", "ORG", "NORP") or doc[k].is_title):
                k += 1
            k -= 2  # the last two title-case words may be the name
        end = k
        while (
            end < len(doc)
            and doc[end].is_title
            and doc[end].pos_ == "PROPN"
            and not doc[end].ent_type_
        ):
            end += 1
        if 2 <= end - k <= 3 and not any(t.lower_ in _TITLE_WORDS for t in doc[k:end]):
            out.append(Span(doc, k, end, label="PERSON"))
    # "Jan Egeland, the chairman of the meeting, said": a name the model missed, before its
    # owner's post set off by a comma
    for token in _among(doc, posts):
        if token.dep_ != "appos":
            continue
        last = token.head
        if not (last.i + 1 < len(doc) and doc[last.i + 1].text == "," and last.i < token.i):
            continue
        start = last.i
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == last.i:
            start -= 1
        names = doc[start : last.i + 1]
        if (
            2 <= len(names) <= 3
            and all(t.is_title and t.pos_ == "PROPN" and not t.ent_type_ for t in names)
            and not any(t.lower_ in _TITLE_WORDS for t in names)
        ):
            out.append(Span(doc, start, last.i + 1, label="PERSON"))
    return out


def _owners_of_their_groups_dropped(doc: Doc, found: list[ResolvedActor]) -> list[ResolvedActor]:
    """ "Yemen's Houthi rebels": the country says where the group is from, it acts not."""
    groups = [a for a in found if a.kind in (GROUP, ORGANIZATION) and a.country]
    out = []
    for a in found:
        root = doc[a.j - 1]
        head = root.head
        owned = (
            a.kind == COUNTRY
            and root.dep_ == "poss"
            and any(
                g.country == a.name and g.i > root.i and g.i <= head.i < g.j + 2 for g in groups
            )
        )
        if not owned:
            out.append(a)
    return out


def _favoured(token) -> bool:
    """A demonym that says whom a party favours: "pro-Russian", "pro - Russian", or who
    backs it: "Turkish-backed rebels"."""
    doc = token.doc
    before = doc[max(0, token.i - 2) : token.i]
    after = doc[token.i + 1 : token.i + 3]
    backed = (
        len(after) == 2
        and after[0].text == "-"
        and after[1].tag_ == "VBN"
        and after[1].lemma_.lower() in _BACKING
    )
    return backed or any(t.lower_ in ("pro", "pro-") for t in before)


_BACKING = frozenset(
    ["back", "sponsor", "support", "arm", "fund", "recognize", "recognise", "align", "ally"]
)


def _collective(doc: Doc, i: int, j: int, name: str, kind: str, country: str | None):
    span = doc[i:j]
    return ResolvedActor(name, kind, country, span.text, span.start_char, span.end_char, i, j,
                         VIA_COLLECTIVE)  # fmt: skip


def _both_sides(
    token: Token, where: str | None, on: datetime.date | None = None
) -> list[tuple[str, str, str]]:
    """ "the regime and opposition delegations", "government and rebel negotiators": a side
    noun coordinated with the other side's, each describing `token`; as (name, kind,
    country) of the government and the opposition of `where`."""
    words = [
        w.lemma_.lower()
        for c in token.lefts
        if c.dep_ in ("amod", "compound", "nmod")
        for w in c.subtree
        if w.i == c.i or w.dep_ == "conj"
    ]
    government = any(w in _GOVERNMENT_NOUNS for w in words)
    opposition = next((w for w in words if w in _OPPOSITION_NOUNS), None)
    if where is None or not (government and opposition):
        return []
    state = government_name(where)
    parties = gazetteer.conflict_parties(where, on)
    other = (
        parties[1]
        if parties and opposition != "opposition"
        else f"{_DEMONYM_OF.get(where, where)} opposition"
    )
    return [
        (state, COUNTRY if state == where else ORGANIZATION, where),
        (other, GROUP, where),
    ]


def _named_beyond_places(doc: Doc, found: list[ResolvedActor], country: str) -> bool:
    """Whether `country` is named other than as a place: as an actor, by a demonym, or as
    the country of a person or body of the story."""
    return (
        any(
            (a.kind == COUNTRY and a.name == country and not a.is_place)
            or (a.kind in (PERSON, ORGANIZATION, GROUP) and a.country == country)
            for a in found
        )
        or country in _demonyms(doc).values()
    )


# The words each reading of `_collectives` starts from.
_COLLECTIVE_NOUNS = (
    (_DELEGATION_NOUNS | _BODIES | _OPPOSITION_NOUNS | _GOVERNMENT_NOUNS | _GROUP_NOUNS)
    | _PARTY_NOUNS
    | {"opponent", "foe", "leader"}
)


def _named_after_comma(doc: Doc, token: Token, found: list[ResolvedActor]) -> bool:
    """Whether the phrase `token` heads is set beside a body's name, after a comma ("the
    country's second largest guerrilla group, the National Liberation Army (ELN)") or
    right after it ("the rebel group Moro Islamic Liberation Front")."""
    head = token.head if token.dep_ == "compound" else token
    if any(a.i == head.i + 1 and a.kind in (ORGANIZATION, GROUP) for a in found):
        return True  # "the rebel group Moro Islamic Liberation Front": named right after
    k = head.right_edge.i + 1
    if k >= len(doc) or doc[k].text != ",":
        return False
    k += 1 + (k + 1 < len(doc) and doc[k + 1].lower_ == "the")
    return any(a.i == k and a.kind in (ORGANIZATION, GROUP) for a in found)


def _collectives(
    doc: Doc, found: list[ResolvedActor], focus: str | None, on: datetime.date | None = None
) -> list[ResolvedActor]:
    """Parties named by what they are: "the government", "the regime", "the opposition",
    "rebels", "Yemen's warring parties", "both sides", in the story's country on `on`."""

    def war_sides(country):
        return gazetteer.conflict_parties(country, on)

    taken = {i for a in found for i in range(a.i, a.j)}
    demonyms = _demonyms(doc)
    out: list[ResolvedActor] = []
    # In a story told from its mediators' capitals, "opposition groups" are the war's.
    at_war = next(
        (a.name for a in found if a.kind == COUNTRY and war_sides(a.name)),
        None,
    ) or next(  # "struck rebels near Aleppo": the war of the places it names
        (a.country for a in found if a.kind == PLACE and war_sides(a.country)),
        None,
    )
    if not war_sides(focus) and at_war is not None:
        focus = at_war
    if focus is not None and not war_sides(focus) and not _named_beyond_places(doc, found, focus):
        # "Kerry and Lavrov met in Paris ... the opposition agreed": a country at peace named
        # only as where things happen is no story's country; whose opposition is not said.
        focus = None
    for token in _of_pos(doc, NOUN, PROPN, ADJ):
        if token.i in taken:
            continue
        lemma = token.lemma_.lower()
        if lemma not in _COLLECTIVE_NOUNS:
            continue  # (each reading below starts from one of these words)
        if (
            token.i + 2 < len(doc)
            and doc[token.i + 1].text == "-"
            and doc[token.i + 2].tag_ == "VBN"
        ):
            continue  # "the rebel-allied party", "government-backed forces": another's ally
        describing = ("compound", "amod", "nmod")
        # ("Colombia's government and FARC rebels", parsed [government and FARC] rebels, has
        # a government of its own: a coordinated word is no mere description.)
        coordinated = any(c.dep_ == "cc" for c in token.children)
        if (token.dep_ in describing and not coordinated) or (
            token.dep_ == "conj" and token.head.dep_ in describing
        ):
            continue  # "opposition leader" is a person; "opposition groups" is read at "groups"
        mods = [c for c in token.lefts if c.dep_ in ("amod", "compound", "poss", "nummod", "det")]
        if any(
            a.kind in (ORGANIZATION, GROUP, PERSON) and a.i <= c.i < a.j
            for c in mods
            if c.dep_ == "compound"
            for a in found
        ):
            continue  # "Tamil Tiger rebels", "Houthi rebels": the group named, not a side
        if _named_after_comma(doc, token, found):
            continue  # "the second largest guerrilla group, the National Liberation Army"
        if coordinated and token.dep_ in describing:
            mods += [c for c in token.head.lefts if c.dep_ == "poss" and c.i < token.i]
        # "pro-Russian separatists" fight in Ukraine: the country they favour is not theirs.
        country = next(
            (demonyms[c.i] for c in mods if c.i in demonyms and not _favoured(c)),
            None,
        )
        country = country or next(
            (a.name for a in found for c in mods if a.i <= c.i < a.j and a.kind == COUNTRY), None
        )
        if (
            country is None
            and token.dep_ == "conj"
            and any(c.lower_ in ("its", "their") for c in mods)
        ):
            # "Venezuela's government and its opposition": the country just named's
            country = next(
                (
                    a.name
                    for c in token.head.lefts
                    if c.dep_ == "poss"
                    for a in found
                    if a.i <= c.i < a.j and a.kind == COUNTRY
                ),
                None,
            )
        # "the government of Turkey", "the rebels of Yemen": whose they are, after "of"
        of = [o for c in token.rights if c.dep_ == "prep" and c.lower_ == "of" for o in c.children]
        of += [  # "the Government of the Republic of South Sudan": the republic's
            o
            for r in of
            if r.lower_ in _FORMAL_STATES
            for c in r.rights
            if c.dep_ == "prep" and c.lower_ == "of"
            for o in c.children
        ]
        owner = next((a for a in found for o in of if a.i <= o.i < a.j and a.kind == COUNTRY), None)
        end = token.i + 1
        if country is None and owner is not None:
            country, end = owner.name, owner.j
        start = min([token.i] + [c.left_edge.i for c in mods if c.dep_ != "det"])
        if lemma in _DELEGATION_NOUNS and not any(c.lower_ == "of" for c in token.rights):
            # "the government delegation", "the regime's negotiators": the party they speak for.
            sides = [c.lemma_.lower() for c in mods if c.lemma_.lower() in _SIDE_NOUNS]
            both = _both_sides(token, country or focus, on)
            if both:
                # "the regime and opposition delegations": one of each side's
                out += [_collective(doc, start, end, *party) for party in both]
                continue
            lemma = sides[0] if sides else lemma
        # "opposition groups", "the main opposition bloc": a body named by whose side it is
        kind_of_group = doc[token.i - 1].lower_ if lemma in _BODIES and token.i > 0 else ""
        if kind_of_group and any(
            a.i < token.i and a.name.lower().split()[-1:] == [lemma] for a in found
        ):
            continue  # "the Syrian Democratic Alliance ... the opposition alliance": that one
        # "The government and its opponents", "Assad's foes": whom the state fights.
        foes = lemma in ("opponent", "foe") and token.tag_ == "NNS"
        if foes or lemma in _OPPOSITION_NOUNS or kind_of_group in _OPPOSITION_NOUNS | {"guerrilla"}:
            where = country or _state_paired_with(token, found, war_sides) or focus
            if where is None:
                continue
            parties = war_sides(where)
            # "the rebels", "the country's largest rebel group": the war's other side.
            rebels = lemma != "opposition" and lemma not in _BODIES
            rebels = rebels or kind_of_group not in ("", "opposition")
            name = (
                parties[1] if parties and rebels else f"{_DEMONYM_OF.get(where, where)} opposition"
            )
            if "separatist" in (lemma.rstrip("s"), kind_of_group.rstrip("s")):
                # "Yemen's government and southern separatists": not the Houthis
                name = gazetteer.SEPARATISTS.get(where)
                if name is None:
                    continue
            out.append(_collective(doc, start, end, name, GROUP, where))
        elif lemma in _GOVERNMENT_NOUNS and token.dep_ != "compound":
            seat = _seat_named(token)
            sitting = [c.lower_ for c in mods] == ["the"]  # not "a transitional government"
            if country is None and seat is not None and sitting:
                # "the government in Kabul", "the authorities in Sanaa": whose seat it is
                out.append(_collective(doc, start, end, government_name(seat), ORGANIZATION, seat))
                continue
            # "the government"; or bare, joined to another side ("government and MILF
            # officials"): the story's ("government and rebel negotiators" are both sides,
            # read at the negotiators)
            both = token.head.lemma_.lower() in _DELEGATION_NOUNS and any(
                c.dep_ == "conj" and c.lemma_.lower() in _OPPOSITION_NOUNS for c in token.children
            )
            told = any(c.lower_ == "the" for c in mods) or (coordinated and not mods and not both)
            where = country or (focus if told else None)
            if where is None or where != focus:
                continue
            name = government_name(where)
            kind = COUNTRY if name == where else ORGANIZATION
            out.append(_collective(doc, start, end, name, kind, where))
        elif lemma == "leader" and token.tag_ == "NNS" and [c.lower_ for c in mods] == ["their"]:
            # "Ethiopia and Eritrea said ..., a day after their leaders met": theirs
            group = _named_together_before(doc, found, token, own=True)
            if group and all(a.kind == COUNTRY for a in group):
                out += [_collective(doc, start, end, a.name, a.kind, a.country) for a in group]
        elif (
            lemma in _GROUP_NOUNS
            and token.tag_ == "NNS"
            and any(c.lower_ in ("the", "both") for c in mods)
            and not any(c.dep_ in ("amod", "compound") for c in mods)
        ):
            # "Russia, Iran and Turkey announced ... The three countries said": those three
            group = _named_together_before(doc, found, token, own=True)
            count = next((_NUMBERS.get(c.lower_) for c in mods if c.lower_ in _NUMBERS), None)
            count = 2 if any(c.lower_ == "both" for c in mods) else count
            if lemma in _PAIR_NOUNS and any(a.kind == ORGANIZATION for a in group):
                # "The AU and the Security Council had given Bashir and Kiir one day ... The
                # two leaders began talks": people, not the bodies (see _the_two)
                group = []
            if group and (count is None or count == len(group)):
                out += [_collective(doc, start, end, a.name, a.kind, a.country) for a in group]
        elif lemma in _PARTY_NOUNS or (
            # "two rival Libyan leaders": the war's sides, by their leaders
            lemma == "leader"
            and token.tag_ == "NNS"
            and {c.lower_ for c in mods} & {"rival", "warring", "opposing"}
        ):
            words = tuple(t.lower_ for t in doc[max(0, token.i - 1) : token.i + 1])
            before = {c.lower_ for c in mods}
            plural = token.tag_ in ("NNS", "NNPS")
            # "Yemen rivals", "the Syrian parties": a war's country names whose sides they are
            of_war = plural and bool(war_sides(country)) and lemma != "delegation"
            # "the parties to the conflict", "the sides in the war": the war's
            to_war = plural and any(
                p.dep_ == "prep"
                and p.lower_ in ("to", "in", "of")
                and any(o.lemma_.lower() in _WARS for o in p.children)
                for p in token.rights
            )
            if (
                words not in _PARTY_PHRASES
                and not (plural and before & _PARTY_WORDS)
                and not of_war
                and not to_war
            ):
                continue  # "the rival Syrian delegations", "both sides": the parties
            pair = None if country else _pair_before(doc, found + out, token)
            if pair is not None and before & {"two", "both"}:
                # "The United States and Russia have reached an agreement ... the two parties
                # agreed to allow aid": the two just named, not the war's sides.
                out += [_collective(doc, start, end, a.name, a.kind, a.country) for a in pair]
                continue
            where = country or focus
            parties = war_sides(where)
            if not parties:
                continue
            for party in parties:
                kind = (
                    COUNTRY
                    if party == where
                    else (ORGANIZATION if party.endswith("government") else GROUP)
                )
                out.append(_collective(doc, start, end, party, kind, where))
    return out


def _state_paired_with(token: Token, found: list[ResolvedActor], war_sides) -> str | None:
    """The country "the rebels" are paired with by "and": "a deal between Mali and the
    Tuareg rebels" (brokered by Algeria) are Mali's rebels."""
    partners = [c for c in token.children if c.dep_ == "conj"]
    if token.dep_ == "conj":
        partners.append(token.head)
    # Farther in the same list: "Ukraine, Russia and the separatists" are Ukraine's, the
    # one of the states listed at war.
    first = token
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    partners += [t for t in first.subtree if t.i == first.i or t.dep_ == "conj"]
    states = [
        a.name
        for partner in partners
        for a in found
        if a.kind == COUNTRY and not a.is_place and a.i <= partner.i < a.j
    ]
    return next((s for s in states if war_sides(s)), states[0] if states else None)


_SEATS = {seats[0].lower(): country for country, _a, seats, _d in gazetteer.COUNTRIES if seats}


def _seat_named(token: Token) -> str | None:
    """The country whose capital follows `token` after "in": "the government in Kabul"."""
    for prep in token.rights:
        if prep.dep_ == "prep" and prep.lower_ == "in":
            for place in prep.children:
                if place.dep_ == "pobj" and place.text.lower() in _SEATS:
                    return _SEATS[place.text.lower()]
    return None


# Words before a father's name in a person's: "bin", "ibn", "ould".
PATRONYMIC = frozenset(["bin", "ibn", "bint", "ben", "ould", "wad"])


# The nouns an office can be named by: "the foreign minister", "the UN chief".
ROLE_HEADS = frozenset(
    ["minister", "secretary", "secretary-general", "general", "president", "premier"]
    + ["chancellor", "king", "emir", "leader", "envoy", "mediator", "representative"]
    + ["ambassador", "chief", "head", "boss", "chairman", "chair", "coordinator", "diplomat"]
    + ["vice-president"]
)


_GIVING_A_POST = frozenset(
    ["appoint", "name", "select", "choose", "pick", "elect", "nominate", "designate", "install"]
)
_TAKING_A_POST = frozenset(["replace", "succeed", "become", "take"])
# Words before a role that make it a past holder's: "the former UN secretary general".
_FORMER = frozenset(["former", "ex", "previous"])
# Words of a post just taken: "the new prime minister", "as interim prime minister".
_NEWLY = frozenset(["new", "newly", "interim", "incoming", "acting"])


def _posts_taken(doc: Doc, people: list[ResolvedActor]) -> list[tuple[int, str, ResolvedActor]]:
    """People given a post "as" it: "Dbeibah was selected as interim prime minister" makes
    him "the new prime minister" after; (position, role, person) as for titles."""
    out = []
    for person in people:
        token = doc[person.j - 1]
        verb = token.head
        # "Dbeibah was on Friday selected as": the parse's odd hanging on the auxiliary
        passive = token.dep_ == "nsubjpass" or verb.dep_ == "auxpass"
        if verb.dep_ in ("aux", "auxpass"):
            verb = verb.head
        lemma = verb.lemma_.lower()
        # "was selected as", "named him as"; "replaced Brahimi as envoy" gives the post to
        # the one replacing, not the one replaced
        if not (
            passive
            or (token.dep_ == "dobj" and lemma in _GIVING_A_POST)
            or (token.dep_ == "nsubj" and lemma in _TAKING_A_POST)
        ):
            continue
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ != "as":
                continue
            for post in prep.children:
                if post.dep_ == "pobj" and post.lower_ in ROLE_HEADS:
                    role = role_of([t.lower_ for t in post.subtree if t.lower_ not in _NEWLY])
                    if role:
                        out.append((person.i, canonical_role(role), person))
    return out


def _of_a_named_post(token: Token, named: set[int]) -> bool:
    """Whether `token` ends "of the ..." after a post a person named beside it holds:
    "Acting Special Representative of the UN Secretary-General for Libya Stephanie Williams",
    "the spokesman of the secretary-general, Stephane Dujarric": the office names her post."""
    prep = token.head
    if token.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ != "of":
        return False
    post = prep.head
    if post.lower_ not in ROLE_HEADS | AIDES:
        return False
    return post.head.i in named or any(t.i in named for t in post.subtree)


def _titles_a_name(head: Token, named: set[int]) -> bool:
    """ "Vitaly Churkin, Russia's ambassador" or "Russia's ambassador, Vitaly Churkin"."""
    return (head.dep_ == "appos" and head.head.i in named) or any(
        c.dep_ == "appos" and c.i in named for c in head.children
    )


def _entity_span(token: Token) -> Span | None:
    """The named entity a token belongs to."""
    if not token.ent_type_:
        return None
    doc, first, last = token.doc, token.i, token.i + 1
    while first > 0 and doc[first].ent_iob_ == "I":
        first -= 1
    while last < len(doc) and doc[last].ent_iob_ == "I":
        last += 1
    return doc[first:last]


def _is_title(token: Token) -> bool:
    return token.lower_.rstrip(".") in _TITLE_WORDS or token.text == "-"


def _title_before(span: Span, by_key: dict[str, _Entry]) -> tuple[str | None, str]:
    """The affiliation and title right before a name: "Russian Deputy Foreign Minister"."""
    doc = span.doc
    k = span.start - 1
    country = None
    first_title = None
    while k >= 0:
        token = doc[k]
        if _is_title(token) or (token.lower_ in _TITLE_GLUE and first_title is not None):
            first_title = k
            k -= 1
            continue
        if token.ent_iob_ in ("B", "I") and first_title is not None:
            start = k
            while start > 0 and doc[start].ent_iob_ == "I":
                start -= 1
            entry = by_key.get(actor_key(doc[start : k + 1].text))
            if entry is not None and entry.kind == COUNTRY:
                country = entry.name
            elif entry is not None and entry.kind == PLACE:
                country = entry.country  # "Kremlin spokesman Dmitry Peskov"
            elif token.lower_ in _DEMONYMS:
                country = _DEMONYMS[token.lower_]
            break
        if token.lower_ in _DEMONYMS:
            country = _DEMONYMS[token.lower_]
        break
    if first_title is None:
        return country, ""
    while doc[first_title].lower_ in _TITLE_GLUE:
        first_title += 1
    return country, doc[first_title : span.start].text


def _modifies_title(span: Span) -> bool:
    """ "UN special envoy Lakhdar Brahimi": the body is part of the person's title."""
    doc = span.doc
    k = span.end
    if k < len(doc) and doc[k].lower_ in ("'s", "’s"):
        # "Yemen's government spokesman Rageh Bady": words of the title after the "'s"
        # ("Libya's UN-backed Prime Minister Fayez al-Sarraj": a backer and a title)
        j = k + 1
        while j < len(doc) and j - k <= 6 and doc[j].ent_type_ != "PERSON":
            word = doc[j]
            backer = word.is_upper and j + 1 < len(doc) and doc[j + 1].text == "-"
            if not ((word.is_lower and word.is_alpha) or _is_title(word) or backer):
                break
            j += 1
        titled = any(_is_title(t) for t in doc[k + 1 : j])
        return titled and j < len(doc) and doc[j].ent_type_ == "PERSON"
    if k < len(doc) and doc[k].ent_type_ in ("GPE", "NORP") and doc[k].ent_iob_ == "B":
        # "United Nations Yemen envoy Martin Griffiths": the post's country before the title
        after = k + 1
        while after < len(doc) and doc[after].ent_iob_ == "I":
            after += 1
        if after < len(doc) and _is_title(doc[after]):
            k = after
    while k < len(doc):
        if _is_title(doc[k]):
            k += 1
        elif (
            k > span.end
            and doc[k].lower_ in ("for", "to", "on")
            and k + 1 < len(doc)
            and doc[k + 1].ent_type_ in ("GPE", "ORG", "NORP", "LOC")
        ):
            # "UN Special Envoy for Syria Staffan de Mistura": the post's country is in it
            k += 1
            while k < len(doc) and doc[k].ent_iob_ in ("B", "I") and doc[k].ent_type_ != "PERSON":
                k += 1
                if doc[k - 1].ent_iob_ == "B" and k < len(doc) and doc[k].ent_iob_ != "I":
                    break
            # "for Afghanistan reconciliation Zalmay Khalilzad": a word of the post after it
            rest = next(
                (n for n in (1, 2) if k + n < len(doc) and doc[k + n].ent_type_ == "PERSON"),
                None,
            )
            if rest and all(t.is_alpha and not t.ent_type_ for t in doc[k : k + rest]):
                k += rest
        else:
            break
    if k > span.end and k + 1 < len(doc) and doc[k].text == ",":
        k += 1  # "The United Nations special envoy, Martin Kobler, said"
    if k <= span.end or k >= len(doc):
        return False
    # ("AU mediator Thabo Mbeki", the name tagged a place: two capitalised words after a post)
    two_words = k + 1 < len(doc) and doc[k + 1].ent_iob_ == "I" and doc[k].is_title
    return doc[k].ent_type_ == "PERSON" or (doc[k].ent_type_ == "GPE" and two_words)


# Nouns for news outlets: "China's Xinhua news agency", "Syria's state television".
_MEDIA_NOUNS = frozenset(
    ["agency", "newspaper", "television", "tv", "media", "broadcaster", "channel", "daily"]
)


def _owns_media(span: Span) -> bool:
    """ "China's Xinhua news agency": the country whose outlet reports, not an actor."""
    root = span.root
    return root.dep_ == "poss" and root.head.lower_ in _MEDIA_NOUNS


def _headline_fragment(span: Span) -> bool:
    """ "Warring Sides Agree To Extend Truce": a title-case headline the model took for an
    organisation's name; a word of the timeline's verbs inside says it is none."""
    return any(
        t.is_title
        and (
            (t.pos_ == "VERB" and (t.lower_ in VERBS or t.lower_ in REPORTING_VERBS))
            or _headline_verb(t)
        )
        for t in span[1:]
    )


def _describes_person(span: Span) -> bool:
    """ "Libyan Field-Marshal Khalifa Haftar", "Puerto Rico Police Superintendent Pedro
    Toledo": words hung on the person's name after them, tagged as a body."""
    return any(
        t.dep_ in ("poss", "compound", "amod", "nmod")
        and span.end <= t.head.i < span.end + 4  # (the name's last word, just after)
        and t.head.ent_type_ == "PERSON"
        for t in span
    )


def _modifies_person(span: Span) -> bool:
    """ "Russia's Vladimir Putin": the country names whose man he is."""
    root = span.root
    return root.dep_ in ("poss", "compound") and root.head.ent_type_ == "PERSON"


def _name_words(span: Span) -> int:
    """Words of a name, "al-" and hyphens aside: "al-Assad" is one."""
    return len(actor_key(span.text).split())


# What people, not places, do as a sentence's subject: "Thabo Mbeki met Robert Mugabe".
_DOING = frozenset(
    ["say", "meet", "sign", "tell", "visit", "urge", "announce", "agree", "hold", "attend"]
    + ["travel", "arrive", "add", "call", "reject", "accept", "welcome", "insist", "warn"]
)


# Who comments on or reports a process without taking part: "analyst Glen Mpani".
ONLOOKERS = frozenset(
    ["analyst", "commentator", "columnist", "reporter", "correspondent", "journalist"]
    + ["professor", "researcher", "scholar", "academic", "pundit"]
)


def _onlooker(doc: Doc, actor: ResolvedActor) -> bool:
    """A person named with a commentator's or the press's title: right before the name
    ("political analyst Glen Mpani") or in apposition ("Glen Mpani, an analyst at ...")."""
    before = doc[actor.i - 1] if actor.i > 0 else None
    if before is not None and before.lemma_.lower() in ONLOOKERS:
        return True
    root = doc[actor.i : actor.j].root
    return any(c.dep_ == "appos" and c.lemma_.lower() in ONLOOKERS for c in root.children)


def _first_conjunct(token: Token) -> Token:
    while token.dep_ in ("conj", "appos") and token.head is not token:
        token = token.head
    return token


# Parts of a country: "Syria's north", "Turkey's border".
_QUARTERS = frozenset(["north", "south", "east", "west", "border", "coast", "heartland"])

# Nouns that say the name after "of" is a place: "the city of Taiz", "the port of Hodeidah".
_PLACE_NOUNS = frozenset(
    ["city", "town", "village", "port", "province", "governorate", "region", "district"]
    + ["capital", "enclave", "suburb", "neighbourhood", "neighborhood", "area", "island"]
)


def _called_a_place(root: Token) -> bool:
    """ "the city of Taiz", "Yemen's third city of Taiz", "the cities of Ghadames and Sabha":
    named as a place, whatever the model tagged it."""
    root = _first_conjunct(root)
    prep = root.head
    return (
        root.dep_ == "pobj"
        and prep.lower_ == "of"
        and prep.head.lemma_.lower() in _PLACE_NOUNS
        and prep.head.i != prep.i
    )


# Nouns for those who speak for a state: "representatives from Russia" act for Russia.
_SENT_BY = frozenset(
    ["representative", "delegate", "delegation", "envoy", "official", "diplomat", "minister"]
    + ["negotiator", "team", "expert", "emissary", "observer", "monitor", "adviser", "advisor"]
    + ["aide", "ambassador", "leader", "mediator", "spokesman", "spokeswoman", "spokesperson"]
    # "a joint statement from the U.S., EU, Britain and Canada": who wrote it
    + ["statement", "letter", "message", "proposal", "offer", "invitation", "reply", "response"]
)


def _place_slot(root: Token) -> bool:
    """ "in Syria", "to Moscow" after a motion word, "visited Russia": a location; not
    "representatives from Russia", who speak for it."""
    doc = root.doc
    if root.i + 2 < len(doc) and doc[root.i + 1].text == "-" and doc[root.i + 2].lower_ == "based":
        return True  # "Qatar-based Taliban members": where they live
    root = _first_conjunct(root)
    if root.dep_ == "poss" and (
        root.head.lemma_.lower() in _PLACE_NOUNS | _QUARTERS
        or any(c.dep_ == "compound" and c.lower_ in _PLACE_NOUNS for c in root.head.children)
    ):
        return True  # "Kazakhstan's capital Astana", "Syria's north": where, not who
    if (
        root.dep_ == "pobj"
        and root.head.lower_ == "from"
        and (
            root.head.head.lemma_.lower() in _SENT_BY
            or root.head.head.lower_.rstrip("s") in _SENT_BY
        )
    ):
        return False
    voters = root.head.head if root.dep_ == "pobj" and root.head.lower_ in ("in", "of") else None
    if (
        voters is not None
        and voters.lemma_.lower() in ("voter", "citizen", "electorate")
        and voters.dep_ == "nsubj"
        and voters.head.lemma_.lower() in _VOTING
    ):
        return False  # "Voters in Colombia have rejected the deal": Colombia's people decide
    if (
        root.dep_ == "pobj"
        and root.head.lower_ == "of"
        and root.head.head.tag_ == "NNPS"
        and root.head.head.lemma_.lower() not in _STATE_NOUNS | _SENT_BY
    ):
        return True  # "the Kurds of Syria had said": a people living there, not the state
    if root.dep_ == "pobj":
        prep = root.head.lower_
        return prep in _PLACE_PREPS or (prep == "to" and root.head.head.lemma_ in _MOTION)
    return root.dep_ == "dobj" and root.head.lemma_ in _VISIT_VERBS


def _actor_slot(root: Token) -> bool:
    """ "Moscow said", "Moscow's patience", "a signal to Damascus": the government acts."""
    root = _first_conjunct(root)
    dep = root.dep_
    if dep in ("nsubj", "nsubjpass", "poss", "agent"):
        return True
    if dep == "dobj":
        return root.head.lemma_ not in _VISIT_VERBS
    if dep == "pobj":
        prep = root.head.lower_
        return prep in _ACTOR_PREPS and not (prep == "to" and root.head.head.lemma_ in _MOTION)
    return False


# Titles and given names that say a person is a woman, for "she said". Given names of
# this field's women in office (heads of state and government, ministers, envoys, spokeswomen).
WOMEN_TITLES = frozenset(["ms", "mrs", "miss", "madam", "madame", "dame", "queen", "baroness"])
WOMEN_NAMES = frozenset(
    [
        "angela",
        "hillary",
        "federica",
        "theresa",
        "catherine",
        "samantha",
        "susan",
        "condoleezza",
        "madeleine",
    ]
    + ["christine", "ursula", "marie", "mary", "helen", "helga", "nikki", "valerie", "fatou"]
    + ["navi", "navanethem", "bouthaina", "buthaina", "suhair", "rima", "basma", "hind", "hanan"]
    + [
        "tzipi",
        "golda",
        "benazir",
        "sheikh hasina",
        "ellen",
        "margaret",
        "margot",
        "laura",
        "maria",
    ]
    + ["ana", "anna", "julia", "yulia", "victoria", "jen", "heather", "elizabeth", "sarah"]
    + [
        "emma",
        "kristalina",
        "virginia",
        "stephanie",
        "rosemary",
        "michelle",
        "michele",
        "ingrid",
        "sigrid",
    ]
    + ["carla", "louise", "nadia", "lina", "leila", "layla", "amina", "aisha", "fatima"]
    + ["salma", "mona", "rania", "sima", "zeinab", "zainab", "samira", "huda", "najla"]
    + ["asma", "ruba", "hala", "dina", "svetlana", "natalia", "natalya", "olga", "irina"]
    + [
        "elena",
        "tatiana",
        "valentina",
        "nina",
        "lyudmila",
        "galina",
        "marina",
        "yelena",
        "ekaterina",
    ]
    + [
        "oksana",
        "iryna",
        "francoise",
        "segolene",
        "marine",
        "annalena",
        "sylvie",
        "nathalie",
        "isabelle",
    ]
    + ["karen", "linda", "nancy", "karin", "kamala", "jill", "condi"]
)


def is_woman(actor: ResolvedActor, doc: Doc) -> bool:
    """A person named with a woman's title ("Ms Merkel") or given name ("Angela Merkel")."""
    if actor.name.split(" ")[0].lower() in WOMEN_NAMES:
        return True
    before = doc[actor.i - 1].lower_.rstrip(".") if actor.i > 0 else ""
    return before in WOMEN_TITLES or actor.title.lower().rstrip(".") in WOMEN_TITLES


# What a people does as its country: "Colombians voted to reject the deal".
_VOTING = frozenset(["vote", "elect", "reject", "approve", "endorse", "ratify", "choose"])


def _voting_people(span: Span) -> str | None:
    """The country whose people vote as its subject: "Colombians voted on Sunday"; or a
    people named beside another party as one ("Israel and the Palestinians will resume
    talks", "talks between the Israelis and the Palestinians")."""
    root = span.root
    voting = root.dep_ == "nsubj" and root.head.lemma_.lower() in _VOTING
    partner = (
        root.head
        if root.dep_ == "conj"
        else next((c for c in root.children if c.dep_ == "conj"), None)
    )
    beside = (
        root.tag_ == "NNPS"
        and any(c.lower_ == "the" for c in root.children)
        and partner is not None
        and partner.ent_type_ in ("GPE", "NORP", "ORG")
        and _actor_slot(root)
    )
    if not (voting or beside):
        return None
    word = _fold(span.text)
    return _DEMONYMS.get(word) or (_DEMONYMS.get(word[:-1]) if word.endswith("s") else None)


# Words that make a country's name part of a larger place's: "Latin America".
_REGION_WORDS = frozenset(["latin", "south", "north", "central"])
# Capitalised, a region's name: "Northern Ireland" is not Ireland, nor does "Eastern Ukraine"
# opening a sentence name the state ("eastern Ukraine" is read where it stands).
_REGION_NAMES = frozenset(["Northern", "Southern", "Eastern", "Western"])


def _dateline(span: Span) -> bool:
    """ "HAVANA (AP) —": a capital in capitals opening a paragraph says where the story was
    filed, not who acted."""
    doc = span.doc
    opens = span.start == 0 or "\n" in doc[span.start - 1].text_with_ws
    return opens and span.text.isupper() and len(span.text) > 2


def _is_speaker(span: Span) -> bool:
    """ "Jubeir said", and "Saudi Arabia's foreign minister, Adel al-Jubeir, said": the
    name in apposition to the speaking title speaks too."""
    root = span.root
    if root.dep_ == "appos":
        root = root.head
    return root.dep_ == "nsubj" and root.head.lemma_ in REPORTING_VERBS


def _names_state_body(token: Token) -> bool:
    """ "Kiev forces", "Damascus officials": a seat of government naming whose forces or
    officials they are speaks for its state."""
    head = token.head
    return token.dep_ == "compound" and head.i != token.i and head.lower_ in _STATE_NOUNS


def _after_media_cue(span: Span) -> bool:
    """ "state-run Al-Ikhbariya": whatever a state runs here is a broadcaster."""
    start = span.start
    return (
        start > 1 and span.doc[start - 1].lower_ in _MEDIA_CUES and span.doc[start - 2].text == "-"
    )


# "the council on Aug. 20" tagged as one organisation loses its lower-case words to _clean:
# what is left is a date ("May" alone may be Theresa May).
_A_DATE = re.compile(
    r"(?:(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?|January|February|March|April"
    r"|May|June|July|August|September|October|November|December)"
    r"(?:\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?|\s+\d{4})"
)


def _is_junk(span: Span, sentence_initial_ok: bool = False) -> bool:
    """A lone capitalised common word ("Cookie", "International") or no letters at all.

    A lone name opening a sentence is junk unless it speaks ("Nasrallah said"),
    or `sentence_initial_ok` (places: "Aleppo fell").
    """
    if not any(c.isalpha() for c in span.text) or _A_DATE.fullmatch(span.text):
        return True
    doc = span.doc
    # "Secretary of State John Kerry": the last word of a title, not a body.
    if (
        span.start >= 2
        and doc[span.start - 1].lower_ == "of"
        and f"{doc[span.start - 2].lower_} of {span.text.lower()}" in _TITLE_PHRASES
    ):
        return True
    if len(span) > 1:
        return False
    token = span[0]
    if token.is_upper and len(token) > 1:
        return False  # an acronym
    if token.tag_ not in ("NNP", "NNPS"):
        return True
    if sentence_initial_ok:
        return False
    initial = token.i == 0 or token.is_sent_start or _after_break(token)
    return initial and not _is_speaker(span)


def _after_break(token: Token) -> bool:
    prev = token.doc[token.i - 1]
    return prev.is_space or prev.text in _EDGE_JUNK


def _actor(
    span: Span,
    name: str,
    kind: str,
    country: str | None,
    via: str,
    is_place: bool = False,
    title: str = "",
) -> ResolvedActor:
    return ResolvedActor(
        name=name,
        kind=kind,
        country=country,
        surface=span.text,
        start=span.start_char,
        end=span.end_char,
        i=span.start,
        j=span.end,
        via=via,
        is_place=is_place,
        title=title,
    )


# --- entry points ---------------------------------------------------------------


@lru_cache(maxsize=8)
def _resolver(known: tuple[KnownActor, ...]) -> ActorResolver:
    return ActorResolver(known)


def resolve_actors(doc: Doc, known: Iterable[KnownActor] = ()) -> list[ResolvedActor]:
    """Every actor mention in `doc`, in text order; see `ActorResolver`.

    The resolver for a given `known` is compiled once and reused.
    """
    return _resolver(tuple(known)).resolve(doc)


def add_actor_ruler(nlp: Language, known: Iterable[KnownActor] = ()) -> list[dict]:
    """Add (or replace) the actor rulers before "ner".

    Phrase patterns match on LOWER and never overwrite entities; every alias a
    curator adds to the database is a pattern, so the next extraction finds it.
    Case-sensitive one-word names ("US", "Turkey") go to a second ruler matching phrases
    on ORTH, right after the first: as token patterns they would need spaCy's Matcher,
    which tries each of hundreds of patterns at every token (0.9 s against 0.004 s on the
    256 TimeML stories). Returns the patterns.
    """
    for name in (RULER_NAME, CASE_RULER_NAME):
        if name in nlp.pipe_names:
            nlp.remove_pipe(name)
    where = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    for name, attr in ((RULER_NAME, "LOWER"), (CASE_RULER_NAME, "ORTH")):
        nlp.add_pipe(
            "entity_ruler",
            name=name,
            config={"overwrite_ents": False, "phrase_matcher_attr": attr, "validate": False},
            **where,
        )
        where = {"after": name}
    patterns = _resolver(tuple(known)).patterns(nlp)
    add_ruler_patterns(nlp, patterns)
    return patterns


def add_ruler_patterns(nlp: Language, patterns: Iterable[dict]) -> None:
    """Give each pattern to its ruler: a one-word case-sensitive name, as the phrase it is,
    to the ORTH ruler; the rest to the LOWER one."""
    by_case, rest = [], []
    for pattern in patterns:
        words = pattern["pattern"]
        if isinstance(words, list) and len(words) == 1 and list(words[0]) == ["ORTH"]:
            by_case.append({**pattern, "pattern": words[0]["ORTH"]})
        else:
            rest.append(pattern)
    # Only the tokenizer is needed for phrase patterns: skip running the tagger and parser.
    with nlp.select_pipes(enable=[RULER_NAME, CASE_RULER_NAME]):
        nlp.get_pipe(RULER_NAME).add_patterns(rest)
        nlp.get_pipe(CASE_RULER_NAME).add_patterns(by_case)


def pattern_text(pattern: dict) -> str:
    """What a ruler pattern matches, lower-cased: "sergey lavrov", "us"."""
    if isinstance(pattern["pattern"], str):
        return pattern["pattern"].lower()
    return " ".join(token["ORTH"] for token in pattern["pattern"]).lower()


def actor_patterns(actor: KnownActor, nlp: Language) -> list[dict]:
    """The ruler patterns of each of a known actor's names."""
    entry = _Entry(actor.name, actor.kind, actor.country, known=True)
    return [
        pattern
        for name in (actor.name, *actor.aliases)
        for alias in _spellings(name)
        for pattern in _patterns_for(alias, entry, nlp)
    ]
