"""Who did it, to whom, with what: source and target actors and the instrument of one event trigger.

Syntactic rules over the dependency parse:

* verbs — the active subject is the source and the object, "against X", "on X", "with X", "to X" the
  target; in the passive the "by" agent is the source and the subject the target; a verb with no
  subject of its own (xcomp, participle, coordinated verb) takes its governor's; a relative clause
  takes the noun it modifies;
* nouns — "an air strike by X" and "X's visit" give the source ("the killing of X", "X's arrest" the
  target); adjectives and compounds that name an actor ("Russian jets' bombardment", "a U.S. drone
  strike") give the source; a support verb ("carried out strikes", "paid a visit") gives its subject;
* instruments — weapons and platforms ("jets", "artillery", "drone") as subject, "by" agent, "with"
  object or compound of the trigger; a weapon that carries an actor modifier ("Russian jets") is both.

Actor ids come from `sitrep.actors.actor_at` / `actors_in`, through actor_phrases.py.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..actors.phrases import listed_before
from ..countries import lookup_country
from ..geo.cues import CONTAINER_KIND_WORDS, SCENE_WORDS
from ..models import Span
from ..wordtables import word_table
from .actor_phrases import actor_at, actor_of_phrase, actors_in, phrase_bounds

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..stage import Analysis


@dataclass
class Arguments:
    """The actors and instrument linked to one trigger; ids are `Actor.id` values."""

    sources: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    instrument: Span | None = None
    rules: dict[str, str] = field(default_factory=dict)  # "sources"/"targets" → the relation that gave them


WEAPONS = word_table("events.arguments.weapons")
MEANS = word_table("events.arguments.means")
POSSESSED_PATIENT = word_table("events.arguments.possessed_patient")
# Nouns whose "of X" names what suffered the act ("the bombardment of Aleppo", "the killing of X").
PATIENT_NOUNS = POSSESSED_PATIENT | {
    "massacre", "bombardment", "shelling", "bombing", "siege", "blockade", "invasion", "occupation",
    "liberation", "recapture", "seizure", "evacuation", "destruction", "looting", "shooting", "targeting",
    "storming", "annexation", "encirclement",
}
SUPPORT_VERBS = word_table("events.arguments.support_verbs")
IN_SUPPORT_VERBS = {"engage", "participate"}  # "engaged in a firefight with", "participated in the march"
TARGET_PREPS = word_table("events.arguments.target_preps")
OBJECT_PREPS = TARGET_PREPS | {"of", "in", "from", "by"}  # "a curfew in X", "the return of X", "calls by X"
DIRECTIVE = word_table("events.arguments.directive")
THREAT = word_table("events.arguments.threat")
STANCE_NOUNS = word_table("events.arguments.stance_nouns")
STANCE_PREPS = word_table("events.arguments.stance_preps")
VERB_TARGET_PREPS = TARGET_PREPS | {"at", "from"}  # "fired at X"; for nouns "at" gives a place ("a strike at the airport")
PRONOUNS = word_table("events.arguments.pronouns")
CLAUSAL_UP = {"xcomp", "advcl", "conj", "pcomp", "acl", "relcl", "acomp"}
STATIVE = word_table("events.arguments.stative")
REPORTING = word_table("events.attribution.reporting")


# ---------------------------------------------------------------- words → spans → actors
def _conjuncts(token: Token) -> list[Token]:
    """The token and the nouns coordinated with it ("Russia and Iran")."""
    return [token, *(c for c in token.conjuncts if c.i > token.i)]


def _actors_of(analysis: Analysis, token: Token) -> list[str]:
    """Actor ids for a noun phrase and its conjuncts; a phrase with no actor of its own gives none.

    A pronoun subject of a reported clause ("the ministry said it had agreed") is the speaker.
    """
    ids: list[str] = []
    for head in _conjuncts(token):
        own = actor_of_phrase(analysis, head)
        found: list[str | None] = [*_split_parts(analysis, head), own] if own else [
            a for a in actors_in(analysis, *phrase_bounds(head)) if a not in _weapon_modifiers(analysis, head)]
        if not found and head.lower_ in PRONOUNS and head.dep_ in ("nsubj", "nsubjpass"):
            found = _speaker_actors(analysis, head) or _main_subject_actors(analysis, head)
        ids += [f for f in dict.fromkeys(found) if f and f not in ids]
    return ids


def _split_parts(analysis: Analysis, head: Token) -> list[str]:
    """The actors a phrase's coordinated words before its head name besides the head's own ("Hungarian" of
    "Hungarian and Romanian officials", "government" of "government and opposition forces": the actors stage
    codes each as its own actor)."""
    own = actor_of_phrase(analysis, head)
    parts = []
    for word in head.lefts:
        if word.dep_ not in ("amod", "compound", "nmod") or own is None or not any(
                g.dep_ == "conj" for g in word.children):
            continue
        chain = sorted([word, *word.conjuncts], key=lambda t: t.i)  # "government, opposition and Kurdish forces"
        chain = listed_before(chain, [t for t in head.lefts if t.dep_ in ("amod", "compound", "nmod")])
        last = chain[-1]
        if actor_at(analysis, last.idx, last.idx + len(last.text)) != own:
            continue  # "Oregon and Washington laws": places, not parts of the head's actor
        parts += [actor_at(analysis, t.idx, t.idx + len(t.text)) for t in chain[:-1]]
    return list(dict.fromkeys(a for a in parts if a and a != own))


def _weapon_modifiers(analysis: Analysis, head: Token) -> set[str | None]:
    """Actors that are only a weapon word modifying the phrase: in "launched artillery bombardments on X" the
    artillery is how it was done, not whom it was done to (nor who did it)."""
    return {actor_at(analysis, c.idx, c.idx + len(c.text)) for c in head.lefts
            if c.dep_ in ("compound", "amod", "nmod") and is_weapon(c)}


def _main_subject_actors(analysis: Analysis, pronoun: Token) -> list[str | None]:
    """"Soleimani had returned when he was killed": a subordinate clause's "he" is the main subject."""
    verb = pronoun.head
    if pronoun.lower_ not in ("he", "she", "they") or verb.dep_ not in ("advcl", "conj"):
        return []
    subject = _children(verb.head, "nsubj", "nsubjpass")
    if not subject or subject[0].lower_ in PRONOUNS:
        return []
    return list(_actors_of(analysis, subject[0]))


