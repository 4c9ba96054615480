"""`load_corpus()` and the `Corpus` object: documents in, tidy frames out."""

from __future__ import annotations

import bisect
import csv
import hashlib
import os
import warnings
from dataclasses import replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__, actors
from .aid import AidFlow
from .dates import When, edtf_bounds
from .events import QUAD_CLASS, Event
from .extract import Analysis, analyse, work_problems
from .read import (
    CorpusError,
    Document,
    NoDocumentsError,
    Problem,
    check_pattern,
    front_matter_json,
    read_corpus,
)
from .schema import DOC_TYPE, FRAMES, cast_frame

if TYPE_CHECKING:
    import pandas as pd

CATALOGUE = "catalogue.csv"


class CorpusWarning(UserWarning):
    """Some input files were skipped or partly read; see ``Corpus.problems``."""


def bundled_seeds() -> Path:
    """The project's own five source documents: the package data of ``nzdprk.seeds``, which
    is the ``seeds/`` folder of a checkout and is installed with every wheel."""
    from importlib import resources

    folder = resources.files("nzdprk.seeds")
    if not isinstance(folder, Path) or not folder.is_dir():
        raise NoDocumentsError(
            [Problem("nzdprk.seeds", "error", "the bundled documents are not a folder on disk")]
        )
    return folder


