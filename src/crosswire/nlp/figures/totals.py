"""Totals a report states without writing them: people joined by 'and', a killer who then killed himself.

'A man and a woman were killed' = 2, 'killed his wife and four daughters' = 5, 'the gunman killed two
people before killing himself' = 3. Each sum is added as a figure of its own, placed before the figures
it adds up, which point at it (`part_of`) as the parts of a listed breakdown do, so nothing is counted twice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...model import Figure
from ..doc import doc_text
from .victims import REFLEXIVES, is_one_person

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def add_self_killings(figures: list[Figure], doc: Doc) -> list[Figure]:
    """A killer who then killed himself adds one death to the people he killed, told in the same sentence:
    'the gunman killed two people before killing himself' = 3 dead (2 + 1). The sum is added as a total
    with the victims and the killer as its parts; a count that already includes him ('four dead, including
    the gunman, who killed himself') is not the object of his killing and gets nothing added."""
    added: list[tuple[Figure, list[Figure]]] = []
    for killer in figures:
        if killer.kind != "killed" or killer.part_of is not None or killer.text.lower() not in REFLEXIVES:
            continue
        span = doc.char_span(killer.start, killer.end, alignment_mode="expand")
        if span is None:
            continue
        sent_start = span.sent.start_char
        victims = [f for f in figures if f.kind == "killed" and f.part_of is None and f.value is not None
                   and sent_start <= f.start < killer.start and f.text.lower() not in REFLEXIVES
                   and _is_killed_object(doc, f)]
        if victims:
            victim = max(victims, key=lambda f: f.value or 0)
            added.append((_total_of(doc, [victim, killer]), [victim, killer]))
    return insert_totals(figures, added)


def add_joined_totals(figures: list[Figure], doc: Doc) -> list[Figure]:
    """People joined by 'and' or commas under one verb are counted together: 'a man and a woman were
    killed' = 2, 'killed his wife and four daughters' = 5, 'killed his son, his daughter and himself' = 3.
    A member whose number is not told ('his wife and children') leaves the sum unstated."""
    by_noun = {}
    for fig in figures:
        noun = _counted_token(doc, fig)
        if noun is not None:
            by_noun[noun.i] = fig
    added: list[tuple[Figure, list[Figure]]] = []
    for fig in figures:
        noun = _counted_token(doc, fig)
        if fig.part_of is not None or fig.kind not in ("killed", "injured") or noun is None or noun.dep_ == "conj":
            continue
        members = [t for t in noun.subtree if t.dep_ == "conj" and _in_chain(t, noun)
                   and "\n" not in doc_text(doc)[noun.idx:t.idx]  # a repeated headline is not a list
                   and not any(w.pos_ in ("VERB", "AUX") for w in doc[noun.i + 1:t.i])]  # nor two clauses
        if not members:
            continue
        parts, extra = [fig], 0
        for member in members:
            if member.pos_ == "NUM" or member.like_num:
                break  # "8 killed, 5 from one clan and 3 from the other": a breakdown, not more people
            if member.i in by_noun and by_noun[member.i].value is not None:
                parts.append(by_noun[member.i])
            elif member.lower_ in REFLEXIVES or is_one_person(member):
                extra += 1
            else:
                break
        else:
            total = _total_of(doc, parts, extra=extra, end=members[-1].idx + len(members[-1]))
            added.append((total, [p for p in parts if p.kind in (fig.kind, "other")]))
    return insert_totals(figures, added)


def _in_chain(tok: Token, first: Token) -> bool:
    """Whether `tok` is joined to `first` through conj links only."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
        if tok.i == first.i:
            return True
    return False


def _counted_token(doc: Doc, fig: Figure) -> Token | None:
    """The noun a figure counts: 'people' in 'two people', 'wife' in 'his wife'."""
    span = doc.char_span(fig.start, fig.end, alignment_mode="expand")
    if span is None:
        return None
    tok = span.root
    while tok.dep_ in ("nummod", "quantmod", "det") and tok.head.i != tok.i and tok.head.i > tok.i:
        tok = tok.head
    return tok


def _total_of(doc: Doc, parts: list[Figure], extra: int = 0, end: int | None = None) -> Figure:
    """The sum of `parts` (plus `extra` people told without a figure) as one figure spanning them."""
    first = parts[0]
    end = max([f.end for f in parts] + ([end] if end is not None else []))
    value = sum(f.value or 0 for f in parts) + extra
    low = sum(f.low if f.low is not None else f.value or 0 for f in parts) + extra
    high = None if any(f.high is None for f in parts) else sum(f.high or 0 for f in parts) + extra
    return Figure(start=first.start, end=end, text=doc_text(doc)[first.start:end], value=value, low=low, high=high,
                  kind=first.kind, qualifier=first.qualifier, attributed_to=first.attributed_to,
                  time=first.time, place=first.place)


def insert_totals(figures: list[Figure], added: list[tuple[Figure, list[Figure]]]) -> list[Figure]:
    """`figures` with each new total placed before its parts, parts pointing at it, indices kept right."""
    if not added:
        return figures
    owner = {id(f): figures[f.part_of] for f in figures if f.part_of is not None}
    for total, parts in added:  # every part is already one of `figures`
        for part in parts:
            owner[id(part)] = total
    merged = sorted(figures + [total for total, _ in added], key=lambda f: (f.start, -f.end))
    index = {id(f): i for i, f in enumerate(merged)}
    for fig in merged:
        fig.part_of = index[id(owner[id(fig)])] if id(fig) in owner else None
    return merged


def _is_killed_object(doc: Doc, fig: Figure) -> bool:
    """Whether a killed figure counts the object of a killing ('killed two people', 'killed his wife')."""
    tok = _counted_token(doc, fig)
    return tok is not None and (tok.dep_ == "dobj" or (tok.dep_ in ("conj", "appos") and tok.head.dep_ == "dobj"))
