"""Places named by what happens to them, through their country, or inside a stated province
(real model, shipped gazetteer; sentences written for these tests)."""

import pytest

from sitrep.models import Document

pytestmark = pytest.mark.slow


def _places(pipeline, text):
    return {p.text: p for p in pipeline.analyze(Document(id="t", text=text)).places if p.role == "location"}


@pytest.mark.parametrize(("text", "name", "country"), [
    ("Warplanes struck Saraqib before dawn, residents said.", "Saraqib", "SY"),
    ("Syrian jets carried out air strikes on Ariha overnight.", "Ariha", "SY"),
    ("The militia launched an assault on Nyala at the weekend.", "Nyala", "SD"),
    ("Drones hit Kherson again on Sunday, wounding two.", "Kherson", "UA"),
    ("Government aircraft bombed Saraqib and Ariha on Friday.", "Ariha", "SY"),  # the second of two objects
])
def test_the_object_of_an_attack_is_a_place(pipeline, text, name, country):
    places = _places(pipeline, text)
    assert places[name].country == country and places[name].precision == 1


def test_a_town_stated_inside_a_province_is_read_there(pipeline):
    places = _places(pipeline, "Gunmen raided a market in Kafanchan, Kaduna state, late on Monday.")
    assert places["Kafanchan"].country == "NG" and places["Kafanchan"].admin1 == places["Kaduna"].admin1


def test_a_town_the_gazetteer_lacks_is_left_to_its_province(pipeline):
    # "Kuriga" is no town of the gazetteer; only an alternate name of Khouribga, Morocco, sounds like it
    places = _places(pipeline, "Bandits seized dozens of villagers near Kuriga, in Kaduna state, on Friday.")
    kuriga = places["Kuriga"]
    assert kuriga.country == "NG" and kuriga.feature_code == "ADM1" and kuriga.precision == 2


@pytest.mark.parametrize(("text", "name"), [
    ("Police dispersed traders in Mathare (Nairobi) on Monday.", "Mathare"),   # else a district in India
    ("Police dispersed traders in Githurai (Nairobi) on Monday.", "Githurai"),  # else a village in Venezuela
    ("Police dispersed traders in Kibera (Nairobi) on Monday.", "Kibera"),      # no reading at all
])
def test_a_name_bracketed_with_its_town_is_read_in_that_towns_country(pipeline, text, name):
    places = _places(pipeline, text)
    assert places[name].country == "KE" and places[name].precision == 2
    assert (places[name].lat, places[name].lon) == (places["Nairobi"].lat, places["Nairobi"].lon)


def test_a_town_named_with_its_city_in_the_same_country_keeps_its_own_reading(pipeline):
    places = _places(pipeline, "Police dispersed traders in Soweto (Johannesburg) on Monday.")
    assert places["Soweto"].country == "ZA" and places["Soweto"].precision == 1
    assert places["Soweto"].rule == "place.scored"


@pytest.mark.parametrize(("text", "phrase", "town"), [
    ("Thousands rallied in the Armenian capital on Sunday.", "Armenian capital", "Yerevan"),
    ("Talks resumed in Nigeria's capital after a week.", "Nigeria's capital", "Abuja"),
    ("Floods closed roads in Turkey's largest city on Monday.", "Turkey's largest city", "Istanbul"),
])
def test_a_capital_phrase_is_the_capital(pipeline, text, phrase, town):
    place = _places(pipeline, text)[phrase]
    assert place.name == town and place.precision == 1


def test_a_capital_named_after_the_phrase_is_its_own_mention(pipeline):
    places = _places(pipeline, "Envoys met in the Syrian capital, Damascus, on Monday.")
    assert "Syrian capital" not in places and places["Damascus"].country == "SY"


def test_a_place_the_model_tags_inside_an_organisation_is_placed(pipeline):
    places = _places(pipeline, "The crash was described in a Florida Highway Patrol report on Tuesday.")
    assert places["Florida"].admin1 == "US-FL"


def test_press_abbreviations_in_headlines(pipeline):
    places = _places(pipeline, "Two fugitives moved to another Neb. jail. ST. PAUL -- A man was charged.")
    assert places["Neb."].admin1 == "US-NE"
    assert places["ST. PAUL"].lat is not None
    assert _places(pipeline, "She moved to D.C. last year.")["D.C."].admin1 == "US-DC"


def test_a_sea_is_not_the_province_named_after_it(pipeline):
    places = _places(pipeline, "A cargo ship was struck by a missile in the Red Sea on Monday.")
    assert places["Red Sea"].lat is None
    assert _places(pipeline, "Floods hit Red Sea state in Sudan.")["Red Sea"].feature_code == "ADM1"


