"""Find date expressions in news text and place them on the calendar.

A newsroom's rules, not a general parser's: "Friday" in a story filed on Friday
28 December 2012 is that same day; "in June" is the last June unless the verb is
future; "the same day" is the day last mentioned; "meet on Wednesday" in a Monday story
lies ahead; "a day after the Council voted" hangs on the vote, an event the event layer
dates (`hung_date`, `resolve_hanging`). Common forms go through one
precompiled regex over `doc.text`; dateparser is only a memoised fallback for
what spaCy tags as DATE and the regex does not know.

    >>> doc = nlp("Russia said Friday it invited a Syrian opposition leader for talks.")
    >>> find_dates(doc, datetime.date(2012, 12, 28))[0].value
    '2012-12-28'
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import re
from collections.abc import Callable

from timeline.extraction import gazetteer
from timeline.extraction.lexicon import FUTURE_AUX, MODALS, NOUNS, POSSIBILITY
from timeline.extraction.types import (
    ANCHOR_ABSOLUTE,
    ANCHOR_DATELINE,
    ANCHOR_PREVIOUS,
    ANCHOR_PUBLISHED,
    DAY,
    MONTH,
    YEAR,
    DateMention,
    iso_at_precision,
)

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
}  # fmt: skip
_UNITS = {"nineteen": 19, "twenty": 20}
_TENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}  # fmt: skip
_ONES = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9,
}  # fmt: skip

# Month and weekday names are matched case-sensitively: "may" is a modal verb.
_MONTH_FULL = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
# Broadcast scripts and some wires write in capitals: "NEXT JUNE", "LATE THURSDAY" (but
# "MAY" there is as often the verb).
_MONTH_CAPS = "|".join(m.upper() for m in _MONTH_FULL.split("|") if m != "May")
_MONTH_ABBR = r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
_MONTH = rf"(?-i:(?:{_MONTH_FULL}|{_MONTH_CAPS})\b|(?:{_MONTH_ABBR})(?:\.|\b))"
# "Jan" alone may be a name
_MONTH_STRICT = rf"(?-i:(?:{_MONTH_FULL}|{_MONTH_CAPS})\b|(?:{_MONTH_ABBR})\.)"
_WEEKDAY = (
    r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY)\b"
)
_YEAR = r"(?:1[5-9]|20)\d\d\b"
_NUM = (
    r"\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty"
)
_SPELLED_CENTURY_YEAR = (
    r"(?:nineteen|twenty)[\s-]+(?:(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen)|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)"
)
# "two thousand" alone is usually a count ("two thousand troops"): a year only when spelled
# "the year two thousand" or after a month ("January two thousand and one").
_SPELLED_MILLENNIUM_YEAR = (
    r"two\s+thousand(?:\s+and)?"
    r"(?:\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen))?"
)
_SPELLED_YEAR = rf"{_SPELLED_CENTURY_YEAR}|{_SPELLED_MILLENNIUM_YEAR}"
# Spelled ordinals, as broadcast transcripts write days: "March eighth", "the first of May".
_ORDINAL_UNITS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9,
}  # fmt: skip
_ORDINAL_WORDS = {
    **_ORDINAL_UNITS, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
    **{f"twenty-{w}": 20 + n for w, n in _ORDINAL_UNITS.items()},
    "thirty-first": 31,
}  # fmt: skip
_ORDINAL = "|".join(w.replace("-", r"[\s-]") for w in sorted(_ORDINAL_WORDS, key=len, reverse=True))
# "May second quarter", "March first half": an ordinal that counts something else.
_NOT_A_DAY = r"quarter|half|round|term|time|week|month|year|place|reading|anniversary|day"
# "in '88", "March '89", "fiscal '90"; not a decade ("the '80s") nor a quote mark's neighbour.
_SHORT_YEAR = r"(?<![\w'’‘])['’‘](?P<{}>\d\d)\b(?!'?s\b|[%'’]|[.,:]\d)"

# How every form below can begin (its first three letters, a digit or an apostrophe): the
# scan skips any other word at once, three times quicker over news text. A form added below
# that begins otherwise must be added here; tests/extraction/test_dates.py compares the scan
# with and without this list over every sentence the tests write.
_STARTS = (
    r"(?=\d|['’‘]|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri"
    r"|sat|sun|the|tha|las|nex|thi|ear|lat|mid|spr|sum|fal|aut|win|fir|sec|fou|fin|chr|new"
    r"|ind|ele|hal|tod|ton|yes|tom|in|an?\b|abo|alm|aro|one|two|thr|fiv|fif|six|sev|eig|nin"
    r"|ten|twe|som|rou|mor|les|jus|onl|fol|pre|yea|fis|fy|rec|nea|ano|ful|cur|goo|eas|lab"
    r"|mem|vet|val|box|hou|min))"
)

# One alternation, longest forms first: Python takes the first alternative that matches.
_DATE_RE = re.compile(
    # Every form starts a word: failing fast inside words makes the scan several times quicker.
    rf"""(?<![^\W_]){_STARTS}(?:
    (?P<iso>\b(?P<iso_y>(?:19|20)\d\d)-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>0[1-9]|[12]\d|3[01])\b)
  | (?P<num>(?<![\d/.])(?P<num_a>\d{{1,2}})[/.](?P<num_b>\d{{1,2}})[/.](?P<num_y>(?:19|20)\d\d)\b)
  | (?P<pair>(?P<pair_m>{_MONTH})\s*(?P<pair_d1>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:-|–|and|to)\s*
        (?P<pair_d2>[0-3]?\d)(?:st|nd|rd|th)?\b(?!\s*(?:%|percent|[.,]\d|:\d|-))
        (?:,?\s+(?P<pair_y>{_YEAR})(?![\d,.]\d))?)
  | (?P<dpair>(?P<dpair_d1>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:-|–|and|to)\s*(?P<dpair_d2>[0-3]?\d)
        (?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dpair_m>{_MONTH})(?:,?\s+(?P<dpair_y>{_YEAR}))?)
  | (?P<mdy>(?:(?P<mdy_wd>{_WEEKDAY}),?\s+)?(?P<mdy_m>{_MONTH})\s*(?:the\s+)?(?P<mdy_d>[0-3]?\d)
        (?:st|nd|rd|th)?\b(?!\s*(?:%|percent|[.,]\d|:\d))(?:,?\s+(?P<mdy_y>{_YEAR})(?![\d,.]\d))?)
  | (?P<dmy>(?:(?P<dmy_wd>{_WEEKDAY}),?\s+)?(?:the\s+)?(?P<dmy_d>[0-3]?\d)(?:st|nd|rd|th)?
        \s+(?:of\s+)?(?P<dmy_m>{_MONTH})(?:,?\s+(?P<dmy_y>{_YEAR}))?)
  | (?P<mdyw>(?:(?P<mdyw_wd>{_WEEKDAY}),?\s+)?(?P<mdyw_m>{_MONTH})\s+(?:the\s+)?(?P<mdyw_d>{_ORDINAL})
        \b(?![\s-]+(?:{_NOT_A_DAY})\b)(?:,?\s+(?P<mdyw_y>{_YEAR}|{_SPELLED_YEAR})\b)?)
  | (?P<dmyw>(?:(?P<dmyw_wd>{_WEEKDAY}),?\s+)?(?:the\s+)?(?P<dmyw_d>{_ORDINAL})\s+of\s+
        (?P<dmyw_m>{_MONTH})(?:,?\s+(?P<dmyw_y>{_YEAR}|{_SPELLED_YEAR})\b)?)
  | (?P<my>(?P<my_m>{_MONTH})(?:,|\s+of)?\s+
        (?:(?P<my_y>{_YEAR})(?![\d,.]\d)|(?P<my_sp>(?:{_SPELLED_YEAR}))\b|{_SHORT_YEAR.format("my_yy")}))
  | (?P<mrel>(?P<mrel_rel>last|next|this|this\s+coming|this\s+past)\s+
        (?P<mrel_m>{_MONTH})(?!\.?\s*[0-3]?\d\b))
  | (?P<mry>(?P<mry_m>{_MONTH_STRICT})(?:\s+of)?\s+(?P<mry_rel>last|this|next|that|the\s+same|the\s+following|the\s+previous)\s+year\b)
  | (?P<month>{_MONTH_STRICT})
  | (?P<season>\b(?:(?:last|this|next|early|late|the)\s+)?(?:spring|summer|fall|autumn|winter)
        (?:\s+of\s+(?:{_YEAR}|{_SPELLED_YEAR}))?\b(?=\s*(?:of\b|,|\.|$|\s+(?:{_YEAR}|when|as|and|to)\b)))
  | (?P<quarter>\b(?:the\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th|final|last|latest)
        [\s-]+quarter\b)
  | (?P<decade>\b(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?:1[5-9]|20)\d0'?s\b)
  | (?P<holiday>(?-i:Christmas\s+(?:Day|Eve)|New\s+Year(?:'s|’s|s)\s+(?:Day|Eve)|Thanksgiving(?:\s+Day)?
        |Independence\s+Day|Fourth\s+of\s+July|Election\s+Day|Halloween|Good\s+Friday(?!\s+(?:[Aa]greement|[Aa]ccord))
        |Easter(?:\s+(?:Sunday|Monday|Day))?(?!\s+(?:week|weekend|holidays?|break|season|Rising))
        |Labou?r\s+Day|Memorial\s+Day|Veterans\s+Day|Valentine's\s+Day|Boxing\s+Day)\b)
  | (?P<wdnth>(?P<wdnth_wd>{_WEEKDAY}),?\s+the\s+(?P<wdnth_d>[0-3]?\d)(?:st|nd|rd|th)\b(?!\s+of\b))
  | (?P<wd>(?:(?P<wd_rel>last|next|this|this\s+coming|this\s+past|the\s+previous|the\s+following)
        \s+)?(?<!Good\s)(?<!Black\s)(?<!Holy\s)(?<!Super\s)(?<!Ash\s)(?<!Palm\s)(?P<wd_d>{_WEEKDAY}))
  | (?P<deictic>\b(?P<deictic_w>today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening)|last\s+night)\b)
  | (?P<rel>\b(?P<rel_mod>last|this|next|the\s+past|the\s+previous|the\s+prior|the\s+current|
        (?:earlier|later|early|late)\s+(?:this|in\s+the)|the\s+coming|the\s+latest(?=\s+fiscal))
        \s+(?:(?P<rel_fiscal>fiscal)\s+)?(?P<rel_u>year|month|week)\b
        (?!\s+(?:or|and)\s+(?:two|so)))
  | (?P<ahead>\b(?:in\s+)?(?P<ahead_n>{_NUM})\s+(?P<ahead_u>days?|weeks?|months?|years?)
        (?:(?:'s?|s')?\s+time\b|\s+from\s+(?:now|today)\b))
  | (?P<inn>\bin\s+(?:(?:about|some|roughly|around|another|just)\s+)?(?P<inn_n>{_NUM})
        \s+(?P<inn_u>days?|weeks?|months?|years?)\b(?!'|\s+(?:ago|later|earlier|after|before)\b))
  | (?P<ago>\b(?:(?:about|almost|nearly|some|roughly|around|more\s+than|less\s+than|just|only)\s+)?
        (?P<ago_n>{_NUM})\s+(?P<ago_u>days?|weeks?|months?|years?|decades?)\s+(?:or\s+so\s+)?ago\b
        (?P<ago_today>\s+today\b)?)
  | (?P<shift>\b(?P<shift_n>{_NUM})\s+(?P<shift_u>days?|weeks?|months?|years?)
        \s+(?:or\s+so\s+)?(?P<shift_dir>later|earlier|after|before)\b)
  | (?P<same>\b(?:(?:the\s+(?:very\s+)?same|that|(?:earlier|later)\s+(?:that|the\s+same))
        \s+(?P<same_u>day|morning|afternoon|evening|night|month|year)\b(?!\s+(?:of|when)\b)
        |(?:earlier|later)\s+in\s+the\s+day\b
        |\b(?:(?:a\s+few|several|some|a\s+couple\s+of|{_NUM})\s+)?(?:hours|minutes)\s+later\b))
  | (?P<nthday>\bthe\s+(?P<nthday_n>first|second|third|fourth|fifth|sixth|seventh|final|last
        |closing|opening|\d{{1,2}}(?:st|nd|rd|th))\s+day\s+of\b)
  | (?P<nth>\bthe\s+(?P<nth_d>[0-3]?\d)(?:st|nd|rd|th)\b(?![\s-]+[a-z]|\.\d))
  | (?P<next>\b(?:the\s+)?(?P<next_dir>next|following|previous|preceding)
        \s+(?P<next_u>day|morning|afternoon|evening|night|month|year)\b)
  | (?P<dayof>\bthe\s+day\s+(?P<dayof_dir>before|after)\b)
  | (?P<spelled>\b(?:the\s+year\s+)?(?P<spelled_y>{_SPELLED_CENTURY_YEAR})\b
        |\bthe\s+year\s+(?P<spelled_m>{_SPELLED_MILLENNIUM_YEAR})\b)
  | (?P<theyear>\bthe\s+(?:(?:current|present)\s+(?:fiscal\s+)?year\b
        |(?:full\s+)?(?:fiscal\s+)?year\b(?!\s+(?:before|after|earlier|later|ago|when|that|in\s+which
        |of(?!\s*[$£€\d]))\b|\s+\d|'s|-)))
  | (?P<yearago>\byear-(?:earlier|ago)\b)
  | (?P<year>(?<![\d$£€#.,/:])(?<!\d-)(?:(?P<year_fiscal>fiscal|FY)\s*)?(?P<year_y>{_YEAR})
        (?![\d%]|'?s\b|-\d|\.\d|,\d))
  | (?P<yy>{_SHORT_YEAR.format("yy_y")})
  | (?P<vague>\b(?:recently|in\s+recent\s+(?:days|weeks|months|years))\b)
  | (?P<coming>\bin\s+(?:the\s+)?(?:next|coming)\s+
        (?:(?:few|several|two|couple\s+of)\s+)?(?P<coming_u>days|weeks)\b)
    )""",
    re.IGNORECASE | re.VERBOSE,
)

# A bare month needs a cue: "in June", "since March", not "May I" or "Lake June".
_MONTH_CUE = re.compile(
    r"(?:\b(?:in|since|until|till|by|from|through|to|during|before|after|between|and|or|of|"
    r"early|late|mid|end|beginning|middle|last|next|this|for|on|each|every)|-)\s*$",
    re.IGNORECASE,
)
# "the March on Washington"; not "from January to March", "in May on Monday".
_MONTH_EVENT = re.compile(rf"\s+(?:on|for|against|to)\s+(?!{_MONTH}|{_WEEKDAY})[A-Z]")
_MONTH_TIME_CUE = re.compile(
    r"(?:\b(?:in|since|until|till|by|from|through|during|before|after|early|late|mid)|-)\s*$",
    re.IGNORECASE,
)
# "on the 21st", "by the 30th": a day of the month; "the 3rd floor" or "the 5th Avenue" not.
_NTH_CUE = re.compile(r"\b(?:on|by|since|until|till|before|after|for)\s+$", re.IGNORECASE)
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright)\s*$", re.IGNORECASE)
# "Resolution 2043", "Section 1983", "Flight 1907": a number that names or counts a thing.
_NUMBER_LABEL = re.compile(
    r"\b(?:resolutions?|section|article|chapter|paragraph|flight|route|highway|interstate|"
    r"room|no\.|nos\.|number|page|item|rule|form|model|platform|gate)\s*$",
    re.IGNORECASE,
)
# "resolution 2254 (2015)", "S/RES/2118 (2013)": a year in brackets after a number names it.
_LABEL_YEAR = re.compile(r"\d\s*\($")
# "at 1955 GMT", "1400 hours", "0600 local time": a time on the clock.
_CLOCK_AFTER = re.compile(
    r"\s*(?:(?-i:GMT|UTC|EST|EDT|CST|CDT|PST|PDT|BST|CET|CEST|EET)\b|hours\b|hrs\b|"
    r"local\s+time\b)",
    re.IGNORECASE,
)
_YEAR_CUE = re.compile(
    r"\b(?:in|since|until|till|by|from|through|to|during|before|after|between|and|of|"
    r"early|late|mid|end|beginning|year|fiscal)\s*$",
    re.IGNORECASE,
)
_SHORT_YEAR_CUE = re.compile(
    r"\b(?:in|since|until|till|by|from|through|to|during|before|after|between|and|of|"
    r"early|late|mid|end|beginning|fiscal|FY|the|spring|summer|fall|autumn|winter)\s*$",
    re.IGNORECASE,
)
_DURATION = re.compile(
    rf"^(?:the\s+)?(?:(?:about|almost|nearly|some|roughly|around|more\s+than|less\s+than|over|"
    rf"the\s+past|the\s+last|the\s+next|another|just|only|several|a\s+few|few|many)\s+)*"
    rf"(?:{_NUM}|\d+|several|a\s+few|few|many|\d+\s*-|\w+-)?\s*(?:-|\s)?"
    r"(?:days?|weeks?|months?|years?|decades?|centuries|century|hours?)(?:\s+old|-old)?$",
    re.IGNORECASE,
)
_HAS_CALENDAR = re.compile(rf"{_MONTH}|\b(?:1[5-9]|20)\d\d\b", re.IGNORECASE)

# "could" is as often the past of "can" ("could not be located Wednesday"): not future.
_FUTURE_AUX = FUTURE_AUX | (MODALS - {"could", "can", "ought"})
_PLANNING = {"due", "schedule", "plan", "slate", "postpone", "reschedule", "expect"}
_INTENDING = {
    "set", "intend", "aim", "go", "decide", "agree", "promise", "pledge", "vow", "threaten",
    "want", "hope", "seek", "propose", "prepare", "try", "offer", "ask", "invite", "urge",
}  # fmt: skip


def _anchor_of(published, dateline):
    if dateline is not None and dateline.value and dateline.precision == DAY:
        return datetime.date.fromisoformat(dateline.value), ANCHOR_DATELINE
    return published, ANCHOR_PUBLISHED


def _number(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    return NUMBERS.get(word)


def _month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")[:3]]


def _spelled_year(words: str) -> int | None:
    """ "nineteen ninety-six" -> 1996; "two thousand" -> 2000."""
    parts = re.split(r"[\s-]+", words.lower())
    if parts[:2] == ["two", "thousand"]:
        rest = [p for p in parts[2:] if p != "and"]
        return 2000 + sum(_ONES.get(p, _TENS.get(p, 0)) for p in rest)
    if parts[0] not in _UNITS or len(parts) < 2:
        return None
    return _UNITS[parts[0]] * 100 + _TENS.get(parts[1], 0) + sum(_ONES.get(p, 0) for p in parts[2:])


def _short_year(digits: str, ref: datetime.date) -> int:
    """ "'88" -> 1988 in a 1990 story; the latest such year at most ten years ahead."""
    year = ref.year // 100 * 100 + int(digits)
    return year if year <= ref.year + 10 else year - 100


def _easter(year: int) -> datetime.date:
    """Western Easter Sunday (the anonymous Gregorian computus).

    >>> _easter(2000), _easter(2013)
    (datetime.date(2000, 4, 23), datetime.date(2013, 3, 31))
    """
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return datetime.date(year, month, day + 1)


def _add_months(day: datetime.date, months: int) -> datetime.date:
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def _safe_date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _auxes(verb) -> list:
    """The auxiliaries of `verb`, also those the parser hung on another auxiliary ("will"
    under "be" in "Markets will be closed Monday")."""
    found = []
    for child in verb.children:
        if child.dep_ in ("aux", "auxpass"):
            found.append(child)
            found.extend(c for c in child.children if c.dep_ in ("aux", "auxpass"))
    return found


def governing_verb(doc, start: int, end: int, steps: int):
    """The span's root, or the first verb at most `steps` heads above it; None without a
    span."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    token = span.root
    for _ in range(steps):
        if token.head.i == token.i or (token.pos_ in ("VERB", "AUX") and not _gerund_noun(token)):
            break
        token = token.head
    return token


def _gerund_noun(token) -> bool:
    """ "had meeting with them until Friday": a gerund in a noun's place, whose time is the
    verb's above it."""
    return (
        token.tag_ == "VBG"
        and token.dep_ == "dobj"
        and not any(c.dep_ in ("nsubj", "aux", "dobj") for c in token.children)
    )


def _tense(doc, start: int, end: int) -> str | None:
    """ "future", "past", "present" or None (no verb), from the verb governing the span.

    "Brahimi will meet Lavrov on Friday" -> "future"; "Russia said Friday" -> "past";
    "is due to visit on Friday", "planned a rally on Saturday" -> "future".
    """
    token = governing_verb(doc, start, end, steps=6)
    if token is None or token.pos_ not in ("VERB", "AUX"):
        return None
    if (
        token.lemma_ in _MOVING_A_DATE
        and _past_form(token)
        and _moved_when(doc.char_span(start, end, alignment_mode="expand"))
    ):
        return "past"  # "was postponed on Monday": the postponing is what Monday dates
    if token.lemma_ in _PLANNING and token.tag_ == "VBD" and end <= token.idx:
        return "past"  # "Perez de Cuellar on Wednesday planned a mission": the planning's day
    main = _temporal_clause_head(token)
    if main is not None and _verb_tense(main) == "future":
        return "future"
    if _possible_on(doc.char_span(start, end, alignment_mode="expand"), token):
        return "future"
    if token.tag_ == "VBG" and token.dep_ in ("pcomp", "advcl") and not _auxes(token):
        # "flights would leave on Monday, with the third departing from August 6", "talks
        # would go on, beginning anew Tuesday": the participle's time is its clause's.
        clause = token.head.head if token.dep_ == "pcomp" else token.head
        if clause.pos_ in ("VERB", "AUX") and _verb_tense(clause) == "future":
            return "future"
    return _verb_tense(token)


def _possible_on(span, verb) -> bool:
    """ "the storm could stall through early Wednesday": a possibility the date modifies
    directly lies ahead. Not a past ability ("could not be reached on Friday", "could be
    located Wednesday"), nor a date of another phrase ("warnings on Thursday that strikes
    could do harm")."""
    if span is None or not len(span) or verb.tag_ != "VB":
        return False
    auxes = _auxes(verb)
    if not any(c.lower_ in POSSIBILITY for c in auxes) or any(
        c.dep_ in ("neg", "auxpass") or c.lower_ in ("have", "be") for c in [*auxes, *verb.children]
    ):
        return False
    root = span.root
    if root.dep_ == "pobj":
        root = root.head
    return root.head.i == verb.i and root.dep_ in ("prep", "npadvmod", "tmod")


# Verbs that move a happening to another day: the day they name with "to", "until" or
# "for" is the new one, ahead; with "on", or none, it is the day of the moving.
_MOVING_A_DATE = {"postpone", "reschedule", "delay", "adjourn", "defer"}


def _moved_when(span) -> bool:
    """Whether the date `span` tells when a happening was moved, not where to."""
    root = span.root
    return not (root.dep_ == "pobj" and root.head.lower_ in ("to", "until", "till", "for"))


def _past_form(verb) -> bool:
    """ "postponed" (VBD) or "was postponed" (a past auxiliary)."""
    return verb.tag_ == "VBD" or any(c.tag_ == "VBD" for c in _auxes(verb))


# "when", "as soon as", "once", "until", "if": a clause they open takes its time from the
# clause it hangs on, whatever its own tense ("said he would call when he arrived on Monday",
# "the army will withdraw if the truce holds through Sunday").
_TEMPORAL_MARKS = {
    "when", "once", "as", "after", "before", "until", "till", "whenever", "if", "unless",
}  # fmt: skip


def _temporal_clause_head(verb):
    """The verb of the clause `verb`'s temporal clause hangs on, or None."""
    if verb.dep_ != "advcl" or not any(
        c.dep_ in ("mark", "advmod") and c.lower_ in _TEMPORAL_MARKS and c.i < verb.i
        for c in verb.children
    ):
        return None
    head = verb.head
    for _ in range(3):
        if head.pos_ in ("VERB", "AUX") or head.head.i == head.i:
            break
        head = head.head
    return head if head.pos_ in ("VERB", "AUX") and head.i != verb.i else None


def _owing_to(adjective) -> bool:
    """ "the gain was due to technical factors": caused by a thing, not due to happen."""
    return adjective.lemma_ == "due" and any(
        c.dep_ == "prep"
        and c.lower_ == "to"
        and any(g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN", "PRON") for g in c.children)
        for c in adjective.children
    )


def _first_plan(verb) -> bool:
    """ "were originally scheduled to begin Monday", "was initially planned to open": a plan
    since changed, for a day either side of the story."""
    return any(
        c.dep_ == "advmod" and c.lower_ in ("originally", "initially") for c in verb.children
    )


def _verb_tense(token) -> str:
    chain = [token]
    while chain[-1].dep_ in ("xcomp", "auxpass", "aux", "acomp") and len(chain) < 4:
        chain.append(chain[-1].head)
    for i, verb in enumerate(chain):
        if i and verb.lemma_ in _INTENDING and verb.tag_ == "VBD" and not _auxes(verb):
            # "agreed to sit down in early October" (a November story): ahead of the agreeing,
            # not of the story; the October nearest the story's day.
            return "nearest"
        if verb.lemma_ in _PLANNING or (i and verb.lemma_ in _INTENDING):
            if verb.lemma_ in _PLANNING - {"expect"} and (
                any(c.lower_ == "had" for c in _auxes(verb)) or _first_plan(verb)
            ):
                # "had been scheduled to open Thursday but were put on hold": a plan told in
                # the past perfect is one given up, for a day either side of the story ("had
                # been scheduled to expire Friday" in a Wednesday story, then extended); the
                # nearer one, weekdays too
                return "either"
            return "future"
        auxes = _auxes(verb)
        if any(c.lower_ in ("have", "has", "had", "'ve") for c in auxes):
            return "past"
        if any(c.lower_ in _FUTURE_AUX for c in auxes):
            if (
                any(c.lower_ == "would" for c in auxes)
                and verb.dep_ == "ccomp"
                and any(c.lower_ == "had" for c in _auxes(verb.head))
            ):
                # "had expected sales would rise in March": a future seen from before a
                # past time may be gone by now; the March nearest the story's day
                return "nearest"
            return "future"
        if any(
            c.dep_ == "acomp" and c.lemma_ in ("due", "set", "likely") and not _owing_to(c)
            for c in verb.children
        ):
            return "future"
        # "is to resume trading Tuesday"; a headline's "Ministers to meet on Wednesday"; told
        # in the past as "would" is: "was to arrive in Colombo on Monday, the embassy said"
        if any(c.lower_ == "to" for c in auxes) and (
            verb.head.tag_ in ("VBZ", "VBP")
            or verb.dep_ == "ROOT"
            or (verb.dep_ == "xcomp" and verb.head.lemma_ == "be" and verb.head.tag_ == "VBD")
        ):
            return "future"
    auxes = _auxes(token)
    if any(c.tag_ == "VBD" for c in auxes):
        return "past"
    if token.tag_ == "VBD" or (token.tag_ == "VBN" and not auxes and token.dep_ != "amod"):
        return "past"
    return "present"


def _is_past_event_time(doc, start: int, end: int) -> bool:
    """Whether the span dates a verb in the past ("ended Oct. 31", "was seen on Nov. 10"),
    rather than sitting in a noun phrase, a deadline or a present perfect ("the Jan. 14
    deadline", "gave them until November", "has set Nov. 10 as the deadline"), which may
    lie ahead."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    token = span.root
    if token.dep_ == "pobj" and token.head.dep_ == "prep":
        if token.head.lower_ in ("until", "till", "by", "through", "before"):
            return False
        token = token.head
    elif token.dep_ not in ("npadvmod", "tmod"):
        return False
    verb = token.head
    if verb.tag_ == "VBN":  # "was last seen on Nov. 3", "had met on Nov. 3"
        return any(c.tag_ == "VBD" for c in _auxes(verb))
    return verb.tag_ == "VBD"


# "stocks hurt the index on Friday": verbs whose past is their present form.
_SAME_IN_PAST = {
    "hurt", "cut", "set", "put", "hit", "cost", "let", "shut", "spread", "quit", "split",
    "bid", "cast", "burst", "upset", "broadcast", "forecast", "bet", "shed", "thrust",
}  # fmt: skip


# A photo's credit in the line: "Photo by Ezra Kaplan/UPI", "(AP Photo/Hussein Malla)",
# "REUTERS/Denis Balibouse", "AFP PHOTO / ...", "Getty Images", "Credit: Mahmud Hams/AFP",
# "[Flickr]".
_PHOTO_CREDIT = re.compile(
    r"\bphoto(?:graph)?\s+by\b|\(\s*(?:AP|AFP|EPA|Reuters)\s+photo\b|(?-i:\bREUTERS\s*/)|\bAFP\s+PHOTO\b"
    r"|\bGetty\s+Images\b|(?<=[.!?”\"]\s)(?:image\s+|photo\s+)?credit\s*:"
    # the Guardian's "... in Moscow. Photograph: Sergei Ilnitsky/EPA"
    r"|(?<=[.!?”\"]\s)photo(?:graph)?\s*:"
    # a picture agency in brackets closing the caption: "... summit. [Flickr]", "... in
    # eastern Ukraine [Alexei Nikolsky/Kremlin via Reuters]"
    r"|(?<=[.!?”\"]\s)\[(?-i:[A-Z])[\w.&/' -]{1,30}\]\s*$"
    r"|\[(?-i:[A-Z])[\w.&' -]{1,40}/[\w.&' -]{1,40}\]\s*$"
    # who stands where in the picture: "Zelenskyy, left, and Putin, second right, held",
    # "Fayez al-Sarraj (L) and General Khalifa Haftar (R)"
    r"|,\s(?:(?:second|third|far|centre|center)\s)?(?:left|right|centre|center),"
    r"|\s\((?-i:L|R|C)\)(?=[\s,])",
    re.IGNORECASE,
)


def captioned_line(text: str, start: int) -> bool:
    """Whether the line of `text` holding `start` carries a photo credit: a caption, whose
    present tense tells what the picture shows ("Rescuers search the rubble on Monday. Photo
    by ..."), a time already past."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    # A caption is a short paragraph: a long line is a page's markup or a whole story.
    return line_end - line_start <= 600 and bool(_PHOTO_CREDIT.search(text, line_start, line_end))


def _is_present_event_time(doc, start: int, end: int) -> bool:
    """Whether the span dates a present-tense verb: "the summit, which starts on Monday",
    "ministers are meeting in Tunis on Friday"; not a report ("Russia says Friday")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    token = span.root
    if token.dep_ == "attr" and token.head.lemma_ == "be":
        return token.head.tag_ in ("VBZ", "VBP")  # "the best chance to launch is Tuesday"
    if token.dep_ == "pobj" and token.head.dep_ == "prep":
        token = token.head
    elif token.dep_ not in ("npadvmod", "tmod"):
        return False
    verb = token.head
    if verb.lemma_ in ("say", "tell", "report"):
        return False
    if verb.tag_ == "VBZ" or (verb.tag_ == "VBP" and verb.lower_ not in _SAME_IN_PAST):
        return verb.pos_ == "VERB"
    if (
        verb.tag_ == "VB"
        and verb.dep_ == "conj"
        and verb.pos_ == "VERB"
        and not _auxes(verb)
        and not _auxes(verb.head)
        and verb.head.tag_ in ("VBD", "VBZ", "VBP")
    ):
        # "the talks, which started in Shanghai and move Friday to Beijing": a bare verb
        # joined to a finite one with no auxiliary to share is a present the tagger missed
        return verb.lower_ not in _SAME_IN_PAST
    auxes = [c for c in verb.children if c.dep_ == "aux"]
    return verb.tag_ == "VBG" and any(c.tag_ in ("VBZ", "VBP") for c in auxes)


def _is_past_perfect(doc, start: int, end: int) -> bool:
    """ "Diplomats had confirmed the appointment on Wednesday": the verb dated is a past
    perfect, a time before the story's narrative."""
    token = governing_verb(doc, start, end, steps=4)
    if token is None:
        return False
    return token.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in token.children
    )


def _is_present_perfect(doc, start: int, end: int) -> bool:
    """ "The bank has extended the credit line through March", "have kept the border closed
    until May": the verb dated is (or completes) a present perfect, a state reaching into
    the present."""
    token = governing_verb(doc, start, end, steps=4)
    if token is None:
        return False
    for _ in range(3):
        if token.tag_ != "VBN":
            return False
        if any(
            c.dep_ == "aux" and c.lower_ in ("has", "have", "'ve", "'s") for c in token.children
        ):
            return True
        if token.dep_ not in ("advcl", "xcomp", "oprd", "conj") or token.head.i == token.i:
            return False
        token = token.head
    return False


def _comes_after(doc, start: int, end: int) -> bool:
    """ "The talks came a day after ...", "The visit follows ...": a happening told before,
    the subject of "come" or "follow", placed by what it came after."""
    verb = governing_verb(doc, start, end, steps=3)
    if verb is None or verb.lemma_.lower() not in ("come", "follow"):
        return False
    return any(
        c.dep_ == "nsubj" and c.lemma_.lower() in NOUNS and any(d.lower_ == "the" for d in c.lefts)
        for c in verb.children
    )


def _hung_span(doc, end: int) -> tuple[str | None, tuple[int, int] | None]:
    """What the word ending at `end` ("after", "before", "of") introduces: ("clause", span)
    for an event of its own ("a day after the Council approved the mission", "after signing
    the deal"), ("phrase", span) for a noun phrase ("a day after the talks"), else (None, None).
    """
    span = doc.char_span(max(0, end - 1), end, alignment_mode="expand")
    if span is None or not len(span):
        return None, None
    word = span[-1]
    objects = [c for c in word.children if c.dep_ in ("pobj", "pcomp")]
    if word.dep_ == "mark" and word.head.pos_ in ("VERB", "AUX") and word.head.i > word.i:
        kind, right = "clause", word.head.right_edge
    elif word.dep_ == "prep" and objects:
        kind = "clause" if objects[0].tag_ == "VBG" else "phrase"
        right = word.right_edge
    else:
        return None, None
    if right.i <= word.i:
        return None, None
    first = doc[word.i + 1]
    return kind, (first.idx, right.idx + len(right))


_ORDINAL_DAYS = {
    "first": 1, "opening": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7,
}  # fmt: skip
_ORDER = (YEAR, MONTH, DAY)


def _moved(day: datetime.date, n: int, unit: str) -> tuple[datetime.date, str]:
    """`day` moved by `n` units ("day", "week", "month", "year"), at that unit's precision."""
    if unit in ("day", "week"):
        return day + datetime.timedelta(days=n * (7 if unit == "week" else 1)), DAY
    if unit == "month":
        return _add_months(day, n), MONTH
    return datetime.date(day.year + n, 1, 1), YEAR


def resolve_hanging(mention: DateMention, on: DateMention) -> DateMention:
    """`mention` placed once the thing it hangs on is dated by `on`.

    "two days after Kerry and Lavrov met", the meeting on Friday 12 Feb 2016 -> Sunday
    14 Feb 2016; "the last day of June" -> 30 June. Unchanged when either is unplaced or `on`
    is too coarse ("a day after" a meeting in 2016).

    >>> talks = DateMention("Friday", 0, 6, "2016-02-12", DAY, ANCHOR_PUBLISHED, "2016-02-12")
    >>> after = DateMention("two days after", 0, 14, None, None, None, offset=(2, "day"))
    >>> resolve_hanging(after, talks).value
    '2016-02-14'
    """
    if on.value is None or on.precision is None:
        return mention
    base = on.first_day
    words = mention.text.lower().split()
    last = mention.offset is None and any(w in ("last", "final", "closing") for w in words)
    if last and on.precision in (MONTH, YEAR):  # "the last day of June"
        end = _add_months(base, 1 if on.precision == MONTH else 12)
        day, precision = end - datetime.timedelta(days=1), DAY
    elif mention.offset is None:
        return mention
    elif "day" in words and "of" in words and on.precision != DAY:
        # "the second day of June" is 2 June: the offset counts from its first day.
        day, precision = base + datetime.timedelta(days=mention.offset[0]), DAY
    else:
        day, precision = _moved(base, *mention.offset)
        if _ORDER.index(on.precision) < _ORDER.index(precision):
            return mention
    return dataclasses.replace(
        mention,
        value=iso_at_precision(day, precision),
        precision=precision,
        anchor=ANCHOR_PREVIOUS,
        anchor_value=on.value,
        future=on.future,
    )


def hung_date(mention: DateMention, own: DateMention) -> DateMention | None:
    """The date of the thing `mention` hangs on, when the time `mention` dates is `own`.

    "The team arrived a day after the Council approved the mission": with the arrival on
    Sunday 15 April 2012, the approval was on Saturday 14 April. None when `mention` does
    not hang on anything or `own` is too coarse for the offset.

    >>> arrival = DateMention("Sunday", 0, 6, "2012-04-15", DAY, ANCHOR_PUBLISHED, "2012-04-15")
    >>> after = DateMention("a day after", 0, 11, None, None, None, offset=(1, "day"))
    >>> hung_date(after, arrival).value
    '2012-04-14'
    """
    if mention.offset is None or own.value is None or own.precision is None:
        return None
    n, unit = mention.offset
    day, precision = _moved(own.first_day, -n, unit)
    if _ORDER.index(own.precision) < _ORDER.index(precision):
        return None
    return dataclasses.replace(
        mention,
        value=iso_at_precision(day, precision),
        precision=precision,
        anchor=ANCHOR_PREVIOUS,
        anchor_value=own.value,
        future=False,
        hangs_on=None,
        offset=None,
    )


# Words a title-case headline leaves in lower case.
_HEADLINE_SMALL = {
    "a", "an", "the", "and", "but", "or", "nor", "for", "on", "at", "to", "from", "by", "of",
    "in", "with", "as", "vs",
}  # fmt: skip


def _is_title(text: str, start: int, end: int) -> bool:
    """ "USA Today", ABC's "This Week": a deictic word in title case inside a sentence that
    is not itself a title-case headline names a paper or a show."""
    if not all(w[:1].isupper() for w in text[start:end].split()):
        return False
    # (wires set quotes as "″" or "«" too)
    before = text[max(0, start - 40) : start].rstrip(" \t\"'`“‘″«„")
    if not before or before[-1] in ".!?:;\n_-—–(":
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return any(
        w[:1].islower() and w.lower() not in _HEADLINE_SMALL for w in re.findall(r"[\w']+", line)
    )


_SENTENCE_END = re.compile(r"[.!?][\"'”’]?\s+[\"'“‘(]?[A-Z]|\n\s*\n")
# "today's world", "the people of tomorrow": the present in general, not a day.
_GENERIC_NOW = re.compile(
    r"'s\s+(?:world|society|youth|young|generation|children|kids|standards|technology|economy)\b"
)

# "payable Dec. 7", "extended to Nov. 16", "ahead of Sunday's vote": a date still to come,
# even in the past tense.
_SINCE_CUE = re.compile(r"\b(?:ever\s+)?since\s+(?:early\s+|late\s+|mid-?)?$", re.IGNORECASE)
_FUTURE_CUE = re.compile(
    r"\b(?:effective|payable|expires?|expiring|record|(?:set|slated|scheduled)\s+for|"
    r"(?:extended|postponed|delayed|adjourned|put\s+off)\s+(?:to|until|till)|"
    r"ahead\s+of(?:\s+(?:the|this|next))?)\s*$",
    re.IGNORECASE,
)
# "set for Feb. 15", "a truce from Sunday": the day a thing is meant for.
_TARGET_CUE = re.compile(r"\b(?:for|from)\s*$", re.IGNORECASE)
# ... also past a time of day: "a ceasefire from 6 a.m. (0400 GMT) on Saturday"
_TARGET_AT_TIME_CUE = re.compile(
    r"\bfrom\s+\d{1,2}(?:[:.]\d\d)?\s*(?:a\.m\.|p\.m\.|am|pm|hrs|GMT)?"
    r"(?:\s*\([^()]{1,20}\))?\s+on\s*$",
    re.IGNORECASE,
)
# "by Jan. 14", "as soon as Tuesday": a deadline, unless the verb is past ("up until
# Thursday, they had described him as a witness").
_DEADLINE_CUE = re.compile(
    r"\b(?:by|until|till|through|as\s+(?:early|soon)\s+as|no\s+later\s+than|starting"
    r"|beginning)"
    # ... also past a time of the day: "by 5 p.m. Tuesday", "by the end of the day on Tuesday"
    r"(?:\s+(?:\d{1,2}(?:[:.]\d\d)?\s*(?:a\.m\.|p\.m\.|am|pm)|noon|midnight"
    r"|the\s+end\s+of\s+(?:the\s+day|business))(?:\s*\([^()]{1,20}\))?)?"
    r"(?:\s+on)?\s*$",
    re.IGNORECASE,
)


def _pick(candidates, anchor, tense, *, strict=False, horizon=92, firm=lambda: False):
    """The candidate date (ascending) that the tense points to, relative to `anchor`.

    Past: the last on or before, unless that is most of a year back and this year's is
    within a month ahead: a wire writes the year of a date a year old, so "has set Nov. 10
    as the deadline" in a 2 November story is eight days on. Future: the first on or after
    (after, if `strict`); present: the coming one if within `horizon` days ("the case is
    heard in May" in a late-March story), else the last one. `firm()` says the past is the
    time of a simple-past verb ("the quarter ended Oct. 31"), which cannot lie ahead.
    "nearest": whichever is closer, before or after.
    """
    if tense == "future":
        after = [c for c in candidates if (c > anchor if strict else c >= anchor)]
        return after[0] if after else candidates[-1]
    if tense == "nearest":
        return min(candidates, key=lambda c: abs((c - anchor).days))
    before = [c for c in candidates if c <= anchor]
    after = [c for c in candidates if c > anchor]
    if tense == "past" or not before:
        if (
            before
            and after
            and after[0].year == anchor.year
            and (after[0] - anchor).days <= 31
            and (anchor - before[-1]).days >= 300
            and not firm()
        ):
            return after[0]
        return before[-1] if before else candidates[0]
    if after and (after[0] - anchor).days <= horizon:
        return after[0]
    return before[-1]


# A weekday and a word making a choice or a span of it and another: "Monday or ", "Friday
# to " (not "and": "statements made Friday and Thursday").
_AFTER_A_WEEKDAY = re.compile(rf"\b(?:{_WEEKDAY})\s*(?:or|to|through|-|–)\s*$")


_END_OF = re.compile(r"\bend\s+of\s+$", re.IGNORECASE)

# Nothing after "a year before": the end of the clause.
_NOTHING_HUNG = re.compile(r"\s*(?:[.,;:)\]]|$)")


class _Resolver:
    """Resolves one document's matches in text order, remembering the last date placed."""

    def __init__(self, doc, published, dateline, ent_starts=frozenset(), captioned=None):
        self.doc = doc
        # Whether an offset sits in a photo's caption: the cleaned text has lost the credit
        # that says so, so the pipeline looks in the source.
        self.captioned = captioned or functools.partial(captioned_line, doc.text)
        self.text = doc.text  # Doc.text joins every token each time it is read
        self.ent_starts = ent_starts
        self.published = published
        self.ref, self.ref_kind = _anchor_of(published, dateline)
        self.last: tuple[datetime.date, str] | None = None
        self.last_end = 0
        self.month_days: dict[tuple[int, int], datetime.date] = {}  # days placed without a year

    def _tense(self, start, end, *, weekday=False):
        """The tense for `_pick`; a deadline without a year only looks ahead a little."""
        before = max(0, start - 24)
        if _SINCE_CUE.search(self.text, before, start):
            # "would close lower for the first time since Jan. 30": since looks back, whatever
            # the verb's tense
            return "past"
        if _FUTURE_CUE.search(self.text, before, start):
            # "The talks had been scheduled for Monday, but ...": a plan told in the past
            # perfect was for a day already gone.
            return "past" if _is_past_perfect(self.doc, start, end) else "future"
        tense = _tense(self.doc, start, end)
        deadline = _DEADLINE_CUE.search(self.text, max(0, start - 40), start)
        # A present perfect reaching until a time runs up to now: "has extended the loans
        # through January" in October is the coming January, "has fallen 2% this year
        # through Oct. 19" in late October the one just gone. The nearer one, then.
        if (
            tense == "past"
            and (deadline or _TARGET_AT_TIME_CUE.search(self.text, max(0, start - 40), start))
            and _is_present_perfect(self.doc, start, end)
        ):
            return "future" if weekday else "nearest"
        if tense in ("present", None) and deadline:
            return "future" if weekday else "present"
        if tense == "nearest" and weekday:
            return "future"  # "agreed to meet on Monday": a weekday is the coming one
        if tense == "either":
            return tense if weekday else "nearest"
        if tense == "past" and not weekday and _TARGET_CUE.search(self.text, before, start):
            # "the referendum Santos announced for 2 October" (in August): the day a thing
            # was meant for may lie either side of the story; the nearer one
            return "nearest"
        return tense

    def _firm(self, start, end):
        # "a ceasefire agreed for February 15": the day it was agreed for, not when.
        if _TARGET_CUE.search(self.text, max(0, start - 12), start):
            return lambda: False
        return lambda: _is_past_event_time(self.doc, start, end)

    def mention(self, match_text, start, end, day, precision, anchor, anchor_day, future=False):
        if day is None:
            return DateMention(match_text, start, end, None, None, None)
        if precision is None:
            precision = DAY
        value = iso_at_precision(day, precision)
        self.last = (day, precision)
        self.last_end = end
        # Future means after the story's own date, whatever the expression was measured from.
        later = (
            day > self.ref if precision == DAY else value > iso_at_precision(self.ref, precision)
        )
        return DateMention(
            match_text,
            start,
            end,
            value,
            precision,
            anchor,
            anchor_day.isoformat() if anchor_day else None,
            future or later,
            earlier=_is_past_perfect(self.doc, start, end),
        )

    def relative(self, text, start, end, day, precision, future=False):
        return self.mention(text, start, end, day, precision, self.ref_kind, self.ref, future)

    def previous(self, text, start, end, need, shift, *, same_sentence=False):
        """Anaphora: "the same day", "two days later"; `shift(date)` -> date or None.

        With `same_sentence`, a date from an earlier sentence does not count: "up from
        $2.03 a share a year earlier" compares with the story's own time.
        """
        far = same_sentence and _SENTENCE_END.search(self.text, self.last_end, start)
        if self.last is None or far:
            base, kind, base_precision = self.ref, self.ref_kind, DAY
        else:
            base, base_precision = self.last
            kind = ANCHOR_PREVIOUS
        order = (YEAR, MONTH, DAY)
        if order.index(base_precision) < order.index(need):
            return DateMention(text, start, end, None, None, None)
        day = shift(base)
        return self.mention(text, start, end, day, need, kind, base)

    def resolve(self, m) -> DateMention | None:
        kind = m.lastgroup
        for name in (
            "iso", "num", "pair", "dpair", "mdy", "dmy", "mdyw", "dmyw", "my", "mrel", "mry", "month", "season",
            "quarter", "decade", "holiday", "wdnth", "wd", "deictic", "rel", "ahead", "inn", "ago",
            "shift", "same", "nthday", "nth", "next", "dayof", "spelled", "theyear", "yearago", "year",
            "yy", "vague", "coming",
        ):  # fmt: skip
            if m.group(name) is not None:
                kind = name
                break
        text, start, end = m.group(kind), m.start(kind), m.end(kind)
        if kind in ("deictic", "rel") and _is_title(self.text, start, end):
            return None
        return getattr(self, "_" + kind)(m, text, start, end)

    def _absolute(self, text, start, end, day, precision):
        return self.mention(text, start, end, day, precision, ANCHOR_ABSOLUTE, None)

    def _iso(self, m, text, start, end):
        day = _safe_date(int(m["iso_y"]), int(m["iso_m"]), int(m["iso_d"]))
        return self._absolute(text, start, end, day, DAY)

    def _num(self, m, text, start, end):
        a, b, year = int(m["num_a"]), int(m["num_b"]), int(m["num_y"])
        # 28/12/2012 is day-first, 12/28/2012 month-first; 05/06/2012 is anyone's guess.
        if a > 12 >= b:
            day = _safe_date(year, b, a)
        elif b > 12 >= a or a == b:
            day = _safe_date(year, a, b)
        else:
            day = None
        return self._absolute(text, start, end, day, DAY)

    def _month_day(self, text, start, end, month, dom, year, weekday):
        if year is not None:
            return self._absolute(text, start, end, _safe_date(int(year), month, dom), DAY)
        options = [
            d for y in (self.ref.year - 1, self.ref.year, self.ref.year + 1)
            if (d := _safe_date(y, month, dom)) is not None
        ]  # fmt: skip
        if not options:
            return DateMention(text, start, end, None, None, None)
        if weekday is not None:
            matching = [d for d in options if d.weekday() == WEEKDAYS[weekday.lower()]]
            if matching:
                options = matching
        told = self.month_days.get((month, dom))
        if told is not None and weekday is None:
            # "rejected an Oct. 8 runoff ... The law provided a runoff Oct. 8": a day the
            # story has placed is the same day when it comes again
            return self.relative(text, start, end, told, DAY, told > self.ref)
        tense = self._tense(start, end)
        if tense == "future" and self._modifies_noun(start, end):
            # "the March 1 deadline would be missed" on March 10: a date naming the thing
            # it is of, as with a month (see _bare_month); the nearest one.
            tense = "nearest"
        day = _pick(options, self.ref, tense, firm=self._firm(start, end))
        self.month_days[(month, dom)] = day
        return self.relative(text, start, end, day, DAY, tense == "future")

    def _mdy(self, m, text, start, end):
        month, dom = _month_number(m["mdy_m"]), int(m["mdy_d"])
        if not 1 <= dom <= 31:
            return None
        return self._month_day(text, start, end, month, dom, m["mdy_y"], m["mdy_wd"])

    def _dmy(self, m, text, start, end):
        month, dom = _month_number(m["dmy_m"]), int(m["dmy_d"])
        if not 1 <= dom <= 31:
            return None
        return self._month_day(text, start, end, month, dom, m["dmy_y"], m["dmy_wd"])

    def _mdyw(self, m, text, start, end):
        return self._spelled_day(m, "mdyw", text, start, end)

    def _dmyw(self, m, text, start, end):
        return self._spelled_day(m, "dmyw", text, start, end)

    def _spelled_day(self, m, group, text, start, end):
        """ "on March eighth", "the twenty-first of May, nineteen ninety-eight"."""
        dom = _ORDINAL_WORDS[re.sub(r"[\s-]+", "-", m[group + "_d"].lower())]
        year = m[group + "_y"]
        if year is not None and not year.isdigit():
            year = _spelled_year(year)
        month = _month_number(m[group + "_m"])
        return self._month_day(text, start, end, month, dom, year, m[group + "_wd"])

    def _my(self, m, text, start, end):
        if m["my_yy"]:
            year = _short_year(m["my_yy"], self.ref)
        else:
            year = int(m["my_y"]) if m["my_y"] else _spelled_year(m["my_sp"])
        if year is None:
            return None
        day = datetime.date(year, _month_number(m["my_m"]), 1)
        return self._absolute(text, start, end, day, MONTH)

    def _bare_month(self, text, start, end, month, rel):
        this_month = self.ref.replace(day=1)
        options = [datetime.date(y, month, 1) for y in range(self.ref.year - 1, self.ref.year + 2)]
        if rel == "last":
            # "crashed last February" in a March story: the month just gone would be "last
            # month", so the writer means the one a year before. Across New Year, "last
            # December" is the December just gone: it is also last year's.
            day = max(d for d in options if d < this_month)
            if _add_months(day, 1) == this_month and day.year == self.ref.year:
                day = day.replace(year=day.year - 1)
        elif rel == "next":
            day = [d for d in options if d > this_month][0]
        elif rel == "this":
            day = datetime.date(self.ref.year, month, 1)
        else:
            tense = self._tense(start, end)
            if (
                tense == "future"
                and self._modifies_noun(start, end)
                and not self._of_a_happening(start, end)
            ):
                # "the January figures will be released next week" in February: a month
                # naming what a thing is of, not when the verb happens; the nearest one.
                day = min(options, key=lambda d: (abs((d - this_month).days), d))
            else:
                day = _pick(options, this_month, tense, firm=self._firm(start, end))
        return self.relative(text, start, end, day, MONTH)

    def _modifies_noun(self, start, end):
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return (
            span is not None
            and len(span) > 0
            and span.root.dep_ in ("compound", "nmod", "amod")
            and span.root.head.pos_ in ("NOUN", "PROPN")
        )

    def _of_a_happening(self, start, end):
        """ "will lead the nation to December elections": the month a happening is held in
        lies ahead with the verb, unlike "the January figures" (what they are of)."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span is not None and span.root.head.lemma_.lower() in NOUNS

    def _month(self, m, text, start, end):
        # "the March on Washington"; not "rose in February on Wall Street"
        temporal = _MONTH_TIME_CUE.search(self.text, max(0, start - 24), start)
        if not temporal and _MONTH_EVENT.match(self.text, end):
            return None
        if start not in self.ent_starts and not _MONTH_CUE.search(
            self.text, max(0, start - 24), start
        ):
            return None
        return self._bare_month(text, start, end, _month_number(text), None)

    def _mrel(self, m, text, start, end):
        rel = m["mrel_rel"].lower().split()
        return self._bare_month(text, start, end, _month_number(m["mrel_m"]), rel[-1])

    def _mry(self, m, text, start, end):
        rel = m["mry_rel"].lower().split()[-1]
        month = _month_number(m["mry_m"])
        if rel not in ("last", "this", "next"):
            # "In November that year", "in March the following year": of the year just told
            shift = {"following": 1, "previous": -1}.get(rel, 0)
            if self.last is None:
                return DateMention(text, start, end, None, None, None)
            base = self.last[0]
            day = datetime.date(base.year + shift, month, 1)
            return self.mention(text, start, end, day, MONTH, ANCHOR_PREVIOUS, base)
        offset = {"last": -1, "this": 0, "next": 1}[rel]
        day = datetime.date(self.ref.year + offset, month, 1)
        return self.relative(text, start, end, day, MONTH)

    def _unresolved(self, m, text, start, end):
        return DateMention(text, start, end, None, None, None)

    _season = _quarter = _decade = _vague = _unresolved

    def _holiday(self, m, text, start, end):
        words = text.lower().split()
        name = words[0]

        def on(year):
            if name in ("good", "easter"):  # Good Friday, Easter Sunday or Easter Monday
                shift = {"good": -2, "monday": 1}.get(name if name == "good" else words[-1], 0)
                return _easter(year) + datetime.timedelta(days=shift)
            if name in ("labor", "labour"):  # the first Monday of September
                first = datetime.date(year, 9, 1)
                return first + datetime.timedelta(days=(0 - first.weekday()) % 7)
            if name == "memorial":  # the last Monday of May
                last = datetime.date(year, 5, 31)
                return last - datetime.timedelta(days=last.weekday())
            if name == "veterans":
                return datetime.date(year, 11, 11)
            if name == "valentine's":
                return datetime.date(year, 2, 14)
            if name == "boxing":
                return datetime.date(year, 12, 26)
            if name == "christmas":
                return datetime.date(year, 12, 24 if text.lower().endswith("eve") else 25)
            if name == "new":
                eve = text.lower().endswith("eve")
                return datetime.date(year, 12, 31) if eve else datetime.date(year, 1, 1)
            if name == "thanksgiving":  # fourth Thursday of November
                first = datetime.date(year, 11, 1)
                return first + datetime.timedelta(days=(3 - first.weekday()) % 7 + 21)
            if name == "election":  # the Tuesday after the first Monday of November
                first = datetime.date(year, 11, 1)
                return first + datetime.timedelta(days=(0 - first.weekday()) % 7 + 1)
            if name == "halloween":
                return datetime.date(year, 10, 31)
            return datetime.date(year, 7, 4)

        options = [on(y) for y in (self.ref.year - 1, self.ref.year, self.ref.year + 1)]
        tense = self._tense(start, end)
        return self.relative(text, start, end, _pick(options, self.ref, tense), DAY)

    def _wd(self, m, text, start, end):
        weekday = WEEKDAYS[m["wd_d"].lower()]
        rel = (m["wd_rel"] or "").lower().split()
        back = (self.ref.weekday() - weekday) % 7
        if rel and rel[-1] in ("last", "previous", "past"):
            if rel[-1] == "previous" and self.last is not None:
                base = self.last[0]
                day = base - datetime.timedelta(days=(base.weekday() - weekday) % 7 or 7)
                return self.mention(text, start, end, day, DAY, ANCHOR_PREVIOUS, base)
            day = self.ref - datetime.timedelta(days=back or 7)
            return self.relative(text, start, end, day, DAY)
        if rel and rel[-1] in ("next", "coming", "following"):
            day = self.ref + datetime.timedelta(days=(weekday - self.ref.weekday()) % 7 or 7)
            return self.relative(text, start, end, day, DAY, True)
        if (
            self.last is not None
            and self.last[1] == DAY
            and _AFTER_A_WEEKDAY.search(self.text, max(0, start - 16), start)
        ):
            # "going through Monday or Tuesday", "from Friday to Sunday": the next such day
            # after the one just named
            base = self.last[0]
            day = base + datetime.timedelta(days=(weekday - base.weekday()) % 7 or 7)
            return self.relative(text, start, end, day, DAY, day > self.ref)
        # Ahead: a future verb, or a present one ("the summit, which starts on Monday",
        # "meet in Morocco on Wednesday" in a Monday story). The story's own weekday is
        # that day: a wire writes "next Friday" for a week on.
        wd_start, wd_end = m.start("wd_d"), m.end("wd_d")
        tense = self._tense(wd_start, wd_end, weekday=True)
        if tense == "either" and back:
            ahead = 7 - back
            day = self.ref + datetime.timedelta(days=ahead if ahead < back else -back)
            return self.relative(text, start, end, day, DAY, ahead < back)
        if tense == "future" or (
            tense == "present"
            and _is_present_event_time(self.doc, wd_start, wd_end)
            and not self.captioned(wd_start)
        ):
            day = self.ref + datetime.timedelta(days=(weekday - self.ref.weekday()) % 7)
            return self.relative(text, start, end, day, DAY, tense == "future")
        return self.relative(text, start, end, self.ref - datetime.timedelta(days=back), DAY)

    def _wdnth(self, m, text, start, end):
        """ "Friday the 13th": the 13th of the month, near the story, that fell on a Friday."""
        weekday, dom = WEEKDAYS[m["wdnth_wd"].lower()], int(m["wdnth_d"])
        months = (_add_months(self.ref, k) for k in range(-13, 14))
        options = [
            d
            for first in months
            if (d := _safe_date(first.year, first.month, dom)) is not None
            and d.weekday() == weekday
        ]
        if not options:
            return DateMention(text, start, end, None, None, None)
        tense = self._tense(start, end)
        day = _pick(options, self.ref, "past" if tense is None else tense)
        return self.relative(text, start, end, day, DAY, day > self.ref)

    def _deictic(self, m, text, start, end):
        if _GENERIC_NOW.match(self.text, end) or self.text[max(0, start - 3) : start] == "of ":
            return DateMention(text, start, end, None, None, None)
        word = " ".join(m["deictic_w"].lower().split())
        # "this afternoon": the story's own day
        shift = {"yesterday": -1, "last night": -1, "tomorrow": 1}.get(word, 0)
        day = self.ref + datetime.timedelta(days=shift)
        return self.relative(text, start, end, day, DAY)

    def _rel(self, m, text, start, end):
        unit = m["rel_u"].lower()
        mod = m["rel_mod"].lower().split()
        # "the latest fiscal year" is the last one closed.
        offset = {
            "last": -1, "past": -1, "previous": -1, "prior": -1, "latest": -1, "next": 1, "coming": 1,
        }.get(mod[-1], 0)  # fmt: skip
        if unit == "week":
            # A week is no calendar value; the month holding its working days is ("said this
            # week" in a Saturday 16 June story is June; "last week" in a Monday 2 April story
            # is March); across two months, the one with most of them, its Wednesday's ("last
            # week" in a Thursday 10 January story, 31 December to 4 January, is January).
            wednesday = _monday_of(self.ref, offset) + datetime.timedelta(days=2)
            return self.relative(text, start, end, wednesday.replace(day=1), MONTH, offset > 0)
        if (
            mod[-1] in ("previous", "prior")
            and unit != "week"
            and not m["rel_fiscal"]
            and self._told_of_another_time(start)
        ):
            # "It was founded in 1990. The previous year it had been a partnership": the year
            # before the one just told of; with none near, the story's own ("up from the
            # prior year").
            return self._next(m, text, start, end, unit, -1)
        if unit == "year":
            return self.relative(
                text, start, end, datetime.date(self.ref.year + offset, 1, 1), YEAR
            )
        return self.relative(text, start, end, _add_months(self.ref, offset), MONTH)

    def _coming(self, m, text, start, end):
        """ "in the coming days", "in the next few weeks": no day, the month most of that
        stretch lies in (a few days on, or a week on), as "next week" is its month. ("over
        the next few days" mostly dates a noun: "agreed on the delivery over the next few
        days of aid".)"""
        ahead = 3 if m["coming_u"].lower() == "days" else 7
        day = self.ref + datetime.timedelta(days=ahead)
        return self.relative(text, start, end, day.replace(day=1), MONTH, True)

    def _told_of_another_time(self, start):
        """The last date placed is in this sentence or the one before and in another year."""
        if self.last is None or self.last[0].year == self.ref.year:
            return False
        return len(_SENTENCE_END.findall(self.text, self.last_end, start)) <= 1

    def _ago(self, m, text, start, end):
        n = _number(m["ago_n"])
        unit = m["ago_u"].lower().rstrip("s")
        if n is None or unit == "decade":
            return DateMention(text, start, end, None, None, None)
        if unit in ("day", "week"):
            days = n * (7 if unit == "week" else 1)
            return self.relative(text, start, end, self.ref - datetime.timedelta(days=days), DAY)
        if m["ago_today"]:
            # "It was a year ago today that ...": the day itself, the story's day years back
            first = _add_months(self.ref, -n * (12 if unit == "year" else 1))
            day = _safe_date(first.year, first.month, self.ref.day) or (
                _add_months(first, 1) - datetime.timedelta(days=1)
            )
            return self.relative(text, start, end, day, DAY)
        if unit == "month":
            return self.relative(text, start, end, _add_months(self.ref, -n), MONTH)
        return self.relative(text, start, end, datetime.date(self.ref.year - n, 1, 1), YEAR)

    def _shift(self, m, text, start, end):
        n = _number(m["shift_n"])
        unit = m["shift_u"].lower().rstrip("s")
        direction = m["shift_dir"].lower()
        sign = 1 if direction in ("later", "after") else -1
        if n is None:
            return DateMention(text, start, end, None, None, None)

        def anaphora():
            if unit in ("day", "week"):
                days = sign * n * (7 if unit == "week" else 1)
                return self.previous(text, start, end, DAY, lambda d: d + datetime.timedelta(days))
            if unit == "month":
                return self.previous(text, start, end, MONTH, lambda d: _add_months(d, sign * n))
            if direction in ("after", "before") and not _NOTHING_HUNG.match(self.text, end):
                # "three years after a deal brokered by Kerry": the deal's time, which is
                # neither the story's nor that of a date told before it ("from $1.6 billion a
                # year before." is a year earlier)
                return DateMention(text, start, end, None, None, None)
            return self.previous(
                text,
                start,
                end,
                YEAR,
                lambda d: datetime.date(d.year + sign * n, 1, 1),
                same_sentence=True,
            )

        if direction in ("after", "before"):
            return self._hanging(text, start, end, (sign * n, unit), anaphora)
        return anaphora()

    def _hanging(self, text, start, end, offset, anaphora):
        """ "two days after X": X's time moved by `offset`. A clause is an event of its own,
        dated by the event layer (`resolve_hanging`, `hung_date`) or by a date inside it; a
        noun phrase or nothing ("a day after the talks", "the day before") is taken to be
        the last date mentioned."""
        kind, span = _hung_span(self.doc, end)
        if self.last is not None and self.text[self.last_end : start].strip() in (",", "—", "–"):
            # "on Oct. 12, the day before the crash": in apposition, that same date.
            day, precision = self.last
            found = self.mention(text, start, end, day, precision, ANCHOR_PREVIOUS, day)
        elif kind == "clause" or (kind == "phrase" and self.last is None):
            # "signed a declaration, a day after a summit": with no date told before, the
            # summit's is not the story's either
            found = DateMention(text, start, end, None, None, None)
        elif _comes_after(self.doc, start, end):
            # "The talks came three days after their trilateral meeting": the talks are the
            # happening last dated (else the story's own), the meeting three days before;
            # what "came" is no later than the story ("The truce will begin Saturday. The
            # agreement comes two days after ...": the agreement is not Saturday's).
            if self.last is not None and self.last[0] <= self.ref:
                day, precision = self.last
                found = self.mention(text, start, end, day, precision, ANCHOR_PREVIOUS, day)
            else:
                found = self.relative(text, start, end, self.ref, DAY)
        else:
            found = anaphora()
        return dataclasses.replace(found, hangs_on=span, offset=offset)

    def _ahead(self, m, text, start, end):
        """ "in one week's time", "a week from now": from the story's own date."""
        n = _number(m["ahead_n"])
        if n is None:
            return DateMention(text, start, end, None, None, None)
        day, precision = _moved(self.ref, n, m["ahead_u"].lower().rstrip("s"))
        return self.relative(text, start, end, day, precision, True)

    def _inn(self, m, text, start, end):
        """ "The bonds will be redeemed in five years": ahead, but only for a future verb
        the phrase modifies ("the highest level in five years" is a span of time)."""
        n = _number(m["inn_n"])
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if n is None or span is None or span[0].head.pos_ not in ("VERB", "AUX"):
            return None
        if _tense(self.doc, start, end) not in ("future", "nearest"):
            return None  # ("agreed to sign in six months" is "nearest": ahead of the agreeing)
        day, precision = _moved(self.ref, n, m["inn_u"].lower().rstrip("s"))
        return self.relative(text, start, end, day, precision, True)

    def _nthday(self, m, text, start, end):
        """ "the second day of the three-day gathering": hangs on the gathering, one day on.
        "It is the second day of the offensive" is the story's day; in the past tense, one
        day on from the last date mentioned (the opening, as a rule)."""
        word = m["nthday_n"].lower()
        _kind, span = _hung_span(self.doc, end)
        n = _ORDINAL_DAYS.get(word) or (int(word[:-2]) if word[:1].isdigit() else None)
        if n is None and span is not None:  # "the final day of the three-day summit"
            length = re.search(rf"\b({_NUM})[\s-]+day\b", self.text[span[0] : span[1]], re.I)
            n = _number(length[1]) if length else None
        found = DateMention(text, start, end, None, None, None)
        if n:
            tense = _tense(self.doc, start, end)
            if tense == "present":
                found = self.relative(text, start, end, self.ref, DAY)
            elif tense == "past" and self.last is not None:
                found = self.previous(
                    text, start, end, DAY, lambda d: d + datetime.timedelta(days=n - 1)
                )
                if found.value and found.first_day > self.ref:
                    # "announced on the third day of talks" after "said today": today is
                    # the third day; a past event does not lie after the story's day.
                    found = self.relative(text, start, end, self.ref, DAY)
        return dataclasses.replace(found, hangs_on=span, offset=(n - 1, "day") if n else None)

    def _nth(self, m, text, start, end):
        """ "The vote is set for the 21st", "talks broke down on the 3rd": that day of the
        story's month, or of the month before or after, as the tense says."""
        dom = int(m["nth_d"])
        if not 1 <= dom <= 31 or not _NTH_CUE.search(self.text, max(0, start - 8), start):
            return None
        this_month = self.ref.replace(day=1)
        options = [
            d for k in (-1, 0, 1)
            if (d := _safe_date(*(lambda f: (f.year, f.month))(_add_months(this_month, k)), dom))
        ]  # fmt: skip
        tense = self._tense(start, end)
        day = _pick(options, self.ref, tense, horizon=31, firm=self._firm(start, end))
        return self.relative(text, start, end, day, DAY, tense == "future")

    def _pair(self, m, text, start, end):
        return self._two_days(m, "pair")

    def _dpair(self, m, text, start, end):
        return self._two_days(m, "dpair")

    def _two_days(self, m, group):
        """ "on April 24 and 25", "24-25 April 2012": two days, two mentions."""
        month = _month_number(m[group + "_m"])
        first_day, second_day = int(m[group + "_d1"]), int(m[group + "_d2"])
        if not 1 <= first_day < second_day <= 31:
            return None
        start, split, end = m.start(group), m.end(group + "_d1"), m.end(group)
        second_start = m.start(group + "_d2")
        first = self._month_day(
            self.text[start:split], start, split, month, first_day, m[group + "_y"], None
        )
        if first is None or first.value is None:
            return first
        day = _safe_date(int(first.value[:4]), month, second_day)
        anchor_day = datetime.date.fromisoformat(first.anchor_value) if first.anchor_value else None
        second = self.mention(
            self.text[second_start:end], second_start, end, day, DAY, first.anchor, anchor_day,
            first.future,
        )  # fmt: skip
        return [first, second]

    def _same(self, m, text, start, end):
        unit = (m["same_u"] or "day").lower()  # "later in the day", "hours later"
        need = {"month": MONTH, "year": YEAR}.get(unit, DAY)
        return self.previous(text, start, end, need, lambda d: d)

    def _next(self, m, text, start, end, unit=None, sign=None):
        if unit is None:
            unit = m["next_u"].lower()
            sign = 1 if m["next_dir"].lower() in ("next", "following") else -1
        if unit == "month":
            return self.previous(text, start, end, MONTH, lambda d: _add_months(d, sign))
        if unit == "year":
            return self.previous(
                text, start, end, YEAR, lambda d: datetime.date(d.year + sign, 1, 1)
            )
        return self.previous(text, start, end, DAY, lambda d: d + datetime.timedelta(sign))

    def _dayof(self, m, text, start, end):
        sign = 1 if m["dayof_dir"].lower() == "after" else -1
        return self._hanging(
            text,
            start,
            end,
            (sign, "day"),
            lambda: self.previous(text, start, end, DAY, lambda d: d + datetime.timedelta(sign)),
        )

    def _spelled(self, m, text, start, end):
        year = _spelled_year(m["spelled_y"] or m["spelled_m"])
        if year is None or not 1500 <= year <= 2099:
            return None
        return self._absolute(text, start, end, datetime.date(year, 1, 1), YEAR)

    def _theyear(self, m, text, start, end):
        year = self.ref.year
        ended = self.ref.day <= 2 or _END_OF.search(self.text, max(0, start - 12), start)
        if (
            self.ref.month == 1
            and ended
            and "current" not in text
            and "present" not in text
            and _tense(self.doc, start, end) == "past"
        ):
            # "closed 4 percent up for the year" on 1 January, "did not reach agreement before
            # the end of the year" in January: the year just ended
            year -= 1
        return self.relative(text, start, end, datetime.date(year, 1, 1), YEAR)

    def _yearago(self, m, text, start, end):
        return self.relative(text, start, end, datetime.date(self.ref.year - 1, 1, 1), YEAR)

    def _year(self, m, text, start, end):
        year = int(m["year_y"])
        if _COPYRIGHT.search(self.text, max(0, start - 12), start):
            return None
        if _NUMBER_LABEL.search(self.text, max(0, start - 14), start) or _CLOCK_AFTER.match(
            self.text, end
        ):
            return None
        if _LABEL_YEAR.search(self.text, max(0, start - 14), start):
            return None  # "resolution 2254 (2015)": the year is part of the document's name
        if not m["year_fiscal"] and not self._looks_like_year(m, year):
            return None
        return self._absolute(text, start, end, datetime.date(year, 1, 1), YEAR)

    def _yy(self, m, text, start, end):
        """ "in '88", "the '89 model": a year of the century that puts it at most ten years
        after the story ("'05" in a 1990 story is 1905, in a 2012 story 2005)."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        dated = span is not None and len(span) and span[-1].ent_type_ == "DATE"
        if not dated and not _SHORT_YEAR_CUE.search(self.text, max(0, start - 20), start):
            return None
        day = datetime.date(_short_year(m["yy_y"], self.ref), 1, 1)
        return self._absolute(text, start, end, day, YEAR)

    def _looks_like_year(self, m, year):
        """ "in 1998" is a year; "1998 troops" or "$1998" are not."""
        span = self.doc.char_span(m.start("year_y"), m.end("year_y"), alignment_mode="expand")
        label = span[0].ent_type_ if span is not None and len(span) else ""
        if label == "DATE":
            return True
        cue = _YEAR_CUE.search(self.text, max(0, m.start() - 20), m.start())
        if cue:
            return True
        if label in ("CARDINAL", "MONEY", "QUANTITY", "PERCENT", "ORG", "PRODUCT", "FAC"):
            return False
        return 1900 <= year <= 2099


# "November or December": a month with another as the alternative.
_OR_ANOTHER_MONTH = re.compile(rf"[ ]+or[ ]+(?:early[ ]+|late[ ]+|mid-?)?(?i:{_MONTH_FULL})\b")
_ANOTHER_MONTH_OR = re.compile(rf"(?i:{_MONTH_FULL})[ ]+or[ ]+(?:early[ ]+|late[ ]+|mid-?)?$")


def one_of_two_months(text: str, start: int, end: int) -> bool:
    """Whether the month at `text[start:end]` is one of two ("would resume in early November
    or December"): each month is itself, but a happening told so is dated only to the year.
    `one_of_two_months("in November or December", 3, 11)` is True."""
    return bool(
        _OR_ANOTHER_MONTH.match(text, end)
        or _ANOTHER_MONTH_OR.search(text[max(0, start - 30) : start])
    )


_A_WEEK = re.compile(
    r"\b(?:(?P<back>last|past|previous|prior)|(?P<ahead>next|coming)|this|current)\s+week$", re.I
)


def week_of(mention: DateMention) -> tuple[datetime.date, datetime.date] | None:
    """The Monday and Sunday of the week "next week" or "last week" names, which its value
    gives only as the month holding its working days; None for any other mention.

    >>> week_of(DateMention("next week", 0, 9, "2019-01", "month", "published", "2019-01-16"))
    (datetime.date(2019, 1, 21), datetime.date(2019, 1, 27))
    """
    m = _A_WEEK.search(mention.text)
    if m is None or mention.anchor != "published" or not mention.anchor_value:
        return None
    ref = datetime.date.fromisoformat(mention.anchor_value)
    offset = -1 if m["back"] else 1 if m["ahead"] else 0
    monday = _monday_of(ref, offset)
    return monday, monday + datetime.timedelta(days=6)


def _monday_of(day: datetime.date, offset: int) -> datetime.date:
    """The Monday of the week `offset` weeks from `day`'s (-1: last week, 1: next week)."""
    return day + datetime.timedelta(days=7 * offset - day.weekday())


def find_dates(
    doc,
    published: datetime.date,
    *,
    dateline: DateMention | None = None,
    captioned: Callable[[int], bool] | None = None,
) -> list[DateMention]:
    """Every date expression in `doc`, in text order, placed on the calendar when it can be.

    `published` anchors deictic words ("Friday", "yesterday") unless `dateline` has a day.
    `captioned(offset)` says whether an offset lies in a photo's caption (by default: a line
    of `doc` with a photo credit).
    In a CNN story of Friday 2012-12-28:

    >>> find_dates(nlp("Russia said Friday it invited Khatib."), datetime.date(2012, 12, 28))
    [DateMention(text='Friday', start=12, end=18, value='2012-12-28', precision='day', \
anchor='published', anchor_value='2012-12-28', future=False, hangs_on=None, offset=None, \
earlier=False)]
    """
    text = doc.text
    ent_spans = [(e.start_char, e.end_char, e) for e in doc.ents if e.label_ == "DATE"]
    # A bare month name needs a cue or spaCy's agreement: "in June", not "May I".
    ent_starts = {t.idx for e in doc.ents if e.label_ == "DATE" for t in e}
    resolver = _Resolver(doc, published, dateline, ent_starts, captioned)
    mentions: list[DateMention] = []
    rejected: list[tuple[int, int]] = []  # "May I": not for dateparser either
    # The dateline is one of the story's dates, whatever the regex makes of it ("(NOVEMBER
    # 20, 2012)" in capitals), and the last date mentioned once the text reaches it.
    pending = dateline if dateline is not None and dateline.value else None
    if pending is not None:
        mentions.append(pending)
    for m in _DATE_RE.finditer(text):
        if pending is not None and m.end() > pending.start:
            resolver.last, resolver.last_end = (pending.first_day, pending.precision), pending.end
            pending = None
        if dateline is not None and m.start() < dateline.end and dateline.start < m.end():
            continue
        found = resolver.resolve(m)
        if found is None:
            rejected.append((m.start(), m.end()))
        elif isinstance(found, list):
            mentions.extend(found)
        else:
            mentions.append(found)
    mentions.extend(_leftover_entities(ent_spans, mentions, rejected, resolver))
    mentions.sort(key=lambda d: d.start)
    return _one_range(text, _hang_on_inner_dates(mentions))


_RANGE_OPENING = re.compile(r"\b(?:between|from)\s+$", re.IGNORECASE)
_RANGE_JOIN = re.compile(r"^\s*(?:and|to|until|till|through|-|–|—)\s*$")


def _one_range(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """ "will travel between November 8 and November 20" in a story of 9 November: a range
    does not end before it starts, so its first day, with no year written, is in the last
    one's year (2018-11-08, not 2019-11-08), or the year before it."""
    for i in range(len(mentions) - 1):
        first, last = mentions[i], mentions[i + 1]
        if (
            first.precision != DAY
            or last.precision != DAY
            or not first.value
            or not last.value
            or first.value <= last.value
            or first.anchor == ANCHOR_ABSOLUTE
            or not _RANGE_JOIN.match(text[first.end : last.start])
            or not _RANGE_OPENING.search(text[max(0, first.start - 12) : first.start])
        ):
            continue
        year = int(last.value[:4])
        for moved in (f"{year}{first.value[4:]}", f"{year - 1}{first.value[4:]}"):
            if moved <= last.value:  # ("from December 28 to January 5": the year before)
                mentions[i] = dataclasses.replace(first, value=moved)
                break
    return mentions


def _hang_on_inner_dates(mentions: list[DateMention]) -> list[DateMention]:
    """ "two days after the talks opened on Monday", "the day before last Tuesday's vote":
    an expression hanging on words that carry a date is measured from that date."""
    for i, mention in enumerate(mentions):
        if mention.hangs_on is None:
            continue
        start, end = mention.hangs_on
        inner = next((d for d in mentions if d.value and start <= d.start and d.end <= end), None)
        if inner is not None:
            mentions[i] = resolve_hanging(mention, inner)
    return mentions


def _leftover_entities(ent_spans, mentions, rejected, resolver):
    """spaCy DATE entities the regex did not cover: resolved by dateparser when calendar-like."""
    covered = [(d.start, d.end) for d in mentions] + rejected
    for start, end, ent in ent_spans:
        if any(s < end and start < e for s, e in covered):
            continue
        words = ent.text.strip()
        if _DURATION.match(words) or "old" in words.lower().split() or "age" in words.lower():
            continue
        value = precision = None
        if _HAS_CALENDAR.search(words):
            value, precision = _dateparser_value(words, resolver.ref.isoformat())
        if value is None:
            yield DateMention(words, start, start + len(words), None, None, None)
        else:
            yield DateMention(
                words,
                start,
                start + len(words),
                value,
                precision,
                resolver.ref_kind,
                resolver.ref.isoformat(),
                value > iso_at_precision(resolver.ref, precision),
            )


@functools.lru_cache(maxsize=4096)
def _dateparser_value(words: str, anchor_iso: str) -> tuple[str | None, str | None]:
    """dateparser for the rare form the regex does not know, e.g. "the 28th of last month"."""
    from dateparser.date import DateDataParser  # slow to import: only when needed

    anchor = datetime.datetime.fromisoformat(anchor_iso)
    parser = DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": anchor,
            "PREFER_DATES_FROM": "past",
            "PREFER_DAY_OF_MONTH": "first",
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )
    data = parser.get_date_data(words)
    if data is None or data.date_obj is None:
        return None, None
    precision = {"day": DAY, "month": MONTH, "year": YEAR}.get(data.period)
    if precision is None:
        return None, None
    return iso_at_precision(data.date_obj.date(), precision), precision


# Datelines and page headers are often in capitals: "(NOVEMBER 20, 2012)".
_MONTH_ANY_CASE = rf"(?i:(?:{_MONTH_FULL})\b|(?:{_MONTH_ABBR})(?:\.|\b))"
_WEEKDAY_ANY_CASE = r"(?i:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?)"
_FULL_DATE = (
    rf"(?P<m>{_MONTH_ANY_CASE})[ ]*(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?[ ]+(?P<y>(?:19|20)\d\d)"
    rf"|(?P<d2>[0-3]?\d)[ ]+(?P<m2>{_MONTH_ANY_CASE}),?[ ]+(?P<y2>(?:19|20)\d\d)"
)
_PLACE = r"[A-Z][A-Z.'\-]+(?:[ ][A-Z][A-Z.'\-]+){0,3}(?:,[ ]+[A-Z][A-Za-z.]+(?:[ ][A-Z][A-Za-z.]+){0,2})?"
# A dateline's town in capitals and its country ("DAMASCUS, Syria"), and its day ("Dec. 28",
# "28 December 2012"): shared by the wire's and the newspaper's datelines below.
_DATELINE_PLACE = r"""^[ \t]*(?P<place>[A-Z][A-Z.'\-]+(?:[ ][A-Z][A-Z.'\-]+){0,3})
    (?:,[ ]+[A-Z][A-Za-z.]+(?:[ ][A-Z][A-Za-z.]+){0,2})?
    (?:/[A-Z][A-Z.'\-]+(?:[ ][A-Z][A-Z.'\-]+){0,2})*"""
_DATELINE_DAY = rf"""(?P<date>(?P<m>{_MONTH_ANY_CASE})[ ]*(?P<d>[0-3]?\d)(?:,?[ ]+(?P<y>(?:19|20)\d\d))?
      |(?P<d2>[0-3]?\d)[ ]+(?P<m2>{_MONTH_ANY_CASE})(?:[ ]+(?P<y2>(?:19|20)\d\d))?)"""
_DATELINE_RE = re.compile(
    rf"""{_DATELINE_PLACE}
    (?:,[ ]+{_DATELINE_DAY})?
    [ ]*\((?P<agency>[A-Za-z][A-Za-z\-/ ]{{1,24}})\)(?:[ ]*(?:--|—|–|-|_|:)|[ ]+(?=[A-Z"“]))""",
    re.VERBOSE | re.MULTILINE,
)


# A newspaper's dateline: a place in capitals and a day, no wire's name, then a dash:
# "NAIROBI, Aug. 10—American investigators began ...", "WASHINGTON, March 3 -- The Senate".
_DATED_PLACE_RE = re.compile(
    rf"""{_DATELINE_PLACE}
    ,[ ]+{_DATELINE_DAY}
    [ ]*(?:--|—|–|-|_)[ ]*(?=[A-Z"“])""",
    re.VERBOSE | re.MULTILINE,
)


# A line opening with a full date, after a place or a weekday, and closing or going on to a
# time or a dash: "UNITED NATIONS Thu Jul 10, 2014 3:55pm EDT", "May 4, 2017 — 16:17",
# "GENEVA, 20 November 2012 – The Security Council ...".
_HEADER_DATE_RE = re.compile(
    rf"""^[ \t]*(?:{_PLACE},?[ ]+)?(?:{_WEEKDAY_ANY_CASE},?[ ]+)?(?P<date>{_FULL_DATE})
    (?=[ \t]*(?:(?:[-–—|,][ \t]*)?\d{{1,2}}:\d\d|[-–—]|$))""",
    re.VERBOSE | re.MULTILINE,
)
# "(NOVEMBER 20, 2012)": a full date in brackets.
_BRACKET_DATE_RE = re.compile(rf"\((?P<date>{_FULL_DATE})\)")


def dateline_span(text: str) -> tuple[int, int] | None:
    """Where a wire dateline opening the story is, with or without a date.

    >>> dateline_span("DAMASCUS, Syria (AP) — The envoy met ...")
    (0, 22)
    """
    m = (
        _DATELINE_RE.search(text, 0, 1500)
        or _DATED_PLACE_RE.search(text, 0, 1500)
        or _COLON_DATELINE_RE.search(text, 0, 1500)
        or _CASED_DATELINE_RE.search(text, 0, 1500)
        or next((m for m in _DASHED_TOWN_RE.finditer(text, 0, 1500) if m["town"] in _TOWNS), None)
        or next(
            (
                b
                for b in _BARE_DATELINE_RE.finditer(text, 0, 1500)
                if not _LABELS.intersection(b["place"].split())
                # a colon: above it only a headline, captions and such, not "KERRY: We
                # agreed" in a transcript after the lede
                and (
                    ":" not in b.group(0)
                    or all(len(p.split()) <= 30 for p in text[: b.start()].split("\n\n"))
                )
            ),
            None,
        )
    )
    return (m.start(), m.end()) if m else None


# A place in capitals, or two, and a colon or a dash opening a paragraph, nothing else:
# "OSLO/HURDAL: Colombia's government ...", "BEIRUT - Syria's army ...". Not a label.
_BARE_DATELINE_RE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][A-Z.'\-]{2,}(?:[ ][A-Z][A-Z.'\-]+){0,2})(?:/[A-Z][A-Z.'\-]+(?:[ ][A-Z]+)?)*"
    r"[ ]*(?::|--|—|–|-)[ ]+(?=[A-Z\"“])",
    re.MULTILINE,
)
_LABELS = frozenset(
    [
        "BREAKING",
        "UPDATE",
        "UPDATED",
        "WATCH",
        "EXCLUSIVE",
        "ANALYSIS",
        "OPINION",
        "EDITORIAL",
        "VIDEO",
        "PHOTOS",
        "LIVE",
        "READ",
        "MORE",
        "NOTE",
        "CORRECTION",
        "FILE",
        "SEE",
        "ALSO",
        "RELATED",
        "ADVERTISEMENT",
        "COMMENT",
        "INTERVIEW",
    ]
)


# "Havana, Cuba (CNN) Colombia's government ...": a town in ordinary capitals and a wire's
# name in brackets, with no dash after it (CNN's style since 2015).
_WIRES = r"(?:CNN|AP|AFP|Reuters|Xinhua|UPI|dpa|ANI|IANS|PTI|TASS|Sputnik|Anadolu|IRNA|KUNA)"
_CASED_DATELINE_RE = re.compile(
    r"^[ \t]*[A-Z][a-z]+(?:[ \-][A-Z][a-z]+){0,2}(?:,[ ]+[A-Z][A-Za-z.]+(?:[ ][A-Z][A-Za-z.]+){0,2})?"
    # "Addis Ababa, January 23, 2014 (SSNA) —": the day filed
    rf"(?:,[ ]+{_DATELINE_DAY})?"
    # "(Reuters) -", a smaller agency's initials and a dash ("(SSNA) —"), or between bars:
    # "Abuja, Nigeria | Xinhua |"
    rf"(?:[ ]*\({_WIRES}\)[ ]*(?:--|—|–|-|_|:)?|[ ]*\([A-Z]{{2,6}}\)[ ]*(?:--|—|–|-|_)"
    rf"|[ ]*\|[ ]*{_WIRES}[ ]*\|)[ ]*",
    re.MULTILINE | re.VERBOSE,
)


# "Nairobi — The Ethiopian government and Tigrayan forces ...": a known town in ordinary
# capitals (and its country) before a long dash, opening a paragraph.
_DASHED_TOWN_RE = re.compile(
    r"^[ \t]*(?P<town>[A-Z][a-z]+(?:[ \-][A-Z][a-z]+){0,2})(?:,[ ]+[A-Z][A-Za-z.]+(?:[ ][A-Z][A-Za-z.]+){0,2})?"
    r"[ ]+(?:—|–|--)[ ]+(?=[A-Z\"“])",
    re.MULTILINE,
)
_TOWNS = frozenset(
    town for _country, _aliases, towns, _demonyms in gazetteer.COUNTRIES for town in towns
)


# "Kiruna, Sweden: US Secretary of State John Kerry ...": a town and its country before a
# colon, opening a paragraph (the Indian wires' and NDTV's style).
_COLON_DATELINE_RE = re.compile(
    r"^[ \t]*[A-Z][a-zA-Z.'\-]+(?:[ ][A-Z][a-zA-Z.'\-]+){0,2},[ ]+[A-Z][a-zA-Z.]+"
    r"(?:[ ][A-Z][a-zA-Z.]+){0,2}:[ ]+(?=[A-Z\"“])",
    re.MULTILINE,
)


DATELINE_PREFIX = re.compile(
    r"""^\s*(?:[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3}|[A-Z][a-z]+)
    (?:,\s*[A-Z][\w.]+(?:\s+[A-Z][\w.]+){0,2})?
    (?:/[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,2})*
    (?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}))?
    \s*(?:\([^()]{1,30}\))?\s*(?:--|—|–|-|:)\s*(?=[A-Z"“])""",
    re.VERBOSE,
)


def dateline_prefix(text: str) -> int:
    """How many characters of a paragraph's first sentence are its dateline: "BEIRUT - UN
    observers ..." -> 9; "Tripoli: The envoy ..." -> 9; 0 without one."""
    span = dateline_span(text[:80])
    if span is not None and span[0] == len(text) - len(text.lstrip()):
        return span[1]  # "Havana, Cuba (CNN) Colombia's government ...": a wire's dateline
    match = DATELINE_PREFIX.match(text)
    if match is None or len(match.group(0)) > 60:
        return 0
    head = match.group(0).split("(")[0].split(",")[0].strip(" -—–:")
    if not head.isupper() and not match.group(0).rstrip().endswith(":"):
        return 0  # "Sergey Lavrov - the minister ..." is no dateline
    return match.end()


def find_dateline(text: str, published: datetime.date | None = None) -> DateMention | None:
    """The date of a wire dateline opening the story, offsets into `text`; failing that,
    of a page header or a bracketed date heading it (see `_dated_header`).

    >>> find_dateline("MOSCOW, Dec 29 (Reuters) - ...", datetime.date(2012, 12, 30))
    DateMention(text='Dec 29', start=8, end=14, value='2012-12-29', precision='day', \
anchor='published', anchor_value='2012-12-30', future=False, hangs_on=None, offset=None, \
earlier=False)

    A dateline without a date ("BEIRUT, Lebanon (AP) —") gives None: the story's
    own date is then the publication date.
    """
    m = _DATELINE_RE.search(text, 0, 1500)
    if m is None or m["date"] is None:
        m = _DATED_PLACE_RE.search(text, 0, 1500)
    if m is None:
        return _dated_header(text, published)
    month = _month_number(m["m"] or m["m2"])
    dom = int(m["d"] or m["d2"])
    year = m["y"] or m["y2"]
    start, end = m.start("date"), m.end("date")
    if year is not None:
        day = _safe_date(int(year), month, dom)
        if day is None:
            return None
        return DateMention(m["date"], start, end, day.isoformat(), DAY, ANCHOR_ABSOLUTE)
    if published is None:
        return None
    options = [_safe_date(y, month, dom) for y in (published.year, published.year - 1)]
    options = [d for d in options if d is not None and d <= published]
    if not options:
        return None
    return DateMention(
        m["date"], start, end, options[0].isoformat(), DAY, ANCHOR_PUBLISHED, published.isoformat()
    )


def _dated_header(text: str, published: datetime.date | None) -> DateMention | None:
    """A full date heading the story other than in a wire dateline: a page header with a
    place or a time ("UNITED NATIONS Thu Jul 10, 2014 3:55pm EDT"), or a date in brackets
    in capitals or after a place ("(NOVEMBER 20, 2012)", "GENEVA (20 November 2012) -").
    A caption's "(1 February 2013)" in a sentence is not one, nor is a date more than a
    week before publication or after it.

    >>> _dated_header("Statement on Syria\\n\\n(NOVEMBER 20, 2012)\\n\\nThe Council", None).value
    '2012-11-20'
    """
    found = []
    header = _HEADER_DATE_RE.search(text, 0, 1500)
    if header is not None:
        found.append(header)
    for m in _BRACKET_DATE_RE.finditer(text, 0, 1500):
        line_start = text.rfind("\n", 0, m.start()) + 1
        before = text[line_start : m.start()].strip()
        month = m["m"] or m["m2"]
        if month.isupper() or not before or re.fullmatch(_PLACE, before):
            found.append(m)
            break
    for m in sorted(found, key=lambda m: m.start()):
        day = _safe_date(
            int(m["y"] or m["y2"]), _month_number(m["m"] or m["m2"]), int(m["d"] or m["d2"])
        )
        if day is None:
            continue
        if published is not None and not -7 <= (day - published).days <= 1:
            continue
        return DateMention(
            m["date"], m.start("date"), m.end("date"), day.isoformat(), DAY, ANCHOR_ABSOLUTE
        )
    return None
