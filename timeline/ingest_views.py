"""The Add article page for staff: paste, upload or fetch; confirm the date; watch extraction.

/ingest/                 the form: text, files or a URL, with optional title, outlet, date
/ingest/<batch>/confirm/ the publication dates detected, to confirm or correct
/ingest/<batch>/         progress, then the result; htmx polls it until every article is done
"""

from __future__ import annotations

import datetime
import functools
from pathlib import PurePath

from django import forms
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRedirect

from timeline.context_processors import worker_status
from timeline.extraction.clean import Document
from timeline.extraction.dates import find_dateline
from timeline.ingest import IngestError, check_published, read_document
from timeline.models import Article, Event, Submission, is_web_address

ARTICLE_SUFFIXES = {".txt", ".html", ".htm"}


def curator_required(view):
    """Anonymous: to the login page. Signed in without the right to add articles: 403."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not may_ingest(user):
            raise PermissionDenied("Adding articles is for curators.")
        return view(request, *args, **kwargs)

    return wrapper


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".txt,.html,.htm"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        return [super(MultipleFileField, self).clean(f, initial) for f in files if f]


def validate_published(day: datetime.date) -> None:
    try:
        check_published(day)
    except IngestError as exc:
        raise forms.ValidationError(str(exc)) from exc


def megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}".removesuffix(".0")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")  # what <input type=date> needs, any locale


class ArticleSourceForm(forms.Form):
    text = forms.CharField(
        label="Paste the article",
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 12}),
    )
    files = MultipleFileField(
        label="or upload .txt or .html files", required=False, allow_empty_file=True
    )
    url = forms.URLField(
        label="or give its address", required=False, assume_scheme="https", max_length=1000
    )
    title = forms.CharField(max_length=500, required=False)
    outlet = forms.CharField(max_length=200, required=False)
    published = forms.DateField(
        label="Publication date",
        required=False,
        widget=DateInput,
        validators=[validate_published],
        help_text="Leave empty to detect it from the page; you confirm what is found.",
    )

    def clean(self):
        data = super().clean()
        text = data.get("text") or ""
        given = [name for name in ("files", "url") if data.get(name)]
        if text:
            given.append("text")
        if not given and not self.errors:
            raise forms.ValidationError("Paste the text, upload files or give a URL.")
        if len(given) > 1:
            raise forms.ValidationError("Give one of them: pasted text, files or a URL.")
        return data


class ConfirmForm(forms.Form):
    published = forms.DateField(
        label="Publication date", widget=DateInput, validators=[validate_published]
    )
    title = forms.CharField(max_length=500, required=False)
    outlet = forms.CharField(max_length=200, required=False)


ConfirmFormSet = forms.formset_factory(ConfirmForm, extra=0)


def detect_published(document: Document) -> tuple[datetime.date | None, str]:
    """The publication date the document itself gives, and where it came from; none when
    that date can't be a publication date (in the future, before 1800)."""
    found = None, ""
    if document.published is not None:
        found = document.published, document.published_how or "the page's metadata"
    elif (dateline := find_dateline(document.text)) is not None and dateline.value:
        found = datetime.date.fromisoformat(dateline.value), "the dateline"
    if found[0] is not None:
        try:
            check_published(found[0])
        except IngestError:
            return None, ""
    return found


def submission_from(document: Document, **fields) -> Submission:
    detected, how = detect_published(document)
    return Submission(
        language=document.language,
        detected_published=detected,
        detected_how=how,
        title=fields.pop("title", "") or document.title[:500],
        outlet=fields.pop("outlet", "") or document.outlet[:200],
        **fields,
    )


def read_sources(form: ArticleSourceForm) -> list[Submission]:
    """Unsaved submissions for what the form gave; IngestError for anything unusable."""
    data = form.cleaned_data
    common = {"title": data["title"], "outlet": data["outlet"]}
    if data["text"]:
        raw = data["text"].encode("utf-8")
        limit = settings.INGEST_MAX_BYTES
        if len(raw) > limit:
            raise IngestError(
                f"The pasted text is {megabytes(len(raw))} MB, larger than the "
                f"{megabytes(limit)} MB limit for one article: split it, or upload it as files."
            )
        return [submission_from(read_document(raw), name="pasted text", data=raw, **common)]
    if data["url"]:
        from timeline.fetch import check_url

        # Only what needs no network here; the worker fetches (fetch_submission).
        check_url(data["url"])
        return [Submission(name=data["url"][:1000], url=data["url"], **common)]
    submissions = []
    limit = settings.INGEST_MAX_BYTES
    for upload in data["files"]:
        name = PurePath(upload.name).name
        if PurePath(name).suffix.lower() not in ARTICLE_SUFFIXES:
            raise IngestError(f"{name}: unsupported file type; upload .txt or .html files.")
        if upload.size > limit:
            raise IngestError(
                f"{name}: the file is larger than the {limit / 1024 / 1024:g} MB limit."
            )
        raw = upload.read()
        try:
            document = read_document(raw, name)
        except IngestError as exc:
            raise IngestError(f"{name}: {exc}") from exc
        submissions.append(submission_from(document, name=name, data=raw, filename=name, **common))
    return submissions


def fetch_submission(submission: Submission) -> None:
    """Fetch a submitted URL (in the worker) and save its text, title, outlet and the date
    the page gives; IngestError with a sentence for the curator when it can't be read."""
    from timeline.fetch import fetch_page

    page = fetch_page(submission.url)
    raw = page.text.encode("utf-8")
    document = read_document(raw)
    if page.published is not None:
        document.published, document.published_how = page.published, "the page's metadata"
    fetched = submission_from(
        document,
        title=submission.title or page.title[:500],
        outlet=submission.outlet or page.outlet[:200],
    )
    submission.data = raw
    if is_web_address(page.url):  # where the redirects ended
        submission.url = page.url[:1000]
    submission.title, submission.outlet = fetched.title, fetched.outlet
    submission.language = fetched.language
    submission.detected_published = fetched.detected_published
    submission.detected_how = fetched.detected_how
    submission.save()


