"""Hostile and odd input: every text is read in linear time, nothing from a document is injected
into HTML, front matter cannot blow up, and no file is dropped without a named problem."""

from __future__ import annotations

import itertools
import json
import os
import re
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import nzdprk
from nzdprk import cli
from nzdprk import text as seg
from nzdprk.extract import MAX_UNIT_CHARS, analyse, work_problems
from nzdprk.read import Document, find_files, read_document
from nzdprk.timelinejs import safe_url, timeline_json

from .conftest import PRESS_RELEASE, SEEDS

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from adversarial import SHAPES  # noqa: E402

GOOD = PRESS_RELEASE.replace("Geneva", "Oslo")


def load(folder, **kwargs) -> nzdprk.Corpus:
    with pytest.warns(nzdprk.CorpusWarning):
        return nzdprk.load_corpus(folder, **kwargs)


def messages(corpus: nzdprk.Corpus) -> dict[str, tuple[str, str]]:
    return {p.path: (p.severity, p.message) for p in corpus.problem_list}


# --- linear time ------------------------------------------------------------------------------


@pytest.mark.timeout(120)
@pytest.mark.parametrize(
    "name",
    [
        "full stops",
        "heading with spaces",
        "sentence of amounts",
        "paragraph of quotations",
        "paragraph of aid sentences",
    ],
)
def test_the_worst_adversarial_shapes_of_160_kb_are_analysed_in_seconds(name, tmp_path):
    """These took minutes to hours at this size before (``make bench`` times every shape)."""
    (tmp_path / "x.txt").write_text(SHAPES[name](160_000), encoding="utf-8")
    started = time.perf_counter()
    doc, _ = read_document(tmp_path / "x.txt", root=tmp_path)
    analysis = analyse(doc)
    assert time.perf_counter() - started < 30
    for start, end, _, _ in analysis.sentences:
        assert doc.text[start:end].strip() == doc.text[start:end]


def test_a_run_of_full_stops_is_one_sentence_reported_as_too_long():
    text = "a" + "." * 20_000
    doc = Document("dots", "dots.txt", "news_article", text)
    assert seg.split_sentences(text) == [(0, len(text))]
    (problem,) = work_problems(doc)
    assert (problem.path, problem.severity, problem.line) == ("dots.txt", "warning", 1)
    assert (
        f"a sentence of 20,001 characters (characters 0-20001) is longer than {MAX_UNIT_CHARS:,}"
        in (problem.message)
    )


def test_an_over_long_sentence_is_skipped_and_the_rest_is_still_analysed(make_corpus):
    """The sentence of the sources is still dated; the stretch without punctuation is not."""
    sentence = "Relations were established on 26 March 2001."
    junk = "New Zealand gave $5 million in March 2000 and " * 60
    folder = make_corpus({"mixed.txt": f"{sentence}\n\n{junk}\n"})
    corpus = load(folder)
    (problem,) = corpus.problem_list
    assert problem.path == "mixed.txt" and problem.line == 3
    assert corpus.dates["date_text"].tolist() == ["26 March 2001"]
    assert corpus.mentions.empty and corpus.aid_flows.empty
    lengths = corpus.sentences["char_end"] - corpus.sentences["char_start"]
    assert lengths.tolist() == [len(sentence), len(junk) - 1]
    assert corpus.documents.loc[0, "text"] == f"{sentence}\n\n{junk}\n"


def test_strict_refuses_a_document_with_an_over_long_sentence(make_corpus):
    folder = make_corpus({"long.txt": "word " * 1_000})
    with pytest.raises(nzdprk.CorpusError, match="longer than 2,000"):
        nzdprk.load_corpus(folder, strict=True)


