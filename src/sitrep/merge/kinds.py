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
_TRUCE_TYPES = {"AGREE", "RETREAT", "CONCEDE", "COOPERATE", "CONSULT", "SUPPORT"}
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


def is_violent(event: Event) -> bool:
    """True for attacks, battles and remote violence: the events that can break a ceasefire."""
    return event.plover.type.upper() in VIOLENT_TYPES or (event.acled.event_type or "") in VIOLENT_ACLED


def kind_of(event: Event) -> str:
    """The blocking kind: ``ceasefire`` or the upper-case PLOVER type."""
    return CEASEFIRE if is_ceasefire(event) else event.plover.type.upper()
