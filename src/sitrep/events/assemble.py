"""Mentions → Event records: codes, arguments, place, date, mood, source and numbers, with evidence.

The argument-finding modules (arguments, modality, attribution, quantities) and the time and place
linkers each answer for one trigger token; this module asks them and puts the answers together,
with a confidence per field.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..models import Actor, Event, EventDate, EventPlace, Span
from ..temporal import event_date
from ..temporal.linking import leans_on_publication, report_date, unknown_date_rule, weak_publication
from .acled import claimed_by, load_codebook
from .arguments import Arguments, aimed_targets, link_arguments
from .attribution import attribution_of
from .backrefs import adjunct_range, inside, main_clause, relative_date, temporal_marker
from .coding import code_event
from .detect import Mention
from .fronts import PLACE_RULE, front_place
from .lexicon import Lexicon
from .modality import mood_of
from .place import focus_place, named_as_location, names_a_town, place_by_modifier, place_of, place_within
from .quantities import quantities_for

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..stage import Analysis


def sentence_span(analysis: Analysis, token: Token) -> Span:
    """The sentence that reports the event, trimmed of surrounding white space."""
    sent = token.sent
    text = analysis.text[sent.start_char:sent.end_char]
    lead = len(text) - len(text.lstrip())
    start, end = sent.start_char + lead, sent.start_char + len(text.rstrip())
    return Span(start=start, end=end, text=analysis.text[start:end])


def trigger_span(analysis: Analysis, mention: Mention) -> Span:
    return Span(start=mention.start, end=mention.end, text=analysis.text[mention.start:mention.end])


def _actors(analysis: Analysis, ids: list[str]) -> list[Actor]:
    known = {a.id: a for a in analysis.actors}
    return [known[i] for i in ids if i in known]


def build_event(analysis: Analysis, mention: Mention, lexicon: Lexicon, number: int) -> Event:
    """One Event from one mention (before the mentions of one event are merged), built once: each field comes
    from the one resolver that owns it, which also says by which rule (`Event.decided_by`)."""
    args = resolve_roles(analysis, mention, lexicon)
    mood = mood_of(mention.focus, mention.type)
    date, date_rule = resolve_date(analysis, mention, mood.modality)
    place, place_rule = resolve_place(analysis, mention, args, date)
    codes = code_event(lexicon.types[mention.type], _actors(analysis, args.sources))
    event = Event(
        id=f"e{number}", plover=codes.plover, cameo=codes.cameo, acled=codes.acled, category=codes.category,
        sources=args.sources, targets=args.targets, instrument=args.instrument, place=place, date=date,
        modality=mood.modality, attribution=attribution_of(analysis, mention.anchor),
        quantities=_quantities(analysis, mention), trigger=trigger_span(analysis, mention),
        evidence=[sentence_span(analysis, mention.head)], confidence=mention.confidence,
        decided_by={"type": mention.rule or "lexicon", "modality": mood.rule, "place": place_rule,
                    "date": date_rule, **args.rules},
    )
    if event.attribution is not None:
        event.decided_by["attribution"] = "attribution.reporting_clause_or_according_to (attribution.py)"
    if event.quantities:
        event.decided_by["quantities"] = "quantities.numbers_governed_by_the_trigger_or_its_outcome_words " \
            "(quantities.py)"
    event.effective = effective_date(analysis, event, mention)
    event.field_confidence = field_confidence(event, mention, mood.confidence)
    return event


def resolve_roles(analysis: Analysis, mention: Mention, lexicon: Lexicon) -> Arguments:
    """Sources, targets and instrument (arguments.py), corrected by what the whole mention says."""
    args = link_arguments(analysis, mention.anchor)
    verb = mention.anchor.lemma_.lower() if mention.anchor.i != mention.head.i else ""
    if verb in lexicon.witness_verbs | lexicon.undergo_verbs and "ceasefire" not in mention.type:
        # "monitors observed shelling", "the town suffered strikes": the verb's subject did not do the event
        subjects = args.sources
        args = link_arguments(analysis, mention.head)
        if verb in lexicon.undergo_verbs:
            args.targets += [s for s in subjects if s not in args.targets and s not in args.sources]
        args.rules["sources"] = f"roles.{'underwent' if verb in lexicon.undergo_verbs else 'witnessed'}: " + \
            args.rules.get("sources", "the event's own words")
    elif verb and mention.head.dep_ == "nsubjpass" and mention.head.head.i == mention.anchor.i:
        # "heavy shelling by the army was reported": the event's own words say who did it, not the verb's
        own = link_arguments(analysis, mention.head)
        args.sources = own.sources or args.sources
        args.targets = [t for t in own.targets + args.targets if t not in own.sources]
        args.rules.update({k: v for k, v in own.rules.items() if k in ("sources", "targets")})
    if mention.anchor.i != mention.head.i:  # "carried out air strikes targeting militants"
        aimed = [t for t in aimed_targets(analysis, mention.head, args.sources) if t not in args.targets]
        if aimed:
            args.targets += aimed
            args.rules.setdefault("targets", "roles.noun:acl (aimed at)")
    inside = {a.id for a in analysis.actors if any(mention.start <= m.start and m.end <= mention.end
                                                   for m in a.mentions)}
    args.targets = [t for t in args.targets if t not in inside]  # the event is not done to its own words
    if mention.partner is not None:  # "an air strike by the coalition killed nine": the strike's doer
        own = link_arguments(analysis, mention.partner)
        args.sources = own.sources + [s for s in args.sources if s not in own.sources]
        args.instrument = args.instrument or own.instrument
        if own.sources:
            args.rules["sources"] = "roles.attack_beside_outcome: " + own.rules.get("sources", "")
    if mention.caller is not None:  # "X called on Y to observe a ceasefire": Y are the truce's parties
        args.sources, args.targets = link_arguments(analysis, mention.caller).targets, []  # not the caller
        args.rules["sources"] = "roles.called_on_to_keep_a_truce"
    bounds = (mention.head.sent.start_char, mention.head.sent.end_char)
    args.sources = [s for s in args.sources if not named_as_location(analysis, s, bounds)
                    and not bare_weapon(analysis, s, args.instrument)]
    movement = mention.type in MOVEMENTS  # where people fled to is no one the flight was done to
    args.targets = [t for t in args.targets if not names_a_town(analysis, t, countries_too=movement)
                    and not named_as_location(analysis, t, bounds)]
    if mention.type in FOUND_DEAD:
        args.sources, args.targets = [], victims(analysis, mention) or args.targets
        args.rules.update({"sources": "roles.body_found: the killer is unknown", "targets": "roles.whose_body"})
    elif not args.sources and load_codebook().acts.get(mention.type) in CLAIMABLE:
        # "a roadside bomb hit a patrol. Al-Shabaab claimed responsibility": the group it is laid to did it
        claimant = claimed_by(_told_from(mention.head, CLAIM_SENTENCES), {a.id: a for a in analysis.actors})
        if claimant is not None:
            args.sources = [claimant.id]
            args.rules["sources"] = "roles.claimed_or_laid_to (a group claims it, or it is laid to one)"
    for role in ("sources", "targets"):
        if not getattr(args, role):
            args.rules.pop(role, None)
    return args


def resolve_place(analysis: Analysis, mention: Mention, args: Arguments,
                  date: EventDate | None = None) -> tuple[EventPlace | None, str]:
    """Where: a place named in an adjunct for an event told there, the event noun's own place name, else
    the sentence's place that names no actor of the event, else the article's focus (place.py). A settlement
    of a front line its sentence names (fronts.py) beats a place the gazetteer lacks or reads elsewhere."""
    marker = temporal_marker(mention.anchor)
    place, rule = place_of(analysis, mention.anchor, set(args.sources))
    for noun in (mention.head if mention.nominal else None, mention.partner):  # "the Kampala blast killed 12"
        if noun is not None:
            named = place_by_modifier(analysis, noun, place, [args.sources, args.targets])
            if named is not place:
                place, rule = named, "place.names_the_event_noun"
    if marker is not None and place is not None and place.source == "sentence" \
            and not inside(place.start, adjunct_range(marker)):
        within = place_within(analysis, adjunct_range(marker))
        place, rule = (within, "place.in_its_adjunct") if within else (focus_place(analysis), "place.article_focus")
    settlement = front_place(mention.head.sent, date, analysis.text, place, analysis.places)
    if settlement is not None:
        place, rule = settlement, PLACE_RULE
    return place, rule


def resolve_date(analysis: Analysis, mention: Mention, modality: str) -> tuple[EventDate | None, str]:
    """When: a back-reference relative to its main clause (backrefs.py); a truce named in passing the report's
    day; else the time expression that governs the trigger, one carried from the sentences before, or the
    report's date; never the report's date for what did not happen or is no occurrence of the day. A date
    counted from a publication date inferred with too little confidence is no date: None, and the rule
    says why (temporal/linking.py, setting published_min_confidence)."""
    found, rule = _stated_date(analysis, mention, modality)
    weak = weak_publication(analysis)
    if weak is None or found is None:
        return found, rule
    leaned = leans_on_publication(analysis, found)
    if not leaned and rule == "date.relative_to_the_main_clause":
        marker = temporal_marker(mention.anchor)
        leaned = marker is not None and leans_on_publication(analysis, event_date(analysis, main_clause(marker)))
    if leaned:
        return None, unknown_date_rule(weak, analysis.settings.published_min_confidence, found)
    return found, rule


def _stated_date(analysis: Analysis, mention: Mention, modality: str) -> tuple[EventDate | None, str]:
    marker = temporal_marker(mention.anchor)
    found = event_date(analysis, mention.anchor)
    if marker is not None:
        if found.source == "expression" and inside(found.time_start, adjunct_range(marker)):
            return found, "date.expression_in_its_adjunct"
        relative = relative_date(analysis, marker)
        return (relative, "date.relative_to_the_main_clause") if relative else (report_date(analysis), "date.report")
    if named_in_passing(mention):
        return report_date(analysis), "date.truce_named_in_passing: the report's day"
    if modality in UNDATED and found.source == "report_date":
        return None, f"date.none: {modality} events are not dated by the report"
    if found.source != "expression" and told_before_the_story(mention.anchor):
        return None, "date.none: told in the pluperfect with no time of its own, before the story's day (a relative clause)"
    return found, DATE_RULES[found.source]


def told_before_the_story(anchor: Token) -> bool:
    """Told in the pluperfect in a relative clause that describes someone or something of the story ("the man,
    who had been kidnapped in the north, was freed"): background before the story's time, so neither the
    report's day nor a time carried from an earlier sentence. A pluperfect main clause is often the day's news
    told against another of its moments ("protesters had blocked the road before police arrived", "according to
    the army, rebels had overrun the post"), so it keeps its date."""
    if not any(c.dep_ in ("aux", "auxpass") and c.lemma_ == "have" and c.tag_ == "VBD" for c in anchor.children):
        return False
    clause = anchor
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    return clause.dep_ == "relcl"


DATE_RULES = {"expression": "date.time_expression_of_its_clause", "anchor": "date.carried_from_an_earlier_sentence",
              "report_date": "date.report: no time said"}


PASSING_TYPES = frozenset({"ceasefire"})
FOUND_DEAD = frozenset({"body_found"})
CLAIMABLE = frozenset({"remote", "attack", "abduct"})  # ACLED acts a group may claim or be blamed for
CLAIM_SENTENCES = 3  # the event's sentence and the two after it


def _told_from(token: Token, count: int) -> list[Token]:
    """The tokens of the sentence of ``token`` and of the sentences after it, ``count`` sentences in all."""
    sents = [s for s in token.doc.sents if s.start >= token.sent.start][:count]
    return [t for s in sents for t in s]
MOVEMENTS = frozenset({"displacement"})


def victims(analysis: Analysis, mention: Mention) -> list[str]:
    """Whose body was found: "the body of a taxi driver" (who found it did not kill; the killer is unknown)."""
    body = mention.governed
    if body is None:
        return []
    start, end = body.left_edge.idx, body.right_edge.idx + len(body.right_edge.text)
    return [a.id for a in analysis.actors if any(start <= m.start and m.end <= end for m in a.mentions)]
# Modalities of mentions that report no occurrence of the day: never dated by the report's date.
UNDATED = frozenset({"negated", "hypothetical", "ongoing", "habitual", "conditional", "denied"})


def named_in_passing(mention: Mention) -> bool:
    """A truce named only as the setting of another act ("despite the truce", "in the first breach of
    the ceasefire", "under the ceasefire"): the sentence's date is that act's, not the truce's start."""
    if mention.type not in PASSING_TYPES or not mention.nominal or mention.anchor.i != mention.head.i:
        return False
    token = mention.head
    while token.dep_ == "pobj" and token.head.dep_ == "prep":  # up through "breach of the ceasefire"
        preposition = token.head
        if preposition.head.pos_ in ("VERB", "AUX") or preposition.head.dep_ == "ROOT":
            return True
        if preposition.lower_ != "of":  # "a truce in Idlib": the truce is the head, not a setting
            return False
        token = preposition.head
    return False


def effective_date(analysis: Analysis, event: Event, mention: Mention) -> EventDate | None:
    """When a planned event is to happen: the stated time of its own clause ("agreed that a ceasefire
    will be implemented on Sunday" → Sunday), if later than the report."""
    if event.modality != "planned" or analysis.published is None:
        return None
    found = event_date(analysis, mention.focus)
    published = analysis.published.value[:10]
    if found.source != "expression" or not found.value or found.value[:10] <= published:
        return None
    if weak_publication(analysis) is not None and leans_on_publication(analysis, found):
        return None
    return found


def bare_weapon(analysis: Analysis, actor_id: str, instrument: Span | None) -> bool:
    """ "the jets struck": a weapon named by a common noun alone is the instrument, not a known doer
    (the actor linker guesses its country from the article); "Russian jets" names one."""
    if instrument is None:
        return False
    for actor in analysis.actors:
        if actor.id == actor_id:
            inside = [m for m in actor.mentions if instrument.start <= m.start and m.end <= instrument.end]
            return bool(inside) and actor.name.islower()
    return False


def _quantities(analysis: Analysis, mention: Mention) -> dict:
    """Counts hung on the anchor, then on the trigger word itself ("Fighting … killed 12")."""
    found = quantities_for(analysis, mention.anchor)
    if mention.head.i != mention.anchor.i:
        for kind, amount in quantities_for(analysis, mention.head).items():
            found.setdefault(kind, amount)
    return found


def field_confidence(event: Event, mention: Mention, modality_confidence: float) -> dict[str, float]:
    """How far to trust each field: the type from the trigger's clause, sub-codes a little less."""
    base = mention.confidence
    scores = {"plover": base, "cameo": round(base * (0.9 if len(event.cameo or "") > 3 else 1.0), 3),
              "acled": base if event.acled.event_type else round(base * 0.9, 3),
              "modality": modality_confidence}
    scores["sources"] = 0.7 if event.sources else 0.0
    scores["targets"] = 0.6 if event.targets else 0.0
    if event.place is not None:
        scores["place"] = 0.8 if event.place.source == "sentence" else 0.5
    if event.date is not None:
        scores["date"] = {1: 0.8, 2: 0.6}.get(event.date.precision, 0.4)
    if event.attribution is not None:
        scores["attribution"] = 0.8
    return scores
