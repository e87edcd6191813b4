"""The pieces of compare below the embeddings: clauses (spaCy), figures, lexicon, entities, updates."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from storylens.analyze.story_quotes import story_quotes
from storylens.compare.alignment import THRESHOLDS, Features, align
from storylens.compare.claims import article_claims
from storylens.compare.conflicts import dates_disagree, figures_disagree
from storylens.compare.entities import story_entities
from storylens.compare.lexicon import load_lexicon
from storylens.compare.summary import _Story
from storylens.compare.text import figures
from tests.test_compare_fixtures import make_article

DEV_PAIRS = Path(__file__).parent / "fixtures" / "alignment_dev.jsonl"


def _body_claims(body: str) -> list[str]:
    article = make_article("a", "A", "2025-03-03T10:00:00+00:00", "Title", body)
    return [u.text for u in article_claims(article) if u.field == "text"]


@pytest.mark.slow
def test_sentences_split_into_independent_clauses():
    assert _body_claims(
        "The union submitted its proposals on Friday, including that overtime pay must double. "
        "The company rejected the plan, but the union said talks would go on."
    ) == [
        "The union submitted its proposals on Friday",
        "overtime pay must double.",
        "The company rejected the plan",
        "the union said talks would go on.",
    ]


@pytest.mark.slow
def test_a_consequence_opens_a_clause_and_a_dateline_is_no_claim():
    assert _body_claims(
        "GENEVA, March 5 (Meridian Wire) - A fire broke out at the mill on Monday, "
        "injuring 12 workers on the night shift. "
        "DUNMORE, March 3"
    ) == ["A fire broke out at the mill on Monday", "injuring 12 workers on the night shift."]


@pytest.mark.slow
def test_the_parse_splits_clauses_joined_without_a_comma_rule():
    assert _body_claims(
        "The company rejected the plan on Monday and the union called a strike for Friday. "
        "The premier accepted the resignation and appointed a new minister, the office said."
    ) == [
        "The company rejected the plan on Monday",
        "the union called a strike for Friday.",
        "The premier accepted the resignation",
        "appointed a new minister, the office said.",
    ]


@pytest.mark.slow
def test_relative_and_subordinate_clauses_stay_with_their_main_clause():
    """A relative clause, even one with a figure or a date, and a subordinate one with its own
    subject depend on their main clause: cut off, they read as no statement."""
    sentences = [
        "The two countries dispute 140 km of frontier, which was never marked after 1991.",
        "Police questioned the owner of the mill, which employs 300 people in Dunmore.",
        "The commission is led by a surveyor, who spent 20 years mapping the border.",
        "The session was interrupted after the other side refused to discuss the water intake.",
        "After the roof collapsed, crews pulled back from the main hall.",
        "The council should act on the report, as early as next month.",
        "The envoy left the room first, as was reported by several papers.",
    ]
    assert _body_claims(" ".join(sentences)) == sentences


@pytest.mark.slow
def test_participles_colons_subordinate_clauses_and_second_verbs_open_clauses():
    assert _body_claims(
        "The union submitted its proposals on 14 March, asking for a 9% rise; talks began on 17 March. "
        "Ms Whitlock resigned on Wednesday, a day after an audit found errors at six hospitals. "
        "The premier accepted the resignation and appointed Lidia Horvath as acting minister, "
        "the office said. "
        "The dockers handed the port a list of demands: a 9% rise and a cap on overtime. "
        "The fire began in the dyeing shed at dawn and spread into the weaving hall. "
        "Crews fought the blaze all night, as flames spread to the roof of the main hall."
    ) == [
        "The union submitted its proposals on 14 March",
        "asking for a 9% rise",
        "talks began on 17 March.",
        "Ms Whitlock resigned on Wednesday",
        "a day after an audit found errors at six hospitals.",
        "The premier accepted the resignation",
        "appointed Lidia Horvath as acting minister, the office said.",
        "The dockers handed the port a list of demands",
        "a 9% rise and a cap on overtime.",
        "The fire began in the dyeing shed at dawn",
        "spread into the weaving hall.",
        "Crews fought the blaze all night",
        "as flames spread to the roof of the main hall.",
    ]


@pytest.mark.slow
def test_dependent_clauses_stay_whole():
    assert _body_claims(
        "He said the plan was fair and that workers would vote on it next week. "
        "Police questioned the owner of the mill, which was built long ago. "
        "The talks were suspended on Thursday, a day before they were due to end. "
        "Prices rose and fell all week across the region, traders said. "
        "Several unions joined the march, including the dockers and the nurses."
    ) == [
        "He said the plan was fair and that workers would vote on it next week.",
        "Police questioned the owner of the mill, which was built long ago.",
        "The talks were suspended on Thursday, a day before they were due to end.",
        "Prices rose and fell all week across the region, traders said.",
        "Several unions joined the march, including the dockers and the nurses.",
    ]


@pytest.mark.slow
def test_a_list_is_not_split():
    assert _body_claims("Workers, managers and drivers joined the rally outside the gates.") == [
        "Workers, managers and drivers joined the rally outside the gates."
    ]


def test_headline_and_standfirst_are_claims():
    article = make_article(
        "a", "A", "2025-03-03T10:00:00+00:00", "Port strike", "Body text here.", subtitle="Workers walk out"
    )
    assert [(u.field, u.text, u.in_headline) for u in article_claims(article)][:2] == [
        ("title", "Port strike", True),
        ("subtitle", "Workers walk out", True),
    ]


def test_figures_know_what_they_count():
    (killed,) = figures("At least twelve people were killed.")
    assert killed.value == 12 and killed.head == "people" and "killed" in killed.context
    assert [f.value for f in figures("Damage reached $4.5 million in 2024.")] == [4_500_000]
    assert figures_disagree(figures("12 people killed"), figures("15 people killed"))
    assert not figures_disagree(figures("12 people killed"), figures("40 workers evacuated"))


def test_dates_compare_at_common_precision():
    assert not dates_disagree({"2025-03"}, {"2025-03-04"})
    assert dates_disagree({"2025-03-03"}, {"2025-03-02"})
    assert not dates_disagree({"2025-03-03", "2025-03-05"}, {"2025-03-02"})


def test_lexicon_reads_loaded_terms_and_polarity():
    lexicon = load_lexicon()
    hits = lexicon.find("Velling conceded that the radical demands were slashed, she said.")
    assert [(h.term.form, h.loaded) for h in hits] == [
        ("conceded", True),
        ("radical demands", True),
        ("slashed", True),
        ("said", False),
    ]
    assert lexicon.negated("They didn’t sign") and not lexicon.negated("They signed")
    agreed, refused = (
        lexicon.polar_words("The board agreed to talks"),
        lexicon.polar_words("The board refused talks"),
    )
    assert lexicon.opposite_pair(agreed, refused) == ("agreed", "refused")
    assert lexicon.opposite_pair(agreed, agreed) is None


def test_story_quotes_name_the_story_entity():
    article = make_article(
        "a",
        "A",
        "2025-03-03T10:00:00+00:00",
        "T",
        "“We stay out,” Velling said.",
        names={"Velling": "PERSON"},
        quotes=[("We stay out,", "Velling")],
    )
    other = make_article(
        "b",
        "B",
        "2025-03-03T10:00:00+00:00",
        "T",
        "Mara Velling led the strike.",
        names={"Mara Velling": "PERSON"},
    )
    entities = story_entities([article, other])
    (quote,) = story_quotes([article, other], entities.entities, entities.story_id_of)
    assert quote.speaker == "Mara Velling" and entities.name(quote.speaker_entity_id) == "Mara Velling"


def test_a_rounded_figure_agrees_with_the_exact_one():
    assert not figures_disagree(
        figures("18,412 patients were hidden"), figures("18,000 patients were hidden")
    )
    assert not figures_disagree(figures("1.2 million customers hit"), figures("1,230,000 customers hit"))
    assert figures_disagree(figures("18,412 patients were hidden"), figures("16,000 patients were hidden"))


def test_a_bare_negation_is_read_as_written():
    assert load_lexicon().negation_phrase("The minister did not resign on Friday") == "not resign"
    assert load_lexicon().negation_phrase("They didn’t sign the deal") == "didn’t sign"


def test_each_claims_only_figure_is_compared_when_it_counts_the_same():
    assert figures_disagree(
        figures("About 180 porters took part in the strike."), figures("Only 95 porters joined the strike")
    )
    assert figures_disagree(
        figures("raises council tax by 4.9 per cent."), figures("up by 3.5 per cent under the plan")
    )
    assert not figures_disagree(
        figures("a pay cut of 11 per cent since 2020"), figures("a 6 per cent rise last year")
    )
    assert not figures_disagree(figures("a rise of 9 per cent"), figures("9 dockers walked out"))
    assert not figures_disagree(figures("85 staff were on shift"), figures("12 were hurt in the blaze"))


def test_a_denial_is_a_negation():
    lexicon = load_lexicon()
    assert lexicon.negated("The operator denied that a fuel filter had failed.")
    assert lexicon.negated("Nobody was hurt.") and lexicon.negated("No diesel reached the river.")
    assert not lexicon.negated("The operator said a fuel filter had failed.")


def test_the_alignment_dev_set_is_labelled():
    rows = [json.loads(line) for line in DEV_PAIRS.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert 200 <= len(rows) <= 400
    assert {r["label"] for r in rows} == {"same", "different", "conflict"}
    assert all(r.get("kind") for r in rows if r["label"] == "conflict")
    assert len({(r["a"], r["b"]) for r in rows}) == len(rows)


def _restating_story(restated: float) -> list[list[int]]:
    """Article a states two things (units 0, 1), b and c one each; ``restated``: a's two cosine."""
    bodies = {
        "a": "The mill reopened on Friday. Its owner thanked the crews.",
        "b": "The mill opened again.",
        "c": "The owner praised firefighters.",
    }
    articles = [
        make_article(k, k.upper(), "2025-03-03T10:00:00+00:00", "", body) for k, body in bodies.items()
    ]
    units = [u for article in articles for u in article_claims(article)]
    similarity = np.array(
        [[1.0, restated, 0.9, 0.5], [restated, 1.0, 0.5, 0.85], [0.9, 0.5, 1.0, 0.5], [0.5, 0.85, 0.5, 1.0]]
    )
    entities = story_entities(articles)
    return align(units, similarity, [Features.of(u, entities) for u in units])


