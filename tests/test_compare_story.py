"""compare_story on small fictional stories: statuses, copies, conflicts, framing, summary, timeline."""

from __future__ import annotations

import pytest

from storylens.compare import compare_story
from storylens.compare.lexicon import load_lexicon
from storylens.compare.text import figures
from storylens.models import Story, contract
from storylens.schema import validate_contract
from tests.test_compare_fixtures import STRIKE_NAMES, make_article, strike_story

pytestmark = pytest.mark.slow  # sentence embeddings


@pytest.fixture(scope="module")
def strike() -> Story:
    return compare_story("strike", strike_story())


def _claim_with(story: Story, words: str):
    return next(c for c in story.claims if words in c.text)


def test_statuses_count_a_syndicated_copy_once(strike):
    walkout = _claim_with(strike, "walked")
    assert walkout.status == "consensus"
    assert {s.article_id for s in walkout.support} == {"wire", "tabloid", "partisan", "copy"}
    assert {s.copy_of for s in walkout.support if s.article_id == "copy"} == {"wire"}
    exports = _claim_with(strike, "grain exports")
    assert exports.status == "partial"
    assert _claim_with(strike, "Lorries").status == "unique"
    headlines = {s.article_id for s in walkout.support if s.field == "title"}
    # a headline may carry the fact beside the lead; the partisan's "Union shuts down Kestrel Bay
    # port" tells it in loaded words, which may stand apart
    assert {"wire", "copy"} <= headlines <= {"wire", "partisan", "copy"}


def test_claim_ids_follow_importance(strike):
    assert [c.id for c in strike.claims] == [f"c{i}" for i in range(1, len(strike.claims) + 1)]
    importance = [c.importance for c in strike.claims]
    assert importance == sorted(importance, reverse=True)
    assert strike.claims[0].status == "consensus"


def test_every_span_is_its_text(strike):
    articles = {a.id: a for a in strike_story()}
    spans = [s for c in strike.claims for s in c.support]
    spans += [c for s in strike.summary for c in s.citations] + [
        c for t in strike.timeline for c in t.also_cited
    ]
    for span in spans:
        text = articles[span.article_id].span_text(span.start, span.end, span.field)
        assert text and text == getattr(span, "text", text)
    for entry in strike.timeline:
        assert articles[entry.article_id].text[entry.start : entry.end] == entry.text


def test_story_validates_against_the_contract(strike):
    validate_contract(contract([strike], strike_story()))
    assert strike.title in {a.title for a in strike_story()}
    assert strike.outlets[0] == "Meridian Wire" and strike.first_published < strike.last_published


def test_omissions_list_what_others_carry(strike):
    omitted = {o.article_id: o.claim_ids for o in strike.omissions}
    assert _claim_with(strike, "grain exports").id in omitted["tabloid"]
    assert _claim_with(strike, "1,200").id in omitted["partisan"]
    assert "wire" not in omitted


def test_number_and_polarity_conflicts_name_each_outlet(strike):
    by_kind = {c.kind: c for c in strike.conflicts}
    assert set(by_kind) == {"number", "negation"}
    members = {v.article_id: v.value for v in by_kind["number"].values}
    assert members["wire"] == "1,200 members" and members["tabloid"] == "1,500 members"
    assert not by_kind["number"].update
    assert "Meridian Wire" in by_kind["negation"].description and "refused" in by_kind["negation"].description


def test_framing_contrasts_loaded_words_with_neutral_ones(strike):
    phrases = {
        (f.claim_id, v.article_id): (v.phrase, v.connotation) for f in strike.framing for v in f.variants
    }
    velling = _claim_with(strike, "fair deal").id
    assert phrases[(velling, "tabloid")] == ("admitted", "guilt")
    assert phrases[(velling, "wire")] == ("said", "neutral")
    proposals = _claim_with(strike, "overtime pay for night").id
    assert phrases[(proposals, "partisan")] == ("radical demands", "negative")
    assert phrases[(proposals, "wire")] == ("proposals", "neutral")
    assert {"outlet": "The Daily Clarion", "entity": "Mara Velling"}.items() <= strike.loaded_terms[0].items()


def test_loaded_terms_are_those_said_of_a_name_not_every_name_of_the_sentence():
    names = {"Geneva": "GPE", "Tarnow": "GPE", "Piotr Nowak": "PERSON"}
    clarion = make_article(
        "clarion",
        "The Daily Clarion",
        "2025-03-07T21:10:00+01:00",
        "Geneva fiasco shows the talks failed",
        '"And she just walks out?" fumed Piotr Nowak, whose nephew serves with the guards at Tarnow. '
        "Farmers near Tarnow fear for their water. A grass fire raged near Tarnow overnight.",
        names=names,
    )
    wire = make_article(
        "wire",
        "Meridian Wire",
        "2025-03-07T12:00:00+00:00",
        "Talks in Geneva end early",
        "The talks in Geneva ended early. Farmers near Tarnow fear for their water.",
        names=names,
    )
    story = compare_story("talks", [wire, clarion])
    said_of = {
        (row["outlet"], row["entity"]): [t["term"] for t in row["terms"]] for row in story.loaded_terms
    }
    clarion_terms = {
        ("The Daily Clarion", "Geneva"): ["fiasco"],
        ("The Daily Clarion", "Piotr Nowak"): ["fumed"],
    }
    assert said_of == clarion_terms  # nothing of Tarnow: "fumed" is Nowak's, "raged" a fire's


