"""Name keys: folding, transliteration variants, initials (no models)."""

from storylens.analyze.names import fold, initials, same_given_name, transliteration_key


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
