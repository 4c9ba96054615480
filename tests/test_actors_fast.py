"""The finder's fast paths give what the simple readings they replace give: each is checked
against a plain reference on text made of curated aliases, filler words and odd separators."""

from __future__ import annotations

import copy
import pickle
import re
import sys

from hypothesis import example, given, settings
from hypothesis import strategies as st

from nzdprk.actors import alias_key, aliases, find_mentions
from nzdprk.actors.finder import (
    _COMPASS,
    _MOTION,
    _PLACE_BEFORE,
    _alias_hits,
    _alias_starts,
    _cut,
    _elided_hits,
    _Hit,
    _place_context,
    _prev_word,
)
from nzdprk.actors.keys import _TOKEN, _case_fits, _shape
from nzdprk.actors.names import _may_refer_back
from nzdprk.actors.tables import _index, _lookup, _pick
from nzdprk.actors.words import _APOSTROPHES, _ORDINARY, _TITLES, _joined, _tokens

_FILLER = [
    "the", "The", "and", "or", "in", "to", "visited", "north", "of", "said", "Mr", "Peters",
    "Society", "Korea", "North", "South", "NZ", "$", ".png", ".zip", ".", "'s", "’s", "s", "U.N.",
    "Pyŏngyang", "P'yongyang", "Kim", "Jong-un", "(KEDO)", "Forum", "42nd",
]  # fmt: skip
_GAPS = [" ", " ", " ", "-", "\u2011", "\u00a0", "\n", ", ", "(", ")", "  ", "\t"]
_TEXT = st.lists(
    st.sampled_from([*sorted({row["alias"] for row in aliases()}), *_FILLER, *_GAPS]),
    max_size=40,
).map("".join)


def _reference_tokens(text: str) -> list[tuple[int, int, int, bool]]:
    """Tokens as they were read one by one: spans, the end without 's, and usability."""
    out = []
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        after = text[end : end + 2]
        usable = not (after[:1] == "$" or (after[:1] == "." and "a" <= after[1:2] <= "z"))
        stem_end = end - 2 if text[end - 1] == "s" and text[end - 2] in _APOSTROPHES else end
        out.append((start, end, stem_end, usable))
    return out


@settings(max_examples=300, deadline=None)
@given(_TEXT)
@example("Locator.zip, NZ$5, Peters's and Korea’s talks")
def test_tokens_are_read_as_one_by_one_and_keyed_as_alias_key_keys_them(text: str) -> None:
    toks = _tokens(text)
    assert [(t.start, t.end, t.stem_end, t.usable) for t in toks] == _reference_tokens(text)
    for t in toks:
        assert t.word == text[t.start : t.end]
        if t.piece is not None:
            assert t.piece.folded == alias_key(t.word)
            assert t.piece.cased == _shape(t.word)[0]
            if t.stem_end >= 0:
                stem = text[t.start : t.stem_end]
                assert (t.piece.stem_folded, t.piece.stem_cased) == (
                    alias_key(stem),
                    _shape(stem)[0],
                )


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_alias_starts_are_the_usable_tokens_whose_key_begins_an_alias(text: str) -> None:
    first_words = _index().first_words
    toks = _tokens(text)
    expected = [
        i
        for i, t in enumerate(toks)
        if t.usable
        and {alias_key(text[t.start : t.end]), alias_key(text[t.start : t.stem_end])} & first_words
    ]
    assert _alias_starts(text, toks, first_words) == expected


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_the_short_form_pretest_keeps_every_word_with_a_short_forms_key(text: str) -> None:
    index = _index()
    free = [t for t in _tokens(text) if t.usable]
    kept = set(_may_refer_back(text, free, index.backref_words))
    for i, tok in enumerate(free):
        spans = [(tok.start, tok.stem_end)]
        if i and free[i - 1].word.lower() == "the" and _joined(text, free[i - 1], tok):
            spans.append((free[i - 1].start, tok.stem_end))
        if any(alias_key(text[a:b]) in index.backref for a, b in spans):
            assert i in kept


def test_every_space_or_hyphen_that_joins_words_keys_the_x_as_the_space_x() -> None:
    the, society = _tokens("the Society")
    joiners = [c for c in map(chr, range(sys.maxunicode + 1)) if _joined("the" + c, the, society)]
    assert len(joiners) > 20
    for c in joiners:
        assert alias_key("the" + c + "Society") == "the society"


