"""The ECB+ loader and its Penn Treebank detokeniser."""

from __future__ import annotations

import pytest

from storylens.eval.ecbplus import DEFAULT_PATH, detokenise, load_ecbplus, to_article


def test_detokenise_ptb() -> None:
    ptb = "`` We do n't know , '' the 33-year-old actress 's rep said -LRB- via People -RRB- ."
    assert detokenise(ptb) == "\u201cWe don't know,\u201d the 33-year-old actress's rep said (via People)."
    assert detokenise("a 90 - day stay at 08 : 06 , costing $ 5") == "a 90-day stay at 08:06, costing $5"
    assert detokenise("DeGeneres \u2019 second time \u2019 s") == "DeGeneres\u2019 second time\u2019s"
    assert detokenise("line one .\nline two") == "line one.\nline two"


@pytest.mark.shared_data
@pytest.mark.skipif(not DEFAULT_PATH.exists(), reason="ECB+ is not under ../shared/data")
def test_load_splits() -> None:
    dev = load_ecbplus("dev")
    assert dev and {d.split for d in dev} == {"dev"}
    assert {d.event for d in dev} >= {f"{dev[0].topic}_ecb", f"{dev[0].topic}_ecbplus"}
    article = to_article(dev[0])
    assert article.id == dev[0].doc_id and article.text == dev[0].text and " ," not in article.text
