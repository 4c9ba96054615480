"""Which dollar a bare "$" means in a document: the one of the country that publishes it.

A "$" with no letters before it is the local dollar of whoever wrote the text, so it is read
only when the document itself says who that is, and always flagged as assumed, with the
evidence in words:

* the front-matter ``url`` (else the catalogue's origin URL) is on a country's domain
  (``beehive.govt.nz``, ``scoop.co.nz``: New Zealand; ``.gov``: the United States);
* the publisher (from the corpus catalogue, else the front matter's ``publisher``) names one
  country ("New Zealand Government", "Radio New Zealand");
* every minister in a release's front matter is a curated person of one country;
* a news item opens on a country (the first state, or curated person of a state, that its
  first sentence names) and names a curated person of that country (a minister quoted at
  home).

When the pieces of evidence name different countries, or none names a dollar country, the
currency stays empty. The opening of an encyclopedia article says what it is about, not who
wrote it, so only its url or publisher can give it a home country (an encyclopedia on a
``.govt.nz`` site, not Wikipedia).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from .actors import Mention, country_name, find_mentions
from .read import Document

__all__ = ["HomeCurrency", "home_currency"]

#: Countries whose currency is written "$", with their ISO 4217 code.
_DOLLAR_COUNTRIES = {
    "NZL": "NZD",
    "AUS": "AUD",
    "USA": "USD",
    "CAN": "CAD",
    "SGP": "SGD",
    "HKG": "HKD",
}
#: Internet domains that name those countries (the last label of the host name).
_DOMAINS = {"nz": "NZL", "au": "AUS", "ca": "CAN", "sg": "SGP", "hk": "HKG", "gov": "USA"}


@dataclass(frozen=True, slots=True)
class HomeCurrency:
    """The currency a bare "$" takes in one document, and why."""

    code: str  # ISO 4217
    country: str  # ISO 3166-1 alpha-3 of the publishing country
    reason: str  # the evidence, in words


def home_currency(
    doc: Document,
    mentions: list[Mention],
    first_sentence_end: int,
    country_of: dict[str, str],
    kind_of: dict[str, str],
) -> HomeCurrency | None:
    """The document's home currency from its own evidence; None when it does not say.

    ``country_of`` and ``kind_of`` give each curated actor's country and kind;
    ``first_sentence_end`` is where the first prose sentence ends.
    """
    evidence = [
        e
        for e in (
            _from_url(doc.url),
            _from_publisher(
                doc.publisher or doc.front_matter.get("publisher"), country_of, kind_of
            ),
            _from_ministers(doc.ministers, country_of) if doc.doc_type == "press_release" else None,
            _from_news_lede(mentions, first_sentence_end, country_of, kind_of)
            if doc.doc_type == "news_article"
            else None,
        )
        if e is not None
    ]
    countries = {country for country, _ in evidence}
    if len(countries) != 1:
        return None
    (country,) = countries
    code = _DOLLAR_COUNTRIES.get(country)
    if code is None:
        return None
    because = "; ".join(why for _, why in evidence)
    return HomeCurrency(code, country, f"bare $ read as {code}: {because}")


def _name(country: str) -> str:
    """The country's English name, or its code when pycountry does not know it."""
    try:
        return country_name(country)
    except KeyError:
        return country


def _from_url(url: str | None) -> tuple[str, str] | None:
    """The country of the url's domain, if it names one."""
    host = (urlsplit(url).hostname or "") if url else ""
    country = _DOMAINS.get(host.rsplit(".", 1)[-1].lower()) if host else None
    if country is None:
        return None
    return country, f"published at {host}, a domain of {_name(country)}"


def _from_publisher(
    publisher: object, country_of: dict[str, str], kind_of: dict[str, str]
) -> tuple[str, str] | None:
    """The one country a front-matter publisher's name names (a state or its government)."""
    if not isinstance(publisher, str):
        return None
    found, _ = find_mentions(publisher)
    states = {
        m.actor_id if kind_of.get(m.actor_id) == "state" else country_of.get(m.actor_id)
        for m in found
        if kind_of.get(m.actor_id) in ("state", "government_body")
    }
    if len(states) != 1 or None in states:
        return None
    (country,) = states
    return country, f"published by {publisher.strip()}, of {_name(country)}"


def _from_ministers(
    ministers: tuple[str, ...], country_of: dict[str, str]
) -> tuple[str, str] | None:
    """The one country of every front-matter minister (each a curated person)."""
    countries = set()
    for name in ministers:
        found, _ = find_mentions(name)
        ids = {m.actor_id for m in found if m.text == name.strip()}
        countries |= {country_of.get(i) for i in ids} or {None}
    if len(countries) != 1 or None in countries:
        return None
    (country,) = countries
    names = " and ".join(ministers)
    return country, f"a release by {_name(country)} minister {names}"


def _from_news_lede(
    mentions: list[Mention],
    first_sentence_end: int,
    country_of: dict[str, str],
    kind_of: dict[str, str],
) -> tuple[str, str] | None:
    """The country a news item opens on (the first state, or person of a state, its first
    sentence names), when the item also names a person of that country."""

    def country(m: Mention) -> str | None:
        kind = kind_of.get(m.actor_id)
        return m.actor_id if kind == "state" else country_of.get(m.actor_id)

    ordered = sorted(mentions, key=lambda m: m.char_start)
    opening = next((m for m in ordered if m.char_start < first_sentence_end and country(m)), None)
    if opening is None:
        return None
    home = country(opening)
    person = next(
        (m for m in ordered if kind_of.get(m.actor_id) == "person" and country(m) == home),
        None,
    )
    if home is None or person is None:
        return None
    return home, (
        f"a news item that opens on {opening.text} and names {_name(home)}'s {person.text}"
    )
