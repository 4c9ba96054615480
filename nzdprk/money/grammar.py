"""The amount grammar: regular-expression pieces and the table of amount patterns, and the
reading of one match into a number and a currency."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import NamedTuple

from .currencies import (
    _CODES,
    _CUES,
    _DOLLARS,
    _MULTIPLIER_ABBREVIATIONS,
    _MULTIPLIER_WORDS,
    _MULTIPLIERS,
    _NAMES,
    _NUMBER_WORDS,
    _ONES,
    _SYMBOLS,
    _TEENS,
    _TENS,
    _Currency,
)

# ---------------------------------------------------------------------------------------------
# Regular-expression pieces, compiled once at import.
# ---------------------------------------------------------------------------------------------

# Spacing: horizontal white space (incl. no-break and thin spaces) and at most one line
# break, so an amount may wrap a line but never runs across a paragraph break.
_HS = r"[^\S\n]"
_GAP = rf"{_HS}*(?:\n{_HS}*)?"  # optional spacing
_SEP = rf"(?=\s){_GAP}"  # required spacing
# Range dashes: hyphen, non-breaking hyphen, figure dash, en dash (an em dash is a pause).
_DASH = "[-\u2010\u2011\u2012\u2013]"


def _literals(items: Iterable[str]) -> str:
    """Alternation of literal phrases, longest first ("NZD$" before "NZ$"), any spacing."""
    phrases = sorted(items, key=len, reverse=True)
    return "|".join(_SEP.join(re.escape(w) for w in p.split()) for p in phrases)


_SYMBOL_ALT = "|".join(
    # Two or more letters may stand apart from the sign ("NZ $4m"); "A $5m" is not A$.
    re.escape(s[:-1]) + f"{_HS}?" + re.escape(s[-1]) if len(s) > 2 else re.escape(s)
    for s in sorted(_SYMBOLS, key=len, reverse=True)
)
_SYMBOL = rf"(?<![^\W\d_])(?P<sym>{_SYMBOL_ALT})"
_CODE = rf"(?<![^\W\d_])(?P<code>{_literals(_CODES)})(?![^\W\d_]|\$)"
_NAME_RES = tuple(
    (re.compile(f"(?:{before}) {word}".replace(" ", _SEP) if before else word, re.I), currency)
    for before, word, currency in _NAMES
)
_NAME = rf"(?P<name>(?i:{'|'.join(p.pattern for p, _ in _NAME_RES)}))(?!\w)"
_CURRENCY_AFTER = rf"(?:{_CODE}|{_NAME})"

# Digits: "215,000", "1 000 000" with no-break or thin spaces, "1.4". A number followed by a
# stray separator and digit ("5,5", "1,0000") is refused rather than cut short, and so is one
# of more than 15 digits before the point (no amount needs them; all values stay finite).
_DIGITS = (
    r"(?P<num>(?:[0-9]{1,3}(?:,[0-9]{3}){1,4}|[0-9]{1,3}(?:[\u00a0\u2009\u202f][0-9]{3}){1,4}"
    r"|[0-9]{1,15})(?:\.[0-9]+)?)(?![.,]?\d)"
)
_MULT_WORD = _literals(_MULTIPLIER_WORDS)
# "1.4 million", "4-million"; "1.5m", "$3bn", "$3 bn" (a one-letter abbreviation is attached).
_MULT = (
    rf"(?:(?:-|{_GAP})(?P<mult>(?i:{_MULT_WORD}))"
    rf"|{_HS}?(?P<abbr>(?i:{_literals(a for a in _MULTIPLIER_ABBREVIATIONS if len(a) > 1)})"
    rf"|(?<=[0-9])(?i:{_literals(a for a in _MULTIPLIER_ABBREVIATIONS if len(a) == 1)})))(?!\w)"
)

# Number words: "four", "twenty-five", "two hundred and fifty", "two and a half"; "a",
# "half a" and "a quarter of a" only before a multiplier word ("half a million").
_BELOW_100 = (
    rf"(?:(?:{_literals(_TENS)})(?:(?:-|{_SEP})(?:{_literals(_ONES)}))?"
    rf"|{_literals(_TEENS + _ONES)})"
)
_BELOW_1000 = (
    rf"(?:(?:{_BELOW_100}|a){_SEP}hundred(?:{_SEP}(?:and{_SEP})?{_BELOW_100})?|{_BELOW_100})"
)
_BEFORE_MULT = rf"(?={_SEP}(?:{_MULT_WORD})(?!\w))"
_WORDS = (
    rf"(?<![\w-])(?P<words>(?i:(?:half|a{_SEP}quarter{_SEP}of){_SEP}a{_BEFORE_MULT}"
    rf"|(?:{_BELOW_1000}|a{_BEFORE_MULT})(?:{_SEP}and{_SEP}a{_SEP}(?:half|quarter))?))"
    rf"(?:{_SEP}(?P<wmult>(?i:{_MULT_WORD})))?(?!\w)"
)
_NUMBER_START = r"(?<![\w.,])"
# A number with no currency of its own, at the other end of a range ("$2–3 million").
_BARE = rf"{_NUMBER_START}(?:{_DIGITS}(?:{_MULT})?|{_WORDS})(?!\w)"

# The closed table of amount patterns: rule id, pattern, and whether the currency follows the
# number. Where rows match at the same place the longest match wins, then the earlier row.
_RULES: tuple[tuple[str, re.Pattern[str], bool], ...] = tuple(
    (rule, re.compile(pattern), after)
    for rule, pattern, after in (
        # "NZ$1.4 million", "$3bn", "€2.5m", "US$ 500k"
        ("money.symbol_number_multiplier", rf"{_SYMBOL}{_GAP}{_DIGITS}{_MULT}", False),
        # "$215,000", "£40", "NZ$ 1,000,000"
        ("money.symbol_number", rf"{_SYMBOL}{_GAP}{_DIGITS}(?!\w)", False),
        # "NZD 4 million", "EUR 2.5bn"
        ("money.code_number_multiplier", rf"{_CODE}{_GAP}{_DIGITS}{_MULT}", False),
        # "USD 215,000"
        ("money.code_number", rf"{_CODE}{_GAP}{_DIGITS}(?!\w)", False),
        # "4 million NZD", "4 million New Zealand dollars", "3bn euros"
        (
            "money.number_multiplier_currency",
            rf"{_NUMBER_START}{_DIGITS}{_MULT}{_GAP}{_CURRENCY_AFTER}",
            True,
        ),
        # "215,000 NZD", "300 euros"
        ("money.number_currency", rf"{_NUMBER_START}{_DIGITS}{_GAP}{_CURRENCY_AFTER}", True),
        # "four million dollars", "half a million euros", "two and a half million NZD"
        ("money.words_currency", rf"{_WORDS}{_SEP}{_CURRENCY_AFTER}", True),
    )
)
_RANGE_DASH = "money.range_dash"  # "NZ$2–3 million", "$2m-$3m", "2–3 million dollars"
_RANGE_BETWEEN = "money.range_between"  # "between NZ$2 million and NZ$3 million"

_CUE_OF = {c: q for q, cues in _CUES.items() for c in cues}
_CUE_RE = re.compile(rf"(?<!\w)(?P<cue>{_literals(_CUE_OF)}){_GAP}\Z", re.IGNORECASE)
_BETWEEN = rf"(?<!\w)(?P<cue>(?i:between)){_SEP}"
_AND = rf"{_SEP}(?i:and){_SEP}"
_BETWEEN_RE = re.compile(rf"{_BETWEEN}\Z")  # "between " + amount
_BETWEEN_BARE_RE = re.compile(rf"{_BETWEEN}{_BARE}{_AND}\Z")  # "between 2 and " + amount
_AND_RE = re.compile(_AND)  # amount + " and " + amount
_AND_BARE_RE = re.compile(rf"{_AND}{_BARE}")  # amount + " and 3 million"
_DASH_RE = re.compile(rf"{_GAP}{_DASH}{_GAP}")  # amount + " – " + amount
_DASH_BARE_RE = re.compile(rf"{_DASH}{_BARE}")  # amount + "–3 million" (no spaces)
_BARE_DASH_RE = re.compile(rf"{_BARE}{_DASH}\Z")  # "2–" + amount (no spaces)
# Amounts never cross a blank line, so only paragraphs holding a currency token are searched.
_BLANK_LINE_RE = re.compile(r"\n[^\S\n]*\n")
_TOKEN_RE = re.compile(
    f"[{re.escape(''.join(sorted({s[-1] for s in _SYMBOLS})))}]|{_literals(_CODES)}"
)
# Currency words, searched for in lower-cased text (much faster than a case-insensitive search).
_CURRENCY_WORD_RE = re.compile(rf"\b(?:{'|'.join(sorted({w for _, w, _ in _NAMES}))})\b")
_PRICE_YEAR_RE = re.compile(r"(?:1[89]|20)[0-9]{2}")
_ISO_RE = re.compile(r"[A-Z]{3}")
_TRAIL_RE = re.compile(rf"{_GAP}{_NAME}")  # a currency name written again after an amount
# A table header that gives currency and unit with no number: "(NZ$ million)", "US$000",
# "NZD m", "(€ '000)"; the rows below it hold plain numbers in that currency and unit.
_TABLE_UNITS = {
    **{w: 10**3 for w in ("000", "000s", "thousand", "thousands", "k")},
    **{w: 10**6 for w in ("million", "millions", "m", "mn")},
    **{w: 10**9 for w in ("billion", "billions", "bn")},
}
_TABLE_HEADER_RE = re.compile(
    rf"(?<![^\W\d_])(?:(?P<hsym>{_SYMBOL_ALT})|(?P<hcode>{_literals(_CODES)}))"
    rf"{_HS}?(?P<unit>['’]?000s?|(?i:thousands?|millions?|billions?|mn|bn|m|k))"
    rf"(?![\w'’])(?!{_HS}*[0-9])"
)
_LEADING_ZERO_RE = re.compile(r"0[0-9]")  # "US$000" is a unit ("thousands"), not an amount
_HEADER_MAX = 200  # a header is a short line, not a sentence of prose
_TABLE_CELL = "money.table_cell"
_CELL_SEPARATOR_RE = re.compile(r"\t|\||[^\S\n]{2,}")
_CELL_RE = re.compile(r"[^\t|\s](?:[^\t|\n]*?[^\t|\s])??(?=[^\S\n]{2,}|[^\S\n]*(?:[\t|]|$))")
_CELL_NUMBER_RE = re.compile(r"(?P<num>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)")
# An amount restated in another currency in brackets: "NZ$150,000 (US$100,000)".
_OPEN_RE = re.compile(rf"{_GAP}\({_GAP}")
_CLOSE_RE = re.compile(rf"{_GAP}\)")
# Which Korea a paragraph names, for a plain "won" or "₩" (the long DPRK name contains "Republic
# of Korea", so it is removed before the South is looked for).
_NORTH_RE = re.compile(
    r"\bNorth\W*Korea|\bPyongyang\b|\bDPRK\b|Democratic People.s Republic of Korea"
)
_SOUTH_RE = re.compile(r"\bSouth\W*Korea|\bSeoul\b|\bROK\b|\bRepublic of Korea")
_LOOKBACK = 80  # characters searched before an amount for its cue or a range's lower end

# ---------------------------------------------------------------------------------------------
# Parsing.
# ---------------------------------------------------------------------------------------------


class _Number(NamedTuple):
    """A number as written: its figure and multiplier ("1.4", 10**6)."""

    figure: Decimal
    multiplier: int | None

    @property
    def value(self) -> Decimal:
        return self.figure * (self.multiplier or 1)


class _Atom(NamedTuple):
    """One amount with its currency, before qualifiers and ranges are looked for."""

    start: int
    end: int
    number: _Number
    currency: _Currency
    rule: str


def _read_number(m: re.Match[str]) -> _Number:
    """The figure and multiplier in a match of _DIGITS (+ _MULT) or _WORDS."""
    groups = m.groupdict()
    mult = groups.get("mult") or groups.get("abbr") or groups.get("wmult")
    multiplier = _MULTIPLIERS[mult.lower()] if mult else None
    if groups.get("num"):
        return _Number(Decimal(re.sub(r"[,\u00a0\u2009\u202f]", "", groups["num"])), multiplier)
    return _Number(_words_value(groups["words"]), multiplier)


def _number_start(m: re.Match[str]) -> int:
    """Where the number of a bare-number match begins."""
    return m.start("num") if m["num"] else m.start("words")


def _words_value(words: str) -> Decimal:
    """Value of a number in words: "two hundred and fifty" -> 250, "half a" -> 0.5."""
    tokens = re.split(r"[\s-]+", words.lower())
    if tokens[0] == "half":
        return Decimal("0.5")
    if tokens[:2] == ["a", "quarter"]:
        return Decimal("0.25")
    value = Decimal(1 if tokens[0] == "a" else 0)  # "a hundred", "a million"
    for token in tokens:
        if token == "hundred":
            value *= 100
        elif token in _NUMBER_WORDS:
            value += _NUMBER_WORDS[token]
        elif token == "half":  # "and a half"
            value += Decimal("0.5")
        elif token == "quarter":
            value += Decimal("0.25")
    return value


def _read_currency(m: re.Match[str]) -> _Currency:
    """The currency named by the symbol, code or name in a rule match."""
    groups = m.groupdict()
    if groups.get("sym"):
        return _SYMBOLS["".join(groups["sym"].split())]
    if groups.get("code"):
        return _Currency(_CODES[groups["code"]])
    return next(c for pattern, c in _NAME_RES if pattern.fullmatch(groups["name"]))


def _is_price_year(m: re.Match[str]) -> bool:
    """A year-like integer with no multiplier, as in "in 2015 US dollars"."""
    groups = m.groupdict()
    plain = groups.get("num") and not (groups.get("mult") or groups.get("abbr"))
    return bool(plain and _PRICE_YEAR_RE.fullmatch(groups["num"]))


def _money_paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Start and end of each paragraph that names a currency (the only places to search)."""
    start = 0
    for blank in (*_BLANK_LINE_RE.finditer(text), None):
        end = blank.start() if blank else len(text)
        if _TOKEN_RE.search(text, start, end) or _CURRENCY_WORD_RE.search(text[start:end].lower()):
            yield start, end
        start = blank.end() if blank else end


