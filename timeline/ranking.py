"""How much an event matters to a reader, and the family of event types it belongs to.

Any event type falls into a category by its CAMEO root code (so a type added to the
extraction's vocabulary is styled and ranked without touching this file); types without a
code are looked up by name, and anything else is "other". The score is stored on the event
(`Event.importance`, indexed) and refreshed when the event is written, never computed per
request.
"""

from __future__ import annotations

from timeline.extraction.types import EVENT_TYPES

# category: (label, weight of the type in the score)
CATEGORIES = {
    "cooperate": ("Agreements and cooperation", 40),
    "consult": ("Meetings and visits", 30),
    "govern": ("Decisions and offices", 30),
    "oppose": ("Rejections and pressure", 20),
    "intend": ("Proposals and appeals", 15),
    "fight": ("Violence", 15),
    "say": ("Statements", 5),
    "other": ("Other", 5),
}

# CAMEO root code -> category. 01 make public statement ... 20 use mass violence.
CAMEO_ROOTS = {
    "01": "say",
    "02": "intend",
    "03": "intend",
    "04": "consult",
    "05": "cooperate",
    "06": "cooperate",
    "07": "cooperate",
    "08": "cooperate",  # yield: ceasefires, withdrawals, easing of sanctions
    "09": "say",
    "10": "oppose",
    "11": "say",
    "12": "oppose",
    "13": "oppose",
    "14": "oppose",
    "15": "fight",
    "16": "oppose",  # reduce relations: expulsions, suspensions, sanctions
    "17": "oppose",
    "18": "fight",
    "19": "fight",
    "20": "fight",
}

# Types that CAMEO has no root for (offices, votes, institutional decisions) or whose root
# undersells them: a UN resolution adopted is a milestone, not a statement.
BY_NAME = {
    "appointment": "govern",
    "election": "govern",
    "resignation": "govern",
    "vote": "govern",
    "resolution": "cooperate",
    "veto": "oppose",
    "ceasefire": "cooperate",
    "postponement": "oppose",
}

# A confirmed event outranks an unreviewed one with the same evidence.
CONFIRMED_BONUS = 20
# Each article reporting the event adds to its weight, up to this many.
SOURCES_COUNTED = 4
SOURCE_WEIGHT = 10
# "Key events only" shows events scoring at least this: an agreement or a decision on one
# source (40 + 10), a meeting reported twice (30 + 20) or confirmed (30 + 20 + 10), a
# statement only when confirmed and widely reported (5 + 20 + 30).
KEY_THRESHOLD = 50


def category(event_type: str) -> str:
    """`category("meeting")` -> "consult"; `category("no-such-type")` -> "other"."""
    if event_type in BY_NAME:
        return BY_NAME[event_type]
    code = EVENT_TYPES.get(event_type) or ""
    return CAMEO_ROOTS.get(code[:2], "other")


def importance(*, event_type: str, confirmed: bool, sources: int) -> int:
    """`importance(event_type="agreement", confirmed=True, sources=2)` -> 80 (40 + 20 + 2 x 10)."""
    weight = CATEGORIES[category(event_type)][1]
    return (
        weight
        + (CONFIRMED_BONUS if confirmed else 0)
        + SOURCE_WEIGHT * min(max(sources, 0), SOURCES_COUNTED)
    )
