"""The mood of an event: future, hypothetical, negated or none, from the cue words of
``data/cues.csv`` (`nzdprk.text.cue`) in the trigger's own clause and verb phrase. A
trigger governed by an invitation is planned (`governed_mode`); one governed by a word of
aim, wish or request ("efforts to engage", "wants to provide", "urged X to allow a visit")
names no happening (`unrealised`)."""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import cache, lru_cache

from ..text import cue, cue_index

_MODAL_AFTER = re.compile(r"\s+(?:\S+\s+){0,2}?(?:would|could|might|may)\b")
#: A determiner right before the trigger: it is a noun ("the establishment of relations would").
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|its|their|our|his|her)\s+$", re.IGNORECASE)
_WOULD = re.compile(r"\bwould\b")


#: Words that open a new verb phrase: a negation before them is not the trigger's.
_COORDINATOR = re.compile(r"\b(?:and|but|although|though|while|whereas)\s+(?!not\b)")
#: "did not leave until 1957": the leaving happened, in 1957.
_UNTIL_AFTER = re.compile(r"\s+(?:\S+\s+){0,4}?until\b")

#: One word of a gap inside the governed phrase: no punctuation, no word that opens a clause.
_WORD = r"(?:(?!(?:who|whom|which|that|and|but|or|because|after|before|since)\b)[\w'’-]+\s+)"
#: What follows the governing word up to the trigger: an object of up to four words ("urged
#: North Korea", "requested permission"), then "to" and up to three words of the governed verb
#: phrase ("to allow a visit") but not a noun phrase ("an invitation to the summit"), or "in"
#: or "at" and a verbal noun ("an interest in supporting peace", "talks aimed at negotiating"),
#: or "that" and a short clause ("demanded that North Korea not launch missiles").
_GOVERNED = (
    rf"\s+{_WORD}{{0,4}}?(?:to\s+(?!(?:the|a|an|its|their|his|her|this|these)\b){_WORD}{{0,3}}"
    rf"|(?:in|at)\s+(?=\w+ing\b){_WORD}{{0,2}}"
    rf"|that\s+{_WORD}{{0,3}}?(?:(?:would|should|must|not)\s+){{0,2}})"
)


def aux_mode(text: str, clause_start: int, trigger_start: int, trigger_end: int) -> str:
    """Future, hypothetical or negated, from cue words before the trigger in its clause. A
    "would" after a verb of saying is a reported plan ("announced it would raise"): future.
    A noun phrase followed by a modal is hypothetical ("the establishment of relations would
    facilitate dialogue"). A negation counts only in the trigger's own verb phrase (after the
    last coordinator before it), and not with "until" after the trigger."""
    if _MODAL_AFTER.match(text, trigger_end) and _DETERMINER_BEFORE.search(
        text[clause_start:trigger_start]
    ):
        return "hypothetical"
    if _cue_in("future", text, clause_start, trigger_end):
        return "future"
    coordinators = list(_COORDINATOR.finditer(text, clause_start, trigger_start))
    phrase_start = coordinators[-1].end() if coordinators else clause_start
    if _cue_in("negation", text, phrase_start, trigger_end) and not _UNTIL_AFTER.match(
        text, trigger_end
    ):
        return "negated"
    would = _WOULD.search(text[clause_start:trigger_end])
    if would and _cue_in("speech", text, clause_start, clause_start + would.start()):
        return "future"
    governed = governed_mode(text, clause_start, trigger_start, trigger_end)
    if governed:
        return governed
    if _cue_in("hypothetical", text, clause_start, trigger_end):
        return "hypothetical"
    return "none"


def _cue_in(kind: str, text: str, start: int, end: int) -> re.Match[str] | None:
    """A cue of ``kind`` in ``text[start:end]`` read as a text of its own (its ends are word
    boundaries), searched only where the document's `cue_index` found a word of the kind."""
    if not cue_index(text).may_match(kind, start, end):
        return None
    return cue(kind).search(text[start:end])


#: Triggers whose governing word is kept: the triggers of the last few sentences, as each is
#: asked for both by `unrealised` and by `governed_mode`.
_GOVERNED_KEPT = 1024


@lru_cache(maxsize=_GOVERNED_KEPT)
def _governed_by(
    text: str, clause_start: int, trigger_start: int, trigger_end: int, kind: str
) -> bool:
    """Whether a cue of ``kind`` governs the trigger (`_GOVERNED`) in its clause: a clause
    without a word of the kind (`cue_index`) needs no search."""
    if not cue_index(text).may_match(kind, clause_start, trigger_end):
        return False
    upto = text[clause_start:trigger_end]
    if upto.endswith("\n"):  # "$" may match before it: the trigger's own words are needed
        trigger = re.escape(text[trigger_start:trigger_end]) + "$"
        return bool(re.search(cue(kind).pattern + _GOVERNED + trigger, upto))
    return bool(_governing(kind, trigger_end - trigger_start).search(upto))


@cache
def _governing(kind: str, length: int) -> re.Pattern[str]:
    """A cue of ``kind`` and what `_GOVERNED` lets follow it, up to the last ``length``
    characters of the text searched (the trigger, which the lookaheads of `_GOVERNED` may
    read): one pattern per kind and trigger length rather than per trigger."""
    return re.compile(rf"{cue(kind).pattern}{_GOVERNED}(?s:.{{{length}}})\Z")


def governed_mode(text: str, clause_start: int, trigger_start: int, trigger_end: int) -> str | None:
    """The mood a governing word gives the trigger of its "to"-complement, else None. An
    invitation or aim ("accepted an invitation to visit", "is looking to co-operate") is a
    plan: future. A wish, request, urging or need ("wants to provide food", "urged X to allow
    a visit", "the need to register") did not happen by being said: hypothetical, which the
    mode vocabulary gives as hedged, its one mode for the unrealised."""
    for kind, mode in (("intention", "future"), ("aim", "future"), ("wish", "hypothetical")):
        if _governed_by(text, clause_start, trigger_start, trigger_end, kind):
            return mode
    return None


def unrealised(text: str, clause_start: int, trigger_start: int, trigger_end: int) -> bool:
    """Whether the trigger only names what someone aims at, wants, asks for or needs ("efforts
    to engage in dialogue", "talks aimed at negotiating an end", "wants to provide food",
    "urged X to allow a visit", "the need to register its disapproval"): no happening of its
    own (the aim, wish or request is the event, if the lexicon names it). An invitation's
    complement is a plan and stays (`governed_mode`)."""
    return any(
        _governed_by(text, clause_start, trigger_start, trigger_end, kind)
        for kind in ("aim", "wish")
    )


def voice_start(
    quotes: Sequence[tuple[int, int]], clause_start: int, trigger_start: int, speech: bool
) -> int:
    """Where the cues of a trigger may start: reported speech keeps its own mood, so a verb of
    saying (``speech``) outside a quotation does not read the quoted words before it, and a
    trigger inside one reads only its quotation."""
    i = bisect_right(quotes, (trigger_start, math.inf)) - 1  # the last quotation opened before
    if i >= 0 and trigger_start < quotes[i][1]:
        return max(clause_start, quotes[i][0])
    if speech and i >= 0:  # quotations are in text order and do not overlap
        return max(clause_start, quotes[i][1])
    return clause_start
