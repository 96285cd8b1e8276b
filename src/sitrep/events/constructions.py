"""Constructions that join trigger words into one event, applied in order over a document's mentions.

1. Governed triggers: a trigger whose object class chose its type absorbs that object's own
   trigger ("attacks would halt" → one ceasefire; "signed the agreement" → one signing).
2. Support verbs: "carried out strikes", "an agreement was struck", "paid a visit": the noun names
   the event; the verb carries its arguments, tense and mood (passives included).
3. Frames: "agreed to a ceasefire", "vowed to recapture Idlib", "refused to meet": the governing
   verb and its complement event are one event coded from both (docs/events.md).
4. Outcomes: "was killed by a U.S. drone strike", "killed in shelling": the casualty verb takes the
   attack's type; one event.
5. Instruments: a generic attack ("pounded", "attack") is made specific by the weapon named in its
   clause ("by Russian jets" → air strike).
Finally each surviving mention gets a confidence from how central its clause is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..wordtables import word_table
from .detect import Mention, is_verb, lemma, may_open_verb_key, verb_keys, word_classes
from .lexicon import Lexicon, normalize

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

REPORTING = word_table("events.constructions.reporting")
CLAUSE_BREAKS = frozenset({"ccomp", "advcl", "relcl", "parataxis", "conj", "csubj"})
OUTCOME_PREPS = word_table("events.constructions.outcome_preps")
SUPPORT_DEPS = ("dobj", "nsubjpass", "attr", "obj")


def apply_constructions(mentions: list[Mention], lexicon: Lexicon) -> list[Mention]:
    """Join, re-type and score the mentions; return those that remain events of their own."""
    by_token = {m.head.i: m for m in mentions}
    absorb_governed(mentions, by_token)
    attach_support_verbs(mentions, by_token, lexicon)
    apply_frames(mentions, by_token, lexicon)
    join_outcomes(mentions, by_token, lexicon)
    agreed_ceasefires(mentions, by_token, lexicon)
    join_participles(mentions, by_token, lexicon)
    drop_purposes(mentions, by_token)
    drop_game_talk(mentions)
    live = [m for m in mentions if not m.consumed]
    anchors = {m.anchor.i for m in live} | {m.head.i for m in live}
    for mention in live:
        refine_instrument(mention, lexicon)
        recode_by_participants(mention, lexicon)
        apply_mood(mention, lexicon)
        mention.confidence = centrality(mention, anchors)
    return live


GAME_WORDS = word_table("events.constructions.game_words")
GAME_VIOLENCE = word_table("events.constructions.game_violence")
GAME_TYPES = word_table("events.constructions.game_types")


def drop_game_talk(mentions: list[Mention]) -> None:
    """Fights, beatings and captures told of a game are figures of speech: "United beat City 2-1 to take the
    title", "the striker attacked the ball" (the word tables events.constructions.game_*)."""
    verdicts: dict[int, bool] = {}
    for mention in mentions:
        if mention.consumed or mention.type not in GAME_TYPES:
            continue
        sent = mention.head.sent
        if sent.start not in verdicts:
            verdicts[sent.start] = _game_talk(sent)
        if verdicts[sent.start]:
            mention.consumed = True
            mention.rule = f"construction.game_talk (over {mention.rule})"


def _game_talk(sent: Span) -> bool:
    lemmas = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
    if lemmas & GAME_VIOLENCE:
        return False
    score = any(t.like_num and i + 2 < len(sent) and sent[i + 1].text in ("-", "–") and sent[i + 2].like_num
                for i, t in enumerate(sent)) or any(_scoreline(t.text) for t in sent)
    return len(lemmas & GAME_WORDS) >= 2 or (score and bool(lemmas & GAME_WORDS))


def _scoreline(word: str) -> bool:
    """ "2-1", "110-90": two numbers joined by a dash (not a date: no four-digit year)."""
    left, dash, right = word.partition("-") if "-" in word else word.partition("–")
    return bool(dash) and left.isdigit() and right.isdigit() and len(left) <= 3 and len(right) <= 3


