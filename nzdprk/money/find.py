"""Finding amounts in a text: ranges, cues, restated currencies and table cells, into `Money`."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal

from .currencies import _BOUNDS, _CODES, _SYMBOLS, _Currency
from .grammar import (
    _AND_BARE_RE,
    _AND_RE,
    _BARE_DASH_RE,
    _BETWEEN_BARE_RE,
    _BETWEEN_RE,
    _CELL_NUMBER_RE,
    _CELL_RE,
    _CELL_SEPARATOR_RE,
    _CLOSE_RE,
    _CUE_OF,
    _CUE_RE,
    _DASH_BARE_RE,
    _DASH_RE,
    _HEADER_MAX,
    _ISO_RE,
    _LOOKBACK,
    _NORTH_RE,
    _OPEN_RE,
    _PRICE_YEAR_RE,
    _RANGE_BETWEEN,
    _RANGE_DASH,
    _SOUTH_RE,
    _TABLE_CELL,
    _TABLE_HEADER_RE,
    _TABLE_UNITS,
    _Atom,
    _atoms,
    _money_paragraphs,
    _Number,
    _number_start,
    _range_bounds,
    _read_number,
    _shared_currency,
)


@dataclass(frozen=True, slots=True)
class Money:
    """One money amount found in a text, traceable to its characters."""

    text: str  # whole phrase incl. qualifier, == source[char_start:char_end]
    char_start: int  # 0-based, end-exclusive code-point offsets into the searched string
    char_end: int
    amount_text: str  # currency + number + multiplier as written, without the qualifier
    amount: float | None  # stated value in currency units; None for a range
    amount_min: float | None  # bounds implied by the qualifier or range; None = open
    amount_max: float | None
    qualifier: str  # exact, approximately, almost, more_than, at_least, up_to, less_than, range
    qualifier_text: str | None  # cue words as written; None for exact and dash ranges
    currency: str | None  # ISO 4217 code; None when neither stated nor defaulted
    currency_assumed: bool  # True when a bare "$", "dollars" or "won" took an assumed currency
    rule: str  # id of the pattern that read the amount (see _RULES)
    multiplier: int | None = None  # 10**6 for "million", "m" ...; None when none is written
    equivalent_of: int | None = None  # index of the amount this one restates ("(US$100,000)")
    currency_reason: str | None = None  # why the currency was assumed; None when stated


class _Reader:
    """Turns the atoms of one text into `Money` records (qualifiers, ranges, currency)."""

    def __init__(self, text: str, default_currency: str | None, default_reason: str | None):
        self.text = text
        self.default = default_currency
        self.reason = default_reason or (
            f"bare dollar read as the given default currency {default_currency}"
        )

    def currency(self, currency: _Currency, start: int, end: int) -> tuple[str | None, str | None]:
        """The code for an amount's currency token, and why it was assumed (None if stated)."""
        if currency.generic:
            return self.default, self.reason if self.default else None
        if currency.won:
            return _won_currency(self.text, start, end)
        return currency.code, None

    def money(
        self,
        span: tuple[int, int, int],
        currency: _Currency,
        rule: str,
        qualifier: str,
        cue: str | None,
        amount: Decimal | None,
        bounds: tuple[Decimal | None, Decimal | None],
        multiplier: int | None,
    ) -> Money:
        """Build the record; span is (phrase start, amount start, end)."""
        start, amount_start, end = span
        code, reason = self.currency(currency, start, end)
        lo, hi = bounds
        return Money(
            text=self.text[start:end],
            char_start=start,
            char_end=end,
            amount_text=self.text[amount_start:end],
            amount=None if amount is None else float(amount),
            amount_min=None if lo is None else float(lo),
            amount_max=None if hi is None else float(hi),
            qualifier=qualifier,
            qualifier_text=cue,
            currency=code,
            currency_assumed=reason is not None,
            rule=rule,
            multiplier=multiplier,
            currency_reason=reason,
        )

    def single(self, atom: _Atom, floor: int) -> Money:
        """An amount with the qualifier cue, if any, written just before it."""
        m = _CUE_RE.search(self.text, max(floor, atom.start - _LOOKBACK), atom.start)
        cue = m["cue"] if m else None
        qualifier = _CUE_OF[" ".join(cue.lower().split())] if cue else "exact"
        sets_min, sets_max = _BOUNDS[qualifier]
        value = atom.number.value
        return self.money(
            (m.start() if m else atom.start, atom.start, atom.end),
            atom.currency,
            atom.rule,
            qualifier,
            cue,
            value,
            (value if sets_min else None, value if sets_max else None),
            atom.number.multiplier,
        )

    def range(
        self,
        low: tuple[int, _Number],
        high: tuple[_Number, int],
        currency: _Currency | None,
        between: re.Match[str] | None,
    ) -> Money | None:
        """A range (low start, low) to (high, high end); None if currency or order disagree."""
        (start, low_number), (high_number, end) = low, high
        bounds = _range_bounds(low_number, high_number)
        if currency is None or bounds is None:
            return None
        return self.money(
            (between.start() if between else start, start, end),
            currency,
            _RANGE_BETWEEN if between else _RANGE_DASH,
            "range",
            between["cue"] if between else None,
            None,
            bounds,
            high_number.multiplier,
        )

    def ranged(self, a: _Atom, b: _Atom | None, floor: int) -> tuple[Money, bool] | None:
        """A range with amount `a` at one end, and whether it used the next amount `b`."""
        text = self.text
        window = max(floor, a.start - _LOOKBACK)
        between = _BETWEEN_RE.search(text, window, a.start)
        joins = [(_DASH_RE, _DASH_BARE_RE, None)]
        if between:
            joins.append((_AND_RE, _AND_BARE_RE, between))
        for join, join_bare, cue in joins:
            # two amounts: "$2m–$3m", "between $2m and $3m"
            if b and join.fullmatch(text, a.end, b.start):
                shared = _shared_currency(a.currency, b.currency)
                found = self.range((a.start, a.number), (b.number, b.end), shared, cue)
                if found:
                    return found, True
            # an amount, then a bare number: "$2–3 million", "between $2 and 3 million"
            m = join_bare.match(text, a.end, b.start if b else len(text))
            if m:
                found = self.range((a.start, a.number), (_read_number(m), m.end()), a.currency, cue)
                if found:
                    return found, False
        # a bare number, then the amount: "2–3 million dollars", "between 2 and 3 million NZD"
        for pattern in (_BETWEEN_BARE_RE, _BARE_DASH_RE):
            m = pattern.search(text, window, a.start)
            if m:
                low = (_number_start(m), _read_number(m))
                cue = m if pattern is _BETWEEN_BARE_RE else None
                found = self.range(low, (a.number, a.end), a.currency, cue)
                if found:
                    return found, False
        return None


