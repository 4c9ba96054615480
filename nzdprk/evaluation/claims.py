"""Scoring the claim layers: money amounts, aid rows, persons named and facts shared between
documents."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .gold import (
    STATUSES,
    Gold,
    GoldDocument,
    GoldFact,
    GoldMoney,
    iso_text,
)
from .matching import (
    _contains_tokens,
    _day,
    _distance,
    _first,
    _key,
    _Layer,
    _match,
    _money_text,
    _occurrences,
    _tokens,
    _value,
)

if TYPE_CHECKING:
    import pandas as pd

    from ..corpus import Corpus


def _amounts(corpus: Corpus) -> tuple[pd.DataFrame, str, bool]:
    """The money amounts the package found, where they come from, and whether spans are theirs.

    Without an ``amounts`` frame the amounts in ``aid_flows`` stand in, clearly labelled; their
    spans are those of the sentence, so only their written text is compared with not_money.
    """
    amounts = getattr(corpus, "amounts", None)
    needed = {"doc_id", "amount", "currency", "char_start", "char_end", "quote"}
    if amounts is not None and needed <= set(amounts.columns):
        return amounts, "every amount in the amounts table", True
    flows = corpus.aid_flows
    flows = flows[flows["amount"].notna()]
    return flows, "the amounts table is not available: only amounts read as aid", False


def _amount_text(row: Any) -> str:
    written = getattr(row, "amount_text", None)
    return str(written) if _value(written) else str(row.quote)


def _same_amount(gold: GoldMoney, amount: Any, currency: Any) -> bool:
    value = _value(amount)
    return (
        value is not None
        and abs(float(value) - gold.amount) <= 1e-6 * max(1.0, gold.amount)
        and _value(currency) == gold.currency
    )


def _money(corpus: Corpus, scored: dict[str, GoldDocument], gold: Gold) -> list[_Layer]:
    """Every annotated amount against every amount found, and the numbers that are not money."""
    amounts, source, own_spans = _amounts(corpus)
    layer = _Layer("money", "amount and currency", source)
    left_out = _Layer(
        "money", "not money left out", "numbers annotated as not money that were not read as money"
    )
    left_out.no_fn = True
    for doc_id, doc in scored.items():
        text = corpus.text(doc_id)
        _score_amounts(layer, text, doc_id, doc.money, amounts)
        rows = list(amounts[amounts["doc_id"] == doc_id].itertuples(index=False))
        for number in doc.not_money:
            spans = _occurrences(text, number) or [_first(text, number)]
            read = [
                r
                for r in rows
                if _amount_text(r) == number
                or (
                    own_spans
                    and any(int(r.char_start) < e and s < int(r.char_end) for s, e in spans)
                )
            ]
            if read:
                left_out.false_hit(
                    doc_id,
                    number,
                    "not money",
                    _money_text(read[0].amount, read[0].currency),
                    spans[0],
                )
            else:
                left_out.tp += 1
    return [layer, left_out]


def _score_amounts(
    layer: _Layer,
    text: str,
    doc_id: str,
    expected: list[GoldMoney],
    amounts: pd.DataFrame,
) -> dict[int, Any]:
    """Pair annotated amounts with found ones (same number and currency); count and list errors."""
    rows = list(amounts[amounts["doc_id"] == doc_id].itertuples(index=False))
    where = []
    seen: dict[str, int] = {}
    for money in expected:
        spans = _occurrences(text, money.text) or [_first(text, money.text)]
        k = seen.get(money.text, 0)
        seen[money.text] = k + 1
        where.append(spans[min(k, len(spans) - 1)])
    pairs = _match(
        len(expected),
        len(rows),
        lambda i, j: _same_amount(expected[i], rows[j].amount, rows[j].currency),
        lambda i, j: _distance(where[i], (int(rows[j].char_start), int(rows[j].char_end))),
    )
    layer.tp += len(pairs)
    for i, money in enumerate(expected):
        if i not in pairs:
            layer.miss(
                doc_id, money.text, _money_text(money.amount, money.currency), None, where[i]
            )
    used = set(pairs.values())
    for j, row in enumerate(rows):
        if j not in used:
            layer.false_hit(
                doc_id,
                _amount_text(row),
                None,
                _money_text(row.amount, row.currency),
                (int(row.char_start), int(row.char_end)),
            )
    return {i: rows[j] for i, j in pairs.items()}


def _aid(corpus: Corpus, scored: dict[str, GoldDocument], gold: Gold) -> list[_Layer]:
    """Annotated aid amounts against ``aid_flows``, then what each amount found measures, and
    how many annotated amounts have a row right in every column the annotation gives."""
    flows = corpus.aid_flows
    flows = flows[flows["amount"].notna()]
    amount = _Layer(
        "aid rows",
        "amount and currency",
        "aid_flows rows with an amount; money marked aid: false is left out",
    )
    attributes = {
        name: _Layer("aid rows", label, "where annotated, on the amounts found")
        for name, label in [
            ("measure", "measure"),
            ("transaction_type", "transaction type"),
            ("period", "period"),
            ("as_of", "as-of date"),
            ("donor", "donor"),
        ]
    }
    attributes["period"].note = "where annotated in EDTF (or null), on the amounts found"
    whole = _Layer(
        "aid rows",
        "right in every annotated column",
        "amount, currency, and measure, period, as-of date and donor where annotated",
    )
    donors = _DonorNames(corpus)
    for doc_id, doc in scored.items():
        text = corpus.text(doc_id)
        aid = [m for m in doc.money if m.aid]
        pairs = _score_amounts(amount, text, doc_id, aid, flows)
        for i, money in enumerate(aid):
            row = pairs.get(i)
            if row is None:
                whole.miss(
                    doc_id,
                    money.text,
                    _money_text(money.amount, money.currency),
                    None,
                    (None, None),
                )
                continue
            span = (int(row.char_start), int(row.char_end))
            wrong = []
            for name, expected, found in _aid_checks(money, row, donors):
                before = attributes[name].tp
                attributes[name].compare(doc_id, money.text, expected, found, span)
                if attributes[name].tp == before:
                    wrong.append(f"{name} {found or 'empty'}, not {expected or 'empty'}")
            if wrong:
                whole.miss(doc_id, money.text, "; ".join(wrong), _amount_text(row), span)
            else:
                whole.tp += 1
    for e in amount.errors:  # an aid row that matches no annotated amount is wrong here too
        if e["error"] == "false_hit":
            span = (e["char_start"], e["char_end"])
            whole.false_hit(e["doc_id"], e["quote"], e["expected"], e["found"], span)
    return [amount, *attributes.values(), whole]


def _aid_checks(money: GoldMoney, row: Any, donors: _DonorNames) -> list[tuple[str, Any, Any]]:
    """(column, annotated value, value read) for each column the annotation gives."""
    checks: list[tuple[str, Any, Any]] = []
    if money.measure is not None:
        checks.append(("measure", money.measure, _value(row.measure)))
    if money.transaction_type is not None:
        checks.append(("transaction_type", money.transaction_type, _value(row.transaction_type)))
    if money.has_period:
        checks.append(("period", money.period, _value(row.period_edtf)))
    if money.as_of is not None:
        found = _day(row.as_of_date)
        checks.append(("as_of", iso_text(money.as_of), iso_text(found) if found else None))
    if money.donor is not None:
        checks.append(("donor", money.donor, donors.named(money.donor, _value(row.donor_id))))
    return checks


class _DonorNames:
    """Reads an annotated donor's name as the package's actor: right when the row's donor is
    that actor or, for a person or body, its state (who gives is the state they act for)."""

    def __init__(self, corpus: Corpus):
        from ..actors.keys import alias_key

        self._key = alias_key
        aliases = corpus.actor_aliases
        self._ids = dict(zip(aliases["alias_key"], aliases["actor_id"], strict=True))
        actors = corpus.actors
        self._country = {
            a: c
            for a, c in zip(actors["actor_id"], actors["country_code"], strict=True)
            if isinstance(c, str)
        }

    def named(self, name: str, found: str | None) -> str | None:
        """``name`` when the row's donor ``found`` is the actor it names (or that actor's
        state), else the donor found, so that a mismatch shows both."""
        if found is None:
            return None
        meant = self._ids.get(self._key(name))
        return name if meant is not None and found in {meant, self._country.get(meant)} else found


def _person_mentions(corpus: Corpus) -> pd.DataFrame:
    """Mentions of persons: by the mentions' own kind where it is given, else by the actors'
    kind (row by row, so a frame whose kind column is empty still counts)."""
    mentions = corpus.mentions
    own = next((c for c in ("kind", "actor_kind") if c in mentions.columns), None)
    actor_kind = corpus.actors.drop_duplicates("actor_id").set_index("actor_id")["actor_kind"]
    by_actor = mentions["actor_id"].map(actor_kind).astype(object)
    kind = (
        by_actor
        if own is None
        else mentions[own].astype(object).where(mentions[own].notna(), by_actor)
    )
    return mentions[kind.eq("person").fillna(False).to_numpy(dtype=bool)]


def _persons(corpus: Corpus, scored: dict[str, GoldDocument], gold: Gold) -> list[_Layer]:
    """Annotated person names against person mentions, and how many mentions are persons."""
    names = _Layer(
        "persons",
        "names",
        "a name is found when a person mention contains it (case, spaces and hyphens "
        "ignored); a false hit is a name found that is no person's",
    )
    real = _Layer(
        "persons", "mentions that are persons", "person mentions that are a real person's name"
    )
    real.no_fn = True
    mentions = _person_mentions(corpus)
    for doc_id, doc in scored.items():
        text = corpus.text(doc_id)
        forms: dict[str, list[str]] = {}
        for person in doc.persons:
            group = [person, *doc.person_variants.get(person, [])]
            for variants in gold.name_variants:
                if any(_key(v) == _key(person) for v in variants):
                    group += variants
            forms[person] = group
        for variant_of, variants in doc.person_variants.items():
            forms.setdefault(variant_of, [variant_of]).extend(variants)
        rows = mentions[mentions["doc_id"] == doc_id]
        wrong: dict[str, tuple] = {}
        for row in rows.itertuples(index=False):
            said = str(row.text)
            span = (int(row.char_start), int(row.char_end))
            tokens = _tokens(said)
            is_person = any(
                _contains_tokens(tokens, _tokens(form)) or _contains_tokens(_tokens(form), tokens)
                for group in forms.values()
                for form in group
            )
            if is_person:
                real.tp += 1
            else:
                real.false_hit(doc_id, said, None, "person", span)
                wrong.setdefault(_key(said), (said, span))
        said_keys = [_key(str(t)) for t in rows["text"]]
        for person in doc.persons:
            keys = {_key(form) for form in forms[person][:1]} | {
                _key(v)
                for variants in gold.name_variants
                if any(_key(v) == _key(person) for v in variants)
                for v in variants
            }
            if any(k in said for k in keys for said in said_keys):
                names.tp += 1
            else:
                names.miss(doc_id, person, "a person", None, _first(text, person))
        for said, span in wrong.values():
            names.false_hit(doc_id, said, None, "person", span)
    return [names, real]


def _resolve(reference: str, by_file: Mapping[str, str], scored: Mapping) -> str | None:
    """The doc_id an agreement entry's document reference names ('h07', a file name)."""
    ref = reference.strip()
    if ref in by_file:
        return by_file[ref]
    hits = {doc_id for file, doc_id in by_file.items() if doc_id in scored and file.startswith(ref)}
    return hits.pop() if len(hits) == 1 else None


