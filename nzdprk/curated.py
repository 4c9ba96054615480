"""The one loader of the curated tables and cue lists in ``nzdprk/data/``.

Every table the rules read (actors, aliases, offices, eras, the event lexicon, cue words) is a
CSV file in ``nzdprk/data/``, read here once and returned as immutable rows. A column whose
values come from a vocabulary of `nzdprk.schema` is checked against it when the table is read,
so a typo in a curated file is an error naming the file, the row and the value, not a rule that
silently never fires.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from functools import cache
from importlib import resources
from types import MappingProxyType


class CuratedTableError(ValueError):
    """A curated table in ``nzdprk/data/`` has a value outside its vocabulary."""


@cache
def table(name: str) -> tuple[Mapping[str, str], ...]:
    """The rows of ``nzdprk/data/<name>`` (a CSV file with a header), read once, read-only."""
    source = resources.files("nzdprk") / "data" / name
    with source.open(encoding="utf-8", newline="") as handle:
        return tuple(MappingProxyType(dict(row)) for row in csv.DictReader(handle))


def check_vocabulary(
    name: str, rows: Sequence[Mapping[str, str]], column: str, allowed: Sequence[str]
) -> None:
    """Raise `CuratedTableError` when a non-empty ``column`` of ``rows`` holds a value not in
    ``allowed`` (the schema's vocabulary for that column)."""
    allowed_set = set(allowed)
    for number, row in enumerate(rows, start=2):
        value = row.get(column) or ""
        if value and value not in allowed_set:
            raise CuratedTableError(
                f"nzdprk/data/{name}, line {number}: {column} {value!r} is not one of "
                f"{', '.join(sorted(allowed_set))}"
            )
