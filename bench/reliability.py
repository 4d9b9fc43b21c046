"""Reliability: hostile files, kill-and-resume, readers during an ingest, injection payloads.

    python -m bench.reliability [--reports 300] [--kills 20] [--write]

Runs crosswire's own command line (`python -m crosswire.cli`) as a user would, on inputs this script
writes, with the reading and cleaning stages only (CROSSWIRE_STAGES=clean,metadata) so that hundreds
of runs fit in minutes; the model stages are covered by the fuzz tests. Reported: each hostile file and
what became of it (a traceback counts as a crash), SIGKILL rounds during one long ingest and the
store compared with an uninterrupted run, read latency of concurrent readers while an ingest writes,
and XSS / formula / SQL payloads tried and found effective. `--write` puts it in bench/RELIABILITY.md.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

REPORT_PATH = Path(__file__).resolve().parent / "RELIABILITY.md"
ENV = dict(os.environ, CROSSWIRE_STAGES="clean,metadata", CROSSWIRE_PROGRESS="false")


def cli(*args: str | Path, wait: bool = True) -> Any:
    cmd = [sys.executable, "-m", "crosswire.cli", *map(str, args)]
    if not wait:
        return subprocess.Popen(cmd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return subprocess.run(cmd, env=ENV, capture_output=True, text=True, check=False)


def report_text(i: int) -> str:
    rng = random.Random(i)
    town = rng.choice(["Northfield", "Easton", "Southby", "Westholm", "Riverton"])
    return (f"Report {i}: aid reaches {town}\n\nA convoy of {rng.randint(2, 90)} lorries reached {town} on "
            f"day {i}, officials said. Road number {rng.randint(1, 999)} reopened after {i % 17 + 1} days.\n")


def hostile_files() -> dict[str, bytes]:
    laughs = (b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">' +
              b"".join(f'<!ENTITY {c}{i} "{("&" + c + str(i - 1) + ";") * 10 if i else "&a;"}">'.encode()
                       for c in "b" for i in range(8)) + b']><rss><channel><item><title>&b7;</title></item></channel></rss>')
    return {
        "empty.txt": b"", "binary.txt": bytes(range(256)) * 8, "nul-in-jsonl.jsonl":
            b'{"text": "good line one, long enough"}\n{"text": "bad \x00"}\n',
        "bad-byte-jsonl.jsonl": '{"text": "caf\u00e9 ok"}\n'.encode() + b'{"text": "bad \xff"}\n',
        "repeated-id.jsonl": "".join(json.dumps({"id": "x", "text": report_text(n)}) + "\n"
                                     for n in (1, 1, 2)).encode(),
        "truncated.json": b'{"text": "cut off', "cp1252.txt": "Caf\u00e9 r\u00e9fugi\u00e9s arriv\u00e9s \u00e0 Gen\u00e8ve.\n".encode("cp1252"),
        "utf16-bom.txt": "Rebels entered the town.\n".encode("utf-16"),
        "bidi-title.jsonl": (json.dumps({"title": "safe\u202egpj.exe", "id": "\u200bid", "text": report_text(3)}) + "\n").encode(),
        "future-date.jsonl": (json.dumps({"text": report_text(4), "published": "2099-01-01"}) + "\n").encode(),
        "one-line-2mb.txt": (("word " * 400_000) + "\n").encode(),
        "too-large.txt": b"x " * 3_000_000,
        "deep.html": b"<div>" * 50_000 + b"text" + b"</div>" * 50_000,
        "billion-laughs.xml": laughs,
        "xxe.xml": b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                   b"<rss><channel><item><title>t</title><description>&x;</description></item></channel></rss>",
        "gzip-bomb.txt.gz": gzip.compress(b"0" * 50_000_000),
        "warc-bomb.warc.gz": gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\nX: " + b"a" * 50_000_000),
        "odd name\n'\"#?.txt": report_text(5).encode(),
    }


def try_hostile(tmp: Path) -> list[dict[str, Any]]:
    folder = tmp / "hostile"
    folder.mkdir()
    rows = []
    for name, data in hostile_files().items():
        path = folder / name
        path.write_bytes(data)
        db = tmp / f"h{len(rows)}.db"
        start = time.perf_counter()
        out = cli("ingest", path, "--db", db, "--no-link")
        seconds = time.perf_counter() - start
        crashed = "Traceback" in out.stderr or out.returncode not in (0, 1)
        with sqlite3.connect(db) as conn:
            stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            codes = sorted({r[0] for r in conn.execute("SELECT code FROM rejects")})
            leaked = conn.execute("SELECT count(*) FROM articles WHERE text LIKE '%root:%'").fetchone()[0]
        rows.append({"file": name.replace("\n", "\\n"), "stored": stored, "rejected": ",".join(codes) or "-",
                     "exit": out.returncode, "crash": crashed or leaked > 0, "seconds": round(seconds, 1)})
    links = folder / "links"
    links.mkdir()
    (links / "loop").symlink_to(links)
    (links / "passwd.txt").symlink_to("/etc/passwd")
    out = cli("ingest", links, "--db", tmp / "links.db", "--no-link")
    with sqlite3.connect(tmp / "links.db") as conn:
        codes = sorted({r[0] for r in conn.execute("SELECT code FROM rejects")})
        stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    rows.append({"file": "symlink loop + link to /etc/passwd", "stored": stored, "rejected": ",".join(codes),
                 "exit": out.returncode, "crash": "Traceback" in out.stderr or stored > 0, "seconds": 0})
    return rows


def store_state(db: Path) -> set[tuple[Any, ...]]:
    with sqlite3.connect(db) as conn:
        return set(conn.execute("SELECT id, content_hash, title, published, version_of FROM articles"))


def kill_and_resume(tmp: Path, reports: int, kills: int) -> dict[str, Any]:
    folder = tmp / "corpus"
    folder.mkdir()
    for i in range(reports):
        (folder / f"r{i:04d}.txt").write_text(report_text(i))
    reference = tmp / "ref.db"
    cli("ingest", folder, "--db", reference, "--no-link")
    db, rng, done, tries = tmp / "killed.db", random.Random(3), 0, 0
    while done < kills and tries < kills * 4:  # a run that ends before its kill is not counted
        tries += 1
        proc = cli("ingest", folder, "--db", db, "--no-link", wait=False)
        time.sleep(rng.uniform(0.3, 3.0))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            done += 1
        proc.wait()
    final = cli("ingest", folder, "--db", db, "--no-link")
    ref, got = store_state(reference), store_state(db)
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT count(*), count(DISTINCT content_hash) FROM articles").fetchone()
    return {"reports": reports, "sigkills": done, "final_exit": final.returncode, "identical": ref == got,
            "lost": len(ref - got), "duplicated": rows[0] - rows[1], "stored": rows[0]}


def readers_during_ingest(tmp: Path, reports: int) -> dict[str, Any]:
    folder = tmp / "corpus2"
    folder.mkdir()
    for i in range(reports):
        (folder / f"s{i:04d}.txt").write_text(report_text(10_000 + i))
    db = tmp / "busy.db"
    (tmp / "seed.txt").write_text(report_text(99_999))
    cli("ingest", tmp / "seed.txt", "--db", db, "--no-link")
    writer = cli("ingest", folder, "--db", db, "--no-link", wait=False)
    latencies: list[float] = []
    errors: list[str] = []

    def read() -> None:
        from crosswire.present import export_rows
        from crosswire.store import open_store

        while writer.poll() is None:
            start = time.perf_counter()
            try:
                with open_store(str(db), read_only=True) as store:
                    random.choice([store.counts, lambda: store.search("convoy"),
                                   lambda: export_rows(store, "articles")])()
            except Exception as err:  # any failure of a reader is what is counted here
                errors.append(repr(err))
            latencies.append(time.perf_counter() - start)

    threads = [threading.Thread(target=read) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return {"reads": len(latencies), "errors": len(errors), "median_s": round(statistics.median(latencies), 2),
            "max_s": round(max(latencies), 2), "writer_exit": writer.returncode}


PWN = "document.title='PWNED'"
XSS = [f'<script>{PWN}</script>', f'<img src=x onerror="{PWN}">', f'"><svg onload="{PWN}">',
       '[x](javascript:alert(1))', '<iframe src="javascript:alert(1)">', '</pre><script>alert(1)</script>']
FORMULAS = ['=HYPERLINK("http://evil.example")', '+cmd|\' /C calc\'!A0', '-2+3+cmd', '@SUM(A1)', '\t=1+1']
SQL = ["'; DROP TABLE articles; --", '" OR 1=1 --', "x') UNION SELECT * FROM rejects --", "NEAR(", "*"]


def payloads(tmp: Path) -> dict[str, Any]:
    records = [{"id": f"p{i}", "title": x + " headline", "outlet": f, "url": "javascript:alert(1)\n# heading",
                "text": f"{x}\n\nA plain sentence about a market in a town, number {i}. {s}"}
               for i, (x, f, s) in enumerate(zip(XSS * 2, FORMULAS * 3, SQL * 3, strict=False))]
    path, db, out = tmp / "payloads.jsonl", tmp / "pay.db", tmp / "pay-out"
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    cli("run", path, "--db", db, "--out", out)
    md, page = (out / "report.md").read_text(), (out / "report.html").read_text()
    effective = sum(x in md or ("<" in x and x in page) for x in XSS)  # Markdown links are text in HTML
    effective += bool(re.search(r"(?<!\\)\]\(javascript:", md)) + ("\n# heading" in md)
    csv_cells = [c for f in (out / "exports").glob("*.csv") for line in f.read_text().splitlines()
                 for c in line.split(",")]
    effective += sum(c.strip('"').startswith(("=", "+", "@")) for c in csv_cells)
    before = store_state(db)
    sql_errors = 0
    for q in SQL:
        res = cli("search", q, "--db", db)
        sql_errors += "Traceback" in res.stderr
    effective += (store_state(db) != before) + sql_errors
    browser = in_browser(out)
    effective += browser.get("ran", 0)
    tried = len(XSS) + len(FORMULAS) + len(SQL) + 2
    return {"tried": tried, "effective": effective, "csp": "Content-Security-Policy" in page, "browser": browser}


def in_browser(out: Path) -> dict[str, Any]:
    """Load report.html, and report.md rendered by a CommonMark renderer with raw HTML allowed, in headless
    Chromium; a payload that ran would have set the page title to PWNED."""
    import shutil

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        return {"checked": "no headless browser installed"}
    from markdown_it import MarkdownIt

    md_page = out / "report-md.html"
    md_page.write_text(MarkdownIt("commonmark", {"html": True}).render((out / "report.md").read_text()))
    control = out / "control.html"  # an unescaped page: proves the check sees a payload that runs
    control.write_text(f'<title>x</title><img src=x onerror="{PWN}">')

    def pwned(page: Path) -> bool:
        dom = subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=3000",
                              "--dump-dom", page.resolve().as_uri()], capture_output=True, text=True, timeout=120,
                             check=False).stdout
        return "<title>PWNED" in dom

    ran = sum(pwned(page) for page in (out / "report.html", md_page))
    return {"checked": f"headless Chromium (report.html, and report.md via markdown-it with raw HTML on; "
                       f"an unescaped control page detected: {pwned(control)})", "ran": ran}


def render(hostile: list[dict[str, Any]], kills: dict[str, Any], readers: dict[str, Any],
           pay: dict[str, Any]) -> str:
    lines = ["# Reliability (generated by `python -m bench.reliability --write`)", "",
             "Stages: clean and metadata (CROSSWIRE_STAGES=clean,metadata); the model stages are fuzzed by "
             "tests/test_fuzz_readers.py (Hypothesis, fixed budget: 200 reader inputs, 25 pipeline texts per run).",
             "", f"## Hostile files: {len(hostile)} tried, {sum(r['crash'] for r in hostile)} crashes", "",
             "| file | stored | rejected as | exit | crash | seconds |", "|---|---|---|---|---|---|"]
    lines += [f"| {r['file']} | {r['stored']} | {r['rejected']} | {r['exit']} | {'yes' if r['crash'] else 'no'} | "
              f"{r['seconds']} |" for r in hostile]
    lines += ["", "## Kill and resume", "",
              f"{kills['sigkills']} SIGKILLs at random points during ingests of {kills['reports']} reports, then one run to the end "
              f"(exit {kills['final_exit']}): store identical to an uninterrupted run: {kills['identical']}; "
              f"{kills['lost']} lost, {kills['duplicated']} duplicated, {kills['stored']} stored.", "",
              "## Readers during an ingest", "",
              f"{readers['reads']} reads (counts, search, articles export through read-only stores; 2 reader "
              f"threads) while one ingest of {kills['reports']} reports wrote (exit {readers['writer_exit']}): "
              f"{readers['errors']} errors, median {readers['median_s']} s, max {readers['max_s']} s.", "",
              "## Injection payloads", "",
              f"{pay['tried']} XSS / formula / SQL payloads tried in titles, outlets, urls, texts and searches: "
              f"{pay['effective']} effective (static checks of report.md, report.html and every CSV; "
              f"Content-Security-Policy present: {pay['csp']}); {pay['browser']['checked']}: "
              f"{pay['browser'].get('ran', 0)} pages where a payload ran."]
    return "\n".join(lines) + "\n"


# Written by `python -m bench length --write` (bench/scale.py); a reliability run keeps it.
LENGTH_HEADING = "## One report growing (`python -m bench length`)"


def section_of(doc: str, heading: str) -> str | None:
    """The body under `heading` in a Markdown document, up to the next `## ` heading (None if absent)."""
    lines = doc.splitlines()
    if heading not in lines:
        return None
    start = lines.index(heading) + 1
    end = next((i for i in range(start, len(lines)) if lines[i].startswith("## ")), len(lines))
    return "\n".join(lines[start:end]).strip("\n") + "\n"


def replace_section(doc: str, heading: str, body: str) -> str:
    """`doc` with the section under `heading` replaced by `body` (appended when it has none)."""
    lines = doc.rstrip("\n").splitlines()
    new = [heading, "", *body.strip("\n").splitlines(), ""]
    if heading not in lines:
        return "\n".join([*lines, "", *new])
    start = lines.index(heading)
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    return "\n".join([*lines[:start], *new, *lines[end:]]).rstrip("\n") + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.reliability")
    parser.add_argument("--reports", type=int, default=300)
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        hostile = try_hostile(tmp)
        kills = kill_and_resume(tmp, args.reports, args.kills)
        readers = readers_during_ingest(tmp, args.reports)
        pay = payloads(tmp)
    text = render(hostile, kills, readers, pay)
    print(text)
    if args.write:
        kept = section_of(REPORT_PATH.read_text(encoding="utf-8"), LENGTH_HEADING) if REPORT_PATH.exists() else None
        REPORT_PATH.write_text(replace_section(text, LENGTH_HEADING, kept) if kept else text, encoding="utf-8")
    bad = sum(r["crash"] for r in hostile) + kills["lost"] + kills["duplicated"] + readers["errors"] + pay["effective"]
    return 0 if bad == 0 and kills["identical"] else 1


if __name__ == "__main__":
    sys.exit(main())
