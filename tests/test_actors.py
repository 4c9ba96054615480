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
# Persons found from general cues, curated or not

DEVSET = Path(__file__).parents[1] / ".." / "shared" / "devset" / "docs"


def _dev_line(name: str, fragment: str) -> str:
    """The line of a development-corpus document that contains ``fragment`` (skips if absent)."""
    path = DEVSET / name
    if not path.is_file():
        pytest.skip(f"the development corpus is not at {DEVSET}")
    return next(line for line in _body(path).split("\n") if fragment in line)


def _persons(text: str, persons: tuple[str, ...] = ()) -> list[tuple[str, int, int, str]]:
    """(text, char_start, char_end, actor_id) of every person mention."""
    return [
        (m.text, m.char_start, m.char_end, m.actor_id)
        for m in find_mentions(text, persons)[0]
        if m.kind == "person"
    ]


def _row(text: str, name: str, actor_id: str, after: int = 0) -> tuple[str, int, int, str]:
    start = text.index(name, after)
    return (name, start, start + len(name), actor_id)


@pytest.mark.parametrize(
    ("doc", "fragment", "names"),
    [
        # capitalised offices: the title stays out of the name ("State" too)
        (
            "h09_nz-in-the-loop-north-korea-test-2006.txt",
            "Secretary of State",
            [("Condoleezza Rice", "person:condoleezza-rice"), ("Winston Peters", "winston-peters")],
        ),
        # lowercase offices, with "of the ..." and a comma
        (
            "h03_new-zealand-south-korea-relations.txt",
            "deputy finance minister",
            [
                ("Lee Myung Bak", "person:lee-myung-bak"),
                ("Grant Robertson", "grant-robertson"),
                ("Koh Hyeong Kwon", "person:koh-hyeong-kwon"),
                ("Kang-Chang Hee", "person:kang-chang-hee"),
                ("John Key", "john-key"),
                ("David Carter", "person:david-carter"),
                ("John Key", "john-key"),
                ("Tim Groser", "person:tim-groser"),
            ],
        ),
        # attribution: "says X"
        (
            "h10_nz-aid-to-north-korea-oia-2017.txt",
            "says Jordan Williams",
            [("Jordan Williams", "person:jordan-williams")],
        ),
        # "President X" for a family name alone
        (
            "h08_peters-invitation-north-korea-2007.txt",
            "President Bush",
            [("Winston Peters", "winston-peters"), ("Bush", "person:bush")],
        ),
        # "the X administration"
        (
            "h11_orion-sanctions-deployment-2018.txt",
            "Trump administration",
            [("Trump", "person:trump")],
        ),
    ],
)
def test_persons_from_cues_on_the_development_corpus(
    doc: str, fragment: str, names: list[tuple[str, str]]
) -> None:
    line = _dev_line(doc, fragment)
    rows, after = [], 0
    for name, actor_id in names:
        rows.append(_row(line, name, actor_id, after))
        after = rows[-1][2]
    assert _persons(line) == rows


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (  # capitalised offices and hyphenated titles
            "UN Secretary-General Ban Ki-moon met Executive Director David Beasley and "
            "Ambassador Philip Turner.",
            [
                ("Ban Ki-moon", "person:ban-ki-moon"),
                ("David Beasley", "person:david-beasley"),
                ("Philip Turner", "person:philip-turner"),
            ],
        ),
        (  # lowercase offices, "of the ..." and a comma
            "He was greeted by trade minister Aroha Tane and the speaker of the fono, Sione Latu.",
            [("Aroha Tane", "person:aroha-tane"), ("Sione Latu", "person:sione-latu")],
        ),
        (  # attribution: "X said", "said X", "according to X"; Pacific and Maori names
            "Debbie Ngarewa-Packer said it mattered, said Anahila Kanongata'a-Suisuiki, "
            "according to Te Ururoa Flavell.",
            [
                ("Debbie Ngarewa-Packer", "person:debbie-ngarewa-packer"),
                ("Anahila Kanongata'a-Suisuiki", "person:anahila-kanongataa-suisuiki"),
                ("Te Ururoa Flavell", "person:te-ururoa-flavell"),
            ],
        ),
        (  # honorifics; a family name alone refers back to the one person named with it
            "Dr Hine Walker spoke first. Ms Walker then left, and Walker did not return.",
            [
                ("Hine Walker", "person:hine-walker"),
                ("Walker", "person:hine-walker"),
                ("Walker", "person:hine-walker"),
            ],
        ),
        (  # honorific without antecedent: a person of its own, not the curated Peters
            "Mr Peters and Mrs Jones arrived.",
            [("Peters", "person:peters"), ("Jones", "person:jones")],
        ),
        (  # "the X administration"
            "The Obama administration disagreed.",
            [("Obama", "person:obama")],
        ),
        (  # the name starts after the run's last title; apposition to a role
            "Labour MP Louisa Wall spoke to Simon Draper, director of the foundation.",
            [("Louisa Wall", "person:louisa-wall"), ("Simon Draper", "person:simon-draper")],
        ),
        (  # a copula after an office; the subject taken up by "He"; a role in its clause
            "The chairman is Tama Potaka. Hemi Rangi visited Seoul in May. He met officials. "
            "Mere Tipene arrived and became the first New Zealand journalist to film there.",
            [
                ("Tama Potaka", "person:tama-potaka"),
                ("Hemi Rangi", "person:hemi-rangi"),
                ("Mere Tipene", "person:mere-tipene"),
            ],
        ),
    ],
)
def test_persons_from_cues_on_sentences_written_here(
    text: str, names: list[tuple[str, str]]
) -> None:
    rows, after = [], 0
    for name, actor_id in names:
        rows.append(_row(text, name, actor_id, after))
        after = rows[-1][2]
    assert _persons(text) == rows


