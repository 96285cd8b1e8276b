"""One real event mentioned several times in an article becomes one Event with several evidence spans.

Two events are merged when their types belong to one group (events_types.toml) and nothing tells
them apart: no stated dates more than a few days apart, no disjoint source actors, no two different
towns named in their sentences (and for violence no disjoint targets). How much agreement is needed
depends on the group's `merge` rule:

* ``loose`` (ceasefires): an article follows one ceasefire; merge unless the mentions conflict;
* ``normal``: the same internal type (one visit, one agreement …), or one sentence ("met for talks"),
  and no conflict;
* ``strict`` (violence, crime, disasters): articles report many attacks, so the mentions must also
  share an actor, a place or a date, or sit in one or neighbouring sentences.

A definite noun with no arguments of its own ("the attack", "the talks") refers back: it joins the
latest earlier event of its group unless their source actors differ.

A definite event noun that has arguments of its own ("the embassy bombings", "the killing of the doctor",
"the bombing's victims") and is not merged by the rules above names an event the story has already told: it joins
the latest earlier event of its group that it names by the same kind of act (ACLED's acts: "the killing of X"
names a shooting, "the shelling of Y" does not) unless the two are told apart by what the noun itself says (its own time
expression or place, different doers) or by their modality (a plot is not the attack). Its sentence's other
time and place (a search "on April 8" of "the site of the shooting") are not the event's.

A ceasefire also absorbs the agreement nouns of its own sentence ("in line with agreements").

Two mentions attributed to different speakers that claim different times ("Turkey's defence ministry
said attacks would halt at 00:01 on Jan. 12" … "a Russian official said a ceasefire had been implemented
at 6 p.m. on Thursday") are disagreeing claims, never folded: each stays an Event with its own
attribution, date and evidence, and the cross-article merge (sitrep.merge) joins them into one canonical
event with one claim per source.

An event named in a temporal adjunct ("a day after paying a visit", "days after the killing of X")
is merged last, into any event of its group that shares an actor with it and whose sources do not
differ, wherever in the article that event is reported; the event it joins keeps its codes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from ..models import AcledCode, Event, EventPlace
from .acled import interaction, load_codebook, recalled_by
from .lexicon import EventType

if TYPE_CHECKING:
    from spacy.tokens import Doc

MAX_DAYS_APART = 3
ABSORBS = {"ceasefire": frozenset({"agree"})}


@dataclass
class Item:
    """An event with what the merge needs to know about it."""

    event: Event
    kind: EventType
    sentences: set[int]   # indices of the reporting sentences in the document
    anaphoric: bool = False  # a definite noun with no arguments of its own: "the attack", "the talks"
    definite: bool = False   # a definite or possessed event noun: "the embassy bombings", "the killing of X"
    backref: bool = False    # named in a temporal adjunct: "a day after paying a visit" (backrefs.py)
    kinds: list[str] = field(default_factory=list)  # internal types of every mention merged in, kept first
    referred: set[int] = field(default_factory=set)  # sentences that only refer back to it ("the attack came after …")
    together: int | None = None  # the mention an event told of several places came from: its copies stay apart

    def __post_init__(self) -> None:
        if not self.kinds:
            self.kinds = [self.kind.name]


def _disjoint(a: list[str], b: list[str]) -> bool:
    return bool(a) and bool(b) and not set(a) & set(b)


def _interval(event: Event) -> tuple[date, date] | None:
    """The days an event's date allows, from a stated time expression only (not the report date)."""
    found = event.date
    if found is None or found.source != "expression" or not found.value:
        return None
    start, end = found.start or found.value, found.end or found.start or found.value
    try:
        return date.fromisoformat(_pad(start)), date.fromisoformat(_pad(end))
    except ValueError:
        return None


def _pad(value: str) -> str:
    """An ISO date of any precision ("2017", "2019-12", "2020-01-07T18:00") as a day."""
    day = value[:10]
    return day + "-01-01"[len(day) - 4:] if len(day) in (4, 7) else day


