"""Cross-source agreement: do two documents that state the same fact say the same thing?

Claims are grouped by ``fact_key``; every pair of claims from *different* documents is compared
aspect by aspect (date, participants; amount, period and scope for aid flows) and gets one
relation from the agreement vocabulary of data model §5 (``RELATIONS``). Claims are never merged
and amounts never added: the ``claim_comparisons`` frame only says how two assertions relate, and
its ``rationale`` says in words which rule decided.

Every comparison uses the *strict* bounds of the values (``date_earliest``/``date_latest``,
``amount_min``/``amount_max``): a missing bound is an open end ("since 1995"), a value with no
bound at all cannot be compared. Refinements such as "mid-2000s" are deliberately ignored (a
refined date is compared by its whole unit, `bounds.whole_unit_dates`), so a coarse source is never
read as contradicting a precise one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from itertools import combinations, groupby
from typing import TYPE_CHECKING, Any

from .bounds import (
    Bounds,
    dated_apart,
    day_text,
    interval_relation,
    missing,
    money_text,
    shape_of,
    span,
    undated,
    undated_far_apart,
    whole_unit_dates,
)
from .claims.lexicon import triggers
from .negations import negation_rows, publication_days
from .schema import ASPECT, FRAMES, RELATION, cast_frame

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "ASPECTS",
    "COMPARISON_COLUMNS",
    "ONE_OFF_ACTIONS",
    "RELATIONS",
    "SUMMARY_COLUMNS",
    "compare_claims",
    "summarise_facts",
]

RELATIONS = RELATION.values
ASPECTS = ASPECT.values

ONE_OFF_ACTIONS: frozenset[str] = frozenset(t.action for t in triggers() if t.happens_once)
"""Actions that happen once for a given set of participants (``happens_once`` in
``data/lexicon.csv``): two sources giving disjoint dates under one ``fact_key`` cannot both be
right (``conflict``). Every other action can recur: claims of it at disjoint dates are two
occurrences, not compared (``nuclear_test:PRK`` does not say which of six tests)."""
RECURRING_DEEDS = frozenset(t.action for t in triggers() if not (t.happens_once or t.state_key))
"""Deeds that can recur (visits, meetings, tests): an undated mention of one is tied to no dated
occurrence and is not compared with it. Positions (support, aid ...) are compared undated."""

#: Columns and dtypes of the frames this module returns, as the schema declares them.
COMPARISON_COLUMNS = FRAMES["claim_comparisons"].dtypes()
SUMMARY_COLUMNS = FRAMES["facts"].dtypes()

_EVENT_COLUMNS = ("claim_id", "doc_id", "fact_key", "action", "date_edtf")
_EVENT_BOUNDS = ("date_earliest", "date_latest")
_AID_COLUMNS = (
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
_ROLES = ("actor", "recipient")
#: A date stated exactly at a calendar year or month ("in 2001", "in March 2001"): not a
#: decade, season, approximation or uncertain date.
_CALENDAR_UNIT = re.compile(r"\d{4}(?:-(?:0[1-9]|1[0-2]))?")

Row = dict[str, Any]


# --- Events ------------------------------------------------------------------------------------


def _date_row(a: Row, b: Row) -> Row:
    """Compare the dates of two event claims; disjoint dates conflict (`compare_claims` pairs
    claims of an action that can recur only when their dates can meet)."""
    disjoint = ("conflict", f"cannot both be right for a one-off action ({a['action']})")
    bounds_a = (a["date_earliest"], a["date_latest"])
    bounds_b = (b["date_earliest"], b["date_latest"])
    relation, why = interval_relation(bounds_a, bounds_b, day_text, disjoint)
    shape = shape_of(bounds_a, bounds_b)
    if shape in ("a_in_b", "b_in_a"):
        outer = b if shape == "a_in_b" else a
        if _CALENDAR_UNIT.fullmatch(_text(outer["date_edtf"]) or ""):
            relation = "agree"
            why = (
                f"same date: {_date_value(outer)} is a plain calendar "
                f"{'year' if len(outer['date_edtf']) == 4 else 'month'} that contains the other, "
                "told at a coarser unit (an approximate or uncertain date would differ in "
                "precision)"
            )
    return _row(a, b, "date", relation, _date_value(a), _date_value(b), why)


def _date_value(claim: Row) -> str | None:
    """The compared date: its EDTF, else its bounds, else None (no date)."""
    if not missing(claim["date_edtf"]):
        return str(claim["date_edtf"])
    bounds = (claim["date_earliest"], claim["date_latest"])
    return None if all(missing(v) for v in bounds) else span(bounds, day_text)


def _participants_row(a: Row, b: Row, who: dict[str, dict[str, dict[str, list[str]]]]) -> Row:
    """Compare who takes part (actor and recipient roles) and how each source names them.

    Identity is agreed on through ``actor_id``: a name written differently in the two sources
    ("Kim Jong Il" / "Kim Jong-il", "Peters" / "Winston Peters") is the same actor once the
    alias table has resolved it, and the rationale shows the written forms.
    """
    pa, pb = who.get(a["claim_id"], {}), who.get(b["claim_id"], {})
    ids_a = {role: set(pa.get(role, {})) for role in _ROLES}
    ids_b = {role: set(pb.get(role, {})) for role in _ROLES}
    value_a, value_b = _people(ids_a), _people(ids_b)
    if not any(ids_a.values()) or not any(ids_b.values()):
        relation, why = "not_comparable", "no participant listed for one of the claims"
    elif ids_a == ids_b:
        relation = "agree"
        names = {
            actor: (sorted(set(pa[role][actor])), sorted(set(pb[role][actor])))
            for role in _ROLES
            for actor in ids_a[role]
        }
        written = [
            f"{actor} as {' / '.join(map(repr, na))} (a) and {' / '.join(map(repr, nb))} (b)"
            for actor, (na, nb) in sorted(names.items())
            if na != nb
        ]
        why = "same actor_ids in each role" + (
            "; names written differently, resolved to one actor: " + "; ".join(written)
            if written
            else "; names written alike"
        )
    elif a["action"] in _no_object() and set().union(*ids_a.values()) == set().union(
        *ids_b.values()
    ):
        relation = "agree"
        why = (
            "same actor_ids, read in different roles; the action needs no object, so who is "
            "named is who took part"
        )
    elif _keyed_by(a["fact_key"]) and all(
        _keyed_by(a["fact_key"])[i] <= ids[r]
        for i, r in enumerate(_ROLES)
        for ids in (ids_a, ids_b)
    ):
        relation = "agree"
        why = (
            "both name the participants the fact is keyed by ("
            + str(a["fact_key"]).split(":")[1]
            + "); the others named are detail of one source, not a different happening"
        )
    elif all(ids_a[r] <= ids_b[r] for r in _ROLES) or all(ids_b[r] <= ids_a[r] for r in _ROLES):
        more = "b" if all(ids_a[r] <= ids_b[r] for r in _ROLES) else "a"
        relation = "differ_precision"
        why = f"{more} names every participant of the other and more: compatible, {more} fuller"
    else:
        relation = "differ_scope"
        why = "different participants in some role: the claims may describe different events"
    return _row(a, b, "participants", relation, value_a, value_b, why)


@cache
def _no_object() -> frozenset[str]:
    """Actions that need no object ("a nuclear test"): their fact key names whoever is named."""
    from .claims.lexicon import triggers

    return frozenset(t.action for t in triggers() if not t.needs_recipient)


def _keyed_by(key: Any) -> tuple[set[str], set[str]] | None:
    """The actors and recipients a fact key names ('support:NZL>six-party-talks')."""
    parts = str(key).split(":")
    if missing(key) or len(parts) < 2:
        return None
    actors_, _, recipients = parts[1].partition(">")
    return set(actors_.split("+")) - {""}, set(recipients.split("+")) - {""}


def _people(ids: dict[str, set[str]]) -> str:
    """Participants in fact_key style: 'winston-peters>PRK'."""
    text = "+".join(sorted(ids["actor"])) or "?"
    return text + (">" + "+".join(sorted(ids["recipient"])) if ids["recipient"] else "")


def _who(events: pd.DataFrame, participants: pd.DataFrame) -> dict[str, Any]:
    """claim_id -> role -> actor_id -> names as written, from event_participants."""
    claim_of = dict(zip(events["event_id"], events["claim_id"], strict=True))
    who: dict[str, Any] = {}
    for p in participants.itertuples(index=False):
        if p.role in _ROLES and p.event_id in claim_of:
            roles = who.setdefault(claim_of[p.event_id], {})
            roles.setdefault(p.role, {}).setdefault(p.actor_id, []).append(str(p.quote))
    return who


# --- Aid flows ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Field:
    """One scope field of an aid claim: name in words, value (None = unstated)."""

    name: str
    value: str | None


def _text(value: Any) -> str | None:
    return None if missing(value) else " ".join(str(value).split())


def _scope(claim: Row) -> list[_Field]:
    """What an aid amount is an amount *of*: measure, purpose, receiver, currency, as-of date."""
    as_of = claim["as_of_date"]
    return [
        _Field("measure", _text(claim["measure"])),
        _Field("purpose", _text(claim["purpose_text"])),
        _Field("receiver organisation", _text(claim["receiver_org_id"])),
        _Field("recipient country", _text(claim["recipient_country"])),
        _Field("currency", _text(claim["currency"])),
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
    return _row(a, b, "scope", relation, _scope_value(fields_a), _scope_value(fields_b), why)


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
    currency = _text(claim["currency"]) or "?"
    qualifier = _text(claim["amount_qualifier"])
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
    both = {_text(a["measure"]), _text(b["measure"])} == {"cumulative_total"}
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
    ca, cb = _text(a["currency"]), _text(b["currency"])
    ma, mb = _text(a["measure"]), _text(b["measure"])
    pa, pb = _text(a["purpose_text"]), _text(b["purpose_text"])
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
    return _row(a, b, "amount", relation, value_a, value_b, why)


def _period_row(a: Row, b: Row) -> Row:
    """Compare the periods two aid amounts cover; different periods are a scope difference."""
    disjoint = ("differ_scope", "are different periods, so both amounts can be true")
    relation, why = interval_relation(_period(a), _period(b), day_text, disjoint)
    return _row(a, b, "period", relation, _period_value(a), _period_value(b), why)


def _period_value(claim: Row) -> str | None:
    if not missing(claim["period_edtf"]):
        return str(claim["period_edtf"])
    bounds = _period(claim)
    return None if all(missing(v) for v in bounds) else span(bounds, day_text)


# --- Frames ------------------------------------------------------------------------------------


def _row(
    a: Row, b: Row, aspect: str, relation: str, value_a: str | None, value_b: str | None, why: str
) -> Row:
    return {
        "fact_key": a["fact_key"],
        "claim_id_a": a["claim_id"],
        "claim_id_b": b["claim_id"],
        "doc_id_a": a["doc_id"],
        "doc_id_b": b["doc_id"],
        "aspect": aspect,
        "relation": relation,
        "value_a": value_a,
        "value_b": value_b,
        "rationale": why,
    }


def _require(frame: pd.DataFrame, name: str, columns: Iterable[str]) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(
            f"{name} lacks column(s) {missing}; pass the frame from nzdprk.load_corpus() "
            "or build it with these columns"
        )


PAIRWISE_LIMIT = 12
"""Facts stated by at most this many documents are compared pair by pair. Beyond it — a fact
repeated across a large corpus — each claim is compared with the fact's first claim only, so
the frame grows with the corpus instead of with its square (n - 1 rows instead of n(n - 1)/2);
a disagreement between two other claims then shows as two differences from the first one."""


def _pairs(frame: pd.DataFrame) -> Iterator[tuple[Row, Row]]:
    """Pairs of claims with one fact_key from different documents, claim_id_a < claim_id_b:
    all pairs, or for a fact in more than `PAIRWISE_LIMIT` documents, each with the first."""
    keyed = frame[frame["fact_key"].notna()]
    # Only facts stated by two documents or more make pairs: the others (most) are dropped at
    # once, then one conversion to records for the rest and grouping in Python (a frame per
    # fact costs more than all its comparisons).
    keyed = keyed[keyed.groupby("fact_key")["doc_id"].transform("nunique").to_numpy() > 1]
    records = keyed.sort_values(["fact_key", "claim_id"], kind="stable").to_dict("records")
    for _, group in groupby(records, key=lambda claim: claim["fact_key"]):
        claims = list(group)
        if len({claim["doc_id"] for claim in claims}) > PAIRWISE_LIMIT:
            pairs = ((claims[0], other) for other in claims[1:])
        else:
            pairs = combinations(claims, 2)
        for a, b in pairs:
            if a["doc_id"] != b["doc_id"]:
                yield a, b


def compare_claims(
    events: pd.DataFrame,
    aid_flows: pd.DataFrame | None = None,
    *,
    participants: pd.DataFrame | None = None,
    documents: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The ``claim_comparisons`` frame (data model §7.6): one row per pair of claims from
    different documents with the same ``fact_key``, and per aspect compared.

    Events are compared on their date (and, given ``participants`` = ``event_participants``, on
    who takes part); aid flows on amount, period and scope; a negated event with what other
    documents affirm (`nzdprk.negations`; ``documents`` says up to when each one speaks),
    under the negation's key. Two undated claims of an action that can recur from documents
    published far apart are not paired (`nzdprk.bounds.undated_far_apart`), nor two claims of
    it whose dates share no day (`nzdprk.bounds.dated_apart`), nor an undated and a dated claim
    of a deed that can recur (`RECURRING_DEEDS`). Columns are
    ``COMPARISON_COLUMNS``, all of dtype ``string``; rows are sorted by fact_key, claim_id_a,
    claim_id_b, aspect. Claims without a fact_key are compared only with a negation of what they
    state. The inputs are not modified.
    """
    import pandas as pd

    _require(events, "events", (*_EVENT_COLUMNS, *_EVENT_BOUNDS))
    rows = []
    who = None
    if participants is not None:
        _require(events, "events", ("event_id",))
        _require(participants, "participants", ("event_id", "actor_id", "role", "quote"))
        who = _who(events, participants)
    published = publication_days(documents, "published_earliest")
    for a, b in _pairs(whole_unit_dates(events)):
        actions = {a["action"], b["action"]}
        if actions - ONE_OFF_ACTIONS and (
            undated_far_apart(a, b, published)
            or dated_apart(a, b)
            or (actions <= RECURRING_DEEDS and undated(a) != undated(b))
        ):
            continue  # nothing ties them to one occurrence of what can recur
        rows.append(_date_row(a, b))
        if who is not None:
            rows.append(_participants_row(a, b, who))
    if aid_flows is not None:
        _require(aid_flows, "aid_flows", _AID_COLUMNS)
        for a, b in _pairs(aid_flows):
            rows += [_amount_row(a, b), _period_row(a, b), _scope_row(a, b)]
    rows += negation_rows(events, aid_flows, documents, _row)
    frame = pd.DataFrame(rows, columns=list(COMPARISON_COLUMNS), dtype=object)
    frame = frame.sort_values(["fact_key", "claim_id_a", "claim_id_b", "aspect"], kind="stable")
    return cast_frame(frame.reset_index(drop=True), "claim_comparisons")


