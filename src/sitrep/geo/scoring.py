"""Score the gazetteer readings of a place name: one feature vector per candidate, one weight table.

A candidate's features say what it is (a country, a province, a town of so many people, an airport;
matched by its own name or a variant) and what the rest of the article says about it: the share of
the article's country evidence its country has, the provinces and distances of the article's other
readings, containment ("X in Y", "X, Y", "Y's X"), and document coherence (coherence.py). Its score is
the sum of weight × value over the features, with the weights in sitrep/data/place_weights.toml, added
in the table's order. `Context.features` gives the vector; `Context.score` the sum.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from ..wordtables import word_table
from .coherence import Coherence
from .distance import haversine_km
from .gazetteer import GazPlace
from .normalize import name_key
from .spotting import Mention
from .weights import PlaceWeights, place_weights

_RIVER_QUALIFIERS = word_table("geo.scoring.river_qualifiers")
_BANDS = ((50.0, "within_50km"), (100.0, "within_100km"), (300.0, "within_300km"))

Evidence = dict[str, float]  # country (alpha-2) → weight of the evidence for it
Features = dict[str, float]  # feature id → value (only features that hold), in the table's order


def _add(evidence: Evidence, country: str, weight: float) -> None:
    evidence[country] = evidence.get(country, 0) + weight


def without(evidence: Evidence, own: Evidence | None) -> Evidence:
    """The evidence left when a name's own is taken out; countries left with none drop out."""
    if not own:
        return {cc: n for cc, n in evidence.items() if n > 0}
    left = {cc: n - own.get(cc, 0) for cc, n in evidence.items()}
    return {cc: n for cc, n in left.items() if n > 0}


def country_evidence(mentions: Iterable[Mention]) -> Evidence:
    """Countries named, or implied by a demonym or a name that exists in one country only, per mention.
    ("Georgia" counts for neither Georgia nor the US: which it is depends on the rest.)"""
    counts: Evidence = {}
    for m in mentions:
        countries = {c.country for c in m.candidates}
        named = [c.country for c in m.candidates if c.feature_code == "PCLI"]
        if m.demonym:
            _add(counts, m.demonym, 1)
        elif len(countries) == 1:
            _add(counts, countries.pop(), 1)
        elif named_country(m):
            _add(counts, named[0], 1)  # a country's name, though a hamlet somewhere is called so too
    return counts


def named_countries(mentions: Iterable[Mention]) -> set[str]:
    """The countries the mentions name: by a country's name or by a demonym."""
    mentions = list(mentions)
    return {m.demonym for m in mentions if m.demonym} | {
        c.country for m in mentions if named_country(m) for c in m.candidates if c.feature_code == "PCLI"}


def named_country(m: Mention) -> bool:
    """A country's name that is no province's ("Canada", not "Georgia"): evidence for that country,
    but not for the name itself (a "Lebanon" in Texas is not the country for it)."""
    named = [c for c in m.candidates if c.feature_code == "PCLI"]
    return not m.demonym and len(named) == 1 and not any(c.feature_code == "ADM1" for c in m.candidates)


def inside(c: GazPlace, container: GazPlace) -> bool:
    """The reading lies in the country or province `container` (and is not it)."""
    if container.feature_code == "PCLI":
        return c.country == container.country and c.id != container.id
    if container.feature_code == "ADM1":
        return c.admin1 == container.admin1 and c.id != container.id
    return False


# ---------------------------------------------------------------- what the reading is
def _kind_features(c: GazPlace, m: Mention, key: str, population_cap: float) -> Features:
    """Features of the candidate alone and the kind word beside the mention (its prior)."""
    code = c.feature_code
    if code in ("PCLI", "CONT") and m.kind == "town":
        return {"country_called_town": 1.0}
    if code in ("PCLI", "CONT", "RGN"):
        return {{"PCLI": "country", "CONT": "continent", "RGN": "region"}[code]: 1.0}
    if code in ("ADM1", "ADM2"):
        return _division_features(c, m, key)
    if c.feature_class == "S":  # named without "airport": weighs as a small town
        return {"airport_cued" if m.kind == "airport" else "airport_uncued": 1.0}
    return _town_features(c, m, key, population_cap)


def _division_features(c: GazPlace, m: Mention, key: str) -> Features:
    found: Features = {"province_or_county": 1.0}
    if m.kind == "admin":
        found["admin_cue"] = 1.0
    if c.feature_code == "ADM2":
        found["county"] = 1.0
    if name_key(c.name) != key and any(o.feature_code == "PCLI" and name_key(o.name) == key for o in m.candidates):
        found["country_name_variant"] = 1.0  # the country's own name, a province's variant only
    return found


