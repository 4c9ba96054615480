"""Every chart the project publishes: which function draws it from which frames, and for which
notebook: the catalogue that `nzdprk.export.write_figures` (``nzdprk figures``) draws from."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .corpus import Corpus


@dataclass(frozen=True, slots=True)
class FigureSpec:
    """One published chart: ``function(*frames, **options)`` as a notebook would call it."""

    name: str
    title: str
    notebook: str
    function: str
    frames: tuple[str, ...]
    options: dict[str, Any] = field(default_factory=dict)

    def draw(self, corpus: Corpus):
        """Draw the chart on a new figure and return the figure."""
        from . import plots

        plots.use_style()
        draw: Callable[..., Any] = getattr(plots, self.function)
        ax = draw(*(getattr(corpus, f) for f in self.frames), title=self.title, **self.options)
        return ax.figure


FIGURES = (
    FigureSpec(
        "timeline-overview",
        "Dated events in the sources",
        "01-timeline.ipynb",
        "timeline",
        ("events", "documents"),
    ),
    FigureSpec(
        "timeline-2000-2007",
        "Rapprochement to re-engagement, 2000–2007",
        "01-timeline.ipynb",
        "timeline",
        ("events", "documents"),
        {"start": "1999-07-01", "end": "2008-06-30", "numbered": True},
    ),
    FigureSpec(
        "date-precision",
        "How precisely each source dates what it reports",
        "01-timeline.ipynb",
        "precision_counts",
        ("events", "documents"),
    ),
    FigureSpec(
        "mentions",
        "Who is named in which source",
        "02-names.ipynb",
        "mentions_matrix",
        ("mentions", "actors", "documents"),
    ),
    FigureSpec(
        "speakers",
        "Who speaks in the sources, and when",
        "02-names.ipynb",
        "speakers",
        ("events", "actors", "offices", "documents"),
    ),
    FigureSpec(
        "aid",
        "Aid as the sources state it",
        "03-aid-flows.ipynb",
        "aid_chart",
        ("aid_flows", "documents"),
    ),
    FigureSpec(
        "agreement",
        "Happenings stated by more than one source",
        "04-source-agreement.ipynb",
        "agreement_matrix",
        ("claims", "claim_comparisons", "documents"),
    ),
)
