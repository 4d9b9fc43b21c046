"""Counts of people: how many killed, injured, displaced, detained, released, deployed.

`FiguresStage` reads every quantity (`numbers.find_quantities`), keeps those that count people,
and types them from the dependency parse: the noun the number counts ("20 civilians"), the verb
that governs it ("were killed", "killing 20", "death toll rose to 30") and adjectives on it
("727 dead"). Breakdowns after a colon or "including" point at their total (`part_of`), and a
`figure.sum_mismatch` note is added when a colon breakdown does not add up. Ages, years, times,
money, percentages, street and phone numbers are not counts of people, and a count under 'could have'
is not a toll. People told without a number ('a man was shot dead', a headline's 'Teen Shot In Park')
come from `victims`; sums a report implies ('a man and a woman were killed', 'killed two people
before killing himself') from `totals`; the typing shared by all of them is `typing`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ...model import Article, Figure, Note
from ...positions import ByStart, SpanGrid
from ..claims.attribution import source_for_span
from ..doc import article_doc, doc_text
from .numbers import Quantity, find_quantities
from .totals import add_joined_totals, add_self_killings
from .typing import ADJ_KIND, NOUN_KIND, PEOPLE_NOUNS, SHOT, VERB_KIND, group_of, is_people, kind_for
from .victims import singular_victims

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

BAD_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"}
NOT_PEOPLE_AFTER = re.compile(
    r"^\s*(?:-|\s)?(?:years?|yrs?|year-old|months?|weeks?|days?|hours?|minutes?|km|kilomet|miles?|metres?|"
    r"meters?|kg|tons?|tonnes?|percent|per cent|%|dollars?|euros?|pounds?|rupees?|block|a\.m|p\.m|am\b|pm\b|"
    r"o'clock|st\b|nd\b|rd\b|th\b|[:/]\d)", re.IGNORECASE)
NOT_PEOPLE_BEFORE = re.compile(r"(?:[$€£#/=]|\bage[ds]?|\bno\.?|\bnumber|\broute|\bhighway|\bcall|\bat)\s*$",
                               re.IGNORECASE)
BREAKDOWN_CUES = (":", "including", "among them", "of whom", "of which", "among whom", "(")


class FiguresStage:
    """Per-report stage: fills `article.figures` with typed counts of people."""

    name = "figures"
    requires = ("id", "text", "sentences", "mentions", "times", "places", "claims")
    assigns = ("figures", "notes")  # notes: breakdowns that do not add up to their total

    def __init__(self, resources: Any) -> None:
        self.resources = resources

    def __call__(self, article: Article) -> Article:
        doc = article_doc(article, self.resources)
        dates = calendar_spans(article)
        figures = [f for q in find_quantities(article.text)
                   if not _inside(q, dates) and (f := figure_from_quantity(q, doc)) is not None]
        figures = sorted(figures + singular_victims(doc, figures), key=lambda f: f.start)
        around = SentenceContext(article)
        for fig in figures:
            fig.attributed_to = source_for_span(article, fig.start, fig.end, around.claims)
            fig.time, fig.place = _sentence_context(article, fig, around)
        resolve_shot(figures)
        link_breakdowns(figures, article.text)
        share_breakdown_sources(figures)
        figures = add_self_killings(add_joined_totals(figures, doc), doc)
        for i, fig in enumerate(figures):
            fig.id = f"{article.id or 'fig'}-f{i}"
        article.figures = figures
        article.notes.extend(sum_mismatch_notes(figures, article.text))
        return article


def calendar_spans(article: Article) -> list[tuple[int, int]]:
    """The spans of calendar dates and clock times ("Friday 10 May 2019", "10:35 p.m."): a number
    inside one is a day, a year or an hour, never a count of people, whatever the parse makes of it
    (a flattened page's dateline runs on into its first sentence: "10 May 2019 Rockets killed three")."""
    return [(t.start, t.end) for t in article.times
            if t.type in ("DATE", "TIME") and t.value and (t.value[:1].isdigit() or t.value.startswith("XXXX"))]


def _inside(q: Quantity, spans: list[tuple[int, int]]) -> bool:
    return any(a <= q.start and q.end <= b for a, b in spans)


def figure_from_quantity(q: Quantity, doc: Doc) -> Figure | None:
    """A typed Figure when `q` counts people, else None."""
    if _is_excluded(q, doc):
        return None
    anchor = _anchor_token(q, doc)
    if anchor is None:
        return None
    fig = _typed_figure(q, anchor)
    if fig is not None and fig.kind in ("killed", "injured", SHOT) and _counterfactual(anchor):
        fig.kind = "other"  # "the blast could have killed dozens"
    return fig


def _typed_figure(q: Quantity, anchor: Token) -> Figure | None:
    doc = anchor.doc
    noun = _counted_noun(anchor)
    kind = kind_for(noun, anchor)
    people = noun.i == anchor.i or is_people(noun)
    text = doc_text(doc)
    told_after = _kind_after(q, text)
    if told_after and (not people or kind in (None, "other") or _headline_kind(q, text)):
        kind = told_after
        if kind == "killed" and KILLED_OR_INJURED.match(text, q.end):
            kind = "other"  # "48 Killed and Injured": the dead and the hurt counted together
        return Figure(start=q.start, end=q.end, text=q.text, value=q.value, low=q.low, high=q.high,
                      kind=kind, qualifier=q.qualifier)
    harm = _harm_before(q, text)  # "kills 12 wounds 50": each number counts whom the verb before it harmed
    if harm is not None and (not people or kind in (None, "other")):
        return Figure(start=q.start, end=q.end, text=q.text, value=q.value, low=q.low, high=q.high,
                      kind=harm, qualifier=q.qualifier)
    if harm is not None and kind in ("killed", "injured") and harm != kind:
        kind = harm
    if kind == "killed" and KILLED_OR_INJURED.match(text, q.end):
        kind = "other"
    glued = _glued_people_noun(noun) if not people else None
    if glued is not None:  # "220 soldiers—23 of whom ...": the tokenizer kept the dash inside the word
        return Figure(start=q.start, end=q.end, text=q.text, value=q.value, low=q.low, high=q.high,
                      kind=_glued_kind(glued), group=_glued_group(noun), qualifier=q.qualifier)
    if not people and kind in (None, "other"):
        return None
    if not people and noun.pos_ == "NOUN" and noun.lemma_.lower() not in NOUN_KIND:
        return None  # "3 houses were destroyed"
    if kind is None:
        kind = "troops" if noun.lemma_.lower() == "troop" else "other"
    return Figure(start=q.start, end=q.end, text=q.text, value=q.value, low=q.low, high=q.high, kind=kind,
                  group=group_of(noun, anchor), qualifier=q.qualifier)


KIND_AFTER = re.compile(
    r"^\s+(?:(?:people|persons|others?|more|men|women|children|critically|seriously|fatally|"
    r"were|are|have been|reported)\s+){0,2}(dead|killed|injured|hurt|wounded|shot)\b(?!(?<=shot)\s+(?:by|at)\b)",
    re.IGNORECASE)


def _kind_after(q: Quantity, text: str) -> str | None:
    """The kind told right after the number when the parse missed it, as in title-case headlines
    ('3 Injured In Shooting', '4 shot, 1 dead')."""
    m = KIND_AFTER.match(text[q.end:q.end + 40])
    if m is None:
        return None
    word = m.group(1).lower()
    if word == "shot":
        return "killed" if re.search(r"\bfatally\b", m.group(0), re.IGNORECASE) else SHOT
    return ADJ_KIND.get(word) or VERB_KIND.get(word.rstrip("ed"))


# The dead and the hurt told as one count: '175 fighters killed, injured', 'At least 48 Killed and Injured'.
KILLED_OR_INJURED = re.compile(
    r"(?:\s+[\w'-]+){0,3}?\s+(?:killed|dead)\s*(?:,|/|&|\band\b|\bor\b)?\s*(?:injured|wounded)\b", re.IGNORECASE)
# A harm verb right before the number, as headlines write it ('Mortar fire kills 12 wounds 50').
HARM_BEFORE = re.compile(r"\b(kill(?:s|ing|ed)?|wound(?:s|ing|ed)?|injur(?:es?|ing|ed)|hurt(?:s|ing)?|"
                         r"kidnap(?:s|ping|ped)?|abduct(?:s|ing|ed)?)\s+$", re.IGNORECASE)


def _harm_before(q: Quantity, text: str) -> str | None:
    """'killed', 'injured' or 'detained' when a verb of killing, wounding or kidnapping stands right before
    the number ('Strikes kill 10 civilians, injure dozens', 'kidnapped 900 executed 18')."""
    m = HARM_BEFORE.search(text[max(0, q.start - 12):q.start])
    if m is None:
        return None
    verb = m.group(1).lower()
    return "killed" if verb.startswith("kill") else "detained" if verb.startswith(("kidnap", "abduct")) else "injured"


# The kind word closes its clause: '2 injured, shooter dead', '3 killed in crash', not '5 wounded soldiers'.
PREDICATIVE_END = re.compile(r"\s*(?:[,;:.!?\n]|$|\s(?:in|at|on|after|during|as|near|when|while|and|following|by)\b)",
                             re.IGNORECASE)


def _headline_kind(q: Quantity, text: str) -> bool:
    """Whether the kind word right after the number is the predicate of a headline-style clause, which then
    outweighs a parse that hangs the number elsewhere ('Two injured, shooter dead' read as two dead)."""
    m = KIND_AFTER.match(text[q.end:q.end + 40])
    return m is not None and PREDICATIVE_END.match(text, q.end + m.end()) is not None


MODALS = {"could", "would", "should", "might", "may", "must"}


def _counterfactual(anchor: Token) -> bool:
    """A count under 'could have' / 'should have': what did not happen ('there should've been five dead')."""
    tok = anchor
    for _ in range(4):
        auxes = {c.lower_ for c in tok.children if c.dep_ == "aux"}
        if auxes & MODALS and auxes & {"have", "'ve"}:
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False




def _is_excluded(q: Quantity, doc: Doc) -> bool:
    text = doc_text(doc)
    if NOT_PEOPLE_AFTER.match(text[q.end:q.end + 12]) or NOT_PEOPLE_BEFORE.search(text[max(0, q.start - 8):q.start]):
        return True
    if re.match(r"\d{3}[-.\s]\d{3,4}", text[q.start:q.start + 12]):
        return True  # phone number
    if re.search(r"\d[:.]$", text[max(0, q.start - 2):q.start]) or re.match(r"[:.]\d", text[q.end:q.end + 2]):
        return True  # a clock time or part of a dotted number: "10:35"
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is not None and any(t.ent_type_ in BAD_ENTS for t in span if t.like_num):
        return True
    if not q.words and q.value is not None and 1800 <= q.value <= 2100 and re.fullmatch(r"\d{4}", q.text):
        return True
    if re.search(r"[A-Z][\w'’-]+,\s*$", text[max(0, q.start - 30):q.start]) and re.match(r"\s*,", text[q.end:]) \
            and re.fullmatch(r"\d{1,3}", q.text):
        return True  # an age set off after a name: "Ana Ruiz, 15, was hit"
    if GALLERY_COUNTER.search(text[max(0, q.start - 20):q.start]):
        return True  # "Image 4 of 5" in a photo gallery
    if PAGE_COUNTER.search(text[max(0, q.start - 20):q.start]):
        return True  # a web page's share or view counter: "Get short URL 113", "Comments 4"
    return False


GALLERY_COUNTER = re.compile(r"\b(?:image|photo|picture|slide|page)\s+(?:\d+\s+of\s+)?$", re.IGNORECASE)
PAGE_COUNTER = re.compile(r"\b(?:url|views|comments|shares|likes|retweets)\s*:?\s*$", re.IGNORECASE)


def _anchor_token(q: Quantity, doc: Doc) -> Token | None:
    """The token standing for the number in the parse (the last number word of the quantity)."""
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None:
        return None
    toks = [t for t in span if t.lower_ not in ("of", "between", "and", "to", "or", "-")]
    nums = [t for t in toks if t.like_num or t.pos_ == "NUM" or t.lower_ in _VAGUE_HEADS]
    return (nums or toks or [None])[-1]


_VAGUE_HEADS = {"dozens", "scores", "hundreds", "thousands", "tens", "several", "few", "dozen", "handful",
                "millions", "couple", "numerous", "many"}


def _counted_noun(anchor: Token) -> Token:
    """The noun a number counts ('20 civilians', 'dozens of families'); the number itself when bare."""
    tok = anchor
    while tok.dep_ in ("nummod", "quantmod", "compound", "amod", "advmod") and tok.head.i != tok.i \
            and tok.head.i > tok.i and (tok.head.like_num or tok.head.pos_ in ("NUM", "ADJ", "ADV")):
        tok = tok.head  # "1.5 million" -> million, "about 20" -> 20
    if tok.dep_ in ("nummod", "amod", "compound", "det", "quantmod") and tok.head.i > tok.i \
            and not any(t.text in (":", ";", "(") for t in tok.doc[tok.i:tok.head.i]):
        noun = tok.head
        while noun.dep_ == "compound" and noun.head.i > noun.i and noun.head.pos_ in ("NOUN", "PROPN"):
            noun = noun.head  # "90 government troops" with the number hung on "government"
        return noun
    of = next((c for c in tok.children if c.lower_ == "of" and c.i == tok.i + 1), None)
    if of is not None:
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None)
        if pobj is not None:
            return pobj
    return tok


