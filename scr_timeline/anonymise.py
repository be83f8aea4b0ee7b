"""Anonymisation: replace the names of the child, the family and the practitioners with
consistent labels (Child A, Mother, Mother's partner, SW1, HV1...), and put them back.

Three steps, each a plain function:

* :func:`find_names` reads a chronology and proposes the people it names, with a label
  for each and where they were found: capitalised names next to family words ("Mother
  (Tracey Smith)", "mother's partner Steven", "maternal grandmother Mrs Smith"), next to
  role words ("SW Ms Patel", "HV Jane Brown", "Dr Khan", "DC Green"), after a title
  ("Mr Jones"), names in the practitioner column, and family surnames ("the Smith
  family"). The words come from the classifiers' vocabularies (``family_members.csv``,
  ``roles.csv``). It also proposes what identifies a person without naming them: street
  addresses, postcodes, telephone, NHS and National Insurance numbers, e-mail addresses,
  dates of birth and schools by name ("[postcode 1]", "[school 1]"). The reviewer confirms the table: drops rows, fixes
  labels, adds names.
* :func:`anonymise` replaces every spelling of every name in every text column of the
  events (the ``event_id`` index included), of the rejected rows and of the warnings, and
  in the title and sources of the metadata. It returns the anonymised chronology and an
  :class:`AnonymisationKey`, which is kept apart: nothing the library exports or reports
  (``Chronology.to_csv``, findings, the HTML report) ever contains it.
* :func:`personalise` puts the names back. ``anonymise`` then ``personalise`` gives back
  exactly the original chronology.

Spellings
---------
A name given as ``"Tracey Smith"`` (label ``Mother``) is also found as ``Tracey``,
``Smith``, ``Ms Smith`` (any title: Mr, Mrs, Ms, Miss, Mx, Dr, Master; with or without a
full stop), ``Ms Tracey Smith``, with a possessive (``Tracey's`` becomes ``Mother's``) and
in capitals (``TRACEY SMITH`` becomes ``MOTHER``). A practitioner's label that is a code
("SW1", "HV2", "DC1") also takes the code's letters in front: ``SW Ms Patel`` and ``HV Jane
Brown`` become ``SW1`` and ``HV1``. Matching is on word boundaries: ``Smith`` is not found
in ``Smithfield`` nor ``Grace`` in ``disgrace``. A name of two or more words is found in
any case; a single word (a first name or surname alone) only when it starts with a
capital, so ``Brown`` the health visitor does not turn a "brown bruise" into an "HV1
bruise" (write lower-case names into ``names`` yourself if your chronology has them). A
surname shared by two people becomes the family's label (``Family A``, with the child's
letter); a first name shared by two people takes the first person's label (see
:meth:`AnonymisationKey.forms`).

Exact reversal
--------------
Many spellings share one label, and a chronology may already say "Mother" or "SW1"
where no name was replaced, so the labels alone cannot say what was there. The key
therefore keeps, for each distinct anonymised text, where each label was put and which
spelling it replaced (positions and an index into the key's spellings, never the text
itself), looked up by a hash of the anonymised text. Where the same anonymised text came
from two different originals in one column, the key also records which row had which.
:func:`personalise` restores a cell only when its text is exactly what
:func:`anonymise` wrote (the hash matches); a cell edited since, or text written after
anonymisation, is left as it is.

Examples
--------
>>> from scr_timeline import Chronology
>>> from scr_timeline.testing import make_events
>>> chron = Chronology(make_events(
...     start=["2007-03-12", "2007-03-14"], agency=["health_visiting", "csc"],
...     practitioner=["HV Jane Brown", "SW1"],
...     details=["Home visit. Mother (Tracey Smith) said Steven Jones had moved in.",
...              "Discussed with Tracey's GP; TRACEY SMITH not at home."]))
>>> anon, key = anonymise(chron, names={"Tracey Smith": "Mother",
...                                     "Steven Jones": "Mother's partner",
...                                     "Jane Brown": "HV1"})
>>> anon.events["details"].tolist()
["Home visit. Mother (Mother) said Mother's partner had moved in.", "Discussed with Mother's GP; MOTHER not at home."]
>>> anon.events["practitioner"].tolist()
['HV1', 'SW1']
>>> back = personalise(anon, key)
>>> back.events["details"].equals(chron.events["details"])
True
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import tempfile
import warnings
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Final

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from . import schema as S
from ._prebuilt import regex
from .chronology import Chronology, SourceInfo
from .exceptions import ScrTimelineError

__all__ = [
    "AnonymisationError",
    "AnonymisationKey",
    "anonymise",
    "anonymise_with_keyfile",
    "find_names",
    "load_common_words",
    "personalise",
]

#: Titles written before a name; a title and the name it precedes are replaced together.
TITLES: Final[tuple[str, ...]] = ("Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Master")

#: Label of each family member (:data:`scr_timeline.schema.FAMILY_MEMBERS`); numbered ones
#: get " 1", " 2"; the others get " 2" from the second person on.
FAMILY_LABELS: Final[dict[str, str]] = {
    "child": "Child A",
    "mother": "Mother",
    "father": "Father",
    "partner": "Mother's partner",
    "carer": "Carer",
    "sibling": "Sibling",
    "grandparent": "Grandparent",
    "family": "Relative",
}
_NUMBERED: Final = frozenset({"Carer", "Sibling", "Person", "Relative"})

#: Label prefix of each practitioner role (:data:`scr_timeline.schema.ROLES`), followed by
#: a number; chosen so that the role classifier reads the label as the same role.
ROLE_LABELS: Final[dict[str, str]] = {
    "social_worker": "SW",
    "team_manager": "TM",
    "service_manager": "SM",
    "health_visitor": "HV",
    "gp": "GP",
    "midwife": "MW",
    "paediatrician": "Dr P",
    "nurse": "Nurse ",
    "police_officer": "DC",
    "teacher": "Teacher ",
    "iro": "IRO",
    "lawyer": "Solicitor ",
    "family_support_worker": "FSW",
    "other": "Practitioner ",
}

#: The format name written into key files.
KEY_FORMAT: Final = "scr-timeline-anonymisation-key"
KEY_VERSION: Final = 1

_LETTER: Final = r"[^\W\d_]"
_LEFT: Final = r"(?<![^\W_])"
_RIGHT: Final = r"(?![^\W_])"
_LOWER: Final = r"[a-zß-öø-ÿ]"
_NAMEWORD: Final = (
    rf"[A-Z](?:{_LOWER}+|['’][A-Z]{_LOWER}+)(?:[A-Z]{_LOWER}+)?(?:-[A-Z]{_LOWER}+)?{_RIGHT}"
)
_NAME: Final = rf"{_NAMEWORD}(?:[ \t]+{_NAMEWORD}){{0,2}}"
#: a surname in capitals ("PIKE", "O'NEILL", "SMITH-JONES"): three letters or more, a vowel
_CAPS: Final = r"(?=[A-Z'’-]*[AEIOUY])[A-Z](?:[A-Z]|['’][A-Z])+(?:-[A-Z]{2,})?"
#: a name whose surname may be written in capitals ("Tracey SMITH"), or that surname alone
_NAMEC: Final = rf"{_NAMEWORD}(?:[ \t]+{_NAMEWORD}){{0,2}}(?:[ \t]+{_CAPS}{_RIGHT})?"
#: one or two initials before a name: "K. Ahmed", "J.A. Smith", "J Okafor" (a letter without a
#: full stop only when a name follows it)
_INITIALS: Final = r"(?:[A-Z]\.[ \t]*){1,2}|[A-Z][ \t]+(?=[A-Z][a-z])"
_TITLE: Final = rf"{_LEFT}(?:{'|'.join(TITLES)})\.?[ \t]+"
_TITLE_WORDS: Final = frozenset(t.lower() for t in TITLES)
_CODE_PREFIX: Final = regex(r"^([A-Z]{2,4})\d+$|^(Nurse|Teacher|Solicitor|Practitioner) \d+$")
#: a spelling with a digit or an "@" (a collar number, a postcode, a telephone number, an
#: e-mail address) is replaced only as written: no first name, surname or title forms
_EXACT: Final = regex(r"[\d@,()]")
#: titles that say whether the person is a man or a woman ("Mr Pike" is not "Mrs Pike")
_GENDER: Final[dict[str, str]] = {"mr": "m", "master": "m", "mrs": "f", "ms": "f", "miss": "f"}

# capitalised words that start sentences or name places, never people
_STOP_TEXT: Final = """
    a an and or but of to in on at by for from with without the this that these those
    he she they it his her their its him them we our you i is was were are be been being
    has had have did does do not no nor yes so as if then than when where who whom which
    while after before during since until about into onto over under again also only
    all any both each every some such other another same new old first second third last
    said says reported reports told tells seen saw visited visits attended attends
    called phoned rang emailed wrote asked agreed advised informed noted explained
    stated confirmed denied disclosed present absent home house road street lane avenue
    close drive way court place square crescent gardens
    hospital surgery clinic centre center school college nursery academy unit ward team
    service services council borough county city town village station office department
    trust health care social police board partnership agency agencies
    north south east west upper lower great little saint st
    january february march april may june july august september october november
    december monday tuesday wednesday thursday friday saturday sunday
    note notes record records file files letter report meeting discussion plan
