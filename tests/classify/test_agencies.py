"""Tests for scr_timeline.classify.agencies: alias table, name normalisation, file names."""

from __future__ import annotations

import os
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from scr_timeline import schema
from scr_timeline.classify import agency_from_name, load_agency_aliases, normalise_agencies
from scr_timeline.classify.agencies import MATCHED
from scr_timeline.exceptions import ChronologyReadError

# GLOSSARY.md "Agencies", every alias as the glossary writes it
GLOSSARY = {
    "csc": [
        "children's social care", "social services", "CSC", "CSCS", "LA CSC", "C&F", "CYPS",
        "children's services", "MASH", "front door", "referral and assessment team", "EDT",
        "emergency duty team", "fostering team",
    ],
    "police": [
        "police", "Met", "CAIT", "CAIU", "PPU", "VPU", "child abuse investigation team",
        "public protection unit", "officer", "PC", "DC", "DS",
    ],
    "gp": ["GP", "general practitioner", "surgery", "practice", "out-of-hours GP"],
    "health_visiting": ["health visitor", "HV", "health visiting", "FNP", "family nurse"],
    "midwifery": ["midwife", "MW", "midwifery", "antenatal clinic"],
    "hospital": [
        "A&E", "ED", "emergency department", "hospital", "ward", "MIU", "UCC", "minor injuries",
        "North Middlesex", "Whittington",
    ],
    "paediatrics": [
        "paediatrician", "community paediatrics", "child development centre", "CDC",
        "paediatric assessment", "consultant paediatrician",
    ],
    "camhs": ["CAMHS", "child and adolescent mental health"],
    "adult_mental_health": ["adult mental health", "CMHT", "psychiatrist"],
    "education": [
        "school", "head teacher", "teacher", "DSL", "education welfare", "EWO",
        "education social worker",
    ],
    "early_years": [
        "nursery", "children's centre", "childminder", "early years", "early help", "EH", "EHA",
        "CAF", "TAF",
    ],
    "housing": ["housing", "housing officer", "landlord", "homeless persons unit"],
    "probation": ["probation", "YOT", "youth offending"],
    "substance_misuse": ["drug and alcohol service", "substance misuse"],
    "legal": ["legal services", "LA solicitor", "lawyer", "CPS", "court", "Cafcass", "PLO"],
    "voluntary": [
        "NSPCC", "family support charity", "domestic abuse service", "IDVA", "refuge",
        "women's aid",
    ],
    "ambulance": ["ambulance", "paramedic", "LAS"],
}  # fmt: skip

# what real English chronologies write in their agency columns
REAL_NAMES = {
    "Children's Social Care": "csc",
    "Childrens Services": "csc",
    "Children & Families": "csc",
    "Haringey CSC": "csc",
    "Social Services": "csc",
    "Referral and Assessment": "csc",
    "R&A": "csc",
    "Duty and Assessment": "csc",
    "Emergency Duty Team": "csc",
    "Looked After Children team": "csc",
    "LAC team": "csc",
    "Fostering": "csc",
    "Metropolitan Police": "police",
    "Met Police": "police",
    "MPS": "police",
    "Child Abuse Investigation Team": "police",
    "Public Protection": "police",
    "Police Service": "police",
    "Avon and Somerset Constabulary": "police",
    "MASH police": "police",
    "GP surgery": "gp",
    "Medical Centre": "gp",
    "Health Centre": "gp",
    "Out of hours GP": "gp",
    "Health Visiting Service": "health_visiting",
    "Health Visiting Team": "health_visiting",
    "Family Nurse Partnership": "health_visiting",
    "Community Midwife": "midwifery",
    "A & E": "hospital",
    "A and E": "hospital",
    "Accident and Emergency": "hospital",
    "Urgent Care Centre": "hospital",
    "Walk-in centre": "hospital",
    "NHS Trust": "hospital",
    "Child Protection Medical": "paediatrics",
    "Mental Health Trust": "adult_mental_health",
    "Primary School": "education",
    "Academy": "education",
    "Education": "education",
    "Sure Start": "early_years",
    "Housing Association": "housing",
    "HPU": "housing",
    "Temporary accommodation": "housing",
    "National Probation Service": "probation",
    "CRC": "probation",
    "DAAT": "substance_misuse",
    "Addaction": "substance_misuse",
    "CGL": "substance_misuse",
    "Family Court": "legal",
    "Barnardo's": "voluntary",
    "Action for Children": "voluntary",
    "Home-Start": "voluntary",
    "Ambulance Service": "ambulance",
    "NWAS": "ambulance",
    "SWAST": "ambulance",
}


