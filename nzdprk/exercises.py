"""A checker for the lessons' exercises: it reads an answer the way a teacher would, and says
what is wrong with the likely wrong ones.

The questions and their answers belong to the lessons (``notebooks/exercises.yml``): they are
what the sources say, so they stay right whatever the extraction reads. This module only
knows how to compare. Answers are normalised before they are compared:

* dates in any form: ``"2002-04-05"``, ``"5 April 2002"``, ``"5/4/2002"`` (day first, as in New
  Zealand), a ``Timestamp``, a ``date``, or a one-row column holding one of these;
* numbers: ``10``, ``10.0``, ``"10"``, ``"1,400,000"``, ``"60%"`` and ``"6/10"`` (= 0.6);
* text: case, spaces, hyphens and underscores ignored;
* names: ``"Peters"`` or ``"Mr Peters"`` for ``"Winston Peters"`` when no other person in the
  exercise has that name;
* choices: the letter (``"b"``, ``"(B)"``) or the text of the option.

In a notebook::

    from nzdprk.exercises import load_exercises
    exercises = load_exercises("exercises.yml")
    exercises.ask("timeline-1")
    answer = None          # the student replaces None with an answer
    exercises.check("timeline-1", answer)
"""

from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

KINDS = ("date", "number", "text", "name", "choice")
TITLES = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "rt", "hon", "the", "minister"}


class ExerciseError(ValueError):
    """An exercise file that cannot be used (named, with the problem)."""


@dataclass(frozen=True, slots=True)
class Exercise:
    """One question with its accepted answers, hint, explanation and targeted feedback."""

    exercise_id: str
    question: str
    kind: str
    answers: tuple[Any, ...]
    hint: str
    explanation: str
    feedback: tuple[tuple[Any, str], ...] = ()
    choices: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    code_free: bool = False
    transfer: bool = False
    tolerance: float = 1e-9
    lesson: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


class _Unreadable(Exception):
    """The answer cannot be read as the kind of answer asked for; the message says why."""


def _single(value: Any) -> Any:
    """One value from a one-row column, list or array (what a pandas look-up returns)."""
    if isinstance(value, str | bytes | Mapping):
        return value
    try:
        items = list(value.tolist() if hasattr(value, "tolist") else value)
    except TypeError:
        return value
    if len(items) == 1:
        return _single(items[0])
    raise _Unreadable(
        f"your answer holds {len(items)} values; give one"
        + (" (pick one row, e.g. with .iloc[0])" if len(items) > 1 else "")
    )


def _text(value: Any) -> str:
    text = str(value).casefold().strip().strip(string.whitespace + "'\"“”‘’.")
    return " ".join(re.sub(r"[-_]", " ", text).split())


def _date(value: Any) -> dt.date:
    import pandas as pd

    if value is None or (not isinstance(value, str) and pd.isna(value)):
        raise _Unreadable("that is an empty value, not a date")
    if isinstance(value, dt.date | dt.datetime | pd.Timestamp) or hasattr(value, "dtype"):
        return pd.Timestamp(value).date()
    text = str(value).strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}([ T].*)?", text):
        return pd.Timestamp(text[:10]).date()
    from dateutil import parser

    try:
        one = parser.parse(text, dayfirst=True, default=dt.datetime(2000, 1, 1))
        two = parser.parse(text, dayfirst=True, default=dt.datetime(2001, 2, 2))
    except (ValueError, OverflowError) as error:
        raise _Unreadable(
            "I cannot read that as a date; write it as YYYY-MM-DD or as '25 December 1999'"
        ) from error
    if one != two:
        raise _Unreadable("that is not a whole date: give the day, the month and the year")
    return one.date()


