"""The pieces a brief is built of: sentences of cited parts, one story's brief, and one story's stored reports.

Kept apart from the section builders (`brief.py`, `brief_figures.py`, `brief_changes.py`), which all use them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..store import ReadStore


@dataclass
class Part:
    text: str
    kind: str | None = None  # None: connecting words that state nothing; else a kind of `brief.check_sentence`
    article_id: str | None = None
    start: int | None = None
    end: int | None = None
    claim: str | None = None  # what the cited record must say (defaults to `text`)


@dataclass
class Sentence:
    parts: list[Part]

    @property
    def citations(self) -> list[Part]:
        return [p for p in self.parts if p.kind is not None]


@dataclass
class StoryBrief:
    story_id: str
    title: str
    outlets: list[str]
    first: str | None
    last: str | None
    sections: dict[str, list[Sentence]] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)  # per section, a line on what it covers (not a claim)


SECTIONS = ("Key developments", "Figures", "Disputed", "Changes since the previous brief", "Framing")


def words(text: str) -> Part:
    return Part(text)


def quote(article_id: str, start: int, end: int, text: str) -> Part:
    return Part(f"“{' '.join(text[start:end].split())}”", "quote", article_id, start, end, text[start:end])


class StoryReports:
    """One story's reports and their annotations, read once."""

    def __init__(self, store: ReadStore, story_id: str) -> None:
        self.meta = store.story(story_id)
        self.articles = {aid: store.article(aid) for aid in self.meta["articles"]}
        self.ann = {aid: store.article_annotations(aid) for aid in self.meta["articles"]}

    def outlet(self, aid: str) -> str:
        return self.articles[aid]["outlet"] or aid

    def text(self, aid: str) -> str:
        return self.articles[aid]["text"]
