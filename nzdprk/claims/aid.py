"""Aid flows: which money amounts, and which promises without one, are aid; typed after IATI/CRS.

One document's `AidInputs` (its sentences, dates, amounts, mentions and events) in, `AidFlow`
records out: pure Python, no pandas, so documents can be read one at a time. Columns follow
IATI and the OECD CRS (data model §3, §7.5) plus ``measure``, what the number is: one transfer
(``flow``), a running total (``cumulative_total``), a yearly rate (``annual_total``) or an
amount promised (``pledge_total``). Nothing is summed or spread over years, and no period or
as-of date is invented.

Rows:

* one per money amount in a sentence about aid: it has an AID event, or an aid word (aid,
  assistance, relief, contribut-, donat-, fund-, grant-) outside actor names ("Grant Robertson"
  grants nothing, and an event triggered inside a name is ignored);
* one per clause without an amount that promises aid: a pledge cue (offer, pledge, promise,
  willing to, ready to, prepared to, undertake to) followed by an aid word, or a future verb of
  giving ("will provide") followed by an aid noun (aid, assistance, relief, funding, funds,
  donation, grant). Weighing ("willing to consider", "will explore") and a reported willingness
  promise nothing;
* none when negated before the amount or cue in its clause ("has not contributed"), for a wish
  ("wants to give $1m"), for amounts outside prose sentences, and for amounts not given for
  someone's benefit: asked for, missing, planned or charged (appeal, shortfall, gap, budget,
  cost, fine, needs, seeks, requests just before the amount with no verb of giving between) or
  paid for monitoring, verification or inspection (after the amount).

``measure`` — first rule that applies [rule id]. Its cues and the period are looked for in the
amount's *stretch*: its clause, cut where another amount of the clause is closer and after a
coordinated verb phrase ("... in 2001 and has given $8m": the year is the other verb's).

1. yearly cue ("a year", "per year", "each year", "annually", "annual") -> annual_total
   [aid.annual_rate];
2. total cue ("a total of", "in total", "totalling", "so far", "to date", "altogether", "in
   all", "cumulative", "over the past N years") -> cumulative_total [aid.total_cue];
3. a period that spans time: an interval ("since 1995" = ``1995/..``), a set of dates, a decade
   or century -> cumulative_total [aid.total_over_period];
4. an offer or promise before the amount in its clause (pledge cue or conditional mode) ->
   pledge_total [aid.pledged_amount];
5. a single date of day to year precision ("today", "in 2005") -> flow [aid.dated_flow];
6. one act of giving: a future verb ("will contribute $500,000", a commitment) or a giving verb
   not in the perfect ("gave", "is contributing") -> flow [aid.single_gift];
7. else a running total of what was given, period unresolved [aid.total_implied]: the perfect
   ("has given almost $8 million") or no verb, as the data model reads 000's "almost NZD$8.5
   million of aid".

Promises without an amount are pledge_total [aid.pledge_without_amount].

Other columns:

* ``period`` (a date phrase of ``AidInputs.dates``): the stretch's date nearest the amount, not
  an "as of" date nor the day of a reporting verb ("announced today"); else the typed event's
  date when no other verb phrase stands between; else None. An open end the event's next
  sentence closes ("It stopped in 2016") is closed.
* ``as_of``, for cumulative totals only (other rows: None, "unknown"): a day-precision "as of/as
  at <date>" in the sentence, or the day that closes the period ("by 30 June 2010") -> "text";
  else the document's stated day-precision publication date -> "doc_published"; else None,
  "unknown". A publication date inferred for an undated document is a bound, not a date, so
  "inferred" is never produced here.
* ``transaction_type``: a promise -> pledge (a wish -> unknown); else the verb nearest the amount
  in its clause: contributed, gave, provided, donated, disbursed, spent, paid, delivered,
  received -> disbursement; committed, allocated, approved, earmarked, announced -> commitment
  (announcing an amount is deciding to spend it, IATI type 2); else unknown.
* ``event``: the AID/AGREE event whose trigger is nearest in the clause (AID wins a tie),
  else an AID event of the sentence.
* ``donor_id``: that event's actor (a person or government body stands for its state), else the
  first name acting before the amount that no preposition introduces (a place is not a donor;
  "a supporter of KEDO" is not KEDO giving), else a name after it introduced by "from"/"by" or
  followed by a verb of giving ("the $500,000 New Zealand provided") (``donor_source=
  "stated"``); when the sentence names no giver at all, the first state acting earlier in the
  same paragraph, who the paragraph is about
  (``donor_source="inherited"``). After a receiving verb ("North Korea received $5m from
  Japan") the name before is the recipient and the donor comes only from "from/by". A name
  glued to a hyphen ("UN-sanctioned") is a modifier, never a party.
* ``receiver_org_id``: the first organisation or government body after to/towards/through/via
  following the amount; others joined to it by "and"/commas are receivers too. The donor's own
  government bodies are its agencies, not receivers.
* ``recipient_country`` / ``recipient_country_source``: the event's recipient state, else the
  first state after the amount not introduced by "from/by" ("in the North") and not the seat
  of an office ("our embassy in Seoul, South Korea"), else a receiving government body's
  state, else a state (not a city) named as a place before the amount ("regions in North
  Korea, resulting in … aid"): "stated". Else, when an organisation receives, the first state named
  after that organisation in the sentence just before, same section: "inherited" ("... KEDO,
  established ... in North Korea. New Zealand has contributed NZ$4 million to KEDO"). The
  paragraph is not required to match: press releases often give each sentence a paragraph.
  Names before the amount are not recipients: they are the giver or the scene.
* ``channel_kind`` (CRS top level): an organisation with no country in actors.csv (KEDO, WFP,
  IAEA, UN) is multilateral, one with a country (a national society, a church) ngo, a
  government body bilateral; unnamed plurals ("various organizations") are mixed, "NGOs" and
  "charities" ngo, "UN agencies" multilateral. Several kinds -> mixed; no receiver but a state
  right after "to" -> bilateral; else unknown ("aid ... in the North" says where, not how).
* ``purpose_text``: the words after the amount when they open with in/of/for/towards ("NZ$1.4
  million in humanitarian aid to development initiatives"), or after a promise's verb of giving
  ("offered to contribute to the second stage of an energy package"), up to the next name, date,
  amount, condition or clause end, less trailing small words.
* ``condition_text`` (promises only): from once, if, unless, provided that, on condition that,
  subject to or as soon as to the end of its clause or quotation.

Not handled: aid without an amount that is not promised ("New Zealand provided food aid");
organisations missing from actors.csv (no receiver, channel unknown); purposes written before the
amount ("humanitarian funding of $1m"); donors and purposes from earlier sentences (only the
recipient country is inherited); "as of" dates coarser than a day.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..text import clauses, cue_index, cue_search
from . import aid_words as w
from . import events
from .aid_parties import Parties, PartyRules

if TYPE_CHECKING:
    from ..actors import Mention
    from ..dates import When
    from ..money import Money
    from ..read import Published

#: A sentence as `extract` segments it: start, end, paragraph number, section heading.
SentenceSpan = tuple[int, int, int, "str | None"]

__all__ = [
    "CHANNEL_KINDS",
    "MEASURES",
    "TRANSACTION_TYPES",
    "AidFlow",
    "AidInputs",
    "amount_measures",
    "extract_aid_flows",
]

MEASURES = ("flow", "cumulative_total", "annual_total", "pledge_total")
TRANSACTION_TYPES = ("commitment", "disbursement", "pledge", "unknown")
CHANNEL_KINDS = ("bilateral", "multilateral", "ngo", "mixed", "unknown")


@dataclass(frozen=True, slots=True)
class AidFlow:
    """One aid amount or promise of aid; its quote is ``text[sentence_start:sentence_end]``."""

    sentence_start: int
    sentence_end: int
    event: events.Event | None  # the AID/AGREE event this row types
    donor_id: str | None
    donor_source: str | None  # stated | inherited (the paragraph's subject); None without a donor
    receiver_org_id: str | None
    recipient_country: str | None  # ISO3
    recipient_country_source: str | None  # stated | inherited; None without a recipient
    channel_kind: str  # CHANNEL_KINDS
    purpose_text: str | None
    condition_text: str | None
    measure: str  # MEASURES
    transaction_type: str  # TRANSACTION_TYPES
    money: Money | None  # the amount read; None for a promise without an amount
    amount: float | None
    amount_min: float | None
    amount_max: float | None
    amount_qualifier: str | None
    amount_text: str | None
    currency: str | None
    currency_assumed: bool | None
    equivalent: Money | None  # the same gift restated in another currency ("(US$100,000)")
    period: When | None  # the date phrase that scopes the amount
    as_of: dt.date | None
    as_of_source: str  # doc_published | text | unknown
    rule: str


@dataclass(frozen=True, slots=True)
class AidInputs:
    """What the aid rules read in one document: its text and the typed outputs of the earlier
    stages (sentences, date phrases, amounts, actor mentions, coded events), all in text order.
    ``dates`` and the events' ``when_index`` share positions."""

    text: str
    sentences: Sequence[SentenceSpan]
    dates: Sequence[When]
    amounts: Sequence[Money]
    mentions: Sequence[Mention]
    events: Sequence[events.Event]
    published: Published


