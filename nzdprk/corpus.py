"""`load_corpus()` and the `Corpus` object: documents in, tidy frames out."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterable, Iterator
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from . import frames
from .claims import keyed_participants
from .extract import Analysis, analyse, work_problems
from .read import (
    CorpusError,
    Document,
    NoDocumentsError,
    Problem,
    check_pattern,
    read_corpus,
)
from .read.catalogue import catalogued, check_catalogue, read_catalogue
from .schema import DOC_TYPE, FRAMES, cast_frame

if TYPE_CHECKING:
    import pandas as pd


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


#: How each frame of a corpus is computed, by name (filled by `_frame_property`).
_BUILDS: dict[str, Callable[[Corpus], pd.DataFrame]] = {}


def _frame_property(build: Callable[[Corpus], pd.DataFrame]) -> property:
    """A frame of the corpus: computed once, on first use, and handed out as a new copy on
    every access, so that editing it never changes what the corpus returns later. Its
    docstring is the frame's description in `nzdprk.schema`. Assigning a frame replaces it for
    this corpus (a reading made by hand, to be scored by `nzdprk.evaluate`); the frames
    computed from it are not computed again, and `Corpus.forget` keeps it."""
    name = build.__name__
    key = f"_frame_{name}"
    _BUILDS[name] = build

    def get(self: Corpus) -> pd.DataFrame:
        with frames.system_allocated():
            return _copy(frames.with_text(name, self._kept(name), self.text))

    def put(self: Corpus, frame: pd.DataFrame) -> None:
        self.__dict__[key] = frame.copy()
        self._assigned = self._assigned | {name}

    doc = f"{FRAMES[name].description} Columns: docs/data-dictionary.md. A copy on each access."
    return property(get, put, doc=doc)


def _copy(frame: pd.DataFrame) -> pd.DataFrame:
    """A frame that can be changed without changing ``frame``: with pandas' copy-on-write
    (always on from pandas 3) a shallow copy, which shares the data until either is changed."""
    import pandas as pd

    cow = int(pd.__version__.split(".")[0]) >= 3 or pd.get_option("mode.copy_on_write") is True
    return frame.copy(deep=not cow)


#: The frames each frame is computed from, besides the documents' own tables (a frame
#: `Corpus.forget` drops is computed again, from the documents, when asked for).
SOURCES: dict[str, tuple[str, ...]] = {
    "actors": ("mentions",),
    "claim_comparisons": ("events", "aid_flows", "event_participants", "documents"),
    "facts": ("events", "claim_comparisons", "aid_flows", "documents"),
}

#: Documents analysed at a time in one process: their analyses are dropped once the batch's
#: rows are framed, so memory holds one batch's analyses, not the corpus's. Measured at 5,000
#: documents: 200 holds 23 MB less than 500 before the comparisons, as 100 does, and framing
#: a batch costs ~60 ms of CPU whatever its size.
BATCH_SIZE = 200


class Corpus:
    """A folder of documents and the frames derived from them.

    Each frame (``corpus.documents``, ``corpus.events``... every name of
    ``nzdprk.schema.FRAMES``; ``help(Corpus.events)`` gives its description, and
    ``docs/data-dictionary.md`` its columns) is a pandas DataFrame with the columns and dtypes
    of the schema. It is computed once, on first use, and every access returns a new copy:
    change it freely, the corpus is not changed. The ``problems`` frame lists every file that
    was skipped or only partly read.
    """

    def __init__(
        self,
        docs: list[Document],
        problems: list[Problem],
        root: Path,
        catalogue: dict[str, dict[str, str]],
        analyses: dict[str, Analysis] | None = None,
        tables: dict[str, pd.DataFrame] | None = None,
    ):
        self.docs = docs
        self._problems = problems
        self._assigned: frozenset[str] = frozenset()
        self.root = root
        self.catalogue = catalogue
        if analyses is not None:
            self._analysed = analyses
        if tables is not None:
            self._tables = tables

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

    def _batches(self) -> Iterator[dict[str, pd.DataFrame]]:
        """The `frames.PER_DOCUMENT` frames of each batch of `BATCH_SIZE` documents, without
        their text columns, the batch analysed when it is framed (analyses already made are
        used); the rows of the batches in turn are the rows of the whole frames."""
        known = self.__dict__.get("_analysed", {})
        for start in range(0, len(self.docs), BATCH_SIZE):
            batch = self.docs[start : start + BATCH_SIZE]
            analysed = {
                d.doc_id: known[d.doc_id] if d.doc_id in known else analyse(d) for d in batch
            }
            yield frames.batch_frames(batch, analysed, self.catalogue)

    @cached_property
    def _tables(self) -> dict[str, pd.DataFrame]:
        """The `frames.PER_DOCUMENT` frames without their text columns (see `_batches`)."""
        parts: dict[str, list[pd.DataFrame]] = {name: [] for name in frames.PER_DOCUMENT}
        with frames.system_allocated():
            for framed in self._batches():
                for name, frame in framed.items():
                    parts[name].append(frame)
            return {name: frames.join(name, parts.pop(name)) for name in frames.PER_DOCUMENT}

    @property
    def unframed(self) -> bool:
        """Whether none of the `frames.PER_DOCUMENT` frames is made, given or assigned yet:
        then `stream_per_document` can make them without holding them all."""
        made = self.__dict__.keys() & {"_tables", *(f"_frame_{n}" for n in frames.PER_DOCUMENT)}
        return not made and not self._assigned & set(frames.PER_DOCUMENT)

    def stream_per_document(self, write: Callable[[str, pd.DataFrame], object]) -> None:
        """Hand each `frames.PER_DOCUMENT` frame to ``write(name, part)`` in parts, one per
        batch of documents, each with its text column (the parts in turn are the frame that
        the attribute gives), and keep only the frames others are computed from (`SOURCES`),
        so that memory never holds every per-document frame of a large corpus. The frames not
        kept are made again, all together, if asked for (as after `forget`)."""
        keep = {source for sources in SOURCES.values() for source in sources}
        parts: dict[str, list[pd.DataFrame]] = {n: [] for n in frames.PER_DOCUMENT if n in keep}
        with frames.system_allocated():
            for framed in self._batches():
                for name, frame in framed.items():
                    write(name, frames.with_text(name, frame, self.text))
                    if name in parts:
                        parts[name].append(frame)
            self._tables = {name: frames.join(name, frame) for name, frame in parts.items()}

    def _table(self, name: str) -> pd.DataFrame:
        """One of the `frames.PER_DOCUMENT` frames; when it was forgotten, all of them are
        made again (they are made together, from the analysed documents)."""
        if name not in self._tables:
            del self.__dict__["_tables"]
        return self._tables[name]

    def forget(self, name: str) -> None:
        """Drop the frame ``name`` from memory (`nzdprk.export.export_corpus` does once it is
        written and no frame still to be written is computed from it); asked for again, it is
        computed again. A frame assigned by hand is kept."""
        if name in self._assigned:
            return
        self.__dict__.pop(f"_frame_{name}", None)
        tables = self.__dict__.get("_tables", {})
        if name in tables:
            self._tables = {n: frame for n, frame in tables.items() if n != name}
        if name in ("events", "event_participants"):
            self.__dict__.pop("_keyed_participants", None)

    def _kept(self, name: str) -> pd.DataFrame:
        """Frame ``name`` as the corpus keeps it (computed on first use), without its text
        column: not to be changed, only read."""
        key = f"_frame_{name}"
        if key not in self.__dict__:
            self.__dict__[key] = _BUILDS[name](self)
        return self.__dict__[key]

    def _read(self, name: str, columns: Iterable[str]) -> pd.DataFrame:
        """The ``columns`` of frame ``name`` (those it has) for a frame computed from it: a
        selection of the kept frame, not a copy of the whole one with its text column."""
        kept = self._kept(name)
        return kept[[c for c in columns if c in kept.columns]]

    @_frame_property
    def documents(self) -> pd.DataFrame:
        return self._table("documents")

    @_frame_property
    def sentences(self) -> pd.DataFrame:
        return self._table("sentences")

    @_frame_property
    def sections(self) -> pd.DataFrame:
        return self._table("sections")

    @_frame_property
    def infobox(self) -> pd.DataFrame:
        return self._table("infobox")

    @_frame_property
    def dates(self) -> pd.DataFrame:
        return self._table("dates")

    @_frame_property
    def amounts(self) -> pd.DataFrame:
        return self._table("amounts")

    @_frame_property
    def aid_flows(self) -> pd.DataFrame:
        return self._table("aid_flows")

    @_frame_property
    def events(self) -> pd.DataFrame:
        return self._table("events")

    @_frame_property
    def event_participants(self) -> pd.DataFrame:
        return self._table("event_participants")

    @_frame_property
    def claims(self) -> pd.DataFrame:
        return self._table("claims")

    @_frame_property
    def mentions(self) -> pd.DataFrame:
        return self._table("mentions")

    @_frame_property
    def unresolved_names(self) -> pd.DataFrame:
        return self._table("unresolved_names")

    @_frame_property
    def actors(self) -> pd.DataFrame:
        return frames.actors(self.mentions)

    @_frame_property
    def actor_aliases(self) -> pd.DataFrame:
        return frames.actor_aliases()

    @_frame_property
    def offices(self) -> pd.DataFrame:
        return frames.offices()

    @_frame_property
    def claim_comparisons(self) -> pd.DataFrame:
        from .agreement import READS, compare_claims

        frame = compare_claims(
            self._read("events", READS["events"]),
            self._read("aid_flows", READS["aid_flows"]),
            participants=self._keyed_participants,
            documents=self._read("documents", READS["documents"]),
        )
        return cast_frame(frame, "claim_comparisons")

    @cached_property
    def _keyed_participants(self) -> pd.DataFrame:
        return keyed_participants(
            self.event_participants, self._read("events", ("event_id", "action"))
        )

    @_frame_property
    def facts(self) -> pd.DataFrame:
        from .agreement import READS, summarise_facts

        frame = summarise_facts(
            self._read("events", READS["events"]),
            self._kept("claim_comparisons"),
            self._read("aid_flows", READS["aid_flows"]),
            documents=self._read("documents", READS["documents"]),
        )
        return cast_frame(frame, "facts")

    @_frame_property
    def problems(self) -> pd.DataFrame:
        return frames.problems(self._problems)

    @property
    def problem_list(self) -> list[Problem]:
        """The problems as objects (path, severity, message, line), in the order found."""
        return list(self._problems)

    def frames(self) -> dict[str, pd.DataFrame]:
        """Every frame by name, in the schema's order (what ``nzdprk export`` writes).

        The frames computed from other frames (`SOURCES`) are made first, before any frame is
        handed out, so that memory never holds what their making needs on top of every
        frame handed out with its quotes."""
        with frames.system_allocated():
            for name in SOURCES:
                self._kept(name)
        return {name: getattr(self, name) for name in FRAMES}


def require_documents(corpus: Corpus) -> None:
    """Raise :class:`NoDocumentsError` if the corpus has no documents."""
    if not corpus.docs:
        raise NoDocumentsError(
            [Problem(str(corpus.root), "error", "no document could be read from this folder")]
        )


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
    tables = None
    if jobs != 1 or progress:
        from .pool import frame_all

        tables = frame_all(docs, catalogue, jobs=jobs, progress=progress)
    return Corpus(docs, problems, root, catalogue, tables=tables)


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
    problems = catalogue_problems + problems + check_catalogue(docs, catalogue) + work
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
