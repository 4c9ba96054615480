"""The curated tables of actors, aliases and offices, the alias index built from them once,
and the records the finder returns."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from .. import curated
from ..schema import ACTOR_KIND, ALIAS_TYPE, ROMANIZATION
from .keys import _TOKEN, _case_fits, _fold, _shape, alias_key

#: The vocabulary each curated actor table's closed columns must keep to.
_VOCABULARIES = {
    "actors.csv": {"actor_kind": ACTOR_KIND.values},
    "actor_aliases.csv": {"alias_type": ALIAS_TYPE.values, "romanization": ROMANIZATION.values},
    "offices.csv": {},
}


@cache
def _table(name: str) -> tuple[Mapping[str, str], ...]:
    """The rows of one curated actor table, checked against the schema's vocabularies."""
    rows = curated.table(name)
    for column, allowed in _VOCABULARIES[name].items():
        curated.check_vocabulary(name, rows, column, allowed)
    return rows


def actors() -> list[dict[str, str]]:
    """Rows of ``data/actors.csv``: one per state, person, organisation or government body."""
    return [dict(row) for row in _table("actors.csv")]


def aliases() -> list[dict[str, str]]:
    """Rows of ``data/actor_aliases.csv`` plus the computed ``alias_key`` (never stored)."""
    return [dict(row, alias_key=alias_key(row["alias"])) for row in _table("actor_aliases.csv")]


def offices() -> list[dict[str, str]]:
    """Rows of ``data/offices.csv``: offices held, with ISO dates of the precision known."""
    return [dict(row) for row in _table("offices.csv")]


def country_name(code: str) -> str:
    """Short English name of an ISO 3166-1 alpha-3 code, from pycountry ("PRK" -> "North Korea")."""
    import pycountry  # imported here: loading its database is too slow for `import nzdprk`

    country = pycountry.countries.get(alpha_3=code.upper())
    if country is None:
        raise KeyError(f"{code!r} is not an ISO 3166-1 alpha-3 code; try e.g. 'NZL' or 'PRK'")
    return getattr(country, "common_name", None) or country.name


# ------------------------------------------------------------------------------------------
# Results


@dataclass(frozen=True, slots=True)
class Mention:
    """One reference to a curated actor; ``text == source[char_start:char_end]``."""

    actor_id: str
    text: str
    char_start: int
    char_end: int
    alias_type: str
    sense: str
    kind: str  # state, person, organisation or government_body


@dataclass(frozen=True, slots=True)
class UnresolvedName:
    """A name-like span that no curated actor explains, with the reason why."""

    text: str
    char_start: int
    char_end: int
    reason: str


class _Alias(NamedTuple):
    alias: str
    actor_id: str
    alias_type: str
    kind: str
    cased: str
    required: frozenset[int]


class _Index(NamedTuple):
    direct: dict[str, list[_Alias]]
    backref: dict[str, list[_Alias]]
    first_words: frozenset[str]
    max_words: int
    ambiguous_heads: frozenset[str]
    prefixes: frozenset[str]  # every beginning of a key in ``direct``: where a match can go on
    backref_words: frozenset[str]  # the keys in ``backref`` without "the ": "peters", "society"


def _is_backref(alias: str, alias_type: str, kind: str) -> bool:
    """Short forms that need an antecedent: a person's family name, or "the X"."""
    return alias_type == "short_form" and (kind == "person" or alias.startswith("the "))


@cache
def _index() -> _Index:
    kinds = {row["actor_id"]: row["actor_kind"] for row in _table("actors.csv")}
    direct: dict[str, list[_Alias]] = defaultdict(list)
    backref: dict[str, list[_Alias]] = defaultdict(list)
    heads: dict[str, set[str]] = defaultdict(set)
    first_words: set[str] = set()
    max_words = 1
    for row in _table("actor_aliases.csv"):
        name, kind = row["alias"], kinds[row["actor_id"]]
        cased, required = _shape(name)
        entry = _Alias(name, row["actor_id"], row["alias_type"], kind, cased, required)
        words = _TOKEN.findall(name)
        if not words:
            continue
        if _is_backref(name, row["alias_type"], kind):
            backref[_fold(cased)].append(entry)
            continue
        direct[_fold(cased)].append(entry)
        first_words.add(alias_key(words[0]))
        max_words = max(max_words, len(words))
        if kind == "state" and len(words) > 1:
            heads[alias_key(words[-1])].add(row["actor_id"])
    ambiguous = frozenset(h for h, ids in heads.items() if len(ids) > 1 and h not in direct)
    prefixes = frozenset(key[:n] for key in direct for n in range(1, len(key) + 1))
    backref_words = frozenset(key.removeprefix("the ") for key in backref)
    return _Index(
        dict(direct),
        dict(backref),
        frozenset(first_words),
        max_words,
        ambiguous,
        prefixes,
        backref_words,
    )


def _lookup(table: dict[str, list[_Alias]], span: str) -> _Alias | None:
    """The alias row for ``span``: same key and capitals, preferring the row spelled exactly so."""
    cased = _shape(span)[0]
    return _pick(table.get(_fold(cased), ()), span, cased)


def _pick(entries: Sequence[_Alias], span: str, cased: str) -> _Alias | None:
    """Of the rows with the key of ``span`` (whose case-preserving key is ``cased``), the one
    whose capitals fit, preferring the row spelled exactly so."""
    if len(entries) == 1:  # the usual case, without building a list
        (only,) = entries
        return only if _case_fits(only.required, only.cased, cased) else None
    fitting = [e for e in entries if _case_fits(e.required, e.cased, cased)]
    return min(fitting, key=lambda e: (e.alias != span, e.cased != cased), default=None)
