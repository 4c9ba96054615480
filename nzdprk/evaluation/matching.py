"""Matching a hand annotation's phrases to what the package found: keys, tokens, the
nearest occurrence, bounds as text, and `_Layer`, which counts hits, misses and false hits."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from .gold import nfc


def _key(text: str) -> str:
    """Case, spaces, hyphens and full stops ignored (how names and cue words are compared)."""
    return re.sub(r"[\s\-‐‑‒–—.]+", "", nfc(text).casefold())


def _tokens(text: str) -> list[str]:
    return [t for t in re.split(r"[\s\-‐‑‒–—.]+", nfc(text).casefold()) if t]


def _contains_tokens(longer: list[str], shorter: list[str]) -> bool:
    n = len(shorter)
    return n > 0 and any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


def _occurrences(text: str, phrase: str) -> list[tuple[int, int]]:
    """Spans of ``phrase`` in ``text`` as a whole word or phrase."""
    spans = []
    for m in re.finditer(re.escape(phrase), text):
        before = text[m.start() - 1] if m.start() else " "
        after = text[m.end()] if m.end() < len(text) else " "
        if not (before.isalnum() and phrase[:1].isalnum()) and not (
            after.isalnum() and phrase[-1:].isalnum()
        ):
            spans.append((m.start(), m.end()))
    return spans


def _distance(a: tuple[int | None, int | None], b: tuple[int, int]) -> int:
    """How far apart two spans are (0 when they overlap)."""
    if a[0] is None or a[1] is None:
        return 0
    return max(0, b[0] - a[1], a[0] - b[1])


def _first(text: str, phrase: str) -> tuple[int | None, int | None]:
    spans = _occurrences(text, phrase) or [
        (i, i + len(phrase)) for i in [text.find(phrase)] if i >= 0
    ]
    return spans[0] if spans else (None, None)


def _match(
    n_gold: int,
    n_found: int,
    ok: Callable[[int, int], bool],
    prefer: Callable[[int, int], int] | None = None,
) -> dict[int, int]:
    """A largest one-to-one pairing of gold items with found items (gold index -> found index).

    Among equally good pairings, ``prefer`` (smaller first) chooses, e.g. the nearest span.
    """
    edges = [
        sorted((j for j in range(n_found) if ok(i, j)), key=lambda j, i=i: prefer(i, j))
        if prefer
        else [j for j in range(n_found) if ok(i, j)]
        for i in range(n_gold)
    ]
    owner: dict[int, int] = {}

    def assign(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or assign(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    for i in range(n_gold):
        assign(i, set())
    return {i: j for j, i in owner.items()}


def _day(value: Any) -> dt.date | None:
    import pandas as pd

    if value is None or pd.isna(value):
        return None
    return pd.Timestamp(value).date()


def _shift_year(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _bounds(low: dt.date | None, high: dt.date | None) -> str:
    if low is None and high is None:
        return "no date"
    if low == high:
        return str(low)
    return f"{low or '..'} to {high or '..'}"


def _money_text(amount: Any, currency: Any) -> str:
    import pandas as pd

    number = "no amount" if amount is None or pd.isna(amount) else f"{float(amount):,.2f}"
    number = number.removesuffix(".00")
    return f"{'?' if currency is None or pd.isna(currency) else currency} {number}"


def _value(value: Any) -> str | None:
    import pandas as pd

    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return str(value)


class _Layer:
    """Counts and error rows for one measure of one layer."""

    def __init__(self, layer: str, measure: str, note: str = ""):
        self.layer, self.measure, self.note = layer, measure, note
        self.tp = self.fp = self.fn = 0
        self.no_fn = False  # a measure of precision only: nothing in the annotation to miss
        self.errors: list[dict] = []

    def miss(self, doc_id: str, quote: str, expected: str, found: str | None, span: tuple) -> None:
        self.fn += 1
        self._error(doc_id, "miss", quote, expected, found, span)

    def false_hit(
        self, doc_id: str, quote: str, expected: str | None, found: str, span: tuple
    ) -> None:
        self.fp += 1
        self._error(doc_id, "false_hit", quote, expected, found, span)

    def compare(
        self, doc_id: str, quote: str, expected: str | None, found: str | None, span: tuple
    ) -> None:
        """One annotated value against the value read: right, or a false hit and/or a miss."""
        if expected == found:
            self.tp += 1
            return
        if found is not None:
            self.false_hit(doc_id, quote, expected, found, span)
        if expected is not None:
            self.miss(doc_id, quote, expected, found, span)

    def _error(
        self,
        doc_id: str,
        error: str,
        quote: str,
        expected: str | None,
        found: str | None,
        span: tuple[int | None, int | None],
    ) -> None:
        self.errors.append(
            {
                "layer": self.layer,
                "measure": self.measure,
                "doc_id": doc_id,
                "error": error,
                "quote": quote,
                "expected": expected,
                "found": found,
                "char_start": span[0],
                "char_end": span[1],
            }
        )

    def row(self) -> dict:
        fp = self.fp
        fn = None if self.no_fn else self.fn
        precision = self.tp / (self.tp + fp) if self.tp + fp else None
        recall = self.tp / (self.tp + fn) if fn is not None and self.tp + fn else None
        f1 = (
            2 * precision * recall / (precision + recall)
            if precision is not None and recall is not None and precision + recall
            else (0.0 if precision == 0 and recall == 0 else None)
        )
        return {
            "layer": self.layer,
            "measure": self.measure,
            "tp": self.tp,
            "fp": fp,
            "fn": fn,
            "precision": precision,
            "recall": recall,
            "f1": f1,
            "note": self.note,
        }
