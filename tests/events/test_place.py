"""Event places (events/place.py owns Event.place): the trigger's own sentence first, else the article's
focus; each with the rule that chose it."""

from pathlib import Path

import pytest

from sitrep.events.place import sentence_place

pytestmark = pytest.mark.slow


def _token(analysis, word, after=0):
    start = analysis.text.index(word, after)
    return next(t for t in analysis.doc if t.idx == start)


def test_place_attached_to_the_trigger(seed_analysis):
    killed = _token(seed_analysis, "killed", seed_analysis.text.index("Soleimani had just returned"))
    place, rule = sentence_place(seed_analysis, killed)
    assert place is not None and place.source == "sentence" and rule == "place.sentence_most_specific"
    assert place.text == "Baghdad airport" and place.precision == 1


def test_most_specific_place_of_the_sentence(seed_analysis):
    airstrike = _token(seed_analysis, "airstrike")
    place, rule = sentence_place(seed_analysis, airstrike)
    assert place is not None and place.geonameid == 167611 and place.source == "sentence"
    assert rule.startswith("place.")


def test_focus_place_when_the_sentence_has_none(pipeline):
    from sitrep.models import Document

    text = ("Shelling hit the town of Aleppo on Monday, killing four people.\n"
            "Rescue workers said more bodies were found under the rubble.")
    analysis = pipeline.analyze(Document(id="focus", text=text))
    found = _token(analysis, "found")
    place, rule = sentence_place(analysis, found)
    assert place is not None and place.source == "focus" and rule == "place.article_focus"
    assert place.name == "Aleppo" and place.precision == 2  # the town itself, one step coarser


@pytest.mark.parametrize("text, trigger, expected", [
    ("Moscow's bombardment of Kharkiv continued on Tuesday.", "bombardment", "Kharkiv"),
    ("The truce was brokered by Ankara in the town of Sochi on Monday.", "truce", "Sochi"),
    ("Turkey, Russia agree to ceasefire in war-torn Idlib, Syria", "ceasefire", "Idlib"),
])
def test_places_standing_as_actors_are_not_the_event_place(pipeline, text, trigger, expected):
    from sitrep.models import Document

    analysis = pipeline.analyze(Document(id="actor", text=text))
    place, _ = sentence_place(analysis, _token(analysis, trigger))
    assert place is not None and place.text == expected and place.source == "sentence"


def test_every_field_of_an_event_says_what_decided_it(pipeline):
    from sitrep.models import Document

    text = "Rebels shelled the town of Kalo on Monday, killing three civilians, the army said."
    event = next(e for e in pipeline.analyze(Document(id="t", text=text, published="2024-05-10")).events
                 if e.trigger.text == "shelled")
    for field in ("type", "modality", "place", "date", "sources", "targets", "acled", "confidence"):
        assert event.decided_by.get(field), (field, event.decided_by)
    assert event.decided_by["type"].startswith("lexicon.verb:shell")
    assert event.decided_by["date"] == "date.time_expression_of_its_clause"
    assert event.decided_by["sources"].startswith("roles.verb:nsubj")


def test_a_town_alone_abroad_is_not_the_event_place(pipeline):
    # "Zone" matches a small town abroad; the sentence's other names all lie in Brazil
    from sitrep.models import Document

    text = "In the East Zone of Manaus, Amazonas, police shot a man during a raid on Monday."
    analysis = pipeline.analyze(Document(id="stray", text=text))
    place, _ = sentence_place(analysis, _token(analysis, "shot"))
    assert place is not None and place.country == "BR"


def test_abroad_alone_needs_two_other_names_in_one_country():
    from sitrep.events.place import abroad_alone
    from sitrep.models import Place

    def town(start, name, country):
        return Place(start=start, end=start + 4, text=name, name=name, lat=1.0, lon=1.0, feature_code="PPL",
                     country=country, precision=1)

    assert abroad_alone([town(0, "Zone", "AR"), town(10, "Lima", "PE"), town(20, "Cusco", "PE")]) == {0}
    assert abroad_alone([town(0, "Zone", "AR"), town(10, "Lima", "PE")]) == frozenset()


def test_a_country_owning_a_force_is_no_scene(pipeline):
    from sitrep.models import Document

    text = "On 3 March 2021, the forces of Ethiopia fired with machine guns on the positions of rebels located near Gondar."
    event = next(e for e in pipeline.analyze(Document(id="owned", text=text)).events if e.trigger.text == "fired")
    assert event.place is not None and event.place.text == "Gondar"  # not "Ethiopia", whose army it was


