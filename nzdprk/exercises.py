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

WIKI = "000_e724febe7b462b24"
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
