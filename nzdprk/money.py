"""Money amounts in running text: value, currency, qualifier and bounds, with exact spans.

Reads "NZ$1.4 million", "almost NZD$8.5 million", "$3bn", "four million New Zealand dollars"
or "between US$2 million and US$3 million" into `Money` records for the ``amounts`` and
``aid_flows`` frames (data model §7.5). A number is money only next to a currency symbol, ISO
code or currency word, or in a table whose header gives currency and unit ("Aid (NZ$ million)"
above rows of plain numbers), so head counts, calibres, years and percentages are never read
as amounts.

Decisions, so that no record says more than its text:

* A bare "$" or "dollars" takes ``default_currency`` (the caller's reading of who publishes the
  text, see `nzdprk.home_currency`) and sets ``currency_assumed`` and ``currency_reason``; with
  no default the currency is None.
* A plain "won" or "₩" is KRW or KPW only when its paragraph names just that Korea (assumed,
  with the reason); "won" counts as a currency only after a multiplier or a grouped number.
* A currency written again after the amount belongs to it ("$200,000 dollars"); an amount in
  brackets right after another ("NZ$150,000 (US$100,000)") restates it: ``equivalent_of``.
* A number with a leading zero ("US$000") is a unit in a header, not an amount.
* "about", "around", "some" ... give qualifier "approximately" with no bounds: the text states
  no margin, so none is invented.
* A bound is the figure the cue names, as stated: "more than $5m" has ``amount_min`` 5e6.
* "¥" is read as JPY.
* A year-like integer right before a currency name ("in 2015 US dollars") is a price basis,
  not an amount.
* Ranges are "between X and Y" and dash ranges ("$2–3m"); "from X to Y" is not read as a range
  because it usually reports a change, so its two ends come out as two amounts.

Not read: symbols after the number ("5 €"), decimal commas ("5,5 Mio."), vague amounts
("millions of dollars"), lakh/crore, signs ("-$5m" is $5m), and tables whose columns are in
different currencies or units. Whether an amount is a flow, a total or a rate ("a year") is
for the claims that use it to say.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import NamedTuple

__all__ = ["Money", "find_money", "parse_money"]


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

#: Qualifier cues written just before an amount (case-insensitive).
_CUES: dict[str, tuple[str, ...]] = {
    "almost": ("almost", "nearly", "just under", "just short of", "just shy of"),
    "approximately": (
        *("about", "around", "approximately", "approx.", "roughly", "some", "circa", "c."),
        *("ca.", "an estimated", "estimated", "close to", "in the region of", "~"),
        *("of the order of", "on the order of"),
    ),
    "more_than": ("more than", "over", "just over", "well over", "in excess of", "upwards of"),
    "at_least": ("at least", "a minimum of", "no less than", "not less than"),
    "up_to": ("up to", "as much as", "a maximum of", "at most", "no more than", "not more than"),
    "less_than": ("less than", "under", "well under", "below"),
}

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
