"""`load_corpus()` and the `Corpus` object: documents in, tidy frames out."""

from __future__ import annotations

import csv
import hashlib
import warnings
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from . import text as seg
from .read import CorpusError, Document, Problem, front_matter_json, read_corpus
from .schema import DOC_TYPE, FRAMES, cast_frame

if TYPE_CHECKING:
    import pandas as pd

CATALOGUE = "catalogue.csv"


class CorpusWarning(UserWarning):
    """Some input files were skipped or partly read; see ``Corpus.problems``."""


def bundled_seeds() -> Path:
    """The project's own five source documents (``seeds/`` beside the package)."""
    path = Path(__file__).resolve().parent.parent / "seeds"
    if not path.is_dir():
        raise FileNotFoundError(
            "the bundled seeds/ folder was not found next to the nzdprk package; install the "
            "package from a checkout with `pip install -e .` or pass a folder: load_corpus('DIR')"
        )
    return path


@dataclass(frozen=True, slots=True)
class _Segmented:
    blocks: list[seg.Block]
    sentences: list[tuple[int, int, int, str | None]]  # start, end, paragraph, section
    sections: list[seg.Section]


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
    ):
        self.docs = docs
        self._problems = problems
        self.root = root
        self.catalogue = catalogue

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
    def _segmented(self) -> dict[str, _Segmented]:
        out = {}
        for doc in self.docs:
            blocks = seg.blocks(doc.text, doc.doc_type)
            sections = seg.sections(doc.text, doc.doc_type)
            sentences = []
            for paragraph, block in enumerate((b for b in blocks if b.kind == "prose"), start=1):
                section = next(
                    (s.heading for s in reversed(sections) if s.char_start <= block.char_start),
                    None,
                )
                for start, end in seg.split_sentences(doc.text, block.char_start, block.char_end):
                    sentences.append((start, end, paragraph, section))
            out[doc.doc_id] = _Segmented(blocks, sentences, sections)
        return out

    @cached_property
    def documents(self) -> pd.DataFrame:
        import pandas as pd

        rows = []
        for doc in self.docs:
            cat = self.catalogue.get(doc.path, {})
            pub = doc.published
            note = None
            if pub.edtf is not None:
                note = "front-matter date field"
            elif pub.text is not None:
                note = f"front-matter date {pub.text!r} is not a date"
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
                    "published_resolution": pub.resolution,
                    "published_note": note,
                    "is_dated": pub.edtf is not None,
                    "front_matter_json": front_matter_json(doc.front_matter),
                    "n_chars": len(doc.text),
                    "n_sentences": len(self._segmented[doc.doc_id].sentences),
                    "text_sha256": hashlib.sha256(doc.text.encode("utf-8")).hexdigest(),
                    "file_sha256": doc.file_sha256,
                    "text": doc.text,
                }
            )
        return cast_frame(pd.DataFrame(rows, columns=FRAMES["documents"].names), "documents")

    @cached_property
    def sentences(self) -> pd.DataFrame:
        import pandas as pd

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
                self._segmented[doc.doc_id].sentences, start=1
            )
        ]
        return cast_frame(pd.DataFrame(rows, columns=FRAMES["sentences"].names), "sentences")

    @cached_property
    def sections(self) -> pd.DataFrame:
        import pandas as pd

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
            for i, s in enumerate(self._segmented[doc.doc_id].sections)
        ]
        return cast_frame(pd.DataFrame(rows, columns=FRAMES["sections"].names), "sections")

    @cached_property
    def infobox(self) -> pd.DataFrame:
        import pandas as pd

        rows = [
            {
                "doc_id": doc.doc_id,
                "key": b.key,
                "char_start": b.value_start,
                "char_end": b.value_end,
                "value": doc.text[b.value_start : b.value_end],
            }
            for doc in self.docs
            for b in self._segmented[doc.doc_id].blocks
            if b.kind == "infobox"
        ]
        return cast_frame(pd.DataFrame(rows, columns=FRAMES["infobox"].names), "infobox")

    @cached_property
    def problems(self) -> pd.DataFrame:
        import pandas as pd

        rows = [
            {"path": p.path, "line": p.line, "severity": p.severity, "message": p.message}
            for p in self._problems
        ]
        return cast_frame(pd.DataFrame(rows, columns=FRAMES["problems"].names), "problems")

    @property
    def problem_list(self) -> list[Problem]:
        """The problems as objects (path, severity, message, line), in the order found."""
        return list(self._problems)

    def frames(self) -> dict[str, pd.DataFrame]:
        """Every frame by name, in the schema's order (what ``nzdprk export`` writes)."""
        return {name: getattr(self, name) for name in FRAMES}


def _known(value: str | None) -> str | None:
    return None if not value or value.strip().lower() == "unknown" else value.strip()


def read_catalogue(root: Path) -> tuple[dict[str, dict[str, str]], list[Problem]]:
    """The optional ``catalogue.csv`` of a corpus folder: file -> publisher, licence, origin..."""
    path = root / CATALOGUE
    if not path.is_file():
        return {}, []
    try:
        with path.open(newline="", encoding="utf-8-sig") as f:
            rows = list(csv.DictReader(f))
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
    path: str | Path | None = None, *, strict: bool = False, pattern: str = "*.txt"
) -> Corpus:
    """Read a folder of documents (default: the bundled seeds) into a :class:`Corpus`.

    Files that cannot be read are skipped and listed in ``corpus.problems`` with one
    ``CorpusWarning`` for all of them; with ``strict=True`` a :class:`CorpusError` naming
    every problem is raised instead.
    """
    root = Path(path) if path is not None else bundled_seeds()
    docs, problems = read_corpus(root, pattern)
    catalogue, cat_problems = read_catalogue(root)
    problems = cat_problems + problems + _check_catalogue(docs, catalogue)
    if problems and strict:
        raise CorpusError(problems)
    if problems:
        errors = sum(p.severity == "error" for p in problems)
        warnings.warn(
            f"{root.name or root}: {errors} file(s) skipped, {len(problems) - errors} warning(s); "
            "see corpus.problems",
            CorpusWarning,
            stacklevel=2,
        )
    return Corpus(docs, problems, root, catalogue)
