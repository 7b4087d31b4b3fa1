import datetime
import re

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


def test_query_count_does_not_grow_with_events(
    client, make_event, django_assert_max_num_queries, facet_budget_queries
):
    for day in range(1, 21):
        make_event(date=datetime.date(2012, 12, day), summary=f"Event {day}")
    # The actor check, count, page, actors and mentions, then one per facet and the chart,
    # and the header's span of years (cached until an event changes).
    with django_assert_max_num_queries(12 + facet_budget_queries):
        response = client.get("/?actor=lakhdar-brahimi")
    assert response.status_code == 200
    for day in range(1, 29):
        make_event(date=datetime.date(2013, 1, day), summary=f"Later {day}")
    with django_assert_max_num_queries(12 + facet_budget_queries):
        response = client.get("/?actor=lakhdar-brahimi")
    assert "48 events" in response.content.decode()


def test_user_text_is_escaped(client, make_event):
    make_event(summary="<script>alert(1)</script>")
    html = client.get("/").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.fixture
def two_years(make_event):
    make_event(
        date=datetime.date(2012, 6, 30),
        type="agreement",
        summary="Geneva communique agreed",
        actors=("Kofi Annan", "Sergey Lavrov"),
        place="Geneva",
        outlet="Reuters",
        status="confirmed",
    )
    make_event(
        date=datetime.date(2012, 12, 28),
        summary="Brahimi meets Lavrov",
        place="Moscow",
        outlet="BBC",
    )
    make_event(
        date=datetime.date(2013, 5, 7),
        type="agreement",
        summary="Kerry and Lavrov agree on a conference",
        actors=("John Kerry", "Sergey Lavrov"),
        place="Moscow",
        outlet="Reuters",
        status="confirmed",
    )


@pytest.mark.parametrize(
    ("query", "shown", "heading"),
    [
        ("place=moscow", ["Brahimi meets Lavrov", "Kerry and Lavrov"], "Events in Moscow"),
        (
            "place=geneva&place=moscow",
            ["Geneva communique", "Brahimi meets Lavrov", "Kerry and Lavrov"],
            "Events in Geneva or Moscow",
        ),
        ("outlet=Reuters", ["Geneva communique", "Kerry and Lavrov"], "reported by Reuters"),
        ("year=2013", ["Kerry and Lavrov"], "Events, 2013"),
        ("status=proposed", ["Brahimi meets Lavrov"], "Unreviewed events"),
        (
            "status=confirmed&type=agreement&actor=sergey-lavrov&year=2012",
            ["Geneva communique"],
            "Confirmed agreements with Sergey Lavrov, 2012",
        ),
        (
            "type=meeting&actor=sergey-lavrov&from=2012-12&to=2012-12",
            ["Brahimi meets Lavrov"],
            "Meetings with Sergey Lavrov, December 2012",
        ),
    ],
)
def test_new_filters_narrow_and_title_the_page(client, two_years, query, shown, heading):
    html = client.get("/?" + query).content.decode()
    listed = [
        s for s in ("Geneva communique", "Brahimi meets Lavrov", "Kerry and Lavrov") if s in html
    ]
    assert listed == shown
    assert heading in html.split("</title>")[0]  # the page title says it too


def test_sort_newest_first_reverses_the_order(client, two_years):
    html = client.get("/?sort=newest").content.decode()
    assert html.index("Kerry and Lavrov") < html.index("Geneva communique")
    html = client.get("/?sort=oldest").content.decode()
    assert html.index("Geneva communique") < html.index("Kerry and Lavrov")


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("place=atlantis", "There is no place atlantis."),
        ("outlet=Pravda", "There is no outlet &#x27;Pravda&#x27;."),
        ("year=twelve", "Enter a year as four digits"),
        ("year=3012", "less than or equal to 2100"),
        ("sort=random", "Select a valid choice"),
        ("status=rejected", "Select a valid choice"),
    ],
)
def test_new_filters_reject_bad_values_with_400(client, two_years, query, message):
    for headers in ({}, {"HX-Request": "true"}):
        response = client.get("/?" + query, headers=headers)
        assert response.status_code == 400
        assert message in response.content.decode()


