"""Which claims are compared, found on columns: the same pairs, in the same order, as comparing
claim by claim; and the column form of the interval rules gives the words of the scalar one."""

from __future__ import annotations

from itertools import combinations

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from nzdprk.agreement import READS, RELATIONS, compare_claims, summarise_facts
from nzdprk.bounds import day_numbers, day_text, interval_relation, interval_relations, span
from nzdprk.pairing import PAIRWISE_LIMIT, claim_pairs


def claims(rows: list[tuple[str | None, str, str]]) -> pd.DataFrame:
    """Claims (fact_key, claim_id, doc_id), typed as in the corpus frames."""
    frame = pd.DataFrame(rows, columns=["fact_key", "claim_id", "doc_id"])
    return frame.astype("string")


def reference_pairs(frame: pd.DataFrame) -> list[tuple[str, str]]:
    """The pairs claim by claim: per fact, in claim_id order, every two claims of different
    documents, or for a fact in more than PAIRWISE_LIMIT documents each with its first."""
    records = frame[frame["fact_key"].notna()].to_dict("records")
    out = []
    for key in sorted({r["fact_key"] for r in records}):
        group = sorted((r for r in records if r["fact_key"] == key), key=lambda r: r["claim_id"])
        if len({r["doc_id"] for r in group}) > PAIRWISE_LIMIT:
            pairs = [(group[0], other) for other in group[1:]]
        else:
            pairs = list(combinations(group, 2))
        out += [(a["claim_id"], b["claim_id"]) for a, b in pairs if a["doc_id"] != b["doc_id"]]
    return out


def found_pairs(frame: pd.DataFrame) -> list[tuple[str, str]]:
    a, b = claim_pairs(frame)
    ids = frame["claim_id"].tolist()
    return [(ids[i], ids[j]) for i, j in zip(a, b, strict=True)]


KEYS = ["visit:NZL>PRK", "aid:NZL>PRK", "support:NZL"]


@st.composite
def claim_frames(draw: st.DrawFn) -> pd.DataFrame:
    """Claims of up to three facts, each in 1 to 15 documents (so that some are past the limit,
    some at it), some documents with several claims, some claims without a key; claim ids
    unique and the rows in any order."""
    stated = []
    for key in draw(st.lists(st.sampled_from(KEYS), max_size=3, unique=True)):
        n_docs = draw(st.integers(1, PAIRWISE_LIMIT + 3))
        extra = draw(st.lists(st.integers(0, n_docs - 1), max_size=8))
        stated += [(key, d) for d in [*range(n_docs), *extra]]
    stated += [(None, d) for d in draw(st.lists(st.integers(0, 15), max_size=4))]
    ids = draw(st.permutations(range(len(stated))))
    rows = [(key, f"d{d:02}:c{i:02}", f"d{d:02}") for (key, d), i in zip(stated, ids, strict=True)]
    return claims(draw(st.permutations(rows)))


@settings(max_examples=200, deadline=None)
@given(frame=claim_frames())
def test_pairs_on_columns_are_the_pairs_claim_by_claim(frame):
    assert found_pairs(frame) == reference_pairs(frame)


def test_a_fact_within_the_limit_pairs_every_two_documents():
    frame = claims([("visit:NZL>PRK", f"d{d:02}:c1", f"d{d:02}") for d in range(12)])
    pairs = found_pairs(frame)
    assert len(pairs) == 12 * 11 // 2
    assert pairs[:2] == [("d00:c1", "d01:c1"), ("d00:c1", "d02:c1")]
    assert pairs[-1] == ("d10:c1", "d11:c1")


def test_a_fact_past_the_limit_pairs_each_claim_with_the_first_only():
    rows = [("visit:NZL>PRK", f"d{d:02}:c{c}", f"d{d:02}") for d in range(13) for c in (1, 2)]
    pairs = found_pairs(claims(rows))
    # the first claim's second claim is of its own document: not compared
    assert pairs == [("d00:c1", f"d{d:02}:c{c}") for d in range(1, 13) for c in (1, 2)]


def test_claims_without_a_key_or_alone_in_their_fact_make_no_pair():
    frame = claims(
        [
            (None, "a:c1", "a"),
            (None, "b:c1", "b"),
            ("visit:NZL>PRK", "a:c2", "a"),
            ("visit:NZL>PRK", "a:c3", "a"),
            ("support:NZL", "b:c2", "b"),
        ]
    )
    assert found_pairs(frame) == []


DAYS = st.dates(
    min_value=pd.Timestamp("1990-01-01").date(), max_value=pd.Timestamp("2030-12-31").date()
)


