"""ACLED coding of an event from ACLED's codebook: type and sub-type from what was done, by what means and by
whom against whom; the actor categories (inter1, inter2) and the interaction code.

The rules are data (sitrep/data/acled_codebook.toml), tried in order; the first that holds decides, and its id
is the event's `decided_by["acled"]`. What a rule can look at is read from the text of the event:

    acts    the internal types of the event's mentions, grouped into ACLED acts (attack, remote, protest …)
    means   weapon and tool words in the event's sentences, outside the words naming its target
    cues    circumstances: crowd violence, police intervention, two armed sides, a body found …
    sides   the ACLED category of the first source actor and of the first target actor (0 = unknown)

So "gunmen shot dead a shopkeeper" is Violence against civilians / Attack (an armed side against an unarmed one),
"insurgents shot dead a policeman" Battles / Armed clash (police are state forces), "a roadside bomb killed two
soldiers" Explosions/Remote violence (remote means, whoever the target), "residents blocked the road with burning
tyres" Riots / Violent demonstration, and "police fired tear gas at students protesting" Protests / Protest with
intervention with the students as the first side.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from ..countries import alpha3_of
from ..errors import ResourceError
from ..models import AcledCode, Actor, Event
from ..wordtables import typed_table, word_table
from .arguments import occurrence_clauses

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

ARMED = frozenset({1, 2, 3, 4, 8})
UNARMED = frozenset({5, 6, 7})
CROWD_NOUNS = word_table("events.acled.crowd_nouns")
MAX_GAP = 2  # words allowed between two words of a phrase


# ---------------------------------------------------------------- phrase tables
@dataclass(frozen=True)
class PhraseTable:
    """Named lists of phrases (lemmas), matched in order with up to MAX_GAP words between their words."""

    by_first: dict[str, tuple[tuple[str, tuple[str, ...]], ...]]

    @classmethod
    def build(cls, table: dict[str, list[str]]) -> PhraseTable:
        found: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for name, phrases in table.items():
            for phrase in phrases:
                words = tuple(phrase.lower().replace("-", " ").split())
                found.setdefault(words[0], []).append((name, words))
        return cls({k: tuple(v) for k, v in found.items()})

    def names_in(self, tokens: Sequence[Token]) -> set[str]:
        """The names of the phrases found; a phrase inside a longer one found here does not count
        ("heavy machine guns" is no "gun", "grenade launcher" no "grenade")."""
        forms = [(t.lower_.replace("-", " "), t.lemma_.lower()) for t in tokens]
        hits: list[tuple[frozenset[int], str]] = []
        for i, (lower, lemma) in enumerate(forms):
            for key in {lower, lemma}:
                for name, words in self.by_first.get(key, ()):
                    rest = _follows(forms, i + 1, words[1:])
                    if rest is not None:
                        hits.append((frozenset({i, *rest}), name))
        return {name for words, name in hits if not any(words < other for other, _ in hits)}


def _follows(forms: list[tuple[str, str]], start: int, words: tuple[str, ...]) -> list[int] | None:
    """The positions of the rest of a phrase when its words follow `start` in order (small gaps allowed)."""
    position, found = start, []
    for word in words:
        window = range(position, min(position + MAX_GAP + 1, len(forms)))
        hit = next((j for j in window if word in forms[j]), None)
        if hit is None:
            return None
        found.append(hit)
        position = hit + 1
    return found


# ---------------------------------------------------------------- the codebook
@dataclass(frozen=True)
class Rule:
    id: str
    type: str | None
    sub: str | None
    acts: frozenset[str] = frozenset()
    means: frozenset[str] = frozenset()
    all_means: frozenset[str] = frozenset()
    no_means: frozenset[str] = frozenset()
    cues: frozenset[str] = frozenset()
    all_cues: frozenset[str] = frozenset()
    no_cues: frozenset[str] = frozenset()
    side1: frozenset[int] | None = None
    side2: frozenset[int] | None = None
    near: frozenset[str] = frozenset()
    default1: int | None = None
    default2: int | None = None
    force1: int | None = None
    force2: int | None = None
    swap: bool = False


@dataclass(frozen=True)
class Codebook:
    acts: dict[str, str]          # internal type → act
    kind_means: dict[str, str]    # internal type → the means it names by itself
    means: PhraseTable
    cues: PhraseTable
    rules: tuple[Rule, ...]
    patients: PhraseTable = field(default_factory=lambda: PhraseTable({}))
    patient_inter: dict[str, int] = field(default_factory=dict)
    armed_types: frozenset[str] = frozenset()  # types whose doer is armed by definition ([doers])
    place_targets: frozenset[str] = frozenset()  # target head words that name a place, not people ([sides])
    unnamed_armed: int = 3
    heard_verbs: frozenset[str] = frozenset()  # verbs of perceiving from afar ([heard])


def _sides(values: list[int | str] | None) -> frozenset[int] | None:
    if values is None:
        return None
    found: set[int] = set()
    for value in values:
        found |= ARMED if value == "armed" else {int(value)}
    return frozenset(found)


def _rule(raw: dict[str, Any]) -> Rule:
    sets = {k: frozenset(raw.get(k, ())) for k in ("acts", "means", "all_means", "no_means", "cues", "all_cues", "no_cues",
                                                 "near")}
    return Rule(id=raw["id"], type=raw.get("type") or None, sub=raw.get("sub") or None, **sets,
                side1=_sides(raw.get("side1")), side2=_sides(raw.get("side2")),
                default1=raw.get("default1"), default2=raw.get("default2"), force1=raw.get("force1"),
                force2=raw.get("force2"), swap=bool(raw.get("swap", False)))


@lru_cache(maxsize=1)
def load_codebook() -> Codebook:
    try:
        text = resources.files("sitrep").joinpath("data", "acled_codebook.toml").read_text(encoding="utf-8")
        raw = tomllib.loads(text)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ResourceError(f"cannot read the ACLED codebook rules acled_codebook.toml: {exc}",
                            "reinstall sitrep; the file ships in sitrep/data", code="E317") from exc
    acts = {kind: act for act, kinds in raw["acts"].items() for kind in kinds}
    rules = tuple(_rule(r) for r in raw["rules"])
    known = {"acts": set(raw["acts"]), "means": set(raw["means"]), "cues": set(raw["cues"])}
    for rule in rules:
        unknown = (rule.acts | rule.near) - known["acts"] | (rule.means | rule.all_means | rule.no_means) - known["means"] \
            | (rule.cues | rule.all_cues | rule.no_cues) - known["cues"]
        if unknown:
            raise ResourceError(f"ACLED rule {rule.id} names unknown acts, means or cues: {', '.join(sorted(unknown))}",
                                "define them in acled_codebook.toml", code="E318")
    patients = raw.get("patients", {})
    return Codebook(acts, dict(raw.get("kind_means", {})), PhraseTable.build(raw["means"]),
                    PhraseTable.build(raw["cues"]), rules,
                    PhraseTable.build({name: table["words"] for name, table in patients.items()}),
                    {name: int(table["inter"]) for name, table in patients.items()},
                    armed_types=frozenset(raw.get("doers", {}).get("armed_types", ())),
                    unnamed_armed=int(raw.get("doers", {}).get("unnamed_armed", 3)),
                    place_targets=frozenset(raw.get("sides", {}).get("place_targets", ())),
                    heard_verbs=frozenset(raw.get("heard", {}).get("verbs", ())))


# ---------------------------------------------------------------- what the text says of one event
@dataclass
class Facts:
    """What the rules look at for one event (and what `--explain` shows)."""

    acts: set[str] = field(default_factory=set)
    means: set[str] = field(default_factory=set)
    cues: set[str] = field(default_factory=set)
    near: set[str] = field(default_factory=set)
    side1: int = 0
    side2: int = 0

    def describe(self) -> str:
        parts = [f"acts={','.join(sorted(self.acts)) or '-'}", f"means={','.join(sorted(self.means)) or '-'}",
                 f"cues={','.join(sorted(self.cues)) or '-'}", f"sides={self.side1}/{self.side2}"]
        return " ".join(parts)


RECIPROCAL = word_table("events.acled.reciprocal")


def first_inter(ids: Iterable[str], actors: dict[str, Actor]) -> int:
    """The ACLED category of the first actor that has one. (ACLED codes a foreign army abroad as external
    forces, 8; sitrep does not yet, because an event's country is not yet reliable enough to tell abroad
    from home: tried, it lost more than it gained on the ACLED dev notes.)"""
    for ident in ids:
        actor = actors.get(ident)
        if actor is not None and actor.acled_inter:
            return actor.acled_inter
    return 0


def bears_on(event: Event, other: Event, actors: dict[str, Actor], doc: Doc | None = None) -> bool:
    """Whether another event of the neighbourhood acts on this one's participants, or this one on the other's
    (what one does is done to the other's doers), or is told as what this one's targets were doing ("detained four
    activists taking part in a protest"), or either is done by or to protesters or rioters ("police detained 11
    protesters" beside a protest; not "protested against the arrest of X"), or state forces act on people the text
    does not name again ("Police arrested them")."""
    if set(other.targets) & set(event.sources) or set(event.targets) & set(other.sources):
        return True
    if doc is not None and other.trigger is not None and other.modality == "asserted" and any(
            other.trigger.start in phrase for t in event.targets if t in actors for phrase in _phrases(actors[t], doc)):
        return True
    crowd = event.targets + other.targets + event.sources + other.sources
    if any(actors[t].acled_inter in (5, 6) for t in crowd if t in actors):
        return True
    # "Police arrested them": state forces acting on someone the text does not name again
    return any(not one.targets and any(actors[s].acled_inter == 1 for s in one.sources if s in actors)
               for one in (event, other))


GRIEVANCE = word_table("events.acled.grievance")
DEMONSTRATING = frozenset({"protest", "riot"})
HANDLED = frozenset({"intervention", "lethal_force"})  # how the police handled a demonstration
GUNS = frozenset({"firearm", "explosive", "shelling", "air", "grenade", "suicide", "chemical"})  # no crowd's weapons
ARREST_WORDS = word_table("events.acled.arrest_words")
PEOPLE_GROUPS = word_table("events.acled.people_groups")
ARMED_OR_IDENTITY = word_table("events.acled.armed_or_identity")
IDENTITY_SIDES = word_table("events.acled.identity_sides")
PARTISANS = word_table("events.acled.partisans")
FORCE_WORDS = word_table("events.acled.force_words")
REPEL_VERBS = word_table("events.acled.repel_verbs")
CLAIM_VERBS = word_table("events.acled.claim_verbs")
DEVICE_HIT_VERBS = typed_table("events.acled.device_hit_verbs", dict[str, str])
OWNER_VERBS = word_table("events.acled.owner_verbs")
BLAME_VERBS = word_table("events.acled.blame_verbs")
REPEL_PARTICLES = word_table("events.acled.repel_particles")
OPERATION_NOUNS = word_table("events.acled.operation_nouns")
OPERATION_PREPS = word_table("events.acled.operation_preps")
OPERATION_PURPOSES = word_table("events.acled.operation_purposes")
WEAPONS = frozenset({"firearm", "explosive", "shelling", "grenade"})


def head_at(doc: Doc, start: int, end: int) -> Token | None:
    """The head word of the text between two character offsets (a mention's, a trigger's)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None else None


def _phrases(actor: Actor, doc: Doc) -> list[range]:
    """The character ranges of the phrases an actor's mentions head ("activists taking part in a protest")."""
    heads = [h for m in actor.mentions if (h := head_at(doc, m.start, m.end)) is not None]
    return [range(h.left_edge.idx, h.right_edge.idx + len(h.right_edge)) for h in heads]


def _root(event: Event, doc: Doc) -> Token | None:
    return head_at(doc, event.trigger.start, event.trigger.end) if event.trigger else None


def recalled_by(event: Event, other: Event, doc: Doc) -> bool:
    """Whether another event is one this one recalls rather than one that took place beside it: told in the
    pluperfect ("activists who had been detained"), or named under a word saying what this event is about
    ("rallied against the jailing of a student leader", "marched demanding the release of …"), where it is
    the grievance, not an intervention."""
    word, own = _root(other, doc), _root(event, doc)
    if word is None or own is None:
        return False
    return recalled(word, own)


def recalled(word: Token, own: Token | None = None) -> bool:
    """Whether the event a word names is recalled, not told: pluperfect, or under a word of grievance that does
    not also hold ``own`` (the word of the event that recalls it)."""
    if any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ == "VBD" for c in word.children):
        return True
    token = word
    for _ in range(8):
        if token.head.i == token.i or (own is not None and token.head.i == own.i):
            return False
        token = token.head
        if token.lemma_.lower() in GRIEVANCE and not (own is not None and token.left_edge.i <= own.i
                                                      <= token.right_edge.i):
            return True
    return False


def arrests_told(tokens: Iterable[Token]) -> bool:
    """Whether demonstrators' arrest is told among these words ("several arrests were made", "they were
    detained"), not recalled as what the demonstration was about ("against the arrest of two activists")."""
    return any(t.lemma_.lower() in ARREST_WORDS and many_held(t) and not recalled(t) for t in tokens)


def clash_sides(word: Token) -> list[Token]:
    """The sides the words of a clash name: between whom, who fought with whom ("clashes took place between …":
    the verb the clash is the subject of holds them)."""
    holders = [word, word.head] if word.dep_ == "nsubj" and word.head.pos_ == "VERB" else [word]
    holders += occurrence_clauses(word)  # "a clash ensued between …"
    preps = [p for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ in ("between", "among", "with")]
    heads = [c for p in preps for c in p.children if c.dep_ == "pobj"]
    heads += [s for p in preps for c in p.children if c.dep_ == "pcomp" for s in c.children if s.dep_ == "nsubj"]
    if word.pos_ == "VERB":
        heads += [c for c in word.children if c.dep_ == "nsubj"]
    return [t for h in heads for t in (h, *h.conjuncts)]


SPLIT_NOUNS = frozenset({"faction", "group", "wing", "camp", "branch"})


def split_side(word: Token) -> Token | None:
    """The one side a clash names as split in two ("two factions of X", "rival groups of Y"): both its sides."""
    return next((t for t in clash_sides(word) if t.lemma_.lower() in SPLIT_NOUNS and t.tag_ == "NNS"
                 and any(c.lower_ in ("two", "rival", "both") for c in t.children)), None)


def clash_cues(words: Iterable[Token], means: set[str], actors: dict[str, Actor]) -> set[str]:
    """The cues the sides of each clash word give ("a clash between two groups", "vendors clashed with police",
    "two armed families exchanged fire"), each word's sides read once."""
    cues = set()
    for word in {t.i: t for t in words}.values():
        sides = clash_sides(word)
        if sides and all(_people(t) for t in sides):  # "a man died when neighbours fought"
            cues.add("people_clash")
        named = [t for t in sides if t.lower_ not in ("other", "another")]  # "clashed with each other"
        if named and all(partisans(t, actors) for t in named):  # "supporters of two parties clashed"
            cues.add("partisan_clash")
        if crowd_against_forces(word, sides):  # "a clash between police and vendors"
            cues.add("crowd_against_forces")
        if identity_clash(word, sides) and (armed_sides(word, sides) or means & WEAPONS):
            cues.add("identity_clash")  # "families exchanged gunfire", "a clash between two armed clans"
    return cues


def identity_clash(word: Token, sides: list[Token]) -> bool:
    """Whether a clash is between peoples, families, clans or tribes ("clashes between two families", "a
    clan-based clash"): its sides all such words, or the clash itself called so."""
    if called_communal(word):
        return True
    return bool(sides) and all(t.lemma_.lower() in IDENTITY_SIDES for t in sides)


def called_communal(word: Token) -> bool:
    """Whether a clash is called a people's by its own words ("clan-based clashes", "tribal fighting")."""
    return any(t.lower_ in IDENTITY_SIDES for c in word.children if c.dep_ in ("amod", "compound")
               for t in c.subtree)


def armed_sides(word: Token, sides: list[Token]) -> bool:
    """Whether the sides of a clash are called armed ("two armed families"), or the clash a militias' ("clan-based
    clashes": clans that fight are armed)."""
    return called_communal(word) or any(c.lemma_.lower() == "armed" for t in sides for c in t.subtree)


def naming_words(side: Token) -> list[Token]:
    """The words that say who a side is: its modifiers, and what it is "of" ("members of X", "two factions of Y's
    forces"), not where it is."""
    own = [c for c in side.children if c.dep_ in ("compound", "amod", "nmod", "poss")]
    of = [o for p in side.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    return own + [t for o in of for t in (o, *o.children) if t.dep_ != "prep"]


def _people(side: Token) -> bool:
    """Whether a side of a clash is named only as a group of people, not armed and not named ("two groups",
    "supporters of the two parties"): a people word with no armed modifier and no armed group's name."""
    return side.lemma_.lower() in PEOPLE_GROUPS and side.ent_type_ not in ("ORG", "NORP") and not any(
        c.pos_ == "PROPN" or c.lemma_.lower() in ARMED_OR_IDENTITY for c in naming_words(side))


def partisans(side: Token, actors: dict[str, Actor]) -> bool:
    """Whether a side of a clash is a party's or a cause's people ("ANC and EFF members", "two groups of the
    league's supporters", "pro-government activists"): named or not, they are no armed group unless their words
    or a coded armed actor among them say so."""
    head = side
    if head.lemma_.lower() in SPLIT_NOUNS | {"group"}:  # "two groups of X supporters": the supporters
        head = next((o for p in side.children if p.dep_ == "prep" and p.lower_ == "of"
                     for o in p.children if o.dep_ == "pobj"), side)
    if head.pos_ == "PROPN" and any(c.lemma_.lower() in PARTISANS for c in head.conjuncts if c.i > head.i):
        head = next(c for c in head.conjuncts if c.i > head.i and c.lemma_.lower() in PARTISANS)  # "ANC and EFF
        # members": the party named first shares the members the second is named with
    if head.lemma_.lower() not in PARTISANS:
        return False
    words = list(side.subtree) + (list(head.subtree) if head is not side else [])  # "two armed groups of …"
    if any(t.lemma_.lower() in ARMED_OR_IDENTITY for t in words):
        return False
    return not any(a.acled_inter in ARMED for a in named_within([side], actors))


def crowd_against_forces(word: Token, sides: list[Token]) -> bool:
    """Whether a clash is between people and the police or soldiers ("a clash between police and shopkeepers",
    "vendors clashed with police officers"): its sides groups of people and forces, at least one of each."""
    kinds = {"people" if _people(t) else "forces" if t.lemma_.lower() in FORCE_WORDS else "other" for t in sides}
    named = any(t.ent_type_ == "ORG" for s in sides for w in naming_words(s) for t in w.subtree)  # "members of
    # the X Army", "X dissidents members"; not where a side is ("shopkeepers in Y city (Z)")
    gunfire = word.lemma_.lower() in ("exchange", "trade")  # "exchanged fire with police"
    return kinds == {"people", "forces"} and not named and not gunfire


def repelled_by_doer(words: Iterable[Token], event: Event, actors: dict[str, Actor]) -> bool:
    """Whether the event's doers are told as beating off the other side's attack ("militants were killed when
    troops repulsed their attack", "troops repelled an attack by rebels, killing two"): then the attackers are
    ACLED's first side."""
    spans = [(m.start, m.end) for s in event.sources if s in actors for m in actors[s].mentions]
    for token in words:
        if token.lemma_.lower() not in REPEL_VERBS or token.pos_ != "VERB":
            continue
        particles = {c.lower_ for c in token.children if c.dep_ == "prt"}
        if token.lemma_.lower() in ("fend", "beat", "push", "drive") and not particles & REPEL_PARTICLES:
            continue
        subjects = [c for c in token.children if c.dep_ == "nsubj"]
        if any(s <= t.idx < e for c in subjects for t in c.subtree for s, e in spans):
            return True
    return False


def forces_operation(words: Iterable[Token]) -> bool:
    """Whether a clash is told as happening during what forces set out to do: "during a patrol", "in a police
    operation", "during a sweep to capture a suspect" (ACLED then names the forces first)."""
    for token in words:
        lemma = token.lemma_.lower()
        if lemma in OPERATION_NOUNS and token.dep_ == "pobj" and token.head.lower_ in OPERATION_PREPS:
            return True
        if lemma in OPERATION_PURPOSES and token.pos_ == "VERB" and token.dep_ in ("acl", "advcl", "xcomp") \
                and any(c.lower_ == "to" for c in token.children):
            return True
    return False


def claimed_by(words: Iterable[Token], actors: dict[str, Actor]) -> Actor | None:
    """The armed group an attack with no doer named is laid to in its sentences: the subject of "claimed
    (responsibility, to have …)", who it is "attributed to", "blamed on", "suspected" or "planted by", or who set
    its device ("militants had planted the bomb", "the mine was laid by rebels")."""
    starts = {m.start: a for a in actors.values() if a.acled_inter in (2, 3, 4, 8) for m in a.mentions}
    for token in words:
        lemma = token.lemma_.lower()
        if lemma in CLAIM_VERBS and token.pos_ == "VERB":
            named = [c for c in token.children if c.dep_ == "nsubj"]
        elif lemma in PLANTING_VERBS and token.pos_ == "VERB" and _set_the_device(token):
            named = [c for c in token.children if c.dep_ == "nsubj"] + [
                o for p in token.children if p.dep_ == "agent" for o in p.children if o.dep_ == "pobj"]
        elif lemma in BLAME_VERBS and token.pos_ == "VERB":
            named = [o for p in token.children if p.dep_ in ("prep", "agent") and p.lower_ in ("to", "on", "by")
                     for o in p.children if o.dep_ == "pobj"] + [c for c in token.children if c.dep_ == "nsubjpass"
                                                                 and lemma == "suspect"]
        else:
            continue
        for head in named:
            found = next((starts[t.idx] for t in head.subtree if t.idx in starts), None)
            if found is not None:
                return found
    return None


DENIAL_VERBS = word_table("events.acled.denial_verbs")
BACK_REFERENCES = frozenset({"the", "this", "that"})


def _set_the_device(verb: Token) -> bool:
    """Whether a planting verb says who set the device the event names: its object (or passive subject) is that device
    named again ("the bomb", "the device", not "mines on a road" of another incident), and nothing denies it ("the
    Taliban denied that its fighters had planted the device")."""
    device = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in DEVICES), None)
    if device is None or not any(c.dep_ == "det" and c.lower_ in BACK_REFERENCES for c in device.children):
        return False
    return not any(c.dep_ == "neg" for c in verb.children) and not any(
        a.lemma_.lower() in DENIAL_VERBS for a in verb.ancestors)