def _mention_at(token: Token, by_token: dict[int, Mention]) -> Mention | None:
    mention = by_token.get(token.i)
    return mention if mention is not None and not mention.consumed else None


def absorb_governed(mentions: list[Mention], by_token: dict[int, Mention]) -> None:
    for mention in mentions:
        if mention.governed is None or mention.consumed:
            continue
        inner = _mention_at(mention.governed, by_token)
        if inner is not None and inner is not mention:
            inner.consumed = True


def _support_verb(noun: Token, lexicon: Lexicon) -> Token | None:
    """The verb that supports a nominal trigger: "carried out [strikes]", "[agreement] was struck"."""
    while noun.dep_ == "conj" and noun.head.i != noun.i:  # "launched missile, drone and artillery strikes"
        noun = noun.head
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in ("for", "on") and is_verb(head.head):
        verb = head.head
        return verb if any(key in lexicon.light_for for key in verb_keys(verb)) else None
    if noun.dep_ not in SUPPORT_DEPS:
        return None
    if not is_verb(head):
        return None
    return head if any(key in lexicon.light_verbs for key in verb_keys(head)) else None


def attach_support_verbs(mentions: list[Mention], by_token: dict[int, Mention], lexicon: Lexicon) -> None:
    for mention in mentions:
        if not mention.nominal or mention.consumed:
            continue
        verb = _support_verb(mention.head, lexicon)
        if verb is None:
            continue
        own = _mention_at(verb, by_token)
        if own is not None and own.type != mention.type and own.governed is None:
            continue  # "agreed a ceasefire": a frame, handled next
        if own is not None:
            own.consumed = True
        mention.anchor = mention.focus = verb


def _complement(token: Token, by_token: dict[int, Mention], lexicon: Lexicon) -> Mention | None:
    """The event a frame verb governs: its clausal complement or object, through a support verb."""
    candidates = [c for c in token.children if c.dep_ in ("xcomp", "ccomp", "dobj", "obj")]
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in ("to", "on", "for")):
        candidates += [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
    for word in candidates:
        found = _mention_at(word, by_token) or _anchored_at(word, by_token)
        if found is not None:
            return found
    return None


def _anchored_at(token: Token, by_token: dict[int, Mention]) -> Mention | None:
    for mention in by_token.values():
        if mention.anchor.i == token.i and not mention.consumed and mention.head.i != token.i:
            return mention
    return None


def frame_of(token: Token, lexicon: Lexicon) -> str | None:
    """The frame of a complement-taking verb ("vow", "refuse") or adjective ("ready", "willing")."""
    if token.pos_ == "ADJ":
        return lexicon.frame_verbs.get(lemma(token))
    if not is_verb(token) or not may_open_verb_key(token, lexicon.frame_key_starts):
        return None
    for key in verb_keys(token):
        if key in lexicon.frame_verbs:
            return lexicon.frame_verbs[key]
    return None


def _frame_type(frame: str, inner: Mention, lexicon: Lexicon) -> str:
    table = lexicon.frames.get(frame, {})
    kind = lexicon.types[inner.type]
    for key in (inner.type, kind.group, kind.plover):
        if key in table:
            return inner.type if table[key] == "self" else table[key]
    return table.get("default", "")


def apply_frames(mentions: list[Mention], by_token: dict[int, Mention], lexicon: Lexicon) -> None:
    """Fold the complement event of agree/vow/threaten/refuse/demand verbs into one event."""
    doc = mentions[0].head.doc if mentions else None
    for token in doc if doc is not None else ():
        frame = frame_of(token, lexicon)
        inner = _complement(token, by_token, lexicon) if frame else None
        if frame is None or inner is None or inner.head.i == token.i:
            continue
        event_type = _frame_type(frame, inner, lexicon)
        if not event_type:
            continue
        outer = _mention_at(token, by_token)
        if outer is None:
            end = token.idx + len(token.text)
            outer = Mention(event_type, token, token.idx, end, token, token, nominal=False)
            mentions.append(outer)
            by_token[token.i] = outer
        outer.recode(event_type, f"frame.{frame}:{lemma(token)}+{inner.type}")
        outer.focus, outer.governed = inner.focus, inner.head
        if presupposed_truce(inner, lexicon):
            outer.governed, inner.caller = None, token  # the call and the truce are two events
            continue
        inner.consumed = True


def presupposed_truce(inner: Mention, lexicon: Lexicon) -> bool:
    """A truce the complement takes as existing ("to observe a ceasefire", "to respect the truce")."""
    if lexicon.types[inner.type].group != "ceasefire" or not inner.nominal:
        return False
    verb = inner.head.head if inner.head.dep_ in ("dobj", "pobj") else None
    if verb is not None and verb.dep_ == "prep":  # "abide by the truce"
        verb = verb.head
    return verb is not None and lemma(verb) in lexicon.ceasefire_presupposed


def _attack_beside(mention: Mention, by_token: dict[int, Mention], lexicon: Lexicon) -> Mention | None:
    words = [c for c in mention.head.children if c.dep_ in ("nsubj", "agent")]
    preps = [c for c in mention.head.children if c.dep_ in ("prep", "agent") and c.lower_ in OUTCOME_PREPS]
    words += [g for p in preps for g in p.children if g.dep_ in ("pobj", "pcomp")]
    for word in words:
        found = _mention_at(word, by_token)
        if found is not None and found is not mention and lexicon.types[found.type].group == "violence":
            return found
    return None


def _attack_before(mention: Mention, by_token: dict[int, Mention], lexicon: Lexicon) -> Mention | None:
    """ "Fighting between X and Y killed 12": a subjectless attack word before the outcome verb that
    the parser hung on it as a clause (its subject is then a misparse; the attack's words hold the actors)."""
    for child in mention.head.children:
        found = _mention_at(child, by_token) if child.dep_ == "advcl" and child.i < mention.head.i else None
        if found is not None and lexicon.types[found.type].group == "violence" and \
                not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in child.children):
            return found
    return None


