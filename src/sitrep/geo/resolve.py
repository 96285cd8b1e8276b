"""Choose one gazetteer place per mention, using what the rest of the document says.

Each candidate gets a score: a prior from its feature type and population (countries, then
provinces, then towns by size; capitals up; airports high when the text says "airport" or
"air base", else as a small town), plus document context: the share of the article's country evidence its country has,
containment ("X in Y", "X, Y", "Y's X": a town inside the named province or country), the
provinces the article's other places lie in, and distance to them, and document coherence (the
candidates of different ambiguous names pulling towards the same province, and readings of two names
within 30 km of each other; see coherence.py). Two passes: the first reads
country evidence from countries and demonyms, the second scores everything against the first.
Mentions with the same name then share the best-supported reading (one sense per discourse).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Doc

from . import cues
from .coherence import Coherence, coherence_of
from .distance import haversine_km
from .gazetteer import Gazetteer, GazPlace
from .normalize import name_key
from .spotting import Mention

_COUNTY_WORDS = frozenset({"county", "parish", "counties", "parishes"})
_SEA_WORDS = frozenset({"sea", "ocean"})
_REGION_OPENERS = frozenset({"middle", "far", "near"})  # "the Middle East", "the Far East"
_CONTAINER_WINDOW = 4  # tokens after "in"/"," where a containing place may start
_SMALL_TOWN = 20_000
_PROVINCIAL_CAPITAL = 100_000
COHERENCE_WEIGHT = 1.0
COHERENCE_CAP = 4.0
POPULATION_WEIGHT = 0.75  # per power of ten of a town's people
CAPITAL_BONUS = 2.5
SMALL_COUNTRY = 5_000_000
SMALL_COUNTRY_PROVINCE_PENALTY = 3.0  # such a province weighs about as a county
UNSEEN_CAPITAL_PENALTY = 1.5  # a capital of a country the article otherwise never points at
ALTERNATE_NAME_PENALTY = 3.0
SHORT_FORM_PENALTY = 1.0
_RIVER_QUALIFIERS = frozenset({"upon", "on", "am", "an", "ob", "under", "super", "sur"})  # "Frankfurt am Main"
COUNTRY_SHARE_WEIGHT = 4.0
TOP_COUNTRY_BONUS = 1.0
ADMIN_SHARE_WEIGHT = 4.0
AIRPORT_WITHOUT_CUE = 1.0
REGION_PRIOR = 7.0
NAMED_COUNTRY_CAPITAL_BONUS = 4.0
SHARE_SMOOTHING = 1.0  # evidence of this weight from no country: a little evidence is not a whole share
READING_EVIDENCE = 0.5  # a first-pass reading, as country evidence, at full confidence
CLOSE_WEIGHT = 2.0  # another name with a reading within 30 km (coherence.close), at most CLOSE_CAP of them
CLOSE_CAP = 1.0
CITY_NAMESAKE_PENALTY = 2.0  # a province's bare name that a city of 100,000+ bears: the city, unless …
STRAY_EVIDENCE = 2.0  # the article points somewhere with at least this much country evidence
STRAY_SHARE = 0.1  # and a variant-name reading's country holds less than this share of it


def prior(c: GazPlace, m: Mention) -> float:
    """Score from the candidate alone and the kind word beside the mention."""
    code, key = c.feature_code, name_key(m.text)
    if code in ("PCLI", "CONT") and m.kind == "town":
        score = -4.0  # "the city of Turkey" (Texas) is no country
    elif code == "PCLI":
        score = 10.0
    elif code == "CONT":
        score = 9.0
    elif code == "RGN":
        score = REGION_PRIOR  # "Darfur", "the Middle East": above a province, below a country
    elif code in ("ADM1", "ADM2"):
        score = 6.0 + (5.0 if m.kind == "admin" else 0.0) - (4.0 if code == "ADM2" else 0.0)
        if name_key(c.name) != key and any(o.feature_code == "PCLI" and name_key(o.name) == key for o in m.candidates):
            score -= ALTERNATE_NAME_PENALTY  # "Mexico" is the country's own name, New Mexico's only a variant
    elif c.feature_class == "S":
        # named without "airport" ("Heathrow", "Incirlik"): weighs as a small town, so the article's
        # country and nearby places decide between it and a namesake town
        score = 12.0 if m.kind == "airport" else AIRPORT_WITHOUT_CUE
    else:
        score = POPULATION_WEIGHT * min(math.log10(c.population + 1), 7.0) + (CAPITAL_BONUS if code == "PPLC" else 0.0)
        own = name_key(c.name)
        if own.startswith(key + " ") and own[len(key) + 1:].split(" ", 1)[0] in _RIVER_QUALIFIERS:
            score -= SHORT_FORM_PENALTY  # "Newcastle" for Newcastle upon Tyne: its everyday short form
        elif own != key:
            score -= ALTERNATE_NAME_PENALTY  # matched by an alternate name only (a former or variant name)
        score += 1.0 if m.kind == "town" else 0.0
        score -= 2.0 if m.kind == "admin" else 0.0
    return score - (1.5 if m.fuzzy else 0.0)


def _namesake_city(c: GazPlace, m: Mention) -> bool:
    """A city of 100,000+ people bears the province's bare name ("Idlib", "Quebec")."""
    key = name_key(m.text)
    return any(o.feature_class == "P" and name_key(o.name) == key and o.population >= _PROVINCIAL_CAPITAL
               for o in m.candidates)


