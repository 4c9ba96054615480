"""Words that name the sources and periods on charts and timelines: legend labels, column
labels and the teaching eras. Plain pandas, no matplotlib, so the TimelineJS export and the
tables can use them without drawing anything."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from . import curated


def plain(text: object) -> str:
    """A label from the data as plain text: ``$`` escaped, so matplotlib never reads it as
    mathematics (an odd ``$`` in a title would otherwise stop the drawing)."""
    return str(text).replace("$", r"\$")


def eras() -> tuple[Mapping[str, str], ...]:
    """Periods used to shade timelines (``data/eras.csv``): an interpretation for teaching,
    dated from the sources; not a statement of any source."""
    return curated.table("eras.csv")


def source_labels(documents: pd.DataFrame) -> dict[str, str]:
    """Short legend labels: kind, who and when (or how the date is known), as plain text."""
    labels = {}
    for row in documents.itertuples():
        if row.doc_type == "press_release":
            who = row.ministers if isinstance(row.ministers, str) else "press release"
            labels[row.doc_id] = plain(f"Press release, {who}, {_date_label(row)}")
        elif row.doc_type == "encyclopedia_article":
            labels[row.doc_id] = plain(f"Encyclopedia article ({_date_label(row)})")
        else:
            labels[row.doc_id] = plain(f"News article ({_date_label(row)})")
    return labels


def short_labels(documents: pd.DataFrame) -> dict[str, str]:
    """Two-line labels for chart columns: "Goff\n2000-09-19", "News article\n≥ 2024-05"."""
    labels = {}
    for row in documents.itertuples():
        if row.doc_type == "press_release" and isinstance(row.ministers, str):
            who = row.ministers.split(";")[0].split()[-1]
        else:
            who = "Encyclopedia" if row.doc_type == "encyclopedia_article" else "News article"
        if row.published_resolution == "inferred" and not pd.isna(row.published_earliest):
            when = f"≥ {row.published_earliest:%Y-%m}"
        else:
            when = str(row.published_edtf) if isinstance(row.published_edtf, str) else "undated"
        labels[row.doc_id] = plain(f"{who}\n{when}")
    return labels


def _date_label(row) -> str:
    if row.published_resolution == "inferred" and not pd.isna(row.published_earliest):
        return f"undated, on or after {row.published_earliest:%Y-%m}"
    return str(row.published_edtf) if isinstance(row.published_edtf, str) else "undated"