def codes_of(names: list[str]) -> list[object]:
    return normalise_agencies(pd.Series(names, dtype=object))[schema.AGENCY].tolist()


@pytest.mark.parametrize(
    ("name", "code"), [(name, code) for code, names in GLOSSARY.items() for name in names]
)
def test_every_glossary_alias_maps_to_its_code(name: str, code: str) -> None:
    result = normalise_agencies(pd.Series([name, name.upper()]))
    assert result[schema.AGENCY].tolist() == [code, code]
    assert result[MATCHED].all()


@pytest.mark.parametrize(("name", "code"), REAL_NAMES.items())
def test_real_chronology_names(name: str, code: str) -> None:
    assert codes_of([name]) == [code]


@pytest.mark.parametrize(("name", "code"), REAL_NAMES.items())
def test_names_read_the_same_as_titles(name: str, code: str) -> None:
    # agency_from_name matches one string without pandas; it must agree with the column path
    assert agency_from_name(name) == code
    assert agency_from_name(f"Chronology: {name}") == code


@pytest.mark.parametrize(
    "name", ["HIV clinic", "shove", "edited", "PCB", "Medway", "Metro", "Dentist", "Box Office"]
)
def test_aliases_match_whole_words_only(name: str) -> None:
    # "HV" is not in "HIV" or "shove", "ED" not in "edited", "PC" not in "PCB", "Met" not in
    # "Metro", "Officer" not in "Office" (PCT and the Home Office are known: see below)
    result = normalise_agencies(pd.Series([name]))
    assert result[schema.AGENCY].tolist() == ["other"]
    assert result[MATCHED].tolist() == [False]


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("North Middlesex University Hospital", "hospital"),
        ("Haringey Children's Services", "csc"),
        ("Met Police CAIT", "police"),
        ("HV team", "health_visiting"),
        ("ED (Royal London)", "hospital"),
        ("Hospital social work team", "csc"),  # "social work team" is longer than "hospital"
        ("Health visitor at GP surgery", "health_visiting"),
        ("Paediatric A&E", "hospital"),  # not paediatrics through "paediatric"
        ("Barnet, Enfield and Haringey Mental Health NHS Trust", "adult_mental_health"),
        ("St Mary's Primary School", "education"),
        ("Tier 3 CAMHS", "camhs"),
        ("Child psychiatrist", "camhs"),  # not adult mental health through "psychiatrist"
        ("Housing officer", "housing"),  # not police through "officer"
    ],
)
def test_longest_alias_inside_a_longer_name_wins(name: str, code: str) -> None:
    assert codes_of([name]) == [code]


# names that went to the wrong agency (or to unmatched "other") before the aliases below
MISREAD_NAMES = {
    "Dental Practice": "other",  # not gp through "practice"
    "Dental Surgery": "other",  # not gp through "surgery"
    "Plastic Surgery": "hospital",
    "Day Surgery Unit": "hospital",
    "General Surgery": "hospital",
    "Emergency Dept": "hospital",
    "Emergency Dept.": "hospital",
    "Adults Social Care": "other",  # "Adults' Social Care": not csc through "social care"
    "Adults' Social Care": "other",
    "Adults Social Services": "other",
    "Riverside Hospital CAMHS": "camhs",  # not hospital through "hospital"
    "Riverside Hospital Midwife": "midwifery",
    "Riverside Hospital Safeguarding Team": "hospital",  # "Safeguarding Team" alone is guarded
    "Educational Welfare": "education",
    "Educational Welfare Officer": "education",
    "AMHT": "adult_mental_health",
    "SCPHN": "health_visiting",
    "CRI": "substance_misuse",
    "Riverside Medical Group": "gp",
    "Children's Centre Health Visitor": "health_visiting",  # not early_years
    "Health Visitor (Children's Centre)": "health_visiting",
    "Voluntary": "voluntary",  # an agency column naming the sector (was an unknown name)
    "Voluntary Services": "voluntary",
    "Third Sector": "voluntary",
}


