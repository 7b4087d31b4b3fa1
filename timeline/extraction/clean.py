"""Turn a file as read (plain text or HTML) into the text worth analysing.

Pure Python, no Django. `load_document(data, filename)` decodes the bytes, strips page
furniture (cookie banners, video blocks, share lines, related-story lists, footers)
and returns a `Document` whose `to_source()` maps every offset of the clean `text`
back into `source`, the decoded file exactly as read, so events can point into it.

>>> doc = load_document(b"Cookie consent\\n\\nRussia said Friday it invited al-Khatib.\\n")
>>> doc.text
'Russia said Friday it invited al-Khatib.'
>>> doc.source[doc.to_source(0)]
'R'
"""

from __future__ import annotations

import bisect
import codecs
import datetime
import email.utils
import html.entities
import json
import re
from collections import Counter
from dataclasses import dataclass, field

from timeline.extraction.dates import dateline_span

__all__ = [
    "Document",
    "UnreadableArticle",
    "clean_text",
    "detect_language",
    "html_to_text",
    "load_document",
]


class UnreadableArticle(ValueError):
    """The file cannot be analysed; the message says why in one human sentence."""


# A piece of text mapped to the source: (text_start, source_start, source_end, copied).
# When `copied`, text[text_start + k] is source[source_start + k]; otherwise the piece
# was inserted or decoded (a separator, "&amp;" -> "&") and all of it maps to source_start.
Segment = tuple[int, int, int, bool]


@dataclass(slots=True)
class Document:
    """An article ready for analysis, with a map from `text` back into `source`."""

    source: str
    text: str
    title: str = ""
    published: datetime.date | None = None
    published_how: str = ""
    language: str = "und"
    outlet: str = ""
    url: str = ""
    removed: list[tuple[int, int]] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list, repr=False)
    _starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        if not self.segments and self.text:
            # Text given without a map: it is the source itself.
            self.segments = [(0, 0, len(self.text), True)]
        self._starts = [seg[0] for seg in self.segments]

    def _segment(self, offset: int) -> Segment:
        k = bisect.bisect_right(self._starts, offset) - 1
        return self.segments[max(k, 0)]

    def to_source(self, offset: int) -> int:
        """Offset in `source` of `text[offset]`; `len(text)` maps to the end of the last piece."""
        if not self.segments:
            return 0
        if offset >= len(self.text):
            return self.segments[-1][2]
        text_start, source_start, _, copied = self._segment(offset)
        return source_start + (offset - text_start) if copied else source_start

    def to_source_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of `source` that `text[start:end]` came from."""
        if end <= start:
            at = self.to_source(start)
            return at, at
        text_start, source_start, source_end, copied = self._segment(end - 1)
        last = source_start + (end - text_start) if copied else source_end
        return self.to_source(start), last

    def is_copied(self, offset: int) -> bool:
        """True when `text[offset]` is the very character at `source[to_source(offset)]`."""
        return bool(self.segments) and 0 <= offset < len(self.text) and self._segment(offset)[3]


# ---------------------------------------------------------------------------------------
# Lines: the unit the furniture rules judge, for plain text and HTML alike.


@dataclass(slots=True)
class _Line:
    text: str
    pieces: list[Segment]  # text_start relative to the line
    para_start: bool = True
    bullet: bool = False

    @property
    def span(self) -> tuple[int, int]:
        return self.pieces[0][1], self.pieces[-1][2]

    def prefix(self, n: int) -> _Line:
        """The line's first `n` characters, mapped to the source where they were copied."""
        start, src_start, src_end, copied = self.pieces[0]
        end = src_start + n if copied and n <= src_end - src_start else src_end
        return _Line(self.text[:n], [(0, src_start, end, copied)], self.para_start, self.bullet)

    def split_at(self, n: int) -> tuple[_Line, _Line]:
        """The line before character `n` (trailing spaces dropped) and from `n` on."""
        head = self.text[:n].rstrip()
        pieces = []
        for start, src_start, src_end, copied in self.pieces:
            if start >= len(head):
                break
            if copied and src_end - src_start > len(head) - start:
                src_end = src_start + len(head) - start
            pieces.append((start, src_start, src_end, copied))
        tail = self.without_prefix(n)
        return _Line(head, pieces, self.para_start, self.bullet), tail

    def without_prefix(self, n: int) -> _Line:
        """The line minus its first `n` characters and the spaces after them."""
        rest = self.text[n:]
        n += len(rest) - len(rest.lstrip())
        pieces: list[Segment] = []
        for i, (start, src_start, src_end, copied) in enumerate(self.pieces):
            stop = self.pieces[i + 1][0] if i + 1 < len(self.pieces) else len(self.text)
            if stop <= n:
                continue
            if start < n:
                if copied:
                    src_start += n - start
                start = n
            pieces.append((start - n, src_start, src_end, copied))
        return _Line(self.text[n:], pieces, self.para_start, self.bullet)


_BULLET = re.compile(r"^[•·▪●◦‣*–—-]\s+")
# Bullets inside a line part the headlines of a row of links; prose has none.
_MID_BULLET = re.compile(r"\s[•▪●◦‣]\s")


def _plain_lines(source: str) -> list[_Line]:
    lines: list[_Line] = []
    pos = 0
    blank_before = True
    for raw in source.splitlines(keepends=True):
        content = raw.strip()
        if content:
            start = pos + len(raw) - len(raw.lstrip())
            line = _Line(content, [(0, start, start + len(content), True)], blank_before)
            if bullet := _BULLET.match(content):
                line = line.without_prefix(bullet.end())
                line.bullet = True
            lines.append(line)
            blank_before = False
        else:
            blank_before = True
        pos += len(raw)
    return lines


# ---------------------------------------------------------------------------------------
# Furniture rules. Each needs positive evidence; a line that matches none is kept.