def device_victims(words: Iterable[Token], actors: dict[str, Actor], book: Codebook) -> list[str]:
    """Actors told as running into a hidden device, who are its victims and not its doers: the subject of "struck
    an IED", "hit a roadside bomb", "stepped on a landmine", "ran over a mine"."""
    found: list[str] = []
    for token in words:
        if token.dep_ == "acl" and "explosive" in book.means.names_in([token.head]):
            # "a bomb planted under a police car": whose car it was
            found += [a.id for a in named_within(planted_on(token), actors) if a.id not in found]
            continue
        need = DEVICE_HIT_VERBS.get(token.lemma_.lower())
        if need is None or token.pos_ != "VERB":
            continue
        passive = not need and any(c.dep_ == "auxpass" for c in token.children)
        if passive:  # "a truck was struck by a landmine", "troops lost men after being struck by an IED"
            devices = [o for a in token.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
        elif need:
            devices = [o for p in token.children if p.dep_ in ("prep", "prt") and p.lower_ == need
                       for o in p.children if o.dep_ == "pobj"]
        else:
            devices = [c for c in token.children if c.dep_ == "dobj"]
        if not any("explosive" in book.means.names_in(list(d.subtree)) for d in devices):
            continue
        subjects = [c for c in token.children if c.dep_ == ("nsubjpass" if passive else "nsubj")]
        if passive and not subjects:
            subjects = governing_subject(token)
        found += [a.id for a in named_within(subjects, actors) if a.id not in found]
    return found


def planted_on(verb: Token) -> list[Token]:
    """What a device was put on, under or in, told by the participle after it ("a bomb planted under a police
    car", "an IED hidden in a cart"); nothing for other verbs."""
    if verb.lemma_.lower() not in PLANTING_VERBS:
        return []
    return [g for p in verb.children if p.dep_ == "prep" and p.lower_ in PLANTED_ON
            for g in p.children if g.dep_ == "pobj"]


def governing_subject(verb: Token) -> list[Token]:
    """The subject of the clause a subjectless verb phrase hangs on: "troops suffered losses after being hit"."""
    head = verb.head.head if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" else verb.head
    if verb.dep_ not in ("pcomp", "advcl") or head.pos_ not in ("VERB", "AUX"):
        return []
    return [c for c in head.children if c.dep_ == "nsubj"]


def weapon_owners(words: Iterable[Token], actors: dict[str, Actor]) -> list[Actor]:
    """The actors named as whose weapons were found or defused, after "belonging to" or "planted by" ("rifles
    belonging to the PKK", "mines planted by rebels")."""
    heads = [o for t in words if t.lemma_.lower() in OWNER_VERBS
             for p in t.children if p.dep_ in ("prep", "agent") and p.lower_ in ("to", "by")
             for o in p.children if o.dep_ == "pobj"]
    return named_within(heads, actors)


def named_within(heads: Iterable[Token], actors: dict[str, Actor]) -> list[Actor]:
    """The actors a mention of which begins within the phrase of one of these words (its subtree)."""
    spans = [(h.left_edge.idx, h.right_edge.idx + len(h.right_edge)) for h in heads]
    return [a for a in actors.values() if any(s <= m.start < e for s, e in spans for m in a.mentions)]


def off_duty(words: Sequence[Token]) -> bool:
    """Whether the sentences call someone off duty ("an off-duty soldier", "a policeman who was off duty"):
    ACLED codes security personnel attacked off duty as civilians."""
    return any(t.lower_ in ("off-duty", "off") and (t.lower_ == "off-duty" or (
        t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ in ("duty", "-duty") or (
            t.i + 2 < len(t.doc) and t.doc[t.i + 1].text == "-" and t.doc[t.i + 2].lower_ == "duty")))
        for t in words)


def many_held(word: Token) -> bool:
    """Whether an arrest word tells of several people held, as a crowd's arrest is ("arrests were made",
    "they were detained", "police detained 12"), not one person's ("he was arrested", "his arrest")."""
    if word.tag_ == "NNS":
        return True
    deps = {c.dep_ for c in word.children}
    if word.dep_ == "conj" and not deps & {"nsubj", "nsubjpass", "auxpass"}:  # "marched and detained trucks"
        return False  # … the demonstrators themselves did it
    return any(c.dep_ in ("nsubjpass", "nsubj", "dobj") and (c.lower_ in ("they", "them") or c.tag_ in ("NNS", "NNPS")
               or (c.like_num and c.lower_ not in ("one", "1"))) for c in word.children)


MILITIAS = frozenset({3, 4})


def first_head(actor: Actor, doc: Doc) -> Token | None:
    """The head word of an actor's first mention."""
    if not actor.mentions:
        return None
    return head_at(doc, actor.mentions[0].start, actor.mentions[0].end)


def plural(actor: Actor, doc: Doc) -> bool:
    """Whether an actor's first mention names many ("militias", "two clans"), by its head word."""
    head = first_head(actor, doc)
    return head is not None and head.tag_ in ("NNS", "NNPS")


def is_crowd(actor: Actor, doc: Doc) -> bool:
    """An unarmed side that is many people: "locals", "residents", "a group of villagers", "the mob"."""
    head = first_head(actor, doc) if actor.acled_inter in UNARMED else None
    return head is not None and (head.tag_ in ("NNS", "NNPS") or head.lemma_.lower() in CROWD_NOUNS)


FORCES = frozenset({"MIL", "COP", "SPY"})
TOLLS = ("killed", "injured")


def toll_actors(event: Event, actors: dict[str, Actor]) -> list[str]:
    """Actors named where the event's toll is counted ("nine people", "two soldiers")."""
    spans = [(q.start, q.end) for k in TOLLS if (q := event.quantities.get(k)) is not None
             and q.start is not None and q.end is not None]
    return [a.id for a in actors.values()
            if any(s <= m.end and m.start <= e + 1 for s, e in spans for m in a.mentions)]


def own_member_hit(event: Event, actors: dict[str, Actor]) -> str | None:
    """The code of an armed group that the event names both as its doer and as its victim ("the NPA" and "an NPA
    militant" killed): then the doer named is only the victim's side, not who struck it."""
    doers = {actors[s].code for s in event.sources if s in actors and actors[s].code and actors[s].acled_inter in ARMED}
    return next((actors[t].code for t in event.targets if t in actors and actors[t].code in doers), None)


def hurt(event: Event) -> bool:
    """Whether the event's toll counts anyone killed or injured."""
    return any((q := event.quantities.get(k)) is not None and (q.best or 0) > 0 for k in TOLLS)


RULING_POWERS = frozenset({"regime", "junta"})  # a state's power with its forces ("strikes on the regime")


def armed_force(actor: Actor) -> bool:
    """An armed side: a state's forces (not its officials or offices) or an armed group."""
    return actor.acled_inter in ARMED and (actor.acled_inter != 1 or bool(FORCES & set(actor.sectors)))


def unarmed_official(actor: Actor) -> bool:
    """A governor, minister, judge or lawmaker attacked is a civilian to ACLED: only state *forces* are an
    armed side (a state named as a whole, or its regime, still is one)."""
    return (actor.acled_inter == 1 and actor.kind != "state" and not (FORCES | {"REB", "UAF"}) & set(actor.sectors)
            and actor.name.lower().split()[-1] not in RULING_POWERS)


PATIENT_DEPS = frozenset({"dobj", "nsubjpass"})
FIRED = word_table("events.arguments.weapons") | word_table("events.acled.fired_things")  # not what it is aimed at
QUANTIFIERS = word_table("events.acled.quantifiers")
AIMING_VERBS = word_table("events.arguments.aiming_verbs")
PLANTING_VERBS = word_table("events.acled.planting_verbs")
PLANTED_ON = word_table("events.acled.planted_on")
DEVICES = word_table("events.acled.devices")


def _aims(verb: Token) -> bool:
    """Whether what a verb does lands on its "at" or "on" object: it has no object, or its object is what is fired
    or thrown ("fired mortars at positions", "shot arrows at soldiers"), not whom it was done to ("beat two traders
    at a checkpoint")."""
    return all({h.lemma_.lower(), *(c.lemma_.lower() for c in h.children if c.dep_ == "compound")} & FIRED
               for h in verb.children if h.dep_ in PATIENT_DEPS)


def patient_words(trigger: Token) -> list[Token]:
    """The head word of what the event was done to, with its compound and adjective modifiers: the object of an
    active verb, the subject of a passive one, the "of"/"on" object of an event noun ("the killing of a
    soldier"); through "one of" and "members of" to the noun that says who they are."""
    if trigger.pos_ in ("NOUN", "PROPN"):
        heads = [g for c in trigger.children if c.dep_ == "prep" and c.lower_ in ("of", "on", "against")
                 for g in c.children if g.dep_ == "pobj"]
        aiming = [c for c in trigger.children if c.dep_ == "acl" and c.lemma_.lower() in AIMING_VERBS]
        aiming += [x for c in aiming for x in c.children if x.dep_ == "xcomp"]  # "targeting suspected …" misparsed
        heads += [g for c in aiming for g in c.children if g.dep_ == "dobj"]  # "air strikes targeting militant positions"
    else:
        verbs = [trigger, *(c for c in trigger.children if c.dep_ == "conj" and c.pos_ == "VERB")]  # "shot and wounded"
        heads = [c for v in verbs for c in v.children if c.dep_ in PATIENT_DEPS]
        if not heads:  # "a bomb planted under an army vehicle exploded": what the device was put on
            heads = [g for s in trigger.children if s.dep_ == "nsubj" and s.lemma_.lower() in DEVICES
                     for a in s.children if a.dep_ == "acl" for g in planted_on(a)]
        heads += [g for v in verbs if _aims(v) for c in v.children  # "fired mortars at army positions"
                  if c.dep_ == "prep" and c.lower_ in ("at", "on", "against") for g in c.children if g.dep_ == "pobj"]
    heads += [c for h in heads for c in h.children if c.dep_ == "conj"]
    found: list[Token] = []
    for head in heads:
        if head.lemma_.lower() in QUANTIFIERS:
            head = next((g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                         for g in c.children if g.dep_ == "pobj"), head)
        found += sorted([head, *(c for c in head.children if c.dep_ in ("compound", "amod"))], key=lambda t: t.i)
    return found


def patient_owners(trigger: Token, actors: dict[str, Actor]) -> list[str]:
    """Armed actors named among the words of what the event was done to ("PKK targets", "Houthi positions")."""
    spots = {t.idx for t in patient_words(trigger) if t.lemma_.lower() not in FIRED}  # not the artillery fired
    return [a.id for a in actors.values() if a.acled_inter in (1, 2, 3, 4, 8)
            and any(m.start in spots for m in a.mentions)]


def patient_side(trigger: Token | None, book: Codebook) -> int:
    """The ACLED category the patient's own words give ("a police officer" 1, "a militiaman" 3), or 0."""
    if trigger is None or not book.patient_inter:
        return 0
    named = book.patients.names_in(patient_words(trigger))
    return min((book.patient_inter[n] for n in named), default=0)


ARMED_ACTS = frozenset({"attack", "remote", "abduct", "sexual", "loot", "territory"})


WITNESS_VERBS = word_table("events.acled.witness_verbs")
PATIENT_PREPS = word_table("events.acled.patient_preps")


def _doer_like(actor: Actor, doc: Doc) -> bool:
    """Whether an actor's first mention could be a doer: not a place standing as a state, not what a verb or a
    preposition of place or target governs ("a shooting against police", "in Mexico City")."""
    root = first_head(actor, doc) if actor.kind != "state" else None
    if root is None:
        return False
    while root.dep_ in ("conj", "compound", "amod", "nmod") and root.head.i != root.i:
        root = root.head
    if root.dep_ in ("dobj", "nsubjpass") or (root.dep_ == "pobj" and root.head.lower_ in PATIENT_PREPS):
        return False
    if root.dep_ == "nsubj" and root.head.lemma_.lower() in WITNESS_VERBS:  # "monitors observed shelling"
        return False
    return True


def armed_beside(event: Event, sentences: list[SpacySpan], actors: dict[str, Actor], doc: Doc,
                 struck: Iterable[str] = ()) -> list[Actor]:
    """The armed actors (categories 1, 2, 3, 4, 8) named as possible doers in the event's
    sentences and not its targets or victims, in text order: the sides of an event whose clause names none
    ("soldiers went in; a gunfight broke out", "a clash between the two forces was reported")."""
    spans = [(s.start_char, s.end_char) for s in sentences]
    victims = set(event.targets) | set(toll_actors(event, actors)) | set(struck)
    named = sorted((a for a in actors.values() if a.id not in victims and a.acled_inter in ARMED and a.mentions
                    and any(s <= a.mentions[0].start < e for s, e in spans) and _doer_like(a, doc)),
                   key=lambda a: a.mentions[0].start)
    return named


def second_state(doer: Actor, actors: dict[str, Actor], doc: Doc) -> Actor | None:
    """The second of two states whose forces one phrase names as a clash's doers ("troops of Armenia and
    Azerbaijan exchanged fire"): the forces of the state named after the first are the other side."""
    head = first_head(doer, doc)
    if head is None:
        return None
    owners = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    later = [c.idx for o in owners for c in o.conjuncts if c.i > o.i]
    return next((a for a in actors.values() if a.kind == "state" and a.id != doer.id
                 and any(m.start <= i < m.end for m in a.mentions for i in later)), None)


def _first_other(found: list[Actor], besides: set[str]) -> int:
    return next((a.acled_inter or 0 for a in found if a.id not in besides), 0)


LOCATING = frozenset({"in", "inside", "across", "throughout"})


def located_in(actor: Actor, doc: Doc) -> bool:
    """A country named only as where something lies ("areas of a district in western Yemen"), never as acting or
    suffering: no side of an event, which a country is only when it stands for its state."""
    if actor.kind != "state" or not actor.mentions:
        return False
    for mention in actor.mentions:
        head = head_at(doc, mention.start, mention.end)
        if head is None or not (head.dep_ == "pobj" and head.head.lower_ in LOCATING):
            return False
    return True


def place_like(actor: Actor, book: Codebook) -> bool:
    """A target named as a place ("shelled the village", "hit army positions"), not as people."""
    words = actor.name.lower().split()
    return bool(words) and words[-1] in book.place_targets


def abroad(actor: Actor, event: Event, countries: frozenset[str]) -> bool:
    """State forces acting outside their own country are external forces to ACLED (8): "Turkish troops" in Syria.
    Abroad: the event's place is in another country and no place the text names is in the actor's own (one
    place resolved to the wrong country must not make a country's army foreign at home). An event with no place
    of its own is abroad when the towns and areas the text names all lie in one other country."""
    if not actor.country or len(actor.country) != 3 or not (FORCES & set(actor.sectors) or actor.kind == "state"):
        return False
    if event.place is None or not event.place.country:
        return len(countries) == 1 and actor.country not in countries
    return actor.country != alpha3_of(event.place.country) and actor.country not in countries


def _outside(tokens: Iterable[Token], spans: list[tuple[int, int]]) -> list[Token]:
    return [t for t in tokens if not any(s <= t.idx < e for s, e in spans)]


def read_facts(event: Event, kinds: Iterable[str], sentences: list[SpacySpan], following: SpacySpan | None,
               actors: dict[str, Actor], near_kinds: Iterable[str], book: Codebook, doc: Doc,
               countries: frozenset[str] = frozenset(), story: Sequence[SpacySpan] = (),
               preceding: SpacySpan | None = None) -> Facts:
    """The acts, means, cues and sides of one event, from its mentions' types and its sentences; ``countries``
    are those (ISO alpha-3) of the places the document names; ``story`` the later sentences that go on telling
    it, where a demonstration's handling by the police is often told last ("Police later used tear gas");
    ``preceding`` the sentence before, which may name the sides of a clash it leaves unnamed ("Police raided the
    district. A shootout broke out.")."""
    trigger = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand") if event.trigger else None
    trigger_lemma = trigger.root.lemma_.lower() if trigger is not None else ""
    target_spans = [(m.start, m.end) for t in event.targets if t in actors for m in actors[t].mentions]
    words = [t for sent in sentences for t in sent]
    facts = Facts(acts={book.acts[k] for k in kinds if k in book.acts})
    # what a demonstration is about gives it no means or cues ("rallied against the bombing of a market")
    told = [t for t in words if not recalled(t, trigger.root)] if facts.acts & DEMONSTRATING and trigger else words
    facts.means = book.means.names_in(_outside(told, target_spans))
    facts.means |= {book.kind_means[k] for k in kinds if k in book.kind_means}
    facts.cues = book.cues.names_in(told + (list(following) if following is not None else []))
    told_on = list(story) if facts.acts & DEMONSTRATING else []
    if told_on:
        facts.cues |= book.cues.names_in([t for sent in told_on for t in sent]) & HANDLED
    if facts.acts & DEMONSTRATING and "intervention" not in facts.cues and arrests_told(
            words + (list(following) if following is not None else []) + [t for sent in told_on for t in sent]):
        facts.cues.add("intervention")
    facts.near = {book.acts[k] for k in near_kinds if k in book.acts}
    struck = device_victims(words, actors, book) if facts.means & {"explosive"} else []
    facts.side1 = first_inter([s for s in event.sources if s not in struck], actors)
    targets = [t for t in event.targets if t not in actors or not located_in(actors[t], doc)]
    facts.side2 = first_inter(targets, actors) or first_inter(struck, actors)
    if not facts.side2:  # "wounding nine people", "three soldiers killed": the victims named by the toll
        facts.side2 = first_inter(toll_actors(event, actors), actors)
    target = next((actors[t] for t in event.targets if t in actors and actors[t].acled_inter), None)
    if target is not None and unarmed_official(target):
        facts.side2 = 7
    if facts.side2 in (0, 7):  # "gunmen shot a police officer": who the victim is, from the words naming them
        facts.side2 = patient_side(trigger.root if trigger is not None else None, book) or facts.side2
    if not facts.side2 and trigger is not None:  # "air strikes against PKK targets": whose targets they were
        facts.side2 = first_inter([a for a in patient_owners(trigger.root, actors) if a not in event.sources], actors)
    if facts.acts & {"protest"} and not facts.acts & (ARMED_ACTS | {"riot", "mob", "repress", "excessive"}):
        # whom a demonstration is against or makes demands of is no side of it ("demanded aid from the government",
        # "marched against the arrest of a student"): only the forces named as what it faced are
        facts.side2 = next((actors[t].acled_inter or 0 for t in event.targets if t in actors and armed_force(actors[t])),
                           0)
    if facts.side2 == 1 and off_duty(words):  # "an off-duty policeman was shot": a civilian to ACLED
        facts.side2 = 7
    doer = next((actors[s] for s in event.sources if s in actors and actors[s].acled_inter and s not in struck), None)
    if facts.side1 == 1 and doer is not None and abroad(doer, event, countries):
        facts.side1 = 8
    if not facts.side1 and facts.acts & {"attack", "remote", "abduct"}:  # "an IED hit a convoy; X claimed it"
        claimant = claimed_by(words + (list(following) if following is not None else [])
                              + [t for sent in story for t in sent], actors)  # … told on: "X later claimed it"
        facts.side1 = claimant.acled_inter or 0 if claimant is not None else 0
    if facts.side1 and facts.side2 and repelled_by_doer(words, event, actors):
        facts.side1, facts.side2 = facts.side2, facts.side1  # "troops repulsed their attack": the attackers first
    reciprocal = trigger_lemma in RECIPROCAL or "two_sided" in facts.cues
    if reciprocal:  # the clash's own words and the clash words of its sentences
        facts.cues |= clash_cues(([trigger.root] if trigger is not None else [])
                                 + [t for t in words if t.lemma_.lower() in RECIPROCAL], facts.means, actors)
    split = split_side(trigger.root) if reciprocal and trigger is not None else None
    if split is not None:  # "clashes between two factions of X", "two groups of X clashed": X on both sides
        named = [a.acled_inter for a in named_within([split], actors) if a.acled_inter]
        inter = named[0] if named else facts.side1
        if inter:
            facts.side1 = facts.side2 = 5 if inter in UNARMED else inter  # people fighting people: rioters both
    if reciprocal and not event.targets and len(event.sources) > 1:  # "X and Y clashed": Y the second side
        facts.side2 = first_inter(event.sources[1:], actors) or facts.side2
    if reciprocal and not event.targets and doer is not None and (other := second_state(doer, actors, doc)):
        facts.side2 = 8 if abroad(other, event, countries) else other.acled_inter or 1  # "forces of X and Y clashed"
    unnamed = facts.acts & ARMED_ACTS and not facts.cues & {"crowd_violence", "body_found"} and not (
        facts.side1 and (facts.side2 or not reciprocal))
    named_elsewhere = not facts.side2 and bool(facts.acts & {"disrupted", "protest", "riot"})
    # the armed actors named in its sentences as possible doers, in text order (read only when needed)
    beside = armed_beside(event, sentences, actors, doc, struck) if unnamed or named_elsewhere else []
    if unnamed:
        first_side = doer  # "a gunfight broke out": sides named beside it
        if not facts.side1 and not beside and reciprocal and preceding is not None:
            beside = [a for a in armed_beside(event, [preceding], actors, doc, struck)  # "Police went in. A shootout …"
                      if a.acled_inter != 1 or FORCES & set(a.sectors)]  # forces, not prosecutors
        if not facts.side1 and beside:
            first_side, facts.side1 = beside[0], beside[0].acled_inter or 0
        if reciprocal and not facts.side2:  # "a clash between the two forces": the other side
            facts.side2 = _first_other(beside, {first_side.id} if first_side else set())
    if reciprocal and not set(event.targets) - set(toll_actors(event, actors)) and facts.side2 in (0, 7) \
            and facts.side1 in MILITIAS and doer is not None and plural(doer, doc) and trigger is not None \
            and len(clash_sides(trigger.root)) <= 1:
        facts.side2 = facts.side1  # "clan militias clashed, killing a man" (no one else named): militias on both
        # sides; the dead are theirs or bystanders, whether counted with the clash or told as hurt in it later
    own = own_member_hit(event, actors)
    if own is not None and facts.side1 in ARMED:  # "two rebels died as the rebels fought the army": the group
        others = [actors[s] for s in event.sources[1:]  # lost its own men; the other side is the army, one named with
                  if s in actors and actors[s].code != own and actors[s].acled_inter in ARMED]  # it ("X and Y clashed")
        others += [a for a in armed_beside(event, sentences, actors, doc, struck)  # or beside it
                   if a.code != own and a.id not in event.sources]
        facts.side2 = others[0].acled_inter or 0 if others else facts.side2
    if reciprocal and facts.side2 == 1 and facts.side1 in (2, 3, 4) and forces_operation(words):
        facts.side1, facts.side2 = facts.side2, facts.side1  # "gunmen exchanged fire with police during a patrol"
    if "disrupted" in facts.acts and not facts.side2:  # "defused mines planted by rebels": whose weapons
        owners = [a for a in beside + weapon_owners(words, actors) if a.acled_inter in (2, 3, 4)
                  and a.id not in event.sources]
        facts.side2 = owners[0].acled_inter or 0 if owners else 0
    if facts.acts & {"protest", "riot"} and not facts.side2:  # police who broke up or fought the demonstration
        pool = beside  # … named beside it, or in the next sentence that tells how they intervened
        if following is not None and facts.cues & HANDLED:
            pool = beside + armed_beside(event, [following, *told_on], actors, doc)
        forces = [a for a in pool if a.acled_inter == 1 and FORCES & set(a.sectors) and a.id not in event.sources]
        facts.side2 = forces[0].acled_inter or 0 if forces else 0
    rioting = facts.acts & {"riot", "mob"} or ("crowd_violence" in facts.cues and not facts.means & GUNS) or (
        doer is not None and is_crowd(doer, doc) and facts.acts & {"attack", "loot"})
    if facts.side2 == 7 and rioting:
        faced = [actors[t] for t in event.targets if t in actors and armed_force(actors[t])]
        story_told = [*sentences, *([following] if following is not None else []), *story]
        if not faced and book.cues.names_in([t for sent in story_told for t in sent]) & HANDLED:
            faced = [a for a in armed_beside(event, story_told, actors, doc) if armed_force(a)]
        if faced:  # a crowd's violence that the police or soldiers faced or broke up: they are its second side
            facts.side2 = faced[0].acled_inter or 1  # to ACLED, whoever else the crowd hurt
    if not facts.side2 and facts.acts & {"remote", "attack"} and not facts.cues & {"two_sided", "armed_target"} \
            and not reciprocal and hurt(event):  # "a bomb went off in the market, killing two": the dead nobody
        facts.side2 = 7                        # names as fighters are civilians to ACLED
    if facts.side2 == 7 and target is not None and place_like(target, book) and not any(
            event.quantities.get(k) for k in TOLLS):  # "shelled the village" (no one hurt): no civilian side
        facts.side2 = 0
    if facts.side2 == 7 and "attack" in facts.acts and victim_tied_to_armed(
            [*sentences, *([following] if following is not None else [])], book):
        facts.side2 = 3  # "a man was shot dead. The victim was a gang member": one of an armed group's men
    if doer is not None and is_crowd(doer, doc):
        facts.cues.add("crowd")
    if trigger is not None and perceived(trigger.root, book.heard_verbs):
        facts.cues.add("heard_from_afar")
    if hurt(event):
        facts.cues.add("hurt")
    return facts


VICTIM_NOUNS = frozenset({"victim", "deceased"})
DESCRIBING_VERBS = frozenset({"be", "have", "involve", "link", "belong", "convict", "charge", "accuse", "suspect",
                              "know", "identify", "wanted"})


ABOUT = frozenset({"about", "on", "against", "from", "by"})


def victim_tied_to_armed(sentences: Iterable[SpacySpan], book: Codebook) -> bool:
    """Whether a clause describes the victim ("the victim", as its subject) by ties to a gang, a cartel or an
    armed group ("the victim had charges of drug trafficking", "the victim belonged to a gang"), not by whom
    it was attacked ("the victims were shot by a gang": the gang is the agent, no tie of theirs)."""
    for sent in sentences:
        for word in sent:
            if word.lemma_.lower() not in VICTIM_NOUNS or word.dep_ not in ("nsubj", "nsubjpass"):
                continue
            verb = word.head
            if verb.lemma_.lower() not in DESCRIBING_VERBS:
                continue
            # not who attacked them ("by a gang") nor what they told of ("information about gang activity")
            apart = {t.i for c in verb.subtree if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ in ABOUT)
                     for t in c.subtree}
            said = [t for t in verb.subtree if t.i not in apart and not word.left_edge.i <= t.i <= word.i]
            if "armed_ties" in book.cues.names_in(said):
                return True
    return False