def country_evidence(mentions: Iterable[Mention]) -> Counter[str]:
    """Countries named, or implied by a demonym or a name that exists in one country only, per mention.
    ("Georgia" counts for neither Georgia nor the US: which it is depends on the rest.)"""
    counts: Counter[str] = Counter()
    for m in mentions:
        countries = {c.country for c in m.candidates}
        named = [c.country for c in m.candidates if c.feature_code == "PCLI"]
        if m.demonym:
            counts[m.demonym] += 1
        elif len(countries) == 1:
            counts[countries.pop()] += 1
        elif named_country(m):
            counts[named[0]] += 1  # "Canada", though a hamlet somewhere is called so too
    return counts


def named_country(m: Mention) -> bool:
    """A country's name that is no province's ("Canada", not "Georgia"): evidence for that country,
    but not for the name itself (a "Lebanon" or "Palestine" in Texas is not the country for it)."""
    named = [c for c in m.candidates if c.feature_code == "PCLI"]
    return not m.demonym and len(named) == 1 and not any(c.feature_code == "ADM1" for c in m.candidates)


def link_containers(doc: Doc, mentions: list[Mention]) -> None:
    """Record which mentions are said to contain which: "X in Y", "X, Y", "Y's [northern] X"."""
    starts = {m.i: k for k, m in enumerate(mentions)}
    for k, m in enumerate(mentions):
        if m.j < len(doc) and doc[m.j].lower_ in ("in", ","):
            for t in range(m.j + 1, min(len(doc), m.j + 1 + _CONTAINER_WINDOW)):
                if t in starts:
                    if not _modifies_next(doc, mentions[starts[t]]):
                        m.containers.append(starts[t])
                    break
        for t in range(max(0, m.i - 4), m.i):
            other = next((n for n, o in enumerate(mentions) if o.j == t and n != k), None)
            if other is not None and doc[t].text in ("'s", "’s"):
                m.containers.append(other)


def _modifies_next(doc: Doc, m: Mention) -> bool:
    """"Russia, U.S. diplomats told": the second name qualifies the noun after it, so it does not
    say where the first one lies."""
    if m.j >= len(doc) or m.kind or doc[m.j].lower_ in cues.ADMIN_WORDS:  # "Kaduna state" names the state
        return False
    root = doc[m.i:m.j].root
    return root.dep_ in ("compound", "amod", "nmod") and root.head.i >= m.j and doc[m.j].pos_ in ("NOUN", "PROPN")


def _inside(c: GazPlace, container: GazPlace) -> bool:
    if container.feature_code == "PCLI":
        return c.country == container.country and c.id != container.id
    if container.feature_code == "ADM1":
        return c.admin1 == container.admin1 and c.id != container.id
    return False


