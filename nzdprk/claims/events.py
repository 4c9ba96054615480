"""Rule-based event coding: which clause says who did what to whom, when, and in whose voice.

Each sentence is cut into clauses (`nzdprk.text.clauses`). An event is a *trigger* — a lemma of
the lexicon ``data/lexicon.csv`` in its sense (`nzdprk.claims.lexicon`) — or, for a date no
trigger takes, the clause's main verb (a generic event: every statement the text dates is a
row). Each event has

* **one row per happening**: triggers of one kind with nothing between them are one; a
  back-reference ("During his visit") points to the earlier event (`references`);
* **participants** only where the grammar binds them (`_Sentence._sides`, `roles`);
* **a date** from its own verb phrase (`_Sentence._date`): not across an embedded clause or a
  coordinated verb phrase; a coordination of dates gives a row per date, "since" dates the onset
  of a state (or runs a total to the document's date) and "until" the end (`event_dates`);
* **modes**: ``aux_mode`` future, hypothetical, negated or none from the cue table, in the
  trigger's own verb phrase and voice (`modes`); the matching ``assertion_mode`` (planned,
  hedged, negated), or reported for the words of someone other than the document's author;
* **attribution**: the speaker of a quotation for the words inside it, bound by the
  attribution's grammar (`roles.speaker`), or the actor of a speech act (`event_rows`: rows)."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol

from ..dates import When
from ..text import clauses, cue_search, in_spans, protected_spans, quoted_spans
from . import event_dates, subjects
from .lexicon import GENERIC, Hit, Trigger, find_triggers
from .modes import aux_mode, unrealised, voice_start
from .nouns import described, onset_of_none, possessor
from .references import canonical, linked, one_occasion, one_plan
from .released import released
from .roles import (
    Lookup,
    MentionLike,
    Participant,
    adjunct,
    as_states,
    by_agent,
    effort_means,
    embedded,
    first_person,
    group,
    inverted,
    pronoun_first,
    relative_subject,
    roles,
)
from .roles import speaker as quote_speaker

#: Resolutions of a date that places it in time (a date phrase with them is a dated statement).
_PLACED = frozenset({"explicit", "anchored"})
#: A noun trigger after a determiner or a preposition, with the words that modify it ("the UN
#: call", "the 2006 North Korean nuclear test", "per North Korean demands"): only those
#: modifiers can be its actor.
_NOMINAL = re.compile(
    r"\b(?:(?P<determiner>a|an|the|this|that|these|those|such)|"
    r"per|of|for|under|after|against|despite)\s+"
    r"(?P<modifiers>(?:(?!(?:a|an|the|this|these|those|such|and|or|but|to|of|in|on|at|for|with|"
    r"by|from|as|that|which|who|was|"
    r"were|is|are|has|have|had)\b)[\w’'-]+\s+){0,4})\Z",
    re.IGNORECASE,
)
#: Noun endings: after a preposition, only a trigger so ending is a noun ("per ... demands").
_NOUN = re.compile(r"(?<!ing)(?:s|ion|ment|ance|ence)\Z", re.IGNORECASE)
#: A trigger that opens with a past participle ("killed in action", "taken prisoner", "shot").
_PARTICIPLE = re.compile(r"[a-z]+(?:ed|en|wn|ot|ught|eld)\b", re.IGNORECASE)
#: A verb whose object is a noun trigger ("conducted two such tests"): its subject is the actor.
_LIGHT_VERB = re.compile(
    r"\b(?:made|makes?|held|holds?|had|has|have|paid|pays?|took|takes?|conducted|conducts?|"
    r"carried out|carries out|gave|gives?)\s+(?:(?:\d+|two|three|four|five|several|many)\s+)?\Z",
    re.IGNORECASE,
)
#: A passive before a participle trigger: its subject is what the act is done to.
_PASSIVE = re.compile(
    r"\b(?:was|were|been|be|is|are|being)\s+(?:(?:\w+ly|also|later|then|not|never)\s+)?\Z",
    re.IGNORECASE,
)
_BY = re.compile(r"\bby\s+")
#: "X has Y's backing": what comes before the possessor holds the support.
_HELD = re.compile(r"\b(?:has|have|had|gets?|got|receives?|received|enjoys?|enjoyed)\s+\Z")
#: A few words between a trigger and a noun trigger that is its object ("supporting increased
#: international sanctions"): the object takes no date but one of its own ("today's test"). A
#: trigger that opens on a copula is a passive verb, not an object ("The offer was declined").
_OBJECT = re.compile(r"\s+(?:[\w’'-]+\s+){0,4}")
#: Verbs that say what a thing is rather than what happened.
_COPULA = frozenset({"is", "was", "are", "were", "be", "been"})
_COMMA_CLAUSE = re.compile(r"\s*,\s*[^\s\"“]")  # "said from May, a ship": what was said
_OPEN_BRACKET = re.compile(r"\([^()]*$")  # a bracket still open: a date in brackets
#: What separates two happenings of one kind in a clause ("agreed to the visit when he met").
_SEPARATE = re.compile(r"\b(?:and|or|that|whether|then|when|while|because|although|if)\b|[,;]")


class WhenLike(Protocol):
    char_start: int
    char_end: int


@dataclass(frozen=True, slots=True)
class Event:
    sentence_start: int
    sentence_end: int
    trigger_text: str
    trigger_start: int
    trigger_end: int
    trigger: Trigger
    aux_mode: str
    assertion_mode: str
    hedge_text: str | None
    attributed_to: str | None
    when_index: int | None  # index into the dates passed in, or None
    participants: tuple[Participant, ...]
    verb: str | None = None  # a generic event's main verb, its action
    when: WhenLike | None = None  # the happening's own date (see `event_dates`), else the phrase's
    refers_to: int | None = None  # the earlier event a back-reference in its sentence names
    same_as: int | None = None  # the row of the same happening told again (`references`)

    @property
    def action(self) -> str:
        """The lexicon action, or for a generic event the clause's main verb."""
        return self.verb or self.trigger.action


