"""One measurement in a fresh interpreter, pinned to one CPU; results as JSON lines on stdout.

``run.py`` starts this script once per measurement, so that every number comes from a clean
process (no warm caches, its own peak memory)::

    python benchmarks/worker.py nzdprk FOLDER [--budget S] [--predict JSON]
    python benchmarks/worker.py frontmatter FOLDER
    python benchmarks/worker.py dates FOLDER --sample K
    python benchmarks/worker.py accuracy
    python benchmarks/worker.py profile FOLDER [--top N]
    python benchmarks/worker.py export FOLDER
    python benchmarks/worker.py scale FOLDER --how one|jobs0|dask2   (not pinned)

Each line is one JSON object; the ``nzdprk`` task writes one line per stage as it goes, so a
run stopped by its time budget still reports what it finished.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import signal
import sys
import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent


def emit(**fields: Any) -> None:
    """Write one JSON result line and flush it at once."""
    print(json.dumps(fields, default=str), flush=True)


def maxrss_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def pin_one_cpu() -> int | None:
    """Run on a single CPU (the highest one allowed); returns its number."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    cpu = max(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return cpu


def limit_memory(gigabytes: float) -> None:
    """Cap the address space so that a runaway frame fails with MemoryError, not the OOM killer."""
    if gigabytes > 0:
        limit = int(gigabytes * 1024**3)
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def corpus_files(folder: Path) -> list[Path]:
    """The document files of a benchmark corpus, in name order."""
    return sorted(folder.glob("*.txt"))


class StageTimeout(Exception):
    """A stage ran past its time limit."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise StageTimeout in the main thread after `seconds` (checked between bytecodes)."""

    def expire(signum: int, frame: object) -> None:
        raise StageTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, max(seconds, 0.01))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# ---------------------------------------------------------------------------------------------
# Tasks
# ---------------------------------------------------------------------------------------------


def task_nzdprk(folder: Path, budget: float, predicted: dict[str, float]) -> None:
    """``load_corpus(folder).frames()``, timed stage by stage.

    Wall time and CPU time (``process_time``, which other load on the machine does not
    inflate) per stage. ``Corpus.frames()`` is ``{name: getattr(corpus, name) for name in
    FRAMES}``; the same
    attributes are asked for one by one here (after the per-document extraction, when the
    corpus has one) so that each gets its own time, and ``frames()`` is called at the end.
    A stage predicted to take longer than what is left of `budget` is skipped; a stage that
    runs past the end of the budget is stopped.
    """
    start = time.perf_counter()
    import nzdprk
    from nzdprk.schema import FRAMES

    emit(stage="import", seconds=time.perf_counter() - start, maxrss_mb=maxrss_mb())
    start = time.perf_counter()
    import numpy  # noqa: F401 - the libraries the frames need, loaded before the corpus is,
    import pandas  # noqa: F401 - so that memory beyond them can be told apart
    import pyarrow  # noqa: F401

    emit(stage="libraries", seconds=time.perf_counter() - start, maxrss_mb=maxrss_mb())
    t0, c0 = time.perf_counter(), time.process_time()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = nzdprk.load_corpus(folder)
    emit(
        stage="read",
        seconds=time.perf_counter() - t0,
        cpu_seconds=time.process_time() - c0,
        maxrss_mb=maxrss_mb(),
        documents=len(corpus.docs),
        problems=len(corpus.problem_list),
    )
    stages: list[tuple[str, Callable[[], Any]]] = []
    if hasattr(type(corpus), "_tables"):
        # per document: analyse, then frame its rows (the analysis is dropped after)
        stages.append(("analyse", lambda: corpus._tables["documents"]))
    elif hasattr(type(corpus), "_analysed"):
        stages.append(("analyse", lambda: corpus._analysed))
    stages += [(name, lambda name=name: getattr(corpus, name)) for name in FRAMES]
    complete = True
    for name, compute in stages:
        left = budget - (time.perf_counter() - t0)
        guess = predicted.get(name)
        if guess is not None and guess > left:
            emit(stage=name, status="skipped", predicted_seconds=guess, left_seconds=left)
            complete = False
            continue
        limit = left
        t, c = time.perf_counter(), time.process_time()
        try:
            with time_limit(limit):
                value = compute()
        except StageTimeout:
            emit(stage=name, status="timeout", seconds=time.perf_counter() - t, limit=limit)
            complete = False
            continue
        except MemoryError:
            emit(stage=name, status="memory", seconds=time.perf_counter() - t)
            complete = False
            continue
        rows = len(value) if hasattr(value, "__len__") else None
        emit(
            stage=name,
            status="done",
            seconds=time.perf_counter() - t,
            cpu_seconds=time.process_time() - c,
            rows=rows,
            maxrss_mb=maxrss_mb(),
        )
    if complete:
        t, c = time.perf_counter(), time.process_time()
        frames = corpus.frames()
        emit(
            stage="frames()",
            status="done",
            seconds=time.perf_counter() - t,
            cpu_seconds=time.process_time() - c,
            rows=len(frames),
        )
    emit(
        stage="end",
        complete=complete,
        seconds=time.perf_counter() - t0,
        cpu_seconds=time.process_time() - c0,
        maxrss_mb=maxrss_mb(),
    )


