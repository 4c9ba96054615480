"""Names the curated aliases do not give: back-references, organisations a text defines,
persons from cues, and every other name-like span, reported unresolved."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from functools import cache, lru_cache
from typing import NamedTuple

from .keys import _TOKEN, _case_fits, _shape, _slug, alias_key
from .tables import Mention, UnresolvedName, _Index, _lookup
from .words import (
    _ADMINISTRATION,
    _CONNECTORS,
    _IN_PARENS,
    _NAME_CONNECTORS,
    _NOT_PERSON,
    _ORDINARY,
    _ORG_HEADS,
    _PARENS_AFTER,
    _ROLES,
    _SAID_AFTER,
    _SAID_BEFORE,
    _THE_BEFORE,
    _TITLE_BEFORE,
    _TITLE_CONNECTORS,
    _TITLES,
    _family,
    _is_title,
    _joined,
    _korean,
    _name_like,
    _not_a_name,
    _sentence_initial,
    _Tok,
)

#: How far back the word before a name is looked for: one title and its full stop.
_TITLE_WORD_REACH = 30
#: How far back a title phrase is looked for: a title, "of the" and up to three words
#: ("Minister of Foreign Affairs, "), the longest `_TITLE_BEFORE` matches in practice.
_TITLE_REACH = 60
#: How far back a verb of saying is looked for: "according to" and its spaces.
_SAID_REACH = 20
#: How far forward the rest of a name's clause is read: longer than the clauses of the sources
#: and the dev set after a name (the clause ends at the first stop anyway).
_CLAUSE_REACH = 200


def _back_references(
    text: str, free: list[_Tok], named: list[Mention], index: _Index, known: frozenset[str]
) -> tuple[list[Mention], list[UnresolvedName]]:
    """Resolve family names and "the X" short forms against actors named earlier in full
    (or ``known`` beforehand, like the ministers who issue a release)."""
    mentions: list[Mention] = []
    unresolved: list[UnresolvedName] = []
    by_end = sorted(named, key=lambda m: m.char_end)
    earlier: set[str] = set(known)
    seen = 0
    for i in _may_refer_back(text, free, index.backref_words):
        tok = free[i]
        spans = [(tok.start, tok.stem_end)]
        after_the = i > 0 and free[i - 1].word.lower() == "the"
        if after_the and _joined(text, free[i - 1], tok):
            spans.insert(0, (free[i - 1].start, tok.stem_end))
        for start, end in spans:
            entries = [
                e
                for e in index.backref.get(alias_key(text[start:end]), ())
                if _case_fits(e.required, e.cased, _shape(text[start:end])[0])
            ]
            if not entries or not _stands_alone(text, free, i, start):
                continue
            while seen < len(by_end) and by_end[seen].char_end <= start:
                earlier.add(by_end[seen].actor_id)
                seen += 1
            ids = sorted({e.actor_id for e in entries} & earlier)
            if len(ids) == 1:
                how = "title_form" if _prev_title(text, start) else "back_reference"
                kind = next(e.kind for e in entries if e.actor_id == ids[0])
                mentions.append(Mention(ids[0], text[start:end], start, end, how, "actor", kind))
            elif ids:
                unresolved.append(UnresolvedName(text[start:end], start, end, "ambiguous"))
            elif not _sentence_initial(text, start):
                unresolved.append(UnresolvedName(text[start:end], start, end, "no antecedent"))
            break
    return mentions, unresolved


def _may_refer_back(text: str, free: list[_Tok], words: frozenset[str]) -> list[int]:
    """The tokens that may have a short form's key, alone or after "the": a cheap test on each
    token's piece (its stem is a word of a short form) that spares most words the lookups of
    :func:`_back_references`. A joined "the X" is keyed "the " + X's key whatever space or
    hyphen joins them (each folds to one space or splits the words). Unsure tokens are kept:
    a word not plain ASCII (keyed whole there) or at the text's start (its stem may reach
    back past it)."""
    return [
        i
        for i, t in enumerate(free)
        if t.piece is None or t.piece.stem_folded in words or not t.start
    ]


def _prev_title(text: str, start: int) -> bool:
    match = re.search(r"(\w+)\.?[^\S\n]+$", text[max(0, start - _TITLE_WORD_REACH) : start])
    return bool(match and match.group(1) in _TITLES)


def _stands_alone(text: str, free: list[_Tok], i: int, start: int) -> bool:
    """A short form is not part of a longer unknown name ("Tim Peters", "Kim Jong-nam")."""
    tok = free[i]
    if i + 1 < len(free) and _joined(text, tok, free[i + 1]) and tok.end == tok.stem_end:
        following = free[i + 1].word
        if _name_like(following) and following not in _ORDINARY:
            return False
    before = re.search(r"(\w+)[^\S\n]+$", text[max(0, start - _TITLE_WORD_REACH) : start])
    return not (
        before and _name_like(before.group(1)) and before.group(1) not in _TITLES | _ORDINARY
    )


# ------------------------------------------------------------------------------------------
# Names defined in the text: "the Korean Peninsula Energy Development Organisation (KEDO)"


def _initials_name(text: str, toks: list[_Tok], acronym: str, *, forward: bool) -> _Tok | None:
    """The first or last token of the capitalised words whose initials spell ``acronym``,
    read backwards from the end of ``toks`` (``forward=False``) or onwards from its start."""
    order = toks if forward else toks[::-1]
    initials = ""
    for i, tok in enumerate(order):
        if i and not _joined(text, *(order[i - 1], tok) if forward else (tok, order[i - 1])):
            return None
        word = tok.word
        if word in _NAME_CONNECTORS:
            continue
        if not word[:1].isupper():
            return None
        initials = initials + word[0] if forward else word[0] + initials
        if initials == acronym:
            return tok if i else None
        if len(initials) >= len(acronym):
            return None
    return None


#: The two ways a text defines an acronym: "name (ACRONYM)", read backwards from the
#: parenthesis, and "ACRONYM (the name ...)", read onwards.
_DEFINITIONS = ((_IN_PARENS, False), (_PARENS_AFTER, True))


def _defined_organisations(
    text: str, toks: list[_Tok], named: list[Mention], taken: bytearray
) -> list[Mention]:
    """Organisations a text defines with an acronym, learnt for this text only: the full name
    (ending in a word such as Organisation, Forum, Agency) and every standalone use of the
    acronym become mentions of one actor, the curated one if either form is curated, else
    ``org:`` + the folded full name."""
    if "(" not in text:
        return []  # both definitions need a parenthesis: a quick test spares reading them
    found = [(m, forward) for p, forward in _DEFINITIONS for m in p.finditer(text)]
    if not found:
        return []  # most texts: nothing below is needed
    starts = [t.start for t in toks]
    out: list[Mention] = []
    # Looked up once, not re-read for every definition: the uses of each word (read at the
    # first definition), the curated mentions by span, and the acronyms learnt already
    # (their uses are all taken then).
    uses: dict[str, list[tuple[int, int]]] = {}
    by_span: dict[tuple[int, int], list[Mention]] = {}
    for m in named:
        by_span.setdefault((m.char_start, m.char_end), []).append(m)
    learnt: set[str] = set()
    for match, forward in found:
        acronym, reach = match.group(1), len(match.group(1)) * 2 + 2
        if forward:
            at = bisect_left(starts, match.end())
            near = toks[at : at + reach]
        else:
            at = bisect_left(starts, match.start())
            near = [t for t in toks[max(0, at - reach) : at] if t.end <= match.start()]
        edge = _initials_name(text, near, acronym, forward=forward)
        if edge is None:
            continue
        if forward:
            n_start, n_end = near[0].start, edge.end
        else:
            n_start, n_end = edge.start, near[-1].end
        if text[n_start:n_end].split()[-1] not in _ORG_HEADS:
            continue  # a defined term ("Official Development Assistance"), not a body
        if not uses:
            for t in toks:
                uses.setdefault(t.word, []).append((t.start, t.end))
        out += _learn(text, uses, by_span, learnt, taken, (n_start, n_end), match.span(1))
    return out


def _learn(
    text: str,
    uses: dict[str, list[tuple[int, int]]],
    by_span: dict[tuple[int, int], list[Mention]],
    learnt: set[str],
    taken: bytearray,
    name: tuple[int, int],
    acronym: tuple[int, int],
) -> list[Mention]:
    """Mentions of a defined organisation's name and of every use of its acronym."""
    curated = by_span.get(name, []) + (by_span.get(acronym, []) if acronym != name else [])
    if taken.find(1, *name) != -1 and taken.find(1, *acronym) != -1:
        return []
    if curated and (len(curated) > 1 or curated[0].kind == "person"):
        return []  # both forms curated, or a person's initials
    actor_id = curated[0].actor_id if curated else "org:" + _slug(text[name[0] : name[1]])
    kind = curated[0].kind if curated else "organisation"
    letters = text[acronym[0] : acronym[1]]
    again = letters in learnt
    learnt.add(letters)
    spans = [(name, "canonical")] + [
        (span, "abbreviation") for span in ([] if again else uses.get(letters, []))
    ]
    out = []
    for (start, end), how in spans:
        if taken.find(1, start, end) == -1:
            taken[start:end] = b"\x01" * (end - start)
            out.append(Mention(actor_id, text[start:end], start, end, how, "actor", kind))
    return out