def dates_conflict(a: Event, b: Event) -> bool:
    ia, ib = _interval(a), _interval(b)
    if ia is None or ib is None:
        return False
    gap = max((ib[0] - ia[1]).days, (ia[0] - ib[1]).days)
    return gap > MAX_DAYS_APART


def places_conflict(a: Event, b: Event) -> bool:
    """Two towns, or places in two countries, named in the two sentences (a region and a town in it may be one
    event)."""
    pa, pb = a.place, b.place
    if pa is None or pb is None or pa.source != "sentence" or pb.source != "sentence":
        return False
    if pa.country and pb.country and pa.country != pb.country:
        return True  # a bombing in Kenya and one in Tanzania
    if pa.precision != 1 or pb.precision != 1:
        return False
    if pa.geonameid is not None and pa.geonameid == pb.geonameid:
        return False
    return pa.name != pb.name


def conflict(a: Event, b: Event, rule: str) -> bool:
    """Whether two events are told apart by their date or, unless merged loosely, their actors or place."""
    if dates_conflict(a, b):
        return True
    if rule == "loose":
        return False
    if _disjoint(a.sources, b.sources) or places_conflict(a, b):
        return True
    return rule == "strict" and _disjoint(a.targets, b.targets)


def overlap(a: Item, b: Item) -> bool:
    """Positive evidence that two mentions are one event: a shared actor, place or date, or
    neighbouring sentences (a report and its elaboration)."""
    ea, eb = a.event, b.event
    if a.anaphoric or b.anaphoric or any(abs(i - j) <= 1 for i in a.sentences for j in b.sentences):
        return True
    if set(ea.sources + ea.targets) & set(eb.sources + eb.targets):
        return True
    if ea.place and eb.place and ea.place.name == eb.place.name:
        return True
    ia, ib = _interval(ea), _interval(eb)
    return ia is not None and ia == ib


def _speaker(event: Event) -> str | None:
    found = event.attribution
    if found is None:
        return None
    return found.actor or " ".join(found.text.lower().replace("'s", "").split())


def _claimed_time(event: Event) -> str | None:
    """The time a mention claims the event happens or takes effect, when stated to the day or finer."""
    for when in (event.effective, event.date):
        if when is not None and when.source == "expression" and when.value and len(when.value) >= 10:
            return when.value
    return None


def disagreeing_claims(a: Event, b: Event) -> bool:
    """Different speakers stating different times: two claims about the event, to be kept apart."""
    sa, sb, ta, tb = _speaker(a), _speaker(b), _claimed_time(a), _claimed_time(b)
    if sa is None or sb is None or ta is None or tb is None or sa == sb:
        return False
    return not (ta.startswith(tb) or tb.startswith(ta))


def siblings(a: Item, b: Item) -> bool:
    """Two copies of one mention told of several places at once: two events (`place.one_event_per_place`), never
    candidates for one another in the merges below."""
    return a.together is not None and a.together == b.together


def _apart_from(kept: list[Item], item: Item) -> list[Item]:
    """The kept events `item` may be merged into: all but its own copies at other places."""
    return [k for k in kept if not siblings(k, item)]


def same_event(a: Item, b: Item) -> bool:
    """Whether two events of one article are mentions of one real event."""
    if disagreeing_claims(a.event, b.event):
        return False
    ga, gb = a.kind.group, b.kind.group
    absorbed = bool(a.sentences & b.sentences) and (gb in ABSORBS.get(ga, ()) or ga in ABSORBS.get(gb, ()))
    rule = a.kind.merge if a.kind.merge != "normal" else b.kind.merge
    loosely = absorbed or b.anaphoric  # an anaphor's place and date are guesses from its sentence
    if (ga != gb and not absorbed) or conflict(a.event, b.event, "loose" if loosely else rule):
        return False
    if b.anaphoric and _disjoint(a.event.sources, b.event.sources):
        return False
    if rule == "loose" or absorbed or b.anaphoric:
        return True
    if rule == "strict":
        return overlap(a, b)
    return a.kind.name == b.kind.name or bool(a.sentences & b.sentences)  # "met … for talks": one meeting