def extract_events(
    text: str,
    sentences: Sequence[tuple[int, int]],
    paragraphs: Sequence[tuple[int, int]],
    dates: Sequence[WhenLike],
    mentions: Sequence[MentionLike],
    money: Sequence[tuple[int, int]],
    *,
    lookup: Lookup,
    author_ids: Sequence[str] = (),
    anchor: dt.date | None = None,
) -> list[Event]:
    """Every event in one document, in text order. Spans are looked up by bisection, so a
    long document costs time in proportion to its length."""
    found: list[Event] = []
    mention_at = [m.char_start for m in mentions]
    date_at = [d.char_start for d in dates]
    spans = protected_spans(dates, money, mentions)
    span_at, money_at = [start for start, _ in spans], [s for s, _ in money]
    sentence_at = [s for s, _ in sentences]
    triggers_of = find_triggers(text, sentences)
    opening = list(mentions[:50])  # who the document is about, for relations with one party

    def within(items: Sequence, starts: list[int], lo: int, hi: int) -> list:
        return list(items[bisect_left(starts, lo) : bisect_left(starts, hi)])

    for p_start, p_end in paragraphs:
        in_paragraph = within(mentions, mention_at, p_start, p_end)
        quotes = quoted_spans(text, p_start, p_end)
        quote_at = [s for s, _ in quotes]
        context = in_paragraph + opening
        voice = quote_speaker(text, p_start, p_end, quotes, in_paragraph, lookup, author_ids, found)
        subject: tuple[Participant, ...] = ()  # the last named subject, for "it"/"he"/"they"
        for s_start, s_end in within(sentences, sentence_at, p_start, p_end):
            sentence = _Sentence(
                text,
                s_start,
                s_end,
                quotes,
                voice,
                dates,
                (bisect_left(date_at, s_start), bisect_left(date_at, s_end)),
                within(money, money_at, s_start, s_end),
                within(spans, span_at, s_start, s_end),
                within(mentions, mention_at, s_start, s_end),
                lookup,
                author_ids,
                context,
                quote_at,
                triggers_of.get((s_start, s_end), []),
                anchor,
            )
            new, subject = sentence.events(subject)
            found = event_dates.ended(text, found, new)  # "It stopped in 2016."
            found.extend(described(found, linked(text, found, new)))
    told = canonical(one_plan(one_occasion(text, found, lookup)))  # each happening once
    return released(text, told, author_ids, anchor, sentences, lookup)


