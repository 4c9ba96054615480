"""`nzdprk evaluate`: scores known by hand on a tiny corpus, and clear messages for wrong gold.

The corpus is two documents written for these tests. Its readings (the frames the evaluator
scores) are written by hand too, so that every count below can be checked with a pencil and
does not move when the extraction rules improve: each layer has at least one miss and one
false hit.
"""

from __future__ import annotations

import datetime as dt
import os
import warnings
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import nzdprk
import nzdprk.evaluation.gold
from nzdprk.evaluation import BEGIN, END, Evaluation, report, update_report
from nzdprk.evaluation.gold import GoldError, load_gold
from nzdprk.schema import cast_frame

from .conftest import ROOT
from .test_cli import run_cli

RELEASE = """---
title: "Minister Doe announces flood relief"
date: 2015-03-06
ministers:
  - Jane Doe
---

Foreign Minister Jane Doe today announced $250,000 for flood relief in Fiji.
The first grant was made on 2 February 2014, and Mr Doe visited Suva in 2012.
The road to Suva was 240mm under water.
"""

NEWS = """New Zealand opened an embassy in Suva in March 2005, officials said.
Ana Smith said the embassy had 1,044 visitors.
The fund gave NZ$3 million for flood relief.
"""

GOLD = """documents:
  a.txt:
    kind: press_release
    title: "Minister Doe announces flood relief"
    date: 2015-03-06
    events:
      - {date_text: "today", min: 2015-03-06, max: 2015-03-06, core: true}
      - {date_text: "on 2 February 2014", min: 2014-02-02, max: 2014-02-02, core: true,
         words: [grant]}
      - {date_text: "in 2012", min: 2012-01-01, max: 2012-12-31, core: false}
    money:
      - {text: "$250,000", amount: 250000, currency: NZD, measure: flow,
         period: null, as_of: 2015-03-06}
    persons: [Jane Doe]
    person_variants: {Jane Doe: [Mr Doe]}
    not_money: ["240mm"]
  b.txt:
    kind: news
    title: null
    date: null
    events:
      - {date_text: "in March 2005", min: 2005-03-01, max: 2005-03-31, core: true}
    money:
      - {text: "NZ$3 million", amount: 3000000, currency: NZD}
    not_before: 2005-03-01
    persons: [Ana Smith]
    not_money: ["1,044"]
agreement:
  - {fact: "an embassy in Suva", docs: [a.txt, b.txt], status: agree, words: [Suva]}
  - {fact: "flood relief", docs: [a, b], status: differ_scope, words: [relief]}
  - {fact: "a fact stated elsewhere", docs: [a.txt, "seed 002"], status: agree}
"""


