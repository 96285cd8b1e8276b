"""Event triggers: which words of a parsed document report an event, and of which internal type.

Verbs and nouns are looked up in the lexicon (lemmas; multi-word keys such as "air strike", "pull out",
"open fire"). The type of an ambiguous trigger is chosen by the class of the word it governs ("lift
sanctions" vs "lift a curfew"); a governed word that is itself a trigger is folded into it ("attacks
would halt" is one ceasefire, not an attack). The constructions that join several triggers into one
event are handled in ``constructions.py``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..nlp import is_label
from ..wordtables import word_table
from .lexicon import Entry, Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PARTICLES = word_table("events.detect.particles")
OBJECT_DEPS = ("dobj", "nsubjpass", "attr", "oprd", "obj")
NAME_ENTITIES = frozenset({"ORG", "FAC", "WORK_OF_ART", "LAW", "PRODUCT", "GPE", "PERSON", "NORP", "LOC"})
OBJECT_PREPS = word_table("events.detect.object_preps")
MEANS_PARTICIPLES = word_table("events.detect.means_participles")
TRANSITIVE_SENSELESS = word_table("events.detect.transitive_senseless")
STANCES = word_table("events.detect.stances")


@dataclass
class Mention:
    """One trigger found in the text, before it becomes an Event."""

    type: str
    head: Token            # the trigger word (noun or verb)
    start: int             # character offsets of the trigger words in the input text
    end: int
    anchor: Token          # where the event's arguments hang (the support verb of "carried out strikes")
    focus: Token           # whose mood is the event's (the complement of "vowed to recapture")
    nominal: bool
    confidence: float = 0.6
    consumed: bool = False
    governed: Token | None = None  # the object whose class chose the type, if one did
    partner: Token | None = None   # an attack noun joined to this outcome verb ("a strike by X killed 9")
    caller: Token | None = None    # the verb of a call to keep this truce ("called on X to observe a ceasefire")
    rule: str = ""                 # what decided the type: "lexicon.verb:attack", "frame.agree", "mood.demand" …
    joined: list[str] = field(default_factory=list)  # types of mentions of the same event joined into it

    def recode(self, event_type: str, rule: str) -> None:
        """A construction that changes the type says which it was (Event.decided_by["type"])."""
        self.type, self.rule = event_type, f"{rule} (over {self.rule})" if self.rule else rule


def is_verb(token: Token) -> bool:
    return token.pos_ == "VERB" or (token.tag_.startswith("VB") and token.pos_ != "AUX")


def is_noun(token: Token) -> bool:
    return token.pos_ in ("NOUN", "PROPN") or token.tag_.startswith("NN")


def lemma(token: Token) -> str:
    return token.lemma_.lower().replace("-", " ")


def verb_keys(token: Token) -> Iterator[str]:
    """Candidate lexicon keys for a verb: with its particle, its idiomatic object or preposition, alone."""
    for key, _ in verb_keys_with_object(token):
        yield key


def verb_keys_with_object(token: Token) -> Iterator[tuple[str, Token | None]]:
    """The keys of `verb_keys`, each with the object word it includes ("open [fire]"), if any."""
    base = lemma(token)
    for child in token.children:
        if child.dep_ == "prt" or (child.dep_ == "advmod" and child.lower_ in PARTICLES):
            yield f"{base} {child.lower_}", None
    for child in token.children:
        if child.dep_ == "dobj":
            yield f"{base} {lemma(child)}", child
        elif child.dep_ == "prep" and child.i > token.i and not _of_time(child):
            yield f"{base} {child.lower_}", None  # not an adjunct before the verb ("On Monday, crowds set …"),
            # nor one of time after it ("called the minister on Monday" is no "call on")
    yield base, None
    for variant in lemma_variants(token.lower_):
        if variant != base:
            yield variant, None


def _of_time(prep: Token) -> bool:
    return any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in prep.children)


def lemma_variants(word: str) -> list[str]:
    """Base forms to try when the tagger's lemma is odd ("staged" → "stag"): the word, then the word
    without its inflection (-ed, -d, -ied → -y, -ing, -ing → -e, -s)."""
    found = [word]
    if word.endswith("ied"):
        found.append(word[:-3] + "y")
    if word.endswith("ed"):
        found += [word[:-1], word[:-2]]
    if word.endswith("ing"):
        found += [word[:-3], word[:-3] + "e"]
    if word.endswith("s") and not word.endswith("ss"):
        found.append(word[:-1])
    return found


def noun_keys(doc: Doc, i: int, longest: int) -> Iterator[tuple[str, int]]:
    """Candidate keys ending at noun ``i``, longest first, with the index of their first token."""
    words: list[tuple[str, int]] = []
    j, first = i, doc[i].sent.start
    while j >= first and len(words) < longest:
        token = doc[j]
        if token.is_punct and token.text == "-":
            j -= 1
            continue
        if token.is_punct or token.is_space:
            break
        words.append((lemma(token) if j == i else token.lower_.replace("-", " "), j))
        j -= 1
    for n in range(len(words), 0, -1):
        part = words[:n][::-1]
        yield " ".join(w for w, _ in part), part[0][1]
        start = doc[part[0][1]]
        if n > 2 and start.tag_ == "NNS" and part[1][0] == "of":  # "bursts of fire": the head is the first word
            yield " ".join([lemma(start), *(w for w, _ in part[1:])]), part[0][1]
    if doc[i].lower_ != lemma(doc[i]):
        yield doc[i].lower_, i


# classes a word has only by itself, never through a modifier: "killed a drug dealer" is a killing, though
# "killed the drug bill" is not (the dealer is no abstract thing because drugs are)
HEAD_CLASSES = frozenset({"abstract"})


def word_classes(token: Token, lexicon: Lexicon) -> tuple[str, ...]:
    """The lexicon classes of a word, looked up with its compound or adjective modifier first."""
    found: list[str] = []
    base = lemma(token)
    modifiers = [c for c in token.children if c.dep_ in ("compound", "amod")]
    for child in modifiers:
        if child.i == token.i - 1:
            found.extend(lexicon.classes.get(f"{child.lower_} {base}", ()))
    found.extend(lexicon.classes.get(base, ()))
    found.extend(lexicon.classes.get(token.lower_, ()))
    for child in modifiers:  # a participle as itself: "a planned attack" is no "attack plan"
        participle = child.dep_ == "amod" and child.tag_ in ("VBN", "VBG")
        found.extend(c for c in lexicon.classes.get(child.lower_ if participle else lemma(child), ())
                     if c not in HEAD_CLASSES)
    return tuple(found)


def governed_words(token: Token, nominal: bool) -> list[Token]:
    """The words a trigger governs: objects and prepositional objects (and their conjuncts)."""
    direct = [c for c in token.children if c.dep_ in OBJECT_DEPS or c.dep_ in ("xcomp", "ccomp", "acomp")]
    direct += [g for d in direct for p in d.children if p.dep_ == "prep" and p.lower_ == "of"
               for g in p.children if g.dep_ == "pobj"]  # "tons of food", "a mission of observers"
    if nominal:  # a participle describes, it is no argument: "a planned attack"
        direct += [c for c in token.children if c.dep_ == "compound" or (c.dep_ == "amod"
                                                                          and c.tag_ not in ("VBN", "VBG"))]
        direct += [o for c in token.children if c.dep_ == "acl" and c.lemma_ in MEANS_PARTICIPLES
                   for o in c.children if o.dep_ == "dobj"]  # "shots involving small arms"
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in OBJECT_PREPS):
        direct += [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
    if not nominal and not any(c.dep_ in OBJECT_DEPS for c in token.children):
        direct += [c for c in token.children if c.dep_ == "nsubj"]
    return direct + [c for d in direct for c in d.conjuncts]


def noun_governed(token: Token) -> list[Token]:
    """A noun's governed words, and its support verb's ("an agreement was struck [for a ceasefire]"); then
    who holds it ("the teachers' strike") and the support verb's subject ("teachers resumed their strike"),
    which tell its sense after what it governs does."""
    words = governed_words(token, True)
    holders = [c for c in token.children if c.dep_ == "poss"]
    if token.dep_ in ("nsubjpass", "dobj") and is_verb(token.head):
        words += [w for w in governed_words(token.head, False) if w.i != token.i]
        holders += [c for c in token.head.children if c.dep_ == "nsubj"]
    return words + holders + [c for h in holders for c in h.conjuncts]


def choose_type(entry: Entry, words: list[Token], lexicon: Lexicon) -> tuple[str, Token | None]:
    """The entry's type for the first of its classes that one of the governed words belongs to."""
    if entry.by_class:
        classes = {w.i: word_classes(w, lexicon) for w in words}
        for wanted, event_type in entry.by_class:
            for word in words:
                if wanted in classes[word.i]:
                    return event_type, word
    return entry.default, None


