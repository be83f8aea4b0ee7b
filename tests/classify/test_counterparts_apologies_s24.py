"""An agency invited to a meeting that sent apologies or did not attend took no part in it."""

import pytest

import scr_timeline as scr


@pytest.mark.parametrize(
    "details",
    [
        "Strategy discussion held with HV1. Police invited - sent apologies.",
        "Strategy discussion held with HV1. Police invited but sent apologies.",
        "Strategy discussion held with HV1. Apologies: police.",
        "Strategy discussion held with HV1. Apologies received from police.",
        "Strategy discussion held with HV1. Police invited but did not attend.",
        "Strategy discussion held with HV1. Police were invited, unable to attend.",
        "Strategy discussion held with HV1. Police declined to attend.",
    ],
)
def test_police_invited_but_absent_took_no_part(tmp_path, details):
    path = tmp_path / "sd.csv"
    path.write_text(
        "Date,Agency,Worker,Details,Outcome\n"
        f'12/03/2024,Children\'s Social Care,TM1,"{details}",S47 agreed\n'
    )
    (parties,) = scr.read(path).events["counterparts"]
    assert parties == ("health_visiting",)


def test_an_agency_present_is_still_a_party(tmp_path):
    path = tmp_path / "sd.csv"
    path.write_text(
        "Date,Agency,Worker,Details,Outcome\n"
        "12/03/2024,Children's Social Care,TM1,"
        "Strategy discussion held with HV1 and police (DS2). GP sent apologies.,S47 agreed\n"
    )
    (parties,) = scr.read(path).events["counterparts"]
    assert parties == ("health_visiting", "police")


def test_sd_parties_finds_the_police_absent(tmp_path):
    # Tuesday 12 March 2024: the strategy discussion without the police (they sent apologies)
    path = tmp_path / "sd.csv"
    path.write_text(
        "Date,Agency,Worker,Details,Outcome\n"
        "11/03/2024,School,DSL,Child A disclosed Dad hit her with a belt. Marks on back.,"
        "Referral to CSC by phone\n"
        "12/03/2024,Children's Social Care,TM1,"
        "Strategy discussion held with HV1 and DSL. Police invited - sent apologies.,S47 agreed\n"
    )
    found = scr.analyse(scr.read(path, child_dob="2016-05-01"), rulebook="wt2023").to_frame()
    assert "SD-PARTIES" in set(found["rule_id"])
