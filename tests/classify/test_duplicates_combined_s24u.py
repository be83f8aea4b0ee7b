"""Two agencies' records of one contact in a single combined table (a panel's chronology).

A copy never triggers a rule (RULES.md): the record it copies is judged in its place. So a
record that holds more than the contact it shares (a decision, an outcome, a further event)
must never be the copy, and of two records of one contact the less complete is.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import scr_timeline as scr
from scr_timeline import schema as S
from scr_timeline.classify import duplicates as D
from scr_timeline.classify.duplicates import find_duplicates, mark_duplicates
from scr_timeline.testing import make_events

_HEADER = "Date,Agency,Practitioner,Details,Outcome\n"


def _read(tmp_path: Path, name: str, rows: str) -> pd.DataFrame:
    """The classified events of one combined table (every agency's rows in one sheet)."""
    path = tmp_path / f"{name}.csv"
    path.write_text(_HEADER + textwrap.dedent(rows), encoding="utf-8")
    return scr.read(path).events


def _links(events: pd.DataFrame) -> dict[int, int]:
    """Each copy's source row -> its original's source row."""
    found = find_duplicates(events)
    row = events[S.SOURCE_ROW]
    return {int(row[copy]): int(row[original]) for copy, original in found.dropna().items()}


def _held(events: pd.DataFrame, eid: str) -> set[str]:
    """What one record holds as the rules see it: its type and the types it mentions."""
    own = {str(events.loc[eid, S.EVENT_TYPE])} - set(D._TOLD)  # a message is the contact
    return (own | set(events.loc[eid, S.MENTIONS])) - {"other", "information_sharing"}


def _no_copy_holds_more(events: pd.DataFrame) -> None:
    found = find_duplicates(events)
    for copy, original in found.dropna().items():
        assert _held(events, str(copy)) <= _held(events, str(original)), (copy, original)
        assert pd.isna(found[original]), "an original is never itself a copy"


# --- one strategy discussion, a joint visit, an ED attendance, in one combined table --------
STRATEGY_2014 = """\
06/03/2014,Education,DSL,Child A (6) came to school with bruising to her left ear. Said Dad hit her.,DSL referral to CSC by phone
06/03/2014,Children's Social Care,Duty SW,Referral from school DSL re bruising to Child A's left ear; says father hit her.,Strategy discussion to be convened today
06/03/2014,Police,DS2,Attended strategy discussion with CSC and school re bruising to Child A.,
06/03/2014,Children's Social Care,TM1,Strategy discussion (TM1 / DS2 / DSL / Dr B).,S47 enquiry agreed. Joint visit today. CP medical to be arranged.
06/03/2014,Education,DSL,DSL took part in strategy discussion.,
06/03/2014,Paediatrics,Dr B,Strategy discussion by phone with TM1 and DS2.,CP medical to be arranged for tomorrow
06/03/2014,Children's Social Care,SW1,Joint home visit with DC3. Child A seen alone in her bedroom; repeated that Dad hit her.,Safety plan: Child A to stay with maternal grandmother
06/03/2014,Police,DC3,Joint visit with SW1 to the home address. Child A spoken to alone.,
07/03/2014,Paediatrics,Dr B,CP medical: bruising to left ear consistent with a slap.,Report to CSC and police
07/03/2014,Police,DC3,Joint visit with SW1 - father interviewed at home.,Father arrested for assault
07/03/2014,Children's Social Care,SW1,Joint visit with DC3 to see father at home.,
"""


def test_a_strategy_discussion_told_by_four_agencies_is_social_cares_minute(tmp_path):
    events = _read(tmp_path, "strategy", STRATEGY_2014)
    links = _links(events)
    # the police's, the school's and the paediatrician's records of the discussion are
    # copies of social care's minute, which holds the s47 decision
    assert {copy: links.get(copy) for copy in (4, 6, 7)} == {4: 5, 6: 5, 7: 5}
    assert 5 not in links
    # the referral social care received holds its decision to convene the discussion, and
    # the school's record the bruise it saw: neither is the other's copy
    assert 2 not in links and 3 not in links
    _no_copy_holds_more(events)


def test_a_joint_visit_is_one_visit_and_the_record_with_the_arrest_is_not_the_copy(tmp_path):
    events = _read(tmp_path, "joint", STRATEGY_2014)
    links = _links(events)
    assert links.get(9) == 8  # the police's note of the visit social care minuted
    assert links.get(12) == 11  # social care's note of the visit where the police arrested
    assert 8 not in links and 11 not in links


ED_2015 = """\
14/09/2015 21:30,Hospital,ED SHO,Child A (9 months) brought to ED by Mother with a burn to the right hand; Mother said he touched the oven door. Discharged home.,Letter to GP and HV
15/09/2015,GP,Dr C,Letter from ED: Child A attended 14/09 with burn to right hand from oven door. Discharged.,
15/09/2015,Health Visiting,HV1,Paediatric liaison notification: Child A attended A&E 14/09 with a burn to right hand (oven door).,
"""


def test_an_ed_attendance_told_to_the_gp_and_the_hv_is_the_hospitals_record(tmp_path):
    events = _read(tmp_path, "ed", ED_2015)
    assert _links(events) == {3: 2, 4: 2}


def test_a_notification_that_records_a_visit_too_is_no_copy(tmp_path):
    rows = ED_2015.replace(
        "(oven door).,\n",
        "(oven door). Home visit same day: burn dressed and healing; Child A seen.,\n",
    )
    events = _read(tmp_path, "ed-visit", rows)
    assert _links(events) == {3: 2}  # the HV's visit is a further event: not a copy


# --- the misreading found when single tables were first searched -------------------------------
S47_IN_REFERRAL_2010 = """\
18/11/2010,Education,DSL,Child B (7) came in with bruise on cheek. Says Dad hit him.,DSL tel referral to CSC
18/11/2010,Children's Social Care,Duty SW,Referral from school - Child B says F hit him. Bruise L cheek.,Strategy discussion held with DS4 (CAIT) and DSL. S47 - joint visit
"""


def test_a_referral_that_records_the_strategy_discussion_and_s47_is_no_copy(tmp_path):
    # social care's record holds the strategy discussion and the s47 decision: linked as the
    # school's copy, it never triggered and the school's row was cited for its s47
    events = _read(tmp_path, "s47", S47_IN_REFERRAL_2010)
    assert _links(events) == {}


# --- which of two records is the copy ----------------------------------------------------------
def _two(**columns: object) -> pd.DataFrame:
    base: dict[str, object] = {
        "start": ["12/03/2007", "12/03/2007"],
        "agency": ["police", "csc"],
        "counterparts": [("csc",), ("police",)],
        "event_type": ["strategy_discussion", "strategy_discussion"],
        "details": ["Strategy discussion re bruise to arm", "Strategy discussion re bruise to arm"],
    }
    base.update(columns)
    return make_events(**base)


def _ids(found: pd.Series) -> list[str | None]:
    return [None if pd.isna(v) else str(v) for v in found]


@pytest.mark.parametrize("order", [[0, 1], [1, 0]])
def test_the_record_holding_a_decision_is_the_original_whichever_is_listed_first(order):
    events = _two(
        agency=["gp", "health_visiting"],
        counterparts=[("health_visiting",), ("gp",)],
        event_type=["information_sharing", "information_sharing"],
        details=["Phoned HV re bruise on left arm", "Call from GP re bruise on left arm"],
        mentions=[(), ("referral",)],  # the HV's record: "HV referred to MASH"
    )
    events = events.iloc[order]
    found = find_duplicates(events)
    assert found["e1"] == "e2" and pd.isna(found["e2"])


def test_records_holding_the_same_keep_the_later_listed_as_the_copy():
    events = _two(
        agency=["gp", "health_visiting"],
        counterparts=[("health_visiting",), ("gp",)],
        event_type=["information_sharing", "information_sharing"],
        details=["Phoned HV re bruise on left arm", "Spoke to GP re bruise on left arm"],
    )
    assert _ids(find_duplicates(events)) == [None, "e1"]
    assert _ids(find_duplicates(events.iloc[::-1])) == [None, "e2"]


@pytest.mark.parametrize("order", [[0, 1], [1, 0]])
def test_the_record_of_a_referral_received_is_the_copy_of_the_referrers(order):
    # both are referrals and say the same; social care's received it from the school
    events = _two(
        agency=["csc", "education"],
        counterparts=[("education",), ("csc",)],
        event_type=["referral", "referral"],
        details=[
            "Referral received from school DSL re bruise to Child A's right arm.",
            "Child A had a bruise to his right arm; said Mum's boyfriend grabbed him. "
            "DSL referred to MASH.",
        ],
        injury=[True, True],
    )
    found = find_duplicates(events.iloc[order])
    assert found["e1"] == "e2" and pd.isna(found["e2"])


def test_each_holding_a_decision_of_its_own_neither_is_a_copy():
    events = _two(mentions=[("arrest",), ("s47_enquiry",)])
    assert find_duplicates(events).isna().all()


def _call(**columns: object) -> pd.DataFrame:
    """The GP's and the health visitor's records of one call (the HV's listed second)."""
    return _two(
        agency=["gp", "health_visiting"],
        counterparts=[("health_visiting",), ("gp",)],
        event_type=["information_sharing", "information_sharing"],
        details=["Phoned HV re bruise on left arm", "Call from GP re bruise on left arm"],
        **columns,
    )


def test_an_outcome_the_other_record_lacks_makes_it_the_original():
    events = _call(outcome=[None, "HV to visit tomorrow; GP to review in 1 week"])
    assert _ids(find_duplicates(events)) == ["e2", None]
    # a placeholder outcome records nothing
    for blank in ("N/A", "-", "Nil", " none ", "Not known"):
        assert _ids(find_duplicates(_call(outcome=[None, blank]))) == [None, "e1"]
    # an outcome against a further event the other records: each holds more
    held_apart = _call(outcome=[None, "HV to visit"], mentions=[("arrest",), ()])
    assert find_duplicates(held_apart).isna().all()


def test_the_convenors_minute_of_a_meeting_is_the_original_when_both_hold_the_same():
    assert _ids(find_duplicates(_two())) == ["e2", None]  # csc listed second
    not_a_meeting = _two(
        event_type=["home_visit", "home_visit"],
        details=["Joint visit with SW1 re bruise to arm", "Joint visit with DC1 re bruise to arm"],
    )
    assert _ids(find_duplicates(not_a_meeting)) == [None, "e1"]


def test_a_copy_of_a_less_complete_copy_points_at_the_most_complete_record():
    events = make_events(
        start=["05/12/2012"] * 4,
        agency=["gp", "education", "health_visiting", "csc"],
        counterparts=[("csc",), ("csc",), ("csc",), ("gp", "education", "health_visiting")],
        event_type="icpc",
        details=[
            "ICPC held; GP sent report.",
            "DSL attended ICPC.",
            "Attended ICPC; children made subject to CP plans.",
            "Initial child protection conference: CP plans (neglect). Core group in 10 days.",
        ],
        mentions=[(), (), ("cp_plan_start",), ("cp_plan_start", "core_group")],
    )
    assert _ids(find_duplicates(events)) == ["e4", "e4", "e4", None]
    marked = mark_duplicates(events)
    assert _ids(marked[S.DUPLICATE_OF]) == ["e4", "e4", "e4", None]


_KINDS = ["strategy_discussion", "referral", "information_sharing", "s47_enquiry", "other"]
_MENTIONED = ["s47_enquiry", "arrest", "icpc", "referral", "information_sharing", "other"]


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["csc", "police", "health_visiting", "education", "gp"]),
            st.sampled_from(_KINDS),
            st.frozensets(st.sampled_from(_MENTIONED), max_size=3),
            st.booleans(),
        ),
        min_size=2,
        max_size=7,
    )
)
def test_no_copy_holds_what_its_original_does_not(rows):
    agencies = [r[0] for r in rows]
    events = make_events(
        start=["12/03/2007"] * len(rows),
        agency=agencies,
        counterparts=[tuple(a for a in agencies if a != own) for own in agencies],
        event_type=[r[1] for r in rows],
        mentions=[tuple(sorted(r[2])) for r in rows],
        outcome=["Plan agreed" if r[3] else None for r in rows],
        details="Strategy discussion re bruise to left arm, Child A seen",
    )
    found = find_duplicates(events)
    position = {eid: i for i, eid in enumerate(events.index)}
    rows_of = {eid: rows[position[eid]] for eid in events.index}
    for copy, original in found.dropna().items():
        assert pd.isna(found[original])  # every group of copies has one original
        c, o = rows_of[copy], rows_of[original]
        own = {k for k in (c[1],) if k not in D._TOLD}
        told = {k for k in (o[1],) if k not in D._TOLD}
        ignored = {"other", "information_sharing"}
        # a referral only the copy tells: only another agency's record of a meeting (its own
        # referral, as its outcome, is its own part; the rules take it from the copy)
        extra = {"referral"} if c[1] in D.MEETINGS and c[0] != D.CONVENOR else set()
        assert (own | c[2]) - ignored - extra <= (told | o[2]) - ignored
        # an outcome only the copy records: only another agency's record of a meeting (its
        # outcome is its own part after it, no more than the meeting; see _holds)
        assert o[3] or not c[3] or (c[1] in D.MEETINGS and c[0] != D.CONVENOR)