"""
_STOP_WORDS: Final = frozenset(_STOP_TEXT.split())
#: Words of a job title in brackets after a name ("Sue Harrington (Safeguarding Lead)"): the
#: bracket says the name is a practitioner's although no role phrase names the job.
_JOB_WORDS: Final = (
    r"lead|manager|officer|worker|nurse|teacher|head|headteacher|consultant|registrar|"
    r"coordinator|co-ordinator|adviser|advisor|practitioner|supervisor|chair|director|"
    r"sergeant|inspector|constable|detective|doctor|paediatrician|midwife|visitor|"
    r"therapist|psychologist|psychiatrist|counsellor|mentor|senco|dsl|deputy|assistant|"
    r"principal|senior|locum|duty|team|named|designated|safeguarding"
)

# --- identifiers: what identifies a person without naming them -------------------------------
_STREET: Final = (
    "Road|Rd|Street|St|Lane|Ln|Avenue|Ave|Close|Drive|Way|Court|Ct|Crescent|Cres|Gardens|"
    "Gdns|Place|Pl|Grove|Terrace|Walk|Hill|Park|Square|Sq|Mews|Rise|View|Row|Parade|Green|"
    "Vale|Wharf|Yard|Estate"
)
_FLAT: Final = "(?:Flat|Apartment|Apt|Room|Unit)"
_BUILDING: Final = "House|Court|Lodge|Mansions|Towers?|Point|Heights|Buildings|Block|Hall"
_MONTH: Final = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    "sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_SCHOOL_KIND: Final = (
    "Primary|Infants?|Juniors?|Secondary|High|Grammar|Community|Church|Catholic|Free|"
    "Special|Nursery|Day|Pre-?school|Sixth|Form|Middle|First|Upper|Lower"
)
#: the sites whose address with a path names a person's profile
_SOCIAL: Final = "facebook|fb|instagram|twitter|x|tiktok|snapchat|linkedin|youtube|onlyfans|threads"
#: the apps a user name is written after ("Snapchat: kellyp_88")
_APPS: Final = "snapchat|instagram|insta|tiktok|twitter|facebook|fb|kik|discord"
#: the texts that may hold an identifier (RE2, for Arrow over the distinct texts): each kind
#: of :data:`_IDENTIFIER` without its lookarounds, so that every text it matches is kept
_MAY_IDENTIFY: Final = (
    rf"\p{{Nd}}[A-Za-z]?,?[ \t]+(?:[A-Z][a-z]+[ \t]+){{1,3}}(?:{_STREET})|{_FLAT}[ \t]+\p{{Nd}}"
    rf"|\p{{Nd}}[A-Z]?,?[ \t]+(?:[A-Z]{{2,}}[ \t]+){{1,3}}(?:{_STREET.upper()})|\(0\p{{Nd}}{{2,4}}\)"
    r"|[A-Z]{1,2}\p{Nd}[A-Z\p{Nd}]?[ \t]*\p{Nd}[ABD-HJLNP-UW-Z]{2}|@"
    r"|[A-CEGHJ-PR-TW-Z]{2}[ \t]?\p{Nd}{2}[ \t]?\p{Nd}{2}[ \t]?\p{Nd}{2}[ \t]?[A-D]"
    r"|[A-Z]{2}\p{Nd}{2}[ \t]?[A-Z]{3}"
    r"|(?i:d\.?o\.?b|date[ \t]+of[ \t]+birth|born|\bb\.[ \t]*\p{Nd})|\p{Nd}(?:[ \t-]?\p{Nd}){8}"
    r"|Primary|School|Academy|College|Nursery|Infants?|Juniors?|Pre-?school"
    rf"|(?i:{_SOCIAL})\.com/|(?i:known[ \t]+as|\baka\b|a\.k\.a|nick-?name|call[a-z]*[ \t]+(?:him|her)self)"
    rf"|(?i:{_APPS})"
)
#: one pattern, a group per kind, tried in this order at each place (Python ``re``; compiled
#: when first needed: the command line's start-up does not pay for it)
_IDENTIFIER: Final = (
    # "14 Ashgrove Road", "Flat 3, 22 Mill Lane", "14a Ashgrove Rd"; a flat in a named
    # building, and its street: "Flat 2 Oak House, Mill Lane", "Flat 9, Kestrel Court"
    # (a range of numbers is one: "14-16 Acacia Avenue")
    rf"(?P<address>{_LEFT}(?:{_FLAT}[ \t]+\d+[A-Za-z]?,?[ \t]+)?\d{{1,4}}[A-Za-z]?(?:[-–]\d{{1,4}}[A-Za-z]?)?,?[ \t]+"
    rf"(?:[A-Z][a-z]+[ \t]+){{1,3}}(?:{_STREET}){_RIGHT}"
    rf"|{_LEFT}{_FLAT}[ \t]+\d+[A-Za-z]?,?[ \t]+(?:[A-Z][a-z]+[ \t]+){{1,3}}(?:{_BUILDING}|{_STREET})"
    rf"(?:,?[ \t]+(?:[A-Z][a-z]+[ \t]+){{1,3}}(?:{_STREET}))?{_RIGHT}"
    # in capitals, as police systems write it: "14 ACACIA AVENUE", "FLAT 3, 22 MILL LANE"
    rf"|{_LEFT}(?:{_FLAT.upper()}[ \t]+\d+[A-Z]?,?[ \t]+)?\d{{1,4}}[A-Z]?,?[ \t]+"
    rf"(?:[A-Z][A-Z'’]+[ \t]+){{1,3}}(?:{_STREET.upper()}){_RIGHT})"
    # a UK postcode: "LS9 7QT", "SW1A 1AA" (the last two letters are never C, I, K, M, O or
    # V: "PC2 4PM" is an officer and a time)
    rf"|(?P<postcode>{_LEFT}[A-Z]{{1,2}}\d[A-Z\d]?[ \t]*\d[ABD-HJLNP-UW-Z]{{2}}{_RIGHT})"
    # a social media profile's address: "facebook.com/darren.smith.77", "tiktok.com/@kayden"
    rf"|(?P<profile>{_LEFT}(?:https?://)?(?:(?:www|m|mobile)\.)?(?i:{_SOCIAL})\.com/"
    r"(?!(?:groups|events|pages|watch|hashtag|explore|search|help)?/?(?![\w@.%-]))"
    r"[\w@.%~-]*[\w@%~-](?:/[\w@.%~-]*[\w@%~-])*/?)"
    # a nickname in quotes after "known as", "aka", "nicknamed": Child A (known as "Bubba")
    r"|(?i:\b(?:known[ \t]+as|a\.?k\.?a\.?|nick-?named|nickname|calls?[ \t]+(?:him|her)self)[ \t]*:?[ \t]*)"
    r"[\"'“‘](?P<nickname>[A-Z][\w’'-]*(?:[ \t][A-Z][\w’'-]*)?)[\"'”’]"
    # an e-mail address
    rf"|(?P<email>{_LEFT}[\w.+-]+@[\w-]+(?:\.[\w-]+)+{_RIGHT})"
    # a social media handle: "@darren_smith", "(@tracey.x88)" (not "@ 14:00", "@home": see
    # :func:`_a_handle`)
    r"|(?P<handle>(?<![\w.@/+-])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![\w@]|\.\w))"
    # or a user name after the app's name, without its "@": "Snapchat: kellyp_88",
    # "Instagram username tracey.x" (with a digit, "_" or "." in it, as user names have and
    # words do not: "Instagram account deleted" is none)
    rf"|(?i:\b(?:{_APPS})\b(?:[ \t]+(?:user[ \t]?name|name|handle|account|id|profile))?[ \t]*[:=\-]?[ \t]*)"
    r"(?P<username>(?=[\w.]*[A-Za-z])(?=[\w.]*[\d_.][\w.]*(?<![.])(?![\w@]))"
    r"[A-Za-z0-9_][A-Za-z0-9_.]{1,28}[A-Za-z0-9_](?![\w@]|\.\w))"
    # a National Insurance number: "AB 12 34 56 C" (not the prefixes never issued: "QQ")
    rf"|(?P<ni>{_LEFT}[A-CEGHJ-PR-TW-Z]{{2}}[ \t]?\d{{2}}[ \t]?\d{{2}}[ \t]?\d{{2}}[ \t]?[A-D]{_RIGHT})"
    # a date of birth after its cue: "DOB 03/04/1990", "d.o.b. 12.12.85", "date of birth: 1/2/90",
    # "DOB: 3rd April 2018", "DOB 12 Jan 1990", "DOB April 3, 2018"; "born 03/04/2018",
    # "born on 3rd April 2018" ("born at 32 weeks" has no date)
    # (or "b." before a whole date: "Father (b. 03/04/1985)")
    r"|(?i:\b(?:d\.?o\.?b\.?|date[ \t]+of[ \t]+birth|(?P<born>born)(?:[ \t]+(?:on|in))?"
    r"|b\.(?=[ \t]*\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}))"
    r"(?:[ \t]+(?:is|was|of))?[ \t]*[:\-=]?[ \t]*)"
    r"(?P<dob>\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}(?!\d)"
    # or the year alone: "(DOB 1985)", "born in 1990"
    r"|(?:19|20)\d{2}(?!\d|[/.\-:]\d|[ \t]*(?:hrs|am|pm)\b)"
    rf"|(?i:\d{{1,2}}(?:st|nd|rd|th)?[ \t]+(?:{_MONTH})\.?,?[ \t]+\d{{2,4}}"
    rf"|(?:{_MONTH})\.?[ \t]+\d{{1,2}}(?:st|nd|rd|th)?,?[ \t]+\d{{4}})(?!\d))"
    # a vehicle's registration: "AB12 CDE" (two letters, two digits, three letters)
    rf"|(?P<vehicle>{_LEFT}[A-Z]{{2}}\d{{2}}[ \t]?[A-Z]{{3}}{_RIGHT})"
    # an NHS number (3-3-4 or ten digits, its check digit right)
    r"|(?P<nhs>(?<!\d)(?<!\d[/.\-])\d{3}[ \t-]?\d{3}[ \t-]?\d{4}(?!\d|[/.\-]\d))"
    # a UK telephone number: "07700 900123", "0113 496 0000", "+44 7700 900123"
    r"|(?P<telephone>(?<!\d)(?<!\d[/.\-])(?:\+44[ \t]?(?:\(0\))?[ \t]?|0)\d(?:[ \t-]?\d){8,9}"
    r"(?!\d|[/.\-]\d)"
    # the area code in brackets: "(0113) 496 0000", "(020) 7946 0000"
    r"|\(0\d{2,4}\)[ \t]?\d{3,4}[ \t-]?\d{3,4}(?!\d|[/.\-]\d))"
    # a school or nursery by its name: "Oakfield Primary School", "St. Anne's C of E Primary",
    # "Hillside Academy" (the words before the kind of school that are sentence or vocabulary
    # words are dropped: "Visited Oakfield Primary"; a kind alone, "Primary School", is none)
    rf"|(?P<school>{_LEFT}(?:(?:St|Saint)\.?[ \t]+)?(?:[A-Z][a-z'’]+(?:-[A-Z][a-z]+)?[ \t]+){{1,3}}"
    rf"(?:(?:C[ \t]+of[ \t]+E|CofE|CE|RC)[ \t]+)?(?:(?:{_SCHOOL_KIND})[ \t]+){{0,2}}"
    rf"(?:Primary|Infants?|Juniors?|School|Academy|College|Nursery|Pre-?school){_RIGHT})"
)
#: the label of each kind of identifier, numbered ("[postcode 1]")
IDENTIFIER_LABELS: Final[dict[str, str]] = {
    "address": "address",
    "postcode": "postcode",
    "email": "email",
    "ni": "NI number",
    "dob": "date of birth",
    "nhs": "NHS number",
    "telephone": "telephone",
    "school": "school",
    "profile": "social media",
    "handle": "social media",
    "vehicle": "vehicle registration",
    "username": "social media",
    "nickname": "nickname",
}


def _nhs_number(digits: str) -> bool:
    """Whether ten digits are an NHS number: their modulus 11 check digit is right."""
    total = sum(int(d) * (10 - i) for i, d in enumerate(digits[:9]))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


@functools.lru_cache(maxsize=4096)
def _identifier_key(kind: str, text: str) -> str:
    """What makes two spellings the same identifier ("07700 900123" and "07700900123")."""
    if kind in ("nhs", "telephone"):
        digits = re.sub(r"\D", "", text)
        return digits[2:] if digits.startswith("44") and kind == "telephone" else digits.lstrip("0")
    if kind == "address":
        words = re.sub(r"[,.]", " ", text).lower().split()
        return " ".join(_STREET_ABBREVIATIONS.get(w, w) for w in words)
    if kind == "dob" and re.fullmatch(r"\d{4}", text):  # a year of birth alone
        return f"year {text}"
    if kind == "dob":  # "3rd April 2018" with "03/04/2018"
        with warnings.catch_warnings():  # pandas' notes on the format it guessed
            warnings.simplefilter("ignore")
            day = pd.to_datetime(
                re.sub(r"(?i)(\d)(?:st|nd|rd|th)", r"\1", text), dayfirst=True, errors="coerce"
            )
        if not pd.isna(day):
            return day.strftime("%Y-%m-%d")
    if kind == "school":  # "Oakfield Primary" with "Oakfield Primary School"
        text = re.sub(r"[ \t]+School$", "", text)
    return re.sub(r"[\s.]", "", text).casefold()


_STREET_ABBREVIATIONS: Final = {
    "rd": "road", "st": "street", "ln": "lane", "ave": "avenue", "ct": "court",
    "cres": "crescent", "gdns": "gardens", "pl": "place", "sq": "square",
}  # fmt: skip


class AnonymisationError(ScrTimelineError, ValueError):
    """A key is malformed (a label that contains a name, a file that is not a key), or
    anonymising would make two event ids the same."""


# --- spellings -------------------------------------------------------------------------------
def _norm(text: str) -> str:
    """The form of a spelling used for look-ups: case folded, no full stops, one apostrophe
    (``O’Neill`` is ``O'Neill``), a hyphen as a space (``Smith-Jones`` is ``Smith Jones``),
    a colon or dash as a space (``SW: Ann Lee`` is ``SW Ann Lee``), single spaces."""
    return " ".join(text.translate(_FOLD).casefold().split())


#: what :func:`_norm` folds: full stops and hyphens to spaces, curly apostrophes to "'"
_FOLD: Final = str.maketrans(
    {".": " ", "-": " ", "‐": " ", "‑": " ", "–": " ", ":": " ", "’": "'", "‘": "'"}
)


def _escape(word: str) -> str:
    """A word of a name as a pattern: an apostrophe matches a curly one ("O’Neill" as
    "O'Neill") and a hyphen a hyphen or a space ("Smith Jones" as "Smith-Jones"), as
    different systems (and people) write the same name."""
    parts = re.split(r"([-‐‑'’‘])", word)
    out = []
    for part in parts:
        if part in ("-", "‐", "‑"):
            out.append(r"(?:[-‐‑][ \t]*|[ \t]+)")
        elif part in ("'", "’", "‘"):
            out.append("['’‘]")
        else:
            out.append(re.escape(part))
    return "".join(out)


def _words(name: str) -> list[str]:
    return name.replace(".", " ").split()


def _code_prefix(label: str) -> str | None:
    """The letters of a practitioner code ("SW" of "SW1"), or the word of a numbered role
    label ("Nurse" of "Nurse 1"), or None."""
    found = _CODE_PREFIX.match(label)
    return (found.group(1) or found.group(2)) if found else None


def _family_label(labels: Iterable[str]) -> str:
    letter = next(
        (m.group(1) for label in labels if (m := re.fullmatch(r"Child ([A-Z])", label))), None
    )
    return f"Family {letter}" if letter else "Family"


@dataclass(frozen=True, slots=True)
class _Form:
    text: str  # the spelling with single spaces, as derived ("Ms Smith")
    label: str
    source: str  # the name it comes from
    kind: str  # "name" (as given), "first", "surname", "titled", "prefixed"
    ambiguous: tuple[str, ...] = ()  # the other labels that could claim it


def _exact(name: str) -> bool:
    """Whether a spelling is replaced only as written, deriving no other forms from it: one
    with a digit or an "@" ("PC 4521 Evans"), one opening with a family word a label says
    ("Mother Kerry-Ann Doyle": its first word is no first name), one opening with a rank or
    a role's capitals ("DS Patel", "Sgt Jones": "DS" is no first name) and a practitioner
    cell's name with the role's letters after it ("Jane Brown HV": "HV" is no surname)."""
    return bool(
        _EXACT.search(name) or _CUED.match(name) or _ROLE_AFTER.search(name) or _RANKED.match(name)
    )


def _derive(names: Mapping[str, str]) -> dict[str, _Form]:
    """Every spelling of every name, by normalised text. An identifier's spelling (its label
    in brackets: "[school 1]") is replaced only as written."""
    explicit: dict[str, _Form] = {}
    exact = {name for name, label in names.items() if _exact(name) or label.startswith("[")}
    for name, label in names.items():
        if name in exact:
            explicit[_norm(name)] = _Form(" ".join(name.split()), label, name, "exact")
        else:
            explicit[_norm(name)] = _Form(" ".join(_words(name)), label, name, "name")
    claims: dict[str, dict[str, _Form]] = defaultdict(dict)
    # a rank before a name ("DS Patel", "DJ Smith" given by a reviewer) is replaced as written,
    # and the name after it has its own spellings ("Patel", "Mr Patel", "Smith"); so is a name
    # written surname first ("Smith, Tracey": "Tracey", "Ms Smith")
    derivable = {name: label for name, label in names.items() if name not in exact}
    for name, label in names.items():
        ranked = _RANKED.match(name)
        after = name[ranked.end("rank") :].strip() if ranked else ""
        # and one written surname first: "Smith, Tracey", "BROWN, Jane (HV)" is Jane Brown
        reversed_ = _SURNAME_FIRST.fullmatch(name) if "," in name else None
        if reversed_ and reversed_.group("first"):
            after = f"{reversed_.group('first')} {reversed_.group('surname').title()}"
        if after and not _exact(after) and not label.startswith("["):
            derivable.setdefault(after, label)
    for name, label in derivable.items():
        words = _words(name)
        title = words[0] if len(words) > 1 and words[0].lower() in _TITLE_WORDS else None
        rest = words[1:] if title else words
        if not rest:
            continue
        derived: list[tuple[str, str]] = []
        full = " ".join(rest)
        last = rest[-1]
        if len(rest) > 1:
            derived.append((full, "name"))
            derived.append((rest[0], "first"))
        derived.append((last, "surname" if (title or len(rest) > 1) else "first"))
        titled = [f"{t} {last}" for t in TITLES]
        if len(rest) > 1:
            titled += [f"{t} {full}" for t in TITLES]
            if len(rest) == 2 and all(w[:1].isupper() and w.isalpha() for w in rest):
                # the person's initials, dotted: "S.J." for Sarah Jones (not a code: "H.V.")
                dotted = f"{rest[0][0]}.{rest[1][0]}."
                if _norm(dotted).replace(" ", "") not in _CODE_INITIALS:
                    derived.append((dotted, "initials"))
                # and undotted, in capitals: "SJ said" (not when the letters are a word or
                # an abbreviation the vocabularies or the glossary know: "GP", "ED", "CA")
                letters = f"{rest[0][0]}{rest[1][0]}"
                if letters.lower() not in _abbreviations():
                    derived.append((letters, "caps_initials"))
            if len(rest[0]) > 1:  # the first name as an initial: "J. Okafor", "Mr J Okafor"
                initial = f"{rest[0][0]} {last}"
                derived.append((initial, "initial"))
                titled += [f"{t} {initial}" for t in TITLES]
        derived += [(t, "titled") for t in titled]
        if (title or len(rest) > 1) and last.isalpha() and last[:1].isupper():
            # the couple and the family by the surname: "Mr and Mrs Smith", "the Smiths"
            # (the family's label, not one person's: "Mr and Person 1", "the Person 1s")
            derived += [(f"Mr {a} Mrs {last}", "couple") for a in ("and", "&")]
            if not last.endswith("s"):
                derived.append((f"{last}s", "couple"))
        prefix = _code_prefix(label)
        if prefix:
            derived += [(f"{prefix} {text}", "prefixed") for text in [full, last, rest[0], *titled]]
        for text, kind in derived:
            if len(text.replace(" ", "")) < 2:
                continue
            key = _norm(text)
            claims[key].setdefault(label, _Form(text, label, name, kind))
    family = _family_label(names.values())
    forms = dict(explicit)
    for key, by_label in claims.items():
        if key in forms:
            continue
        candidates = list(by_label.values())
        if candidates[0].kind == "couple":
            forms[key] = replace(candidates[0], label=family)
            continue
        if len(candidates) == 1:
            forms[key] = candidates[0]
            continue
        first = candidates[0]
        others = tuple(f.label for f in candidates[1:])
        surname_like = all(
            f.kind in ("surname", "titled", "prefixed", "initial", "initials", "caps_initials")
            for f in candidates
        )
        label = family if surname_like else first.label
        forms[key] = replace(first, label=label, ambiguous=(first.label, *others))
    return forms


#: two letters that, dotted, are an abbreviation rather than a person's initials ("H.V.",
#: "A.E.", "D.V.", "C.P.")
_CODE_INITIALS: Final = frozenset(
    [
        "ae",
        "am",
        "pm",
        "gp",
        "hv",
        "sw",
        "dv",
        "cp",
        "pc",
        "dc",
        "ds",
        "tm",
        "sm",
        "mw",
        "iro",
        "nfa",
        "cin",
        "lac",
        "oc",
        "op",
        "mh",
        "ot",
        "uk",
        "us",
        "eu",
        "nb",
        "ps",
        "pe",
        "re",
        "ok",
        "js",
        "dj",
        "ie",
        "eg",
        "mp",
        "rn",
        "cc",
        "bb",
        "ed",
        "er",
        "ct",
        "mr",
        "dr",
        "st",
    ]
)


#: abbreviations written in capitals that are no one's initials, beside the vocabularies'
#: words (:func:`_abbreviations`)
_ABBREVIATIONS_TEXT: Final = """
    ae ca ia ok tv id dob nok rta asb gbh abh cctv icpc rcpc cpc cpp cpm cpr sgo sen send
    ehcp adhd asd fgm cse cce ocd ptsd bmi mash cla lac iro lscb lsp scr cspr cic dols hmp
    ip op bp iv ecg ct mri eeg aka nb ps pto np tba tbc asap fyi na nk ns wc ad am pm es
    eta rip dv da cp md mdt mdm hr qc kc jp fii tlc ice
    """
_ABBREVIATIONS: Final = frozenset(_ABBREVIATIONS_TEXT.split())


@functools.lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    """Two and three letters in lower case that, in capitals, are a word or an abbreviation
    ("GP", "ED", "NFA", "IT", "CA"), not a person's initials: the words of the
    vocabularies (agencies, roles, family members, event types), the sentence words and
    :data:`_CODE_INITIALS` and :data:`_ABBREVIATIONS`."""
    stop = _vocabulary()[3]
    return frozenset(w for w in stop if len(w) <= 3) | _CODE_INITIALS | _ABBREVIATIONS


@functools.lru_cache(maxsize=1)
def _lower_case_names() -> frozenset[str]:
    """The shipped first names that are no place or word of English (``alone`` ``yes``, not
    in :data:`COMMON_WORDS_FILE`), case folded: a known person's such name is replaced in
    lower case too ("sarah")."""
    names = _first_names()[1]
    common = _shipped_common_words()[0]
    return frozenset(n.casefold() for n in names if n.casefold() not in common)


def _form_regex(form: _Form, *, ids: bool = False) -> str:
    words = form.text.split(" ")
    if form.kind == "exact":  # as written, in any case and any spacing: "LS9 7QT", "PC 4521 Evans"
        # (a hyphen for a space, as :func:`_norm` reads them the same: "07700-900-123" is
        # the "07700 900 123" of the key)
        spaced = r"(?:[ \t]*[-‐‑][ \t]*|[ \t]+)".join(_escape(w) for w in words)
        return rf"{_LEFT}(?i:{spaced}){_RIGHT}"
    if ids:  # file names and event ids: any case, words joined by spaces, "_" or "-"
        joined = r"[\s_\-]+".join(re.escape(w) for w in words)
        return f"{_LEFT}(?i:{joined}){_RIGHT}"
    if form.kind == "caps_initials":  # "SJ", in capitals only ("sj" is no one)
        return f"{_LEFT}{re.escape(form.text)}{_RIGHT}"
    if form.kind == "initials":  # "S.J.", "S. J.", "S.J" (dotted capitals only: "SJ" may be a code)
        first, last = form.text.replace(".", " ").split()
        return rf"{_LEFT}(?<!\.){first}\.[ \t]?{last}(?:\.|{_RIGHT})(?![^\W_]\.)"
    if len(words) == 1:
        word = words[0]
        # a first name that is no word of English ("sarah", "kayden") is matched in lower
        # case too, as notes are typed: "spoke to sarah about mum"
        head = (
            f"(?i:{re.escape(word[0])})"
            if form.kind in ("first", "name") and word.casefold() in _lower_case_names()
            else re.escape(word[0])
        )
        body = head + (f"(?i:{_escape(word[1:])})" if len(word) > 1 else "")
        tail = r"(?=s?(?![^\W_]))" if form.kind == "surname" else _RIGHT
        return f"{_LEFT}{body}{tail}"
    parts = []
    for i, word in enumerate(words):
        parts.append(_escape(word))
        if i < len(words) - 1:
            if len(word) == 1:  # an initial: "J. Okafor", "J.Okafor", "J Okafor"
                parts.append(r"(?:\.\s*|\s+)")
            elif i == 0 and form.kind == "prefixed":  # "SW: Ann Lee", "SW - Ann Lee"
                parts.append(r"(?:[ \t]*[:\-–][ \t]*|\s+)")
            else:
                parts.append(r"\.?\s+" if word.lower() in _TITLE_WORDS else r"\s+")
    return f"{_LEFT}(?i:{''.join(parts)}){_RIGHT}"


def _render(label: str, matched: str, *, ids: bool = False) -> str:
    """The label as written in place of ``matched``: in capitals when the name was; in an
    identifier written in lower case, as a slug ("family-a")."""
    letters = [c for c in matched if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return label.upper()
    if ids and letters and all(c.islower() for c in letters):
        return re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")
    return label


#: The shipped file of names that are also English words (``kind`` ``name``: "Brown",
#: "Hope", "Young"), which a sentence may open with as words ("Brown bruise to shin", "Hope
#: to see improvement", "Young person seen"), and of the words after one that say it is a
#: person after all (``kind`` ``person_verb``: "Brown attended", "Hope said"); see
#: :func:`load_common_words` and :func:`_reads_as_word`.
COMMON_WORDS_FILE: Final = "common_word_names.csv"
_COMMON_KINDS: Final = ("name", "person_verb")


def load_common_words(path: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Load the names that are also English words, and the words that say a person.

    A single name of ``kind`` ``name`` ("Brown", "Hope", "Young", "Wood") is left as it is
    where it opens a sentence before a lower-case word that is not a ``person_verb``
    ("Brown bruise to shin"); "Brown attended" and "Mr Brown" are still replaced.

    Parameters
    ----------
    path
        A CSV file of your own with the columns ``word`` and ``kind`` (``name`` or
        ``person_verb``; optionally ``note``). Its rows extend the shipped
        ``data/common_word_names.csv``; a row with the same word replaces the shipped one.
        Pass it to :func:`anonymise` as ``common_words=``.

    Raises
    ------
    ChronologyReadError
        The file cannot be read, lacks a column, or names an unknown kind.

    Examples
    --------
    >>> words = load_common_words()
    >>> words.loc[words["word"] == "hope", "kind"].item()
    'name'
    >>> words.loc[words["word"] == "attended", "kind"].item()
    'person_verb'
    """
    from .classify import _text as T

    table = T.read_vocabulary(
        COMMON_WORDS_FILE, path, required=("word", "kind"), defaults={"note": ""}
    )
    T.check_codes(table, "kind", _COMMON_KINDS, "kind of common word")
    table["word"] = table["word"].str.casefold()
    return table[["word", "kind", "note"]].reset_index(drop=True)


