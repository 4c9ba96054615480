"""Statements grouped as one happening across sources: the event stage's rows for a counted
plural ("two nuclear tests in 2016"), a noun named again ("two such tests last year"), the
owner of a list ("North Korea's provocative actions, including ...") and a negation's onset
("not ... since the government came to power in 2008"), and how a negation compares with what
other sources affirm; each rule on a sentence from the development set and on one written
here."""

from __future__ import annotations

import datetime as dt

import nzdprk
from nzdprk.claims import actor_table, fact_key
from nzdprk.claims.nouns import ONSET
from tests.test_events import coded as events_of  # the stages before coding, then coding


def key(event) -> str | None:
    return fact_key(event, actor_table())


def coded(text: str, anchor: dt.date | None = None) -> list[tuple]:
    """(trigger as written, action, date EDTF, participants, fact key) per event of ``text``,
    in text order."""
    found, events = events_of(text, anchor)
    out = []
    for e in events:
        when = e.when or (found[e.when_index] if e.when_index is not None else None)
        who = tuple(sorted((p.role, p.actor_id) for p in e.participants))
        out.append((e.trigger_text, e.action, when.edtf if when else None, who, key(e)))
    return out


def nuclear_tests(text: str, anchor: dt.date | None = None) -> list[tuple]:
    return [row for row in coded(text, anchor) if row[1] == "nuclear_test"]


# --- a counted plural noun names the happenings ------------------------------------------------


def test_a_counted_plural_of_a_noun_trigger_is_an_event_of_its_owner():
    # dev set h10: the tests are among North Korea's actions
    sentence = (
        "Foreign Affairs Minister Gerry Brownlee said the funding was stopped last year because"
        " of concerns over North Korea's provocative actions, including two nuclear tests in 2016."
    )
    assert nuclear_tests(sentence) == [
        ("nuclear tests", "nuclear_test", "2016", (("actor", "PRK"),), "nuclear_test:PRK")
    ]
    written = "France's weapons programme, such as three nuclear tests in 1995, was condemned."
    assert nuclear_tests(written) == [
        ("nuclear tests", "nuclear_test", "1995", (("actor", "FRA"),), "nuclear_test:FRA")
    ]


def test_a_plural_noun_with_no_owner_names_no_one():
    assert nuclear_tests("Nuclear tests in 2016 alarmed the region.") == [
        ("Nuclear tests", "nuclear_test", "2016", (), None)
    ]


# --- "such" + a noun names a happening of the kind told before ---------------------------------


def test_such_tests_are_of_the_kind_and_by_the_actor_told_before():
    # dev set h04, a release of 3 September 2017
    text = (
        "“This is the sixth nuclear test North Korea has conducted and appears to be the largest"
        " yet,” Mr Brownlee says.\n"
        "“It follows two such tests last year and more than a dozen missile tests this year.\n"
    )
    assert nuclear_tests(text, dt.date(2017, 9, 3)) == [
        ("nuclear test", "nuclear_test", None, (("actor", "PRK"),), "nuclear_test:PRK"),
        ("tests", "nuclear_test", "2016", (("actor", "PRK"),), "nuclear_test:PRK"),
    ]
    written = "The 1995 French nuclear test was condemned.\nTwo such tests followed in 1996.\n"
    assert nuclear_tests(written) == [
        ("nuclear test", "nuclear_test", "1995", (("actor", "FRA"),), "nuclear_test:FRA"),
        ("tests", "nuclear_test", "1996", (("actor", "FRA"),), "nuclear_test:FRA"),
    ]


def test_such_names_its_own_actor_when_it_has_one():
    text = (
        "The French nuclear test of 1995 was condemned.\nChina conducted two such tests in 1996.\n"
    )
    assert [r[4] for r in nuclear_tests(text)] == ["nuclear_test:FRA", "nuclear_test:CHN"]


def test_such_before_a_noun_no_trigger_had_is_no_event():
    text = "North Korea tested a nuclear weapon in 2006.\nSuch claims were denied in 2007.\n"
    assert [r[0] for r in nuclear_tests(text)] == ["tested a nuclear"]


# --- a negation meets what other sources affirm ------------------------------------------------


def notes_of(text: str, anchor: dt.date | None = None) -> list[tuple]:
    """(action, aux_mode, date EDTF, date note, fact key) per event of ``text``."""
    found, events = events_of(text, anchor)
    out = []
    for e in events:
        when = e.when or (found[e.when_index] if e.when_index is not None else None)
        note = getattr(when, "note", None)
        out.append((e.action, e.aux_mode, when.edtf if when else None, note, key(e)))
    return out


