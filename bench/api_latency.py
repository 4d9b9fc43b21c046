"""Latency of the REST API's list endpoints on a large store (a benchmark, not a timed test).

    python -m bench.api_latency [--reports 5000] [--requests 60] [--db PATH]

Builds a store of invented reports (templated text written here: 3 event mentions, 3 places, 2 figures and
4 entity mentions each, 60 towns, a report every 8 hours, 100 stories), serves it on a loopback port and times each list endpoint with
`--requests` requests (pages at varied offsets). Prints p50 and p95 in milliseconds per endpoint, and
the time of the first merged-events request (it reconciles the whole store; later ones read the cache).
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

# Six named towns and 54 numbered ones, far enough apart (over 10 km) that their events stay apart.
TOWNS = [("Dunmore", 53.6, -8.0), ("Carrow", 53.9, -8.1), ("Belcastle", 54.2, -7.6), ("Tarn", 52.9, -9.0),
         ("Oskel", 53.2, -7.1), ("Lindra", 54.5, -8.4)] + [
    (f"Town {k:02d}", 51.0 + (k % 9) * 0.4, -11.0 + (k // 9) * 0.6) for k in range(7, 61)]
REPORT_HOURS = 8  # one report every 8 hours: 5,000 reports span 4.5 years, so a town's incidents are days apart
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
                    outlet=f"Outlet {i % 40}", published=start + timedelta(hours=REPORT_HOURS * i),
                    published_source="metadata", offsets=list(range(len(text))))
        spans = [text.index(town), text.index(f"In {other}") + 3, text.rindex(town)]
        names = [(town, lat, lon), (other, olat, olon), (town, lat, lon)]
        a.places = [Place(s, s + len(nm), nm, name=nm, geonameid=9000 + TOWNS.index((nm, la, lo)), lat=la, lon=lo,
                          feature_code="P.PPL", country="IE", admin1=f"{TOWNS.index((nm, la, lo)) % 4 + 1:02d}",
                          confidence=0.9, reason="synthetic")
                    for s, (nm, la, lo) in zip(spans, names, strict=True)]
        day = (start + timedelta(hours=REPORT_HOURS * i)).date().isoformat()
        # the report's incident is in its town (the other town is only mentioned): a report does not bridge
        # two towns' incidents, as a real one about one incident would not
        for j, word in enumerate(("attacked", "wounded", "clashes")):
            s = text.index(word)
            at = (0, 2, 2)[j]
            a.events.append(EventMention(s, s + len(word), word, etype, sub, actor1=actor, place=at,
                                         lat=names[at][1], lon=names[at][2], geo_precision=1, date=day,
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
    ("event mentions", "/api/event_mentions?limit=50&offset={off}"),
    ("event mentions by type", "/api/event_mentions?type=Battles&limit=50&offset={off}"),
    ("event mentions by actor", "/api/event_mentions?actor=Militia&limit=50&offset={off}"),
    ("event mentions by place", "/api/event_mentions?place=Carrow&limit=50&offset={off}"),
    ("event mentions by date", "/api/event_mentions?date_from=2031-03-01&date_to=2031-03-31&limit=50&offset={off}"),
    ("event mentions of a story", "/api/event_mentions?story=story-7&limit=50&offset={off}"),
    ("events (merged)", "/api/events?limit=50&offset={off}"),
    ("events by actor", "/api/events?actor=Militia&limit=50&offset={off}"),
    ("events by place", "/api/events?place=Carrow&limit=50&offset={off}"),
    ("events of a story", "/api/events?story=story-7&limit=50"),
    ("figures", "/api/figures?limit=50&offset={off}"),
    ("places", "/api/places?limit=50&offset={off}"),
    ("entities", "/api/entities?limit=50"),
    ("stories", "/api/stories?limit=50"),
    ("articles", "/api/articles?limit=50&offset={off}"),
    ("search", "/api/search?q=wounded&limit=20&offset={off}"),
]


def _get(url: str) -> float:
    t0 = time.perf_counter()
    with urllib.request.urlopen(url, timeout=600) as r:
        r.read()
    return (time.perf_counter() - t0) * 1000


def warm_up(base: str) -> float:
    """The first merged-events request reconciles the whole store (once per store version); its time, in s."""
    return _get(base + "/api/events?limit=1") / 1000


def measure(base: str, requests: int, n: int) -> list[tuple[str, float, float]]:
    rng = random.Random(1)
    out = []
    for name, template in ENDPOINTS:
        offsets = [rng.randrange(0, max(1, n // 2)) for _ in range(requests)]
        if name.startswith("events"):  # merged events: fewer of them than mentions
            offsets = [o // 3 for o in offsets]
        times = sorted(_get(base + template.format(off=off)) for off in offsets)
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
        reconcile_s = warm_up(base)
        results = measure(base, args.requests, args.reports * 3)
    print(f"first merged-events request (reconciles the store, then cached): {reconcile_s:.1f} s")
    print(f"| endpoint ({args.reports} reports, {args.requests} requests) | p50 ms | p95 ms |\n|---|---|---|")
    for name, p50, p95 in results:
        print(f"| {name} | {p50:.1f} | {p95:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
