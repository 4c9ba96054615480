"""Charts drawn from the package's frames. Each function takes tidy frames and ``ax=None``,
draws one idea and returns the Axes; the style is set once, in `use_style`.

Uncertainty is drawn, never hidden: a date is a bar from its first to its last possible day
(strict bounds), an open end runs to the edge of the chart with an arrow, and a date that had
to be anchored to the document's date is drawn hollow. Colours identify source documents
(Okabe–Ito palette, readable with colour-vision deficiencies).

matplotlib is imported here only, so ``import nzdprk`` stays light.
"""

from __future__ import annotations

import csv
from functools import cache, partial
from importlib import resources
from typing import TYPE_CHECKING

import matplotlib as mpl
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd

from .dates import edtf_bounds

if TYPE_CHECKING:
    from matplotlib.axes import Axes

#: Okabe & Ito (2008) colour-blind-safe palette, in a fixed order.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")

STYLE = {
    "figure.figsize": (10, 5),
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "legend.frameon": False,
    "svg.hashsalt": "nzdprk",  # fixed ids inside SVG files, so charts are byte-identical
    "svg.fonttype": "path",
    "path.simplify": False,
}


def use_style() -> None:
    """Apply the package's chart style (deterministic output included)."""
    mpl.rcParams.update(STYLE)


def setup_notebook() -> None:
    """Style plus inline SVG charts without a date stamp, so notebooks re-run identically."""
    use_style()
    from IPython import get_ipython

    shell = get_ipython()
    if shell is not None:
        shell.run_line_magic("matplotlib", "inline")
        shell.run_line_magic("config", "InlineBackend.figure_formats = ['svg']")
        shell.run_line_magic(
            "config",
            "InlineBackend.print_figure_kwargs = "
            "{'bbox_inches': 'tight', 'metadata': {'Date': None, 'Creator': None}}",
        )


@cache
def eras() -> tuple[dict[str, str], ...]:
    """Periods used to shade timelines (``data/eras.csv``): an interpretation for teaching,
    dated from the sources; not a statement of any source."""
    with resources.files("nzdprk").joinpath("data/eras.csv").open(encoding="utf-8") as f:
        return tuple(csv.DictReader(f))


def source_colours(documents: pd.DataFrame) -> dict[str, str]:
    """A fixed colour per document, in the order of the documents frame."""
    return {d: PALETTE[i % len(PALETTE)] for i, d in enumerate(documents["doc_id"])}


def source_labels(documents: pd.DataFrame) -> dict[str, str]:
    """Short legend labels: kind, who and when (or how the date is known)."""
    labels = {}
    for row in documents.itertuples():
        if row.doc_type == "press_release":
            who = row.ministers if isinstance(row.ministers, str) else "press release"
            labels[row.doc_id] = f"Press release, {who}, {row.published_edtf}"
        elif row.doc_type == "encyclopedia_article":
            labels[row.doc_id] = f"Encyclopedia article ({_date_label(row)})"
        else:
            labels[row.doc_id] = f"News article ({_date_label(row)})"
    return labels


def short_labels(documents: pd.DataFrame) -> dict[str, str]:
    """Two-line labels for chart columns: "Goff\n2000-09-19", "News article\n≥ 2024-05"."""
    labels = {}
    for row in documents.itertuples():
        if row.doc_type == "press_release" and isinstance(row.ministers, str):
            who = row.ministers.split(";")[0].split()[-1]
            labels[row.doc_id] = f"{who}\n{row.published_edtf}"
        else:
            kind = "Encyclopedia" if row.doc_type == "encyclopedia_article" else "News article"
            if row.published_resolution == "inferred" and not pd.isna(row.published_earliest):
                labels[row.doc_id] = f"{kind}\n≥ {row.published_earliest:%Y-%m}"
            else:
                labels[row.doc_id] = f"{kind}\n{_date_label(row)}"
    return labels


def _date_label(row) -> str:
    if row.published_resolution == "inferred" and not pd.isna(row.published_earliest):
        return f"undated, on or after {row.published_earliest:%Y-%m}"
    return str(row.published_edtf) if isinstance(row.published_edtf, str) else "undated"


