"""Grammar, not facts: word lists, tokens and name shapes the rules read (the facts are in
the CSV files)."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import NamedTuple

from .. import curated
from .keys import _HYPHENS, _TOKEN, _Piece, _piece, _possessive_piece, alias_key

#: How far back a single word is looked for: longer than any title or initial before a full
#: stop ("Ambassador.", "J.").
WORD_REACH = 20


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_TITLES = _words(
    """Mr Mrs Ms Miss Mx Dr Rev Revd Reverend Prof Professor Sir Dame Hon Honourable Rt Right
    Lord Lady King Queen Prince Princess President Vice Premier Prime Deputy Minister Ministers
    Foreign Affairs Trade Defence Defense Justice Finance Unification Associate Acting Former
    Secretary General Chair Chairman Chairwoman Chairperson Director Presidential Special Envoy
    Ambassador Consul Leader Supreme Presidium Member Spokesperson Spokesman Spokeswoman
    Senator Governor Mayor Chancellor Chief Head Marshal General Admiral Commander Colonel
    Captain Lieutenant Major Sergeant"""
)
_ORDINARY = _words(
    """The A An This That These Those In On At For From By With Without As After Before During
    Since Until When While If But And Or Nor So Yet Of To Into Over Under About Among Between
    Both Each Every Some Many Most All Any No Not Only Also However Instead Similarly Meanwhile
    Although Though Because Further Other Others Such There Here Then Thus Yesterday Today
    Tomorrow Tonight According I He She It We They You His Her Its Our Their My Your Who What
    Which Why How Where NGO NGOs January February March April May June July August September
    October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday"""
)
_CONNECTORS = _words("of for de du da von van der den la le al bin")
_PLACE_BEFORE = _words(
    """in at near inside within across throughout around via into from outside
    visit visits visited visiting revisit revisits revisited revisiting tour tours toured
    touring reach reaches reached reaching enter enters entered entering leave leaves left
    leaving capture captures captured capturing recapture recaptures recaptured recapturing"""
)
_MOTION = _words(
    """visit visits visited visiting revisit revisited trip trips travel travels travelled
    traveled travelling traveling went go goes going gone flew fly flies flown return returns
    returned returning journey journeyed came come comes moved move sent send deployed deploy
    delegation delegations mission headed arrived arrive"""
)
_ACTOR_BEFORE = _words("with against by between told urged pressed warned")
_ACTOR_VERB_STEMS = _words(
    "say announce demand protest condemn reject warn accuse threaten agree refuse deny respond "
    "reply insist urge call claim state declare criticise criticize welcome vow pledge argue "
    "want launch test fire conduct sign propose offer decide plan hope expect accept approve "
    "recall expel summon issue release order retaliate complain blame dismiss acknowledge "
    "confirm seek"
)
_ACTOR_VERB_EXTRA = _words(
    "said sought has have had will would could should must may might can cannot did does"
)
_COMPASS = re.compile(
    r"\b(?:north|south|east|west|northeast|northwest|southeast|southwest)\s+of\s+$"
)


@cache
def _actor_verbs() -> frozenset[str]:
    """Inflected forms of verbs of saying/acting that mark a metonym as an acting subject."""
    forms = set(_ACTOR_VERB_EXTRA)
    for stem in _ACTOR_VERB_STEMS:
        forms.add(stem)
        if stem.endswith("y") and stem[-2] not in "aeiou":
            forms.update({stem[:-1] + "ies", stem[:-1] + "ied", stem + "ing"})
        elif stem.endswith("e"):
            forms.update({stem + "s", stem + "d", stem[:-1] + "ing"})
        else:
            forms.update({stem + "s", stem + "ed", stem + "ing"})
    return frozenset(forms)


# ------------------------------------------------------------------------------------------
# Index built from the tables


_APOSTROPHES = "'’‘ʼ"
_HYPHEN_CHARS = "-\u2010\u2011"


class _TokFields(NamedTuple):
    start: int
    end: int
    stem_end: int  # end without a possessive 's
    usable: bool  # False for NZ$ (currency) and Locator.png (file/URL part)
    word: str  # text[start:end]
    piece: _Piece | None  # its part of an alias key (see keys._piece)


class _Tok(_TokFields):
    """A word of the text. Made from one tuple of its fields, ``_Tok((start, end, ...))``, by
    ``tuple.__new__`` (in C) rather than the Python ``__new__`` of a NamedTuple, which takes
    a sixth of the time of reading a text's words: a text has thousands of them."""

    __slots__ = ()
    __new__ = tuple.__new__

    def __getnewargs__(self) -> tuple[tuple]:
        """What ``__new__`` takes, so that copies and pickles are made as tokens are."""
        return (tuple(self),)


#: What makes the word before it unusable: "NZ$" (a currency), "Locator.png" (a file name).
_UNUSABLE_AFTER = re.compile(r"\$|\.(?=[a-z])")