@st.composite
def bounds(draw: st.DrawFn) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
    """Strict date bounds as a source may give them: closed, open at one end, or unknown."""
    lo, hi = draw(st.one_of(st.none(), DAYS)), draw(st.one_of(st.none(), DAYS))
    if lo is not None and hi is not None and hi < lo:
        lo, hi = hi, lo
    return tuple(None if d is None else pd.Timestamp(d) for d in (lo, hi))


@settings(max_examples=100, deadline=None)
@given(pairs=st.lists(st.tuples(bounds(), bounds()), min_size=1, max_size=20))
def test_interval_relations_on_columns_say_what_interval_relation_says(pairs):
    disjoint = ("conflict", "cannot both be right")
    expected = [interval_relation(a, b, day_text, disjoint) for a, b in pairs]
    numbers = {
        s: tuple(
            day_numbers(pd.Series([pair[k][end] for pair in pairs], dtype="datetime64[s]"))
            for end in (0, 1)
        )
        for k, s in enumerate("ab")
    }
    spans = tuple(
        np.array([span(pair[k], day_text) for pair in pairs], dtype=object) for k in (0, 1)
    )
    why = np.full(len(pairs), disjoint[1], dtype=object)
    _, relation, rationale = interval_relations(
        numbers["a"], numbers["b"], spans, (disjoint[0], why)
    )
    assert list(zip(relation.tolist(), rationale.tolist(), strict=True)) == expected


def test_the_corpus_compares_only_the_columns_it_reads(corpus):
    # the corpus passes the columns READS names, without its text columns: the same rows as
    # the whole frames give
    whole = compare_claims(
        corpus.events,
        corpus.aid_flows,
        participants=corpus._keyed_participants,
        documents=corpus.documents,
    )
    pd.testing.assert_frame_equal(corpus.claim_comparisons, whole)
    facts = summarise_facts(corpus.events, whole, corpus.aid_flows, documents=corpus.documents)
    pd.testing.assert_frame_equal(corpus.facts, facts)
    assert set(READS["events"]) <= set(corpus.events.columns)


def reference_summary(
    claims: pd.DataFrame, comparisons: pd.DataFrame, documents: pd.DataFrame | None
) -> list[list[object]]:
    """The facts rows fact by fact: documents ranked by publication (ties and undated ones in
    doc_id order, undated last), relations in the order of RELATIONS."""
    ids = sorted(set(claims["doc_id"]))
    published = {} if documents is None else dict(documents.values.tolist())
    known = [d for d in ids if documents is None or pd.notna(published.get(d))]
    dated = sorted(known, key=lambda d: published.get(d) or 0)
    order = dated + [d for d in ids if d not in dated]
    rows = []
    for key in sorted(set(claims["fact_key"].dropna())):
        group = claims[claims["fact_key"] == key]
        docs = sorted(set(group["doc_id"]), key=order.index)
        on_date = [d for d in docs if d in dated]
        found = set(comparisons.loc[comparisons["fact_key"] == key, "relation"].dropna())
        rows.append(
            [
                key,
                group["claim_id"].nunique(),
                len(docs),
                "; ".join(docs),
                on_date[0] if on_date else None,
                on_date[-1] if on_date else None,
                "conflict" in found,
                len(docs) == 1,
                "; ".join(r for r in RELATIONS if r in found) or None,
            ]
        )
    return rows


@st.composite
def summary_inputs(draw: st.DrawFn) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame | None]:
    """Claims of a few facts in a few documents, relations found for some facts, and the
    documents' publication days (some equal, some unknown) or no documents frame."""
    stated = draw(
        st.lists(st.tuples(st.sampled_from([*KEYS, None]), st.integers(0, 5)), max_size=25)
    )
    frame = claims([(key, f"d{d}:c{i:02}", f"d{d}") for i, (key, d) in enumerate(stated)])
    relations = draw(
        st.lists(st.tuples(st.sampled_from(KEYS), st.sampled_from(RELATIONS)), max_size=6)
    )
    comparisons = pd.DataFrame(relations, columns=["fact_key", "relation"], dtype="string")
    days = st.one_of(st.none(), st.sampled_from(["2001-01-01", "2005-06-30", "2010-12-31"]))
    documents = pd.DataFrame(
        {
            "doc_id": [f"d{d}" for d in range(6)],
            "published_earliest": [
                None if day is None else pd.Timestamp(day)
                for day in draw(st.lists(days, min_size=6, max_size=6))
            ],
        }
    )
    return frame, comparisons, draw(st.sampled_from([documents, None]))


@settings(max_examples=150, deadline=None)
@given(inputs=summary_inputs())
def test_facts_by_group_aggregations_are_the_facts_fact_by_fact(inputs):
    frame, comparisons, documents = inputs
    summary = summarise_facts(frame, comparisons, documents=documents)
    got = summary.astype(object).where(summary.notna(), None).values.tolist()
    assert got == reference_summary(frame, comparisons, documents)
