"""Streaming and batch clustering on a small fictional week of news, with the real embedder."""

from __future__ import annotations

import dataclasses
import random
import re
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest

from storylens.cluster import ClusterConfig, Clusterer, cluster_batch
from storylens.eval.clustering import score_clustering
from storylens.models import Article, Entity, Mention, Sentence, TemporalExpression

MONDAY = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)

#: (id, event, day offset, title, text, entity names, dated expressions)
WEEK = [
    (
        "fire-a1",
        "mill fire",
        0,
        "Fire destroys Dunmore textile mill",
        "A fire tore through the Harlow textile mill in Dunmore early on Monday, destroying the main "
        "weaving hall. Fire chief Edwin Marsh said 42 firefighters fought the blaze for six hours and "
        "that two workers were treated for smoke inhalation at Dunmore General Hospital. The cause of "
        "the fire is under investigation, and the mill's owner, Harlow Fabrics, said production would "
        "stop for at least a month while engineers inspect the damaged roof.",
        ["Dunmore", "Edwin Marsh", "Harlow Fabrics", "Dunmore General Hospital"],
        ["2025-03-03"],
    ),
    (
        "fire-a2",
        "mill fire",
        0,
        "Dunmore mill blaze: two workers hurt",
        "Two workers were hurt when fire broke out at the Harlow Fabrics mill in Dunmore on Monday "
        "morning. Edwin Marsh, the town's fire chief, said crews kept the flames away from a chemical "
        "store next to the weaving hall. Harlow Fabrics employs 310 people in Dunmore.",
        ["Dunmore", "Edwin Marsh", "Harlow Fabrics"],
        ["2025-03-03"],
    ),
    (
        "fire-a3",
        "mill fire",
        1,
        "Investigators examine Dunmore mill fire",
        "Investigators on Tuesday began examining the burnt-out weaving hall of the Harlow Fabrics mill "
        "in Dunmore. Fire chief Edwin Marsh said a fault in a dryer was one line of inquiry. The 42 "
        "firefighters who fought Monday's blaze were praised by the mayor.",
        ["Dunmore", "Edwin Marsh", "Harlow Fabrics"],
        ["2025-03-04", "2025-03-03"],
    ),
    (
        "fire-a1-copy",
        "mill fire",
        0,
        "Blaze guts weaving hall at Dunmore mill",
        "A fire tore through the Harlow textile mill in Dunmore early on Monday, destroying the main "
        "weaving hall. Fire chief Edwin Marsh said 42 firefighters fought the blaze for six hours and "
        "that two workers were treated for smoke inhalation at Dunmore General Hospital. The cause of "
        "the fire is under investigation, and Harlow Fabrics said production would stop for at least "
        "a month while engineers inspect the damaged roof.",
        ["Dunmore", "Edwin Marsh", "Harlow Fabrics", "Dunmore General Hospital"],
        ["2025-03-03"],
    ),
    (
        "fire-b1",
        "warehouse fire",
        3,
        "Warehouse fire at Port Halden docks",
        "A warehouse at the Port Halden docks caught fire on Thursday evening, sending black smoke over "
        "the harbour. Port Halden fire service said 25 firefighters were sent and that the warehouse, "
        "leased by the shipping firm Corvane Logistics, held paint and solvents. Nobody was injured, "
        "said fire officer Lena Brandt.",
        ["Port Halden", "Corvane Logistics", "Lena Brandt"],
        ["2025-03-06"],
    ),
    (
        "fire-b2",
        "warehouse fire",
        3,
        "Smoke over Port Halden as warehouse burns",
        "Residents of Port Halden were told to keep windows shut after a warehouse holding solvents "
        "burned at the docks on Thursday. Lena Brandt of the fire service said Corvane Logistics had "
        "stored 800 drums of paint there.",
        ["Port Halden", "Corvane Logistics", "Lena Brandt"],
        ["2025-03-06"],
    ),
    (
        "fire-b3",
        "warehouse fire",
        4,
        "Corvane Logistics questioned over Port Halden fire",
        "Corvane Logistics was asked on Friday to explain why 800 drums of paint were kept in the Port "
        "Halden warehouse that burned on Thursday. Fire officer Lena Brandt said the company's permit "
        "allowed only 200.",
        ["Port Halden", "Corvane Logistics", "Lena Brandt"],
        ["2025-03-07", "2025-03-06"],
    ),
    (
        "quit-a1",
        "minister quits",
        1,
        "Transport minister Ilse Varga resigns",
        "Transport minister Ilse Varga resigned on Tuesday after an audit found that the rail contract "
        "she signed in 2023 cost 1.4 billion more than planned. Prime minister Tomas Reyes accepted "
        "her resignation and said a successor would be named this week.",
        ["Ilse Varga", "Tomas Reyes"],
        ["2025-03-04"],
    ),
    (
        "quit-a2",
        "minister quits",
        1,
        "Varga quits over rail contract audit",
        "Ilse Varga stepped down as transport minister on Tuesday. The audit of the 2023 rail contract "
        "found costs of 1.4 billion over budget, and Tomas Reyes, the prime minister, thanked her for "
        "her service.",
        ["Ilse Varga", "Tomas Reyes"],
        ["2025-03-04"],
    ),
    (
        "quit-b1",
        "mayor quits",
        2,
        "Mayor of Kestrel Bay Owen Pike resigns",
        "Owen Pike resigned as mayor of Kestrel Bay on Wednesday, citing his health. Pike, who had led "
        "the council since 2019, said deputy mayor Sara Quinn would act as mayor until an election in "
        "May.",
        ["Owen Pike", "Kestrel Bay", "Sara Quinn"],
        ["2025-03-05"],
    ),
    (
        "quit-b2",
        "mayor quits",
        2,
        "Kestrel Bay mayor steps down for health reasons",
        "The mayor of Kestrel Bay, Owen Pike, stepped down on Wednesday for health reasons. Sara Quinn, "
        "his deputy, takes over until the May election, the council said.",
        ["Owen Pike", "Kestrel Bay", "Sara Quinn"],
        ["2025-03-05"],
    ),
]


