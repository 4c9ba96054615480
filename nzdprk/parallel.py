"""Analyse many documents at once on Dask (one machine or many); worker processes on one
machine are `nzdprk.pool`.

Extraction is a pure function of one document (`extract.analyse`), so the results do not depend
on how the work is split: every path below gives the same frames as the plain one.

On a Dask cluster, :func:`load_corpus_with_dask` sends each worker the *paths* of a batch of
documents; the worker reads and analyses them, and the client only lists the folder and
builds the frames::

    from dask.distributed import Client
    import nzdprk.parallel

    client = Client("tcp://scheduler:8786")   # or Client(n_workers=2) on this machine
    corpus = nzdprk.parallel.load_corpus_with_dask("my-corpus")
    corpus.events                              # the same frames as nzdprk.load_corpus()

Every worker must see the corpus folder at the same path as the client (a shared disk).
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .extract import Analysis, analyse, work_problems
from .pool import analyse_all
from .read import Document, Problem, check_pattern, corpus_files, keep_unique, read_document

if TYPE_CHECKING:
    from .corpus import Corpus

__all__ = ["analyse_all", "load_corpus_with_dask"]


#: Documents per Dask task: enough work (a second or more) to outweigh a task's overhead,
#: few enough that every worker gets several tasks.
BATCH_SIZE = 250
#: Tasks per worker aimed at when the corpus is small (so that all workers get work).
TASKS_PER_WORKER = 4


#: One file as a worker returns it: the document (None if unreadable), the problems of reading
#: it, the parts too long to analyse, and its analysis.
Read = tuple[Document | None, list[Problem], list[Problem], Analysis | None]


def read_and_analyse(
    root: str, paths: Sequence[str], catalogue: dict[str, dict[str, str]]
) -> list[Read]:
    """Read the files ``paths`` of the corpus folder ``root`` and analyse each document: one
    task's work on a worker. ``catalogue`` holds the catalogue rows of these files."""
    from .read.catalogue import catalogued

    out: list[Read] = []
    for path in paths:
        doc, problems = read_document(Path(path), root=Path(root))
        if doc is None:
            out.append((None, problems, [], None))
            continue
        doc = catalogued(doc, catalogue)
        out.append((doc, problems, work_problems(doc), analyse(doc)))
    return out


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
    """The :class:`~nzdprk.Corpus` of ``nzdprk.load_corpus(path, ...)``, its documents read and
    analysed by Dask in batches of at most ``batch_size`` files (the ``scale`` extra:
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
        dask.delayed(read_and_analyse, pure=True)(
            str(root), batch, {k: catalogue[k] for k in _rows(root, batch) if k in catalogue}
        )
        for batch in batches(paths, workers, batch_size)
    ]
    if client is not None:
        done = dask.compute(*tasks, scheduler=client)
    else:
        with dask.config.set({"multiprocessing.context": "fork"}):
            done = dask.compute(*tasks, scheduler="processes", num_workers=workers)
    results = [r for batch in done for r in batch]
    docs, found = keep_unique((doc, read) for doc, read, _, _ in results)
    kept = {id(doc) for doc in docs}
    work = [p for doc, _, w, _ in results if id(doc) in kept for p in w]
    analyses = {doc.doc_id: a for doc, _, _, a in results if id(doc) in kept and a is not None}
    problems = checked(root, docs, problems + found, work, catalogue, cat_problems, strict=strict)
    return Corpus(docs, problems, root, catalogue, analyses)


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