class Corpus:
    """A folder of documents and the frames derived from them (computed once, on first use).

    Frames are new pandas DataFrames with the columns and dtypes of ``nzdprk.schema``; the
    ``problems`` frame lists every file that was skipped or only partly read.
    """

    def __init__(
        self,
        docs: list[Document],
        problems: list[Problem],
        root: Path,
        catalogue: dict[str, dict[str, str]],
        analyses: dict[str, Analysis] | None = None,
    ):
        self.docs = docs
        self._problems = problems
        self.root = root
        self.catalogue = catalogue
        if analyses is not None:
            self._analysed = analyses

    def __repr__(self) -> str:
        kinds = {t: sum(d.doc_type == t for d in self.docs) for t in DOC_TYPE.values}
        counts = ", ".join(f"{n} {t}" for t, n in kinds.items() if n)
        return (
            f"<Corpus {self.root.name}/: {len(self.docs)} documents ({counts}), "
            f"{len(self._problems)} problems>"
        )

    def text(self, doc_id: str) -> str:
        """The body text of one document (the string all offsets refer to)."""
        return self._by_id[doc_id].text

    @cached_property
    def _by_id(self) -> dict[str, Document]:
        return {d.doc_id: d for d in self.docs}

    @cached_property
    def _analysed(self) -> dict[str, Analysis]:
        return {doc.doc_id: analyse(doc) for doc in self.docs}

    @cached_property
    def documents(self) -> pd.DataFrame:

        rows = []
        for doc in self.docs:
            cat = self.catalogue.get(doc.path, {})
            analysed = self._analysed[doc.doc_id]
            pub = analysed.published
            rows.append(
                {
                    "doc_id": doc.doc_id,
                    "path": doc.path,
                    "doc_type": doc.doc_type,
                    "title": doc.title,
                    "publisher": _known(cat.get("publisher")),
                    "url": doc.url or cat.get("origin_url") or None,
                    "licence": cat.get("licence") or "unknown",
                    "ministers": "; ".join(doc.ministers) or None,
                    "portfolios": "; ".join(doc.portfolios) or None,
                    "published_text": pub.text,
                    "published_edtf": pub.edtf,
                    "published_earliest": pub.earliest,
                    "published_latest": pub.latest,
                    "published_precision": pub.precision,
                    "published_qualifier": "none" if pub.edtf else None,
                    "published_refine": None,
                    "published_resolution": pub.resolution,
                    "published_is_interval": False if pub.edtf else None,
                    "published_note": analysed.published_note,
                    "is_dated": doc.published.edtf is not None,
                    "front_matter_json": front_matter_json(doc.front_matter),
                    "n_chars": len(doc.text),
                    "n_sentences": len(self._analysed[doc.doc_id].sentences),
                    "text_sha256": hashlib.sha256(doc.text.encode("utf-8")).hexdigest(),
                    "file_sha256": doc.file_sha256,
                    "text": doc.text,
                }
            )
        return _frame("documents", rows)

    @cached_property
    def sentences(self) -> pd.DataFrame:

        rows = [
            {
                "sentence_id": f"{doc.doc_id}:s{i:03d}",
                "doc_id": doc.doc_id,
                "paragraph": paragraph,
                "section": section,
                "char_start": start,
                "char_end": end,
                "quote": doc.text[start:end],
            }
            for doc in self.docs
            for i, (start, end, paragraph, section) in enumerate(
                self._analysed[doc.doc_id].sentences, start=1
            )
        ]
        return _frame("sentences", rows)

    @cached_property
    def sections(self) -> pd.DataFrame:

        rows = [
            {
                "doc_id": doc.doc_id,
                "section_number": i,
                "heading": s.heading,
                "level": s.level,
                "char_start": s.char_start,
                "char_end": s.char_end,
            }
            for doc in self.docs
            for i, s in enumerate(self._analysed[doc.doc_id].sections)
        ]
        return _frame("sections", rows)

    @cached_property
    def infobox(self) -> pd.DataFrame:

        rows = [
            {
                "doc_id": doc.doc_id,
                "key": b.key,
                "char_start": b.value_start,
                "char_end": b.value_end,
                "value": doc.text[b.value_start : b.value_end],
            }
            for doc in self.docs
            for b in self._analysed[doc.doc_id].blocks
            if b.kind == "infobox"
        ]
        return _frame("infobox", rows)

    @cached_property
    def _sentence_starts(self) -> dict[str, list[int]]:
        return {d: [start for start, _, _, _ in a.sentences] for d, a in self._analysed.items()}

    def _sentence_id(self, doc_id: str, offset: int) -> str | None:
        """The id of the sentence an offset falls in (None outside prose)."""
        spans = self._analysed[doc_id].sentences
        i = bisect.bisect_right(self._sentence_starts[doc_id], offset) - 1
        if i >= 0 and spans[i][0] <= offset < spans[i][1]:
            return f"{doc_id}:s{i + 1:03d}"
        return None

    @cached_property
    def dates(self) -> pd.DataFrame:

        rows = []
        for doc in self.docs:
            for i, w in enumerate(self._analysed[doc.doc_id].dates, start=1):
                rows.append(
                    {
                        "date_id": f"{doc.doc_id}:d{i:03d}",
                        "doc_id": doc.doc_id,
                        "sentence_id": self._sentence_id(doc.doc_id, w.char_start),
                        **_when_columns("date_", w),
                        "rule_id": w.rule,
                        "char_start": w.char_start,
                        "char_end": w.char_end,
                        "quote": doc.text[w.char_start : w.char_end],
                    }
                )
        return _frame("dates", rows)

    @cached_property
    def amounts(self) -> pd.DataFrame:
        """Every money amount in every document, aid or not (ids ``doc_id:a001`` ...)."""
        rows = []
        for doc in self.docs:
            for i, m in enumerate(self._analysed[doc.doc_id].money):
                rows.append(
                    {
                        "amount_id": amount_id(doc.doc_id, i),
                        "doc_id": doc.doc_id,
                        "sentence_id": self._sentence_id(doc.doc_id, m.char_start),
                        "amount_text": m.amount_text,
                        "amount": m.amount,
                        "amount_min": m.amount_min,
                        "amount_max": m.amount_max,
                        "currency": m.currency,
                        "currency_assumed": m.currency_assumed,
                        "currency_reason": m.currency_reason,
                        "qualifier": m.qualifier,
                        "qualifier_text": m.qualifier_text,
                        "multiplier": m.multiplier,
                        "equivalent_of": None
                        if m.equivalent_of is None
                        else amount_id(doc.doc_id, m.equivalent_of),
                        "rule_id": m.rule,
                        "char_start": m.char_start,
                        "char_end": m.char_end,
                        "quote": doc.text[m.char_start : m.char_end],
                    }
                )
        return _frame("amounts", rows)

    @cached_property
    def _event_rows(self) -> tuple[list[dict], list[dict], list[dict], list[dict]]:
        """Rows of events, event_participants, claims and aid_flows, built together so that
        ids agree: claims c001… are the document's events, then its aid flows."""
        names = {r["actor_id"]: r["canonical_name"] for r in actors.actors()}
        country = {r["actor_id"]: r["country_code"] for r in actors.actors() if r["country_code"]}
        kind = {r["actor_id"]: r["actor_kind"] for r in actors.actors()}
        events, participants, claims, flows = [], [], [], []
        for doc in self.docs:
            analysed = self._analysed[doc.doc_id]
            for i, ev in enumerate(analysed.events, start=1):
                event_id = f"{doc.doc_id}:e{i:03d}"
                claim_id = f"{doc.doc_id}:c{i:03d}"
                by_role = {
                    role: [p.actor_id for p in ev.participants if p.role == role]
                    for role in ("actor", "recipient", "location")
                }
                when = analysed.event_dates[ev.when_index] if ev.when_index is not None else None
                key = fact_key(ev, country, kind)
                summary = _summary(
                    [names.get(a, a) for a in by_role["actor"]],
                    ev.trigger.action,
                    [names.get(a, a) for a in by_role["recipient"]],
                )
                span = {
                    "char_start": ev.sentence_start,
                    "char_end": ev.sentence_end,
                    "quote": doc.text[ev.sentence_start : ev.sentence_end],
                }
                events.append(
                    {
                        "event_id": event_id,
                        "claim_id": claim_id,
                        "doc_id": doc.doc_id,
                        "sentence_id": self._sentence_id(doc.doc_id, ev.sentence_start),
                        "event_type": ev.trigger.event_type,
                        "action": ev.trigger.action,
                        "event_mode": ev.trigger.mode,
                        "context": ev.trigger.context,
                        "quad_class": QUAD_CLASS.get(ev.trigger.event_type),
                        "cameo_code": ev.trigger.cameo_code,
                        "aux_mode": ev.aux_mode,
                        "summary": summary,
                        "actor_id": next(iter(by_role["actor"]), None),
                        "recipient_id": next(iter(by_role["recipient"]), None),
                        "location_id": next(iter(by_role["location"]), None),
                        "trigger_text": ev.trigger_text,
                        "trigger_start": ev.trigger_start,
                        "trigger_end": ev.trigger_end,
                        **_when_columns("date_", when),
                        "fact_key": key,
                        "attributed_to": ev.attributed_to,
                        "assertion_mode": ev.assertion_mode,
                        **span,
                    }
                )
                participants += [
                    {
                        "event_id": event_id,
                        "doc_id": doc.doc_id,
                        "actor_id": p.actor_id,
                        "role": p.role,
                        "quote": p.text,
                        "char_start": p.char_start,
                        "char_end": p.char_end,
                    }
                    for p in ev.participants
                ]
                claims.append(
                    {
                        "claim_id": claim_id,
                        "doc_id": doc.doc_id,
                        "claim_type": "event",
                        "record_id": event_id,
                        "fact_key": key,
                        "subject_id": next(iter(by_role["actor"]), None),
                        "predicate": ev.trigger.action,
                        "object_id": next(iter(by_role["recipient"]), None),
                        "attributed_to": ev.attributed_to,
                        "assertion_mode": ev.assertion_mode,
                        "hedge_text": ev.hedge_text,
                        "rule_id": f"event.{ev.trigger.action}",
                        "extractor_version": __version__,
                        **span,
                    }
                )
            first = len(analysed.events) + 1
            for j, flow in enumerate(analysed.aid_flows, start=1):
                row = _flow_row(doc, analysed, flow, j, f"{doc.doc_id}:c{first + j - 1:03d}")
                flows.append(row)
                claims.append(
                    {
                        "claim_id": row["claim_id"],
                        "doc_id": doc.doc_id,
                        "claim_type": "aid_flow",
                        "record_id": row["flow_id"],
                        "fact_key": row["fact_key"],
                        "subject_id": flow.donor_id,
                        "predicate": f"aid_{flow.measure}",
                        "object_id": flow.receiver_org_id or flow.recipient_country,
                        "object_value": flow.amount_text,
                        "attributed_to": None,
                        "assertion_mode": "planned"
                        if flow.measure == "pledge_total"
                        else "asserted",
                        "hedge_text": None,
                        "rule_id": flow.rule,
                        "extractor_version": __version__,
                        "quote": row["quote"],
                        "char_start": row["char_start"],
                        "char_end": row["char_end"],
                    }
                )
        return events, participants, claims, flows

    @cached_property
    def aid_flows(self) -> pd.DataFrame:

        rows = self._event_rows[3]
        return _frame("aid_flows", rows)

    @cached_property
    def events(self) -> pd.DataFrame:

        rows = self._event_rows[0]
        return _frame("events", rows)

    @cached_property
    def event_participants(self) -> pd.DataFrame:

        rows = self._event_rows[1]
        return _frame("event_participants", rows)

    @cached_property
    def claims(self) -> pd.DataFrame:

        rows = self._event_rows[2]
        return _frame("claims", rows)

    @cached_property
    def mentions(self) -> pd.DataFrame:

        rows = [
            {
                "mention_id": f"{doc.doc_id}:m{i:03d}",
                "doc_id": doc.doc_id,
                "actor_id": m.actor_id,
                "kind": m.kind,
                "alias_type": m.alias_type,
                "sense": m.sense,
                "text": m.text,
                "char_start": m.char_start,
                "char_end": m.char_end,
            }
            for doc in self.docs
            for i, m in enumerate(self._analysed[doc.doc_id].mentions, start=1)
        ]
        return _frame("mentions", rows)

    @cached_property
    def unresolved_names(self) -> pd.DataFrame:

        rows = [
            {
                "doc_id": doc.doc_id,
                "text": u.text,
                "reason": u.reason,
                "char_start": u.char_start,
                "char_end": u.char_end,
            }
            for doc in self.docs
            for u in self._analysed[doc.doc_id].unresolved
        ]
        return _frame("unresolved_names", rows)

    @cached_property
    def actors(self) -> pd.DataFrame:

        counts = self.mentions["actor_id"].value_counts().to_dict()
        rows = [
            {
                **{
                    k: r[k] or None
                    for k in (
                        "actor_id",
                        "actor_kind",
                        "canonical_name",
                        "country_code",
                        "wikidata_qid",
                        "notes",
                    )
                },
                "country_name": actors.country_name(r["country_code"])
                if r["country_code"]
                else None,
                "verified": r["verified"] == "yes",
                "curated": True,
                "n_mentions": counts.get(r["actor_id"], 0),
            }
            for r in actors.actors()
        ]
        return _frame("actors", rows + _found_actors(self.mentions, counts))

    @cached_property
    def actor_aliases(self) -> pd.DataFrame:

        rows = [{k: r[k] or None for k in FRAMES["actor_aliases"].names} for r in actors.aliases()]
        return _frame("actor_aliases", rows)

    @cached_property
    def offices(self) -> pd.DataFrame:

        rows = []
        for r in actors.offices():
            start = edtf_bounds(r["start"])[0] if r["start"] else None
            end = edtf_bounds(r["end"])[1] if r["end"] else None
            rows.append(
                {
                    "actor_id": r["actor_id"],
                    "office": r["office"],
                    "organisation_id": r["organisation_id"] or None,
                    "start_text": r["start"] or None,
                    "end_text": r["end"] or None,
                    "start": start,
                    "end": end,
                    "verified": r["verified"] == "yes",
                    "note": r["note"] or None,
                }
            )
        return _frame("offices", rows)

    @cached_property
    def claim_comparisons(self) -> pd.DataFrame:
        from .agreement import compare_claims

        frame = compare_claims(self.events, self.aid_flows, participants=self._keyed_participants)
        return cast_frame(frame, "claim_comparisons")

    @cached_property
    def _keyed_participants(self) -> pd.DataFrame:
        """Participants at the level their fact key uses: for positions taken by office holders
        (support, requests, aid...) a person or body counts as its state."""
        from .events import triggers

        state_actions = {t.action for t in triggers() if t.state_key}
        country = self.actors.set_index("actor_id")["country_code"]
        kind = self.actors.set_index("actor_id")["actor_kind"]
        p = self.event_participants.merge(self.events[["event_id", "action"]], on="event_id")
        as_state = p["action"].isin(state_actions) & p["actor_id"].map(kind).ne("state")
        mapped = p["actor_id"].map(country)
        p.loc[as_state & mapped.notna(), "actor_id"] = mapped
        return p.drop(columns="action")

    @cached_property
    def facts(self) -> pd.DataFrame:
        from .agreement import summarise_facts

        frame = summarise_facts(
            self.events, self.claim_comparisons, self.aid_flows, documents=self.documents
        )
        return cast_frame(frame, "facts")

    @cached_property
    def problems(self) -> pd.DataFrame:

        rows = [
            {"path": p.path, "line": p.line, "severity": p.severity, "message": p.message}
            for p in self._problems
        ]
        return _frame("problems", rows)

    @property
    def problem_list(self) -> list[Problem]:
        """The problems as objects (path, severity, message, line), in the order found."""
        return list(self._problems)

    def frames(self) -> dict[str, pd.DataFrame]:
        """Every frame by name, in the schema's order (what ``nzdprk export`` writes)."""
        return {name: getattr(self, name) for name in FRAMES}


