"""Office-holders by date: "the US secretary of state" in 2012 is Hillary Clinton, in 2014
John Kerry; "the Kazakh Foreign Minister" in May 2017 is Kairat Abdrakhmanov.

The table of offices (`data/offices.tsv`, which curators extend in the admin) says who held
which office when. `role_of(words)` reads a role from the words of a noun phrase;
`OfficeIndex.holder(role, body, topic, day)` names the person.

    >>> import datetime
    >>> index = OfficeIndex(default_offices())
    >>> index.holder("foreign minister", "United States", "", datetime.date(2012, 6, 30)).holder
    'Hillary Clinton'
    >>> index.holder("foreign minister", "United States", "", datetime.date(2014, 1, 22)).holder
    'John Kerry'
    >>> role_of(["the", "kazakh", "foreign", "minister"])
    'foreign minister'
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Iterable
from pathlib import Path

from timeline.extraction.types import KnownOffice

DATA = Path(__file__).resolve().parent / "data" / "offices.tsv"

# The body a role names when the text gives none: only the US has a secretary of state.
DEFAULT_BODY = {
    "secretary of state": "United States",
    "foreign secretary": "United Kingdom",
    "chancellor": "Germany",
    "supreme leader": "Iran",
    "secretary-general": "United Nations",
    "envoy": "United Nations",
    "peacekeeping chief": "United Nations",
    "humanitarian chief": "United Nations",
    "foreign policy chief": "European Union",
}
# The top office of an organisation: "the UN chief", "the head of the Arab League".
TOP_OFFICE = {
    "United Nations": "secretary-general",
    "Arab League": "secretary-general",
    "NATO": "secretary-general",
    "Organisation for the Prohibition of Chemical Weapons": "secretary-general",
    "European Union": "foreign policy chief",
}
# Words before a role that make it someone else's: "deputy foreign minister", "former envoy".
NOT_THE_HOLDER = frozenset(
    ["deputy", "assistant", "former", "ex", "late", "acting", "interim", "next", "new", "vice"]
    + ["future", "previous", "outgoing", "incoming", "junior", "regional", "provincial"]
)


# Words that make "leader" lead something other than the state or body named with it:
# "the Syrian opposition leader", "Russia's military leaders".
SOMEONE_ELSES_LEADER = frozenset(
    ["chief", "head", "boss", "chairman", "chair", "coordinator", "army", "military", "rebel"]
    + ["militia", "opposition", "party", "delegation", "intelligence", "religious", "tribal"]
    + ["spiritual", "community", "business", "world", "western", "regional", "local", "group"]
)


def role_of(words: Iterable[str]) -> str:
    """The office a noun phrase's words name, or "": ["russia", "'s", "top", "diplomat"] ->
    "foreign minister"; ["secretary", "of", "state"] -> "secretary of state"."""
    w = [x.lower().strip(".") for x in words]
    have = set(w)
    if "vice" in have and "president" in have or "vice-president" in have:
        return "vice president"
    if have & NOT_THE_HOLDER:
        return ""
    if "secretary-general" in have or {"secretary", "general"} <= have:
        return "secretary-general"
    if "secretary" in have and "state" in have:
        return "secretary of state"
    if have & {"defence", "defense"} and have & {"minister", "secretary"}:
        return "defence minister"
    if "foreign" in have and "secretary" in have:
        return "foreign secretary"
    if "foreign" in have and "minister" in have or {"top", "diplomat"} <= have:
        return "foreign minister"
    if "foreign" in have and "policy" in have and have & {"chief", "head"}:
        return "foreign policy chief"
    if {"prime", "minister"} <= have or "premier" in have:
        return "prime minister"
    if "peacekeeping" in have and have & {"chief", "head"}:
        return "peacekeeping chief"
    if "humanitarian" in have and have & {"chief", "head", "coordinator"}:
        return "humanitarian chief"
    if {"supreme", "leader"} <= have:
        return "supreme leader"
    for role in ("president", "chancellor", "king", "emir"):
        if role in have:
            return role
    if have & {"envoy", "mediator", "representative"}:
        return "envoy"
    if "ambassador" in have:
        return "ambassador"
    if "leader" in have and not have & SOMEONE_ELSES_LEADER:
        return "leader"
    if have & {"chief", "head", "boss", "leader", "chairman", "chair", "coordinator"}:
        return "chief"
    return ""


def canonical_role(role: str) -> str:
    """The table's name of a role: the secretary of state is the US foreign minister."""
    return {"secretary of state": "foreign minister", "foreign secretary": "foreign minister"}.get(
        role, role
    )


def parse_offices(lines: Iterable[str]) -> list[KnownOffice]:
    out = []
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        role, body, topic, holder, country, start, end = line.rstrip("\n").split("\t")
        out.append(
            KnownOffice(
                role=role,
                body=body,
                holder=holder,
                start=datetime.date.fromisoformat(start),
                end=datetime.date.fromisoformat(end) if end else None,
                topic=topic,
                holder_country=country or None,
            )
        )
    return out


@functools.cache
def default_offices() -> tuple[KnownOffice, ...]:
    """The shipped table of offices (`data/offices.tsv`)."""
    return tuple(parse_offices(DATA.read_text(encoding="utf-8").splitlines()))


class OfficeIndex:
    """Offices by (role, body), for finding who held one on a day."""

    def __init__(self, offices: Iterable[KnownOffice]):
        self.by_role: dict[tuple[str, str], list[KnownOffice]] = {}
        for office in offices:
            self.by_role.setdefault((office.role, office.body), []).append(office)
        self.bodies = {body for _, body in self.by_role}

    def holder(self, role: str, body: str, topic: str, day: datetime.date) -> KnownOffice | None:
        """Who held `role` of `body` (for `topic`, if the office has one) on `day`."""
        role = canonical_role(role)
        if role == "chief":
            role = TOP_OFFICE.get(body, "leader")
        elif role == "leader" and (role, body) not in self.by_role:
            role = self.top_office(body)  # "the French leader": France's president
        terms = [o for o in self.by_role.get((role, body), ()) if o.held_on(day)]
        if topic:
            terms = [o for o in terms if not o.topic or o.topic == topic] or []
        elif len({o.topic for o in terms}) > 1:
            return None  # "the UN envoy" with no country: which one?
        return terms[0] if len(terms) == 1 else None

    def top_office(self, body: str) -> str:
        """The office "the French leader" names: a group's leader, a king, emir or
        chancellor, a president, else a prime minister."""
        for role in ("leader", "king", "emir", "chancellor", "president", "prime minister"):
            if (role, body) in self.by_role:
                return role
        return "leader"

    def holders(self) -> Iterable[KnownOffice]:
        for terms in self.by_role.values():
            yield from terms
