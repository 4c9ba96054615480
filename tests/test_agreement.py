"""Cross-source agreement: each rule on claims from the sources and on claims written here."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import nzdprk
from nzdprk.agreement import (
    ASPECTS,
    COMPARISON_COLUMNS,
    ONE_OFF_ACTIONS,
    RELATIONS,
    SUMMARY_COLUMNS,
    compare_claims,
    summarise_facts,
)

WIKI = "000_e724febe7b462b24"
GOFF_2000 = "001_e04c4114be72f84d"
GOFF_2002 = "002_a9688cb631e8140e"
PETERS_2007 = "003_1445d6a868041173"
NEWS = "004_e5065bca2519973a"


# --- helpers -------------------------------------------------------------------------------------


def day(value: str | None) -> pd.Timestamp | None:
    return None if value is None else pd.Timestamp(value)


def events(*claims: tuple[str, str, str | None, str | None, str | None]) -> pd.DataFrame:
    """Event claims (claim_id, fact_key, edtf, earliest, latest); doc_id: the claim_id's prefix."""
    rows = [
        {
            "event_id": claim_id.replace(":c", ":e"),
            "claim_id": claim_id,
            "doc_id": claim_id.split(":")[0],
            "fact_key": key,
            "action": key.split(":")[0],
            "date_edtf": edtf,
            "date_earliest": day(earliest),
            "date_latest": day(latest),
        }
        for claim_id, key, edtf, earliest, latest in claims
    ]
    text = ("event_id", "claim_id", "doc_id", "fact_key", "action", "date_edtf")
    dates = ("date_earliest", "date_latest")
    frame = pd.DataFrame(rows, columns=[*text, *dates])
    return frame.astype({c: "string" for c in text} | dict.fromkeys(dates, "datetime64[s]"))


def flows(*claims: dict[str, object]) -> pd.DataFrame:
    """Aid-flow claims (data model §7.5 columns), NZ$ cumulative totals unless overridden."""
    defaults = {
        "flow_id": None,
        "fact_key": "aid:NZL>PRK",
        "donor_id": "NZL",
        "receiver_org_id": None,
        "recipient_country": "PRK",
        "purpose_text": None,
        "measure": "cumulative_total",
        "amount": None,
        "amount_min": None,
        "amount_max": None,
        "amount_qualifier": "exact",
        "currency": "NZD",
        "period_edtf": None,
        "period_earliest": None,
        "period_latest": None,
        "as_of_date": None,
    }
    rows = []
    for claim in claims:
        row = defaults | claim
        row["doc_id"] = str(row["claim_id"]).split(":")[0]
        for c in ("period_earliest", "period_latest", "as_of_date"):
            row[c] = day(row[c])  # type: ignore[arg-type]
        if row["amount_qualifier"] == "exact":
            row["amount_min"] = row["amount_max"] = row["amount"]
        rows.append(row)
    frame = pd.DataFrame(rows)
    dates = {c: "datetime64[s]" for c in ("period_earliest", "period_latest", "as_of_date")}
    numbers = {c: "Float64" for c in ("amount", "amount_min", "amount_max")}
    text = {c: "string" for c in frame.columns if c not in dates | numbers}
    return frame.astype(text | dates | numbers)


def only(comparisons: pd.DataFrame, aspect: str, **where: str) -> pd.Series:
    rows = comparisons[comparisons.aspect == aspect]
    for column, value in where.items():
        rows = rows[rows[column] == value]
    assert len(rows) == 1, rows
    return rows.iloc[0]


def claim_of(
    corpus,
    doc_id: str,
    action: str,
    quote_part: str,
    date_text: str | None,
    trigger: str | None = None,
) -> pd.Series:
    """The one event of a document read from a sentence containing quote_part, at date_text
    (and from the words ``trigger``, when a sentence holds two events of one action)."""
    e = corpus.events
    rows = e[
        (e.doc_id == doc_id)
        & (e.action == action)
        & e.quote.str.contains(quote_part, regex=False)
        & (e.date_text.isna() if date_text is None else e.date_text == date_text)
        & ((e.trigger_text == trigger) if trigger else True)
    ]
    assert len(rows) == 1, (doc_id, action, quote_part, rows[["claim_id", "date_text"]])
    return rows.iloc[0]


@pytest.fixture(scope="module")
def compared(corpus) -> pd.DataFrame:
    return compare_claims(corpus.events, participants=corpus.event_participants)


def relation_between(compared: pd.DataFrame, a: pd.Series, b: pd.Series, aspect: str) -> str:
    first, second = sorted((a.claim_id, b.claim_id))
    return only(compared, aspect, claim_id_a=first, claim_id_b=second).relation