_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
_ENDS_SENTENCE = re.compile(r"[.!?:;][\"'”’)\]]*$")
_DURATION_CAPTION = re.compile(r"^(?P<title>.*\S)\s+\(?(?:\d{1,2}:)?\d{1,2}:\d{2}\)?$")
_TIME_PREPOSITIONS = {"at", "until", "till", "by", "from", "to", "around", "about", "before"}
_FURNITURE_LINES = re.compile(
    r"""^(?:just\ watched|now\ playing|up\ next|watch|watch\ now|play|play\ video|video|
    replay|more\ videos|read\ more|see\ more|show\ more|load\ more|more|advertisement|ad|
    sponsored(?:\ content)?|skip\ to\ (?:main\ )?content|back\ to\ top|close|menu|search|
    image\ caption|media\ caption|image\ copyright|getty\ images|
    media\ playback\ is\ unsupported\ on\ your\ device|accept|accept\ all|reject\ all|
    i\ agree|got\ it|ok|manage\ (?:preferences|settings)|comments?(?:\ \(\d+\))?|
    listen|print|email|share|subscribe|follow(?:\ us)?|sign\ (?:up|in)|log\ in|
    register|\d{1,2}\ min(?:ute)?s?\ read|
    \[an\ error\ occurred\ while\ processing\ this\ directive\])[\s.:!]*$""",
    re.IGNORECASE | re.VERBOSE,
)
# Accessibility links atop a page, often run together: "Skip to navigationSkip to content".
_SKIP_LINK = re.compile(
    r"^skip\s+to\s+(?:the\s+)?(?:main\s+)?(?:content|navigation|footer|search|menu|main|article)",
    re.IGNORECASE,
)
# A site's or section's name on a line of its own: "Breaking News", "BBC News",
# "watch One-Minute World News" (a headline seldom ends in the capitalised word).
_SITE_LABEL = re.compile(r"^(?:[\w&.'’-]+\s+){0,3}News\s*$")
_YOU_ARE_HERE = re.compile(r"^you\s+are\s+(?:in|here)\s*:", re.IGNORECASE)  # a breadcrumb
_SHARE = re.compile(
    r"^(?:share|tweet|follow|subscribe|sign\ up|like\ us|join\ us|email\ this|"
    r"get\ (?:our|the)\ newsletter|download\ (?:our|the)\ app)\b",
    re.IGNORECASE | re.VERBOSE,
)
_SOCIAL = {
    "share", "this", "with", "on", "via", "facebook", "twitter", "x", "email", "e-mail",
    "whatsapp", "linkedin", "reddit", "pinterest", "messenger", "telegram", "instagram",
    "youtube", "flipboard", "sms", "print", "copy", "link", "comments", "google", "tumblr",
}  # fmt: skip
_TEASER_PREFIX = re.compile(
    # (after an arrow or a bullet: ">>Read: Policeman killed in Kyiv protests")
    r"^(?:(?:>+|»|›|►|▶|→|•)\s*)?"
    r"(?:read\ more|related|also\ read|read\ also|see\ also|read|watch|more)\s*:",
    re.I | re.X,
)
_IMAGE_CREDIT = re.compile(
    r"^(?:image\ (?:copyright|source)\b|(?:photo(?:graph)?|picture|credit)\s*:)", re.I | re.X
)
_ALT_RESIDUE = re.compile(r"^alt(?=[A-Z][a-z])")
# An icon font's ligature name left before the text ("text_fieldsKabul: ...", "share_icon")
_ICON_RESIDUE = re.compile(r"^[a-z]+(?:_[a-z]+)+(?=[A-Z])")
_MONTH_NAME = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# A date stamp with no space before the text that follows it: "March 27, 2012A spokesman"
_GLUED_STAMP = re.compile(
    rf"^(?:{_MONTH_NAME}\s+\d{{1,2}},?\s+|\d{{1,2}}\s+{_MONTH_NAME},?\s+)(?:19|20)\d\d"
    r"(?=[A-Z](?:[a-z]|\s))"
)
_BYLINE_BEFORE_DATELINE = re.compile(
    r"^By\s+(?:[A-Z][\w'’.-]+\s+){1,4}?(?=[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+)*,?[^()\n]{0,40}\()"
)
# A photo credit closing a caption: "Image Credit: Reuters", "Picture: Jane Doe/ Pool/ AFP",
# "... in Astana, Jan. 23, 2017. Sergei Grits / AP", "... [Alexei Nikolsky/Kremlin via Reuters]".
_TRAILING_CREDIT = re.compile(
    r"""(?:\s\((?:(?:AP|AFP|Reuters|EPA|Xinhua|Getty)\ )?photo(?:graph)?\s*(?:/|:|by\b)[^()]{0,80}\)
      |\s(?:image\ credit|photo(?:graph)?\ credit|photo(?:graph)?|picture|credit)\s*:
        \s*[^.:!?]{0,60}
      |(?<=[.!?”"])\s+(?:[A-Z][\w.'’-]*\ ){1,3}?[A-Z][\w.'’-]*\s*/\s*[A-Z][\w.'’ -]{1,30}
        (?:/\s*[A-Z][\w.'’ -]{1,30}){0,2}
      |\s\[[A-Z][\w.&'’\ -]{1,40}/[\w.&'’\ -]{1,40}\])$""",
    re.IGNORECASE | re.VERBOSE,
)
# A photo credit opening a caption, set off by a bar: "Habibou Kouyate, AFP | Sidi Brahim
# Ould Sidati signs the accord ..." (France 24's captions).
_LEADING_CREDIT = re.compile(
    r"""^(?:(?:[A-Z][\w.'’-]*\ ){0,3}[A-Z][\w.'’-]*,\s*)?
    (?:AFP|AP|Reuters|EPA|Getty\ Images|Getty|Xinhua|Anadolu(?:\ Agency)?|DPA|Pool|File)
    (?:\s*/\s*[A-Z][\w.'’ -]{1,30})?\s*\|\s*(?=\S)""",
    re.VERBOSE,
)
_CAPTION_LABEL = re.compile(r"^(?:image|media|video)\ caption\b\s*:?\s*", re.I | re.X)
_COOKIE = re.compile(
    r"""we\ use\ cookies|uses\ cookies|use\ of\ cookies|cookies?\ (?:policy|settings|
    preferences|notice|consent)|accept\ (?:all\ )?cookies|by\ (?:continuing|using)\ """,
    re.IGNORECASE | re.VERBOSE,
)
_COPYRIGHT = re.compile(
    r"©|\(c\)\s*(?:19|20)\d\d|copyright\s+(?:19|20)\d\d|all\ rights\ reserved", re.I | re.X
)
_DISCLAIMER = re.compile(
    r"""not\ responsible\ for\ the\ content\ of\ external|best\ viewed\ (?:in|with)|
    upgrad(?:e|ing)\ your\ browser|(?:enable|enabling)\ (?:javascript|style\ sheets)|
    javascript\ is\ (?:disabled|required)|outdated\ browser""",
    re.IGNORECASE | re.VERBOSE,
)
# Legal links: furniture as a short footer line, news when a sentence mentions them.
_LEGAL_LINKS = re.compile(
    r"terms\ (?:of|and)\ (?:use|service|conditions)|privacy\ (?:policy|notice)|"
    r"contact\ us|about\ us",
    re.IGNORECASE | re.VERBOSE,
)
# A share line names where to share or follow: "Follow @BBCWorld", "Share on Facebook".
_CHANNELS = _SOCIAL - {"this", "with", "on", "via"} | {
    "us",
    "newsletter",
    "updates",
    "alerts",
    "rss",
}
_STAMP = re.compile(
    r"^(?:updated|posted|published|last\ updated|first\ published|created|modified)\b",
    re.IGNORECASE | re.VERBOSE,
)
_DATE_WORDS = {
    "updated", "posted", "published", "last", "first", "on", "at", "am", "pm", "a.m", "p.m",
    "et", "est", "edt", "gmt", "utc", "bst", "cet", "cest", "pt", "pst", "pdt", "ct", "cst",
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "january", "february", "march", "april", "june", "july", "august", "september",
    "october", "november", "december", "mon", "tue", "tues", "wed", "thu", "thurs", "fri",
    "sat", "sun", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "hours", "hour", "minutes", "ago", "day", "days",
}  # fmt: skip
_RELATED_HEADING = re.compile(
    r"""^(?:more\ (?:on|about)\ (?:this|the)\ (?:story|topic)|more\ .{1,40}?\ (?:stories|
    news|videos|coverage|headlines)|more\ from\ .{1,40}|related(?:\ (?:stories|articles|
    content|links|topics|coverage|videos|internet\ links|news))?|see\ also|
    you\ (?:may|might)\ also\ (?:like|be\ interested\ in)|recommended(?:\ for\ you|
    \ stories|\ reading)?|most\ (?:read|popular|viewed|shared|watched)|top\ stories|
    elsewhere\ on\ .{1,30}|(?:around|from)\ the\ web|promoted\ (?:stories|content)|
    trending(?:\ now)?|don't\ miss|what\ to\ read\ next|read\ next|latest\ (?:news|stories)|
    editor's\ picks|features\ (?:&|and)\ analysis)[\s:.]*$""",
    re.IGNORECASE | re.VERBOSE,
)


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _is_sentence(text: str) -> bool:
    """Ends like a sentence and is long enough to be one."""
    return bool(_ENDS_SENTENCE.search(text)) and len(_words(text)) >= 6


