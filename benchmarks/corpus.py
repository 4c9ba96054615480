"""A deterministic synthetic corpus for the benchmarks, recombined from the seed sources.

Every document is built from sentences of ``seeds/*.txt``, with its dates (days, months, years,
decades) and NZ$ amounts varied, in the three formats ``nzdprk`` reads: 60 % press releases
(YAML front matter), 20 % encyclopedia articles (``= Title =``), 20 % news articles (plain
prose). Documents are about 2 KB on average, like the seed press releases.

Document ``i`` depends only on ``SEED`` and ``i``, never on the corpus size, so the 100-document
corpus is the first 100 files of the 10,000-document one and the same N always gives
byte-identical files::

    python benchmarks/corpus.py 1000 /tmp/corpus-1000
"""

from __future__ import annotations

import argparse
import random
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

SEED = 20250101
SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"

#: Target body length in characters per kind (uniform between the two bounds).
TARGET_CHARS = {
    "press_release": (1300, 2000),
    "encyclopedia_article": (1900, 2800),
    "news_article": (1000, 1700),
}

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_MONTH_RE = "|".join(MONTHS)

MINISTERS = (
    ("Phil Goff", "Foreign Affairs and Trade"),
    ("Winston Peters", "Foreign Affairs"),
    ("Murray McCully", "Foreign Affairs"),
    ("Nanaia Mahuta", "Foreign Affairs"),
    ("Helen Clark", "Prime Minister"),
)
TITLE_VERBS = ("welcomes", "reaffirms", "announces", "condemns", "supports", "notes")
TITLE_TOPICS = (
    "progress in inter-Korean relations",
    "NZ commitment on North Korea",
    "developments in relations with North Korea",
    "humanitarian aid to North Korea",
    "new sanctions on North Korea",
    "talks on the Korean peninsula",
)
SECTIONS = ("History", "Trade", "Official visits", "Aid", "Diplomatic missions", "Other visits")

# Dates and amounts that are varied: a decade ("the 2000s"), a year, a day next to a month
# name ("19 and 23 September", "3-5 April", "June 25"), a month name, an NZ$ amount.
_DECADE = re.compile(r"\b(1[89]\d|20\d)0s\b")
_YEAR = re.compile(r"(?<![\d,.$])\b(1[89]\d\d|20\d\d)\b(?![\d,]|s\b)")
_DAY_BEFORE = re.compile(
    rf"\b([1-9]|[12]\d|3[01])(?=(?:\s*(?:-|–|and|to)\s*\d{{1,2}})?\s+(?:{_MONTH_RE})\b)"
)
_DAY_AFTER = re.compile(rf"\b((?:{_MONTH_RE})\s+)([1-9]|[12]\d|3[01])\b(?!\d|,\d)")
_MONTH = re.compile(rf"\b({_MONTH_RE})\b")
_AMOUNT = re.compile(r"((?:NZD?|US)?\$)(\d+(?:\.\d+)?)(\s*(?:million|billion))?")


@dataclass(frozen=True)
class Pools:
    """Sentences of the seed sources, by the kind of document they come from."""

    press_release: tuple[str, ...]
    encyclopedia_article: tuple[str, ...]
    news_article: tuple[str, ...]
    with_amount: tuple[str, ...]

    def of(self, kind: str) -> tuple[str, ...]:
        """The pool of one document kind."""
        return getattr(self, kind)


def _split_sentences(paragraph: str) -> list[str]:
    """A plain sentence splitter (independent of the package under test)."""
    parts = re.split(r"(?<=[.!?])[\"”’]?\s+(?=[A-Z“\"])", paragraph.strip())
    return [p.strip() for p in parts if len(p.strip()) > 30]


def _body(text: str) -> tuple[str, str]:
    """The kind of a seed file and its body (front matter, title, infobox and headings removed)."""
    if text.startswith("---\n"):
        return "press_release", text.split("\n---\n", 1)[1]
    if text.lstrip().startswith("="):
        lines = [
            line
            for line in text.splitlines()
            if line.strip()
            and not line.startswith(("=", "- ", "Infobox"))
            and not line.strip().startswith("==")
        ]
        return "encyclopedia_article", "\n".join(lines)
    return "news_article", text


@cache
def pools(seeds_dir: Path = SEEDS_DIR) -> Pools:
    """Sentence pools from the seed files (read once)."""
    found: dict[str, list[str]] = {k: [] for k in TARGET_CHARS}
    for path in sorted(seeds_dir.glob("*.txt")):
        kind, body = _body(path.read_text(encoding="utf-8"))
        for paragraph in re.split(r"\n+", body):
            found[kind].extend(_split_sentences(paragraph))
    every = [s for kind in found.values() for s in kind]
    return Pools(
        press_release=tuple(found["press_release"]),
        encyclopedia_article=tuple(found["encyclopedia_article"]),
        news_article=tuple(found["news_article"]),
        with_amount=tuple(s for s in every if _AMOUNT.search(s)),
    )


