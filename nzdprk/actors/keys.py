"""Keys that make spellings of one name equal across romanisations, case and punctuation."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

_DROPPED = re.compile(r"['’‘ʼ.]")  # apostrophes (P'yongyang) and periods (U.N.)
_HYPHENS = re.compile(r"[-\u2010\u2011]+")


def _strip_marks(text: str) -> str:
    """NFKD and drop combining marks (ŏ -> o); also turns NBSP into a plain space."""
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@lru_cache(maxsize=16384)
def _shape(name: str) -> tuple[str, frozenset[int]]:
    """The case-preserving key of ``name`` and the positions in it whose capital must match.

    Required capitals: the first letter, the first letter of the given name (after the
    space) and every letter of an acronym. Capitals inside a given name (Jong-Il vs Jong-il)
    are style, not signal.
    """
    pieces: list[tuple[str, bool]] = []
    for word in _DROPPED.sub("", _strip_marks(name)).split():
        acronym = sum(c.isalpha() for c in word) >= 2 and not any(c.islower() for c in word)
        pieces += [(piece, acronym) for piece in _HYPHENS.split(word) if piece]
    if not pieces:
        return "", frozenset()
    key = pieces[0][0] + (" " + "".join(p for p, _ in pieces[1:]) if len(pieces) > 1 else "")
    required = {0, len(pieces[0][0]) + 1} if len(pieces) > 1 else {0}
    offset = 0
    for index, (piece, acronym) in enumerate(pieces):
        if acronym:
            required.update(range(offset, offset + len(piece)))
        offset += len(piece) + (1 if index == 0 else 0)
    return key, frozenset(i for i in required if key[i].isupper())


@lru_cache(maxsize=65536)
def _fold(cased_key: str) -> str:
    return _strip_marks(cased_key.casefold())


def alias_key(name: str) -> str:
    """Romanisation-insensitive key: NFKD, drop marks, casefold, drop apostrophes and periods,
    split on spaces/hyphens, then family name + " " + the given-name syllables joined.

    "Kim Jong Il" and "Kim Jong-il" give "kim jongil"; "P'yongyang" gives "pyongyang".
    Keys only *propose* matches: Pak/Park/Bak are different systems, not typos, and the
    curated alias table decides which of them name the same person.
    """
    return _fold(_shape(name)[0])


class _Piece(NamedTuple):
    """A token's part of a key, case kept and folded, in full and without a possessive 's."""

    cased: str
    folded: str
    stem_cased: str
    stem_folded: str


def _key_piece(word: str, possessive: bool) -> _Piece | None:
    """The key piece of one token ``word`` (``possessive``: it ends in 's, left out of the
    stem), or None when the word is not ASCII: then its spans are keyed whole, as
    :func:`alias_key` does, since folding may change them.

    For an ASCII word this is :func:`alias_key`'s work on a one-token span: drop apostrophes
    and periods, then casefold (which is ``lower`` for ASCII).
    """
    if not word.isascii():
        return None
    cased = word.replace("'", "").replace(".", "") if "'" in word or "." in word else word
    stem = cased[:-1] if possessive else cased  # "Peters's" -> "Peterss"[:-1]
    return _Piece(cased, cased.lower(), stem, stem.lower())


@lru_cache(maxsize=16384)
def _piece(word: str) -> _Piece | None:
    """:func:`_key_piece` of a word with no possessive; cached, as words recur in every text
    (one argument: the cache's key is then the word itself)."""
    return _key_piece(word, False)


@lru_cache(maxsize=4096)
def _possessive_piece(word: str) -> _Piece | None:
    """:func:`_key_piece` of a word with a possessive ("Korea's"); cached likewise."""
    return _key_piece(word, True)


@lru_cache(maxsize=16384)
def _case_fits(required: frozenset[int], alias_cased: str, text_cased: str) -> bool:
    """Whether the text has the alias's significant capitals (extra capitals are allowed).
    Cached: the same names recur in every text."""
    if len(alias_cased) != len(text_cased):
        return not required or 0 not in required or text_cased[:1].isupper()
    return all(text_cased[i].isupper() for i in required)


# ------------------------------------------------------------------------------------------
# Curated tables

_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+(?:['’‘ʼ][^\W_]+)*")


def _slug(name: str) -> str:
    """ "Kim Jong-Un" and "Kim Jong Un" -> "kim-jong-un": folded words joined by hyphens."""
    return "-".join(re.findall(r"[^\W_]+", _strip_marks(_DROPPED.sub("", name)).casefold()))


# ------------------------------------------------------------------------------------------