class Context:
    """What the document says overall, against which each candidate is scored."""

    def __init__(self, mentions: list[Mention], resolved: bool, coherence: Coherence,
                 small_countries: frozenset[str] = frozenset()):
        self.coherence = coherence
        self.small_countries = small_countries  # provinces of these weigh less: few people name them
        counts = country_evidence(mentions)
        self.own: dict[str, Counter[str]] = {}  # per name: the evidence it gave itself, left out of its share
        for m in mentions:
            countries = {c.country for c in m.candidates}
            if named_country(m) and len(countries) > 1:
                named = next(c.country for c in m.candidates if c.feature_code == "PCLI")
                self.own.setdefault(name_key(m.text), Counter())[named] += 1
            elif not m.demonym and len(countries) == 1:  # a name found in one country only
                self.own.setdefault(name_key(m.text), Counter())[countries.pop()] += 1
        if resolved:  # the first pass's readings add evidence of the countries in play, as sure as they were
            for m in mentions:
                if m.resolved is not None and m.resolved.country:
                    w = READING_EVIDENCE * (2 * m.confidence - 1)  # a toss-up between readings says nothing
                    self.own.setdefault(name_key(m.text), Counter())[m.resolved.country] += w
                    counts[m.resolved.country] += w
        self.counts = counts
        self.named = {m.demonym for m in mentions if m.demonym} | {
            c.country for m in mentions if named_country(m) for c in m.candidates if c.feature_code == "PCLI"}
        self.top_country = counts.most_common(1)[0][0] if counts else ""
        self._shares: dict[str, dict[str, float]] = {}
        self.readings = [(name_key(m.text), m.resolved) for m in mentions if resolved and m.resolved is not None]
        self.mentions = mentions
        self.contained: dict[int, list[Mention]] = {}
        for m in mentions:
            for k in m.containers:
                self.contained.setdefault(id(mentions[k]), []).append(m)

    def country_share(self, key: str) -> dict[str, float]:
        """Share of the country evidence each country holds, leaving out the name's own readings
        (a foreign capital read five times must not vouch for itself). The total carries
        SHARE_SMOOTHING of evidence for no country, so that one unsure reading of another name
        ("Enfield" in Connecticut rather than in London) does not make a whole share."""
        if key not in self._shares:
            counts = self.counts - self.own.get(key, Counter())
            total = sum(counts.values()) + SHARE_SMOOTHING
            self._shares[key] = {cc: n / total for cc, n in counts.items()}
        return self._shares[key]

    def score(self, c: GazPlace, m: Mention) -> float:
        share = self.country_share(name_key(m.text))
        s = prior(c, m) + COUNTRY_SHARE_WEIGHT * share.get(c.country, 0.0)
        if c.feature_code == "ADM1" and c.country in self.small_countries:
            s -= SMALL_COUNTRY_PROVINCE_PENALTY
        if c.feature_code == "PPLC" and share and c.country not in share:
            s -= UNSEEN_CAPITAL_PENALTY
        if c.feature_code == "PPLC" and c.country in self.named:
            s += NAMED_COUNTRY_CAPITAL_BONUS  # "in France … Paris": the capital of a country the article names
        s += TOP_COUNTRY_BONUS if c.country == self.top_country else 0.0
        others = [p for key, p in self.readings if key != name_key(m.text)]  # not the name's own readings
        if c.feature_class in ("P", "S") or c.feature_code == "ADM2":
            s += ADMIN_SHARE_WEIGHT * _admin_share(c, others) + _proximity(c, others)
        elif c.feature_code == "ADM1":
            s += ADMIN_SHARE_WEIGHT * _admin_share(c, others)
        if c.feature_code in ("ADM1", "ADM2") and m.kind != "admin" and _namesake_city(c, m) and not (
                c.feature_code == "ADM1" and any(p.feature_class == "P" and p.admin1 == c.admin1
                                                 and name_key(p.name) != name_key(m.text) for p in others)):
            # a bare name shared by a province and a city ("Idlib", "Gaza", "St. Paul") means the city,
            # unless the article names another town of the province ("Montreal … Quebec")
            s -= CITY_NAMESAKE_PENALTY
        s += COHERENCE_WEIGHT * min(self.coherence.support(c, name_key(m.text)), COHERENCE_CAP)
        s += CLOSE_WEIGHT * min(self.coherence.close(c, name_key(m.text)), CLOSE_CAP)
        return s + self._containment(c, m)

    def _containment(self, c: GazPlace, m: Mention) -> float:
        """Nested mentions support each other: a town inside a province the text says contains it,
        and the province (of several of that name) that contains one of the town's readings."""
        options = [o for k in m.containers for o in self.mentions[k].candidates if o.feature_class == "A"]
        score = 0.0
        if options:
            score += 6.0 if any(_inside(c, o) for o in options) else -2.0
        inner = [o for n in self.contained.get(id(m), []) for o in n.candidates]
        if c.feature_code in ("PCLI", "ADM1") and any(_inside(o, c) for o in inner):
            score += 3.0
        return score


