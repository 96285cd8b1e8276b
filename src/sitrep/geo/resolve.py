"""Choose one gazetteer place per mention, using what the rest of the document says.

Each candidate reading is scored from its feature vector (scoring.py; the weights in
sitrep/data/place_weights.toml): what it is (country, province, town by size, airport), and what the
article says (its country evidence, containment, the provinces of and distances to the other places,
document coherence). Two passes: the first reads country evidence from countries and demonyms, the
second scores everything against the first's readings too (rule `place.scored`). Rules then revise
some readings, each recording its id on the mention (and so on the Place): names listed with provinces
(`place.parallel_provinces`), one sense per discourse (`place.one_sense`, `place.country_sense`), the
province the text states (`place.keep_inside`, `place.stated_province`), airports (`place.airport`);
and some readings are rejected as strays or implausible (`place.stray`, `place.sea` …).
"""

from __future__ import annotations

import math

from spacy.tokens import Doc

from ..wordtables import word_table
from . import cues
from .coherence import coherence_of
from .distance import haversine_km
from .gazetteer import Gazetteer, GazPlace
from .normalize import name_key
from .scoring import Context, country_evidence, inside, named_countries, named_country
from .spotting import Mention
from .weights import place_weights

__all__ = ["Context", "country_evidence", "link_containers", "named_country", "resolve"]

_COUNTY_WORDS = word_table("geo.resolve.county_words")
_SEA_WORDS = frozenset({"sea", "ocean"})
_REGION_OPENERS = word_table("geo.resolve.region_openers")
_REGION_PARTS = word_table("geo.resolve.region_parts")
_SURROUNDINGS = word_table("geo.resolve.surroundings")
_CONTAINER_WINDOW = 4  # tokens after "in"/"," where a containing place may start
_BRACKET_WINDOW = 12  # tokens of a bracket after a name where its containing places may start


def _decide(m: Mention, place: GazPlace | None, rule: str, context: Context | None = None) -> None:
    """Set the mention's reading and the rule that decided it; with a context, the reading's scored
    features too (when the score chose among readings), else none."""
    m.resolved, m.rule = place, rule
    m.features = context.contributions(context.features(place, m)) if context and place else {}


def link_containers(doc: Doc, mentions: list[Mention]) -> None:
    """Record which mentions are said to contain which: "X in Y", "X, Y", "X district, Y", "X area of Y", "Y's
    [northern] X"."""
    starts = {m.i: k for k, m in enumerate(mentions)}
    for k, m in enumerate(mentions):
        m.containers.extend(_bracketed(doc, m, starts))
        after = _past_kind_words(doc, m.j)
        if after > m.j and cues.word_after(doc, after) == "of":
            # "X area of Y", "X village of the Y": after a kind word, "of" names what holds it, right after it
            t = after + 2 if cues.word_after(doc, after + 1) == "the" else after + 1
            if t in starts and not _modifies_next(doc, mentions[starts[t]]):
                m.containers.append(starts[t])
        elif (region := _region_of(doc, after)) is not None:
            if region in starts and not _modifies_next(doc, mentions[starts[region]]):
                m.containers.append(starts[region])  # "X in the northern countryside of Y"
        elif after < len(doc) and doc[after].lower_ in ("in", ","):
            for t in range(after + 1, min(len(doc), after + 1 + _CONTAINER_WINDOW)):
                if t in starts:
                    if not _modifies_next(doc, mentions[starts[t]]):
                        m.containers.append(starts[t])
                    break
        for t in range(max(0, m.i - 4), m.i):
            other = next((n for n, o in enumerate(mentions) if o.j == t and n != k), None)
            if other is not None and doc[t].text in ("'s", "’s"):
                m.containers.append(other)


def _region_of(doc: Doc, k: int) -> int | None:
    """Where Y starts in "in/on the [northern] countryside of [the] Y" from k, the token after a name: the part
    of Y that holds the name; None when the words from k are not such a phrase."""
    if k + 3 >= len(doc) or doc[k].lower_ not in ("in", "on") or doc[k + 1].lower_ != "the":
        return None
    t = k + 2
    while t < len(doc) and doc[t].lower_ in cues.LOCATIVE_MODIFIERS and doc[t].lower_ not in _REGION_PARTS:
        t += 1
    if t + 1 >= len(doc) or doc[t].lower_ not in _REGION_PARTS or doc[t + 1].lower_ != "of":
        return None
    return t + 3 if cues.word_after(doc, t + 2) == "the" else t + 2