def _is_title_like(text: str) -> bool:
    """Short, and not ending like a statement: a link text, heading or teaser."""
    words = _words(text)
    return 0 < len(words) <= 25 and not re.search(r"[.:;,][\"'”’)]*$", text)


def _is_tag_list(text: str) -> bool:
    """A page's sections or tags, comma-separated: "Globe, Latin America, United Kingdom".
    Three or more names of one to three capitalised words each, and nothing else."""
    items = [item.strip() for item in text.split(",")]
    return len(items) >= 3 and all(
        1 <= len(item.split()) <= 3
        and all(w[0].isupper() or w in ("and", "of", "&") for w in item.split())
        for item in items
    )


def _is_section_list(text: str) -> bool:
    """A site's sections in a row: "BBC NEWS Americas Africa Europe Middle East South Asia
    ...": ten words or more, every one capitalised, no punctuation and no little word (a
    headline in title case this long has an "In", "Of" or "To": "Peace Talks Collapse As
    Opposition Walks Out Of Geneva Meeting")."""
    words = text.split()
    return (
        len(words) >= 10
        and all(w[0].isupper() and w.isalpha() for w in words)
        and not any(w.lower() in _LITTLE_WORDS for w in words)
    )


_LITTLE_WORDS = frozenset(
    ["a", "an", "the", "in", "of", "as", "to", "for", "on", "at", "with", "after", "over", "by"]
    + ["is", "are", "and", "but", "or", "from", "into", "amid", "before", "than"]
)


def _is_byline(text: str) -> bool:
    words = _words(text)
    if not (2 <= len(words) <= 9) or words[0].lower() != "by" or _ENDS_SENTENCE.search(text):
        return False
    names = [w for w in words[1:] if w.lower() not in {"and", "in", "for", "de", "al", "van"}]
    capitalised = sum(w[0].isupper() for w in names)
    return bool(names) and capitalised / len(names) >= 0.75


def _is_timestamp(text: str) -> bool:
    words = _words(text)
    if not words or len(words) > 14 or not re.search(r"\d", text):
        return False
    dateish = sum(w.lower().rstrip(".") in _DATE_WORDS or w[0].isdigit() for w in words)
    return dateish == len(words) or (_STAMP.match(text) is not None and dateish >= len(words) - 2)


