"""Tests for scr_timeline.classify.counterparts: agencies and family members involved."""

from __future__ import annotations

from pathlib import Path

import pytest

from scr_timeline import schema
from scr_timeline.classify.counterparts import (
    classify_counterparts,
    counterpart_vocabulary,
    load_family_members,
)
from scr_timeline.exceptions import ChronologyReadError
from scr_timeline.testing import make_events


def counterparts(details, agency="csc", outcome=None, listed=None, **kwargs):
    events = make_events(
        start="2007-03-12",
        details=[details],
        outcome=[outcome],
        counterparts_text=[listed],
        agency=agency,
    )
    return classify_counterparts(events, **kwargs).iloc[0]


@pytest.mark.parametrize(
    ("details", "expected"),
    [
        ("Seen at the HIV clinic.", ()),  # 'HV' is not in 'HIV'
        ("Record edited.", ()),  # 'ED' is not in 'edited'
        ("Letter from the PCT.", ()),  # 'PC' is not in 'PCT'
        ("Met with Mother at the office.", ("mother",)),  # 'met' is not the Met
        ("Concerns about Mother's mental health.", ("mother",)),
        ("Mother's drug and alcohol use.", ("mother",)),
        ("Returned to the family home.", ()),
        ("Unannounced HV: no reply.", ()),  # a home visit, not a health visitor
    ],
)
def test_word_boundaries_and_guards(details, expected):
    assert counterparts(details) == expected


def test_agencies_named_in_the_narrative_and_by_practitioner_codes():
    assert counterparts(
        "Strategy discussion with DC Green (CAIT), HV2 and the school DSL.",
        outcome="Paediatrician informed; A&E notes requested.",
    ) == ("education", "health_visiting", "hospital", "paediatrics", "police")
    assert counterparts("Discussed with TM.", agency="health_visiting") == ("csc",)


@pytest.mark.parametrize(
    ("details", "expected"),
    [
        ("Mother and partner arguing.", ("mother", "partner")),
        ("Mum's boyfriend hit her.", ("partner",)),  # names the partner, not the mother
        ("Mr X refused to engage.", ("partner",)),
        ("Child to stay with MGM.", ("grandparent",)),
        ("Placed with a family friend.", ("carer",)),
        ("Seen with his older brother.", ("sibling",)),
        ("Letter to parents.", ("family",)),
        ("Baby's father visits most evenings.", ("father",)),
        ("Viability assessment of the maternal aunt.", ("family",)),
    ],
)
def test_family_members(details, expected):
    assert counterparts(details) == expected


def test_the_child_is_a_counterpart_only_when_listed():
    assert counterparts("Home visit. Child seen.") == ()
    assert counterparts("Home visit.", listed="Mother, Child A, HV1") == (
        "child",
        "health_visiting",
        "mother",
    )


def test_the_recording_agency_is_never_its_own_counterpart():
    assert counterparts(
        "Police attended; DC Green and PC 12 spoke to Mother.", agency="police"
    ) == ("mother",)
    assert counterparts("SW1 and TM1 discussed the case.") == ()


@pytest.mark.parametrize(
    ("details", "agency", "expected"),
    [
        # a referral by another agency goes to children's social care ...
        ("Referral made.", "gp", ("csc",)),
        ("Midwife referred unborn baby.", "midwifery", ("csc",)),
        # ... unless the text names another recipient
        ("GP referred Child to community paediatrics.", "gp", ("paediatrics",)),
        ("Referral to NSPCC service for therapy accepted.", "voluntary", ()),
        # children's social care's own referral records have no csc counterpart
        ("Referral received.", "csc", ()),
        # a police notification goes to children's social care
        ("Merlin created: child coming to notice.", "police", ("csc",)),
        # a court order involves the courts
        ("EPO granted.", "csc", ("legal",)),
    ],
)
def test_counterparts_implied_by_the_event(details, agency, expected):
    assert counterparts(details, agency) == expected


def test_result_is_a_sorted_tuple_without_duplicates():
    out = counterparts("Police, school, police and Mother; school again.")
    assert out == ("education", "mother", "police")


def test_a_users_family_file(tmp_path: Path):
    path = tmp_path / "family.csv"
    path.write_text("phrase,member\nstepmum,family\n", encoding="utf-8")
    assert counterparts("Stepmum collected Child.") == ()
    assert counterparts("Stepmum collected Child.", vocabularies={"family_members": path}) == (
        "family",
    )


def test_a_users_agency_alias_file(tmp_path: Path):
    path = tmp_path / "aliases.csv"
    path.write_text("alias,agency\nBright Futures,voluntary\n", encoding="utf-8")
    assert counterparts(
        "Referred to Bright Futures.", agency="education", vocabularies={"agency_aliases": path}
    ) == ("voluntary",)


def test_a_users_family_file_with_an_unknown_member_is_refused(tmp_path: Path):
    path = tmp_path / "family.csv"
    path.write_text("phrase,member\nlodger,lodger\n", encoding="utf-8")
    with pytest.raises(ChronologyReadError, match="lodger"):
        load_family_members(path)


def test_vocabulary_puts_family_guards_before_agency_aliases():
    vocab = counterpart_vocabulary()
    met = vocab.index[vocab["phrase"].str.lower() == "met"].tolist()
    assert vocab.loc[met[0], "code"] == ""  # the guard comes first and wins
    assert set(vocab["code"]) - {""} <= set(schema.AGENCIES) | set(schema.FAMILY_MEMBERS)
