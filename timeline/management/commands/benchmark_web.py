"""What each public view costs at two data sizes: server time, queries and bytes, and for the
exports the first byte and the memory they take. Synthetic data (`seed_synthetic`) in the
database DATABASE_URL names, requests through Django's test client in this process."""

from __future__ import annotations

import gc
import json
import re
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from timeline import synthetic
from timeline.models import Actor, Article, Event

EXPORTS = {
    "export.csv": "/export.csv",
    "export.json": "/export.json",
    "export.timelinejs": "/export.timelinejs.json",
    "export.ics": "/export.ics",
}
HTMX = {"HX-Request": "true", "HX-Target": "browse", "HX-Current-URL": "http://testserver/"}
# A view slower than this is measured once: seven runs of a 90-second page help nobody.
SLOW_SECONDS = 5.0


def size_list(value: str) -> list[int]:
    try:
        sizes = [int(v) for v in value.split(",") if v.strip()]
    except ValueError:
        sizes = []
    if not sizes or any(n < 1 for n in sizes):
        import argparse

        raise argparse.ArgumentTypeError(f"{value!r}: give event counts like 1000,100000")
    return sorted(set(sizes))


def rss_bytes() -> int:
    """This process's resident memory now (Linux), from /proc/self/statm."""
    import os

    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


class PeakMemory:
    """The highest resident memory seen while the block runs, sampled every 5 ms."""

    def __enter__(self):
        gc.collect()
        self.base = self.peak = rss_bytes()
        self.running = True
        self.thread = threading.Thread(target=self.watch, daemon=True)
        self.thread.start()
        return self

    def watch(self):
        while self.running:
            self.peak = max(self.peak, rss_bytes())
            time.sleep(0.005)

    def __exit__(self, *exc):
        self.running = False
        self.thread.join()
        self.peak = max(self.peak, rss_bytes())

    @property
    def growth(self) -> int:
        return self.peak - self.base


@dataclass
class Sample:
    seconds: float
    first_byte: float
    queries: int
    size: int
    status: int
    cpu: float = 0.0  # this process's CPU time: Python, and SQLite's work (in-process)


def fetch(client: Client, url: str, headers: dict | None = None) -> Sample:
    """One request, its streamed body read to the end, timed and its queries counted."""
    with CaptureQueriesContext(connection) as queries:
        started, cpu_started = time.perf_counter(), time.process_time()
        response = client.get(url, headers=headers or {})
        first_byte = None
        if response.streaming:
            size = 0
            for chunk in response.streaming_content:
                if first_byte is None:
                    first_byte = time.perf_counter() - started
                size += len(chunk)
        else:
            size = len(response.content)
        seconds = time.perf_counter() - started
        cpu = time.process_time() - cpu_started
    return Sample(
        seconds=seconds,
        first_byte=seconds if first_byte is None else first_byte,
        queries=len(queries),
        size=size,
        status=response.status_code,
        cpu=cpu,
    )


@dataclass
class Row:
    view: str
    events: int
    url: str
    samples: list[Sample] = field(default_factory=list)
    rss_growth: int | None = None
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(s.seconds for s in self.samples)

    @property
    def p95(self) -> float:
        times = sorted(s.seconds for s in self.samples)
        return times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]

    @property
    def first_byte(self) -> float:
        return statistics.median(s.first_byte for s in self.samples)

    @property
    def cpu(self) -> float:
        return statistics.median(s.cpu for s in self.samples)

    @property
    def queries(self) -> int:
        return max(s.queries for s in self.samples)

    @property
    def size(self) -> int:
        return max(s.size for s in self.samples)


def next_page_url(html: str) -> str | None:
    """The "load more" link's address in a timeline page, wherever its attributes are."""
    for tag in re.findall(r"<a\b[^>]*>", html):
        if 'id="load-more"' in tag or 'rel="next"' in tag:
            found = re.search(r'\bhref="([^"]+)"', tag)
            if found:
                return found.group(1).replace("&amp;", "&")
    return None


