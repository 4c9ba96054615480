"""The records the reader makes: `Document`, its `Published` date, and the `Problem`s and errors
it reports."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with one input file. ``severity="error"`` means the file was skipped."""

    path: str
    severity: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}, line {self.line}" if self.line is not None else self.path
        return f"{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class Published:
    """The publication date as the document states it (see ``dates`` for the when-block)."""

    text: str | None = None
    edtf: str | None = None
    earliest: dt.date | None = None
    latest: dt.date | None = None
    precision: str | None = None
    resolution: str = "unresolved"


@dataclass(frozen=True, slots=True)
class Document:
    """A source document: metadata from its front matter or title line, and its body text."""

    doc_id: str
    path: str
    doc_type: str
    text: str
    title: str | None = None
    url: str | None = None
    ministers: tuple[str, ...] = ()
    portfolios: tuple[str, ...] = ()
    published: Published = field(default_factory=Published)
    front_matter: dict[str, Any] = field(default_factory=dict)
    file_sha256: str = ""
    publisher: str | None = None  # issuing body named by the corpus catalogue, if any


class CorpusError(Exception):
    """Raised in strict mode: the message lists every problem found, one per line."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = list(problems)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"{len(self.problems)} problem(s) in the corpus:\n{lines}")


class NoDocumentsError(CorpusError):
    """There is no document to read: the folder is missing, is a file, or holds none."""

    def __str__(self) -> str:
        return "; ".join(str(p) for p in self.problems)


def normalise_text(text: str) -> str:
    """LF line endings and NFC, applied once so that offsets stay valid everywhere."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
