"""Records to tidy frames: each function turns the records read from the documents (or the
curated tables) into one frame of `nzdprk.schema`, with its columns in order and its dtypes
cast. `nzdprk.corpus.Corpus` computes each frame once, through these functions.

The frames made of one document's rows each (`PER_DOCUMENT`) are built batch by batch of
documents (`batch_frames`, on whichever process analysed the batch) and joined (`join`), so a
document's analysis is dropped as soon as its rows are framed, and the results never depend on
how the documents were split. The columns that repeat the document text (`TEXT_COLUMNS`) are
left out of the frames a corpus keeps and made again from the text when a frame is handed out
(`with_text`), so the text is held once."""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from . import __version__
from . import actors as curated_actors
from .claims import actor_table
from .claims.rows import RowColumns, document_rows
from .dates import When, edtf_bounds
from .read import Document, Problem, front_matter_json
from .read.catalogue import known
from .schema import FRAMES, cast_frame

if TYPE_CHECKING:
    import pandas as pd

    from .extract import Analysis

#: ``sentence_id(doc_id, offset)``: the id of the sentence an offset falls in, None outside prose.
SentenceId = Callable[[str, int], "str | None"]

#: The frames made of one document's rows each, in the order `batch_frames` builds them.
PER_DOCUMENT = (
    "documents",
    "sentences",
    "sections",
    "infobox",
    "dates",
    "amounts",
    "events",
    "event_participants",
    "claims",
    "aid_flows",
    "mentions",
    "unresolved_names",
)
#: The column of each frame that repeats the document text: a quote, exactly
#: ``text[char_start:char_end]``, or (``documents.text``) the whole text.
TEXT_COLUMNS = {
    "documents": "text",
    "sentences": "quote",
    "dates": "quote",
    "amounts": "quote",
    "events": "quote",
    "event_participants": "quote",
    "claims": "quote",
    "aid_flows": "quote",
}


@contextmanager
def system_allocated() -> Iterator[None]:
    """Within it, the Arrow buffers of the text columns are allocated by the system's
    ``malloc`` rather than by pyarrow's default pool (mimalloc), then the pool in use before
    is set back. Why: mimalloc keeps the memory it frees for itself, apart from the memory
    Python frees, so while documents are analysed and framed (Python objects made and freed,
    Arrow columns made) the two keep separate high-water marks; with one allocator the
    Arrow columns reuse what the analyses freed (peak resident memory about 50 MB lower at
    5,000 documents, ~5x the corpus's bytes). The buffers keep the pool that made them, so the
    switch is safe; it is process-wide while it lasts, which only changes where other
    threads' Arrow buffers come from."""
    import pyarrow as pa

    before = pa.default_memory_pool()
    pa.set_memory_pool(pa.system_memory_pool())
    try:
        yield
    finally:
        pa.set_memory_pool(before)


def frame(name: str, rows: list[dict]) -> pd.DataFrame:
    """A frame of the schema from row dicts (columns in schema order, dtypes cast)."""
    import pandas as pd

    return cast_frame(pd.DataFrame(rows, columns=FRAMES[name].names), name)


def batch_frames(
    docs: Sequence[Document],
    analysed: Mapping[str, Analysis],
    catalogue: Mapping[str, Mapping[str, str]],
) -> dict[str, pd.DataFrame]:
    """The `PER_DOCUMENT` frames of a batch of analysed documents, without their
    `TEXT_COLUMNS` (`with_text` makes them again)."""
    sentence_id = sentence_ids(analysed)
    built = {
        "documents": documents(docs, analysed, catalogue),
        "sentences": sentences(docs, analysed),
        "sections": sections(docs, analysed),
        "infobox": infobox(docs, analysed),
        "dates": dates(docs, analysed, sentence_id),
        "amounts": amounts(docs, analysed, sentence_id),
        **claim_frames(docs, analysed, sentence_id),
        "mentions": mentions(docs, analysed),
        "unresolved_names": unresolved_names(docs, analysed),
    }
    return {name: without_text(name, built[name]) for name in PER_DOCUMENT}


def join(name: str, parts: Sequence[pd.DataFrame]) -> pd.DataFrame:
    """One `PER_DOCUMENT` frame from the frames of consecutive batches (`batch_frames`)."""
    import pandas as pd

    from .schema import empty_frame

    if not parts:
        return without_text(name, empty_frame(name))
    if len(parts) == 1:
        return parts[0]
    return pd.concat(parts, ignore_index=True)


