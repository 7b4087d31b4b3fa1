"""Events: a trigger word, its date, its actors and place, one per happening.

A sentence reports an event when a trigger from the lexicon (a verb, or a noun
such as "talks" in a light-verb or subject position) heads its main clause or
the complement of a reporting verb. The date is the date expression attached to
the trigger, else one inherited from the narrative; the actors are those in the
trigger's clause; sentences about the same happening become one event.

    >>> text = b"Russia said Friday it invited a Syrian opposition leader for talks."
    >>> pipeline = Pipeline(nlp=nlp)
    >>> (event,) = pipeline.extract(load_document(text), published=datetime.date(2012, 12, 28)).events
    >>> event.type, event.date.value, event.date.precision
    ('invitation', '2012-12-28', 'day')
    >>> [(a.name, a.role) for a in event.actors], event.confidence
    ([('Russia', 'source')], 0.9)
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from timeline.extraction import gazetteer
from timeline.extraction.coordinates import coordinates
from timeline.extraction.dates import (
    dateline_prefix,
    governing_verb,
    hung_date,
    one_of_two_months,
    week_of,
)
from timeline.extraction.lexicon import (
    AIDES,
    CALENDAR_NOUNS,
    CEASEFIRE_NOUNS,
    FUTURE_AUX,
    LIGHT_VERBS,
    MODALS,
    NOUNS,
    PHRASAL,
    POSSIBILITY,
    QUANTITIES,
    REPORTING_VERBS,
    SCHEDULED,
    SCHEDULING_VERBS,
    STANCES,
    TAKING_EFFECT,
    VERB_OBJECTS,
    names_a_truce,
    verb_type,
)
from timeline.extraction.summary import (
    QUOTING,
    as_saying,
    event_headline,
    follows_a_happening,
    subject_holder,
)
from timeline.extraction.types import (
    ANCHOR_ABSOLUTE,
    ANCHOR_PREVIOUS,
    DAY,
    EVENT_TYPE_INFO,
    EVENT_TYPE_TABLE,
    MONTH,
    OTHER,
    PERSON,
    SOURCE,
    TARGET,
    YEAR,
    ActorMention,
    DateMention,
    Event,
    same_kin,
)

# How specific a type is: a sentence's most specific trigger names it.
SPECIFICITY = {t.key: t.specificity for t in EVENT_TYPE_TABLE}
# Clauses that hang off a noun or set a condition: their words are not the event's.
SIDE_CLAUSES = {"relcl", "acl", "advcl", "csubj", "parataxis", "appos"}
SUBORDINATORS = {
    "though",
    "although",
    "if",
    "whether",
    "because",
    "while",
    "unless",
    "since",
    "as",
    "until",
    "before",
    "despite",
}
FUTURE_PHRASES = re.compile(
    r"\b(?:is|are|was|were)\s+(?:(?:due|expected|scheduled|set|slated|planning|going)\s+)?to\b|"
    r"\b(?:is|are)\s+due\s+(?:in|at)\b|\bplans?\s+to\b|\bwill\b|\bshall\b",
    re.IGNORECASE,
)
QUOTES = '"“”'
QUOTE_MARKS = re.compile(f"[{QUOTES}]")
_COUNT = r"\b(?:\d[\d,]*|dozens|hundreds|thousands|scores)\b"
_HARM = r"\b(?:killed|killing|dead|died|wounded|injured|kill)\b"
# "At least 139 people were killed", "Rebels killed at least 30 soldiers"
CASUALTY = re.compile(rf"{_COUNT}[^.]{{0,40}}{_HARM}|{_HARM}[^.]{{0,25}}{_COUNT}", re.IGNORECASE)


@dataclass(slots=True)
class Candidate:
    token: object  # spacy Token
    type: str
    depth: int
    verbal: bool

    def rank(self):
        return (self.depth - 2 * SPECIFICITY.get(self.type, 3), 0 if self.verbal else 1)


NAME_GLUE = frozenset(["of", "the", "and", "for", "on", "in", "de", "al", "to"])


def is_quoted_name(inner: str) -> bool:
    """ "Friends of Syria", "Geneva II": a name in quotation marks; "courtesy visit",
    "in principle": a phrase set off, not a quotation."""
    inner = inner.removesuffix(",")  # "signed the “Riyadh agreement,” aimed at ..."
    words = inner.split()
    if not words or any(ch in inner for ch in ",.;:!?"):
        return False
    name = (
        len(words) <= 5
        and words[0][:1].isupper()
        and all(w[:1].isupper() or w[:1].isdigit() or w in NAME_GLUE for w in words)
    )
    # "the “Riyadh agreement”": a place's name on a document's noun names the document
    named_document = (
        len(words) <= 3 and all(w[:1].isupper() for w in words[:-1]) and words[-1] in NOUNS
    )
    return name or named_document or (len(words) <= 3 and inner == inner.lower())


def quoted_spans(text: str, offset: int) -> list[tuple[int, int]]:
    """Character spans (doc offsets) inside quotation marks in one sentence; a name in
    quotation marks ("the “Friends of Syria” conference") is not a quotation."""
    spans, open_at = [], None
    for mark in QUOTE_MARKS.finditer(text):
        i = mark.start()
        if open_at is None and not spans and closes_a_quote(text, i):
            # '"Both leaders ... courage. We are grateful," Kerry said.': the quotation
            # began in the sentence before; only what precedes the mark is quoted
            spans.append((offset, offset + i + 1))
        elif open_at is None:
            open_at = i
        else:
            # 'announced that "the parties have agreed to ..."': words quoted as what
            # was said that something is so report it, as if not quoted
            reported = REPORTED_QUOTE.search(text, 0, open_at) is not None
            if not is_quoted_name(text[open_at + 1 : i]) and not reported:
                spans.append((offset + open_at, offset + i + 1))
            open_at = None
    if open_at is not None and REPORTED_QUOTE.search(text, 0, open_at) is None:
        spans.append((offset + open_at, offset + len(text)))  # runs on past the sentence
    return spans


# "that" right before a quotation mark: the quotation is the clause of what was said.
REPORTED_QUOTE = re.compile(r"\bthat\s*$", re.IGNORECASE)


def closes_a_quote(text: str, i: int) -> bool:
    """Whether the quotation mark at `i` ends a quotation: a right one (”), or a straight
    one right after a comma or full stop with a space or the end after it ('grateful," he')."""
    if text[i] == "”":
        return True
    before, after = text[i - 1 : i], text[i + 1 : i + 2]
    return text[i] == '"' and before in (",", ".", "?", "!") and after in ("", " ", "\n")


def inside(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def depth_of(token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
        token = token.head
        depth += 1
    return depth


def is_negated(token) -> bool:
    if any(child.dep_ == "neg" for child in token.children):
        return True
    # "Neither the opposition nor the government have signed": a subject that denies.
    if any(
        c.dep_ in {"nsubj", "nsubjpass"} and any(t.lower_ == "neither" for t in c.subtree)
        for c in token.children
    ):
        return True
    head = token.head
    # "has yet to meet the Houthi delegation": not met
    if (
        token.dep_ == "xcomp"
        and head.lemma_.lower() in {"have", "be"}
        and any(c.lower_ == "yet" for c in head.children)
    ):
        return True
    # "does not plan to go": the negation sits on the governing verb
    return token.dep_ in {"xcomp", "ccomp"} and any(c.dep_ == "neg" for c in head.children)


PARTICLES = frozenset(
    ["down", "out", "off", "up", "back", "over", "aside", "in", "away", "together"]
)


def particle_of(token) -> str:
    """ "stepped down" -> "down"; "called for" -> "for" when the pair is a phrasal verb."""
    for child in token.children:
        if child.dep_ == "prt" or (
            child.dep_ == "advmod" and child.lower_ in PARTICLES and child.i == token.i + 1
        ):
            return child.lower_
    lemma = token.lemma_.lower()
    for child in token.children:
        # "pulled their heavy weapons back": the particle after the object.
        if (lemma, child.lower_) not in PHRASAL or not (
            child.dep_ == "prep" or child.dep_ == "advmod" and child.i > token.i
        ):
            continue
        if any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in child.children):
            continue  # "called on Friday for a truce": on a day, not on someone
        return child.lower_
    return ""


def verb_objects(token) -> list[str]:
    """The heads of a verb's objects: "halted the fighting" -> ["fighting"]; with a
    preposition, "agreed to a truce" -> ["to truce"]; "the summit was cancelled" -> ["summit"]."""
    out = []
    # "The summit was cancelled", a headline's "Peace summit cancelled": what a passive's
    # subject undergoes, it is the object of.
    reduced = (
        token.tag_ == "VBN"
        and token.dep_ == "ROOT"
        and not any(c.dep_ in {"aux", "auxpass"} for c in token.children)
    )
    undergoing = {"nsubjpass", "nsubj"} if reduced else {"nsubjpass"}
    if token.lemma_.lower() in LIGHT_VERBS:
        undergoing = set()  # "the vote was cast", "the deal was struck": the noun's event
    for child in token.children:
        if child.dep_ in {"dobj", "attr", "oprd"} or child.dep_ in undergoing:
            out.append(counted(child).lemma_.lower())
        elif child.dep_ == "prep":
            out += [
                f"{child.lower_} {g.lemma_.lower()}" for g in child.children if g.dep_ == "pobj"
            ]
    return out


def counted(noun):
    """What a count names: "hundreds of prisoners" -> prisoners; else the noun itself."""
    if noun.lemma_.lower() not in QUANTITIES:
        return noun
    return next(
        (g for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
         if g.dep_ == "pobj"),
        noun,
    )  # fmt: skip


def takes_effect(token, objects: list[str]) -> bool:
    """ "the truce took effect", "a ceasefire went into force", "the ceasefire began", "the
    ceasefire is set to take effect"; `objects` are the verb's (verb_objects), read once."""
    lemma = token.lemma_.lower()
    if not (
        lemma in {"begin", "start", "hold"}
        or any(o.split(" ")[-1] in {"effect", "force"} for o in objects)
        or lemma in TAKING_EFFECT
        and particle_of(token) == "in"
    ):
        return False
    # "is set to take effect", "is expected to begin": the subject of the verb above
    subjects = [c for c in subject_holder(token).children if c.dep_ in {"nsubj", "nsubjpass"}]
    return any(names_a_truce(c) for c in subjects)


def expected_somewhere(token) -> bool:
    """ "is due in Moscow", "is expected in Ankara on Monday": a visit still to come."""
    lemma = token.lemma_.lower()
    if lemma == "be":
        holders = [c for c in token.children if c.dep_ == "acomp" and c.lower_ == "due"]
    elif lemma == "expect" and any(c.dep_ == "nsubjpass" for c in token.children):
        holders = [token]
    else:
        return False
    return any(
        p.dep_ == "prep"
        and p.lower_ in {"in", "at"}
        and any(g.dep_ == "pobj" and g.ent_type_ == "GPE" for g in p.children)
        for h in holders
        for p in h.children
    )


def names_a_thing(verb) -> bool:
    """ "a museum called Capilla del Hombre", "a town named Kafr Nabl": a participle right
    after a noun, with no subject or auxiliary of its own, giving it a proper name."""
    if verb.tag_ not in {"VBN", "VBD"} or verb.i == 0:
        return False
    if any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in verb.children):
        return False
    return verb.doc[verb.i - 1].pos_ in {"NOUN", "PROPN"} and any(
        c.dep_ == "oprd" and c.pos_ == "PROPN" for c in verb.children
    )


# The parts of speech trigger_type reads (besides any token tagged as a verb).
TRIGGERING_POS = frozenset(["VERB", "AUX", "NOUN", "PROPN"])


def trigger_type(token) -> tuple[str | None, bool]:
    """The event type a token triggers, and whether it is a verb."""
    if token.pos_ in {"VERB", "AUX"} or token.tag_.startswith("VB"):
        if expected_somewhere(token):
            return "visit", True  # "Kerry is due in Moscow on Thursday", "is expected in"
        if token.pos_ != "VERB":
            return None, True
        objects = verb_objects(token)
        if takes_effect(token, objects):
            return "ceasefire", True
        lemma = token.lemma_.lower()
        children = list(token.children)  # (read once: most tests below look at them)
        if lemma in DESCRIBING and names_a_thing(token):
            return None, True  # "an art museum called Capilla del Hombre": a name, no words
        if lemma in DESCRIBING and any(c.dep_ in {"oprd", "acomp"} for c in children):
            return "statement", True  # "called the veto historic", "was termed a success"
        if lemma not in STOPPING and any(
            c.dep_ == "dobj" and any(m.lower_ in MILITARY for m in c.children if m.dep_ == "amod")
            for c in children
        ):
            return "violence", True  # "launched a military campaign" is force, not an appeal
        if lemma in {"speak", "talk", "confer", "consult"} and any(
            c.dep_ == "prep"
            and c.lower_ in {"by", "on", "over"}
            and any(o.lower_ in {"phone", "telephone"} for o in c.children)
            for c in children
        ):
            return "meeting", True  # "spoke by phone on Friday": a call (CAMEO 040)
        if lemma == "host" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in MEALS for c in children
        ):
            return "meeting", True  # "hosted a dinner for Livni and Erekat" (CAMEO HOST * DINNER)
        if lemma == "host" and any(
            c.dep_ == "dobj"
            and c.pos_ == "NOUN"
            and c.lemma_.lower() not in NOUNS
            and c.lemma_.lower() not in GUESTS
            for c in children
        ):
            return None, True  # "to host 80,000 refugees": a welcome, no talks
        if (
            lemma == "add"
            and any(c.dep_ == "dobj" for c in children)
            and not any(c.dep_ in {"ccomp", "parataxis"} for c in children)
        ):
            return None, True  # "to add Cuba to a list of sponsors": adding, not saying
        if lemma in ("join", "raise", "clasp", "link") and any(
            c.dep_ == "dobj" and c.lemma_.lower() in ("hand", "arm") for c in children
        ):
            return None, True  # "Castro joined his hands to theirs": a gesture, no accord
        if quoted_as_saying(token):
            return "statement", True  # "quoted Lavrov as saying": Lavrov's words
        if lemma == "write" and any(c.dep_ in {"ccomp", "parataxis"} for c in children):
            return "statement", True  # "wrote on Twitter the move is a step": words, written
        if lemma == "demonstrate" and any(c.dep_ in {"dobj", "ccomp"} for c in children):
            return None, True  # "demonstrated their ability to deliver": shown, no protest
        if lemma in ARGUING and any(
            c.dep_ == "nsubj" and any(t.ent_type_ == "PERSON" for t in c.subtree) for c in children
        ):
            return "statement", True  # "Lavrov and Kerry clashed over Syria": words, not arms
        if lemma in SUCCEEDING and any(
            o.startswith("as ") and o.split(" ")[-1] in ROLE_NOUNS for o in objects
        ):
            return "appointment", True  # "will replace Annan as envoy"
        if (
            lemma == "reach"
            and reaches_a_place(token)
            and any(
                c.dep_ == "nsubj" and (c.pos_ == "PROPN" or c.lemma_.lower() in ROLE_NOUNS)
                for c in children
            )
        ):
            return "visit", True  # "Khalilzad reached Doha Friday night": he arrived there
        for obj in objects:
            head = obj.split(" ")[-1]
            for noun in (head, head.split("-")[-1]):  # "joined the mini-summit"
                if (lemma, noun) in VERB_OBJECTS:
                    return VERB_OBJECTS[(lemma, noun)], True  # "declared a ceasefire"
        particle = particle_of(token)
        if (lemma, particle) in PHRASAL:
            return PHRASAL[(lemma, particle)], True  # "called off the talks"
        if lemma in APPROVING and any(
            c.dep_ == "nsubj" and any(t.text in COUNCILS for t in c.subtree) for c in children
        ):
            return "resolution", True  # "The Security Council approved a mission": it voted
        if lemma in LIGHT_VERBS and any(
            c.dep_ in {"dobj", "nsubjpass"} and (c.lemma_.lower() in NOUNS or c.lower_ in NOUNS)
            for c in children
        ):
            return None, True  # "the deal was struck", "held talks": the noun names the event
        if any(c.dep_ in {"ccomp", "xcomp"} and is_hypothetical(c) for c in children):
            return None, True  # "will decide whether to attend": nothing decided yet
        if token.lemma_.lower() in {"decline", "refuse"} and any(
            c.dep_ in {"xcomp", "dobj"} and c.lemma_.lower() in NO_COMMENT for c in children
        ):
            return None, True  # "declined to comment on why": no answer, no rejection
        if (
            token.lemma_.lower() in NO_COMMENT
            and token.dep_ == "xcomp"
            and token.head.lemma_.lower() in {"decline", "refuse"}
        ):
            return None, True  # (nor a statement)
        kind = verb_type(lemma, particle, objects)
        doer = token  # (a conjunct without a subject has its head's: "talks set ... hit")
        while doer.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in doer.children):
            doer = doer.head
        if kind == "violence" and any(
            c.dep_ == "nsubj" and NOUNS.get(c.lemma_.lower()) in TALKING for c in doer.children
        ):
            return None, True  # "the talks hit a roadblock": no force is used by talks
        return kind, True
    if token.pos_ in {"NOUN", "PROPN"}:
        lemma = token.lemma_.lower()
        noun = NOUNS.get(lemma) or NOUNS.get(token.lower_)
        if lemma == "call" and any(c.lower_ in {"phone", "telephone"} for c in token.children):
            noun = "meeting"  # a phone call is a consultation (CAMEO 041)
        if lemma == "contact" and any(
            c.dep_ == "prep" and c.lower_ == "between" for c in token.children
        ):
            noun = "meeting"  # "a first contact between Sarraj and Haftar in Abu Dhabi"
        if not noun:
            return None, False
        if noun == "meeting" and any(c.lower_ in BRIEFING for c in token.lefts):
            return None, False  # "attends a news conference": where words are said, no talks
        token = noun_anchor(token)
        head = token.head
        # "the meeting between X and Y is ...", "held talks", "Talks in Geneva" (a headline);
        # but "the veto was called historic by X" is X speaking about a veto.
        if token.dep_ == "dobj" and follows_a_happening(head):
            return noun, False  # "Monday's talks followed a meeting of the Friends on Sunday"
        if token.dep_ in {"nsubj", "nsubjpass"} and follows_a_happening(head):
            return None, False  # (the talks are told already: what they followed is news)
        if token.dep_ in {"nsubj", "nsubjpass"} and head.pos_ == "VERB":
            judged = head.lemma_.lower() in JUDGING or (
                head.lemma_.lower() in DESCRIBING and trigger_type(head)[0] == "statement"
            )
            return (None if judged else noun), False
        if token.dep_ in {"nsubj", "nsubjpass", "ROOT"}:
            return noun, False
        if token.dep_ == "dobj" and (
            head.lemma_.lower() in JUDGING
            or head.lemma_.lower() in DESCRIBING
            and any(c.dep_ in {"oprd", "acomp"} for c in head.children)
        ):
            return None, False  # "called the deal a political solution": said of a deal
        if (
            token.dep_ in {"dobj", "pobj", "attr"}
            and head.lemma_.lower() in LIGHT_VERBS
            and (head.lemma_.lower(), particle_of(head)) not in PHRASAL  # "called off talks"
        ):
            if noun == "proposal" and head.lemma_.lower() in ASSENTING:
                return "agreement", False  # "Syria has accepted the plan": a yes, not a plan
            return noun, False
        if joined_by(token) is not None:
            return noun, False  # "entered into talks", "took part in the conference"
        if token.dep_ == "dobj" and head.lemma_.lower() in {"join", "support", "back", "endorse"}:
            return noun, False
        if token.dep_ == "pobj" and head.lower_ == "during":
            return noun, False  # "progress was made during a phone call on Sunday"
        if noun == "meeting" and in_talks_with(token) is not None:
            return noun, False  # "made the request in talks with Iranian leaders on Sunday"
        if noun == "meeting" and token.dep_ == "dobj" and head.lemma_.lower() in CLOSING:
            return noun, False  # "wrapped up a round of talks on Friday": the talks' last day
        if scheduled_by(token) is not None:
            return noun, False  # "set their next meeting for Aug. 30": a meeting to come
        if (
            noun == "meeting"
            and token.dep_ in {"dobj", "attr"}
            and any(c.dep_ == "prep" and c.lower_ == "between" for c in token.children)
            and head.lemma_.lower() not in {"call", "urge", "propose", "seek", "want"}
        ):
            return noun, False  # "follows a first contact between Sarraj and Haftar in May"
    return None, False