def _speaker_actors(analysis: Analysis, pronoun: Token) -> list[str | None]:
    from .attribution import reporting_source

    reported = reporting_source(pronoun.head)
    if reported is None or reported[1] is None or reported[1] == reported[0] or reported[1].i > pronoun.i:
        return []
    return list(_actors_of(analysis, reported[1])) if reported[1].lower_ not in PRONOUNS else []


def _modifier_actors(analysis: Analysis, noun: Token) -> list[str]:
    """Actors named by a noun's modifiers: "Russian jets", "U.S. drone strike" (possessives are handled apart)."""
    ids: list[str] = []
    modifiers = [c for c in noun.lefts if c.dep_ in ("amod", "compound", "nmod")]
    modifiers += [g for c in modifiers for g in c.lefts if g.dep_ in ("amod", "compound", "nmod")]  # "U.S. drone"
    for child in sorted(modifiers, key=lambda t: t.i):
        if child.lower_ not in WEAPONS:
            start, end = child.left_edge.idx, child.idx + len(child.text)
            overlapping = actor_at(analysis, child.idx, end)
            for found in [overlapping] if overlapping else actors_in(analysis, start, end):
                if found and found not in ids:
                    ids.append(found)
    return ids


# ---------------------------------------------------------------- instruments
def is_weapon(token: Token) -> bool:
    return token.lemma_.lower() in WEAPONS or token.lower_ in WEAPONS


def _instrument_span(analysis: Analysis, token: Token) -> Span:
    """The weapon phrase, stretched over weapons coordinated with it ("Russian jets and Syrian artillery")."""
    start, end = phrase_bounds(token)
    for other in token.conjuncts:
        if other.i > token.i and is_weapon(other):
            end = max(end, phrase_bounds(other)[1])
    return Span(start=start, end=end, text=analysis.document.text[start:end])


