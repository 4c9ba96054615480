"""The tables behind the charts, and the lessons' way of showing a table: plain pandas, no
matplotlib. Each chart draws one of these tables, so a reader can go from any mark back to the
rows and quotes it stands for."""

from __future__ import annotations

import pandas as pd

from ..happenings import dated_happenings
from ..labels import source_labels
from ..schema import PRECISION

#: The one marker for an unknown value in the lessons' tables.
UNKNOWN = "—"


def show_table(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy for reading: every unknown value (None, NaN, <NA>, NaT) shown as one marker,
    `UNKNOWN`, and dates as YYYY-MM-DD. For display only; compute on the frame itself."""
    out = {}
    for name, column in frame.items():
        if isinstance(column.dtype, pd.DatetimeTZDtype) or pd.api.types.is_datetime64_any_dtype(
            column
        ):
            values = column.dt.strftime("%Y-%m-%d").astype(object)
        else:
            values = column.astype(object)
        known = column.map(_known).astype(bool)
        out[name] = values.where(known, UNKNOWN)
    return pd.DataFrame(out, index=frame.index)


def _known(value: object) -> bool:
    if isinstance(value, (list, tuple, set, dict)):
        return True
    try:
        return not bool(pd.isna(value))
    except (TypeError, ValueError):
        return True


def as_of_days(documents: pd.DataFrame) -> dict[str, tuple[pd.Timestamp, bool]]:
    """For each document, the day it speaks from and whether that day is exact (True) or only
    a lower bound (False). Documents with no date at all are left out."""
    out = {}
    for row in documents.itertuples():
        if not pd.isna(row.published_earliest):
            out[row.doc_id] = (row.published_earliest, row.published_resolution == "explicit")
    return out


def timeline_table(
    events: pd.DataFrame,
    documents: pd.DataFrame,
    *,
    start: str | None = None,
    end: str | None = None,
) -> pd.DataFrame:
    """The dated, non-planned events behind a timeline chart, one numbered row per mark, with
    the source and the quote: the way back from any point to its words. A happening told
    twice is one mark, at its most precise telling (the row with no ``same_as``)."""
    e = dated_happenings(events)
    if start:
        e = e[e["date_latest"].isna() | (e["date_latest"] >= pd.Timestamp(start))]
    if end:
        e = e[e["date_earliest"].isna() | (e["date_earliest"] <= pd.Timestamp(end))]
    e = e.sort_values(["date_earliest", "event_id"], na_position="first")
    labels = source_labels(documents)
    return pd.DataFrame(
        {
            "ref": range(1, len(e) + 1),
            "when": e["date_edtf"].to_numpy(),
            "earliest": e["date_earliest"].to_numpy(),
            "latest": e["date_latest"].to_numpy(),
            "resolution": e["date_resolution"].astype(str).to_numpy(),
            "event_type": e["event_type"].astype(str).to_numpy(),
            "summary": e["summary"].to_numpy(),
            "doc_id": e["doc_id"].to_numpy(),
            "source": e["doc_id"].map(labels).to_numpy(),
            "event_id": e["event_id"].to_numpy(),
            "quote": e["quote"].to_numpy(),
        }
    )


#: The precisions of a placed date, finest first (the schema's vocabulary).
PRECISIONS = PRECISION.values
#: The kinds of date in the precision table and chart, most precise first: a placed date by its
#: precision, then a date phrase that could not be placed, then an event with no date phrase.
DATE_KINDS = (*PRECISIONS, "date phrase not placed", "no date phrase")


def precision_table(events: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Events by source and how precisely they are dated: a placed date by its precision, a
    date phrase the rules could not place ("date phrase not placed"), and an event stated with
    no date phrase at all ("no date phrase") kept apart."""
    kind = events["date_precision"].astype(object).where(events["date_edtf"].notna())
    kind = kind.where(kind.notna() | events["date_text"].isna(), "date phrase not placed")
    kind = kind.where(kind.notna(), "no date phrase")
    counts = pd.crosstab(events["doc_id"], kind)
    return counts.reindex(index=documents["doc_id"], columns=list(DATE_KINDS), fill_value=0)


def speaker_table(
    events: pd.DataFrame,
    actors: pd.DataFrame,
    documents: pd.DataFrame,
    kinds: tuple[str, ...] = ("person", "government_body", "state"),
) -> pd.DataFrame:
    """Who speaks in the sources, for whom, and when: one row per speaker (of the given actor
    kinds; organisations such as news agencies are left out) and document.

    When is the date of the statement, and a source gives only one: its own date (what it
    reports was said on or before that day). The date of what the speaker talks about is not
    the date of speaking ("in 2018" in a 2024 article). A source whose own date is only inferred
    or unknown cannot place its statements: they are kept with an empty date and the reason."""
    names = actors.set_index("actor_id")
    speaking = set(names.index[names["actor_kind"].isin(kinds)])
    said = events[events["attributed_to"].isin(speaking)]
    docs = documents.set_index("doc_id")
    rows = []
    for (doc_id, speaker), group in said.groupby(["doc_id", "attributed_to"], sort=True):
        resolution = docs.loc[doc_id, "published_resolution"]
        if resolution == "explicit" and not pd.isna(docs.loc[doc_id, "published_earliest"]):
            when, basis = (
                docs.loc[doc_id, "published_earliest"],
                "said on or before the source's date",
            )
        else:
            when, basis = pd.NaT, f"left off: the source's own date is {resolution or 'unknown'}"
        rows.append(
            {
                "speaker_id": speaker,
                "speaker": names.loc[speaker, "canonical_name"],
                "country": names.loc[speaker, "country_code"],
                "doc_id": doc_id,
                "n_statements": len(group),
                "when": when,
                "basis": basis,
            }
        )
    columns = ["speaker_id", "speaker", "country", "doc_id", "n_statements", "when", "basis"]
    return (
        pd.DataFrame(rows, columns=columns)
        .astype({"when": "datetime64[s]"})
        .sort_values(["country", "when", "speaker"], na_position="last", ignore_index=True)
    )


def agreement_table(
    claims: pd.DataFrame, comparisons: pd.DataFrame, *, aspects=None
) -> pd.DataFrame:
    """For each fact stated by more than one source, and each source stating it: the weightiest
    relation its claims have with another source's (conflict first, then differ_scope,
    differ_precision, agree, not_comparable)."""
    order = ["conflict", "differ_scope", "differ_precision", "agree", "not_comparable"]
    c = comparisons if aspects is None else comparisons[comparisons["aspect"].isin(aspects)]
    long = pd.concat(
        [
            c[["fact_key", "doc_id_a", "relation"]].rename(columns={"doc_id_a": "doc_id"}),
            c[["fact_key", "doc_id_b", "relation"]].rename(columns={"doc_id_b": "doc_id"}),
        ]
    )
    long["rank"] = long["relation"].astype(str).map(order.index)
    best = long.sort_values("rank").drop_duplicates(["fact_key", "doc_id"])
    return best.drop(columns="rank").sort_values(["fact_key", "doc_id"], ignore_index=True)
