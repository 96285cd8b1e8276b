"""Merging across articles, on real article groups: do reports of one event from different outlets land
in one canonical event, and do reports of different events stay apart?

Gold (``sitrep/data/merge_groups.toml``, ids only): groups of real articles from the corpora that report
one same real event, each with the PLOVER type(s) an analyst would code it with, its day and its
countries; per article, the groups whose event it reports (``events``) and those it only names in passing
(``mentions``); articles with neither are distractors. The texts are read at run time from the corpora
folder (tempeval3's TimeML with its creation time as the publication date; TR-News and LGL with their
outlet and download date); a missing corpus file leaves the task with no result and a log line.

All articles are analysed by the real pipeline and merged (``merge_record``) into one fresh SQLite
database, in published order (ties by id). Then, for each article and each group whose event it reports,
its *group mentions* are its stored event reports whose merge kind is one of the group's kinds, whose days
(when dated) lie within a week of the group's day, and whose country is not that of another event of the
same kind the article reports (the Nairobi and the Dar es Salaam bombings, reported together, are two
events; otherwise a report placed in a wrong country still counts: places are scored by other tasks). A near-duplicate article (a wire copy the merge refuses to count twice) shares the
canonical events of the article it copies.

* **recall** = merged gold pairs / gold pairs. A gold pair is two articles that both report one group's
  event; it is merged when a group mention of one and a group mention of the other are in one
  canonical event.
* **precision** = right joined pairs / joined pairs. A joined pair is two articles that share any
  canonical event, whatever its kind; it is right when the two articles report or mention one common
  group's event, wrong otherwise (across groups, or with a distractor).
* **invented ceasefires** = canonical ceasefires with a report from an article that reports or mentions
  no truce of the gold (a count; target 0).

Dev and test parts: an article belongs to the part of its first group's label (``split.split_of``), a
distractor to the part of its id; a pair is in the test part when either article is. With ``all`` every
pair counts. The pipeline runs once per process however many parts are scored.
"""

from __future__ import annotations

import logging
import re
import tempfile
import tomllib
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from itertools import combinations
from pathlib import Path

from sqlalchemy import create_engine, select

from ..models import Document
from .common import EvalResult, Metric
from .split import Split, split_of
from .time import read_tml

log = logging.getLogger(__name__)

GOLD = Path(__file__).resolve().parents[1] / "data" / "merge_groups.toml"  # ships with the package
CORPUS = "merge groups (tempeval3, TR-News, LGL)"
WINDOW_DAYS = 7  # a group mention's days must lie within this many days of the group's day
_GEO_FILES = {"tr-news": "TR-News.xml", "lgl": "lgl.xml"}
_WIRES = {"APW": "Associated Press", "NYT": "New York Times", "XIE": "Xinhua", "CNN": "CNN", "PRI": "PRI",
          "VOA": "Voice of America", "ABC": "ABC", "AP9": "Associated Press", "WSJ": "Wall Street Journal"}


@dataclass(frozen=True)
class Group:
    label: str
    kinds: frozenset[str]
    day: date
    countries: frozenset[str]


@dataclass(frozen=True)
class GoldArticle:
    corpus: str
    id: str
    events: tuple[str, ...]
    mentions: tuple[str, ...]
    published: str | None

    @property
    def part(self) -> str:
        return split_of(self.events[0] if self.events else self.id)


@dataclass
class Report:
    """One stored event report of an article, as the scorer needs it."""

    canonical_id: str
    kind: str
    country: str | None
    day_lo: int | None
    day_hi: int | None


@dataclass
class Merged:
    """What the merge stored for the gold articles: their reports, and which article copies which."""

    reports: dict[str, list[Report]] = field(default_factory=dict)
    copies: dict[str, str] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)


def load_gold(path: Path = GOLD) -> tuple[dict[str, Group], list[GoldArticle]]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    groups = {label: Group(label, frozenset(g["kinds"]), date.fromisoformat(g["day"]), frozenset(g["countries"]))
              for label, g in data["groups"].items()}
    articles = [GoldArticle(a["corpus"], a["id"], tuple(a.get("events", ())), tuple(a.get("mentions", ())),
                            a.get("published")) for a in data["articles"]]
    unknown = {g for a in articles for g in (*a.events, *a.mentions)} - set(groups)
    if unknown:
        raise ValueError(f"{path}: articles name groups that are not defined: {sorted(unknown)}")
    return groups, articles