def _compound_instrument(analysis: Analysis, trigger: Token) -> Span | None:
    """A weapon compound on a nominal trigger: "drone strike", "missile attack", "artillery shelling"."""
    weapons = [c for c in trigger.lefts if c.dep_ in ("compound", "amod", "nmod") and is_weapon(c)]
    if not weapons:
        return None
    start, end = weapons[0].idx, trigger.idx + len(trigger.text)
    return Span(start=start, end=end, text=analysis.document.text[start:end])


# ---------------------------------------------------------------- collecting the roles
@dataclass
class _Roles:
    """Candidate heads found by the rules, before they become actor ids."""

    sources: list[Token] = field(default_factory=list)
    targets: list[Token] = field(default_factory=list)
    source_ids: list[str] = field(default_factory=list)
    instrument: Token | None = None


def _children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def _prep_objects(token: Token, preps: AbstractSet[str]) -> list[Token]:
    """Objects of the given prepositions under `token` ("against X", "on X"); for a verb, only those
    after it ("With the signing of X, they agreed" is a circumstance, not a partner)."""
    objects = []
    verbal = token.pos_ in ("VERB", "AUX")
    for prep in _children(token, "prep", "dative"):
        if verbal and prep.i < token.i:
            continue
        if prep.lower_ in preps:
            objects += _children(prep, "pobj")
        elif prep.dep_ == "dative" and prep.pos_ in ("NOUN", "PROPN", "PRON"):
            objects.append(prep)
    return objects


def _agent(token: Token) -> Token | None:
    """The "by" object of a passive verb or of a nominal trigger ("an air strike by pro-regime forces")."""
    for child in token.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            pobj = _children(child, "pobj")
            if pobj:
                return pobj[0]
    return None


def _is_passive(verb: Token) -> bool:
    if verb.lemma_.lower() in STATIVE and _agent(verb) is None:
        return False
    reduced = verb.dep_ in ("acl", "amod") and not _children(verb, "aux", "nsubj")
    # a reduced relative is passive: "a man shot twice" (the tagger may call its participle a past tense)
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
        reduced and (verb.tag_ == "VBN" or (verb.tag_ == "VBD" and verb.dep_ == "acl"))) or _passive_conjunct(verb) \
        or _object_participle(verb) is not None


def _object_participle(verb: Token) -> Token | None:
    """The object a bare participle complement tells the state of: in "leaving two guards injured" or "had the
    men arrested", the guards were injured and the men arrested; they are its patients, not its doers."""
    if verb.dep_ not in ("xcomp", "oprd") or verb.tag_ != "VBN" or _children(verb, "aux", "auxpass", "nsubj"):
        return None
    return next(iter(_children(verb.head, "dobj")), None)


def _passive_conjunct(verb: Token) -> bool:
    """A participle joined to a passive verb shares its voice and its subject: "were tied up and beaten by X"
    (the tagger may call the participle a past tense when a "by" agent follows: "was robbed and shot by X")."""
    participle = verb.tag_ == "VBN" or (verb.tag_ == "VBD" and any(c.dep_ == "agent" for c in verb.children))
    return (verb.dep_ == "conj" and participle and verb.head.pos_ == "VERB" and verb.head.i < verb.i
            and not _children(verb, "nsubj", "nsubjpass", "aux", "auxpass")
            and any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.head.children))


MEANS_VERBS = word_table("events.arguments.means_verbs")


def _subject(verb: Token) -> Token | None:
    """The verb's own subject, else the one it shares: xcomp/participle/conjunct/relative clause."""
    node = verb
    for _ in range(6):
        subject = _children(node, "nsubj", "csubj")
        if not subject and (node != verb or node.lemma_.lower() in STATIVE):  # "X was forced to withdraw"
            subject = _children(node, "nsubjpass")
        if subject and subject[0].lower_ not in ("who", "which", "that"):
            return subject[0]
        if node.dep_ in ("relcl", "acl") and not _is_passive(node):
            return node.head
        if node.dep_ == "pcomp" and node.head.dep_ == "prep":  # "a day after paying a visit"
            node = node.head
        if node.dep_ not in CLAUSAL_UP | {"prep", "npadvmod"} or node.head == node:
            return None
        if node.dep_ == "advcl" and node.head.lemma_.lower() in REPORTING:  # "shelling hit X, the mission said":
            return None  # the parser hung the clause on the report; who reported it did not do it
        if node.dep_ == "xcomp" and _children(node.head, "dobj") and \
                node.head.lemma_.lower() not in MEANS_VERBS:  # "urged Russia to halt" (not "used gas to …")
            return _children(node.head, "dobj")[0]
        node = node.head
    return None


