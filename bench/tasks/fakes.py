"""FA-KES: the main event of whole Syrian-war news reports (date, place, cause, killed).

Every article of `fakes/fakes-dev.csv` (title, a blank line, then the content) runs through the
default per-report pipeline (`crosswire.stages.build_default_pipeline`, so the report is dated from its
own text: its dateline, else the dating stage), with no publication date given (the content usually
opens with its own date line). The report's main event is the one the events stage marks `main`, else
its first event mention. Scored against the crowd-coded row:

- `date_within_1d`: the main event's date within one day of the row's `date`;
- `place_acc`: the main event's place lies in the row's `location`, read as a Syrian governorate
  (GeoNames admin1; "damascus" is Damascus city or Rif Dimashq, because FA-KES codes Eastern Ghouta
  and the capital's suburbs as "damascus");
- `cause_family_acc`: the main event's ACLED sub-event type in the family of the row's
  `cause_of_death` (`CAUSE_FAMILIES`), over rows whose cause is known;
- `killed_within_10pct` / `killed_exact`: the main event's toll (none counts as 0) against
  `nb_civilians + nb_noncivilians`, over the credible rows (`label` 1) only, since the others are the
  outlets' accounts that the casualty record contradicts.

Split: the file is the development half of FA-KES (the other half is kept for review); the gate runs
a seeded sample of `GATE_LIMIT` articles. Within it, whole-report rules (the lead dateline, the main
event's lead, toll, place and weapon, how far a headline looks for its day, the typing of headline-style
counts) were chosen on the `train.` half:
event groups (same `date` and `location`) whose sha1 starts with an even hex digit, so no event is split
between halves; `test.*` reports the other half, never looked at while choosing.
"""

from __future__ import annotations

import csv
import hashlib
import random
from datetime import date, datetime
from pathlib import Path
from typing import Any

GATE_LIMIT = 60
RESULTS_NOTE = ("Whole-report rules (the lead dateline, the main event from the lead with the headline's toll, the "
                "story's town, day and weapon, a vague headline toll yielding to the lead's exact one, how far a headline "
                "looks for its day, headline-style counts typed by the verb before them) were chosen on the `train.` half (event "
                "groups whose (date, location) sha1 starts with an even hex digit); `test.*` is held out. Many misses "
                "are FA-KES's own: for 38 of the 208 train articles the coded date is more than a day away from the "
                "article's own dateline (23 of them more than a week before it), mostly a day the text never names.")
SEED = 20190410
UNGATED = frozenset({f"{p}{name}" for p in ("", "train.", "test.") for name in ("articles", "credible", "known_cause")})

# FA-KES location -> GeoNames admin1 codes of Syria (admin1CodesASCII.txt, SY.*).
GOVERNORATES: dict[str, frozenset[str]] = {
    "aleppo": frozenset({"09"}), "damascus": frozenset({"13", "08"}), "idlib": frozenset({"12"}),
    "deir ezzor": frozenset({"07"}), "raqqa": frozenset({"04"}), "homs": frozenset({"11"}),
    "hama": frozenset({"10"}), "hasakeh": frozenset({"01"}), "daraa": frozenset({"06"}),
    "lattakia": frozenset({"02"}), "quneitra": frozenset({"03"}), "tartous": frozenset({"14"}),
    "sweida": frozenset({"05"}),
}

# FA-KES cause of death -> the ACLED sub-event types that tell it.
CAUSE_FAMILIES: dict[str, frozenset[str]] = {
    "shelling": frozenset({"Shelling/artillery/missile attack", "Air/drone strike"}),
    "explosion": frozenset({"Remote explosive/landmine/IED", "Suicide bomb", "Grenade", "Air/drone strike",
                            "Shelling/artillery/missile attack"}),
    "chemical and toxic gases": frozenset({"Chemical weapon"}),
    "shooting": frozenset({"Armed clash", "Attack", "Excessive force against protesters"}),
    "execution": frozenset({"Attack", "Abduction/forced disappearance"}),
}


def load_rows(data: Path, limit: int | None) -> list[dict[str, str]]:
    """The FA-KES development rows, or a seeded sample of `limit` of them (in file order)."""
    with (data / "fakes" / "fakes-dev.csv").open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    if limit is not None and limit < len(rows):
        picked = sorted(random.Random(SEED).sample(range(len(rows)), limit))
        rows = [rows[i] for i in picked]
    return rows


