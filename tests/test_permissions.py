"""Anonymous people read the timeline; staff outside the group see no curation; curators do."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

pytestmark = pytest.mark.django_db
CURATION_URLS = [
    reverse("timeline:ingest"),
    "/admin/",
    "/admin/timeline/event/",
    "/admin/timeline/reviewqueue/",
]


def test_anonymous_reads_the_timeline(client, make_event):
    event = make_event()
    assert client.get(reverse("timeline:timeline")).status_code == 200
    assert client.get(event.get_absolute_url()).status_code == 200
    assert "Add article" not in client.get(reverse("timeline:timeline")).content.decode()


@pytest.mark.parametrize("url", CURATION_URLS)
def test_anonymous_is_sent_to_login(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.parametrize("url", CURATION_URLS)
def test_signed_in_non_staff_gets_403(client, django_user_model, url):
    client.force_login(django_user_model.objects.create_user("reader", password="pw-reader-1"))
    assert client.get(url).status_code == 403


def test_staff_outside_the_curators_group_cannot_add_articles(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("staff", is_staff=True))
    assert client.get(reverse("timeline:ingest")).status_code == 403
    assert client.get("/admin/timeline/event/").status_code == 403


def test_curator_sees_the_curation_pages(curator_client, make_event):
    event = make_event()
    for url in CURATION_URLS + [f"/admin/timeline/event/{event.pk}/change/"]:
        assert curator_client.get(url).status_code == 200, url
    assert "Add article" in curator_client.get(reverse("timeline:timeline")).content.decode()


def test_curator_cannot_delete_events_or_articles(curator_client, make_event):
    event = make_event()
    assert curator_client.get(f"/admin/timeline/event/{event.pk}/delete/").status_code == 403
    article = event.mentions.get().article
    assert curator_client.get(f"/admin/timeline/article/{article.pk}/delete/").status_code == 403
    assert curator_client.get("/admin/auth/user/").status_code == 403


def test_curators_group_has_exactly_the_curation_permissions():
    group = Group.objects.get(name="curators")
    assert set(group.permissions.values_list("codename", flat=True)) == {
        "view_event", "change_event",
        "view_reviewqueue", "change_reviewqueue",
        "view_eventactor", "add_eventactor", "change_eventactor", "delete_eventactor",
        "view_mention", "delete_mention",
        "view_actor", "add_actor", "change_actor",
        "view_actoralias", "add_actoralias", "change_actoralias", "delete_actoralias",
        "view_place", "add_place", "change_place",
        "view_article", "add_article", "change_article",
        "view_submission",
        "view_office", "add_office", "change_office", "delete_office",
    }  # fmt: skip


def test_addcurator_creates_a_curator_who_can_log_in(client, monkeypatch):
    monkeypatch.setenv("CURATOR_PASSWORD", "a-long-curator-password")
    out = StringIO()
    call_command("addcurator", "alice", "--email", "alice@example.org", "--no-input", stdout=out)
    assert out.getvalue().strip() == "Created curator alice."
    assert client.login(username="alice", password="a-long-curator-password")
    assert client.get(reverse("timeline:ingest")).status_code == 200


def test_addcurator_promotes_an_existing_user(django_user_model):
    user = django_user_model.objects.create_user("bob", password="pw-bob-12345")
    out = StringIO()
    call_command("addcurator", "bob", "--no-input", stdout=out)
    user.refresh_from_db()
    assert user.is_staff and user.groups.filter(name="curators").exists()
    assert user.check_password("pw-bob-12345")
    assert "Promoted curator bob." in out.getvalue()


def test_addcurator_needs_the_group_from_the_migration():
    Group.objects.filter(name="curators").delete()
    with pytest.raises(CommandError, match="migrate"):
        call_command("addcurator", "dave", "--no-input", stdout=StringIO())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["not a name!"], "is not a user name"),
        (["carol"], "No password given"),  # stdin is not a terminal under pytest
        (["carol", "--password", "1234"], "too short"),
    ],
)
def test_addcurator_bad_input_is_a_clear_error(args, message):
    with pytest.raises(CommandError, match=message):
        call_command("addcurator", *args, stdout=StringIO())
