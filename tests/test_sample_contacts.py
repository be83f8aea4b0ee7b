"""The samples show the contacts their README describes (issue: classification and graph)."""

from __future__ import annotations

import pandas as pd

import scr_timeline as scr
from scr_timeline import schema as S


def contacts(chron: scr.Chronology) -> pd.DataFrame:
    return scr.contact_matrix(chron)


def test_child_a_injury_referral_path_gp_hospital_csc_police():
    chron = scr.load_sample("child-a-combined")
    matrix = contacts(chron)
    assert matrix.loc["gp", "hospital"] >= 1  # GP sent Child A to A&E on 13/12/2006
    assert matrix.loc["hospital", "csc"] >= 1  # the hospital referred to social care
    assert matrix.loc["csc", "police"] >= 1  # strategy discussion with police
    # who knew of the GP's bruising of 13/12/2006, and when
    gp_row = chron.events[
        (chron.events[S.AGENCY] == "gp")
        & (chron.events[S.START] == pd.Timestamp("2006-12-13 09:30"))
    ].index[0]
    known = scr.knowledge(chron, gp_row).set_index(S.AGENCY)
    assert known.loc["gp", "known_from"] == pd.Timestamp("2006-12-13 09:30")
    assert known.loc["csc", "known_from"] <= pd.Timestamp("2006-12-13 23:59")


def test_child_b_police_notifications_and_school_referrals_reach_social_care():
    chron = scr.load_sample("child-b-agencies")
    matrix = contacts(chron)
    assert matrix.loc["police", "csc"] >= 3  # domestic abuse notifications
    assert matrix.loc["education", "csc"] >= 2  # school referrals
    assert chron.events[S.DUPLICATE_OF].notna().any()  # same contact recorded twice


def test_child_a_referrals_to_social_care_are_classified():
    ev = scr.load_sample("child-a-combined").events
    referrals = ev[ev[S.EVENT_TYPE] == "referral"]
    assert len(referrals) >= 1
    to_csc = referrals.apply(lambda r: r[S.AGENCY] == "csc" or "csc" in r[S.COUNTERPARTS], axis=1)
    assert to_csc.all()
    assert (ev[S.EVENT_TYPE] == "strategy_discussion").sum() >= 2
