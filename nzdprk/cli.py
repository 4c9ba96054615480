"""Command line: ``nzdprk export`` writes every frame as CSV; ``nzdprk schema`` the data dictionary.

The command line mirrors the Python API: ``nzdprk export --corpus DIR --out OUT`` is
``load_corpus(DIR).frames()`` written to ``OUT/<frame>.csv``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import warnings
from collections.abc import Sequence
from pathlib import Path

from . import __version__


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="nzdprk",
        description="Turn source documents on New Zealand–North Korea relations into tidy tables.",
    )
    parser.add_argument("--version", action="version", version=f"nzdprk {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    export = sub.add_parser(
        "export",
        help="write every frame as a CSV file",
        description="Read a folder of documents and write one CSV per frame.",
    )
    export.add_argument(
        "--corpus",
        type=Path,
        default=None,
        help="folder of .txt documents (default: the bundled seeds/)",
    )
    export.add_argument(
        "--out", type=Path, required=True, help="output folder (created if missing)"
    )
    export.add_argument(
        "--pattern", default="*.txt", help="which files are documents (default: *.txt)"
    )
    export.add_argument(
        "--format",
        choices=("csv", "timelinejs"),
        default="csv",
        help="csv: one file per frame (default); timelinejs: timeline.json for TimelineJS",
    )
    export.add_argument(
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help="analyse documents in N worker processes (0: one per core; default 1)",
    )
    export.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show a progress bar (default: when writing to a terminal)",
    )
    export.add_argument(
        "--strict",
        action="store_true",
        help="stop with an error if any file has a problem, writing nothing",
    )

    figures = sub.add_parser(
        "figures",
        help="draw every published chart (SVG and PNG)",
        description="Draw every chart into a folder, with manifest.csv.",
    )
    figures.add_argument(
        "--corpus",
        type=Path,
        default=None,
        help="folder of .txt documents (default: the bundled seeds/)",
    )
    figures.add_argument("--out", type=Path, required=True, help="output folder")

    sub.add_parser("findings", help="print the results as sentences with numbers")

    evaluate = sub.add_parser(
        "evaluate",
        help="measure the reading against a hand annotation",
        description="Score each layer against a gold annotation (see docs/evaluation.md).",
    )
    evaluate.add_argument(
        "--corpus", type=Path, default=None, help="folder of .txt documents (default: seeds/)"
    )
    evaluate.add_argument("--gold", type=Path, required=True, help="the annotation (YAML)")
    evaluate.add_argument("--out", type=Path, default=None, help="write scores.csv, errors.csv")

    schema = sub.add_parser("schema", help="print the data dictionary (Markdown)")
    schema.add_argument("--out", type=Path, default=None, help="write it to this file instead")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "schema":
        from .schema import data_dictionary

        text = data_dictionary()
        if args.out is None:
            sys.stdout.write(text)
        else:
            write_atomic(args.out, text)
        return 0
    if args.command == "figures":
        return _figures(args)
    if args.command == "evaluate":
        from .evaluation import run_cli

        return run_cli(args.corpus, args.gold, args.out)
    if args.command == "findings":
        from .corpus import load_corpus
        from .findings import findings

        for line in findings(load_corpus()):
            print(f"- {line}")
        return 0
    return _export(args)


def _figures(args: argparse.Namespace) -> int:
    from .corpus import CorpusWarning, load_corpus
    from .figures import write_figures

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusWarning)
        corpus = load_corpus(args.corpus)
    manifest = write_figures(corpus, args.out)
    print(f"nzdprk: drew {len(manifest)} figures into {args.out}", file=sys.stderr)
    return 0


def _export(args: argparse.Namespace) -> int:
    from .corpus import CorpusWarning, load_corpus
    from .read import CorpusError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", CorpusWarning)
            progress = sys.stderr.isatty() if args.progress is None else args.progress
            corpus = load_corpus(
                args.corpus,
                strict=args.strict,
                pattern=args.pattern,
                jobs=args.jobs,
                progress=progress,
            )
    except CorpusError as exc:
        print(f"nzdprk: nothing written. {exc}", file=sys.stderr)
        return 1
    except (FileNotFoundError, NotADirectoryError) as exc:
        print(f"nzdprk: {exc}", file=sys.stderr)
        return 2
    for problem in corpus.problem_list:
        print(f"nzdprk: {problem.severity}: {problem}", file=sys.stderr)
    if args.format == "timelinejs":
        import json

        from .timelinejs import timeline_json

        data = timeline_json(corpus.events, corpus.documents)
        write_atomic(
            args.out / "timeline.json", json.dumps(data, ensure_ascii=False, indent=1) + "\n"
        )
        print(
            f"nzdprk: wrote {len(data['events'])} slides to {args.out / 'timeline.json'}",
            file=sys.stderr,
        )
        return 0
    frames = corpus.frames()
    write_frames(frames, args.out)
    skipped = sum(p.severity == "error" for p in corpus.problem_list)
    print(
        f"nzdprk: wrote {len(frames)} tables for {len(corpus.docs)} documents to {args.out}"
        + (f" ({skipped} file(s) skipped, see problems.csv)" if skipped else ""),
        file=sys.stderr,
    )
    return 0


def write_frames(frames: dict, out: Path) -> None:
    """Write ``<name>.csv`` files so that the output folder is never left half-written.

    The new folder is built beside ``out`` (with copies of any other files already in it) and
    then swapped in with one atomic exchange of the two folders (``renameat2`` on Linux). An
    interruption before the swap leaves the previous output as it was; after it, the new one
    is complete. Elsewhere the swap is two renames, and a crash between them leaves the old
    output in a ``.<name>-…`` folder beside ``out``.
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    try:
        written = {f"{name}.csv" for name in frames}
        if out.is_dir():
            for old in out.iterdir():
                if old.name not in written and old.is_file():
                    shutil.copy2(old, tmp / old.name)
        for name, frame in frames.items():
            frame.to_csv(
                tmp / f"{name}.csv",
                index=False,
                date_format="%Y-%m-%d",
                lineterminator="\n",
                encoding="utf-8",
            )
        if out.exists():
            _exchange(tmp, out)
        else:
            os.rename(tmp, out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _exchange(a: Path, b: Path) -> None:
    """Swap two folders atomically (Linux ``renameat2(RENAME_EXCHANGE)``), else by renames."""
    import ctypes
    import ctypes.util

    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    at_fdcwd, rename_exchange = -100, 2
    if (
        renameat2 is not None
        and renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0
    ):
        return
    backup = a.with_name(a.name + "-old")
    os.rename(b, backup)
    os.rename(a, b)
    os.rename(backup, a)


def write_atomic(path: Path, text: str) -> None:
    """Write a text file through a temporary file and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


if __name__ == "__main__":
    raise SystemExit(main())
