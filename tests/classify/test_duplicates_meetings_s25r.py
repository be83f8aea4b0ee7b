"""Two agencies' records of meetings: the strategy discussions held for two children on one
day are two, not one."""

from scr_timeline.classify.duplicates import find_duplicates
from scr_timeline.classify.pipeline import classify_events
from scr_timeline.testing import make_events


def _links(**columns):
    return find_duplicates(classify_events(make_events(**columns))[0]).fillna("").tolist()


def test_strategy_discussions_for_two_children_on_one_day_are_two():
    # social care's discussion about Child A and the police's about Sibling B, the same
    # morning: two discussions, not one (any two records of one kind of meeting on one day
    # had been linked, whatever child they named)
    links = _links(
        start=["12/06/2023"] * 2,
        agency=["csc", "police"],
        counterparts=[("police",), ("csc",)],
        details=[
            "Strategy discussion re Child A with DC1: bruise to cheek. S47 agreed.",
            "Strategy discussion with SW1 re Sibling B. Joint s47 agreed.",
        ],
    )
    assert links == ["", ""]


def test_each_childs_discussion_keeps_its_own_copy():
    links = _links(
        start=["12/06/2023"] * 4,
        agency=["csc", "csc", "police", "police"],
        counterparts=[("police",), ("police",), ("csc",), ("csc",)],
        details=[
            "Strategy discussion re Child A with DC1: bruise to cheek. S47 agreed.",
            "Strategy discussion re Sibling B with DC1. S47 agreed.",
            "Strategy discussion with SW1 re Sibling B. Joint s47 agreed.",
            "Strategy discussion with SW1 re Child A. Joint s47 agreed.",
        ],
    )
    assert links == ["", "", "e2", "e1"]


def test_one_discussion_about_both_children_is_a_copy_of_either():
    links = _links(
        start=["12/06/2023"] * 2,
        agency=["csc", "police"],
        counterparts=[("police",), ("csc",)],
        details=[
            "Strategy discussion re Child A and Sibling B with DC1. S47 agreed for both.",
            "Strategy discussion re Child A with SW1.",
        ],
    )
    assert links == ["", "e1"]
