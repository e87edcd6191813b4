"""A standalone HTML report of stories, for ``storylens story ID --html``.

One self-contained file: inline CSS, no scripts, no external assets; every piece of article
text is escaped. The sections are those of the Markdown report.
"""

from __future__ import annotations

from html import escape

from storylens.models import Article, Story
from storylens.present.markdown import Item, Report, Section, report_sections

_STYLE = """
body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;
color:#1b1b1b;background:#fff}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ddd}
.byline,.intro{color:#555}.sources{color:#355e8c;font-style:italic}
.note{font:12px monospace;background:#eef;padding:0 .3rem;border-radius:3px;margin-left:.3rem}
li{margin:.3rem 0}.wordings{color:#444;font-size:.95em}
article+article{border-top:3px double #999;margin-top:3rem}
@media (prefers-color-scheme:dark){body{background:#141414;color:#e6e6e6}.byline,.intro{color:#aaa}
.sources{color:#8db4e2}.wordings{color:#bbb}.note{background:#2a2a40}}
"""


def render_html(stories: list[Story], articles: list[Article]) -> str:
    by_id = {a.id: a for a in articles}
    bodies = [_story(report_sections(s, [by_id[i] for i in s.article_ids if i in by_id])) for s in stories]
    title = escape(stories[0].title) if len(stories) == 1 else "storylens stories"
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        f"<title>{title}</title><style>{_STYLE}</style></head><body>\n"
        + "\n".join(bodies)
        + "\n</body></html>\n"
    )


def _story(report: Report) -> str:
    parts = [f'<article><h1>{escape(report.title)}</h1><p class="byline">{escape(report.byline)}</p>']
    parts += [_section(s) for s in report.sections]
    return "\n".join(parts) + "</article>"


def _section(section: Section) -> str:
    tag = "ol" if section.ordered else "ul"
    intro = f'<p class="intro">{escape(section.intro)}</p>' if section.intro else ""
    items = "".join(_item(item) for item in section.items)
    return f"<section><h2>{escape(section.heading)}</h2>{intro}<{tag}>{items}</{tag}></section>"


def _item(item: Item) -> str:
    wordings = "".join(_item(w) for w in item.wordings)
    return (
        f"<li>{escape(item.text)}"
        + (f' <span class="sources">— {escape(item.sources)}</span>' if item.sources else "")
        + (f'<span class="note">{escape(item.note)}</span>' if item.note else "")
        + (f'<ul class="wordings">{wordings}</ul>' if wordings else "")
        + "</li>"
    )
