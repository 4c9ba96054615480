"""Money amounts in running text: value, currency, qualifier and bounds, with exact spans.

Reads "NZ$1.4 million", "almost NZD$8.5 million", "$3bn", "four million New Zealand dollars"
or "between US$2 million and US$3 million" into `Money` records for the ``amounts`` and
``aid_flows`` frames (data model §7.5). A number is money only next to a currency symbol, ISO
code or currency word, or in a table whose header gives currency and unit ("Aid (NZ$ million)"
above rows of plain numbers), so head counts, calibres, years and percentages are never read
as amounts.

Decisions, so that no record says more than its text:

* A bare "$" or "dollars" takes ``default_currency`` (the caller's reading of who publishes the
  text, see `nzdprk.home_currency`) and sets ``currency_assumed`` and ``currency_reason``; with
  no default the currency is None.
* A plain "won" or "₩" is KRW or KPW only when its paragraph names just that Korea (assumed,
  with the reason); "won" counts as a currency only after a multiplier or a grouped number.
* A currency written again after the amount belongs to it ("$200,000 dollars"); an amount in
  brackets right after another ("NZ$150,000 (US$100,000)") restates it: ``equivalent_of``.
* A number with a leading zero ("US$000") is a unit in a header, not an amount.
* "about", "around", "some" ... give qualifier "approximately" with no bounds: the text states
  no margin, so none is invented.
* A bound is the figure the cue names, as stated: "more than $5m" has ``amount_min`` 5e6.
* "¥" is read as JPY.
* A year-like integer right before a currency name ("in 2015 US dollars") is a price basis,
  not an amount.
* Ranges are "between X and Y" and dash ranges ("$2–3m"); "from X to Y" is not read as a range
  because it usually reports a change, so its two ends come out as two amounts.

Not read: symbols after the number ("5 €"), decimal commas ("5,5 Mio."), vague amounts
("millions of dollars"), lakh/crore, signs ("-$5m" is $5m), and tables whose columns are in
different currencies or units. Whether an amount is a flow, a total or a rate ("a year") is
for the claims that use it to say.
"""

from __future__ import annotations

from .find import Money, find_money, parse_money

__all__ = ["Money", "find_money", "parse_money"]
