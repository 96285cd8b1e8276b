"""Key words of a report: what two outlets' sentences about one event share, and what they do not."""

from __future__ import annotations

from sitrep.merge.decide import Profile, compare
from sitrep.merge.mentions import MentionView
from sitrep.merge.wording import key_words


def test_key_words_share_stems_across_wordings_and_drop_calendar_and_reporting_words():
    one = key_words("Two car bombs exploded outside the embassies on Friday, police said.")
    other = key_words("A car bomb blast outside the embassy killed eleven, officials told reporters.")
    assert {"bomb", "embassy", "outside"} <= one & other
    assert not {"friday", "said", "told", "official"} & (one | other)


def _view(quote: str, **kw) -> MentionView:
    return MentionView(document_id="d2", event_id="e1", kind="ASSAULT", violent=True, plover_type="ASSAULT",
                       plover_mode=None, cameo=None, acled_event_type=None, acled_sub_event_type=None,
                       outlet="Paper B", url=None, published="2024-05-10", modality="asserted", day_lo=739015,
                       day_hi=739015, precision=1, quote=quote, **kw)


def _profile(words: str) -> Profile:
    return Profile(kind="ASSAULT", day_lo=739015, day_hi=739015, precision=1, lat=None, lon=None,
                   place_precision=None, country=None, actor_keys=[], words=frozenset(key_words(words)))


def test_shared_wording_adds_an_agreement_and_other_wording_none():
    known = _profile("Paramilitary shells hit the central market of Omdurman, killing twelve civilians.")
    same = compare(_view("Twelve civilians were killed when shells struck Omdurman's central market."), known)
    other = compare(_view("Security agents detained a radio reporter who had filmed queues for bread."), known)
    assert any(r.startswith("+1.00 same wording") for r in same.reasons)
    assert same.score - other.score >= 1.0
    assert not any("wording" in r or "shared words" in r for r in other.reasons)