def _common_words(path: str | None = None) -> tuple[frozenset[str], frozenset[str]]:
    """The names that are words and the words that say a person, as sets (the shipped
    ones kept for the process; a file of yours read again when it changes)."""
    return _shipped_common_words() if path is None else _common_sets(load_common_words(path))


@functools.lru_cache(maxsize=1)
def _shipped_common_words() -> tuple[frozenset[str], frozenset[str]]:
    return _common_sets(load_common_words())


def _common_sets(table: pd.DataFrame) -> tuple[frozenset[str], frozenset[str]]:
    words = table.loc[table["kind"] == "name", "word"]
    verbs = table.loc[table["kind"] == "person_verb", "word"]
    return frozenset(words), frozenset(verbs)


_SENTENCE_OPEN: Final = regex(r"(?:^|[.!?;:\n(\-–]|\s-)\s*$")
_NEXT_WORD: Final = regex(r"[ \t]+([a-z][a-z'’]*)")


def _reads_as_word(
    text: str,
    match: re.Match[str],
    form: _Form,
    common: tuple[frozenset[str], frozenset[str]] | None = None,
) -> bool:
    """Whether a name matched alone is the English word it is spelled as: one of
    the ``common`` words (:func:`_common_words`) opening a sentence (or the cell) before a lower-case word that is
    not a verb a person does ("Brown bruise to shin": a colour; "Brown attended": the
    person). Elsewhere a capital says the name, as for every single word."""
    word = match.group()
    if " " in word or form.kind not in ("name", "first", "surname"):
        return False
    names, verbs = common or _common_words()
    if word.casefold() not in names or word.isupper():
        return False
    after = _NEXT_WORD.match(text, match.end())
    if after is None or after.group(1) in verbs:
        return False
    return _SENTENCE_OPEN.search(text, 0, match.start()) is not None


#: the words after a name that make it a place's: "Hope Street", "Jones Road Surgery",
#: "Grace House", "Smith Medical Centre"
_PLACE_AFTER: Final = regex(
    rf"[ \t]+(?:{_STREET}|Centre|Center|Hospital|Surgery|Practice|Clinic|School|Academy|College|"
    r"Nursery|Primary|Infants|Juniors|House|Ward|Medical|Health|Station|Library|Church|"
    r"Children['’]s[ \t]+Centre)(?![^\W_])"
)


def _names_a_place(text: str, match: re.Match[str], form: _Form) -> bool:
    """Whether a name matched alone is the first word of a place's name ("Hope Street
    Children's Centre", "Jones Road"): a street word or a word such as Centre, Surgery,
    School or House follows it. A full name ("Hope Smith Street") is always replaced, and
    so is a one-word name given as such (a key's "Smithfield": the place itself); a place
    with a house number is an address, replaced as an identifier."""
    if " " in match.group() or form.kind not in ("first", "surname", "couple"):
        return False
    return _PLACE_AFTER.match(text, match.end()) is not None


