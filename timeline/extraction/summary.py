"""Headlines for events: who did what to whom, where, built from the parse.

A timeline line reads like a wire headline, in the present tense, with the actors under
their canonical names: "Sergey Lavrov meets Hillary Clinton and Lakhdar Brahimi in Dublin",
"Russia and China veto resolution", "Kofi Annan to brief Security Council". It is built
from parts, never cut out of the sentence, so it is never a truncated sentence.

    >>> headline("meet", ["Sergey Lavrov"], ["Hillary Clinton and Lakhdar Brahimi"], "Dublin")
    'Sergey Lavrov meets Hillary Clinton and Lakhdar Brahimi in Dublin'
    >>> headline("veto", ["Russia", "China"], ["resolution"], None)
    'Russia and China veto resolution'
    >>> headline("brief", ["Kofi Annan"], ["Security Council"], None, planned=True)
    'Kofi Annan to brief Security Council'
"""

from __future__ import annotations

from timeline.extraction.lexicon import (
    NOUNS,
    QUANTITIES,
    REPORTING_VERBS,
    SCHEDULING_VERBS,
    names_a_truce,
)
from timeline.extraction.types import PERSON, SOURCE, ActorMention

IRREGULAR = {"be": "is", "have": "has", "do": "does", "go": "goes"}
# How a type is said when its trigger is a noun nobody carries ("the talks", "a veto").
NOUN_VERBS = {
    "meeting": "hold talks",
    "visit": "visit",
    "invitation": "invite",
    "statement": "make statement",
    "proposal": "propose",
    "appeal": "appeal",
    "agreement": "reach agreement",
    "ceasefire": "agree ceasefire",
    "resolution": "adopt resolution",
    "vote": "vote",
    "veto": "veto",
    "recognition": "recognize",
    "appointment": "make appointment",
    "resignation": "resign",
    "election": "hold election",
    "resumption": "resume talks",
    "postponement": "postpone talks",
    "suspension": "suspend",
    "withdrawal": "withdraw",
    "expulsion": "expel",
    "sanction": "impose sanctions",
    "release": "release",
    "evacuation": "evacuate",
    "rejection": "reject",
    "threat": "threaten",
    "protest": "protest",
    "violence": "attack",
    "other": "act",
}
# What happened when nobody is named: "Ceasefire takes effect", "Talks held".
NOBODY = {
    "meeting": "talks held",
    "ceasefire": "ceasefire takes effect",
    "agreement": "agreement reached",
    "election": "election held",
    "vote": "vote held",
    "resolution": "resolution adopted",
}
MAX_NAMES = 3
# Acts done by saying something: the headline says what ("warns government would boycott").
SPOKEN = frozenset(["statement", "threat", "proposal"])
PERSONAL = frozenset(["i", "we", "you"])


def subject_holder(verb):
    """The verb whose subject `verb` shares, above its xcomp chain: "is" in "the truce is
    set to take effect", for "take"."""
    while verb.dep_ == "xcomp" and verb.head.i != verb.i:
        verb = verb.head
    return verb


# Nouns a headline names with their "of": "cessation of hostilities", "exchange of prisoners".
NAMED_BY_OF = frozenset(["cessation", "exchange", "release", "withdrawal", "swap", *QUANTITIES])


def of_what(token) -> list[str]:
    """ "of hostilities" after "cessation": the noun says nothing without what ceases."""
    if token.lemma_.lower() not in NAMED_BY_OF:
        return []
    return [
        f"of {g.text}"
        for p in token.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for g in p.children
        if g.dep_ == "pobj" and g.pos_ == "NOUN"
    ][:1]


def third_person(verb: str) -> str:
    """`third_person("meet")` -> "meets"; "reach agreement" -> "reaches agreement"."""
    first, _, rest = verb.partition(" ")
    if first in IRREGULAR:
        word = IRREGULAR[first]
    elif first.endswith(("s", "sh", "ch", "x", "z", "o")):
        word = first + "es"
    elif first.endswith("y") and len(first) > 1 and first[-2] not in "aeiou":
        word = first[:-1] + "ies"
    else:
        word = first + "s"
    return f"{word} {rest}".strip()


