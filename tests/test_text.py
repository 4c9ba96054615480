"""Segmentation: blocks, sections and sentences keep exact offsets."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nzdprk.extract import analyse
from nzdprk.read import Document
from nzdprk.schema import CUE_KIND
from nzdprk.text import (
    CueIndex,
    _cue_filter,
    blocks,
    clauses,
    cue,
    cue_finditer,
    cue_index,
    cue_search,
    in_spans,
    quoted_spans,
    sections,
    split_sentences,
)


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_sentences_from_a_source_with_no_space_after_a_closing_quote():
    # 001: the release runs two quoted sentences together: '...North Korea.“A small delegation'
    text = (
        "However, we believe that we can achieve more by engagement than by isolating North "
        "Korea.“A small delegation led by Tony Browne will visit Pyongyang."
    )
    assert sentences(text) == [
        "However, we believe that we can achieve more by engagement than by isolating North Korea.",
        "“A small delegation led by Tony Browne will visit Pyongyang.",
    ]


def test_abbreviations_and_initials_do_not_end_a_sentence():
    # 000: 'the U.N. Security Council'; a sentence of ours with titles and an initial.
    assert sentences(
        'Clark also said "it will back whatever measures the U.N. Security Council '
        'decides on". He agreed.'
    ) == [
        'Clark also said "it will back whatever measures the U.N. Security Council decides on".',
        "He agreed.",
    ]
    assert sentences("Mr. Smith met Dr. J. Kim in St. Louis. They spoke.") == [
        "Mr. Smith met Dr. J. Kim in St. Louis.",
        "They spoke.",
    ]


def test_quotes_closing_after_the_stop_stay_with_their_sentence():
    text = '"The window existed then," Peters said. "It is never too late." Talks ended.'
    assert sentences(text) == [
        '"The window existed then," Peters said.',
        '"It is never too late."',
        "Talks ended.",
    ]


def test_an_ellipsis_inside_a_quote_does_not_split():
    text = '"representing all New Zealanders ... looking forward to friendship." He left.'
    assert sentences(text) == [
        '"representing all New Zealanders ... looking forward to friendship."',
        "He left.",
    ]


def test_wiki_markup_is_read_only_in_encyclopedia_articles():
    text = "= Title =\n\nInfobox\n- Capital: Pyongyang\n\nLead sentence.\n\n==History==\nOld.\n"
    kinds = [b.kind for b in blocks(text, "encyclopedia_article")]
    assert kinds == ["title", "infobox", "prose", "heading", "prose"]
    box = next(b for b in blocks(text, "encyclopedia_article") if b.kind == "infobox")
    assert (box.key, text[box.value_start : box.value_end]) == ("Capital", "Pyongyang")
    assert [b.kind for b in blocks(text, "news_article")][:2] == ["prose", "prose"]
    heads = sections(text, "encyclopedia_article")
    assert [(s.heading, s.level) for s in heads] == [(None, 1), ("History", 2)]
    assert text[heads[1].char_start : heads[1].char_end].startswith("==History==")


def test_every_seed_sentence_is_its_exact_span(corpus):
    for row in corpus.sentences.itertuples():
        assert corpus.text(row.doc_id)[row.char_start : row.char_end] == row.quote
        assert row.quote == row.quote.strip()
    counts = corpus.sentences.groupby("doc_id").size()
    assert counts.to_dict() == corpus.documents.set_index("doc_id")["n_sentences"].to_dict()


def test_sections_of_the_encyclopedia_article(corpus):
    wiki = corpus.sections[corpus.sections["doc_id"].str.startswith("000")]
    assert wiki["heading"].tolist()[1:] == [
        "History",
        "2006 North Korean nuclear test",
        "Trade",
        "Official visits",
        "Other visits",
        "Diplomatic missions",
        "See also",
    ]
    s = corpus.sentences.set_index("quote")
    assert s.loc["The Secretary is Peter Wilson.", "section"] == "History"


fragments = st.sampled_from(
    [
        "Mr.",
        "U.N.",
        ". ",
        "! ",
        "? ",
        "“",
        "”",
        '"',
        "A",
        "b",
        " ",
        "\n",
        "...",
        "St.",
        "Korea.",
        "1950.",
        "(",
        ")",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(fragments, max_size=40).map("".join) | st.text(max_size=200))
def test_sentence_spans_are_ordered_trimmed_and_inside_the_text(text):
    last = 0
    for start, end in split_sentences(text):
        assert last <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
        last = end


def test_sentences_are_named_records_with_their_paragraph_and_section():
    # 000's layout: a lead paragraph, then a headed section (written here, shorter).
    text = (
        "= Relations =\n\nThe two states met. They agreed.\n\n== History ==\n\n"
        "Talks began in 2000.\n"
    )
    doc = Document("x", "x.txt", "encyclopedia_article", text)
    found = [(text[s.start : s.end], s.paragraph, s.section) for s in analyse(doc).sentences]
    assert found == [
        ("The two states met.", 1, None),
        ("They agreed.", 1, None),
        ("Talks began in 2000.", 2, "History"),
    ]


def test_clauses_and_quoted_spans_of_a_source_sentence():
    # 001: "Mr Goff said the delegation will ..., and “we agreed ...”" (shortened)
    text = "Mr Goff said the delegation will go, and “we agreed to talk” in Bangkok."
    assert [text[a:b] for a, b in clauses(text, 0, len(text), [])] == [
        "Mr Goff said the delegation will go",
        ", and “we agreed to talk” in Bangkok.",
    ]
    assert [text[a:b] for a, b in quoted_spans(text, 0, len(text))] == ["“we agreed to talk”"]


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        # 001, its quotation glued to the sentence before, with straight marks
        (
            'relations with North Korea."A small delegation will visit Pyongyang," he said.',
            ['"A small delegation will visit Pyongyang,"'],
        ),
        ("The talks ended.“We will meet again” she said.", ["“We will meet again”"]),
        ('They called it "a first step" and left.', ['"a first step"']),
        ('She said: "We agree." Then she left.', ['"We agree."']),
    ],
)
def test_a_straight_quotation_opens_where_a_curly_one_would(text, quoted):
    assert [text[a:b] for a, b in quoted_spans(text, 0, len(text))] == quoted


def test_in_spans_finds_a_position_by_bisection():
    spans = [(2, 5), (9, 12)]
    starts = [2, 9]
    assert [p for p in range(14) if in_spans(spans, starts, p)] == [2, 3, 4, 9, 10, 11]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('ab ,;:-–"“”()\n')), max_size=80))
def test_clauses_tile_the_sentence_and_quotes_stay_inside_it(text):
    spans = clauses(text, 0, len(text), [])
    assert "".join(text[a:b] for a, b in spans) == text
    assert all(a < b for a, b in spans)
    quotes = quoted_spans(text, 0, len(text))
    assert all(0 <= a < b <= len(text) for a, b in quotes)
    assert all(b1 <= a2 for (_, b1), (a2, _) in itertools.pairwise(quotes))


def _quoted_spans_reference(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """`quoted_spans` read character by character, as first written."""
    spans: list[tuple[int, int]] = []
    open_at = None
    for i in range(start, end):
        ch = text[i]
        if ch not in '“"”':
            continue
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        glued = after.isalnum() and not before.isalnum()
        straight = before.isspace() or before in "([—–-" or glued
        opens = i == start or ch == "“" or (ch == '"' and straight)
        if open_at is None:
            open_at = i if opens else None
        elif not opens:
            spans.append((open_at, i + 1))
            open_at = None
        else:
            spans.append((open_at, i))
            open_at = i
    return spans + ([(open_at, end)] if open_at is not None else [])


def _clauses_reference(text: str, start: int, end: int, protected) -> list[tuple[int, int]]:
    """`clauses` as first written: every break tested against every protected span, and a
    stretch's words found by blanking its protected characters one by one."""

    def name_only(a: int, b: int) -> bool:
        kept = [text[i] for i in range(a, b) if not any(s <= i < e for s, e in protected)]
        return not re.search("[a-z]", "".join(kept))

    breaks = re.compile(r"[,;:]\s|\s[–—-]\s").finditer(text, start, end)
    cuts = [m.start() for m in breaks if not any(s <= m.start() < e for s, e in protected)]
    spans = [(a, b) for a, b in itertools.pairwise([start, *cuts, end]) if b > a]
    merged: list[tuple[int, int]] = []
    i = 0
    while i < len(spans):
        if merged and i + 1 < len(spans) and name_only(*spans[i]):
            merged.append((merged.pop()[0], spans[i + 1][1]))
            i += 2
            continue
        merged.append(spans[i])
        i += 1
    return merged