def _tokens(text: str) -> list[_Tok]:
    """The text's words, read once and shared by every step of the finder."""
    unusable = {match.start() for match in _UNUSABLE_AFTER.finditer(text)}  # a few, if any
    out = []
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        word = match.group()
        if word[-1] == "s" and text[end - 2] in _APOSTROPHES:  # "Korea's"
            out.append(
                _Tok((start, end, end - 2, end not in unusable, word, _possessive_piece(word)))
            )
        else:
            out.append(_Tok((start, end, end, end not in unusable, word, _piece(word))))
    return out


def _joined(text: str, left: _Tok, right: _Tok) -> bool:
    """Whether one space (not a line break) or one hyphen stands between the two tokens."""
    if right.start - left.end != 1:
        return False
    between = text[left.end]
    return between in _HYPHEN_CHARS or (between != "\n" and between.isspace())


def _sentence_initial(text: str, pos: int) -> bool:
    """True at the start of the text, a line, or a sentence (after . ! ? : ;)."""
    i = pos - 1
    while i >= 0 and not text[i].isalnum():
        if text[i] in "!?:;\n…":
            return True
        if text[i] == ".":  # "Mr. Goff" and "J. Smith" do not start a sentence
            before = re.search(r"(\w+)$", text[max(0, i - WORD_REACH) : i])
            return not (before and (before.group(1) in _TITLES or len(before.group(1)) == 1))
        i -= 1
    return i < 0


def _name_like(word: str) -> bool:
    return word[:1].isupper() or (word[:1].isdigit() and any(c.isupper() for c in word))


_IN_PARENS = re.compile(r"[^\S\n]\(([A-Z][A-Z&]{1,7})\)")
_PARENS_AFTER = re.compile(r"([A-Z][A-Z&]{1,7})[^\S\n]\((?:the[^\S\n]+)?")
_NAME_CONNECTORS = _words("of for and the on de")
_TITLE_CONNECTORS = _words("of for the")  # "Secretary of State", "Speaker of the House"
#: Words that lead a title but are not titles themselves ("Executive Director").
_TITLE_MODIFIERS = _words("Executive Senior Permanent Assistant Under First High Special Vice")


#: Role nouns that stand before a person's name ("deputy finance minister Koh Hyeong Kwon").
_ROLES = (
    "president|minister|secretary|secretary-general|director|ambassador|envoy|chair|chairman|"
    "chairwoman|chairperson|speaker|leader|premier|chancellor|governor|mayor|senator|"
    "counterpart|spokesperson|spokesman|spokeswoman|commissioner|representative|rapporteur|"
    "king|queen|prince|princess|marshal|admiral|commander|colonel|captain|"
    "lieutenant|officer|professor|judge|diplomat|journalist|reporter|correspondent|"
    "activist|historian|academic|lawyer|economist|analyst|researcher|author|mp|lawmaker|"
    "consul|coordinator|administrator|founder|mr|mrs|ms|dr|sir|dame|student|teacher|doctor|"
    "nurse|farmer|scientist|agriculturalist|engineer|businessman|businesswoman|entrepreneur|"
    "artist|writer|poet|photographer|filmmaker|producer|singer|musician|athlete|coach|priest|"
    "bishop|pastor|missionary|volunteer|soldier|veteran|defector|co-founder|co-leader|nuncio"
)
_TITLE_BEFORE = re.compile(
    rf"\b(?:{_ROLES})s?\.?(?:[^\S\n]+(?:of|for)(?:[^\S\n]+the)?(?:[^\S\n]+[A-Za-z]+){{1,3}}?)?"
    r"(?:,|[^\S\n]+(?:is|was))?[^\S\n]+\Z",  # "minister, X", "The Secretary is X"
    re.IGNORECASE,
)
#: Verbs of saying, from the one cue table (``data/cues.csv``, kind ``speech``); single words
#: only, so that a name before "according to" is not taken for a speaker.
_SPEECH = "|".join(
    r["pattern"]
    for r in curated.table("cues.csv")
    if r["kind"] == "speech" and " " not in r["pattern"]
)
_SAID_AFTER = re.compile(
    rf",?[^\S\n]+(?:{_SPEECH})\b"  # "X said"
    rf"|,[^\S\n]+(?:the[^\S\n]+|an?[^\S\n]+)?(?:[A-Za-z-]+[^\S\n]+){{0,2}}?(?:{_ROLES})\b",
    re.IGNORECASE,
)  # or an apposition: "X, executive director of ..."
_SAID_BEFORE = re.compile(rf"\b(?:{_SPEECH}|according[^\S\n]+to)[^\S\n]+\Z", re.IGNORECASE)
_ADMINISTRATION = re.compile(r"[^\S\n]+(?:administration|presidency)\b", re.IGNORECASE)
_THE_BEFORE = re.compile(r"\bthe[^\S\n]+\Z", re.IGNORECASE)