DATE_RANK = {"expression": 0, "anchor": 1, "report_date": 2}


def _better_date(into: Event, other: Event) -> bool:
    """A stated date beats one guessed from a neighbouring sentence, which beats the report date."""
    if other.date is None:
        return False
    return into.date is None or DATE_RANK[other.date.source] < DATE_RANK[into.date.source]


def _better_place(into: Event, other: Event) -> bool:
    """A place named in the event's sentence beats the article's focus, and a place inside the country
    the kept mention names ("strike in Yemen" … "in Saada province") beats the country; any other
    place the second mention names (where the displaced headed) does not replace the first."""
    if other.place is None:
        return False
    mine, theirs = into.place, other.place
    if mine is None or (mine.source == "focus" and theirs.source == "sentence"):
        return True
    inside = mine.admin1 is None and mine.country is not None and theirs.country == mine.country
    return inside and _place_rank(theirs) < _place_rank(mine)


def _place_rank(place: EventPlace) -> tuple[int, int]:
    return (0 if place.source == "sentence" else 1, place.precision)


def _fill(into: Event, other: Event) -> None:
    """Take the other mention's evidence, and its fields where the kept one has none or a weaker one."""
    seen = {(s.start, s.end) for s in into.evidence}
    into.evidence += [s for s in other.evidence if (s.start, s.end) not in seen]
    if into.attribution is None and other.attribution is not None:
        into.decided_by["attribution"] = "merge.from_another_mention: " + other.decided_by.get("attribution", "")
    for name in ("attribution", "instrument"):
        if getattr(into, name) is None and getattr(other, name) is not None:
            setattr(into, name, getattr(other, name))
    if _better_date(into, other):
        into.date = other.date
        into.decided_by["date"] = "merge.stated_date_of_another_mention: " + other.decided_by.get("date", "")
    if other.effective is not None and (into.effective is None or
                                        len(other.effective.value or "") > len(into.effective.value or "")):
        into.effective = other.effective  # the more exact start: "at one minute past midnight on Jan. 12"
    if _better_place(into, other):
        into.place = other.place
        into.decided_by["place"] = "merge.nearer_place_of_another_mention: " + other.decided_by.get("place", "")
    for role in ("sources", "targets"):
        mine, theirs = getattr(into, role), getattr(other, role)
        added = [a for a in theirs if a not in mine]
        if added:
            mine += added
            into.decided_by[role] = "; ".join(filter(None, [into.decided_by.get(role), "merge.from_another_mention: "
                                                            + other.decided_by.get(role, "")]))
    taken = [key for key in other.quantities if key not in into.quantities]
    for key in taken:
        into.quantities[key] = other.quantities[key]
    if taken:
        into.decided_by["quantities"] = "; ".join(filter(None, [
            into.decided_by.get("quantities"),
            f"merge.from_another_mention ({', '.join(taken)}): " + other.decided_by.get("quantities", "")]))
    into.confidence = round(min(0.95, max(into.confidence, other.confidence) + 0.05), 3)


def _join(kept: Item, item: Item) -> None:
    """Fold `item` into `kept`; the more confident mention gives the codes. The sentences of a mention that only
    refers back ("the attack") are kept apart: they tell of other things too."""
    if item.anaphoric:
        kept.referred |= item.sentences - kept.sentences
    if item.event.confidence > kept.event.confidence:
        _fill(item.event, kept.event)
        kept.event, kept.kind = item.event, item.kind
        kept.kinds = item.kinds + kept.kinds
    else:
        _fill(kept.event, item.event)
        kept.kinds += item.kinds
    kept.sentences |= item.sentences


def refers_to(kept: Item, item: Item) -> bool:
    """Whether a back-referenced event (item) is the kept event: one group, no differing sources, and
    a shared actor or neighbouring sentences (for loosely merged groups such as ceasefires, an item
    with no actors of its own is enough, as it is for one of the same type)."""
    a, b = kept.event, item.event
    if kept.kind.group != item.kind.group or _disjoint(a.sources, b.sources):
        return False
    if set(a.sources + a.targets) & set(b.sources + b.targets):
        return True
    if not (b.sources or b.targets) and (kept.kind.merge == "loose" or kept.kind.name == item.kind.name):
        return True  # "hours before the announcement of the talks": the talks the article reports
    return any(abs(i - j) <= 1 for i in kept.sentences for j in item.sentences)