# The former patterns, kept here as the reference the linear scanners must agree with.
OLD_HEADING = re.compile(r"^(?P<eq>={1,6})[ \t]*(?P<title>[^=\n]*?)[ \t]*(?P=eq)[ \t]*$")
OLD_KEY_VALUE = re.compile(r"^[ \t]*-[ \t]*(?P<key>[^:\n]+?)[ \t]*:[ \t]*(?P<value>.*?)[ \t]*$")
OLD_WIKI_TITLE = re.compile(r"\A\s*=[ \t]*(?P<title>[^=\n]+?)[ \t]*=[ \t]*$", re.MULTILINE)
OLD_BOUNDARY = re.compile(
    r"""(?P<stop>[.!?]+)(?P<close>["'”’)\]]*)(?P<gap>\s+|(?=[“‘"]\s*[A-Z]))(?=[“‘"'(\[]*[A-Z0-9])"""
)

LINE = st.text(alphabet=" \t=-:abA.", max_size=40)


@given(LINE)
@settings(max_examples=400, deadline=None)
def test_headings_and_infobox_lines_read_as_before(line):
    old = OLD_HEADING.match(line)
    new = seg._HEADING.match(line)
    assert (old is None) == (new is None)
    if old:
        assert (old["eq"], old["title"]) == (new["eq"], new["title"].rstrip(" \t"))
    old_kv = OLD_KEY_VALUE.match(line)
    new_kv = seg._key_value(line)
    assert (old_kv is None) == (new_kv is None)
    if old_kv:
        assert new_kv == (old_kv["key"], old_kv.start("value"), old_kv.end("value"))


@given(st.text(alphabet=" \t\n=ab", max_size=30))
@settings(max_examples=400, deadline=None)
def test_the_wiki_title_reads_as_before(text):
    from nzdprk.read.encyclopedia import _wiki_title

    old = OLD_WIKI_TITLE.match(text)
    first_line = text.lstrip().split("\n", 1)[0]
    expected = old["title"].strip() if old and first_line.strip().startswith("=") else None
    assert _wiki_title(text) == expected


def old_split(text: str) -> list[tuple[int, int]]:
    spans, begin = [], 0
    for m in OLD_BOUNDARY.finditer(text):
        if m.group("stop") == ".":
            word = re.search(r"([\w.]+)$", text[begin : m.start()])
            if word:
                token = word.group(1).lower()
                if token in seg.ABBREVIATIONS or (
                    len(token) == 1
                    and token.isalpha()
                    and token.isascii()
                    and text[m.start() - 1].isupper()
                ):
                    continue
        if m.end("close") > begin:
            spans.append((begin, m.end("close")))
        begin = m.end()
    if begin < len(text):
        spans.append((begin, len(text)))
    return [t for s, e in spans if (t := seg._trim(text, s, e))]


@given(st.text(alphabet=' .!?"”(A1aMrUS\n', max_size=60))
@settings(max_examples=500, deadline=None)
def test_sentences_split_as_before(text):
    assert seg.split_sentences(text) == old_split(text)


def test_sentences_split_as_before_on_the_sources():
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert seg.split_sentences(text) == old_split(text), path.name


REPEATED = st.builds(
    lambda piece, times: piece * times,
    st.text(alphabet=' .!?"”“(A1a\n', min_size=1, max_size=100),
    st.integers(min_value=200, max_value=2_000),
)


@given(REPEATED)
@settings(max_examples=40, deadline=2_000, suppress_health_check=[HealthCheck.too_slow])
def test_long_generated_text_is_split_quickly(text):
    """Sentences are in order, trimmed, and together hold every character that is not blank."""
    spans = seg.split_sentences(text)
    assert all(a < b <= c for (a, b), (c, _) in itertools.pairwise(spans))
    assert all(text[a:b] == text[a:b].strip() for a, b in spans)
    assert sum(len("".join(text[a:b].split())) for a, b in spans) == len("".join(text.split()))


WORDS = st.sampled_from(
    [
        "New Zealand",
        "North Korea",
        "said",
        "that",
        "$5 million",
        "in",
        "2001",
        "from",
        "to",
        "March",
        ".",
        ",",
        '"',
        "“",
        "”",
        "will",
        "aid",
        "Mr.",
        "A.",
        "==",
        "-",
        "\n",
        "  ",
        "...",
    ]
)


