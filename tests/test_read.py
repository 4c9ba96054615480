"""Reading folders of documents: kinds, metadata, and every kind of bad file."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import nzdprk
from nzdprk.read import read_document

from .conftest import PRESS_RELEASE

#: Another valid release with a different body (identical bodies are reported as duplicates).
GOOD = PRESS_RELEASE.replace("Geneva", "Oslo")


def load(folder, **kwargs):
    """load_corpus, expecting exactly one CorpusWarning when the folder has problems."""
    with pytest.warns(nzdprk.CorpusWarning):
        return nzdprk.load_corpus(folder, **kwargs)


def only_problem(corpus):
    problems = corpus.problem_list
    assert len(problems) == 1, problems
    return problems[0]


# --- kinds and metadata -------------------------------------------------------------------


def test_kind_is_detected_from_the_text_not_the_file_name(make_corpus):
    folder = make_corpus(
        {
            "a.txt": PRESS_RELEASE,
            "b.txt": "= Japan–North Korea relations =\n\nJapan and North Korea have no ties.\n",
            "c.txt": "Seoul said on Friday that talks would resume.\n",
        }
    )
    docs = nzdprk.load_corpus(folder).documents.set_index("doc_id")
    assert docs.loc["a", "doc_type"] == "press_release"
    assert docs.loc["b", "doc_type"] == "encyclopedia_article"
    assert docs.loc["b", "title"] == "Japan–North Korea relations"
    assert docs.loc["c", "doc_type"] == "news_article"
    assert docs["title"].isna()["c"]


def test_press_release_metadata_is_read(make_corpus):
    docs = nzdprk.load_corpus(make_corpus({"r.txt": PRESS_RELEASE})).documents
    row = docs.iloc[0]
    assert row["title"] == "Minister welcomes talks"
    assert row["url"] == "https://example.org/release/talks"
    assert row["ministers"] == "Jane Doe"
    assert row["portfolios"] == "Foreign Affairs"
    assert row["published_edtf"] == "2015-03-06"
    assert row["published_earliest"] == row["published_latest"] == dt.datetime(2015, 3, 6)
    assert row["published_precision"] == "day"
    assert row["published_resolution"] == "explicit"
    assert row["text"].startswith("\nForeign Minister Jane Doe")


def test_files_in_subfolders_are_read_with_their_relative_path(make_corpus):
    folder = make_corpus({"2015/r.txt": PRESS_RELEASE, "notes.md": "not a document"})
    docs = nzdprk.load_corpus(folder).documents
    assert docs["doc_id"].tolist() == ["2015/r"]
    assert docs["path"].tolist() == ["2015/r.txt"]


@pytest.mark.parametrize(
    ("value", "edtf", "earliest", "latest", "precision"),
    [
        ("2001-03", "2001-03", dt.date(2001, 3, 1), dt.date(2001, 3, 31), "month"),
        ('"2001-03-01"', "2001-03-01", dt.date(2001, 3, 1), dt.date(2001, 3, 1), "day"),
        ("2004", "2004", dt.date(2004, 1, 1), dt.date(2004, 12, 31), "year"),
    ],
)
def test_publication_date_is_never_more_precise_than_written(
    make_corpus, value, edtf, earliest, latest, precision
):
    text = PRESS_RELEASE.replace("date: 2015-03-06", f"date: {value}")
    row = nzdprk.load_corpus(make_corpus({"r.txt": text})).documents.iloc[0]
    assert row["published_edtf"] == edtf
    assert row["published_earliest"].date() == earliest
    assert row["published_latest"].date() == latest
    assert row["published_precision"] == precision


# --- bad input: the file named, the problem said, the others still read ---------------------


@pytest.mark.parametrize(
    ("date", "fragment"),
    [
        ('"30 February 2001"', "is not an ISO date"),
        ("2001-13-01", "is not a real calendar date"),
        ("2001-02-30", "is not a real calendar date"),
        ('"next Tuesday"', "is not an ISO date"),
    ],
)
def test_a_date_field_that_is_not_a_date_keeps_the_document_undated(make_corpus, date, fragment):
    text = PRESS_RELEASE.replace("date: 2015-03-06", f"date: {date}")
    corpus = load(make_corpus({"bad.txt": text, "good.txt": GOOD}))
    problem = only_problem(corpus)
    assert problem.path == "bad.txt"
    assert problem.severity == "warning"
    assert fragment in problem.message
    assert problem.line == 3
    docs = corpus.documents.set_index("doc_id")
    assert docs.loc["bad", "published_edtf"] is pd_na()
    assert not docs.loc["bad", "is_dated"]
    assert docs.loc["good", "published_edtf"] == "2015-03-06"


def pd_na():
    import pandas as pd

    return pd.NA


def test_a_datetime_keeps_only_its_date(make_corpus):
    text = PRESS_RELEASE.replace("date: 2015-03-06", "date: 2015-03-06 10:30:00")
    corpus = load(make_corpus({"r.txt": text}))
    assert "only the date is used" in only_problem(corpus).message
    assert corpus.documents.iloc[0]["published_edtf"] == "2015-03-06"


def test_unknown_front_matter_fields_are_kept_and_reported(make_corpus):
    text = PRESS_RELEASE.replace("url:", "embargo: until noon\nurl:")
    corpus = load(make_corpus({"r.txt": text}))
    problem = only_problem(corpus)
    assert "unknown front-matter field 'embargo'" in problem.message
    assert problem.line == 4
    assert '"embargo": "until noon"' in corpus.documents.iloc[0]["front_matter_json"]


def test_front_matter_that_does_not_parse_names_the_file_and_line(make_corpus):
    broken = PRESS_RELEASE.replace('title: "Minister welcomes talks"', 'title: "unclosed')
    corpus = load(make_corpus({"broken.txt": broken, "good.txt": GOOD}))
    problem = only_problem(corpus)
    assert (problem.path, problem.severity) == ("broken.txt", "error")
    assert "not valid YAML" in problem.message
    assert problem.line is not None and problem.line >= 2
    assert corpus.documents["doc_id"].tolist() == ["good"]


def test_missing_closing_delimiter(make_corpus):
    text = PRESS_RELEASE.replace("\n---\n\n", "\n\n", 1)
    corpus = load(make_corpus({"open.txt": text}))
    problem = only_problem(corpus)
    assert "never closed" in problem.message
    assert problem.line == 1
    assert corpus.documents.empty


def test_yaml_tags_never_run_code(make_corpus, tmp_path):
    marker = tmp_path / "pwned"
    evil = PRESS_RELEASE.replace(
        'title: "Minister welcomes talks"',
        f"title: !!python/object/apply:os.system ['touch {marker}']",
    )
    corpus = load(make_corpus({"evil.txt": evil}))
    assert not marker.exists()
    assert only_problem(corpus).severity == "error"


def test_not_utf8_is_reported_with_byte_and_line(make_corpus):
    latin1 = "Line one.\nTalks in Malmö resumed.\n".encode("latin-1")
    corpus = load(make_corpus({"latin1.txt": latin1, "good.txt": GOOD}))
    problem = only_problem(corpus)
    assert problem.path == "latin1.txt"
    assert "not UTF-8: byte 0xf6" in problem.message
    assert problem.line == 2
    assert corpus.documents["doc_id"].tolist() == ["good"]


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"", "empty file"),
        (b"  \n\n\t\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "not a text file"),
        (bytes(range(1, 32)) * 40, "not a text file"),
    ],
)
def test_empty_and_binary_files_are_skipped(make_corpus, content, fragment):
    corpus = load(make_corpus({"bad.txt": content, "good.txt": GOOD}))
    problem = only_problem(corpus)
    assert problem.path == "bad.txt"
    assert fragment in problem.message
    assert corpus.documents["doc_id"].tolist() == ["good"]


def test_every_problem_is_listed_in_one_report(make_corpus):
    folder = make_corpus(
        {
            "a.txt": b"",
            "b.txt": b"\xff\xfe broken",
            "c.txt": PRESS_RELEASE.replace("date: 2015-03-06", "date: 2015-02-31"),
            "d.txt": GOOD,
        }
    )
    with pytest.warns(nzdprk.CorpusWarning, match="2 file\\(s\\) skipped, 1 warning"):
        corpus = nzdprk.load_corpus(folder)
    assert corpus.problems["path"].tolist() == ["a.txt", "b.txt", "c.txt"]
    assert corpus.problems["severity"].tolist() == ["error", "error", "warning"]
    assert corpus.documents["doc_id"].tolist() == ["c", "d"]


def test_strict_mode_stops_and_names_every_problem(make_corpus):
    folder = make_corpus({"a.txt": b"", "b.txt": b"\xff oops", "d.txt": GOOD})
    with pytest.raises(nzdprk.CorpusError) as info:
        nzdprk.load_corpus(folder, strict=True)
    message = str(info.value)
    assert "2 problem(s)" in message
    assert "a.txt: empty file" in message
    assert "b.txt, line 1: not UTF-8" in message


def test_a_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(nzdprk.CorpusError, match="corpus folder does not exist"):
        nzdprk.load_corpus(tmp_path / "nowhere")


# --- odd but valid input ------------------------------------------------------------------


def test_bom_and_crlf_are_normalised_and_offsets_still_match(make_corpus):
    crlf = ("\ufeff" + PRESS_RELEASE).replace("\n", "\r\n").encode("utf-8")
    corpus = load(make_corpus({"crlf.txt": crlf, "lf.txt": PRESS_RELEASE}))
    assert "same text as crlf.txt" in only_problem(corpus).message  # once normalised, they are
    docs = corpus.documents.set_index("doc_id")
    assert docs.loc["crlf", "text"] == docs.loc["lf", "text"]
    assert docs.loc["crlf", "published_edtf"] == "2015-03-06"
    assert "\r" not in docs.loc["crlf", "text"]
    for row in corpus.sentences.itertuples():
        assert corpus.text(row.doc_id)[row.char_start : row.char_end] == row.quote


def test_two_files_with_the_same_text_are_both_kept_and_flagged(make_corpus):
    corpus = load(make_corpus({"a.txt": PRESS_RELEASE, "b.txt": PRESS_RELEASE}))
    problem = only_problem(corpus)
    assert (problem.path, problem.severity) == ("b.txt", "warning")
    assert "same text as a.txt" in problem.message
    assert len(corpus.documents) == 2


def test_a_catalogue_adds_publisher_and_licence_and_checks_checksums(make_corpus):
    folder = make_corpus(
        {
            "r.txt": PRESS_RELEASE,
            "catalogue.csv": "file,publisher,licence,sha256\nr.txt,Example Ministry,CC BY 4.0,0\n",
        }
    )
    corpus = load(folder)
    assert "differs from the sha256 in catalogue.csv" in only_problem(corpus).message
    row = corpus.documents.iloc[0]
    assert (row["publisher"], row["licence"]) == ("Example Ministry", "CC BY 4.0")


# --- properties ---------------------------------------------------------------------------


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.binary(max_size=400) | st.text(max_size=400).map(lambda t: t.encode("utf-8")))
def test_any_bytes_give_a_document_or_a_named_problem_never_an_exception(tmp_path, data):
    path = tmp_path / "x.txt"
    path.write_bytes(data)
    doc, problems = read_document(path, root=tmp_path)
    assert doc is not None or problems
    assert all(p.path == "x.txt" and p.severity in {"error", "warning"} for p in problems)
    if doc is not None:
        assert "\r" not in doc.text
        assert doc.doc_type in {"encyclopedia_article", "press_release", "news_article"}


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.dictionaries(
        st.sampled_from(["title", "date", "url", "ministers", "x"]),
        st.one_of(st.text(max_size=20), st.integers(), st.lists(st.text(max_size=8), max_size=3)),
        max_size=5,
    )
)
def test_any_front_matter_values_are_read_or_reported(tmp_path, meta):
    import yaml

    text = "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\nBody text.\n"
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    doc, _ = read_document(path, root=tmp_path)
    assert doc is not None
    assert doc.text == "Body text.\n"
    assert doc.published.earliest is None or doc.published.earliest <= doc.published.latest


def nested(url: str) -> str:
    return PRESS_RELEASE.replace("url: https://example.org/release/talks", f"url: {url}")


def test_deep_nesting_is_our_message_whatever_limit_pyyaml_has(make_corpus, monkeypatch):
    """A PyYAML release may refuse deep nesting itself, with its own words; the user still
    reads the package's message, on the line of the file where the nesting is."""
    import yaml

    from nzdprk.read import front_matter

    def own_limit(self):
        raise yaml.scanner.ScannerError(problem="exceeded the nesting limit of this release")

    monkeypatch.setattr(front_matter._Loader, "get_token", own_limit)
    folder = make_corpus({"deep.txt": nested("[" * 1000 + "]" * 1000)})
    problem = only_problem(load(folder))
    assert problem.message.startswith("front matter is nested more than 32 levels deep")
    assert (problem.path, problem.line) == ("deep.txt", 4)


def test_brackets_in_quotes_and_comments_are_not_nesting(make_corpus):
    url = '"https://example.org/' + "[" * 40 + '"  # ' + "{" * 40
    doc = nzdprk.load_corpus(make_corpus({"ok.txt": nested(url)})).documents.iloc[0]
    assert doc["url"] == "https://example.org/" + "[" * 40


def test_a_corpus_folder_that_is_a_file_is_a_clear_error(tmp_path):
    path = tmp_path / "one.txt"
    path.write_text(PRESS_RELEASE)
    with pytest.raises(nzdprk.CorpusError, match="is a file, not a corpus folder"):
        nzdprk.load_corpus(path)


@pytest.mark.parametrize("pattern", ["/etc/*", "../*.txt", ""])
def test_a_pattern_outside_the_folder_is_refused(tmp_path, pattern):
    with pytest.raises(ValueError, match="must name files inside the corpus folder"):
        nzdprk.load_corpus(tmp_path, pattern=pattern)
