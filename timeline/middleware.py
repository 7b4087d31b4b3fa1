"""Requests no view should see: a NUL byte in the address, a form body over Django's limit,
more parameters than Django parses.

These would otherwise end as a 500 (PostgreSQL refuses NUL in text) or as Django's bare
"Bad Request" page; here they get a page that says what was wrong.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.shortcuts import render


def megabytes(size: int) -> str:
    """`megabytes(2_621_440)` -> "2.5"."""
    return f"{size / 1024 / 1024:.1f}".removesuffix(".0")


def refuse_nul_bytes(get_response):
    """A NUL character (%00) in the path or the query string is a 400 with a message."""

    def middleware(request):
        try:
            query = request.GET
        except TooManyFieldsSent:
            limit = settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
            return error_page(
                request,
                400,
                f"The address has more than {limit} parameters; at most {limit} are read.",
            )
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in query.lists()
        ):
            return error_page(
                request,
                400,
                "The address contains a NUL character (%00), which no filter, name or search "
                "here can contain.",
            )
        return get_response(request)

    return middleware


def explain_too_large_posts(get_response):
    """A form body over DATA_UPLOAD_MAX_MEMORY_SIZE is a 413 that says so, not a bare 400; so
    are more files or fields than Django accepts in one form (a 400 with the reason).

    The body is read here, before the CSRF check would read it and fail without a word.
    """

    def middleware(request):
        if request.method != "POST":
            return get_response(request)
        from timeline.ingest_views import too_large_paste, too_many_files

        try:
            request.POST  # noqa: B018 - parsing is what may fail
        except RequestDataTooBig:
            declared = request.META.get("CONTENT_LENGTH") or "0"
            size = int(declared) if declared.isdigit() else 0
            limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
            return too_large_paste(request, size) or error_page(
                request,
                413,
                f"What you sent is larger than the {megabytes(limit)} MB this site accepts "
                "in one form.",
            )
        except TooManyFilesSent:
            limit = settings.DATA_UPLOAD_MAX_NUMBER_FILES
            return too_many_files(request, limit) or error_page(
                request, 400, f"Send at most {limit} files at once."
            )
        except TooManyFieldsSent:
            limit = settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
            return error_page(request, 400, f"A form here has at most {limit} fields.")
        return get_response(request)

    return middleware


def error_page(request, status: int, message: str):
    return render(request, "error.html", {"status": status, "message": message}, status=status)
