"""Files to documents: decode a file, tell its kind from the text and hand it to that kind's
handler; read a whole folder, collecting every problem."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

from . import encyclopedia, news, press_release
from .records import Document, NoDocumentsError, Problem, normalise_text
from .walk import find_files

#: Control characters (Unicode category Cc) other than the ordinary white space.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_UTF16_32_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff", b"\xff\xfe", b"\xfe\xff")


def read_document(path: Path, *, root: Path) -> tuple[Document | None, list[Problem]]:
    """Read one file. Returns the document (or None if it cannot be used) and its problems."""
    rel = path.relative_to(root).as_posix()
    try:
        data = path.read_bytes()
    except OSError as exc:
        return None, [Problem(rel, "error", f"cannot be read ({exc.strerror or exc})")]
    text, problem = _decode(data, rel)
    if problem:
        return None, [problem]
    assert text is not None
    if not text.strip():
        return None, [Problem(rel, "error", "empty file: there is no text to read")]
    doc_id = rel.rsplit(".", 1)[0] if "." in Path(rel).name else rel
    sha = hashlib.sha256(data).hexdigest()
    problems: list[Problem] = []
    if text.startswith("\ufeff"):
        boms = len(text) - len(text.lstrip("\ufeff"))
        text = text[boms:]
        problems.append(
            Problem(
                rel,
                "warning",
                f"starts with {boms + 1} byte-order marks; the extra ones are dropped",
                1,
            )
        )
    if press_release.detect(text):
        doc, found = press_release.load(text, doc_id=doc_id, rel=rel, sha=sha)
        return doc, problems + found
    if (warning := press_release.false_opening(text, rel)) is not None:
        problems.append(warning)
    if encyclopedia.detect(text):
        return encyclopedia.load(text, doc_id=doc_id, rel=rel, sha=sha), problems
    return news.load(text, doc_id=doc_id, rel=rel, sha=sha), problems


def _decode(data: bytes, rel: str) -> tuple[str | None, Problem | None]:
    if data.startswith(_UTF16_32_BOMS):
        encoding = "UTF-32" if data[:4] in _UTF16_32_BOMS[:2] else "UTF-16"
        return None, Problem(
            rel,
            "error",
            f"not a text file in UTF-8: it starts with a {encoding} byte-order mark; "
            "re-save the file as UTF-8",
        )
    if b"\x00" in data:
        return None, Problem(rel, "error", "not a text file (it contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        bad = data[exc.start : exc.start + 1].hex()
        return None, Problem(
            rel,
            "error",
            f"not UTF-8: byte 0x{bad} at byte offset {exc.start} cannot be decoded; "
            "re-save the file as UTF-8",
            line,
        )
    controls = len(_CONTROL.findall(text, 0, 8192))
    if controls > max(8, len(text[:8192]) // 100):
        return None, Problem(rel, "error", "not a text file (too many control characters)")
    return normalise_text(text), None


def read_corpus(
    root: Path, pattern: str = "*.txt", *, follow_symlinks: bool = False
) -> tuple[list[Document], list[Problem]]:
    """Read every document below ``root``; problems of all files are collected, none raised.
    See `find_files` for which files are read, and how symbolic links are treated."""
    files, problems = corpus_files(root, pattern, follow_symlinks=follow_symlinks)
    documents, found = keep_unique(read_document(path, root=root) for path in files)
    return documents, problems + found


def corpus_files(
    root: Path, pattern: str = "*.txt", *, follow_symlinks: bool = False
) -> tuple[list[Path], list[Problem]]:
    """The files `read_corpus` reads, and the problems of listing them; a missing folder, or a
    file given for one, raises `NoDocumentsError`."""
    if root.exists() and not root.is_dir():
        raise NoDocumentsError([Problem(str(root), "error", "is a file, not a corpus folder")])
    if not root.is_dir():
        raise NoDocumentsError([Problem(str(root), "error", "corpus folder does not exist")])
    files, problems = find_files(root, pattern, follow_symlinks=follow_symlinks)
    if not files:
        problems.append(
            Problem(
                str(root.name or root),
                "warning",
                f"no files matching {pattern!r} in the corpus folder",
            )
        )
    return files, problems


def keep_unique(
    read: Iterable[tuple[Document | None, list[Problem]]],
) -> tuple[list[Document], list[Problem]]:
    """The documents read (in file order) without a second one of the same doc_id, and the
    problems of every file; a text read twice is kept, with a warning."""
    documents: list[Document] = []
    problems: list[Problem] = []
    ids: dict[str, str] = {}
    seen: dict[str, str] = {}
    for doc, found in read:
        problems.extend(found)
        if doc is None:
            continue
        if doc.doc_id in ids:
            problems.append(
                Problem(
                    doc.path,
                    "error",
                    f"its doc_id {doc.doc_id!r} is already that of {ids[doc.doc_id]}; not read "
                    "(rename one of the two files)",
                )
            )
            continue
        ids[doc.doc_id] = doc.path
        text_hash = hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
        if text_hash in seen:
            problems.append(
                Problem(doc.path, "warning", f"same text as {seen[text_hash]}; both are kept")
            )
        seen.setdefault(text_hash, doc.path)
        documents.append(doc)
    return documents, problems
