"""The records that flow through crosswire.

One `Article` flows through the per-report stages; each stage fills one or more of its
annotation lists. Every annotation carries the character span (`start`, `end`) it came from,
as offsets into `Article.text` (the cleaned text). `Article.offsets` maps those offsets back to
`Article.raw_text` (the text as read). Nothing here loads a model or touches the clock.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

PUBLISHED_SOURCES = ("metadata", "text", "user", "inferred", "unknown")


@dataclass(frozen=True)
class Span:
    """A half-open character range [start, end) in `Article.text`."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad span [{self.start}, {self.end})")


@dataclass
class Sentence:
    start: int
    end: int


@dataclass
class Mention:
    """A named entity mention: a person, organisation, group, place name, ..."""

    start: int
    end: int
    text: str
    label: str  # PERSON, ORG, GPE, LOC, NORP, FAC, ...
    source: str = "model"  # model | ruler | rule
    canonical: str | None = None  # name of the curated entity it matched, if any
    actor_type: str | None = None  # ACLED-style actor type when known
    entity_id: str | None = None  # filled by cross-report entity resolution


@dataclass
class Place:
    """A toponym mention and the place it resolved to (or the reason it did not)."""

    start: int
    end: int
    text: str
    name: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    feature_code: str | None = None  # GeoNames feature class.code, e.g. "P.PPLA", "A.ADM1"
    admin1: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-2
    confidence: float = 0.0
    reason: str = ""  # how it was resolved, or why it could not be


@dataclass
class TimeRef:
    """A time expression normalised to a TIMEX3-style value."""

    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str | None  # e.g. 2024-12-05, 2024-W49, 2024-12, P2D, PRESENT_REF; None when unresolved
    precision: str | None = None  # day | week | month | year | time | None
    anchor: str | None = None  # the reference time used (ISO date) for relative expressions
    reason: str = ""  # how it was resolved, or why it could not be


@dataclass
class Figure:
    """A number in the text: how many killed, injured, displaced, ..."""

    start: int
    end: int
    text: str
    value: int | None  # conservative figure (ACLED rules for vague quantities)
    low: int | None = None
    high: int | None = None
    kind: str = "other"  # killed | injured | displaced | detained | released | troops | other
    group: str | None = None  # who is counted: civilians, fighters, soldiers, ...
    qualifier: str | None = None  # at least | more than | about | dozens | ...
    attributed_to: str | None = None
    place: str | None = None
    time: str | None = None
    part_of: int | None = None  # index in Article.figures of the total this is a breakdown of
    id: str = ""


@dataclass
class EventMention:
    """One event told in one report."""

    start: int
    end: int
    text: str  # the trigger or clause
    event_type: str
    sub_event_type: str | None = None
    plover: str | None = None
    actor1: str | None = None
    actor2: str | None = None
    place: int | None = None  # index into Article.places
    lat: float | None = None  # where the event is mapped: the place, or the seat of the division it names
    lon: float | None = None
    geo_precision: int | None = None  # ACLED's scale: 1 the town itself, 2 a district or area, 3 a province
    time: int | None = None  # index into Article.times
    date: str | None = None
    date_precision: str | None = None
    fatalities: int | None = None
    modality: str = "happened"  # happened | claimed | denied | failed | planned | threatened | historical
    negated: bool = False
    attributed_to: str | None = None
    evidence: list[Span] = field(default_factory=list)
    id: str = ""
    told_as: str = "event"  # event | period (a toll or fight stated for a period) | retold (told again)
    main: bool = False  # the report's main event (one per report with events)


@dataclass
class Claim:
    """A statement and whom it is attributed to; `voice` tells outlet's own voice from a quote."""

    start: int
    end: int
    text: str
    source: str | None
    voice: str = "outlet"  # outlet | quote | reported
    cue: str | None = None  # "according to", "said", "told", ...


@dataclass
class Note:
    """Something a stage noticed about a report: a repeated body removed, a date clash, ..."""

    stage: str
    code: str
    message: str
    start: int | None = None
    end: int | None = None


@dataclass
class Article:
    """One report. `raw_text` is the text as read; `text` is the cleaned text spans point into."""

    raw_text: str
    text: str = ""
    id: str = ""
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    byline: str | None = None
    published: datetime | None = None
    published_source: str = "unknown"
    language: str | None = None
    source_path: str | None = None
    source_format: str | None = None
    offsets: list[int] = field(default_factory=list)  # offsets[i] = raw offset of text[i]
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    times: list[TimeRef] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    # Transient: held for the stages of one run, never stored or exported.
    doc: Any = field(default=None, repr=False, compare=False, metadata={"transient": True})  # the spaCy parse
    other_dated: list[str] = field(default_factory=list, repr=False, compare=False,
                                   metadata={"transient": True})  # ISO days of related dated reports

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of `text` back to `raw_text` offsets."""
        if not self.offsets:
            return start, end
        if start >= len(self.offsets):
            last = self.offsets[-1] + 1 if self.offsets else 0
            return last, last
        raw_start = self.offsets[start]
        raw_end = self.offsets[end - 1] + 1 if end > start else raw_start
        return raw_start, raw_end

    def snippet(self, start: int, end: int) -> str:
        return self.text[start:end]


def normalise_for_hash(text: str) -> str:
    """Text reduced to what identifies a report's content: case, spacing and quotes ignored."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"[\u2018\u2019\u201a\u201b\u2032`]", "'", text)
    text = re.sub(r"[\u201c\u201d\u201e\u201f\u2033]", '"', text)
    return re.sub(r"\s+", " ", text).strip()


def content_hash(text: str) -> str:
    return hashlib.sha256(normalise_for_hash(text).encode("utf-8")).hexdigest()


def article_id(text: str) -> str:
    """Stable id of a report's content: the same cleaned text always gets the same id."""
    return "a" + content_hash(text)[:15]


def to_jsonable(obj: Any) -> Any:
    """Records to plain JSON values (datetimes as ISO 8601)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_jsonable(getattr(obj, f.name)) for f in dataclasses.fields(obj)
                if not f.metadata.get("transient")}
    if isinstance(obj, datetime):
        return obj.isoformat()
    if isinstance(obj, list | tuple):
        return [to_jsonable(x) for x in obj]
    if isinstance(obj, dict):
        return {str(k): to_jsonable(v) for k, v in obj.items()}
    return obj


ANNOTATION_TYPES: dict[str, type] = {
    "sentences": Sentence,
    "mentions": Mention,
    "places": Place,
    "times": TimeRef,
    "figures": Figure,
    "events": EventMention,
    "claims": Claim,
    "notes": Note,
}


def annotations_from_json(kind: str, rows: list[dict[str, Any]]) -> list[Any]:
    """Rebuild a list of annotation records from `to_jsonable` output."""
    cls = ANNOTATION_TYPES[kind]
    out = []
    for row in rows:
        if cls is EventMention:
            row = dict(row, evidence=[Span(**s) for s in row.get("evidence", [])])
        out.append(cls(**row))
    return out
