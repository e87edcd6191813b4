"""Temporal expressions and their normalisation against the publication date (no models)."""

from datetime import UTC, date, datetime

from storylens.analyze.dates import Anchor, anchor_for, find_dates

PUBLISHED = Anchor(date(2025, 3, 5), exact=True)  # a Wednesday


def values(text: str, anchor: Anchor | None = PUBLISHED) -> dict[str, str | None]:
    return {d.expression: d.value for d in find_dates(text, "text", anchor)}


def test_weekday_is_the_one_before_publication_unless_the_sentence_looks_ahead() -> None:
    found = values(
        "The mill burned on Friday. Talks could resume as early as Saturday. They will meet on Monday."
    )
    assert found == {
        "on Friday": "2025-02-28",
        "as early as Saturday": "2025-03-08",
        "on Monday": "2025-03-10",
    }


def test_relative_days_months_and_years() -> None:
    found = values("Crews left yesterday. The plan was drafted earlier this month and revised last year.")
    assert found == {"yesterday": "2025-03-04", "earlier this month": "2025-03", "last year": "2024"}


def test_years_after_prepositions_keep_year_precision() -> None:
    assert values("The line opened in 2011 and has made losses after 2003.") == {
        "in 2011": "2011",
        "after 2003": "2003",
    }


def test_absolute_dates_with_and_without_year() -> None:
    found = values("The inquiry opened on 4 March and closed on Jan. 12, 2024. Rates peaked in May 2023.")
    assert found == {"on 4 March": "2025-03-04", "on Jan. 12, 2024": "2024-01-12", "in May 2023": "2023-05"}


def test_expression_is_kept_as_written_with_its_offsets() -> None:
    text = "Nothing changed since mid-2019, officials said."
    (found,) = find_dates(text, "text", PUBLISHED)
    assert text[found.start : found.end] == found.expression == "since mid-2019"
    assert found.value == "2019"


def test_without_publication_date_the_latest_stated_date_anchors_relative_ones() -> None:
    text = "The vote on Monday, 3 March 2025 was delayed from last month. It was set on Friday."
    anchor = anchor_for(None, [text])
    assert anchor == Anchor(date(2025, 3, 3), exact=False)
    found = values(text, anchor)
    assert found == {
        "on Monday": "2025-03-03",
        "3 March 2025": "2025-03-03",
        "last month": "2025-02",
        "on Friday": "2025-02-28",
    }


def test_without_any_date_relative_expressions_stay_unresolved() -> None:
    assert values("It happened yesterday, in 2011, and earlier this month.", None) == {
        "yesterday": None,
        "in 2011": "2011",
        "earlier this month": None,
    }


def test_year_less_dates_take_the_year_nearest_publication() -> None:
    found = values("Hearings start on April 17. The plan was filed in December and revised in February.")
    assert found == {"on April 17": "2025-04-17", "in December": "2024-12", "in February": "2025-02"}


def test_anchor_is_the_publication_day() -> None:
    published = datetime(2025, 3, 5, 22, 0, tzinfo=UTC)
    assert anchor_for(published, []) == PUBLISHED


def test_month_names_do_not_match_inside_words_or_as_bare_verbs() -> None:
    assert values("The Mayor may speak. Marching bands played.") == {}


def test_weeks_take_their_month_and_month_ends_and_months_of_a_named_year() -> None:
    anchor = Anchor(date(2025, 3, 10), exact=True)  # a Monday
    found = values(
        "Talks resume next week after a walkout last week. A review will report by the end of the month, "
        "the rest by the end of April. Members complained in January last year.",
        anchor,
    )
    assert found == {
        "next week": "2025-03",
        "last week": "2025-03",
        "by the end of the month": "2025-03",
        "by the end of April": "2025-04",
        "in January last year": "2024-01",
    }
    assert values("It happened last week.", Anchor(date(2025, 4, 9), exact=True)) == {"last week": "2025"}


def test_a_weekday_after_would_is_ahead_of_publication() -> None:
    assert values("The agency said it would send inspectors on Tuesday.") == {"on Tuesday": "2025-03-11"}


def test_seasons_take_the_year_the_sentence_means() -> None:
    found = values(
        "Overtime has risen since last autumn. Forty dockers will be hired by the summer. "
        "The scheme began in the spring of 2023."
    )
    assert found == {"since last autumn": "2024", "by the summer": "2025", "in the spring of 2023": "2023"}


def test_fixed_holidays_recurring_weekdays_and_small_hours() -> None:
    found = values(
        "No weekend off since Christmas. The lamp is lit every Saturday evening. "
        "The river rose in the early hours of Monday."
    )
    assert found == {"since Christmas": "2024-12-25", "in the early hours of Monday": "2025-03-03"}


def test_what_was_due_lies_ahead() -> None:
    assert values("They called off a ban that was due to start on Monday.") == {"on Monday": "2025-03-10"}
