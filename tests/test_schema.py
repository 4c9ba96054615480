"""One schema for every frame: columns, dtypes and the data dictionary cannot drift."""

from __future__ import annotations

import pandas as pd
import pytest

from nzdprk.schema import DATE, FRAMES, Category, cast_frame, data_dictionary, empty_frame

from .conftest import ROOT


def test_every_frame_has_exactly_the_schema_columns_and_dtypes(corpus):
    frames = corpus.frames()
    assert list(frames) == list(FRAMES)
    for name, frame in frames.items():
        spec = FRAMES[name]
        assert list(frame.columns) == spec.names, name
        for col in spec.columns:
            got = frame[col.name].dtype
            if isinstance(col.dtype, Category):
                assert isinstance(got, pd.CategoricalDtype), (name, col.name)
                assert list(got.categories) == list(col.dtype.values)
            elif col.dtype == DATE:
                assert str(got) == "datetime64[s]", (name, col.name)
            else:
                assert str(got) == col.dtype, (name, col.name, got)


def test_empty_frames_have_the_same_dtypes_as_full_ones(corpus):
    for name in FRAMES:
        assert empty_frame(name).dtypes.equals(corpus.frames()[name].dtypes), name


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
