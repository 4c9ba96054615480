"""Bounds of compared values (dates or amounts) and how two of them relate: the interval
algebra of `nzdprk.agreement` (data model §5).

Every comparison uses the *strict* bounds of the values: a missing bound is an open end ("since
1995"), a value with no bound at all cannot be compared.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from . import dates

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

Bounds = tuple[Any, Any]  # (low, high); None = open end or unknown
_DATE_BOUNDS = ["date_earliest", "date_latest"]


def missing(value: Any) -> bool:
    """True for None, NaN, NaT and pd.NA: the frames use all of them for 'unknown'. (Called for
    every bound of every pair, so it avoids pandas: NaN and NaT are the values unequal to
    themselves, and comparing pd.NA gives pd.NA, which has no truth value.)"""
    if value is None:
        return True
    try:
        return bool(value != value)
    except TypeError:
        return True


def number(value: Any) -> float:
    """A bound as a number, so dates (days) and amounts compare the same way."""
    return float(value.toordinal()) if hasattr(value, "toordinal") else float(value)


def shape_of(a: Bounds, b: Bounds) -> str:
    """How two closed intervals relate: unknown, equal, a_in_b, b_in_a, overlap or disjoint.

    A missing bound is an open end (minus or plus infinity); an interval with no bound at all
    is unknown, and an unknown interval relates to nothing.
    """
    if all(missing(v) for v in a) or all(missing(v) for v in b):
        return "unknown"
    (alo, ahi), (blo, bhi) = (
        (
            -math.inf if missing(lo) else number(lo),
            math.inf if missing(hi) else number(hi),
        )
        for lo, hi in (a, b)
    )
    if (alo, ahi) == (blo, bhi):
        return "equal"
    if ahi < blo or bhi < alo:
        return "disjoint"
    if blo <= alo and ahi <= bhi:
        return "a_in_b"
    if alo <= blo and bhi <= ahi:
        return "b_in_a"
    return "overlap"


def day_text(value: Any) -> str:
    return value.strftime("%Y-%m-%d")


def money_text(value: Any) -> str:
    return f"{float(value):,.2f}".rstrip("0").rstrip(".")


def span(bounds: Bounds, fmt: Callable[[Any], str]) -> str:
    """Bounds in words: '2007-11-20', '2000-01-01 to 2009-12-31', 'since 1995-01-01'; amounts
    'up to 8,500,000', 'at least 1,000,000'."""
    lo, hi = (None if missing(v) else v for v in bounds)
    money = fmt is money_text
    if lo is None and hi is None:
        return "no value"
    if lo is None:
        return f"{'up to' if money else 'until'} {fmt(hi)}"
    if hi is None:
        return f"{'at least' if money else 'since'} {fmt(lo)}"
    return fmt(lo) if lo == hi else f"{fmt(lo)} to {fmt(hi)}"


def open_note(a: Bounds, b: Bounds, fmt: Callable[[Any], str]) -> str:
    """Says which side is open-ended, because then only its known bound was compared."""
    notes = [
        f"{side} is open-ended ({span(bounds, fmt)})"
        for side, bounds in (("a", a), ("b", b))
        if any(missing(v) for v in bounds) and not all(missing(v) for v in bounds)
    ]
    return f"; {' and '.join(notes)}: compared on the known bound only" if notes else ""


def interval_relation(
    a: Bounds, b: Bounds, fmt: Callable[[Any], str], disjoint: tuple[str, str]
) -> tuple[str, str]:
    """The relation of two bounded values and its rationale (data model §5).

    Equal bounds agree; nested bounds differ in precision (the outer one is coarser); partly
    overlapping bounds also differ in precision, with a note; ``disjoint`` gives the relation
    and rationale for bounds that do not meet, which depends on what is compared.
    """
    shape = shape_of(a, b)
    sa, sb = span(a, fmt), span(b, fmt)
    if shape == "unknown":
        none = [side for side, bounds in (("a", a), ("b", b)) if all(missing(v) for v in bounds)]
        who = "neither side gives one" if len(none) == 2 else f"{none[0]} gives none"
        return "not_comparable", f"nothing to compare: {who}"
    if shape == "equal":
        relation, why = "agree", f"equal bounds: both give {sa}"
    elif shape in ("a_in_b", "b_in_a"):
        outer, inner = ("b", "a") if shape == "a_in_b" else ("a", "b")
        spans = {"a": sa, "b": sb}
        relation = "differ_precision"
        why = (
            f"nested bounds: {outer} ({spans[outer]}) contains {inner} ({spans[inner]}); "
            f"{outer} is coarser, the two are compatible"
        )
    elif shape == "overlap":
        relation = "differ_precision"
        why = (
            f"partial overlap: a ({sa}) and b ({sb}) share only part of their range, neither "
            "contains the other; compatible if the true value lies in the shared part"
        )
    else:
        relation, why = disjoint[0], f"disjoint bounds: a ({sa}) and b ({sb}) {disjoint[1]}"
    return relation, why + open_note(a, b, fmt)


#: How far apart (in days) the publication of two documents must be for two statements with no
#: date bound at all to be told apart: more than a year, so that neither could be the news of
#: the other's happening.
UNDATED_APART_DAYS = 366


def whole_unit_dates(events: pd.DataFrame) -> pd.DataFrame:
    """Event claims with each early, mid or late date widened to its whole unit ("the mid-2000s"
    compared as the 2000s): where a unit's parts split is a convention (`dates.whole_units`).
    Each distinct refined date is widened once, and the bounds are replaced column by column."""
    import pandas as pd

    if not {"date_refine", "date_precision"} <= set(events.columns):
        return events
    refined = (events["date_refine"].notna() & events["date_precision"].notna()).to_numpy()
    keys = [
        (*(None if missing(v) else v.date() for v in (lo, hi)), str(precision), str(refine))
        for lo, hi, precision, refine in events.loc[
            refined, [*_DATE_BOUNDS, "date_precision", "date_refine"]
        ].itertuples(index=False)
    ]
    wide = {key: dates.whole_units(*key) for key in set(keys)}
    out = events.copy()
    for i, column in enumerate(_DATE_BOUNDS):
        values = out[column].astype(object).to_numpy(copy=True)
        values[refined] = [
            pd.NaT if wide[key][i] is None else pd.Timestamp(wide[key][i]) for key in keys
        ]
        out[column] = pd.Series(values, index=out.index).astype(out[column].dtype)
    return out


def day_numbers(values: pd.Series) -> np.ndarray:
    """Dates as day numbers, NaN where unknown: `number` over a column (the same order and
    differences), so that dates are compared as whole columns."""
    import numpy as np
    import pandas as pd

    stamps = pd.to_datetime(values.reset_index(drop=True)).to_numpy()
    days = stamps.astype("datetime64[D]").astype("int64").astype(float)
    return np.where(np.isnat(stamps), np.nan, days)


def shapes(a: tuple[np.ndarray, np.ndarray], b: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    """`shape_of` over columns: ``a`` and ``b`` are (low, high) arrays of numbers, NaN where a
    bound is missing; one shape per element."""
    import numpy as np

    unknown = (np.isnan(a[0]) & np.isnan(a[1])) | (np.isnan(b[0]) & np.isnan(b[1]))
    alo, blo = (np.where(np.isnan(lo), -np.inf, lo) for lo in (a[0], b[0]))
    ahi, bhi = (np.where(np.isnan(hi), np.inf, hi) for hi in (a[1], b[1]))
    return np.select(
        [
            unknown,
            (alo == blo) & (ahi == bhi),
            (ahi < blo) | (bhi < alo),
            (blo <= alo) & (ahi <= bhi),
            (alo <= blo) & (bhi <= ahi),
        ],
        ["unknown", "equal", "disjoint", "a_in_b", "b_in_a"],
        "overlap",
    )


def interval_relations(
    a: tuple[np.ndarray, np.ndarray],
    b: tuple[np.ndarray, np.ndarray],
    spans: tuple[np.ndarray, np.ndarray],
    disjoint: tuple[str, np.ndarray],
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """`interval_relation` over columns, one element per pair, in the same words: (shapes,
    relations, rationales). ``a`` and ``b`` are bounds as numbers, NaN where missing
    (`day_numbers`); ``spans`` the `span` text of each side's bounds (object arrays);
    ``disjoint`` the relation and the rationales (per pair) of bounds that do not meet."""
    import numpy as np

    shape = shapes(a, b)
    sa, sb = spans
    none_a, none_b = (np.isnan(lo) & np.isnan(hi) for lo, hi in (a, b))
    nothing = np.where(
        none_a & none_b, "neither side gives one", np.where(none_a, "a", "b") + " gives none"
    )
    both = "a (" + sa + ") and b (" + sb + ")"
    why = np.select(
        [shape == s for s in ("unknown", "equal", "a_in_b", "b_in_a", "overlap")],
        [
            "nothing to compare: " + nothing.astype(object),
            "equal bounds: both give " + sa,
            "nested bounds: b ("
            + sb
            + ") contains a ("
            + sa
            + "); b is coarser, the two are compatible",
            "nested bounds: a ("
            + sa
            + ") contains b ("
            + sb
            + "); a is coarser, the two are compatible",
            "partial overlap: " + both + " share only part of their range, neither contains the "
            "other; compatible if the true value lies in the shared part",
        ],
        "disjoint bounds: " + both + " " + disjoint[1],
    )
    relation = np.select(
        [shape == "unknown", shape == "equal", shape == "disjoint"],
        ["not_comparable", "agree", disjoint[0]],
        "differ_precision",
    )
    return shape, relation, np.where(shape == "unknown", why, why + _open_notes(a, b, spans))


def _open_notes(
    a: tuple[np.ndarray, np.ndarray],
    b: tuple[np.ndarray, np.ndarray],
    spans: tuple[np.ndarray, np.ndarray],
) -> np.ndarray:
    """`open_note` over columns: which sides are open-ended, or ''."""
    import numpy as np

    open_a, open_b = (np.isnan(lo) != np.isnan(hi) for lo, hi in (a, b))
    note_a, note_b = ("a is open-ended (" + spans[0] + ")", "b is open-ended (" + spans[1] + ")")
    notes = np.select(
        [open_a & open_b, open_a, open_b], [note_a + " and " + note_b, note_a, note_b], ""
    )
    return np.where(open_a | open_b, "; " + notes + ": compared on the known bound only", "")
