"""Events: every reported event of a document as one record, coded in PLOVER, CAMEO and ACLED.

    detect.py         trigger words → mentions of internal event types (lexicon in sitrep/data)
    constructions.py  support verbs, frames, outcomes, instruments: several words → one event
    coding.py         internal type → PLOVER type and mode, CAMEO code, ACLED type and sub-type
    assemble.py       mention → Event, with arguments, place, date, modality, attribution, numbers
    dedupe.py         mentions of one real event → one Event with several evidence spans
    tolls.py          a violent event's toll told (or updated) in the sentences after it
    arguments.py, modality.py, attribution.py, quantities.py   the event's arguments (one trigger each)

The stage needs the parse, times, places and actors, and adds `events`.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from ..countries import alpha3_of
from ..models import AcledCode, Event, Quantity
from ..nlp.tokens import token_table
from ..settings import Settings
from ..stage import Analysis, Stage
from ..wordtables import word_table
from .acled import (
    DEMONSTRATING,
    Codebook,
    bears_on,
    decide,
    interaction,
    load_codebook,
    read_facts,
    recalled_by,
)
from .assemble import build_event
from .backrefs import date_from_main_events, pending_date, temporal_marker
from .constructions import apply_constructions
from .dedupe import Item, merge_acled_events, merge_mentions
from .detect import Mention, find_mentions
from .fronts import RULE, fire_across
from .lexicon import Lexicon, load_lexicon
from .place import as_event_place, places_named_together
from .quantities import CONSEQUENCES
from .tolls import update_tolls

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

DEFINITE = word_table("events.init.definite")


def extract_events(analysis: Analysis, lexicon: Lexicon) -> list[Event]:
    """The events of one parsed document, merged within the document."""
    if analysis.doc is None:
        return []
    mentions = apply_constructions(find_mentions(analysis.doc, lexicon), lexicon)
    mentions.sort(key=lambda m: m.start)
    sentence_of = {s.start: n for n, s in enumerate(analysis.doc.sents)}
    items, pending = [], []
    for n, m in enumerate(mentions, start=1):
        marker = temporal_marker(m.anchor)
        item = Item(build_event(analysis, m, lexicon, n), lexicon.types[m.type], {sentence_of[m.head.sent.start]},
                    anaphoric=is_anaphoric(m), definite=is_definite(m), backref=marker is not None,
                    kinds=[m.type, *m.joined])
        for each in one_per_place(analysis, item, m, n):  # each copy waits for its own main clause's date
            items.append(each)
            waiting = pending_date(marker, each.event) if marker is not None else None
            if waiting is not None:
                pending.append(waiting)
    kept = merge_mentions(items)
    starts = [s.start_char for s in analysis.doc.sents]
    for item in kept:
        trigger = item.event.trigger.start if item.event.trigger else item.event.evidence[0].start
        sentence = bisect.bisect_right(starts, trigger) - 1
        base, lead, real = item.event.confidence, lead_bonus(sentence), realness(item.event)
        item.event.confidence = round(min(0.95, base + lead) * real, 3)
        item.event.decided_by["confidence"] = (f"confidence.clause {base:.2f} + lead {lead:.2f}, "
                                               f"× realness of {item.event.modality} {real:.2f}")
    code_acled(kept, analysis)
    kept = merge_acled_events(kept, analysis.doc)
    events = [k.event for k in kept]
    update_tolls(analysis, events)
    date_from_main_events(events, pending, analysis.text)
    return events


# Kinds of event ACLED codes one per location: violence, crime and disasters (merged strictly) and protests.
PER_PLACE_GROUPS = frozenset({"protest"})


def one_per_place(analysis: Analysis, item: Item, mention: Mention, number: int) -> list[Item]:
    """An attack, protest or arrest told of several places at once ("bombs exploded in Kano and Kaduna") is one
    event at each place, as ACLED codes it (rule `place.one_event_per_place`): copies that never merge with one
    another, each toll shared out evenly between them, as ACLED divides a total reported for several locations."""
    if item.kind.merge != "strict" and item.kind.group not in PER_PLACE_GROUPS:
        return [item]
    places = places_named_together(analysis, item.event.place, mention.anchor)
    if not places:
        return [item]
    names = " and ".join(p.name for p in places)
    copies = []
    for k, place in enumerate(places):
        event = item.event.model_copy(deep=True)
        event.place = as_event_place(place)
        event.decided_by["place"] = f"place.one_event_per_place: {k + 1} of {len(places)} places named together " \
                                    f"({names})"
        for kind, amount in event.quantities.items():
            if kind in CONSEQUENCES:  # killed, injured, arrested, displaced; a crowd stays whole
                event.quantities[kind] = share(amount, len(places), k)
                event.decided_by["quantities"] = f"quantities.shared_between_places: {len(places)} places"
        copies.append(Item(event, item.kind, set(item.sentences), anaphoric=item.anaphoric, definite=item.definite,
                           backref=item.backref, together=number, kinds=list(item.kinds)))
    return copies


def share(amount: Quantity, parts: int, k: int) -> Quantity:
    """The k-th of `parts` even shares of a count, in whole people, the remainder one each to the first shares
    (7 killed in four places: 2, 2, 2, 1)."""
    def part(value: float | None) -> float | None:
        if value is None:
            return None
        whole, left = divmod(int(value), parts)
        return float(whole + (1 if k < left else 0))
    return amount.model_copy(update={"best": part(amount.best), "low": part(amount.low), "high": part(amount.high)})


LEAD_BONUS = (0.15, 0.05)  # the first sentence, the second (a headline's lead)
# How far each modality says the coded event took place as coded: the factor on its confidence, so that
# what was negated, supposed, threatened in vain or is a standing state ranks below what happened.
REALNESS: dict[str, float] = {"asserted": 1.0, "threatened": 0.9, "requested": 0.9, "planned": 0.8, "ongoing": 0.6,
                              "habitual": 0.6, "denied": 0.6, "conditional": 0.55, "hypothetical": 0.5,
                              "negated": 0.4}


# Types whose code already says the mood: an intent or agreement, a demand, a refusal, a threat, an accusation
# ("refused to meet" is a rejection that happened; "vowed to recapture" a threat that was made).
SPEECH_ACTS = frozenset({"AGREE", "REQUEST", "REJECT", "THREATEN", "ACCUSE"})
SAID_MOODS = frozenset({"planned", "threatened", "requested", "negated", "denied", "conditional"})


def realness(event: Event) -> float:
    """The factor on an event's confidence from its modality (REALNESS); a speech act coded from its mood
    happened as coded, whatever the mood of what it speaks of."""
    if event.plover.type in SPEECH_ACTS and event.modality in SAID_MOODS:
        return 1.0
    return REALNESS[event.modality]


def lead_bonus(sentence: int) -> float:
    """News tells its main event first (the inverted pyramid): an event whose trigger is in the first sentence
    ranks above one told later, and one in the second (the lead after a headline) a little above the rest."""
    return LEAD_BONUS[sentence] if sentence < len(LEAD_BONUS) else 0.0


def code_acled(items: list[Item], analysis: Analysis) -> None:
    """ACLED's type, sub-type and actor categories of each event (acled.py), once its mentions are merged."""
    assert analysis.doc is not None
    book = load_codebook()
    sentences = list(analysis.doc.sents)
    actors = {a.id: a for a in analysis.actors}
    countries = frozenset(c for p in analysis.places if p.role == "location"
                          and not (p.feature_code or "").startswith("PCL")
                          and p.country and (c := alpha3_of(p.country)))  # towns and areas, not countries
    for item in items:
        agreed = item.event.modality == "planned" and any(book.acts.get(k) == "agreement" for k in item.kinds)
        if item.event.modality != "asserted" and not agreed:  # ACLED records what happened, not what might;
            item.event.acled = AcledCode(event_type=None, sub_event_type=None)  # an agreement on a future truce did
            item.event.decided_by["acled"] = f"acled.only_what_happened: modality {item.event.modality}"
            continue
        own = sorted(item.sentences - item.referred) or sorted(item.sentences)  # not "the attack came after …"
        after = own[-1] + 1
        near = [kind for other in items if other is not item and other.sentences & (item.sentences | {after})
                and bears_on(item.event, other.event, actors, analysis.doc)
                and not recalled_by(item.event, other.event, analysis.doc) for kind in other.kinds]
        facts = read_facts(item.event, item.kinds, [sentences[i] for i in own],
                           sentences[after] if after < len(sentences) else None, actors, near, book,
                           analysis.doc, countries, story=told_on(after + 1, item, items, sentences, book),
                           preceding=sentences[own[0] - 1] if own[0] > 0 else None)
        item.event.acled, rule = decide(facts, book)
        item.event.decided_by["acled"] = f"{rule or 'no rule'}: {facts.describe()}"
        across_the_line(item.event, [sentences[i] for i in own], analysis, "device" in facts.cues)


