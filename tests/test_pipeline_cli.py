"""The whole path from files to stories through the CLI, on real models and a real SQLite store."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storylens.cli import app
from storylens.schema import validate_contract
from storylens.store import Store

FIXTURES = Path(__file__).parent / "fixtures" / "pipeline"
pytestmark = pytest.mark.slow


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "inputs"
    shutil.copytree(FIXTURES, folder)
    return folder


def invoke(runner: CliRunner, *args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), catch_exceptions=False)


def test_ingest_twice_adds_nothing_the_second_time(runner: CliRunner, inputs: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    first = invoke(runner, "ingest", str(inputs), "--db", db)
    assert first.exit_code == 0, first.output
    store = Store(db)
    articles, stories = store.count_articles(), store.count_stories()
    assert articles == 4
    second = invoke(runner, "ingest", str(inputs), "--db", db)
    assert second.exit_code == 0
    assert "0 articles added, 4 already stored" in second.output
    assert (store.count_articles(), store.count_stories()) == (articles, stories)


def test_same_event_grouped_and_other_event_apart(runner: CliRunner, inputs: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    invoke(runner, "ingest", str(inputs), "--db", db)
    store = Store(db)
    groups = {frozenset(store.story_article_ids(row.id)) for row in store.list_stories()}
    budget = frozenset({"fx-budget-1", "fx-budget-2"})
    ferry = frozenset(a for g in groups for a in g) - budget
    assert groups == {budget, ferry}
    assert len(ferry) == 2


def test_bad_inputs_are_named_and_the_rest_stored(runner: CliRunner, inputs: Path, tmp_path: Path) -> None:
    (inputs / "empty.txt").write_text("")
    (inputs / "binary.html").write_bytes(bytes(range(256)) * 64)
    (inputs / "huge.txt").write_text("word " * 2_200_000)  # over the 10 MB document limit
    (inputs / "broken.jsonl").write_text(
        '{"id": "ok-1", "text": "A line that is fine on its own."}\n{not json\n'
    )
    db = str(tmp_path / "s.db")
    result = invoke(runner, "ingest", str(inputs), "--db", db)
    assert result.exit_code == 1
    for name in ("empty.txt", "binary.html", "huge.txt", "broken.jsonl"):
        assert name in result.output
    assert Store(db).count_articles() == 5  # the four fixtures and the good JSONL line


def test_ingest_keeps_what_was_stored_when_later_inputs_fail(
    runner: CliRunner, inputs: Path, tmp_path: Path
) -> None:
    db = str(tmp_path / "s.db")
    invoke(runner, "ingest", str(inputs / "budget.jsonl"), "--db", db)
    missing = invoke(runner, "ingest", str(tmp_path / "no-such-file.txt"), "--db", db)
    assert missing.exit_code == 1
    assert "no-such-file.txt" in missing.output
    assert Store(db).count_articles() == 2


def test_usage_error_exits_2(runner: CliRunner) -> None:
    assert runner.invoke(app, ["ingest"]).exit_code == 2
    assert runner.invoke(app, ["story"]).exit_code == 2


def test_analyze_json_validates_and_spans_are_exact(runner: CliRunner, inputs: Path) -> None:
    result = invoke(runner, "analyze", str(inputs), "--json")
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    validate_contract(document)
    assert_spans_exact(document)
    assert_every_article_in_one_story(document)


def test_story_command_formats(runner: CliRunner, inputs: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    invoke(runner, "ingest", str(inputs), "--db", db)
    story_id = Store(db).list_stories(order="largest")[0].id
    as_json = json.loads(invoke(runner, "story", story_id, "--db", db, "--json").stdout)
    validate_contract(as_json)
    assert [s["id"] for s in as_json["stories"]] == [story_id]
    assert "#" in invoke(runner, "story", story_id, "--db", db, "--markdown").stdout
    assert "<html" in invoke(runner, "story", story_id, "--db", db, "--html").stdout.lower()
    assert invoke(runner, "story", "no-such-story", "--db", db).exit_code == 1


def test_adding_an_article_updates_only_its_story(inputs: Path, tmp_path: Path) -> None:
    from storylens.pipeline import Pipeline

    store = Store(str(tmp_path / "s.db"))
    pipeline = Pipeline(store)
    pipeline.ingest([str(inputs / "ferry-wire.txt"), str(inputs / "budget.jsonl")])
    ferry_story = store.load_article(_only_txt_article(store)).story_id
    report = pipeline.ingest([str(inputs / "ferry-gazette.html")])
    assert report.stories == {ferry_story}
    assert len(store.load_story(ferry_story).article_ids) == 2


def test_interrupted_run_is_completed_by_the_next(inputs: Path, tmp_path: Path) -> None:
    from storylens.pipeline import Pipeline

    store = Store(str(tmp_path / "s.db"))
    Pipeline(store).ingest([str(inputs / "budget.jsonl")])
    story_id = store.list_stories()[0].id
    with store.engine.begin() as conn:  # as if the run died after saving articles, before comparing
        conn.exec_driver_sql("DELETE FROM stories")
    assert store.stale_story_ids() == [story_id]
    Pipeline(store).ingest([])
    assert store.load_story(story_id) is not None


def _only_txt_article(store: Store) -> str:
    return next(a.id for a in store.load_articles(_all_ids(store)) if a.source.endswith(".txt"))


def _all_ids(store: Store) -> list[str]:
    return [a for row in store.list_stories() for a in store.story_article_ids(row.id)]


def assert_spans_exact(document: dict) -> None:
    """Every span of every story is exactly the text it claims, in its article's field."""
    articles = {a["id"]: a for a in document["articles"]}

    def check(article_id: str, start: int, end: int, expected: str | None, field: str = "text") -> None:
        source = articles[article_id][field] or ""
        assert 0 <= start <= end <= len(source)
        if expected is not None:
            assert source[start:end] == expected, (article_id, field, start, end)

    for story in document["stories"]:
        for quote in story["quotes"]:
            check(
                quote["article_id"], quote["start"], quote["end"], quote["text"], quote.get("field", "text")
            )
        for claim in story["claims"]:
            for s in claim["support"]:
                check(s["article_id"], s["start"], s["end"], s["text"], s.get("field", "text"))
        for sentence in story["summary"]:
            for c in sentence["citations"]:
                check(c["article_id"], c["start"], c["end"], None, c.get("field", "text"))
        for entry in story["timeline"]:
            check(
                entry["article_id"], entry["start"], entry["end"], entry["text"], entry.get("field", "text")
            )


