"""How two aid claims of one ``fact_key`` relate: their amounts, the periods they cover and their
scope (measure, purpose, receiver, currency, as-of date), one ``claim_comparisons`` row each
(data model §5). Amounts are never added nor converted; amounts of a different scope are
compared, never read as contradicting each other. Used by `nzdprk.agreement`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .bounds import (
    Bounds,
    day_text,
    interval_relation,
    interval_relations,
    missing,
    money_text,
    number,
    shape_of,
    span,
)
from .pairing import Row, claim_pairs, pair_rows, records, row, row_frame

if TYPE_CHECKING:
    import pandas as pd

    from .pairing import Index

#: The columns of ``aid_flows`` the comparison reads.
AID_COLUMNS = (
    "claim_id",
    "doc_id",
    "fact_key",
    "measure",
    "purpose_text",
    "receiver_org_id",
    "recipient_country",
    "currency",
    "amount",
    "amount_qualifier",
    "amount_min",
    "amount_max",
    "period_edtf",
    "period_earliest",
    "period_latest",
    "as_of_date",
)


def aid_rows(aid_flows: pd.DataFrame) -> pd.DataFrame:
    """The amount, period and scope rows of each pair of aid claims (`claim_pairs`), with their
    ``order`` (pair by pair, aspect by aspect, the order they are made in). Periods and scope
    are compared on columns from what each claim states (made once per claim); amounts pair by
    pair, their rules (running totals, scope, unbounded amounts) reading many fields of both."""
    import numpy as np
    import pandas as pd

    a, b = claim_pairs(aid_flows)
    used = np.union1d(a, b)
    claims = records(aid_flows, used, AID_COLUMNS)
    stated = [claims[i] for i in used.tolist()]
    ia, ib = np.searchsorted(used, a), np.searchsorted(used, b)
    amounts = row_frame([_amount_row(claims[i], claims[j]) for i, j in zip(a, b, strict=True)])
    parts = [
        amounts,
        _period_rows(aid_flows, a, b, stated, (ia, ib)),
        _scope_rows(aid_flows, a, b, stated, (ia, ib)),
    ]
    order = 3 * np.arange(len(a))
    return pd.concat(
        [part.assign(order=order + k) for k, part in enumerate(parts)], ignore_index=True
    )


def _period_rows(
    flows: pd.DataFrame, a: Index, b: Index, stated: list[Row], sides: tuple[Index, Index]
) -> pd.DataFrame:
    """Compare the periods two aid amounts cover, for the pairs (a, b) (row positions in
    ``flows``) on columns (`interval_relations`): different periods are a scope difference.
    ``stated`` holds the claims in pairs as records, ``sides`` each pair's two claims in it."""
    import numpy as np

    bounds = [_period(claim) for claim in stated]
    numbers = [
        np.array([np.nan if missing(v) else number(v) for v in ends], dtype=float)
        for ends in ([lo for lo, _ in bounds], [hi for _, hi in bounds])
    ]
    spans = np.array([span(ends, day_text) for ends in bounds], dtype=object)
    values = np.array([_period_value(claim) for claim in stated], dtype=object)
    ia, ib = sides
    why = np.full(len(a), "are different periods, so both amounts can be true", dtype=object)
    _, relation, rationale = interval_relations(
        (numbers[0][ia], numbers[1][ia]),
        (numbers[0][ib], numbers[1][ib]),
        (spans[ia], spans[ib]),
        ("differ_scope", why),
    )
    return pair_rows(flows, a, b, "period", relation, (values[ia], values[ib]), rationale)


