import datetime
import json
from pathlib import Path

import pytest

from timeline.extraction.clean import (
    Document,
    UnreadableArticle,
    clean_text,
    detect_language,
    html_to_text,
    load_document,
)

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "timeline" / "samples"
# ../shared/eval beside the repository holds the hand-made gold for the seed articles.
GOLD = Path(__file__).resolve().parents[3] / "shared" / "eval" / "dev"
FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = ["000_208d8fdeb8cb703d", "004_9bc06a7d06c92980"]


def seed(name: str) -> Document:
    return load_document((SAMPLES / f"{name}.txt").read_bytes(), f"{name}.txt")


def gold(name: str) -> dict:
    path = GOLD / f"{name}.json"
    if not path.exists():
        pytest.skip(f"gold file {path} is not available")
    return json.loads(path.read_text())


def assert_offsets_exact(doc: Document) -> None:
    """Every copied character maps onto itself; everything else is a separator or entity."""
    copied = 0
    for i, char in enumerate(doc.text):
        if doc.is_copied(i):
            assert doc.source[doc.to_source(i)] == char, (i, char)
            copied += 1
    offsets = [doc.to_source(i) for i in range(len(doc.text))]
    assert offsets == sorted(offsets), "text must map onto the source in order"
    return copied


# --- the seed articles -----------------------------------------------------------------


@pytest.mark.parametrize("name", SEEDS)
def test_seed_junk_lines_are_removed(name):
    doc = seed(name)
    for junk in gold(name)["junk"]:
        assert junk not in doc.text
        assert any(junk in doc.source[start:end] for start, end in doc.removed), junk


@pytest.mark.parametrize("name", SEEDS)
def test_seed_evidence_sentences_are_kept_and_map_back(name):
    doc = seed(name)
    for event in gold(name)["events"]:
        for sentence in event["evidence"]:
            at = doc.text.find(sentence)
            assert at >= 0, sentence
            start, end = doc.to_source_span(at, at + len(sentence))
            assert doc.source[start:end] == sentence


@pytest.mark.parametrize("name", SEEDS)
def test_seed_offsets_are_exact_and_only_separators_are_inserted(name):
    doc = seed(name)
    copied = assert_offsets_exact(doc)
    inserted = [c for i, c in enumerate(doc.text) if not doc.is_copied(i)]
    assert set(inserted) <= {"\n", " "}
    assert copied == len(doc.text) - len(inserted)


def test_seed_metadata_from_plain_text():
    cnn, bbc = seed(SEEDS[0]), seed(SEEDS[1])
    assert cnn.title == "Official: Russia invites head of Syrian opposition for talks"
    assert bbc.title == "Syria opposition chief invited to Moscow"
    assert cnn.language == bbc.language == "en"
    # The text has no publication date and the footer's copyright year is not one.
    assert cnn.published is None and bbc.published is None
    assert cnn.published_how == ""


def test_seed_highlights_and_caption_survive():
    cnn, bbc = seed(SEEDS[0]), seed(SEEDS[1])
    assert "\n\nOpposition group recognized by United States, other countries\n\n" in cnn.text
    assert "•" not in cnn.text
    assert bbc.text.splitlines()[2].startswith("Moaz al-Khatib meets Lakhdar Brahimi in Munich")
    assert bbc.text.endswith("the UN says.")
    assert cnn.text.endswith("to remain in power.")


# --- furniture rules on lines that are not in the seeds --------------------------------

PAGE = """\
Home | World | Middle East | Politics | Video

   Syria talks collapse in Geneva
By Joe Sterling, CNN
Updated 1:05 PM ET, Fri January 31, 2014
Share this with Email Facebook Twitter

Media playback is unsupported on your device
Image caption Lakhdar Brahimi speaks in Geneva on 31 January 2014
Image copyright Reuters

    By Friday, the talks had collapsed without a date for a new round.
The envoy said the next meeting would start at
10:30 on 10 February, in Geneva.
    Delegates left the hall at 10:30
Watch
Brahimi on the failed talks 03:12
Read more: Who is who in the Syrian opposition
Follow @WorldDesk on Twitter

Related Stories
Syria aid convoy reaches Homs
Russia sends more advisers
Why Geneva II stalled
Copyright 2014 World Desk. All rights reserved.
"""


