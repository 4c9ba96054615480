"""Lesson notebooks are stored executed, clean and portable (nbval then re-runs them)."""

from __future__ import annotations

import itertools
import json
import re

import nbformat
import pytest

from nzdprk.exercises import load_exercises

from .conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
MACHINE = re.compile(r"((?<![\w:/.])/(home|root|tmp|usr|opt|work|Users)/[\w.-]+|0x[0-9a-f]{8,})")


@pytest.fixture(params=NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def notebook(request):
    return json.loads(request.param.read_text(encoding="utf-8"))


def code_cells(nb):
    return [c for c in nb["cells"] if c["cell_type"] == "code" and "".join(c["source"]).strip()]


def test_there_are_notebooks():
    assert NOTEBOOKS


def test_kernel_is_the_standard_python3(notebook):
    assert notebook["metadata"]["kernelspec"]["name"] == "python3"


def test_executed_top_to_bottom_with_outputs_stored(notebook):
    cells = code_cells(notebook)
    assert [c["execution_count"] for c in cells] == list(range(1, len(cells) + 1))


def test_no_errors_warnings_or_machine_specific_strings(notebook):
    for cell in code_cells(notebook):
        for out in cell["outputs"]:
            assert out["output_type"] != "error", "".join(cell["source"])
            assert out.get("name") != "stderr", out.get("text")
            text = json.dumps(out.get("text", "")) + json.dumps(out.get("data", {}))
            assert "Warning" not in text
            assert not MACHINE.search(text), MACHINE.search(text)


def test_lessons_open_with_their_aims(notebook):
    first = "".join(notebook["cells"][0]["source"])
    assert first.startswith("# ")
    assert "Aims" in first and "Time" in first


def test_sanitize_file_has_only_commented_well_formed_rules():
    text = (ROOT / "notebooks" / "nbval-sanitize.cfg").read_text()
    pairs = re.findall(r"^regex: (.*)$\n^replace: (.*)$", text, flags=re.MULTILINE)
    rules = re.findall(r"^regex:", text, flags=re.MULTILINE)
    assert len(pairs) == len(rules) == len(re.findall(r"^replace:", text, flags=re.MULTILINE))
    assert pairs
    for pattern, _ in pairs:
        re.compile(pattern)
        before = text[: text.index(pattern)].rstrip().splitlines()[-2]
        assert before.startswith("#"), f"rule {pattern!r} has no comment"


def markdown(nb) -> list[str]:
    return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown"]


def test_markdown_has_no_dollar_signs_that_would_render_as_maths(notebook):
    # JupyterLab renders text between two "$" as LaTeX: "NZ$1.4 million … NZ$4 million" would
    # come out as garbled maths, and so would "\\$". Money in prose is quoted as a code span.
    for text in markdown(notebook):
        prose = re.sub(r"```.*?```|`[^`]*`", "", text, flags=re.DOTALL)
        assert "$" not in prose, text


def test_charts_are_stored_as_png_with_alternative_text(notebook):
    for cell in code_cells(notebook):
        for out in cell["outputs"]:
            data = out.get("data", {})
            assert "<Figure size" not in "".join(data.get("text/plain", "")), cell["source"]
            if "image/svg+xml" in data or "image/png" in data:
                assert "image/png" in data, "a chart stored as SVG only is not shown untrusted"
                html = "".join(data["text/html"])
                assert re.search(r' alt="[^"]{60,}"', html), "".join(cell["source"])


def test_nbconvert_finds_no_image_without_alternative_text(notebook, caplog):
    from nbconvert import HTMLExporter

    exporter = HTMLExporter()
    with caplog.at_level("WARNING"):
        html, _ = exporter.from_notebook_node(nbformat.reads(json.dumps(notebook), as_version=4))
    assert "Alternative text is missing" not in caplog.text
    assert "No description has been provided" not in html


def test_each_lesson_has_a_parameters_cell_naming_the_corpus_folder(notebook):
    tagged = [c for c in notebook["cells"] if "parameters" in c["metadata"].get("tags", [])]
    assert len(tagged) == 1
    assert re.match(r'corpus_folder = "[^"]+"', "".join(tagged[0]["source"]))
    first_code = next(c for c in notebook["cells"] if c["cell_type"] == "code")
    assert first_code is tagged[0], "the parameters cell comes before any other code"


def test_each_lesson_ends_with_key_points(notebook):
    assert any(t.startswith("## Key points") or "\n## Key points" in t for t in markdown(notebook))


def test_the_first_lesson_has_every_source_read_in_a_collapsible_cell():
    nb = json.loads((ROOT / "notebooks" / "00-start-here.ipynb").read_text(encoding="utf-8"))
    cells = [c for c in nb["cells"] if "".join(c["source"]).startswith("read(")]
    assert len(cells) == len(list((ROOT / "seeds").glob("*.txt")))
    for cell in cells:
        assert cell["metadata"]["jupyter"]["outputs_hidden"] is True
        assert cell["outputs"][0]["text"][0].startswith("Source ")
    first_table = next(
        i for i, c in enumerate(nb["cells"]) if "show_table(corpus." in "".join(c["source"])
    )
    assert nb["cells"].index(cells[-1]) < first_table, "the sources come before any table"


GUIDE = ROOT / "docs" / "teachers-guide.md"


def _plan(title: str) -> list[tuple[int, int, str]]:
    text = GUIDE.read_text(encoding="utf-8")
    block = text.split(f"## {title}", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| (\d+)–(\d+) \| ([^|]+)\|", block, flags=re.MULTILINE)
    return [(int(a), int(b), what.strip()) for a, b, what in rows]


@pytest.mark.parametrize(
    ("title", "length"), [("A 60-minute session", 60), ("A 90-minute session", 90)]
)
def test_the_teachers_plans_add_up_with_set_up_and_a_break(title, length):
    plan = _plan(title)
    assert plan[0][0] == 0 and plan[-1][1] == length
    assert all(a[1] == b[0] for a, b in itertools.pairwise(plan)), plan
    assert any("set-up" in what.lower() for *_, what in plan)
    assert any("break" in what.lower() for *_, what in plan)


def test_the_guide_gives_each_lessons_time_as_the_lesson_does():
    text = GUIDE.read_text(encoding="utf-8")
    for path in NOTEBOOKS:
        first = "".join(json.loads(path.read_text(encoding="utf-8"))["cells"][0]["source"])
        minutes = re.search(r"About (\d+)\s+minutes", first).group(1)
        assert re.search(rf"\| `{path.stem}` \| {minutes} \|", text), path.stem


def test_the_guide_has_a_model_answer_for_every_question():
    text = GUIDE.read_text(encoding="utf-8")
    for path in NOTEBOOKS:
        nb = json.loads(path.read_text(encoding="utf-8"))
        for cell in markdown(nb):
            for section in ("Discussion", "Check your understanding"):
                if f"## {section}" not in cell:
                    continue
                block = cell.split(f"## {section}", 1)[1].split("\n## ", 1)[0]
                for n in re.findall(r"^(\d+)\. ", block, flags=re.MULTILINE):
                    marker = f"**{path.stem[:2]} {section.split()[0].lower()} {n}.**"
                    assert marker in text, marker
    for exercise_id in load_exercises(ROOT / "notebooks" / "exercises.yml"):
        assert f"**{exercise_id}.**" in text, exercise_id