# --- the sources ---------------------------------------------------------------------------------


def test_establishment_in_march_2001_agrees(corpus, compared):
    wiki = claim_of(corpus, WIKI, "establish_relations", "Bangkok", "March 2001")
    goff = claim_of(corpus, GOFF_2002, "establish_relations", "established", "March 2001")
    assert wiki.fact_key == goff.fact_key == "establish_relations:NZL+PRK"
    row = only(compared, "date", claim_id_a=wiki.claim_id, claim_id_b=goff.claim_id)
    assert (row.relation, row.value_a, row.value_b) == ("agree", "2001-03", "2001-03")
    assert row.rationale == "equal bounds: both give 2001-03-01 to 2001-03-31"


def test_since_the_2001_establishment_agrees_with_march_2001(corpus, compared):
    since = claim_of(corpus, WIKI, "establish_relations", "Since the 2001 establishment", "2001")
    goff = claim_of(corpus, GOFF_2002, "establish_relations", "established", "March 2001")
    assert pd.notna(since.fact_key) and since.fact_key == "establish_relations:NZL+PRK"
    # a plain year containing the month is the same date told at a coarser unit
    assert relation_between(compared, since, goff, "date") == "agree"


def test_goff_paek_meeting_in_july_2000_agrees(corpus, compared):
    wiki = claim_of(corpus, WIKI, "meet", "Bangkok", "July 2000")
    # "At my meeting with ... Paek Nam-sun, in Bangkok in July", anchored to 2000.
    goff = claim_of(corpus, GOFF_2000, "meet", "Bangkok", "July", trigger="meeting")
    assert wiki.fact_key == goff.fact_key == "meet:paek-nam-sun+phil-goff"
    assert relation_between(compared, wiki, goff, "date") == "agree"
    # Goff speaks of "my meeting": the participant is resolved, and the rationale says how.
    row = only(compared, "participants", claim_id_a=wiki.claim_id, claim_id_b=goff.claim_id)
    assert row.relation == "agree"
    assert "phil-goff as 'Phil Goff' (a) and 'my' (b)" in row.rationale


def test_peters_visit_to_pyongyang_differs_in_precision(corpus, compared):
    wiki = claim_of(corpus, WIKI, "visit", "took a trip to Pyongyang", "20 November 2007")
    news = claim_of(corpus, NEWS, "visit", "travelled to Pyongyang", "mid-2000s")
    assert wiki.fact_key == news.fact_key == "visit:winston-peters>PRK"
    row = only(compared, "date", claim_id_a=wiki.claim_id, claim_id_b=news.claim_id)
    assert (row.relation, row.value_a, row.value_b) == (
        "differ_precision",
        "2007-11-20",
        "2004~/2006~",
    )
    assert row.rationale == (
        "nested bounds: b (2000-01-01 to 2009-12-31) contains a (2007-11-20); b is coarser, "
        "the two are compatible"
    )


def test_support_for_the_six_party_talks_is_one_fact_stated_by_two_sources(corpus):
    # 003: "New Zealand's continuing support for ... through the Six Party Talks" (a minister's
    # release); 004: "Peters supported the Six-Party talks" (a news article, years later).
    release = claim_of(corpus, PETERS_2007, "support", "continuing support", None)
    news = claim_of(corpus, NEWS, "support", "Peters supported the Six-Party talks", "mid-2000s")
    assert release.fact_key == news.fact_key == "support:NZL>six-party-talks"
    c = corpus.claim_comparisons
    pair = c[(c.fact_key == "support:NZL>six-party-talks")].set_index("aspect")["relation"]
    # the release names North Korea too: both name who the fact is keyed by, so they agree
    assert pair["participants"] == "agree"
    assert pair["date"] == "not_comparable"  # the release's sentence gives no date


def test_the_sources_do_not_contradict_each_other(compared):
    assert not (compared.relation == "conflict").any(), compared[compared.relation == "conflict"]


def test_unrelated_deployments_do_not_share_a_key(corpus):
    # "remained in Korea ... for four years after the 1953 armistice": the year is the armistice's
    troops = claim_of(corpus, WIKI, "deploy", "remained in Korea", None)
    patrols = claim_of(corpus, NEWS, "deploy", "surveillance deployments", None)
    # a key may be missing (a one-way action with no recipient is no comparable fact), but
    # two different deployments must never share one
    assert pd.isna(troops.fact_key) or troops.fact_key != patrols.fact_key