def test_facets_count_events_under_the_current_filters(client, two_years):
    response = client.get("/?actor=sergey-lavrov&type=agreement")
    facets = response.context["facets"]
    actors = {f["label"]: f["count"] for f in facets["actors"]}
    assert actors == {"Sergey Lavrov": 2, "Kofi Annan": 1, "John Kerry": 1}
    # The type facet ignores the type filter, so the other types can still be added.
    assert {f["label"]: f["count"] for f in facets["types"]} == {"Meeting": 1, "Agreement": 2}
    assert {f["label"]: f["count"] for f in facets["places"]} == {"Geneva": 1, "Moscow": 1}
    assert {f["label"]: f["count"] for f in facets["outlets"]} == {"Reuters": 2}
    assert {f["label"]: f["count"] for f in facets["years"]} == {2012: 1, 2013: 1}
    assert {f["label"]: f["count"] for f in facets["statuses"]} == {"Confirmed": 2}


def test_facet_links_toggle_one_value_and_drop_the_page(client, two_years):
    response = client.get("/?actor=sergey-lavrov&type=agreement&page=1")
    facets = response.context["facets"]
    kerry = next(f for f in facets["actors"] if f["label"] == "John Kerry")
    assert kerry["url"] == "/?actor=sergey-lavrov&actor=john-kerry&type=agreement"
    lavrov = next(f for f in facets["actors"] if f["label"] == "Sergey Lavrov")
    assert lavrov["selected"] and lavrov["url"] == "/?type=agreement"
    year = next(f for f in facets["years"] if f["label"] == 2013)
    assert year["url"] == "/?actor=sergey-lavrov&type=agreement&year=2013"
    html = response.content.decode()
    assert 'href="/?actor=sergey-lavrov&amp;actor=john-kerry&amp;type=agreement"' in html
    assert 'hx-get="/?actor=sergey-lavrov&amp;actor=john-kerry&amp;type=agreement"' in html


def test_active_filters_are_removable_chips_with_clear_all(client, two_years):
    response = client.get("/?actor=sergey-lavrov&place=moscow&q=Lavrov")
    chips = {(c["kind"], c["label"]): c["url"] for c in response.context["chips"]}
    assert chips == {
        ("Actor", "Sergey Lavrov"): "/?place=moscow&q=Lavrov",
        ("Place", "Moscow"): "/?actor=sergey-lavrov&q=Lavrov",
        ("Text", "Lavrov"): "/?actor=sergey-lavrov&place=moscow",
    }
    assert ">Clear all</a>" in response.content.decode()


def test_event_cards_show_type_actors_place_and_sources(client, two_years):
    html = client.get("/?place=geneva").content.decode()
    assert 'class="badge badge--agreement">Agreement</span>' in html
    # An actor chip adds the actor to the current filters.
    assert 'href="/?place=geneva&amp;actor=kofi-annan"' in html
    assert '1 source</span>: <span class="outlet">Reuters</span>' in html
    assert 'hx-get="/events/' in html


def test_chart_bars_link_to_their_month(client, two_years):
    response = client.get("/?actor=sergey-lavrov&year=2012")
    chart = response.context["chart"]
    # The chart ignores the date filters and marks the chosen range.
    assert [(b.month.isoformat(), b.count, b.selected) for b in chart["bars"] if b.count] == [
        ("2012-06-01", 1, True),
        ("2012-12-01", 1, True),
        ("2013-05-01", 1, False),
    ]
    assert len(chart["bars"]) == 12  # June 2012 to May 2013, empty months included
    june = chart["bars"][0]
    assert june.url == "/?actor=sergey-lavrov&from=2012-06&to=2012-06"
    html = response.content.decode()
    assert "<title>June 2012: 1 event</title>" in html
    # A mouse without JavaScript clicks a month; keyboards use the years and From/To.
    assert 'href="/?actor=sergey-lavrov&amp;from=2012-06&amp;to=2012-06" tabindex="-1"' in html