def test_a_common_word_opening_a_sentence_is_no_town(pipeline):
    text = "The city faces a crystal meth crisis. Crystal use has doubled in two years, nurses say."
    assert "Crystal" not in _places(pipeline, text)


def test_a_small_countrys_parish_is_not_what_a_bare_name_means(pipeline):
    assert _places(pipeline, "Police in St. Thomas said a man was arrested.")["St. Thomas"].feature_code == "PPL"
    parish = _places(pipeline, "Flooding was reported in Kingston and Saint Thomas parish.")["Saint Thomas"]
    assert parish.feature_code == "ADM1" and parish.country == "JM"


def test_a_named_district_of_a_city_leaves_the_city_a_city(pipeline):
    places = _places(pipeline, "Shells fell on the Souq district of Tripoli, in the Libyan capital's south.")
    assert places["Tripoli"].country == "LY" and places["Tripoli"].precision == 1
    province = _places(pipeline, "Government troops entered the province of Idlib on Sunday.")
    assert province["Idlib"].precision == 3


def test_the_first_word_of_a_name_the_gazetteer_lacks_is_no_place(pipeline):
    places = _places(pipeline, "Jets struck rebel vehicles in Wadi Zamzam, near Misrata, on Tuesday.")
    assert "Wadi" not in places  # not the town of Wādi in India
    assert places["Misrata"].country == "LY"


@pytest.mark.parametrize(("text", "place"), [
    ("Rebels attacked soldiers in Al-qasr village near Tarhuna on Monday.", "Tarhuna"),
    ("Shells hit houses in Al-Hadra Al-Kubra neighborhood of Tripoli.", "Tripoli"),
])
def test_an_article_joined_to_a_name_by_a_hyphen_is_no_town(pipeline, text, place):
    """"Al" of "Al-Qasr" is part of one name, not Ål in Norway; the place the text states is kept."""
    places = _places(pipeline, text)
    assert place in places and places[place].country == "LY"
    assert not [p for p in places.values() if p.country == "NO"]


def test_a_place_named_before_a_hyphen_stays_a_place(pipeline):
    places = _places(pipeline, "Residents blocked the Kerman-Bam highway on Monday.")
    assert places["Kerman"].country == "IR" and places["Bam"].country == "IR"


def test_a_thing_named_after_a_town_is_no_place(pipeline):
    """"a Molotov cocktail": Molotov is only an old name of Perm, set before a common noun; the town named
    by a spelling of its own name before one ("the Idleb front") stays a place."""
    places = _places(pipeline, "On Friday a youth in Sidon lobbed a Molotov cocktail over the wall of a police post.")
    assert "Molotov" not in places and places["Sidon"].country == "LB"
    front = _places(pipeline, "Shelling went on along the southern Idleb front overnight.")
    assert front["Idleb"].country == "SY"


@pytest.mark.parametrize(("text", "name", "country"), [
    ("Hundreds of teachers marched in central Thessaloniki on Tuesday.", "Thessaloniki", "GR"),
    ("Dockers went on strike in northern Thessaloniki last week.", "Thessaloniki", "GR"),
])
def test_a_word_of_the_places_part_between_preposition_and_name_keeps_it_a_place(pipeline, text, name, country):
    places = _places(pipeline, text)
    assert places[name].country == country and places[name].precision == 1


def test_a_town_the_model_reads_as_a_thing_after_a_preposition_of_place_is_a_town(pipeline):
    places = _places(pipeline, "Workers of a steel plant staged a protest in Ravar against the layoffs.")  # read as a product
    assert places["Ravar"].country == "IR" and places["Ravar"].feature_code.startswith("PPL")


def test_a_province_after_its_town_places_the_town_in_it(pipeline):
    places = _places(pipeline, "On 9 May 2021, in Santarem, Para, a trader was shot dead by two men on a motorbike.")
    assert places["Para"].country == "BR" and places["Para"].feature_code == "ADM1"
    assert places["Santarem"].country == "BR" and places["Santarem"].admin1 == places["Para"].admin1


@pytest.mark.parametrize(("text", "name", "country"), [
    ("Jets struck a depot just outside al-Bukamal on Sunday, a monitor said.", "al-Bukamal", "SY"),
    ("Residents rallied in el Hermel on Saturday against power cuts.", "el Hermel", "LB"),
])
def test_a_preposition_before_a_lower_case_article_makes_the_name_a_place(pipeline, text, name, country):
    places = _places(pipeline, text)
    assert places[name].country == country and places[name].feature_code.startswith("PPL")