def names(items: list[str]) -> str:
    """ "A", "A and B", "A, B and C", "A, B, C and 2 others"."""
    if len(items) > MAX_NAMES + 1:
        items = items[:MAX_NAMES] + [f"{len(items) - MAX_NAMES} others"]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def headline(
    verb: str,
    doers: list[str],
    rest: list[str],
    place: str | None,
    *,
    planned: bool = False,
    plural: bool = False,
) -> str:
    """A headline from its parts: the verb phrase (lemma first), who did it, the words after
    the verb ("Hillary Clinton", "with the Houthis", "to implement a truce") and where;
    `plural` when the one doer is a plural noun ("Peace talks resume")."""
    if doers:
        if planned:
            verb = f"to {verb}"
        elif len(doers) == 1 and not plural:
            verb = third_person(verb)
        words = [names(doers), verb]
    else:
        words = [verb]
    words += rest
    if place and not any(place in part for part in rest):
        words += ["in", place]
    return capitalised(" ".join(w for w in words if w))


def hyphenated(token) -> tuple[int, int]:
    """The first and last token of the hyphenated word `token` is part of: "de-escalation"
    and "cease-fire" are tokens the parser hangs apart."""
    doc = token.doc

    def joined(i):  # doc[i] and doc[i + 1] are one written word joined by a hyphen
        return not doc[i].whitespace_ and "-" in (doc[i].text, doc[i + 1].text)

    first = last = token.i
    while first > 0 and joined(first - 1):
        first -= 1
    while last + 1 < len(doc) and joined(last):
        last += 1
    if doc[first].text == "-" or doc[last].text == "-":
        return token.i, token.i  # "- Syria", a dash set off, no hyphen
    return first, last


def follows_a_happening(verb) -> bool:
    """ "Monday's talks followed a meeting in Paris of the Friends of Syria on Sunday": a
    happening that followed another names both, and the other is the news."""
    return (
        verb.lemma_.lower() == "follow"
        and any(c.dep_ == "dobj" and c.lemma_.lower() in NOUNS for c in verb.children)
        and any(c.dep_ == "nsubj" and c.lemma_.lower() in NOUNS for c in verb.children)
    )


def written_whole(token) -> str:
    """The hyphenated word `token` is part of, as written, with the names compounded before
    it: "Russia-Turkey" for "Turkey", "UN-Arab League" for "League"."""
    doc = token.doc
    first, last = hyphenated(token)
    start = token.left_edge.i
    if token.dep_ == "compound" and all(
        (t.dep_ in ("compound", "punct", "amod") and t.pos_ in ("PROPN", "PUNCT")) or t.text == "-"
        for t in doc[start : token.i]
    ):
        first = min(first, hyphenated(doc[start])[0])
    return doc[first : last + 1].text