def week_articles() -> list[Article]:
    from storylens.analyze.embed import get_embedder

    articles = []
    for article_id, _, day, title, text, names, dates in WEEK:
        article = Article(
            id=article_id,
            source=f"{article_id}.txt",
            title=title,
            text=text,
            published=MONDAY + timedelta(days=day, hours=len(articles)),
        )
        article.entities = [Entity(id=f"{article_id}-{i}", name=n, type="OTHER") for i, n in enumerate(names)]
        article.mentions = [
            Mention(n, m.start(), m.end(), "OTHER", f"{article_id}-{i}", field)
            for i, n in enumerate(names)
            for field in ("title", "text")
            for m in re.finditer(re.escape(n), getattr(article, field))
        ]
        article.sentences = [Sentence(m.start(), m.end()) for m in re.finditer(r"[^.]+\.", text)]
        article.dates = [TemporalExpression(d, 0, 0, d) for d in dates]
        articles.append(article)
    vectors = get_embedder().encode([f"{a.title}\n{a.text}" for a in articles])
    for article, vector in zip(articles, vectors, strict=True):
        article.embedding = vector.tolist()
    return articles


def gold() -> list[str]:
    return [event for _, event, *_ in WEEK]


@pytest.mark.slow
def test_same_kind_events_in_one_week_stay_apart() -> None:
    clusterer = Clusterer()
    placements = [clusterer.place(a) for a in week_articles()]
    stories = [clusterer.story_of(article_id) for article_id, *_ in WEEK]
    assert score_clustering(gold(), stories).bcubed_f1 == 1.0
    assert placements[0].story_id == "s-fire-a1"


@pytest.mark.slow
def test_syndicated_copy_is_flagged_and_kept_in_the_story() -> None:
    articles = week_articles()
    clusterer = Clusterer()
    placements = {a.id: clusterer.place(a) for a in articles}
    copy = next(a for a in articles if a.id == "fire-a1-copy")
    assert copy.duplicate_of == "fire-a1" == placements["fire-a1-copy"].duplicate_of
    assert copy.story_id == placements["fire-a1"].story_id
    assert all(a.duplicate_of is None for a in articles if a is not copy)