def _scope_rows(
    flows: pd.DataFrame, a: Index, b: Index, stated: list[Row], sides: tuple[Index, Index]
) -> pd.DataFrame:
    """Do the two amounts of each pair measure the same thing (measure, purpose, receiver,
    currency, as-of date)? Each scope field of each claim is read once (`_scope`), compared as
    whole columns (`_same`: as stated, case-insensitively), and the differences joined in field
    order (`_scope_differences` words them alike)."""
    import numpy as np

    fields = [_scope(claim) for claim in stated]
    ia, ib = sides
    joined = np.full(len(a), "", dtype=object)
    unstated = np.ones(len(a), dtype=bool)
    for k, name in enumerate(_SCOPE_FIELDS):
        value = np.array([f[k].value for f in fields], dtype=object)
        folded = np.array([None if v is None else v.casefold() for v in value], dtype=object)
        shown = np.array([repr(v or "unstated") for v in value], dtype=object)
        given = np.array([v is not None for v in value], dtype=bool)
        has_a, has_b = given[ia], given[ib]
        same = has_a & has_b & (folded[ia] == folded[ib])
        piece = name + " " + shown[ia] + " (a) vs " + shown[ib] + " (b)"
        differ = (has_a | has_b) & ~same
        joined = np.where(differ, np.where(joined == "", piece, joined + "; " + piece), joined)
        unstated &= ~(has_a | has_b)
    relation = np.select([unstated, joined != ""], ["not_comparable", "differ_scope"], "agree")
    why = np.select(
        [unstated, joined != ""],
        [
            "neither claim states measure, purpose or as-of date",
            "different scope, so the amounts are compared, never added: " + joined,
        ],
        "same measure, purpose, receiver, currency and as-of date",
    )
    values = np.array([_scope_value(f) for f in fields], dtype=object)
    return pair_rows(flows, a, b, "scope", relation, (values[ia], values[ib]), why)


@dataclass(frozen=True, slots=True)
class _Field:
    """One scope field of an aid claim: name in words, value (None = unstated)."""

    name: str
    value: str | None


def text(value: Any) -> str | None:
    """The value with its whitespace made single spaces; None when missing."""
    return None if missing(value) else " ".join(str(value).split())


#: The scope fields, in the order `_scope` gives them.
_SCOPE_FIELDS = (
    "measure",
    "purpose",
    "receiver organisation",
    "recipient country",
    "currency",
    "as-of date",
)


def _scope(claim: Row) -> list[_Field]:
    """What an aid amount is an amount *of*: measure, purpose, receiver, currency, as-of date."""
    as_of = claim["as_of_date"]
    values = (
        text(claim["measure"]),
        text(claim["purpose_text"]),
        text(claim["receiver_org_id"]),
        text(claim["recipient_country"]),
        text(claim["currency"]),
        None if missing(as_of) else day_text(as_of),
    )
    return [_Field(name, value) for name, value in zip(_SCOPE_FIELDS, values, strict=True)]


def _same(x: str | None, y: str | None) -> bool:
    """Equal as stated (purpose text compared case-insensitively); unstated equals nothing."""
    return x is not None and y is not None and x.casefold() == y.casefold()


def _scope_differences(a: Row, b: Row) -> list[str]:
    """Scope fields stated differently, or stated on one side only, in words."""
    return [
        f"{fa.name} {fa.value or 'unstated'!r} (a) vs {fb.value or 'unstated'!r} (b)"
        for fa, fb in zip(_scope(a), _scope(b), strict=True)
        if (fa.value is not None or fb.value is not None) and not _same(fa.value, fb.value)
    ]


def _scope_value(fields: list[_Field]) -> str:
    return "; ".join(f"{f.name}: {f.value or '?'}" for f in fields)


def _amount_bounds(claim: Row) -> Bounds:
    """amount_min/amount_max; an exact amount with no bounds filled in is its own bounds."""
    lo, hi = claim["amount_min"], claim["amount_max"]
    exact = missing(claim["amount_qualifier"]) or claim["amount_qualifier"] == "exact"
    if missing(lo) and missing(hi) and exact:
        return claim["amount"], claim["amount"]
    return lo, hi


def _amount_value(claim: Row) -> str | None:
    """The compared amount: currency, bounds and qualifier ('NZD until 8,500,000 (almost)')."""
    bounds = _amount_bounds(claim)
    currency = text(claim["currency"]) or "?"
    qualifier = text(claim["amount_qualifier"])
    if all(missing(v) for v in bounds):
        if missing(claim["amount"]):
            return None
        return f"{currency} {money_text(claim['amount'])} ({qualifier or 'qualified'}, no bounds)"
    note = f" ({qualifier})" if qualifier and qualifier != "exact" else ""
    return f"{currency} {span(bounds, money_text)}{note}"


def _same_as_of(a: Row, b: Row, *, flow: bool) -> bool:
    """Same as-of date; two flows may both leave it unstated (their period dates them)."""
    x, y = a["as_of_date"], b["as_of_date"]
    if missing(x) or missing(y):
        return flow and missing(x) and missing(y)
    return bool(x == y)


