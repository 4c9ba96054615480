"""The catalogue of bad and odd inputs, each through `load_corpus` and `nzdprk export`.

For every case: the file and the problem are named, the other documents are still processed,
every problem is listed in one report (``corpus.problems`` / ``problems.csv``), and strict mode
stops (``CorpusError``; exit 1 with nothing written). Odd but valid input (BOM, CRLF, en dashes,
no-break spaces, curly quotes, a 10 MB file) is read as if it were plain, with every character
offset still pointing into the text.

The export runs once over a folder holding every case (and once more in strict mode), so each
case is checked in the report of a corpus that has all the others in it.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import Phase, given, settings
from hypothesis import strategies as st

import nzdprk
from nzdprk import cli, files
from nzdprk.dates import find_dates
from nzdprk.money import find_money
from nzdprk.text import blocks, split_sentences

from .conftest import PRESS_RELEASE, ROOT, SEEDS

with warnings.catch_warnings():  # pyparsing warns about edtf's grammar when it is built
    warnings.simplefilter("ignore")
    import edtf

MARKER = "@MARKER@"  # replaced by a path in the test's folder: YAML must never create it
CRLF = "\r\n"


def release(body: str, **fields: str) -> str:
    """PRESS_RELEASE with another body; ``name="lines"`` replaces the field ``name`` (its line
    and the indented lines under it) by the given lines."""
    front, _ = PRESS_RELEASE.split("\n---\n\n", 1)
    lines: list[str] = []
    replaced = False
    for line in front.split("\n"):
        if replaced and line.startswith(" "):
            continue
        name = line.split(":", 1)[0]
        replaced = name in fields
        lines.append(fields[name] if replaced else line)
    return "\n".join(lines) + f"\n---\n\n{body}"


def body(name: str) -> str:
    """A one-paragraph body that no other case has (identical texts are reported)."""
    return f"Foreign Minister Jane Doe today welcomed the talks in Geneva ({name}).\n"


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def straighten(text: str) -> str:
    return text.replace("“", '"').replace("”", '"').replace("‘", "'").replace("’", "'")


GOOD = release("Foreign Minister Jane Doe today welcomed the resumption of talks in Oslo.\n")

#: Odd typography: en dashes and no-break spaces inside dates and amounts ...
ODD_TYPOGRAPHY = release(
    "Foreign Minister Winston Peters met North Korean officials in Pyongyang on 3–5 April.\n\n"
    "New Zealand has given NZ$ 4 million to the World Food Programme for North Korea.\n\n"
    "New Zealand has given a further NZ$\u00a04 million to UNICEF for North Korea, "
    "Mr Peters said on 20\u00a0November 2007.\n\n"
    "Between 1995\u00a0–\u00a02002 New Zealand contributed NZ$2–3\u00a0million to KEDO.\n",
    title='title: "Minister announces humanitarian aid"',
    date="date: 2007-11-20",
    ministers="ministers:\n  - Winston Peters",
)
# ... and the same release typed plainly: both must give the same dates and amounts.
PLAIN_TYPOGRAPHY = (
    ODD_TYPOGRAPHY.replace("\u00a0", " ")
    .replace("3–5", "3-5")
    .replace(" – ", " - ")
    .replace("2–3", "2-3")
    .replace("NZ$ 4", "NZ$4")
)

ALIAS_BOMB = "title: Talks\n" + "".join(
    f"l{i}: &l{i} [{', '.join([f'*l{i - 1}' if i else 'x'] * 9)}]\n" for i in range(9)
)


@dataclass(frozen=True)
class Case:
    """One bad or odd file: what the reader must say about it, and whether it is kept."""

    name: str
    content: bytes
    severity: str | None = None  # None: read without any problem
    fragment: str = ""  # part of the problem's message
    line: int | None = None
    kept: bool = True
    published: str | None = "-"  # published_edtf expected of a kept release ("-": not checked)

    @property
    def path(self) -> str:
        return f"{self.name}.txt"

    def error(self) -> bool:
        return self.severity == "error"


def error(name: str, content: str | bytes, fragment: str, line: int | None = None) -> Case:
    data = content.encode("utf-8") if isinstance(content, str) else content
    return Case(name, data, "error", fragment, line, kept=False)


def warning(name: str, content: str, fragment: str, line: int | None = None, **kw) -> Case:
    return Case(name, content.encode("utf-8"), "warning", fragment, line, **kw)


def fine(name: str, content: str | bytes, **kw) -> Case:
    data = content.encode("utf-8") if isinstance(content, str) else content
    return Case(name, data, **kw)


def with_date(name: str, value: str) -> str:
    return release(body(name), date=f"date: {value}")


CASES = [
    # --- front matter that does not parse --------------------------------------------------
    error(
        "yaml_unclosed_quote",
        release(body("unclosed"), title='title: "Minister welcomes talks'),
        "front matter is not valid YAML (found unexpected end of stream while scanning a quoted"
        " scalar)",
        2,
    ),
    error(
        "yaml_bad_indentation",
        release(body("indentation"), url="  url: https://example.org/x"),
        "front matter is not valid YAML (mapping values are not allowed",
        4,
    ),
    error(
        "yaml_tab_indentation",
        release(body("tab"), ministers="ministers:\n\t- Jane Doe"),
        "front matter is not valid YAML (a tab character; YAML is indented with spaces)",
        6,
    ),
    error(
        "yaml_list",
        "---\n- Minister welcomes talks\n- 2015-03-06\n---\n\n" + body("list"),
        "front matter is not a set of 'key: value' fields",
        2,
    ),
    error(
        "yaml_unknown_tag",
        release(body("tag"), title="title: !ministry Talks"),
        "could not determine a constructor for the tag '!ministry'",
        2,
    ),
    error(
        "missing_closing_delimiter",
        release(body("unclosed front matter")).replace("\n---\n\n", "\n\n", 1),
        "front matter opened with '---' is never closed by a second '---' line",
        1,
    ),
    # --- YAML never runs code or explodes --------------------------------------------------
    error(
        "yaml_python_apply",
        release(body("apply"), title=f"title: !!python/object/apply:os.system ['touch {MARKER}']"),
        "could not determine a constructor for the tag "
        "'tag:yaml.org,2002:python/object/apply:os.system'",
        2,
    ),
    error(
        "yaml_python_name",
        release(body("name"), title="title: !!python/name:os.system"),
        "could not determine a constructor for the tag 'tag:yaml.org,2002:python/name:os.system'",
        2,
    ),
    error(
        "yaml_python_new",
        release(
            body("new"), url=f"url: !!python/object/new:subprocess.Popen [['touch', '{MARKER}']]"
        ),
        "python/object/new:subprocess.Popen",
        4,
    ),
    error(
        "yaml_alias_bomb",
        f"---\n{ALIAS_BOMB}---\n\n{body('aliases')}",
        "front matter has more than 10000 values once its YAML aliases (*name) are expanded",
        2,
    ),
    error(
        "yaml_self_reference",
        release(body("self"), url="url: &loop [*loop]"),
        "or refers to itself",
        2,
    ),
    error(
        "yaml_deep_nesting",
        release(body("deep"), url="url: " + "[" * 100_000 + "]" * 100_000),
        "front matter is nested more than 32 levels deep",
        4,
    ),
    # --- bytes that are not UTF-8 text -----------------------------------------------------
    error(
        "latin_one",
        "Line one.\nTalks in Malmö resumed.\n".encode("latin-1"),
        "not UTF-8: byte 0xf6 at byte offset 23 cannot be decoded; re-save the file as UTF-8",
        2,
    ),
    error(
        "windows_quotes",
        "Mr Goff said: “Talks resumed.”\n".encode("cp1252"),
        "not UTF-8: byte 0x93",
        1,
    ),
    error(
        "utf_sixteen",
        ("\ufeff" + GOOD).encode("utf-16-le"),
        "not a text file in UTF-8: it starts with a UTF-16 byte-order mark",
    ),
    error("empty_file", b"", "empty file: there is no text to read"),
    error("blank_file", b"  \r\n\n\t\n", "empty file"),
    error(
        "png_image",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)),
        "not a text file (it contains NUL bytes)",
    ),
    error(
        "control_bytes", bytes(range(1, 32)) * 40, "not a text file (too many control characters)"
    ),
    error(
        "nul_after_eight_kb",
        body("nul").encode() * 200 + b"\x00\x00binary tail",
        "not a text file (it contains NUL bytes)",
    ),
    # --- date fields that are not dates (the document is kept, undated) ---------------------
    warning(
        "date_thirty_february_quoted",
        with_date("quoted", '"30 February 2001"'),
        "date field '30 February 2001' is not an ISO date",
        3,
        published=None,
    ),
    warning(
        "date_thirty_february_plain",
        with_date("plain", "30 February 2001"),
        "is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD); the document is kept as undated",
        3,
        published=None,
    ),
    warning(
        "date_month_thirteen",
        with_date("month", "2001-13-01"),
        "date field '2001-13-01' is not a real calendar date",
        3,
        published=None,
    ),
    warning(
        "date_not_leap_year",
        with_date("leap", "2001-02-29"),
        "is not a real calendar date",
        3,
        published=None,
    ),
    warning(
        "date_quoted_words",
        with_date("words", "'next Tuesday'"),
        "date field 'next Tuesday' is not an ISO date",
        3,
        published=None,
    ),
    warning(
        "date_list",
        with_date("date list", "[2015-03-06, 2015-03-07]"),
        "is not an ISO date",
        3,
        published=None,
    ),
    warning(
        "date_datetime",
        with_date("datetime", "2015-03-06 10:30:00"),
        "date field has a time of day; only the date is used",
        3,
        published="2015-03-06",
    ),
    warning(
        "date_datetime_iso_offset",
        with_date("iso offset", "2015-03-06T10:30:00+13:00"),
        "only the date is used",
        3,
        published="2015-03-06",
    ),
    warning(
        "date_datetime_spaced_offset",
        with_date("spaced offset", "2015-03-06 10:30:00.5 -5"),
        "only the date is used",
        3,
        published="2015-03-06",
    ),
    fine("date_quoted_iso", with_date("quoted iso", '"2015-03-06"'), published="2015-03-06"),
    # --- fields ----------------------------------------------------------------------------
    warning(
        "unknown_field",
        release(body("embargo"), url="embargo: until noon\nurl: https://example.org/x"),
        "unknown front-matter field 'embargo' (kept in front_matter_json)",
        4,
        published="2015-03-06",
    ),
    warning(
        "unknown_number_field",
        release(body("number key"), url="1: first\nurl: https://example.org/x"),
        "unknown front-matter field 1 (kept in front_matter_json)",
        4,
    ),
    warning(
        "duplicate_field",
        release(body("twice"), url='url: https://example.org/x\ntitle: "Second title"'),
        "front-matter field 'title' is given 2 times; only the last is used",
        5,
    ),
    warning(
        "empty_body",
        release("").replace("Minister welcomes talks", "Nothing follows"),
        "the body after the front matter is empty",
    ),
    # --- two files with the same text (both kept, the second flagged) -----------------------
    warning("same_text", GOOD, "same text as good.txt; both are kept"),
    warning(
        "same_text_crlf_bom",
        "\ufeff" + GOOD.replace("\n", CRLF),
        "same text as good.txt; both are kept",
    ),
    # --- odd but valid: read as if plain ---------------------------------------------------
    fine("bom", "\ufeff" + release(body("bom")), published="2015-03-06"),
    fine("crlf_release", seed("003").replace("\n", "\r\n"), published="2007-07-27"),
    fine("cr_news", seed("004").replace("\n", "\r")),
    fine("crlf_bom_article", "\ufeff" + seed("000").replace("\n", "\r\n")),
    fine("odd_typography", ODD_TYPOGRAPHY, published="2007-11-20"),
    fine("curly_quotes", seed("002"), published="2002-04-29"),
    fine("straight_quotes", straighten(seed("002")), published="2002-04-29"),
]
CASE_IDS = [c.name for c in CASES]
PROBLEMS = [c for c in CASES if c.severity]


def write(folder: Path, files: dict[str, bytes | str]) -> Path:
    """Write the files (the marker placeholder becomes a path beside the folder)."""
    folder.mkdir(parents=True, exist_ok=True)
    marker = str(folder.parent / "pwned").encode()
    for name, content in files.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (folder / name).write_bytes(data.replace(MARKER.encode(), marker))
    return folder


def load(folder: Path, *, problems: bool) -> nzdprk.Corpus:
    """load_corpus: one CorpusWarning if the folder has problems, else no warning at all."""
    if problems:
        with pytest.warns(nzdprk.CorpusWarning) as record:
            corpus = nzdprk.load_corpus(folder)
        assert len(record) == 1
        return corpus
    return nzdprk.load_corpus(folder)  # warnings are errors in this test suite


def export(corpus: Path, out: Path, *args: str, timeout: float | None = None):
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "nzdprk",
            "export",
            "--corpus",
            str(corpus),
            "--out",
            str(out),
            *args,
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=timeout,
    )


def read_csv(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def where(case: Case) -> str:
    """How a problem of this case is written: "path, line N" or "path"."""
    return f"{case.path}, line {case.line}" if case.line is not None else case.path


# --- each case through load_corpus ----------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_load_corpus_names_the_file_and_the_problem_and_reads_the_rest(tmp_path, case):
    folder = write(tmp_path / "corpus", {case.path: case.content, "good.txt": GOOD})
    corpus = load(folder, problems=case.severity is not None)
    found = corpus.problem_list
    if case.severity is None:
        assert found == []
    else:
        assert [(p.path, p.severity, p.line) for p in found] == [
            (case.path, case.severity, case.line)
        ]
        assert case.fragment in found[0].message
        assert str(found[0]).startswith(f"{where(case)}: ")
        (row,) = corpus.problems.to_dict("records")
        assert (row["path"], row["severity"], row["message"]) == (
            case.path,
            case.severity,
            found[0].message,
        )
        assert row["line"] == case.line if case.line is not None else pd.isna(row["line"])
    docs = corpus.documents.set_index("doc_id")
    assert "good" in docs.index and docs.loc["good", "published_edtf"] == "2015-03-06"
    assert (case.name in docs.index) == case.kept
    if case.kept and case.published != "-":
        published = docs.loc[case.name, "published_edtf"]
        assert pd.isna(published) if case.published is None else published == case.published
        assert docs.loc[case.name, "is_dated"] == (case.published is not None)
    assert not (tmp_path / "pwned").exists()


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_strict_load_corpus_stops_on_every_problem_and_only_then(tmp_path, case):
    folder = write(tmp_path / "corpus", {case.path: case.content, "good.txt": GOOD})
    if case.severity is None:
        assert len(nzdprk.load_corpus(folder, strict=True).docs) == 2
        return
    with pytest.raises(nzdprk.CorpusError) as info:
        nzdprk.load_corpus(folder, strict=True)
    assert [p.path for p in info.value.problems] == [case.path]
    assert f"  - {where(case)}: " in str(info.value) and case.fragment in str(info.value)
    assert not (tmp_path / "pwned").exists()


# --- all cases at once: one report, and the command line ------------------------------------


@dataclass(frozen=True)
class Exported:
    folder: Path
    out: Path
    result: subprocess.CompletedProcess
    strict_out: Path
    strict: subprocess.CompletedProcess

    def csv(self, name: str) -> pd.DataFrame:
        return read_csv(self.out / f"{name}.csv")


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> Exported:
    base = tmp_path_factory.mktemp("catalogue")
    folder = write(base / "corpus", {"good.txt": GOOD} | {c.path: c.content for c in CASES})
    result = export(folder, base / "out")
    strict = export(folder, base / "strict-out", "--strict")
    return Exported(folder, base / "out", result, base / "strict-out", strict)


def test_export_of_every_case_at_once_succeeds_without_a_traceback(exported):
    result = exported.result
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    kept = 1 + sum(c.kept for c in CASES)
    skipped = sum(c.error() for c in CASES)
    assert re.fullmatch(
        rf"nzdprk: wrote \d+ tables for {kept} documents to {re.escape(str(exported.out))} "
        rf"\({skipped} file\(s\) skipped, see problems.csv\)",
        result.stderr.splitlines()[-1],
    )
    assert not (exported.folder.parent / "pwned").exists()


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_export_names_the_file_and_the_problem_and_writes_the_rest(exported, case):
    lines = exported.result.stderr.splitlines()
    mine = [x for x in lines if f": {case.path}: " in x or f": {case.path}, line " in x]
    problems = exported.csv("problems")
    rows = problems[problems["path"] == case.path]
    if case.severity is None:
        assert mine == [] and rows.empty
    else:
        assert len(mine) == 1 and mine[0].startswith(f"nzdprk: {case.severity}: {where(case)}: ")
        assert case.fragment in mine[0]
        assert len(rows) == 1
        row = rows.iloc[0]
        assert (row["severity"], row["line"]) == (case.severity, str(case.line or ""))
        assert case.fragment in row["message"]
    docs = exported.csv("documents").set_index("doc_id")
    assert "good" in docs.index
    assert (case.name in docs.index) == case.kept
    if case.kept and case.published != "-":
        assert docs.loc[case.name, "published_edtf"] == (case.published or "")


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_strict_export_stops_naming_the_problem_and_writes_nothing(exported, case):
    result = exported.strict
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(f"nzdprk: nothing written. {len(PROBLEMS)} problem(s)")
    assert not exported.strict_out.exists()
    mine = [x for x in result.stderr.splitlines() if x.startswith(f"  - {case.path}")]
    if case.severity is None:
        assert mine == []
    else:
        assert len(mine) == 1 and mine[0].startswith(f"  - {where(case)}: ")
        assert case.fragment in mine[0]


def test_strict_export_of_odd_but_valid_files_writes_them(tmp_path):
    odd = {c.path: c.content for c in CASES if c.severity is None}
    folder = write(tmp_path / "corpus", odd | {"good.txt": GOOD})
    result = export(folder, tmp_path / "out", "--strict")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    docs = read_csv(tmp_path / "out" / "documents.csv")
    assert sorted(docs["path"]) == sorted([*odd, "good.txt"])
    assert read_csv(tmp_path / "out" / "problems.csv").empty


def test_every_problem_is_listed_in_one_report(exported):
    with pytest.warns(nzdprk.CorpusWarning) as record:
        corpus = nzdprk.load_corpus(exported.folder)
    errors = sum(c.error() for c in CASES)
    assert str(record[0].message) == (
        f"corpus: {errors} file(s) skipped, {len(PROBLEMS) - errors} warning(s); "
        "see corpus.problems"
    )
    expected = sorted((c.path, c.severity) for c in PROBLEMS)
    assert list(zip(corpus.problems["path"], corpus.problems["severity"], strict=True)) == expected
    written = exported.csv("problems")
    assert written["path"].tolist() == corpus.problems["path"].tolist()
    assert written["message"].tolist() == corpus.problems["message"].tolist()
    assert written["line"].tolist() == [
        "" if pd.isna(x) else str(x) for x in corpus.problems["line"]
    ]


# --- offsets: every frame with char_start/char_end points into the text ---------------------


def check_offsets(frames: dict[str, pd.DataFrame], texts: dict[str, str]) -> dict[str, int]:
    """Check every span of every frame against the document text; the rows checked, by frame.

    Works on the frames and on the exported CSVs read back as strings."""
    checked: dict[str, int] = {}
    for name, frame in frames.items():
        if name == "documents" or "char_start" not in frame:
            continue
        column = next((c for c in ("quote", "text", "value") if c in frame), None)
        spans = [("char_start", "char_end", column)]
        if "trigger_start" in frame:
            spans.append(("trigger_start", "trigger_end", "trigger_text"))
        n = 0
        for row in frame.to_dict("records"):
            text = texts[row["doc_id"]]
            for start_col, end_col, text_col in spans:
                if pd.isna(row[start_col]) or row[start_col] == "":
                    continue
                start, end = int(row[start_col]), int(row[end_col])
                assert 0 <= start <= end <= len(text), (name, row)
                if text_col is not None:
                    assert text[start:end] == row[text_col], (name, start_col, row)
                elif isinstance(row.get("heading"), str) and row["heading"]:
                    assert row["heading"] in text[start:end], (name, row)
                n += 1
        checked[name] = n
    return checked


CRLF_SEEDS = {"crlf_release": "003", "cr_news": "004", "crlf_bom_article": "000"}


def test_crlf_offsets_in_every_frame_match_the_text_and_the_lf_file(tmp_path):
    cases = {c.name: c for c in CASES}
    odd = write(tmp_path / "odd", {cases[n].path: cases[n].content for n in CRLF_SEEDS})
    plain = write(tmp_path / "plain", {f"{n}.txt": seed(s) for n, s in CRLF_SEEDS.items()})
    odd_corpus, plain_corpus = nzdprk.load_corpus(odd), nzdprk.load_corpus(plain)
    texts = {d.doc_id: d.text for d in odd_corpus.docs}
    assert all("\r" not in t and "\ufeff" not in t for t in texts.values())
    checked = check_offsets(odd_corpus.frames(), texts)
    for name in ("sentences", "sections", "infobox", "dates", "events", "mentions"):
        assert checked[name] > 0, name
    for name in ("event_participants", "claims", "aid_flows", "unresolved_names"):
        assert checked[name] > 0, name
    for name, frame in odd_corpus.frames().items():  # the same rows as the LF files give
        other = plain_corpus.frames()[name]
        if name == "documents":
            frame, other = frame.drop(columns="file_sha256"), other.drop(columns="file_sha256")
        pd.testing.assert_frame_equal(frame, other, obj=name)


def test_exported_offsets_match_the_exported_text(exported):
    docs = exported.csv("documents")
    texts = dict(zip(docs["doc_id"], docs["text"], strict=True))
    names = [p.stem for p in exported.out.glob("*.csv")]
    checked = check_offsets({n: exported.csv(n) for n in names}, texts)
    for name in ("sentences", "dates", "events", "claims", "mentions", "aid_flows", "infobox"):
        assert checked[name] > 0, name
    assert "\r" not in "".join(texts.values())


# --- en dashes and no-break spaces in dates and amounts -------------------------------------


def typography_frames(corpus: nzdprk.Corpus, doc_id: str):
    dates = corpus.dates[corpus.dates["doc_id"] == doc_id]
    flows = corpus.aid_flows[corpus.aid_flows["doc_id"] == doc_id]
    return (
        dates[["date_edtf", "date_earliest", "date_latest"]].reset_index(drop=True),
        flows[["amount", "amount_min", "amount_max", "currency", "donor_id", "receiver_org_id"]]
        .reset_index(drop=True)
        .astype(object),
    )


def test_en_dashes_and_no_break_spaces_still_give_dates_and_amounts(make_corpus):
    corpus = nzdprk.load_corpus(
        make_corpus({"odd.txt": ODD_TYPOGRAPHY, "plain.txt": PLAIN_TYPOGRAPHY})
    )
    dates = corpus.dates[corpus.dates["doc_id"] == "odd"].set_index("quote")["date_edtf"]
    assert dates.to_dict() == {
        "3–5 April": "2007-04-03/2007-04-05",
        "20\u00a0November 2007": "2007-11-20",
        "1995\u00a0–\u00a02002": "1995/2002",
    }
    flows = corpus.aid_flows[corpus.aid_flows["doc_id"] == "odd"]
    assert flows["amount_text"].tolist() == [
        "NZ$ 4 million",
        "NZ$\u00a04 million",
        "NZ$2–3\u00a0million",
    ]
    assert flows["amount_min"].tolist() == [4e6, 4e6, 2e6]
    assert flows["amount_max"].tolist() == [4e6, 4e6, 3e6]
    assert set(flows["currency"]) == {"NZD"}
    odd, plain = typography_frames(corpus, "odd"), typography_frames(corpus, "plain")
    for a, b in zip(odd, plain, strict=True):
        pd.testing.assert_frame_equal(a, b)
    text = corpus.text("odd")
    assert [(m.amount_text, m.amount) for m in find_money(text)][:2] == [
        ("NZ$ 4 million", 4e6),
        ("NZ$\u00a04 million", 4e6),
    ]
    assert [w.edtf for w in find_dates("on 3–5 April 2002; 20\u00a0November 2007")] == [
        "2002-04-03/2002-04-05",
        "2007-11-20",
    ]


def test_en_dashes_and_no_break_spaces_are_exported_as_dates_and_amounts(exported):
    dates = exported.csv("dates")
    dates = dates[dates["doc_id"] == "odd_typography"].set_index("quote")
    assert dates.loc["3–5 April", "date_edtf"] == "2007-04-03/2007-04-05"
    assert dates.loc["20\u00a0November 2007", "date_edtf"] == "2007-11-20"
    flows = exported.csv("aid_flows")
    flows = flows[flows["doc_id"] == "odd_typography"]
    assert flows["amount_text"].tolist()[:2] == ["NZ$ 4 million", "NZ$\u00a04 million"]
    assert flows["amount"].tolist()[:2] == ["4000000.0", "4000000.0"]


# --- curly and straight quotes --------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["001", "002", "003"])
def test_quoted_speech_is_attributed_the_same_with_curly_and_straight_quotes(make_corpus, prefix):
    curly = seed(prefix)
    assert "“" in curly
    corpus = nzdprk.load_corpus(
        make_corpus({"curly.txt": curly, "straight.txt": straighten(curly)})
    )
    events = corpus.events
    columns = ["action", "attributed_to", "assertion_mode", "char_start", "char_end"]
    a = events.loc[events["doc_id"] == "curly", columns].reset_index(drop=True)
    b = events.loc[events["doc_id"] == "straight", columns].reset_index(drop=True)
    pd.testing.assert_frame_equal(a, b)
    # the minister's quoted words are his: the events of sentences in quotation marks are
    # attributed to him (or his state), never to anyone else
    quoted = events[(events["doc_id"] == "straight") & events["quote"].str.startswith('"')]
    speakers = quoted["attributed_to"].dropna()
    assert len(speakers) >= 2
    assert set(speakers) <= {"phil-goff", "winston-peters", "NZL"}


def test_quoted_speech_is_exported_the_same_with_curly_and_straight_quotes(exported):
    events = exported.csv("events")
    columns = ["action", "attributed_to", "assertion_mode", "char_start", "char_end"]
    curly = events.loc[events["doc_id"] == "curly_quotes", columns].reset_index(drop=True)
    straight = events.loc[events["doc_id"] == "straight_quotes", columns].reset_index(drop=True)
    pd.testing.assert_frame_equal(curly, straight)
    quoted = events[(events["doc_id"] == "straight_quotes") & events["quote"].str.startswith('"')]
    speakers = quoted["attributed_to"].dropna()  # the minister's quoted words are his
    assert len(speakers) >= 2
    assert set(speakers) <= {"phil-goff", "NZL"}


# --- front matter kept, YAML inert -----------------------------------------------------------


def test_unknown_and_odd_fields_are_kept_as_json(exported):
    docs = exported.csv("documents").set_index("doc_id")
    assert '"embargo": "until noon"' in docs.loc["unknown_field", "front_matter_json"]
    assert '"1": "first"' in docs.loc["unknown_number_field", "front_matter_json"]
    assert docs.loc["duplicate_field", "title"] == "Second title"


TAGS = [
    f"!!python/object/apply:os.system ['touch {MARKER}']",
    f"!!python/object/apply:subprocess.check_call [['touch', '{MARKER}']]",
    f"!!python/object/new:subprocess.Popen [['touch', '{MARKER}']]",
    "!!python/name:os.system",
    "!!python/module:os",
    f"!!python/object:subprocess.Popen {{args: ['touch', '{MARKER}']}}",
]


def test_yaml_tags_never_run_code(tmp_path):
    evil = {
        f"evil{i}.txt": release(body(f"tag {i}"), title=f"title: {t}") for i, t in enumerate(TAGS)
    }
    folder = write(tmp_path / "corpus", evil | {"good.txt": GOOD})
    corpus = load(folder, problems=True)
    assert [(p.path, p.severity, p.line) for p in corpus.problem_list] == [
        (name, "error", 2) for name in evil
    ]
    assert all("could not determine a constructor" in p.message for p in corpus.problem_list)
    assert [d.doc_id for d in corpus.docs] == ["good"]
    result = export(folder, tmp_path / "out")
    assert result.returncode == 0 and "Traceback" not in result.stderr
    for name in evil:
        assert f"nzdprk: error: {name}, line 2: front matter is not valid YAML" in result.stderr
    assert read_csv(tmp_path / "out" / "problems.csv")["path"].tolist() == list(evil)
    assert not (tmp_path / "pwned").exists()


# --- a 10 MB file ----------------------------------------------------------------------------

TEN_MB = 10 * 1024 * 1024


def big_text() -> tuple[str, str, int]:
    """About 10 MB of prose recombined from the seeds' sentences: (text, block, copies)."""
    sentences = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
        for b in blocks(text, "news_article"):
            if b.kind == "prose":
                sentences += [text[s:e] for s, e in split_sentences(text, b.char_start, b.char_end)]
    paragraphs = [" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4)]
    block = "\n\n".join(paragraphs) + "\n\n"
    copies = -(-TEN_MB // len(block.encode("utf-8")))
    return block * copies, block, copies


def test_a_10_mb_file_is_read_not_skipped(tmp_path):
    text, block, copies = big_text()
    folder = write(tmp_path / "corpus", {"big.txt": text, "good.txt": GOOD})
    assert (folder / "big.txt").stat().st_size >= TEN_MB
    corpus = nzdprk.load_corpus(folder)  # no problem, so no warning
    assert corpus.problem_list == []
    big = next(d for d in corpus.docs if d.doc_id == "big")
    assert big.text == text and big.doc_type == "news_article"
    assert big.file_sha256 == hashlib.sha256(text.encode("utf-8")).hexdigest()
    # Segmenting, dating and pricing read the whole text, every span pointing into it.
    paragraphs = blocks(text, "news_article")
    assert len(paragraphs) == copies * len(blocks(block, "news_article"))
    sentences = [s for b in paragraphs for s in split_sentences(text, b.char_start, b.char_end)]
    dates, amounts = find_dates(text), find_money(text)
    assert len(dates) == copies * len(find_dates(block))
    assert len(amounts) == copies * len(find_money(block))
    assert len(sentences) == copies * sum(
        len(split_sentences(block, b.char_start, b.char_end)) for b in blocks(block, "news_article")
    )
    assert all(text[w.char_start : w.char_end] == w.text for w in dates)
    assert all(text[m.char_start : m.char_end] == m.text for m in amounts)
    assert dates[-1].char_end > len(text) - len(block)  # the last copy is read too


#: Bytes of the file exported whole: every stage and frame on one multi-megabyte document (the
#: 10 MB file above is read, dated and priced; exporting it whole takes about 80 s of CPU,
#: since extraction runs at roughly 8 s per MB, too long for the unit suite).
EXPORTED_BYTES = 2 * 1024 * 1024
#: Seconds that export may take on this 2-core machine (about 16 s of CPU on an idle one): a
#: stage that grew faster than linearly in the length of a document would need far more.
EXPORT_BUDGET = 400


def test_a_multi_megabyte_file_is_exported(tmp_path):
    _, block, _ = big_text()
    text = block * -(-EXPORTED_BYTES // len(block.encode("utf-8")))
    folder = write(tmp_path / "corpus", {"big.txt": text, "good.txt": GOOD})
    assert (folder / "big.txt").stat().st_size >= EXPORTED_BYTES
    try:
        result = export(folder, tmp_path / "out", timeout=EXPORT_BUDGET)
    except subprocess.TimeoutExpired:
        pytest.fail(f"exporting a {EXPORTED_BYTES:,}-byte file took more than {EXPORT_BUDGET} s")
    assert result.returncode == 0, result.stderr
    docs = read_csv(tmp_path / "out" / "documents.csv").set_index("doc_id")
    assert int(docs.loc["big", "n_chars"]) == len(text)


# --- an export interrupted while moving its files into place --------------------------------


def test_an_export_interrupted_while_moving_files_leaves_no_temporary_file(tmp_path, monkeypatch):
    first = write(tmp_path / "first", {"a.txt": GOOD})
    second = write(tmp_path / "second", {"b.txt": seed("002")})
    out = tmp_path / "out"
    assert cli.main(["export", "--corpus", str(first), "--out", str(out)]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def interrupted(a, b):
        raise KeyboardInterrupt

    monkeypatch.setattr(files.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        cli.main(["export", "--corpus", str(second), "--out", str(out)])
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert [p.name for p in tmp_path.rglob(".*")] == []


def test_an_export_keeps_other_files_in_the_folder(tmp_path):
    out = write(tmp_path / "out", {"README.txt": "notes kept beside the tables\n"})
    second = write(tmp_path / "second", {"b.txt": seed("002")})
    assert cli.main(["export", "--corpus", str(second), "--out", str(out)]) == 0
    assert (out / "README.txt").read_text() == "notes kept beside the tables\n"
    assert read_csv(out / "documents.csv")["doc_id"].tolist() == ["b"]
    assert [p.name for p in tmp_path.rglob(".*")] == []


# --- properties ------------------------------------------------------------------------------


def check_frames(corpus: nzdprk.Corpus) -> None:
    """Offsets match the text, bounds are ordered and every EDTF string is valid."""
    frames = corpus.frames()
    check_offsets(frames, {d.doc_id: d.text for d in corpus.docs})
    for name, frame in frames.items():
        for column in (c for c in frame.columns if c.endswith("_edtf")):
            prefix = column[: -len("edtf")]
            for value in frame[column].dropna():
                assert edtf.is_valid_edtf(value), (name, column, value)
            if f"{prefix}earliest" in frame and f"{prefix}latest" in frame:
                both = frame.dropna(subset=[f"{prefix}earliest", f"{prefix}latest"])
                assert (both[f"{prefix}earliest"] <= both[f"{prefix}latest"]).all(), name


def load_one_file(data: bytes) -> nzdprk.Corpus:
    """load_corpus on a folder holding one file: a document or a problem, nothing else."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "x.txt").write_bytes(data)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            corpus = nzdprk.load_corpus(folder)
        assert [w.category for w in caught] == (
            [nzdprk.CorpusWarning] if corpus.problem_list else []
        )
        problems = corpus.problem_list
        assert all(p.path == "x.txt" and p.severity in {"error", "warning"} for p in problems)
        errors = [p for p in problems if p.severity == "error"]
        assert len(corpus.docs) + len(errors) == 1  # a document, or one reason why not
        if corpus.docs:
            assert "\r" not in corpus.docs[0].text
        if problems:
            with pytest.raises(nzdprk.CorpusError) as info:
                nzdprk.load_corpus(folder, strict=True)
            assert info.value.problems == problems
        else:
            assert len(nzdprk.load_corpus(folder, strict=True).docs) == 1
        check_frames(corpus)
    return corpus


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=500))
def test_any_bytes_give_a_document_or_a_problem(data):
    load_one_file(data)


ODD_CHARS = "\r\n\t \u00a0\u2009\u202f\u2013\u2014-“”‘’\"'\ufeff\u2028\x0b\x0c\x85é\u0301$=:#"


@settings(max_examples=40, deadline=None)
@given(
    st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from(ODD_CHARS), max_size=400),
    st.sampled_from(["", "---\n", "---\ntitle: x\n---\n", "= Title =\n"]),
)
def test_any_text_gives_a_document_or_a_problem(text, opening):
    load_one_file((opening + text).encode("utf-8"))


SENTENCES = [
    "Foreign Minister Winston Peters met Kim Yong-nam in Pyongyang on 20 November 2007.",
    '"We welcome the talks," Mr Goff said on 3-5 April 2002.',
    "New Zealand has given NZ$4 million to the World Food Programme for North Korea.",
    "Between 1995 and 2002 New Zealand contributed NZ$1.4 million in humanitarian aid.",
    "New Zealand established diplomatic relations with North Korea in March 2001.",
    "In mid-2005, Peters supported the Six-Party talks and travelled to Pyongyang.",
    "The sanctions, in place since 2018, will be reviewed in late 2025, officials said.",
]
ODD_SWAPS = [
    (" ", "\u00a0"),
    (" ", "\u202f"),
    ("-", "–"),
    ('"', "“"),
    ("\n", "\r\n"),
    ("\n", "\r"),
    ("Goff", "Goff’s"),
]


# Each example reads a corpus and builds every frame (~0.3 s): shrinking a failure could take
# minutes, and these inputs are short and readable as generated.
@settings(max_examples=30, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate])
@given(
    st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=8),
    st.lists(st.sampled_from(["\n\n", " ", "\n"]), min_size=8, max_size=8),
    st.lists(st.tuples(st.sampled_from(ODD_SWAPS), st.integers(0, 3)), max_size=4),
    st.sampled_from(["", "\ufeff", "---\ndate: 2008-05-01\nministers: [Winston Peters]\n---\n"]),
)
def test_odd_typography_keeps_offsets_bounds_and_edtf_valid(chosen, gaps, swaps, opening):
    text = "".join(s + g for s, g in zip(chosen, gaps, strict=False))
    for (old, new), nth in swaps:  # swap the nth occurrence (or all, for nth 0)
        if nth == 0:
            text = text.replace(old, new)
        else:
            parts = text.split(old)
            if len(parts) > nth:
                text = old.join(parts[:nth]) + new + old.join(parts[nth:])
    corpus = load_one_file((opening + text).encode("utf-8"))
    assert len(corpus.docs) == 1


@pytest.mark.parametrize(
    "sentence",
    [
        "In the mid-2000s, Peters travelled to Pyongyang.",
        "In the 20th century, the war ended.",
        "In spring 2001, Goff visited Seoul.",
    ],
)
def test_an_inferred_publication_date_is_valid_edtf(make_corpus, sentence):
    documents = nzdprk.load_corpus(make_corpus({"undated.txt": sentence + "\n"})).documents
    (value,) = documents["published_edtf"]
    assert documents["published_resolution"].tolist() == ["inferred"]
    assert edtf.is_valid_edtf(value), value