def reaches_a_place(verb) -> bool:
    """Whether the words after "reached" name a place: "reached Doha Friday night" (which the
    parser may read as one noun), "reached the Swiss capital"."""
    doc = verb.doc
    i = verb.i + 1
    while i < len(doc) and doc[i].dep_ in {"det", "amod"}:
        i += 1
    if i >= len(doc) or i > verb.sent.end - 1:
        return False
    word = doc[i]
    return (
        word.ent_type_ in {"GPE", "LOC", "FAC"}
        or coordinates(word.text) is not None
        or (word.lemma_.lower() in {"capital", "city", "town"} and word.head.i in {verb.i, i + 1})
    )


# Verbs that bring a gathering to its end: "wrapped up a fifth round of talks", "closed the
# conference" (what they end is the event: "ended the truce" is no meeting).
CLOSING = frozenset(["end", "close", "wrap"])


def scheduled_by(token):
    """The verb that puts an event on the calendar: "They set their next meeting for Aug.
    30", "scheduled the next round of talks for March 3", "set the date of Feb. 25 for the
    resumption of the talks"; None if no such verb sets it."""
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "for":
        verb = head.head
        if verb.dep_ == "dobj" and verb.lemma_.lower() in CALENDAR_NOUNS:
            verb = verb.head  # "set the date ... for the resumption"
    elif token.dep_ == "dobj":  # ("the talks were scheduled": the talks' own subject trigger)
        verb = head
    else:
        return None
    if (
        verb.pos_ != "VERB"
        or verb.lemma_.lower() not in SCHEDULING_VERBS
        or particle_of(verb)  # "set up talks", "put off the meeting": another act
    ):
        return None
    return verb


# What a council does by a vote: "The UN Security Council approved the mission".
APPROVING = frozenset(["approve", "endorse", "authorize", "authorise", "adopt", "pass"])
COUNCILS = frozenset(["Council", "Assembly"])

# Light verbs that say yes to what their object proposes: "accepted a six-point plan".
ASSENTING = frozenset(["accept", "agree", "adopt", "sign", "conclude", "finalize", "seal"])

# "declined to comment", "refused to be identified": no answer given, nothing rejected.
NO_COMMENT = frozenset(["comment", "elaborate", "speculate", "specify", "identify", "name"])

# "a news conference", "a press briefing": an occasion for a statement, not a meeting.
BRIEFING = frozenset(["news", "press", "media"])

# What a host offers guests at a working meal: a meeting (CAMEO's HOST * DINNER).
MEALS = frozenset(["dinner", "lunch", "luncheon", "banquet", "breakfast", "supper"])
# Whom a host receives for talks: "hosted Houthi and Saudi officials".
GUESTS = frozenset(
    ["official", "delegate", "delegation", "leader", "minister", "envoy", "representative"]
    + ["counterpart", "president", "diplomat", "negotiator", "team", "party", "side", "rival"]
)

# What words and papers are, which strike no one: "the talks hit a roadblock".
TALKING = frozenset(["meeting", "agreement", "proposal", "statement", "resolution"])

# Verbs of fighting that people (not forces) do with words.
ARGUING = frozenset(["clash", "spar", "fight", "battle"])

# Taking over a post: "Brahimi will replace Annan as envoy", "succeeds him as president".
SUCCEEDING = frozenset(
    ["replace", "succeed", "become", "take", "appoint", "name", "select", "choose", "pick"]
)

# Verbs that stop what their object does: "end military backing" is no force.
STOPPING = frozenset(["end", "stop", "halt", "cease", "suspend", "cut", "ban", "curb", "limit"])

# What makes a campaign or an operation one of force: "a military campaign", "air strikes".
MILITARY = frozenset(["military", "air", "aerial", "bombing", "ground", "armed", "naval"])

# Verbs whose "in"/"into" names what is joined: "entered into talks", "took part in talks".
TAKING_PART = frozenset(["enter", "engage", "participate", "part", "join", "take"])

# Nouns that stand for the talks they are of: "a new round of talks began".
ROUNDS = frozenset(
    ["round", "series", "session", "resumption", "start", "opening", "stage", "phase", "part"]
)


def noun_anchor(token):
    """Where a noun trigger sits in the sentence: "a new round of talks started" -> round."""
    if (
        token.dep_ == "pobj"
        and token.head.lower_ == "of"
        and (token.head.head.lemma_.lower() in ROUNDS)
    ):
        return token.head.head
    return token


HYPOTHETICAL = {"whether", "if", "unless"}
TIME_NOUNS = {
    "day",
    "time",
    "week",
    "month",
    "year",
    "moment",
    "hour",
    "night",
    "morning",
    "evening",
}


def is_hypothetical(clause) -> bool:
    """ "whether to attend talks", "if the talks go ahead": not (yet) a happening."""
    return any(c.dep_ == "mark" and c.lower_ in HYPOTHETICAL for c in clause.children) or any(
        c.dep_ == "advmod" and c.lower_ in HYPOTHETICAL and c.i < clause.i for c in clause.children
    )


# Clauses that give a reason, a concession or a condition: "failed because Syria's government
# insisted on ...", "although Russia agreed ...". What happens in them is background.
BACKGROUND_MARKS = frozenset(
    ["because", "although", "though", "unless", "since", "if", "as", "before", "until"]
)


# Verbs of a gathering's course: "talks began as the envoy met the delegations" tells
# what happened while they began, not why.
COURSE_VERBS = frozenset(["begin", "start", "open", "end", "close", "resume", "conclude", "wrap"])


def in_subordinate_clause(token) -> bool:
    current = token
    for _ in range(12):
        marks = {c.lower_ for c in current.children if c.dep_ == "mark"}
        if current.dep_ == "advcl" and marks & BACKGROUND_MARKS:
            while_it_went_on = (
                marks == {"as"}
                and current.tag_ == "VBD"
                and current.head.lemma_.lower() in COURSE_VERBS
            )
            return not while_it_went_on
        if current.head.i == current.i:
            return False
        current = current.head
    return False


def in_background_clause(token) -> bool:
    """Inside a clause that describes a noun ("countries that recognized the group"):
    background, not the news; except a clause on a time ("the same day Brahimi arrived")."""
    current = token
    for _ in range(20):
        if is_hypothetical(current):
            return True  # "will decide whether to attend talks": not (yet) a happening
        if current.dep_ in {"relcl", "acl"}:
            head = current.head
            # "the same day Brahimi arrived" dates the news; "Sunday, which Syria condemned"
            # is a relative clause that only happens to follow a date.
            relativizer = any(
                t.tag_ in {"WDT", "WP", "WP$"} or (t.lower_ == "that" and t.dep_ != "mark")
                for t in current.children
            )
            temporal = head.lemma_.lower() in TIME_NOUNS or head.ent_type_ in {"DATE", "TIME"}
            return not (temporal and not relativizer)
        if current.head.i == current.i:
            return False
        current = current.head
    return False


def dated_participle(verb) -> bool:
    """A past participle describing a noun with a day of its own ("the deal reached
    Thursday", "the truce signed on Sunday"): a reduced relative clause that tells when;
    or a relative clause that does ("Griffiths, who arrived in Amman on Tuesday")."""
    relative = verb.dep_ == "relcl" and verb.pos_ == "VERB"
    if not relative and (verb.dep_ != "acl" or verb.tag_ != "VBN"):
        return False
    # (a light verb's object may carry the day: "where the two sides began talks on 25 October")
    objects = [c for c in verb.children if c.dep_ == "dobj"] if relative else []
    for child in [*verb.children, *(g for o in objects for g in o.children)]:
        if child.dep_ in {"npadvmod", "tmod"} and child.ent_type_ == "DATE":
            return True
        if (
            child.dep_ == "prep"
            and child.lower_ in {"on", "in"}
            and any(g.dep_ == "pobj" and g.ent_type_ == "DATE" for g in child.children)
        ):
            return True
    return False


def clause_tokens(trigger, keep_participles: bool = False) -> list:
    """The trigger's own clause: its subtree without clauses that hang off nouns or conditions.

    With `keep_participles`, a participle describing an object stays: in "shots were fired at
    a car carrying U.N. observers" the observers were shot at."""
    out = []
    stack = [trigger]
    while stack:
        tok = stack.pop()
        out.append(tok)
        for child in tok.children:
            dep = child.dep_
            if dep in SIDE_CLAUSES:
                if keep_participles and dep == "acl" and child.tag_ in {"VBG", "VBN"}:
                    stack.append(child)
                    continue
                if dep == "acl" and child.lemma_.lower() in SCHEDULED | {"represent"}:
                    # "a round of meetings scheduled for January"; "met a team representing
                    # the insurgents": the insurgents met
                    stack.append(child)
                    continue
                marks = {c.lower_ for c in child.children if c.dep_ == "mark"}
                if dep in {"relcl", "acl", "csubj", "parataxis"} or marks & SUBORDINATORS:
                    continue
            if dep in {"pcomp", "ccomp"} and indirect_question(child):
                continue  # "the question of what part Assad might play": nobody acts in it
            if dep == "conj" and any(
                c.dep_ == "mark" and c.lower_ == "that" for c in child.children
            ):
                continue  # "said talks had ended, but that he was hopeful ... in the coming days"
            stack.append(child)
    return out


def indirect_question(clause) -> bool:
    """ "what part Assad might play", "who would lead the delegation": asked, not done."""
    return any(
        t.tag_ in {"WDT", "WP", "WP$", "WRB"} and t.i < clause.i
        for c in clause.children
        for t in [c, *c.children]
    )


FIRST_PERSON = frozenset(["we", "i"])
DESCRIBING = frozenset(["call", "term", "label", "brand", "dub", "describe"])
# Verbs that judge what they are said of: "the veto was condemned" is the condemnation's news,
# but "the agreement was announced on Wednesday" is the agreement's.
JUDGING = frozenset(
    ["welcome", "praise", "hail", "condemn", "criticize", "criticise", "denounce", "blame"]
    + ["deplore", "applaud", "reject", "dismiss"]
)
# Speech acts whose complement is their content: "urged all sides to cooperate" is an appeal,
# "threatened to veto" a threat; nothing in the complement has happened.
GOVERNING_TYPES = frozenset(["appeal", "invitation", "threat"])


def speaks_for_itself(token) -> bool:
    """ "We have agreed to implement a cessation of hostilities," Kerry said: a quoted act in
    the first person is the speaker's own; "we could meet" is only a possibility."""
    children = list(token.children)
    return any(
        c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in FIRST_PERSON for c in children
    ) and not any(c.dep_ == "aux" and c.lower_ in MODALS for c in children)


def names_its_doer(token) -> bool:
    """ "'Russian, American and Jordanian experts agreed on a memorandum,' Lavrov said": a
    quoted act told in the past of those it names is reported, like one not quoted."""
    return (
        token.tag_ == "VBD"
        and token.dep_ in {"ROOT", "ccomp"}
        and not any(c.dep_ == "aux" and c.lower_ in MODALS for c in token.children)
        and any(
            c.dep_ == "nsubj"
            and any(t.ent_type_ in {"GPE", "NORP", "ORG", "PERSON"} for t in c.subtree)
            for c in token.children
        )
    )


def governed_by_speech_act(token) -> bool:
    """The trigger is the content of an appeal, invitation or threat around it."""
    current = token
    for _ in range(8):
        if current.dep_ not in {"xcomp", "ccomp", "conj"} or current.head.i == current.i:
            return False
        infinitive = current.dep_ == "xcomp" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in current.children
        )
        current = current.head
        if current.dep_ == "conj" or token.dep_ == "conj" and current.i == token.head.i:
            continue  # "to sign the agreement and withdraw": the conjunct's governor counts
        kind, verbal = trigger_type(current)
        if verbal and kind in GOVERNING_TYPES:
            return True
        if current.lemma_.lower() in {"ask", "request"} and any(
            c.dep_ in {"dobj", "dative"} for c in current.children
        ):
            return True  # "agreed to ask the UN to broker a deal": the asking is the act
        if (
            infinitive
            and current.lemma_.lower() in DIRECTING
            and any(c.dep_ in {"dobj", "dative"} for c in current.children)
        ):
            return True  # "told their teams to reach a final agreement": an instruction
        if current.lemma_.lower() in REPORTING_VERBS:
            return False
    return False


# Verbs that tell someone to do something: what they govern is an order, not yet done.
DIRECTING = frozenset(["tell", "order", "instruct", "direct", "command"])


# Verbs of wanting: what they govern is a wish, not a plan ("is hoping to strike an
# agreement by September 1", "wants to hold talks next week").
WISHING = frozenset(["hope", "wish", "want", "seek", "try", "aim", "dream", "attempt", "strive"])


def wished_for(token) -> bool:
    """The trigger (or its noun's verb) is what someone hopes, wants or tries to do."""
    current = token if token.pos_ in {"VERB", "AUX"} else token.head
    for _ in range(4):
        if current.dep_ not in {"xcomp", "ccomp"} or current.head.i == current.i:
            return False
        current = current.head
        if current.lemma_.lower() in WISHING:
            return True
    return False


def purpose_of_a_deal(verb) -> bool:
    """ "had reached a deal to end America's longest war", "held talks to end the fighting":
    an infinitive of purpose hanging on a verb whose object names a happening."""
    head = verb.head
    return (
        verb.dep_ in {"advcl", "xcomp"}
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)
        and head.i != verb.i
        and any(c.dep_ == "dobj" and c.lemma_.lower() in NOUNS for c in head.children)
    )


def ranked_triggers(sent, quotes) -> list[Candidate]:
    """The sentence's candidate triggers, best first; several rules ask, so each sentence's
    list is made once (the doc keeps it while it is being read)."""
    key = (sent.start, sent.end)
    cache = sent.doc.user_data.setdefault("timeline_ranked_triggers", {})
    if key not in cache:
        cache[key] = _ranked_triggers(sent, quotes)
    return cache[key]


# Adverbs that make a verb tell a habit or a stance over time, not one act.
HABITUAL = frozenset(
    ["long", "repeatedly", "often", "frequently", "always", "regularly", "routinely"]
    + ["consistently", "usually", "persistently", "constantly"]
)


def _ranked_triggers(sent, quotes) -> list[Candidate]:
    candidates = []
    for token in sent:
        if token.pos_ not in TRIGGERING_POS and not token.tag_.startswith("VB"):
            continue  # (no type: trigger_type would say so)
        kind, verbal = trigger_type(token)
        # "We have agreed ...": a quoted act is the speaker's, a quoted opinion ("I think")
        # is not an event.
        quoted_act = (
            verbal
            and SPECIFICITY.get(kind, 0) >= 3
            and (speaks_for_itself(token) or names_its_doer(token))
        )
        if kind and quotes and inside(token.idx, quotes) and not quoted_act:
            continue
        if kind and governed_by_speech_act(token if verbal else token.head):
            continue  # "urged them to sign the agreement": the appeal is the news
        if kind and wished_for(token):
            continue  # "is hoping to strike an agreement by September 1": a wish
        if verbal and purpose_of_a_deal(token):
            continue  # "reached a deal in principle to end the war": the deal's aim
        if (
            kind
            and verbal
            and any(c.dep_ == "aux" and c.lower_ in MODALS for c in auxiliaries(token))
            and not reported_intention(token, kind)
        ):
            continue  # "must first be discussed", "could meet": a possibility, not a happening
        if (
            kind
            and verbal
            and token.dep_ == "xcomp"
            and token.head.lemma_.lower() in {"have", "need", "ought"}
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        ):
            continue  # "groups would have to pull out of the zone": an obligation
        if not kind or (verbal and is_negated(token) and kind not in {"rejection"}):
            continue
        if verbal and token.dep_ == "amod":
            continue  # "UN-brokered talks", "a signed agreement": a modifier, not a report
        if verbal and takes_a_stance(token):
            continue  # "delegates opposed to Assad": who they are, not what they did
        if verbal and any(c.dep_ == "advmod" and c.lower_ in HABITUAL for c in token.children):
            continue  # "had long threatened to quit", "has repeatedly refused": a habit
        if not verbal and token.head.pos_ == "VERB" and is_negated(token.head):
            continue  # "did not attend the meeting": no meeting of theirs
        if (
            kind
            and not verbal
            and token.dep_ == "dobj"
            and token.head.lemma_.lower() in LIGHT_VERBS
            and any(c.dep_ == "aux" and c.lower_ in MODALS - {"would"} for c in token.head.children)
        ):
            continue  # "could reach an agreement": a possibility ("would host talks" is a plan)
        if verbal and token.tag_ == "VBG" and token.dep_ == "pcomp":
            continue  # "After meeting Mr Lavrov, ..." sets the scene; it is not the report
        if verbal and token.tag_ == "VBG" and contents_of(token):
            continue  # "Those conditions included halting the violence": what they hold
        if (
            verbal
            and token.tag_ == "VBN"
            and token.dep_ == "advcl"
            and token.lemma_.lower() in MEDIATING
            and token.head.pos_ == "VERB"
            and any(c.dep_ == "agent" for c in token.children)
            and not any(c.dep_ in {"aux", "auxpass", "mark"} for c in token.children)
        ):
            continue  # "talks opened on Monday, hosted by Bashir": how the talks were held
        if in_background_clause(token) or in_subordinate_clause(token):
            continue
        if verbal and relative_subject(token):
            continue  # "Russia, which has vetoed three resolutions": a relative clause misparsed
        anchor = token if verbal else noun_anchor(token)
        candidates.append(Candidate(anchor, kind, depth_of(anchor), verbal))
    ranked = sorted(candidates, key=Candidate.rank)
    # "The League made a proposal during a meeting on Sunday": the meeting is when the act
    # was done; the act its verb names is the news (with no act beside it, "progress was
    # made during a phone call", the call is)
    setting = [c for c in ranked if during_an_act(c, candidates)]
    return [c for c in ranked if c not in setting] + setting


def takes_a_stance(token) -> bool:
    """ "rebels opposed to Assad", "groups linked to al-Qaeda", "militias backed by Iran": a
    participle after its noun that tells whom the noun's party stands with or against."""
    if token.lower_ not in STANCES:
        return False
    if token.dep_ == "acl" and token.tag_ == "VBN" and token.head.pos_ in {"NOUN", "PROPN"}:
        return True
    # (parsed as the verb of "delegates" when the sentence's own verb follows: "after some
    # delegates opposed to Assad refused to leave the airport")
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    prep = next((c for c in token.rights if c.dep_ == "prep"), None)
    if subject is None or prep is None or subject.i != token.i - 1 or subject.tag_ != "NNS":
        return False
    after = prep.right_edge.i + 1
    return after < len(token.doc) and token.doc[after].tag_ == "VBD"