@given(st.lists(WORDS, min_size=200, max_size=1_500).map(" ".join))
@settings(max_examples=15, deadline=10_000, suppress_health_check=[HealthCheck.too_slow])
def test_long_generated_text_is_analysed_quickly_with_valid_offsets(text):
    doc = Document("g", "g.txt", "news_article", text)
    analysis = analyse(doc)
    for w in analysis.dates:
        assert text[w.char_start : w.char_end] == w.text
    for m in analysis.money:
        assert m.char_start < m.char_end <= len(text)


# --- safe outputs -----------------------------------------------------------------------------


HOSTILE = PRESS_RELEASE.replace(
    "url: https://example.org/release/talks", 'url: "javascript:alert(1)"'
).replace(
    "Foreign Minister Jane Doe today welcomed the resumption of talks in Geneva.",
    "New Zealand established diplomatic relations with North Korea on 26 March 2001 "
    "<img src=x onerror=alert(1)>.",
)


def test_timelinejs_escapes_quotes_and_drops_javascript_urls(make_corpus):
    corpus = nzdprk.load_corpus(make_corpus({"evil.txt": HOSTILE}), strict=True)
    slides = timeline_json(corpus.events, corpus.documents)["events"]
    assert slides, "the hostile release still has its dated event"
    dumped = json.dumps(slides)
    assert "<img" not in dumped and "javascript:" not in dumped
    assert "&lt;img src=x onerror=alert(1)&gt;" in slides[0]["text"]["text"]


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://www.beehive.govt.nz/release/x", True),
        ("http://example.org/a?b=1&c=2", True),
        ("javascript:alert(1)", False),
        ("JavaScript:alert(1)", False),
        ("data:text/html,<b>x</b>", False),
        ("//evil.example/x", False),
        ("https://", False),
        ("https://exa mple.org", False),
    ],
)
def test_only_http_urls_are_linked(url, kept):
    assert (safe_url(url) == url) is kept


# --- bounded front matter ---------------------------------------------------------------------


def test_one_long_string_named_thousands_of_times_is_refused(make_corpus):
    long = "x" * 20_000
    names = ", ".join(["*s"] * 2_000)
    release = f"---\ntitle: &s {long}\nportfolios: [{names}]\n---\n\nTalks resumed in Oslo.\n"
    corpus = load(make_corpus({"bomb.txt": release, "good.txt": GOOD}))
    severity, message = messages(corpus)["bomb.txt"]
    assert severity == "error"
    assert "bytes of text once its YAML aliases (*name) are expanded" in message
    assert corpus.documents["doc_id"].tolist() == ["good"]


def test_a_long_title_without_aliases_is_read(make_corpus):
    title = "Talks " * 20_000
    release = PRESS_RELEASE.replace('"Minister welcomes talks"', f'"{title}"')
    corpus = nzdprk.load_corpus(make_corpus({"long.txt": release}), strict=True)
    assert corpus.documents.loc[0, "title"] == title.strip()


# --- nothing dropped in silence ---------------------------------------------------------------

needs_non_root = pytest.mark.skipif(
    os.geteuid() == 0, reason="permissions do not stop root from reading a file"
)


@needs_non_root
def test_an_unreadable_folder_is_a_problem_and_strict_fails(make_corpus):
    folder = make_corpus({"a.txt": GOOD, "locked/b.txt": PRESS_RELEASE})
    (folder / "locked").chmod(0)
    try:
        corpus = load(folder)
        assert messages(corpus)["locked"][0] == "error"
        with pytest.raises(nzdprk.CorpusError, match="locked: folder cannot be listed"):
            nzdprk.load_corpus(folder, strict=True)
    finally:
        (folder / "locked").chmod(0o755)


