"""A negated claim against the claims that affirm it: "New Zealand had not provided direct
humanitarian aid to North Korea since the current government came to power in 2008" and a gift
announced on 29 July 2008 are statements about one happening, NZ aid to North Korea then.

A negation meets, in other documents, the events with its key without ``:negated`` and the aid
rows of the same donor and receiver, organisation or country (`nzdprk.claims.fact_key`,
`aid_fact_key`), when their time can fall in the time it denies; an affirmation wholly before
that time is another happening and is not compared. Used by `nzdprk.agreement`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from .bounds import day_text, missing, number, shape_of, span
from .claims.nouns import ONSET

if TYPE_CHECKING:
    import pandas as pd

Row = dict[str, Any]
NEGATED = ":negated"


def _affirming(
    events: pd.DataFrame, flows: pd.DataFrame | None, keys: set[str]
) -> dict[str, list[Row]]:
    """Affirmed claims with their time, by the key a negation of them would have, for ``keys``
    only (the keys some negation denies): the rows are picked on columns, then made records."""
    out: dict[str, list[Row]] = {}
    for e in events[events["fact_key"].isin(keys).to_numpy()].to_dict("records"):
        time = (e["date_earliest"], e["date_latest"])
        out.setdefault(str(e["fact_key"]), []).append({**e, "time": time})
    if flows is None or "donor_id" not in flows.columns:
        return out
    donor = "aid:" + flows["donor_id"].astype("string") + ">"
    denied = [
        (donor + flows[column].astype("string")).isin(keys).fillna(False).to_numpy()
        for column in ("receiver_org_id", "recipient_country")
    ]
    flows = flows[denied[0] | denied[1]]
    dated = {}
    if "event_id" in events.columns and "event_id" in flows.columns:
        acts = events[events["event_id"].isin(flows["event_id"].dropna()).to_numpy()]
        dated = {
            e: (lo, hi)
            for e, lo, hi in zip(
                acts["event_id"], acts["date_earliest"], acts["date_latest"], strict=True
            )
        }
    for f in flows.to_dict("records"):
        # aid through an organisation to a country is aid to both: "no aid to North Korea"
        # denies a gift to the UN's work there too
        receivers = {r for r in (f["receiver_org_id"], f["recipient_country"]) if not missing(r)}
        end = f["period_latest"] if not missing(f["period_latest"]) else f.get("as_of_date")
        time = (f["period_earliest"], end)  # an open period ends when it was counted
        if all(missing(v) for v in time):  # an undated gift: when its act was stated
            time = dated.get(f.get("event_id"), (None, None))
        for receiver in sorted(receivers):
            out.setdefault(f"aid:{f['donor_id']}>{receiver}", []).append({**f, "time": time})
    return out


def publication_days(documents: pd.DataFrame | None, column: str) -> dict[str, Any]:
    """Each document's publication day from ``column`` of the documents frame (empty without)."""
    if documents is None or column not in documents.columns:
        return {}
    return dict(zip(documents["doc_id"], documents[column], strict=True))


def negation_rows(
    events: pd.DataFrame,
    flows: pd.DataFrame | None,
    documents: pd.DataFrame | None,
    row: Callable[..., Row],
) -> list[Row]:
    """The ``claim_comparisons`` rows of each negation with what it denies, under its key;
    ``row(a, b, aspect, relation, value_a, value_b, why)`` makes one row; ``documents`` gives
    each one's latest publication day."""
    published = publication_days(documents, "published_latest")
    out = []
    for negation, other, relation, why, said, time in negation_pairs(events, flows, published):
        a, b = sorted((negation, other), key=lambda c: str(c["claim_id"]))
        values = (said, time) if a is negation else (time, said)
        side = "a" if a is negation else "b"
        made = row(a, b, "date", relation, *values, f"{side} denies what the other states: {why}")
        out.append({**made, "fact_key": negation["fact_key"]})
    return out


def negation_pairs(
    events: pd.DataFrame, flows: pd.DataFrame | None, published: Mapping[str, Any]
) -> Iterator[tuple[Row, Row, str, str, str | None, str | None]]:
    """(negation, affirmation, relation, rationale, value of the negation, of the other);
    ``published``: the latest publication day of each document, where known (a negation
    speaks of the time up to it)."""
    negations = events[events["fact_key"].astype("string").str.endswith(NEGATED, na=False)]
    if negations.empty:
        return
    denied = {str(key)[: -len(NEGATED)] for key in negations["fact_key"]}
    affirming = _affirming(events, flows, denied)
    for n in negations.to_dict("records"):
        for other in affirming.get(str(n["fact_key"])[: -len(NEGATED)], []):
            if other["doc_id"] == n["doc_id"]:
                continue
            found = _relation(n, other["time"], published.get(n["doc_id"]))
            if found:
                yield n, other, *found, span(other["time"], day_text)


def _relation(n: Row, time: tuple[Any, Any], told: Any) -> tuple[str, str, str] | None:
    """How an affirmation at ``time`` relates to negation ``n`` told on day ``told``; None
    when it is before or after the time the negation speaks of (or either has no date)."""
    lo, hi = n["date_earliest"], n["date_latest"]
    if missing(lo) or missing(hi) or all(missing(v) for v in time):
        return None
    if not missing(told) and not missing(time[0]) and number(time[0]) > number(told):
        return None
    after_told = missing(told) or missing(time[1]) or number(time[1]) > number(told)
    onset = n.get("date_note") == ONSET
    said = f"none since a day in {span((lo, hi), day_text)}" if onset else span((lo, hi), day_text)
    if not missing(time[1]) and number(time[1]) < number(lo):
        return None
    if onset and not missing(time[0]) and number(time[0]) > number(hi):
        if after_told:
            why = "the other may state it after the negation was told: both can be true"
            return "differ_scope", why, said
        why = "the other states it after the latest day the time of none can start"
        return "conflict", why, said
    shape = shape_of(time, (lo, hi))
    if not onset and shape in ("a_in_b", "equal"):
        return "conflict", "the other states it within the time the negation denies it", said
    why = (
        "the other states it at a time that may fall before or in the denied time: compatible "
        "at the precision the texts give"
    )
    return "differ_precision", why, said
