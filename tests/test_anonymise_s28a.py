"""Anonymisation of what reviews write (stop 28): names in capitals with a family word in
brackets, initials without full stops, social media handles, identifiers written with
hyphens or brackets, addresses in capitals, years of birth. All names are fictional."""

from __future__ import annotations

import pandas as pd

import scr_timeline as scr
from scr_timeline.anonymise import AnonymisationKey, anonymise, find_names, personalise


def _chron(details: list[str], *, agency: str = "Police") -> scr.Chronology:
    n = len(details)
    rows = pd.DataFrame(
        {
            "Date": [f"{d % 28 + 1:02d}/01/2019" for d in range(n)],
            "Agency": [agency] * n,
            "Practitioner": ["PC2"] * n,
            "Details": details,
        }
    )
    return scr.parse_table(rows, source="names.csv")


def _anonymised(chron: scr.Chronology, names: object = None) -> list[str]:
    anon, key = anonymise(chron, names=names)  # type: ignore[arg-type]
    back = personalise(anon, key)
    assert back.events["details"].tolist() == chron.events["details"].tolist()
    return [str(t) for t in anon.events["details"]]


def test_a_name_in_capitals_with_a_family_word_in_brackets_is_that_member() -> None:
    chron = _chron(
        [
            "Police log: JOHN SMITH (father) ARRESTED.",
            "KAREN JONES (mother) said Child A was asleep.",
            "SARAH BROWN (HV) informed.",
        ]
    )
    found = find_names(chron).set_index("name")
    assert found.loc["John Smith", "label"] == "Father"
    assert found.loc["Karen Jones", "label"] == "Mother"
    assert found.loc["Sarah Brown", "member_or_role"] == "health_visitor"
    text = _anonymised(chron)
    assert text[0] == "Police log: FATHER (father) ARRESTED."
    assert text[1] == "MOTHER (mother) said Child A was asleep."


def test_initials_without_full_stops() -> None:
    chron = _chron(
        [
            "Mother (Sarah Jones) seen.",
            "SJ said she was fine. Spoke to SJ.",
            "Spoke to KM about Child A. Call from KM; KM stated she would attend.",
            "GP informed; HV to visit; SW1 and ED notified; NFA. CA completed. DV reported.",
            "Seen by GP. Spoke to TM. MASH informed. IT said no. Discussed with DSL.",
        ]
    )
    found = find_names(chron)
    assert "KM" in set(found["name"])
    assert not {"GP", "HV", "ED", "NFA", "CA", "DV", "TM", "IT", "DSL", "SJ"} & set(found["name"])
    text = _anonymised(chron)
    assert text[1] == "Mother said she was fine. Spoke to Mother."
    assert "KM" not in text[2]
    assert text[3:] == [
        "GP informed; HV to visit; SW1 and ED notified; NFA. CA completed. DV reported.",
        "Seen by GP. Spoke to TM. MASH informed. IT said no. Discussed with DSL.",
    ]


def test_initials_that_are_an_abbreviation_are_not_replaced() -> None:
    # Grace Pike's "GP" and Daniel Vickers' "DV" are the GP and domestic violence
    text = _anonymised(
        _chron(
            ["Mother (Grace Pike) seen.", "GP informed. DV disclosed. Partner (Daniel Vickers)."]
        )
    )
    assert text[1] == "GP informed. DV disclosed. Partner (Mother's partner)."


def test_a_social_media_handle_is_an_identifier() -> None:
    chron = _chron(
        [
            "Tracey and Darren Smith attended.",
            "Darren (@darren_smith) posted threats on instagram; Tracey (@traceyxx) replied.",
            "Seen @home at 10:00. Meeting @ 14:00, @2pm. Child A seen @nursery.",
            "Email to tracey.smith@example.org.",
        ]
    )
    found = find_names(chron)
    handles = set(found.loc[found["member_or_role"] == "handle", "name"])
    assert handles == {"@darren_smith", "@traceyxx"}
    text = _anonymised(chron)
    assert "smith" not in text[1].lower() and "tracey" not in text[1].lower()
    assert "([social media 1])" in text[1] and "([social media 2])" in text[1]
    assert text[2] == "Seen @home at 10:00. Meeting @ 14:00, @2pm. Child A seen @nursery."
    assert text[3] == "Email to [email 1]."


def test_identifiers_written_with_hyphens_or_brackets_are_replaced() -> None:
    chron = _chron(
        [
            "Mother tel 07700-900-123. Mob: 07700 900 123.",
            "Office (0113) 496 0000.",
            "NHS: 943-476-5919; NHS no. 943 476 5919.",
        ]
    )
    text = _anonymised(chron)
    assert text == [
        "Mother tel [telephone 1]. Mob: [telephone 1].",
        "Office [telephone 2].",
        "NHS: [NHS number 1]; NHS no. [NHS number 1].",
    ]