GLUED_DASH = re.compile(r"([A-Za-z][A-Za-z'-]*)[\u2014\u2013]")


def _glued_people_noun(noun: Token) -> str | None:
    """The people noun before a dash the tokenizer left glued to the next word ('soldiers—23'), as a lemma."""
    m = GLUED_DASH.match(noun.text)
    if m is None:
        return None
    word = m.group(1).lower()
    for base in (word, re.sub(r"men$", "man", word), re.sub(r"ies$", "y", word), word[:-1] if word.endswith("s") else word):
        if base in PEOPLE_NOUNS or base in NOUN_KIND:
            return base
    return None


def _glued_kind(lemma: str) -> str:
    kind = NOUN_KIND.get(lemma, "other")
    return "other" if kind == "troops" else kind


def _glued_group(noun: Token) -> str | None:
    """The group of a glued noun: its modifiers and the word before the dash ('Syrian soldiers')."""
    m = GLUED_DASH.match(noun.text)
    mods = [c for c in noun.children if c.dep_ in ("compound", "amod") and c.i < noun.i and not c.like_num]
    start = min([noun.i] + [c.i for c in mods])
    words = "".join(t.text_with_ws for t in noun.doc[start:noun.i] if not t.like_num)
    return (words + (m.group(1) if m else noun.text)).strip() or None


