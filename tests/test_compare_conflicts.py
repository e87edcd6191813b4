"""Conflicts read by what figures count, updates that need a cue, dates of one event, and framing
only between words in the same slot. Fictional sentences written for these tests."""

from __future__ import annotations

import re

import pytest

from storylens.compare import compare_story
from storylens.compare.alignment import Features
from storylens.compare.claims import ClaimUnit, article_claims
from storylens.compare.conflicts import counts_disagree, disagreements, figures_disagree, in_order
from storylens.compare.counts import counts
from storylens.compare.entities import story_entities
from storylens.compare.framing import find_framing
from storylens.compare.lexicon import load_lexicon
from storylens.compare.similarity import claim_similarity
from storylens.compare.text import figures
from storylens.models import Claim
from tests.test_compare_fixtures import make_article


def _counts(text: str, date: str | None = None):
    dates = [m.span() for m in re.finditer(re.escape(date), text)] if date else []
    return counts(text, figures(text, dates), dates, load_lexicon().update_cue_words)


def test_the_same_uncommon_noun_is_one_count_whatever_follows():
    first = _counts("Around 60 firefighters and 14 engines brought it under control.")
    second = _counts("More than 70 firefighters battled the blaze for four hours.")
    assert [(a.raw, b.raw) for a, b in counts_disagree(first, second)] == [("60", "70")]
    assert not counts_disagree(_counts("12 people were killed."), _counts("40 people were evacuated."))


def test_a_modifier_before_the_noun_is_passed_over():
    assert [c.noun for c in _counts("Around 500 terrified residents fled.")] == ["residents"]
    assert [c.noun for c in _counts("Police said 12 injured were taken to hospital.")] == ["injured"]
    first, second = (
        _counts("Around 500 terrified residents fled."),
        _counts("The council moved 300 residents."),
    )
    assert [(a.raw, b.raw) for a, b in counts_disagree(first, second)] == [("500", "300")]


def test_a_number_added_is_no_total_of_the_same_noun():
    crowd = _counts("Quinn was accompanied by around 60 dockers in high-visibility jackets.")
    hires = _counts("The port will hire 40 additional dockers by the summer.")
    assert [c.increment for c in crowd + hires] == [False, True] and hires[0].noun == "dockers"
    assert not counts_disagree(crowd, hires)
    assert not counts_disagree(crowd, _counts("It will take on 45 more dockers."))
    more = _counts("The port will hire 60 new dockers.")
    assert [(a.raw, b.raw) for a, b in counts_disagree(hires, more)] == [("40", "60")]


def test_a_figure_without_a_noun_counts_what_its_clause_names_before_it():
    rose = _counts("The death toll from the floods rose to 12 last night.", "last night")
    assert rose[0].noun is None and {"death", "toll"} <= rose[0].words
    reached = _counts("As the death toll from the floods reached 15, the search went on.")
    assert [(a.raw, b.raw) for a, b in counts_disagree(rose, reached)] == [("12", "15")]
    soldiers = _counts("The army sent 600 soldiers to the valley.")
    assert not counts_disagree(rose, soldiers)


def test_common_nouns_and_far_apart_figures_are_different_counts():
    assert not figures_disagree(
        figures("Nine people have lost their lives."), figures("four people were still missing")
    )
    assert not figures_disagree(
        figures("18,000 patients were removed"), figures("4,000 patients were removed")
    )
    assert not figures_disagree(
        figures("18,412 patients were removed"), figures("18,400 patients were removed")
    )


def test_the_lexicons_nouns_of_one_count_are_one_count():
    houses, homes = figures("Fourteen houses were destroyed."), figures("Around 20 homes were flattened.")
    assert [(a.raw, b.raw) for a, b in figures_disagree(houses, homes)] == [("Fourteen", "20")]
    assert not figures_disagree(houses, figures("Around 20 cars were flattened."))


def test_a_price_is_a_figure_and_a_clock_time_is_not():
    assert [f.value for f in figures("Kaldor offered 14.50 crowns a share in cash.")] == [14.5]
    assert not figures("The fire started at about 5.40 in the dyeing shed.")
    assert not figures("The train left at 14:50.") and not figures("It began at 6pm.")


def _evacuation(article_id: str, published: str, sentence: str):
    body = f"A fire broke out at a chemical warehouse in Port Halden. {sentence} Crews are still at the site."
    return make_article(
        article_id, article_id.title(), published, "Warehouse fire", body, names={"Port Halden": "GPE"}
    )


