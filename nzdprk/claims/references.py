"""Back-references and retellings: one row per happening.

A trigger that names a happening already told is no new happening:

* a back-reference: a possessive or demonstrative ("During his visit", "These offers"), "the"
  and the noun ("agreed to the visit", "conducted the underground nuclear test"), or the
  predicate of a demonstrative subject ("This will be the first ever official visit");
* a retelling: the same action by the same actor on a date inside the earlier one's ("In 2006
  North Korea tested ..." then "The 2006 North Korean nuclear test ... on 9 October 2006").

An undated back-reference makes no row; the sentence's other events point to the earlier one
(`Event.refers_to`). A dated one is kept, with `Event.same_as` naming the row that stands for
the happening: its most precise telling (`canonical`), so a timeline or a count that keeps the
rows with no ``same_as`` shows each happening once and at its best date."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from .event_dates import modified_noun
from .roles import Lookup, last_speaker, said_by_pronoun

if TYPE_CHECKING:
    from .events import Event

#: Before a noun that names something already told: "his visit", "these offers", "the same talks".
_BACK_REFERENCE = re.compile(
    r"\b(?:his|her|their|its|this|these|those|that|such|the same)\s+(?:[a-z]+\s+)?\Z", re.I
)
#: Longer than any determiner and one adjective before a back-referring noun.
_BACK_REACH = 24
#: A sentence that opens on "the" and the noun, alone or after a preposition: "The visit will
#: be the first ...", "During the meeting, ..." (not "the sixth test": a modifier makes it new).
_OPENING_THE = re.compile(r"\W*(?:(?:during|after|before|at|in|since)\s+)?the\s+\Z", re.I)
#: A past participle after "the" and a noun names a thing as already told, a reduced relative
#: clause ("The contribution announced today is ...").
_REDUCED_RELATIVE = re.compile(r"\bthe\s+[a-z]+\s+\Z", re.I)
_PAST_PARTICIPLE = re.compile(r"[a-z]+ed", re.I)


def _bounds(e: Event) -> tuple:
    return getattr(e.when, "earliest", None), getattr(e.when, "latest", None)


#: The shortest word of a trigger whose stem can name an earlier trigger ("test", not "of").
_STEM_WORD = 4
#: Letters of a noun that a word of the earlier sentence must begin with to name the same
#: thing ("contribution" and "contribute", "launches" and "launch"): a stem, not a word.
_STEM = 6


def _named(noun: str, text: str, start: int, end: int) -> bool:
    """Whether a word of ``text[start:end]`` begins with the stem of ``noun``."""
    stem = noun.lower()[:_STEM]
    return any(w.startswith(stem) for w in re.findall(r"[a-z]+", text[start:end].lower()))


def _told_again(text: str, e: Event, earlier: list[Event]) -> int | None:
    """The earlier event (its index) that a dated mention tells again, with the same bounds
    (or, for the same action, bounds inside or around them: "last year's floods" after "the
    August 2007 floods") and its noun in the earlier event's sentence: the head noun of a
    date's noun phrase
    ("Today's test is ..." after "today's nuclear test"), or a participle after "the" and a
    noun ("The contribution announced today is ..." after "will contribute ..., Peters
    announced today") after an event of its kind; else None."""
    bounds = _bounds(e)
    if None in bounds:
        return None
    noun = modified_noun(text, e.when)
    before = text[max(e.sentence_start, e.trigger_start - _BACK_REACH) : e.trigger_start]
    relative = _REDUCED_RELATIVE.search(before)
    if noun is not None and noun[1] == e.trigger_start:
        head, kind = noun[0], None
    elif relative and _PAST_PARTICIPLE.fullmatch(e.trigger_text):
        head, kind = before[relative.start() :].split()[1], e.action
    else:
        return None
    return next(
        (
            i
            for i, f in enumerate(earlier)
            if (_bounds(f) == bounds or (f.action == e.action and _nested(e, f)))
            and kind in (None, f.action)
            and _named(head, text, f.sentence_start, f.sentence_end)
        ),
        None,
    )


#: A speech noun in apposition after what it reports: "..., a statement released by the
#: ministry"; "a"/"the" after the comma, and at most "in" before it.
_APPOSITIVE = re.compile(r",\s*(?:in\s+)?(?:a|an|the)\s+\Z", re.I)
#: Longer than ", in a " before a speech noun.
_APPOSITIVE_REACH = 12


def _medium(text: str, e: Event, sentence: list[Event]) -> bool:
    """Whether a speech noun stands in apposition after another event of its sentence, as
    the medium of that act ("Pyongyang demanded ..., a statement released by the ministry")."""
    if e.trigger.event_type != "STATEMENT" or e.verb is not None:
        return False
    if not _APPOSITIVE.search(
        text, max(e.sentence_start, e.trigger_start - _APPOSITIVE_REACH), e.trigger_start
    ):
        return False
    return any(
        o.trigger_start < e.trigger_start and o.trigger.event_type != "STATEMENT" for o in sentence
    )


#: "the" and the words that modify a noun trigger, up to it ("agreed to the visit", "after
#: the inter-Korea summit"), or inside a trigger that opens on its verb ("conducted the
#: underground nuclear test"): no article, preposition, conjunction or verb among them.
_MODIFIERS = (
    r"(?P<modifiers>(?:(?!(?:a|an|the|and|or|but|of|to|in|on|at|for|with|by|from|as|that|which|"
    r"who|was|were|is|are|be|been|has|have|had)\b)[\w’'-]+\s+){0,3})"
)
#: Only after a preposition or a past verb is "the" a noun phrase of its own ("agreed to the
#: visit", "condemned the test"); at a clause's start it may be a subject before its verb.
_DEFINITE = re.compile(
    r"(?:\b(?:to|of|in|at|after|before|since|during|from|for|with|by|following|over|on|about|"
    rf"against|despite|into|upon)|[a-z]ed)\s+the\s+{_MODIFIERS}\Z",
    re.I,
)
_DEFINITE_OBJECT = re.compile(rf"[a-z]+\s+the\s+{_MODIFIERS}", re.I)
#: A noun phrase that names its happening by what follows ("the test-firing of 240mm
#: rockets") is not one already told.
_OF_AFTER = re.compile(r"\s+of\b", re.I)
#: Longer than "the" and three modifiers before a noun trigger.
_DEFINITE_REACH = 48
#: Modifiers that make a happening named again another one: "the second test", "the next
#: visit".
_ANOTHER = re.compile(
    r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)|"
    r"next|new|further|other|another|latest|last|previous|earlier|later|following)\b",
    re.I,
)
#: Words that tell a happening again as another one: before its trigger ("again expelled",
#: "took another trip"), or after it ("visited again", "visited twice").
_AGAIN = re.compile(r"\b(?:again|another|once more|twice|times|a (?:second|third|further))\b", re.I)
_AGAIN_AFTER = re.compile(r"\b(?:again|once more|twice|times)\b", re.I)


def _again(text: str, e: Event) -> bool:
    """Whether ``e``'s sentence tells it as another happening of its kind (`_AGAIN`)."""
    return bool(
        _AGAIN.search(text, e.sentence_start, e.trigger_end)
        or _AGAIN_AFTER.search(text, e.trigger_end, e.sentence_end)
    )


#: A demonstrative or "it" as the subject of "be", then the predicate noun phrase up to the
#: trigger: the trigger names what the subject names ("This will be the first ever official
#: visit", "This is the sixth nuclear test North Korea has conducted").
_PREDICATE = re.compile(
    r"(?:^|[^\w’'])(?:this|that|it|these|those)\s+"
    r"(?:(?:will|would|could|may|might|must|should|has|have|had)\s+)?"
    r"(?:be|been|is|was|are|were)\s+(?:also\s+)?(?:the|a|an)\s+(?:[\w’'-]+\s+){0,4}\Z",
    re.I,
)

#: Someone's decision, plan or agreement to do what the trigger says: "Prime Minister
#: Koizumi's decision to travel to Pyongyang" names the trip already told.
_INTENT_OF = re.compile(r"['’]s\s+(?:[a-z]+\s+){1,2}to\s+\Z", re.I)


def _span(e: Event) -> float:
    """How many days an event's date spans (infinite when undated): the smaller, the more
    precise the telling."""
    lo, hi = _bounds(e)
    return float("inf") if lo is None or hi is None else (hi - lo).days


def _nested(e: Event, f: Event) -> bool:
    """Whether two events' dates could be one date told twice: both placed, one inside the
    other ("in 2000" and "on 12 December 2000")."""
    (a, b), (c, d) = _bounds(e), _bounds(f)
    if None in (a, b, c, d):
        return False
    return (c <= a and b <= d) or (a <= c and d <= b)


def _ids(e: Event, role: str) -> set[str]:
    return {p.actor_id for p in e.participants if p.role == role}


def _compatible(e: Event, f: Event) -> bool:
    """Whether two events' participants could be one happening's: in no role do both name
    someone and share no one."""
    return all(
        not (_ids(e, role) and _ids(f, role)) or bool(_ids(e, role) & _ids(f, role))
        for role in ("actor", "recipient", "location")
    )


def _dates_agree(e: Event, f: Event) -> bool:
    """Whether a back-reference's date allows the earlier happening: it has none, the earlier
    has none, or one lies inside the other."""
    return None in _bounds(e) or None in _bounds(f) or _nested(e, f)


def _antecedent(text: str, e: Event, earlier: list[Event], *, weak: bool = False) -> int | None:
    """The earlier event a back-referring trigger names: the last of its action whose trigger
    shares a word's stem ("the inter-Korea summit" is the summit, not the last meeting),
    else the last of its action. For a weak cue ("the", "this is the") only one whose trigger
    shares the stem, whose date allows it and whose participants do not contradict it."""
    same = [i for i in range(len(earlier) - 1, -1, -1) if earlier[i].action == e.action]
    if weak:
        same = [i for i in same if _dates_agree(e, earlier[i]) and _compatible(e, earlier[i])]
    words = [w for w in re.findall(r"[a-z]+", e.trigger_text.lower()) if len(w) >= _STEM_WORD]
    named = (
        i
        for i in same
        if any(_named(w, text, earlier[i].trigger_start, earlier[i].trigger_end) for w in words)
    )
    return next(named, None if weak else next(iter(same), None))


def _back_reference(text: str, e: Event, earlier: list[Event]) -> int | None:
    """The earlier event (its index) that a noun trigger names as already told: after a
    possessive or demonstrative or after "the" opening the sentence (strong cues); after
    "the" and modifiers that do not make it another one, after a preposition or a verb
    ("agreed to the visit"), or inside a trigger opening on its verb ("conducted the
    underground nuclear test"); as the predicate noun of "this is"/"it was" (weak cues, see
    `_antecedent`); else None."""
    if e.verb is not None:
        return None
    lo = max(e.sentence_start, e.trigger_start - _DEFINITE_REACH)
    before = text[lo : e.trigger_start]
    if _BACK_REFERENCE.search(before[-_BACK_REACH:]) or _OPENING_THE.fullmatch(
        text, e.sentence_start, e.trigger_start
    ):
        found = _antecedent(text, e, earlier)
        return found if found is not None else _medium_of(text, e, earlier)
    definite = _DEFINITE.search(before) or _DEFINITE_OBJECT.match(e.trigger_text)
    if (
        definite
        and not _ANOTHER.search(definite.group("modifiers"))
        and not _OF_AFTER.match(text, e.trigger_end)
    ) or _PREDICATE.search(before):
        return _antecedent(text, e, earlier, weak=True)
    if _INTENT_OF.search(before):
        return _by_same_actor(text, e, earlier)
    return None


def _by_same_actor(text: str, e: Event, earlier: list[Event]) -> int | None:
    """The last earlier event of ``e``'s action when it was done by ``e``'s own named actor,
    with participants and dates that allow one happening and no word in the sentence that
    makes it another ("again", "twice"); else None."""
    actors = _ids(e, "actor")
    last = next((i for i in range(len(earlier) - 1, -1, -1) if earlier[i].action == e.action), None)
    if last is None or not actors or _again(text, e):
        return None
    f = earlier[last]
    return last if actors & _ids(f, "actor") and _compatible(e, f) and _dates_agree(e, f) else None


#: The longest date a retelling may carry: a happening told twice with a date is one placed
#: within a year; a span longer than that is a total or a period ("since 1995"), and two
#: totals over one period are two amounts, not one happening.
_RETOLD_DAYS = 366


def _retold(text: str, e: Event, earlier: list[Event]) -> int | None:
    """The earlier event (its index) that ``e`` tells again: the same action by a same named
    actor, both dated within a year and one date inside the other, participants compatible,
    neither negated unless both are, and no word that makes it another ("again", "the
    second"); not a statement (each is a speech act of its own). Else None."""
    actors = _ids(e, "actor")
    if not actors or e.trigger.event_type == "STATEMENT" or _span(e) > _RETOLD_DAYS:
        return None
    if _again(text, e) or e.trigger_text[:2] == "re":
        return None
    return next(
        (
            i
            for i in range(len(earlier) - 1, -1, -1)
            if earlier[i].action == e.action
            and _span(earlier[i]) <= _RETOLD_DAYS
            and _nested(e, earlier[i])
            and actors & _ids(earlier[i], "actor")
            and _compatible(e, earlier[i])
            and (e.aux_mode == "negated") == (earlier[i].aux_mode == "negated")
        ),
        None,
    )


def _medium_of(text: str, e: Event, earlier: list[Event]) -> int | None:
    """The last earlier event whose sentence named ``e``'s noun as its medium (`_medium`):
    "The statement mentioned ..." after "Pyongyang demanded ..., a statement released by
    the ministry"; else None."""
    head = re.escape(e.trigger_text.split()[-1].lower()[:_STEM])
    medium = re.compile(rf",\s*(?:in\s+)?(?:a|an|the)\s+{head}", re.I)
    return next(
        (
            i
            for i in range(len(earlier) - 1, -1, -1)
            if medium.search(text, earlier[i].sentence_start, earlier[i].sentence_end)
        ),
        None,
    )


def linked(text: str, earlier: list[Event], new: list[Event]) -> list[Event]:
    """A sentence's events with its back-references and retellings resolved (see the module):
    an undated back-reference makes no row and the sentence's other events point to the
    earlier event (`Event.refers_to`, its index among the document's events); a dated one, or
    a retelling, is kept with `Event.same_as` (and `refers_to`) the earlier event; a mention
    told again with the very date of the earlier one (`_told_again`) makes no row. Without an
    earlier event of its kind a trigger is an event like any other."""
    out: list[Event] = []
    refers: int | None = None
    for e in new:
        if _medium(text, e, new):
            continue  # ", a statement released by ...": where the reported act was told
        if (again := _told_again(text, e, earlier)) is not None:
            if _bounds(e) == _bounds(earlier[again]):
                refers = again  # told again with its date: no new happening
                continue
            out.append(replace(e, refers_to=again, same_as=again))
            continue
        antecedent = _back_reference(text, e, earlier)
        if antecedent is not None and e.when_index is None and e.when is None:
            refers = antecedent
            continue
        if antecedent is not None and not _dates_agree(e, earlier[antecedent]):
            out.append(replace(e, refers_to=antecedent))  # "two such tests last year"
            continue
        antecedent = antecedent if antecedent is not None else _retold(text, e, earlier)
        if antecedent is not None:  # it dates something: keep it, as the same happening
            out.append(replace(e, refers_to=antecedent, same_as=antecedent))
            continue
        out.append(e)
    if refers is None:
        return out
    return [e if e.refers_to is not None else replace(e, refers_to=refers) for e in out]


def one_occasion(text: str, events: list[Event], lookup: Lookup) -> list[Event]:
    """``events`` with each undated act of saying (``STATEMENT``) by a speaker who has already
    spoken earlier in the document marked as a retelling of that first statement
    (`Event.same_as`): "Peters announced today ... Peters said ... he said ..." in one report
    is one statement as far as the text tells, quoted in pieces. A dated one ("said on
    Monday") stays its own."""
    first: dict[str, int] = {}
    out = list(events)
    for i, e in enumerate(events):
        if e.trigger.event_type != "STATEMENT":
            continue
        speaker = e.attributed_to or next(
            (p.actor_id for p in e.participants if p.role == "actor"), None
        )
        if speaker is None and said_by_pronoun(text, e.trigger_start, e.trigger_end):
            speaker = last_speaker(out[:i], lookup)  # "he said": who spoke last
        if speaker is None:
            continue
        undated = e.when is None and e.when_index is None
        if undated and speaker in first and e.same_as is None:
            out[i] = replace(e, same_as=first[speaker])
        first.setdefault(speaker, i)
    return out


def one_plan(events: list[Event]) -> list[Event]:
    """``events`` with a plan told again marked as a retelling of the first telling
    (`Event.same_as`): two planned events of one action with the same recipients, whose
    actors and dates do not differ where both give them ("a delegation ... is to visit North
    Korea" and "A small delegation led by Tony Browne ... will visit Pyongyang between 19 and 23
    September")."""
    out = list(events)
    plans: list[int] = []
    for i, e in enumerate(events):
        if e.aux_mode != "future" or e.same_as is not None:
            continue
        for j in plans:
            if _same_plan(events[j], e):
                out[i] = replace(e, same_as=j)
                break
        else:
            plans.append(i)
    return out


def _same_plan(a: Event, b: Event) -> bool:
    def ids(e: Event, role: str) -> set[str]:
        return {p.actor_id for p in e.participants if p.role == role}

    (a_lo, a_hi), (b_lo, b_hi) = _bounds(a), _bounds(b)
    dated = None not in (a_lo, a_hi, b_lo, b_hi)
    return (
        a.action == b.action
        and bool(ids(a, "recipient"))
        and ids(a, "recipient") == ids(b, "recipient")
        and (not ids(a, "actor") or not ids(b, "actor") or ids(a, "actor") == ids(b, "actor"))
        and not (dated and (a_hi < b_lo or b_hi < a_lo))
    )


def canonical(events: list[Event]) -> list[Event]:
    """``events`` with each happening told more than once (`Event.same_as`) standing at its
    most precise telling (narrowest bounds, the first of equals): that row has no ``same_as``
    and every other telling names it, so each happening is one row where ``same_as`` is
    empty."""
    first: dict[int, int] = {}
    for i, e in enumerate(events):
        if e.same_as is not None:
            first[i] = first.get(e.same_as, e.same_as)
    members: dict[int, list[int]] = {}
    for i, root in first.items():
        members.setdefault(root, [root]).append(i)
    best: dict[int, int] = {}
    for group in members.values():  # one choice per group: a large group costs its size
        chosen = min(group, key=lambda j: (_span(events[j]), j))
        best.update(dict.fromkeys(group, chosen))
    return [
        e if i not in best else replace(e, same_as=None if best[i] == i else best[i])
        for i, e in enumerate(events)
    ]
