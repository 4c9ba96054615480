"""The claims stage's frame rows, built directly from one analysed document (no corpus)."""

from __future__ import annotations

import datetime as dt

from nzdprk.claims import actor_table
from nzdprk.claims.rows import RowColumns, document_rows, summary
from nzdprk.extract import analyse
from nzdprk.frames import amount_id, when_columns
from nzdprk.read import Document, Published

DAY = dt.date(2007, 11, 20)


def _rows(text: str):
    doc = Document(
        doc_id="r",
        path="r.txt",
        doc_type="press_release",
        text=text,
        ministers=("Winston Peters",),
        published=Published("2007-11-20", "2007-11-20", DAY, DAY, "day", "explicit"),
    )
    return document_rows(
        doc.doc_id,
        doc.text,
        analyse(doc),
        actor_table(),
        lambda at: "r:s001",
        RowColumns(when_columns=when_columns, amount_id=amount_id, version="test"),
    )


def test_summary_names_who_did_what_to_whom():
    assert summary(["Winston Peters"], "visit", ["North Korea"]) == (
        "Winston Peters: visit → North Korea"
    )
    assert summary([], "nuclear_test", []) == "(actor not named): nuclear test"


def test_an_aid_gift_gives_an_event_an_aid_row_and_two_claims_with_agreeing_ids():
    # a sentence written for this test, in the shape of the sources' aid sentences
    events, participants, claims, flows = _rows(
        "New Zealand gave NZ$500,000 in food aid to North Korea in 2005."
    )
    assert [f["flow_id"] for f in flows] == ["r:f001"]
    flow = flows[0]
    assert (flow["amount"], flow["currency"], flow["amount_id"]) == (500000, "NZD", "r:a001")
    assert flow["quote"] == "New Zealand gave NZ$500,000 in food aid to North Korea in 2005."
    # claims: the document's events first, then its aid rows, numbered on
    assert [c["claim_type"] for c in claims] == ["event"] * len(events) + ["aid_flow"]
    assert claims[-1]["claim_id"] == f"r:c{len(events) + 1:03d}"
    assert claims[-1]["record_id"] == "r:f001"
    assert flow["claim_id"] == claims[-1]["claim_id"]
    assert {p["event_id"] for p in participants} <= {e["event_id"] for e in events}
