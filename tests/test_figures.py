"""Charts: drawn by the package, identical to the committed ones, traceable to their sources,
readable, and never claiming more than the data; exercises: answers read as a teacher would."""

from __future__ import annotations

import csv
import datetime as dt
import itertools
import json

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd
import pytest

from nzdprk import plots
from nzdprk.exercises import ExerciseError, exercises_from, load_exercises
from nzdprk.export import save_figure, write_figures
from nzdprk.figures import FIGURES

from .conftest import ROOT

EXERCISE_FILE = ROOT / "notebooks" / "exercises.yml"
LESSONS = sorted((ROOT / "notebooks").glob("*.ipynb"))


@pytest.fixture(scope="module")
def drawn(tmp_path_factory, corpus):
    folder = tmp_path_factory.mktemp("figures")
    write_figures(corpus, folder)
    return folder


@pytest.fixture(scope="module")
def figures(corpus):
    """Each published chart, drawn afresh (closed at the end)."""
    out = {spec.name: spec.draw(corpus) for spec in FIGURES}
    yield out
    for fig in out.values():
        plt.close(fig)


def test_every_figure_is_identical_to_the_committed_one(drawn):
    committed = ROOT / "figures"
    for spec in FIGURES:
        for ext in ("svg", "png"):
            name = f"{spec.name}.{ext}"
            assert (drawn / name).read_bytes() == (committed / name).read_bytes(), (
                f"figures/{name} differs from what the code draws: run `make figures`"
            )


def test_the_manifest_traces_each_figure_to_notebook_function_frames_sources_and_alt_text(drawn):
    with (drawn / "manifest.csv").open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert [r["figure"] for r in rows] == [s.name for s in FIGURES]
    for row in rows:
        assert (ROOT / row["notebook"]).exists()
        assert row["function"].startswith("nzdprk.plots.")
        assert row["frames"] and row["source_documents"]
        assert len(row["alt_text"]) > 60
        notebook = (ROOT / row["notebook"]).read_text(encoding="utf-8")
        assert row["function"].removeprefix("nzdprk.") in notebook
        assert json.dumps(row["title"], ensure_ascii=False)[1:-1] in notebook, row["title"]


def test_every_chart_in_the_lessons_is_a_published_figure():
    """Each lesson shows as many charts as FIGURES lists for it, and no other."""
    for path in LESSONS:
        nb = json.loads(path.read_text(encoding="utf-8"))
        shown = sum(
            "image/png" in out.get("data", {})
            for cell in nb["cells"]
            if cell["cell_type"] == "code"
            for out in cell["outputs"]
        )
        assert shown == sum(s.notebook == path.name for s in FIGURES), path.name


def test_svg_files_carry_no_date_stamp(drawn):
    for spec in FIGURES:
        svg = (drawn / f"{spec.name}.svg").read_text(encoding="utf-8")
        assert "<dc:date>" not in svg


def test_text_is_at_least_10_pt_at_the_size_the_chart_is_shown(figures):
    for name, fig in figures.items():
        fig.canvas.draw()
        small = [
            (t.get_text(), t.get_fontsize())
            for t in fig.findobj(mpl.text.Text)
            if t.get_visible() and t.get_text().strip() and t.get_fontsize() < 10
        ]
        assert not small, (name, small)
        box = fig.get_tightbbox(fig.canvas.get_renderer())
        assert box.width * fig.dpi <= plots.MAX_WIDTH_PX, (name, box.width)


def test_labels_on_a_chart_do_not_collide(figures):
    for name, fig in figures.items():
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
        for ax in fig.axes:
            labels = [t for t in ax.texts if t.get_visible() and t.get_text().strip()]
            labels += [t for t in ax.get_yticklabels() if t.get_text()]
            boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in labels]
            for (a, box_a), (b, box_b) in itertools.combinations(boxes, 2):
                assert not box_a.overlaps(box_b), (name, a, b)


