"""Split a document body into blocks (title, headings, infobox, list items, prose paragraphs)
and prose into sentences, keeping exact character offsets: ``text[start:end]`` is always the
unit itself, with no surrounding white space."""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Words after which a full stop does not end a sentence (lower-cased, without the stop).
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "rev",
        "prof",
        "st",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "maj",
        "cpl",
        "adm",
        "hon",
        "rt",
        "jr",
        "sr",
        "no",
        "nos",
        "vol",
        "co",
        "corp",
        "inc",
        "ltd",
        "vs",
        "etc",
        "approx",
        "est",
        "fig",
        "al",
        "e.g",
        "i.e",
        "u.s",
        "u.n",
        "u.k",
        "n.z",
        "d.p.r.k",
        "a.m",
        "p.m",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)

_HEADING = re.compile(r"^(?P<eq>={1,6})[ \t]*(?P<title>[^=\n]*?)[ \t]*(?P=eq)[ \t]*$")
_LIST_ITEM = re.compile(r"^[ \t]*[-*•][ \t]+")
_INFOBOX_START = re.compile(r"^[ \t]*Infobox\b.*$")
_KEY_VALUE = re.compile(r"^[ \t]*-[ \t]*(?P<key>[^:\n]+?)[ \t]*:[ \t]*(?P<value>.*?)[ \t]*$")
# A sentence can end after . ! ? (and closing quotes/brackets); the next sentence starts with
# an upper-case letter, a digit or an opening quote/bracket, after white space or, as in some
# press releases, straight after a closing stop ('.“A small delegation').
_BOUNDARY = re.compile(
    r"""(?P<stop>[.!?]+)(?P<close>["'”’)\]]*)(?P<gap>\s+|(?=[“‘"]\s*[A-Z]))(?=[“‘"'(\[]*[A-Z0-9])"""
)


@dataclass(frozen=True, slots=True)
class Block:
    """A line-level unit of a document: ``kind`` is title, heading, infobox, list_item or prose."""

    kind: str
    char_start: int
    char_end: int
    level: int = 0
    key: str | None = None
    value_start: int | None = None
    value_end: int | None = None


@dataclass(frozen=True, slots=True)
class Section:
    """A titled stretch of an encyclopedia article (the lead has heading None, level 1)."""

    heading: str | None
    level: int
    char_start: int
    char_end: int


def blocks(text: str, doc_type: str) -> list[Block]:
    """Classify each non-blank line. Wiki markup is only read in encyclopedia articles."""
    out: list[Block] = []
    wiki = doc_type == "encyclopedia_article"
    in_infobox = False
    pos = 0
    for raw in text.split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        stripped = raw.strip()
        if not stripped:
            in_infobox = False
            continue
        s = start + (len(raw) - len(raw.lstrip()))
        e = start + len(raw.rstrip())
        heading = _HEADING.match(raw) if wiki else None
        if heading:
            level = len(heading["eq"])
            kind = "title" if level == 1 and not out else "heading"
            out.append(Block(kind, s, e, level=level))
            in_infobox = False
        elif wiki and _INFOBOX_START.match(raw):
            in_infobox = True
        elif in_infobox and (kv := _KEY_VALUE.match(raw)):
            out.append(
                Block(
                    "infobox",
                    s,
                    e,
                    key=kv["key"],
                    value_start=start + kv.start("value"),
                    value_end=start + kv.end("value"),
                )
            )
        elif _LIST_ITEM.match(raw):
            out.append(Block("list_item", s, e))
        else:
            in_infobox = False
            out.append(Block("prose", s, e))
    return out


def sections(text: str, doc_type: str) -> list[Section]:
    """Sections of an encyclopedia article, from its headings; other documents have one."""
    heads = [b for b in blocks(text, doc_type) if b.kind == "heading"]
    out = [Section(None, 1, 0, heads[0].char_start if heads else len(text))]
    for i, head in enumerate(heads):
        end = heads[i + 1].char_start if i + 1 < len(heads) else len(text)
        title = _HEADING.match(text[head.char_start : head.char_end])
        out.append(Section(title["title"] if title else None, head.level, head.char_start, end))
    return [s for s in out if s.char_end > s.char_start]


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]`` (one paragraph), trimmed of white space."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    begin = start
    for m in _BOUNDARY.finditer(text, start, end):
        if m.group("stop") == "." and _is_abbreviation(text, begin, m.start()):
            continue
        cut = m.end("close")
        if cut > begin:
            spans.append((begin, cut))
        begin = m.end()
    if begin < end:
        spans.append((begin, end))
    return [t for s, e in spans if (t := _trim(text, s, e))]


def _is_abbreviation(text: str, begin: int, stop: int) -> bool:
    """True when the word before a full stop is a known abbreviation or a single initial."""
    word = re.search(r"([\w.]+)$", text[begin:stop])
    if not word:
        return False
    token = word.group(1).lower()
    return token in ABBREVIATIONS or (
        len(token) == 1 and token.isalpha() and token.isascii() and text[stop - 1].isupper()
    )


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None
