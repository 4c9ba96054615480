"""Time to read and analyse adversarial documents of 20, 40, 80 and 160 KB, and whether it grows
linearly (``make bench`` runs it; ``--sizes`` and ``--out`` change what it does).

Each shape is one file of the named kind, repeated up to the size: the text patterns and the
rules that once took quadratic time or worse on it (a run of full stops: 62 s at 40 KB; a 1 MB
line without punctuation: about 1.5 hours). Growth is "linear" when doubling the size at most
triples the time (a quadratic rule quadruples it); the check compares 160 KB with 20 KB, where
linear time is 8 times as long and quadratic 64 times, so noise on a shared machine cannot turn
one into the other.

    .venv/bin/python benchmarks/adversarial.py                 # about a minute on 2 cores
    .venv/bin/python benchmarks/adversarial.py --sizes 20 40   # quicker
"""

from __future__ import annotations

import argparse
import signal
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

#: The longest any one measurement may take before it is reported as a stall (seconds).
STALL = 60
#: 160 KB may take at most this many times as long as 20 KB (linear: 8; quadratic: 64).
MAX_RATIO = 20.0
#: Times below this are taken as this, so that timer noise on tiny times is no growth.
FLOOR = 0.1


def _repeat(unit: str, size: int, head: str = "", tail: str = "") -> str:
    return head + unit * max(1, (size - len(head) - len(tail)) // len(unit)) + tail


def _under(unit: str) -> str:
    """One sentence of ``unit`` repeated to just under the work budget, and a space."""
    return "It " + unit * (1_990 // len(unit)) + "end. "


RELEASE = "---\ntitle: Talks\ndate: 2001-03-26\nministers:\n  - Phil Goff\n---\n\n"
WIKI = "= New Zealand–North Korea relations =\n\n"

#: name -> function(size in characters) -> the text of one file.
SHAPES: dict[str, Callable[[int], str]] = {
    # one sentence or line of text patterns that backtracked
    "full stops": lambda n: _repeat(".", n, "a"),
    "wiki title with spaces": lambda n: _repeat(" ", n, "= a", "b"),
    "heading with spaces": lambda n: WIKI + _repeat(" ", n, "== a", "b ==x"),
    "infobox line with spaces": lambda n: WIKI + "Infobox\n" + _repeat(" ", n, "- a", "b"),
    "initials": lambda n: _repeat("A. ", n),
    # one long sentence without punctuation: every rule reads the sentence as a whole
    "sentence without punctuation": lambda n: _repeat("New Zealand aid to North Korea met ", n),
    "sentence of amounts": lambda n: _repeat("$5 million and ", n, "New Zealand gave "),
    "dollar signs and digits": lambda n: _repeat("$1", n),
    "sentence of date ranges": lambda n: _repeat("from 2000 to 2001 and ", n),
    "sentence of years": lambda n: _repeat("2000, ", n),
    "nested said that": lambda n: _repeat("Winston Peters said that ", n),
    # one long paragraph of ordinary sentences: rules that re-read the paragraph per sentence
    "paragraph of aid sentences": lambda n: _repeat(
        "Winston Peters said New Zealand gave $5 million in aid in March 2001. ", n
    ),
    "paragraph of quotations": lambda n: (
        RELEASE + _repeat('"We will give aid," Winston Peters said. ', n)
    ),
    "paragraph of date ranges": lambda n: _repeat(
        "It ran from 2000 to 2001 and between March 2002 and April 2003. ", n
    ),
    "sentences of nested said that": lambda n: _repeat(
        "Winston Peters said that Helen Clark said that Kim Jong-il said so. ", n
    ),
    "acronym defined in every sentence": lambda n: _repeat(
        "The Pacific Islands Forum (PIF) met. ", n
    ),
    # sentences just under the work budget (2,000 characters), where a rule that re-reads its
    # sentence costs most
    "sentences of years under the budget": lambda n: _repeat(_under("2000, "), n),
    "sentences of amounts under the budget": lambda n: _repeat(_under("$5 million and "), n),
    "sentences of quotations under the budget": lambda n: _repeat(_under('"a" said Peters, '), n),
    # many short units
    "short paragraphs": lambda n: _repeat("a\n", n),
    "many headings": lambda n: WIKI + _repeat("== H ==\nText here.\n", n),
}


class _Stalled(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise _Stalled


def measure(text: str, folder: Path) -> float:
    """Seconds to read one file and analyse it (the best of three runs)."""
    from nzdprk.extract import analyse, work_problems
    from nzdprk.read import read_document

    path = folder / "doc.txt"
    path.write_text(text, encoding="utf-8")
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        doc, _ = read_document(path, root=folder)
        if doc is not None:
            work_problems(doc)
            analyse(doc)
        best = min(best, time.perf_counter() - started)
    return best


def run(sizes: Sequence[int]) -> tuple[list[str], bool]:
    """The table (Markdown lines) and whether every shape grew linearly."""
    from nzdprk.extract import analyse
    from nzdprk.read import Document

    analyse(Document("warm", "warm.txt", "news_article", "Warm up. New Zealand gave $1."))
    head = "| shape | " + " | ".join(f"{s} KB (s)" for s in sizes) + " | growth |"
    lines = [head, "|---" * (len(sizes) + 2) + "|"]
    all_linear = True
    signal.signal(signal.SIGALRM, _alarm)
    with tempfile.TemporaryDirectory() as tmp:
        for name, make in SHAPES.items():
            times: list[float | None] = []
            for size in sizes:
                signal.alarm(STALL)
                try:
                    times.append(measure(make(size * 1000), Path(tmp)))
                except _Stalled:
                    times.append(None)
                    break
                finally:
                    signal.alarm(0)
            linear = len(times) == len(sizes) and None not in times
            if linear and len(sizes) > 1:
                ratio = max(times[-1], FLOOR) / max(times[0], FLOOR)
                allowed = MAX_RATIO * sizes[-1] / sizes[0] / 8
                linear = ratio <= allowed
                verdict = f"{ratio:.1f}x for {sizes[-1] // sizes[0]}x the size: " + (
                    "linear" if linear else "GROWS FASTER THAN LINEAR"
                )
            else:
                verdict = "linear" if linear else f"STALLED (over {STALL} s)"
            all_linear &= linear
            cells = [f"{t:.2f}" if t is not None else f"> {STALL}" for t in times]
            cells += ["–"] * (len(sizes) - len(cells))
            lines.append(f"| {name} | " + " | ".join(cells) + f" | {verdict} |")
            print(lines[-1], file=sys.stderr, flush=True)
    return lines, all_linear


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[20, 40, 80, 160], help="KB")
    parser.add_argument("--out", type=Path, help="also write the table to this Markdown file")
    args = parser.parse_args(argv)
    lines, linear = run(args.sizes)
    report = "\n".join(
        ["## Adversarial documents: time to read and analyse one file", "", *lines, ""]
    )
    print(report)
    if args.out:
        args.out.write_text(report, encoding="utf-8")
    if not linear:
        print("some shape does not grow linearly (see above)", file=sys.stderr)
    return 0 if linear else 1


if __name__ == "__main__":
    sys.exit(main())