def require_documents(corpus: Corpus) -> None:
    """Raise :class:`NoDocumentsError` if the corpus has no documents."""
    if not corpus.docs:
        raise NoDocumentsError(
            [Problem(str(corpus.root), "error", "no document could be read from this folder")]
        )


def _flow_row(
    doc: Document, analysed: Analysis, flow: AidFlow, number: int, claim_id: str
) -> dict[str, object]:
    """One aid_flows row. Its fact key is ``aid:donor>receiver`` (the organisation if one is
    named, else the country): what two sources must share for their amounts to be compared."""
    receiver = flow.receiver_org_id or flow.recipient_country
    key = f"aid:{flow.donor_id}>{receiver}" if flow.donor_id and receiver else None
    if key and flow.measure == "pledge_total":
        key += ":future"
    period = analysed.dates[flow.period_index] if flow.period_index is not None else None
    event_id = f"{doc.doc_id}:e{flow.event_index + 1:03d}" if flow.event_index is not None else None
    return {
        "flow_id": f"{doc.doc_id}:f{number:03d}",
        "claim_id": claim_id,
        "doc_id": doc.doc_id,
        "event_id": event_id,
        "amount_id": None if flow.money_index is None else amount_id(doc.doc_id, flow.money_index),
        "fact_key": key,
        "donor_id": flow.donor_id,
        "donor_source": flow.donor_source,
        "receiver_org_id": flow.receiver_org_id,
        "recipient_country": flow.recipient_country,
        "recipient_country_source": flow.recipient_country_source,
        "channel_kind": flow.channel_kind,
        "purpose_text": flow.purpose_text,
        "condition_text": flow.condition_text,
        "measure": flow.measure,
        "transaction_type": flow.transaction_type,
        "amount": flow.amount,
        "amount_qualifier": flow.amount_qualifier,
        "amount_min": flow.amount_min,
        "amount_max": flow.amount_max,
        "amount_text": flow.amount_text,
        "currency": flow.currency,
        "currency_assumed": flow.currency_assumed,
        **_when_columns("period_", period),
        "as_of_date": flow.as_of,
        "as_of_source": flow.as_of_source,
        "rule_id": flow.rule,
        "quote": doc.text[flow.sentence_start : flow.sentence_end],
        "char_start": flow.sentence_start,
        "char_end": flow.sentence_end,
    }