def assert_matched_as(name: str, code: str) -> None:
    """``name`` maps to ``code`` through an alias (not as an unknown name)."""
    result = normalise_agencies(pd.Series([name]))
    assert result[schema.AGENCY].tolist() == [code]
    assert result[MATCHED].tolist() == [True]


@pytest.mark.parametrize(("name", "code"), MISREAD_NAMES.items())
def test_names_once_misread(name: str, code: str) -> None:
    assert_matched_as(name, code)


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Midwife (Riverside Hospital)", "midwifery"),  # "hospital" is longer than "midwife"
        ("CAMHS (Riverside Hospital)", "camhs"),
        ("Police (at hospital)", "police"),
        ("Riverside NHS Trust (HV)", "health_visiting"),
        ("Riverside NHS Foundation Trust School Nursing", "health_visiting"),
        ("HV (Riverside Surgery)", "health_visiting"),
        ("Midwife (Riverside Health Centre)", "midwifery"),
    ],
)
def test_a_setting_loses_to_the_service_named_with_it(name: str, code: str) -> None:
    assert codes_of([name]) == [code]
    assert agency_from_name(name) == code  # the one-string path agrees


def test_a_setting_alone_still_names_the_agency() -> None:
    names = {
        "Riverside Hospital": "hospital",
        "Riverside Hospital (Ward 5)": "hospital",
        "Dr Smith's Surgery": "gp",
        "Riverside Medical Centre": "gp",
        # two settings: the longer, as before
        "Riverside Hospital Surgery": "hospital",
        "Surgery (Riverside Hospital)": "hospital",
        # and one with a service
        "HV (Riverside Surgery)": "health_visiting",
    }
    assert codes_of(list(names)) == list(names.values())


def test_a_users_table_can_mark_its_own_settings() -> None:
    aliases = pd.DataFrame(
        {
            "alias": ["Riverside Campus", "Nurse"],
            "agency": ["hospital", "health_visiting"],
            "kind": ["setting", "role"],
        }
    )
    result = normalise_agencies(pd.Series(["Nurse (Riverside Campus)"]), aliases=aliases)
    assert result[schema.AGENCY].tolist() == ["health_visiting"]
    without_kind = aliases.drop(columns="kind")
    result = normalise_agencies(pd.Series(["Nurse (Riverside Campus)"]), aliases=without_kind)
    assert result[schema.AGENCY].tolist() == ["hospital"]  # the longer alias, as before


def test_equally_long_aliases_earliest_wins() -> None:
    assert codes_of(["GP / HV joint visit", "HV / GP joint visit"]) == ["gp", "health_visiting"]


def test_spelling_variants_are_the_same_name() -> None:
    variants = [
        "Children's Social Care",
        "Children’s Social Care",
        "childrens social care",
        "CHILDREN'S  SOCIAL\nCARE",
        " Children's Social Care. ",
    ]
    assert codes_of(variants) == ["csc"] * len(variants)
    assert codes_of(["Women’s Aid", "G.P.", "A/E", "Ante-natal clinic"]) == [
        "voluntary",
        "gp",
        "hospital",
        "midwifery",
    ]


def test_guard_aliases_keep_adult_services_out_of_csc() -> None:
    result = normalise_agencies(pd.Series(["Adult Social Care", "Social Care"]))
    assert result[schema.AGENCY].tolist() == ["other", "csc"]
    assert result[MATCHED].tolist() == [True, True]
    assert agency_from_name("Adult Social Care") is None


def test_blank_is_na_and_unknown_is_other() -> None:
    values = pd.Series([None, np.nan, "", "   ", "-", "Riverside Bowls Club", 42, "GP"])
    result = normalise_agencies(values)
    assert result[schema.AGENCY].isna().tolist() == [True] * 5 + [False] * 3
    assert result[schema.AGENCY].tolist()[5:] == ["other", "other", "gp"]
    assert result[MATCHED].tolist() == [False] * 7 + [True]


def test_result_is_index_aligned_categorical_and_input_untouched() -> None:
    values = pd.Series(["Police", "HV", "Police"], index=["c", "a", "b"], name="Agency")
    before = values.copy()
    result = normalise_agencies(values)
    assert list(result.index) == ["c", "a", "b"]
    assert list(result.columns) == [schema.AGENCY, MATCHED]
    assert list(result[schema.AGENCY].cat.categories) == list(schema.AGENCIES)
    assert result[MATCHED].dtype == bool
    pd.testing.assert_series_equal(values, before)