class _Person(NamedTuple):
    at: int  # where it was named (-1: known beforehand)
    actor_id: str
    family: frozenset[str]


def _known_persons(persons: Sequence[str], index: _Index) -> dict[str, tuple[str | None, str]]:
    """Names known to be persons, by alias key: (curated id or None, id to use)."""
    out: dict[str, tuple[str | None, str]] = {}
    for name in persons:
        name = " ".join(name.split())
        if len(_TOKEN.findall(name)) < 2:
            continue
        entry = _lookup(index.direct, name)
        if entry is not None and entry.kind == "person":
            out[alias_key(name)] = (entry.actor_id, entry.actor_id)
        else:
            out[alias_key(name)] = (None, "person:" + _slug(name))
    return out


class _Candidate(NamedTuple):
    start: int
    end: int
    words: int
    titled: bool  # a title or honorific stands before it
    cued: bool  # a cue other than a title says it is a person
    acts: bool  # a verb follows ("Groser said", "Groser met")


_DIGIT = re.compile(r"\d")


def _run_indices(flags: list[bool], runs: list[list[int]]) -> Iterator[int]:
    """The indices a loop that builds ``runs`` must read: the flagged ones (words that may
    begin a run) and the one after the last run's last index (the only place an unflagged
    word may join). Read lazily, so the loop's additions to ``runs`` count; the indices
    between are skipped by ``list.index``, in C, as most words begin no run."""
    i, n = 0, len(flags)
    while i < n:
        if flags[i] or (runs and runs[-1][-1] == i - 1):
            yield i
            i += 1
        else:  # no run can end between here and the next flagged word
            try:
                i = flags.index(True, i)
            except ValueError:
                return