def join_outcomes(mentions: list[Mention], by_token: dict[int, Mention], lexicon: Lexicon) -> None:
    """An outcome verb beside an attack takes the attack's type: one event ("killed by a drone strike")."""
    for mention in mentions:
        if mention.consumed or mention.nominal or lemma(mention.head) not in lexicon.outcomes:
            continue
        attack = _attack_beside(mention, by_token, lexicon)
        if attack is not None:
            mention.recode(attack.type, f"outcome.beside_attack:{attack.head.lower_}")
            mention.partner = attack.head if attack.nominal else None
            attack.consumed = True
            continue
        attack = _attack_before(mention, by_token, lexicon)
        if attack is not None:
            mention.recode(attack.type, f"outcome.after_attack:{attack.head.lower_}")
            mention.anchor = attack.head
            attack.consumed = True


def join_participles(mentions: list[Mention], by_token: dict[int, Mention], lexicon: Lexicon) -> None:
    """ "paid a visit to Syria, meeting with Assad": a participle or coordinated verb of the same PLOVER
    type that hangs on another trigger, with no subject or time word of its own, reports the same event;
    so does a noun saying what another event was for ("visits Moscow for talks")."""
    for mention in mentions:
        anchor = mention.anchor
        if mention.consumed:
            continue
        if mention.nominal and anchor.dep_ == "pobj" and anchor.head.lower_ == "for":
            anchor = anchor.head  # "visits Moscow for talks": the talks are what the visit is for
        elif anchor.dep_ not in ("advcl", "conj", "xcomp") or anchor.i == anchor.head.i:
            continue
        if any(c.dep_ in ("mark", "nsubj", "nsubjpass") for c in anchor.children):
            continue
        host = _mention_at(anchor.head, by_token) or _anchored_at(anchor.head, by_token)
        if host is not None and host is not mention and \
                lexicon.types[host.type].plover == lexicon.types[mention.type].plover:
            mention.consumed = True  # its type stays one of the event's ("went on strike and marched": a march)
            host.joined += [t for t in [mention.type, *mention.joined] if t != host.type and t not in host.joined]