@pytest.mark.parametrize("dtype", [object, "string", "category"])
def test_million_rows_fast_and_right(dtype: object) -> None:
    names: list[str | None] = [*REAL_NAMES, "Unknown Org", None]
    rng = np.random.default_rng(7)
    picks = rng.integers(0, len(names), 1_000_000)
    values = pd.Series(np.array(names, dtype=object)[picks]).astype(dtype)  # type: ignore[call-overload]
    start = time.perf_counter()
    result = normalise_agencies(values)
    elapsed = time.perf_counter() - start
    expected = np.array([*REAL_NAMES.values(), "other", None], dtype=object)[picks]
    got = result[schema.AGENCY].to_numpy(dtype=object)
    assert (got[picks < len(names) - 1] == expected[picks < len(names) - 1]).all()
    assert pd.isna(got[picks == len(names) - 1]).all()
    # the brief asks < 0.5 s (about 0.05 s here); the bound leaves room for a slow CI machine
    assert elapsed < 2.0


def test_wrong_types_are_type_errors() -> None:
    with pytest.raises(TypeError, match="Series"):
        normalise_agencies(["GP"])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="DataFrame"):
        normalise_agencies(pd.Series(["GP"]), aliases={"GP": "gp"})  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="string or a path"):
        agency_from_name(3)  # type: ignore[arg-type]


def test_custom_alias_table_replaces_the_shipped_one() -> None:
    aliases = pd.DataFrame({"alias": ["Tavistock", "Police"], "agency": ["camhs", "police"]})
    result = normalise_agencies(pd.Series(["Tavistock Clinic", "GP", "Police"]), aliases=aliases)
    assert result[schema.AGENCY].tolist() == ["camhs", "other", "police"]
    bad = pd.DataFrame({"alias": ["X"], "agency": ["social"]})
    with pytest.raises(ChronologyReadError) as info:
        normalise_agencies(pd.Series(["X"]), aliases=bad)
    assert info.value.found == ["social"]


# --- the shipped table -------------------------------------------------------------------
def test_shipped_table_is_large_consistent_and_unambiguous() -> None:
    table = load_agency_aliases()
    assert list(table.columns) == ["alias", schema.AGENCY, "kind", "note"]
    assert len(table) >= 200
    assert set(table[schema.AGENCY]) <= set(schema.AGENCIES)
    counts = table[schema.AGENCY].value_counts()
    assert all(counts.get(code, 0) >= 3 for code in schema.AGENCIES if code != "other")
    assert set(table["kind"]) <= {
        "name",
        "abbreviation",
        "organisation",
        "role",
        "guard",
        "setting",
        "sector",
        "cell",
    }
    assert (table.loc[table["kind"] == "guard", schema.AGENCY] == "other").all()
    assert (table.loc[table["kind"] == "sector", schema.AGENCY] == "other").all()
    # no two rows read the same once normalised: every row is reachable and unambiguous
    norm = table["alias"].str.casefold().str.replace("’", "'")
    norm = (
        norm.str.replace("'", "").str.replace("&", " and ").str.replace(r"[\W_]+", " ", regex=True)
    )
    assert not norm.str.strip().duplicated().any()


def test_loaded_table_is_a_copy() -> None:
    first = load_agency_aliases()
    first.loc[:, schema.AGENCY] = "other"
    assert load_agency_aliases()[schema.AGENCY].nunique() > 10