def _admin_share(c: GazPlace, others: list[GazPlace]) -> float:
    """Share of the article's other places that lie in the candidate's province."""
    placed = [p for p in others if p.admin1]
    return sum(p.admin1 == c.admin1 for p in placed) / len(placed) if placed and c.admin1 else 0.0


def _proximity(c: GazPlace, others: list[GazPlace]) -> float:
    """Bonus for lying near another town, airport or county of the article."""
    near = [haversine_km(c.lat, c.lon, p.lat, p.lon) for p in others
            if p.id != c.id and (p.feature_class in ("P", "S") or p.feature_code == "ADM2")]
    if not near:
        return 0.0
    closest = min(near)
    return 3.0 if closest < 50 else 2.0 if closest < 100 else 1.0 if closest < 300 else 0.0


def _choose(m: Mention, context: Context) -> None:
    scored = sorted(((context.score(c, m), c) for c in m.candidates),
                    key=lambda sc: (-sc[0], -sc[1].population, sc[1].id))
    if not scored:
        return
    best, place = scored[0]
    margin = best - scored[1][0] if len(scored) > 1 else 4.0
    m.resolved = place
    m.confidence = round(1.0 / (1.0 + math.exp(-margin)), 3)


def _one_sense(mentions: list[Mention]) -> None:
    """Mentions with the same name and no kind word of their own take the reading of a cued one."""
    cued: dict[str, GazPlace] = {}
    for m in mentions:
        if m.kind and m.kind != "airport" and m.resolved is not None:
            cued.setdefault(name_key(m.text), m.resolved)
    for m in mentions:
        reading = cued.get(name_key(m.text))
        if not m.kind and reading is not None and reading in m.candidates:
            m.resolved = reading


def _country_sense(mentions: list[Mention]) -> None:
    """A name read as a country in one place of an article means that country throughout, unless
    a mention says otherwise ("Russia, Ohio", "the city of Turkey")."""
    countries = {name_key(m.text): m.resolved for m in mentions
                 if m.resolved is not None and m.resolved.feature_code == "PCLI" and not m.demonym}
    for m in mentions:
        reading = countries.get(name_key(m.text))
        if (reading is not None and m.resolved is not reading and not m.kind and not m.containers
                and reading in m.candidates):
            m.resolved = reading


def _coordinated(doc: Doc, mentions: list[Mention]) -> dict[int, list[Mention]]:
    """For each mention, the other mentions coordinated with it ("Tasmania, South Australia
    and Queensland"): their head words are joined by "conj" to the same first conjunct."""
    groups: dict[int, list[Mention]] = {}
    for m in mentions:
        root = doc[m.i:m.j].root
        while root.dep_ == "conj" and root.head.i != root.i:
            root = root.head
        groups.setdefault(root.i, []).append(m)
    return {id(m): [o for o in group if o is not m] for group in groups.values() if len(group) > 1 for m in group}


def _parallel_provinces(doc: Doc, mentions: list[Mention]) -> None:
    """A name listed with provinces of one country is a province of that country too, where it can
    be one: "Tasmania, South Australia and Queensland" is no town in Alberta."""
    siblings = _coordinated(doc, mentions)
    for m in mentions:
        others = [o.resolved for o in siblings.get(id(m), []) if o.resolved is not None and not o.demonym]
        if m.resolved is None or m.kind or m.containers or not others or m.resolved.feature_code == "ADM1":
            continue
        countries = {o.country for o in others}
        if len(countries) != 1 or not all(o.feature_code == "ADM1" for o in others):
            continue
        same = [c for c in m.candidates if c.feature_code == "ADM1" and c.country in countries]
        if same:
            m.resolved = same[0]


