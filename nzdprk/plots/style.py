"""The one chart style of the package, and the drawing aids every chart shares: the palette
(colour means the source document, nothing else), text sizes, the alternative text registry,
new axes, the legend below the chart and label placement without overlaps."""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

import matplotlib as mpl
import matplotlib.pyplot as plt

if TYPE_CHECKING:
    import pandas as pd
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

#: The ink of everything that is not a source: legend keys, arrows, notes.
GREY = "0.45"
_ALT: weakref.WeakKeyDictionary[Figure, str] = weakref.WeakKeyDictionary()


def use_style() -> None:
    """Apply the package's chart style (deterministic output included)."""
    mpl.rcParams.update(STYLE)


def describe(ax: Axes, text: str) -> None:
    """Record the chart's alternative text (what a reader who cannot see it needs to know)."""
    _ALT[ax.figure] = text


def alt_text(fig: Figure) -> str:
    """The alternative text recorded for a figure by the function that drew it."""
    return _ALT.get(fig, "")


def new_axes(ax: Axes | None, size: tuple[float, float] = (8.5, 4.5)) -> Axes:
    if ax is None:
        _, ax = plt.subplots(figsize=size, layout="constrained")
    return ax


def legend_below(ax: Axes, handles: list, ncols: int = 2) -> None:
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


def source_colours(documents: pd.DataFrame) -> dict[str, str]:
    """A fixed colour per document, in the order of the documents frame: the one meaning of
    colour in every chart."""
    return {d: PALETTE[i % len(PALETTE)] for i, d in enumerate(documents["doc_id"])}