def _furniture(text: str) -> str:
    """Why a line is page furniture on its own, or "" when it is not."""
    n_words = len(_words(text))
    if _FURNITURE_LINES.match(text):
        return "label"
    if n_words <= 20 and _SKIP_LINK.match(text):
        return "navigation"
    if n_words <= 4 and _SITE_LABEL.match(text):
        return "label"
    if _is_tag_list(text) or _is_section_list(text) or _YOU_ARE_HERE.match(text):
        return "navigation"
    if "cookie" in text.lower() and (n_words <= 4 or _COOKIE.search(text)):
        return "cookie banner"
    if n_words <= 60 and _COPYRIGHT.search(text):
        return "copyright"
    if n_words <= 60 and _DISCLAIMER.search(text):
        return "footer"
    if n_words <= 8 and len(_LEGAL_LINKS.findall(text)) >= max(1, n_words // 4):
        return "footer"
    if (
        n_words <= 12
        and _SHARE.match(text)
        and not _ENDS_SENTENCE.search(text)
        and ("@" in text or any(w.lower() in _CHANNELS for w in _words(text)[1:]))
    ):
        return "share line"
    if n_words <= 12 and all(w.lower() in _SOCIAL for w in _words(text)):
        return "share line"
    if n_words <= 15 and _TEASER_PREFIX.match(text):
        return "read-more link"
    if n_words <= 8 and _IMAGE_CREDIT.match(text) and not _ENDS_SENTENCE.search(text):
        return "image credit"
    if text.count("|") >= 2 and n_words <= 4 * (text.count("|") + 1):
        return "navigation"
    if len(_MID_BULLET.findall(text)) >= 2:
        return "related links"  # "Off the wire: Headline one  • Headline two  • ..."
    if _is_byline(text) or _is_timestamp(text):
        return "byline"
    if _is_video_caption(text):
        return "video caption"
    return ""


def _is_video_caption(text: str) -> bool:
    """ "U.N. envoy pushes transitional plan in Syria 01:16": a title and a duration."""
    match = _DURATION_CAPTION.match(text)
    if not match:
        return False
    title_words = _words(match["title"])
    return (
        0 < len(title_words) <= 20
        and title_words[-1].lower() not in _TIME_PREPOSITIONS
        and not _ENDS_SENTENCE.search(match["title"])
    )


def _drop_furniture(lines: list[_Line]) -> tuple[list[_Line], list[_Line]]:
    """Split lines into (kept, dropped) by the line rules and their context."""
    drop = [bool(_furniture(line.text)) for line in lines]
    for i, line in enumerate(lines):
        text = line.text
        # The video title printed just above "<title> 01:16" or just under "Just Watched".
        nxt = lines[i + 1].text if i + 1 < len(lines) else ""
        after_watched = i > 0 and lines[i - 1].text.lower().strip(" :") == "just watched"
        if (nxt.startswith(text) and _is_video_caption(nxt) and len(nxt) > len(text)) or (
            after_watched and _is_title_like(text) and _is_video_caption(nxt)
        ):
            drop[i] = True
        # A related-stories heading and the teaser links under it, until real prose.
        if _RELATED_HEADING.match(text) and len(_words(text)) <= 8:
            drop[i] = True
            j = i + 1
            while j < len(lines) and (drop[j] or _is_title_like(lines[j].text)):
                drop[j] = True
                j += 1
    kept: list[_Line] = []
    dropped: list[_Line] = []
    after_drop = False
    for line, furniture in zip(lines, drop, strict=True):
        if furniture:
            dropped.append(line)
            after_drop = True
            continue
        if after_drop:
            # What stood between two lines is gone, not the break: a headline and the lede
            # under a dropped timestamp stay two paragraphs.
            line.para_start, after_drop = True, False
        if credit := _TRAILING_CREDIT.search(line.text):
            # "... agreed on Wednesday to reopen the airport Image Credit: Reuters"
            line, tail = line.split_at(credit.start())
            dropped.append(tail)
        if byline := _BYLINE_BEFORE_DATELINE.match(line.text):
            # "By Jane Roe KUWAIT (Reuters) - ...": the byline glued to the dateline.
            dropped.append(line.prefix(byline.end()))
            line = line.without_prefix(byline.end())
        if stamp := _GLUED_STAMP.match(line.text):
            # "September 5, 2014The ceasefire deal ...": a page's date stamp run into the lede
            dropped.append(line.prefix(stamp.end()))
            line = line.without_prefix(stamp.end())
            line.para_start = True
        if alt := _ALT_RESIDUE.match(line.text) or _ICON_RESIDUE.match(line.text):
            # "altRussia and China have vetoed ...": an image's alt attribute left on the line.
            dropped.append(line.prefix(alt.end()))
            line = line.without_prefix(alt.end())
        if credit := _LEADING_CREDIT.match(line.text):
            # "Habibou Kouyate, AFP | Sidi Brahim Ould Sidati signs ...": the credit goes
            dropped.append(line.prefix(credit.end()))
            line = line.without_prefix(credit.end())
        if label := _CAPTION_LABEL.match(line.text):
            # "Image caption Moaz al-Khatib meets ..." : the label goes, the caption stays.
            dropped.append(line.prefix(label.end()))
            line = line.without_prefix(label.end())
            if not line.text:
                continue
        kept.append(line)
    _drop_teaser_tail(kept, dropped)
    _drop_teaser_blocks(kept, dropped)
    return kept, dropped


def _drop_teaser_blocks(kept: list[_Line], dropped: list[_Line]) -> None:
    """Drop a block of two or more short link titles, one per line with no blank line
    between, standing as a paragraph of its own between the story's sentences: "Stakes are
    high for Sudan peace talks / South Sudan refugee camp overwhelmed" (a page's related
    stories). A headline over its standfirst comes before any sentence; a bulleted list of
    points is the story's."""
    i, started = 0, False
    while i < len(kept):
        line = kept[i]
        if not started or not line.para_start:
            started = started or _is_sentence(line.text)
            i += 1
            continue
        j = i + 1
        while j < len(kept) and not kept[j].para_start:
            j += 1
        block = kept[i:j]
        if (
            len(block) >= 2
            and j < len(kept)
            and all(
                not b.bullet and _is_title_like(b.text) and len(_words(b.text)) <= 14 for b in block
            )
        ):
            dropped.extend(block)
            del kept[i:j]
            continue
        i = j


def _drop_teaser_tail(kept: list[_Line], dropped: list[_Line]) -> None:
    """Drop a list of 4+ short link titles that closes the page after the last sentence,
    each title alone or over its teaser line ("U.N. envoy heads to France ... / Ould Cheikh
    Ahmed will hold talks in Paris on Wednesday ... Middle East -")."""
    run = short = 0
    while run < len(kept) and not _is_sentence(kept[-1 - run].text):
        if not _is_title_like(kept[-1 - run].text):
            break
        short += len(_words(kept[-1 - run].text)) <= 14
        run += 1
    if run >= 4 and run < len(kept) and 2 * short >= run:
        dropped.extend(kept[-run:])
        del kept[-run:]


# ---------------------------------------------------------------------------------------
# Assembling the text and its map.


def _assemble(lines: list[_Line], *, plain: bool) -> tuple[str, list[Segment]]:
    """Join kept lines: paragraphs by a blank line, wrapped lines of one paragraph by a space."""
    parts: list[str] = []
    segments: list[Segment] = []
    length = 0
    previous: _Line | None = None
    wraps = plain and _hard_wrapped(lines)
    for line in lines:
        if previous is not None:
            wrapped = (
                plain
                and not line.para_start
                and not line.bullet
                and not previous.bullet
                and not _ENDS_SENTENCE.search(previous.text)
                and (
                    not _first_letter(line.text).isupper()  # '"What we ...' opens anew
                    # a line longer than the wrap width is no wrapped rest: "Delegates
                    # applaud as talks end" (a caption) over a one-line lede
                    or (wraps and len(previous.text) >= 50 and len(line.text) <= 100)
                )
                and not _opens_with_dateline(line.text)
            )
            separator = " " if wrapped else "\n\n"
            at = line.pieces[0][1]
            segments.append((length, at, at, False))
            parts.append(separator)
            length += len(separator)
        for start, src_start, src_end, copied in line.pieces:
            segments.append((length + start, src_start, src_end, copied))
        parts.append(line.text)
        length += len(line.text)
        previous = line
    return "".join(parts), _merge(segments)


def _first_letter(text: str) -> str:
    """The first character after opening quotes and brackets."""
    return text.lstrip("\"'“‘«([ ")[:1] or text[:1]


def _hard_wrapped(lines: list[_Line]) -> bool:
    """Whether a plain text breaks its paragraphs into lines of a fixed width: most of its
    long lines are at most 100 characters. A page that gives each paragraph one line
    ("Headline without a full stop" over a 300-character lede) is not."""
    long = [len(line.text) for line in lines if len(line.text) >= 50]
    return sum(n <= 100 for n in long) * 2 > len(long)


def _opens_with_dateline(text: str) -> bool:
    """ "NAIROBI, April 28, 2004 (AP) — ...": a wire story's first paragraph, never the
    wrapped rest of the line before it (a headline without a full stop)."""
    span = dateline_span(text[:120])
    return span is not None and span[0] == 0


def _merge(segments: list[Segment]) -> list[Segment]:
    """Fuse copied pieces that continue each other, so the map stays small."""
    merged: list[Segment] = []
    for seg in segments:
        if merged:
            t, s, e, copied = merged[-1]
            if copied and seg[3] and seg[1] == e and seg[0] == t + (e - s):
                merged[-1] = (t, s, seg[2], True)
                continue
        merged.append(seg)
    return merged


def _title_from_text(lines: list[_Line]) -> str:
    if lines and _is_title_like(lines[0].text) and not lines[0].bullet:
        return lines[0].text
    return ""


def clean_text(source: str) -> Document:
    """Plain text (a saved page) to a Document without its page furniture.

    >>> clean_text("Share this\\n\\nLavrov met Brahimi in Moscow on Saturday.\\n").text
    'Lavrov met Brahimi in Moscow on Saturday.'
    """
    kept, dropped = _drop_furniture(_plain_lines(source))
    if not kept:
        raise UnreadableArticle("the file has no article text once page furniture is removed")
    text, segments = _assemble(kept, plain=True)
    return Document(
        source=source,
        text=text,
        title=_title_from_text(kept),
        language=detect_language(text),
        removed=sorted(line.span for line in dropped),
        segments=segments,
    )


# ---------------------------------------------------------------------------------------
# HTML: a small tokenizer that keeps exact offsets (lxml keeps only line numbers).

_TOKEN = re.compile(
    r"""<!--.*?(?:-->|$)|<!\[CDATA\[.*?(?:\]\]>|$)|<![^>]*>?|<\?[^>]*>?|
    <(?P<close>/)?(?P<tag>[a-zA-Z][^\s/>]*)(?P<attrs>(?:[^>"']|"[^"]*"|'[^']*')*)>""",
    re.DOTALL | re.VERBOSE,
)
_ATTR = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
_ENTITY = re.compile(r"&(?:#[xX]([0-9a-fA-F]{1,6})|#([0-9]{1,7})|([a-zA-Z][a-zA-Z0-9]{1,31}));?")
_SPACE = re.compile(r"[ \t\n\r\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_RAW_TEXT = {"script", "style", "textarea", "title", "xmp", "noembed", "noframes"}
_VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr", "keygen",
}  # fmt: skip
_BLOCK = {
    "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details",
    "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
    "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
    "section", "summary", "table", "td", "th", "tr", "ul", "html", "head", "title", "center",
}  # fmt: skip
_DROP_TAGS = {
    "script", "style", "noscript", "template", "svg", "iframe", "nav", "footer", "aside",
    "form", "button", "select", "textarea", "head", "title", "video", "audio", "canvas",
    "object", "embed", "menu", "dialog",
}  # fmt: skip
_DROP_TOKENS = {
    "cookie", "cookies", "consent", "gdpr", "related", "promo", "promoted", "share",
    "sharing", "social", "newsletter", "subscribe", "footer", "nav", "navbar", "navigation",
    "menu", "breadcrumb", "breadcrumbs", "comments", "comment", "ad", "ads", "advert",
    "advertisement", "sponsored", "outbrain", "taboola", "sidebar", "popup", "modal",
    "recommended", "recirc", "byline", "paywall", "masthead", "skip",
}  # fmt: skip
_DROP_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "dialog"}
_NEVER_DROP = {"html", "body", "main", "article"}
_CLASS_TOKEN = re.compile(r"[a-z]+")


