"""Score place detection and resolution on the geoparsing news corpora (LGL, TR-News).

Detection: predicted places (locations and demonyms; TR-News marks "Turkish" as a toponym too) are
paired one-to-one with gold toponyms whose extent they overlap; precision, recall and F1 follow.
Resolution: great-circle error between our point and gold's, over gold toponyms with coordinates.
Two denominators are reported: ``acc161_matched`` over gold toponyms whose extent we found (the
resolver's own accuracy; the issue's target) and ``acc161_all`` over every gold toponym with
coordinates (end to end: a missed or unplaced toponym counts wrong). The baseline, "most populous
gazetteer match of every spaCy GPE/LOC", is scored on the same documents in the same run.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ..progress import track
from .common import EvalResult, Metric, prf
from .split import Split, select

CORPORA = {"lgl": "lgl.xml", "tr-news": "TR-News.xml"}
ANCHORS = {"lgl": "Mordecai3 82.7% acc@161km (LGL)", "tr-news": "Mordecai3 87.3% acc@161km (TR-News)"}
FAR_KM = 20037.5  # error given to a toponym we did not place (half the Earth's circumference)


@dataclass
class Gold:
    start: int
    end: int
    text: str
    geonameid: int | None
    lat: float | None
    lon: float | None
    fcode: str


@dataclass
class Guess:
    start: int
    end: int
    text: str
    geonameid: int | None
    lat: float | None
    lon: float | None
    feature_code: str | None = None
    country: str | None = None
    name: str | None = None


@dataclass
class Article:
    id: str
    text: str
    gold: list[Gold] = field(default_factory=list)


_DRIFT = 20  # TR-News offsets drift by up to a dozen characters in some articles


def _realign(text: str, start: int, end: int, phrase: str) -> tuple[int, int]:
    """Some TR-News offsets are off by a few characters (up to a dozen): the nearest occurrence of the
    phrase within _DRIFT characters of them."""
    if text[start:end] == phrase or not phrase:
        return start, end
    for shift in sorted(range(-_DRIFT, _DRIFT + 1), key=abs):
        if text[start + shift:end + shift] == phrase:
            return start + shift, end + shift
    return start, end


def _gold(node: etree._Element, text: str) -> Gold:
    phrase = node.findtext("phrase") or ""
    start, end = _realign(text, int(node.findtext("start", "")), int(node.findtext("end", "")), phrase)
    tag = node.find("gaztag")
    lat = tag.findtext("lat") if tag is not None else None
    lon = tag.findtext("lon") if tag is not None else None
    gid = tag.get("geonameid") if tag is not None else None
    return Gold(start, end, phrase, int(gid) if gid else None, float(lat) if lat else None,
                float(lon) if lon else None, (tag.findtext("fcode") or "") if tag is not None else "")


def load_articles(path: Path, limit: int | None = None, split: Split = "all") -> list[Article]:
    """Articles with their gold toponyms from one corpus file (those of the split, then the first `limit`)."""
    root = etree.parse(str(path)).getroot()
    articles: list[Article] = []
    for n, node in enumerate(root.iter("article")):
        text = node.findtext("text") or ""
        gold = [_gold(t, text) for t in node.iter("toponym")]
        articles.append(Article(node.get("docid") or str(n), text, gold))
    return select(articles, split, lambda a: a.id)[:limit]


# ---------------------------------------------------------------- pairing and scoring
def pair(gold: list[Gold], guesses: list[Guess]) -> tuple[dict[int, int], list[int]]:
    """One-to-one overlap pairs gold index → guess index, and unpaired guess indexes."""
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for g_i, g in enumerate(gold):
        best = None
        for p_i, p in enumerate(guesses):
            if p_i not in used and p.start < g.end and g.start < p.end:
                if best is None or abs(p.start - g.start) < abs(guesses[best].start - g.start):
                    best = p_i
        if best is not None:
            pairs[g_i] = best
            used.add(best)
    return pairs, [i for i in range(len(guesses)) if i not in used]


def error_km(g: Gold, p: Guess | None) -> float:
    from ..geo.distance import haversine_km

    if p is None or p.lat is None or p.lon is None or g.lat is None or g.lon is None:
        return FAR_KM
    return haversine_km(g.lat, g.lon, p.lat, p.lon)


@dataclass
class Tally:
    """Counts gathered over a corpus for one system."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    matched_errors: list[float] = field(default_factory=list)
    all_errors: list[float] = field(default_factory=list)
    id_hits: int = 0
    id_total: int = 0
    right_place_far_point: int = 0  # right GeoNames id, but our point is over 161 km from GeoNames' point
    errors: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)

    def note(self, kind: str, example: str) -> None:
        self.errors[kind] += 1
        bucket = self.examples.setdefault(kind, [])
        if len(bucket) < 12:
            bucket.append(example)


def classify(g: Gold, p: Guess) -> str:
    """Why a placed toponym is more than 161 km off."""
    if p.lat is None:
        return "found_not_placed"
    if g.geonameid and p.geonameid == g.geonameid:
        return "same_place_other_point"  # our gazetteer's point for the right place differs from GeoNames'
    if g.fcode == "ADM1" and p.feature_code in ("PPL", "PPLC"):
        return "town_chosen_for_province"
    if g.fcode.startswith("PCL") or g.fcode in ("ADM1", "CONT", "RGN"):
        return f"wrong_{'country' if g.fcode.startswith('PCL') else g.fcode.lower()}_reading"
    if p.feature_code in ("PCLI", "ADM1", "ADM2"):
        return "region_chosen_for_town"
    return "other_place_same_name"