def during_an_act(candidate, candidates) -> bool:
    """Whether `candidate` is the gathering of "during a meeting" on a verb whose own
    object is another candidate's event."""
    token = candidate.token
    if candidate.verbal or token.dep_ != "pobj" or token.head.lower_ != "during":
        return False
    verb = token.head.head
    return any(
        other is not candidate and not other.verbal and other.token.head.i == verb.i
        and other.token.dep_ == "dobj"
        for other in candidates
    )  # fmt: skip


def contents_of(token) -> bool:
    """Whether a gerund says what something holds or asks for ("the conditions included
    halting the violence", "the plan requires withdrawing troops"), not a happening; a
    conjunct ("... and convincing the regime") shares its head's place."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token.dep_ in {"xcomp", "dobj", "ccomp"} and token.head.lemma_.lower() in CONTAINING


# Verbs that tell what a plan, a deal or its conditions hold.
CONTAINING = frozenset(["include", "involve", "require", "entail", "mean", "envisage", "cover"])


def reported_intention(verb, kind) -> bool:
    """ "De Mistura said he would travel to Damascus next week": a "would" that reports what
    someone said they will do is a plan, not a possibility, when it is a thing done on a
    day (a visit, talks, a resignation), not a stance ("said Russia would back the plan")."""
    return (
        (kind in {"visit", "meeting"} or SPECIFICITY.get(kind, 0) >= 4 and kind != "veto")
        and verb.dep_ == "ccomp"
        and verb.head.lemma_.lower() in REPORTING_VERBS
        and verb.head.tag_ == "VBD"
        and [c.lower_ for c in verb.children if c.dep_ == "aux"] == ["would"]
        and not any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in verb.children)
    )


def auxiliaries(verb) -> list:
    """A verb's auxiliaries, or for a conjoined verb with no subject or auxiliary of its own
    its first conjunct's: in "must vacate the zone and withdraw" withdrawing is a must too."""
    own = [c for c in verb.children if c.dep_ in {"aux", "auxpass", "nsubj", "nsubjpass"}]
    if own or verb.dep_ != "conj" or verb.head.i == verb.i:
        return [c for c in own if c.dep_ in {"aux", "auxpass"}]
    return [c for c in verb.head.children if c.dep_ in {"aux", "auxpass"}]


def shares_perfect(verb) -> bool:
    """A conjoined verb with no subject or auxiliary of its own under a present perfect:
    "has stated ... and warned" (the tagger often calls the second a simple past)."""
    borrowed = verb.dep_ == "conj" and not any(
        c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in verb.children
    )
    return borrowed and any(
        c.lemma_.lower() == "have" and c.tag_ in {"VBZ", "VBP"} for c in auxiliaries(verb)
    )


def relative_subject(verb) -> bool:
    """A verb whose subject is "which" or "who" (on it or on its auxiliary, as the parser
    sometimes hangs it) is a relative clause, whatever its label."""
    near = [verb] + [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    return any(
        c.dep_ in {"nsubj", "nsubjpass"} and c.tag_ in {"WDT", "WP"}
        for t in near
        for c in t.children
    )


def is_planned(trigger, text: str, offset: int) -> bool:
    """Still to happen: "will meet", "is due in Russia for talks", "plans to visit". A saying
    is planned only by its own verb: in "The talks were scheduled to begin Friday, but
    Brahimi said ..." the saying is done."""
    if trigger.type == "statement" and trigger.verbal:
        return any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in trigger.token.children)
    if trigger.type == "appointment" and trigger.token.lemma_.lower() in SUCCEEDING:
        return False  # "Brahimi will replace Annan as envoy": the naming is done
    verb = verb_of(trigger)
    chain = [verb]
    while chain[-1].dep_ in {"xcomp", "conj"} and chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    if any(c.lower_ in FUTURE_AUX for v in chain for c in v.children if c.dep_ == "aux"):
        return True
    if reported_intention(chain[-1], trigger.type):
        return True
    window = text[max(0, chain[-1].idx - offset - 40) : trigger.token.idx - offset]
    return bool(FUTURE_PHRASES.search(window))


# Verbs that make a deal: "reached an agreement", "struck a deal".
DEAL_VERBS = frozenset(["reach", "strike", "sign", "seal", "clinch", "conclude"])


def deal_just_made(trigger, participants) -> bool:
    """ "The rivals have reached an understanding on Taiz": a deal made in the present perfect
    by named parties is the story's news, made as it is told."""
    if trigger.verbal or trigger.type != "agreement":
        return False
    verb = verb_of(trigger)
    return (
        present_perfect(verb)
        and verb.lemma_.lower() in DEAL_VERBS
        and any(a.role == SOURCE for a in participants)
    )


def present_perfect(verb) -> bool:
    """ "have reached", "has expressed": an auxiliary "have" in the present."""
    return any(
        c.dep_ == "aux" and c.lemma_.lower() == "have" and c.tag_ in {"VBP", "VBZ"}
        for c in verb.children
    )


def profiled(verb) -> bool:
    """Whether the subject of `verb` carries an age between commas ("Brahimi, 78,"): the
    sentence tells who the person is, not what happened."""
    while verb.dep_ in {"xcomp", "conj"} and verb.head.i != verb.i:
        verb = verb.head
    return any(
        subject.dep_ in {"nsubj", "nsubjpass"}
        and any(
            c.dep_ in {"appos", "amod", "nummod"}
            and c.like_num
            and c.i > subject.i
            and c.i + 1 < len(c.doc)
            and c.nbor(-1).text == ","
            and c.nbor(1).text == ","
            for c in subject.children
        )
        for subject in verb.children
    )


def just_said(trigger, participants) -> bool:
    """ "Erdogan has expressed optimism over the meeting": a person's word in the present
    perfect is the story's news, said as it is told; not a standing line ("Moscow has
    repeatedly said")."""
    if not trigger.verbal or trigger.type != "statement":
        return False
    verb = verb_of(trigger)
    return (
        present_perfect(verb)
        and not any(c.lower_ in HABITUAL for c in verb.children)
        and any(a.role == SOURCE and a.kind == PERSON for a in participants)
    )


def is_reported(sent, trigger) -> bool:
    """True when the sentence's report is past or explicitly timed, not a standing state."""
    if trigger.token.lower_ == "according":
        return True  # a quotation given with its source was said (see quoted_according_to)
    verb = verb_of(trigger)
    tags = {verb.tag_} | {c.tag_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    aux = {c.lemma_.lower() for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    if shares_perfect(verb):
        tags = {"VBN"}  # "has repeatedly stated ... and warned": has warned, not warned
    governing = verb
    while (
        governing.dep_ in {"xcomp", "ccomp", "conj"}
        # "Marquez slammed foreign oil interests, saying their presence was destructive":
        # the participle's saying is as past as the verb it hangs on
        or (
            governing.dep_ == "advcl"
            and governing.tag_ == "VBG"
            and not any(c.dep_ in {"nsubj", "mark"} for c in governing.children)
        )
    ) and governing.head.i != governing.i:
        governing = governing.head
        tags |= {governing.tag_} | {
            c.tag_ for c in governing.children if c.dep_ in {"aux", "auxpass"}
        }
        aux |= {c.lemma_.lower() for c in governing.children if c.dep_ in {"aux", "auxpass"}}
    # "Russia and China, which had vetoed ..., called on all parties": the tagger's VBN on a
    # root verb with no auxiliary is a simple past.
    bare_participle = verb.tag_ == "VBN" and verb.dep_ == "ROOT" and not aux
    return bool("VBD" in tags or aux & FUTURE_AUX or "MD" in tags or bare_participle)


@dataclass(slots=True)
class Found:
    event: Event
    explicit: bool  # the date was written in the sentence
    sentence_index: int
    paragraph: int = 0
    headline: bool = False
    mention_only: bool = False
    lede: bool = False
    last_index: int = -1  # the last sentence folded into it
    further: bool = False  # "also", "in addition": a further act, not the last one retold

    def __post_init__(self):
        self.last_index = self.sentence_index

    @property
    def sources(self) -> set[str]:
        return {a.name for a in self.event.actors if a.role == SOURCE}


def quoted_as_saying(verb) -> bool:
    """ "State media quoted the minister as saying ...": the minister's words, passed on."""
    return (
        verb.lemma_.lower() in QUOTING
        and any(c.dep_ == "dobj" for c in verb.children)
        and any(as_saying(c) is not None for c in verb.children)
    )


def speech_time(verb) -> list:
    """The words that can date a verb of saying: "said Friday", "told reporters on Monday",
    "said in a statement Thursday"; not the clause that says what was said."""
    out = []
    for child in verb.children:
        if child.dep_ in {"npadvmod", "tmod", "advmod"}:
            out.append(child)
        elif (saying := as_saying(child)) is not None:
            out += speech_time(saying)  # "quoted Lavrov as saying on Monday that ...": its time
        elif child.dep_ == "prep":
            # "comments on Annan's announcement that a meeting will be held on 30 June": what
            # is still to come, on a noun, has its own time
            # "announced at an appearance in Pretoria, where the talks began on 25 October":
            # a relative clause tells a time of its own.
            ahead = {
                t.i
                for clause in child.subtree
                if clause.dep_ == "relcl"
                or clause.dep_ == "acl"
                and any(a.lower_ in FUTURE_AUX for a in clause.children if a.dep_ == "aux")
                # "in reply to a question about a possible summit on October 19": what the
                # words are about has its own day
                or clause.dep_ == "pobj"
                and clause.head.lower_ in TOPIC_PREPOSITIONS
                and clause.lemma_.lower() in NOUNS
                for t in clause.subtree
            }
            out += [t for t in child.subtree if t.i not in ahead]
        elif child.pos_ == "ADJ" and child.dep_ in {"ccomp", "oprd", "acomp", "xcomp"}:
            out += speech_time(child)  # "declared the envoys unwelcome on Tuesday"
        elif child.dep_ == "advcl" and child.tag_ == "VBG" and child.lemma_.lower() in SPEAKING:
            out += list(child.subtree)  # "Speaking in Moscow on Monday, Lavrov said"
        elif child.dep_ == "nsubj":
            # "Lavrov, speaking at a news conference on Monday, said"; "a statement released
            # on Saturday said": when the words were given out
            out += [
                t
                for c in child.children
                if c.dep_ in {"acl", "advcl"}
                and (
                    c.tag_ == "VBG"
                    and c.lemma_.lower() in SPEAKING
                    or c.tag_ == "VBN"
                    and c.lemma_.lower() in ISSUING
                )
                for t in c.subtree
            ]
    return out


# Prepositions that say what words are about: "asked about the summit on October 19".
TOPIC_PREPOSITIONS = frozenset(["about", "regarding", "concerning", "over", "on"])


# Verbs of giving out a text: "a statement released on Saturday", "a report issued Monday".
ISSUING = frozenset(["release", "issue", "publish", "post", "circulate", "distribute"])


# Verbs of the occasion a saying is made on: "speaking at a news conference on Monday".
SPEAKING = frozenset(["speak", "talk", "address", "write", "appear", "comment", "brief", "answer"])


GATHERING = frozenset(["meet", "gather", "convene", "assemble"])
# Verbs that say when a happening named by a noun happened: "which was held on Monday".
HAPPENING_VERBS = frozenset(
    ["hold", "take", "begin", "start", "open", "end", "close", "conclude", "occur", "happen"]
)


def event_date(sent, trigger, dates_in_sentence, inherited, hanging=()):
    """The date expression that belongs to the trigger, else the inherited one.

    A date in a clause that hangs off a noun belongs to that clause: in "Brahimi, who
    arrived in Damascus on Sunday, told reporters ..." Sunday is not when he told them.
    A trigger inside what "a day after" hangs on is a day before the clause around it: in
    "The team arrived on Sunday, a day after the Council approved the mission" the approval
    was on Saturday.
    """
    for mention in hanging:
        start, end = mention.hangs_on
        if start <= trigger.token.idx < end:
            around = [
                d for d in dates_in_sentence
                if d is not mention and not start <= d.start < end and d.start < start
            ]  # fmt: skip
            own = around[-1] if around else inherited
            placed = hung_date(mention, own) if own is not None else None
            if placed is not None:
                return placed, True
    when = relative_time(trigger.token, dates_in_sentence)
    if when is not None:
        return when, True
    if trigger.verbal and trigger.type == "statement":
        # "He said the plan was agreed in Geneva last year": what is said carries its own
        # times; the saying is dated only by words on the verb itself.
        own = {t.idx for t in speech_time(trigger.token)}
    else:
        own = {t.idx for t in clause_tokens(trigger.token)}
        if not trigger.verbal:
            # "The meeting, which was held in Geneva on Monday, ended": its own clause
            # (the parser may hang the clause on "Kerry" in "between Lavrov and Kerry, which
            # was held ...": a "which" that was held is the meeting)
            own |= {
                t.idx
                for c in trigger.token.subtree
                if c.dep_ == "relcl"
                and c.lemma_.lower() in HAPPENING_VERBS
                and any(w.lower_ in {"which", "that"} for w in c.children)
                for t in c.subtree
            }
        if trigger.verbal and trigger.type == "appeal":
            # "requested him to convene talks by early January": the target is the talks'.
            own -= {
                t.idx
                for c in trigger.token.children
                if c.dep_ in {"xcomp", "ccomp"}
                for t in c.subtree
            }
        elif trigger.verbal and trigger.type in {"agreement", "proposal", "invitation"}:
            # "agreed to sign a peace deal within six months", "offered to hold talks next
            # month", "invited them to meet in the first week of January": the act agreed,
            # offered or invited to is later than the agreeing, and its date its own.
            own -= {
                t.idx
                for c in trigger.token.children
                if c.dep_ == "xcomp"
                and any(a.lower_ == "to" for a in c.children)
                or starts_a_truce(c)  # "agreed to a truce starting Saturday": the truce's day
                # "agreed that a prisoner swap would take place before next year"
                or c.dep_ == "ccomp"
                and any(a.lower_ in FUTURE_AUX | {"would", "should"} for a in auxiliaries(c))
                for t in c.subtree
            }
            if trigger.token.tag_ in {"VBD", "VBN"} and any(
                c.dep_ == "prep"
                and c.lower_ == "to"
                and any(NOUNS.get(o.lemma_.lower()) == "meeting" for o in c.children)
                for c in trigger.token.children
            ):
                # "have agreed to peace talks in Abuja on Aug. 23": a day still ahead is the
                # talks', not the agreeing's
                own -= {
                    i for d in dates_in_sentence if d.future for i in own if d.start <= i < d.end
                }
        # "accepted the result, and said he would meet them on Monday": what a conjoined
        # verb says carries its own times.
        own -= {
            t.idx
            for conj in trigger.token.children
            if conj.dep_ == "conj" and conj.pos_ == "VERB"
            for c in conj.children
            if c.dep_ in {"ccomp", "xcomp"} and conj.lemma_.lower() in REPORTING_VERBS
            for t in c.subtree
        }
    head = verb_of(trigger)
    if head.i != trigger.token.i:
        own |= {t.idx for t in clause_tokens(head)}
    if (
        trigger.verbal
        and trigger.token.tag_ == "VBG"
        and (
            trigger.token.dep_ == "xcomp"
            # ("put the talks on hold until February 25, saying ...": words keep their own
            # time, see speech_time)
            or trigger.token.dep_ == "advcl"
            and trigger.type not in SPEECH_TYPES
        )
        and not any(c.dep_ in {"mark", "aux"} for c in trigger.token.children)
    ):
        # "on Friday began swapping prisoners": the beginning's day is the swap's; "were
        # held on October 30, gathering diplomats from 17 countries": so is the gathering's
        own |= {t.idx for t in clause_tokens(trigger.token.head)}
    if trigger.verbal and not same_kin(trigger.type, "meeting"):
        # "the talks scheduled to start on Monday will be postponed": Monday is the talks'
        # day, not the postponing's.
        own -= {
            t.idx
            for subject in head.children
            if subject.dep_ in {"nsubj", "nsubjpass"}
            for acl in subject.subtree
            if acl.dep_ == "acl" and acl.lemma_.lower() in SCHEDULED
            for t in acl.subtree
        }
    reporter = head  # a noun's verb: "have signed a memorandum, the minister announced"
    while reporter.dep_ in {"ccomp", "xcomp", "conj"} and reporter.head.i != reporter.i:
        reporter = reporter.head
    # "Lavrov said on Monday that Moscow would host talks next month": the talks are next
    # month; the reporting verb's own date counts only when the report has none.
    speech = set()
    if reporter.i != head.i:
        speech = {t.idx for t in speech_time(reporter)}
    # "Kobler went to Al-Baida on Wednesday to hold a meeting with Haftar": the purpose is
    # carried out when its verb's sentence says.
    purpose = head
    while (
        purpose.dep_ in {"xcomp", "advcl"}
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in purpose.children)
        and purpose.head.i != purpose.i
    ):
        purpose = purpose.head
    if purpose.i != head.i:
        speech |= {t.idx for t in speech_time(purpose)}
    # "According to a statement issued by the Kremlin on Monday, Putin and Erdogan spoke":
    # the report's day bounds what it reports.
    speech |= {
        t.idx
        for c in reporter.children
        if c.dep_ == "prep" and c.lower_ == "according"
        for t in c.subtree
    }
    pos = trigger.token.idx
    doc = trigger.token.doc
    # "Speaking after Saturday's talks, Kerry told a news conference": said at the talks'
    # end, that day (when nothing else dates it); "After a meeting in Riyadh last week, the
    # groups agreed": that week (but "met ..., after a first meeting in January" is another
    # meeting, later).
    coarse = () if same_kin(trigger.type, "meeting") else (MONTH,)
    after_a_gathering = [
        d for d in dates_in_sentence
        if d.precision in (DAY, *coarse) and (owner := gathering_dated(doc, d)) is not None
        and owner.dep_ == "pobj" and owner.head.lower_ in {"after", "following"}
        and NOUNS.get(owner.lemma_.lower()) == "meeting"
    ]  # fmt: skip
    # "in retaliation for last month's massacre": a date that modifies another happening's
    # noun is that happening's; but what is done "at Saturday's meeting" is done that day.
    dates_in_sentence = [
        d for d in dates_in_sentence
        if (owner := noun_dated(doc, d)) is None or owner.i == trigger.token.i
        or owner.dep_ == "pobj" and owner.head.lower_ in {"at", "during", "in"}
        # "Saturday's conference agreed a plan": what a gathering does, it does that day
        or owner.dep_ == "nsubj" and owner.head.i == head.i
        and NOUNS.get(owner.lemma_.lower()) == "meeting" and not follows_a_happening(head)
    ]  # fmt: skip
    # "met on Tuesday, after a first meeting in January last year": the date of a happening
    # named after "after" or "before" is that happening's.
    dates_in_sentence = [d for d in dates_in_sentence if not of_an_earlier_happening(doc, d)]
    dates_in_sentence = without_restatements(dates_in_sentence, sent.text, sent.start_char)
    # "since arriving in Tripoli in March 2016, Serraj has struggled": the date is the
    # arrival's, a happening of its own in the background.
    dates_in_sentence = [d for d in dates_in_sentence if not in_since_clause(doc, d)]
    # "failed to show up ... a ceasefire in effect since April 11": "since" starts a state; it
    # dates only a change that still holds ("the talks have been suspended since Monday").
    text, offset = sent.text, sent.start_char  # Doc.text would join every token
    perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb_of(trigger).children)
    dates_in_sentence = [
        d
        for d in dates_in_sentence
        if not SINCE.search(text[max(0, d.start - offset - 12) : d.start - offset].rstrip())
        # "rebels, at war since 2020, have agreed": a since on another word is its own
        or perfect
        and since_on(doc, d, verb_of(trigger))
    ]
    for clause in (own, speech):
        attached = [d for d in dates_in_sentence if any(d.start <= i < d.end for i in clause)]
        if attached:
            # The date closest to the trigger wins: "killed Friday", "met on Thursday".
            return min(attached, key=lambda d: abs(d.start - pos)), True
    for clause in (own, speech):
        attached = [d for d in after_a_gathering if any(d.start <= i < d.end for i in clause)]
        if attached:
            return min(attached, key=lambda d: abs(d.start - pos)), True
    # "Talks collapsed on Monday after the delegation walked out": a time clause with no
    # date of its own happened when the clause it qualifies did (a gap would be dated: "a
    # day after" hangs on it instead).
    if head.dep_ == "advcl" and any(
        # the parser makes "when" a mark or an adverb: "collapsed when the Houthis failed"
        c.dep_ in {"mark", "advmod"} and c.lower_ in TIME_CLAUSE_MARKS and c.i < head.i
        for c in head.children
    ):
        around = {t.idx for t in clause_tokens(head.head)}
        attached = [d for d in dates_in_sentence if any(d.start <= i < d.end for i in around)]
        if attached:
            return min(attached, key=lambda d: abs(d.start - pos)), True
    # "EU ministers, who met in Brussels on Monday, agreed to ...": what those gathered do,
    # they do at the gathering the clause on them dates.
    doer = head
    while doer.dep_ in {"xcomp", "conj"} and doer.head.i != doer.i:
        doer = doer.head  # "agreed to impose sanctions": the ministers agreed
    gathered = [
        clause
        for subject in doer.children
        if subject.dep_ in {"nsubj", "nsubjpass"} and subject.tag_ in {"NNS", "NNPS"}
        for clause in subject.children
        if clause.dep_ in {"relcl", "acl"} and clause.lemma_.lower() in GATHERING
    ]
    for clause in gathered:
        inside = {t.idx for t in clause.subtree}
        attached = [d for d in dates_in_sentence if any(d.start <= i < d.end for i in inside)]
        if attached:
            return min(attached, key=lambda d: abs(d.start - pos)), True
    if inherited is None or inherited.start < 0:
        return inherited, False
    # Inherited from an earlier sentence: the event's sentence has no date words of its own.
    return (
        dataclasses.replace(
            inherited,
            text="",
            start=-1,
            end=-1,
            anchor=ANCHOR_PREVIOUS,
            anchor_value=inherited.value,
        ),
        False,
    )


