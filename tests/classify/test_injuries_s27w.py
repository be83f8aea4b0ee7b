"""Injuries read as a reviewer reads them (session 27): an injury after a pronoun ("she
sustained bruising") is an adult's when the words before the pronoun, in its sentence or
the sentence before, name an adult of its sex and no child; otherwise the child's, as
before."""

from __future__ import annotations

import pandas as pd
import pytest

from scr_timeline.classify.injuries import classify_injuries


def _injured(details: str, outcome: str | None = None) -> bool:
    rows = pd.DataFrame({"details": [details], "outcome": [outcome]})
    return bool(classify_injuries(rows)["injury"].iloc[0])


@pytest.mark.parametrize(
    "details",
    [
        "Mother assaulted by partner; she sustained bruising to her face.",
        "DA incident. Mother said partner punched her. She sustained a cut to her head.",
        "Mother attended ED; she had bruising to her arms.",
        "Father assaulted by neighbour; he sustained a broken nose.",
        "Grandmother fell in kitchen and she sustained a fractured wrist.",
        "Police called by Mum. She had a black eye and a cut lip.",
        "Victim is Mother. She sustained scratches to her neck.",
        "Father said partner hit him. He had a bruise to his arm.",
        "Father disclosed he had been assaulted by his brother; he has a black eye.",
    ],
)
def test_an_adults_injury_after_a_pronoun_is_not_the_childs(details):
    assert not _injured(details)


@pytest.mark.parametrize(
    "details",
    [
        "Child A seen at home. She sustained a cut to her head when she fell.",
        "Mother brought Child A to ED. She had a bruise to her cheek.",
        "Mother brought baby to clinic; she had a bruise to her cheek.",
        "Home visit. She had a bruise to her forehead.",
        "She sustained a cut to her head.",
        "Mother hit him. He had a bruise to his arm.",
        # right after someone's report, the pronoun may be whoever they report on
        "Foster carer said she had a bruise on her leg after PE.",
        "Mother told HV she has a bruise on her arm.",
        "Mother reported that she had a cut to her hand.",
        # a pronoun of the other sex than the only adult named
        "Mother phoned the surgery. He has a bruise to his shin.",
    ],
)
def test_a_pronoun_not_certainly_an_adult_keeps_the_childs_injury(details):
    assert _injured(details)


def test_an_adult_named_in_another_cell_does_not_take_the_childs_injury():
    # the outcome's first sentence has no sentence before it in its own cell
    assert _injured("Mother assaulted by partner.", "She had a bruise to her cheek.")


def test_the_adults_injury_leaves_the_childs_own_in_the_row():
    rows = pd.DataFrame(
        {
            "details": [
                "Mother assaulted; she sustained a cut to her lip. Child A had a burn to hand."
            ],
            "outcome": [None],
        }
    )
    got = classify_injuries(rows).iloc[0]
    assert got["injury"] and got["injury_kinds"] == ("burn",)


@pytest.mark.parametrize(
    "details",
    [
        "Grade 2 pressure sore to sacrum noted.",
        "Pressure ulcers on both heels - concerns re neglect of care.",
        "Child A has bedsores on her hips.",
    ],
)
def test_a_pressure_sore_is_an_injury(details):
    rows = pd.DataFrame({"details": [details], "outcome": [None]})
    got = classify_injuries(rows).iloc[0]
    assert got["injury"] and got["injury_kinds"] == ("other",)


@pytest.mark.parametrize(
    "details",
    [
        "Advice on repositioning to prevent pressure sores.",
        "Child A at risk of pressure sores; OT to assess seating.",
        "No pressure sores seen.",
        "Home safety: risk of scalds discussed.",
    ],
)
def test_a_pressure_sore_as_a_hazard_or_ruled_out_is_none(details):
    assert not _injured(details)
