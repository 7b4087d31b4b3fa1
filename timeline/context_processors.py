"""What every page's header shows: the years the chronology covers, from the data."""

from __future__ import annotations

from django.utils.functional import SimpleLazyObject


def covered_years() -> str:
    """ "2011–2018" from the first and last public event's months; "" with no events."""
    from timeline.models import public_month_counts

    months = public_month_counts()
    if not months:
        return ""
    first, last = min(months).year, max(months).year
    return str(first) if first == last else f"{first}–{last}"


def site(request) -> dict:
    # Lazy: pages that never print the years (admin, JSON) never ask for them.
    return {"covered_years": SimpleLazyObject(covered_years)}