SUBJECT_CLASSES = word_table("events.detect.subject_classes")


def _weapon_subject(token: Token, entry: Entry, lexicon: Lexicon) -> tuple[str, Token] | None:
    """The sense a verb's subject gives it when the subject is itself a weapon ("rockets hit the town"), and that
    subject; a weapon only modifying the subject gives none ("a drone attack hit the port")."""
    subjects = [w for c in token.children if c.dep_ == "nsubj" for w in (c, *c.conjuncts)]
    for wanted, event_type in entry.by_class:
        if wanted in SUBJECT_CLASSES:
            for word in subjects:
                if wanted in lexicon.classes.get(lemma(word), ()):
                    return event_type, word
    return None


def may_open_verb_key(token: Token, starts: frozenset[str]) -> bool:
    """Whether any of `verb_keys(token)` can be a key of a table whose keys' starts are `starts`
    (`Lexicon.verb_key_starts`): each key is the lemma, the lemma and more words, or an inflection variant
    (a cheap test that most words fail, before the keys are built)."""
    return lemma(token) in starts or any(v in starts for v in lemma_variants(token.lower_))


def may_end_noun_key(token: Token, lexicon: Lexicon) -> bool:
    """Whether any of `noun_keys` ending at this noun can be a key of the noun table: each ends with the lemma,
    or is the word as written (a cheap test that most words fail, before the keys are built)."""
    return lemma(token) in lexicon.noun_key_ends or token.lower_ in lexicon.nouns


