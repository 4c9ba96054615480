"""The optional ``catalogue.csv`` of a corpus folder: what it says of each file (publisher,
licence, origin URL, sha256), read as evidence, never required."""

from __future__ import annotations

import csv
import os
from dataclasses import replace
from pathlib import Path

from .records import Document, Problem

CATALOGUE = "catalogue.csv"


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


def check_catalogue(docs: list[Document], catalogue: dict[str, dict[str, str]]) -> list[Problem]:
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


def catalogued(doc: Document, catalogue: dict[str, dict[str, str]]) -> Document:
    """The document with what the corpus's catalogue says of its file: its publisher, and its
    origin URL when the front matter gives none."""
    return _catalogued(doc, catalogue.get(doc.path, {}))


def known(value: str | None) -> str | None:
    """A catalogue value, or None when it is empty or says "unknown"."""
    return None if not value or value.strip().lower() == "unknown" else value.strip()


def _catalogued(doc: Document, row: dict[str, str]) -> Document:
    """The document with the catalogue's publisher, and its origin URL when the front matter
    gives none (evidence of who publishes it, e.g. for the currency of a bare "$")."""
    url = doc.url or row.get("origin_url") or None
    return replace(doc, url=url, publisher=known(row.get("publisher")))
