"""Every frame's declaration: its columns with dtype and meaning, its key and what its ids
point at. The corpus frames (`FRAMES`) and the evaluation frames (`EVALUATION_FRAMES`)."""

from __future__ import annotations

from .columns import DOC, SPAN, Frame, when_block
from .columns import column as _c
from .columns import foreign_key as _fk
from .vocabularies import (
    ACTOR_KIND,
    ALIAS_TYPE,
    AMOUNT_MEASURE,
    AMOUNT_QUALIFIER,
    AS_OF_SOURCE,
    ASPECT,
    ASSERTION_MODE,
    AUX_MODE,
    CHANNEL_KIND,
    CLAIM_TYPE,
    DATE,
    DOC_TYPE,
    EVENT_TYPE,
    MEASURE,
    QUAD_CLASS,
    RELATION,
    ROLE,
    ROMANIZATION,
    SENSE,
    SEVERITY,
    SOURCE_OF,
    TRANSACTION_TYPE,
)

FRAMES: dict[str, Frame] = {
    f.name: f
    for f in (
        Frame(
            "documents",
            "One row per source file.",
            (
                _c(
                    "doc_id", "string", "file path relative to the corpus folder, without extension"
                ),
                _c("path", "string", "file path relative to the corpus folder"),
                _c("doc_type", DOC_TYPE, "kind of document, detected from the text itself"),
                _c(
                    "title",
                    "string",
                    "front-matter title or the article's first heading; empty if none",
                ),
                _c(
                    "publisher",
                    "string",
                    "issuing body, from the corpus catalogue; empty if unknown",
                ),
                _c("url", "string", "front-matter url, else the catalogue's origin URL"),
                _c(
                    "licence",
                    "string",
                    "reuse licence of the text, from the catalogue ('unknown' if unknown)",
                ),
                _c("ministers", "string", "front-matter ministers, joined with '; '"),
                _c("portfolios", "string", "front-matter portfolios, joined with '; '"),
                *when_block("published_", "the publication date"),
                _c("is_dated", "boolean", "the document states its own publication date"),
                _c("front_matter_json", "string", "the whole front matter as JSON (lossless)"),
                _c("n_chars", "Int64", "length of text in characters (code points)"),
                _c("n_sentences", "Int64", "number of prose sentences"),
                _c(
                    "text_sha256",
                    "string",
                    "SHA-256 of text (UTF-8), identifying this exact version",
                ),
                _c("file_sha256", "string", "SHA-256 of the file's bytes, as in the catalogue"),
                _c(
                    "text",
                    "string",
                    "body text; every char_start/char_end in every frame refers to it",
                ),
            ),
            primary_key=("doc_id",),
        ),
        Frame(
            "sentences",
            "One row per prose sentence, in document order.",
            (
                _c("sentence_id", "string", "doc_id:s<number>, numbered from 1 in document order"),
                _c("doc_id", "string", "document the sentence is in"),
                _c(
                    "paragraph",
                    "Int64",
                    "number of the prose paragraph (line) in the document, from 1",
                ),
                _c(
                    "section",
                    "string",
                    "heading of the encyclopedia section; empty in the lead and other documents",
                ),
                *SPAN,
                _c("quote", "string", "the sentence, exactly text[char_start:char_end]"),
            ),
            primary_key=("sentence_id",),
            foreign_keys=(DOC,),
        ),
        Frame(
            "sections",
            "Sections of encyclopedia articles (the lead has an empty heading); "
            "one row for other documents.",
            (
                _c("doc_id", "string", "document"),
                _c("section_number", "Int64", "order in the document, from 0 (the lead)"),
                _c("heading", "string", "heading text without the '=' marks"),
                _c("level", "Int64", "heading level: number of '=' on each side"),
                *SPAN,
            ),
            primary_key=("doc_id", "section_number"),
            foreign_keys=(DOC,),
        ),
        Frame(
            "infobox",
            "Key-value lines of encyclopedia infoboxes.",
            (
                _c("doc_id", "string", "document"),
                _c("key", "string", "infobox field name"),
                _c("value", "string", "field value as written, exactly text[char_start:char_end]"),
                *SPAN,
            ),
            foreign_keys=(DOC,),
        ),
        Frame(
            "dates",
            "Every temporal expression found in the documents, placed or not.",
            (
                _c("date_id", "string", "doc_id:d<number>, numbered from 1 in document order"),
                _c("doc_id", "string", "document"),
                _c("sentence_id", "string", "sentence the expression is in"),
                *when_block("date_", "the date"),
                _c("rule_id", "string", "the parser rule that read it"),
                *SPAN,
                _c("quote", "string", "the expression, exactly text[char_start:char_end]"),
            ),
            primary_key=("date_id",),
            foreign_keys=(DOC, _fk("sentence_id", "sentences")),
        ),
        Frame(
            "amounts",
            "Every money amount in every document, aid or not, in document order. Numbers that "
            "are not money (counts, years, percentages, calibres) are not here.",
            (
                _c("amount_id", "string", "doc_id:a<number>, numbered from 1 in document order"),
                _c("doc_id", "string", "document"),
                _c("sentence_id", "string", "sentence the amount is in; empty outside prose"),
                _c(
                    "amount_text",
                    "string",
                    "currency, number and multiplier as written, without the qualifier",
                ),
                _c(
                    "amount", "Float64", "the value as stated, in currency units; empty for a range"
                ),
                _c("amount_min", "Float64", "lowest value the words allow; empty = unbounded"),
                _c("amount_max", "Float64", "highest value the words allow; empty = unbounded"),
                _c("currency", "string", "ISO 4217 code; empty when the text does not say"),
                _c(
                    "currency_assumed",
                    "boolean",
                    "the currency is not written but assumed (a bare '$' or 'won'); see "
                    "currency_reason",
                ),
                _c(
                    "currency_reason",
                    "string",
                    "why the currency was assumed, in words (e.g. the publisher's country); "
                    "empty when stated",
                ),
                _c("qualifier", AMOUNT_QUALIFIER, "exact, approximately, almost, more_than, ..."),
                _c("qualifier_text", "string", "the cue words as written ('about', 'between')"),
                _c(
                    "multiplier",
                    "Int64",
                    "the written multiplier as a factor (1000000 for 'million' or 'm'); "
                    "empty when none",
                ),
                _c(
                    "equivalent_of",
                    "string",
                    "amount_id of the amount this one restates in another currency "
                    "('NZ$150,000 (US$100,000)': one sum, not two)",
                ),
                _c(
                    "measure",
                    AMOUNT_MEASURE,
                    "what the amount is: aid (see aid_flows), or money not given for someone's "
                    "benefit (an appeal, shortfall, budget, cost, fine, or a payment for "
                    "monitoring), which has no aid row; empty when the words do not say",
                ),
                _c("rule_id", "string", "the parser rule that read it (nzdprk.money)"),
                *SPAN,
                _c(
                    "quote",
                    "string",
                    "the amount with its qualifier, exactly text[char_start:char_end]",
                ),
            ),
            primary_key=("amount_id",),
            foreign_keys=(
                DOC,
                _fk("sentence_id", "sentences"),
                _fk("equivalent_of", "amounts", "amount_id"),
            ),
        ),
        Frame(
            "claims",
            "One row per extracted assertion (events and aid flows are typed views of claims).",
            (
                _c("claim_id", "string", "doc_id:c<number>, in document order"),
                _c("doc_id", "string", "document that makes the claim"),
                _c("claim_type", CLAIM_TYPE, "which typed frame holds the details"),
                _c("record_id", "string", "event_id or flow_id of the typed row"),
                _c(
                    "fact_key",
                    "string",
                    "normalised proposition (action:participants) grouping the same fact across "
                    "sources; empty when the claim names no participant",
                ),
                _c("subject_id", "string", "first actor (actor_id)"),
                _c("predicate", "string", "the coded action"),
                _c("object_id", "string", "first recipient (actor_id)"),
                _c("object_value", "string", "a literal object as written (an amount)"),
                _c(
                    "quote",
                    "string",
                    "the sentence that makes the claim, text[char_start:char_end]",
                ),
                *SPAN,
                _c(
                    "attributed_to",
                    "string",
                    "actor_id of the speaker inside the document; empty = the document's own voice",
                ),
                _c(
                    "assertion_mode",
                    ASSERTION_MODE,
                    "asserted, reported (someone else's words), hedged, negated or planned",
                ),
                _c("hedge_text", "string", "cue words that hedge the claim"),
                _c("rule_id", "string", "extraction rule (lexicon action)"),
                _c("extractor_version", "string", "nzdprk version that extracted it"),
            ),
            primary_key=("claim_id",),
            foreign_keys=(DOC,),
        ),
        Frame(
            "events",
            "Events (PLOVER categories, manual of February 2024; local STATEMENT for pure speech "
            "and OTHER for dated happenings PLOVER has no category for).",
            (
                _c("event_id", "string", "doc_id:e<number>, in document order"),
                _c("claim_id", "string", "the claim this event types"),
                _c("doc_id", "string", "document"),
                _c("sentence_id", "string", "sentence the event is read from"),
                _c(
                    "event_type", EVENT_TYPE, "PLOVER category (STATEMENT, OTHER: local extensions)"
                ),
                _c(
                    "action",
                    "string",
                    "the lexicon entry that fired (data/lexicon.csv), else the clause's main verb "
                    "('dated' when it has none)",
                ),
                _c("event_mode", "string", "PLOVER mode (how), where the trigger says it"),
                _c("context", "string", "PLOVER context (why/what about)"),
                _c("quad_class", QUAD_CLASS, "PLOVER quadrant; empty for STATEMENT"),
                _c("cameo_code", "string", "nearest CAMEO code, for comparison with GDELT/ICEWS"),
                _c(
                    "aux_mode",
                    AUX_MODE,
                    "future (planned, not yet happened), hypothetical, negated, or none",
                ),
                _c("summary", "string", "one line: actors, action, recipients"),
                _c("actor_id", "string", "first actor (see event_participants for all)"),
                _c("recipient_id", "string", "first recipient"),
                _c("location_id", "string", "first place named as the location"),
                _c("trigger_text", "string", "the words that fired the rule"),
                _c("trigger_start", "Int64", "offset of the trigger in documents.text"),
                _c("trigger_end", "Int64", "end offset of the trigger (exclusive)"),
                *when_block("date_", "the event's date"),
                _c("fact_key", "string", "normalised proposition key (see claims)"),
                _c("attributed_to", "string", "speaker inside the document (see claims)"),
                _c("assertion_mode", ASSERTION_MODE, "see claims"),
                _c(
                    "refers_to",
                    "string",
                    "the earlier event its sentence names again ('during his visit'), if any",
                ),
                _c(
                    "same_as",
                    "string",
                    "the row of the same happening when this row tells it again (its most"
                    " precise telling): count and draw the rows where this is empty",
                ),
                _c("quote", "string", "the sentence, exactly text[char_start:char_end]"),
                *SPAN,
            ),
            primary_key=("event_id",),
            foreign_keys=(
                _fk("claim_id", "claims"),
                DOC,
                _fk("sentence_id", "sentences"),
                _fk("actor_id", "actors"),
                _fk("recipient_id", "actors", "actor_id"),
                _fk("location_id", "actors", "actor_id"),
                _fk("refers_to", "events", "event_id"),
                _fk("same_as", "events", "event_id"),
            ),
        ),
        Frame(
            "event_participants",
            "Who takes part in each event, one row per actor and role.",
            (
                _c("event_id", "string", "event"),
                _c("doc_id", "string", "document"),
                _c("actor_id", "string", "actor (see actors)"),
                _c("role", ROLE, "actor (does it), recipient (it is done to), location (where)"),
                _c("quote", "string", "the words the participant was read from"),
                *SPAN,
            ),
            foreign_keys=(_fk("event_id", "events"), DOC, _fk("actor_id", "actors")),
        ),
        Frame(
            "actors",
            "Every actor: the curated table (nzdprk/data/actors.csv), then the persons and "
            "organisations found in the texts but not curated, with each actor's mention count.",
            (
                _c(
                    "actor_id",
                    "string",
                    "ISO 3166-1 alpha-3 for states, a slug otherwise; not curated: person:<folded "
                    "name> or org:<folded name>",
                ),
                _c("actor_kind", ACTOR_KIND, "state, person, organisation or government body"),
                _c("canonical_name", "string", "established English form of the name"),
                _c("country_code", "string", "ISO alpha-3 of the state the actor acts for"),
                _c("country_name", "string", "that state's name (pycountry)"),
                _c("wikidata_qid", "string", "Wikidata item, only where verified"),
                _c("notes", "string", "what a reader should know (e.g. who is who)"),
                _c("verified", "boolean", "the row's facts were checked against a reference"),
                _c("curated", "boolean", "in the curated table (False: found from cues in a text)"),
                _c("n_mentions", "Int64", "mentions in this corpus"),
            ),
            primary_key=("actor_id",),
        ),
        Frame(
            "actor_aliases",
            "Every curated name form of every actor (nzdprk/data/actor_aliases.csv).",
            (
                _c("actor_id", "string", "actor"),
                _c("alias", "string", "the name form as written"),
                _c("alias_key", "string", "romanisation-insensitive key (proposes matches only)"),
                _c("alias_type", ALIAS_TYPE, "canonical, spelling variant, abbreviation, ..."),
                _c("romanization", ROMANIZATION, "romanisation system of a Korean name"),
            ),
            foreign_keys=(_fk("actor_id", "actors"),),
        ),
        Frame(
            "offices",
            "Offices people held, with dates (nzdprk/data/offices.csv).",
            (
                _c("actor_id", "string", "office holder"),
                _c("office", "string", "the office"),
                _c("organisation_id", "string", "state or body the office belongs to"),
                _c("start_text", "string", "start as recorded (ISO, any precision)"),
                _c("end_text", "string", "end as recorded; empty = still in office or unknown"),
                _c("start", DATE, "first possible day of the start"),
                _c("end", DATE, "last possible day of the end"),
                _c("verified", "boolean", "dates checked against a reference"),
                _c("note", "string", "sources of doubt"),
            ),
            foreign_keys=(_fk("actor_id", "actors"),),
        ),
        Frame(
            "mentions",
            "Every recognised mention of an actor, curated or found from cues (titles, "
            "honorifics, attribution, name shapes, the front matter's ministers).",
            (
                _c("mention_id", "string", "doc_id:m<number>, in document order"),
                _c("doc_id", "string", "document"),
                _c("actor_id", "string", "actor (a row of actors)"),
                _c("kind", ACTOR_KIND, "the actor's kind: state, person, organisation, ..."),
                _c("alias_type", ALIAS_TYPE, "how the name was written"),
                _c("sense", SENSE, "actor (acts or is acted on) or place (a location)"),
                _c("text", "string", "the mention, exactly text[char_start:char_end]"),
                *SPAN,
            ),
            primary_key=("mention_id",),
            foreign_keys=(DOC, _fk("actor_id", "actors")),
        ),
        Frame(
            "unresolved_names",
            "Capitalised names that match no actor, or more than one: candidates for curation.",
            (
                _c("doc_id", "string", "document"),
                _c("text", "string", "the name, exactly text[char_start:char_end]"),
                _c("reason", "string", "why it was not resolved"),
                *SPAN,
            ),
            foreign_keys=(DOC,),
        ),
        Frame(
            "aid_flows",
            "Every amount of aid and every promise of aid, with what the number is: a flow, a "
            "yearly amount, a cumulative total over a period as of a date, or a pledge. Never "
            "add rows of different measures, and never spread a total over years.",
            (
                _c("flow_id", "string", "doc_id:f<number>, in document order"),
                _c("claim_id", "string", "the claim this row types"),
                _c("doc_id", "string", "document"),
                _c("event_id", "string", "the AID or AGREE event of the same statement, if any"),
                _c(
                    "amount_id",
                    "string",
                    "the amount in the amounts frame; empty for a promise without an amount",
                ),
                _c("fact_key", "string", "aid:donor>receiver (see claims)"),
                _c("donor_id", "string", "who gives (IATI provider-org / CRS donor)"),
                _c(
                    "donor_source",
                    SOURCE_OF,
                    "stated in the sentence, or inherited from the paragraph's subject",
                ),
                _c("receiver_org_id", "string", "first receiving organisation (IATI receiver-org)"),
                _c("recipient_country", "string", "beneficiary country, ISO alpha-3"),
                _c(
                    "recipient_country_source",
                    SOURCE_OF,
                    "stated in the sentence, or inherited from the one before",
                ),
                _c("channel_kind", CHANNEL_KIND, "bilateral, multilateral, ngo, mixed or unknown"),
                _c("purpose_text", "string", "what the aid is for, as written"),
                _c("condition_text", "string", "the condition on a promise, as written"),
                _c(
                    "measure",
                    MEASURE,
                    "flow, annual_total, cumulative_total (over the period, as of as_of_date) "
                    "or pledge_total",
                ),
                _c(
                    "transaction_type",
                    TRANSACTION_TYPE,
                    "commitment, disbursement or pledge (IATI codes 2, 3, 12); unknown",
                ),
                _c(
                    "amount",
                    "Float64",
                    "the value as stated, in currency units; empty for a "
                    "range or a promise without an amount",
                ),
                _c("amount_qualifier", AMOUNT_QUALIFIER, "exact, almost, more_than, ..."),
                _c("amount_min", "Float64", "lowest value the words allow; empty = unbounded"),
                _c("amount_max", "Float64", "highest value the words allow; empty = unbounded"),
                _c("amount_text", "string", "the amount as written"),
                _c("currency", "string", "ISO 4217 code"),
                _c(
                    "currency_assumed",
                    "boolean",
                    "the currency was not written but assumed; why: amounts.currency_reason",
                ),
                _c(
                    "equivalent_amount",
                    "Float64",
                    "the same gift restated in another currency ('NZ$150,000 (US$100,000)': "
                    "100000); one row, never added to amount",
                ),
                _c("equivalent_currency", "string", "ISO 4217 code of equivalent_amount"),
                _c("equivalent_text", "string", "the restated amount as written"),
                *when_block("period_", "the period the amount covers"),
                _c("as_of_date", DATE, "the day a cumulative total refers to"),
                _c(
                    "as_of_source",
                    AS_OF_SOURCE,
                    "doc_published (the document's date), text, or unknown",
                ),
                _c("rule_id", "string", "the rule that read the row"),
                _c("quote", "string", "the sentence, exactly text[char_start:char_end]"),
                *SPAN,
            ),
            primary_key=("flow_id",),
            foreign_keys=(
                _fk("claim_id", "claims"),
                DOC,
                _fk("event_id", "events"),
                _fk("amount_id", "amounts"),
            ),
        ),
        Frame(
            "claim_comparisons",
            "Derived, never hand-edited: each pair of claims from different documents that state "
            "the same fact, compared aspect by aspect.",
            (
                _c("fact_key", "string", "the fact both claims state"),
                _c("claim_id_a", "string", "first claim (the smaller id)"),
                _c("claim_id_b", "string", "second claim"),
                _c("doc_id_a", "string", "document of claim a"),
                _c("doc_id_b", "string", "document of claim b"),
                _c(
                    "aspect", ASPECT, "what was compared: date, amount, period, participants, scope"
                ),
                _c(
                    "relation",
                    RELATION,
                    "agree; differ_precision (compatible, one coarser); differ_scope (not the same "
                    "measure, purpose or occurrence); conflict (cannot both be true); "
                    "not_comparable",
                ),
                _c("value_a", "string", "the compared value of a (EDTF, amount, ids)"),
                _c("value_b", "string", "the compared value of b"),
                _c("rationale", "string", "in words, the rule that decided the relation"),
            ),
            foreign_keys=(
                _fk("fact_key", "facts"),
                _fk("claim_id_a", "claims", "claim_id"),
                _fk("claim_id_b", "claims", "claim_id"),
                _fk("doc_id_a", "documents", "doc_id"),
                _fk("doc_id_b", "documents", "doc_id"),
            ),
        ),
        Frame(
            "facts",
            "One row per fact_key: how many sources state it and whether any two conflict.",
            (
                _c("fact_key", "string", "the fact"),
                _c("n_claims", "Int64", "claims stating it"),
                _c("n_sources", "Int64", "documents stating it"),
                _c("doc_ids", "string", "those documents, '; '-joined, by publication date"),
                _c("earliest_source", "string", "the earliest dated document stating it"),
                _c("latest_source", "string", "the latest dated document stating it"),
                _c("any_conflict", "boolean", "some pair of its claims conflicts"),
                _c("single_source", "boolean", "only one document states it"),
                _c("relations", "string", "the relations found between its claims"),
            ),
            primary_key=("fact_key",),
        ),
        Frame(
            "problems",
            "Every problem found in the input files; errors mean the file was skipped.",
            (
                _c("path", "string", "file path relative to the corpus folder"),
                _c("line", "Int64", "line number in the file, where known"),
                _c(
                    "severity",
                    SEVERITY,
                    "error: file skipped; warning: file read, something ignored",
                ),
                _c("message", "string", "what is wrong and what to do"),
            ),
        ),
    )
}