# ------------------------------------------------------------------ reading the texts
def _tempeval(root: Path, ident: str) -> Document | None:
    found = sorted((root / "tempeval3" / "TBAQ-cleaned").glob(f"*/{ident}.tml"))
    if not found:
        return None
    gold = read_tml(found[0])
    return Document(id=ident, text=gold.text.strip(), source=_WIRES.get(ident[:3], ident[:3]),
                    published=gold.dct or None, published_source="given")


@lru_cache(maxsize=4)
def _geo_articles(path: Path) -> dict[str, tuple[str, str, str]]:
    """docid → (text, outlet, download date) of a geoparsing-news file."""
    found = {}
    for node in ET.parse(path).getroot().iter("article"):
        found[node.get("docid", "")] = ((node.findtext("text") or "").strip(), (node.findtext("domain") or "").strip(),
                                        (node.findtext("dltime") or "").strip())
    return found


def _geo(root: Path, corpus: str, ident: str, published: str | None) -> Document | None:
    path = root / "geoparsing-news" / _GEO_FILES[corpus]
    if not path.exists() or ident not in _geo_articles(path):
        return None
    text, outlet, dltime = _geo_articles(path)[ident]
    day = published or (dltime[:10] if re.match(r"\d{4}-\d\d-\d\d", dltime) else None)
    return Document(id=ident, text=text, source=outlet, published=day, published_source="given" if day else None)


def read_document(root: Path, article: GoldArticle) -> Document | None:
    if article.corpus == "tempeval3":
        return _tempeval(root, article.id)
    return _geo(root, article.corpus, article.id, article.published)


# ------------------------------------------------------------------ running the merge
@lru_cache(maxsize=2)
def run_merge(root: Path, gold_path: Path = GOLD) -> Merged:
    """Analyse every gold article found under ``root`` with the real pipeline and merge them."""
    _, articles = load_gold(gold_path)
    documents, missing = [], []
    for article in articles:
        doc = read_document(root, article)
        if doc is None:
            missing.append(f"{article.corpus}:{article.id}")
        else:
            documents.append(doc)
    merged = merge_documents(documents)
    merged.missing = missing
    return merged


def merge_documents(documents: Iterable[Document], keep: Path | None = None) -> Merged:
    """Analyse the documents with the real pipeline and merge them, in published order (ties by id), into
    a fresh SQLite database (a temporary one, or the new file ``keep`` to look at afterwards with
    `sitrep ceasefires --db` and `sitrep event`); return what was stored for each."""
    from ..merge import merge_record, metadata
    from ..merge.tables import event_mentions
    from ..pipeline import Pipeline

    merged = Merged()
    pipeline = Pipeline()
    with tempfile.TemporaryDirectory(prefix="sitrep-merge-eval-") as folder:
        engine = create_engine(f"sqlite:///{keep or Path(folder) / 'merge.db'}")
        metadata.create_all(engine)
        for doc in sorted(documents, key=lambda d: (d.published or "", d.id)):
            record = pipeline.analyze(doc).record()
            with engine.begin() as conn:
                outcome = merge_record(conn, doc.id, record, text=doc.text)
            if outcome.duplicate_of:
                merged.copies[doc.id] = outcome.duplicate_of
        with engine.connect() as conn:
            rows = conn.execute(select(event_mentions.c.document_id, event_mentions.c.canonical_id,
                                       event_mentions.c.view)).all()
        engine.dispose()
    for row in rows:
        view = row.view
        merged.reports.setdefault(row.document_id, []).append(
            Report(row.canonical_id, view["kind"], view.get("country"), view.get("day_lo"), view.get("day_hi")))
    return merged


# ------------------------------------------------------------------ scoring
def reports_of(merged: Merged, article_id: str) -> list[Report]:
    return merged.reports.get(merged.copies.get(article_id, article_id), [])


def group_canonicals(reports: Iterable[Report], group: Group, elsewhere: frozenset[str] = frozenset()) -> set[str]:
    """Canonical events of the reports that are reports of the group's event: of one of its kinds, dated
    (when dated) within a week of its day, and not placed in ``elsewhere``, the countries of the article's
    other events of that kind (so that the Nairobi and the Dar es Salaam bombings of one article stay two
    events). A report placed in a wrong country is still a report of its event: places are scored by the
    geo and events tasks, not here."""
    lo, hi = group.day.toordinal() - WINDOW_DAYS, group.day.toordinal() + WINDOW_DAYS
    return {r.canonical_id for r in reports
            if r.kind in group.kinds and (r.country is None or r.country not in elsewhere)
            and (r.day_lo is None or r.day_hi is None or (r.day_lo <= hi and lo <= r.day_hi))}