def _found_actors(mentions: pd.DataFrame, counts: dict[str, int]) -> list[dict]:
    """Rows for the actors found in the texts but not in the curated table, named by their
    longest mention (the first of the longest), so that every ``mentions.actor_id`` has a row."""
    curated = {r["actor_id"] for r in actors.actors()}
    found = mentions[~mentions["actor_id"].isin(curated)]
    rows = []
    for actor_id, group in found.groupby("actor_id", sort=True):
        names = group["text"].tolist()
        rows.append(
            {
                "actor_id": actor_id,
                "actor_kind": group["kind"].iloc[0],
                "canonical_name": max(names, key=len),
                "verified": False,
                "curated": False,
                "n_mentions": counts.get(actor_id, 0),
            }
        )
    return rows


def _catalogued(doc: Document, row: dict[str, str]) -> Document:
    """The document with the catalogue's publisher, and its origin URL when the front matter
    gives none (evidence of who publishes it, e.g. for the currency of a bare "$")."""
    url = doc.url or row.get("origin_url") or None
    return replace(doc, url=url, publisher=_known(row.get("publisher")))


def amount_id(doc_id: str, index: int) -> str:
    """The id of a document's amount by its 0-based position among the document's amounts."""
    return f"{doc_id}:a{index + 1:03d}"