def _is_stray_won(m: re.Match[str], currency: _Currency) -> bool:
    """A plain "won" after a small ungrouped number is the verb ("3 won"), not the currency."""
    groups = m.groupdict()
    if not currency.won or not groups.get("name"):
        return False
    grouped = groups.get("num") and re.search(r"[,\u00a0\u2009\u202f ]", groups["num"])
    return not (groups.get("mult") or groups.get("abbr") or groups.get("wmult") or grouped)


def _restated_currency(text: str, end: int, currency: _Currency) -> tuple[int, _Currency]:
    """The end and currency of an amount whose currency is written again after it: "$2.5
    million dollars", "US$5m US dollars"; a bare "$" takes a named dollar's code."""
    m = _TRAIL_RE.match(text, end)
    if not m:
        return end, currency
    named = _read_currency(m)
    if named == currency or (named.generic and currency.code in _DOLLARS):
        return m.end(), currency
    if currency.generic and (named.generic or named.code in _DOLLARS):
        return m.end(), named
    return end, currency


def _atoms(text: str) -> list[_Atom]:
    """Single amounts in text order: every rule's matches, kept leftmost-longest, no overlap."""
    candidates = []
    for start, end in _money_paragraphs(text):
        for order, (_, pattern, after) in enumerate(_RULES):
            for m in pattern.finditer(text, start, end):
                if after and _is_price_year(m):
                    continue
                currency = _read_currency(m)
                if _is_stray_won(m, currency) or _LEADING_ZERO_RE.match(
                    m.groupdict().get("num") or ""
                ):
                    continue
                stop, currency = (
                    (m.end(), currency) if after else _restated_currency(text, m.end(), currency)
                )
                candidates.append((m.start(), -stop, order, m, currency))
    candidates.sort(key=lambda c: c[:3])
    atoms: list[_Atom] = []
    for start, neg_end, order, m, currency in candidates:
        if not atoms or start >= atoms[-1].end:
            rule = _RULES[order][0]
            atoms.append(_Atom(start, -neg_end, _read_number(m), currency, rule))
    return atoms


def _shared_currency(a: _Currency, b: _Currency) -> _Currency | None:
    """The one currency of a range's two ends; a bare "$" yields to a named dollar."""
    if a == b:
        return a
    if a.generic and b.code in _DOLLARS:
        return b
    if b.generic and a.code in _DOLLARS:
        return a
    return None


def _range_bounds(low: _Number, high: _Number) -> tuple[Decimal, Decimal] | None:
    """Bounds of a range; a lower end without multiplier borrows the upper one's ("$2–3m")."""
    lo, hi = low.value, high.value
    if low.multiplier is None and high.multiplier is not None:
        borrowed = low.figure * high.multiplier
        lo = borrowed if borrowed <= hi else lo
    return (lo, hi) if lo <= hi else None
