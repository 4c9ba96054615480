"""Early, mid and late parts of a month, year, season, decade or century: a sentence in, the
exact when block out.

The parts are a convention (thirds of the unit), not the text's precision: their dates are
marked approximate (EDTF ``~``) and the EDTF is the interval of the part's days, months or
years. Every rule is shown on a sentence from the sources and on sentences written here; the
properties say that the three parts of any unit lie in it, in order, and partition it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import warnings
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from nzdprk.dates import When, edtf_bounds, find_dates, parse_when, whole_units

with warnings.catch_warnings():  # pyparsing warns about edtf's grammar when it is built
    warnings.simplefilter("ignore")
    import edtf

D = dt.date.fromisoformat
ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT / "seeds" / "004_e5065bca2519973a.txt"
SEEDS_GOLD = ROOT.parent / "shared" / "devset" / "seeds.gold.yaml"
MONTHS = tuple(calendar.month_name[1:])
PARTS = ("early", "mid", "late")


def the_when(text: str, phrase: str, **kwargs: object) -> When:
    """The When read for `phrase` in `text`."""
    found = [w for w in find_dates(text, **kwargs) if w.text == phrase]  # type: ignore[arg-type]
    assert len(found) == 1, [w.text for w in find_dates(text, **kwargs)]  # type: ignore[arg-type]
    return found[0]


def block(w: When) -> tuple[object, ...]:
    return (w.edtf, w.earliest, w.latest, w.precision, w.qualifier, w.refine, w.is_interval)


def valid_edtf(w: When) -> None:
    """The `edtf` package parses the string; its strict bounds are ours (open end ±inf)."""
    assert w.edtf is not None and edtf.is_valid_edtf(w.edtf)
    parsed = edtf.parse_edtf(w.edtf)
    ends = [parsed.lower_strict(), parsed.upper_strict()]
    got = tuple(None if isinstance(e, float) else edtf.struct_time_to_date(e) for e in ends)
    assert got == (w.earliest, w.latest) == edtf_bounds(w.edtf)


# --- the sources ---------------------------------------------------------------------------


def test_the_news_items_range_of_a_mid_and_an_early_month() -> None:
    w = the_when(NEWS.read_text(encoding="utf-8"), "from mid-April to early May 2024")
    assert block(w) == (
        "2024-04-11~/2024-05-10~", D("2024-04-11"), D("2024-05-10"), "month", "approximate",
        "mid/early", True,
    )  # fmt: skip
    valid_edtf(w)


def test_the_news_items_mid_decade() -> None:
    w = the_when(NEWS.read_text(encoding="utf-8"), "mid-2000s")
    assert block(w) == (
        "2004~/2006~", D("2004-01-01"), D("2006-12-31"), "decade", "approximate", "mid", False,
    )  # fmt: skip
    valid_edtf(w)


def test_the_sources_refined_dates_fall_in_the_annotated_ranges() -> None:
    """The hand annotation accepts a start and an end in ranges; ours lie in them."""
    if not SEEDS_GOLD.exists():
        pytest.skip(f"no annotation of the sources at {SEEDS_GOLD}")
    gold = yaml.safe_load(SEEDS_GOLD.read_text(encoding="utf-8"))
    events = gold["documents"][NEWS.name]["events"]
    refined = [e for e in events if "mid" in e["date_text"] or "early" in e["date_text"]]
    assert len(refined) == 2
    found = find_dates(NEWS.read_text(encoding="utf-8"))
    for event in refined:
        text = event["date_text"]
        (w,) = [w for w in found if text.endswith(w.text) or w.text.endswith(text)]
        assert event["min_range"][0] <= w.earliest <= event["min_range"][1]
        assert event["max_range"][0] <= w.latest <= event["max_range"][1]


# --- sentences written here ----------------------------------------------------------------

WRITTEN = [
    # month: days 1–10, 11–20, 21–end
    ("Inspectors left Yongbyon in mid-April 2009.", "mid-April 2009",
     ("2009-04-11~/2009-04-20~", "2009-04-11", "2009-04-20", "month", "approximate", "mid")),
    ("The ship docked in late February 2024.", "late February 2024",
     ("2024-02-21~/2024-02-29~", "2024-02-21", "2024-02-29", "month", "approximate", "late")),
    ("Envoys met at the beginning of May 2024 in Beijing.", "beginning of May 2024",
     ("2024-05-01~/2024-05-10~", "2024-05-01", "2024-05-10", "month", "approximate", "early")),
    # year: January–April, May–August, September–December
    ("Trade resumed in early 2007.", "early 2007",
     ("2007-01~/2007-04~", "2007-01-01", "2007-04-30", "year", "approximate", "early")),
    ("Talks were held in the middle of 2016.", "middle of 2016",
     ("2016-05~/2016-08~", "2016-05-01", "2016-08-31", "year", "approximate", "mid")),
    ("The mission closed in late 1950.", "late 1950",
     ("1950-09~/1950-12~", "1950-09-01", "1950-12-31", "year", "approximate", "late")),
    ("The embassy will reopen at the start of 2027.", "start of 2027",
     ("2027-01~/2027-04~", "2027-01-01", "2027-04-30", "year", "approximate", "early")),
    # decade: years 0–3, 4–6, 7–9
    ("Famine eased in the late 1990s.", "late 1990s",
     ("1997~/1999~", "1997-01-01", "1999-12-31", "decade", "approximate", "late")),
    ("Veterans returned home in the late 1940s.", "late 1940s",
     ("1947~/1949~", "1947-01-01", "1949-12-31", "decade", "approximate", "late")),
    ("Contacts grew in the mid-1970s.", "mid-1970s",
     ("1974~/1976~", "1974-01-01", "1976-12-31", "decade", "approximate", "mid")),
    # century: years 0–39, 40–69, 70–99 (the decade's parts, ten times over)
    ("Missionaries arrived in the early 19th century.", "early 19th century",
     ("1800~/1839~", "1800-01-01", "1839-12-31", "century", "approximate", "early")),
    ("Korea was annexed in the early 1900s.", "early 1900s",
     ("1900~/1939~", "1900-01-01", "1939-12-31", "century", "approximate", "early")),
    # a hedge on a part: uncertain and approximate
    ("The letter was sent probably in early 2007.", "probably in early 2007",
     ("2007-01%/2007-04%", "2007-01-01", "2007-04-30", "year", "uncertain_approximate",
      "early")),
    # ranges: the first part's start to the second part's end; a year carried from the end
    ("Sanctions tightened between early 2003 and late 2005.", "between early 2003 and late 2005",
     ("2003-01~/2005-12~", "2003-01-01", "2005-12-31", "year", "approximate", "early/late")),
    ("Ice closed the port from late December to early January 2024.",
     "from late December to early January 2024",
     ("2023-12-21~/2024-01-10~", "2023-12-21", "2024-01-10", "month", "approximate",
      "late/early")),
    ("The base was staffed from 3 April to mid-May 2011.", "from 3 April to mid-May 2011",
     ("2011-04-03/2011-05-20~", "2011-04-03", "2011-05-20", "month", "approximate", "/mid")),
    # halves and quarters: exact where the unit divides into whole months or years
    ("Exports fell in the first half of 2024.", "first half of 2024",
     ("2024-01/2024-06", "2024-01-01", "2024-06-30", "year", "none", "first half")),
    ("Growth slowed in the third quarter of 2019.", "third quarter of 2019",
     ("2019-07/2019-09", "2019-07-01", "2019-09-30", "year", "none", "third quarter")),
    ("Rice prices rose in the first half of the 1990s.", "first half of the 1990s",
     ("1990/1994", "1990-01-01", "1994-12-31", "decade", "none", "first half")),
    ("Whalers came in the last quarter of the 19th century.",
     "last quarter of the 19th century",
     ("1875/1899", "1875-01-01", "1899-12-31", "century", "none", "fourth quarter")),
    ("Treaties multiplied in the second half of the twentieth century.",
     "second half of the twentieth century",
     ("1950/1999", "1950-01-01", "1999-12-31", "century", "none", "second half")),
    # a month's halves split at the 15th, a convention: approximate
    ("The delegation stayed for the second half of May 2024.", "second half of May 2024",
     ("2024-05-16~/2024-05-31~", "2024-05-16", "2024-05-31", "month", "approximate",
      "second half")),
    ("Sales rose from the first quarter of 2019 to the second half of 2020.",
     "from the first quarter of 2019 to the second half of 2020",
     ("2019-01/2020-12", "2019-01-01", "2020-12-31", "year", "none",
      "first quarter/second half")),
    # open periods bound at the part's edge
    ("Flights have been suspended since mid-2016.", "since mid-2016",
     ("2016-05~/..", "2016-05-01", None, "year", "approximate", "mid/")),
    ("No talks are planned until late 2030.", "until late 2030",
     ("../2030-12~", None, "2030-12-31", "year", "approximate", "/late")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "phrase", "want"), WRITTEN, ids=[p for _, p, _ in WRITTEN])
def test_written_sentences(text: str, phrase: str, want: tuple[str | None, ...]) -> None:
    w = the_when(text, phrase)
    edtf_, earliest, latest, precision, qualifier, refine = want
    assert block(w)[:6] == (
        edtf_, D(earliest) if earliest else None, D(latest) if latest else None, precision,
        qualifier, refine,
    )  # fmt: skip
    assert w.is_interval == ("/" in (refine or ""))  # a part of one unit is no span
    assert w.resolution == "explicit"
    valid_edtf(w)


@pytest.mark.parametrize(
    ("hemisphere", "edtf_", "earliest", "latest"),
    [
        ("south", "2019-09~", "2019-09-01", "2019-09-30"),  # spring is September–November
        ("north", "2019-03~", "2019-03-01", "2019-03-31"),
        (None, "2019-03~/2019-09~", "2019-03-01", "2019-09-30"),  # either hemisphere's March
    ],
)
def test_a_seasons_part_is_one_of_its_months(
    hemisphere: str | None, edtf_: str, earliest: str, latest: str
) -> None:
    w = the_when("Planting began in early spring 2019.", "early spring 2019", hemisphere=hemisphere)
    assert (w.edtf, w.earliest, w.latest, w.precision) == (edtf_, D(earliest), D(latest), "season")
    assert (w.qualifier, w.refine, w.is_interval) == ("approximate", "early", False)
    valid_edtf(w)


@pytest.mark.parametrize(
    "text",
    ["Sales fell in the third quarter of May 2024.", "Rain fell in the first half of spring 2019."],
)
def test_a_part_the_unit_does_not_have_leaves_the_unit(text: str) -> None:
    """A month has no quarters here and a season no halves: the unit is read, the part not."""
    (w,) = find_dates(text, hemisphere="south")
    assert w.refine is None and w.text in ("May 2024", "spring 2019")


def test_a_year_less_part_takes_the_year_of_the_document_date() -> None:
    w = the_when("Crews were rotated in early July.", "early July", anchor=D("2024-09-02"))
    assert (w.edtf, w.earliest, w.latest) == ("2024-07-01~/2024-07-10~", D("2024-07-01"),
                                              D("2024-07-10"))  # fmt: skip
    assert w.resolution == "anchored"


def test_whole_units_widen_a_conventional_part_to_its_unit() -> None:
    mid_2000s = (D("2004-01-01"), D("2006-12-31"))
    assert whole_units(*mid_2000s, "decade", "mid") == (D("2000-01-01"), D("2009-12-31"))
    april_may = (D("2024-04-11"), D("2024-05-10"))
    assert whole_units(*april_may, "month", "mid/early") == (D("2024-04-01"), D("2024-05-31"))
    assert whole_units(D("2011-04-03"), D("2011-05-20"), "month", "/mid") == (
        D("2011-04-03"),  # "from 3 April": a day, as written
        D("2011-05-31"),
    )
    assert whole_units(D("2016-05-01"), None, "year", "mid/") == (D("2016-01-01"), None)
    southern_mid_summer = (D("2025-01-01"), D("2025-01-31"))
    assert whole_units(*southern_mid_summer, "season", "mid") == (D("2024-05-01"), D("2025-09-30"))
    first_half = (D("2024-01-01"), D("2024-06-30"))
    assert whole_units(*first_half, "year", "first half") == first_half  # exact: kept
    assert whole_units(*first_half, "year", None) == first_half


# --- properties ----------------------------------------------------------------------------

years = st.integers(1000, 2099)


def parts_of(phrase: str, **kwargs: object) -> list[When]:
    """The early, mid and late Whens of `phrase` ("{} May 2001"), each read on its own."""
    found = [parse_when(phrase.format(part), **kwargs) for part in PARTS]  # type: ignore[arg-type]
    assert all(w is not None for w in found), phrase
    return found  # type: ignore[return-value]


def partition(
    parts: list[When], first: dt.date, last: dt.date, qualifier: str = "approximate"
) -> None:
    """The parts lie in first…last, in order, touching, and cover it; each has the qualifier
    (approximate: a convention) and its EDTF is valid."""
    assert parts[0].earliest == first and parts[-1].latest == last
    for before, after in itertools.pairwise(parts):
        assert before.latest is not None and after.earliest is not None
        assert before.latest + dt.timedelta(days=1) == after.earliest
    for w in parts:
        assert w.earliest is not None and w.latest is not None and w.earliest <= w.latest
        assert w.qualifier == qualifier and not w.is_interval
        assert edtf_bounds(w.edtf or "") == (w.earliest, w.latest)


@given(year=years, month=st.integers(1, 12))
def test_a_months_parts_partition_it(year: int, month: int) -> None:
    parts = parts_of(f"{{}} {MONTHS[month - 1]} {year}")
    last = calendar.monthrange(year, month)[1]
    partition(parts, dt.date(year, month, 1), dt.date(year, month, last))
    assert [w.latest.day for w in parts[:2]] == [10, 20]  # type: ignore[union-attr]


@given(year=years)
def test_a_years_parts_partition_it(year: int) -> None:
    parts = parts_of(f"{{}} {year}")
    partition(parts, dt.date(year, 1, 1), dt.date(year, 12, 31))
    assert [w.earliest.month for w in parts] == [1, 5, 9]  # type: ignore[union-attr]


@given(decade=st.integers(100, 209).filter(lambda d: d % 10 or d >= 200))
def test_a_decades_parts_partition_it(decade: int) -> None:
    """ "the early 1990s" … (a "1900s" before 2000 is read as the century)."""
    first = decade * 10
    parts = parts_of(f"the {{}} {first}s")
    partition(parts, dt.date(first, 1, 1), dt.date(first + 9, 12, 31))
    assert [w.earliest.year - first for w in parts] == [0, 4, 7]  # type: ignore[union-attr]


@given(number=st.integers(11, 21))
def test_a_centurys_parts_partition_it(number: int) -> None:
    first = (number - 1) * 100
    parts = parts_of(f"the {{}} {number}th century")
    partition(parts, dt.date(first, 1, 1), dt.date(first + 99, 12, 31))


HALVES = ("first half", "second half")
QUARTERS = ("first quarter", "second quarter", "third quarter", "fourth quarter")


@given(year=years, parts=st.sampled_from([HALVES, QUARTERS]))
def test_a_years_halves_and_quarters_partition_it_exactly(
    year: int, parts: tuple[str, ...]
) -> None:
    found = [parse_when(f"the {part} of {year}") for part in parts]
    assert all(w is not None for w in found)
    whens = [w for w in found if w is not None]
    partition(whens, dt.date(year, 1, 1), dt.date(year, 12, 31), qualifier="none")
    last = parse_when(f"the last {parts[-1].split()[1]} of {year}")  # = fourth quarter, second half
    assert last is not None and (last.edtf, last.refine) == (whens[-1].edtf, parts[-1])


@given(number=st.integers(11, 21), half=st.sampled_from(["first", "second"]))
def test_a_centurys_halves_lie_in_it(number: int, half: str) -> None:
    first = (number - 1) * 100
    w = parse_when(f"the {half} half of the {number}th century")
    assert w is not None and (w.earliest, w.latest) == (
        dt.date(first + (0 if half == "first" else 50), 1, 1),
        dt.date(first + (49 if half == "first" else 99), 12, 31),
    )
    assert edtf.is_valid_edtf(w.edtf) and edtf_bounds(w.edtf or "") == (w.earliest, w.latest)


@given(year=years, month=st.integers(1, 12), words=st.sampled_from(["{} of", "the {} of"]))
def test_the_beginning_middle_and_end_of_are_early_mid_and_late(
    year: int, month: int, words: str
) -> None:
    phrase = f"{MONTHS[month - 1]} {year}"
    for word, part in (("beginning", "early"), ("start", "early"), ("middle", "mid"),
                       ("end", "late")):  # fmt: skip
        said = parse_when(f"{words.format(word)} {phrase}")
        short = parse_when(f"{part} {phrase}")
        assert said is not None and short is not None
        assert (said.edtf, said.refine) == (short.edtf, short.refine)


@given(
    first=st.tuples(years, st.integers(1, 12), st.sampled_from(PARTS)),
    second=st.tuples(years, st.integers(1, 12), st.sampled_from(PARTS)),
)
def test_a_range_of_parts_runs_from_the_first_start_to_the_second_end(
    first: tuple[int, int, str], second: tuple[int, int, str]
) -> None:
    (y1, m1, p1), (y2, m2, p2) = sorted(
        [first, second], key=lambda t: (t[0], t[1], PARTS.index(t[2]))
    )
    a, b = f"{p1} {MONTHS[m1 - 1]} {y1}", f"{p2} {MONTHS[m2 - 1]} {y2}"
    w, start, end = parse_when(f"between {a} and {b}"), parse_when(a), parse_when(b)
    assert w is not None and start is not None and end is not None
    assert (w.earliest, w.latest) == (start.earliest, end.latest)
    assert (w.refine, w.qualifier, w.is_interval) == (f"{p1}/{p2}", "approximate", True)
    assert edtf_bounds(w.edtf or "") == (w.earliest, w.latest)


@given(year=years, m1=st.integers(1, 12), m2=st.integers(1, 12), p1=st.sampled_from(PARTS),
       p2=st.sampled_from(PARTS))  # fmt: skip
def test_a_range_carries_its_end_year_back(year: int, m1: int, m2: int, p1: str, p2: str) -> None:
    """ "from mid-April to early May 2024": April of 2024; "from late December to early January
    2024": December of 2023."""
    w = parse_when(f"from {p1}-{MONTHS[m1 - 1]} to {p2} {MONTHS[m2 - 1]} {year}")
    first = year if m1 <= m2 else year - 1
    start = parse_when(f"{p1} {MONTHS[m1 - 1]} {first}")
    end = parse_when(f"{p2} {MONTHS[m2 - 1]} {year}")
    if m1 == m2 and PARTS.index(p1) > PARTS.index(p2):
        assert w is None  # "from mid-May to early May 2024" ends before it starts
        return
    if first < 1000:
        return
    assert w is not None and start is not None and end is not None
    assert (w.earliest, w.latest) == (start.earliest, end.latest)
