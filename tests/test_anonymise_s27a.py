"""Anonymisation of names as reviews write them (stop 27): first names typed in lower case,
couples sharing a surname, names in capitals, dotted initials, nicknames in quotes and
social media addresses. All names are fictional."""

from __future__ import annotations

import pandas as pd

import scr_timeline as scr
from scr_timeline.anonymise import anonymise, find_names, personalise


def _chron(details: list[str]) -> scr.Chronology:
    n = len(details)
    rows = pd.DataFrame(
        {
            "Date": [f"{d % 28 + 1:02d}/01/2019" for d in range(n)],
            "Agency": ["Police"] * n,
            "Practitioner": ["PC2"] * n,
            "Details": details,
        }
    )
    return scr.parse_table(rows, source="names.csv")


def _anonymised(chron: scr.Chronology) -> list[str]:
    anon, key = anonymise(chron)
    back = personalise(anon, key)
    assert back.events["details"].tolist() == chron.events["details"].tolist()
    return [str(t) for t in anon.events["details"]]


def test_a_known_first_name_typed_in_lower_case_is_replaced() -> None:
    text = _anonymised(
        _chron(
            [
                "Mother (Sarah Jones) seen. Spoke to sarah about mum.",
                "sarah said she was fine. Will visit in May; Brown bruise noted.",
                "Tom Walker present. tom was upset; will call back. Christmas carol service. Lily pond.",
            ]
        )
    )
    assert text[0] == "Mother (Mother) seen. Spoke to Mother about mum."
    assert text[1] == "Mother said she was fine. Will visit in May; Brown bruise noted."
    assert "tom" not in text[2].replace("Tom", "") and "carol" in text[2]
    assert "will call back" in text[2] and text[2].endswith("Christmas carol service. Lily pond.")


def test_a_couple_sharing_a_surname() -> None:
    chron = _chron(
        [
            "Tracey and Darren Smith attended.",
            "Mr and Mrs Smith seen at home.",
            "The Smiths moved house. Visit to Smiths Lane.",
        ]
    )
    names = set(find_names(chron)["name"])
    assert {"Tracey Smith", "Darren Smith"} <= names
    text = _anonymised(chron)
    assert "Smith" not in " ".join(text[:2]) and "Mr and" not in text[1]
    assert text[1] == "Family seen at home."
    assert text[2] == "The Family moved house. Visit to Smiths Lane."


def test_names_in_capitals_as_police_systems_write_them() -> None:
    chron = _chron(
        [
            "SARAH JONES ARRESTED FOR ASSAULT.",
            "DARREN SMITH WAS PRESENT.",
            "Police log: JOHN WALKER (father) ARRESTED.",
            "OFFICERS ATTENDED. KAYDEN VERY UPSET.",
            "CALL FROM OLIVIA REGARDING DV",
            "GRACE PERIOD GIVEN. MAY VISIT. CHILD SEEN.",
        ]
    )
    text = _anonymised(chron)
    for word in ("SARAH", "JONES", "DARREN", "SMITH", "JOHN", "WALKER", "KAYDEN", "OLIVIA"):
        assert word not in " ".join(text), word
    assert text[0] == "PERSON 1 ARRESTED FOR ASSAULT."
    assert "VERY UPSET" in text[3]
    assert text[5] == "GRACE PERIOD GIVEN. MAY VISIT. CHILD SEEN."
    # a word after a first name in capitals is not taken for a surname
    assert not {"Kayden Very", "Grace Period"} & set(find_names(chron)["name"])


def test_dotted_initials_of_a_known_person_but_not_abbreviations() -> None:
    text = _anonymised(
        _chron(["Mother (Sarah Jones) seen.", "S.J. said fine. S. J. left.", "H.V. informed."])
    )
    assert text[1] == "Mother said fine. Mother left."
    assert text[2] == "H.V. informed."


def test_a_nickname_in_quotes_and_a_social_media_profile() -> None:
    chron = _chron(
        [
            'Child A (known as "Bubba") seen at home.',
            "'Bubba' at nursery. Mother aka 'Tee' present.",
            "Messages on https://www.facebook.com/darren.smith.77 and tiktok.com/@kayden_x.",
            "Leaflet at www.facebook.com/groups/ and www.example.org/help.",
        ]
    )
    found = find_names(chron)
    kinds = dict(zip(found["name"], found["member_or_role"], strict=True))
    assert kinds["Bubba"] == "nickname" and kinds["Tee"] == "nickname"
    text = _anonymised(chron)
    assert "Bubba" not in " ".join(text) and "Tee" not in " ".join(text)
    assert "darren" not in text[2] and "kayden" not in text[2]
    assert text[2].startswith("Messages on [social media 1] and [social media 2]")
    assert text[3] == "Leaflet at www.facebook.com/groups/ and www.example.org/help."


def test_a_first_name_only_ever_typed_in_lower_case_is_found() -> None:
    chron = _chron(
        [
            "Spoke to sarah about mum. Email to sarah.jones@nhs.net.",
            "kayden at nursery with tom. Will visit in May; mother brown bruise.",
        ]
    )
    found = set(find_names(chron)["name"])
    assert {"Sarah", "Kayden", "Tom"} <= found and not {"Will", "May", "Brown"} & found
    text = " ".join(_anonymised(chron)).lower()
    for word in ("sarah", "kayden", "tom"):
        assert word not in text, word
    assert "will visit in may; mother brown bruise." in text


def test_a_double_first_name_in_capitals_and_places_in_capitals() -> None:
    chron = _chron(["CHLOE-MAY BROWN SAID SHE FELL", "JAMES ROAD ESTATE VISITED", "EMMA HOUSE"])
    names = set(find_names(chron)["name"])
    assert "Chloe-May Brown" in names and not {"James", "Emma", "Chloe"} & names
    text = _anonymised(chron)
    assert text[0] == "PERSON 1 SAID SHE FELL"
    assert text[1:] == ["JAMES ROAD ESTATE VISITED", "EMMA HOUSE"]
