"""Framing: which words each outlet uses for each side of a conflict, in its own voice or quoted.

`SIDE_WORDS` is a small table of the common English labels for a conflict's two sides, each with the
public basis for listing it. The armed-opposition labels are the ones news style guides discuss by name
(the AP Stylebook's entries on rebels, insurgents, militants, jihadists, Islamists and terrorism; the
Reuters Handbook of Journalism and the BBC Editorial Guidelines on keeping "terrorist" to attributed
speech); the state labels are the ones the same guides and media-bias studies contrast (regime vs
government, army / military / troops / security forces, and the capital used for the government).

A word counts once per occurrence, in one of three voices: `quoted` (inside quotation marks),
`attributed` (inside a statement the attribution stage gives to a source: SANA's "terrorist
organizations" is SANA's), or `own` (the outlet's voice). A word inside a named actor (the rebel
"Syrian National Army", the "Salvation Government") counts for that actor's side, by its actor type;
inside a foreign or non-combatant actor's name it is not a side word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .reports import ReportView

OPPOSITION, STATE = "armed opposition", "state"
# word (lemma) -> (side, basis)
SIDE_WORDS: dict[str, tuple[str, str]] = {
    "rebel": (OPPOSITION, "AP Stylebook: rebel"),
    "insurgent": (OPPOSITION, "AP Stylebook: insurgent"),
    "militant": (OPPOSITION, "AP Stylebook: militant"),
    "jihadist": (OPPOSITION, "AP Stylebook: jihad, jihadist"),
    "islamist": (OPPOSITION, "AP Stylebook: Islamist"),
    "terrorist": (OPPOSITION, "AP Stylebook: terrorism; Reuters Handbook: terrorism (attributed use)"),
    "extremist": (OPPOSITION, "BBC Editorial Guidelines: language when reporting terrorism"),
    "radical": (OPPOSITION, "BBC Editorial Guidelines: language when reporting terrorism"),
    "separatist": (OPPOSITION, "AP Stylebook: separatist"),
    "guerrilla": (OPPOSITION, "AP Stylebook: guerrilla"),
    "gunman": (OPPOSITION, "AP Stylebook: gunman"),
    "opposition": (OPPOSITION, "Reuters Handbook: opposition forces"),
    "regime": (STATE, "BBC Editorial Guidelines: regime vs government"),
    "government": (STATE, "BBC Editorial Guidelines: regime vs government"),
    "army": (STATE, "AP Stylebook: army"),
    "military": (STATE, "AP Stylebook: military"),
    "troops": (STATE, "AP Stylebook: troops"),
    "security forces": (STATE, "Reuters Handbook: security forces"),
    "loyalist": (STATE, "AP Stylebook: loyalist"),
    "junta": (STATE, "AP Stylebook: junta"),
}
_FORMS = {"army": r"arm(?:y|ies)", "military": r"militar(?:y|ies)", "troops": r"troops",
          "security forces": r"security\s+forces", "opposition": r"opposition", "gunman": r"gunm[ae]n"}
WORD_RE = re.compile(
    r"\b(?:" + "|".join(f"(?P<w{i}>{_FORMS.get(w, re.escape(w) + r's?')})" for i, w in enumerate(SIDE_WORDS))
    + r")\b", re.I)
_LEMMAS = list(SIDE_WORDS)
ACTOR_SIDES = {"State forces": STATE, "Rebel group": OPPOSITION, "Political militia": OPPOSITION}
QUOTE_PAIRS = re.compile(r"[\"“«‘]([^\"“”«»\n]{2,}?)[\"”»’]")
POSSESSIVE_AFTER = re.compile(r"^(?:['’]s?|\s+government|\s+regime)")


@dataclass(frozen=True)
class FramingWord:
    outlet: str
    side: str
    word: str
    voice: str  # own | quoted | attributed
    source: str | None
    article_id: str
    start: int
    end: int


def _quote_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(1), m.end(1)) for m in QUOTE_PAIRS.finditer(text)]


def _voice(report: ReportView, quotes: list[tuple[int, int]], start: int, end: int) -> tuple[str, str | None]:
    covering = [c for c in report.claims if c["start"] <= start and end <= c["end"] and c.get("source")]
    source = min(covering, key=lambda c: c["end"] - c["start"])["source"] if covering else None
    if any(s <= start and end <= e for s, e in quotes):
        return "quoted", source or _speaker_of_sentence(report, start)
    if source:
        return "attributed", source
    return "own", None


def _speaker_of_sentence(report: ReportView, pos: int) -> str | None:
    """Whom a quote with no claim of its own belongs to: the source of a claim in the same sentence."""
    left = max(report.text.rfind(". ", 0, pos), report.text.rfind("\n", 0, pos)) + 1
    stops = [i for i in (report.text.find(". ", pos), report.text.find("\n", pos)) if i >= 0]
    right = min(stops) if stops else len(report.text)
    near = [c for c in report.claims if c.get("source") and c["start"] < right and left < c["end"]]
    return near[0]["source"] if near else None


def _actor_side(report: ReportView, start: int, end: int) -> tuple[bool, str | None]:
    """Whether the word sits inside a named actor, and that actor's side (None: not a side's actor)."""
    for m in report.mentions:
        if m["start"] <= start and end <= m["end"] and m.get("canonical"):
            return True, ACTOR_SIDES.get(m.get("actor_type") or "")
    return False, None


def framing_words(report: ReportView) -> list[FramingWord]:
    """Every side word in one report, with its side and voice."""
    quotes = _quote_spans(report.text)
    out = []
    for match in WORD_RE.finditer(report.text):
        lemma = _LEMMAS[int(next(k for k, v in match.groupdict().items() if v)[1:])]
        side = SIDE_WORDS[lemma][0]
        inside, actor_side = _actor_side(report, match.start(), match.end())
        if inside:
            if actor_side is None:
                continue
            side = actor_side
        voice, source = _voice(report, quotes, match.start(), match.end())
        out.append(FramingWord(report.outlet_label, side, lemma, voice, source, report.id,
                               match.start(), match.end()))
    out.extend(_capital_words(report, quotes))
    return sorted(out, key=lambda w: (w.start, w.end, w.word))


def _capital_words(report: ReportView, quotes: list[tuple[int, int]]) -> list[FramingWord]:
    """A national capital written for its government: 'Damascus's army', 'Damascus' main allies'."""
    out = []
    for place in report.places:
        if place.get("feature_code") != "P.PPLC":
            continue
        if not POSSESSIVE_AFTER.match(report.text[place["end"]:place["end"] + 12]):
            continue
        voice, source = _voice(report, quotes, place["start"], place["end"])
        word = place.get("name") or place["text"]
        out.append(FramingWord(report.outlet_label, STATE, word, voice, source, report.id,
                               place["start"], place["end"]))
    return out


def framing_rows(words: list[FramingWord]) -> list[dict[str, Any]]:
    """One row per (outlet, side, word, voice): how often, who said it (for quoted or attributed), where."""
    rows: dict[tuple[str, str, str, str], dict[str, Any]] = {}
    for w in sorted(words, key=lambda w: (w.outlet, w.side, w.word, w.voice, w.article_id, w.start)):
        key = (w.outlet, w.side, w.word, w.voice)
        row = rows.setdefault(key, {"outlet": w.outlet, "side": w.side, "word": w.word, "voice": w.voice,
                                    "count": 0, "sources": [], "mentions": []})
        row["count"] += 1
        if w.source and w.source not in row["sources"]:
            row["sources"].append(w.source)
        row["mentions"].append({"article_id": w.article_id, "start": w.start, "end": w.end})
    return list(rows.values())
