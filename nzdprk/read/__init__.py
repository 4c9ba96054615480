"""Read source files into `Document` records, reporting every bad file instead of failing.

Three kinds of document are recognised from the text itself, never from a file name, each by
its own handler (detect, split, load):

* ``press_release`` (`press_release`): the file opens with YAML front matter (``---`` ... ``---``);
* ``encyclopedia_article`` (`encyclopedia`): the first non-blank line is a wiki title
  (``= Title =``);
* ``news_article`` (`news`): anything else (plain prose, no metadata).

`walk` finds the files of a corpus folder; `load` decodes each and hands it to its handler.
Character offsets in every frame refer to ``Document.text``: the body after the front
matter, decoded as UTF-8 (a byte-order mark is dropped), with CRLF/CR line endings turned
into LF and Unicode normalised to NFC, once, here.
"""

from __future__ import annotations

from ..schema import DOC_TYPE
from .front_matter import front_matter_json
from .load import corpus_files, keep_unique, read_corpus, read_document
from .press_release import KNOWN_FIELDS
from .records import CorpusError, Document, NoDocumentsError, Problem, Published, normalise_text
from .walk import check_pattern, find_files

DOC_TYPES = DOC_TYPE.values

__all__ = [
    "DOC_TYPES",
    "KNOWN_FIELDS",
    "CorpusError",
    "Document",
    "NoDocumentsError",
    "Problem",
    "Published",
    "check_pattern",
    "corpus_files",
    "find_files",
    "front_matter_json",
    "keep_unique",
    "normalise_text",
    "read_corpus",
    "read_document",
]