def resolve_shot(figures: list[Figure]) -> None:
    """People said to be shot are the injured when the report says nobody was killed, else not typed.

    'Four men were shot' with no death told = four injured; 'six shot, one dead' leaves the six untyped
    (how many survived is a sum the report did not state)."""
    anyone_killed = any(f.kind == "killed" for f in figures)
    for fig in figures:
        if fig.kind == SHOT:
            fig.kind = "other" if anyone_killed else "injured"


class SentenceContext:
    """One report's sentences, dated times, places and claims found by position, built once per report so
    that each figure looks at its own sentence's, not at the whole report's."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.sentences = SpanGrid(article.sentences)
        self.times = ByStart(article.times, keep=lambda t: t.type == "DATE" and bool(t.value))
        self.places = ByStart(article.places)
        self.claims = SpanGrid(article.claims)


def _sentence_context(article: Article, fig: Figure,
                      around: SentenceContext | None = None) -> tuple[str | None, str | None]:
    """The date value and place name in the figure's sentence, nearest first."""
    around = around if around is not None and around.article is article else SentenceContext(article)
    at = around.sentences.containing(fig.start)
    if at is None:
        return None, None
    sent = article.sentences[at]
    times = around.times.within(sent.start, sent.end)
    places = around.places.within(sent.start, sent.end)
    near_time = min(times, key=lambda t: abs(t.start - fig.start)).value if times else None
    near_place = min(places, key=lambda p: abs(p.start - fig.start)) if places else None
    return near_time, (near_place.name or near_place.text) if near_place else None