def test_colour_means_the_source_document_in_every_chart(figures, corpus):
    """No chart uses a colour of the palette for anything but a source document."""
    allowed = {mpl.colors.to_hex(c) for c in plots.source_colours(corpus.documents).values()}
    palette = {mpl.colors.to_hex(c) for c in plots.PALETTE} - {"#000000"}  # black is for text
    for name, fig in figures.items():
        used = set()
        for line in fig.findobj(mpl.lines.Line2D):
            used.add(mpl.colors.to_hex(line.get_color()))
        for patch in fig.findobj(mpl.patches.Patch):
            used.add(mpl.colors.to_hex(patch.get_facecolor()))
        assert used & palette <= allowed, name


def _documents(**changes) -> pd.DataFrame:
    row = {
        "doc_id": "d1",
        "doc_type": "press_release",
        "ministers": "Winston Peters",
        "published_edtf": "2002-04-29",
        "published_earliest": pd.Timestamp("2002-04-29"),
        "published_resolution": "explicit",
    }
    return pd.DataFrame([{**row, **changes}])


def _event(**changes) -> dict:
    row = {
        "event_id": "d1:e001",
        "doc_id": "d1",
        "aux_mode": "none",
        "date_edtf": "1995/..",
        "date_earliest": pd.Timestamp("1995-01-01"),
        "date_latest": pd.NaT,
        "date_resolution": "explicit",
        "event_type": "AID",
        "summary": "aid",
        "quote": "Since 1995 it has contributed NZ$1.4 million.",
    }
    return {**row, **changes}


def _bars(ax) -> list[tuple[float, float]]:
    return [
        tuple(line.get_xdata(orig=False))
        for line in ax.get_lines()
        if len(line.get_xdata()) == 2 and line.get_linewidth() >= 5
    ]


def test_a_chart_takes_its_frame_as_data_draws_on_the_axes_given_and_passes_the_rest_on():
    _, ax = plt.subplots()
    drawn = plots.timeline(
        data=pd.DataFrame([_event()]), documents=_documents(), ax=ax, xlabel="year of the event"
    )
    assert drawn is ax
    assert ax.get_xlabel() == "year of the event"
    assert _bars(ax)
    plt.close(ax.figure)


def test_an_open_period_ends_at_the_date_of_its_source_not_at_the_edge():
    plots.use_style()
    ax = plots.timeline(pd.DataFrame([_event()]), _documents(), end="2010-12-31")
    right = mpl.dates.date2num(pd.Timestamp("2002-04-30"))
    assert [round(b[1]) for b in _bars(ax)] == [round(right)]
    plt.close(ax.figure)


def test_an_interval_is_drawn_as_an_interval_with_no_mark_at_its_middle():
    plots.use_style()
    event = _event(
        date_edtf="2000-07",
        date_earliest=pd.Timestamp("2000-07-01"),
        date_latest=pd.Timestamp("2000-07-31"),
    )
    ax = plots.timeline(pd.DataFrame([event]), _documents())
    middle = mpl.dates.date2num(pd.Timestamp("2000-07-16"))
    points = [line for line in ax.get_lines() if len(line.get_xdata()) == 1]
    assert not any(abs(mpl.dates.date2num(p.get_xdata()[0]) - middle) < 2 for p in points)
    left, right = _bars(ax)[0]
    assert (round(left), round(right)) == (
        round(mpl.dates.date2num(pd.Timestamp("2000-07-01"))),
        round(mpl.dates.date2num(pd.Timestamp("2000-08-01"))),
    )
    plt.close(ax.figure)


def test_a_speaker_is_placed_at_the_date_of_the_statement_or_left_off(corpus):
    table = plots.speaker_table(corpus.events, corpus.actors, corpus.documents)
    docs = corpus.documents.set_index("doc_id")
    for row in table.itertuples():
        if docs.loc[row.doc_id, "published_resolution"] == "explicit":
            assert row.when == docs.loc[row.doc_id, "published_earliest"]
        else:
            assert pd.isna(row.when) and row.basis.startswith("left off")


def test_no_date_phrase_is_counted_apart_from_a_phrase_not_placed():
    events = pd.DataFrame(
        [
            {"doc_id": "d1", "date_text": None, "date_edtf": None, "date_precision": None},
            {"doc_id": "d1", "date_text": "on Monday", "date_edtf": None, "date_precision": None},
            {"doc_id": "d1", "date_text": "in 2001", "date_edtf": "2001", "date_precision": "year"},
        ]
    )
    table = plots.precision_table(events, _documents())
    assert table.loc["d1", ["year", "date phrase not placed", "no date phrase"]].tolist() == [
        1,
        1,
        1,
    ]