_QUOTE_TEXT = st.text(alphabet=st.sampled_from(list('ab A1 ,.;:-–—"“”()\n')), max_size=80)


@settings(max_examples=300, deadline=None)
@given(_QUOTE_TEXT, st.integers(0, 80), st.integers(0, 80))
def test_quoted_spans_are_those_read_character_by_character(text, a, b):
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    assert quoted_spans(text, start, end) == _quoted_spans_reference(text, start, end)


@settings(max_examples=300, deadline=None)
@given(
    _QUOTE_TEXT,
    st.lists(st.tuples(st.integers(0, 80), st.integers(0, 20)), max_size=6),
    st.integers(0, 80),
    st.integers(0, 80),
)
def test_clauses_are_those_of_the_character_by_character_rules(text, spans, a, b):
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    protected = sorted((s, s + n) for s, n in spans)
    assert clauses(text, start, end, protected) == _clauses_reference(text, start, end, protected)


# --- the cue pre-filter --------------------------------------------------------------------

#: Cue words of every kind, in several cases and spellings, and filler that looks like them
#: ("know" holds "no", "Willow" holds "will", "May" is a month); "ſ" and "ı" are an "s" and
#: an "i" to a pattern that ignores case, and "İ" lower-cases to two characters.
_CUE_PIECES = [
    "will", "Will", "WILL", "willing", "Willow", "won't", "we’ll", "is to", "are expected to",
    "next year", "not", "no", "know", "No", "didn't", "hasn’t", "without", "may", "May",
    "could", "If", "if", "possibly", "said", "says", "according to", "reportedly", "about",
    "some", "ſome", "ıf", "İf", "invitation", "aims", "tried", "wants", "urged", "calls on",
    "need", "the", "talks", "Peters", "a", "1999", "“", "”", "é", "–",
]  # fmt: skip
_SEPARATORS = ["", " ", " ", ", ", "-", "'", ". "]