def test_furniture_rules_on_a_different_page():
    doc = clean_text(PAGE)
    kept = doc.text.split("\n\n")
    assert kept == [
        "Syria talks collapse in Geneva",
        "Lakhdar Brahimi speaks in Geneva on 31 January 2014",
        "By Friday, the talks had collapsed without a date for a new round.",
        "The envoy said the next meeting would start at 10:30 on 10 February, in Geneva.",
        "Delegates left the hall at 10:30",
    ]
    assert doc.title == "Syria talks collapse in Geneva"
    assert_offsets_exact(doc)


def test_lines_that_only_look_like_furniture_are_kept():
    lines = [
        "Follow the money: how Assad pays his army",
        "Credit Suisse freezes Syrian assets",
        "Facebook changed its privacy policy on Friday, drawing criticism from regulators.",
        "By Friday, the talks had collapsed.",
        "Help for Syrian refugees reaches Homs",
        "Talks resumed at 10:30",
    ]
    doc = clean_text("\n\n".join(lines))
    assert doc.text.split("\n\n") == lines
    assert doc.removed == []


def test_a_teaser_list_closing_the_page_goes_but_highlights_stay():
    text = (
        "Story highlights\n"
        "• Rebels seize an air base near Aleppo\n"
        "• Russia says it will keep selling arms\n"
        "• Envoy Brahimi is due in Damascus\n\n"
        "Rebels seized the Taftanaz air base on Friday, activists said.\n\n"
        "Flooding hits central Europe\n"
        "Election results in Pakistan\n"
        "Tennis star retires at 31\n"
        "Ten best beaches in Europe\n"
    )
    doc = clean_text(text)
    assert "Russia says it will keep selling arms" in doc.text
    assert "Envoy Brahimi is due in Damascus" in doc.text
    assert "Pakistan" not in doc.text and "beaches" not in doc.text
    assert doc.text.endswith("activists said.")


def test_wrapped_lines_of_one_paragraph_join_with_a_space():
    text = "Lavrov met the\nopposition leader\r\nin Munich on Saturday.\n\nNext paragraph here.\n"
    doc = clean_text(text)
    assert doc.text == (
        "Lavrov met the opposition leader in Munich on Saturday.\n\nNext paragraph here."
    )
    assert_offsets_exact(doc)
    start, end = doc.to_source_span(0, len("Lavrov met the opposition leader"))
    assert doc.source[start:end] == "Lavrov met the\nopposition leader"


def test_a_page_of_one_line_paragraphs_keeps_its_headline_and_standfirst_apart():
    text = (
        "Envoys prepare a summit on the ceasefire in the east of the country\n"
        "3 min read\n"
        "The two ministers agreed on a plan for the withdrawal of heavy weapons from the line\n"
        "The foreign ministers of the four countries met in Berlin on Monday to prepare a "
        "summit on the ceasefire, which they hope to hold in Astana later this month, the "
        "German foreign ministry said in a statement after the talks.\n"
        "A second meeting is planned for next week, when the monitors will report on the "
        "withdrawal of the heavy weapons from the contact line, officials said.\n"
    )
    doc = clean_text(text)
    assert doc.text.split("\n\n")[:3] == [
        "Envoys prepare a summit on the ceasefire in the east of the country",
        "The two ministers agreed on a plan for the withdrawal of heavy weapons from the line",
        doc.text.split("\n\n")[2],
    ]
    assert doc.text.split("\n\n")[2].startswith("The foreign ministers of the four")
    assert_offsets_exact(doc)


def test_a_hard_wrapped_text_still_joins_a_line_that_opens_with_a_capital():
    text = (
        "The foreign ministers of Russia, Germany, France and\n"
        "Ukraine met in Berlin on Monday to prepare the summit in\n"
        "Astana, the German foreign ministry said in a statement.\n"
    )
    assert clean_text(text).text == " ".join(text.split("\n")).strip()


def test_a_wire_dateline_starts_a_paragraph_after_a_long_headline():
    text = (
        "Rival leaders resume peace talks in Kenya to end the long civil war in the south\n"
        "NAIROBI, April 28, 2004 (AP) — The government and the rebels resumed talks."
    )
    doc = clean_text(text)
    assert doc.text.split("\n\n") == text.split("\n")
    assert_offsets_exact(doc)


