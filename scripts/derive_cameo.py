#!/usr/bin/env python3
"""Derive the verb lexicon `timeline/extraction/data/cameo_verbs.tsv` from PETRARCH2's CAMEO
verb dictionary.

Source: CAMEO.2.0.txt of the PETRARCH2 dictionaries (Open Event Data Alliance), MIT licence,
copyright (c) 2015 Open Event Data Alliance; a copy of the licence heads the output file.
Format: ../shared/resources/petrarch2/dictionaries.rst, "Verb Dictionary".

    python3 scripts/derive_cameo.py ../shared/resources/petrarch2/CAMEO.2.0.txt

What is kept, one row per line, tab-separated, lower case:
    verb  particle  object  code
- `verb` is the lemma (the dictionary lists base forms), `particle` the second word of a
  phrasal verb ("call off", "walk out"), empty otherwise.
- `object` is empty for the verb's own code, else the head noun of a post-verb pattern: a
  direct object ("halt * violence") or "prep noun" for a prepositional one ("agree (to
  ceasefire)"); of a braced phrase only its head (last word) is kept. A synonym set stays a
  name ("&ceasefire"); `cameo_synsets.tsv` lists its one-word members.
- `code` is the CAMEO code: the verb's own, else its block's; for a pattern, the pattern's.
  Patterns are kept only for neutral verbs (no code of their own, e.g. "halt", "resume").
  Where the dictionary codes source and target ("[042:043]") the source's code is kept.

Patterns that constrain the subject ("PILGRIMS *") or chain further verbs, and transformations
("~ ..."), are left out: the extraction reads the subject from the parse.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "timeline" / "extraction" / "data"
OUT, SYNSETS = DATA / "cameo_verbs.tsv", DATA / "cameo_synsets.tsv"
BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
CODE = re.compile(r"\[([^\]]*)\]")


def code_of(raw: str) -> str:
    """ "042:043" -> "042"; ":051" -> "051"; "---" -> "" (no event)."""
    parts = [p for p in raw.split(":") if p.strip()]
    code = parts[0].strip() if parts else ""
    return "" if code.startswith("-") else code


def words(phrase: str) -> str:
    return phrase.replace("_", " ").strip().lower()


def read_synsets(lines: list[str]) -> dict[str, list[str]]:
    synsets: dict[str, list[str]] = {}
    current = None
    for line in lines:
        line = line.split("#", 1)[0].rstrip()
        if line.startswith("&"):
            current = line.strip().rstrip("_")
            synsets[current] = []
        elif current and line.startswith("+"):
            synsets[current].append(words(line[1:]))
        elif not line.strip():
            current = None
        if line.startswith("####### VERB PATTERNS"):
            break
    return synsets


def heads(token: str, synsets: dict[str, list[str]]) -> list[str]:
    """The head noun a pattern element stands for: "{FINANCIAL AID}" -> ["aid"]; a synonym
    set stays a set ("&CEASEFIRE" -> ["&ceasefire"]), listed in the synset file."""
    token = token.strip("{}")
    last = token.split()[-1] if token.split() else ""
    if last.startswith("&"):
        name = last.rstrip("_")
        return [name.lower()] if synsets.get(name) else []
    if not last or not re.fullmatch(r"[A-Z][A-Z\-']*", last):
        return []
    return [last.lower()]


def parse_pattern(body: str, synsets) -> list[str]:
    """Objects a post-verb pattern names: ["violence"], ["to ceasefire"]; [] if none usable."""
    if "*" not in body:
        return []
    before, after = body.split("*", 1)
    if before.strip():
        return []  # a subject constraint
    after = after.replace("$", " ").replace("+", " ").strip()
    if not after:
        return []
    prep = re.match(r"^\((\w+)\s+([^)]*)\)", after)
    if prep:
        return [f"{prep.group(1).lower()} {h}" for h in heads(prep.group(2), synsets)]
    first = re.match(r"^(\{[^}]*\}|&?[A-Z][A-Z_\-']*)", after)
    if not first:
        return []
    return heads(first.group(1).replace("_", " "), synsets)


def derive(source: Path) -> tuple[list[tuple[str, str, str, str]], dict[str, list[str]]]:
    lines = source.read_text(encoding="latin-1").splitlines()
    synsets = read_synsets(lines)
    start = next(i for i, line in enumerate(lines) if line.startswith("####### VERB PATTERNS"))
    rows: dict[tuple[str, str, str], str] = {}
    block_code = ""
    verbs: list[tuple[str, str]] = []
    for line in lines[start:]:
        if line.startswith("~"):
            continue
        text = line.split("#", 1)[0].rstrip()
        block = BLOCK.match(text)
        if block:
            block_code, verbs = code_of(block.group(2)), []
            continue
        if not text.strip():
            continue
        if text.startswith("-"):
            codes = CODE.findall(text)
            if not codes or not verbs:
                continue
            for obj in parse_pattern(CODE.sub("", text[1:]), synsets):
                for verb, particle in verbs:
                    rows.setdefault((verb, particle, obj), code_of(codes[-1]))
            continue
        # A verb line: "MEET {MEETS MET ...} [040]", "+CALL_OFF [160]", "WIRE_+TAP"
        head = re.sub(r"\{[^}]*\}", "", text).strip()
        own = CODE.search(head)
        phrase = CODE.sub("", head).strip().lstrip("+")
        parts = phrase.split("_")
        if "+" in phrase or not phrase or len(parts) > 2 or not phrase.replace("_", "").isalpha():
            continue  # pre-compounded verbs ("WIRE_+TAP") and longer phrases
        verb, particle = parts[0].lower(), (parts[1].lower() if len(parts) == 2 else "")
        verbs.append((verb, particle))
        rows.setdefault((verb, particle, ""), code_of(own.group(1)) if own else block_code)
    # A verb with a code of its own decides the event whatever its object; only a neutral
    # verb ("halt", "resume", "appoint") takes its code from the object.
    neutral = {(v, p) for (v, p, o), c in rows.items() if not o and not c}
    kept = sorted(
        (v, p, o, c) for (v, p, o), c in rows.items() if not o or (c and (v, p) in neutral)
    )
    used = {o.split()[-1] for _, _, o, _ in kept if "&" in o}
    # One-word members only: "cease fire" has no head word that stands for the phrase.
    members = {
        name.lower(): [m for m in synsets[name] if " " not in m]
        for name in synsets
        if name.lower() in used
    }
    return kept, members


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    source = Path(argv[1])
    licence = (source.parent / "LICENSE").read_text(encoding="utf-8").strip().splitlines()
    rows, synsets = derive(source)
    header = [
        "# Derived by scripts/derive_cameo.py from PETRARCH2's CAMEO.2.0.txt; do not edit by hand.",
        "# Columns: verb, particle, object (head noun or 'prep noun'), CAMEO code ('' = no event).",
        *("# " + line for line in licence),
    ]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(header + ["\t".join(r) for r in rows]) + "\n", encoding="utf-8")
    members = [f"{name}\t{m}" for name, ms in sorted(synsets.items()) for m in ms]
    SYNSETS.write_text(
        "\n".join([header[0], "# Columns: synonym set, member.", *header[2:], *members]) + "\n",
        encoding="utf-8",
    )
    print(f"{len(rows)} verb rows written to {OUT}, {len(members)} synonyms to {SYNSETS}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
