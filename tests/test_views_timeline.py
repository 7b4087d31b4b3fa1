import datetime

import pytest

pytestmark = pytest.mark.django_db


def test_full_page_lists_events_in_order_grouped_by_month(client, make_event):
    make_event(date=datetime.date(2012, 12, 28), summary="Brahimi arrives in Moscow")
    make_event(
        date=datetime.date(2012, 6, 1),
        precision="month",
        type="agreement",
        summary="Geneva communique drawn up",
        actors=("Russia", "China"),
        place="Geneva",
    )
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" in html
    assert html.index("Geneva communique drawn up") < html.index("Brahimi arrives in Moscow")
    assert "June 2012" in html
    assert "28 Dec 2012" in html
    assert "December 2012" in html  # the month heading


def test_htmx_request_gets_only_the_results_fragment(client, make_event):
    make_event()
    response = client.get("/", headers={"HX-Request": "true"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html
    assert 'id="results"' in html
    assert "Lakhdar Brahimi meets Sergey Lavrov in Moscow" in html
    # The scroll-loaded next page is a smaller fragment of the same URL, told apart by HX-Target.
    assert response["Vary"] == "HX-Request, HX-Target"


def test_history_restore_gets_the_full_page(client, make_event):
    make_event()
    response = client.get("/", headers={"HX-Request": "true", "HX-History-Restore-Request": "true"})
    assert "<html" in response.content.decode()


def test_actor_filter_narrows_and_titles_the_page(client, make_event):
    make_event(summary="Brahimi meets Lavrov")
    make_event(summary="Erdogan speaks", actors=("Recep Tayyip Erdogan",), type="statement")
    response = client.get("/?actor=recep-tayyip-erdogan&type=statement")
    html = response.content.decode()
    assert "Erdogan speaks" in html
    assert "Brahimi meets Lavrov" not in html
    assert "Statements with Recep Tayyip Erdogan" in html


def test_several_actors_must_all_take_part(client, make_event):
    make_event(summary="Brahimi meets Lavrov")
    make_event(summary="Brahimi alone", actors=("Lakhdar Brahimi",))
    html = client.get("/?actor=lakhdar-brahimi&actor=sergey-lavrov").content.decode()
    assert "Brahimi meets Lavrov" in html
    assert "Brahimi alone" not in html


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ("from=2012-12", "December event", "June event"),
        ("to=2012", "June event", "January event"),
        ("from=2012-06-01&to=2012-06-30", "June event", "December event"),
        ("q=january", "January event", "June event"),
    ],
)
def test_date_and_text_filters(client, make_event, query, shown, hidden):
    make_event(date=datetime.date(2012, 6, 1), precision="month", summary="June event")
    make_event(date=datetime.date(2012, 12, 28), summary="December event")
    make_event(date=datetime.date(2013, 1, 5), summary="January event")
    html = client.get("/?" + query).content.decode()
    assert shown in html
    assert hidden not in html


@pytest.mark.parametrize(
    "query",
    [
        "from=2012-13",
        "from=yesterday",
        "to=2012-02-30",
        "actor=nobody",
        "type=picnic",
        "from=2013&to=2012",
        "page=1&from=99999",
    ],
)
def test_invalid_filters_get_400_with_a_message(client, make_event, query):
    make_event()
    response = client.get("/?" + query)
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()


def test_rejected_events_are_not_shown(client, make_event):
    make_event(summary="Kept event")
    make_event(summary="Rejected event", status="rejected")
    html = client.get("/").content.decode()
    assert "Kept event" in html
    assert "Rejected event" not in html


def test_proposed_events_are_marked_unreviewed(client, make_event):
    make_event(status="proposed")
    assert "unreviewed" in client.get("/").content.decode()


def test_query_count_does_not_grow_with_events(client, make_event, django_assert_max_num_queries):
    for day in range(1, 21):
        make_event(date=datetime.date(2012, 12, day), summary=f"Event {day}")
    # The actor check, count, page, actors and mentions, then one per facet and the chart.
    with django_assert_max_num_queries(11):
        response = client.get("/?actor=lakhdar-brahimi")
    assert response.status_code == 200


def test_user_text_is_escaped(client, make_event):
    make_event(summary="<script>alert(1)</script>")
    html = client.get("/").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