OWN_DATE = ("date.expression_in_its_adjunct",)
OWN_PLACE = ("place.attached", "place.names_the_event_noun")
UNREAL = frozenset({"negated", "hypothetical", "conditional", "denied", "planned", "threatened", "requested"})


def told_before(kept: Item, item: Item) -> bool:
    """Whether a definite event noun (item) names the earlier event `kept`: one group, the same realness, no
    different doers, and no own date or place of the noun's that tells them apart."""
    a, b = kept.event, item.event
    if kept.kind.group != item.kind.group or (a.modality in UNREAL) != (b.modality in UNREAL):
        return False
    acts = load_codebook().acts  # "the killing of X" names a shooting, "the shelling of Y" does not
    if not {acts.get(k, k) for k in item.kinds} & {acts.get(k, k) for k in kept.kinds}:
        return False
    if _disjoint(a.sources, b.sources) or disagreeing_claims(a, b):
        return False
    own_date = b.decided_by.get("date", "").startswith(OWN_DATE)
    own_place = b.decided_by.get("place", "").startswith(OWN_PLACE)
    return not (own_date and dates_conflict(a, b)) and not (own_place and places_conflict(a, b))


def fold_reference(kept: Item, item: Item) -> None:
    """Fold a definite reference into the event it names: its evidence, actors and numbers; its date and place
    only where the noun states them itself and the event has none as good."""
    reference = item.event.model_copy()
    if not reference.decided_by.get("date", "").startswith(OWN_DATE):
        reference.date = None
    if not reference.decided_by.get("place", "").startswith(OWN_PLACE):
        reference.place = None
    confidence = kept.event.confidence
    _fill(kept.event, reference)
    kept.event.confidence = round(min(0.95, confidence + 0.05), 3)
    kept.event.decided_by.setdefault("merge", "dedupe.definite_reference_to_an_earlier_event")
    kept.kinds += item.kinds
    kept.referred |= item.sentences - kept.sentences
    kept.sentences |= item.sentences


def merge_mentions(items: list[Item]) -> list[Item]:
    """Merge the events of one article in text order, back-references last; number the survivors
    e1, e2 … in text order. Each item returned holds one event and the types of all its mentions."""
    kept: list[Item] = []
    for item in (i for i in items if not i.backref):
        open_to = _apart_from(kept, item)
        candidates = reversed(open_to) if item.anaphoric else iter(open_to)
        target = next((k for k in candidates if same_event(k, item)), None)
        if target is None and item.definite:
            told = next((k for k in reversed(open_to) if told_before(k, item)), None)
            if told is not None:
                fold_reference(told, item)
                continue
        if target is None:
            kept.append(item)
        else:
            _join(target, item)
    for item in (i for i in items if i.backref):
        target = next((k for k in _apart_from(kept, item) if refers_to(k, item)), None)
        if target is None:
            kept.append(item)
        else:
            _fill(target.event, item.event)
            target.sentences |= item.sentences
            target.kinds += item.kinds
    kept.sort(key=lambda k: min(s.start for s in k.event.evidence))
    renumber(kept)
    share_claimed_places(kept)
    return kept


def renumber(kept: list[Item]) -> None:
    """Number the events e1, e2 … in order, their evidence in text order, each actor in one role."""
    for number, item in enumerate(kept, start=1):
        item.event.id = f"e{number}"
        item.event.evidence.sort(key=lambda s: s.start)
        one_role_each(item.event)


def one_role_each(event: Event) -> None:
    """An actor is not both who acted and whom it was done to: one mention's partner ("agreed with Russia")
    named as a co-doer by another ("Turkey, Russia agree") stays a doer."""
    both = set(event.sources) & set(event.targets)
    if both:
        event.targets = [t for t in event.targets if t not in both]
        event.decided_by["targets"] = event.decided_by.get("targets", "") + "; merge.no_actor_in_both_roles"