def _person_runs(text: str, free: list[_Tok]) -> list[list[int]]:
    """Runs of capitalised words (with "of", "the" and lowercase syllables after a hyphen,
    as in "Jong-un") joined by one space or hyphen."""
    runs: list[list[int]] = []
    for i in _run_indices([t.word[:1].isupper() for t in free], runs):
        tok = free[i]
        word = tok.word
        extends = bool(runs) and runs[-1][-1] == i - 1
        prev = free[i - 1]
        joined = extends and prev.end == prev.stem_end and _joined(text, prev, tok)
        if joined and text[tok.start - 1] in "-\u2010\u2011" and word.islower():
            runs[-1].append(i)
        elif word in _ORDINARY or _DIGIT.search(word):
            continue
        elif word[:1].isupper() or (joined and word in _TITLE_CONNECTORS):
            if joined:
                runs[-1].append(i)
            else:
                runs.append([i])
    return runs


def _person_candidates(text: str, free: list[_Tok]) -> list[_Candidate]:
    """Each run's name after its titles ("Secretary of State Condoleezza Rice" gives
    "Condoleezza Rice"), with the cues that make it a person's name. Attribution alone
    ("X said") does not make a person of a name whose later words the text also uses as
    common words."""
    out = []
    # "rights" makes "Human Rights Watch" a thing; read at the first name that needs it
    common = cache(lambda: frozenset(re.findall(r"\b[a-z]+\b", text)))
    for run in _person_runs(text, free):
        words = [text[free[i].start : free[i].stem_end] for i in run]
        # the name starts after the run's last title ("National MP Gerry Brownlee")
        k = next((j + 1 for j in range(len(run) - 2, -1, -1) if _is_title(words[j])), 0)
        titled = k > 0
        while k < len(run) and (
            _is_title(words[k])
            or words[k] in _TITLE_CONNECTORS
            or (titled and words[k] in _NOT_PERSON)  # "Secretary of State", "of the House"
        ):
            titled = titled or words[k] not in _TITLE_CONNECTORS
            k += 1
        end = next((j for j in range(k, len(run)) if words[j] in _TITLE_CONNECTORS), len(run))
        name = run[k:end]
        if not name or words[k].islower() or (k and words[k - 1] in _TITLE_CONNECTORS):
            continue  # "Minister for Pacific Peoples": a portfolio, not a name
        start, stop = free[name[0]].start, free[name[-1]].stem_end
        span = text[start:stop]
        pieces = [w for w in words[k:end] if w[:1].isupper()]
        if len(span.split()) > 4 or any(_not_a_name(w) for w in pieces):
            continue
        admin = bool(_ADMINISTRATION.match(text, stop))
        if _THE_BEFORE.search(text, max(0, start - 5), start) and not admin:
            continue
        titled = titled or bool(_TITLE_BEFORE.search(text, max(0, start - _TITLE_REACH), start))
        said = bool(_SAID_AFTER.match(text, stop)) or bool(
            _SAID_BEFORE.search(text, max(0, start - _SAID_REACH), start)
        )
        said = said or _subject_of_he(text, stop)
        n_words = len(span.split())
        spoken = said and not any(w.lower() in common() for w in pieces[1:])  # said, a name
        cued = admin or (n_words > 1 and (_korean(span) or spoken))
        acts = said or bool(_VERB_AFTER.match(text, stop))
        out.append(_Candidate(start, stop, n_words, titled, cued, acts))
    return out


