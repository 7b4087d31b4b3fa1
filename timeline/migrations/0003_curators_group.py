"""The "curators" group: exactly what reviewing, correcting, merging and adding articles needs.

Events: view and change (confirm, reject, edit, merge; merging deletes the absorbed events
inside the merge action, so curators get no general delete). Event actors: all four, as the
actors inline of an event adds, edits and removes them. Mentions: view and delete (drop a
sentence that was wrongly attached). Actors: view, add, change (merge). Aliases: all four.
Places: view, add, change. Articles: view, add (the Add article page), change (re-extract).
Submissions: view. Nobody in the group can delete articles, actors, places or users.
"""

from django.db import migrations

CURATOR_PERMISSIONS = {
    "event": ["view", "change"],
    "reviewqueue": ["view", "change"],
    "eventactor": ["view", "add", "change", "delete"],
    "mention": ["view", "delete"],
    "actor": ["view", "add", "change"],
    "actoralias": ["view", "add", "change", "delete"],
    "place": ["view", "add", "change"],
    "article": ["view", "add", "change"],
    "submission": ["view"],
}


def create_curators(apps, schema_editor):
    # Permissions are normally made after all migrations; the group needs them now.
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="curators")
    codenames = [
        f"{action}_{model}" for model, actions in CURATOR_PERMISSIONS.items() for action in actions
    ]
    permissions = Permission.objects.filter(content_type__app_label="timeline", codename__in=codenames)
    group.permissions.set(permissions)


def delete_curators(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="curators").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0002_review_queue_and_submissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_curators, delete_curators)]
