from __future__ import annotations

import pandas as pd
import pytest

from scr_timeline import schema as S
from scr_timeline.chronology import Chronology
from scr_timeline.classify.duplicates import find_duplicates, mark_duplicates
from scr_timeline.graph import build_graph, contact_matrix
from scr_timeline.testing import make_events

GP_TEXT = "Phoned HV re bruise on left arm"
HV_TEXT = "Call from GP re bruise on left arm"


def links(values: pd.Series) -> list[str | None]:
    """The links as plain values (None where there is none), for comparing."""
    return [None if pd.isna(v) else str(v) for v in values]


def _pair(**overrides: object) -> pd.DataFrame:
    columns: dict[str, object] = {
        "start": ["12/03/2007", "12/03/2007"],
        "agency": ["gp", "health_visiting"],
        "counterparts": [("health_visiting",), ("gp",)],
        "details": [GP_TEXT, HV_TEXT],
    }
    columns.update(overrides)
    return make_events(**columns)


def test_later_listed_copy_points_at_the_earlier_and_nothing_is_deleted():
    events = _pair()
    before = events.copy()
    found = find_duplicates(events)
    assert found.index.equals(events.index)
    assert found.name == S.DUPLICATE_OF
    assert str(found.dtype) == "string"
    assert links(found) == [None, "e1"]
    pd.testing.assert_frame_equal(events, before)  # the input is not changed


def test_the_order_of_the_table_decides_which_copy_is_later():
    events = _pair().iloc[::-1]
    found = find_duplicates(events)
    assert list(found.index) == ["e2", "e1"]
    assert links(found) == [None, "e2"]


def test_both_agencies_must_name_each_other():
    one_way = _pair(counterparts=[("health_visiting",), ("mother",)])
    assert find_duplicates(one_way).isna().all()
    other_agency = _pair(counterparts=[("health_visiting",), ("csc",)])
    assert find_duplicates(other_agency).isna().all()


def test_one_agency_recording_twice_is_not_a_duplicate():
    events = _pair(agency=["gp", "gp"], counterparts=[("gp",), ("gp",)])
    assert find_duplicates(events).isna().all()


def test_different_days_are_not_the_same_contact():
    events = _pair(start=["12/03/2007", "13/03/2007"])
    assert find_duplicates(events).isna().all()


def test_overlapping_spans_share_a_day_but_months_are_too_vague():
    week = _pair(start=["w/c 12/03/07", "14/03/2007 10:00"])
    assert links(find_duplicates(week)) == [None, "e1"]
    month = _pair(start=["March 2007", "14/03/2007"])
    assert find_duplicates(month).isna().all()


def test_text_must_be_similar_and_threshold_decides():
    different = _pair(details=[GP_TEXT, "Home visit, mother tearful, baby well"])
    assert find_duplicates(different).isna().all()
    loose = _pair(details=["Phoned HV about bruise on arm", "Call from GP about bruising to arm"])
    assert find_duplicates(loose).isna().all()  # token_set_ratio 66.7
    assert links(find_duplicates(loose, threshold=60)) == [None, "e1"]
    assert find_duplicates(_pair(), threshold=100).isna().all()


def test_events_without_details_are_never_duplicates():
    events = _pair(details=[None, None])
    assert find_duplicates(events, threshold=0).isna().all()


def test_three_agencies_at_one_meeting_all_point_at_the_first():
    text = "Strategy discussion: CP medical agreed, s47 to proceed"
    events = make_events(
        start=["15/03/2007"] * 3,
        agency=["csc", "police", "paediatrics"],
        counterparts=[("police", "paediatrics"), ("csc", "paediatrics"), ("csc", "police")],
        details=[text, text + " (police notes)", "Strategy discussion: CP medical agreed"],
    )
    assert links(find_duplicates(events)) == [None, "e1", "e1"]


def test_the_most_similar_earlier_copy_wins():
    events = make_events(
        start=["15/03/2007"] * 3,
        agency=["gp", "gp", "health_visiting"],
        counterparts=[("health_visiting",), ("health_visiting",), ("gp",)],
        details=[
            "Phoned HV about missed immunisations appointment",
            "Phoned HV re bruise on left arm",
            "Call from GP re bruise on left arm",
        ],
    )
    assert links(find_duplicates(events)) == [None, None, "e2"]