def find_money(
    text: str, *, default_currency: str | None = None, default_reason: str | None = None
) -> list[Money]:
    """All money amounts in text order, non-overlapping.

    A bare "$" (or "dollars") takes `default_currency` (the currency of the country that
    publishes the text, when the caller knows it) with ``currency_assumed=True`` and
    `default_reason` as ``currency_reason``; without a default its currency is None. A plain
    "won" is South or North Korean when its paragraph names only that Korea (also assumed).
    An amount restated in brackets in another currency points at the first with
    ``equivalent_of``.
    """
    if default_currency is not None and not _ISO_RE.fullmatch(default_currency):
        raise ValueError(
            f"default_currency must be an ISO 4217 code such as 'NZD', got {default_currency!r}"
        )
    reader = _Reader(text, default_currency, default_reason)
    atoms = _atoms(text)
    found: list[Money] = []
    floor = 0  # end of the last amount: a cue or range end is never shared between two
    i = 0
    while i < len(atoms):
        ranged = reader.ranged(atoms[i], atoms[i + 1] if i + 1 < len(atoms) else None, floor)
        if ranged:
            money, used_next = ranged
            i += 2 if used_next else 1
        else:
            money = reader.single(atoms[i], floor)
            i += 1
        found.append(money)
        floor = money.char_end
    cells = [
        reader.money(
            (start, start, end), currency, _TABLE_CELL, "exact", None, value, (value, value), unit
        )
        for start, end, value, currency, unit in _table_cells(text)
        if not any(m.char_start < end and start < m.char_end for m in found)
    ]
    return _mark_equivalents(text, sorted(found + cells, key=lambda m: m.char_start))


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the cells of a table row (tab, bar or two spaces apart); [] for prose."""
    line = text[start:end]
    if not _CELL_SEPARATOR_RE.search(line.strip()):
        return []
    return [(start + m.start(), start + m.end()) for m in _CELL_RE.finditer(line)]


def _table_cells(text: str) -> Iterator[tuple[int, int, Decimal, _Currency, int]]:
    """Plain numbers in the rows of a table whose header line gives currency and unit
    ("Aid (NZ$ million)", "(US$000)"): span, value, currency, unit. Rows run from the line
    after the header to the first line that is not a row; a cell that looks like a year is a
    column heading, not an amount."""
    by_line: dict[int, set[tuple[_Currency, int]]] = {}
    for a, b in _money_paragraphs(text):
        for header in _TABLE_HEADER_RE.finditer(text, a, b):
            line_end = text.find("\n", header.end())
            if line_end >= 0 and line_end - text.rfind("\n", 0, header.start()) <= _HEADER_MAX:
                currency = _SYMBOLS.get("".join((header["hsym"] or "").split())) or _Currency(
                    _CODES.get(header["hcode"] or "")
                )
                unit = _TABLE_UNITS[header["unit"].lower().lstrip("'’")]
                by_line.setdefault(line_end, set()).add((currency, unit))
    for line_end, kinds in by_line.items():
        if len(kinds) != 1:  # columns in different currencies or units: not decidable per cell
            continue
        ((currency, unit),) = kinds
        start = line_end + 1
        while start < len(text):
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
            cells = _cells(text, start, end)
            numbers = [m for a, b in cells if (m := _CELL_NUMBER_RE.fullmatch(text, a, b))]
            if not numbers:
                break
            for m in numbers:
                if not _PRICE_YEAR_RE.fullmatch(m["num"]):
                    figure = Decimal(m["num"].replace(",", ""))
                    yield m.start("num"), m.end("num"), figure * unit, currency, unit
            start = end + 1


def _mark_equivalents(text: str, found: list[Money]) -> list[Money]:
    """Point an amount in brackets right after another ("NZ$150,000 (US$100,000)") at it.

    A conversion is never in the same currency, so a bare "$" on either side of an amount
    stated in the default currency does not take that default ("NZ$1m ($700,000)",
    "$700,000 (NZ$1m)").
    """
    out = list(found)
    for i in range(1, len(out)):
        first, second = out[i - 1], out[i]
        if first.equivalent_of is not None:
            continue
        opened = _OPEN_RE.fullmatch(text, first.char_end, second.char_start)
        if not opened or not _CLOSE_RE.match(text, second.char_end):
            continue
        if first.currency == second.currency and first.currency_assumed != second.currency_assumed:
            j = i if second.currency_assumed else i - 1
            out[j] = replace(out[j], currency=None, currency_assumed=False, currency_reason=None)
        out[i] = replace(out[i], equivalent_of=i - 1)
    return out


def _won_currency(text: str, start: int, end: int) -> tuple[str | None, str | None]:
    """KRW or KPW for a plain won when its paragraph (line) names only that Korea."""
    line_end = text.find("\n", end)
    line = text[text.rfind("\n", 0, start) + 1 : line_end if line_end >= 0 else len(text)]
    north = _NORTH_RE.search(line)
    south = _SOUTH_RE.search(_NORTH_RE.sub(" ", line))
    if south and not north:
        return "KRW", "plain won in a paragraph that names South Korea and not North Korea"
    if north and not south:
        return "KPW", "plain won in a paragraph that names North Korea and not South Korea"
    return None, None


def parse_money(phrase: str, *, default_currency: str | None = None) -> Money | None:
    """The one amount a phrase consists of (spacing aside); None if it is not exactly that."""
    found = find_money(phrase, default_currency=default_currency)
    if len(found) != 1:
        return None
    money = found[0]
    whole = not phrase[: money.char_start].strip() and not phrase[money.char_end :].strip()
    return money if whole else None
