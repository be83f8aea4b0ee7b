"""Regenerate the example notebooks (stored without outputs).

Run from the repository root: ``.venv/bin/python notebooks/make_notebooks.py``.
tests/test_notebooks.py executes every notebook in this folder.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = Path(__file__).resolve().parent

KERNELSPEC = {"name": "python3", "display_name": "Python 3", "language": "python"}

SETUP = """\
%matplotlib inline
import io
import tempfile
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

import scr_timeline as scr

# Everything this notebook writes goes into a temporary folder, removed at the end.
tmp = tempfile.TemporaryDirectory()
out = Path(tmp.name)"""

QUICKSTART = [
    new_markdown_cell(
        "# Quick start\n\n"
        "Read a chronology, look at what was read, ask who knew what, check it against "
        "the rules, draw it and write a report.\n\n"
        "All the data here is **fictional**: the bundled samples are invented cases."
    ),
    new_code_cell(SETUP),
    new_markdown_cell(
        "## 1. Read a chronology\n\n"
        "`scr.read(paths, child_dob=...)` reads your own CSV/Excel files; here we load a "
        "bundled sample."
    ),
    new_code_cell(
        'chron = scr.load_sample("child-a-combined")\n'
        'print(len(chron.events), "events,", len(chron.rejected), "rejected rows,",\n'
        '      len(chron.warnings), "warnings")\n'
        'chron.events[["start", "agency", "event_type", "details"]].head(10)'
    ),
    new_markdown_cell(
        "Nothing is dropped: rows that could not become events are in `chron.rejected`, "
        "with the reason."
    ),
    new_code_cell("chron.rejected"),
    new_markdown_cell(
        "Warnings (ambiguous dates, unknown agencies, ...). The messy-dates sample has some."
    ),
    new_code_cell('messy = scr.load_sample("child-c-messy-dates")\nmessy.warnings'),
    new_markdown_cell(
        "## 2. How the rows were classified\n\n"
        "Each row gets an event type, and injuries are flagged from the words used."
    ),
    new_code_cell('chron.events["event_type"].value_counts().head(15)'),
    new_code_cell(
        "ev = chron.events\n"
        'ev[ev["suspicious_injury"]][["start", "agency", "injury_kinds", "details"]]'
    ),
    new_markdown_cell(
        "## 3. Who knew what, when\n\nContacts between agencies (rows: from, columns: to)."
    ),
    new_code_cell("scr.contact_matrix(chron)"),
    new_markdown_cell(
        "When could each agency first have known of the first suspicious injury? "
        "And what could children's social care know on a given day?"
    ),
    new_code_cell(
        'first_injury = ev.index[ev["suspicious_injury"]][0]\nscr.knowledge(chron, first_injury)'
    ),
    new_code_cell('scr.as_of(chron, "13/12/2006", agency="csc")'),
    new_markdown_cell(
        "## 4. What should have happened, and did it?\n\n"
        "`scr.analyse` checks the chronology against a rulebook (Working Together 2006 by "
        "default)."
    ),
    new_code_cell("findings = scr.analyse(chron)\nfindings.summary()"),
    new_code_cell(
        "table = findings.to_frame()\n"
        'table[["finding_id", "rule_id", "severity", "status", "agency", "due"]].head(10)'
    ),
    new_code_cell('print(findings.describe(table["finding_id"].iloc[0]))'),
    new_markdown_cell("## 5. Plots"),
    new_code_cell(
        "ax = scr.plot_timeline(chron, findings=findings)\n"
        "timeline_png = io.BytesIO()\n"
        'ax.figure.savefig(timeline_png, format="png", bbox_inches="tight")'
    ),
    new_code_cell(
        "ax = scr.plot_network(chron)\n"
        "network_png = io.BytesIO()\n"
        'ax.figure.savefig(network_png, format="png", bbox_inches="tight")'
    ),
    new_markdown_cell("## 6. Write the report\n\nOne self-contained HTML file, with the plots."),
    new_code_cell(
        "report = scr.write_report(\n"
        '    chron, findings, out / "report.html",\n'
        '    images={"Timeline": timeline_png.getvalue(), "Contacts": network_png.getvalue()},\n'
        ")\n"
        'print(report.name, report.stat().st_size, "bytes")'
    ),
    new_code_cell(
        "# Checks run by the test suite.\n"
        "assert report.exists() and report.stat().st_size > 0\n"
        "assert len(table) > 0\n"
        "assert len(chron.events) > 0"
    ),
    new_code_cell('plt.close("all")\ntmp.cleanup()'),
]

RULES = [
    new_markdown_cell(
        "# Rules and findings\n\n"
        "Rules are data: each rulebook is a TOML file. Here we copy the default one, "
        "change one timescale, rerun and compare.\n\nAll the data here is **fictional**."
    ),
    new_code_cell(SETUP.replace("%matplotlib inline\n", "").replace("import io\n", "")),
    new_markdown_cell("## 1. The rules"),
    new_code_cell("scr.available_rulebooks()"),
    new_code_cell(
        "rules = scr.list_rules()  # the default, Working Together 2006\n"
        'rules[["id", "kind", "category", "severity", "window"]]'
    ),
    new_markdown_cell("## 2. Findings with the default rulebook"),
    new_code_cell(
        'chron = scr.load_sample("child-a-combined")\nbefore = scr.analyse(chron)\nbefore.summary()'
    ),
    new_markdown_cell(
        "## 3. Copy the rulebook and change one timescale\n\n"
        "Working Together 2006 expects a strategy discussion within **1 working day** of a "
        "suspicious injury (rule `INJ-STRAT`). Suppose local procedures allow **3 working "
        'days**: edit `window = "1 WD"` in that rule\'s section of a copy.'
    ),
    new_code_cell(
        "import importlib.resources as res\n\n"
        'src = res.files("scr_timeline") / "rules" / "rulebooks" / "wt2006.toml"\n'
        'text = src.read_text(encoding="utf-8")\n\n'
        "# Only change the window inside the [rules.INJ-STRAT] section.\n"
        'head, section = text.split("[rules.INJ-STRAT]", 1)\n'
        'assert \'window = "1 WD"\' in section.split("[rules.", 1)[0]\n'
        "section = section.replace('window = \"1 WD\"', 'window = \"3 WD\"', 1)\n\n"
        'ours = out / "our-procedures.toml"\n'
        'ours.write_text(head + "[rules.INJ-STRAT]" + section, encoding="utf-8")\n'
        'scr.list_rules(ours).set_index("id").loc["INJ-STRAT"]'
    ),
    new_markdown_cell("## 4. Rerun and compare"),
    new_code_cell(
        "after = scr.analyse(chron, rulebook=ours)\n\n"
        "counts = pd.DataFrame({\n"
        '    "wt2006": before.to_frame()["rule_id"].value_counts(),\n'
        '    "our procedures": after.to_frame()["rule_id"].value_counts(),\n'
        "}).fillna(0).astype(int)\n"
        'counts["change"] = counts["our procedures"] - counts["wt2006"]\n'
        'counts.loc["total"] = counts.sum()\n'
        "counts"
    ),
    new_code_cell(
        "# Checks run by the test suite: the longer window leaves fewer INJ-STRAT findings,\n"
        "# and no other rule is affected.\n"
        'assert counts.loc["INJ-STRAT", "change"] < 0\n'
        "assert len(after.to_frame()) < len(before.to_frame())\n"
        'assert (counts.drop(index=["INJ-STRAT", "total"])["change"] == 0).all()'
    ),
    new_markdown_cell(
        "## 5. Explain one finding\n\n"
        "`explain` gives the evidence rows (with file, sheet and row); `describe` says the "
        "same in words."
    ),
    new_code_cell(
        "table = after.to_frame()\n"
        'finding_id = table.loc[table["rule_id"] == "INJ-STRAT", "finding_id"].iloc[0]\n'
        "after.explain(finding_id)"
    ),
    new_code_cell("print(after.describe(finding_id))"),
    new_code_cell("tmp.cleanup()"),
]


BATCH = [
    new_markdown_cell(
        "# Many reviews at once\n\n"
        "A thematic review or a national analysis runs one rulebook over many chronologies. "
        "`scr.analyse_many` analyses each chronology on its own, in parallel worker processes "
        "(or on a Dask cluster), with a progress bar; one broken file never stops the batch.\n\n"
        "All the data here is **fictional**: variants of the bundled sample cases."
    ),
    new_code_cell(SETUP),
    new_markdown_cell(
        "## 1. A folder of chronologies\n\n"
        "Each file in a folder is one chronology, and each sub-folder one case whose agency "
        "files are merged. Here: the four samples, variants of the CSV ones (a year later, "
        "without the police rows) and one file that is not a chronology at all."
    ),
    new_code_cell(
        'reviews = out / "reviews"\n'
        "reviews.mkdir()\n"
        'for name in scr.list_samples()["name"]:\n'
        "    path = scr.sample_path(name)\n"
        "    (reviews / path.name).write_bytes(path.read_bytes())\n"
        '    if path.suffix == ".csv":\n'
        '        table = pd.read_csv(path, dtype=str, encoding="cp1252" if "messy" in name else "utf-8")\n'
        '        no_police = table[~table.apply(lambda r: r.astype(str).str.contains("Police").any(), axis=1)]\n'
        '        no_police.to_csv(reviews / f"{name}-no-police.csv", index=False)\n'
        '(reviews / "minutes.csv").write_bytes(b"\\x00\\x01 not a chronology")\n'
        "sorted(p.name for p in reviews.iterdir())"
    ),
    new_markdown_cell(
        "## 2. Analyse them all\n\n"
        "`jobs` worker processes (default: one per CPU); `out` gets a folder per chronology "
        "(tables, findings, plots, report) plus `summary.csv`, `by_rule.csv` and an "
        "`index.html` linking every report. `outputs=` chooses what each folder gets."
    ),
    new_code_cell(
        'result = scr.analyse_many(reviews, jobs=2, out=out / "batch",\n'
        '                          outputs=["tables", "findings", "report"])\n'
        "result"
    ),
    new_markdown_cell(
        "One row per chronology: events, rejected rows, findings by category, and the error "
        "of those that failed."
    ),
    new_code_cell(
        "summary = result.summary()\n"
        'summary[["chronology", "status", "events", "rejected", "findings", "high_severity", "error"]]'
    ),
    new_code_cell("[(r.name, r.error) for r in result.failed]"),
    new_markdown_cell(
        "## 3. The thematic view\n\n"
        "`by_rule()`: for each rule, in how many chronologies it found something, and how "
        "(missing, late, gap)."
    ),
    new_code_cell(
        'result.by_rule()[["rule_id", "category", "severity", "chronologies", "share", '
        '"findings", "missing", "late", "gap"]].head(10)'
    ),
    new_code_cell("ax = scr.plot_by_rule(result)"),
    new_markdown_cell(
        "Every finding of every chronology in one table, for your own cross-tabulations:"
    ),
    new_code_cell(
        'findings = result.findings()\npd.crosstab(findings["rule_id"], findings["chronology"])'
    ),
    new_markdown_cell(
        "## 4. The output folder\n\n`index.html` links every chronology's report; it opens offline."
    ),
    new_code_cell(
        'sorted(p.name for p in (out / "batch").iterdir())[:8], '
        '(out / "batch" / "index.html").stat().st_size'
    ),
    new_markdown_cell(
        "An interrupted batch is finished with `resume=True` (`scr-timeline batch --resume`): "
        "chronologies analysed earlier, whose files have not changed, are read back, not "
        "analysed again; failed ones are tried again."
    ),
    new_code_cell(
        'again = scr.analyse_many(reviews, jobs=1, out=out / "batch", resume=True,\n'
        '                         outputs=["tables", "findings", "report"], progress=False)\n'
        "assert sum(r.resumed for r in again) == len(result.ok)\n"
        'assert again.summary()["findings"].equals(summary["findings"])\n'
        'assert len(result.failed) == 1 and result.failed[0].name == "minutes"'
    ),
    new_markdown_cell(
        "## 5. On a Dask cluster\n\n"
        "When one machine is not enough, pass a `dask.distributed` client (or the scheduler's "
        "address); the workers must see the input and output folders (a shared file system). "
        'Install the extra with `pip install "scr-timeline[dask]"`.\n\n'
        "```python\n"
        "from dask.distributed import Client\n"
        'client = Client("tcp://scheduler:8786")\n'
        'result = scr.analyse_many("/shared/reviews", client=client, out="/shared/results")\n'
        "```\n\n"
        "From the shell: `scr-timeline batch /shared/reviews --out /shared/results --dask "
        "tcp://scheduler:8786`."
    ),
    new_code_cell("tmp.cleanup()"),
]


def _write(name: str, cells: list) -> None:
    for number, cell in enumerate(cells, start=1):
        cell["id"] = f"cell-{number:02d}"  # stable ids: regenerating gives no spurious diff
    nb = new_notebook(cells=cells, metadata={"kernelspec": KERNELSPEC})
    nbformat.validate(nb)
    nbformat.write(nb, HERE / name)


def main() -> None:
    _write("01-quickstart.ipynb", QUICKSTART)
    _write("02-rules-and-findings.ipynb", RULES)
    _write("03-batch.ipynb", BATCH)


if __name__ == "__main__":
    main()
