"""Readings long news reports need: the sense of 'strike', tolls of fighting, actors that are no actors,
intended captures, and the report's country. Sentences written for these tests."""

import pytest
from tests.event_sentences import events_of, first_event

from crosswire.model import Article, Place, Sentence
from crosswire.nlp.events import main_country

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text", [
    "Coalition troops struck an ammunition depot outside the port town late on Monday.",
    "The navy struck radar sites along the coast after its ships came under fire.",
    "Drone strikes hit a training camp in the hills, officials said.",
])
def test_strike_by_forces_is_an_attack(events_stage, text):
    ev = first_event(events_stage, text)
    assert ev.event_type == "Explosions/Remote violence"


@pytest.mark.parametrize("text", [
    "Dock workers went on strike on Monday to demand higher wages.",
    "The teachers' union called a general strike over unpaid salaries.",
])
def test_labour_strike_stays_a_protest(events_stage, text):
    assert first_event(events_stage, text).event_type == "Protests"


@pytest.mark.parametrize("text", [
    "Since the offensive began last month, 310 people have been killed, the monitoring group said.",
    "The fighting has killed 95 people, including 20 civilians and 60 militia fighters.",
    "At least 40 people were killed in the clashes around the airport, medics said.",
])
def test_toll_of_fighting_is_a_battle(events_stage, text):
    ev = first_event(events_stage, text)
    assert (ev.event_type, ev.sub_event_type) == ("Battles", "Armed clash")
    assert not (ev.actor2 or "").startswith("Civilians")


@pytest.mark.parametrize("text", [
    "Gunmen killed six villagers in their homes near the river.",
    "A shopkeeper was killed during a night raid by gunmen on the market.",
])
def test_attack_on_civilians_stays_one_sided(events_stage, text):
    assert first_event(events_stage, text).event_type == "Violence against civilians"


def test_vehicle_striking_a_mine_is_no_air_strike(events_stage):
    ev = first_event(events_stage, "A military truck struck a landmine on the desert road, wounding three soldiers.")
    assert ev.sub_event_type != "Air/drone strike"


def test_group_subject_of_a_report_is_a_source_not_a_party(events_stage):
    ev = first_event(events_stage, "At least 30 people were killed in the clashes, the monitoring group said.")
    assert ev.actor1 is None


@pytest.mark.parametrize(("text", "name"), [
    ("Rebels fired rockets at the airport, Jane Roe, a resident, said.", "Jane Roe"),
    ("Army reinforcements reached the front By Jane Roe", "Jane Roe"),
])
def test_a_quoted_person_is_no_actor(events_stage, text, name):
    for ev in events_of(events_stage, text):
        assert name not in (ev.actor1 or "") + (ev.actor2 or "")


@pytest.mark.parametrize("text", [
    "Dozens of soldiers were killed as militia fighters stormed the northern districts of the town.",
    "Columns of militia fighters entered the eastern districts of the town on Friday.",
    "The militia said its units had entered the town of Qaryat on Friday.",
    "Militia fighters seized the town, the second city of the province, on Sunday.",
    "The army repelled an overnight attempt by militia fighters to enter the town.",
])
def test_actors_are_never_places_times_counts_or_events(events_stage, text):
    bad = {"districts", "eastern districts", "northern districts", "Columns", "its units", "second city", "town",
           "Qaryat", "overnight attempt", "attempt", "Dozens", "Sunday", "Friday"}
    for ev in events_of(events_stage, text):
        assert ev.actor1 not in bad and ev.actor2 not in bad, (text, ev.actor1, ev.actor2)


def test_counted_people_are_the_actor(events_stage):
    ev = first_event(events_stage, "Columns of militia fighters entered the eastern districts of the town on Friday.")
    assert ev.actor1 and "fighters" in ev.actor1.lower()


def test_possessive_pronoun_resolves_to_the_named_force(events_stage):
    ev = first_event(events_stage, "The Ruritanian army said its units withdrew from the town on Friday.")
    assert "its" not in (ev.actor1 or "") + (ev.actor2 or "")


def test_withdrawal_gives_the_town_to_the_non_state_side(events_stage):
    ev = first_event(events_stage, "Militia fighters advanced on Friday, a day after the army withdrew from the town.")
    assert ev.sub_event_type == "Non-state actor overtakes territory"
    assert "militia" in (ev.actor1 or "").lower()
    assert ev.actor1 != ev.actor2


def test_town_fell_to_the_side_named(events_stage):
    ev = first_event(events_stage, "The town of Qaryat fell to militia fighters on Sunday.")
    assert ev.sub_event_type == "Non-state actor overtakes territory"
    assert "militia" in (ev.actor1 or "").lower()


@pytest.mark.parametrize("text", [
    "The rebels now aim to capture the provincial capital before winter.",
    "Militia commanders have set their sights on seizing the port next.",
])
def test_intended_capture_is_planned(events_stage, text):
    ev = first_event(events_stage, text)
    assert ev.modality == "planned"


def test_capture_told_in_an_after_clause_happened(events_stage):
    evs = events_of(events_stage, "After capturing the town on Monday, the rebels regrouped in the hills.")
    assert any(e.sub_event_type == "Non-state actor overtakes territory" and e.modality == "happened" for e in evs)


