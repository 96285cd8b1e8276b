"""Country evidence and the province stated beside a town, on hand-made mentions (no model)."""

from collections import Counter

from sitrep.geo.gazetteer import GazPlace
from sitrep.geo.resolve import country_evidence, named_country
from sitrep.geo.spotting import Mention


def _place(name, code, country, admin1="", population=0, feature_class=None):
    fclass = feature_class or ("A" if code in ("PCLI", "ADM1") else "P")
    return GazPlace(0, None, None, name, 0.0, 0.0, fclass, code, country, admin1, population, "", "")


def _mention(text, *candidates, demonym=None):
    return Mention(i=0, j=1, start=0, end=len(text), text=text, candidates=list(candidates), demonym=demonym)


def test_a_country_name_with_a_namesake_town_counts_for_the_country():
    canada = _mention("Canada", _place("Canada", "PCLI", "CA"), _place("Canada", "PPL", "ES", population=300))
    assert named_country(canada) and country_evidence([canada]) == Counter({"CA": 1})


def test_a_name_that_is_also_a_province_counts_for_neither():
    georgia = _mention("Georgia", _place("Georgia", "PCLI", "GE"), _place("Georgia", "ADM1", "US", "US-GA"))
    assert not named_country(georgia) and country_evidence([georgia]) == Counter()


def test_demonyms_count_for_their_country():
    assert country_evidence([_mention("Syrian", _place("Syria", "PCLI", "SY"), demonym="SY")]) == Counter({"SY": 1})


def test_a_country_name_does_not_vouch_for_itself():
    from sitrep.geo.coherence import coherence_of
    from sitrep.geo.resolve import Context

    lebanon = _mention("Lebanon", _place("Lebanon", "PCLI", "LB"), _place("Lebanon", "PPL", "US", "US-PA", 25_000))
    harrisburg = _mention("Harrisburg", _place("Harrisburg", "PPL", "US", "US-PA", 50_000))
    context = Context([lebanon, harrisburg], resolved=False, coherence=coherence_of([lebanon, harrisburg]))
    # one mention of evidence each, over that plus SHARE_SMOOTHING (1.0) of evidence for no country
    assert context.country_share("lebanon") == {"US": 0.5}
    assert context.country_share("harrisburg") == {"LB": 1 / 3, "US": 1 / 3}


def test_a_toss_up_reading_is_no_country_evidence():
    """A first-pass reading won by a hair ("Enfield": Connecticut or London?) must not make the
    other names of the article lean to its country."""
    from sitrep.geo.coherence import coherence_of
    from sitrep.geo.resolve import Context

    enfield_ct, enfield_gb = _place("Enfield", "PPL", "US", "US-CT", 45_000), _place("Enfield", "PPL", "GB", "GB-ENG", 45_000)
    enfield = _mention("Enfield", enfield_ct, enfield_gb)
    edmonton = _mention("Edmonton", _place("Edmonton", "PPL", "GB", "GB-ENG", 80_000))
    enfield.resolved, enfield.confidence = enfield_ct, 0.5
    context = Context([enfield, edmonton], resolved=True, coherence=coherence_of([enfield, edmonton]))
    assert context.country_share("edmonton").get("US", 0.0) == 0.0