def test_indentation_does_not_change_the_verdict():
    plain = clean_text("Cookie consent\nRussia invited al-Khatib for talks on Friday.\n")
    indented = clean_text("      Cookie consent\n\tRussia invited al-Khatib for talks on Friday.\n")
    assert plain.text == indented.text == "Russia invited al-Khatib for talks on Friday."


# --- unreadable files ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "filename", "message"),
    [
        (b"", "a.txt", "the file is empty"),
        (b"  \n\t\r\n ", "a.txt", "the file is empty"),
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a.txt", "the file looks binary, not text"),
        (b"PK\x03\x04\x14\x00\x06\x00", "a.docx", "the file looks binary, not text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "", "the file looks binary, not text"),
        (b"Russia said\x00\x00\x00 Friday", "a.txt", "the file looks binary, not text"),
        (bytes(range(1, 32)) * 20, "a.txt", "the file looks binary, not text"),
        ("Café talks in Genève".encode("latin-1"), "a.txt", "the file is not UTF-8 text"),
        (
            b"<html><head><script>var x = 'Syria';</script></head><body><nav>World</nav></body>",
            "a.html",
            "the page has no article text",
        ),
        (b"Cookie consent\n\nShare this\n", "a.txt", "no article text"),
    ],
)
def test_unreadable_files_raise_with_a_reason(data, filename, message):
    with pytest.raises(UnreadableArticle, match=message):
        load_document(data, filename)


def test_unreadable_article_is_a_value_error():
    assert issubclass(UnreadableArticle, ValueError)


def test_utf8_bom_is_not_part_of_the_text():
    doc = load_document("Lavrov met Brahimi in Moscow.".encode("utf-8-sig"), "a.txt")
    assert doc.text == doc.source == "Lavrov met Brahimi in Moscow."


def test_declared_html_charset_is_honoured():
    arabic = "التقى لافروف الإبراهيمي في موسكو يوم السبت لبحث الأزمة السورية."
    page = f'<html><head><meta charset="windows-1256"></head><body><p>{arabic}</p></body>'
    doc = load_document(page.encode("cp1256"), "page.html")
    assert doc.text == arabic
    assert doc.language == "ar"
    # "iso-8859-1" means windows-1252 to browsers: curly quotes must survive.
    page = '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
    page += "<p>\u201cWe will go to Genève,\u201d he said.</p>"
    assert load_document(page.encode("cp1252")).text == "\u201cWe will go to Genève,\u201d he said."


# --- HTML ------------------------------------------------------------------------------


@pytest.fixture
def news_page() -> Document:
    return load_document((FIXTURES / "geneva_talks.html").read_bytes(), "geneva_talks.html")


def test_html_metadata(news_page):
    assert news_page.title == "Kerry & Lavrov agree to seek Syria peace conference"
    assert news_page.published == datetime.date(2013, 5, 7)
    assert news_page.published_how == "html meta article:published_time"
    assert news_page.outlet == "World Desk"
    assert news_page.language == "en"
    assert news_page.url == "https://worlddesk.example/news/kerry-lavrov-syria"


def test_html_body_is_the_article_without_furniture(news_page):
    paragraphs = news_page.text.split("\n\n")
    assert paragraphs[0] == "Kerry & Lavrov agree to seek Syria peace conference"
    assert paragraphs[1].startswith("The United States and Russia agreed on Tuesday to try")
    assert "an international conference on Syria" in paragraphs[1]  # line break collapsed
    assert paragraphs[3].startswith("\u201cWe agreed that we would encourage")
    assert (
        paragraphs[-1] == "The conference would build on the Geneva communique agreed in June 2012."
    )
    assert len(paragraphs) == 5
    for furniture in (
        "cookies", "Accept all", "Politics", "Jane Doe", "Share", "Tweet", "Advertisement",
        "analytics", "Related", "air base", "Flooding", "More World", "rights reserved", "©",
    ):  # fmt: skip
        assert furniture not in news_page.text, furniture