def _between_says_in(doc: Doc, m: Mention, n: Mention, words: frozenset[str]) -> bool:
    """Whether the words between a name and a later one say that the later holds it: only the given linking
    words ("," "in" "("), or the part of it that holds the name ("in the countryside of")."""
    k = _past_kind_words(doc, m.j)  # "X town in Y" says it as "X in Y" does
    return _linking_words(doc, k, n.i) <= words or _region_of(doc, k) == n.i


def _linking_words(doc: Doc, k: int, end: int) -> set[str]:
    """The words between two names, without the article after "in" ("X in the Y countryside" as "X in Y")."""
    words = [t.lower_ for t in doc[k:end]]
    return {w for i, w in enumerate(words) if not (w == "the" and i and words[i - 1] == "in")}


def _past_kind_words(doc: Doc, k: int) -> int:
    """The token after the kind words that may follow a name ("Kalo town", "Hays district")."""
    while k < len(doc) and doc[k].lower_ in cues.CONTAINER_KIND_WORDS:
        k += 1
    return k


def _bracketed(doc: Doc, m: Mention, starts: dict[int, int]) -> list[int]:
    """The mentions in a bracket right after the name, or after its kind word: "Kalo (Tera,
    Tillaberi)", "Kalo town (Tillaberi)" say where Kalo lies, as "Kalo, Tillaberi" does."""
    k = _past_kind_words(doc, m.j)
    if k >= len(doc) or doc[k].text != "(":
        return []
    found = []
    for t in range(k + 1, min(len(doc), k + 1 + _BRACKET_WINDOW)):
        if doc[t].text == ")":
            break
        if t in starts:
            found.append(starts[t])
    return found


def _modifies_next(doc: Doc, m: Mention) -> bool:
    """"Russia, U.S. diplomats told": the second name qualifies the noun after it, so it does not
    say where the first one lies."""
    if m.j >= len(doc) or m.kind or doc[m.j].lower_ in cues.CONTAINER_KIND_WORDS | _SURROUNDINGS:
        return False  # "Kaduna state", "Jalesar town", "Hasakah countryside"
    root = doc[m.i:m.j].root
    return root.dep_ in ("compound", "amod", "nmod") and root.head.i >= m.j and doc[m.j].pos_ in ("NOUN", "PROPN")


def _choose(m: Mention, context: Context) -> None:
    """The highest-scoring reading (ties: the larger population, then the lower id); its confidence
    from its margin over the next. Mentions that the context cannot tell apart (`Context.alike`: the same
    name, cue, containers and candidates) are scored once per pass."""
    if not m.candidates:
        _decide(m, None, "place.no_reading")
        return
    alike = context.alike(m)
    if alike not in context.chosen:
        vectors = [(context.features(c, m), c) for c in m.candidates]
        scored = sorted(((context.total(f), c, f) for f, c in vectors),
                        key=lambda sc: (-sc[0], -sc[1].population, sc[1].id))
        context.chosen[alike] = scored[0], scored[1][0] if len(scored) > 1 else None
    (best, place, features), runner_up = context.chosen[alike]
    margin = best - runner_up if runner_up is not None else context.weights.parameter("lone_margin")
    m.resolved, m.rule, m.features = place, "place.scored", context.contributions(features)
    m.confidence = round(1.0 / (1.0 + math.exp(-margin)), 3)


def _one_sense(mentions: list[Mention]) -> None:
    """Mentions with the same name and no kind word of their own take the reading of a cued one."""
    cued: dict[str, GazPlace] = {}
    for m in mentions:
        if m.kind and m.kind != "airport" and m.resolved is not None:
            cued.setdefault(name_key(m.text), m.resolved)
    for m in mentions:
        reading = cued.get(name_key(m.text))
        if not m.kind and reading is not None and reading in m.candidates and reading is not m.resolved:
            _decide(m, reading, "place.one_sense")


