"""Measure how well the package reads: a hand annotation (gold YAML) against a corpus's frames.

``evaluate(corpus, gold)`` scores each layer — document metadata, date phrases, dated events,
money, aid rows, persons and facts shared between documents — with precision, recall and F1
and the counts behind them, and lists every miss and false hit with its document and quote.
The annotation format and the scoring rules are documented in ``docs/evaluation.md``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .gold import (
    STATUSES,
    Gold,
    GoldDocument,
    GoldError,
    GoldEvent,
    GoldFact,
    GoldMoney,
    iso_text,
    load_gold,
    nfc,
)
from .schema import EVALUATION_FRAMES, dtypes

if TYPE_CHECKING:
    import pandas as pd

    from .corpus import Corpus


# ---------------------------------------------------------------- helpers


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


# ---------------------------------------------------------------- the result


@dataclass
class Evaluation:
    """Scores per layer and measure, and every miss and false hit behind them."""

    scores: pd.DataFrame
    errors: pd.DataFrame
    gold: str
    corpus: str
    n_documents: int
    notes: list[str] = field(default_factory=list)

    def to_markdown(self) -> str:
        """The scores as a Markdown table, with the counts behind each figure."""
        lines = [
            "| layer | measure | found right | false hits | missed | precision | recall | F1 |",
            "|---|---|--:|--:|--:|--:|--:|--:|",
        ]
        for row in self.scores.itertuples(index=False):
            lines.append(
                f"| {row.layer} | {row.measure} | {_count(row.tp)} | {_count(row.fp)} | "
                f"{_count(row.fn)} | {_pct(row.precision)} | {_pct(row.recall)} | {_pct(row.f1)} |"
            )
        return "\n".join(lines) + "\n"

    def summary(self) -> str:
        """One line: what was measured on what."""
        return (
            f"{self.n_documents} annotated documents of {self.corpus} "
            f"against {Path(self.gold).name}"
        )

    def caveats(self) -> list[str]:
        """What limits the figures: documents or facts not scored, layers not available."""
        missing = [
            f"{r.layer} ({r.measure}): {r.note}"
            for r in self.scores.itertuples()
            if "not available" in str(r.note)
        ]
        return [*self.notes, *missing]

    def __str__(self) -> str:
        notes = "".join(f"- {note}\n" for note in self.caveats())
        measured = [
            f"- {r.layer} / {r.measure}: {r.note}\n" for r in self.scores.itertuples() if r.note
        ]
        return f"{self.summary()}\n\n{self.to_markdown()}\n{''.join(measured)}{notes}"

    def __repr__(self) -> str:
        return f"<Evaluation {self.summary()}>"


def _count(value: Any) -> str:
    import pandas as pd

    return "–" if pd.isna(value) else str(int(value))


def _pct(value: Any) -> str:
    import pandas as pd

    return "–" if pd.isna(value) else f"{100 * float(value):.0f}%"


# ---------------------------------------------------------------- scoring


def evaluate(corpus: Corpus | str | Path, gold: str | Path | Mapping) -> Evaluation:
    """Score ``corpus`` (a Corpus or a folder) against ``gold`` (a YAML file or a mapping).

    Raises :class:`GoldError` naming the file and line when the annotation is wrong.
    """
    import warnings

    import pandas as pd

    from .corpus import Corpus, CorpusWarning, load_corpus

    if not isinstance(corpus, Corpus):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", CorpusWarning)
            corpus = load_corpus(corpus)
    documents = corpus.documents
    by_file: dict[str, str] = {}
    for doc_id, path in zip(documents["doc_id"], documents["path"], strict=True):
        by_file[path] = doc_id
        by_file.setdefault(Path(path).name, doc_id)
    texts = {file: corpus.text(doc_id) for file, doc_id in by_file.items()}
    checked = load_gold(gold, texts)
    scored = {by_file[file]: doc for file, doc in checked.documents.items()}
    notes = []
    left_out = len(documents) - len(scored)
    if left_out:
        notes.append(f"{left_out} documents of the corpus are not annotated and not scored")
    layers: list[_Layer] = []
    for score in (_metadata, _date_phrases, _events, _money, _aid, _persons):
        layers += score(corpus, scored, checked)
    layers += _agreement(corpus, scored, checked, by_file, notes)
    scores = pd.DataFrame(
        [layer.row() for layer in layers], columns=EVALUATION_FRAMES["scores"].names
    )
    errors = pd.DataFrame(
        [e for layer in layers for e in layer.errors], columns=EVALUATION_FRAMES["errors"].names
    )
    return Evaluation(
        scores=_typed(scores, dtypes(EVALUATION_FRAMES["scores"])),
        errors=_typed(errors, dtypes(EVALUATION_FRAMES["errors"])),
        gold=checked.source,
        corpus=f"{corpus.root.name}/",
        n_documents=len(scored),
        notes=notes,
    )


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


def _events(corpus: Corpus, scored: dict[str, GoldDocument], gold: Gold) -> list[_Layer]:
    """Annotated events against the dated statements of ``events`` (core and all)."""
    layers = {
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
    events = corpus.events
    dated = events[events["date_earliest"].notna() | events["date_latest"].notna()]
    for doc_id, doc in scored.items():
        text = corpus.text(doc_id)
        rows = dated[dated["doc_id"] == doc_id]
        found: dict[tuple, tuple] = {}
        for row in rows.itertuples(index=False):
            low, high = _day(row.date_earliest), _day(row.date_latest)
            key = (row.sentence_id, row.date_text, low, high)
            found.setdefault(
                key,
                (low, high, row.quote, int(row.char_start), int(row.char_end), row.date_text),
            )
        statements = list(found.values())
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


def _amounts(corpus: Corpus) -> tuple[pd.DataFrame, str, bool]:
    """The money amounts the package found, where they come from, and whether spans are theirs.

    Without an ``amounts`` frame the amounts in ``aid_flows`` stand in, clearly labelled; their
    spans are those of the sentence, so only their written text is compared with not_money.
    """
    amounts = getattr(corpus, "amounts", None)
    needed = {"doc_id", "amount", "currency", "char_start", "char_end", "quote"}
    if amounts is not None and needed <= set(amounts.columns):
        return amounts, "every amount in the amounts table", True
    flows = corpus.aid_flows
    flows = flows[flows["amount"].notna()]
    return flows, "the amounts table is not available: only amounts read as aid", False


def _amount_text(row: Any) -> str:
    written = getattr(row, "amount_text", None)
    return str(written) if _value(written) else str(row.quote)


def _same_amount(gold: GoldMoney, amount: Any, currency: Any) -> bool:
    value = _value(amount)
    return (
        value is not None
        and abs(float(value) - gold.amount) <= 1e-6 * max(1.0, gold.amount)
        and _value(currency) == gold.currency
    )


def _money(corpus: Corpus, scored: dict[str, GoldDocument], gold: Gold) -> list[_Layer]:
    """Every annotated amount against every amount found, and the numbers that are not money."""
    amounts, source, own_spans = _amounts(corpus)
    layer = _Layer("money", "amount and currency", source)
    left_out = _Layer(
        "money", "not money left out", "numbers annotated as not money that were not read as money"
    )
    left_out.no_fn = True
    for doc_id, doc in scored.items():
        text = corpus.text(doc_id)
        _score_amounts(layer, text, doc_id, doc.money, amounts)
        rows = list(amounts[amounts["doc_id"] == doc_id].itertuples(index=False))
        for number in doc.not_money:
            spans = _occurrences(text, number) or [_first(text, number)]
            read = [
                r
                for r in rows
                if _amount_text(r) == number
                or (
                    own_spans
                    and any(int(r.char_start) < e and s < int(r.char_end) for s, e in spans)
                )
            ]
            if read:
                left_out.false_hit(
                    doc_id,
                    number,
                    "not money",
                    _money_text(read[0].amount, read[0].currency),
                    spans[0],
                )
            else:
                left_out.tp += 1
    return [layer, left_out]


def _score_amounts(
    layer: _Layer,
    text: str,
    doc_id: str,
    expected: list[GoldMoney],
    amounts: pd.DataFrame,
) -> dict[int, Any]:
    """Pair annotated amounts with found ones (same number and currency); count and list errors."""
    rows = list(amounts[amounts["doc_id"] == doc_id].itertuples(index=False))
    where = []
    seen: dict[str, int] = {}
    for money in expected:
        spans = _occurrences(text, money.text) or [_first(text, money.text)]
        k = seen.get(money.text, 0)
        seen[money.text] = k + 1
        where.append(spans[min(k, len(spans) - 1)])
    pairs = _match(
        len(expected),
        len(rows),
        lambda i, j: _same_amount(expected[i], rows[j].amount, rows[j].currency),
        lambda i, j: _distance(where[i], (int(rows[j].char_start), int(rows[j].char_end))),
    )
    layer.tp += len(pairs)
    for i, money in enumerate(expected):
        if i not in pairs:
            layer.miss(
                doc_id, money.text, _money_text(money.amount, money.currency), None, where[i]
            )
    used = set(pairs.values())
    for j, row in enumerate(rows):
        if j not in used:
            layer.false_hit(
                doc_id,
                _amount_text(row),
                None,
                _money_text(row.amount, row.currency),
                (int(row.char_start), int(row.char_end)),
            )
    return {i: rows[j] for i, j in pairs.items()}


def _aid(corpus: Corpus, scored: dict[str, GoldDocument], gold: Gold) -> list[_Layer]:
    """Annotated aid amounts against ``aid_flows``, then what each amount found measures."""
    flows = corpus.aid_flows
    flows = flows[flows["amount"].notna()]
    amount = _Layer(
        "aid rows",
        "amount and currency",
        "aid_flows rows with an amount; money marked aid: false is left out",
    )
    attributes = {
        "measure": _Layer("aid rows", "measure", "where annotated, on the amounts found"),
        "period": _Layer(
            "aid rows", "period", "where annotated in EDTF (or null), on the amounts found"
        ),
        "as_of": _Layer("aid rows", "as-of date", "where annotated, on the amounts found"),
    }
    for doc_id, doc in scored.items():
        text = corpus.text(doc_id)
        aid = [m for m in doc.money if m.aid]
        pairs = _score_amounts(amount, text, doc_id, aid, flows)
        for i, row in pairs.items():
            money = aid[i]
            span = (int(row.char_start), int(row.char_end))
            checks = []
            if money.measure is not None:
                checks.append(("measure", money.measure, _value(row.measure)))
            if money.has_period:
                checks.append(("period", money.period, _value(row.period_edtf)))
            if money.as_of is not None:
                found = _day(row.as_of_date)
                checks.append(("as_of", iso_text(money.as_of), iso_text(found) if found else None))
            for name, expected, found in checks:
                attributes[name].compare(doc_id, money.text, expected, found, span)
    return [amount, *attributes.values()]


def _person_mentions(corpus: Corpus) -> pd.DataFrame:
    """Mentions of persons: by the mentions' own kind where it is given, else by the actors'
    kind (row by row, so a frame whose kind column is empty still counts)."""
    mentions = corpus.mentions
    own = next((c for c in ("kind", "actor_kind") if c in mentions.columns), None)
    actor_kind = corpus.actors.drop_duplicates("actor_id").set_index("actor_id")["actor_kind"]
    by_actor = mentions["actor_id"].map(actor_kind).astype(object)
    kind = (
        by_actor
        if own is None
        else mentions[own].astype(object).where(mentions[own].notna(), by_actor)
    )
    return mentions[kind.eq("person").fillna(False).to_numpy(dtype=bool)]


def _persons(corpus: Corpus, scored: dict[str, GoldDocument], gold: Gold) -> list[_Layer]:
    """Annotated person names against person mentions, and how many mentions are persons."""
    names = _Layer(
        "persons",
        "names",
        "a name is found when a person mention contains it (case, spaces and hyphens "
        "ignored); a false hit is a name found that is no person's",
    )
    real = _Layer(
        "persons", "mentions that are persons", "person mentions that are a real person's name"
    )
    real.no_fn = True
    mentions = _person_mentions(corpus)
    for doc_id, doc in scored.items():
        text = corpus.text(doc_id)
        forms: dict[str, list[str]] = {}
        for person in doc.persons:
            group = [person, *doc.person_variants.get(person, [])]
            for variants in gold.name_variants:
                if any(_key(v) == _key(person) for v in variants):
                    group += variants
            forms[person] = group
        for variant_of, variants in doc.person_variants.items():
            forms.setdefault(variant_of, [variant_of]).extend(variants)
        rows = mentions[mentions["doc_id"] == doc_id]
        wrong: dict[str, tuple] = {}
        for row in rows.itertuples(index=False):
            said = str(row.text)
            span = (int(row.char_start), int(row.char_end))
            tokens = _tokens(said)
            is_person = any(
                _contains_tokens(tokens, _tokens(form)) or _contains_tokens(_tokens(form), tokens)
                for group in forms.values()
                for form in group
            )
            if is_person:
                real.tp += 1
            else:
                real.false_hit(doc_id, said, None, "person", span)
                wrong.setdefault(_key(said), (said, span))
        said_keys = [_key(str(t)) for t in rows["text"]]
        for person in doc.persons:
            keys = {_key(form) for form in forms[person][:1]} | {
                _key(v)
                for variants in gold.name_variants
                if any(_key(v) == _key(person) for v in variants)
                for v in variants
            }
            if any(k in said for k in keys for said in said_keys):
                names.tp += 1
            else:
                names.miss(doc_id, person, "a person", None, _first(text, person))
        for said, span in wrong.values():
            names.false_hit(doc_id, said, None, "person", span)
    return [names, real]


def _resolve(reference: str, by_file: Mapping[str, str], scored: Mapping) -> str | None:
    """The doc_id an agreement entry's document reference names ('h07', a file name)."""
    ref = reference.strip()
    if ref in by_file:
        return by_file[ref]
    hits = {doc_id for file, doc_id in by_file.items() if doc_id in scored and file.startswith(ref)}
    return hits.pop() if len(hits) == 1 else None


