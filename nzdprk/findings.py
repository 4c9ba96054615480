"""The project's results, written as sentences with numbers computed from the frames.

The README quotes these sentences; a test checks that every one of them is there word for word,
so the README cannot drift from the data. ``nzdprk findings`` prints them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .happenings import dated_happenings

if TYPE_CHECKING:
    from .corpus import Corpus


def findings(corpus: Corpus) -> list[str]:
    """The results, one Markdown sentence each (NoDocumentsError for an empty corpus)."""
    from .corpus import require_documents

    require_documents(corpus)
    dates = corpus.dates["date_resolution"].astype(str)
    events = corpus.events
    # a happening told twice counts once, at its most precise telling
    happened = dated_happenings(events)
    flows = corpus.aid_flows
    amounts = flows[flows["amount_text"].notna()]
    promises = flows[flows["amount_text"].isna()]
    facts = corpus.facts
    people = corpus.actors[
        (corpus.actors["actor_kind"] == "person") & (corpus.actors["n_mentions"] > 0)
    ]
    conflicts = int((corpus.claim_comparisons["relation"] == "conflict").sum())

    def amount(row) -> str:
        qualifier = "" if row.amount_qualifier == "exact" else f"{row.amount_qualifier} "
        if isinstance(row.period_edtf, str):
            return (
                f"{qualifier}{row.amount_text} ({row.measure.replace('_', ' ')} over "
                f"`{row.period_edtf}`, as of {row.as_of_date:%Y-%m-%d})"
            )
        return f"{qualifier}{row.amount_text} ({row.measure.replace('_', ' ')}, no period or date)"

    return [
        f"The {len(corpus.docs)} sources contain **{len(dates)}** date phrases: "
        f"**{(dates == 'explicit').sum()}** placed by their own words, "
        f"**{(dates == 'anchored').sum()}** anchored to a document's date, "
        f"**{(dates == 'inferred').sum()}** dated by the text's other dates, and "
        f"**{(dates == 'unresolved').sum()}** that cannot be placed.",
        f"**{len(events)}** events are coded; **{len(happened)}** are dated events that happened, "
        f"from **{happened['date_earliest'].min():%Y}** to "
        f"**{happened['date_latest'].max():%Y}**, and **{(events['aux_mode'] == 'future').sum()}**"
        " are plans, kept apart.",
        f"Aid: **{len(amounts)}** amounts — "
        + "; ".join(amount(r) for r in amounts.itertuples())
        + f" — and **{len(promises)}** {'promise' if len(promises) == 1 else 'promises'} "
        "without an amount"
        + "".join(f" (on condition: “{c}”)" for c in promises["condition_text"].dropna())
        + ". None of them is a yearly flow, so none may be added to another.",
        f"Statements grouped as one happening (one fact key): **{len(facts)}**; "
        f"**{int(facts['single_source'].sum())}** are stated by one source only and "
        f"**{int((~facts['single_source']).sum())}** by two or more; "
        f"**{conflicts}** pairs of claims conflict.",
        f"**{len(people)}** people are named in the sources.",
    ]