def _number(value: Any) -> float:
    if isinstance(value, bool) or (hasattr(value, "dtype") and str(value.dtype) == "bool"):
        raise _Unreadable("that is True or False, not a number")
    if isinstance(value, str):
        text = value.strip().replace(",", "").replace(" ", "")
        percent = text.endswith("%")
        numerator, slash, denominator = text.rstrip("%").partition("/")
        try:
            number = float(numerator) / float(denominator) if slash else float(numerator)
        except (ValueError, ZeroDivisionError) as error:
            raise _Unreadable("I cannot read that as a number") from error
        return number / 100 if percent else number
    try:
        return float(value)
    except (TypeError, ValueError) as error:
        raise _Unreadable("I cannot read that as a number") from error


def _name_tokens(value: Any) -> tuple[str, ...]:
    return tuple(t for t in _text(value).replace(".", " ").split() if t not in TITLES)


def _same_name(answer: Any, name: Any, people: tuple[str, ...]) -> bool:
    """The answer is the name, or a part of it (a surname) that no other person shares."""
    given, full = _name_tokens(answer), _name_tokens(name)
    if not given:
        return False
    if given == full:
        return True
    if not set(given) <= set(full):
        return False
    others = [_name_tokens(p) for p in people if _name_tokens(p) != full]
    return not any(set(given) <= set(o) for o in others)


def _choice(exercise: Exercise, value: Any) -> str:
    text = _text(value).strip("()[] ")
    letters = string.ascii_lowercase[: len(exercise.choices)]
    if len(text) == 1 and text in letters:
        return text
    for letter, option in zip(letters, exercise.choices, strict=False):
        if text == _text(option):
            return letter
    raise _Unreadable(f"answer with one letter, {', '.join(letters[:-1])} or {letters[-1]}")


def _normal(exercise: Exercise, value: Any) -> Any:
    """The answer in the form it is compared in (raises _Unreadable with a reason)."""
    value = _single(value)
    kind = exercise.kind
    if kind == "date":
        return _date(value)
    if kind == "number":
        return _number(value)
    if kind == "choice":
        return _choice(exercise, value)
    return _text(value)


def _matches(exercise: Exercise, given: Any, raw_given: Any, expected: Any) -> bool:
    if exercise.kind == "name":
        return _same_name(raw_given, expected, exercise.people)
    try:
        target = _normal(exercise, expected)
    except _Unreadable as error:
        raise ExerciseError(
            f"exercise {exercise.exercise_id!r}: {expected!r} is not a {exercise.kind}"
        ) from error
    if exercise.kind == "number":
        return abs(given - target) <= exercise.tolerance * max(1.0, abs(target))
    return given == target


class Exercises:
    """The exercises of the lessons, by id, with `ask` and `check` for the notebooks."""

    def __init__(self, exercises: Mapping[str, Exercise]) -> None:
        self.exercises = dict(exercises)

    def __getitem__(self, exercise_id: str) -> Exercise:
        try:
            return self.exercises[exercise_id]
        except KeyError:
            known = ", ".join(sorted(self.exercises))
            raise KeyError(f"no exercise {exercise_id!r}; the exercises are: {known}") from None

    def __iter__(self):
        return iter(self.exercises)

    def __len__(self) -> int:
        return len(self.exercises)

    def question(self, exercise_id: str) -> str:
        """The question, with its options for a choice."""
        exercise = self[exercise_id]
        lines = [exercise.question]
        for letter, option in zip(string.ascii_lowercase, exercise.choices, strict=False):
            lines.append(f"  ({letter}) {option}")
        return "\n".join(lines)

    def ask(self, exercise_id: str) -> None:
        """Print the question."""
        print(self.question(exercise_id))

    def is_correct(self, exercise_id: str, answer: Any) -> bool:
        """Whether an answer is right, after normalisation."""
        exercise = self[exercise_id]
        if answer is None:
            return False
        try:
            given = _normal(exercise, answer)
            raw = _single(answer)
        except _Unreadable:
            return False
        return any(_matches(exercise, given, raw, expected) for expected in exercise.answers)

    def feedback(self, exercise_id: str, answer: Any) -> str:
        """What `check` prints: the explanation if right, targeted feedback for a likely wrong
        answer, else what could not be read or the hint. Never the answer itself."""
        exercise = self[exercise_id]
        if answer is None:
            return f"No answer yet. Hint: {exercise.hint}"
        try:
            given = _normal(exercise, answer)
            raw = _single(answer)
        except _Unreadable as why:
            return f"Not yet: {why}. Hint: {exercise.hint}"
        if any(_matches(exercise, given, raw, expected) for expected in exercise.answers):
            return f"Correct. {exercise.explanation}"
        for wrong, message in exercise.feedback:
            if _matches(exercise, given, raw, wrong):
                return f"Not yet. {message}"
        return f"Not yet: {answer!r} is not the answer. Hint: {exercise.hint}"

    def check(self, exercise_id: str, answer: Any) -> None:
        """Print feedback on an answer."""
        print(self.feedback(exercise_id, answer))


