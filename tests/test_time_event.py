"""The date a report gives for its event: days of later steps passed over, narrative fallbacks."""

from __future__ import annotations

import re
from datetime import date

import pytest

from crosswire.nlp.time import event_date_for_report, event_date_for_sentence, find_times

DCT = date(2024, 12, 5)  # a Thursday
CUE = re.compile(r"\b(?:shot|shooting|killed|wounded)\b", re.IGNORECASE)


def _sentence_date(sentence: str) -> str | None:
    times = find_times(sentence, DCT)
    return event_date_for_sentence(times, 0, len(sentence), DCT, text=sentence).value


@pytest.mark.parametrize(("sentence", "expected"), [
    ("A clerk was shot Sunday night, the sheriff said Wednesday.", "2024-12-01"),
    ("The clerk who was wounded Sunday was charged with theft Tuesday.", "2024-12-01"),
    ("A man wounded in the shooting Monday is due in court on Friday.", "2024-12-02"),
    ("Deputies announced Tuesday that a hunter was shot Saturday.", "2024-11-30"),
    ("Prosecutors on Wednesday charged a man over a shooting on Sunday.", "2024-12-01"),
    ("A woman shot on Saturday died Tuesday at a hospital.", "2024-11-30"),
    ("The state filed charges Monday over the Sunday shooting.", "2024-12-01"),
    ("Two brothers were charged in a gunfight Saturday outside a diner.", "2024-11-30"),
    ("A teenager was charged with murder in Saturday's shooting near a school.", "2024-11-30"),
    ("A teenager was charged with murder in Saturday’s drive-by shooting.", "2024-11-30"),
    ("Two men were arraigned Tuesday in a shooting that wounded a guard on Sunday.", "2024-12-01"),
    ("A reporter spoke to the driver's mother Tuesday about the Sunday shooting.", "2024-12-01"),
    ("Deputies were called just after 3 a.m. Monday, Nov. 25 to a shooting.", "2024-11-25"),
])
def test_days_of_later_steps_are_passed_over(sentence: str, expected: str) -> None:
    assert _sentence_date(sentence) == expected


def test_the_event_verb_keeps_a_day_after_a_verb_of_saying() -> None:
    assert _sentence_date("Officers said a teenager was shot Tuesday.") == "2024-12-03"


def test_a_clock_time_on_a_named_day_dates_that_day() -> None:
    sentence = "The shooting happened around 9:40 p.m. Monday near a bus stop."
    chosen = event_date_for_sentence(find_times(sentence, DCT), 0, len(sentence), DCT)
    assert (chosen.value, chosen.precision, chosen.source) == ("2024-12-02", "day", "sentence")


def test_without_the_text_every_day_in_the_sentence_counts() -> None:
    sentence = "Police said Wednesday that nobody was hurt."
    chosen = event_date_for_sentence(find_times(sentence, DCT), 0, len(sentence), DCT)
    assert chosen.value == "2024-12-04"


def test_a_day_after_the_report_is_a_plan_not_the_event() -> None:
    sentence = "Two people were shot, and a vigil is planned for Saturday."
    assert _sentence_date(sentence) == DCT.isoformat()


def test_the_day_a_count_starts_from_is_not_an_event_day() -> None:
    assert _sentence_date("Nine people have been shot across the county since Friday.") == DCT.isoformat()


def _report_date(text: str):
    return event_date_for_report(text, find_times(text, DCT), DCT, CUE)


def test_report_date_is_the_first_dated_sentence_about_the_event() -> None:
    text = ("Posted Wednesday. A driver was shot on a highway ramp. "
            "Troopers said the driver was shot Tuesday morning. The road reopened Wednesday.")
    chosen = _report_date(text)
    assert (chosen.value, chosen.source) == ("2024-12-03", "sentence")


def test_report_date_reads_the_sentence_after_the_one_about_the_event() -> None:
    text = "A grocer was shot in his shop. Officers came at 10 p.m. Monday and saw him bleeding."
    chosen = _report_date(text)
    assert (chosen.value, chosen.source) == ("2024-12-02", "narrative")


def test_report_date_takes_the_saturday_of_a_weekend() -> None:
    chosen = _report_date("A teenager was wounded over the weekend in a park.")
    assert (chosen.value, chosen.source) == ("2024-11-30", "narrative")


def test_report_date_falls_back_to_the_dct_and_says_so() -> None:
    chosen = _report_date("A teenager was wounded in a park. Nobody has been arrested.")
    assert (chosen.value, chosen.source) == ("2024-12-05", "dct") and chosen.reason
    missing = event_date_for_report("A man was shot.", [], None, CUE)
    assert missing.value is None and missing.source == "none"


def test_a_clock_time_and_its_weekday_stay_in_one_sentence() -> None:
    from crosswire.nlp.time import split_sentences

    text = "Officers came at 10 p.m. Monday to the house. It was 6 a.m. The sun rose at 7 a.m. Nov. 3 then."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "Officers came at 10 p.m. Monday to the house.", "It was 6 a.m.", "The sun rose at 7 a.m. Nov. 3 then."]


def test_a_bare_clock_time_dates_only_a_day_named_before_it() -> None:
    undated = "The shooting happened about 2 a.m. outside a bar. Deputies said a man was shot Saturday."
    assert _report_date(undated).value == "2024-11-30"
    dated = "On Friday, a bar was busy. The shooting happened about 2 a.m. outside it."
    assert _report_date(dated).value == "2024-11-29"


def test_an_event_that_was_reported_to_the_police_keeps_its_day() -> None:
    assert _sentence_date("The shooting was reported at 9:15 p.m. Tuesday on a side street.") == "2024-12-03"
    assert _sentence_date("The shooting, the mayor reported Tuesday, left a cashier hurt.") == DCT.isoformat()


def test_a_sentence_telling_the_scene_is_about_the_event() -> None:
    text = ("A couple was found dead in a farmhouse. Neighbours say they heard nothing. "
            "A relative made the discovery late Monday, a deputy said. The farm has been sold. "
            "Its barn is old. The pair had been shot.")
    chosen = _report_date(text)
    assert (chosen.value, chosen.source) == ("2024-12-02", "sentence")
    assert _report_date("A stray bullet hit a bedroom window late Tuesday. Nobody was hurt.").value == "2024-12-03"
    first = "Two hikers were found dead early Sunday. Last month, on Nov. 20, a ranger was shot nearby."
    assert _report_date(first).value == "2024-12-01"


@pytest.mark.parametrize("sentence", [
    "Nobody had been arrested for the shooting as of Tuesday night.",
    "Man shot near a school Updated: Wednesday, Dec. 4, 2024 10:12 AM",
])
def test_status_days_and_page_stamps_are_not_event_days(sentence: str) -> None:
    assert _sentence_date(sentence) == DCT.isoformat()


def test_a_clock_time_with_weekday_and_date_is_one_time_on_that_date() -> None:
    (t,) = find_times("Deputies came just after 3 a.m. Sunday, July 7, 2024, to a house.", DCT)
    assert (t.text, t.type, t.value) == ("just after 3 a.m. Sunday, July 7, 2024", "TIME", "2024-07-07T03:00")
    (u,) = find_times("Deputies came at 4 p.m. Monday, Nov. 25 to a house.", DCT)
    assert (u.type, u.value) == ("TIME", "2024-11-25T16:00")


def test_a_date_the_report_opens_with_is_its_dateline() -> None:
    text = "(12/05/24) - A courier was shot Monday near a depot."
    assert _report_date(text).value == "2024-12-02"
    undated_event = "(12/04/24) - A courier was shot near a depot."
    assert _report_date(undated_event).source == "dct"