def _ax(ax: Axes | None, size: tuple[float, float] = (10, 5)) -> Axes:
    if ax is None:
        _, ax = plt.subplots(figsize=size, layout="constrained")
    return ax


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
    """Dated events, one row per PLOVER event type, as intervals over their strict bounds.

    Planned events (``aux_mode == "future"``) are left out: a plan is not an event. With
    ``numbered``, each mark carries the row number of `timeline_table` for the same frames.
    """
    ax = _ax(ax)
    table = timeline_table(events, documents, start=start, end=end)
    lo = pd.Timestamp(start) if start else table["earliest"].min() - pd.Timedelta(days=365)
    last = pd.concat([table["earliest"], table["latest"]]).max()
    hi = pd.Timestamp(end) if end else last + pd.Timedelta(days=365)
    _shade_eras(ax, lo, hi)
    types = sorted(table["event_type"].unique())
    colours = source_colours(documents)
    labels = source_labels(documents)
    for y, kind in enumerate(types):
        rows = table[table["event_type"] == kind].reset_index(drop=True)
        for k, row in rows.iterrows():
            offset = y + ((k % 5) - 2) * 0.13
            _interval(ax, row, offset, colours[row["doc_id"]], lo, hi)
            if numbered:
                x = max(row["earliest"] if not pd.isna(row["earliest"]) else lo, lo)
                ax.annotate(
                    str(row["ref"]),
                    (x, offset),
                    xytext=(0, 3),
                    textcoords="offset points",
                    fontsize=7,
                    ha="center",
                )
    ax.set_yticks(range(len(types)), types)
    ax.set_ylim(-0.7, len(types) - 0.3)
    ax.set_xlim(lo, hi)
    ax.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=5, maxticks=12))
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
    handles = [
        mpl.lines.Line2D([], [], color=colours[d], lw=4, label=labels[d])
        for d in documents["doc_id"]
        if d in set(table["doc_id"])
    ]
    handles += [
        mpl.lines.Line2D([], [], color="grey", marker="o", ls="", label="explicit date"),
        mpl.lines.Line2D(
            [],
            [],
            color="grey",
            marker="o",
            ls="",
            mfc="white",
            label="anchored to the document's date",
        ),
        mpl.lines.Line2D([], [], color="grey", marker=">", ls="-", label="open end (since …)"),
    ]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8)
    ax.set_xlabel("date (bars span the first to the last possible day)")
    if title:
        ax.set_title(title)
    return ax


def _interval(
    ax: Axes, row: pd.Series, y: float, colour: str, lo: pd.Timestamp, hi: pd.Timestamp
) -> None:
    """One date as a bar over its bounds; a list of dates ("1974 and 1978") as one bar each."""
    when = str(row["when"])
    if when.startswith("{") or (when.startswith("[") and ".." not in when):
        for element in when.strip("{}[]").split(","):
            first, last = edtf_bounds(element.strip())
            part = row.copy()
            part["when"] = element.strip()
            part["earliest"], part["latest"] = pd.Timestamp(first), pd.Timestamp(last)
            _interval(ax, part, y, colour, lo, hi)
        return
    first, last = row["earliest"], row["latest"]
    hollow = row["resolution"] == "anchored"
    left = lo if pd.isna(first) else max(first, lo)
    right = hi if pd.isna(last) else min(last + pd.Timedelta(days=1), hi)
    ax.plot([left, right], [y, y], color=colour, lw=4, solid_capstyle="butt", alpha=0.8)
    middle = left + (right - left) / 2
    fill = "white" if hollow else colour
    ax.plot([middle], [y], marker="o", ms=5, color=colour, mfc=fill, zorder=3)
    if pd.isna(last):
        ax.plot([right], [y], marker=">", color=colour, ms=6, clip_on=False)
    if pd.isna(first):
        ax.plot([left], [y], marker="<", color=colour, ms=6, clip_on=False)


def _shade_eras(ax: Axes, lo: pd.Timestamp, hi: pd.Timestamp) -> None:
    """Shade the periods of `eras`, each labelled inside its band."""
    for i, era in enumerate(eras()):
        a = pd.Timestamp(era["start"])
        b = pd.Timestamp(era["end"]) if era["end"] else hi
        if b < lo or a > hi:
            continue
        ax.axvspan(max(a, lo), min(b, hi), color="0.93" if i % 2 else "0.87", zorder=0, lw=0)
        ax.text(
            max(a, lo),
            0.01,
            " " + era["label"],
            transform=ax.get_xaxis_transform(),
            fontsize=7,
            va="bottom",
            ha="left",
            rotation=90,
            color="0.35",
            zorder=1,
        )


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


