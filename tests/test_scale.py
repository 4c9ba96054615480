"""Parallel and distributed paths give exactly the frames of the plain one; TimelineJS export."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import nzdprk
from nzdprk import cli
from nzdprk.parallel import analyse_all, analyse_with_dask

FRAMES = (
    "documents",
    "dates",
    "amounts",
    "events",
    "event_participants",
    "claims",
    "mentions",
    "aid_flows",
    "claim_comparisons",
    "facts",
)


def assert_same_frames(a: nzdprk.Corpus, b: nzdprk.Corpus) -> None:
    for name in FRAMES:
        pd.testing.assert_frame_equal(a.frames()[name], b.frames()[name], check_exact=True)


def test_worker_processes_give_the_same_frames(corpus):
    assert_same_frames(corpus, nzdprk.load_corpus(jobs=2))


def test_dask_gives_the_same_frames(corpus):
    pytest.importorskip("dask")
    parallel = nzdprk.load_corpus()
    analyses = analyse_with_dask(parallel.docs, npartitions=3, scheduler="processes")
    assert analyses == analyse_all(parallel.docs)
    parallel._analysed = analyses
    assert_same_frames(corpus, parallel)


def test_export_with_jobs_writes_identical_files(tmp_path):
    assert cli.main(["export", "--out", str(tmp_path / "one")]) == 0
    assert cli.main(["export", "--jobs", "2", "--no-progress", "--out", str(tmp_path / "two")]) == 0
    one = {p.name: p.read_bytes() for p in (tmp_path / "one").iterdir()}
    two = {p.name: p.read_bytes() for p in (tmp_path / "two").iterdir()}
    assert one == two


def test_progress_bar_goes_to_stderr(tmp_path, capsys):
    assert cli.main(["export", "--progress", "--out", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    assert "analysing" in captured.err and "5/5" in captured.err
    assert captured.out == ""


def test_timelinejs_slides_quote_their_source_and_keep_precision(tmp_path, corpus):
    assert cli.main(["export", "--format", "timelinejs", "--out", str(tmp_path)]) == 0
    data = json.loads((tmp_path / "timeline.json").read_text(encoding="utf-8"))
    events = corpus.events.set_index(corpus.events["event_id"].str.replace(":", "-"))
    assert data["events"] and data["eras"]
    for slide in data["events"]:
        row = events.loc[slide["unique_id"]]
        assert row["aux_mode"] != "future"
        assert row["quote"].replace("&", "&amp;")[:40] in slide["text"]["text"].replace(
            "&quot;", '"'
        ).replace("&#x27;", "'")
        start = slide["start_date"]
        precision = str(row["date_precision"])
        assert ("day" in start) == (precision == "day")
        assert ("month" in start) == (precision in ("day", "month", "season"))
    planned = set(corpus.events.loc[corpus.events["aux_mode"] == "future", "event_id"])
    assert not planned & {s["unique_id"].replace("-e", ":e") for s in data["events"]}
