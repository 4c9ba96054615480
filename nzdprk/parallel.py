"""Analyse many documents at once on Dask (one machine or many); worker processes on one
machine are `nzdprk.pool`.

Extraction is a pure function of one document (`extract.analyse`), so the results do not depend
on how the work is split: every path below gives the same frames as the plain one.

On a Dask cluster, :func:`load_corpus_with_dask` sends each worker the *paths* of a batch of
documents; the worker reads, analyses and frames them (`nzdprk.frames.batch_frames`), and the
client only lists the folder and joins the batches' frames, in file order, so that the frames
and their ids are those of one process::

    from dask.distributed import Client
    import nzdprk.parallel

    client = Client("tcp://scheduler:8786")   # or Client(n_workers=2) on this machine
    corpus = nzdprk.parallel.load_corpus_with_dask("my-corpus")
    corpus.events                              # the same frames as nzdprk.load_corpus()

Every worker must see the corpus folder at the same path as the client (a shared disk).
Without a client, the batches run in local processes that are forked, so a script needs no
``if __name__ == "__main__":`` guard, and it runs as it is in a notebook. ``Client(n_workers=2)``
starts its workers as new interpreters: in a script, create it under that guard.
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import frames
from .extract import work_problems
from .pool import analyse_all, analyse_and_frame
from .read import Document, Problem, check_pattern, corpus_files, keep_unique, read_document

if TYPE_CHECKING:
    import pandas as pd

    from .corpus import Corpus

__all__ = ["analyse_all", "load_corpus_with_dask"]


#: Documents per Dask task: enough work (a second or more) to outweigh a task's overhead,
#: few enough that every worker gets several tasks.
BATCH_SIZE = 250
#: Tasks per worker aimed at when the corpus is small (so that all workers get work).
TASKS_PER_WORKER = 4


#: One file as a worker returns it: the document (None if unreadable), the problems of reading
#: it and the parts too long to analyse.
Read = tuple[Document | None, list[Problem], list[Problem]]


def read_and_frame(
    root: str, paths: Sequence[str], catalogue: dict[str, dict[str, str]]
) -> tuple[list[Read], dict[str, pd.DataFrame]]:
    """Read the files ``paths`` of the corpus folder ``root``, analyse and frame them: one
    task's work on a worker. ``catalogue`` holds the catalogue rows of these files. Returns
    each file as read and the batch's `frames.PER_DOCUMENT` frames."""
    from .read.catalogue import catalogued

    out: list[Read] = []
    docs: list[Document] = []
    for path in paths:
        doc, problems = read_document(Path(path), root=Path(root))
        if doc is None:
            out.append((None, problems, []))
            continue
        doc = catalogued(doc, catalogue)
        docs.append(doc)
        out.append((doc, problems, work_problems(doc)))
    return out, analyse_and_frame(docs, catalogue)


def batches(paths: Sequence[str], workers: int, size: int = BATCH_SIZE) -> list[list[str]]:
    """Consecutive batches of at most ``size`` paths, smaller when needed to give each of
    ``workers`` workers `TASKS_PER_WORKER` tasks."""
    if not paths:
        return []
    size = max(1, min(size, math.ceil(len(paths) / (workers * TASKS_PER_WORKER))))
    return [list(paths[i : i + size]) for i in range(0, len(paths), size)]


def load_corpus_with_dask(
    path: str | Path | None = None,
    *,
    strict: bool = False,
    pattern: str = "*.txt",
    follow_symlinks: bool = False,
    scheduler: Any = None,
    batch_size: int = BATCH_SIZE,
) -> Corpus:
    """The :class:`~nzdprk.Corpus` of ``nzdprk.load_corpus(path, ...)``, its documents read,
    analysed and framed by Dask in batches of at most ``batch_size`` files (the ``scale`` extra:
    ``pip install "dask[distributed]"``).

    ``scheduler``: a ``dask.distributed.Client`` (or its address, ``"tcp://host:8786"``); by
    default the client already created in this process, else a pool of local processes (one
    per core; forked, so a script needs no ``if __name__ == "__main__":`` guard, and it runs
    in a notebook). Workers read the files themselves: they must see ``path`` as the client
    does. Problems, warnings and errors are those of `nzdprk.load_corpus`.
    """
    from .corpus import Corpus, bundled_seeds, checked
    from .read.catalogue import read_catalogue

    dask = _import_dask()
    check_pattern(pattern)
    root = Path(path) if path is not None else bundled_seeds()
    files, problems = corpus_files(root, pattern, follow_symlinks=follow_symlinks)
    catalogue, cat_problems = read_catalogue(root)
    client, workers = _scheduler(scheduler)
    paths = [str(f) for f in files]
    tasks = [
        dask.delayed(read_and_frame, pure=True)(
            str(root), batch, {k: catalogue[k] for k in _rows(root, batch) if k in catalogue}
        )
        for batch in batches(paths, workers, batch_size)
    ]
    if client is not None:
        done = dask.compute(*tasks, scheduler=client)
    else:
        with dask.config.set({"multiprocessing.context": "fork"}):
            done = dask.compute(*tasks, scheduler="processes", num_workers=workers)
    results = [r for reads, _ in done for r in reads]
    docs, found = keep_unique((doc, read) for doc, read, _ in results)
    kept = {id(doc) for doc in docs}
    work = [p for doc, _, w in results if id(doc) in kept for p in w]
    problems = checked(root, docs, problems + found, work, catalogue, cat_problems, strict=strict)
    return Corpus(docs, problems, root, catalogue, tables=_joined(done, kept, catalogue))


def _joined(
    done: Sequence[tuple[list[Read], dict[str, pd.DataFrame]]],
    kept: set[int],
    catalogue: dict[str, dict[str, str]],
) -> dict[str, pd.DataFrame]:
    """The batches' frames joined in file order. A batch holding a document left out (a
    second file with the same doc_id) is framed again here without it."""
    parts: dict[str, list[pd.DataFrame]] = {name: [] for name in frames.PER_DOCUMENT}
    for reads, batch in done:
        docs = [doc for doc, _, _ in reads if doc is not None]
        if any(id(doc) not in kept for doc in docs):
            batch = analyse_and_frame([doc for doc in docs if id(doc) in kept], catalogue)
        for name, frame in batch.items():
            parts[name].append(frame)
    return {name: frames.join(name, parts.pop(name)) for name in frames.PER_DOCUMENT}


def _rows(root: Path, paths: Sequence[str]) -> list[str]:
    """Keys of the catalogue (paths relative to the corpus folder) of ``paths``."""
    return [Path(p).relative_to(root).as_posix() for p in paths]


def _scheduler(scheduler: Any) -> tuple[Any, int]:
    """The distributed client to use (None for local processes) and its number of workers."""
    if isinstance(scheduler, str):
        from dask.distributed import Client

        scheduler = Client(scheduler)
    if scheduler is None:
        try:
            from dask.distributed import default_client

            scheduler = default_client()
        except (ImportError, ValueError):
            return None, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1
    return scheduler, max(1, sum(scheduler.nthreads().values()))


def _import_dask() -> Any:
    try:
        import dask
    except ImportError as exc:  # pragma: no cover - depends on the optional extra
        raise ImportError(
            "Dask is not installed: pip install 'dask[distributed]' "
            "(or, in a checkout, pip install -e '.[scale]')"
        ) from exc
    return dask
