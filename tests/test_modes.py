"""The mood of a trigger from the words that govern it (`nzdprk.claims.modes`)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from nzdprk.claims.modes import _GOVERNED, _governed_by, governed_mode, unrealised
from nzdprk.text import cue


def _governed_reference(text: str, clause_start: int, start: int, end: int, kind: str) -> bool:
    """`_governed_by` as first written: one pattern built for each trigger's own words."""
    trigger = re.escape(text[start:end]) + "$"
    return bool(re.search(cue(kind).pattern + _GOVERNED + trigger, text[clause_start:end]))


def test_a_governed_verb_is_unrealised_or_planned():
    # 000: an aim is no event ("is looking to co-operate")
    text = (
        "Areas of in which New Zealand is looking to co-operate in could include agriculture,"
        " training and conservation."
    )
    at = text.index("co-operate")
    assert unrealised(text, 0, at, at + len("co-operate"))
    # written for this test: an invitation's complement is a plan
    mine = "She accepted an invitation to visit Seoul in May."
    at = mine.index("visit")
    assert governed_mode(mine, 0, at, at + len("visit")) == "future"
    assert not unrealised(mine, 0, at, at + len("visit"))


_PIECES = [
    "wants", "urged", "efforts", "is looking", "calls on", "invitation", "needs", "sought",
    "to", "in", "at", "that", "not", "would", "the", "a", "North Korea", "talks", "aimed",
    "visit", "visiting", "supporting", "provide", "attend", "negotiate", "Mr Peters",
    "who", "and", "(", ")", ",", "“", "\n", "-", "'",
]  # fmt: skip
_TRIGGERS = ["visit", "visiting", "supporting", "provide", "attend", "negotiate", "talks"]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(_PIECES), max_size=14),
    st.sampled_from(_TRIGGERS),
    st.sampled_from(["", " ", "\n"]),
    st.integers(0, 30),
    st.sampled_from(["aim", "wish", "intention"]),
)
def test_a_governing_word_is_found_as_by_a_pattern_per_trigger(words, trigger, tail, skip, kind):
    text = " ".join([*words, trigger]) + tail
    start = text.rindex(trigger)
    clause_start = min(skip, start)
    end = start + len(trigger)
    got = _governed_by(text, clause_start, start, end, kind)
    assert got == _governed_reference(text, clause_start, start, end, kind)
