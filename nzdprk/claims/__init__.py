"""Claims: what each document states, as records with their ids and fact keys.

Events and aid flows are built here from the typed outputs of the earlier stages (sentences and
clauses from `nzdprk.text`, dates, amounts and actor mentions), once, so that the frames, the
agreement between sources and the exports all read the same records.

A *fact key* names the happening a claim is about, so that two sources on the same happening
meet and different happenings never do: an event's action and its participants (positions
taken by office holders keyed by their state), an aid amount's giver, receiver, measure and the
start of the period it covers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

    from .aid import AidFlow
    from .events import Event

__all__ = [
    "ActorTable",
    "actor_table",
    "aid_fact_key",
    "by_state",
    "fact_key",
    "keyed_participants",
]


@dataclass(frozen=True)
class ActorTable:
    """The curated actors as the claims need them: kind, country (ISO3) and name by actor id."""

    kind: dict[str, str]
    country: dict[str, str]
    names: dict[str, str]


@cache
def actor_table() -> ActorTable:
    """The one lookup of the curated actors (read once per process)."""
    from .. import actors

    table = actors.actors()
    return ActorTable(
        kind={r["actor_id"]: r["actor_kind"] for r in table},
        country={r["actor_id"]: r["country_code"] for r in table if r["country_code"]},
        names={r["actor_id"]: r["canonical_name"] for r in table},
    )


def by_state(actor_ids: Iterable[str], table: ActorTable) -> list[str]:
    """Actors keyed by their state: a person or body stands for its country when it has one;
    an actor not in the table (found from cues, its state unknown) is left out."""
    return [
        a if table.kind.get(a) == "state" else table.country.get(a, a)
        for a in actor_ids
        if a in table.kind
    ]


def fact_key(event: Event, table: ActorTable) -> str | None:
    """The happening an event states, for grouping the same fact across sources.

    ``action:actors>recipients`` (``action:a+b`` for reciprocal actions), with ``:future``,
    ``:hypothetical`` or ``:negated`` for events that did not (yet) happen. Positions taken by
    office holders (support, requests, aid...) are keyed by their state (`by_state`), so
    "Peters supported the talks" and "New Zealand's support" are one fact; visits and meetings
    stay personal. The object is the most specific recipient named: an organisation or forum
    before a state.

    An event whose amount is an aid row is compared as that row (`aid_fact_key`), so that one
    gift is one claim: the caller leaves such events unkeyed.

    An action that needs no object ("a nuclear test") is keyed by whoever is named in it when
    the actor's role is missing ("the nuclear test in North Korea": ``nuclear_test:PRK``).

    None for pure statements (no fact to compare), when no actor is named for a one-way
    action, and when a one-way action names no recipient ("New Zealand deployed" says too
    little to compare)."""
    trigger = event.trigger
    if trigger.event_type in ("STATEMENT", "OTHER"):
        return None

    def ids(role: str) -> list[str]:
        found = [p.actor_id for p in event.participants if p.role == role]
        return sorted(set(by_state(found, table) if trigger.state_key else found))

    actors_, recipients = ids("actor"), ids("recipient")
    if not actors_ and not trigger.needs_recipient:  # robust to a missing role: who is named
        actors_, recipients = recipients, []
    specific = [r for r in recipients if table.kind.get(r) != "state"]
    recipients = specific or recipients
    if not actors_ or (trigger.needs_recipient and not recipients):
        return None
    key = f"{trigger.action}:{'+'.join(actors_)}"
    if recipients:
        key += ">" + "+".join(recipients)
    if event.aux_mode != "none":
        key += f":{event.aux_mode}"
    return key


def aid_fact_key(flow: AidFlow) -> str | None:
    """The gift or total an aid row states: ``aid:donor>receiver:measure:start``.

    The receiver is the organisation if one is named, else the country. A running total is
    keyed by the year its period starts ("since 1995": ``:cumulative_total:1995``), or, with no
    period, as the total of all giving when an as-of date says when it was counted; a flow or a
    yearly rate by its period's first year; a pledge by its period if it has one. An amount
    that says neither when nor since when ("almost NZ$8.5 million of aid") names no happening
    another source could state, and gets no key: two such totals are never one fact."""
    receiver = flow.receiver_org_id or flow.recipient_country
    if not (flow.donor_id and receiver):
        return None
    start = flow.period.earliest if flow.period is not None else None
    key = f"aid:{flow.donor_id}>{receiver}:{flow.measure}"
    if start is not None:
        return f"{key}:{start.year}"
    if flow.measure == "pledge_total":
        return key
    if flow.measure == "cumulative_total" and flow.as_of is not None:
        return f"{key}:all"
    return None


def keyed_participants(participants: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """Participants at the level their fact key uses: in the events whose action is a position
    of office holders (support, requests, aid...), a person or body counts as its state, as
    `fact_key` keys it. A new frame; the inputs are not modified."""
    from .lexicon import triggers

    state_actions = {t.action for t in triggers() if t.state_key}
    table = actor_table()
    p = participants.merge(events[["event_id", "action"]], on="event_id")
    kind = p["actor_id"].map(table.kind)
    country = p["actor_id"].map(table.country)
    as_state = p["action"].isin(state_actions) & kind.ne("state") & country.notna()
    p.loc[as_state, "actor_id"] = country[as_state]
    return p.drop(columns="action")