def test_since_a_clause_after_a_negation_dates_the_onset_of_none():
    # dev set h10
    sentence = (
        "MFAT said New Zealand had not provided direct humanitarian aid to North Korea since the"
        " current government came to power in 2008."
    )
    assert notes_of(sentence)[-1] == ("aid", "negated", "2008", ONSET, "aid:NZL>PRK:negated")
    written = "Japan has not met North Korea since the talks collapsed in 2009."
    assert notes_of(written) == [("meet", "negated", "2009", ONSET, "meet:JPN+PRK:negated")]
    # without a negation "since" is no onset of anything
    assert notes_of("Japan met North Korea since the talks collapsed in 2009.")[0][3] is None


RELEASE = "---\ntitle: Aid\ndate: {date}\nministers:\n  - {minister}\n---\n\n{body}\n"


def compared(make_corpus, files: dict[str, str]) -> list[tuple]:
    corpus = nzdprk.load_corpus(make_corpus(files))
    c = corpus.claim_comparisons
    return list(zip(c.fact_key, c.claim_id_a, c.claim_id_b, c.aspect, c.relation, strict=True))


def test_a_gift_in_the_year_none_since_starts_is_compatible(make_corpus):
    # dev set h06 and h10: "since the government came to power in 2008" (in November); the
    # statement "MFAT said" is b's first claim
    gift = RELEASE.format(
        date="2008-07-29",
        minister="Winston Peters",
        body="New Zealand will contribute an additional $500,000 towards United Nations efforts"
        " to address food shortages in North Korea, Foreign Minister Winston Peters announced"
        " today.",
    )
    none = (
        "MFAT said New Zealand had not provided direct humanitarian aid to North Korea since the"
        " current government came to power in 2008.\n"
    )
    assert compared(make_corpus, {"a.txt": gift, "b.txt": none}) == [
        ("aid:NZL>PRK:negated", "a:c003", "b:c002", "date", "differ_precision")
    ]
    facts = nzdprk.load_corpus(make_corpus({"a.txt": gift, "b.txt": none})).facts
    assert facts[["fact_key", "n_sources", "relations"]].values.tolist() == [
        ["aid:NZL>PRK:negated", 2, "differ_precision"]
    ]


def test_a_gift_after_none_since_conflicts_and_one_before_is_not_compared(make_corpus):
    none = RELEASE.format(
        date="2010-03-01",
        minister="Jane Doe",
        body="Australia has provided no humanitarian aid to North Korea since the floods of 2005.",
    )
    later = RELEASE.format(
        date="2009-05-04",
        minister="Jane Doe",
        body="Australia gave $1 million in humanitarian aid to North Korea in 2009.",
    )
    earlier = later.replace("2009", "2003")
    assert compared(make_corpus, {"c.txt": none, "d.txt": later, "e.txt": earlier}) == [
        ("aid:AUS>PRK:negated", "c:c001", "d:c002", "date", "conflict")
    ]


def test_a_gift_after_the_negation_was_told_is_not_compared(make_corpus):
    none = RELEASE.format(
        date="2010-03-01",
        minister="Jane Doe",
        body="Australia has provided no humanitarian aid to North Korea since the floods of 2005.",
    )
    later = RELEASE.format(
        date="2012-05-04",
        minister="Jane Doe",
        body="Australia gave $1 million in humanitarian aid to North Korea in 2012.",
    )
    assert compared(make_corpus, {"c.txt": none, "d.txt": later}) == []


def test_two_sources_on_one_years_nuclear_tests_agree(make_corpus):
    # dev set h04 (a release of 3 September 2017) and h10
    release = RELEASE.format(
        date="2017-09-03",
        minister="Gerry Brownlee",
        body="“This is the sixth nuclear test North Korea has conducted and appears to be the"
        " largest yet,” Mr Brownlee says.\n\n“It follows two such tests last year and more than a"
        " dozen missile tests this year.",
    )
    news = (
        "Foreign Affairs Minister Gerry Brownlee said the funding was stopped last year because"
        " of concerns over North Korea's provocative actions, including two nuclear tests in"
        " 2016.\n"
    )
    # the sixth test, undated in its sentence, is tied to neither; "two such tests last year"
    assert compared(make_corpus, {"x.txt": release, "y.txt": news}) == [
        ("nuclear_test:PRK", "x:c002", "y:c002", "date", "agree"),
        ("nuclear_test:PRK", "x:c002", "y:c002", "participants", "agree"),
    ]