# "... including 111 civilians. The remainder includes 371 fighters": the list goes on past the full stop.
REMAINDER = re.compile(r"[.;]\s+(?:the\s+)?(?:remainder|rest)\s+(?:includes?|included|are|were|comprises?)\b",
                       re.IGNORECASE)


def link_breakdowns(figures: list[Figure], text: str) -> None:
    """Mark figures listed after a total ('727 dead: 111 civilians, 371 fighters') as its parts.

    A number inside an aside that opens after a listed part ('220 soldiers (23 of them officers)',
    '220 soldiers — 23 of whom were officers — and ...') counts that part, not the total."""
    for i, total in enumerate(figures):
        if total.part_of is not None:
            continue
        gap_end = figures[i + 1].start if i + 1 < len(figures) else total.end
        cue = text[total.end:gap_end].lower()
        dash_cue = re.search(r"[\u2014\u2013]\s*$", cue) is not None
        if not (dash_cue or any(c in cue for c in BREAKDOWN_CUES)) or re.search(r"[.;!?]\s", cue):
            continue
        last_part: int | None = None
        for j in range(i + 1, len(figures)):
            part = figures[j]
            between = REMAINDER.sub(" ", text[total.end:part.start])
            if re.search(r"[.;!?]\s|\n", between) or part.kind not in ("other", "troops", total.kind):
                break
            inside = last_part is not None and _opens_aside(text[figures[last_part].end:part.start])
            part.part_of = last_part if inside else i
            if part.kind in ("other", "troops") and total.kind != "other":  # "90 dead: 40 troops, ..."
                part.kind = total.kind
            if not inside:
                last_part = j


