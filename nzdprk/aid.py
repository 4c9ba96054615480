"""Aid flows: which money amounts, and which promises without one, are aid; typed after IATI/CRS.

One document's `Analysis` in, `AidFlow` records out: pure Python, no pandas, so documents can be
read one at a time. Columns follow IATI and the OECD CRS (data model §3, §7.5) plus ``measure``,
what the number is: one transfer (``flow``), a running total (``cumulative_total``), a yearly
rate (``annual_total``) or an amount promised (``pledge_total``). Nothing is summed or spread
over years, and no period or as-of date is invented.

Rows:

* one per money amount in a sentence about aid: it has an AID event, or an aid word (aid,
  assistance, relief, contribut-, donat-, fund-, grant-) outside actor names ("Grant Robertson"
  grants nothing, and an event triggered inside a name is ignored);
* one per clause without an amount that promises aid: a pledge cue (offer, pledge, promise,
  willing(ness) to, ready to, prepared to, undertake to) followed by an aid word, or a future
  verb of giving ("will provide", "will consider") followed by an aid noun (aid, assistance,
  relief, funding, funds, donation, grant). A wish ("wants to provide aid") is not a pledge;
* none when negated before the amount or cue in its clause ("has not contributed"), and none for
  amounts outside prose sentences.

``measure`` — first rule that applies [rule id]. Its cues and the period are looked for in the
amount's *stretch*: its clause, cut where another amount of the clause is closer.

1. yearly cue ("a year", "per year", "each year", "annually", "annual") -> annual_total
   [aid.annual_rate];
2. total cue ("a total of", "in total", "totalling", "so far", "to date", "altogether", "in
   all", "cumulative", "over the past N years") -> cumulative_total [aid.total_cue];
3. a period that spans time: an interval ("since 1995" = ``1995/..``), a set of dates, a decade
   or century -> cumulative_total [aid.total_over_period];
4. a promise before the amount in its clause (pledge cue, future or conditional mode, or a
   wish) -> pledge_total [aid.pledged_amount];
5. a single date of day to year precision ("today", "in 2005") -> flow [aid.dated_flow];
6. else a running total of what was given, period unresolved [aid.total_implied], as the data
   model reads 000's "almost NZD$8.5 million of aid": an undated gift is also the total given
   for it, and calling it a flow would let it be summed with dated flows.

Promises without an amount are pledge_total [aid.pledge_without_amount].

Other columns:

* ``period_index`` (into ``analysis.dates``, same positions as ``event_dates``): the stretch's
  date nearest the amount, not an "as of" date; else the typed event's date; else None.
* ``as_of``, for cumulative totals only (other rows: None, "unknown"): a day-precision "as of/as
  at <date>" in the sentence, or the day that closes the period ("by 30 June 2010") -> "text";
  else the document's stated day-precision publication date -> "doc_published"; else None,
  "unknown". A publication date inferred for an undated document is a bound, not a date, so
  "inferred" is never produced here.
* ``transaction_type``: a promise -> pledge (a wish -> unknown); else the verb nearest the amount
  in its clause: contributed, gave, provided, donated, disbursed, spent, paid, delivered,
  received -> disbursement; committed, allocated, approved, earmarked, announced -> commitment
  (announcing an amount is deciding to spend it, IATI type 2); else unknown.
* ``event_index``: the AID/AGREE event whose trigger is nearest in the clause (AID wins a tie),
  else an AID event of the sentence.
* ``donor_id``: that event's actor (a person or government body stands for its state), else the
  first name acting before the amount (a place is not a donor), else a name after it introduced
  by "from"/"by" (``donor_source="stated"``); when the sentence names no giver at all, the first
  state acting earlier in the same paragraph, who the paragraph is about
  (``donor_source="inherited"``). After a receiving verb ("North Korea received $5m from
  Japan") the name before is the recipient and the donor comes only from "from/by". A name
  glued to a hyphen ("UN-sanctioned") is a modifier, never a party.
* ``receiver_org_id``: the first organisation or government body after "to", "through" or "via"
  following the amount; others joined to it by "and"/commas are receivers too. The donor's own
  government bodies are its agencies, not receivers.
* ``recipient_country`` / ``recipient_country_source``: the event's recipient state, else the
  first state after the amount not introduced by "from/by" ("in the North"), else a receiving
  government body's state, else a state named as a place before the amount ("regions in North
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
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from . import text as seg
from .claims import events
from .text import clauses

if TYPE_CHECKING:
    from .actors import Mention
    from .dates import When
    from .extract import Analysis
    from .money import Money
    from .read import Document

__all__ = ["CHANNEL_KINDS", "MEASURES", "TRANSACTION_TYPES", "AidFlow", "extract_aid_flows"]

MEASURES = ("flow", "cumulative_total", "annual_total", "pledge_total")
TRANSACTION_TYPES = ("commitment", "disbursement", "pledge", "unknown")
CHANNEL_KINDS = ("bilateral", "multilateral", "ngo", "mixed", "unknown")


@dataclass(frozen=True, slots=True)
class AidFlow:
    """One aid amount or promise of aid; its quote is ``text[sentence_start:sentence_end]``."""

    sentence_start: int
    sentence_end: int
    event_index: int | None  # into analysis.events: the AID/AGREE event this row types
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
    money_index: int | None  # into analysis.money; None for a promise without an amount
    amount: float | None
    amount_min: float | None
    amount_max: float | None
    amount_qualifier: str | None
    amount_text: str | None
    currency: str | None
    currency_assumed: bool | None
    period_index: int | None  # into analysis.dates (same positions as analysis.event_dates)
    as_of: dt.date | None
    as_of_source: str  # doc_published | text | unknown
    rule: str


# ---------------------------------------------------------------------------------------------
# Cue words: grammar, not facts.
# ---------------------------------------------------------------------------------------------

_AID_WORD = re.compile(
    r"\b(?:aid|assistance|relief|contribut\w*|donat\w*|fund(?:s|ed|ing|er|ers)?"
    r"|grant(?:s|ed|ing)?)\b",
    re.IGNORECASE,
)
_AID_NOUN = re.compile(
    r"\b(?:aid|assistance|relief|funding|funds|donations?|grants?)\b", re.IGNORECASE
)
_OFFER = re.compile(
    r"\b(?:offer(?:ed|s|ing)?|pledg(?:e|ed|es|ing)|promis(?:e|ed|es|ing)|willing(?:ness)? to"
    r"|ready to|prepared to|undert(?:ake|akes|aking|ook) to)\b",
    re.IGNORECASE,
)
_GIVE_BASE = (
    r"(?:provide|give|contribute|donate|fund|grant|allocate|deliver|send|consider|extend)\b"
)
_GIVE_AFTER_OFFER = re.compile(rf"\s+(?:to\s+)?{_GIVE_BASE}", re.IGNORECASE)
_FUTURE_GIVING = re.compile(
    rf"{seg.cue('future').pattern}\s+(?:\w+\s+){{0,2}}?{_GIVE_BASE}", re.IGNORECASE
)
_WISH = re.compile(r"\b(?:wants?|wanted|hopes?|hoped|seeks?|sought|aims?|wish(?:es)?) to\b", re.I)
_NEGATION = re.compile(r"\b(?:not|never|no longer)\b|n['’]t\b", re.IGNORECASE)
_ANNUAL = re.compile(
    r"\b(?:(?:a|per|each|every) year\b(?!\s+(?:ago|earlier|later|before|after))"
    r"|annual(?:ly)?\b|per annum\b|yearly\b)",
    re.IGNORECASE,
)
_TOTAL = re.compile(
    r"\b(?:total(?:l?ing|l?ed|s)?\b|so far\b|to date\b|altogether\b|in all(?=\s*[,.;:])"
    r"|cumulative(?:ly)?\b|(?:over|in|during) the (?:past|last) (?:\w+ )?(?:years|decades?)\b)",
    re.IGNORECASE,
)
_DISBURSE = re.compile(
    r"\b(?:contribut\w*|gave|giv(?:e|es|en|ing)|provid\w*|donat\w*|disburs\w*|sp[ae]nt|spend\w*"
    r"|paid|deliver\w*|sent|granted|receiv(?:ed|es|ing))\b",
    re.IGNORECASE,
)
_COMMIT = re.compile(
    r"\b(?:commit(?:s|ted|ting|ments?)?|allocat\w*|approv\w*|earmark\w*|announc\w*|set aside)\b",
    re.IGNORECASE,
)
_RECEIVE = re.compile(
    r"\b(?:receiv(?:e|es|ed|ing)|got|gets|obtained"
    r"|(?:was|were|been|being) (?:given|granted|awarded|provided|promised|offered|pledged))\b",
    re.IGNORECASE,
)
_CONDITION = re.compile(
    r"\b(?:once|if|unless|provided that|on condition that|subject to|as soon as)\b", re.I
)
_AS_OF = re.compile(r"\bas (?:of|at)\s+\Z", re.IGNORECASE)
_TO = re.compile(r"\b(?:to|through|via)\s+(?:the\s+)?\Z", re.IGNORECASE)
_TO_ONLY = re.compile(r"\bto\s+(?:the\s+)?\Z", re.IGNORECASE)
_FROM = re.compile(r"\b(?:from|by)\s+(?:the\s+)?\Z", re.IGNORECASE)
_JOINED = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?", re.IGNORECASE)
_GENERIC_CHANNEL = (
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
_PURPOSE_AFTER_AMOUNT = re.compile(
    r"\s+(?:(?:a|per|each|every) year\s+|annually\s+)?(?:in|of|for|towards?)\s+", re.IGNORECASE
)
_PURPOSE_AFTER_VERB = re.compile(r"\s+(?:to\s+)?", re.IGNORECASE)
#: Words a purpose does not end on ("aid to development initiatives in [the North]").
_SMALL_WORDS = frozenset((
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "its", "of", "on", "since", "that",
    "the", "their", "through", "to", "via", "with",
))  # fmt: skip
_CLOSING_QUOTE = re.compile(r"[\"”]")
_PUNCTUATION = " .,;:!?\"'“”‘’()"
_MODIFIER = re.compile(r"[-‐‑][^\W\d_]")  # "UN-sanctioned": a name used as a modifier


def extract_aid_flows(doc: Document, analysis: Analysis, *, lookup: events.Lookup) -> list[AidFlow]:
    """Every aid amount and every promise of aid without one in a document, in text order.

    An amount restated in another currency ("NZ$150,000 (US$100,000)") is the same gift, so
    only the first of the two gives a row."""
    reader = _Reader(doc, analysis, lookup)
    found = [
        row
        for i, money in enumerate(analysis.money)
        if money.equivalent_of is None and (row := reader.amount(i, money))
    ] + reader.promises()
    return [row for _, row in sorted(found, key=lambda pair: pair[0])]


@dataclass(frozen=True, slots=True)
class _Parties:
    """Who gives, who receives, and through which channel."""

    donor: str | None
    donor_source: str | None
    receivers: tuple[str, ...]
    recipient: str | None
    recipient_source: str | None
    channel: str


class _Reader:
    """The rules of the module docstring, applied to one analysed document."""

    def __init__(self, doc: Document, analysis: Analysis, lookup: events.Lookup):
        self.text = doc.text
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
            + [(m.char_start, m.char_end) for m in analysis.money]
            + self.names
        )
        self.protected_at = [a for a, _ in self.protected]
        self.money_at = [m.char_start for m in analysis.money]
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

    def amount(self, index: int, money: Money) -> tuple[tuple[int, int], AidFlow] | None:
        """The row for one money amount, or None when it is not aid or is negated."""
        s = self.sentence(money.char_start)
        if s is None or not self.about_aid(s):
            return None
        clause = self.clause(s, money.char_start)
        stretch = self.stretch(clause, money)
        ev = self.event(s, clause, money.char_start, money.char_end)
        if _NEGATION.search(self.text, clause[0], money.char_start):
            return None
        promise = self.promise(clause[0], money.char_start, ev)
        period = self.period(stretch, money.char_start, money.char_end, ev)
        measure, rule = self.measure(stretch, period, promise)
        if promise:
            transaction = "pledge" if promise == "pledge" else "unknown"
        else:
            transaction = self.transaction((clause[0], stretch[1]), money)
        as_of, as_of_source = (
            self.as_of(s, period) if measure == "cumulative_total" else (None, "unknown")
        )
        parties = self.parties(s, money.char_start, money.char_end, ev)
        start = self.a.sentences[s][0]
        lead = _PURPOSE_AFTER_AMOUNT.match(self.text, money.char_end, clause[1])
        row = self.row(
            s,
            ev,
            parties,
            self.purpose(lead.end(), clause[1]) if lead else None,
            condition_text=self.condition(s) if promise else None,
            measure=measure,
            transaction_type=transaction,
            money_index=index,
            amount=money.amount,
            amount_min=money.amount_min,
            amount_max=money.amount_max,
            amount_qualifier=money.qualifier,
            amount_text=money.amount_text,
            currency=money.currency,
            currency_assumed=money.currency_assumed,
            period_index=period,
            as_of=as_of,
            as_of_source=as_of_source,
            rule=rule,
        )
        return (start, money.char_start), row

    def row(
        self, s: int, ev: int | None, parties: _Parties, purpose: str | None, **rest: Any
    ) -> AidFlow:
        """An AidFlow for sentence `s`: the parts every row shares, plus its own (`rest`)."""
        start, end, _, _ = self.a.sentences[s]
        return AidFlow(
            sentence_start=start,
            sentence_end=end,
            event_index=ev,
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
                if cue is None or _NEGATION.search(self.text, clause[0], cue[0]):
                    continue
                cue_start, anchor = cue
                ev = self.event(s, clause, cue_start, anchor)
                parties = self.parties(s, cue_start, anchor, ev)
                lead = _PURPOSE_AFTER_VERB.match(self.text, anchor, clause[1])
                row = self.row(
                    s,
                    ev,
                    parties,
                    self.purpose(lead.end(), clause[1]) if lead else None,
                    condition_text=self.condition(s),
                    measure="pledge_total",
                    transaction_type="pledge",
                    money_index=None,
                    amount=None,
                    amount_min=None,
                    amount_max=None,
                    amount_qualifier=None,
                    amount_text=None,
                    currency=None,
                    currency_assumed=None,
                    period_index=self.period(clause, cue_start, anchor, ev),
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

    @staticmethod
    def index(starts: list[int], at: int) -> int:
        return bisect.bisect_left(starts, at)

    def amounts_in(self, start: int, end: int) -> list[Money]:
        """The amounts that start in [start, end)."""
        return self.a.money[self.index(self.money_at, start) : self.index(self.money_at, end)]

    def clause(self, s: int, at: int) -> tuple[int, int]:
        return next(c for c in self.clauses(s) if c[0] <= at < c[1])

    def stretch(self, clause: tuple[int, int], money: Money) -> tuple[int, int]:
        """The part of a clause between the amounts next to this one (cues there are its own)."""
        start, end = clause
        for other in self.amounts_in(*clause):
            if other is not money:
                if other.char_end <= money.char_start:
                    start = max(start, other.char_end)
                else:
                    end = min(end, other.char_start)
        return start, end

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

    def mentions(self, start: int, end: int) -> list[Mention]:
        """Actor mentions in [start, end), without names used as modifiers ("UN-sanctioned")."""
        found = self.a.mentions[self.index(self.name_at, start) : self.index(self.name_at, end)]
        return [
            m for m in found if m.char_end <= end and not _MODIFIER.match(self.text, m.char_end)
        ]

    # --- which row, what kind ------------------------------------------------------------------

    def about_aid(self, s: int) -> bool:
        """True when a sentence has an AID event or an aid word."""
        if s not in self._about_aid:
            start, end, _, _ = self.a.sentences[s]
            found = (self.a.events[i] for i in self.typed_in.get(start, []))
            self._about_aid[s] = any(e.trigger.event_type == "AID" for e in found) or bool(
                self.words(_AID_WORD, start, end)
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
        """ "pledge" for an offered, future or conditional amount, "wish" for a wish, else None."""
        mode = self.a.events[ev].aux_mode if ev is not None else "none"
        cue = _OFFER.search(self.text, start, at) or seg.cue("future").search(self.text, start, at)
        if mode in ("future", "hypothetical") or cue:
            return "pledge"
        return "wish" if _WISH.search(self.text, start, at) else None

    def promise_cue(self, clause: tuple[int, int]) -> tuple[int, int] | None:
        """(cue start, end of the verb of giving or of the cue) of a promise of aid, if any."""
        for m in _OFFER.finditer(self.text, *clause):
            if self.words(_AID_WORD, m.start(), clause[1]):
                verb = _GIVE_AFTER_OFFER.match(self.text, m.end(), clause[1])
                return m.start(), verb.end() if verb else m.end()
        for m in _FUTURE_GIVING.finditer(self.text, *clause):
            if self.words(_AID_NOUN, m.start(), clause[1]):
                return m.start(), m.end()
        return None

    def period(self, span: tuple[int, int], start: int, end: int, ev: int | None) -> int | None:
        """The date nearest the anchor in its stretch, else the typed event's date."""
        near = [
            i
            for i in range(self.index(self.date_at, span[0]), self.index(self.date_at, span[1]))
            if not self.is_as_of(self.a.dates[i])
        ]
        if near:
            return min(near, key=lambda i: _gap(self.a.dates[i], start, end))
        when = self.a.events[ev].when_index if ev is not None else None
        if when is not None and not self.is_as_of(self.a.dates[when]):
            return when
        return None

    def is_as_of(self, when: When) -> bool:
        """True for a date written after "as of" or "as at": the time a total refers to."""
        return bool(_AS_OF.search(self.text, max(0, when.char_start - 12), when.char_start))

    def measure(
        self, stretch: tuple[int, int], period: int | None, promise: str | None
    ) -> tuple[str, str]:
        """What the amount is, and the id of the rule that says so (see the module docstring)."""
        if self.words(_ANNUAL, *stretch):
            return "annual_total", "aid.annual_rate"
        if self.words(_TOTAL, *stretch):
            return "cumulative_total", "aid.total_cue"
        when = self.a.dates[period] if period is not None else None
        if when is not None and _spans_time(when):
            return "cumulative_total", "aid.total_over_period"
        if promise:
            return "pledge_total", "aid.pledged_amount"
        if when is not None:
            return "flow", "aid.dated_flow"
        return "cumulative_total", "aid.total_implied"

    def transaction(self, stretch: tuple[int, int], money: Money) -> str:
        """The type named by the verb nearest the amount in its stretch."""
        cues = [(m, "disbursement") for m in self.words(_DISBURSE, *stretch)]
        cues += [(m, "commitment") for m in self.words(_COMMIT, *stretch)]
        if not cues:
            return "unknown"
        nearest = min(
            cues, key=lambda c: max(0, c[0].start() - money.char_end, money.char_start - c[0].end())
        )
        return nearest[1]

    def as_of(self, s: int, period: int | None) -> tuple[dt.date | None, str]:
        """The day a cumulative total is stated for, and where that day comes from."""
        start, end, _, _ = self.a.sentences[s]
        for w in self.a.dates[self.index(self.date_at, start) : self.index(self.date_at, end)]:
            stated = self.is_as_of(w)
            if stated and w.precision == "day" and not w.is_interval and w.latest is not None:
                return w.latest, "text"
        when = self.a.dates[period] if period is not None else None
        if when is not None and when.edtf and re.search(r"/\d{4}-\d{2}-\d{2}\Z", when.edtf):
            return when.latest, "text"
        if self.published is not None:
            return self.published, "doc_published"
        return None, "unknown"

    # --- who -----------------------------------------------------------------------------------

    def parties(self, s: int, start: int, end: int, ev: int | None) -> _Parties:
        """Donor, receiving organisations, recipient country and channel around an anchor."""
        s_start, s_end, _, _ = self.a.sentences[s]
        before = self.mentions(s_start, start)
        after = self.mentions(end, s_end)
        receiving = _RECEIVE.search(self.text, s_start, start)
        donor = recipient = None
        if receiving:
            recipient = next(
                (st for m in before if m.char_end <= receiving.start() if (st := self.state(m))),
                None,
            )
        else:
            donor = self.event_party(ev, "actor", donor=True) or next(
                (self.donor(m) for m in before if m.sense == "actor"), None
            )
        if donor is None:
            donor = next((self.donor(m) for m in after if self.after(m, _FROM)), None)
        donor_source = "stated" if donor else None
        if donor is None and not receiving:
            donor = self.paragraph_subject(s)
            donor_source = "inherited" if donor else None
        receivers = self.receivers(after, donor)
        recipient = recipient or self.event_party(ev, "recipient", donor=False, exclude=donor)
        recipient = recipient or next(
            (
                st
                for m in after
                if (st := self.state(m)) and st != donor and not self.after(m, _FROM)
            ),
            None,
        )
        recipient = recipient or next(
            (self.lookup.country.get(r) for r in receivers if self.kind(r) == "government_body"),
            None,
        )
        recipient = recipient or next(  # "regions in North Korea, resulting in … aid"
            (st for m in before if m.sense == "place" and (st := self.state(m)) and st != donor),
            None,
        )
        source = "stated" if recipient else None
        if recipient is None and receivers:
            recipient = self.inherited(s, receivers[0], donor)
            source = "inherited" if recipient else None
        to_state = any(self.kind(m.actor_id) == "state" and self.after(m, _TO_ONLY) for m in after)
        return _Parties(
            donor,
            donor_source,
            receivers,
            recipient,
            source,
            self.channel(receivers, end, s_end, to_state),
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

    def after(self, m: Mention, pattern: re.Pattern[str]) -> bool:
        """True when the words just before a mention match `pattern` ("to the ", "from ")."""
        return bool(pattern.search(self.text, max(0, m.char_start - 20), m.char_start))

    def event_party(
        self, ev: int | None, role: str, *, donor: bool, exclude: str | None = None
    ) -> str | None:
        """The first participant of the typed event in `role`, as a donor id or a state."""
        if ev is None:
            return None
        for p in self.a.events[ev].participants:
            if p.role != role:
                continue
            if p.char_end is not None and _MODIFIER.match(self.text, p.char_end):
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

        first = next((i for i, m in enumerate(after) if receives(m) and self.after(m, _TO)), None)
        if first is None:
            return ()
        found = [after[first].actor_id]
        for previous, m in zip(after[first:], after[first + 1 :], strict=False):
            if not _JOINED.fullmatch(self.text, previous.char_end, m.char_start):
                break
            if receives(m) and m.actor_id not in found:
                found.append(m.actor_id)
        return tuple(found)

    def channel(self, receivers: tuple[str, ...], start: int, end: int, to_state: bool) -> str:
        """CRS channel from the receivers and from unnamed receivers in text[start:end]."""
        kinds = set()
        for r in receivers:
            if self.kind(r) == "government_body":
                kinds.add("bilateral")
            else:
                kinds.add("ngo" if r in self.lookup.country else "multilateral")
        for pattern, kind in _GENERIC_CHANNEL:
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
        stops += [m.start() for m in _CONDITION.finditer(self.text, start, end)]
        words = self.text[start : min(stops, default=end)].split()
        while words and (not words[-1].strip(_PUNCTUATION) or _small(words[-1])):
            words.pop()
        return " ".join(words).rstrip(_PUNCTUATION) or None

    def condition(self, s: int) -> str | None:
        """The clause of a sentence that states a condition ("once it meets ...")."""
        start, end, _, _ = self.a.sentences[s]
        m = _CONDITION.search(self.text, start, end)
        if m is None:
            return None
        clause_end = self.clause(s, m.start())[1]
        quote = _CLOSING_QUOTE.search(self.text, m.start(), clause_end)
        stop = quote.start() if quote else clause_end
        return self.text[m.start() : stop].rstrip(_PUNCTUATION) or None


def _gap(when: When, start: int, end: int) -> int:
    return max(0, when.char_start - end, start - when.char_end)


def _small(word: str) -> bool:
    return word.strip(_PUNCTUATION).lower() in _SMALL_WORDS


def _spans_time(when: When) -> bool:
    """An interval, a set of dates, or a decade or century: a period, not a moment."""
    edtf = when.edtf or ""
    return (
        when.is_interval or edtf.startswith(("{", "[")) or when.precision in ("decade", "century")
    )
