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


def worker_status() -> dict:
    """{"missing": True, "last_seen": datetime or None} when no `db_worker` has sent a
    heartbeat within TASKS_WORKER_TIMEOUT: added articles would wait forever."""
    from timeline.models import WorkerHeartbeat
    from timeline.tasks import uses_database_queue

    if not uses_database_queue() or WorkerHeartbeat.objects.alive().exists():
        return {"missing": False, "last_seen": None}
    last = WorkerHeartbeat.objects.order_by("-seen_at").values_list("seen_at", flat=True).first()
    return {"missing": True, "last_seen": last}


def site(request) -> dict:
    # Lazy: pages that never print the years (admin, JSON) never ask for them; only staff
    # pages ask whether a worker runs.
    return {
        "covered_years": SimpleLazyObject(covered_years),
        "worker": SimpleLazyObject(worker_status),
    }