def test_family_counterparts_do_not_get_in_the_way():
    events = _pair(counterparts=[("mother", "health_visiting"), ("gp", "child")])
    assert links(find_duplicates(events)) == [None, "e1"]


def test_rejects_bad_arguments():
    with pytest.raises(TypeError, match="DataFrame"):
        find_duplicates([1, 2])  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="between 0 and 100"):
        find_duplicates(_pair(), threshold=150)
    with pytest.raises(TypeError, match="threshold must be a number"):
        find_duplicates(_pair(), threshold="80")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="counterparts"):
        find_duplicates(_pair().drop(columns=[S.COUNTERPARTS]))


def test_empty_table_gives_an_empty_series():
    found = find_duplicates(Chronology().events)
    assert len(found) == 0
    assert found.name == S.DUPLICATE_OF


def test_mark_duplicates_keeps_existing_links_and_the_graph_counts_the_contact_once():
    events = _pair()
    marked = mark_duplicates(events)
    assert links(marked[S.DUPLICATE_OF]) == [None, "e1"]
    assert events[S.DUPLICATE_OF].isna().all()
    assert len(marked) == len(events)
    preset = events.copy()
    preset[S.DUPLICATE_OF] = pd.array([None, "x9"], dtype="string")
    assert links(mark_duplicates(preset)[S.DUPLICATE_OF]) == [None, "x9"]

    graph = build_graph(Chronology(marked))
    assert list(graph.edges()) == [("gp", "health_visiting")]
    assert contact_matrix(marked).loc["health_visiting", "gp"] == 0
    assert contact_matrix(events).loc["health_visiting", "gp"] == 1


# Fictional pairs as two agencies write one event: different words, times, sometimes the
# next day. Each pair is classified as a chronology read from files would be.
_SAME_EVENT = [
    (  # the police's call-out, and social care's record of its notification next morning
        (
            "11/02/2008 23:40",
            "police",
            "DA incident at home address. Mother and partner "
            "arguing, Child A present. Partner arrested. PPN submitted to MASH.",
        ),
        (
            "12/02/2008 09:15",
            "csc",
            "PPN received from police re DA incident at home "
            "address on 11/02; Child A present, partner arrested.",
        ),
    ),
    (  # the hospital's attendance, and the GP's record of its letter next day
        (
            "03/03/2009 19:20",
            "hospital",
            "Child A (10 months) brought to ED by Mother with "
            "bruise to left cheek; Mother said he fell against the cot. Seen by paediatric SHO. "
            "Discharged home. Letter to GP and HV.",
        ),
        (
            "04/03/2009",
            "gp",
            "Letter from ED: Child A attended 03/03 with bruise to left "
            "cheek, said to have fallen against cot. Discharged.",
        ),
    ),
    (  # the hospital's attendance, and the health visitor's notification of it
        (
            "03/03/2009 19:20",
            "hospital",
            "Child A brought to A&E with bruise to left cheek; "
            "fell against cot. Discharged. Letter to GP and HV.",
        ),
        (
            "04/03/2009",
            "health_visiting",
            "Paediatric liaison notification: Child A attended "
            "A&E 03/03 with bruise to cheek, fell against cot.",
        ),
    ),
    (  # one phone call, as each end wrote it, hours apart
        ("12/03/2007 10:15", "gp", "Phoned HV re bruise on Child A's left arm seen today."),
        (
            "12/03/2007 14:00",
            "health_visiting",
            "Telephone call from GP: bruise noted on Child A's left arm at surgery today.",
        ),
    ),
    (  # the school's call to the front door, and the front door's contact record
        (
            "20/05/2010 09:30",
            "education",
            "DSL phoned MASH: Child A disclosed that Dad hit "
            "him with a belt; red marks on his back.",
        ),
        (
            "20/05/2010 09:45",
            "csc",
            "Contact from school DSL: Child A disclosed father hit "
            "him with belt, red marks to back.",
        ),
    ),
    (  # one strategy discussion, minuted by the police and by social care in their own words
        ("12/03/2007", "police", "Strategy discussion held. Agreed joint s47 and CP medical."),
        (
            "12/03/2007",
            "csc",
            "Strategy discussion with DC1 and HV1 re bruising to Child A's face.",
        ),
    ),
    # (social care's record listed first in these two: it holds more than the other, the
    # plan made and the disclosure, so it is never the copy; see the module's docstring)
    (  # one initial child protection conference, in the IRO's and the health visitor's words
        ("02/04/2007", "csc", "ICPC held with HV, GP and school: CP plan, category neglect."),
        ("02/04/2007", "health_visiting", "Attended ICPC: HV report presented, weight concerns."),
    ),
    (  # one visit the police and social care made together, in each one's words
        ("14/03/2007", "csc", "Joint visit with DC1 - Child A seen alone, disclosed Dad hits her."),
        ("14/03/2007", "police", "Joint visit with SW2 to the home. Child A spoken to alone."),
    ),
]

