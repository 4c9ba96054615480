"""The amounts frame: every money amount with its currency and why, and aid rows pointing at it."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import nzdprk
from nzdprk.extract import actor_lookup
from nzdprk.home_currency import home_currency

# A sentence of a New Zealand Government release on food aid (dev set h06, 2008).
H06 = (
    "New Zealand will contribute an additional $500,000 towards United Nations efforts to "
    "address food shortages in North Korea, Foreign Minister Winston Peters announced today."
)
# The opening of a New Zealand news item (dev set h10, 2017) and a later sentence, shortened.
H10 = (
    "New Zealand gave about $215,000 of aid to North Korea between 2008 and 2016 via a fund "
    "administered by its embassy in Seoul.\n"
    "Foreign Affairs Minister Gerry Brownlee said the funding was stopped last year.\n"
)


def release(
    body: str, *, url: str | None = None, minister: str = "Jane Doe", publisher: str | None = None
) -> str:
    """A press release with front matter, written for the tests."""
    link = f"url: {url}\n" if url else ""
    link += f"publisher: {publisher}\n" if publisher else ""
    return f"---\ntitle: Aid\ndate: 2015-03-06\n{link}ministers:\n  - {minister}\n---\n\n{body}\n"


def amounts(make_corpus, files: dict[str, str]) -> pd.DataFrame:
    """The amounts frame of a folder of written files."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", nzdprk.CorpusWarning)  # no catalogue: a warning only
        return nzdprk.load_corpus(make_corpus(files)).amounts


def currencies(frame: pd.DataFrame) -> list[tuple[str, object, bool, object]]:
    """Quote, currency, whether assumed, and why, of each row (None for an empty cell)."""
    return [
        (r.quote, None if pd.isna(r.currency) else r.currency, bool(r.currency_assumed),
         None if pd.isna(r.currency_reason) else r.currency_reason)
        for r in frame.itertuples()
    ]  # fmt: skip


def test_seed_amounts_are_the_three_aid_amounts_and_aid_rows_point_at_them(corpus) -> None:
    frame = corpus.amounts
    assert frame[["amount_id", "quote", "amount", "currency", "qualifier"]].values.tolist() == [
        ["000_e724febe7b462b24:a001", "almost NZD$8.5 million", 8.5e6, "NZD", "almost"],
        ["002_a9688cb631e8140e:a001", "NZ$1.4 million", 1.4e6, "NZD", "exact"],
        ["002_a9688cb631e8140e:a002", "NZ$4 million", 4e6, "NZD", "exact"],
    ]
    assert not frame["currency_assumed"].any()
    assert frame["multiplier"].tolist() == [10**6] * 3
    flows = corpus.aid_flows.dropna(subset=["amount"])
    joined = flows.merge(frame, on="amount_id", suffixes=("", "_amount"), validate="one_to_one")
    assert len(joined) == len(flows) == 3
    assert (joined["amount_text"] == joined["amount_text_amount"]).all()


def test_every_row_keeps_its_span(corpus) -> None:
    for r in corpus.amounts.itertuples():
        assert corpus.text(r.doc_id)[r.char_start : r.char_end] == r.quote
        assert r.quote.endswith(r.amount_text)


def test_exact_rows_out_of_a_written_news_item(make_corpus) -> None:
    text = (
        "New Zealand gave NZ$150,000 (US$100,000) to the World Food Programme in 2006, when "
        "5,000 troops, 240mm shells and the 1718 Committee were in the news.\n"
        "Seoul added 1.5 billion won and about £2m, up 12% on the year.\n"
    )
    frame = amounts(make_corpus, {"n1.txt": text})
    columns = ["amount_id", "amount_text", "amount", "currency", "qualifier", "multiplier"]
    assert frame[columns].values.tolist() == [
        ["n1:a001", "NZ$150,000", 150_000.0, "NZD", "exact", pd.NA],
        ["n1:a002", "US$100,000", 100_000.0, "USD", "exact", pd.NA],
        ["n1:a003", "1.5 billion won", 1.5e9, "KRW", "exact", 10**9],
        ["n1:a004", "£2m", 2e6, "GBP", "approximately", 10**6],
    ]
    assert frame["equivalent_of"].tolist() == [pd.NA, "n1:a001", pd.NA, pd.NA]
    assert frame["rule_id"].tolist() == [
        "money.symbol_number",
        "money.symbol_number",
        "money.number_multiplier_currency",
        "money.symbol_number_multiplier",
    ]
    assert frame["currency_assumed"].tolist() == [False, False, True, False]
    for r in frame.itertuples():
        assert text[r.char_start : r.char_end] == r.quote


