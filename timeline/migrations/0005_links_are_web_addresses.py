"""Clear stored article and submission addresses that are not http(s): a page's canonical link
could say `javascript:alert(1)`, and such an address must never become a link."""

from urllib.parse import urlsplit

from django.db import migrations


def is_web_address(url: str) -> bool:
    parts = urlsplit(url.strip())
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def clear_other_addresses(apps, schema_editor):
    for name in ("Article", "Submission"):
        model = apps.get_model("timeline", name)
        bad = [pk for pk, url in model.objects.exclude(url="").values_list("pk", "url") if not is_web_address(url)]
        model.objects.filter(pk__in=bad).update(url="")


class Migration(migrations.Migration):
    dependencies = [("timeline", "0004_article_headlines")]

    operations = [migrations.RunPython(clear_other_addresses, migrations.RunPython.noop)]