_VERB_AFTER = re.compile(
    r"[^\S\n]+(?:has|had|was|is|became|met|went|made|took|gave|led|won|left|began|[a-z]+ed)\b"
)
_BECAME_ROLE = re.compile(
    rf"\b(?:is|was|became|becomes|served[^\S\n]+as)[^\S\n]+(?:the|a|an)[^\S\n]+"
    rf"(?:\S+[^\S\n]+){{0,4}}?(?:{_ROLES})\b",
    re.IGNORECASE,
)
_NEXT_HE = re.compile(r"[.!?][\"'”’)]*\s+(?:He|She|His|Her)\b")


def _subject_of_he(text: str, end: int) -> bool:
    """A name that is the subject of a verb and is taken up by "He" or "She" at the start of
    the next sentence ("Karim Dickie revisited Pyongyang ... He appeared"), or whose clause
    calls it a role ("... and became the first New Zealand journalist")."""
    if not _VERB_AFTER.match(text, end):
        return False
    clause = re.match(r"[^.;:!?\n]*", text[end : end + _CLAUSE_REACH]).group()
    if _BECAME_ROLE.search(clause):
        return True
    return bool(_NEXT_HE.match(text, end + len(clause)))


def _persons(
    text: str,
    free: list[_Tok],
    named: list[Mention],
    known: dict[str, tuple[str | None, str]],
) -> tuple[list[Mention], list[UnresolvedName]]:
    """Persons found from cues, each with the curated id when a curated person is meant, else
    ``person:`` + the folded name. A bare family name refers back to the one person named
    earlier (or known beforehand) with it; with two such persons it is ambiguous."""
    candidates = _person_candidates(text, free)
    established = {
        alias_key(text[c.start : c.end]) for c in candidates if c.words > 1 and (c.titled or c.cued)
    } | set(known)
    people = [_Person(-1, actor_id, _family(key)) for key, (_, actor_id) in known.items()]
    people += [
        _Person(m.char_start, m.actor_id, _family(m.text))
        for m in named
        if m.kind == "person" and m.alias_type not in ("short_form", "title_form", "back_reference")
    ]
    mentions: list[Mention] = []
    unresolved: list[UnresolvedName] = []
    for c in candidates:
        span, key = text[c.start : c.end], alias_key(text[c.start : c.end])
        if c.words > 1:
            if not (c.titled or c.cued or key in established):
                continue
            actor_id = known.get(key, (None, "person:" + _slug(span)))[1]
            mentions.append(Mention(actor_id, span, c.start, c.end, "canonical", "actor", "person"))
            people.append(_Person(c.start, actor_id, _family(span)))
            continue
        earlier = {p.actor_id for p in people if p.at < c.start and key in p.family}
        how = "title_form" if c.titled else "back_reference"
        if len(earlier) > 1:
            unresolved.append(UnresolvedName(span, c.start, c.end, "ambiguous"))
        elif earlier and (c.titled or c.acts or not _sentence_initial(text, c.start)):
            mentions.append(Mention(earlier.pop(), span, c.start, c.end, how, "actor", "person"))
        elif c.titled or c.cued:
            actor_id = "person:" + _slug(span)
            how = how if c.titled else "short_form"
            mentions.append(Mention(actor_id, span, c.start, c.end, how, "actor", "person"))
            people.append(_Person(c.start, actor_id, _family(span)))
    return mentions, unresolved


