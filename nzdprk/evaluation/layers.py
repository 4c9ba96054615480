"""Scoring the reading layers: document metadata, date phrases and dated events."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from .gold import (
    Gold,
    GoldDocument,
    GoldEvent,
    iso_text,
)
from .matching import (
    _bounds,
    _day,
    _distance,
    _first,
    _key,
    _Layer,
    _match,
    _occurrences,
    _shift_year,
    _value,
)

if TYPE_CHECKING:
    import pandas as pd

    from ..corpus import Corpus


def _typed(frame: pd.DataFrame, types: dict[str, Any]) -> pd.DataFrame:
    return frame.astype(object).where(frame.notna(), None).astype(types)


def _true(value: Any) -> bool:
    import pandas as pd

    return not pd.isna(value) and bool(value)


def _metadata(corpus: Corpus, scored: dict[str, GoldDocument], gold: Gold) -> list[_Layer]:
    """Kind, title, own date and (undated documents) the earliest publication day."""
    docs = corpus.documents.set_index("doc_id")
    layers = {
        name: _Layer("document metadata", name, note)
        for name, note in (
            ("kind", "the kind detected from the text"),
            ("title", "an empty title counts as right when the text has none"),
            ("date", "the document's own date; an empty date is right when the text has none"),
            ("not_before", "undated documents: the earliest possible publication day"),
        )
    }
    for doc_id, doc in scored.items():
        row = docs.loc[doc_id]
        checks = []
        if doc.kind:
            checks.append(("kind", doc.kind, _value(row["doc_type"])))
        if doc.has_title:
            title = _value(row["title"])
            same = title is not None and doc.title is not None and _key(title) == _key(doc.title)
            checks.append(("title", doc.title, doc.title if same else title))
        if doc.has_date:
            own = _value(row["published_edtf"]) if _true(row["is_dated"]) else None
            checks.append(("date", iso_text(doc.date) if doc.date else None, own))
        if doc.not_before and not _true(row["is_dated"]):
            found = _day(row["published_earliest"])
            checks.append(
                ("not_before", iso_text(doc.not_before), iso_text(found) if found else None)
            )
        for name, expected, found in checks:
            layers[name].compare(doc_id, name, expected, found, (None, None))
    return list(layers.values())


def _date_phrases(corpus: Corpus, scored: dict[str, GoldDocument], gold: Gold) -> list[_Layer]:
    """Annotated date phrases against the rows of ``dates``, by overlap, then by bounds."""
    found_layer = _Layer(
        "date phrases", "found", "a phrase counts as found when a dates row overlaps it"
    )
    exact_layer = _Layer(
        "date phrases", "found with exact bounds", "earliest and latest day equal the annotation's"
    )
    dates = corpus.dates
    for doc_id, doc in scored.items():
        text = corpus.text(doc_id)
        items: list[list] = []  # [start, end, {(min, max) of the events written there}]
        for event in doc.events:
            for start, end in _occurrences(text, event.date_text) or [
                _first(text, event.date_text)
            ]:
                items.append([start, end, {(event.min, event.max)}])
        items.sort(key=lambda item: (item[0], item[1]))
        merged: list[list] = []
        for item in items:
            if merged and item[0] < merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], item[1])
                merged[-1][2] |= item[2]
            else:
                merged.append(item)
        skipped = [span for phrase in doc.skipped for span in _occurrences(text, phrase)]
        rows = dates[dates["doc_id"] == doc_id]
        found = []
        for row in rows.itertuples(index=False):
            start, end = int(row.char_start), int(row.char_end)
            on_gold = any(start < e and s < end for s, e, _ in merged)
            if not on_gold and any(start < e and s < end for s, e in skipped):
                continue
            found.append((start, end, _day(row.date_earliest), _day(row.date_latest), row.quote))
        for layer, exact in ((found_layer, False), (exact_layer, True)):

            def ok(i: int, j: int, exact: bool = exact, gold=merged, got=found) -> bool:
                s, e, bounds = gold[i]
                fs, fe, low, high, _ = got[j]
                return fs < e and s < fe and (not exact or (low, high) in bounds)

            def near(i: int, j: int, gold=merged, got=found) -> int:
                return _distance(gold[i][:2], got[j][:2])

            pairs = _match(len(merged), len(found), ok, near)
            layer.tp += len(pairs)
            for i, (s, e, bounds) in enumerate(merged):
                if i not in pairs:
                    expected = " or ".join(sorted(_bounds(lo, hi) for lo, hi in bounds))
                    over = [f for f in found if f[0] < e and s < f[1]]
                    seen = f"{over[0][4]!r}: {_bounds(over[0][2], over[0][3])}" if over else None
                    layer.miss(doc_id, text[s:e], expected, seen, (s, e))
            used = set(pairs.values())
            for j, (s, e, low, high, quote) in enumerate(found):
                if j not in used and not _repeats(quote, low, high, doc.events, exact):
                    layer.false_hit(doc_id, quote, None, _bounds(low, high), (s, e))
    return [found_layer, exact_layer]


def _repeats(
    quote: str, low: dt.date | None, high: dt.date | None, events: list[GoldEvent], exact: bool
) -> bool:
    """A later mention of an annotated phrase ('Today's test' after 'today's nuclear test')."""
    return any(
        quote.casefold() in event.date_text.casefold()
        and (not exact or (low, high) == (event.min, event.max))
        for event in events
    )


def _event_ok(
    event: GoldEvent, low: dt.date | None, high: dt.date | None, quote: str, exact: bool
) -> bool:
    """Whether a dated statement matches an annotated event (exactly, or overlapping)."""
    if low is None or high is None:
        return False
    if event.words and not all(_key(w) in _key(quote) for w in event.words):
        return False
    min_ok = (
        event.min_range[0] <= low <= event.min_range[1] if event.min_range else low == event.min
    )
    max_ok = (
        event.max_range[0] <= high <= event.max_range[1] if event.max_range else high == event.max
    )
    if min_ok and max_ok:
        return True
    if exact:
        return False
    return (
        low <= event.max
        and event.min <= high
        and low >= _shift_year(event.min, -1)
        and high <= _shift_year(event.max, 1)
    )


def _event_layers() -> dict[tuple[bool, bool], _Layer]:
    """The four event layers: core or all events, by exact or overlapping bounds."""
    return {
        (core, exact): _Layer(
            "dated events",
            f"{'core' if core else 'all'}, {'exact' if exact else 'overlapping'}",
            (
                "recall over core events (the text alone fixes the date)"
                if core
                else "recall over every annotated event"
            )
            + (
                "; bounds equal the annotation's"
                if exact
                else "; bounds overlap, at most a year wider each side"
            ),
        )
        for core in (True, False)
        for exact in (True, False)
    }


def _dated_statements(rows: pd.DataFrame) -> list[tuple]:
    """One (low, high, quote, start, end, date text) per dated statement of a document: events
    that share their sentence and bounds are one statement (a release's own statement dated by
    the release, with no date phrase, and "today's test" in its lead are one)."""
    found: dict[tuple, tuple] = {}
    for row in rows.sort_values("date_text", na_position="last").itertuples(index=False):
        low, high = _day(row.date_earliest), _day(row.date_latest)
        key = (row.sentence_id, low, high)
        found.setdefault(
            key,
            (low, high, row.quote, int(row.char_start), int(row.char_end), row.date_text),
        )
    return list(found.values())


def _events(corpus: Corpus, scored: dict[str, GoldDocument], gold: Gold) -> list[_Layer]:
    """Annotated events against the dated statements of ``events`` (core and all)."""
    layers = _event_layers()
    events = corpus.events
    dated = events[events["date_earliest"].notna() | events["date_latest"].notna()]
    for doc_id, doc in scored.items():
        text = corpus.text(doc_id)
        statements = _dated_statements(dated[dated["doc_id"] == doc_id])
        where = [_occurrences(text, e.date_text) or [_first(text, e.date_text)] for e in doc.events]
        for exact in (True, False):

            def ok(i: int, j: int, exact=exact, gold=doc.events, got=statements) -> bool:
                return _event_ok(gold[i], *got[j][:3], exact)

            def near(i: int, j: int, spans=where, got=statements) -> int:
                return min(_distance(span, got[j][3:5]) for span in spans[i])

            pairs = _match(len(doc.events), len(statements), ok, near)
            used = set(pairs.values())
            for core in (True, False):
                layer = layers[(core, exact)]
                for i, event in enumerate(doc.events):
                    if core and not event.core:
                        continue
                    if i in pairs:
                        layer.tp += 1
                    else:
                        read = [
                            f"{st[5]!r}: {_bounds(st[0], st[1])}"
                            for st in statements
                            if any(st[3] <= s and e <= st[4] for s, e in where[i] if s is not None)
                        ]
                        layer.miss(
                            doc_id,
                            event.date_text,
                            _bounds(event.min, event.max),
                            "; ".join(read) or None,
                            _first(text, event.date_text),
                        )
                for j, (low, high, quote, start, end, written) in enumerate(statements):
                    if j not in used:
                        found_text = f"{written!r}: {_bounds(low, high)}"
                        layer.false_hit(doc_id, quote, None, found_text, (start, end))
    return list(layers.values())