def _verb_mention(token: Token, lexicon: Lexicon) -> Mention | None:
    if not may_open_verb_key(token, lexicon.verb_key_starts):
        return None
    for key, idiom_object in verb_keys_with_object(token):
        entry = lexicon.verbs.get(key)
        if entry is None:
            continue
        if key in TRANSITIVE_SENSELESS and _has_object(token):
            return None  # "the firm demonstrated its software": no protest has an object
        words = governed_words(token, False)
        described = token.head if token.dep_ == "acl" and token.tag_ == "VBN" else None
        if described is not None:  # a reduced relative: "the children seized by bandits"
            words.append(described)
        event_type, governed = choose_type(entry, words, lexicon)
        if token.dep_ == "amod" and token.tag_ == "VBG" and entry.by_class:
            # an adjective ("striking teachers", "burning tyres", "a striking portrait"): the noun it describes
            # chooses the sense, as the noun's own entry would; a noun of no class those senses know, none
            noun_entry = lexicon.nouns.get(key, entry)
            sense, described_by = choose_type(noun_entry, [token.head], lexicon)
            if described_by is None:
                return None
            if noun_entry is not entry:
                event_type, governed = sense, described_by
        if described is not None and governed is described and not entry.default \
                and SUBJECT_CLASSES.intersection(word_classes(described, lexicon)):
            return None  # "the drones launched by Russia": the weapon is told of by the verb it is the object of
        if not event_type and governed is not None and governed.dep_ == "nsubj" and governed.head.i == token.i:
            event_type, governed = entry.default, None  # a subject vetoes no sense: "the officer fired at them"
        weapon = None
        if governed is None and (by_subject := _weapon_subject(token, entry, lexicon)) is not None:
            event_type, weapon = by_subject
        if not event_type:
            return None
        if governed is not None and governed.i == token.head.i and token.dep_ == "acl":
            governed = None  # the noun classifies the verb but is not its object to absorb ("a truce brokered by")
        chosen = f" by its object's class ({governed.lower_})" if governed is not None and entry.by_class else ""
        if weapon is not None:
            chosen = f" by its subject's class ({weapon.lower_})"
        return Mention(event_type, token, token.idx, token.idx + len(token.text), token, token,
                       nominal=False, governed=governed or idiom_object, rule=f"lexicon.verb:{key}{chosen}")
    return None