def precision_counts(
    events: pd.DataFrame,
    documents: pd.DataFrame,
    *,
    title: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """How precisely each source dates what it reports: events by date precision and source
    (unresolved dates included), as stacked horizontal bars."""
    ax = _ax(ax, (9, 3.5))
    e = events.assign(precision=events["date_precision"].astype(object).fillna("no date"))
    e.loc[e["date_resolution"] == "unresolved", "precision"] = "unresolved"
    order = ["day", "month", "season", "year", "decade", "century", "unresolved", "no date"]
    counts = pd.crosstab(e["doc_id"], e["precision"]).reindex(columns=order, fill_value=0)
    counts = counts.reindex(documents["doc_id"], fill_value=0)
    labels = source_labels(documents)
    left = pd.Series(0, index=counts.index)
    greys = dict(
        zip(
            order,
            [
                "#08306b",
                "#2171b5",
                "#6baed6",
                "#9ecae1",
                "#c6dbef",
                "#deebf7",
                "#fdae6b",
                "#d9d9d9",
            ],
            strict=True,
        )
    )
    for p in order:
        ax.barh([labels[d] for d in counts.index], counts[p], left=left, color=greys[p], label=p)
        left = left + counts[p]
    ax.invert_yaxis()
    ax.set_xlabel("number of events")
    ax.legend(ncols=4, loc="upper left", bbox_to_anchor=(0, -0.25), fontsize=8)
    if title:
        ax.set_title(title)
    return ax


def save(fig: mpl.figure.Figure, stem: str, folder) -> list:
    """Write ``stem.svg`` and ``stem.png`` with no time stamps or version strings, so the
    same data always give the same bytes; each file is replaced atomically, and nothing
    else in the folder is touched (see `nzdprk.files`)."""
    from .files import write_files

    return write_files(folder, figure_writers(fig, stem), group=f"figure:{stem}")


def figure_writers(fig: mpl.figure.Figure, stem: str) -> dict:
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

    When is the date of what was said if the text gives one, else the date of the document
    (a lower bound, if that date is only inferred); statements that cannot be placed are kept
    with an empty date."""
    names = actors.set_index("actor_id")
    speaking = set(names.index[names["actor_kind"].isin(kinds)])
    said = events[events["attributed_to"].isin(speaking)]
    docs = documents.set_index("doc_id")
    rows = []
    for (doc_id, speaker), group in said.groupby(["doc_id", "attributed_to"], sort=True):
        dated = group[
            group["date_resolution"].isin(["explicit", "anchored"]) & group["date_earliest"].notna()
        ]
        if len(dated):
            when, basis = dated["date_earliest"].min(), "date in the text"
        elif not pd.isna(docs.loc[doc_id, "published_earliest"]):
            when = docs.loc[doc_id, "published_earliest"]
            basis = f"document date ({docs.loc[doc_id, 'published_resolution']})"
        else:
            when, basis = pd.NaT, "cannot be placed"
        rows.append(
            {
                "speaker_id": speaker,
                "speaker": names.loc[speaker, "canonical_name"]
                if speaker in names.index
                else speaker,
                "country": names.loc[speaker, "country_code"] if speaker in names.index else None,
                "doc_id": doc_id,
                "n_statements": len(group),
                "when": when,
                "basis": basis,
            }
        )
    return pd.DataFrame(rows).sort_values(
        ["country", "when", "speaker"], na_position="last", ignore_index=True
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
    """Who speaks for each country, and when: a dot per speaker and document (hollow when the
    date is only a lower bound), over grey bars for the offices the speakers held."""
    ax = _ax(ax, (10, 4.5))
    table = speaker_table(events, actors, documents).dropna(subset=["when"])
    people = list(dict.fromkeys(table["speaker_id"]))
    colours = source_colours(documents)
    lo = min(table["when"].min(), offices.loc[offices["actor_id"].isin(people), "start"].min())
    hi = table["when"].max() + pd.Timedelta(days=365)
    for y, speaker in enumerate(people):
        for term in offices[offices["actor_id"] == speaker].dropna(subset=["start"]).itertuples():
            start = term.start
            end = hi if pd.isna(term.end) else term.end
            ax.plot([start, end], [y, y], color="0.8", lw=8, solid_capstyle="butt", zorder=1)
            ax.annotate(
                term.office,
                (start, y),
                xytext=(2, 6),
                textcoords="offset points",
                fontsize=6,
                color="0.4",
            )
        for row in table[table["speaker_id"] == speaker].itertuples():
            lower = "inferred" in row.basis
            ax.plot(
                [row.when],
                [y],
                marker="o",
                ms=7,
                color=colours[row.doc_id],
                mfc="white" if lower else colours[row.doc_id],
                zorder=3,
            )
    labels = table.drop_duplicates("speaker_id").set_index("speaker_id")
    ax.set_yticks(
        range(len(people)),
        [f"{labels.loc[p, 'speaker']} ({labels.loc[p, 'country'] or '–'})" for p in people],
    )
    ax.set_xlim(lo - pd.Timedelta(days=365), hi)
    ax.invert_yaxis()
    source = source_labels(documents)
    handles = [
        mpl.lines.Line2D([], [], color=colours[d], marker="o", ls="", label=source[d])
        for d in documents["doc_id"]
        if d in set(table["doc_id"])
    ]
    handles.append(mpl.lines.Line2D([], [], color="0.8", lw=8, label="office held (offices.csv)"))
    handles.append(
        mpl.lines.Line2D(
            [], [], color="grey", marker="o", mfc="white", ls="", label="date is a lower bound"
        )
    )
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8)
    if title:
        ax.set_title(title)
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
    document, darker for more mentions."""
    m = mentions.merge(actors[["actor_id", "actor_kind", "canonical_name"]], on="actor_id")
    m = m[m["actor_kind"].isin(kinds)]
    counts = pd.crosstab(m["canonical_name"], m["doc_id"]).reindex(
        columns=list(documents["doc_id"]), fill_value=0
    )
    counts = counts.loc[counts.sum(axis=1).sort_values(ascending=False, kind="stable").index]
    ax = _ax(ax, (8, 0.28 * len(counts) + 1.5))
    ax.imshow(counts.to_numpy(), cmap="Blues", aspect="auto", vmin=0)
    labels = short_labels(documents)
    ax.set_xticks(range(len(counts.columns)), [labels[d] for d in counts.columns], fontsize=7)
    ax.set_yticks(range(len(counts)), counts.index, fontsize=7)
    for (i, j), n in pd.DataFrame(counts.to_numpy()).stack().items():
        if n:
            ax.text(
                j,
                i,
                str(n),
                ha="center",
                va="center",
                fontsize=6,
                color="white" if n > counts.to_numpy().max() / 2 else "black",
            )
    ax.spines[:].set_visible(False)
    if title:
        ax.set_title(title)
    return ax


CHANNEL_COLOURS = {
    "bilateral": PALETTE[0],
    "multilateral": PALETTE[2],
    "ngo": PALETTE[4],
    "mixed": PALETTE[3],
    "unknown": "0.4",
}


def aid_chart(
    aid_flows: pd.DataFrame,
    documents: pd.DataFrame,
    *,
    title: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Aid amounts as the sources give them, never as yearly flows.

    A cumulative total is a line at its amount across its period, ending at the date it is
    "as of"; an amount whose period is unknown stands alone at the earliest date its source
    could have been written, with an arrow: it could be later. The vertical bar is the range the
    words allow ("almost" = up to the figure, lower end unknown: arrow down). Promises without
    an amount sit on the axis. Colours show the channel."""
    ax = _ax(ax, (10, 4.5))
    docs = documents.set_index("doc_id")
    millions = 1e6
    for row in aid_flows.itertuples():
        colour = CHANNEL_COLOURS[row.channel_kind]
        if pd.isna(row.amount) and pd.isna(row.amount_max):
            when = docs.loc[row.doc_id, "published_earliest"]
            ax.plot([when], [0], marker="D", color=colour, ms=6, clip_on=False)
            continue
        value = row.amount if not pd.isna(row.amount) else row.amount_max
        start, end = row.period_earliest, row.as_of_date
        if pd.isna(end):
            end = docs.loc[row.doc_id, "published_earliest"]
            ax.annotate(
                "",
                xy=(end + pd.Timedelta(days=900), value / millions),
                xytext=(end, value / millions),
                arrowprops={"arrowstyle": "->", "color": colour, "ls": "--"},
            )
        if not pd.isna(start):
            ax.plot([start, end], [value / millions] * 2, color=colour, lw=3)
        ax.plot([end], [value / millions], marker="o", color=colour, ms=6)
        low = row.amount_min
        high = row.amount_max
        if pd.isna(low) or pd.isna(high) or low != high:
            bottom = 0 if pd.isna(low) else low / millions
            top = value / millions if pd.isna(high) else high / millions
            ax.plot([end, end], [bottom, top], color=colour, lw=1)
            if pd.isna(low):
                ax.plot([end], [bottom], marker="v", color=colour, ms=6)
        qualifier = "" if row.amount_qualifier == "exact" else f"{row.amount_qualifier} "
        if isinstance(row.period_text, str):
            label = f"{qualifier}{row.amount_text}, {row.period_text}, as of {end:%Y-%m-%d}"
        else:
            label = f"{qualifier}{row.amount_text}: period and as-of date not stated"
        ax.annotate(
            label.replace("_", " "),
            (end, value / millions),
            xytext=(-6, 6),
            textcoords="offset points",
            fontsize=8,
            ha="right",
        )
    promises = aid_flows[aid_flows["amount"].isna() & aid_flows["amount_max"].isna()]
    for doc_id, group in promises.groupby("doc_id"):
        when = docs.loc[doc_id, "published_earliest"]
        ax.annotate(
            f"{len(group)} promise(s), no amount",
            (when, 0),
            xytext=(6, 8),
            textcoords="offset points",
            fontsize=8,
        )
    left, right = ax.get_xlim()
    ax.set_xlim(left, right + 3 * 365)
    ax.set_ylabel("amount stated (millions, as written)")
    ax.set_ylim(bottom=0)
    ax.xaxis.set_major_locator(mdates.YearLocator(5))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    handles = [
        mpl.lines.Line2D([], [], color=c, lw=3, label=f"channel: {k}")
        for k, c in CHANNEL_COLOURS.items()
        if k in set(aid_flows["channel_kind"])
    ]
    handles += [
        mpl.lines.Line2D(
            [], [], color="grey", lw=3, marker="o", label="cumulative total: period → as-of date"
        ),
        mpl.lines.Line2D(
            [], [], color="grey", marker="v", ls="", label="lower end unknown ('almost')"
        ),
        mpl.lines.Line2D([], [], color="grey", marker="D", ls="", label="promise, no amount"),
    ]
    ax.legend(handles=handles, loc="upper left", fontsize=8)
    if title:
        ax.set_title(title)
    return ax


RELATION_COLOURS = {
    "conflict": "#D55E00",
    "differ_scope": "#E69F00",
    "differ_precision": "#56B4E9",
    "agree": "#009E73",
    "not_comparable": "0.75",
    "single source": "0.45",
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
    """Facts × sources, coloured by how each source's claim relates to the others' (the
    weightiest relation over all aspects). An empty cell is a source that says nothing about
    the fact: silence, not disagreement."""
    table = agreement_table(claims, comparisons)
    facts = sorted(table["fact_key"].unique())
    columns = list(documents["doc_id"])
    ax = _ax(ax, (9, 0.5 * len(facts) + 2))
    for y, fact in enumerate(facts):
        for row in table[table["fact_key"] == fact].itertuples():
            x = columns.index(row.doc_id)
            ax.scatter([x], [y], s=260, marker="s", color=RELATION_COLOURS[str(row.relation)])
    labels = short_labels(documents)
    ax.set_xticks(range(len(columns)), [labels[d] for d in columns], fontsize=7)
    ax.set_yticks(range(len(facts)), facts, fontsize=8)
    ax.set_xlim(-0.5, len(columns) - 0.5)
    ax.set_ylim(len(facts) - 0.5, -0.5)
    ax.grid(True, color="0.9")
    ax.set_axisbelow(True)
    handles = [
        mpl.lines.Line2D([], [], color=c, marker="s", ls="", ms=10, label=k)
        for k, c in RELATION_COLOURS.items()
        if k != "single source"
    ]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8)
    if title:
        ax.set_title(title)
    return ax
