"""Short exercises for the lesson notebooks, with a check function that gives feedback.

Each answer is computed from the corpus when it is checked, never typed in here, so the
exercises stay right if the extraction changes. In a notebook::

    from nzdprk.exercises import ask, check
    ask("timeline-1")
    answer = None          # the student replaces None with an answer
    check("timeline-1", answer)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .corpus import Corpus

GOFF_2002 = "002_a9688cb631e8140e"
NEWS = "004_e5065bca2519973a"


@dataclass(frozen=True, slots=True)
class Exercise:
    question: str
    solve: Callable[[Corpus], Any]
    hint: str
    explanation: str


def _day(value: Any) -> str:
    return f"{value:%Y-%m-%d}"


def _visit_latest(corpus: Corpus) -> str:
    e = corpus.events
    visit = e[(e["doc_id"] == GOFF_2002) & (e["action"] == "visit")].iloc[0]
    return _day(visit["date_latest"])


def _news_earliest(corpus: Corpus) -> str:
    return _day(corpus.documents.set_index("doc_id").loc[NEWS, "published_earliest"])


def _planned(corpus: Corpus) -> int:
    return int((corpus.events["aux_mode"] == "future").sum())


def _aid_periods(corpus: Corpus) -> int:
    e = corpus.events
    return int(
        ((e["event_type"] == "AID") & e["date_latest"].isna() & e["date_edtf"].notna()).sum()
    )


def _spellings(corpus: Corpus) -> int:
    m = corpus.mentions
    return int(m.loc[m["actor_id"] == "kim-jong-il", "text"].nunique())


def _minister_on(corpus: Corpus) -> str:
    import pandas as pd

    o = corpus.offices
    day = pd.Timestamp("2007-11-20")
    held = o[
        (o["office"] == "Minister of Foreign Affairs")
        & (o["organisation_id"] == "NZL")
        & (o["start"] <= day)
        & (o["end"].isna() | (o["end"] >= day))
    ]
    names = corpus.actors.set_index("actor_id")["canonical_name"]
    return "; ".join(sorted(names[a] for a in held["actor_id"]))


def _alias_match(corpus: Corpus) -> str:
    from .actors import find_mentions

    found, _ = find_mentions("Talks with Kim Jong-Il resumed.")
    return found[0].actor_id


def _amounts(corpus: Corpus) -> int:
    return int(corpus.aid_flows["amount"].notna().sum())


def _can_add(corpus: Corpus) -> str:
    measures = set(corpus.aid_flows.dropna(subset=["amount"])["measure"].astype(str))
    return "no" if measures != {"flow"} else "yes"


def _as_of(corpus: Corpus) -> str:
    f = corpus.aid_flows
    row = f[(f["doc_id"] == GOFF_2002) & (f["receiver_org_id"] == "kedo")].iloc[0]
    return _day(row["as_of_date"])


def _multi_source(corpus: Corpus) -> int:
    return int((~corpus.facts["single_source"]).sum())


def _conflicts(corpus: Corpus) -> int:
    return int((corpus.claim_comparisons["relation"] == "conflict").sum())


EXERCISES: dict[str, Exercise] = {
    "timeline-1": Exercise(
        "The 2002 press release mentions 'the successful 3-5 April visit'. What is the LAST "
        "possible day of that visit? Answer as 'YYYY-MM-DD'.",
        _visit_latest,
        "Look at the events of document 002_a9688cb631e8140e with action 'visit' and read "
        "its date_latest column. Where does the year come from?",
        "The text gives days and a month but no year: the year is taken from the release's own "
        "date, so the resolution is 'anchored'.",
    ),
    "timeline-2": Exercise(
        "The news article states no date. From which day on could it have been published, "
        "judging only from its own content? Answer as 'YYYY-MM-DD'.",
        _news_earliest,
        "corpus.documents has a published_earliest column; read the published_note too.",
        "The article reports a deployment 'from mid-April to early May 2024' in the past tense, "
        "so it was written in May 2024 or later. We know a lower bound, not a date.",
    ),
    "timeline-3": Exercise(
        "How many events in the corpus are PLANNED (announced for the future) and therefore "
        "left off the timeline charts? Answer with a whole number.",
        _planned,
        "Count the rows of corpus.events whose aux_mode is 'future'.",
        "A release announcing a visit is not the visit: plans are kept, but apart from events "
        "that happened.",
    ),
    "timeline-4": Exercise(
        "How many AID events have a period with an open end (such as 'since 1995')? Answer "
        "with a whole number.",
        _aid_periods,
        "Open ends have an EDTF ending in '/..' and an empty date_latest.",
        "'Since 1995' runs to the time of writing: the total is cumulative, not a 1995 amount.",
    ),
    "names-1": Exercise(
        "How many different spellings of Kim Jong Il's name appear in the sources? Answer with "
        "a whole number.",
        _spellings,
        "Filter corpus.mentions for actor_id 'kim-jong-il' and count the distinct texts.",
        "'Kim Jong Il' (DPRK style, 001) and 'Kim Jong-il' (Western press style, 002) are one "
        "person: the curated alias table says so.",
    ),
    "names-2": Exercise(
        "A new text writes 'Kim Jong-Il'. Which actor_id does the package give it?",
        _alias_match,
        "Try nzdprk.actors.find_mentions('Talks with Kim Jong-Il resumed.').",
        "The alias key ignores case and hyphens, so an unseen spelling finds a curated alias. "
        "It would NOT match 'Park Ui-chun' to Pak Ui-chun: Pak/Park/Bak are different systems, "
        "and only the curated list may join them.",
    ),
    "names-3": Exercise(
        "Who was New Zealand's Minister of Foreign Affairs on 20 November 2007, the day of the "
        "visit to Pyongyang? Answer with the name.",
        _minister_on,
        "corpus.offices has start and end dates for each office; compare them with the day.",
        "Offices come from a curated table (nzdprk/data/offices.csv), not from the sources: "
        "check its 'verified' column before you rely on it.",
    ),
    "aid-1": Exercise(
        "How many aid rows state an amount (not only a promise)? Answer with a whole number.",
        _amounts,
        "Count the rows of corpus.aid_flows whose amount is not empty.",
        "Promises without an amount are kept as rows: dropping them would hide what was offered.",
    ),
    "aid-2": Exercise(
        "May you add up the amounts in corpus.aid_flows to get New Zealand's total aid? "
        "Answer 'yes' or 'no'.",
        _can_add,
        "Look at the measure column: are the amounts flows, or totals over periods?",
        "They are cumulative totals over different, overlapping or unknown periods, as of "
        "different dates: adding them would count the same money twice or mix unlike things.",
    ),
    "aid-3": Exercise(
        "'NZ$4 million to KEDO since 1995' is a total as of which day? Answer as 'YYYY-MM-DD'.",
        _as_of,
        "Read as_of_date for the KEDO row of the 2002 release.",
        "The release is dated 29 April 2002: the total runs from 1995 up to that day.",
    ),
    "agreement-1": Exercise(
        "How many facts are stated by more than one source? Answer with a whole number.",
        _multi_source,
        "corpus.facts has a single_source column.",
        "Most facts rest on one source only: triangulation is possible for few of them.",
    ),
    "agreement-2": Exercise(
        "How many comparisons are conflicts (claims that cannot both be true)? Answer with a "
        "whole number.",
        _conflicts,
        "Count the rows of corpus.claim_comparisons whose relation is 'conflict'.",
        "Differences of precision or scope are not conflicts: a decade contains a day, and a "
        "total since 1995 is not the same measure as an undated total.",
    ),
}


def ask(exercise_id: str) -> None:
    """Print the question."""
    print(EXERCISES[exercise_id].question)


def is_correct(exercise_id: str, answer: Any, corpus: Corpus | None = None) -> bool:
    """Whether an answer is right (compared as text, so 3 and "3" are the same answer)."""
    from .corpus import load_corpus

    if answer is None:
        return False
    expected = EXERCISES[exercise_id].solve(corpus if corpus is not None else load_corpus())
    return str(answer).strip() == str(expected)


def check(exercise_id: str, answer: Any, corpus: Corpus | None = None) -> None:
    """Print feedback on an answer: the explanation if it is right, else a hint."""
    exercise = EXERCISES[exercise_id]
    if answer is None:
        print(f"No answer yet. Hint: {exercise.hint}")
    elif is_correct(exercise_id, answer, corpus):
        print(f"Correct. {exercise.explanation}")
    else:
        print(f"Not yet: {answer!r} is not the answer. Hint: {exercise.hint}")
