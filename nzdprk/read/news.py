"""News items: any text that is neither a press release nor an encyclopedia article (plain prose,
no metadata); detected last, by elimination."""

from __future__ import annotations

from .records import Document


def load(text: str, *, doc_id: str, rel: str, sha: str) -> Document:
    """The item as it is: no title, no date, the whole text as its body."""
    return Document(doc_id, rel, "news_article", text, file_sha256=sha)
