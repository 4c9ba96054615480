"""The README says what the data say, and its links lead somewhere."""

from __future__ import annotations

import re

from nzdprk.findings import findings

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_result_in_the_readme_is_recomputed_from_the_data(corpus):
    for sentence in findings(corpus):
        assert f"- {sentence}" in README, f"README is out of date; expected:\n- {sentence}"


def test_the_results_section_has_nothing_but_checked_results(corpus):
    section = README.split("## Results", 1)[1].split("\n## ", 1)[0]
    bullets = [line[2:] for line in section.splitlines() if line.startswith("- ")]
    assert bullets == findings(corpus)


def test_relative_links_exist():
    for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", README):
        assert (ROOT / target).exists(), target


def test_every_notebook_is_listed_as_a_lesson():
    for notebook in sorted((ROOT / "notebooks").glob("*.ipynb")):
        assert f"(notebooks/{notebook.name})" in README, notebook.name


def test_the_binder_link_opens_an_existing_notebook():
    link = re.search(r"https://mybinder\.org/v2/gh/[^)\s]+", README).group(0)
    path = re.search(r"urlpath=lab/tree/([^&)\s]+)", link).group(1)
    assert (ROOT / path).exists()


def test_the_exit_codes_are_the_ones_the_command_returns():
    from nzdprk.cli import EXIT_CODES

    table = README.split("**Exit codes**", 1)[1].split("\n\n", 2)[1]
    rows = [line.split(" | ") for line in table.splitlines()[2:]]
    documented = {int(code.strip("| ")): text.strip("| ").replace("`", "") for code, text in rows}
    assert documented == EXIT_CODES


def test_the_readme_installs_nothing_from_an_index_that_lacks_the_package():
    assert not re.search(r"pip install [\"']?nzdprk\b", README)
