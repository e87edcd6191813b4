"""Story titles: the representative headline, never a loaded one when a neutral one exists."""

from __future__ import annotations

from storylens.cluster.title import is_loaded, story_title
from storylens.models import Article

TEXT = "A fire destroyed the weaving hall of the Harlow mill in Dunmore on Monday; two workers were hurt."


def article(article_id: str, title: str | None, text: str = TEXT) -> Article:
    return Article(id=article_id, source=f"{article_id}.txt", title=title, text=text)


def test_neutral_representative_headline_wins() -> None:
    articles = [
        article("a", "Inferno horror as Dunmore mill burns"),
        article("b", "Fire destroys weaving hall at Dunmore mill"),
        article("c", "Local news roundup"),
    ]
    assert story_title(articles) == "Fire destroys weaving hall at Dunmore mill"


def test_loaded_headline_only_when_all_are_loaded() -> None:
    articles = [article("a", "Chaos at Dunmore mill fire!"), article("b", "Inferno at Dunmore mill")]
    assert story_title(articles) in {"Chaos at Dunmore mill fire!", "Inferno at Dunmore mill"}


def test_markers() -> None:
    assert is_loaded("Minister SLAMS critics")
    assert is_loaded("Mill fire: workers furious")
    assert not is_loaded("Minister answers critics")


def test_untitled_story_uses_first_sentence() -> None:
    assert story_title([article("a", None, "First sentence here. Second one.")]) == "First sentence here."
    assert story_title([]) == ""
