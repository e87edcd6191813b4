"""Quotes and their speakers on small fictional articles, through the real spaCy pipeline."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from storylens.models import Article

pytestmark = pytest.mark.slow

PUBLISHED = datetime(2025, 3, 5, 9, 0, tzinfo=UTC)


def analysed(text: str, title: str | None = None, outlet: str | None = "The Kestrel Courier") -> Article:
    from storylens.analyze import Analyzer

    article = Article(id="a1", source="test", text=text, title=title, outlet=outlet, published=PUBLISHED)
    Analyzer(embed=False).analyze([article])
    return article


def quote_rows(article: Article) -> list[tuple[str, str, str | None, str | None]]:
    return [(q.text, q.kind, q.speaker, q.speaker_form) for q in article.quotes]


def test_direct_quote_split_by_its_attribution_and_resolved_pronoun() -> None:
    text = "Minister Amara Okafor visited the site.\n\n“We will rebuild,” she said. “It will take time.”"
    assert quote_rows(analysed(text)) == [
        ("We will rebuild,", "direct", "Amara Okafor", "pronoun"),
        ("It will take time.", "direct", "Amara Okafor", "none"),
    ]


def test_straight_quotes_spanning_sentences_with_inverted_attribution() -> None:
    text = (
        'Tomas Brill runs the bakery on Quay Street.\n\n"We lost everything. The ovens are gone," said Brill.'
    )
    assert quote_rows(analysed(text)) == [
        ("We lost everything. The ovens are gone,", "direct", "Tomas Brill", "surname"),
    ]


def test_indirect_speech_with_that_and_told_reporters() -> None:
    text = "Harbour master Ines Vale said that the port would open. She told reporters the cranes were safe."
    assert quote_rows(analysed(text)) == [
        ("the port would open", "indirect", "Ines Vale", "name"),
        ("the cranes were safe", "indirect", "Ines Vale", "pronoun"),
    ]


def test_according_to_and_a_mixed_quote() -> None:
    text = (
        "According to the Harbour Authority, 40 boats were damaged.\n\n"
        "Ines Vale said the storm had been “the worst in living memory” for the town."
    )
    assert quote_rows(analysed(text)) == [
        ("40 boats were damaged", "indirect", "Harbour Authority", "according_to"),
        ("the storm had been “the worst in living memory” for the town", "mixed", "Ines Vale", "name"),
    ]


def test_speaker_speaking_for_someone_else() -> None:
    text = "The Secretary-General welcomes the talks, the spokesperson Lena Ortiz said on Wednesday."
    assert quote_rows(analysed(text)) == [
        ("The Secretary-General welcomes the talks", "indirect", "Lena Ortiz", "name")
    ]


def test_title_speaker_resolves_through_the_appositive_description() -> None:
    text = (
        "The minister's press secretary, Rosa Lind, met the unions on Monday.\n\n"
        "“Nothing has been decided,” the press secretary said."
    )
    assert quote_rows(analysed(text)) == [("Nothing has been decided,", "direct", "Rosa Lind", "title")]


def test_floating_quote_continues_the_last_speaker_and_scare_quotes_are_ignored() -> None:
    text = (
        "“The water came in fast,” said fisherman Aled Morgan.\n\n"
        "“By the time we woke, the boats were loose.”\n\n"
        "Residents called the barrier a “white elephant” last year."
    )
    rows = quote_rows(analysed(text))
    assert rows == [
        ("The water came in fast,", "direct", "Aled Morgan", "name"),
        ("By the time we woke, the boats were loose.", "direct", "Aled Morgan", "none"),
    ]


def test_headline_quotes_carry_their_field() -> None:
    article = analysed(
        "Mayor Petra Sande opened the bridge on Tuesday.", title="Sande: ‘This bridge joins two towns’"
    )
    (quote,) = article.quotes
    assert (quote.field, quote.text, quote.speaker) == ("title", "This bridge joins two towns", "Petra Sande")
    assert article.title[quote.start : quote.end] == quote.text


def test_an_unnamed_spokesperson_speaks_for_the_body_and_a_bare_title_repeats_it() -> None:
    text = (
        "The Ministry of Transport suspended the contract on Monday.\n\n"
        "The ministry's spokesperson said payments had been frozen. "
        "“No further payments will be made,” the spokesperson said."
    )
    speakers = [(q.speaker, q.speaker_form) for q in analysed(text).quotes]
    assert speakers == [("Ministry of Transport", "title"), ("Ministry of Transport", "title")]


def test_documents_speak_for_their_author_or_the_main_organisation() -> None:
    text = (
        "The Bank of Maravia raised its main rate on Thursday. "
        "The Bank of Maravia expects inflation to ease.\n\n"
        "The committee voted five to two, according to a statement published after the meeting. "
        "The rate was last this high in 2009, according to records published by the Harbour Institute."
    )
    speakers = [q.speaker for q in analysed(text).quotes if q.speaker_form == "according_to"]
    assert speakers == ["Bank of Maravia", "Harbour Institute"]


def test_the_company_is_the_business_the_article_names_most() -> None:
    text = (
        "Fire inspectors from the Dunmore Fire Service visited Brenner Textiles on Monday. "
        "Brenner Textiles employs 300 people.\n\n"
        "About 85 workers were on the early shift, according to the company."
    )
    (quote,) = [q for q in analysed(text).quotes if q.speaker_form == "according_to"]
    assert quote.speaker == "Brenner Textiles"


def test_what_a_speaker_called_something_in_quotation_marks_is_a_quote() -> None:
    text = (
        "Police said about 5,000 people took part, a figure the union called “insulting”.\n\n"
        "Residents called the barrier a “white elephant” last year."
    )
    rows = [(q.text, q.kind, q.speaker) for q in analysed(text).quotes if q.speaker != "Police"]
    assert rows == [("insulting", "direct", "union")]


def test_it_takes_the_subject_earlier_in_its_sentence() -> None:
    text = (
        "The Health Quality Commission published its audit on Tuesday.\n\n"
        "The commission has recommended a recount, which it said would take six months."
    )
    (quote,) = [q for q in analysed(text).quotes if q.speaker_form == "pronoun"]
    assert quote.text.endswith("would take six months") and quote.speaker == "Health Quality Commission"


def speakers(article: Article) -> list[str | None]:
    return [q.speaker for q in article.quotes]


def test_a_city_body_is_named_after_the_place_the_article_reports_from() -> None:
    text = (
        "Flood water reached 80 homes in Port Ellis on Friday, and Port Ellis schools closed.\n\n"
        "Families were moved to a sports hall, the city council said.\n\n"
        "The roads would reopen on Monday, the council said."
    )
    assert speakers(analysed(text)) == ["Port Ellis City Council", "Port Ellis City Council"]


def test_a_body_named_by_its_place_is_not_the_place() -> None:
    text = "According to the data of the Varrow police, 300 tractors took part in the protest."
    assert speakers(analysed(text)) == ["Varrow Police"]


def test_an_unnamed_official_speaks_for_the_body_named_before_the_title() -> None:
    text = "A Quintel spokesperson said the company would update its figures."
    assert speakers(analysed(text)) == ["Quintel"]


def test_an_unnamed_group_is_named_without_its_count_and_a_kind_of_document_stays_as_written() -> None:
    text = (
        "“Every concession is a bill for later,” one port board member said.\n\n"
        "The chairman is a former partner of the minister, according to company filings."
    )
    assert speakers(analysed(text)) == ["port board member", "company filings"]


def test_the_bank_is_the_bank_the_article_names_most() -> None:
    text = (
        "The Bank of Ostrel raised its main rate on Thursday. The Bank of Ostrel has raised rates twice.\n\n"
        "Jon Ek, an economist at Varrow Savings Bank, said it was a surprise.\n\n"
        "Its main rate was last this high in 2009, according to records published by the bank."
    )
    assert speakers(analysed(text))[-1] == "Bank of Ostrel"


def test_what_a_speaker_described_or_called_something_keeps_its_closing_mark() -> None:
    text = (
        "Marta Quinn, the union’s general secretary, described the deal as “a real step”.\n\n"
        'The port chief, Desmond Aylett, called the first meeting "constructive".'
    )
    assert quote_rows(analysed(text)) == [
        ("the deal as “a real step”", "mixed", "Marta Quinn", "name"),
        ('the first meeting "constructive"', "mixed", "Desmond Aylett", "name"),
    ]


def test_of_two_subjects_the_parser_gave_one_verb_the_speaker_is_the_nearer() -> None:
    text = (
        "The opposition Civic Alliance has called for a parliamentary inquiry, and its leader, "
        "Mateusz Krall, said the resignation was “the beginning, not the end”."
    )
    assert speakers(analysed(text)) == ["Mateusz Krall"]


def test_a_quotation_is_not_the_speaker_of_the_verb_after_it() -> None:
    text = (
        "The ministry’s spokesperson said on Monday that payments had been frozen and that "
        "“an independent technical review” would report within eight weeks."
    )
    assert [q.kind for q in analysed(text).quotes] == ["indirect", "mixed"]


def test_an_inquiry_finding_and_a_forecast_are_indirect_quotes() -> None:
    text = (
        "The Health Quality Commission published its report on Tuesday.\n\n"
        "The commission found no evidence that the minister had ordered the practice. "
        "Forecasters expect the rain to ease by Sunday evening. "
        "The inspectorate expects to publish its findings soon, a day after an audit found that costs rose."
    )
    assert quote_rows(analysed(text)) == [
        (
            "no evidence that the minister had ordered the practice",
            "indirect",
            "Health Quality Commission",
            "title",
        ),
        ("the rain to ease by Sunday evening", "indirect", "Forecasters", "title"),
    ]


def test_an_as_clause_reports_the_clause_it_opens_and_agreeing_to_act_is_no_speech() -> None:
    text = (
        "As the chairman of the Dunmore Growers' Association Owen Pritchard informed, the blockade was "
        "lifted after the deputy minister Rupert Aldane agreed to receive the farmers on 20 March."
    )
    assert quote_rows(analysed(text)) == [
        (
            "the blockade was lifted after the deputy minister Rupert Aldane agreed to receive the farmers "
            "on 20 March",
            "indirect",
            "Owen Pritchard",
            "name",
        )
    ]


def test_a_defining_relative_clause_reports_nothing_but_one_set_off_by_a_comma_does() -> None:
    text = (
        "The union wants a cap on overtime that employers say would leave ships idle in the bay. "
        "The commission recommended a recount of all waiting lists, which it said would take six months."
    )
    assert [(q.text, q.kind) for q in analysed(text).quotes] == [
        ("would take six months", "indirect"),
    ]


def test_datelines_and_dangling_prepositions_stay_out_and_an_appositive_name_speaks() -> None:
    text = (
        "HALDEN, March 10 (Meridian Wire) - The minister resigned on Monday over a rail contract, "
        "the prime minister's office said.\n\n"
        "Telvora conceded that the data of 1.2 million customers had been stolen, in what the "
        "privacy group OpenLine called “a textbook case of corporate negligence”.\n\n"
        "The Civic Report, a nonprofit news site, reported on Wednesday that a filing by Telvora put "
        "the number of affected records at 2.1 million."
    )
    rows = [(q.text, q.speaker) for q in analysed(text).quotes]
    assert rows[0] == ("The minister resigned on Monday over a rail contract", "prime minister's office")
    assert rows[1][0] == "the data of 1.2 million customers had been stolen"
    assert rows[2] == ("a textbook case of corporate negligence", "OpenLine")
    assert rows[3] == (
        "a filing by Telvora put the number of affected records at 2.1 million",
        "Civic Report",
    )