@pytest.mark.slow
def test_a_later_higher_figure_without_a_cue_is_a_contradiction():
    story = compare_story(
        "fire",
        [
            _evacuation(
                "early", "2025-03-04T18:00:00+00:00", "About 300 residents were evacuated from their homes."
            ),
            _evacuation(
                "late", "2025-03-05T07:00:00+00:00", "Around 500 residents were evacuated from their homes."
            ),
        ],
    )
    (conflict,) = story.conflicts
    assert conflict.kind == "number" and not conflict.update and "disagree" in conflict.description


def _two_outlets(place: str, *articles: tuple[str, str, dict[str, str]]):
    """Conflicts of a story of two outlets' one-sentence articles (title, body, dates), a day
    apart, naming ``place``."""
    made = [
        make_article(
            k, k.upper(), f"2025-03-1{i + 5}T10:00:00+00:00", *told, names={place: "GPE"}, dates=when
        )
        for i, (k, (*told, when)) in enumerate(zip("ab", articles, strict=True))
    ]
    return compare_story("story", made).conflicts


@pytest.mark.slow
def test_counts_of_claims_kept_apart_still_conflict():
    police = "Police said around 300 tractors were involved in the blockade of the Dunmore ring road."
    clarion = "Nearly 500 tractors clogged every road into Dunmore on Saturday, farmers said."
    conflicts = _two_outlets(
        "Dunmore", ("Farmers block Dunmore", police, {}), ("Tractors in Dunmore", clarion, {})
    )
    assert {v.article_id: v.value for c in conflicts for v in c.values} == {
        "a": "300 tractors",
        "b": "500 tractors",
    }


@pytest.mark.slow
def test_counts_of_different_years_are_no_dispute_but_a_period_since_one_is_of_now():
    aid = "The government released 50 million markas from the national reserve for Ashby on Tuesday."
    wall = "Records show 38 million markas set aside for an Ashby flood wall in 2021 were spent elsewhere."
    threat = "The Kestrel union's 900 members are threatening an overtime ban from 24 March."
    record = "The Kestrel union's 1,150 members have averaged 19 hours of overtime a week since last autumn."
    years = [
        (("Aid for Ashby", aid, {"on Tuesday": "2025-03-15"}), ("The flood wall", wall, {"in 2021": "2021"})),
        (
            ("Ban threat", threat, {"from 24 March": "2025-03-24"}),
            ("Overtime", record, {"since last autumn": "2024-09"}),
        ),
    ]
    found = [
        {v.value for c in _two_outlets(place, *pair) for v in c.values}
        for place, pair in zip(("Ashby", "Kestrel"), years, strict=True)
    ]
    assert found == [set(), {"900 members", "1,150 members"}]  # "since last autumn" runs to now


def test_a_stage_is_read_from_the_last_cue_before_the_figure():
    stage = load_lexicon().stage_before
    text = "Having asked for 9%, the union signed a deal for 6.5% and 3% more."
    assert [stage(text, text.index(f)) for f in ("9%", "6.5%", "3%")] == ["sought", "agreed", "agreed"]
    assert stage("Nine people died.", 0) is None


@pytest.mark.slow
def test_a_figure_asked_for_is_no_value_of_the_figure_agreed():
    asked = "The Kestrel dockers' union asked for a 9% pay rise this year."
    other = "The Kestrel dockers' union asked for a 7% pay rise this year."
    agreed = "Under the agreement, Kestrel dockers will get a 6.5% pay rise this year."
    grab = (
        "9% pay grab by Kestrel dockers",
        "The union's demands: a 9% pay rise this year for Kestrel dockers.",
        {},
    )
    assert _two_outlets("Kestrel", ("Union asks", asked, {}), ("Deal", agreed, {})) == []
    assert _two_outlets("Kestrel", grab, ("Deal", agreed, {})) == []  # the headline's 9% is the body's
    conflicts = _two_outlets("Kestrel", ("Union asks", asked, {}), ("Union asks", other, {}))
    assert {v.value for c in conflicts for v in c.values} == {"9%", "7%"}


@pytest.mark.slow
def test_a_limit_is_no_value_of_the_measure_it_limits():
    average = "Kestrel dockers have averaged 19 hours of overtime a week, the union says."
    cap = "Kestrel dockers' overtime will be capped at 12 hours a week, the union says."
    other_cap = "Kestrel dockers' overtime will be capped at 10 hours a week, the union says."
    assert _two_outlets("Kestrel", ("Overtime", average, {}), ("Overtime", cap, {})) == []
    limit = "The Kestrel union proposed a limit of overtime work of 10 hours per week for dockers."
    assert _two_outlets("Kestrel", ("Overtime", average, {}), ("Proposals", limit, {})) == []
    conflicts = _two_outlets("Kestrel", ("Overtime", cap, {}), ("Overtime", other_cap, {}))
    assert {v.value for c in conflicts for v in c.values} == {"12 hours", "10 hours"}


