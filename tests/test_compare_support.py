"""Which claims back one another: events of other days stay apart in alignment, and a summary
sentence is cited only to what says the same thing (no model: hand-set vectors)."""

from __future__ import annotations

import numpy as np

from storylens.compare.alignment import (
    THRESHOLDS,
    Features,
    align,
    dated_apart,
    most_neutral,
    pair_joins,
    same_day,
)
from storylens.compare.claims import ClaimUnit, article_claims
from storylens.compare.entities import story_entities
from storylens.compare.similarity import masked_texts
from storylens.compare.summary import _neutral, _readable, _Story, summarise
from storylens.models import Claim, Conflict, ConflictValue, Support
from tests.test_compare_fixtures import make_article


def _units(bodies: dict[str, tuple[str, dict[str, str]]], vectors: list[list[float]]):
    """One claim per article (``bodies``: id -> (sentence, dates)), with its vector and features."""
    articles = [
        make_article(
            k, k.upper(), "2025-03-07T10:00:00+00:00", "", body, names={"Geneva": "GPE"}, dates=dates
        )
        for k, (body, dates) in bodies.items()
    ]
    units = [article_claims(a)[0] for a in articles]
    for unit, vector in zip(units, vectors, strict=True):
        unit.vector = np.array(vector, dtype=float) / np.linalg.norm(vector)
    entities = story_entities(articles)
    return units, [Features.of(u, entities) for u in units]


BEGAN = ("Negotiations under UN auspices began on 5 March in Geneva.", {"on 5 March": "2025-03-05"})
SESSION = ("Thursday's session in Geneva lasted three hours, the log shows.", {"Thursday": "2025-03-06"})


def test_claims_of_other_days_worded_apart_are_other_events():
    _, (began, session) = _units({"a": BEGAN, "b": SESSION}, [[1, 0], [1, 0]])
    assert dated_apart(began, session) and not pair_joins(0.9, began, session)
    _, (one, other) = _units(
        {
            "a": ("The minister resigned on Wednesday in Geneva.", {"on Wednesday": "2025-03-05"}),
            "b": ("The minister resigned on Tuesday in Geneva.", {"on Tuesday": "2025-03-04"}),
        },
        [[1, 0], [1, 0]],
    )
    assert not dated_apart(one, other)  # one fact told with two dates: a conflict, not two facts
    _, (plan, done) = _units(
        {
            "a": ("Inspectors will visit the Geneva site on Tuesday.", {"on Tuesday": "2025-03-04"}),
            "b": ("The inspectors visited the site in Geneva.", {}),
        },
        [[1, 0], [1, 0]],
    )
    assert plan.plan and not dated_apart(plan, done)


def test_a_group_whose_dated_claims_tell_another_day_takes_no_claim():
    """b and c tell Thursday's session, d (undated) joins them; a tells the opening on 5 March and
    is closest to d (0.85), but the group's dated claims tell another day: it stays apart."""
    thursday = ("The session in Geneva on Thursday ran three hours.", {"on Thursday": "2025-03-06"})
    units, features = _units(
        {"a": BEGAN, "b": SESSION, "c": thursday, "d": ("The talks in Geneva ran for hours.", {})},
        [[1, 0], [1, 0], [1, 0], [1, 0]],
    )
    similarity = np.array(
        [[1.0, 0.8, 0.8, 0.85], [0.8, 1.0, 0.95, 0.9], [0.8, 0.95, 1.0, 0.9], [0.85, 0.9, 0.9, 1.0]]
    )
    assert sorted(align(units, similarity, features)) == [[0], [1, 2, 3]]


def _story(units: list[ClaimUnit], features: list[Features]) -> _Story:
    vectors = np.stack([u.vector for u in units])
    cosines = vectors @ vectors.T
    return _Story(units, features, cosines, cosines, {"c1": []}, {"c1": []})


def test_a_summary_sentence_is_backed_only_by_what_says_the_same():
    units, features = _units(
        {
            "a": ("The delegation left the talks in Geneva early.", {}),
            "b": ("The delegation walked out of the talks in Geneva early.", {}),
            "c": ("The envoy consulted her capital after the Geneva talks.", {}),
        },
        [[1, 0.1], [1, 0.2], [1, 4]],
    )
    backing = _story(units, features).backing(units[0], units)
    assert [u.article.id for u in backing] == ["a", "b"]  # c, a neighbour of its claim: cosine 0.34
    units, features = _units(
        {
            "a": BEGAN,
            "b": ("Talks in Geneva began on 5 March, under UN auspices.", {"on 5 March": "2025-03-05"}),
            "c": ("Talks in Geneva ended on Thursday.", {"on Thursday": "2025-03-06"}),
        },
        [[1, 0], [1, 0.1], [1, 0.1]],
    )
    assert [u.article.id for u in _story(units, features).backing(units[0], units)] == ["a", "b"]


