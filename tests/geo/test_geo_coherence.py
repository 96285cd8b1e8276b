"""Document coherence: the readings of different ambiguous names pull towards each other."""

from sitrep.geo.coherence import Coherence
from sitrep.geo.gazetteer import GazPlace


def _town(i, name, lat, lon, admin1, population=5_000):
    return GazPlace(i, i, None, name, lat, lon, "P", "PPL", "US", admin1, population, "", "gazetteer")


BRANDON_MN = _town(1, "Brandon", 45.97, -95.60, "US-MN")
BRANDON_FL = _town(2, "Brandon", 27.94, -82.29, "US-FL", 100_000)
ALBANY_MN = _town(3, "Albany", 45.63, -94.57, "US-MN")
ALBANY_NY = _town(4, "Albany", 42.65, -73.76, "US-NY", 100_000)
ALBANY_GA = _town(5, "Albany", 31.58, -84.16, "US-GA", 70_000)


def test_the_reading_that_shares_a_province_with_another_name_gets_support():
    coherence = Coherence({"brandon": [BRANDON_MN, BRANDON_FL], "albany": [ALBANY_MN, ALBANY_NY, ALBANY_GA]})
    assert coherence.support(BRANDON_MN, "brandon") > 0
    assert coherence.support(BRANDON_FL, "brandon") == 0


def test_a_name_never_supports_its_own_readings():
    coherence = Coherence({"brandon": [BRANDON_MN, BRANDON_FL]})
    assert coherence.support(BRANDON_MN, "brandon") == 0


def test_specific_names_weigh_more_than_names_found_everywhere():
    specific = Coherence({"albany": [ALBANY_MN]}).support(BRANDON_MN, "brandon")
    spread = Coherence({"albany": [ALBANY_MN, ALBANY_NY, ALBANY_GA]}).support(BRANDON_MN, "brandon")
    assert specific > spread > 0