def _frame(name: str, rows: list[dict]) -> pd.DataFrame:
    """A frame of the schema from row dicts (columns in schema order, dtypes cast)."""
    import pandas as pd

    return cast_frame(pd.DataFrame(rows, columns=FRAMES[name].names), name)


def _summary(actors_: list[str], action: str, recipients: list[str]) -> str:
    """One readable line: "Winston Peters: visit → North Korea"."""
    who = ", ".join(actors_) or "(actor not named)"
    line = f"{who}: {action.replace('_', ' ')}"
    return f"{line} → {', '.join(recipients)}" if recipients else line


def fact_key(event: Event, country: dict[str, str], kind: dict[str, str]) -> str | None:
    """The proposition an event states, for grouping the same fact across sources.

    ``action:actors>recipients`` (``action:a+b`` for reciprocal actions), with ``:future``,
    ``:hypothetical`` or ``:negated`` for events that did not (yet) happen. Positions taken by
    office holders (support, requests, aid...) are keyed by their state, so "Peters supported
    the talks" and "New Zealand's support" are one fact, and an actor not in ``kind`` (found
    from cues, its state unknown) is left out of such a key; visits and meetings stay personal. The
    object is the most specific recipient named: an organisation or forum before a state.

    None for pure statements (no fact to compare), when no actor is named for a one-way
    action, and when a one-way action names no recipient ("New Zealand deployed" says too
    little to compare)."""
    trigger = event.trigger
    if trigger.event_type in ("STATEMENT", "OTHER"):
        return None

    def ids(role: str) -> list[str]:
        found = [p.actor_id for p in event.participants if p.role == role]
        if trigger.state_key:  # an actor found only in the text has no known state: left out
            found = [country.get(a, a) if kind.get(a) != "state" else a for a in found if a in kind]
        return sorted(set(found))

    actors_, recipients = ids("actor"), ids("recipient")
    specific = [r for r in recipients if kind.get(r) != "state"]
    recipients = specific or recipients
    if not actors_ or (trigger.needs_recipient and not recipients):
        return None
    key = f"{trigger.action}:{'+'.join(actors_)}"
    if recipients:
        key += ">" + "+".join(recipients)
    if event.aux_mode != "none":
        key += f":{event.aux_mode}"
    return key


