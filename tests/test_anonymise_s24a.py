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


def test_a_school_named_in_the_narrative_is_an_identifier() -> None:
    chron = _chron(
        ["SW1", "SW1", "DSL1"],
        [
            "Child A attends Oakfield Primary School. Visited Oakfield Primary on 3rd.",
            "Sibling 1 moved to St. Anne's C of E Primary. Primary School place agreed.",
            "Referral from Hillside Academy DSL.",
        ],
        ["Children's Social Care", "Children's Social Care", "School"],
    )
    found = find_names(chron)
    schools = found[found["member_or_role"] == "school"]
    assert sorted(schools["name"]) == [
        "Hillside Academy",
        "Oakfield Primary School",
        "St. Anne's C of E Primary",
    ]
    # two spellings of one school share its label
    oakfield = schools[schools["name"] == "Oakfield Primary School"]
    assert oakfield["aliases"].tolist() == ["Oakfield Primary"]
    anon = _round_trip(chron)
    details = anon.events["details"].tolist()
    label = oakfield["label"].iat[0]
    assert details[0] == f"Child A attends {label}. Visited {label} on 3rd."
    assert "St. Anne" not in details[1] and details[1].endswith("Primary School place agreed.")


def test_a_school_that_wrote_records_is_an_agency_not_an_identifier() -> None:
    rows = pd.DataFrame(
        {
            "Date": ["01/01/2019", "02/01/2019"],
            "Organisation": ["Oak Lane Primary School", "North Borough Children's Services"],
            "Practitioner": ["Head teacher", "SW1"],
            "Details": ["Child A started in Year 1.", "Referral from Oak Lane Primary School."],
        }
    )
    chron = scr.parse_table(rows, source="agencies.csv")
    assert find_names(chron).empty


def test_a_first_name_with_a_family_word_in_brackets_is_that_relative() -> None:
    chron = _chron(
        ["Sarah Jones", "SW1"],
        [
            "Spoke to Sarah (sister) who said mum drinks. Sarah Jones SW informed.",
            "Jayden (sibling) aged 7 present. Sarah said she would help.",
        ],
        ["Children's Social Care", "Children's Social Care"],
    )
    found = find_names(chron).set_index("name")
    assert found.loc["Sarah", "member_or_role"] == "sibling"
    assert found.loc["Jayden", "member_or_role"] == "sibling"
    assert found.loc["Sarah Jones", "category"] == "practitioner"
    anon = _round_trip(chron)
    details = anon.events["details"].tolist()
    sister, brother = found.loc["Sarah", "label"], found.loc["Jayden", "label"]
    social_worker = found.loc["Sarah Jones", "label"]
    # the sister is not the social worker who shares her first name
    assert details[0].startswith(f"Spoke to {sister} (sister) who said")
    # the role's letters after the name go into the label: "SW2 informed", not "SW2 SW"
    assert f"{social_worker} informed" in details[0]
    assert f"{social_worker} SW" not in details[0]
    assert details[1] == f"{brother} (sibling) aged 7 present. {sister} said she would help."


def test_one_name_written_with_a_curly_apostrophe_or_without_its_hyphen() -> None:
    chron = _chron(
        ["SW1", "SW1"],
        [
            "Mother (Tracey O'Neill) seen. Tracey O’Neill upset. Ms O’Neill said she coped.",
            "Father Liam Smith-Jones present. Liam Smith Jones arrested. Mr Smith‐Jones bailed.",
        ],
        ["Children's Social Care", "Children's Social Care"],
    )
    found = find_names(chron)
    assert "O’Neill" not in " ".join(found["name"])  # one person, not a second one
    anon = _round_trip(chron)
    assert anon.events["details"].tolist() == [
        "Mother (Mother) seen. Mother upset. Mother said she coped.",
        "Father present. Father arrested. Father bailed.",
    ]


