"""Every chart the project publishes: which function draws it from which frames, and for which
notebook. ``nzdprk figures --out figures`` writes them all, with a manifest that traces each
figure back to its notebook, function, frames and source documents."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

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
        "Facts stated by more than one source",
        "04-source-agreement.ipynb",
        "agreement_matrix",
        ("claims", "claim_comparisons", "documents"),
    ),
)


def write_figures(corpus: Corpus, folder: str | Path) -> pd.DataFrame:
    """Draw every figure into ``folder`` (SVG and PNG) and write ``manifest.csv``, which gives
    each figure's notebook, function, frames, source documents and alternative text.

    All files are replaced together and only files nzdprk wrote are touched (see
    `nzdprk.files`); a corpus without documents is refused, never drawn as empty charts."""
    import matplotlib.pyplot as plt
    import pandas as pd

    from . import plots
    from .corpus import require_documents
    from .files import write_files

    require_documents(corpus)
    rows, writers, drawn = [], {}, []
    try:
        for spec in FIGURES:
            fig = spec.draw(corpus)
            drawn.append(fig)
            files = plots.figure_writers(fig, spec.name)
            writers |= files
            docs = sorted(
                set().union(
                    *(_doc_ids(getattr(corpus, f)) for f in spec.frames if f != "documents")
                )
            )
            rows.append(
                {
                    "figure": spec.name,
                    "files": "; ".join(files),
                    "title": spec.title,
                    "notebook": f"notebooks/{spec.notebook}",
                    "function": f"nzdprk.plots.{spec.function}",
                    "options": "; ".join(f"{k}={v}" for k, v in spec.options.items()),
                    "frames": "; ".join(spec.frames),
                    "source_documents": "; ".join(docs),
                    "alt_text": plots.alt_text(fig),
                }
            )
        manifest = pd.DataFrame(rows)
        writers["manifest.csv"] = lambda p: manifest.to_csv(p, index=False, lineterminator="\n")
        write_files(folder, writers, group="figures")
    finally:
        for fig in drawn:
            plt.close(fig)
    return manifest


def _doc_ids(frame: pd.DataFrame) -> set[str]:
    return set(frame["doc_id"].dropna()) if "doc_id" in frame else set()
