"""Public pages: the timeline and its exports, an event, an actor, an article."""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseRedirect, QueryDict, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_safe
from django.views.decorators.vary import vary_on_headers

from timeline import exports
from timeline.forms import PAGE_KEYS, PUBLIC_STATUSES, SORTS, PositionField, TimelineFilterForm
from timeline.highlight import article_spans, marked, mention_spans
from timeline.models import (
    Actor,
    Article,
    Event,
    EventPage,
    EventType,
    Mention,
    Position,
    Precision,
    Relevance,
    format_date,
    public_month_counts,
    summary,
)
from timeline.templatetags.timeline_tags import timeline_url
from timeline.time_limit import TooSlow, query_time_limit

SITE_NAME = "Syria diplomacy timeline"
PAGE_SIZE = 50
TOP_ACTORS = 12
TOP_FACET = 10
MAP_PLACES = 60
# Filters whose values combine with OR: their own facet counts ignore them, so other values stay visible.
DATE_KEYS = ("year", "start", "end")
FORM_KEYS = ("q", "from", "to", *PAGE_KEYS)


def wants_fragment(request) -> bool:
    return bool(request.htmx) and not request.htmx.history_restore_request


def without(filters: dict, *keys) -> dict:
    return {k: v for k, v in filters.items() if k not in keys}


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def either(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def describe(filters: dict) -> str:
    """The heading for a filter: "Meetings with Sergey Lavrov, December 2012"."""
    types = filters.get("type") or []
    labels = dict(EventType.choices)
    if len(types) == 1:
        what = labels[types[0]] + "s"
    elif types:
        what = ", ".join(labels[t] + "s" for t in types[:-1]) + " and " + labels[types[-1]] + "s"
        what = what[0].upper() + what[1:].lower()
    else:
        what = "Events"
    if filters.get("key"):
        what = "Key " + lower_first(what)
    if filters.get("status"):
        what = dict(PUBLIC_STATUSES)[filters["status"]] + " " + lower_first(what)
    actors = [a.name for a in filters.get("actor") or []]
    if actors:
        what += " with " + " and ".join(actors)
    places = [p.name for p in filters.get("place") or []]
    if places:
        what += " in " + either(places)
    if filters.get("year"):
        what += f", {filters['year']}"
    start, end = filters.get("start"), filters.get("end")
    if start and end:
        if start.year == end.year and start.month == end.month and start.day == 1:
            what += ", " + format_date(start, "month")
        elif start == end:
            what += ", " + format_date(start, "day")
        else:
            what += f", {format_date(start, 'day')} to {format_date(end, 'day')}"
    elif start:
        what += f", from {format_date(start, 'day')}"
    elif end:
        what += f", until {format_date(end, 'day')}"
    if filters.get("outlet"):
        what += ", reported by " + either(list(filters["outlet"]))
    if filters.get("q"):
        what += f", mentioning “{filters['q']}”"
    return what


def timeline_rows(events, previous=None) -> list[dict]:
    """Year, month and day headers between events, each when it changes from the event before.

    `previous` is the (year, month, day) key of the event just before these, so a second page
    continues the groups of the first without repeating their headers.
    """
    rows, last = [], previous
    for event in events:
        day = event.date
        month = day.month if event.precision != Precision.YEAR else None
        key = (day.year, month, day.day if event.precision == Precision.DAY else None)
        if last is None or last[0] != key[0]:
            rows.append({"kind": "year", "label": str(day.year), "id": f"y{day.year}"})
        if last is None or last[:2] != key[:2]:
            label = day.strftime("%B %Y") if month else f"Sometime in {day.year}"
            rows.append({"kind": "month", "label": label, "date": day.replace(day=1)})
        if month and (last is None or last != key):
            label = f"{day:%A} {day.day} {day:%B}" if key[2] else f"Sometime in {day:%B}"
            rows.append({"kind": "day", "label": label, "iso": event.iso_date})
        rows.append({"kind": "event", "event": event})
        last = key
    return rows


@dataclass
class Bar:
    month: datetime.date
    count: int
    total: int
    x: float
    height: float
    total_height: float
    url: str
    label: str
    selected: bool

    @property
    def y(self) -> float:
        return round(100 - self.height, 2)

    @property
    def total_y(self) -> float:
        return round(100 - self.total_height, 2)


def nice_ceiling(n: int) -> int:
    """The scale's top: 1, 2, 5 times a power of ten, at least n. `nice_ceiling(23)` -> 50."""
    step = 1
    while True:
        for factor in (1, 2, 5):
            if step * factor >= n:
                return step * factor
        step *= 10


def months_between(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    months, month = [], first
    while month <= last:
        months.append(month)
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    return months


def month_chart(
    counts: dict, url_for, *, totals: dict | None = None, selected=None, year_url=None
) -> dict | None:
    """Bars per month over the whole period of `totals` (every public event), the filtered
    `counts` drawn over them, a count scale, and a link per year. None without events.

    Heights are in a 0-100 box that the SVG stretches to the chart's width; text is HTML.
    """
    span = totals or counts
    if not span:
        return None
    months = months_between(min(span), max(span))
    top = nice_ceiling(max(span.values()))
    start, end = selected or (None, None)
    bars = []
    for i, month in enumerate(months):
        n, total = counts.get(month, 0), span.get(month, 0)
        inside = bool(selected) and (start or month) <= month <= (end or month)
        bars.append(
            Bar(
                month=month,
                count=n,
                total=total,
                x=i,
                # A month with one event among hundreds still shows.
                height=max(round(100 * n / top, 2), 2) if n else 0,
                total_height=max(round(100 * total / top, 2), 2) if total else 0,
                url=url_for(month) if n else "",  # only months with events link
                label=f"{month:%B %Y}: {n} event{'s' if n != 1 else ''}",
                selected=inside,
            )
        )
    years = []
    for month in months:
        if not years or years[-1]["year"] != month.year:
            years.append({"year": month.year, "months": 0})
        years[-1]["months"] += 1
    for year in years:
        year["url"] = year_url(year["year"]) if year_url else None
        year["count"] = sum(n for m, n in counts.items() if m.year == year["year"])
    filtered = totals is not None and counts != totals
    return {
        "bars": bars,
        "months": len(months),
        "years": years,
        "top": top,
        "middle": top // 2 if top >= 2 and top % 2 == 0 else None,
        "total": sum(counts.values()),
        "filtered": filtered,
        "first": months[0],
        "last": months[-1],
        "month_initials": len(months) <= 36,  # as chart_shapes() assumes
        **chart_shapes(bars, filtered=filtered),
    }


def chart_shapes(bars: list[Bar], *, filtered: bool) -> dict:
    """The chart's markup repeated per month (six shapes for each of a hundred months or
    more), built here: looped over in the template it took a third of the page's render
    time. The attributes are numbers, or escaped here."""
    stroke = ' vector-effect="non-scaling-stroke"/>'
    ticks, year_ticks, outlines, rects, links, initials = [], [], [], [], [], []
    for bar in bars:
        x = bar.x
        if x:
            ticks.append(f'<line class="chart__tick" x1="{x}" x2="{x}" y1="94" y2="100"{stroke}')
            if bar.month.month == 1:
                year_ticks.append(
                    f'<line class="chart__tick chart__tick--year" x1="{x}" x2="{x}" y1="0" '
                    f'y2="100"{stroke}'
                )
        if filtered and bar.total:
            outlines.append(
                f'<rect class="chart__all" x="{x}.14" width=".72" y="{bar.total_y}" '
                f'height="{bar.total_height}"{stroke}'
            )
        if bar.count:
            selected = " is-selected" if bar.selected else ""
            rects.append(
                f'<rect class="chart__bar{selected}" x="{x}.14" width=".72" y="{bar.y}" '
                f'height="{bar.height}"/>'
            )
            links.append(
                f'<a href="{escape(bar.url)}" tabindex="-1"><title>{escape(bar.label)}</title>'
                f'<rect class="chart__hit" x="{x}" y="0" width="1" height="100"/></a>'
            )
        if len(bars) <= 36:  # the month_initials row
            initials.append(f"<li>{escape(date_format(bar.month, 'M')[:1])}</li>")
    return {
        "counts": ",".join(str(bar.count) for bar in bars),
        "tick_lines": mark_safe("".join(ticks)),
        "year_tick_lines": mark_safe("".join(year_ticks)),
        "outline_rects": mark_safe("".join(outlines)),
        "bar_rects": mark_safe("".join(rects)),
        "bar_links": mark_safe("".join(links)),
        "initials": mark_safe("".join(initials)),
    }


def place_map(rows: list[dict], query: QueryDict) -> dict | None:
    """Circles sized by count on a plain-degrees projection fitted to the places shown.

    x = longitude x cos(middle latitude), y = -latitude: the same space as world.svg's paths,
    which the template draws with the same horizontal scale.
    """
    located = [r for r in rows if r["place__latitude"] is not None]
    if not located:
        return None
    chosen = set(query.getlist("place"))
    lats = [r["place__latitude"] for r in located]
    lons = [r["place__longitude"] for r in located]
    middle = (max(lats) + min(lats)) / 2
    k = max(math.cos(math.radians(middle)), 0.2)
    # At least a region's worth of map around one place; padding so circles stay inside.
    x0, x1 = min(lons) * k, max(lons) * k
    y0, y1 = -max(lats), -min(lats)
    width = max((x1 - x0) * 1.35, 28)
    height = max((y1 - y0) * 1.35, 14)
    width, height = max(width, height * 4 / 3), max(height, width * 3 / 4)  # a 4:3 frame
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    left, top = cx - width / 2, cy - height / 2
    most = max(r["n"] for r in located)
    places = []
    for rank, r in enumerate(sorted(located, key=lambda r: (-r["n"], r["place__name"]))):
        slug = r["place__slug"]
        selected = slug in chosen
        places.append(
            {
                "name": r["place__name"],
                "count": r["n"],
                "x": round(r["place__longitude"] * k, 3),
                "y": round(-r["place__latitude"], 3),
                "r": round(width * (0.014 + 0.05 * math.sqrt(r["n"] / most)), 3),
                "url": timeline_url(query, remove=[("place", slug)])
                if selected
                else timeline_url(query, add=[("place", slug)]),
                "selected": selected,
                "labelled": rank < 5 or selected,
            }
        )
    # Big circles first, so small ones stay on top and clickable.
    for place in places:
        # Labels near the right edge go to the left of their circle, so they stay inside.
        right = place["x"] > left + width * 0.6
        place["anchor"] = "end" if right else "start"
        place["dx"] = -place["r"] if right else place["r"]
    places.sort(key=lambda p: -p["r"])
    font, stroke, hit = round(width * 0.048, 3), round(width * 0.003, 3), round(width * 0.046, 3)
    return {
        "places": places,
        **map_shapes(places, font=font, stroke=stroke, hit=hit),
        "view_box": f"{left:.3f} {top:.3f} {width:.3f} {height:.3f}",
        "scale_x": round(k, 4),
        # 24 px across in a sidebar 17rem wide: the smallest target WCAG 2.2 allows.
        "hit": hit,
        "font": font,
        "stroke": stroke,
        "unlocated": sum(1 for r in rows if r["place__latitude"] is None),
    }


def map_shapes(places: list[dict], *, font: float, stroke: float, hit: float) -> dict:
    """The map's markup repeated per place (up to MAP_PLACES), built here like the chart's."""
    links, labels = [], []
    for place in places:
        name, count, url = escape(place["name"]), place["count"], escape(place["url"])
        x, y = place["x"], place["y"]
        s = "" if count == 1 else "s"
        chosen = (" is-selected", ", selected: choose to remove") if place["selected"] else ("", "")
        links.append(
            f'<a class="map__place{chosen[0]}" href="{url}" hx-get="{url}" '
            f'aria-label="{name}: {count} event{s}{chosen[1]}">\n'
            f"      <title>{name}: {count} event{s}</title>\n"
            f'      <circle class="map__hit" cx="{x}" cy="{y}" r="{hit}"/>\n'
            f'      <circle class="map__dot" cx="{x}" cy="{y}" r="{place["r"]}" '
            f'stroke-width="{stroke}"/>\n'
            "    </a>"
        )
        if place["labelled"]:
            labels.append(
                f'<text x="{x}" y="{y}" dx="{place["dx"]}" text-anchor="{place["anchor"]}" '
                f'dy="{font}" font-size="{font}" stroke-width="{stroke}">{name}</text>'
            )
    return {"place_links": mark_safe("".join(links)), "place_labels": mark_safe("".join(labels))}


def facet(items, *, key, query, single=False):
    """[{value, label, count, selected, url}] where the URL toggles the value in the filters."""
    chosen = query.getlist(key)
    out = []
    for value, label, count in items:
        value = str(value)
        selected = value in chosen
        if selected:
            url = timeline_url(query, remove=[(key, value)])
        elif single:
            url = timeline_url(query, replace={key: value})
        else:
            url = timeline_url(query, add=[(key, value)])
        out.append(
            {"value": value, "label": label, "count": count, "selected": selected, "url": url}
        )
    return out


def facet_counts(filters: dict, query: QueryDict) -> dict:
    """The counts behind the facets, the chart and the number of events, one query each,
    under the current filters: {"actors": [...], ..., "total": n, "dropped": [names]}.

    Each facet query has a time budget (FACET_TIME_LIMIT_MS): one that runs past it is
    dropped, and the page says so, rather than slowing the page. The counts are kept until
    the data change, so the next reader of these filters gets them without a query.
    """
    visible = Event.objects.visible()

    def events(*dropped):
        return visible.filtered(without(filters, *dropped))

    queries = {
        "actors": lambda: events().actor_counts(TOP_ACTORS),
        "types": lambda: events("type").type_counts(),
        # One query for the place facet and the map: the facet lists the first few.
        "places": lambda: events("place").place_counts(MAP_PLACES),
        "outlets": lambda: events("outlet").outlet_counts(TOP_FACET),
        "statuses": lambda: events("status").status_counts(),
        # The chart and the year facet ignore the date filters: they show where a range sits.
        "months": lambda: events(*DATE_KEYS).month_counts(),
    }

    def count():
        counts, dropped = {}, []
        with query_time_limit(settings.FACET_TIME_LIMIT_MS) as budget:
            for name, run in queries.items():
                try:
                    counts[name] = budget.run(run)
                except TooSlow:
                    counts[name] = None
                    dropped.append(name)
        dated = any(filters.get(k) for k in DATE_KEYS)
        if counts["months"] is not None and not dated:
            counts["total"] = sum(counts["months"].values())
        else:
            counts["total"] = events().count()
        counts["dropped"] = dropped
        return counts

    # The filters, whatever the order of the page or where it starts.
    key = timeline_url(query, replace={"sort": None}).partition("?")[2]
    return summary("facets", key, count)


def facets(filters: dict, query: QueryDict) -> dict:
    """Each filter's values with their counts and the links that toggle them."""
    found = facet_counts(filters, query)
    actors = [(r["actor__slug"], r["actor__name"], r["n"]) for r in found["actors"] or []]
    type_counts = found["types"] or {}
    types = [(v, label, type_counts[v]) for v, label in EventType.choices if v in type_counts]
    place_rows = found["places"] or []
    outlet_rows = found["outlets"] or []
    status_counts = found["statuses"] or {}
    months = found["months"] or {}
    years: dict[int, int] = {}
    for month, n in months.items():
        years[month.year] = years.get(month.year, 0) + n
    return {
        "actors": facet(actors, key="actor", query=query),
        "types": facet(types, key="type", query=query),
        "places": facet(
            [(r["place__slug"], r["place__name"], r["n"]) for r in place_rows[:TOP_FACET]],
            key="place",
            query=query,
        ),
        "outlets": facet(
            [(r["article__outlet"], r["article__outlet"], r["n"]) for r in outlet_rows],
            key="outlet",
            query=query,
        ),
        "years": facet(
            [(y, y, n) for y, n in sorted(years.items())], key="year", query=query, single=True
        ),
        "statuses": facet(
            [(v, label, status_counts[v]) for v, label in PUBLIC_STATUSES if v in status_counts],
            key="status",
            query=query,
            single=True,
        ),
        "months": months,
        "map_places": place_rows,
        "total": found["total"],
        # What took too long to count: each is left out with a note.
        "dropped": {name: True for name in found["dropped"]},
        "time_limit": settings.FACET_TIME_LIMIT_MS,
    }


def active_chips(filters: dict, query: QueryDict) -> list[dict]:
    """The filters in force, each with the URL that removes it."""
    chips = []
    labels = dict(EventType.choices)
    for actor in filters.get("actor") or []:
        chips.append(("Actor", actor.name, "actor", actor.slug))
    for value in filters.get("type") or []:
        chips.append(("Type", labels[value], "type", value))
    for place in filters.get("place") or []:
        chips.append(("Place", place.name, "place", place.slug))
    for outlet in filters.get("outlet") or []:
        chips.append(("Outlet", outlet, "outlet", outlet))
    if filters.get("year"):
        chips.append(("Year", str(filters["year"]), "year", None))
    if filters.get("status"):
        chips.append(("Status", dict(PUBLIC_STATUSES)[filters["status"]], "status", None))
    if filters.get("key"):
        chips.append(("Show", "Key events only", "key", None))
    for key, field in (("from", "start"), ("to", "end")):
        if filters.get(field):
            chips.append((key.capitalize(), query.get(key), key, None))
    if filters.get("q"):
        chips.append(("Text", filters["q"], "q", None))
    return [
        {"kind": kind, "label": label, "url": timeline_url(query, remove=[(key, value)])}
        for kind, label, key, value in chips
    ]


def month_url(query: QueryDict, month: datetime.date) -> str:
    value = f"{month:%Y-%m}"
    return timeline_url(query, replace={"from": value, "to": value, "year": None})


def filtered_events(request):
    """(form, events) for the timeline's query string; events is None when the form is invalid."""
    form = TimelineFilterForm(request.GET)
    if not form.is_valid():
        return form, None
    filters = form.cleaned_data
    newest = filters.get("sort") == "newest"
    return form, Event.objects.visible().filtered(filters).chronological(newest)


def without_empty(query: QueryDict) -> QueryDict | None:
    """The query string without its empty values ("?q=&from=&to=" from the search form), or
    None when it has none."""
    if all(v != "" for _, values in query.lists() for v in values):
        return None
    clean = QueryDict(mutable=True)
    for key, values in query.lists():
        kept = [v for v in values if v != ""]
        if kept:
            clean.setlist(key, kept)
    return clean


def query_url(path: str, query: QueryDict) -> str:
    return f"{path}?{query.urlencode()}" if query else path


def timeline_page(events, filters: dict) -> EventPage:
    """The page of the timeline the filters ask for: in date order from a position, or, for a
    search sorted by relevance, best matches first."""
    after, before = filters.get("after"), filters.get("before")
    if filters.get("sort") == "relevance" and filters.get("q"):
        after = after if isinstance(after, Relevance) else None
        return events.for_listing().page_by_relevance(PAGE_SIZE, filters["q"], after=after)
    # A position of the other order (the sort changed under it) starts from the top.
    return events.for_listing().page(
        PAGE_SIZE,
        after=after if isinstance(after, Position) else None,
        before=before if isinstance(before, Position) else None,
        newest_first=filters.get("sort") == "newest",
    )


@require_safe
@vary_on_headers("HX-Request", "HX-Target")
def timeline(request):
    fragment = wants_fragment(request)
    # The search form sends every field, filled or not; the URL to share has only the filled.
    clean = without_empty(request.GET)
    if clean is not None and not request.htmx:
        return HttpResponseRedirect(query_url(request.path, clean))
    template = "timeline/timeline.html#results" if fragment else "timeline/timeline.html"
    form, events = filtered_events(request)
    if events is None:
        context = {
            "form": form,
            "errors": form.errors,
            "error_list": [
                (form.fields[name].label if name in form.fields else "", message)
                for name, messages in form.errors.items()
                for message in messages
            ],
            "heading": "Filters that cannot be used",
            "fragment": fragment,
        }
        response = render(request, template, context, status=400)
        # timeline.js shows this one in the results area, not as a broken page.
        response["X-Timeline-Filters"] = "invalid"
        if fragment and clean is not None:
            response["HX-Push-Url"] = query_url(request.path, clean)
        return response
    filters = form.cleaned_data
    # Built from what the filters read, so a repeated or unknown key is not copied into links.
    query = form.canonical_query()
    page = timeline_page(events, filters)
    more = wants_fragment(request) and request.htmx.target == "load-more"
    context = {
        "form": form,
        "fragment": fragment,
        "query": query,
        "page": page,
        # Scrolling down continues the groups of the rows above without repeating headings.
        "rows": timeline_rows(
            page.events, filters["after"].group_key if more and filters.get("after") else None
        ),
        "heading": describe(filters),
        # The filters in force, carried by links to events so their page leads back here.
        "filters_query": timeline_url(query).partition("?")[2],
        "next_url": timeline_url(query, replace={"after": page.later}) if page.later else None,
        "previous_url": timeline_url(query, replace={"before": page.earlier})
        if page.earlier
        else None,
    }
    if more:
        # Scrolling down: only the next page's rows and the next "load more" link.
        return render(request, "timeline/timeline.html#rows", context)
    found = facets(filters, query)
    export_query = context["filters_query"]
    context |= {
        "facets": found,
        "total": found["total"],
        "chips": active_chips(filters, query),
        "clear_url": timeline_url(None),
        # All events, or only the milestones: the same filters either way.
        "scopes": [
            {
                "label": label,
                "url": timeline_url(query, replace={"key": value}),
                "selected": bool(filters.get("key")) == bool(value),
            }
            for value, label in ((None, "All events"), ("1", "Key events only"))
        ],
        "sorts": [
            {
                "label": label,
                "url": timeline_url(query, replace={"sort": None if value == "oldest" else value}),
                "selected": (filters.get("sort") or "oldest") == value,
            }
            for value, label in SORTS
            # Relevance is a search's order.
            if value != "relevance" or filters.get("q")
        ],
        "chart": None
        if found["dropped"].get("months")
        else month_chart(
            found["months"],
            lambda month: month_url(query, month),
            totals=public_month_counts(),
            year_url=lambda year: timeline_url(
                query, replace={"year": year, "from": None, "to": None}
            ),
            selected=(filters.get("start"), filters.get("end"))
            if filters.get("start") or filters.get("end")
            else (
                (datetime.date(filters["year"], 1, 1), datetime.date(filters["year"], 12, 1))
                if filters.get("year")
                else None
            ),
        ),
        "map": place_map(found["map_places"], query),
        # Where a range dragged on the chart goes: these filters, any dates replaced.
        "chart_base": timeline_url(query, replace={"from": None, "to": None, "year": None}),
        "export_query": export_query,
        # The search form carries the filters chosen by links; the actor search carries all.
        "hidden": [(k, v) for k, vs in query.lists() if k not in FORM_KEYS for v in vs if v],
        "carry": [(k, v) for k, vs in query.lists() if k not in PAGE_KEYS for v in vs if v],
    }
    response = render(request, template, context)
    if fragment and clean is not None:
        response["HX-Push-Url"] = query_url(request.path, clean)
    return response


@require_GET
@vary_on_headers("HX-Request")
def actor_search(request):
    """Actors whose name or alias contains `name`: type-ahead for the actor facet."""
    name = request.GET.get("name", "").strip()[:100]  # NUL is refused by the middleware
    query = TimelineFilterForm(request.GET).canonical_query()
    actors = []
    if name:
        actors = Actor.objects.named(name).most_active(15)
    chosen = set(query.getlist("actor"))
    results = [
        {"actor": a, "url": timeline_url(query, add=[("actor", a.slug)])}
        for a in actors
        if a.slug not in chosen
    ]
    context = {"name": name, "results": results, "query": query, "in_timeline": request.htmx}
    template = (
        "timeline/actor_search.html#matches"
        if wants_fragment(request)
        else "timeline/actor_search.html"
    )
    return render(request, template, context)


def export(request, *, fmt: str):
    form, events = filtered_events(request)
    if events is None:
        messages = "; ".join(m for ms in form.errors.values() for m in ms)
        return HttpResponse(
            f"These filters cannot be used: {messages}\n",
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    heading = describe(form.cleaned_data)
    events = events.for_listing()
    absolute = request.build_absolute_uri
    name = slugify(heading)[:80] or "events"
    if fmt == "csv":
        body, content_type, suffix = exports.to_csv(events, absolute), "text/csv", "csv"
    elif fmt == "json":
        body = exports.to_json(events, absolute, title=heading)
        content_type, suffix = "application/json", "json"
    elif fmt == "timelinejs":
        body = exports.to_timelinejs(events, title=heading)
        content_type, suffix = "application/json", "timelinejs.json"
    else:
        body = exports.to_ics(events, absolute, title=heading, host=request.get_host())
        content_type, suffix = "text/calendar", "ics"
    # Streamed from a server-side cursor: the first bytes leave at once, memory stays flat.
    response = StreamingHttpResponse(body, content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.{suffix}"'
    return response


@require_GET
def export_csv(request):
    return export(request, fmt="csv")


@require_GET
def export_json(request):
    return export(request, fmt="json")


@require_GET
def export_timelinejs(request):
    return export(request, fmt="timelinejs")


@require_GET
def export_ics(request):
    return export(request, fmt="ics")


class BadPosition(Exception):
    pass


def page_of(request, events) -> EventPage:
    """The page of `events` that `?after=` or `?before=` asks for (the first without),
    oldest first; BadPosition for a position that is not one."""
    try:
        after, before = (
            PositionField(required=False).clean(request.GET.get(k)) for k in ("after", "before")
        )
    except ValidationError as exc:
        raise BadPosition(exc.messages[0]) from exc
    if isinstance(after, Relevance) or isinstance(before, Relevance):
        raise BadPosition("These pages are in date order; start again from the first page.")
    return events.for_listing().page(PAGE_SIZE, after=after, before=before)


def page_links(request, page: EventPage) -> dict:
    """The links to the pages above and below on a page that is not the timeline."""
    links = {}
    for name, key, position in (
        ("previous_url", "before", page.earlier),
        ("next_url", "after", page.later),
    ):
        if position is not None:
            links[name] = f"{request.path}?{urlencode({key: str(position)})}"
    return links


def bad_position(request, exc: BadPosition):
    return render(request, "error.html", {"status": 400, "message": str(exc)}, status=400)


def back_to_timeline(request, event) -> str:
    """The timeline as the reader left it: the event page is linked with the filters in force."""
    form = TimelineFilterForm(request.GET)
    query = request.GET if request.GET and form.is_valid() else None
    return timeline_url(query) + f"#event-{event.pk}"


@require_safe
@vary_on_headers("HX-Request")
def event_detail(request, pk: int):
    # The sentences are highlighted from their articles' text and annotations: fetched with
    # the mentions, not one query per mention.
    event = get_object_or_404(Event.objects.visible().for_listing(full_articles=True), pk=pk)
    mentions = [(m, marked(m.sentence, mention_spans(m))) for m in event.source_mentions()]
    template = "timeline/event.html#mentions" if wants_fragment(request) else "timeline/event.html"
    permalink = request.build_absolute_uri(event.get_absolute_url())
    context = {
        "event": event,
        "mentions": mentions,
        "back_url": back_to_timeline(request, event),
        "permalink": permalink,
        "citation": event.citation(permalink, site=SITE_NAME, accessed=timezone.localdate()),
    }
    return render(request, template, context)


@require_safe
def actor_detail(request, slug: str):
    actor = get_object_or_404(Actor.objects.select_related("country"), slug=slug)
    events = Event.objects.visible().filtered({"actor": [actor]})
    try:
        # The busiest actor is in tens of thousands of events: a page at a time.
        page = page_of(request, events)
    except BadPosition as exc:
        return bad_position(request, exc)

    def count():
        # Like the timeline's facets: on a time budget, kept until the data change.
        found, dropped = {}, []
        with query_time_limit(settings.FACET_TIME_LIMIT_MS) as budget:
            for name, run in (
                ("partners", lambda: actor.partners(events, limit=10)),
                ("months", events.month_counts),
            ):
                try:
                    found[name] = budget.run(run)
                except TooSlow:
                    found[name], dropped = None, [*dropped, name]
        if found["months"] is not None:
            found["total"] = sum(found["months"].values())
        else:
            found["total"] = events.count()
        found["dropped"] = {name: True for name in dropped}
        return found

    found = summary("actor", str(actor.pk), count)
    partners = found["partners"] or []
    mine = QueryDict(mutable=True)
    mine["actor"] = actor.slug
    context = {
        "actor": actor,
        "aliases": actor.aliases.all(),
        "events": page.events,
        **page_links(request, page),
        "total": found["total"],
        "dropped": found["dropped"],
        "time_limit": settings.FACET_TIME_LIMIT_MS,
        "timeline_url": timeline_url(mine),
        "partners": [
            {"actor": p, "url": timeline_url(mine, add=[("actor", p.slug)])} for p in partners
        ],
        "chart": month_chart(
            found["months"] or {},
            lambda month: month_url(mine, month),
            totals=public_month_counts(),
            year_url=lambda year: timeline_url(mine, replace={"year": year}),
        ),
        "chart_base": timeline_url(mine),
    }
    return render(request, "timeline/actor.html", context)


@require_safe
def article_detail(request, pk: int):
    article = get_object_or_404(Article, pk=pk)
    events = Event.objects.visible().filter(
        pk__in=Mention.objects.filter(article=article).values("event_id")
    )
    try:
        page = page_of(request, events)
    except BadPosition as exc:
        return bad_position(request, exc)
    context = {
        "article": article,
        "events": page.events,
        **page_links(request, page),
        "text": marked(article.raw_text, article_spans(article.annotations)),
    }
    return render(request, "timeline/article.html", context)


@require_safe
def favicon(request):
    # Asked for by browsers, feed readers and bookmarking tools that never read the page.
    return redirect(static("timeline/favicon.svg"), permanent=True)
