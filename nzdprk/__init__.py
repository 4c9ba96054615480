"""nzdprk: New Zealand–North Korea relations, from source documents to tidy frames.

>>> import nzdprk
>>> corpus = nzdprk.load_corpus()          # the five bundled sources
>>> corpus.documents[["doc_id", "doc_type", "published_edtf"]]
>>> nzdprk.export_corpus(corpus, "tables")  # CSV files and datapackage.json
>>> nzdprk.read_tables("tables")            # the frames back, with their dtypes

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
    "NoDocumentsError",
    "OutputError",
    "__version__",
    "evaluate",
    "export_corpus",
    "load_corpus",
    "read_tables",
]

if TYPE_CHECKING:
    from .corpus import Corpus, CorpusWarning, load_corpus
    from .evaluation import Evaluation, GoldError, evaluate
    from .export import export_corpus, read_tables
    from .files import OutputError
    from .read import CorpusError, NoDocumentsError


def __getattr__(name: str) -> Any:
    if name in ("Corpus", "CorpusWarning", "load_corpus"):
        from . import corpus

        return getattr(corpus, name)
    if name in ("Evaluation", "GoldError", "evaluate"):
        from . import evaluation

        return getattr(evaluation, name)
    if name in ("export_corpus", "read_tables"):
        from . import export

        return getattr(export, name)
    if name in ("CorpusError", "NoDocumentsError"):
        from . import read

        return getattr(read, name)
    if name == "OutputError":
        from .files import OutputError

        return OutputError
    raise AttributeError(f"module 'nzdprk' has no attribute {name!r}")
