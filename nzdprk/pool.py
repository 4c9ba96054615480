"""Analyse documents in worker processes on this machine (``load_corpus(jobs=...)``).

Extraction is a pure function of one document (`extract.analyse`), so the results do not depend
on how the work is split. Each worker frames the documents it analysed (`frames.batch_frames`)
and sends back the frames, never the analyses, so the main process only joins them. For many
machines, see `nzdprk.parallel` (Dask).
"""

from __future__ import annotations

import math
import os
import sys
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TYPE_CHECKING

from . import frames
from .extract import Analysis, analyse
from .read import Document

if TYPE_CHECKING:
    import pandas as pd

#: Batches per worker: enough that all workers stay busy to the end, few enough that each
#: batch's frames are worth sending.
BATCHES_PER_WORKER = 8
#: Most documents in one batch (what one worker holds analysed at a time).
MAX_BATCH = 500


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


def analyse_and_frame(
    docs: Sequence[Document], catalogue: Mapping[str, Mapping[str, str]]
) -> dict[str, pd.DataFrame]:
    """The `frames.PER_DOCUMENT` frames of a batch of documents: one worker's task."""
    return frames.batch_frames(docs, {d.doc_id: analyse(d) for d in docs}, catalogue)


def frame_all(
    docs: Sequence[Document],
    catalogue: Mapping[str, Mapping[str, str]],
    *,
    jobs: int = 1,
    progress: bool = False,
) -> dict[str, pd.DataFrame]:
    """The `frames.PER_DOCUMENT` frames of ``docs`` (without their text columns), analysed
    and framed in ``jobs`` worker processes (0 = one per core), batch by batch; ``progress``
    shows a progress bar on standard error."""
    jobs = jobs or os.cpu_count() or 1
    size = max(1, min(MAX_BATCH, math.ceil(len(docs) / (jobs * BATCHES_PER_WORKER))))
    batches = [docs[i : i + size] for i in range(0, len(docs), size)]
    rows = [{d.path: catalogue[d.path] for d in batch if d.path in catalogue} for batch in batches]
    pool = ProcessPoolExecutor(max_workers=jobs) if jobs > 1 else None
    results: Iterable[dict[str, pd.DataFrame]] = (
        map(analyse_and_frame, batches, rows)
        if pool is None
        else pool.map(analyse_and_frame, batches, rows)
    )
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(docs), unit="doc", file=sys.stderr, desc="analysing")
    parts: dict[str, list[pd.DataFrame]] = {name: [] for name in frames.PER_DOCUMENT}
    try:
        for batch, result in zip(batches, results, strict=True):
            for name, frame in result.items():
                parts[name].append(frame)
            if bar is not None:
                bar.update(len(batch))
    finally:
        if bar is not None:
            bar.close()
        if pool is not None:
            pool.shutdown()
    return {name: frames.join(name, parts.pop(name)) for name in frames.PER_DOCUMENT}