def _text_hash(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


def _to_arrow(values: pd.Series) -> pa.Array | pa.ChunkedArray:
    if isinstance(values.dtype, pd.StringDtype) and values.dtype.storage == "pyarrow":
        return pa.array(values.array)
    return pa.array(values.astype(object).where(values.notna(), None).tolist(), pa.string())


def _prefilter(values: pd.Series, pattern: str | None) -> np.ndarray:
    """Positions of the cells that may hold a match (Arrow, over the whole column)."""
    if pattern is None or not len(values):
        return np.zeros(0, dtype=np.int64)
    found = pc.match_substring_regex(_to_arrow(values), pattern, ignore_case=True)
    return np.flatnonzero(found.fill_null(False).to_numpy(zero_copy_only=False))


def _matching(texts: pd.Series, patterns: str | Sequence[str]) -> np.ndarray:
    """Which of ``texts`` (distinct, none missing) one of the RE2 ``patterns`` matches
    (Arrow). Several patterns are tried one after another, each on the texts left: one
    alternation of them all can make RE2's automaton too big to be fast (seconds, not
    milliseconds, for 100,000 texts)."""
    found = np.zeros(len(texts), dtype=bool)
    if not len(texts):
        return found
    values = pa.array(texts.astype(str).tolist(), pa.string())
    for pattern in [patterns] if isinstance(patterns, str) else patterns:
        left = np.flatnonzero(~found)
        if not len(left):
            break
        hit = pc.match_substring_regex(values.take(pa.array(left)), pattern)
        found[left[np.asarray(hit.to_numpy(zero_copy_only=False), dtype=bool)]] = True
    return found


#: what Python's ``\s`` matches in a ``str`` pattern, as an RE2 class's content (RE2's own
#: ``\s`` is ASCII: a no-break space between two words of a role would be missed)
_RE2_SPACE: Final = r"\s\pZ\x{85}\x{0b}\x{1c}-\x{1f}"


def _re2_superset(source: str) -> str:
    r"""An RE2 pattern matching every text the Python pattern ``source`` matches: its
    lookarounds (none nested) dropped, ``\s`` and ``\d`` written as Python reads them."""
    source = re.sub(r"\(\?<?[=!][^()]*\)", "", source)
    out: list[str] = []
    in_class = False
    i = 0
    while i < len(source):
        char = source[i]
        if char == "\\":
            pair = source[i : i + 2]
            if pair == r"\s":
                out.append(_RE2_SPACE if in_class else f"[{_RE2_SPACE}]")
            elif pair == r"\d":
                out.append(r"\p{Nd}")
            else:
                out.append(pair)
            i += 2
            continue
        if char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class:
            in_class = False
        out.append(char)
        i += 1
    return "".join(out)


Spans = list[int]  # flat [start, end, spelling, start, end, spelling, ...]


@dataclass
class _Replacer:
    pattern: re.Pattern[str]
    prefilter: str | None
    forms: dict[str, _Form]
    spellings: dict[str, int] = field(default_factory=dict)
    ids: bool = False
    common: tuple[frozenset[str], frozenset[str]] | None = None
    #: the spellings by their first run of letters and digits, in lower case ("tracey",
    #: "ms", "ls9"): at each run of a text only the spellings that begin with it are tried,
    #: in the order of the whole alternation (None: every spelling, one pass of it)
    index: dict[str, re.Pattern[str]] | None = None

    @classmethod
    def build(
        cls,
        names: Mapping[str, str],
        *,
        ids: bool = False,
        spellings: dict[str, int] | None = None,
        common: tuple[frozenset[str], frozenset[str]] | None = None,
    ) -> _Replacer:
        forms = _derive(names)
        ordered = sorted(forms.values(), key=lambda f: (-len(f.text), f.text))
        regex = "|".join(_form_regex(f, ids=ids) for f in ordered) or "(?!)"
        words = sorted({w.casefold() for f in forms.values() for w in f.text.split(" ")})
        name_words = sorted(
            {w.casefold() for n in names for w in _words(n) if w.lower() not in _TITLE_WORDS}
            or set(words),
            key=lambda w: (-len(w), w),
        )
        # a person's dotted initials ("S.J.") hold no word of the name
        # (with its last full stop: "visits. Just" is no "S.J."; a plain pattern, as one
        # with letter classes on either side makes RE2 over the column 30 times slower)
        initials = sorted(
            rf"{a}\.[ \t]?{b}\."
            for a, b in {
                tuple(f.text.replace(".", "")) for f in forms.values() if f.kind == "initials"
            }
        )
        # (each word as the spellings match it: an apostrophe a curly one, "O’Neill"; a
        # hyphen a space, "Smith Jones")
        initials += sorted(
            rf"(?-i:\b{f.text}\b)" for f in forms.values() if f.kind == "caps_initials"
        )
        joined = "|".join([*(_escape(w) for w in name_words), *initials])
        pre = joined or None
        return cls(
            re.compile(regex),
            pre,
            forms,
            {} if spellings is None else spellings,
            ids,
            common,
            _index(ordered, ids=ids),
        )

    def spelling(self, text: str) -> int:
        return self.spellings.setdefault(text, len(self.spellings))

    def _matches(self, text: str) -> Iterator[re.Match[str]]:
        """The matches of :attr:`pattern`, left to right, as its ``finditer`` gives them."""
        if self.index is None:
            yield from self.pattern.finditer(text)
            return
        resume = 0
        for run in _RUN.finditer(text):
            if run.start() < resume:
                continue
            match = None
            at = run.start()
            if at and text[at - 1] == "@":  # a handle: "@darren_smith" (see :func:`_index`)
                handle = self.index.get("@" + run.group().lower())
                match = handle.match(text, at - 1) if handle is not None else None
            pattern = self.index.get(run.group().lower())
            if match is None and pattern is not None:
                match = pattern.match(text, at)
            if match is not None:
                resume = match.end()
                yield match

    def sub(self, text: str) -> tuple[str, Spans]:
        out: list[str] = []
        spans: Spans = []
        last = 0
        length = 0
        for match in self._matches(text):
            form = self.forms[
                _norm(re.sub(r"[_\-]", " ", match.group()) if self.ids else match.group())
            ]
            if not self.ids and _reads_as_word(text, match, form, self.common):
                continue  # "Brown bruise to shin", "Hope to see improvement"
            if not self.ids and _names_a_place(text, match, form):
                continue  # "Hope Street Children's Centre", "Jones Road Surgery"
            label = (
                form.label
                if form.kind in ("exact", "initials", "caps_initials")
                else _render(form.label, match.group(), ids=self.ids)
            )
            piece = text[last : match.start()]
            out.append(piece)
            length += len(piece)
            spans += [length, length + len(label), self.spelling(match.group())]
            out.append(label)
            length += len(label)
            last = match.end()
        if not spans:
            return text, spans
        out.append(text[last:])
        return "".join(out), spans


#: a run of letters and digits: where a spelling may begin (each begins with one, after no
#: letter or digit, as :data:`_LEFT` says)
_RUN: Final = re.compile(r"[^\W_]+")


def _index(ordered: Sequence[_Form], *, ids: bool) -> dict[str, re.Pattern[str]] | None:
    """The spellings grouped by their first run of letters and digits, each group one
    alternation in the order of ``ordered`` (longest first): a text is then read run by
    run, trying only the few spellings that begin there, instead of the whole alternation
    at every character. A surname also begins the run with an "s" after it ("Smiths").
    A handle ("@darren_smith") is under "@" and its first run ("@darren"). None when a
    spelling begins with no letter or digit (the whole alternation is used)."""
    groups: dict[str, list[str]] = {}
    for form in ordered:
        # a social media handle begins at its "@", under the run after it with an "@"
        at = "@" if form.text.startswith("@") else ""
        first = _RUN.match(form.text, len(at))
        if first is None:
            return None
        keys = [at + first.group().lower()]
        if form.kind == "surname" and first.end() == len(form.text):
            keys.append(keys[0] + "s")
        for key in keys:
            groups.setdefault(key, []).append(_form_regex(form, ids=ids))
    return {key: re.compile("|".join(parts)) for key, parts in groups.items()}


def _restore(text: str, spans: Sequence[int], spellings: Sequence[str]) -> str:
    out = text
    for i in range(len(spans) - 3, -1, -3):
        start, end, spelling = spans[i], spans[i + 1], spans[i + 2]
        out = out[:start] + spellings[spelling] + out[end:]
    return out


# --- the key --------------------------------------------------------------------------------
@dataclass(frozen=True)
class AnonymisationKey:
    """Which name became which label, and how to put every one back.

    Keep it apart from the anonymised chronology: it holds the names. Nothing the library
    writes (CSV exports, findings, reports) contains it; :meth:`save` writes it to a JSON
    file of its own, readable by its owner only.

    Parameters
    ----------
    names
        Original name -> label (``{"Tracey Smith": "Mother"}``). Names with the same
        label are one person. Each name's other spellings (first name, surname, with a
        title, in capitals) are derived (see :meth:`forms`).
    records
        Filled by :func:`anonymise`: where each label was put, for :func:`personalise`.
    spellings
        Filled by :func:`anonymise`: each distinct text a label replaced.
    candidates
        The proposals of :func:`find_names` this key was made from, for the reviewer to
        confirm (None for a key made from names given).

    Raises
    ------
    AnonymisationError
        A name or label is blank, or a label contains one of the names.

    Examples
    --------
    >>> key = AnonymisationKey({"Tracey Smith": "Mother", "Jane Brown": "HV1"})
    >>> key.anonymise_text("HV Jane Brown saw Ms Smith and the Smithfield GP.")
    'HV1 saw Mother and the Smithfield GP.'
    >>> key.labels
    ('HV1', 'Mother')
    """

    names: Mapping[str, str]
    records: Mapping[str, Any] = field(default_factory=dict, repr=False)
    spellings: tuple[str, ...] = field(default=(), repr=False)
    candidates: pd.DataFrame | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not isinstance(self.names, Mapping):
            raise TypeError(f"names must be a mapping, not {type(self.names).__name__}")
        clean: dict[str, str] = {}
        for name, label in self.names.items():
            if not isinstance(name, str) or not isinstance(label, str):
                raise TypeError("names must map strings to strings")
            if not name.strip() or not label.strip():
                raise AnonymisationError(
                    "a name or label is blank", found=(name, label), expected="non-blank text"
                )
            clean[" ".join(name.split())] = " ".join(label.split())
        object.__setattr__(self, "names", clean)
        object.__setattr__(self, "spellings", tuple(self.spellings))
        replacer = _Replacer.build(clean)
        for label in set(clean.values()):
            hit = replacer.pattern.search(label)
            if hit:
                raise AnonymisationError(
                    f"the label {label!r} contains the name {hit.group()!r}",
                    found=label,
                    expected="labels that name no one",
                )

    # -- views -------------------------------------------------------------------------------
    @property
    def labels(self) -> tuple[str, ...]:
        """The distinct labels, sorted."""
        return tuple(sorted(set(self.names.values())))

    def forms(self) -> pd.DataFrame:
        """Every spelling that is replaced, with its label and the name it comes from.

        ``ambiguous`` lists the labels of every person the spelling could stand for
        (empty when only one); such a spelling takes the family's label when it is a
        surname, else the first person's label.

        Examples
        --------
        >>> key = AnonymisationKey({"Tracey Smith": "Mother", "Jo Smith": "Child A"})
        >>> forms = key.forms().set_index("form")
        >>> forms.loc["Tracey", "label"], forms.loc["Smith", "label"], forms.loc["Ms Smith", "label"]
        ('Mother', 'Family A', 'Family A')
        """
        rows = [
            {
                "form": f.text,
                "label": f.label,
                "name": f.source,
                "kind": f.kind,
                "ambiguous": "; ".join(f.ambiguous),
            }
            for f in sorted(self._replacer.forms.values(), key=lambda f: (f.label, f.text))
        ]
        return pd.DataFrame(rows, columns=["form", "label", "name", "kind", "ambiguous"])

    @functools.cached_property
    def _replacer(self) -> _Replacer:
        return _Replacer.build(self.names)

    def anonymise_text(self, text: str) -> str:
        """One text with every name replaced by its label (nothing is recorded).

        Examples
        --------
        >>> AnonymisationKey({"Steven Jones": "Mother's partner"}).anonymise_text(
        ...     "Mr Jones and STEVEN JONES; Jonesy")
        "Mother's partner and MOTHER'S PARTNER; Jonesy"
        """
        return _Replacer.build(self.names).sub(text)[0]

    # -- building ----------------------------------------------------------------------------
    @classmethod
    def from_candidates(cls, candidates: pd.DataFrame) -> AnonymisationKey:
        """A key from a candidates table (from :func:`find_names`) a reviewer has confirmed.

        Every row's ``name`` and each of its ``aliases`` (``"; "``-joined) get the row's
        ``label``; drop the rows that are not people and edit labels before calling.

        Examples
        --------
        >>> table = pd.DataFrame({"name": ["Tracey Smith"], "label": ["Mother"],
        ...                       "aliases": ["Mrs Smith"]})
        >>> AnonymisationKey.from_candidates(table).names
        {'Tracey Smith': 'Mother', 'Mrs Smith': 'Mother'}
        """
        if not isinstance(candidates, pd.DataFrame):
            raise TypeError(f"candidates must be a DataFrame, not {type(candidates).__name__}")
        missing = {"name", "label"} - set(candidates.columns)
        if missing:
            raise AnonymisationError(
                "the candidates table lacks columns",
                found=sorted(missing),
                expected="columns 'name' and 'label'",
            )
        names: dict[str, str] = {}
        for row in candidates.itertuples(index=False):
            label = str(getattr(row, "label"))  # noqa: B009 - a column name, not an attribute
            names.setdefault(str(getattr(row, "name")), label)  # noqa: B009
            aliases = getattr(row, "aliases", None)
            if isinstance(aliases, str):
                for alias in aliases.split(";"):
                    if alias.strip():
                        names.setdefault(alias.strip(), label)
        return cls(names, candidates=candidates.copy())

    # -- files -------------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """The key as plain JSON-ready data (what :meth:`save` writes)."""
        data: dict[str, Any] = {
            "format": KEY_FORMAT,
            "version": KEY_VERSION,
            "names": dict(self.names),
            "spellings": list(self.spellings),
            "records": self.records,
        }
        if self.candidates is not None:
            data["candidates"] = json.loads(self.candidates.to_json(orient="records"))
        return data

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the key to a JSON file (atomically; readable by its owner only).

        Keep the file away from the folder you share: it holds every name.

        Examples
        --------
        >>> import tempfile
        >>> key = AnonymisationKey({"Tracey Smith": "Mother"})
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     path = key.save(Path(folder) / "key.json")
        ...     AnonymisationKey.load(path) == key
        True
        """
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(self.to_dict(), ensure_ascii=False, indent=1)
        handle, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(text)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return target

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> AnonymisationKey:
        """Read a key written by :meth:`save`.

        Raises
        ------
        AnonymisationError
            The file cannot be read or is not an anonymisation key.
        """
        source = Path(path)
        try:
            data = json.loads(source.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
            raise AnonymisationError(
                f"cannot read the anonymisation key: {err}", file=str(source)
            ) from err
        if not isinstance(data, dict) or data.get("format") != KEY_FORMAT:
            raise AnonymisationError(
                "not an anonymisation key", file=str(source), expected=f"format {KEY_FORMAT!r}"
            )
        if data.get("version") != KEY_VERSION:
            raise AnonymisationError(
                "unsupported key version",
                file=str(source),
                found=data.get("version"),
                expected=str(KEY_VERSION),
            )
        names = data.get("names")
        if not isinstance(names, dict):
            raise AnonymisationError("the key has no names", file=str(source))
        candidates = data.get("candidates")
        return cls(
            names,
            records=data.get("records") or {},
            spellings=tuple(data.get("spellings") or ()),
            candidates=pd.DataFrame(candidates) if candidates is not None else None,
        )


# --- anonymise and personalise ---------------------------------------------------------------
def _text_columns(frame: pd.DataFrame) -> list[str]:
    columns = []
    for name, dtype in frame.dtypes.items():
        if isinstance(dtype, pd.StringDtype):
            columns.append(str(name))
        elif dtype is np.dtype(object):
            values = frame[name].dropna()
            if len(values) and all(isinstance(v, str) for v in values):
                columns.append(str(name))
    return columns


def _anonymise_column(
    values: pd.Series, rep: _Replacer, row_keys: Sequence[str]
) -> tuple[pd.Series, dict[str, Any]]:
    """Replace the names in one column; return it and the column's record."""
    positions = _prefilter(values, rep.prefilter)
    if not len(positions):
        return values, {}
    candidates = values.iloc[positions]
    codes, uniques = pd.factorize(candidates)
    results = [rep.sub(str(u)) for u in uniques]
    changed = np.fromiter((bool(r[1]) for r in results), bool, len(results))
    if not changed.any():
        return values, {}
    row_changed = changed[codes]
    rows = positions[row_changed]
    new_text = np.array([r[0] for r in results], dtype=object)
    out = values.copy()
    out.iloc[rows] = new_text[codes[row_changed]]
    by_text: dict[str, Spans] = {}
    origin: dict[str, set[str]] = defaultdict(set)
    for (anon, spans), original in zip(results, uniques, strict=True):
        if spans:
            by_text[_text_hash(anon)] = spans
            origin[anon].add(str(original))
    # an anonymised text that was also written, unchanged, elsewhere in the column (or that
    # two different originals became) cannot be told apart by its text: record its rows
    unchanged = np.array(values.notna().to_numpy(dtype=bool))
    unchanged[rows] = False
    also_written = set(values[unchanged].astype(object)) & set(origin)
    clashes = {t for t in origin if len(origin[t]) > 1} | also_written
    record: dict[str, Any] = {"text": by_text}
    if clashes:
        by_row: dict[str, Spans | None] = {}
        is_clash = out.astype(object).isin(list(clashes)).to_numpy(dtype=bool)
        spans_of = {str(u): r[1] for u, r in zip(uniques, results, strict=True)}
        for i in np.flatnonzero(is_clash):
            by_row[row_keys[int(i)]] = spans_of.get(str(values.iat[int(i)])) or None
        record["rows"] = by_row
        for text in clashes:
            by_text.pop(_text_hash(text), None)
    return out, record


def _personalise_column(
    values: pd.Series,
    record: Mapping[str, Any],
    spellings: Sequence[str],
    row_keys: Sequence[str],
    pattern: str | None,
) -> pd.Series:
    by_text: Mapping[str, Spans] = record.get("text", {})
    by_row: Mapping[str, Spans | None] = record.get("rows", {})
    positions = _prefilter(values, pattern)
    if not len(positions):
        return values
    restored: dict[int, str] = {}
    keyed = {row_keys[i]: i for i in positions} if by_row else {}
    for row_key, spans in by_row.items():
        i = keyed.get(row_key)
        if i is not None and spans is not None:
            restored[int(i)] = _restore(str(values.iat[i]), spans, spellings)
    rest = positions[[i not in keyed.values() or row_keys[i] not in by_row for i in positions]]
    if len(rest):
        codes, uniques = pd.factorize(values.iloc[rest])
        back = []
        for text in uniques:
            spans = by_text.get(_text_hash(str(text)))
            back.append(_restore(str(text), spans, spellings) if spans else None)
        for i, code in zip(rest, codes, strict=True):
            text = back[code]
            if text is not None:
                restored[int(i)] = text
    if not restored:
        return values
    out = values.copy()
    idx = np.fromiter(restored, np.int64, len(restored))
    out.iloc[idx] = np.array(list(restored.values()), dtype=object)
    return out


#: Identifier columns: names in them are matched in any case and joined by "_" or "-".
_ID_COLUMNS: Final = frozenset(
    {S.EVENT_ID, S.SOURCE_FILE, S.SOURCE_SHEET, S.DUPLICATE_OF, "sources.file", "sources.sheet"}
)


def _label_pattern(key: AnonymisationKey) -> str | None:
    plain = set(key.names.values()) | {_family_label(key.names.values())}
    slugs = {_render(label, label.lower(), ids=True) for label in plain}
    labels = sorted(plain | slugs, key=len)
    return "|".join(re.escape(label) for label in reversed(labels)) if labels else None


def _meta_cells(chron: Chronology) -> dict[str, pd.Series]:
    meta = chron.meta
    cells = {"title": pd.Series([meta.title], dtype="string")}
    for name in ("file", "sheet", "title"):
        cells[f"sources.{name}"] = pd.Series(
            [getattr(s, name) for s in meta.sources], dtype="string"
        )
    return cells


def _with_meta(chron: Chronology, cells: Mapping[str, pd.Series]) -> Any:
    def value(series: pd.Series, i: int) -> str | None:
        v: Any = series.iat[i]
        return None if pd.isna(v) else str(v)

    sources = tuple(
        SourceInfo(
            **{
                **s.as_dict(),
                "file": value(cells["sources.file"], i) or s.file,
                "sheet": value(cells["sources.sheet"], i),
                "title": value(cells["sources.title"], i),
            }
        )
        for i, s in enumerate(chron.meta.sources)
    )
    return chron.meta.with_changes(title=value(cells["title"], 0), sources=sources)


def _tables(chron: Chronology) -> dict[str, pd.DataFrame]:
    return {"events": chron.events, "rejected": chron.rejected, "warnings": chron.warnings}


def _as_key(
    chron: Chronology, names: AnonymisationKey | Mapping[str, str] | Sequence[str] | None
) -> AnonymisationKey:
    if isinstance(names, AnonymisationKey):
        return names
    if names is None:
        return AnonymisationKey.from_candidates(find_names(chron))
    if isinstance(names, Mapping):
        return AnonymisationKey(dict(names))
    if isinstance(names, str):
        raise TypeError("names must be a list of names, a dict name -> label or a key, not str")
    given = [" ".join(str(n).split()) for n in names]
    found = find_names(chron, names=given)
    labels: dict[str, str] = {}
    for row in found.itertuples(index=False):
        spellings = [str(row.name), *[a for a in str(row.aliases).split("; ") if a]]
        for spelling in spellings:
            labels.setdefault(_norm(spelling), str(row.label))
    taken = set(labels.values())
    out: dict[str, str] = {}
    n = 0
    for name in given:
        label = labels.get(_norm(name))
        if label is None:
            n += 1
            while f"Person {n}" in taken:
                n += 1
            label = f"Person {n}"
            taken.add(label)
        out[name] = label
    return AnonymisationKey(out)


def anonymise(
    chron: Chronology,
    *,
    names: AnonymisationKey | Mapping[str, str] | Sequence[str] | None = None,
    common_words: str | os.PathLike[str] | None = None,
) -> tuple[Chronology, AnonymisationKey]:
    """Replace the names in a chronology with labels; return it and the key.

    Every text column is processed: the events (the ``event_id`` index and
    ``duplicate_of`` alike, so ids stay consistent), the rejected rows and the warnings,
    and the title and sources in the metadata. Other columns (dates, codes, flags) are
    kept as they are. The input is not changed.

    Parameters
    ----------
    chron
        The chronology.
    names
        Who to replace:

        * ``None``: the people :func:`find_names` proposes, with its labels. Check
          ``key.candidates`` and run again with a key you have confirmed
          (:meth:`AnonymisationKey.from_candidates`).
        * a list of names: these names, labelled as :func:`find_names` would label them
          where it finds them in context, else ``Person 1``, ``Person 2``...
        * a dict name -> label, or an :class:`AnonymisationKey`: exactly these.
    common_words
        A CSV file of names that are also English words (and of words that say a person
        after one), extending the shipped list: see :func:`load_common_words`.

    Returns
    -------
    tuple of (Chronology, AnonymisationKey)
        The anonymised chronology, and the key with what :func:`personalise` needs to
        reverse it. Keep the key apart from the chronology.

    Raises
    ------
    AnonymisationError
        A label contains a name, or two event ids would become the same.

    Examples
    --------
    >>> from scr_timeline.testing import make_events
    >>> chron = Chronology(make_events(start=["2007-03-12"], agency=["police"],
    ...     details=["DC Green spoke to mother's partner Steven Jones."]))
    >>> anon, key = anonymise(chron)
    >>> anon.events["details"].item()
    "DC1 spoke to mother's partner Mother's partner."
    >>> key.names
    {'Steven Jones': "Mother's partner", 'Green': 'DC1'}
    """
    if not isinstance(chron, Chronology):
        raise TypeError(f"anonymise() takes a Chronology, not {type(chron).__name__}")
    key = _as_key(chron, names)
    common = _common_words(None if common_words is None else os.fspath(common_words))
    rep = _Replacer.build(key.names, common=common)
    id_rep = _Replacer.build(key.names, ids=True, spellings=rep.spellings)
    records: dict[str, dict[str, Any]] = {}

    # the event ids first: the anonymised ids are the events' row keys
    events = chron.events
    ids = pd.Series(events.index, index=np.arange(len(events)), dtype="string")
    positions = [str(i) for i in range(len(events))]
    new_ids, id_record = _anonymise_column(ids, id_rep, positions)
    if not pd.Index(new_ids).is_unique:
        raise AnonymisationError(
            "anonymising would give two events the same event id",
            expected="names that do not make event ids equal",
        )
    row_keys: dict[str, list[str]] = {"events": [str(i) for i in new_ids]}
    tables: dict[str, pd.DataFrame] = {}
    for table, frame in _tables(chron).items():
        keys = row_keys.get(table) or [str(i) for i in range(len(frame))]
        out = frame.copy()
        for column in _text_columns(frame):
            by = id_rep if column in _ID_COLUMNS else rep
            new, record = _anonymise_column(frame[column].reset_index(drop=True), by, keys)
            if record:
                out[column] = new.set_axis(frame.index)
                records.setdefault(table, {})[column] = record
        tables[table] = out
    if id_record:
        records.setdefault("events", {})[S.EVENT_ID] = id_record
        tables["events"].index = pd.Index(new_ids.to_numpy(), dtype="string", name=S.EVENT_ID)
    meta_cells = {}
    for column, values in _meta_cells(chron).items():
        keys = [str(i) for i in range(len(values))]
        by = id_rep if column in _ID_COLUMNS else rep
        new, record = _anonymise_column(values, by, keys)
        meta_cells[column] = new
        if record:
            records.setdefault("meta", {})[column] = record
    spellings = sorted(rep.spellings, key=rep.spellings.__getitem__)
    anonymised = Chronology(
        tables["events"], tables["rejected"], tables["warnings"], _with_meta(chron, meta_cells)
    )
    return anonymised, replace(key, records=records, spellings=tuple(spellings))


def personalise(chron: Chronology, key: AnonymisationKey) -> Chronology:
    """Put the names back into a chronology made by :func:`anonymise`.

    A cell is restored when its text is exactly what :func:`anonymise` wrote there; a
    cell edited since, or text written after anonymisation, is left as it is. On the
    chronology :func:`anonymise` returned, the result equals the original.

    Parameters
    ----------
    chron
        An anonymised chronology.
    key
        The key :func:`anonymise` returned with it (or :meth:`AnonymisationKey.load`).

    Returns
    -------
    Chronology
        A new chronology; the input is not changed.

    Examples
    --------
    >>> from scr_timeline.testing import make_events
    >>> chron = Chronology(make_events(start=["2007-03-12"],
    ...     details=["Mother and Tracey seen; Mother's GP told."]))
    >>> anon, key = anonymise(chron, names={"Tracey": "Mother"})
    >>> anon.events["details"].item()
    "Mother and Mother seen; Mother's GP told."
    >>> personalise(anon, key).events["details"].item()
    "Mother and Tracey seen; Mother's GP told."
    """
    if not isinstance(chron, Chronology):
        raise TypeError(f"personalise() takes a Chronology, not {type(chron).__name__}")
    if not isinstance(key, AnonymisationKey):
        raise TypeError(f"key must be an AnonymisationKey, not {type(key).__name__}")
    records = key.records
    spellings = key.spellings
    pattern = _label_pattern(key)
    tables: dict[str, pd.DataFrame] = {}
    events_keys = [str(i) for i in chron.events.index]
    for table, frame in _tables(chron).items():
        keys = events_keys if table == "events" else [str(i) for i in range(len(frame))]
        out = frame.copy()
        for column, record in records.get(table, {}).items():
            if column == S.EVENT_ID or column not in frame.columns:
                continue
            values = frame[column].reset_index(drop=True)
            new = _personalise_column(values, record, spellings, keys, pattern)
            if new is not values:
                out[column] = new.set_axis(frame.index)
        tables[table] = out
    id_record = records.get("events", {}).get(S.EVENT_ID)
    if id_record:
        ids = pd.Series(chron.events.index, dtype="string")
        new_ids = _personalise_column(ids, id_record, spellings, events_keys, pattern)
        tables["events"].index = pd.Index(new_ids.to_numpy(), dtype="string", name=S.EVENT_ID)
    meta_cells = {}
    for column, values in _meta_cells(chron).items():
        record = records.get("meta", {}).get(column)
        keys = [str(i) for i in range(len(values))]
        meta_cells[column] = (
            _personalise_column(values, record, spellings, keys, pattern) if record else values
        )
    return Chronology(
        tables["events"], tables["rejected"], tables["warnings"], _with_meta(chron, meta_cells)
    )


def anonymise_with_keyfile(
    chron: Chronology,
    path: str | os.PathLike[str],
    *,
    out_dir: str | os.PathLike[str] | None = None,
) -> Chronology:
    """Anonymise with the key in ``path``, or find the names and write a new key there.

    What ``scr-timeline analyse --anonymise KEYFILE`` does: when ``path`` exists its names
    are used (and the file is rewritten with the records of this run, so that
    :func:`personalise` reverses these outputs); otherwise :func:`find_names` proposes the
    people, the chronology is anonymised with them, and the key (with the candidates to
    confirm) is written to ``path``.

    Parameters
    ----------
    chron
        The chronology.
    path
        The key file (JSON).
    out_dir
        The folder the anonymised outputs go to; the key may not be inside it.

    Returns
    -------
    Chronology
        The anonymised chronology (the key is in ``path``).

    Raises
    ------
    AnonymisationError
        The key file is inside ``out_dir``, or cannot be read as a key.
    """
    target = Path(path)
    if out_dir is not None:
        folder = Path(out_dir).resolve()
        resolved = target.resolve()
        if folder == resolved.parent or folder in resolved.parents:
            raise AnonymisationError(
                "the anonymisation key may not be written into the output folder",
                file=str(target),
                expected=f"a path outside {str(out_dir)!r}",
            )
    key = AnonymisationKey.load(target) if target.exists() else None
    anonymised, new_key = anonymise(chron, names=key)
    if key is not None and key.candidates is not None:
        new_key = replace(new_key, candidates=key.candidates)
    new_key.save(target)
    return anonymised


# --- finding names ---------------------------------------------------------------------------
#: what follows a surname in capitals written after a first name ("Darren PIKE arrested")
_AFTER_CAPS: Final = (
    r"dob|d\.o\.b|aged|arrested|charged|cautioned|interviewed|was|is|has|had|said|says|stated|"
    r"reported|disclosed|attended|present|seen|spoke|told|denied|admitted|bailed|released|"
    r"remanded|born|and|who"
)


def _codes(phrases: Iterable[str]) -> str:
    """The role and family phrases that are two to five letters ("sw", "hv", "mgm"), in
    capitals, as one alternation: the letters written after a name ("Sarah Jones SW")."""
    return "|".join(sorted({p.upper() for p in phrases if re.fullmatch("[a-z]{2,5}", p)}))


def _may_name(cue: str, codes: str) -> tuple[str, ...]:
    """An RE2 pattern for the texts in which the cue pattern of :func:`_vocabulary` (built
    on the cue alternation ``cue``) may match: each of its branches without lookarounds and
    with every name word reduced to its first letters, so that the Python pattern is run
    only on the texts this matches (and finds the same)."""
    cue = _re2_superset(cue)
    low = _LOWER
    word = rf"[A-Z](?:{low}|['’][A-Z])"  # the start of a name word
    rest = r"[A-Za-zß-öø-ÿ'’-]*"
    titles = "|".join(TITLES)
    initials = r"(?:[A-Z]\.?[ \t]*){0,2}"
    return (
        # cue then name
        rf"(?i:{cue})(?:[ \t]*[(:,][ \t]*|[ \t]+[-–][ \t]+|[ \t]+)(?:\p{{Nd}}{{2,6}}[ \t]+)?"
        rf"(?:(?:{titles})\.?[ \t]+)?{initials}{word}",
        rf"(?i:{cue})[ \t]+(?:is|was|named|called|known[ \t]+as)[ \t]+{word}",
        # name then cue
        rf"[A-Z]{rest}(?:[ \t]*\([ \t]*|[ \t]*,[ \t]*|[ \t]+[-–][ \t]+)(?i:{cue})",
        rf"[A-Z]{rest}[ \t]+(?:{codes})(?:[^\pL\pN_]|$)",
        # a title
        rf"(?:{titles})\.?[ \t]+{initials}[A-Z](?:{low}|[A-Z]|['’][A-Z])",
        # the X family
        rf"[Tt]he[ \t]+{word}{rest}[ \t]+(?:family|household)",
        # a surname in capitals
        rf"{word}{rest}[ \t]+[A-Z][A-Z'’-]+[ \t]*(?:[(,]|(?i:{_AFTER_CAPS}))",
        rf"[A-Z][A-Z'’-]*,[ \t]+{word}",
        # a job title in brackets; an age in brackets
        rf"{word}{rest}[ \t]+{word}{rest}[ \t]*\([^()\n]{{0,40}}(?i:{_JOB_WORDS})",
        rf"{word}{rest}[ \t]*\([ \t]*(?:aged?[ \t]+)?\p{{Nd}}",
    )


@functools.lru_cache(maxsize=1)
def _vocabulary() -> tuple[
    re.Pattern[str], dict[str, str], dict[str, str], frozenset[str], tuple[str, ...]
]:
    """The cue pattern, family phrase -> member, role phrase -> role, the stop words and
    the RE2 pattern of the texts the cue pattern may match (:func:`_may_name`)."""
    from .classify import _text as T
    from .classify.agencies import load_agency_aliases
    from .classify.counterparts import load_family_members
    from .classify.events import load_event_types
    from .classify.roles import load_roles

    family = load_family_members()
    family = family[(family["kind"] == "member") & (family["match"] == "words")]
    roles = load_roles()
    roles = roles[roles["match"] == "words"]
    member_of = {
        T.normalise_phrase(p): m for p, m in zip(family["phrase"], family["member"], strict=True)
    }
    role_of = {
        T.normalise_phrase(p): r for p, r in zip(roles["phrase"], roles["role"], strict=True)
    }
    phrases = sorted(set(member_of) | set(role_of))
    cue = T.trie_regex([T.phrase_tokens(p) for p in phrases])
    separator = (
        r"(?:[ \t]*[(:,][ \t]*|[ \t]+[-–][ \t]+|[ \t]+)"
        # a collar or staff number between a role and the name: "PC 4521 Evans"
        r"(?:(?P<number>\d{2,6})[ \t]+)?"
    )
    titles = "|".join(TITLES)
    title = rf"(?P<title>(?:{titles}))\.?[ \t]+"
    pattern = re.compile(
        # cue then name: "Mother (Tracey Smith)", "SW Ms Patel", "maternal grandmother Mrs Smith",
        # whose cue may belong to someone else: "Darren's mother Mrs Pike", "Leanne's sister
        # Chloe"; "Mother is Leanne Hughes" (two name words after "is": "Mother is Polish");
        # a role in brackets after the name says more than the cue: "Dr Fenwick (paediatrician)"
        rf"(?:(?P<owner>{_NAMEWORD})['’]s[ \t]+)?(?P<cue>(?i:{cue}))"
        rf"(?:{separator}(?:{title})?(?P<init>{_INITIALS})?(?P<name>{_NAMEC})"
        rf"|[ \t]+(?:is|was|named|called|known[ \t]+as)[ \t]+(?P<named>{_NAMEWORD}[ \t]+{_NAME}))"
        rf"(?:[ \t]*\([ \t]*(?P<cue_after>(?i:{cue}))[ \t]*\))?"
        # name then cue: "Steven Jones (mother's partner)", "Jane Brown, HV"
        rf"|{_LEFT}(?:(?P<title2>(?:{titles}))\.?[ \t]+)?(?P<init2>{_INITIALS})?(?P<name2>{_NAMEC})"
        rf"(?:[ \t]*\([ \t]*|[ \t]*,[ \t]*|[ \t]+[-–][ \t]+"
        # or a space, then the letters of a role in capitals and what a person does, or the
        # end of the clause: "Sarah Jones SW informed", "Jane Brown HV." (not "Tracey Smith
        # GP appointment")
        rf"|(?P<spaced>[ \t]+)(?=(?:{_codes(phrases)}){_RIGHT}[ \t]*(?:$|[.,;:)\n]|"
        rf"(?:{'|'.join(sorted(_common_words()[1]))}){_RIGHT})))"
        rf"(?P<cue2>(?i:{cue}))[ \t]*\)?"
        # a title: "Mr Jones", "Dr K. Ahmed"
        rf"|{_LEFT}(?P<title3>(?:{titles}))\.?[ \t]+(?P<init3>{_INITIALS})?(?P<name3>{_NAMEC}|{_CAPS}{_RIGHT})"
        # a family: "the Smith family"
        rf"|{_LEFT}[Tt]he[ \t]+(?P<name4>{_NAMEWORD})[ \t]+(?:family|household){_RIGHT}"
        # a surname in capitals, as police systems write it: "Darren PIKE", "PIKE, Darren"
        # (what follows says a person: "Leeds LGI", "Barnardos SAFE project" are places)
        rf"|{_LEFT}(?P<name5>{_NAMEWORD}(?:[ \t]+{_NAMEWORD})?[ \t]+{_CAPS}){_RIGHT}"
        rf"(?=[ \t]*(?:[(,]|(?i:{_AFTER_CAPS}){_RIGHT}))"
        rf"|{_LEFT}(?P<caps6>{_CAPS}),[ \t]+(?P<name6>{_NAMEWORD}(?:[ \t]+{_NAMEWORD})?){_RIGHT}"
        # a first name and surname with a job title in brackets that no role phrase names:
        # "Sue Harrington (Safeguarding Lead)", "Tom Reid (Team Manager)"
        rf"|{_LEFT}(?P<name7>{_NAMEWORD}[ \t]+{_NAMEWORD})[ \t]*\((?=[^()\n]{{0,40}}?"
        rf"(?i:{_JOB_WORDS}){_RIGHT})"
        # a name with an age in brackets: "Mia (5)", "Tyler (aged 8)", "Kai (9 months)"
        rf"|{_LEFT}(?P<name8>{_NAMEWORD}(?:[ \t]+{_NAMEWORD})?)[ \t]*\([ \t]*(?:aged?[ \t]+)?"
        r"\d{1,2}(?:[ \t]*(?:yrs?|years?|y/?o|months?|mths?|mos?|weeks?|wks?))?[ \t]*\)"
    )
    words: set[str] = set()
    # the words of agencies', roles' and family members' phrases, and the event types' own
    # words (their one-word phrases: 'visit', 'DNA'): not the words of longer event phrases,
    # which may hold a surname or a first name ('RAG green', 'RAG amber'), never to be left
    # unproposed (a name missed is a name published)
    events = load_event_types().query("match == 'words'")["phrase"].astype(str)
    tables = (
        load_agency_aliases()["alias"],
        events[~events.str.strip().str.contains(r"\s")],
        roles["phrase"],
        family["phrase"],
    )
    for phrases_column in tables:
        for phrase in phrases_column:
            words.update(re.findall(r"[a-z]+", str(phrase).lower()))
    words.update(_STOP_WORDS)
    words.update(_TITLE_WORDS)
    return pattern, member_of, role_of, frozenset(words), _may_name(cue, _codes(phrases))


def _grandparent_label(cue: str) -> str:
    side = ""
    if cue.startswith(("maternal", "mother", "mum", "mg")):
        side = "Maternal "
    elif cue.startswith(("paternal", "father", "dad", "pg")):
        side = "Paternal "
    if re.search(r"mother|ma\b|mum|granny|nan|gm$|grandma", cue):
        person = "grandmother"
    elif re.search(r"father|dad|pa\b|gf$|grandpa", cue):
        person = "grandfather"
    else:
        person = "grandparent"
    return (side + person).capitalize() if not side else side + person


def _agency_roles() -> dict[str, str]:
    from .classify.roles import load_roles

    roles = load_roles()
    roles = roles[(roles["agency"] != "") & (roles["role"] != "other")]
    return {
        str(agency): str(group["role"].value_counts().index[0])
        for agency, group in roles.groupby("agency")
    }


_CANDIDATE_COLUMNS: Final = [
    "name",
    "aliases",
    "label",
    "category",
    "member_or_role",
    "cue",
    "count",
    "where",
    "context",
]


def find_names(chron: Chronology, *, names: Sequence[str] | None = None) -> pd.DataFrame:
    """Propose the people a chronology names, with a label for each, for a reviewer to confirm.

    Looks for capitalised names next to family words and role words from the
    classifiers' vocabularies (before the name: "Mother (Tracey Smith)", "mother's partner
    Steven", "HV Jane Brown", "Dr Khan"; or after it: "Steven Jones (mother's partner)"),
    after a title ("Mr Jones"), as a family ("the Smith family") and as the whole of a
    practitioner cell ("Jane Brown"). A single word that the chronology also writes in
    lower case ("Said", "Reported") is taken for a word, not a name.

    Parameters
    ----------
    chron
        The chronology.
    names
        Names you know; each is proposed even where no cue is found (labelled
        ``Person 1``, ``Person 2``... unless found in context).

    Returns
    -------
    pandas.DataFrame
        One row per person: ``name``, ``aliases`` (other spellings found, ``"; "``-joined),
        ``label`` (Child A, Mother, Father, Mother's partner, Maternal grandmother,
        Sibling 1, SW1, HV1, DC1, GP1...; codes continue after those the chronology
        already uses; "[postcode 1]", "[telephone 1]"... for identifiers), ``category``
        (child, family, practitioner, other, identifier),
        ``member_or_role``, ``cue`` (the word that gave it away), ``count`` (rows),
        ``where`` (the first table, row and column) and ``context`` (the words matched).
        It holds names: keep it with the key, not with the exports.

    Examples
    --------
    >>> from scr_timeline.testing import make_events
    >>> chron = Chronology(make_events(start=["2007-03-12", "2007-03-13"],
    ...     agency=["csc", "gp"], practitioner=["SW Ms Patel", "Dr Khan"],
    ...     details=["Mother (Tracey Smith) seen with the Smith family.",
    ...              "Steven Jones (mother's partner) present; Tracey Smith upset."]))
    >>> found = find_names(chron)
    >>> found[["name", "aliases", "label", "category", "cue"]]  # doctest: +NORMALIZE_WHITESPACE
               name   aliases             label      category               cue
    0  Tracey Smith                      Mother        family            mother
    1  Steven Jones            Mother's partner        family  mother's partner
    2         Patel  Ms Patel               SW1  practitioner                sw
    3          Khan                         GP1  practitioner                dr
    """
    if not isinstance(chron, Chronology):
        raise TypeError(f"find_names() takes a Chronology, not {type(chron).__name__}")
    pattern, member_of, role_of, stop, may_name = _vocabulary()
    cells = _discovery_cells(chron)
    if cells.empty:
        return pd.DataFrame(columns=_CANDIDATE_COLUMNS)
    codes, uniques = pd.factorize(cells["text"])
    distinct = pd.Series(uniques, dtype=object)
    first_row = pd.Series(np.arange(len(codes))).groupby(codes).first().to_numpy()
    counts = np.bincount(codes, minlength=len(uniques))
    capitals: set[str] = set()
    lower_words = _lower_words(distinct, capitals)
    common_names = _common_words()[0]
    hits: list[dict[str, Any]] = []

    def add(
        tokens: list[str],
        *,
        title: str | None,
        cue: str | None,
        text_id: int,
        ctx: str,
        from_cue_side: str,
        owner: str | None = None,
        initials: str | None = None,
        number: str | None = None,
        extra: tuple[str, ...] = (),
        suffix: str = "",
    ) -> None:
        # a surname in capitals is the name ("Tracey SMITH" is Tracey Smith); one apostrophe
        # ("O’Neill" is the O'Neill written elsewhere)
        tokens = [
            (t.title() if len(t) > 1 and t.isupper() else t).replace("’", "'") for t in tokens
        ]
        # keep the run of name words next to the cue (after it, or before it)
        # (a name that is also a word the vocabularies know, "Young", "Lane", "King", is
        # kept next to a name word: "Mother (Jo Young)" is Jo Young, not Jo)
        kept = [
            t.lower() not in stop
            or (
                t.lower() in common_names
                and any(
                    0 <= j < len(tokens) and tokens[j].lower() not in stop for j in (i - 1, i + 1)
                )
            )
            for i, t in enumerate(tokens)
        ]
        run: list[str] = []
        order = range(len(tokens)) if from_cue_side == "after" else range(len(tokens) - 1, -1, -1)
        for i in order:
            if not kept[i]:
                break
            run.append(tokens[i])
        if from_cue_side != "after":
            run.reverse()
        if not run:
            return
        if len(run) == 1 and not title and not initials and run[0].lower() in lower_words:
            return
        # other spellings written here: with the initials ("K. Ahmed"), with the collar number
        # and the cue ("PC 4521 Evans", replaced only as written)
        spellings: list[str] = [e for e in extra if len(run) == len(tokens)]
        whole = len(run) == len(tokens)
        if initials and (whole or from_cue_side == "after"):
            spelled = f"{' '.join(initials.split())} {' '.join(run)}"
            spellings.append(spelled)
            if title and title != "the family":
                spellings.append(f"{title} {spelled}")
        if suffix:  # the role's letters after the name: "Sarah Jones SW" is "SW2"
            spellings.append(f"{' '.join(run)}{suffix}")
            if title and whole:
                spellings.append(f"{title} {' '.join(run)}{suffix}")
        if number and cue and (whole or from_cue_side == "after"):
            spellings.append(f"{cue} {number} {' '.join(run)}")
            spellings.append(f"{number} {' '.join(run)}")
        hits.append(
            {
                "tokens": tuple(run),
                "title": title,
                "cue": cue,
                "text": text_id,
                "context": ctx,
                "owner": owner,
                "extra": tuple(spellings),
            }
        )

    # the Python pattern runs only on the texts where it may match (Arrow, one pass)
    for text_id in np.flatnonzero(_matching(distinct, may_name)).tolist():
        text = distinct.iat[text_id]
        for match in _scan(pattern, str(text), stop):
            g = match.groupdict()
            if g["name"] or g["named"]:  # cue then name
                add(
                    (g["name"] or g["named"]).split(),
                    title=g["title"],
                    # a role in brackets after the name says who they are
                    cue=g["cue_after"] or g["cue"],
                    text_id=text_id,
                    ctx=match.group(),
                    from_cue_side="after",
                    owner=g["owner"],
                    initials=g["init"],
                    number=g["number"],
                    extra=_with_cue(str(text), match, member_of)
                    + _with_rank(str(text), match, role_of),
                )
                # a plural family word names each of a list: "siblings Tyler and Mia"
                if g["name"] and re.search(r"(?:s|ren)$", g["cue"]) and not g["cue_after"]:
                    for also in _listed(str(text), match.end("name")):
                        add(
                            [also],
                            title=None,
                            cue=g["cue"],
                            text_id=text_id,
                            ctx=match.group(),
                            from_cue_side="after",
                        )
            elif g["name2"]:  # name then cue
                if (
                    " " not in g["name2"].strip()
                    and not (g["title2"] or g["init2"])
                    and not match.group().endswith(")")  # "Sarah (sister) said"
                    and re.match(r"[ \t]*[a-z]", str(text)[match.end() :])
                ):
                    continue  # a word, then a noun phrase: "Unkempt, head lice"
                follows = _NAME_AFTER.match(str(text), match.end())
                if (
                    follows is not None
                    and not match.group().endswith(")")
                    and follows.group(1).lower() not in stop
                ):
                    # the cue opens another name: "Reviewer (Dr Alan Webb)", "Report, Dr Khan"
                    continue
                cue_role = role_of.get(_phrase(g["cue2"]), "")
                add(
                    g["name2"].split(),
                    title=g["title2"],
                    cue=g["cue2"],
                    text_id=text_id,
                    ctx=match.group(),
                    from_cue_side="before",
                    initials=g["init2"],
                    # "Ms Smith (HV)", "Jane Brown, HV": the label's own letters after the
                    # name go with it ("HV1", not "HV1 (HV)")
                    extra=(match.group().strip(),)
                    if ROLE_LABELS.get(cue_role, "").strip() == g["cue2"].strip()
                    and re.search(r"[(,]", match.group())
                    else (),
                    suffix=g["spaced"] + g["cue2"] if g["spaced"] else "",
                )
            elif g["name3"]:  # a title
                add(
                    g["name3"].split(),
                    title=g["title3"],
                    cue=None,
                    text_id=text_id,
                    ctx=match.group(),
                    from_cue_side="after",
                    initials=g["init3"],
                )
            elif g["name5"] or g["name6"]:  # a surname in capitals
                words = (g["name5"] or f"{g['name6']} {g['caps6']}").split()
                if words[-1].lower() in stop or words[0].lower() in lower_words:
                    continue
                caps = words[-1]
                add(
                    [*words[:-1], caps.title()],
                    title=None,
                    cue=None,
                    text_id=text_id,
                    ctx=match.group(),
                    from_cue_side="after",
                    extra=(match.group(),),
                )
            elif g["name8"]:  # a name and an age
                add(
                    g["name8"].split(),
                    title=None,
                    cue=None,
                    text_id=text_id,
                    ctx=match.group(),
                    from_cue_side="after",
                )
            elif g["name7"]:  # a name and a job title in brackets
                add(
                    g["name7"].split(),
                    title=None,
                    cue="practitioner",
                    text_id=text_id,
                    ctx=match.group(),
                    from_cue_side="after",
                )
            elif g["name4"]:  # the X family
                add(
                    g["name4"].split(),
                    title="the family",
                    cue="family",
                    text_id=text_id,
                    ctx=match.group(),
                    from_cue_side="after",
                )
    # a practitioner cell that is only a name: "Jane Brown", or a name and the role's
    # letters after it: "Jane Brown HV", "Jane Brown SW"
    whole = re.compile(
        rf"\s*(?:(?P<title>{'|'.join(TITLES)})\.?\s+)?(?P<init>{_INITIALS})?(?P<name>{_NAMEC})"
        rf"(?:[ \t]+(?P<role>[A-Z]{{2,5}}\d*))?\s*"
    )
    prac = cells["column"].eq(S.PRACTITIONER).to_numpy()
    # a practitioner cell written surname first, as staff systems list people: "Brown, Jane",
    # "BROWN, Jane (HV)", "Brown, Jane HV": Jane Brown (not a "Jane" of another cue)
    for text_id in np.unique(codes[prac]).tolist():
        cell = str(distinct[text_id])
        found = _SURNAME_FIRST.fullmatch(cell)
        if not found or found.group("surname").lower() in stop:
            continue
        role = _phrase(found.group("role") or found.group("letters") or "")
        surname = found.group("surname")
        if found.group("initials") and (surname.isupper() and len(surname) < 3):
            continue  # "SW J" is a role and an initial
        first = found.group("first") or ""
        tokens = [*first.split(), surname]
        hits[:] = [h for h in hits if h["text"] != text_id or not set(h["tokens"]) <= set(tokens)]
        add(
            tokens,
            title=found.group("title"),
            cue=role if role in role_of else "practitioner",
            text_id=text_id,
            ctx=cell,
            from_cue_side="after",
            extra=(cell.strip(),),
        )
    seen = {hit["text"] for hit in hits}
    for text_id in np.setdiff1d(np.unique(codes[prac]), list(seen)):
        found = whole.fullmatch(str(distinct[text_id]))
        if found and (found.group("title") or found.group("init") or " " in found.group("name")):
            role = (found.group("role") or "").lower()
            add(
                found.group("name").split(),
                title=found.group("title"),
                cue=role if role in role_of else "practitioner",
                text_id=int(text_id),
                ctx=found.group(),
                from_cue_side="after",
                initials=found.group("init"),
                # "Jane Brown HV" is "HV1", not "HV1 HV"
                extra=(found.group().strip(),) if role in role_of else (),
            )
    for name in names or ():
        words = _words(name)
        hits.append(
            {
                "tokens": tuple(words),
                "title": None,
                "cue": None,
                "text": -1,
                "context": "given",
                "owner": None,
                "extra": (),
            }
        )
    people = _people(hits, cells, first_row, counts, member_of, role_of, distinct, chron)
    # "Kayden Smith" when Tracey Smith is the mother: one of the family too
    more = _family_full_names(people, distinct, counts, stop | _TITLE_WORDS, lower_words)
    # "Sarah Jones visited", no cue: a first name the shipped list knows, and a surname
    family_found = {tuple(hit["tokens"]) for hit in more}
    family_words = {word for tokens in family_found for word in tokens}
    no_cue = [
        hit
        for hit in _first_name_full_names(
            people, distinct, stop | _TITLE_WORDS, lower_words, common_names
        )
        if hit["tokens"] not in family_found
        and not (len(hit["tokens"]) == 1 and hit["tokens"][0] in family_words)
    ]
    # a full name in the chronology's title ("Chronology for Kayden Smith") is the child's,
    # when no child was named otherwise
    titled = set(codes[(cells["column"] == "title").to_numpy()].tolist())
    if titled and not (len(people) and (people["category"] == "child").any()):
        child = next(
            (h["tokens"] for h in no_cue if h["text"] in titled and len(h["tokens"]) > 1), None
        )
        if child is not None and not any(h["cue"] == "child" for h in more):
            for hit in no_cue:
                if hit["tokens"] == child:
                    hit["cue"] = "child"
    more += no_cue
    # a person written by their initials only: "spoke to JB", "SJ said" (not the initials of
    # a name found: those are that person's, see :func:`_derive`)
    more += _initials_hits(distinct, [*hits, *more], capitals)
    if more:
        hits.extend(more)
        people = _people(hits, cells, first_row, counts, member_of, role_of, distinct, chron)
    people = _with_family_surnames(people, distinct)
    # a school that wrote records (its name in the organisation column or a source's title)
    # is an agency of the review, as "North Borough Children's Services" is, not where the
    # child is to be found
    agencies = [
        *cells.loc[cells["column"] == S.ORGANISATION, "text"].unique(),
        *(source.title for source in chron.meta.sources if source.title),
    ]
    identifiers = _identifiers(
        distinct,
        counts,
        first_row,
        cells,
        stop,
        agencies,
        starts=chron.events[S.START],
        words=lower_words,
    )
    if identifiers.empty:
        return people
    return pd.concat([people, identifiers], ignore_index=True) if len(people) else identifiers


#: A practitioner cell with the surname first: "Brown, Jane", "BROWN, Jane (HV)", "Brown, Jane
#: HV", "Okafor, Ms Tola (Team Manager)", "KHAN A (Dr)", "Bloggs J."
_SURNAME_FIRST: Final = regex(
    rf"\s*(?P<surname>{_NAMEWORD}|{_CAPS})(?:,[ \t]*(?:(?P<title>{'|'.join(TITLES)})\.?[ \t]+)?"
    rf"(?P<first>{_NAMEWORD}(?:[ \t]+{_NAMEWORD})?)"
    # or the initials after the surname: "KHAN A (Dr)", "Bloggs J.", "Smith JA (SW)"
    r"|,?[ \t]+(?P<initials>[A-Z]{1,2}\.?|(?:[A-Z]\.[ \t]*){1,2}))"
    r"(?:[ \t]*\([ \t]*(?P<role>[A-Za-z][A-Za-z .'’-]{1,40}?)[ \t]*\)|[ \t]+(?P<letters>[A-Z]{2,5}))?"
    r"\s*"
)


#: a word written in lower case ("said", "hope"), as :func:`_lower_words` finds it
_LOWER_WORD: Final = regex(r"(?<![^\W_])[a-z][a-z'’-]+(?![^\W_])")


def _lower_words(distinct: pd.Series, capitals: set[str] | None = None) -> set[str]:
    """The words the texts write in lower case (:data:`_LOWER_WORD`'s matches). A match is
    made of letters, apostrophes and hyphens and needs no letter or digit on either side,
    so the texts are cut (Arrow) at every other character and only the distinct pieces
    with a lower-case letter are searched: the same words, without a pass of Python's
    regex engine over every text. The pieces of two or three capitals ("GP", "JB") are
    added to ``capitals`` when given (the initials :func:`_initials_hits` may look for)."""
    if not len(distinct):
        return set()
    values = pa.array(distinct.astype(str).tolist(), pa.string())
    # an e-mail or web address is no writing in lower case: "sarah.jones@nhs.net" does not
    # make "jones" a word (nor so "Sarah Jones" a place's or a sentence's words)
    address = pc.match_substring_regex(values, r"@|://|www\.")
    if pc.any(address).as_py():
        cleaned = pc.replace_substring_regex(
            values.filter(address), r"[^\s<>()\[\],;]*(?:@|://|www\.)[^\s<>()\[\],;]*", " "
        )
        values = pa.concat_arrays([values.filter(pc.invert(address)), cleaned])
    pieces = pc.unique(pc.list_flatten(pc.split_pattern_regex(values, r"[^\pL\pN_'’-]+")))
    if capitals is not None:
        capitals.update(pieces.filter(pc.match_substring_regex(pieces, "^[A-Z]{2,3}$")).to_pylist())
    pieces = pieces.filter(pc.match_substring_regex(pieces, "[a-z]"))
    return {word for piece in pieces.to_pylist() for word in _LOWER_WORD.findall(piece)}


def _phrase(phrase: str) -> str:
    """A role phrase as the vocabularies key it ("Health Visitor" is "health visitor")."""
    from .classify import _text as T

    return T.normalise_phrase(phrase)


_LISTED: Final = regex(rf"(?:[ \t]*,[ \t]*|[ \t]+(?:and|&)[ \t]+)({_NAMEWORD})(?![ \t]+[A-Z])")


def _listed(text: str, end: int) -> list[str]:
    """The first names listed after a name ("Tyler and Mia", "Tyler, Mia and Jack"), each a
    single word not followed by another capitalised word (not a full name of someone else)."""
    found: list[str] = []
    while (match := _LISTED.match(text, end)) is not None:
        found.append(match.group(1))
        end = match.end()
    return found


def _scan(pattern: re.Pattern[str], text: str, stop: frozenset[str]) -> Iterator[re.Match[str]]:
    """The cue pattern's matches in ``text``, as ``finditer`` gives them, except that a cue
    whose "name" opens with a word that is no name ("Child A. Dr Muhammad Khan": the
    initial of a pseudonym, then a title) is skipped and the search goes on from that word,
    so that the name after it is found ("Dr Muhammad Khan")."""
    pos = 0
    while (match := pattern.search(text, pos)) is not None:
        name = match.group("name")
        if name and name.split()[0].lower() in stop and match.start("name") > pos:
            pos = match.start("name")
            continue
        yield match
        pos = match.end() if match.end() > match.start() else match.start() + 1


def _family_full_names(
    people: pd.DataFrame,
    distinct: pd.Series,
    counts: np.ndarray,
    stop: frozenset[str],
    lower_words: set[str],
) -> list[dict[str, Any]]:
    """Hits for full names written with a family surname and no cue ("brought Kayden
    Smith"): a relative, or the child when no child was found (the most mentioned)."""
    if people.empty:
        return []
    family = people["category"].isin(["child", "family"])
    names = [str(n) for n in people.loc[family, "name"]]
    surnames = {n.split()[-1] for n in names if " " in n} | set(
        people.loc[people["member_or_role"] == "surname", "name"].astype(str)
    )
    if not surnames:
        return []
    known = {str(n) for n in people["name"]} | {
        a for aliases in people["aliases"] for a in str(aliases).split("; ") if a
    }
    alternation = "|".join(re.escape(s) for s in sorted(surnames, key=len, reverse=True))
    pattern = re.compile(rf"{_LEFT}({_NAMEWORD})[ \t]+({alternation}){_RIGHT}")
    found: dict[tuple[str, str], list[tuple[int, str]]] = {}
    for text_id in np.flatnonzero(_matching(distinct, alternation)).tolist():
        text = str(distinct.iat[text_id])
        for match in pattern.finditer(text):
            first, surname = match.group(1), match.group(2)
            if first.lower() in stop or first.lower() in lower_words:
                continue
            if f"{first} {surname}" in known:
                continue
            if _PLACE_AFTER.match(text, match.end()):
                continue  # "Oak Lane Primary School" when the mother is Tracey Lane: a place
            found.setdefault((first, surname), []).append((text_id, match.group()))
    if not found:
        return []
    mentions = {k: int(sum(counts[t] for t, _ in v)) for k, v in found.items()}
    child = (
        None if (people["category"] == "child").any() else max(mentions, key=lambda k: mentions[k])
    )
    return [
        {
            "tokens": name,
            "title": None,
            "cue": "child" if name == child else "relative",
            "text": text_id,
            "context": context,
            "owner": None,
            "extra": (),
        }
        for name, places in found.items()
        for text_id, context in places
    ]


FIRST_NAMES_FILE: Final = "first_names.csv"


def _plain(name: str) -> str:
    """A name as compared with the names found: "O’Neill" as "O'Neill", "Smith-Jones" as
    "Smith Jones"."""
    return " ".join(name.replace("’", "'").replace("‐", "-").replace("-", " ").split())


@functools.lru_cache(maxsize=1)
def _first_names() -> tuple[frozenset[str], frozenset[str]]:
    """The shipped first names (``data/first_names.csv``): all of them, and those taken
    alone (not places or words as well: ``Jordan``, ``Grace``, ``Victoria`` are not)."""
    from .classify import _text as T

    table = T.read_vocabulary(FIRST_NAMES_FILE, None, required=("name", "alone"), defaults={})
    names = table["name"].astype(str).str.strip()
    alone = table["alone"].astype(str).str.strip().str.lower() == "yes"
    return frozenset(names), frozenset(names[alone])


def _alone_a_name(text: str, match: re.Match[str], alone: bool, verbs: frozenset[str]) -> bool:
    """Whether a first name written alone, with no capitalised word after it, is a person:
    before what a person does ("Jordan said", "Kayden attended"); or, for a name that is
    no place or word as well, inside a sentence ("Child A and Kayden went") or opening one
    before a word in lower case ("Kayden asleep upstairs"), not a heading's one word."""
    after = _NEXT_WORD.match(text, match.end("first"))
    if after is not None and after.group(1) in verbs:
        return True
    if not alone:
        return False
    return after is not None or not _SENTENCE_OPEN.search(text, 0, match.start())


#: what before a first name makes it a place's or an institution's name ("St Thomas",
#: "Queen Elizabeth Hospital", "Princess Alice Hospice")
_INSTITUTION_BEFORE: Final = regex(
    r"(?:^|[^\w])(?:St|St\.|Saint|Queen|King|Prince|Princess|Lady|Lord|Sir|Royal|Mount|Port)"
    r"[ \t]+$"
)


def _first_name_full_names(
    people: pd.DataFrame,
    distinct: pd.Series,
    stop: frozenset[str],
    lower_words: set[str],
    common_names: frozenset[str],
) -> list[dict[str, Any]]:
    """Hits for people written with no cue at all: a first name the shipped list knows
    and a surname ("Sarah Jones visited", "Spoke to Tom Walker"), or the first name alone
    inside a sentence ("Child A and Kayden went to nursery"; not a name that is also a
    place or a word, such as Jordan or Grace). Not the names already found, nor a first
    name before a place word ("Victoria Road") or after "St" or "Queen" ("St Thomas'",
    "Queen Elizabeth Hospital"). Each is proposed as ``Person N`` for the reviewer to
    confirm. The Python pattern runs only on the texts an Arrow (RE2) search keeps."""
    first_names, alone = _first_names()
    verbs = _common_words()[1]
    first_names = frozenset(n for n in first_names if n.lower() not in stop)
    if not first_names:
        return []
    # one spelling of each name found (an apostrophe straight, a hyphen a space)
    known_names = {
        _plain(str(n))
        for n in [
            *people["name"],
            *(a for aliases in people["aliases"] for a in str(aliases).split("; ") if a),
        ]
    }
    known_words = {w for name in known_names for w in name.split()}
    alternation = "|".join(re.escape(n) for n in sorted(first_names, key=len, reverse=True))
    from .classify import _text as T

    # the names as a trie: shared beginnings written once (a plain alternation of a
    # thousand names costs Python's engine a try of each at every capital)
    trie = T.trie_regex(tuple(re.escape(c) for c in n) for n in first_names)
    pattern = re.compile(
        # a double first name ("Mia-Rose", "Jayden-Lee") and a double surname ("Murphy-O'Brien")
        # are one word each
        rf"{_LEFT}(?P<first>{trie}(?:-[A-Z]{_LOWER}+)*){_RIGHT}"
        rf"(?P<rest>(?:[ \t]+(?:{_NAMEWORD}(?:-{_NAMEWORD})*|{_CAPS}{_RIGHT})){{0,2}})"
        rf"(?P<next>[ \t]+[A-Z])?"
    )
    # a name in capitals as police systems write it: "SARAH JONES ARRESTED" (a first name
    # that is no place or word as well, and a surname in capitals after it)
    # (one that is no word in any case: "SARAH", not "GRACE" or "WILL"), and a surname in
    # capitals after it when a bracket or what a person does follows; alone, in a cell
    # written wholly in capitals ("CALL FROM OLIVIA REGARDING DV")
    words_not = _lower_case_names()
    upper = sorted((n.upper() for n in first_names if n.casefold() in words_not), key=len)[::-1]
    caps_trie = T.trie_regex(tuple(re.escape(c) for c in n) for n in upper)
    caps = re.compile(
        rf"{_LEFT}(?P<first>{caps_trie}(?:-[A-Z]{{2,}})*){_RIGHT}"
        rf"(?:[ \t]+(?P<surname>{_CAPS}){_RIGHT})?"
    )
    found: dict[tuple[str, ...], dict[int, str]] = {}
    # a family word or role in brackets after a name in capitals says who it is: "JOHN
    # SMITH (father)" is the father, "KAREN JONES (HV)" a health visitor
    cue_of: dict[tuple[str, ...], str] = {}
    _, member_of, role_of, _, _ = _vocabulary()

    def a_surname(word: str, text: str, end: int) -> bool:
        low = word.lower()
        if low in stop or (low in lower_words and low not in common_names):
            return False
        return _PLACE_AFTER.match(text, end) is None

    search = rf"\b(?:{alternation}|{'|'.join(map(re.escape, upper))})\b"
    for text_id in np.flatnonzero(_matching(distinct, search)).tolist():
        text = str(distinct.iat[text_id])
        if _TWO_CAPITALS.search(text) and caps.search(text):
            in_capitals = _A_LOWER.search(text) is None
            for match in caps.finditer(text):
                surname = match.group("surname")
                said = _CAPS_SAID.match(text, match.end())
                first = match.group("first").title()
                if _PLACE_AFTER.match(text[match.end("first") :].title()):
                    continue  # "JAMES ROAD ESTATE", "EMMA HOUSE": a place
                if (
                    surname is None
                    or said is None
                    or surname.lower() in verbs
                    or not a_surname(surname, text, match.end())
                    or (
                        said.group(1) is not None  # a bracket after it says a person
                        and said.group(1).lower() not in (verbs | _CAPS_VERBS) - _NOT_SAID
                    )
                ):
                    # "SARAH VERY DRUNK", "TOM WENT TO SCHOOL", "HARRY SEEN": the first name
                    # alone, in a cell written in capitals
                    if in_capitals and first not in known_words:
                        found.setdefault((first,), {}).setdefault(text_id, match.group("first"))
                    continue
                full = (first, surname.title())
                if _plain(" ".join(full)) not in known_names:
                    found.setdefault(full, {}).setdefault(text_id, match.group())
                    bracket = _BRACKETED.match(text, match.end())
                    if bracket is not None and full not in cue_of:
                        cue = T.normalise_phrase(bracket.group(1))
                        if cue in member_of or cue in role_of:
                            cue_of[full] = cue
        for match in pattern.finditer(text):
            first = match.group("first")
            if _INSTITUTION_BEFORE.search(text, max(0, match.start() - 12), match.start()):
                continue
            rest: list[str] = []
            last = match.end("first")
            words = list(re.finditer(r"\S+", match.group("rest")))
            for word in words:
                low = word.group().lower()
                if low in stop or (low in lower_words and low not in common_names):
                    break
                rest.append(word.group().title() if word.group().isupper() else word.group())
                last = match.start("rest") + word.end()
            if _PLACE_AFTER.match(text, last):
                continue  # "Victoria Road", "Grace Jones House": a place
            couple = None if rest or words else _COUPLE.match(text, last)
            if couple is not None and a_surname(couple.group("surname"), text, couple.end()):
                # "Tracey and Darren Smith": Tracey's surname is Smith too
                rest = [couple.group("surname")]
            if rest:
                tokens: tuple[str, ...] = (first, *rest)
            elif (
                words
                or match.group("next")
                or (first.lower() in lower_words and first.casefold() not in words_not)
                or first in known_words
                or not _alone_a_name(text, match, first.split("-")[0] in alone, verbs)
            ):
                continue
            else:
                tokens = (first,)
            tokens = tuple(t.replace("’", "'") for t in tokens)
            spelled = _plain(" ".join(tokens))
            if spelled in known_names or _plain(" ".join(tokens[-2:])) in known_names:
                continue
            found.setdefault(tokens, {}).setdefault(text_id, match.group().strip())
    # a first name that is no word, typed in lower case ("spoke to sarah about mum"): the
    # words the texts write in lower case are known already, so only those few are searched
    typed = sorted(lower_words & words_not - {w.casefold() for w in known_words})
    if typed:
        lowered = regex(rf"{_LEFT}(?:{'|'.join(typed)}){_RIGHT}")
        hit = np.flatnonzero(_matching(distinct, rf"\b(?:{'|'.join(typed)})\b"))
        for text_id in hit.tolist():
            text = str(distinct.iat[text_id])
            for match in lowered.finditer(text):
                if not _in_address(text, match.start()):
                    tokens = (match.group().title(),)
                    found.setdefault(tokens, {}).setdefault(text_id, match.group())
    return [
        {
            "tokens": tokens,
            "title": None,
            "cue": cue_of.get(tokens),
            "text": text_id,
            "context": context,
            "owner": None,
            "extra": (),
        }
        for tokens, places in found.items()
        for text_id, context in places.items()
    ]


#: what says that two or three capitals are a person's initials: "spoke to JB", "call from
#: SJ", "seen by KM", "JB said", "SJ attended" (the words in lower case)
_SAY_VERBS: Final = (
    "said|stated|reported|told|explained|confirmed|denied|disclosed|agreed|advised|asked|"
    "attended|arrived|left|spoke|phoned|rang|emailed|texted|wrote|visited|informed|"
    "requested|admitted|alleged|refused|shouted|threatened|assaulted"
)
_TO_VERBS: Final = (
    "[Ss]poke|[Ss]poken|[Ss]peaking|[Tt]alked|[Mm]et|[Dd]iscussed|[Cc]alls?|[Cc]alled|"
    "[Pp]honed|[Rr]ang|[Tt]old|[Ii]nformed|[Aa]sked|[Aa]dvised|[Cc]ontacted|[Ee]mailed|"
    "[Tt]exted|[Vv]isited|[Ss]een|[Ee]mails?|[Ll]etters?|[Tt]exts?|[Mm]essages?"
)
#: the texts that may name one of ``{0}``, the initials looked for, as :data:`_INITIALS_SAID`
#: does (RE2)
_INITIALS_RE2: Final = (
    rf"(?:{_TO_VERBS})(?:[ \t]+(?:to|with|by|from))?[ \t]+(?:{{0}})\b"
    rf"|\b(?:{{0}})[ \t]+(?:{_SAY_VERBS})\b"
)
_INITIALS_SAID: Final = regex(
    rf"\b(?:{_TO_VERBS})(?:[ \t]+(?:to|with|by|from))?[ \t]+(?P<a>[A-Z]{{2,3}})(?![\w&-]|\.\w)"
    rf"|(?<![\w&.-])(?P<b>[A-Z]{{2,3}})[ \t]+(?:{_SAY_VERBS})\b"
)


def _initials_hits(
    distinct: pd.Series, found: Sequence[Mapping[str, Any]], capitals: Iterable[str]
) -> list[dict[str, Any]]:
    """Hits for people written by their initials alone, in capitals, where the words
    around say a person: "spoke to JB", "SJ said" (:data:`_INITIALS_SAID`). Not letters that
    are a word or an abbreviation (:func:`_abbreviations`: "GP", "ED", "NFA", "CA"), nor the
    initials of a person found by name (their own spelling, :func:`_derive`). ``capitals``:
    the two or three capitals the texts write as a word (:func:`_lower_words`); only those
    left are looked for, and only in the texts an Arrow (RE2) search keeps."""
    abbreviations = _abbreviations()
    known = {
        "".join(t[0] for t in (tokens[0], tokens[-1])).upper()
        for h in found
        if len(tokens := tuple(h["tokens"])) > 1
    }
    wanted = sorted(c for c in capitals if c.lower() not in abbreviations and c not in known)
    if not wanted:
        return []
    hit = np.flatnonzero(_matching(distinct, _INITIALS_RE2.format("|".join(wanted))))
    if not len(hit):
        return []
    out: dict[str, dict[str, Any]] = {}
    for text_id in hit.tolist():
        text = str(distinct.iat[text_id])
        for match in _INITIALS_SAID.finditer(text):
            letters = match.group("a") or match.group("b")
            if letters.lower() in abbreviations or letters in known or letters in out:
                continue
            out[letters] = {
                "tokens": (letters,),
                "title": None,
                "cue": None,
                "text": text_id,
                "context": match.group(),
                "owner": None,
                "extra": (),
            }
    return list(out.values())


_TWO_CAPITALS: Final = re.compile(r"[A-Z][A-Z]")
#: a capitalised word right after a cue: the cue is then that name's ("Dr Alan Webb")
_NAME_AFTER: Final = regex(rf"[ \t]*({_NAMEWORD})")
#: a bracket after a name and what it says: "(father)", "( Mother's partner )"
_BRACKETED: Final = regex(r"[ \t]*\([ \t]*([A-Za-z][A-Za-z '’-]{0,38}?)[ \t]*\)")
_A_LOWER: Final = re.compile(r"[^\W\d_A-Z]")
#: what follows a name in capitals (a bracket, or the word after it): "SARAH JONES (MOTHER)",
#: "SARAH JONES ARRESTED"
_CAPS_SAID: Final = regex(r"[ \t]*(?:\(|[ \t]([A-Z]+)(?![^\W_]))")
#: words after a name in capitals that say a person, beside the ``person_verb`` words
_CAPS_VERBS: Final = frozenset(
    [
        "arrested",
        "charged",
        "cautioned",
        "interviewed",
        "aged",
        "dob",
        "born",
        "assaulted",
        "threatened",
        "shouting",
        "refused",
        "left",
        "returned",
    ]
)
#: ``person_verb`` words that follow a word as well as a name ("UPSET AND CRYING")
_NOT_SAID: Final = frozenset({"and", "also", "then", "not", "who"})


def _in_address(text: str, at: int) -> bool:
    """Whether ``at`` is inside an e-mail or web address ("sarah.jones@nhs.net")."""
    start = max(text.rfind(c, 0, at) for c in " \t\n<>()[],;") + 1
    ends = [i for c in " \t\n<>()[],;" if (i := text.find(c, at)) >= 0]
    piece = text[start : min(ends, default=len(text))]
    return "@" in piece or "://" in piece or piece.lower().startswith("www.")


#: after a first name, "and" and another person's first name and surname: the surname of
#: both ("Tracey and Darren Smith")
_COUPLE: Final = regex(
    rf"[ \t]+(?:and|&)[ \t]+[A-Z]{_LOWER}+(?:-[A-Z]{_LOWER}+)?[ \t]+"
    rf"(?P<surname>{_NAMEWORD}(?:-{_NAMEWORD})*)(?![ \t]+[A-Z])"
)


def _with_family_surnames(people: pd.DataFrame, distinct: pd.Series) -> pd.DataFrame:
    """Give a family member found by first name only ("baby Kayden") the family surname
    the chronology writes after it ("Kayden Smith")."""
    family = people["category"].isin(["child", "family"])
    surnames = {
        name.split()[-1] for name in people.loc[family, "name"] if len(name.split()) > 1
    } | set(people.loc[people["member_or_role"] == "surname", "name"])
    single = family & ~people["name"].str.contains(" ") & (people["member_or_role"] != "surname")
    if not surnames or not single.any():
        return people
    alternation = "|".join(re.escape(s) for s in sorted(surnames))
    text = "\n".join(distinct[_matching(distinct, alternation)].astype(str))
    people = people.copy()
    for i in people.index[single]:
        first = str(people.at[i, "name"])
        found = re.findall(rf"{_LEFT}{re.escape(first)}[ \t]+({alternation}){_RIGHT}", text)
        if found:
            surname = Counter(found).most_common(1)[0][0]
            aliases = [a for a in str(people.at[i, "aliases"]).split("; ") if a]
            people.at[i, "aliases"] = "; ".join(sorted({*aliases, f"{first} {surname}"}))
    return people


#: words written after an "@" that mean "at" ("seen @home", "@ school"), beside the
#: vocabularies' words and the words the chronology writes in lower case
_AT_TEXT: Final = "home work park shop shops church party pub night friends friend mums dads nans"
_AT_WORDS: Final = frozenset(_AT_TEXT.split())


def _a_handle(body: str, words: frozenset[str]) -> bool:
    """Whether what follows an "@" is a social media handle ("darren_smith", "tracey.x88",
    "kayden") rather than "at" ("@home", "@ nursery", "@2pm", "@1430"): a time or a number
    is none; a word is one only in lower case and when the chronology writes it as no word
    elsewhere (a first name typed in lower case is a handle: "@sarah")."""
    if re.fullmatch(r"\d+(?:am|pm|hrs?|h)?", body, re.IGNORECASE):
        return False
    if re.search(r"[\d_.]", body):
        return True
    return body.islower() and body not in words


def _school_name(spelled: str, stop: frozenset[str]) -> str | None:
    """The name of a school as matched, without the sentence's or the vocabularies' words
    before it ("Visited Oakfield Primary" is "Oakfield Primary"), or None when no word of a
    name is left ("Primary School", "The Secondary School")."""
    words = spelled.split()
    saint = words[0].rstrip(".") in ("St", "Saint")
    start = 0
    while not saint and start < len(words) and words[start].lower().strip("'’") in stop:
        start += 1
    kinds = regex(rf"(?:{_SCHOOL_KIND}|School|Academy|College|C|of|E|CofE|CE|RC)")
    names = [w for w in words[start + saint :] if not kinds.fullmatch(w)]
    if not names or all(w.lower() in stop for w in names):
        return None
    # the first word kept, and all that follows it as written (spacing included)
    return spelled[spelled.index(words[start]) :] if start else spelled


def _identifiers(
    distinct: pd.Series,
    counts: np.ndarray,
    first_row: np.ndarray,
    cells: pd.DataFrame,
    stop: frozenset[str] = frozenset(),
    agency_names: Iterable[str] = (),
    *,
    starts: pd.Series | None = None,
    words: Iterable[str] = (),
) -> pd.DataFrame:
    """What identifies a person in the texts without naming them: street addresses,
    postcodes, telephone, NHS and National Insurance numbers, e-mail addresses, dates of
    birth written after "DOB" and schools by name (not a school that wrote records,
    ``agency_names``: an agency). One row per identifier (its spellings in ``aliases``),
    labelled ``[postcode 1]``, ``[telephone 1]``..., category ``identifier``. ``words``:
    the words the texts write in lower case (an "@" before one is "at": "seen @home")."""
    found: dict[tuple[str, str], dict[str, Any]] = {}
    event_days: set[str] | None = None
    handle_words: frozenset[str] | None = None
    identifier = regex(_IDENTIFIER)
    agencies = {_identifier_key("school", str(name).strip()) for name in agency_names}
    # every identifier has a digit or an "@": only those texts are searched (one pass)
    maybe = np.flatnonzero(_matching(distinct, _MAY_IDENTIFY))
    for text_id in maybe.tolist():
        text = str(distinct.iat[text_id])
        for match in identifier.finditer(text):
            kind = match.lastgroup
            if kind is None:
                continue
            spelled = match.group(kind)
            if kind == "nhs" and not _nhs_number(re.sub(r"\D", "", spelled)):
                continue
            if kind == "handle":
                if handle_words is None:
                    handle_words = frozenset(words) - _lower_case_names() | stop | _AT_WORDS
                if not _a_handle(spelled[1:], handle_words):
                    continue
            if kind == "dob" and match.group("born") and starts is not None:
                # "Sibling born 05/02/2011" when the birth is an event of 05/02/2011: its date
                # is kept in the dates, as every event's is, so the text hides nothing by
                # losing it (a date of birth no event has is replaced)
                if event_days is None:
                    days = pd.to_datetime(starts, errors="coerce").dropna().dt.normalize()
                    event_days = {f"{day:%Y-%m-%d}" for day in days.unique()}
                    # a year of birth alone ("born in 2018") is kept when events fall in it
                    event_days |= {f"year {year}" for year in days.dt.year.unique()}
                if _identifier_key(kind, spelled) in event_days:
                    continue
            if kind == "school":
                spelled = _school_name(spelled, stop)
                if spelled is None or _identifier_key(kind, spelled) in agencies:
                    continue
            key = (kind, _identifier_key(kind, spelled))
            entry = found.get(key)
            if entry is None:
                row = int(first_row[text_id])
                entry = found[key] = {
                    "name": spelled,
                    "aliases": set(),
                    "kind": kind,
                    "count": 0,
                    "texts": set(),
                    "where": f"{cells['table'].iat[row]} {cells['row'].iat[row]}, "
                    f"{cells['column'].iat[row]}",
                    "context": text[max(0, match.start() - 20) : match.end() + 20],
                }
            elif spelled != entry["name"]:
                entry["aliases"].add(spelled)
            if text_id not in entry["texts"]:
                entry["texts"].add(text_id)
                entry["count"] += int(counts[text_id])
    if not found:
        return pd.DataFrame(columns=_CANDIDATE_COLUMNS)
    numbers: Counter[str] = Counter()
    rows = []
    for entry in found.values():
        label = IDENTIFIER_LABELS[entry["kind"]]
        numbers[label] += 1
        rows.append(
            {
                "name": entry["name"],
                "aliases": "; ".join(sorted(entry["aliases"])),
                "label": f"[{label} {numbers[label]}]",
                "category": "identifier",
                "member_or_role": entry["kind"],
                "cue": entry["kind"],
                "count": entry["count"],
                "where": entry["where"],
                "context": entry["context"],
            }
        )
    return pd.DataFrame(rows, columns=_CANDIDATE_COLUMNS)


def _discovery_cells(chron: Chronology) -> pd.DataFrame:
    frames = []
    for table, frame in _tables(chron).items():
        row_ids = frame.index.astype(str)
        for column in _text_columns(frame):
            if column in (S.SOURCE_FILE, S.DATE_TEXT, S.DUPLICATE_OF, S.SEQUENCE):
                continue
            values = frame[column]
            keep = values.notna().to_numpy(dtype=bool)
            if not keep.any():
                continue
            part = pd.DataFrame(
                {
                    "table": table,
                    "row": np.asarray(row_ids)[keep],
                    "column": column,
                    "text": values[keep].astype(object).to_numpy(),
                    "agency": (
                        frame[S.AGENCY].astype(object).to_numpy()[keep]
                        if S.AGENCY in frame.columns
                        else None
                    ),
                }
            )
            frames.append(part)
    if chron.meta.title:
        frames.append(
            pd.DataFrame(
                {
                    "table": ["meta"],
                    "row": ["0"],
                    "column": ["title"],
                    "text": [chron.meta.title],
                    "agency": [None],
                }
            )
        )
    if not frames:
        return pd.DataFrame(columns=["table", "row", "column", "text", "agency"])
    return pd.concat(frames, ignore_index=True)


def _people(
    hits: list[dict[str, Any]],
    cells: pd.DataFrame,
    first_row: np.ndarray,
    counts: np.ndarray,
    member_of: Mapping[str, str],
    role_of: Mapping[str, str],
    distinct: pd.Series,
    chron: Chronology,
) -> pd.DataFrame:
    from .classify import _text as T
    from .classify.roles import roles_from_practitioners

    if not hits:
        return pd.DataFrame(columns=_CANDIDATE_COLUMNS)
    frame = pd.DataFrame(hits, dtype=object)
    text_ids = frame["text"].to_numpy(dtype=np.int64)
    found_in = text_ids >= 0
    where_row = first_row[np.clip(text_ids, 0, None)] if len(first_row) else text_ids * 0
    column = cells["column"].to_numpy(dtype=object)[where_row]
    agency = cells["agency"].to_numpy(dtype=object)[where_row]
    frame["agency"] = pd.Series(agency, index=frame.index, dtype=object).where(found_in, None)
    where = (
        cells["table"].astype(str).to_numpy(dtype=object)[where_row]
        + " "
        + cells["row"].astype(str).to_numpy(dtype=object)[where_row]
        + ", "
        + column.astype(str)
    )
    frame["where"] = np.where(found_in, where, "given")
    frame["count"] = np.where(found_in, counts[np.clip(text_ids, 0, None)], 0)
    frame["in_practitioner"] = found_in & (column == S.PRACTITIONER)
    # one hit per spelling, cue and recording agency: a name written in 10,000 texts is
    # grouped once, with their rows counted (the first text's place and context kept)
    same: dict[tuple[Any, ...], int] = {}
    group = np.fromiter(
        (
            same.setdefault(k, len(same))
            for k in zip(
                frame["tokens"],
                frame["title"],
                frame["cue"],
                frame["owner"],
                frame["extra"],
                frame["agency"],
                frame["in_practitioner"],
                strict=True,
            )
        ),
        dtype=np.int64,
        count=len(frame),
    )
    if len(same) < len(frame):
        total = np.bincount(group, weights=frame["count"].to_numpy(dtype=np.float64))
        firsts = np.unique(group, return_index=True)[1]
        frame = frame.iloc[firsts].reset_index(drop=True)
        frame["count"] = total[group[firsts]].astype(np.int64)
    # what each cue says: a family member or a role
    cues = frame["cue"].fillna("").map(T.normalise_phrase)
    roles = roles_from_practitioners(
        pd.Series([c if c in role_of else None for c in cues], dtype="string"),
        frame["agency"],
    ).astype(object)
    fallback = _agency_roles()
    member: list[str | None] = []
    role: list[str | None] = []
    for cue, title, in_practitioner, found, agency in zip(
        cues, frame["title"], frame["in_practitioner"], roles, frame["agency"], strict=True
    ):
        is_member = cue in member_of
        is_role = cue in role_of
        titled = bool(title) and title != "the family"
        if title == "the family":
            member.append("surname")
            role.append(None)
        elif is_member and (not is_role or not (titled or in_practitioner)):
            member.append(member_of[cue])
            role.append(None)
        elif is_role:
            member.append(None)
            role.append(str(found) if pd.notna(found) else None)
        elif cue == "practitioner" or (in_practitioner and titled):
            member.append(None)
            role.append(fallback.get(str(agency), "other"))
        else:
            member.append(None)
            role.append(None)
    frame["member"] = pd.Series(member, index=frame.index, dtype=object)
    frame["role"] = pd.Series(role, index=frame.index, dtype=object)
    frame["cue_text"] = cues.astype(object)

    # group the spellings of one person: full names first, then single words and titled
    # surnames that belong to exactly one of them
    people: list[dict[str, Any]] = []
    index: dict[tuple[str, ...], int] = {}
    frame["n_tokens"] = frame["tokens"].map(len)
    order = frame.sort_values("n_tokens", ascending=False, kind="stable")
    for row in order.itertuples(index=False):
        tokens: tuple[str, ...] = tuple(row.tokens)  # type: ignore[arg-type]
        kind = (row.member, row.role)
        gender = _GENDER.get(str(row.title or "").lower(), "") or (
            _cue_gender(str(row.cue_text)) if row.member else ""
        )
        key: tuple[str, ...] = tokens
        target = index.get(tokens)
        if target is not None and _other_kind(kind, people[target]["kind"]):  # type: ignore[arg-type]
            # "PC Brown" is not the "Nana Brown" found before: a relative is no practitioner
            key = (*key, "#" + str(kind))
            target = index.get(key)
        if target is not None and gender and people[target]["genders"] - {gender}:
            # "Mr Pike" is not the "Mrs Pike" found before: another person of that surname
            key = (*key, "#" + gender)
            target = index.get(key)
        if target is None and len(tokens) == 2:
            # the same person with the first name spelt another way: "Tracy Smith" beside
            # "Mother (Tracey Smith)", "Dr Muhammad Khan" beside "Dr Mohammed Khan"
            variants = [
                i
                for i, p in enumerate(people)
                if len(p["tokens"]) == 2
                and p["tokens"][1] == tokens[1]
                and _first_name_variant(p["tokens"][0], tokens[0])
                and not _other_kind(kind, p["kind"])  # type: ignore[arg-type]
                and not (gender and p["genders"] - {gender})
            ]
            if len(variants) == 1:
                target = variants[0]
        if target is None and len(tokens) == 1 and row.member != "surname":
            owners = [
                i
                for i, p in enumerate(people)
                if len(p["tokens"]) > 1
                and (
                    tokens[0] in (p["tokens"][0], p["tokens"][-1])
                    # the first part of a double first name, for the same member or role:
                    # "mum Kerry" is the mother Kerry-Ann Doyle
                    or (
                        kind != (None, None)
                        and p["kind"] == kind
                        and _short(p["tokens"][0]) == tokens[0]
                    )
                )
                and (kind == (None, None) or p["kind"] == (None, None) or p["kind"] == kind)
                and not (gender and p["genders"] - {gender})
            ]
            if row.title:
                owners = [i for i in owners if people[i]["tokens"][-1] == tokens[0]]
            if len(owners) == 1:
                target = owners[0]
        if target is None:
            people.append(
                {
                    "tokens": tokens,
                    "aliases": set(),
                    "hits": [],
                    "kind": kind,
                    "surname": False,
                    "genders": set(),
                }
            )
            target = len(people) - 1
            index[key] = target
        person = people[target]
        spelled = " ".join(tokens)
        if row.title and row.title != "the family":
            spelled = f"{row.title!s} {spelled}"
        if spelled != " ".join(person["tokens"]):
            person["aliases"].add(spelled)
        person["aliases"].update(row.extra)
        if gender:
            person["genders"].add(gender)
        person["hits"].append(row)
        if row.member == "surname" and len(person["tokens"]) == 1:
            person["surname"] = True
    return _label_people(people, distinct, chron, member_of)


#: A spelling that opens with one of :data:`_CUES_LABELLED` (see :func:`_exact`).
_CUED: Final = regex(
    r"(?i:(?:mother|mum|mummy|mom|dad|father|daddy)['’]s[ \t]+[a-z][a-z -]*|"
    r"mother|mum|mummy|mom|mo|father|dad|daddy|fa|partner|mgm|pgm|mgf|pgf|"
    r"(?:maternal|paternal)[ \t]+(?:grand(?:mother|father)|aunt|uncle)|nan|nana|nanna|nanny|gran|granny|grandma|"
    r"grandmother|grandad|granddad|grandpa|grandfather|aunt|auntie|aunty|uncle|cousin)[ \t]+\S"
)
#: A spelling that opens with a rank or a role's capitals before a name ("DS Patel", "SW J
#: Okafor", "Det Sgt Jones"; see :func:`_with_rank`): not "JANE BROWN", a name in capitals.
_RANKED: Final = regex(
    r"(?P<rank>(?:[A-Z]{2,5}|(?i:sgt|insp|det|detective|sergeant|inspector|constable))\.?"
    r"(?:[ \t]+(?i:sgt|con|insp)\.?)?)[ \t]+[A-Z](?:[a-z'’]|\.|[ \t]+[A-Z])"
)
#: A name with a role's capitals after it, as a practitioner cell writes it ("Jane Brown HV").
_ROLE_AFTER: Final = regex(r"[a-z'’][ \t]+[A-Z]{2,5}\d*\s*$")
#: Family words a label says all of: "Mother Kerry-Ann Doyle (22)" becomes "Mother (22)",
#: not "Mother Mother (22)"; "MGM Mrs Brenda Doyle" "Maternal grandmother". (Not "ex-partner",
#: "birth mother", "brother": the label would lose what the word says.)
_CUES_LABELLED: Final = frozenset(
    (
        "mother", "mum", "mummy", "mom", "mo", "father", "dad", "daddy", "fa", "partner",
        "mgm", "pgm", "mgf", "pgf", "maternal grandmother", "paternal grandmother",
        "maternal grandfather", "paternal grandfather", "nan", "nana", "nanna", "nanny",
        "gran", "granny", "grandma", "grandmother", "grandad", "granddad", "grandpa",
        "grandfather", "aunt", "auntie", "aunty", "uncle", "cousin", "maternal aunt",
        "paternal aunt", "maternal uncle", "paternal uncle",
    )
)  # fmt: skip


_FEMALE_CUE: Final = regex(
    r"(?:^|\s|grand|step|half)(?:mother|mum|mummy|mom|nan|nana|nanna|nanny|gran|granny|grandma|"
    r"sister|aunt|auntie|aunty|niece|daughter|wife|girlfriend|mgm|pgm)$"
)
_MALE_CUE: Final = regex(
    r"(?:^|\s|grand|step|half)(?:father|dad|daddy|grandad|granddad|grandpa|brother|uncle|"
    r"nephew|son|husband|boyfriend|mgf|pgf)$"
)


def _cue_gender(cue: str) -> str:
    """ "f" or "m" when a family word says it ("nana", "maternal grandfather"), else ""."""
    if _FEMALE_CUE.search(cue):
        return "f"
    return "m" if _MALE_CUE.search(cue) else ""


def _first_name_variant(one: str, other: str) -> bool:
    """Whether two first names are one spelt two ways ("Tracey", "Tracy"; "Steven",
    "Stephen"; "Mohammed", "Muhammad"): the same initial, four letters or more, one or (from
    six letters) two letters apart, and neither the start of the other ("Daniel",
    "Danielle", and "Louis", "Louise", are two people)."""
    a, b = one.casefold(), other.casefold()
    if a == b or a[:1] != b[:1] or min(len(a), len(b)) < 4 or a.startswith(b) or b.startswith(a):
        return False
    limit = 1 if min(len(a), len(b)) < 6 else 2
    if abs(len(a) - len(b)) > limit:
        return False
    previous = list(range(len(b) + 1))  # edit distance, row by row
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1] <= limit


