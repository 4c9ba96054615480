"""Actors of NZ–DPRK relations and a rule-based finder of their mentions in text.

The curated facts (who exists, how they are spelled, which offices they held) live in
``nzdprk/data/actors.csv``, ``actor_aliases.csv`` and ``offices.csv``; they are read once and
cached. They give canonical names, country codes and aliases across romanisations, but they
are not the gate for being found: persons and organisations a text itself marks as such are
found too, with ids derived from their names. This package holds only general rules, so it
works on texts nobody has seen. Its modules: ``keys`` (romanisation-insensitive keys),
``tables`` (the curated tables and the alias index built from them once), ``words`` (word
lists and tokens), ``finder`` (:func:`find_mentions`) and ``names`` (names no alias gives).

How :func:`find_mentions` reads a text, in order:

1. **Aliases.** Every run of up to *n* words (joined by one space or hyphen) whose
   :func:`alias_key` equals the key of a curated alias is a candidate; the longest candidate
   wins. Capitals matter where the alias has them (first letter, first letter of the given
   name, acronyms), so "may" or "the north" never match "May" or "the North"; apostrophes,
   non-breaking spaces, breves and hyphen/space variants do not ("Kim Jong-Il" is Kim Jong Il).
   A trailing possessive ('s) is left out of the span; a word glued to "$" (NZ$) is a
   currency, not a name.
2. **Elided names.** In "North and South Korea" the bare "North" is read as "North Korea".
3. **Organisations defined in the text.** "the Pacific Islands Forum (PIF)" or "KEDO (the
   Korean Peninsula Energy Development Organisation ...)", where the acronym spells the
   name's initials, make the name and every use of the acronym one actor for that text: the
   curated one when either form is curated, else ``org:`` + the folded name.
4. **Back-references.** A person's family name ("Peters", "Mr Goff", "President Roh") or a
   definite short form ("the Society", "the Ministry") resolves only if exactly one actor with
   that short form was named in full earlier in the same text, or is one of the ``persons``
   known beforehand (a release's ministers); with several it is ambiguous.
5. **Persons from cues.** A run of capitalised words is a person's name when a title or
   office stands before it ("Foreign Minister", "deputy finance minister", "speaker of the
   national assembly", "Mr", "Dr", "UN Secretary-General"), when it is said to speak ("X
   said", "said X", "according to X"), stands in apposition to a role ("X, executive
   director of"), is the subject taken up by "He"/"She" in the next sentence or called a
   role in its clause, precedes "administration", has the shape of a Korean name (a Korean
   family name and a two-syllable given name, however hyphenated: "Kim Jong-un", "Kim Jong
   Un", "Kang-Chang Hee"), is a known person, or was found by a cue elsewhere in the text.
   Titles stay out of the name ("Secretary of State Condoleezza Rice" gives "Condoleezza
   Rice"); words of bodies and places ("Embassy", "Trust", "Children", "State"), months and
   acronyms never make a person, nor does a name after "the" or, on attribution alone, one
   whose later words the text uses as common words ("Human Rights Watch"). A person not in
   the tables gets the id ``person:`` + the folded name ("person:kim-yo-jong", the same for
   every hyphenation); a bare family name after a title or later in the text refers back to
   the one person named earlier with it (the first word of a Korean name, the last of
   others), else it is a person of its own ("Mr Peters" alone is ``person:peters``).
6. **Everything else that looks like a name** (capitalised words not at the start of a
   sentence, or several capitalised words anywhere) is reported as an :class:`UnresolvedName`,
   never silently dropped. A bare word that ends the names of several states ("Korea",
   "Korean") is reported as ambiguous.

Decisions: spans cover the name only, never a title ("Foreign Minister Winston Peters" gives
"Winston Peters"; "Mr Goff" gives "Goff" with ``alias_type="title_form"``). For actors not in
the tables a full name is ``canonical``, a family name alone ``short_form`` (or
``title_form``/``back_reference``). Demonyms ("North Korean", "New Zealanders") count as
mentions of their state (``alias_type="demonym"``). Capitals are metonyms of their state:
"Pyongyang demanded" is the DPRK acting, "in Pyongyang" is the same actor used as a place
(``sense="place"``). Places that stand for no actor (Pusan, Mansudae Assembly Hall, the DMZ)
are not in the tables and come back unresolved.
"""

from __future__ import annotations

from .finder import find_mentions
from .keys import alias_key
from .tables import Mention, UnresolvedName, actors, aliases, country_name, offices

__all__ = [
    "Mention",
    "UnresolvedName",
    "actors",
    "alias_key",
    "aliases",
    "country_name",
    "find_mentions",
    "offices",
]
