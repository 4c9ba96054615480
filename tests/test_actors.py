"""Curated actor tables and the mention finder: source sentences in, exact rows out."""

from __future__ import annotations

import itertools
import re
import subprocess
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path

import pycountry
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nzdprk.actors import (
    Mention,
    UnresolvedName,
    actors,
    alias_key,
    aliases,
    country_name,
    find_mentions,
    offices,
)


def _seed_dir() -> Path:
    local = Path(__file__).parents[1] / "seeds"
    return local if local.is_dir() else Path(__file__).parents[2] / "shared" / "seeds"


def _body(path: Path) -> str:
    """The text after the front matter (the second '---' line), or all of it if there is none."""
    lines = path.read_text(encoding="utf-8").split("\n")
    if lines[0] == "---":
        return "\n".join(lines[lines.index("---", 1) + 1 :])
    return "\n".join(lines)


SEEDS = {path.name[:3]: _body(path) for path in sorted(_seed_dir().glob("*.txt"))}


def _ids(text: str, kind: str | None = None) -> list[str]:
    kinds = {row["actor_id"]: row["actor_kind"] for row in actors()}
    return [m.actor_id for m in find_mentions(text)[0] if kind is None or kinds[m.actor_id] == kind]


def _only(text: str, fragment: str) -> Mention:
    """The single mention whose text is ``fragment``."""
    found = [m for m in find_mentions(text)[0] if m.text == fragment]
    assert len(found) == 1, found
    return found[0]


# ------------------------------------------------------------------------------------------
# Every person in the sources, in their own document

PERSONS = {
    "000": {
        "benjamin-evans", "charlotte-glennie", "don-borrie", "helen-clark", "johann-landkroon",
        "karim-dickie", "kim-il-sung", "kim-jin-bom", "kim-jong-suk-ccrfc", "kim-yong-nam",
        "paek-nam-sun", "pak-kyong-il", "pak-yong-gun", "peter-wilson", "phil-goff",
        "richard-lawrence", "stuart-vogel", "tim-beal", "winston-peters", "wolf-rosenberg",
    },
    "001": {"kim-dae-jung", "kim-jong-il", "paek-nam-sun", "phil-goff", "tony-browne"},
    "002": {"kim-dae-jung", "kim-jong-il", "lim-dong-won", "phil-goff"},
    "003": {"pak-ui-chun", "roh-moo-hyun", "song-min-soon", "winston-peters"},
    "004": {"kim-jong-un", "winston-peters"},
}  # fmt: skip


def test_all_five_sources_are_read() -> None:
    assert sorted(SEEDS) == ["000", "001", "002", "003", "004"]


@pytest.mark.parametrize("doc", sorted(PERSONS))
def test_every_person_named_in_a_source_is_found_there(doc: str) -> None:
    assert set(_ids(SEEDS[doc], "person")) == PERSONS[doc]


@pytest.mark.parametrize(
    ("doc", "spelling", "actor_id", "alias_type"),
    [
        ("001", "Kim Jong Il", "kim-jong-il", "canonical"),
        ("002", "Kim Jong-il", "kim-jong-il", "spelling_variant"),
        ("001", "Kim Dae-Jung", "kim-dae-jung", "spelling_variant"),
        ("002", "Kim Dae-jung", "kim-dae-jung", "canonical"),
        ("003", "Pak Ui Chun", "pak-ui-chun", "spelling_variant"),
        ("003", "Roh Moo-Hyun", "roh-moo-hyun", "spelling_variant"),
        ("003", "Song Min-Soon", "song-min-soon", "spelling_variant"),
        ("000", "P'yongyang", "PRK", "metonym"),
        ("004", "Pyongyang", "PRK", "metonym"),
    ],
)
def test_each_spelling_in_the_sources_maps_to_one_actor(
    doc: str, spelling: str, actor_id: str, alias_type: str
) -> None:
    found = {(m.actor_id, m.alias_type) for m in find_mentions(SEEDS[doc])[0] if m.text == spelling}
    assert found == {(actor_id, alias_type)}


def test_the_other_spelling_of_each_variant_maps_to_the_same_actor() -> None:
    text = "Kim Jong-il, Kim Dae-Jung, Pak Ui-chun, Roh Moo-hyun and Song Min-soon met."
    assert _ids(text) == [
        "kim-jong-il",
        "kim-dae-jung",
        "pak-ui-chun",
        "roh-moo-hyun",
        "song-min-soon",
    ]


# ------------------------------------------------------------------------------------------
# What stays unresolved on the sources: only names that stand for no actor, and bare "Korea"