def test_a_fifo_is_named_and_never_opened(make_corpus):
    folder = make_corpus({"a.txt": GOOD})
    os.mkfifo(folder / "pipe.txt")
    corpus = load(folder)
    assert messages(corpus)["pipe.txt"] == ("error", "not a regular file (a FIFO); not read")
    with pytest.raises(nzdprk.CorpusError, match=r"pipe\.txt"):
        nzdprk.load_corpus(folder, strict=True)


def test_a_broken_link_is_named(make_corpus):
    folder = make_corpus({"a.txt": GOOD})
    (folder / "gone.txt").symlink_to(folder / "missing.txt")
    assert messages(load(folder))["gone.txt"][1].startswith("a symbolic link to nothing")


def test_links_are_followed_inside_the_corpus_and_refused_outside(make_corpus, tmp_path):
    """Files and folders alike: a link inside the corpus is followed (once: a file or folder
    that is read at its own place is not read again through a link), one outside is not."""
    folder = make_corpus(
        {"a.txt": GOOD, "sub/b.txt": PRESS_RELEASE, ".archive/c.txt": GOOD.replace("Oslo", "Rome")}
    )
    (folder / "sub" / "d.text").write_text(GOOD.replace("Oslo", "Bern"), encoding="utf-8")
    secret = tmp_path / "outside"
    secret.mkdir()
    (secret / "passwd.txt").write_text("root:x:0:0\n", encoding="utf-8")
    (folder / "again.txt").symlink_to(folder / "sub" / "b.txt")
    (folder / "d.txt").symlink_to(folder / "sub" / "d.text")
    (folder / "linked").symlink_to(folder / "sub", target_is_directory=True)
    (folder / "old").symlink_to(folder / ".archive", target_is_directory=True)
    (folder / "out.txt").symlink_to(secret / "passwd.txt")
    (folder / "outdir").symlink_to(secret, target_is_directory=True)
    corpus = load(folder)
    assert corpus.documents["doc_id"].tolist() == ["a", "d", "old/c", "sub/b"]
    found = messages(corpus)
    assert found["again.txt"] == ("warning", "a link to a file or folder read already; skipped")
    assert found["linked"] == found["again.txt"]
    assert found["out.txt"][0] == "error" and "outside the corpus folder" in found["out.txt"][1]
    assert found["outdir"][0] == "error" and "outside the corpus folder" in found["outdir"][1]
    followed = load(folder, follow_symlinks=True)
    assert {"out", "outdir/passwd"} <= set(followed.documents["doc_id"])


def test_a_name_that_is_not_utf8_is_named_and_the_rest_is_read(make_corpus, tmp_path):
    folder = make_corpus({"a.txt": GOOD})
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "wb") as f:
        f.write(PRESS_RELEASE.encode())
    corpus = load(folder)
    assert messages(corpus)["caf\\xe9.txt"][0] == "error"
    assert corpus.documents["doc_id"].tolist() == ["a"]
    out = tmp_path / "out"
    assert cli.main(["export", "--corpus", str(folder), "--out", str(out)]) == 0
    assert "caf\\xe9.txt" in (out / "problems.csv").read_text(encoding="utf-8")


def test_a_name_in_other_case_is_named(make_corpus):
    folder = make_corpus({"a.txt": GOOD, "B.TXT": PRESS_RELEASE})
    severity, message = messages(load(folder))["B.TXT"]
    assert severity == "warning" and "only if case is ignored" in message


def test_two_files_with_one_doc_id_are_refused_not_merged(make_corpus):
    folder = make_corpus({"a.txt": GOOD, "a.md": PRESS_RELEASE})
    corpus = load(folder, pattern="*")
    assert corpus.documents["path"].tolist() == ["a.md"]
    assert messages(corpus)["a.txt"] == (
        "error",
        "its doc_id 'a' is already that of a.md; not read (rename one of the two files)",
    )


def test_the_sources_keep_their_doc_ids():
    files, problems = find_files(SEEDS)
    assert problems == []
    assert [p.stem for p in files] == sorted(p.stem for p in SEEDS.glob("*.txt"))


