"""The timeline chart: dated events as bars over their strict bounds, one row per event type,
with the teaching eras shaded behind them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import matplotlib as mpl
import matplotlib.dates as mdates
import pandas as pd

from ..dates import edtf_bounds
from ..labels import eras, plain, source_labels
from .style import (
    BOTH_WAYS,
    DOWNWARDS,
    GREY,
    MIN_FONT_SIZE,
    declutter,
    describe,
    legend_below,
    new_axes,
    source_colours,
)
from .tables import as_of_days, timeline_table

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.text import Text


def timeline(
    data: pd.DataFrame,
    documents: pd.DataFrame,
    *,
    start: str | None = None,
    end: str | None = None,
    numbered: bool = False,
    title: str | None = None,
    ax: Axes | None = None,
    **kwargs: Any,
) -> Axes:
    """Dated events (``data``: the events frame), one row per PLOVER event type, as bars over
    their strict bounds.

    Planned events (``aux_mode == "future"``) are left out: a plan is not an event. With
    ``numbered``, each bar carries the row number of `timeline_table` for the same frames.
    """
    table = timeline_table(data, documents, start=start, end=end)
    types = sorted(table["event_type"].unique())
    ax = new_axes(ax, (8.5, 0.55 * len(types) + 2.2))
    known = pd.concat([table["earliest"], table["latest"]]).dropna()
    lo = pd.Timestamp(start) if start else known.min() - pd.Timedelta(days=3 * 365)
    hi = pd.Timestamp(end) if end else known.max() + pd.Timedelta(days=3 * 365)
    stub = (hi - lo) * 0.025
    colours = source_colours(documents)
    labels = source_labels(documents)
    numbers = _draw_events(ax, table, types, documents, (lo, stub), numbered=numbered)
    ax.set_yticks(range(len(types)), [plain(t) for t in types])
    ax.set_ylim(-0.7, len(types) + 0.9)  # room at the top for the era labels
    ax.set_xlim(lo, hi)
    ax.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=4, maxticks=9))
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
    era_labels = _shade_eras(ax, lo, hi)
    present = [d for d in documents["doc_id"] if d in set(table["doc_id"])]
    handles = [mpl.lines.Line2D([], [], color=colours[d], lw=5, label=labels[d]) for d in present]
    handles += _timeline_key()
    legend_below(ax, handles, ncols=1)
    ax.set_xlabel("date")
    if title:
        ax.set_title(plain(title))
    declutter(
        ax, era_labels + numbers, offsets=[DOWNWARDS] * len(era_labels) + [BOTH_WAYS] * len(numbers)
    )
    shown = ", ".join(labels[d] for d in present)
    describe(
        ax,
        f"Timeline chart{': ' + title if title else ''}. {len(table)} dated events, dated "
        f"{max(known.min(), lo):%Y} to {min(known.max(), hi):%Y}, "
        f"in rows by event type ({', '.join(types)}). "
        "Each event is a bar from its first to its last possible day, coloured by source: "
        f"{shown}. Open periods end at the date of their source. "
        "Grey bands mark eras chosen for teaching. "
        + ("The numbers refer to the table below the chart." if numbered else ""),
    )
    ax.set(**kwargs)
    return ax


def _draw_events(
    ax: Axes,
    table: pd.DataFrame,
    types: list[str],
    documents: pd.DataFrame,
    window: tuple[pd.Timestamp, pd.Timedelta],
    *,
    numbered: bool,
) -> list[Text]:
    """The bars of `timeline`, a row per event type (up to five bars side by side, slightly
    apart); with ``numbered``, the row number of each event next to its first bar."""
    lo, stub = window
    as_of = as_of_days(documents)
    colours = source_colours(documents)
    numbers = []
    for y, kind in enumerate(types):
        rows = table[table["event_type"] == kind].reset_index(drop=True)
        for k, row in rows.iterrows():
            offset = y + ((k % 5) - 2) * 0.13
            spans = _spans(row, as_of.get(row["doc_id"]), stub)
            for left, right, kind_of_end in spans:
                _bar(
                    ax, left, right, offset, colours[row["doc_id"]], row["resolution"], kind_of_end
                )
            if numbered and spans:
                x = max(min(s[0] for s in spans), lo)
                numbers.append(
                    ax.annotate(
                        str(row["ref"]),
                        (x, offset),
                        xytext=(1, 4),
                        textcoords="offset points",
                        fontsize=MIN_FONT_SIZE,
                        ha="left",
                    )
                )
    return numbers


def _timeline_key() -> list[mpl.lines.Line2D]:
    """Legend entries for what the marks mean, in grey (colour is the source, listed apart)."""
    return [
        mpl.lines.Line2D([], [], color=GREY, lw=5, label="first to last possible day"),
        mpl.lines.Line2D(
            [],
            [],
            color=GREY,
            lw=5,
            mfc="white",
            marker="s",
            ms=7,
            label="year or day supplied by a rule (not written)",
        ),
        mpl.lines.Line2D(
            [],
            [],
            color=GREY,
            marker="|",
            ms=12,
            mew=2,
            ls="-",
            label="open period: ends at its source's date",
        ),
        mpl.lines.Line2D(
            [], [], color=GREY, marker=">", ls=":", label="bound not known (at least this far)"
        ),
    ]


def _spans(
    row: pd.Series, as_of: tuple[pd.Timestamp, bool] | None, stub: pd.Timedelta
) -> list[tuple[pd.Timestamp, pd.Timestamp, str]]:
    """The bars of one date: (left, right, how the right or left end is known). A list of
    dates ("1974 and 1978") gives one bar each."""
    when = str(row["when"])
    if when.startswith("{") or (when.startswith("[") and ".." not in when):
        spans = []
        for element in when.strip("{}[]").split(","):
            first, last = edtf_bounds(element.strip())
            spans.append((pd.Timestamp(first), pd.Timestamp(last) + pd.Timedelta(days=1), "closed"))
        return spans
    first, last = row["earliest"], row["latest"]
    if pd.isna(first) and pd.isna(last):
        return []
    if pd.isna(first):
        return [(last + pd.Timedelta(days=1) - stub, last + pd.Timedelta(days=1), "open start")]
    if pd.isna(last):
        if as_of is None:
            return [(first, first + stub, "open end, unknown")]
        day, exact = as_of
        return [(first, day + pd.Timedelta(days=1), "as of" if exact else "as of, at least")]
    return [(first, last + pd.Timedelta(days=1), "closed")]


def _bar(
    ax: Axes,
    left: pd.Timestamp,
    right: pd.Timestamp,
    y: float,
    colour: str,
    resolution: str,
    end: str,
) -> None:
    """One bar; hollow when a rule completed the date (anchored or inferred). Unknown bounds
    are dotted stubs with an arrow."""
    if end == "open start":
        ax.plot([left, right], [y, y], color=colour, lw=2, ls=":")
        ax.plot([left], [y], marker="<", color=colour, ms=6)
        return
    if end == "open end, unknown":
        ax.plot([left, right], [y, y], color=colour, lw=2, ls=":")
        ax.plot([right], [y], marker=">", color=colour, ms=6)
        return
    ax.plot([left, right], [y, y], color=colour, lw=6, solid_capstyle="projecting", zorder=2)
    if resolution in ("anchored", "inferred"):
        ax.plot([left, right], [y, y], color="white", lw=2.5, solid_capstyle="projecting", zorder=3)
    if end.startswith("as of"):
        ax.plot([right], [y], marker="|", color=colour, ms=12, mew=2, zorder=3)
    if end == "as of, at least":
        ax.plot([right], [y], marker=">", color=colour, ms=6, zorder=3)


def _shade_eras(ax: Axes, lo: pd.Timestamp, hi: pd.Timestamp) -> list[Text]:
    """Shade the periods of `eras`; each label sits at the top, at the start of its band."""
    labels = []
    for i, era in enumerate(eras()):
        a = pd.Timestamp(era["start"])
        b = pd.Timestamp(era["end"]) if era["end"] else hi
        if b < lo or a > hi:
            continue
        ax.axvspan(max(a, lo), min(b, hi), color="0.95" if i % 2 else "0.89", zorder=0, lw=0)
        labels.append(
            ax.annotate(
                plain(era["label"]),
                (max(a, lo), 1.0),
                xycoords=("data", "axes fraction"),
                xytext=(2, -2),
                textcoords="offset points",
                fontsize=MIN_FONT_SIZE,
                color="0.25",
                va="top",
                ha="left",
                annotation_clip=False,
            )
        )
    return labels
