"""Names and words a reviewer found mis-replaced in an anonymised chronology (stop 24)."""

from __future__ import annotations

import pandas as pd

import scr_timeline as scr
from scr_timeline.anonymise import anonymise, find_names, personalise


def _chron(practitioners: list[str], details: list[str], agencies: list[str]) -> scr.Chronology:
    n = len(details)
    rows = pd.DataFrame(
        {
            "Date": [f"{d + 1:02d}/01/2019" for d in range(n)],
            "Agency": agencies,
            "Practitioner": practitioners,
            "Details": details,
        }
    )
    return scr.parse_table(rows, source="names.csv")


def _round_trip(chron: scr.Chronology) -> scr.Chronology:
    anon, key = anonymise(chron)
    back = personalise(anon, key)
    for column in ("details", "practitioner"):
        assert back.events[column].tolist() == chron.events[column].tolist()
    return anon


def test_a_rank_before_a_name_goes_with_it() -> None:
    chron = _chron(
        ["DS Patel", "SW Jones", "Sgt Evans"],
        [
            "DS Patel attended. Child A seen.",
            "Strategy discussion with DS Patel and Sgt Evans.",
            "Det Sgt Evans spoke to Mother.",
        ],
        ["Police", "Children's Social Care", "Police"],
    )
    found = find_names(chron)
    assert found.loc[found["name"] == "Patel", "label"].tolist() == ["DC1"]
    anon = _round_trip(chron)
    details = anon.events["details"].tolist()
    practitioners = anon.events["practitioner"].tolist()
    text = " ".join(details + practitioners)
    assert "Patel" not in text and "Evans" not in text
    # the label stands for the rank and the name, as for "PC 4521 Evans"
    assert details[0] == "DC1 attended. Child A seen."
    assert "DS DC" not in text and "Sgt DC" not in text
    assert practitioners[0] == "DC1"
    # a rank alone is no name: nothing else becomes a label
    assert details[1] == "Strategy discussion with DC1 and DC2."


def test_a_surname_that_is_a_word_opening_a_sentence_stays_a_word() -> None:
    chron = _chron(
        ["PC Brown", "Mrs Hope", "GP"],
        [
            "PC Brown attended. Brown spoke to Mother.",
            "Mrs Hope noted green paint on hands. Hope to see improvement.",
            "Brown bruise to left shin. Green paint on hands. Brown attended again.",
        ],
        ["Police", "School", "GP"],
    )
    anon = _round_trip(chron)
    details = anon.events["details"].tolist()
    assert details[0] == "DC1 attended. DC1 spoke to Mother."
    assert details[1] == "Teacher 1 noted green paint on hands. Hope to see improvement."
    assert details[2] == "Brown bruise to left shin. Green paint on hands. DC1 attended again."
    assert anon.events["practitioner"].tolist()[:2] == ["DC1", "Teacher 1"]
