"""Command line: ``nzdprk export`` writes every frame; ``figures``, ``findings``, ``schema``.

The command line mirrors the Python API: ``nzdprk export --corpus DIR --out OUT`` is
``export_corpus(load_corpus(DIR), OUT)``. A user's mistake gives a message and an exit code
(see :data:`EXIT_CODES`), never a traceback.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__

if TYPE_CHECKING:
    from .corpus import Corpus
    from .read import Problem

EXIT_OK = 0
EXIT_BAD_INPUT = 1
EXIT_USAGE = 2
EXIT_NO_SOURCES = 3
EXIT_CANNOT_WRITE = 4
EXIT_INTERRUPTED = 130
EXIT_CODES = {
    EXIT_OK: "success",
    EXIT_BAD_INPUT: "--strict and a file has a problem (nothing written)",
    EXIT_USAGE: "usage error: an unknown option or a bad value",
    EXIT_NO_SOURCES: "no sources: the corpus folder is missing, is a file or holds no document",
    EXIT_CANNOT_WRITE: "cannot write the output (not a folder, no permission, disk full...)",
    EXIT_INTERRUPTED: "interrupted (Ctrl-C); the previous output is kept",
}
#: More problems than this with the same message are reported on one line.
_SAME_MESSAGE_LINES = 3


def _epilog() -> str:
    return "exit codes:\n" + "\n".join(f"  {code:<3} {text}" for code, text in EXIT_CODES.items())


def _pattern(value: str) -> str:
    from .read import check_pattern

    try:
        return check_pattern(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        jobs = -1
    if jobs < 0:
        raise argparse.ArgumentTypeError(f"{value!r} is not 0 (one per core) or a positive number")
    return jobs


def _corpus_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--corpus",
        type=Path,
        default=None,
        help="folder of .txt documents (default: the bundled sources)",
    )
    parser.add_argument(
        "--pattern",
        type=_pattern,
        default="*.txt",
        help="which files below the folder are documents (default: *.txt)",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="stop with an error if any file has a problem, writing nothing",
    )
    parser.add_argument(
        "--follow-symlinks",
        action="store_true",
        help="follow symbolic links that point outside the corpus folder (default: refuse them)",
    )


def _export_options(export: argparse.ArgumentParser) -> None:
    """The options of ``nzdprk export``: the corpus, where and how to write, and how to read."""
    _corpus_options(export)
    export.add_argument(
        "--out", type=Path, required=True, help="output folder (created if missing)"
    )
    export.add_argument(
        "--format",
        choices=("csv", "parquet", "timelinejs"),
        default="csv",
        help="csv: one file per frame (default); parquet: the same, typed; "
        "timelinejs: timeline.json for TimelineJS",
    )
    export.add_argument(
        "--excel",
        action="store_true",
        help="CSV for spreadsheets: a UTF-8 byte-order mark, and an apostrophe before every "
        "text starting with = + - @, a tab or an apostrophe, so no cell runs as a formula",
    )
    export.add_argument(
        "--jobs",
        type=_jobs,
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


def _parser() -> argparse.ArgumentParser:
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(
        prog="nzdprk",
        description="Turn source documents on New Zealand–North Korea relations into tidy tables.",
        epilog=_epilog(),
        formatter_class=formatter,
    )
    parser.add_argument("--version", action="version", version=f"nzdprk {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    export = sub.add_parser(
        "export",
        help="write every frame as CSV or Parquet, with datapackage.json",
        description="Read a folder of documents and write one file per frame and a "
        "datapackage.json that gives every column's type. Only files nzdprk wrote (listed in "
        "nzdprk-manifest.json) are ever replaced or removed.",
        epilog=_epilog(),
        formatter_class=formatter,
    )
    _export_options(export)

    figures = sub.add_parser(
        "figures",
        help="draw every published chart (SVG and PNG)",
        description="Draw every chart into a folder, with manifest.csv.",
        epilog=_epilog(),
        formatter_class=formatter,
    )
    _corpus_options(figures)
    figures.add_argument("--out", type=Path, required=True, help="output folder")

    findings = sub.add_parser(
        "findings",
        help="print the results as sentences with numbers",
        epilog=_epilog(),
        formatter_class=formatter,
    )
    _corpus_options(findings)

    evaluate = sub.add_parser(
        "evaluate",
        help="measure the reading against a hand annotation",
        description="Score each layer against a gold annotation (see docs/evaluation.md).",
        epilog=_epilog(),
        formatter_class=formatter,
    )
    _corpus_options(evaluate)
    evaluate.add_argument("--gold", type=Path, required=True, help="the annotation (YAML)")
    evaluate.add_argument("--out", type=Path, default=None, help="write scores.csv, errors.csv")

    schema = sub.add_parser("schema", help="print the data dictionary (Markdown)")
    schema.add_argument("--out", type=Path, default=None, help="write it to this file instead")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return its exit code (see :data:`EXIT_CODES`)."""
    from .evaluation import GoldError
    from .files import OutputError
    from .read import CorpusError, NoDocumentsError

    parser = _parser()
    args = parser.parse_args(argv)
    if getattr(args, "excel", False) and args.format != "csv":
        parser.error("--excel is for --format csv only")
    try:
        if args.command == "schema":
            return _schema(args)
        corpus = _load(args)
        command = {"findings": _findings, "figures": _figures, "evaluate": _evaluate}
        return command.get(args.command, _export)(corpus, args)
    except GoldError as exc:
        print(f"nzdprk: nothing written. {exc}", file=sys.stderr)
        return EXIT_USAGE
    except NoDocumentsError as exc:
        hint = "" if args.corpus is not None else "; give a folder of documents with --corpus DIR"
        print(f"nzdprk: nothing written: no sources. {exc}{hint}", file=sys.stderr)
        return EXIT_NO_SOURCES
    except CorpusError as exc:
        print(f"nzdprk: nothing written. {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OutputError as exc:
        print(f"nzdprk: nothing written: {exc}; choose another --out", file=sys.stderr)
        return EXIT_CANNOT_WRITE


def run() -> int:
    """The ``nzdprk`` command: :func:`main`, with Ctrl-C reported in one line."""
    try:
        return main()
    except KeyboardInterrupt:
        print(f"nzdprk: {EXIT_CODES[EXIT_INTERRUPTED]}", file=sys.stderr)
        return EXIT_INTERRUPTED


def _load(args: argparse.Namespace) -> Corpus:
    from .corpus import CorpusWarning, load_corpus

    progress = getattr(args, "progress", None)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusWarning)
        corpus = load_corpus(
            args.corpus,
            strict=args.strict,
            pattern=args.pattern,
            follow_symlinks=getattr(args, "follow_symlinks", False),
            jobs=getattr(args, "jobs", 1),
            progress=sys.stderr.isatty() if progress is None else progress,
        )
    _report(corpus.problem_list)
    return corpus


