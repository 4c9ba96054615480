"""Analyse documents in worker processes on this machine (``load_corpus(jobs=...)``).

Extraction is a pure function of one document (`extract.analyse`), so the results do not depend
on how the work is split. For many machines, see `nzdprk.parallel` (Dask).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor

from .extract import Analysis, analyse
from .read import Document


def analyse_all(
    docs: Sequence[Document], *, jobs: int = 1, progress: bool = False
) -> dict[str, Analysis]:
    """Analyses by doc_id. ``jobs`` worker processes (0 = one per core); ``progress`` shows a
    progress bar on standard error."""
    jobs = jobs or os.cpu_count() or 1
    if jobs == 1:
        results: Iterable[Analysis] = map(analyse, docs)
    else:
        pool = ProcessPoolExecutor(max_workers=jobs)
        chunk = max(1, len(docs) // (jobs * 8))
        results = pool.map(analyse, docs, chunksize=chunk)
    if progress:
        from tqdm import tqdm

        results = tqdm(results, total=len(docs), unit="doc", file=sys.stderr, desc="analysing")
    try:
        return {doc.doc_id: result for doc, result in zip(docs, results, strict=True)}
    finally:
        if jobs != 1:
            pool.shutdown()