def test_a_key_groups_one_action_and_pairs_cross_documents(corpus, compared):
    keyed = corpus.events[corpus.events.fact_key.notna()]
    assert (keyed.groupby("fact_key").action.nunique() == 1).all()
    assert (keyed.fact_key.str.split(":").str[0] == keyed.action).all()
    assert (compared.doc_id_a != compared.doc_id_b).all()
    assert (compared.claim_id_a < compared.claim_id_b).all()
    doc_of = dict(zip(corpus.events.claim_id, corpus.events.doc_id, strict=True))
    assert (compared.doc_id_a == compared.claim_id_a.map(doc_of)).all()
    assert (compared.doc_id_b == compared.claim_id_b.map(doc_of)).all()


def test_planned_events_are_not_compared_with_actual_ones(corpus, compared):
    planned = set(corpus.events.fact_key[corpus.events.aux_mode == "future"].dropna())
    assert planned and all(k.endswith(":future") for k in planned)
    assert not set(compared.fact_key) & planned


def test_frame_shape_and_order(compared):
    assert dict(compared.dtypes.astype(str)) == COMPARISON_COLUMNS
    assert list(compared.columns) == list(COMPARISON_COLUMNS)
    assert set(compared.relation) <= set(RELATIONS)
    assert set(compared.aspect) == {"date", "participants"} < set(ASPECTS)
    keys = ["fact_key", "claim_id_a", "claim_id_b", "aspect"]
    assert compared[keys].equals(compared[keys].sort_values(keys).reset_index(drop=True))


def test_inputs_are_not_modified(corpus):
    e, p = corpus.events.copy(), corpus.event_participants.copy()
    compare_claims(e, participants=p)
    pd.testing.assert_frame_equal(e, corpus.events)
    pd.testing.assert_frame_equal(p, corpus.event_participants)


def test_summary_of_the_sources(corpus, compared):
    summary = summarise_facts(corpus.events, compared, documents=corpus.documents)
    assert dict(summary.dtypes.astype(str)) == SUMMARY_COLUMNS
    assert summary.fact_key.is_unique
    assert set(summary.fact_key) == set(corpus.events.fact_key.dropna())
    meeting = summary.set_index("fact_key").loc["meet:paek-nam-sun+phil-goff"]
    # 001 (2000) was published before the encyclopedia article (2025): publication order.
    assert meeting.doc_ids == f"{GOFF_2000}; {WIKI}"
    assert (meeting.earliest_source, meeting.latest_source) == (GOFF_2000, WIKI)
    assert (meeting.n_claims, meeting.n_sources, meeting.relations) == (2, 2, "agree")
    assert not meeting.any_conflict and not meeting.single_source
    visit = summary.set_index("fact_key").loc["visit:winston-peters>PRK"]
    assert (visit.n_claims, visit.n_sources) == (3, 2)  # 000 tells the visit twice
    assert visit.relations == "agree; differ_precision"
    assert (summary.single_source == (summary.n_sources == 1)).all()
    assert summary.relations[summary.single_source].isna().all()


# --- dates, on claims written for the test -------------------------------------------------------

REL = "establish_relations:NZL+PRK"
VISIT = "visit:winston-peters>PRK"


def date_of(frame: pd.DataFrame) -> pd.Series:
    return only(compare_claims(frame), "date")


def test_equal_bounds_agree():
    row = date_of(
        events(
            ("a:c1", REL, "2001-03", "2001-03-01", "2001-03-31"),
            ("b:c1", REL, "2001-03", "2001-03-01", "2001-03-31"),
        )
    )
    assert (row.relation, row.value_a, row.value_b) == ("agree", "2001-03", "2001-03")


def test_a_plain_year_or_month_containing_the_other_date_agrees():
    # 000: "Since the 2001 establishment" against 002: "in March 2001".
    row = date_of(
        events(
            ("a:c1", REL, "2001", "2001-01-01", "2001-12-31"),
            ("b:c1", REL, "2001-03", "2001-03-01", "2001-03-31"),
        )
    )
    assert row.relation == "agree"
    assert row.rationale.startswith("same date: 2001 is a plain calendar year that contains")
    written = date_of(
        events(
            ("a:c1", REL, "2010-06-04", "2010-06-04", "2010-06-04"),
            ("b:c1", REL, "2010-06", "2010-06-01", "2010-06-30"),
        )
    )
    assert (written.relation, written.value_b) == ("agree", "2010-06")


