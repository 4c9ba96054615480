"""Shared fixtures: the bundled corpus, and a helper to build small corpora of bad files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import nzdprk

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"

PRESS_RELEASE = """---
title: "Minister welcomes talks"
date: 2015-03-06
url: https://example.org/release/talks
ministers:
  - Jane Doe
portfolios:
  - Foreign Affairs
---

Foreign Minister Jane Doe today welcomed the resumption of talks in Geneva.
"""


@pytest.fixture(scope="session")
def corpus() -> nzdprk.Corpus:
    return nzdprk.load_corpus()


@pytest.fixture
def make_corpus(tmp_path: Path) -> Callable[[dict[str, bytes | str]], Path]:
    """Write files (name -> text or bytes) into a fresh folder and return the folder."""

    def make(files: dict[str, bytes | str]) -> Path:
        folder = tmp_path / "corpus"
        folder.mkdir(exist_ok=True)
        for name, content in files.items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, str):
                path.write_bytes(content.encode("utf-8"))
            else:
                path.write_bytes(content)
        return folder

    return make