@pytest.mark.parametrize(("text", "not_places"), [
    ("Members of al-Shabaab attacked an army base on Monday.", {"Shabaab"}),  # a group, not the Iranian hamlet
    ("Gunmen attacked a Christian village on Sunday night, killing four.", {"Christian"}),
    ("Militants stormed a Sunni town on Friday.", {"Sunni"}),
    ("The senator attended a Fox town hall on Tuesday.", {"Fox"}),
    ("Militants drove in old Toyota pickups and attacked an army post.", {"Toyota"}),
    ("Fans of Wright State and Weber State cheered on Saturday.", {"Wright", "Weber"}),
])
def test_cue_words_do_not_make_places_of_groups_adjectives_or_brands(pipeline, text, not_places):
    places = _places(pipeline, text)
    assert all(places[name].lat is None for name in not_places if name in places)  # none of them put on the map


def test_a_provinces_other_spelling_does_not_take_a_citys_name(pipeline):
    places = _places(pipeline, "Protesters clashed with police in the city of Amara on Monday, Iraqi officials said.")
    assert places["Amara"].country == "IQ"


def test_a_name_not_placeable_inside_its_province_goes_to_the_district_the_text_also_states(pipeline):
    # Shahpur's readings all lie outside Jammu and Kashmir: placed at the district named with it, not the province
    places = _places(pipeline, "Indian and Pakistani troops traded shots near Shahpur (Poonch district, Jammu and Kashmir) on Monday.")
    assert places["Shahpur"].name == places["Poonch"].name and places["Shahpur"].precision == 2
    assert places["Shahpur"].feature_code != "ADM1"


def test_a_nigerian_local_government_area_is_a_place(pipeline):
    places = _places(pipeline, "Herders raided Dalwa (Konduga LGA, Borno) on Sunday, killing four.")
    assert places["Konduga"].country == "NG" and places["Konduga"].admin1 == places["Borno"].admin1


def test_a_name_followed_by_town_is_read_as_a_town_not_a_country(pipeline):
    places = _places(pipeline, "Party members disrupted a rally in Man town on Saturday, witnesses said.")
    assert places["Man"].country == "CI" and places["Man"].feature_code.startswith("PPL")


def test_a_town_said_to_lie_in_a_larger_town_is_not_read_as_a_smaller_namesake_abroad(pipeline):
    # "Bara" is also the spelling of a town of 50,000 in Brazil; the text puts it in Idlib, a city twice its size
    places = _places(pipeline, "Artillery hit Bara in Idleb twice on Sunday night.")
    assert places["Bara"].country == "SY" and places["Bara"].precision == 2


def test_a_name_in_the_countryside_of_a_place_lies_by_it(pipeline):
    # "Kelly" is a hamlet in the United States; in the countryside of Idlib it is a village the gazetteer lacks
    places = _places(pipeline, "Shells landed close to Kelly in the eastern countryside of Idleb city on Friday.")
    assert places["Kelly"].country == "SY" and places["Kelly"].precision == 2


def test_a_province_of_one_country_only_overrules_a_large_namesake_town_abroad(pipeline):
    # New Brighton is also a town of 22,000 in Minnesota; Eastern Cape is a province of South Africa alone
    places = _places(pipeline, "Teachers picketed a school in New Brighton (Eastern Cape) on Tuesday.")
    assert places["New Brighton"].country == "ZA" and places["New Brighton"].precision == 2


def test_a_compass_word_opening_an_unknown_name_is_not_a_province(pipeline):
    # "Eastern" is a province of Ghana and of Zambia; "Eastern Qaryatain" is a village the gazetteer lacks
    places = _places(pipeline, "A patrol was ambushed in Eastern Qaryatain in Homs province on Monday.")
    assert "Eastern" not in places
    assert places["Eastern Qaryatain"].country == "SY"


def test_a_name_before_the_word_state_is_that_province(pipeline):
    # the model reads "Lara" as a product; Rio Claro is also a city of 200,000 in Brazil
    places = _places(pipeline, "Farmers blocked a road in Rio Claro, Lara state, on Monday.")
    assert places["Lara"].feature_code == "ADM1" and places["Lara"].country == "VE"


@pytest.mark.parametrize(("text", "name", "country"), [
    # a capital, a provincial seat or a city of 100,000+ abroad is what the text names, not a namesake of a place
    # inside the town or province named after it
    ("Talks between Moscow and Kyiv in Istanbul ended on Friday.", "Kyiv", "UA"),
    ("Sudanese who fled Khartoum in Cairo staged a protest on Monday.", "Khartoum", "SD"),
    ("Migrants from Tripoli in Sicily protested on Monday.", "Tripoli", "LY"),
    ("Drone strikes hit Kabul, Balochistan and Khyber Pakhtunkhwa on Monday.", "Kabul", "AF"),  # a list
])
def test_a_city_is_not_taken_for_a_namesake_inside_the_place_named_after_it(pipeline, text, name, country):
    places = _places(pipeline, text)
    assert places[name].country == country and places[name].precision == 1