_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")


def _unknown_names(text: str, free: list[_Tok], index: _Index) -> list[UnresolvedName]:
    """Group leftover capitalised words into names and report each with a reason.

    A run joins capitalised words (plus "of", "for", "von"... and ordinals such as "38th"
    between them) separated by one space or hyphen; titles and connectors are trimmed from
    its ends. A lone capitalised word at the start of a sentence is taken as an ordinary word.
    """
    words = [t.word for t in free]
    runs: list[list[int]] = []
    syllables: set[int] = set()  # "chun" in "Park Ui-chun": part of the name, though lowercase
    for i in _run_indices(list(map(_run_word, words)), runs):
        word = words[i]
        extends = bool(runs) and runs[-1][-1] == i - 1
        joined = extends and _joined(text, free[i - 1], free[i])
        hyphened = text[free[i].start - 1] in "-\u2010\u2011"
        if joined and hyphened and len(runs[-1]) > 1 and word.islower():
            syllables.add(i)
            runs[-1].append(i)
        elif not _run_word(word):
            continue
        elif joined:
            runs[-1].append(i)
        else:
            runs.append([i])
    out = []
    for run in runs:
        while run and (words[run[0]] in _CONNECTORS or words[run[0]] in _TITLES):
            run = run[1:]
        while run and not (run[-1] in syllables or _is_name_word(words[run[-1]])):
            run = run[:-1]
        if not run:
            continue
        first, last = free[run[0]], free[run[-1]]
        name = text[first.start : last.stem_end]
        if len(run) == 1 and alias_key(name) in index.ambiguous_heads:
            out.append(UnresolvedName(name, first.start, last.stem_end, f"ambiguous: {name}"))
        elif len(run) > 1 or not _sentence_initial(text, first.start):
            out.append(UnresolvedName(name, first.start, last.stem_end, "no actor matches"))
    return out


@lru_cache(maxsize=16384)
def _run_word(word: str) -> bool:
    """A word that may stand in an unknown name's run: name-like, a connector or an ordinal,
    not an ordinary capitalised word. Cached: words recur in every text."""
    return word not in _ORDINARY and bool(
        _name_like(word) or word in _CONNECTORS or _ORDINAL.fullmatch(word)
    )


def _is_name_word(word: str) -> bool:
    return _name_like(word) and word not in _TITLES
