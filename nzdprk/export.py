"""Everything the package writes to disk, for the Python API and the command line alike:
tables (CSV or Parquet with a ``datapackage.json`` that types them), the TimelineJS file, the
charts with their manifest, and the data dictionary. Every file is written atomically and only
files nzdprk wrote are ever replaced (see `nzdprk.files`).

``export_corpus(corpus, "out")`` writes one file per frame and a Frictionless Data Package
(Table Schema) generated from :mod:`nzdprk.schema`: types, categories, descriptions, primary
and foreign keys. :func:`read_tables` reads such a folder back with the dtypes restored, so a
researcher gets the same frames the package computed. ``nzdprk export`` calls the same code.

CSV is written verbatim (UTF-8, no byte-order mark, ``\\n`` line ends, ISO dates). With
``spreadsheet=True`` it is made safe to open in Excel: a UTF-8 byte-order mark (so Excel reads
en dashes and Korean names), and every text cell that starts with ``=``, ``+``, ``-``, ``@``,
a tab, a carriage return or an apostrophe gets one more apostrophe in front, so no cell can be
taken for a formula. :func:`read_tables` removes those apostrophes again.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping
from contextlib import ExitStack
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from .files import OutputError, write_file, write_files
from .read import NoDocumentsError
from .schema import DATE, FRAMES, Category

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

    from .corpus import Corpus
    from .evaluation import Evaluation

FORMATS = ("csv", "parquet", "timelinejs")
DATAPACKAGE = "datapackage.json"
#: First characters that make a spreadsheet read a cell as a formula (OWASP CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_SPREADSHEET_KEY = "nzdprk:spreadsheet_safe"

_TYPES = {"string": "string", "Int64": "integer", "Float64": "number", "boolean": "boolean"}


def export_corpus(
    corpus: Corpus, out: str | Path, *, format: str = "csv", spreadsheet: bool = False
) -> list[Path]:
    """Write every frame of ``corpus`` into the folder ``out``; return the files written.

    ``format`` is ``"csv"`` or ``"parquet"`` (each with ``datapackage.json``), or
    ``"timelinejs"`` (``timeline.json`` for TimelineJS). A corpus without documents is
    refused (:class:`NoDocumentsError`) so that it never replaces good output with empty
    tables; an unwritable folder raises :class:`nzdprk.files.OutputError`.

    Each frame is made when its file is written, and the corpus forgets it (`Corpus.forget`)
    once no frame still to be written is computed from it, so memory holds a few frames at a
    time, not all of them; the corpus computes a frame again if it is asked for later. As CSV,
    the frames of the documents' own rows, when none is made yet, are written batch by batch
    of documents (`_StreamedCsv`): the same bytes, without ever holding the whole frames.
    """
    if format not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {format!r}")
    from .corpus import require_documents

    if format == "timelinejs":
        return write_timeline(corpus, out)
    require_documents(corpus)
    writers = {
        name: _writer(partial(_made_then_forgotten, corpus, name), format, spreadsheet)
        for name in FRAMES
    }
    if format != "csv" or not corpus.unframed:
        return _write_tables(writers, out, format=format, spreadsheet=spreadsheet)
    streamed = _StreamedCsv(corpus, spreadsheet)
    writers |= {name: streamed.writer(name) for name in streamed.names}
    try:
        return _write_tables(writers, out, format=format, spreadsheet=spreadsheet)
    finally:
        streamed.remove()


@cache
def _last_needed() -> dict[str, tuple[str, ...]]:
    """For each frame in the order they are written, the frames to forget once it is made:
    those it is the last to be computed from (`nzdprk.corpus.SOURCES`), and itself if no later
    frame is computed from it. Kept until then, a source is never computed twice: the frames of
    the documents are made together, from every document's analysis."""
    from .corpus import SOURCES

    last = {name: i for i, name in enumerate(FRAMES)}
    for i, name in enumerate(FRAMES):
        for source in SOURCES.get(name, ()):
            last[source] = max(last[source], i)
    return {name: tuple(n for n in FRAMES if last[n] == i) for i, name in enumerate(FRAMES)}


def _made_then_forgotten(corpus: Corpus, name: str) -> pd.DataFrame:
    """The frame ``name`` of ``corpus``; then the corpus forgets what no later frame needs."""
    frame = getattr(corpus, name)
    for done in _last_needed()[name]:
        corpus.forget(done)
    return frame


