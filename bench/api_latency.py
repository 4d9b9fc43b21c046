"""Latency of the REST API's list endpoints on a large store (a benchmark, not a timed test).

    python -m bench.api_latency [--reports 5000] [--requests 60] [--db PATH]

Builds a store of invented reports (templated text written here: 3 event mentions, 3 places, 2 figures and
4 entity mentions each, 100 stories), serves it on a loopback port and times each list endpoint with
`--requests` requests (pages at varied offsets). Prints p50 and p95 in milliseconds per endpoint.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
import urllib.request
from datetime import datetime, timedelta
from pathlib import Path

TOWNS = [("Dunmore", 53.6, -8.0), ("Carrow", 53.9, -8.1), ("Belcastle", 54.2, -7.6), ("Tarn", 52.9, -9.0),
         ("Oskel", 53.2, -7.1), ("Lindra", 54.5, -8.4)]
TYPES = [("Battles", "Armed clash"), ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
         ("Violence against civilians", "Attack"), ("Protests", "Peaceful protest")]
ACTORS = ["Militia", "Government troops", "River Front", "Police"]


def synthetic_articles(n: int, seed: int = 7):
    from crosswire.model import Article, EventMention, Figure, Mention, Place, Span

    rng = random.Random(seed)
    start = datetime(2031, 1, 1)
    for i in range(n):
        town, lat, lon = rng.choice(TOWNS)
        other, olat, olon = rng.choice(TOWNS)
        etype, sub = rng.choice(TYPES)
        actor = rng.choice(ACTORS)
        k, w = rng.randint(1, 60), rng.randint(1, 90)
        text = (f"Report {i}: {actor} fighters attacked positions in {town} on Monday, killing {k} people, "
                f"officials said. In {other}, {w} people were wounded as crowds gathered. "
                f"Witnesses in {town} said the clashes went on overnight.")
        a = Article(raw_text=text, text=text, id=f"r{i:05d}", title=f"Fighting in {town} ({i})",
                    outlet=f"Outlet {i % 40}", published=start + timedelta(hours=i),
                    published_source="metadata", offsets=list(range(len(text))))
        spans = [text.index(town), text.index(f"In {other}") + 3, text.rindex(town)]
        names = [(town, lat, lon), (other, olat, olon), (town, lat, lon)]
        a.places = [Place(s, s + len(nm), nm, name=nm, geonameid=9000 + TOWNS.index((nm, la, lo)), lat=la, lon=lo,
                          feature_code="P.PPL", country="IE", confidence=0.9, reason="synthetic")
                    for s, (nm, la, lo) in zip(spans, names, strict=True)]
        day = (start + timedelta(hours=i)).date().isoformat()
        for j, word in enumerate(("attacked", "wounded", "clashes")):
            s = text.index(word)
            a.events.append(EventMention(s, s + len(word), word, etype, sub, actor1=actor, place=j,
                                         lat=names[j][1], lon=names[j][2], geo_precision=1, date=day,
                                         date_precision="day", id=f"{a.id}-e{j}", evidence=[Span(0, len(text))]))
        for j, phrase in enumerate((f"killing {k} people", f"{w} people were wounded")):
            s = text.index(phrase)
            a.figures.append(Figure(s, s + len(phrase), phrase, (k, w)[j], kind=("killed", "injured")[j],
                                    id=f"{a.id}-f{j}"))
        s = text.index(actor)
        a.mentions = [Mention(s, s + len(actor), actor, "ORG")] + [
            Mention(p.start, p.end, p.text, "GPE") for p in a.places]
        yield a


def build(db: Path, n: int) -> None:
    from crosswire.store import SQLiteStore

    with SQLiteStore(db) as store:
        for a in synthetic_articles(n):
            store.add_article(a)
        store.set_links({}, {f"r{i:05d}": f"story-{i % 100}" for i in range(n)})
        store.replace_entities([{"id": f"ent-{j}", "name": name, "type": "ORG", "actor_type": None,
                                 "aliases": [{"name": name, "count": n // 4, "articles": []}], "evidence": [],
                                 "mention_refs": []} for j, name in enumerate(ACTORS + [t[0] for t in TOWNS])])


ENDPOINTS = [
    ("events", "/api/events?limit=50&offset={off}"),
    ("events by type", "/api/events?type=Battles&limit=50&offset={off}"),
    ("events by actor", "/api/events?actor=Militia&limit=50&offset={off}"),
    ("events by place", "/api/events?place=Carrow&limit=50&offset={off}"),
    ("events by date", "/api/events?date_from=2031-03-01&date_to=2031-03-31&limit=50&offset={off}"),
    ("events of a story", "/api/events?story=story-7&limit=50&offset={off}"),
    ("figures", "/api/figures?limit=50&offset={off}"),
    ("places", "/api/places?limit=50&offset={off}"),
    ("entities", "/api/entities?limit=50"),
    ("stories", "/api/stories?limit=50"),
    ("articles", "/api/articles?limit=50&offset={off}"),
    ("search", "/api/search?q=wounded&limit=20&offset={off}"),
]


def measure(base: str, requests: int, n: int) -> list[tuple[str, float, float]]:
    rng = random.Random(1)
    out = []
    for name, template in ENDPOINTS:
        times = []
        for _ in range(requests):
            url = base + template.format(off=rng.randrange(0, max(1, n // 2)))
            t0 = time.perf_counter()
            with urllib.request.urlopen(url, timeout=30) as r:
                r.read()
            times.append((time.perf_counter() - t0) * 1000)
        times.sort()
        out.append((name, statistics.median(times), times[max(0, int(round(0.95 * len(times))) - 1)]))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.api_latency", description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=5000)
    parser.add_argument("--requests", type=int, default=60)
    parser.add_argument("--db", help="reuse (or build) the store here")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests.web_fixtures import live_server

    db = Path(args.db) if args.db else Path(tempfile.mkdtemp()) / "latency.db"
    if not db.exists():
        t0 = time.perf_counter()
        build(db, args.reports)
        print(f"built {args.reports} reports in {time.perf_counter() - t0:.1f} s: {db}")
    with live_server(db) as base:
        results = measure(base, args.requests, args.reports * 3)
    print(f"| endpoint ({args.reports} reports, {args.requests} requests) | p50 ms | p95 ms |\n|---|---|---|")
    for name, p50, p95 in results:
        print(f"| {name} | {p50:.1f} | {p95:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
