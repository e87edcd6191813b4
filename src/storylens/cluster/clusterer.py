"""Streaming same-event clustering with near-duplicate detection.

Each article is first checked against earlier ones for a syndicated copy (MinHash LSH over word
shingles): a copy joins its original's story. Otherwise its ANN neighbours name candidate
stories, each is scored (:mod:`storylens.cluster.scoring`), and the article joins the best one
at or above ``join_threshold`` or starts a story of its own. Other candidates scoring at or
above ``merge_threshold`` are the same event seen through a bridging article: they are merged
into the largest, and the merge is reported so stored ids stay resolvable.
"""

from __future__ import annotations

import dataclasses
from collections import Counter, deque
from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING

import numpy as np

from storylens.analyze.embed import DIMENSIONS
from storylens.cluster.config import ClusterConfig
from storylens.cluster.features import (
    MINHASH_SCHEME,
    article_keys,
    article_time,
    article_vector,
    text_minhash,
)
from storylens.cluster.index import VectorIndex
from storylens.cluster.records import ClusterItem, Placement, Refinement, StoryProfile
from storylens.cluster.scoring import KeyStats, Signals, signals
from storylens.cluster.stories import StoryState
from storylens.models import Article

if TYPE_CHECKING:
    from datasketch import MinHash


DEFAULT_CONFIG = ClusterConfig()
Feature = tuple[np.ndarray, set[str], datetime | None]  # an article's vector, keys and time
SPLIT_PART = 3  # fewer articles are too little to tell an event by: never split off, folded in
# a cost bound, not fitted: the cut scores every pair of a story's articles (about 3 s at 200 on
# M1, growing with the square), so a larger story is left whole
SPLIT_MAX = 200
_BULK = 10_000  # vectors added to the ANN index at once when rebuilding


def story_id_for(article_id: str) -> str:
    """A story is named after its first article, so its id is stable across runs."""
    return f"s-{article_id}"


