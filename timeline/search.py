"""Text search on the database's own engine: PostgreSQL full-text search, SQLite FTS5.

Both read the same syntax, the one web search engines taught everybody (PostgreSQL's
`websearch_to_tsquery`): words are all required, "quoted words" are a phrase, -word excludes,
OR between words offers alternatives. English stemming on both: "talks" finds "talk".

What is searched: an event's summary, its place's name and the sentences it was found in.
PostgreSQL indexes each with a GIN expression index; SQLite keeps an FTS5 table of each,
filled by triggers, so rows written in bulk (bulk_create, raw SQL) are found too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.db import connections
from django.db.models import Q
from django.db.models.expressions import RawSQL

CONFIG = "english"
# What is searched: (table, text column), each with its own index.
SEARCHED = (
    ("timeline_event", "summary"),
    ("timeline_mention", "sentence"),
    ("timeline_place", "name"),
)
# PostgreSQL's english.stop: a query word it ignores is ignored on SQLite too.
ENGLISH_STOP = """i me my myself we our ours ourselves you your yours yourself yourselves he him his
    himself she her hers herself it its itself they them their theirs themselves what which
    who whom this that these those am is are was were be been being have has had having do
    does did doing a an the and but if or because as until while of at by for with about
    against between into through during before after above below to from up down in out on
    off over under again further then once here there when where why how all any both each
    few more most other some such no nor not only own same so than too very s t can will
    just don should now"""
STOP_WORDS = frozenset(ENGLISH_STOP.split())


@dataclass
class Alternative:
    """Words that must all be there (each a phrase of one or more words), and words that
    must not."""

    required: list[list[str]] = field(default_factory=list)
    excluded: list[list[str]] = field(default_factory=list)


WORD = re.compile(r"\w+", re.UNICODE)
TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')


def words(text: str) -> list[str]:
    """The searchable words of `text`, lower case, stop words dropped."""
    return [w for w in WORD.findall(text.lower()) if w not in STOP_WORDS]


def parse(text: str) -> list[Alternative]:
    """A web-search query as alternatives (OR) of required and excluded phrases.

    `parse('ceasefire "Geneva talks" -Russia OR truce')` ->
    [Alternative([["ceasefire"], ["geneva", "talks"]], [["russia"]]), Alternative([["truce"]])]
    Anything unbalanced or odd ("((", a lone quote, "-") is read as words, never an error.
    """
    alternatives = [Alternative()]
    for match in TOKEN.finditer(text):
        minus, quoted, bare = match.groups()
        if bare is not None:
            if bare == "OR" or bare.lower() == "or" and bare.isupper():
                if alternatives[-1].required or alternatives[-1].excluded:
                    alternatives.append(Alternative())
                continue
            minus, bare = ("-", bare[1:]) if bare.startswith("-") and len(bare) > 1 else ("", bare)
            phrases = [[w] for w in words(bare)] if not minus else [words(bare)]
        else:
            phrases = [words(quoted)]
        for phrase in phrases:
            if phrase:
                target = alternatives[-1].excluded if minus else alternatives[-1].required
                target.append(phrase)
    return [a for a in alternatives if a.required or a.excluded]


def fts5_phrase(phrase: list[str]) -> str:
    # Each word quoted: FTS5 then reads it as a string, never as syntax (AND, NEAR, column:).
    return " + ".join('"' + w.replace('"', '""') + '"' for w in phrase)


def fts5_query(alternatives: list[Alternative]) -> str | None:
    """The FTS5 MATCH expression for the alternatives that require something; None if none
    does. `fts5_query(parse('talks -Russia'))` -> `(("talks") NOT ("russia"))`."""
    parts = []
    for alt in alternatives:
        if not alt.required:
            continue  # FTS5 has no "everything but": see exclusions_only()
        part = "(" + " AND ".join(f"({fts5_phrase(p)})" for p in alt.required) + ")"
        if alt.excluded:
            part = f"({part} NOT ({' OR '.join(fts5_phrase(p) for p in alt.excluded)}))"
        parts.append(part)
    return " OR ".join(parts) or None


def exclusions_only(alternatives: list[Alternative]) -> str | None:
    """For a query of exclusions alone ("-Russia"): the FTS5 expression of what to exclude."""
    if any(alt.required for alt in alternatives):
        return None
    excluded = [p for alt in alternatives for p in alt.excluded]
    return " OR ".join(fts5_phrase(p) for p in excluded) or None


def search(events, text: str):
    """`events` whose summary, place or a source sentence match `text`."""
    if connections[events.db].vendor == "postgresql":
        return postgresql_search(events, text)
    return events.filter(sqlite_matching(text))


def postgresql_search(events, text: str):
    alternatives = parse(text)
    if alternatives and not any(alt.required for alt in alternatives):
        # "-Russia" alone: the events that no field of mentions Russia (field by field,
        # every summary without Russia would match).
        excluded = [p for alt in alternatives for p in alt.excluded]
        return events.exclude(
            postgresql_matching(" OR ".join('"' + " ".join(p) + '"' for p in excluded))
        )
    return events.filter(postgresql_matching(text))


def postgresql_matching(text: str) -> Q:
    from django.contrib.postgres.search import SearchQuery, SearchVector

    from timeline.models import Event, Mention, Place

    query = SearchQuery(text, search_type="websearch", config=CONFIG)
    # The same expressions as the GIN indexes (see install()), so that the indexes serve them.
    sentences = Mention.objects.alias(v=SearchVector("sentence", config=CONFIG)).filter(v=query)
    places = Place.objects.alias(v=SearchVector("name", config=CONFIG)).filter(v=query)
    summaries = Event.objects.alias(v=SearchVector("summary", config=CONFIG)).filter(v=query)
    return (
        Q(pk__in=summaries.values("pk"))
        | Q(pk__in=sentences.values("event_id"))
        | Q(place__in=places.values("pk"))
    )


def sqlite_matching(text: str) -> Q:
    alternatives = parse(text)
    expression = fts5_query(alternatives)
    negative = False
    if expression is None:
        expression, negative = exclusions_only(alternatives), True
    if expression is None:
        return Q(pk__in=[])  # nothing searchable: like PostgreSQL, nothing matches

    def rowids(table):
        return RawSQL(f"SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH %s", [expression])

    sentences = RawSQL(
        "SELECT event_id FROM timeline_mention WHERE id IN "
        "(SELECT rowid FROM timeline_mention_fts WHERE timeline_mention_fts MATCH %s)",
        [expression],
    )
    found = (
        Q(pk__in=rowids("timeline_event"))
        | Q(pk__in=sentences)
        | Q(place__in=rowids("timeline_place"))
    )
    return ~found if negative else found


def relevance(connection, text: str):
    """How well each event's summary matches `text`, higher is better (0 when only its
    sentences or place match), as an expression to annotate and order by."""
    from django.db.models import FloatField
    from django.db.models.functions import Cast

    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

        query = SearchQuery(text, search_type="websearch", config=CONFIG)
        # float8: a position in a URL holds it exactly.
        return Cast(SearchRank(SearchVector("summary", config=CONFIG), query), FloatField())
    expression = fts5_query(parse(text))
    if expression is None:
        return RawSQL("0.0", [], output_field=FloatField())
    # bm25() exists only inside a MATCH query, and a MATCH per row would run the search once
    # per row: the scores go into a table of this connection's own, once per page.
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TEMP TABLE IF NOT EXISTS search_relevance "
            "(id INTEGER PRIMARY KEY, score REAL NOT NULL)"
        )
        cursor.execute("DELETE FROM temp.search_relevance")
        cursor.execute(
            "INSERT INTO temp.search_relevance SELECT rowid, -bm25(timeline_event_fts) "
            "FROM timeline_event_fts WHERE timeline_event_fts MATCH %s",
            [expression],
        )
    return RawSQL(
        "COALESCE((SELECT score FROM temp.search_relevance WHERE id = timeline_event.id), 0.0)",
        [],
        output_field=FloatField(),
    )


# Creating the indexes: in a migration, and on SQLite again after every migrate, whose
# schema editor rebuilds a table to alter it and drops its triggers with it.


def search_index(table: str, column: str):
    from django.contrib.postgres.indexes import GinIndex
    from django.contrib.postgres.search import SearchVector

    return GinIndex(SearchVector(column, config=CONFIG), name=f"{table}_{column}_search"[:30])


def install(apps, schema_editor) -> None:
    connection = schema_editor.connection
    if connection.vendor == "postgresql":
        for table, column in SEARCHED:
            model = apps.get_model("timeline", MODELS[table])
            schema_editor.add_index(model, search_index(table, column))
    elif connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            ensure_sqlite_tables(cursor)


def uninstall(apps, schema_editor) -> None:
    connection = schema_editor.connection
    for table, column in SEARCHED:
        if connection.vendor == "postgresql":
            model = apps.get_model("timeline", MODELS[table])
            schema_editor.remove_index(model, search_index(table, column))
        elif connection.vendor == "sqlite":
            for suffix in ("ai", "ad", "au"):
                schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_fts_{suffix}")
            schema_editor.execute(f"DROP TABLE IF EXISTS {table}_fts")


MODELS = {"timeline_event": "Event", "timeline_mention": "Mention", "timeline_place": "Place"}


def ensure_sqlite_tables(cursor) -> bool:
    """Create what is missing of the FTS5 tables and their triggers; rebuild a table whose
    triggers were missing (rows written meanwhile were not indexed). True if anything was."""
    changed = False
    for table, column in SEARCHED:
        fts = f"{table}_fts"
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s", [table]
        )
        triggers = {row[0] for row in cursor.fetchall()}
        wanted = {f"{fts}_ai", f"{fts}_ad", f"{fts}_au"}
        if wanted <= triggers:
            continue
        changed = True
        cursor.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5({column}, content='{table}', "
            f"content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')"
        )
        cursor.execute(
            f"CREATE TRIGGER IF NOT EXISTS {fts}_ai AFTER INSERT ON {table} BEGIN "
            f"INSERT INTO {fts}(rowid, {column}) VALUES (new.id, new.{column}); END"
        )
        cursor.execute(
            f"CREATE TRIGGER IF NOT EXISTS {fts}_ad AFTER DELETE ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {column}) VALUES ('delete', old.id, old.{column}); "
            "END"
        )
        cursor.execute(
            f"CREATE TRIGGER IF NOT EXISTS {fts}_au AFTER UPDATE OF {column} ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {column}) VALUES ('delete', old.id, old.{column}); "
            f"INSERT INTO {fts}(rowid, {column}) VALUES (new.id, new.{column}); END"
        )
        cursor.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")
    return changed
