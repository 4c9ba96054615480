"""nzdprk: New Zealand–North Korea relations, from source documents to tidy frames.

>>> import nzdprk
>>> corpus = nzdprk.load_corpus()          # the five bundled sources
>>> corpus.documents[["doc_id", "doc_type", "published_edtf"]]

Heavy libraries (pandas, matplotlib) are imported only when a frame or chart is asked for,
so ``import nzdprk`` stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = [
    "Corpus",
    "CorpusError",
    "CorpusWarning",
    "Evaluation",
    "GoldError",
    "__version__",
    "evaluate",
    "load_corpus",
]

if TYPE_CHECKING:
    from .corpus import Corpus, CorpusWarning, load_corpus
    from .evaluation import Evaluation, GoldError, evaluate
    from .read import CorpusError


def __getattr__(name: str) -> Any:
    if name in ("Corpus", "CorpusWarning", "load_corpus"):
        from . import corpus

        return getattr(corpus, name)
    if name in ("Evaluation", "GoldError", "evaluate"):
        from . import evaluation

        return getattr(evaluation, name)
    if name == "CorpusError":
        from .read import CorpusError

        return CorpusError
    raise AttributeError(f"module 'nzdprk' has no attribute {name!r}")
