"""One schema for every frame: columns, dtypes and the data dictionary cannot drift."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nzdprk.schema import FRAMES, cast_frame, data_dictionary, empty_frame

from .conftest import ROOT

#: Types a user computes with, written out by hand (not read from the schema): a date compares
#: as a day, a count adds up, an empty amount stays empty, a category keeps its order.
HAND_TYPES = {
    ("documents", "published_earliest"): "datetime64[s]",
    ("documents", "n_chars"): "Int64",
    ("documents", "is_dated"): "boolean",
    ("documents", "title"): "string",
    ("events", "date_latest"): "datetime64[s]",
    ("aid_flows", "amount"): "Float64",
    ("amounts", "char_start"): "Int64",
    ("offices", "start"): "datetime64[s]",
}


def test_frames_have_the_dtypes_a_user_computes_with(corpus):
    for (name, column), dtype in HAND_TYPES.items():
        assert str(getattr(corpus, name)[column].dtype) == dtype, (name, column)
    precision = corpus.events["date_precision"].dtype
    assert isinstance(precision, pd.CategoricalDtype) and precision.ordered
    assert list(precision.categories[:2]) == ["day", "month"]


def test_casting_python_values_gives_the_declared_dtypes_whatever_pandas_guessed():
    raw = pd.DataFrame(
        {
            "doc_id": ["a", "b"],
            "n_chars": [12, None],
            "is_dated": [True, None],
            "published_earliest": [pd.Timestamp("1592-05-23").to_pydatetime(), None],
            "doc_type": ["news_article", None],
        }
    )
    cast = cast_frame(raw, "documents")
    assert cast["n_chars"].tolist() == [12, pd.NA]
    assert str(cast["n_chars"].dtype) == "Int64"
    assert cast["is_dated"].tolist() == [True, pd.NA]
    assert str(cast["published_earliest"].dtype) == "datetime64[s]"
    assert pd.isna(cast.loc[1, "published_earliest"]) and pd.isna(cast.loc[1, "doc_type"])
    assert list(cast.columns) == FRAMES["documents"].names


def test_a_frame_edited_by_a_user_does_not_change_what_the_corpus_returns(corpus):
    for name in FRAMES:
        frame = getattr(corpus, name)
        before = getattr(corpus, name)
        if len(frame):
            frame.iloc[0, 0] = None
        frame["added_by_user"] = 1
        del frame[frame.columns[1]]
        pd.testing.assert_frame_equal(getattr(corpus, name), before)
        assert "added_by_user" not in getattr(corpus, name)


def test_every_corpus_frame_is_documented():
    from nzdprk import Corpus

    for name, spec in FRAMES.items():
        assert spec.description in getattr(Corpus, name).__doc__, name


def test_empty_frames_have_the_same_columns_as_full_ones(corpus):
    for name in FRAMES:
        assert list(empty_frame(name).columns) == list(getattr(corpus, name).columns), name


def test_a_value_outside_a_vocabulary_is_an_error_not_a_silent_nan():
    df = pd.DataFrame({"path": ["a.txt"], "severity": ["fatal"], "message": ["x"]})
    with pytest.raises(ValueError, match="values outside"):
        cast_frame(df, "problems")


def test_a_column_missing_from_the_schema_is_an_error():
    with pytest.raises(ValueError, match="not in the schema"):
        cast_frame(pd.DataFrame({"path": ["a"], "colour": ["red"]}), "problems")


def test_dates_older_than_1677_fit():
    df = cast_frame(
        pd.DataFrame({"doc_id": ["x"], "published_earliest": ["1592-05-23"]}), "documents"
    )
    assert df.loc[0, "published_earliest"].year == 1592


def test_every_column_is_defined():
    for frame in FRAMES.values():
        assert frame.description
        for col in frame.columns:
            assert col.description.strip(), (frame.name, col.name)
            assert col.name == col.name.lower() and " " not in col.name


def test_the_data_dictionary_in_docs_is_generated_from_the_schema():
    assert (ROOT / "docs" / "data-dictionary.md").read_text(encoding="utf-8") == data_dictionary()


def _cast_one_series_at_a_time(df: pd.DataFrame, name: str) -> pd.DataFrame:
    """The reference for `cast_frame`: each column converted as a Series, step by step."""
    from nzdprk.schema import DATE, Category

    out = df.reindex(columns=FRAMES[name].names)
    data = {}
    for col in FRAMES[name].columns:
        values = out[col.name].astype(object)
        values = values.where(values.notna(), None)
        if col.dtype == DATE:
            data[col.name] = pd.to_datetime(values).astype(DATE)
        elif isinstance(col.dtype, Category):
            data[col.name] = values.astype(col.dtype.dtype())
        else:
            data[col.name] = values.astype(col.dtype)
    return pd.DataFrame(data, index=pd.RangeIndex(len(out)))


_MISSING = st.sampled_from([None, float("nan"), pd.NA])


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.one_of(_MISSING, st.text(max_size=5)),
            st.one_of(_MISSING, st.integers(-(2**40), 2**40)),
            st.one_of(_MISSING, st.floats(allow_nan=False, allow_infinity=False, width=32)),
            st.one_of(_MISSING, st.booleans()),
            st.one_of(_MISSING, st.sampled_from(["aid", "budget", "fine"])),
            st.one_of(_MISSING, st.dates().map(lambda d: pd.Timestamp(d).to_pydatetime())),
        ),
        max_size=6,
    )
)
def test_casting_gives_what_converting_each_column_as_a_series_gives(rows):
    names = ("rule_id", "char_start", "amount", "currency_assumed", "measure", "amount_text")
    raw = pd.DataFrame(rows, columns=list(names), dtype=object)
    raw["amount_text"] = raw["amount_text"].map(lambda v: None if pd.isna(v) else str(v.date()))
    expected = _cast_one_series_at_a_time(raw, "amounts")
    pd.testing.assert_frame_equal(cast_frame(raw, "amounts"), expected)
    dated = pd.DataFrame({"published_earliest": [r[5] for r in rows]}, dtype=object)
    pd.testing.assert_frame_equal(
        cast_frame(dated, "documents"), _cast_one_series_at_a_time(dated, "documents")
    )
