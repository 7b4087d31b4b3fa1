"""Articles stored with page furniture as their title ("World News >", "All news") or none get
the first headline-like line of their text instead (issue 11)."""

from django.db import migrations


def name_articles(apps, schema_editor):
    from timeline.extraction.clean import headline, is_headline

    Article = apps.get_model("timeline", "Article")
    for article in Article.objects.only("pk", "title", "outlet", "clean_text").iterator():
        if article.title and is_headline(article.title, outlet=article.outlet):
            continue
        better = headline(article.clean_text, outlet=article.outlet)[:500]
        if better and better != article.title:
            Article.objects.filter(pk=article.pk).update(title=better)


class Migration(migrations.Migration):
    dependencies = [("timeline", "0003_curators_group")]

    operations = [migrations.RunPython(name_articles, migrations.RunPython.noop)]