def agreed_ceasefires(mentions: list[Mention], by_token: dict[int, Mention], lexicon: Lexicon) -> None:
    """ "a truce brokered by elders", "a ceasefire was negotiated": a ceasefire someone brokered, signed
    or negotiated is an agreement between the parties (AGREE 0871), not one side's de-escalation;
    the brokering verb is part of it."""
    for mention in mentions:
        if mention.consumed or mention.type != "ceasefire" or not mention.nominal:
            continue
        noun = mention.head
        verbs = [c for c in noun.children if c.dep_ == "acl"]
        verbs += [noun.head] if noun.dep_ in ("dobj", "nsubjpass") else []
        for verb in verbs:
            if lemma(verb) in lexicon.ceasefire_agreed:
                mention.recode("ceasefire_agree", f"ceasefire.agreed:{lemma(verb)}")
                own = _mention_at(verb, by_token)
                if own is not None and own is not mention:
                    own.consumed = True


def drop_purposes(mentions: list[Mention], by_token: dict[int, Mention]) -> None:
    """ "paid a visit to express support", "staged rallies to demand reforms": an infinitive of purpose
    hanging on another event says why it happened, not that a second event did."""
    for mention in mentions:
        anchor = mention.anchor
        if mention.consumed or anchor.dep_ not in ("advcl", "relcl", "acl") or anchor.i == anchor.head.i:
            continue
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in anchor.children):
            continue
        host = by_token.get(anchor.head.i) or _anchored_at(anchor.head, by_token)
        if host is not None and host is not mention:
            mention.consumed = True


