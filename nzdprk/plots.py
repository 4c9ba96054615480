"""Charts drawn from the package's frames. Each function takes tidy frames and ``ax=None``,
draws one idea and returns the Axes; the style is set once, in `use_style`.

The charts never claim more than the data:

* a date is a bar from its first to its last possible day (strict bounds), never a dot at an
  invented middle; a bar is at least as wide as the pen, so a single day stays visible;
* an open period ("since 1995") ends at the day its source speaks from, marked ``|``; when that
  day is itself only a lower bound, a dotted stub with an arrow says "at least until here";
  an unknown start is a dotted stub with an arrow to the left, never a bar to the chart's edge;
* a date anchored to the document's own date is drawn hollow;
* an amount with no stated date is drawn apart from the time axis, never at the date of a
  revision of its source.

Colour has one meaning in every chart of the package: the source document (Okabe–Ito palette,
readable with colour-vision deficiencies). Everything else is told by shape, grey and words.
Text is 10 pt or larger at the size the chart is shown, labels from the data are drawn as plain
text (a ``$`` in a name is never read as mathematics), and labels that would collide are
moved apart.

matplotlib is imported here only, so ``import nzdprk`` stays light.
"""

from __future__ import annotations

import base64
import csv
import io
import weakref
from functools import cache, partial
from html import escape
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import matplotlib as mpl
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd

from .dates import edtf_bounds

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.text import Text

#: Okabe & Ito (2008) colour-blind-safe palette, in a fixed order: one colour per source document.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")

#: The smallest text size, in points, at the size a chart is shown.
MIN_FONT_SIZE = 10
#: Charts are drawn at most this wide (inches at 100 dpi = pixels), so that a notebook shows them
#: at full size and the text stays at its size in points.
MAX_WIDTH_PX = 900
#: The one marker for an unknown value in the lessons' tables.
UNKNOWN = "—"

STYLE = {
    "figure.figsize": (8.5, 4.5),
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "font.family": "DejaVu Sans",
    "font.size": 11,
    "axes.titlesize": 12,
    "axes.labelsize": 11,
    "xtick.labelsize": 10,
    "ytick.labelsize": 10,
    "legend.fontsize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "legend.frameon": False,
    "svg.hashsalt": "nzdprk",  # fixed ids inside SVG files, so charts are byte-identical
    "svg.fonttype": "path",
    "path.simplify": False,
}

GREY = "0.45"
_ALT: weakref.WeakKeyDictionary[Figure, str] = weakref.WeakKeyDictionary()


def use_style() -> None:
    """Apply the package's chart style (deterministic output included)."""
    mpl.rcParams.update(STYLE)


def setup_notebook() -> None:
    """Style, PNG charts (shown even in a notebook that is not trusted) without a date stamp,
    and tables that show whole labels, so that lessons render as stored and re-run identically."""
    use_style()
    pd.set_option("display.max_colwidth", 120)
    pd.set_option("display.width", 120)
    pd.set_option("display.html.use_mathjax", False)  # a "$" in a table is money, not maths
    from IPython import get_ipython

    shell = get_ipython()
    if shell is not None:
        shell.run_line_magic("matplotlib", "inline")
        shell.run_line_magic("config", "InlineBackend.figure_formats = ['png']")
        shell.run_line_magic(
            "config",
            "InlineBackend.print_figure_kwargs = "
            "{'bbox_inches': 'tight', 'metadata': {'Software': None}}",
        )


def plain(text: object) -> str:
    """A label from the data as plain text: ``$`` escaped, so matplotlib never reads it as
    mathematics (an odd ``$`` in a title would otherwise stop the drawing)."""
    return str(text).replace("$", r"\$")


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


def describe(ax: Axes, text: str) -> None:
    """Record the chart's alternative text (what a reader who cannot see it needs to know)."""
    _ALT[ax.figure] = text


def alt_text(fig: Figure) -> str:
    """The alternative text recorded for a figure by the function that drew it."""
    return _ALT.get(fig, "")