def test_a_hyphen_or_a_curly_apostrophe_in_a_given_name() -> None:
    # the names given with a straight apostrophe and a hyphen: the texts write them otherwise
    chron = _chron(["Ms O’Neill seen.", "Mr Smith Jones present.", "Smith-Jones left."])
    text = _anonymised(chron, {"Kerry O'Neill": "Mother", "Amy Smith-Jones": "Person 1"})
    assert text == ["Mother seen.", "Person 1 present.", "Person 1 left."]


def test_an_address_in_capitals_and_years_and_dates_of_birth() -> None:
    chron = _chron(
        [
            "Lives at 14 Acacia Avenue. POLICE ATTENDED 14 ACACIA AVENUE, N17 6XX.",
            "FATHER ARRESTED AT 22 MILL LANE.",
            "Father (DOB 1985) arrested. Mother (born in 1990) present.",
            "Mother's date of birth is 12th May 1990.",
            "Child A born in 2019; seen in 2019 at 14 days.",
        ]
    )
    text = _anonymised(chron)
    assert text[0] == "Lives at [address 1]. POLICE ATTENDED [address 1], [postcode 1]."
    assert text[1] == "FATHER ARRESTED AT [address 2]."
    assert "1985" not in text[2] and "1990" not in text[2]
    assert text[3] == "Mother's date of birth is [date of birth 3]."
    # a year events fall in is kept, as every event's date is
    assert text[4] == "Child A born in 2019; seen in 2019 at 14 days."


def test_words_are_not_replaced() -> None:
    text = _anonymised(
        _chron(
            [
                "Mother (Sarah Jones) seen in May. Brown bruise noted. Will visit.",
                "Seen by HV at 10:30. Born at 32 weeks. 14 days later. Ref 07/70362/07.",
            ]
        )
    )
    assert text[0] == "Mother (Mother) seen in May. Brown bruise noted. Will visit."
    assert text[1] == "Seen by HV at 10:30. Born at 32 weeks. 14 days later. Ref 07/70362/07."


def test_the_key_replaces_undotted_initials_it_derives() -> None:
    key = AnonymisationKey({"Sarah Jones": "Mother", "Jane Brown": "HV1"})
    assert key.anonymise_text("SJ and JB met; sj and GP.") == "Mother and HV1 met; sj and GP."


def test_a_user_name_after_the_apps_name_is_an_identifier() -> None:
    chron = _chron(
        [
            "Mother (Kelly Price) seen. Snapchat: kellyp_88. fb: kelly.price.9",
            "Instagram account deleted. Seen on Facebook 2 times. WhatsApp 07700 900123.",
        ]
    )
    found = find_names(chron)
    names = set(found.loc[found["member_or_role"] == "username", "name"])
    assert names == {"kellyp_88", "kelly.price.9"}
    text = _anonymised(chron)
    assert text[0] == "Mother (Mother) seen. Snapchat: [social media 1]. fb: [social media 2]"
    assert text[1] == (
        "Instagram account deleted. Seen on Facebook 2 times. WhatsApp [telephone 1]."
    )


def test_a_role_and_a_colon_before_a_practitioner_s_name() -> None:
    n = 3
    rows = pd.DataFrame(
        {
            "Date": ["01/01/2019", "02/01/2019", "03/01/2019"],
            "Agency": ["CSC"] * n,
            "Practitioner": ["SW: Ann Lee", "SW - Ann Lee", "Ann Lee (SW)"],
            "Details": ["Home visit."] * n,
        }
    )
    anon, _ = anonymise(scr.parse_table(rows, source="csc.csv"))
    assert anon.events["practitioner"].tolist() == ["SW1", "SW1", "SW1"]


def test_a_range_of_house_numbers_a_b_dot_date_of_birth_and_a_vehicle() -> None:
    chron = _chron(
        [
            "Lives at Flat 2, 14-16 Acacia Avenue.",
            "Father (b. 03/04/1985) present; b. 1990 not known.",
            "Father's car Reg no. AB12 CDE seen outside. PC2 4PM.",
        ]
    )
    text = _anonymised(chron)
    assert text[0] == "Lives at [address 1]."
    assert text[1] == "Father (b. [date of birth 1]) present; b. 1990 not known."
    assert text[2] == "Father's car Reg no. [vehicle registration 1] seen outside. PC2 4PM."


def test_a_word_before_a_bracket_opening_with_a_title_and_a_name_is_no_name() -> None:
    rows = pd.DataFrame(
        {
            "Date": ["01/01/2019"],
            "Agency": ["CSC"],
            "Details": ["Home visit."],
            "Reviewer comment": [
                "Reviewer (Dr Alan Webb, independent author): Mandy Clarke's decision was sound."
            ],
        }
    )
    chron = scr.parse_table(rows, source="csc.csv")
    assert "Reviewer" not in set(find_names(chron)["name"])
    anon, _ = anonymise(chron)
    comment = str(anon.events["comment"].iloc[0])
    assert comment.startswith("Reviewer (")
    assert "Webb" not in comment and "Clarke" not in comment
