"""Public pages: the timeline, an event, an actor, an article."""

from __future__ import annotations

from itertools import groupby

from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from timeline.forms import TimelineFilterForm
from timeline.models import Actor, Article, Event, EventType, format_date

PAGE_SIZE = 50


def wants_fragment(request) -> bool:
    return bool(request.htmx) and not request.htmx.history_restore_request


def filter_events(events, filters: dict):
    if filters.get("actor"):
        for actor in filters["actor"]:
            # Each chosen actor narrows the list: events with Lavrov *and* Khatib.
            events = events.filter(event_actors__actor=actor)
    if filters.get("type"):
        events = events.filter(type__in=filters["type"])
    if filters.get("start"):
        events = events.filter(date__gte=filters["start"])
    if filters.get("end"):
        events = events.filter(date__lte=filters["end"])
    if filters.get("q"):
        q = filters["q"]
        events = events.filter(
            Q(summary__icontains=q)
            | Q(mentions__sentence__icontains=q)
            | Q(place__name__icontains=q)
        ).distinct()
    return events


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
    actors = [a.name for a in filters.get("actor") or []]
    if actors:
        what += " with " + " and ".join(actors)
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
    if filters.get("q"):
        what += f", mentioning “{filters['q']}”"
    return what


def month_groups(events):
    """[(first day of month, [events])] in the order given."""
    return [
        (key, list(items)) for key, items in groupby(events, key=lambda e: e.date.replace(day=1))
    ]


@require_GET
@vary_on_headers("HX-Request")
def timeline(request):
    form = TimelineFilterForm(request.GET)
    if not form.is_valid():
        context = {"form": form, "errors": form.errors}
        template = (
            "timeline/timeline.html#results"
            if wants_fragment(request)
            else "timeline/timeline.html"
        )
        return render(request, template, context, status=400)
    filters = form.cleaned_data
    events = filter_events(Event.objects.visible(), filters).chronological().for_listing()
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page": page,
        "groups": month_groups(page.object_list),
        "heading": describe(filters),
        "actors": Actor.objects.with_event_counts()
        .filter(event_count__gt=0)
        .order_by("-event_count", "name")[:30],
        "selected_actors": {a.slug for a in filters.get("actor") or []},
        "selected_types": set(filters.get("type") or []),
    }
    template = (
        "timeline/timeline.html#results" if wants_fragment(request) else "timeline/timeline.html"
    )
    return render(request, template, context)


@require_GET
def event_detail(request, pk: int):
    event = get_object_or_404(Event.objects.visible().for_listing(), pk=pk)
    return render(request, "timeline/event.html", {"event": event})


@require_GET
def actor_detail(request, slug: str):
    actor = get_object_or_404(Actor.objects.select_related("country"), slug=slug)
    events = Event.objects.visible().filter(event_actors__actor=actor).chronological().for_listing()
    return render(
        request,
        "timeline/actor.html",
        {"actor": actor, "events": events, "aliases": actor.aliases.all()},
    )


@require_GET
def article_detail(request, pk: int):
    article = get_object_or_404(Article, pk=pk)
    events = (
        Event.objects.visible().filter(mentions__article=article).distinct().chronological()
    ).for_listing()
    return render(request, "timeline/article.html", {"article": article, "events": events})