def _other_kind(kind: tuple[str | None, str | None], other: tuple[str | None, str | None]) -> bool:
    """Whether two cues say two people: one a family member, the other a practitioner
    ("Nana Brown", "PC Brown"). Two roles may be one person ("Dr Fenwick", "Dr Fenwick
    (paediatrician)"), as may two family words ("partner Liam", "father Liam")."""
    return bool((kind[0] and other[1]) or (kind[1] and other[0]))


def _with_cue(
    text: str, match: re.Match[str], members: Mapping[str, str] | None = None
) -> tuple[str, ...]:
    """The cue and the name as one spelling, when the label will say all the cue says and
    only spaces (and a title) stand between them ("Mother Kerry-Ann Doyle"); else none. A
    parent's relative ("Mum's boyfriend Kyle", "Dad's sister Kelly") is labelled after the
    parent ("Mother's partner", "Father's sister"), so the owner goes with them too."""
    cue, name = match.group("cue"), match.group("name")
    if name is None or match.group("init") or match.group("number"):
        return ()
    owner = match.group("owner")
    if owner:
        if owner.lower() not in _PARENT_OWNERS or _phrase(cue) not in (members or {}):
            return ()
    elif " ".join(cue.lower().split()) not in _CUES_LABELLED:
        return ()
    gap = text[
        match.end("cue") : match.start("title") if match.group("title") else match.start("name")
    ]
    if gap.strip(" \t"):
        return ()
    return (text[match.start("owner" if owner else "cue") : match.end("name")],)


