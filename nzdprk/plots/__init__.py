"""Charts drawn from the package's frames. Each chart function takes the tidy frame it draws
first (``data``), then the frames it labels with (``documents``...), and ``ax=None``; it draws
one idea and returns the Axes. Extra keyword arguments go to ``Axes.set`` (``xlabel=``,
``ylim=``...). The style is set once, in `use_style`.

The charts never claim more than the data:

* a date is a bar from its first to its last possible day (strict bounds), never a dot at an
  invented middle; a bar is at least as wide as the pen, so a single day stays visible;
* an open period ("since 1995") ends at the day its source speaks from, marked ``|``; when that
  day is itself only a lower bound, a dotted stub with an arrow says "at least until here";
  an unknown start is a dotted stub with an arrow to the left, never a bar to the chart's edge;
* a date whose year or day was supplied by a rule (anchored or inferred) is drawn hollow;
* an amount with no stated date is drawn apart from the time axis, never at the date of a
  revision of its source.

Colour has one meaning in every chart of the package: the source document (Okabe–Ito palette,
readable with colour-vision deficiencies). Everything else is told by shape, grey and words.
Text is 10 pt or larger at the size the chart is shown, labels from the data are drawn as plain
text (a ``$`` in a name is never read as mathematics), and labels that would collide are
moved apart.

The package is in parts: `style` (palette, sizes, alternative text, label placement), `tables`
(the frames behind the charts, and `show_table`), `notebook` (lesson set-up, `show`), and one
module per kind of chart. matplotlib is imported here only, so ``import nzdprk`` stays light;
writing charts to files is `nzdprk.export.save_figure`.
"""

from ..labels import eras, plain, short_labels, source_labels
from .aid import MEASURE_MARKERS, aid_chart
from .charts import (
    PRECISION_STYLE,
    RELATION_LABELS,
    agreement_matrix,
    mentions_matrix,
    precision_counts,
    speakers,
)
from .notebook import Chart, png_bytes, setup_notebook, show
from .style import (
    BOTH_WAYS,
    DOWNWARDS,
    GREY,
    MAX_WIDTH_PX,
    MIN_FONT_SIZE,
    PALETTE,
    STYLE,
    alt_text,
    declutter,
    describe,
    source_colours,
    use_style,
)
from .tables import (
    PRECISIONS,
    UNKNOWN,
    agreement_table,
    precision_table,
    show_table,
    speaker_table,
    timeline_table,
)
from .timeline import timeline

__all__ = [
    "BOTH_WAYS",
    "DOWNWARDS",
    "GREY",
    "MAX_WIDTH_PX",
    "MEASURE_MARKERS",
    "MIN_FONT_SIZE",
    "PALETTE",
    "PRECISIONS",
    "PRECISION_STYLE",
    "RELATION_LABELS",
    "STYLE",
    "UNKNOWN",
    "Chart",
    "agreement_matrix",
    "agreement_table",
    "aid_chart",
    "alt_text",
    "declutter",
    "describe",
    "eras",
    "mentions_matrix",
    "plain",
    "png_bytes",
    "precision_counts",
    "precision_table",
    "setup_notebook",
    "short_labels",
    "show",
    "show_table",
    "source_colours",
    "source_labels",
    "speaker_table",
    "speakers",
    "timeline",
    "timeline_table",
    "use_style",
]