@pytest.mark.parametrize(
    ("edtf", "earliest", "latest"),
    [
        ("200X", "2000-01-01", "2009-12-31"),  # 004: "mid-2000s", against a day
        ("2001~", "2001-01-01", "2001-12-31"),  # "about 2001"
        ("2001-01-01/2001-06-30", "2001-01-01", "2001-06-30"),  # "in the first half of 2001"
    ],
)
def test_nested_bounds_not_a_plain_calendar_unit_differ_in_precision(edtf, earliest, latest):
    row = date_of(
        events(
            ("a:c1", REL, edtf, earliest, latest),
            ("b:c1", REL, "2001-03-05", "2001-03-05", "2001-03-05"),
        )
    )
    assert row.relation == "differ_precision"
    assert row.rationale.startswith(f"nested bounds: a ({earliest} to {latest}) contains b")
    assert "a is coarser" in row.rationale


def test_an_early_mid_or_late_date_is_compared_by_its_whole_unit():
    """ "in the late 1990s" (1997–1999 by convention) does not contradict "in March 1995": where
    a decade's parts split is a convention, so the decade is compared."""
    frame = events(
        ("a:c1", REL, "1997~/1999~", "1997-01-01", "1999-12-31"),
        ("b:c1", REL, "1995-03", "1995-03-01", "1995-03-31"),
    )
    frame["date_precision"] = ["decade", "month"]
    frame["date_refine"] = pd.array(["late", None], dtype="string")
    row = date_of(frame)
    assert (row.relation, row.value_a) == ("differ_precision", "1997~/1999~")
    assert row.rationale.startswith("nested bounds: a (1990-01-01 to 1999-12-31) contains b")
    unrefined = date_of(frame.drop(columns=["date_refine"]))
    assert unrefined.relation == "conflict"
    exact = events(  # "in the second half of the 1990s": exact, not widened
        ("a:c1", REL, "1995/1999", "1995-01-01", "1999-12-31"),
        ("b:c1", REL, "1991-03", "1991-03-01", "1991-03-31"),
    )
    exact["date_precision"] = ["decade", "month"]
    exact["date_refine"] = pd.array(["second half", None], dtype="string")
    assert date_of(exact).relation == "conflict"
    assert list(frame["date_earliest"].dt.year) == [1997, 1995]  # the input is not changed


def test_partial_overlap_differs_in_precision_with_a_note():
    row = date_of(
        events(
            ("a:c1", REL, "2000/2001", "2000-01-01", "2001-12-31"),
            ("b:c1", REL, "2001/2002", "2001-01-01", "2002-12-31"),
        )
    )
    assert row.relation == "differ_precision"
    assert row.rationale.startswith("partial overlap:")


def test_disjoint_dates_of_a_one_off_action_conflict():
    row = date_of(
        events(
            ("a:c1", REL, "2001-03", "2001-03-01", "2001-03-31"),
            ("b:c1", REL, "1999-06", "1999-06-01", "1999-06-30"),
        )
    )
    assert row.relation == "conflict"
    assert "cannot both be right for a one-off action (establish_relations)" in row.rationale


def test_disjoint_dates_of_a_recurring_action_are_two_occurrences_not_compared():
    # 000: Peters in Pyongyang on 20 November 2007; a written source: a visit in April 2012.
    compared = compare_claims(
        events(
            ("a:c1", VISIT, "2007-11-20", "2007-11-20", "2007-11-20"),
            ("b:c1", VISIT, "2012-04", "2012-04-01", "2012-04-30"),
        )
    )
    assert compared.empty


def test_nuclear_tests_recur():
    assert "nuclear_test" not in ONE_OFF_ACTIONS
    compared = compare_claims(
        events(
            ("a:c1", "nuclear_test:PRK", "2006-10-09", "2006-10-09", "2006-10-09"),
            ("b:c1", "nuclear_test:PRK", "2017-09-03", "2017-09-03", "2017-09-03"),
        )
    )
    assert compared.empty


@pytest.mark.parametrize(
    ("a", "b", "why"),
    [
        ((None, None, None), (None, None, None), "nothing to compare: neither side gives one"),
        (("2001-03", "2001-03-01", "2001-03-31"), (None, None, None), "nothing to compare: b"),
    ],
)
def test_a_missing_date_is_not_comparable(a, b, why):
    row = date_of(events(("a:c1", REL, *a), ("b:c1", REL, *b)))
    assert row.relation == "not_comparable"
    assert row.rationale.startswith(why)