def since_on(doc, date, verb) -> bool:
    """Whether the "since" before `date` hangs on `verb`: "have been suspended since Monday"."""
    span = doc.char_span(date.start, date.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    since = doc[span.start - 1]
    return since.lower_ == "since" and since.head.i == verb.i


def since_clause_on(doc, date, verb) -> bool:
    """Whether `date` dates a "since" clause that hangs on `verb`: "300,000 people have been
    killed since the uprising began in March 2011" (the uprising's date, the toll's start)."""
    span = doc.char_span(date.start, date.end, alignment_mode="expand")
    if span is None:
        return False
    token, path = span.root, []
    for _ in range(8):
        if token.head.i == token.i:
            return False
        path.append(token)
        if token.head.i == verb.i:
            # ("since the uprising ... began": "since" as the clause's mark, or as the
            # preposition whose noun the clause tells of)
            return any(
                c.lower_ == "since" and c.i < span.start
                for t in [*path, verb]
                for c in t.children
                if t is not verb or c.i > verb.i  # ("killed since the war ... erupted in")
            )
        token = token.head
    return False


def in_since_clause(doc, date) -> bool:
    """Whether `date` dates the verb of a "since" clause ("since arriving in Tripoli in March
    2016", "since taking office in 2014")."""
    span = doc.char_span(date.start, date.end, alignment_mode="expand")
    if span is None:
        return False
    token = span.root
    for _ in range(8):
        if token.head.i == token.i:
            return False
        token = token.head
        if token.lower_ == "since" and any(c.dep_ == "pcomp" for c in token.children):
            return True
        if token.dep_ in {"ROOT", "ccomp", "conj"}:
            return False
    return False


def without_restatements(dates, text: str, offset: int) -> list:
    """The dates but those in brackets right after another, which restate it: in "a truce
    starting next Monday (12 September)" the second belongs where the first does, however
    the parser hung the brackets.

    >>> monday = DateMention("next Monday", 9, 20, "2016-09-12", DAY, "published", "2016-09-10")
    >>> again = DateMention("12 September", 22, 34, "2016-09-12", DAY, "absolute", None)
    >>> [d.text for d in without_restatements([monday, again], "starting next Monday (12 September)", 0)]
    ['next Monday']
    """
    return [
        d
        for d in dates
        if not any(
            0 <= d.start - e.end <= 3 and "(" in text[e.end - offset : d.start - offset]
            for e in dates
        )
    ]


# Conjunctions of a clause that happened at about the time of the clause it qualifies.
TIME_CLAUSE_MARKS = frozenset(["after", "before", "when", "as", "while", "once"])


def relative_time(token, dates):
    """The date a "when" clause hangs on: in "chaos since late 2014, when the Houthis overran
    Sanaa" the Houthis overran it in late 2014."""
    current = token
    for _ in range(8):
        if current.dep_ == "relcl":
            head = current.head
            return next((d for d in dates if d.start <= head.idx < d.end), None)
        if current.head.i == current.i or current.dep_ not in {"conj", "xcomp", "advcl"}:
            return None
        current = current.head
    return None


def coordinated_events(sent, main, dates, sentence_actors, quotes, main_event) -> list[Event]:
    """A second predicate with its own date: "Griffiths spoke on Thursday at the closing
    ceremony and is expected to brief the Council on Friday" reports two happenings."""
    out = []
    if not main.verbal:
        return out
    top = main.token
    while top.dep_ in {"xcomp", "acomp"} and top.head.i != top.i:
        top = top.head  # "is expected to brief": the predicate is "is expected"
    siblings = [c for c in top.children if c.dep_ == "conj"]
    if top.dep_ == "conj":
        siblings.append(top.head)
    related = []
    for sibling in siblings:
        related.append(sibling)
        related += [c for c in sibling.children if c.dep_ == "xcomp"]
        if sibling.lemma_.lower() in REPORTING_VERBS:
            # "Santos accepted the result, and said he would meet the parties on Monday"
            related += [c for c in sibling.children if c.dep_ == "ccomp"]
    for token in related:
        if token.pos_ != "VERB" or (quotes and inside(token.idx, quotes)):
            continue
        kind, _ = trigger_type(token)
        if not kind or is_negated(token):
            continue
        candidate = Candidate(token, kind, depth_of(token), True)
        date, explicit = event_date(sent, candidate, dates, None)
        if not explicit or date is None or date.value == main_event.date.value:
            continue
        participants = event_actors(sent, candidate, sentence_actors, quotes)
        if not participants:
            continue
        out.append(another_event(sent, main_event, candidate, kind, participants, date))
    return out


def dated_participles(sent, quotes, sentence_actors, relative=False):
    """(candidate, actors) for each past participle that tells a happening of its own day
    while describing a noun: "Kerry welcomed the deal signed on Friday by Kiev and the
    rebels" reports the signing too, "The truce, agreed on Sunday by both sides, held"
    only the agreeing. With `relative`, relative clauses too (beside a main event only)."""
    out = []
    for token in sent:
        if not dated_participle(token) or (quotes and inside(token.idx, quotes)):
            continue
        if token.dep_ == "relcl" and not relative:
            continue
        kind, verbal = trigger_type(token)
        candidate = Candidate(token, kind, depth_of(token), True)
        lemma = token.lemma_.lower()
        if not kind and verbal and token.dep_ == "relcl" and lemma in LIGHT_VERBS | HAPPENING_VERBS:
            # "where the two sides began talks on 25 October": the light verb's object;
            # "where the talks between them began on 25 October": the happening's subject
            thing = next((c for c in token.children if c.dep_ == "dobj"), None) or next(
                (
                    c
                    for c in token.children
                    if c.dep_ in {"nsubj", "nsubjpass"}
                    and lemma in HAPPENING_VERBS
                    and NOUNS.get(c.lemma_.lower()) == "meeting"
                ),
                None,
            )
            kind, verbal = trigger_type(thing) if thing is not None else (None, False)
            candidate = Candidate(thing, kind, depth_of(thing), False) if kind else candidate
            verbal = True  # (told by a verb of its own)
        if not kind or not verbal or is_negated(token) or kind in SPEECH_TYPES:
            continue
        participants = event_actors(sent, candidate, sentence_actors, quotes)
        if token.dep_ == "relcl" and not any(a.role == SOURCE for a in participants):
            participants += antecedent_actors(token, sentence_actors, participants)
        if any(a.role == SOURCE for a in participants):
            out.append((candidate, participants))
    return out


def antecedent_actors(clause, sentence_actors, taken) -> list[ActorMention]:
    """Who "who" or "which" stands for in a relative clause: the noun it describes
    ("Griffiths, who arrived in Amman on Tuesday"; "the council, which voted on Friday")."""
    if not any(
        c.dep_ in {"nsubj", "nsubjpass"} and c.tag_ in {"WP", "WDT"} for c in clause.children
    ):
        return []
    inside = {t.i for t in clause.subtree}
    noun = {t.i for t in clause.head.subtree} - inside
    names = {a.name for a in taken}
    return [
        a.mention(SOURCE)
        for a in sentence_actors
        if a.i in noun and a.name not in names and not a.is_place
    ]


def participle_events(sent, main, dates, sentence_actors, quotes, main_event) -> list[Event]:
    """The dated participles' happenings beside the sentence's main event."""
    out = []
    for candidate, participants in dated_participles(sent, quotes, sentence_actors, True):
        if candidate.token.i == main.token.i:
            continue
        date, explicit = event_date(sent, candidate, dates, None)
        if candidate.token.dep_ == "relcl" and (
            date is None or date.precision != DAY or date.value == main_event.date.value
        ):
            # "the coalition, formed in 2012": background, not the story's news; "ministers,
            # who met in Brussels on Monday, agreed": the gathering frames the agreeing
            continue
        if explicit and date is not None and date.value:
            kind = candidate.type
            out.append(another_event(sent, main_event, candidate, kind, participants, date))
    return out


def starts_a_truce(token) -> bool:
    """ "a two-month truce starting Saturday": the participle after a truce noun, which the
    parser hangs on the noun or on the verb before it."""
    if token.lemma_.lower() not in {"start", "begin"} or token.i == token.sent.start:
        return False
    if token.dep_ == "acl":
        return token.head.lemma_.lower() in CEASEFIRE_NOUNS
    return (
        token.dep_ in {"advcl", "xcomp"}
        and token.tag_ == "VBG"
        and token.nbor(-1).lemma_.lower() in CEASEFIRE_NOUNS
    )


def truce_start_events(sent, main, dates, quotes, main_event) -> list[Event]:
    """ "The warring parties agreed to a two-month truce starting Saturday": the truce taking
    effect on its own day is a happening beside the agreeing, between the same parties."""
    out = []
    for token in sent:
        if (
            not starts_a_truce(token)
            or token.i == main.token.i
            or (quotes and inside(token.idx, quotes))
            or not main_event.actors
        ):
            continue
        candidate = Candidate(token, "ceasefire", depth_of(token), True)
        date, explicit = event_date(sent, candidate, dates, None)
        if explicit and date is not None and date.value and date.value != main_event.date.value:
            actors = [dataclasses.replace(a, role=SOURCE) for a in main_event.actors]
            out.append(another_event(sent, main_event, candidate, "ceasefire", actors, date))
    return out


# Adverbs that set a relative clause's act on the day of the sentence around it.
SAME_DAY_BEFORE = frozenset(["earlier", "also"])


def relative_events(sent, main, dates, sentence_actors, quotes, main_event) -> list[Event]:
    """ "said Kerry, who earlier held talks with Putin in the Kremlin", "de Mistura, who
    announced earlier this month that he is leaving": a relative clause on a named doer
    telling an act of theirs "earlier" (on the sentence's day) or a saying on a day of its
    own is a happening of its own (other dated acts: see dated_participles). Without a day
    it is background ("Brahimi, who helped end Lebanon's war")."""
    out = []
    for verb in sent:
        if verb.dep_ != "relcl" or verb.i == main.token.i or (quotes and inside(verb.idx, quotes)):
            continue
        doers = antecedent_actors(verb, sentence_actors, [])
        if not doers:
            continue
        if is_negated(verb) or any(
            c.dep_ == "aux" and c.lower_ in MODALS | {"will"} for c in verb.children
        ):
            continue  # "who will attend the talks": a plan, not what the clause reports
        kind, _ = trigger_type(verb)
        token, verbal = verb, True
        if kind is None:
            # "who earlier held talks with Putin": the noun the light verb takes
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            kind = trigger_type(obj)[0] if obj is not None else None
            token, verbal = obj, False
        if kind is None:
            continue
        candidate = Candidate(token, kind, depth_of(token), verbal)
        own = {t.idx for t in clause_tokens(verb)}
        attached = [d for d in dates if d.value and any(d.start <= i < d.end for i in own)]
        if attached and kind not in SPEECH_TYPES:
            continue  # a dated act of theirs is told already (see dated_participles)
        if attached:
            date = min(attached, key=lambda d: abs(d.start - verb.idx))
        elif any(c.dep_ == "advmod" and c.lower_ in SAME_DAY_BEFORE for c in verb.children):
            date = main_event.date
        else:
            continue
        if date is None or not date.value or date.future:
            continue
        names = {d.name for d in doers}
        inner = {t.i for t in verb.subtree}
        others = {
            a.name: a.mention(OTHER)
            for a in sentence_actors
            if a.name not in names and any(i in inner for i in range(a.i, a.j))
        }
        participants = doers + list(others.values())
        out.append(another_event(sent, main_event, candidate, kind, participants, date))
    return out


def another_event(sent, main_event, candidate, kind, participants, date) -> Event:
    """A second happening of `main_event`'s sentence, with its own explicit date."""
    planned = is_planned(candidate, sent.text, sent.start_char) or date.future
    return dataclasses.replace(
        main_event,
        date=date,
        type=kind,
        actors=participants,
        place=event_place(candidate, sent.doc, sent),
        summary=event_headline(candidate, kind, participants, None, planned),
        confidence=confidence_of(candidate, participants, True),
        planned=planned,
        mentions=[],
    )


def hung_events(sent, main, dates, sentence_actors, quotes, main_event, hanging, inherited):
    """The other side of "two days after": in "Annan met Assad on Sunday, two days after
    Russia and China vetoed the resolution" the meeting and the veto are two happenings,
    each with its day; the sentence's main event is one of them."""
    out = []
    spans = [m.hangs_on for m in hanging]
    # "Annan met Assad on Sunday after Lavrov announced on Friday ...": a time clause with a
    # date of its own is a happening of its own.
    for token in sent:
        marks = {c.lower_ for c in token.children if c.dep_ == "mark"}
        if token.dep_ == "advcl" and marks & TIME_CLAUSE_MARKS:
            first, last = token.left_edge, token.right_edge
            span = (first.idx, last.idx + len(last))
            if any(span[0] <= d.start < span[1] for d in dates):
                spans.append(span)
    for start, end in spans:
        main_inside = start <= main.token.idx < end
        for candidate in ranked_triggers(sent, quotes):
            inside_span = start <= candidate.token.idx < end
            if inside_span == main_inside or candidate.token.i == main.token.i:
                continue
            if candidate.type in SPEECH_TYPES and not candidate.verbal:
                continue
            participants = event_actors(sent, candidate, sentence_actors, quotes)
            if not any(a.role == SOURCE for a in participants):
                continue
            date, explicit = event_date(sent, candidate, dates, inherited, hanging)
            if main_inside and not explicit:
                # "The exchange began today, the UN said, a day after the rebels released two
                # hostages": the clause around is on the day the hanging one was counted
                # from, the sentence's date before it (not the story's earlier one)
                counted_from = [
                    d for d in dates if d.value and d.hangs_on is None and d.start < start
                ]
                if counted_from:
                    date, explicit = counted_from[-1], True
            # "Kiir signed the deal nine days after he refused to": the clause around is on
            # the day the hanging one was counted from, told or not
            if not (explicit or main_inside) or date is None or not date.value:
                break
            if date.value == main_event.date.value:
                break
            other = another_event(sent, main_event, candidate, candidate.type, participants, date)
            # "..., a day after Abiy and Afwerki held a meeting": theirs is the meeting, not
            # the statement around it (unless they are named outside the clause too)
            around = main_event if not main_inside else other
            within = other if not main_inside else main_event
            outside = {a.name for a in around.actors if not start <= a.start < end}
            hung = {a.name for a in within.actors} - outside
            kept = [a for a in around.actors if a.name not in hung]
            if kept:
                around.actors = kept
            out.append(other)
            break
    return out


def is_caption(sent, dates, published_date) -> bool:
    """A photo caption: the present tense over a day already past ("Delegations hold talks in
    Astana, Kazakhstan, Jan. 23, 2017."). Its happening is real, but it is neither the lede
    nor the story's time."""
    root = sent.root
    if not dates:
        return False
    today = published_date.first_day
    if _closing_full_date(sent, dates[-1]) and dates[-1].first_day <= today:
        return True  # "..., on the outskirts of Novokaterynivka, Ukraine, Sept. 4, 2014."
    if root.tag_ not in {"VBZ", "VBP"}:
        return False
    # The day itself counts when written out in full, as captions write it ("delegates
    # applaud in Beijing, September 19, 2005."): prose says "today" or the weekday.
    return any(
        d.precision == DAY
        and (
            d.first_day < today
            or d.first_day == today
            and d.anchor == ANCHOR_ABSOLUTE
            and _FULL_YEAR.search(d.text) is not None
        )
        for d in dates
        if d.value
    )


_FULL_YEAR = re.compile(r"\b\d{4}\b")


def _closing_full_date(sent, date) -> bool:
    """A paragraph of one sentence closed by ", <day in full>." after a place, as a caption
    ends ("... in Novokaterynivka, Ukraine, Sept. 4, 2014."); prose dates what happened with
    "on", and seldom gives this year's."""
    if not (
        date.precision == DAY
        and date.anchor == ANCHOR_ABSOLUTE
        and _FULL_YEAR.search(date.text) is not None
    ):
        return False
    doc = sent.doc
    alone = (sent.start == 0 or "\n" in doc[sent.start - 1].text_with_ws) and (
        sent.end == len(doc) or "\n" in sent[-1].text_with_ws or "\n" in doc[sent.end].text
    )
    text = sent.text  # Doc.text joins the whole story's tokens each time it is read
    before = text[: date.start - sent.start_char].rstrip()
    after = text[date.end - sent.start_char :].strip()
    return alone and before.endswith(",") and after in (".", "")


# What a photo shows people doing as it was taken: "X speaks during a news conference".
PICTURED = frozenset(["speak", "talk", "gesture", "address", "listen", "look", "pose", "wave"])


def pictured(trigger) -> bool:
    """A caption's present tense of what the photo shows ("speaks", "gestures"), not news."""
    token = trigger.token
    return trigger.verbal and token.tag_ in {"VBZ", "VBP"} and token.lemma_.lower() in PICTURED


def choose_trigger(sent, text, quotes, sentence_actors, dates=(), skip=frozenset()):
    """The trigger that names a sentence's event, with its actors, or None.

    The best-ranked trigger whose doer is named names the event ("Syrian state media said
    Assad told Brahimi ...": Assad told); else the best with anybody taking part; a report
    with nobody doing it gives way to the speaker ("Kobler said lifting the embargo must be
    discussed in the Security Council" is what Kobler said).
    """
    chosen = None
    for candidate in ranked_triggers(sent, quotes):
        if said_to_come(candidate, dates) or candidate.token.i in skip:
            continue
        found_actors = event_actors(sent, candidate, sentence_actors, quotes)
        usable = found_actors or (candidate.type == "violence" and CASUALTY.search(text))
        has_source = any(a.role == SOURCE for a in found_actors)
        if chosen is None:
            chosen = (candidate, found_actors) if usable else None
            if has_source:
                break
        elif has_source and chosen[0].token.is_ancestor(candidate.token):
            # The report inside the report, when it names a doer of its own.
            before = {a.name for a in chosen[1] if a.role == SOURCE}
            if {a.name for a in found_actors if a.role == SOURCE} - before:
                return candidate, found_actors
        elif (
            has_source
            and candidate.token.is_ancestor(chosen[0].token)
            and all(a.role == OTHER for a in chosen[1])
        ):
            return candidate, found_actors
    return chosen


def dated_gathering(candidate, dates) -> bool:
    """ "The Vienna talks on the Syrian crisis ended on Friday": talks or a conference that
    is the subject of a dated verb of the main clause is news, whoever took part (when
    nothing else in the sentence has a doer)."""
    token = candidate.token
    verb = token.head
    if candidate.verbal or candidate.type != "meeting" or token.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    if verb.dep_ != "ROOT" or verb.pos_ != "VERB" or verb.lemma_.lower() == "be":
        return False  # "The talks would be the first since May": what they are, not a happening
    if any(c.dep_ == "aux" and c.lower_ in MODALS for c in auxiliaries(verb)):
        return False  # "the talks could start next month": a possibility
    own = {t.idx for t in clause_tokens(verb)} - {t.idx for t in token.subtree}
    text, offset = token.sent.text, token.sent.start_char
    return any(
        d.start in own
        and not SINCE.search(text[max(0, d.start - offset - 12) : d.start - offset].rstrip())
        for d in dates
    )


def undergone(candidate, sent, quotes):
    """ "The talks were suspended on Monday": what the dated verb does to the talks is the
    event (a suspension), not their being held."""
    return next(
        (
            c
            for c in ranked_triggers(sent, quotes)
            if c.verbal and c.token.i == candidate.token.head.i
        ),
        candidate,
    )


def said_to_come(candidate, dates) -> bool:
    """ "De Mistura announced on Friday that he would attend": what someone says they will
    do, on no day of its own, is not yet a happening; the saying is the news."""
    verb = verb_of(candidate)  # "he would attend the meeting": the noun's verb
    if not any(c.dep_ == "aux" and c.lower_ in {"would", "will", "'ll"} for c in verb.children):
        return False
    reporter = verb
    while reporter.dep_ in {"ccomp", "conj", "xcomp"} and reporter.head.i != reporter.i:
        reporter = reporter.head
        if reporter.lemma_.lower() in REPORTING_VERBS:
            break
    if reporter.i == verb.i or reporter.lemma_.lower() not in REPORTING_VERBS:
        return False
    clause = {t.idx for t in clause_tokens(verb)}
    return not any(any(d.start <= i < d.end for i in clause) for d in dates)


def ceasefire_taking_effect(sent, quotes, dates, wars, day=None):
    """ "A ceasefire in Yemen's Hodeidah will start on Tuesday, a UN official said": the news
    is the truce taking effect that day, between the warring parties of the country it is in
    (nobody is named as doing it), not the official's saying so."""
    if not wars:
        return None
    for token in sent:
        kind, verbal = trigger_type(token)
        if kind != "ceasefire" or not verbal or is_negated(token) or inside(token.idx, quotes):
            continue
        candidate = Candidate(token, kind, depth_of(token), True)
        clause = {t.idx for t in clause_tokens(candidate.token)}
        if not any(any(d.start <= i < d.end for i in clause) for d in dates):
            continue
        return candidate, war_parties(wars[0], day)
    return None


def talks_scheduled(chosen, sent, quotes, dates, sentence_actors=()):
    """ "The talks are scheduled to resume on Jan. 25, the UN said": a round of talks set for
    a day still ahead is news even when nobody taking part is named, and more than the
    unnamed official's saying so. "The Taliban say the talks with the team selected by the
    Afghan government are to begin on Saturday": a party speaking of its talks "with" another
    holds them with whoever that phrase names."""
    if chosen is not None and not (
        chosen[0].type == "statement"
        and not any(a.kind == PERSON and a.role == SOURCE for a in chosen[1])
    ):
        return chosen
    for candidate in ranked_triggers(sent, quotes):
        if candidate.type not in {"meeting", "resumption"}:
            continue
        verb = verb_of(candidate)
        if any(a.lower_ in POSSIBILITY for a in auxiliaries(verb)):
            continue  # "the talks could end on Friday": a possibility, not a plan
        clause = {t.idx for t in clause_tokens(verb)}
        ahead = [d for d in dates if d.future and any(d.start <= i < d.end for i in clause)]
        if ahead:
            parties = parties_with(candidate, chosen, sentence_actors, quotes)
            announcers = [a for a in chosen[1] if a.role == SOURCE] if chosen else []
            if not parties and len({a.name for a in announcers}) > 1:
                # "The government and the ELN announced that the talks will resume on
                # February 13": two sides announcing talks announce their own
                parties = announcers
            return candidate, parties
    return chosen


def parties_with(candidate, chosen, sentence_actors, quotes) -> list[ActorMention]:
    """The speaker and the other side of "talks with X" the speaker tells of, or nobody."""
    with_phrase = {
        t.i
        for prep in candidate.token.children
        if prep.dep_ == "prep" and prep.lower_ == "with"
        for t in prep.subtree
    }
    if chosen is None or not with_phrase:
        return []
    speakers = [a for a in chosen[1] if a.role == SOURCE]
    others = [
        a.mention(TARGET)
        for a in sentence_actors
        if a.i in with_phrase and not a.is_place and not inside(a.start, quotes)
    ]
    return speakers + others if speakers and others else []


def called_off(chosen, sent, quotes):
    """ "Talks due Sunday between the leaders of Rwanda and Congo were called off": the
    parser may leave the passive calling off without its subject, and the talks with the
    parties; talks in a sentence whose subjectless passive calls something off were."""
    if chosen is None or chosen[0].type not in ("meeting", "resumption") or chosen[0].verbal:
        return chosen
    for candidate in ranked_triggers(sent, quotes):
        verb = candidate.token
        deps = {c.dep_ for c in verb.children}
        undergone = "auxpass" in deps and not deps & {"nsubjpass", "agent"}
        if candidate.type == "postponement" and candidate.verbal and undergone:
            return Candidate(chosen[0].token, "postponement", chosen[0].depth, False), chosen[1]
    return chosen


def as_they_did(sent, quotes, sentence_actors):
    """ "Northern Ireland's politicians were presented with a road map as Tony Blair and
    Bertie Ahern unveiled the agreement": where the main clause names nobody acting, a
    named doer's act in the "as" clause beside it is the news."""
    for verb in sent:
        marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
        if verb.dep_ != "advcl" or marks != {"as"} or verb.tag_ != "VBD" or is_negated(verb):
            continue
        candidates = []
        for token in clause_tokens(verb):
            kind, verbal = trigger_type(token)
            if kind and not inside(token.idx, quotes) and (verbal or token.head.i == verb.i):
                anchor = token if verbal else noun_anchor(token)
                candidates.append(Candidate(anchor, kind, depth_of(anchor), verbal))
        for candidate in sorted(candidates, key=Candidate.rank):
            found = event_actors(sent, candidate, sentence_actors, quotes)
            if any(a.role == SOURCE for a in found):
                return candidate, found
    return None


def quoted_according_to(sent, quotes, sentence_actors):
    """ "“We welcome the agreement,” according to a joint statement from the U.S., EU,
    Britain and Canada": a quotation whose speakers are named after "according to" is their
    statement."""
    root = sent.root
    if not inside(root.idx, quotes):
        return None
    according = next(
        (c for c in root.children if c.dep_ == "prep" and c.lower_ == "according"), None
    )
    if according is None:
        return None
    frame = {t.i for t in according.subtree}
    speakers = [
        a.mention(SOURCE)
        for a in sentence_actors
        if a.i in frame and a.kind != "place" and not inside(a.start, quotes)
    ]  # ("a statement from the U.S.": a state, though "from" reads like a place)
    if not speakers:
        return None
    return Candidate(according, "statement", 1, False), speakers


def noun_dated(doc, date):
    """The noun a date modifies ("the 2012 document", "last month's massacre"), or None."""
    span = doc.char_span(date.start, date.end, alignment_mode="expand")
    if span is None:
        return None
    root = span.root
    head = root.head
    if root.dep_ not in {"nummod", "compound", "amod", "poss"} and not (
        # "agree to December 10 elections": the parser's nmod on a preposition's object
        root.dep_ == "nmod" and head.dep_ == "pobj"
    ):
        return None
    if span.start > 0 and doc[span.start - 1].lower_ in {"on", "in", "at", "by", "since"}:
        return None  # "On Wednesday spokespersons announced": the parser's compound is an adverb
    if head.pos_ not in {"NOUN", "PROPN"} or span.start <= head.i < span.end:
        return None
    if head.lower_ in PARTS_OF_DAY:
        return None  # "signed yesterday morning": a time of day, the verb's own time
    return head


PARTS_OF_DAY = frozenset(["morning", "afternoon", "evening", "night", "midday", "noon"])


def gathering_dated(doc, date):
    """The noun a date modifies, also after it: "a meeting in Riyadh last week"."""
    owner = noun_dated(doc, date)
    if owner is not None:
        return owner
    span = doc.char_span(date.start, date.end, alignment_mode="expand")
    if span is None or span.root.dep_ != "npadvmod":
        return None
    head = span.root.head
    return head if head.pos_ == "NOUN" and head.i < span.start else None


def of_an_earlier_happening(doc, date) -> bool:
    """A date inside "after a first meeting in January", "following a push by Brahimi this
    week": the preposition's object is a happening of its own, and the date is its."""
    span = doc.char_span(date.start, date.end, alignment_mode="expand")
    if span is None:
        return False
    first = span.sent[0]
    if first.lower_ in {"like", "unlike"}:
        comma = next((t.i for t in span.sent if t.text == ","), None)
        if comma is not None and span.end <= comma:
            return True  # "Like last time on September 5, ...": the parser splits the phrase
    token = span.root
    for _ in range(6):
        head = token.head
        if head.i == token.i:
            return False
        if head.dep_ == "prep" and head.lower_ in {"like", "unlike"}:
            return True  # "Like last time on September 5, the talks involve ...": a likeness
        if (
            head.dep_ == "prep"
            and head.lower_ in {"after", "before", "following"}
            and token.dep_ == "pobj"
            and not span.start <= token.i < span.end
            and token.pos_ in {"NOUN", "PROPN"}
        ):
            return True
        token = head
    return False


def describes_a_thing(doc, date) -> bool:
    """ "the Geneva communique, the 2012 document": a year that tells which thing is meant
    dates no happening in its sentence; "the 2014 elections" dates the elections, an event."""
    head = noun_dated(doc, date)
    return head is not None and trigger_type(head)[0] is None and head.lemma_.lower() not in NOUNS


def ranks_within(doc, date) -> bool:
    """ "their first prisoner exchange of the year Thursday", "the largest rally of 2019": a
    period after "of" on a ranked noun is the span the ranking runs over, not the time of the
    happening the noun names."""
    span = doc.char_span(date.start, date.end, alignment_mode="expand")
    if span is None:
        return False
    of = span.root.head
    if span.root.dep_ != "pobj" or of.lower_ != "of" or of.dep_ != "prep":
        return False
    ranked = of.head
    for _ in range(3):  # "the first round of talks of the year": the round is ranked
        if any(
            c.dep_ == "amod" and (c.tag_ == "JJS" or c.ent_type_ == "ORDINAL" or c.lower_ == "last")
            for c in ranked.children
        ):
            return True
        if ranked.dep_ != "pobj" or ranked.head.lower_ != "of":
            return False
        ranked = ranked.head.head
    return False


def the_same_happening(sent, quotes, dates, found):
    """ "The suspension takes effect on Wednesday", "The deal was reached in Sweden last
    week": a definite noun with a date of its own, naming nobody, is of the happening of its
    kind the story told last, and done by the same parties."""
    for candidate in ranked_triggers(sent, quotes):
        token = candidate.token
        if candidate.verbal or not any(c.lower_ == "the" for c in token.children):
            continue
        if any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children):
            continue  # "the Geneva communique" is named: not necessarily the last one told
        verb = verb_of(candidate)
        if verb.i != token.i and trigger_type(verb)[0] is not None:
            continue  # "The plan calls for a withdrawal by April 10": what the plan says
        if any(c.lower_ in ANOTHER_ONE for c in token.children if c.dep_ == "amod"):
            continue  # "The last round of negotiations, in July 2017": not the one just told
        clause = {t.idx for t in clause_tokens(verb_of(candidate))}
        own = [d for d in dates if any(d.start <= i < d.end for i in clause)]
        if not own:
            continue
        for earlier in reversed(found):
            told = earlier.event.type == candidate.type or any(
                trigger_type(t)[0] == candidate.type for t in told_in(sent.doc, earlier.event)
            )  # "voted to suspend Syria" told of a suspension
            apart = earlier.event.date is not None and any(
                abs((d.first_day - earlier.event.date.first_day).days) > 92
                for d in own
                if d.first_day is not None and earlier.event.date.first_day is not None
            )  # a happening of its kind months away is another
            if told and earlier.event.actors and not apart:
                return candidate, list(earlier.event.actors)
    return None