def test_a_near_spelling_abroad_is_no_scene_beside_a_named_province(pipeline):
    from sitrep.models import Document

    text = "In Ghazni, students marched in Jaghuri district on Friday to denounce the killing of a teacher."
    event = next(e for e in pipeline.analyze(Document(id="fuzzy", text=text)).events if e.acled.event_type)
    assert event.place is not None and event.place.country == "AF"  # not Jaguarari in Brazil


def test_a_town_read_in_another_country_than_its_stated_container_is_no_scene(pipeline):
    from sitrep.models import Document

    text = "Artillery units shelled Bara in the western countryside of Idleb on Sunday."
    event = next(e for e in pipeline.analyze(Document(id="container", text=text)).events if e.acled.event_type)
    assert event.place is not None and (event.place.name, event.place.country) == ("Idlib", "SY")
    assert event.place.precision == 2  # the village the gazetteer lacks is placed at the town it lies by
    # a container read from a near spelling abroad proves nothing: the town stays the scene
    text = "Nurses protested over unpaid bonuses in Temuco (Araucania) on Monday."
    event = next(e for e in pipeline.analyze(Document(id="near", text=text)).events if e.acled.event_type)
    assert event.place is not None and (event.place.text, event.place.country) == ("Temuco", "CL")


def test_people_named_by_where_they_are_leave_that_place_the_scene(pipeline):
    from sitrep.models import Document

    text = "On 4 June 2021, a group of shopkeepers in Mashhad held a protest against the closures."
    record = pipeline.analyze(Document(id="where", text=text)).record()
    protest = next(e for e in record.events if e.acled.event_type == "Protests")
    names = {a.id: a.name for a in record.actors}
    assert [names[s] for s in protest.sources] == ["shopkeepers"]  # Mashhad is where, not who
    assert protest.place is not None and protest.place.text == "Mashhad"


def _violent(analysis):
    return [e for e in analysis.events if e.plover.type in ("ASSAULT", "PROTEST")]


@pytest.mark.parametrize("text, places", [
    ("Gunmen attacked police stations in Kano and Kaduna on Monday, killing seven officers.", ["Kano", "Kaduna"]),
    ("Thousands protested in Paris, France, and Berlin, Germany, on Saturday.", ["Paris", "Berlin"]),
    ("Bombs exploded outside the embassies in the Kenyan and Ugandan capitals on Friday.", ["Kenya", "Uganda"]),
])
def test_an_event_told_of_several_places_is_one_event_at_each(pipeline, text, places):
    """ACLED codes one event per location: the places named together are one event each, never merged back;
    a town's country after it ("Paris, France") is where the town is, not another place."""
    from sitrep.models import Document

    events = _violent(pipeline.analyze(Document(id="apart", text=text, published="2024-03-04")))
    assert [e.place.name for e in events] == places
    assert all(e.decided_by["place"].startswith("place.one_event_per_place") for e in events)
    assert len({(e.trigger.start, e.trigger.end) for e in events}) == 1  # one mention, the same words


def test_a_toll_for_several_places_is_shared_out_evenly(pipeline):
    from sitrep.models import Document

    text = "Gunmen attacked police stations in Kano and Kaduna on Monday, killing seven officers."
    events = _violent(pipeline.analyze(Document(id="toll", text=text, published="2024-03-04")))
    assert [e.quantities["killed"].best for e in events] == [4, 3]  # as ACLED divides a total: 4 + 3
    assert all(e.quantities["killed"].text == events[0].quantities["killed"].text for e in events)


@pytest.mark.parametrize("text, place", [
    ("Gunmen attacked a police station in Coatzacoalcos, Veracruz, on Monday.", "Coatzacoalcos"),
    ("Gunmen attacked a police station in Lyon, France, on Monday.", "Lyon"),
])
def test_a_town_and_what_holds_it_are_one_place(pipeline, text, place):
    from sitrep.models import Document

    events = _violent(pipeline.analyze(Document(id="one", text=text, published="2024-03-04")))
    assert [e.place.name for e in events] == [place]


@pytest.mark.parametrize("text, town, province", [
    ("Armed men shot a shopkeeper in Cosoleacaque, Veracruz, on Monday.", "Cosoleacaque", "Veracruz"),
    ("Students protested in Singaraja, Bali, on Friday.", "Singaraja", "Bali"),
])
def test_a_town_named_before_its_province_is_the_scene(pipeline, text, town, province):
    """The province a town is named with is a province of the gazetteer (ISO's "Veracruz de Ignacio de la
    Llave"; Indonesia's provinces, which ISO files under its islands), and the town, not the province the
    parse may hang on the verb, is where it happened."""
    from sitrep.models import Document

    analysis = pipeline.analyze(Document(id="held", text=text, published="2024-03-04"))
    record = analysis.record()
    held = [p for p in record.places if p.text == province]
    assert held and all(p.feature_code == "ADM1" and p.country == record.places[0].country for p in held)
    assert [e.place.name for e in record.events if e.place] == [town]


