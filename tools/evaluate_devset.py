"""Measure the package on the development corpus and put the figures in docs/evaluation.md.

Used by ``make eval``: ``gold.yaml`` over the dev set's ``docs/`` and ``seeds.gold.yaml`` over
the project's own ``seeds/``. The figures block of the report is dated, and rewritten, only
when a figure changes, so that running it again leaves the repository as it was.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from nzdprk.evaluation import GoldError, evaluate, report, update_report

ROOT = Path(__file__).resolve().parents[1]


def main(devset: Path, out: Path) -> int:
    try:
        unseen = evaluate(devset / "docs", devset / "gold.yaml")
        seeds = evaluate(ROOT / "seeds", devset / "seeds.gold.yaml")
    except GoldError as exc:
        print(f"make eval: {exc}", file=sys.stderr)
        return 2
    sections = {
        f"{unseen.n_documents} documents the rules were not written for (the dev set)": unseen,
        f"The {seeds.n_documents} sources the rules were written on (seeds/)": seeds,
    }
    for title, result in sections.items():
        print(f"## {title}\n\n{result}")
    today = dt.datetime.now(dt.UTC).date()
    if update_report(out, report(sections), today):
        print(f"make eval: wrote the figures to {out}", file=sys.stderr)
    else:
        print(f"make eval: the figures in {out} are unchanged", file=sys.stderr)
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python tools/evaluate_devset.py DEVSET_FOLDER REPORT.md")
    raise SystemExit(main(Path(sys.argv[1]), Path(sys.argv[2])))