# Words that make a definite noun another happening than the one just told.
ANOTHER_ONE = frozenset(["last", "previous", "earlier", "next", "new", "first", "former", "prior"])


def told_in(doc, event):
    """The tokens of an event's sentence."""
    span = doc.char_span(event.start, event.end, alignment_mode="expand")
    return span if span is not None else []


def reports_only(actor, sent) -> bool:
    """Whether `actor` is only who tells the news: the subject of the sentence's reporting
    verb ("..., the South Sudan News Agency has learned", "..., a UN spokesman said")."""
    root = sent.root
    return root.lemma_.lower() in REPORTING_VERBS | {"learn"} and any(
        c.dep_ == "nsubj" and c.left_edge.i <= actor.i <= c.right_edge.i for c in root.children
    )


def talks_told(candidate) -> list:
    """The noun that names a gathering: the trigger's own, or the subject of its verb ("the
    talks resumed")."""
    if not candidate.verbal:
        return [candidate.token]
    return [c for c in verb_of(candidate).children if c.dep_ in {"nsubj", "nsubjpass"}]


def only_sponsors(candidate, participants) -> bool:
    """Whether all that take part in talks are those who back them ("UN-sponsored talks",
    "the Russian-brokered talks")."""
    if not participants or any(a.role != OTHER for a in participants):
        return False
    backers = [
        b
        for t in talks_told(candidate)
        if NOUNS.get(t.lemma_.lower()) == "meeting"
        for b in t.children
        if b.dep_ == "amod" and b.tag_ == "VBN" and b.lemma_.lower() in SPONSORING
    ]
    # the backer in the participle's phrase, or joined to it by a hyphen ("UN-backed")
    hyphens = {b.nbor(-1).idx for b in backers if b.i > 0 and b.nbor(-1).text == "-"}
    return bool(backers) and all(
        a.end in hyphens or any(b.left_edge.idx <= a.start < b.idx for b in backers)
        for a in participants
    )


def mediated_only(candidate, participants) -> bool:
    """Whether all that are named in talks "mediated by" or "hosted by" someone are those
    who mediate or host ("The talks are being mediated by the UN envoy")."""
    if not participants:
        return False
    verb = verb_of(candidate) if candidate.verbal else candidate.token.head
    if verb.lemma_.lower() not in MEDIATING:
        return False
    if not any(
        c.dep_ == "nsubjpass" and NOUNS.get(c.lemma_.lower()) == "meeting" for c in verb.children
    ):
        return False
    agents = [c for c in verb.children if c.dep_ == "agent"]
    return bool(agents) and all(
        any(g.left_edge.idx <= a.start < g.right_edge.idx + len(g.right_edge) for g in agents)
        for a in participants
    )


def war_named_talks(candidate, participants, wars):
    """The war whose country names the talks and is all they name as taking part ("Yemen
    peace talks resumed", "the Syria talks"): talks on the war, not the country's own."""
    talks = [t for t in talks_told(candidate) if NOUNS.get(t.lemma_.lower()) == "meeting"]
    modifiers = {m.i for t in talks for m in t.lefts if m.dep_ in {"compound", "nmod"}}
    war = next((w for w in wars if w.i in modifiers), None)
    if war is None or any(a.name != war.name for a in participants):
        return None
    return war


def talks_of_the_war(sent, quotes, dates, wars, day=None, story=False):
    """ "Peace talks on Syria resumed in Geneva on Monday", "An international conference on
    Syria opened on Wednesday": talks on a war, on a day of their own, with nobody named as
    taking part, are between that war's parties. With `story`, the war is the one the story
    named before, and the sentence names nobody at all: "Talks resumed on Monday after a
    pause for Eid" in a report on Libya's talks."""
    for candidate in ranked_triggers(sent, quotes):
        if candidate.type not in {"meeting", "resumption", "suspension", "postponement"}:
            continue
        verb = verb_of(candidate)
        if candidate.verbal and verb.lemma_.lower() in SPONSORING:
            continue  # "talks mediated by the envoy": the talks are the happening
        talks = talks_told(candidate)
        talks += [  # "the second stage of the talks will begin": the talks
            g
            for t in talks
            if t.lemma_.lower() in ROUNDS
            for p in t.children
            if p.dep_ == "prep" and p.lower_ == "of"
            for g in p.children
            if g.dep_ == "pobj"
        ]
        if not any(
            t.lemma_.lower() in NOUNS and NOUNS[t.lemma_.lower()] == "meeting" for t in talks
        ):
            continue
        of_war = {s.i for t in talks for s in t.subtree}
        war = wars[0] if story else next((w for w in wars if w.i in of_war), None)
        clause = {t.idx for t in clause_tokens(verb)}
        # "The talks, which got underway on Thursday, are mediated by ...": their own day
        clause |= {s.idx for t in talks for c in t.children if c.dep_ == "relcl" for s in c.subtree}
        if war is None or not any(any(d.start <= i < d.end for i in clause) for d in dates):
            continue
        return candidate, war_parties(war, day)
    return None


def war_parties(war, day=None) -> list[ActorMention]:
    """The warring parties of the country `war` names, as the doers of what they agree."""
    return [
        dataclasses.replace(
            war,
            name=party,
            kind="country"
            if party == war.name
            else ("organization" if party.endswith("government") else "group"),
            country=None if party == war.name else war.name,
            is_place=False,
        ).mention(SOURCE)
        for party in gazetteer.conflict_parties(war.name, day)
    ]