UNRESOLVED = {
    "000": [
        ("Korea", "ambiguous: Korea"),
        ("Korean War", "no actor matches"),
        ("Korean War", "no actor matches"),
        ("Korean", "ambiguous: Korean"),
        ("Korean", "ambiguous: Korean"),
        ("Korean War", "no actor matches"),
        ("Korean War", "no actor matches"),
        ("Battle of Inchon", "no actor matches"),
        ("Korea", "ambiguous: Korea"),
        ("Navy", "no actor matches"),
        ("Korea", "ambiguous: Korea"),
        ("Pusan", "no actor matches"),
        ("New Year's Eve", "no actor matches"),
        ("38th Parallel", "no actor matches"),
        ("Taekwon-Do World Championships", "no actor matches"),
        ("Taekwon-Do", "no actor matches"),
        ("Korean", "ambiguous: Korean"),
        ("Mansudae Assembly Hall", "no actor matches"),
    ],
    "001": [
        ("Korean", "ambiguous: Korean"),
        ("Korea", "ambiguous: Korea"),
        ("Korean", "ambiguous: Korean"),
    ],
    "002": [("Koreas", "no actor matches"), ("Korean Peninsula", "no actor matches")],
    "003": [
        ("Korean", "ambiguous: Korean"),
        ("DMZ", "no actor matches"),
        ("Korean", "ambiguous: Korean"),
        ("Asian", "no actor matches"),
        ("Korean War", "no actor matches"),
        ("Post Ministerial Conference", "no actor matches"),
        ("Regional Forum", "no actor matches"),
    ],
    "004": [
        ("Asia-Pacific", "no actor matches"),
        ("Resolutions", "no actor matches"),
        ("P-8A Poseidon", "no actor matches"),
    ],
}


@pytest.mark.parametrize("doc", sorted(UNRESOLVED))
def test_what_remains_unresolved_on_the_sources(doc: str) -> None:
    found = [(u.text, u.reason) for u in find_mentions(SEEDS[doc])[1]]
    assert found == UNRESOLVED[doc]


@pytest.mark.parametrize("doc", sorted(SEEDS))
def test_every_span_on_the_sources_quotes_the_text(doc: str) -> None:
    text = SEEDS[doc]
    mentions, unresolved = find_mentions(text)
    assert all(text[m.char_start : m.char_end] == m.text for m in mentions)
    assert all(text[u.char_start : u.char_end] == u.text for u in unresolved)
    assert all(m.sense in {"actor", "place"} for m in mentions)


# ------------------------------------------------------------------------------------------
# Keys and the curated table


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Kim Jong Il", "kim jongil"),
        ("Kim Jong-il", "kim jongil"),
        ("Kim Dae-Jung", "kim daejung"),
        ("Kim Dae-jung", "kim daejung"),
        ("Pak Ui Chun", "pak uichun"),
        ("Pak Ui-chun", "pak uichun"),
        ("Pak Ŭich'un", "pak uichun"),
        ("P'yongyang", "pyongyang"),
        ("P’yongyang", "pyongyang"),
        ("Kim\u00a0Jong\u2011il", "kim jongil"),
        ("U.N.", "un"),
        ("New Zealand", "new zealand"),
        ("", ""),
    ],
)
def test_alias_key(name: str, key: str) -> None:
    assert alias_key(name) == key


def test_keys_propose_but_curated_aliases_decide() -> None:
    assert alias_key("Park Ui-chun") != alias_key("Pak Ui-chun")
    mentions, unresolved = find_mentions("Park Ui-chun arrived in Manila.")
    # a person by the shape of the name, but not the curated Pak Ui-chun
    assert [m.actor_id for m in mentions] == ["person:park-ui-chun", "PHL"]
    assert unresolved == []


def test_an_unseen_spelling_with_a_curated_key_is_found() -> None:
    mention = _only("Kim Jong-Il inspected the artillery.", "Kim Jong-Il")
    assert mention.actor_id == "kim-jong-il"


def test_lowercase_words_do_not_match_capitalised_aliases() -> None:
    assert find_mentions("the north may agree, said an official from north korea.") == ([], [])


def test_tolerates_curly_apostrophes_and_non_breaking_spaces() -> None:
    text = "Officials in P’yongyang met Winston\u00a0Peters."
    assert [(m.actor_id, m.text) for m in find_mentions(text)[0]] == [
        ("PRK", "P’yongyang"),
        ("winston-peters", "Winston\u00a0Peters"),
    ]


