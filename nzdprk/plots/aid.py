"""The aid chart: amounts as the sources state them, never as yearly flows."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import matplotlib as mpl
import matplotlib.dates as mdates
import pandas as pd

from ..labels import plain, source_labels
from .style import GREY, MIN_FONT_SIZE, declutter, describe, legend_below, new_axes, source_colours
from .tables import as_of_days

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.text import Text


#: Amounts are drawn in millions of the currency as written.
MILLIONS = 1e6

MEASURE_MARKERS = {
    "cumulative_total": "o",
    "annual_total": "s",
    "flow": "^",
    "pledge_total": "D",
}


def aid_chart(
    data: pd.DataFrame,
    documents: pd.DataFrame,
    *,
    title: str | None = None,
    ax: Axes | None = None,
    **kwargs: Any,
) -> Axes:
    """Aid amounts as the sources give them, never as yearly flows.

    A cumulative total is a line across its period that ends at its as-of date (marked ``|``).
    An amount whose date the source does not state is drawn in a panel of its own to the
    right, apart from the time axis: a revision date of its source is not its date. The
    vertical line is the range the words allow ("almost" = up to the figure, lower end unknown:
    dotted, arrow down). Promises without an amount are counted at their source's date, or in
    the undated panel. Colour is the source; the marker's shape is the measure."""
    ax = new_axes(ax, (8.5, 4.8))
    undated = ax.inset_axes([1.04, 0, 0.16, 1], sharey=ax)
    colours = source_colours(documents)
    labels = _draw_amounts(ax, undated, data, colours)
    promises = data[data["amount"].isna() & data["amount_max"].isna()]
    labels += _draw_promises(ax, undated, promises, colours, as_of_days(documents))
    left, right = ax.get_xlim()
    ax.set_xlim(left - 2 * 365, right + 2 * 365)
    ax.set_ylabel("amount stated (millions, currency as written)")
    ax.set_ylim(bottom=0, top=ax.get_ylim()[1] * 1.25)
    ax.xaxis.set_major_locator(mdates.YearLocator(2))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    undated.set_xlim(0, 1)
    undated.set_xticks([0.5], ["date not\nstated"])
    undated.tick_params(axis="y", labelleft=False)
    undated.set_facecolor("0.95")
    present = [d for d in documents["doc_id"] if d in set(data["doc_id"])]
    source = source_labels(documents)
    handles = [mpl.lines.Line2D([], [], color=colours[d], lw=3, label=source[d]) for d in present]
    handles += _aid_key()
    legend_below(ax, handles, ncols=1)
    if title:
        ax.set_title(plain(title))
    declutter(ax, labels)
    stated = data.dropna(subset=["amount_text"])
    describe(
        ax,
        f"Chart of amounts{': ' + title if title else ''}. {len(stated)} amounts as stated: "
        + "; ".join(
            f"{r.amount_qualifier if r.amount_qualifier != 'exact' else ''} {r.amount_text}, "
            f"{r.measure}, "
            + (f"as of {r.as_of_date:%Y-%m-%d}" if not pd.isna(r.as_of_date) else "date not stated")
            for r in stated.itertuples()
        ).replace("  ", " ")
        + f"; {len(promises)} promise{'' if len(promises) == 1 else 's'} without an amount. "
        "Undated amounts are drawn apart, "
        "not on the time axis.",
    )
    ax.set(**kwargs)
    return ax


def _draw_amounts(
    ax: Axes, undated: Axes, data: pd.DataFrame, colours: dict[str, str]
) -> list[Text]:
    """Each stated amount: at its as-of date (a line across its period), or in the undated
    panel; with the range its words allow as a vertical line. Returns the labels."""
    labels, undated_labels = [], []
    for row in data.itertuples():
        if pd.isna(row.amount) and pd.isna(row.amount_max):
            continue
        colour = colours[row.doc_id]
        value = (row.amount if not pd.isna(row.amount) else row.amount_max) / MILLIONS
        marker = MEASURE_MARKERS.get(str(row.measure), "o")
        text = plain(
            f"{'' if row.amount_qualifier == 'exact' else row.amount_qualifier + ' '}"
            f"{row.amount_text}"
        )
        if pd.isna(row.as_of_date) and pd.isna(row.period_latest):
            target, x = undated, 0.5
            undated_labels.append((target, x, value, text))
        else:
            target = ax
            x = row.as_of_date if not pd.isna(row.as_of_date) else row.period_latest
            if not pd.isna(row.period_earliest):
                ax.plot([row.period_earliest, x], [value, value], color=colour, lw=3)
                ax.plot([x], [value], marker="|", ms=14, mew=2.5, color=colour)
            period = f", {row.period_text}" if isinstance(row.period_text, str) else ""
            labels.append(
                ax.annotate(
                    text + plain(f"{period}, as of {x:%Y-%m-%d}"),
                    (x, value),
                    xytext=(-6, 6),
                    textcoords="offset points",
                    fontsize=MIN_FONT_SIZE,
                    ha="right",
                )
            )
        target.plot([x], [value], marker=marker, color=colour, ms=8, zorder=3)
        _draw_range(target, x, value, row, colour)
    for target, x, value, text in undated_labels:
        labels.append(
            target.annotate(
                text,
                (x, value),
                xytext=(0, 8),
                textcoords="offset points",
                fontsize=MIN_FONT_SIZE,
                ha="center",
            )
        )
    return labels


def _draw_range(target: Axes, x: object, value: float, row: Any, colour: str) -> None:
    """The range the words allow, as a vertical line at ``x``: solid between known ends;
    dotted down to an arrow when the lower end is unknown ("almost")."""
    low = None if pd.isna(row.amount_min) else row.amount_min / MILLIONS
    high = None if pd.isna(row.amount_max) else row.amount_max / MILLIONS
    if low != high or low is None:
        target.plot(
            [x, x],
            [low or 0, high or value],
            color=colour,
            lw=1.5,
            ls=":" if low is None else "-",
        )
        if low is None:
            target.plot([x], [0], marker="v", color=colour, ms=7, clip_on=False)


def _draw_promises(
    ax: Axes,
    undated: Axes,
    promises: pd.DataFrame,
    colours: dict[str, str],
    as_of: dict[str, tuple[pd.Timestamp, bool]],
) -> list[Text]:
    """Promises without an amount, counted per source at its date (or in the undated panel)."""
    labels = []
    for doc_id, group in promises.groupby("doc_id"):
        day, exact = as_of.get(doc_id, (None, False))
        target, x = (ax, day) if exact else (undated, 0.5)
        target.plot([x], [0], marker="D", color=colours[doc_id], ms=8, clip_on=False, zorder=3)
        labels.append(
            target.annotate(
                f"{len(group)} promise(s), no amount",
                (x, 0),
                xytext=(0, 10),
                textcoords="offset points",
                fontsize=MIN_FONT_SIZE,
                ha="center",
            )
        )
    return labels


def _aid_key() -> list[mpl.lines.Line2D]:
    """Legend entries for what the marks mean, in grey (colour is the source, listed apart)."""
    return [
        mpl.lines.Line2D(
            [], [], color=GREY, marker="o", ls="-", lw=3, label="cumulative total over its period"
        ),
        mpl.lines.Line2D([], [], color=GREY, marker="|", ms=14, mew=2.5, ls="", label="as-of date"),
        mpl.lines.Line2D(
            [], [], color=GREY, marker="v", ls=":", label="lower end unknown ('almost')"
        ),
        mpl.lines.Line2D([], [], color=GREY, marker="D", ls="", label="promise, no amount"),
    ]