def task_export(folder: Path) -> None:
    """``nzdprk.export_corpus(load_corpus(folder), out)`` to CSV, as ``nzdprk export`` does:
    its time and peak memory, the libraries imported first (as in ``task_nzdprk``)."""
    import tempfile

    import numpy  # noqa: F401 - loaded before the corpus, as in task_nzdprk
    import pandas  # noqa: F401
    import pyarrow  # noqa: F401

    import nzdprk
    from nzdprk.export import export_corpus

    emit(stage="libraries", maxrss_mb=maxrss_mb())
    t0, c0 = time.perf_counter(), time.process_time()
    with warnings.catch_warnings(), tempfile.TemporaryDirectory() as out:
        warnings.simplefilter("ignore")
        written = export_corpus(nzdprk.load_corpus(folder), out)
        size = sum(p.stat().st_size for p in written)
    emit(
        stage="end",
        seconds=time.perf_counter() - t0,
        cpu_seconds=time.process_time() - c0,
        files=len(written),
        bytes=size,
        maxrss_mb=maxrss_mb(),
    )


def task_scale(folder: Path, how: str) -> None:
    """The whole of ``load_corpus(folder).frames()`` (import included) one way: ``one``
    process, ``jobs0`` (``jobs=0``: one worker process per core) or ``dask2``
    (`load_corpus_with_dask` on a local ``dask.distributed`` cluster of 2 single-threaded
    worker processes, started before the clock). Not pinned to one CPU."""
    cluster = client = None
    if how == "dask2":
        from dask.distributed import Client, LocalCluster

        t = time.perf_counter()
        cluster = LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)
        emit(stage="cluster", seconds=time.perf_counter() - t)
    t0, c0 = time.perf_counter(), time.process_time()
    import nzdprk

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if how == "dask2":
            from nzdprk.parallel import load_corpus_with_dask

            corpus = load_corpus_with_dask(folder, scheduler=client)
        else:
            corpus = nzdprk.load_corpus(folder, jobs=0 if how == "jobs0" else 1)
    frames = corpus.frames()
    emit(
        stage="end",
        how=how,
        seconds=time.perf_counter() - t0,
        cpu_seconds=time.process_time() - c0,
        documents=len(corpus.docs),
        rows=sum(len(f) for f in frames.values()),
        cores=len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        maxrss_mb=maxrss_mb(),
    )
    if client is not None:
        client.close()
        cluster.close()


def task_frontmatter(folder: Path) -> None:
    """The floor: ``frontmatter.load`` on every file, nothing else."""
    start = time.perf_counter()
    import frontmatter

    imported = time.perf_counter() - start
    t0 = time.perf_counter()
    n = 0
    for path in corpus_files(folder):
        post = frontmatter.load(path)
        n += len(post.content) > 0
    emit(
        stage="end",
        seconds=time.perf_counter() - t0,
        import_seconds=imported,
        documents=n,
        maxrss_mb=maxrss_mb(),
    )