def test_a_disputed_account_is_told_only_as_its_speakers():
    units, features = _units(
        {
            "a": ("The union agreed to the new pay offer in Geneva.", {}),
            "b": ("The union refused the new pay offer in Geneva.", {}),
        },
        [[1, 0], [1, 0.1]],
    )
    story = _story(units, features)
    assert story.backing(units[0], units) is None  # opposite polarity: no support, no fact
    units[0].speaker = "Mara Velling"
    assert [u.article.id for u in story.backing(units[0], units)] == ["a"]


def test_an_outlet_speaking_as_a_party_is_not_neutral():
    units, _ = _units(
        {
            "a": ("Our own minister stayed put in Geneva.", {}),
            "b": ("The minister stayed in Geneva all day.", {}),
        },
        [[1, 0], [1, 0]],
    )
    assert not _neutral(units[0]) and _neutral(units[1])


def test_an_outlets_own_verdict_is_not_neutral():
    units, _ = _units(
        {
            "a": ("The deputy minister deserves credit for staying at the table.", {}),
            "b": ("Washington should make it plain that it backs the talks.", {}),
            "c": ("The deputy minister stayed at the table all afternoon.", {}),
        },
        [[1, 0], [0, 1], [1, 0]],
    )
    assert [_neutral(u) for u in units] == [False, False, True]


def test_a_figure_named_only_as_one_told_before_does_not_stand_alone():
    units, _ = _units(
        {
            "a": ("The port authority puts the figure at 11 hours a week.", {}),
            "b": ("The port authority gave the figure of 11 hours a week.", {}),
            "c": ("The port authority says dockers work 11 hours of overtime a week.", {}),
        },
        [[1, 0], [1, 0], [1, 0]],
    )
    assert [_readable(u) for u in units] == [False, True, True]


def test_a_claim_is_shown_in_a_wording_that_opens_as_a_sentence():
    units, _ = _units(
        {
            "a": ("A fire broke out at the Geneva mill, injuring 12 workers on the night shift.", {}),
            "b": ("Twelve workers were injured in Geneva.", {}),
        },
        [[1, 0], [1, 0]],
    )
    injuring = next(u for u in article_claims(units[0].article) if u.text.startswith("injuring"))
    assert most_neutral([injuring, units[1]]) is units[1]


def _named(bodies: dict[str, tuple[str, dict[str, str]]], titles: dict[str, str] | None = None):
    """Like ``_units``, naming two fictional countries; every claim of each article."""
    names = {"Vessland": "GPE", "Orkary": "GPE", "Geneva": "GPE"}
    articles = [
        make_article(
            k, k.upper(), "2025-03-07T10:00:00+00:00", (titles or {}).get(k, ""), body, names=names, dates=d
        )
        for k, (body, d) in bodies.items()
    ]
    units = [u for a in articles for u in article_claims(a)]
    entities = story_entities(articles)
    return units, [Features.of(u, entities) for u in units]


def test_other_events_of_the_same_parties_on_other_days_are_apart():
    """Names aside, "opened" and "were suspended" tell two events; a plan after the date ("due to
    end") does not make the date a plan's."""
    _, (opened, suspended) = _named(
        {
            "a": (
                "Talks between Vessland and Orkary opened in Geneva on Wednesday.",
                {"on Wednesday": "2025-03-05"},
            ),
            "b": (
                "Talks between Vessland and Orkary were suspended on Thursday,"
                " a day before they were due to end.",
                {"on Thursday": "2025-03-06"},
            ),
        }
    )
    assert not suspended.plan
    assert dated_apart(opened, suspended) and not pair_joins(0.9, opened, suspended)


def test_a_shared_day_is_evidence_for_a_pair():
    _, (opened, began) = _named(
        {
            "a": ("Vessland and Orkary opened talks in Geneva on Wednesday.", {"on Wednesday": "2025-03-05"}),
            "b": ("Negotiations began on 5 March.", {"on 5 March": "2025-03-05"}),
        }
    )
    below = THRESHOLDS.candidate - THRESHOLDS.same_day / 2
    assert same_day(opened, began) and pair_joins(below, opened, began)
    began.when = "2025-03-04"
    assert not pair_joins(below, opened, began)


def test_a_headline_joins_a_group_but_does_not_bridge_two():
    """The headline of c is close to the body claims of a and b, which are not close to each
    other: the two stay apart (and the headline, each of them told by one other article only,
    stays alone: ``test_a_headline_joins_what_its_own_article_or_two_others_state``)."""
    units, features = _named(
        {
            "a": ("Talks between Vessland and Orkary opened in Geneva.", {}),
            "b": ("Protesters marched through Geneva against the war.", {}),
            "c": ("The weather in Geneva was cold.", {}),
        },
        titles={"c": "Geneva talks open amid protest"},
    )
    assert [u.in_headline for u in units] == [False, False, True, False]
    similarity = np.array(
        [[1.0, 0.3, 0.9, 0.1], [0.3, 1.0, 0.85, 0.1], [0.9, 0.85, 1.0, 0.1], [0.1, 0.1, 0.1, 1.0]]
    )
    assert sorted(align(units, similarity, features)) == [[0], [1], [2], [3]]


