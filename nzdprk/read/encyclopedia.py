"""Encyclopedia articles: a file whose first non-blank line is a wiki title (``= Title =``)."""

from __future__ import annotations

from .records import Document


def _wiki_title(text: str) -> str | None:
    """The title of a first non-blank line ``= Title =``, else None. A scan of that one line
    (no regex backtracking), so a long first line costs time in proportion to its length."""
    body = text.lstrip()
    newline = body.find("\n")
    line = body if newline < 0 else body[:newline]
    close = line.find("=", 1)
    if not line.startswith("=") or close < 2 or line[close + 1 :].strip(" \t"):
        return None
    return line[1:close].strip()


def detect(text: str) -> bool:
    """Whether the text opens with a wiki title line."""
    return _wiki_title(text) is not None


def load(text: str, *, doc_id: str, rel: str, sha: str) -> Document:
    """The article: its title from the title line, the whole text as its body."""
    return Document(
        doc_id, rel, "encyclopedia_article", text, title=_wiki_title(text), file_sha256=sha
    )
