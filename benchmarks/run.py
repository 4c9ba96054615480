"""Benchmark nzdprk on synthetic corpora and write ``docs/benchmarks.md`` and its chart.

One command, one run, one machine (``make bench``)::

    .venv/bin/python benchmarks/run.py                  # about 25 minutes on 2 idle cores
    .venv/bin/python benchmarks/run.py --with-make-run  # also time `make run` (about 30 s more)
    .venv/bin/python benchmarks/run.py --quick --out /tmp/bench.md   # smoke test, about 2 min

Measured, each in a fresh interpreter pinned to one CPU (``worker.py``):

1. ``nzdprk.load_corpus(folder).frames()`` on 1,000, 5,000 and 20,000 synthetic documents
   (``corpus.py``): wall and CPU time by stage, documents/s, MB/s, peak resident memory and
   memory beyond the interpreter and libraries (numpy, pandas, pyarrow imported first);
1b. the whole process on 5,000 and 20,000 documents with ``jobs=0`` and with Dask on a local
   2-worker ``dask.distributed`` cluster (not pinned to one CPU), against the one-process run
   of the same size (1.); and ``nzdprk.export_corpus`` to CSV on 5,000 documents, for its
   peak memory;
2. the floor: ``frontmatter.load`` on the same files;
3. ``dateparser.search_dates`` on a sample of the same texts (extrapolated linearly), and the
   accuracy of both tools on hand-checked date phrases (``phrases.py``);
4. growth from the smallest to the largest corpus (marginal time per document);
5. ``import nzdprk`` in a fresh interpreter, and which heavy modules it loads;
6. optionally ``make run``, in a scratch copy of the working tree.

A stage of the largest run that the smaller runs predict to overrun ``--budget`` is skipped
and extrapolated (power law through the two largest sizes that finished it), and said so.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
WORKER = HERE / "worker.py"
sys.path.insert(0, str(HERE))

import corpus as synthetic  # noqa: E402
from phrases import CASES, Case  # noqa: E402

TARGET_SECONDS = 30.0  # 10,000 documents through every frame, one core
TARGET_DOCS = 10_000  # ... of this many documents
TARGET_FLOOR_RATIO = 15.0  # at most 15x the python-frontmatter floor
TARGET_FLOOR_DOCS = 5_000  # ... on this many documents
TARGET_SPEEDUP = 20.0  # at least 20x faster than dateparser.search_dates
TARGET_IMPORT = 0.5  # from nzdprk import load_corpus, seconds
TARGET_MEMORY = 10.0  # peak memory beyond interpreter and libraries, times the corpus's bytes
SCALE_WAYS = ("one", "jobs0", "dask2")  # one process, jobs=0, Dask on 2 local workers
HEAVY_MODULES = ("pandas", "numpy", "matplotlib", "yaml", "frontmatter", "dateparser")
PACKAGES = (
    "nzdprk",
    "pandas",
    "numpy",
    "PyYAML",
    "python-frontmatter",
    "dateparser",
    "regex",
    "matplotlib",
)
MB = 1e6  # text throughput in megabytes of 10^6 bytes (file sizes on disk)


def log(message: str) -> None:
    """Progress on stderr (the report goes to files)."""
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------
# Running measurements
# ---------------------------------------------------------------------------------------------


def worker_env() -> dict[str, str]:
    """The Makefile's fixed environment, and one thread for numeric libraries."""
    env = dict(os.environ)
    env.update(
        PYTHONHASHSEED="0",
        MPLBACKEND="Agg",
        OMP_NUM_THREADS="1",
        OPENBLAS_NUM_THREADS="1",
        MKL_NUM_THREADS="1",
    )
    return env