def share_claimed_places(items: list[Item]) -> None:
    """Disagreeing claims about one event are about one event: a claim whose sentence names no place takes
    the place another claim of its group gives (a Russian official's start of the truce Turkey's ministry
    places in Idlib)."""
    for item in items:
        place = item.event.place
        if place is not None and place.source == "sentence":
            continue
        for other in items:
            theirs = other.event.place
            if other is not item and other.kind.group == item.kind.group and theirs is not None \
                    and theirs.source == "sentence" and disagreeing_claims(item.event, other.event):
                item.event.place = theirs
                item.event.decided_by["place"] = "merge.place_of_another_claim_about_it"
                break


def one_acled_event(a: Item, b: Item) -> bool:
    """Two mentions that ACLED would code as one event: the same PLOVER type and ACLED type and sub-type, both
    reported as having happened, told in one or neighbouring sentences, with nothing that tells them apart
    (ACLED's unit: one kind of event, on one day, in one place, between the same sides) — "rebels and troops
    clashed … two soldiers were wounded", "a car bomb … was detonated"."""
    ea, eb = a.event, b.event
    if not ea.acled.event_type or (ea.acled.event_type, ea.acled.sub_event_type) != \
            (eb.acled.event_type, eb.acled.sub_event_type) or ea.plover.type != eb.plover.type:
        return False
    if ea.modality != "asserted" or eb.modality != "asserted" or disagreeing_claims(ea, eb):
        return False
    if not any(abs(i - j) <= 1 for i in a.sentences for j in b.sentences):
        return False
    if ea.place and eb.place and ea.place.country and eb.place.country and ea.place.country != eb.place.country:
        return False  # bombings in two countries on one day are two events
    return not conflict(ea, eb, "normal")


# ACLED's types of political violence: an injury or death told after one of these, with no doer of its own, is
# what that event did.
VIOLENT_TYPES = frozenset({"Battles", "Violence against civilians", "Explosions/Remote violence", "Riots"})
TOLL_KINDS = frozenset({"kill"})  # the internal type of "killed", "injured", "wounded" (events_types.toml)


def toll_of(a: Item, b: Item) -> bool:
    """Whether `b`, an injury or death told with no doer in the same or the next sentence after the violent event
    `a` whose doer is named, is what `a` did: "Villagers stoned a police patrol. Two officers were injured." """
    ea, eb = a.event, b.event
    if b.kind.name not in TOLL_KINDS or a.kind.name in TOLL_KINDS or eb.sources or not ea.sources:
        return False
    if ea.acled.event_type not in VIOLENT_TYPES or eb.acled.event_type not in VIOLENT_TYPES:
        return False
    if ea.modality != "asserted" or eb.modality != "asserted" or disagreeing_claims(ea, eb):
        return False
    if not any(0 <= j - i <= 1 for i in a.sentences for j in b.sentences):
        return False
    return not conflict(ea, eb, "normal")


DEMONSTRATIONS = frozenset({"Protests", "Riots"})
DEMONSTRATION_SENTENCES = 2  # how far after a protest its dispersal or its violence is still told of it


def part_of_demonstration(a: Item, b: Item, doc: Doc | None = None) -> bool:
    """Whether `b`, told in the same or one of the next two sentences after the demonstration `a`, is part of it:
    the crowd turning violent, the police breaking it up ("Hundreds marched on the ministry. Police fired tear gas
    to disperse them."). ACLED codes a demonstration as one event whose sub-type says how it went (protest with
    intervention, violent demonstration …); the part stays a PLOVER/CAMEO event of its own. What the demonstration
    is about is no part of it ("rallied against the attack on the police", "accused them of stealing")."""
    ea, eb = a.event, b.event
    if a.kind.group != "protest" or ea.acled.event_type not in DEMONSTRATIONS:
        return False
    if eb.acled.event_type not in DEMONSTRATIONS:  # arrests stay their own: often what was protested against
        return False
    if ea.modality != "asserted" or eb.modality != "asserted" or disagreeing_claims(ea, eb):
        return False
    if not any(0 <= j - i <= DEMONSTRATION_SENTENCES for i in a.sentences for j in b.sentences):
        return False
    if doc is not None and recalled_by(ea, eb, doc):
        return False
    return not (dates_conflict(ea, eb) or places_conflict(ea, eb))