def _when_columns(prefix: str, when: When | None) -> dict[str, object]:
    """A `dates.When` as the when-block columns of the schema (all empty for None)."""
    if when is None:
        return {f"{prefix}resolution": "unresolved"}
    return {
        f"{prefix}text": when.text,
        f"{prefix}edtf": when.edtf,
        f"{prefix}earliest": when.earliest,
        f"{prefix}latest": when.latest,
        f"{prefix}precision": when.precision,
        f"{prefix}qualifier": when.qualifier,
        f"{prefix}refine": when.refine,
        f"{prefix}resolution": when.resolution,
        f"{prefix}is_interval": when.is_interval,
        f"{prefix}note": when.note,
    }


def _known(value: str | None) -> str | None:
    return None if not value or value.strip().lower() == "unknown" else value.strip()


def read_catalogue(root: Path) -> tuple[dict[str, dict[str, str]], list[Problem]]:
    """The optional ``catalogue.csv`` of a corpus folder: file -> publisher, licence, origin..."""
    path = root / CATALOGUE
    if not os.path.lexists(path):
        return {}, []
    if not path.is_file():
        return {}, [Problem(CATALOGUE, "warning", "catalogue is not a regular file; ignored")]
    try:
        with path.open(newline="", encoding="utf-8-sig") as f:
            rows = list(csv.DictReader(f))
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return {}, [Problem(CATALOGUE, "warning", f"catalogue cannot be read ({reason}); ignored")]
    except (UnicodeDecodeError, csv.Error) as exc:
        return {}, [Problem(CATALOGUE, "warning", f"catalogue cannot be read ({exc}); ignored")]
    if rows and "file" not in rows[0]:
        return {}, [Problem(CATALOGUE, "warning", "catalogue has no 'file' column; ignored", 1)]
    return {r["file"]: r for r in rows if r.get("file")}, []


