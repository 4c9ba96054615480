"""One row per happening: a happening named again in a later sentence is no new row, or is
kept as a telling of the same happening (`same_as`). Each rule on sentences from the sources
or the dev set and on sentences written for the test, with a second happening that stays."""

from __future__ import annotations

import datetime as dt

import pytest

import nzdprk
from nzdprk.plots.tables import timeline_table

from .test_events import coded


def links(text: str) -> list[tuple[str, int | None, int | None]]:
    """(action, refers_to, same_as) of each event of ``text``, in text order."""
    _, events = coded(text)
    return [(e.action, e.refers_to, e.same_as) for e in events]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(  # dev set h08: "the visit" is the visit the invitation was to
            "Winston Peters has accepted an invitation to visit North Korea - one of the countries"
            ' branded part of the "Axis of Evil", by President Bush. The foreign minister agreed'
            " to the visit when he met his North Korean counterpart Pak Vi Chun in Manila"
            " yesterday.",
            [("visit", None, None), ("agree", 0, None), ("meet", 0, None)],
            id="the-after-a-preposition-source",
        ),
        pytest.param(  # 000: "after the armistices" is the 1953 armistice told before
            "New Zealand troops remained in Korea for four years after the 1953 armistice. That"
            " prisoner was held in North Korea for eighteen months and repatriated after the"
            " armistices.",
            [("deploy", None, None), ("agree", None, None), ("retreat", 1, None)],
            id="the-plural-source",
        ),
        pytest.param(  # 000: "conducted the underground nuclear test" is the test just told
            "The 2006 North Korean nuclear test was the detonation of a nuclear device conducted"
            " on 9 October 2006 by North Korea. New Zealand Prime Minister Helen Clark urged the"
            " UN to bring its full weight to bear on North Korea after it announced it had"
            " conducted the underground nuclear test.",
            [("nuclear_test", None, None), ("request", 0, None)],
            id="the-object-in-the-trigger-source",
        ),
        pytest.param(
            "Helen Clark visited Tokyo in May. Reporters asked about the visit.",
            [("visit", None, None)],
            id="the-after-a-preposition-written",
        ),
        pytest.param(  # a modifier that makes it another keeps it
            "Helen Clark visited Tokyo in May. Reporters asked about the next visit.",
            [("visit", None, None), ("visit", None, None)],
            id="the-next-is-new-written",
        ),
        pytest.param(  # a phrase named by what follows it is not the one told
            "Kim Jong Un attended the test-firing of such weapons. It follows his inspection of"
            " the test-firing of 240mm multiple-launch rockets.",
            [("missile_launch", None, None), ("missile_launch", None, None)],
            id="the-of-is-new-source",
        ),
        pytest.param(  # "the" at a clause's start is a subject, not a happening named again
            "Canada agreed to the plan in 2003. However, the country reached agreed to a deal.",
            [("agree", None, None), ("agree", None, None)],
            id="the-subject-is-new-written",
        ),
    ],
)
def test_the_and_a_noun_already_told_makes_no_new_row(text, expected):
    assert links(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(  # 001: "This will be the first ever official visit"
            "A small delegation led by Tony Browne will visit Pyongyang between 19 and 23"
            ' September. "This will be the first ever official visit from New Zealand to North'
            " Korea.",
            [("visit", None, None)],
            id="this-will-be-source",
        ),
        pytest.param(  # dev set h04: "This is the sixth nuclear test" is today's test
            "Gerry Brownlee has condemned today's nuclear test by North Korea as utterly"
            " deplorable. “This is the sixth nuclear test North Korea has conducted and appears"
            " to be the largest yet,” Mr Brownlee says.",
            [("accuse", None, None), ("nuclear_test", None, None)],
            id="this-is-source",
        ),
        pytest.param(
            "Japan launched a missile test over the sea. It was the longest missile test so far.",
            [("missile_launch", None, None)],
            id="it-was-written",
        ),
        pytest.param(  # with nothing of its kind told before, it is a happening
            "Japan welcomed the envoy from Chile. It was the first visit of a Chilean leader.",
            [("welcome", None, None), ("visit", None, None)],
            id="nothing-told-before-written",
        ),
    ],
)
def test_the_predicate_of_this_is_names_the_happening_told(text, expected):
    assert [a for a, *_ in links(text)] == [a for a, *_ in expected]
    assert links(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(  # dev set h01: the same relations, told again more precisely
            "The United Kingdom has an Embassy in Pyongyang which opened in 2001 after"
            " diplomatic relations were established between the two countries in 2000."
            " North Korea and the United Kingdom established diplomatic relations on 12 December"
            " 2000.",
            [
                ("open", None, None),
                ("establish_relations", None, 2),
                ("establish_relations", 1, None),
            ],
            id="more-precise-later-source",
        ),
        pytest.param(  # 000: the same trip on the same day
            "Winston Peters visited Pyongyang on 20 November 2007. New Zealand's Foreign Affairs"
            " Minister Winston Peters took a trip to Pyongyang on 20 November 2007.",
            [("visit", None, None), ("visit", 0, 0)],
            id="same-day-source",
        ),
        pytest.param(
            "In 2009 Canada expelled two diplomats. Canada expelled them on 4 March 2009.",
            [("expel", None, 1), ("expel", 0, None)],
            id="more-precise-later-written",
        ),
        pytest.param(  # two years: two happenings
            "Canada expelled two diplomats in 2009. Canada expelled three diplomats in 2011.",
            [("expel", None, None), ("expel", None, None)],
            id="two-years-written",
        ),
        pytest.param(  # "again": another one
            "Canada expelled two diplomats in 2009. In March 2009 Canada again expelled one.",
            [("expel", None, None), ("expel", None, None)],
            id="again-written",
        ),
        pytest.param(  # 002: two totals over one period are two gifts
            "Since 1995 it has contributed NZ$1.4 million in humanitarian aid to development"
            " initiatives in the North. New Zealand has contributed a total of NZ$4 million to"
            " KEDO since 1995.",
            [("aid_amount", None, None), ("aid_amount", None, None)],
            id="two-totals-source",
        ),
    ],
)
def test_a_happening_retold_with_its_date_is_one_happening(text, expected):
    assert links(text) == expected


