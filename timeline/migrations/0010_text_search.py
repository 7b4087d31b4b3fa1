"""Text search on the database's own engine (timeline/search.py): GIN indexes of the
English tsvector of event summaries, mention sentences and place names on PostgreSQL; FTS5
tables kept in step by triggers on SQLite."""

from django.db import migrations

from timeline import search


class Migration(migrations.Migration):
    dependencies = [("timeline", "0009_task_heartbeats")]

    operations = [migrations.RunPython(search.install, search.uninstall, elidable=False)]