class Phrases:
    """Short phrases for a sentence's tokens, with actors under their canonical names."""

    def __init__(self, actors: list):
        self.actors = actors

    def actor_at(self, token) -> ActorMention | None:
        return next((a for a in self.actors if a.start <= token.idx < a.end), None)

    def noun(self, token) -> str:
        """A noun's head with the words that say what it is ("peace deal"), or the actor it
        names ("the U.N. Security Council" -> "United Nations Security Council")."""
        if token.pos_ == "PRON":
            return token.lower_  # "he", "they": what the sentence says, not a guess
        actor = self.actor_at(token)
        if actor is None:
            # "met the head of the General National Congress, Nouri Abu Sahmain,": the name
            # (the parser may hang the name on "Congress")
            of_objects = [g for p in token.rights if p.lower_ == "of" for g in p.rights]
            named = [*token.rights, *(c for g in of_objects for c in g.rights)]
            actor = next(
                (
                    a
                    for c in named
                    if c.dep_ == "appos" and (a := self.actor_at(c)) and a.kind == PERSON
                ),
                None,
            )
        if actor is not None:
            return actor.name
        return self.words(token)

    def words(self, token) -> str:
        """A noun's head with the words that say what it is, as written: "special envoy"."""
        first, last = hyphenated(token)
        words = [
            written_whole(t)  # "U.S.-Taliban talks", not "Taliban talks"
            for t in token.lefts
            if t.dep_ in ("compound", "amod")
            and t.is_alpha
            and t.pos_ in ("NOUN", "PROPN", "ADJ")
            and not first <= t.i <= last
        ]
        return " ".join([*words, token.doc[first : last + 1].text, *of_what(token)])

    def nouns(self, token, doers: set[str]) -> str:
        """A noun and the nouns joined to it: "France, United Kingdom and United States"."""
        items = [token]
        while next((c for c in items[-1].children if c.dep_ == "conj"), None) is not None:
            items.append(next(c for c in items[-1].children if c.dep_ == "conj"))
        found = []
        for item in items:
            name = self.noun(item)
            if name not in doers and name not in found:
                found.append(name)
        return names(found)

    def parties_of(self, noun, preps: tuple[str, ...], named: bool) -> list[str]:
        """ "between Rwanda and Congo" for "the summit between Rwanda and Congo"; with
        `named`, only where the phrase names an actor."""
        return [
            f"{prep.lower_} {self.nouns(pobj, set())}"
            for prep in noun.children
            if prep.dep_ == "prep" and prep.lower_ in preps
            for pobj in prep.children
            if pobj.dep_ == "pobj" and (not named or self.actor_at(pobj) is not None)
        ]

    def objects(self, verb, doers: set[str], particle: str = "") -> list[str]:
        """What comes after a verb in a headline: its object, its prepositional objects
        ("with the Houthis", "on all parties" after "call"), an infinitive ("to implement a
        truce")."""
        out = []
        for child in verb.rights:
            # "sent invitations to Germany": a "to" the parser calls the dative is a preposition
            prep = child.dep_ == "prep" or (child.dep_ == "dative" and child.pos_ == "ADP")
            if child.dep_ in ("dobj", "dative", "attr", "oprd", "acomp") and not prep:
                phrase = self.nouns(child, doers)
                if phrase:
                    out.append(phrase)
            elif prep:
                pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if pobj is None:
                    continue
                if child.lower_ == particle:
                    out.append(self.nouns(pobj, doers))
                elif child.lower_ == "into" and pobj.lower_ == "question":
                    out.insert(0, "into question")  # "calls into question the talks"
                elif (
                    child.lower_ == "as"
                    and pobj.pos_ == "NOUN"
                    and verb.lemma_ != "be"
                    and pobj.lemma_.lower() not in ("result", "part")  # "as a result"
                ):
                    # "appointed Griffiths as the UN's new Yemen envoy": the post, not the
                    # name of whoever holds it
                    out.append(f"as {self.words(pobj)}")
                elif self.actor_at(pobj) is not None:
                    phrase = self.nouns(pobj, doers)
                    if phrase:
                        out.append(f"{child.lower_} {phrase}")
                elif child.lower_ in ("for", "against") and not out:
                    out.append(f"{child.lower_} {self.noun(pobj)}")
                elif child.lower_ in ("on", "to") and not out and meeting_or_deal(pobj):
                    out.append(f"{child.lower_} {self.noun(pobj)}")  # "agree on ceasefire"
            elif (
                child.dep_ in ("xcomp", "advcl")
                and child.pos_ == "VERB"
                and (any(c.lower_ == "to" for c in child.children) and len(out) < 2)
            ):
                inner = self.objects(child, doers)[:1]
                out.append(" ".join(["to", child.lemma_.lower(), *inner]))
        unique = []
        for phrase in out:
            if phrase and phrase not in unique:
                unique.append(phrase)
        return unique[:2]


def said_gist(verb, phrases: Phrases) -> str:
    """The core of what was said: "said Moscow would host talks next month" -> "Moscow would
    host talks"; "" when the report has no clause of its own or speaks for itself ("we")."""

    def subject_of(clause):
        return next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)

    content = next((c for c in verb.children if c.dep_ in ("ccomp", "xcomp")), None)
    teller = None
    while content is not None and content.lemma_.lower() in REPORTING_VERBS:
        # "Blinken said Washington has said it has not seen signs": what was said at last,
        # by Washington ("it")
        inner = next((c for c in content.children if c.dep_ == "ccomp"), None)
        if inner is None:
            break
        teller, content = subject_of(content), inner
    if content is None or content.pos_ not in ("VERB", "AUX"):
        return ""
    subject = subject_of(content)
    if subject is not None and subject.lower_ in ("it", "they") and teller is not None:
        subject = teller
    if subject is not None and subject.lower_ in PERSONAL:
        return ""
    aux = [c for c in content.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < content.i]
    words = [phrases.nouns(subject, set())] if subject is not None else []
    words += [c.text for c in aux if c.lower_ != "to"] + [content.text]
    rest = phrases.objects(content, set())
    if content.lemma_ == "be" and not rest:
        # "said they are no longer at war": the state the copula gives
        state = [c for c in content.rights if c.dep_ in ("advmod", "neg", "prep", "acomp", "attr")][
            :2
        ]
        rest = [" ".join(t.text for t in c.subtree) for c in state if len(list(c.subtree)) <= 4]
    words += rest
    gist = " ".join(words)
    return gist if len(gist.split()) <= 12 else ""


def meeting_noun(token) -> bool:
    return NOUNS.get(token.lemma_.lower(), NOUNS.get(token.lower_)) == "meeting"


def meeting_or_deal(token) -> bool:
    """A noun naming a happening ("ceasefire", "talks", "plan"): worth its preposition."""
    return token.lemma_.lower() in NOUNS or token.lower_ in NOUNS