def test_a_dated_noun_told_again_inside_the_earlier_date_is_the_same():
    # dev set h06 (a release of 29 July 2008): last year's floods are the August 2007 floods
    _, events = coded(
        "Food prices have tripled due to the destruction of crops in the August 2007 floods."
        " This contribution follows the $500,000 New Zealand provided immediately following"
        " last year's floods.",
        anchor=dt.date(2008, 7, 29),
    )
    assert [(e.action, e.refers_to, e.same_as) for e in events] == [
        ("floods", None, None),
        ("aid_amount", None, None),
        ("floods", 0, 0),
    ]
    # written: a flood of another year is another flood
    _, events = coded(
        "Crops were lost in the August 2007 floods. Aid followed the 2005 floods.",
        anchor=dt.date(2008, 7, 29),
    )
    assert [(e.action, e.refers_to, e.same_as) for e in events] == [
        ("floods", None, None),
        ("floods", None, None),
    ]


def test_the_timeline_shows_a_happening_told_twice_once_at_its_most_precise_date(make_corpus):
    # dev set h01 (shortened): "in 2000" and "on 12 December 2000" are one establishment
    body = (
        "The United Kingdom has an Embassy in Pyongyang which opened in 2001 after diplomatic"
        " relations were established between the two countries in 2000.\n\n"
        "North Korea and the United Kingdom established diplomatic relations on 12 December"
        " 2000.\n"
    )
    corpus = nzdprk.load_corpus(make_corpus({"t.txt": body}))
    events = corpus.events
    relations = events[events.action == "establish_relations"]
    assert list(relations.date_edtf) == ["2000", "2000-12-12"]
    assert list(relations.same_as.fillna("")) == [relations.event_id.iloc[1], ""]
    table = timeline_table(events, corpus.documents)
    assert sorted(table["when"]) == ["2000-12-12", "2001"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(  # 004: "The statement" is the one the demand was released in
            'Pyongyang, on Monday, demanded the countries immediately stop "blatant military'
            ' intervention in the Asia-Pacific", a statement released by the DPRK foreign ministry'
            " to the Korean Central News Agency (KCNA). The statement mentioned New Zealand,"
            " alongside the UK, Canada, Germany, France and Australia.",
            ["request"],
            id="statement-source",
        ),
        pytest.param(
            "Seoul condemned the drills, a statement issued by its ministry. The statement named"
            " Japan.",
            ["accuse"],
            id="statement-written",
        ),
        pytest.param(  # without a statement told before, it is one
            "Seoul condemned the drills. The statement named Japan.",
            ["accuse", "statement"],
            id="statement-new-written",
        ),
    ],
)
def test_a_speech_noun_named_again_is_the_act_it_reported(text, expected):
    assert [a for a, *_ in links(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(  # dev set h07: Koizumi's decision to travel is the visit just announced
            "New Zealand Foreign Minister Phil Goff, has welcomed Japan’s announcement that Prime"
            " Minister Junichiro Koizumi will visit North Korea on 17 September. “Prime Minister"
            " Koizumi’s decision to travel to Pyongyang represents a further step towards"
            " constructive contact with the North Korean government.",
            ["welcome", "visit"],
            id="decision-to-source",
        ),
        pytest.param(
            "Canada expelled two Russian diplomats in 2009. Canada's decision to expel them"
            " surprised observers.",
            ["expel"],
            id="decision-to-written",
        ),
        pytest.param(  # someone else's decision is another happening
            "Canada expelled two Russian diplomats in 2009. Russia's decision to expel them"
            " surprised observers.",
            ["expel", "expel"],
            id="another-actor-written",
        ),
    ],
)
def test_an_actors_decision_to_do_what_was_told_is_no_new_row(text, expected):
    assert [a for a, *_ in links(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(  # dev set h10: one minister, quoted in pieces, is one statement
            "Foreign Affairs Minister Gerry Brownlee said the funding was stopped last year.\n"
            '"A small contestable fund was administered by our embassy in Seoul," he said.\n'
            'He told Newshub: "It\'s an awful situation there."',
            [("statement", None), ("statement", 0), ("statement", 0)],
            id="he-said-source",
        ),
        pytest.param(
            'Helen Clark said the talks were useful. "We will keep trying," she said.',
            [("statement", None), ("statement", 0)],
            id="she-said-written",
        ),
        pytest.param(  # source 004: "he" is Kim, named since Peters spoke, not Peters
            "Winston Peters said New Zealand stood by its deployments.\n"
            "North Korean leader Kim Jong Un in recent days inspected the country's artillery"
            " weapon system.\n"
            'He said the rocket system will "bring about a strategic change".',
            [("statement", None), ("inspect_weapons", None), ("statement", None)],
            id="another-person-between-source",
        ),
        pytest.param(  # a statement with a date of its own is its own
            "Helen Clark said the talks were useful. On Monday Helen Clark said they had failed.",
            [("statement", None), ("statement", None)],
            id="dated-written",
        ),
    ],
)
def test_one_speaker_quoted_in_pieces_is_one_statement(text, expected):
    _, events = coded(text, dt.date(2017, 9, 6))
    rows = [(e.action, e.same_as) for e in events if e.action in {a for a, _ in expected}]
    assert rows == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(  # source 001: the plan is announced, then told with its dates
            "Foreign Minister Phil Goff announced today that a delegation of New Zealand officials"
            " is to visit North Korea. A small delegation led by Tony Browne will visit Pyongyang"
            " between 19 and 23 September.",
            [("visit", 1), ("visit", None)],
            id="plan-told-again-source",
        ),
        pytest.param(
            "Japan will send a mission to Laos. The mission will visit Laos in May."
            " In June Japan will visit Vietnam.",
            [("visit", None), ("visit", None)],
            id="another-recipient-written",
        ),
        pytest.param(
            "Japan will visit Laos in May. Japan will visit Laos in October.",
            [("visit", None), ("visit", None)],
            id="two-dates-written",
        ),
    ],
)
def test_a_plan_told_again_is_one_happening(text, expected):
    _, events = coded(text, dt.date(2000, 9, 11))
    visits = [i for i, e in enumerate(events) if e.action == "visit"]
    rows = [
        (events[i].action, None if events[i].same_as is None else visits.index(events[i].same_as))
        for i in visits
    ]
    assert rows == expected
