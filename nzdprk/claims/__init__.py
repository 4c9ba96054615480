"""Claims: what each document states, as records with their ids and fact keys.

Events and aid flows are built here from the typed outputs of the earlier stages (sentences and
clauses from `nzdprk.text`, dates, amounts and actor mentions), once, so that the frames, the
agreement between sources and the exports all read the same records.
"""