def test_a_relative_and_an_officer_of_one_surname_are_two_people() -> None:
    chron = _chron(
        ["PC Brown", "SW1", "SW1"],
        [
            "PC Brown attended. Child A safe.",
            "Nana Brown looks after Child A. Mr Brown (maternal grandfather) present.",
            "MGF Mr Brown and Nana Brown at home.",
        ],
        ["Police", "Children's Social Care", "Children's Social Care"],
    )
    found = find_names(chron)
    by_label = dict(zip(found["label"], found["member_or_role"], strict=True))
    # before, all three were one person: the officer read 'Grandmother attended'
    assert by_label["DC1"] == "police_officer"
    assert by_label["Grandmother"] == "grandparent"
    assert by_label["Maternal grandfather"] == "grandparent"
    anon = _round_trip(chron)
    assert anon.events["details"].tolist() == [
        "DC1 attended. Child A safe.",
        "Grandmother looks after Child A. Maternal grandfather (maternal grandfather) present.",
        "Maternal grandfather and Grandmother at home.",
    ]


def test_a_name_after_a_pseudonyms_initial_is_found() -> None:
    chron = _chron(
        ["SW1"],
        ["Dr Mohammed Khan saw Child A. Dr Muhammad Khan phoned later."],
        ["Children's Social Care"],
    )
    anon = _round_trip(chron)
    text = anon.events["details"].iat[0]
    # 'Child A. Dr Muhammad Khan' had been read as the cue 'Child', the initial 'A.' and no
    # name, so that 'Muhammad' survived
    assert "Muhammad" not in text and "Mohammed" not in text and "Khan" not in text


def test_a_practitioner_cell_written_surname_first_is_that_practitioner() -> None:
    chron = _chron(
        ["Brown, Jane (HV)", "SW Jane Smith", "BROWN, Jane", "KHAN A (Dr)", "Child B"],
        ["Home visit.", "Visit; Jane Smith saw Child A.", "Jane Brown phoned Mother.", "", ""],
        ["Health Visiting", "Children's Social Care", "Health Visiting", "GP", "GP"],
    )
    found = find_names(chron).set_index("name")
    assert found.loc["Jane Brown", "member_or_role"] == "health_visitor"
    assert "Brown, Jane (HV)" in found.loc["Jane Brown", "aliases"].split("; ")
    anon = _round_trip(chron)
    hv, sw = found.loc["Jane Brown", "label"], found.loc["Jane Smith", "label"]
    # before: 'HV1, SW1 (HV)', the health visitor's first name taken for the social worker's
    assert anon.events["practitioner"].tolist()[:3] == [hv, sw, hv]
    # the surname and initial of a doctor, and a pseudonym left as it is
    assert anon.events["practitioner"].tolist()[3:] == [found.loc["Khan", "label"], "Child B"]
    assert anon.events["details"].tolist()[2] == f"{hv} phoned Mother."


def test_dates_of_birth_in_words_and_a_flat_in_a_named_building() -> None:
    chron = _chron(
        ["GP1", "GP1", "GP1"],
        [
            "Child A DOB: 3rd April 2018 seen. Mother (DOB 12 Jan 1990) present.",
            "Date of birth 03/04/2018 confirmed.",
            "Moved to Flat 2 Oak House, Mill Lane. Oak House is a hostel.",
        ],
        ["GP", "GP", "GP"],
    )
    found = find_names(chron)
    dobs = found[found["member_or_role"] == "dob"]
    # one child's date of birth, in two spellings, and the mother's
    assert sorted(dobs["name"]) == ["12 Jan 1990", "3rd April 2018"]
    assert dobs.loc[dobs["name"] == "3rd April 2018", "aliases"].tolist() == ["03/04/2018"]
    anon = _round_trip(chron)
    details = anon.events["details"].tolist()
    assert "April" not in details[0] and "1990" not in details[0]
    assert "2018" not in details[1]
    assert details[2].startswith("Moved to [address 1].")


def test_children_named_in_a_list_or_with_their_age_are_found() -> None:
    chron = _chron(
        ["SW1", "SW1", "SW1"],
        [
            "Siblings Tyler and Mia at home.",
            "Household: Mother, Jack (9 months) and Child A.",
            "Mia (5) and Tyler (aged 8) at school. Child A (3) at nursery.",
        ],
        ["Children's Social Care"] * 3,
    )
    found = find_names(chron)
    assert {"Tyler", "Mia", "Jack"} <= set(found["name"])
    assert "Child" not in " ".join(found["name"])
    anon = _round_trip(chron)
    text = " ".join(anon.events["details"])
    for name in ("Tyler", "Mia", "Jack"):
        assert name not in text
    assert "Child A (3) at nursery." in text