def amount_measures(inputs: AidInputs, *, lookup: events.Lookup) -> dict[int, str]:
    """What each amount not given for someone's benefit is (`schema.AMOUNT_MEASURE`: appeal,
    shortfall, budget, cost, fine, monitoring), by the amount's start offset; such amounts give
    no aid row."""
    reader = _Reader(inputs, lookup)
    return {
        money.char_start: measure
        for money in inputs.amounts
        if (measure := reader.measure_of(money)) is not None
    }


def extract_aid_flows(inputs: AidInputs, *, lookup: events.Lookup) -> list[AidFlow]:
    """Every aid amount and every promise of aid without one in a document, in text order.

    An amount restated in another currency ("NZ$150,000 (US$100,000)") is the same gift: one
    row holds both (``money`` and ``equivalent``)."""
    reader = _Reader(inputs, lookup)
    found = [
        row
        for money in inputs.amounts
        if money.equivalent_of is None and (row := reader.amount(money))
    ] + reader.promises()
    return [row for _, row in sorted(found, key=lambda pair: pair[0])]


class _Reader(PartyRules):
    """The rules of the module docstring, applied to one analysed document."""

    def __init__(self, analysis: AidInputs, lookup: events.Lookup) -> None:
        self.text = analysis.text
        self.a = analysis
        self.lookup = lookup
        published = analysis.published
        self.published = (
            published.earliest
            if published.precision == "day" and published.resolution != "inferred"
            else None
        )
        # Sorted spans, looked up by bisection so that a long document costs linear time.
        self.names = [(m.char_start, m.char_end) for m in analysis.mentions]
        self.name_at = [a for a, _ in self.names]
        self.protected = sorted(
            [(w.char_start, w.char_end) for w in analysis.dates]
            + [(m.char_start, m.char_end) for m in analysis.amounts]
            + self.names
        )
        self.protected_at = [a for a, _ in self.protected]
        self.money_at = [m.char_start for m in analysis.amounts]
        # Each restated amount by the start of the amount it restates.
        self.equivalents = {
            analysis.amounts[m.equivalent_of].char_start: m
            for m in analysis.amounts
            if m.equivalent_of is not None
        }
        self.date_at = [w.char_start for w in analysis.dates]
        self.starts = [s for s, _, _, _ in analysis.sentences]
        # AID/AGREE events, less triggers inside a name ("Grant Robertson" grants nothing).
        self.typed = [
            i
            for i, e in enumerate(analysis.events)
            if e.trigger.event_type in ("AID", "AGREE")
            and not self.in_name(e.trigger_start, e.trigger_end)
        ]
        self.typed_in: dict[int, list[int]] = {}  # the typed events of each sentence start
        for i in self.typed:
            self.typed_in.setdefault(analysis.events[i].sentence_start, []).append(i)
        self._clauses: dict[int, list[tuple[int, int]]] = {}
        # Each paragraph's span (its first sentence's start, its last one's end), and its first
        # acting state once looked up, so that no sentence re-reads its paragraph.
        self.paragraphs: dict[int, tuple[int, int]] = {}
        for start, end, number, _ in analysis.sentences:
            self.paragraphs[number] = (self.paragraphs.get(number, (start, end))[0], end)
        self._subjects: dict[int, tuple[Mention, str] | None] = {}
        self._about_aid: dict[int, bool] = {}

    # --- the two kinds of row ----------------------------------------------------------------

    def amount(self, money: Money) -> tuple[tuple[int, int], AidFlow] | None:
        """The row for one money amount, or None when it is not aid or is negated."""
        s = self.sentence(money.char_start)
        if s is None or not self.about_aid(s):
            return None
        clause = self.clause(s, money.char_start)
        stretch = self.stretch(clause, money)
        ev = self.event(s, clause, money.char_start, money.char_end)
        if cue_search("negation", self.text, clause[0], money.char_start) or self.not_given(
            stretch, money
        ):
            return None
        promise = self.promise(clause[0], money.char_start, ev)
        if promise == "wish":  # wanting to give is neither giving nor promising
            return None
        period = self.period(stretch, money.char_start, money.char_end, ev)
        measure, rule = self.measure(stretch, money, period, promise)
        transaction = promise or self.transaction((clause[0], stretch[1]), money)
        as_of, as_of_source = (
            self.as_of(s, period) if measure == "cumulative_total" else (None, "unknown")
        )
        parties = self.parties(s, money.char_start, money.char_end, ev)
        start = self.a.sentences[s][0]
        lead = w.PURPOSE_AFTER_AMOUNT.match(self.text, money.char_end, clause[1])
        row = self.row(
            s,
            ev,
            parties,
            self.purpose(lead.end(), clause[1]) if lead else None,
            condition_text=self.condition(s) if promise else None,
            measure=measure,
            transaction_type=transaction,
            money=money,
            amount=money.amount,
            amount_min=money.amount_min,
            amount_max=money.amount_max,
            amount_qualifier=money.qualifier,
            amount_text=money.amount_text,
            currency=money.currency,
            currency_assumed=money.currency_assumed,
            equivalent=self.equivalents.get(money.char_start),
            period=self.when(period, ev) or self.founded_since(*stretch, parties.receivers),
            as_of=as_of,
            as_of_source=as_of_source,
            rule=rule,
        )
        return (start, money.char_start), row

    def row(
        self, s: int, ev: int | None, parties: Parties, purpose: str | None, **rest: Any
    ) -> AidFlow:
        """An AidFlow for sentence `s`: the parts every row shares, plus its own (`rest`)."""
        start, end, _, _ = self.a.sentences[s]
        return AidFlow(
            sentence_start=start,
            sentence_end=end,
            event=None if ev is None else self.a.events[ev],
            donor_id=parties.donor,
            donor_source=parties.donor_source,
            receiver_org_id=parties.receivers[0] if parties.receivers else None,
            recipient_country=parties.recipient,
            recipient_country_source=parties.recipient_source,
            channel_kind=parties.channel,
            purpose_text=purpose,
            **rest,
        )

    def promises(self) -> list[tuple[tuple[int, int], AidFlow]]:
        """Rows for clauses that promise aid without naming an amount."""
        rows = []
        for s, (start, _, _, _) in enumerate(self.a.sentences):
            for clause in self.clauses(s):
                if self.amounts_in(*clause):
                    continue
                cue = self.promise_cue(clause)
                if cue is None or cue_search("negation", self.text, clause[0], cue[0]):
                    continue
                cue_start, anchor = cue
                ev = self.event(s, clause, cue_start, anchor)
                parties = self.parties(s, cue_start, anchor, ev)
                lead = w.PURPOSE_AFTER_VERB.match(self.text, anchor, clause[1])
                row = self.row(
                    s,
                    ev,
                    parties,
                    self.purpose(lead.end(), clause[1]) if lead else None,
                    condition_text=self.condition(s),
                    measure="pledge_total",
                    transaction_type="pledge",
                    money=None,
                    amount=None,
                    amount_min=None,
                    amount_max=None,
                    amount_qualifier=None,
                    amount_text=None,
                    currency=None,
                    currency_assumed=None,
                    equivalent=None,
                    period=self.when(self.period(clause, cue_start, anchor, ev)),
                    as_of=None,
                    as_of_source="unknown",
                    rule="aid.pledge_without_amount",
                )
                rows.append(((start, cue_start), row))
        return rows

    # --- where things are ----------------------------------------------------------------------

    def sentence(self, at: int) -> int | None:
        """Index of the prose sentence holding character `at`, if any."""
        i = bisect.bisect_right(self.starts, at) - 1
        return i if i >= 0 and at < self.a.sentences[i][1] else None

    def clauses(self, s: int) -> list[tuple[int, int]]:
        """The clauses of sentence `s`, cut as `events` cuts them (computed once)."""
        if s not in self._clauses:
            start, end, _, _ = self.a.sentences[s]
            spans = self.protected[
                self.index(self.protected_at, start) : self.index(self.protected_at, end)
            ]
            self._clauses[s] = clauses(self.text, start, end, spans)
        return self._clauses[s]

    def amounts_in(self, start: int, end: int) -> list[Money]:
        """The amounts that start in [start, end)."""
        return self.a.amounts[self.index(self.money_at, start) : self.index(self.money_at, end)]

    def clause(self, s: int, at: int) -> tuple[int, int]:
        return next(c for c in self.clauses(s) if c[0] <= at < c[1])

    def stretch(self, clause: tuple[int, int], money: Money) -> tuple[int, int]:
        """The part of a clause between the amounts next to this one (cues there are its own)."""
        start, end = clause
        for verb in w.NEW_VERB_PHRASE.finditer(self.text, start, money.char_start):
            start = verb.end()
        for other in self.amounts_in(*clause):
            if other is not money:
                if other.char_end <= money.char_start:
                    start = max(start, other.char_end)
                else:
                    end = min(end, other.char_start)
        return start, end

    def not_given(self, stretch: tuple[int, int], money: Money) -> str | None:
        """What an amount not given for someone's benefit is: asked for, missing, planned or
        charged ("an appeal for", "needs", "a budget of") with no verb of giving between the
        cue and the amount, or paid for monitoring (cue after it); else None."""
        asked = self.words(w.NOT_GIVEN, stretch[0], money.char_start)
        if asked:
            between = (asked[-1].end(), money.char_start)
            if not (self.words(w.DISBURSE, *between) or self.words(w.COMMIT, *between)):
                return asked[-1].lastgroup
        return "monitoring" if w.MONITORING.search(self.text, money.char_end, stretch[1]) else None

    def measure_of(self, money: Money) -> str | None:
        """`not_given` for an amount in a prose sentence, by its own clause."""
        s = self.sentence(money.char_start)
        if s is None:
            return None
        return self.not_given(self.stretch(self.clause(s, money.char_start), money), money)

    def in_name(self, start: int, end: int) -> bool:
        """Whether [start, end) overlaps an actor name (names do not overlap one another)."""
        i = self.index(self.name_at, end)
        return i > 0 and self.names[i - 1][1] > start

    def words(self, pattern: re.Pattern[str], start: int, end: int) -> list[re.Match[str]]:
        """Matches of a cue outside actor names ("Grant Robertson" is not a grant)."""
        return [
            m
            for m in pattern.finditer(self.text, start, end)
            if not self.in_name(m.start(), m.end())
        ]

    # --- which row, what kind ------------------------------------------------------------------

    def about_aid(self, s: int) -> bool:
        """True when a sentence has an AID event or an aid word."""
        if s not in self._about_aid:
            start, end, _, _ = self.a.sentences[s]
            found = (self.a.events[i] for i in self.typed_in.get(start, []))
            self._about_aid[s] = any(e.trigger.event_type == "AID" for e in found) or bool(
                self.words(w.AID_WORD, start, end)
            )
        return self._about_aid[s]

    def event(self, s: int, clause: tuple[int, int], start: int, end: int) -> int | None:
        """The AID/AGREE event nearest the anchor in its clause, else an AID event of the
        sentence; AID wins a tie."""
        sentence_start = self.a.sentences[s][0]
        in_sentence = self.typed_in.get(sentence_start, [])
        pool = [i for i in in_sentence if clause[0] <= self.a.events[i].trigger_start < clause[1]]
        pool = pool or [i for i in in_sentence if self.a.events[i].trigger.event_type == "AID"]

        def distance(i: int) -> tuple[int, bool]:
            e = self.a.events[i]
            gap = max(0, e.trigger_start - end, start - e.trigger_end)
            return gap, e.trigger.event_type != "AID"

        return min(pool, key=distance, default=None)

    def promise(self, start: int, at: int, ev: int | None) -> str | None:
        """ "pledge" for an offered or conditional amount, "commitment" for one stated as going
        to be given ("will contribute $500,000"), "wish" for a wish, else None."""
        mode = self.a.events[ev].aux_mode if ev is not None else "none"
        if self.offer(start, at):
            return "pledge"
        if w.WISH.search(self.text, start, at):  # "wants to give": a wish, whatever its mood
            return "wish"
        if mode == "hypothetical":
            return "pledge"
        if mode == "future" or cue_search("future", self.text, start, at):
            return "commitment"
        return None

    def offer(self, start: int, end: int) -> re.Match[str] | None:
        """The first offer or promise cue in [start, end) not followed by a verb of weighing
        ("willing to consider" promises nothing)."""
        return next(
            (
                m
                for m in w.OFFER.finditer(self.text, start, end)
                if not w.WEIGH.match(self.text, m.end())
            ),
            None,
        )

    def promise_cue(self, clause: tuple[int, int]) -> tuple[int, int] | None:
        """(cue start, end of the verb of giving or of the cue) of a promise of aid, if any."""
        for m in w.OFFER.finditer(self.text, *clause):
            if w.WEIGH.match(self.text, m.end()):
                continue
            if self.words(w.AID_WORD, m.start(), clause[1]):
                verb = w.GIVE_AFTER_OFFER.match(self.text, m.end(), clause[1])
                return m.start(), verb.end() if verb else m.end()
        future = cue_index(self.text).may_match("future", *clause)  # FUTURE_GIVING's first word
        for m in w.FUTURE_GIVING.finditer(self.text, *clause) if future else ():
            if self.words(w.AID_NOUN, m.start(), clause[1]):
                return m.start(), m.end()
        return None

    def period(self, span: tuple[int, int], start: int, end: int, ev: int | None) -> int | None:
        """The date nearest the anchor in its stretch, else the typed event's date when no
        other verb phrase stands between them; never a date of saying or an "as of" date."""
        near = [
            i
            for i in range(self.index(self.date_at, span[0]), self.index(self.date_at, span[1]))
            if self.scopes(self.a.dates[i])
        ]
        if near:
            return min(near, key=lambda i: w.gap(self.a.dates[i], start, end))
        when = self.a.events[ev].when_index if ev is not None else None
        if when is None or not self.scopes(self.a.dates[when]):
            return None
        date = self.a.dates[when]
        low, high = sorted((date.char_end, start))
        return None if w.NEW_VERB_PHRASE.search(self.text, low, high) else when

    def scopes(self, when: When) -> bool:
        """False for a date of saying ("announced today") or an "as of" date."""
        return not (self.is_as_of(when) or self.is_said(when))

    def when(self, index: int | None, ev: int | None = None) -> When | None:
        """The date phrase at `index`, or the typed event's reading of it that closes its end."""
        phrase = None if index is None else self.a.dates[index]
        told = self.a.events[ev].when if ev is not None and phrase is not None else None
        closes = told and told.char_start == phrase.char_start and phrase.latest is None
        return told if closes and told.earliest == phrase.earliest else phrase

    def is_said(self, when: When) -> bool:
        """True for a date written after a reporting verb ("announced today")."""
        at = when.char_start
        return bool(w.SAID.search(self.text, max(0, at - w.SAID_REACH), at))

    def is_as_of(self, when: When) -> bool:
        """True for a date written after "as of" or "as at": the time a total refers to."""
        at = when.char_start
        return bool(w.AS_OF.search(self.text, max(0, at - w.AS_OF_REACH), at))

    def measure(
        self, stretch: tuple[int, int], money: Money, period: int | None, promise: str | None
    ) -> tuple[str, str]:
        """What the amount is, and the id of the rule that says so (see the module docstring)."""
        if self.words(w.ANNUAL, *stretch):
            return "annual_total", "aid.annual_rate"
        if self.words(w.TOTAL, *stretch):
            return "cumulative_total", "aid.total_cue"
        when = self.a.dates[period] if period is not None else None
        if when is not None and w.spans_time(when):
            return "cumulative_total", "aid.total_over_period"
        if promise == "pledge":
            return "pledge_total", "aid.pledged_amount"
        if when is not None:
            return "flow", "aid.dated_flow"
        if promise == "commitment" or self.single_gift(stretch, money):
            return "flow", "aid.single_gift"
        return "cumulative_total", "aid.total_implied"

    def single_gift(self, stretch: tuple[int, int], money: Money) -> bool:
        """True when the verb of giving nearest the amount states one act ("gave", "is
        contributing"), not its perfect ("has given": what was given up to now)."""
        verbs = self.words(w.DISBURSE, *stretch) + self.words(w.COMMIT, *stretch)
        if not verbs:
            return False
        nearest = min(
            verbs, key=lambda m: max(0, m.start() - money.char_end, money.char_start - m.end())
        )
        return not w.PERFECT.search(
            self.text, max(0, nearest.start() - w.SAID_REACH), nearest.start()
        )

    def transaction(self, stretch: tuple[int, int], money: Money) -> str:
        """The type named by the verb nearest the amount in its stretch."""
        cues = [(m, "disbursement") for m in self.words(w.DISBURSE, *stretch)]
        cues += [(m, "commitment") for m in self.words(w.COMMIT, *stretch)]
        if not cues:
            return "unknown"
        nearest = min(
            cues, key=lambda c: max(0, c[0].start() - money.char_end, money.char_start - c[0].end())
        )
        return nearest[1]

    def as_of(self, s: int, period: int | None) -> tuple[dt.date | None, str]:
        """The day a cumulative total is stated for, and where that day comes from."""
        start, end, _, _ = self.a.sentences[s]
        for d in self.a.dates[self.index(self.date_at, start) : self.index(self.date_at, end)]:
            stated = self.is_as_of(d)
            if stated and d.precision == "day" and not d.is_interval and d.latest is not None:
                return d.latest, "text"
        when = self.a.dates[period] if period is not None else None
        if when is not None and when.edtf and re.search(r"/\d{4}-\d{2}-\d{2}\Z", when.edtf):
            return when.latest, "text"
        if self.published is not None:
            return self.published, "doc_published"
        return None, "unknown"