def _amount(rng: random.Random, unit: str | None) -> str:
    """A new amount: millions when the text says "million", else a round sum."""
    if unit:
        millions = rng.choice([0.2, 0.5, 1, 1.4, 2, 2.5, 3, 4, 5.5, 8.5, 12, 20])
        return f"{millions * rng.randint(1, 3):g}"
    return f"{rng.randrange(10, 990) * 1000:,}"


def vary(sentence: str, rng: random.Random) -> str:
    """One sentence with its years, decades, months, days and amounts moved consistently
    (every year by the same number of years, so ranges and lists stay in order)."""
    years = rng.randint(-12, 14)
    decades = rng.choice([-2, -1, 0, 1])
    sentence = _DECADE.sub(lambda m: f"{min(202, max(180, int(m[1]) + decades))}0s", sentence)
    sentence = _YEAR.sub(lambda m: str(min(2025, max(1900, int(m[1]) + years))), sentence)
    months = [MONTHS.index(m) for m in _MONTH.findall(sentence)]
    if months:
        step = rng.randint(-min(months), 11 - max(months))
        sentence = _MONTH.sub(lambda m: MONTHS[MONTHS.index(m[1]) + step], sentence)
    days = rng.randint(-6, 5)
    sentence = _DAY_BEFORE.sub(lambda m: str(min(28, max(1, int(m[1]) + days))), sentence)
    sentence = _DAY_AFTER.sub(lambda m: m[1] + str(min(28, max(1, int(m[2]) + days))), sentence)
    return _AMOUNT.sub(lambda m: m[1] + _amount(rng, m[3]) + (m[3] or ""), sentence)


def _paragraphs(rng: random.Random, kind: str, target: int) -> list[str]:
    """Paragraphs of 1–3 varied sentences, mostly from seeds of the same kind, until `target`."""
    source = pools()
    own, every = source.of(kind), source.press_release + source.news_article
    every += source.encyclopedia_article
    paragraphs: list[str] = []
    size = 0
    if rng.random() < 0.5:  # about half the documents state an amount
        paragraphs.append(vary(rng.choice(source.with_amount), rng))
        size += len(paragraphs[-1])
    while size < target:
        sentences = [
            vary(rng.choice(own if rng.random() < 0.7 else every), rng)
            for _ in range(rng.randint(1, 3))
        ]
        paragraphs.append(" ".join(sentences))
        size += len(paragraphs[-1]) + 2
    rng.shuffle(paragraphs)
    return paragraphs


def press_release(i: int, rng: random.Random) -> str:
    """A ministerial release: YAML front matter, then paragraphs separated by blank lines."""
    minister, portfolio = rng.choice(MINISTERS)
    title = f"{minister.split()[-1]} {rng.choice(TITLE_VERBS)} {rng.choice(TITLE_TOPICS)}"
    date = f"{rng.randint(1996, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    body = "\n\n".join(
        _paragraphs(rng, "press_release", rng.randint(*TARGET_CHARS["press_release"]))
    )
    return (
        "---\n"
        f'title: "{title}"\n'
        f"date: {date}\n"
        f"url: https://www.beehive.govt.nz/release/synthetic-{i:05d}\n"
        f"ministers:\n  - {minister}\n"
        f"portfolios:\n  - {portfolio}\n"
        "---\n\n"
        f"{body}\n"
    )


def encyclopedia_article(i: int, rng: random.Random) -> str:
    """A Wikipedia-style plain-text article: title line, infobox, lead, ``==Section==`` parts."""
    kind = "encyclopedia_article"
    paragraphs = _paragraphs(rng, kind, rng.randint(*TARGET_CHARS[kind]))
    parts = [
        f"= New Zealand–North Korea relations ({i}) =",
        "Infobox\n- Map: North Korea New Zealand Locator.png",
        paragraphs[0],
    ]
    headings = rng.sample(SECTIONS, k=min(len(SECTIONS), max(1, len(paragraphs) // 2)))
    for n, paragraph in enumerate(paragraphs[1:]):
        if n % 2 == 0 and n // 2 < len(headings):
            parts.append(f"=={headings[n // 2]}==")
        parts.append(paragraph)
    return "\n\n".join(parts) + "\n"


def news_article(i: int, rng: random.Random) -> str:
    """Plain news prose: no title, date or author; one paragraph per line."""
    kind = "news_article"
    return "\n".join(_paragraphs(rng, kind, rng.randint(*TARGET_CHARS[kind]))) + "\n"


#: Kind of document ``i``: three press releases, one article, one news item in every five.
KIND_CYCLE = (press_release, press_release, press_release, encyclopedia_article, news_article)


def document(i: int) -> str:
    """The text of document ``i`` (0-based), a function of ``SEED`` and ``i`` only."""
    rng = random.Random(f"{SEED}:{i}")
    return KIND_CYCLE[i % len(KIND_CYCLE)](i, rng)


def write_corpus(n: int, folder: Path) -> Path:
    """Write documents 0 … n-1 as ``doc_00000.txt`` … into `folder` (created); returns it."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"doc_{i:05d}.txt").write_bytes(document(i).encode("utf-8"))
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of documents")
    parser.add_argument("folder", type=Path, help="output folder (created)")
    args = parser.parse_args()
    write_corpus(args.n, args.folder)


if __name__ == "__main__":
    main()