class Command(BaseCommand):
    help = (
        "Measure the public views (median and p95 server time, queries, bytes) and the "
        "exports (first byte, peak memory growth) at each of --sizes synthetic events, and "
        "print the ratio of the largest size to the smallest. Seeds the database DATABASE_URL "
        "names with seed_synthetic's rows (refusing one that holds real articles)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--sizes", type=size_list, default=[1000, 100000], help="default 1000,100000"
        )
        parser.add_argument("--repeat", type=int, default=7, help="runs a view (default 7)")
        parser.add_argument(
            "--export-repeat", type=int, default=1, help="runs an export (default 1)"
        )
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--reuse",
            action="store_true",
            help="keep synthetic data of the right size already in the database",
        )
        parser.add_argument("--no-exports", action="store_true", help="measure only the pages")
        parser.add_argument(
            "--only", default="", help="comma-separated view names to measure (default all)"
        )
        # Internal: one export measured in a fresh process, printed as JSON.
        parser.add_argument("--export-probe", help=argparse_suppress())

    def handle(self, *args, **options):
        if options["export_probe"]:
            return self.probe(options["export_probe"])
        if options["repeat"] < 1 or options["export_repeat"] < 1:
            raise CommandError("--repeat and --export-repeat must be at least 1.")
        if not synthetic.migrated():
            raise CommandError("The database is not up to date: run manage.py migrate first.")
        real = synthetic.real_articles().count()
        if real:
            raise CommandError(
                f"The database holds {real} real articles: point DATABASE_URL at a database "
                "for benchmarks (it is filled with synthetic rows)."
            )
        only = {v.strip() for v in options["only"].split(",") if v.strip()}
        db = settings.DATABASES["default"]
        self.stdout.write(
            f"Database: {connection.vendor} {db['NAME']} · DEBUG={settings.DEBUG} · "
            f"{options['repeat']} runs a view after a warm-up (one run if slower than "
            f"{SLOW_SECONDS:g} s) · Django test client, in-process · times in ms · CPU: this "
            "process's (Python, and SQLite's work; not PostgreSQL's), less swayed than the time "
            "by what else runs on the machine"
        )
        rows: list[Row] = []
        for size in options["sizes"]:
            self.prepare(size, options)
            rows += self.measure_views(size, options["repeat"], only)
            if not options["no_exports"]:
                rows += self.measure_exports(size, options["export_repeat"], only)
        self.report(rows, options["sizes"])

    def prepare(self, size: int, options) -> None:
        present = synthetic.synthetic_articles().exists()
        if options["reuse"] and present and Event.objects.count() == size:
            self.stdout.write(f"Reusing the {size} synthetic events in the database.")
            return
        started = time.perf_counter()
        if present:
            synthetic.clear()
        synthetic.seed(
            events=size,
            actors=min(2000, max(20, size // 50)),
            articles=max(1, size // 5),
            seed=options["seed"],
        )
        if connection.vendor == "postgresql":
            # VACUUM too: clearing and seeding leave dead rows (400,000 after a few runs
            # at 100,000 events) that autovacuum has not reached yet, and the searches'
            # bitmap scans read them; a database in service has had them vacuumed.
            # (Not possible inside a transaction: a test's.)
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
        cache.clear()
        self.stdout.write(f"Seeded {size} events in {time.perf_counter() - started:.1f} s.")

    def targets(self) -> list[tuple[str, str, dict | None]]:
        busiest = (
            Actor.objects.annotate(n=Count("event_links")).order_by("-n", "pk").only("slug").first()
        )
        article = (
            Article.objects.annotate(n=Count("mentions")).order_by("-n", "pk").only("pk").first()
        )
        event = Event.objects.visible().annotate(n=Count("mentions")).order_by("-n", "pk").first()
        views = [
            ("timeline /", "/", None),
            ("timeline htmx fragment", "/", HTMX),
            ("timeline ?q=ceasefire", "/?q=ceasefire", None),
            ("timeline ?actor=busiest", f"/?actor={busiest.slug}", None),
        ]
        views += [
            ("actor page (busiest)", busiest.get_absolute_url(), None),
            ("article page (most mentions)", article.get_absolute_url(), None),
            ("event page (most mentions)", event.get_absolute_url(), None),
        ]
        return views

    def measure_views(self, size: int, repeat: int, only: set[str]) -> list[Row]:
        client = Client()
        rows = []
        with override_settings(ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"]):
            views = self.targets()
            first_page = client.get("/").content.decode()
            page_two = next_page_url(first_page)
            if page_two:
                views.insert(4, ("timeline page 2, full", page_two, None))
                views.insert(
                    5,
                    ("load more (htmx page 2)", page_two, {**HTMX, "HX-Target": "load-more"}),
                )
            for name, url, headers in views:
                if only and name not in only:
                    continue
                row = Row(view=name, events=size, url=url)
                warm = fetch(client, url, headers)
                if warm.seconds > SLOW_SECONDS:
                    row.samples.append(warm)
                    row.note = "1 run"
                else:
                    row.samples += [fetch(client, url, headers) for _ in range(repeat)]
                if any(s.status != 200 for s in row.samples):
                    row.note = f"HTTP {row.samples[0].status}"
                rows.append(row)
                self.stderr.write(f"  {size:>7} {name}: {row.median * 1000:.0f} ms")
        return rows

    def measure_exports(self, size: int, repeat: int, only: set[str]) -> list[Row]:
        """Each export in a fresh process, so its memory is not hidden in what the seeding
        and the other views left allocated."""
        rows = []
        for name, url in EXPORTS.items():
            if only and name not in only:
                continue
            row = Row(view=name, events=size, url=url)
            for _ in range(repeat):
                command = [
                    sys.executable,
                    str(settings.BASE_DIR / "manage.py"),
                    "benchmark_web",
                    "--export-probe",
                    url,
                ]
                done = subprocess.run(command, capture_output=True, text=True)
                if done.returncode != 0:
                    raise CommandError(f"{url} failed:\n{done.stderr[-2000:]}")
                found = json.loads(done.stdout.strip().splitlines()[-1])
                row.samples.append(Sample(**found["sample"]))
                row.rss_growth = max(row.rss_growth or 0, found["rss_growth"])
            if any(s.status != 200 for s in row.samples):
                row.note = f"HTTP {row.samples[0].status}"
            rows.append(row)
            self.stderr.write(f"  {size:>7} {name}: {row.median * 1000:.0f} ms")
        return rows

    def probe(self, url: str) -> None:
        import timeline.exports  # noqa: F401  (loaded before the baseline, as in a server)
        import timeline.views  # noqa: F401

        client = Client()
        hosts = [*settings.ALLOWED_HOSTS, "testserver"]
        with override_settings(ALLOWED_HOSTS=hosts):
            # A first request reads the URLs, views and templates and runs the export's
            # code, as a server's first would. What the export takes as it goes through the
            # events is measured after it.
            # Read to the end (an export dropped halfway would leave its cursor open), for a
            # period with no events.
            warm = client.get(url + ("&" if "?" in url else "?") + "to=1900")
            if warm.streaming:
                for _piece in warm.streaming_content:
                    pass
            warm.close()
            with PeakMemory() as memory:
                sample = fetch(client, url)
        self.stdout.write(json.dumps({"sample": sample.__dict__, "rss_growth": memory.growth}))

    def report(self, rows: list[Row], sizes: list[int]) -> None:
        out = self.stdout.write
        out("")
        out(
            f"{'view':<30} {'events':>7} {'median':>9} {'p95':>9} {'queries':>7} "
            f"{'bytes':>11} {'CPU':>7} {'first byte':>10} {'RSS +MB':>8}  note"
        )
        for row in rows:
            first = f"{row.first_byte * 1000:.0f}" if row.view in EXPORTS else ""
            rss = f"{row.rss_growth / 2**20:.1f}" if row.rss_growth is not None else ""
            out(
                f"{row.view:<30} {row.events:>7} {row.median * 1000:>9.1f} {row.p95 * 1000:>9.1f} "
                f"{row.queries:>7} {row.size:>11} {row.cpu * 1000:>7.1f} {first:>10} {rss:>8}  "
                f"{row.note}"
            )
        if len(sizes) < 2:
            return
        small, large = sizes[0], sizes[-1]
        out("")
        out(f"Ratio {large} / {small} events")
        out(f"{'view':<30} {'median':>8} {'p95':>8} {'queries':>8} {'bytes':>8} {'CPU':>8}")
        by_key = {(r.view, r.events): r for r in rows}
        for row in rows:
            if row.events != small or (row.view, large) not in by_key:
                continue
            big = by_key[(row.view, large)]
            out(
                f"{row.view:<30} {big.median / row.median:>7.1f}x {big.p95 / row.p95:>7.1f}x "
                f"{big.queries / max(row.queries, 1):>7.1f}x {big.size / max(row.size, 1):>7.1f}x "
                f"{big.cpu / row.cpu if row.cpu else 0:>7.1f}x"
            )


def argparse_suppress():
    import argparse

    return argparse.SUPPRESS