def test_every_form_of_a_story_name_is_masked_where_it_is_written():
    named = make_article(
        "a",
        "A",
        "2025-03-07T10:00:00+00:00",
        "",
        "The Varden Trust will chair it.",
        names={"Varden Trust": "ORG"},
    )
    missed = make_article(
        "b",
        "B",
        "2025-03-07T11:00:00+00:00",
        "",
        "Varden Trust staff met Ilse Varga.",
        names={"Ilse Varga": "PERSON"},
    )  # the tagger missed the trust here
    units = [article_claims(named)[0], article_claims(missed)[0]]
    assert masked_texts(units) == ["The organisation will chair it.", "organisation staff met someone."]


def test_a_pair_saying_different_things_of_the_same_parties_does_not_join():
    _, (first, second) = _units({"a": BEGAN, "b": BEGAN}, [[1, 0], [1, 0]])
    assert pair_joins(0.9, first, second)
    assert not pair_joins(0.9, first, second, said=THRESHOLDS.said - 0.01)


def _claim_days(
    title: str, body: str, place: str, dates: dict[str, str]
) -> list[tuple[ClaimUnit, str | None]]:
    """Each claim of a one-article story with the day it tells (``Features.when``), headline first."""
    article = make_article(
        "a", "A", "2025-03-07T10:00:00+00:00", title, body, names={place: "GPE"}, dates=dates
    )
    entities = story_entities([article])
    return [(unit, Features.of(unit, entities).when) for unit in article_claims(article)]


def test_a_headline_tells_the_day_of_its_lead():
    body = "Talks opened in Geneva on Wednesday. Both sides sent envoys."
    (headline, day), *_ = _claim_days("Talks open in Geneva", body, "Geneva", {"on Wednesday": "2025-03-05"})
    assert headline.in_headline and day == "2025-03-05"


def test_a_period_since_a_date_does_not_date_the_claim():
    body = (
        "The highest water since 2019 reached Ashby on Wednesday. "
        "Dockers have averaged 19 hours of overtime since last autumn."
    )
    dates = {"since 2019": "2019", "on Wednesday": "2025-03-05", "since last autumn": "2024-09"}
    _, (_, flood), (_, overtime) = _claim_days("Flooding in Ashby", body, "Ashby", dates)
    assert flood == "2025-03-05"  # the day of the event it tells
    assert overtime is None  # a state that runs to now


def _quote(sentence: str, words: str):
    return make_article(
        "q", "Q", "2025-03-07T10:00:00+00:00", "", sentence, quotes=[(words, "Ilse Varga")]
    ).quotes[0]


def test_a_quote_is_backed_only_by_its_speakers_words():
    said = '"We will rebuild the mill within a year," Ilse Varga said.'
    other_words = '"The insurers will pay for the new mill," Ilse Varga said.'
    units, features = _units(
        {
            "a": (said, {}),
            "b": ("Ilse Varga said the mill would be rebuilt within a year.", {}),
            "c": ("The mill will be rebuilt within a year, the paper understands.", {}),
            "d": (other_words, {}),
            "e": (said, {}),
        },
        [[1, 0], [1, 0.05], [1, 0.05], [1, 0.05], [1, 0.05]],
    )
    units[0].quote = units[4].quote = _quote(said, "We will rebuild the mill within a year,")
    units[3].quote = _quote(other_words, "The insurers will pay for the new mill,")
    for unit in (units[0], units[1], units[3], units[4]):
        unit.speaker = "Ilse Varga"
    backing = _story(units, features).backing(units[0], units)
    # b reports her words, e quotes them; c is no one's, d quotes her saying something else
    assert [u.article.id for u in backing] == ["a", "b", "e"]


def _summary_of_dispute(kind: str) -> list[str]:
    """Articles a and b are the sides of a dispute of ``kind``; c, outside it, tells the fact without
    their values."""
    units, features = _units(
        {
            "a": ("The delegations walked out of the talks in Geneva after 3 hours.", {}),
            "b": ("The delegations walked out of the talks in Geneva after 5 hours.", {}),
            "c": ("The delegations walked out of the talks in Geneva.", {}),
        },
        [[1, 0], [1, 0], [1, 0.2]],
    )
    cosines = np.stack([u.vector for u in units]) @ np.stack([u.vector for u in units]).T
    support = [Support(u.article.id, u.text, u.start, u.end) for u in units]
    conflict = Conflict(["c1"], kind, "disputed", [ConflictValue("a", "3"), ConflictValue("b", "5")])
    claim = Claim("c1", units[2].text, "consensus", support)
    sentences = summarise([claim], {"c1": units}, [conflict], (units, features, cosines, cosines))
    return [s.text for s in sentences]


def test_the_sides_of_a_who_did_it_dispute_are_no_sources_of_an_outside_account():
    told = "The delegations walked out of the talks in Geneva."
    assert _summary_of_dispute("number") == [told]  # the sides state the fact with other figures
    assert _summary_of_dispute("entity") == []  # the sides say who did it: c alone tells its sentence
