"""One document's claim records as frame rows: events, event_participants, claims and
aid_flows, built together so that ids agree (claims ``c001…`` are the document's events, then
its aid flows). The face passes what belongs to later stages: sentence ids, the date columns
and amount ids (`RowColumns`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import ActorTable, aid_fact_key, fact_key
from .event_rows import Columns, event_rows

if TYPE_CHECKING:
    from ..extract import Analysis
    from ..money import Money
    from .aid import AidFlow


@dataclass(frozen=True, slots=True)
class RowColumns:
    """How the face fills the columns later stages own."""

    when_columns: Callable[[str, object], dict]
    amount_id: Callable[[str, int], str]
    version: str


def document_rows(
    doc_id: str,
    text: str,
    analysed: Analysis,
    table: ActorTable,
    sentence_id: Callable[[int], str | None],
    columns: RowColumns,
) -> tuple[list[dict], list[dict], list[dict], list[dict]]:
    """Rows of events, event_participants, claims and aid_flows of one document."""
    names = table.names
    # Records by identity: one lookup each, however long the document. An event whose amount
    # is an aid row is compared as that row.
    counted = {id(f.event) for f in analysed.aid_flows if f.money is not None}
    positions = {
        id(record): i
        for records in (analysed.events, analysed.money)
        for i, record in enumerate(records)
    }
    rows = event_rows(
        doc_id,
        text,
        analysed.events,
        analysed.event_dates,
        Columns(
            sentence_id=sentence_id,
            fact_key=lambda ev: None if id(ev) in counted else fact_key(ev, table),
            summary=lambda a, action, r: summary(
                [names.get(x, x) for x in a], action, [names.get(x, x) for x in r]
            ),
            when_columns=lambda when: columns.when_columns("date_", when),
            version=columns.version,
        ),
    )
    claims, flows = list(rows.claims), []
    first = len(analysed.events) + 1
    for j, flow in enumerate(analysed.aid_flows, start=1):
        claim_id = f"{doc_id}:c{first + j - 1:03d}"
        row = flow_row(doc_id, text, positions, flow, j, claim_id, columns)
        flows.append(row)
        claims.append(flow_claim(doc_id, flow, row, columns.version))
    return rows.events, rows.participants, claims, flows


def summary(actors_: list[str], action: str, recipients: list[str]) -> str:
    """One readable line: "Winston Peters: visit → North Korea"."""
    who = ", ".join(actors_) or "(actor not named)"
    line = f"{who}: {action.replace('_', ' ')}"
    return f"{line} → {', '.join(recipients)}" if recipients else line


def flow_row(
    doc_id: str,
    text: str,
    positions: dict[int, int],
    flow: AidFlow,
    number: int,
    claim_id: str,
    columns: RowColumns,
) -> dict[str, object]:
    """One aid_flows row, keyed by `claims.aid_fact_key`: what two sources must share for their
    amounts to be compared. ``positions``: each event's and amount's place in its document, by
    the record's identity."""
    key = aid_fact_key(flow)
    event = None if flow.event is None else positions[id(flow.event)]
    event_id = None if event is None else f"{doc_id}:e{event + 1:03d}"
    amount = None if flow.money is None else positions[id(flow.money)]
    return {
        "flow_id": f"{doc_id}:f{number:03d}",
        "claim_id": claim_id,
        "doc_id": doc_id,
        "event_id": event_id,
        "amount_id": None if amount is None else columns.amount_id(doc_id, amount),
        "fact_key": key,
        "donor_id": flow.donor_id,
        "donor_source": flow.donor_source,
        "receiver_org_id": flow.receiver_org_id,
        "recipient_country": flow.recipient_country,
        "recipient_country_source": flow.recipient_country_source,
        "channel_kind": flow.channel_kind,
        "purpose_text": flow.purpose_text,
        "condition_text": flow.condition_text,
        "measure": flow.measure,
        "transaction_type": flow.transaction_type,
        "amount": flow.amount,
        "amount_qualifier": flow.amount_qualifier,
        "amount_min": flow.amount_min,
        "amount_max": flow.amount_max,
        "amount_text": flow.amount_text,
        "currency": flow.currency,
        "currency_assumed": flow.currency_assumed,
        **equivalent(flow.equivalent),
        **columns.when_columns("period_", flow.period),
        "as_of_date": flow.as_of,
        "as_of_source": flow.as_of_source,
        "rule_id": flow.rule,
        "quote": text[flow.sentence_start : flow.sentence_end],
        "char_start": flow.sentence_start,
        "char_end": flow.sentence_end,
    }


def flow_claim(
    doc_id: str, flow: AidFlow, row: dict[str, object], version: str
) -> dict[str, object]:
    """The claims row of an aid_flows row: who gives what to whom, as asserted or planned."""
    return {
        "claim_id": row["claim_id"],
        "doc_id": doc_id,
        "claim_type": "aid_flow",
        "record_id": row["flow_id"],
        "fact_key": row["fact_key"],
        "subject_id": flow.donor_id,
        "predicate": f"aid_{flow.measure}",
        "object_id": flow.receiver_org_id or flow.recipient_country,
        "object_value": flow.amount_text,
        "attributed_to": None,
        "assertion_mode": "planned" if flow.measure == "pledge_total" else "asserted",
        "hedge_text": None,
        "rule_id": flow.rule,
        "extractor_version": version,
        "quote": row["quote"],
        "char_start": row["char_start"],
        "char_end": row["char_end"],
    }


def equivalent(money: Money | None) -> dict[str, object]:
    """The columns of the same gift restated in another currency (all empty without one)."""
    return {
        "equivalent_amount": None if money is None else money.amount,
        "equivalent_currency": None if money is None else money.currency,
        "equivalent_text": None if money is None else money.amount_text,
    }
