"""What kind of event a report is, for the merge: a ceasefire, a violent event, or its PLOVER type.

Kinds are the first blocking key: only reports of one kind are ever compared. A ceasefire is
recognised by its code (PLOVER mode ``ceasefire``, CAMEO 0871) or, when the coder filed an agreement
or a concession about one, by the word in its trigger, because "agree to a ceasefire" and "declare a
truce" are one thing to an analyst following whether it holds.
"""

from __future__ import annotations

import re

from ..models import Event

CEASEFIRE = "ceasefire"
_TRUCE_WORDS = re.compile(r"\b(?:cease[- ]?fires?|truces?|armistices?|cessation of hostilities)\b", re.I)
_TRUCE_TYPES = {"AGREE", "RETREAT", "CONCEDE", "COOPERATE", "CONSULT", "SUPPORT"}
VIOLENT_TYPES = {"ASSAULT"}
VIOLENT_ACLED = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


def is_ceasefire(event: Event) -> bool:
    """True for declarations, agreements and implementations of a ceasefire or truce."""
    if (event.plover.mode or "").lower() == CEASEFIRE or (event.cameo or "").startswith("0871"):
        return True
    if event.plover.type.upper() not in _TRUCE_TYPES:
        return False
    words = " ".join(s.text for s in ([event.trigger] if event.trigger else []) + event.evidence[:1])
    return bool(_TRUCE_WORDS.search(words))


def is_violent(event: Event) -> bool:
    """True for attacks, battles and remote violence: the events that can break a ceasefire."""
    return event.plover.type.upper() in VIOLENT_TYPES or (event.acled.event_type or "") in VIOLENT_ACLED


def kind_of(event: Event) -> str:
    """The blocking kind: ``ceasefire`` or the upper-case PLOVER type."""
    return CEASEFIRE if is_ceasefire(event) else event.plover.type.upper()
