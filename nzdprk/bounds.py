"""Bounds of compared values (dates or amounts) and how two of them relate: the interval
algebra of `nzdprk.agreement` (data model §5).

Every comparison uses the *strict* bounds of the values: a missing bound is an open end ("since
1995"), a value with no bound at all cannot be compared.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from . import dates

if TYPE_CHECKING:
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


def undated_far_apart(a: Mapping[str, Any], b: Mapping[str, Any], published: Mapping) -> bool:
    """Whether two claims give no date bound at all (``date_earliest``/``date_latest``) and
    come from documents whose ``published`` days (by ``doc_id``) lie more than
    `UNDATED_APART_DAYS` apart: then nothing ties them to one happening."""
    bounds = ("date_earliest", "date_latest")
    if not all(missing(claim.get(k)) for claim in (a, b) for k in bounds):
        return False
    days = [published.get(a["doc_id"]), published.get(b["doc_id"])]
    if any(missing(d) for d in days):
        return False
    return abs(number(days[0]) - number(days[1])) > UNDATED_APART_DAYS


def undated(claim: Mapping[str, Any]) -> bool:
    """Whether a claim gives no date bound at all."""
    return all(missing(claim.get(k)) for k in _DATE_BOUNDS)


def dated_apart(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Whether two claims' date bounds (``date_earliest``/``date_latest``; an empty bound is
    open) are both given and share no day: "today's nuclear test" (2017) and "two nuclear
    tests in 2016" are two happenings of what can recur, not one told twice."""
    bounds = [
        [None if missing(c.get(k)) else number(c.get(k)) for k in _DATE_BOUNDS] for c in (a, b)
    ]
    if any(all(v is None for v in pair) for pair in bounds):
        return False
    (a_start, a_end), (b_start, b_end) = bounds
    before = a_end is not None and b_start is not None and a_end < b_start
    after = b_end is not None and a_start is not None and b_end < a_start
    return before or after


def whole_unit_dates(events: pd.DataFrame) -> pd.DataFrame:
    """Event claims with each early, mid or late date widened to its whole unit ("the mid-2000s"
    compared as the 2000s): where a unit's parts split is a convention (`dates.whole_units`)."""
    import pandas as pd

    if not {"date_refine", "date_precision"} <= set(events.columns):
        return events
    out = events.copy()
    for i in out.index[out["date_refine"].notna() & out["date_precision"].notna()]:
        ends = [None if missing(v) else v.date() for v in out.loc[i, _DATE_BOUNDS]]
        precision, refine = str(out.at[i, "date_precision"]), str(out.at[i, "date_refine"])
        wide = dates.whole_units(*ends, precision, refine)
        out.loc[i, _DATE_BOUNDS] = [pd.NaT if d is None else pd.Timestamp(d) for d in wide]
    return out
