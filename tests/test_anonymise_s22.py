"""Anonymisation of names and identifiers as practitioners write them (stop 22).

Each case is a way a real chronology names or identifies someone that had been missed
(a name left in the text, or a number that identifies a person) or mislabelled (a relative
of someone else given the child's relative's label). All names are fictional.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scr_timeline import Chronology
from scr_timeline.anonymise import AnonymisationKey, anonymise, find_names, personalise
from scr_timeline.testing import make_events


def _chron(details: list[str], *, practitioner: list[str] | None = None, agency=None) -> Chronology:
    n = len(details)
    return Chronology(
        make_events(
            start=[f"2015-01-{i + 2:02d}" for i in range(n)],
            agency=agency or ["csc"] * n,
            practitioner=practitioner or ["SW1"] * n,
            details=details,
        )
    )


def _labels(chron: Chronology) -> dict[str, str]:
    found = find_names(chron)
    return dict(zip(found["name"], found["label"], strict=True))


def _anonymised(chron: Chronology, column: str = "details") -> list[str]:
    anon, key = anonymise(chron)
    back = personalise(anon, key)
    assert back.events[column].equals(chron.events[column])  # and exactly back
    return anon.events[column].tolist()


# --- who a relative belongs to ---------------------------------------------------------------
def test_a_relative_of_someone_else_is_labelled_after_them_not_as_the_childs():
    chron = _chron(
        [
            "Mother (Leanne Hughes) seen with Child A. Mum's boyfriend Darren Pike present.",
            "HV visit. Darren's mother Mrs Pike present.",
            "Leanne's sister Chloe Hughes offered to care for Child A.",
            "Mr Pike arrested.",
        ]
    )
    labels = _labels(chron)
    # 'Darren's mother' is not the mother: before, 'Mrs Pike' was labelled Mother, so that
    # 'Mr Pike arrested' read 'Mother arrested'
    assert labels["Mrs Pike"] == "Mother's partner's mother"
    assert labels["Chloe Hughes"] == "Mother's sister"
    assert labels["Leanne Hughes"] == "Mother"
    assert labels["Darren Pike"] == "Mother's partner"
    text = _anonymised(chron)
    assert text[3] == "Mother's partner arrested."
    assert "Mother's partner's mother present" in text[1]


def test_a_relative_of_the_child_by_name_is_the_childs_relative():
    chron = _chron(["Kayla Hughes (Child A) at school.", "Kayla's brother Tyler seen at home."])
    assert _labels(chron)["Tyler"] == "Sibling 1"


def test_mr_and_mrs_of_one_surname_are_two_people():
    chron = _chron(["Mrs Pike (maternal grandmother) visited.", "Father (Darren Pike) and Mr Pike"])
    labels = _labels(chron)
    assert labels["Darren Pike"] == "Father"
    assert labels["Mrs Pike"] == "Maternal grandmother"
    text = _anonymised(chron)
    assert text[0] == "Maternal grandmother (maternal grandmother) visited."
    assert "Pike" not in " ".join(text)


def test_the_cue_is_the_name():
    chron = _chron(
        ["Mother is Leanne Hughes, father not known.", "Leanne seen.", "Mother is Polish."]
    )
    labels = _labels(chron)
    assert labels["Leanne Hughes"] == "Mother"
    assert "Polish" not in labels  # one capitalised word after "is" is no name
    assert _anonymised(chron)[1] == "Mother seen."


def test_a_role_in_brackets_after_the_name_says_who_they_are():
    chron = _chron(
        ["Strategy discussion with Dr Fenwick (paediatrician) and DC1."], agency=["police"]
    )
    assert _labels(chron)["Fenwick"] == "Dr P1"


# --- spellings that had survived --------------------------------------------------------------
def test_initials_before_a_surname_are_part_of_the_name():
    chron = _chron(
        ["GP letter.", "Jane Okafor visited.", "Discussed."],
        practitioner=["Dr K. Ahmed", "SW Jane Okafor", "J. Okafor"],
        agency=["gp", "csc", "csc"],
    )
    labels = _labels(chron)
    assert labels["Ahmed"] == "GP1"
    text = _anonymised(chron, "practitioner")
    assert text == ["GP1", "SW1", "SW1"]  # not "Dr K. GP1", not "J. SW1"


def test_a_collar_number_goes_with_the_officer():
    chron = _chron(["PC 4521 Evans attended. Evans spoke to Mother."], agency=["police"])
    text = _anonymised(chron)
    assert text == ["DC1 attended. DC1 spoke to Mother."]


def test_a_role_word_label_does_not_repeat_its_word():
    chron = _chron(["Nurse Bridget O'Neill saw Child A."], agency=["hospital"])
    assert _anonymised(chron) == ["Nurse 1 saw Child A."]  # not "Nurse Nurse 1"


def test_a_second_child_named_as_a_baby_is_a_sibling():
    chron = _chron(
        ["Kayla Hughes (Child A) seen.", "Kayla seen again.", "Baby Mason (4 months) seen."]
    )
    assert _labels(chron)["Mason"] == "Sibling 1"


# --- identifiers ---------------------------------------------------------------------------
def test_identifiers_are_proposed_and_replaced_reversibly():
    chron = _chron(
        [
            "Home visit to 14 Ashgrove Road, LS9 7QT. Mother (DOB 03/04/1990) seen.",
            "Police called to 14 Ashgrove Rd. Phone 07700 900123, or 07700900123.",
            "NHS no 943 476 5919 recorded; NI number AB 12 34 56 C; email leanne.h@example.com",
            "Crime ref 07/70362/07; seen 12.03.2007; Framework-i ref 387052; weight 6.2kg.",
        ]
    )
    found = find_names(chron)
    ids = found[found["category"] == "identifier"].set_index("name")
    assert ids["label"].to_dict() == {
        "14 Ashgrove Road": "[address 1]",
        "LS9 7QT": "[postcode 1]",
        "03/04/1990": "[date of birth 1]",
        "07700 900123": "[telephone 1]",
        "943 476 5919": "[NHS number 1]",
        "AB 12 34 56 C": "[NI number 1]",
        "leanne.h@example.com": "[email 1]",
    }
    assert ids.loc["14 Ashgrove Road", "aliases"] == "14 Ashgrove Rd"
    assert ids.loc["07700 900123", "aliases"] == "07700900123"
    text = _anonymised(chron)
    assert (
        text[0] == "Home visit to [address 1], [postcode 1]. Mother (DOB [date of birth 1]) seen."
    )
    assert text[1] == "Police called to [address 1]. Phone [telephone 1], or [telephone 1]."
    assert text[2] == ("NHS no [NHS number 1] recorded; NI number [NI number 1]; email [email 1]")
    assert text[3] == chron.events["details"].iat[3]  # references, dates, weights stay


def test_ten_digits_that_are_no_nhs_number_stay():
    chron = _chron(["Case number 1234567890 opened."])  # its check digit is wrong
    assert "[NHS" not in _anonymised(chron)[0]


def test_an_identifier_is_replaced_only_as_written():
    key = AnonymisationKey({"14 Ashgrove Road": "[address 1]", "PC 4521 Evans": "DC1"})
    forms = set(key.forms()["form"])
    assert forms == {"14 Ashgrove Road", "PC 4521 Evans"}  # no "Road", "PC", "4521" alone
    text = "PC 4521 Evans went to 14 ashgrove road; PC Jones to Ashgrove Road; ref 4521."
    assert (
        key.anonymise_text(text) == "DC1 went to [address 1]; PC Jones to Ashgrove Road; ref 4521."
    )


@pytest.mark.parametrize(
    "details",
    [
        "Mother said she would ring on 0113 496 0000 tomorrow.",
        "Contact: +44 7700 900123 (mobile).",
    ],
)
def test_telephone_numbers_in_other_forms(details: str):
    assert "[telephone 1]" in _anonymised(_chron([details]))[0]


def test_the_candidates_table_keeps_its_columns():
    found = find_names(_chron(["Mother (Leanne Hughes) at 14 Ashgrove Road."]))
    assert list(found.columns) == [
        "name", "aliases", "label", "category", "member_or_role", "cue", "count", "where",
        "context",
    ]  # fmt: skip
    assert isinstance(found, pd.DataFrame)


def test_an_officer_and_a_time_are_no_postcode():
    chron = _chron(["PC2 4PM attended with DC1; seen at 10AM. Moved to M1 1AE."], agency=["police"])
    found = find_names(chron)
    assert found.loc[found["category"] == "identifier", "name"].tolist() == ["M1 1AE"]


def test_a_surname_in_capitals_as_police_systems_write_it():
    chron = _chron(
        [
            "Darren PIKE arrested for ABH; PIKE, Darren interviewed. Referral to MASH, CAMHS.",
            "Leeds CCG informed. Mother NFA. Seen by CSC.",
        ],
        agency=["police", "police"],
    )
    found = find_names(chron)
    assert found["name"].tolist() == ["Darren Pike"]
    text = _anonymised(chron)
    assert "PIKE" not in text[0] and "Darren" not in text[0]
    assert text[1] == chron.events["details"].iat[1]


def test_a_surname_in_capitals_after_a_cue_or_a_title():
    chron = _chron(
        ["Mother (Tracey SMITH) seen. Ms Tracey Smith upset.", "Mr PIKE (mother's partner) left."]
    )
    labels = _labels(chron)
    assert labels["Tracey Smith"] == "Mother"
    assert labels["Pike"] == "Mother's partner"
    text = _anonymised(chron)
    assert text == [
        "Mother (Mother) seen. Mother upset.",
        "Mother's partner (mother's partner) left.",
    ]


def test_a_place_before_an_abbreviation_is_no_name():
    chron = _chron(
        [
            "Mother attended A&E at Leeds LGI. Seen at Riverside AEU.",
            "Referral to Barnardos SAFE project. Leeds ASB team. Kelly BROWN said she saw it.",
        ]
    )
    assert find_names(chron)["name"].tolist() == ["Kelly Brown"]


# --- property: identifiers and initials among random text -----------------------------------
_IDS = {
    "14 Ashgrove Road": "[address 1]",
    "14 Ashgrove Rd": "[address 1]",
    "LS9 7QT": "[postcode 1]",
    "07700 900123": "[telephone 1]",
    "PC 4521 Evans": "DC1",
    "Evans": "DC1",
    "Jane Okafor": "SW1",
}
_ID_PIECES = st.sampled_from(
    [
        "14 Ashgrove Road",
        "14 ashgrove rd",
        "LS9  7QT",
        "ls9 7qt",
        "07700 900123",
        "PC 4521 Evans",
        "PC 4521",
        "4521",
        "Road",
        "Evans",
        "J. Okafor",
        "J Okafor",
        "Mr J. Okafor",
        "JO",
        "Jane",
        "[address 1]",
        "DC1",
        "07700",
        "",
    ]
)
_ID_GLUE = st.sampled_from([" ", ", ", ". ", " (", ") ", "'s ", "\n", " / "])  # words apart


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(_ID_PIECES, _ID_GLUE), max_size=12))
def test_round_trip_with_identifiers_on_random_text(parts: list[tuple[str, str]]) -> None:
    text = "".join(p + g for p, g in parts)
    chron = _chron([text, "Mother at " + text])
    anon, key = anonymise(chron, names=_IDS)
    back = personalise(anon, key)
    assert back.events["details"].tolist() == chron.events["details"].tolist()
    for cell in anon.events["details"]:
        # each identifier as written is gone, and so is a name after its initial
        assert not re.search(r"(?i)ashgrove|LS9\s+7QT|07700 900123|4521 Evans|Okafor", cell)
