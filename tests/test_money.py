"""Money amounts: every amount in the sources, and each rule on sentences written for the tests."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nzdprk.money import Money, find_money, parse_money

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
QUALIFIERS = {"exact", "approximately", "almost", "more_than", "at_least", "up_to", "less_than"}


def body(path: Path) -> str:
    """The text after the YAML front matter (data model §7.1: offsets refer to it)."""
    text = path.read_text(encoding="utf-8")
    return text.split("\n---\n", 1)[1] if text.startswith("---\n") else text


def only(sentence: str, default_currency: str | None = None) -> Money:
    """The one amount in a sentence."""
    found = find_money(sentence, default_currency=default_currency)
    assert len(found) == 1, found
    return found[0]


def exact(
    text: str,
    start: int,
    amount: float,
    currency: str | None,
    rule: str,
    assumed: bool = False,
    multiplier: int | None = None,
) -> Money:
    """The record for an amount stated without qualifier (an assumed currency is the default)."""
    end = start + len(text)
    reason = f"bare dollar read as the given default currency {currency}" if assumed else None
    return Money(
        text,
        start,
        end,
        text,
        amount,
        amount,
        amount,
        "exact",
        None,
        currency,
        assumed,
        rule,
        multiplier=multiplier,
        currency_reason=reason,
    )


# --- The five sources ---------------------------------------------------------------------------

SEED_AMOUNTS = {
    "000_e724febe7b462b24": [
        Money(
            text="almost NZD$8.5 million",
            char_start=6733,
            char_end=6755,
            amount_text="NZD$8.5 million",
            amount=8_500_000.0,
            amount_min=None,
            amount_max=8_500_000.0,
            qualifier="almost",
            qualifier_text="almost",
            currency="NZD",
            currency_assumed=False,
            rule="money.symbol_number_multiplier",
            multiplier=10**6,
        )
    ],
    "001_e04c4114be72f84d": [],
    "002_a9688cb631e8140e": [
        exact("NZ$1.4 million", 1364, 1.4e6, "NZD", "money.symbol_number_multiplier", False, 10**6),
        exact("NZ$4 million", 1666, 4e6, "NZD", "money.symbol_number_multiplier", False, 10**6),
    ],
    "003_1445d6a868041173": [],
    "004_e5065bca2519973a": [],
}


def test_the_seeds_are_all_here() -> None:
    assert sorted(p.stem for p in SEEDS.glob("*.txt")) == sorted(SEED_AMOUNTS)


@pytest.mark.parametrize("doc_id", sorted(SEED_AMOUNTS))
@pytest.mark.parametrize("default_currency", [None, "NZD"])
def test_each_seed_gives_exactly_its_amounts(doc_id: str, default_currency: str | None) -> None:
    text = body(SEEDS / f"{doc_id}.txt")
    found = find_money(text, default_currency=default_currency)
    assert found == SEED_AMOUNTS[doc_id]
    assert all(text[m.char_start : m.char_end] == m.text for m in found)


def test_seed_002_amount_sits_inside_the_claim_quote_of_the_data_model() -> None:
    # data model §7.3: the claim "Since 1995 it has contributed NZ$1.4 million in humanitarian
    # aid" spans 1334-1398 of the body.
    text = body(SEEDS / "002_a9688cb631e8140e.txt")
    quote = text[1334:1398]
    assert quote == "Since 1995 it has contributed NZ$1.4 million in humanitarian aid"
    assert [m.text for m in find_money(quote)] == ["NZ$1.4 million"]


@pytest.mark.parametrize(
    "phrase",
    [
        "New Zealand contributed six frigates, several smaller craft and a 1,044 strong volunteer "
        "force (known as K-FORCE) to the Korean War.",
        "A total of 3,794 New Zealand soldiers served in K-FORCE and 1,300 in the Navy deployment.",
        "A total of 33 New Zealanders were killed in action, 79 wounded and 1 soldier was taken "
        "prisoner.",
        "It follows his inspection last month of the test-firing of 240mm multiple-launch rockets.",
        "These offers are very much in keeping with our 60-year partnership with South Korea",
        "Benjamin Evans traveled to North Korea for the 17th ITF Taekwon-Do World Championships.",
        "New Zealand has contributed a total of four missions since 1995.",
        "Exports fell 5% in 2018, 2019 and 2021.",
        "on June 25, 1950, to attempt to reunite the Korean peninsula",
        "the successful 3-5 April visit to Pyongyang",
    ],
)
def test_numbers_without_a_currency_are_not_money(phrase: str) -> None:
    assert find_money(phrase, default_currency="NZD") == []


# --- One rule at a time, on sentences written for these tests -----------------------------------


@pytest.mark.parametrize(
    ("sentence", "phrase", "amount", "currency", "rule"),
    [
        # money.symbol_number_multiplier
        ("Australia pledged A$12.5 million to the WFP.", "A$12.5 million", 12.5e6, "AUD",
         "money.symbol_number_multiplier"),
        ("Canberra added AU$3bn over a decade.", "AU$3bn", 3e9, "AUD",
         "money.symbol_number_multiplier"),
        ("The EU committed €2.5m to food aid.", "€2.5m", 2.5e6, "EUR",
         "money.symbol_number_multiplier"),
        ("Britain gave £1.2 billion.", "£1.2 billion", 1.2e9, "GBP",
         "money.symbol_number_multiplier"),
        ("Japan sent ¥500 million in rice.", "¥500 million", 5e8, "JPY",
         "money.symbol_number_multiplier"),
        ("Washington offered US$ 2 billion.", "US$ 2 billion", 2e9, "USD",
         "money.symbol_number_multiplier"),
        ("Wellington gave NZ$\u00a04 million.", "NZ$\u00a04 million", 4e6, "NZD",
         "money.symbol_number_multiplier"),
        ("Wellington gave NZ$\u2009 4 million.", "NZ$\u2009 4 million", 4e6, "NZD",
         "money.symbol_number_multiplier"),
        ("Wellington gave NZ $4 million.", "NZ $4 million", 4e6, "NZD",
         "money.symbol_number_multiplier"),
        ("The fund holds NZ$1.5m.", "NZ$1.5m", 1.5e6, "NZD", "money.symbol_number_multiplier"),
        ("A NZ$500k grant followed.", "NZ$500k", 5e5, "NZD", "money.symbol_number_multiplier"),
        ("Seoul spent US$1.1 Million on it.", "US$1.1 Million", 1.1e6, "USD",
         "money.symbol_number_multiplier"),
        # money.symbol_number
        ("A further US$215,000 was paid.", "US$215,000", 215_000.0, "USD", "money.symbol_number"),
        ("Tickets cost £40 each.", "£40", 40.0, "GBP", "money.symbol_number"),
        ("The fund paid NZ$1,000,000.", "NZ$1,000,000", 1e6, "NZD", "money.symbol_number"),
        ("Beijing gave CN¥ 30 per head.", "CN¥ 30", 30.0, "CNY", "money.symbol_number"),
        # money.code_number_multiplier
        ("The ministry set aside NZD 4 million.", "NZD 4 million", 4e6, "NZD",
         "money.code_number_multiplier"),
        ("Brussels pledged EUR 2.5bn.", "EUR 2.5bn", 2.5e9, "EUR", "money.code_number_multiplier"),
        ("China lent RMB 3bn.", "RMB 3bn", 3e9, "CNY", "money.code_number_multiplier"),
        # money.code_number
        ("USD 1,000,000 was transferred.", "USD 1,000,000", 1e6, "USD", "money.code_number"),
        ("a fee of GBP 10,000", "GBP 10,000", 10_000.0, "GBP", "money.code_number"),
        # money.number_multiplier_currency
        ("Wellington gave 4 million NZD in 2002.", "4 million NZD", 4e6, "NZD",
         "money.number_multiplier_currency"),
        ("It cost 4 million New Zealand dollars.", "4 million New Zealand dollars", 4e6, "NZD",
         "money.number_multiplier_currency"),
        ("Seoul sent 5 million US dollars.", "5 million US dollars", 5e6, "USD",
         "money.number_multiplier_currency"),
        ("Canberra sent 3 million Australian dollars.", "3 million Australian dollars", 3e6,
         "AUD", "money.number_multiplier_currency"),
        ("Brussels gave 3bn euros.", "3bn euros", 3e9, "EUR", "money.number_multiplier_currency"),
        ("Beijing lent 2.5 billion yuan.", "2.5 billion yuan", 2.5e9, "CNY",
         "money.number_multiplier_currency"),
        ("Seoul gave 10 million South Korean won.", "10 million South Korean won", 1e7, "KRW",
         "money.number_multiplier_currency"),
        ("It cost 2 million North Korean won.", "2 million North Korean won", 2e6, "KPW",
         "money.number_multiplier_currency"),
        # money.number_currency
        ("Each family received 300 euros.", "300 euros", 300.0, "EUR", "money.number_currency"),
        ("a transfer of 215,000 NZD", "215,000 NZD", 215_000.0, "NZD", "money.number_currency"),
        ("They raised 40 pounds sterling.", "40 pounds sterling", 40.0, "GBP",
         "money.number_currency"),
        # money.words_currency
        ("Britain gave four million New Zealand dollars.", "four million New Zealand dollars",
         4e6, "NZD", "money.words_currency"),
        ("Norway gave two and a half million euros.", "two and a half million euros", 2.5e6,
         "EUR", "money.words_currency"),
        ("A quarter of a million pounds sterling was raised.",
         "A quarter of a million pounds sterling", 2.5e5, "GBP", "money.words_currency"),
        ("Donors sent twenty-five thousand US dollars.", "twenty-five thousand US dollars",
         25_000.0, "USD", "money.words_currency"),
        ("Seven hundred and fifty euros were paid.", "Seven hundred and fifty euros", 750.0,
         "EUR", "money.words_currency"),
        ("Tokyo paid a billion yen.", "a billion yen", 1e9, "JPY", "money.words_currency"),
    ],
)  # fmt: skip
def test_each_amount_rule(
    sentence: str, phrase: str, amount: float, currency: str, rule: str
) -> None:
    found = find_money(sentence, default_currency="NZD")
    money = next(m for m in found if m.amount_text == phrase)
    start = sentence.index(phrase)
    assert (money.char_start, money.char_end) == (start, start + len(phrase))
    assert money.amount == pytest.approx(amount, rel=1e-12)
    assert (money.currency, money.currency_assumed, money.rule) == (currency, False, rule)


def test_values_are_exact_decimals_not_float_products() -> None:
    assert only("NZ$1.4 million").amount == 1_400_000.0
    assert only("NZ$0.7 million").amount == 700_000.0
    assert only("$4.35bn", "NZD").amount == 4_350_000_000.0


def test_bare_dollar_takes_the_default_currency_and_says_so() -> None:
    sentence = "The embassy refit cost $215,000 and a further $3bn was pledged."
    assert find_money(sentence, default_currency="NZD") == [
        exact("$215,000", 23, 215_000.0, "NZD", "money.symbol_number", assumed=True),
        exact("$3bn", 46, 3e9, "NZD", "money.symbol_number_multiplier", True, 10**9),
    ]
    without = find_money(sentence)
    assert [(m.currency, m.currency_assumed) for m in without] == [(None, False), (None, False)]


def test_dollars_in_words_take_the_default_currency() -> None:
    money = only("The society raised half a million dollars.", "NZD")
    assert (money.amount, money.currency, money.currency_assumed) == (5e5, "NZD", True)
    assert money.rule == "money.words_currency"
    assert only("They raised 300 dollars.").currency is None


def test_named_currencies_never_take_the_default() -> None:
    money = only("Washington gave US$2 billion.", "NZD")
    assert (money.currency, money.currency_assumed) == ("USD", False)


# --- A plain won: South or North Korean as its paragraph says ------------------------------------

SOUTH_ONLY = "plain won in a paragraph that names South Korea and not North Korea"
NORTH_ONLY = "plain won in a paragraph that names North Korea and not South Korea"


@pytest.mark.parametrize(
    ("sentence", "phrase", "amount", "currency", "reason"),
    [
        ("Seoul pledged 1.5 billion won to the fund.", "1.5 billion won", 1.5e9, "KRW", SOUTH_ONLY),
        ("South Korea's ministry spent 300,000 won.", "300,000 won", 3e5, "KRW", SOUTH_ONLY),
        ("In Pyongyang a kilo of rice cost 5,000 won.", "5,000 won", 5e3, "KPW", NORTH_ONLY),
        ("Seoul spent ₩5 billion.", "₩5 billion", 5e9, "KRW", SOUTH_ONLY),
        # both Koreas, or neither: the currency is not decidable and stays empty
        ("South Korea paid North Korea 10 billion won.", "10 billion won", 1e10, None, None),
        ("The bank lent ₩5 billion.", "₩5 billion", 5e9, None, None),
    ],
)
def test_plain_won_takes_the_korea_its_paragraph_names(
    sentence: str, phrase: str, amount: float, currency: str | None, reason: str | None
) -> None:
    money = only(sentence, "NZD")
    start = sentence.index(phrase)
    assert (money.text, money.char_start, money.amount) == (phrase, start, amount)
    assert (money.currency, money.currency_assumed, money.currency_reason) == (
        currency,
        reason is not None,
        reason,
    )


@pytest.mark.parametrize(
    "sentence",
    [
        # seed 002: a name ending in "-won" is not money
        "Kim Jong Il met in Pyongyang with South Korean Presidential Envoy Lim Dong-won.",
        "The party won 45 seats in 2008.",
        "Of the 12 races, 9 won prizes.",  # a small ungrouped number before "won" is a verb
        "In 2002 won the cup",
    ],
)
def test_won_the_verb_is_not_money(sentence: str) -> None:
    assert find_money(sentence) == []


# --- A currency written again after the amount ---------------------------------------------------


def test_currency_written_again_belongs_to_the_amount() -> None:
    # dev set h12 (RNZ, 2018)
    sentence = (
        "New Zealand is contributing $200,000 dollars to help monitor North Korea's nuclear "
        "programme."
    )
    assert find_money(sentence, default_currency="NZD", default_reason="an NZ outlet") == [
        Money(
            *("$200,000 dollars", 28, 44, "$200,000 dollars", 2e5, 2e5, 2e5, "exact", None),
            *("NZD", True, "money.symbol_number"),
            currency_reason="an NZ outlet",
        )
    ]


@pytest.mark.parametrize(
    ("sentence", "texts", "currencies"),
    [
        ("Donors gave $2.5 million dollars and €3m euros.", ["$2.5 million dollars", "€3m euros"],
         ["NZD", "EUR"]),
        ("It cost $5 million US dollars.", ["$5 million US dollars"], ["USD"]),  # named wins
        ("It cost US$5m dollars.", ["US$5m dollars"], ["USD"]),
        ("It cost $5 million euros.", ["$5 million"], ["NZD"]),  # two currencies: not merged
    ],
)  # fmt: skip
def test_currency_written_again_in_written_sentences(
    sentence: str, texts: list[str], currencies: list[str]
) -> None:
    found = find_money(sentence, default_currency="NZD")
    assert [(m.text, m.currency) for m in found] == list(zip(texts, currencies, strict=True))
    for m in found:
        assert m.currency_assumed == (m.currency == "NZD")


# --- One sum in two currencies -------------------------------------------------------------------


def test_an_amount_restated_in_brackets_points_at_the_first() -> None:
    sentence = "New Zealand gave NZ$150,000 (US$100,000) to the World Food Programme."
    first, second = find_money(sentence, default_currency="NZD")
    assert (first.text, first.currency, first.equivalent_of) == ("NZ$150,000", "NZD", None)
    assert (second.text, second.currency, second.equivalent_of) == ("US$100,000", "USD", 0)
    assert (second.char_start, second.char_end) == (29, 39)


def test_a_bare_dollar_conversion_is_not_the_default_currency() -> None:
    # the wire-service style: the local sum, then "$" for a conversion into another dollar
    sentence = "Wellington gave 1 million New Zealand dollars (about $700,000) to UNICEF."
    first, second = find_money(sentence, default_currency="NZD")
    assert (first.currency, first.currency_assumed) == ("NZD", False)
    assert (second.text, second.qualifier, second.equivalent_of) == (
        "about $700,000",
        "approximately",
        0,
    )
    assert (second.currency, second.currency_assumed, second.currency_reason) == (None, False, None)


def test_a_bare_dollar_restated_in_the_default_currency_is_another_dollar() -> None:
    first, second = find_money("Washington gave $700,000 (NZ$1 million).", default_currency="NZD")
    assert (first.text, first.currency, first.currency_assumed) == ("$700,000", None, False)
    assert (second.text, second.currency, second.equivalent_of) == ("NZ$1 million", "NZD", 0)


@pytest.mark.parametrize(
    "sentence",
    ["NZ$150,000 and US$100,000", "NZ$150,000 (and later US$100,000)", "(NZ$150,000) US$100,000"],
)
def test_amounts_not_in_brackets_right_after_another_are_separate(sentence: str) -> None:
    assert [m.equivalent_of for m in find_money(sentence)] == [None, None]


def test_hyphenated_multiplier() -> None:
    money = only("a $4-million grant", "NZD")
    assert (money.text, money.amount) == ("$4-million", 4e6)


def test_amount_may_wrap_a_line_but_not_cross_a_blank_line() -> None:
    assert only("It gave NZ$4\nmillion.").amount == 4e6
    assert only("It gave NZ$4\n\nmillion.").amount == 4.0


@pytest.mark.parametrize(
    "sentence",
    [
        "measured in constant 2015 US dollars",  # a price basis, not an amount
        "Z$5m",  # unknown letters before the sign
        "$5,5 million",  # decimal comma: refused rather than misread
        "put a dollar figure on it",  # "a" is a number only before a multiplier
        "US$ figures were not released",
        "a 12% rise",
    ],
)
def test_not_amounts(sentence: str) -> None:
    assert find_money(sentence, default_currency="NZD") == []


def test_single_letter_prefix_must_touch_the_sign() -> None:
    money = only("A $5 million grant was given.", "NZD")
    assert (money.text, money.currency, money.currency_assumed) == ("$5 million", "NZD", True)


# --- Qualifiers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cue", "qualifier", "sets_min", "sets_max"),
    [
        ("almost", "almost", False, True),
        ("nearly", "almost", False, True),
        ("just under", "almost", False, True),
        ("about", "approximately", False, False),
        ("around", "approximately", False, False),
        ("approximately", "approximately", False, False),
        ("roughly", "approximately", False, False),
        ("some", "approximately", False, False),
        ("an estimated", "approximately", False, False),
        ("~", "approximately", False, False),
        ("more than", "more_than", True, False),
        ("over", "more_than", True, False),
        ("in excess of", "more_than", True, False),
        ("at least", "at_least", True, False),
        ("no less than", "at_least", True, False),
        ("up to", "up_to", False, True),
        ("no more than", "up_to", False, True),
        ("less than", "less_than", False, True),
        ("under", "less_than", False, True),
    ],
)
def test_qualifier_cues_set_bounds(
    cue: str, qualifier: str, sets_min: bool, sets_max: bool
) -> None:
    sentence = f"Canberra gave {cue} A$3.5 million to the WFP."
    money = only(sentence)
    assert money.text == f"{cue} A$3.5 million"
    assert money.char_start == sentence.index(cue)
    assert (money.amount_text, money.amount) == ("A$3.5 million", 3.5e6)
    assert (money.qualifier, money.qualifier_text) == (qualifier, cue)
    assert money.amount_min == (3.5e6 if sets_min else None)
    assert money.amount_max == (3.5e6 if sets_max else None)


def test_cue_is_kept_as_written() -> None:
    money = only("Almost  US$9m was raised.")
    assert (money.qualifier, money.qualifier_text) == ("almost", "Almost")
    assert money.text == "Almost  US$9m"


@pytest.mark.parametrize("sentence", ["a roundabout $5m", "the handover $5m", "etc. $5m"])
def test_cue_must_be_a_whole_word(sentence: str) -> None:
    assert only(sentence).qualifier == "exact"


# --- Ranges -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "phrase", "lo", "hi", "currency", "rule", "cue"),
    [
        ("Norway gave between NZ$2 million and NZ$3 million.",
         "between NZ$2 million and NZ$3 million", 2e6, 3e6, "NZD", "money.range_between",
         "between"),
        ("It will cost between $2 and $3 million.", "between $2 and $3 million", 2e6, 3e6, None,
         "money.range_between", "between"),
        ("Between 2 and 3 million euros went to UNICEF.", "Between 2 and 3 million euros", 2e6,
         3e6, "EUR", "money.range_between", "Between"),
        ("between NZ$2 and 3 million in aid", "between NZ$2 and 3 million", 2e6, 3e6, "NZD",
         "money.range_between", "between"),
        ("between two and three million dollars", "between two and three million dollars", 2e6,
         3e6, None, "money.range_between", "between"),
        ("between $500 and $3 million", "between $500 and $3 million", 500.0, 3e6, None,
         "money.range_between", "between"),
        ("The WFP needs NZ$2–3 million.", "NZ$2–3 million", 2e6, 3e6, "NZD", "money.range_dash",
         None),
        ("a $2-3m programme", "$2-3m", 2e6, 3e6, None, "money.range_dash", None),
        ("costs of US$1.5–2bn", "US$1.5–2bn", 1.5e9, 2e9, "USD", "money.range_dash", None),
        ("US$2m–US$3m in grants", "US$2m–US$3m", 2e6, 3e6, "USD", "money.range_dash", None),
        ("US$2 million – $3 million", "US$2 million – $3 million", 2e6, 3e6, "USD",
         "money.range_dash", None),
        ("2–3 million dollars a year", "2–3 million dollars", 2e6, 3e6, None, "money.range_dash",
         None),
    ],
)  # fmt: skip
def test_ranges(
    sentence: str, phrase: str, lo: float, hi: float, currency: str | None, rule: str, cue: str
) -> None:
    money = only(sentence)
    start = sentence.index(phrase)
    assert (money.text, money.char_start, money.char_end) == (phrase, start, start + len(phrase))
    assert (money.amount, money.amount_min, money.amount_max) == (None, lo, hi)
    assert (money.qualifier, money.qualifier_text, money.rule) == ("range", cue, rule)
    assert money.currency == currency
    assert money.amount_text == (phrase.split(" ", 1)[1] if cue else phrase)


def test_range_with_bare_dollars_takes_the_default() -> None:
    money = only("a $2-3m programme", "NZD")
    assert (money.currency, money.currency_assumed) == ("NZD", True)


@pytest.mark.parametrize(
    ("sentence", "texts"),
    [
        ("€2m–$3m", ["€2m", "$3m"]),  # two currencies: two amounts
        ("NZ$4 million - NZ$1 million went to KEDO", ["NZ$4 million", "NZ$1 million"]),  # falls
        ("$2 million – 3 people", ["$2 million"]),  # spaced dash before a bare number
        ("$2–3 million euros", ["$2", "3 million euros"]),
    ],
)
def test_not_ranges(sentence: str, texts: list[str]) -> None:
    found = find_money(sentence)
    assert [m.text for m in found] == texts
    assert all(m.qualifier == "exact" for m in found)


# --- Tables whose header gives currency and unit -------------------------------------------------

TABLE = (
    "Aid to North Korea (NZ$ million)\n"
    "Channel\t2006\t2007\n"
    "WFP\t1.5\t0.25\n"
    "UNICEF  1,200  n/a\n"
    "In 2008, 12 agencies took part.\n"
)


def test_table_cells_take_the_currency_and_unit_of_the_header() -> None:
    found = find_money(TABLE)
    assert [(m.text, m.amount, m.currency, m.multiplier, m.rule) for m in found] == [
        ("1.5", 1.5e6, "NZD", 10**6, "money.table_cell"),
        ("0.25", 2.5e5, "NZD", 10**6, "money.table_cell"),
        ("1,200", 1.2e9, "NZD", 10**6, "money.table_cell"),
    ]
    for m in found:
        assert TABLE[m.char_start : m.char_end] == m.text
        assert (m.qualifier, m.currency_assumed) == ("exact", False)


@pytest.mark.parametrize(
    ("table", "values", "currency"),
    [
        ("Trade (US$000)\n| Exports | 12,345 | 6 |\n| Imports | 7 | 8% |\n",
         [12_345_000.0, 6000.0, 7000.0], "USD"),
        ("Budget, $ m\nAid  2.5  3\nThat is all.\n", [2.5e6, 3e6], "NZD"),
        ("Costs (€ bn)\n\nItem\t3\n", [], None),  # a blank line ends the table
        ("Aid (NZ$ million)   (US$ million)\nWFP\t1.5\t1\n", [], None),  # two currencies
        ("Figures are in NZ$ million, as the next line shows.\nIt gave 5 of them.\n", [], None),
    ],
)  # fmt: skip
def test_written_tables(table: str, values: list[float], currency: str | None) -> None:
    found = find_money(table, default_currency="NZD")
    assert [m.amount for m in found] == values
    assert {m.currency for m in found} <= {currency}
    assert all(m.currency_assumed == ("$ m" in table) for m in found)


@pytest.mark.parametrize("sentence", ["Trade (US$000) fell.", "It cost $05.", "a $000 fee"])
def test_a_number_with_a_leading_zero_is_a_unit_not_an_amount(sentence: str) -> None:
    assert find_money(sentence) == []


# --- parse_money and arguments ------------------------------------------------------------------


def test_parse_money_reads_a_whole_phrase() -> None:
    money = parse_money("almost NZD$8.5 million")
    seed = SEED_AMOUNTS["000_e724febe7b462b24"][0]
    assert money == dataclasses.replace(seed, char_start=0, char_end=22)
    assert parse_money("  $5m ", default_currency="NZD") == exact(
        "$5m", 2, 5e6, "NZD", "money.symbol_number_multiplier", True, 10**6
    )


@pytest.mark.parametrize("phrase", ["", "five frigates", "$5m.", "$5m and $6m", "about 40%"])
def test_parse_money_refuses_what_is_not_one_amount(phrase: str) -> None:
    assert parse_money(phrase) is None


@pytest.mark.parametrize("default", ["nzd", "NZ$", "New Zealand dollar", ""])
def test_default_currency_must_be_an_iso_code(default: str) -> None:
    with pytest.raises(ValueError, match="ISO 4217"):
        find_money("$5", default_currency=default)


def test_money_is_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        only("NZ$4m").amount = 5.0  # type: ignore[misc]


# --- Properties ---------------------------------------------------------------------------------

TOKENS = [
    *("NZ$", "NZD$", "US$", "A$", "$", "€", "£", "¥", "₩", "NZD", "USD", "EUR"),
    *("4", "1.5", "1,000", "215,000", "1995", "0", "12345678901234567890"),
    *(" ", " ", "\n", "\u00a0", "\u2009", "-", "–", "—", ".", ",", "%"),
    *("million", "m", "bn", "k", "M", "thousand"),
    *("between", "and", "about", "almost", "more than", "up to", "under", "~", "some"),
    *("dollars", "New Zealand dollars", "euros", "yen", "South Korean won"),
    *("two", "twenty", "hundred", "half a", "a", "and a half", "quarter", "soldiers"),
    *("\t", "|", "  ", "(NZ$ million)", "US$000", "$ m", "won", "(", ")", "2008"),
]
money_soup = st.lists(st.sampled_from(TOKENS), max_size=40).map("".join)


def check_invariants(text: str, found: list[Money], default: str | None) -> None:
    end = 0
    for m in found:
        assert end <= m.char_start < m.char_end
        end = m.char_end
        assert text[m.char_start : m.char_end] == m.text
        assert m.text.endswith(m.amount_text) and m.amount_text
        lo, hi = m.amount_min, m.amount_max
        if m.qualifier == "range":
            assert m.amount is None and lo is not None and hi is not None
        else:
            assert m.qualifier in QUALIFIERS and m.amount is not None
            assert lo is None or lo <= m.amount
            assert hi is None or m.amount <= hi
        if lo is not None and hi is not None:
            assert lo <= hi
        if m.qualifier == "exact":
            assert lo == m.amount == hi and m.qualifier_text is None
        assert (m.qualifier_text is not None) == (m.qualifier not in {"exact", "range"}) or (
            m.rule == "money.range_between"
        )
        assert m.currency_assumed == (m.currency_reason is not None)
        assert not m.currency_assumed or m.currency in {default, "KRW", "KPW"}
    for i, m in enumerate(found):
        assert m.equivalent_of is None or m.equivalent_of == i - 1


@settings(max_examples=200, deadline=None)
@given(text=st.text(), default=st.sampled_from([None, "NZD"]))
def test_any_text_is_read_without_error(text: str, default: str | None) -> None:
    check_invariants(text, find_money(text, default_currency=default), default)


@settings(max_examples=200, deadline=None)
@given(text=money_soup, default=st.sampled_from([None, "NZD"]))
def test_money_like_text_keeps_spans_and_bounds(text: str, default: str | None) -> None:
    check_invariants(text, find_money(text, default_currency=default), default)


NOT_MONEY = [
    *("5,000 troops", "240mm", "1718 Committee", "12%", "1,044 people", "45 seats", "six"),
    *("Resolution 2397", "the 1990s", "3 won", "1 in 4", "No. 9", "15 other nations"),
]


@settings(max_examples=200, deadline=None)
@given(
    year=st.integers(min_value=1800, max_value=2099),
    words=st.lists(st.sampled_from([*NOT_MONEY, "in", "since", "aid", "and"])),
    default=st.sampled_from([None, "NZD"]),
)
def test_years_and_counts_are_never_money(year: int, words: list[str], default: str | None) -> None:
    text = " ".join([f"In {year}", *words, f"{year} won", f"{year} dollars"])
    assert find_money(text, default_currency=default) == []


@settings(max_examples=200, deadline=None)
@given(
    whole=st.integers(min_value=0, max_value=10**9),
    decimals=st.text(alphabet="0123456789", max_size=3),
    before=st.lists(st.sampled_from(["New Zealand", "gave", "aid", "in 1995", "to KEDO"])),
    after=st.lists(st.sampled_from(["in aid", "to KEDO", "since 1995", "."])),
)
def test_generated_nz_dollar_millions(
    whole: int, decimals: str, before: list[str], after: list[str]
) -> None:
    figure = f"{whole}.{decimals}" if decimals else str(whole)
    phrase = f"NZ${figure} million"
    expected = float(Decimal(figure) * 10**6)
    assert expected == pytest.approx(float(figure) * 1e6, rel=1e-12)
    assert parse_money(phrase) == exact(
        phrase, 0, expected, "NZD", "money.symbol_number_multiplier", False, 10**6
    )
    sentence = " ".join([*before, phrase, *after])
    assert only(sentence).amount == expected
