"""What every page's header shows: the years the chronology covers, from the data."""

from __future__ import annotations

from django.core.cache import cache
from django.db.models import Max, Min
from django.utils.functional import SimpleLazyObject

YEARS_KEY = "timeline:years"


def covered_years() -> str:
    """ "2011–2018" from the first and last public event; "" with no events.

    Cached, and forgotten whenever an event is saved or deleted (see models.py).
    """
    cached = cache.get(YEARS_KEY)
    if cached is not None:
        return cached
    from timeline.models import Event

    span = Event.objects.visible().aggregate(first=Min("date"), last=Max("date"))
    years = ""
    if span["first"]:
        first, last = span["first"].year, span["last"].year
        years = str(first) if first == last else f"{first}–{last}"
    cache.set(YEARS_KEY, years, 3600)
    return years


def site(request) -> dict:
    # Lazy: pages that never print the years (admin, JSON) never ask the database.
    return {"covered_years": SimpleLazyObject(covered_years)}
