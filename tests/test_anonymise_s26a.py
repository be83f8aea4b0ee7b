"""Anonymisation of chronologies as reviews write them (stop 26): people named with no cue
at all, and lower-case words that are only pieces of an e-mail address."""

from __future__ import annotations

import pandas as pd

import scr_timeline as scr
from scr_timeline.anonymise import anonymise, find_names, personalise


def _chron(details: list[str], practitioners: list[str] | None = None) -> scr.Chronology:
    n = len(details)
    rows = pd.DataFrame(
        {
            "Date": [f"{d % 28 + 1:02d}/01/2019" for d in range(n)],
            "Agency": ["Children's Social Care"] * n,
            "Practitioner": practitioners or ["SW1"] * n,
            "Details": details,
        }
    )
    return scr.parse_table(rows, source="names.csv")


def _anonymised(chron: scr.Chronology) -> list[str]:
    anon, key = anonymise(chron)
    back = personalise(anon, key)
    assert back.events["details"].tolist() == chron.events["details"].tolist()
    return [str(t) for t in anon.events["details"]]


def test_a_full_name_with_no_cue_is_replaced() -> None:
    chron = _chron(
        [
            "Sarah Jones visited the home. Mother not in.",
            "Spoke to Tom Walker about the referral.",
            "Contact with Aisha Begum's solicitor.",
            "Mother's friend Chantelle Wright visiting.",
        ]
    )
    found = find_names(chron)
    names = set(found["name"])
    assert {"Sarah Jones", "Tom Walker", "Aisha Begum", "Chantelle Wright"} <= names
    text = " ".join(_anonymised(chron))
    for word in ("Sarah", "Jones", "Tom", "Walker", "Aisha", "Begum", "Chantelle", "Wright"):
        assert word not in text
    assert "Person 1 visited the home. Mother not in." in text


def test_a_known_first_name_alone_inside_a_sentence_is_a_person() -> None:
    chron = _chron(
        [
            "Child A and Kayden went to nursery.",
            "HV1 spoke with Leanne at clinic.",
            "Mother seen. Darnell said he would leave.",
        ]
    )
    text = " ".join(_anonymised(chron))
    for word in ("Kayden", "Leanne", "Darnell"):
        assert word not in text


def test_first_names_that_are_places_words_or_institutions_are_kept() -> None:
    details = [
        "Visit at Victoria Road. Family moved to Jordan.",
        "Attended Queen Elizabeth Hospital A&E; seen at St Thomas' Hospital.",
        "Grace period agreed. Referral from Hope Street Children's Centre.",
        "Child A seen at Sarah Jones Medical Centre.",
        "Child A registered at Khan Medical Practice.",
        "Brown bruise noted to left shin. Mother (Tracey Smith) said he fell.",
    ]
    chron = _chron(details)
    found = find_names(chron)
    assert set(found["name"]) == {"Tracey Smith"}
    anonymised = _anonymised(chron)
    assert anonymised[:5] == details[:5]
    assert anonymised[5] == "Brown bruise noted to left shin. Mother (Mother) said he fell."


def test_a_name_found_with_a_cue_is_not_proposed_twice() -> None:
    chron = _chron(
        [
            "Mother (Tracey O'Neill) seen. Tracey O’Neill upset.",
            "Father Liam Smith-Jones present. Liam Smith Jones arrested.",
            "HV Jane Brown visited. Jane Brown said Child A was well.",
        ]
    )
    found = find_names(chron)
    assert sorted(found["label"]) == ["Father", "HV1", "Mother"]


def test_an_email_address_does_not_make_its_name_a_lower_case_word() -> None:
    # the lower-case "jones" and "tom" of the addresses hid Sarah Jones and Tom (a single
    # word the chronology writes in lower case is taken for a word)
    chron = _chron(
        [
            "Email from sarah.jones@nhs.net re appointment.",
            "Sarah Jones visited the home.",
            "Email sent to tom@example.org. Info from Tom at the housing office.",
            "See www.example.org/julie for the leaflet; Julie phoned.",
        ]
    )
    text = " ".join(_anonymised(chron))
    for word in ("Sarah", "Jones", "Tom", "Julie"):
        assert word not in text, word
    assert "[email 1]" in text


