"""The one place where stages meet the store: ingest → extract → analyze → cluster → compare → store.

Articles are analysed in batches (``nlp.pipe`` wants batches), placed into stories one by
one (the clusterer is streaming), the batch is refined (an article placed before its event's
coverage moves), and saved one transaction per article. At the end of a run of several batches
the run's articles are refined together, as a batch of the whole run would be, and moved in the
store; then only the stories that new articles joined or left are compared again, so adding
articles never recomputes the corpus; a story left uncompared by an interrupted run is compared
by the next.
"""

from __future__ import annotations

import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from storylens.errors import InputError
from storylens.ingest import IngestOptions
from storylens.models import Article, Story
from storylens.store import Store

if TYPE_CHECKING:
    from storylens.cluster.records import ClusterItem

BATCH_SIZE = 32
# a memory bound, not fitted: the run's latest articles refined together at its end (their
# stored items, about 2 KB each); earlier ones of a longer run were refined with their batch
RUN_REFINE_WINDOW = 20_000

Progress = Callable[[str], None]


@dataclass
class RunReport:
    """What one run did: articles added, inputs already stored, inputs that failed."""

    added: list[str] = field(default_factory=list)
    already_stored: list[str] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    stories: set[str] = field(default_factory=set)
    merges: list[tuple[str, str]] = field(default_factory=list)
    moved: list[tuple[str, str, str]] = field(default_factory=list)  # by the run's refinement
    notes: list[str] = field(default_factory=list)