def agreed_happening(trigger, dates):
    """ "agreed to meet in Paris on Monday": what was agreed has a day of its own, so the
    news is the meeting on Monday (planned), not an agreement dated Monday."""
    if not (trigger.verbal and trigger.type in {"agreement", "proposal"}):
        return trigger
    for child in trigger.token.children:
        if child.dep_ != "xcomp" or child.pos_ != "VERB":
            continue
        kind, _ = trigger_type(child)
        if kind not in {"meeting", "visit"}:
            continue
        span = {t.idx for t in child.subtree}
        if not any(any(d.start <= i < d.end for i in span) for d in dates):
            continue
        # "agreed to meet in Cuba in mid-November, both sides said on Thursday": the day
        # is the announcing's; the agreement announced is the news ("agreed on Friday to
        # meet in Paris on Monday" stays the meeting planned)
        said = trigger.token.head
        if said.i != trigger.token.i and said.lemma_.lower() in REPORTING_VERBS:
            doc = trigger.token.doc
            if any(
                (verb := governing_verb(doc, d.start, d.end, steps=3)) is not None
                and verb.i == said.i
                for d in dates
            ):
                return trigger
        return Candidate(child, kind, depth_of(child), True)
    return trigger


def agreed_on_its_day(trigger, dates):
    """ "agreed on Tuesday to exchange all prisoners by the end of the year": the agreeing
    has a day of its own, and what they agreed to do lies ahead of it; the news is the
    agreement (a meeting agreed is the meeting planned: see agreed_happening)."""
    token = trigger.token
    if not trigger.verbal or token.dep_ != "xcomp" or trigger.type in {"meeting", "visit"}:
        return trigger
    head = token.head
    kind, verbal = trigger_type(head)
    if not verbal or kind != "agreement":
        return trigger
    doc = token.doc
    if not any(
        (verb := governing_verb(doc, d.start, d.end, steps=3)) is not None and verb.i == head.i
        for d in dates
    ):
        return trigger
    return Candidate(head, kind, depth_of(head), True)


def the_day_before(date, published_date) -> bool:
    """Whether `date` is the day before the story's (publication or dateline) day."""
    if date.precision != DAY or not published_date.value or not date.value:
        return False
    return date.first_day == published_date.first_day - datetime.timedelta(days=1)


def reported_on(doc, date) -> bool:
    """Whether `date` dates a verb of saying: "it was announced on Monday", "said Sunday"."""
    verb = governing_verb(doc, date.start, date.end, steps=3)
    return verb is not None and verb.lemma_.lower() in REPORTING_VERBS


def inherited_date(trigger, narrative, published_date):
    """The date an event without one of its own takes: the story's, or for a statement the
    day it was published (or of its dateline): the story's earlier dates belong to what it
    reports. So does what a speaker says is going on as they speak ("Ban said he was
    consulting the League")."""
    if trigger.type == "statement" or going_on_as_said(trigger):
        return published_date
    if trigger.verbal and trigger.token.lemma_.lower() in REPORTING_VERBS:
        # "Russia warned ..., saying ...", "urged ...": words, dated as sayings are
        return published_date
    if LATELY.search(trigger.token.sent.text):
        return published_date  # "Over the past two days, Ghadames hosted the talks": lately
    return narrative or published_date


# Spans reaching up to the story's own time: no earlier date of the story sets them.
LATELY = re.compile(
    r"\b(?:over|in|during|for)\s+the\s+(?:past|last)\s+(?:(?:two|three|few|several|\d+)\s+)?"
    r"(?:days?|hours|weeks?)\b|\bin\s+recent\s+(?:days|weeks)\b",
    re.IGNORECASE,
)


def going_on_as_said(trigger) -> bool:
    """A verb in the present or the progressive reported by a verb of saying: "said he was
    consulting", "says they are negotiating"."""
    verb = verb_of(trigger)
    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in REPORTING_VERBS:
        return False
    aux = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if verb.tag_ == "VBG":
        return any(a.lemma_.lower() == "be" for a in aux)
    return verb.tag_ in {"VBZ", "VBP"} and not aux


def confidence_of(trigger, participants, explicit: bool) -> float:
    """How sure the event is, from 0.45: a date in the sentence, a verb, a named doer and a
    named other party each add to it."""
    confidence = 0.45 + (0.25 if explicit else 0.0) + (0.1 if trigger.verbal else 0.0)
    confidence += 0.1 if any(p.role == SOURCE for p in participants) else 0.0
    confidence += 0.05 if any(p.role == TARGET for p in participants) else 0.0
    return round(min(confidence, 0.95), 2)


SENTENCE_END = re.compile(r"\.[\"'”’)\]]*$")


def find_events(
    doc,
    dates: Sequence[DateMention],
    actors: Iterable,
    *,
    published_date: DateMention,
    headline_end: int = 0,
    dateline: tuple[int, int] | None = None,
    captioned: Callable[[int], bool] | None = None,
) -> list[Event]:
    """Events in a parsed article; offsets are into `doc.text`.

    `published_date` is the publication (or dateline) date as a DateMention: what
    a statement with no date of its own is dated with. Sentences that start before
    `headline_end` are headline material (title, story highlights), where present
    tense reports news: "Russia invites head of Syrian opposition for talks".
    `captioned(offset)` says whether an offset lies in a line the source gave a photo
    credit: a caption, whatever its tense.
    """
    # "DAMASCUS, Syria (AP) —" says where the reporter files from: no actor in it takes part.
    skip = dateline[1] if dateline else -1
    day = published_date.first_day if published_date is not None and published_date.value else None
    countries = sorted(
        [a for a in actors if a.kind == "country" and gazetteer.conflict_parties(a.name, day)]
        # "Sudan's army and the RSF agreed a truce ... The truce will take effect": a side
        # of a war names its country's war
        + [
            dataclasses.replace(a, name=a.country, kind="country", country=None)
            for a in actors
            if a.kind != "country"
            and a.country
            and a.name in gazetteer.conflict_parties(a.country, day)
        ],
        key=lambda a: a.i,
    )
    doc.user_data[TOWNS] = {
        i: a.surface for a in actors if a.is_place and a.kind == "place" for i in range(a.i, a.j)
    }
    actors = [
        a
        for a in actors
        if not a.is_place
        and a.kind in {"person", "organization", "country", "group"}
        # (before the dateline, only the headline's: not a caption's or a byline's)
        and (a.start >= skip or a.end <= headline_end)
    ]
    # Sorted starts, so each sentence finds its own dates and actors by bisection.
    dates = sorted(dates, key=lambda d: d.start)
    date_starts = [d.start for d in dates]
    actors.sort(key=lambda a: a.i)
    actor_starts = [a.i for a in actors]
    narrative: DateMention | None = None
    story_day = published_date
    found: list[Found] = []
    paragraph, last_end, lede_seen = 0, 0, False
    caption_paragraph = -1
    full_text = doc.text  # Doc.text joins every token each time it is read
    for index, sent in enumerate(doc.sents):
        text = sent.text
        paragraph_start = index == 0 or full_text.count("\n", last_end, sent.start_char) > 0
        paragraph += paragraph_start and index > 0
        last_end = sent.start_char + len(text.rstrip())  # a sentence keeps its trailing "\n\n"
        if len(text.strip()) < 12:
            continue
        # The lede, the story's first full sentence, tells the news even in the present
        # perfect: "The head of Syria's main opposition coalition has been invited to Moscow".
        all_in_sentence = within(dates, date_starts, sent.start_char, sent.end_char)
        in_sentence = [
            d for d in all_in_sentence
            if d.value and not describes_a_thing(doc, d) and not ranks_within(doc, d)
        ]  # fmt: skip
        caption = is_caption(sent, in_sentence, published_date) or (
            captioned is not None and captioned(sent.start_char)
        )
        if caption:
            caption_paragraph = paragraph
        if caption and dateline and sent.end_char <= dateline[0]:
            continue  # a photo's caption above "CAIRO -", where the story starts
        # (a full stop inside closing quotes ends a sentence too: '... on a "Framework."')
        ended = SENTENCE_END.search(text.rstrip()) is not None
        # (the rest of a caption's paragraph is the caption's: "FILE - In this 2016 file
        # photo, medics treat a man in Aleppo. Rival resolutions were defeated Thursday.")
        lede = (
            not lede_seen
            and not caption
            and paragraph != caption_paragraph
            and ended
            and len(sent) >= 10
            and sent.start_char >= headline_end  # (a standfirst told as a headline is one)
            # (above "GENEVA —" stand the headline, captions and standfirsts: the story, and
            # its lede, start at the dateline)
            and (dateline is None or sent.start_char >= dateline[0])
        )
        lede_seen = lede_seen or lede
        # "a day after the Council approved the mission": dated once what it hangs on is.
        hanging = [d for d in all_in_sentence if d.hangs_on]
        sentence_actors = within(actors, actor_starts, sent.start, sent.end)
        quotes = quoted_spans(text, sent.start_char)
        if asks(text, sent.start_char, quotes):
            continue  # "What did the UN envoy say?": a question reports nothing
        explicit_dates = [d for d in in_sentence if not inside(d.start, quotes)]
        headline = sent.start_char < headline_end and paragraph != caption_paragraph
        chosen = choose_trigger(sent, text, quotes, sentence_actors, explicit_dates)
        if caption and chosen is not None and pictured(chosen[0]):
            # "Ashton speaks during a press conference in Baghdad on May 24, 2012": what the
            # photo shows her doing; what she said is the body's to tell
            chosen = choose_trigger(
                sent, text, quotes, sentence_actors, explicit_dates, skip={chosen[0].token.i}
            )
        wars = [a for a in countries if sent.start <= a.i < sent.end]
        story_war = [a for a in countries if a.i < sent.start][-1:]
        chosen = truce_of_the_war(chosen, sent, quotes, explicit_dates, wars, story_war, day)
        chosen = talks_scheduled(chosen, sent, quotes, explicit_dates, sentence_actors)
        if chosen is None and quotes:
            chosen = quoted_according_to(sent, quotes, sentence_actors)
        if chosen is None:
            chosen = as_they_did(sent, quotes, sentence_actors)
        chosen = called_off(chosen, sent, quotes)
        if (
            chosen is not None
            and (wars or story_war)
            and (only_sponsors(*chosen) or mediated_only(*chosen))
        ):
            # "UN-sponsored talks to end the war in Yemen resumed", "talks on Yemen mediated by
            # the UN envoy": the war's sides resume them, the UN backs them (the war the story
            # named before, when the sentence names none)
            talks = talks_of_the_war(sent, quotes, explicit_dates, wars or story_war, day, not wars)
            if talks is not None:
                backers = [dataclasses.replace(a, role=OTHER) for a in chosen[1]]
                chosen = talks[0], talks[1] + backers
        war = war_named_talks(*chosen, wars) if chosen is not None else None
        if war is not None:
            chosen = chosen[0], war_parties(war, day) or chosen[1]
        if chosen is None and wars:
            chosen = talks_of_the_war(sent, quotes, explicit_dates, wars, day)
        if chosen is None and found:
            chosen = the_same_happening(sent, quotes, explicit_dates, found)
        if (
            (chosen is None or not chosen[1])
            and story_war
            and not any(not a.is_place and not reports_only(a, sent) for a in sentence_actors)
        ):
            chosen = talks_of_the_war(sent, quotes, explicit_dates, story_war, day, True) or chosen
        if chosen is None and explicit_dates:
            chosen = next(iter(dated_participles(sent, quotes, sentence_actors)), None)
        if chosen is None and explicit_dates:
            chosen = next(
                (
                    (undergone(c, sent, quotes), [])
                    for c in ranked_triggers(sent, quotes)
                    if dated_gathering(c, explicit_dates)
                ),
                None,
            )
        in_caption = caption or paragraph == caption_paragraph  # not where the story is
        # (a headline's time is not the body's: "Brahimi to resign end of May" over a body
        # that tells what happened today)
        main_dates = [] if in_caption or headline else main_clause_dates(sent, explicit_dates)
        if chosen is None:
            narrative = narrative_date(main_dates, text, sent.start_char) or narrative
            if lede:
                # "Colombia's president is moving quickly ..., delivering the text to congress
                # on Thursday" in a Friday paper: the story was written on the Thursday, even
                # when its lede names no event of its own
                story_day = next(
                    (d for d in explicit_dates if the_day_before(d, published_date)), story_day
                )
            continue
        trigger, participants = chosen
        trigger = agreed_on_its_day(agreed_happening(trigger, explicit_dates), explicit_dates)
        planned = is_planned(trigger, text, sent.start_char)
        inherited = published_date if headline else inherited_date(trigger, narrative, story_day)
        date, explicit = event_date(sent, trigger, explicit_dates, inherited, hanging)
        narrative = narrative_date(main_dates, text, sent.start_char) or narrative
        # "But the meeting between Lavrov and Khatib is a rare sign of progress" names a
        # happening without reporting it: it may add a mention, never an event of its own.
        mention_only = False
        if not (explicit or headline or lede or is_reported(sent, trigger) or planned):
            if deal_just_made(trigger, participants) or just_said(trigger, participants):
                date = published_date  # "the rivals have reached an understanding": news now
            elif trigger.verbal:
                continue
            else:
                mention_only = True
        if date is None or not date.value:
            continue
        if not explicit and profiled(verb_of(trigger)):
            continue  # "Lakhdar Brahimi, 78, helped negotiate the end of Lebanon's war": a profile
        if (
            trigger.type == "violence"
            and explicit
            and (
                since_on(doc, date, verb_of(trigger))
                or UP_TO_NOW.match(date.text)
                or since_clause_on(doc, date, verb_of(trigger))
            )
            and CASUALTY.search(text)
        ):
            # "14,000 people have been killed since 2014", "8,000 people have been killed in
            # the past year": a toll, no happening (but "clashes have been raging since April
            # 15" date the outbreak)
            continue
        if planned and not explicit and not headline:
            continue  # "is set to take part in an upcoming conference": on no known day
        # The evidence starts after "BEIRUT -" or "UNITED NATIONS (Reuters) -".
        lead = dateline_prefix(text) if paragraph_start else 0
        event = new_event(
            sent, trigger, participants, date, explicit, planned, lead, sentence_actors
        )
        item = Found(event, explicit, index, paragraph, headline, mention_only, lede)
        if lede and explicit and the_day_before(date, published_date):
            # "The talks have been postponed, a UN official said Sunday" in a Monday paper: the
            # story was written on the Sunday, and what else is said in it was said then
            story_day = date
        elif lede:
            # "Talks will begin on Nov. 3 in Quito, it was announced on Monday": the same, when
            # the lede's news is another day's
            story_day = next(
                (
                    d
                    for d in explicit_dates
                    if the_day_before(d, published_date) and reported_on(sent.doc, d)
                ),
                story_day,
            )
        item.further = a_further_act(trigger)
        found.append(item)
        if (
            paragraph_start
            and event.type == "statement"
            and not explicit
            and date is story_day
            and any(a.role == SOURCE for a in event.actors)
        ):
            # "The first round was held on Sept. 1 but yielded no results. \n\n The Donetsk
            # People's Republic confirmed the deal had been signed. \n\n Poroshenko ordered
            # ...": a new paragraph's saying, told as the story's news, ends the look back.
            narrative = None
        for other in (
            coordinated_events(sent, trigger, explicit_dates, sentence_actors, quotes, event)
            + hung_events(
                sent, trigger, explicit_dates, sentence_actors, quotes, event, hanging, inherited
            )
            + participle_events(sent, trigger, explicit_dates, sentence_actors, quotes, event)
            + truce_start_events(sent, trigger, explicit_dates, quotes, event)
            + relative_events(sent, trigger, explicit_dates, sentence_actors, quotes, event)
        ):
            found.append(Found(other, True, index, paragraph, headline, False, False))
    # The candidates hold the doc's tokens: leaving them in it would make a reference cycle
    # that keeps every parsed article alive until the garbage collector runs.
    doc.user_data.pop("timeline_ranked_triggers", None)
    return merge_same_happenings(found)


def asks(text: str, offset: int, quotes) -> bool:
    """Whether the sentence is a question of the writer's: it ends in "?" outside quotes
    (a subheading "What did the UN envoy say?"; '"Why talk now?" he asked.' reports)."""
    body = text.rstrip()
    return body.endswith("?") and not inside(offset + len(body) - 1, quotes)


def new_event(sent, trigger, participants, date, explicit, planned, lead, named) -> Event:
    """The event a sentence reports, its evidence the sentence after `lead` characters."""
    text = sent.text
    place = event_place(trigger, sent.doc, sent)
    at = date.start - sent.start_char
    if date.precision == MONTH and at >= 0 and one_of_two_months(text, at, at + len(date.text)):
        # "the talks would resume in early November or December": only the year is known
        date = dataclasses.replace(date, value=date.value[:4], precision=YEAR)
    return Event(
        date=date,
        type=trigger.type,
        actors=participants,
        place=place,
        summary=event_headline(
            trigger,
            trigger.type,
            participants,
            place,
            planned or date.future,
            particle_of(trigger.token) if trigger.verbal else "",
            named=[a for a in named if not a.is_place],
        ),
        evidence=text[lead:].strip(),
        start=sent.start_char + lead + (len(text[lead:]) - len(text[lead:].lstrip())),
        end=sent.start_char + len(text.rstrip()),
        confidence=confidence_of(trigger, participants, explicit),
        planned=planned or date.future,
    )


def truce_of_the_war(chosen, sent, quotes, dates, wars, story_war=(), day=None):
    """A truce is its war's: where an unnamed official announces one taking effect, or where
    the only names are places ("A truce in Yemen's Hodeidah began"), the warring parties of
    the country it is in are its doers."""
    if chosen is None or (
        chosen[0].type == "statement"
        and not any(a.kind == PERSON and a.role == SOURCE for a in chosen[1])
    ):  # a named person's words are news; "an official said" is not
        # "The truce will take effect on Feb. 15": of the war the story last named.
        return ceasefire_taking_effect(sent, quotes, dates, wars or story_war, day) or chosen
    if chosen[0].type == "ceasefire" and wars:
        parties = war_parties(wars[0], day)
        if not {a.name for a in parties} & {a.name for a in chosen[1]}:
            return chosen[0], parties
    return chosen


def within(items, starts, start, end):
    """The items whose start (in `starts`, sorted) lies in [start, end)."""
    return items[bisect_left(starts, start) : bisect_left(starts, end)]


def entity_of(token):
    """The named entity a token belongs to, found from the token outwards."""
    if not token.ent_type_:
        return None
    doc, first, last = token.doc, token.i, token.i + 1
    while first > 0 and doc[first].ent_iob_ == "I":
        first -= 1
    while last < len(doc) and doc[last].ent_iob_ == "I":
        last += 1
    return doc[first:last]


def main_clause_dates(sent, dates):
    """Dates attached to the sentence's main clause: they set the story's time, while one in
    "as Israel carried out air strikes on Sunday" or "which began in March" does not."""
    if not dates:
        return []
    clause = {t.idx for t in clause_tokens(sent.root)}
    return [
        d for d in dates
        if any(d.start <= i < d.end for i in clause)
        # "has met the delegation following their arrival last night": the arrival's night
        and not of_an_earlier_happening(sent.doc, d)
    ]  # fmt: skip


DEADLINE = re.compile(
    r"\b(?:by|until|till|before|no\s+later\s+than)"
    r"(?:\s+(?:the\s+)?(?:end|start|beginning|middle)\s+of)?$",
    re.IGNORECASE,
)


