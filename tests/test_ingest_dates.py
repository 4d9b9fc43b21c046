"""Header date forms, date clashes, titles, bylines and the language guess from a report's own text."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from crosswire.ingest.dates import parse_date_line, parse_datetime_value
from crosswire.ingest.metadata import guess_language, guess_title, text_metadata, undouble


@pytest.mark.parametrize(("line", "expected", "kind"), [
    ("December 5, 2024 Hour: 8:45 am", datetime(2024, 12, 5, 8, 45, tzinfo=UTC), "page"),
    ("Thu, 12/05/2024 - 10:40", datetime(2024, 12, 5, 10, 40, tzinfo=UTC), "page"),
    ("December 20, 2024", datetime(2024, 12, 20, tzinfo=UTC), "page"),
    ("Sun, 12/05/2024", datetime(2024, 5, 12, tzinfo=UTC), "page"),  # the weekday settles day vs month
    ("05.12.2024", datetime(2024, 12, 5, tzinfo=UTC), "page"),  # dotted dates are day first
    ("Published: 7 March 2021 10:05 GMT", datetime(2021, 3, 7, 10, 5, tzinfo=UTC), "header"),
    ("Updated: 2021-03-08T09:00:00Z", datetime(2021, 3, 8, 9, tzinfo=UTC), "updated"),
    ("Nora Bell Mon, 03/08/2021 - 18:20", datetime(2021, 3, 8, 18, 20, tzinfo=UTC), "byline"),
    ("By Sam Ortiz | Dec. 4, 2022 at 3:10 pm EST",
     datetime(2022, 12, 4, 15, 10, tzinfo=timezone(timedelta(hours=-5))), "byline"),
])
def test_header_date_forms(line: str, expected: datetime, kind: str) -> None:
    found = parse_date_line(line)
    assert found is not None
    assert (found.value, found.kind) == (expected, kind)


@pytest.mark.parametrize("line", [
    "Fighting resumed on Tuesday, December 3, 2024, near the northern town of Ardan.",
    "December 5, 2024 local officials said",
    "Nothing here looks like a date.",
    "February 30, 2024",
    "March 3, 1066",
])
def test_sentences_and_bad_dates_are_not_headers(line: str) -> None:
    assert parse_date_line(line) is None


@pytest.mark.parametrize(("value", "expected"), [
    ("2023-04-01T12:00:00+03:00", datetime(2023, 4, 1, 9, tzinfo=UTC)),
    ("Sat, 01 Apr 2023 09:00:00 GMT", datetime(2023, 4, 1, 9, tzinfo=UTC)),
    ("2023-04-01", datetime(2023, 4, 1, tzinfo=UTC)),
    (1680339600, datetime(2023, 4, 1, 9, tzinfo=UTC)),
    ("1 avril 2023", datetime(2023, 4, 1, tzinfo=UTC)),
])
def test_metadata_date_values(value: object, expected: datetime) -> None:
    found = parse_datetime_value(value)
    assert found is not None and found == expected and found.tzinfo is not None


@pytest.mark.parametrize("value", ["yesterday", "two days ago", "", None, "soon", True])
def test_relative_or_missing_metadata_dates_are_refused(value: object) -> None:
    assert parse_datetime_value(value) is None


REPORT_WITH_CLASH = """March 30, 2022
Ferry strike enters its second week

Ferries between the islands stayed in port again as crews kept up their walkout over pay.

Lena Park Tue, 03/15/2022 - 09:10