def _agreement(
    corpus: Corpus,
    scored: dict[str, GoldDocument],
    gold: Gold,
    by_file: Mapping[str, str],
    notes: list[str],
) -> list[_Layer]:
    """Annotated shared facts against ``claim_comparisons``, one fact key per document pair."""
    layer = _Layer(
        "shared facts",
        "pairs with the annotated relation",
        "a pair of claims from the listed documents, about the fact, with its relation",
    )
    comparisons = corpus.claim_comparisons
    quotes = dict(zip(corpus.claims["claim_id"], corpus.claims["quote"], strict=True))
    units: dict[tuple, dict] = {}
    for row in comparisons.itertuples(index=False):
        if row.doc_id_a == row.doc_id_b:
            continue
        unit = units.setdefault(
            (row.fact_key, row.doc_id_a, row.doc_id_b),
            {"value": set(), "other": set(), "values": set(), "quotes": set()},
        )
        relation = str(row.relation)
        if relation != "not_comparable":
            unit["value" if row.aspect in ("date", "amount", "period") else "other"].add(relation)
        unit["values"] |= {str(v) for v in (row.value_a, row.value_b) if _value(v)}
        unit["quotes"].add((row.doc_id_a, quotes.get(row.claim_id_a, "")))
        unit["quotes"].add((row.doc_id_b, quotes.get(row.claim_id_b, "")))
    matched: set[tuple] = set()
    outside = 0
    for fact in gold.agreement:
        docs = {d for d in (_resolve(r, by_file, scored) for r in fact.docs) if d}
        if len(docs) < 2:
            outside += 1
            continue

        def about(key: tuple, unit: dict, fact: GoldFact = fact, docs: set = docs) -> bool:
            if not {key[1], key[2]} <= docs:
                return False
            if fact.value and not any(v.startswith(fact.value) for v in unit["values"]):
                return False
            return not fact.words or all(
                any(_key(w) in _key(q) for d, q in unit["quotes"] if d == doc)
                for doc in (key[1], key[2])
                for w in fact.words
            )

        related = [key for key, unit in units.items() if about(key, unit)]
        matched.update(related)
        right = [
            key
            for key in related
            if (units[key]["value"] or units[key]["other"]) & STATUSES[fact.status]
            and not (
                fact.status == "compatible"
                and "conflict" in (units[key]["value"] or units[key]["other"])
            )
        ]
        if right:
            layer.tp += 1
        else:
            seen = sorted(
                {r for key in related for r in (units[key]["value"] or units[key]["other"])}
            )
            layer.miss(
                ", ".join(sorted(docs)),
                fact.fact,
                fact.status,
                ", ".join(seen) or None,
                (None, None),
            )
    for key, unit in units.items():
        if key not in matched:
            relations = unit["value"] or unit["other"] or {"not_comparable"}
            layer.false_hit(
                f"{key[1]}, {key[2]}", key[0], None, ", ".join(sorted(relations)), (None, None)
            )
    if outside:
        notes.append(
            f"{outside} shared facts of the annotation name fewer than two documents of this "
            "corpus and are not scored"
        )
    return [layer]