def test_a_test_read_with_its_actor_in_another_role_has_the_same_participants(make_corpus):
    a = "The nuclear test by France in 1995 was condemned.\n"
    b = "France's weapons programme, such as three nuclear tests in 1995, was condemned.\n"
    # "by France" is read as the recipient, "France's" as the actor: the same participant
    assert compared(make_corpus, {"a.txt": a, "b.txt": b}) == [
        ("nuclear_test:FRA", "a:c001", "b:c001", "date", "agree"),
        ("nuclear_test:FRA", "a:c001", "b:c001", "participants", "agree"),
    ]


def test_undated_requests_from_releases_years_apart_are_not_one_happening(make_corpus):
    # dev set h05 (a release of 6 September 2016) and h09 (news of October 2006): an urging
    # can recur, and neither sentence dates its own
    later = RELEASE.format(
        date="2016-09-06",
        minister="Murray McCully",
        body="“New Zealand again urges North Korea to adhere to previous Security Council"
        " resolutions and to refrain from further tests.",
    )
    earlier = RELEASE.format(
        date="2006-10-09",
        minister="Winston Peters",
        body="Mr Peters said he had written to the North Korean Foreign Minister at the weekend,"
        " urging the North Koreans not to develop nuclear weapons.",
    )
    assert compared(make_corpus, {"a.txt": later, "b.txt": earlier}) == []


def test_undated_requests_from_releases_months_apart_are_still_compared(make_corpus):
    def release(date: str, where: str) -> str:
        body = f"New Zealand urged North Korea to return to talks {where}."
        return RELEASE.format(date=date, minister="Jane Doe", body=body)

    files = {"a.txt": release("2010-02-01", "soon"), "b.txt": release("2010-11-30", "again")}
    assert compared(make_corpus, files) == [
        ("request:NZL>PRK", "a:c001", "b:c001", "date", "not_comparable"),
        ("request:NZL>PRK", "a:c001", "b:c001", "participants", "agree"),
    ]
    files = {"a.txt": release("2010-02-01", "soon"), "b.txt": release("2013-02-01", "again")}
    assert compared(make_corpus, files) == []


# dev set h04: a release whose nuclear test is dated by the release ("today's")
BROWNLEE_CONDEMNS_TODAY = RELEASE.format(
    date="2017-09-03",
    minister="Gerry Brownlee",
    body="Foreign Minister Gerry Brownlee has condemned today’s nuclear test by North Korea"
    " as utterly deplorable.",
)


def test_what_can_recur_told_at_dates_that_share_no_day_is_two_happenings(make_corpus):
    # dev set h04 and h10: the 2017 test and the two tests of 2016 are not one happening
    today = BROWNLEE_CONDEMNS_TODAY
    earlier = (
        "Gerry Brownlee said the funding was stopped because of concerns over North Korea's"
        " provocative actions, including two nuclear tests in 2016.\n"
    )
    assert compared(make_corpus, {"a.txt": today, "b.txt": earlier}) == []
    # the same year in both is one happening told twice
    again = "In 2016 North Korea carried out two nuclear tests, officials said.\n"
    assert [c[3:] for c in compared(make_corpus, {"b.txt": earlier, "c.txt": again})] == [
        ("date", "agree"),
        ("participants", "agree"),
    ]
    # what happens once is compared whatever the dates: they conflict
    first = "New Zealand established diplomatic relations with North Korea in 2001.\n"
    other = "New Zealand established diplomatic relations with North Korea in 1975.\n"
    rows = compared(make_corpus, {"d.txt": first, "e.txt": other})
    assert ("date", "conflict") in [c[3:] for c in rows]


def test_an_undated_deed_is_tied_to_no_dated_occurrence_of_it(make_corpus):
    # dev set h09 (an undated story whose "on Monday" gives no day) and h04: which test?
    undated = (
        "Pyongyang said it had carried out a nuclear test on Monday, drawing condemnation from"
        " around the world.\n"
    )
    today = BROWNLEE_CONDEMNS_TODAY
    assert compared(make_corpus, {"a.txt": today, "b.txt": undated}) == []
    # a visit likewise; a position held over time (support) is compared undated
    visit = "Helen Clark visited Pyongyang in May 2005.\n"
    again = "Helen Clark's visit to Pyongyang drew criticism.\n"
    assert compared(make_corpus, {"c.txt": visit, "d.txt": again}) == []
    backing = "In 2005 New Zealand supported the Six-Party Talks.\n"
    still = "New Zealand supports the Six-Party Talks.\n"
    assert ("participants", "agree") in [
        c[3:] for c in compared(make_corpus, {"e.txt": backing, "f.txt": still})
    ]