def _town_features(c: GazPlace, m: Mention, key: str, population_cap: float) -> Features:
    found: Features = {"population": min(math.log10(c.population + 1), population_cap)}
    if c.feature_code == "PPLC":
        found["capital"] = 1.0
    own = name_key(c.name)
    if own.startswith(key + " ") and own[len(key) + 1:].split(" ", 1)[0] in _RIVER_QUALIFIERS:
        found["short_form"] = 1.0  # the everyday short form of "X upon Y"
    elif own != key:
        found["alternate_name"] = 1.0  # matched by a former or variant name only
    if m.kind == "town":
        found["town_cue"] = 1.0
    if m.kind == "admin":
        found["town_under_admin_cue"] = 1.0
    return found


def _namesake_city(m: Mention, key: str, threshold: float) -> bool:
    """A city of `threshold` people or more bears the province's bare name."""
    return any(o.feature_class == "P" and name_key(o.name) == key and o.population >= threshold
               for o in m.candidates)


def _admin_share(c: GazPlace, others: list[GazPlace]) -> float:
    """Share of the article's other places that lie in the candidate's province."""
    placed = [p for p in others if p.admin1]
    return sum(p.admin1 == c.admin1 for p in placed) / len(placed) if placed and c.admin1 else 0.0


def _proximity(c: GazPlace, others: list[GazPlace]) -> str | None:
    """The distance band of the closest other town, airport or county of the article, if any."""
    near = [haversine_km(c.lat, c.lon, p.lat, p.lon) for p in others
            if p.id != c.id and (p.feature_class in ("P", "S") or p.feature_code == "ADM2")]
    if not near:
        return None
    closest = min(near)
    return next((band for limit, band in _BANDS if closest < limit), None)


