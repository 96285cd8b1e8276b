"""Whether a new report is of an event already known: hard limits first, then points of agreement.

The rules, in order (each leaves a reason, so every merge and every refusal can be explained):

* **kind** must be equal (ceasefire, or the PLOVER type); a threat or plan never merges with a deed.
* **dates** (days, UTC) may be apart by at most the slack of the vaguer report (day 1, week or range 3,
  month 10; ceasefires 7, since announcement and start are reported interchangeably). Same day +1,
  overlapping +0.5, a day apart between two day-precise reports −0.5 (ceasefires within 7 days +0.5).
* **places** may be apart by at most the radius of the vaguer one (town 25 km, near/part of region
  75 km, region 300 km) and must share a country when both say. Same town +1, close +0.5, same region +0.25.
* **places** unknown on one side −0.25 (reports without a place need more agreement elsewhere).
* **actors**: each shared actor +1 (+0.75 for a generic coded group such as RUSMIL, which many events
  share), at most +1.5; only a shared country +0.5; nothing in common −1.
* **mode** differing −0.25; fatality counts within a factor of two +0.25.

A report joins the best-scoring event whose score reaches the threshold (2, ceasefires 1.5): so two
reports need at least two independent agreements, e.g. same day and same town, or same town and
same actor, never a date alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .dates import day_gap, slack
from .distance import km_between, radius_km
from .kinds import CEASEFIRE
from .mentions import MentionView

THRESHOLD = {CEASEFIRE: 1.5}
DEFAULT_THRESHOLD = 2.0
CEASEFIRE_SLACK_DAYS = 7
NOT_DEEDS = {"planned", "threatened", "requested", "conditional"}
SPECIFIC_ACTOR, GENERIC_ACTOR, MOST_ACTOR_POINTS = 1.0, 0.75, 1.5


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
    if view.lat is None or view.lon is None or prof.lat is None or prof.lon is None:
        d.add(-0.25, "place unknown on one side")
        return
    km = km_between(view.lat, view.lon, prof.lat, prof.lon)
    vaguer = max(view.place_precision or 3, prof.place_precision or 3)
    if km > radius_km(vaguer):
        d.block(f"places {km:.0f} km apart (at most {radius_km(vaguer):.0f} at precision {vaguer})")
    elif vaguer == 1 and km <= 10:
        d.add(1.0, f"same town ({km:.0f} km)")
    elif vaguer <= 2:
        d.add(0.5, f"places {km:.0f} km apart")
    else:
        d.add(0.25, f"same region ({km:.0f} km)")


def _actors(view: MentionView, prof: Profile, d: Decision) -> None:
    if not view.actors or not prof.actor_keys:
        d.add(0, "actors unknown on one side")
        return
    theirs_by_key = {str(a["key"]): a for a in prof.actor_keys}
    shared = sorted({a.key: a for a in view.actors if a.key in theirs_by_key}.values(), key=lambda a: a.key)
    if shared:
        points = sum(SPECIFIC_ACTOR if a.specific and theirs_by_key[a.key].get("specific", True) else GENERIC_ACTOR
                     for a in shared)
        d.add(min(points, MOST_ACTOR_POINTS), "shared " + ", ".join(a.name for a in shared))
        return
    ours = {a.country for a in view.actors if a.country}
    theirs = {a["country"] for a in prof.actor_keys if a.get("country")}
    if ours & theirs:
        d.add(0.5, f"shared actor country {sorted(ours & theirs)[0]}")
    elif ours and theirs:
        d.add(-1.0, "no actor or actor country in common")
    else:
        d.add(0, "no actor in common")


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


def compare(view: MentionView, prof: Profile) -> Decision:
    """Score a report against a known event; every step leaves its reason."""
    d = Decision()
    if view.kind != prof.kind:
        d.block(f"kinds differ ({view.kind}, {prof.kind})")
        return d
    if view.kind != CEASEFIRE and (view.modality in NOT_DEEDS) != (prof.modality in NOT_DEEDS):
        d.block(f"a {view.modality} event is not a {prof.modality} one")
        return d
    for step in (_dates, _places, _actors, _details):
        step(view, prof, d)
        if d.blocked:
            break
    return d
