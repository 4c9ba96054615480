"""Which claims are compared: the pairs of claims with one ``fact_key`` from different documents,
found with column operations (a sort, group counts and one self-merge per fact), never a Python
loop over facts or claims; and the ``claim_comparisons`` row of one comparison. Used by
`nzdprk.agreement` and `nzdprk.aid_comparison`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .schema import FRAMES

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

    Index = np.ndarray  # row positions in a frame of claims

Row = dict[str, Any]
#: The columns of a ``claim_comparisons`` row, in order.
COLUMNS = list(FRAMES["claim_comparisons"].names)

PAIRWISE_LIMIT = 12
"""Facts stated by at most this many documents are compared pair by pair. Beyond it — a fact
repeated across a large corpus — each claim is compared with the fact's first claim only, so
the frame grows with the corpus instead of with its square (n - 1 rows instead of n(n - 1)/2);
a disagreement between two other claims then shows as two differences from the first one."""


def claim_pairs(frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Row positions (a, b) in ``frame`` of the pairs of claims with one fact_key from different
    documents, a before b in (fact_key, claim_id) order: all pairs, or for a fact in more than
    `PAIRWISE_LIMIT` documents each claim with the fact's first. Pairs come in that order.

    The claims are sorted once; a fact's first claim and its number of documents are group
    transforms; the facts within the limit make their pairs by a self-merge on fact_key (the
    square of a fact's claims, as comparing every two needs), the others pair each claim with
    the first directly.
    """
    import numpy as np
    import pandas as pd

    keyed = frame[["fact_key", "claim_id", "doc_id"]].reset_index(drop=True)
    keyed["position"] = np.arange(len(keyed))
    keyed = keyed[keyed["fact_key"].notna().to_numpy()]
    documents = keyed.groupby("fact_key")["doc_id"].transform("nunique").to_numpy()
    keyed = keyed[documents > 1].sort_values(["fact_key", "claim_id"], kind="stable")
    keyed["order"] = np.arange(len(keyed))
    groups = keyed.groupby("fact_key")
    keyed["first"] = groups["order"].transform("min").to_numpy()
    many = groups["doc_id"].transform("nunique").to_numpy() > PAIRWISE_LIMIT
    side = ["order", "doc_id", "position"]
    few = keyed.loc[~many, ["fact_key", *side]]
    merged = few.merge(few, on="fact_key", suffixes=("_a", "_b"))
    merged = merged[merged["order_a"] < merged["order_b"]]
    largest = keyed[many & (keyed["order"] != keyed["first"]).to_numpy()]
    first = keyed.set_index("order").loc[largest["first"], ["doc_id", "position"]]
    with_first = pd.DataFrame(
        {
            "order_a": largest["first"].to_numpy(),
            "doc_id_a": first["doc_id"].to_numpy(),
            "position_a": first["position"].to_numpy(),
            "order_b": largest["order"].to_numpy(),
            "doc_id_b": largest["doc_id"].to_numpy(),
            "position_b": largest["position"].to_numpy(),
        }
    )
    pairs = pd.concat([merged.drop(columns="fact_key"), with_first], ignore_index=True)
    pairs = pairs[(pairs["doc_id_a"] != pairs["doc_id_b"]).to_numpy()]
    pairs = pairs.sort_values(["order_a", "order_b"])
    return pairs["position_a"].to_numpy(), pairs["position_b"].to_numpy()


def records(frame: pd.DataFrame, used: np.ndarray, columns: Iterable[str]) -> dict[int, Row]:
    """The rows at positions ``used`` of ``frame`` as records, by position: for rules applied
    pair by pair, which read a few claims of a large frame."""
    rows = frame[list(columns)].iloc[used].to_dict("records")
    return dict(zip(used.tolist(), rows, strict=True))


def row(
    a: Row, b: Row, aspect: str, relation: str, value_a: str | None, value_b: str | None, why: str
) -> Row:
    """The ``claim_comparisons`` row of claims ``a`` and ``b`` on one aspect."""
    return {
        "fact_key": a["fact_key"],
        "claim_id_a": a["claim_id"],
        "claim_id_b": b["claim_id"],
        "doc_id_a": a["doc_id"],
        "doc_id_b": b["doc_id"],
        "aspect": aspect,
        "relation": relation,
        "value_a": value_a,
        "value_b": value_b,
        "rationale": why,
    }


def pair_rows(
    claims: pd.DataFrame,
    a: np.ndarray,
    b: np.ndarray,
    aspect: str,
    relation: Any,
    values: tuple[Any, Any],
    why: Any,
) -> pd.DataFrame:
    """`row` on columns: the rows of the pairs (a, b) (row positions in ``claims``) on one
    aspect; ``relation``, ``values`` and ``why`` give one element per pair (or one for all)."""
    import pandas as pd

    column = {
        name: claims[name].to_numpy(dtype=object) for name in ("fact_key", "claim_id", "doc_id")
    }
    return pd.DataFrame(
        {
            "fact_key": column["fact_key"][a],
            "claim_id_a": column["claim_id"][a],
            "claim_id_b": column["claim_id"][b],
            "doc_id_a": column["doc_id"][a],
            "doc_id_b": column["doc_id"][b],
            "aspect": aspect,
            "relation": relation,
            "value_a": values[0],
            "value_b": values[1],
            "rationale": why,
        },
        columns=COLUMNS,
        dtype=object,
    )


def row_frame(rows: list[Row]) -> pd.DataFrame:
    """Rows made pair by pair as a frame of the ``claim_comparisons`` columns."""
    import pandas as pd

    return pd.DataFrame(rows, columns=COLUMNS, dtype=object)
