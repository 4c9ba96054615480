"""Events as frame rows: one document's events, event_participants and claims rows, with ids
``doc_id:e001`` and claims ``doc_id:c001`` in text order. The face (`nzdprk.corpus`) passes what
belongs to other stages: sentence ids, fact keys, the one-line summary and the date columns."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .events import Event, WhenLike
from .lexicon import QUAD_CLASS


@dataclass(frozen=True, slots=True)
class EventRows:
    """One document's rows of the events, event_participants and claims frames."""

    events: list[dict]
    participants: list[dict]
    claims: list[dict]


@dataclass(frozen=True, slots=True)
class Columns:
    """How the face fills the columns other stages own."""

    sentence_id: Callable[[int], str | None]
    fact_key: Callable[[Event], str | None]
    summary: Callable[[list[str], str, list[str]], str]
    when_columns: Callable[[WhenLike | None], dict]
    version: str


def event_rows(
    doc_id: str,
    text: str,
    events: Sequence[Event],
    event_dates: Sequence[WhenLike],
    columns: Columns,
) -> EventRows:
    """The frame rows of one document's events (see the module)."""
    out = EventRows([], [], [])
    for i, ev in enumerate(events, start=1):
        event_id, claim_id = f"{doc_id}:e{i:03d}", f"{doc_id}:c{i:03d}"
        by_role = {
            role: [p.actor_id for p in ev.participants if p.role == role]
            for role in ("actor", "recipient", "location")
        }
        when = ev.when or (event_dates[ev.when_index] if ev.when_index is not None else None)
        key = columns.fact_key(ev)
        common = {
            "doc_id": doc_id,
            "attributed_to": ev.attributed_to,
            "assertion_mode": ev.assertion_mode,
            "char_start": ev.sentence_start,
            "char_end": ev.sentence_end,
            "quote": text[ev.sentence_start : ev.sentence_end],
        }
        out.events.append(
            {
                "event_id": event_id,
                "claim_id": claim_id,
                "sentence_id": columns.sentence_id(ev.sentence_start),
                **_coded(ev, by_role, columns.summary),
                **columns.when_columns(when),
                "fact_key": key,
                "refers_to": None if ev.refers_to is None else f"{doc_id}:e{ev.refers_to + 1:03d}",
                "same_as": None if ev.same_as is None else f"{doc_id}:e{ev.same_as + 1:03d}",
                **common,
            }
        )
        out.participants.extend(_participant_rows(doc_id, event_id, ev))
        out.claims.append(
            {
                "claim_id": claim_id,
                "claim_type": "event",
                "record_id": event_id,
                "fact_key": key,
                "subject_id": next(iter(by_role["actor"]), None),
                "predicate": ev.action,
                "object_id": next(iter(by_role["recipient"]), None),
                "hedge_text": ev.hedge_text,
                "rule_id": f"event.{ev.trigger.action or 'generic'}",
                "extractor_version": columns.version,
                **common,
            }
        )
    return out


def _participant_rows(doc_id: str, event_id: str, ev: Event) -> list[dict]:
    """One row per participant of an event and role."""
    return [
        {
            "event_id": event_id,
            "doc_id": doc_id,
            "actor_id": p.actor_id,
            "role": p.role,
            "quote": p.text,
            "char_start": p.char_start,
            "char_end": p.char_end,
        }
        for p in ev.participants
    ]


def _coded(
    ev: Event, by_role: dict[str, list[str]], summary: Callable[[list[str], str, list[str]], str]
) -> dict:
    """The columns of what happened: type, action, modes, participants, trigger."""
    return {
        "event_type": ev.trigger.event_type,
        "action": ev.action,
        "event_mode": ev.trigger.mode,
        "context": ev.trigger.context,
        "quad_class": QUAD_CLASS.get(ev.trigger.event_type),
        "cameo_code": ev.trigger.cameo_code,
        "aux_mode": ev.aux_mode,
        "summary": summary(by_role["actor"], ev.action, by_role["recipient"]),
        "actor_id": next(iter(by_role["actor"]), None),
        "recipient_id": next(iter(by_role["recipient"]), None),
        "location_id": next(iter(by_role["location"]), None),
        "trigger_text": ev.trigger_text,
        "trigger_start": ev.trigger_start,
        "trigger_end": ev.trigger_end,
    }
