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


# Two names of our own, with readings that lie together in one place only ("Oakton" and "Fairvale").
OAKTON_NORTH = _town(10, "Oakton", 51.63, -0.06, "GB-ENG")
OAKTON_WEST = _town(11, "Oakton", 36.98, -85.61, "US-KY")
FAIRVALE_TOWN = _town(12, "Fairvale Town", 51.65, -0.08, "GB-ENG")  # "Fairvale" is its short form
FAIRVALE_EAST = _town(13, "Fairvale", 41.98, -72.59, "US-CT")
FAIRVALE_WEST = _town(14, "Fairvale", 37.10, -85.70, "US-KY")  # 14 km from Oakton (Ky.)


def test_a_reading_with_another_name_close_by_is_supported():
    coherence = Coherence({"oakton": [OAKTON_NORTH, OAKTON_WEST], "fairvale": [FAIRVALE_TOWN, FAIRVALE_EAST]})
    assert coherence.close(OAKTON_NORTH, "oakton") == 1.0
    assert coherence.close(OAKTON_WEST, "oakton") == 0.0
    assert coherence.close(FAIRVALE_TOWN, "fairvale") == 1.0  # matched by its short form, still itself


def test_two_names_that_lie_together_in_several_places_support_each_reading_less():
    both = Coherence({"oakton": [OAKTON_NORTH, OAKTON_WEST], "fairvale": [FAIRVALE_TOWN, FAIRVALE_WEST]})
    assert both.close(OAKTON_NORTH, "oakton") == both.close(OAKTON_WEST, "oakton") == 0.5


def test_a_former_name_is_no_reading_close_by():
    renamed = _town(15, "Richwood", 51.64, -0.07, "GB-ENG")  # found under "fairvale" by an alternate name
    coherence = Coherence({"oakton": [OAKTON_NORTH], "fairvale": [renamed]})
    assert coherence.close(OAKTON_NORTH, "oakton") == 0.0
