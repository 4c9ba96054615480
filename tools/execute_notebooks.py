"""Execute notebooks top to bottom in a fresh ``python3`` kernel and store their outputs.

Used by ``make run``. Unlike ``jupyter nbconvert --execute``, it records no timing or
machine-specific metadata, and joins the printed output of a cell into one output per stream,
so running it twice gives byte-identical files.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbconvert.preprocessors import CoalesceStreamsPreprocessor

KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}


def execute(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        kernel_name="python3",
        timeout=600,
        record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    # A cell's printed lines arrive in as many stream messages as the kernel flushed; joined
    # into one output per stream, the stored notebook does not depend on timing.
    nb, _ = CoalesceStreamsPreprocessor().preprocess(nb, {})
    nb.metadata = {"kernelspec": KERNELSPEC, "language_info": {"name": "python"}}
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
    nbformat.validate(nb)
    tmp = path.with_suffix(".ipynb.tmp")
    nbformat.write(nb, tmp)
    tmp.replace(path)


def main(paths: list[str]) -> int:
    for name in paths:
        print(f"executing {name}", file=sys.stderr)
        execute(Path(name))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
