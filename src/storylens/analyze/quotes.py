"""Who said what in one parsed text: direct, mixed and indirect quotes with their attribution.

A speech verb ("said", "told", "added" ...) outside quotation marks is a cue; its subject names
the speaker and its clausal complement is what was said. A quoted passage takes the nearest cue
of its sentences: it is *direct* when the cue's complement is the quotation itself, *mixed* when
the complement paraphrases around it. A cue whose complement holds no quotation gives an
*indirect* quote, and so does "according to X". A quotation with no cue continues the last
speaker (a floating quote), which is resolved later, with the speakers.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from storylens.analyze.lexicon import FINDING_VERBS, FORECAST_VERBS, INQUIRY_NOUNS, SPEECH_VERBS
from storylens.analyze.quotemarks import quoted_spans

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from storylens.models import QuoteKind, SpanField

_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "parataxis"})
_OPENING_MARKS = frozenset({'"', "“", "‘", "'"})
_CLOSING_MARKS = frozenset({'"', "”", "’", "'"})
_INTERRUPTING_DEPS = frozenset({"ccomp", "parataxis"})
_ATTRIBUTION_BREAKS = frozenset({",", "”", '"', "’", "—", "–"})
_NOBODY = frozenset({"neither", "no", "nobody", "none", "nothing"})
_SUBJECT_DEPS = frozenset({"nsubj"})
_SHARED_SUBJECT_DEPS = frozenset({"conj", "advcl", "xcomp", "acomp"})
_SUBJECT_HOPS = 3
_RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
_SPEAKER_CUT_DEPS = frozenset({"relcl", "acl", "advcl"})
_CONSENT_LEMMAS = frozenset({"agree"})  # "agreed to receive them": consent to act, not speech
_DATELINE = re.compile(r"[A-Z][A-Z .'-]+, [A-Z][a-z]+\.? \d{1,2} \([^)\n]+\) [-–—] ")
MIN_PARAPHRASE_WORDS = 2
MIN_INDIRECT_WORDS = 3
MAX_COLON_SPEAKER_TOKENS = 6
MAX_SCARE_QUOTE_WORDS = 3
_EDGE_PUNCTUATION = ",.;:—–-"


@dataclass
class RawQuote:
    """A quote before speaker resolution: its span, kind, cue and the words naming its speaker."""

    field: SpanField
    start: int
    end: int
    kind: QuoteKind
    cue: str | None
    speaker: Span | None  # None for a floating quote
    according_to: bool = False


@dataclass
class _Cue:
    verb: Token | None  # None for "according to"
    speaker: Span
    content: tuple[int, int] | None  # token range of what was said
    according_to: bool = False

    @property
    def word(self) -> str:
        return self.verb.text if self.verb is not None else "according to"


def find_quotes(doc: Doc, field: SpanField) -> list[RawQuote]:
    """All quotes of a text in text order."""
    spans = quoted_spans(doc.text)
    inside = {t.i for t in doc if any(s <= t.idx < e for s, e in spans)}
    cues = [
        part
        for c in (_cue(t) for t in doc if t.i not in inside)
        if c is not None and c.speaker.root.i not in inside  # not '“an independent review” would report'
        for part in _parts(c)
    ]
    used: set[int] = set()
    quotes = [_quoted(doc, field, span, cues, used) for span in spans]
    quotes = [q for q in quotes if q is not None]
    quotes.extend(_indirect(doc, field, cue, spans) for i, cue in enumerate(cues) if i not in used)
    return _without_nested(sorted((q for q in quotes if q is not None), key=lambda q: (q.start, -q.end)))


def _cue(token: Token) -> _Cue | None:
    """The cue a token starts, if any: a speech verb with a subject, or "according to X"."""
    if token.lower_ == "according":
        return _according_cue(token)
    if token.lower_ in FINDING_VERBS or token.lower_ in FORECAST_VERBS:
        return _judgement_cue(token)
    if token.lower_ not in SPEECH_VERBS or token.pos_ not in {"VERB", "AUX"}:
        return None
    if any(c.dep_ == "neg" for c in token.children):
        return None
    if SPEECH_VERBS[token.lower_] in _CONSENT_LEMMAS and any(c.dep_ == "xcomp" for c in token.children):
        return None
    if token.dep_ == "relcl" and _describes_its_head(token):
        return None
    if token.dep_ == "ccomp" and token.head.i < token.i and _is_cue_verb(token.head):
        return None  # reported words ("said a caller had asked for ..."), not a cue
    subject = _subject(token) or _noun_sentence_subject(token)
    if subject is None or subject.lower_ in _NOBODY or any(c.lower_ in _NOBODY for c in subject.children):
        return None
    if subject.lower_ in _RELATIVE_PRONOUNS and token.dep_ == "relcl":
        subject = token.head  # "Voss, who said ...": the speaker is the noun the clause qualifies
    return _Cue(token, _speaker_span(subject), _content(token))


def _describes_its_head(verb: Token) -> bool:
    """True for "a cap that employers say would leave ships idle", "a system they say is grinding
    them down": what is said has no subject of its own but the noun the clause qualifies, and no
    comma sets the clause off, so it defines that noun rather than reporting words (unlike "...
    lists, which it said would take six months")."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    edge = verb.left_edge.i
    return (
        bool(clauses)
        and (edge == 0 or verb.doc[edge - 1].text != ",")
        and all(
            not any(s.dep_.startswith("nsubj") and s.lower_ not in _RELATIVE_PRONOUNS for s in c.children)
            for c in clauses
        )
    )


def _judgement_cue(verb: Token) -> _Cue | None:
    """A main clause giving an inquiry's finding or a forecast as its subject's claim: "The
    commission found no evidence that ...", "Forecasters expect the rain to ease"; not "an audit
    found" inside another clause, "expects to publish" (an intention) nor "it found" (no one named)."""
    if verb.dep_ != "ROOT" or verb.pos_ != "VERB" or any(c.dep_ == "neg" for c in verb.children):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ not in {"NOUN", "PROPN"}:
        return None
    if verb.lower_ in FINDING_VERBS and subject.lower_ not in INQUIRY_NOUNS:
        return None
    content = _judged(verb, finding=verb.lower_ in FINDING_VERBS)
    return _Cue(verb, _speaker_span(subject), content) if content is not None else None


def _judged(verb: Token, finding: bool) -> tuple[int, int] | None:
    """What was found or expected: a clause with its own subject ("expect the rain to ease"), or
    for a finding the object a that-clause qualifies, kept whole ("no evidence that ...")."""
    for child in verb.rights:  # not a headline's "..., audit finds", which names no author
        if child.dep_ == "ccomp" and any(c.dep_.startswith("nsubj") for c in child.children):
            return _trim(verb.doc, child.left_edge.i, child.right_edge.i + 1)
        if finding and child.dep_ == "dobj" and any(c.dep_ == "acl" for c in child.children):
            return _trim(verb.doc, child.left_edge.i, child.right_edge.i + 1)
    return None


def _according_cue(according: Token) -> _Cue | None:
    doc = according.doc
    if according.i + 1 >= len(doc) or according.nbor().lower_ != "to":
        return None
    source = next((c for c in according.nbor().children if c.dep_ == "pobj"), None)
    if source is None:
        return None
    speaker = doc[source.left_edge.i : source.right_edge.i + 1]
    return _Cue(None, speaker, _according_content(according), according_to=True)


def _parts(cue: _Cue) -> list[_Cue]:
    """One cue per coordinated report: "said that A and that B" reports A and B apart."""
    if cue.content is None:
        return [cue]
    first, last = cue.content
    doc = cue.speaker.doc
    cuts = [i for i in range(first + 1, last - 1) if doc[i].lower_ == "and" and doc[i + 1].lower_ == "that"]
    bounds = [first, *cuts, last]
    ranges = [_trim(doc, a + (a in cuts), b) for a, b in zip(bounds, bounds[1:], strict=False)]
    return [dataclasses.replace(cue, content=r) for r in ranges if r[1] > r[0]]


def _subject(verb: Token) -> Token | None:
    """The verb's subject, or that of the clause it hangs on ("..., adding that ..."); of two, the
    nearer before the verb (the parser hangs "The opposition ... has called for ..., and its
    leader said" on one verb)."""
    for _ in range(_SUBJECT_HOPS):
        subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
        before = [c for c in subjects if c.i < verb.i]
        subject = before[-1] if before else next(iter(subjects), None)
        if subject is not None or verb.dep_ not in _SHARED_SUBJECT_DEPS:
            return subject
        verb = verb.head
    return None


def _noun_sentence_subject(verb: Token) -> Token | None:
    """The noun the parser made the sentence's root, hanging the speech verb on it as a modifier:
    "The Civic Report, a nonprofit news site, reported on Wednesday that ..."; a sentence has no
    noun for its predicate, so the verb is the predicate and the noun its subject."""
    head = verb.head
    if verb.dep_ == "acl" and head.dep_ == "ROOT" and head.pos_ in {"NOUN", "PROPN"} and head.i < verb.i:
        return head
    return None


def _speaker_span(head: Token) -> Span:
    """The words naming the speaker, without relative clauses or trailing punctuation."""
    cut = {t.i for c in head.subtree if c.dep_ in _SPEAKER_CUT_DEPS and c.i > head.i for t in c.subtree}
    indices = [t.i for t in head.subtree if t.i not in cut]
    start = min(indices)
    end = min((i for i in cut if i > head.i), default=max(indices) + 1)
    doc = head.doc
    while start < head.i and (doc[start].pos_ in {"ADV", "PUNCT", "CCONJ"}):
        start += 1
    while end - 1 > start and doc[end - 1].is_punct:
        end -= 1
    return doc[start:end]


def _content(verb: Token) -> tuple[int, int] | None:
    """Token range of what a speech verb reports: its clause, or the clause it interrupts."""
    clauses = [
        c
        for c in verb.children
        if c.dep_ in _CLAUSE_DEPS and not (c.i < verb.i and (_is_cue_verb(c) or _semicolon_between(c, verb)))
    ]
    if clauses:
        clause = max(clauses, key=lambda c: len(list(c.subtree)))
        before = [t for t in clause.subtree if t.i < verb.i]  # "which" in "which it said would ..."
        start = (
            verb.i + 1
            if before and all(t.lower_ in _RELATIVE_PRONOUNS for t in before)
            else max(clause.left_edge.i, _after_dateline(verb.sent))
        )
        return _trim(verb.doc, start, _end_before_nested_speech(clause))
    named = _quoted_complement(verb)
    if named is not None:
        return named
    if _is_as_clause(verb):  # "As the minister said, the talks will resume"
        return _trim(verb.doc, verb.right_edge.i + 1, verb.head.right_edge.i + 1)
    if verb.dep_ not in _INTERRUPTING_DEPS:
        return _that_clause(verb)
    if verb.head.i < verb.i:  # "The talks will resume, Ortiz said."
        before = verb.doc[verb.left_edge.i - 1] if verb.left_edge.i > 0 else None
        if before is None or before.text not in _ATTRIBUTION_BREAKS:
            return None  # "It found that a note described ...": reported, not reporting
        return _trim(verb.doc, _after_dateline(verb.sent), verb.left_edge.i)
    # the parser hung the main clause on the reported one: "Okoye, who ..., said he had asked ..."
    return _trim(verb.doc, verb.right_edge.i + 1, verb.head.right_edge.i + 1)


def _is_as_clause(verb: Token) -> bool:
    """True for a speech verb in an "as" clause before the clause it reports: "As X informed, ..."."""
    return (
        verb.dep_ == "advcl"
        and verb.head.i > verb.i
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    )


def _after_dateline(sentence: Span) -> int:
    """Where a sentence's own words start, after a wire dateline: "HALDEN, March 10 (Meridian Wire) - "."""
    doc = sentence.doc
    found = _DATELINE.match(doc.text, sentence.start_char)
    end = found.end() if found else sentence.start_char
    return next((t.i for t in sentence if t.idx >= end), sentence.start)


def _quoted_complement(verb: Token) -> tuple[int, int] | None:
    """What a speaker called something, the quotation marks opening the complement: 'called the
    meeting "constructive"', 'described the deal as "a real step"', 'a figure the union called
    "insulting"'; the object and the quote with its closing mark."""
    complement = _complement(verb)
    if complement is None:
        return None
    doc = verb.doc
    if not _opens_with_mark(complement):  # the mark opens the complement itself: not 'a “white elephant”'
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    start = obj.left_edge.i if obj is not None else complement.left_edge.i
    end = complement.right_edge.i + 1
    return _trim(doc, start, end + (end < len(doc) and doc[end].text in _CLOSING_MARKS))


def _complement(verb: Token) -> Token | None:
    """The object's predicate: "constructive" in 'called the meeting "constructive"' (which the
    parser may also hang on the object), "a real step" in 'described the deal as "a real step"'."""
    complement = next((c for c in verb.children if c.dep_ == "oprd"), None)
    if complement is not None:
        return complement
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    quoted = next((c for c in obj.children if c.dep_ == "appos" and c.i > obj.i), None) if obj else None
    if quoted is not None:
        return quoted
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"), None)
    return next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None


def _semicolon_between(clause: Token, verb: Token) -> bool:
    """True for "Rates rose; the governor says ...": a semicolon ends the clause before the verb."""
    return any(t.text == ";" for t in clause.doc[clause.i : verb.i])


def _that_clause(verb: Token) -> tuple[int, int] | None:
    """What follows "that" after the verb, where the parser missed the clause ("told X that ...")."""
    that = next((t for t in verb.doc[verb.i + 1 : verb.sent.end] if t.lower_ == "that"), None)
    if that is not None and that.dep_ in {"nsubj", "det"}:
        return None  # "said the plan that failed", "that plan": not a reported clause
    return _trim(verb.doc, that.i + 1, verb.sent.end) if that is not None else None


def _is_cue_verb(token: Token) -> bool:
    """A speech verb with a subject that is not a quotation ('“an independent review” would report')."""
    return token.lower_ in SPEECH_VERBS and any(
        c.dep_ in _SUBJECT_DEPS and not _opens_with_mark(c) for c in token.children
    )


def _opens_with_mark(token: Token) -> bool:
    """True when a quotation mark opens the phrase the token heads."""
    edge = token.left_edge.i
    return bool({token.doc[edge].text, token.doc[max(edge - 1, 0)].text} & _OPENING_MARKS)


def _end_before_nested_speech(clause: Token) -> int:
    """The clause's end, cut before a further speaker's words ("..., though she claims ...")."""
    for token in clause.subtree:
        if token.i > clause.i and _is_cue_verb(token):
            return token.left_edge.i
    return clause.right_edge.i + 1


def _according_content(according: Token) -> tuple[int, int]:
    """The longer part of the sentence beside "according to X" (before or after the phrase)."""
    sentence = according.sent
    phrase_end = _after_apposition(according.doc, max(t.i for t in according.subtree) + 1)
    before = _trim(according.doc, sentence.start, according.i)
    after = _trim(according.doc, phrase_end, sentence.end)
    return max(after, before, key=lambda r: r[1] - r[0])


def _after_apposition(doc: Doc, i: int) -> int:
    """Skip a name in apposition: "according to the spokesperson, Anders Dahl, ..."."""
    j = i + 1 if i < len(doc) and doc[i].text == "," else i
    k = j
    while k < len(doc) and doc[k].pos_ == "PROPN":
        k += 1
    return k + 1 if k > j and k < len(doc) and doc[k].text == "," else i


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and (
        doc[start].text in _EDGE_PUNCTUATION or doc[start].lower_ == "that" or doc[start].is_space
    ):
        start += 1
    while end > start and (
        doc[end - 1].text in _EDGE_PUNCTUATION or doc[end - 1].is_space or _dangles(doc[end - 1], end)
    ):
        end -= 1
    return start, end


def _dangles(token: Token, end: int) -> bool:
    """A preposition whose object lies past the end: the "in" of "... stolen, in what X called"."""
    return token.dep_ == "prep" and any(c.i >= end for c in token.children)


def _quoted(
    doc: Doc, field: SpanField, span: tuple[int, int], cues: list[_Cue], used: set[int]
) -> RawQuote | None:
    """A quoted passage with its cue in the same sentences, or a colon speaker, or floating."""
    start, end = span
    sentences = {
        s.start for s in doc.sents if s.start_char < end and s.end_char > start or _continues(doc, s, end)
    }
    short = len(doc.text[start:end].split()) <= MAX_SCARE_QUOTE_WORDS
    candidates = [
        (i, c)
        for i, c in enumerate(cues)
        if _cue_sentence(c) in sentences and (_frames(doc, c, span) or not short and _may_frame(doc, c, span))
    ]
    if candidates:
        index, cue = min(
            candidates, key=lambda ic: (not _frames(doc, ic[1], span), _distance(ic[1], start, end))
        )
        used.add(index)
        return _with_cue(doc, field, span, cue)
    speaker = _colon_speaker(doc, start)
    if speaker is None and short:
        return None  # a scare quote or a title, not speech
    return RawQuote(field, start, end, "direct", None, speaker)


def _continues(doc: Doc, sentence: Span, quote_end: int) -> bool:
    """A sentence split off after a closing mark that goes on in lower case: “...!” she said."""
    return 0 <= sentence.start_char - quote_end <= 3 and sentence[0].is_lower


def _frames(doc: Doc, cue: _Cue, span: tuple[int, int]) -> bool:
    """True when the cue's reported clause contains the quotation."""
    if cue.content is None:
        return False
    c_start, c_end = _char_range(doc, *cue.content)
    return c_start <= span[0] + 1 and span[1] - 1 <= c_end


def _may_frame(doc: Doc, cue: _Cue, span: tuple[int, int]) -> bool:
    """A cue may introduce the quotation unless it reports other words of its own."""
    if cue.content is None or _frames(doc, cue, span):
        return True
    first, last = cue.content
    return not any(t.is_alpha and not span[0] <= t.idx < span[1] for t in doc[first:last])


def _cue_sentence(cue: _Cue) -> int:
    return (cue.verb if cue.verb is not None else cue.speaker.root).sent.start


def _distance(cue: _Cue, start: int, end: int) -> int:
    at = cue.speaker.start_char if cue.verb is None else cue.verb.idx
    return at - end if at >= end else start - at


def _with_cue(doc: Doc, field: SpanField, span: tuple[int, int], cue: _Cue) -> RawQuote:
    start, end = span
    if cue.content is not None:
        first, last = cue.content
        outside = [
            t
            for t in doc[first:last]
            if t.is_alpha
            and not start <= t.idx < end
            and t.i not in range(cue.speaker.start, cue.speaker.end)
        ]
        if len(outside) >= MIN_PARAPHRASE_WORDS:
            c_start, c_end = _char_range(doc, first, last)
            return RawQuote(
                field, min(c_start, start), max(c_end, end), "mixed", cue.word, cue.speaker, cue.according_to
            )
    return RawQuote(field, start, end, "direct", cue.word, cue.speaker, cue.according_to)


def _colon_speaker(doc: Doc, start: int) -> Span | None:
    """The speaker of a quote a colon introduces: "Okafor: “...”", "Hardwick summed it up: “...”"."""
    line_start = doc.text.rfind("\n", 0, start) + 1
    before = doc.char_span(line_start, start - 1, alignment_mode="contract")
    if before is None or not len(before) or before[-1].text != ":":
        return None
    clause = before[:-1]
    subject = (
        next((c for c in clause[-1].sent.root.children if c.dep_ in _SUBJECT_DEPS), None)
        if len(clause)
        else None
    )
    if subject is not None and clause.start <= subject.i < clause.end:
        return _speaker_span(subject)
    if len(clause) <= MAX_COLON_SPEAKER_TOKENS and any(t.pos_ == "PROPN" or t.is_title for t in clause):
        return clause
    return None


def _indirect(doc: Doc, field: SpanField, cue: _Cue, spans: list[tuple[int, int]]) -> RawQuote | None:
    if cue.content is None or cue.content[1] - cue.content[0] < MIN_INDIRECT_WORDS:
        return None
    start, end = _char_range(doc, *cue.content)
    quoted = any(start <= s < end for s, _ in spans)
    return RawQuote(
        field, start, end, "mixed" if quoted else "indirect", cue.word, cue.speaker, cue.according_to
    )


def _char_range(doc: Doc, first: int, last: int) -> tuple[int, int]:
    return doc[first].idx, doc[last - 1].idx + len(doc[last - 1].text)


def _without_nested(quotes: list[RawQuote]) -> list[RawQuote]:
    """Drop quotes lying inside an earlier, larger quote of the same field (a mixed quote's parts)."""
    kept: list[RawQuote] = []
    for quote in quotes:
        if not any(k.start <= quote.start and quote.end <= k.end for k in kept):
            kept.append(quote)
    return kept