# ---------------------------------------------------------------- command line and report


def run_cli(corpus: Path | None, gold: Path, out: Path | None) -> int:
    """``nzdprk evaluate``: print the table; with ``out``, write scores.csv and errors.csv."""
    import sys
    import warnings

    from .corpus import CorpusWarning, load_corpus
    from .files import write_files
    from .read import CorpusError, NoDocumentsError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", CorpusWarning)
            loaded = load_corpus(corpus)
        result = evaluate(loaded, gold)
    except GoldError as exc:
        print(f"nzdprk evaluate: {exc}", file=sys.stderr)
        return 2
    except NoDocumentsError as exc:
        print(f"nzdprk evaluate: no sources. {exc}", file=sys.stderr)
        return 3
    except CorpusError as exc:
        print(f"nzdprk evaluate: {exc}", file=sys.stderr)
        return 1
    except (FileNotFoundError, NotADirectoryError) as exc:
        print(f"nzdprk evaluate: {exc}", file=sys.stderr)
        return 2
    print(result)
    if out is not None:
        frames = {"scores.csv": result.scores, "errors.csv": result.errors}
        write_files(
            out,
            {
                name: lambda path, frame=frame: frame.to_csv(path, index=False, lineterminator="\n")
                for name, frame in frames.items()
            },
            group="evaluation",
        )
        print(f"nzdprk: wrote scores.csv and errors.csv to {out}", file=sys.stderr)
    return 0