def test_html_offsets_point_into_the_file(news_page):
    assert_offsets_exact(news_page)
    text = news_page.text
    amp = text.index("&")
    start, end = news_page.to_source_span(amp, amp + 1)
    assert news_page.source[start:end] == "&amp;"
    quote = text.index("We agreed") - 1
    start, end = news_page.to_source_span(quote, quote + 1)
    assert news_page.source[start:end] == "&ldquo;"
    sentence = "US Secretary of State John Kerry said"
    at = text.index("US Secretary of State")
    start, end = news_page.to_source_span(at, at + len(sentence))
    assert " ".join(news_page.source[start:end].split()) == sentence
    script = news_page.source.index("document.write")
    assert any(s <= script < e for s, e in news_page.removed)


def test_html_published_falls_back_to_json_ld_then_time():
    body = "<p>" + "Lavrov met Brahimi in Moscow to discuss the Geneva plan. " * 5 + "</p>"
    json_ld = '<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", '
    json_ld += '"datePublished": "2012-12-28T10:00:00Z", "publisher": {"name": "CNN"}}]}</script>'
    doc = html_to_text(f"<html><head>{json_ld}</head><body><article>{body}</article></body>")
    assert (doc.published, doc.published_how) == (
        datetime.date(2012, 12, 28),
        "json-ld datePublished",
    )
    assert doc.outlet == "CNN"
    timed = f'<html><body><article><time datetime="2013-02-02">Sat</time>{body}</article></body>'
    doc = html_to_text(timed)
    assert (doc.published, doc.published_how) == (datetime.date(2013, 2, 2), "<time datetime>")


def test_html_never_invents_a_publication_date():
    body = "<p>" + "Lavrov met Brahimi in Moscow to discuss the Geneva plan. " * 5 + "</p>"
    future = '<meta property="article:published_time" content="2999-01-01T00:00:00Z">'
    doc = html_to_text(f"<html><head>{future}</head><body>{body}</body></html>")
    assert doc.published is None
    assert doc.published_how == ""


def test_html_title_falls_back_to_title_tag_without_outlet_then_h1():
    body = "<p>Lavrov met Brahimi in Moscow on Saturday to discuss the Geneva plan.</p>"
    doc = html_to_text(f"<title>Lavrov meets Brahimi | Daily Planet</title>{body}")
    assert doc.title == "Lavrov meets Brahimi"
    doc = html_to_text(f"<h1>Lavrov meets Brahimi</h1>{body}")
    assert doc.title == "Lavrov meets Brahimi"


def test_html_is_sniffed_without_an_extension():
    page = b"<!DOCTYPE html>\n<html><body><p>Lavrov met Brahimi &amp; Khatib.</p></body></html>"
    assert load_document(page).text == "Lavrov met Brahimi & Khatib."
    assert load_document(b"Lavrov met Brahimi &amp; Khatib.").text.endswith("&amp; Khatib.")


# --- language --------------------------------------------------------------------------

PARAGRAPHS = {
    "fr": "Le chef de la diplomatie russe a rencontré samedi à Munich le chef de la "
    "coalition de l'opposition syrienne, qui a été invité à Moscou pour des discussions.",
    "de": "Der russische Außenminister hat sich am Samstag in München mit dem Chef der "
    "syrischen Opposition getroffen, der nach Moskau eingeladen wurde.",
    "es": "El ministro de Exteriores ruso se reunió el sábado en Múnich con el líder de la "
    "oposición siria, que ha sido invitado a Moscú para mantener conversaciones.",
    "ar": "التقى وزير الخارجية الروسي سيرغي لافروف رئيس الائتلاف الوطني السوري معاذ الخطيب "
    "على هامش مؤتمر الأمن في ميونيخ.",
    "ru": "Министр иностранных дел России Сергей Лавров встретился в Мюнхене с лидером "
    "сирийской оппозиции Моазом аль-Хатыбом.",
}


@pytest.mark.parametrize("lang", sorted(PARAGRAPHS))
def test_foreign_news_is_not_english(lang):
    assert detect_language(PARAGRAPHS[lang]) == lang


def test_english_news_is_english():
    for name in SEEDS:
        assert detect_language(seed(name).text) == "en"
    assert detect_language("Mr Lavrov told the conference that the removal of Assad was wrong.")


def test_too_little_text_is_undetermined():
    assert detect_language("Syria") == "und"
    assert detect_language("01:16 02:46") == "und"