def summarise_facts(
    events: pd.DataFrame,
    comparisons: pd.DataFrame,
    aid_flows: pd.DataFrame | None = None,
    *,
    documents: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per fact_key: how many claims and sources state it, and how they relate.

    Sources are listed by publication: by ``documents.published_earliest`` when ``documents``
    is given (undated documents last, and never earliest or latest source), else in doc_id
    order, which is the corpus order. ``relations`` lists the distinct relations of all
    comparisons of the key, in the order of ``RELATIONS``. Columns and dtypes are
    ``SUMMARY_COLUMNS``; rows are sorted by fact_key. The inputs are not modified.
    """
    import pandas as pd

    _require(events, "events", ("claim_id", "doc_id", "fact_key"))
    _require(comparisons, "comparisons", ("fact_key", "relation"))
    frames = [events[["claim_id", "doc_id", "fact_key"]]]
    if aid_flows is not None:
        _require(aid_flows, "aid_flows", ("claim_id", "doc_id", "fact_key"))
        frames.append(aid_flows[["claim_id", "doc_id", "fact_key"]])
    for side in ("a", "b"):  # a claim compared under a negation's key states that fact too
        columns = [f"claim_id_{side}", f"doc_id_{side}", "fact_key"]
        if set(columns) <= set(comparisons.columns):
            frames.append(comparisons[columns].set_axis(["claim_id", "doc_id", "fact_key"], axis=1))
    claims = pd.concat(frames, ignore_index=True).astype(object)
    claims = claims[claims["fact_key"].notna()].drop_duplicates()
    rank, dated = _publication_order(claims["doc_id"], documents)
    related: dict[str, set[str]] = {}
    for key, relation in zip(comparisons["fact_key"], comparisons["relation"], strict=True):
        if not missing(key) and not missing(relation):
            related.setdefault(str(key), set()).add(str(relation))
    rows = []
    for key, group in claims.groupby("fact_key", sort=True):
        docs = sorted(set(group["doc_id"]), key=rank.__getitem__)
        dated_docs = [d for d in docs if d in dated]
        found = related.get(str(key), set())
        rows.append(
            {
                "fact_key": key,
                "n_claims": group["claim_id"].nunique(),
                "n_sources": len(docs),
                "doc_ids": "; ".join(docs),
                "earliest_source": dated_docs[0] if dated_docs else None,
                "latest_source": dated_docs[-1] if dated_docs else None,
                "any_conflict": "conflict" in found,
                "single_source": len(docs) == 1,
                "relations": "; ".join(r for r in RELATIONS if r in found) or None,
            }
        )
    frame = pd.DataFrame(rows, columns=list(SUMMARY_COLUMNS), dtype=object)
    return cast_frame(frame, "facts")


def _publication_order(
    doc_ids: pd.Series, documents: pd.DataFrame | None
) -> tuple[dict[str, int], set[str]]:
    """Rank of each document by publication, and the documents whose date is known."""
    ids = sorted(set(doc_ids))
    if documents is None:
        return {d: i for i, d in enumerate(ids)}, set(ids)
    _require(documents, "documents", ("doc_id", "published_earliest"))
    published = dict(zip(documents["doc_id"], documents["published_earliest"], strict=True))
    dated = sorted((d for d in ids if not missing(published.get(d))), key=published.__getitem__)
    order = dated + [d for d in ids if d not in dated]
    return {d: i for i, d in enumerate(order)}, set(dated)
