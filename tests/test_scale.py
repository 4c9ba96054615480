"""Parallel and distributed paths give exactly the frames of the plain one; TimelineJS export."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import nzdprk
from nzdprk import cli
from nzdprk.parallel import batches, load_corpus_with_dask
from nzdprk.schema import FRAMES


def assert_same_frames(a: nzdprk.Corpus, b: nzdprk.Corpus) -> None:
    """Every frame of the schema, ids, quotes and dtypes included."""
    first, second = a.frames(), b.frames()
    assert list(first) == list(second) == list(FRAMES)
    for name in FRAMES:
        pd.testing.assert_frame_equal(first[name], second[name], check_exact=True, obj=name)


def test_worker_processes_give_the_same_frames(corpus):
    assert_same_frames(corpus, nzdprk.load_corpus(jobs=2))


def test_dask_on_local_processes_gives_the_same_frames(corpus):
    pytest.importorskip("dask")
    assert_same_frames(corpus, load_corpus_with_dask(batch_size=2))


def test_dask_on_a_distributed_cluster_gives_the_same_frames(corpus):
    distributed = pytest.importorskip("dask.distributed")
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        assert_same_frames(corpus, load_corpus_with_dask(scheduler=client))


def test_dask_reports_the_problems_of_the_plain_path(make_corpus):
    pytest.importorskip("dask")
    folder = make_corpus(
        {"a.txt": "Helen Clark visited Seoul in 2004.", "b.txt": b"\xff\xfe\x00", "c.txt": ""}
    )
    with pytest.warns(nzdprk.CorpusWarning) as plain_warning:
        plain = nzdprk.load_corpus(folder)
    with pytest.warns(nzdprk.CorpusWarning) as dask_warning:
        dask = load_corpus_with_dask(folder, batch_size=1)
    assert str(dask_warning[0].message) == str(plain_warning[0].message)
    pd.testing.assert_frame_equal(dask.problems, plain.problems)
    assert_same_frames(plain, dask)
    with pytest.raises(nzdprk.CorpusError):
        load_corpus_with_dask(folder, strict=True)


@pytest.mark.parametrize("batch_size", [1, 2])
def test_dask_leaves_out_a_second_file_of_the_same_doc_id_as_the_plain_path_does(
    make_corpus, batch_size
):
    pytest.importorskip("dask")
    folder = make_corpus(
        {
            "a.md": "Phil Goff visited Pyongyang in May 2007.",
            "a.txt": "Helen Clark visited Seoul in 2004.",
            "b.txt": "New Zealand gave NZ$2 million in food aid to North Korea in 2008.",
        }
    )
    with pytest.warns(nzdprk.CorpusWarning):
        plain = nzdprk.load_corpus(folder, pattern="*")
    with pytest.warns(nzdprk.CorpusWarning):
        dask = load_corpus_with_dask(folder, pattern="*", batch_size=batch_size)
    assert dask.documents["path"].tolist() == ["a.md", "b.txt"]
    assert "Pyongyang" in dask.events["quote"].str.cat()
    assert_same_frames(plain, dask)


def test_documents_are_sent_in_batches_that_keep_every_worker_busy():
    paths = [f"{i}.txt" for i in range(10)]
    assert batches(paths, workers=2) == [paths[:2], paths[2:4], paths[4:6], paths[6:8], paths[8:]]
    assert batches(paths, workers=1, size=3) == [paths[:3], paths[3:6], paths[6:9], paths[9:]]
    assert [len(b) for b in batches([str(i) for i in range(5000)], workers=2)] == [250] * 20
    assert batches([], workers=2) == []


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


def test_the_frames_do_not_depend_on_how_many_documents_are_framed_at_a_time(corpus, monkeypatch):
    from nzdprk import corpus as corpus_module

    monkeypatch.setattr(corpus_module, "BATCH_SIZE", 2)  # the five seeds in three batches
    assert_same_frames(corpus, nzdprk.load_corpus())


def test_framing_leaves_pyarrows_memory_pool_as_the_user_set_it():
    import pyarrow as pa

    from nzdprk.frames import system_allocated

    mine = pa.default_memory_pool()
    nzdprk.load_corpus().frames()
    assert pa.default_memory_pool().backend_name == mine.backend_name
    with pytest.raises(KeyError), system_allocated():
        assert pa.default_memory_pool().backend_name == "system"
        raise KeyError("a failure while framing")
    assert pa.default_memory_pool().backend_name == mine.backend_name
