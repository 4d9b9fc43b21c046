"""Cross-document event-mention coreference on ECB+ (topics 1-35), scored at the mention level.

Gold mentions are given: every annotated event mention (ACTION_* and NEG_ACTION_* markables) in the
sentences ECB+ validated for coreference (`coreference_sentences.csv`, the usual evaluation set). Its
gold cluster is its CROSS_DOC_COREF instance, else its INTRA_DOC_COREF chain, else itself alone.
crosswire clusters the documents into stories as it clusters stored reports (`link.stories`, default
options, all 35 topics in one stream), then links mentions with `reconcile.coref.corefer`: same story,
same trigger head lemma (from the pinned spaCy parse over ECB+'s own tokens), and enough shared
content words in their sentences.

`min_context` is chosen on topics 1-25 (best CoNLL F1, ties to the smaller) and the figures are
reported on topics 26-35 (`heldout_*`) and on all of 1-35 (`all_*`). `gold_stories_*` replaces the
predicted stories with ECB+'s gold sub-topics, the setting most published figures use. The best
published figure we hold ours against is 88.4 CoNLL F1 on ECB+'s test topics 36-45, which are not in
../shared/data: the topics differ, so the comparison is indicative, not like for like.
"""

from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET
from collections.abc import Hashable
from dataclasses import dataclass
from pathlib import Path

from bench.scorers import cluster_scores
from crosswire.link.stories import StoryDoc, cluster_stories
from crosswire.reconcile.coref import CorefOptions, MentionKeys, corefer

GATE_LIMIT = 160  # documents, taken round-robin over the sub-topics (two or more of each)
CHOOSING_TOPICS = 25
CONTEXT_GRID = tuple(round(0.05 * i, 2) for i in range(11))  # 0.0 .. 0.5
CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "NUM", "ADJ"})
UNGATED = frozenset({"min_context", "mentions", "gold_clusters", "documents"})
ECB_NAME = re.compile(r"^(\d+)_(\d+)(ecbplus|ecb)\.xml$")


@dataclass(frozen=True)
class GoldMention:
    id: str
    doc: str
    topic: int
    subtopic: str
    sentence: int
    tokens: tuple[int, ...]  # positions in the document's token list
    cluster: str


@dataclass(frozen=True)
class EcbDoc:
    name: str
    topic: int
    subtopic: str
    words: list[str]
    sentences: list[int]  # sentence number of each token
    mentions: list[GoldMention]


def validated_sentences(root: Path) -> set[tuple[str, int]]:
    """(document name, sentence number) pairs ECB+ validated for event coreference."""
    with (root / "coreference_sentences.csv").open(encoding="utf-8") as fh:
        return {(f"{r['Topic']}_{r['File']}.xml", int(r["Sentence Number"])) for r in csv.DictReader(fh)}


def read_doc(path: Path, validated: set[tuple[str, int]]) -> EcbDoc:
    match = ECB_NAME.match(path.name)
    assert match is not None
    topic = int(match.group(1))
    subtopic = f"{topic}{'plus' if match.group(3) == 'ecbplus' else ''}"
    root = ET.parse(path).getroot()
    position, words, sentences = {}, [], []
    for token in root.iter("token"):
        position[token.get("t_id")] = len(words)
        words.append(token.text or "")
        sentences.append(int(token.get("sentence", "0")))
    clusters = _gold_clusters(root, path.name)
    mentions = []
    for markable in root.find("Markables") or ():
        anchors = [position[a.get("t_id")] for a in markable.iter("token_anchor") if a.get("t_id") in position]
        if not anchors or "ACTION" not in markable.tag:
            continue
        sentence = sentences[anchors[0]]
        if (path.name, sentence) not in validated:
            continue
        mid = f"{path.name}:{markable.get('m_id')}"
        mentions.append(GoldMention(mid, path.name, topic, subtopic, sentence, tuple(sorted(anchors)),
                                    clusters.get(markable.get("m_id"), mid)))
    return EcbDoc(path.name, topic, subtopic, words, sentences, mentions)


