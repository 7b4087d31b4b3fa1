import datetime

import pytest

from timeline.models import Article

pytestmark = pytest.mark.django_db

RAW = "MOSCOW, Dec 29 (Reuters) - Sergey Lavrov said on Friday <script>alert(1)</script> talks."
FRIDAY = RAW.index("Friday")


@pytest.fixture
def article(make_event):
    event = make_event(summary="Lavrov speaks <b>loudly</b>", type="statement")
    article = event.mentions.get().article
    article.title = "Russia's <script>alert('t')</script> line"
    article.outlet = "Reuters"
    article.published = datetime.date(2012, 12, 29)
    article.published_how = Article.PublishedHow.DATELINE
    article.raw_text = RAW
    article.annotations = {
        "dates": [
            {"start": 8, "end": 14, "text": "Dec 29", "value": "2012-12-29"},
            {"start": FRIDAY, "end": FRIDAY + 6, "text": "Friday", "value": "2012-12-28"},
            {"start": FRIDAY + 2, "end": FRIDAY + 9, "text": "overlaps", "value": ""},
            {"start": 80, "end": 999, "text": "outside", "value": ""},
        ],
        "actors": [{"start": 27, "end": 40, "name": "Sergey Lavrov"}],
    }
    article.save()
    return article


def test_article_page_highlights_annotations_and_escapes_text(client, article):
    response = client.get(f"/articles/{article.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Russia&#x27;s &lt;script&gt;alert(&#x27;t&#x27;)&lt;/script&gt; line" in html
    assert "<script>alert" not in html
    assert (
        'MOSCOW, <mark class="date" title="2012-12-29">Dec 29</mark> (Reuters) - '
        '<mark class="actor" title="Sergey Lavrov">Sergey Lavrov</mark> said on '
        '<mark class="date" title="2012-12-28">Friday</mark> &lt;script&gt;alert(1)&lt;/script&gt;'
        " talks."
    ) in html
    assert "overlaps" not in html and "outside" not in html
    assert "read from the dateline" in html
    assert "Lavrov speaks &lt;b&gt;loudly&lt;/b&gt;" in html  # the event taken from it


def test_article_without_annotations_shows_plain_text(client, article):
    article.annotations = {}
    article.save()
    html = client.get(f"/articles/{article.pk}/").content.decode()
    assert "said on Friday &lt;script&gt;" in html
    text = html.split('class="article-text">')[1].split("</div>")[0]
    assert "<mark" not in text


def test_query_count_is_constant_and_events_come_a_page_at_a_time(
    client, article, monkeypatch, django_assert_max_num_queries
):
    from timeline import views
    from timeline.models import Event, Mention

    # article, events, their actors and mentions, the header's years
    with django_assert_max_num_queries(5):
        assert client.get(f"/articles/{article.pk}/").status_code == 200
    monkeypatch.setattr(views, "PAGE_SIZE", 3)
    for n in range(6):
        event = Event.objects.create(date=datetime.date(2012, 12, 1 + n), summary=f"Also {n}")
        Mention.objects.create(event=event, article=article, sentence="s", start=n + 1, end=n + 2)
    with django_assert_max_num_queries(5):
        html = client.get(f"/articles/{article.pk}/").content.decode()
    assert html.count('class="event ') == 3 and "Also 2" in html and "Also 3" not in html
    following = html.split('<a href="')[-1].split('"')[0]
    assert following.startswith(f"/articles/{article.pk}/?after=2012-12-03.0.")
    html = client.get(following).content.decode()
    assert "Also 3" in html and "Also 5" in html and "Earlier events" in html


def test_unknown_article_is_404(client, db):
    assert client.get("/articles/12345/").status_code == 404
