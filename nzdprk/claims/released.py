"""A press release's own statement, dated by the release: its lead sentence says what the
minister does on the day it is released ("Foreign Minister Gerry Brownlee has condemned today's
nuclear test", "Foreign Minister Murray McCully says that New Zealand condemns yesterday's
launches"), although no date phrase says so; the sentence's date phrases belong to what is
talked about ("today's test"). Later sentences are left as the text dates them: a quoted "we
support" may speak of any time.

A statement of the lead is the release's own when it is undated, asserted (not planned,
hedged or denied), a speech act or a stance (welcome, support, condemn, urge, reject: not a
deed such as an offer), taken by the release's minister or their state (or, with no one named
taking it, in the minister's words), and told in the present or present perfect ("has
welcomed", "condemns"), or, for an act of saying, in any tense ("Mr Goff said"). Its date
resolution is ``anchored``, its note says where it came from, and it has no date phrase
(``date_text`` empty)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Sequence
from dataclasses import replace
from typing import Any

from ..dates import When

#: "has"/"have" and adverbs right before a participle: the present perfect ("has welcomed").
_PERFECT = re.compile(r"\b(?:has|have)\s+(?:[a-z]+ly\s+|also\s+|today\s+)*\Z", re.IGNORECASE)
#: A subject right before a verb: a capitalised name or a pronoun ("New Zealand condemns",
#: "he welcomes", "we support"), with adverbs between.
_SUBJECT = re.compile(r"(?:\b[A-Z][\w’'-]*|\b(?:he|she|it|we|I))\s+(?:[a-z]+ly\s+|also\s+)*\Z")
#: A verb of the present tense: third person ("condemns", "urges"), or after "we"/"I".
_THIRD_PERSON = re.compile(r"[a-z]+s", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(?:we|I)\s+(?:[a-z]+ly\s+|also\s+)*\Z", re.IGNORECASE)
#: Words before the trigger read to see its tense (longer than "has also strongly ").
_TENSE_REACH = 40
NOTE = "a statement of the release itself, dated by the release"


def _present(text: str, e: Any) -> bool:
    """Whether the trigger is a verb in the present or present perfect."""
    before = max(e.sentence_start, e.trigger_start - _TENSE_REACH)
    if _PERFECT.search(text, before, e.trigger_start):
        return True
    if _FIRST_PERSON.search(text, before, e.trigger_start):
        return True
    word = e.trigger_text.split()[0]
    return bool(_THIRD_PERSON.fullmatch(word) and _SUBJECT.search(text, before, e.trigger_start))


def _own(e: Any, authors: Collection[str]) -> bool:
    """Whether the minister (or their state) does it, or, with no one named doing it, it is in
    the minister's words ("The Security Council has demanded ...", even quoted, is not)."""
    actors = {p.actor_id for p in e.participants if p.role == "actor"}
    return bool(actors & set(authors)) if actors else e.attributed_to in authors


#: Kinds of statement a release makes: saying, and taking a position on something (welcoming,
#: supporting, condemning, urging, rejecting), not deeds such as an offer or a gift.
_STANCES = frozenset({"SUPPORT", "ACCUSE", "REQUEST", "REJECT"})


def released(
    text: str,
    events: Sequence[Any],
    ministers: Collection[str],
    day: dt.date | None,
    sentences: Sequence[tuple[int, int]],
    lookup: Any,
) -> list[Any]:
    """``events`` with the release's own statements in its lead sentence (the first of
    ``sentences``) dated ``day`` (the release's date); ``ministers``: the release's ministers,
    who speak for their states (``lookup.country``). Unchanged without a day or a minister (a
    news item or an encyclopedia article makes no statements of its own)."""
    if day is None or not ministers or not sentences:
        return list(events)
    lead = sentences[0][0]
    authors = {*ministers, *(lookup.country[m] for m in ministers if m in lookup.country)}
    when = When("", 0, 0, day.isoformat(), day, day, "day", "none", None, "anchored", False,
                "release_statement", NOTE)  # fmt: skip
    out = []
    for e in events:
        trigger = e.trigger
        statement = (
            e.sentence_start == lead
            and e.when is None
            and e.when_index is None
            and e.aux_mode == "none"
            and (e.assertion_mode == "asserted" or e.attributed_to in authors)
            and (trigger.speech or (trigger.event_type in _STANCES and not trigger.states_only))
            and _own(e, authors)
            and (trigger.speech or _present(text, e))
        )
        out.append(replace(e, when=replace(when, char_start=e.trigger_start)) if statement else e)
    return out
