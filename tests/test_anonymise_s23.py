"""Names a reviewer found left in an anonymised chronology, or labelled twice (stop 23)."""

from __future__ import annotations

import pandas as pd

import scr_timeline as scr
from scr_timeline.anonymise import anonymise, find_names, personalise

_ROWS = pd.DataFrame(
    {
        "Date": ["03/01/2019", "28/01/2019", "04/07/2019", "05/07/2019"],
        "Agency": ["Health Visiting", "Health Visiting", "Hospital", "School"],
        "Practitioner": ["Jenny Walsh HV", "HV J. Walsh", "Dr A. Okonkwo", "Head"],
        "Details": [
            "NBV. Mother Kerry-Ann Doyle (22) and partner Liam O'Connor present. "
            "MGM Mrs Brenda Doyle visits daily.",
            "Bruise to cheek. Discussed with Sue Harrington (Safeguarding Lead).",
            "Brought by mum Kerry with swelling R arm.",
            "Child B unkempt. Unkempt, head lice.",
        ],
    }
)


def _read() -> scr.Chronology:
    return scr.parse_table(_ROWS, source="names.csv")


def test_a_name_with_the_role_after_it_in_the_practitioner_column_is_one_practitioner() -> None:
    found = find_names(_read())
    walsh = found[found["name"] == "Jenny Walsh"]
    assert len(walsh) == 1 and walsh["label"].iat[0].startswith("HV")
    assert "J. Walsh" in walsh["aliases"].iat[0]
    anon, _key = anonymise(_read())
    cells = anon.events["practitioner"].tolist()
    assert not any("Jenny" in str(c) or "Walsh" in str(c) for c in cells)
    assert not any(str(c).endswith(" HV") for c in cells)  # "HV1", not "HV1 HV"


def test_a_name_with_a_job_title_in_brackets_is_a_practitioner() -> None:
    found = find_names(_read())
    row = found[found["name"] == "Sue Harrington"]
    assert row["category"].tolist() == ["practitioner"]
    anon, _key = anonymise(_read())
    assert not anon.events["details"].str.contains("Harrington").any()


def test_the_short_form_of_a_double_first_name_is_the_same_mother() -> None:
    found = find_names(_read())
    mothers = found[found["label"] == "Mother"]
    assert mothers["name"].tolist() == ["Kerry-Ann Doyle"]
    assert "Kerry" in mothers["aliases"].iat[0].split("; ")
    assert "Mother 2" not in found["label"].tolist()


def test_the_family_word_before_a_name_is_not_said_twice() -> None:
    anon, key = anonymise(_read())
    details = anon.events["details"].tolist()
    text = " ".join(details)
    assert "Mother (22)" in text and "Mother Mother" not in text
    assert "Maternal grandmother visits daily" in text
    assert "Mother's partner present" in text
    assert "brought by Mother" in text.replace("Brought", "brought")
    # and the text comes back exactly
    back = personalise(anon, key)
    assert back.events["details"].tolist() == _read().events["details"].tolist()
    assert back.events["practitioner"].tolist() == _read().events["practitioner"].tolist()


def test_a_word_before_a_role_word_and_a_noun_is_no_name() -> None:
    assert "Unkempt" not in find_names(_read())["name"].tolist()
