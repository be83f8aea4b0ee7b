"""Anonymisation of chronologies as reviews write them (stop 25): speed without a change of
what is found, and names, words and dates a reviewer found mis-read."""

from __future__ import annotations

import importlib
import re

import pandas as pd
import pytest

import scr_timeline as scr
from scr_timeline.anonymise import anonymise, find_names, personalise

A = importlib.import_module("scr_timeline.anonymise")


def _chron(practitioners: list[str], details: list[str], agencies: list[str]) -> scr.Chronology:
    n = len(details)
    rows = pd.DataFrame(
        {
            "Date": [f"{d % 28 + 1:02d}/01/2019" for d in range(n)],
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


# texts the cue pattern matches, some with a no-break space or a Unicode digit where a space
# or a digit is written: the Arrow prefilter keeps every one of them
NAMED = [
    "Mother (Tracey Smith) said Steven Jones had moved in.",
    "social\xa0worker Jane Brown visited",
    "SW Ms Patel visited; Kayden seen.",
    "HV Jane Brown saw Kayden Smith.",
    "Darren PIKE, interviewed.",
    "PIKE, Darren",
    "Darren PIKE arrested",
    "Maternal grandmother Mrs Ellis present.",
    "Dr K. Ahmed reviewed.",
    "Sue Harrington (Safeguarding Lead) informed.",
    "Mia (5) and Tyler (\u0668) seen.",
    "the Smith family moved.",
    "PC 4521 Evans attended.",
    "PC \u0664\u0665\u0662\u0661 Evans attended.",
    "Steven Jones (mother's partner) present.",
    "Jane Brown, HV",
    "Mother is Leanne Hughes",
    "Darren's mother Mrs Pike",
    "Mr O'NEILL seen",
]
UNNAMED = [
    "Child seen at home. Mother said Child had been unwell.",
    "Referred to CSC. Crime ref 74/86684/07.",
    "Mr X not present.",
    "Dr P4 reviewed.",
]


def test_the_texts_searched_for_names_are_every_text_the_pattern_matches() -> None:
    pattern, _member, _role, _stop, may = A._vocabulary()
    texts = pd.Series(NAMED + UNNAMED, dtype=object)
    kept = A._matching(texts, may)
    for text, keep in zip(texts, kept, strict=True):
        if pattern.search(text):
            assert keep, text
    assert kept[: len(NAMED)].all()
    # and the others are not searched at all
    assert not kept[len(NAMED) :].any()


def test_identifier_texts_are_every_text_the_identifier_pattern_matches() -> None:
    texts = pd.Series(
        [
            "Lives at 14 Ashgrove Road",
            "Flat 2 Oak House, Mill Lane",
            "LS9 7QT",
            "leanne.h@example.com",
            "AB 12 34 56 C",
            "DOB 03/04/1990",
            "d.o.b. 12.12.85",
            "NHS 943 476 5919",
            "Tel +44 7700 900123",
            "Oakfield Primary School",
            "Crime ref 74/86684/07. Weight 3.48kg.",
        ],
        dtype=object,
    )
    identifier = re.compile(A._IDENTIFIER)
    kept = A._matching(texts, A._MAY_IDENTIFY)
    assert [bool(identifier.search(t)) for t in texts] == [True] * 10 + [False]
    assert kept[:10].all()
    assert not kept[10]


def test_lower_case_words_are_those_python_finds() -> None:
    texts = pd.Series(
        [
            "x-said don't a_b said-Def Ünal-said said—so é-said 'tis ½said x²said",
            "αsaid said٣ hope Hope brown-ish BROWN mark's",
        ],
        dtype=object,
    )
    expected = set(texts.str.findall(r"(?<![^\W_])[a-z][a-z'’-]+(?![^\W_])").explode().dropna())
    assert A._lower_words(texts) == expected
    assert "mark" not in A._lower_words(texts)


def test_a_name_in_many_texts_is_found_once_with_every_row_counted() -> None:
    details = [f"Mother (Tracey Smith) seen, visit {i}." for i in range(40)]
    chron = _chron(["SW1"] * 40, details, ["Children's Social Care"] * 40)
    found = find_names(chron)
    row = found[found["name"] == "Tracey Smith"].iloc[0]
    assert row["label"] == "Mother"
    assert row["count"] == 40
    assert row["where"].endswith("details")
    _round_trip(chron)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Sarah Jones SW informed of the referral.", "SW2 informed of the referral."),
        ("Visited Jane Brown HV.", "Visited HV1."),
        ("Ms Patel SW and Mr Reid TM discussed.", "SW2 and TM1 discussed."),
        ("Mrs Ellis MGM present.", "Maternal grandmother present."),
    ],
)
def test_a_name_followed_by_its_role_letters_becomes_the_label_alone(
    written: str, expected: str
) -> None:
    chron = _chron(["SW1"], [written], ["Children's Social Care"])
    anon = _round_trip(chron)
    assert anon.events["details"].tolist() == [expected]