def test_open_ended_dates_are_compared_on_the_known_bound():
    # "since 1995" contains 2002; "until 1957" and "1960" do not meet.
    row = date_of(
        events(
            ("a:c1", REL, "1995/..", "1995-01-01", None),
            ("b:c1", REL, "2002", "2002-01-01", "2002-12-31"),
        )
    )
    assert row.relation == "differ_precision"
    assert row.rationale.endswith(
        "; a is open-ended (since 1995-01-01): compared on the known bound only"
    )
    row = date_of(
        events(
            ("a:c1", REL, "../1957", None, "1957-12-31"),
            ("b:c1", REL, "1960", "1960-01-01", "1960-12-31"),
        )
    )
    assert row.relation == "conflict"
    assert "a is open-ended (until 1957-12-31)" in row.rationale
    row = date_of(
        events(("a:c1", REL, "1995/..", "1995-01-01", None), ("b:c1", REL, "1995/..", "1995", None))
    )
    assert row.relation == "agree"


def test_claims_of_one_document_are_not_compared():
    frame = events(
        ("a:c1", VISIT, "2007-11-20", "2007-11-20", "2007-11-20"),
        ("a:c2", VISIT, "2007-11-20", "2007-11-20", "2007-11-20"),
        ("b:c1", VISIT, "200X", "2000-01-01", "2009-12-31"),
    )
    pairs = compare_claims(frame)[["claim_id_a", "claim_id_b"]].values.tolist()
    assert pairs == [["a:c1", "b:c1"], ["a:c2", "b:c1"]]


def test_claims_without_a_key_are_not_compared():
    frame = events(
        ("a:c1", REL, "2001", "2001-01-01", "2001-12-31"), ("b:c1", REL, None, None, None)
    )
    frame.loc[1, "fact_key"] = pd.NA
    assert compare_claims(frame).empty


def test_missing_columns_are_named():
    with pytest.raises(ValueError, match=r"events lacks column\(s\) \['action'\]"):
        compare_claims(events(("a:c1", REL, None, None, None)).drop(columns="action"))


# --- participants --------------------------------------------------------------------------------


def participants(*rows: tuple[str, str, str, str]) -> pd.DataFrame:
    """(event_id, actor_id, role, quote) rows of event_participants."""
    return pd.DataFrame(rows, columns=["event_id", "actor_id", "role", "quote"]).astype("string")


KIM = "meet:kim-dae-jung+kim-jong-il"


def test_spelling_variants_agree_on_identity():
    # 001 writes "Kim Jong Il", 002 "Kim Jong-il": one actor_id, so the participants agree.
    frame = events(("a:c1", KIM, None, None, None), ("b:c1", KIM, None, None, None))
    people = participants(
        ("a:e1", "kim-jong-il", "actor", "Kim Jong Il"),
        ("a:e1", "kim-dae-jung", "actor", "Kim Dae-Jung"),
        ("b:e1", "kim-jong-il", "actor", "Kim Jong-il"),
        ("b:e1", "kim-dae-jung", "actor", "Kim Dae-jung"),
    )
    row = only(compare_claims(frame, participants=people), "participants")
    assert row.relation == "agree"
    assert (row.value_a, row.value_b) == ("kim-dae-jung+kim-jong-il",) * 2
    assert "kim-jong-il as 'Kim Jong Il' (a) and 'Kim Jong-il' (b)" in row.rationale


def test_more_participants_differ_in_precision_other_ones_in_scope():
    frame = events(("a:c1", KIM, None, None, None), ("b:c1", KIM, None, None, None))
    fuller = participants(
        ("a:e1", "kim-jong-il", "actor", "Kim Jong Il"),
        ("b:e1", "kim-jong-il", "actor", "Kim Jong-il"),
        ("b:e1", "kim-dae-jung", "actor", "Kim Dae-jung"),
    )
    assert only(compare_claims(frame, participants=fuller), "participants").relation == (
        "differ_precision"
    )
    other = participants(
        ("a:e1", "kim-jong-il", "actor", "Kim Jong Il"),
        ("b:e1", "kim-dae-jung", "actor", "Kim Dae-jung"),
    )
    assert only(compare_claims(frame, participants=other), "participants").relation == (
        "differ_scope"
    )


def test_participants_the_fact_is_keyed_by_agree_whatever_else_is_named():
    key = "support:NZL>six-party-talks"
    frame = events(("a:c1", key, None, None, None), ("b:c1", key, None, None, None))
    people = participants(
        ("a:e1", "NZL", "actor", "New Zealand"),
        ("a:e1", "six-party-talks", "recipient", "Six Party Talks"),
        ("a:e1", "PRK", "recipient", "North Korea"),
        ("b:e1", "NZL", "actor", "Peters"),
        ("b:e1", "six-party-talks", "recipient", "Six-Party talks"),
    )
    row = only(compare_claims(frame, participants=people), "participants")
    assert (row.relation, row.value_a, row.value_b) == (
        "agree",
        "NZL>PRK+six-party-talks",
        "NZL>six-party-talks",
    )
    assert row.rationale.startswith("both name the participants the fact is keyed by")