def test_user_file_extends_and_overrides(tmp_path: Path) -> None:
    path = tmp_path / "aliases.csv"
    path.write_text("alias,agency\nTavistock Clinic,camhs\nSURGERY,hospital\n", encoding="utf-8")
    table = load_agency_aliases(path)
    assert len(table) == len(load_agency_aliases()) + 1  # one new, one replaced
    result = normalise_agencies(pd.Series(["Tavistock Clinic", "Surgery", "GP"]), aliases=table)
    assert result[schema.AGENCY].tolist() == ["camhs", "hospital", "gp"]
    assert table.loc[table["alias"] == "Tavistock Clinic", "kind"].item() == "alias"

    # an edited file is read again, not served from the cache
    path.write_text("alias,agency,kind\nTavistock Clinic,other,guard\n", encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert (
        load_agency_aliases(path).loc[lambda t: t["alias"] == "Tavistock Clinic", "agency"].item()
        == "other"
    )


def test_bad_user_files_say_what_is_wrong(tmp_path: Path) -> None:
    unknown = tmp_path / "unknown.csv"
    unknown.write_text("alias,agency\nTavistock,mental_health\n", encoding="utf-8")
    with pytest.raises(ChronologyReadError, match="unknown agency codes") as info:
        load_agency_aliases(unknown)
    assert info.value.found == ["mental_health"]
    assert info.value.file is not None and info.value.file.endswith("unknown.csv")
    missing = tmp_path / "missing.csv"
    missing.write_text("name,code\nTavistock,camhs\n", encoding="utf-8")
    with pytest.raises(ChronologyReadError, match="lacks a required column"):
        load_agency_aliases(missing)
    with pytest.raises(ChronologyReadError, match="cannot read"):
        load_agency_aliases(tmp_path / "nowhere.csv")


# --- agency_from_name -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("GP", "gp"),
        ("Police chronology", "police"),
        ("03_health_visiting.xlsx", "health_visiting"),
        ("Chronology: Whittington Hospital", "hospital"),
        ("child-a-police", "police"),
        ("child_b_CSC_v2.docx", "csc"),
        ("A&E", "hospital"),
        ("G.P. records", "gp"),
        (Path("reviews") / "police" / "04-Housing.csv", "housing"),
    ],
)
def test_agency_from_name(text: str | Path, code: str) -> None:
    assert agency_from_name(text) == code


@pytest.mark.parametrize(
    "text",
    ["Sheet1", "Child A - Serious Case Review", "Combined chronology", "Key practice episodes", ""],
)
def test_agency_from_name_is_none_not_other(text: str) -> None:
    assert agency_from_name(text) is None


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Family Intervention Project", "early_years"),
        ("Connexions", "education"),
        ("Designated Doctor", "paediatrics"),
        ("Hospital Social Work Team", "csc"),
        ("Health (GP)", "gp"),
        ("LA (CSC)", "csc"),
    ],
)
def test_more_names_from_combined_chronologies(written: str, code: str) -> None:
    assert normalise_agencies(pd.Series([written]))[schema.AGENCY].tolist() == [code]


def test_the_shipped_alias_table_reads_as_the_same_file_given_as_a_users_file():
    from scr_timeline.classify import agencies

    shipped = agencies._read_alias_csv(None)
    path = Path(agencies.__file__).parent.parent / "data" / "agency_aliases.csv"
    pd.testing.assert_frame_equal(shipped, agencies._read_alias_csv(path))


def test_many_names_match_as_few_names_do(monkeypatch: pytest.MonkeyPatch):
    from scr_timeline.classify import agencies

    names = pd.Series(
        [
            "Met Police CAIT",
            "HV team",
            "HIV clinic",
            "Hospital social work team",
            "edited",
            "Adult Social Care",
            "North Middlesex University Hospital A&E",
            "GP surgery 3",
        ]
    )
    few = normalise_agencies(names)
    monkeypatch.setattr(agencies, "_NAMES_SEARCHED_UP_TO", 0)  # every alias in the pattern
    pd.testing.assert_frame_equal(normalise_agencies(names), few)
    assert few["agency"].tolist()[:3] == ["police", "health_visiting", "other"]


def test_review_titles_and_guidance_are_not_a_gp_practice() -> None:
    # review-document words with "practice" beat the setting "Practice" (a GP practice)
    # but lose to an agency named beside them
    assert agency_from_name("Child Safeguarding Practice Review: Child A") is None
    assert agency_from_name("Local Child Safeguarding Practice Review") is None
    assert agency_from_name("Good practice guidance for agency chronologies") is None
    assert agency_from_name("Learning from Practice: Key Practice Episode 3") is None
    assert agency_from_name("Child Safeguarding Practice Review - Riverside Police") == "police"
    assert agency_from_name("Learning from Practice: Health Visiting") == "health_visiting"
    assert agency_from_name("Riverside Practice") == "gp"
    assert agency_from_name("Practice Nurse") == "gp"