def _without_curated_persons(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the curated tables forget every person (states and bodies stay)."""
    import functools

    from nzdprk.actors import tables as module

    index = module._index()

    def forgetful() -> module._Index:
        def keep(table: dict[str, list]) -> dict[str, list]:
            kept = {k: [e for e in v if e.kind != "person"] for k, v in table.items()}
            return {k: v for k, v in kept.items() if v}

        return index._replace(direct=keep(index.direct), backref=keep(index.backref))

    monkeypatch.setattr(module, "_index", functools.cache(forgetful))


#: Curated persons of the sources that no general cue marks as persons: "established in
#: 1973 by Don Borrie and Wolf Rosenberg", "Benjamin Evans traveled with ...".
_NO_CUE = {"don-borrie", "wolf-rosenberg", "benjamin-evans"}


@pytest.mark.parametrize("doc", sorted(PERSONS))
def test_the_cues_alone_find_the_persons_of_the_sources(
    doc: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _without_curated_persons(monkeypatch)
    ministers = {"001": ("Phil Goff",), "002": ("Phil Goff",), "003": ("Winston Peters",)}
    mentions, _ = find_mentions(SEEDS[doc], ministers.get(doc, ()))
    found = {m.actor_id for m in mentions if m.kind == "person"}
    slugs = {a.removesuffix("-ccrfc") for a in PERSONS[doc] - _NO_CUE}
    assert found == {f"person:{a}" for a in slugs}


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("The Secretary is Peter Wilson.", "Peter Wilson"),  # a copula after an office
        (  # the subject taken up by "He" in the next sentence
            "In April 2012, Karim Dickie revisited Pyongyang under invite by the Korean Committee"
            " for Cultural Relations with Foreign Countries (CCRFC). He appeared",
            "Karim Dickie",
        ),
        (  # a role in its clause
            "In October 2005, Charlotte Glennie visited North Korea and became the first New"
            " Zealand journalist to film there officially.",
            "Charlotte Glennie",
        ),
    ],
)
def test_each_cue_alone_on_a_source_sentence(
    sentence: str, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert sentence in SEEDS["000"]
    _without_curated_persons(monkeypatch)
    from nzdprk.actors.keys import _slug

    assert _persons(sentence) == [_row(sentence, name, "person:" + _slug(name))]


def test_a_family_name_opening_a_sentence_refers_back_when_a_verb_follows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sentence = (
        "New Zealand Prime Minister Helen Clark urged the UN to bring its full weight to bear on"
        " North Korea after it announced it had conducted the underground nuclear test. Clark"
        " condemned the test"
    )
    assert sentence in SEEDS["000"]
    _without_curated_persons(monkeypatch)
    assert _persons(sentence) == [
        _row(sentence, "Helen Clark", "person:helen-clark"),
        _row(sentence, "Clark", "person:helen-clark", sentence.index(". Clark")),
    ]
    written = "Ambassador Hemi Rangi arrived. Rangi met officials. Rangi Street was closed."
    assert _persons(written) == [
        _row(written, "Hemi Rangi", "person:hemi-rangi"),
        _row(written, "Rangi", "person:hemi-rangi", 20),
    ]


def test_a_portfolio_after_a_title_is_not_a_name() -> None:
    text = "The Minister for Pacific Peoples said so, and the Secretary of Defence agreed."
    mentions, unresolved = find_mentions(text)
    assert mentions == []
    assert [u.text for u in unresolved] == ["Pacific Peoples"]


def test_korean_names_by_their_shape_on_the_development_corpus() -> None:
    line = _dev_line("h12_iaea-monitoring-contribution-2018.txt", "Kang Kyung-wha")
    assert ("Kang Kyung-wha", "person:kang-kyung-wha") in [(t, a) for t, _, _, a in _persons(line)]
    line = _dev_line("h03_new-zealand-south-korea-relations.txt", "Kang-Chang Hee")
    # with no cue before it, the shape alone makes it a person
    name = line[line.index("Kang-Chang Hee") :]
    assert _persons(name)[0] == ("Kang-Chang Hee", 0, 14, "person:kang-chang-hee")


def test_korean_names_by_their_shape_in_any_romanisation_and_hyphenation() -> None:
    text = "Ri Yong-ho met Choe Son Hui, Choe Son-hui, Choe Son-Hui and Kim Jong-Un."
    assert _persons(text) == [
        _row(text, "Ri Yong-ho", "person:ri-yong-ho"),
        _row(text, "Choe Son Hui", "person:choe-son-hui"),
        _row(text, "Choe Son-hui", "person:choe-son-hui"),
        _row(text, "Choe Son-Hui", "person:choe-son-hui"),
        _row(text, "Kim Jong-Un", "kim-jong-un"),  # curated: the alias table links it
    ]
    # a Korean family name is the first word: "Minister Ri" is Ri Yong-ho
    later = "Ri Yong-ho met them. Later Minister Ri left."
    assert _persons(later)[1] == ("Ri", 36, 38, "person:ri-yong-ho")


def test_a_family_name_refers_back_to_a_person_found_by_cues_on_the_development_corpus() -> None:
    line = _dev_line("h07_goff-japanese-visit-north-korea-2002.txt", "Prime Minister Junichiro")
    later = _dev_line("h07_goff-japanese-visit-north-korea-2002.txt", "Prime Minister Koizumi")
    text = line + "\n" + later
    koizumi = [(t, a) for t, _, _, a in _persons(text) if "Koizumi" in t]
    assert koizumi == [
        ("Junichiro Koizumi", "person:junichiro-koizumi"),
        ("Koizumi", "person:junichiro-koizumi"),
    ]
    line = _dev_line("h08_peters-invitation-north-korea-2007.txt", "counterpart Pak Vi Chun")
    later = _dev_line("h08_peters-invitation-north-korea-2007.txt", "Minister Pak")
    pak = [(t, a) for t, _, _, a in _persons(line + "\n" + later) if "Pak" in t]
    assert pak == [("Pak Vi Chun", "person:pak-vi-chun"), ("Pak", "person:pak-vi-chun")]


def test_a_family_name_shared_by_two_persons_found_by_cues_is_ambiguous() -> None:
    text = "Trade minister Tim Groser met Dr Kate Groser. Groser said little."
    mentions, unresolved = find_mentions(text)
    assert [m.text for m in mentions] == ["Tim Groser", "Kate Groser"]
    assert [(u.text, u.reason) for u in unresolved] == [("Groser", "ambiguous")]


def test_the_front_matter_ministers_are_antecedents_on_the_sources() -> None:
    sentence = (
        "\u201cI also welcome indications of North Korea\u2019s willingness to resume dialogue"
        " with the United States and Japan in the future,\u201d Mr Goff said."
    )
    assert sentence in SEEDS["002"]
    goff = _row(sentence, "Goff", "phil-goff")
    assert _persons(sentence, ("Phil Goff",)) == [goff]
    assert _persons(sentence) == [(*goff[:3], "person:goff")]  # alone, no antecedent


def test_the_front_matter_ministers_are_antecedents_on_the_development_corpus() -> None:
    line = _dev_line("h05_mccully-north-korea-missile-launch-2016.txt", "Mr McCully says")
    (row,) = [r for r in _persons(line, ("Murray McCully",)) if r[0] == "McCully"]
    assert row[3] == "murray-mccully"
    assert line[row[1] : row[2]] == "McCully"


def test_the_front_matter_ministers_are_persons_and_antecedents_even_uncurated() -> None:
    text = "\u201cWe will help,\u201d Mr Tane said. Aroha Tane visited Apia."
    assert _persons(text, ("Aroha Tane",)) == [
        _row(text, "Tane", "person:aroha-tane"),
        _row(text, "Aroha Tane", "person:aroha-tane"),
    ]


@pytest.mark.parametrize(
    ("doc", "fragment", "not_persons"),
    [
        ("h01_north-korea-uk-relations.txt", "has an Embassy in London", ["Embassy"]),
        ("h08_peters-invitation-north-korea-2007.txt", "February's", ["February"]),
        ("h10_nz-aid-to-north-korea-oia-2017.txt", "Save the Children", ["Save", "Children"]),
        ("h09_nz-in-the-loop-north-korea-test-2006.txt", "Secretary of State", ["State"]),
        ("h01_north-korea-uk-relations.txt", "Special Rapporteur", ["Rapporteur"]),
    ],
)
def test_words_that_are_not_persons_on_the_development_corpus(
    doc: str, fragment: str, not_persons: list[str]
) -> None:
    line = _dev_line(doc, fragment)
    found = [t for t, *_ in _persons(line)]
    assert not any(word in name for name in found for word in not_persons)


@pytest.mark.parametrize(
    "text",
    [
        "The Embassy said on Monday that talks would resume in February.",
        "Funds went to Maranatha Trust, Red Cross, Save the Children and Marama Global.",
        "The Prime Minister's Office said nothing, and the General Assembly met.",
        "Human Rights Watch said the camps had grown, as human rights groups feared.",
        "United States Secretary of State Condoleezza Rice spoke.",  # only "Condoleezza Rice"
        "The code at HEAD Jan 2026 and the Minister for Pacific Peoples agreed.",
        "Rules are general English patterns.",
    ],
)
def test_words_that_are_not_persons_on_sentences_written_here(text: str) -> None:
    found = [t for t, *_ in _persons(text)]
    assert found in ([], ["Condoleezza Rice"])


def test_an_organisation_defined_in_the_text_is_learnt_on_the_development_corpus() -> None:
    line = _dev_line("h07_goff-japanese-visit-north-korea-2002.txt", "(the Korean Peninsula")
    ids = {(m.text, m.actor_id) for m in find_mentions(line)[0]}
    assert ("KEDO", "kedo") in ids
    assert ("Korean Peninsula Energy Development Organisation", "kedo") in ids


def test_an_organisation_defined_in_the_text_is_learnt_for_that_text() -> None:
    text = "Leaders of the Pacific Islands Forum (PIF) met. Later PIF said no."
    org = "org:pacific-islands-forum"
    found = [(m.text, m.char_start, m.actor_id, m.kind) for m in find_mentions(text)[0]]
    assert found == [
        ("Pacific Islands Forum", 15, org, "organisation"),
        ("PIF", 38, org, "organisation"),
        ("PIF", 54, org, "organisation"),
    ]
    assert [m.actor_id for m in find_mentions("Later PIF said no.")[0]] == []
    # a defined term is not an organisation
    text = "Official Development Assistance (ODA) rose; ODA is aid."
    assert find_mentions(text)[0] == []
    # a state inside the name stays a mention of the state; the acronym is learnt
    text = "The New Zealand Defence Force (NZDF) sent a plane."
    assert [(m.text, m.actor_id) for m in find_mentions(text)[0]] == [
        ("New Zealand", "NZL"),
        ("NZDF", "org:new-zealand-defence-force"),
    ]


def test_mentions_and_actors_frames_carry_uncurated_persons(make_corpus) -> None:
    import nzdprk

    release = (
        "---\ntitle: Talks\ndate: 2019-05-10\nministers:\n  - Aroha Tane\n---\n\n"
        "Foreign Minister Aroha Tane met Foreign Minister Ri Yong-ho in Apia.\n\n"
        "\u201cWe spoke at length,\u201d Mr Tane said.\n"
    )
    corpus = nzdprk.load_corpus(make_corpus({"talks.txt": release}))
    m = corpus.mentions
    people = m[m["kind"] == "person"]
    assert people[["text", "actor_id"]].values.tolist() == [
        ["Aroha Tane", "person:aroha-tane"],
        ["Ri Yong-ho", "person:ri-yong-ho"],
        ["Tane", "person:aroha-tane"],
    ]
    a = corpus.actors.set_index("actor_id")
    assert set(m["actor_id"]) <= set(a.index)
    assert a.loc["person:aroha-tane", ["actor_kind", "canonical_name", "curated"]].tolist() == [
        "person",
        "Aroha Tane",
        False,
    ]
    assert a.loc["person:aroha-tane", "n_mentions"] == 2
    assert bool(a.loc["winston-peters", "curated"])
    # the minister is the voice of the release's quotations
    assert set(corpus.events["attributed_to"].dropna()) <= {"person:aroha-tane"}


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


_NAMEISH = st.sampled_from(
    ["Mr", "Dr", "President", "Secretary", "of", "State", "minister", "said", "says",
     "according", "to", "administration", "Kim", "Jong", "Un", "Ri", "Yong", "ho", "Hine",
     "Walker", "Ngarewa", "Packer", "Embassy", "February", "Save", "Children", "(PIF)",
     "Pacific", "Islands", "Forum", "PIF", "Peters"]
)  # fmt: skip
_CUES = st.lists(st.one_of(_NAMEISH, st.sampled_from([" ", " ", "-", ", ", ". ", "\n"])))


@settings(max_examples=300, deadline=None)
@given(_CUES.map("".join), st.lists(st.sampled_from(["Hine Walker", "Aroha Tane"]), max_size=2))
def test_text_made_of_cues_never_raises_and_spans_quote_it(text: str, persons: list[str]) -> None:
    _assert_spans(text, tuple(persons))


def _assert_spans(text: str, persons: tuple[str, ...] = ()) -> None:
    mentions, unresolved = find_mentions(text, persons)
    for item in [*mentions, *unresolved]:
        assert 0 <= item.char_start < item.char_end <= len(text)
        assert text[item.char_start : item.char_end] == item.text
    starts = [m.char_start for m in mentions]
    assert starts == sorted(starts)
    spans = sorted((i.char_start, i.char_end) for i in [*mentions, *unresolved])
    assert all(end <= start for (_, end), (start, _) in itertools.pairwise(spans))  # no overlap