def across_the_line(event: Event, sentences: list[SpacySpan], analysis: Analysis, device: bool) -> None:
    """ACLED's sides for unclaimed fire on a front (fronts.py): who held the settlement it fell near, or was fired
    from, or the side of its armed target; not for a device the text names (a mine is not fire across the line)."""
    found = fire_across(event, sentences, analysis.text, analysis.places, device)
    if found is None:
        return
    event.acled = event.acled.model_copy(update={"inter1": found.inter1, "inter2": found.inter2,
                                                 "interaction": interaction(found.inter1, found.inter2)})
    event.decided_by["acled"] += f"; {RULE}: {found.why} on {found.front.id}"


STORY_SENTENCES = 2  # how far past the sentence after an event a demonstration's story is read


def told_on(start: int, item: Item, items: list[Item], sentences: list[SpacySpan],
            book: Codebook) -> list[SpacySpan]:
    """The sentences from ``start`` (past the one after an event) that go on telling it: up to STORY_SENTENCES,
    in its paragraph, and none from a sentence that tells another demonstration (whose handling is its own)."""
    told: list[SpacySpan] = []
    for index in range(start, min(start + STORY_SENTENCES, len(sentences))):
        sentence = sentences[index]
        if "\n\n" in token_table(sentence.doc).text[sentences[index - 1].end_char:sentence.start_char]:
            break
        if any(index in other.sentences and any(book.acts.get(k) in DEMONSTRATING for k in other.kinds)
               for other in items if other is not item):
            break
        told.append(sentence)
    return told


def is_anaphoric(mention: Mention) -> bool:
    """ "the attack", "this visit": a definite event noun with no owner, referring back."""
    if not mention.nominal:
        return False
    children = list(mention.head.children)
    definite = any(c.dep_ == "det" and c.lower_ in DEFINITE for c in children)
    return definite and not any(c.dep_ in ("poss", "compound", "amod", "nummod", "prep", "acl", "relcl")
                                for c in children)


def is_definite(mention: Mention) -> bool:
    """ "the embassy bombings", "the killing of the doctor", "Tuesday's attack": a definite or possessed event noun,
    which names an event the reader is taken to know — in a news story, one it has already told."""
    if not mention.nominal:
        return False
    return any((c.dep_ == "det" and c.lower_ in DEFINITE) or c.dep_ == "poss" for c in mention.head.children)


def make_stage(settings: Settings) -> Stage:
    lexicon = load_lexicon()

    def run(analysis: Analysis) -> None:
        analysis.events = extract_events(analysis, lexicon)

    return Stage("events", needs=("doc", "times", "places", "actors"), adds=("events",), run=run)


__all__ = ["extract_events", "make_stage"]