@pytest.mark.parametrize("kept", ["Filed", "Read and filed.", "Scanned to notes", "Noted"])
def test_a_gp_note_that_only_files_the_ed_letter_is_the_attendances_copy(tmp_path, kept):
    # the hospital's letter told in its details: its outcome cell empty
    rows = ED_2015.replace(",Letter to GP and HV\n", " Letter to GP and HV.,\n").replace(
        "from oven door. Discharged.,\n", f"from oven door. Discharged.,{kept}\n"
    )
    events = _read(tmp_path, "ed-filed", rows)
    assert _links(events) == {3: 2, 4: 2}
    # an outcome that records more than keeping the letter is the GP's own
    acted = rows.replace(f",{kept}\n", ",GP to review Child A in 1 week\n")
    assert _links(_read(tmp_path, "ed-acted", acted)) == {4: 2}


VISITS_2017 = """\
Date,Time,Agency,Practitioner,Details,Outcome
14/03/2017,10:00,Health Visiting,HV1,Home visit. Child A seen. Mother low in mood; home cluttered. SW1 informed.,
14/03/2017,14:00,Children's Social Care,SW1,Home visit. Child A seen. Mother low in mood; home cluttered. HV1 informed.,
15/03/2017,10:00,Health Visiting,HV1,Home visit. Child A seen. Mother tearful; home cluttered. SW1 informed.,
15/03/2017,10:30,Children's Social Care,SW1,Home visit. Child A seen. Mother tearful; home cluttered. HV1 informed.,
16/03/2017,10:00,Police,DC3,Joint visit with SW1 to the home. Child A spoken to alone.,
16/03/2017,16:30,Children's Social Care,SW1,Joint visit with DC3 - Child A seen alone.,
"""


def test_two_agencies_visits_timed_hours_apart_are_two_visits(tmp_path):
    # a combined table written in one hand: the HV's visit at 10:00 and social care's at
    # 14:00 read alike, but they are two visits; half an hour apart they may be one, and a
    # visit both call joint is one whenever each wrote it up
    path = tmp_path / "visits.csv"
    path.write_text(VISITS_2017, encoding="utf-8")
    assert _links(scr.read(path).events) == {5: 4, 7: 6}


def test_the_record_of_a_suspicious_injury_is_no_copy_of_a_minute_that_does_not_tell_it():
    # the police's record of the strategy discussion tells of the bruise to a baby; social
    # care's minute holds the s47 decision but not the injury: each holds more
    events = _two(
        details=[
            "Attended strategy discussion re bruise to Child A's cheek (4 months)",
            "Strategy discussion held; s47 agreed, joint visit today",
        ],
        mentions=[(), ("s47_enquiry",)],
        injury=[True, False],
        suspicious_injury=[True, False],
    )
    assert find_duplicates(events).isna().all()
    # told in both, the minute is the original
    both = events.assign(suspicious_injury=[True, True], injury=[True, True])
    assert _ids(find_duplicates(both)) == ["e2", None]