def _elsewhere(article: GoldArticle, group: Group, groups: dict[str, Group]) -> frozenset[str]:
    """Countries of the article's other reported events of a kind this group shares, not of this group."""
    other = {c for label in article.events if label != group.label and groups[label].kinds & group.kinds
             for c in groups[label].countries}
    return frozenset(other - group.countries)


def _in_part(pair: tuple[GoldArticle, GoldArticle], split: Split) -> bool:
    if split == "all":
        return True
    part = "test" if "test" in (pair[0].part, pair[1].part) else "dev"
    return part == split


@dataclass
class MergeScore:
    gold_pairs: int = 0
    merged: int = 0
    joined: int = 0
    right: int = 0
    invented_ceasefires: int = 0
    per_group: dict[str, list[int]] = field(default_factory=dict)  # label → [merged, gold pairs]
    wrong: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.right / self.joined if self.joined else 1.0

    @property
    def recall(self) -> float:
        return self.merged / self.gold_pairs if self.gold_pairs else 1.0


def score(groups: dict[str, Group], articles: list[GoldArticle], merged: Merged, split: Split = "all") -> MergeScore:
    result = MergeScore()
    for a, b in combinations(articles, 2):
        if not _in_part((a, b), split):
            continue
        ra, rb = reports_of(merged, a.id), reports_of(merged, b.id)
        for label in sorted(set(a.events) & set(b.events)):
            group = groups[label]
            hit = bool(group_canonicals(ra, group, _elsewhere(a, group, groups))
                       & group_canonicals(rb, group, _elsewhere(b, group, groups)))
            result.gold_pairs += 1
            result.merged += hit
            tally = result.per_group.setdefault(label, [0, 0])
            tally[0] += hit
            tally[1] += 1
            if not hit:
                result.missed.append(f"{label}: {a.id} / {b.id}")
        if {r.canonical_id for r in ra} & {r.canonical_id for r in rb}:
            result.joined += 1
            if set(a.events + a.mentions) & set(b.events + b.mentions):
                result.right += 1
            else:
                result.wrong.append(f"{a.id} ({', '.join(a.events) or 'distractor'}) / "
                                    f"{b.id} ({', '.join(b.events) or 'distractor'})")
    result.invented_ceasefires = _invented_ceasefires(groups, articles, merged, split)
    return result


def _invented_ceasefires(groups: dict[str, Group], articles: list[GoldArticle], merged: Merged,
                         split: Split) -> int:
    truce_articles = {a.id for a in articles
                      if any("ceasefire" in groups[g].kinds for g in (*a.events, *a.mentions))}
    invented = set()
    for article in articles:
        if article.id in truce_articles or (split != "all" and article.part != split):
            continue
        invented |= {r.canonical_id for r in reports_of(merged, article.id) if r.kind == "ceasefire"}
    return len(invented)


def evaluate(corpus_root: Path, limit: int | None = None, split: Split = "all") -> list[EvalResult]:
    """Pairwise merge precision and recall on the gold article groups (``limit`` is ignored: the groups
    are scored whole or not at all)."""
    groups, articles = load_gold()
    merged = run_merge(Path(corpus_root))
    if merged.missing:
        log.warning("merge eval: %d gold articles not found under %s (first: %s); scored without them",
                    len(merged.missing), corpus_root, merged.missing[0])
        present = {a.id for a in articles} - {m.split(":", 1)[1] for m in merged.missing}
        articles = [a for a in articles if a.id in present]
        if not articles:
            return []
    result = score(groups, articles, merged, split)
    metrics = [Metric("pairwise_precision", result.precision, n=result.joined),
               Metric("pairwise_recall", result.recall, n=result.gold_pairs),
               Metric("invented_ceasefires", float(result.invented_ceasefires), unit="count",
                      n=len(articles))]
    details = {"per_group": result.per_group, "wrong_pairs": result.wrong, "missed_pairs": result.missed,
               "copies": merged.copies, "missing": merged.missing}
    return [EvalResult("merge", CORPUS, metrics, details=details, split=split)]
