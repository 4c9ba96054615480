"""The curated tables in nzdprk/data/: one loader, checked against the schema's vocabularies,
and each list of words read by every stage from one table."""

from __future__ import annotations

import pytest

from nzdprk import curated
from nzdprk.dates import parse_when
from nzdprk.money import find_money
from nzdprk.schema import AMOUNT_QUALIFIER, QUALIFIER
from nzdprk.text import cue


def test_a_value_outside_its_vocabulary_is_named_with_its_file_and_line():
    rows = [{"kind": "future"}, {"kind": "futur"}]
    with pytest.raises(curated.CuratedTableError, match=r"cues\.csv, line 3: kind 'futur'"):
        curated.check_vocabulary("cues.csv", rows, "kind", ("future", "negation"))


def test_the_tables_are_read_once_and_cannot_be_changed():
    rows = curated.table("qualifiers.csv")
    assert rows is curated.table("qualifiers.csv")
    with pytest.raises(TypeError):
        rows[0]["phrase"] = "changed"  # type: ignore[index]


def test_every_qualifier_word_keeps_to_the_schema():
    rows = curated.table("qualifiers.csv")
    curated.check_vocabulary("qualifiers.csv", rows, "amount_qualifier", AMOUNT_QUALIFIER.values)
    curated.check_vocabulary("qualifiers.csv", rows, "date_qualifier", QUALIFIER.values)
    assert all(r["amount_qualifier"] or r["date_qualifier"] for r in rows)


@pytest.mark.parametrize(
    ("text", "amount_qualifier", "date_qualifier", "hedge"),
    [
        # 000: "almost NZD$8.5 million"; the same table makes "almost" a hedge of events
        ("almost NZ$8.5 million in 2000", "almost", None, True),
        # written for this test: one word, one meaning, for an amount and for a date
        ("around NZ$2 million in around 1995", "approximately", "approximate", True),
        ("circa NZ$2 million in circa 1995", "approximately", "approximate", False),
    ],
)
def test_one_table_of_qualifier_words_serves_amounts_dates_and_hedges(
    text, amount_qualifier, date_qualifier, hedge
):
    (money,) = find_money(text)
    assert money.qualifier == amount_qualifier
    year = text.rsplit(" in ", 1)[1]
    when = parse_when(year)
    assert when is not None
    assert (when.qualifier if when.qualifier != "none" else None) == date_qualifier
    assert (cue("approximation").search(text) is not None) is hedge