def _exercise(exercise_id: str, entry: Any, source: str) -> Exercise:
    where = f"{source}: exercise {exercise_id!r}"
    if not isinstance(entry, Mapping):
        raise ExerciseError(f"{where} is not a mapping of question, kind, answer, hint")
    missing = [k for k in ("question", "kind", "answer", "hint", "explanation") if k not in entry]
    if missing:
        raise ExerciseError(f"{where} has no {', '.join(missing)}")
    if entry["kind"] not in KINDS:
        raise ExerciseError(f"{where}: kind {entry['kind']!r} is not one of {', '.join(KINDS)}")
    answers = entry["answer"] if isinstance(entry["answer"], list) else [entry["answer"]]
    feedback = entry.get("feedback") or {}
    if entry["kind"] == "choice" and not entry.get("choices"):
        raise ExerciseError(f"{where} is a choice with no choices")
    known = {
        "question",
        "kind",
        "answer",
        "hint",
        "explanation",
        "feedback",
        "choices",
        "people",
        "code_free",
        "transfer",
        "tolerance",
        "lesson",
    }
    exercise = Exercise(
        exercise_id=exercise_id,
        question=str(entry["question"]).strip(),
        kind=entry["kind"],
        answers=tuple(answers),
        hint=str(entry["hint"]).strip(),
        explanation=str(entry["explanation"]).strip(),
        feedback=tuple((k, str(v).strip()) for k, v in feedback.items()),
        choices=tuple(str(c) for c in entry.get("choices") or ()),
        people=tuple(str(p) for p in entry.get("people") or ()),
        code_free=bool(entry.get("code_free", False)),
        transfer=bool(entry.get("transfer", False)),
        tolerance=float(entry.get("tolerance", 1e-9)),
        lesson=str(entry.get("lesson", "")),
        extra={k: v for k, v in entry.items() if k not in known},
    )
    for expected in (*exercise.answers, *(k for k, _ in exercise.feedback)):
        if exercise.kind != "name":
            try:
                _normal(exercise, expected)
            except _Unreadable as why:
                raise ExerciseError(f"{where}: {expected!r}: {why}") from None
    return exercise


def exercises_from(data: Mapping[str, Any], source: str = "exercises") -> Exercises:
    """Exercises from a mapping of id to entry (the content of an exercise file)."""
    if not isinstance(data, Mapping):
        raise ExerciseError(f"{source} is not a mapping of exercise ids to exercises")
    return Exercises({str(k): _exercise(str(k), v, source) for k, v in data.items()})


def load_exercises(path: str | Path) -> Exercises:
    """Read an exercise file (YAML: id -> question, kind, answer, hint, explanation, feedback)."""
    import yaml

    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ExerciseError(f"{path}: no such exercise file") from None
    except yaml.YAMLError as error:
        raise ExerciseError(f"{path}: not valid YAML ({error})") from None
    return exercises_from(data, str(path))
