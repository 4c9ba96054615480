"""The event lexicon: which words name which kind of happening, in which sense.

Each row of ``data/lexicon.csv`` is keyed by a lemma and gives its PLOVER category (manual of
February 2024, plus the local ``STATEMENT`` for pure speech and ``OTHER``), the surface forms
that name it (a regular expression) and its *sense guards*: what may not come right before or
right after a form for it to have this sense ("meets its commitments" is no meeting, "its
nuclear test site" no test); a ``not_before`` guard starts at a word's start ("North Korea
closed" does not end in the article "a"). Triggers are found in one pass per pattern over a
whole document and assigned to sentences by bisection, not searched sentence by sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from .. import curated
from ..schema import EVENT_TYPE

#: PLOVER's four quadrants (the local STATEMENT and OTHER have none).
QUAD_CLASS = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), "verbal_cooperation"),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT"), "material_cooperation"),
    **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "THREATEN"), "verbal_conflict"),
    **dict.fromkeys(("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"), "material_conflict"),
}

#: How far back a ``not_before`` guard looks: longer than any guard phrase of the lexicon.
_GUARD_REACH = 40

#: "such" before a plural or singular noun: the noun names a kind of thing described before
#: ("two such tests" after "the sixth nuclear test"); not after "any", which names no happening
#: ("any such assistance").
_SUCH = re.compile(r"(?<!\bany )\bsuch\s+(?P<noun>[a-z]+)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Trigger:
    """One row of the lexicon."""

    lemma: str
    action: str
    event_type: str
    mode: str | None
    context: str | None
    cameo_code: str | None
    symmetric: bool
    speech: bool
    requires: str | None
    needs_recipient: bool  # a one-way action that is no fact without its object
    state_key: bool  # positions of office holders are their state's (fact keys use the state)
    states_only: bool  # its participants are states (relations are between states, whoever signs)
    happens_once: bool  # once for a set of participants: disjoint dates of it conflict
    recipient_is_host: bool  # the place or state it goes to is its host (a visit)
    pattern: re.Pattern[str]
    not_before: re.Pattern[str] | None = None
    not_after: re.Pattern[str] | None = None


#: The entry of a statement with no lexicon word: its action is the clause's main verb.
GENERIC = Trigger(
    lemma="",
    action="",
    event_type="OTHER",
    mode=None,
    context=None,
    cameo_code=None,
    symmetric=False,
    speech=False,
    requires=None,
    needs_recipient=False,
    state_key=False,
    states_only=False,
    happens_once=False,
    recipient_is_host=False,
    pattern=re.compile(r"(?!)"),
)


@cache
def triggers() -> tuple[Trigger, ...]:
    """The curated lexicon, in file order (earlier rows win ties)."""
    rows = curated.table("lexicon.csv")
    curated.check_vocabulary("lexicon.csv", rows, "event_type", EVENT_TYPE.values)
    for column in ("symmetric", "speech", "needs_recipient", "happens_once", "recipient_is_host"):
        curated.check_vocabulary("lexicon.csv", rows, column, ("yes", "no"))
    curated.check_vocabulary("lexicon.csv", rows, "participants", ("states", "any"))
    return tuple(
        Trigger(
            lemma=r["lemma"],
            action=r["action"],
            event_type=r["event_type"],
            mode=r["mode"] or None,
            context=r["context"] or None,
            cameo_code=r["cameo_code"] or None,
            symmetric=r["symmetric"] == "yes",
            speech=r["speech"] == "yes",
            requires=r["requires"] or None,
            needs_recipient=r["needs_recipient"] == "yes",
            state_key=r["key_level"] == "state",
            states_only=r["participants"] == "states",
            happens_once=r["happens_once"] == "yes",
            recipient_is_host=r["recipient_is_host"] == "yes",
            pattern=re.compile(rf"\b(?:{r['forms']})\b", re.IGNORECASE),
            not_before=re.compile(rf"(?<![\w-])(?:{r['not_before']})\Z", re.I)
            if r["not_before"]
            else None,
            not_after=re.compile(r["not_after"], re.IGNORECASE) if r["not_after"] else None,
        )
        for r in rows
    )


@dataclass(frozen=True, slots=True)
class Hit:
    """A lexicon form found in the text."""

    start: int
    end: int
    trigger: Trigger


@cache
def _order() -> dict[str, int]:
    return {t.action: i for i, t in enumerate(triggers())}


def _in_sense(text: str, start: int, end: int, trigger: Trigger) -> bool:
    """Whether a form found at [start, end) has the lexicon's sense (no guard rules it out)."""
    if trigger.not_after and trigger.not_after.match(text, end):
        return False
    before = text[max(0, start - _GUARD_REACH) : start]
    return not (trigger.not_before and trigger.not_before.search(before))


def find_triggers(
    text: str, sentences: Sequence[tuple[int, int]]
) -> dict[tuple[int, int], list[Hit]]:
    """The triggers of every sentence, keyed by its span: each pattern runs once over the
    stretch of text the sentences cover, and its hits go to the sentence they start in; within
    a sentence the hits do not overlap (longest first, then lexicon order)."""
    out: dict[tuple[int, int], list[Hit]] = {(s, e): [] for s, e in sentences}
    if not sentences:
        return out
    starts = [s for s, _ in sentences]
    lo, hi = sentences[0][0], sentences[-1][1]
    for t in triggers():
        for m in t.pattern.finditer(text, lo, hi):
            i = bisect_right(starts, m.start()) - 1
            span = sentences[i] if i >= 0 else None
            if span and m.end() <= span[1] and _in_sense(text, m.start(), m.end(), t):
                out[(span[0], span[1])].append(Hit(m.start(), m.end(), t))
    found = {span: _non_overlapping(hits) for span, hits in out.items()}
    return _such(text, sentences, found)


def _head(words: str) -> str:
    """The head noun of a form, singular and lower-cased ("nuclear tests" -> "test")."""
    last = words.split()[-1].lower() if words.split() else ""
    return last[:-1] if last.endswith("s") and not last.endswith("ss") else last


def _such(
    text: str, sentences: Sequence[tuple[int, int]], found: dict[tuple[int, int], list[Hit]]
) -> dict[tuple[int, int], list[Hit]]:
    """A noun after "such" that is the head of a trigger found earlier in the document ("two
    such tests" after "the sixth nuclear test") names a happening of that kind: it gets that
    trigger, unless a trigger of its own covers it."""
    out: dict[tuple[int, int], list[Hit]] = {}
    earlier: dict[str, Trigger] = {}
    for span in sentences:
        hits = found.get((span[0], span[1]), [])
        added = []
        for m in _SUCH.finditer(text, span[0], span[1]):
            start, end = m.span("noun")
            trigger = earlier.get(_head(m.group("noun")))
            covered = any(h.start < end and start < h.end for h in hits)
            if trigger and not covered and _in_sense(text, start, end, trigger):
                added.append(Hit(start, end, trigger))
        for h in hits:
            earlier[_head(text[h.start : h.end])] = h.trigger
        out[(span[0], span[1])] = sorted(hits + added, key=lambda h: h.start)
    return out


def _non_overlapping(hits: list[Hit]) -> list[Hit]:
    order = _order()
    hits = sorted(hits, key=lambda h: (-(h.end - h.start), order[h.trigger.action], h.start))
    kept: list[Hit] = []
    for h in hits:
        if all(h.end <= k.start or h.start >= k.end for k in kept):
            kept.append(h)
    return sorted(kept, key=lambda h: h.start)