@pytest.mark.slow
def test_rebuilt_clusterer_places_like_the_original() -> None:
    articles = week_articles()
    late = articles.pop(2)  # the investigators' follow-up arrives after a restart
    first = Clusterer()
    placements = [first.place(a) for a in articles]
    rebuilt = Clusterer(
        ClusterConfig(), [p.item for p in placements if p.item], [p.profiles[-1] for p in placements]
    )
    assert rebuilt.place(dataclasses.replace(late)).story_id == first.place(late).story_id == "s-fire-a1"
    assert rebuilt.story_of("quit-b2") == first.story_of("quit-b2")


@pytest.mark.slow
def test_placing_an_article_again_changes_nothing() -> None:
    articles = week_articles()
    clusterer = Clusterer()
    for article in articles:
        clusterer.place(article)
    again = clusterer.place(articles[3])
    assert (again.story_id, again.duplicate_of, again.item) == ("s-fire-a1", "fire-a1", None)


@pytest.mark.slow
def test_arrival_order_changes_little() -> None:
    articles = week_articles()
    batch = [p.story_id for p in cluster_batch(articles)]
    for seed in range(3):
        order = list(range(len(articles)))
        random.Random(seed).shuffle(order)
        clusterer = Clusterer()
        for i in order:
            clusterer.place(dataclasses.replace(articles[i]))
        streamed = [clusterer.story_of(a.id) for a in articles]
        assert score_clustering(batch, streamed).ari >= 0.9


@pytest.mark.slow
def test_bridging_article_merges_two_stories() -> None:
    # entity evidence alone decides here, so the bridge is the only link between the halves
    config = ClusterConfig(
        weight_centroid=0,
        weight_link=0,
        weight_person=0,
        weight_entity=1,
        weight_year=0,
        weight_number=0,
        weight_date=0,
        join_threshold=0.5,
        merge_threshold=0.5,
    )
    articles = week_articles()[:2]
    bridge = dataclasses.replace(articles[0], id="bridge", text=WEEK[2][4], entities=articles[0].entities[:3])
    articles[0].entities, articles[1].entities = articles[0].entities[:2], articles[1].entities[2:3]
    clusterer = Clusterer(config)
    first, second = clusterer.place(articles[0]), clusterer.place(articles[1])
    assert first.story_id != second.story_id
    placement = clusterer.place(bridge)
    assert placement.merges == [("s-fire-a2", "s-fire-a1")]
    assert clusterer.story_of("fire-a2") == placement.story_id == "s-fire-a1"
    rebuilt = Clusterer(config, [p.item for p in (first, second, placement) if p.item], placement.profiles)
    assert rebuilt.resolve("s-fire-a2") == "s-fire-a1"


@pytest.mark.slow
def test_refine_moves_articles_out_of_wrong_stories_and_records_emptied_ones() -> None:
    articles = week_articles()
    first = Clusterer()
    items = {item.article_id: item for item in (first.place(a).item for a in articles) if item}
    wrong_story = first.story_of("quit-b1")
    items["fire-a3"].story_id = wrong_story  # an early wrong join
    items["fire-a2"].story_id = "s-fire-a2"  # a story of its own
    clusterer = Clusterer(ClusterConfig(), items.values())
    assert clusterer.story_of("fire-a3") == wrong_story
    refinement = clusterer.refine(articles)
    assert refinement.moves == [
        ("fire-a2", "s-fire-a2", "s-fire-a1"),
        ("fire-a3", wrong_story, "s-fire-a1"),
    ]
    assert refinement.merges == [("s-fire-a2", "s-fire-a1")] and clusterer.resolve("s-fire-a2") == "s-fire-a1"
    assert articles[2].story_id == "s-fire-a1"
    sizes = {p.story_id: p.features["size"] for p in clusterer.profiles()}
    assert sizes == Counter(clusterer.story_of(a.id) for a in articles)
    assert {p.story_id for p in refinement.profiles} == {"s-fire-a1", wrong_story}
    assert clusterer.refine(articles).moves == []


@pytest.mark.slow
def test_copies_are_found_within_the_signature_window_only() -> None:
    articles = week_articles()
    original, copy = articles[0], articles[3]
    between = [a for a in articles if a.id.startswith("quit")][:3]
    found = {}
    for window in (4, 3):
        clusterer = Clusterer(ClusterConfig(duplicate_window=window))
        for article in [original, *between]:
            clusterer.place(dataclasses.replace(article))
        found[window] = clusterer.place(dataclasses.replace(copy)).duplicate_of
    assert found == {4: "fire-a1", 3: None}