# The frames of ``nzdprk.evaluate`` (not corpus frames: they describe a reading, not the texts).
EVALUATION_FRAMES: dict[str, Frame] = {
    f.name: f
    for f in (
        Frame(
            "scores",
            "One row per layer and measure of an evaluation against a hand annotation.",
            (
                _c("layer", "string", "what is read: document metadata, date phrases, ..."),
                _c("measure", "string", "which comparison (e.g. 'core, exact')"),
                _c("tp", "Int64", "annotated items found right"),
                _c("fp", "Int64", "false hits: found items the annotation does not support"),
                _c("fn", "Int64", "misses: annotated items not found; empty if none can be"),
                _c("precision", "Float64", "tp / (tp + fp); empty when nothing was found"),
                _c("recall", "Float64", "tp / (tp + fn); empty when nothing was annotated"),
                _c("f1", "Float64", "harmonic mean of precision and recall"),
                _c("note", "string", "what the measure counts, or why a layer is not available"),
            ),
        ),
        Frame(
            "errors",
            "One row per miss or false hit of an evaluation.",
            (
                _c("layer", "string", "layer of the score it counts in"),
                _c("measure", "string", "measure of the score it counts in"),
                _c("doc_id", "string", "document (for shared facts: the two documents)"),
                _c("error", "string", "miss or false_hit"),
                _c("quote", "string", "a miss: the annotated words; a false hit: the package's"),
                _c("expected", "string", "what the annotation says; empty for a false hit"),
                _c("found", "string", "what the package read there; empty if nothing"),
                *SPAN,
            ),
        ),
    )
}