def _comparison_units(corpus: Corpus) -> dict[tuple, dict]:
    """The package's comparisons by (fact key, document, other document): the relations of the
    value aspects (date, amount, period) and of the others, the values and the quotes."""
    comparisons = corpus.claim_comparisons
    quotes = dict(zip(corpus.claims["claim_id"], corpus.claims["quote"], strict=True))
    units: dict[tuple, dict] = {}
    for row in comparisons.itertuples(index=False):
        if row.doc_id_a == row.doc_id_b:
            continue
        unit = units.setdefault(
            (row.fact_key, row.doc_id_a, row.doc_id_b),
            {"value": set(), "other": set(), "values": set(), "quotes": set()},
        )
        relation = str(row.relation)
        if relation != "not_comparable":
            unit["value" if row.aspect in ("date", "amount", "period") else "other"].add(relation)
        unit["values"] |= {str(v) for v in (row.value_a, row.value_b) if _value(v)}
        unit["quotes"].add((row.doc_id_a, quotes.get(row.claim_id_a, "")))
        unit["quotes"].add((row.doc_id_b, quotes.get(row.claim_id_b, "")))
    return units


def _about(key: tuple, unit: dict, fact: GoldFact, docs: set[str]) -> bool:
    """Whether the package's comparison ``unit`` of documents ``key[1:]`` is about the annotated
    ``fact``: between its documents, with its value, and quoting its words in both."""
    if not {key[1], key[2]} <= docs:
        return False
    if fact.value and not any(v.startswith(fact.value) for v in unit["values"]):
        return False
    return not fact.words or all(
        any(_key(w) in _key(q) for d, q in unit["quotes"] if d == doc)
        for doc in (key[1], key[2])
        for w in fact.words
    )


