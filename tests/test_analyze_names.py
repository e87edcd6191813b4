"""Name keys: folding, transliteration variants, initials (no models)."""

from storylens.analyze.names import (
    fold,
    initials,
    name_key,
    same_given_name,
    spelled_out,
    surname,
    transliteration_key,
    without_generation,
)


def test_transliteration_variants_share_a_given_name() -> None:
    assert same_given_name("Yuliya", "Yulia")
    assert same_given_name("Aleksandr", "Alexander")
    assert transliteration_key("Yuliya") == transliteration_key("Yulia")


def test_different_given_names_stay_apart() -> None:
    assert not same_given_name("Mark", "Maria")
    assert not same_given_name("Anna", "Hanna")
    assert not same_given_name("Ivan", "Pavel")


def test_fold_drops_case_accents_articles_and_possessives() -> None:
    assert fold("The Workers’ Union's") == "workers union"
    assert fold("Łódź Café") == "łodz cafe"


def test_initials_skip_linking_words() -> None:
    assert initials("United Nations") == "UN"
    assert initials("Bank of the North") == "BN"


def test_a_generational_suffix_is_not_the_surname() -> None:
    assert without_generation("Anthony Lacalamita III") == "Anthony Lacalamita"
    assert without_generation("Robert Downey, Jr.") == "Robert Downey"
    assert surname("Martin Luther King Jr.") == "King"
    assert surname("Henry Ives") == "Ives"
    assert surname("Jr.") == "Jr."  # nothing else to be the name


def test_an_abbreviated_opening_word_is_written_out() -> None:
    assert spelled_out("Mt. Cook") == "Mount Cook"
    assert spelled_out("St Brenna's Hospital") == "Saint Brenna's Hospital"
    assert name_key("Mt Cook") == name_key("Mount Cook") == "mount cook"
    assert spelled_out("Mt.") == "Mt."  # nothing to name
    assert spelled_out("Main St") == "Main St"  # a street, not a saint