def _opens_aside(gap: str) -> bool:
    """Whether an aside (parenthesis or dash pair) opens in `gap` and is still open at its end."""
    if gap.count("(") > gap.count(")"):
        return True
    dashes = re.findall(r"[\u2014\u2013]|\s-\s|\s--\s", gap)
    return len(dashes) % 2 == 1


def parts_by_total(figures: list[Figure]) -> dict[int, list[Figure]]:
    """The parts listed under each total (`part_of`), by the total's index, in order: gathered once, not
    by a scan of every figure for each total."""
    parts: dict[int, list[Figure]] = {}
    for fig in figures:
        if fig.part_of is not None:
            parts.setdefault(fig.part_of, []).append(fig)
    return parts


def share_breakdown_sources(figures: list[Figure]) -> None:
    """A total and its parts are one statement: members without a source take the one source the others have
    ('... 727 died, including 111 civilians. The rest were 371 fighters ..., according to X')."""
    parts_of = parts_by_total(figures)
    for i, total in enumerate(figures):
        group = [total] + parts_of.get(i, [])
        if len(group) < 2 or total.part_of is not None:
            continue
        sources = {f.attributed_to for f in group if f.attributed_to}
        if len(sources) == 1:
            source = sources.pop()
            for fig in group:
                fig.attributed_to = fig.attributed_to or source


def sum_mismatch_notes(figures: list[Figure], text: str) -> list[Note]:
    """A note for each total whose listed parts add up to something else."""
    notes = []
    parts_of = parts_by_total(figures)
    for i, total in enumerate(figures):
        parts = parts_of.get(i, [])
        if len(parts) < 2 or total.value is None or any(p.value is None for p in parts):
            continue
        s = sum(p.value for p in parts if p.value is not None)
        exhaustive = ":" in text[total.end:parts[0].start]
        if s > total.value or (exhaustive and s != total.value and total.qualifier is None):
            notes.append(Note(stage="figures", code="figure.sum_mismatch", start=total.start, end=parts[-1].end,
                              message=f"parts add up to {s}, not the stated total {total.value}"))
    return notes