#: Words that make a capitalised run the name of a body, a place or a thing, not a person.
_NOT_PERSON = _words(
    """Organisation Organization Agency Council Committee Commission Society Trust Fund
    Foundation Association Union Party Bank Cross Crescent Programme Program Forum Institute
    University College School Ministry Department Office Government Parliament Assembly
    Congress Senate Court Service Services Force Forces Army Navy Corps Command Company
    Corporation Group Ltd Limited Inc News Herald Times Post Press Network Radio Television
    Embassy Embassies Consulate Mission Centre Center Club League Alliance Coalition
    Federation Conference Summit Talks Treaty Agreement Accord Act Resolution Resolutions
    Declaration Initiative Project Farm Global International National Regional World
    Children Peninsula War Island Islands River Sea Ocean Strait City Province Street Base
    Hall House Airport Port Zone Mount Lake Cape Fort Bay Valley Square Bridge Tower Palace
    Stadium Station Road Avenue Area Region State States Republic Kingdom Empire Axis Evil
    Rights Watch Aid Relief Championships Cup Games Day Eve Year Parallel Poll Museum Library
    Church Hospital Police Guard Guards Authority Bureau Board Cabinet Secretariat Media
    Newspaper Daily Weekly Magazine Journal Review Online Sinmun Ilbo Shimbun Shinbun
    Administration Presidency Affairs Trade Defence Defense Finance Justice Foreign
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"""
)
#: The last word of an organisation's name ("... Development Organisation (KEDO)").
_ORG_HEADS = _words(
    """Organisation Organization Agency Council Committee Commission Society Trust Fund
    Foundation Association Union Party Bank Cross Crescent Programme Program Forum Institute
    University College School Ministry Department Office Government Parliament Assembly
    Congress Senate Court Service Services Force Forces Army Navy Corps Command Company
    Corporation Group Network Centre Center Club League Alliance Coalition Federation Mission
    Authority Bureau Board Cabinet Secretariat Police Embassy Consulate"""
)

#: Korean family names as romanised (a closed class, like the titles above).
_KOREAN_FAMILY = _words(
    """Kim Gim Lee Yi Rhee Ri Rhie Park Pak Bak Choi Choe Jung Jeong Chung Chong Kang Gang Cho
    Jo Yoon Yun Jang Chang Lim Im Rim Han Oh Seo Suh Shin Sin Kwon Gwon Hwang Ahn An Song Jeon
    Jun Chon Hong Ko Koh Go Moon Mun Yang Son Sohn Bae Pae Baek Paek Paik Heo Hur Ho Yoo Yu
    Ryu Nam Noh Roh No Ha Kwak Sung Seong Cha Joo Ju Woo Min Ban Chun Jin Won Hyun Hyon Byun
    Pyon Ryang Yeo Chae Kil Gil Tak Pyo Ok Kye Ri Sim Shim Um Eom Wi Yeom Yom"""
)
_SYLLABLE = re.compile(
    r"(?:ch|kk|tt|pp|ss|jj|sh|[bcdfghjklmnprstvwy])?"
    r"(?:yeo|wae|ae|eo|eu|oe|ui|ee|oo|ou|ya|yo|yu|ye|wa|we|wi|wo|ai|ei|oi|a|e|i|o|u)"
    r"(?:ng|n|m|k|l|p|t|r|g|b)?",
    re.IGNORECASE,
)


_ROLE_WORDS = frozenset(_ROLES.split("|"))


def _not_a_name(word: str) -> bool:
    """A title, role, acronym or word of a body's name, never part of a person's name."""
    return (
        word in _NOT_PERSON
        or word in _TITLES
        or _is_title(word)
        or (len(word) > 1 and word.isupper())
    )


@lru_cache(maxsize=16384)
def _is_title(word: str) -> bool:
    """ "Minister", "minister", "MP"; not an acronym that spells a title word ("HEAD").
    Cached, like the other tests of one word or name below: they recur in every text."""
    if word.isupper() and len(word) > 2:
        return False
    return word.capitalize() in _TITLES or word in _TITLE_MODIFIERS or word.lower() in _ROLE_WORDS


@lru_cache(maxsize=16384)
def _korean(name: str) -> bool:
    """A Korean name's shape: a family name and a two-syllable given name, written
    "Kim Jong-un", "Kim Jong Un", "Kim Jong-Un" or "Kang-Chang Hee"."""
    pieces = _HYPHENS.split(" ".join(name.split()).replace(" ", "-"))
    return (
        len(pieces) == 3
        and pieces[0] in _KOREAN_FAMILY
        and pieces[1][:1].isupper()
        and all(_SYLLABLE.fullmatch(p) for p in pieces[1:])
    )


@lru_cache(maxsize=16384)
def _family(name: str) -> frozenset[str]:
    """Keys a bare family name may use to refer back to ``name``: the first word of a Korean
    name, the last word of any other."""
    words = name.split()
    if _korean(name):
        return frozenset({alias_key(_HYPHENS.split(words[0])[0])})
    return frozenset({alias_key(words[-1])})