def _reference_place_context(text: str, start: int) -> bool:
    before = text[max(0, start - 80) : start]
    word = _prev_word(text, start)
    if word in _PLACE_BEFORE or _COMPASS.search(before.lower()):
        return True
    if word == "to":
        clause = re.split(r"[.;:!?\n]", before)[-1]
        return bool(_MOTION.intersection(w.lower() for w in re.findall(r"[A-Za-z]+", clause)[-6:]))
    return False


_CONTEXT = st.lists(
    st.tuples(
        st.sampled_from(["north", "South", "of", "to", "in", "visited", "flew", "Korea", "."]),
        st.sampled_from(_GAPS),
    ),
    max_size=12,
).map(lambda pairs: "".join(w + g for w, g in pairs))  # "north of\n", "visited ... to ..."


@settings(max_examples=300, deadline=None)
@given(st.one_of(_TEXT, _CONTEXT))
def test_place_context_pretest_changes_no_answer(text: str) -> None:
    for start in range(len(text) + 1):
        assert _place_context(text, start) == _reference_place_context(text, start)


def _reference_elided(text: str, hits: list[_Hit]) -> list[_Hit]:
    index = _index()
    taken = bytearray(len(text))
    for hit in hits:
        taken[hit.start : hit.end] = b"\x01" * (hit.end - hit.start)
    out = []
    for hit in hits:
        name = text[hit.start : hit.end]
        words = list(_TOKEN.finditer(name))
        offset = max(0, hit.start - 60)
        match = re.search(
            r"(?<![\w'’])([A-Z][\w'’]*)[^\S\n]+(?:and|or)[^\S\n]+$", text[offset : hit.start]
        )
        if len(words) < 2 or not match or match.group(1) in _ORDINARY | _TITLES:
            continue
        start, end = offset + match.start(1), offset + match.end(1)
        entry = _lookup(index.direct, match.group(1) + name[words[0].end() :])
        if entry is not None and taken.find(1, start, end) == -1:
            out.append(_Hit(start, end, entry))
    return out


_PAIRS = st.builds(
    lambda before, head, gap, joint, gap2, name: before + head + gap + joint + gap2 + name,
    _TEXT,
    st.sampled_from(["North", "South", "New", "the", "Mr", "The"]),
    st.sampled_from(_GAPS),
    st.sampled_from(["and", "or", "nor", "And"]),
    st.sampled_from(_GAPS),
    st.sampled_from(["South Korea", "North Korean", "New Zealand", "Korea", "Kim Jong Un"]),
)  # "North and South Korea", with every gap and joint


@settings(max_examples=300, deadline=None)
@given(st.one_of(_TEXT, _PAIRS))
def test_elided_names_pretests_change_no_answer(text: str) -> None:
    index = _index()
    hits = _alias_hits(text, _tokens(text), index)
    assert _elided_hits(text, hits, index) == _reference_elided(text, hits)


def test_north_and_south_korea_gives_both_states() -> None:
    text = "Talks between North and South Korea resumed."
    mentions, _ = find_mentions(text)
    assert [(m.text, m.actor_id) for m in mentions] == [("North", "PRK"), ("South Korea", "KOR")]


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.integers(0, 30), max_size=30),
    st.lists(
        st.tuples(st.integers(0, 32), st.integers(0, 32)).filter(lambda r: r[0] < r[1]),
        max_size=6,
    ),
)
def test_cutting_index_ranges_keeps_the_items_outside_them(
    items: list[int], drop: list[tuple[int, int]]
) -> None:
    kept = [x for i, x in enumerate(items) if not any(a <= i < b for a, b in drop)]
    assert _cut(items, sorted(drop)) == kept


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(_index().direct)), st.sampled_from(["lower", "upper", "title", ""]))
def test_picking_from_one_row_is_picking_the_fitting_rows(key: str, case: str) -> None:
    entries = _index().direct[key]
    for entry in entries:
        span = getattr(entry.alias, case)() if case else entry.alias
        cased = _shape(span)[0]
        fitting = [e for e in entries if _case_fits(e.required, e.cased, cased)]
        expected = min(fitting, key=lambda e: (e.alias != span, e.cased != cased), default=None)
        assert _pick(entries, span, cased) == expected


def test_tokens_survive_a_copy_and_a_pickle() -> None:
    toks = _tokens("Korea's talks with NZ$5")
    assert pickle.loads(pickle.dumps(toks)) == toks
    assert copy.deepcopy(toks) == toks
    assert [t.word for t in copy.copy(toks)] == ["Korea's", "talks", "with", "NZ", "5"]