SINCE = re.compile(r"\bsince$", re.IGNORECASE)
# A stretch of time that runs up to now: "the past year", "the last two months".
UP_TO_NOW = re.compile(r"the\s+(?:past|last)\s+(?:\w+\s+)?(?:year|month|week|decade)s?$", re.I)


def narrative_date(dates, text, offset) -> DateMention | None:
    """The date later sentences inherit: not one in parentheses ("(1 February 2013)"), nor
    one of a past perfect ("had confirmed the appointment on Wednesday" is before the story),
    nor one still to come."""
    for d in reversed(dates):
        if d.earlier:
            continue
        before = text[: d.start - offset].rstrip()
        after = text[d.end - offset :].lstrip()
        if before.endswith("(") and after.startswith(")"):
            continue
        if DEADLINE.search(before):
            continue  # "possibly by the end of this month": a deadline, not the story's time
        if SINCE.search(before):
            continue  # "a ceasefire in effect since April 11": a state's start, not the story's
        if d.future:
            continue  # "a conference early next year": what is still to come sets no scene
        return d
    return None


# Verbs by which a gathering holds its participants: "the talks involve Kuchma".
HOLDING = frozenset(["involve", "include", "gather"])


def light_verb(trigger):
    """The verb that carries a noun trigger: "Israel carried out air strikes" -> carried."""
    token = trigger.token
    if trigger.verbal:
        return token
    light = token.dep_ in {"dobj", "attr"} and token.head.lemma_.lower() in LIGHT_VERBS
    # "wrapped up a round of talks": who ended them
    light = light or (
        trigger.type == "meeting" and token.dep_ == "dobj" and token.head.lemma_.lower() in CLOSING
    )
    # "The deal was signed by Russia and Turkey", "A truce has been agreed between the regime
    # and the rebels": the passive's verb, which names the doers (of force, "was carried out
    # by the regime" is mostly a claim, left to who makes it)
    # "the talks involve Kuchma and Zakharchenko": who the gathering holds
    light = light or (token.dep_ == "nsubj" and token.head.lemma_.lower() in HOLDING)
    light = light or (
        trigger.type != "violence"
        and token.dep_ == "nsubjpass"
        and token.head.lemma_.lower() in LIGHT_VERBS
        and any(
            c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "between")
            for c in token.head.children
        )
    )
    if light:
        return token.head
    if trigger.type == "meeting" and (verb := in_talks_with(token)) is not None:
        return verb  # "Brahimi made the request in talks with Iranian leaders": he talked
    # "De Mistura set the date for the resumption of the talks": who set it
    return joined_by(token) or scheduled_by(token) or token


def in_talks_with(token):
    """The verb whose subject held the talks of "in talks with ...": "Brahimi made the
    request in talks with Iranian leaders on Sunday" -> made; else None."""
    if token.dep_ != "pobj" or token.head.lower_ != "in":
        return None
    if not any(c.dep_ == "prep" and c.lower_ == "with" for c in token.children):
        return None
    verb = token.head.head
    for _ in range(3):
        if verb.pos_ == "VERB":
            return verb
        if verb.head.i == verb.i:
            break
        verb = verb.head
    return None


def joined_by(token):
    """The verb that joins what a noun names: "entered into talks" -> entered; else None."""
    prep = token.head
    if (
        token.dep_ == "pobj"
        and prep.lower_ in {"in", "into"}
        and prep.head.lemma_.lower() in TAKING_PART
    ):
        return prep.head
    return None


def verb_of(trigger):
    """The verb a trigger's tense and time are read from: its own, or its noun's."""
    if trigger.verbal:
        return trigger.token
    token = trigger.token
    return joined_by(token) or scheduled_by(token) or in_talks_with(token) or token.head


# Pronouns that can point back to a person speaking; "it" cannot ("Hague said it endorses
# a plan": the resolution endorses it).
PERSONAL = frozenset(["he", "she", "i", "we", "they", "him", "her"])


def names_own_doer(verb, reporter, person_speaking: bool = False) -> bool:
    """Whether the report under `reporter` names who did it: "Moscow would host talks" does;
    "it invited" and "to attend" leave it to the speaker, unless a person speaks and "it"
    is a thing."""
    token = verb
    for _ in range(10):
        subjects = [
            c for c in token.children if c.dep_ in {"nsubj", "nsubjpass", "csubj", "csubjpass"}
        ]
        if subjects and not all(c.pos_ == "PRON" for c in subjects):
            return True
        if person_speaking and subjects and all(c.lower_ not in PERSONAL for c in subjects):
            return True
        if subjects or token.head.i == reporter.i or token.head.i == token.i:
            return False
        token = token.head
    return False


def controls(verb) -> bool:
    """Whether the verb above `verb` lends it its subject: an infinitive or adjective
    complement ("to join", "due to meet"), a conjunct without a subject of its own ("spoke
    ... and is expected to brief"). A purpose ("went to Havana to begin talks") does not:
    measured, it made the purpose outrank what was done."""
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if verb.head.i == verb.i or any(c.lower_ not in ALL_OF_THEM for c in subjects):
        return False
    if subjects:
        # "The leaders emerged after 16 hours, all agreeing to a ceasefire": all of them
        return verb.dep_ == "advcl" and verb.tag_ == "VBG"
    if (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBG"
        and verb.lemma_.lower() in REPORTING_VERBS
        and not any(c.dep_ == "mark" for c in verb.children)
    ):
        return True  # "Abbas made the announcement on Tuesday, saying ...": Abbas says
    if (
        verb.dep_ == "advcl"
        and verb.head.lemma_.lower() in SETTING_OUT
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    ):
        return True  # "The rebels left for Kuwait to resume talks": leaving is no event
    return verb.dep_ in {"xcomp", "acomp", "conj"}


# A participle's subject that is the subject above it, all of it: "..., both agreeing".
ALL_OF_THEM = frozenset(["all", "both", "each"])


# Verbs of setting out, which the timeline does not record, whose purpose it does (the
# parse repair knows them by their written forms: pipeline.SETTING_OUT_FORMS).
SETTING_OUT = frozenset(["leave", "depart", "head", "fly"])


def event_actors(sent, trigger, actors, quotes) -> list[ActorMention]:
    """Actors in the trigger's clause (and the reporting verb's subject), with roles."""
    verb = light_verb(trigger)
    clause = clause_tokens(verb, keep_participles=trigger.type == "violence")
    reporter = verb
    while reporter.dep_ in {"ccomp", "xcomp", "conj"} and reporter.head.i != reporter.i:
        reporter = reporter.head
        if reporter.lemma_.lower() in REPORTING_VERBS and reporter.dep_ == "conj":
            break  # "accepted the result, and said he would meet ...": the saying reports
    # "Russia said Friday it invited ...": the speaker is the actor when the report's
    # subject points back at it; in "Rebels killed 30 soldiers, the Observatory said"
    # the speaker is only the source of the news.
    reported = reporter.i != trigger.token.i and reporter.lemma_.lower() in REPORTING_VERBS
    holder = reporter  # "Santos accepted the result, and said he would ...": Santos says
    if holder.dep_ == "conj" and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in holder.children):
        holder = holder.head
    speaker = [t for c in holder.children if c.dep_ in {"nsubj", "nsubjpass"} for t in c.subtree]
    speaker_ids = {t.i for t in speaker}
    person_speaking = any(a.kind == PERSON and a.i in speaker_ids for a in actors)
    if reported and not names_own_doer(verb, reporter, person_speaking):
        clause += speaker
    controller = verb
    while controls(controller):
        # "Lavrov appeared to join Brahimi's call", "Brahimi is due to meet ...", "Griffiths
        # spoke on Thursday and is expected to brief ...", "returned to Havana to begin
        # talks": the subject above does it.
        controller = controller.head
        clause += [
            t for c in controller.children if c.dep_ in {"nsubj", "nsubjpass"} for t in c.subtree
        ]
    # "Talks that were set to resume between Kiev and the separatists have been called off":
    # the talks' sides, named wherever the phrase on them hangs
    clause += [
        t
        for subject in verb.children
        if subject.dep_ in {"nsubj", "nsubjpass"} and NOUNS.get(subject.lemma_.lower()) == "meeting"
        for prep in subject.subtree
        if prep.dep_ == "prep" and prep.lower_ == "between"
        for t in prep.subtree
    ]
    # "The talks continued with a closed meeting between rival parties": the parties of the
    # meeting the talks' own verb tells of
    if not trigger.verbal and verb.dep_ in {"nsubj", "nsubjpass"}:
        clause += [
            t
            for prep in verb.head.children
            if prep.dep_ == "prep"
            for noun in prep.children
            if noun.dep_ == "pobj" and NOUNS.get(noun.lemma_.lower()) == "meeting"
            for between in noun.children
            if between.dep_ == "prep" and between.lower_ == "between"
            for t in between.subtree
        ]
    # "West African mediators, headed by Nana Akufo-Addo, met Mr. Taylor": who leads them
    clause += [
        t
        for subject in verb.children
        if subject.dep_ in {"nsubj", "nsubjpass"}
        for acl in subject.children
        if acl.dep_ == "acl" and acl.lemma_.lower() in {"head", "lead"}
        for t in acl.subtree
    ]
    # "Following the talks between Putin and Erdogan, Shoigu announced ...": those of the
    # happening before take no part in the announcing.
    scene = {
        t.i
        for c in verb.children
        if trigger.type == "statement"
        and c.dep_ == "prep"
        and c.lower_ in {"following", "after", "before", "ahead", "prior"}
        and not c.left_edge.i <= trigger.token.i <= c.right_edge.i
        for t in c.subtree
    }
    # "signed an agreement under pressure from Mandela and Clinton": who pressed did not sign
    pressing = {
        t.i
        for c in verb.children
        if c.dep_ == "prep"
        and c.lower_ == "under"
        and any(g.lemma_.lower() == "pressure" for g in c.children)
        for t in c.subtree
    }
    # "The principals, according to State House, agreed": the source of the news, no party
    sourced = {
        t.i
        for c in clause
        if c.dep_ == "prep" and c.lower_ == "according" and trigger.type not in SPEECH_TYPES
        for t in c.subtree
    }
    # "Rebels opposed to President Assad rejected the plan": whom a party stands against or
    # with describes the party, and takes no part
    stance = {t.i for c in clause if takes_a_stance(c) for t in c.subtree}
    indices = {t.i for t in clause} - scene - pressing - sourced - stance
    quoted = set()
    if trigger.verbal and quoted_as_saying(verb):
        # "Syrian state media quoted Hamad al-Thani as saying ...": al-Thani speaks
        quoted = {t.i for c in verb.children if c.dep_ == "dobj" for t in c.subtree}
        indices -= {t.i for c in verb.children if c.dep_ == "nsubj" for t in c.subtree}
    out: dict[str, ActorMention] = {}
    for actor in actors:
        if not (sent.start <= actor.i < sent.end):
            continue
        if inside(actor.start, quotes) and not (
            inside(trigger.token.idx, quotes) and doer_of(actor, verb)
        ):
            continue  # (a quoted act's own doer counts: see names_its_doer)
        if not any(i in indices for i in range(actor.i, actor.j)):
            continue
        last = sent.doc[actor.j - 1]
        # ("the Intergovernmental Authority on Development": the preposition is in the name)
        in_name = last.dep_ == "pobj" and actor.i <= last.head.head.i < actor.j
        if actor.via != "office" and not in_name and is_title_complement(last):
            continue
        if sponsors_another(sent.doc[actor.j - 1], trigger.token):
            continue
        role = SOURCE if actor.i in quoted else actor_role(actor, verb, reporter, sent.doc)
        if role == OTHER and holder.i != reporter.i and actor.i in speaker_ids:
            role = SOURCE  # the subject the saying shares: "Santos accepted ..., and said"
        if actor.name in out:
            if out[actor.name].role == OTHER and role != OTHER:
                out[actor.name] = actor.mention(role)
            continue
        out[actor.name] = actor.mention(role)
    if not any(m.role == SOURCE for m in out.values()):
        for actor in bracketed_subject(verb, actors):
            out[actor.name] = actor.mention(SOURCE)
    return list(out.values())


def doer_of(actor, verb) -> bool:
    """Whether `actor` is named in the subject of `verb`."""
    return any(
        c.dep_ in {"nsubj", "nsubjpass"} and c.left_edge.i <= actor.i <= c.right_edge.i
        for c in verb.children
    )


# "UN-backed talks", "Russian-sponsored congress", "the UN-recognized government": who
# stands behind a thing.
SPONSORING = frozenset(
    ["back", "broker", "sponsor", "lead", "mediate", "organize", "organise", "recognize"]
    + ["recognise", "support", "install", "appoint", "arm", "fund", "finance"]
    # "the Iran-aligned Houthis": a patron, no party to what the Houthis do
    + ["align", "ally"]
)
# Who stands between the sides of talks told in the passive: "mediated by", "hosted by".
MEDIATING = SPONSORING | {"host", "chair", "facilitate", "oversee"}


def sponsors_another(token, trigger) -> bool:
    """ "postponed its departure to UN-backed talks": the UN backs the talks, it does not
    postpone anything; only where the talks are the event is it one of theirs."""
    doc = token.doc
    if token.i + 2 < len(doc) and doc[token.i + 1].text == "-":
        # "Libya's UN-recognized Government", parsed with "recognized" on the government
        backing = doc[token.i + 2]
        if backing.tag_ == "VBN" and backing.lemma_.lower() in SPONSORING:
            return backing.head.i != trigger.i
    head = token.head
    if token.dep_ not in {"npadvmod", "compound", "amod"} or head.dep_ != "amod":
        return False
    if head.tag_ != "VBN" or head.lemma_.lower() not in SPONSORING:
        return False
    return head.head.i != trigger.i


BRACKETS = {"-": "-", "–": "–", "—": "—", "(": ")"}


def bracketed_subject(verb, actors) -> list:
    """The actors a subject names between dashes or brackets: "The three sponsors - Russia,
    Iran and Turkey - have agreed ..." (the parser hangs the list anywhere)."""
    for subject in (c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}):
        doc = verb.doc
        opening = next(
            (t for t in doc[subject.i + 1 : verb.i] if t.text in BRACKETS),
            None,
        )
        if opening is None:
            return []
        closing = next(
            (t for t in doc[opening.i + 1 : verb.i] if t.text == BRACKETS[opening.text]),
            None,
        )
        if closing is None:
            return []
        return [a for a in actors if opening.i < a.i and a.j <= closing.i and not a.is_place]
    return []


ROLE_NOUNS = {
    "envoy", "ambassador", "representative", "mediator", "delegate", "emissary",
    "minister", "leader", "president", "head", "chief", "spokesman", "spokeswoman",
    "advisor", "adviser", "aide", "spokesperson", "secretary",
}  # fmt: skip


def is_title_complement(token) -> bool:
    """ "The international envoy to Syria": Syria names the post, it does not take part;
    nor does the topic in "a conference on Syria", nor the venue in "on the sidelines of
    the UN General Assembly"."""
    holder = token
    while holder.dep_ == "compound" and holder.head.i != holder.i:
        holder = holder.head  # "the margins of the G20 summit"
    allies = holder
    while allies.dep_ == "pobj" and allies.head.lower_ == "of" and allies.head.head.i != allies.i:
        allies = allies.head.head  # "allies of the government of President Assad"
        if allies.lemma_.lower() in ALLYING and allies.is_lower:  # not "Friends of Syria"
            return True
    if (
        holder.dep_ == "pobj"
        and holder.head.lower_ == "of"
        and holder.head.head.lemma_.lower() in {"sideline", "sidelines", "margin", "margins"}
    ):
        return True
    if token.dep_ != "pobj":
        return False
    prep = token.head
    if prep.lower_ in {"to", "for"} and prep.head.lemma_.lower() in ROLE_NOUNS:
        # "UN Special Envoy for Syria Staffan de Mistura": a name after the post's country is
        # the holder's; an adviser "to Prime Minister Abiy Ahmed" serves the one named.
        return token.ent_type_ != "PERSON" or prep.head.lemma_.lower() in AIDES
    if prep.lower_ in {"on", "about", "regarding", "over"} and prep.head.pos_ == "VERB":
        # "will brief the Security Council on Yemen", "talked about Syria": the subject of
        # the talking, not a party to it
        return verb_type(prep.head.lemma_.lower(), "", []) in {"meeting", "statement"}
    # "a conference on Syria", "the Security Council on Yemen", "a ceasefire agreement over
    # Syria"; but sanctions, strikes or pressure on a state are done to it
    return (
        prep.lower_ in {"on", "about", "regarding", "over"}
        and prep.head.pos_ in {"NOUN", "PROPN"}
        and prep.head.lemma_.lower() not in BORNE_BY
    )


# Nouns whose "of" names whom they stand by or against: "key allies of Assad".
ALLYING = frozenset(
    ["ally", "allies", "backer", "supporter", "friend", "patron", "enemy", "foe", "rival"]
)

# Nouns whose "on" names whom they fall on: "sanctions on Syria", "strikes on Aleppo".
BORNE_BY = frozenset(
    ["sanction", "sanctions", "embargo", "pressure", "ban", "restriction", "strike", "attack"]
    + ["raid", "assault", "offensive", "tariff", "measure", "limit", "war", "crackdown"]
)


# Prepositions by which a subject is described, not one that speaks for a body ("the head
# of the Arab League", "representatives from Russia", "officials in Damascus" speak for theirs).
WHERE_ABOUT = frozenset(["with", "on", "about", "over"])