# --- aid flows -----------------------------------------------------------------------------------

ONE_POINT_FOUR = {
    # 002: "Since 1995 it has contributed NZ$1.4 million in humanitarian aid"
    "claim_id": "002:c017",
    "purpose_text": "humanitarian aid",
    "amount": 1.4e6,
    "period_edtf": "1995/..",
    "period_earliest": "1995-01-01",
    "as_of_date": "2002-04-29",
}


def aid_rows(*claims: dict[str, object]) -> dict[str, pd.Series]:
    compared = compare_claims(events(), flows(*claims))
    assert set(compared.aspect) == {"amount", "period", "scope"}
    return {aspect: only(compared, aspect) for aspect in ("amount", "period", "scope")}


def test_aid_of_different_scope_is_never_a_conflict():
    # 000: "almost NZD$8.5 million of aid ... for the development of farming regions and
    # humanitarian assistance" (no period, undated article).
    almost = {
        "claim_id": "000:c061",
        "purpose_text": "development of farming regions and humanitarian assistance",
        "amount": 8.5e6,
        "amount_qualifier": "almost",
        "amount_max": 8.5e6,
    }
    rows = aid_rows(ONE_POINT_FOUR, almost)
    assert rows["amount"].relation == "differ_scope"
    assert (rows["amount"].value_a, rows["amount"].value_b) == (
        "NZD up to 8,500,000 (almost)",
        "NZD 1,400,000",
    )
    assert rows["amount"].rationale.endswith("neither confirm nor contradict each other")
    assert rows["scope"].relation == "differ_scope"
    assert "as-of date 'unstated' (a) vs '2002-04-29' (b)" in rows["scope"].rationale
    assert rows["period"].relation == "not_comparable"


def test_scope_fields_are_compared_as_stated_and_listed_in_field_order():
    # written for this test: "food aid" and "Food aid" are one purpose; the receiver and the
    # as-of date are told by one side only, each a difference, listed measure first
    food = {"claim_id": "a:c1", "purpose_text": "Food  aid", "as_of_date": "2004-06-30"}
    other = {"claim_id": "b:c1", "purpose_text": "food aid", "receiver_org_id": "WFP"}
    rows = aid_rows(food, other)
    assert (rows["scope"].relation, rows["scope"].rationale) == (
        "differ_scope",
        "different scope, so the amounts are compared, never added: receiver organisation "
        "'unstated' (a) vs 'WFP' (b); as-of date '2004-06-30' (a) vs 'unstated' (b)",
    )
    assert rows["scope"].value_a == (
        "measure: cumulative_total; purpose: Food aid; receiver organisation: ?; "
        "recipient country: PRK; currency: NZD; as-of date: 2004-06-30"
    )
    same = aid_rows(food, food | {"claim_id": "b:c1", "purpose_text": "FOOD AID"})["scope"]
    assert (same.relation, same.rationale) == (
        "agree",
        "same measure, purpose, receiver, currency and as-of date",
    )
    blank = dict.fromkeys(("measure", "recipient_country", "currency"))
    none = aid_rows(blank | {"claim_id": "a:c1"}, blank | {"claim_id": "b:c1"})["scope"]
    assert (none.relation, none.rationale) == (
        "not_comparable",
        "neither claim states measure, purpose or as-of date",
    )


def test_aid_totals_of_one_scope_that_cannot_both_be_true_conflict():
    rows = aid_rows(ONE_POINT_FOUR, ONE_POINT_FOUR | {"claim_id": "009:c001", "amount": 2e6})
    assert rows["amount"].relation == "conflict"
    assert rows["amount"].rationale == (
        "disjoint bounds: a (1,400,000) and b (2,000,000) cannot both be true: "
        "same measure, purpose, currency, period and as-of date"
    )
    assert rows["scope"].relation == rows["period"].relation == "agree"


def test_a_larger_later_running_total_is_an_update():
    later = ONE_POINT_FOUR | {"claim_id": "009:c001", "amount": 2e6, "as_of_date": "2007-07-27"}
    rows = aid_rows(ONE_POINT_FOUR, later)
    assert rows["amount"].relation == rows["scope"].relation == "differ_scope"
    assert rows["amount"].rationale.startswith("an update: running totals since the same start")
    assert "as-of date '2002-04-29' (a) vs '2007-07-27' (b)" in rows["scope"].rationale