@dataclass
class _Sentence:
    """One sentence and what is known around it; `events()` applies the rules to it."""

    text: str
    start: int
    end: int
    quotes: list[tuple[int, int]]
    speaker: str | None
    dates: Sequence[WhenLike]
    date_range: tuple[int, int]  # indices of this sentence's dates in `dates`
    money: Sequence[tuple[int, int]]
    protected: list[tuple[int, int]]
    mentions: list[MentionLike]
    lookup: Lookup
    author_ids: Sequence[str]
    context: Sequence[MentionLike] = ()  # the paragraph's mentions, then the document's
    quote_at: list[int] = field(default_factory=list)  # the starts of `quotes`
    found: list[Hit] = field(default_factory=list)  # the sentence's lexicon triggers
    anchor: dt.date | None = None  # the document's own date

    def events(
        self, subject: tuple[Participant, ...]
    ) -> tuple[list[Event], tuple[Participant, ...]]:
        parts = clauses(self.text, self.start, self.end, self.protected)
        hits = [
            h
            for h in self.found
            if h.trigger.requires != "money" or self._has_money(h.start, parts)
        ]
        kept = [(h, c) for c in parts for h in self._keep(hits, c)]
        bounds = sorted({h.start for h in hits})
        quoted = in_spans(self.quotes, self.quote_at, self.start) or in_spans(
            self.quotes, self.quote_at, self.end - 1
        )
        dated_clauses = {c for h, c in kept if h.trigger.event_type != "STATEMENT"}
        out: list[Event] = []
        first: tuple[Participant, ...] = ()
        outside: _Sentence | None = None  # the sentence without the names inside quotation marks
        for h, clause in kept:
            q = bisect_right(self.quote_at, h.start) - 1  # the quotation it is in, if any
            inside = [self.quotes[q]] if q >= 0 and h.start < self.quotes[q][1] else []
            lo, hi = (
                max([self.start, *(s for s, _ in inside)]),
                min([self.end, *(e for _, e in inside)]),
            )
            i, j = bisect_left(bounds, h.start), bisect_right(bounds, h.start)
            left = max(bounds[i - 1], lo) if i else lo
            right = min(bounds[j], hi) if j < len(bounds) else hi
            if not inside:  # a trigger outside quotation marks takes no one named inside them
                outside = outside or replace(self, mentions=self._unquoted())
            view = outside if outside and not inside else self
            actors, recipients = view._sides(h, (left, right), clause, quoted, (first, subject))
            ids = {p.actor_id for p in actors}
            recipients = tuple(p for p in recipients if p.actor_id not in ids)
            participants = roles(h.trigger, actors, recipients, self.lookup)
            if h.trigger.states_only:
                others = itertools.chain(self.mentions, self.context)
                participants = as_states(participants, h.trigger.symmetric, others, self.lookup)
            if actors:
                first = first or actors
                if not subject or actors[0].role == "actor":
                    subject = tuple(p for p in actors if p.role == "actor") or subject
            siblings = [k for k, c in kept if c == clause]
            out.append(self._event(h, clause, participants, quoted, parts, dated_clauses, siblings))
        out, generic = self._generic(out, parts, quoted)
        out = sorted(out + generic, key=lambda e: e.trigger_start)
        return [one for e in out for one in self._dated(e, parts)], subject

    def _sides(
        self,
        h: Hit,
        reach: tuple[int, int],
        clause: tuple[int, int],
        quoted: bool,
        earlier: tuple[tuple[Participant, ...], tuple[Participant, ...]],
    ) -> tuple[tuple[Participant, ...], tuple[Participant, ...]]:
        """Who does it and to whom, from the names between the neighbouring triggers (``reach``),
        only where the grammar binds them: a noun's modifier or possessor, a passive's subject
        (its recipient), a name after "by", "X has Y's backing", a pronoun before the verb, the
        sentence's subject for ", urging ..."; else `subjects.unnamed_subject`."""
        left = subjects.subordinate_start(self.text, self.mentions, reach[0], h.start)
        right = reach[1]
        start = max(left, clause[0])
        actors = self._group(start, h.start, True)
        if not actors and left < start:  # the names from ``left`` on, if others come before
            actors = self._group(left, h.start, True)
        if adjunct(self.text, left, h.start):  # "Peters wrote to X, urging Y": Peters urges
            actors = earlier[0]
        cut = embedded(self.text, h.end, right)
        recipients = self._group(h.end, cut, False) or effort_means(self, h, cut, right)
        actors, recipients = inverted(self.text, h.start, h.end, actors, recipients)
        voice = (self.speaker or "", self.lookup)
        if not actors and quoted and self.speaker:
            actors = first_person(self.text, left, h.start, "actor", *voice)
        if not recipients and quoted and self.speaker:
            recipients = first_person(self.text, h.end, right, "recipient", *voice)
        participle = _PARTICIPLE.match(self.text, h.start, h.end)
        nominal = None if participle else self._nominal(h, start)
        if participle and subjects.reduced_relative(
            self.text, actors, self.lookup, h.start, participle.end()
        ):
            actors, recipients = (), actors[-1:] + recipients  # "UNICEF, established in 1946"
        if nominal:
            actors, recipients = self._noun_sides(nominal, h, recipients)
        elif participle and not h.trigger.symmetric and _PASSIVE.search(self.text, start, h.start):
            by = _BY.search(self.text, h.end, right)
            agent = self._group(by.end(), right, subject=True) if by else ()
            ids = {p.actor_id for p in agent}
            return agent, actors + tuple(r for r in recipients if r.actor_id not in ids)
        # "a test by North Korea", "founded in 1973 by X"
        if agent := by_agent(self.text, self.mentions, h.end, right):
            ids = {p.actor_id for p in agent}
            return agent, tuple(p for p in recipients if p.actor_id not in ids)
        # "New Zealand's continuing support"
        if owner := possessor(self.text, self.mentions, h.start):
            held = _HELD.search(self.text, start, owner[0].char_start or start)
            if held:  # "South Korea has New Zealand's full backing"
                recipients = self._group(start, held.start(), subject=True)
            return owner, recipients
        if not nominal:  # "China praised Japan after she had visited": she visited
            actors, left = pronoun_first(self.text, actors, left, h.start, self.lookup)
        if actors or nominal:
            return actors, recipients
        subject = subjects.unnamed_subject(
            self.text, self.mentions, self.lookup, (left, h.start), earlier
        )
        return subject, recipients

    def _nominal(self, h: Hit, start: int) -> re.Match[str] | None:
        """The determiner or preposition and modifiers before a noun trigger (`_NOMINAL`), if
        it is one: after a preposition only a plain noun form ("per ... demands"), and not the
        object of a light verb ("made a courtesy call": the subject makes it)."""
        nominal = _NOMINAL.search(self.text, start, h.start)
        if nominal is None or (
            not nominal.group("determiner") and not _NOUN.search(self.text[h.start : h.end])
        ):
            return None
        return None if _LIGHT_VERB.search(self.text, start, nominal.start()) else nominal

    def _noun_sides(
        self, nominal: re.Match[str], h: Hit, recipients: tuple[Participant, ...]
    ) -> tuple[tuple[Participant, ...], tuple[Participant, ...]]:
        """A noun trigger's actors: its modifiers ("the UN call"), the subject of the relative
        clause after it ("the test North Korea has conducted"), or X in "the refusal of X to
        ..." (then no recipient)."""
        modifiers = self._group(nominal.start("modifiers"), h.start, subject=True)
        actors = modifiers or relative_subject(self.text, self.mentions, h.end)
        if not actors and (actors := subjects.infinitive_subject(self.text, self.mentions, h.end)):
            recipients = tuple(r for r in recipients if r.actor_id != actors[0].actor_id)
        return actors, recipients

    def _unquoted(self) -> list[MentionLike]:
        return [m for m in self.mentions if not in_spans(self.quotes, self.quote_at, m.char_start)]

    def _generic(
        self, coded: list[Event], parts: list[tuple[int, int]], quoted: bool
    ) -> tuple[list[Event], list[Event]]:
        """An event for each placed date of the sentence that no lexicon event took: every
        statement the text dates is a happening, named by its clause's main verb. A copula
        says what its subject was ("The 2006 nuclear test was the detonation ... on 9 October
        2006"): its date goes to the event named before it, if narrower, not to a row of its
        own. Returns the lexicon events (so dated) and the new ones."""
        taken = {e.when_index for e in coded}
        coded = list(coded)
        out: list[Event] = []
        for i in range(*self.date_range):
            d = self.dates[i]
            if i in taken or getattr(d, "resolution", "explicit") not in _PLACED:
                continue
            clause = next((c for c in parts if c[0] <= d.char_start < c[1]), (self.start, self.end))
            rest = [c for c in parts if c[0] >= clause[1]]
            barriers = list(event_dates.BARRIER.finditer(self.text, clause[0], d.char_start))
            own = (barriers[-1].end() if barriers else clause[0], clause[1])
            own = (event_dates.reported_start(self.text, own[0], d.char_start), own[1])
            noun = event_dates.modified_noun(self.text, d) or event_dates.of_noun(self.text, d)
            found = noun or event_dates.main_verb(self.text, own, rest, d.char_start)
            verb, at = (found[0], found[1:]) if found else (None, (d.char_start, d.char_end))
            subject = [k for k, e in enumerate(coded) if clause[0] <= e.trigger_start < at[0]]
            if verb in _COPULA and subject and not noun:
                k = subject[-1]
                j = coded[k].when_index
                if j is None or event_dates.within(d, self.dates[j]):
                    coded[k] = replace(coded[k], when_index=i)
                continue
            # the verb may be a lexicon word left out for a busier clause ("announced today")
            lexical = next((h for h in self.found if h.start <= at[0] < h.end), None)
            if not (lexical or noun) and (verb is None or verb in _COPULA):
                continue  # no content verb: the clause states no happening
            aux = aux_mode(self.text, clause[0], *at)
            mode = {"future": "planned", "hypothetical": "hedged", "negated": "negated"}.get(aux)
            speaker = self.speaker if quoted else None
            reported = speaker is not None and speaker not in self.author_ids
            out.append(
                Event(
                    sentence_start=self.start,
                    sentence_end=self.end,
                    trigger_text=self.text[at[0] : at[1]],
                    trigger_start=at[0],
                    trigger_end=at[1],
                    trigger=lexical.trigger if lexical else GENERIC,
                    aux_mode=aux,
                    assertion_mode=mode or ("reported" if reported else "asserted"),
                    hedge_text=None,
                    attributed_to=speaker,
                    when_index=i,
                    participants=(),
                    verb=None if lexical else verb,
                )
            )
        return coded, out

    def _dated(self, event: Event, parts: list[tuple[int, int]]) -> list[Event]:
        """The event with the date of the happening itself (see `event_dates`): one row per
        member of a coordinated date, with the participants of its own conjunct when the dates
        go "respectively" (`subjects.respective`); a negation "since" a dated clause, by the onset
        of none."""
        if event.when_index is None:
            return [event]
        when = self.dates[event.when_index]
        if not isinstance(when, When):
            return [event]
        clause = next((c for c in parts if c[0] <= when.char_start < c[1]), (self.start, self.end))
        total = any(clause[0] <= a < clause[1] for a, _ in self.money)
        out = [
            replace(event, when=event_dates.bound(m, self.anchor, running_total=total))
            for m in event_dates.members(when, self.anchor)
        ]
        pairs = subjects.respective(
            self.text, self.mentions, self.lookup, event, when.char_end, len(out)
        )
        out = (
            [replace(e, participants=p) for e, p in zip(out, pairs, strict=True)] if pairs else out
        )
        return onset_of_none(self.text, out, when.char_start)

    def _has_money(self, at: int, parts: list[tuple[int, int]]) -> bool:
        """An amount in the same clause (for triggers such as "contributed" or "gave")."""
        clause = next(c for c in parts if c[0] <= at < c[1])
        return any(clause[0] <= a < clause[1] for a, _ in self.money)

    def _keep(self, hits: list[Hit], clause: tuple[int, int]) -> list[Hit]:
        """The triggers of one clause that make events: substantive ones, else one statement, and
        a verb of saying before what it reports (`_saying_of`); none that only names an aim,
        wish or request (`modes.unrealised`), no purpose infinitive after another event
        ("visited … to discuss"), and one row per happening (see `_same_happening`)."""
        own = [h for h in hits if clause[0] <= h.start < clause[1]]
        in_clause = [h for h in own if not unrealised(self.text, clause[0], h.start, h.end)]
        substantive = [h for h in in_clause if h.trigger.event_type != "STATEMENT"]
        kept: list[Hit] = [h for h in in_clause[:1] if self._saying_of(h, substantive)]
        for h in substantive or in_clause[:1]:
            purpose = self.text[max(clause[0], h.start - 3) : h.start].lower() == "to "
            done = [k for k in kept if k.trigger.event_type != "STATEMENT"]
            if (purpose or self._same_happening(done[-1], h)) if done else False:
                continue
            kept.append(h)
        return kept

    def _saying_of(self, h: Hit, substantive: list[Hit]) -> bool:
        """A verb of saying outside quotation marks that opens its clause's reported content
        ("Peters, on Tuesday, said New Zealand stood by ... its deployments"): a happening of
        its own, which a date beside it dates; not when what it reports is itself a speech act
        ("says that New Zealand condemns yesterday's launches": one happening)."""
        return (
            h.trigger.event_type == "STATEMENT"
            and any(k.start > h.end for k in substantive)
            and not next(k for k in substantive if k.start > h.end).trigger.speech
            and not in_spans(self.quotes, self.quote_at, h.start)
        )

    def _same_happening(self, first: Hit, then: Hit) -> bool:
        """Two triggers of one kind with no "and", comma or embedded clause between them outside
        a date, amount or name are one happening ("gave $8 million in aid", "between X and Y")."""
        kind = first.trigger.event_type == then.trigger.event_type
        return kind and self._joined(first, then)

    def _joined(self, first: Hit, then: Hit) -> bool:
        """No "and", comma or embedded clause between two triggers outside a date, amount or
        name: the second is in the first's phrase."""
        seps = _SEPARATE.finditer(self.text, first.end, then.start)
        return all(any(a <= m.start() < b for a, b in self.protected) for m in seps)

    def _event(
        self,
        h: Hit,
        clause: tuple[int, int],
        participants: tuple[Participant, ...],
        quoted: bool,
        parts: list[tuple[int, int]],
        with_events: set[tuple[int, int]],
        siblings: list[Hit],
    ) -> Event:
        voice = voice_start(self.quotes, clause[0], h.start, h.trigger.speech)
        aux = aux_mode(self.text, voice, h.start, h.end)
        spoken = quoted and in_spans(self.quotes, self.quote_at, h.start)  # not the narrator's
        attributed = (self.speaker if spoken else None) or (
            next((p.actor_id for p in participants if p.role == "actor"), None)
            if h.trigger.speech
            else None
        )
        mode = {"future": "planned", "hypothetical": "hedged", "negated": "negated"}.get(aux)
        if mode is None:
            reported = attributed is not None and attributed not in self.author_ids
            mode = "reported" if reported else "asserted"
        hedge = cue_search("hedge", self.text, *clause) or cue_search(
            "approximation", self.text, *clause
        )
        return Event(
            sentence_start=self.start,
            sentence_end=self.end,
            trigger_text=self.text[h.start : h.end],
            trigger_start=h.start,
            trigger_end=h.end,
            trigger=h.trigger,
            aux_mode=aux,
            assertion_mode=mode,
            hedge_text=hedge.group(0) if hedge and mode == "hedged" else None,
            attributed_to=attributed,
            when_index=self._date(h, clause, siblings, parts, with_events),
            participants=participants,
        )

    def _date(
        self,
        hit: Hit,
        clause: tuple[int, int],
        siblings: list[Hit],
        parts: list[tuple[int, int]],
        with_events: set[tuple[int, int]],
    ) -> int | None:
        """Which date (index into `dates`) an event takes, in this order:

        1. a date of its own clause that is closer to it than to any other trigger there (a
           date in brackets goes to the nearest trigger before it);
        2. for the last event of a clause, a date in the next clause if that clause has no
           event ("visits to the North, such as by the group (1993)");
        3. the clause's date, if the clause has exactly one;
        4. a date fronted before the sentence's first event ("In 2006, North Korea tested …,
           drawing criticism"); else none.

        A noun in the object of the trigger before it takes only a date of its own; a verb of
        saying no date that opens the unquoted clause of what was said ("said from mid-April to
        early May, a ship was …"); no date crosses into another verb phrase (`_apart`) or
        across quotation marks."""

        def distance(i: int, h: Hit) -> int:
            d = self.dates[i]
            return min(abs(d.char_start - h.end), abs(d.char_end - h.start))

        mine = range(*self.date_range)
        ix = [i for i in mine if clause[0] <= self.dates[i].char_start < clause[1]]
        if hit.trigger.event_type == "STATEMENT":
            ix = [i for i in ix if not self._opens_what_was_said(i, hit)]

        def owner(i: int) -> Hit:  # a date in brackets belongs to what comes before it
            d = self.dates[i]
            before = [h for h in siblings if h.end <= d.char_start]
            bracketed = _OPEN_BRACKET.search(self.text[clause[0] : d.char_start])
            pool = before if bracketed and before else siblings
            return min(pool, key=lambda h: distance(i, h))

        quoted = in_spans(self.quotes, self.quote_at, hit.start)
        ix = [i for i in ix if not self._apart(i, hit) and self._quoted(i) == quoted]
        if self._in_object(hit, siblings):  # "supporting increased sanctions"
            return next((i for i in ix if self._noun(i)), None)
        own = [i for i in ix if owner(i) is hit]
        if own:
            return min(own, key=lambda i: distance(i, hit))
        later = [c for c in parts if c[0] >= clause[1]]
        if hit is siblings[-1] and later and later[0] not in with_events:
            after = [
                i
                for i in mine
                if later[0][0] <= self.dates[i].char_start < later[0][1] and not self._noun(i)
            ]
            if after:
                return after[0]
        if len(ix) == 1:
            return ix[0]
        before = [c for c in itertools.takewhile(lambda c: c not in with_events, parts)]
        fronted = event_dates.fronted(self.text, self.dates, self.date_range, clause, before)
        return None if fronted is None or self._apart(fronted, hit, True) else fronted

    def _opens_what_was_said(self, i: int, hit: Hit) -> bool:
        """A date after a verb of saying followed by a comma and the unquoted clause of what was
        said ("said from mid-April to early May, a ship was ...")."""
        end = self.dates[i].char_end
        return end > hit.start and bool(_COMMA_CLAUSE.match(self.text, end))

    def _in_object(self, hit: Hit, siblings: list[Hit]) -> bool:
        """Whether a trigger is a noun in the object of the trigger before it, a few words on
        with nothing between (`_OBJECT`); a trigger with a copula is a passive verb ("after
        relations were established")."""
        before = [k for k in siblings if k.end <= hit.start]
        return bool(
            before
            and self._joined(before[-1], hit)
            and _OBJECT.fullmatch(self.text, before[-1].end, hit.start)
            and not _COPULA.intersection(self.text[hit.start : hit.end].lower().split())
        )

    def _quoted(self, i: int) -> bool:  # a date inside quotation marks is the quoted words'
        return in_spans(self.quotes, self.quote_at, self.dates[i].char_start)

    def _noun(self, i: int) -> bool:  # "a 1994 deal": the date is the deal's alone
        return event_dates.modified_noun(self.text, self.dates[i]) is not None

    def _apart(self, i: int, hit: Hit, fronted: bool = False) -> bool:
        """Whether a date and a trigger stand in different phrases (`event_dates.apart`)."""
        return event_dates.apart(self.text, self.dates[i], hit.start, hit.end, fronted)

    def _group(self, start: int, end: int, subject: bool) -> tuple[Participant, ...]:
        return group(self.text, self.mentions, start, end, self.lookup, possessive=not subject)
