"""Who says what: claims and their sources.

`AttributionStage` finds statements attributed to someone ("according to X", "X said ...",
quotes with a speaker, "SANA, citing a military source, said ...") and records each as a `Claim`
whose span is the statement and whose `source` names the speaker (nested sources as
"a military source via SANA"). Sentences with no attribution are not claims: they are the outlet's
own voice: each gets a Claim with voice "outlet" and no source (the outlet is the article's own), so
every sentence's statement is traceable; `source_for_span` reports None for them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ...model import Article, Claim
from ...positions import SpanGrid
from ..doc import article_doc, doc_text, entities_within

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

SPEECH_VERBS = {
    "say", "tell", "report", "announce", "claim", "deny", "add", "state", "confirm", "accuse", "allege",
    "insist", "warn", "note", "explain", "declare", "assert", "stress", "acknowledge", "admit", "write",
    "tweet", "post", "quote", "cite", "estimate", "put", "argue", "suggest", "indicate", "reveal",
    "describe", "call", "maintain", "contend", "testify", "disclose", "inform", "publish", "record",
}
# Verbs that only attribute when they take a clause or quote ("police reported 5 dead").
CLAUSE_ONLY = {"put", "call", "describe", "record", "publish", "write", "post", "quote", "cite"}
CITING_VERBS = {"cite", "quote"}
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "who", "which", "that"}
QUOTE_RE = re.compile(r"[\"“”«»]([^\"“”«»]{3,}?)[\"“”«»]")



class AttributionStage:
    """Per-report stage: fills `article.claims`."""

    name = "attribution"
    requires = ("text", "sentences", "mentions")
    assigns = ("claims",)

    def __init__(self, resources: Any) -> None:
        self.resources = resources

    def __call__(self, article: Article) -> Article:
        doc = article_doc(article, self.resources)
        article.claims = find_claims(doc)
        return article


def find_claims(doc: Doc) -> list[Claim]:
    """Every attributed statement in the Doc, in text order."""
    claims: list[Claim] = []
    last_speaker: str | None = None
    introduced: tuple[str, str] | None = None  # (source, cue) of a "X said:" that opens what follows
    for sent in doc.sents:
        found = _claims_in_sentence(sent, last_speaker)
        for claim in found:
            if claim.source and claim.source.lower() not in PRONOUNS:
                last_speaker = claim.source
        if not found and introduced is not None:
            found = [_carried_claim(c, *introduced) for c in _outlet_claim(sent)]
        intro = _introducing_speaker(sent, last_speaker)
        if not found:
            last_speaker = _likely_speaker(sent) or last_speaker
            found = _outlet_claim(sent)
        introduced = intro or (introduced if introduced and _is_list_item(sent) else None)
        claims.extend(found)
    return claims


def _introducing_speaker(sent: Span, last_speaker: str | None) -> tuple[str, str] | None:
    """'The ministry said on Monday:' / 'Police reported the following:': the speaker of the next sentence."""
    if not sent.text.rstrip().endswith(":"):
        return None
    for tok in sent:
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in SPEECH_VERBS:
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None) or _fronted_speaker(tok, sent)
            if subj is not None:
                return _speaker(subj, tok, last_speaker), tok.lemma_.lower()
    return None


def _is_list_item(sent: Span) -> bool:
    """A line of a list that goes on under the same introduction ('- 12 dead', '2. 30 injured')."""
    return re.match(r"\s*(?:[-*\u2022\u2013\u2014]|\d+[.)]\s)", sent.text) is not None


def _carried_claim(outlet: Claim, source: str, cue: str) -> Claim:
    """The outlet-voice claim of a sentence given the source that introduced it."""
    return Claim(start=outlet.start, end=outlet.end, text=outlet.text, source=source, voice="reported", cue=cue)


def _outlet_claim(sent: Span) -> list[Claim]:
    """The outlet's own statement: a sentence with no attribution (blank ones are no statement)."""
    text = sent.text.strip()
    if not any(ch.isalnum() for ch in text):
        return []
    start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
    return [Claim(start=start, end=start + len(text), text=text, source=None, voice="outlet", cue=None)]


def _likely_speaker(sent: Span) -> str | None:
    """Whom a later 'he said' most likely refers to: the last named person or the main subject."""
    named = [m for m in entities_within(sent) if m.label_ in ("PERSON", "ORG")]
    if named:
        return named[-1].text
    subj = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.pos_ in ("NOUN", "PROPN"):
        return _source_phrase(subj)
    return None


def source_for_span(article: Article, start: int, end: int, claims: SpanGrid[Claim] | None = None) -> str | None:
    """Who the text in [start, end) is attributed to: the source of the tightest claim covering it.
    `claims` is a `SpanGrid` of `article.claims`, for callers asking for many spans of one report."""
    covering = [c for c in claims_covering(article, start, end, claims) if c.source]
    if not covering:
        return None
    return min(covering, key=lambda c: c.end - c.start).source


def claims_covering(article: Article, start: int, end: int, claims: SpanGrid[Claim] | None = None) -> list[Claim]:
    """The report's claims covering [start, end) (claim.start <= start and end <= claim.end), in order."""
    if claims is None or claims.items is not article.claims or start > end:
        return [c for c in article.claims if c.start <= start and end <= c.end]
    return [article.claims[i] for i in claims.covering(start, end)]


def _claims_in_sentence(sent: Span, last_speaker: str | None) -> list[Claim]:
    claims = _according_to(sent)
    if not claims:
        claims = _speech_verb_claims(sent, last_speaker)
    return claims