#: The parents a relative is written after ("Mum's boyfriend"): :func:`_with_cue`.
_PARENT_OWNERS: Final = frozenset(("mum", "mother", "mummy", "mom", "dad", "father", "daddy"))


def _with_rank(text: str, match: re.Match[str], role_of: Mapping[str, str]) -> tuple[str, ...]:
    """The rank or role written before a practitioner's name and the name as one spelling
    ("DS Patel", "Sgt Jones", "SW Ms Okafor"), when only spaces (and a title or initials)
    stand between them: the label stands for both, as for "PC 4521 Evans", so the text
    reads "DC1 attended", not "DS DC1 attended". A role word written in full ("social
    worker Jones") stays before the label."""
    cue, name = match.group("cue"), match.group("name")
    if name is None or match.group("owner") or match.group("number"):
        return ()
    from .classify import _text as T

    role = role_of.get(T.normalise_phrase(cue))
    if role is None or cue.lower() in _TITLE_WORDS:
        return ()
    if ROLE_LABELS.get(role, "").strip() == cue:  # "SW Ms Patel": the label's own letters
        return ()  # already go with every spelling of the name
    spelled = text[match.start("cue") : match.end("name")]
    if not _RANKED.match(spelled):
        return ()
    after = match.start("title") if match.group("title") else match.start("name")
    if match.group("init") and not match.group("title"):
        after = match.start("init")
    if text[match.end("cue") : after].strip(" \t."):
        return ()
    return (spelled,)