def test_short_english_with_words_shared_by_dutch_is_english():
    assert detect_language("Joe Biden met Moaz al-Khatib in Munich on Saturday.") == "en"
    assert detect_language("Sergey Lavrov met Lakhdar Brahimi in Moscow on Thursday.") == "en"


def test_dutch_news_is_still_dutch():
    text = (
        "De Russische minister van Buitenlandse Zaken heeft vrijdag in München met de leider "
        "van de Syrische oppositie gesproken over het conflict en de vredesbesprekingen."
    )
    assert detect_language(text) == "nl"


def test_a_dropped_timestamp_leaves_the_headline_and_lede_two_paragraphs():
    source = (
        "Envoys agree on a prisoner exchange in Geneva\n\n"
        "March 3, 2016 - 09:12\n"
        "The two delegations agreed on Thursday to exchange 200 prisoners each.\n"
    )
    document = clean_text(source)
    assert document.text == (
        "Envoys agree on a prisoner exchange in Geneva\n\n"
        "The two delegations agreed on Thursday to exchange 200 prisoners each."
    )


def test_an_image_alt_attribute_left_before_the_lede_is_removed_exactly():
    source = "Talks resume\n\naltMinsk hosted a new round of talks on Tuesday.\n"
    document = clean_text(source)
    assert document.text.endswith("\n\nMinsk hosted a new round of talks on Tuesday.")
    assert [source[a:b] for a, b in document.removed] == ["alt"]
    start = document.text.index("Minsk")
    assert document.to_source_span(start, start + 5) == (
        source.index("Minsk"),
        source.index("Minsk") + 5,
    )


@pytest.mark.parametrize(
    "caption, credit",
    [
        ("Rebels and envoys meet in Doha on March 2, 2015 Image Credit: AFP", "Image Credit: AFP"),
        (
            "The envoy speaks to reporters in Geneva. Photo: Jane Roe/ Pool/ EPA",
            "Photo: Jane Roe/ Pool/ EPA",
        ),
        ("Delegates arrive in Minsk, Feb. 11, 2015. Ivan Petrov / AP", "Ivan Petrov / AP"),
        (
            "The envoy speaks in Geneva, Friday, Sept. 13, 2013. (AP Photo/Jane Roe, Pool)",
            "(AP Photo/Jane Roe, Pool)",
        ),
    ],
)
def test_a_photo_credit_closing_a_caption_is_removed(caption, credit):
    source = f"{caption}\n\nThe talks went on into the night, officials said.\n"
    document = clean_text(source)
    assert document.text.split("\n\n")[0] == caption[: caption.index(credit)].rstrip()
    assert [source[a:b] for a, b in document.removed] == [credit]


@pytest.mark.parametrize(
    "credit",
    ["Jane Roe, AFP | ", "AFP | ", "Ivan Petrov, Getty Images | ", "File / Jane Roe | "],
)
def test_a_photo_credit_opening_a_caption_behind_a_bar_is_removed(credit):
    caption = "The rebel envoy signs the accord in Bamako, Mali"
    source = f"Rebels sign the accord\n\n{credit}{caption}\n\nThe talks went on, officials said.\n"
    document = clean_text(source)
    assert document.text.split("\n\n")[1] == caption
    assert [source[a:b] for a, b in document.removed] == [credit]


def test_an_agency_named_in_a_sentence_is_no_caption_credit():
    source = "Jane Roe, AFP's correspondent, said the talks ended in Bamako.\n"
    assert clean_text(source).text == source.strip()


def test_a_slash_inside_a_sentence_is_no_credit():
    source = "The envoy said he would return in May/June to resume the talks.\n"
    assert clean_text(source).text == source.strip()


def test_a_byline_glued_to_the_dateline_goes_but_a_sentence_starting_with_by_stays():
    source = "By Jane Roe GENEVA (Reuters) - The envoys met on Tuesday.\n"
    document = clean_text(source)
    assert document.text == "GENEVA (Reuters) - The envoys met on Tuesday."
    assert [source[a:b].strip() for a, b in document.removed] == ["By Jane Roe"]
    kept = "By the time the talks began, the envoys had left Geneva.\n"
    assert clean_text(kept).text == kept.strip()