def assert_every_article_in_one_story(document: dict) -> None:
    owners = [a for s in document["stories"] for a in s["article_ids"]]
    assert sorted(owners) == sorted(a["id"] for a in document["articles"])


def test_an_outlet_keeps_the_name_the_store_knows_it_by(tmp_path: Path) -> None:
    from storylens.pipeline import Pipeline

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.jsonl").write_text(
        '{"id": "o-1", "outlet": "The Harbour Herald", "title": "Ferry aground", '
        '"text": "The Ostravel ferry ran aground on Monday, the coastguard said."}\n'
    )
    (folder / "b.txt").write_text(
        "Tug frees ferry\n\nA tug freed the Ostravel ferry on Tuesday, a day after it ran aground.\n\n"
        "IMAGE: Harbour Herald | Image:self\n"
    )
    store = Store(str(tmp_path / "s.db"))
    Pipeline(store).ingest([str(folder / "a.jsonl"), str(folder / "b.txt")])
    assert store.outlet_names() == ["The Harbour Herald"]


def test_a_missing_spacy_model_is_a_setup_error_not_a_traceback(inputs: Path, tmp_path: Path) -> None:
    storylens = str(Path(sys.executable).with_name("storylens"))
    env = {**os.environ, "STORYLENS_SPACY_MODEL": "en_no_such_pipeline"}
    done = subprocess.run(
        [storylens, "ingest", str(inputs), "--db", str(tmp_path / "s.db")],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 3, done.stdout + done.stderr
    assert "'en_no_such_pipeline' is not installed" in done.stderr
    assert "Traceback" not in done.stdout + done.stderr