@settings(max_examples=300, deadline=None)
@given(
    pieces=st.lists(st.tuples(st.sampled_from(_CUE_PIECES), st.sampled_from(_SEPARATORS))),
    bounds=st.tuples(st.integers(0, 200), st.integers(0, 200)),
)
def test_the_cue_pre_filter_never_changes_a_search(pieces, bounds):
    text = "".join(word + sep for word, sep in pieces)
    start, end = sorted(min(b, len(text)) for b in bounds)
    for kind in CUE_KIND.values:
        plain = cue(kind).search(text, start, end)
        assert (m.span() if (m := cue_search(kind, text, start, end)) else None) == (
            plain.span() if plain else None
        ), kind
        assert [m.span() for m in cue_finditer(kind, text, start, end)] == [
            m.span() for m in cue(kind).finditer(text, start, end)
        ], kind
        if cue(kind).search(text[start:end]):
            assert cue_index(text).may_match(kind, start, end), kind


def test_the_cue_pre_filter_passes_over_a_clause_without_a_cue_word():
    # 002: "Foreign Affairs Minister Phil Goff, has welcomed news that North and South Korea
    # will resume dialogue": a future cue in the second clause, none in the first
    text = (
        "Foreign Affairs Minister Phil Goff, has welcomed news that North and South Korea will "
        "resume dialogue and cooperation on a range of key political and economic issues."
    )
    comma = text.index(",")
    index = CueIndex(text)
    assert not index.may_match("future", 0, comma)
    assert index.may_match("future", comma, len(text))
    assert cue_search("future", text, comma).group() == "will"
    # written for this test: "know" holds "no", so it is a place a negation is looked for
    # (the pattern then finds none: the word boundaries are its own)
    mine = "They know the way."
    assert CueIndex(mine).may_match("negation", 0, len(mine))
    assert cue_search("negation", mine) is None


def test_every_cue_kind_has_words_to_filter_on():
    # a pattern whose needed words cannot be read is searched everywhere: none is, today
    assert not _cue_filter().always