class Context:
    """What the document says overall, against which each candidate is scored."""

    def __init__(self, mentions: list[Mention], resolved: bool, coherence: Coherence,
                 small_countries: frozenset[str] = frozenset(), weights: PlaceWeights | None = None):
        self.weights = weights or place_weights()
        self.coherence = coherence
        self.small_countries = small_countries  # provinces of these weigh less: few people name them
        counts = country_evidence(mentions)
        self.own: dict[str, Evidence] = {}  # per name: the evidence it gave itself, left out of its share
        for m in mentions:
            countries = {c.country for c in m.candidates}
            if named_country(m) and len(countries) > 1:
                named = next(c.country for c in m.candidates if c.feature_code == "PCLI")
                _add(self.own.setdefault(name_key(m.text), {}), named, 1)
            elif not m.demonym and len(countries) == 1:  # a name found in one country only
                _add(self.own.setdefault(name_key(m.text), {}), countries.pop(), 1)
        if resolved:  # the first pass's readings add evidence of the countries in play, as sure as they were
            for m in mentions:
                if m.resolved is not None and m.resolved.country:
                    # a toss-up between readings says nothing
                    w = self.weights.parameter("reading_evidence") * (2 * m.confidence - 1)
                    _add(self.own.setdefault(name_key(m.text), {}), m.resolved.country, w)
                    _add(counts, m.resolved.country, w)
        self.counts = counts
        self.named = named_countries(mentions)
        self.top_country = max(counts.items(), key=lambda kv: kv[1])[0] if counts else ""
        self._shares: dict[str, dict[str, float]] = {}
        self.readings = [(name_key(m.text), m.resolved) for m in mentions if resolved and m.resolved is not None]
        self.mentions = mentions
        self.contained: dict[int, list[Mention]] = {}
        self._others: dict[str, list[GazPlace]] = {}  # per name: the other names' readings
        self._around: dict[tuple[int, str], tuple[float, str | None]] = {}  # per reading and name: share, band
        for m in mentions:
            for k in m.containers:
                self.contained.setdefault(id(mentions[k]), []).append(m)
        self.chosen: dict[tuple[object, ...], tuple[tuple[float, GazPlace, Features], float | None]] = {}

    def alike(self, m: Mention) -> tuple[object, ...]:
        """What `features` reads of a mention: mentions alike in it get the same score for every reading."""
        return (name_key(m.text), m.kind, m.fuzzy, tuple(m.containers),
                tuple(id(n) for n in self.contained.get(id(m), ())), tuple(c.id for c in m.candidates))

    def evidence_besides(self, key: str) -> Evidence:
        """The article's country evidence, leaving out what the name `key` gave itself."""
        return without(self.counts, self.own.get(key))

    def country_share(self, key: str) -> dict[str, float]:
        """Share of the country evidence each country holds, leaving out the name's own readings
        (a foreign capital read five times must not vouch for itself). The total carries
        `share_smoothing` of evidence for no country, so that one unsure reading of another name
        does not make a whole share."""
        if key not in self._shares:
            counts = self.evidence_besides(key)
            total = sum(counts.values()) + self.weights.parameter("share_smoothing")
            self._shares[key] = {cc: n / total for cc, n in counts.items()}
        return self._shares[key]

    def score(self, c: GazPlace, m: Mention) -> float:
        return self.total(self.features(c, m))

    def total(self, features: Features) -> float:
        """Sum of weight × value, in the table's order (the features come in that order)."""
        weights = self.weights.weights
        s = 0.0
        for name, value in features.items():
            s += weights[name] * value
        return s

    def contributions(self, features: Features) -> dict[str, float]:
        """Weight × value of each feature that holds: what `Place.features` records."""
        weights = self.weights.weights
        return {name: round(weights[name] * value, 4) for name, value in features.items()}

    def features(self, c: GazPlace, m: Mention) -> Features:
        """The candidate's feature vector: the features that hold, with their values, in the table's order."""
        key = name_key(m.text)
        found = _kind_features(c, m, key, self.weights.parameter("population_log10_cap"))
        if m.fuzzy:
            found["fuzzy_match"] = 1.0
        found.update(self._country_features(c, key))
        found.update(self._area_features(c, m, key))
        found.update(self._containment(c, m))
        return {name: value for name, value in found.items() if value}

    def _country_features(self, c: GazPlace, key: str) -> Features:
        share = self.country_share(key)
        found: Features = {"country_share": share.get(c.country, 0.0)}
        if c.feature_code == "ADM1" and c.country in self.small_countries:
            found["small_country_province"] = 1.0
        if c.feature_code == "PPLC" and share and c.country not in share:
            found["unseen_capital"] = 1.0
        if c.feature_code == "PPLC" and c.country in self.named:
            found["named_country_capital"] = 1.0  # the capital of a country the article names
        if c.country == self.top_country:
            found["top_country"] = 1.0
        return found

    def _area_features(self, c: GazPlace, m: Mention, key: str) -> Features:
        if key not in self._others:
            self._others[key] = [p for k, p in self.readings if k != key]  # not the name's own readings
        others = self._others[key]
        if (id(c), key) not in self._around:  # every mention of the name asks again: worked out once
            self._around[(id(c), key)] = (_admin_share(c, others), _proximity(c, others))
        share, band = self._around[(id(c), key)]
        found: Features = {}
        if c.feature_class in ("P", "S") or c.feature_code in ("ADM1", "ADM2"):
            found["province_share"] = share
        if c.feature_class in ("P", "S") or c.feature_code == "ADM2":
            if band:
                found[band] = 1.0
        if self._city_namesake(c, m, key, others):
            found["city_namesake"] = 1.0
        found["coherence"] = min(self.coherence.support(c, key), self.weights.parameter("coherence_cap"))
        found["close_reading"] = min(self.coherence.close(c, key), self.weights.parameter("close_cap"))
        return found

    def _city_namesake(self, c: GazPlace, m: Mention, key: str, others: list[GazPlace]) -> bool:
        """A bare name shared by a province and a city means the city, unless the article names
        another town of the province."""
        if c.feature_code not in ("ADM1", "ADM2") or m.kind == "admin":
            return False
        if not _namesake_city(m, key, self.weights.parameter("provincial_capital")):
            return False
        return not (c.feature_code == "ADM1" and any(
            (p.feature_class == "P" or p.feature_code == "ADM2") and p.admin1 == c.admin1 and name_key(p.name) != key
            for p in others))  # a town or district of the province named beside it: the province

    def _containment(self, c: GazPlace, m: Mention) -> Features:
        """Nested mentions support each other: a town inside a province the text says contains it,
        and the province (of several of that name) that contains one of the town's readings."""
        options = [o for k in m.containers for o in self.mentions[k].candidates if o.feature_code in ("PCLI", "ADM1")]
        found: Features = {}
        if options:  # a county's extent is not known ("Town, X Parish" read as a parish elsewhere proves nothing)
            found["inside_stated" if any(inside(c, o) for o in options) else "outside_stated"] = 1.0
        inner = [o for n in self.contained.get(id(m), []) for o in n.candidates]
        if c.feature_code in ("PCLI", "ADM1") and any(inside(o, c) for o in inner):
            found["contains_named"] = 1.0
        return found
