"""Analyse many documents at once: worker processes on one machine, or Dask on many.

Extraction is a pure function of one document (`extract.analyse`), so the results do not depend
on how the work is split: every path below gives the same frames as the plain one.
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


def analyse_with_dask(
    docs: Sequence[Document], *, npartitions: int | None = None, scheduler: str | None = None
) -> dict[str, Analysis]:
    """The same analyses mapped with ``dask.bag`` (the ``scale`` extra: ``pip install dask``,
    or ``pip install -e ".[scale]"`` in a checkout).

    With no ``scheduler``, Dask's default is used: the local process pool, or the cluster of a
    ``dask.distributed.Client`` created beforehand (``Client("tcp://scheduler:8786")``), so the
    same call runs on one laptop or on many machines.
    """
    try:
        import dask.bag as db
    except ImportError as exc:  # pragma: no cover - depends on the optional extra
        raise ImportError(
            "Dask is not installed: pip install dask (or, in a checkout, pip install -e '.[scale]')"
        ) from exc
    bag = db.from_sequence(list(docs), npartitions=npartitions or min(len(docs), 64) or 1)
    results = bag.map(analyse).compute(scheduler=scheduler)
    return {doc.doc_id: result for doc, result in zip(docs, results, strict=True)}