def _passive_subject(verb):
    """What a passive verb with no "by" tells of: "the summit" in "the summit was called
    off"; also a headline's "Peace summit cancelled"."""
    if verb is None or any(c.dep_ == "agent" for c in verb.children):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is None and verb.dep_ == "xcomp" and any(c.dep_ == "auxpass" for c in verb.children):
        # "Griffiths is set to be appointed as envoy": the subject of "is set" undergoes it
        subject = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and verb.tag_ == "VBN" and verb.dep_ == "ROOT":
        # (the tagger also calls a simple past "VBN": only a noun no actor names, then)
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"), None)
        if any(c.dep_ == "aux" for c in verb.children):
            subject = None
    if subject is None or subject.pos_ == "PRON":
        return None
    return subject


# Verbs that pass on another's words: "Interfax quoted Lavrov as saying", "state TV cited an
# official as saying".
QUOTING = frozenset(["quote", "cite"])


def as_saying(prep):
    """The "saying" of "quoted Lavrov as saying ...", or None."""
    if prep.dep_ != "prep" or prep.lower_ != "as":
        return None
    return next(
        (
            c
            for c in prep.children
            if c.dep_ == "pcomp" and c.tag_ == "VBG" and c.lemma_.lower() in REPORTING_VERBS
        ),
        None,
    )


