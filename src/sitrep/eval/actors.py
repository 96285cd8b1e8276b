"""Score actor coding (country and sector) against the PLOVER and PETRARCH-2 gold records.

PLOVER (plover-gsr/PLOVER_GSR_CAMEO.json): each source/target actor has ``actorText``, a country
``code`` and a ``sector``. We look for our actor with a mention overlapping the actor text in the
sentence; none found counts wrong for both scores. Country: our country equals gold's (for gold
IGO/NGO codes, our code's first three letters). Sector: gold's sector (first three letters) is
among our sectors; gold without a sector (states, IGOs) needs none of ours (IGO/NGO not counted);
gold "***" (unknown) is left out of the sector score. Coverage: share of gold actors we found.

PETRARCH-2 (petrarch2-validation/PETR2_GSR_validation.xml, hand-coded GOLD/TEST/VERB/PASSIVE
records only): codes have no text span, so a gold actor ("IRQGOVMIL") counts as found when some
actor in the sentence has its country ("---" = any) and, for the sector score, all its sectors.

Baseline, in the same run: country of the first GPE/NORP entity in the sentence that names a
country; no sector.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..countries import lookup_country
from ..progress import track
from .common import EvalResult, Metric
from .split import Split, in_split, select

PLOVER_FILE = Path("plover-gsr") / "PLOVER_GSR_CAMEO.json"
PETRARCH_FILE = Path("petrarch2-validation") / "PETR2_GSR_validation.xml"
HAND_CODED = ("GOLD", "TEST", "VERB", "PASSIVE")
BASELINE = "country of the first GPE/NORP entity in the sentence that names a country; no sector"
# CAMEO country codes that differ from ISO 3166 alpha-3
CAMEO_TO_ISO = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "ROM": "ROU", "GMY": "DEU", "UKG": "GBR"}
SECTOR_SYNONYMS = {"CIV": "CVL"}
_NO_SECTOR = {"IGO", "NGO"}
_SECTORS = {"GOV", "MIL", "COP", "SPY", "LEG", "JUD", "REB", "OPP", "PTY", "UAF", "ELI", "CVL", "REF", "MED",
            "BUS", "EDU", "LAB", "AGR", "REL", "HLH", "CRM", "JRN", "SOC", "MOS", "CIV", "IGO", "NGO"}


@dataclass
class GoldActor:
    sentence: int
    text: str
    role: str
    country: str | None
    sector: str | None
    span: tuple[int, int] | None = None


@dataclass
class Tally:
    country: list[bool] = field(default_factory=list)
    sector: list[bool] = field(default_factory=list)
    found: list[bool] = field(default_factory=list)
    errors: Counter = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)

    def note(self, kind: str, example: str) -> None:
        self.errors[kind] += 1
        self.examples.setdefault(kind, [])
        if len(self.examples[kind]) < 5:
            self.examples[kind].append(example)


def _ratio(values: list[bool]) -> float:
    return sum(values) / len(values) if values else 0.0


# ---------------------------------------------------------------- gold loading
def _locate(text: str, actor_text: str) -> tuple[int, int] | None:
    """Where the actor text occurs in the sentence (first part of "U.S. ... negotiators"); spacing
    and case may differ; when its words are apart in the sentence ("French [and Egyptian] warships"),
    where its first word is."""
    for piece in (actor_text.strip(), actor_text.split("..")[0].strip()):
        if not piece:
            continue
        pattern = r"\s+".join(re.escape(word) for word in piece.split())
        match = re.search(pattern, text) or re.search(pattern, text, re.IGNORECASE)
        if match:
            return match.start(), match.end()
    first = re.search(rf"(?<!\w){re.escape(actor_text.split()[0])}(?!\w)", text) if actor_text.split() else None
    return (first.start(), first.end()) if first else None  # words apart: "French warships"


def _gold_country(code: str | None) -> str | None:
    if not code or code.startswith("---"):
        return None
    return CAMEO_TO_ISO.get(code[:3], code[:3])


def _gold_sector(sector: str | None) -> str | None:
    if not sector:
        return None
    head = sector[:3].upper()
    return SECTOR_SYNONYMS.get(head, head)


def load_plover(root: Path, limit: int | None = None, split: Split = "all") -> tuple[list[str], list[GoldActor]]:
    records = [r for r in json.loads((root / PLOVER_FILE).read_text("utf-8")) if r.get("event") != "DOCUMENT"]
    records = select(records, split, lambda r: str(r["id"]))[:limit]
    texts, actors = [], []
    for i, record in enumerate(records):
        texts.append(record["text"])
        for role in ("source", "target"):
            items = record.get(role) or []
            for item in items if isinstance(items, list) else [items]:
                if isinstance(item, dict) and item.get("actorText"):
                    actors.append(GoldActor(i, item["actorText"], role, _gold_country(item.get("code")),
                                            _gold_sector(item.get("sector")),
                                            _locate(record["text"], item["actorText"])))
    return texts, actors


def _split_code(code: str) -> tuple[str | None, set[str]]:
    """PETRARCH code → (country or None for "---", sectors): "IRQGOVMIL" → ("IRQ", {GOV, MIL})."""
    country = _gold_country(code)
    rest = code[6:] if code.startswith("IGO") else code[3:]
    chunks = {rest[i:i + 3] for i in range(0, len(rest), 3)}
    return country, {SECTOR_SYNONYMS.get(c, c) for c in chunks if c in _SECTORS}


def load_petrarch(root: Path, limit: int | None = None,
                  split: Split = "all") -> tuple[list[str], list[tuple[int, str, str]]]:
    """Hand-coded sentences and (sentence, role, code) for each source/target code."""
    raw = (root / PETRARCH_FILE).read_text("utf-8")
    texts: list[str] = []
    codes: list[tuple[int, str, str]] = []
    for part in re.split(r"(?=<Sentence )", raw)[1:]:
        ident = re.search(r'id="([^"]*)"', part)
        text = re.search(r"<Text>(.*?)</Text>", part, re.S)
        if not ident or not text or not ident.group(1).startswith(HAND_CODED) or not in_split(ident.group(1), split):
            continue
        index = len(texts)
        texts.append(" ".join(text.group(1).split()))
        for role, code in re.findall(r'(source|target)code="([^"]*)"', part):
            if code and code != "---":
                codes.append((index, role, code))
    return (texts[:limit], [c for c in codes if c[0] < limit]) if limit else (texts, codes)


# ---------------------------------------------------------------- running sitrep
def analyse(texts: list[str]) -> list[object]:
    """Run the stages actors depend on (clean, nlp, temporal, geo) and actors over each sentence."""
    from ..models import Document
    from ..pipeline import Pipeline, _default_stages
    from ..settings import load_settings

    settings = load_settings()
    stages = [s for s in _default_stages(settings) if s.name in ("clean", "nlp", "temporal", "geo", "actors")]
    pipeline = Pipeline(settings, stages)
    return [pipeline.analyze(Document(id=f"s{i}", text=t))
            for i, t in track(list(enumerate(texts)), "actors: sentences", len(texts), "sentences")]


def baseline_country(analysis: object) -> str | None:
    for ent in analysis.doc.ents:  # type: ignore[attr-defined]
        if ent.label_ in ("GPE", "NORP"):
            country = lookup_country(ent.text)
            if country is not None:
                return country.alpha3
    return None


def _our_sectors(actor: object) -> set[str]:
    return {s for s in actor.sectors if s not in _NO_SECTOR}  # type: ignore[attr-defined]


def _country_ok(gold: str | None, ours: str | None) -> bool:
    if gold in ("IGO", "NGO"):
        return bool(ours) and ours[:3] == gold  # type: ignore[index]
    return gold is not None and ours == gold


def _sector_ok(gold: str | None, actor: object) -> bool:
    ours = _our_sectors(actor)
    return not ours if gold is None else gold in ours


# ---------------------------------------------------------------- scoring
def score_plover(gold: list[GoldActor], analyses: list[object], ours: Tally, base: Tally) -> None:
    from ..actors import actor_at

    for g in gold:
        analysis = analyses[g.sentence]
        actor = actor_at(analysis, *g.span) if g.span else None  # type: ignore[arg-type]
        b_country = baseline_country(analysis)
        base.country.append(_country_ok(g.country, b_country))
        ours.found.append(actor is not None)
        if g.sector != "***":
            base.sector.append(g.sector is None)
        if actor is None:
            ours.country.append(False)
            if g.sector != "***":
                ours.sector.append(False)
            ours.note("no actor at the gold text", f"{g.text!r} ({g.country}{g.sector or ''})")
            continue
        _tally_actor(g, actor, ours)


def _tally_actor(g: GoldActor, actor: object, ours: Tally) -> None:
    country = actor.country  # type: ignore[attr-defined]
    ok = _country_ok(g.country, country)
    ours.country.append(ok)
    if not ok:
        kind = "country missing" if country is None else "country wrong"
        ours.note(kind, f"{g.text!r}: ours {country} gold {g.country}")
    if g.sector == "***":
        return
    ok = _sector_ok(g.sector, actor)
    ours.sector.append(ok)
    if not ok:
        got = ",".join(sorted(_our_sectors(actor))) or "none"
        ours.note(f"sector {g.sector or 'none'} coded as {got}", f"{g.text!r}")


def score_petrarch(codes: list[tuple[int, str, str]], analyses: list[object], ours: Tally, base: Tally) -> None:
    for index, _role, code in codes:
        country, sectors = _split_code(code)
        actors = analyses[index].actors  # type: ignore[attr-defined]
        same = [a for a in actors if country is None or _country_ok(country, a.country)]
        if country is not None:
            ours.country.append(bool(same))
            base.country.append(_country_ok(country, baseline_country(analyses[index])))
            if not same:
                ours.note("no actor of the gold country", f"{code} in sentence {index}")
        ok = any(sectors <= _our_sectors(a) and (sectors or not _our_sectors(a)) for a in same)
        ours.sector.append(ok)
        base.sector.append(not sectors)
        ours.found.append(bool(same))
        if not ok and same:
            ours.note("sectors differ", f"{code}: ours {[a.code for a in same]}")


def _metrics(ours: Tally, base: Tally) -> list[Metric]:
    return [
        Metric("country_accuracy", _ratio(ours.country), _ratio(base.country), n=len(ours.country)),
        Metric("sector_accuracy", _ratio(ours.sector), _ratio(base.sector), n=len(ours.sector)),
        Metric("coverage", _ratio(ours.found), None, n=len(ours.found)),
    ]


def _details(ours: Tally, extra: dict[str, object]) -> dict[str, object]:
    return {"error_classes": dict(ours.errors.most_common()), "examples": ours.examples, **extra}


def evaluate(corpus_root: Path, limit: int | None = None, split: Split = "all") -> list[EvalResult]:
    results = []
    texts, gold = load_plover(corpus_root, limit, split)
    analyses = analyse(texts)
    ours, base = Tally(), Tally()
    score_plover(gold, analyses, ours, base)
    by_role = {role: _ratio([ours.country[i] for i, g in enumerate(gold) if g.role == role])
               for role in ("source", "target")}
    results.append(EvalResult("actors", str(PLOVER_FILE), _metrics(ours, base), BASELINE,
                              _details(ours, {"country_accuracy_by_role": by_role,
                                              "unlocated_gold_text": sum(g.span is None for g in gold)}),
                              split=split))
    p_texts, codes = load_petrarch(corpus_root, limit, split)
    p_ours, p_base = Tally(), Tally()
    score_petrarch(codes, analyse(p_texts), p_ours, p_base)
    results.append(EvalResult("actors", f"{PETRARCH_FILE} (hand-coded records)", _metrics(p_ours, p_base),
                              BASELINE, _details(p_ours, {}), split=split))
    return results