def test_month_chart_draws_filtered_bars_over_every_event():
    from timeline.views import month_chart

    jan, feb, mar = (datetime.date(2013, m, 1) for m in (1, 2, 3))
    chart = month_chart(
        {jan: 1, mar: 4},
        lambda month: f"/?from={month:%Y-%m}&to={month:%Y-%m}",
        totals={jan: 2, feb: 5, mar: 10},
        selected=(mar, mar),
    )
    assert chart["counts"] == "1,0,4"
    # Outlines for every month with events, bars for the filtered ones, the chosen one marked.
    assert chart["outline_rects"].count('class="chart__all"') == 3
    assert (
        '<rect class="chart__bar" x="0.14" width=".72" y="90.0" height="10.0"/>'
        in (chart["bar_rects"])
    )
    assert 'class="chart__bar is-selected" x="2.14"' in chart["bar_rects"]
    assert chart["bar_links"].count("<a ") == 2  # no link to February: nothing there
    assert 'href="/?from=2013-03&amp;to=2013-03"' in chart["bar_links"]
    assert "<title>March 2013: 4 events</title>" in chart["bar_links"]
    assert chart["initials"] == "<li>J</li><li>F</li><li>M</li>"
    assert chart["tick_lines"].count("<line") == 2
    assert chart["year_tick_lines"] == ""  # January is the first month: no line before it


def test_export_links_carry_the_filters(client, two_years):
    html = client.get("/?actor=sergey-lavrov&page=1").content.decode()
    for path in ("/export.csv", "/export.json", "/export.timelinejs.json", "/export.ics"):
        assert f'href="{path}?actor=sergey-lavrov"' in html


def test_pages_and_load_more_fragment(client, make_event, monkeypatch):
    from timeline import views

    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    events = [
        make_event(date=datetime.date(2012, 12, day), summary=f"Event {day}") for day in (1, 2, 3)
    ]
    html = client.get("/").content.decode()
    assert "Event 2" in html and "Event 3" not in html
    # The next page starts after the last event shown: its date, precision rank and id.
    after = f"2012-12-02.0.{events[1].pk}"
    assert 'id="load-more"' in html and f'href="/?after={after}"' in html
    assert 'hx-trigger="revealed, click"' in html
    assert "3 events" in html

    # Scrolling down asks for the next page with the load-more link as target: just the rows.
    response = client.get(
        f"/?after={after}", headers={"HX-Request": "true", "HX-Target": "load-more"}
    )
    more = response.content.decode()
    assert "Event 3" in more and "Event 2" not in more
    assert 'id="browse"' not in more and 'id="load-more"' not in more
    # December 2012 was already headed on the page above; only the new day gets a heading.
    assert "December 2012" not in more
    assert "Monday 3 December" in more

    # Without JavaScript the same link is a full page, with a way back up.
    page2 = client.get(f"/?after={after}").content.decode()
    assert "<html" in page2 and "Event 3" in page2 and "Earlier page" in page2
    before = f"2012-12-03.0.{events[2].pk}"
    assert f'href="/?before={before}"' in page2
    page1 = client.get(f"/?before={before}").content.decode()
    assert "Event 1" in page1 and "Event 2" in page1 and "Event 3" not in page1
    assert "Earlier page" not in page1 and f'href="/?after={after}"' in page1


def test_pages_newest_first_and_events_on_one_day(client, make_event, monkeypatch):
    from timeline import views

    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    day = datetime.date(2012, 12, 1)
    for n in range(3):
        make_event(date=day, summary=f"Same day {n}")
    make_event(date=day, precision="month", summary="Sometime that month")
    make_event(date=datetime.date(2012, 11, 5), summary="November")
    seen, url = [], "/?sort=newest"
    while url:
        response = client.get(url, headers={"HX-Request": "true", "HX-Target": "load-more"})
        html = response.content.decode()
        seen += re.findall(r'id="event-\d+-summary"><a [^>]*>([^<]+)</a>', html)
        found = re.search(r'id="load-more" class="load-more" href="([^"]+)"', html)
        url = found.group(1).replace("&amp;", "&") if found else None
    # Newest first, the exact date before the month on the same first day, nothing twice.
    assert seen == [
        "Same day 2",
        "Same day 1",
        "Same day 0",
        "Sometime that month",
        "November",
    ]


@pytest.mark.parametrize("position", ["2012-12-02", "x.0.1", "2012-13-01.0.5", "2012-12-01.7.5"])
def test_a_bad_page_position_is_a_400_with_a_message(client, make_event, position):
    make_event()
    response = client.get(f"/?after={position}")
    assert response.status_code == 400
    assert "does not point into the timeline" in response.content.decode()