def run_worker(args: Sequence[str], timeout: float) -> list[dict[str, Any]]:
    """Run ``worker.py`` with `args`; its JSON lines (also those written before a timeout)."""
    proc = subprocess.Popen(
        [sys.executable, str(WORKER), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env=worker_env(),
    )
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        err += f"\n(killed after {timeout:.0f} s)"
    lines = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    if proc.returncode != 0:
        log(f"worker {args[0]} exited with {proc.returncode}: {err.strip()[-600:]}")
    return lines


@dataclass
class CorpusInfo:
    """One generated corpus folder."""

    n: int
    folder: Path
    bytes: int
    kinds: dict[str, int]

    @property
    def mb(self) -> float:
        return self.bytes / MB


def make_corpora(sizes: Iterable[int], workdir: Path) -> dict[int, CorpusInfo]:
    """Write the largest corpus once; smaller ones are hard links to its first files (document
    ``i`` is the same in every corpus)."""
    sizes = sorted(set(sizes))
    largest = workdir / f"n{sizes[-1]}"
    synthetic.write_corpus(sizes[-1], largest)
    files = sorted(largest.glob("*.txt"))
    out = {}
    for n in sizes:
        folder = workdir / f"n{n}"
        if folder != largest:
            folder.mkdir(parents=True, exist_ok=True)
            for path in files[:n]:
                target = folder / path.name
                if not target.exists():
                    try:
                        os.link(path, target)
                    except OSError:
                        shutil.copyfile(path, target)
        kinds: dict[str, int] = {}
        for i in range(n):
            kind = synthetic.KIND_CYCLE[i % len(synthetic.KIND_CYCLE)].__name__
            kinds[kind] = kinds.get(kind, 0) + 1
        size = sum(p.stat().st_size for p in files[:n])
        out[n] = CorpusInfo(n, folder, size, kinds)
    return out


# ---------------------------------------------------------------------------------------------
# 1 and 4: nzdprk by stage, predictions for the largest run
# ---------------------------------------------------------------------------------------------


@dataclass
class Run:
    """One ``load_corpus(folder).frames()`` run, by stage."""

    n: int
    stages: dict[str, float] = field(default_factory=dict)  # finished stages, wall seconds
    cpu: dict[str, float] = field(default_factory=dict)  # finished stages, CPU seconds
    rows: dict[str, int | None] = field(default_factory=dict)
    missing: dict[str, str] = field(default_factory=dict)  # stage -> skipped/timeout/memory
    predicted: dict[str, float] = field(default_factory=dict)
    import_seconds: float = 0.0
    peak_mb: float = 0.0
    base_mb: float = 0.0  # resident memory after `import nzdprk`
    lib_mb: float = 0.0  # ... and after importing numpy, pandas and pyarrow
    lib_seconds: float = 0.0  # time to import numpy, pandas and pyarrow
    complete: bool = False
    order: list[str] = field(default_factory=list)

    @property
    def measured(self) -> float:
        """Wall time of the stages that finished."""
        return sum(self.stages.values())

    @property
    def measured_cpu(self) -> float:
        """CPU time of the stages that finished."""
        return sum(self.cpu.values())

    @property
    def estimate(self) -> float:
        """Measured time plus the extrapolation of the stages that did not finish."""
        return self.measured + sum(self.predicted.get(s, math.nan) for s in self.missing)


def run_nzdprk(info: CorpusInfo, budget: float, predicted: dict[str, float], mem: float) -> Run:
    """Measure one corpus size in a fresh process."""
    lines = run_worker(
        [
            "nzdprk",
            str(info.folder),
            "--budget",
            str(budget),
            "--predict",
            json.dumps(predicted),
            "--mem-limit-gb",
            str(mem),
        ],
        timeout=budget + 180,
    )
    run = Run(info.n)
    for line in lines:
        stage = line.get("stage")
        if stage == "import":
            run.import_seconds, run.base_mb = line["seconds"], line["maxrss_mb"]
        elif stage == "libraries":
            run.lib_mb, run.lib_seconds = line["maxrss_mb"], line.get("seconds", 0.0)
        elif stage == "end":
            run.complete = bool(line["complete"])
        elif stage in (None, "start"):
            continue
        elif stage == "read" or line.get("status") == "done":
            run.stages[stage] = line["seconds"]
            run.cpu[stage] = line.get("cpu_seconds", math.nan)
            if stage != "frames()":
                run.rows[stage] = line.get("rows", line.get("documents"))
        else:
            run.missing[stage] = line["status"]
        if stage not in (None, "start", "import", "end"):
            run.order.append(stage)
        run.peak_mb = max(run.peak_mb, line.get("maxrss_mb") or 0.0)
    return run


def exponent(n1: int, t1: float, n2: int, t2: float) -> float | None:
    """Growth exponent k in t ~ n^k between two sizes (None when too short to tell)."""
    if min(t1, t2) < 0.05 or n1 == n2:
        return None
    return math.log(t2 / t1) / math.log(n2 / n1)


def predict(runs: Sequence[Run], n: int) -> dict[str, float]:
    """Predicted seconds per stage at `n`: a power law through the two largest sizes that
    finished the stage (exponent at least 1: fixed costs are not expected to shrink)."""
    out: dict[str, float] = {}
    stages = {s for r in runs for s in r.stages}
    for stage in stages:
        done = sorted((r.n, r.stages[stage]) for r in runs if stage in r.stages and r.n < n)
        if not done:
            continue
        (n2, t2), k = done[-1], 1.0
        if len(done) >= 2:
            n1, t1 = done[-2]
            k = max(1.0, exponent(n1, t1, n2, t2) or 1.0)
        out[stage] = t2 * (n / n2) ** k
    return out


def linear_fit(points: Sequence[tuple[float, float]]) -> dict[str, float]:
    """Least-squares t = a + b*n: intercept, slope, R² and the largest relative residual."""
    ns, ts = [p[0] for p in points], [p[1] for p in points]
    mean_n, mean_t = statistics.fmean(ns), statistics.fmean(ts)
    sxx = sum((x - mean_n) ** 2 for x in ns)
    slope = sum((x - mean_n) * (y - mean_t) for x, y in points) / sxx
    intercept = mean_t - slope * mean_n
    fitted = [intercept + slope * x for x in ns]
    ss_res = sum((y - f) ** 2 for y, f in zip(ts, fitted, strict=True))
    ss_tot = sum((y - mean_t) ** 2 for y in ts)
    worst = max(abs(y - f) / y for y, f in zip(ts, fitted, strict=True))
    return {
        "intercept": intercept,
        "slope": slope,
        "r2": 1 - ss_res / ss_tot if ss_tot else 1.0,
        "worst": worst,
    }


# ---------------------------------------------------------------------------------------------
# 5 and 6: import time, make run
# ---------------------------------------------------------------------------------------------

IMPORT_PROBE = f"""
import json, sys, time
t, c = time.perf_counter(), time.process_time()
import nzdprk
bare = time.perf_counter() - t
after_bare = sorted(m for m in {HEAVY_MODULES!r} if m in sys.modules)
t = time.perf_counter()
from nzdprk import load_corpus
first_use = time.perf_counter() - t
cpu = time.process_time() - c
after_use = sorted(m for m in {HEAVY_MODULES!r} if m in sys.modules)
print(json.dumps(dict(bare=bare, first_use=first_use, cpu=cpu, after_bare=after_bare,
                      after_use=after_use)))
"""


def measure_import(runs: int) -> dict[str, Any]:
    """``import nzdprk`` (and ``from nzdprk import load_corpus``) in fresh interpreters."""
    samples, walls = [], []
    for _ in range(runs):
        t = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-c", IMPORT_PROBE],
            capture_output=True,
            text=True,
            check=True,
            cwd=REPO,
            env=worker_env(),
        )
        walls.append(time.perf_counter() - t)
        samples.append(json.loads(out.stdout))
    trace = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import nzdprk; from nzdprk import load_corpus"],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=worker_env(),
    )
    heaviest = []
    for line in trace.stderr.splitlines():
        parts = [p.strip() for p in line.removeprefix("import time:").split("|")]
        if len(parts) == 3 and parts[0].isdigit():
            heaviest.append((int(parts[1]) / 1e6, parts[2]))
    heaviest.sort(reverse=True)
    return {
        "bare": statistics.median(s["bare"] for s in samples),
        "bare_all": [s["bare"] for s in samples],
        "first_use": statistics.median(s["first_use"] for s in samples),
        "cpu": statistics.median(s.get("cpu", math.nan) for s in samples),
        "interpreter": statistics.median(walls),
        "after_bare": samples[-1]["after_bare"],
        "after_use": samples[-1]["after_use"],
        "runs": runs,
        "heaviest": heaviest[:8],
    }


def time_make_run() -> dict[str, Any]:
    """``make run`` in a scratch copy of the working tree (same code, same .venv), so that the
    benchmark never rewrites the repository's outputs. The venv stamp is not remade."""
    with tempfile.TemporaryDirectory(prefix="nzdprk-make-run-") as tmp:
        copy = Path(tmp) / "repo"
        skip = shutil.ignore_patterns(
            ".git", ".venv", ".hypothesis", ".pytest_cache", ".ruff_cache", "__pycache__"
        )
        shutil.copytree(REPO, copy, symlinks=True, ignore=skip)
        (copy / ".venv").symlink_to(REPO / ".venv")
        t = time.perf_counter()
        done = subprocess.run(
            ["make", "-o", ".venv/.installed", "run"],
            cwd=copy,
            capture_output=True,
            text=True,
            env={k: v for k, v in os.environ.items() if k != "MAKEFLAGS"},
        )
        seconds = time.perf_counter() - t
        changed = []
        if done.returncode == 0:
            for sub in ("data", "figures", "notebooks", "docs/data-dictionary.md"):
                diff = subprocess.run(
                    ["diff", "-rq", str(REPO / sub), str(copy / sub)],
                    capture_output=True,
                    text=True,
                )
                changed += [sub] if diff.returncode else []
    return {"seconds": seconds, "returncode": done.returncode, "changed": changed}


# ---------------------------------------------------------------------------------------------
# Machine
# ---------------------------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    """CPU, cores, memory, OS, Python and package versions (no paths, no host name)."""
    cpu = platform.processor() or "unknown"
    memory = None
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = int(line.split()[1]) / 1024**2
    except OSError:
        pass
    versions = {}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=REPO
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--", "nzdprk"], capture_output=True, text=True, cwd=REPO
    ).stdout.strip()
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": memory,
        "os": f"{platform.system()} {platform.release()}",
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "versions": versions,
        "commit": commit or "unknown",
        "dirty": bool(dirty),
        "load_start": os.getloadavg(),
    }


# ---------------------------------------------------------------------------------------------
# Accuracy scoring
# ---------------------------------------------------------------------------------------------


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def judge(case: Case, got: dict[str, Any]) -> tuple[bool, bool, str]:
    """(first day right, both bounds right, what was found) for one tool on one case."""
    bounds = got.get("bounds")
    if bounds is None:
        return (not case.is_date, not case.is_date, "nothing")
    first, last = _day(bounds[0]), _day(bounds[1])
    if not case.is_date:
        return False, False, f"`{' + '.join(got['found'])}` → {span_text(first, last)}"
    shown = f"`{' + '.join(got['found'])}` → {span_text(first, last)}"
    return first == case.first, first == case.first and last == case.last, shown


def span_text(first: dt.date | None, last: dt.date | None) -> str:
    """Day bounds as text: one day, a span, or an open end."""
    if first == last and first is not None:
        return first.isoformat()
    return f"{first.isoformat() if first else '…'} – {last.isoformat() if last else '…'}"


# ---------------------------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------------------------


