"""The merge eval on hand-written articles: two outlets wording one attack differently are joined; an
arrest in the same town on the same day is kept apart; the scorer's pairs follow its definition."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.eval.merge import GoldArticle, Group, load_gold, merge_documents, score
from sitrep.models import Document

SHELLING = Group("market-shelling", frozenset({"ASSAULT"}), date(2024, 5, 9), frozenset({"SD"}))
ARREST = Group("reporter-arrest", frozenset({"COERCE"}), date(2024, 5, 9), frozenset({"SD"}))
TEXTS = {
    "wire-a": ("Wire A", "OMDURMAN, Sudan - Paramilitary fighters shelled the central market of "
               "Omdurman on Thursday, killing 12 civilians, doctors at a nearby hospital said."),
    "paper-b": ("Paper B", "Twelve civilians died in Omdurman on Thursday when paramilitary shells struck the "
                "town's central market, according to a local medical group."),
    "radio-c": ("Radio C", "Security agents arrested a radio reporter in Omdurman on Thursday after he filmed "
                "long queues outside a bakery, his employer said."),
}


def _documents() -> list[Document]:
    return [Document(id=key, text=text, source=outlet, published="2024-05-10", published_source="given")
            for key, (outlet, text) in TEXTS.items()]


@pytest.mark.slow
def test_one_attack_worded_twice_merges_and_another_event_stays_apart():
    merged = merge_documents(_documents())
    articles = [GoldArticle("hand", "wire-a", ("market-shelling",), (), None),
                GoldArticle("hand", "paper-b", ("market-shelling",), (), None),
                GoldArticle("hand", "radio-c", ("reporter-arrest",), (), None)]
    result = score({g.label: g for g in (SHELLING, ARREST)}, articles, merged)
    assert result.gold_pairs == 1
    assert result.merged == 1, result.missed
    assert result.joined == 1 and result.right == 1, result.wrong
    assert result.invented_ceasefires == 0


def test_gold_groups_name_real_articles_and_known_groups():
    groups, articles = load_gold()
    pairs_per_group = {label: sum(label in a.events for a in articles) for label in groups}
    assert sum(n >= 2 for n in pairs_per_group.values()) >= 15
    assert sum(1 for a in articles if a.events and pairs_per_group[a.events[0]] >= 2) >= 40
    assert any(not a.events for a in articles), "no distractor articles"
    assert len({(a.corpus, a.id) for a in articles}) == len(articles), "an article is listed twice"
