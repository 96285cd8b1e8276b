from sitrep.geo.normalize import fold, name_key, skeleton_key


def test_fold_strips_accents_apostrophes_and_separators():
    assert fold("Ma‘arrat an-Nu‘mān") == "maarrat an numan"
    assert fold("İstanbul") == "istanbul"


def test_name_key_absorbs_articles_and_doubled_letters():
    assert name_key("Maarat al-Numan") == name_key("Maarat al-Numaan") == "marat numan"
    assert name_key("Ma'arrat an Nu'man") == name_key("Maarat al-Numan")


def test_name_key_spells_out_abbreviations():
    assert name_key("St. Louis") == name_key("Saint Louis")


def test_name_key_keeps_different_names_apart():
    assert name_key("Damascus") != name_key("Dimashq")
    assert name_key("Al Bab") == "bab"  # a final word is never dropped as an article


def test_skeleton_key_meets_vowel_variants_only():
    assert skeleton_key("Maaret Al-Numan") == skeleton_key("Ma‘arrat an Nu‘mān")
    assert skeleton_key("Maaret el Noman") == skeleton_key("Maarat al-Numan")
    assert skeleton_key("Idlib") != skeleton_key("Aleppo")


def test_non_latin_names_fold_to_nothing():
    assert name_key("Дамаск") == ""