def fmt_s(seconds: float | None) -> str:
    """Seconds with sensible precision."""
    if seconds is None or math.isnan(seconds):
        return "–"
    if seconds >= 100:
        return f"{seconds:,.0f}"
    if seconds >= 10:
        return f"{seconds:.1f}"
    if seconds >= 0.1:
        return f"{seconds:.2f}"
    return f"{seconds:.3f}"


def fmt_n(n: float) -> str:
    return f"{n:,.0f}"


def verdict(ok: bool) -> str:
    return "**met**" if ok else "**not met**"


@dataclass
class Results:
    """Everything measured in one run."""

    args: argparse.Namespace
    machine: dict[str, Any]
    corpora: dict[int, CorpusInfo]
    floor: dict[int, dict[str, Any]]
    runs: dict[int, Run]
    dates: dict[str, dict[str, Any]]
    accuracy: list[dict[str, Any]]
    profile: dict[str, dict[str, Any]]
    imports: dict[str, Any]
    make_run: dict[str, Any] | None
    started: dt.datetime
    scale: dict[int, dict[str, dict[str, Any]]]
    export: dict[int, dict[str, Any]] = field(default_factory=dict)
    seconds: float = 0.0

    # Derived numbers -------------------------------------------------------------------------

    def nz_total(self, n: int) -> tuple[float, bool]:
        """nzdprk seconds at `n` and whether measured (else partly extrapolated)."""
        run = self.runs[n]
        return (run.measured, True) if run.complete else (run.estimate, False)

    def per_doc(self, tool: str) -> float:
        d = self.dates[tool]
        return d["seconds"] / d["documents"]

    def fixed(self, tool: str) -> float:
        d = self.dates[tool]
        return d["import_seconds"] + d["warmup_seconds"]

    def extrapolated(self, tool: str, n: int) -> float:
        """Linear extrapolation of a date tool from its sample: fixed cost + n x per document."""
        return self.fixed(tool) + n * self.per_doc(tool)


def stage_table(res: Results) -> list[str]:
    sizes = sorted(res.runs)
    order: list[str] = []
    for n in sizes:
        order += [s for s in res.runs[n].order if s not in order]
    lines = [
        "| stage | "
        + " | ".join(f"{fmt_n(n)} docs (s)" for n in sizes)
        + " | rows (largest run that made them) | growth exponent k (t ∝ n^k) |",
        "|---|" + "---:|" * len(sizes) + "---:|---|",
    ]
    for stage in order:
        cells, points = [], []
        for n in sizes:
            run = res.runs[n]
            if stage in run.stages:
                cells.append(fmt_s(run.stages[stage]))
                points.append((n, run.stages[stage]))
            elif stage in run.missing:
                guess = run.predicted.get(stage)
                cells.append(f"{run.missing[stage]} (≈ {fmt_s(guess)})")
            else:
                cells.append("–")
        ks = [exponent(a[0], a[1], b[0], b[1]) for a, b in itertools.pairwise(points)]
        k_text = ", ".join("–" if k is None else f"{k:.2f}" for k in ks) or "–"
        rows = next(
            (
                res.runs[n].rows[stage]
                for n in reversed(sizes)
                if res.runs[n].rows.get(stage) is not None
            ),
            None,
        )
        lines.append(
            f"| {stage} | " + " | ".join(cells) + f" | {'–' if rows is None else fmt_n(rows)} "
            f"| {k_text} |"
        )
    return lines