class Pipeline:
    """Runs the stages over inputs into one store. Models load once, on first need."""

    def __init__(self, store: Store, options: IngestOptions | None = None) -> None:
        self.store = store
        self.options = options or IngestOptions()
        self._analyzer = None
        self._clusterer = None
        self._outlets: dict[str, str] | None = None

    # ------------------------------------------------------------------ stages, lazily built

    @property
    def analyzer(self):  # type: ignore[no-untyped-def]
        if self._analyzer is None:
            from storylens.analyze import Analyzer

            self._analyzer = Analyzer()
        return self._analyzer

    @property
    def clusterer(self):  # type: ignore[no-untyped-def]
        if self._clusterer is None:
            from storylens.cluster import ClusterConfig, Clusterer

            self._clusterer = Clusterer(
                ClusterConfig(), self.store.cluster_items(), self.store.story_profiles()
            )
        return self._clusterer

    # ------------------------------------------------------------------ the run

    def ingest(self, inputs: Iterable[str], progress: Progress | None = None) -> RunReport:
        """Store every new article of ``inputs`` and bring the stories they join up to date.

        Runs hold the store's ingest lock: one at a time, across processes too.
        """
        report = RunReport()
        with self.store.ingest_lock():
            self._compare(self.store.stale_story_ids(), report)  # left behind by an interrupted run
            batch: list[tuple[Article, str]] = []
            placed: deque[ClusterItem] = deque(maxlen=RUN_REFINE_WINDOW)
            touched: set[str] = set()
            for article, content_hash in self._new_articles(inputs, report):
                batch.append((article, content_hash))
                if len(batch) >= BATCH_SIZE:
                    touched |= self._place_batch(batch, report, progress, placed)
                    batch = []
            if batch:
                touched |= self._place_batch(batch, report, progress, placed)
            if len(placed) > BATCH_SIZE:
                touched |= self._refine_run(placed, report)
            self._compare(touched, report)  # once per run: a story fed by many batches is compared once
        return report

    def _new_articles(self, inputs: Iterable[str], report: RunReport) -> Iterator[tuple[Article, str]]:
        """Extracted articles not yet stored (nor seen earlier in this run); errors go to the report."""
        from storylens.extract import content_hash, iter_articles

        seen: set[str] = set()
        options = replace(
            self.options, on_skip=lambda source, reason: report.notes.append(f"{source}: {reason}")
        )
        for article in iter_articles(inputs, options):
            if isinstance(article, InputError):
                report.errors.append(article)
                continue
            article.outlet = self._known_outlet(article.outlet)
            digest = content_hash(article.text)
            keys = {article.id, digest} | ({article.url} if article.url else set())
            if keys & seen or self.store.find_existing(article, digest):
                report.already_stored.append(article.source)
                continue
            seen |= keys
            yield article, digest

    def _known_outlet(self, name: str | None) -> str | None:
        """The name the store already knows this outlet by ("Daily Clarion" is "The Daily Clarion")."""
        if not name:
            return name
        if self._outlets is None:
            self._outlets = {outlet_key(n): n for n in self.store.outlet_names()}
        return self._outlets.setdefault(outlet_key(name), name)

    def _place_batch(
        self,
        batch: list[tuple[Article, str]],
        report: RunReport,
        progress: Progress | None,
        placed: deque[ClusterItem],
    ) -> set[str]:
        """Analyse, place, refine and store a batch; returns the stories it changed.

        Refining before saving lets an article placed early in the batch move to a story that
        later ones started; a story so emptied is stored as merged, so its id stays resolvable.
        """
        articles = [article for article, _ in batch]
        self.analyzer.analyze(articles)
        placements, refinement = self.clusterer.place_all(articles)
        self._merge([m for placement in placements for m in placement.merges], report)
        touched: set[str] = set()
        for i, ((article, digest), placement) in enumerate(zip(batch, placements, strict=True)):
            # the last save also keeps the stories refinement changed without a batch article in them
            extra = refinement.profiles if i == len(batch) - 1 else []
            self.store.save_article(article, digest, placement.item, [*placement.profiles, *extra])
            if placement.item is not None:
                placed.append(placement.item)
            touched.add(placement.story_id)
            report.added.append(article.id)
            if progress:
                progress(article.source)
        self._merge(refinement.merges, report)
        return touched | {into for _, into in refinement.merges}

    def _refine_run(self, placed: Iterable[ClusterItem], report: RunReport) -> set[str]:
        """Refine the run's articles together: each batch was refined before later batches were
        in, so an article can still move to a story a later batch started, or stories fold.
        Returns the stories changed."""
        refinement = self.clusterer.refine_items(placed)
        self.store.move_articles([(a, into) for a, _, into in refinement.moves], refinement.profiles)
        self._merge(refinement.merges, report)
        report.moved += refinement.moves
        changed = {story for _, left, joined in refinement.moves for story in (left, joined)}
        return changed | {into for _, into in refinement.merges}

    def _merge(self, merges: list[tuple[str, str]], report: RunReport) -> None:
        for absorbed, into in merges:
            self.store.merge_stories(absorbed, into)
            report.merges.append((absorbed, into))

    def _compare(self, story_ids: Iterable[str], report: RunReport) -> None:
        """Compare the stories again, in id order: claim vectors are cached across the stories of
        a run and a text's vector varies slightly with the batch it was embedded in, so an order
        that followed the hashing of a set gave a run's claims that changed from one process to
        the next."""
        from storylens.compare import compare_story

        for story_id in sorted({self.store.resolve_story_id(s) for s in story_ids}):
            articles = self.store.load_articles(self.store.story_article_ids(story_id))
            if articles:
                self.store.save_story(compare_story(story_id, articles))
                report.stories.add(story_id)


def outlet_key(name: str) -> str:
    """An outlet's name as compared: case, spacing and a leading "The" ignored."""
    words = name.casefold().split()
    return " ".join(words[1:] if words[:1] == ["the"] and len(words) > 1 else words)


def ingest_paths(inputs: Iterable[str], store: Store, options: IngestOptions | None = None) -> RunReport:
    """Run the whole pipeline over ``inputs`` into ``store``."""
    return Pipeline(store, options).ingest(inputs)


def analyze_paths(
    inputs: Iterable[str], options: IngestOptions | None = None
) -> tuple[list[Article], list[Story], list[InputError]]:
    """One shot: the whole pipeline in a throwaway store; returns articles, stories and errors."""
    with tempfile.TemporaryDirectory(prefix="storylens-") as tmp:
        store = Store(str(Path(tmp) / "analyze.db"))
        try:
            report = ingest_paths(inputs, store, options)
            articles, stories = store.load_listed(order="largest")
        finally:
            store.close()
    return articles, stories, report.errors