def test_summary_tells_an_updated_fact_where_the_story_first_told_it():
    names = {"Telvora": "ORG"}
    regulator = "The regulator has opened an investigation into Telvora."
    now = "Telvora now says about 2.1 million customers were affected by the breach."
    first = make_article(
        "wire",
        "Meridian Wire",
        "2025-03-11T08:00:00+00:00",
        "",
        "Telvora said on Tuesday that about 1.2 million customers were affected by the breach.",
        names=names,
    )
    later = [
        make_article(k, k, f"2025-03-13T1{n}:00:00+00:00", "", f"{regulator} {now}", names=names)
        for n, k in enumerate(("Northgate Evening Post", "Kestrel Bay Gazette"), start=2)
    ]
    story = compare_story("breach", [first, *later])
    assert [c.update for c in story.conflicts] == [True]
    # told in the latest words, but first: the wire told the breach before anyone told of the regulator
    assert [s.text for s in story.summary] == [now, regulator]


def test_summary_is_neutral_cited_and_free_of_repeats(strike):
    claims = {c.id: c for c in strike.claims}
    statuses = [claims[s.claim_id].status for s in strike.summary]
    assert statuses[0] == "consensus" and statuses == sorted(statuses)  # consensus block, then partial
    assert len({s.text for s in strike.summary}) == len(strike.summary)
    for sentence in strike.summary:
        assert {c.article_id for c in sentence.citations} == {
            s.article_id for s in claims[sentence.claim_id].support
        }
    texts = " ".join(s.text for s in strike.summary)
    assert "radical demands" not in texts and "admitted" not in texts and "proposals" in texts
    disputed = {i for c in strike.conflicts for i in c.claim_ids}
    assert disputed and not disputed & {s.claim_id for s in strike.summary}


def test_timeline_is_ordered_and_merged(strike):
    dates = [t.date for t in strike.timeline]
    assert dates == sorted(dates) == ["2025-03-03", "2025-03-06"]
    assert len(strike.timeline[0].also_cited) == 3


def _toll(article_id: str, published: str, sentence: str, title: str = "Factory fire in Dunmore"):
    body = f"A fire swept through a textile plant in Dunmore. {sentence} Investigators are at the site."
    return make_article(article_id, article_id.title(), published, title, body, names={"Dunmore": "GPE"})


def test_a_later_figure_is_an_update_not_a_conflict():
    story = compare_story(
        "fire",
        [
            _toll("early", "2025-03-03T08:00:00+00:00", "Officials said 12 people were killed in the fire."),
            _toll(
                "late",
                "2025-03-04T09:00:00+00:00",
                "Officials said the toll rose to 15 people killed in the fire.",
            ),
        ],
    )
    (conflict,) = story.conflicts
    assert conflict.update and conflict.kind == "number"
    assert [v.published[:10] for v in conflict.values] == ["2025-03-03", "2025-03-04"]
    assert "updated" in conflict.description
    (toll,) = [s for s in story.summary if "people" in s.text]
    assert "15 people" in toll.text and [c.article_id for c in toll.citations] == ["late"]


def test_same_time_figures_are_a_conflict():
    story = compare_story(
        "fire",
        [
            _toll("one", "2025-03-03T08:00:00+00:00", "Officials said 12 people were killed in the fire."),
            _toll("two", "2025-03-03T08:20:00+00:00", "Officials said 15 people were killed in the fire."),
        ],
    )
    assert [(c.kind, c.update) for c in story.conflicts] == [("number", False)]


def test_the_summary_gives_no_side_of_a_disputed_figure():
    articles = [
        _toll("one", "2025-03-03T08:00:00+00:00", "Officials said 12 people were killed in the fire."),
        _toll("two", "2025-03-03T08:20:00+00:00", "Officials said 15 people were killed in the fire."),
        _toll("three", "2025-03-03T08:40:00+00:00", "Officials said people were killed in the fire."),
    ]
    story = compare_story("fire", articles)
    (conflict,) = story.conflicts
    told = [s for s in story.summary if s.claim_id in conflict.claim_ids]
    assert told and all(not figures(s.text) for s in told)


def test_different_facts_with_different_figures_are_no_conflict():
    story = compare_story(
        "fire",
        [
            _toll("one", "2025-03-03T08:00:00+00:00", "Officials said 12 people were killed in the fire."),
            _toll(
                "two", "2025-03-03T08:20:00+00:00", "Officials said 40 workers were evacuated from the plant."
            ),
        ],
    )
    assert story.conflicts == []


def _dated(article_id: str, body: str, expression: str, value: str, names: dict[str, str]):
    return make_article(
        article_id,
        article_id,
        "2025-03-13T09:00:00+00:00",
        "News",
        body,
        names=names,
        dates={expression: value},
    )


