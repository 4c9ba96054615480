"""Charts and tables in a notebook: the set-up a lesson runs first, and `show`, which gives a
chart as a PNG with its alternative text and closes the figure."""

from __future__ import annotations

import base64
import io
from html import escape
from typing import TYPE_CHECKING

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd

from .style import alt_text, use_style

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure


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
