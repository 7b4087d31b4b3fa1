#!/usr/bin/env python3
"""Derive `timeline/extraction/data/armed_groups.tsv`, the non-state armed groups the actor
resolver knows besides its own gazetteer, from PETRARCH2's Phoenix militarized non-state
actor dictionary.

Source: Phoenix.MilNonState.actors.txt of the PETRARCH2 dictionaries (Open Event Data
Alliance), MIT licence, copyright (c) 2014 Open Event Data; a copy of the licence heads the
output file. The dictionary's names come from the START TOPS database (its header says so).
Format: ../shared/resources/petrarch2/dictionaries.rst, "Actor Dictionaries".

    python3 scripts/derive_phoenix_groups.py ../shared/resources/petrarch2

One row per group, tab-separated: name, aliases ("|"-separated), country (the ISO code of
the actor's code resolved through Phoenix.Countries.actors.txt, or empty for regional and
international codes such as MEA or IMG).

What is kept, so that a name in a story means the group and nothing else:
- the group's own name, of three words or more ("Irish Republican Army"; two-word names are
  as often phrases of the news: "Red Line", "Direct Action", "New Order"), without digits
  ("May 15"), and its acronym in
  brackets when it has three letters or more ("IRA");
- none of its synonyms (the "+" lines): their acronyms and short names are often another
  group's ("+PEOPLES_LIBERATION_ARMY_(PLA)_" under the INLA), some carry notes ("General
  Name for Left-Wing Extremists"), and some follow a group line the file lost
  ("+ITALIAN_RED_BRIGADE_" after the Real IRA's).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

OUT = (
    Path(__file__).resolve().parent.parent / "timeline" / "extraction" / "data" / "armed_groups.tsv"
)
PRIMARY = re.compile(r"^([A-Z0-9][^\[#]*?)\s*\[([A-Z:]+)\]")
COUNTRY = re.compile(r"^([A-Z][A-Z_]*?)_*\s+\[([A-Z]{3})\]\s*$")
ACRONYM = re.compile(r"\(([A-Z][A-Z0-9-]*)\)")
SMALL = {"of", "the", "and", "for", "in", "de", "del", "la", "le", "to", "on", "al"}


def display(raw: str) -> str:
    """ "ISLAMIC_ARMY_OF_ADEN" -> "Islamic Army of Aden"; "AL-QAIDA" -> "Al-Qaida"."""
    words = [w for w in raw.replace("_", " ").split() if w]
    out = []
    for n, word in enumerate(words):
        parts = [p.capitalize() for p in word.lower().split("-")]
        shown = "-".join(parts)
        out.append(shown.lower() if n and word.lower() in SMALL else shown)
    return " ".join(out)


def split_name(raw: str) -> tuple[str, str]:
    """(display name, acronym or "") of one dictionary name."""
    raw = raw.strip().rstrip("_").strip()
    acronym = ACRONYM.search(raw)
    name = ACRONYM.sub(" ", raw).replace("+", " ")
    name = re.sub(r"[^A-Z0-9_\-' ]", " ", name.upper())
    return display(name), (acronym.group(1) if acronym else "")


def countries(path: Path) -> dict[str, str]:
    """ISO code -> country name, from the lines naming a country ("SYRIA_  [SYR]")."""
    out: dict[str, str] = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        match = COUNTRY.match(line.split("#", 1)[0].rstrip() + " ")
        if match and match.group(2) not in out:
            out[match.group(2)] = display(match.group(1))
    return out


def derive(folder: Path) -> list[tuple[str, str, str]]:
    iso = countries(folder / "Phoenix.Countries.actors.txt")
    lines = (folder / "Phoenix.MilNonState.actors.txt").read_text(encoding="latin-1").splitlines()
    groups: list[tuple[str, list[str], str]] = []
    for line in lines:
        text = line.split("#", 1)[0].rstrip()
        if not text:
            continue
        if text.startswith("+"):
            continue
        match = PRIMARY.match(text)
        if not match:
            continue
        name, acronym = split_name(match.group(1))
        code = match.group(2).split(":")[0]
        aliases = [acronym] if len(acronym) >= 3 and acronym.isalpha() else []
        groups.append((name, aliases, iso.get(code[:3], "")))
    rows, seen = [], set()
    for name, aliases, country in groups:
        words = name.split()
        if (
            len(words) < 3  # "Red Line", "Direct Action", "New Order": words of the news
            or any(ch.isdigit() for ch in name)  # "May 15", "21 June"
            or any(len(w) == 1 for w in words)  # "Five C S": letters of a lost acronym
            or words[-1] in SMALL  # "Order the": a name the file garbled
            or name.lower() in seen
        ):
            continue
        kept = [a for a in dict.fromkeys(aliases) if a.lower() not in seen and a != name]
        seen.update([name.lower(), *(a.lower() for a in kept)])
        rows.append((name, "|".join(kept), country))
    return rows


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    folder = Path(argv[1])
    licence = (folder / "LICENSE").read_text(encoding="utf-8").strip().splitlines()
    rows = derive(folder)
    header = [
        "# Derived by scripts/derive_phoenix_groups.py from PETRARCH2's",
        "# Phoenix.MilNonState.actors.txt (names from the START TOPS database); do not edit.",
        "# Columns: name, aliases ('|'-separated), country ('' for none).",
        *("# " + line for line in licence),
    ]
    OUT.write_text("\n".join(header + ["\t".join(r) for r in rows]) + "\n", encoding="utf-8")
    print(f"{len(rows)} groups written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
