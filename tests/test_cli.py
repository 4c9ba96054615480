"""The command line mirrors the API, says what is wrong without tracebacks, never half-writes."""

from __future__ import annotations

import csv
import subprocess
import sys

import pandas as pd
import pytest

from nzdprk import cli

from .conftest import PRESS_RELEASE, ROOT


def run_cli(*args: str, cwd=None, env=None) -> subprocess.CompletedProcess:
    """``python -m nzdprk ARGS`` in a fresh interpreter, as a user would type it."""
    return subprocess.run(
        [sys.executable, "-m", "nzdprk", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        check=False,
    )


def read_csv(path):
    with path.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_export_writes_one_csv_per_frame_with_iso_dates(tmp_path):
    assert cli.main(["export", "--out", str(tmp_path / "out")]) == 0
    out = tmp_path / "out"
    assert {p.name for p in out.iterdir()} >= {"documents.csv", "sentences.csv", "problems.csv"}
    docs = read_csv(out / "documents.csv")
    assert len(docs) == 5
    assert [d["doc_type"] for d in docs] == [
        "encyclopedia_article",
        "press_release",
        "press_release",
        "press_release",
        "news_article",
    ]
    assert docs[1]["published_earliest"] == "2000-09-19"
    assert docs[0]["published_text"] == ""  # not stated, so only a lower bound is inferred
    assert (docs[0]["published_earliest"], docs[0]["published_latest"]) == ("2025-05-01", "")
    assert docs[0]["published_resolution"] == "inferred"
    assert list(docs[0]) == list(pd.read_csv(out / "documents.csv", nrows=0).columns)


def test_python_dash_m_is_the_same_command(tmp_path):
    result = run_cli("export", "--out", str(tmp_path), cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "wrote" in result.stderr
    assert (tmp_path / "documents.csv").exists()


def test_bad_files_are_named_and_the_rest_exported(tmp_path, make_corpus):
    folder = make_corpus({"bad.txt": b"\xff\xfe\x00\x01", "ok.txt": PRESS_RELEASE})
    result = run_cli(
        "export",
        "--corpus",
        str(folder),
        "--out",
        str(tmp_path / "out"),
    )
    assert result.returncode == 0
    assert "Traceback" not in result.stderr
    assert "error: bad.txt: not a text file" in result.stderr
    assert "1 file(s) skipped" in result.stderr
    assert [r["doc_id"] for r in read_csv(tmp_path / "out" / "documents.csv")] == ["ok"]
    assert [r["path"] for r in read_csv(tmp_path / "out" / "problems.csv")] == ["bad.txt"]


def test_strict_mode_writes_nothing_and_exits_non_zero(tmp_path, make_corpus):
    folder = make_corpus({"bad.txt": b"", "ok.txt": PRESS_RELEASE})
    result = run_cli(
        "export",
        "--strict",
        "--corpus",
        str(folder),
        "--out",
        str(tmp_path / "out"),
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "nothing written" in result.stderr and "bad.txt: empty file" in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_missing_corpus_folder_is_a_message_not_a_traceback(tmp_path, capsys):
    assert cli.main(["export", "--corpus", str(tmp_path / "nope"), "--out", str(tmp_path)]) == 3
    assert "corpus folder does not exist" in capsys.readouterr().err


def test_an_interrupted_export_leaves_the_previous_output_intact(tmp_path, monkeypatch):
    out = tmp_path / "out"
    assert cli.main(["export", "--out", str(out)]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    calls = {"n": 0}
    real = pd.DataFrame.to_csv

    def flaky(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        return real(self, *args, **kwargs)

    monkeypatch.setattr(pd.DataFrame, "to_csv", flaky)
    with pytest.raises(KeyboardInterrupt):
        cli.main(["export", "--out", str(out)])
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # no temporary file left
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_schema_command_prints_the_data_dictionary(capsys):
    assert cli.main(["schema"]) == 0
    assert "## `documents`" in capsys.readouterr().out


def test_findings_read_only_the_files_the_pattern_names(make_corpus):
    folder = make_corpus({"a.txt": PRESS_RELEASE, "b.md": PRESS_RELEASE, "c.md": PRESS_RELEASE})
    result = run_cli("findings", "--corpus", str(folder), "--pattern", "*.md")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("- The 2 sources contain")


def test_each_command_that_reads_documents_takes_the_same_corpus_options():
    for command in ("export", "figures", "findings", "evaluate"):
        shown = run_cli(command, "--help").stdout
        for option in ("--corpus", "--pattern", "--strict", "--follow-symlinks"):
            assert option in shown, (command, option)


def test_the_data_dictionary_is_written_by_the_api_the_command_calls(tmp_path):
    from nzdprk.export import write_data_dictionary
    from nzdprk.schema import data_dictionary

    written = write_data_dictionary(tmp_path / "dictionary.md")
    assert written.read_text(encoding="utf-8") == data_dictionary()
    assert run_cli("schema", "--out", str(tmp_path / "cli.md")).returncode == 0
    assert (tmp_path / "cli.md").read_bytes() == written.read_bytes()