def _country_sense(mentions: list[Mention]) -> None:
    """A name read as a country in one place of an article means that country throughout, unless
    a mention says otherwise ("Russia, Ohio", "the city of Turkey")."""
    countries = {name_key(m.text): m.resolved for m in mentions
                 if m.resolved is not None and m.resolved.feature_code == "PCLI" and not m.demonym}
    for m in mentions:
        reading = countries.get(name_key(m.text))
        if (reading is not None and m.resolved is not reading and not m.kind and not m.containers
                and reading in m.candidates):
            _decide(m, reading, "place.country_sense")


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


def _containers_agree(doc: Doc, mentions: list[Mention], context: Context) -> None:
    """A name and the province or country the text says holds it ("Hinche, Centre", "Bafut (Mezam,
    Nord-Ouest)") are read together: when the container's reading does not hold the name's, they take the
    best-scoring pair of readings of which one holds the other, changing as little as fits: the name's
    reading when the container's holds another of its readings, else the container's when it can hold the
    name's (Centre is then Haiti's department, not a region of Burkina Faso), else both. Not in lists of
    places ("Germany, Michigan and Ohio")."""
    for m in mentions:
        if not m.candidates or m.demonym or not m.containers or _in_a_list(doc, m, mentions):
            continue
        for k in m.containers:
            n = mentions[k]
            if n.demonym or not n.candidates or n is m:
                continue
            if m.resolved is not None and n.resolved is not None and inside(m.resolved, n.resolved):
                continue
            pairs = [(a, b) for a in m.candidates for b in n.candidates if inside(a, b)]
            # change as little as fits: the container's reading if it holds one of the name's, else the name's
            pairs = ([p for p in pairs if p[1] is n.resolved] or [p for p in pairs if p[0] is m.resolved] or pairs)
            if not pairs:
                continue
            a, b = max(pairs, key=lambda p: context.score(p[0], m) + context.score(p[1], n))
            if a is not m.resolved:
                _decide(m, a, "place.containers_agree", context)
            if b is not n.resolved:
                _decide(n, b, "place.containers_agree", context)


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
            _decide(m, same[0], "place.parallel_provinces")


def _stated_province(doc: Doc, m: Mention, mentions: list[Mention]) -> GazPlace | None:
    """The province the text says, right after the name, contains it: "X, Kaduna state", "X, in
    Kaduna state", "X in Idlib province", "X, Ala.", "X, Missouri" — a name read as a province
    ("Missouri" is also a variant name of a Montana town, and "Nevada" a town in Iowa)."""
    for k in m.containers:
        n = mentions[k]
        container = n.resolved
        bracketed = "(" in {t.lower_ for t in doc[m.j:n.i]}  # "X (Z, Y)", "X town (Z)"
        if container is None or n.demonym or not (bracketed or _between_says_in(doc, m, n, frozenset({",", "in"}))):
            continue
        if container.feature_code == "ADM1":
            return container
    return None


def _stated_town(doc: Doc, m: Mention, mentions: list[Mention]) -> GazPlace | None:
    """A town or district the text says, in brackets or after "in", contains the name: "X (Ruaraka, Nairobi)",
    "X village in Nellore", or whose the name is ("Beirut's X district"). Not after a bare comma, which also joins
    lists of towns ("Paris, London")."""
    for k in m.containers:
        n = mentions[k]
        container = n.resolved
        if container is None or n.demonym or container.feature_code in ("PCLI", "ADM1") or not container.country:
            continue
        if n.j < m.i and doc[n.j].text in ("'s", "’s"):
            return container
        between = _linking_words(doc, _past_kind_words(doc, m.j), n.i)  # "X village in (the) Y" as "X in Y"
        if "(" in between or between == {"in"} or _region_of(doc, m.j) == n.i:
            return container
    return None


