from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig


class TimelineConfig(AppConfig):
    name = "timeline"
    verbose_name = "Timeline"

    def ready(self):
        from django.db.models.signals import post_migrate

        post_migrate.connect(restore_sqlite_search, sender=self)


def restore_sqlite_search(sender, using, **kwargs):
    """SQLite rebuilds a table to alter it, dropping its triggers: a later migration of
    Event, Mention or Place would leave the search index behind. Put them back."""
    from django.db import connections

    from timeline import search

    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    tables = set(connection.introspection.table_names())
    if all(f"{table}_fts" in tables for table, _ in search.SEARCHED):
        with connection.cursor() as cursor:
            search.ensure_sqlite_tables(cursor)


class TimelineAdminConfig(AdminConfig):
    """The admin, with a site that answers 403 to signed-in people who aren't staff."""

    default_site = "timeline.admin_site.TimelineAdminSite"
