"""What kind of event a report is, for the merge: a ceasefire, a violent event, or its PLOVER type.

Kinds are the first blocking key: only reports of one kind are ever compared. A ceasefire is
recognised by its code (PLOVER mode ``ceasefire``, CAMEO 0871) or, when the coder filed an agreement
or a concession about one, by the word in its trigger, because "agree to a ceasefire" and "declare a
truce" are one thing to an analyst following whether it holds. A war that was ended, in a sentence that
names no truce, is a peace and no ceasefire (a truce exists only where a text says one was agreed,
declared or is in force).
"""

from __future__ import annotations

import re

from ..models import Event

CEASEFIRE = "ceasefire"
_TRUCE_WORDS = re.compile(r"\b(?:cease[- ]?fires?|truces?|armistices?|cessation of hostilities)\b", re.I)
_ENDED_WAR = re.compile(r"(?:end|ended|ending|ends)\b\W+(?:[\w'’-]+\W+){0,3}?wars?\b", re.I)
_KEEP_TO = re.compile(r"\b(?:observe|respect|abide by|honou?r|uphold|adhere to|stick to|maintain)\s+"
                      r"(?:(?:a|an|the|their|its)\s+)?(?:[\w-]+\s+)?$", re.I)
_SOUGHT_BEFORE = re.compile(r"\b(?:talks|negotiations?|discussions?|proposals?|plans?|push|calls?|hopes?|"
                            r"efforts?|bids?|appeals?|pressure)\s+(?:on|for|over|about|towards?)\s+"
                            r"(?:(?:a|an|the|new|lasting|permanent|possible|another)\s+)?$", re.I)
_SOUGHT_AFTER = re.compile(r"^\s+(?:talks|negotiations|discussions|proposals?|plans?|efforts?|bids?)\b", re.I)
NOT_REAL = {"requested", "threatened", "conditional", "hypothetical", "negated", "denied"}
_TRUCE_TYPES = {"AGREE", "RETREAT", "CONCEDE", "COOPERATE", "SUPPORT"}  # not CONSULT: talks on a truce are talks
VIOLENT_TYPES = {"ASSAULT"}
VIOLENT_ACLED = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


def is_ceasefire(event: Event) -> bool:
    """True for declarations, agreements and implementations of a ceasefire or truce."""
    if (event.plover.mode or "").lower() == CEASEFIRE or (event.cameo or "").startswith("0871"):
        return not ends_a_war(event)
    if event.plover.type.upper() not in _TRUCE_TYPES:
        return False
    words = " ".join(s.text for s in ([event.trigger] if event.trigger else []) + event.evidence[:1])
    return bool(_TRUCE_WORDS.search(words))


def ends_a_war(event: Event) -> bool:
    """A war that was ended ("jets that helped end the war in the Balkans") is a peace, not a truce: a
    ceasefire coded from a verb of stopping whose object is a war, in a sentence naming no truce."""
    trigger, evidence = event.trigger, event.evidence[:1]
    if trigger is None or not evidence or _TRUCE_WORDS.search(evidence[0].text):
        return False
    after = evidence[0].text[max(0, trigger.start - evidence[0].start):]
    return bool(_ENDED_WAR.match(after))


def _kept_to(event: Event) -> bool:
    """Whether the truce is the object of a verb of keeping to one ("observe", "respect", "abide by")."""
    trigger, evidence = event.trigger, event.evidence[:1]
    if trigger is None or not evidence:
        return False
    before = evidence[0].text[:max(0, trigger.start - evidence[0].start)]
    return bool(_KEEP_TO.search(before))


def _only_sought(event: Event) -> bool:
    """Whether the truce is what talks, calls or efforts are about ("talks on a truce", "truce talks")."""
    trigger, evidence = event.trigger, event.evidence[:1]
    if trigger is None or not evidence or not _TRUCE_WORDS.fullmatch(trigger.text):
        return False
    at = max(0, trigger.start - evidence[0].start)
    text = evidence[0].text
    return bool(_SOUGHT_BEFORE.search(text[:at]) or _SOUGHT_AFTER.match(text[at + len(trigger.text):]))


def is_violent(event: Event) -> bool:
    """True for attacks, battles and remote violence: the events that can break a ceasefire."""
    return event.plover.type.upper() in VIOLENT_TYPES or (event.acled.event_type or "") in VIOLENT_ACLED


def kind_of(event: Event) -> str:
    """The blocking kind: ``ceasefire`` or the upper-case PLOVER type. A truce that is only called for,
    threatened, supposed or denied ("repeated calls for a truce") is no ceasefire: it keeps its type. A
    call to *observe* or *respect* a truce ("called on both sides to observe a ceasefire from midnight")
    presupposes one declared, and stays a ceasefire. A truce that is the topic of talks or calls ("talks on
a ceasefire failed", "the ceasefire talks") is sought, not agreed."""
    real = (event.modality not in NOT_REAL or (event.modality == "requested" and _kept_to(event))) \
        and not _only_sought(event)
    return CEASEFIRE if real and is_ceasefire(event) else event.plover.type.upper()