def actor_role(actor, verb, reporter, doc) -> str:
    token = doc[actor.j - 1]
    if token.dep_ == "poss" and token.head.i == verb.i and token.head.lemma_.lower() in NOUNS:
        return SOURCE  # "Kobler's arrival", "Russia's veto"
    # "talks between X and Y", "a phone call between him and Putin": both take part.
    current = token
    while current.dep_ == "compound" and current.head.i > current.i:
        current = current.head  # "the FARC rebels"
    while current.dep_ == "conj" and current.head.i != current.i:
        current = current.head
    noun = current.head.head
    if (
        current.dep_ == "pobj"
        and current.head.lower_ == "between"
        and (noun.lemma_.lower() in NOUNS or noun.lemma_ in {"call", "contact"})
        # the event's own noun, not one it names ("agreed to ask the UN to broker a deal
        # between the regime and the opposition": the deal's parties do not agree)
        and (
            noun.i == verb.i
            or noun.head.i == verb.i
            or (noun.head.lower_ == "of" and noun.head.head.i == verb.i)  # "a round of talks"
            # "talks continued with a closed meeting between rival parties": the meeting the
            # talks' own verb tells of
            or (
                noun.head.dep_ == "prep"
                and verb.dep_ in {"nsubj", "nsubjpass"}
                and noun.head.head.i == verb.head.i
            )
        )
    ):
        return SOURCE
    if (
        current.dep_ == "pobj"
        and current.head.lower_ == "between"
        and current.head.head.i == verb.i
        and (
            verb.lemma_.lower() in ASSENTING | DEAL_VERBS
            # "talks were held between the government and the rebels"
            or (
                verb.lemma_.lower() in LIGHT_VERBS
                and any(c.dep_ == "nsubjpass" for c in verb.children)
            )
        )
    ):
        return SOURCE  # "a truce agreed in Sweden between the government and the Houthis"
    # (the name's own head word: "Friends" of "the Friends of Syria")
    named = next((t for t in doc[actor.i : actor.j] if not actor.i <= t.head.i < actor.j), current)
    while named.dep_ in {"compound", "nmod", "amod"} and named.head.i > named.i:
        named = named.head  # "Arab League foreign ministers"
    gathering = named.head.head
    if (
        named.dep_ == "pobj"
        and named.head.lower_ == "of"
        and NOUNS.get(gathering.lemma_.lower()) == "meeting"
        and gathering.i == verb.i  # ("hosted a meeting of the Friends": France hosts)
    ):
        return SOURCE  # "a meeting of the Friends of Syria", "a summit of the Union": they meet
    if current.dep_ == "dobj" and current.head.i == verb.i and particle_of(verb) == "together":
        return SOURCE  # "brought together Serraj and Hifter": both meet
    if (
        current.dep_ == "pobj"
        and current.head.lower_ in {"including", "of"}
        and particle_of(verb) == "together"
    ):
        return SOURCE  # "brought together all the outside players, including Russia and Iran"
    governor_ids = {verb.i, reporter.i}
    controller = verb
    while controls(controller):
        controller = controller.head
        governor_ids.add(controller.i)
    # Walk up until we reach the verb: the dependency on the way says the role.
    path, crossed = [], set()
    current = token
    for _ in range(12):
        path.append(current.dep_)
        if current.dep_ == "prep" and not actor.i <= current.i < actor.j:
            crossed.add(current.lower_)  # (not "on" in "Authority on Development")
        if current.head.i == current.i or current.head.i in governor_ids:
            break
        current = current.head
    last = path[-1] if path else ""
    if current.head.i in governor_ids:
        if last == "nsubj" and crossed & WHERE_ABOUT:
            return OTHER  # "Countries with interests in Libya's war agreed": not Libya
        if last in {"nsubj", "csubj", "agent"} or (last == "pobj" and "agent" in path):
            return SOURCE  # "was called historic by X": X speaks
        if (
            last == "nsubjpass"
            and current.head.i != verb.i
            and current.head.lemma_.lower() not in REPORTING_VERBS
        ):
            return SOURCE  # "Griffiths is expected to brief": he briefs
        if last == "nsubjpass" and expected_somewhere(current.head):
            return SOURCE  # "Kerry is expected in Moscow": he comes
        if last in {"dobj", "nsubjpass", "dative", "attr"}:
            return TARGET
        if last == "prep" or "pobj" in path:
            return (
                TARGET
                if path[-1] == "prep" and verb.lemma_ in {"meet", "talk", "invite", "shuttle"}
                else OTHER
            )
    if last == "agent":
        return SOURCE
    return OTHER


def place_words(token, towns) -> str | None:
    """The words of the place `token` is in: the model's place entity, else a place the
    resolver knew there."""
    if token.ent_type_ in {"GPE", "LOC", "FAC"}:
        ent = entity_of(token)
        return ent.text if ent is not None else None
    return towns.get(token.i)


def reaches_through_prepositions(token, verb) -> bool:
    """Whether `token` hangs on `verb` by prepositional phrases alone: "signed ... during talks
    in Kazakhstan" does; "a memorandum on zones in Syria" (through the object) and "envoy to
    Afghanistan" (through an apposition) do not."""
    current = token
    while current.dep_ in {"conj", "compound"} and current.head.i != current.i:
        current = current.head
    for _ in range(8):
        if current.dep_ != "pobj" or current.head.dep_ != "prep":
            return False
        prep = current.head
        holder = prep.head
        if holder.i == verb.i:
            return True
        if holder.dep_ in {"dobj", "nsubjpass", "dative", "acomp"} and holder.head.i == verb.i:
            return True  # "will meet Lavrov in Moscow": the parser hangs the place on Lavrov
        current = holder
    return False


# "in the southern resort city of Antalya", "in the Kazakh capital of Astana".
PLACE_NOUNS = frozenset(
    ["city", "town", "capital", "village", "port", "province", "region", "district", "resort",
     "island", "enclave", "governorate", "state", "county", "suburb", "neighbourhood",
     "neighborhood"]
)  # fmt: skip


def _names_place_noun(prep) -> bool:
    """Whether `prep` is the "of" of "the city of Antalya": the place noun before it stands in
    a place phrase of its own ("in the city of ...")."""
    holder = prep.head
    return (
        prep.lower_ == "of"
        and holder.lemma_.lower() in PLACE_NOUNS
        and holder.dep_ == "pobj"
        and holder.head.lower_ in {"in", "at", "to", "near", "inside", "outside"}
    )


_CAPITALS = {
    key: seats[0]
    for country, aliases, seats, demonyms in gazetteer.COUNTRIES
    if seats
    for key in (country.lower(), *(a.lower() for a in aliases), *(d.lower() for d in demonyms))
}


def capital_of(token) -> str | None:
    """ "the Cuban capital", "Syria's capital": the capital a noun names by its country; not
    "the capital, Astana" or "the capital of Kazakhstan", whose place is named."""
    if token.lemma_.lower() != "capital" or token.dep_ != "pobj":
        return None
    if any(c.dep_ in {"appos", "prep"} for c in token.rights) or any(
        c.dep_ == "compound" and c.ent_type_ for c in token.rights
    ):
        return None
    for child in token.lefts:
        if child.dep_ in {"amod", "compound", "poss", "nmod"}:
            seat = _CAPITALS.get(child.lower_) or _CAPITALS.get(child.text.lower())
            if seat:
                return seat
    return None


def event_place(trigger, doc, sent) -> str | None:
    """The place attached to the trigger: "met ... in Munich", "arrived in Moscow".

    The nearest to the trigger in the parse wins, and never one inside the subject
    ("The envoy to Syria met Assad in Damascus": Damascus). A statement is placed only
    where it was made ("said in Ankara"), not where the things it talks about happen.
    The places the actor resolver knew count whatever the model tagged them ("in Ghadames",
    tagged an organization): `find_events` leaves them in the doc's user data."""
    towns = doc.user_data.get(TOWNS, {})
    verb = light_verb(trigger)
    noun = trigger.token
    if (
        verb.i == noun.i
        and noun.dep_ in {"nsubj", "nsubjpass"}
        and noun.head.pos_ in {"VERB", "AUX"}
    ):
        verb = noun.head  # "Talks ... were held in Istanbul", "The talks ended in Astana"
    subject = {t.i for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} for t in c.subtree}
    tokens = [t for t in clause_tokens(verb) if t.i not in subject]
    if trigger.type == "statement":
        tokens = [t for t in tokens if t.head.head.i == verb.i]
    places = []
    for token in tokens:
        if (
            (words := place_words(token, towns))
            and token.head.dep_ == "prep"
            and (
                token.head.lower_ in {"in", "at", "to", "near", "inside", "outside"}
                or _names_place_noun(token.head)
            )
            and reaches_through_prepositions(token, verb)
        ):
            distance = depth_of(token) - depth_of(verb)
            places.append((distance, token.i, words.removeprefix("the ").strip()))
    for token in tokens:
        # "will be signed in the Cuban capital": the country's seat of government
        seat = capital_of(token)
        if (
            seat
            and token.head.dep_ == "prep"
            and token.head.lower_ in {"in", "at", "to"}
            and reaches_through_prepositions(token, verb)
        ):
            places.append((depth_of(token) - depth_of(verb), token.i, seat))
    if not trigger.verbal and not places:
        # "Talks in Geneva between the two sides ended": the place the noun itself carries.
        into = {"in", "at", "to"} if trigger.type == "visit" else {"in", "at"}
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ in into:
                for token in prep.children:
                    words = place_words(token, towns) if token.dep_ == "pobj" else None
                    if words:
                        places.append((0, token.i, words.removeprefix("the ").strip()))
    if not places and verb.dep_ == "advcl" and verb.head.lemma_.lower() in SETTING_OUT:
        # "left for Oslo to resume talks": where they set out for
        for prep in verb.head.children:
            if prep.dep_ == "prep" and prep.lower_ in {"for", "to"}:
                for token in prep.children:
                    words = place_words(token, towns) if token.dep_ == "pobj" else None
                    if words:
                        places.append((1, token.i, words.removeprefix("the ").strip()))
    return min(places)[2] if places else None


def merge_same_happenings(found: list[Found]) -> list[Event]:
    """One event per happening.

    Two reports are one happening when they have the same date, kindred types and
    one's actors within the other's, without different speakers; or when a sentence
    with no date of its own follows one of the same kind in the same paragraph
    ("Russia and China joined France ... in agreeing on the plan. Arab League
    nations also signed on to it."). A headline only adds a mention to the body's
    event: it restates the news in fewer words; a headline whose news the body never
    retells (and that names who did it) is an event of its own.
    """
    merged: list[Found] = []
    for item in [f for f in found if not f.headline]:
        target = next((other for other in merged if same_happening(other, item)), None)
        if target is not None:
            absorb(target, item)
        elif not item.mention_only:
            merged.append(item)
    for item in [f for f in found if f.headline]:
        ev = item.event
        names = {a.name for a in ev.actors}
        doers = sides(ev)
        # ("UN says ..." may stand for the Secretary-General; two named sides are those two)
        named_doers = {a.name for a in ev.actors if a.role == SOURCE}
        target = next(
            (
                o
                for o in merged
                if same_kin(o.event.type, ev.type)
                and (
                    (
                        o.event.date.value == ev.date.value
                        # "Ukraine, separatists sign truce" is not the rebel leaders' agreeing
                        # to let monitors in, that day: the sides the headline names took part
                        and (len(named_doers) < 2 or doers & sides(o.event))
                    )
                    # an undated headline restates the lead news whatever day it was
                    or (
                        not item.explicit
                        and (not names or names & {a.name for a in o.event.actors})
                        and (len(named_doers) < 2 or doers & sides(o.event))
                    )
                )
            ),
            None,
        )
        if target is not None:
            target.event.mentions.append((ev.evidence, ev.start, ev.end, ev.date))
            if more_specific(ev.type, target.event.type):
                target.event.type = ev.type  # "U.S. and Taliban resume peace talks"
        elif any(a.role == SOURCE for a in ev.actors) and not item.mention_only:
            merged.append(item)  # the body never tells it: the headline is all there is
    for m in merged:
        m.event.actors = bystanders_dropped(m.event.actors)
    return sorted((m.event for m in merged), key=lambda e: e.start)


def bystanders_dropped(actors: list[ActorMention]) -> list[ActorMention]:
    """An event's actors without the countries and bodies only named in its sentence ("the
    crisis in Syria", "the UN-backed talks"): they neither did it nor had it done to them.
    A person named stays, and an event with nobody else keeps whom it has."""
    kept = [a for a in actors if a.role != OTHER or a.kind == PERSON]
    return kept or actors


# Happenings with several parties: another party joining is the same happening.
SHARED_TYPES = {"meeting", "visit", "agreement", "violence"}


# Acts done by speaking: a statement right after one by the same speaker continues it.
SPEECH_TYPES = frozenset(["statement", "appeal", "proposal", "threat", "rejection"])


# "also", "in addition", "separately": what follows is one more act.
FURTHER = frozenset(["also", "additionally", "separately", "further", "furthermore", "moreover"])


def a_further_act(trigger) -> bool:
    """ "In addition, the rivals have reached an understanding on Taiz", "The two sides also
    agreed to swap prisoners": the sentence tells one more act, not the last one again."""
    verb = verb_of(trigger)
    # "signed another deal", "held a second round": a new one of its kind
    noun = trigger.token if not trigger.verbal else None
    if noun is not None and any(c.lower_ in ANOTHER for c in noun.children):
        return True
    while verb.dep_ in {"xcomp", "conj"} and verb.head.i != verb.i:
        verb = verb.head
    return any(
        (child.dep_ == "advmod" and child.lower_ in FURTHER)
        or (child.lower_ == "in" and any(c.lower_ == "addition" for c in child.children))
        # "At the same time, Baku and Yerevan agreed to start talks": one more agreement
        or (child.lower_ == "at" and any(at_the_same_time(c) for c in child.children))
        or (child.dep_ == "dobj" and any(c.lower_ in ANOTHER for c in child.children))
        for child in verb.children
    )


ANOTHER = frozenset(["another", "second", "separate", "further"])


def at_the_same_time(token) -> bool:
    """Whether `token` is the "time" of "at the same time"."""
    return token.lower_ == "time" and any(c.lower_ == "same" for c in token.children)


# "the first round of talks", "a third round", "the 5th round"; "next" follows an earlier one.
ROUND = re.compile(
    r"\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|next|\d+(?:st|nd|rd|th))"
    r"\s+(?:[a-z-]+\s+)?round\b",
    re.IGNORECASE,
)


def other_rounds(a: Event, b: Event) -> bool:
    """Whether the two reports name different rounds of talks: "sat down with Taliban cadres
    for the first round this month" and "the next round is scheduled for the end of July"."""
    first = {m.lower() for m in ROUND.findall(a.evidence)}
    second = {m.lower() for m in ROUND.findall(b.evidence)}
    if not first or not second or first & second:
        return False
    ordinals = (first | second) - {"next"}
    # "the next round" and "the second round" may well be one; "the next" is never the first
    return len(ordinals) > 1 or "first" in ordinals


def other_places(a: Event, b: Event) -> bool:
    """Whether the two happened in two towns: "concluded its meetings in Ghadames" and
    "agreed to meet in Sirte". A country is no town: "talks in Syria" may be in Damascus."""
    if not a.place or not b.place or a.place == b.place:
        return False
    return not ({a.place, b.place} & COUNTRY_NAMES)


COUNTRY_NAMES = frozenset(country for country, *_ in gazetteer.COUNTRIES)
# The doc's user-data key for the places the resolver found: token index -> their words.
TOWNS = "timeline_towns"


def same_happening(earlier: Found, later: Found) -> bool:
    a, b = earlier.event, later.event
    if not same_kin(a.type, b.type) and not (b.type == "statement" and a.type in SPEECH_TYPES):
        return False
    if other_rounds(a, b) or other_places(a, b):
        return False
    # The same doers "also" did something: another act of theirs. Others "also" doing it
    # ("Arab League nations also signed on to it") join the same happening.
    further = later.further and b.type != "statement"
    if further and later.sources and later.sources <= earlier.sources:
        return False
    speakers = a.type not in SHARED_TYPES and earlier.sources and later.sources
    if speakers and not earlier.sources & later.sources:
        return False  # two speakers, two statements
    follows = later.sentence_index == earlier.last_index + 1 and not later.explicit
    if follows and later.paragraph == earlier.paragraph:
        return True
    if follows and b.type == "statement" and a.type in SPEECH_TYPES and speakers:
        return True  # the speaker goes on, in the next paragraph: "..., he said."
    names, other_names = {x.name for x in b.actors}, {x.name for x in a.actors}
    if (
        earlier.lede
        and not earlier.explicit
        and later.explicit
        and later.sentence_index <= earlier.last_index + 2
        and same_kin(a.type, b.type)
        # (one's doers within the other's: de Mistura meeting the opposition is not his
        # meeting with the government the line after)
        and names & other_names
        and (names <= other_names or other_names <= names)
        and 0 <= (a.date.first_day - b.date.first_day).days <= 7
    ):
        # "Russia and China have vetoed a resolution" (the lede, undated) and "On Tuesday
        # ... Russia and China voted against": one vote, on the day the next lines give.
        return True
    if (
        (finer_within(b.date, a.date) or finer_within(a.date, b.date))
        and a.planned == b.planned
        and same_kin(a.type, b.type)
        and names & other_names
    ):
        # "are set to meet next week in Brussels with Charles Michel" and "Michel will gather
        # next Wednesday a meeting with Aliyev and Pashinyan": one meeting, on that day
        return True
    if a.date.value != b.date.value or a.date.precision != b.date.precision:
        return False
    if speakers and a.type in SPEECH_TYPES and states(a) != states(b):
        # "The diplomats announced ..." (Kerry and Lavrov) and, lines later, "Lavrov called
        # the agreements a decision based on consensus": one of them speaking for himself
        # (a spokeswoman and the government she speaks for are one speaker)
        return False
    if names <= other_names or other_names <= names:
        return True
    if a.type == b.type == "agreement" and (names & other_names or sides(a) & sides(b)):
        # "Kiir signed a peace agreement with rebel factions" and "South Sudan's warring
        # parties on Wednesday signed what they say is the final peace agreement": one
        # signing that day, a party in both reports by name or by its state
        return True
    if a.type == b.type and len(earlier.sources & later.sources) >= 2:
        # "Colombia's government and FARC rebels launched talks in Norway on Thursday" and
        # "The government and the rebels began the negotiations [that day] with their heads
        # of delegation Humberto de la Calle and Ivan Marquez": the same two sides, one act
        return True
    # "Russia and the United States agreed ..." and "Lavrov and Kerry announced the
    # agreement": the same parties, by their states and by their ministers.
    return a.type in SHARED_TYPES and bool(earlier.sources) and states(a) == states(b)


def finer_within(day, month) -> bool:
    """Whether `day` is a day inside the month `month` names: 2022-04-06 in 2022-04, and
    inside the week when the month stands for "next week"."""
    if not (
        day is not None
        and month is not None
        and day.precision == DAY
        and month.precision == MONTH
        and bool(day.value)
        and bool(month.value)
        and day.value.startswith(month.value + "-")
    ):
        return False
    week = week_of(month)
    return week is None or week[0] <= day.first_day <= week[1]


def sides(event: Event) -> set[str]:
    """Who did it, by name and by the state they belong to: "Syria" and "Syrian government",
    "Russia" and "Sergey Lavrov" are one side."""
    doers = [x for x in event.actors if x.role == SOURCE] or event.actors
    return {x.name for x in doers} | {x.country for x in doers if x.country}


def states(event: Event) -> set[str]:
    """The doers of an event, a person counted as the state they serve."""
    return {
        (x.country or x.name) if x.kind == PERSON else x.name
        for x in event.actors
        if x.role == SOURCE
    }


def more_specific(a: str, b: str) -> bool:
    """Whether type `a` says more than its kin `b`: talks resumed are a meeting, and more."""
    info_a, info_b = EVENT_TYPE_INFO.get(a), EVENT_TYPE_INFO.get(b)
    return (
        info_a is not None
        and info_b is not None
        and info_a.kin == info_b.kin
        and info_a.specificity > info_b.specificity
    )


def absorb(keep: Found, item: Found) -> None:
    """Fold `item` into `keep`; the sentence with a written date stays the evidence."""
    a, b = keep.event, item.event
    keep.last_index = max(keep.last_index, item.last_index)
    if item.explicit and (not keep.explicit or finer_within(b.date, a.date)):
        # b's sentence is the better evidence: swap the roles of primary and extra mention.
        a.mentions.append((a.evidence, a.start, a.end, a.date))
        a.evidence, a.start, a.end, a.date = b.evidence, b.start, b.end, b.date
        a.summary = b.summary
        a.type = b.type if b.type != "statement" and not more_specific(a.type, b.type) else a.type
        keep.explicit = True
    else:
        a.mentions.append((b.evidence, b.start, b.end, b.date))
        if more_specific(b.type, a.type):
            a.type = b.type  # "U.S. and Taliban resume talks" and "met on Saturday": resumed
    a.mentions.extend(b.mentions)
    present = {x.name: x for x in a.actors}
    for actor in b.actors:
        if actor.name not in present:
            a.actors.append(actor)
        elif present[actor.name].role == OTHER and actor.role != OTHER:
            a.actors[a.actors.index(present[actor.name])] = actor
    a.place = a.place or b.place
    a.planned = a.planned and b.planned
    a.confidence = round(min(0.97, max(a.confidence, b.confidence) + 0.05), 2)
