"""Typed records passed between stages and written out as the public record.

Every value that came from the text carries ``start``/``end``: character offsets into the
input text *exactly as given* (``Document.text``), never into a cleaned copy. ``text[start:end]``
is always the quoted ``text`` field.

The JSON shape of :class:`DocumentRecord` is the public contract read by other tools
(docs/records.md); ``sitrep schema`` prints its JSON Schema.
"""

from __future__ import annotations

import hashlib
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


# ---------------------------------------------------------------- ingest
class Document(Record):
    """One input document: the text as given plus its metadata."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = Field(None, description="Publication date/time from metadata, ISO 8601")
    published_source: Literal["metadata", "given"] | None = None
    origin: str | None = Field(None, description="File, feed or line the document came from")
    content_hash: str = ""
    captions: list[tuple[int, int]] = Field(
        default_factory=list, description="Offsets of figure captions found by the HTML reader"
    )

    def model_post_init(self, __context: object) -> None:
        if not self.content_hash:
            self.content_hash = content_hash(self.text)


def content_hash(text: str) -> str:
    """SHA-256 of the text with whitespace runs folded, so re-wrapped copies hash alike."""
    folded = " ".join(text.split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


# ---------------------------------------------------------------- spans
class Span(Record):
    start: int
    end: int
    text: str


class Removed(Record):
    start: int
    end: int
    reason: Literal["duplicate_paragraph", "caption_credit", "section_label", "boilerplate", "byline", "other_language"]
    text: str | None = None
    duplicate_of: int | None = Field(None, description="Start offset of the paragraph this one repeats")


class Published(Record):
    value: str = Field(description="ISO date (YYYY-MM-DD) or date-time")
    source: Literal["metadata", "given", "inferred"]
    confidence: float = 1.0
    reason: str | None = Field(None, description="How an inferred date was reached")
    evidence: list[Span] = Field(default_factory=list)

    def trusted(self, threshold: float) -> bool:
        """Whether events may be dated from it: given dates always, inferred ones at `threshold` or above."""
        return self.source != "inferred" or self.confidence >= threshold


# ---------------------------------------------------------------- time
class Interval(Record):
    start: str = Field(description="ISO date-time, inclusive")
    end: str = Field(description="ISO date-time, exclusive")


class TimeExpression(Record):
    start: int
    end: int
    text: str
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str | None = Field(None, description="TIMEX3 value, e.g. 2020-01-12T00:01, 2019-12, P9Y, PAST_REF")
    granularity: str | None = Field(None, description="second|minute|hour|part_of_day|day|week|month|quarter|year|decade|century")
    interval: Interval | None = None
    mod: str | None = Field(None, description="TIMEX3 mod: APPROX, BEFORE, AFTER, START, END …")
    anchor: Literal["publication", "previous", "absolute", "none"] | None = None
    utc_offset: str | None = None


# ---------------------------------------------------------------- places
class Place(Record):
    start: int
    end: int
    text: str
    name: str
    geonameid: int | None = None
    gazetteer_id: str | None = Field(None, description="Id in sitrep's gazetteer for entries without a GeoNames id")
    lat: float | None = None
    lon: float | None = None
    feature_class: str | None = None
    feature_code: str | None = None
    country: str | None = Field(None, description="ISO 3166-1 alpha-2")
    admin1: str | None = None
    precision: int | None = Field(None, description="ACLED geo-precision: 1 town, 2 near/part of region, 3 region")
    role: Literal["location", "demonym"] = "location"
    confidence: float = 0.5
    rule: str | None = Field(None, description="Id of the rule that decided the reading, or that left the name "
                             "unplaced (sitrep/data/place_weights.toml [rules]); place.scored: the highest score")
    features: dict[str, float] = Field(default_factory=dict, description="When the score decided: each scored "
                                       "feature that holds for the reading, as weight × value (their sum is its score)")


# ---------------------------------------------------------------- actors
class Mention(Span):
    pass


class Actor(Record):
    id: str
    name: str
    country: str | None = Field(None, description="ISO 3166-1 alpha-3, or an IGO code")
    sectors: list[str] = Field(default_factory=list, description="CAMEO-style sector codes: GOV, MIL, REB …")
    code: str | None = Field(None, description="CAMEO-style actor code, e.g. RUSGOV")
    kind: Literal["person", "organization", "state", "group", "nominal"] | None = None
    title: str | None = None
    acled_inter: int | None = Field(None, description="ACLED actor category 1–8")
    acled_category: str | None = None
    plover_type: str | None = None
    kb_id: str | None = Field(None, description="Knowledge-base entry that coded this actor")
    confidence: float = 0.5
    mentions: list[Mention] = Field(default_factory=list)


# ---------------------------------------------------------------- events
class PloverCode(Record):
    type: str
    mode: str | None = None


class AcledCode(Record):
    """ACLED's coding of an event (ACLED Codebook): type and sub-type, and the categories of its sides."""

    event_type: str | None
    sub_event_type: str | None
    inter1: int | None = Field(None, description="ACLED category of the first side (actor1): 1 state forces, "
                               "2 rebels, 3 political militias, 4 identity militias, 5 rioters, 6 protesters, "
                               "7 civilians, 8 external/other forces")
    inter2: int | None = Field(None, description="ACLED category of the second side (actor2), as inter1; "
                               "0 or null when the event has no second side")
    interaction: int | None = Field(None, description="ACLED interaction code: the two inter codes, lower first "
                                    "(12 state forces against rebels; 60 protesters alone)")