def test_query_count_is_constant_with_many_events_actors_and_mentions(
    client, make_event, django_assert_max_num_queries, facet_budget_queries
):
    from timeline.models import Article, Mention

    actors = tuple(f"Actor {n}" for n in range(8))
    for day in range(1, 29):
        event = make_event(date=datetime.date(2012, 12, day), summary=f"Event {day}", actors=actors)
        for n in range(3):
            article = Article.objects.create(
                title=f"More {day}.{n}",
                outlet=f"Outlet {n}",
                published=event.date,
                raw_text=f"Sentence {day}.{n}",
            )
            Mention.objects.create(event=event, article=article, sentence="s", start=0, end=1)
    query = (
        "/?actor=actor-1&type=meeting&place=moscow&outlet=Outlet+1&year=2012"
        "&from=2012-12&to=2012-12&status=proposed&sort=newest&q=Event"
    )
    # Validation (actor, place, outlet), count, page, actors, mentions, six facet queries,
    # the header's years.
    with django_assert_max_num_queries(15 + facet_budget_queries):
        response = client.get(query)
    assert response.status_code == 200
    assert "28 events" in response.content.decode()
    with django_assert_max_num_queries(14 + facet_budget_queries):
        assert client.get(query + "&page=1", headers={"HX-Request": "true"}).status_code == 200
    # The next page on scroll: the page and its actors and mentions, however deep.
    after = f"2012-12-20.0.{event.pk}"
    with django_assert_max_num_queries(3):
        response = client.get(
            f"/?after={after}", headers={"HX-Request": "true", "HX-Target": "load-more"}
        )
    assert response.status_code == 200


def test_fragment_carries_the_title_for_htmx_and_full_page_has_one_title(client, two_years):
    fragment = client.get("/?year=2013", headers={"HX-Request": "true"}).content.decode()
    assert fragment.strip().startswith("<title>Events, 2013 · Syria diplomacy timeline</title>")
    page = client.get("/?year=2013").content.decode()
    assert page.count("<title>Events, 2013") == 1  # the SVG bars have titles of their own


def test_article_markup_in_titles_and_outlets_is_escaped_on_the_timeline(client, make_event):
    make_event(summary="Talks", outlet="<img src=x onerror=alert(1)>")
    html = client.get("/").content.decode()
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


# Issue 11, defect 1: a bad date is answered with a message for the results area.
def test_a_bad_date_answers_400_with_the_message_for_the_results_area(client, make_event):
    make_event()
    response = client.get("/?from=June+2012", headers={"HX-Request": "true"})
    assert response.status_code == 400
    # timeline.js recognises the answer by this header and lets htmx swap it in.
    assert response["X-Timeline-Filters"] == "invalid"
    html = response.content.decode()
    assert "<html" not in html and 'id="results"' in html and 'role="alert"' in html
    assert "<strong>From:</strong> Enter a date as YYYY, YYYY-MM or YYYY-MM-DD." in html
    assert 'id="f-from"' in html and 'aria-invalid="true"' in html


def test_the_date_fields_say_what_they_accept_before_submit(client, db):
    html = client.get("/").content.decode()
    assert 'aria-describedby="date-hint"' in html
    assert "2012, 2012-06 or 2012-06-30" in html
    # htmx is told to swap a 400 in, like any answer, instead of dropping it.
    assert '{"code": "400", "swap": true, "error": false}' in html


# Defect 2: a loading state while filtering.
def test_results_have_a_loading_indicator(client, db):
    html = client.get("/").content.decode()
    assert 'hx-indicator="#loading"' in html
    assert 'id="loading" class="loading htmx-indicator"' in html


# Defect 4: the filter panel is sent closed; wide screens open it with CSS, not script.
def test_the_filter_panel_is_sent_closed(client, make_event):
    make_event()
    html = client.get("/").content.decode()
    assert '<details class="facets__panel">' in html
    assert 'facets__panel" open' not in html


# Defect 5: a skip link goes past the 60-odd filter links straight to the results.
def test_a_skip_link_leads_to_the_results(client, make_event):
    make_event()
    html = client.get("/").content.decode()
    assert '<a class="skip" href="#results-heading">Skip to results</a>' in html
    assert 'id="results-heading" tabindex="-1"' in html


# Defect 8: no empty parameters in shared URLs, filters kept on the way back, HEAD, years.
def test_empty_form_fields_redirect_to_the_url_without_them(client, make_event):
    make_event()
    response = client.get("/?q=&from=&to=&actor=sergey-lavrov&page=2")
    assert response.status_code == 302
    assert response["Location"] == "/?actor=sergey-lavrov&page=2"
    assert client.get("/?q=&from=&to=").headers["Location"] == "/"