# --- Which dollar a bare "$" is -----------------------------------------------------------------

NZ_DOMAIN = "bare $ read as NZD: published at www.scoop.co.nz, a domain of New Zealand"


def test_a_release_on_a_new_zealand_site_by_a_new_zealand_minister(make_corpus) -> None:
    frame = amounts(
        make_corpus,
        {
            "r.txt": release(
                H06, url="https://www.scoop.co.nz/stories/x.htm", minister="Winston Peters"
            )
        },
    )
    assert currencies(frame) == [
        ("$500,000", "NZD", True,
         f"{NZ_DOMAIN}; a release by New Zealand minister Winston Peters"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("url", "minister", "currency", "reason"),
    [
        ("https://www.beehive.govt.nz/release/aid", "Jane Doe", "NZD",
         "bare $ read as NZD: published at www.beehive.govt.nz, a domain of New Zealand"),
        (None, "Winston Peters", "NZD",
         "bare $ read as NZD: a release by New Zealand minister Winston Peters"),
        ("https://www.dfat.gov.au/news/aid", "Jane Doe", "AUD",
         "bare $ read as AUD: published at www.dfat.gov.au, a domain of Australia"),
        # no evidence of who publishes it: a minister alone says nothing
        (None, "Jane Doe", None, None),
        ("https://example.org/release", "Jane Doe", None, None),
        # the evidence disagrees: no currency rather than a guess
        ("https://www.dfat.gov.au/news/aid", "Winston Peters", None, None),
    ],
)  # fmt: skip
def test_a_written_release_takes_the_currency_its_evidence_gives(
    make_corpus, url: str | None, minister: str, currency: str | None, reason: str | None
) -> None:
    body = "The Government will give $2 million to the World Food Programme."
    frame = amounts(make_corpus, {"r.txt": release(body, url=url, minister=minister)})
    assert currencies(frame) == [("$2 million", currency, currency is not None, reason)]


def test_a_news_item_opening_on_new_zealand_and_naming_its_minister(make_corpus) -> None:
    frame = amounts(make_corpus, {"n.txt": H10})
    reason = (
        "bare $ read as NZD: a news item that opens on New Zealand and names New Zealand's "
        "Gerry Brownlee"
    )
    assert currencies(frame) == [("about $215,000", "NZD", True, reason)]


@pytest.mark.parametrize(
    ("publisher", "currency", "reason"),
    [
        ("New Zealand Government", "NZD",
         "bare $ read as NZD: published by New Zealand Government, of New Zealand"),
        ("Australian Government", "AUD",
         "bare $ read as AUD: published by Australian Government, of Australia"),
        ("Wire Service", None, None),
    ],
)  # fmt: skip
def test_a_front_matter_publisher_that_names_a_country(
    make_corpus, publisher: str, currency: str | None, reason: str | None
) -> None:
    body = "The Government will give $2 million to the World Food Programme."
    frame = amounts(make_corpus, {"r.txt": release(body, publisher=publisher)})
    assert currencies(frame) == [("$2 million", currency, currency is not None, reason)]


@pytest.mark.parametrize(
    ("row", "currency", "reason"),
    [
        ("news.txt,,New Zealand Government", "NZD",
         "bare $ read as NZD: published by New Zealand Government, of New Zealand"),
        ("news.txt,https://www.abc.net.au/news/1,unknown", "AUD",
         "bare $ read as AUD: published at www.abc.net.au, a domain of Australia"),
        ("news.txt,https://example.com/news/1,Wire Service", None, None),
    ],
)  # fmt: skip
def test_a_catalogue_publisher_or_origin_url_is_evidence(
    make_corpus, row: str, currency: str | None, reason: str | None
) -> None:
    files = {
        "catalogue.csv": f"file,origin_url,publisher\n{row}\n",
        "news.txt": "The agency needs $3 million to feed children this winter.\n",
    }
    assert currencies(amounts(make_corpus, files)) == [
        ("$3 million", currency, currency is not None, reason)
    ]


def test_one_gift_in_two_currencies_is_one_aid_row(make_corpus) -> None:
    body = (
        "New Zealand will give NZ$150,000 (US$100,000) in humanitarian aid to North Korea "
        "through the World Food Programme."
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", nzdprk.CorpusWarning)
        corpus = nzdprk.load_corpus(make_corpus({"r.txt": release(body)}))
    assert corpus.amounts[["amount_id", "amount_text", "equivalent_of"]].values.tolist() == [
        ["r:a001", "NZ$150,000", pd.NA],
        ["r:a002", "US$100,000", "r:a001"],
    ]
    columns = ["amount_id", "amount", "currency", "equivalent_amount", "equivalent_currency"]
    assert corpus.aid_flows[columns].values.tolist() == [
        ["r:a001", 150_000.0, "NZD", 100_000.0, "USD"]
    ]


def test_a_news_item_opening_on_a_new_zealand_minister(make_corpus) -> None:
    text = "Foreign Minister Winston Peters has announced $1.5 million for the IAEA.\n"
    reason = (
        "bare $ read as NZD: a news item that opens on Winston Peters and names New Zealand's "
        "Winston Peters"
    )
    assert currencies(amounts(make_corpus, {"n.txt": text})) == [
        ("$1.5 million", "NZD", True, reason)
    ]


@pytest.mark.parametrize(
    "text",
    [
        # written: opens on New Zealand but names nobody of New Zealand
        "New Zealand gave $30,000 a year to aid agencies.\nThe fund stopped in 2016.\n",
        # written: names a New Zealand minister but opens on another country
        "Australia gave $30,000 to aid agencies.\nWinston Peters said it was welcome.\n",
        # written: opens on nobody's country
        "A fund gave $30,000 to aid agencies.\nWinston Peters said it was welcome.\n",
    ],
)
def test_a_news_item_without_both_cues_keeps_a_bare_dollar_empty(make_corpus, text: str) -> None:
    ((_, currency, assumed, reason),) = currencies(amounts(make_corpus, {"n.txt": text}))
    assert (currency, assumed, reason) == (None, False, None)


def test_an_encyclopedia_article_is_not_read_as_a_news_item(make_corpus) -> None:
    text = (
        "= New Zealand–North Korea relations =\n\n"
        "New Zealand gave $30,000 in aid, Foreign Minister Winston Peters said.\n"
    )
    ((_, currency, assumed, _),) = currencies(amounts(make_corpus, {"w.txt": text}))
    assert (currency, assumed) == (None, False)


def test_the_home_currency_of_each_source(corpus) -> None:
    lookup = actor_lookup()
    found = {}
    for doc in corpus.docs:
        analysis = corpus._analysed[doc.doc_id]
        home = home_currency(
            doc, analysis.mentions, analysis.sentences[0][1], lookup.country, lookup.kind
        )
        found[doc.doc_id[:3]] = home and (home.code, home.reason)
    beehive = "published at www.beehive.govt.nz, a domain of New Zealand"
    government = "published by New Zealand Government, of New Zealand"
    assert found == {
        "000": None,  # Wikipedia: written for everyone
        "001": ("NZD", f"bare $ read as NZD: {beehive}; {government}; a release by New Zealand "
                "minister Phil Goff"),
        "002": ("NZD", f"bare $ read as NZD: {beehive}; {government}; a release by New Zealand "
                "minister Phil Goff"),
        "003": ("NZD", f"bare $ read as NZD: {beehive}; {government}; a release by New Zealand "
                "minister Winston Peters"),
        "004": ("NZD", "bare $ read as NZD: a news item that opens on Winston Peters and names "
                "New Zealand's Winston Peters"),
    }  # fmt: skip