def test_the_labels_own_letters_after_a_name_go_with_it() -> None:
    chron = _chron(
        ["Ms Smith (HV)", "Ms T. Okafor, TM"],
        ["Ms Smith (HV) visited. HV Smith to review.", "Okafor agreed the plan."],
        ["Health Visiting", "Children's Social Care"],
    )
    anon = _round_trip(chron)
    assert anon.events["practitioner"].tolist() == ["HV1", "TM1"]
    assert anon.events["details"].tolist() == [
        "HV1 visited. HV1 to review.",
        "TM1 agreed the plan.",
    ]


def test_one_person_with_the_first_name_spelt_two_ways() -> None:
    chron = _chron(
        ["SW1", "SW1", "GP1", "GP1"],
        [
            "Mother (Tracey Smith) seen with Child A.",
            "Tracy Smith phoned, upset. Mother's partner Stephen Jones present.",
            "Steven Jones arrested. Dr Mohammed Khan saw Child A.",
            "Letter from Dr Muhammad Khan. Daniel Smith and Danielle Smith (siblings) at home.",
        ],
        ["Children's Social Care", "Children's Social Care", "GP", "GP"],
    )
    found = find_names(chron).set_index("name")
    assert "Tracy Smith" in found.loc["Tracey Smith", "aliases"].split("; ")
    assert "Steven Jones" in found.loc["Stephen Jones", "aliases"].split("; ")
    assert "Muhammad Khan" in found.loc["Mohammed Khan", "aliases"].split("; ")
    # a first name that starts the other is another person
    assert {"Daniel Smith", "Danielle Smith"} <= set(found.index)
    anon = _round_trip(chron)
    details = anon.events["details"].tolist()
    # before: 'Child A phoned, upset.' (a misspelt mother taken for the child)
    assert details[1].startswith("Mother phoned, upset.")
    assert details[2].startswith("Mother's partner arrested.")
    assert "Khan" not in " ".join(details)


def test_a_parents_relative_is_not_named_twice() -> None:
    chron = _chron(
        ["SW1", "SW1"],
        ["Mum's boyfriend Kyle seen. Kyle's car outside.", "Dad's sister Kelly to care."],
        ["Children's Social Care"] * 2,
    )
    anon = _round_trip(chron)
    # before: "Mother's boyfriend Mother's partner seen", "Dad's sister Father's sister"
    assert anon.events["details"].tolist() == [
        "Mother's partner seen. Mother's partner's car outside.",
        "Father's sister to care.",
    ]


def test_a_given_name_with_a_rank_or_initials_in_capitals_keeps_its_spellings() -> None:
    from scr_timeline.anonymise import AnonymisationKey

    key = AnonymisationKey({"DJ Smith": "SW1", "DS Patel": "DC1"})
    text = key.anonymise_text("DJ Smith visited; Smith and Mr Patel spoke. DS Patel left. DJ ok.")
    # the letters alone are no name ('DJ ok'), the surname alone is
    assert text == "SW1 visited; SW1 and DC1 spoke. DC1 left. DJ ok."


def test_a_given_name_written_surname_first_keeps_its_spellings() -> None:
    from scr_timeline.anonymise import AnonymisationKey

    key = AnonymisationKey({"Smith, Tracey": "Mother"})
    text = key.anonymise_text("Smith, Tracey seen. Tracey upset; Ms Smith said she coped.")
    assert text == "Mother seen. Mother upset; Mother said she coped."


def test_an_aunt_or_uncle_is_not_named_twice() -> None:
    chron = _chron(
        ["SW1", "SW1"],
        [
            "Maternal aunt Kelly Doyle to care. Kelly phoned.",
            "Paternal uncle Gary present. Aunt Sue visited. Cousin Jo at home.",
        ],
        ["Children's Social Care"] * 2,
    )
    anon = _round_trip(chron)
    # before: 'Maternal aunt Maternal aunt to care', 'Aunt Aunt visited'
    assert anon.events["details"].tolist() == [
        "Maternal aunt to care. Maternal aunt phoned.",
        "Paternal uncle present. Aunt visited. Cousin at home.",
    ]
