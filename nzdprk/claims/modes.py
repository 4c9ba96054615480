"""The mood of an event: future, hypothetical, negated or none, from the cue words of
``data/cues.csv`` (`nzdprk.text.cue`) in the trigger's own clause and verb phrase."""

from __future__ import annotations

import re

from ..text import cue

_MODAL_AFTER = re.compile(r"\s+(?:\S+\s+){0,2}?(?:would|could|might|may)\b")


#: Words that open a new verb phrase: a negation before them is not the trigger's.
_COORDINATOR = re.compile(r"\b(?:and|but|although|though|while|whereas)\s+(?!not\b)")
#: "did not leave until 1957": the leaving happened, in 1957.
_UNTIL_AFTER = re.compile(r"\s+(?:\S+\s+){0,4}?until\b")


def aux_mode(text: str, clause_start: int, trigger_start: int, trigger_end: int) -> str:
    """Future, hypothetical or negated, from cue words before the trigger in its clause. A
    "would" after a verb of saying is a reported plan ("announced it would raise"): future.
    A noun phrase followed by a modal is hypothetical ("the establishment of relations would
    facilitate dialogue"). A negation counts only in the trigger's own verb phrase (after the
    last coordinator before it), and not with "until" after the trigger."""
    window = text[clause_start:trigger_end]
    coordinators = list(_COORDINATOR.finditer(text, clause_start, trigger_start))
    phrase = text[coordinators[-1].end() if coordinators else clause_start : trigger_end]
    nominal = re.search(
        r"\b(?:the|a|an|its|their|our|his|her)\s+$", text[clause_start:trigger_start], re.IGNORECASE
    )
    if nominal and _MODAL_AFTER.match(text, trigger_end):
        return "hypothetical"
    if cue("future").search(window):
        return "future"
    if cue("negation").search(phrase) and not _UNTIL_AFTER.match(text, trigger_end):
        return "negated"
    would = re.search(r"\bwould\b", window)
    if would and cue("speech").search(window, 0, would.start()):
        return "future"
    if cue("hypothetical").search(window):
        return "hypothetical"
    return "none"
