"""The timeline as a TimelineJS file (Knight Lab's JSON format), for an interactive timeline a
teacher can publish. Each slide shows the date as the source gives it, the sentence, and the
source it comes from; planned and undated events are left out, as on the charts.

TimelineJS shows every text field as HTML, so everything taken from a document (quotes, names,
dates as written, titles) is HTML-escaped here, and a link is kept only when it is an http(s)
URL: a ``javascript:`` or ``data:`` URL in a front matter is dropped, not linked."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from .happenings import dated_happenings
from .labels import eras, source_labels

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


def safe_url(url: object) -> str | None:
    """``url`` when it is an absolute http or https URL with a host, else None."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    if any(ch.isspace() or ord(ch) < 32 for ch in url):
        return None
    return url


def _link(url: object) -> str:
    safe = safe_url(url)
    return f', <a href="{escape(safe, quote=True)}">link</a>' if safe else ""


def timeline_json(
    events: pd.DataFrame,
    documents: pd.DataFrame,
    title: str = "New Zealand–North Korea relations in the sources",
) -> dict[str, Any]:
    """A TimelineJS document: one slide per dated event that happened, with its quote; a
    happening told twice is one slide, at its most precise telling."""
    import pandas as pd

    docs = documents.set_index("doc_id")
    labels = source_labels(documents)
    slides = []
    dated = dated_happenings(events)
    for row in dated.sort_values(["date_earliest", "event_id"], na_position="first").itertuples():
        precision = str(row.date_precision)
        first, last = row.date_earliest, row.date_latest
        if pd.isna(first) and pd.isna(last):
            continue
        slide: dict[str, Any] = {
            "unique_id": row.event_id.replace(":", "-"),
            "start_date": _date(first if not pd.isna(first) else last, precision),
            "display_date": escape(f"{row.date_text} ({row.date_edtf})", quote=False),
            "group": escape(str(row.event_type), quote=False),
            "text": {
                "headline": escape(str(row.summary), quote=False),
                "text": (
                    f"<blockquote>{escape(str(row.quote), quote=False)}</blockquote>"
                    f"<p>Source: {escape(labels[row.doc_id], quote=False)}"
                    + _link(docs.loc[row.doc_id, "url"])
                    + f"; date {escape(str(row.date_resolution), quote=False)}.</p>"
                ),
            },
        }
        if not pd.isna(first) and not pd.isna(last) and first != last:
            slide["end_date"] = _date(last, precision)
        slides.append(slide)
    return {
        "title": {
            "text": {
                "headline": escape(title, quote=False),
                "text": "Every slide quotes its source; dates are no more precise "
                "than the source gives them.",
            }
        },
        "events": slides,
        "eras": [
            {
                "start_date": _date(pd.Timestamp(e["start"]), "day"),
                "end_date": _date(pd.Timestamp(e["end"]), "day"),
                "text": {"headline": escape(e["label"], quote=False)},
            }
            for e in eras()
        ],
    }