def _attrs(raw: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for m in _ATTR.finditer(raw):
        name = m[1].lower()
        if name not in found:
            value = m[2] if m[2] is not None else m[3] if m[3] is not None else m[4] or ""
            found[name] = _unescape(value)
    return found


def _decode_entity(m: re.Match[str]) -> str | None:
    if m[1] or m[2]:
        code = int(m[1], 16) if m[1] else int(m[2])
        if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            return "\ufffd"
        return chr(code)
    name = m[3]
    return html.entities.html5.get(name + ";") or (
        html.entities.html5.get(name) if not m[0].endswith(";") else None
    )


def _unescape(value: str) -> str:
    return _ENTITY.sub(lambda m: _decode_entity(m) or m[0], value)


def _is_dropped(tag: str, attrs: dict[str, str], in_article: bool) -> bool:
    if tag in _DROP_TAGS:
        return True
    if tag == "header" and not in_article:
        return True  # the site's masthead; an article's own header holds its headline
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return True
    if re.search(r"display\s*:\s*none", attrs.get("style", "")):
        return True
    if attrs.get("role", "").lower() in _DROP_ROLES:
        return True
    if tag in _NEVER_DROP:
        return False
    if tag == "figure" and _CLASS_TOKEN.search(attrs.get("class", "")):
        tokens = set(_CLASS_TOKEN.findall(attrs.get("class", "").lower()))
        if tokens & {"video", "player", "media"}:
            return True
    tokens = set(_CLASS_TOKEN.findall((attrs.get("class", "") + " " + attrs.get("id", "")).lower()))
    return bool(tokens & _DROP_TOKENS)


@dataclass(slots=True)
class _Page:
    """What the tokenizer gathers from one HTML page."""

    blocks: list[tuple[_Line, tuple[int, ...], bool]] = field(default_factory=list)
    containers: list[int] = field(default_factory=list)  # text size per container id
    removed: list[tuple[int, int]] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    title: str = ""
    h1: str = ""
    lang: str = ""
    canonical: str = ""
    json_ld: list[str] = field(default_factory=list)
    times: list[tuple[str, tuple[int, ...]]] = field(default_factory=list)


class _BlockBuilder:
    """Collects text runs of one block, collapsing whitespace while keeping the map."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pieces: list[Segment] = []
        self.length = 0
        self.space_at = -1  # source offset of a pending whitespace run

    def add(self, text: str, src_start: int, src_end: int, copied: bool) -> None:
        if not copied:
            if _SPACE.fullmatch(text):
                if self.space_at < 0:
                    self.space_at = src_start
                return
            self._flush_space()
            self._put(text, src_start, src_end, False)
            return
        pos = 0
        for m in _SPACE.finditer(text):
            if m.start() > pos:
                self._flush_space()
                self._put(text[pos : m.start()], src_start + pos, src_start + m.start(), True)
            if self.space_at < 0:
                self.space_at = src_start + m.start()
                # A single plain space is the source's own character: keep it copied.
                self._plain_space = m[0] == " "
            else:
                self._plain_space = False
            pos = m.end()
        if pos < len(text):
            self._flush_space()
            self._put(text[pos:], src_start + pos, src_end, True)

    _plain_space = False

    def _flush_space(self) -> None:
        if self.space_at >= 0:
            if self.length:
                copied = self._plain_space
                self._put(" ", self.space_at, self.space_at + 1, copied)
            self.space_at = -1
            self._plain_space = False

    def _put(self, text: str, src_start: int, src_end: int, copied: bool) -> None:
        self.parts.append(text)
        self.pieces.append((self.length, src_start, src_end, copied))
        self.length += len(text)

    def line(self) -> _Line | None:
        if not self.length:
            return None
        return _Line("".join(self.parts), _merge(self.pieces))


def _scan(source: str) -> _Page:
    page = _Page()
    # Open elements: (tag, dropped, container id or -1, start offset)
    stack: list[tuple[str, bool, int, int]] = []
    dropped_depth = 0
    containers: list[int] = []  # open container ids
    block = _BlockBuilder()
    in_h1 = False
    h1_parts: list[str] = []

    def close_block() -> None:
        nonlocal block
        line = block.line()
        if line is not None:
            page.blocks.append((line, tuple(containers), in_h1))
            for c in containers:
                page.containers[c] += len(line.text)
        block = _BlockBuilder()

    def add_text(start: int, end: int) -> None:
        if dropped_depth:
            return
        raw = source[start:end]
        pos = 0
        for m in _ENTITY.finditer(raw):
            decoded = _decode_entity(m)
            if decoded is None:
                continue
            if m.start() > pos:
                block.add(raw[pos : m.start()], start + pos, start + m.start(), True)
            block.add(decoded, start + m.start(), start + m.end(), False)
            pos = m.end()
        if pos < len(raw):
            block.add(raw[pos:], start + pos, end, True)
        if in_h1:
            h1_parts.append(_unescape(raw))

    pos = 0
    length = len(source)
    while pos < length:
        m = _TOKEN.search(source, pos)
        if m is None:
            add_text(pos, length)
            break
        if m.start() > pos:
            add_text(pos, m.start())
        pos = m.end()
        tag = (m["tag"] or "").lower()
        if not tag:
            continue  # comment, doctype, processing instruction
        if m["close"]:
            # Pop to the matching open element, if any; stray end tags are ignored.
            for k in range(len(stack) - 1, -1, -1):
                if stack[k][0] == tag:
                    break
            else:
                if tag in _BLOCK:
                    close_block()
                continue
            while len(stack) > k:
                open_tag, was_dropped, container, started = stack.pop()
                if was_dropped:
                    dropped_depth -= 1
                    if not dropped_depth:
                        page.removed.append((started, m.end()))
                if container >= 0:
                    containers.pop()
                if open_tag == "h1" and in_h1:
                    in_h1 = False
                    close_block()
                    if not page.h1:
                        page.h1 = _SPACE.sub(" ", "".join(h1_parts)).strip()
                    h1_parts.clear()
                if open_tag in _BLOCK:
                    close_block()
            continue
        attrs = _attrs(m["attrs"] or "")
        _read_metadata(page, tag, attrs, tuple(containers))
        if tag in _RAW_TEXT:
            close_re = re.compile(rf"</{tag}\s*>", re.IGNORECASE)
            end = close_re.search(source, pos)
            body_end = end.start() if end else length
            after = end.end() if end else length
            body = source[pos:body_end]
            if tag == "title" and not page.title:
                page.title = _SPACE.sub(" ", _unescape(body)).strip()
            elif tag == "script" and "ld+json" in attrs.get("type", "").lower():
                page.json_ld.append(body)
            elif not dropped_depth and tag not in _DROP_TAGS:
                add_text(pos, body_end)
            if not dropped_depth:
                page.removed.append((m.start(), after))
            pos = after
            continue
        if tag in _BLOCK:
            close_block()
        if tag in _VOID or (m["attrs"] or "").rstrip().endswith("/"):
            continue
        is_dropped = _is_dropped(tag, attrs, bool(containers))
        container = -1
        if not is_dropped and (
            tag in {"article", "main"}
            or attrs.get("itemprop") == "articleBody"
            or attrs.get("role") == "main"
        ):
            container = len(page.containers)
            page.containers.append(0)
            containers.append(container)
        if is_dropped:
            dropped_depth += 1
        if tag == "h1" and not dropped_depth:
            in_h1 = True
        stack.append((tag, is_dropped, container, m.start()))
    close_block()
    return page


def _read_metadata(page: _Page, tag: str, attrs: dict[str, str], where: tuple[int, ...]) -> None:
    if tag == "html" and not page.lang:
        page.lang = attrs.get("lang", "") or attrs.get("xml:lang", "")
    elif tag == "meta":
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        if key and "content" in attrs and key not in page.meta:
            page.meta[key] = attrs["content"].strip()
    elif tag == "link" and "canonical" in attrs.get("rel", "").lower().split():
        page.canonical = page.canonical or attrs.get("href", "")
    elif tag == "time" and attrs.get("datetime"):
        page.times.append((attrs["datetime"], where))
    if attrs.get("itemprop") == "datePublished" and tag != "meta":
        value = attrs.get("datetime") or attrs.get("content")
        if value:
            page.meta.setdefault("itempropdatepublished", value)


_ISO_DATE = re.compile(r"((?:19|20)\d\d)-?(\d\d)-?(\d\d)(?!\d)")


def _parse_date(value: str) -> datetime.date | None:
    """ "2012-12-28T14:05:00-05:00" or "Fri, 28 Dec 2012 19:05:00 GMT" -> the calendar date."""
    value = value.strip()
    day: datetime.date | None = None
    if m := _ISO_DATE.match(value):
        try:
            day = datetime.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    else:
        try:
            day = email.utils.parsedate_to_datetime(value).date()
        except (TypeError, ValueError, IndexError):
            return None
    # A page cannot be published in the future; dates before the web are typos.
    if day.year < 1990 or day > datetime.date.today():
        return None
    return day


_META_DATE_KEYS = (
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "datepublished",
    "itempropdatepublished",
    "date",
    "pubdate",
    "publishdate",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "sailthru.date",
    "parsely-pub-date",
)


def _json_ld_objects(scripts: list[str]) -> list[dict]:
    found: list[dict] = []
    pending: list[object] = []
    for body in scripts:
        try:
            pending.append(json.loads(body.strip().removeprefix("<!--").removesuffix("-->")))
        except ValueError:
            continue
    while pending:
        item = pending.pop(0)
        if isinstance(item, list):
            pending.extend(item)
        elif isinstance(item, dict):
            found.append(item)
            if isinstance(item.get("@graph"), list):
                pending.extend(item["@graph"])
    return found


def _name_of(value: object) -> str:
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, dict):
        value = value.get("name", "")
    return value.strip() if isinstance(value, str) else ""


def _strip_title_suffix(title: str, outlet: str) -> str:
    """ "Syria opposition chief invited to Moscow - BBC News" -> the headline alone."""
    m = re.match(r"^(?P<head>.+?)\s+[-|–—·]\s+(?P<tail>[^-|–—·]{1,40})$", title)
    short_tail = m and (len(_words(m["tail"])) <= 5 or m["tail"].lower() == outlet.lower())
    if short_tail and len(m["head"]) > len(m["tail"]):
        return m["head"].strip()
    return title


def _published(page: _Page, html_source: str, chosen: int) -> tuple[datetime.date | None, str]:
    for key in _META_DATE_KEYS:
        if key in page.meta and (day := _parse_date(page.meta[key])):
            label = "itemprop datePublished" if key == "itempropdatepublished" else key
            return day, f"html meta {label}"
    for obj in _json_ld_objects(page.json_ld):
        value = obj.get("datePublished")
        if isinstance(value, str) and (day := _parse_date(value)):
            return day, "json-ld datePublished"
    for value, where in page.times:
        if (chosen < 0 or chosen in where) and (day := _parse_date(value)):
            return day, "<time datetime>"
    return _htmldate_guess(html_source)


def _htmldate_guess(html_source: str) -> tuple[datetime.date | None, str]:
    """Last resort: htmldate's reading of URLs and visible dates (offline, no today's date)."""
    try:
        from htmldate import find_date
    except ImportError:
        return None, ""
    try:
        # As bytes: htmldate downloads a str that looks like a URL, and a page that is one
        # would be fetched from wherever it points.
        found = find_date(html_source.encode("utf-8"), original_date=True, extensive_search=False)
    except (ValueError, TypeError):
        return None, ""
    day = _parse_date(found) if found else None
    if day is None or day == datetime.date.today():
        return None, ""
    return day, "htmldate guess"


def html_to_text(source: str) -> Document:
    """An HTML page to a Document: main text without furniture, metadata, exact offsets.

    >>> html_to_text("<html><body><nav>Home</nav><p>Lavrov &amp; Brahimi met.</p>").text
    'Lavrov & Brahimi met.'
    """
    page = _scan(source)
    chosen = max(range(len(page.containers)), key=page.containers.__getitem__, default=-1)
    if chosen >= 0 and page.containers[chosen] < 200:
        chosen = -1  # too little text inside <article>/<main> to trust it alone
    lines: list[_Line] = []
    for line, where, is_h1 in page.blocks:
        if chosen < 0 or chosen in where or is_h1:
            lines.append(line)
        else:
            page.removed.append(line.span)
    kept, dropped = _drop_furniture(lines)
    if not kept:
        raise UnreadableArticle("the page has no article text")
    text, segments = _assemble(kept, plain=False)

    meta = page.meta
    objects = _json_ld_objects(page.json_ld)
    outlet = meta.get("og:site_name", "")
    headline = ""
    for obj in objects:
        outlet = outlet or _name_of(obj.get("publisher"))
        if isinstance(obj.get("headline"), str):
            headline = headline or obj["headline"].strip()
    title = meta.get("og:title") or meta.get("twitter:title") or headline
    title = _strip_title_suffix(title, outlet) if title else ""
    if not title and page.title:
        title = _strip_title_suffix(page.title, outlet)
    title = title or page.h1
    published, how = _published(page, source, chosen)
    lang = page.lang.split("-")[0].split("_")[0].lower()
    language = lang if re.fullmatch(r"[a-z]{2}", lang) else detect_language(text)
    return Document(
        source=source,
        text=text,
        title=title,
        published=published,
        published_how=how,
        language=language,
        outlet=outlet,
        url=page.canonical or meta.get("og:url", ""),
        removed=_union(page.removed + [line.span for line in dropped]),
        segments=segments,
    )


def _union(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


# ---------------------------------------------------------------------------------------
# Reading the bytes.

_MAGIC = (
    b"%PDF",
    b"PK\x03\x04",
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"\x1f\x8b",
    b"Rar!",
    b"7z\xbc\xaf",
    b"\xd0\xcf\x11\xe0",
    b"\x7fELF",
    b"BZh",
    b"\x00\x00\x01\x00",
    b"OggS",
    b"fLaC",
    b"wOFF",
)
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_:.-]+)""", re.I)
_HTML_SNIFF = re.compile(
    r"^\s*(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<(?:head|body|meta|title|p|div|article)\b)"
    r"|<html[\s>]",
    re.IGNORECASE | re.DOTALL,
)
# Browsers read these labels as windows-1252 (WHATWG Encoding), so do we.
_AS_CP1252 = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "ascii", "us-ascii"}


