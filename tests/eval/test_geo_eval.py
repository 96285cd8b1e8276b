"""The geo scorer: pairing, distances, both accuracy denominators, and a small run on the corpora."""

import pytest

from sitrep.eval.geo import (
    FAR_KM,
    Article,
    Gold,
    Guess,
    Tally,
    error_km,
    evaluate,
    load_articles,
    score_article,
)

ALEPPO = (36.20124, 37.16117)


def _gold(start, end, text, lat=ALEPPO[0], lon=ALEPPO[1], gid=170063, fcode="PPLA"):
    return Gold(start, end, text, gid, lat, lon, fcode)


def test_pairs_by_overlap_and_counts_misses_and_false_positives():
    text = "Aleppo and Idlib and Hama"
    article = Article("a", text, [_gold(0, 6, "Aleppo"), _gold(11, 16, "Idlib", 35.93, 36.63, 169389)])
    guesses = [Guess(0, 6, "Aleppo", 170063, *ALEPPO), Guess(21, 25, "Hama", 170017, 35.13, 36.75)]
    tally = Tally()
    score_article(article, guesses, tally)
    assert (tally.tp, tally.fp, tally.fn) == (1, 1, 1)
    assert tally.matched_errors == [0.0]  # only the toponym we found
    assert tally.all_errors == [0.0, FAR_KM]  # end to end: the missed one counts as wrong
    assert tally.id_hits == tally.id_total == 1


def test_far_placement_is_classified():
    article = Article("a", "Damascus", [_gold(0, 8, "Damascus", 33.51, 36.29, 170654, "PPLC")])
    tally = Tally()
    score_article(article, [Guess(0, 8, "Damascus", 4354163, 39.29, -77.20, "PPL", "US")], tally)
    assert error_km(article.gold[0], Guess(0, 8, "x", None, 39.29, -77.20)) > 9000
    assert tally.errors["other_place_same_name"] == 1


def test_loader_realigns_offsets_that_are_one_off(tmp_path):
    xml = tmp_path / "c.xml"
    xml.write_text("""<articles><article docid="1"><text>War in Aleppo.</text><toponyms>
      <toponym><start>6</start><end>12</end><phrase>Aleppo</phrase>
      <gaztag geonameid="170063"><fcode>PPLA</fcode><lat>36.2</lat><lon>37.16</lon></gaztag></toponym>
      </toponyms></article></articles>""", encoding="utf-8")
    (article,) = load_articles(xml)
    gold = article.gold[0]
    assert article.text[gold.start:gold.end] == "Aleppo" and gold.geonameid == 170063


@pytest.mark.slow
@pytest.mark.corpora
def test_runs_on_both_corpora_and_beats_the_baseline(corpora):
    results = evaluate(corpora, limit=8)
    assert [r.corpus for r in results] == ["geoparsing-news/lgl.xml", "geoparsing-news/TR-News.xml"]
    for result in results:
        acc = result.metric("acc161_all")  # over the same gold toponyms for both systems
        assert acc.n > 0 and acc.baseline is not None and acc.value > acc.baseline
        assert result.metric("acc161_matched").n > 0
        assert result.metric("toponym_f1").value > 0.5
        assert "missed" in result.details["error_classes"]


def test_loader_realigns_offsets_that_drift_by_a_dozen(tmp_path):
    xml = tmp_path / "c.xml"
    xml.write_text("""<articles><article docid="1"><text>Ministers met on Monday in Toronto.</text><toponyms>
      <toponym><start>15</start><end>22</end><phrase>Toronto</phrase>
      <gaztag geonameid="6167865"><fcode>PPLA</fcode><lat>43.7</lat><lon>-79.42</lon></gaztag></toponym>
      </toponyms></article></articles>""", encoding="utf-8")
    (article,) = load_articles(xml)
    gold = article.gold[0]
    assert (gold.start, gold.end) == (27, 34)