def test_a_possessive_is_left_out_of_the_span() -> None:
    mention = _only(SEEDS["003"], "Pak Ui Chun")
    assert _only("North Korea’s leadership", "North Korea").char_end == len("North Korea")
    assert mention.actor_id == "pak-ui-chun"


def test_currency_prefixes_are_not_mentions() -> None:
    assert find_mentions("It has contributed NZ$1.4 million and US$2 million.") == ([], [])


# ------------------------------------------------------------------------------------------
# Bare "Korea"


def test_bare_korea_is_ambiguous_on_a_source_sentence() -> None:
    sentence = (
        "Relations between the two countries have been almost non-existent"
        " since the division of Korea."
    )
    mentions, unresolved = find_mentions(sentence)
    assert mentions == []
    assert unresolved == [
        UnresolvedName("Korea", sentence.index("Korea"), len(sentence) - 1, "ambiguous: Korea")
    ]


def test_bare_korea_is_ambiguous_but_longer_names_are_not() -> None:
    mentions, unresolved = find_mentions(
        "Korea was divided; North Korea and South Korea remain apart."
    )
    assert [m.actor_id for m in mentions] == ["PRK", "KOR"]
    assert [(u.text, u.reason) for u in unresolved] == [("Korea", "ambiguous: Korea")]


# ------------------------------------------------------------------------------------------
# Metonyms: actor or place


@pytest.mark.parametrize(
    ("doc", "sentence", "fragment", "sense"),
    [
        ("004", "Pyongyang, on Monday, demanded the countries", "Pyongyang", "actor"),
        ("004", "programmes after Pyongyang's condemnation", "Pyongyang", "actor"),
        ("004", "programme and travelled to Pyongyang", "Pyongyang", "place"),
        ("000", "Winston Peters visited Pyongyang on November 20", "Pyongyang", "place"),
        ("003", "Foreign Minister Song Min-Soon in Seoul today", "Seoul", "place"),
        ("002", "engagement with the North since its establishment", "the North", "actor"),
        ("002", "development initiatives in the North", "the North", "place"),
        ("001", "New Zealand officials is to visit North Korea", "North Korea", "place"),
        ("001", "New Zealand officials is to visit North Korea", "New Zealand", "actor"),
    ],
)
def test_metonym_sense_on_source_sentences(
    doc: str, sentence: str, fragment: str, sense: str
) -> None:
    assert sentence in SEEDS[doc]
    assert _only(sentence, fragment).sense == sense


@pytest.mark.parametrize(
    ("sentence", "fragment", "actor_id", "sense"),
    [
        ("Tokyo protested the launch.", "Tokyo", "JPN", "actor"),
        ("The talks in Tokyo ended early.", "Tokyo", "JPN", "place"),
        ("Seoul and Washington agreed to meet.", "Washington", "USA", "actor"),
        ("The envoy flew to Beijing on Friday.", "Beijing", "CHN", "place"),
        ("Moscow has rejected the report.", "Moscow", "RUS", "actor"),
        ("A visit to Pyongyang, North Korea, followed.", "North Korea", "PRK", "place"),
    ],
)
def test_metonym_sense_on_sentences_written_here(
    sentence: str, fragment: str, actor_id: str, sense: str
) -> None:
    mention = _only(sentence, fragment)
    assert (mention.actor_id, mention.sense) == (actor_id, sense)


# ------------------------------------------------------------------------------------------
# Titles, back-references, elisions, unknown names


def test_titles_stay_out_of_the_span() -> None:
    sentence = (
        "the DPRK include Rev Dr Stuart Vogel of the Presbyterian Church of Aotearoa-New Zealand"
    )
    assert sentence in SEEDS["000"]
    assert _only(sentence, "Stuart Vogel").actor_id == "stuart-vogel"
    assert _only("Foreign Minister Winston Peters said", "Winston Peters").alias_type == "canonical"


@pytest.mark.parametrize(
    ("doc", "fragment", "actor_id", "alias_type"),
    [
        ("001", "Goff", "phil-goff", "title_form"),
        ("002", "Lim", "lim-dong-won", "title_form"),
        ("003", "Roh", "roh-moo-hyun", "title_form"),
        ("004", "Peters", "winston-peters", "back_reference"),
        ("000", "Clark", "helen-clark", "back_reference"),
        ("000", "Dickie", "karim-dickie", "back_reference"),
        ("000", "the Society", "nz-dprk-society", "back_reference"),
        ("004", "the Ministry", "mfat", "back_reference"),
    ],
)
def test_back_references_on_the_sources(
    doc: str, fragment: str, actor_id: str, alias_type: str
) -> None:
    found = {(m.actor_id, m.alias_type) for m in find_mentions(SEEDS[doc])[0] if m.text == fragment}
    assert found == {(actor_id, alias_type)}