def test_an_amount_with_no_stated_date_is_drawn_apart_from_the_time_axis():
    plots.use_style()
    flows = pd.DataFrame(
        [
            {
                "doc_id": "d1",
                "amount": pd.NA,
                "amount_min": pd.NA,
                "amount_max": 8.5e6,
                "amount_qualifier": "almost",
                "amount_text": "NZD$8.5 million",
                "measure": "cumulative_total",
                "as_of_date": pd.NaT,
                "period_earliest": pd.NaT,
                "period_latest": pd.NaT,
                "period_text": pd.NA,
                "channel_kind": "mixed",
            }
        ]
    )
    docs = _documents(
        doc_type="encyclopedia_article",
        published_resolution="inferred",
        published_earliest=pd.Timestamp("2025-05-01"),
    )
    ax = plots.aid_chart(flows, docs)
    on_time_axis = [line for line in ax.get_lines() if len(line.get_xdata())]
    assert not on_time_axis
    panel = ax.child_axes
    assert any(len(a.get_lines()) for a in panel)
    plt.close(ax.figure)


def test_a_dollar_sign_in_a_name_or_title_is_drawn_as_plain_text(tmp_path):
    plots.use_style()
    docs = _documents(ministers="A $x^2$ minister $")
    ax = plots.timeline(pd.DataFrame([_event()]), docs, title="Cost: $5 and $6 $\\frac")
    paths = save_figure(ax.figure, "dollars", tmp_path)
    assert all(p.stat().st_size for p in paths)
    legend = [t.get_text() for t in ax.figure.legends[0].get_texts()]
    assert any("\\$x^2\\$" in t for t in legend)
    assert "$5" in plots.alt_text(ax.figure)
    plt.close(ax.figure)


def test_a_chart_is_shown_as_png_with_its_alternative_text(corpus):
    plots.use_style()
    ax = plots.aid_chart(corpus.aid_flows, corpus.documents, title="Aid")
    number = ax.figure.number
    bundle, metadata = plots.show(ax)._repr_mimebundle_()
    assert bundle["text/html"].startswith('<img src="data:image/png;base64,')
    assert ' alt="Chart of amounts: Aid.' in bundle["text/html"]
    assert metadata["image/png"]["width"] <= plots.MAX_WIDTH_PX
    assert number not in plt.get_fignums()


def test_show_table_uses_one_marker_for_every_unknown_value():
    frame = pd.DataFrame(
        {
            "a": pd.array(["x", None], dtype="string"),
            "b": [1.5, float("nan")],
            "c": [pd.Timestamp("2002-04-29"), pd.NaT],
            "d": pd.array([1, None], dtype="Int64"),
            "e": [None, ["Kim Jong Il"]],
        }
    )
    shown = plots.show_table(frame)
    assert shown.iloc[1, :4].tolist() == [plots.UNKNOWN] * 4
    assert shown.loc[0, "c"] == "2002-04-29"
    assert shown.loc[0, "e"] == plots.UNKNOWN and shown.loc[1, "e"] == ["Kim Jong Il"]
    assert frame["b"].isna().sum() == 1  # the input is not changed


# Exercises: the lessons' file, and the checker on answers a student would give.


@pytest.fixture(scope="module")
def exercises():
    return load_exercises(EXERCISE_FILE)


def test_each_exercise_accepts_its_answers_and_gives_feedback_for_the_likely_wrong_ones(
    exercises,
):
    for exercise_id in exercises:
        exercise = exercises[exercise_id]
        for answer in exercise.answers:
            assert exercises.feedback(exercise_id, answer).startswith("Correct."), exercise_id
        for wrong, message in exercise.feedback:
            assert exercises.feedback(exercise_id, wrong) == f"Not yet. {message}", exercise_id
        assert exercises.feedback(exercise_id, None).startswith("No answer yet. Hint:")