PLACE_ENTITIES = ("GPE", "LOC", "FAC")


def _swallowed_subject(verb: Token) -> Token | None:
    """A subject the parser joined to the places of an opening phrase: in "In Hpakant, Kachin State, the army and
    the rebels clashed" the army and the rebels come out as conjuncts of "Hpakant". The conjuncts after the
    phrase's last comma that run up to the verb and name no place are its subject (the first; _conjuncts
    adds the rest)."""
    comma = max((t.i for t in verb.doc[verb.sent.start:verb.i] if t.text == ","), default=None)
    if comma is None:
        return None
    for prep in (c for c in verb.lefts if c.dep_ == "prep"):
        for obj in _children(prep, "pobj"):
            after = sorted((c for c in (obj, *obj.conjuncts) if c.i > comma), key=lambda t: t.i)
            if after and after[-1].right_edge.i + 1 == verb.i and all(c.ent_type_ not in PLACE_ENTITIES for c in after):
                return after[0]
    return None


def _a_scene_name(token: Token) -> bool:
    """A place's name or its kind word ("Antioquia department", "Zulia state"); not a country, which may stand for
    its state ("In Yemen, Saudi Arabia and its allies struck …")."""
    if token.lower_ in CONTAINER_KIND_WORDS:
        return True
    if token.ent_type_ not in PLACE_ENTITIES:
        return False
    name = next((e.text for e in token.doc.ents if e.start <= token.i < e.end), token.text)
    return lookup_country(name) is None


def _past_the_scene(verb: Token, subject: Token) -> Token:
    """The subject after the places of an opening phrase that the parser took for it: in "In X municipality, Y
    department, army troops destroyed a lab" "department" comes out as the subject and "troops" as its conjunct (or,
    in "in Mexicali, Baja California, gunmen opened fire …", as a second subject). When the verb opens with "in …",
    and the subject is a place right after a comma with a conjunct or a second subject that is no place, that is
    the subject."""
    start = subject.left_edge.i
    if not _a_scene_name(subject) or start < 2 or verb.doc[start - 1].text != ",":
        return subject
    if verb.doc[start - 2].ent_type_ in PLACE_ENTITIES and (owner := _owner_of_places(verb.doc[start - 2])):
        return owner  # "residents of X neighbourhood of Talas, Kayseri held …": Kayseri is where Talas lies
    if not any(c.dep_ == "prep" and c.lower_ in SCENE_WORDS and c.i < start for c in verb.children):
        return subject
    later = [c for c in (*subject.conjuncts, *_children(verb, "nsubj")) if c.i > subject.i and not _a_scene_name(c)]
    return min(later, key=lambda t: t.i) if later else subject


def _owner_of_places(place: Token) -> Token | None:
    """The noun a chain of "of" places hangs from: "residents" in "residents of X neighbourhood of Talas"."""
    token = place
    for _ in range(8):
        if token.dep_ not in ("pobj", "prep", "compound") or token.head is token:
            break
        token = token.head
        if token.pos_ in ("NOUN", "PROPN") and not _a_scene_name(token) and token.dep_ != "pobj":
            return token
    return None


def _listed_subjects(verb: Token, subject: Token) -> list[Token]:
    """Names listed before the subject with commas, as headlines write them: "Turkey, Russia agree"."""
    listed = []
    for child in verb.lefts:
        following = child.doc[child.i + 1] if child.i + 1 < len(child.doc) else None
        if (child.i < subject.i and child.dep_ in ("nsubj", "npadvmod", "dep", "appos") and child.pos_ == "PROPN"
                and following is not None and following.text == ","):
            listed.append(child)
    return listed


