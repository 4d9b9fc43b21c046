"""A small store built by hand (text written for the tests) and a live server over it, for the API, UI and
browser tests: no model is loaded, so these run in a second or two."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from crosswire.model import Article, EventMention, Figure, Mention, Place, Span

# Two invented reports of one invented story, in our own words.
TEXT_A = ("Militia fighters shelled the river town of Dunmore on Tuesday, killing 14 people, "
          "the provincial council said. Residents fled north toward Carrow.")
TEXT_B = ("Government troops retook Dunmore on Wednesday after clashes with the militia. "
          "Officials said 9 soldiers were wounded. Aid convoys reached Carrow.")


def _span(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


def _place(text: str, word: str, gid: int, lat: float, lon: float) -> Place:
    s, e = _span(text, word)
    return Place(s, e, word, name=word, geonameid=gid, lat=lat, lon=lon, feature_code="P.PPL", admin1="North",
                 country="IE", confidence=0.9, reason="test gazetteer")


def _event(text: str, word: str, etype: str, sub: str, place: int, lat: float | None, date: str,
           aid: str, idx: int, actor1: str) -> EventMention:
    s, e = _span(text, word)
    first = text.rfind(". ", 0, s)
    last = text.find(". ", e)
    sentence = Span(first + 2 if first >= 0 else 0, last + 1 if last >= 0 else len(text))
    return EventMention(s, e, word, etype, sub, actor1=actor1, place=place, lat=lat, lon=None if lat is None else -8.0,
                        geo_precision=1, date=date, date_precision="day", id=f"{aid}-e{idx}", evidence=[sentence])


def articles() -> list[Article]:
    a = Article(raw_text=TEXT_A, text=TEXT_A, id="rep-a", title="Shelling hits Dunmore", outlet="Harbour Post",
                published=datetime(2031, 3, 5, 9), published_source="metadata", offsets=list(range(len(TEXT_A))))
    a.places = [_place(TEXT_A, "Dunmore", 9001, 53.6, -8.0), _place(TEXT_A, "Carrow", 9002, 53.9, -8.1)]
    a.events = [_event(TEXT_A, "shelled", "Explosions/Remote violence", "Shelling/artillery/missile attack", 0,
                       53.6, "2031-03-04", "rep-a", 0, "Militia"),
                _event(TEXT_A, "fled", "Strategic developments", "Displacement", 1, None, "2031-03-04", "rep-a", 1,
                       "Civilians")]
    s, e = _span(TEXT_A, "killing 14 people")
    a.figures = [Figure(s, e, "killing 14 people", 14, 14, 14, kind="killed", attributed_to="the provincial council",
                        id="rep-a-f0")]
    s, e = _span(TEXT_A, "Militia")
    a.mentions = [Mention(s, e, "Militia", "ORG")]
    b = Article(raw_text=TEXT_B, text=TEXT_B, id="rep-b", title="Troops retake Dunmore", outlet="Valley Times",
                published=datetime(2031, 3, 6, 12), published_source="metadata", offsets=list(range(len(TEXT_B))))
    b.places = [_place(TEXT_B, "Dunmore", 9001, 53.6, -8.0)]
    b.events = [_event(TEXT_B, "retook", "Strategic developments", "Non-violent transfer of territory", 0, 53.6,
                       "2031-03-05", "rep-b", 0, "Government troops"),
                _event(TEXT_B, "clashes", "Battles", "Armed clash", 0, 53.62, "2031-03-05", "rep-b", 1, "Militia")]
    s, e = _span(TEXT_B, "9 soldiers were wounded")
    b.figures = [Figure(s, e, "9 soldiers were wounded", 9, 9, 9, kind="injured", group="soldiers", id="rep-b-f0")]
    return [a, b]


def build_store(path: Path) -> Path:
    from crosswire.store import SQLiteStore as Store

    with Store(path) as store:
        for article in articles():
            store.add_article(article)
        store.set_links({}, {"rep-a": "story-1", "rep-b": "story-1"})
        store.replace_entities([{"id": "ent-militia", "name": "Militia", "type": "ORG", "actor_type": None,
                                 "aliases": [{"name": "Militia", "count": 2, "articles": ["rep-a", "rep-b"]}],
                                 "evidence": ["same name"], "mention_refs": [["rep-a", 0, 7]]}])
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def live_server(db: Path) -> Iterator[str]:
    """The app served by uvicorn on a free loopback port, in a thread, until the block ends."""
    import uvicorn

    from crosswire.web import create_app

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="error"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the test server did not start in 10 s")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(5)
