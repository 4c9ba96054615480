"""Writing into a user's folder: nothing nzdprk did not write is ever replaced or removed,
an interrupted or failed run leaves the previous output, and the tables come back typed."""

from __future__ import annotations

import errno
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import nzdprk
from nzdprk import cli, files
from nzdprk.export import datapackage, read_tables, spreadsheet_safe, write_tables
from nzdprk.schema import FRAMES, cast_frame

from .conftest import PRESS_RELEASE, ROOT, SEEDS
from .test_cli import run_cli


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` (hidden ones too) by relative path, with its bytes."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def user_folder(path: Path) -> Path:
    """A folder holding what a researcher keeps: notes, a git repository, other data."""
    (path / "notes").mkdir(parents=True)
    (path / "notes" / "mine.md").write_text("my reading notes\n")
    (path / ".git" / "objects").mkdir(parents=True)
    (path / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (path / "survey.csv").write_text("id,answer\n1,yes\n")
    return path


def export(*args: str) -> int:
    return cli.main(["export", *args])


def temp_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob(f"{files.TEMP_PREFIX}*"))


# --- a folder with other files in it ---------------------------------------------------------


def test_an_export_leaves_every_file_it_did_not_write_in_place(tmp_path):
    out = user_folder(tmp_path / "project")
    before = snapshot(out)
    assert export("--out", str(out)) == 0
    assert export("--out", str(out), "--format", "parquet") == 0
    after = snapshot(out)
    assert {name: after[name] for name in before} == before
    # the CSVs of the first run were nzdprk's own, so the second run removed them as stale
    assert [p.name for p in out.glob("*.csv")] == ["survey.csv"]
    manifest = json.loads((out / files.MANIFEST).read_text())["files"]
    assert sorted(manifest) == sorted([f"{n}.parquet" for n in FRAMES] + ["datapackage.json"])


def test_the_timeline_and_the_tables_share_a_folder_without_removing_each_other(tmp_path):
    out = tmp_path / "site"
    assert export("--out", str(out)) == 0
    assert export("--out", str(out), "--format", "timelinejs") == 0
    assert (out / "timeline.json").exists() and (out / "documents.csv").exists()


def test_a_file_of_the_same_name_that_nzdprk_did_not_write_is_never_replaced(tmp_path, capsys):
    out = user_folder(tmp_path / "project")
    (out / "documents.csv").write_text("my own documents table\n")
    before = snapshot(out)
    assert export("--out", str(out)) == cli.EXIT_CANNOT_WRITE
    err = capsys.readouterr().err
    assert "documents.csv, which nzdprk did not write" in err and "--out" in err
    assert "Traceback" not in err
    assert snapshot(out) == before


def test_out_may_be_the_corpus_folder(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in SEEDS.glob("*.txt"):
        (corpus / path.name).write_bytes(path.read_bytes())
    texts = snapshot(corpus)
    for _ in range(2):  # the tables written beside the documents are not read as documents
        assert export("--corpus", str(corpus), "--out", str(corpus)) == 0
    assert {name: data for name, data in snapshot(corpus).items() if name in texts} == texts
    assert len(read_tables(corpus)["documents"]) == 5


def test_out_may_be_the_current_folder(tmp_path):
    folder = user_folder(tmp_path / "here")
    before = snapshot(folder)
    result = run_cli("export", "--out", ".", cwd=folder)
    assert result.returncode == 0, result.stderr
    after = snapshot(folder)
    assert {name: after[name] for name in before} == before
    assert (folder / "documents.csv").exists()


def test_out_naming_a_file_is_refused_and_the_file_kept(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("keep me\n")
    result = run_cli("export", "--out", str(notes), cwd=tmp_path)
    assert result.returncode == cli.EXIT_CANNOT_WRITE
    assert f"{notes} is a file, not a folder" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(tmp_path) == {"notes.txt": b"keep me\n"}


def test_out_that_is_a_link_to_a_folder_is_followed_not_replaced(tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    link = tmp_path / "link"
    link.symlink_to(real, target_is_directory=True)
    assert export("--out", str(link)) == 0
    assert link.is_symlink() and (real / "documents.csv").exists()


def test_out_that_is_a_dangling_link_is_refused(tmp_path, capsys):
    link = tmp_path / "link"
    link.symlink_to(tmp_path / "nowhere")
    assert export("--out", str(link)) == cli.EXIT_CANNOT_WRITE
    assert "symbolic link to something that does not exist" in capsys.readouterr().err
    assert link.is_symlink() and not (tmp_path / "nowhere").exists()


# --- failures half-way -----------------------------------------------------------------------


@pytest.fixture
def previous(tmp_path) -> tuple[Path, dict[str, bytes]]:
    """An output folder with a good export in it, and its bytes."""
    out = tmp_path / "out"
    assert export("--out", str(out)) == 0
    return out, snapshot(out)


def test_a_read_only_folder_is_a_message_naming_out(previous, monkeypatch, capsys):
    out, before = previous
    if os.geteuid() == 0:  # root may write anywhere: refuse as the file system would

        def denied(path, *args, **kwargs):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))

        monkeypatch.setattr(files.os, "open", denied)
    else:
        out.chmod(0o555)
    try:
        assert export("--out", str(out)) == cli.EXIT_CANNOT_WRITE
    finally:
        out.chmod(0o755)
    err = capsys.readouterr().err
    assert err.startswith(f"nzdprk: nothing written: cannot write to {out}: Permission denied")
    assert err.rstrip().endswith("choose another --out")
    assert snapshot(out) == before


def test_a_full_disk_keeps_the_previous_output(previous, monkeypatch, capsys):
    out, before = previous
    real = pd.DataFrame.to_csv
    calls = {"n": 0}

    def full(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 4:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(pd.DataFrame, "to_csv", full)
    assert export("--out", str(out)) == cli.EXIT_CANNOT_WRITE
    assert "No space left on device" in capsys.readouterr().err
    assert snapshot(out) == before


KILLED = """
import os, signal, sys
import pandas as pd
from nzdprk import cli
real, calls = pd.DataFrame.to_csv, [0]
def killed(self, *args, **kwargs):
    calls[0] += 1
    if calls[0] == 5:
        os.kill(os.getpid(), signal.SIGKILL)
    return real(self, *args, **kwargs)
pd.DataFrame.to_csv = killed
cli.main(["export", "--corpus", sys.argv[1], "--out", sys.argv[2]])
"""


def test_a_kill_in_the_middle_keeps_the_previous_output_and_the_next_run_cleans_up(
    previous, make_corpus
):
    out, before = previous
    other = make_corpus({"ok.txt": PRESS_RELEASE})
    killed = subprocess.run(
        [sys.executable, "-c", KILLED, str(other), str(out)], capture_output=True, check=False
    )
    assert killed.returncode == -9
    left = snapshot(out)
    assert {name: left[name] for name in before} == before
    assert temp_files(out)  # the killed run could not clean up after itself
    assert export("--corpus", str(other), "--out", str(out)) == 0
    assert temp_files(out) == []
    assert read_tables(out)["documents"]["doc_id"].tolist() == ["ok"]
    assert [p.name for p in out.parent.iterdir() if p.name.startswith(".")] == []


def test_an_empty_corpus_never_replaces_the_output(previous, tmp_path, capsys):
    out, before = previous
    empty = tmp_path / "empty"
    empty.mkdir()
    for strict in ([], ["--strict"]):
        assert export("--corpus", str(empty), "--out", str(out), *strict) == 3
        assert "no sources" in capsys.readouterr().err
    assert snapshot(out) == before


@pytest.mark.parametrize("mask", [0o022, 0o027])
def test_files_and_folders_get_the_permissions_of_the_umask(tmp_path, mask, corpus):
    old = os.umask(mask)
    try:
        nzdprk.export_corpus(corpus, tmp_path / "new" / "out")
        cli.main(["schema", "--out", str(tmp_path / "dictionary.md")])
    finally:
        os.umask(old)
    for folder in (tmp_path / "new", tmp_path / "new" / "out"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o777 & ~mask
    for path in [*(tmp_path / "new" / "out").iterdir(), tmp_path / "dictionary.md"]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~mask, path.name


def test_figures_keep_the_files_of_the_folder(tmp_path):
    out = user_folder(tmp_path / "figures")
    before = snapshot(out)
    assert cli.main(["figures", "--out", str(out)]) == 0
    after = snapshot(out)
    assert {name: after[name] for name in before} == before
    assert (out / "timeline-overview.svg").exists()


# --- messages and exit codes -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["export", "--out", "o", "--jobs", "-1"], 2, "argument --jobs: '-1' is not 0"),
        (["export", "--out", "o", "--pattern", "/etc/*"], 2, "must name files inside the corpus"),
        (["export", "--out", "o", "--pattern", "../*.txt"], 2, "must name files inside the"),
        (["export", "--out", "o", "--format", "parquet", "--excel"], 2, "--excel is for"),
        (["export"], 2, "the following arguments are required: --out"),
        (["export", "--corpus", "nope", "--out", "o"], 3, "nope: corpus folder does not exist"),
        (["figures", "--corpus", "nope", "--out", "o"], 3, "nope: corpus folder does not exist"),
        (["findings", "--corpus", "nope"], 3, "nope: corpus folder does not exist"),
        (["export", "--corpus", "a.txt", "--out", "o"], 3, "a.txt: is a file, not a corpus"),
    ],
)
def test_each_mistake_has_its_message_and_exit_code(tmp_path, args, code, message):
    (tmp_path / "a.txt").write_text(PRESS_RELEASE)
    result = run_cli(*args, cwd=tmp_path)
    assert result.returncode == code
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "o").exists()


def test_help_lists_the_exit_codes():
    result = run_cli("--help")
    for code, meaning in cli.EXIT_CODES.items():
        assert f"  {code:<3} {meaning}" in result.stdout


def test_strict_figures_and_findings_stop_on_a_bad_file(make_corpus, tmp_path):
    folder = make_corpus({"bad.txt": b"", "ok.txt": PRESS_RELEASE})
    figures = run_cli("figures", "--strict", "--corpus", str(folder), "--out", str(tmp_path / "f"))
    findings = run_cli("findings", "--strict", "--corpus", str(folder))
    for result in (figures, findings):
        assert result.returncode == cli.EXIT_BAD_INPUT
        assert "bad.txt: empty file" in result.stderr
    assert not (tmp_path / "f").exists()


def test_findings_read_the_corpus_given(make_corpus):
    folder = make_corpus({"ok.txt": PRESS_RELEASE})
    result = run_cli("findings", "--corpus", str(folder))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("- The 1 sources contain")


def test_many_files_with_the_same_problem_are_reported_on_one_line(make_corpus, tmp_path):
    folder = make_corpus({f"copy{i}.txt": PRESS_RELEASE for i in range(6)})
    result = run_cli("export", "--corpus", str(folder), "--out", str(tmp_path / "o"))
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines()[0] == (
        "nzdprk: warning: 5 files, the first copy1.txt: same text as copy0.txt; both are kept "
        "(all are listed in problems.csv)"
    )
    assert len(result.stderr.splitlines()) == 2
    assert len(read_tables(tmp_path / "o")["problems"]) == 5


# --- typed tables ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("format", "spreadsheet"), [("csv", False), ("csv", True), ("parquet", False)]
)
def test_read_tables_gives_back_the_frames_with_their_dtypes(tmp_path, corpus, format, spreadsheet):
    nzdprk.export_corpus(corpus, tmp_path, format=format, spreadsheet=spreadsheet)
    tables = nzdprk.read_tables(tmp_path)
    assert list(tables) == list(FRAMES)
    for name, frame in corpus.frames().items():
        pd.testing.assert_frame_equal(tables[name], frame, obj=name)


def test_the_data_package_is_valid_with_its_keys(tmp_path, corpus):
    from frictionless import validate

    nzdprk.export_corpus(corpus, tmp_path)
    report = validate(tmp_path / "datapackage.json")
    assert report.valid, report.flatten(["title", "message"])[:5]
    package = json.loads((tmp_path / "datapackage.json").read_text())
    schemas = {r["name"]: r["schema"] for r in package["resources"]}
    assert schemas["documents"]["primaryKey"] == ["doc_id"]
    assert {"fields": ["doc_id"], "reference": {"resource": "documents", "fields": ["doc_id"]}} in (
        schemas["claims"]["foreignKeys"]
    )
    precision = next(f for f in schemas["dates"]["fields"] if f["name"] == "date_precision")
    assert precision["constraints"]["enum"][:2] == ["day", "month"]
    assert precision["categoriesOrdered"] is True


def test_the_validator_catches_a_duplicate_id_and_a_dangling_reference(tmp_path, corpus):
    from frictionless import validate

    nzdprk.export_corpus(corpus, tmp_path)
    docs = pd.read_csv(tmp_path / "documents.csv", dtype=str, keep_default_na=False)
    docs.iloc[[0, 0]].to_csv(tmp_path / "documents.csv", index=False, lineterminator="\n")
    errors = {row[0] for row in validate(tmp_path / "datapackage.json").flatten(["type"])}
    assert {"primary-key", "foreign-key"} <= errors


def test_the_data_package_describes_every_frame_of_the_schema():
    package = datapackage(list(FRAMES))
    assert [r["name"] for r in package["resources"]] == list(FRAMES)
    for resource in package["resources"]:
        frame = FRAMES[resource["name"]]
        assert [f["name"] for f in resource["schema"]["fields"]] == frame.names
        for key in resource["schema"].get("foreignKeys", []):
            target = FRAMES[key["reference"]["resource"]]
            assert set(key["reference"]["fields"]) <= set(target.names)
            assert set(key["fields"]) <= set(frame.names)
        assert set(resource["schema"].get("primaryKey", [])) <= set(frame.names)


FORMULAS = ["=1+1", "+64 4 439 8000", "-5 million", "@SUM(A1)", "\tx", "'quoted", "plain"]


def problems(messages: list[str]) -> pd.DataFrame:
    rows = {"path": "a.txt", "line": 1, "severity": "warning", "message": messages}
    return cast_frame(pd.DataFrame(rows), "problems")


def test_excel_csv_has_a_bom_and_no_cell_that_runs_as_a_formula(tmp_path):
    frame = problems(FORMULAS)
    write_tables({"problems": frame}, tmp_path, spreadsheet=True)
    data = (tmp_path / "problems.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    cells = pd.read_csv(tmp_path / "problems.csv", encoding="utf-8-sig", dtype=str)["message"]
    assert cells.tolist() == ["'" + m for m in FORMULAS[:-1]] + ["plain"]
    pd.testing.assert_frame_equal(read_tables(tmp_path)["problems"], frame)


def test_default_csv_is_verbatim(tmp_path):
    write_tables({"problems": problems(FORMULAS)}, tmp_path)
    data = (tmp_path / "problems.csv").read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    cells = pd.read_csv(tmp_path / "problems.csv", dtype=str, keep_default_na=False)["message"]
    assert cells.tolist() == FORMULAS


def test_spreadsheet_safe_leaves_its_input_alone():
    frame = problems(["=1+1", "\rx", "a-b"])
    assert spreadsheet_safe(frame)["message"].tolist() == ["'=1+1", "'\rx", "a-b"]
    assert frame["message"].tolist() == ["=1+1", "\rx", "a-b"]


def test_read_tables_on_a_folder_without_a_data_package_says_what_it_needs(tmp_path):
    with pytest.raises(FileNotFoundError, match="needs a folder written by nzdprk export"):
        read_tables(tmp_path)


def test_the_bundled_sources_are_package_data():
    from importlib import resources

    folder = resources.files("nzdprk.seeds")
    names = sorted(p.name for p in folder.iterdir() if p.name.endswith(".txt"))
    assert names == sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))


def test_schema_out_naming_a_folder_is_refused(tmp_path, capsys):
    assert cli.main(["schema", "--out", str(tmp_path)]) == cli.EXIT_CANNOT_WRITE
    assert f"{tmp_path} is a folder; give a file name" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_the_api_says_what_is_wrong_in_python_terms(tmp_path, corpus):
    (tmp_path / "notes.txt").write_text("mine\n")
    with pytest.raises(nzdprk.OutputError, match=r"notes\.txt is a file, not a folder"):
        nzdprk.export_corpus(corpus, tmp_path / "notes.txt")
    with pytest.warns(nzdprk.CorpusWarning, match="1 warning"):
        empty = nzdprk.load_corpus(tmp_path, pattern="*.md")
    with pytest.raises(nzdprk.NoDocumentsError, match="no document could be read"):
        nzdprk.export_corpus(empty, tmp_path / "out")
    assert not (tmp_path / "out").exists()


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        # documents are read with their line ends normalised, so no cell holds a bare "\r"
        st.text(st.characters(blacklist_categories=["Cs"], blacklist_characters="\r\x00")),
        min_size=1,
        max_size=5,
    ),
    st.booleans(),
)
def test_any_text_comes_back_from_csv_as_written(tmp_path_factory, messages, spreadsheet):
    folder = tmp_path_factory.mktemp("roundtrip")
    frame = problems([m or None for m in messages])
    write_tables({"problems": frame}, folder, spreadsheet=spreadsheet)
    pd.testing.assert_frame_equal(read_tables(folder)["problems"], frame)


def test_frames_given_as_functions_are_made_one_at_a_time_when_written(tmp_path):
    # export_corpus passes each frame as a function, so that one copy at a time is in memory
    corpus = nzdprk.load_corpus()
    made: list[str] = []

    def frame(name: str):
        def make():
            made.append(name)
            return getattr(corpus, name)

        return make

    names = ["documents", "dates"]
    written = write_tables({n: frame(n) for n in names}, tmp_path)
    assert made == names
    assert sorted(p.name for p in written) == ["datapackage.json", "dates.csv", "documents.csv"]
    assert (tmp_path / "dates.csv").read_text(encoding="utf-8").startswith("date_id,")


def test_export_forgets_each_frame_once_written_and_the_corpus_makes_it_again(
    tmp_path, monkeypatch
):
    from nzdprk import corpus as corpus_module

    analysed: list[str] = []
    analyse = corpus_module.analyse

    def counted(doc):
        analysed.append(doc.doc_id)
        return analyse(doc)

    monkeypatch.setattr(corpus_module, "analyse", counted)
    corpus = nzdprk.load_corpus()
    nzdprk.export_corpus(corpus, tmp_path)
    # every document analysed once: no frame was forgotten before the last one made from it
    assert sorted(analysed) == sorted(d.doc_id for d in corpus.docs)
    assert not [key for key in vars(corpus) if key.startswith("_frame_")]
    again = {name: getattr(corpus, name) for name in FRAMES}
    assert len(analysed) == 2 * len(corpus.docs)  # made again once, all frames together
    fresh = nzdprk.load_corpus()
    for name, frame in again.items():
        pd.testing.assert_frame_equal(frame, getattr(fresh, name), obj=name)


def test_export_keeps_a_frame_assigned_by_hand(tmp_path):
    corpus = nzdprk.load_corpus()
    events = corpus.events
    corpus.events = events.iloc[:2]
    nzdprk.export_corpus(corpus, tmp_path)
    pd.testing.assert_frame_equal(corpus.events, events.iloc[:2])
    assert len(read_tables(tmp_path)["events"]) == 2


@pytest.mark.parametrize("spreadsheet", [False, True])
def test_csv_written_batch_by_batch_is_the_bytes_of_the_whole_frames(
    tmp_path, monkeypatch, spreadsheet
):
    from nzdprk import corpus as corpus_module

    whole = nzdprk.load_corpus()
    frames = whole.frames()  # made before the export: written whole, not in batches
    nzdprk.export_corpus(whole, tmp_path / "whole", spreadsheet=spreadsheet)
    monkeypatch.setattr(corpus_module, "BATCH_SIZE", 2)  # the five seeds in three batches
    batched = nzdprk.load_corpus()
    written = nzdprk.export_corpus(batched, tmp_path / "batched", spreadsheet=spreadsheet)
    assert snapshot(tmp_path / "batched") == snapshot(tmp_path / "whole")
    assert sorted(p.name for p in written) == sorted(
        [f"{name}.csv" for name in FRAMES] + ["datapackage.json"]
    )
    assert temp_files(tmp_path) == []
    for name, frame in frames.items():  # what was not kept is made again when asked for
        pd.testing.assert_frame_equal(getattr(batched, name), frame, obj=name)


def test_a_failed_batch_by_batch_export_leaves_the_previous_files_and_no_temporary_one(
    tmp_path, monkeypatch
):
    from nzdprk import corpus as corpus_module

    out = tmp_path / "out"
    nzdprk.export_corpus(nzdprk.load_corpus(), out)
    before = snapshot(out)
    monkeypatch.setattr(corpus_module, "BATCH_SIZE", 2)
    corpus = nzdprk.load_corpus()
    calls = []
    analyse = corpus_module.analyse

    def fails_on_the_third_batch(doc):
        calls.append(doc.doc_id)
        if len(calls) == 5:
            raise OSError(errno.ENOSPC, "No space left on device")
        return analyse(doc)

    monkeypatch.setattr(corpus_module, "analyse", fails_on_the_third_batch)
    with pytest.raises(nzdprk.OutputError, match="No space left on device"):
        nzdprk.export_corpus(corpus, out)
    assert snapshot(out) == before
    assert temp_files(tmp_path) == []