def score_article(article: Article, guesses: list[Guess], tally: Tally) -> None:
    pairs, spare = pair(article.gold, guesses)
    tally.tp += len(pairs)
    tally.fp += len(spare)
    tally.fn += len(article.gold) - len(pairs)
    for i in spare:
        tally.note("false_positive", guesses[i].text)
    for g_i, g in enumerate(article.gold):
        p = guesses[pairs[g_i]] if g_i in pairs else None
        if p is None:
            tally.note("missed", g.text)
        if g.lat is None:
            continue
        err = error_km(g, p)
        tally.all_errors.append(err)
        if p is None:
            continue
        tally.matched_errors.append(err)
        if g.geonameid:
            tally.id_total += 1
            tally.id_hits += int(p.geonameid == g.geonameid)
        if err > 161:
            kind = classify(g, p)
            tally.right_place_far_point += kind == "same_place_other_point"
            tally.note(kind, f"{g.text} → {p.name or p.text}@{p.lat},{p.lon}")


def _acc(errors: list[float]) -> float:
    return sum(e <= 161 for e in errors) / len(errors) if errors else 0.0


def _median(errors: list[float]) -> float:
    return statistics.median(errors) if errors else 0.0


def metrics(ours: Tally, base: Tally, anchor: str) -> list[Metric]:
    p, r, f = prf(ours.tp, ours.fp, ours.fn)
    bp, br, bf = prf(base.tp, base.fp, base.fn)
    n_gold = ours.tp + ours.fn
    return [
        Metric("toponym_precision", p, bp, n=n_gold), Metric("toponym_recall", r, br, n=n_gold),
        Metric("toponym_f1", f, bf, n=n_gold),
        Metric("acc161_matched", _acc(ours.matched_errors), _acc(base.matched_errors), anchor,
               n=len(ours.matched_errors)),
        Metric("acc161_all", _acc(ours.all_errors), _acc(base.all_errors), n=len(ours.all_errors)),
        Metric("median_error_km_matched", _median(ours.matched_errors), _median(base.matched_errors),
               unit="km", n=len(ours.matched_errors)),
        Metric("geonameid_match", ours.id_hits / ours.id_total if ours.id_total else 0.0,
               base.id_hits / base.id_total if base.id_total else 0.0, n=ours.id_total),
    ]


# ---------------------------------------------------------------- systems
def sitrep_guesses(doc: object, gaz: object) -> list[Guess]:
    """Our places (locations and demonyms) for a parsed document."""
    from ..geo import find_places

    return [Guess(p.start, p.end, p.text, p.geonameid, p.lat, p.lon, p.feature_code, p.country, p.name)
            for p in find_places(doc, gaz)]  # type: ignore[arg-type]


def baseline_guesses(doc: object, gaz: object) -> list[Guess]:
    """Most populous gazetteer match of every spaCy GPE/LOC entity (countries count as their population)."""
    from ..geo.normalize import name_key

    out = []
    for ent in doc.ents:  # type: ignore[attr-defined]
        if ent.label_ not in ("GPE", "LOC"):
            continue
        found = gaz.lookup(name_key(ent.text.removesuffix("'s").removesuffix("’s")))  # type: ignore[attr-defined]
        best = max(found, key=lambda c: c.population, default=None)
        out.append(Guess(ent.start_char, ent.end_char, ent.text, best.geonameid if best else None,
                         best.lat if best else None, best.lon if best else None,
                         best.feature_code if best else None))
    return out


System = Callable[[object, object], list[Guess]]


def run_corpus(name: str, articles: list[Article], gaz: object, nlp: object, split: Split = "all") -> EvalResult:
    ours, base = Tally(), Tally()
    parsed = zip(articles, nlp.pipe(a.text for a in articles), strict=True)  # type: ignore[attr-defined]
    for article, doc in track(parsed, f"places: {name}", len(articles), "articles"):
        score_article(article, sitrep_guesses(doc, gaz), ours)
        score_article(article, baseline_guesses(doc, gaz), base)
    near = sum(e <= 161 for e in ours.matched_errors) + ours.right_place_far_point
    details = {"articles": len(articles), "error_classes": dict(ours.errors.most_common()),
               "acc161_matched_if_same_geonameid_counts_right": near / len(ours.matched_errors)
               if ours.matched_errors else 0.0,
               "baseline_error_classes": dict(base.errors.most_common()), "examples": ours.examples,
               "acc161_definition": "matched: over gold toponyms with coordinates whose extent we found; "
                                    "all: over every gold toponym with coordinates (missed = wrong)"}
    return EvalResult("geo", f"geoparsing-news/{CORPORA[name]}", metrics(ours, base, ANCHORS[name]),
                      baseline_name="most populous gazetteer match of every spaCy GPE/LOC", details=details,
                      split=split)


def evaluate(corpus_root: Path, limit: int | None = None, corpora: Iterable[str] = ("lgl", "tr-news"),
             gazetteer_path: Path | None = None, split: Split = "all") -> list[EvalResult]:
    """Score places on LGL and TR-News (`limit` articles of each); one EvalResult per corpus."""
    from ..geo import open_gazetteer
    from ..nlp import load_model
    from ..settings import load_settings

    folder = Path(corpus_root) / "geoparsing-news"
    gaz = open_gazetteer(gazetteer_path or load_settings().gazetteer_file())
    nlp = load_model()
    return [run_corpus(name, load_articles(folder / CORPORA[name], limit, split), gaz, nlp, split)
            for name in corpora]