class EventPlace(Record):
    name: str
    geonameid: int | None = None
    lat: float
    lon: float
    precision: int
    country: str | None = None
    admin1: str | None = None
    source: Literal["sentence", "focus"] = "sentence"
    start: int | None = None
    end: int | None = None
    text: str | None = None


class EventDate(Record):
    value: str | None = Field(description="TIMEX3-style value, e.g. 2020-01-12")
    start: str | None = Field(None, description="ISO start of the interval the event lies in")
    end: str | None = Field(None, description="ISO end of the interval (exclusive)")
    precision: int = Field(description="ACLED time precision: 1 day, 2 week or range, 3 month or vaguer")
    source: Literal["expression", "anchor", "report_date"] = "expression"
    time_start: int | None = Field(None, description="Offsets of the time expression used, when one was")
    time_end: int | None = None
    text: str | None = None


class Attribution(Record):
    actor: str | None = None
    text: str
    start: int
    end: int


class Quantity(Record):
    best: float | None
    low: float | None = None
    high: float | None = None
    text: str
    start: int | None = None
    end: int | None = None


Modality = Literal["asserted", "planned", "threatened", "requested", "denied", "conditional", "negated", "hypothetical",
                   "ongoing", "habitual"]


class Event(Record):
    id: str
    plover: PloverCode
    cameo: str | None = None
    acled: AcledCode
    category: str | None = Field(None, description="sitrep's own category, e.g. diplomatic, disaster, crime, claim")
    sources: list[str] = Field(default_factory=list)
    targets: list[str] = Field(default_factory=list)
    place: EventPlace | None = None
    date: EventDate | None = None
    effective: EventDate | None = Field(
        None, description="For a planned event: when it is to take place or take effect (e.g. a ceasefire's start)")
    modality: Modality = "asserted"
    attribution: Attribution | None = None
    quantities: dict[str, Quantity] = Field(default_factory=dict)
    instrument: Span | None = None
    trigger: Span | None = None
    evidence: list[Span] = Field(default_factory=list)
    confidence: float = 0.5
    field_confidence: dict[str, float] = Field(default_factory=dict)
    decided_by: dict[str, str] = Field(
        default_factory=dict, description="Field name → the rule id (and what it read) that set the field; "
        "shown by `sitrep analyze --explain`")


# ---------------------------------------------------------------- output
class DocumentRecord(Record):
    """What `sitrep analyze` writes: one per input document."""

    id: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    content_hash: str
    published: Published | None = None
    removed: list[Removed] = Field(default_factory=list)
    times: list[TimeExpression] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    error: str | None = Field(None, description="Why the document could not be analysed, if it could not")
