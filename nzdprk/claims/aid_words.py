"""Cue words of the aid rules (`nzdprk.claims.aid`): grammar, not facts."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..text import cue

if TYPE_CHECKING:
    from ..dates import When

AID_WORD = re.compile(
    r"\b(?:aid|assistance|relief|contribut\w*|donat\w*|fund(?:s|ed|ing|er|ers)?"
    r"|grant(?:s|ed|ing)?)\b",
    re.IGNORECASE,
)
AID_NOUN = re.compile(
    r"\b(?:aid|assistance|relief|funding|funds|donations?|grants?)\b", re.IGNORECASE
)
OFFER = re.compile(
    r"\b(?:offer(?:ed|s|ing)?|pledg(?:e|ed|es|ing)|promis(?:e|ed|es|ing)|willing to"
    r"|ready to|prepared to|undert(?:ake|akes|aking|ook) to)\b",
    re.IGNORECASE,
)
GIVE_BASE = r"(?:provide|give|contribute|donate|fund|grant|allocate|deliver|send|extend)\b"
#: Weighing a gift is not promising it ("willing to consider other forms of assistance").
WEIGH = re.compile(
    r"\s+(?:to\s+)?(?:consider|explore|discuss|look at|study|examine|think about)\b", re.I
)
GIVE_AFTER_OFFER = re.compile(rf"\s+(?:to\s+)?{GIVE_BASE}", re.IGNORECASE)
FUTURE_GIVING = re.compile(
    rf"{cue('future').pattern}\s+(?:\w+\s+){{0,2}}?{GIVE_BASE}", re.IGNORECASE
)
#: Amounts that are not given for someone's benefit: what is asked for, missing, planned to be
#: spent or charged, written just before the amount ("an appeal for", "a shortfall of", "needs").
#: Each cue is a group named by the `schema.AMOUNT_MEASURE` it gives the amount.
NOT_GIVEN = re.compile(
    r"\b(?:(?P<appeal>appeal(?:s|ed|ing)?|seeks?|sought|asks? for|asked for|requests?"
    r"|requested)|(?P<shortfall>shortfall|deficit|gap|needs?|needed|requires?|required)"
    r"|(?P<budget>budget(?:s|ed)?)|(?P<cost>costs?|costing)|(?P<fine>fine[ds]?|penalt(?:y|ies)))"
    r"\b",
    re.IGNORECASE,
)
#: Paying for watching a state is not aid to it ("to help monitor its nuclear programme").
MONITORING = re.compile(r"\b(?:monitor\w*|verif(?:y|ied|ies|ication)\w*|inspect\w*)", re.I)
#: A verb phrase coordinated after another one has its own time ("established relations in
#: 2001 and has given $8 million"): the amount's stretch starts after it.
NEW_VERB_PHRASE = re.compile(
    r"\b(?:and|but)\s+(?:(?:has|have|had|is|are|was|were|will|would|also|then)\s+)+", re.I
)
#: The perfect of a giving verb: what has been given up to now, a running total.
PERFECT = re.compile(r"\b(?:has|have|had)\s+(?:\w+\s+)?\Z", re.IGNORECASE)
#: A reporting verb just before a date: the date is when it was said, not when money moved.
SAID = re.compile(
    r"\b(?:announc\w*|said|says|stated|told|confirmed|revealed|reported)\s+(?:on\s+)?\Z", re.I
)
#: A place named after an office locates the office, not the people helped ("our embassy in
#: Seoul, South Korea").
SEAT = re.compile(
    r"\b(?:embassy|high commission|consulate|mission|office|headquarters|secretariat|based)"
    r"\s+in\s+(?:[^\W\d_][\w.-]*(?:\s+[A-Z][\w.-]*)*\s*,\s*)?\Z",
    re.IGNORECASE,
)
#: How far back the words before a name are read: a preposition and "the" ("towards the ").
PREPOSITION_REACH = 20
#: How far back a reporting verb before a date is read ("announced on " is 12 characters).
SAID_REACH = 24
#: How far back an auxiliary and one word before a verb are read ("has already ").
AUXILIARY_REACH = 24
#: How far back "as of"/"as at" before a date is read, with its spaces.
AS_OF_REACH = 12
#: The words before a name that make it an object, not the giver ("a supporter of KEDO").
OBJECT_OF = re.compile(r"\b(?:of|to|for|with|towards?|into|via|through)\s+(?:the\s+)?\Z", re.I)
GIVER_AFTER = re.compile(
    r"\s+(?:(?:has|have|had|also)\s+)*(?:gave|given|provided|contributed|donated|disbursed"
    r"|granted|pledged|committed|allocated)\b",
    re.IGNORECASE,
)
#: How far back `SEAT` looks: an office noun, "in", and one place name before a comma.
SEAT_REACH = 60
WISH = re.compile(r"\b(?:wants?|wanted|hopes?|hoped|seeks?|sought|aims?|wish(?:es)?) to\b", re.I)
ANNUAL = re.compile(
    r"\b(?:(?:a|per|each|every) year\b(?!\s+(?:ago|earlier|later|before|after))"
    r"|annual(?:ly)?\b|per annum\b|yearly\b)",
    re.IGNORECASE,
)
TOTAL = re.compile(
    r"\b(?:total(?:l?ing|l?ed|s)?\b|so far\b|to date\b|altogether\b|in all(?=\s*[,.;:])"
    r"|cumulative(?:ly)?\b|(?:over|in|during) the (?:past|last) (?:\w+ )?(?:years|decades?)\b)",
    re.IGNORECASE,
)
DISBURSE = re.compile(
    r"\b(?:contribut\w*|gave|giv(?:e|es|en|ing)|provid\w*|donat\w*|disburs\w*|sp[ae]nt|spend\w*"
    r"|paid|deliver\w*|sent|granted|receiv(?:ed|es|ing))\b",
    re.IGNORECASE,
)
COMMIT = re.compile(
    r"\b(?:commit(?:s|ted|ting|ments?)?|allocat\w*|approv\w*|earmark\w*|announc\w*|set aside)\b",
    re.IGNORECASE,
)
RECEIVE = re.compile(
    r"\b(?:receiv(?:e|es|ed|ing)|got|gets|obtained"
    r"|(?:was|were|been|being) (?:given|granted|awarded|provided|promised|offered|pledged))\b",
    re.IGNORECASE,
)
CONDITION = re.compile(
    r"\b(?:once|if|unless|provided that|on condition that|subject to|as soon as)\b", re.I
)
AS_OF = re.compile(r"\bas (?:of|at)\s+\Z", re.IGNORECASE)
TO = re.compile(r"\b(?:to|towards?|through|via)\s+(?:the\s+)?\Z", re.IGNORECASE)
TO_ONLY = re.compile(r"\bto\s+(?:the\s+)?\Z", re.IGNORECASE)
FROM = re.compile(r"\b(?:from|by)\s+(?:the\s+)?\Z", re.IGNORECASE)
#: A receiving organisation named again by a common noun ("to the body", "to the agency").
TO_THE_BODY = re.compile(
    r"\b(?:to|towards?|through|via)\s+the\s+(?:body|organi[sz]ation|agency|consortium)\b",
    re.IGNORECASE,
)
#: A period that starts with the founding of what "its" names ("since its establishment").
SINCE_FOUNDING = re.compile(
    r"\bsince\s+its\s+(?:establishment|founding|foundation|creation|formation|inception)\b",
    re.IGNORECASE,
)
#: A preposition right before a word: what follows is its object, not the clause's subject.
AFTER_PREPOSITION = re.compile(
    r"\b(?:to|with|for|from|by|of|on|in|at|towards?|into|through|via)\s+\Z", re.IGNORECASE
)
JOINED = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?", re.IGNORECASE)
GENERIC_CHANNEL = (
    (
        re.compile(
            r"\b(?:various|several|many|numerous|multiple|different|a (?:number|range|variety) of)"
            r"\s+(?:\w+\s+){0,2}?(?:organi[sz]ations|agencies|groups|charities|NGOs|partners)\b",
            re.IGNORECASE,
        ),
        "mixed",
    ),
    (re.compile(r"\bNGOs?\b|\b(?i:non-?governmental organi[sz]ations?|charit(?:y|ies))\b"), "ngo"),
    (
        re.compile(r"\b(?:UN|(?i:United Nations)) (?i:agenc(?:y|ies)|organi[sz]ations)\b"),
        "multilateral",
    ),
)
PURPOSE_AFTER_AMOUNT = re.compile(
    r"\s+(?:(?:a|per|each|every) year\s+|annually\s+)?(?:in|of|for|towards?)\s+", re.IGNORECASE
)
PURPOSE_AFTER_VERB = re.compile(r"\s+(?:to\s+)?", re.IGNORECASE)
#: Words a purpose does not end on ("aid to development initiatives in [the North]").
SMALL_WORDS = frozenset((
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "its", "of", "on", "since", "that",
    "the", "their", "through", "to", "via", "with",
))  # fmt: skip
CLOSING_QUOTE = re.compile(r"[\"”]")
PUNCTUATION = " .,;:!?\"'“”‘’()"
MODIFIER = re.compile(r"[-‐‑][^\W\d_]")  # "UN-sanctioned": a name used as a modifier


def gap(when: When, start: int, end: int) -> int:
    """Characters between a date phrase and the stretch ``start``-``end`` (0 when they touch)."""
    return max(0, when.char_start - end, start - when.char_end)


def spans_time(when: When) -> bool:
    """An interval, a set of dates, or a decade or century: a period, not a moment."""
    edtf = when.edtf or ""
    return (
        when.is_interval or edtf.startswith(("{", "[")) or when.precision in ("decade", "century")
    )
