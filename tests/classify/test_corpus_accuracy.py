"""Accuracy of the classifiers on a hand-labelled corpus of chronology rows.

``tests/data/classification_corpus.csv`` holds FICTIONAL chronology rows written in the
styles practitioners use (codes, abbreviations, typos, long narrative cells), for every
event type and agency in GLOSSARY.md, with 50+ negated or conditional injury mentions.
Columns: ``agency_written``, ``practitioner``, ``details``, ``outcome``,
``counterparts_text``, ``child_age_days`` (the input), and the expected ``agency``,
``event_type``, ``injury``, ``injury_kinds`` and ``counterparts`` ("; "-joined), and
``negated_or_conditional`` (the row mentions injuries, all negated, hypothetical, someone
else's or earlier ones referred back to).

Labelling conventions (decided before the classifiers were written):

* ``event_type`` is what the row is mostly about: the recording agency's contact, not
  events it plans ("strategy discussion to be held") or refers back to ("following the
  s47"); GLOSSARY.md decides ("joint investigation" is an ``s47_enquiry``; a health
  visitor's visit to the home is a ``home_visit``, a developmental check a
  ``health_visit``; an antenatal contact (booking, ANC, scan) is the mother's appointment
  with maternity services, an ``office_visit``; a visit that did not reach the family
  ("no reply", "card left", "unable to gain access") is a missed contact, a ``dna``; a
  disagreement the row records as escalated is an ``escalation``).
* ``injury`` is an injury to the child observed or reported at this event, not negated,
  hypothetical or someone else's (Mother's black eye), and not an earlier injury referred
  back to ("previous fracture", "history of bruising", "after the burn", "the bruising of
  01/05/2007", "the injuries seen on 13/12"): such a row is not a new injury.
  "Bruises of different ages" is an injury seen now. ``injury_kinds`` lists the specific
  kinds; ``other`` only when no specific kind is named.
* ``counterparts``: every agency named in the row (alias table, practitioner codes such as
  "DC1", "TM" or "Dr P1", a paediatrician) as taking part in a contact that happened,
  except the recording agency and words that name a condition rather than a service
  ("Mother's mental health"); an agency named in a contact that did not happen ("CSC not
  told", "not shared with SW1", "no referral to CSC", "school not invited") or is only
  planned or hypothetical ("will refer to CSC", "CP medical to be arranged", "attend A&E
  if worse") is not a counterpart. Family members named ("Mother's partner" names the
  partner only; aunts and uncles are ``family``), whether or not they took part ("Mother
  did not attend"); ``child`` only when the counterparts column lists the child;
  children's social care for a referral sent by another agency that names no other
  agency, or a police notification (Merlin); the courts for a court event that happened;
  children's social care for another agency's record of a strategy discussion, a child
  protection conference, a core group or a CIN meeting (children's social care convenes
  them: "Strategy discussion attended" by the police, "Attended ICPC" by the school).

The first 425 rows were written before the classifiers, which were then developed against
them, so figures on them are in-sample. The last 60 rows were written afterwards as a
held-out check; on their first run the classifiers scored 81.7% on event types and 8 of 9
on injuries (one "plaster on his forehead" miss, and one "visit after the burn" row, which
is labelled no injury since back-references stopped counting as injuries). Gaps they
exposed were fixed in the vocabularies, so they are in-sample now too. The rows after
those cover negated and planned contacts, "Dr P1", back-references to earlier injuries,
refused child protection plans and the event types GLOSSARY.md gives attempted visits,
disclosures, school absences and police detentions; they were written with the fixes.
The last 24 rows are terse house-style entries from every agency ("Strat disc", "Sup'n
with TM3", "Cx not seen", "12 month review DNA", "F2F appt", "PPN submitted", "RUI",
"Existing injury form", "Keywork session"), written with the vocabulary that reads them
(tests/classify/test_realworld_wording.py), so they are in-sample too. The last 20 rows
are referrals advised, planned or made, visits planned or made by appointment, and the
family's history with an agency as a parent tells it, from GP, health visiting, A&E,
school, police, housing, midwifery and social care: written with the fixes they exposed.
The last 36 rows are entries from GP, health visiting, midwifery, A&E and radiology, school,
police, housing, probation, CAMHS, a drug and alcohol service, adult mental health and
social care, checked as a reviewer would: agency names that are ordinary words ("GP to send
letter", "no answer at the front door", "housing benefit", "Father is in prison"), references
to another agency's activity ("the school had previously raised concerns", "as per police
advice last month", "police investigation continuing"), police notifications as referrals,
probation and housing appointments. They were written after a first check of 42 such
entries, whose misreadings were fixed; on their own first run 34 of the 36 were read right,
the other two (a forced entry, a tenancy review at the housing office) after the fixes.
The last 18 rows are another agency's records of the meetings children's social care
convenes (three earlier rows, labelled before that convention, were relabelled with it), a
manager's decision by code ("TM1 decision: proceed to s47", "Case reviewed by HoS"), the
police's label in a social care entry ("[Police] attended"), information shared in short
("Info shared with police", "Update from SN at school"), "HV -" opening a social work entry,
a non-accidental head injury queried ("NAHI query - subdural haemorrhage"), a referral form
completed, a plan stepped down from CP to CIN and advice to attend A&E; each was misread
before the vocabulary line that reads it (one, a CT head to rule out NAHI, was labelled a
hospital attendance and then read so).
The last 14 rows are plans written as "who to do what" ("Mother to attend A&E", "Father due
to attend voluntary interview"), events not yet held or only booked ("Strategy discussion not
yet held", "ICPC scheduled for 20/03", "Appointment made for Child A to see paediatrician", "SW
unable to visit"), a voluntary interview attended, a negation before a dash ("NAHI not
suspected - accidental fall, bump to forehead"), a foster carer (not family: three earlier rows
that named foster carers as the family member "carer" were relabelled), a CIN plan, a family
support session at home and a paediatric SHO; 9 of the 14 were misread before the vocabulary
lines that read them.
The last 4 rows are invitations sent and a check offered (the conference and the check are to
come), a referral referred back to ("last month") and a visit made "as per strategy
discussion"; all 4 were misread before the vocabulary lines that read them.
The last 3 rows are a GP and a health visitor who did not attend a meeting (read as missed
appointments of the child before) and a CP medical the child was not brought to (read as the
medical before).
``benchmarks/bench_classify.py`` reports agreement with the synthetic generator's own
labels as a further out-of-sample check.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from scr_timeline import schema
from scr_timeline.classify.agencies import normalise_agencies
from scr_timeline.classify.pipeline import classify_events
from scr_timeline.testing import make_events

CORPUS = Path(__file__).resolve().parents[1] / "data" / "classification_corpus.csv"
INPUT = (
    "agency_written",
    "practitioner",
    "details",
    "outcome",
    "counterparts_text",
    "child_age_days",
)
EXPECTED = (
    "agency",
    "event_type",
    "injury",
    "injury_kinds",
    "counterparts",
    "negated_or_conditional",
)


def _set(cell: str) -> set[str]:
    return {part.strip() for part in str(cell).split(";") if part.strip()}


@pytest.fixture(scope="module")
def corpus() -> pd.DataFrame:
    return pd.read_csv(CORPUS, dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def classified(corpus: pd.DataFrame) -> pd.DataFrame:
    def blank_to_none(column: str) -> list[str | None]:
        return [v if v.strip() else None for v in corpus[column]]

    agency = normalise_agencies(corpus["agency_written"])[schema.AGENCY]
    ages = pd.array(pd.to_numeric(corpus["child_age_days"].replace("", None)), dtype="Int64")
    events = make_events(
        start=["2007-01-01"] * len(corpus),
        agency=agency.astype(object).tolist(),
        organisation=corpus["agency_written"].tolist(),
        practitioner=blank_to_none("practitioner"),
        details=blank_to_none("details"),
        outcome=blank_to_none("outcome"),
        counterparts_text=blank_to_none("counterparts_text"),
        child_age_days=ages,
    )
    out, _ = classify_events(events)
    return out.reset_index(drop=True)


def test_the_corpus_is_large_and_varied(corpus: pd.DataFrame):
    assert list(corpus.columns) == [*INPUT, *EXPECTED]
    assert len(corpus) >= 300
    assert set(corpus["event_type"]) == set(schema.EVENT_TYPES)
    assert set(corpus["agency"]) == set(schema.AGENCIES)
    assert (corpus["negated_or_conditional"] == "True").sum() >= 50
    assert corpus["details"].str.len().max() > 300  # long narrative cells
    assert not corpus.duplicated(["agency_written", "details", "outcome"]).any()


def test_the_labels_use_the_vocabularies(corpus: pd.DataFrame):
    assert set(corpus["agency"]) <= set(schema.AGENCIES)
    kinds = set().union(*corpus["injury_kinds"].map(_set))
    assert kinds <= set(schema.INJURY_KINDS_VOCAB)
    members = set().union(*corpus["counterparts"].map(_set))
    assert members <= set(schema.AGENCIES) | set(schema.FAMILY_MEMBERS)
    injured = corpus["injury"] == "True"
    assert (injured == (corpus["injury_kinds"] != "")).all()
    assert not (injured & (corpus["negated_or_conditional"] == "True")).any()


def test_accuracy_on_the_corpus(corpus: pd.DataFrame, classified: pd.DataFrame):
    agency = normalise_agencies(corpus["agency_written"])[schema.AGENCY].astype(str)
    agency_accuracy = (agency.to_numpy() == corpus["agency"].to_numpy()).mean()

    got_type = classified[schema.EVENT_TYPE].astype(str).to_numpy()
    type_accuracy = (got_type == corpus["event_type"].to_numpy()).mean()

    want_injury = (corpus["injury"] == "True").to_numpy()
    got_injury = classified[schema.INJURY].to_numpy()
    injury_recall = (got_injury & want_injury).sum() / want_injury.sum()
    injury_precision = (got_injury & want_injury).sum() / max(got_injury.sum(), 1)
    negated = (corpus["negated_or_conditional"] == "True").to_numpy()
    injuries_on_negated = int((got_injury & negated).sum())
    kinds_right = [
        set(got) == _set(want)
        for got, want, hurt in zip(
            classified[schema.INJURY_KINDS], corpus["injury_kinds"], want_injury, strict=True
        )
        if hurt
    ]

    tp = fp = fn = 0
    for got, want in zip(classified[schema.COUNTERPARTS], corpus["counterparts"], strict=True):
        expected = _set(want)
        tp += len(set(got) & expected)
        fp += len(set(got) - expected)
        fn += len(expected - set(got))
    cp_precision, cp_recall = tp / (tp + fp), tp / (tp + fn)

    wrong_types = corpus.loc[got_type != corpus["event_type"].to_numpy(), ["event_type", "details"]]
    wrong_types = wrong_types.assign(got=got_type[wrong_types.index])
    print(
        f"\nclassification corpus: {len(corpus)} rows, {int(negated.sum())} negated or "
        f"conditional\n"
        f"  event type accuracy        {type_accuracy:7.1%}   (>= 95%)\n"
        f"  injury recall              {injury_recall:7.1%}   (>= 98%)\n"
        f"  injury precision           {injury_precision:7.1%}\n"
        f"  injury kinds right         {sum(kinds_right) / len(kinds_right):7.1%}\n"
        f"  injuries on negated rows   {injuries_on_negated:7d}   (== 0)\n"
        f"  agency accuracy            {agency_accuracy:7.1%}   (>= 98%)\n"
        f"  counterpart precision      {cp_precision:7.1%}   (>= 90%)\n"
        f"  counterpart recall         {cp_recall:7.1%}   (>= 90%)"
    )
    for _, row in wrong_types.iterrows():
        print(f"  type {row['event_type']} classified as {row['got']}: {row['details'][:70]}")

    assert type_accuracy >= 0.95
    assert injury_recall >= 0.98
    assert injuries_on_negated == 0
    assert agency_accuracy >= 0.98
    assert cp_precision >= 0.90
    assert cp_recall >= 0.90
