"""Which words report which kind of event: the timeline's own classes, then CAMEO.

The classes the timeline is about (meetings, agreements, vetoes, appointments, ceasefires ...)
are defined here by their verbs and nouns. Every other verb takes its type from CAMEO, through
the verb dictionary of PETRARCH2 (`data/cameo_verbs.tsv`, derived by
`scripts/derive_cameo.py`, MIT licence): a verb's CAMEO code, or for a neutral verb ("halt",
"resume") the code its object gives ("halt the fighting" is 0871, a ceasefire), is mapped to
a type by `CAMEO_TYPES`.

    >>> verb_type("veto", "", ())
    'veto'
    >>> verb_type("halt", "", ("fighting",))
    'ceasefire'
    >>> verb_type("condemn", "", ())
    'statement'
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"

# Verbs that introduce reported speech: "said", "told reporters", "added".
REPORTING_VERBS = frozenset(
    ["say", "tell", "add", "state", "announce", "report", "declare", "insist", "claim"]
    + ["explain", "note", "stress", "reply", "write", "argue", "continue", "conclude"]
    + ["admit", "warn", "ask", "urge"]
    # saying again or with weight: "Iran reiterated that ...", "she underlined that ..."
    + ["reiterate", "reaffirm", "affirm", "emphasize", "emphasise", "underline", "underscore"]
    + ["assert", "repeat", "respond", "inform", "notify"]
)
# Who serves a person, as titles end: "National Security Advisor", "an adviser to the PM".
AIDES = frozenset(["advisor", "adviser", "aide", "spokesman", "spokeswoman", "spokesperson"])
# Auxiliaries that put a verb in the future: "will meet", "shall attend", "won't sign".
FUTURE_AUX = frozenset(["will", "'ll", "ll", "shall", "wo"])
# Modals: what may, might or must happen has not happened.
MODALS = frozenset(["could", "would", "might", "may", "should", "must", "can", "ought"])
# ... of which these tell a possibility ("could stall through Wednesday").
POSSIBILITY = frozenset(["could", "might", "may"])

# Verbs of the timeline's classes. A verb listed here decides its sentence's type whatever
# CAMEO says of it.
VERBS = {
    # meetings and visits (CAMEO 04)
    **dict.fromkeys(
        ["meet", "talk", "negotiate", "discuss", "confer", "consult", "host", "shuttle"], "meeting"
    ),
    **dict.fromkeys(["convene", "gather", "brief", "mediate", "phone", "telephone"], "meeting"),
    **dict.fromkeys(["visit", "arrive", "travel", "fly", "tour", "land", "return"], "visit"),
    "invite": "invitation",
    # statements (01, 11: criticism is said)
    **dict.fromkeys(
        ["say", "tell", "state", "announce", "declare", "add", "insist", "stress", "claim"]
        + ["comment", "describe", "acknowledge", "admit", "criticize", "criticise", "condemn"]
        + ["accuse", "deny", "confirm", "welcome", "praise", "blame", "denounce", "hail"]
        + ["tweet", "post", "speak", "reiterate", "reaffirm", "affirm", "emphasize"]
        + ["emphasise", "underline", "underscore", "assert", "repeat", "respond", "inform"]
        + ["notify"],
        "statement",
    ),
    # proposals and appeals (02, 03, 10)
    **dict.fromkeys(
        ["propose", "suggest", "offer", "plan", "pledge", "promise", "vow"], "proposal"
    ),
    **dict.fromkeys(["urge", "appeal", "ask", "demand", "request"], "appeal"),
    # agreements and recognition (05)
    **dict.fromkeys(
        ["agree", "sign", "endorse", "back", "support", "join", "approve", "accept", "ratify"],
        "agreement",
    ),
    **dict.fromkeys(["recognize", "recognise"], "recognition"),
    # the classes of issue-level news in a peace process
    **dict.fromkeys(["appoint", "nominate", "designate"], "appointment"),
    **dict.fromkeys(["elect", "re-elect", "reelect"], "election"),
    **dict.fromkeys(["resign", "quit"], "resignation"),
    **dict.fromkeys(["vote", "abstain"], "vote"),
    "veto": "veto",
    **dict.fromkeys(["expel", "deport"], "expulsion"),
    "sanction": "sanction",
    **dict.fromkeys(["suspend", "freeze"], "suspension"),
    **dict.fromkeys(["withdraw", "retreat"], "withdrawal"),
    "evacuate": "evacuation",
    **dict.fromkeys(["postpone", "delay", "defer", "adjourn"], "postponement"),
    **dict.fromkeys(["resume", "reconvene"], "resumption"),
    **dict.fromkeys(["release", "free"], "release"),
    # rejections (12)
    **dict.fromkeys(
        ["reject", "refuse", "decline", "block", "dismiss", "oppose", "rebuff", "boycott"],
        "rejection",
    ),
    # threats (13)
    **dict.fromkeys(["threaten", "warn"], "threat"),
    # violence (18-20)
    **dict.fromkeys(
        ["kill", "attack", "bomb", "shell", "shoot", "clash", "fight", "massacre", "wound"]
        + ["seize", "capture", "storm", "fire", "strike", "raid", "besiege"],
        "violence",
    ),
}
# States of mind are not events, whatever CAMEO files them under ("hope" 020, "expect" 030):
# "expect their talks to lead to a ceasefire" reports no act.
NOT_EVENTS = frozenset(
    ["expect", "hope", "believe", "think", "want", "wish", "fear", "doubt", "seem", "appear"]
    + ["know", "feel", "need", "like", "prefer", "mean", "remain", "continue", "try", "seek"]
    # "has struggled to expand his influence": an effort (CAMEO files "struggle" as a fight)
    + ["struggle", "strive"]
    # "clashes have been raging since April 15": the clashes are the event (CAMEO: protest)
    + ["rage"]
    # "the talks involve Kuchma and Zakharchenko": the talks are the event
    + ["involve"]
    # "dealing a blow to Moscow", "to deal with the crisis": the noun "deal" is an agreement,
    # the verb never is.
    + ["deal"]
)
# Phrasal verbs: "step down", "walk out", "call for".
PHRASAL = {
    ("step", "down"): "resignation",
    ("step", "aside"): "resignation",
    ("walk", "out"): "rejection",
    ("pull", "out"): "withdrawal",
    ("pull", "back"): "withdrawal",
    ("kick", "out"): "expulsion",
    ("kick", "off"): "meeting",  # "kicked off the talks"; CAMEO files it under what it opens
    ("throw", "out"): "expulsion",
    ("call", "off"): "postponement",
    ("put", "off"): "postponement",
    ("call", "for"): "proposal",
    ("call", "on"): "appeal",
    ("call", "upon"): "appeal",
    ("bring", "together"): "meeting",  # "the talks brought together Serraj and Haftar"
    ("sign", "up"): "agreement",
    ("sit", "down"): "meeting",
    ("hand", "over"): "release",
    ("swear", "in"): "appointment",  # "was sworn in as president": takes office, swears no word
}
# A verb whose type depends on its object: "adopted a resolution", "imposed sanctions".
VERB_OBJECTS = {
    # "arrived at an agreement", "came to an understanding": agreed, nobody travelled
    **{
        (verb, noun): "agreement"
        for verb in ("arrive", "come")
        for noun in ("agreement", "deal", "accord", "understanding", "consensus", "compromise")
    },
    # "returned to the negotiating table", "returned to talks": talks resumed, no journey
    **{
        ("return", noun): "resumption"
        for noun in ("table", "talks", "talk", "negotiation", "negotiations", "dialogue")
    },
    # "committed themselves to a cease-fire", "pledged to a truce": agreeing to it
    **{
        (verb, noun): "agreement"
        for verb in ("commit", "pledge")
        for noun in ("ceasefire", "cease-fire", "truce", "agreement", "deal", "plan", "roadmap")
    },
    # "released a final declaration", "issued a joint statement": what all of them signed
    **{
        (verb, noun): "agreement"
        for verb in ("release", "issue", "publish", "adopt")
        for noun in ("declaration", "communique")
    },
    # "called into question the talks": a doubt voiced (CAMEO's DOUBT, 012), no phone call
    ("call", "question"): "statement",
    ("adopt", "resolution"): "resolution",
    ("adopt", "text"): "resolution",
    ("adopt", "draft"): "resolution",
    ("adopt", "declaration"): "resolution",
    ("pass", "resolution"): "resolution",
    ("approve", "resolution"): "resolution",
    ("impose", "sanction"): "sanction",
    ("impose", "sanctions"): "sanction",
    ("impose", "embargo"): "sanction",
    ("lift", "sanction"): "sanction",
    ("lift", "sanctions"): "sanction",
    # "resume ties", "restore diplomatic relations": states recognizing each other again
    **{
        (verb, noun): "recognition"
        for verb in ("resume", "restore", "reestablish", "re-establish", "normalize", "normalise")
        for noun in ("tie", "ties", "relation", "relations")
    },
    ("name", "envoy"): "appointment",
    ("name", "mediator"): "appointment",
    # "named members of a military committee", "named their negotiators"
    **dict.fromkeys(
        [("name", n) for n in ["member", "negotiator", "representative", "delegate", "successor"]],
        "appointment",
    ),
    ("exchange", "prisoner"): "release",
    ("swap", "prisoner"): "release",
    ("cast", "vote"): "vote",
    ("cast", "veto"): "veto",
    ("declare", "ceasefire"): "ceasefire",
    ("declare", "truce"): "ceasefire",
    ("declare", "cease-fire"): "ceasefire",
    ("use", "veto"): "veto",
    ("open", "talk"): "meeting",
    # joining talks is taking part in them, not agreeing to anything (CAMEO 043-046)
    ("join", "talk"): "meeting",
    ("join", "talks"): "meeting",
    ("join", "negotiation"): "meeting",
    ("join", "meeting"): "meeting",
    ("join", "conference"): "meeting",
    ("join", "summit"): "meeting",
    # a meeting called off (CAMEO files "cancel" under reducing relations)
    ("cancel", "meeting"): "postponement",
    ("cancel", "talks"): "postponement",
    ("cancel", "talk"): "postponement",
    ("cancel", "visit"): "postponement",
    ("cancel", "trip"): "postponement",
    ("cancel", "summit"): "postponement",
    ("cancel", "conference"): "postponement",
}
# Nouns that name an event when they head a clause, follow a light verb ("held talks") or
# are the subject ("The talks ended").
NOUNS = {
    **dict.fromkeys(
        ["meeting", "talk", "talks", "summit", "negotiation", "conference", "session"]
        + ["conversation", "discussion", "consultation"]  # "held a phone conversation with Lavrov"
        + ["dialogue", "dialog"]  # "Dialogue with the ELN started in 2018"
        + ["encounter"],  # "an encounter between the two Libyans"
        "meeting",
    ),
    **dict.fromkeys(["visit", "trip", "arrival"], "visit"),
    "invitation": "invitation",
    "statement": "statement",
    **dict.fromkeys(
        ["agreement", "deal", "accord", "communique", "memorandum", "treaty", "understanding"],
        "agreement",
    ),
    **dict.fromkeys(["ceasefire", "cease-fire", "truce", "armistice", "cessation"], "agreement"),
    **dict.fromkeys(["proposal", "plan", "initiative"], "proposal"),
    "appeal": "appeal",
    **dict.fromkeys(["rejection", "boycott", "walkout"], "rejection"),
    "veto": "veto",
    "vote": "vote",
    "resolution": "resolution",
    "recognition": "recognition",
    "appointment": "appointment",
    **dict.fromkeys(["election", "elections", "poll", "polls", "referendum"], "election"),
    "resignation": "resignation",
    **dict.fromkeys(["expulsion", "deportation"], "expulsion"),
    **dict.fromkeys(["sanction", "sanctions", "embargo"], "sanction"),
    "suspension": "suspension",
    **dict.fromkeys(["withdrawal", "pullout", "pull-out"], "withdrawal"),
    "evacuation": "evacuation",
    "postponement": "postponement",
    "resumption": "resumption",
    **dict.fromkeys(["release", "swap", "exchange"], "release"),
    **dict.fromkeys(["threat", "ultimatum"], "threat"),
    **dict.fromkeys(
        ["attack", "massacre", "bombing", "airstrike", "strike", "raid", "shelling", "offensive"]
        + ["clash", "clashes", "battle", "assault", "ambush"],  # "clashes erupted on April 15"
        "violence",
    ),
}
# A ceasefire, truce or agreement that "took effect", "came into force", "began".
# Verbs that put an event on the calendar ("set their next meeting for Aug. 30"; not "plan",
# whose object is an intention: "plans attacks"), and the nouns of the calendar they may take
# ("set the date of Feb. 25 for the resumption"). As participles they, "planned" and "slated"
# give a noun its time: "talks scheduled for January", "a summit planned for May".
SCHEDULING_VERBS = frozenset(["schedule", "set", "fix", "reschedule"])
SCHEDULED = SCHEDULING_VERBS | {"plan", "slate"}
CALENDAR_NOUNS = frozenset(["date", "day", "time"])

TAKING_EFFECT = frozenset(["begin", "start", "take", "go", "come", "enter", "hold", "kick"])
# ("cessation": the diplomats' "cessation of hostilities", Munich 2016, Pretoria 2022)
CEASEFIRE_NOUNS = frozenset(["ceasefire", "cease-fire", "truce", "armistice", "cessation"])
# "a seven-day pause in the fighting", "a halt to hostilities", "a humanitarian pause": a
# truce told by what stops.
PAUSE_NOUNS = frozenset(["pause", "halt", "lull"])
FIGHTING_NOUNS = frozenset(
    ["fighting", "hostility", "hostilities", "violence", "combat", "attack", "bombing"]
    + ["shelling", "airstrike", "bombardment", "offensive"]
)


def names_a_truce(noun) -> bool:
    """Whether a noun token names a truce: "ceasefire", "a pause in the fighting"."""
    lemma = noun.lemma_.lower()
    if lemma in CEASEFIRE_NOUNS:
        return True
    if lemma not in PAUSE_NOUNS:
        return False
    return any(c.lower_ == "humanitarian" for c in noun.lefts) or any(
        g.lemma_.lower() in FIGHTING_NOUNS or g.lower_ in FIGHTING_NOUNS
        for p in noun.children
        if p.dep_ == "prep" and p.lower_ in ("in", "to", "of")
        for g in p.children
        if g.dep_ == "pobj"
    )


# Participles that tell where a party stands: "opposed to Assad", "allied with Moscow".
STANCES = frozenset(["opposed", "allied", "linked", "committed", "devoted", "dedicated", "backed"])

# Words that count what follows "of": "hundreds of prisoners", "a batch of detainees".
QUANTITIES = frozenset(["hundred", "thousand", "dozen", "score", "batch", "group", "number"])

# Verbs whose object names the event: "held talks", "signed an agreement".
LIGHT_VERBS = frozenset(
    ["hold", "have", "attend", "host", "conduct", "pay", "sign", "reach", "issue", "make", "extend"]
    + ["accept", "announce", "launch", "open", "begin", "start", "draw", "broker", "strike"]
    + ["agree", "carry", "stage", "call", "convene", "organize", "organise", "chair", "cast"]
    + ["impose", "order", "declare", "adopt", "pass", "conclude", "finalize", "seal", "continue"]
    + ["outline", "unveil"]  # "outlined a plan for a political process": the plan
    + ["complete"]  # "completed an exchange of prisoners": the exchange
    + ["send", "submit"]  # "sent out invitations", "submitted a proposal": what was sent
)

# CAMEO code prefix -> type; the longest prefix wins. None: not an event of this timeline
# (material cooperation, aid, investigations, force posture, arrests).
# Statements (01) and consultations (04) come from the timeline's own verbs only: CAMEO files
# "think", "consider", "hear" and "leave" under 040 and "estimate", "quote" under 010.
CAMEO_TYPES: dict[str, str | None] = {
    "01": None,
    "011": "statement",  # decline to comment
    "012": "statement",  # pessimistic comment: "voiced concern"
    "013": "statement",  # optimistic comment
    "015": "statement",  # claim responsibility
    "016": "statement",  # deny
    "018": "statement",  # sympathy
    "02": "appeal",
    "03": "proposal",
    "04": None,
    "042": "visit",
    "043": "visit",
    "041": "meeting",  # discuss by telephone
    "045": "meeting",  # mediate
    "046": "meeting",  # negotiate
    "05": "agreement",
    "051": "statement",  # praise, endorse, welcome
    "052": "statement",
    "053": "statement",
    "054": "recognition",
    "055": "statement",
    "056": "statement",
    "06": None,
    "07": None,
    "08": None,
    "0831": "resignation",
    "084": "release",
    "085": "sanction",
    "087": "ceasefire",
    "0874": "withdrawal",
    "09": None,
    "10": "appeal",
    "11": "statement",
    "12": "rejection",
    "129": "veto",
    "13": "threat",
    "14": "protest",
    "15": None,
    "16": "suspension",
    "163": "sanction",
    "166": "expulsion",
    "17": None,
    "172": "sanction",
    "174": "expulsion",
    "175": "violence",
    "18": "violence",
    "19": "violence",
    "196": "violence",
    "20": "violence",
}


def cameo_type(code: str) -> str | None:
    """`cameo_type("0871")` -> "ceasefire"; `cameo_type("061")` -> None."""
    for length in range(len(code), 1, -1):
        if code[:length] in CAMEO_TYPES:
            return CAMEO_TYPES[code[:length]]
    return None


@functools.cache
def cameo_verbs() -> tuple[dict[tuple[str, str], str], dict[tuple[str, str, str], str]]:
    """(verb, particle) -> code, and (verb, particle, object) -> code for neutral verbs."""
    synsets: dict[str, list[str]] = {}
    for line in (DATA / "cameo_synsets.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, member = line.split("\t")
            synsets.setdefault(name, []).append(member)
    own: dict[tuple[str, str], str] = {}
    by_object: dict[tuple[str, str, str], str] = {}
    for line in (DATA / "cameo_verbs.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        verb, particle, obj, code = line.split("\t")
        if not obj:
            own[(verb, particle)] = code
            continue
        *prep, head = obj.split(" ")
        for noun in synsets.get(head, [head]):
            by_object.setdefault((verb, particle, " ".join([*prep, noun])), code)
    return own, by_object


def verb_type(lemma: str, particle: str, objects: Iterable[str]) -> str | None:
    """The event type of a verb with its particle and objects ("fighting", "to ceasefire").

    The timeline's classes first, then CAMEO: the verb's own code, or for a neutral verb the
    code of its first object the dictionary knows.
    """
    return _verb_type(lemma, particle, tuple(objects))


@functools.lru_cache(maxsize=1 << 16)
def _verb_type(lemma: str, particle: str, objects: tuple[str, ...]) -> str | None:
    if lemma in NOT_EVENTS:
        return None
    if particle and (lemma, particle) in PHRASAL:
        return PHRASAL[(lemma, particle)]
    for obj in objects:
        found = VERB_OBJECTS.get((lemma, obj.split(" ")[-1]))
        if found:
            return found
    own, by_object = cameo_verbs()
    if particle and own.get((lemma, particle)):
        return cameo_type(own[(lemma, particle)])  # "call off", "pull back"
    if lemma in VERBS:
        return VERBS[lemma]  # "signed on to it" is signing
    code = own.get((lemma, particle)) or own.get((lemma, ""))
    if code:
        return cameo_type(code)
    for obj in objects:
        code = by_object.get((lemma, particle, obj))
        if code:
            return cameo_type(code)
    return None
