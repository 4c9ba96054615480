"""The one place where every frame's columns, dtypes and meanings are declared.

Every frame the package returns or exports is cast through :func:`cast_frame`, so the same
code gives the same columns and dtypes on pandas 2.2 and 3.x (pandas 3 changed the default
text and datetime dtypes). The data dictionary in ``docs/data-dictionary.md`` is generated
from this module (``nzdprk schema``) and a test keeps the two identical.

The package is in parts: `vocabularies` (every closed list of values, declared once),
`columns` (how a column, key and frame are declared) and `tables` (every frame). Dates are
``datetime64[s]``: a day is the finest precision any source gives, and second
resolution covers every year a history text can mention (nanoseconds stop at 1677).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .columns import DOC, SPAN, Column, ForeignKey, Frame, when_block
from .tables import EVALUATION_FRAMES, FRAMES
from .vocabularies import (
    ACTOR_KIND,
    ALIAS_TYPE,
    AMOUNT_MEASURE,
    AMOUNT_QUALIFIER,
    AS_OF_SOURCE,
    ASPECT,
    ASSERTION_MODE,
    AUX_MODE,
    BLOCK_KIND,
    CHANNEL_KIND,
    CLAIM_TYPE,
    CUE_KIND,
    DATE,
    DOC_TYPE,
    EVENT_TYPE,
    MEASURE,
    PRECISION,
    QUAD_CLASS,
    QUALIFIER,
    RELATION,
    RESOLUTION,
    ROLE,
    ROMANIZATION,
    SENSE,
    SEVERITY,
    SOURCE_OF,
    TRANSACTION_TYPE,
    Category,
)

if TYPE_CHECKING:
    import pandas as pd


def _dtype(dtype: str | Category) -> Any:
    return dtype.dtype() if isinstance(dtype, Category) else dtype


def cast_frame(df: pd.DataFrame, name: str) -> pd.DataFrame:
    """Return a new frame with exactly the schema's columns, in order, with its dtypes.

    Missing columns become empty; unknown columns are an error (the schema must say what
    every exported column means); a value outside a category is an error, never NaN.
    """
    import pandas as pd

    frame = FRAMES[name]
    extra = [c for c in df.columns if c not in frame.names]
    if extra:
        raise ValueError(f"{name}: columns not in the schema: {extra}")
    out = df.reindex(columns=frame.names)
    data: dict[str, Any] = {}
    for col in frame.columns:
        # the values as Python objects, every kind of missing value as None; converted
        # straight into the column's array (no Series per step: this runs per batch of rows)
        values = out[col.name].to_numpy(dtype=object, na_value=None)
        if col.dtype == DATE:
            data[col.name] = pd.Series(pd.to_datetime(values)).astype(DATE)
        elif isinstance(col.dtype, Category):
            bad = set(values.tolist()) - {None, *col.dtype.values}
            if bad:
                raise ValueError(f"{name}.{col.name}: values outside {col.dtype}: {sorted(bad)}")
            data[col.name] = pd.Categorical(values, dtype=col.dtype.dtype())
        else:
            data[col.name] = pd.array(values, dtype=col.dtype)
    return pd.DataFrame(data, index=pd.RangeIndex(len(out)))


def empty_frame(name: str) -> pd.DataFrame:
    import pandas as pd

    return cast_frame(pd.DataFrame(columns=FRAMES[name].names), name)


def data_dictionary() -> str:
    """The data dictionary as Markdown, generated from the schema."""
    lines = [
        "# Data dictionary",
        "",
        "Generated from `nzdprk/schema/` by `nzdprk schema`; do not edit by hand.",
        "Every frame is returned by `nzdprk.load_corpus()` and exported as `<frame>.csv` by",
        "`nzdprk export`. In CSV files dates are ISO `YYYY-MM-DD` and empty when unknown.",
        "",
    ]
    evaluation = [
        "# Evaluation tables",
        "",
        "`nzdprk.evaluate(corpus, gold)` returns these two frames (`.scores`, `.errors`), and",
        "`nzdprk evaluate --out DIR` writes them as `scores.csv` and `errors.csv`; the annotation",
        "format is described in `docs/evaluation.md`.",
        "",
    ]
    for frame in [*FRAMES.values(), None, *EVALUATION_FRAMES.values()]:
        if frame is None:
            lines += evaluation
            continue
        lines += [
            f"## `{frame.name}`",
            "",
            frame.description,
            "",
            "| column | dtype | definition |",
            "|---|---|---|",
        ]
        lines += [f"| `{c.name}` | {c.dtype} | {c.description} |" for c in frame.columns]
        if frame.primary_key:
            lines += ["", "Key: " + ", ".join(f"`{k}`" for k in frame.primary_key) + "."]
        lines += [
            f"- `{', '.join(fk.columns)}` refers to `{fk.frame}.{', '.join(fk.target)}`."
            for fk in frame.foreign_keys
        ]
        lines.append("")
    return "\n".join(lines)


def dtypes(frame: Frame) -> dict[str, Any]:
    """Column name -> pandas dtype, for frames built outside ``cast_frame``."""
    return {c.name: _dtype(c.dtype) for c in frame.columns}


__all__ = [
    "ACTOR_KIND",
    "ALIAS_TYPE",
    "AMOUNT_MEASURE",
    "AMOUNT_QUALIFIER",
    "ASPECT",
    "ASSERTION_MODE",
    "AS_OF_SOURCE",
    "AUX_MODE",
    "BLOCK_KIND",
    "CHANNEL_KIND",
    "CLAIM_TYPE",
    "CUE_KIND",
    "DATE",
    "DOC",
    "DOC_TYPE",
    "EVALUATION_FRAMES",
    "EVENT_TYPE",
    "FRAMES",
    "MEASURE",
    "PRECISION",
    "QUAD_CLASS",
    "QUALIFIER",
    "RELATION",
    "RESOLUTION",
    "ROLE",
    "ROMANIZATION",
    "SENSE",
    "SEVERITY",
    "SOURCE_OF",
    "SPAN",
    "TRANSACTION_TYPE",
    "Category",
    "Column",
    "ForeignKey",
    "Frame",
    "cast_frame",
    "data_dictionary",
    "dtypes",
    "empty_frame",
    "when_block",
]
