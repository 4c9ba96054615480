"""The annotation format: a hand reading of documents (gold YAML), read and checked.

The format is documented in ``docs/evaluation.md``. Every problem in a file is reported as a
:class:`GoldError` that names the file and the line (from YAML's own marks), never a traceback.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..schema import MEASURE

KINDS = {
    "wikipedia": "encyclopedia_article",
    "encyclopedia_article": "encyclopedia_article",
    "press_release": "press_release",
    "news": "news_article",
    "news_article": "news_article",
}
TOP_FIELDS = {"documents", "name_variants", "agreement"}
DOC_FIELDS = {
    "kind",
    "title",
    "date",
    "date_note",
    "not_before",
    "truncated",
    "ministers",
    "events",
    "money",
    "persons",
    "person_variants",
    "not_money",
    "skipped",
    "note",
    "notes",
}
EVENT_FIELDS = {
    "date_text",
    "edtf",
    "min",
    "max",
    "core",
    "relative",
    "summary",
    "actors",
    "words",
    "min_range",
    "max_range",
    "note",
}
MONEY_FIELDS = {
    "text",
    "amount",
    "currency",
    "for",
    "period",
    "approximate",
    "measure",
    "as_of",
    "aid",
    "donor",
    "note",
}
#: Words an annotator may use for what an amount measures, beside the package's own: one act
#: of giving (a disbursement or a commitment) is a flow of that transaction type.
MEASURE_WORDS = {
    **{m: (m, None) for m in MEASURE.values},
    "disbursement": ("flow", "disbursement"),
    "commitment": ("flow", "commitment"),
    "annual": ("annual_total", None),
    "cumulative": ("cumulative_total", None),
    "pledge": ("pledge_total", None),
}
SKIPPED_FIELDS = {"text", "reason"}
AGREEMENT_FIELDS = {"fact", "docs", "value", "status", "words", "note"}
STATUSES = {
    "agree": {"agree"},
    "differ_precision": {"differ_precision"},
    "differ_scope": {"differ_scope"},
    "conflict": {"conflict"},
    "compatible": {"agree", "differ_precision", "differ_scope"},
}
_EDTF_PERIOD = re.compile(r"^\d{4}(-\d{2}){0,2}(/(\d{4}(-\d{2}){0,2}|\.\.))?$")


class GoldError(ValueError):
    """The annotation file is wrong; the message names the file, the line and the problem."""


# ---------------------------------------------------------------- reading the annotation


class _Map(dict):
    """A YAML mapping that remembers the line of each key (1-based)."""

    line: int | None = None
    lines: dict[Any, int]


class _Seq(list):
    """A YAML sequence that remembers the line of each item (1-based)."""

    line: int | None = None
    lines: list[int]


def _loader() -> type:
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    def mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> _Map:
        loader.flatten_mapping(node)
        out = _Map()
        out.line = node.start_mark.line + 1
        out.lines = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1
            if not isinstance(key, str | int | float | bool | dt.date | None):
                raise GoldError(f"line {line}: a key must be a name, not {type(key).__name__}")
            if key in out:
                raise GoldError(f"line {line}: {key!r} is given twice")
            out[key] = loader.construct_object(value_node, deep=True)
            out.lines[key] = line
        return out

    def sequence(loader: yaml.SafeLoader, node: yaml.SequenceNode) -> _Seq:
        out = _Seq(loader.construct_object(child, deep=True) for child in node.value)
        out.line = node.start_mark.line + 1
        out.lines = [child.start_mark.line + 1 for child in node.value]
        return out

    def timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
        """A date-like value that is no real date stays text, so the checker can name its line."""
        try:
            return loader.construct_yaml_timestamp(node)
        except ValueError:
            return loader.construct_scalar(node)

    Loader.add_constructor("tag:yaml.org,2002:map", mapping)
    Loader.add_constructor("tag:yaml.org,2002:timestamp", timestamp)
    Loader.add_constructor("tag:yaml.org,2002:seq", sequence)
    return Loader


def _line_of(container: Any, key: Any = None) -> int | None:
    """The line of ``container[key]`` (or of the container itself) when it was read from YAML."""
    if key is not None:
        lines = getattr(container, "lines", None)
        if isinstance(lines, dict):
            return lines.get(key)
        if isinstance(lines, list) and isinstance(key, int) and key < len(lines):
            return lines[key]
    return getattr(container, "line", None)


@dataclass(frozen=True)
class GoldEvent:
    date_text: str
    min: dt.date
    max: dt.date
    core: bool
    words: tuple[str, ...] = ()
    min_range: tuple[dt.date, dt.date] | None = None
    max_range: tuple[dt.date, dt.date] | None = None


@dataclass(frozen=True)
class GoldMoney:
    text: str
    amount: float
    currency: str
    aid: bool = True
    measure: str | None = None
    transaction_type: str | None = None
    donor: str | None = None  # the giver's name as written ("New Zealand")
    period: str | None = None
    has_period: bool = False
    as_of: dt.date | None = None


@dataclass
class GoldDocument:
    file: str
    kind: str | None = None
    title: str | None = None
    has_title: bool = False
    date: dt.date | None = None
    has_date: bool = False
    not_before: dt.date | None = None
    events: list[GoldEvent] = field(default_factory=list)
    money: list[GoldMoney] = field(default_factory=list)
    persons: list[str] = field(default_factory=list)
    person_variants: dict[str, list[str]] = field(default_factory=dict)
    not_money: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class GoldFact:
    fact: str
    docs: tuple[str, ...]
    status: str
    value: str | None = None
    words: tuple[str, ...] = ()


@dataclass
class Gold:
    """A checked annotation: documents by file name, name variants and shared facts."""

    source: str
    documents: dict[str, GoldDocument]
    name_variants: list[list[str]]
    agreement: list[GoldFact]


class _Checker:
    """Turns a loaded mapping into a :class:`Gold`, with messages naming file and line."""

    def __init__(self, source: str):
        self.source = source

    def fail(self, container: Any, key: Any, problem: str) -> GoldError:
        line = _line_of(container, key)
        where = f"{self.source}, line {line}" if line else self.source
        return GoldError(f"{where}: {problem}")

    def mapping(self, value: Any, container: Any, key: Any, what: str) -> Mapping:
        if not isinstance(value, Mapping):
            raise self.fail(container, key, f"{what} must be a mapping of fields")
        return value

    def fields(self, value: Mapping, allowed: set[str], required: Iterable[str], what: str):
        for name in value:
            if name not in allowed:
                raise self.fail(
                    value,
                    name,
                    f"unknown field {name!r} in {what} "
                    f"(known fields: {', '.join(sorted(allowed))})",
                )
        for name in required:
            if name not in value:
                raise self.fail(value, None, f"{what} has no {name!r}")

    def date(self, value: Any, container: Any, key: Any, what: str) -> dt.date | None:
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            raise self.fail(
                container, key, f"{what} {value!r} is not a date (write YYYY-MM-DD)"
            ) from None

    def text(self, value: Any, container: Any, key: Any, what: str) -> str:
        if isinstance(value, bool) or not isinstance(value, str | int | float | dt.date):
            raise self.fail(container, key, f"{what} must be text, not {value!r}")
        return nfc(iso_text(value))

    def listing(self, value: Any, container: Any, key: Any, what: str) -> list:
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(container, key, f"{what} must be a list")
        return value

    def strings(self, value: Any, container: Any, key: Any, what: str) -> list[str]:
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, str | int) for v in value):
            raise self.fail(container, key, f"{what} must be a list of strings")
        return [nfc(str(v)) for v in value]

    def window(self, value: Any, container: Any, key: str) -> tuple[dt.date, dt.date] | None:
        if value is None:
            return None
        if not isinstance(value, list) or len(value) != 2:
            raise self.fail(container, key, f"{key} must be a list of two dates [earliest, latest]")
        low = self.date(value[0], value, 0, key)
        high = self.date(value[1], value, 1, key)
        if low is None or high is None or low > high:
            raise self.fail(container, key, f"{key} must go from an earlier to a later date")
        return low, high

    def gold(self, data: Any, texts: Mapping[str, str]) -> Gold:
        if not isinstance(data, Mapping) or "documents" not in data:
            raise self.fail(data, None, "the annotation needs a 'documents:' mapping at the top")
        self.fields(data, TOP_FIELDS, ["documents"], "the annotation")
        docs = self.mapping(data["documents"], data, "documents", "'documents'")
        documents = {}
        for name, entry in docs.items():
            file = str(name)
            if file not in texts:
                raise self.fail(
                    docs,
                    name,
                    f"{file!r} is not in the corpus (the corpus has {_some(sorted(texts))})",
                )
            entry = self.mapping(entry, docs, name, f"document {file!r}")
            documents[file] = self.document(file, entry, texts[file])
        variants = []
        raw_variants = self.listing(
            data.get("name_variants"), data, "name_variants", "name_variants"
        )
        for i, group in enumerate(raw_variants):
            variants.append(self.strings(group, raw_variants, i, "each name_variants entry"))
        facts = []
        raw_facts = self.listing(data.get("agreement"), data, "agreement", "'agreement'")
        for i, fact in enumerate(raw_facts):
            fact = self.mapping(fact, raw_facts, i, "each agreement entry")
            self.fields(fact, AGREEMENT_FIELDS, ["fact", "docs", "status"], "an agreement entry")
            if not isinstance(fact["status"], str) or fact["status"] not in STATUSES:
                raise self.fail(
                    fact,
                    "status",
                    f"status {fact['status']!r} is not one of {', '.join(STATUSES)}",
                )
            value = fact.get("value")
            facts.append(
                GoldFact(
                    fact=self.text(fact["fact"], fact, "fact", "fact"),
                    docs=tuple(self.strings(fact["docs"], fact, "docs", "docs")),
                    status=fact["status"],
                    value=None if value is None else self.text(value, fact, "value", "value"),
                    words=tuple(self.strings(fact.get("words"), fact, "words", "words")),
                )
            )
        return Gold(self.source, documents, variants, facts)

    def document(self, file: str, entry: Mapping, text: str) -> GoldDocument:
        self.fields(entry, DOC_FIELDS, [], f"document {file!r}")
        kind = entry.get("kind")
        if kind is not None and (not isinstance(kind, str) or kind not in KINDS):
            raise self.fail(
                entry, "kind", f"kind {kind!r} is not one of wikipedia, press_release, news"
            )
        doc = GoldDocument(
            file=file,
            kind=KINDS.get(kind) if kind else None,
            title=None
            if entry.get("title") is None
            else self.text(entry["title"], entry, "title", "title"),
            has_title="title" in entry,
            date=self.date(entry.get("date"), entry, "date", "date"),
            has_date="date" in entry,
            not_before=self.date(entry.get("not_before"), entry, "not_before", "not_before"),
        )
        events = self.listing(entry.get("events"), entry, "events", "events")
        for i, event in enumerate(events):
            doc.events.append(self.event(file, self.mapping(event, events, i, "an event"), text))
        money = self.listing(entry.get("money"), entry, "money", "money")
        for i, amount in enumerate(money):
            doc.money.append(
                self.money(file, self.mapping(amount, money, i, "a money entry"), text)
            )
        doc.persons = self.strings(entry.get("persons"), entry, "persons", "persons")
        raw = entry.get("person_variants") or {}
        raw = self.mapping(raw, entry, "person_variants", "person_variants")
        doc.person_variants = {
            nfc(str(k)): self.strings(v, raw, k, f"the variants of {k!r}") for k, v in raw.items()
        }
        doc.not_money = self.strings(entry.get("not_money"), entry, "not_money", "not_money")
        for i, number in enumerate(doc.not_money):
            if number not in text:
                raise self.fail(
                    entry.get("not_money"), i, f"not_money {number!r} is not in {file!r}"
                )
        skipped = self.listing(entry.get("skipped"), entry, "skipped", "skipped")
        for i, item in enumerate(skipped):
            item = self.mapping(item, skipped, i, "a skipped entry")
            self.fields(item, SKIPPED_FIELDS, ["text"], "a skipped entry")
            skipped_text = self.text(item["text"], item, "text", "a skipped text")
            if skipped_text not in text:
                raise self.fail(item, "text", f"skipped text {skipped_text!r} is not in {file!r}")
            doc.skipped.append(skipped_text)
        return doc

    def event(self, file: str, event: Mapping, text: str) -> GoldEvent:
        self.fields(event, EVENT_FIELDS, ["date_text", "min", "max", "core"], "an event")
        date_text = self.text(event["date_text"], event, "date_text", "date_text")
        if date_text not in text:
            raise self.fail(event, "date_text", f"date_text {date_text!r} is not in {file!r}")
        low = self.date(event["min"], event, "min", "min")
        high = self.date(event["max"], event, "max", "max")
        if low is None or high is None:
            raise self.fail(event, "min", "min and max must both be dates")
        if low > high:
            raise self.fail(event, "min", f"min {low} is after max {high} ({date_text!r})")
        if not isinstance(event["core"], bool):
            raise self.fail(event, "core", "core must be true or false")
        return GoldEvent(
            date_text=date_text,
            min=low,
            max=high,
            core=event["core"],
            words=tuple(self.strings(event.get("words"), event, "words", "words")),
            min_range=self.window(event.get("min_range"), event, "min_range"),
            max_range=self.window(event.get("max_range"), event, "max_range"),
        )

    def money(self, file: str, money: Mapping, text: str) -> GoldMoney:
        self.fields(money, MONEY_FIELDS, ["text", "amount", "currency"], "a money entry")
        written = self.text(money["text"], money, "text", "money text")
        if written not in text:
            raise self.fail(money, "text", f"money text {written!r} is not in {file!r}")
        amount = money["amount"]
        if isinstance(amount, bool) or not isinstance(amount, int | float):
            raise self.fail(money, "amount", f"amount {amount!r} must be a number")
        currency = money["currency"]
        if not isinstance(currency, str) or not re.fullmatch(r"[A-Z]{3}", currency):
            raise self.fail(money, "currency", f"currency {currency!r} must be an ISO 4217 code")
        measure = money.get("measure")
        if measure is not None and (not isinstance(measure, str) or measure not in MEASURE_WORDS):
            raise self.fail(
                money, "measure", f"measure {measure!r} is not one of {', '.join(MEASURE_WORDS)}"
            )
        measure, transaction = MEASURE_WORDS[measure] if measure is not None else (None, None)
        donor = money.get("donor")
        if donor is not None:
            donor = self.text(donor, money, "donor", "donor")
        if not isinstance(money.get("aid", True), bool):
            raise self.fail(money, "aid", "aid must be true or false")
        period = money.get("period")
        if period is not None:
            period = self.text(period, money, "period", "period")
        return GoldMoney(
            text=written,
            amount=float(amount),
            currency=currency,
            aid=money.get("aid", True),
            measure=measure,
            transaction_type=transaction,
            donor=donor,
            period=period,
            has_period="period" in money
            and (period is None or bool(_EDTF_PERIOD.match(iso_text(period)))),
            as_of=self.date(money.get("as_of"), money, "as_of", "as_of"),
        )


def load_gold(gold: str | Path | Mapping, texts: Mapping[str, str]) -> Gold:
    """Read and check an annotation against the documents' texts (file name -> text)."""
    import yaml

    if isinstance(gold, Mapping):
        return _Checker("the gold annotation").gold(gold, texts)
    path = Path(gold)
    source = str(gold)
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise GoldError(f"{source}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{source}: cannot be read ({exc})") from None
    try:
        data = yaml.load(raw, Loader=_loader())
    except GoldError as exc:
        raise GoldError(f"{source}, {exc}") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f", line {mark.line + 1}" if mark else ""
        started = exc.context_mark
        context = (
            f" ({exc.context} on line {started.line + 1})"
            if exc.context and started and mark and started.line != mark.line
            else ""
        )
        raise GoldError(f"{source}{line}: not valid YAML: {exc.problem or exc}{context}") from None
    except yaml.YAMLError as exc:
        raise GoldError(f"{source}: not valid YAML: {exc}") from None
    return _Checker(source).gold(data, texts)


def _some(names: list[str], shown: int = 5) -> str:
    """A few names of a long list, for a message."""
    if not names:
        return "no documents"
    more = f" and {len(names) - shown} more" if len(names) > shown else ""
    return ", ".join(names[:shown]) + more


def nfc(text: str) -> str:
    """Text in Unicode NFC, as the corpus normalises it."""
    return unicodedata.normalize("NFC", text)


def iso_text(value: Any) -> str:
    """A date as YYYY-MM-DD; anything else as written."""
    return value.isoformat() if isinstance(value, dt.date) else str(value)