def test_htmx_form_submission_pushes_the_url_without_empty_fields(client, make_event):
    make_event()
    response = client.get("/?q=Brahimi&from=&to=", headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert response["HX-Push-Url"] == "/?q=Brahimi"
    plain = client.get("/?q=Brahimi", headers={"HX-Request": "true"})
    assert "HX-Push-Url" not in plain


def test_head_answers_like_get(client, make_event):
    make_event()
    response = client.head("/?actor=sergey-lavrov")
    assert response.status_code == 200
    assert response.content == b""


def test_the_header_names_the_years_the_data_covers(client, make_event):
    make_event(date=datetime.date(2011, 10, 4))
    make_event(date=datetime.date(2018, 1, 30))
    html = client.get("/").content.decode()
    assert '<span class="brand__years">2011–2018</span>' in html
    assert "2012–2013" not in html
    make_event(date=datetime.date(2019, 3, 1))  # a new event moves the end
    assert '<span class="brand__years">2011–2019</span>' in client.get("/").content.decode()


def test_event_links_carry_the_filters_in_force(client, make_event):
    event = make_event()
    html = client.get("/?actor=sergey-lavrov&q=&sort=newest", follow=True).content.decode()
    assert f'href="/events/{event.pk}/?actor=sergey-lavrov&amp;sort=newest"' in html


def test_the_favicon_is_served(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("/timeline/favicon.svg")


# Issue 11, the time axis: the whole period stays the axis; the filtered counts go over it.
def test_the_chart_keeps_the_whole_period_when_filtered(client, make_event):
    make_event(date=datetime.date(2011, 10, 4), actors=("Vitaly Churkin",), summary="Veto")
    for day in (3, 9, 17):
        make_event(date=datetime.date(2012, 12, day))
    make_event(date=datetime.date(2018, 1, 30), actors=("Nasr al-Hariri",), summary="Sochi")
    everything = client.get("/").content.decode()
    assert 'data-first="2011-10" data-months="76"' in everything
    assert 'class="chart__value chart__value--top">5<' in everything  # 3 rounds up to 5
    assert "chart__all" not in everything  # unfiltered: nothing to draw over
    lavrov = client.get("/?actor=sergey-lavrov").content.decode()
    assert 'data-first="2011-10" data-months="76"' in lavrov
    assert lavrov.count('class="chart__all"') == 3  # every event's months, outlined
    assert "outlined: every event" in lavrov
    # A year under the axis narrows to that year, keeping the other filters.
    assert '<a href="/?actor=sergey-lavrov&amp;year=2012" hx-get=' in lavrov
    assert 'data-base="/?actor=sergey-lavrov"' in lavrov


def test_nice_scale_tops():
    from timeline.views import nice_ceiling

    assert [nice_ceiling(n) for n in (1, 3, 7, 10, 11, 23, 180)] == [1, 5, 10, 10, 20, 50, 200]


# Places on a map: sized by count, each a link that filters, only where coordinates are known.
def test_the_map_draws_located_places_sized_by_their_events(client, make_event):
    make_event(place="Geneva")
    make_event(place="Geneva", summary="Second round in Geneva")
    make_event(place="Moscow", summary="Lavrov receives Brahimi")
    make_event(place="Houla", summary="Massacre condemned")  # no coordinates known
    html = client.get("/").content.decode()
    figure = html.split('<figure class="map">')[1].split("</figure>")[0]
    assert 'aria-label="Geneva: 2 events"' in figure and 'aria-label="Moscow: 1 event"' in figure
    assert "Houla" not in figure.split("<figcaption")[0]
    assert "1 place without coordinates is not drawn" in figure
    radius = {
        name: float(
            figure.split(f'aria-label="{name}:')[1]
            .split('class="map__dot"')[1]
            .split('r="')[1]
            .split('"')[0]
        )
        for name in ("Geneva", "Moscow")
    }
    assert radius["Geneva"] > radius["Moscow"]
    assert 'href="/?place=geneva"' in figure
    # Chosen, it links to its removal.
    chosen = client.get("/?place=geneva").content.decode().split('<figure class="map">')[1]
    assert 'href="/" hx-get="/" aria-label="Geneva: 2 events, selected: choose to remove"' in chosen


def test_map_names_are_escaped_in_links_and_labels():
    from django.http import QueryDict

    from timeline.views import place_map

    rows = [
        {
            "place__slug": "tal-abyad",
            "place__name": "Tal <Abyad> & 'Ayn Issa'",
            "place__latitude": 36.7,
            "place__longitude": 38.95,
            "n": 3,
        }
    ]
    found = place_map(rows, QueryDict("q=truce"))
    escaped = "Tal &lt;Abyad&gt; &amp; &#x27;Ayn Issa&#x27;"
    assert f'aria-label="{escaped}: 3 events">' in found["place_links"]
    assert f"<title>{escaped}: 3 events</title>" in found["place_links"]
    assert 'href="/?q=truce&amp;place=tal-abyad"' in found["place_links"]
    assert f">{escaped}</text>" in found["place_labels"]
    assert "<Abyad>" not in found["place_links"] + found["place_labels"]


def test_a_curator_gives_a_place_its_coordinates(curator_client, make_event):
    from django.urls import reverse

    from timeline.models import Place

    make_event(place="Houla", summary="Massacre condemned")
    houla = Place.objects.get(name="Houla")
    assert houla.latitude is None
    url = reverse("admin:timeline_place_change", args=[houla.pk])
    response = curator_client.post(
        url, {"name": "Houla", "slug": "houla", "latitude": "95", "longitude": "36.5"}
    )
    assert response.status_code == 200 and "Ensure this value is less than or equal to 90" in (
        response.content.decode()
    )
    curator_client.post(
        url, {"name": "Houla", "slug": "houla", "latitude": "34.88", "longitude": "36.52"}
    )
    houla.refresh_from_db()
    assert (houla.latitude, houla.longitude) == (34.88, 36.52)
    assert 'aria-label="Houla: 1 event"' in curator_client.get("/").content.decode()


@pytest.mark.parametrize("busy", [True, False])
def test_an_actor_in_many_events_or_few_filters_the_same(client, make_event, busy):
    """On SQLite an actor in one event in twenty or more is tested row by row along the
    date index, a rarer one by the list of its events: the same events either way."""
    for day in range(1, 30):
        actors = ("Sergey Lavrov",) if busy or day == 7 else ("John Kerry",)
        make_event(date=datetime.date(2013, 1, day), summary=f"Day {day}", actors=actors)
    html = client.get("/?actor=sergey-lavrov").content.decode()
    if busy:
        assert "29 events" in html and html.index("Day 1<") < html.index("Day 29<")
    else:
        assert "1 event<" in html and "Day 7<" in html and "Day 8<" not in html


def test_timeline_url_keeps_key_order_and_drops_the_position():
    from django.http import QueryDict

    from timeline.templatetags.timeline_tags import timeline_url

    query = QueryDict("q=Genève talks&actor=sergey-lavrov&after=2012-12-28.0.7&type=")
    assert timeline_url(query) == "/?q=Gen%C3%A8ve+talks&actor=sergey-lavrov"
    assert (
        timeline_url(query, add=[("actor", "lakhdar-brahimi")], replace={"sort": "newest"})
        == "/?q=Gen%C3%A8ve+talks&actor=sergey-lavrov&actor=lakhdar-brahimi&sort=newest"
    )
    # A key replaced keeps its place; one emptied goes.
    assert timeline_url(query, replace={"q": "truce", "actor": None}) == "/?q=truce"
    assert timeline_url(query, remove=[("actor", "sergey-lavrov"), ("q", None)]) == "/"
    assert timeline_url(None) == "/"


def test_timeline_url_follows_the_script_prefix():
    """Mounted under a path (SCRIPT_NAME), links keep it, and only while it is in force."""
    from django.urls import get_script_prefix, set_script_prefix

    from timeline.templatetags.timeline_tags import timeline_url

    before = get_script_prefix()
    set_script_prefix("/chronology/")
    try:
        assert timeline_url(None, add=[("actor", "sergey-lavrov")]) == (
            "/chronology/?actor=sergey-lavrov"
        )
    finally:
        set_script_prefix(before)
    assert timeline_url(None, add=[("actor", "sergey-lavrov")]) == "/?actor=sergey-lavrov"
