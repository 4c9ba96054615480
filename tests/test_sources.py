"""The bundled sources: byte-identical, catalogued, and read as what they are."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib

import pytest

from .conftest import ROOT, SEEDS

SHARED = ROOT.parent / "shared" / "seeds"


def catalogue() -> list[dict[str, str]]:
    with (SEEDS / "catalogue.csv").open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_every_source_file_matches_its_catalogued_checksum():
    rows = catalogue()
    assert sorted(r["file"] for r in rows) == sorted(p.name for p in SEEDS.glob("*.txt"))
    for row in rows:
        assert hashlib.sha256((SEEDS / row["file"]).read_bytes()).hexdigest() == row["sha256"]
        assert row["licence"] and row["doc_type"] and row["publisher"]


@pytest.mark.skipif(
    not SHARED.is_dir(), reason="the shared source folder is not beside the checkout"
)
def test_sources_are_byte_identical_to_the_originals():
    originals = {hashlib.sha256(p.read_bytes()).hexdigest() for p in SHARED.iterdir()}
    ours = {row["sha256"] for row in catalogue()}
    assert originals == ours


def test_five_documents_with_their_kinds_titles_and_dates(corpus):
    docs = corpus.documents.set_index("doc_id")
    assert len(docs) == 5
    expected = {
        "000_e724febe7b462b24": ("encyclopedia_article", "New Zealand–North Korea relations", None),
        "001_e04c4114be72f84d": (
            "press_release",
            "Goff Welcomes Developments In Relations With North Korea",
            dt.date(2000, 9, 19),
        ),
        "002_a9688cb631e8140e": (
            "press_release",
            "Goff welcomes progress in inter-Korean relations",
            dt.date(2002, 4, 29),
        ),
        "003_1445d6a868041173": (
            "press_release",
            "Peters reaffirms NZ commitment on North Korea",
            dt.date(2007, 7, 27),
        ),
        "004_e5065bca2519973a": ("news_article", None, None),
    }
    for doc_id, (kind, title, date) in expected.items():
        row = docs.loc[doc_id]
        assert row["doc_type"] == kind
        assert (None if row["title"] is pd_na() else row["title"]) == title
        if date is None:
            assert not row["is_dated"]
        else:
            assert row["published_earliest"].date() == row["published_latest"].date() == date
            assert row["publisher"] == "New Zealand Government"
            assert row["url"].startswith("https://www.beehive.govt.nz/release/")
    assert docs.loc["001_e04c4114be72f84d", "ministers"] == "Phil Goff"
    assert docs.loc["003_1445d6a868041173", "portfolios"] == "Foreign Affairs"
    assert docs.loc["000_e724febe7b462b24", "licence"] == "CC BY-SA 4.0"


def pd_na():
    import pandas as pd

    return pd.NA


def test_offsets_refer_to_the_body_after_the_front_matter(corpus):
    # The research notes give this span for the 2002 release (body after the closing ---).
    text = corpus.text("002_a9688cb631e8140e")
    assert text[1334:1398] == "Since 1995 it has contributed NZ$1.4 million in humanitarian aid"
    assert len(text) == 1877
