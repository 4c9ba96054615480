"""The descriptions of the environment (pyproject, lock, environment.yml and
environment-dev.yml) agree; the Binder one holds only what the lessons need."""

from __future__ import annotations

import json
import re
import tomllib

import yaml
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name

from .conftest import ROOT


def lock() -> dict[str, set[str]]:
    """name -> versions pinned in requirements.lock (several where markers split by Python)."""
    pins: dict[str, set[str]] = {}
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        m = re.match(r"^([A-Za-z0-9_.\-]+)==([^\s;]+)", line)
        if m:
            pins.setdefault(canonicalize_name(m[1]), set()).add(m[2])
    return pins


def environment(name: str = "environment.yml") -> tuple[dict[str, str], dict[str, str]]:
    env = yaml.safe_load((ROOT / name).read_text())
    conda, pip = {}, {}
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            for item in dep["pip"]:
                name, version = item.split("==")
                pip[canonicalize_name(name)] = version
        else:
            name, _, version = dep.partition("=")
            conda[canonicalize_name(name)] = version
    return conda, pip


def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())


def both_environments() -> dict[str, str]:
    """Every package of environment.yml and environment-dev.yml (without python and pip)."""
    packages: dict[str, str] = {}
    for name in ("environment.yml", "environment-dev.yml"):
        conda, pip = environment(name)
        conda.pop("python", None)
        conda.pop("pip", None)
        packages |= conda | pip
    return packages


def declared(*extras: str) -> list[str]:
    """Names of the dependencies pyproject.toml declares (and those of the given extras)."""
    project = pyproject()["project"]
    specs = list(project["dependencies"])
    for extra in extras or tuple(project["optional-dependencies"]):
        specs += project["optional-dependencies"][extra]
    return [canonicalize_name(Requirement(s).name) for s in specs]


def test_both_environment_files_pin_the_same_versions_as_the_lock():
    pins = lock()
    assert environment()[0]["python"] == "3.11"
    for name, version in both_environments().items():
        assert name in pins, f"{name} is in an environment file but not in requirements.lock"
        assert version in pins[name], f"{name}: environment file {version}, lock {pins[name]}"


def test_every_declared_dependency_is_locked_and_in_an_environment_file():
    project = pyproject()["project"]
    specs = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        specs += extra
    pins = lock()
    packages = both_environments()
    for spec in map(Requirement, specs):
        name = canonicalize_name(spec.name)
        assert name in pins, f"{name} is not in requirements.lock"
        assert any(spec.specifier.contains(v) for v in pins[name]), (name, pins[name])
        assert name in packages, f"{name} is in neither environment file"


def test_binder_gets_what_the_lessons_need_and_no_test_tools():
    conda, pip = environment()
    lessons = {*conda, *pip} - {"python", "pip", "setuptools", "numpy"}
    assert lessons == set(declared("lab"))
    dev_conda, dev_pip = environment("environment-dev.yml")
    assert not ({*dev_conda, *dev_pip} & lessons), "a package is in both environment files"


def test_python_versions_agree():
    assert SpecifierSet(pyproject()["project"]["requires-python"]).contains("3.11")
    assert "--python-version 3.11" in (ROOT / "requirements.lock").read_text()


def test_binder_installs_the_package_itself():
    post = (ROOT / "postBuild").read_text()
    assert re.search(r"pip install .*-e \.", post)
    assert not (ROOT / "binder").exists(), "a binder/ folder would hide environment.yml"
    assert not (ROOT / "requirements.txt").exists(), "requirements.txt would confuse repo2docker"


def test_the_jupyterlab_news_prompt_is_off_in_binder_and_in_the_local_venv():
    overrides = json.loads((ROOT / "overrides.json").read_text())
    notification = overrides["@jupyterlab/apputils-extension:notification"]
    assert notification == {"checkForUpdates": False, "fetchNews": "false"}
    assert "share/jupyter/lab/settings" in (ROOT / "postBuild").read_text()
    assert (
        "cp overrides.json $(VENV)/share/jupyter/lab/settings/" in (ROOT / "Makefile").read_text()
    )


def test_readme_shows_the_two_commands_and_ci_runs_the_test_one():
    readme = (ROOT / "README.md").read_text()
    assert "make run" in readme and "make test" in readme
    assert "make test" in (ROOT / ".ci" / "run").read_text()