class Clusterer:
    """Places articles into stories one at a time; rebuilt from persisted items and profiles."""

    def __init__(
        self,
        config: ClusterConfig = DEFAULT_CONFIG,
        items: Iterable[ClusterItem] = (),
        profiles: Iterable[StoryProfile] = (),
    ) -> None:
        from datasketch import MinHashLSH

        self.config = config
        self._index = VectorIndex()
        self._lsh = MinHashLSH(threshold=config.duplicate_threshold, num_perm=config.num_perm)
        self._stats = KeyStats()
        self._ordinal: dict[str, int] = {}  # article id -> index ordinal
        self._story_at: list[str] = []  # ordinal -> story id when placed (resolve through merges)
        self._copy_of: dict[str, str] = {}  # article id -> original, for syndicated copies
        self._minhashes: dict[str, np.ndarray] = {}
        self._signed: deque[str] = deque()  # ids in _minhashes, oldest first
        self._stories: dict[str, StoryState] = {}
        self._merged_into: dict[str, str] = {}
        for profile in profiles:
            self._adopt(StoryState.from_profile(profile))
        rebuild_stories = not self._stories
        pending: list[np.ndarray] = []  # the index takes vectors faster in bulk
        for item in items:
            pending.append(self._remember(item, rebuild_stories))
            if len(pending) >= _BULK:
                self._index.add(np.stack(pending))
                pending = []
        if pending:
            self._index.add(np.stack(pending))

    # ------------------------------------------------------------------ public

    def place(self, article: Article) -> Placement:
        """Put the article in a story (setting ``story_id`` and ``duplicate_of``)."""
        if article.id in self._ordinal:
            return self._known(article)
        vector, keys, when = article_vector(article), article_keys(article), article_time(article)
        minhash = text_minhash(article.text, self.config.shingle_words, self.config.num_perm)
        original = self._find_original(minhash)
        if original is not None:
            story_id, merges = self.story_of(original), []
        else:
            story_id, merges = self._choose_story(vector, keys, when, story_id_for(article.id))
        story = self._stories.setdefault(story_id, StoryState.empty(story_id, DIMENSIONS))
        story.add(vector, keys, when)
        item = ClusterItem(
            article.id,
            story_id,
            when,
            vector.astype(np.float16).tobytes(),
            minhash.hashvalues.astype(np.uint32).tobytes(),
            {"keys": sorted(keys), "duplicate_of": original},
        )
        self._index.add(self._remember(item, rebuild_story=False))
        article.story_id, article.duplicate_of = story_id, original
        return Placement(story_id, original, merges, item, [story.to_profile()])

    def place_all(self, articles: list[Article]) -> tuple[list[Placement], Refinement]:
        """Place the articles in order, then :meth:`refine` them. Each placement carries the
        article's final story id, its item with that id and that story's final profile, so
        saving them after the refinement leaves the store consistent."""
        placements = [self.place(article) for article in articles]
        refinement = self.refine(articles)
        profiles: dict[str, StoryProfile] = {}
        settled = []
        for article, placement in zip(articles, placements, strict=True):
            story_id = self.story_of(article.id)
            if story_id not in profiles:
                profiles[story_id] = self._stories[story_id].to_profile()
            item = placement.item and dataclasses.replace(placement.item, story_id=story_id)
            settled.append(
                dataclasses.replace(placement, story_id=story_id, item=item, profiles=[profiles[story_id]])
            )
        return settled, refinement

    def refine(self, articles: list[Article], rounds: int = 3) -> Refinement:
        """Move placed articles to the story that fits them best now that all are in
        (:meth:`refine_items`), and set each article's ``story_id``."""
        features = {a.id: (article_vector(a), article_keys(a), article_time(a)) for a in articles}
        refinement = self._refine(features, rounds)
        for article in articles:
            article.story_id = self.story_of(article.id)
        return refinement

    def refine_items(self, items: Iterable[ClusterItem], rounds: int = 3) -> Refinement:
        """Move placed articles, known by their stored items (float16 vector, keys, time), to the
        story that fits them best now that all are in.

        Streaming never revisits a join, so an article that arrived before its own event's
        coverage sits in a look-alike story. Each round takes every article out of its story
        and re-places it (:meth:`_replace`), until a round moves nothing; stories that hold two
        events split (:meth:`_split`) and the rounds run again; then copies follow their
        originals, and stories that turn out to be one fold (:meth:`_fold`). A story
        emptied by the moves is recorded as merged into the story its last article joined, so
        its id stays resolvable.
        """
        return self._refine({item.article_id: item_feature(item) for item in items}, rounds)

    def _refine(self, features: dict[str, Feature], rounds: int) -> Refinement:
        originals = {a: feature for a, feature in features.items() if a not in self._copy_of}
        moves = self._settle(originals, rounds)
        if split := self._split(originals, list(features)):
            moves += split + self._settle(originals, rounds)
        for copy in (a for a in features if a in self._copy_of):
            home, current = self.story_of(self._copy_of[copy]), self.story_of(copy)
            if home != current:
                self._move(copy, home, *features[copy])
                moves.append((copy, current, home))
        folds = self._fold({self.story_of(a) for a in features}, originals)
        return self._refinement(moves, folds)

    def story_of(self, article_id: str) -> str:
        """The article's current story id (after any merges)."""
        return self._resolve(self._story_at[self._ordinal[article_id]])

    def resolve(self, story_id: str) -> str:
        """The surviving id of a story that may have been merged away."""
        return self._resolve(story_id)

    def profiles(self) -> list[StoryProfile]:
        return [story.to_profile() for story in self._stories.values()]

    def index_bytes(self) -> int:
        return self._index.memory_bytes()

    # ------------------------------------------------------------------ placement

    def _known(self, article: Article) -> Placement:
        article.story_id = self.story_of(article.id)
        article.duplicate_of = self._copy_of.get(article.id)
        return Placement(article.story_id, article.duplicate_of)

    def _find_original(self, minhash: MinHash) -> str | None:
        """The most similar earlier article above the duplicate threshold, as its root original."""
        best, best_similarity = None, self.config.duplicate_threshold
        for candidate in self._lsh.query(minhash):
            similarity = float(np.mean(self._minhashes[candidate] == minhash.hashvalues))
            if similarity >= best_similarity:
                best, best_similarity = candidate, similarity
        return None if best is None else self._copy_of.get(best, best)

    def _choose_story(
        self, vector: np.ndarray, keys: set[str], when: datetime | None, own_story: str
    ) -> tuple[str, list[tuple[str, str]]]:
        scored = sorted(
            ((score, story_id) for story_id, score in self._scores(vector, keys, when).items()), reverse=True
        )
        if not scored or scored[0][0] < self.config.join_threshold:
            return own_story, []
        same = [story_id for score, story_id in scored if score >= self.config.merge_threshold]
        if len(same) < 2:
            return scored[0][1], []
        return self._merge(same)

    def _scores(
        self, vector: np.ndarray, keys: set[str], when: datetime | None, exclude: int | None = None
    ) -> dict[str, float]:
        candidates = self.candidate_signals(vector, keys, when, exclude)
        return {story_id: sig.score(self.config) for story_id, sig in candidates.items()}

    def _replace(
        self, article_id: str, vector: np.ndarray, keys: set[str], when: datetime | None
    ) -> tuple[str, str, str] | None:
        """Re-place the article as :meth:`place` would with every other article in: score it
        against every candidate story, its own taken without it, and move it to another story
        that beats both staying and ``join_threshold``; failing that, when not even its own story
        reaches ``join_threshold``, it starts a story of its own (which later moves may grow), so
        a story that merged two events can come apart. Returns the move."""
        current = self._stories[self.story_of(article_id)]
        current.remove(vector, keys)
        scores = self._scores(vector, keys, when, exclude=self._ordinal[article_id])
        stay = scores.get(current.story_id, -np.inf) if current.size else -np.inf
        current.add(vector, keys, when)
        best = max(scores, key=scores.__getitem__, default=current.story_id)
        join = self.config.join_threshold
        if best != current.story_id and scores[best] >= max(stay, join):
            target = best
        elif stay < join and current.size > 1 and self._free(own := story_id_for(article_id)):
            target = own
            self._stories[own] = StoryState.empty(own, DIMENSIONS)
        else:
            return None
        self._move(article_id, target, vector, keys, when)
        return article_id, current.story_id, target

    def _settle(self, features: dict[str, Feature], rounds: int) -> list[tuple[str, str, str]]:
        """Re-place every article (:meth:`_replace`) until a round moves nothing."""
        moves: list[tuple[str, str, str]] = []
        for _ in range(rounds):
            found = [move for article_id, f in features.items() if (move := self._replace(article_id, *f))]
            moves += found
            if not found:
                break
        return moves

    def _split(self, features: dict[str, Feature], refined: list[str]) -> list[tuple[str, str, str]]:
        """Split stories whose articles form groups that each fit themselves much better than
        the rest (:meth:`_parts`): two events joined one by one never score low enough for
        :meth:`_replace` to take an article out, as each half props up the other's aggregate.
        The largest part (on ties, the one placed first) keeps the story; each other part
        starts one named after its first article; copies follow later. Only stories whose
        articles are all being refined are split (stored ones cannot move)."""
        members = self._members(features)
        sizes = Counter(self.story_of(article_id) for article_id in refined)
        moves = []
        for story_id, ids in members.items():
            if sizes[story_id] != self._stories[story_id].size:
                continue
            parts = [sorted(part, key=self._ordinal.__getitem__) for part in self._parts(ids, features)]
            parts.remove(max(parts, key=lambda part: (len(part), -self._ordinal[part[0]])))
            for part in parts:
                own = next((s for a in part if self._free(s := story_id_for(a))), None)
                if own is None:
                    continue
                self._stories[own] = StoryState.empty(own, DIMENSIONS)
                for article_id in part:
                    self._move(article_id, own, *features[article_id])
                    moves.append((article_id, story_id, own))
        return moves

    def _parts(self, ids: list[str], features: dict[str, Feature]) -> list[list[str]]:
        """The articles cut in two by the sign of the spectral (Fiedler) vector of their pairwise
        scores, recursively, while both halves have ``SPLIT_PART`` articles or more and each half's
        articles score on average at least ``split_gain`` more with their own half (leaving
        themselves out) than with the other; a story of more than ``SPLIT_MAX`` is left whole."""
        if not 2 * SPLIT_PART <= len(ids) <= SPLIT_MAX:
            return [ids]
        pairs = np.array(
            [[self._score_with(features[a], [features[b]]) if a != b else 0.0 for b in ids] for a in ids]
        )
        side = spectral_halves(pairs)
        first = [a for a, s in zip(ids, side, strict=True) if s]
        second = [a for a, s in zip(ids, side, strict=True) if not s]
        if min(len(first), len(second)) < SPLIT_PART:
            return [ids]
        gain = min(self._cohesion(first, second, features), self._cohesion(second, first, features))
        if gain < self.config.split_gain:
            return [ids]
        return self._parts(first, features) + self._parts(second, features)

    def _cohesion(self, group: list[str], other: list[str], features: dict[str, Feature]) -> float:
        """How much better, on average, each article of ``group`` scores with the rest of its
        group than with ``other``."""
        gains = [
            self._score_with(features[a], [features[b] for b in group if b != a])
            - self._score_with(features[a], [features[b] for b in other])
            for a in group
        ]
        return float(np.mean(gains))

    def _score_with(self, article: Feature, members: list[Feature]) -> float:
        """The score of an article against a story of just these members."""
        story = StoryState.empty("", DIMENSIONS)
        for member in members:
            story.add(*member)
        link = max(float(article[0] @ member[0]) for member in members)
        return signals(*article, link, story, self._stats, self.config).score(self.config)

    def _fold(self, story_ids: set[str], features: dict[str, Feature]) -> list[tuple[str, str]]:
        """Merge stories that turn out to be one: a story, taken as one article
        (:meth:`_story_scores`), that scores at least ``merge_threshold`` with another is folded
        into it; so is a fragment that fits it (:meth:`_fragment_fits`). Stories go in order of
        how well they fit their best other story, best first: a fold moves the surviving story's
        centroid and keys, so a weaker fold made first (a fragment that only nearly fits) can
        pull apart two pieces of one event that would have folded."""
        members = self._members(features)
        merges: list[tuple[str, str]] = []
        fits = {s: max(self._story_scores(s).values(), default=-np.inf) for s in story_ids}
        for story_id in sorted(story_ids, key=lambda s: (-fits[s], s)):
            story = self._stories.get(story_id)
            if story is None:  # folded already
                continue
            scores = self._story_scores(story_id)
            best = max(scores, key=scores.__getitem__, default=None)
            if best is not None and (
                scores[best] >= self.config.merge_threshold
                or self._fragment_fits(story, members.get(story_id, []), best, features)
            ):
                merges += self._merge([best, story_id])[1]
        return merges

    def _story_scores(self, story_id: str) -> dict[str, float]:
        """The story scored as one article (its centroid, the keys most of its articles carry,
        its first time) against the other candidate stories."""
        story = self._stories[story_id]
        keys = {key for key, count in story.key_counts.items() if 2 * count >= story.size}
        scores = self._scores(story.centroid(), keys, story.first)
        scores.pop(story_id, None)
        return scores

    def _fragment_fits(
        self, story: StoryState, ids: list[str], target: str, features: dict[str, Feature]
    ) -> bool:
        """True for a story of fewer than ``SPLIT_PART`` articles, all being refined, whose
        articles score on average at least ``fragment_threshold`` with ``target``: one or two
        articles are too little to tell an event by, so a fragment that nearly joins a story is
        taken as part of it."""
        if story.size >= SPLIT_PART or len(ids) != story.size:
            return False
        fits = [self._scores(*features[a]).get(target, -np.inf) for a in ids]
        return float(np.mean(fits)) >= self.config.fragment_threshold

    def _members(self, features: dict[str, Feature]) -> dict[str, list[str]]:
        """The articles being refined, by their current story."""
        members: dict[str, list[str]] = {}
        for article_id in features:
            members.setdefault(self.story_of(article_id), []).append(article_id)
        return members

    def _free(self, story_id: str) -> bool:
        """True when no story, live or merged away, has this id yet."""
        return story_id not in self._stories and story_id not in self._merged_into

    def _move(
        self, article_id: str, story_id: str, vector: np.ndarray, keys: set[str], when: datetime | None
    ) -> None:
        """Move an article's share of the aggregates to another story; an emptied story is
        folded into that story, as a merge."""
        current, target = self._stories[self.story_of(article_id)], self._stories[story_id]
        current.remove(vector, keys)
        target.add(vector, keys, when)
        self._story_at[self._ordinal[article_id]] = story_id
        if not current.size:  # nothing of it is left to fold in but its ids
            del self._stories[current.story_id]
            target.absorbed += [current.story_id, *current.absorbed]
            self._merged_into[current.story_id] = story_id

    def _refinement(self, moves: list[tuple[str, str, str]], folds: list[tuple[str, str]]) -> Refinement:
        """The net effect of moves and folds: each article's final story, stories ended,
        profiles to save."""
        first_from: dict[str, str] = {}  # in order of first move
        for article_id, old, _ in moves:
            first_from.setdefault(article_id, old)
        moved = [(a, old, self.story_of(a)) for a, old in first_from.items() if self.story_of(a) != old]
        left = dict.fromkeys(old for _, old, _ in moves)
        ended = [(old, self._resolve(old)) for old in left if old not in self._stories]
        ended = list(dict.fromkeys([*ended, *((absorbed, self._resolve(into)) for absorbed, into in folds)]))
        touched = {self._resolve(s) for _, old, new in moves for s in (old, new)} | {
            into for _, into in ended
        }
        return Refinement(moved, ended, [self._stories[s].to_profile() for s in sorted(touched)])

    def candidate_signals(
        self, vector: np.ndarray, keys: set[str], published: datetime | None, exclude: int | None = None
    ) -> dict[str, Signals]:
        """Signals for every story among the vector's ANN neighbours (used by fitting too);
        ``exclude`` is an ordinal to leave out (an article being re-placed is its own neighbour)."""
        links: dict[str, float] = {}
        for ordinal, similarity in self._index.search(vector, self.config.neighbours):
            if similarity >= self.config.min_similarity and ordinal != exclude:
                story_id = self._resolve(self._story_at[ordinal])
                links[story_id] = max(links.get(story_id, similarity), similarity)
        return {
            story_id: signals(
                vector, keys, published, link, self._stories[story_id], self._stats, self.config
            )
            for story_id, link in links.items()
        }

    def _merge(self, story_ids: list[str]) -> tuple[str, list[tuple[str, str]]]:
        """Fold the stories into the largest (the oldest id on ties)."""
        survivor = max(story_ids, key=lambda s: (self._stories[s].size, -self._ordinal_of_story(s)))
        merges = []
        for story_id in story_ids:
            if story_id != survivor:
                self._stories[survivor].absorb(self._stories.pop(story_id))
                self._merged_into[story_id] = survivor
                merges.append((story_id, survivor))
        return survivor, merges

    def _ordinal_of_story(self, story_id: str) -> int:
        return self._ordinal.get(story_id.removeprefix("s-"), 0)

    # ------------------------------------------------------------------ state

    def _adopt(self, story: StoryState) -> None:
        self._stories[story.story_id] = story
        for absorbed in story.absorbed:
            self._merged_into[absorbed] = story.story_id

    def _remember(self, item: ClusterItem, rebuild_story: bool) -> np.ndarray:
        """Record an item (with ``rebuild_story`` also in its story's aggregate); returns its
        vector for the caller to add to the ANN index, whose ordinals follow this order."""
        from datasketch import LeanMinHash

        vector, keys, _ = item_feature(item)
        hashvalues = np.frombuffer(item.minhash, dtype=np.uint32).copy()  # not a view pinning the row
        self._ordinal[item.article_id] = len(self._story_at)
        self._story_at.append(item.story_id)
        self._stats.add(keys)
        self._minhashes[item.article_id] = hashvalues
        self._signed.append(item.article_id)
        lean = LeanMinHash(seed=1, hashvalues=hashvalues.astype(np.uint64), scheme=MINHASH_SCHEME)
        self._lsh.insert(item.article_id, lean)
        self._forget_old_signatures()
        if item.features.get("duplicate_of"):
            self._copy_of[item.article_id] = item.features["duplicate_of"]
        if rebuild_story:
            story_id = self._resolve(item.story_id)
            story = self._stories.setdefault(story_id, StoryState.empty(story_id, DIMENSIONS))
            story.add(vector, keys, item.published)
        return vector

    def _forget_old_signatures(self) -> None:
        """Keep only the latest ``duplicate_window`` MinHashes: a syndicated copy follows its
        original within days, and the LSH is the clusterer's largest per-article memory."""
        while len(self._signed) > self.config.duplicate_window:
            oldest = self._signed.popleft()
            del self._minhashes[oldest]
            self._lsh.remove(oldest)

    def _resolve(self, story_id: str) -> str:
        root = story_id
        while root in self._merged_into:
            root = self._merged_into[root]
        if root != story_id:
            self._merged_into[story_id] = root
        return root


