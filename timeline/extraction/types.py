"""Plain dataclasses that the extraction pipeline returns.

Nothing here knows about Django: `timeline.ingest` turns these into rows.
Offsets are character offsets into the text the caller passed in (the file's
text exactly as read), unless a docstring says otherwise.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

DAY, MONTH, YEAR = "day", "month", "year"
PRECISIONS = (DAY, MONTH, YEAR)

# How a date expression was resolved: against what it was measured.
ANCHOR_ABSOLUTE = "absolute"  # "28 December 2012": needs no anchor
ANCHOR_PUBLISHED = "published"  # "Friday", "last week": the publication date
ANCHOR_DATELINE = "dateline"  # "Friday" under "MOSCOW, Dec 29 (Reuters) -"
ANCHOR_PREVIOUS = "previous"  # "the same day", "a day later": the last date mentioned
ANCHORS = (ANCHOR_ABSOLUTE, ANCHOR_PUBLISHED, ANCHOR_DATELINE, ANCHOR_PREVIOUS)

PERSON, ORGANIZATION, COUNTRY, GROUP = "person", "organization", "country", "group"
ACTOR_KINDS = (PERSON, ORGANIZATION, COUNTRY, GROUP)

SOURCE, TARGET, OTHER = "source", "target", "other"
ROLES = (SOURCE, TARGET, OTHER)


@dataclass(frozen=True, slots=True)
class EventTypeInfo:
    """One event type of the timeline's vocabulary.

    `cameo` is the CAMEO code data is compared on (GDELT-style event data); where CAMEO has
    no code of its own, the one PETRARCH2's verb dictionary gives the type's main verb
    (`note` says so). `kin` names the family whose reports may be one happening ("visit" is
    kin to "meeting"). `specificity` ranks the triggers of one sentence: "Russia said it
    vetoed the draft" is a veto, not a statement.
    """

    key: str
    label: str
    cameo: str
    kin: str
    specificity: int = 3
    note: str = ""


# The one vocabulary of event types: the models' choices, the facets and the exports derive
# from this table.
EVENT_TYPE_TABLE: tuple[EventTypeInfo, ...] = (
    EventTypeInfo("meeting", "Meeting", "040", "meeting"),
    EventTypeInfo("visit", "Visit", "042", "meeting"),
    EventTypeInfo("invitation", "Invitation", "040", "invitation"),
    EventTypeInfo("statement", "Statement", "010", "statement", 0),
    EventTypeInfo("proposal", "Proposal", "030", "proposal", 1),
    EventTypeInfo("appeal", "Appeal", "020", "proposal", 1),
    EventTypeInfo("agreement", "Agreement", "057", "agreement"),
    EventTypeInfo("ceasefire", "Ceasefire", "0871", "ceasefire", 4),
    EventTypeInfo("resolution", "Resolution", "057", "vote", 4, "a body adopts a text"),
    EventTypeInfo("vote", "Vote", "030", "vote", 4, "PETRARCH2 codes VOTE 030"),
    EventTypeInfo("veto", "Veto", "129", "vote", 4),
    EventTypeInfo("recognition", "Recognition", "054", "recognition"),
    EventTypeInfo(
        "appointment",
        "Appointment",
        "050",
        "appointment",
        4,
        "PETRARCH2 codes APPOINT * ENVOY 050",
    ),  # fmt: skip
    EventTypeInfo("resignation", "Resignation", "0831", "resignation", 4),
    EventTypeInfo("election", "Election", "083", "election", 4, "PETRARCH2 codes elections 083"),
    EventTypeInfo("resumption", "Talks resumed", "046", "meeting", 4),
    EventTypeInfo("postponement", "Postponement", "164", "postponement", 4),
    EventTypeInfo("suspension", "Suspension", "160", "suspension", 4),
    EventTypeInfo("withdrawal", "Withdrawal", "0874", "withdrawal", 4),
    EventTypeInfo("expulsion", "Expulsion", "174", "expulsion", 4),
    EventTypeInfo("sanction", "Sanction", "163", "sanction", 4),
    EventTypeInfo("release", "Release", "084", "release", 4),
    EventTypeInfo("evacuation", "Evacuation", "070", "evacuation", 4),
    EventTypeInfo("rejection", "Rejection", "120", "rejection"),
    EventTypeInfo("threat", "Threat", "130", "threat", 2),
    EventTypeInfo("protest", "Protest", "140", "protest"),
    EventTypeInfo("violence", "Violence", "190", "violence"),
    EventTypeInfo("other", "Other", "", "other", 0),
)
EVENT_TYPE_INFO = {t.key: t for t in EVENT_TYPE_TABLE}
# Event types and their CAMEO codes, so data compares with GDELT-style event data.
EVENT_TYPES = {t.key: t.cameo for t in EVENT_TYPE_TABLE}


def same_kin(a: str, b: str) -> bool:
    """Whether reports of types `a` and `b` may be one happening: `same_kin("visit", "meeting")`."""
    info_a, info_b = EVENT_TYPE_INFO.get(a), EVENT_TYPE_INFO.get(b)
    return (info_a.kin if info_a else a) == (info_b.kin if info_b else b)


def iso_at_precision(day: datetime.date, precision: str) -> str:
    """`iso_at_precision(date(2012, 6, 1), "month")` -> "2012-06"."""
    if precision == DAY:
        return day.isoformat()
    if precision == MONTH:
        return f"{day.year:04d}-{day.month:02d}"
    return f"{day.year:04d}"


@dataclass(frozen=True, slots=True)
class DateMention:
    """One date expression in a text and what it resolves to.

    `value` is ISO at `precision` ("2012-12-28", "2012-06", "2012"), or None when
    the expression could not be placed on the calendar ("recently").
    `anchor` says what it was measured against and `anchor_value` that date,
    so the interface can explain it: "Friday, relative to the publication date
    28 Dec 2012". `future` is true when it lies after the publication date or
    the verb governing it is future ("will meet on Friday").
    """

    text: str
    start: int
    end: int
    value: str | None
    precision: str | None
    anchor: str | None
    anchor_value: str | None = None
    future: bool = False
    # "a day after the Council approved the mission", "the second day of the three-day
    # gathering": the expression's time is that of the clause or noun phrase at character
    # span `hangs_on`, moved by `offset` ((1, "day"), (-2, "week"), (1, "day")). See
    # dates.hung_date and dates.resolve_hanging.
    hangs_on: tuple[int, int] | None = None
    offset: tuple[int, str] | None = None
    # The verb it dates is in the past perfect ("had confirmed the appointment on
    # Wednesday"): a time before the story's narrative, not the narrative's own date.
    earlier: bool = False

    @property
    def first_day(self) -> datetime.date | None:
        """The first calendar day the value covers: "2012-06" -> 2012-06-01."""
        if not self.value:
            return None
        parts = [int(p) for p in self.value.split("-")] + [1, 1]
        return datetime.date(parts[0], parts[1], parts[2])


@dataclass(frozen=True, slots=True)
class KnownActor:
    """An actor the caller already knows (from the database): feeds the EntityRuler."""

    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    country: str | None = None


@dataclass(frozen=True, slots=True)
class KnownOffice:
    """Who held an office when: "foreign minister" of "Russia" is Sergey Lavrov from 2004.

    `topic` is the country an envoy or a mission is for ("envoy" of the "United Nations" for
    "Syria"); `end` None while the holder is in office.
    """

    role: str
    body: str
    holder: str
    start: datetime.date
    end: datetime.date | None = None
    topic: str = ""
    holder_country: str | None = None

    def held_on(self, day: datetime.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor taking part in an event, under its canonical name."""

    name: str
    kind: str
    role: str = OTHER
    country: str | None = None
    surface: str = ""  # the words in the sentence, "Mr Lavrov"
    start: int = -1
    end: int = -1


@dataclass(slots=True)
class Event:
    """Something dated that happened between actors, found in one or more sentences."""

    date: DateMention | None
    type: str
    actors: list[ActorMention]
    place: str | None
    summary: str
    evidence: str  # the sentence, as in the original text
    start: int
    end: int
    confidence: float
    planned: bool = False  # still in the future at publication
    # Further sentences reporting the same happening (story highlights, repeats).
    mentions: list[tuple[str, int, int, DateMention | None]] = field(default_factory=list)

    @property
    def cameo(self) -> str:
        return EVENT_TYPES.get(self.type, "")


@dataclass(slots=True)
class Extraction:
    """Everything the pipeline found in one article."""

    published: datetime.date
    title: str
    language: str
    events: list[Event]
    dates: list[DateMention]
    clean_text: str
    boilerplate: list[tuple[int, int]] = field(default_factory=list)  # removed spans
    actors: list = field(default_factory=list)  # every actor name found, for highlighting
