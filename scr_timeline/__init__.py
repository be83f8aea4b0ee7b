"""scr_timeline: read, merge and analyse child safeguarding review chronologies.

>>> import scr_timeline as scr
>>> chron = scr.load_sample("child-a-combined")
>>> chron.events.index.name
'event_id'
"""

from __future__ import annotations

import gc as _gc
from typing import TYPE_CHECKING, Any

# Importing the package (and pandas, NumPy and the rest with it, when not imported yet)
# makes hundreds of thousands of objects that live as long as the process: the collector,
# left on, walks them over and over (about 0.03-0.06 s of a command-line run). Imports
# make no garbage worth collecting, so it is paused until they are done.
_collecting = _gc.isenabled()
_gc.disable()
try:
    from . import _lazy

    # eager, not lazy: the submodule shares the name of its function, and a lazy name would be
    # shadowed by the module once anything imported scr_timeline.anonymise
    from .anonymise import (
        AnonymisationError,
        AnonymisationKey,
        anonymise,
        find_names,
        personalise,
    )
    from .chronology import Chronology, ChronologyMeta, SourceInfo, merge
    from .datasets import list_samples, load_sample, sample_path
    from .dates import parse_date, parse_dates
    from .exceptions import (
        ChronologyReadError,
        ChronologyWarning,
        DateParseError,
        EmptyChronologyError,
        InputLimitError,
        MissingColumnError,
        MissingDependencyError,
        OutputError,
        RulebookError,
        ScrTimelineError,
        UnsupportedFormatError,
    )
    from .io import parse_table, read, read_csv
    from .rules import (
        Finding,
        Findings,
        Rulebook,
        analyse,
        available_rulebooks,
        list_rules,
        load_rulebook,
    )
finally:
    # into the oldest generation, as if they had survived the collections skipped, without
    # walking them all at once now (the next full collection takes them with the rest);
    # not when the program has frozen objects of its own, which must stay frozen
    if _gc.get_freeze_count() == 0:
        _gc.freeze()
        _gc.unfreeze()
    if _collecting:
        _gc.enable()

if TYPE_CHECKING:
    from .batch import BatchResult, ChronologyResult, analyse_many, write_analysis
    from .graph import (
        as_of,
        build_graph,
        contact_matrix,
        knowledge,
        to_gexf,
        to_graphml,
        to_node_link_json,
        to_ocel,
    )
    from .io import read_docx, read_pdf, read_text
    from .plotting import plot_by_rule, plot_gaps, plot_network, plot_timeline
    from .report import render_report, write_report

#: Names imported on first use, so that ``import scr_timeline`` (and the command line) does
#: not pay for jinja2, the plotting modules and batch until they are used. (No lazy name may
#: be the name of a submodule: importing the submodule would shadow it.)
_LAZY: dict[str, str] = {
    # graphs are for some analyses only: a command-line run needs none
    **dict.fromkeys(
        [
            "as_of",
            "build_graph",
            "contact_matrix",
            "knowledge",
            "to_gexf",
            "to_graphml",
            "to_node_link_json",
            "to_ocel",
        ],
        ".graph",
    ),
    **dict.fromkeys(
        ["BatchResult", "ChronologyResult", "analyse_many", "write_analysis"], ".batch"
    ),
    **dict.fromkeys(["plot_by_rule", "plot_gaps", "plot_network", "plot_timeline"], ".plotting"),
    **dict.fromkeys(["render_report", "write_report"], ".report"),
    # the document readers' modules load when first used (see scr_timeline.io)
    **dict.fromkeys(["read_docx", "read_excel", "read_pdf", "read_text"], ".io"),
}


def __getattr__(name: str) -> Any:
    return _lazy.attribute(globals(), _LAZY, __name__, name)


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__version__ = "0.1.0"

__all__ = [
    "AnonymisationError",
    "AnonymisationKey",
    "BatchResult",
    "Chronology",
    "ChronologyMeta",
    "ChronologyReadError",
    "ChronologyResult",
    "ChronologyWarning",
    "DateParseError",
    "EmptyChronologyError",
    "Finding",
    "Findings",
    "InputLimitError",
    "MissingColumnError",
    "MissingDependencyError",
    "OutputError",
    "Rulebook",
    "RulebookError",
    "ScrTimelineError",
    "SourceInfo",
    "UnsupportedFormatError",
    "__version__",
    "analyse",
    "analyse_many",
    "anonymise",
    "as_of",
    "available_rulebooks",
    "build_graph",
    "contact_matrix",
    "find_names",
    "knowledge",
    "list_rules",
    "list_samples",
    "load_rulebook",
    "load_sample",
    "merge",
    "parse_date",
    "parse_dates",
    "parse_table",
    "personalise",
    "plot_by_rule",
    "plot_gaps",
    "plot_network",
    "plot_timeline",
    "read",
    "read_csv",
    "read_docx",
    "read_excel",
    "read_pdf",
    "read_text",
    "render_report",
    "sample_path",
    "to_gexf",
    "to_graphml",
    "to_node_link_json",
    "to_ocel",
    "write_analysis",
    "write_report",
]