def write_report(res: Results, out: Path, chart: Path) -> None:
    """``docs/benchmarks.md``: targets first, then each measurement."""
    m, sizes = res.machine, sorted(res.runs)
    big = sizes[-1]
    big_total, big_measured = res.nz_total(big)
    floor_big = res.floor[big]["seconds"]
    ratio_floor = big_total / floor_big
    dp_big = res.extrapolated("dateparser.search_dates", big)
    speedup = dp_big / big_total
    date_speedup = res.per_doc("dateparser.search_dates") / res.per_doc("nzdprk.find_dates")
    # CPU seconds: the process is alone on its core only on an idle machine; wall shown too
    per_doc_big = (res.runs[big].measured_cpu if big_measured else big_total) / big
    target_total = per_doc_big * TARGET_DOCS
    floor_n = TARGET_FLOOR_DOCS if TARGET_FLOOR_DOCS in res.runs else big
    ratio_floor_n = res.nz_total(floor_n)[0] / res.floor[floor_n]["seconds"]
    run_mem = res.runs[floor_n]
    beyond = run_mem.peak_mb - (run_mem.lib_mb or run_mem.base_mb)
    memory_ratio = beyond * 2**20 / res.corpora[floor_n].bytes
    scored = [
        (c, judge(c, a["nzdprk"]), judge(c, a["dateparser"]))
        for c, a in zip(CASES, res.accuracy, strict=True)
    ]
    nz_right = sum(j[1] for _, j, _ in scored)
    dp_right = sum(j[1] for _, _, j in scored)
    imp = res.imports
    import_ok = imp.get("cpu", math.inf) < TARGET_IMPORT and not set(imp["after_use"]) & {
        "pandas",
        "matplotlib",
    }
    how = "measured" if big_measured else "measured stages + extrapolated skipped stages"
    L: list[str] = []
    add = L.append
    add("# Benchmarks")
    add("")
    add(
        "Generated by `make bench` (`benchmarks/run.py`); never part of `make test` or "
        "`make run`. Every number below comes from one run on one machine, each measurement in "
        "a fresh Python process pinned to **one CPU core**. Rerun to refresh; numbers move by "
        "a few per cent between runs."
    )
    add("")
    add(
        f"Run on {res.started:%Y-%m-%d} (UTC), {res.seconds / 60:.1f} minutes in all; "
        f"code at commit `{m['commit']}`"
        + (" with uncommitted changes in `nzdprk/`." if m["dirty"] else ".")
    )
    add("")
    add("## Targets")
    add("")
    add("| target | measured | |")
    add("|---|---|---|")
    add(
        f"| {fmt_n(TARGET_DOCS)} press-release-sized documents through every frame in under "
        f"{TARGET_SECONDS:.0f} s on one core | {fmt_s(target_total)} CPU s "
        f"({1000 * per_doc_big:.1f} ms of CPU per document × {fmt_n(TARGET_DOCS)}, from "
        f"{fmt_n(big)} documents, {how}; wall {1000 * big_total / big:.1f} ms per document) | "
        f"{verdict(target_total <= TARGET_SECONDS)} |"
    )
    add(
        f"| within {TARGET_FLOOR_RATIO:.0f}× of the python-frontmatter floor "
        f"({fmt_n(floor_n)} documents) | {ratio_floor_n:,.1f}× ({fmt_s(res.nz_total(floor_n)[0])}"
        f" s vs {fmt_s(res.floor[floor_n]['seconds'])} s; {ratio_floor:,.1f}× at "
        f"{fmt_n(big)}) | {verdict(ratio_floor_n <= TARGET_FLOOR_RATIO)} |"
    )
    add(
        f"| peak memory beyond interpreter and libraries under {TARGET_MEMORY:.0f}× the corpus's "
        f"bytes ({fmt_n(floor_n)} documents, every frame held: `frames()`) | "
        f"{memory_ratio:.1f}× ({beyond:,.0f} MB beyond {run_mem.lib_mb or run_mem.base_mb:,.0f}"
        f" MB, for {res.corpora[floor_n].mb:.1f} MB of files) |"
        f" {verdict(memory_ratio <= TARGET_MEMORY)} |"
    )
    for n, e in sorted(res.export.items()):
        ratio = export_ratio(res, n)
        add(
            f"| … exporting them to CSV (`export_corpus`, {fmt_n(n)} documents) | {ratio:.1f}× "
            f"({e['maxrss_mb'] - e['lib_mb']:,.0f} MB beyond {e['lib_mb']:,.0f} MB; "
            f"{fmt_s(e['seconds'])} s) | {verdict(ratio <= TARGET_MEMORY)} |"
        )
    for n, ways in sorted(res.scale.items()):
        if all(w in ways for w in ("one", "dask2")):
            gain = ways["one"]["seconds"] / ways["dask2"]["seconds"]
            add(
                f"| Dask on 2 local workers faster than one process ({fmt_n(n)} documents, "
                f"whole process, wall) | {gain:.2f}× ({fmt_s(ways['dask2']['seconds'])} s vs "
                f"{fmt_s(ways['one']['seconds'])} s) | "
                + (verdict(gain > 1) if n >= 5000 else "(the target is from 5,000 documents)")
                + " |"
            )
    add(
        f"| at least {TARGET_SPEEDUP:.0f}× faster than `dateparser.search_dates` "
        f"({fmt_n(big)} documents, every frame vs dates only) | {speedup:.1f}× "
        f"({fmt_s(big_total)} s vs ≈ {fmt_s(dp_big)} s, extrapolated) | "
        f"{verdict(speedup >= TARGET_SPEEDUP)} |"
    )
    add(
        f"| … date extraction alone (`find_dates` vs `search_dates`, per document) | "
        f"{date_speedup:.1f}× | {verdict(date_speedup >= TARGET_SPEEDUP)} |"
    )
    add(
        f"| more accurate than dateparser on hand-checked phrases | {nz_right}/{len(CASES)} vs "
        f"{dp_right}/{len(CASES)} right to the day | {verdict(nz_right > dp_right)} |"
    )
    add(
        f"| `import nzdprk; from nzdprk import load_corpus` under {TARGET_IMPORT} s, without "
        f"pandas or matplotlib (CPU time) | {imp.get('cpu', math.nan) * 1000:.0f} ms of CPU, "
        f"{(imp['bare'] + imp['first_use']) * 1000:.0f} ms wall (medians of {imp['runs']}); "
        f"loads: {', '.join(imp['after_use']) or 'none of them'} | "
        f"{verdict(import_ok)} |"
    )
    add("")
    L += next_steps(res, target_total <= TARGET_SECONDS, memory_ratio <= TARGET_MEMORY)
    add("### Where the time goes (causes of the gaps)")
    add("")
    add(causes(res))
    add("")
    add(f"![time against documents, log-log]({chart.name})")
    add("")
    add("## Machine")
    add("")
    add(f"* CPU: {m['cpu']}, {m['cores']} logical cores (each measurement uses one)")
    if m["memory_gb"]:
        add(f"* Memory: {m['memory_gb']:.0f} GB")
    add(f"* OS: {m['os']}; {m['python']}")
    add("* Packages: " + ", ".join(f"{k} {v}" for k, v in m["versions"].items()))
    add(
        f"* Load average (1 min) at start and end: {m['load_start'][0]:.2f}, "
        f"{m['load_end'][0]:.2f} (other work on the machine slows every number alike)"
    )
    add("")
    add("## Corpus")
    add("")
    add(
        "`benchmarks/corpus.py` (fixed seed; document *i* depends only on the seed and *i*, so "
        "the same N gives byte-identical files and the smaller corpora are the first files of "
        "the larger) recombines sentences of the five seed sources, moving their days, months, "
        "years, decades and NZ$ amounts. Three documents in five are press releases with YAML "
        "front matter (dated 1996–2024), one an encyclopedia article (`= Title =`, infobox, "
        "`==Section==`), one a news article."
    )
    add("")
    add("| documents | press releases | encyclopedia | news | MB | mean KB per document |")
    add("|---:|---:|---:|---:|---:|---:|")
    for n in sizes:
        c = res.corpora[n]
        add(
            f"| {fmt_n(n)} | {fmt_n(c.kinds.get('press_release', 0))} | "
            f"{fmt_n(c.kinds.get('encyclopedia_article', 0))} | "
            f"{fmt_n(c.kinds.get('news_article', 0))} | {c.mb:.1f} | {c.bytes / n / 1000:.2f} |"
        )
    add("")
    add("## 1. `load_corpus(folder).frames()`")
    add("")
    add(
        "Wall time from `load_corpus` to the last frame, after `import nzdprk` (so it includes "
        "the lazy imports of PyYAML and pandas and the first compilation of the rule tables). "
        "Peak memory is the process's maximum resident set (`ru_maxrss`), interpreter and "
        "libraries included."
    )
    add("")
    add(
        "| documents | seconds | documents/s | MB/s | ms per document | CPU seconds (finished "
        "stages) | CPU ms per document | peak memory (MB) | beyond libraries ÷ corpus bytes | |"
    )
    add("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for n in sizes:
        run, c = res.runs[n], res.corpora[n]
        total, measured = res.nz_total(n)
        note = "measured" if measured else f"**incomplete**: {run_missing_text(run)}"
        prefix = "" if measured else "≈ "
        add(
            f"| {fmt_n(n)} | {prefix}{fmt_s(total)} | {prefix}{n / total:,.0f} | "
            f"{prefix}{c.mb / total:.3f} | {prefix}{1000 * total / n:.1f} | "
            f"{fmt_s(run.measured_cpu)} | {1000 * run.measured_cpu / n:.1f} | "
            f"{run.peak_mb:,.0f} | "
            f"{(run.peak_mb - (run.lib_mb or run.base_mb)) * 2**20 / c.bytes:.1f}× | {note} |"
        )
    add("")
    add(
        "CPU seconds close to the wall seconds of the finished stages mean the process had its "
        "core to itself; a gap means other work on the machine took turns on it."
    )
    add("")
    add(
        "By stage (`analyse` is the per-document extraction and framing, `Corpus._tables`, then "
        "every frame in the schema's order, as `Corpus.frames()` asks for them). A stage of the "
        f"largest run predicted to overrun its budget ({res.args.budget:.0f} s for the whole "
        "run) is skipped and shown as ≈ its extrapolation."
    )
    add("")
    L += stage_table(res)
    add("")
    L += scale_section(res)
    add("## 2. The floor: python-frontmatter")
    add("")
    add(
        "`frontmatter.load(path)` on every file (it parses YAML with PyYAML's pure-Python "
        "`SafeLoader`), nothing else: the least any reader of these files does."
    )
    add("")
    add("| documents | seconds | documents/s | MB/s | nzdprk ÷ floor |")
    add("|---:|---:|---:|---:|---:|")
    for n in sizes:
        f, c = res.floor[n], res.corpora[n]
        total, measured = res.nz_total(n)
        add(
            f"| {fmt_n(n)} | {fmt_s(f['seconds'])} | {n / f['seconds']:,.0f} | "
            f"{c.mb / f['seconds']:.2f} | {'' if measured else '≈ '}{total / f['seconds']:,.0f}× |"
        )
    add("")
    add("## 3. dateparser: speed and accuracy")
    add("")
    sample = res.dates["dateparser.search_dates"]["documents"]
    add(
        f"Speed: both tools on the body text of the first {sample} documents (the same files "
        "in every corpus), after one warm-up call each; dateparser with `languages=['en']`, "
        "`DATE_ORDER='DMY'`, `PREFER_DAY_OF_MONTH='first'` and the press release's date as "
        "`RELATIVE_BASE`. Larger corpora are **extrapolated linearly** from this sample "
        "(import + warm-up + N × time per document): the full dateparser run would take "
        f"≈ {fmt_s(dp_big / 60)} minutes at {fmt_n(big)} documents."
    )
    add("")
    add(
        "| tool | ms per document | import + warm-up (s) | dates found | "
        + " | ".join(f"{fmt_n(n)} docs (s)" for n in sizes)
        + " |"
    )
    add("|---|---:|---:|---:|" + "---:|" * len(sizes))
    for tool, d in res.dates.items():
        cells = " | ".join(f"≈ {fmt_s(res.extrapolated(tool, n))}" for n in sizes)
        add(
            f"| `{tool}` | {1000 * res.per_doc(tool):.2f} | {fmt_s(res.fixed(tool))} | "
            f"{fmt_n(d['found'])} | {cells} |"
        )
    cells = " | ".join(
        ("" if res.nz_total(n)[1] else "≈ ") + fmt_s(res.nz_total(n)[0]) for n in sizes
    )
    add(f"| nzdprk, every frame (section 1) | – | – | – | {cells} |")
    add("")
    add(
        f"Accuracy: {len(CASES)} date phrases in context (`benchmarks/phrases.py`), "
        f"{sum(c.source != 'written' for c in CASES)} from the seed sources and "
        f"{sum(c.source == 'written' for c in CASES)} written for the benchmark, each checked "
        "by hand against its strict first and last day (open ends stay open; the phrases that "
        "are not dates must give nothing). nzdprk: `find_dates(context, anchor=document "
        "date)`; dateparser: `search_dates(context, …)` as above, each result re-read with "
        "`DateDataParser.get_date_data` for its period (day, week, month, year → first and "
        "last day). Results overlapping the phrase are joined. Undated sources get no anchor "
        "(dateparser then counts from today)."
    )
    add("")
    nz_first = sum(j[0] for _, j, _ in scored)
    dp_first = sum(j[0] for _, _, j in scored)
    add(
        f"**Right to the day (both bounds): nzdprk {nz_right}/{len(CASES)}, dateparser "
        f"{dp_right}/{len(CASES)}.** First day right: nzdprk {nz_first}, dateparser {dp_first}."
    )
    add("")
    add("| case | phrase | document date | expected | nzdprk | | dateparser | |")
    add("|---|---|---|---|---|---|---|---|")
    for c, nz, dp in scored:
        expected = span_text(c.first, c.last) if c.is_date else "not a date"
        source = "" if c.source == "written" else " (source)"
        add(
            f"| {c.case_id}{source} | {c.phrase} | "
            f"{c.doc_date.isoformat() if c.doc_date else 'undated'} | {expected} | "
            f"{nz[2]} | {mark(nz)} | {dp[2]} | {mark(dp)} |"
        )
    add("")
    add(f"## 4. Growth from {fmt_n(sizes[0])} to {fmt_n(big)} documents")
    add("")
    L += growth(res)
    add("")
    add("## 5. `import nzdprk`")
    add("")
    add(
        f"Median of {imp['runs']} fresh interpreters: `import nzdprk` "
        f"{imp['bare'] * 1000:.1f} ms (runs: "
        + ", ".join(f"{x * 1000:.1f}" for x in imp["bare_all"])
        + f" ms); then `from nzdprk import load_corpus` {imp['first_use'] * 1000:.0f} ms more. "
        f"Whole `python -c` process: {imp['interpreter'] * 1000:.0f} ms."
    )
    add("")
    add(
        f"* Heavy modules loaded by `import nzdprk`: {', '.join(imp['after_bare']) or 'none'} "
        f"(checked: {', '.join(HEAVY_MODULES)})."
    )
    add(f"* … and after `from nzdprk import load_corpus`: {', '.join(imp['after_use']) or 'none'}.")
    add(
        "* `python -X importtime` (both statements), largest cumulative: "
        + "; ".join(f"`{name}` {s * 1000:.0f} ms" for s, name in imp["heaviest"][:6])
        + "."
    )
    add("")
    add("## 6. `make run`")
    add("")
    if res.make_run is None:
        add(
            "Not measured in this run: it takes about 30 s (it executes every notebook), so it "
            "is an option: `benchmarks/run.py --with-make-run`."
        )
    else:
        mr = res.make_run
        changed = ", ".join(mr["changed"]) or "nothing"
        add(
            f"`make run` took **{fmt_s(mr['seconds'])} s** (exit status {mr['returncode']}), in "
            "a scratch copy of the working tree with the same `.venv` (so the benchmark never "
            "rewrites the repository's outputs; `make -o .venv/.installed run`, the environment "
            f"is not reinstalled). Outputs that differ from the repository's: {changed}. Only "
            "with `--with-make-run` (it executes every notebook)."
        )
    add("")
    add("## Profile")
    add("")
    prof_own = res.profile["own"]
    add(
        f"`cProfile` of `load_corpus(folder).frames()` on {fmt_n(res.args.profile_size)} "
        f"documents: {fmt_s(prof_own['total_seconds'])} s under the profiler (which roughly "
        "doubles the time of small Python functions). Top functions of the package by "
        "cumulative time, then everything by own time."
    )
    add("")
    add("| function | calls | cumulative (s) | own (s) |")
    add("|---|---:|---:|---:|")
    for r in package_rows(res.profile["cumulative"]["rows"], res.args.top):
        add(
            f"| `{r['function']}` | {fmt_n(r['calls'])} | {fmt_s(r['cumulative'])} | "
            f"{fmt_s(r['own'])} |"
        )
    add("")
    add("| function | calls | own (s) | cumulative (s) |")
    add("|---|---:|---:|---:|")
    for r in prof_own["rows"][: res.args.top]:
        add(
            f"| `{r['function']}` | {fmt_n(r['calls'])} | {fmt_s(r['own'])} | "
            f"{fmt_s(r['cumulative'])} |"
        )
    add("")
    add("## Rerun")
    add("")
    add("```sh")
    add("make bench                                   # = .venv/bin/python benchmarks/run.py")
    add(".venv/bin/python benchmarks/run.py --help    # sizes, budget, sample, --with-make-run")
    add(".venv/bin/python benchmarks/corpus.py 1000 /tmp/corpus   # just the synthetic corpus")
    add("```")
    out.write_text("\n".join(L) + "\n", encoding="utf-8")


def export_ratio(res: Results, n: int) -> float:
    """Peak memory of the export of `n` documents beyond the libraries ÷ the corpus's bytes."""
    e = res.export[n]
    return (e["maxrss_mb"] - e["lib_mb"]) * 2**20 / res.corpora[n].bytes


def next_steps(res: Results, fast: bool, lean: bool) -> list[str]:
    """For each target not met: its cause, as measured, and the next step."""
    L = ["### Gaps: cause and next step", ""]
    if not fast:
        L.append(
            "* **Time per document** (the 30 s, floor and dateparser targets): the per-document "
            "`analyse` stage is most of it (see below and the profile). What could be done in one "
            "pass is: the triggers and the cue words are found in one search per document, the "
            "actor names through a folded-token index with each document tokenised once, the "
            "regular expressions compiled once, and the comparisons paired by one self-merge per "
            "fact key and compared on columns. What is left is spread thin over the rules: each "
            "event is checked by about forty small rules (roles, dates, modes, references), each "
            "a regular expression on a short stretch of text, and each document's actor names, "
            "dates and amounts are read by their own grammars; every frame is still built from "
            "row dicts and cast by the schema. No function of the package takes more than about "
            "4 % of the time on its own (cProfile, own time). Next: the "
            "rules' positions found once per sentence (all cue, role and date positions in one "
            "scan, each rule a lookup), frames built from columns, and the per-document stage "
            "compiled (mypyc or Cython) or run on worker processes (`jobs=0`, Dask: section 1b)."
        )
    if not lean or any(export_ratio(res, n) > TARGET_MEMORY for n in res.export):
        L.append(
            "* **Memory**: a `Corpus` keeps the text once, and the per-document frames without "
            "their quotes (made from the text when a frame is handed out); each batch of "
            "200 documents is analysed, framed and its analyses dropped, the Arrow columns "
            "allocated by the system's allocator so that they reuse what the analyses freed. "
            "The comparisons read only the columns they compare, and `frames()` makes them "
            "before handing out any frame. `export_corpus` writes the per-document frames batch "
            "by batch, keeping only those later frames are computed from. What is left: "
            "`frames()` hands out every frame with its quotes at once (the quotes alone are "
            "several times the text); the kept frames themselves (ids such as `doc_id:e001`, "
            "summaries and fact keys are strings in every row); and the comparisons, which "
            "pair the claims of every fact at once. Next: ids and repeated keys as numbers or "
            "categories in the kept frames, the comparisons made and written fact key by fact "
            "key, and quotes left as spans in what `frames()` hands out when asked."
        )
    for n, ways in sorted(res.scale.items()):
        if n >= 5000 and "dask2" in ways and ways["dask2"]["seconds"] >= ways["one"]["seconds"]:
            L.append(
                f"* **Dask at {fmt_n(n)} documents**: the workers read, analyse and frame their "
                "batches; the client joins the frames and computes the frames across documents "
                f"(`actors`, `claim_comparisons`, `facts`: {fmt_s(ways['dask2']['cpu_seconds'])}"
                " CPU s of the client here), and on 2 cores the client, the scheduler and 2 "
                "workers share them. Next: the comparisons grouped by fact key as Dask tasks, "
                "and a cluster with more cores than workers."
            )
    return [*L, ""] if len(L) > 2 else []


def scale_section(res: Results) -> list[str]:
    """The whole process one way or another: one process, ``jobs=0``, Dask on 2 workers."""
    if not res.scale:
        return []
    L = [
        "## 1b. Worker processes and Dask",
        "",
        "The whole of `import nzdprk; load_corpus(folder).frames()` in a fresh process, *not* "
        "pinned: with `jobs=0` (one worker process per core), and with "
        "`nzdprk.parallel.load_corpus_with_dask` on a local `dask.distributed` cluster of 2 "
        "single-threaded worker processes (started before the clock; its start-up is shown "
        "apart), against one process (the run of section 1 of the same size, pinned to one "
        "core, imports included, when it finished). The workers analyse and frame their "
        "batches of documents; the main process joins the frames and computes those across "
        "documents (`actors`, `claim_comparisons`, `facts`): its CPU seconds are what no "
        "worker can take over. Wall seconds depend on what else the machine runs "
        f"(load average {res.machine['load_start'][0]:.1f} at the start).",
        "",
        "| documents | way | wall seconds | speed-up vs one process | main-process CPU seconds "
        "| peak memory of the main process (MB) | cluster start-up (s) |",
        "|---:|---|---:|---:|---:|---:|---:|",
    ]
    names = {"one": "one process", "jobs0": "`jobs=0`", "dask2": "Dask, 2 workers"}
    run_name = "one process (section 1)"
    for n, ways in sorted(res.scale.items()):
        one = ways.get("one", {}).get("seconds")
        for how, w in ways.items():
            gain = f"{one / w['seconds']:.2f}×" if one else ""
            start = fmt_s(w["cluster_seconds"]) if w.get("cluster_seconds") else ""
            L.append(
                f"| {fmt_n(n)} | {run_name if w.get('from_run') else names[how]} | "
                f"{fmt_s(w['seconds'])} | {gain} | "
                f"{fmt_s(w['cpu_seconds'])} | {w['maxrss_mb']:,.0f} | {start} |"
            )
    return [*L, ""]


def mark(judged: tuple[bool, bool, str]) -> str:
    return "✓" if judged[1] else ("first day ✓" if judged[0] else "✗")


def run_missing_text(run: Run) -> str:
    what = ", ".join(f"`{s}` {why}" for s, why in run.missing.items())
    return f"{what}; measured stages {fmt_s(run.measured)} s + extrapolated"


PACKAGE_SKIP = ("corpus.py:", "functools")


def package_rows(rows: list[dict[str, Any]], top: int) -> list[dict[str, Any]]:
    """Profile rows of the package's own functions, without the frame accessors that only
    wrap the work (``Corpus.frames``, ``cached_property``)."""
    own = [
        r
        for r in rows
        if r["function"].startswith("nzdprk/")
        and not r["function"].startswith(("nzdprk/corpus.py", "nzdprk/__init__"))
    ]
    return own[:top]


def causes(res: Results) -> str:
    """Bullet points from the numbers: the largest stages, how they grow, the top functions."""
    sizes = sorted(res.runs)
    big = res.runs[sizes[-1]]
    full = [r for r in res.runs.values() if r.complete]
    ref = max(full, key=lambda r: r.n) if full else big
    total = ref.measured
    lines = []
    share = sorted(ref.stages.items(), key=lambda kv: kv[1], reverse=True)[:4]
    lines.append(
        f"* At {fmt_n(ref.n)} documents ({fmt_s(total)} s), the largest stages are "
        + ", ".join(f"`{s}` {fmt_s(t)} s ({100 * t / total:.0f} %)" for s, t in share)
        + "."
    )
    fast_growing = []
    for stage in ref.stages:
        points = sorted((r.n, r.stages[stage]) for r in res.runs.values() if stage in r.stages)
        if len(points) >= 2:
            k = exponent(points[-2][0], points[-2][1], points[-1][0], points[-1][1])
            if k is not None and k >= 1.4:
                fast_growing.append(f"`{stage}` (k = {k:.2f}{rows_growth(res, stage, big.n)})")
    if fast_growing:
        text = "* Growing faster than the corpus (t ∝ n^k): " + ", ".join(fast_growing) + "."
        if big.missing:
            text += f" At {fmt_n(big.n)} documents, not run: " + ", ".join(
                f"`{s}` ≈ {fmt_s(big.predicted.get(s))} s ({why})" for s, why in big.missing.items()
            )
            text += " (extrapolated)."
        lines.append(text)
    per_doc = [s for s in ("read", "analyse") if s in big.stages]
    if per_doc:
        t = sum(big.stages[s] for s in per_doc)
        floor = res.floor[big.n]["seconds"]
        lines.append(
            f"* The per-document part alone ({' + '.join(per_doc)}) takes {fmt_s(t)} s at "
            f"{fmt_n(big.n)} documents ({1000 * t / big.n:.1f} ms per document, "
            f"{t / floor:,.0f}× the floor's {1000 * floor / big.n:.2f} ms)"
            + (
                f": over the {TARGET_SECONDS:.0f} s target by itself."
                if t > TARGET_SECONDS
                else "."
            )
        )
    top = package_rows(res.profile["cumulative"]["rows"], 6)
    if top:
        lines.append(
            f"* Profile ({fmt_n(res.args.profile_size)} documents), package functions with "
            "the most cumulative time: "
            + ", ".join(
                f"`{r['function'].split(':')[0]}:{func(r)}` {fmt_s(r['cumulative'])} s" for r in top
            )
            + "."
        )
    return "\n".join(lines)


def rows_growth(res: Results, stage: str, n: int) -> str:
    """ ", rows 1,000 → 1,457,286 (k = 1.9), ≈ 1.2e8 at 10,000" for a stage's output."""
    points = sorted((r.n, r.rows[stage]) for r in res.runs.values() if r.rows.get(stage))
    if len(points) < 2:
        return ""
    (n1, r1), (n2, r2) = points[-2], points[-1]
    k = math.log(r2 / r1) / math.log(n2 / n1) if r1 and r2 else None
    text = f"; rows {fmt_n(r1)} → {fmt_n(r2)} from {fmt_n(n1)} to {fmt_n(n2)} documents"
    if k is not None and k > 1.2:
        text += f", rows k = {k:.2f}, ≈ {r2 * (n / n2) ** k:,.3g} rows at {fmt_n(n)}"
    return text


def func(row: dict[str, Any]) -> str:
    return row["function"].rsplit("(", 1)[-1].rstrip(")")


def marginal(points: Sequence[tuple[int, float]]) -> list[float]:
    """Extra seconds per extra document between consecutive sizes (constant if linear)."""
    return [(t2 - t1) / (n2 - n1) for (n1, t1), (n2, t2) in itertools.pairwise(points)]


def growth(res: Results) -> list[str]:
    """Time per document by size, the marginal time per document, and a linear fit."""
    sizes = sorted(res.runs)
    every = common_stages(res)
    common = [(n, sum(res.runs[n].cpu[s] for s in every)) for n in sizes]
    totals = [(n, res.nz_total(n)[0]) for n in sizes]
    m_common, m_total = [math.nan, *marginal(common)], [math.nan, *marginal(totals)]
    lines = [
        "A linear cost is a fixed start-up time plus a constant time per document: the "
        "*marginal* time per document (extra seconds ÷ extra documents between two sizes) stays "
        "the same. *Stages finished at every size*: "
        + ", ".join(f"`{s}`" for s in every)
        + "; they are measured in CPU time, which other load on the machine does not inflate.",
        "",
        "| documents | every frame: wall s | ms per document | marginal ms per document | "
        "stages finished at every size: CPU s | ms per document | marginal ms per document |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for i, n in enumerate(sizes):
        total, measured = res.nz_total(n)
        about = "" if measured else "≈ "
        lines.append(
            f"| {fmt_n(n)} | {about}{fmt_s(total)} | {about}{1000 * total / n:.1f} | "
            f"{'–' if i == 0 else about + f'{1000 * m_total[i]:.1f}'} | {fmt_s(common[i][1])} | "
            f"{1000 * common[i][1] / n:.1f} | "
            f"{'–' if i == 0 else f'{1000 * m_common[i]:.1f}'} |"
        )
    lines.append("")
    steps = marginal(common)
    if len(common) >= 3 and min(steps) > 0:
        fit = linear_fit(common)
        linear = max(steps) / min(steps) <= 1.25
        lines.append(
            "Stages finished at every size, least-squares line (CPU): "
            f"t = {fit['intercept']:.2f} s + {1000 * fit['slope']:.2f} ms × n "
            f"(R² = {fit['r2']:.4f}); marginal time per document "
            + " → ".join(f"{1000 * x:.1f}" for x in steps)
            + " ms: "
            + (
                "**linear** (within 25 %)."
                if linear
                else "**not linear** (the marginal time changes by more than 25 %)."
            )
        )
        lines.append("")
    steps = marginal(totals)
    if len(steps) >= 1:
        rising = steps[-1] > 1.25 * steps[0] if len(steps) > 1 else False
        lines.append(
            "Every frame: marginal time per document "
            + " → ".join(f"{1000 * x:.1f}" for x in steps)
            + " ms"
            + ("" if all(res.runs[n].complete for n in sizes) else " (the last one extrapolated)")
            + (
                ": **not linear**; the marginal cost rises with the corpus because of the "
                "stages whose growth exponent k is well above 1 (section 1)."
                if rising
                else "."
            )
        )
    return lines


def common_stages(res: Results) -> list[str]:
    """Stages that finished at every size, in the order they ran."""
    sizes = sorted(res.runs)
    return [s for s in res.runs[sizes[0]].stages if all(s in res.runs[n].stages for n in sizes)]


def save_results(res: Results, path: Path) -> None:
    """Every measurement as JSON (for ``--render``: a new report without measuring again)."""
    data = {
        "args": {k: str(v) if isinstance(v, Path) else v for k, v in vars(res.args).items()},
        "machine": res.machine,
        "corpora": {n: {"bytes": c.bytes, "kinds": c.kinds} for n, c in res.corpora.items()},
        "floor": res.floor,
        "runs": {n: asdict(r) for n, r in res.runs.items()},
        "dates": res.dates,
        "accuracy": res.accuracy,
        "profile": res.profile,
        "imports": res.imports,
        "make_run": res.make_run,
        "scale": res.scale,
        "export": res.export,
        "started": res.started.isoformat(),
        "seconds": res.seconds,
    }
    path.write_text(json.dumps(data, indent=1, default=str), encoding="utf-8")


def load_results(path: Path, args: argparse.Namespace) -> Results:
    """Results saved by ``--save-json``; output paths come from `args`."""
    data = json.loads(path.read_text(encoding="utf-8"))
    saved = dict(data["args"])
    saved.update(out=args.out, chart=args.chart)
    return Results(
        args=argparse.Namespace(**saved),
        machine=data["machine"],
        corpora={
            int(n): CorpusInfo(int(n), Path(), c["bytes"], c["kinds"])
            for n, c in data["corpora"].items()
        },
        floor={int(n): f for n, f in data["floor"].items()},
        runs={int(n): Run(**r) for n, r in data["runs"].items()},
        dates=data["dates"],
        accuracy=data["accuracy"],
        profile=data["profile"],
        imports=data["imports"],
        make_run=data["make_run"],
        scale={int(n): ways for n, ways in data.get("scale", {}).items()},
        export={int(n): e for n, e in data.get("export", {}).items()},
        started=dt.datetime.fromisoformat(data["started"]),
        seconds=data["seconds"],
    )


def draw_chart(res: Results, path: Path) -> None:
    """Time against documents, log-log: nzdprk, the frontmatter floor, dateparser."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import matplotlib.ticker

    matplotlib.rcParams["svg.hashsalt"] = "nzdprk-benchmarks"
    sizes = sorted(res.runs)
    fig, ax = plt.subplots(figsize=(7.5, 5), dpi=100)
    done = [(n, res.runs[n].measured) for n in sizes if res.runs[n].complete]
    guess = [(n, res.nz_total(n)[0]) for n in sizes]
    ax.plot(*zip(*done, strict=True), "o-", color="C0", label="nzdprk, every frame")
    if len(guess) > len(done):
        tail = [p for p in guess if p[0] >= done[-1][0]]
        ax.plot(
            *zip(*tail, strict=True),
            "o:",
            color="C0",
            mfc="white",
            label="nzdprk, every frame (extrapolated)",
        )
    if not all(res.runs[n].complete for n in sizes):
        every = common_stages(res)
        ax.plot(
            sizes,
            [sum(res.runs[n].stages[s] for s in every) for n in sizes],
            "s-",
            color="C9",
            label="nzdprk, stages finished at every size",
        )
    ax.plot(
        sizes,
        [res.extrapolated("dateparser.search_dates", n) / TARGET_SPEEDUP for n in sizes],
        "-",
        color="C3",
        alpha=0.3,
        lw=3,
        label=f"dateparser ÷ {TARGET_SPEEDUP:.0f} (target)",
    )
    ax.plot(
        sizes,
        [res.floor[n]["seconds"] for n in sizes],
        "^-",
        color="C2",
        label="python-frontmatter floor",
    )
    ax.plot(
        sizes,
        [TARGET_FLOOR_RATIO * res.floor[n]["seconds"] for n in sizes],
        "-",
        color="C2",
        alpha=0.35,
        lw=3,
        label=f"{TARGET_FLOOR_RATIO:.0f}× floor (target)",
    )
    for tool, style, color in (
        ("dateparser.search_dates", "v--", "C3"),
        ("nzdprk.find_dates", "d--", "C1"),
    ):
        ax.plot(
            sizes,
            [res.extrapolated(tool, n) for n in sizes],
            style,
            color=color,
            mfc="white",
            label=f"{tool} (extrapolated from a sample)",
        )
        d = res.dates[tool]
        ax.plot([d["documents"]], [d["seconds"] + res.fixed(tool)], style[0], color=color)
    ax.plot(
        [sizes[-1]],
        [TARGET_SECONDS],
        "*",
        ms=14,
        color="black",
        label=f"target: {fmt_n(sizes[-1])} documents in {TARGET_SECONDS:.0f} s",
    )
    ax.set_xscale("log")
    ax.set_yscale("log")
    ticks = sorted({*sizes, res.dates["nzdprk.find_dates"]["documents"]})
    ax.set_xticks(ticks, [fmt_n(n) for n in ticks])
    ax.xaxis.set_minor_locator(matplotlib.ticker.NullLocator())
    ax.set_xlabel("documents (about 2 KB each)")
    ax.set_ylabel("wall time, one core (s)")
    ax.set_title("nzdprk: time against corpus size")
    ax.grid(True, which="both", alpha=0.25)
    ax.legend(fontsize=7.5, loc="lower right")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, metadata={"Date": None} if path.suffix == ".svg" else {})
    plt.close(fig)


# ---------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------


def measure_scale(
    sizes: Iterable[int], corpora: dict[int, CorpusInfo], runs: dict[int, Run], workdir: Path
) -> dict[int, dict[str, dict[str, Any]]]:
    """The whole process at each size with ``jobs=0`` and with Dask on 2 local workers; one
    process is the complete run of section 1 of the same size (import included), measured
    here only when there is none."""
    scale: dict[int, dict[str, dict[str, Any]]] = {}
    for n in sorted(set(sizes)):
        if n not in corpora:
            corpora.update(make_corpora([n], workdir))
        run = runs.get(n)
        if run is not None and run.complete:
            scale[n] = {"one": one_process(run)}
        for how in SCALE_WAYS:
            if how in scale.get(n, {}):
                continue
            log(f"whole process, {how}, {n} documents (not pinned)")
            lines = run_worker(["scale", str(corpora[n].folder), "--how", how], 1800)
            end = lines[-1]
            end["cluster_seconds"] = next(
                (x["seconds"] for x in lines if x.get("stage") == "cluster"), None
            )
            scale.setdefault(n, {})[how] = end
            log(f"  {end['seconds']:.1f} s wall, {end['cpu_seconds']:.1f} s main-process CPU")
    return scale


def one_process(run: Run) -> dict[str, Any]:
    """A complete run of section 1 as a whole-process measurement (import included)."""
    return {
        "how": "one",
        "seconds": run.import_seconds + run.lib_seconds + run.measured,
        "cpu_seconds": run.measured_cpu,
        "maxrss_mb": run.peak_mb,
        "from_run": True,
    }


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000])
    parser.add_argument(
        "--scale-sizes",
        type=int,
        nargs="*",
        default=[5000, 20000],
        help="sizes timed whole-process with jobs=0 and Dask on 2 local workers (one process: "
        "the run of --sizes of the same size, else measured too)",
    )
    parser.add_argument(
        "--export-size",
        type=int,
        default=TARGET_FLOOR_DOCS,
        help="documents exported to CSV for the peak memory of export (0: not measured)",
    )
    parser.add_argument(
        "--budget",
        type=float,
        default=330.0,
        help="seconds for one load+frames run; stages predicted to overrun it are extrapolated",
    )
    parser.add_argument("--sample", type=int, default=200, help="documents for the date tools")
    parser.add_argument("--profile-size", type=int, default=300)
    parser.add_argument("--top", type=int, default=15, help="rows of each profile table")
    parser.add_argument("--import-runs", type=int, default=7)
    parser.add_argument("--mem-limit-gb", type=float, default=12.0)
    parser.add_argument("--with-make-run", action="store_true", help="also time `make run`")
    parser.add_argument(
        "--quick", action="store_true", help="100 and 1,000 documents, small samples"
    )
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "benchmarks.md")
    parser.add_argument("--chart", type=Path, default=None, help="default: beside --out, .svg")
    parser.add_argument("--workdir", type=Path, default=None, help="keep the corpora here")
    parser.add_argument("--save-json", type=Path, default=None, help="also save the raw results")
    parser.add_argument(
        "--render", type=Path, default=None, help="write the report from saved results only"
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes, args.sample, args.profile_size, args.import_runs = [100, 300], 20, 100, 3
        args.scale_sizes, args.export_size = [300], 300
    if args.chart is None:
        args.chart = args.out.with_suffix(".svg")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.render is not None:
        res = load_results(args.render, args)
        draw_chart(res, args.chart)
        write_report(res, args.out, args.chart)
        return 0
    started = dt.datetime.now(dt.UTC)
    t_start = time.perf_counter()
    info = machine()
    with tempfile.TemporaryDirectory(prefix="nzdprk-bench-") as tmp:
        workdir = args.workdir or Path(tmp)
        sizes = sorted(set(args.sizes))
        log(f"writing corpora of {', '.join(map(str, sizes))} documents")
        corpora = make_corpora([*sizes, args.profile_size], workdir)

        log("import nzdprk")
        imports = measure_import(args.import_runs)

        floor = {}
        for n in sizes:
            log(f"python-frontmatter floor, {n} documents")
            floor[n] = run_worker(["frontmatter", str(corpora[n].folder)], 600)[-1]

        runs: dict[int, Run] = {}
        for n in sizes:
            predicted = predict(list(runs.values()), n)
            log(f"nzdprk load + frames, {n} documents (budget {args.budget:.0f} s)")
            run = run_nzdprk(corpora[n], args.budget, predicted, args.mem_limit_gb)
            run.predicted = predicted
            runs[n] = run
            log(f"  {run.measured:.1f} s, complete={run.complete}, peak {run.peak_mb:.0f} MB")

        scale = measure_scale(args.scale_sizes, corpora, runs, workdir)
        export = {}
        if args.export_size:
            n = args.export_size
            if n not in corpora:
                corpora.update(make_corpora([n], workdir))
            log(f"export to CSV, {n} documents")
            lines = run_worker(["export", str(corpora[n].folder)], 1800)
            export[n] = lines[-1] | {
                "lib_mb": next(x["maxrss_mb"] for x in lines if x.get("stage") == "libraries")
            }
            log(f"  {export[n]['seconds']:.1f} s, peak {export[n]['maxrss_mb']:.0f} MB")

        log(f"date tools on {args.sample} documents")
        dates = {
            line["tool"]: line
            for line in run_worker(
                ["dates", str(corpora[sizes[-1]].folder), "--sample", str(args.sample)], 1800
            )
            if "tool" in line
        }
        log("accuracy")
        accuracy = [x for x in run_worker(["accuracy"], 600) if "case_id" in x]
        log(f"profile, {args.profile_size} documents")
        profile = {
            line["order"]: line
            for line in run_worker(
                ["profile", str(corpora[args.profile_size].folder), "--top", str(args.top)],
                1800,
            )
            if "order" in line
        }
    make_run = None
    if args.with_make_run:
        log("make run (scratch copy)")
        make_run = time_make_run()
    info["load_end"] = os.getloadavg()
    res = Results(
        args, info, corpora, floor, runs, dates, accuracy, profile, imports, make_run, started,
        scale, export,
    )  # fmt: skip
    res.seconds = time.perf_counter() - t_start
    args.out.parent.mkdir(parents=True, exist_ok=True)
    if args.save_json is not None:
        args.save_json.parent.mkdir(parents=True, exist_ok=True)
        save_results(res, args.save_json)
    draw_chart(res, args.chart)
    write_report(res, args.out, args.chart)
    log(f"wrote {args.out.name} and {args.chart.name} in {res.seconds / 60:.1f} min")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