def _short(first: str) -> str | None:
    """The first part of a hyphenated first name ("Kerry" of "Kerry-Ann"), else None."""
    parts = re.split(r"[-‐‑]", first, maxsplit=1)
    return parts[0] if len(parts) > 1 and len(parts[0]) > 1 else None


def _label_people(
    people: list[dict[str, Any]],
    distinct: pd.Series,
    chron: Chronology,
    member_of: Mapping[str, str],
) -> pd.DataFrame:
    rows = []
    for person in people:
        hits = person["hits"]
        votes: Counter[tuple[str | None, str | None, str]] = Counter()
        for hit in hits:
            if hit.member == "surname":
                continue
            if hit.member or hit.role:
                votes[(hit.member, hit.role, hit.cue_text)] += max(hit.count, 1)
        if votes:
            (member, role, cue), _n = votes.most_common(1)[0]
        else:
            member, role, cue = None, None, hits[0].cue_text
        # whose relative the cue says they are ("Darren's mother"): the owner written most
        # often with the winning cue, unless most of those hits name no owner
        owners: Counter[str] = Counter()
        for hit in hits:
            if (hit.member, hit.role, hit.cue_text) == (member, role, cue) and member:
                owners[str(hit.owner or "")] += max(hit.count, 1)
        owner = owners.most_common(1)[0][0] if owners else ""
        surname_only = person["surname"] or (not votes and all(h.member == "surname" for h in hits))
        category = (
            "family"
            if surname_only
            else "child"
            if member == "child"
            else "family"
            if member
            else "practitioner"
            if role
            else "other"
        )
        rows.append(
            {
                "name": " ".join(person["tokens"]),
                "aliases": "; ".join(sorted(person["aliases"])),
                "category": category,
                "member_or_role": "surname" if surname_only else (member or role or ""),
                "cue": cue or "",
                "count": sum(h.count for h in hits),
                "where": hits[0].where if hits else "",
                "context": hits[0].context if hits else "",
                "owner": owner,
                "genders": person["genders"],
            }
        )
    frame = pd.DataFrame(rows)
    # one word naming two people told apart by their cues ("Nana Brown", "PC Brown"): each
    # that was written with a rank or a title is named by that spelling, so that the bare
    # word is a spelling of the one written without (or of both: the family's label)
    names = frame["name"].astype(str)
    for name in names[names.duplicated(keep=False) & ~names.str.contains(" ")].unique():
        # the practitioners first (written with their rank), then, if still two, the others
        same = frame.index[frame["name"] == name]
        practitioners = [i for i in same if frame.at[i, "category"] == "practitioner"]
        others = [i for i in same if i not in practitioners]
        for i in practitioners + (others if len(others) > 1 else []):
            written = [a for a in str(frame.at[i, "aliases"]).split("; ") if a]
            spelled = sorted(
                (
                    a
                    for a in written
                    if a.endswith(f" {name}") and (_RANKED.match(a) or a.split()[0] in TITLES)
                ),
                key=lambda a: (not _RANKED.match(a), len(a), a),
            )
            if spelled:
                frame.at[i, "name"] = spelled[0]
                frame.at[i, "aliases"] = "; ".join(a for a in written if a != spelled[0])
    # a surname alone names no one when two people of it were told apart by their titles
    # ("Mr Pike", "Mrs Pike"): the person is named by the title, so that the bare surname
    # is a spelling of both (the family's label)
    surnames = frame["name"].astype(str).str.split().str[-1].value_counts()
    for i in frame.index:
        name = str(frame.at[i, "name"])
        if " " in name or not frame.at[i, "genders"]:
            continue
        shared = surnames.get(name, 0) > 1
        titled = sorted(  # a title's spelling first: "Mr Brown", not "2231 Brown"
            (a for a in str(frame.at[i, "aliases"]).split("; ") if a.endswith(name)),
            key=lambda a: (a.split()[0].rstrip(".") not in TITLES, a),
        )
        if shared and titled:
            aliases = {a for a in str(frame.at[i, "aliases"]).split("; ") if a} - {titled[0]}
            frame.at[i, "name"] = titled[0]
            frame.at[i, "aliases"] = "; ".join(sorted(aliases))
    # surnames that only say "the X family" and belong to a person found are not people
    full_surnames = {
        n.split()[-1]
        for n, c in zip(frame["name"], frame["member_or_role"], strict=True)
        if " " in n and c != "surname"
    }
    frame = frame[
        ~((frame["member_or_role"] == "surname") & frame["name"].isin(full_surnames))
    ].reset_index(drop=True)
    labels = _assign_labels(frame, distinct, chron, member_of)
    frame.insert(2, "label", labels)
    category_order = {"child": 0, "family": 1, "practitioner": 2, "other": 3}
    member_order = {m: i for i, m in enumerate(("surname", *S.FAMILY_MEMBERS))}
    frame["_c"] = frame["category"].map(category_order)
    frame["_m"] = frame["member_or_role"].map(member_order).fillna(len(member_order))
    frame = frame.sort_values(["_c", "_m"], kind="stable")
    return frame[_CANDIDATE_COLUMNS].reset_index(drop=True)