def participants(token: Token) -> tuple[list[Token], list[Token]]:
    """The doers (active subject, passive "by" agent) and targets (object, passive subject, "with"/
    "against" objects) of a verb, with their conjuncts."""
    doers = [c for c in token.children if c.dep_ == "nsubj"]
    doers += [g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    targets = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    targets += [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("with", "against", "on")
                for g in c.children if g.dep_ == "pobj"]
    doers += [c for d in doers for c in d.conjuncts]
    return doers, targets + [c for t in targets for c in t.conjuncts]


def recode_by_participants(mention: Mention, lexicon: Lexicon) -> None:
    """Riots and repression: the same act coded by who does it or suffers it ([participants])."""
    if mention.nominal:
        return
    doers, targets = participants(mention.anchor)
    for role, words in (("doers", doers), ("targets", targets)):
        classes = {c for word in words for c in word_classes(word, lexicon)}
        for word_class, roles in lexicon.participants.items():
            recoded = roles.get(role, {}).get(mention.type)
            if recoded and word_class in classes:
                mention.recode(recoded, f"participants.{word_class}.{role}")
                return


def clause_tokens(token: Token) -> list[Token]:
    """The words of the trigger's own clause: its subtree without embedded clauses."""
    found, stack = [], [token]
    while stack:
        current = stack.pop()
        found.append(current)
        stack.extend(c for c in current.children if c.dep_ not in CLAUSE_BREAKS or not is_verb(c))
    return sorted(found, key=lambda t: t.i)


def _instrument_type(tokens: list[Token], lexicon: Lexicon) -> str | None:
    for i, token in enumerate(tokens):
        if i > 1 and tokens[i - 1].text == "-" and tokens[i - 2].lower_ == "anti":
            continue  # "anti-aircraft" names a target, not a weapon
        if token.lower_ == "air" and token.dep_ == "pobj" and token.head.lower_ in ("in", "into"):
            continue  # "fired into the air": warning shots, not an air strike
        pair = normalize(f"{tokens[i - 1].lower_} {lemma(token)}") if i else ""
        for key in (pair, lemma(token), token.lower_):
            if key and key in lexicon.instruments:
                return lexicon.instruments[key]
    return None


def refine_instrument(mention: Mention, lexicon: Lexicon) -> None:
    """Make a generic attack specific from the weapon its clause names."""
    if mention.type not in lexicon.refinable:
        return
    tokens = clause_tokens(mention.anchor)
    if mention.head.i != mention.anchor.i:
        tokens = sorted({t.i: t for t in tokens + clause_tokens(mention.head)}.values(), key=lambda t: t.i)
    found = _instrument_type(tokens, lexicon)
    if found is not None and found != mention.type:
        mention.recode(found, "instrument.refine")


OCCURRENCE = word_table("events.constructions.occurrence")


def occurs(noun: Token) -> bool:
    """A noun that a clause says happened: "clashes broke out", "a shoot-out took place", "there was a clash"."""
    verb = noun.head
    if noun.dep_ == "nsubj" and lemma(verb) in OCCURRENCE:
        return True
    return noun.dep_ == "attr" and lemma(verb) == "be" and any(c.dep_ == "expl" for c in verb.children)


def centrality(mention: Mention, anchors: set[int]) -> float:
    """Confidence from the clause: main-clause verbs, and nouns a clause says happened, score highest;
    words inside other events lowest."""
    bare_noun = mention.nominal and mention.anchor.i == mention.head.i and not occurs(mention.head)
    score = 0.55 + (0.0 if bare_noun else 0.1)
    depth, node = 0, mention.anchor
    while node.head.i != node.i:
        node = node.head
        if node.i in anchors:
            score -= 0.1
        elif is_verb(node) and lemma(node) not in REPORTING:
            depth += 1
    score -= 0.04 * min(depth, 4)
    if mention.governed is not None:
        score += 0.03
    return round(max(0.2, min(0.95, score)), 3)


def _auxiliaries(token: Token) -> set[str]:
    """The modal and negation words of a verb, and of the verb or adjective it depends on via xcomp."""
    words = {c.lower_ for c in token.children if c.dep_ in ("aux", "neg", "auxpass")}
    if token.dep_ == "xcomp" and token.head.i != token.i:
        words |= {c.lower_ for c in token.head.children if c.dep_ in ("aux", "neg")}
    return words


def _reported(token: Token, reporting: frozenset[str]) -> bool:
    """Whether a clause is what someone says they will do: the complement of a reporting verb."""
    node = token.head if token.dep_ == "xcomp" else token
    return node.dep_ in ("ccomp", "parataxis") and lemma(node.head) in reporting


def _unless(token: Token) -> bool:
    """ "will withdraw unless …": a future act made conditional on the other side is a threat."""
    return any(m.lower_ == "unless" for c in token.children if c.dep_ == "advcl" for m in c.children)


def apply_mood(mention: Mention, lexicon: Lexicon) -> None:
    """Code the intent, demand or refusal a verb's mood expresses (CAMEO 03/13, 10, 12)."""
    kind = lexicon.types[mention.type]
    mood = lexicon.mood
    verb = mention.focus if mention.governed is None or mention.nominal else mention.anchor
    if mention.type in mood["exempt"] or kind.plover in ("OTHER", "THREATEN", "REQUEST", "REJECT") \
            or not is_verb(verb):
        return
    words = _auxiliaries(verb)
    negated = bool(words & {"not", "n't", "never", "no"})
    if kind.group == "agree" and not negated and not words & mood["obligation"]:
        return
    if negated and kind.plover in mood["cooperative"]:
        frame = "reject"
    elif negated:
        return
    elif words & mood["obligation"]:
        frame = "demand"
    elif words & mood["future"] and _reported(verb, mood["reporting"]):
        frame = "threaten" if _unless(verb) else "intend"
    else:
        return
    recoded = _frame_type(frame, mention, lexicon)
    if recoded:
        mention.recode(recoded, f"mood.{frame}")