def _stated_province(doc: Doc, m: Mention, mentions: list[Mention]) -> GazPlace | None:
    """The province the text says, right after the name, contains it: "X, Kaduna state", "X, in
    Kaduna state", "X in Idlib province", "X, Ala.", "X, Missouri" — a name read as a province
    ("Missouri" is also a variant name of a Montana town, and "Nevada" a town in Iowa)."""
    for k in m.containers:
        n = mentions[k]
        container = n.resolved
        between = {t.lower_ for t in doc[m.j:n.i]}
        if container is not None and container.feature_code == "ADM1" and not n.demonym and between <= {",", "in"}:
            return container
    return None


_LIST_WORDS = frozenset({",", "and", "or", "&"})


def _in_a_list(doc: Doc, m: Mention, mentions: list[Mention]) -> bool:
    """"Germany, Michigan and Ohio", "Spain, Germany, Michigan": a place name joined to the pair by a
    comma or "and" on either side makes a list of places, not "Town, State"."""
    by_start = {o.i: o for o in mentions}
    if m.i >= 1 and doc[m.i - 1].lower_ in _LIST_WORDS and any(o.j == m.i - 1 for o in mentions):
        return True
    k = _skip(doc, m.j, _LIST_WORDS)
    container = by_start.get(k)
    if container is None:
        return False
    after = _skip(doc, container.j, _LIST_WORDS)
    return after > container.j and after in by_start


def _skip(doc: Doc, k: int, words: frozenset[str]) -> int:
    while k < len(doc) and doc[k].lower_ in words:
        k += 1
    return k


def _keep_inside(doc: Doc, mentions: list[Mention], context: Context) -> None:
    """A town the text places in a province is read inside it: the best of its readings there, else
    (the gazetteer lacks the town, or any place of that name: "Kfraya in Idlib") the province itself
    at precision 2 — never a namesake abroad, nor
    the country of that name ("Lebanon, Nevada", but not "from Germany, Michigan and Ohio": a list)."""
    for m in mentions:
        province = _stated_province(doc, m, mentions)
        if province is not None and m.resolved is None and not m.candidates and not m.demonym:
            m.resolved, m.coarse = province, True  # a name the gazetteer lacks: "Kfraya in Idlib"
            continue
        if province is None or m.resolved is None or not (m.resolved.feature_class in ("P", "S")
                                                          or m.resolved.feature_code == "PCLI"):
            continue
        if _inside(m.resolved, province) or (m.resolved.feature_code == "PCLI" and _in_a_list(doc, m, mentions)):
            continue
        inside = [c for c in m.candidates if _inside(c, province)]
        if inside:
            m.resolved = max(inside, key=lambda c: context.score(c, m))
        else:
            m.resolved, m.coarse = province, True


def _airport_for(doc: Doc, m: Mention, gaz: Gazetteer) -> bool:
    """"Baghdad airport": replace the town by the nearest airport serving it, and cover the cue
    words. True when the mention grew over them."""
    place = m.resolved
    if place is None or m.kind != "airport":
        return False
    if place.feature_class != "S":
        listed = [a for kind in (" airport", " international airport") for a in gaz.lookup(name_key(m.text + kind))
                  if a.feature_class == "S"]  # "London City airport" is listed so, not under a town's name
        options = listed or [a for a in gaz.airports_serving(name_key(place.name)) + gaz.airports_serving(name_key(m.text))
                             if a.country == place.country]
        if not options:
            return False
        m.resolved = min(options, key=lambda a: haversine_km(a.lat, a.lon, place.lat, place.lon))
    extra = cues.cue_length(doc, m.j)
    if extra:
        m.j += extra
        m.end = doc[m.j - 1].idx + len(doc[m.j - 1])
        m.text = doc[m.i:m.j].text
    return extra > 0


def _a_sea(doc: Doc, m: Mention) -> bool:
    """"the Red Sea", "the Indian Ocean": a sea, not the province named after it (Sudan's Red Sea state)."""
    return (m.text.split()[-1].lower() in _SEA_WORDS and m.i > 0 and doc[m.i - 1].lower_ == "the"
            and m.kind != "admin" and (m.resolved is None or m.resolved.feature_class != "H"))