def test_role_letters_before_a_noun_do_not_make_a_practitioner() -> None:
    chron = _chron(
        ["SW1", "SW1"],
        ["Tracey Smith GP appointment missed.", "Mother (Tracey Smith) seen."],
        ["Children's Social Care"] * 2,
    )
    found = find_names(chron).set_index("name")
    assert found.loc["Tracey Smith", "label"] == "Mother"


def test_a_date_after_born_is_a_date_of_birth() -> None:
    chron = _chron(
        ["HV1"] * 5,
        [
            "Child A born 03/04/2018 at LGI.",
            "Baby born on 3rd April 2018.",
            "Born at 32 weeks.",
            "Mother reborn 12/12/2019.",
            # the birth is an event of 01/01/2019: its date is kept as every event's is
            "Sibling born 01/01/2019.",
        ],
        ["Health Visiting"] * 5,
    )
    anon = _round_trip(chron)
    assert anon.events["details"].tolist() == [
        "Child A born [date of birth 1] at LGI.",
        "Baby born on [date of birth 1].",
        "Born at 32 weeks.",
        "Mother reborn 12/12/2019.",
        "Sibling born 01/01/2019.",
    ]


def test_the_common_word_names_are_a_data_file_a_user_extends(tmp_path) -> None:
    shipped = A.load_common_words()
    assert set(shipped.columns) == {"word", "kind", "note"}
    assert {"brown", "hope", "young"} <= set(shipped.loc[shipped["kind"] == "name", "word"])
    chron = _chron(
        ["SW1", "SW1"], ["Mother (Ellie Rook) seen.", "Rook bruise to arm."], ["CSC"] * 2
    )
    anon, _key = anonymise(chron, names={"Ellie Rook": "Mother"})
    assert anon.events["details"].tolist()[1] == "Mother bruise to arm."
    mine = tmp_path / "words.csv"
    mine.write_text("word,kind\nRook,name\n", encoding="utf-8")
    assert "rook" in set(A.load_common_words(mine)["word"])
    anon, key = anonymise(chron, names={"Ellie Rook": "Mother"}, common_words=mine)
    assert anon.events["details"].tolist() == ["Mother (Mother) seen.", "Rook bruise to arm."]
    assert personalise(anon, key).events["details"].tolist() == chron.events["details"].tolist()
    bad = tmp_path / "bad.csv"
    bad.write_text("word,kind\nrook,colour\n", encoding="utf-8")
    with pytest.raises(scr.ScrTimelineError):
        A.load_common_words(bad)


def test_a_surname_that_is_a_vocabulary_word_stays_with_the_name() -> None:
    chron = _chron(
        ["SW1", "SW1"],
        ["Young person seen. Mother (Jo Young) present.", "Mother (Jo Young) said Jo Young moved."],
        ["CSC"] * 2,
    )
    found = find_names(chron)
    assert "Jo Young" in set(found["name"])
    anon = _round_trip(chron)
    assert anon.events["details"].tolist() == [
        "Young person seen. Mother (Mother) present.",
        "Mother (Mother) said Mother moved.",
    ]


def test_a_name_that_opens_a_place_name_is_the_place() -> None:
    chron = _chron(
        ["SW1"] * 3,
        [
            "Mother (Hope Smith) seen.",
            "Visit at Hope Street Children's Centre; Smith Road Surgery informed.",
            "Hope attended. Hope Smith Street Party.",
        ],
        ["CSC"] * 3,
    )
    anon = _round_trip(chron)
    assert anon.events["details"].tolist() == [
        "Mother (Mother) seen.",
        "Visit at Hope Street Children's Centre; Smith Road Surgery informed.",
        "Mother attended. Mother Street Party.",
    ]


def test_a_family_surname_in_a_place_name_is_not_a_relative() -> None:
    chron = _chron(
        ["SW1", "SW1"],
        ["Mother (Tracey Lane) seen.", "Child attends Oak Lane Primary School."],
        ["CSC"] * 2,
    )
    found = find_names(chron)
    assert "Oak Lane" not in set(found["name"])
    assert "Child A" not in set(found["label"])
    anon = _round_trip(chron)
    assert anon.events["details"].tolist() == ["Mother (Mother) seen.", "Child attends [school 1]."]
