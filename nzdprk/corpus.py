"""`load_corpus()` and the `Corpus` object: documents in, tidy frames out."""

from __future__ import annotations

import bisect
import warnings
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__, frames
from .claims import actor_table, keyed_participants
from .claims.rows import RowColumns, document_rows
from .extract import Analysis, analyse, work_problems
from .frames import amount_id
from .frames import frame as _frame
from .frames import when_columns as _when_columns
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


def _frame_property(build: Callable[[Corpus], pd.DataFrame]) -> property:
    """A frame of the corpus: computed once, on first use, and handed out as a new copy on
    every access, so that editing it never changes what the corpus returns later. Its
    docstring is the frame's description in `nzdprk.schema`. Assigning a frame replaces it for
    this corpus (a reading made by hand, to be scored by `nzdprk.evaluate`); the frames
    computed from it are not computed again."""
    name = build.__name__
    key = f"_frame_{name}"

    def get(self: Corpus) -> pd.DataFrame:
        if key not in self.__dict__:
            self.__dict__[key] = build(self)
        return self.__dict__[key].copy()

    def put(self: Corpus, frame: pd.DataFrame) -> None:
        self.__dict__[key] = frame.copy()

    doc = f"{FRAMES[name].description} Columns: docs/data-dictionary.md. A copy on each access."
    return property(get, put, doc=doc)


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

    @_frame_property
    def documents(self) -> pd.DataFrame:
        return frames.documents(self.docs, self._analysed, self.catalogue)

    @_frame_property
    def sentences(self) -> pd.DataFrame:
        return frames.sentences(self.docs, self._analysed)

    @_frame_property
    def sections(self) -> pd.DataFrame:
        return frames.sections(self.docs, self._analysed)

    @_frame_property
    def infobox(self) -> pd.DataFrame:
        return frames.infobox(self.docs, self._analysed)

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

    @_frame_property
    def dates(self) -> pd.DataFrame:
        return frames.dates(self.docs, self._analysed, self._sentence_id)

    @_frame_property
    def amounts(self) -> pd.DataFrame:
        return frames.amounts(self.docs, self._analysed, self._sentence_id)

    @cached_property
    def _event_rows(self) -> tuple[list[dict], list[dict], list[dict], list[dict]]:
        """Rows of events, event_participants, claims and aid_flows (see `claims.rows`)."""
        table = actor_table()
        out: tuple[list[dict], list[dict], list[dict], list[dict]] = ([], [], [], [])
        columns = RowColumns(when_columns=_when_columns, amount_id=amount_id, version=__version__)
        for doc in self.docs:
            rows = document_rows(
                doc.doc_id,
                doc.text,
                self._analysed[doc.doc_id],
                table,
                lambda at, d=doc.doc_id: self._sentence_id(d, at),
                columns,
            )
            for into, part in zip(out, rows, strict=True):
                into += part
        return out

    @_frame_property
    def aid_flows(self) -> pd.DataFrame:

        rows = self._event_rows[3]
        return _frame("aid_flows", rows)

    @_frame_property
    def events(self) -> pd.DataFrame:

        rows = self._event_rows[0]
        return _frame("events", rows)

    @_frame_property
    def event_participants(self) -> pd.DataFrame:

        rows = self._event_rows[1]
        return _frame("event_participants", rows)

    @_frame_property
    def claims(self) -> pd.DataFrame:

        rows = self._event_rows[2]
        return _frame("claims", rows)

    @_frame_property
    def mentions(self) -> pd.DataFrame:
        return frames.mentions(self.docs, self._analysed)

    @_frame_property
    def unresolved_names(self) -> pd.DataFrame:
        return frames.unresolved_names(self.docs, self._analysed)

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
        from .agreement import compare_claims

        frame = compare_claims(
            self.events,
            self.aid_flows,
            participants=self._keyed_participants,
            documents=self.documents,
        )
        return cast_frame(frame, "claim_comparisons")

    @cached_property
    def _keyed_participants(self) -> pd.DataFrame:
        return keyed_participants(self.event_participants, self.events)

    @_frame_property
    def facts(self) -> pd.DataFrame:
        from .agreement import summarise_facts

        frame = summarise_facts(
            self.events, self.claim_comparisons, self.aid_flows, documents=self.documents
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
        """Every frame by name, in the schema's order (what ``nzdprk export`` writes)."""
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
    analyses = None
    if jobs != 1 or progress:
        from .pool import analyse_all

        analyses = analyse_all(docs, jobs=jobs, progress=progress)
    return Corpus(docs, problems, root, catalogue, analyses)


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