def png_bytes(fig: Figure) -> bytes:
    """The figure as PNG bytes, without time stamps or version strings."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None}, bbox_inches="tight")
    return buffer.getvalue()


class Chart:
    """A chart as a notebook shows it: a PNG with its alternative text (in the HTML ``alt``
    attribute, which ``jupyter nbconvert --to html`` keeps), and the text alone as plain text."""

    def __init__(self, fig: Figure) -> None:
        self.png = png_bytes(fig)
        self.alt = alt_text(fig)
        dpi = mpl.rcParams["savefig.dpi"]
        pixels = int.from_bytes(self.png[16:20], "big"), int.from_bytes(self.png[20:24], "big")
        scale = fig.dpi / (fig.dpi if dpi == "figure" else dpi)
        self.width, self.height = (round(p * scale) for p in pixels)

    def _repr_mimebundle_(self, include=None, exclude=None) -> tuple[dict, dict]:
        data = base64.b64encode(self.png).decode("ascii")
        html = (
            f'<img src="data:image/png;base64,{data}" alt="{escape(self.alt)}" '
            f'width="{self.width}" height="{self.height}">'
        )
        bundle = {"text/html": html, "image/png": data, "text/plain": f"Chart: {self.alt}"}
        size = {"width": self.width, "height": self.height, "alt": self.alt}
        return bundle, {"image/png": size}


def show(ax: Axes) -> Chart:
    """Show a chart in a notebook as a PNG with its alternative text, and close the figure
    (so the inline backend does not show it a second time)."""
    chart = Chart(ax.figure)
    plt.close(ax.figure)
    return chart


@cache
def eras() -> tuple[dict[str, str], ...]:
    """Periods used to shade timelines (``data/eras.csv``): an interpretation for teaching,
    dated from the sources; not a statement of any source."""
    with resources.files("nzdprk").joinpath("data/eras.csv").open(encoding="utf-8") as f:
        return tuple(csv.DictReader(f))


def source_colours(documents: pd.DataFrame) -> dict[str, str]:
    """A fixed colour per document, in the order of the documents frame: the one meaning of
    colour in every chart."""
    return {d: PALETTE[i % len(PALETTE)] for i, d in enumerate(documents["doc_id"])}


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


def _ax(ax: Axes | None, size: tuple[float, float] = (8.5, 4.5)) -> Axes:
    if ax is None:
        _, ax = plt.subplots(figsize=size, layout="constrained")
    return ax


def _legend_below(ax: Axes, handles: list, ncols: int = 2) -> None:
    """The legend under the chart (and its axis label), so the chart keeps its width and the
    text its size."""
    ax.figure.legend(handles=handles, loc="outside lower left", ncols=ncols)


#: Where a label may go, in points above (+) or below (-) where it was put: near first.
BOTH_WAYS = (0.0, 11.0, -11.0, 22.0, -22.0, 33.0, -33.0, 44.0, 55.0)
DOWNWARDS = tuple(-11.0 * k for k in range(10))


def declutter(
    ax: Axes, texts: list[Text], *, offsets: list[tuple[float, ...]] | None = None
) -> int:
    """Move each label to the first of its offsets (points, vertical) where it overlaps no other
    label, tick label or the title and stays inside its axes (moved left if it would leave them
    on the right); a label that finds no free place is hidden. Returns how many were hidden."""
    fig = ax.figure
    fig.draw_without_rendering()
    renderer = fig.canvas.get_renderer()
    placed = [
        t.get_window_extent(renderer)
        for t in [*ax.get_xticklabels(), *ax.get_yticklabels(), ax.title]
        if t.get_visible() and t.get_text()
    ]
    hidden = 0
    for text, tries in zip(texts, offsets or [BOTH_WAYS] * len(texts), strict=True):
        frame = text.axes.get_window_extent(renderer)
        overflow = text.get_window_extent(renderer).x1 - frame.x1
        if overflow > 0:  # keep the label inside on the right: move it left
            text.xyann = (text.xyann[0] - overflow * 72 / fig.dpi, text.xyann[1])
        x, y = text.xyann
        for offset in tries:
            text.xyann = (x, y + offset)
            box = text.get_window_extent(renderer)
            inside = frame.y0 - 1 <= box.y0 and box.y1 <= frame.y1 + 1
            if inside and not any(box.overlaps(other) for other in placed):
                placed.append(box)
                break
        else:
            text.xyann = (x, y)
            text.set_visible(False)
            hidden += 1
    return hidden


def _as_of(documents: pd.DataFrame) -> dict[str, tuple[pd.Timestamp, bool]]:
    """For each document, the day it speaks from and whether that day is exact (True) or only
    a lower bound (False). Documents with no date at all are left out."""
    out = {}
    for row in documents.itertuples():
        if not pd.isna(row.published_earliest):
            out[row.doc_id] = (row.published_earliest, row.published_resolution == "explicit")
    return out


def timeline(
    events: pd.DataFrame,
    documents: pd.DataFrame,
    *,
    start: str | None = None,
    end: str | None = None,
    numbered: bool = False,
    title: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Dated events, one row per PLOVER event type, as bars over their strict bounds.

    Planned events (``aux_mode == "future"``) are left out: a plan is not an event. With
    ``numbered``, each bar carries the row number of `timeline_table` for the same frames.
    """
    table = timeline_table(events, documents, start=start, end=end)
    types = sorted(table["event_type"].unique())
    ax = _ax(ax, (8.5, 0.55 * len(types) + 2.2))
    as_of = _as_of(documents)
    known = pd.concat([table["earliest"], table["latest"]]).dropna()
    lo = pd.Timestamp(start) if start else known.min() - pd.Timedelta(days=3 * 365)
    hi = pd.Timestamp(end) if end else known.max() + pd.Timedelta(days=3 * 365)
    stub = (hi - lo) * 0.025
    colours = source_colours(documents)
    labels = source_labels(documents)
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
    ax.set_yticks(range(len(types)), [plain(t) for t in types])
    ax.set_ylim(-0.7, len(types) + 0.9)  # room at the top for the era labels
    ax.set_xlim(lo, hi)
    ax.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=4, maxticks=9))
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
    era_labels = _shade_eras(ax, lo, hi)
    present = [d for d in documents["doc_id"] if d in set(table["doc_id"])]
    handles = [mpl.lines.Line2D([], [], color=colours[d], lw=5, label=labels[d]) for d in present]
    handles += [
        mpl.lines.Line2D([], [], color=GREY, lw=5, label="first to last possible day"),
        mpl.lines.Line2D(
            [],
            [],
            color=GREY,
            lw=5,
            mfc="white",
            marker="s",
            ms=7,
            label="anchored to the document's date",
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
    _legend_below(ax, handles, ncols=1)
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
    return ax


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
    """One bar; hollow when anchored. Unknown bounds are dotted stubs with an arrow."""
    if end == "open start":
        ax.plot([left, right], [y, y], color=colour, lw=2, ls=":")
        ax.plot([left], [y], marker="<", color=colour, ms=6)
        return
    if end == "open end, unknown":
        ax.plot([left, right], [y, y], color=colour, lw=2, ls=":")
        ax.plot([right], [y], marker=">", color=colour, ms=6)
        return
    ax.plot([left, right], [y, y], color=colour, lw=6, solid_capstyle="projecting", zorder=2)
    if resolution == "anchored":
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


def timeline_table(
    events: pd.DataFrame,
    documents: pd.DataFrame,
    *,
    start: str | None = None,
    end: str | None = None,
) -> pd.DataFrame:
    """The dated, non-planned events behind a timeline chart, one numbered row per mark, with
    the source and the quote: the way back from any point to its words."""
    e = events[(events["aux_mode"] != "future") & events["date_edtf"].notna()]
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


PRECISIONS = ("day", "month", "season", "year", "decade", "century")
#: How each kind of date is filled in the precision chart: grey for a placed date (darker is more
#: precise), hatched white for a phrase that could not be placed, dotted white for no phrase.
PRECISION_STYLE = {
    "day": {"color": "0.15"},
    "month": {"color": "0.35"},
    "season": {"color": "0.5", "hatch": ".."},
    "year": {"color": "0.62"},
    "decade": {"color": "0.78", "hatch": "\\\\"},
    "century": {"color": "0.9", "hatch": "xx"},
    "date phrase not placed": {"color": "white", "hatch": "//", "edgecolor": "black"},
    "no date phrase": {"color": "white", "edgecolor": "0.6", "ls": ":"},
}


def precision_table(events: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Events by source and how precisely they are dated: a placed date by its precision, a
    date phrase the rules could not place ("date phrase not placed"), and an event stated with
    no date phrase at all ("no date phrase") kept apart."""
    kind = events["date_precision"].astype(object).where(events["date_edtf"].notna())
    kind = kind.where(kind.notna() | events["date_text"].isna(), "date phrase not placed")
    kind = kind.where(kind.notna(), "no date phrase")
    counts = pd.crosstab(events["doc_id"], kind)
    return counts.reindex(index=documents["doc_id"], columns=list(PRECISION_STYLE), fill_value=0)


def precision_counts(
    events: pd.DataFrame,
    documents: pd.DataFrame,
    *,
    title: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """How precisely each source dates what it reports: events by date precision and source,
    as stacked horizontal bars; phrases not placed and events with no date phrase apart."""
    ax = _ax(ax, (8.5, 4.2))
    counts = precision_table(events, documents)
    labels = short_labels(documents)
    names = [labels[d].replace("\n", ", ") for d in counts.index]
    left = pd.Series(0, index=counts.index)
    for p, style in PRECISION_STYLE.items():
        ax.barh(names, counts[p], left=left, label=p, lw=0.8, **{"edgecolor": "black", **style})
        left = left + counts[p]
    ax.invert_yaxis()
    ax.set_xlabel("number of events")
    _legend_below(ax, ax.get_legend_handles_labels()[0], ncols=3)
    if title:
        ax.set_title(plain(title))
    totals = counts.sum()
    describe(
        ax,
        f"Stacked bar chart{': ' + title if title else ''}. For each source, its events by how "
        "precisely they are dated: "
        + "; ".join(f"{k}: {int(v)}" for k, v in totals.items())
        + " (all sources together).",
    )
    return ax


def save(fig: Figure, stem: str, folder) -> list[Path]:
    """Write ``stem.svg`` and ``stem.png`` with no time stamps or version strings, so the
    same data always give the same bytes; each file is replaced atomically, and nothing
    else in the folder is touched (see `nzdprk.files`)."""
    from .files import write_files

    return write_files(folder, figure_writers(fig, stem), group=f"figure:{stem}")


def figure_writers(fig: Figure, stem: str) -> dict:
    """``{file name: writer(path)}`` for the SVG and PNG of a figure (for `nzdprk.files`)."""
    options = {"svg": {"Date": None, "Creator": None}, "png": {"Software": None}}
    return {
        f"{stem}.{ext}": partial(fig.savefig, format=ext, metadata=metadata, bbox_inches="tight")
        for ext, metadata in options.items()
    }


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


def speakers(
    events: pd.DataFrame,
    actors: pd.DataFrame,
    offices: pd.DataFrame,
    documents: pd.DataFrame,
    *,
    title: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Who speaks for each country, and when: a dot per speaker and source at the source's own
    date (a statement is made on or before it), over grey bars for the offices the speakers
    held. Statements in sources without a date of their own are left off, and counted."""
    full = speaker_table(events, actors, documents)
    table = full.dropna(subset=["when"])
    people = list(dict.fromkeys(table["speaker_id"]))
    ax = _ax(ax, (8.5, 0.5 * len(people) + 2.4))
    colours = source_colours(documents)
    terms = offices[offices["actor_id"].isin(people)].dropna(subset=["start"])
    lo = min([table["when"].min(), *terms["start"]]) - pd.Timedelta(days=365)
    hi = table["when"].max() + pd.Timedelta(days=2 * 365)
    names = []
    for y, speaker in enumerate(people):
        for term in terms[terms["actor_id"] == speaker].itertuples():
            end = hi if pd.isna(term.end) else term.end
            ax.plot([term.start, end], [y, y], color="0.85", lw=9, solid_capstyle="butt", zorder=1)
            names.append(
                ax.annotate(
                    plain(term.office),
                    (max(term.start, lo), y),
                    xytext=(2, 8),
                    textcoords="offset points",
                    fontsize=MIN_FONT_SIZE,
                    color="0.3",
                )
            )
        for row in table[table["speaker_id"] == speaker].itertuples():
            ax.plot([row.when], [y], marker="o", ms=8, color=colours[row.doc_id], zorder=3)
    labels = table.drop_duplicates("speaker_id").set_index("speaker_id")
    ax.set_yticks(
        range(len(people)),
        [plain(f"{labels.loc[p, 'speaker']} ({labels.loc[p, 'country'] or '–'})") for p in people],
    )
    ax.set_ylim(len(people) - 0.4, -0.8)
    ax.set_xlim(lo, hi)
    source = source_labels(documents)
    present = [d for d in documents["doc_id"] if d in set(table["doc_id"])]
    handles = [
        mpl.lines.Line2D([], [], color=colours[d], marker="o", ls="", ms=8, label=source[d])
        for d in present
    ]
    handles.append(
        mpl.lines.Line2D([], [], color="0.85", lw=9, label="office held (curated table)")
    )
    _legend_below(ax, handles, ncols=1)
    left_off = len(full) - len(table)
    if title:
        ax.set_title(plain(title))
    declutter(ax, names)
    describe(
        ax,
        f"Dot chart{': ' + title if title else ''}. {len(people)} speakers, one row each, with a "
        "dot at the date of each source that quotes or reports them (said on or before that "
        f"date), coloured by source; grey bars show offices held. {left_off} speaker-source "
        "pairs from sources without a date of their own are left off.",
    )
    return ax


def mentions_matrix(
    mentions: pd.DataFrame,
    actors: pd.DataFrame,
    documents: pd.DataFrame,
    *,
    kinds: tuple[str, ...] = ("person",),
    title: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Who is mentioned in which source: mention counts, actors (of the given kinds) by
    document, darker grey for more mentions."""
    m = mentions.merge(actors[["actor_id", "actor_kind", "canonical_name"]], on="actor_id")
    m = m[m["actor_kind"].isin(kinds)]
    counts = pd.crosstab(m["canonical_name"], m["doc_id"]).reindex(
        columns=list(documents["doc_id"]), fill_value=0
    )
    counts = counts.loc[counts.sum(axis=1).sort_values(ascending=False, kind="stable").index]
    ax = _ax(ax, (7.5, 0.3 * len(counts) + 2))
    values = counts.to_numpy()
    ax.imshow(values, cmap="Greys", aspect="auto", vmin=0, vmax=max(values.max(), 1) * 1.6)
    labels = short_labels(documents)
    ax.set_xticks(range(len(counts.columns)), [labels[d] for d in counts.columns])
    ax.xaxis.tick_top()
    ax.set_yticks(range(len(counts)), [plain(n) for n in counts.index])
    for (i, j), n in pd.DataFrame(values).stack().items():
        if n:
            ax.text(j, i, str(n), ha="center", va="center", fontsize=MIN_FONT_SIZE)
    ax.spines[:].set_visible(False)
    if title:
        ax.set_title(plain(title))
    top = ", ".join(f"{plain(n)} ({int(v)})" for n, v in counts.sum(axis=1).head(5).items())
    describe(
        ax,
        f"Table chart{': ' + title if title else ''}. Rows: {len(counts)} people; columns: the "
        f"{len(counts.columns)} sources; each cell gives how often the source names the person. "
        f"Most named: {top}.",
    )
    return ax


MEASURE_MARKERS = {
    "cumulative_total": "o",
    "annual_total": "s",
    "flow": "^",
    "pledge_total": "D",
}


def aid_chart(
    aid_flows: pd.DataFrame,
    documents: pd.DataFrame,
    *,
    title: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Aid amounts as the sources give them, never as yearly flows.

    A cumulative total is a line across its period that ends at its as-of date (marked ``|``).
    An amount whose date the source does not state is drawn in a panel of its own to the
    right, apart from the time axis: a revision date of its source is not its date. The
    vertical line is the range the words allow ("almost" = up to the figure, lower end unknown:
    dotted, arrow down). Promises without an amount are counted at their source's date, or in
    the undated panel. Colour is the source; the marker's shape is the measure."""
    ax = _ax(ax, (8.5, 4.8))
    undated = ax.inset_axes([1.04, 0, 0.16, 1], sharey=ax)
    colours = source_colours(documents)
    as_of = _as_of(documents)
    millions = 1e6
    labels, undated_labels = [], []
    for row in aid_flows.itertuples():
        if pd.isna(row.amount) and pd.isna(row.amount_max):
            continue
        colour = colours[row.doc_id]
        value = (row.amount if not pd.isna(row.amount) else row.amount_max) / millions
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
        low = None if pd.isna(row.amount_min) else row.amount_min / millions
        high = None if pd.isna(row.amount_max) else row.amount_max / millions
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
    promises = aid_flows[aid_flows["amount"].isna() & aid_flows["amount_max"].isna()]
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
    present = [d for d in documents["doc_id"] if d in set(aid_flows["doc_id"])]
    source = source_labels(documents)
    handles = [mpl.lines.Line2D([], [], color=colours[d], lw=3, label=source[d]) for d in present]
    handles += [
        mpl.lines.Line2D(
            [], [], color=GREY, marker="o", ls="-", lw=3, label="cumulative total over its period"
        ),
        mpl.lines.Line2D([], [], color=GREY, marker="|", ms=14, mew=2.5, ls="", label="as-of date"),
        mpl.lines.Line2D(
            [], [], color=GREY, marker="v", ls=":", label="lower end unknown ('almost')"
        ),
        mpl.lines.Line2D([], [], color=GREY, marker="D", ls="", label="promise, no amount"),
    ]
    _legend_below(ax, handles, ncols=1)
    if title:
        ax.set_title(plain(title))
    declutter(ax, labels)
    stated = aid_flows.dropna(subset=["amount_text"])
    describe(
        ax,
        f"Chart of amounts{': ' + title if title else ''}. {len(stated)} amounts as stated: "
        + "; ".join(
            f"{r.amount_qualifier if r.amount_qualifier != 'exact' else ''} {r.amount_text}, "
            f"{r.measure}, "
            + (f"as of {r.as_of_date:%Y-%m-%d}" if not pd.isna(r.as_of_date) else "date not stated")
            for r in stated.itertuples()
        ).replace("  ", " ")
        + f"; {len(promises)} promises without an amount. Undated amounts are drawn apart, "
        "not on the time axis.",
    )
    return ax


RELATION_LABELS = {
    "conflict": "CONFLICT",
    "differ_scope": "differ: scope",
    "differ_precision": "differ: precision",
    "agree": "agree",
    "not_comparable": "not comparable",
}


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


def agreement_matrix(
    claims: pd.DataFrame,
    comparisons: pd.DataFrame,
    documents: pd.DataFrame,
    *,
    title: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Facts × sources, each cell naming how the source's claim relates to the others' (the
    weightiest relation over all aspects), in words. An empty cell is a source that says
    nothing about the fact: silence, not disagreement."""
    table = agreement_table(claims, comparisons)
    facts = sorted(table["fact_key"].unique())
    columns = list(documents["doc_id"])
    ax = _ax(ax, (8.5, 0.55 * len(facts) + 2))
    for y, fact in enumerate(facts):
        for row in table[table["fact_key"] == fact].itertuples():
            x = columns.index(row.doc_id)
            relation = str(row.relation)
            ax.text(
                x,
                y,
                RELATION_LABELS[relation].replace(": ", ":\n"),
                ha="center",
                va="center",
                fontsize=MIN_FONT_SIZE,
                fontweight="bold" if relation == "conflict" else "normal",
                bbox={"boxstyle": "round", "fc": "0.92", "ec": "0.6"},
            )
    labels = short_labels(documents)
    ax.set_xticks(range(len(columns)), [labels[d] for d in columns])
    ax.xaxis.tick_top()
    ax.set_yticks(range(len(facts)), [plain(f) for f in facts])
    ax.set_xlim(-0.5, len(columns) - 0.5)
    ax.set_ylim(len(facts) - 0.5, -0.5)
    ax.spines[:].set_visible(False)
    ax.tick_params(length=0)
    if title:
        ax.set_title(plain(title), pad=40)
    counts = table["relation"].astype(str).value_counts()
    describe(
        ax,
        f"Grid{': ' + title if title else ''}. Rows: {len(facts)} facts stated by more than one "
        f"source ({', '.join(facts)}); columns: the {len(columns)} sources. Each filled cell "
        "names the relation of that source's claim to the others': "
        + ", ".join(f"{RELATION_LABELS[k]} {v}" for k, v in counts.items())
        + ". Empty cells are sources that say nothing about the fact.",
    )
    return ax
