"""'the' before the day, as people write a date in words: 'Monday the 12th of March 2007'."""

from __future__ import annotations

import pandas as pd
import pytest

from scr_timeline.dates import parse_dates


@pytest.mark.parametrize(
    "text",
    [
        "Monday the 12th of March 2007",
        "Mon the 12th March 2007",
        "the 12th of March 2007",
        "the 12th March 2007",
        "The 12th March 2007",
    ],
)
def test_the_before_the_day(text: str) -> None:
    frame = parse_dates(pd.Series([text])).frame
    # these had been rejected: "it has words before the date ... put 'the' in the details"
    assert frame["start"].iat[0] == pd.Timestamp("2007-03-12")
    assert frame["precision"].iat[0] == "day"


def test_a_wrong_weekday_with_the_keeps_the_date_and_warns() -> None:
    parsed = parse_dates(pd.Series(["Tuesday the 12th of March 2007 14:30"]))
    assert parsed.frame["start"].iat[0] == pd.Timestamp("2007-03-12 14:30")
    assert [w[0] for w in parsed.warnings] == ["weekday_mismatch"]


@pytest.mark.parametrize("text", ["then 12 March 2007", "thea 12 March 2007"])
def test_other_words_before_the_date_are_still_rejected(text: str) -> None:
    assert pd.isna(parse_dates(pd.Series([text])).frame["start"].iat[0])
