"""Charts of who and how precisely: date precision by source, who speaks and when, who is
named in which source, and which sources agree on a fact."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import matplotlib as mpl
import pandas as pd

from ..labels import plain, short_labels, source_labels
from .style import MIN_FONT_SIZE, declutter, describe, legend_below, new_axes, source_colours
from .tables import agreement_table, precision_table, speaker_table

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.text import Text

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


RELATION_LABELS = {
    "conflict": "CONFLICT",
    "differ_scope": "differ: scope",
    "differ_precision": "differ: precision",
    "agree": "agree",
    "not_comparable": "not comparable",
}


def precision_counts(
    data: pd.DataFrame,
    documents: pd.DataFrame,
    *,
    title: str | None = None,
    ax: Axes | None = None,
    **kwargs: Any,
) -> Axes:
    """How precisely each source dates what it reports: events by date precision and source,
    as stacked horizontal bars; phrases not placed and events with no date phrase apart."""
    ax = new_axes(ax, (8.5, 4.2))
    counts = precision_table(data, documents)
    labels = short_labels(documents)
    names = [labels[d].replace("\n", ", ") for d in counts.index]
    left = pd.Series(0, index=counts.index)
    for p, style in PRECISION_STYLE.items():
        ax.barh(names, counts[p], left=left, label=p, lw=0.8, **{"edgecolor": "black", **style})
        left = left + counts[p]
    ax.invert_yaxis()
    ax.set_xlabel("number of events")
    legend_below(ax, ax.get_legend_handles_labels()[0], ncols=3)
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
    ax.set(**kwargs)
    return ax


def speakers(
    data: pd.DataFrame,
    actors: pd.DataFrame,
    offices: pd.DataFrame,
    documents: pd.DataFrame,
    *,
    title: str | None = None,
    ax: Axes | None = None,
    **kwargs: Any,
) -> Axes:
    """Who speaks for each country, and when: a dot per speaker and source at the source's own
    date (a statement is made on or before it), over grey bars for the offices the speakers
    held. Statements in sources without a date of their own are left off, and counted."""
    full = speaker_table(data, actors, documents)
    table = full.dropna(subset=["when"])
    people = list(dict.fromkeys(table["speaker_id"]))
    ax = new_axes(ax, (8.5, 0.5 * len(people) + 2.4))
    colours = source_colours(documents)
    terms = offices[offices["actor_id"].isin(people)].dropna(subset=["start"])
    lo = min([table["when"].min(), *terms["start"]]) - pd.Timedelta(days=365)
    hi = table["when"].max() + pd.Timedelta(days=2 * 365)
    names = _draw_speakers(ax, table, terms, people, (lo, hi), colours)
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
    legend_below(ax, handles, ncols=1)
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
    ax.set(**kwargs)
    return ax


def _draw_speakers(
    ax: Axes,
    table: pd.DataFrame,
    terms: pd.DataFrame,
    people: list[str],
    window: tuple[pd.Timestamp, pd.Timestamp],
    colours: dict[str, str],
) -> list[Text]:
    """A row per speaker: grey bars for the offices held (named), a dot per source at its
    date. Returns the office names, to be placed apart."""
    lo, hi = window
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
    return names


def mentions_matrix(
    data: pd.DataFrame,
    actors: pd.DataFrame,
    documents: pd.DataFrame,
    *,
    kinds: tuple[str, ...] = ("person",),
    title: str | None = None,
    ax: Axes | None = None,
    **kwargs: Any,
) -> Axes:
    """Who is mentioned in which source: mention counts, actors (of the given kinds) by
    document, darker grey for more mentions."""
    m = data.merge(actors[["actor_id", "actor_kind", "canonical_name"]], on="actor_id")
    m = m[m["actor_kind"].isin(kinds)]
    counts = pd.crosstab(m["canonical_name"], m["doc_id"]).reindex(
        columns=list(documents["doc_id"]), fill_value=0
    )
    counts = counts.loc[counts.sum(axis=1).sort_values(ascending=False, kind="stable").index]
    ax = new_axes(ax, (7.5, 0.3 * len(counts) + 2))
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
    ax.set(**kwargs)
    return ax


def agreement_matrix(
    claims: pd.DataFrame,
    comparisons: pd.DataFrame,
    documents: pd.DataFrame,
    *,
    title: str | None = None,
    ax: Axes | None = None,
    **kwargs: Any,
) -> Axes:
    """Facts × sources, each cell naming how the source's claim relates to the others' (the
    weightiest relation over all aspects), in words. An empty cell is a source that says
    nothing about the fact: silence, not disagreement."""
    table = agreement_table(claims, comparisons)
    facts = sorted(table["fact_key"].unique())
    columns = list(documents["doc_id"])
    ax = new_axes(ax, (8.5, 0.55 * len(facts) + 2))
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
        f"Grid{': ' + title if title else ''}. Rows: {len(facts)} happenings stated by more than "
        f"one source ({', '.join(facts)}); columns: the {len(columns)} sources. Each filled cell "
        "names the relation of that source's claim to the others': "
        + ", ".join(f"{RELATION_LABELS[k]} {v}" for k, v in counts.items())
        + ". Empty cells are sources that say nothing about the happening.",
    )
    ax.set(**kwargs)
    return ax
