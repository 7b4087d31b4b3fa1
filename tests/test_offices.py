"""The table of offices: seeded for curators, edited in the admin, used by the next extraction."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError

from timeline.ingest import ingest_article
from timeline.models import Event, Office

pytestmark = pytest.mark.django_db


def test_the_shipped_offices_are_rows_curators_can_edit():
    kerry = Office.objects.get(role="foreign minister", body="United States", holder="John Kerry")
    assert (kerry.start, kerry.end) == (datetime.date(2013, 2, 1), datetime.date(2017, 1, 20))
    perms = set(Group.objects.get(name="curators").permissions.values_list("codename", flat=True))
    assert {"view_office", "add_office", "change_office", "delete_office"} <= perms


def test_a_term_ends_after_it_starts():
    office = Office(
        role="envoy",
        body="United Nations",
        holder="Jane Roe",
        start=datetime.date(2019, 1, 1),
        end=datetime.date(2018, 1, 1),
    )
    with pytest.raises(ValidationError):
        office.full_clean()


def test_a_curators_new_term_resolves_the_next_article():
    text = "The UN envoy for Sudan met the army's leaders in Khartoum on Monday."
    ingest_article(data=text, published=datetime.date(2019, 6, 3))
    assert "Nicholas Haysom" not in set(Event.objects.values_list("actors__name", flat=True))
    Office.objects.create(
        role="envoy",
        body="United Nations",
        topic="Sudan",
        holder="Nicholas Haysom",
        holder_country="South Africa",
        start=datetime.date(2019, 1, 1),
    )
    ingest_article(data=text.replace("Monday", "Tuesday"), published=datetime.date(2019, 6, 5))
    names = set(Event.objects.values_list("actors__name", flat=True))
    assert "Nicholas Haysom" in names, (names, list(Event.objects.values_list("date", "summary")))


def test_the_admin_lists_offices(admin_client):
    response = admin_client.get("/admin/timeline/office/?q=Kerry")
    assert response.status_code == 200
    assert "John Kerry" in response.content.decode()