def test_an_article_may_restate_a_fact_but_two_of_its_facts_stay_apart():
    assert _restating_story(0.3) == [[0, 2], [1, 3]]  # b's and c's facts are a's two facts
    assert [sorted(g) for g in _restating_story(THRESHOLDS.same_fact)] == [[0, 1, 2, 3]]  # one thing twice


def test_a_claim_moves_to_the_group_closest_to_it_on_average():
    """x meets y first (0.9), and y's group takes w; the z pair is closer to x on average (0.8
    against 0.6), though average linkage keeps the two groups apart."""
    articles = [
        make_article(k, k.upper(), "2025-03-03T10:00:00+00:00", "", "The mill reopened on Friday.")
        for k in ("x", "y", "w", "z1", "z2")
    ]
    units = [u for article in articles for u in article_claims(article)]
    similarity = np.array(
        [
            [1.0, 0.9, 0.3, 0.8, 0.8],
            [0.9, 1.0, 0.9, 0.0, 0.0],
            [0.3, 0.9, 1.0, 0.0, 0.0],
            [0.8, 0.0, 0.0, 1.0, 0.95],
            [0.8, 0.0, 0.0, 0.95, 1.0],
        ]
    )
    entities = story_entities(articles)
    groups = align(units, similarity, [Features.of(u, entities) for u in units])
    assert sorted(sorted(g) for g in groups) == [[0, 3, 4], [1, 2]]


