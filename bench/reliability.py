"""Reliability: hostile files, kill-and-resume, readers during an ingest, injection payloads.

    python -m bench.reliability [--reports 300] [--kills 20] [--write] [--kill-only]

Runs crosswire's own command line (`python -m crosswire.cli`) as a user would, on inputs this script
writes. Kill and resume runs `crosswire run` with the default stages and linking over real news
reports (GVA documents from the shared data); the other parts use the reading and cleaning stages
only (CROSSWIRE_STAGES=clean,metadata) so that their dozens of runs fit in minutes, the model stages
being covered by the fuzz tests. Reported: each hostile file and what became of it (a traceback
counts as a crash), SIGKILL rounds during long runs and each store compared table by table with an
uninterrupted run's, read latency of concurrent readers while an ingest writes,
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
from datetime import UTC, datetime
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


# What "the same store" means after kill and resume: every table a run writes, row for row, but the
# stamps of when a row was written (and the brief history, which grows by one per finished run: its
# latest state is compared).
STORE_TABLES = {
    "articles": "SELECT {} FROM articles ORDER BY id",
    "annotations": "SELECT * FROM annotations ORDER BY article_id, kind, idx",
    "annotation_keys": "SELECT * FROM annotation_keys ORDER BY kind, article_id, idx",
    "full-text index": "SELECT article_id, title, text FROM articles_fts ORDER BY article_id",
    "entities": "SELECT * FROM entities ORDER BY id",
    "rejects": "SELECT path, stage, code, message, article_id FROM rejects ORDER BY path, code, message",
    "latest brief": "SELECT data FROM briefs ORDER BY id DESC LIMIT 1",
}


def store_snapshot(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table a run writes (without write stamps), by table."""
    with sqlite3.connect(db) as conn:
        columns = [r[1] for r in conn.execute("PRAGMA table_info(articles)") if r[1] != "ingested_at"]
        return {name: conn.execute(sql.format(", ".join(columns))).fetchall() for name, sql in STORE_TABLES.items()}


def kill_corpus(folder: Path, reports: int) -> str:
    """`reports` real news reports in one JSON Lines file (GVA documents of incidents with two or more
    reports each, so that linking finds stories and duplicates); synthetic ones without the shared data."""
    from bench.common import SharedDataMissing, shared_dir

    try:
        rows = [json.loads(line) for line in (shared_dir() / "gva" / "documents.jsonl").open(encoding="utf-8")
                if line.strip()]
    except SharedDataMissing:
        records = [{"id": f"r{i}", "text": report_text(i)} for i in range(reports)]
        source = "synthetic reports (no shared data)"
    else:
        by_incident: dict[str, list[dict[str, Any]]] = {}
        for row in rows:
            if (row.get("content") or "").strip():
                by_incident.setdefault(row["incident_id"], []).append(row)
        picked = [r for inc in sorted(by_incident) if len(by_incident[inc]) > 1
                  for r in sorted(by_incident[inc], key=lambda r: r["doc_id"])][:reports]
        records = [{"id": r["doc_id"], "title": r["title"], "published": r["dct"], "url": r["uri"],
                    "text": r["content"]} for r in picked]
        source = (f"GVA news reports of {len({r['incident_id'] for r in picked})} incidents, "
                  f"{sum(len(r['content']) for r in picked):,} characters")
    folder.mkdir()
    (folder / "reports.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return source


def full_run(folder: Path, db: Path, log: Path) -> subprocess.Popen[bytes]:
    """`crosswire run` with the default stages and linking, started in a process group of its own (so
    that a pool worker outliving its killed run is seen); what it prints on stderr goes to `log`."""
    cmd = [sys.executable, "-m", "crosswire.cli", "run", str(folder), "--db", str(db), "--out", str(db) + "-out"]
    env = {k: v for k, v in ENV.items() if k != "CROSSWIRE_STAGES"}
    with log.open("ab") as err:
        return subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=err, start_new_session=True)


def stored_count(db: Path) -> int:
    if not db.exists():
        return 0
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30) as conn:
        has = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'articles'").fetchone()
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0] if has else 0


def survivors(pgid: int) -> bool:
    """Whether any process of a killed run's group (its pool workers) is still alive after a moment."""
    for _ in range(50):
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return False
        time.sleep(0.1)
    os.killpg(pgid, signal.SIGKILL)
    return True