def without_text(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """The frame without its column of `TEXT_COLUMNS`, if it has one."""
    column = TEXT_COLUMNS.get(name)
    return frame.drop(columns=column) if column in frame else frame


def with_text(name: str, frame: pd.DataFrame, text: Callable[[str], str]) -> pd.DataFrame:
    """The frame with its column of `TEXT_COLUMNS` made from the texts (``text(doc_id)``), in
    its place of the schema; a frame that has it already, or has no spans to make it from (a
    frame a user set by hand), is returned as it is."""
    import pandas as pd

    column = TEXT_COLUMNS.get(name)
    if column is None or column in frame or "doc_id" not in frame:
        return frame
    ids = frame["doc_id"].tolist()
    if name == "documents":
        values: list[str | None] = [text(d) for d in ids]
    else:
        starts, ends = frame["char_start"].tolist(), frame["char_end"].tolist()
        values = [
            None if s is pd.NA or e is pd.NA else text(d)[s:e]
            for d, s, e in zip(ids, starts, ends, strict=True)
        ]
    out = frame.copy(deep=False)
    out.insert(FRAMES[name].names.index(column), column, pd.array(values, dtype="string"))
    return out


def sentence_ids(analysed: Mapping[str, Analysis]) -> SentenceId:
    """``sentence_id(doc_id, offset)`` over the analysed documents."""
    starts = {d: [start for start, _, _, _ in a.sentences] for d, a in analysed.items()}

    def sentence_id(doc_id: str, offset: int) -> str | None:
        spans = analysed[doc_id].sentences
        i = bisect.bisect_right(starts[doc_id], offset) - 1
        if i >= 0 and spans[i][0] <= offset < spans[i][1]:
            return f"{doc_id}:s{i + 1:03d}"
        return None

    return sentence_id


def claim_frames(
    docs: Sequence[Document], analysed: Mapping[str, Analysis], sentence_id: SentenceId
) -> dict[str, pd.DataFrame]:
    """The events, event_participants, claims and aid_flows frames (see `claims.rows`)."""
    table = actor_table()
    out: tuple[list[dict], list[dict], list[dict], list[dict]] = ([], [], [], [])
    columns = RowColumns(when_columns=when_columns, amount_id=amount_id, version=__version__)
    for doc in docs:
        rows = document_rows(
            doc.doc_id,
            doc.text,
            analysed[doc.doc_id],
            table,
            lambda at, d=doc.doc_id: sentence_id(d, at),
            columns,
        )
        for into, part in zip(out, rows, strict=True):
            into += part
    names = ("events", "event_participants", "claims", "aid_flows")
    return {name: frame(name, rows) for name, rows in zip(names, out, strict=True)}


def when_columns(prefix: str, when: When | None) -> dict[str, object]:
    """A `dates.When` as the when-block columns of the schema (all empty for None)."""
    if when is None:
        return {f"{prefix}resolution": "unresolved"}
    return {
        f"{prefix}text": when.text or None,  # a date no phrase gives (a release's own statement)
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


def amount_id(doc_id: str, index: int) -> str:
    """The id of a document's amount by its 0-based position among the document's amounts."""
    return f"{doc_id}:a{index + 1:03d}"


def documents(
    docs: Sequence[Document],
    analysed: Mapping[str, Analysis],
    catalogue: Mapping[str, Mapping[str, str]],
) -> pd.DataFrame:
    """One row per document: its metadata, own date, size and text."""
    rows = []
    for doc in docs:
        cat = catalogue.get(doc.path, {})
        analysis = analysed[doc.doc_id]
        pub = analysis.published
        rows.append(
            {
                "doc_id": doc.doc_id,
                "path": doc.path,
                "doc_type": doc.doc_type,
                "title": doc.title,
                "publisher": known(cat.get("publisher")),
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
                "published_note": analysis.published_note,
                "is_dated": doc.published.edtf is not None,
                "front_matter_json": front_matter_json(doc.front_matter),
                "n_chars": len(doc.text),
                "n_sentences": len(analysis.sentences),
                "text_sha256": hashlib.sha256(doc.text.encode("utf-8")).hexdigest(),
                "file_sha256": doc.file_sha256,
                "text": doc.text,
            }
        )
    return frame("documents", rows)


def sentences(docs: Sequence[Document], analysed: Mapping[str, Analysis]) -> pd.DataFrame:
    """One row per sentence of prose, with its paragraph and section (ids ``doc_id:s001``...)."""
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
        for doc in docs
        for i, (start, end, paragraph, section) in enumerate(
            analysed[doc.doc_id].sentences, start=1
        )
    ]
    return frame("sentences", rows)


def sections(docs: Sequence[Document], analysed: Mapping[str, Analysis]) -> pd.DataFrame:
    """One row per section heading of each document."""
    rows = [
        {
            "doc_id": doc.doc_id,
            "section_number": i,
            "heading": s.heading,
            "level": s.level,
            "char_start": s.char_start,
            "char_end": s.char_end,
        }
        for doc in docs
        for i, s in enumerate(analysed[doc.doc_id].sections)
    ]
    return frame("sections", rows)


def infobox(docs: Sequence[Document], analysed: Mapping[str, Analysis]) -> pd.DataFrame:
    """One row per key of an encyclopedia infobox, with the span of its value."""
    rows = [
        {
            "doc_id": doc.doc_id,
            "key": b.key,
            "char_start": b.value_start,
            "char_end": b.value_end,
            "value": doc.text[b.value_start : b.value_end],
        }
        for doc in docs
        for b in analysed[doc.doc_id].blocks
        if b.kind == "infobox"
    ]
    return frame("infobox", rows)


def dates(
    docs: Sequence[Document], analysed: Mapping[str, Analysis], sentence_id: SentenceId
) -> pd.DataFrame:
    """One row per date phrase (ids ``doc_id:d001``...)."""
    rows = []
    for doc in docs:
        for i, w in enumerate(analysed[doc.doc_id].dates, start=1):
            rows.append(
                {
                    "date_id": f"{doc.doc_id}:d{i:03d}",
                    "doc_id": doc.doc_id,
                    "sentence_id": sentence_id(doc.doc_id, w.char_start),
                    **when_columns("date_", w),
                    "rule_id": w.rule,
                    "char_start": w.char_start,
                    "char_end": w.char_end,
                    "quote": doc.text[w.char_start : w.char_end],
                }
            )
    return frame("dates", rows)


def amounts(
    docs: Sequence[Document], analysed: Mapping[str, Analysis], sentence_id: SentenceId
) -> pd.DataFrame:
    """Every money amount in every document, aid or not (ids ``doc_id:a001`` ...)."""
    rows = []
    for doc in docs:
        reading = analysed[doc.doc_id]
        aid = {id(f.money) for f in reading.aid_flows}
        for i, m in enumerate(reading.money):
            rows.append(
                {
                    "amount_id": amount_id(doc.doc_id, i),
                    "doc_id": doc.doc_id,
                    "sentence_id": sentence_id(doc.doc_id, m.char_start),
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
                    "measure": "aid" if id(m) in aid else reading.amount_measures.get(m.char_start),
                    "rule_id": m.rule,
                    "char_start": m.char_start,
                    "char_end": m.char_end,
                    "quote": doc.text[m.char_start : m.char_end],
                }
            )
    return frame("amounts", rows)


def mentions(docs: Sequence[Document], analysed: Mapping[str, Analysis]) -> pd.DataFrame:
    """One row per mention of an actor (ids ``doc_id:m001``...)."""
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
        for doc in docs
        for i, m in enumerate(analysed[doc.doc_id].mentions, start=1)
    ]
    return frame("mentions", rows)