def item_feature(item: ClusterItem) -> Feature:
    """A placed article's vector, keys and time as its stored item holds them."""
    vector = np.frombuffer(item.vector, dtype=np.float16).astype(np.float32)
    return vector, set(item.features["keys"]), item.published


def spectral_halves(scores: np.ndarray) -> np.ndarray:
    """Which side of the best balanced cut each item falls on, from a symmetric matrix of
    pairwise scores: the sign of the Fiedler vector of the normalised Laplacian, the scores
    shifted to be non-negative."""
    scores = (scores + scores.T) / 2
    off = ~np.eye(len(scores), dtype=bool)
    affinity = np.where(off, scores - scores[off].min(), 0.0)
    degree = np.maximum(affinity.sum(axis=1), 1e-12)
    laplacian = np.eye(len(scores)) - affinity / np.sqrt(np.outer(degree, degree))
    vectors = np.linalg.eigh(laplacian)[1]
    return vectors[:, 1] / np.sqrt(degree) >= 0


def cluster_batch(articles: list[Article], config: ClusterConfig = DEFAULT_CONFIG) -> list[Placement]:
    """Cluster a whole corpus: stream it in publication order (undated last, then by id), then
    :meth:`Clusterer.refine` so that early joins made before the corpus was seen are revisited.

    Placements come back in input order with each article's final story id and that story's
    final profile, so saving them in any order leaves the store consistent.
    """
    ordered = sorted(
        articles, key=lambda a: (a.published is None, a.published.timestamp() if a.published else 0.0, a.id)
    )
    placements, _ = Clusterer(config).place_all(ordered)
    placed = {article.id: placement for article, placement in zip(ordered, placements, strict=True)}
    return [placed[article.id] for article in articles]