def test_a_smaller_later_running_total_conflicts():
    # 002 (as of 2002-04-29): NZ$1.4 million since 1995; a later source: NZ$1 million since 1995
    later = ONE_POINT_FOUR | {"claim_id": "009:c001", "amount": 1e6, "as_of_date": "2004-01-01"}
    row = aid_rows(ONE_POINT_FOUR, later)["amount"]
    assert (row.relation, row.value_a, row.value_b) == (
        "conflict",
        "NZD 1,400,000",
        "NZD 1,000,000",
    )
    assert "a running total never shrinks" in row.rationale


def test_an_open_period_ends_at_its_as_of_date():
    # "since 1995" counted in 2002 does not contain 2008-2016
    other = ONE_POINT_FOUR | {
        "claim_id": "010:c001",
        "amount": 215000.0,
        "period_edtf": "2008/2016",
        "period_earliest": "2008-01-01",
        "period_latest": "2016-12-31",
        "as_of_date": None,
    }
    row = aid_rows(ONE_POINT_FOUR, other)["period"]
    assert (row.relation, row.value_a, row.value_b) == ("differ_scope", "1995/..", "2008/2016")


def test_aid_amounts_without_bounds_are_not_compared():
    # "about NZ$1.5 million": the money parser sets no bounds, and none are invented here.
    about = ONE_POINT_FOUR | {
        "claim_id": "009:c001",
        "amount": 1.5e6,
        "amount_qualifier": "approximately",
    }
    row = aid_rows(ONE_POINT_FOUR, about)["amount"]
    assert row.relation == "not_comparable"
    assert row.value_b == "NZD 1,500,000 (approximately, no bounds)"
    assert row.rationale.startswith("no bounds for the amount of b")


def test_aid_amounts_agree_or_differ_in_precision():
    same = aid_rows(ONE_POINT_FOUR, ONE_POINT_FOUR | {"claim_id": "009:c001"})
    assert {r.relation for r in same.values()} == {"agree"}
    between = ONE_POINT_FOUR | {
        "claim_id": "009:c001",
        "amount": None,
        "amount_qualifier": "range",
        "amount_min": 1e6,
        "amount_max": 2e6,
    }
    assert aid_rows(ONE_POINT_FOUR, between)["amount"].relation == "differ_precision"


def test_aid_in_other_currencies_is_not_converted():
    dollars = ONE_POINT_FOUR | {"claim_id": "009:c001", "currency": "USD", "amount": 1e6}
    row = aid_rows(ONE_POINT_FOUR, dollars)["amount"]
    assert row.relation == "not_comparable"
    assert row.rationale == "different currencies (NZD vs USD): never converted"


def test_aid_flows_over_different_periods_differ_in_scope():
    def flow(claim_id: str, year: str, amount: float) -> dict[str, object]:
        start, end = f"{year}-01-01", f"{year}-12-31"
        return {
            "claim_id": claim_id,
            "measure": "flow",
            "amount": amount,
            "period_edtf": year,
            "period_earliest": start,
            "period_latest": end,
        }

    rows = aid_rows(flow("a:c1", "2005", 1e6), flow("b:c1", "2006", 2e6))
    assert rows["period"].relation == rows["amount"].relation == "differ_scope"
    # The same year's flow stated as two amounts: flows need no as-of date to conflict.
    rows = aid_rows(flow("a:c1", "2005", 1e6), flow("b:c1", "2005", 2e6))
    assert rows["amount"].relation == "conflict"


def test_summary_counts_aid_claims_and_never_adds_amounts():
    aid = flows(ONE_POINT_FOUR, ONE_POINT_FOUR | {"claim_id": "009:c001", "amount": 2e6})
    compared = compare_claims(events(), aid)
    summary = summarise_facts(events(), compared, aid)
    assert list(summary.columns) == list(SUMMARY_COLUMNS)
    row = summary.iloc[0]
    assert (row.fact_key, row.n_claims, row.n_sources, row.doc_ids) == (
        "aid:NZL>PRK",
        2,
        2,
        "002; 009",
    )
    assert row.any_conflict and row.relations == "agree; conflict"