def _has_object(verb: Token) -> bool:
    """A direct object right after the verb, before any phrase hung on it ("demonstrated its new software to
    investors"); not one the parser hung on it from further on ("demonstrated in the city demanding wages"), nor
    a feeling or a stance one shows by protesting ("demonstrated their anger", "demonstrated solidarity")."""
    after = [c for c in verb.children if c.i > verb.i and c.dep_ in ("dobj", "prep", "advcl", "xcomp")]
    return bool(after) and after[0].dep_ == "dobj" and after[0].left_edge.i <= verb.i + 3 \
        and after[0].lemma_.lower() not in STANCES  # "demonstrated their anger": a protest still


def faced(token: Token, lexicon: Lexicon) -> bool:
    """ "face the threat of", "poses a risk to": a danger faced or posed, no act of its own."""
    return lemma(token) in lexicon.faced_nouns and token.dep_ in ("dobj", "attr", "nsubjpass") \
        and lemma(token.head) in lexicon.faced_verbs


CHARGE_PREPOSITIONS = word_table("events.detect.charge_prepositions")


def named_as_charge(token: Token, lexicon: Lexicon) -> bool:
    """ "charged with murder", "convicted of assault", "pleaded guilty to arson", "murder charges": a bare crime noun
    (no article, owner, number or "of" argument) that a charge word governs names what someone is accused of, not an
    act told of its own (lexicon [charged]); "arrested for the killing of a herder" stays an event."""
    if any(c.dep_ in ("det", "poss", "nummod") or (c.dep_ == "prep" and c.lower_ == "of") for c in token.children):
        return False
    if token.dep_ in ("compound", "amod", "nmod") and token.head.i != token.i:
        return lemma(token.head) in lexicon.charge_nouns
    if token.dep_ == "pobj" and token.head.lower_ in CHARGE_PREPOSITIONS and token.head.head.i != token.head.i:
        governor = lemma(token.head.head)
        return governor in lexicon.charge_governors or governor in lexicon.charge_nouns
    return False


def names_a_kind(doc: Doc, token: Token, lexicon: Lexicon) -> bool:
    """ "the riot police", "an arrest warrant", "a murder suspect": a trigger noun modifying a noun that names a person,
    a unit, a tool or a document (lexicon [modifier]); "an aid package", "a shooting incident" stay events."""
    head = token.head
    if token.dep_ != "compound" or head.i == token.i or head.i < token.i or not is_noun(head):
        return False
    return lemma(head) in lexicon.thing_heads


def modifies_as_adjective(token: Token) -> bool:
    """ "life-threatening injuries", "a rebel-held town", "Iran-backed militias": a participle joined by a hyphen to
    the word before it describes the noun it modifies; it reports no event of its own."""
    return token.dep_ == "amod" and token.tag_ in ("VBG", "VBN") and token.i > 0 \
        and token.nbor(-1).text == "-" and not token.nbor(-1).whitespace_


def _noun_mention(doc: Doc, token: Token, lexicon: Lexicon) -> Mention | None:
    if not may_end_noun_key(token, lexicon) or faced(token, lexicon) or names_a_kind(doc, token, lexicon) \
            or named_as_charge(token, lexicon):
        return None
    for key, first in noun_keys(doc, token.i, lexicon.longest):
        entry = lexicon.nouns.get(key)
        if entry is None:
            continue
        event_type, governed = choose_type(entry, noun_governed(token), lexicon)
        if not event_type:
            return None
        chosen = f" by its governed word's class ({governed.lower_})" if governed is not None else ""
        return Mention(event_type, token, doc[first].idx, token.idx + len(token.text), token, token,
                       nominal=True, governed=governed, rule=f"lexicon.noun:{key}{chosen}")
    return None