def _assign_labels(
    frame: pd.DataFrame, distinct: pd.Series, chron: Chronology, member_of: Mapping[str, str]
) -> list[str]:
    from .classify import _text as T

    labels: list[str] = [""] * len(frame)
    used: Counter[str] = Counter()
    child_done = False
    # the child: the most mentioned
    by_count = frame.sort_values("count", ascending=False, kind="stable")
    for i in by_count.index:
        if frame.at[i, "category"] == "child" and not child_done:
            labels[i] = FAMILY_LABELS["child"]
            child_done = True
        elif frame.at[i, "category"] == "child":  # another child of the family
            frame.at[i, "member_or_role"] = "sibling"
            frame.at[i, "category"] = "family"
    family = _family_label(labels)
    if family == "Family":
        family = "Family A"

    def named(i: int, word: str) -> bool:
        return word in str(frame.at[i, "name"]).split() or any(
            word in alias.split() for alias in str(frame.at[i, "aliases"]).split("; ")
        )

    def owner_label(i: int, owner: str) -> str | None:
        """The label of the person whose relative row ``i`` is ("Darren's mother"), or None
        when the chronology does not say who that is."""
        phrase = T.normalise_phrase(owner)
        if phrase in member_of:  # "Mum's friend", "Dad's partner"
            member = member_of[phrase]
            if member == "grandparent":
                return _grandparent_label(phrase)
            return FAMILY_LABELS["child"] if member == "child" else FAMILY_LABELS.get(member)
        others = [j for j in frame.index if j != i and named(j, owner)]
        return labels[others[0]] or None if len(others) == 1 else None

    def says_whose(i: int) -> bool:
        """Whether the member's own label already says whose relative it is: "Mum's
        boyfriend" is the "Mother's partner"."""
        whose = owner_label(i, str(frame.at[i, "owner"]))
        member = FAMILY_LABELS.get(str(frame.at[i, "member_or_role"]), "")
        return whose == FAMILY_LABELS["child"] or member.startswith(f"{whose}'s ")

    # a relative of someone else ("Leanne's sister Chloe", "Darren's mother Mrs Pike") is
    # labelled after that person, once the others have their labels; of the child, as any
    owned = {
        i: str(frame.at[i, "owner"])
        for i in frame.index
        if not labels[i]
        and frame.at[i, "owner"]
        and frame.at[i, "category"] == "family"
        and not says_whose(i)
    }
    values = pa.array(distinct.astype(str).tolist(), pa.string())
    counters: dict[str, int] = {}
    for i in frame.index:
        if labels[i] or i in owned:
            continue
        category = frame.at[i, "category"]
        what = str(frame.at[i, "member_or_role"])
        if what == "surname":
            labels[i] = family
            continue
        if category == "practitioner":
            prefix = ROLE_LABELS.get(what, ROLE_LABELS["other"])
            if prefix not in counters:
                # (only the texts holding the code's letters are searched)
                texts = " \n ".join(
                    values.filter(pc.match_substring(values, prefix.strip())).to_pylist()
                )
                existing = re.findall(
                    rf"(?<![^\W_]){re.escape(prefix.strip())}\s?(\d+)(?!\d)", texts
                )
                counters[prefix] = max((int(n) for n in existing), default=0)
            counters[prefix] += 1
            labels[i] = f"{prefix}{counters[prefix]}"
            continue
        if category == "family":
            cue = str(frame.at[i, "cue"])
            if what == "grandparent":
                base = _grandparent_label(cue)
            elif what == "family" and cue.rstrip("s") not in ("family", "parent", "relative"):
                base = cue.capitalize()  # "maternal uncle", "cousin"
            else:
                base = FAMILY_LABELS.get(what, "Relative")
        else:
            base = "Person"
        used[base] += 1
        if base in _NUMBERED:
            labels[i] = f"{base} {used[base]}"
        else:
            labels[i] = base if used[base] == 1 else f"{base} {used[base]}"
    for i, owner in owned.items():
        whose = owner_label(i, owner)
        # ("Relative" when the chronology does not say who the owner is)
        base = f"{whose}'s {frame.at[i, 'cue']!s}" if whose and whose != family else "Relative"
        frame.at[i, "member_or_role"] = "family"
        used[base] += 1
        if base in _NUMBERED:
            labels[i] = f"{base} {used[base]}"
        else:
            labels[i] = base if used[base] == 1 else f"{base} {used[base]}"
    return labels