BEGIN = "<!-- figures: begin (written by make eval) -->"
END = "<!-- figures: end -->"


def report(evaluations: Mapping[str, Evaluation]) -> str:
    """The figures block of ``docs/evaluation.md`` (without its date line)."""
    parts = []
    for title, result in evaluations.items():
        caveats = "".join(f"- {caveat}\n" for caveat in result.caveats())
        parts.append(
            f"### {title}\n\n{result.summary()}.\n\n{result.to_markdown()}"
            + (f"\n{caveats}" if caveats else "")
        )
    return "\n".join(parts)


def update_report(path: Path, figures: str, today: dt.date) -> bool:
    """Put ``figures`` between the markers of ``path``; date it only when the figures changed.

    Returns whether the file was written, so that running again without changes leaves it as
    it was (and the repository clean).
    """
    from .files import write_file

    old = path.read_text(encoding="utf-8") if path.exists() else ""
    if BEGIN in old and END in old:
        head, rest = old.split(BEGIN, 1)
        block, tail = rest.split(END, 1)
    else:
        head, block, tail = (old.rstrip("\n") + "\n\n" if old else ""), "", "\n"
    kept = re.sub(r"\A\s*Measured on \d{4}-\d{2}-\d{2}\.\s*", "", block).strip()
    if kept == figures.strip():
        return False
    block = f"\nMeasured on {today.isoformat()}.\n\n{figures.strip()}\n"
    write_file(path, f"{head}{BEGIN}{block}{END}{tail}".encode())
    return True
