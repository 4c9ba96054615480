"""Calendar words of English dates: month, weekday, season, named-day, century and count names,
and the qualifier and refine words, each mapped to what it means."""

from __future__ import annotations

from .. import curated
from ..schema import QUALIFIER

_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_MONTH_OF = {name[:3].lower(): number for number, name in enumerate(_MONTH_NAMES, 1)}
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _date_qualifiers() -> dict[str, str]:
    """Words that qualify a date ("around 1995", "probably 2001") and the EDTF qualifier they
    give, from ``data/qualifiers.csv`` (the one table of qualifier words)."""
    rows = curated.table("qualifiers.csv")
    curated.check_vocabulary("qualifiers.csv", rows, "date_qualifier", QUALIFIER.values)
    return {row["phrase"]: row["date_qualifier"] for row in rows if row["date_qualifier"]}


_QUALIFIER_WORD = _date_qualifiers()
_REFINE_WORD = {
    "early": "early",
    "beginning": "early",
    "start": "early",
    "mid": "mid",
    "middle": "mid",
    "late": "late",
    "end": "late",
    **{f"{n} {unit}": f"{n} {unit}" for n in ("first", "second") for unit in ("half", "quarter")},
    **{f"{n} quarter": f"{n} quarter" for n in ("third", "fourth")},
    "last half": "second half",
    "last quarter": "fourth quarter",
}
# EDTF seasons by hemisphere (level-2 codes, so the hemisphere is explicit in the string); with
# no hemisphere given, the level-1 codes, which EDTF defines as independent of location.
_SEASON_CODE: dict[str | None, dict[str, int]] = {
    None: {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24},
    "south": {"spring": 29, "summer": 30, "autumn": 31, "fall": 31, "winter": 32},
    "north": {"spring": 25, "summer": 26, "autumn": 27, "fall": 27, "winter": 28},
}


# Days with a fixed date every year, keyed by the lower-case name without apostrophes.
_NAMED_DAYS = {
    "new years day": (1, 1),
    "waitangi day": (2, 6),
    "valentines day": (2, 14),
    "anzac day": (4, 25),
    "armistice day": (11, 11),
    "christmas eve": (12, 24),
    "christmas day": (12, 25),
    "boxing day": (12, 26),
    "new years eve": (12, 31),
}
_CENTURY_WORDS = (
    *("second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"),
    *("eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth"),
    *("seventeenth", "eighteenth", "nineteenth", "twentieth", "twenty-first"),
)
_CENTURY_OF = {word: n for n, word in enumerate(_CENTURY_WORDS, 2)}
_NUMBER_WORDS = (
    *("one", "two", "three", "four", "five", "six"),
    *("seven", "eight", "nine", "ten", "eleven", "twelve"),
)
_COUNT_OF = {"a": 1, "an": 1} | {word: n for n, word in enumerate(_NUMBER_WORDS, 1)}