def test_team_and_service_names_from_local_chronologies() -> None:
    names = {
        "Child Protection Team": "csc",
        "Children in Care Team": "csc",
        "LADO": "csc",
        "Children's Disability Team": "csc",
        "Disabled Childrens Team": "csc",
        "CSE Team": "csc",
        "Neighbourhood Policing Team": "police",
        "NHS Talking Therapies": "adult_mental_health",
        "Adult MH": "adult_mental_health",
        "School Attendance Service": "education",
        "Riverside Family Hub": "early_years",
        "0-19 Service": "health_visiting",
        "Riverside 0-19 Public Health Nursing": "health_visiting",
        "HMP Riverside": "probation",
        "Police (HMP Riverside)": "police",
    }
    result = normalise_agencies(pd.Series(list(names)))
    assert dict(zip(names, result[schema.AGENCY].astype(str), strict=True)) == names
    assert result[MATCHED].all()


# names English chronologies use that were unmatched "other" or went to the wrong agency
PRACTITIONERS_NAMES = {
    "NHS 111": "ambulance",  # telephone triage, run by ambulance trusts in most regions
    "111 Service": "ambulance",
    "NHS Direct": "ambulance",
    "Sexual Health": "hospital",
    "GUM clinic": "hospital",
    "SARC": "hospital",
    "Prison healthcare": "gp",  # was probation through "Prison": health, not probation
    "Prison Health Care": "gp",
    "HMP Healthcare": "gp",
    "Urgent Treatment Centre": "hospital",
    "Minor Injury Unit": "hospital",
    "CAMHS Crisis Team": "camhs",  # was adult_mental_health through "Crisis Team"
    "CAMHS Duty Team": "camhs",  # was csc through "Duty Team"
    "CAMHS Home Treatment Team": "camhs",
    "Paeds": "paediatrics",
    "Peads": "paediatrics",
    "Paeds A&E": "hospital",
    "Paeds Ward": "hospital",  # was paediatrics through "Paeds"
    "CSD": "csc",
    "FAST Team": "csc",
    "Intake Team": "csc",
    "Edge of Care": "csc",
    "Police Child Protection Team": "police",  # was csc through "Child Protection Team"
    "Domestic Violence Unit": "police",
    "DVU": "police",
    "Preschool": "early_years",
    "Portage": "early_years",
    "RSL": "housing",
    "Rape Crisis": "voluntary",
    "Named Nurse (Health Visiting)": "health_visiting",
    "PCT Health Visitor": "health_visiting",
    "Police MARAC referral": "police",
    "IDVA / MARAC": "voluntary",
    "Probation (MAPPA)": "probation",
    "Named Nurse, Riverside Hospital": "hospital",  # a setting mapped to other loses
    "Designated Nurse (Riverside Hospital)": "hospital",
    "MARAC (Riverside Hospital)": "hospital",
}


@pytest.mark.parametrize(("name", "code"), PRACTITIONERS_NAMES.items())
def test_names_practitioners_write(name: str, code: str) -> None:
    assert_matched_as(name, code)
    assert agency_from_name(name) == code  # the one-string path agrees


# bodies that are not one of the agencies: "other" on purpose, not an unknown name
KNOWN_OTHERS = [
    "MARAC",
    "Multi-Agency Risk Assessment Conference",
    "MAPPA",
    "Multi-Agency Public Protection Arrangements",  # not police through "public protection"
    "DWP",
    "Jobcentre Plus",
    "Home Office",
    "Home Office / Immigration",
    "Immigration Officer",  # not police through "officer"
    "UK Border Agency",
    "Border Force",
    "PCT",  # not police through "PC"
    "Haringey Teaching PCT",
    "Primary Care Trust",  # a commissioner: was gp through "Primary Care"
    "CCG",
    "Named Nurse",
    "Designated Nurse",
    "LSCB",
    "Riverside Safeguarding Children Partnership",
]


@pytest.mark.parametrize("name", KNOWN_OTHERS)
def test_bodies_that_are_no_agency_are_known_others(name: str) -> None:
    assert_matched_as(name, "other")
    assert agency_from_name(name) is None


@pytest.mark.parametrize("name", ["FAST", "GUM", "Flat 111"])
def test_words_of_narrative_are_not_read_alone(name: str) -> None:
    # the alias table also finds counterparts in narrative: "fast asleep", "a bruise on the
    # gum", "Flat 111"; "FAST Team", "GUM clinic" and "NHS 111" are read
    assert normalise_agencies(pd.Series([name]))[MATCHED].tolist() == [False]


