"""The event trigger lexicon and the internal type table, loaded once from sitrep/data.

``events_lexicon.toml`` says which words name which internal event type; ``events_types.toml`` says how
each internal type is coded in PLOVER, CAMEO and ACLED. Both are written from the public codebooks
(docs/events.md). Keys are runs of lower-case lemmas joined by spaces, hyphens dropped.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources

from ..errors import ResourceError


@dataclass(frozen=True)
class EventType:
    """One internal event type and its codes in the three vocabularies."""

    name: str
    plover: str
    mode: str | None = None
    cameo: str | None = None
    acled: str | None = None
    acled_sub: str | None = None
    category: str | None = None
    group: str = ""
    merge: str = "normal"
    plover_2016: str | None = None


@dataclass(frozen=True)
class Entry:
    """A trigger word: its type by default, or by the class of the word it governs."""

    default: str
    by_class: tuple[tuple[str, str], ...] = ()


@dataclass
class Lexicon:
    types: dict[str, EventType]
    verbs: dict[str, Entry]
    nouns: dict[str, Entry]
    classes: dict[str, tuple[str, ...]]          # phrase → classes it belongs to
    instruments: dict[str, str]                  # phrase → internal type
    refinable: frozenset[str]
    light_verbs: frozenset[str]
    light_for: frozenset[str]                    # motion verbs: "arrived [for a visit]"
    frame_verbs: dict[str, str]                  # verb key → frame name
    frames: dict[str, dict[str, str]]            # frame → {complement type or PLOVER type → type}
    outcomes: frozenset[str]
    mood: dict[str, frozenset[str]] = field(default_factory=dict)  # future, obligation, exempt, cooperative
    # word class → role ("doers", "targets") → {type: replacement type}
    participants: dict[str, dict[str, dict[str, str]]] = field(default_factory=dict)
    ceasefire_agreed: frozenset[str] = frozenset()  # verbs that make a ceasefire an agreement: "brokered"
    ceasefire_presupposed: frozenset[str] = frozenset()  # "to observe a ceasefire": the truce exists
    faced_verbs: frozenset[str] = frozenset()  # "face", "pose" …
    faced_nouns: frozenset[str] = frozenset()  # … "the threat of": no act of its own
    charge_governors: frozenset[str] = frozenset()  # "charged with", "convicted of" … a crime named as a charge
    charge_nouns: frozenset[str] = frozenset()  # "murder charges", "an assault conviction"
    thing_heads: frozenset[str] = frozenset()  # "police": "the riot police" is no riot
    crowd_verbs: frozenset[str] = frozenset()  # verbs that report a protest when protesters do them: "filled"
    witness_verbs: frozenset[str] = frozenset()  # light verbs whose subject saw or told the event: "observed"
    undergo_verbs: frozenset[str] = frozenset()  # light verbs whose subject underwent it: "suffered"
    longest: int = field(default=1)

    @cached_property
    def verb_key_starts(self) -> frozenset[str]:
        """Every key of `verbs` and `crowd_verbs` cut after any of its words ("open", "open fire"): a verb
        whose lemma is none of these and none of whose inflection variants is a key opens no key."""
        return _starts(self.verbs, self.crowd_verbs)

    @cached_property
    def frame_key_starts(self) -> frozenset[str]:
        """The same for the keys of `frame_verbs`."""
        return _starts(self.frame_verbs)

    @cached_property
    def noun_key_ends(self) -> frozenset[str]:
        """Every key of `nouns` from any of its words on ("strike", "air strike"): a noun whose lemma is none
        of these ends no key."""
        return frozenset(" ".join(words[n:]) for words in _split(self.nouns) for n in range(len(words)))


def _split(*tables: Iterable[str]) -> Iterator[list[str]]:
    return (key.split(" ") for table in tables for key in table)


def _starts(*tables: Iterable[str]) -> frozenset[str]:
    return frozenset(" ".join(words[:n]) for words in _split(*tables) for n in range(1, len(words) + 1))


def normalize(phrase: str) -> str:
    """The lookup key of a phrase: lower case, hyphens as spaces, single spaces."""
    return " ".join(phrase.lower().replace("-", " ").split())


def _entry(value: str | dict[str, str]) -> Entry:
    if isinstance(value, str):
        return Entry(value)
    pairs = tuple((k, v) for k, v in value.items() if k != "default")
    return Entry(value.get("default", ""), pairs)


def _phrase_map(table: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    for name, phrases in table.items():
        for phrase in phrases:
            found.setdefault(normalize(phrase), []).append(name)
    return {k: tuple(v) for k, v in found.items()}


def _read(name: str) -> dict:
    try:
        return tomllib.loads(resources.files("sitrep").joinpath("data", name).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ResourceError(f"cannot read the event data file {name}: {exc}",
                            "reinstall sitrep; the file ships in sitrep/data", code="E315") from exc


def _types(raw: dict) -> dict[str, EventType]:
    return {name: EventType(name=name, **fields) for name, fields in raw.items()}


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Load and check the lexicon and the type table (once per process)."""
    raw, types = _read("events_lexicon.toml"), _types(_read("events_types.toml"))
    verbs = {normalize(k): _entry(v) for k, v in raw["verbs"].items()}
    nouns = {normalize(k): _entry(v) for k, v in raw["nouns"].items()}
    frames = {k: v for k, v in raw["frames"].items() if k != "verbs"}
    instruments = {p: names[0] for p, names in _phrase_map(raw["instruments"]).items()}
    lexicon = Lexicon(
        types=types, verbs=verbs, nouns=nouns, classes=_phrase_map(raw["classes"]), instruments=instruments,
        refinable=frozenset(raw["refine"]["types"]),
        light_verbs=frozenset(map(normalize, raw["light"]["verbs"])),
        light_for=frozenset(map(normalize, raw["light_for"]["verbs"])),
        frame_verbs={normalize(k): v for k, v in raw["frames"]["verbs"].items()}, frames=frames,
        outcomes=frozenset(raw["outcomes"]["verbs"]), mood={k: frozenset(v) for k, v in raw["mood"].items()},
        participants=raw.get("participants", {}),
        ceasefire_agreed=frozenset(raw.get("ceasefire_agreed", {}).get("verbs", ())),
        ceasefire_presupposed=frozenset(raw.get("ceasefire_presupposed", {}).get("verbs", ())),
        faced_verbs=frozenset(raw.get("faced", {}).get("verbs", ())),
        faced_nouns=frozenset(raw.get("faced", {}).get("nouns", ())),
        charge_governors=frozenset(raw.get("charged", {}).get("governors", ())),
        charge_nouns=frozenset(raw.get("charged", {}).get("nouns", ())),
        thing_heads=frozenset(raw.get("modifier", {}).get("thing_heads", ())),
        crowd_verbs=frozenset(map(normalize, raw.get("crowds", {}).get("verbs", ()))),
        witness_verbs=frozenset(raw["light"].get("witness", ())),
        undergo_verbs=frozenset(raw["light"].get("undergo", ())),
        longest=max(len(k.split()) for k in [*verbs, *nouns]),
    )
    _check(lexicon)
    return lexicon


def _named_types(lexicon: Lexicon) -> set[str]:
    named: set[str] = set()
    for entry in [*lexicon.verbs.values(), *lexicon.nouns.values()]:
        named.update([entry.default, *(t for _, t in entry.by_class)])
    for table in lexicon.frames.values():
        named.update(table.values())
    for roles in lexicon.participants.values():
        for table in roles.values():
            named.update([*table, *table.values()])
    named.update(lexicon.instruments.values())
    return named - {"", "self"}


def _check(lexicon: Lexicon) -> None:
    unknown = _named_types(lexicon) - set(lexicon.types)
    if unknown:
        raise ResourceError(f"the event lexicon names unknown types: {', '.join(sorted(unknown))}",
                            "add them to sitrep/data/events_types.toml", code="E316")
