"""Mark date expressions and actor names in a text, escaping everything else."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    kind: str  # "date" or "actor": the CSS class of the <mark>
    label: str = ""  # the tooltip: what the date resolved to, the actor's name


def marked(text: str, spans) -> SafeString:
    """The text, escaped, with each span wrapped in <mark>; overlapping or outside spans are skipped.

    >>> marked("Lavrov met <b>Brahimi</b> on Friday", [Span(0, 6, "actor"), Span(29, 35, "date")])
    '<mark class="actor">Lavrov</mark> met &lt;b&gt;Brahimi&lt;/b&gt; on <mark class="date">Friday</mark>'
    """
    parts, position = [], 0
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if span.start < position or span.start >= span.end or span.end > len(text):
            continue
        parts.append(escape(text[position : span.start]))
        if span.label:
            parts.append(
                format_html(
                    '<mark class="{}" title="{}">{}</mark>',
                    span.kind,
                    span.label,
                    text[span.start : span.end],
                )
            )
        else:
            parts.append(
                format_html('<mark class="{}">{}</mark>', span.kind, text[span.start : span.end])
            )
        position = span.end
    parts.append(escape(text[position:]))
    # Every piece above went through escape() or format_html().
    return mark_safe("".join(parts))


def article_spans(annotations: dict, *, lo: int = 0, hi: int | None = None) -> list[Span]:
    """Spans from Article.annotations that fall inside [lo, hi), shifted to start at lo."""
    spans = []
    for kind, key in (("date", "dates"), ("actor", "actors")):
        for item in (annotations or {}).get(key) or []:
            start, end = item.get("start"), item.get("end")
            if not isinstance(start, int) or not isinstance(end, int) or start < lo:
                continue
            if hi is not None and end > hi:
                continue
            label = item.get("value") or "" if kind == "date" else item.get("name") or ""
            spans.append(Span(start - lo, end - lo, kind, str(label)))
    return spans


def mention_spans(mention) -> list[Span]:
    """The date expression and the actor names in a mention's sentence.

    Mention.date_start/date_end and the article's actor spans are offsets into raw_text;
    the sentence starts at Mention.start.
    """
    sentence = mention.sentence
    spans = []
    if mention.date_text and mention.date_start is not None and mention.date_end is not None:
        start, end = mention.date_start - mention.start, mention.date_end - mention.start
        if sentence[start:end] != mention.date_text:
            # The sentence was stored tidied up: fall back to finding the expression in it.
            start = sentence.find(mention.date_text)
            end = start + len(mention.date_text)
        if start >= 0:
            spans.append(Span(start, end, "date", mention.date_value))
    raw = mention.article.raw_text
    if raw[mention.start : mention.end] == sentence:
        spans += [
            s
            for s in article_spans(mention.article.annotations, lo=mention.start, hi=mention.end)
            if s.kind == "actor"
        ]
    return spans
