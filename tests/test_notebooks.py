"""Lesson notebooks are stored executed, clean and portable (nbval then re-runs them)."""

from __future__ import annotations

import json
import re

import pytest

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


def test_markdown_has_no_dollar_signs_that_would_render_as_maths(notebook):
    # JupyterLab renders text between two "$" as LaTeX: "NZ$1.4 million … NZ$4 million" would
    # come out as garbled maths. Money in prose is written "NZ\\$".
    for cell in notebook["cells"]:
        if cell["cell_type"] == "markdown":
            assert not re.search(r"(?<!\\)\$", "".join(cell["source"])), "".join(cell["source"])