def test_111_is_read_only_as_the_whole_agency_cell() -> None:
    # an alias of kind "cell": "111" alone in the agency column is NHS 111, but not inside
    # a longer name
    read = normalise_agencies(pd.Series(["111", "Flat 111"]))
    assert read[MATCHED].tolist() == [True, False]
    assert read[schema.AGENCY].tolist()[0] == "ambulance"


def test_a_setting_mapped_to_other_keeps_what_lies_inside_it() -> None:
    """'Primary Care Trust' claims its 'Primary Care' (a GP setting), and 'Practice Review'
    its 'Practice'; 'Named Nurse' claims nothing beside it."""
    names = [
        "Primary Care Trust",
        "Primary Care",
        "Practice Review: Named Nurse",
        "Named Nurse, Riverside Practice",
        "Riverside Practice - PCT",
    ]
    expected = ["other", "gp", "other", "gp", "gp"]
    assert codes_of(names) == expected
    assert [agency_from_name(name) or "other" for name in names] == expected


@pytest.mark.parametrize(
    ("file_name", "agency"),
    [
        ("niche-occurrences.csv", "police"),
        ("athena-investigations.csv", "police"),
        ("emis-consultations.csv", "gp"),
        ("SystmOne export.xlsx", "gp"),
        ("cpoms-incidents.csv", "education"),
        ("MyConcern.csv", "education"),
        ("mosaic-case-notes.xlsx", "csc"),
        ("lcs_case_notes.csv", "csc"),
        ("EHM notes.csv", "csc"),
    ],
)
def test_a_case_systems_name_in_a_file_name_names_its_agency(file_name: str, agency: str):
    from scr_timeline.classify.agencies import agency_from_name

    assert agency_from_name(file_name) == agency


# --- names of multi-agency chronologies (fictional trusts and practices) -----------------
@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("CSC", "csc"), ("Children's Services", "csc"), ("CYPS", "csc"), ("MASH", "csc"),
        ("EDT", "csc"), ("Early Help", "early_years"), ("0-19 service", "health_visiting"),
        ("0-19", "health_visiting"), ("School Nursing", "health_visiting"),
        ("HV", "health_visiting"), ("FNP", "health_visiting"), ("Midwifery", "midwifery"),
        ("Maternity", "midwifery"), ("A&E", "hospital"), ("ED", "hospital"),
        ("UCC", "hospital"), ("Paeds", "paediatrics"), ("CAMHS", "camhs"),
        ("Adult MH", "adult_mental_health"), ("CGL", "substance_misuse"),
        ("substance misuse", "substance_misuse"), ("Probation", "probation"),
        ("YOT", "probation"), ("YJS", "probation"), ("Housing", "housing"),
        ("Cafcass", "legal"), ("NSPCC", "voluntary"), ("Women's Aid", "voluntary"),
        ("IDVA", "voluntary"),
        ("Riverside University Hospitals NHS Foundation Trust", "hospital"),
        ("The Riverside Surgery", "gp"), ("Dr X & Partners", "gp"),
        ("Drs Y and Z and Partners", "gp"), ("Neonatal", "hospital"), ("NNU", "hospital"),
        ("SEND Team", "education"), ("SENDIASS", "education"), ("Youth Service", "education"),
    ],
)  # fmt: skip
def test_agency_names_as_multi_agency_chronologies_write_them(written: str, code: str) -> None:
    read = normalise_agencies(pd.Series([written]))
    assert read[schema.AGENCY].tolist() == [code]
    assert read[MATCHED].tolist() == [True]


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Smith and Partners Solicitors", "legal"),  # a setting loses to a service
        ("Safeguarding Partners", "other"),
        ("ASC", "other"),  # adult social care
        ("DWP", "other"),
    ],
)
def test_partners_that_are_no_gp_practice(written: str, code: str) -> None:
    read = normalise_agencies(pd.Series([written]))
    assert read[schema.AGENCY].tolist() == [code]
    assert read[MATCHED].tolist() == [True]


