"""The closed vocabularies of the package, declared once: every category column of every
frame, and every curated table checked against one, takes its values from here."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

#: The dtype of every date column: a day is the finest precision any source gives, and second
#: resolution covers every year a history text can mention (nanoseconds stop at 1677).
DATE = "datetime64[s]"


@dataclass(frozen=True, slots=True)
class Category:
    """A closed vocabulary; ``ordered`` for scales such as precision."""

    values: tuple[str, ...]
    ordered: bool = False

    def dtype(self) -> pd.CategoricalDtype:
        import pandas as pd

        return pd.CategoricalDtype(list(self.values), ordered=self.ordered)

    def __str__(self) -> str:
        return "category: " + ", ".join(self.values)


DOC_TYPE = Category(("encyclopedia_article", "press_release", "news_article"))
PRECISION = Category(("day", "month", "season", "year", "decade", "century"), ordered=True)
QUALIFIER = Category(("none", "approximate", "uncertain", "uncertain_approximate"))
RESOLUTION = Category(("explicit", "anchored", "inferred", "unresolved"))
SEVERITY = Category(("error", "warning"))
BLOCK_KIND = Category(("title", "heading", "infobox", "list_item", "prose"))
ACTOR_KIND = Category(("state", "person", "organisation", "government_body"))
ALIAS_TYPE = Category(
    (
        "canonical",
        "spelling_variant",
        "abbreviation",
        "metonym",
        "demonym",
        "title_form",
        "short_form",
        "back_reference",
    )
)
ROMANIZATION = Category(("dprk_official", "mr", "rr", "established", "unknown", "not_applicable"))
SENSE = Category(("actor", "place"))
CLAIM_TYPE = Category(("event", "aid_flow"))
MEASURE = Category(("flow", "cumulative_total", "annual_total", "pledge_total"))
#: What an amount is: aid (it has an aid_flows row), or money not given for someone's benefit.
AMOUNT_MEASURE = Category(("aid", "appeal", "shortfall", "budget", "cost", "fine", "monitoring"))
TRANSACTION_TYPE = Category(("commitment", "disbursement", "pledge", "unknown"))
CHANNEL_KIND = Category(("bilateral", "multilateral", "ngo", "mixed", "unknown"))
AMOUNT_QUALIFIER = Category(
    ("exact", "approximately", "almost", "more_than", "at_least", "up_to", "less_than", "range")
)
SOURCE_OF = Category(("stated", "inherited"))
AS_OF_SOURCE = Category(("doc_published", "text", "inferred", "unknown"))
ASSERTION_MODE = Category(("asserted", "reported", "hedged", "negated", "planned"))
EVENT_TYPE = Category(
    (
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "CONCEDE",
        "COOPERATE",
        "AID",
        "RETREAT",
        "REQUEST",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "PROTEST",
        "SANCTION",
        "MOBILIZE",
        "COERCE",
        "ASSAULT",
        "STATEMENT",
        "OTHER",
    )
)
QUAD_CLASS = Category(
    ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
)
RELATION = Category(("agree", "differ_precision", "differ_scope", "conflict", "not_comparable"))
ASPECT = Category(("date", "amount", "period", "participants", "scope"))
AUX_MODE = Category(("none", "future", "hypothetical", "negated"))
ROLE = Category(("actor", "recipient", "location"))
#: Kinds of cue word in ``data/cues.csv`` (read through `nzdprk.text.cue`).
CUE_KIND = Category(
    (
        "future",
        "negation",
        "hypothetical",
        "speech",
        "hedge",
        "approximation",
        "intention",
        "aim",
        "wish",
    )
)