def test_run_together_skip_links_atop_a_page_are_furniture():
    doc = clean_text(
        "Skip to main contentSkip to searchSkip to footer - Accessibility help\n\n"
        "Ceasefire talks resume in Doha\n\n"
        "Negotiators resumed talks in Doha on Monday after a two-week pause."
    )
    assert doc.title == "Ceasefire talks resume in Doha"
    assert "Skip to" not in doc.text
    kept = clean_text("Skip to the end: the envoy resigned on Monday, aides said.").text
    assert kept.startswith("Skip to the end")  # a sentence, not the links


def test_a_line_longer_than_the_wrap_width_is_no_wrapped_rest():
    wrapped = (
        "Talks on the truce will resume in Geneva next week, the envoy told\n"
        "reporters on Friday, after two days of meetings with both sides in the\n"
        "city. He said the sides were close on a number of points but far apart\n"
        "on others.\n"
    )
    text = (
        "[an error occurred while processing this directive]\n"
        + wrapped
        + "Delegates from both sides shake hands as the second round of talks ended\n"
        "Both delegations have agreed to a prisoner exchange and to open the roads to the "
        "besieged towns, in a move the envoy called a breakthrough for the talks.\n"
    )
    paragraphs = clean_text(text).text.split("\n\n")
    assert paragraphs[0].startswith("Talks on the truce")  # the server's error line is gone
    assert paragraphs[0].endswith("far apart on others.")  # the wrapped lines joined
    assert paragraphs[1:] == [
        "Delegates from both sides shake hands as the second round of talks ended",
        "Both delegations have agreed to a prisoner exchange and to open the roads to the "
        "besieged towns, in a move the envoy called a breakthrough for the talks.",
    ]


def test_a_sites_name_on_a_line_of_its_own_is_no_title():
    for label in ("Breaking News", "Reuters News", "watch One-Minute World News"):
        doc = clean_text(f"{label}\n\nTruce talks resume in Doha\n\nEnvoys met on Monday.")
        assert doc.title == "Truce talks resume in Doha"
    doc = clean_text("Putin Makes Headlines With Ceasefire News\n\nEnvoys met on Monday.")
    assert doc.title == "Putin Makes Headlines With Ceasefire News"  # six words: a headline


def test_a_line_of_section_tags_is_navigation_not_the_title():
    doc = clean_text(
        "Globe, Latin America, United Kingdom\n\n"
        "Truce talks resume in Quito\n\n"
        "Negotiators resumed talks in Quito on Monday."
    )
    assert doc.title == "Truce talks resume in Quito"
    kept = clean_text("Russia, Turkey and Iran agree on zones\n\nEnvoys met on Monday.")
    assert kept.title == "Russia, Turkey and Iran agree on zones"


def test_a_row_of_headlines_parted_by_bullets_is_related_links():
    doc = clean_text(
        "Ferry strike ends in Piraeus  • Farmers block roads over diesel tax  • "
        "Court upholds ban on rally in Patras\n\n"
        "Truce talks resume in Quito\n\n"
        "Negotiators resumed talks in Quito on Monday."
    )
    assert doc.title == "Truce talks resume in Quito"
    assert "Ferry strike" not in doc.text
    # one bullet inside a sentence is no row of links
    kept = clean_text("Truce talks resume\n\nEnvoys met on Monday • and agreed to go on.")
    assert "agreed to go on" in kept.text


def test_old_portal_navigation_and_a_quote_opening_a_line():
    text = (
        "BBC NEWS Americas Africa Europe Middle East South Asia Asia Pacific Arabic Spanish\n"
        "You are in: World: South Asia\n"
        "Peace team arrives in Colombo\n"
        "A peace delegation has arrived to help revive talks between the government and "
        "the rebels.\n"
        "The new prime minister met the delegation on Thursday.\n"
        "His election has led to fresh hope\n"
        '"What we do first is formalise the ceasefire," the minister said.\n'
    )
    doc = clean_text(text)
    assert doc.title == "Peace team arrives in Colombo"
    paragraphs = doc.text.split("\n\n")
    assert "His election has led to fresh hope" in paragraphs
    assert paragraphs[-1].startswith('"What we do first')