def split_of(row: dict[str, str]) -> str:
    """"train" or "test": by the row's event group (its date and location), so a group stays whole."""
    key = f"{row['date'].strip()}|{row['location'].strip()}"
    return "train" if int(hashlib.sha1(key.encode("utf-8")).hexdigest()[0], 16) % 2 == 0 else "test"


def gold_date(value: str) -> date | None:
    try:
        return datetime.strptime(value.strip(), "%m/%d/%y").date()
    except ValueError:
        return None


def main_event(article: Any) -> Any:
    """The event mention the events stage marks as the report's main one, else the first."""
    marked = [ev for ev in article.events if getattr(ev, "main", False)]
    return marked[0] if marked else (article.events[0] if article.events else None)


def within_days(value: str | None, gold: date | None, days: int = 1) -> bool:
    if not value or gold is None:
        return False
    try:
        return abs((date.fromisoformat(value[:10]) - gold).days) <= days
    except ValueError:
        return False


def in_location(article: Any, ev: Any, location: str) -> bool:
    """The main event's place is in the row's governorate."""
    if ev is None or ev.place is None:
        return False
    place = article.places[ev.place]
    return place.country == "SY" and place.admin1 in GOVERNORATES.get(location, frozenset())


def killed(row: dict[str, str]) -> int:
    return int(row["nb_civilians"] or 0) + int(row["nb_noncivilians"] or 0)


def analyse(rows: list[dict[str, str]]) -> list[tuple[dict[str, str], Any]]:
    """Each row's article run through the per-report stages."""
    from bench.common import shared_resources
    from crosswire.errors import CrosswireError
    from crosswire.model import Article
    from crosswire.stages import build_default_pipeline

    run_one = build_default_pipeline(shared_resources())
    out = []
    for row in rows:
        text = f"{row['article_title'].strip()}\n\n{row['article_content'].strip()}"
        article = Article(raw_text=text, id=f"fakes-{row['unit_id']}")
        try:
            article = run_one(article)
        except CrosswireError:  # a report the pipeline rejects scores as "no event found"
            pass
        out.append((row, article))
    return out


def score(results: list[tuple[dict[str, str], Any]]) -> dict[str, float]:
    hits = dict.fromkeys(("date", "date0", "place", "cause", "k10", "kexact"), 0)
    known = credible = 0
    for row, article in results:
        ev = main_event(article)
        gold = gold_date(row["date"])
        hits["date"] += within_days(ev.date if ev else None, gold)
        hits["date0"] += within_days(ev.date if ev else None, gold, 0)
        hits["place"] += in_location(article, ev, row["location"].strip())
        family = CAUSE_FAMILIES.get(row["cause_of_death"].strip())
        if family is not None:
            known += 1
            hits["cause"] += bool(ev) and ev.sub_event_type in family
        if row["label"].strip() == "1":
            credible += 1
            told = (ev.fatalities or 0) if ev else 0
            hits["k10"] += abs(told - killed(row)) <= 0.1 * killed(row)
            hits["kexact"] += told == killed(row)
    n = len(results) or 1
    return {"articles": float(len(results)), "credible": float(credible), "known_cause": float(known),
            "date_within_1d": 100 * hits["date"] / n, "date_exact": 100 * hits["date0"] / n,
            "place_acc": 100 * hits["place"] / n, "cause_family_acc": 100 * hits["cause"] / max(known, 1),
            "killed_within_10pct": 100 * hits["k10"] / max(credible, 1),
            "killed_exact": 100 * hits["kexact"] / max(credible, 1),
            "events_per_article": sum(len(a.events) for _, a in results) / n}


LOWER_IS_BETTER = frozenset({f"{p}events_per_article" for p in ("", "train.", "test.")})


def run(data: Path, limit: int | None = None) -> dict[str, float]:
    """Main-event date, place, cause and killed accuracy over the FA-KES development articles, over all
    and on each half (`train.`, where the rules were chosen, and `test.`)."""
    results = analyse(load_rows(data, limit))
    metrics = score(results)
    for half in ("train", "test"):
        part = [(row, article) for row, article in results if split_of(row) == half]
        metrics.update({f"{half}.{k}": v for k, v in score(part).items()})
    return metrics