RECIPROCAL = word_table("events.arguments.reciprocal")


def _shared_object(verb: Token) -> list[Token]:
    """The object a coordinated verb shares: "shot and killed a guard", "attacked and looted the village"
    (only between verbs, and only when this verb has none of its own)."""
    partners = [verb.head] if verb.dep_ == "conj" and verb.head.pos_ == "VERB" else []
    partners += [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    for partner in partners:
        found = _children(partner, "dobj")
        if found and found[0].i > verb.i:
            return found
    return []


INFLECTED_VERB = frozenset({"VBD", "VBN", "VBG", "VBZ"})  # "attacked and fired at X": "fired" is a verb


def _misparsed_weapons(verb: Token) -> list[Token]:
    """Weapons the parser took for a second verb in a list of what was fired: in "fired rockets and grenade
    launchers toward X", "grenade" becomes a second verb (or a noun) conjoined to "fired", and "toward X" hangs from it.
    A weapon word is no verb of its own, so what hangs from it belongs to the verb it is conjoined to."""
    return [c for c in verb.children if c.dep_ == "conj" and is_weapon(c) and c.tag_ not in INFLECTED_VERB]


def _verbal_roles(trigger: Token) -> _Roles:
    roles = _Roles()
    agent = _agent(trigger)
    if trigger.lemma_.lower() == "quote":  # "X was quoted as saying": X is the speaker
        roles.sources += _children(trigger, "nsubjpass", "nsubj")
    elif _is_passive(trigger):
        roles.targets += _children(trigger, "nsubjpass") or (
            _children(trigger.head, "nsubjpass") if _passive_conjunct(trigger) else [])
        if trigger.dep_ in ("acl", "relcl") and not roles.targets:
            roles.targets.append(trigger.head)  # "civilians uprooted by the violence"
        if (patient := _object_participle(trigger)) is not None and not roles.targets:
            roles.targets.append(patient)
        if agent is None:  # "were shot and killed by gunmen": the agent the verbs share comes after the last
            agent = next((a for c in trigger.children if c.dep_ == "conj" and _passive_conjunct(c)
                          and (a := _agent(c)) is not None), None)
        if agent is not None:
            roles.sources.append(agent)
    else:
        subject = _subject(trigger) or _swallowed_subject(trigger)
        if subject is not None:
            past = _past_the_scene(trigger, subject)  # not a list of names ("Turkey, Russia agree") but a scene
            roles.sources += [past] if past is not subject else [*_listed_subjects(trigger, subject), subject]
            subject = past
        roles.targets += _children(trigger, "dobj") or _shared_object(trigger)
        if subject is not None and trigger.lemma_.lower() in RECIPROCAL and subject.conjuncts:
            roles.targets += [c for c in subject.conjuncts if c.i > subject.i]  # "X and Y exchanged fire"
    roles.targets += _prep_objects(trigger, VERB_TARGET_PREPS)
    for weapon in _misparsed_weapons(trigger):  # "fired rockets and grenade launchers toward X"
        roles.targets += _prep_objects(weapon, VERB_TARGET_PREPS)
    if trigger.dep_ == "amod" and not roles.targets:
        roles.targets.append(trigger.head)  # "Russian-backed rebels"; "Turkey has backed rebels" misparsed
    for stance in _prep_objects(trigger, {"in"}):  # "in protest against X"
        if stance.lemma_.lower() in STANCE_NOUNS:
            roles.targets += _prep_objects(stance, STANCE_PREPS)
    return roles


def _owned_weapon(token: Token) -> bool:
    """A vehicle or weapon named with its owner is what was hit: "a police vehicle", "an army truck"."""
    return token.pos_ in ("NOUN", "PROPN") and any(c.dep_ in ("compound", "poss") for c in token.children)


def _object_owners(obj: Token, first: bool) -> list[Token]:
    """Who an object that is not itself an actor belongs to: "Turkey's efforts", "calls by X"; "in X"
    only for the trigger's own object ("lifted a curfew in X"), not deeper ("a bombing in X")."""
    preps = OBJECT_PREPS if first else OBJECT_PREPS - {"in"}
    owners = [c for c in _children(obj, "poss") if c.lower_ not in PRONOUNS]
    for owner in _prep_objects(obj, preps):
        if owner.lemma_.lower() in STANCE_NOUNS:  # "a hunger strike in protest against X"
            owners += _prep_objects(owner, STANCE_PREPS)
        elif owner.lower_ not in PRONOUNS:
            owners.append(owner)
    return owners + [c for c in obj.lefts if c.dep_ == "compound" and (c.pos_ == "PROPN" or c.i == obj.i - 1)
                     and not is_weapon(c)]  # "artillery bombardment": the artillery is the means, not an owner


def _without_themes(targets: list[Token]) -> list[Token]:
    """Drop objects that are what is given or moved, not who it is done to: "withdraw its troops from X",
    "offered troops to X" (a common-noun object beside a recipient, or one owned by the subject)."""
    recipients = [t for t in targets if t.dep_ in ("pobj", "dative") and t.head.lower_ in ("to", "from", "into")
                  or t.dep_ == "dative"]
    kept = []
    for target in targets:
        own = any(c.dep_ == "poss" and c.lower_ in PRONOUNS for c in target.children)
        theme = target.dep_ == "dobj" and target.pos_ == "NOUN" and (own or bool(recipients))
        if not theme:
            kept.append(target)
    return kept


def _directive_subject(verb: Token) -> Token | None:
    """Who is told to act: the subject of a "that" clause in the subjunctive or with must/should, or of
    any "that" clause of a demanding verb; for a threat, the subject of its "unless/if" clause."""
    lemma = verb.lemma_.lower()
    for clause in _children(verb, "ccomp", "acl"):
        subject = _children(clause, "nsubj", "nsubjpass")
        modal = any(c.dep_ == "aux" and c.lower_ in ("must", "should", "ought") for c in clause.children)
        directive = modal or clause.tag_ == "VB" or lemma in DIRECTIVE
        if subject and directive and subject[0].lower_ not in PRONOUNS:
            return subject[0]
    if lemma in THREAT:
        for clause in [verb, *_children(verb, "xcomp")]:
            for condition in _children(clause, "advcl"):
                marked = any(c.dep_ == "mark" and c.lower_ in ("unless", "if") for c in condition.children)
                subject = _children(condition, "nsubj", "nsubjpass")
                if marked and subject and subject[0].lower_ not in PRONOUNS:
                    return subject[0]
    return None


def _complement(verb: Token) -> Token | None:
    """The verb whose objects are the event's targets when the trigger has none of its own.

    An xcomp chain ("agreed to lift", "is ready to send"), a "that" clause whose subject is the trigger's
    own ("announced that it will withdraw from X"), or an infinitive of purpose ("began a hunger strike
    to protest against X").
    """
    for child in verb.children:
        if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX"):
            return _complement(child) or child
        if child.dep_ == "acomp":
            nested = _complement(child)
            if nested is not None:
                return nested
        if child.dep_ == "ccomp" and any(c.dep_ == "nsubj" and c.lower_ in PRONOUNS for c in child.children):
            return _complement(child) or child
    if _is_passive(verb):
        return None  # "a truce will be implemented to stem the flow": the purpose is not the truce's target
    for child in verb.children:
        if child.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
            return child
    return None


OCCURRENCE_VERBS = word_table("events.arguments.occurrence_verbs")


def occurrence_clauses(noun: Token) -> list[Token]:
    """The verbs of occurrence an event noun's own clause has: "ensued" in "a clash ensued between X and Y"."""
    return [c for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in OCCURRENCE_VERBS]


def _support_verb(noun: Token) -> Token | None:
    """The light verb a nominal trigger is the object of: "carried out strikes", "paid a visit", "engaged in a
    firefight"."""
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in SUPPORT_VERBS:
        return noun.head
    if noun.dep_ == "nsubjpass" and noun.head.lemma_.lower() in SUPPORT_VERBS:
        return noun.head
    prep = noun.head
    if (noun.dep_ == "pobj" and prep.dep_ == "prep" and prep.lower_ == "in"
            and prep.head.lemma_.lower() in IN_SUPPORT_VERBS):
        return prep.head
    return None


def _nominal_roles(analysis: Analysis, trigger: Token) -> _Roles:
    roles = _Roles()
    lemma = trigger.lemma_.lower()
    patient = lemma in PATIENT_NOUNS or trigger.lower_ in PATIENT_NOUNS
    agent = _agent(trigger)
    if agent is not None:
        roles.sources.append(agent)
    of_objects = _prep_objects(trigger, {"of"})
    possessed_patient = (lemma in POSSESSED_PATIENT or trigger.lower_ in POSSESSED_PATIENT) and not of_objects
    for owner in _children(trigger, "poss"):
        poss: Token | None = owner
        if owner.lower_ in PRONOUNS:
            poss = _subject(trigger.head) if trigger.head.pos_ in ("VERB", "AUX") else None  # "halt its strikes"
        if poss is not None:
            (roles.targets if possessed_patient and agent is None else roles.sources).append(poss)
    for of_object in of_objects:
        (roles.targets if patient else roles.sources).append(of_object)
    roles.targets += _prep_objects(trigger, TARGET_PREPS)
    between = _prep_objects(trigger, {"between", "among"})
    if not between and trigger.dep_ == "nsubj" and trigger.head.lemma_.lower() in OCCURRENCE_VERBS:
        between = _prep_objects(trigger.head, {"between", "among"})  # "clashes broke out … between X and Y"
    for verb in [] if between else occurrence_clauses(trigger):  # "a clash ensued between X and Y"
        between += _prep_objects(verb, {"between", "among"})
    for first in between:  # "clashes between X and Y": X the source, Y the target
        roles.source_ids += [*_split_parts(analysis, first), actor_of_phrase(analysis, first) or ""]
        roles.targets += [c for c in first.conjuncts if c.i > first.i]
    roles.source_ids = [i for i in roles.source_ids if i]
    if not roles.sources and not roles.source_ids:
        roles.source_ids = _modifier_actors(analysis, trigger)
    support = _support_verb(trigger)
    if support is not None:
        verbal = _verbal_roles(support)
        roles.sources = [s for s in roles.sources if s.lower_ not in PRONOUNS] or verbal.sources
        roles.targets += [t for t in verbal.targets if t != trigger]
    roles.targets += _effect_targets(trigger)
    roles.targets += _aimed_at(trigger)
    return roles


AIMING_VERBS = word_table("events.arguments.aiming_verbs")


def _aimed_at(noun: Token) -> list[Token]:
    """What a participle says an event noun was aimed at: "air strikes targeting militants", "an offensive aimed
    at rebel positions"."""
    found: list[Token] = []
    for aim in (c for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in AIMING_VERBS):
        found += _children(aim, "dobj") + _prep_objects(aim, {"at", "against", "on"})
    return found


def aimed_targets(analysis: Analysis, noun: Token, sources: list[str]) -> list[str]:
    """Actor ids of what an event noun was aimed at (its owners for "rebel positions")."""
    return _target_ids(analysis, _Roles(targets=_aimed_at(noun)), noun, sources)


def _effect_targets(noun: Token) -> list[Token]:
    """What a nominal trigger hit: "strikes hit the town", "was killed by a drone strike" → the victim."""
    verb = noun.head
    if noun.dep_ == "nsubj" and verb.pos_ == "VERB":
        return _children(verb, "dobj")
    if noun.dep_ == "pobj" and verb.dep_ == "agent":
        return _children(verb.head, "nsubjpass")
    return []


def _split_weapons(analysis: Analysis, roles: _Roles) -> _Roles:
    """Sources that are weapons become the instrument, and their actor modifiers the sources."""
    kept: list[Token] = []
    for source in roles.sources:
        if is_weapon(source) or (source.lemma_.lower() in MEANS and source.dep_ == "pobj"):
            roles.instrument = roles.instrument or source
            for weapon in _conjuncts(source):  # "Russian jets" may be an actor itself, or name one
                found = _actors_of(analysis, weapon) or _modifier_actors(analysis, weapon)
                roles.source_ids += [a for a in found if a not in roles.source_ids]
        else:
            kept.append(source)
    roles.sources = kept
    return roles


FIRING_VERBS = word_table("events.arguments.firing_verbs")


def _with_instrument(trigger: Token) -> Token | None:
    """A weapon used: "shelled the town with artillery", "fired rockets at", "using drones" ("ambushed a
    vehicle" names what was hit, not a weapon)."""
    objects = _prep_objects(trigger, {"with", "using"})
    if trigger.lemma_.lower() in FIRING_VERBS:
        objects += _children(trigger, "dobj")
    return next((o for o in objects if is_weapon(o)), None)


def _target_ids(analysis: Analysis, roles: _Roles, trigger: Token, sources: list[str]) -> list[str]:
    """Actor ids of the targets; objects that are not actors pass to their owners (two steps at most:
    "lift embargoes on sales to Iran"), then to a directive clause's subject, then to a complement."""
    targets: list[str] = []
    kept = _without_themes(roles.targets)
    heads = [(h, 0) for h in kept]  # a theme is no target, but what it belongs to may be ("its invasion of X")
    heads += [(o, 1) for t in roles.targets if t not in kept for o in _object_owners(t, True) if o not in kept]
    for head, depth in heads:
        found = _actors_of(analysis, head)
        if not found and head.dep_ in ("dobj", "pobj") and depth < 2:
            known = {h for h, _ in heads}
            heads += [(o, depth + 1) for o in _object_owners(head, depth == 0) if o not in known]
        targets += [a for a in found if a not in targets and a not in sources]
    directed = _directive_subject(trigger)
    if not targets and directed is not None:  # "demanded that the US cancel", "said Sudan must return"
        targets = [a for a in _actors_of(analysis, directed) if a not in sources]
    complement = _complement(trigger) if trigger.pos_ in ("VERB", "AUX", "ADJ") else None
    if not targets and complement is not None:  # "agreed to lift embargoes on Iran"
        inner = _verbal_roles(complement)
        return _target_ids(analysis, _Roles(targets=inner.targets), complement, sources)
    return targets


def link_arguments(analysis: Analysis, trigger: Token) -> Arguments:
    """Find the source and target actors and the instrument of the event that `trigger` names."""
    verbal = trigger.pos_ in ("VERB", "AUX") or (trigger.pos_ == "ADJ" and trigger.dep_ in ("acl", "amod", "ROOT"))
    roles = _verbal_roles(trigger) if verbal else _nominal_roles(analysis, trigger)
    roles = _split_weapons(analysis, roles)
    weapon_target = _with_instrument(trigger)
    roles.targets = [t for t in roles.targets if t != weapon_target and (not is_weapon(t) or _owned_weapon(t))]
    roles.instrument = roles.instrument or weapon_target
    sources = list(roles.source_ids)
    rules = {"sources": "roles.between_or_modifier"} if sources else {}
    for head in roles.sources:
        found = [a for a in _actors_of(analysis, head) if a not in sources]
        if found and "sources" not in rules:
            rules["sources"] = f"roles.{'verb' if verbal else 'noun'}:{relation(head, trigger)}"
        sources += found
    targets = _target_ids(analysis, roles, trigger, sources)
    if targets:
        first = next((t for t in roles.targets if set(_actors_of(analysis, t)) & set(targets)), None)
        rules["targets"] = f"roles.{'verb' if verbal else 'noun'}:" + (
            relation(first, trigger) if first is not None else "owner, directive or complement")
    instrument: Span | None
    if roles.instrument is not None:
        instrument = _instrument_span(analysis, roles.instrument)
    else:
        instrument = None if verbal else _compound_instrument(analysis, trigger)
    return Arguments(sources=sources, targets=targets, instrument=instrument, rules=rules)


def relation(word: Token, trigger: Token) -> str:
    """How a role word hangs on the trigger, as the parse says: "nsubj", "dobj", "pobj:by", "poss" …"""
    label = word.dep_
    if word.dep_ == "pobj":
        label += f":{word.head.lower_}"
    if word.head.i != trigger.i and word.i != trigger.head.i:
        label += " (through another word)"
    return label
