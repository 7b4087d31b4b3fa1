"""Forms: the timeline's GET filters are validated here, so a bad value is a 400, not a 500."""

from __future__ import annotations

import calendar
import datetime
import re

from django import forms
from django.http import QueryDict

from timeline.models import Actor, Article, Event, EventType, Place, Position, Relevance

PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def parse_partial_date(value: str, *, end: bool) -> datetime.date:
    """ "2012" -> 2012-01-01 (or 2012-12-31 with end=True); "2012-06" -> 2012-06-01 / 06-30."""
    match = PARTIAL_DATE.match(value.strip())
    if not match:
        raise forms.ValidationError(
            "Enter a date as YYYY, YYYY-MM or YYYY-MM-DD.", code="invalid_date"
        )
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        if month is None:
            return datetime.date(year, 12, 31) if end else datetime.date(year, 1, 1)
        if day is None:
            last = calendar.monthrange(year, month)[1]
            return datetime.date(year, month, last if end else 1)
        return datetime.date(year, month, day)
    except ValueError as exc:
        raise forms.ValidationError(f"{value!r} is not a date on the calendar.") from exc


class PartialDateField(forms.Field):
    """YYYY, YYYY-MM or YYYY-MM-DD; the start or the end of that period."""

    def __init__(self, *, end: bool, **kwargs):
        self.end = end
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_python(self, value):
        value = (value or "").strip()
        if not value:
            return None
        return parse_partial_date(value, end=self.end)


class OutletField(forms.MultipleChoiceField):
    """Outlet names as stored on articles; one query checks that they all exist."""

    def valid_value(self, value):
        return True  # checked against the database in validate(), all at once

    def validate(self, value):
        super().validate(value)
        if not value:
            return
        if any("\x00" in v for v in value):  # PostgreSQL would refuse the lookup itself
            raise forms.ValidationError("Null characters are not allowed.", code="null_characters")
        known = set(
            Article.objects.filter(outlet__in=value).values_list("outlet", flat=True).distinct()
        )
        unknown = [v for v in value if v not in known]
        if unknown:
            raise forms.ValidationError(
                f"There is no outlet {unknown[0]!r}.", code="invalid_choice"
            )


class PositionField(forms.Field):
    """A place in the chronology where a page starts (see models.Position)."""

    def to_python(self, value):
        value = (value or "").strip()
        if not value:
            return None
        try:
            if len(value) > 40:
                raise ValueError(value)
            return Relevance.parse(value) if value.startswith("r") else Position.parse(value)
        except ValueError:
            raise forms.ValidationError(
                "This link does not point into the timeline; start again from the first page.",
                code="invalid_position",
            ) from None


SORTS = (("oldest", "Oldest first"), ("newest", "Newest first"), ("relevance", "Most relevant"))
# Rejected events are never public, so they are not a choice.
PUBLIC_STATUSES = (
    (Event.Status.PROPOSED.value, "Unreviewed"),
    (Event.Status.CONFIRMED.value, "Confirmed"),
)


# More values of one filter than any view needs (every event type is fewer): a 400, not a
# page whose every link repeats them.
MAX_VALUES = 50
# In the URL, not a filter: where the page starts. `page` is from before pages had positions:
# carried as it is, and ignored.
PAGE_KEYS = ("page", "after", "before")


class TimelineFilterForm(forms.Form):
    """The timeline's filters, all optional; repeated keys select several values."""

    PUBLIC_NAMES = {"start": "from", "end": "to"}

    actor = forms.ModelMultipleChoiceField(
        queryset=Actor.objects.all(),
        to_field_name="slug",
        required=False,
        error_messages={"invalid_choice": "There is no actor %(value)s."},
    )
    type = forms.MultipleChoiceField(required=False, choices=EventType.choices)
    start = PartialDateField(end=False, label="From")
    end = PartialDateField(end=True, label="To")
    q = forms.CharField(required=False, max_length=200, label="Text")
    place = forms.ModelMultipleChoiceField(
        queryset=Place.objects.all(),
        to_field_name="slug",
        required=False,
        error_messages={"invalid_choice": "There is no place %(value)s."},
    )
    outlet = OutletField(required=False)
    year = forms.IntegerField(
        required=False,
        min_value=1900,
        max_value=2100,
        error_messages={"invalid": "Enter a year as four digits, like 2012."},
    )
    sort = forms.ChoiceField(required=False, choices=SORTS)
    # "key=1": only the milestones (timeline/ranking.py); anything else but empty is refused.
    key = forms.TypedChoiceField(
        required=False,
        choices=(("1", "Key events only"),),
        coerce=lambda value: value == "1",
        empty_value=False,
        label="Key events",
    )
    status = forms.ChoiceField(required=False, choices=PUBLIC_STATUSES)
    after = PositionField(required=False, label="Page")
    before = PositionField(required=False, label="Page")

    def __init__(self, data=None, **kwargs):
        if data is not None:
            # The public URL says from/to; "from" is a Python keyword, so the fields say start/end.
            data = data.copy()
            for public, field in (("from", "start"), ("to", "end")):
                if public in data:
                    data.setlist(field, data.getlist(public))
        super().__init__(data, **kwargs)

    def in_given_order(self, name):
        # The heading names actors in the order they were chosen, not alphabetically.
        order = self.data.getlist(name)
        return sorted(self.cleaned_data[name], key=lambda item: order.index(item.slug))

    def clean_actor(self):
        return self.in_given_order("actor")

    def clean_place(self):
        return self.in_given_order("place")

    def is_multiple(self, name) -> bool:
        return isinstance(
            self.fields[name], forms.MultipleChoiceField | forms.ModelMultipleChoiceField
        )

    def canonical_query(self) -> QueryDict:
        """The query string as the filters read it: known keys only, a repeated value once,
        the last of a repeated single value; the links of the page are built from it.

        `?actor=a&actor=a&q=x&q=y&utm_source=z` -> `actor=a&q=y`.
        """
        fields = {self.PUBLIC_NAMES.get(name, name): name for name in self.fields}
        query = QueryDict(mutable=True)
        given = self.data if hasattr(self.data, "lists") else QueryDict()
        for key, values in given.lists():  # in the order given: links keep it
            if key in PAGE_KEYS and values[-1]:
                query[key] = values[-1]
            elif key in fields and self.is_multiple(fields[key]):
                query.setlist(key, list(dict.fromkeys(values)))
            elif key in fields:
                query[key] = values[-1]
        return query

    def clean(self):
        cleaned = super().clean()
        for name in self.fields:
            if self.is_multiple(name) and hasattr(self.data, "getlist"):
                chosen = set(self.data.getlist(self.PUBLIC_NAMES.get(name, name)))
                if len(chosen) > MAX_VALUES:
                    self.add_error(
                        name, f"Choose at most {MAX_VALUES} values of {name}, not {len(chosen)}."
                    )
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and start > end:
            raise forms.ValidationError("The “from” date is after the “to” date.")
        return cleaned
