"""How two aid claims of one ``fact_key`` relate: their amounts, the periods they cover and their
scope (measure, purpose, receiver, currency, as-of date), one ``claim_comparisons`` row each
(data model §5). Amounts are never added nor converted; amounts of a different scope are
compared, never read as contradicting each other. Used by `nzdprk.agreement`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .bounds import Bounds, day_text, interval_relation, missing, money_text, shape_of, span
from .pairing import Row, claim_pairs, records, row

if TYPE_CHECKING:
    import pandas as pd

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


def aid_rows(aid_flows: pd.DataFrame) -> list[Row]:
    """The amount, period and scope rows of each pair of aid claims (`claim_pairs`), made pair
    by pair: their rules (running totals, scope fields, unbounded amounts) read many fields of
    both claims. Only the claims in pairs are made records."""
    import numpy as np

    a, b = claim_pairs(aid_flows)
    claims = records(aid_flows, np.union1d(a, b), AID_COLUMNS)
    rows = []
    for i, j in zip(a, b, strict=True):
        pair = claims[i], claims[j]
        rows += [_amount_row(*pair), _period_row(*pair), _scope_row(*pair)]
    return rows


@dataclass(frozen=True, slots=True)
class _Field:
    """One scope field of an aid claim: name in words, value (None = unstated)."""

    name: str
    value: str | None


def text(value: Any) -> str | None:
    """The value with its whitespace made single spaces; None when missing."""
    return None if missing(value) else " ".join(str(value).split())


def _scope(claim: Row) -> list[_Field]:
    """What an aid amount is an amount *of*: measure, purpose, receiver, currency, as-of date."""
    as_of = claim["as_of_date"]
    return [
        _Field("measure", text(claim["measure"])),
        _Field("purpose", text(claim["purpose_text"])),
        _Field("receiver organisation", text(claim["receiver_org_id"])),
        _Field("recipient country", text(claim["recipient_country"])),
        _Field("currency", text(claim["currency"])),
        _Field("as-of date", None if missing(as_of) else day_text(as_of)),
    ]


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


def _scope_row(a: Row, b: Row) -> Row:
    """Do the two amounts measure the same thing (measure, purpose, receiver, as-of date)?"""
    fields_a, fields_b = _scope(a), _scope(b)
    differences = _scope_differences(a, b)
    if all(f.value is None for f in fields_a + fields_b):
        relation, why = "not_comparable", "neither claim states measure, purpose or as-of date"
    elif differences:
        relation = "differ_scope"
        why = "different scope, so the amounts are compared, never added: " + "; ".join(differences)
    else:
        relation, why = "agree", "same measure, purpose, receiver, currency and as-of date"
    return row(a, b, "scope", relation, _scope_value(fields_a), _scope_value(fields_b), why)


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


def _period_row(a: Row, b: Row) -> Row:
    """Compare the periods two aid amounts cover; different periods are a scope difference."""
    disjoint = ("differ_scope", "are different periods, so both amounts can be true")
    relation, why = interval_relation(_period(a), _period(b), day_text, disjoint)
    return row(a, b, "period", relation, _period_value(a), _period_value(b), why)


def _period_value(claim: Row) -> str | None:
    if not missing(claim["period_edtf"]):
        return str(claim["period_edtf"])
    bounds = _period(claim)
    return None if all(missing(v) for v in bounds) else span(bounds, day_text)