# How far a demonstration went, as ACLED's sub-types of Protests rank it; a riot part makes it a violent demonstration.
PROTEST_SEVERITY = {"Peaceful protest": 0, "Protest with intervention": 1, "Excessive force against protesters": 2}


def how_it_went(demonstration: AcledCode, part: AcledCode) -> AcledCode:
    """The demonstration's ACLED code with a part of it told after it: the crowd turning violent makes a protest a
    violent demonstration by rioters (5); an intervention or excessive force against the protesters raises a
    protest's sub-type to it; the part's second side (the police) fills a missing one."""
    inter1 = demonstration.inter1 or 0
    inter2 = demonstration.inter2 or part.inter2 or 0
    sub = demonstration.sub_event_type
    if part.event_type == "Riots" and demonstration.event_type == "Protests":
        return AcledCode(event_type="Riots", sub_event_type="Violent demonstration", inter1=5, inter2=inter2,
                         interaction=interaction(5, inter2))
    if demonstration.event_type == "Protests" and part.event_type == "Protests" and \
            PROTEST_SEVERITY.get(part.sub_event_type or "", 0) > PROTEST_SEVERITY.get(sub or "", 0):
        sub, inter2 = part.sub_event_type, part.inter2 or inter2
    return demonstration.model_copy(update={"sub_event_type": sub, "inter2": inter2,
                                            "interaction": interaction(inter1, inter2) if inter1 else None})


def merge_acled_events(items: list[Item], doc: Doc | None = None) -> list[Item]:
    """Fold mentions of one ACLED event (one_acled_event) and the toll told after one (toll_of) into the first, in
    text order; renumber. A part of a demonstration told after it (part_of_demonstration) stays an event of its own
    with no ACLED code, and the demonstration's code says how it went (how_it_went): ACLED codes the two as one
    event."""
    kept: list[Item] = []
    for item in items:
        open_to = _apart_from(kept, item)
        target = next((k for k in open_to if one_acled_event(k, item)), None)
        toll = None if target is not None else next((k for k in open_to if toll_of(k, item)), None)
        demo = None if target is not None or toll is not None else \
            next((k for k in open_to if part_of_demonstration(k, item, doc)), None)
        if demo is not None:  # one ACLED event: the demonstration's code says how it went; the part keeps
            demo.event.acled = how_it_went(demo.event.acled, item.event.acled)  # its own PLOVER and CAMEO codes
            trigger = demo.event.trigger.text if demo.event.trigger else ""
            demo.event.decided_by["acled"] += f"; dedupe.part_of_a_demonstration: {item.event.acled.sub_event_type}"
            item.event.decided_by["acled"] = f"dedupe.part_of_a_demonstration: coded with {trigger!r} before it"
            item.event.acled = AcledCode(event_type=None, sub_event_type=None)
            kept.append(item)
            continue
        if target is None and toll is None:
            kept.append(item)
            continue
        joined = target or toll
        assert joined is not None
        roles = {"sources": list(joined.event.sources), "targets": list(joined.event.targets)}
        if toll is not None:  # the event keeps its codes; the toll adds its numbers and words
            _fill(toll.event, item.event)
            toll.sentences |= item.sentences
            toll.kinds += item.kinds
        else:
            _join(joined, item)
        for role, first in roles.items():  # the first telling names the sides; "a police officer was
            if first:                       # injured" after "police clashed with rebels" is no target
                setattr(joined.event, role, first)
        joined.event.decided_by["merge"] = ("dedupe.toll_of_the_event_before: an injury or death with no doer"
                                            if toll is not None else
                                            "dedupe.one_acled_event: same type, sides, day and place")
    renumber(kept)
    return kept
