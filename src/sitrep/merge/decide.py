"""Whether a new report is of an event already known: hard limits first, then points of agreement.

The rules, in order (each leaves a reason, so every merge and every refusal can be explained):

* **kind** must be equal (ceasefire, or the PLOVER type); a threat or plan never merges with a deed.
* **dates** (days, UTC) may be apart by at most the slack of the vaguer report (day 1, week or range 3,
  month 10; ceasefires 7, since announcement and start are reported interchangeably). Same day +1,
  overlapping +0.5, a day apart between two day-precise reports −0.5 (ceasefires within 7 days +0.5).
* **places** may be apart by at most the radius of the vaguer one (town 25 km, near/part of region
  75 km, region 300 km) and must share a country when both say. Same town +1, close +0.5, same region +0.25
  (ceasefires, whose area is a region by nature: the same area, or places in one province, +1). A
  whole country and a place inside it are never too far apart: +0.25 (ceasefires +1); nor are a whole
  first-level region and a place inside it ("New York" the state and Buffalo): +0.25.
* **places** unknown on one side −0.25 (reports without a place need more agreement elsewhere), nothing
  for ceasefires (often reported by their parties alone) or when a specific actor is shared; a
  ceasefire's place that is one of its parties ("agreements with Turkey") is no place, and costs nothing.
* **actors** (one actor: the same key, or for specific actors the same name): each shared actor +1 (+0.75 for a generic coded group such as RUSMIL, which many events
  share), at most +1.5; only a shared country +0.5; nothing in common −1.
* **same article** (ceasefires): +0.5, since an article's ceasefire mentions are only kept apart by
  the events stage when their speakers claim different times.
* **wording**: 4 or more key words shared with the sentences of the event's reports +1, 3 shared +0.5
  (wording.py: content words, crude stems, no function, reporting or calendar words).
* **mode** differing −0.25; fatality counts within a factor of two +0.25.

A report joins the best-scoring event whose score reaches the threshold (2, ceasefires 1.5): so two
reports need at least two independent agreements, e.g. same day and same town, or same town and
same actor, never a date alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .dates import day_gap, slack
from .distance import km_between, radius_km
from .kinds import CEASEFIRE
from .mentions import ActorKey, MentionView, normalise_name
from .wording import key_words

THRESHOLD = {CEASEFIRE: 1.5}
DEFAULT_THRESHOLD = 2.0
CEASEFIRE_SLACK_DAYS = 7
NOT_DEEDS = {"planned", "threatened", "requested", "conditional"}
SPECIFIC_ACTOR, GENERIC_ACTOR, MOST_ACTOR_POINTS = 1.0, 0.75, 1.5
SOME_WORDS, MANY_WORDS = 3, 4  # shared key words for +0.5 and for +1 (wording.py)


@dataclass
class Profile:
    """What a canonical event is compared on: its canonical date and place and all its actors."""

    kind: str
    day_lo: int | None
    day_hi: int | None
    precision: int
    lat: float | None
    lon: float | None
    place_precision: int | None
    country: str | None
    actor_keys: list[dict[str, str | None]]
    plover_mode: str | None = None
    modality: str = "asserted"
    fatalities: float | None = None
    same_document: bool = False  # a ceasefire the report's own article already reports
    admin1: str | None = None
    words: frozenset[str] = frozenset()  # key words of its reports' sentences (wording.py)


@dataclass
class Decision:
    score: float = 0.0
    blocked: bool = False
    reasons: list[str] = field(default_factory=list)

    def add(self, points: float, reason: str) -> None:
        self.score += points
        self.reasons.append(f"{points:+.2f} {reason}" if points else reason)

    def block(self, reason: str) -> None:
        self.blocked = True
        self.reasons.append(f"blocked: {reason}")

    def merges(self, kind: str) -> bool:
        return not self.blocked and self.score >= THRESHOLD.get(kind, DEFAULT_THRESHOLD)


def _dates(view: MentionView, prof: Profile, d: Decision) -> None:
    if view.day_lo is None or view.day_hi is None or prof.day_lo is None or prof.day_hi is None:
        d.add(0, "date unknown on one side")
        return
    gap = day_gap((view.day_lo, view.day_hi), (prof.day_lo, prof.day_hi))
    allowed = max(slack(view.precision), slack(prof.precision))
    if view.kind == CEASEFIRE:
        allowed = max(allowed, CEASEFIRE_SLACK_DAYS)
    if gap > allowed:
        d.block(f"dates {gap} days apart (at most {allowed} at this precision)")
    elif gap == 0 and view.precision == prof.precision == 1 and view.day_lo == view.day_hi == prof.day_lo:
        d.add(1.0, "same day")
    elif gap == 0:
        d.add(0.5, "dates overlap")
    elif view.kind == CEASEFIRE:
        d.add(0.5, f"ceasefire dates {gap} day(s) apart, within {allowed}")
    elif view.precision == prof.precision == 1:
        d.add(-0.5, f"dates {gap} day(s) apart")
    else:
        d.add(0, f"dates {gap} day(s) apart, within {allowed}")


def _places(view: MentionView, prof: Profile, d: Decision) -> None:
    if view.country and prof.country and view.country != prof.country:
        d.block(f"different countries ({view.country}, {prof.country})")
        return
    if view.place_party:
        d.add(0, f"its place names a party ({view.place_party}), not the area")
        return
    if view.lat is None or view.lon is None or prof.lat is None or prof.lon is None:
        if view.kind == CEASEFIRE or _shares_specific_actor(view, prof):
            d.add(0, "place unknown on one side (no cost: a truce or a shared named actor)")
        else:
            d.add(-0.25, "place unknown on one side")
        return
    if view.kind == CEASEFIRE and view.admin1 and view.admin1 == prof.admin1:
        d.add(1.0, f"same area ({view.admin1})")  # "the truce" named beside a town of the truce's province
        return
    if _whole_country(view.place_precision, view.admin1) != _whole_country(prof.place_precision, prof.admin1) \
            and view.country and view.country == prof.country:
        d.add(1.0 if view.kind == CEASEFIRE else 0.25, f"inside the country the other names ({view.country})")
        return  # "the truce in Libya" and "around Tripoli": a country holds all its places
    if _whole_region(view.place_precision, view.admin1) != _whole_region(prof.place_precision, prof.admin1) \
            and view.admin1 and view.admin1 == prof.admin1:
        d.add(0.25, f"inside the region the other names ({view.admin1})")
        return  # "New York" (the state) and Buffalo: a region holds its towns, however far from its middle
    km = km_between(view.lat, view.lon, prof.lat, prof.lon)
    vaguer = max(view.place_precision or 3, prof.place_precision or 3)
    if km > radius_km(vaguer):
        d.block(f"places {km:.0f} km apart (at most {radius_km(vaguer):.0f} at precision {vaguer})")
    elif vaguer == 1 and km <= 10:
        d.add(1.0, f"same town ({km:.0f} km)")
    elif vaguer <= 2:
        d.add(0.5, f"places {km:.0f} km apart")
    elif view.kind == CEASEFIRE and km <= 10:
        d.add(1.0, f"same area ({km:.0f} km)")  # a truce's area is a region by nature
    else:
        d.add(0.25, f"same region ({km:.0f} km)")


def _whole_country(precision: int | None, admin1: str | None) -> bool:
    return precision == 3 and not admin1


def _whole_region(precision: int | None, admin1: str | None) -> bool:
    return precision == 3 and bool(admin1)


def _matched(view: MentionView, prof: Profile) -> list[tuple[ActorKey, dict[str, Any]]]:
    """The report's actors the event shares: by key, or, for specific actors, by name (one group coded
    from different words, "Houthi rebels" from a knowledge base and "Yemen's Houthis" by its country)."""
    by_key = {str(a["key"]): a for a in prof.actor_keys}
    by_name = {normalise_name(str(a["name"])): a for a in prof.actor_keys if a.get("specific", True)}
    found: dict[str, tuple[ActorKey, dict[str, Any]]] = {}
    for actor in view.actors:
        match = by_key.get(actor.key) or (by_name.get(normalise_name(actor.name)) if actor.specific else None)
        if match is not None:
            found.setdefault(str(match["key"]), (actor, match))
    return sorted(found.values(), key=lambda pair: pair[0].key)


def _shares_specific_actor(view: MentionView, prof: Profile) -> bool:
    """Whether both name one specific actor (a person, an organisation, a knowledge-base entry)."""
    return any(a.specific and theirs.get("specific", True) for a, theirs in _matched(view, prof))


def _actors(view: MentionView, prof: Profile, d: Decision) -> None:
    if not view.actors or not prof.actor_keys:
        d.add(0, "actors unknown on one side")
        return
    shared = _matched(view, prof)
    if shared:
        points = sum(SPECIFIC_ACTOR if a.specific and theirs.get("specific", True) else GENERIC_ACTOR
                     for a, theirs in shared)
        d.add(min(points, MOST_ACTOR_POINTS), "shared " + ", ".join(a.name for a, _ in shared))
        return
    ours = {a.country for a in view.actors if a.country}
    theirs = {a["country"] for a in prof.actor_keys if a.get("country")}
    if ours & theirs:
        d.add(0.5, f"shared actor country {sorted(ours & theirs)[0]}")
    elif ours and theirs:
        d.add(-1.0, "no actor or actor country in common")
    else:
        d.add(0, "no actor in common")


def _same_article(view: MentionView, prof: Profile, d: Decision) -> None:
    """An article follows one truce: the events stage folds every ceasefire mention it cannot tell
    apart, so a second one from the same article is a disagreeing claim (another speaker, another time)."""
    if view.kind == CEASEFIRE and prof.same_document:
        d.add(0.5, "a ceasefire its own article reports (another source's claim)")


def _wording(view: MentionView, prof: Profile, d: Decision) -> None:
    """Outlets word one event differently but share its salient words (what was hit, with what)."""
    shared = sorted(key_words(view.quote) & prof.words)
    if len(shared) >= MANY_WORDS:
        d.add(1.0, "same wording (" + ", ".join(shared[:6]) + ")")
    elif len(shared) >= SOME_WORDS:
        d.add(0.5, "shared words (" + ", ".join(shared) + ")")


def _details(view: MentionView, prof: Profile, d: Decision) -> None:
    if view.plover_mode and prof.plover_mode and view.plover_mode != prof.plover_mode:
        d.add(-0.25, f"mode differs ({view.plover_mode}, {prof.plover_mode})")
    ours = fatalities(view)
    if ours and prof.fatalities and max(ours, prof.fatalities) <= 2 * min(ours, prof.fatalities):
        d.add(0.25, "fatality counts agree within a factor of two")


def fatalities(view: MentionView) -> float | None:
    """The best fatality count a report gives, if it gives one."""
    for name, q in view.quantities.items():
        if any(w in name.lower() for w in ("kill", "dead", "death", "fatal")) and q.get("best") is not None:
            return float(q["best"])
    return None


def screen(view: MentionView, prof: Profile) -> Decision:
    """The first steps of :func:`compare`: kind, modality, dates and places. When they refuse, the decision
    is the whole comparison's, and it read nothing of the event's actors, words or counts (a place unknown
    on one side reads the actors, but never refuses), so a candidate can be refused without them."""
    d = Decision()
    if view.kind != prof.kind:
        d.block(f"kinds differ ({view.kind}, {prof.kind})")
        return d
    if view.kind != CEASEFIRE and (view.modality in NOT_DEEDS) != (prof.modality in NOT_DEEDS):
        d.block(f"a {view.modality} event is not a {prof.modality} one")
        return d
    for step in (_dates, _places):
        step(view, prof, d)
        if d.blocked:
            break
    return d


def compare(view: MentionView, prof: Profile) -> Decision:
    """Score a report against a known event; every step leaves its reason."""
    d = screen(view, prof)
    if d.blocked:
        return d
    for step in (_actors, _same_article, _wording, _details):
        step(view, prof, d)
        if d.blocked:
            break
    return d
