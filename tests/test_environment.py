"""The three descriptions of the environment (pyproject, lock, environment.yml) agree."""

from __future__ import annotations

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


def environment() -> tuple[dict[str, str], dict[str, str]]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
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


def test_environment_yml_pins_the_same_versions_as_the_lock():
    pins = lock()
    conda, pip = environment()
    assert conda.pop("python") == "3.11"
    conda.pop("pip")
    for name, version in {**conda, **pip}.items():
        assert name in pins, f"{name} is in environment.yml but not in requirements.lock"
        assert version in pins[name], f"{name}: environment.yml {version}, lock {pins[name]}"


def test_every_declared_dependency_is_locked_and_in_environment_yml():
    project = pyproject()["project"]
    declared = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        declared += extra
    pins = lock()
    conda, pip = environment()
    for spec in map(Requirement, declared):
        name = canonicalize_name(spec.name)
        assert name in pins, f"{name} is not in requirements.lock"
        assert any(spec.specifier.contains(v) for v in pins[name]), (name, pins[name])
        assert name in conda or name in pip, f"{name} is not in environment.yml"


def test_python_versions_agree():
    assert SpecifierSet(pyproject()["project"]["requires-python"]).contains("3.11")
    assert "--python-version 3.11" in (ROOT / "requirements.lock").read_text()


def test_binder_installs_the_package_itself():
    post = (ROOT / "postBuild").read_text()
    assert re.search(r"pip install .*-e \.", post)
    assert not (ROOT / "binder").exists(), "a binder/ folder would hide environment.yml"
    assert not (ROOT / "requirements.txt").exists(), "requirements.txt would confuse repo2docker"


def test_readme_shows_the_two_commands_and_ci_runs_the_test_one():
    readme = (ROOT / "README.md").read_text()
    assert "make run" in readme and "make test" in readme
    assert "make test" in (ROOT / ".ci" / "run").read_text()
