"""Event coding: each rule on a sentence from the sources and on one written for the test."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import nzdprk
from nzdprk.events import clauses, quoted_spans
from nzdprk.extract import analyse
from nzdprk.read import Document, Published

WIKI = "000_e724febe7b462b24"
GOFF_2000 = "001_e04c4114be72f84d"
GOFF_2002 = "002_a9688cb631e8140e"
PETERS_2007 = "003_1445d6a868041173"
NEWS = "004_e5065bca2519973a"


@pytest.fixture
def code(make_corpus):
    """Code one hand-written text: a news article, or a press release when `date` is given."""

    def run(body: str, date: str | None = None, minister: str = "Jane Doe") -> pd.DataFrame:
        if date:
            body = f"---\ntitle: Test\ndate: {date}\nministers:\n  - {minister}\n---\n\n" + body
        return nzdprk.load_corpus(make_corpus({"t.txt": body})).events

    return run


def one(events: pd.DataFrame, **where) -> pd.Series:
    rows = events
    for column, value in where.items():
        rows = rows[rows[column] == value]
    assert len(rows) == 1, rows[["action", "summary", "date_text"]]
    return rows.iloc[0]


def find(corpus, doc_id: str, quote_start: str, action: str) -> pd.Series:
    e = corpus.events
    rows = e[(e.doc_id == doc_id) & e.quote.str.startswith(quote_start) & (e.action == action)]
    assert len(rows) >= 1, (quote_start, action)
    return rows.iloc[0]


# --- every dated statement is an event with the right bounds --------------------------------


def test_every_placed_date_in_the_sources_dates_an_event(corpus):
    events = corpus.events
    for row in corpus.dates.itertuples():
        if row.date_resolution not in ("explicit", "anchored", "inferred"):
            continue
        in_sentence = events[(events.sentence_id == row.sentence_id) & events.date_text.notna()]
        assert any(t in row.quote for t in in_sentence.date_text), row.quote


@pytest.mark.parametrize(
    ("doc_id", "quote_start", "action", "edtf", "earliest", "latest", "resolution"),
    [
        (WIKI, "Since then", "meet", "2000-07", "2000-07-01", "2000-07-31", "explicit"),
        (
            WIKI,
            "Since then",
            "establish_relations",
            "2001-03",
            "2001-03-01",
            "2001-03-31",
            "explicit",
        ),
        (
            WIKI,
            "In 2006, North Korea",
            "suspend_relations",
            "2006",
            "2006-01-01",
            "2006-12-31",
            "explicit",
        ),
        (WIKI, "New Zealand began", "visit", "2007-11-20", "2007-11-20", "2007-11-20", "inferred"),
        (WIKI, "The force arrived", "deploy", "1950-12-31", "1950-12-31", "1950-12-31", "inferred"),
        (
            WIKI,
            "The force arrived",
            "cooperate",
            "1951-01-21",
            "1951-01-21",
            "1951-01-21",
            "inferred",
        ),
        (
            GOFF_2000,
            "“A small delegation",
            "visit",
            "2000-09-19/2000-09-23",
            "2000-09-19",
            "2000-09-23",
            "anchored",
        ),
        (
            GOFF_2002,
            "The breakthrough",
            "visit",
            "2002-04-03/2002-04-05",
            "2002-04-03",
            "2002-04-05",
            "anchored",
        ),
        (
            PETERS_2007,
            "Mr Peters is due",
            "meet",
            "2007-07-30/2007-08-05",
            "2007-07-30",
            "2007-08-05",
            "anchored",
        ),
        (
            NEWS,
            "The spokesperson",
            "deploy",
            "2024-04/2024-05",
            "2024-04-01",
            "2024-05-31",
            "explicit",
        ),
        (NEWS, "As Foreign Minister", "visit", "200X", "2000-01-01", "2009-12-31", "explicit"),
    ],
)
def test_events_from_the_sources_carry_their_dates(
    corpus, doc_id, quote_start, action, edtf, earliest, latest, resolution
):
    row = find(corpus, doc_id, quote_start, action)
    assert row["date_edtf"] == edtf
    assert str(row["date_earliest"].date()) == earliest
    assert str(row["date_latest"].date()) == latest
    assert row["date_resolution"] == resolution
    text = corpus.text(doc_id)
    assert text[row["char_start"] : row["char_end"]] == row["quote"]
    assert text[row["trigger_start"] : row["trigger_end"]] == row["trigger_text"]


def test_an_undated_article_gets_an_inferred_lower_bound_not_a_date(corpus):
    doc = corpus.documents.set_index("doc_id").loc[NEWS]
    assert doc["published_resolution"] == "inferred"
    assert doc["published_edtf"] == "[2024-05..]"
    assert doc["published_earliest"] == pd.Timestamp("2024-05-01")
    assert pd.isna(doc["published_latest"])
    assert "mid-April to early May 2024" in doc["published_note"]
    monday = find(corpus, NEWS, "Pyongyang, on Monday", "request")
    assert monday["date_text"] == "Monday"
    assert monday["date_resolution"] == "unresolved" and pd.isna(monday["date_earliest"])


def test_the_inference_rule_on_a_written_article(code, make_corpus):
    folder = make_corpus({"n.txt": "Talks were held in March 2019. Officials will meet in 2031."})
    doc = nzdprk.load_corpus(folder).documents.iloc[0]
    assert doc["published_edtf"] == "[2019-03..]"  # the future meeting does not bound it


# --- modes, attribution, participants --------------------------------------------------------


def test_planned_events_are_kept_apart_from_past_ones(corpus, code):
    planned = find(corpus, GOFF_2000, "“A small delegation", "visit")
    assert (planned["aux_mode"], planned["assertion_mode"]) == ("future", "planned")
    assert planned["fact_key"].endswith(":future")
    e = code("Foreign Minister Jane Doe will visit Tokyo next week.", date="2019-05-10")
    row = one(e, action="visit")
    assert row["aux_mode"] == "future"
    assert row["date_edtf"] == "2019-05-13/2019-05-19"


def test_a_statement_reported_in_a_news_article_is_attributed_to_its_speaker(corpus, code):
    demand = find(corpus, NEWS, "Pyongyang, on Monday", "request")
    assert demand["attributed_to"] == "PRK"
    assert demand["assertion_mode"] == "reported"
    assert demand["actor_id"] == "PRK"
    e = code("Tokyo on Friday condemned the missile launch by North Korea.")
    row = one(e, action="accuse")
    assert (row["actor_id"], row["attributed_to"], row["assertion_mode"]) == (
        "JPN",
        "JPN",
        "reported",
    )


def test_quoted_words_in_a_release_are_the_ministers(corpus, code):
    offer = find(corpus, PETERS_2007, "“We have offered", "offer")
    assert offer["attributed_to"] == "winston-peters"
    assert offer["assertion_mode"] == "asserted"  # the minister speaking in his own release
    assert offer["actor_id"] == "NZL"  # "we" in a minister's words is his country
    e = code(
        '"We will hold talks with China," Mr Peters said.',
        date="2019-05-10",
        minister="Winston Peters",
    )
    assert one(e, action="meet")["fact_key"] == "meet:CHN+NZL:future"


def test_a_state_gives_way_to_its_own_named_people(corpus, code):
    meeting = find(corpus, WIKI, "Since then", "meet")
    assert meeting["fact_key"] == "meet:paek-nam-sun+phil-goff"
    e = code("South Korean President Roh Moo-hyun met Helen Clark in Sydney.")
    assert one(e, action="meet")["fact_key"] == "meet:helen-clark+roh-moo-hyun"


def test_relations_are_between_states_even_when_people_are_named(corpus, code):
    assert (
        find(corpus, GOFF_2002, "New Zealand established", "establish_relations")["fact_key"]
        == "establish_relations:NZL+PRK"
    )
    assert (
        find(corpus, WIKI, "Since then", "establish_relations")["fact_key"]
        == "establish_relations:NZL+PRK"
    )
    e = code("Japan and China established diplomatic relations in 1972.")
    assert one(e, action="establish_relations")["fact_key"] == "establish_relations:CHN+JPN"


def test_a_visit_has_its_host_as_recipient(corpus, code):
    visit = find(corpus, WIKI, "New Zealand's Foreign Affairs Minister", "visit")
    assert visit["fact_key"] == "visit:winston-peters>PRK"
    e = code("In May 2015, Helen Clark visited Seoul with two officials.")
    row = one(e, action="visit")
    assert (row["actor_id"], row["recipient_id"], row["date_edtf"]) == (
        "helen-clark",
        "KOR",
        "2015-05",
    )


def test_a_coordinated_verb_shares_the_subject(corpus, code):
    assert find(corpus, NEWS, "As Foreign Minister", "visit")["actor_id"] == "winston-peters"
    e = code("In 2010, Helen Clark condemned the launch and travelled to Seoul.")
    assert one(e, action="visit")["actor_id"] == "helen-clark"


def test_a_pronoun_subject_is_the_last_named_one(corpus, code):
    aid = find(corpus, GOFF_2002, "Since 1995 it has", "aid_amount")
    assert aid["actor_id"] == "NZL"
    e = code("Japan joined the talks in 2003. In 2005 it urged North Korea to return.")
    assert one(e, action="request")["actor_id"] == "JPN"


@pytest.mark.parametrize(
    ("sentence", "aux"),
    [
        ("New Zealand could impose sanctions on Iran.", "hypothetical"),
        ("New Zealand did not impose sanctions on Iran.", "negated"),
        ("In May 2015 New Zealand imposed sanctions on Iran.", "none"),
        ("The government announced it would raise a force to serve in Korea.", "future"),
    ],
)
def test_aux_modes_on_written_sentences(code, sentence, aux):
    assert set(code(sentence)["aux_mode"]) == {aux}


def test_may_the_month_is_not_may_the_modal(corpus):
    assert find(corpus, WIKI, "After failing", "reject")["aux_mode"] == "none"


# --- building blocks -------------------------------------------------------------------------


def test_appositive_names_do_not_split_a_clause():
    text = "At my meeting with the Foreign Minister, Paek Nam-sun, in Bangkok in July we agreed."
    name = (text.index("Paek"), text.index("Paek") + len("Paek Nam-sun"))
    assert [text[a:b] for a, b in clauses(text, 0, len(text), [name])] == [text]


def test_quoted_spans_handle_curly_straight_and_unclosed_quotes():
    text = '“We welcome this,” Mr Goff said. "Talks matter." ”Unclosed at the start'
    spans = [text[a:b] for a, b in quoted_spans(text, 0, len(text))]
    assert spans[:2] == ["“We welcome this,”", '"Talks matter."']
    paragraph = '”These offers are made in good faith."'
    assert [paragraph[a:b] for a, b in quoted_spans(paragraph, 0, len(paragraph))] == [paragraph]


def test_every_span_in_every_frame_is_its_quote(corpus):
    for name, frame in corpus.frames().items():
        if "char_start" not in frame or name == "sections":
            continue
        quote = "quote" if "quote" in frame else ("text" if "text" in frame else "value")
        for row in frame.dropna(subset=["char_start"]).itertuples():
            text = corpus.text(row.doc_id)
            assert text[row.char_start : row.char_end] == getattr(row, quote), (name, row)


def test_bounds_are_ordered_and_every_edtf_is_valid(corpus):
    edtf = pytest.importorskip("edtf")
    for frame, prefix in (
        (corpus.dates, "date_"),
        (corpus.events, "date_"),
        (corpus.documents, "published_"),
    ):
        both = frame.dropna(subset=[f"{prefix}earliest", f"{prefix}latest"])
        assert (both[f"{prefix}earliest"] <= both[f"{prefix}latest"]).all()
        for value in frame[f"{prefix}edtf"].dropna():
            assert edtf.is_valid_edtf(value), value


def test_extraction_is_deterministic(corpus):
    again = nzdprk.load_corpus()
    for name in ("events", "event_participants", "claims", "dates"):
        pd.testing.assert_frame_equal(corpus.frames()[name], again.frames()[name])


def test_the_date_of_an_event_is_never_more_precise_than_its_phrase(corpus):
    e = corpus.events.dropna(subset=["date_edtf"])
    by_text = corpus.dates.drop_duplicates("quote").set_index("quote")["date_precision"]
    for row in e.itertuples():
        if row.date_text in by_text.index:
            assert row.date_precision == by_text[row.date_text]
    assert dt.date(2007, 11, 20) in {d.date() for d in e.date_earliest}


FRAGMENTS = [
    "New Zealand",
    "visited",
    "Pyongyang",
    "on 3 May 2001",
    ",",
    "“",
    "”",
    '"',
    "said",
    "and",
    "it",
    "who",
    "(",
    ")",
    "NZ$4 million",
    "since 1995",
    ".",
    "met",
    "Kim Jong Il",
    "will",
    "Mr Goff",
    "established diplomatic relations with",
    "North Korea's",
    "the",
    "condemned",
    "in July",
    "next week",
    "could",
    "not",
    "—",
    ";",
    "we",
    "I",
]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(FRAGMENTS), max_size=30).map(" ".join),
    st.sampled_from(["news_article", "press_release", "encyclopedia_article"]),
)
def test_any_text_is_coded_without_error_and_every_span_holds(text, kind):
    doc = Document(
        "x",
        "x.txt",
        kind,
        text,
        ministers=("Phil Goff",),
        published=Published(
            "2001-05-03", "2001-05-03", dt.date(2001, 5, 3), dt.date(2001, 5, 3), "day", "explicit"
        ),
    )
    analysis = analyse(doc)
    for ev in analysis.events:
        assert text[ev.trigger_start : ev.trigger_end] == ev.trigger_text
        assert ev.sentence_start <= ev.trigger_start < ev.trigger_end <= ev.sentence_end
        for p in ev.participants:
            assert text[p.char_start : p.char_end] == p.text
        if ev.when_index is not None:
            when = analysis.event_dates[ev.when_index]
            assert when.earliest is None or when.latest is None or when.earliest <= when.latest


# --- persons found from cues, and the speaker of a quotation ---------------------------------


def test_the_speaker_after_a_quotation_is_not_a_participant_of_its_events(corpus, code):
    meet = find(corpus, "001_e04c4114be72f84d", '"The delegation also plans', "meet")
    assert meet["fact_key"] == "meet:PRK+un+wfp:future"  # not Mr Goff, who speaks
    e = code('"Japan will meet China next week," Mr Tane said.', "2019-05-10", "Aroha Tane")
    row = one(e, action="meet")
    assert (row["fact_key"], row["attributed_to"]) == ("meet:CHN+JPN:future", "person:aroha-tane")


def test_a_person_found_from_cues_is_a_participant_but_no_state(code):
    e = code(
        "The agreement was signed by prime minister John Key and trade minister Hemi Rangi in"
        " 2015.\n\nTrade minister Hemi Rangi visited Japan in 2016.\n"
    )
    agree, visit = one(e, action="agree"), one(e, action="visit")
    assert agree["fact_key"] == "agree:NZL"  # a state-level key: Rangi's state is not known
    assert (visit["actor_id"], visit["fact_key"]) == (
        "person:hemi-rangi",
        "visit:person:hemi-rangi>JPN",  # a personal key keeps the person
    )


def test_a_person_found_from_cues_on_the_development_corpus(make_corpus):
    path = Path(__file__).parents[1] / ".." / "shared" / "devset" / "docs"
    name = "h03_new-zealand-south-korea-relations.txt"
    if not (path / name).is_file():
        pytest.skip(f"the development corpus is not at {path}")
    events = nzdprk.load_corpus(make_corpus({name: (path / name).read_bytes()})).events
    assert one(events, action="agree", date_edtf="2015")["fact_key"] == "agree:NZL"
    visit = one(events, action="visit", date_edtf="2009")
    assert visit["fact_key"] == "visit:person:lee-myung-bak>NZL"