def test_a_long_headline_in_title_case_is_no_row_of_sections():
    title = "Syria Peace Talks Collapse As Opposition Walks Out Of Geneva Meeting"
    doc = clean_text(f"{title}\n\nThe opposition walked out of the talks in Geneva on Monday.")
    assert doc.title == title


@pytest.mark.parametrize(
    ("stamp", "lede"),
    [
        ("September 5, 2014", "The ceasefire deal was reached in Minsk."),
        ("27 March 2012", "A spokesman for the envoy said the plan was accepted."),
    ],
)
def test_a_date_stamp_run_into_the_lede_is_furniture(stamp, lede):
    """ "September 5, 2014The ceasefire deal ...": the page's stamp goes, the lede opens its
    own paragraph under the headline, mapped back to the file."""
    source = f"Ukraine, separatists sign truce\n{stamp}{lede}\nMore follows here.\n"
    doc = clean_text(source)
    assert doc.text.split("\n\n")[:2] == ["Ukraine, separatists sign truce", lede]
    start = doc.text.index(lede)
    assert doc.source[doc.to_source_span(start, start + len(lede))[0] :].startswith(lede)


def test_a_year_run_into_a_name_in_prose_stays():
    assert "2014The Hague" in clean_text("In 2014The Hague ruled on the case.\n").text


@pytest.mark.parametrize("residue", ["text_fields", "share_icon_large"])
def test_an_icon_fonts_ligature_name_before_the_dateline_is_furniture(residue):
    """ "text_fieldsKabul: Officials ...": the icon's name goes, the dateline stays."""
    doc = clean_text(f"Talks to resume on Saturday\n\n{residue}Kabul: Officials met on Friday.\n")
    assert doc.text.split("\n\n")[1] == "Kabul: Officials met on Friday."


@pytest.mark.parametrize("mark", [">>", "» ", "► ", "• "])
def test_a_teaser_link_after_an_arrow_or_bullet_is_furniture(mark):
    doc = clean_text(
        "Kerry and Lavrov met in Geneva on Friday.\n\n"
        f"{mark}Read: Two soldiers killed in Donetsk shelling\n\n"
        "The talks will resume next week."
    )
    assert doc.text.split("\n\n") == [
        "Kerry and Lavrov met in Geneva on Friday.",
        "The talks will resume next week.",
    ]


def test_a_block_of_link_titles_between_paragraphs_is_furniture():
    doc = clean_text(
        "Talks resume in Geneva\n"
        "Envoy hopes for a breakthrough\n\n"
        "Kerry and Lavrov met in Geneva on Friday, officials said.\n\n"
        "Floods displace thousands in Sindh\n"
        "Yemen truce extended by a week\n\n"
        "The talks will resume next week.\n\n"
        "Key points\n\n"
        "• Ceasefire to start on Monday\n"
        "• Prisoners to be exchanged\n\n"
        "The envoy will report to the Council."
    )
    assert "Floods" not in doc.text and "Yemen truce" not in doc.text
    assert doc.text.startswith("Talks resume in Geneva\n\nEnvoy hopes for a breakthrough")
    assert "Ceasefire to start on Monday" in doc.text and "Prisoners to be exchanged" in doc.text


def test_link_titles_over_their_teasers_closing_the_page_go():
    doc = clean_text(
        "Envoys met in Kuwait on Sunday, officials said.\n\n"
        "The talks resume on Monday.\n\n"
        "Kuwait talks stall over prisoners\n"
        "Delegates from both sides spent a third day arguing over the release of detainees "
        "held since the start of the war Gulf -\n"
        "Aid convoy reaches Taiz\n"
        "The first convoy in months crossed the front line into the besieged city on "
        "Saturday morning under UN escort Gulf -\n"
    )
    assert (
        doc.text == "Envoys met in Kuwait on Sunday, officials said.\n\nThe talks resume on Monday."
    )


def test_a_credit_in_brackets_closing_a_caption_goes():
    doc = clean_text(
        "Talks open\n\n"
        "Delegates gather in Geneva for the opening session [Fabrice Coffrini/AFP via Getty]"
        "\n\nThe talks opened on Monday."
    )
    assert doc.text == (
        "Talks open\n\nDelegates gather in Geneva for the opening session\n\n"
        "The talks opened on Monday."
    )