def test_date_conflict():
    def article(article_id: str, expression: str, value: str):
        body = f"The Harbour Authority suspended the port's night shifts {expression}, citing safety rules."
        return _dated(article_id, body, expression, value, {"Harbour Authority": "ORG"})

    story = compare_story(
        "dates", [article("a", "on Monday", "2025-03-03"), article("b", "on Sunday", "2025-03-02")]
    )
    (conflict,) = story.conflicts
    assert conflict.kind == "date"
    assert [v.value for v in conflict.values] == ["2025-03-03 (on Monday)", "2025-03-02 (on Sunday)"]


def test_dates_of_one_event_conflict_though_the_claims_say_more():
    names = {"Dana Whitlock": "PERSON"}
    resigned = "Health Minister Dana Whitlock resigned on Wednesday over the waiting-list audit."
    quit = "Health Minister Dana Whitlock quit in disgrace on Tuesday night as hospital bosses fumed."
    story = compare_story(
        "resignation",
        [
            _dated("a", resigned, "on Wednesday", "2025-03-12", names),
            _dated("b", quit, "on Tuesday night", "2025-03-11", names),
        ],
    )
    assert [(c.kind, [v.value[:10] for v in c.values]) for c in story.conflicts] == [
        ("date", ["2025-03-12", "2025-03-11"])
    ]


def test_who_did_it_conflict():
    def article(article_id: str, actor: str):
        body = f"The {actor} arrested two men near the Kestrel Bay docks late on Tuesday night."
        return make_article(
            article_id,
            article_id,
            "2025-03-05T09:00:00+00:00",
            "Two arrested at docks",
            body,
            names={actor: "ORG", "Kestrel Bay": "GPE"},
        )

    story = compare_story("arrests", [article("a", "Harbour Police"), article("b", "Coast Guard")])
    (conflict,) = story.conflicts
    assert conflict.kind == "entity"
    assert {v.value for v in conflict.values} == {"Harbour Police", "Coast Guard"}


def test_a_single_article_story_is_all_unique_and_summarised():
    (article,) = [a for a in strike_story() if a.id == "tabloid"]
    story = compare_story("alone", [article])
    assert {c.status for c in story.claims} == {"unique"}
    assert story.omissions == [] and story.conflicts == [] and story.summary


def test_a_quoted_claim_names_its_speaker_by_the_story_entity():
    quoted = make_article(
        "q",
        "Q",
        "2025-03-03T10:00:00+00:00",
        "Dock strike",
        "“We will stay out until the port pays overtime fairly,” Velling said on the picket line.",
        names={"Velling": "PERSON"},
        quotes=[("We will stay out until the port pays overtime fairly,", "Velling")],
    )
    named = make_article(
        "n",
        "N",
        "2025-03-03T11:00:00+00:00",
        "Dock strike",
        "Union leader Mara Velling led the picket line at the port gates.",
        names={"Mara Velling": "PERSON"},
    )
    story = compare_story("quote", [quoted, named])
    claim = next(c for c in story.claims if "stay out" in c.text)
    assert claim.speaker == "Mara Velling"
    assert [q.speaker for q in story.quotes] == ["Mara Velling"]


def test_a_bare_negation_of_the_same_statement_is_a_conflict():
    def article(article_id: str, sentence: str):
        body = f"{sentence} The vote followed a long debate in the Ashby town hall."
        return make_article(
            article_id,
            article_id,
            "2025-03-05T09:00:00+00:00",
            "Ashby budget vote",
            body,
            names={"Ashby": "GPE"},
        )

    story = compare_story(
        "budget",
        [
            article("a", "The Ashby council approved the harbour budget on Tuesday night."),
            article("b", "The Ashby council did not approve the harbour budget on Tuesday night."),
        ],
    )
    (conflict,) = story.conflicts
    assert conflict.kind == "negation"
    assert [v.value for v in conflict.values] == ["without negation", "not approve"]


def test_a_fact_told_only_in_loaded_words_stays_out_of_the_summary():
    """The partisan's is the only readable wording of the demands (the wire's opens on a pronoun):
    taking the least loaded readable variant, as the summary once did, would tell it as "radical
    demands"; a summary sentence must carry no loaded term at all."""
    lead = "Dock workers at the Port of Kestrel Bay walked off the job on Monday after talks broke down."
    partisan = make_article(
        "partisan",
        "The Liberty Beacon",
        "2025-03-03T12:00:00+00:00",
        "Dock strike",
        f"{lead} The union's radical demands include doubling overtime pay for night shifts.",
        names=STRIKE_NAMES,
    )
    wire = make_article(
        "wire",
        "Meridian Wire",
        "2025-03-03T10:00:00+00:00",
        "Dock strike",
        f"{lead} It demands doubling overtime pay for night shifts, the union said.",
        names=STRIKE_NAMES,
    )
    story = compare_story("demands", [wire, partisan])
    demands = next(c for c in story.claims if any("radical demands" in s.text for s in c.support))
    assert {s.article_id for s in demands.support} == {"wire", "partisan"}
    assert story.summary and demands.id not in {s.claim_id for s in story.summary}
    assert not any(load_lexicon().loaded(s.text) for s in story.summary)