def _agreement(
    corpus: Corpus,
    scored: dict[str, GoldDocument],
    gold: Gold,
    by_file: Mapping[str, str],
    notes: list[str],
) -> list[_Layer]:
    """Annotated shared facts against ``claim_comparisons``, one fact key per document pair."""
    layer = _Layer(
        "shared facts",
        "pairs with the annotated relation",
        "a pair of claims from the listed documents, about the fact, with its relation",
    )
    units = _comparison_units(corpus)
    matched: set[tuple] = set()
    outside = 0
    for fact in gold.agreement:
        docs = {d for d in (_resolve(r, by_file, scored) for r in fact.docs) if d}
        if len(docs) < 2:
            outside += 1
            continue
        related = [key for key, unit in units.items() if _about(key, unit, fact, docs)]
        matched.update(related)
        right = [
            key
            for key in related
            if (units[key]["value"] or units[key]["other"]) & STATUSES[fact.status]
            and not (
                fact.status == "compatible"
                and "conflict" in (units[key]["value"] or units[key]["other"])
            )
        ]
        if right:
            layer.tp += 1
        else:
            seen = sorted(
                {r for key in related for r in (units[key]["value"] or units[key]["other"])}
            )
            layer.miss(
                ", ".join(sorted(docs)),
                fact.fact,
                fact.status,
                ", ".join(seen) or None,
                (None, None),
            )
    for key, unit in units.items():
        if key not in matched:
            relations = unit["value"] or unit["other"] or {"not_comparable"}
            layer.false_hit(
                f"{key[1]}, {key[2]}", key[0], None, ", ".join(sorted(relations)), (None, None)
            )
    if outside:
        notes.append(
            f"{outside} shared facts of the annotation name fewer than two documents of this "
            "corpus and are not scored"
        )
    return [layer]
