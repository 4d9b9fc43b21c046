"""Framing: each outlet's words for each side, own voice vs quoted or attributed (hand-built records)."""

from __future__ import annotations

from crosswire.reconcile import ReportView, build_index, framing_words

TEXT = ('Rebels pushed into the valley on Monday while the regime sent troops. '
        'The state broadcaster said "terrorist gangs" had been routed. '
        'The Free Hills Army, a rebel alliance, denied it.')


def report() -> ReportView:
    quote_start = TEXT.index("The state broadcaster")
    claim = {"start": quote_start, "end": TEXT.index(" had been routed") + 16, "source": "state broadcaster",
             "voice": "reported"}
    army = TEXT.index("Free Hills Army")
    mention = {"start": army, "end": army + 15, "text": "Free Hills Army", "label": "ORG",
               "canonical": "Free Hills Army", "actor_type": "Rebel group"}
    return ReportView(id="f1", text=TEXT, outlet="Hill Courier", claims=[claim], mentions=[mention])


def test_words_get_side_and_voice() -> None:
    got = [(w.word, w.side, w.voice, w.source) for w in framing_words(report())]
    assert got == [("rebel", "armed opposition", "own", None), ("regime", "state", "own", None),
                   ("troops", "state", "own", None),
                   ("terrorist", "armed opposition", "quoted", "state broadcaster"),
                   ("army", "armed opposition", "own", None),  # inside a rebel group's name: the rebels' side
                   ("rebel", "armed opposition", "own", None)]


def test_framing_rows_count_per_outlet_side_word_and_voice() -> None:
    rows = build_index([report()]).framing()
    by_key = {(r["outlet"], r["side"], r["word"], r["voice"]): r for r in rows}
    assert by_key[("Hill Courier", "armed opposition", "rebel", "own")]["count"] == 2
    quoted = by_key[("Hill Courier", "armed opposition", "terrorist", "quoted")]
    assert quoted["sources"] == ["state broadcaster"] and quoted["count"] == 1


def test_a_capital_written_for_its_government_is_the_state_side() -> None:
    text = "Varn's forces withdrew; the road to Varn is open."
    places = [{"start": 0, "end": 4, "text": "Varn", "name": "Varn", "feature_code": "P.PPLC"},
              {"start": 36, "end": 40, "text": "Varn", "name": "Varn", "feature_code": "P.PPLC"}]
    words = framing_words(ReportView(id="c", text=text, places=places))
    assert [(w.word, w.side, w.start) for w in words] == [("Varn", "state", 0)]


def test_words_inside_a_foreign_or_neutral_actor_name_are_not_side_words() -> None:
    text = "The Overseas Army Command reported calm."
    mention = {"start": 4, "end": 25, "text": "Overseas Army Command", "label": "ORG",
               "canonical": "Overseas Army Command", "actor_type": "External/Other forces"}
    assert framing_words(ReportView(id="o", text=text, mentions=[mention])) == []