def test_any_folder_depth_is_read(tmp_path):
    folder = tmp_path / "deep"
    folder.mkdir()
    path = folder
    for _ in range(1_200):
        path = path / "d"
        path.mkdir()
    (path / "x.txt").write_text(GOOD, encoding="utf-8")
    try:
        files, problems = find_files(folder)
        assert (len(files), problems) == (1, [])
    finally:  # bottom up: pytest's clean-up of old folders would hit the recursion limit
        (path / "x.txt").unlink()
        while path != folder:
            path.rmdir()
            path = path.parent


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: p.mkdir(), "catalogue is not a regular file; ignored"),
        (lambda p: p.write_bytes(b"file,licence\na.txt,\xff\n"), "catalogue cannot be read ("),
        (lambda p: p.write_text('file,licence\n"a.txt,x\n', encoding="utf-8"), None),
    ],
)
def test_a_bad_catalogue_is_a_problem_not_a_crash(make_corpus, make, reason):
    folder = make_corpus({"a.txt": GOOD})
    make(folder / "catalogue.csv")
    corpus = nzdprk.load_corpus(folder) if reason is None else load(folder)
    assert corpus.documents["doc_id"].tolist() == ["a"]
    if reason:
        assert messages(corpus)["catalogue.csv"][1].startswith(reason)


# --- wrong types, double BOM, a leading rule --------------------------------------------------


def test_titles_and_names_of_the_wrong_type(make_corpus):
    release = (
        PRESS_RELEASE.replace('"Minister welcomes talks"', "[a, b]")
        .replace("  - Jane Doe", "  - Jane Doe\n  - {name: John Roe}")
        .replace("url: https://example.org/release/talks", "url: 2024")
    )
    corpus = load(make_corpus({"odd.txt": release}))
    row = corpus.documents.iloc[0]
    assert pd.isna(row["title"])
    assert (row["ministers"], row["url"]) == ("Jane Doe", "2024")
    found = [p.message for p in corpus.problem_list]
    assert found == [
        "front-matter field 'title' is a list, not text; it is left empty",
        "front-matter field 'ministers' has 1 item(s) that are not text; they are left out",
    ]


def test_a_double_byte_order_mark_is_still_a_press_release(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf\xef\xbb\xbf" + PRESS_RELEASE.encode())
    doc, problems = read_document(path, root=tmp_path)
    assert (doc.doc_type, doc.title) == ("press_release", "Minister welcomes talks")
    assert [p.message for p in problems] == [
        "starts with 2 byte-order marks; the extra ones are dropped"
    ]


def test_a_news_article_opening_with_a_rule_is_read_as_news(tmp_path):
    text = "---\nSeoul said on Friday that talks would resume.\n"
    (tmp_path / "rule.txt").write_text(text, encoding="utf-8")
    doc, problems = read_document(tmp_path / "rule.txt", root=tmp_path)
    assert (doc.doc_type, doc.text) == ("news_article", text)
    assert problems[0].severity == "warning" and "opens no front matter" in problems[0].message


def test_the_command_line_follows_a_link_outside_the_corpus_only_when_asked(tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "private.txt").write_text("Not part of the corpus. It was written in 2001.\n")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "note.txt").write_text("New Zealand opened relations in 2001.\n")
    (corpus / "linked.txt").symlink_to(outside / "private.txt")

    assert cli.main(["export", "--corpus", str(corpus), "--out", str(tmp_path / "a")]) == 0
    documents = pd.read_csv(tmp_path / "a" / "documents.csv")
    assert documents["doc_id"].tolist() == ["note"]
    problems = pd.read_csv(tmp_path / "a" / "problems.csv")
    assert problems["path"].tolist() == ["linked.txt"]
    assert "outside the corpus folder" in problems["message"].iloc[0]

    args = ["export", "--corpus", str(corpus), "--out", str(tmp_path / "b"), "--follow-symlinks"]
    assert cli.main(args) == 0
    documents = pd.read_csv(tmp_path / "b" / "documents.csv")
    assert documents["doc_id"].tolist() == ["linked", "note"]