def _gold_clusters(root: ET.Element, doc: str) -> dict[str, str]:
    """m_id -> gold cluster: the cross-document instance, else the document's own chain."""
    clusters: dict[str, str] = {}
    for relation in root.find("Relations") or ():
        sources = [s.get("m_id") for s in relation.iter("source")]
        target = next((t.get("m_id") for t in relation.iter("target")), None)
        if relation.tag == "CROSS_DOC_COREF":
            clusters.update({s: relation.get("note", f"{doc}:{target}") for s in sources})
        elif relation.tag == "INTRA_DOC_COREF":
            for s in sources:
                clusters.setdefault(s, f"{doc}:intra:{target}")
    return clusters


def ecb_docs(data: Path, limit: int | None) -> list[EcbDoc]:
    """Documents of topics 1-35; with `limit`, the first documents of every sub-topic in turn."""
    root = data / "ecbplus"
    validated = validated_sentences(root)
    ranked = []
    groups: dict[str, list[tuple[int, Path]]] = {}
    for path in (root / "topics").glob("*/*.xml"):
        match = ECB_NAME.match(path.name)
        if match:
            groups.setdefault(match.group(1) + match.group(3), []).append((int(match.group(2)), path))
    for files in groups.values():
        ranked += [(rank, path) for rank, (_, path) in enumerate(sorted(files))]
    ranked.sort(key=lambda rp: (rp[0], rp[1].name))
    return [read_doc(path, validated) for _, path in ranked[:limit]]


def mention_keys(docs: list[EcbDoc], story_of: dict[str, Hashable]) -> list[MentionKeys]:
    """Each gold mention's head lemma and sentence context, from the pinned parse over ECB+'s tokens."""
    from spacy.tokens import Doc

    from crosswire.resources import Resources

    nlp = Resources().nlp
    keys = []
    for ecb in docs:
        parsed = nlp(Doc(nlp.vocab, words=[w or "_" for w in ecb.words]))
        for m in ecb.mentions:
            inside = set(m.tokens)
            head = next((parsed[i] for i in m.tokens if parsed[i].head.i not in inside or parsed[i].head.i == i),
                        parsed[m.tokens[-1]])
            context = frozenset(t.lemma_.lower() for t in parsed
                                if ecb.sentences[t.i] == m.sentence and t.i not in inside
                                and t.pos_ in CONTENT_POS and not t.is_stop)
            keys.append(MentionKeys(m.id, story_of[ecb.name], ecb.name, head.lemma_.lower(), context))
    return keys


def score(keys: list[MentionKeys], gold: dict[str, str], options: CorefOptions) -> dict[str, float]:
    predicted = corefer([k for k in keys if k.id in gold], options)
    return cluster_scores(gold, predicted)


def run(data: Path, limit: int | None = None) -> dict[str, float]:
    docs = ecb_docs(data, limit)
    texts = [StoryDoc(id=d.name, text=" ".join(d.words)) for d in docs]
    predicted_story = cluster_stories(texts)
    mentions = [m for d in docs for m in d.mentions]
    gold = {m.id: m.cluster for m in mentions}
    choose = {m.id: m.cluster for m in mentions if m.topic <= CHOOSING_TOPICS}
    report = {m.id: m.cluster for m in mentions if m.topic > CHOOSING_TOPICS}
    keys = mention_keys(docs, predicted_story)
    best = max(CONTEXT_GRID, key=lambda c: (score(keys, choose, CorefOptions(min_context=c))["conll_f1"], -c))
    options = CorefOptions(min_context=best)
    out: dict[str, float] = {"min_context": best, "mentions": float(len(gold)),
                             "gold_clusters": float(len(set(gold.values()))), "documents": float(len(docs))}
    for prefix, subset in (("heldout_", report), ("all_", gold)):
        if subset:
            out.update({f"{prefix}{k}": v for k, v in score(keys, subset, options).items()
                        if k.endswith("f1")})
    gold_story = {d.name: d.subtopic for d in docs}
    gold_keys = [MentionKeys(k.id, gold_story[k.report], k.report, k.lemma, k.context) for k in keys]
    if report:
        out["gold_stories_heldout_conll_f1"] = score(gold_keys, report, options)["conll_f1"]
    out["lemma_baseline_heldout_conll_f1"] = score(keys, report, CorefOptions(min_context=0.0))["conll_f1"] \
        if report else 0.0
    return out