def _place(text, word, country):
    start = text.index(word)
    return Place(start=start, end=start + len(word), text=word, name=word, lat=1.0, lon=1.0, country=country)


def test_main_country_ignores_origin_and_currency_mentions():
    text = ("A London-based monitor said. Prices rose against the US dollar. A US-made rifle was found. "
            "Fighting went on near Tartus.")
    article = Article(raw_text=text, text=text)
    article.places = [_place(text, "London", "GB"), _place(text, "US dollar", "US"), _place(text, "US-made", "US"),
                      _place(text, "Tartus", "SY")]
    article.places[2].end = article.places[2].start + 2  # 'US' of 'US-made'
    article.places[1].end = article.places[1].start + 2  # 'US' of 'US dollar'
    article.places[0].end = article.places[0].start + 6  # 'London' of 'London-based'
    assert main_country(article) == "Syria"


def test_main_country_prefers_event_sentences():
    text = "Talks were held in Geneva on Monday. Shelling hit a village near Tartus."
    article = Article(raw_text=text, text=text)
    article.places = [_place(text, "Geneva", "CH"), _place(text, "Tartus", "SY")]
    assert main_country(article, [(text.index("Shelling"), len(text))]) == "Syria"
    assert main_country(article, [(0, text.index("Shelling"))]) == "Switzerland"


def test_main_country_reads_a_nationality_word_as_its_nation():
    text = "Clan fighters attacked a Somali army base in Galkayo."
    article = Article(raw_text=text, text=text)
    article.places = [_place(text, "Somali", "ET"), _place(text, "Galkayo", "SO")]  # a region named 'Somali'
    assert main_country(article) == "Ethiopia"  # first of a tie without the demonym table
    assert main_country(article, demonyms={"somali": "SO"}) == "Somalia"


def test_members_named_by_their_group(events_stage):
    ev = first_event(events_stage, "Hundreds of fighters from the Northern Liberation Front entered the town on Monday.")
    assert ev.actor1 and "Northern Liberation Front" in ev.actor1


def test_capture_after_an_earlier_repelled_advance_happened(events_stage):
    ev = first_event(events_stage, "Rebel fighters entered the town on Monday, hours after the army said it had repelled "
                            "their advance.")
    assert ev.sub_event_type == "Non-state actor overtakes territory" and ev.modality == "happened"


def test_capture_repelled_failed(events_stage):
    ev = first_event(events_stage, "The army repelled rebel fighters trying to enter the town on Monday.")
    assert ev.sub_event_type not in ("Non-state actor overtakes territory", "Government regains territory")


def test_rebel_forces_take_territory_as_non_state(events_stage):
    ev = first_event(events_stage, "Rebel forces led by the Northern Liberation Front seized the town on Monday.")
    assert ev.sub_event_type == "Non-state actor overtakes territory"
    assert ev.actor1 == "Northern Liberation Front"


def test_attack_told_as_fighting_is_a_battle(events_stage):
    ev = first_event(events_stage, "Insurgents launched a large attack on government-held areas on Wednesday, in the "
                            "heaviest fighting for years.")
    assert (ev.event_type, ev.sub_event_type) == ("Battles", "Armed clash")


def test_group_name_with_of_is_kept(events_stage):
    ev = first_event(events_stage, "Fighters of the Army of Free Men entered the town.")
    assert ev.sub_event_type == "Non-state actor overtakes territory"
    assert ev.actor1 == "Army of Free Men"


def test_whole_group_name_from_its_entity(events_stage):
    ev = first_event(events_stage, "Rebel fighters led by the Northern Liberation Front (NLF) entered the town on Thursday.")
    assert ev.actor1 == "Northern Liberation Front"


def test_line_of_fire_is_no_event(events_stage):
    assert not events_of(events_stage, "Taking the ridge would give the militia a clear line of fire over the valley.")


def test_agency_putting_a_number_is_no_party(events_stage):
    for ev in events_of(events_stage, "The UN agency put the number of people killed in the clashes at about 200."):
        assert "agency" not in (ev.actor1 or "")


def test_date_after_since_is_no_event_date(events_stage):
    from datetime import UTC, datetime

    from crosswire.model import TimeRef

    text = "Jets struck targets in the old city for the first time since 2016, a monitor said."
    article = Article(raw_text=text, text=text, sentences=[Sentence(0, len(text))],
                      published=datetime(2024, 3, 2, tzinfo=UTC))
    at = text.index("2016")
    article.times = [TimeRef(start=at, end=at + 4, text="2016", type="DATE", value="2016", precision="year")]
    ev = events_stage(article).events[0]
    assert ev.date == "2024-03-02"


def test_event_day_preferred_to_the_day_it_was_announced() -> None:
    from datetime import UTC, datetime

    from crosswire.resources import Resources
    from crosswire.stages import build_pipeline

    text = ("Gunmen attack checkpoint\n\nPolice said on Friday that gunmen attacked a checkpoint on Wednesday, "
            "killing two officers.")
    article = build_pipeline(Resources())(Article(raw_text=text, published=datetime(2024, 3, 8, tzinfo=UTC)))
    dated = [e for e in article.events if e.event_type == "Battles" or e.fatalities]
    assert dated and {e.date for e in dated} == {"2024-03-06"}