def test_a_local_name_read_outside_the_scenes_province_is_passed_over(pipeline):
    """The sentence sets its scene in a town of a stated province; a neighbourhood the gazetteer reads as a
    namesake elsewhere is no second scene (and the rule says why it was passed over)."""
    from sitrep.models import Document

    text = "In Monterrey, Nuevo Leon, gunmen shot a driver in Colonia Hidalgo on Monday."
    record = pipeline.analyze(Document(id="scene", text=text, published="2024-03-04")).record()
    colonia = next(p for p in record.places if p.text == "Colonia Hidalgo")
    assert colonia.admin1 != next(p for p in record.places if p.text == "Nuevo Leon").admin1
    (event,) = [e for e in record.events if e.place]
    assert event.place.name == "Monterrey"
    assert event.decided_by["place"].startswith("place.outside_the_scene_skipped: ")


def test_a_dateline_sets_no_scene(pipeline):
    from sitrep.models import Document

    text = "AUSTIN, Texas - Supporters of the governor held a rally in Denver on Saturday, organisers said."
    record = pipeline.analyze(Document(id="dateline", text=text, published="2024-03-04")).record()
    assert [e.place.name for e in record.events if e.place and e.trigger and e.trigger.text == "rally"] == ["Denver"]


def test_a_second_scene_stated_with_its_own_province_stays(pipeline):
    from sitrep.models import Document

    text = "In Culiacan, Sinaloa, police arrested a man wanted for a killing in Tijuana, Baja California."
    record = pipeline.analyze(Document(id="scenes", text=text, published="2024-03-04")).record()
    assert {e.place.name for e in record.events if e.place} == {"Culiacán", "Tijuana"}


def test_towns_of_three_countries_in_a_list_are_three_scenes(pipeline):
    """"Paris, London and Berlin" is a list, not Paris in a container called London."""
    from sitrep.models import Document

    text = "Supporters of the movement rallied in Paris, London and Berlin on Saturday."
    record = pipeline.analyze(Document(id="list", text=text, published="2024-03-04")).record()
    assert [e.place.name for e in record.events if e.place] == ["Paris", "London", "Berlin"]


def test_later_reports_of_one_of_the_places_join_its_own_event(pipeline):
    from sitrep.models import Document

    text = ("Twin blasts hit the embassies in Nairobi, Kenya, and Kampala, Uganda, on Friday. "
            "The Kampala blast killed 12 people, the police said.")
    events = _violent(pipeline.analyze(Document(id="later", text=text, published="2024-03-04")))
    assert [e.place.name for e in events] == ["Nairobi", "Kampala"]
    assert len(events[1].evidence) == 2 and len(events[0].evidence) == 1
    assert events[1].quantities["killed"].best == 12 and "killed" not in events[0].quantities


def _shown(event, field):
    """Whether --explain shows a value for the field (the same test explain.py's values make)."""
    value = {"place": event.place, "date": event.date and event.date.value, "sources": event.sources,
             "targets": event.targets, "attribution": event.attribution, "quantities": event.quantities}
    return bool(value.get(field, True))


def test_every_field_with_a_value_names_what_set_it_in_the_examples(pipeline):
    """The invariant behind `sitrep analyze --explain`: no field of any event holds a value that no rule
    claims, including fields a merged mention of the same event brought (its attribution, its figures)."""
    from sitrep.explain import FIELDS
    from sitrep.models import Document

    examples = sorted(Path(__file__).parents[2].joinpath("examples").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in examples] + [
        "Police fired tear gas at protesters in Lagos on Friday, witnesses said. The protest drew about 2,000 "
        "people, according to the organisers, and the police said 14 were arrested during the protest."]
    events = [e for i, text in enumerate(texts)
              for e in pipeline.analyze(Document(id=f"x{i}", text=text, published="2024-03-08")).events]
    assert len(events) >= 10 and any(e.attribution for e in events) and any(e.quantities for e in events)
    for event in events:
        for field in FIELDS:
            if _shown(event, field):
                assert event.decided_by.get(field), (event.id, field, event.decided_by)