def test_no_keyed_claim_makes_empty_frames_of_the_schema():
    frame = events(("a:c1", REL, None, None, None))
    frame["fact_key"] = pd.array([None], dtype="string")
    documents = pd.DataFrame({"doc_id": ["a"], "published_earliest": [pd.Timestamp("2001-05-01")]})
    compared = compare_claims(frame, documents=documents)
    assert compared.empty and list(compared.columns) == list(COMPARISON_COLUMNS)
    summary = summarise_facts(frame, compared, documents=documents)
    assert summary.empty and summary.dtypes.to_dict() == SUMMARY_COLUMNS


def test_summary_orders_sources_by_publication_and_skips_undated():
    frame = events(
        ("a:c1", VISIT, None, None, None),
        ("b:c1", VISIT, None, None, None),
        ("c:c1", VISIT, None, None, None),
    )
    documents = pd.DataFrame(
        {"doc_id": ["a", "b", "c"], "published_earliest": [day("2024-05-01"), None, day("2007")]}
    )
    row = summarise_facts(frame, compare_claims(frame), documents=documents).iloc[0]
    assert row.doc_ids == "c; a; b"
    assert (row.earliest_source, row.latest_source) == ("c", "a")
    assert row.relations == "not_comparable"


# --- properties ----------------------------------------------------------------------------------

DAYS = st.dates(
    min_value=pd.Timestamp("1900-01-01").date(), max_value=pd.Timestamp("2030-12-31").date()
)


@st.composite
def intervals(draw: st.DrawFn) -> tuple[str | None, str | None]:
    """Strict bounds as a source may give them: closed, open at one end, or unknown."""
    lo, hi = draw(st.one_of(st.none(), DAYS)), draw(st.one_of(st.none(), DAYS))
    if lo is not None and hi is not None and hi < lo:
        lo, hi = hi, lo
    return (None if lo is None else str(lo)), (None if hi is None else str(hi))


def undated(claim: dict) -> bool:
    """No date bound at all."""
    return pd.isna(claim["date_earliest"]) and pd.isna(claim["date_latest"])


def dated_apart(a: dict, b: dict) -> bool:
    """Both give a date bound and their bounds share no day (a missing bound is open)."""
    if undated(a) or undated(b):
        return False
    before = not pd.isna(a["date_latest"]) and not pd.isna(b["date_earliest"])
    after = not pd.isna(b["date_latest"]) and not pd.isna(a["date_earliest"])
    return (before and a["date_latest"] < b["date_earliest"]) or (
        after and b["date_latest"] < a["date_earliest"]
    )


@settings(max_examples=100, deadline=None)
@given(a=intervals(), b=intervals(), key=st.sampled_from([REL, VISIT]))
def test_relations_are_symmetric_and_agree_means_equal_bounds(a, b, key):
    pair = events(("x:c1", key, None, *a), ("y:c1", key, None, *b))
    x, y = pair.to_dict("records")
    if key == VISIT and (dated_apart(x, y) or undated(x) != undated(y)):
        assert compare_claims(pair).empty  # two visits, or a visit tied to no dated one
        return
    forward = date_of(pair)
    backward = date_of(events(("x:c1", key, None, *b), ("y:c1", key, None, *a)))
    assert forward.relation == backward.relation
    known = any(v is not None for v in a + b)
    assert (forward.relation == "agree") == (a == b and known)
    if key == VISIT:
        assert forward.relation != "conflict"


def test_comparisons_have_the_dtypes_of_the_corpus_frame(corpus, compared):
    # the relation and aspect vocabularies are the schema's categories, here as in the corpus
    assert compared.dtypes.to_dict() == corpus.claim_comparisons.dtypes.to_dict()
    assert list(compared["relation"].cat.categories) == list(RELATIONS)


@pytest.mark.parametrize(
    ("sentence", "key"),
    [
        # the dev set (h04): North Korea is read in the recipient's role; the key still names it
        (
            "Foreign Minister Gerry Brownlee has condemned today’s nuclear test by North Korea as "
            "utterly deplorable.",
            "nuclear_test:PRK",
        ),
        (
            "The Foreign Minister has condemned today’s nuclear test by China as reckless.",
            "nuclear_test:CHN",
        ),
    ],
)
def test_a_happening_with_no_object_is_keyed_by_who_is_named(tmp_path, sentence, key):
    (tmp_path / "r.txt").write_text(
        "---\ntitle: Test\ndate: 2017-09-03\nurl: https://www.beehive.govt.nz/release/x\n---\n\n"
        f"{sentence}\n",
        "utf-8",
    )
    events = nzdprk.load_corpus(tmp_path).events
    keys = events.loc[events["action"] == "nuclear_test", "fact_key"].astype(object)
    assert keys.where(keys.notna(), None).tolist() == [key]
