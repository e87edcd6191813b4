"""Time ``compare_story`` on synthetic stories of 2, 10 and 50 articles.

The articles are assembled from fictional paragraphs written for this benchmark: each outlet
tells a subset of one event's facts, each fact in one of several wordings, plus details of its
own. They are analysed for real (spaCy, quotes, dates) before timing; the timed part is the
comparison alone, embeddings included, with the embedder loaded beforehand. Medians of
``--repeats`` runs; beside each, the bare embedding of the same distinct claim texts in the same
run, since on a shared machine the ratio means more than the seconds. Cold: the claim-vector
cache is cleared before each run; then the warm case of a story compared again when one more
article joins it.

    .venv/bin/python bench/compare_speed.py [--repeats 3]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from datetime import UTC, datetime, timedelta

from storylens.analyze import Analyzer
from storylens.analyze.embed import get_embedder
from storylens.compare import clear_vector_cache, compare_story
from storylens.models import Article

FACTS = [
    [
        "A landslide blocked the Corrin Pass road north of Veldmoor on Tuesday night.",
        "Tuesday night's landslide cut the Corrin Pass road north of Veldmoor.",
        "The road through Corrin Pass, north of Veldmoor, was buried by a landslide on Tuesday night.",
    ],
    [
        "Rescue teams pulled 14 people from three cars trapped under the debris.",
        "Fourteen people were rescued from three cars caught in the slide.",
        "Emergency crews freed 14 motorists from three vehicles under the mud.",
    ],
    [
        "Regional governor Ilse Marrow said the road would stay closed for at least two weeks.",
        "Governor Ilse Marrow admitted the road would remain shut for at least two weeks.",
        "The road will be closed for two weeks or more, governor Ilse Marrow said.",
    ],
    [
        "Heavy rain had fallen on the pass for six days before the slope gave way.",
        "Six days of heavy rain preceded the collapse of the slope.",
        "The slope collapsed after almost a week of torrential rain.",
    ],
    [
        "Engineers from the Transport Agency began surveying the slope on Wednesday.",
        "The Transport Agency sent engineers to survey the slope on Wednesday.",
        "On Wednesday, Transport Agency engineers started a survey of the hillside.",
    ],
    [
        "Villages beyond the pass can only be reached by a 90-kilometre detour.",
        "A detour of 90 kilometres is now the only way to the villages beyond the pass.",
        "Residents beyond the pass face a 90-kilometre detour.",
    ],
    [
        "Local farmers warned that milk deliveries to the valley dairies would be disrupted.",
        "Dairy farmers said milk runs to the valley would be hit by the closure.",
        "The closure will disrupt milk deliveries to valley dairies, farmers warned.",
    ],
    [
        "The same stretch of road was closed for a month after a smaller slide in 2019.",
        "A smaller slide closed the same stretch for a month in 2019.",
        "In 2019 a lesser landslide shut this part of the road for a month.",
    ],
    [
        "Opposition councillor Davor Lint accused the agency of ignoring warnings about the slope.",
        "Councillor Davor Lint claimed the agency had ignored repeated warnings about the slope.",
        "The agency ignored warnings about the slope, opposition councillor Davor Lint said.",
    ],
    [
        "The Transport Agency said it had inspected the slope in the spring and found no danger.",
        "The agency insisted its spring inspection had found no danger on the slope.",
        "A spring inspection found no sign of danger, the Transport Agency said.",
    ],
    [
        "Two of the rescued motorists were taken to hospital in Veldmoor with minor injuries.",
        "Two motorists were treated in a Veldmoor hospital for minor injuries.",
        "Hospital staff in Veldmoor treated two of the motorists for minor injuries.",
    ],
    [
        "A temporary bus service will run from Veldmoor to the nearest villages from Friday.",
        "From Friday, buses will link Veldmoor with the nearest villages.",
        "The region will lay on temporary buses from Veldmoor to nearby villages from Friday.",
    ],
]
DETAILS = [
    "A bakery owner on {street} said her deliveries had stopped.",
    "Schoolchildren from {village} stayed home on Wednesday.",
    "Volunteers in {village} handed out hot soup to stranded drivers.",
    "The mayor of {village} called an emergency meeting in the town hall.",
    "A pharmacist on {street} said medicine stocks would last a week.",
    "Trucks queued for hours at the junction near {village}.",
]
ATTRIBUTIONS = [
    "",
    ", officials said",
    ", according to local radio",
    ", police said",
    ", the regional broadcaster reported",
    ", witnesses said",
    ", a spokesperson confirmed",
    ", residents told reporters",
]
STREETS = ["Mill Lane", "Orchard Row", "Quarry Street", "Church Walk", "Bridge Road", "Kiln Street"]
VILLAGES = ["Aspen Hollow", "Brackwater", "Cullen Ford", "Dunmere", "Eskby", "Fallowfield"]


def synthetic_articles(count: int, seed: int = 7) -> list[Article]:
    rng = random.Random(seed)
    start = datetime(2025, 4, 8, 6, 0, tzinfo=UTC)
    articles = []
    for number in range(count):
        facts = sorted(rng.sample(range(len(FACTS)), rng.randint(6, len(FACTS))))
        sentences = [_attributed(rng.choice(FACTS[i]), rng.choice(ATTRIBUTIONS)) for i in facts]
        sentences += [
            rng.choice(DETAILS).format(street=rng.choice(STREETS), village=rng.choice(VILLAGES))
            for _ in range(3)
        ]
        paragraphs = ["\n\n".join(" ".join(sentences[i : i + 2]) for i in range(0, len(sentences), 2))]
        articles.append(
            Article(
                id=f"a{number:02d}",
                source=f"synthetic/{number}",
                text=paragraphs[0],
                outlet=f"Outlet {number:02d}",
                title=sentences[0].rstrip("."),
                published=start + timedelta(minutes=37 * number),
            )
        )
    return articles


def _attributed(sentence: str, attribution: str) -> str:
    return sentence[:-1] + attribution + "." if attribution and "said" not in sentence else sentence


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    articles = synthetic_articles(50)
    Analyzer(embed=False).analyze(articles)
    get_embedder().encode(["warm-up"])
    print(
        f"{'articles':>8} {'claims':>7} {'distinct':>8} {'compare s':>10} {'encode s':>9} "
        f"{'ratio':>6} {'growth':>7}"
    )
    baseline = None
    for size in (2, 10, 50):
        compare, encode, claims, distinct = _cold_runs(articles[:size], args.repeats)
        baseline = baseline or compare
        print(
            f"{size:>8} {claims:>7} {distinct:>8} {compare:>10.3f} {encode:>9.3f} {compare / encode:>6.2f} "
            f"{compare / baseline:>7.1f}"
        )
    print(
        f"50 articles compared again after the 50th joined (claim vectors cached): "
        f"{_median_recompare(articles, args.repeats):.3f} s"
    )


def _cold_runs(articles: list[Article], repeats: int) -> tuple[float, float, int, int]:
    """Median seconds of a cold comparison and of bare embedding of its distinct claim texts,
    timed one after the other in each repeat (the baseline compare cannot beat)."""
    compare_times, encode_times = [], []
    for _ in range(repeats):
        clear_vector_cache()
        began = time.perf_counter()
        story = compare_story("bench", articles)
        compare_times.append(time.perf_counter() - began)
        texts = list(dict.fromkeys(s.text for c in story.claims for s in c.support))
        began = time.perf_counter()
        get_embedder().encode(texts)
        encode_times.append(time.perf_counter() - began)
    claims = sum(len(c.support) for c in story.claims)
    return statistics.median(compare_times), statistics.median(encode_times), claims, len(texts)


def _median_recompare(articles: list[Article], repeats: int) -> float:
    """What the pipeline pays when one article joins a story: the story is compared again."""
    times = []
    for _ in range(repeats):
        clear_vector_cache()
        compare_story("before", articles[:-1])
        began = time.perf_counter()
        compare_story("after", articles)
        times.append(time.perf_counter() - began)
    return statistics.median(times)


if __name__ == "__main__":
    main()