def test_a_family_name_shared_by_two_people_named_earlier_is_ambiguous() -> None:
    text = "Kim Dae-jung met Kim Jong Il in June 2000. Mr Kim said the summit was historic."
    mentions, unresolved = find_mentions(text)
    assert [m.actor_id for m in mentions] == ["kim-dae-jung", "kim-jong-il"]
    assert unresolved == [
        UnresolvedName("Kim", text.index("Kim said"), text.index(" said"), "ambiguous")
    ]


def test_a_family_name_needs_an_antecedent_in_the_same_text() -> None:
    mentions, unresolved = find_mentions("The meeting went well, Peters said.")
    assert mentions == []
    assert [(u.text, u.reason) for u in unresolved] == [("Peters", "no antecedent")]


def test_a_titled_family_name_without_antecedent_is_a_person_of_its_own() -> None:
    text = "The meeting went well, Mr Peters said."
    assert find_mentions(text) == (
        [Mention("person:peters", "Peters", 26, 32, "title_form", "actor", "person")],
        [],
    )


def test_a_family_name_inside_a_longer_unknown_name_is_not_a_back_reference() -> None:
    mentions, unresolved = find_mentions("Winston Peters met Tim Peters in Auckland.")
    assert [m.actor_id for m in mentions] == ["winston-peters"]
    assert [u.text for u in unresolved] == ["Tim Peters", "Auckland"]


def test_an_elided_name_borrows_the_rest_of_the_next_name() -> None:
    sentence = "North and South Korea will resume dialogue"
    assert sentence in SEEDS["002"]
    assert [(m.text, m.actor_id) for m in find_mentions(sentence)[0]] == [
        ("North", "PRK"),
        ("South Korea", "KOR"),
    ]


def test_demonyms_count_as_mentions_of_their_state() -> None:
    mention = _only("It comes as North Korean leader Kim Jong Un inspected", "North Korean")
    assert (mention.actor_id, mention.alias_type, mention.sense) == ("PRK", "demonym", "actor")


def test_unknown_names_are_reported_not_dropped() -> None:
    text = (
        "Foreign Minister Hone Tawhiti, of Aroha Island, met Winston Peters"
        " in Wellington on Monday."
    )
    mentions, unresolved = find_mentions(text)
    assert [(m.actor_id, m.sense) for m in mentions] == [
        ("person:hone-tawhiti", "actor"),
        ("winston-peters", "actor"),
        ("NZL", "place"),
    ]
    assert [(u.text, u.reason) for u in unresolved] == [("Aroha Island", "no actor matches")]


# ------------------------------------------------------------------------------------------
# Data integrity

KINDS = {"state", "person", "organisation", "government_body"}
ALIAS_TYPES = {
    "canonical",
    "spelling_variant",
    "abbreviation",
    "metonym",
    "title_form",
    "short_form",
    "demonym",
}
ROMANIZATIONS = {"dprk_official", "mr", "rr", "established", "unknown", "not_applicable"}


