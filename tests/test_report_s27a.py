"""The batch index names each review by its input file as well (stop 27)."""

from __future__ import annotations

import re
from pathlib import Path

from scr_timeline.batch import analyse_many

HEADER = "Date,Agency,Details\n"


def test_the_index_shows_each_review_s_input_file_escaped(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    row = (
        "11/10/2007,GP,Bruise to the cheek of Child A aged 4 months.\n"
        "20/10/2007,Health Visiting,Home visit.\n"
    )
    for name in ('odd & <b> "q".csv', "quiet.csv"):
        (tmp_path / "in" / name).write_text(HEADER + row, encoding="utf-8")
    out = tmp_path / "out"
    analyse_many(sorted((tmp_path / "in").glob("*.csv")), jobs=1, progress=False, out=out)
    page = (out / "index.html").read_text(encoding="utf-8")
    table = page[page.index('<section id="chronologies">') :]
    # the safe folder name links the report; the file as named is under it, escaped
    assert '<a href="odd-b-q/report.html">odd-b-q</a>' in table
    assert '<span class="note-inline">odd &amp; &lt;b&gt; &#34;q&#34;.csv</span>' in table
    assert "<b>" not in page
    # a file named as its folder is not repeated
    assert not re.search(r">quiet</a><br>", table)
    matrix = page[page.index('<section id="matrix">') : page.index('<section id="chronologies">')]
    assert 'title="odd &amp; &lt;b&gt; &#34;q&#34;.csv"' in matrix