def event_headline(
    trigger,
    event_type: str,
    actors: list[ActorMention],
    place,
    planned: bool,
    particle: str = "",
    named=(),
) -> str:
    """The headline of one event from its trigger token, type, actors (with roles), the
    verb's particle ("walk out", "call on") and the names found in the sentence (`named`,
    anything with `name`, `start` and `end`), which stand in for their words."""
    token = trigger.token
    phrases = Phrases([*actors, *named])
    doers = [a.name for a in actors if a.role == SOURCE]
    others = [a.name for a in actors if a.role != SOURCE and a.name != place]
    if trigger.verbal and event_type == "visit" and token.lemma_.lower() == "be" and place:
        # "Kerry is due in Moscow", "the envoy is in Cyprus": a visit to the place
        return headline("visit", doers, [place], None, planned=planned)
    if trigger.verbal:
        verb = token
        lemma = f"{token.lemma_.lower()} {particle}".strip()
        saying = next(
            (s for c in token.children if token.lemma_.lower() in QUOTING and (s := as_saying(c))),
            None,
        )
        if saying is not None:
            verb, lemma = saying, saying.lemma_.lower()  # "quoted X as saying": X says
    elif (
        token.head.pos_ == "VERB"
        and token.dep_ in ("dobj", "attr")
        and token.head.lemma_.lower() not in SCHEDULING_VERBS  # "set a meeting": to meet
        and not follows_a_happening(token.head)  # "the talks followed a meeting": it met
    ):
        verb = token.head  # "signed a memorandum", "held talks"
        lemma = f"{verb.lemma_.lower()} {phrases.noun(token)}"
        if event_type == "meeting" and others:
            lemma = "meet"  # "had a five-hour meeting with Merkel": meets Merkel
        elif event_type == "visit":
            lemma = "visit"  # "paid a courtesy visit to the delegation"
    else:
        verb, lemma = None, NOUN_VERBS.get(event_type, "act")
    truce = next(
        (
            c
            for c in subject_holder(token).children
            if c.dep_ in ("nsubj", "nsubjpass") and names_a_truce(c)
        ),
        None,
    )
    if trigger.verbal and event_type == "ceasefire" and truce is not None and doers:
        # "A fragile ceasefire in eastern Ukraine took effect": the truce takes effect, its
        # sides (told by the war) do not; "Hamas's truce took effect": the one side's
        rest = phrases.objects(verb, set(doers), particle)
        noun = " ".join([truce.lemma_.lower(), *of_what(truce)])  # "cessation of hostilities"
        words = f"{noun} between {names(doers)}" if len(doers) > 1 else f"{doers[0]}'s {noun}"
        verb_words = " ".join([lemma, *rest[:1]])
        verb_words = f"to {verb_words}" if planned else third_person(verb_words)
        return headline(f"{words} {verb_words}", [], [], place)
    talks = next(
        (c for c in token.children if c.dep_ in ("nsubj", "nsubjpass") and meeting_noun(c)),
        None,
    )
    if trigger.verbal and talks is not None and doers and event_type in ("meeting", "resumption"):
        # "X and Y announced that the talks will resume": they resume the talks
        lemma = f"{lemma} {talks.text.lower()}"
    undergoer = _passive_subject(verb) if trigger.verbal else None
    if undergoer is not None:
        # "The summit between Rwanda and Congo was called off": the summit is what the verb
        # tells of, and those named in it are whose it was; "Russia and Turkey were invited
        # to the talks": they are invited, by nobody named.
        between = phrases.parties_of(undergoer, ("between", "with"), named=True)
        subject = phrases.nouns(undergoer, set())
        rest = phrases.objects(verb, {subject}, particle)
        # ("is set to be appointed": to be appointed)
        to_be = (
            ["to be"] if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) else []
        )
        words = " ".join([subject, *between[:1], *to_be, verb.text, particle])
        return headline(words.strip(), [], rest, place)
    plural = False
    if not doers and verb is not None:
        # Nobody named does it: "Delegates said ...", "a Western diplomat said ...".
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None and verb.i != token.i:
            # "State TV quoted an official as saying ...": the official says it
            subject = next((c for c in token.children if c.dep_ == "dobj"), None)
        if subject is not None and subject.pos_ != "PRON":
            doers = [phrases.noun(subject)]
            plural = subject.tag_ in ("NNS", "NNPS")  # "Delegates say", "Peace talks resume"
    if verb is not None and event_type in SPOKEN and doers and not particle:
        gist = said_gist(verb, phrases)
        if gist:
            many = len(doers) > 1 or plural
            verb_word = lemma if many else third_person(lemma)
            if event_type == "statement":
                verb_word = "say" if many else "says"
            return capitalised(f"{names(doers)} {verb_word} {gist}")
        if verb.lemma_.lower() in ("say", "tell", "add", "state"):
            return capitalised(f"Statement by {names(doers)}")
    rest = phrases.objects(verb, set(doers), particle) if verb is not None else []
    if trigger.verbal and doers and any(c.dep_ == "agent" for c in verb.children):
        # "Griffiths was appointed by Guterres as envoy": Guterres appoints Griffiths
        patient = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if patient is not None and phrases.actor_at(patient) is not None:
            rest = [phrases.nouns(patient, set(doers)), *rest][:2]
    if verb is not None and not trigger.verbal:
        rest = [r for r in rest if r != phrases.noun(token)]
    if trigger.verbal and token.dep_ == "acl" and token.tag_ == "VBN" and not rest:
        rest = [phrases.noun(token.head)]  # "the deal signed on Friday by X": X signs deal
    if lemma in ("meet", "visit") and not trigger.verbal:
        rest = [names(others)] if others else []
    if not rest and others and event_type in ("meeting", "visit", "invitation", "agreement"):
        linked = "to " if event_type == "invitation" else "with "  # "sends invitations to X"
        rest = [("" if lemma in ("meet", "invite", "visit") else linked) + names(others)]
    if lemma == "visit" and not rest and place:
        rest, place = [place], None  # "Kobler visits Tripoli"
    if event_type == "postponement" and not trigger.verbal and meeting_noun(token):
        # "Talks due Sunday between Rwanda and Congo were called off": the talks, whoever's
        between = phrases.parties_of(token, ("between",), named=False)
        words = " ".join([token.text.lower(), *between[:1], "called off"])
        return headline(words, [], [], place)
    if not doers:
        subject = next((c for c in (verb or token).children if c.dep_ == "nsubjpass"), None)
        if verb is not None and subject is not None:
            # "At least 139 people were killed": the sufferer and the participle.
            return headline(f"{phrases.noun(subject)} {verb.text}", [], rest, place)
        obj = next((c for c in (verb or token).children if c.dep_ == "dobj"), None)
        if verb is not None and obj is not None and verb.tag_ in ("VBD", "VBN"):
            return headline(f"{phrases.noun(obj)} {verb.text}", [], [], place)
        head = token.head
        if (
            not trigger.verbal
            and token.dep_ == "nsubj"
            and head.pos_ == "VERB"
            and head.lemma_.lower() not in ("be", "have")
        ):
            # "The Vienna talks ended on Friday": what the talks did, said of them
            does = head.lemma_.lower()
            if planned:
                does = f"to {does}"  # "The conference will open on Monday"
            elif token.tag_ not in ("NNS", "NNPS"):
                does = third_person(does)
            return headline(f"{phrases.noun(token)} {does}", [], [], place)
        if not rest:
            text = NOBODY.get(event_type) or phrases.noun(token)
            return headline(text, [], [], place)
    if lemma in TOWARDS and place and not any(place in part for part in rest):
        rest, place = [f"to {place}", *rest], None  # "Lavrov to travel to Ankara"
    return headline(lemma, doers, rest, place, planned=planned, plural=plural)


# Verbs of going somewhere: their place is where they go to, not where they happen.
TOWARDS = frozenset(["travel", "go", "fly", "head", "return", "come", "journey", "drive"])