def part_of_a_name(token: Token) -> bool:
    """An event noun written as part of a proper name in running text ("Treva Battle", "Fort Attack Road"): a
    capitalised word joined to another one, not at the start of its sentence, in a sentence not in title case (a
    headline capitalises every word: "Firefighters Battle Blaze")."""
    if token.tag_ != "NNP" or token.i == token.sent.start:
        return False
    neighbours = [token.doc[j] for j in (token.i - 1, token.i + 1) if token.sent.start <= j < token.sent.end]
    if not any(t.tag_ == "NNP" and t.is_title for t in neighbours):
        return False
    words = [t for t in token.sent if t.is_alpha and len(t) > 3]
    return sum(t.is_title for t in words) * 2 < len(words)


def find_mentions(doc: Doc, lexicon: Lexicon) -> list[Mention]:
    """Every trigger word of the document, verbs and nouns, in text order."""
    found: list[Mention] = []
    for token in doc:
        if token.is_space or token.is_punct or not token.text.strip():
            continue
        mention, verb = None, is_verb(token)
        if verb and modifies_as_adjective(token):
            continue
        if verb:
            mention = _verb_mention(token, lexicon) or _crowd_mention(token, lexicon)
            if mention is None and token.lower_ == lemma(token):  # "ceasefire" tagged as a verb
                mention = _noun_mention(doc, token, lexicon)
        elif is_noun(token) and token.ent_type_ not in NAME_ENTITIES and not part_of_a_name(token):
            mention = (_shot_dead(token) or _noun_mention(doc, token, lexicon) or _verb_as_noun(token, lexicon)
                       or _gathering_mention(token))
        if mention is not None:
            found.append(mention)
    disrupting = {m.head.i for m in found if not m.nominal and m.type in DISRUPTING}
    found = [m for m in found if not (m.nominal and m.head.dep_ in ("dobj", "nsubjpass") and m.head.head.i in disrupting)]
    return _without_labels(doc, found, lexicon)


def _without_labels(doc: Doc, found: list[Mention], lexicon: Lexicon) -> list[Mention]:
    """Leave out the triggers of a label before a colon ("Clashes: On 3 May, troops shelled …") when the sentence after
    it tells an event of the same kind: the label names it, the clause tells it. A label whose kind the clause does not
    tell again ("Bomb blast in Kabul: Taliban claims responsibility") keeps its event."""
    sents = list(doc.sents)
    dropped: set[int] = set()
    for k, sent in enumerate(sents[:-1]):
        if not is_label(sent):
            continue
        nxt = sents[k + 1]
        told = {lexicon.types[m.type].plover for m in found if nxt.start <= m.head.i < nxt.end}
        dropped |= {id(m) for m in found if sent.start <= m.head.i < sent.end and lexicon.types[m.type].plover in told}
    return [m for m in found if id(m) not in dropped]


# "Police defused a roadside bomb", "troops found an IED": the weapon named as the object of a verb that stops it or
# takes it is no explosion of its own.
DISRUPTING = frozenset({"disrupted_weapons", "weapons_seized"})


def _verb_as_noun(token: Token, lexicon: Lexicon) -> Mention | None:
    """A verb-lexicon word the tagger took for a noun in a headline ("Turkey, Russia agree truce")."""
    if token.dep_ != "ROOT" or lemma(token) not in lexicon.verbs:
        return None
    return _verb_mention(token, lexicon)


SHOT_DEAD = "shooting"


def _shot_dead(token: Token) -> Mention | None:
    """ "Gunmen shot dead a shopkeeper": the tagger often takes "shot" for a noun and "dead" for the verb of
    the clause; the shooting is then told by the pair, with its arguments on "dead"."""
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if token.lower_ != "shot" or following is None or following.lower_ != "dead" or token.dep_ == "nsubj":
        return None
    anchor = following if following.dep_ == "ROOT" or following.head.i == token.i else token
    return Mention(SHOT_DEAD, token, token.idx, following.idx + len(following.text), anchor, anchor, nominal=False,
                   rule="detect.shot_dead")


