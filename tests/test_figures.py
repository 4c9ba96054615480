"""Charts: drawn by the package, identical to the committed ones, traceable to their sources."""

from __future__ import annotations

import csv

import pytest

from nzdprk.exercises import EXERCISES, check, is_correct
from nzdprk.figures import FIGURES, write_figures

from .conftest import ROOT


@pytest.fixture(scope="module")
def drawn(tmp_path_factory, corpus):
    folder = tmp_path_factory.mktemp("figures")
    write_figures(corpus, folder)
    return folder


def test_every_figure_is_identical_to_the_committed_one(drawn):
    committed = ROOT / "figures"
    for spec in FIGURES:
        for ext in ("svg", "png"):
            name = f"{spec.name}.{ext}"
            assert (drawn / name).read_bytes() == (committed / name).read_bytes(), (
                f"figures/{name} differs from what the code draws: run `make run`"
            )


def test_the_manifest_traces_each_figure_to_notebook_function_frames_and_sources(drawn):
    with (drawn / "manifest.csv").open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert [r["figure"] for r in rows] == [s.name for s in FIGURES]
    for row in rows:
        assert (ROOT / row["notebook"]).exists()
        assert row["function"].startswith("nzdprk.plots.")
        assert row["frames"] and row["source_documents"]
        notebook = (ROOT / row["notebook"]).read_text(encoding="utf-8")
        assert row["function"].removeprefix("nzdprk.") in notebook


def test_svg_files_carry_no_date_stamp(drawn):
    for spec in FIGURES:
        svg = (drawn / f"{spec.name}.svg").read_text(encoding="utf-8")
        assert "<dc:date>" not in svg


@pytest.mark.parametrize("exercise_id", sorted(EXERCISES))
def test_each_exercise_accepts_its_solution_and_rejects_a_wrong_answer(exercise_id, corpus, capsys):
    solution = EXERCISES[exercise_id].solve(corpus)
    assert is_correct(exercise_id, solution, corpus)
    assert not is_correct(exercise_id, "1066-10-14", corpus)
    check(exercise_id, None, corpus)
    assert "Hint" in capsys.readouterr().out
    check(exercise_id, solution, corpus)
    assert capsys.readouterr().out.startswith("Correct.")


def test_exercise_answers_come_from_the_data(corpus):
    assert EXERCISES["timeline-1"].solve(corpus) == "2002-04-05"
    assert EXERCISES["timeline-2"].solve(corpus) == "2024-05-01"