_LIST_WORDS = word_table("geo.resolve.list_words")
# a district read abroad: "Kinyinya commune (Ruyigi)"
_DISTRICTS = frozenset({"ADM2", "ADM3", "ADM4", "ADM5"})


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
    the country of that name ("Lebanon, Nevada", but not "from Germany, Michigan and Ohio": a list). Last name
    first: a container is read as its own container says before the names it holds are read by it ("X area of Y
    district (Z)")."""
    for m in reversed(mentions):
        province = _stated_province(doc, m, mentions)
        if province is not None and m.resolved is None and not m.candidates and not m.demonym:
            _decide_coarse(doc, m, mentions, province)  # a name the gazetteer lacks altogether
            continue
        if province is None:
            _keep_in_town_country(doc, m, mentions, context)
            _keep_near_town(doc, m, mentions, context)
            continue
        if m.resolved is None or not (m.resolved.feature_class in ("P", "S") or m.resolved.feature_code == "PCLI"
                                      or m.resolved.feature_code in _DISTRICTS
                                      or m.resolved.feature_code == "ADM1" and m.resolved.country != province.country
                                      and not _in_a_list(doc, m, mentions)):
            continue  # a province abroad is not what the text places in this one: "Karak in Dar'a" is no Jordan's
        if inside(m.resolved, province) or (m.resolved.feature_code == "PCLI" and _in_a_list(doc, m, mentions)):
            continue
        if m.resolved.feature_code == "PCLI" and m.resolved.country == province.country:
            continue  # "western Yemen (Hays, Al Hudaydah)": the bracket names places in the country, it does not hold it
        there = [c for c in m.candidates if inside(c, province)]
        if there:
            _decide(m, max(there, key=lambda c: context.score(c, m)), "place.keep_inside", context)
        elif m.resolved.country in _named_by_others(m, context) and province.country not in context.named:
            continue  # "X, North East region, Ghana": the country named backs the town, not a province abroad
        elif _overruled(m, province, context.weights.parameter("small_town")) or (
                _unmistakable(mentions, province) and not _in_a_list(doc, m, mentions)
                and (_a_namesake(m.resolved, context) or _province_said_so(doc, m, mentions, province)
                     and m.resolved.feature_code != "PPLC" and m.resolved.country != province.country)):
            _decide_coarse(doc, m, mentions, province)


def _province_said_so(doc: Doc, m: Mention, mentions: list[Mention], province: GazPlace) -> bool:
    """Whether the text names the province that holds the name right after it, with the province's kind word ("Rio
    Claro, Lara state", "X (Y province)"): then even a large namesake city abroad (not a capital) is not what it means.
    Not after "in", which may say where someone from the town is ("refugees from Herat in Balochistan province")."""
    return any(mentions[k].resolved is province and mentions[k].kind == "admin"
               and {t.text for t in doc[_past_kind_words(doc, m.j):mentions[k].i]} <= {",", "("} for k in m.containers)


def _a_namesake(reading: GazPlace, context: Context) -> bool:
    """Whether a reading abroad may be a mere namesake of the place the text means: no capital or provincial seat, no
    city of ``namesake_town`` people or more ("Kyiv in Istanbul", "refugees from Kabul in Balochistan" name both)."""
    return reading.feature_code not in ("PPLC", "PPLA") and reading.population < context.weights.parameter("namesake_town")


def _unmistakable(mentions: list[Mention], province: GazPlace) -> bool:
    """Whether the province the text states can be read in its country only: every reading of its name lies there
    ("Eastern Cape"; "Lara state", where the kind word leaves out a town in Australia; not "Ouest", a province of
    Haiti and of Cameroon). Then a namesake town abroad, however
    large, is not what the text places in it ("New Brighton (Eastern Cape)" is no town in Minnesota)."""
    named = [n for n in mentions if n.resolved is province]
    return bool(named) and all(c.country == province.country for n in named for c in n.candidates
                               if n.kind != "admin" or c.feature_code == "ADM1")


def _decide_coarse(doc: Doc, m: Mention, mentions: list[Mention], province: GazPlace) -> None:
    """A name the gazetteer cannot place inside the province the text puts it in is placed at the finest
    container the text states: the town or district it also names inside that province ("X sector (Y district,
    Z)": at Y, rule place.stated_town), else the province (place.stated_province); precision 2 either way."""
    town = _stated_town(doc, m, mentions)
    if town is not None and inside(town, province):
        _decide(m, town, "place.stated_town")
    else:
        _decide(m, province, "place.stated_province")
    m.coarse = True


def _named_by_others(m: Mention, context: Context) -> set[str]:
    """The countries other names of the article name (a country's name or a demonym), not this one itself."""
    key = name_key(m.text)
    return named_countries(o for o in context.mentions if o is not m and name_key(o.text) != key)


def _keep_in_town_country(doc: Doc, m: Mention, mentions: list[Mention], context: Context) -> None:
    """A name the text places in a town of another country than its reading's ("Mathare (Nairobi)" read
    in India) is read in the town's country: its best reading there, else, when the reading abroad is a small
    namesake or smaller than the town the text puts it in, the town itself at precision 2; so is a name the
    gazetteer lacks ("Kibera (Nairobi)")."""
    town = _stated_town(doc, m, mentions)
    reading = m.resolved
    if town is not None and reading is None and not m.candidates and not m.demonym:
        _decide(m, town, "place.stated_town")  # a name the gazetteer lacks altogether: "Kibera (Nairobi)"
        m.coarse = True
        return
    if town is None or reading is None or reading.country == town.country or reading.feature_code == "PCLI":
        return
    there = [c for c in m.candidates if c.country == town.country]
    if there:
        _decide(m, max(there, key=lambda c: context.score(c, m)), "place.keep_in_town_country", context)
    elif _overruled(m, town, context.weights.parameter("small_town")) or (
            town.population > reading.population and _a_namesake(reading, context)):
        _decide(m, town, "place.stated_town")  # "Bara in Idleb": not a smaller namesake town in Brazil
        m.coarse = True


_NEAR_TOWN_KM = 100.0  # a place the text names with a town ("Tuzla, Istanbul") lies within this of it


def _keep_near_town(doc: Doc, m: Mention, mentions: list[Mention], context: Context) -> None:
    """A town the text names with the town it lies by ("Jalalpur, Shamli", "Tuzla, Istanbul", "Yasne (Donetsk)", "the
    Tuzla area of Istanbul"), or with its county ("X in Y County"), but read as a namesake far from it is read as the
    namesake near it, when the gazetteer has one (rule place.keep_near_town); else, when the far reading is a small
    town, or a match by a near spelling or a variant name ("Kuriga" as Khouribga) beside a town read by its own name,
    as the town (or county) it lies by at precision 2 (a district or village the gazetteer lacks:
    place.stated_town). Not in a list of towns ("Kano, Kaduna and Jos")."""
    by = next((n for n in (mentions[k] for k in m.containers)
               if n.resolved is not None and not n.demonym
               and (n.resolved.feature_class == "P" or n.resolved.feature_code == "ADM2")
               and _said_to_lie_by(doc, m, n) and _kept(doc, n, context)), None)
    town = by.resolved if by is not None else None
    reading = m.resolved
    if town is None or reading is None or reading.feature_class not in ("P", "S") or _in_a_list(doc, m, mentions):
        return
    if haversine_km(reading.lat, reading.lon, town.lat, town.lon) <= _NEAR_TOWN_KM:
        return
    near = [c for c in m.candidates if c.feature_class in ("P", "S") and c.id != town.id
            and haversine_km(c.lat, c.lon, town.lat, town.lon) <= _NEAR_TOWN_KM]
    if near:
        _decide(m, max(near, key=lambda c: context.score(c, m)), "place.keep_near_town", context)
    elif reading.population < context.weights.parameter("small_town") or (_by_spelling(m) and not _by_spelling(by)):
        _decide(m, town, "place.stated_town")
        m.coarse = True


def _by_spelling(m: Mention | None) -> bool:
    """Whether the reading was matched by a near spelling or by one of its variant names, not its own name."""
    return m is not None and m.resolved is not None and (m.fuzzy or name_key(m.resolved.name) != name_key(m.text))


def _kept(doc: Doc, n: Mention, context: Context) -> bool:
    """Whether the container's reading stands: not one that a later rule leaves unplaced ("X area of Y district"
    with Y read as a namesake town abroad), unless it stands for the district it is the seat of."""
    return (_implausible(doc, n, context.weights.parameter("small_town")) is None
            or _district_seat(doc, n, context))


def _said_to_lie_by(doc: Doc, m: Mention, n: Mention) -> bool:
    """"X, Y", "X (Y)", "X in Y", "X area of Y", "the X neighbourhood of Y", "X town (Y)": the words between the
    names say that X lies by or in Y."""
    between = [t.lower_ for t in doc[m.j:n.i]]
    if _between_says_in(doc, m, n, frozenset({",", "(", "in"})):
        return True
    kinds = _past_kind_words(doc, m.j) - m.j
    return kinds > 0 and (between[kinds:] in (["of"], ["of", "the"]) or set(between[kinds:]) <= {",", "(", "in"})


def _overruled(m: Mention, province: GazPlace, small_town: float) -> bool:
    """Whether the stated province overrules a reading it does not contain: a country ("Lebanon,
    Nevada"), a fuzzy or variant-name match ("Kuriga" as Khouribga), a town of the province's country
    ("Holliday, Missouri" read in Florida) unless the gazetteer could not link the town's province
    code to an ISO one, a town of under 20,000 people abroad. Not a town of 20,000+ under its own name
    abroad, where the province is likelier the misread one ("Dschang (Menoua, Ouest)": Cameroon's
    Ouest, not Haiti's)."""
    reading = m.resolved
    if reading is None:
        return False
    if reading.feature_code == "PCLI" or m.fuzzy or name_key(reading.name) != name_key(m.text):
        return True
    if reading.country == province.country:
        return "-" in (reading.admin1 or "") and "-" in (province.admin1 or "")
    return reading.population < small_town


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
        _decide(m, min(options, key=lambda a: haversine_km(a.lat, a.lon, place.lat, place.lon)), "place.airport")
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


def _hamlet_for_a_region(m: Mention, place: GazPlace, small_town: float) -> bool:
    """A region or sea (spaCy LOC) read as a hamlet that shares its name ("Middle East", Md.): when
    its name says region (a compass word opens it) or it matched only fuzzily or by an alternate
    name ("Market" for a hamlet once so called). "Sun Valley" tagged LOC is the town."""
    if m.label != "LOC" or place.feature_class != "P" or place.population >= small_town:
        return False
    first = m.text.split()[0].lower()
    regional = " " in m.text and (first in cues.COMPASS or first in _REGION_OPENERS)
    return m.fuzzy or regional or name_key(place.name) != name_key(m.text)


def _implausible(doc: Doc, m: Mention, small_town: float) -> str | None:
    """The id of the rule that finds the reading better left unplaced than wrong: a sea read as its
    namesake province, a county or an office read as a town, a region read as a hamlet; else None."""
    place = m.resolved
    if place is None:
        return None
    if _a_sea(doc, m):
        return "place.sea"
    if m.kind == "admin":
        return "place.county_as_town" if _town_for_a_region(doc, m, place) else None
    return "place.hamlet_for_region" if _hamlet_for_a_region(m, place, small_town) else None


_SEAT_WORDS = word_table("geo.resolve.seat_words")
_COUNTY_SEAT_WORDS = word_table("geo.resolve.county_seat_words")
_COUNTIES_NAMED_OTHERWISE = ("US",)  # where a county's seat often bears another name (Clayton County, Jonesboro)


def _district_seat(doc: Doc, m: Mention, context: Context) -> bool:
    """"in Kalo district, Tera": a district is commonly named after the town that is its seat, so a town
    read for "X district" stands for the district (at precision 2) when the reading fits what the text says
    of it: it lies in the province or country named as its container, or shares a province with the town
    named so; with no container named, it lies in the country the article points at, and bears the name
    itself unless "district" is written in lower case ("the Market District" is a site, no Marquette). Not
    a match by a near spelling, nor "X Parish", nor "X County" in the United States, whose seat often bears
    another name ("Zabol county" is Zabol's)."""
    place = m.resolved
    if place is None or place.feature_class != "P" or m.fuzzy:
        return False
    word = cues.word_after(doc, m.j)
    if word not in _SEAT_WORDS and not (word in _COUNTY_SEAT_WORDS and place.country not in _COUNTIES_NAMED_OTHERWISE):
        return False
    stated = [n.resolved for n in (context.mentions[k] for k in m.containers)
              if n.resolved is not None and not n.demonym and n is not m]
    if stated:
        return any(inside(place, s) or (s.feature_class == "P" and s.country == place.country
                                        and bool(s.admin1) and s.admin1 == place.admin1) for s in stated)
    proper = m.j < len(doc) and doc[m.j].text[:1].isupper()  # "Market District": a site's own name
    return place.country == context.top_country and (name_key(place.name) == name_key(m.text) or not proper)


def _namesake_province(doc: Doc, m: Mention, gaz: Gazetteer) -> GazPlace | None:
    """"Idleb province", where the spelling is only a variant name of the town: the province of the town's
    country that holds it and bears its name (provinces are commonly named after their capital)."""
    town = m.resolved
    if town is None or town.feature_class != "P" or not town.admin1 or cues.word_after(doc, m.j) in _COUNTY_WORDS:
        return None
    province = gaz.admin1(town.admin1)
    if province is None or province.country != town.country:
        return None
    return province if name_key(province.name) == name_key(town.name) else None


def _one_word_apart(a: str, b: str) -> bool:
    short, long = sorted((a, b), key=len)
    return long == short or (long.startswith(short + " ") and " " not in long[len(short) + 1:])


def _stray(doc: Doc, m: Mention, context: Context) -> bool:
    """A reading matched only fuzzily or by a variant name, alone in its country while the article
    is plainly elsewhere ("Foua" in Idlib read as Foix in France, "Toco" as an Italian village):
    the match is likelier a coincidence of spelling than a place abroad."""
    place = m.resolved
    if place is None or m.kind or place.feature_class not in ("P", "S"):
        return False
    if not m.fuzzy and _one_word_apart(name_key(place.name), name_key(m.text)):
        return False  # its own name, or it with a word more ("Quebec City", "Enfield" for Enfield Town)
    if any(inside(place, o) for k in m.containers for o in context.mentions[k].candidates):
        return False
    weights = context.weights
    whole = m.j >= len(doc) or not doc[m.j].text[:1].isupper()  # not the first word of a longer name ("Sams Crossing")
    if m.i and doc[m.i - 1].lower_ in cues.SCENE_WORDS and whole and place.population >= weights.parameter("stray_city"):
        return False  # "shelled farms in Al-Hasakeh": a city's other spelling, set as a scene, is no coincidence
    share = context.country_share(name_key(m.text))
    evidence = sum(context.evidence_besides(name_key(m.text)).values())
    return (evidence >= weights.parameter("stray_evidence")
            and share.get(place.country, 0.0) < weights.parameter("stray_share"))


def _small_countries(gaz: Gazetteer, limit: float) -> frozenset[str]:
    """Countries of under `limit` people: their parishes and districts are seldom what a bare name means."""
    return frozenset(cc for cc, i in gaz.by_country.items() if gaz.places[i].population < limit)


def resolve(doc: Doc, mentions: list[Mention], gaz: Gazetteer) -> None:
    """Set `resolved` and `confidence` on every mention that has candidates, and `rule` on every mention
    (with `features` when the score decided; `place.no_reading` when the gazetteer has no reading)."""
    weights = place_weights()
    link_containers(doc, mentions)
    coherence = coherence_of(mentions)
    small = _small_countries(gaz, weights.parameter("small_country"))
    first = Context(mentions, resolved=False, coherence=coherence, small_countries=small, weights=weights)
    for m in mentions:
        _choose(m, first)
    second = Context(mentions, resolved=True, coherence=coherence, small_countries=small, weights=weights)
    for m in mentions:
        _choose(m, second)
    _containers_agree(doc, mentions, second)
    _parallel_provinces(doc, mentions)
    _one_sense(mentions)
    _country_sense(mentions)
    _keep_inside(doc, mentions, second)
    grown, strays = [], []
    for m in mentions:
        if _airport_for(doc, m, gaz):
            grown.append(m)
        if _stray(doc, m, second):
            _decide(m, None, "place.stray")
            if m.label not in ("GPE", "LOC", "FAC"):
                strays.append(m)  # nothing but the rejected match said it was a place
        rejected = _implausible(doc, m, weights.parameter("small_town"))
        province = _namesake_province(doc, m, gaz) if rejected == "place.county_as_town" else None
        if province is not None:
            _decide(m, province, "place.namesake_province")
        elif rejected == "place.county_as_town" and _district_seat(doc, m, second):
            _decide(m, m.resolved, "place.district_seat", second)
            m.coarse = True
        elif rejected:
            _decide(m, None, rejected)
    mentions[:] = [m for m in mentions if not any(m is s for s in strays)]
    # an airport's name now covers its cue words: a town read inside them ("Airport") goes
    mentions[:] = [m for m in mentions if not any(o is not m and o.i <= m.i and m.j <= o.j for o in grown)]