def write_tables(
    frames: Mapping[str, pd.DataFrame | Callable[[], pd.DataFrame]],
    out: str | Path,
    *,
    format: str = "csv",
    spreadsheet: bool = False,
) -> list[Path]:
    """Write frames of the schema as ``<name>.csv`` or ``<name>.parquet`` plus
    ``datapackage.json``, each file atomically; other files in ``out`` are left alone. A frame
    may be given as a function that returns it, called only when its file is written."""
    if format not in ("csv", "parquet"):
        raise ValueError(f"format must be 'csv' or 'parquet', not {format!r}")
    unknown = [name for name in frames if name not in FRAMES]
    if unknown:
        raise ValueError(f"frames not in nzdprk.schema: {unknown}")
    if spreadsheet and format != "csv":
        raise ValueError("spreadsheet=True is for CSV files only")
    writers = {name: _writer(frame, format, spreadsheet) for name, frame in frames.items()}
    return _write_tables(writers, out, format=format, spreadsheet=spreadsheet)


def _write_tables(
    writers: Mapping[str, Callable[[Path], object]],
    out: str | Path,
    *,
    format: str,
    spreadsheet: bool,
) -> list[Path]:
    """Write each frame's file with its writer (by frame name), then ``datapackage.json``."""
    files = {f"{name}.{format}": write for name, write in writers.items()}
    package = json.dumps(
        datapackage(list(writers), format=format, spreadsheet=spreadsheet),
        ensure_ascii=False,
        indent=1,
    )
    files[DATAPACKAGE] = lambda p: p.write_text(package + "\n", encoding="utf-8")
    return write_files(out, files, group="tables")


def _writer(
    frame: pd.DataFrame | Callable[[], pd.DataFrame], format: str, spreadsheet: bool
) -> Callable[[Path], object]:
    """The function that writes ``frame`` to a path. The frame (when given as a function) and
    its spreadsheet-safe copy are made only when the file is written, and dropped after, so
    one copy at a time is in memory."""

    def write(path: Path) -> None:
        table = frame() if callable(frame) else frame
        if format == "parquet":
            table.to_parquet(path, index=False)
            return
        with _open_csv(path, spreadsheet) as handle:
            _write_csv(table, handle, spreadsheet=spreadsheet, header=True)

    return write


def _open_csv(path: Path, spreadsheet: bool) -> TextIO:
    """``path`` opened to write CSV text: UTF-8, with a byte-order mark for a spreadsheet
    (written once, before the first text), line ends as written."""
    return path.open("w", encoding="utf-8-sig" if spreadsheet else "utf-8", newline="")


def _write_csv(frame: pd.DataFrame, handle: TextIO, *, spreadsheet: bool, header: bool) -> None:
    """The rows of ``frame`` as CSV into ``handle`` (and the header line, with ``header``).
    Each cell is written on its own, so the rows of a frame written in parts, one part after
    the other, are the bytes of the whole frame written at once."""
    (spreadsheet_safe(frame) if spreadsheet else frame).to_csv(
        handle, index=False, header=header, date_format="%Y-%m-%d", lineterminator="\n"
    )


class _StreamedCsv:
    """The CSV files of a corpus's per-document frames (`nzdprk.frames.PER_DOCUMENT`),
    written together batch by batch of documents (`Corpus.stream_per_document`) when the first
    of them is to be written, so that no whole per-document frame is held. Each is written
    into a temporary file next to the first's (its name begins as the first's does, so a
    killed run's are removed as its are) and moved into its place when its turn comes."""

    def __init__(self, corpus: Corpus, spreadsheet: bool):
        from .frames import PER_DOCUMENT

        self.corpus = corpus
        self.spreadsheet = spreadsheet
        self.names = PER_DOCUMENT
        self.ready: dict[str, Path] = {}
        self.written = False

    def writer(self, name: str) -> Callable[[Path], None]:
        """The writer of the file of ``name``: the files are written on the first call."""

        def write(path: Path) -> None:
            if not self.written:
                self.written = True
                self._write_all(path)
            os.replace(self.ready[name], path)
            del self.ready[name]
            for done in _last_needed()[name]:
                self.corpus.forget(done)

        return write

    def _write_all(self, first: Path) -> None:
        self.ready = {name: first.with_name(f"{first.name}-{name}") for name in self.names}
        with ExitStack() as stack:
            handles = {
                name: stack.enter_context(_open_csv(path, self.spreadsheet))
                for name, path in self.ready.items()
            }
            started: set[str] = set()

            def write(name: str, part: pd.DataFrame) -> None:
                _write_csv(
                    part, handles[name], spreadsheet=self.spreadsheet, header=name not in started
                )
                started.add(name)

            self.corpus.stream_per_document(write)

    def remove(self) -> None:
        """Remove the files not moved into place (the export failed before their turn)."""
        for path in self.ready.values():
            path.unlink(missing_ok=True)