def _is_html(text_start: str, filename: str) -> bool:
    if filename.lower().endswith((".html", ".htm", ".xhtml")):
        return True
    return bool(_HTML_SNIFF.search(text_start[:2048]))


def _decode(data: bytes, filename: str) -> str:
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
        declared = "utf-8"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise UnreadableArticle("the file is not valid UTF-16 text") from None
    else:
        declared = ""
        head = data[:4096].decode("ascii", "replace")
        if _is_html(head, filename) and (m := _META_CHARSET.search(data[:4096])):
            label = m[1].decode("ascii").lower()
            label = "cp1252" if label in _AS_CP1252 else label
            try:
                declared = codecs.lookup(label).name
            except LookupError:
                declared = ""
    if data.startswith(_MAGIC) or b"\x00" in data[:8192]:
        raise UnreadableArticle("the file looks binary, not text")
    sample = data[:8192]
    if len(_CONTROL.findall(sample)) > max(2, len(sample) // 100):
        raise UnreadableArticle("the file looks binary, not text")
    encoding = declared or "utf-8"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        if encoding in {"utf-8", "utf_8"}:
            raise UnreadableArticle("the file is not UTF-8 text") from None
        raise UnreadableArticle(f"the file is not valid {encoding} text") from None


def load_document(data: bytes, filename: str = "") -> Document:
    """Bytes of a saved article (plain text or HTML) to a clean Document.

    Raises UnreadableArticle for empty, binary or undecodable files and for pages
    that hold no article text.
    >>> load_document(b"<p>Lavrov met Brahimi in Moscow.</p>", "a.html").text
    'Lavrov met Brahimi in Moscow.'
    """
    if not data.strip():
        raise UnreadableArticle("the file is empty")
    source = _decode(data, filename)
    if not source.strip():
        raise UnreadableArticle("the file is empty")
    if _is_html(source[:2048], filename):
        return html_to_text(source)
    return clean_text(source)


# ---------------------------------------------------------------------------------------
# Language.

_STOP_WORDS = {
    "en": "the of and to in a is that for on was with as by at from his said it has have "
    "are be its were their which this not but an after had been he will who they would",
    "fr": "le la les de des du et un une est dans que qui pour pas sur au aux par ce cette "
    "il elle avec ont sont été ne se en plus selon été",
    "de": "der die das und ist nicht ein eine zu den von mit sich des auf für im dem auch "
    "es als an nach wird bei hat sind wurde aus",
    "es": "el la los las de del y en que un una es por con para se su al lo como más pero "
    "sus fue ha han este esta según",
    "it": "il lo la gli le di del della dei e è un una che per con non si da al alla sono "
    "ha nel nella anche come più dopo",
    "pt": "o a os as de do da dos das e em um uma que para com não se no na por mais foi "
    "ao pelo pela são também",
    "nl": "de het een en van in is dat op te zijn met voor niet aan er maar om ook als bij "
    "door werd heeft hij",
    "tr": "ve bir bu da de ile için olarak olan çok daha gibi ama en ancak sonra kadar "
    "değil ise ya veya göre dedi",
}
_STOP_SETS = {lang: frozenset(words.split()) for lang, words in _STOP_WORDS.items()}
_LETTER = re.compile(r"[^\W\d_]+")
_BEYOND_LATIN = re.compile("[\u0370-\U0010ffff]")


def detect_language(text: str) -> str:
    """ISO 639-1 code from scripts and stop words; "und" when there is too little to tell.

    >>> detect_language("Russia said on Friday that it had invited the opposition leader.")
    'en'
    """
    sample = text[:20000]
    letters = "".join(_LETTER.findall(sample))
    if len(letters) < 20:
        return "und"
    counts = {"ar": 0, "ru": 0, "zh": 0, "ja": 0, "ko": 0}
    for ch in _BEYOND_LATIN.findall(letters):  # (Latin letters count for no script)
        code = ord(ch)
        if 0x0600 <= code <= 0x06FF or 0x0750 <= code <= 0x077F or 0xFB50 <= code <= 0xFEFF:
            counts["ar"] += 1
        elif 0x0400 <= code <= 0x04FF:
            counts["ru"] += 1
        elif 0x3040 <= code <= 0x30FF:
            counts["ja"] += 1
        elif 0xAC00 <= code <= 0xD7AF:
            counts["ko"] += 1
        elif 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF:
            counts["zh"] += 1
    script, hits = max(counts.items(), key=lambda item: item[1])
    if hits > len(letters) * 0.4:
        if script == "zh" and counts["ja"] > hits * 0.1:
            return "ja"
        return script
    words = [w.lower() for w in _LETTER.findall(sample)]
    if len(words) < 4:
        return "und"
    frequency = Counter(words)  # (each distinct word looked up once per language)
    scores = {
        lang: sum(n for w, n in frequency.items() if w in stops)
        for lang, stops in _STOP_SETS.items()
    }
    best = max(scores, key=scores.__getitem__)
    english = scores.get("en", 0)
    if best != "en" and scores[best] < max(3, english * 1.5):
        # Short stop words are shared ("in", "met", "die"): another language must clearly win.
        best = "en"
    if scores[best] < max(2, len(words) * 0.08):
        return "und"
    return best


# ---------------------------------------------------------------------------------------
# Headlines: what a source is called when no one gave its title.

_BREADCRUMB = re.compile(r"[»›>/|]|\s[-–]\s*$|(?:\.\.\.|…)$")
_FILE_NAME = re.compile(r"\d{6,}|\.(?:jpe?g|png|gif|webp|mp4)\b", re.IGNORECASE)
_PROMPT = re.compile(
    r"\b(?:notifications?|subscribe|newsletter|sign (?:up|in)|log ?in|cookies?|stay up to date|"
    r"follow us|download (?:the|our) app|advertisement|image credit|photo credit|"
    r"all rights reserved|click here|breaking news|live updates)\b",
    re.IGNORECASE,
)


def is_headline(text: str, *, outlet: str = "") -> bool:
    """A line that can name an article: several words, no page furniture.

    >>> is_headline("Russia invites head of Syrian opposition for talks")
    True
    >>> [is_headline(t) for t in ("World News >", "News » World", "All news", "Nation/World")]
    [False, False, False, False]
    >>> is_headline("Stay up to date with notifications from The Independent")
    False
    >>> is_headline("Russia's top diplomat met Moaz al-Khatib in Munich on Saturday.")
    False
    """
    text = text.strip()
    words = _words(text)
    return (
        4 <= len(words) <= 25
        and text.casefold() != outlet.strip().casefold()
        and not _BREADCRUMB.search(text)
        and not _FILE_NAME.search(text)
        and not _PROMPT.search(text)
        and not _furniture(text)
        # A line ending like a sentence is the story's first sentence, not its headline.
        and not re.search(r"[.:;,][\"'”’)\]]*$", text)
    )


def headline(text: str, *, outlet: str = "", lines: int = 12) -> str:
    """The first headline-like line among the first `lines` of a cleaned text, or "".

    >>> headline("News » World\\n\\nGeneva-2 conference opens in Montreux\\n\\nMONTREUX - Talks began.")
    'Geneva-2 conference opens in Montreux'
    """
    candidates = [line.strip() for line in text.splitlines() if line.strip()][:lines]
    return next((line for line in candidates if is_headline(line, outlet=outlet)), "")