@pytest.mark.parametrize(
    ("exercise_id", "answer"),
    [
        ("timeline-1", "2002-04-05"),
        ("timeline-1", "5 April 2002"),
        ("timeline-1", "5/4/2002"),
        ("timeline-1", pd.Timestamp("2002-04-05")),
        ("timeline-1", dt.date(2002, 4, 5)),
        ("timeline-1", pd.Series([pd.Timestamp("2002-04-05")], name="date_latest")),
        ("names-1", "Winston Peters"),
        ("names-1", "peters"),
        ("names-1", "Mr Peters"),
        ("aid-1", "No"),
        ("aid-1", " NO. "),
        ("aid-3", "C"),
        ("aid-3", "(c)"),
        ("aid-3", "A total over a period"),
        ("trust-1", 0.6),
        ("trust-1", "60%"),
        ("trust-1", "0.60"),
        ("trust-1", "6/10"),
        ("trust-1", "6 / 10"),
        ("start-3", "Press release"),
    ],
)
def test_answers_are_read_as_a_teacher_would(exercises, exercise_id, answer):
    assert exercises.is_correct(exercise_id, answer)


def test_numbers_compare_as_numbers():
    ex = exercises_from(
        {"n": {"question": "?", "kind": "number", "answer": 10, "hint": "h", "explanation": "e"}}
    )
    assert ex.is_correct("n", 10.0) and ex.is_correct("n", "10") and ex.is_correct("n", "10.0")
    assert not ex.is_correct("n", 11) and not ex.is_correct("n", True)
    assert ex.is_correct("n", "20/2") and not ex.is_correct("n", "20/3")
    assert "cannot read that as a number" in ex.feedback("n", "1/0")


def test_a_surname_is_accepted_only_when_no_other_person_shares_it():
    entry = {
        "question": "?",
        "kind": "name",
        "answer": "Kim Jong Il",
        "people": ["Kim Il Sung", "Kim Dae-jung"],
        "hint": "h",
        "explanation": "e",
    }
    ex = exercises_from({"n": entry})
    assert ex.is_correct("n", "kim jong il")
    assert not ex.is_correct("n", "Kim")
    assert ex.is_correct("n", "Jong Il")


@pytest.mark.parametrize(
    ("answer", "says"),
    [
        ("April 2002", "not a whole date"),
        ("soon", "cannot read that as a date"),
        (pd.Series(["2002-04-03", "2002-04-05"]), "holds 2 values"),
        ("2002-04-03", "first day of the visit"),
        ("2002-04-29", "date of the press release"),
        ("1999-01-01", "Hint:"),
    ],
)
def test_wrong_answers_get_targeted_feedback_and_never_the_answer(exercises, answer, says):
    message = exercises.feedback("timeline-1", answer)
    assert message.startswith("Not yet") and says in message
    assert "2002-04-05" not in message and "5 April" not in message


def test_an_exercise_file_with_a_mistake_is_named_with_the_problem(tmp_path):
    path = tmp_path / "exercises.yml"
    path.write_text(
        "x:\n  question: q\n  kind: date\n  answer: soon\n  hint: h\n  explanation: e\n"
    )
    with pytest.raises(ExerciseError, match=r"exercises.yml: exercise 'x': 'soon'"):
        load_exercises(path)
    path.write_text("x:\n  question: q\n  kind: colour\n  answer: red\n")
    with pytest.raises(ExerciseError, match="has no hint, explanation"):
        load_exercises(path)
    with pytest.raises(ExerciseError, match="no such exercise file"):
        load_exercises(tmp_path / "missing.yml")


def test_each_lesson_has_a_transfer_task_and_a_code_free_exercise(exercises):
    for path in LESSONS:
        text = path.read_text(encoding="utf-8")
        asked = [exercises[e] for e in exercises if f'exercises.ask(\\"{e}\\")' in text]
        assert any(e.transfer for e in asked), path.name
        assert any(e.code_free for e in asked), path.name


def test_every_name_an_exercise_accepts_is_written_in_a_source(exercises):
    """Answers are what the sources say: a name the lessons accept must be in their words."""
    texts = " ".join(p.read_text(encoding="utf-8") for p in (ROOT / "seeds").glob("*.txt"))
    names = [
        (exercise_id, answer)
        for exercise_id in exercises
        if exercises[exercise_id].kind == "name"
        for answer in exercises[exercise_id].answers
    ]
    assert names
    assert [(i, a) for i, a in names if str(a) not in texts] == []