@pytest.mark.parametrize("text, town, doers", [
    ("On 3 May 2021, in Celaya, Guanajuato, hospital nurses marched over unpaid wages.", "Celaya", "hospital nurses"),  # guard
    ("On 9 June 2021, in Zitacuaro, Michoacan, state and traffic police marched to demand back pay.",
     "Zitacuaro", "state and traffic police"),
])
def test_a_scene_set_before_the_subject_is_no_part_of_the_doers(pipeline, text, town, doers):
    """The parse may hang "Celaya, Guanajuato," on the subject noun: the doers are the nurses, and the
    town they are in is the event's place (not the province, nor nothing)."""
    from sitrep.models import Document

    record = pipeline.analyze(Document(id="scene", text=text)).record()
    known = {a.id: a for a in record.actors}
    event = next(e for e in record.events if e.sources)
    assert event.place is not None and event.place.name == town and event.place.country == "MX"
    doer = known[event.sources[0]]
    assert doer.mentions[0].text == doers


def test_a_district_read_as_a_town_abroad_is_passed_over_not_the_town_it_holds(pipeline):
    """"Dori, Seno": the gazetteer lacks the district Seno and reads a town of that name abroad; the town
    the text places in it lies in the article's country, so the district is the name passed over."""
    from sitrep.models import Document

    text = "On 12 March 2021, gunmen killed two herders at a well near Tanko (Dori, Seno) in the night."
    record = pipeline.analyze(Document(id="district", text=text)).record()
    killed = next(e for e in record.events if e.trigger and e.trigger.text == "killed")
    assert killed.place is not None and (killed.place.name, killed.place.country) == ("Dori", "BF")
    assert "outside_its_container" in killed.decided_by["place"]


def test_the_road_between_two_towns_is_where_not_two_parties(pipeline):
    """"between" names the parties of a deal or a clash, but "the road between X and Y" is a place."""
    from sitrep.models import Document

    text = "On 3 June 2021, protesters blocked the road between Zahle and Chtaura with burning tyres."
    record = pipeline.analyze(Document(id="road", text=text)).record()
    blocked = next(e for e in record.events if e.trigger and e.trigger.text == "blocked")
    assert blocked.place is not None and (blocked.place.name, blocked.place.country) == ("Zahlé", "LB")


def test_a_province_abroad_does_not_pull_a_town_of_the_country_the_text_names(pipeline):
    """The gazetteer lacks Ghana's newest region and reads "North East" as Haiti's Nord-Est; the town before it and
    the country named after it are in Ghana, so the town stays in Ghana and is the event's place."""
    from sitrep.models import Document

    text = "On 2 June 2021, herders attacked a farmer near Nalerigu, North East region, Ghana."
    record = pipeline.analyze(Document(id="region", text=text)).record()
    attacked = next(e for e in record.events if e.trigger and e.trigger.text == "attacked")
    assert attacked.place is not None and (attacked.place.name, attacked.place.country) == ("Nalerigu", "GH")


@pytest.mark.parametrize("text, town", [
    # the province bears its capital's name, and the gazetteer reads it as the capital: the town said to lie in it
    # is where it happened
    ("On 9 June 2021, gunmen attacked an army checkpoint in the town of Qamishli in Al-Hasakeh.", "Al Qāmishlī"),
    ("On 9 June 2021, rebels raided an army post by the town of Darbasiyah, in Al-Hasakeh.", "Ad Darbāsīyah"),
])
def test_a_town_said_to_lie_in_a_namesake_capital_is_the_finer_place(pipeline, text, town):
    from sitrep.models import Document

    record = pipeline.analyze(Document(id="town-in-town", text=text)).record()
    event = max((e for e in record.events if e.acled.event_type), key=lambda e: e.confidence)
    assert event.place is not None and event.place.name == town
    assert event.decided_by["place"].endswith("place.town_before_its_province")


@pytest.mark.parametrize("text, town", [
    # a home town ("from X") is not where it happened, nor is a state capital said to lie in a lesser town
    ("On 9 June 2021, displaced families from Bama, in Maiduguri, held a sit-in over food rations.", "Maiduguri"),
    ("On 9 June 2021, gunmen shot dead two traders coming from Katsina, in Daura.", "Daura"),
])
def test_no_finer_town_from_a_home_town_or_a_seat_in_a_lesser_town(pipeline, text, town):
    from sitrep.models import Document

    record = pipeline.analyze(Document(id="from", text=text)).record()
    event = max((e for e in record.events if e.acled.event_type), key=lambda e: e.confidence)
    assert event.place is not None and event.place.name == town


def test_a_country_in_the_words_of_the_doer_is_not_the_scene(pipeline):
    from sitrep.models import Document

    text = "On 9 June 2021, pro-Turkey factions fired mortars at a village near Tell Abiad, wounding a boy."
    record = pipeline.analyze(Document(id="side", text=text)).record()
    event = max((e for e in record.events if e.acled.event_type), key=lambda e: e.confidence)
    assert event.place is not None and event.place.country == "SY", event.place