def spreadsheet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy in which no text cell can be read as a formula: an apostrophe is put before
    every text that starts with one of :data:`FORMULA_START` or with an apostrophe."""
    out = frame.copy()
    for column in frame.columns:
        if frame[column].dtype == "string":
            values = frame[column]
            risky = values.str.startswith((*FORMULA_START, "'")).fillna(False).astype(bool)
            out[column] = values.where(~risky, "'" + values)
    return out


def datapackage(names: list[str], *, format: str = "csv", spreadsheet: bool = False) -> dict:
    """A Frictionless Tabular Data Package describing the named frames' files."""
    return {
        "profile": "tabular-data-package",
        "name": "nzdprk",
        "title": "nzdprk tables: New Zealand–North Korea relations from source documents",
        "description": "Generated by nzdprk from nzdprk.schema; see docs/data-dictionary.md.",
        "resources": [_resource(name, names, format, spreadsheet) for name in names],
    }


def _resource(name: str, names: list[str], format: str, spreadsheet: bool) -> dict[str, Any]:
    frame = FRAMES[name]
    schema: dict[str, Any] = {
        "fields": [_field(c.name, c.dtype, c.description) for c in frame.columns],
        "missingValues": [""],
    }
    if frame.primary_key:
        schema["primaryKey"] = list(frame.primary_key)
    keys = [
        {
            "fields": list(fk.columns),
            "reference": {"resource": fk.frame, "fields": list(fk.target)},
        }
        for fk in frame.foreign_keys
        if fk.frame in names
    ]
    if keys:
        schema["foreignKeys"] = keys
    resource: dict[str, Any] = {
        "name": name,
        "path": f"{name}.{format}",
        "profile": "tabular-data-resource",
        "format": format,
        "description": frame.description,
        "schema": schema,
    }
    if format == "csv":
        resource |= {
            "mediatype": "text/csv",
            "encoding": "utf-8-sig" if spreadsheet else "utf-8",
            "dialect": {"delimiter": ",", "lineTerminator": "\n", "header": True},
        }
        if spreadsheet:
            resource[_SPREADSHEET_KEY] = True
    else:
        resource["mediatype"] = "application/vnd.apache.parquet"
    return resource


def _field(name: str, dtype: str | Category, description: str) -> dict[str, Any]:
    if isinstance(dtype, Category):
        return {
            "name": name,
            "type": "string",
            "description": description,
            "constraints": {"enum": list(dtype.values)},
            "categories": list(dtype.values),
            "categoriesOrdered": dtype.ordered,
        }
    if dtype == DATE:
        return {"name": name, "type": "date", "description": description}
    return {"name": name, "type": _TYPES[dtype], "description": description}


def read_tables(folder: str | Path) -> dict[str, pd.DataFrame]:
    """Read a folder written by ``nzdprk export`` (CSV or Parquet) back into frames with the
    dtypes that its ``datapackage.json`` declares (string, category, Int64, boolean, dates)."""
    folder = Path(folder)
    path = folder / DATAPACKAGE
    try:
        package = json.loads(path.read_text(encoding="utf-8"))
        resources = package["resources"]
    except FileNotFoundError:
        raise FileNotFoundError(
            f"{path} does not exist: read_tables() needs a folder written by nzdprk export"
        ) from None
    except (ValueError, KeyError, TypeError) as exc:
        raise ValueError(f"{path} is not a data package: {exc}") from exc
    return {r["name"]: _read_resource(folder, r) for r in resources}


def _read_resource(folder: Path, resource: dict[str, Any]) -> pd.DataFrame:
    import pandas as pd

    path = folder / resource["path"]
    if resource.get("format") == "parquet":
        raw = pd.read_parquet(path)
        columns = {c: raw[c].astype(object).where(raw[c].notna(), None) for c in raw.columns}
    else:
        raw = pd.read_csv(
            path,
            dtype=str,
            keep_default_na=False,
            encoding=resource.get("encoding", "utf-8"),
        )
        columns = {c: raw[c].astype(object).where(raw[c] != "", None) for c in raw.columns}
        if resource.get(_SPREADSHEET_KEY):
            columns = {c: _unprotect(v) for c, v in columns.items()}
    data = {f["name"]: _cast(columns[f["name"]], f) for f in resource["schema"]["fields"]}
    return pd.DataFrame(data, index=pd.RangeIndex(len(raw)))


def _unprotect(values: pd.Series) -> pd.Series:
    """Undo :func:`spreadsheet_safe`: drop the one apostrophe it put before a text."""
    return values.map(lambda v: v[1:] if isinstance(v, str) and v.startswith("'") else v)