def enqueue(submissions: list[Submission]) -> None:
    for submission in submissions:
        submission.enqueue()


def may_ingest(user) -> bool:
    return user.is_active and user.is_staff and user.has_perm("timeline.add_article")


def too_large_paste(request, size: int):
    """The form again, saying why, when a post to it was over Django's limit; else None.

    Files do not count towards that limit, so what was too large is the pasted text.
    """
    return ingest_form_again(
        request,
        413,
        f"The pasted text is {megabytes(size)} MB, larger than the "
        f"{megabytes(settings.INGEST_MAX_BYTES)} MB limit for one article: split it, or "
        "upload it as files.",
    )


def too_many_files(request, limit: int):
    """The form again when more files were sent than Django takes in one post; else None."""
    return ingest_form_again(
        request, 400, f"Upload at most {limit} files at once; add the rest in another batch."
    )


def ingest_form_again(request, status: int, problem: str):
    if request.path != reverse("timeline:ingest") or not may_ingest(request.user):
        return None
    context = {"form": ArticleSourceForm(), "problem": problem}
    return render(request, "ingest/ingest.html", context, status=status)


@curator_required
@require_http_methods(["GET", "POST"])
def ingest(request):
    bound = request.method == "POST"
    form = ArticleSourceForm(request.POST if bound else None, request.FILES if bound else None)
    if request.method == "POST" and form.is_valid():
        try:
            submissions = read_sources(form)
        except IngestError as exc:
            form.add_error(None, str(exc))
        else:
            given = form.cleaned_data["published"]
            undated = [
                s.name
                for s in submissions
                if given is None and s.detected_published is None and not s.url
            ]
            if undated:
                form.add_error(
                    "published",
                    f"No publication date found in {', '.join(undated)}: give one.",
                )
            else:
                return start(request, submissions, given)
    code = 400 if form.is_bound else 200
    return render(request, "ingest/ingest.html", {"form": form}, status=code)


def start(request, submissions: list[Submission], published: datetime.date | None):
    """Save the batch: queued at once when the curator gave the date, else to confirm. A URL
    is queued either way: the worker fetches it, then asks for the date if none was given."""
    fetch = any(s.url for s in submissions)
    with transaction.atomic():
        batch = submissions[0].batch
        for submission in submissions:
            submission.batch = batch
            submission.created_by = request.user
            if published is not None:
                submission.published = published
                submission.published_how = Article.PublishedHow.GIVEN
            if published is not None or fetch:
                submission.status = Submission.Status.QUEUED
            submission.save()
        if published is not None or fetch:
            enqueue(submissions)
            return redirect("timeline:ingest_status", batch)
    return redirect("timeline:ingest_confirm", batch)


@curator_required
@require_http_methods(["GET", "POST"])
def confirm(request, batch):
    submissions = list(Submission.objects.filter(batch=batch, status=Submission.Status.DRAFT))
    if not submissions:
        if Submission.objects.filter(batch=batch).exists():
            return redirect("timeline:ingest_status", batch)
        raise Http404("No such batch.")
    initial = [
        {"published": s.detected_published, "title": s.title, "outlet": s.outlet}
        for s in submissions
    ]
    formset = ConfirmFormSet(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and formset.is_valid():
        with transaction.atomic():
            for submission, form in zip(submissions, formset.forms, strict=True):
                published = form.cleaned_data["published"]
                submission.published = published
                submission.published_how = (
                    how_detected(submission)
                    if published == submission.detected_published
                    else Article.PublishedHow.GIVEN
                )
                submission.title = form.cleaned_data["title"]
                submission.outlet = form.cleaned_data["outlet"]
                submission.status = Submission.Status.QUEUED
                submission.save()
            enqueue(submissions)
        return redirect("timeline:ingest_status", batch)
    context = {"rows": list(zip(submissions, formset.forms, strict=True)), "formset": formset}
    return render(request, "ingest/confirm.html", context, status=400 if formset.is_bound else 200)


def how_detected(submission: Submission) -> str:
    if submission.detected_how == "the dateline":
        return Article.PublishedHow.DATELINE
    return Article.PublishedHow.METADATA


@curator_required
@require_http_methods(["GET"])
@vary_on_headers("HX-Request")
def status(request, batch):
    submissions = list(Submission.objects.filter(batch=batch).select_related("article"))
    if not submissions:
        raise Http404("No such batch.")
    if any(s.status == Submission.Status.DRAFT for s in submissions):
        # A fetched page waits for its date: the polling page goes there too.
        if request.htmx:
            return HttpResponseClientRedirect(reverse("timeline:ingest_confirm", args=[batch]))
        return redirect("timeline:ingest_confirm", batch)
    ids = {pk for s in submissions for pk in s.new_events + s.merged_events}
    events = Event.objects.select_related("place").in_bulk(ids)
    rows = [
        {
            "submission": s,
            "new": [events[pk] for pk in s.new_events if pk in events],
            "merged": [events[pk] for pk in s.merged_events if pk in events],
        }
        for s in submissions
    ]
    finished = all(s.finished for s in submissions)
    context = {
        "batch": batch,
        "rows": rows,
        "finished": finished,
        "no_worker": not finished and worker_status()["missing"],
    }
    template = "ingest/status.html"
    if request.htmx and not request.htmx.history_restore_request:
        template += "#status"
    return render(request, template, context)