@pytest.mark.parametrize(
    "written",
    ["Health", "health", "NHS", "Community Health Services", "Health Trust",
     "Riverside Community Health NHS Trust", "Health Board"],
)  # fmt: skip
def test_a_health_sector_is_no_one_agency(written: str) -> None:
    # 'Health' covers the GP, the health visitor and the hospital alike: other, unmatched,
    # so the reader warns about it as about an unknown name
    read = normalise_agencies(pd.Series([written]))
    assert read[schema.AGENCY].tolist() == ["other"]
    assert read[MATCHED].tolist() == [False]
    assert agency_from_name(written) is None


@pytest.mark.parametrize(
    ("written", "code"),
    [("Health - HV", "health_visiting"), ("Health (GP)", "gp"), ("Health Visiting", "health_visiting"),
     ("Riverside Health Centre", "gp"), ("Mental Health", "adult_mental_health"),
     ("Health: Riverside Hospital ED", "hospital"), ("NHS 111", "ambulance")],
)  # fmt: skip
def test_a_health_sector_loses_to_the_service_named_with_it(written: str, code: str) -> None:
    assert normalise_agencies(pd.Series([written]))[schema.AGENCY].tolist() == [code]


def test_agencies_from_clues_decides_sector_and_blank_rows_from_practitioner_then_source():
    from scr_timeline.classify.agencies import agencies_from_clues

    written = pd.Series(
        ["Health", "Health", "Health", None, "", "Police", "Health", "Sirona", "NHS", None, None],
        index=list("abcdefghijk"),
    )
    practitioner = pd.Series(
        ["HV1", "Dr X", "Community Midwife", "PC2", "Ms Y", "HV3", "PC3", "HV4", None, "SW1",
         "DSL"],
        index=written.index,
    )  # fmt: skip
    source = pd.Series(
        [None, "GP records", "GP records", None, "CAMHS letter", None, None, None, "ED notes",
         None, None],
        index=written.index,
    )  # fmt: skip
    found = agencies_from_clues(written, [practitioner, source])
    assert found.index.tolist() == list("abcdefghijk")
    assert found.tolist() == [
        "health_visiting",  # the practitioner's number is no part of the name
        "gp",  # from the source, the practitioner naming none
        "midwifery",  # the practitioner before the source
        "police",  # no agency at all: any agency
        "camhs",
        None,  # written as an agency: left alone
        None,  # a health sector takes only a health agency
        None,  # an unknown name: left alone (it may be any agency)
        "hospital",
        "csc",  # a role that names its agency: a social worker
        "education",  # the designated safeguarding lead
    ]
    with pytest.raises(TypeError, match="Series"):
        agencies_from_clues(["Health"], [practitioner])  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("written", "code"),
    [
        # a place or an umbrella that hosts many services loses to the service named with it
        ("Local Authority Housing", "housing"), ("Local Authority Legal", "legal"),
        ("Local Authority", "csc"), ("HV (Children's Centre)", "health_visiting"),
        ("Riverside Children's Centre", "early_years"),
        ("CAMHS Liaison (Paeds ward)", "camhs"), ("Paediatric Ward", "hospital"),
        ("Police Safeguarding Team", "police"), ("Safeguarding Team (Police)", "police"),
        ("ED Safeguarding Team", "hospital"), ("Riverside Surgery Safeguarding Lead", "gp"),
        ("Safeguarding Team", "other"), ("Police (IOM)", "police"), ("IOM", "other"),
        ("Social Care - Adults", "other"), ("Emergency Duty", "csc"),
        ("Fire and Rescue Service", "other"), ("Community Dental Service", "other"),
    ],
)  # fmt: skip
def test_umbrellas_and_places_lose_to_the_service_named_with_them(written: str, code: str):
    read = normalise_agencies(pd.Series([written]))
    assert read[schema.AGENCY].tolist() == [code]
    assert read[MATCHED].tolist() == [True]


@pytest.mark.parametrize(
    "written",
    ["LAC Nurse", "Looked After Children Nurse", "Children in Care Nurse", "SALT",
     "Speech and Language Therapy", "District Nurse"],
)  # fmt: skip
def test_community_health_services_outside_the_vocabulary_are_a_health_sector(written: str):
    read = normalise_agencies(pd.Series([written]))
    assert read[schema.AGENCY].tolist() == ["other"]
    assert read[MATCHED].tolist() == [False]
    from scr_timeline.classify.agencies import agencies_from_clues

    clue = agencies_from_clues(pd.Series([written]), [pd.Series(["School Nurse 2"])])
    assert clue.tolist() == ["health_visiting"]