def test_double_names_and_a_name_opening_a_sentence_or_before_a_verb() -> None:
    chron = _chron(
        [
            "Jayden-Lee and Mia-Rose seen at nursery.",
            "Conor Murphy-O'Brien arrested.",
            "Visit to the home. Kayden asleep upstairs.",
            "Mother stated Jordan is not the father.",
        ]
    )
    text = _anonymised(chron)
    for word in ("Jayden", "Lee", "Mia", "Rose", "Conor", "Murphy", "Brien", "Kayden"):
        assert word not in " ".join(text[:3]), word
    assert "Jordan" not in text[3]
    # a first name that is also a place or a word, with no verb after it, is no person
    places = ["Family holiday in Jordan. Christmas Eve at Victoria Station.", "Grace period."]
    assert _anonymised(_chron(places)) == places


def test_a_full_name_in_the_title_is_the_child() -> None:
    from dataclasses import replace

    chron = _chron(["Seen with Mother. Kayden Smith well.", "Sarah Jones visited."])
    titled = scr.Chronology(
        chron.events,
        rejected=chron.rejected,
        warnings=chron.warnings,
        meta=replace(chron.meta, title="Chronology for Kayden Smith"),
    )
    labels = dict(zip(find_names(titled)["name"], find_names(titled)["label"], strict=True))
    assert labels == {"Kayden Smith": "Child A", "Sarah Jones": "Person 1"}
    anon, _key = anonymise(titled)
    assert anon.meta.title == "Chronology for Child A"
    # a child named with a cue stays the child; the title's name is then a person
    cued = scr.Chronology(
        _chron(["Child (Tyler Brown) seen.", "Kayden Smith visited."]).events,
        meta=replace(chron.meta, title="Chronology for Kayden Smith"),
    )
    labels = dict(zip(find_names(cued)["name"], find_names(cued)["label"], strict=True))
    assert labels["Tyler Brown"] == "Child A" and labels["Kayden Smith"] != "Child A"


def test_the_indexed_search_replaces_as_the_whole_alternation_does() -> None:
    # each text read run by run, trying only the spellings that begin there (fast), gives
    # what one pass of the alternation of every spelling gives
    import dataclasses
    import importlib

    A = importlib.import_module("scr_timeline.anonymise")
    names = {
        "Tracey Smith": "Mother",
        "Liam Smith-Jones": "Father",
        "Sean O'Neill": "Person 1",
        "J. Okafor": "SW2",
        "PC 4521 Evans": "DC1",
        "14 Ashgrove Road": "[address 1]",
        "leanne.h@example.com": "[email 1]",
        "07700 900123": "[telephone 1]",
        "Hope": "Person 2",
    }
    texts = [
        "Mother (Tracey Smith) and Ms. Smith; the Smiths; Tracey's; TRACEY SMITH; tracey smith",
        "Liam Smith Jones, Liam Smith‐Jones, Mr Smith-Jones; O’Neill and Sean O'Neill's",
        "J.Okafor, J. Okafor, J Okafor; PC 4521 Evans; pc 4521  evans; Evans",
        "At 14 Ashgrove Road (leanne.h@example.com, 07700 900123). Hope Street. Hope attended.",
        "Smithfield, disgrace, Hopeful; _Tracey_ x-Smith-y",
    ]
    for ids in (False, True):
        fast = A._Replacer.build(names, ids=ids)
        assert fast.index is not None
        whole = dataclasses.replace(fast, index=None)
        for text in texts:
            assert fast.sub(text) == whole.sub(text), (ids, text)
        assert "Tracey" not in fast.sub(texts[0])[0] and "DC1" in fast.sub(texts[2])[0]