def _report(problems: list[Problem]) -> None:
    """Each problem on its own line, except that many with the same message share one."""
    same = Counter((p.severity, p.message) for p in problems)
    shown: set[tuple[str, str]] = set()
    for problem in problems:
        key = (problem.severity, problem.message)
        if same[key] <= _SAME_MESSAGE_LINES:
            print(f"nzdprk: {problem.severity}: {problem}", file=sys.stderr)
        elif key not in shown:
            shown.add(key)
            print(
                f"nzdprk: {problem.severity}: {same[key]} files, the first {problem.path}: "
                f"{problem.message} (all are listed in problems.csv)",
                file=sys.stderr,
            )


def _schema(args: argparse.Namespace) -> int:
    if args.out is None:
        from .schema import data_dictionary

        sys.stdout.write(data_dictionary())
    else:
        from .export import write_data_dictionary

        write_data_dictionary(args.out)
    return EXIT_OK


def _findings(corpus: Corpus, args: argparse.Namespace) -> int:
    from .findings import findings

    for line in findings(corpus):
        print(f"- {line}")
    return EXIT_OK


def _figures(corpus: Corpus, args: argparse.Namespace) -> int:
    from .export import write_figures

    manifest = write_figures(corpus, args.out)
    print(f"nzdprk: drew {len(manifest)} figures into {args.out}", file=sys.stderr)
    return EXIT_OK


def _evaluate(corpus: Corpus, args: argparse.Namespace) -> int:
    from .evaluation import evaluate
    from .export import write_evaluation

    result = evaluate(corpus, args.gold)
    print(result)
    if args.out is not None:
        write_evaluation(result, args.out)
        print(f"nzdprk: wrote scores.csv and errors.csv to {args.out}", file=sys.stderr)
    return EXIT_OK


def _export(corpus: Corpus, args: argparse.Namespace) -> int:
    from .export import export_corpus

    written = export_corpus(corpus, args.out, format=args.format, spreadsheet=args.excel)
    if args.format == "timelinejs":
        print(f"nzdprk: wrote the timeline to {written[0]}", file=sys.stderr)
        return EXIT_OK
    skipped = sum(p.severity == "error" for p in corpus.problem_list)
    print(
        f"nzdprk: wrote {len(written) - 1} tables for {len(corpus.docs)} documents to {args.out}"
        + (f" ({skipped} file(s) skipped, see problems.csv)" if skipped else ""),
        file=sys.stderr,
    )
    return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(run())