def _texts(folder: Path, sample: int) -> list[tuple[str, dt.date | None]]:
    """Body text and publication date (None if undated) of the first `sample` documents."""
    import frontmatter

    out = []
    for path in corpus_files(folder)[:sample]:
        post = frontmatter.load(path)
        date = post.metadata.get("date")
        out.append((post.content, date if isinstance(date, dt.date) else None))
    return out


def dateparser_settings(anchor: dt.date | None) -> dict[str, Any]:
    """What a careful user would set: day first (NZ), first day of month, the document date."""
    settings: dict[str, Any] = {
        "DATE_ORDER": "DMY",
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    if anchor is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(anchor, dt.time())
    return settings


def task_dates(folder: Path, sample: int) -> None:
    """Date extraction alone on the same texts: nzdprk ``find_dates`` and dateparser
    ``search_dates`` (English only, as a user would ask), each after one warm-up call."""
    texts = _texts(folder, sample)
    n_chars = sum(len(t) for t, _ in texts)

    t = time.perf_counter()
    from nzdprk.dates import find_dates

    imported = time.perf_counter() - t
    t = time.perf_counter()
    find_dates("on 3 May 2001")
    warm = time.perf_counter() - t
    t = time.perf_counter()
    found = sum(len(find_dates(text, anchor=anchor)) for text, anchor in texts)
    emit(
        tool="nzdprk.find_dates",
        documents=len(texts),
        chars=n_chars,
        seconds=time.perf_counter() - t,
        import_seconds=imported,
        warmup_seconds=warm,
        found=found,
    )

    t = time.perf_counter()
    from dateparser.search import search_dates

    imported = time.perf_counter() - t
    t = time.perf_counter()
    search_dates("on 3 May 2001", languages=["en"])
    warm = time.perf_counter() - t
    t = time.perf_counter()
    found = 0
    for text, anchor in texts:
        found += len(
            search_dates(text, languages=["en"], settings=dateparser_settings(anchor)) or []
        )
    emit(
        tool="dateparser.search_dates",
        documents=len(texts),
        chars=n_chars,
        seconds=time.perf_counter() - t,
        import_seconds=imported,
        warmup_seconds=warm,
        found=found,
        maxrss_mb=maxrss_mb(),
    )


Bounds = tuple[dt.date | None, dt.date | None]


def _union(spans: list[Bounds]) -> Bounds | None:
    """First and last day over several results (an open end anywhere stays open)."""
    if not spans:
        return None
    firsts, lasts = [a for a, _ in spans], [b for _, b in spans]
    first = None if None in firsts else min(d for d in firsts if d is not None)
    last = None if None in lasts else max(d for d in lasts if d is not None)
    return first, last


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _period_bounds(day: dt.date, period: str | None) -> Bounds:
    """Day bounds of a dateparser result from the period it reports (day, week, month, year)."""
    if period == "year":
        return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    if period == "month":
        following = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
        return dt.date(day.year, day.month, 1), following - dt.timedelta(days=1)
    if period == "week":
        monday = day - dt.timedelta(days=day.weekday())
        return monday, monday + dt.timedelta(days=6)
    return day, day


def score_nzdprk(case: Any) -> dict[str, Any]:
    """nzdprk: ``find_dates`` over the context, anchored to the document date; the results
    overlapping the phrase, joined. Also ``parse_when`` on the phrase alone."""
    from nzdprk.dates import find_dates, parse_when

    hits = [
        (w.earliest, w.latest, w.text)
        for w in find_dates(case.context, anchor=case.doc_date)
        if _overlaps((w.char_start, w.char_end), case.span)
    ]
    alone = parse_when(case.phrase, anchor=case.doc_date)
    return {
        "found": [h[2] for h in hits],
        "bounds": _union([(a, b) for a, b, _ in hits]),
        "alone": (alone.earliest, alone.latest) if alone is not None else None,
    }


def score_dateparser(case: Any) -> dict[str, Any]:
    """dateparser: ``search_dates`` over the context with the document date as RELATIVE_BASE;
    each result overlapping the phrase is re-read with ``get_date_data`` for its period (day,
    week, month, year), which gives its first and last day; results are joined."""
    from dateparser import DateDataParser
    from dateparser.search import search_dates

    settings = dateparser_settings(case.doc_date)
    results = search_dates(case.context, languages=["en"], settings=settings) or []
    parser = DateDataParser(languages=["en"], settings=settings)
    spans, found, pos = [], [], 0
    for substring, value in results:
        start = case.context.find(substring, pos)
        if start < 0:
            start = case.context.find(substring)
        end = start + len(substring)
        pos = end
        if start < 0 or not _overlaps((start, end), case.span):
            continue
        data = parser.get_date_data(substring)
        day = (data.date_obj or value).date()
        spans.append(_period_bounds(day, data.period if data.date_obj else "day"))
        found.append(substring)
    return {"found": found, "bounds": _union(spans)}


def task_accuracy() -> None:
    """Both tools on every hand-checked phrase (``phrases.CASES``)."""
    sys.path.insert(0, str(HERE))
    from phrases import CASES

    for case in CASES:
        emit(
            case_id=case.case_id,
            nzdprk=score_nzdprk(case),
            dateparser=score_dateparser(case),
        )


def _where(filename: str) -> str:
    """A profile entry's file, without machine paths."""
    if filename.startswith("~") or filename.startswith("<"):
        return filename
    parts = Path(filename).parts
    for anchor in ("site-packages", "nzdprk"):
        if anchor in parts:
            i = len(parts) - 1 - parts[::-1].index(anchor)
            return "/".join(parts[i + (anchor == "site-packages") :])
    return "/".join(parts[-2:])


def task_profile(folder: Path, top: int) -> None:
    """cProfile of ``load_corpus(folder).frames()``: the top functions by own and cumulative
    time, and the total."""
    import cProfile
    import pstats

    import nzdprk

    profile = cProfile.Profile()
    t = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        profile.enable()
        nzdprk.load_corpus(folder).frames()
        profile.disable()
    total = time.perf_counter() - t
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    rows = [
        {
            "function": f"{_where(file)}:{line}({name})",
            "calls": nc,
            "own": tt,
            "cumulative": ct,
        }
        for (file, line, name), (_, nc, tt, ct, _) in stats.items()
    ]
    for key in ("own", "cumulative"):
        rows.sort(key=lambda r: r[key], reverse=True)
        emit(order=key, total_seconds=total, rows=rows[: top if key == "own" else 3 * top])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "task",
        choices=["nzdprk", "export", "frontmatter", "dates", "accuracy", "profile", "scale"],
    )
    parser.add_argument("folder", type=Path, nargs="?")
    parser.add_argument("--budget", type=float, default=3600.0)
    parser.add_argument("--predict", default="{}", help="JSON: stage -> predicted seconds")
    parser.add_argument("--sample", type=int, default=200)
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--mem-limit-gb", type=float, default=0.0)
    parser.add_argument("--how", choices=["one", "jobs0", "dask2"], default="one")
    args = parser.parse_args()
    cpu = None if args.task == "scale" else pin_one_cpu()
    limit_memory(args.mem_limit_gb)
    emit(stage="start", cpu=cpu, python=sys.version.split()[0])
    if args.task == "nzdprk":
        task_nzdprk(args.folder, args.budget, json.loads(args.predict))
    elif args.task == "export":
        task_export(args.folder)
    elif args.task == "frontmatter":
        task_frontmatter(args.folder)
    elif args.task == "dates":
        task_dates(args.folder, args.sample)
    elif args.task == "accuracy":
        task_accuracy()
    elif args.task == "scale":
        task_scale(args.folder, args.how)
    else:
        task_profile(args.folder, args.top)


if __name__ == "__main__":
    main()