def timed_reference(folder: Path, db: Path, log: Path) -> dict[str, Any]:
    """The uninterrupted run, watched: when its first and its last report were stored, when it ended."""
    start, first, last, seen = time.perf_counter(), None, 0.0, 0
    proc = full_run(folder, db, log)
    while proc.poll() is None:
        time.sleep(0.5)
        count = stored_count(db)
        now = time.perf_counter() - start
        first = now if first is None and count else first
        last, seen = (now, count) if count > seen else (last, seen)
    total = time.perf_counter() - start
    return {"exit": proc.returncode, "seconds": total, "first_write": first or total, "after_last": total - last}


def kill_and_resume(tmp: Path, reports: int, kills: int, seed: int = 3) -> dict[str, Any]:
    """SIGKILL `crosswire run` (default stages, linking, report) at random points, run it again, and
    compare the store with an uninterrupted run's.

    The runs go on one after the other on one store, each from what the last one left. Each kill falls
    at a time drawn (seeded) uniformly over what is left of the run: from 0.5 s to the time the
    uninterrupted run took to start, analyse the reports not stored yet, link and write the report, or
    to the time the last run that ended before its kill took, if shorter (the reference's time is the
    machine's load at its start: a later run may be quicker than the estimate). So
    kills fall in model loading, reading, analysis and writes, and, once every report is stored, in
    linking and writing the report. A run that ends before its kill is not counted as a kill; its store,
    and the store after the last kill and one run to the end, must equal the uninterrupted run's."""
    folder, logs = tmp / "kill-corpus", tmp / "kill-logs"
    logs.mkdir()
    source = kill_corpus(folder, reports)
    reference = tmp / "ref.db"
    timing = timed_reference(folder, reference, logs / "reference.txt")
    ref = store_snapshot(reference)
    analysis = timing["seconds"] - timing["first_write"] - timing["after_last"]
    rng, done, rounds, checks, orphans, db = random.Random(seed), 0, 0, [], 0, tmp / "killed.db"
    rerun = timing["seconds"]  # how long a run that ended before its kill took: the part left is no longer
    phases = {"before any write": 0, "while storing": 0, "after the last report was stored": 0}
    while done < kills and rounds < kills * 3:
        rounds += 1
        before = stored_count(db)
        left = timing["first_write"] + analysis * (1 - before / len(ref["articles"])) + timing["after_last"]
        proc, started = full_run(folder, db, logs / f"run-{rounds}.txt"), time.perf_counter()
        try:
            proc.wait(timeout=rng.uniform(0.5, min(left, rerun)))
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGKILL)  # the run's main process only, as a crash would
            proc.wait()
            orphans += survivors(proc.pid)
            done += 1
            after = stored_count(db)
            phases["after the last report was stored" if before == len(ref["articles"]) else
                   "while storing" if after > before else "before any write"] += 1
            print(f"kill {done}: {before} -> {after} reports stored", file=sys.stderr, flush=True)
            continue
        rerun = time.perf_counter() - started
        checks.append(compare_stores(ref, db, proc.returncode))
        print(f"run {rounds} ended before its kill: identical {checks[-1]['identical']}", file=sys.stderr, flush=True)
    checks.append(compare_stores(ref, db, full_run(folder, db, logs / "last.txt").wait()))
    tracebacks = sum("Traceback" in f.read_text(errors="replace") for f in logs.glob("*.txt"))
    return {"reports": reports, "source": source, "sigkills": done, "runs": rounds + 1, "checks": checks,
            "phases": phases, "orphans": orphans, "tracebacks": tracebacks, "reference_exit": timing["exit"],
            "reference_seconds": round(timing["seconds"], 1), "stored": len(ref["articles"]),
            "annotations": len(ref["annotations"]), "entities": len(ref["entities"]),
            "in_stories": linked_count(reference), "identical": all(c["identical"] for c in checks),
            "lost": max(c["lost"] for c in checks), "duplicated": max(c["duplicated"] for c in checks),
            "final_exit": checks[-1]["exit"]}


