"""One actor per real-world entity within an article, every mention kept.

Mentions group by knowledge-base id, by surname for people ("Tayyip Erdogan", "Erdogan"), by
country for states ("Turkey", "Turkish"), and by country + sectors + head word for nominal actors
("Turkey's Defence Ministry", "Turkey's defence ministry"). A title-only mention ("the Russian
leader") joins the one person of that country holding such an office in the article, or the
office holder the knowledge base names for the article's date.
"""

from __future__ import annotations

from ..models import Actor, Mention
from ..wordtables import word_table
from .codes import ACLED_CATEGORIES, acled_inter, cameo_code, ordered, plover_type
from .coding import Candidate
from .kb import ShippedKB
from .lexicon import LEADER_ROLES, TITLES
from .names import fold, surname_key

_TITLE_HEADS = word_table("actors.grouping.title_heads")


def group_key(cand: Candidate) -> str:
    if cand.kb is not None:
        return f"kb:{cand.kb.source}:{cand.kb.id}"
    if cand.kind == "person":
        return f"person:{surname_key(cand.person_name or cand.name)}"
    if cand.place:
        return f"place:{cand.country}:{cand.head_word}"
    if cand.kind == "state" and not cand.sectors:
        return f"state:{cand.country}"
    if cand.kind == "organization" and not cand.head_word:
        return f"org:{fold(cand.name)}"
    return f"nom:{cand.country}:{','.join(cand.sectors)}:{cand.head_word}:{cand.militia}:{cand.label}:{cand.plural}"


def _title_roles(cand: Candidate) -> frozenset[str]:
    if cand.head_word == "leader":
        return LEADER_ROLES
    role = TITLES.get(cand.head_word, ((), ""))[1]
    return frozenset({role}) if role else frozenset()


def _is_title_only(cand: Candidate) -> bool:
    return cand.kind == "nominal" and cand.head_word in _TITLE_HEADS and cand.country is not None \
        and not cand.militia and cand.sectors == ["GOV"]


def attach_titles(cands: list[Candidate], shipped: ShippedKB, date: str | None) -> None:
    """Give a title-only mention the key of the person it names, when that is unambiguous."""
    people = {group_key(c): c for c in cands if c.kind == "person"}
    for cand in cands:
        if not _is_title_only(cand):
            continue
        roles = _title_roles(cand)
        match = {k for k, p in people.items() if p.country == cand.country and p.title in roles}
        if len(match) == 1:
            person = people[match.pop()]
            cand.kind, cand.kb, cand.person_name, cand.name = "person", person.kb, person.person_name, person.name
            cand.title, cand.sectors = person.title, person.sectors
            continue
        holders = shipped.holders(cand.country or "", roles, date) if date else []
        if len(holders) == 1:
            cand.kind, cand.kb, cand.name, cand.title = "person", holders[0], holders[0].name, holders[0].title
            cand.person_name, cand.confidence = holders[0].name, 0.6


def _name_parts(cands: list[Candidate]) -> dict[str, Candidate]:
    """Each part of a coded person's name ("wang", "yi", "assad") → that person, when only one has it."""
    parts: dict[str, Candidate] = {}
    clashes: set[str] = set()
    for cand in cands:
        kb = cand.kb
        if cand.kind != "person" or kb is None:
            continue
        for word in (cand.person_name or cand.name).split() + kb.name.split():
            key = surname_key(word)
            if len(key) > 2:
                other = parts.setdefault(key, cand).kb
                if other is not None and other.id != kb.id:
                    clashes.add(key)
    return {k: v for k, v in parts.items() if k not in clashes}


def unify_surnames(cands: list[Candidate]) -> None:
    """A one-word name the knowledge base could not place ("Assad", or "Wang" for Wang Yi, even
    when the NER took it for an organisation) joins the coded person with that name part."""
    parts = _name_parts(cands)
    for cand in cands:
        bare = cand.kind == "organization" and cand.kb is None and not cand.sectors and " " not in cand.name
        if not (cand.kind == "person" and cand.kb is None) and not bare:
            continue
        person = parts.get(surname_key(cand.person_name or cand.name))
        if person is not None:
            cand.kind, cand.kb, cand.name = "person", person.kb, person.name
            cand.country = cand.country or person.country
            cand.sectors, cand.title = cand.sectors or person.sectors, cand.title or person.title


def _best(cands: list[Candidate]) -> Candidate:
    """The most informative mention of a group: KB-coded, then with a country, title, sectors."""
    return max(cands, key=lambda c: (c.kb is not None, c.country is not None, c.kind == "person",
                                     c.title is not None, len(c.sectors), len(c.person_name or c.name)))


def _actor(ident: str, cands: list[Candidate]) -> Actor:
    best = _best(cands)
    sectors = ordered(best.sectors)
    kind = best.kind
    inter = acled_inter(sectors, militia=best.militia, protest=best.protest, identity=best.identity,
                        foreign=best.other_forces or bool(best.country and best.country.startswith(("NGO", "IGO"))))
    if inter is None and kind == "state":
        inter = 1
    armed = inter in (1, 2, 3)
    if best.kb is not None and best.kb.acled:  # ACLED's own category for a rival government's forces
        inter = best.kb.acled
    elif best.owner_acled and armed:  # … and for the fighters named after it ("pro-Houthi fighters")
        inter = best.owner_acled
    if inter is None and best.people:
        inter = 7
    mentions = sorted({(c.start, c.end, c.text) for c in cands})
    return Actor(
        id=ident, name=best.name, country=best.country, sectors=sectors, code=cameo_code(best.country, sectors),
        kind=kind if kind in ("person", "organization", "state", "group", "nominal") else None,
        title=best.title or ("pro-government militia" if best.militia and not best.identity else None),
        acled_inter=inter,
        acled_category=ACLED_CATEGORIES.get(inter) if inter else None, plover_type=plover_type(sectors, kind),
        kb_id=f"{best.kb.source}:{best.kb.id}" if best.kb else None, confidence=max(c.confidence for c in cands),
        mentions=[Mention(start=s, end=e, text=t) for s, e, t in mentions],
    )


def group_actors(cands: list[Candidate], shipped: ShippedKB, date: str | None) -> list[Actor]:
    """Actors with ids a1, a2 … in order of first mention."""
    attach_titles(cands, shipped, date)
    unify_surnames(cands)
    groups: dict[str, list[Candidate]] = {}
    for cand in sorted(cands, key=lambda c: c.start):
        groups.setdefault(group_key(cand), []).append(cand)
    return [_actor(f"a{i}", members) for i, members in enumerate(groups.values(), start=1)]