def _cast(values: pd.Series, field: dict[str, Any]) -> pd.Series:
    import pandas as pd

    kind = field["type"]
    if "categories" in field:
        dtype = pd.CategoricalDtype(field["categories"], ordered=field.get("categoriesOrdered"))
        return values.astype(object).astype(dtype)
    if kind == "date":
        return pd.to_datetime(values, format="ISO8601").astype(DATE)
    if kind == "boolean":
        truth = {"True": True, "False": False, "true": True, "false": False}
        return values.map(lambda v: None if pd.isna(v) else truth.get(v, v)).astype("boolean")
    dtype = {"integer": "Int64", "number": "Float64"}.get(kind, "string")
    if dtype == "string":
        return values.astype(object).astype("string")
    return pd.to_numeric(values.astype(object)).astype(dtype)


def write_timeline(corpus: Corpus, out: str | Path) -> list[Path]:
    """Write ``timeline.json`` for TimelineJS (see `nzdprk.timelinejs`) into the folder ``out``."""
    from .corpus import require_documents
    from .timelinejs import timeline_json

    require_documents(corpus)
    data = timeline_json(corpus.events, corpus.documents)
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    return write_files(
        out, {"timeline.json": lambda p: p.write_text(text, encoding="utf-8")}, group="timelinejs"
    )


def write_data_dictionary(out: str | Path) -> Path:
    """Write the data dictionary (Markdown, from `nzdprk.schema`) to the file ``out``."""
    from .schema import data_dictionary

    path = Path(out)
    write_file(path, data_dictionary().encode("utf-8"))
    return path


def write_evaluation(result: Evaluation, out: str | Path) -> list[Path]:
    """Write an evaluation's ``scores.csv`` and ``errors.csv`` into the folder ``out``."""
    frames = {"scores.csv": result.scores, "errors.csv": result.errors}
    return write_files(
        out,
        {
            name: lambda path, frame=frame: frame.to_csv(path, index=False, lineterminator="\n")
            for name, frame in frames.items()
        },
        group="evaluation",
    )


def figure_writers(fig: Figure, stem: str) -> dict[str, Callable[[Path], object]]:
    """``{file name: writer(path)}`` for the SVG and PNG of a figure, with no time stamps or
    version strings, so the same data always give the same bytes."""
    from functools import partial

    options = {"svg": {"Date": None, "Creator": None}, "png": {"Software": None}}
    return {
        f"{stem}.{ext}": partial(fig.savefig, format=ext, metadata=metadata, bbox_inches="tight")
        for ext, metadata in options.items()
    }


def save_figure(fig: Figure, stem: str, folder: str | Path) -> list[Path]:
    """Write ``stem.svg`` and ``stem.png`` into ``folder``, each file atomically; nothing else
    in the folder is touched."""
    return write_files(folder, figure_writers(fig, stem), group=f"figure:{stem}")


def write_figures(corpus: Corpus, folder: str | Path) -> pd.DataFrame:
    """Draw every figure of `nzdprk.figures.FIGURES` into ``folder`` (SVG and PNG) and write
    ``manifest.csv``, which gives each figure's notebook, function, frames, source documents
    and alternative text.

    All files are replaced together; a corpus without documents is refused, never drawn as
    empty charts."""
    import matplotlib.pyplot as plt
    import pandas as pd

    from .corpus import require_documents
    from .figures import FIGURES
    from .plots import alt_text

    require_documents(corpus)
    rows, writers, drawn = [], {}, []
    try:
        for spec in FIGURES:
            fig = spec.draw(corpus)
            drawn.append(fig)
            files = figure_writers(fig, spec.name)
            writers |= files
            frames = [getattr(corpus, f) for f in spec.frames if f != "documents"]
            docs = sorted(set().union(*(_doc_ids(frame) for frame in frames)))
            rows.append(
                {
                    "figure": spec.name,
                    "files": "; ".join(files),
                    "title": spec.title,
                    "notebook": f"notebooks/{spec.notebook}",
                    "function": f"nzdprk.plots.{spec.function}",
                    "options": "; ".join(f"{k}={v}" for k, v in spec.options.items()),
                    "frames": "; ".join(spec.frames),
                    "source_documents": "; ".join(docs),
                    "alt_text": alt_text(fig),
                }
            )
        manifest = pd.DataFrame(rows)
        writers["manifest.csv"] = lambda p: manifest.to_csv(p, index=False, lineterminator="\n")
        write_files(folder, writers, group="figures")
    finally:
        for fig in drawn:
            plt.close(fig)
    return manifest


def _doc_ids(frame: pd.DataFrame) -> set[str]:
    return set(frame["doc_id"].dropna()) if "doc_id" in frame else set()


__all__ = [
    "DATAPACKAGE",
    "FORMATS",
    "NoDocumentsError",
    "OutputError",
    "datapackage",
    "export_corpus",
    "figure_writers",
    "read_tables",
    "save_figure",
    "spreadsheet_safe",
    "write_data_dictionary",
    "write_evaluation",
    "write_figures",
    "write_tables",
    "write_timeline",
]