_DISTINCT_EVENTS = [
    (  # one agency's two visits on one day
        ("14/03/2007 10:00", "csc", "Home visit: Child A seen, Mother present."),
        ("14/03/2007 16:00", "csc", "Home visit: Child A seen with Mother."),
    ),
    (  # two agencies' own visits on one day, each naming the other
        (
            "14/03/2007 10:00",
            "health_visiting",
            "Home visit: Child A weighed, Mother low in mood. Discussed with SW.",
        ),
        (
            "14/03/2007 15:00",
            "csc",
            "Home visit: Child A seen asleep. Mother said the HV had been this morning.",
        ),
    ),
    (  # a call-out, and social care's visit two days later about it
        ("11/02/2008", "police", "DA incident at home address. PPN submitted to MASH."),
        ("13/02/2008", "csc", "Home visit following PPN from police: Mother denied any incident."),
    ),
    (  # two calls a day apart about the same bruise are two calls
        ("12/03/2007", "gp", "Phoned HV re bruise on Child A's left arm seen at surgery."),
        (
            "13/03/2007",
            "health_visiting",
            "Telephone call from GP: bruise noted on Child A's left arm at surgery.",
        ),
    ),
    (  # a strategy discussion, and a conference about the same child on the same day
        ("02/04/2007", "police", "Strategy discussion held. Agreed joint s47."),
        ("02/04/2007", "csc", "ICPC held with DC1: CP plan, category physical abuse."),
    ),
    (  # each agency's own visit on one day; only one of them speaks of a joint visit
        (
            "14/03/2007 10:00",
            "health_visiting",
            "Home visit: Child A weighed. Joint visit with SW1 planned for Friday.",
        ),
        ("14/03/2007 15:00", "csc", "Home visit with Mother; Child A seen. HV had visited."),
    ),
    (  # the police's strategy discussion, and social care's about a new concern next day
        ("12/03/2007", "police", "Strategy discussion held. Agreed joint s47."),
        ("13/03/2007", "csc", "Strategy discussion with DC1 re new disclosure at school."),
    ),
]


def _classified(rows):
    from scr_timeline.classify.pipeline import classify_events

    events = make_events(
        start=[r[0] for r in rows], agency=[r[1] for r in rows], details=[r[2] for r in rows]
    )
    return classify_events(events)[0]


@pytest.mark.parametrize(("first", "second"), _SAME_EVENT)
def test_one_event_in_two_agencies_words_is_linked(first, second):
    assert links(find_duplicates(_classified([first, second]))) == [None, "e1"]


@pytest.mark.parametrize(("first", "second"), _DISTINCT_EVENTS)
def test_distinct_events_are_not_linked(first, second):
    assert find_duplicates(_classified([first, second])).isna().all()


def test_the_day_before_is_only_for_a_record_of_being_told():
    # the same two texts, the later not a record of being told: a day apart is two events
    events = make_events(
        start=["03/03/2009", "04/03/2009"],
        agency=["hospital", "gp"],
        counterparts=[("gp",), ("hospital",)],
        event_type=["hospital_attendance", "information_sharing"],
        details=[
            "Bruise to left cheek, fell against cot",
            "Bruise to left cheek, fell against cot",
        ],
    )
    assert links(find_duplicates(events)) == [None, "e1"]
    events["event_type"] = pd.Categorical(
        ["hospital_attendance", "gp_appointment"], dtype=events["event_type"].dtype
    )
    assert find_duplicates(events).isna().all()
