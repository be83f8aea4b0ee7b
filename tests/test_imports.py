"""Heavy optional modules load only when used (the command line starts fast)."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ("matplotlib", "jinja2", "rapidfuzz", "openpyxl", "docx", "pdfplumber", "distributed")


def _loaded(code: str) -> list[str]:
    probe = (
        f"{code}\nimport json, sys\nprint(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_import_loads_no_heavy_optional_module():
    assert _loaded("import scr_timeline") == []


def test_lazy_names_resolve_and_are_listed():
    import scr_timeline as scr
    import scr_timeline.anonymise
    import scr_timeline.batch
    import scr_timeline.plotting
    import scr_timeline.report

    for name in ("plot_timeline", "write_report", "analyse_many", "anonymise", "BatchResult"):
        assert callable(getattr(scr, name)) and name in dir(scr) and name in scr.__all__
    try:
        scr.no_such_name  # noqa: B018
    except AttributeError as err:
        assert "no_such_name" in str(err)
    else:  # pragma: no cover
        raise AssertionError("expected AttributeError")


def test_analyse_without_out_needs_neither_plots_nor_the_report_template(tmp_path):
    from scr_timeline.datasets import sample_path

    code = (
        "import contextlib, io\n"
        "from scr_timeline.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main(['analyse', {str(sample_path('child-a-combined'))!r}]) == 0"
    )
    # rapidfuzz may load: it scores the contacts two agencies both recorded
    assert [m for m in _loaded(code) if m != "rapidfuzz"] == []


def test_document_readers_load_when_first_used():
    probe = (
        "import sys, scr_timeline as scr\n"
        "from scr_timeline.datasets import sample_path\n"
        "scr.read(sample_path('child-a-combined'))\n"
        "print(sorted(m for m in ('scr_timeline.io.docx', 'scr_timeline.io.pdf',"
        " 'scr_timeline.io.text', 'scr_timeline.io.excel') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_graphs_load_when_first_used():
    probe = (
        "import sys, scr_timeline as scr\n"
        "from scr_timeline.cli import main\n"
        "print('scr_timeline.graph' in sys.modules, scr.to_graphml.__module__)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "False scr_timeline.graph"


def test_document_suffixes_and_readers_match_their_modules():
    import scr_timeline as scr
    import scr_timeline.io as io
    from scr_timeline.io import docx, excel, pdf, text

    assert (io.DOCX_SUFFIXES, io.PDF_SUFFIXES, io.TEXT_SUFFIXES, io.EXCEL_SUFFIXES) == (
        docx.DOCX_SUFFIXES,
        pdf.PDF_SUFFIXES,
        text.TEXT_SUFFIXES,
        excel.EXCEL_SUFFIXES,
    )
    assert io.read_excel is excel.read_excel and scr.read_excel is excel.read_excel
    assert io.read_docx is docx.read_docx and scr.read_docx is docx.read_docx
    assert io.read_pdf is pdf.read_pdf and scr.read_pdf is pdf.read_pdf
    assert io.read_text is text.read_text and scr.read_text is text.read_text
    assert io.parse_paragraphs is text.parse_paragraphs
    try:
        io.no_such_reader  # noqa: B018
    except AttributeError as err:
        assert "no_such_reader" in str(err)
    else:  # pragma: no cover
        raise AssertionError("expected AttributeError")


def test_import_leaves_the_collector_as_it_found_it():
    """The package pauses the collector while it imports (see scr_timeline/__init__.py):
    afterwards it is on again, nothing is left frozen, and a caller's own choice to have
    it off is kept."""
    probe = (
        "import gc, json\n"
        "off = {off}\n"
        "if off: gc.disable()\n"
        "before = list(gc.get_threshold())\n"
        "import scr_timeline\n"
        "print(json.dumps([gc.isenabled(), gc.get_freeze_count(), "
        "list(gc.get_threshold()) == before]))"
    )
    for off in (False, True):
        done = subprocess.run(
            [sys.executable, "-c", probe.format(off=off)],
            capture_output=True,
            text=True,
            check=True,
        )
        enabled, frozen, same_thresholds = json.loads(done.stdout.strip().splitlines()[-1])
        assert enabled is not off and frozen == 0
        assert same_thresholds  # (whatever this Python's defaults are)


def test_import_error_does_not_leave_the_collector_off():
    probe = (
        "import gc, sys\n"
        "sys.modules['scr_timeline.rules'] = None  # importing it fails\n"
        "try:\n"
        "    import scr_timeline\n"
        "except ImportError:\n"
        "    print(gc.isenabled(), gc.get_freeze_count())\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["True", "0"]


def test_import_keeps_a_programs_frozen_objects_frozen():
    probe = (
        "import gc\n"
        "keep = [[i] for i in range(1000)]\n"
        "gc.freeze()\n"
        "before = gc.get_freeze_count()\n"
        "import scr_timeline\n"
        "print(before >= 1000, gc.get_freeze_count() >= 1000)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["True", "True"]
