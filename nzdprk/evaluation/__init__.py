"""Measure how well the package reads: a hand annotation (gold YAML) against a corpus's frames.

``evaluate(corpus, gold)`` scores each layer — document metadata, date phrases, dated events,
money, aid rows, persons and facts shared between documents — with precision, recall and F1
and the counts behind them, and lists every miss and false hit with its document and quote.
The annotation format and the scoring rules are documented in ``docs/evaluation.md``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..schema import EVALUATION_FRAMES, dtypes
from .claims import _agreement, _aid, _money, _persons
from .gold import GoldError, load_gold
from .layers import _date_phrases, _events, _metadata, _typed
from .matching import _Layer

if TYPE_CHECKING:
    import pandas as pd

    from ..corpus import Corpus

# ---------------------------------------------------------------- the result


@dataclass
class Evaluation:
    """Scores per layer and measure, and every miss and false hit behind them."""

    scores: pd.DataFrame
    errors: pd.DataFrame
    gold: str
    corpus: str
    n_documents: int
    notes: list[str] = field(default_factory=list)

    def to_markdown(self) -> str:
        """The scores as a Markdown table, with the counts behind each figure."""
        lines = [
            "| layer | measure | found right | false hits | missed | precision | recall | F1 |",
            "|---|---|--:|--:|--:|--:|--:|--:|",
        ]
        for row in self.scores.itertuples(index=False):
            lines.append(
                f"| {row.layer} | {row.measure} | {_count(row.tp)} | {_count(row.fp)} | "
                f"{_count(row.fn)} | {_pct(row.precision)} | {_pct(row.recall)} | {_pct(row.f1)} |"
            )
        return "\n".join(lines) + "\n"

    def summary(self) -> str:
        """One line: what was measured on what."""
        return (
            f"{self.n_documents} annotated documents of {self.corpus} "
            f"against {Path(self.gold).name}"
        )

    def caveats(self) -> list[str]:
        """What limits the figures: documents or facts not scored, layers not available."""
        missing = [
            f"{r.layer} ({r.measure}): {r.note}"
            for r in self.scores.itertuples()
            if "not available" in str(r.note)
        ]
        return [*self.notes, *missing]

    def __str__(self) -> str:
        notes = "".join(f"- {note}\n" for note in self.caveats())
        measured = [
            f"- {r.layer} / {r.measure}: {r.note}\n" for r in self.scores.itertuples() if r.note
        ]
        return f"{self.summary()}\n\n{self.to_markdown()}\n{''.join(measured)}{notes}"

    def __repr__(self) -> str:
        return f"<Evaluation {self.summary()}>"


def _count(value: Any) -> str:
    import pandas as pd

    return "–" if pd.isna(value) else str(int(value))


def _pct(value: Any) -> str:
    import pandas as pd

    return "–" if pd.isna(value) else f"{100 * float(value):.0f}%"


# ---------------------------------------------------------------- scoring


def evaluate(corpus: Corpus | str | Path, gold: str | Path | Mapping) -> Evaluation:
    """Score ``corpus`` (a Corpus or a folder) against ``gold`` (a YAML file or a mapping).

    Raises :class:`GoldError` naming the file and line when the annotation is wrong.
    """
    import warnings

    import pandas as pd

    from ..corpus import Corpus, CorpusWarning, load_corpus

    if not isinstance(corpus, Corpus):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", CorpusWarning)
            corpus = load_corpus(corpus)
    documents = corpus.documents
    by_file: dict[str, str] = {}
    for doc_id, path in zip(documents["doc_id"], documents["path"], strict=True):
        by_file[path] = doc_id
        by_file.setdefault(Path(path).name, doc_id)
    texts = {file: corpus.text(doc_id) for file, doc_id in by_file.items()}
    checked = load_gold(gold, texts)
    scored = {by_file[file]: doc for file, doc in checked.documents.items()}
    notes = []
    left_out = len(documents) - len(scored)
    if left_out:
        notes.append(f"{left_out} documents of the corpus are not annotated and not scored")
    layers: list[_Layer] = []
    for score in (_metadata, _date_phrases, _events, _money, _aid, _persons):
        layers += score(corpus, scored, checked)
    layers += _agreement(corpus, scored, checked, by_file, notes)
    scores = pd.DataFrame(
        [layer.row() for layer in layers], columns=EVALUATION_FRAMES["scores"].names
    )
    errors = pd.DataFrame(
        [e for layer in layers for e in layer.errors], columns=EVALUATION_FRAMES["errors"].names
    )
    return Evaluation(
        scores=_typed(scores, dtypes(EVALUATION_FRAMES["scores"])),
        errors=_typed(errors, dtypes(EVALUATION_FRAMES["errors"])),
        gold=checked.source,
        corpus=f"{corpus.root.name}/",
        n_documents=len(scored),
        notes=notes,
    )


BEGIN = "<!-- figures: begin (written by make eval) -->"
END = "<!-- figures: end -->"


def report(evaluations: Mapping[str, Evaluation]) -> str:
    """The figures block of ``docs/evaluation.md`` (without its date line)."""
    parts = []
    for title, result in evaluations.items():
        caveats = "".join(f"- {caveat}\n" for caveat in result.caveats())
        parts.append(
            f"### {title}\n\n{result.summary()}.\n\n{result.to_markdown()}"
            + (f"\n{caveats}" if caveats else "")
        )
    return "\n".join(parts)


def update_report(path: Path, figures: str, today: dt.date) -> bool:
    """Put ``figures`` between the markers of ``path``; date it only when the figures changed.

    Returns whether the file was written, so that running again without changes leaves it as
    it was (and the repository clean).
    """
    from ..files import write_file

    old = path.read_text(encoding="utf-8") if path.exists() else ""
    if BEGIN in old and END in old:
        head, rest = old.split(BEGIN, 1)
        block, tail = rest.split(END, 1)
    else:
        head, block, tail = (old.rstrip("\n") + "\n\n" if old else ""), "", "\n"
    kept = re.sub(r"\A\s*Measured on \d{4}-\d{2}-\d{2}\.\s*", "", block).strip()
    if kept == figures.strip():
        return False
    block = f"\nMeasured on {today.isoformat()}.\n\n{figures.strip()}\n"
    write_file(path, f"{head}{BEGIN}{block}{END}{tail}".encode())
    return True


__all__ = ["BEGIN", "END", "Evaluation", "GoldError", "evaluate", "report", "update_report"]