def _town_for_a_region(doc: Doc, m: Mention, place: GazPlace) -> bool:
    """"DeSoto Parish" or "the Department of Labor" read as a town: a county is seldom where its
    namesake town is (but "the Woodstock District Chamber", "Columbia State" do name the town)."""
    county = m.j < len(doc) and doc[m.j].lower_ in _COUNTY_WORDS
    after_of = m.i > 0 and doc[m.i - 1].lower_ == "of"  # "the Department of Labor", "province of X"
    return place.feature_class != "A" and (county or after_of or name_key(place.name) != name_key(m.text))


def _hamlet_for_a_region(m: Mention, place: GazPlace) -> bool:
    """A region or sea (spaCy LOC) read as a hamlet that shares its name ("Middle East", Md.): when
    its name says region (a compass word opens it) or it matched only fuzzily or by an alternate
    name ("Market" for a hamlet once so called). "Sun Valley" tagged LOC is the town."""
    if m.label != "LOC" or place.feature_class != "P" or place.population >= _SMALL_TOWN:
        return False
    first = m.text.split()[0].lower()
    regional = " " in m.text and (first in cues.COMPASS or first in _REGION_OPENERS)
    return m.fuzzy or regional or name_key(place.name) != name_key(m.text)


def _implausible(doc: Doc, m: Mention) -> bool:
    """Readings better left unplaced than wrong: a sea read as its namesake province, a county or an
    office read as a town, a region read as a hamlet."""
    place = m.resolved
    if place is None:
        return False
    if _a_sea(doc, m):
        return True
    if m.kind == "admin":
        return _town_for_a_region(doc, m, place)
    return _hamlet_for_a_region(m, place)


def _one_word_apart(a: str, b: str) -> bool:
    short, long = sorted((a, b), key=len)
    return long == short or (long.startswith(short + " ") and " " not in long[len(short) + 1:])


def _stray(m: Mention, context: Context) -> bool:
    """A reading matched only fuzzily or by a variant name, alone in its country while the article
    is plainly elsewhere ("Foua" in Idlib read as Foix in France, "Toco" as an Italian village):
    the match is likelier a coincidence of spelling than a place abroad."""
    place = m.resolved
    if place is None or m.kind or place.feature_class not in ("P", "S"):
        return False
    if not m.fuzzy and _one_word_apart(name_key(place.name), name_key(m.text)):
        return False  # its own name, or it with a word more ("Quebec City", "Enfield" for Enfield Town)
    if any(_inside(place, o) for k in m.containers for o in context.mentions[k].candidates):
        return False
    share = context.country_share(name_key(m.text))
    evidence = sum((context.counts - context.own.get(name_key(m.text), Counter())).values())
    return evidence >= STRAY_EVIDENCE and share.get(place.country, 0.0) < STRAY_SHARE


def _small_countries(gaz: Gazetteer) -> frozenset[str]:
    """Countries of under SMALL_COUNTRY people (Jamaica, Lesotho, Antigua): their parishes and
    districts ("Saint Thomas", "Berea", "Portland") are seldom what a bare name means."""
    return frozenset(cc for cc, i in gaz.by_country.items() if gaz.places[i].population < SMALL_COUNTRY)


def resolve(doc: Doc, mentions: list[Mention], gaz: Gazetteer) -> None:
    """Set `resolved` and `confidence` on every mention that has candidates."""
    link_containers(doc, mentions)
    coherence = coherence_of(mentions)
    small = _small_countries(gaz)
    first = Context(mentions, resolved=False, coherence=coherence, small_countries=small)
    for m in mentions:
        _choose(m, first)
    second = Context(mentions, resolved=True, coherence=coherence, small_countries=small)
    for m in mentions:
        _choose(m, second)
    _parallel_provinces(doc, mentions)
    _one_sense(mentions)
    _country_sense(mentions)
    _keep_inside(doc, mentions, second)
    grown, strays = [], []
    for m in mentions:
        if _airport_for(doc, m, gaz):
            grown.append(m)
        if _stray(m, second):
            m.resolved = None
            if m.label not in ("GPE", "LOC", "FAC"):
                strays.append(m)  # nothing but the rejected match said it was a place
        if _implausible(doc, m):
            m.resolved = None
    mentions[:] = [m for m in mentions if not any(m is s for s in strays)]
    # an airport's name now covers its cue words: a town read inside them ("Airport") goes
    mentions[:] = [m for m in mentions if not any(o is not m and o.i <= m.i and m.j <= o.j for o in grown)]
