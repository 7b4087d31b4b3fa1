"""A time budget for queries: a facet that would slow the page is given up, not waited for.

Datasette's facet_time_limit_ms, on both databases: PostgreSQL cancels the statement
(statement_timeout; inside a transaction, each query gets a savepoint to fall back to),
SQLite interrupts it from a progress handler.
"""

from __future__ import annotations

import time
from contextlib import contextmanager

from django.db import DatabaseError, connections, transaction

# SQLite calls the handler every this many virtual machine instructions (well under 1 ms).
SQLITE_STEPS = 10_000
QUERY_CANCELED = "57014"


class TooSlow(Exception):
    """The query ran past its time budget and was stopped."""


class Budget:
    """Runs functions that query, each stopped if it takes longer than the budget."""

    def __init__(self, connection, milliseconds: int):
        self.connection = connection
        self.milliseconds = milliseconds
        self.nested = connection.in_atomic_block

    def run(self, query):
        """`query()`, or TooSlow if the database had to stop it."""
        if self.connection.vendor == "postgresql":
            try:
                if not self.nested:
                    return query()  # autocommit: a cancelled statement leaves nothing behind
                with transaction.atomic(using=self.connection.alias):
                    return query()
            except DatabaseError as exc:
                if getattr(exc.__cause__, "sqlstate", None) == QUERY_CANCELED:
                    raise TooSlow from exc
                raise
        if self.connection.vendor == "sqlite":
            deadline = time.perf_counter() + self.milliseconds / 1000
            raw = self.connection.connection
            raw.set_progress_handler(lambda: time.perf_counter() > deadline, SQLITE_STEPS)
            try:
                return query()
            except DatabaseError as exc:
                if "interrupted" in str(exc):
                    raise TooSlow from exc
                raise
            finally:
                raw.set_progress_handler(None, SQLITE_STEPS)
        return query()


@contextmanager
def query_time_limit(milliseconds: int, using: str = "default"):
    """A Budget whose `run(query)` gives each query `milliseconds` at most:
    `with query_time_limit(200) as budget: counts = budget.run(events.type_counts)`."""
    connection = connections[using]
    connection.ensure_connection()
    budget = Budget(connection, milliseconds)
    if connection.vendor != "postgresql":
        yield budget
        return
    # In a transaction the setting ends with it; in autocommit it is the session's, until reset.
    scope = "LOCAL " if budget.nested else ""
    with connection.cursor() as cursor:
        cursor.execute(f"SET {scope}statement_timeout = {int(milliseconds)}")
    try:
        yield budget
    finally:
        if connection.is_usable():
            with connection.cursor() as cursor:
                cursor.execute(f"SET {scope}statement_timeout TO DEFAULT")
