"""Run the current pipeline again on stored articles, keeping every curator's decision.

    manage.py reextract --all
    manage.py reextract 12 15

Curated, confirmed and rejected events are never changed; new findings are proposed;
proposed, uncurated events the article no longer yields are removed. Prints what changed.
"""

from django.core.management.base import BaseCommand, CommandError

from timeline.ingest import IngestError, get_pipeline, reextract_article
from timeline.models import Article


class Command(BaseCommand):
    help = "Re-run extraction on stored articles; curated, confirmed and rejected events stay."

    def add_arguments(self, parser):
        parser.add_argument("article_ids", nargs="*", type=int, metavar="ARTICLE_ID")
        parser.add_argument("--all", action="store_true", help="Every stored article.")

    def handle(self, *args, article_ids, all, **options):
        if all == bool(article_ids):
            raise CommandError("Give article ids, or --all (not both).")
        articles = Article.objects.order_by("published", "id")
        if not all:
            articles = articles.filter(pk__in=article_ids)
            missing = set(article_ids) - set(articles.values_list("pk", flat=True))
            if missing:
                raise CommandError(f"No article with id {', '.join(map(str, sorted(missing)))}.")
        pipeline = get_pipeline()
        totals = {"new": 0, "removed": 0, "failed": 0}
        for article in articles.iterator():
            try:
                report = reextract_article(article, pipeline)
            except IngestError as exc:
                self.stderr.write(f"{article.pk} {article}: {exc}")
                totals["failed"] += 1
                continue
            self.stdout.write("\n".join(report.lines()))
            totals["new"] += len(report.new_events)
            totals["removed"] += len(report.removed_events)
        self.stdout.write(
            f"{totals['new']} new events, {totals['removed']} removed, {totals['failed']} failed"
        )
        if totals["failed"]:
            raise CommandError(f"{totals['failed']} articles failed.", returncode=1)