def _span(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def _sentence(text: str, phrase: str) -> tuple[int, int, str]:
    """The line (one sentence here) that contains ``phrase``."""
    start = text.rfind("\n", 0, text.index(phrase)) + 1
    end = text.index("\n", start)
    return start, end, text[start:end]


def _day(value: str | None) -> pd.Timestamp | None:
    return pd.Timestamp(value) if value else None


def hand_read(folder: Path) -> nzdprk.Corpus:
    """The corpus of ``folder`` with every frame the evaluator scores replaced by a hand reading."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", nzdprk.CorpusWarning)
        corpus = nzdprk.load_corpus(folder)
    a, b = corpus.text("a"), corpus.text("b")
    texts = {"a": a, "b": b}

    docs = corpus.documents.copy()
    # a: its kind read wrongly (a false hit and a miss), its date not read (a miss);
    # b: a title where the text has none (a false hit).
    docs.loc[docs["doc_id"] == "a", "doc_type"] = "news_article"
    docs.loc[docs["doc_id"] == "a", ["published_edtf", "is_dated"]] = [None, False]
    docs.loc[docs["doc_id"] == "b", "title"] = "Officials said"
    docs.loc[docs["doc_id"] == "b", "published_earliest"] = pd.Timestamp("2005-03-01")
    corpus.documents = docs

    dates = [
        ("a", "today", "2015-03-06", "2015-03-06"),
        ("a", "on 2 February 2014", "2014-02-01", "2014-02-28"),  # bounds too wide
        ("b", "in March 2005", "2005-03-01", "2005-03-31"),
        ("b", "1,044", "1044-01-01", "1044-12-31"),  # not a date
    ]  # 'in 2012' is missed
    corpus.dates = cast_frame(
        pd.DataFrame(
            [
                {
                    "date_id": f"{doc}:d{i}",
                    "doc_id": doc,
                    "date_text": quote,
                    "date_earliest": _day(low),
                    "date_latest": _day(high),
                    "char_start": _span(texts[doc], quote)[0],
                    "char_end": _span(texts[doc], quote)[1],
                    "quote": quote,
                }
                for i, (doc, quote, low, high) in enumerate(dates)
            ]
        ),
        "dates",
    )

    events = [
        ("a", "announced", "today", "2015-03-06", "2015-03-06"),
        ("a", "flood relief", "today", "2015-03-06", "2015-03-06"),  # same statement
        ("a", "first grant", "on 2 February 2014", "2014-02-01", "2014-02-28"),
        ("b", "opened an embassy", "in March 2005", "2005-03-01", "2005-03-31"),
        ("b", "Ana Smith", "1,044", "1990-01-01", "1990-12-31"),  # no such event
    ]
    rows = []
    for i, (doc, where, date_text, low, high) in enumerate(events):
        start, end, quote = _sentence(texts[doc], where)
        rows.append(
            {
                "event_id": f"{doc}:e{i}",
                "doc_id": doc,
                "sentence_id": f"{doc}:s{start}",
                "date_text": date_text,
                "date_earliest": _day(low),
                "date_latest": _day(high),
                "quote": quote,
                "char_start": start,
                "char_end": end,
            }
        )
    corpus.events = cast_frame(pd.DataFrame(rows), "events")

    corpus.amounts = pd.DataFrame(
        [
            {"doc_id": "a", "amount_text": "$250,000", "amount": 250000.0, "currency": "NZD"},
            {"doc_id": "a", "amount_text": "240mm", "amount": 240.0, "currency": "NZD"},
        ]  # NZ$3 million is missed
    ).assign(
        char_start=lambda f: [
            _span(texts[d], t)[0] for d, t in zip(f.doc_id, f.amount_text, strict=True)
        ],
        char_end=lambda f: [
            _span(texts[d], t)[1] for d, t in zip(f.doc_id, f.amount_text, strict=True)
        ],
        quote=lambda f: f.amount_text,
    )

    flows = []
    for doc, where, amount, measure, as_of in (
        ("a", "$250,000", 250000.0, "cumulative_total", "2015-03-06"),  # measure wrong
        ("b", "1,044", 1044.0, "flow", None),  # not aid
    ):  # NZ$3 million is missed
        start, end, quote = _sentence(texts[doc], where)
        flows.append(
            {
                "flow_id": f"{doc}:f{start}",
                "doc_id": doc,
                "amount": amount,
                "amount_text": where,
                "currency": "NZD",
                "measure": measure,
                "as_of_date": _day(as_of),
                "quote": quote,
                "char_start": start,
                "char_end": end,
            }
        )
    corpus.aid_flows = cast_frame(pd.DataFrame(flows), "aid_flows")

    corpus.actors = cast_frame(
        pd.DataFrame(
            [
                {"actor_id": "jane-doe", "actor_kind": "person"},
                {"actor_id": "ana-smith", "actor_kind": "person"},
                {"actor_id": "foreign", "actor_kind": "person"},  # not a person
                {"actor_id": "NZL", "actor_kind": "state"},
            ]
        ),
        "actors",
    )
    mentions = [
        ("a", "jane-doe", "Jane Doe"),
        ("a", "jane-doe", "Mr Doe"),
        ("a", "foreign", "Foreign"),
        ("b", "ana-smith", "Smith"),  # a person, but her name is not found
        ("b", "NZL", "New Zealand"),  # not a person mention at all
    ]
    corpus.mentions = cast_frame(
        pd.DataFrame(
            [
                {
                    "mention_id": f"{doc}:m{i}",
                    "doc_id": doc,
                    "actor_id": actor,
                    "text": said,
                    "char_start": _span(texts[doc], said)[0],
                    "char_end": _span(texts[doc], said)[1],
                }
                for i, (doc, actor, said) in enumerate(mentions)
            ]
        ),
        "mentions",
    )

    claims = {
        "a:c1": ("a", "Suva in 2012"),
        "b:c1": ("b", "embassy in Suva"),
        "a:c2": ("a", "flood relief in Fiji"),
        "b:c2": ("b", "NZ$3 million"),
        "a:c3": ("a", "240mm"),
        "b:c3": ("b", "Ana Smith"),
    }
    corpus.claims = cast_frame(
        pd.DataFrame(
            [
                {"claim_id": cid, "doc_id": doc, "quote": _sentence(texts[doc], where)[2]}
                for cid, (doc, where) in claims.items()
            ]
        ),
        "claims",
    )
    corpus.claim_comparisons = cast_frame(
        pd.DataFrame(
            [
                # about the embassy, but read as differing in precision: the fact is missed
                ("open:NZL", "a:c1", "b:c1", "date", "differ_precision", "2012", "2005-03"),
                ("open:NZL", "a:c1", "b:c1", "participants", "agree", "NZL", "NZL"),
                # about the relief, with the annotated relation: found
                ("aid:NZL>FJI", "a:c2", "b:c2", "amount", "differ_scope", "250000", "3000000"),
                # about nothing the annotation lists: a false hit
                ("meet:doe", "a:c3", "b:c3", "participants", "agree", "doe", "doe"),
            ],
            columns=[
                "fact_key",
                "claim_id_a",
                "claim_id_b",
                "aspect",
                "relation",
                "value_a",
                "value_b",
            ],
        ).assign(doc_id_a="a", doc_id_b="b"),
        "claim_comparisons",
    )
    return corpus


@pytest.fixture
def folder(make_corpus) -> Path:
    return make_corpus({"a.txt": RELEASE, "b.txt": NEWS})


@pytest.fixture
def gold_file(folder: Path) -> Path:
    path = folder.parent / "gold.yaml"
    path.write_text(GOLD, encoding="utf-8")
    return path


EXPECTED = {  # (layer, measure): (right, false hits, missed), counted by hand
    ("document metadata", "kind"): (1, 1, 1),
    ("document metadata", "title"): (1, 1, 0),
    ("document metadata", "date"): (1, 0, 1),
    ("document metadata", "not_before"): (1, 0, 0),
    ("date phrases", "found"): (3, 1, 1),
    ("date phrases", "found with exact bounds"): (2, 2, 2),
    ("dated events", "core, exact"): (2, 2, 1),
    ("dated events", "core, overlapping"): (3, 1, 0),
    ("dated events", "all, exact"): (2, 2, 2),
    ("dated events", "all, overlapping"): (3, 1, 1),
    ("money", "amount and currency"): (1, 1, 1),
    ("money", "not money left out"): (1, 1, None),
    ("aid rows", "amount and currency"): (1, 1, 1),
    ("aid rows", "measure"): (0, 1, 1),
    ("aid rows", "period"): (1, 0, 0),
    ("aid rows", "transaction type"): (0, 0, 0),
    ("aid rows", "as-of date"): (1, 0, 0),
    ("aid rows", "donor"): (0, 0, 0),
    # $250,000's measure is wrong and NZ$3 million is missed; "1,044" is no aid
    ("aid rows", "right in every annotated column"): (0, 1, 2),
    ("persons", "names"): (1, 1, 1),
    ("persons", "mentions that are persons"): (3, 1, None),
    ("shared facts", "pairs with the annotated relation"): (1, 1, 1),
}


def rows(frame: pd.DataFrame, columns: list[str]) -> list[list]:
    """Rows as plain lists, with None for an empty cell."""
    part = frame[columns].astype(object)
    return part.where(part.notna(), None).values.tolist()


def counts(result: Evaluation) -> dict:
    return {
        (r.layer, r.measure): (r.tp, r.fp, None if pd.isna(r.fn) else r.fn)
        for r in result.scores.itertuples()
    }


def test_every_layer_is_scored_with_the_counts_known_by_hand(folder, gold_file):
    result = nzdprk.evaluate(hand_read(folder), gold_file)
    assert counts(result) == EXPECTED
    row = result.scores.set_index(["layer", "measure"]).loc[("dated events", "core, exact")]
    assert row["precision"] == pytest.approx(2 / 4)
    assert row["recall"] == pytest.approx(2 / 3)
    assert row["f1"] == pytest.approx(2 * (1 / 2) * (2 / 3) / (1 / 2 + 2 / 3))
    assert list(result.scores.columns) == [
        "layer",
        "measure",
        "tp",
        "fp",
        "fn",
        "precision",
        "recall",
        "f1",
        "note",
    ]


def test_every_error_names_the_document_the_quote_and_what_was_expected(folder, gold_file):
    corpus = hand_read(folder)
    errors = nzdprk.evaluate(corpus, gold_file).errors
    scores = nzdprk.evaluate(corpus, gold_file).scores
    assert int((errors["error"] == "miss").sum()) == int(scores["fn"].sum())
    assert int((errors["error"] == "false_hit").sum()) == int(scores["fp"].sum())
    events = errors[(errors["layer"] == "dated events") & (errors["measure"] == "all, exact")]
    read = "'on 2 February 2014': 2014-02-01 to 2014-02-28"
    assert rows(events, ["doc_id", "error", "quote", "expected", "found"]) == [
        ["a", "miss", "on 2 February 2014", "2014-02-02", read],
        ["a", "miss", "in 2012", "2012-01-01 to 2012-12-31", read],
        ["a", "false_hit", _sentence(corpus.text("a"), "first grant")[2], None, read],
        [
            "b",
            "false_hit",
            "Ana Smith said the embassy had 1,044 visitors.",
            None,
            "'1,044': 1990-01-01 to 1990-12-31",
        ],
    ]
    money = errors[errors["layer"] == "money"]
    assert rows(money, ["doc_id", "error", "quote", "expected", "found"]) == [
        ["a", "false_hit", "240mm", None, "NZD 240"],
        ["b", "miss", "NZ$3 million", "NZD 3,000,000", None],
        ["a", "false_hit", "240mm", "not money", "NZD 240"],
    ]
    text = corpus.text("b")
    miss = money.iloc[1]
    assert text[miss["char_start"] : miss["char_end"]] == "NZ$3 million"
    persons = errors[errors["layer"] == "persons"]
    assert sorted(persons["quote"]) == ["Ana Smith", "Foreign", "Foreign"]


def test_without_an_amounts_table_money_falls_back_to_aid_flows_and_says_so(folder, gold_file):
    corpus = hand_read(folder)
    corpus.amounts = pd.DataFrame()
    scores = nzdprk.evaluate(corpus, gold_file).scores.set_index(["layer", "measure"])
    money = scores.loc[("money", "amount and currency")]
    assert "not available" in money["note"]
    # aid_flows hold $250,000 (right) and 1,044 (no money of the annotation); NZ$3 million is missed
    assert (money["tp"], money["fp"], money["fn"]) == (1, 1, 1)


def test_person_mentions_may_carry_their_own_kind(folder, gold_file):
    corpus = hand_read(folder)
    corpus.mentions = corpus.mentions.assign(
        kind=["person", "person", "organisation", "person", "state"]
    )
    result = nzdprk.evaluate(corpus, gold_file)
    assert counts(result)[("persons", "mentions that are persons")] == (3, 0, None)


def test_a_mapping_works_as_well_as_a_file(folder, gold_file):
    import yaml

    corpus = hand_read(folder)
    from_file = nzdprk.evaluate(corpus, gold_file)
    from_mapping = nzdprk.evaluate(corpus, yaml.safe_load(GOLD))
    pd.testing.assert_frame_equal(from_file.scores, from_mapping.scores)


def test_the_printed_table_gives_the_counts_and_the_notes(folder, gold_file):
    text = str(nzdprk.evaluate(hand_read(folder), gold_file))
    assert "| dated events | core, exact | 2 | 2 | 1 | 50% | 67% | 57% |" in text
    assert "2 annotated documents of corpus/" in text
    assert "name fewer than two documents of this corpus" in text


# ---------------------------------------------------------------- wrong gold


def wrong(gold_file: Path, old: str, new: str) -> Path:
    text = gold_file.read_text(encoding="utf-8")
    assert old in text
    gold_file.write_text(text.replace(old, new, 1), encoding="utf-8")
    return gold_file


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            '"in 2012"',
            '"in 2013"',
            "line 10: date_text 'in 2013' is not in 'a.txt'",
        ),
        (
            "min: 2005-03-01, max: 2005-03-31",
            "min: 2005-03-31, max: 2005-03-01",
            "line 22: min 2005-03-31 is after max 2005-03-01 ('in March 2005')",
        ),
        (
            "core: false}",
            "core: false, colour: red}",
            "line 10: unknown field 'colour' in an event",
        ),
        ("  b.txt:", "  c.txt:", "line 17: 'c.txt' is not in the corpus (the corpus has "),
        (
            "persons: [Ana Smith]",
            "persons: [Ana Smith",
            "line 27: not valid YAML: expected ',' or ']', but got ':' "
            "(while parsing a flow sequence on line 26)",
        ),
        (
            '{text: "NZ$3 million", ',
            '{text: "NZ$30 million", ',
            "line 24: money text 'NZ$30 million' is not in 'b.txt'",
        ),
        ("kind: news", "kind: blog", "line 18: kind 'blog' is not one of"),
        ("date: null", "date: 2005-13-01", "line 20: date '2005-13-01' is not a date"),
        ("b.txt:\n", "b.txt:\n    ? [x]\n    : y\n", "line 18: a key must be a name"),
        ("status: differ_scope", "status: maybe", "line 30: status 'maybe' is not one of"),
    ],
)
def test_wrong_gold_says_which_file_which_line_and_what(folder, gold_file, old, new, message):
    wrong(gold_file, old, new)
    with pytest.raises(GoldError) as caught:
        nzdprk.evaluate(folder, gold_file)
    assert str(caught.value).startswith(f"{gold_file}, ")
    assert message in str(caught.value)


def test_a_document_listed_twice_is_wrong_gold(folder, gold_file):
    wrong(gold_file, "  b.txt:", "  a.txt:")
    with pytest.raises(GoldError, match=r"gold.yaml, line 17: 'a.txt' is given twice"):
        nzdprk.evaluate(folder, gold_file)


def test_a_missing_gold_file_is_named(folder, tmp_path):
    with pytest.raises(GoldError, match=r"nothing\.yaml: no such file"):
        nzdprk.evaluate(folder, tmp_path / "nothing.yaml")


def test_command_line_prints_the_table_and_writes_every_error(folder, gold_file, tmp_path):
    done = run_cli("evaluate", "--corpus", str(folder), "--gold", str(gold_file), "--out",
                   str(tmp_path / "out"))  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "| layer | measure | found right | false hits | missed |" in done.stdout
    scores = pd.read_csv(tmp_path / "out" / "scores.csv")
    errors = pd.read_csv(tmp_path / "out" / "errors.csv")
    assert set(scores["layer"]) == {layer for layer, _ in EXPECTED}
    assert {"doc_id", "error", "quote", "expected", "found"} <= set(errors.columns)
    assert set(errors["error"]) <= {"miss", "false_hit"}


def test_command_line_wrong_gold_is_a_message_not_a_traceback(folder, gold_file):
    wrong(gold_file, '"in 2012"', '"in 2013"')
    done = run_cli("evaluate", "--corpus", str(folder), "--gold", str(gold_file))
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert f"{gold_file}, line 10: date_text 'in 2013' is not in 'a.txt'" in done.stderr


# ---------------------------------------------------------------- the report


def test_the_report_is_dated_only_when_the_figures_change(folder, gold_file, tmp_path):
    path = tmp_path / "evaluation.md"
    path.write_text(f"# How well\n\nText kept as written.\n\n{BEGIN}\n{END}\n", encoding="utf-8")
    figures = report({"Tiny": nzdprk.evaluate(hand_read(folder), gold_file)})
    assert update_report(path, figures, dt.date(2026, 1, 2))
    first = path.read_text(encoding="utf-8")
    assert first.startswith("# How well\n\nText kept as written.\n\n")
    assert "Measured on 2026-01-02." in first
    assert "| dated events | core, exact | 2 | 2 | 1 |" in first
    assert not update_report(path, figures, dt.date(2026, 5, 6))
    assert path.read_text(encoding="utf-8") == first
    assert update_report(
        path, figures.replace("| 2 | 2 | 1 |", "| 3 | 1 | 0 |"), dt.date(2026, 5, 6)
    )
    assert "Measured on 2026-05-06." in path.read_text(encoding="utf-8")


# ---------------------------------------------------------------- the dev set


DEVSET = Path(os.environ.get("NZDPRK_DEVSET", ROOT.parent / "shared" / "devset"))


@pytest.mark.skipif(
    not (DEVSET / "gold.yaml").is_file(),
    reason=f"the dev set is not at {DEVSET} (set NZDPRK_DEVSET to its folder)",
)
@pytest.mark.parametrize(("corpus", "gold"), [("docs", "gold.yaml"), ("seeds", "seeds.gold.yaml")])
def test_the_dev_set_is_scored_on_every_layer(corpus, gold):
    folder = DEVSET / "docs" if corpus == "docs" else ROOT / "seeds"
    result = nzdprk.evaluate(folder, DEVSET / gold)
    assert set(result.scores["layer"]) == {layer for layer, _ in EXPECTED}
    assert result.n_documents >= 5
    for column in ("precision", "recall", "f1"):
        values = result.scores[column].dropna()
        assert ((values >= 0) & (values <= 1)).all()


# ---------------------------------------------------------------- any annotation at all

_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-5, 3_000_000)
    | st.floats(allow_nan=False)
    | st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1))
    | st.sampled_from(["today", "in 2012", "$250,000", "NZD", "agree", "news", "flow", "a.txt"])
    | st.text(max_size=8)
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(
                [
                    "date_text",
                    "min",
                    "max",
                    "core",
                    "text",
                    "amount",
                    "currency",
                    "words",
                    "min_range",
                    "docs",
                    "status",
                    "kind",
                    "title",
                    "date",
                ]
            )
            | st.text(max_size=5),
            inner,
            max_size=4,
        )
    ),
    max_leaves=12,
)
_FIELDS = sorted(
    nzdprk.evaluation.gold.DOC_FIELDS
    | nzdprk.evaluation.gold.EVENT_FIELDS
    | nzdprk.evaluation.gold.MONEY_FIELDS
    | nzdprk.evaluation.gold.AGREEMENT_FIELDS
)
_ENTRY = st.dictionaries(st.sampled_from(_FIELDS), _SCALARS | st.lists(_SCALARS, max_size=2))
_DOCUMENT = st.dictionaries(
    st.sampled_from(sorted(nzdprk.evaluation.gold.DOC_FIELDS)) | st.text(max_size=5),
    _VALUES | st.lists(_ENTRY, max_size=2),
    max_size=5,
)


@settings(max_examples=150, deadline=None)
@given(
    document=_DOCUMENT,
    extra=st.dictionaries(
        st.sampled_from(["name_variants", "agreement", "other"]),
        _VALUES | st.lists(_ENTRY, max_size=2),
    ),
)
def test_any_annotation_is_read_or_refused_with_a_message(document, extra):
    texts = {"a.txt": RELEASE.split("---\n", 2)[2], "b.txt": NEWS}
    try:
        gold = load_gold({"documents": {"a.txt": document}, **extra}, texts)
    except GoldError as exc:
        assert str(exc).startswith("the gold annotation")
    else:
        assert set(gold.documents) == {"a.txt"}


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("documents:a.txt -[]{},\"'\n\t&*!?|>%@0123")),
               max_size=60))  # fmt: skip
def test_any_file_is_read_or_refused_with_its_name(raw):
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "gold.yaml"
        path.write_text(raw, encoding="utf-8")
        try:
            load_gold(path, {"a.txt": NEWS})
        except GoldError as exc:
            assert str(exc).startswith(str(path))


def test_the_same_sum_said_twice_is_paired_with_the_row_at_its_place(make_corpus, tmp_path):
    said_twice = "A first gift of $500,000 was made in 2007.\nA second gift of $500,000 followed.\n"
    folder = make_corpus({"c.txt": said_twice})
    gold = tmp_path / "gold.yaml"
    gold.write_text(
        "documents:\n  c.txt:\n    money:\n"
        '      - {text: "$500,000", amount: 500000, currency: NZD, period: "2007"}\n'
        '      - {text: "$500,000", amount: 500000, currency: NZD, period: null}\n',
        encoding="utf-8",
    )
    corpus = nzdprk.load_corpus(folder)
    text = corpus.text("c")
    flows = []
    for where, period in (("first gift", "2007"), ("second gift", None)):
        start, end, quote = _sentence(text, where)
        flows.append(
            {"doc_id": "c", "amount": 500000.0, "currency": "NZD", "period_edtf": period,
             "quote": quote, "char_start": start, "char_end": end}
        )  # fmt: skip
    corpus.aid_flows = cast_frame(pd.DataFrame(flows), "aid_flows")
    assert counts(nzdprk.evaluate(corpus, gold))[("aid rows", "period")] == (2, 0, 0)


def test_an_aid_row_is_scored_on_every_column_the_annotation_gives(make_corpus, tmp_path):
    # the words of the aid issue ("disbursement", "annual") are read as the package's measure
    # and transaction type; a donor is a name, right when it names the row's donor
    folder = make_corpus(
        {
            "c.txt": "New Zealand gave NZ$250,000 to the World Food Programme in 2015.\n"
            "Japan will give US$1 million a year to UNICEF.\n"
        }
    )
    gold = tmp_path / "gold.yaml"
    gold.write_text(
        "documents:\n  c.txt:\n    money:\n"
        '      - {text: "NZ$250,000", amount: 250000, currency: NZD, measure: disbursement,\n'
        '         donor: New Zealand, period: "2015"}\n'
        '      - {text: "US$1 million", amount: 1000000, currency: USD, measure: annual,\n'
        "         donor: South Korea}\n",
        encoding="utf-8",
    )
    result = nzdprk.evaluate(nzdprk.load_corpus(folder), gold)
    scores = counts(result)
    assert scores[("aid rows", "measure")] == (2, 0, 0)
    assert scores[("aid rows", "transaction type")] == (1, 0, 0)
    assert scores[("aid rows", "donor")] == (1, 1, 1)
    assert scores[("aid rows", "right in every annotated column")] == (1, 0, 1)
    errors = result.errors[result.errors.measure == "right in every annotated column"]
    assert rows(errors, ["doc_id", "error", "quote", "expected"]) == [
        ["c", "miss", "US$1 million", "donor JPN, not South Korea"]
    ]


def test_a_measure_the_format_does_not_know_names_the_file_and_the_words(make_corpus, tmp_path):
    folder = make_corpus({"c.txt": "New Zealand gave NZ$250,000 in 2015.\n"})
    gold = tmp_path / "gold.yaml"
    gold.write_text(
        "documents:\n  c.txt:\n    money:\n"
        '      - {text: "NZ$250,000", amount: 250000, currency: NZD, measure: grant}\n',
        encoding="utf-8",
    )
    with pytest.raises(GoldError, match=r"gold\.yaml.*measure 'grant' is not one of flow,"):
        nzdprk.evaluate(nzdprk.load_corpus(folder), gold)


def test_make_eval_writes_both_tables_once_and_then_leaves_the_report_alone(tmp_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "evaluate_devset", ROOT / "tools" / "evaluate_devset.py"
    )
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    devset = tmp_path / "devset"
    (devset / "docs").mkdir(parents=True)
    (devset / "docs" / "a.txt").write_text(RELEASE, encoding="utf-8")
    (devset / "docs" / "b.txt").write_text(NEWS, encoding="utf-8")
    (devset / "gold.yaml").write_text(GOLD, encoding="utf-8")
    (devset / "seeds.gold.yaml").write_text(
        "documents:\n  001_e04c4114be72f84d.txt: {kind: press_release, date: 2000-09-19}\n"
        "  002_a9688cb631e8140e.txt: {kind: press_release}\n",
        encoding="utf-8",
    )
    out = tmp_path / "evaluation.md"
    assert tool.main(devset, out) == 0
    written = out.read_text(encoding="utf-8")
    assert "### 2 documents the rules were not written for (the dev set)" in written
    assert "### The 2 sources the rules were written on (seeds/)" in written
    assert "| document metadata | kind | 2 | 0 | 0 | 100% | 100% | 100% |" in written
    assert "| document metadata | date | 1 | 0 | 0 | 100% | 100% | 100% |" in written
    assert tool.main(devset, out) == 0
    assert out.read_text(encoding="utf-8") == written
