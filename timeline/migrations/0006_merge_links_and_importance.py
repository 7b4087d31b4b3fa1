"""Joins two migrations that landed side by side: neither touches what the other does."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0005_event_importance_place_coordinates"),
        ("timeline", "0005_links_are_web_addresses"),
    ]

    operations = []
