"""English date phrases → EDTF "when" blocks with strict bounds (data-model §1).

`find_dates` scans a text with one closed table of regular-expression rules (`_RULES`). Each
match becomes a `When`: the phrase as written, an EDTF string (levels 0–2), its strict first and
last possible day, precision, qualifier (EDTF ``~ ? %``), refine (early/mid/late as written) and
where any missing part came from. Nothing is guessed: a phrase that cannot be placed keeps
``edtf=None`` and says why in ``note``.

Decisions (the tests show each on an example):

* Span: a phrase starts at its first word with date meaning. The article "the" and prepositions
  that only place it in time (in, on, at, during, throughout, of) are left out; words that change
  the meaning (since, from, until, by, before, after, between, around, early…) are kept.
* Month and weekday names count only when capitalised, so "it may be" is not a date. A bare
  month needs "in/during/throughout" before it; a bare year needs one of those, "of", "the"
  (only from `grammar.THE_YEAR_FROM` = 1800 on: "the 1718 Committee" is a name) or brackets
  ("(1993)"), or a day, range, refine or qualifier next to it.
  "a Tuesday", "every Monday" are not dates.
* Qualifiers (around, circa, c., probably…) apply to days, months and years only: EDTF has no
  qualified season, and "circa the 1950s" keeps just the decade.
* At each position the longest reading wins; matches never overlap.
* A year-less date ("21 January", "in July", "3-5 April") takes its year from (1) a year written
  earlier in the same sentence ("on 3 March 2003 and on 5 March"), resolution "inferred"; else
  (2) the document date: the latest occurrence starting on or before it (past tense) or the
  first one not over by then (future tense), resolution "anchored"; so a past-tense date is never
  later than the document. Tense is the nearest tense marker in the sentence ("will", "is to",
  "is due to", "plans to", "next"… against "was", "had", "said", "-ed"…), past by default. Else
  (3), in an undated text, the year last written before it, or the next year when that would put
  it before the previous dated phrase (a narrative goes on across one New Year, no further),
  resolution "inferred". A year written after the phrase is never used. Else the date stays
  unresolved with its precision.
* "four days earlier", "two years later", "the following week/month/year", "the next day" count
  from the text's last explicit date of one day, month or year (resolution "inferred"); when
  that date is coarser than the unit ("four days after 2003") or there is none, unresolved.
* "this week/month/year" in a past-tense clause runs up to the document date, in a future-tense
  clause from it on; with no tense marker, the whole unit.
* Seasons follow the hemisphere the caller states (south: EDTF 29–32, north: 25–28); the text
  alone does not say where its writer's seasons are, so with none stated a season takes EDTF's
  location-independent codes 21–24, bounded by both hemispheres' readings (spring of 2019:
  2019-03-01…2019-11-30), with no narrower months claimed. Seasons are dated by the year they
  begin: a southern "summer 2024" (also "summer 2024/25") is 2024-12-01…2025-02-28. The `edtf`
  package cuts codes 24/28/30 off at 31 December; we do not.
* Relative phrases count from the document date (weeks run Monday–Sunday; "on Monday" is the last
  Monday before it in past tense, the next one in future tense). "in recent days" is
  ``../<document date>``: only its end is known. Without a document date they stay unresolved.
* Early, mid and late parts (also "mid-", "the beginning/start/middle/end of") are read as
  thirds of their unit, a convention the text does not state, so such a date is marked
  approximate (``~``) and written as the interval of its part: a month's days 1–10, 11–20,
  21–end ("mid-April 2024": ``2024-04-11~/2024-04-20~``); a year's January–April, May–August,
  September–December; a decade's years 0–3, 4–6, 7–9 (each year in one part; "the mid-2000s":
  ``2004~/2006~``); a century's years 0–39, 40–69, 70–99; a season's first, second or third
  month (with no hemisphere stated, both hemispheres' months and those between). A refined
  point is still a point (``is_interval`` False); a range runs from its first part's start to
  its last part's end ("from mid-April to early May 2024": ``2024-04-11~/2024-05-10~``).
  Halves and quarters ("the first half of 2024", "the last quarter of the 19th century") are
  exact where the unit divides into whole months or years (a year's halves and quarters, a
  decade's halves, a century's halves and quarters) and are not marked; a month's halves split
  at the 15th, a convention, marked approximate; other parts ("the third quarter of May") are
  not read, and the unit alone is. `whole_units` widens a convention's bounds back to the unit,
  for comparisons that must not read a convention as the text's word.
* "before X"/"after X" end one unit before/after X (``../2009`` for "before 2010"), except when X
  carries a refine or qualifier, which makes the unit itself the bound.
* "the 1900s" (any ``YY00s`` before 2000) is read as the century, which holds the decade reading
  too; "the 2000s" is the decade. "2007/08" is the span 2007–2008, not a fiscal year: the text
  does not say whose fiscal year it is.
* The `edtf` package cannot parse a season inside an interval or an X-year next to an open end,
  so such endpoints are written as the equivalent first/last month or year (same bounds).
* Not read: numeric dates (3/4/2015: day-first and month-first cannot be told apart), moveable
  feasts (Easter), "next July"/"last March", "the 3rd to the 5th of March", "the past few days",
  all-capital month names, times of day.
"""

from __future__ import annotations

from .edtf import edtf_bounds, whole_units
from .resolve import When, find_dates, parse_when

__all__ = ["When", "edtf_bounds", "find_dates", "parse_when", "whole_units"]