CROWD_TYPE = "protest"


PLEA_WORDS = word_table("events.detect.plea_words")
GATHERING_NOUNS = word_table("events.detect.gathering_nouns")
PURPOSE_DEPS = ("xcomp", "advcl", "conj", "relcl", "acl")
CROWD_WORDS = ("hundreds", "thousands", "dozens")


def _pleads(child: Token) -> bool:
    return child.dep_ in PURPOSE_DEPS and any(lemma(c) in PLEA_WORDS for c in (child, *child.conjuncts))


def _pleading(token: Token) -> bool:
    """Whether a gathering says what it wants: "gathered to demand …", "demanding …", "against the new law",
    "to hand in a letter and to press the council" (any of the purposes joined by "and"), also when the parser
    hung the purpose on a noun of the gathering's place or time ("gathered outside the ministry during the
    minister's visit to demand …")."""
    for child in token.children:
        if _pleads(child):
            return True
        if child.dep_ == "prep" and child.lower_ == "against":
            return True
        if child.dep_ == "prep" and any(_purpose_below(g) for g in child.children if g.dep_ == "pobj"):
            return True
    return False


def _purpose_below(noun: Token, depth: int = 0) -> bool:
    """A purpose infinitive ("to demand …") on a noun of a prepositional phrase, or on one it governs in turn."""
    if any(c.dep_ in ("acl", "relcl") and any(a.lower_ == "to" for a in c.children) and _pleads(c) for c in noun.children):
        return True
    return depth < 2 and any(_purpose_below(g, depth + 1) for p in noun.children if p.dep_ == "prep"
                             for g in p.children if g.dep_ == "pobj")


def _people(subject: Token) -> bool:
    return subject.tag_ in ("NNS", "NNPS") or subject.lower_ in CROWD_WORDS


def _crowd_subjects(token: Token) -> list[Token]:
    """The verb's subjects, those they join ("the retirees' association and teachers"), the people an
    apposition names ("Natal, bus drivers"), and the group of an "of" ("thousands of protesters")."""
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    subjects += [c for s in subjects for c in (*s.conjuncts, *(a for a in s.children if a.dep_ == "appos"))]
    subjects += [g for s in subjects for p in s.children if p.dep_ == "prep" and p.lower_ == "of"
                 for g in p.children if g.dep_ == "pobj"]
    return subjects


def _gathering_mention(token: Token) -> Mention | None:
    """A gathering named by a noun that is no protest word of its own ("a motorcade", "a procession"), held by
    people and saying what it wants ("drivers held a motorcade to demand …"): a protest."""
    if lemma(token) not in GATHERING_NOUNS:
        return None
    if token.dep_ == "dobj":  # "drivers held a motorcade to demand …"
        if not (_pleading(token) or _pleading(token.head)) or not any(_people(s) for s in _crowd_subjects(token.head)):
            return None
    elif token.dep_ != "nsubj" or not (lemma(token.head) in PLEA_WORDS or _pleading(token.head)):
        return None  # "a motorcade of drivers demanded …"
    return Mention(CROWD_TYPE, token, token.idx, token.idx + len(token.text), token, token, nominal=True,
                   confidence=0.5, rule=f"detect.gathering:{lemma(token)}")


def _crowd_mention(token: Token, lexicon: Lexicon) -> Mention | None:
    """A crowd verb whose subject is protesters ("Demonstrators filled the avenue"), or people who gather to
    demand something ("residents gathered outside the town hall demanding water"): a protest."""
    if not may_open_verb_key(token, lexicon.verb_key_starts) or not any(key in lexicon.crowd_verbs for key in verb_keys(token)):
        return None
    subjects = _crowd_subjects(token)
    protesters = any("demonstrators" in word_classes(s, lexicon) for s in subjects)
    people = any(_people(s) for s in subjects)
    if not protesters and not (people and _pleading(token)):
        return None
    return Mention(CROWD_TYPE, token, token.idx, token.idx + len(token.text), token, token, nominal=False,
                   confidence=0.5, rule=f"detect.crowd:{lemma(token)}")