def linked_count(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM articles WHERE story_id IS NOT NULL").fetchone()[0]


def compare_stores(ref: dict[str, list[tuple[Any, ...]]], db: Path, exit_code: int) -> dict[str, Any]:
    got = store_snapshot(db)
    ref_ids, got_ids = [r[0] for r in ref["articles"]], [r[0] for r in got["articles"]]
    with sqlite3.connect(db) as conn:
        rows, texts = conn.execute("SELECT count(*), count(DISTINCT raw_hash) FROM articles").fetchone()
    return {"exit": exit_code, "identical": got == ref, "differ": [t for t in STORE_TABLES if got[t] != ref[t]],
            "lost": len(set(ref_ids) - set(got_ids)), "duplicated": len(got_ids) - len(set(ref_ids) & set(got_ids))
            + rows - texts}


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
           pay: dict[str, Any], machine: str) -> str:
    lines = ["# Reliability (generated by `python -m bench.reliability --write`)", "", machine, "",
             "Stages: kill and resume runs the default pipeline (every model stage) with linking; the hostile "
             "files, readers and payloads run the reading and cleaning stages only (CROSSWIRE_STAGES=clean,"
             "metadata); the model stages are fuzzed by tests/test_fuzz_readers.py (Hypothesis, fixed budget: "
             "200 reader inputs, 25 pipeline texts per run).",
             "", f"## Hostile files: {len(hostile)} tried, {sum(r['crash'] for r in hostile)} crashes", "",
             "| file | stored | rejected as | exit | crash | seconds |", "|---|---|---|---|---|---|"]
    lines += [f"| {r['file']} | {r['stored']} | {r['rejected']} | {r['exit']} | {'yes' if r['crash'] else 'no'} | "
              f"{r['seconds']} |" for r in hostile]
    lines += ["", "## Kill and resume", "", kill_text(kills), "",
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


def kill_text(k: dict[str, Any]) -> str:
    phases = ", ".join(f"{n} {where}" for where, n in k["phases"].items())
    differ = sorted({t for c in k["checks"] for t in c["differ"]})
    return (f"{k['sigkills']} SIGKILLs of `crosswire run` with the default stages (every model stage, then "
            f"linking, the report, the brief and the exports) over a {k['reports']}-report run ({k['source']}), "
            f"in {k['runs']} runs one after the other on one store, each going on from what the last one left. "
            f"Each kill at a time drawn (seeded) uniformly from 0.5 s to what the uninterrupted run "
            f"({k['reference_seconds']} s, exit {k['reference_exit']}) took for the part left; the kills fell "
            f"{phases}. Only the run's main process was killed: pool workers still running 5 s later: "
            f"{k['orphans']}; runs that printed a traceback: {k['tracebacks']}. {len(k['checks'])} stores "
            f"compared with the uninterrupted run's table by table (reports, annotations, their filter keys, "
            f"the full-text index, entities, rejects, the latest brief; write stamps aside), "
            f"{len(k['checks']) - 1} after a run that ended before its kill and one after the last kill and a "
            f"run to the end (exit {k['final_exit']}): identical: {k['identical']}"
            + (f" (differing: {', '.join(differ)})" if differ else "")
            + f"; {k['lost']} lost, {k['duplicated']} duplicated. The reference holds {k['stored']} reports "
            f"(identical texts stored once), {k['annotations']:,} annotations, {k['in_stories']} reports in "
            f"stories and {k['entities']:,} entities.")


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
    parser.add_argument("--kill-only", action="store_true", help="only the kill-and-resume rounds, printed")
    args = parser.parse_args(argv)
    if args.kill_only:
        with tempfile.TemporaryDirectory() as name:
            kills = kill_and_resume(Path(name), args.reports, args.kills)
        print(kill_text(kills))
        bad = kills["lost"] + kills["duplicated"] + kills["orphans"] + kills["tracebacks"]
        return 0 if kills["identical"] and not bad else 1
    started, load = datetime.now(UTC), os.getloadavg()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        hostile = try_hostile(tmp)
        kills = kill_and_resume(tmp, args.reports, args.kills)
        readers = readers_during_ingest(tmp, args.reports)
        pay = payloads(tmp)
    machine = (f"Measured {started:%Y-%m-%d %H:%M} UTC in {(datetime.now(UTC) - started).seconds // 60} min on "
               f"{os.cpu_count()} cores shared with other work: load average {' '.join(f'{x:.1f}' for x in load)} "
               f"at the start, {' '.join(f'{x:.1f}' for x in os.getloadavg())} at the end.")
    text = render(hostile, kills, readers, pay, machine)
    print(text)
    if args.write:
        kept = section_of(REPORT_PATH.read_text(encoding="utf-8"), LENGTH_HEADING) if REPORT_PATH.exists() else None
        REPORT_PATH.write_text(replace_section(text, LENGTH_HEADING, kept) if kept else text, encoding="utf-8")
    bad = (sum(r["crash"] for r in hostile) + kills["lost"] + kills["duplicated"] + kills["orphans"] + kills["tracebacks"]
           + readers["errors"] + pay["effective"])
    return 0 if bad == 0 and kills["identical"] else 1


if __name__ == "__main__":
    sys.exit(main())
