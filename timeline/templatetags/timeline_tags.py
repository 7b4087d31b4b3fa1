"""Template tags for the timeline: URLs built from the current query string, source lists."""

from __future__ import annotations

import functools
from urllib.parse import urlencode

from django import template
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import QueryDict
from django.urls import get_script_prefix, get_urlconf, reverse

register = template.Library()


def timeline_url(params: QueryDict | None, *, add=(), remove=(), replace=None) -> str:
    """The timeline URL for `params` changed; where the page starts (`after`, `before`, the
    old `page`) is always dropped, empty values too.

    `add`/`remove` are (key, value) pairs; remove with value None drops the key;
    `replace` maps a key to its one new value (None drops it).
    """
    # A page builds a few hundred of these (facets, chart bars, actor chips): a plain dict
    # of lists in the QueryDict's key order, encoded as QueryDict.urlencode() does.
    query: dict[str, list[str]] = {}
    if params:
        for key, values in params.lists():
            if key not in ("page", "after", "before"):
                query[key] = [v for v in values if v != ""]
    for key, value in add:
        values = query.get(key, [])
        if value not in values:
            query[key] = [*values, value]
    for key, value in remove:
        query[key] = [v for v in query.get(key, ()) if value is not None and v != value]
    for key, value in (replace or {}).items():
        query[key] = [] if value in (None, "") else [str(value)]
    pairs = [(key, value) for key, values in query.items() for value in values]
    url = timeline_path(get_script_prefix(), get_urlconf())
    return f"{url}?{urlencode(pairs)}" if pairs else url


@functools.lru_cache(maxsize=16)
def timeline_path(script_prefix: str, urlconf) -> str:
    """reverse("timeline:timeline"), once per script prefix and URLconf."""
    return reverse("timeline:timeline", urlconf=urlconf)


@receiver(setting_changed)
def forget_timeline_path(*, setting, **kwargs):
    if setting == "ROOT_URLCONF":  # tests that swap the URLconf
        timeline_path.cache_clear()


@register.simple_tag(takes_context=True)
def url_adding(context, key, value):
    """`{% url_adding "actor" actor.slug %}`: the current filters and this one more."""
    return timeline_url(context.get("query"), add=[(key, str(value))])


@register.simple_tag(takes_context=True)
def url_removing(context, key, value=None):
    return timeline_url(context.get("query"), remove=[(key, value)])


@register.filter
def outlet_names(event) -> list[str]:
    """The distinct outlets reporting an event, from its prefetched mentions."""
    from timeline.exports import outlets

    return outlets(event)


@register.filter
def source_count(event) -> int:
    """How many articles report an event (one article may give several sentences)."""
    from timeline.exports import source_count

    return source_count(event)


@register.filter
def source_names(articles) -> list[str]:
    """Distinct names for a list of source articles: the outlet, else the headline."""
    names = []
    for article in articles:
        name = article.outlet or (article.title[:40] + "…" if len(article.title) > 40 else "")
        name = name or article.title or "untitled article"
        if name not in names:
            names.append(name)
    return names


@register.filter
def type_category(event_type: str) -> str:
    """`{{ event.type|type_category }}` -> "consult": the family that sets the badge's colour."""
    from timeline.ranking import category

    return category(event_type)
