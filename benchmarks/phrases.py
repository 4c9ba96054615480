"""Hand-checked date phrases in context, for scoring date extraction (nzdprk vs dateparser).

Each case is a short context (one to a few sentences), the date phrase in it, the date of the
document it comes from (None: undated) and the first and last day the phrase can mean. A last
(or first) day of None is an open end ("since 1995" has no last day); a case with both None is
not a date at all ("it may be"), and a tool is right only if it finds nothing there.

Conventions, checked by hand: bounds are strict (the first and last day the phrase can mean),
except that early, mid and late are thirds of their unit, a stated convention ("the mid-2000s"
is 2004–2006, "mid-April to early May 2024" is 11 April–10 May: a month's days 1–10, 11–20,
21–end; a decade's years 0–3, 4–6, 7–9); a list of years spans its first to its last; weeks
run Monday to Sunday; seasons are southern-hemisphere (New Zealand) seasons.

Cases S01–S17 are sentences of the seed sources (file named in ``source``); W01–W18 are written
for this benchmark, among them phrases a general-purpose parser reads and ``nzdprk`` by design
does not (a numeric date, day-first as in New Zealand; "the 5th of March 2010").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

D = dt.date


@dataclass(frozen=True)
class Case:
    """One phrase to date, in its context."""

    case_id: str
    source: str  # seed file, or "written"
    context: str
    phrase: str
    doc_date: dt.date | None
    first: dt.date | None
    last: dt.date | None

    @property
    def span(self) -> tuple[int, int]:
        """Character span of the phrase in the context (its first occurrence)."""
        start = self.context.index(self.phrase)
        return start, start + len(self.phrase)

    @property
    def is_date(self) -> bool:
        """False for the negative cases (nothing should be found)."""
        return self.first is not None or self.last is not None


_KAYFORCE = (
    "After some debate, on 26 July 1950, the New Zealand Government announced it would raise a "
    "volunteer military force to serve with UN forces in Korea. The government raised what was "
    'known as "Kayforce" (K-Force), a total of 1,044 men selected from among volunteers. An '
    "artillery regiment and support elements arrived later during the conflict from New "
    "Zealand. The force arrived at Pusan on New Year's Eve and on 21 January joined the British "
    "27th Infantry Brigade."
)
_WIKI = "000_e724febe7b462b24.txt"
_GOFF_2000 = "001_e04c4114be72f84d.txt"
_GOFF_2002 = "002_a9688cb631e8140e.txt"
_PETERS_2007 = "003_1445d6a868041173.txt"
_NEWS = "004_e5065bca2519973a.txt"

CASES: tuple[Case, ...] = (
    Case(
        "S01",
        _WIKI,
        "Since then, New Zealand and North Korea have had little contact, until July 2000 when "
        "North Korean Foreign Minister Paek Nam-sun and New Zealand Minister of Foreign Affairs "
        "Phil Goff met in Bangkok, leading to the establishment of diplomatic relations in March "
        "2001.",
        "March 2001",
        None,
        D(2001, 3, 1),
        D(2001, 3, 31),
    ),
    Case(
        "S02",
        _GOFF_2000,
        "A small delegation led by Tony Browne, the Director of the Ministry of Foreign Affairs "
        "and Trade's North Asia Division, will visit Pyongyang between 19 and 23 September.",
        "between 19 and 23 September",
        D(2000, 9, 19),
        D(2000, 9, 19),
        D(2000, 9, 23),
    ),
    Case(
        "S03",
        _GOFF_2002,
        "The breakthrough follows the successful 3-5 April visit to Pyongyang, North Korea, by "
        "South Korean Presidential Envoy Lim Dong-won.",
        "3-5 April",
        D(2002, 4, 29),
        D(2002, 4, 3),
        D(2002, 4, 5),
    ),
    Case(
        "S04",
        _GOFF_2002,
        "Since 1995 it has contributed NZ$1.4 million in humanitarian aid to development "
        "initiatives in the North.",
        "Since 1995",
        D(2002, 4, 29),
        D(1995, 1, 1),
        None,
    ),
    Case(
        "S05",
        _NEWS,
        "As Foreign Minister in the mid-2000s, Peters supported the Six-Party talks aimed at "
        "negotiating an end to North Korea's nuclear programme and travelled to Pyongyang.",
        "the mid-2000s",
        None,
        D(2004, 1, 1),
        D(2006, 12, 31),
    ),
    Case(
        "S06",
        _WIKI,
        "After failing to strengthen their cause in the free elections held in South Korea "
        "during May 1950 and the refusal of South Korea to hold new elections per North Korean "
        "demands, the communist North Korean Army moved south on June 25, 1950, to attempt to "
        "reunite the Korean peninsula.",
        "June 25, 1950",
        None,
        D(1950, 6, 25),
        D(1950, 6, 25),
    ),
    Case(
        "S07",
        _WIKI,
        "After failing to strengthen their cause in the free elections held in South Korea "
        "during May 1950 and the refusal of South Korea to hold new elections per North Korean "
        "demands, the communist North Korean Army moved south on June 25, 1950, to attempt to "
        "reunite the Korean peninsula.",
        "May 1950",
        None,
        D(1950, 5, 1),
        D(1950, 5, 31),
    ),
    Case("S08", _WIKI, _KAYFORCE, "New Year's Eve", None, D(1950, 12, 31), D(1950, 12, 31)),
    Case("S09", _WIKI, _KAYFORCE, "21 January", None, D(1951, 1, 21), D(1951, 1, 21)),
    Case(
        "S10",
        _WIKI,
        "The 2006 North Korean nuclear test was the detonation of a nuclear device conducted on "
        "9 October 2006 by North Korea.",
        "9 October 2006",
        None,
        D(2006, 10, 9),
        D(2006, 10, 9),
    ),
    Case(
        "S11",
        _WIKI,
        "In October 2005, Charlotte Glennie visited North Korea and became the first New Zealand "
        "journalist to film there officially.",
        "October 2005",
        None,
        D(2005, 10, 1),
        D(2005, 10, 31),
    ),
    Case(
        "S12",
        _WIKI,
        "New Zealand began re-establishing formal relations in 2007, when the New Zealand "
        "Minister of Foreign Affairs Winston Peters visited Pyongyang on November 20 to discuss "
        "possible political and economic deals with North Korea.",
        "November 20",
        None,
        D(2007, 11, 20),
        D(2007, 11, 20),
    ),
    Case(
        "S13",
        _NEWS,
        "The spokesperson said from mid-April to early May 2024, a New Zealand Royal New Zealand "
        "Air Force P-8A Poseidon aircraft was involved in monitoring and surveillance activities "
        "of illegal maritime activities.",
        "mid-April to early May 2024",
        None,
        D(2024, 4, 11),
        D(2024, 5, 10),
    ),
    Case(
        "S14",
        _PETERS_2007,
        "Mr Peters is due to meet North Korea’s Foreign Minister, Pak Ui Chun, when he is in "
        "Manila next week for the ASEAN Post Ministerial Conference and Regional Forum.",
        "next week",
        D(2007, 7, 27),
        D(2007, 7, 30),
        D(2007, 8, 5),
    ),
    Case(
        "S15",
        _PETERS_2007,
        "“We have grave concerns about North Korea’s nuclear and missile programmes, and we "
        "support all efforts to bring peace and security to the Korean peninsula,” said Mr "
        "Peters, who yesterday was given a tour of the DMZ between the two nations, just north "
        "of Seoul.",
        "yesterday",
        D(2007, 7, 27),
        D(2007, 7, 26),
        D(2007, 7, 26),
    ),
    Case(
        "S16",
        _NEWS,
        "New Zealand, alongside our partners, has helped enforce sanctions against North Korea "
        "since 2018.",
        "since 2018",
        None,
        D(2018, 1, 1),
        None,
    ),
    Case(
        "S17",
        _NEWS,
        "\"This follows New Zealand's regular contributions to sanctions monitoring in 2018, "
        '2019 and 2021," the Ministry said.',
        "2018, 2019 and 2021",
        None,
        D(2018, 1, 1),
        D(2021, 12, 31),
    ),
    Case(
        "W01",
        "written",
        "The minister will travel to Seoul on 14 March to meet her counterpart.",
        "14 March",
        D(2019, 2, 10),
        D(2019, 3, 14),
        D(2019, 3, 14),
    ),
    Case(
        "W02",
        "written",
        "The delegation returned to Wellington on Tuesday.",
        "Tuesday",
        D(2015, 6, 12),
        D(2015, 6, 9),
        D(2015, 6, 9),
    ),
    Case(
        "W03",
        "written",
        "New Zealand sent food aid between 1997 and 1999.",
        "between 1997 and 1999",
        D(2001, 5, 2),
        D(1997, 1, 1),
        D(1999, 12, 31),
    ),
    Case(
        "W04",
        "written",
        "The embassy closed last month, the ministry said.",
        "last month",
        D(2017, 9, 5),
        D(2017, 8, 1),
        D(2017, 8, 31),
    ),
    Case(
        "W05",
        "written",
        "The training programme ran from 2 to 6 August 2004 in Pyongyang.",
        "from 2 to 6 August 2004",
        D(2004, 10, 1),
        D(2004, 8, 2),
        D(2004, 8, 6),
    ),
    Case(
        "W06",
        "written",
        "In the 1990s, contacts between the two governments were rare.",
        "the 1990s",
        None,
        D(1990, 1, 1),
        D(1999, 12, 31),
    ),
    Case(
        "W07",
        "written",
        "The agreement was signed in Bangkok on 1 February 2000.",
        "1 February 2000",
        D(2000, 2, 3),
        D(2000, 2, 1),
        D(2000, 2, 1),
    ),
    Case(
        "W08",
        "written",
        "A second shipment of rice is expected next month.",
        "next month",
        D(2008, 11, 20),
        D(2008, 12, 1),
        D(2008, 12, 31),
    ),
    Case(
        "W09",
        "written",
        "Peters arrived in Pyongyang on Monday 19 November 2007.",
        "Monday 19 November 2007",
        None,
        D(2007, 11, 19),
        D(2007, 11, 19),
    ),
    Case(
        "W10",
        "written",
        "Officials will meet again on Waitangi Day.",
        "Waitangi Day",
        D(2012, 1, 20),
        D(2012, 2, 6),
        D(2012, 2, 6),
    ),
    Case(
        "W11",
        "written",
        "Before 2010, most aid went through the World Food Programme.",
        "Before 2010",
        None,
        None,
        D(2009, 12, 31),
    ),
    Case(
        "W12",
        "written",
        "The report was published on 3 September.",
        "3 September",
        D(2021, 10, 1),
        D(2021, 9, 3),
        D(2021, 9, 3),
    ),
    Case(
        "W13",
        "written",
        "Talks are scheduled for 12 January in Geneva.",
        "12 January",
        D(2013, 12, 15),
        D(2014, 1, 12),
        D(2014, 1, 12),
    ),
    Case(
        "W14",
        "written",
        "It may be some time before talks resume.",
        "may",
        D(2016, 5, 10),
        None,
        None,
    ),
    Case(
        "W15",
        "written",
        "The 1718 Committee oversees the sanctions on North Korea.",
        "1718",
        D(2016, 5, 10),
        None,
        None,
    ),
    Case(
        "W16",
        "written",
        "Ministers met in Wellington over the summer of 2023/24.",
        "the summer of 2023/24",
        D(2024, 3, 1),
        D(2023, 12, 1),
        D(2024, 2, 29),
    ),
    Case(
        "W17",
        "written",
        "The memorandum of understanding is dated 3/4/2015.",
        "3/4/2015",
        D(2015, 6, 1),
        D(2015, 4, 3),
        D(2015, 4, 3),
    ),
    Case(
        "W18",
        "written",
        "The talks began on the 5th of March 2010 in Beijing.",
        "the 5th of March 2010",
        None,
        D(2010, 3, 5),
        D(2010, 3, 5),
    ),
)
