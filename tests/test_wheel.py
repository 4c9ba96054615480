"""A wheel built from the checkout works installed anywhere: the sources travel with it, and
the sdist holds what its tests need."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
import tarfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from nzdprk.schema import FRAMES

from .conftest import ROOT
from .test_cli import run_cli


@contextmanager
def building() -> Iterator[None]:
    """One build at a time in the checkout (both write its build/ and *.egg-info folders),
    also when the tests run in several processes."""
    (ROOT / "build").mkdir(exist_ok=True)
    with (ROOT / "build" / "tests.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The wheel installed (without its dependencies, which this environment has) into a
    folder of its own, away from the checkout."""
    base = tmp_path_factory.mktemp("wheel")
    build = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q"]
    with building():
        subprocess.run([*build, "-w", str(base / "dist"), str(ROOT)], check=True, timeout=300)
    (wheel,) = (base / "dist").glob("nzdprk-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        assert sorted(n for n in archive.namelist() if n.startswith("nzdprk/seeds/")) == sorted(
            f"nzdprk/seeds/{p.name}" for p in (ROOT / "seeds").iterdir() if p.is_file()
        )
    install = [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--no-compile"]
    subprocess.run([*install, "--target", str(base / "site"), str(wheel)], check=True, timeout=300)
    return base


def nzdprk_from(base: Path, *args: str) -> subprocess.CompletedProcess:
    """``python -m nzdprk ARGS`` run from an unrelated folder, importing the installed wheel."""
    env = {**os.environ, "PYTHONPATH": str(base / "site"), "MPLBACKEND": "Agg"}
    work = base / "elsewhere"
    work.mkdir(exist_ok=True)
    return run_cli(*args, cwd=work, env=env)


@pytest.mark.timeout(600)
def test_the_installed_wheel_exports_draws_and_prints_findings_from_another_folder(installed):
    probe = subprocess.run(
        [sys.executable, "-c", "import nzdprk; print(nzdprk.__file__)"],
        capture_output=True,
        text=True,
        cwd=installed,
        env={**os.environ, "PYTHONPATH": str(installed / "site")},
        check=True,
    )
    assert probe.stdout.startswith(str(installed / "site")), probe.stdout

    export = nzdprk_from(installed, "export", "--out", "tables")
    assert export.returncode == 0, export.stderr
    assert f"wrote {len(FRAMES)} tables for 5 documents" in export.stderr
    figures = nzdprk_from(installed, "figures", "--out", "figures")
    assert figures.returncode == 0, figures.stderr
    assert (installed / "elsewhere" / "figures" / "timeline-overview.svg").exists()
    findings = nzdprk_from(installed, "findings")
    assert findings.returncode == 0, findings.stderr
    assert findings.stdout.startswith("- The 5 sources contain")


def test_the_sdist_holds_the_tests_and_what_they_read(tmp_path):
    script = (
        "import sys; from setuptools import build_meta; print(build_meta.build_sdist(sys.argv[1]))"
    )
    with building():
        result = subprocess.run(
            [sys.executable, "-c", script, str(tmp_path)],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=True,
            timeout=300,
        )
    name = result.stdout.strip().splitlines()[-1]
    with tarfile.open(tmp_path / name) as archive:
        members = {m.split("/", 1)[1] for m in archive.getnames() if "/" in m}
    needed = {
        "tests/conftest.py",
        "tests/test_export.py",
        "seeds/catalogue.csv",
        "requirements.lock",
        "environment.yml",
        "Makefile",
        "nzdprk/data/actors.csv",
    }
    assert needed <= members, needed - members