def _check_catalogue(docs: list[Document], catalogue: dict[str, dict[str, str]]) -> list[Problem]:
    problems = []
    for doc in docs:
        expected = catalogue.get(doc.path, {}).get("sha256")
        if expected and expected != doc.file_sha256:
            problems.append(
                Problem(
                    doc.path,
                    "warning",
                    "file differs from the sha256 in catalogue.csv (was it edited?)",
                )
            )
    return problems


def load_corpus(
    path: str | Path | None = None,
    *,
    strict: bool = False,
    pattern: str = "*.txt",
    jobs: int = 1,
    progress: bool = False,
    follow_symlinks: bool = False,
) -> Corpus:
    """Read a folder of documents (default: the bundled seeds) into a :class:`Corpus`.

    Files that cannot be read are skipped and listed in ``corpus.problems`` with one
    ``CorpusWarning`` for all of them; with ``strict=True`` a :class:`CorpusError` naming
    every problem is raised instead. A folder that is missing, is a file, or (in strict
    mode) holds no matching file raises :class:`NoDocumentsError`, a kind of CorpusError.

    ``jobs`` > 1 analyses the documents in that many worker processes (0: one per core), and
    ``progress`` shows a progress bar; the frames are the same either way. For a corpus too
    large for one machine see `nzdprk.parallel.load_corpus_with_dask`.

    Symbolic links (to files or folders) are followed only while they stay inside the corpus
    folder; ``follow_symlinks=True`` follows them anywhere. A sentence longer than
    `nzdprk.extract.MAX_UNIT_CHARS` is kept but not analysed, and listed as a problem.
    """
    check_pattern(pattern)
    if jobs < 0:
        raise ValueError(f"jobs must be 0 (one per core) or a positive number, not {jobs}")
    root = Path(path) if path is not None else bundled_seeds()
    docs, problems = read_corpus(root, pattern, follow_symlinks=follow_symlinks)
    catalogue, cat_problems = read_catalogue(root)
    docs = [catalogued(doc, catalogue) for doc in docs]
    work = [p for doc in docs for p in work_problems(doc)]
    problems = checked(root, docs, problems, work, catalogue, cat_problems, strict=strict)
    analyses = None
    if jobs != 1 or progress:
        from .parallel import analyse_all

        analyses = analyse_all(docs, jobs=jobs, progress=progress)
    return Corpus(docs, problems, root, catalogue, analyses)


def catalogued(doc: Document, catalogue: dict[str, dict[str, str]]) -> Document:
    """The document with what the corpus's catalogue says of its file (see `_catalogued`)."""
    return _catalogued(doc, catalogue.get(doc.path, {}))


def checked(
    root: Path,
    docs: list[Document],
    problems: list[Problem],
    work: list[Problem],
    catalogue: dict[str, dict[str, str]],
    catalogue_problems: list[Problem],
    *,
    strict: bool,
) -> list[Problem]:
    """Every problem of a corpus read, raised with ``strict`` or else announced in one
    `CorpusWarning`: the catalogue's, the files' (``problems``, in file order), the
    catalogue's checks of the documents, and the parts too long to analyse (``work``)."""
    problems = catalogue_problems + problems + _check_catalogue(docs, catalogue) + work
    if strict and not docs and not any(p.severity == "error" for p in problems):
        raise NoDocumentsError(problems)
    if problems and strict:
        raise CorpusError(problems)
    if problems:
        errors = sum(p.severity == "error" for p in problems)
        warnings.warn(
            f"{root.name or root}: {errors} file(s) skipped, {len(problems) - errors} warning(s); "
            "see corpus.problems",
            CorpusWarning,
            stacklevel=3,
        )
    return problems
