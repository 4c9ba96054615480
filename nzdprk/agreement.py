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

Claims are paired, and dates compared, as column operations (`nzdprk.pairing`), so the time grows
with the number of pairs, not with a Python loop over facts; the aid-flow rules are
`nzdprk.aid_comparison`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING, Any

from .aid_comparison import AID_COLUMNS, aid_rows, text
from .bounds import (
    UNDATED_APART_DAYS,
    day_numbers,
    day_text,
    interval_relations,
    missing,
    span,
    whole_unit_dates,
)
from .claims.lexicon import triggers
from .negations import negation_rows, publication_days
from .pairing import Row, claim_pairs, pair_rows, records, row, row_frame
from .schema import ASPECT, FRAMES, RELATION, cast_frame

if TYPE_CHECKING:
    import pandas as pd

    from .pairing import Index

__all__ = [
    "ASPECTS",
    "COMPARISON_COLUMNS",
    "ONE_OFF_ACTIONS",
    "READS",
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
_EVENT_DATE_PARTS = ("date_precision", "date_refine", "date_note")
#: The columns `compare_claims` and `summarise_facts` read of each frame (with `nzdprk.negations`):
#: a corpus passes only these.
READS = {
    "events": (*_EVENT_COLUMNS, *_EVENT_BOUNDS, "event_id", *_EVENT_DATE_PARTS),
    "aid_flows": (*AID_COLUMNS, "donor_id", "event_id"),
    "documents": ("doc_id", "published_earliest", "published_latest"),
}
_ROLES = ("actor", "recipient")
#: A date stated exactly at a calendar year or month ("in 2001", "in March 2001"): not a
#: decade, season, approximation or uncertain date.
_CALENDAR_UNIT = re.compile(r"\d{4}(?:-(?:0[1-9]|1[0-2]))?")


# --- Events ------------------------------------------------------------------------------------


def _event_pairs(events: pd.DataFrame, documents: pd.DataFrame | None) -> tuple[Index, Index]:
    """The pairs of event claims compared (`claim_pairs`), on columns. Of an action that can
    recur, nothing ties to one occurrence: two claims with no date bound at all from documents
    published more than `UNDATED_APART_DAYS` apart (``documents.published_earliest``); two
    whose date bounds are both given and share no day ("today's nuclear test" (2017) and "two
    nuclear tests in 2016"); an undated and a dated claim of a deed (`RECURRING_DEEDS`). A
    missing bound is an open end."""
    import numpy as np

    a, b = claim_pairs(events)
    lo, hi = day_numbers(events["date_earliest"]), day_numbers(events["date_latest"])
    undated = np.isnan(lo) & np.isnan(hi)
    published = publication_days(documents, "published_earliest")
    day = day_numbers(events["doc_id"].map(published))
    far = undated[a] & undated[b] & (np.abs(day[a] - day[b]) > UNDATED_APART_DAYS)
    apart = ~undated[a] & ~undated[b] & ((hi[a] < lo[b]) | (hi[b] < lo[a]))
    one_off = events["action"].isin(ONE_OFF_ACTIONS).to_numpy()
    deed = events["action"].isin(RECURRING_DEEDS).to_numpy()
    undated_deed = deed[a] & deed[b] & (undated[a] != undated[b])
    keep = (one_off[a] & one_off[b]) | ~(far | apart | undated_deed)
    return a[keep], b[keep]


def _date_rows(events: pd.DataFrame, a: Index, b: Index) -> pd.DataFrame:
    """The date rows of the pairs (a, b) (row positions in ``events``), on columns
    (`interval_relations`): disjoint dates conflict (`_event_pairs` keeps claims of an action
    that can recur only when their dates can meet), and a plain calendar year or month that
    contains the other date agrees, told at a coarser unit."""
    import numpy as np

    lo, hi = day_numbers(events["date_earliest"]), day_numbers(events["date_latest"])
    spans, values, units, disjoint = _date_texts(events, np.union1d(a, b))
    shape, relation, why = interval_relations(
        (lo[a], hi[a]), (lo[b], hi[b]), (spans[a], spans[b]), ("conflict", disjoint[a])
    )
    outer = np.where(shape == "a_in_b", b, a)
    coarse = np.isin(shape, ["a_in_b", "b_in_a"]) & (units[outer] != None)  # noqa: E711
    relation[coarse] = "agree"
    why[coarse] = (
        "same date: "
        + values[outer[coarse]]
        + " is a plain calendar "
        + units[outer[coarse]]
        + " that contains the other, told at a coarser unit (an approximate or uncertain date "
        "would differ in precision)"
    )
    return pair_rows(events, a, b, "date", relation, (values[a], values[b]), why)


def _date_texts(events: pd.DataFrame, used: Index) -> tuple[Any, Any, Any, Any]:
    """Per claim (indexed by row position; filled at ``used``): the span of its date bounds,
    the compared date (its EDTF, else its bounds, else None), the calendar unit its EDTF states
    exactly ('year', 'month', else None) and why its disjoint dates conflict. Made claim by
    claim (once per claim, not per pair), with the same Python text rules as `span`."""
    import numpy as np

    texts = [np.full(len(events), None, dtype=object) for _ in range(4)]
    columns = ["date_edtf", "date_earliest", "date_latest", "action"]
    for i, (edtf, lo, hi, action) in zip(
        used, events[columns].iloc[used].itertuples(index=False), strict=True
    ):
        texts[0][i] = span((lo, hi), day_text)
        if not missing(edtf):
            texts[1][i] = str(edtf)
        elif not (missing(lo) and missing(hi)):
            texts[1][i] = texts[0][i]
        if _CALENDAR_UNIT.fullmatch(text(edtf) or ""):
            texts[2][i] = "year" if len(edtf) == 4 else "month"
        texts[3][i] = f"cannot both be right for a one-off action ({action})"
    return texts[0], texts[1], texts[2], texts[3]


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
    return row(a, b, "participants", relation, value_a, value_b, why)


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


def _who(events: pd.DataFrame, participants: pd.DataFrame, claims: pd.Series) -> dict[str, Any]:
    """claim_id -> role -> actor_id -> names as written, from event_participants, for
    ``claims`` only (those in pairs): the rows are picked on columns, then grouped."""
    import pandas as pd

    claim_of = pd.Series(events["claim_id"].to_numpy(), index=events["event_id"].to_numpy())
    claim_of = claim_of[~claim_of.index.duplicated(keep="last")]
    rows = participants[participants["role"].isin(_ROLES).to_numpy()]
    claim = rows["event_id"].map(claim_of)
    picked = claim.isin(set(claims)).to_numpy()
    who: dict[str, Any] = {}
    for c, role, actor, quote in zip(
        claim[picked],
        rows["role"][picked],
        rows["actor_id"][picked],
        rows["quote"][picked],
        strict=True,
    ):
        roles = who.setdefault(c, {})
        roles.setdefault(role, {}).setdefault(actor, []).append(str(quote))
    return who


# --- Frames ------------------------------------------------------------------------------------


def _require(frame: pd.DataFrame, name: str, columns: Iterable[str]) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(
            f"{name} lacks column(s) {missing}; pass the frame from nzdprk.load_corpus() "
            "or build it with these columns"
        )


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
    published far apart are not paired, nor two claims of it whose dates share no day, nor an
    undated and a dated claim of a deed that can recur (`_event_pairs`). Columns are
    ``COMPARISON_COLUMNS``, all of dtype ``string``; rows are sorted by fact_key, claim_id_a,
    claim_id_b, aspect. Claims without a fact_key are compared only with a negation of what they
    state. The inputs are not modified.

    The pairs are found, and dates, aid periods and scopes compared, on columns
    (`nzdprk.pairing.claim_pairs`, `nzdprk.bounds.interval_relations`); participants (sets of
    actors per role) and aid amounts (running totals, scope, unbounded amounts) are compared
    pair by pair, over the pairs found only.
    """
    import numpy as np
    import pandas as pd

    _require(events, "events", (*_EVENT_COLUMNS, *_EVENT_BOUNDS))
    if participants is not None:
        _require(events, "events", ("event_id",))
        _require(participants, "participants", ("event_id", "actor_id", "role", "quote"))
    dated = whole_unit_dates(events)
    a, b = _event_pairs(dated, documents)
    parts = [_date_rows(dated, a, b).assign(order=2 * np.arange(len(a)))]
    if participants is not None:
        used = np.union1d(a, b)
        claims = records(dated, used, ("claim_id", "doc_id", "fact_key", "action"))
        who = _who(dated, participants, dated["claim_id"].iloc[used])
        rows = [_participants_row(claims[i], claims[j], who) for i, j in zip(a, b, strict=True)]
        parts.append(row_frame(rows).assign(order=2 * np.arange(len(a)) + 1))
    made = 2 * len(a)  # the order of the next row made
    if aid_flows is not None:
        _require(aid_flows, "aid_flows", AID_COLUMNS)
        aid = aid_rows(aid_flows)
        parts.append(aid.assign(order=aid["order"] + made))
        made += len(aid)
    rows = negation_rows(events, aid_flows, documents, row)
    parts.append(row_frame(rows).assign(order=made + np.arange(len(rows))))
    frame = pd.concat(parts, ignore_index=True)  # ``order``: the order rows were made in
    frame = frame.sort_values(["fact_key", "claim_id_a", "claim_id_b", "aspect", "order"])
    return cast_frame(frame.drop(columns="order").reset_index(drop=True), "claim_comparisons")


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
    sources = claims[["fact_key", "doc_id"]].drop_duplicates()
    sources = sources.merge(_publication_order(claims["doc_id"], documents), on="doc_id")
    sources = sources.sort_values(["fact_key", "rank"])
    listed = sources.groupby("fact_key")["doc_id"]
    dated = sources[sources["dated"].to_numpy()].groupby("fact_key")["doc_id"]
    summary = pd.DataFrame(
        {
            "n_claims": claims.groupby("fact_key")["claim_id"].nunique(),
            "n_sources": listed.size(),
            "doc_ids": listed.agg("; ".join),
            "earliest_source": dated.first(),
            "latest_source": dated.last(),
        }
    )
    found = _relations(comparisons)
    summary["any_conflict"] = found["any_conflict"].reindex(summary.index, fill_value=False)
    summary["single_source"] = summary["n_sources"] == 1
    summary["relations"] = found["relations"].reindex(summary.index)
    frame = summary.rename_axis("fact_key").reset_index().astype(object)
    return cast_frame(frame.reindex(columns=list(SUMMARY_COLUMNS)), "facts")


def _relations(comparisons: pd.DataFrame) -> pd.DataFrame:
    """Per fact_key of ``comparisons``: whether any comparison conflicts, and its distinct
    relations in the order of ``RELATIONS`` ('agree; differ_precision')."""
    import pandas as pd

    known = comparisons[["fact_key", "relation"]].dropna().astype(str).drop_duplicates()
    known["rank"] = known["relation"].map({r: i for i, r in enumerate(RELATIONS)})
    known = known.sort_values(["fact_key", "rank"])
    conflict = known["relation"].eq("conflict").groupby(known["fact_key"]).any()
    ranked = known[known["rank"].notna()]
    relations = ranked.groupby("fact_key")["relation"].agg("; ".join)
    return pd.DataFrame({"any_conflict": conflict, "relations": relations})


def _publication_order(doc_ids: pd.Series, documents: pd.DataFrame | None) -> pd.DataFrame:
    """Each document (doc_id) with its rank by publication and whether its date is known:
    dated documents by ``documents.published_earliest`` (ties in doc_id order), then the
    undated ones in doc_id order; all in doc_id order without ``documents``."""
    import pandas as pd

    order = pd.DataFrame({"doc_id": pd.Series(sorted(set(doc_ids)), dtype=object)})
    if documents is None:
        return order.assign(rank=range(len(order)), dated=True)
    _require(documents, "documents", ("doc_id", "published_earliest"))
    days = documents[["doc_id", "published_earliest"]].drop_duplicates("doc_id", keep="last")
    order = order.merge(days.astype({"doc_id": object}), on="doc_id", how="left")
    order = order.sort_values("published_earliest", kind="stable", na_position="last")
    dated = order["published_earliest"].notna().to_numpy()
    return order.drop(columns="published_earliest").assign(rank=range(len(order)), dated=dated)