def _according_to(sent: Span) -> list[Claim]:
    """'..., according to X' / 'According to X, ...': the whole sentence is X's statement."""
    out = []
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < sent.end and tok.doc[tok.i + 1].lower_ == "to":
            to = tok.doc[tok.i + 1]
            objs = [c for c in to.children if c.dep_ == "pobj"] or [c for c in tok.children if c.dep_ == "pobj"]
            if not objs:
                continue
            source = _source_phrase(objs[0])
            out.append(_claim(sent, sent.start_char, sent.end_char, source, "reported", "according to"))
    return out[:1]


def _speech_verb_claims(sent: Span, last_speaker: str | None) -> list[Claim]:
    out = []
    for tok in sent:
        if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in SPEECH_VERBS:
            continue
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if tok.lemma_.lower() in CITING_VERBS and tok.dep_ in ("advcl", "acl"):
            continue  # "citing a source" is folded into the main speaker
        content = _content_span(tok, sent)
        if content is None:
            continue
        subj = subj if subj is not None else _fronted_speaker(tok, sent)
        if subj is None:
            continue
        if subj.dep_ == "nsubjpass" and tok.lemma_.lower() not in ("report", "quote"):
            continue
        source = _speaker(subj, tok, last_speaker)
        voice, cue = _voice(sent, content), tok.lemma_.lower()
        out.append(_claim(sent, content[0], content[1], source, voice, cue))
    return out


def _content_span(verb: Token, sent: Span) -> tuple[int, int] | None:
    """Character span of what is said: a quote in the sentence, a clausal complement, or the sentence."""
    quote = QUOTE_RE.search(sent.text)
    if quote:
        inner = quote.group(1).rstrip(" ,.")
        return sent.start_char + quote.start(1), sent.start_char + quote.start(1) + len(inner)
    comps = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp")]
    if verb.dep_ in ("parataxis", "ccomp") and verb.head.i != verb.i and not comps:
        comps = [verb.head]  # "..., the ministry said."
    if comps:
        sub = comps[0]
        if sub.i == verb.head.i:
            left = [t for t in sub.subtree if t.i < verb.i and not _is_under(t, verb)]
            if left:
                return left[0].idx, left[-1].idx + len(left[-1])
        toks = list(sub.subtree)
        return toks[0].idx, toks[-1].idx + len(toks[-1])
    if verb.lemma_.lower() in CLAUSE_ONLY:
        return None
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    if objs and verb.lemma_.lower() in ("report", "announce", "confirm", "deny", "claim", "estimate"):
        toks = list(objs[0].subtree)
        return toks[0].idx, toks[-1].idx + len(toks[-1])
    return None


def _fronted_speaker(verb: Token, sent: Span) -> Token | None:
    """A speaker the parser missed: 'SANA, citing a source, said ...' -> the noun before the first comma."""
    first_comma = next((t for t in sent if t.text == "," and t.i < verb.i), None)
    if first_comma is None or first_comma.i - sent.start > 6:
        return None
    nouns = [t for t in sent.doc[sent.start:first_comma.i] if t.pos_ in ("PROPN", "NOUN") or t.is_upper]
    return nouns[-1] if nouns else None


def _is_under(tok: Token, ancestor: Token) -> bool:
    return tok.i == ancestor.i or any(a.i == ancestor.i for a in tok.ancestors)


def _speaker(subj: Token, verb: Token, last_speaker: str | None) -> str:
    """The speaker's phrase, with a cited source folded in ('a military source via SANA')."""
    source = _source_phrase(subj)
    if subj.lower_ in PRONOUNS and last_speaker:
        source = last_speaker
    for child in list(verb.children) + list(subj.children):
        if child.lemma_.lower() in CITING_VERBS and child.dep_ in ("advcl", "acl", "xcomp"):
            cited = next((c for c in child.children if c.dep_ == "dobj"), None)
            if cited is not None:
                return f"{_source_phrase(cited)} via {source}"
        if child.lower_ == "according":
            pobj = [c for t in child.children for c in t.children if c.dep_ == "pobj"]
            pobj += [c for c in child.children if c.dep_ == "pobj"]
            if pobj:
                return f"{_source_phrase(pobj[0])} via {source}"
    return source


def _source_phrase(head: Token) -> str:
    """The noun phrase under `head`, without trailing relative clauses or appositive detail."""
    skip = {"relcl", "acl", "appos", "punct", "advcl", "cc"}
    keep = [head]
    stack = [c for c in head.children if c.dep_ not in skip]
    while stack:
        tok = stack.pop()
        keep.append(tok)
        stack.extend(c for c in tok.children if c.dep_ not in skip)
    keep.sort(key=lambda t: t.i)
    text = head.doc[keep[0].i: keep[-1].i + 1].text
    text = re.sub(r"^(?:the|The)\s+", "", text).strip(" ,.")
    return re.sub(r"^(A|An)\s+(?=[a-z])", lambda m: m.group(1).lower() + " ", text)


def _voice(sent: Span, content: tuple[int, int]) -> str:
    quote = QUOTE_RE.search(sent.text)
    if quote and sent.start_char + quote.start(1) == content[0]:
        return "quote"
    return "reported"


def _claim(sent: Span, start: int, end: int, source: str, voice: str, cue: str) -> Claim:
    text = doc_text(sent.doc)[start:end]
    return Claim(start=start, end=end, text=text, source=source or None, voice=voice, cue=cue)
