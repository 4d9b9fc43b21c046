"""The command line: each command parses, calls a library function, prints, and sets the exit code."""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .config import Settings, load_settings
from .errors import ConfigError, CrosswireError
from .present.formats import FORMATS
from .present.rows import EXPORT_KINDS

if TYPE_CHECKING:
    from .store import Store

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


def _published(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError as err:
        raise ConfigError(f"--published must be an ISO 8601 date or time such as 2024-12-05, not {value!r}") from err


def _settings(args: argparse.Namespace) -> Settings:
    return load_settings(getattr(args, "config", None), db=getattr(args, "db", None),
                         out=getattr(args, "out", None), error_policy=getattr(args, "policy", None),
                         engine=getattr(args, "engine", None), workers=getattr(args, "workers", None),
                         ray_address=getattr(args, "address", None))


def _add_engine_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--engine", choices=["local", "ray"], help="where the per-report stages run (default local)")
    p.add_argument("--workers", type=int, help="worker processes or Ray actors (default: one per core)")
    p.add_argument("--address", help="the Ray cluster to join, with --engine ray (default: a local Ray)")


def _writable_store(settings: Settings) -> Store:
    """The store for a writing command; a missing folder for it is created, and said so."""
    from .store import open_store

    folder = Path(settings.db).parent
    missing = settings.db != ":memory:" and not folder.exists()
    store = open_store(settings.db)
    if missing:
        print(f"crosswire: created folder {folder} for the store", file=sys.stderr)
    return store


def cmd_run(args: argparse.Namespace) -> int:
    from .api import check_inputs, make_resources, run
    from .present.write import check_out_folder

    settings = _settings(args)
    check_inputs(args.inputs)
    check_out_folder(settings.out)
    resources = make_resources(settings)
    with _writable_store(settings) as store:
        done = run(args.inputs, store, settings, resources, _published(args.published))
    summary, links, outputs = done.ingest, done.link, done.outputs
    print(f"store: {settings.db}")
    print(summary.line())
    print(f"linked: {links['stories']} stories, {links['duplicates']} duplicates, {links['entities']} entities")
    for reject in summary.rejects:
        print(f"rejected {reject.path}: {reject.code}: {reject.message}")
    print(f"report: {outputs['report']} and {outputs['report_html']}")
    print(f"brief: {outputs['brief']} and {outputs['brief_html']}")
    print(f"exports: {Path(outputs['articles']).parent}")
    return EXIT_OK


def cmd_ingest(args: argparse.Namespace) -> int:
    from .api import check_inputs, ingest, make_resources
    from .link.run import link_store

    settings = _settings(args)
    check_inputs(args.inputs)
    resources = make_resources(settings)
    with _writable_store(settings) as store:
        summary = ingest(args.inputs, store, settings, resources, _published(args.published))
        if not args.no_link:
            link_store(store, resources)
    print(summary.line())
    for reject in summary.rejects:
        print(f"rejected {reject.path}: {reject.code}: {reject.message}")
    return EXIT_OK


def cmd_link(args: argparse.Namespace) -> int:
    from .api import make_resources
    from .link.run import link_store

    settings = _settings(args)
    with _existing_store(settings, read_only=False) as store:
        links = link_store(store, make_resources(settings), full=args.full)
    print(json.dumps(links))
    return EXIT_OK


def cmd_analyze(args: argparse.Namespace) -> int:
    from .api import analyze_file, check_inputs

    settings = _settings(args)
    check_inputs([args.file])
    results = analyze_file(args.file, settings, _published(args.published))
    if args.json:
        print(json.dumps(results if len(results) != 1 else results[0], ensure_ascii=False, indent=1))
        return EXIT_OK
    for r in results:
        if "error" in r:
            print(f"error: {r['error']['code']}: {r['error']['message']}")
            continue
        print(f"{r['id']}  {r['title'] or '(untitled)'}  published {r['published']} ({r['published_source']})")
        for kind in ("mentions", "places", "times", "figures", "events", "claims"):
            print(f"  {kind}: {len(r[kind])}")
    return EXIT_OK if all("error" not in r for r in results) else EXIT_ERROR


def cmd_export(args: argparse.Namespace) -> int:
    from .present.formats import export_text
    from .present.write import writing

    settings = _settings(args)
    gazetteer = None
    if args.format == "acled" and settings.gazetteer:  # a user's gazetteer names ACLED's admin1 column too
        from .geo.gazetteer import Gazetteer

        gazetteer = Gazetteer.load(settings.gazetteer)
    with _existing_store(settings) as store:
        text = export_text(store, args.kind, args.format, gazetteer)
    if args.output:
        with writing(args.output):
            Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    from .present.write import write_report

    settings = _settings(args)
    with _existing_store(settings) as store:
        paths = write_report(store, settings.out)
    print(f"report: {paths['report']} and {paths['report_html']}")
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    with _existing_store(_settings(args)) as store:
        for hit in store.search(args.query, args.limit):
            print(f"{hit['article_id']}  {hit['title']}\n    {hit['snippet']}")
    return EXIT_OK


def cmd_status(args: argparse.Namespace) -> int:
    with _existing_store(_settings(args)) as store:
        print(json.dumps(store.counts(), indent=1))
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    from .store import is_server_url
    from .store.postgres import redact
    from .web import serve

    settings = _settings(args)
    if not is_server_url(settings.db) and not Path(settings.db).is_file():
        raise ConfigError(f"no store at {settings.db}; create one with `crosswire run INPUT --db {settings.db}`")
    print(f"serving {redact(settings.db)} at http://{args.host}:{args.port}/ (API: /api, OpenAPI: "
          "/api/openapi.json); Ctrl-C stops")
    serve(settings.db, host=args.host, port=args.port)
    return EXIT_OK


def cmd_gazetteer_import(args: argparse.Namespace) -> int:
    from .geo.store import import_geonames_dump

    count = import_geonames_dump([Path(p) for p in args.files], Path(args.target))
    print(f"imported {count} places into {args.target}; use it with --gazetteer or CROSSWIRE_GAZETTEER")
    return EXIT_OK


def _existing_store(settings: Settings, read_only: bool = True) -> Store:
    """The store at `settings.db`, which must exist already (reading commands never create one); opened
    read-only unless asked, so a store on read-only media can be read."""
    from .store import is_server_url, open_store

    if not is_server_url(settings.db) and not Path(settings.db).is_file():
        raise ConfigError(f"no store at {settings.db}; create one with `crosswire run INPUT --db {settings.db}`")
    return open_store(settings.db, read_only=read_only)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="crosswire", description="Reconcile many outlets' reports of a crisis.")
    parser.add_argument("--version", action="version", version=f"crosswire {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    def add(name: str, func: Callable[[argparse.Namespace], int], help_: str, db: bool = True,
            out: bool = False) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_, description=help_)
        p.set_defaults(func=func)
        p.add_argument("--config", help="a crosswire.toml settings file")
        if db:
            p.add_argument("--db", help="the store: a SQLite file (default crosswire.db) or a postgresql:// URL")
        if out:
            p.add_argument("--out", help="output folder for the report and exports (default crosswire-out)")
        return p

    p = add("run", cmd_run, "read, analyse, link, and write the report and exports", out=True)
    p.add_argument("inputs", nargs="+", help="files or folders (.txt .html .json .jsonl RSS/Atom WARC)")
    p.add_argument("--published", help="publication date to assume for undated inputs (ISO 8601)")
    p.add_argument("--policy", choices=["skip", "raise"], help="on a bad input: record and go on, or stop")
    _add_engine_options(p)
    p = add("ingest", cmd_ingest, "read, analyse and store reports (and link them)")
    p.add_argument("inputs", nargs="+", help="files or folders")
    p.add_argument("--published", help="publication date to assume for undated inputs (ISO 8601)")
    p.add_argument("--policy", choices=["skip", "raise"], help="on a bad input: record and go on, or stop")
    p.add_argument("--no-link", action="store_true", help="store only; run `crosswire link` later")
    _add_engine_options(p)
    p = add("link", cmd_link, "link stored reports: duplicates, stories, entities (only what is new)")
    p.add_argument("--full", action="store_true", help="forget what earlier links kept and relink every report")
    p = add("analyze", cmd_analyze, "analyse one file without a store", db=False)
    p.add_argument("file")
    p.add_argument("--published", help="publication date of the report (ISO 8601)")
    p.add_argument("--json", action="store_true", help="print the full annotations as JSON")
    p = add("export", cmd_export, "export one kind of record from the store")
    p.add_argument("kind", choices=EXPORT_KINDS)
    p.add_argument("--format", choices=FORMATS, default="jsonl")
    p.add_argument("--output", "-o", help="write to this file instead of standard output")
    add("report", cmd_report, "write report.md and report.html from the store", out=True)
    p = add("search", cmd_search, "full-text search over stored reports")
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=20)
    add("status", cmd_status, "count what the store holds")
    p = add("serve", cmd_serve, "serve the web UI and the read-only REST API over the store")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    p = add("gazetteer", cmd_gazetteer_import, "import GeoNames dump files into a gazetteer file", db=False)
    p.add_argument("action", choices=["import"])
    p.add_argument("files", nargs="+", help="GeoNames allCountries / per-country / cities*.txt(.gz) files")
    p.add_argument("--target", default="gazetteer.sqlite", help="the gazetteer file to write")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except CrosswireError as err:
        return _fail(err.code, err.message)
    except BrokenPipeError:  # the reader of our output went away (`crosswire export ... | head`)
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - stays open until exit, so no second error
        return EXIT_ERROR
    except OSError as err:  # a path or permission problem no check above foresaw
        return _fail("io", f"{err.filename or ''}: {err.strerror or err}; check the path and its permissions")
    except sqlite3.Error as err:
        return _fail("store", f"{err}; check that --db is a crosswire store on a writable disk")
    except KeyboardInterrupt:
        print("crosswire: interrupted; run the same command again to go on (stored reports are kept)",
              file=sys.stderr)
        return 130


def _fail(code: str, message: str) -> int:
    print(f"crosswire: error [{code}]: {message}", file=sys.stderr)
    return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
