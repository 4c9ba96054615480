"""The timeline as a TimelineJS file (Knight Lab's JSON format), for an interactive timeline a
teacher can publish. Each slide shows the date as the source gives it, the sentence, and the
source it comes from; planned and undated events are left out, as on the charts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .plots import eras, source_labels

if TYPE_CHECKING:
    import pandas as pd


def _date(stamp: pd.Timestamp, precision: str) -> dict[str, str]:
    """A TimelineJS date object no more precise than the source: a year, a month or a day."""
    out = {"year": str(stamp.year)}
    if precision in ("month", "day", "season"):
        out["month"] = str(stamp.month)
    if precision == "day":
        out["day"] = str(stamp.day)
    return out


def timeline_json(
    events: pd.DataFrame,
    documents: pd.DataFrame,
    title: str = "New Zealand–North Korea relations in the sources",
) -> dict[str, Any]:
    """A TimelineJS document: one slide per dated event that happened, with its quote."""
    import pandas as pd

    docs = documents.set_index("doc_id")
    labels = source_labels(documents)
    slides = []
    dated = events[(events["aux_mode"] != "future") & events["date_edtf"].notna()]
    for row in dated.sort_values(["date_earliest", "event_id"], na_position="first").itertuples():
        precision = str(row.date_precision)
        first, last = row.date_earliest, row.date_latest
        if pd.isna(first) and pd.isna(last):
            continue
        slide: dict[str, Any] = {
            "unique_id": row.event_id.replace(":", "-"),
            "start_date": _date(first if not pd.isna(first) else last, precision),
            "display_date": f"{row.date_text} ({row.date_edtf})",
            "group": str(row.event_type),
            "text": {
                "headline": row.summary,
                "text": (
                    f"<blockquote>{row.quote}</blockquote><p>Source: {labels[row.doc_id]}"
                    + (
                        f', <a href="{docs.loc[row.doc_id, "url"]}">link</a>'
                        if isinstance(docs.loc[row.doc_id, "url"], str)
                        else ""
                    )
                    + f"; date {row.date_resolution}.</p>"
                ),
            },
        }
        if not pd.isna(first) and not pd.isna(last) and first != last:
            slide["end_date"] = _date(last, precision)
        slides.append(slide)
    return {
        "title": {
            "text": {
                "headline": title,
                "text": "Every slide quotes its source; dates are no more precise "
                "than the source gives them.",
            }
        },
        "events": slides,
        "eras": [
            {
                "start_date": _date(pd.Timestamp(e["start"]), "day"),
                "end_date": _date(pd.Timestamp(e["end"]), "day"),
                "text": {"headline": e["label"]},
            }
            for e in eras()
        ],
    }