def test_grouping_weighs_what_is_said_as_much_as_who_is_named():
    """a and b name the same party (cosine 0.6) but say different things of it (masked 0.15);
    a and c say one thing in other words (cosine 0.45, masked 0.5): the mean decides."""
    articles = [
        make_article(k, k.upper(), "2025-03-03T10:00:00+00:00", "", "The agency spoke.") for k in "abc"
    ]
    units = [u for article in articles for u in article_claims(article)]
    similarity = np.array([[1.0, 0.6, 0.45], [0.6, 1.0, 0.2], [0.45, 0.2, 1.0]])
    said = np.array([[1.0, 0.15, 0.5], [0.15, 1.0, 0.1], [0.5, 0.1, 1.0]])
    features = [Features.of(u, story_entities(articles)) for u in units]
    thresholds = replace(THRESHOLDS, said=-1.0)
    assert sorted(align(units, similarity, features, thresholds, said=said)) == [[0, 2], [1]]
    assert sorted(align(units, similarity, features, thresholds)) == [[0, 1], [2]]  # cosine alone


def _headline_story(with_second_witness: bool) -> list[list[int]]:
    """a's headline (unit 0) is close to b's body (2); c's body (3) to both, with_second_witness."""
    bodies = {
        "a": "The owner thanked the crews.",
        "b": "The mill opened again.",
        "c": "The mill is open once more.",
    }
    titles = {"a": "Mill reopens after fire"}
    articles = [
        make_article(k, k.upper(), "2025-03-03T10:00:00+00:00", titles.get(k, ""), body)
        for k, body in bodies.items()
    ]
    units = [u for article in articles for u in article_claims(article)]
    c_to_headline, c_to_b = (0.8, 0.9) if with_second_witness else (0.1, 0.1)
    similarity = np.array(
        [
            [1.0, 0.1, 0.8, c_to_headline],
            [0.1, 1.0, 0.1, 0.1],
            [0.8, 0.1, 1.0, c_to_b],
            [c_to_headline, 0.1, c_to_b, 1.0],
        ]
    )
    entities = story_entities(articles)
    return sorted(sorted(g) for g in align(units, similarity, [Features.of(u, entities) for u in units]))


