"""The closed vocabulary of money: currency symbols, codes and names, multipliers, number words
and the cues that bound or qualify an amount."""

from __future__ import annotations

from typing import NamedTuple

from .. import curated
from ..schema import AMOUNT_QUALIFIER

# ---------------------------------------------------------------------------------------------
# Vocabulary: the closed lists of currency tokens, multipliers, number words and cues.
# ---------------------------------------------------------------------------------------------


class _Currency(NamedTuple):
    code: str | None  # ISO 4217; None when the token does not say which currency
    generic: bool = False  # a plain dollar: the caller's default_currency applies
    won: bool = False  # a plain won: South or North Korean, as its paragraph says


_DOLLAR = _Currency(None, generic=True)
_WON = _Currency(None, won=True)


#: Symbols written before the number; letters before "$" name the dollar.
_SYMBOLS: dict[str, _Currency] = {
    "$": _DOLLAR,
    "NZ$": _Currency("NZD"),
    "NZD$": _Currency("NZD"),
    "US$": _Currency("USD"),
    "USD$": _Currency("USD"),
    "U.S.$": _Currency("USD"),
    "A$": _Currency("AUD"),
    "AU$": _Currency("AUD"),
    "AUD$": _Currency("AUD"),
    "C$": _Currency("CAD"),
    "CA$": _Currency("CAD"),
    "CAD$": _Currency("CAD"),
    "HK$": _Currency("HKD"),
    "S$": _Currency("SGD"),
    "SG$": _Currency("SGD"),
    "€": _Currency("EUR"),
    "£": _Currency("GBP"),
    "¥": _Currency("JPY"),  # the usual English reading; Chinese yuan is written CN¥ or RMB
    "JP¥": _Currency("JPY"),
    "CN¥": _Currency("CNY"),
    "₹": _Currency("INR"),
    "₩": _WON,  # won sign: KRW or KPW, decided from the paragraph (see _won_currency)
}

#: ISO 4217 codes, upper case, written before or after the number (RMB is the yuan).
_CODES: dict[str, str] = {
    **{c: c for c in ("NZD", "USD", "AUD", "CAD", "EUR", "GBP", "JPY", "CNY", "KRW", "KPW")},
    **{c: c for c in ("CHF", "HKD", "SGD", "INR")},
    "RMB": "CNY",
}

#: Currency names written after the number: the words before the currency word (a regex; ""
#: for none), the currency word, the currency. Case-insensitive; a space matches any spacing.
_NAMES: tuple[tuple[str, str, _Currency], ...] = (
    (r"New Zealand|NZ|Kiwi", "dollars?", _Currency("NZD")),
    (r"US|U\.S\.|United States|American", "dollars?", _Currency("USD")),
    ("Australian", "dollars?", _Currency("AUD")),
    ("Canadian", "dollars?", _Currency("CAD")),
    ("Hong Kong", "dollars?", _Currency("HKD")),
    ("Singapore", "dollars?", _Currency("SGD")),
    ("", "dollars?", _DOLLAR),
    ("", "euros?", _Currency("EUR")),
    ("British", "pounds?", _Currency("GBP")),
    ("pounds?", "sterling", _Currency("GBP")),
    ("", "sterling", _Currency("GBP")),
    ("Japanese", "yen", _Currency("JPY")),
    ("", "yen", _Currency("JPY")),
    ("Chinese", "yuan", _Currency("CNY")),
    ("", "yuan", _Currency("CNY")),
    ("", "renminbi", _Currency("CNY")),
    ("South Korean", "won", _Currency("KRW")),
    ("North Korean", "won", _Currency("KPW")),
    ("", "won", _WON),  # only after a multiplier or a grouped number ("1.5 billion won")
    ("Swiss", "francs?", _Currency("CHF")),
)

#: Named dollars, which a bare "$" at the other end of a range may stand for.
_DOLLARS = frozenset(
    {c.code for s, c in _SYMBOLS.items() if s.endswith("$")}
    | {c.code for _, word, c in _NAMES if word == "dollars?"}
) - {None}

_MULTIPLIER_WORDS = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_MULTIPLIER_ABBREVIATIONS = {
    "k": 10**3,
    "m": 10**6,
    "mn": 10**6,
    "mln": 10**6,
    "b": 10**9,
    "bn": 10**9,
    "tn": 10**12,
    "trn": 10**12,
}
_MULTIPLIERS = _MULTIPLIER_WORDS | _MULTIPLIER_ABBREVIATIONS

_ONES = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = (
    *("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"),
    *("eighteen", "nineteen"),
)
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_NUMBER_WORDS: dict[str, int] = {w: i for i, w in enumerate(_ONES + _TEENS, start=1)}
_NUMBER_WORDS |= {w: 10 * i for i, w in enumerate(_TENS, start=2)}


def _qualifier_cues() -> dict[str, tuple[str, ...]]:
    """Qualifier cues written just before an amount (case-insensitive), by qualifier, from
    ``data/qualifiers.csv`` (the one table of qualifier words for amounts, dates and hedges)."""
    rows = curated.table("qualifiers.csv")
    curated.check_vocabulary("qualifiers.csv", rows, "amount_qualifier", AMOUNT_QUALIFIER.values)
    cues: dict[str, list[str]] = {}
    for row in rows:
        if row["amount_qualifier"]:
            cues.setdefault(row["amount_qualifier"], []).append(row["phrase"])
    return {qualifier: tuple(words) for qualifier, words in cues.items()}


_CUES = _qualifier_cues()

#: Which bounds a qualifier sets to the stated amount: (amount_min, amount_max).
_BOUNDS: dict[str, tuple[bool, bool]] = {
    "exact": (True, True),
    "approximately": (False, False),
    "almost": (False, True),
    "more_than": (True, False),
    "at_least": (True, False),
    "up_to": (False, True),
    "less_than": (False, True),
}