def unresolved_names(docs: Sequence[Document], analysed: Mapping[str, Analysis]) -> pd.DataFrame:
    """One row per name that looks like an actor but could not be resolved, with the reason."""
    rows = [
        {
            "doc_id": doc.doc_id,
            "text": u.text,
            "reason": u.reason,
            "char_start": u.char_start,
            "char_end": u.char_end,
        }
        for doc in docs
        for u in analysed[doc.doc_id].unresolved
    ]
    return frame("unresolved_names", rows)


def actors(mentions: pd.DataFrame) -> pd.DataFrame:
    """The curated actors, then those found only in the texts, each with its number of mentions."""
    counts = mentions["actor_id"].value_counts().to_dict()
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
            "country_name": curated_actors.country_name(r["country_code"])
            if r["country_code"]
            else None,
            "verified": r["verified"] == "yes",
            "curated": True,
            "n_mentions": counts.get(r["actor_id"], 0),
        }
        for r in curated_actors.actors()
    ]
    return frame("actors", rows + _found_actors(mentions, counts))


def actor_aliases() -> pd.DataFrame:
    """The curated names of each actor (one row per alias)."""
    rows = [
        {k: r[k] or None for k in FRAMES["actor_aliases"].names} for r in curated_actors.aliases()
    ]
    return frame("actor_aliases", rows)


def offices() -> pd.DataFrame:
    """The curated offices held, with their terms as strict bounds."""
    rows = []
    for r in curated_actors.offices():
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
    return frame("offices", rows)


def problems(problems: Sequence[Problem]) -> pd.DataFrame:
    """One row per file skipped or only partly read."""
    rows = [
        {"path": p.path, "line": p.line, "severity": p.severity, "message": p.message}
        for p in problems
    ]
    return frame("problems", rows)


def _found_actors(mentions: pd.DataFrame, counts: dict[str, int]) -> list[dict]:
    """Rows for the actors found in the texts but not in the curated table, named by their
    longest mention (the first of the longest), so that every ``mentions.actor_id`` has a row."""
    curated = {r["actor_id"] for r in curated_actors.actors()}
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