def _bounds(value: str) -> tuple[date, date]:
    """Earliest and latest day of an ISO date of day, month or year precision."""
    if re.fullmatch(r"\d{4}", value):
        return date(int(value), 1, 1), date(int(value), 12, 31)
    if re.fullmatch(r"\d{4}-\d{2}", value):
        year, month = map(int, value.split("-"))
        after = date(year + month // 12, month % 12 + 1, 1)
        return date(year, month, 1), date.fromordinal(after.toordinal() - 1)
    day = date.fromisoformat(value)
    assert value == day.isoformat()
    return day, day


def test_actor_rows() -> None:
    rows = actors()
    ids = [row["actor_id"] for row in rows]
    assert len(ids) == len(set(ids))
    assert ids == sorted(ids)
    for row in rows:
        assert row["actor_kind"] in KINDS, row
        assert row["verified"] in {"yes", "no"}, row
        assert re.fullmatch(r"(Q\d+)?", row["wikidata_qid"]), row
        assert row["canonical_name"].strip() == row["canonical_name"] != "", row
        if row["actor_kind"] != "state":
            assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", row["actor_id"]), row
        if row["country_code"]:
            assert pycountry.countries.get(alpha_3=row["country_code"]) is not None, row


def test_every_state_row_matches_pycountry() -> None:
    for row in actors():
        if row["actor_kind"] != "state":
            continue
        country = pycountry.countries.get(alpha_3=row["actor_id"])
        assert country is not None, row
        assert row["country_code"] == row["actor_id"]
        assert row["canonical_name"] in {country.name, getattr(country, "common_name", None)}, row
        assert country_name(row["actor_id"]) == row["canonical_name"]


def test_country_name() -> None:
    assert country_name("PRK") == "North Korea"
    assert country_name("nzl") == "New Zealand"
    with pytest.raises(KeyError, match="alpha-3"):
        country_name("XXX")


def test_alias_rows() -> None:
    rows = aliases()
    kinds = {row["actor_id"]: row["actor_kind"] for row in actors()}
    canonical = {row["actor_id"]: row["canonical_name"] for row in actors()}
    assert [row["actor_id"] for row in rows] == sorted(row["actor_id"] for row in rows)
    assert len({(row["actor_id"], row["alias"]) for row in rows}) == len(rows)
    for row in rows:
        assert row["actor_id"] in kinds, row
        assert row["alias_type"] in ALIAS_TYPES, row
        assert row["romanization"] in ROMANIZATIONS, row
        assert row["alias_key"] == alias_key(row["alias"]) != "", row
    for actor_id, name in canonical.items():
        assert [
            r["alias"] for r in rows if r["actor_id"] == actor_id and r["alias_type"] == "canonical"
        ] == [name]


def test_alias_keys_of_different_actors_never_collide() -> None:
    """Only back-reference short forms (a family name, "the Society") may be shared."""
    kinds = {row["actor_id"]: row["actor_kind"] for row in actors()}
    owners: dict[str, set[str]] = defaultdict(set)
    for row in aliases():
        backref = row["alias_type"] == "short_form" and (
            kinds[row["actor_id"]] == "person" or row["alias"].startswith("the ")
        )
        if not backref:
            owners[row["alias_key"]].add(row["actor_id"])
    assert {key: ids for key, ids in owners.items() if len(ids) > 1} == {}


def test_office_rows() -> None:
    kinds = {row["actor_id"]: row["actor_kind"] for row in actors()}
    ids = [row["actor_id"] for row in offices()]
    assert ids == sorted(ids)
    for row in offices():
        assert kinds.get(row["actor_id"]) == "person", row
        assert row["organisation_id"] in kinds, row
        assert row["verified"] in {"yes", "no"}, row
        assert row["office"], row
        if row["start"] and row["end"]:
            assert _bounds(row["start"])[0] <= _bounds(row["end"])[1], row
        else:
            for value in (row["start"], row["end"]):
                assert value == "" or _bounds(value), row


def test_new_zealand_foreign_ministers_since_1990_follow_each_other() -> None:
    terms = sorted(
        (row["start"], row["end"], row["actor_id"])
        for row in offices()
        if row["organisation_id"] == "NZL"
        and row["office"].startswith("Minister of Foreign Affairs")
    )
    for (_, end, _), (start, _, _) in itertools.pairwise(terms):
        assert _bounds(end)[0] <= _bounds(start)[1] and _bounds(start)[0] <= _bounds(end)[1]
    assert [a for *_, a in terms].count("winston-peters") == 3
    assert terms[-1][1:] == ("", "winston-peters")


def test_tables_are_returned_as_copies() -> None:
    actors()[0]["canonical_name"] = "changed"
    assert actors()[0]["canonical_name"] != "changed"


def test_importing_the_module_stays_light() -> None:
    code = "import sys, nzdprk.actors; sys.exit(bool({'pandas', 'pycountry'} & set(sys.modules)))"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


# ------------------------------------------------------------------------------------------
# Arbitrary text

_WORDS = ["Mr", "the", "and", "in", "visited", "said", "Korea", "Xy", "’s", "'s", "$", "-", "."]
_GAPS = [" ", " ", "\n", ",", "\u00a0", "(", ")", "“", "”"]
_PIECES = st.sampled_from([*sorted({row["alias"] for row in aliases()}), *_WORDS, *_GAPS])


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_arbitrary_text_never_raises_and_spans_quote_it(text: str) -> None:
    _assert_spans(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_text_made_of_aliases_never_raises_and_spans_quote_it(text: str) -> None:
    _assert_spans(text)


def _assert_spans(text: str) -> None:
    mentions, unresolved = find_mentions(text)
    for item in [*mentions, *unresolved]:
        assert 0 <= item.char_start < item.char_end <= len(text)
        assert text[item.char_start : item.char_end] == item.text
    starts = [m.char_start for m in mentions]
    assert starts == sorted(starts)
