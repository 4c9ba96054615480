"""Which event rows are happenings to draw or count: dated, not planned, and each happening
once, at its most precise telling (a retelling names that row in ``same_as``). The timeline
chart, its table, the TimelineJS file and the findings all read the events through this."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd


def dated_happenings(events: pd.DataFrame) -> pd.DataFrame:
    """The rows of ``events`` that are dated, not planned, and no retelling of another row (a
    frame without ``same_as``, written before the column existed, keeps every such row)."""
    keep = (events["aux_mode"] != "future") & events["date_edtf"].notna()
    if "same_as" in events.columns:
        keep &= events["same_as"].isna()
    return events[keep]
