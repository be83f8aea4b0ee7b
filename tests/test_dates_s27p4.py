"""Speed work on the date reader (s27 p4): the vectorised reading of the strict forms'
capture groups reads the groups' digits from the Arrow buffers; it must give exactly what
Arrow's cast gave, and dates must read as before."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pytest

from scr_timeline import dates as D
from scr_timeline.dates import parse_dates


def _by_cast(f: pa.Array) -> np.ndarray:
    f = pc.if_else(pc.equal(f, ""), pa.scalar(None, pa.large_string()), f)
    return pc.cast(f, pa.int64()).fill_null(-1).to_numpy(zero_copy_only=False)


@pytest.mark.parametrize("seed", range(20))
def test_group_digits_read_from_the_buffers_as_arrow_casts_them(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 60))
    values = [
        None
        if rng.random() < 0.2
        else "".join(str(d) for d in rng.integers(0, 10, int(rng.integers(0, 6))))
        for _ in range(n)
    ]
    mask = pa.array([bool(rng.random() < 0.1) for _ in range(n)], pa.bool_())
    struct = pa.StructArray.from_arrays(
        [pa.array(values, pa.large_string())], names=["g"], mask=mask
    )
    reversed_rows = pa.array(np.arange(n)[::-1].copy())
    for st in (struct, struct.slice(min(3, n - 1)), struct.take(reversed_rows)):
        field = pc.struct_field(st, "g")
        assert D._field_int(st, "g").tolist() == _by_cast(field).tolist()
        present = pc.fill_null(pc.not_equal(field, ""), False).to_numpy(zero_copy_only=False)
        assert D._field_present(st, "g").tolist() == present.tolist()


def test_a_group_that_is_not_all_digits_is_left_to_arrow() -> None:
    struct = pa.StructArray.from_arrays([pa.array(["12", "-3"], pa.large_string())], names=["g"])
    group = D._group(struct, "g")
    assert group is not None
    assert D._digit_values(*group) is None
    assert D._field_int(struct, "g").tolist() == [12, -3]


def test_strict_forms_read_as_before() -> None:
    cells = pd.Series(
        [
            "03/04/2007",
            "2007-04-03 10:15",
            "Tues 3rd April 2007",
            "c. 13/04/07",
            "",
            None,
            "April 2007",
            "w/c 02/04/2007",
            "3.4.07 14:05hrs",
            "39175",
        ]
    )
    got = parse_dates(cells, dayfirst=True).frame
    assert got["start"].tolist()[:4] == [
        pd.Timestamp("2007-04-03"),
        pd.Timestamp("2007-04-03 10:15"),
        pd.Timestamp("2007-04-03"),
        pd.Timestamp("2007-04-13"),
    ]
    assert got["precision"].tolist()[6:9] == ["month", "week", "minute"]