def _period(claim: Row) -> Bounds:
    """The period's bounds; an open period ("since 1995") ends at its as-of date, the day its
    total was counted, so that it never seems to contain later years."""
    end = claim["period_latest"]
    if missing(end) and not missing(claim["period_earliest"]):
        end = claim["as_of_date"]
    return claim["period_earliest"], end


def _running_totals(a: Row, b: Row) -> tuple[str, str] | None:
    """Two running totals since the same start, counted on different days: a later total
    smaller than an earlier one conflicts (a running total never shrinks); a larger one is an
    update (the later source could count more). None when that does not apply or the amounts
    overlap."""
    both = {text(a["measure"]), text(b["measure"])} == {"cumulative_total"}
    days = a["as_of_date"], b["as_of_date"]
    start = a["period_earliest"]
    if not both or any(missing(d) for d in days) or days[0] == days[1] or missing(start):
        return None
    if missing(b["period_earliest"]) or start != b["period_earliest"]:
        return None
    earlier, later = sorted((a, b), key=lambda c: c["as_of_date"])
    (e_lo, e_hi), (l_lo, l_hi) = _amount_bounds(earlier), _amount_bounds(later)
    if not missing(l_hi) and not missing(e_lo) and float(l_hi) < float(e_lo):
        side = "a" if later is a else "b"
        return "conflict", (
            f"running totals since the same start: the later one ({side}, as of "
            f"{day_text(later['as_of_date'])}) is smaller, and a running total never shrinks"
        )
    if not missing(l_lo) and not missing(e_hi) and float(l_lo) > float(e_hi):
        return "differ_scope", (
            f"an update: running totals since the same start counted on different days; the "
            f"later one (as of {day_text(later['as_of_date'])}) counts more"
        )
    return None


def _amount_row(a: Row, b: Row) -> Row:
    """Compare two amounts of the same fact_key; disjoint amounts conflict only in one scope.

    A conflict needs the same measure, purpose, currency, period and as-of date (a flow, which
    its period dates, needs no as-of date): totals at different dates or over different
    periods can differ and both be true.
    """
    ca, cb = text(a["currency"]), text(b["currency"])
    ma, mb = text(a["measure"]), text(b["measure"])
    pa, pb = text(a["purpose_text"]), text(b["purpose_text"])
    value_a, value_b = _amount_value(a), _amount_value(b)
    bounds_a, bounds_b = _amount_bounds(a), _amount_bounds(b)
    unbounded = [
        side
        for side, claim, bounds in (("a", a, bounds_a), ("b", b, bounds_b))
        if all(missing(v) for v in bounds) and not missing(claim["amount"])
    ]
    if ca and cb and ca != cb:
        relation, why = "not_comparable", f"different currencies ({ca} vs {cb}): never converted"
    elif (ma and mb and ma != mb) or (pa and pb and not _same(pa, pb)):
        relation = "differ_scope"
        why = (
            "different measure or purpose ("
            + "; ".join(d for d in _scope_differences(a, b) if d.startswith(("measure", "purpose")))
            + "): amounts of different things neither confirm nor contradict each other"
        )
    elif totals := _running_totals(a, b):
        relation, why = totals
    elif unbounded:
        relation = "not_comparable"
        why = (
            f"no bounds for the amount of {' and '.join(unbounded)} (its qualifier states no "
            "margin): none is invented, so the amounts are not compared"
        )
    else:
        apart = _scope_differences(a, b)
        if shape_of(_period(a), _period(b)) != "equal":
            apart.append(
                f"period {_period_value(a) or 'unstated'!r} (a) vs "
                f"{_period_value(b) or 'unstated'!r} (b)"
            )
        same_scope = bool(ma and ca and cb) and not apart and _same_as_of(a, b, flow=ma == "flow")
        if same_scope:
            disjoint = (
                "conflict",
                "cannot both be true: same measure, purpose, currency, period and as-of date",
            )
        else:
            disjoint = (
                "differ_scope",
                "differ, but the scope is not shown to be the same ("
                + ("; ".join(apart) or "measure, currency or as-of date unstated on both sides")
                + "): totals at other dates or over other periods can both be true",
            )
        relation, why = interval_relation(bounds_a, bounds_b, money_text, disjoint)
    return row(a, b, "amount", relation, value_a, value_b, why)


def _period_value(claim: Row) -> str | None:
    if not missing(claim["period_edtf"]):
        return str(claim["period_edtf"])
    bounds = _period(claim)
    return None if all(missing(v) for v in bounds) else span(bounds, day_text)
