"""The building blocks of a table declaration: a column (name, dtype, meaning), a foreign
key, a frame, and the column groups many frames share (a date as the source gives it, a
character span)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .vocabularies import DATE, PRECISION, QUALIFIER, RESOLUTION, Category


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a frame."""

    name: str
    dtype: str | Category
    description: str


@dataclass(frozen=True, slots=True)
class ForeignKey:
    """``columns`` of one frame point at ``reference`` (default: the same names) of ``frame``."""

    columns: tuple[str, ...]
    frame: str
    reference: tuple[str, ...] = ()

    @property
    def target(self) -> tuple[str, ...]:
        return self.reference or self.columns


@dataclass(frozen=True, slots=True)
class Frame:
    """A table: its columns, the columns that identify a row, and what its ids point at."""

    name: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[ForeignKey, ...] = ()

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    def dtypes(self) -> dict[str, Any]:
        """Each column's pandas dtype, by name, in order (what `cast_frame` gives)."""
        return {
            c.name: c.dtype.dtype() if isinstance(c.dtype, Category) else c.dtype
            for c in self.columns
        }


def column(name: str, dtype: str | Category, description: str) -> Column:
    """A column: its name, dtype (a pandas dtype name or a `Category`) and meaning."""
    return Column(name, dtype, description)


def foreign_key(column: str, frame: str, reference: str | None = None) -> ForeignKey:
    """A one-column foreign key into ``frame`` (``reference``: its column, if named otherwise)."""
    return ForeignKey((column,), frame, (reference,) if reference else ())


#: The foreign key every frame with a ``doc_id`` has.
DOC = foreign_key("doc_id", "documents")


def when_block(prefix: str, what: str) -> tuple[Column, ...]:
    """The reusable partial-date columns (data model §1.4): text, EDTF, strict bounds..."""
    p = prefix
    return (
        column(f"{p}text", "string", f"{what} as written in the source"),
        column(
            f"{p}edtf",
            "string",
            f"{what} in EDTF (Library of Congress, level 0-2); empty if unresolved",
        ),
        column(
            f"{p}earliest",
            DATE,
            f"first possible day of {what} (strict bound); empty = open or unknown",
        ),
        column(
            f"{p}latest",
            DATE,
            f"last possible day of {what} (strict bound); empty = open or unknown",
        ),
        column(f"{p}precision", PRECISION, f"coarsest unit {what} is given in"),
        column(
            f"{p}qualifier", QUALIFIER, "EDTF qualifier: approximate (~), uncertain (?) or both (%)"
        ),
        column(
            f"{p}refine",
            "string",
            "the part of its unit per endpoint (e.g. 'mid/early', 'first half'); early/mid/late "
            "are thirds of the unit, a convention, so the date is marked approximate; empty if "
            "none",
        ),
        column(
            f"{p}resolution",
            RESOLUTION,
            "explicit: the text alone fixes it; anchored: missing parts taken from the document "
            "date; inferred: taken from other dates of the text by a stated rule (a year "
            "earlier in the sentence or the narrative, a count from the previous date; see "
            "note) or deduced from other evidence; unresolved: cannot be placed",
        ),
        column(
            f"{p}is_interval",
            "boolean",
            "a span the text names (EDTF with '/'), not a point of some precision; an "
            "early/mid/late point is written as the interval of its part, yet is a point",
        ),
        column(f"{p}note", "string", "where missing parts came from, or why it cannot be placed"),
    )


SPAN = (
    column("char_start", "Int64", "0-based offset of the first character in documents.text"),
    column("char_end", "Int64", "offset just after the last character (end-exclusive)"),
)