def test_a_headline_joins_what_its_own_article_or_two_others_state():
    assert _headline_story(with_second_witness=False) == [[0], [1], [2], [3]]  # b's clause alone
    assert _headline_story(with_second_witness=True) == [[0, 2, 3], [1]]


def _told(article_id: str, body: str, place: str, date: tuple[str, str]):
    article = make_article(
        article_id,
        article_id,
        "2025-03-05T18:00:00+00:00",
        "",
        body,
        names={place: "GPE"},
        dates=dict([date]),
    )
    return article, article_claims(article)[0]


def test_the_summary_tells_an_event_once_though_alignment_kept_its_wordings_apart():
    opened = _told("a", "Talks opened in Geneva on Wednesday.", "Geneva", ("on Wednesday", "2025-03-05"))
    began = _told("b", "Negotiations began on 5 March in Geneva.", "Geneva", ("5 March", "2025-03-05"))
    vienna = _told("c", "Talks opened in Vienna on Wednesday.", "Vienna", ("on Wednesday", "2025-03-05"))
    entities = story_entities([opened[0], began[0], vienna[0]])
    units = [opened[1], began[1], vienna[1]]
    features = [Features.of(u, entities) for u in units]
    story = _Story(units, features, np.eye(3), np.eye(3), {}, {})
    assert story.repeats(opened[1], began[1])  # same day, same place, cosine 0
    assert not story.repeats(opened[1], vienna[1])
    said, paraphrased = began[1], vienna[1]
    cosines = np.array([[1, 0, 0], [0, 1, 0.5], [0, 0.5, 1]])  # the quote and the paraphrase: 0.5
    story = _Story(units, features, cosines, cosines, {}, {})
    said.speaker = paraphrased.speaker = "Lena Ortiz"
    assert story.repeats(said, paraphrased)  # a quote and its paraphrase, one speaker
    paraphrased.speaker = "Amara Okafor"
    assert not story.repeats(said, paraphrased)