def perceived(token: Token, verbs: frozenset[str]) -> bool:
    """Whether the event word is what a verb of perceiving saw or heard, a few steps up through its object
    ("monitors recorded a total of 40 explosions", "residents heard several blasts")."""
    for _ in range(4):
        slashed = token.dep_ == "nmod" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].text == "/"
        if (token.dep_ not in ("dobj", "pobj", "prep", "conj", "appos", "nsubjpass") and not slashed) \
                or token.head.i == token.i:  # "explosions/shots": the parser hangs the first on the second
            return False
        token = token.head
        if token.pos_ == "VERB" and token.lemma_.lower() in verbs:
            return True
    return False


# ---------------------------------------------------------------- deciding
def holds(rule: Rule, facts: Facts, side1: int, side2: int) -> bool:
    if rule.acts and not rule.acts & facts.acts:
        return False
    if rule.means and not rule.means & facts.means or rule.no_means & facts.means:
        return False
    if not rule.all_means <= facts.means or not rule.all_cues <= facts.cues:
        return False
    if rule.cues and not rule.cues & facts.cues or rule.no_cues & facts.cues:
        return False
    if rule.near and not rule.near & facts.near:
        return False
    if rule.side1 is not None and side1 not in rule.side1:
        return False
    return rule.side2 is None or side2 in rule.side2


def interaction(inter1: int, inter2: int) -> int:
    """ACLED's interaction code: the two categories, lower first; a side alone is its category and 0."""
    if not inter2:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def decide(facts: Facts, book: Codebook) -> tuple[AcledCode, str | None]:
    """The ACLED code of an event and the id of the rule that decided it (None: no rule applies)."""
    for rule in book.rules:
        side1, side2 = (facts.side2, facts.side1) if rule.swap else (facts.side1, facts.side2)
        if not holds(rule, facts, side1, side2):
            continue
        if rule.type is None:
            return AcledCode(event_type=None, sub_event_type=None), rule.id
        inter1 = rule.force1 if rule.force1 is not None else side1 or rule.default1 or 0
        if inter1 == 7 and rule.type in book.armed_types:  # "a man shot a trader": an unidentified armed doer
            inter1 = book.unnamed_armed
        inter2 = rule.force2 if rule.force2 is not None else side2 or rule.default2 or 0
        return AcledCode(event_type=rule.type, sub_event_type=rule.sub, inter1=inter1 or None, inter2=inter2,
                         interaction=interaction(inter1, inter2) if inter1 else None), rule.id
    return AcledCode(event_type=None, sub_event_type=None), None