Union officials said talks would resume at the weekend.
"""


def test_date_clash_keeps_earliest_and_notes_both() -> None:
    found = text_metadata(REPORT_WITH_CLASH)
    assert found.published is not None
    assert found.published.found.value == datetime(2022, 3, 15, 9, 10, tzinfo=UTC)
    assert [d.found.kind for d in found.dates] == ["page", "byline"]
    assert found.clash is not None and found.clash.code == "date.clash"
    assert "March 30, 2022" in found.clash.message and "03/15/2022" in found.clash.message
    assert found.byline == "Lena Park"
    assert found.title == "Ferry strike enters its second week"


def test_dates_a_day_apart_or_updates_do_not_clash() -> None:
    assert text_metadata("June 1, 2022\nTitle of a short item\n\nPublished: June 2, 2022\n").clash is None
    assert text_metadata("June 1, 2022\nUpdated: June 9, 2022\nBody text follows here.").clash is None


def test_bare_dates_deep_in_the_body_are_ignored() -> None:
    lines = ["Headline about a harbour"] + [f"Paragraph {i} of the report." for i in range(8)] + ["June 1, 2022"]
    assert text_metadata("\n".join(lines)).dates == []


def test_title_guess() -> None:
    assert guess_title("A long first line that is a full sentence of reporting, not a headline at all.\n") is None
    assert guess_title("X/ @someone\nRiver levels fall after a week of floods\nBody.") == (
        "River levels fall after a week of floods")
    assert undouble("Harbour reopens to shipsHarbour reopens to ships") == "Harbour reopens to ships"
    assert undouble("Harbour reopens to ships") == "Harbour reopens to ships"


def test_language_guess() -> None:
    assert guess_language("The council said that it would meet again on Monday to vote on the plan.") == "en"
    assert guess_language("Le conseil a dit qu'il se réunirait lundi pour voter sur le projet de loi.") is None
    assert guess_language("Too short") is None


@pytest.mark.parametrize("text,outlet", [
    ("Rebels near the city\nBy Lina Haddad, Orontes Wire\nMonday, March 3, 2025\n\nBody text here.", "Orontes Wire"),
    ("Aid arrives\nBy Lina Haddad\n\nTrucks carrying flour crossed on Monday.", None),
    ("Ferry service resumes\nThe Harbour Courier\nTue, 04/03/2025 - 09:10\n\nThe first boat left at dawn.",
     "The Harbour Courier"),  # a masthead line between the headline and the date line
    ("Ferry service resumes\nPORTVILLE\n4 March 2025\n\nThe first boat left at dawn.", None),  # a dateline city
    ("Ferry service resumes\nBoats Left At Dawn\n\nThe first boat left on Tuesday.", None),  # no date line after
])
def test_outlet_from_byline_or_wire_dateline(text: str, outlet: str | None) -> None:
    from crosswire.ingest.metadata import find_outlet

    assert find_outlet(text) == outlet


def test_wire_agency_from_dateline() -> None:
    from crosswire.ingest.metadata import find_wire_agency

    assert find_wire_agency("Aid arrives\n\nAMMAN, Mar 3 (Desert Press) - Trucks crossed on Monday.") == "Desert Press"
    assert find_wire_agency("Aid arrives\n\nTrucks crossed (on Monday) - officials said.") is None


def test_html_markup_time_of_day_is_kept() -> None:
    from crosswire.ingest.html import published_time_in_markup

    page = ('<html><head><meta property="article:published_time" content="2024-12-04T16:05:00Z"></head>'
            "<body><p>x</p></body></html>")
    assert published_time_in_markup(page).isoformat() == "2024-12-04T16:05:00+00:00"
    assert published_time_in_markup('<html><head><meta property="article:published_time" '
                                     'content="2024-12-04"></head><body></body></html>') is None


# -- lead datelines: the date a flattened page's first paragraph opens with -----------------------

@pytest.mark.parametrize(("text", "expected", "date_text"), [
    ("Storm floods the valley\n\n14 March 2019 Heavy rain flooded the valley towns overnight.",
     datetime(2019, 3, 14, tzinfo=UTC), "14 March 2019"),
    ("Storm floods the valley\n\nPublished June 2 2018 Heavy rain flooded the valley towns.",
     datetime(2018, 6, 2, tzinfo=UTC), "June 2 2018"),
    ("Storm floods the valley\n\nDate of publication 9 May 2017 Heavy rain flooded the towns.",
     datetime(2017, 5, 9, tzinfo=UTC), "9 May 2017"),
    # the headline repeated, then an agency, then the date
    ("Storm floods the valley towns\n\nStorm floods the valley towns AFP Monday 4 Feb 2019 Heavy rain fell.",
     datetime(2019, 2, 4, tzinfo=UTC), "Monday 4 Feb 2019"),
    # day-first numeric dates, with or without a space after them
    ("Storm floods the valley\n\n21-11-2015 Heavy rain flooded the valley.", datetime(2015, 11, 21, tzinfo=UTC),
     "21-11-2015"),
    ("Storm floods the valley\n\n03.09.2016Share this Heavy rain flooded the valley.",
     datetime(2016, 9, 3, tzinfo=UTC), "03.09.2016"),
])
def test_a_lead_dateline_dates_the_report(text: str, expected: datetime, date_text: str) -> None:
    meta = text_metadata(text)
    assert meta.published is not None
    assert (meta.published.found.value, meta.published.found.kind) == (expected, "lead")
    assert text[meta.published.start:meta.published.end] == date_text


@pytest.mark.parametrize("text", [
    # a sentence that names a date is no dateline
    "Storm floods the valley\n\nRain flooded the valley towns on 14 March 2019, officials said.",
    # an update stamp is recorded, never chosen
    "Storm floods the valley\n\nLast updated at 14 March 2019 Heavy rain flooded the valley.",
    # a date deep in the paragraph
    "Storm floods the valley\n\nHeavy rain that began in the hills and ran down every stream for a whole "
    "night flooded the valley 14 March 2019.",
])
def test_no_lead_dateline_from_a_sentence_or_an_update(text: str) -> None:
    assert text_metadata(text).published is None


def test_a_header_line_wins_over_a_lead_dateline() -> None:
    text = "Storm floods the valley\nPublished: 7 March 2021\n\n6 March 2021 Heavy rain flooded the valley."
    meta = text_metadata(text)
    assert meta.published is not None and meta.published.found.kind == "header"


def test_a_sentence_that_opens_with_its_date_is_no_dateline() -> None:
    assert text_metadata("On 9 May 2020, troops shelled the valley towns.").published is None
    assert text_metadata("Around 5 May 2020, troops shelled the valley towns.").published is None
    assert text_metadata("Around 6 May 2020 (as reported), troops shelled the towns.").published is None
    assert text_metadata("Detonation: on 8 March 2020, a bomb went off.").published is None