@pytest.mark.slow
def test_an_article_of_unknown_outlet_is_named_so_in_a_conflict():
    articles = [
        make_article(
            "a", "Kestrel Gazette", "2025-03-15T10:00:00+00:00", "Union asks", "The union asked for 9%."
        ),
        make_article("b", None, "2025-03-15T11:00:00+00:00", "Union asks", "The union asked for 7%."),
    ]
    (conflict,) = compare_story("story", articles).conflicts
    assert conflict.description.endswith('Kestrel Gazette: "9%"; unknown outlet, id b: "7%".')


def _unit(article_id: str, outlet: str, text: str) -> ClaimUnit:
    article = make_article(article_id, outlet, "2025-03-03T10:00:00+00:00", "Dock strike", text)
    return ClaimUnit(article, "text", 0, len(text), 0, 0.0, True)


def _actors(first_body: str, second_body: str) -> list[tuple[str, str, str]]:
    """The disagreements of the two bodies' first sentences, the place and the ship named."""
    names = {"Lunesse": "GPE", "Lisandra": "GPE"}  # as the small tagger types the ship
    articles = [
        make_article(k, k, "2027-04-11T20:00:00+00:00", "Ferry fire", body, names=names)
        for k, body in (("a", first_body), ("b", second_body))
    ]
    entities = story_entities(articles)
    units = [next(u for u in article_claims(article) if u.field == "text") for article in articles]
    features = [Features.of(unit, entities) for unit in units]
    return [d for d in disagreements(*units, *features) if d[0] == "entity"]


def test_two_names_are_no_dispute_when_each_article_names_both():
    ship = "Fire broke out aboard the Lisandra on Sunday evening."
    assert _actors("Fire broke out off Lunesse on Sunday evening.", ship) == [
        ("entity", "Lunesse", "Lisandra")
    ]
    both = "Fire broke out off Lunesse on Sunday evening. The ferry Lisandra carried 300 people."
    assert not _actors(both, ship + " She was near Lunesse.")


def test_framing_contrasts_only_words_in_the_same_slot():
    same = [
        _unit("t", "Tabloid", "Union leader Mara Velling admitted the workers wanted a fair deal."),
        _unit("w", "Wire", "Union leader Mara Velling said the workers wanted a fair deal."),
    ]
    mixed = [
        _unit("t", "Tabloid", "Chaos gripped the docks as the strike began on Monday."),
        _unit("w", "Wire", "The port authority said the talks on Monday would go on."),
    ]
    quoted = [
        _unit("t", "Tabloid", 'But she admitted that she "should have asked harder questions".'),
        _unit("w", "Wire", '"I did not know, but I should have asked harder questions," she wrote.'),
    ]
    claims = [Claim(f"c{n}", "", "partial") for n in (1, 2, 3)]
    (framing,) = find_framing(claims, {"c1": same, "c2": mixed, "c3": quoted})
    assert framing.claim_id == "c1"
    assert [(v.article_id, v.phrase) for v in framing.variants] == [("t", "admitted"), ("w", "said")]
    assert framing.note == 'Tabloid writes "admitted" (guilt) where Wire writes "said".'


def test_framing_reads_the_neutral_wording_out_of_its_slot():
    """Worded in parallel but not word for word: the lexicon's neutral wording of a loaded term,
    and a neutral speech verb giving the same speaker's words."""
    demands = [
        _unit("t", "Tabloid", "The Dockworkers' Union has handed the port a list of radical demands."),
        _unit(
            "w",
            "Wire",
            "The Dockworkers' Union today handed the port authority its proposals for a new deal.",
        ),
    ]
    quoted = [
        _unit("t", "Tabloid", 'But she admitted that she "should have asked harder questions".'),
        _unit("w", "Wire", '"I did not know, but I should have asked harder questions," she wrote.'),
    ]
    other = _unit("w", "Wire", "Whitlock said the hospitals' figures would be checked again.")
    for unit in [*quoted, other]:
        unit.speaker = "Dana Whitlock"
    claim_similarity([*quoted, other])  # the units' vectors: what they say must be alike
    claims = [Claim(f"c{n}", "", "partial") for n in (1, 2, 3)]
    notes = [f.note for f in find_framing(claims, {"c1": demands, "c2": quoted, "c3": [quoted[0], other]})]
    assert notes == [
        'Tabloid writes "radical demands" (negative) where Wire writes "proposals".',
        'Tabloid writes "admitted" (guilt) where Wire writes "wrote".',
    ]  # not "said" for another statement of hers


def test_a_conflicts_claims_are_in_the_storys_order():
    assert in_order({"c10", "c7", "c1"}) == ["c1", "c7", "c10"]  # not "c1", "c10", "c7"
