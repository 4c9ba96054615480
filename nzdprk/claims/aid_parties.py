"""Who gives, who receives, through which channel, what for and on what condition: the party
and purpose rules of `nzdprk.claims.aid` (see its module docstring), as a base of its reader."""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..dates import When
from ..text import quoted_spans
from . import aid_words as w
from .roles import FIRST_PLURAL

if TYPE_CHECKING:
    from ..actors import Mention


@dataclass(frozen=True, slots=True)
class Parties:
    """Who gives, who receives, and through which channel."""

    donor: str | None
    donor_source: str | None
    receivers: tuple[str, ...]
    recipient: str | None
    recipient_source: str | None
    channel: str


class PartyRules:
    """The party rules; the aid reader sets the text, its inputs (``a``), the actor lookup, the
    mentions' spans and starts (``names``, ``name_at``), the protected spans' starts
    (``protected_at``), the paragraphs' spans and the clause of an offset (``clause``)."""

    text: str
    a: Any
    lookup: Any
    names: list[tuple[int, int]]
    name_at: list[int]
    protected_at: list[int]
    paragraphs: dict[int, tuple[int, int]]
    _subjects: dict[int, Any]

    @staticmethod
    def index(starts: list[int], at: int) -> int:
        return bisect.bisect_left(starts, at)

    def mentions(self, start: int, end: int) -> list[Mention]:
        """Actor mentions in [start, end), without names used as modifiers ("UN-sanctioned")."""
        found = self.a.mentions[self.index(self.name_at, start) : self.index(self.name_at, end)]
        return [
            m for m in found if m.char_end <= end and not w.MODIFIER.match(self.text, m.char_end)
        ]

    # --- who -----------------------------------------------------------------------------------

    def parties(self, s: int, start: int, end: int, ev: int | None) -> Parties:
        """Donor, receiving organisations, recipient country and channel around an anchor."""
        s_start, s_end, _, _ = self.a.sentences[s]
        before = self.mentions(s_start, start)
        after = self.mentions(end, s_end)
        receiving = w.RECEIVE.search(self.text, s_start, start)
        donor = recipient = None
        if receiving:
            recipient = next(
                (st for m in before if m.char_end <= receiving.start() if (st := self.state(m))),
                None,
            )
        else:
            donor = self.event_party(ev, "actor", donor=True) or next(
                (self.donor(m) for m in before if m.sense == "actor" and not self.object_of(m)),
                None,
            )
        if donor is None:
            donor = next(
                (self.donor(m) for m in after if self.after(m, w.FROM) or self.gives(m)), None
            )
        if donor is None and not receiving:
            donor = self.first_person_donor(s, start, end)
        donor_source = "stated" if donor else None
        if donor is None and not receiving:
            donor = self.paragraph_subject(s)
            donor_source = "inherited" if donor else None
        receivers = self.receivers(after, donor) or self.body_told_before(s_start, end, s_end)
        recipient = recipient or self.stated_recipient(ev, before, after, receivers, donor)
        source = "stated" if recipient else None
        if recipient is None and receivers:
            recipient = self.inherited(s, receivers[0], donor)
            source = "inherited" if recipient else None
        to_state = any(self.kind(m.actor_id) == "state" and self.after(m, w.TO_ONLY) for m in after)
        return Parties(
            donor,
            donor_source,
            receivers,
            recipient,
            source,
            self.channel(receivers, end, s_end, to_state),
        )

    def first_person_donor(self, s: int, start: int, end: int) -> str | None:
        """In quoted speech, "we" or "our ..." giving is the speaker's country: before the
        amount in its clause ("we have given $1m"), or after it, introduced by "by" or "from"
        ("a fund of about $30,000 a year was administered by our embassy", he said). The
        speaker is who the sentence's events attribute the quotation to."""
        s_start, _, number, _ = self.a.sentences[s]
        quotes = self.quotes(number)
        i = bisect.bisect_right(quotes, (start, math.inf)) - 1
        if i < 0 or start >= quotes[i][1]:
            return None
        speaker = next((e.attributed_to for e in self.said_in(s_start) if e.attributed_to), None)
        country = self.lookup.country.get(speaker) if speaker else None
        if country is None or self.kind(country) != "state":
            return None
        clause = self.clause(s, start)
        before = FIRST_PLURAL.search(self.text, clause[0], start)
        if before and not w.AFTER_PREPOSITION.search(self.text, clause[0], before.start()):
            return country
        after = FIRST_PLURAL.search(self.text, end, clause[1])
        if after and w.FROM.search(self.text, end, after.start()):
            return country
        return None

    def said_in(self, sentence_start: int) -> list[Any]:
        """The events of the sentence starting at `sentence_start` (grouped once)."""
        if not hasattr(self, "_events_in"):
            self._events_in: dict[int, list[Any]] = {}
            for e in self.a.events:
                self._events_in.setdefault(e.sentence_start, []).append(e)
        return self._events_in.get(sentence_start, [])

    def quotes(self, paragraph: int) -> list[tuple[int, int]]:
        """The quoted spans of a paragraph, found once (a paragraph of many amounts costs one
        scan, not one per amount)."""
        if not hasattr(self, "_quotes"):
            self._quotes: dict[int, list[tuple[int, int]]] = {}
        if paragraph not in self._quotes:
            self._quotes[paragraph] = quoted_spans(self.text, *self.paragraphs[paragraph])
        return self._quotes[paragraph]

    def stated_recipient(
        self,
        ev: int | None,
        before: list[Mention],
        after: list[Mention],
        receivers: tuple[str, ...],
        donor: str | None,
    ) -> str | None:
        """The state helped, as the sentence names it: the event's recipient, else a state after
        the anchor (not a giver after "from/by", not an office's seat), else a receiving
        government body's state, else a state named as a place before it."""
        return (
            self.event_party(ev, "recipient", donor=False, exclude=donor)
            or next(
                (
                    st
                    for m in after
                    if (st := self.state(m))
                    and st != donor
                    and not self.after(m, w.FROM)
                    and not self.seat(m)
                ),
                None,
            )
            or next(
                (
                    self.lookup.country.get(r)
                    for r in receivers
                    if self.kind(r) == "government_body"
                ),
                None,
            )
            or next(  # "regions in North Korea, resulting in … aid"
                (
                    m.actor_id
                    for m in before
                    if m.sense == "place"
                    and self.kind(m.actor_id) == "state"
                    and m.actor_id != donor
                    and not self.seat(m)
                ),
                None,
            )
        )

    def paragraph_subject(self, s: int) -> str | None:
        """The first state acting in the paragraph before sentence `s`: who the paragraph is
        about, taken as the giver when the sentence itself names none."""
        s_start, _, paragraph, _ = self.a.sentences[s]
        if paragraph not in self._subjects:
            first, last = self.paragraphs[paragraph]
            acting = (m for m in self.mentions(first, last) if m.sense == "actor")
            self._subjects[paragraph] = next(
                ((m, st) for m in acting if (st := self.state(m))), None
            )
        found = self._subjects[paragraph]
        if found is None or found[0].char_start >= s_start:
            return None
        if found[0].char_end <= s_start:
            return found[1]
        first = self.paragraphs[paragraph][0]
        acting = (m for m in self.mentions(first, s_start) if m.sense == "actor")
        return next((st for m in acting if (st := self.state(m))), None)

    def kind(self, actor_id: str) -> str | None:
        return self.lookup.kind.get(actor_id)

    def state(self, who: Mention | str) -> str | None:
        """The state an actor stands for: itself, or a person's or government body's country."""
        actor_id = who if isinstance(who, str) else who.actor_id
        kind = self.kind(actor_id)
        if kind == "state":
            return actor_id
        return self.lookup.country.get(actor_id) if kind in ("person", "government_body") else None

    def donor(self, who: Mention | str) -> str:
        """An actor as a donor: a person or government body gives for its state, if it has one."""
        actor_id = who if isinstance(who, str) else who.actor_id
        return self.state(actor_id) or actor_id

    def object_of(self, m: Mention) -> bool:
        """True for a name introduced by a preposition: an object, not the giver."""
        return self.after(m, w.OBJECT_OF)

    def seat(self, m: Mention) -> bool:
        """True for a place that locates an office ("our embassy in Seoul, South Korea")."""
        return bool(w.SEAT.search(self.text, max(0, m.char_start - w.SEAT_REACH), m.char_start))

    def gives(self, m: Mention) -> bool:
        """True for a name followed by a verb of giving ("the $500,000 New Zealand provided")."""
        return bool(w.GIVER_AFTER.match(self.text, m.char_end))

    def after(self, m: Mention, pattern: re.Pattern[str]) -> bool:
        """True when the words just before a mention match `pattern` ("to the ", "from ")."""
        return bool(
            pattern.search(self.text, max(0, m.char_start - w.PREPOSITION_REACH), m.char_start)
        )

    def event_party(
        self, ev: int | None, role: str, *, donor: bool, exclude: str | None = None
    ) -> str | None:
        """The first participant of the typed event in `role`, as a donor id or a state."""
        if ev is None:
            return None
        for p in self.a.events[ev].participants:
            if p.role != role:
                continue
            if p.char_end is not None and w.MODIFIER.match(self.text, p.char_end):
                continue
            if (
                donor
                and p.char_start is not None
                and w.OBJECT_OF.search(
                    self.text, max(0, p.char_start - w.PREPOSITION_REACH), p.char_start
                )
            ):
                continue
            if donor:
                return self.donor(p.actor_id)
            state = self.state(p.actor_id)
            if state and state != exclude:
                return state
        return None

    def receivers(self, after: list[Mention], donor: str | None) -> tuple[str, ...]:
        """Organisations and government bodies receiving: the first after to/through/via, and
        those joined to it by "and" or commas."""

        def receives(m: Mention) -> bool:
            kind = self.kind(m.actor_id)
            own_agency = kind == "government_body" and self.lookup.country.get(m.actor_id) == donor
            return kind in ("organisation", "government_body") and not own_agency

        first = next((i for i, m in enumerate(after) if receives(m) and self.after(m, w.TO)), None)
        if first is None:
            return ()
        found = [after[first].actor_id]
        for previous, m in zip(after[first:], after[first + 1 :], strict=False):
            if not w.JOINED.fullmatch(self.text, previous.char_end, m.char_start):
                break
            if receives(m) and m.actor_id not in found:
                found.append(m.actor_id)
        return tuple(found)

    def body_told_before(self, start: int, at: int, end: int) -> tuple[str, ...]:
        """The organisation "the body" (or "the organisation", "the agency" ...) after the
        amount names: the last one named before the amount in its sentence ("a member and
        financial supporter of KEDO, contributing a total of NZ$4 million to the body")."""
        if not w.TO_THE_BODY.search(self.text, at, end):
            return ()
        named = [m for m in self.mentions(start, at) if self.kind(m.actor_id) == "organisation"]
        return (named[-1].actor_id,) if named else ()

    def founded_since(self, start: int, end: int, receivers: tuple[str, ...]) -> When | None:
        """ "since its establishment" after the amount, in [start, end), as a period from the
        founding of the receiving organisation that the document dates ("KEDO ... established
        in 1995"): the founding's date opens it. None when either is missing."""
        since = w.SINCE_FOUNDING.search(self.text, start, end)
        if since is None or not receivers:
            return None
        for e in self.a.events:
            told = e.when or (self.a.dates[e.when_index] if e.when_index is not None else None)
            ids = {p.actor_id for p in e.participants}  # the founded body is the recipient
            if e.action == "found" and receivers[0] in ids and told and told.earliest:
                return When(
                    since.group(0), since.start(), since.end(), f"{told.edtf.split('/')[0]}/..",
                    told.earliest, None, told.precision, told.qualifier, None, "anchored", True,
                    "since_founding", f"from the founding told earlier: '{told.text}'",
                )  # fmt: skip
        return None

    def channel(self, receivers: tuple[str, ...], start: int, end: int, to_state: bool) -> str:
        """CRS channel from the receivers and from unnamed receivers in text[start:end]."""
        kinds = set()
        for r in receivers:
            if self.kind(r) == "government_body":
                kinds.add("bilateral")
            else:
                kinds.add("ngo" if r in self.lookup.country else "multilateral")
        for pattern, kind in w.GENERIC_CHANNEL:
            if pattern.search(self.text, start, end):
                kinds.add(kind)
                break
        if not kinds:
            return "bilateral" if to_state else "unknown"
        return kinds.pop() if len(kinds) == 1 else "mixed"

    def inherited(self, s: int, org: str, donor: str | None) -> str | None:
        """A state named after `org` in the sentence just before (same section)."""
        if s == 0 or self.a.sentences[s - 1][3] != self.a.sentences[s][3]:
            return None
        start, end, _, _ = self.a.sentences[s - 1]
        seen = False
        for m in self.mentions(start, end):
            seen = seen or m.actor_id == org
            if seen and (st := self.state(m)) and st != donor:
                return st
        return None

    # --- what for, on what condition -----------------------------------------------------------

    def purpose(self, start: int, end: int) -> str | None:
        """Words as written from `start` to the next name, date, amount or condition."""
        stops = self.protected_at[
            self.index(self.protected_at, start) : self.index(self.protected_at, end)
        ]
        stops += [m.start() for m in w.CONDITION.finditer(self.text, start, end)]
        words = self.text[start : min(stops, default=end)].split()
        while words and (not words[-1].strip(w.PUNCTUATION) or _small(words[-1])):
            words.pop()
        return " ".join(words).rstrip(w.PUNCTUATION) or None

    def condition(self, s: int) -> str | None:
        """The clause of a sentence that states a condition ("once it meets ...")."""
        start, end, _, _ = self.a.sentences[s]
        m = w.CONDITION.search(self.text, start, end)
        if m is None:
            return None
        clause_end = self.clause(s, m.start())[1]
        quote = w.CLOSING_QUOTE.search(self.text, m.start(), clause_end)
        stop = quote.start() if quote else clause_end
        return self.text[m.start() : stop].rstrip(w.PUNCTUATION) or None


def _small(word: str) -> bool:
    return word.strip(w.PUNCTUATION).lower() in w.SMALL_WORDS
