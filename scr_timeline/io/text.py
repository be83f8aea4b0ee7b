"""Narrative chronologies: paragraphs that start with a date become events.

A narrative chronology is prose, one paragraph per event, each opening with its date::

    On 14 July 1999 the health visitor (HV1) visited. Child A was asleep.
    14.7.99 - GP appointment: Mother reported that Child A was unsettled.
    Late July 1999: Police: domestic incident at the home address.

The date at the start of a paragraph is cut out by one compiled regular expression
(:data:`DATE_PREFIX`) and read by the shared date parser, exactly as a date cell of a table;
a paragraph that does not start with a date continues the event above it; text before the
first dated paragraph is the preamble (kept as the chronology's title lines and reported in
``warnings``, never silently dropped). The agency and practitioners come from the text: a
label after the date ("14.7.99 - GP: ..."), a heading above the paragraph, the title or file
name, ``agency=``, and failing all of those the first agency the paragraph names;
practitioner codes ("HV1", "SW2", "Dr P1") are collected from the paragraph.

:func:`parse_paragraphs` is pure (a list of paragraphs to a :class:`Chronology`); the Word
and PDF readers fall back to it for documents without a chronology table, and
:func:`read_text` reads ``.txt`` and ``.md`` files with it.
"""

from __future__ import annotations

import csv
import dataclasses
import functools
import html
import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any, Final

import numpy as np
import pandas as pd

from .. import schema as S
from ..chronology import Chronology, merge
from ..classify.agencies import agency_from_name, load_agency_aliases
from ..classify.roles import load_roles
from ..dates import parse_date, parse_date_arrays
from ..exceptions import (
    ChronologyReadError,
    DateParseError,
    EmptyChronologyError,
    MissingColumnError,
)
from .csv import decode_text
from .headers import is_footer_line, is_key_label, map_headings
from .table import _warning, classify_chronology, parse_table, with_warnings

__all__ = [
    "CONTINUED_NOTE",
    "CONTINUED_ROW",
    "DATE_PREFIX",
    "KEY_LINE",
    "PAGE_FURNITURE",
    "REPORT_SECTION",
    "TEXT_SUFFIXES",
    "UNKNOWN_DATE",
    "Paragraph",
    "comment_label",
    "dated_outside_tables",
    "email_thread",
    "has_yearless_dates",
    "is_period_date",
    "markup_list_note",
    "markup_list_only",
    "markup_list_start",
    "note_reference",
    "opens_with_time",
    "parse_paragraphs",
    "read_text",
    "split_date_prefix",
    "split_dated_text",
    "split_paragraphs",
    "trailing_notes",
    "with_warnings",
    "without_emphasis",
]

TEXT_SUFFIXES: Final = frozenset({".txt", ".text", ".md", ".markdown"})

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?![a-z])"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:(?:19|20)\d{2}|'?\d{2})"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)"
_QUALIFIER = (
    r"(?:\?\s*|(?:c\.|ca\.|circa|approx\.?|approximately|around|about)\s*"
    r"|(?:w/?c|w/?b|w/e|(?:week|wk\.?)\s+(?:commencing|beginning|starting|ending)"
    r"|(?:the\s+)?week\s+of)\s+"
    r"|(?:early|mid|late|end\s+of|beginning\s+of|start\s+of|middle\s+of)[\s-]+)"
)
#: Dates that name their day, month or season (an end of a range may be any of them).
_ABSOLUTE = (
    # ISO, with the time as a system exports it ("2007-03-12T14:30:00")
    r"(?:19|20)\d{2}-\d{1,2}-\d{1,2}(?:T\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
    r"(?![\dT])",
    r"\d{1,2}(?:\s*[-–]\s*\d{1,2})?[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})(?!\d)",  # 14.7.99
    rf"{_DAY}-{_MONTH}-(?:\d{{4}}|\d{{2}})(?!\d)",  # 14-Jul-1999
    rf"{_DAY}(?:\s*[-–/]\s*{_DAY}|\s+(?:to|and|&)\s+{_DAY})?(?:\s+of)?\s+{_MONTH}"
    rf"(?:,?\s+{_YEAR}(?!\d))?",  # 12 March 2007, 12-14 March, 12 and 13 March 2007
    rf"{_MONTH}\s+{_DAY},?\s+(?:19|20)\d{{2}}",  # July 14, 1999
    rf"{_MONTH},?\s+{_YEAR}(?!\d)",  # July 1999
    rf"{_MONTH}-(?:(?:19|20)\d{{2}}|\d{{2}})(?!\d)",  # Jul-99, as Excel shows a month
    rf"{_MONTH}\s*[/–—-]\s*{_MONTH},?\s+{_YEAR}(?!\d)",  # Jan/Feb 2008, March-April 2007
    # the days and holidays the date parser knows by name: "Christmas 2007", "Easter
    # 2008", "Summer term 2008", "October half term 2007" (it rejects a half term with
    # no month or term, with its reason)
    r"(?:christmas|x-?mas|boxing\s+day|new\s+year'?s?|good\s+friday|easter|bonfire\s+night"
    r"|hallowe'?en|(?:autumn|spring|summer)\s+(?:term|holidays?|hols)|(?:(?:feb(?:ruary)?|may"
    r"|whit(?:sun)?|oct(?:ober)?|spring|summer|autumn)\s+)?half[\s-]?term)"
    r"(?:\s+(?:eve|day|sunday|monday|saturday|weekend))?(?:\s+(?:holidays?|hols|break|week))?"
    r"(?:\s+of)?,?\s+(?:19|20)\d{2}(?:\s*/\s*\d{2,4})?(?!\d)",
    r"(?:spring|summer|autumn|fall|winter)\s+(?:of\s+)?(?:19|20)\d{2}",
)
#: The end of a range after its first date: "12/03/2007 - 14/03/2007", "12 March to 3 April
#: 2007" (the date parser reads the whole range).
_RANGE_END = rf"\s*(?:[-–—]|to|until|till)\s*{_WEEKDAY}?(?:{'|'.join(_ABSOLUTE)})"
#: A note in brackets after a date that it is uncertain ("21/03/07 (approx) - ...", "2007
#: (exact date unknown) - ..."): part of the date (the date parser marks it approximate).
_NOTE = (
    r"[(\[]\s*(?:approx(?:\.|imate(?:ly)?)?|c\.|circa|est(?:\.|imated?)?|\?|tbc|unconfirmed"
    r"|uncertain|(?:exact\s+)?date\s+(?:unknown|not\s+known|approximate|uncertain|estimated"
    r"|unconfirmed))\s*[)\]]"
)
_FORMS = (
    # two whole dates: "Between 12/03/2007 and 14/03/2007 HV1 tried to visit"
    rf"between\s+{_WEEKDAY}?(?:{'|'.join(_ABSOLUTE)})\s+(?:and|&)\s+{_WEEKDAY}?"
    rf"(?:{'|'.join(_ABSOLUTE)})",
    # the year may be left to a year's heading above ("between 3 and 5 June - ...")
    rf"between\s+{_DAY}(?:\s+{_MONTH})?\s+(?:and|&)\s+{_DAY}\s+{_MONTH}(?:\s*,?\s+{_YEAR})?",
    rf"between\s+{_MONTH}(?:\s+{_YEAR})?\s+(?:and|&)\s+{_MONTH}\s*,?\s+{_YEAR}",
    rf"(?:{'|'.join(_ABSOLUTE)})(?:{_RANGE_END})?",
    r"(?:(?:a|an|one|two|three|four|five|six|\d+)\s+(?:days?|weeks?|months?)\s+later"
    r"|the\s+(?:next|following)\s+(?:day|week|month|morning|evening))",
    # a bare year only before a separator: "2007: ...", "2007 (date unknown) - ..."
    # (or a span of years: "2007-2008: ...", "2007/08 - ...")
    rf"(?:19|20)\d{{2}}(?:\s*[/–—-]\s*(?:19|20)?\d{{2}}(?!\d))?(?=\s*(?:[:–—-]|{_NOTE}))",
)
#: A month without its year, under a year's heading: after a part of the month ("Late
#: July - ...", "mid-June: ..."), or alone before a separator ("July: ...", "March - ...");
#: a day and month in figures before a separator ("12/03 - ...").
_YEARLESS_MONTH = (
    rf"(?:early|mid|late|end\s+of|beginning\s+of|start\s+of|middle\s+of)[\s-]+{_MONTH}(?!\s*\d)"
    rf"|{_MONTH}(?=\s*:|\s+[-–—]\s)"
    # a day and month in figures with a slash before a separator ("12/03 - ..."; not
    # "12.03", which may be a time, nor a report's paragraph number "5.1")
    r"|(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2])(?=\s*:|\s+[-–—]\s)"
    # a part of a year, with no separator after it ("In late 2007 Mother moved")
    r"|(?:early|mid|late|(?:the\s+)?end\s+of|(?:the\s+)?beginning\s+of|(?:the\s+)?start\s+of)"
    r"[\s-]+(?:19|20)\d{2}(?![\d/])"
)
#: The time zone a log or a system writes after a time ("14:05 UTC", "1405hrs GMT", "14.05
#: BST", "14:05 (BST)"; a time may give its seconds, "14:05:30"): part of the time, which
#: the date parser reads (it had been taken for the text, and "UTC" for an agency's label).
_ZONE = r"(?:\s*(?:utc|gmt|bst|z)(?![\w+])|\s*[(\[]\s*(?:utc|gmt|bst)\s*[)\]])?"
_TIME = (
    r"(?:\d{1,2}:\d{2}(?::\d{2})?\s*(?:am|pm|hrs|h)?|\d{1,2}\.\d{2}\s*(?:am|pm|hrs|h)?"
    r"|\d{1,2}\s*(?:am|pm)|\d{4}\s*hrs)" + _ZONE
)
#: The words before the date in a review's narrative: "On", "In", "Later on", "Also on",
#: "Sometime in", "Overnight on", "On the evening of" (group ``part``), "At 14:30 on"
#: (group ``lead_time``).
_LEAD = (
    r"(?:(?:also|later|earlier|early|again|then)\s+)?"
    rf"(?:at\s+(?:approximately\s+|about\s+|around\s+)?(?P<lead_time>{_TIME})\s+on\s+(?:the\s+)?"
    r"|(?P<time_first>\d{1,2}:\d{2}\s*(?:am|pm|hrs|h)?|\d{1,2}\s*(?:am|pm)|\d{4}\s*hrs)"
    r"\s+on\s+(?:the\s+)?"
    # ("about" and "around" right before the date are left to it, which they mark
    # approximate: "On or about 20 March 2007", "Around 20 March 2007")
    rf"|(?:(?:on|in|during|by|from|at|around(?!\s+(?:\d|{_MONTH}))|towards?|overnight(?:\s+on)?"
    r"|some\s*time\s+in)\s+"
    rf"(?:or\s+(?=(?:about|around)\s+(?:\d|{_MONTH}))|or\s+(?:about|around)\s+)?(?:the\s+)?"
    # (or no word before a part of the day: "Evening of 12/03/2007 - ...")
    r"|(?=(?:the\s+)?(?:morning|afternoon|evening|night|early\s+hours|early\s+morning"
    r"|late\s+evening)\s+of\s)(?:the\s+)?)"
    r"(?:(?P<part>morning|afternoon|evening|night|early\s+hours|early\s+morning|late\s+evening)"
    r"\s+of\s+(?:the\s+)?)?)"
)
#: A part of the day written after the date ("12/03/2007 pm", "12/03/2007 (evening)"): part
#: of the date, which the date parser narrows to it.
_DAY_PART = (
    r"(?:\(\s*(?:am|pm|a\.m\.|p\.m\.|morning|afternoon|evening|night|overnight)\s*\)"
    r"|(?:am|pm|a\.m\.|p\.m\.|morning|afternoon|evening|night)(?![\w.]))"
)
# the end of a date or time at the start of a paragraph: its separator, then the text
# (dashes as Word and PDFs set them: ‐ ‑ ‒ − as well as - – —; a bar or bullet between)
_REST = r"(?=$|[\s:;,.)–—‐‑‒−|•-])\s*(?:[:;,)–—‐‑‒−|•-]+|\.(?=\s))?\s*(?P<rest>.*)\Z"
#: The date at the start of a paragraph: optional lead words ("On", "In", "At 14:30 on"),
#: the date in any form the date parser reads, an optional time ("at 14:30", "2.30pm",
#: "1430hrs", "@ 14:30", "at approx. 14:30") and the separator before the text. Groups ``date``, ``time``, ``lead_time``,
#: ``part`` (of the day) and ``rest``.
DATE_PREFIX: Final = re.compile(
    rf"^\s*(?:{_LEAD})?(?P<open>[\[(])?"
    rf"(?P<date>(?:{_QUALIFIER}?(?:{_WEEKDAY}(?:the\s+)?)?(?:{'|'.join(_FORMS)})|{_YEARLESS_MONTH})"
    rf"(?:\s*{_NOTE})?(?:\s*{_DAY_PART})?)"
    r"(?:\s*[,:;–—-]?\s*(?:(?:at\s+|@\s*)(?:approx(?:imately)?\.?\s+|about\s+|around\s+)?)?"
    rf"\(?(?P<time>(?:{_TIME})(?:\s*[-–—]\s*(?:{_TIME}))?)\)?)?(?(open)\s*[\])])" + _REST,
    re.IGNORECASE | re.DOTALL,
)
#: A date label before the date of an entry written as a block of labelled lines
#: ("Date: 12/03/2007", "Date of contact - 12/03/2007", "Date/Time: 12/03/2007 10:00"); not
#: the dates of the details above a chronology ("Date of birth", "Date of report").
_DATE_LABEL_WORDS: Final = (
    r"(?:(?:(?:event|contact|incident|visit|activity|appointment|meeting|episode"
    r"|occurrence|start|(?:case\s*)?note|consultation|session|actual)\s+)?date"
    r"(?:\s*/\s*time)?"
    r"(?:\s+of\s+(?!birth\b|report\b|review\b|completion\b|issue\b)"
    r"(?:the\s+)?[a-z]+(?:\s+[a-z]+)?)?|when)"
)
DATE_LABEL: Final = re.compile(
    r"^\s*" + _DATE_LABEL_WORDS + r"\s*(?::|\s[-–—]\s)\s*", re.IGNORECASE
)
#: A date label after other labels on the same line, one space apart ("Created by: SW1
#: Date: 12/03/2007 ...", as a PDF's lines of a note's header are joined). Group ``label``.
_LATER_DATE_LABEL: Final = re.compile(
    r"\s(?P<label>" + _DATE_LABEL_WORDS + r"\s*:\s*\S)", re.IGNORECASE
)
#: An entry whose author says its date is not known, at the start of a paragraph ("Date not
#: known - Merlin report submitted.", "Undated: letter from GP", "Date unknown (2007?):
#: ..."): an entry of its own, rejected for its date with the reason (it was run into the
#: entry above as its text, under that entry's date). Groups ``date`` and ``rest``.
#: So is one whose date was redacted before the chronology was shared: "[REDACTED] - ...",
#: "[date removed]: ...", "███ - ...", "XX/XX/XXXX - ..." (a date whose day and month alone
#: are masked, "XX/XX/2007", is read by the date parser as its year). A name removed
#: ("[name removed] - ...") is no date.
_REDACTED_DATE = (
    r"[\[(]\s*(?:date\s+)?(?:redacted|removed|withheld)(?:\s+date)?\s*[\])]"
    r"|[█▇■▓]+(?:[ /.\-]*[█▇■▓]+)*"
    r"|[xX]{2}(?:[xX]{2,})?(?:[/.\-](?:[xX]{2}|\d{1,2})[/.\-](?:[xX]{2,4}|\d{2}|\d{4}))?"
)
_UNKNOWN = (
    r"(?:(?:exact\s+)?date\s+(?:not\s+known|unknown|not\s+recorded|unclear|uncertain"
    r"|illegible|not\s+given)|undated|no\s+date(?:\s+(?:given|recorded))?|unknown\s+date"
    rf"|{_REDACTED_DATE})"
)
UNKNOWN_DATE: Final = re.compile(
    rf"^\s*(?P<date>{_UNKNOWN}(?:\s*[(\[][^)\]\n]{{0,30}}[)\]])?)"
    # a date masked but for its year needs no separator ("XX.XX.07 Letter from A&E")
    r"(?:\s*(?::|[-–—]\s)|(?<=\d)\s)\s*"
    r"(?P<rest>.*)\Z",
    re.IGNORECASE | re.DOTALL,
)
#: A date cell that says its date is not known ("Date unknown", "Unknown", "Not known").
_UNKNOWN_CELL: Final = re.compile(
    rf"^\W*(?:{_UNKNOWN}|unknown|not\s+known|n/?k)\W*$", re.IGNORECASE
)
#: A line that only rules off one block of a text from the next ("-----", "=====",
#: "* * *"): it parts paragraphs as a blank line does.
_RULED_OFF: Final = re.compile(r"^\s*([-=_*~+])(?:\s*\1){2,}\s*$")
#: A paragraph that opens with a time of day and no date ("22:55 PC1 and PC2 attended",
#: "1430hrs - ...", "At 2.30pm Mother phoned"): under a dated entry, an entry of its own on
#: that day (a police log, one day's contacts under the date). A time written with a
#: full stop needs its "am", "pm" or "hrs" ("3.14 The social worker ..." is a paragraph
#: number). Groups ``time`` and ``rest``.
_TIME_START: Final = re.compile(
    r"^\s*(?:at\s+)?(?P<time>(?:(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?:\s*(?:am|pm|hrs|h)\b)?"
    r"|(?:[01]?\d|2[0-3])\.[0-5]\d\s*(?:am|pm|hrs|h)\b|(?:1[0-2]|0?\d)\s*(?:am|pm)\b"
    r"|(?:[01]\d|2[0-3])[0-5]\d\s*hrs?\b)" + _ZONE + ")" + _REST,
    re.IGNORECASE | re.DOTALL,
)
# "Event: ...", "Outcome - ...": a label and its value, in a block of labelled lines
_FIELD_LINE = re.compile(
    r"^\s*(?P<label>[A-Za-z][\w /&'()-]{0,40}?)\s*:\s*(?P<value>.*)\Z", re.DOTALL
)
#: The parts of a block of labelled lines: its lines, and the labelled parts of a line
#: split by tabs or set apart by spaces ("Type: Home visit    Worker: SW1", as case
#: systems print a note's header).
_BLOCK_PARTS = re.compile(r"[\t\n]|\s{2,}(?=[A-Z][\w /&'()-]{0,30}?:\s)")
#: A label of a block's line: a word or a few, capitalised ("Subject", "Type of contact").
_SHORT_LABEL = re.compile(r"^[A-Z][\w/&'()-]*(?: [\w/&'()-]+){0,3}$")
#: Fields a labelled line of a block may fill; others stay in the details as written.
_BLOCK_FIELDS: Final = (
    S.TIME,
    S.AGENCY,
    S.SOURCE,
    S.PRACTITIONER,
    S.DETAILS,
    S.OUTCOME,
    S.COMMENT,
)
#: Words of a label that makes a paragraph under an entry the review author's comment on
#: it ("Analysis by IMR author:", "IMR author comment:", "Reviewer's analysis:",
#: "Learning:"), not words of a record ("Impact", "Observations" may be a clinician's).
_COMMENT_WORDS: Final = re.compile(
    r"\b(?:analys[ie]s|comments?|commentary|significance|reflections?|hindsight"
    # (not a learning disability nurse, mentor or support assistant)
    r"|learning(?!\s+(?:disabilit|difficult|support|mentor))"
    r"|evaluation|author|reviewer|IMR)\b",
    re.IGNORECASE,
)
# "3.2 On 14 July ...", "12. 14/07/1999 ...", "(a) ...", "iv) ..." (report paragraph and
# list numbers), bullets
_NUMBERING = re.compile(
    r"^\s*(?:(?:para(?:graph)?\.?\s*)?\d+(?:\.\d+)*\.?|\(?\d{1,3}\)|\(?[a-z]\)|[a-z]\.|\(?[ivx]{1,5}[.)]|[-*•▪◦·–])\s+",
    re.IGNORECASE,
)
# "GP: ...", "Police - ...", "[CSC] ...", "GP | ..." (cells pasted as text): an agency
# label at the start of the text
_LABEL = re.compile(r"^\s*\[?(?P<label>[^\s:\[\]|][^:\[\]|\n]{0,48}?)\]?\s*(?::|\s[-–—|]\s|\])\s*")
_MARKDOWN_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_FURNITURE_ITEM = (
    r"(?:(?:not\s+protectively\s+marked|(?:strictly\s+|highly\s+)?"
    r"(?:official|restricted|confidential|protect|secret)|in\s+confidence)"
    r"(?:\s*[-:–—]?\s*(?:sensitive|personal|commercial|medical|police|private))*"
    r"|page\s*\d+(?:\s*(?:of|/)\s*\d+)?|[-–—]\s*\d{1,3}\s*[-–—]|\d{1,3}\s*(?:of|/)\s*\d{1,3}"
    # the report's status: "Draft v2", "DRAFT 3.1 for panel", "Not for circulation"
    r"|(?:final\s+|working\s+|panel\s+)?draft(?:\s*(?:v(?:ersion|er)?\.?\s*)?\d+(?:\.\d+)*)?"
    r"(?:\s+(?:for\s+(?:panel|comment|comments|discussion|consultation)|only))*"
    r"|(?:not\s+for\s+(?:onward\s+)?(?:circulation|publication|distribution|sharing)"
    r"|do\s+not\s+(?:copy|circulate|forward|share|distribute))(?:\s+(?:or|and)\s+\w+)?)"
)
#: A line of page furniture: a protective marking ("OFFICIAL-SENSITIVE", "OFFICIAL -
#: SENSITIVE: PERSONAL", "Not protectively marked"), a page number ("Page 2 of 14", "- 3
#: -", "3/14") or the report's status ("Draft v2 - not for circulation"), or several of
#: them on one line ("OFFICIAL-SENSITIVE    Draft v2    Page 3 of 12"), as a printed page
#: carries and a text copied or exported from it keeps: no title and no text of an entry.
PAGE_FURNITURE: Final = re.compile(
    rf"^\W*{_FURNITURE_ITEM}(?:[\s\W]*{_FURNITURE_ITEM})*\W*$",
    re.IGNORECASE,
)
#: A note that a table goes on across a page ("(continued)", "Chronology continued on
#: next page", "Table 2 cont'd", "Continued from previous page"), as authors type between
#: the parts of a table split by hand: no title, and no end of the table.
CONTINUED_NOTE: Final = re.compile(
    r"^\W*(?:(?:the\s+)?(?:combined\s+|multi-agency\s+)?(?:table|chronology)(?:\s+\d+)?\s*)?"
    r"[(\[]?\s*(?:continued|cont['’]?d|contd)\.?"
    r"(?:\s+(?:on\s+(?:the\s+)?(?:next|following)\s+page|overleaf|over|below"
    r"|from\s+(?:the\s+)?(?:previous|last)\s+page|from\s+page\s+\d+))?\s*[)\]]?\W*$",
    re.IGNORECASE,
)
#: A date cell saying that its row carries on the entry above ("Cont.", "cont'd",
#: "continued", "(continued)", "Ctd", "Cont. from previous page"): no date, and no entry of
#: its own.
CONTINUED_ROW: Final = re.compile(
    r"^\W*(?:cont(?:inued|'?d|/d|\.?\s*d)?|ctd|carried\s+(?:on|over|forward))\.?"
    r"(?:\s*(?:from\s+)?(?:above|previous(?:\s+(?:page|row|entry))?|overleaf|over))?\W*$",
    re.IGNORECASE,
)
#: A key to abbreviations or a note typed above a table ("Key: HV = health visitor; SW =
#: social worker", "Abbreviations used: ...", "Note: ..."): no title of the table (it names
#: agencies, but not the table's).
KEY_LINE: Final = re.compile(
    r"^\W*(?i:key|abbreviations?(?:\s+used)?|acronyms?|glossary|notes?)\s*(?::|[-–—]\s)"
    r"|^\W*[A-Z][A-Za-z&]{0,7}\s*(?:=|[-–—]\s)\s*\w[^=]{0,60}[;,]\s*[A-Z][A-Za-z&]{0,7}\s*=",
)
#: The heading of a section of a review report that discusses the case rather than
#: records it ("5. Analysis", "Findings and recommendations", "Terms of reference",
#: "Lessons learned"): its dated paragraphs ("In March 2007 the HV should have ...") are
#: no events of a narrative chronology.
REPORT_SECTION: Final = re.compile(
    r"^(?:(?:section|part|chapter)\s+\d+\s*[:.\-–—]?\s*|\d+(?:\.\d+)*\.?\s+)?(?:the\s+)?"
    r"(?:terms\s+of\s+reference|methodology|method|(?:the\s+)?review\s+process"
    r"|analysis(?:\s+of\s+(?:practice|involvement|agency\s+involvement))?"
    r"|(?:key\s+)?findings(?:\s+and\s+recommendations)?|lessons(?:\s+(?:learn(?:ed|t)|identified))?"
    # the learning drawn from the case ("3. Learning points", "Summary of learning")
    r"|(?:key\s+|summary\s+of\s+(?:the\s+)?|practice\s+|areas\s+(?:of|for)\s+)?learning"
    r"(?:\s+(?:points|themes|identified|and\s+recommendations|from\s+(?:the|this)\s+review))?"
    r"|(?:agency\s+|single\s+agency\s+|multi-agency\s+)?recommendations|conclusions?"
    r"|good\s+practice|glossary|references|acknowledge?ments|contents|table\s+of\s+contents"
    r"|(?:membership\s+of\s+the\s+)?(?:review\s+)?panel(?:\s+membership)?"
    r"|parallel\s+processes|family\s+involvement|involvement\s+of\s+the\s+family"
    # the report's apparatus: its notes and the records it drew on ("1. 12/01/2009 -
    # letter from the GP practice to the panel" is no event of the case)
    r"|(?:end|foot)\s*notes|notes\s+and\s+references|bibliography|abbreviations(?:\s+used)?"
    r"|(?:sources|source\s+documents)(?:\s+of\s+information)?|information\s+sources"
    r"|(?:documents|records|information)\s+(?:reviewed|examined|considered|seen|provided))"
    r"\s*[:.]?$",
    re.IGNORECASE,
)
#: A heading of the review's own retelling of the episodes it chose ("2. Key practice
#: episodes"): the chronology's entries told again and judged. Its paragraphs are set
#: aside when other dated paragraphs are read (a chronology in an appendix), and read
#: when they are the only account of the case.
RETELLING_SECTION: Final = re.compile(
    r"^(?:(?:section|part|chapter)\s+\d+\s*[:.\-–—]?\s*|\d+(?:\.\d+)*\.?\s+)?(?:the\s+)?"
    r"(?:key\s+|significant\s+)?(?:practice\s+)?episodes(?:\s+of\s+practice)?\s*[:.]?$",
    re.IGNORECASE,
)
_MAX_TITLE_LINES: Final = 5
_MAX_TITLE_LENGTH: Final = 200
_HEADINGS: Final = (
    "Date",
    "Time",
    "Agency",
    "Practitioner",
    "Details",
    "Outcome",
    "Source",
    "Comment",
)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of a narrative document.

    Attributes
    ----------
    text
        The paragraph as written (wrapped lines already joined).
    number
        Where a person finds it: the paragraph number in the document (Word), on the page
        (PDF) or the first line's number (text files). Becomes ``source_row``.
    heading
        A heading (Word heading style, Markdown ``#``): never an event or a continuation;
        a heading that names an agency gives the agency of the paragraphs under it.
    sheet
        Where the numbering restarts ("page 3"); ``None`` for the caller's ``sheet``.
    emphasis
        The whole paragraph is set in bold or underlined (a heading typed by hand): when
        it is a short agency's name over dated paragraphs ("Police" in bold), it is a
        heading.
    """

    text: str
    number: int
    heading: bool = False
    sheet: str | None = None
    emphasis: bool = False


#: A note's mark in superscript figures right after a figure, near a paragraph's start.
_RAISED_MARK: Final = re.compile(r"(?<=\d)[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_MARK_REACH: Final = 64


def split_date_prefix(text: str) -> tuple[str, str | None, str] | None:
    """Split a paragraph that starts with a date into (date, time, rest); None if it does not.

    Report paragraph numbers and bullets before the date are skipped.

    Examples
    --------
    >>> split_date_prefix("On 14 July 1999 the health visitor (HV1) visited.")
    ('14 July 1999', None, 'the health visitor (HV1) visited.')
    >>> split_date_prefix("14.7.99 - GP appointment")
    ('14.7.99', None, 'GP appointment')
    >>> split_date_prefix("Late July 1999: Mother moved")
    ('Late July 1999', None, 'Mother moved')
    >>> split_date_prefix("3.2 On 12/03/2007 at 14:30 PC1 attended")
    ('12/03/2007', '14:30', 'PC1 attended')
    >>> split_date_prefix("At 22:40 on 12 March 2007 police attended.")
    ('12 March 2007', '22:40', 'police attended.')
    >>> split_date_prefix("On the evening of 12 March 2007 police attended.")
    ('12 March 2007', None, 'Evening: police attended.')
    >>> split_date_prefix("Mother said she would attend.") is None
    True
    """
    if _RAISED_MARK.search(text, 0, _MARK_REACH) is not None:
        # a note's mark after the date ("14/03/2007² - ...", "On 14 March 2007¹ the HV"):
        # no part of the date
        text = _RAISED_MARK.sub("", text[:_MARK_REACH]) + text[_MARK_REACH:]
    match = _after_paragraph_number(DATE_PREFIX.match(text))
    rest = text
    for _ in range(2):  # a bullet and a number typed after it ("• 5.1 On 12 March 2007")
        numbered = _NUMBERING.match(rest) if match is None else None
        if numbered is None:
            break
        rest = rest[numbered.end() :]
        match = DATE_PREFIX.match(rest)
    agency = None
    if match is None:
        labelled = DATE_LABEL.match(text)
        if labelled is not None:
            match = DATE_PREFIX.match(text[labelled.end() :])
        else:
            found = _agency_first(rest)
            if found is not None:
                agency, match = found
        if match is None:
            return None
    time = match["time"] or match["lead_time"] or match["time_first"]
    rest = _WEEKDAY_AFTER.sub("", match["rest"].strip(), count=1)
    if match["part"]:  # "On the evening of ...": the part of the day is kept in the text
        rest = f"{' '.join(match['part'].split()).capitalize()}: {rest}".rstrip(": ")
    if agency is not None:  # its label, where an agency's label after the date goes
        rest = f"{agency}: {rest}".rstrip(": ")
    # "Monday the 12th of March 2007" as the date parser reads it: "Monday 12th of ..."
    date = _WEEKDAY_THE.sub(r"\1", match["date"].strip(), count=1)
    return date, time.strip() if time else None, rest


#: A report's paragraph number of three parts ("3.4.12"), which reads as a date in figures
#: too (3 April 2012), and the space after it (no separator, as a date's "3.4.12 - ").
PARAGRAPH_NUMBER: Final = re.compile(r"^\s*\d{1,2}\.\d{1,2}\.\d{2}\.?\s+(?=[^\s:;,.|–—‐‑‒−-])")


def _after_paragraph_number(match: re.Match[str] | None) -> re.Match[str] | None:
    """The date after a report's paragraph number ("3.4.12 On 20 March 2007 ...", "3.4.12
    20/03/2007 - ..."), where ``match`` took the number for the date: a date opening the
    text after it says that the number is none."""
    if match is None or match["lead_time"] or match["time_first"]:
        return match
    number = PARAGRAPH_NUMBER.match(match.string)
    if number is None or match.end("date") > number.end():
        return match
    return DATE_PREFIX.match(match.string[number.end() :]) or match


#: "the" between a weekday and its day ("On Monday the 12th of March 2007").
_WEEKDAY_THE: Final = re.compile(rf"^(\W*{_QUALIFIER}?{_WEEKDAY})the\s+", re.IGNORECASE)


#: The day of the week in brackets after a date ("12 March 2007 (Monday) - HV visit"): a
#: note on the date, not the entry's first words.
_WEEKDAY_AFTER: Final = re.compile(
    r"^[(\[]\s*(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?\s*[)\]]"
    r"\s*(?:[-–—:,;|]\s*)?",
    re.IGNORECASE,
)


#: The words of an agency's name written before the date ("Police - 12/03/2007 - ...",
#: "GP 12/03/07: ...", "[CSC] 12/03/2007 ..."), at most this many.
_MAX_AGENCY_FIRST_WORDS: Final = 5
_AGENCY_FIRST_WORD: Final = re.compile(r"\[?[A-Z][\w&'’./()]*\]?")


def _agency_first(text: str) -> tuple[str, re.Match[str]] | None:
    """An agency's name then the date at the start of a paragraph ("Police - 12/03/2007 -
    DV call-out", "Health Visiting: 14.7.99 ..."): the name and the date's match, or None.
    The date must come right after the name and its separator (not after lead words: "The
    GP on 12 March ..." is a sentence), and the name must name an agency."""
    if _DIGIT_NEAR_START.search(text, 0, _AGENCY_FIRST_REACH) is None:
        return None  # (a date with its year or day has a figure: none near the start)
    words = text.split(None, _MAX_AGENCY_FIRST_WORDS + 1)
    if not words or _AGENCY_FIRST_WORD.fullmatch(words[0].rstrip(":–—-")) is None:
        return None
    at = 0
    for k, word in enumerate(words[:_MAX_AGENCY_FIRST_WORDS]):
        at = text.index(word, at) + len(word)
        remainder = text[at:].lstrip(" \t:–—-")
        opens = remainder[:1].isdigit() or remainder[:1] in "[(?"
        if not opens and _WORDS_OPENING_A_DATE.match(remainder) is None:
            continue
        match = DATE_PREFIX.match(remainder)
        if match is None or match.start("date") > 0 or match["time_first"] or match["lead_time"]:
            continue
        if {w.casefold().strip(",:–—-") for w in words[: k + 1]} & _NO_NAME_WORDS:
            return None  # a sentence ("The GP on 12 March ..."), no agency's name
        label = " ".join(words[: k + 1]).strip("[]:–—- ")
        if label and agency_from_name(label) is not None:
            return label, match
    return None


_DIGIT_NEAR_START: Final = re.compile(r"\d")
_AGENCY_FIRST_REACH: Final = 90
_WORDS_OPENING_A_DATE: Final = re.compile(rf"(?:{_QUALIFIER}|{_WEEKDAY}|{_MONTH})", re.IGNORECASE)
#: Words of a sentence that opens with its subject, not of an agency's name.
_NO_NAME_WORDS: Final = frozenset(
    {
        *("the", "a", "an", "on", "in", "at", "by", "from", "during", "around", "since"),
        *("until", "between", "said", "says", "was", "were", "is", "had", "has", "saw"),
        *("seen", "told", "that", "who", "which", "when", "also", "then", "later"),
    }
)


_LINE_END: Final = re.compile(r"\r\n|\r|\n")
#: A year alone on a line ("2008", "2007/08", "2007-2008"), as it heads the entries below.
_YEAR_ALONE: Final = re.compile(r"^(?:19|20)\d{2}(?:\s*[/–—-]\s*(?:(?:19|20)?\d{2}))?:?$")


def text_lines(text: str) -> list[str]:
    """The lines of a text as an editor numbers them: split at line ends only (a form
    feed, which ``str.splitlines`` also splits at, starts a page within its line).

    Examples
    --------
    >>> text_lines("a\\r\\nb\\n\\fc\\n")
    ['a', 'b', '\\x0cc']
    """
    lines = _LINE_END.split(text)
    return lines[:-1] if lines and not lines[-1] else lines


def split_paragraphs(text: str) -> list[Paragraph]:
    """Split plain text (or Markdown) into paragraphs numbered by their first line.

    A blank line, or a line that only rules off ("-----", "====="), ends a paragraph; a line
    that starts with a date or a date label ("Date: ...") starts a new one (a text with one
    event per line and no blank lines); other lines are wrapped text and join the line
    above with a space, but for a list item ("- agreed s47 enquiry", "• ...") and, in a
    block of labelled lines, a line of its own label ("Outcome: NFA"), which join it after
    a line break. Markdown headings (``# GP records``) are headings. Page
    furniture (a protective marking, a page number: :data:`PAGE_FURNITURE`) and, in a
    text of pages split by form feeds (a PDF's text, a system's print-out), a line at the
    top or foot of its page that comes back there on other pages (a running header) are
    left out: an entry carries on over them, and a sentence the page break cut goes on as one
    line.

    Examples
    --------
    >>> text = "# Title\\n\\n12/03/2007 seen\\nby GP\\n13/03/2007 HV visit\\n"
    >>> [(p.number, p.text, p.heading) for p in split_paragraphs(text)]
    [(1, 'Title', True), (3, '12/03/2007 seen by GP', False), (5, '13/03/2007 HV visit', False)]
    """
    out: list[Paragraph] = []
    lines: list[str] = []
    start = 0

    def flush() -> None:
        if lines:
            # a list item under the entry's first line starts a line of its own
            block = any(DATE_LABEL.match(line) for line in lines)
            text = "".join(
                (
                    (
                        "\n"
                        if _own_line(line, block=block)
                        or (block and _note_prose(line) and _ends_with_short_field(lines[k - 1]))
                        else " "
                    )
                    if k
                    else ""
                )
                + line
                for k, line in enumerate(lines)
            )
            out.append(Paragraph(text, start))
            lines.clear()

    running = _running_lines(text)
    masked = {_DIGITS.sub("#", key) for key in running}
    page_agency: dict[int, str] = {}  # the agency a page's running lines name, by page
    page = 0  # the page of the line (form feeds end pages)
    last_page = 0  # the page of the paragraph's last line
    gap = False  # a blank line since the paragraph's last line
    dated = False  # a line starting with a date was met
    for number, line in enumerate(text_lines(text), start=1):
        stripped = line.strip()
        text_at = len(line) - len(line.lstrip("\f \t"))  # a form feed before it: a new page
        page += line.count("\f", 0, text_at)
        is_running = (
            bool(running and stripped)
            and _DIGITS.sub("#", stripped) in masked  # (cheaper: most lines are not)
            and running_key(stripped) in running
        )
        repeated = is_running and (page > 0 or dated)
        if is_running and page not in page_agency:
            named = _running_agency_name(stripped)
            if named is not None:
                page_agency[page] = named
                if page and named != page_agency.get(page - 1, named):
                    # another agency's pages (chronologies printed one after another):
                    # its name over them, as a heading names the agency below it
                    flush()
                    out.append(Paragraph(named, number, heading=True))
                    gap = False
        elif page and page not in page_agency and page - 1 in page_agency and stripped:
            page_agency[page] = page_agency[page - 1]  # (a page whose header names none)
        page += line.count("\f", text_at)
        if stripped and (PAGE_FURNITURE.match(stripped) or repeated):
            continue  # not text of the entry it may fall within (the first is the title)
        if _UNDERLINE.match(stripped) and not gap and _underlined_heading(lines):
            # a heading underlined as Markdown and plain text do it ("Metropolitan Police"
            # over "-------------------"): a heading, not text of the entry above
            out.append(Paragraph(lines[0], start, heading=True))
            lines.clear()
            dated = dated or _month_heading(out[-1].text) is not None
            continue
        if _RULED_OFF.match(stripped):
            flush()
            gap = False
            continue
        if not stripped:
            gap = True
            continue
        if gap and not _goes_on_over_page(lines, stripped, page != last_page):
            flush()
        gap, last_page = False, page
        heading = _MARKDOWN_HEADING.match(line)
        if heading is not None:
            flush()
            out.append(Paragraph(line[heading.end() :].strip(), number, heading=True))
            # a month's heading ("## March 2007"): its days ("- 12th - ...") start entries
            dated = dated or _month_heading(out[-1].text) is not None
            continue
        header = _labels_before_date(stripped)
        if header is not None:  # "Created By: SW1    Date: 14/03/2007    Subject: ..."
            flush_first = not (lines and _labels_over_date(lines, header[-1]))
            if flush_first:
                flush()
            if not lines:
                start = number
            lines.extend(header)
            dated = True
            continue
        starts = (
            (
                split_date_prefix(stripped) is not None
                # a date the line above leads to is no new entry ("... at the clinic
                # on" / "14/03/2007 at 10:00. Mother said ...": wrapped text)
                and not (lines and _LEADS_ON.search(lines[-1]) is not None)
            )
            or DATE_LABEL.match(stripped) is not None
            or UNKNOWN_DATE.match(stripped) is not None
        )
        starts = starts or (dated and _DAY_ALONE.match(stripped) is not None)
        # a year alone on its line between entries of a line each ("2008"): its heading
        starts = starts or (dated and _YEAR_ALONE.match(stripped) is not None)
        if not starts and dated and lines and _TIME_START.match(stripped):
            # a time after the end of a sentence, or under a date alone: a new entry
            above = split_date_prefix(lines[-1])
            starts = lines[-1].endswith((".", "!", "?", ":")) or (
                above is not None and not above[2] and len(lines) == 1
            )
        dated = dated or starts
        if lines and starts and not _labels_over_date(lines, stripped):
            flush()
        if not lines:
            start = number
        lines.append(stripped)
    flush()
    return out


#: A line that underlines the one above it as a heading ("=======", "-------", "--").
_UNDERLINE: Final = re.compile(r"^(?:={2,}|-{2,})$")
_MAX_HEADING_WORDS: Final = 8


def _underlined_heading(lines: list[str]) -> bool:
    """Whether the paragraph ``lines``, with a line of "=" or "-" right under it, is a
    heading: one short line that is no sentence and opens with no date (an entry ruled
    off from the next is not)."""
    if len(lines) != 1:
        return False
    text = lines[0]
    return (
        len(text.split()) <= _MAX_HEADING_WORDS
        and not text.endswith((".", ";", ","))
        and split_date_prefix(text) is None
        and DATE_LABEL.match(text) is None
    )


#: The last word of a line that leads on to the next (a preposition, an article, a
#: conjunction), in lower case: a line of wrapped text, so a date at the start of the next
#: is in the middle of its sentence ("A Merlin was submitted on" / "21 March 2007 ...").
#: Not "A" ("Child A"), which ends a name.
_LEADS_ON: Final = re.compile(
    r"(?:^|\s)(?:on|at|in|of|the|an|to|from|by|until|till|and|or|since|before|after|dated"
    r"|with|for|between|than|when|that|during|was|were|is|are|be|been|until|into|onto)$"
)


#: The end of a sentence, or of a line that introduces what follows it.
_SENTENCE_ENDS: Final = (".", "!", "?", ":", ";", '"', "”", ")")


def _goes_on_over_page(lines: list[str], line: str, new_page: bool) -> bool:
    """Whether ``line``, after blank lines, carries on the paragraph ``lines`` across a
    page break (a printed page's foot and the next page's head, blank lines around them):
    the paragraph stops mid-sentence and ``line`` goes on in lower case ("...; HO1" over
    the page, then "wrote to Mother."). Blank lines on the same page part paragraphs."""
    return (
        new_page
        and bool(lines)
        and not lines[-1].endswith(_SENTENCE_ENDS)
        and line[:1].islower()
        and split_date_prefix(line) is None
    )


def _labelled_line(line: str) -> bool:
    """A line of a label and its value ("Agency: Police", "Subject: Visit")."""
    labelled = _FIELD_LINE.match(line)
    return labelled is not None and (
        _field_of(labelled["label"]) in _BLOCK_FIELDS
        or _SHORT_LABEL.match(labelled["label"]) is not None
    )


def _labels_before_date(line: str) -> list[str] | None:
    """A note's header printed on one line with its date label after other labels, set
    apart by tabs or spaces ("Created By: SW1    Date: 14/03/2007 10:00    Subject: Home
    visit"), as its lines up to the date label's (the rest of the line goes with the
    date's): a block's first lines, which the date label's line would start; else None."""
    if ":" not in line or ("\t" not in line and "  " not in line):
        return None
    parts = [p.strip() for p in _BLOCK_PARTS.split(line) if p.strip()]
    at = next((k for k, p in enumerate(parts) if DATE_LABEL.match(p)), 0)
    if not at or not _labels_over_date(parts[:at], parts[at]):
        return None
    return [*parts[:at], "    ".join(parts[at:])]


def _labels_over_date(lines: list[str], line: str) -> bool:
    """Whether ``line``, a date label, goes on the block of labelled lines above it (its
    agency, worker... written before its date: "Agency: Police", then "Date: ..."), not
    on a block with a date of its own."""
    return DATE_LABEL.match(line) is not None and all(
        _labelled_line(above) and DATE_LABEL.match(above) is None for above in lines
    )


def _opens_next_block(event: _Event | None, text: str) -> bool:
    """Whether a labelled paragraph opens the next block of labelled lines rather than
    going on the block above: an agency before any entry, or a field that block has
    filled already ("Agency: CSC" under a block that said "Agency: Police"); its date
    label comes after it."""
    labelled = _FIELD_LINE.match(text.strip())
    if labelled is None or "\n" in text.strip():
        return False
    field = _field_of(labelled["label"])
    if event is None:  # above the first entry: only its agency (else the report's details)
        return field == S.AGENCY
    return event.fields is not None and bool(field and event.fields.get(field))


def _block_title(event: _Event | None, text: str) -> bool:
    """Whether an undated paragraph under a block of labelled lines may be the title of
    the next block ("Incident 2", "Contact 14", "Home visit" over "Date/Time: ..."): one
    short line (six words at most) with no label and no full stop. It is held for that
    block; when no block follows, it is the text of the one above as before."""
    text = " ".join(text.split())
    return (
        event is not None
        and event.fields is not None
        and 0 < len(text.split()) <= 6
        and not text.endswith((".", ":", ";", ","))
        and _FIELD_LINE.match(text) is None
    )


def _date_label_first(text: str) -> str:
    """A block of labelled lines with its date label line first: "Agency: Police",
    "Date: 02/04/2007", "Details: ..." as "Date: 02/04/2007", "Agency: Police", ...; other
    text as it is."""
    lines = text.split("\n")
    at = next((k for k, line in enumerate(lines) if DATE_LABEL.match(line)), 0)
    if not at and not DATE_LABEL.match(lines[0]) and _FIELD_LINE.match(lines[0]):
        later = _LATER_DATE_LABEL.search(lines[0])  # "Created by: SW1 Date: ... Subject:"
        if later is not None:
            before = _labelled_pieces(lines[0][: later.start("label")].strip())
            lines = [*before, lines[0][later.start("label") :], *lines[1:]]
            at = len(before)
            if not _labels_over_date(lines[:at], lines[at]):
                return text
    if at and _labels_over_date(lines[:at], lines[at]):
        return "\n".join([lines[at], *lines[:at], *lines[at + 1 :]])
    return text


def comment_label(text: str) -> str | None:
    """The text after a label of the review author's comment at the start of ``text``
    ("Analysis by IMR author: ...", "Comment: ...", "Reviewer's analysis - ..."), or None
    when it opens with no such label.

    Examples
    --------
    >>> comment_label("Analysis by IMR author: the visit was timely.")
    'the visit was timely.'
    >>> comment_label("Observations: temperature 37.2") is None
    True
    >>> comment_label("Reviewer: HV1 should have referred to CSC.")
    'HV1 should have referred to CSC.'
    """
    text = text.strip()
    if text[:1] in "[(" and text[-1:] in "])":  # "[Reviewer's note: no enquiry made.]"
        text = text[1:-1]
    labelled = _FIELD_LINE.match(text.strip())
    if labelled is None or not _COMMENT_WORDS.search(labelled["label"]):
        return None
    own = _REVIEWER_LABEL.fullmatch(labelled["label"].strip()) is not None
    return labelled["value"].strip() if own or _field_of(labelled["label"]) == S.COMMENT else None


#: The reviewer's own label alone, or with the kind of note ("Reviewer:", "Lead
#: reviewer:", "Reviewer's note:", "Reviewer query:"): no column heading, but the review's
#: note on the entry as "Reviewer's analysis:" is (a Word text box over the entry,
#: printed to PDF, or typed under it), not the agency's record, where "HV1 should have
#: referred" would read as a referral.
_REVIEWER_LABEL: Final = re.compile(
    r"(?:(?:lead|independent)\s+)?reviewer(?:['’]?s)?"
    r"(?:\s+(?:note|notes|query|question|observation|remark))?",
    re.IGNORECASE,
)


def _own_line(line: str, *, block: bool) -> bool:
    """Whether a line of a paragraph keeps its line break (is no wrapped text): a list
    item, a line opening with a label of the review author's comment ("Analysis by IMR
    author: ..."), or in a block of labelled lines (one opening with "Date: ...") a line
    of a label of its own ("Agency: Police", "Outcome: NFA")."""
    if _BULLET_START.match(line) or comment_label(line) is not None:
        return True
    if not block:
        return False
    return DATE_LABEL.match(line) is not None or _labelled_line(line)


# --- periods: a year, season or month heading the entries below it -------------------------
#: The precisions of a date that heads a period rather than dates an event ("2007",
#: "March 2007", "Spring 2007", "2006 - 2007").
_PERIOD_PRECISIONS: Final = frozenset({"year", "season", "month"})
_MAX_PERIOD: Final = 40


def is_period_date(text: str) -> bool:
    """Whether ``text`` is a date no finer than a month ("2007", "Spring 2008", "March
    2007", "2006 - 2007"), with at most a note on it ("(approx.)", "continued"): alone in
    a row or paragraph, it heads a period of the case. A month followed by an entry's text
    ("Jan-08: SW1 visit.") is an entry dated to the month, not a period.

    Examples
    --------
    >>> is_period_date("2007"), is_period_date("Spring 2008"), is_period_date("12 March 2007")
    (True, True, False)
    >>> is_period_date("March 2007 (approx.)"), is_period_date("Jan-08: SW1 visit.")
    (True, False)
    """
    text = " ".join(text.split())
    if not text or len(text) > _MAX_PERIOD or _text_after_date(text):
        return False
    masked = UNKNOWN_DATE.match(text)  # "XX/XX/2007 - SW1 phoned": an entry, its day masked
    return (masked is None or not masked["rest"]) and _opens_with_period(text)


def _opens_with_period(text: str) -> bool:
    """Whether ``text`` opens with a date no finer than a month, whatever follows it (a
    heading "2007: Child A in Mother's care" still gives its year to the dates under it)."""
    try:
        return parse_date(" ".join(text.split())[:_MAX_PERIOD])[2] in _PERIOD_PRECISIONS
    except DateParseError:
        return False


#: Notes a date may carry after it ("March 2007 (approx.)", "12/03/2007 pm", "2007 -
#: continued", "March 2007 cont.", "2008 onwards"): no text of an entry.
_PERIOD_NOTE: Final = re.compile(
    r"[(\[][^)\]]*[)\]]|\b(?:approx(?:imately)?|circa|ca|c|am|pm|a\.m|p\.m|hrs|morning"
    r"|afternoon|evening|night|overnight|early\s+hours|cont(?:inued|['’]?d)?|onwards?|ongoing"
    r"|to\s+date)\b\.?|\?",
    re.IGNORECASE,
)


def _text_after_date(text: str) -> bool:
    """Whether a line that opens with a date goes on with the text of an entry ("Jan-08:
    SW1 visit.", "June 2007: GP appt, DNA."): an entry dated to the month, not the heading
    of a period, however coarse its date. A note ("(approx.)", "continued") is no text."""
    split = split_date_prefix(text)
    if split is None or not split[2] or CONTINUED_NOTE.match(split[2]):
        return False
    return re.search(r"[^\W\d_]", _PERIOD_NOTE.sub(" ", split[2])) is not None


#: A day written alone at the start of a paragraph, with its weekday or ordinal and a
#: separator ("Monday 12th - ...", "Wed 14: ...", "3rd - ...", "The 17th - ..."), or
#: after "On" as a sentence opens ("On the 12th HV1 visited", "On 19th, Mother phoned",
#: "On Tuesday 3rd the HV ..."; not "On the 2nd visit ...": a word in small letters other
#: than "the" or "a" after the day is no sentence's subject), also as a list item ("- 10th
#: - ...", "• 15th: ..."): under a month's heading, a day of that month. Groups ``date``
#: and ``rest``.
_DAY_ALONE: Final = re.compile(
    r"^\s*(?:[-*•▪◦·–]\s+)?(?:(?P<on>on\s+)|the\s+)?"
    rf"(?P<date>{_WEEKDAY}?(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)|{_WEEKDAY}(?:the\s+)?\d{{1,2}})"
    r"(?:\s*[-–—:,]\s*|(?(on)\s+(?=(?-i:[A-Z])|(?:the|a|an)\s)|(?!)))"
    r"(?P<rest>.*)\Z",
    re.IGNORECASE | re.DOTALL,
)


def _month_heading(text: str) -> str | None:
    """``text`` as a month ("March 2007"), when it is one and nothing finer or coarser."""
    text = " ".join(text.split())
    if not text or len(text) > _MAX_PERIOD or _text_after_date(text):
        return None
    try:
        return text if parse_date(text)[2] == "month" else None
    except DateParseError:
        return None


def has_yearless_dates(cells: pd.Series) -> bool:
    """Whether a date among ``cells`` is written without its year ("12 March", "3 Jan"):
    such dates take their year from a year, season or month above them.

    Examples
    --------
    >>> has_yearless_dates(pd.Series(["12/03/2007", "14 March"]))
    True
    """
    found = parse_date_arrays(cells.astype(object).where(cells.notna(), None))
    codes = np.concatenate(
        [np.asarray(found.error_code, dtype=object), np.asarray(found.warning_codes, dtype=object)]
    )
    return bool(np.isin(codes, ["missing_year", "year_inferred"]).any())


_DIGITS = re.compile(r"\d+")


def running_key(line: str) -> str:
    """A stripped line as running headers and footers are matched: its digits aside
    ("Page 3 of 7"), but for the date it starts with: an entry's date comes back only as
    written ("15/03/2007 - SW1 phoned Mother, no answer." and "22/03/2007 - SW1 phoned
    Mother, no answer." ending two pages are two entries; "01/04/2020 14:32  Page 1 of 3"
    and "... Page 2 of 3" are one footer).

    Examples
    --------
    >>> running_key("Page 3 of 7"), running_key("15/03/2007 - SW1 phoned Mother")
    ('Page # of #', '15/03/2007 - SW# phoned Mother')
    """
    dated = split_date_prefix(line)
    if dated is None:
        return _DIGITS.sub("#", line)
    rest = dated[2]
    head = line[: len(line) - len(rest)] if rest and line.endswith(rest) else line
    return head + _DIGITS.sub("#", line[len(head) :])


#: Fields whose labelled line is an entry's own text, never a running line.
_ENTRY_TEXT_FIELDS: Final = (S.TIME, S.DETAILS, S.OUTCOME, S.COMMENT)


def _running_agency_name(line: str) -> str | None:
    """The first part of a running header or footer (parts apart by tabs or wide spaces)
    that names an agency ("Northshire Police" beside "OFFICIAL-SENSITIVE"), or None."""
    for part in re.split(r"\t|\s{3,}", line):
        part = " ".join(part.split())
        if part and not PAGE_FURNITURE.match(part) and agency_from_name(part) is not None:
            return part
    return None


def _entry_field(line: str) -> bool:
    """A labelled line of an entry's time or text ("Outcome: NFA", "Time: 10:00"): a
    block's text, never a running line, though two entries end two pages with it (a
    print-out's "Agency: Northshire Police" on each page may be one)."""
    labelled = _FIELD_LINE.match(line)
    return labelled is not None and _field_of(labelled["label"]) in _ENTRY_TEXT_FIELDS


#: A running header or footer block is at most this many lines (a case system's print-out:
#: the council, the report and child, when and by whom it was printed).
_RUNNING_DEPTH: Final = 6


def _running_lines(text: str) -> frozenset[str]:
    """The running headers and footers of a text split into pages by form feeds: lines
    (their digits aside) that are the first or last line of at least two pages and half of
    them, markings and page numbers passed over, and under (over) such a first (last)
    line, the lines that come back as the next of the block on as many pages (a header
    block of several lines). None for a text without form feeds."""
    pages = text.split("\f")
    if len(pages) < 2:
        return frozenset()
    filled = [
        [
            line.strip()
            for line in page.splitlines()
            if line.strip() and not PAGE_FURNITURE.match(line.strip())
        ]
        for page in pages
    ]
    # only a page's first and last lines can be running ones
    filled = [
        [running_key(line) for line in lines]
        if len(lines) <= 2 * _RUNNING_DEPTH
        else [
            *map(running_key, lines[:_RUNNING_DEPTH]),
            *map(running_key, lines[-_RUNNING_DEPTH:]),
        ]
        for lines in filled
    ]
    least = max(2, len(pages) // 2)
    found: set[str] = set()
    for side in (filled, [lines[::-1] for lines in filled]):  # from the top, the foot
        active = list(range(len(side)))  # pages whose lines so far are all running
        for depth in range(_RUNNING_DEPTH):
            counts: dict[str, int] = {}
            for p in active:
                if depth < len(side[p]):
                    counts[side[p][depth]] = counts.get(side[p][depth], 0) + 1
            new = {key for key, n in counts.items() if n >= least and not _entry_field(key)}
            if not new:
                break
            found |= new
            active = [p for p in active if depth < len(side[p]) and side[p][depth] in new]
    return frozenset(found)


# --- agencies and practitioners named in the text -------------------------------------------
def _alias_key(text: str) -> str:
    return " ".join(text.casefold().replace("’", "'").split())


@functools.lru_cache(maxsize=1)
def _mention_patterns() -> tuple[re.Pattern[str], dict[str, str], re.Pattern[str], dict[str, str]]:
    """Agency aliases and practitioner codes as found in prose, with what each maps to.

    Abbreviations count only as written in capitals ("GP", "A&E", never "Met" or "ed");
    guard aliases ("Adult Social Care") are matched so that a shorter alias inside them is
    not, and map to nothing.
    """
    aliases = load_agency_aliases()
    lookup: dict[str, str] = {}
    parts: list[tuple[int, str, str]] = []
    for alias, code, kind in aliases[["alias", S.AGENCY, "kind"]].itertuples(index=False):
        alias = str(alias).strip()
        if kind == "abbreviation" and not (alias.isupper() and len(alias) >= 2):
            continue
        if kind == "cell":  # a whole agency cell only ("111"), never words of a sentence
            continue
        key = _alias_key(alias)
        if key in lookup or not key:
            continue
        lookup[key] = "" if kind == "guard" or code == "other" else str(code)
        body = r"\s+".join(re.escape(w).replace("'", "['’]?") for w in alias.split())
        pattern = body if kind == "abbreviation" else f"(?i:{body})"
        parts.append((len(alias), key[0], pattern))
    parts.sort(key=lambda item: -item[0])  # the longest alias wins at a position
    # one group of aliases per first character, each behind a look at that character:
    # at a position the engine tries only the aliases that can start there (a single
    # alternation of every alias cost milliseconds per paragraph)
    groups: dict[str, list[str]] = {}
    for _length, first, pattern in parts:
        groups.setdefault(first, []).append(pattern)
    alternatives = [
        f"(?=[{re.escape(first + first.upper())}])(?:{'|'.join(patterns)})"
        for first, patterns in groups.items()
    ]
    agencies = re.compile(rf"(?<![\w&])(?:{'|'.join(alternatives)})(?![\w&])")

    roles = load_roles()
    codes: dict[str, str] = {}
    for phrase, agency in roles[["phrase", S.AGENCY]].itertuples(index=False):
        phrase = str(phrase)
        if re.fullmatch(r"[a-z]{2,5}", phrase) and phrase.upper() not in codes:
            codes[phrase.upper()] = str(agency) if isinstance(agency, str) else ""
    names = "|".join(sorted(codes, key=len, reverse=True))
    practitioners = re.compile(rf"\b(?:(?:{names})\s?\d{{1,4}}|Dr\.?\s+[A-Z][A-Za-z]*\d*)\b")
    return agencies, lookup, practitioners, codes


def _named_agency(text: str) -> tuple[str, str] | None:
    """The first agency named in prose, as (code, name), or None.

    The name is the words as written, or the agency's name when a practitioner code
    ("HV1", "SW2") names it.
    """
    agencies, lookup, practitioners, codes = _mention_patterns()
    first: tuple[int, str, str] | None = None
    for match in agencies.finditer(text):
        code = lookup.get(_alias_key(match.group()), "")
        if code:
            first = (match.start(), code, match.group())
            break
    for match in practitioners.finditer(text):
        if first is not None and match.start() >= first[0]:
            break
        prefix = re.match(r"[A-Za-z]+", match.group())
        code = codes.get(prefix.group().upper(), "") if prefix else ""
        if code:  # written as the agency's name, which the agency column reads back
            first = (match.start(), code, S.AGENCY_LABELS[code])
            break
    return (first[1], first[2]) if first else None


def _practitioners(text: str) -> str | None:
    """Practitioner codes in a paragraph, distinct and in order: "HV1 / TM1"."""
    _agencies, _lookup, practitioners, _codes = _mention_patterns()
    found = dict.fromkeys(" ".join(m.group().split()) for m in practitioners.finditer(text))
    return " / ".join(found) if found else None


#: An agency label is a name of this many words at most ("North Middlesex University
#: Hospital"), not a sentence.
_MAX_LABEL_WORDS: Final = 6


#: The end of a sentence inside the words before a colon (not "St. Mary's", "Dr. Patel").
_SENTENCE_END: Final = re.compile(r"(?<!\bSt)(?<!\bDr)(?<!\bMr)(?<!\bMrs)(?<!\bMs)[.!?;]\s")


#: What is left of a label of practitioner codes once they are taken out ("HV1/SW1",
#: "PC2 & PC3", "SW1, TM1 and HV1"): the marks and words that join them.
_CODES_ONLY: Final = re.compile(r"(?:[\s/&,+]|\band\b)*", re.IGNORECASE)


def _label(rest: str) -> str | None:
    """An agency label at the start of the text after the date ("GP: ...", "[CSC] ..."):
    a short name that names an agency, not the entry's first sentence ("Strategy
    discussion held with police. - agreed s47 enquiry")."""
    match = _LABEL.match(rest)
    if match is None:
        return None
    label = match["label"].strip()
    if len(label.split()) > _MAX_LABEL_WORDS or label.endswith((".", "!", "?", ";", ",")):
        return None
    if _SENTENCE_END.search(label):  # "HV1 phoned GP1. Note: ...": a sentence, then a label
        return None
    _agencies, _lookup, practitioners, _codes = _mention_patterns()
    if _CODES_ONLY.fullmatch(practitioners.sub("", label)) and practitioners.search(label):
        return None  # "12/03/2007 - PC2 - ...", "HV1/SW1 -": who acted, not an agency
    return label if agency_from_name(label) is not None else None


# --- paragraphs to a chronology -------------------------------------------------------------
@dataclass
class _Event:
    number: int
    sheet: str | None
    date: str
    time: str | None
    texts: list[str]
    agency: str | None
    # an entry written as a block of labelled lines ("Date: ...", "Event: ..."): by field
    fields: dict[str, list[str]] | None = None
    # the review author's comment on the entry ("Analysis by IMR author: ...")
    comments: list[str] = dataclasses.field(default_factory=list)

    def add(self, text: str) -> None:
        """Add a paragraph (or the text after the date) to the event: to its details, or in
        a block of labelled lines, each "Label: value" line or tab-separated part to the
        field its label names (a line without a label carries on the one before). A line
        opening with a label of the review author's comment ("Analysis by IMR author:")
        starts the entry's comment, and what follows it carries the comment on."""
        if self.fields is None:
            lines = text.split("\n")
            at = next((k for k, line in enumerate(lines) if comment_label(line) is not None), None)
            if self.comments or at == 0:
                at = 0
            elif at is None:
                self.texts.append(text)
                return
            else:
                self.texts.append("\n".join(lines[:at]))
            first = comment_label(lines[at])
            self.comments.extend(
                line
                for line in [first if first is not None else lines[at], *lines[at + 1 :]]
                if line.strip()
            )
            return
        last: list[str] | None = None
        short = False  # the last label's field holds a name or a time, not prose
        for number, line in enumerate(text.split("\n")):
            parts = (p.strip() for p in _BLOCK_PARTS.split(line))
            for part in filter(None, (piece for p in parts for piece in _labelled_pieces(p))):
                labelled = _FIELD_LINE.match(part)
                field = _field_of(labelled["label"]) if labelled else None
                if labelled and field in _BLOCK_FIELDS:
                    last = self.fields.setdefault(str(field), [])
                    short = field in _SHORT_FIELDS
                    if labelled["value"].strip():
                        last.append(labelled["value"].strip())
                elif labelled and _SHORT_LABEL.match(labelled["label"]):
                    last = self.texts  # a label of no field ("Subject: ..."): text as written
                    short = False
                    last.append(part)
                elif last is not None and not (number and short and _note_prose(part)):
                    last.append(part)
                else:  # (a note's text on the lines under its header's labels, "Worker:
                    # SW1", is its details, not more of the worker's name)
                    last, short = self.texts, False
                    self.texts.append(part)


#: Fields of a block whose value is a name, a code or a time ("Worker: SW1", "Time:
#: 14:30"): a line of prose under them is no more of that value.
_SHORT_FIELDS: Final = frozenset({S.TIME, S.AGENCY, S.SOURCE, S.PRACTITIONER})
#: A note's prose: a sentence's end, or four words or more.
_NOTE_PROSE: Final = re.compile(r"[.!?]$|^\S+(?:\s+\S+){3,}")


def _ends_with_short_field(line: str) -> bool:
    """Whether a line of a block of labelled lines ends with a field holding a name, a
    code or a time ("Date: 12/03/2007 14:30    Type: Home Visit    Worker: SW1"), or a
    label of no field, a title ("Subject: Home visit"): the prose under it is the note's
    text on a line of its own, not more of that field or title."""
    parts = [p.strip() for p in _BLOCK_PARTS.split(line) if p.strip()]
    pieces = _labelled_pieces(parts[-1]) if parts else []
    labelled = _FIELD_LINE.match(pieces[-1]) if pieces else None
    if labelled is None:
        return False
    field = _field_of(labelled["label"])
    return field in _SHORT_FIELDS or (
        field is None and _SHORT_LABEL.match(labelled["label"]) is not None
    )


def _note_prose(text: str) -> bool:
    """Whether a line without a label reads as prose (a note's text), not as the rest of
    a name wrapped onto the next line ("Hospital NHS Trust")."""
    return _NOTE_PROSE.search(text.strip()) is not None


#: A label within a line of a block, after a space ("... TIME: 23:10 OFFICER: PC1").
_INLINE_LABEL = re.compile(r"(?<=\s)([A-Za-z][A-Za-z/&'()-]*(?: [A-Za-z/&'()-]+){0,2})\s*:\s")


def _labelled_pieces(part: str) -> list[str]:
    """A line of a block cut before each label of a field within it ("DATE: 12/03/2007
    TIME: 23:10 OFFICER: PC1 DETAILS: ...", labels set apart by single spaces); a label
    that names no field ("Mother said: ...") stays in the text."""
    # not inside the line's own label ("Created by: SW1" is one label, not "Created" and
    # "by: SW1")
    first = _FIELD_LINE.match(part)
    after = first.start("value") if first is not None else 0
    # after a field holding a name, a code or a time, a title's label in capitals is cut
    # too ("Worker: SW1 Type: Home Visit", a note's header as a PDF joins it: the worker
    # was "SW1 Type: Home Visit")
    short = first is not None and _field_of(first["label"]) in _SHORT_FIELDS
    cuts = []
    for m in _INLINE_LABEL.finditer(part, after):
        field = _field_of(m[1])
        if field in _BLOCK_FIELDS:
            cuts.append(m.start(1))
            short = field in _SHORT_FIELDS
        elif short and m[1][:1].isupper() and _SHORT_LABEL.match(m[1]):
            cuts.append(m.start(1))
            short = False
    return [part[a:b].strip() for a, b in zip([0, *cuts], [*cuts, len(part)], strict=True)]


@functools.lru_cache(maxsize=256)
def _field_of(label: str) -> str | None:
    """The field a block's label names ("Event" -> details), or None."""
    from .headers import map_headings

    return map_headings([label]).get(0)


def opens_with_time(text: str) -> bool:
    """Whether a paragraph or line opens with a time of day and no date ("22:55 PC1
    attended", "1430hrs - ..."): under an entry dated to a day, an entry of its own.

    Examples
    --------
    >>> opens_with_time("22:55 PC1 and PC2 attended."), opens_with_time("3.14 The SW visited.")
    (True, False)
    """
    return split_date_prefix(text) is None and _TIME_START.match(text) is not None


def _day_entry(event: _Event) -> bool:
    """Whether an entry is dated to a day (a paragraph opening with a time under it is an
    entry of its own on that day), not a week, month or longer, nor a block of labelled
    lines."""
    if event.fields is not None:
        return False
    try:
        _start, _end, precision = parse_date(event.date)
    except (DateParseError, ValueError):
        return False
    return precision == "day"


_NUMBER_PARTS: Final = re.compile(r"\s*(\d{1,2})\.(\d{1,2})\.(\d{2})")


def _numbered_paragraphs(items: Sequence[Paragraph]) -> set[int]:
    """The ids of the paragraphs that open with a report's paragraph number of three parts
    ("3.4.11 Mother said ...", read as 3 April 2011) and no date after it, in a document
    whose paragraphs are numbered so: one of them has a date after its number ("3.4.10 On
    12 March 2007 ...") or two of them are numbered one after the other ("3.4.11",
    "3.4.12"; dates one day apart differ in their first part). Elsewhere "14.7.99 GP
    appointment" is a date."""
    opening = [
        (para, number)
        for para in items
        if not para.heading and (number := PARAGRAPH_NUMBER.match(para.text)) is not None
    ]
    if not opening:
        return set()
    parts = {
        tuple(int(p) for p in found.groups())
        for _para, number in opening
        if (found := _NUMBER_PARTS.match(number.group())) is not None
    }
    numbered = any((a, b, c + 1) in parts for a, b, c in parts) or any(
        DATE_PREFIX.match(para.text[number.end() :]) is not None for para, number in opening
    )
    if not numbered:
        return set()
    return {
        id(para) for para, number in opening if DATE_PREFIX.match(para.text[number.end() :]) is None
    }


#: A report's paragraph number before an entry ("3.4 ", "12. ", "3.4.11 "), not a bullet or
#: a list letter.
_REPORT_NUMBER: Final = re.compile(r"^\s*(?:para(?:graph)?\.?\s*)?\d{1,3}(?:\.\d{1,3}){0,2}\.?\s+")
#: A whole date (day, month and year) inside a sentence: "admitted on 13/12/2006", "took
#: place on 15 December 2006".
_SENTENCE_DATE: Final = re.compile(
    rf"(?<![\w/.-])(?:{_ABSOLUTE[0]}|{_ABSOLUTE[1]}|{_ABSOLUTE[2]}"
    rf"|{_DAY}(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}(?!\d)|{_ABSOLUTE[4]})",
    re.IGNORECASE,
)


def _date_in_first_sentence(text: str) -> tuple[str, str] | None:
    """The date of a numbered paragraph of a review's narrative that does not open with its
    date ("3.3 Child A was admitted to hospital on 13/12/2006 with bruising."): the first
    whole date of its first sentence, and the paragraph's text after its number; None
    without one. A date in a later sentence ("... She had seen the GP on 3 March 2006.") is
    the paragraph's history, not its date."""
    number = _REPORT_NUMBER.match(text)
    if number is None:
        return None
    body = text[number.end() :].strip()
    end = _SENTENCE_END.search(body)
    found = _SENTENCE_DATE.search(body, 0, end.start() if end else len(body))
    if found is None:
        return None
    return found.group(), body


def _dated_in_sentence_from(
    items: Sequence[Paragraph], start: int, entry: int | None
) -> int | None:
    """Where, from ``items[start]``, a review's numbered paragraphs dated inside their
    first sentence begin: the first such paragraph numbered in the same chapter as the
    first entry that opens with its date, ``items[entry]`` ("4.1" before "4.3"), or
    followed by another such paragraph (or by that entry). A lone one of another chapter
    ("1.1 This review was commissioned on 12 January 2009 ...", then "4. Narrative of
    events") is the report's own. None without."""
    chapter = _chapter(items[entry].text) if entry is not None else None
    numbered = [
        (index, _date_in_first_sentence(para.text) is not None, _chapter(para.text))
        for index, para in enumerate(items[start:entry], start=start)
        if not para.heading and _REPORT_NUMBER.match(para.text) is not None
    ]
    if entry is not None:
        numbered.append((entry, True, chapter))
    return next(
        (
            index
            for (index, dated, part), (_, after, _part) in itertools.pairwise(numbered)
            if dated and (after or (chapter is not None and part == chapter))
        ),
        None,
    )


_CHAPTER: Final = re.compile(r"^\s*(?:para(?:graph)?\.?\s*)?(\d{1,3})\.\d")


def _chapter(text: str) -> str | None:
    """The chapter of a paragraph numbered in two parts or more ("4" of "4.12 ..."), else
    None."""
    found = _CHAPTER.match(text)
    return found.group(1) if found else None


def _first_numbered_entry(items: Sequence[Paragraph], numbered: set[int]) -> int | None:
    """The position of the first paragraph opening with its date (outside the review's own
    sections), when it opens with a report's paragraph number ("4.3 On 10 May 2007 ..."),
    else None. Only the paragraphs up to it are looked at."""
    aside = False
    for index, para in enumerate(items):
        text = para.text.strip()
        if para.heading:
            aside = bool(REPORT_SECTION.match(" ".join(text.split())))
            continue
        if aside or not text or id(para) in numbered:
            continue
        text = _date_label_first(text)
        if split_date_prefix(text) is not None:
            return index if _REPORT_NUMBER.match(text) is not None else None
    return None


def _section_start(items: Sequence[Paragraph], index: int) -> int:
    """The position of the first paragraph after the last heading above ``items[index]``
    (0 under none)."""
    return next(
        (at + 1 for at in range(index - 1, -1, -1) if items[at].heading),
        0,
    )


def _as_paragraphs(paragraphs: Iterable[str | Paragraph]) -> list[Paragraph]:
    out: list[Paragraph] = []
    for position, item in enumerate(paragraphs, start=1):
        if isinstance(item, Paragraph):
            out.append(item)
        elif isinstance(item, str):
            out.append(Paragraph(item, position))
        else:
            raise TypeError(f"paragraphs must be strings or Paragraph, not {type(item).__name__}")
    return out


def _preview(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def parse_paragraphs(
    paragraphs: Iterable[str | Paragraph],
    *,
    source: str | PurePath,
    sheet: str = "paragraph",
    fmt: str | None = "text",
    agency: str | None = None,
    title: str | None = None,
    classify: bool = True,
    **options: Any,
) -> Chronology:
    """Turn the paragraphs of a narrative chronology into a Chronology.

    Every paragraph that starts with a date (:func:`split_date_prefix`) becomes an event;
    the paragraphs under it that do not start with a date continue it (joined to its
    details with a line break); paragraphs before the first date are the preamble: short
    ones become the title lines (which may name the agency), and a warning
    (``narrative_preamble``) says what was kept out of the events. Headings are never
    events; one that names an agency gives the agency of the paragraphs under it. A
    heading parts the entry above it from the paragraphs under it: those that do not start
    with a date, before the first that does, are rejected rows (``undated_paragraph``). A
    block of labelled lines whose date label holds no date ("Date: unknown") is an entry
    whose date is rejected with the reason, as a table's date cell. Under a month's
    heading ("March 2007"), a paragraph opening with its day alone, with its weekday or
    ordinal ("Monday 12th - ...", "2nd - ..."), is an entry on that day of the month
    (``day_under_month`` warning). Under a day's heading ("12 March 2007") and an agency's
    subheading, the undated paragraphs are that agency's entry of that day.

    Each event's agency is, in order: a label after the date ("14.7.99 - GP: ..."), the
    heading above, the title lines or file name (as for any table), ``agency=``, and else
    the first agency (or practitioner code, "HV1") the paragraph names. ``practitioner``
    holds the codes the paragraph names ("HV1 / TM1").

    Parameters
    ----------
    paragraphs
        The paragraphs in order: strings (numbered 1, 2, ...) or :class:`Paragraph`.
    source
        The file they came from.
    sheet
        ``source_sheet`` of the events ("paragraph", "line"); a paragraph's own ``sheet``
        ("page 3") wins.
    fmt
        The format recorded in ``meta.sources``.
    agency, title, classify, **options
        As for :func:`scr_timeline.parse_table` (``dayfirst``, ``child_dob``, ...).

    Returns
    -------
    Chronology
        ``source_row`` is the paragraph's number; date cells that cannot be read are
        rejected with the reason, as in a table.

    Raises
    ------
    EmptyChronologyError
        No paragraph starts with a date.

    Examples
    --------
    >>> chron = parse_paragraphs([
    ...     "Chronology of agency involvement (fictional)",
    ...     "On 14 July 1999 the health visitor (HV1) visited Child A at home.",
    ...     "Mother said the bruise was from a fall.",
    ...     "14.7.99 - GP: Child A seen, no concerns.",
    ...     "31 June 1999: impossible date.",
    ... ], source="child-a.txt", classify=False)
    >>> chron.events[["agency", "practitioner", "source_row"]].values.tolist()
    [['health_visiting', 'HV1', 2], ['gp', <NA>, 4]]
    >>> chron.events["details"].iloc[0]
    'the health visitor (HV1) visited Child A at home.\\nMother said the bruise was from a fall.'
    >>> chron.rejected["reason_code"].tolist()
    ['impossible_date']
    """
    items = _as_paragraphs(paragraphs)
    items = _headings_by_what_follows(items)
    file = PurePath(str(source)).name
    items, foot = _without_foot(items)
    items = _notes_in_place(items)
    numbered = _numbered_paragraphs(items)  # "3.4.11 Mother said ...": no date
    preamble: list[Paragraph] = []
    events: list[_Event] = []
    headings: list[Paragraph] = []
    periods: list[Paragraph] = []  # headings that are a year, season or month ("2007")
    # the review's own sections (analysis, findings, recommendations): heading, paragraphs
    set_aside: list[tuple[Paragraph, int]] = []
    timed_entries: list[Paragraph] = []  # entries opening with a time, under a dated one
    # paragraphs without a date under a heading that parts them from the entry above
    undated: list[tuple[Paragraph, Paragraph]] = []
    days_alone: list[Paragraph] = []  # entries dated by their day under a month's heading
    # numbered paragraphs dated by a date inside their first sentence ("3.3 Child A was
    # admitted on 13/12/2006 ..."), in a narrative whose dated entries are numbered
    in_sentence: list[Paragraph] = []
    # labelled lines ("Agency: CSC") held for the block of labelled lines they open
    pending: list[Paragraph] = []

    def collect(aside_sections: int, numbered_from: int | None = None) -> None:
        # aside_sections: 2, the review's own sections and its retelling of the episodes
        # are set aside; 1, its own sections only; 0, neither
        section: str | None = None
        parted: Paragraph | None = None  # a heading since the last entry began
        month: str | None = None  # the month a heading above names ("March 2007")
        # the day a heading above names ("12 March 2007" over agencies' subheadings), and
        # whether the paragraph before was a heading
        head_date: tuple[str, str | None] | None = None
        head_at = 0  # where in the preamble that heading is, before the first entry
        fresh = False
        aside = False  # in a section of the review's own: its paragraphs are not read
        # whether a dated entry opened with a report's paragraph number ("3.1 On ...")
        numbered_entries = False
        for index, para in enumerate(items):
            if numbered_from is not None and index == numbered_from:
                # the numbered paragraphs of the entries' own section, above its first
                # entry that opens with its date (below)
                numbered_entries = True
            text = para.text.strip()
            if not text or PAGE_FURNITURE.match(text):  # a marking or page number typed in
                continue
            if para.heading:
                head_text = " ".join(text.split())
                aside = (aside_sections >= 1 and REPORT_SECTION.match(head_text) is not None) or (
                    aside_sections >= 2 and RETELLING_SECTION.match(head_text) is not None
                )
                if aside:
                    set_aside.append((para, 0))
                    continue
            elif aside:
                heading, count = set_aside[-1]
                set_aside[-1] = (heading, count + 1)
                continue
            if para.heading:
                release()
                # a heading in a heading style that opens with a year, season or month
                # heads that period, whatever follows ("2007: Child A in Mother's care")
                period = _opens_with_period(text)
                if period:
                    periods.append(para)
                if events:
                    headings.append(para)
                    # an agency's, a period's or a day's heading parts the entry above
                    # from what follows; another ("Action", "Outcome") may be inside it
                    if (
                        agency_from_name(text) is not None
                        or period
                        or split_date_prefix(text) is not None
                    ):
                        parted = para
                else:
                    preamble.append(para)
                section = text if agency_from_name(text) is not None else section
                if period:
                    month = _month_heading(text)
                head = split_date_prefix(text)
                if head is not None and not head[2] and not period:
                    head_date = (head[0], head[1])
                    head_at = len(preamble) - 1  # the headings from here head an entry
                elif agency_from_name(text) is None:
                    head_date = None
                fresh = True
                continue
            after_heading, fresh = fresh, False
            text = _date_label_first(text)
            split = None if id(para) in numbered else split_date_prefix(text)
            day = _DAY_ALONE.match(text) if split is None and month is not None else None
            if day is not None:  # "Monday 12th - ..." under "March 2007"
                date = re.sub(r"\bthe\s+", "", day["date"].strip(), flags=re.IGNORECASE)
                split = (f"{date} {month}", None, day["rest"])
                days_alone.append(para)
            timed = _TIME_START.match(text) if split is None and events else None
            if timed is not None and _day_entry(events[-1]):
                last = events[-1]
                if last.time is None and not last.texts and not last.comments:  # a date alone
                    last.time = timed["time"]
                    last.add(timed["rest"])
                    continue
                event = _Event(para.number, para.sheet, last.date, timed["time"], [], None)
                if timed["rest"]:
                    event.add(timed["rest"])
                event.agency = _label(timed["rest"]) or last.agency
                events.append(event)
                timed_entries.append(para)
                parted = None
                continue
            labelled = DATE_LABEL.match(text) if split is None else None
            if labelled is not None:  # "Date: unknown": a block whose date is no date
                first, _, more = text[labelled.end() :].partition("\n")
                split = (first.strip(), None, more)
            unknown = UNKNOWN_DATE.match(text) if split is None else None
            if unknown is not None:  # "Date not known - ...": an entry, its date rejected
                split = (unknown["date"].strip(), None, unknown["rest"])
            if split is None and head_date is not None and after_heading:
                # under a day's heading and an agency's subheading: that agency's entry
                if not events:  # the headings over it are no title lines
                    headings.extend(preamble[head_at:])
                    del preamble[head_at:]
                event = _Event(para.number, para.sheet, head_date[0], head_date[1], [], None)
                event.add(text)
                event.agency = section
                events.append(event)
                parted = None
                continue
            inside = (
                _date_in_first_sentence(text)
                if split is None and numbered_entries and pending == []
                else None
            )
            if inside is not None:
                split = (inside[0], None, inside[1])
                in_sentence.append(para)
            if split is None:
                if parted is not None:
                    undated.append((para, parted))
                elif (
                    pending
                    or _opens_next_block(events[-1] if events else None, text)
                    or ("\n" not in text and _block_title(events[-1] if events else None, text))
                ):
                    pending.append(para)
                elif events:
                    events[-1].add(text)
                else:
                    preamble.append(para)
                continue
            parted = head_date = None
            date, time, rest = split
            if inside is None and _REPORT_NUMBER.match(text) is not None:
                numbered_entries = True
            block = DATE_LABEL.match(text) is not None and DATE_PREFIX.match(text) is None
            if not block:
                release()
            event = _Event(para.number, para.sheet, date, time, [], None, {} if block else None)
            if pending:  # its labelled lines above its date ("Agency: Police")
                event.number, event.sheet = pending[0].number, pending[0].sheet
                for held in pending:
                    event.add(held.text.strip())
                pending.clear()
            if rest:
                event.add(rest)
            event.agency = _label(rest) if not block else None
            events.append(event)
            if event.agency is None:
                event.agency = section
        release()

    def release() -> None:
        """The labelled lines held for a block that did not come: the text of the entry
        above them, or the preamble."""
        for held in pending:
            if events:
                events[-1].add(held.text.strip())
            else:
                preamble.append(held)
        pending.clear()

    def again(aside_sections: int, numbered_from: int | None = None) -> None:
        for kept in (
            events,
            preamble,
            headings,
            periods,
            timed_entries,
            undated,
            days_alone,
            in_sentence,
            pending,
        ):
            kept.clear()
        set_aside.clear()
        collect(aside_sections, numbered_from)

    # a review's numbered narrative whose first entries carry their date inside their
    # first sentence ("4.1 Child A was seen by the GP on 3 May 2007 ..."), above the first
    # that opens with it ("4.3 On 10 May 2007 ..."): the numbered paragraphs of that
    # section (since the last heading above that entry) are dated by their first sentence,
    # as those under it are, not the preamble
    entry = _first_numbered_entry(items, numbered)
    aside_sections = 2
    early = (
        _dated_in_sentence_from(items, _section_start(items, entry), entry)
        if entry is not None
        else None
    )
    collect(aside_sections, early)
    while not events and set_aside and aside_sections:
        # every dated paragraph is in them: read the episodes, then the rest, after all
        aside_sections -= 1
        again(aside_sections, early)
    if not events:
        # no paragraph opens with a date: a review's narrative whose every numbered
        # paragraph carries its date inside its first sentence ("4.2 Police were called to
        # the family home on 14 May 2007 ...") is read so
        start = _dated_in_sentence_from(items, 0, None)
        if start is not None:
            again(aside_sections, start)
    if not events:
        raise EmptyChronologyError(
            "no paragraph starts with a date",
            file=file,
            expected="paragraphs that open with their date, such as 'On 14 July 1999 ...', "
            "'14.7.99 - ...' or 'Late July 1999: ...'",
        )

    titles = [
        " ".join(p.text.split())
        for p in preamble
        if len(p.text.strip()) <= _MAX_TITLE_LENGTH and p not in periods and _title_line(p)
    ][:_MAX_TITLE_LINES]
    named = next(
        (code for name in [*titles, PurePath(file).stem] if (code := agency_from_name(name))),
        None,
    )
    use_mentions = named is None and agency is None

    fields = [e.fields or {} for e in events]
    details = [
        "\n".join([*f.get(S.DETAILS, []), *e.texts]) or None
        for e, f in zip(events, fields, strict=True)
    ]
    for event, labelled in zip(events, fields, strict=True):
        if labelled.get(S.AGENCY):
            event.agency = " ".join(labelled[S.AGENCY])
        if labelled.get(S.TIME) and event.time is None:
            event.time = " ".join(labelled[S.TIME])
    agencies: list[str | None] = []
    for event, body, labelled in zip(events, details, fields, strict=True):
        # the worker a block names by its label ("Created by: SW1") before any agency
        # its note's text mentions ("... seen at nursery", "... with PC2")
        named_by = " ".join(labelled.get(S.PRACTITIONER, []))
        if event.agency is None and use_mentions and (body or named_by):
            found = (_named_agency(named_by) if named_by else None) or (
                _named_agency(body) if body else None
            )
            agencies.append(found[1] if found else None)
        else:
            agencies.append(event.agency)
    practitioners = [
        " / ".join(f[S.PRACTITIONER]) if f.get(S.PRACTITIONER) else _practitioners(t) if t else None
        for t, f in zip(details, fields, strict=True)
    ]

    warnings: list[dict[str, Any]] = [
        _warning(
            "footer_row",
            "a line under the last entry read as the report's footer, not as its text: "
            f"{_preview(para.text)!r}",
            file,
            para.sheet or sheet,
            para.number,
        )
        for para in foot
    ]
    if preamble:
        warnings.append(
            _warning(
                "narrative_preamble",
                f"{len(preamble)} paragraph(s) before the first dated paragraph are the "
                f"preamble, not events (title: {titles[0]!r})"
                if titles
                else f"{len(preamble)} paragraph(s) before the first dated paragraph are the "
                f"preamble, not events: {_preview(preamble[0].text)!r}",
                file,
                preamble[0].sheet or sheet,
                preamble[0].number,
            )
        )
    warnings.extend(
        _warning(
            "report_section",
            f"{count} paragraph(s) under {_preview(para.text)!r} were not read as events: "
            + (
                "the review's account of the episodes it chose tells again the entries "
                "read elsewhere in the document (its chronology)"
                if RETELLING_SECTION.match(" ".join(para.text.split()))
                else "a section of the review's own (its analysis, findings or "
                "recommendations) discusses the case, it does not record it"
            ),
            file,
            para.sheet or sheet,
            para.number,
        )
        for para, count in set_aside
        if count
    )
    if timed_entries:
        first = timed_entries[0]
        warnings.append(
            _warning(
                "time_entry",
                f"{len(timed_entries)} paragraph(s) opening with a time and no date (such as "
                f"{_preview(first.text)!r}) were read as entries of their own, on the day of "
                "the dated entry above them",
                file,
                first.sheet or sheet,
                first.number,
            )
        )
    if days_alone:
        first = days_alone[0]
        warnings.append(
            _warning(
                "day_under_month",
                f"{len(days_alone)} paragraph(s) dated by their day alone (such as "
                f"{_preview(first.text, 30)!r}) were dated in the month of the heading above "
                "them",
                file,
                first.sheet or sheet,
                first.number,
            )
        )
    if in_sentence:
        first = in_sentence[0]
        warnings.append(
            _warning(
                "date_in_sentence",
                f"{len(in_sentence)} numbered paragraph(s) not opening with a date (such as "
                f"{_preview(first.text)!r}) were read as entries of their own, dated by the "
                "first whole date of their first sentence; check those dates",
                file,
                first.sheet or sheet,
                first.number,
            )
        )
    for para in headings:
        warnings.append(
            _warning(
                "narrative_heading",
                f"heading {_preview(para.text)!r} read as a heading, not an event",
                file,
                para.sheet or sheet,
                para.number,
            )
        )

    frame = pd.DataFrame(
        {
            "date": [e.date for e in events],
            "time": [e.time for e in events],
            "agency": agencies,
            "practitioner": practitioners,
            "details": details,
            "outcome": ["\n".join(f.get(S.OUTCOME, [])) or None for f in fields],
            "comment": [
                "\n".join([*f.get(S.COMMENT, []), *e.comments]) or None
                for e, f in zip(events, fields, strict=True)
            ],
            "source": ["\n".join(f.get(S.SOURCE, [])) or None for f in fields],
            "number": [e.number for e in events],
            "sheet": [e.sheet or sheet for e in events],
        }
    )
    if periods and has_yearless_dates(frame["date"]):
        # rows of their own, for the dates below them written without their year to take
        # it from them (as from a row above); taken out of the events again below
        heads = pd.DataFrame(
            {
                column: [None] * len(periods) if column not in ("number", "sheet") else None
                for column in frame.columns
            },
            dtype=object,
        )
        heads["date"] = [p.text.strip() for p in periods]
        heads["number"] = [p.number for p in periods]
        heads["sheet"] = [p.sheet or sheet for p in periods]
        frame = pd.concat([frame, heads], ignore_index=True)
        frame["number"] = frame["number"].astype("int64")
    else:
        periods = []
    groups = list(frame.groupby("sheet", sort=False))
    dayfirst = options.pop("dayfirst", None)
    if dayfirst is None and len(groups) > 1:  # one decision for the whole document
        decided = parse_date_arrays(frame["date"].astype(object))
        dayfirst = decided.dayfirst
        # with the document's warning ("none of the dates shows the order"), as one table
        # gives it: the sibling files of a case are read for the order on its strength
        warnings.extend(_warning(code, text, file, None) for code, text in decided.file_warnings)
    chrons = [
        parse_table(
            _raw_table(group, titles),
            source=source,
            sheet=str(name),
            row_offset=-(len(titles) + 1),
            fmt=fmt,
            agency=agency,
            title=title,
            dayfirst=dayfirst,
            classify=False,
            **options,
        )
        for name, group in groups
    ]
    chron = merge(chrons) if len(chrons) > 1 else chrons[0]
    if periods:
        chron = _without_periods(chron, periods, sheet)
    chron = with_warnings(chron, warnings)
    if undated:
        chron = _with_undated(chron, undated, file, sheet)
    if classify:
        chron = classify_chronology(chron, vocabularies=options.get("vocabularies"))
    return chron


def _with_undated(
    chron: Chronology, undated: list[tuple[Paragraph, Paragraph]], file: str, sheet: str
) -> Chronology:
    """``chron`` with the paragraphs that do not open with a date under a heading (before
    the first dated paragraph under it) as rejected rows (``undated_paragraph``): a
    section's opening words, or an entry whose date is inside its text ("5.1 The
    notification was received on 4 April 2007"); the heading parts them from the entry
    above, of another agency or period, whose text they are not."""
    rejected = pd.DataFrame(
        {
            S.SOURCE_FILE: file,
            S.SOURCE_SHEET: [para.sheet or sheet for para, _heading in undated],
            S.SOURCE_ROW: [para.number for para, _heading in undated],
            S.REASON_CODE: "undated_paragraph",
            S.REASON: [
                f"the paragraph under the heading {_preview(heading.text)!r} does not start "
                "with a date, and the heading parts it from the entry above: if it records "
                "an event, write its date at its start ('12/03/2007 - ...')"
                for _para, heading in undated
            ],
            S.COLUMN: S.DATE,
            S.VALUE: None,
            S.DATE_TEXT: None,
            S.DETAILS: [para.text.strip() for para, _heading in undated],
        }
    )
    return Chronology(
        chron.events,
        pd.concat([chron.rejected, rejected], ignore_index=True),
        chron.warnings,
        chron.meta,
    )


#: A line of a key to abbreviations: "HV = health visitor", "SW - social worker", "CSC:
#: children's social care" (one short abbreviation, then what it stands for).
_KEY_ENTRY: Final = re.compile(r"\W*[A-Z][A-Za-z&/]{0,9}\s*(?:=|[-–—:]\s)\s*\S[^\n]{0,80}")


_SUPERSCRIPTS: Final = "⁰¹²³⁴⁵⁶⁷⁸⁹"
#: The notes under a narrative, each opening with its mark ("[1] The health visitor's
#: records were incomplete.", "² Minutes not found."), as typed in a text or a Word
#: document (not Word's own footnotes, which are read where they are referred to).
_NOTE_MARK: Final = re.compile(rf"(?:^|\s)(?:\[(\d{{1,3}})\]|([{_SUPERSCRIPTS}]+))\s+(?=\S)")
#: A heading over them ("Notes", "Footnotes:", "Endnotes", "Notes and references"), alone or
#: before the first note on its line (a text's lines are joined into one paragraph).
_NOTES_HEADING: Final = re.compile(
    r"^\s*(?:foot|end)?notes?(?:\s+and\s+references)?\s*:?\s*", re.IGNORECASE
)


def _note_items(text: str) -> list[tuple[str, str]] | None:
    """The notes of ``text`` as (mark as referred to, note), when it opens with a note's
    mark ("[1] ..." or "¹ ..."); None when it does not, or when a note opens with a date (a
    numbered entry: "[3] 12/03/2007 - HV visit")."""
    marks = list(_NOTE_MARK.finditer(text))
    if not marks or text[: marks[0].start()].strip():
        return None
    notes: list[tuple[str, str]] = []
    for mark, after in zip(marks, [*marks[1:], None], strict=True):
        note = " ".join(text[mark.end() : after.start() if after else len(text)].split())
        if not note or split_date_prefix(note) is not None:
            return None
        notes.append((f"[{mark[1]}]" if mark[1] else mark[2], note))
    return notes


def trailing_notes(items: Sequence[Paragraph]) -> tuple[int, list[tuple[str, str]]]:
    """Where the list of notes at the end of ``items`` starts ("Notes", then "[1] ...",
    "[2] ..." or "¹ ..."), and its notes as (mark as referred to, note); (``len(items)``,
    []) when there is none. A reviewer's note after the list ("[Reviewer: ...]") is no
    note of it (see ``_notes_and_tail``)."""
    start, notes, _tail = _notes_and_tail(items)
    return start, notes


def _comment_tail(para: Paragraph) -> tuple[Paragraph | None, Paragraph | None]:
    """``para`` without the lines that end it labelled as the reviewer's or the author's
    note ("[Reviewer: ...]", "Comment: ..."), and those lines as a paragraph of their own
    (None for either part when there is none)."""
    lines = para.text.strip().split("\n")
    cut = len(lines)
    while cut > 0 and comment_label(lines[cut - 1]) is not None:
        cut -= 1
    if cut == len(lines):
        return para, None
    tail = dataclasses.replace(para, text="\n".join(lines[cut:]))
    if cut == 0:
        return None, tail
    return dataclasses.replace(para, text="\n".join(lines[:cut])), tail


def _notes_and_tail(
    items: Sequence[Paragraph],
) -> tuple[int, list[tuple[str, str]], list[Paragraph]]:
    """``trailing_notes``, and the reviewer's or author's notes typed after the list
    ("[Reviewer: the strategy discussion was late.]"), which are no note of it: they stay
    the last entry's comment (they had ended the list's last note, or kept the list from
    being found, so the notes ran into the last entry's text)."""
    end = len(items)
    tail: list[Paragraph] = []
    last: Paragraph | None = None
    for at in range(len(items) - 1, -1, -1):
        text = items[at].text.strip()
        if not text or PAGE_FURNITURE.match(text):
            continue
        if ":" not in text:  # no label
            break
        kept, comment = _comment_tail(items[at])
        if comment is None:
            break
        tail.insert(0, comment)
        end = at
        if kept is not None:
            last = kept
            end = at + 1
            break
    scanned = [*items[: end - 1], last] if last is not None else list(items[:end])
    start, notes = _trailing_notes(scanned)
    if not notes:
        return len(items), [], []
    return start, notes, tail


def _trailing_notes(items: Sequence[Paragraph]) -> tuple[int, list[tuple[str, str]]]:
    start = len(items)
    for at in range(len(items) - 1, -1, -1):
        text = items[at].text.strip()
        if not text or PAGE_FURNITURE.match(text):
            continue
        heading = _NOTES_HEADING.match(text)
        body = text[heading.end() :] if heading and heading.end() else text
        if heading and heading.end() and not body:
            start = at  # the heading alone, over its notes
            break
        if _note_items(body) is None:
            break
        start = at
        if heading and heading.end():
            break
    notes = [
        note
        for para in items[start:]
        if para.text.strip() and not PAGE_FURNITURE.match(para.text.strip())
        for note in _note_items(_NOTES_HEADING.sub("", para.text.strip(), count=1)) or []
    ]
    return (start, notes) if notes else (len(items), [])


def note_reference(mark: str) -> re.Pattern[str]:
    """Where a text refers to the note ``mark`` ("[2]", or "²" not beside other
    superscript figures)."""
    return re.compile(
        re.escape(mark)
        if mark.startswith("[")
        else rf"(?<![{_SUPERSCRIPTS}]){re.escape(mark)}(?![{_SUPERSCRIPTS}])"
    )


def _notes_in_place(items: list[Paragraph]) -> list[Paragraph]:
    """The paragraphs with the list of notes under them ("Notes", then "[1] ...", "[2]
    ...") added to the paragraphs that refer to them ("... at home.[1]", "no answer.²"),
    as "[footnote: ...]", as Word's footnotes are: they were the last entry's text
    (another agency's practice, under its date). Only notes every one of whose marks is
    referred to above are moved; others stay as they were."""
    start, notes, tail = _notes_and_tail(items)
    if not notes:
        return items
    added: dict[int, list[str]] = {}
    for mark, note in notes:
        refers = note_reference(mark)
        holder = next(
            (i for i in range(start) if (m := refers.search(items[i].text)) and m.start() > 0),
            None,
        )
        if holder is None:  # a note no paragraph above refers to: not sure these are notes
            return items
        added.setdefault(holder, []).append(f"[footnote: {note}]")
    return [
        *(
            dataclasses.replace(p, text=" ".join([p.text, *added[i]])) if i in added else p
            for i, p in enumerate(items[:start])
        ),
        *tail,
    ]


def _without_foot(items: list[Paragraph]) -> tuple[list[Paragraph], list[Paragraph]]:
    """The paragraphs without their foot, and the foot: the lines after the last entry that
    end the report ("End of chronology", "Report generated on ...") or are a key to its
    abbreviations ("Key: HV = health visitor", or "Abbreviations used:" over lines such as
    "SW - social worker"), among blank lines and page numbers. They would be read as the
    last entry's text. A key's lines count only under its label: without it, "GP - seen
    again" may be the last entry's."""
    end = len(items)
    pending = False  # lines that may be a key's, until its label is met
    for at in range(len(items) - 1, -1, -1):
        para = items[at]
        text = " ".join(para.text.split())
        if not text or PAGE_FURNITURE.match(text):
            continue
        if para.heading or DATE_LABEL.match(_date_label_first(para.text.strip())):
            break  # a block of labelled lines with its date ("Created by: SW1", "Date:
            # 14/03/2007", ...) is an entry, though "Created by ..." opens a footer line
        if is_key_label(text):
            end, pending = at, False
        elif not pending and is_footer_line(text):
            end = at
        elif _KEY_ENTRY.fullmatch(text) or KEY_LINE.match(text):
            pending = True
        else:
            break
    foot = [p for p in items[end:] if p.text.strip() and not PAGE_FURNITURE.match(p.text.strip())]
    return items[:end], foot


#: A sentence of prose: six words or more ending with a full stop (or ? !), or a report's
#: numbered paragraph ("3.1 Child A was born at North Road Hospital").
_PROSE: Final = re.compile(
    r"^(?:\d+\.\d+(?:\.\d+)*\.?\s+\S+(?:\s+\S+){3,}"
    r"|(?:\S+\s+){5,}\S*[.?!][\"'’”)\]]*)\s*$"
)
#: Prose that speaks of the document itself ("This chronology was prepared by the health
#: visiting service."): it may name the agency whose chronology it is.
_ABOUT_DOCUMENT: Final = re.compile(
    r"\b(?:chronolog\w*|records?|prepared|compiled|completed|author(?:ed)?|IMR)\b",
    re.IGNORECASE,
)


def _title_line(para: Paragraph) -> bool:
    """Whether a paragraph of the preamble is a title line (which may name the agency of
    the whole document): a heading, a short line ("Health Visiting Service"), or prose
    about the document itself; not a sentence of a report's narrative ("3.1 Child A was
    born on 2 February 2007 at North Road Hospital."), which names an agency it is no
    chronology of."""
    text = " ".join(para.text.split())
    return para.heading or not _PROSE.match(text) or bool(_ABOUT_DOCUMENT.search(text))


def _headings_by_what_follows(items: list[Paragraph]) -> list[Paragraph]:
    """The paragraphs, with headings told by what follows them.

    A heading that starts with a date and heads undated text is made a paragraph (an
    event's first line): reviewers set each entry's date as a heading of its own ("12
    March 2007" in a heading style or larger print, "## 12 March 2007") with the entry's
    paragraphs under it. A dated heading over dated paragraphs ("March 2007" over
    "12/03/2007 - ...") or over nothing stays a heading.

    A paragraph that is only a year, season or month is made a heading when a dated
    paragraph follows it ("March 2007" over "12/03/2007 - ...") or when it is no date a
    paragraph starts with ("2007", "2007/08" alone: it was added to the entry above as
    its text); "March 2007" over undated text stays the date of that text.

    An agency's subheading typed by hand over a run of dated entries (a short name in
    bold, underlined or in capitals, "POLICE", "Health Visiting") is made a heading: it
    gives the agency of the entries under it (it was added to the entry above as text,
    and the entries kept the agency above it).
    """
    out = list(items)
    filled = [i for i, p in enumerate(items) if p.text.strip()]
    # each filled paragraph with the next one (None after the last; no pair without any)
    for here, after in zip(filled, [*filled[1:], None][: len(filled)], strict=True):
        para = items[here]
        below = items[after] if after is not None else None
        dated_below = (
            below is not None
            and not below.heading
            and (
                split_date_prefix(below.text) is not None
                or (_DAY_ALONE.match(below.text) is not None and _month_heading(para.text))
            )
        )
        if para.heading:
            under = below is not None and not below.heading and not dated_below
            if under and split_date_prefix(para.text) is not None:
                out[here] = dataclasses.replace(para, heading=False)
        else:
            period = is_period_date(para.text)
            name = _subheading_name(para) if dated_below and not period else None
            if period and (dated_below or split_date_prefix(para.text) is None):
                out[here] = dataclasses.replace(para, heading=True)
            elif name is not None:  # ("Metropolitan Police:" is "Metropolitan Police")
                out[here] = dataclasses.replace(para, text=name, heading=True)
    return _day_blocks_by_agency(out, filled)


def _date_alone(para: Paragraph) -> bool:
    """A paragraph that is a day's date and nothing else ("12 March 2007")."""
    split = split_date_prefix(para.text)
    return split is not None and not split[2] and not is_period_date(para.text)


def _day_blocks_by_agency(items: list[Paragraph], filled: list[int]) -> list[Paragraph]:
    """The paragraphs, with a day's date alone over agencies' subheadings typed by hand
    ("12 March 2007" in bold, then "GP" underlined over the GP's undated paragraphs, then
    "Health Visiting" over the health visitor's) made headings, date and subheadings:
    each agency's paragraphs under the day are then an entry of their own (they were one
    entry, of the first agency, with the other subheadings in its text)."""
    out = list(items)

    def undated(at: int) -> bool:
        para = out[filled[at]]
        return not para.heading and split_date_prefix(para.text) is None

    def subheading(at: int) -> bool:
        para = out[filled[at]]
        return not para.heading and _agency_subheading(para)

    for k, i in enumerate(filled):
        if not _date_alone(out[i]):
            continue
        subheadings: list[int] = []
        j = k + 1
        while j + 1 < len(filled) and subheading(j) and undated(j + 1) and not subheading(j + 1):
            subheadings.append(filled[j])
            j += 2
            while j < len(filled) and undated(j) and not subheading(j):
                j += 1
        if subheadings:
            for at in (i, *subheadings):
                out[at] = dataclasses.replace(out[at], heading=True)
    return out


#: An agency's subheading typed by hand is a name of this many words at most.
_MAX_SUBHEADING_WORDS: Final = 6


#: The marks a heading typed in plain text is set off by: "[Police]", "*** GP ***",
#: "== Police ==", "Metropolitan Police:".
_HEADING_MARKS: Final = "[]()*=#~_-: \t"


def _agency_subheading(para: Paragraph) -> bool:
    """Whether a paragraph reads as an agency's subheading typed by hand: a short name
    (no sentence: no full stop at its end, no date at its start) in bold, underlined, in
    capitals or set off by marks ("Metropolitan Police:", "[Children's Social Care]",
    "*** GP ***"), that names an agency."""
    return _subheading_name(para) is not None


def _subheading_name(para: Paragraph) -> str | None:
    """The agency's name of an agency's subheading typed by hand
    (:func:`_agency_subheading`), without the marks that set it off; else None."""
    text = " ".join(para.text.split()).removeprefix("• ")
    if not 0 < len(text.split()) <= _MAX_SUBHEADING_WORDS:  # (a paragraph of prose: at once)
        return None
    letters = [c for c in text if c.isalpha()]
    capitals = len(letters) > 1 and all(c.isupper() for c in letters)
    name = text.strip(_HEADING_MARKS)
    # marks on both sides, or a colon after it: not a list item's bullet ("- GP informed")
    before = len(text) - len(text.lstrip(_HEADING_MARKS))
    after = len(text) - len(text.rstrip(_HEADING_MARKS))
    marked = bool(name) and ((before > 0 and after > 0) or text.endswith(":"))
    if (
        (para.emphasis or capitals or marked)
        and not name.endswith((".", ";", ","))
        and split_date_prefix(name) is None
        and agency_from_name(name) is not None
    ):
        return name if marked else text
    return None


def _without_periods(chron: Chronology, periods: list[Paragraph], sheet: str) -> Chronology:
    """``chron`` without the events of the year, season or month headings given rows of
    their own (see :func:`parse_paragraphs`): they are headings, not events."""
    events = chron.events
    keys = {f"{p.sheet or sheet}\x00{p.number}" for p in periods}
    at = events[S.SOURCE_SHEET].astype(str) + "\x00" + events[S.SOURCE_ROW].astype(str)
    head = at.isin(keys).to_numpy(dtype=bool) & events[S.DETAILS].isna().to_numpy(dtype=bool)
    if not head.any():
        return chron
    return Chronology(events[~head], chron.rejected, chron.warnings, chron.meta)


def _raw_table(group: pd.DataFrame, titles: list[str]) -> pd.DataFrame:
    """Title rows, the heading row, then row ``n - 1`` of the body for paragraph ``n``."""
    width = len(_HEADINGS)
    body = pd.DataFrame(None, index=range(int(group["number"].max())), columns=range(width))
    body = body.astype(object)
    body.iloc[group["number"].to_numpy() - 1] = group[
        ["date", "time", "agency", "practitioner", "details", "outcome", "source", "comment"]
    ].to_numpy(dtype=object)
    head = pd.DataFrame(
        [[line, *([None] * (width - 1))] for line in titles] + [list(_HEADINGS)], dtype=object
    )
    return pd.concat([head, body], ignore_index=True)


#: An entry's first line in Word's printed "List of Markup" (File > Print > List of
#: Markup: the comments and tracked changes, each under a line naming its page, number,
#: kind, author and when it was made): "Page 3: [4] Commented [SW1]   SW1   12/03/2020
#: 10:14:00", "Page 1: [2] Deleted   TM1   ...". Group ``kind``.
_MARKUP_LIST_ENTRY: Final = re.compile(
    r"^\s*Page\s+\d+\s*:\s*\[\d+\]\s*(?P<kind>Comment(?:ed)?\b|Deleted\b|Moved\b|\w+)",
    re.IGNORECASE,
)
_MARKUP_LIST_FIRST_LINES: Final = 3  # a page of the list opens with an entry in these


def markup_list_start(pages: Sequence[Sequence[str]]) -> int | None:
    """The index of the first page of Word's List of Markup printed at the end of a
    document (printed apart and put after it), given each page's lines of text: the
    earliest page that opens with an entry of the list and from which every page holds
    entries (0: the file is the list alone); None when the document does not end with
    one.

    Examples
    --------
    >>> markup_list_start([["12/03/2007 - HV visit"], ["Page 1: [1] Deleted  TM1  ..."]])
    1
    """
    start = None
    for p in range(len(pages) - 1, -1, -1):
        texts = [t for t in pages[p] if t.strip()]
        if not texts:
            continue
        if not any(_MARKUP_LIST_ENTRY.match(text) for text in texts):
            break
        if any(_MARKUP_LIST_ENTRY.match(text) for text in texts[:_MARKUP_LIST_FIRST_LINES]):
            start = p
    return start


def markup_list_only(file: str) -> ChronologyReadError:
    """The error for a file that is Word's List of Markup alone, not the document."""
    return ChronologyReadError(
        "the file holds Word's List of Markup (the document's comments and tracked "
        "changes, each under 'Page N: [n] ...'), not the document itself: its dates are "
        "when the changes were made; print or save the document itself (File > Print > "
        "Print All Pages, or Save As PDF) to read it",
        file=file,
        expected="a chronology",
    )


#: How many of the list's comments a warning quotes, and how much of each.
_MARKUP_QUOTED: Final = 3
_MARKUP_QUOTE: Final = 60


def markup_list_note(pages: Sequence[Sequence[str]], start: int, file: str) -> dict[str, Any]:
    """A ``markup_balloons`` warning for Word's List of Markup (``pages``: its pages'
    lines, the first of them the document's page ``start + 1``), counting its comments
    and changes and quoting the first comments."""
    texts: list[list[str]] = []  # each comment's lines
    deleted = other = 0
    reading = False  # the lines under a comment's entry: its text
    for line in (line for lines in pages for line in lines if line.strip()):
        entry = _MARKUP_LIST_ENTRY.match(line)
        if entry is None:
            if reading:
                texts[-1].append(line)
            continue
        kind = entry.group("kind").lower()
        reading = kind.startswith("comment")
        if reading:
            texts.append([])
        elif kind in ("deleted", "moved"):
            deleted += 1
        else:
            other += 1
    comments = [" ".join(" ".join(t).split()) for t in texts]
    counts = [
        f"{n} {what}"
        for n, what in (
            (len(comments), "comment(s)"),
            (deleted, "deletion(s)"),
            (other, "other change(s)"),
        )
        if n
    ]
    quoted = "; ".join(
        f"'{c[:_MARKUP_QUOTE]}{'...' if len(c) > _MARKUP_QUOTE else ''}'"
        for c in comments[:_MARKUP_QUOTED]
    )
    shown = [n for n, lines in enumerate(pages) if any(line.strip() for line in lines)]
    first, last = start + 1, start + 1 + (shown[-1] if shown else 0)  # not a blank last page
    where = f"page {first}" if first == last else f"pages {first}-{last}"
    return _warning(
        "markup_balloons",
        f"{where}: Word's List of Markup ({', '.join(counts) or 'no entries'}) printed "
        "after the document was not read: its comments and changes are no entries, and "
        "the dates on it are when they were made" + (f"; comments: {quoted}" if quoted else ""),
        file,
        f"page {first}",
    )


def read_text(path: str | Path, **options: Any) -> Chronology:
    """Read a chronology from a text or Markdown file: a narrative, or a table.

    The encoding is detected as for CSV files. A table of tab-separated cells is read as
    a CSV table; tables set out in columns aligned with spaces are read by their columns,
    a row at each date in the date column; tables drawn with bars (Markdown, with or
    without the bars at the line ends when a rule line is under the header) a row per
    line, an undated line carrying on the row above (``row_continued``). Otherwise
    paragraphs are split by :func:`split_paragraphs` (Markdown's emphasis around words
    taken off: "**12/03/2007** - ...") and read by :func:`parse_paragraphs`.
    ``source_sheet`` is ``"line"`` and ``source_row`` the line each event's row or
    paragraph starts on.

    Parameters
    ----------
    path
        The ``.txt`` or ``.md`` file.
    **options
        Passed to :func:`parse_paragraphs` (``agency``, ``dayfirst``, ``child_dob``, ...).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> path = folder / "child-a-police.txt"
    >>> _ = path.write_text("Police chronology\\n\\n12/03/2007 - DV call-out to the home.\\n")
    >>> chron = read_text(path)
    >>> chron.events[["agency", "source_sheet", "source_row"]].values.tolist()
    [['police', 'line', 3]]
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise ChronologyReadError(f"cannot open the file: {err.strerror}", file=path.name) from err
    if not data.strip():
        raise EmptyChronologyError("the file is empty", file=path.name)
    text, _encoding = decode_text(data, file=path.name)
    listed = _without_markup_list(text, path.name)
    if listed is not None:  # Word's List of Markup after the document's text: not read
        text, note = listed
        return with_warnings(_read_text(text, path, options), [note])
    return _read_text(text, path, options)


def _without_markup_list(text: str, file: str) -> tuple[str, dict[str, Any]] | None:
    """``text`` without Word's List of Markup on its last pages (form feeds part pages,
    as in a PDF's text), and the warning saying so; None when it has none."""
    if "\f" not in text:  # one page: the list alone opens with one of its entries
        head = [line for line in text[:2000].splitlines() if line.strip()]
        if any(_MARKUP_LIST_ENTRY.match(line) for line in head[:_MARKUP_LIST_FIRST_LINES]):
            raise markup_list_only(file)
        return None
    last = text.rstrip(" \t\r\n\f").rsplit("\f", 1)[-1]  # pdftotext ends each page so
    if not any(_MARKUP_LIST_ENTRY.match(line) for line in last.splitlines()):
        return None  # (a long print-out is split into its pages only when it ends so)
    pages = text.split("\f")
    start = markup_list_start([page.splitlines() for page in pages])
    if start is None:
        return None
    if start == 0:
        raise markup_list_only(file)
    note = markup_list_note([page.splitlines() for page in pages[start:]], start, file)
    return "\f".join(pages[:start]), note


def _read_text(text: str, path: Path, options: dict[str, Any]) -> Chronology:
    """:func:`read_text` once the file is decoded."""
    if _RTF.match(text):
        raise ChronologyReadError(
            "the file is an RTF document (Rich Text Format), not plain text: its markup "
            "would be read as the entries' words; open it in Word and save it as a Word "
            "document (.docx), or as plain text (.txt), to read it",
            file=path.name,
            expected="plain text, or a Word document (.docx)",
        )
    delimiter = _delimited(text)
    if delimiter is not None:
        table = _as_table(path, options, delimiter)
        if table is not None:
            return table
    fmt = path.suffix.lower().lstrip(".") or "text"
    text, quoted = without_quote_marks(text, path.name)
    aligned = _aligned_tables(text, path, fmt, options)
    if aligned is not None:
        return with_warnings(aligned, quoted) if quoted else aligned
    emails = email_thread(text, path.name)
    if emails is not None:
        raw, offset, note = emails
        chron = parse_table(raw, source=path, sheet="line", row_offset=offset, fmt=fmt, **options)
        return with_warnings(chron, [*quoted, note])
    plain = without_emphasis(text, markdown=fmt in ("md", "markdown"))
    chron = parse_paragraphs(split_paragraphs(plain), source=path, sheet="line", fmt=fmt, **options)
    return with_warnings(chron, quoted) if quoted else chron


#: An email's header as Outlook and other clients write it over a forwarded or pasted
#: email: "From: HV1 <hv1@nhs.net>", then (within a few lines) "Sent: 12 March 2007 14:05"
#: (or "Date:"), "To:", "Cc:", "Subject:".
_EMAIL_FROM: Final = re.compile(r"^[ \t*_]*From[ \t*_]*:[ \t*_]*(?P<value>\S.*?)\s*$", re.I | re.M)
_EMAIL_FIELD: Final = re.compile(
    r"^[ \t*_]*(?P<label>sent|date|to|cc|bcc|subject|importance|attachments?)[ \t*_]*:"
    r"[ \t*_]*(?P<value>.*?)\s*$",
    re.IGNORECASE,
)
#: The lines a client writes between a reply and the email it quotes ("-----Original
#: Message-----", a rule of underscores, "Begin forwarded message:").
_EMAIL_DIVIDER: Final = re.compile(
    r"^\s*(?:-{2,}\s*(?:original|forwarded)\s+message\s*-{2,}|_{10,}|-{10,}"
    r"|begin\s+forwarded\s+message:?)\s*$",
    re.IGNORECASE,
)
#: The closing words of an email, over its author's name and signature.
_SIGN_OFF: Final = re.compile(
    r"^\s*(?:(?:kind|best|warm|many)?\s*(?:regards|wishes|thanks)|thank\s+you|yours"
    r"(?:\s+(?:sincerely|faithfully))?|sincerely|cheers|best)\b[\s,.!]*$",
    re.IGNORECASE,
)
#: An address's domain that names its sender's agency: a police force's ("met.police.uk",
#: "northshire.pnn.police.uk"). An NHS address ("nhs.net") or a council's ("gov.uk") names
#: a sector, not one agency: the signature, or the worker's code, decides.
_POLICE_DOMAIN: Final = re.compile(r"@(?:[\w-]+\.)*(?:police\.uk|pnn\.police\.uk)\b", re.I)
_EMAIL_ADDRESS: Final = re.compile(r"<?\s*([\w.+'-]+@[\w-]+(?:\.[\w-]+)+)\s*>?")
#: Lines of a signature looked at for its agency, and the words of such a line.
_SIGNATURE_LINES: Final = 8
_SIGNATURE_WORDS: Final = 8
#: Characters of a text looked through for an email's header.
_EMAIL_SCAN: Final = 1 << 20


def _email_author(value: str) -> tuple[str, str | None]:
    """The name and the address of an email's sender ("HV1 <hv1@nhs.net>", "hv1@nhs.net",
    "'HV1' (Northshire Healthcare)")."""
    address = _EMAIL_ADDRESS.search(value)
    name = _EMAIL_ADDRESS.sub("", value).strip(" \t\"'[]:;,")
    if not name and address is not None:
        name = address[1].split("@")[0]
    return name, address[1] if address is not None else None


def _signature_agency(body: list[str]) -> str | None:
    """The agency an email's signature names: the last short line naming one in the last
    lines of the email, after its closing words when it has them (the team or service
    under the role: "Social Worker", "Northshire Children's Services" gives the service;
    "HV1", "Health Visitor", "Northshire Healthcare NHS Trust", a sector, gives "Health
    Visitor"). A worker's code ("HV1") is no agency's name."""
    lines = [line.strip() for line in body if line.strip()]
    closing = next((k for k in range(len(lines) - 1, -1, -1) if _SIGN_OFF.match(lines[k])), None)
    tail = lines[closing + 1 :] if closing is not None else lines[-_SIGNATURE_LINES:]
    _agencies, _lookup, practitioners, _codes = _mention_patterns()
    named = None
    for line in tail[:_SIGNATURE_LINES]:
        if len(line.split()) > _SIGNATURE_WORDS or _SENTENCE_END.search(line + " "):
            continue
        if practitioners.search(line) and _CODES_ONLY.fullmatch(practitioners.sub("", line)):
            continue
        if agency_from_name(line) is not None:
            named = line
    return named


def email_thread(
    text: str, file: str = "", numbers: Sequence[int] | None = None
) -> tuple[pd.DataFrame, int, dict[str, Any]] | None:
    r"""An email thread pasted into a text file ("From: HV1 <hv1@nhs.net>", "Sent: 12 March
    2007 14:05", "To: ...", "Subject: ...", the email, then the email it answers under
    its own header) as a table to read, one row per email, on the line of its "From:":
    its date and time the "Sent:" (or "Date:") line's, its practitioner the sender's name,
    its agency the one its signature names (else a police address's: "@met.police.uk";
    an NHS or council address names none, the worker's code decides), its details the
    subject and the email's text as written, and whom it went to ("To:", "Cc:") who was
    involved. Returns the raw table, its row offset and an ``email_text`` warning; None
    when the text holds no such header, or when an email's text holds dated entries (a
    chronology sent by email: read as a narrative). ``numbers``: the row each line of the
    text is found on (a Word paragraph's number; ascending), when not its line; None too
    when two emails start on one such row.

    >>> raw, offset, note = email_thread(
    ...     "From: HV1 <hv1@nhs.net>\nSent: 12 March 2007 14:05\nTo: Duty <d@x.gov.uk>\n"
    ...     "Subject: Child A\n\nBruise seen today. Referral made.\n\nRegards\nHV1\n"
    ...     "Health Visitor\n")
    >>> raw.iloc[1, :4].tolist()
    ['12 March 2007 14:05', 'HV1', 'Health Visitor', 'Email']
    """
    if _EMAIL_FROM.search(text, 0, _EMAIL_SCAN) is None:
        return None
    lines = text_lines(text)
    starts: list[tuple[int, str, str]] = []  # (line, sender, sent)
    for n, line in enumerate(lines):
        found = _EMAIL_FROM.match(line)
        if found is None:
            continue
        labels: dict[str, str] = {}
        for m in range(n + 1, min(n + 8, len(lines))):
            field = _EMAIL_FIELD.match(lines[m])
            if field is None:
                break
            labels.setdefault(field["label"].lower(), field["value"])
        sent = labels.get("sent", labels.get("date"))
        # an email's header, not a block of labelled lines ("From: Police", "Date: ..."):
        # Outlook's "Sent:", or a sender's address, or whom it went to and its subject
        if sent is not None and (
            "sent" in labels or "@" in found["value"] or {"to", "subject"} <= labels.keys()
        ):
            starts.append((n, found["value"], sent))
    if not starts or any(
        split_date_prefix(line) is not None for line in lines[: starts[0][0]] if line.strip()
    ):
        return None  # (entries above the first email: a chronology quoting an email)
    at = (lambda n: numbers[n]) if numbers is not None else (lambda n: n + 1)
    if len({at(n) for n, _sender, _sent in starts}) < len(starts):
        return None  # two emails on one row: not told apart
    rows: dict[int, list[str | None]] = {}
    for k, (n, sender, sent) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else len(lines)
        to: list[str] = []
        subject: str | None = None
        m = n + 1
        while m < end and (field := _EMAIL_FIELD.match(lines[m])) is not None:
            label = field["label"].lower()
            if label in ("to", "cc", "bcc") and field["value"]:
                to.append(field["value"])
            elif label == "subject" and field["value"]:
                subject = field["value"]
            m += 1
        body = lines[m:end]
        while body and (not body[-1].strip() or _EMAIL_DIVIDER.match(body[-1])):
            body.pop()
        while body and not body[0].strip():
            body.pop(0)
        if any(split_date_prefix(line) is not None for line in body if line.strip()):
            return None  # a chronology in an email: its dated entries are the events
        name, address = _email_author(sender)
        agency = _signature_agency(body)
        if (
            agency is None
            and address is not None
            and _POLICE_DOMAIN.search("@" + address.split("@")[-1])
        ):
            agency = "Police"
        details = "\n".join([f"Subject: {subject}"] * (subject is not None) + body).strip()
        rows[at(n)] = [sent, name, agency, "Email", details or None, "; ".join(to) or None, address]
    first = at(starts[0][0])
    headings: list[str | None] = [
        "Date",
        "Practitioner",
        "Agency",
        "Source",
        "Details",
        "Contact with",
        "Email",
    ]
    width = len(headings)
    cells: list[list[str | None]] = [headings]
    cells += [rows.get(n, [None] * width) for n in range(first, at(starts[-1][0]) + 1)]
    note = _warning(
        "email_text",
        f"the text is an email thread: each of its {len(starts)} email(s) (a 'From:' and "
        "'Sent:' header) was read as an entry, dated when it was sent, by its sender, of the "
        "agency its signature names (or a police address's), whom it went to as those "
        "involved",
        file,
        None,
        first,
    )
    # frame row k (header 0) is the row first - 1 + k: source_row = k + 1 + offset
    return pd.DataFrame(cells, dtype=object), first - 2, note


#: The quote marks an email reply sets before each line it quotes ("> ", ">> ", "> > "),
#: after at most three spaces (as Markdown's block quotes).
_QUOTE_MARKS: Final = re.compile(r"^[ \t]{0,3}>(?:[ \t]?>)*[ \t]?", re.MULTILINE)
#: Quoted lines a text needs before its quote marks are taken off: a lone line opening
#: with ">" ("> 5 bruises noted") is no quotation.
_QUOTED_LINES_LEAST: Final = 3
#: Characters of a text looked through for quoted lines (an email is far shorter; a long
#: print-out with a ">" somewhere is not looked through line by line).
_QUOTE_SCAN: Final = 1 << 20
#: The line an email client writes over the text a reply quotes ("On 14 Apr 2008, at
#: 10:12, SW1 wrote:", "SW1 <sw1@example.org> wrote:"): it opens with a date, but no entry.
_REPLY_HEADER: Final = re.compile(r"\b(?:wrote|writes|said)\s*:\s*$", re.IGNORECASE)
#: Lines of an email's own text quoted in the warning.
_EMAIL_LINES_QUOTED: Final = 3


def without_quote_marks(text: str, file: str = "") -> tuple[str, list[dict[str, Any]]]:
    """``text`` without the quote marks an email reply sets before the lines it quotes, and
    the warnings of what was left out. A chronology pasted into an email and sent on
    ("> 12/03/2007 - Referral received ...") had no paragraph opening with a date, so
    nothing was read. When the quoted lines hold dated entries and the email's own lines
    (its header, greeting, "On ... SW1 wrote:", signature) hold none, those are left out
    (blank: lines stay where they are), with an ``email_text`` warning quoting them: they
    are no text of the last entry and no title. When they hold entries of their own, only
    the line over the quotation ("On 14 Apr 2008, SW1 wrote:") is left out. A text with
    fewer than three quoted lines is left as it is.

    Examples
    --------
    >>> text = "Hi,\\n> 12/03/2007 - HV1 visit.\\n>\\n>> 14/03/2007 - GP.\\nThanks\\n"
    >>> plain, notes = without_quote_marks(text)
    >>> plain
    '\\n12/03/2007 - HV1 visit.\\n\\n14/03/2007 - GP.\\n\\n'
    >>> [note["code"] for note in notes]
    ['email_text']
    """
    if ">" not in text:  # (one fast scan; a text with none, as most are, ends here)
        return text, []
    found = _QUOTE_MARKS.finditer(text, 0, _QUOTE_SCAN)  # an email's quotation opens early
    if sum(1 for _ in itertools.islice(found, _QUOTED_LINES_LEAST)) < _QUOTED_LINES_LEAST:
        return text, []
    lines = text.split("\n")
    quoted = [_QUOTE_MARKS.match(line) is not None for line in lines]
    plain = [
        _QUOTE_MARKS.sub("", line, count=1) if q else line
        for line, q in zip(lines, quoted, strict=True)
    ]

    def dated(line: str) -> bool:
        return split_date_prefix(line.strip()) is not None and not _REPLY_HEADER.search(line)

    # the email's own lines: before and after the quotation (an unquoted line inside it
    # is a quoted line the email client wrapped again, or a reply written into it)
    inside = [n for n, q in enumerate(quoted) if q]
    own = [
        n
        for n, q in enumerate(quoted)
        if not q and plain[n].strip() and not inside[0] < n < inside[-1]
    ]
    if not any(dated(line) for line, q in zip(plain, quoted, strict=True) if q):
        return "\n".join(plain), []  # (what is quoted holds no entry: no chronology)
    if any(dated(plain[n]) for n in own):  # the email adds entries: only its reply header
        own = [n for n in own if _REPLY_HEADER.search(plain[n])]
    if not own:
        return "\n".join(plain), []
    shown = "; ".join(repr(" ".join(plain[n].split())) for n in own[:_EMAIL_LINES_QUOTED])
    more = f" and {len(own) - _EMAIL_LINES_QUOTED} more" if len(own) > _EMAIL_LINES_QUOTED else ""
    for n in own:
        plain[n] = ""
    note = _warning(
        "email_text",
        f"the chronology is quoted in an email (its lines open with '>'): read without the "
        f"quote marks; {len(own)} line(s) of the email's own around it, no entries, were "
        f"not read (line(s) {', '.join(str(n + 1) for n in own[:_EMAIL_LINES_QUOTED])}"
        f"{'...' if more else ''}: {shown}{more})",
        file,
        "line",
        own[0] + 1,
    )
    return "\n".join(plain), [note]


#: Markdown's strong emphasis around words ("**12/03/2007**", "__Police__"): a text with
#: it typed or pasted in, whatever its name, means the words without it.
_STRONG: Final = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
#: Markdown's emphasis ("*14 April*", "_Police_"), read as such in a Markdown file only (a
#: "*" elsewhere may mark a footnote, a "_" join the words of a name).
_EMPHASIS: Final = re.compile(
    r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])|(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])"
)


def without_emphasis(text: str, *, markdown: bool = False) -> str:
    """``text`` without Markdown's emphasis around its words: strong emphasis ("**12/03/2007**
    - ...", "**Analysis by IMR author:** ...") always, emphasis ("*14 April* - ...") in a
    Markdown file (``markdown``). A date in bold at a paragraph's start was no date: the
    paragraph ran into the entry above. Lines stay where they are.

    Examples
    --------
    >>> without_emphasis("**12/03/2007** - HV1 visit. *Child A* seen.")
    '12/03/2007 - HV1 visit. *Child A* seen.'
    >>> without_emphasis("- *Mar 07:* HV1 phoned", markdown=True)
    '- Mar 07: HV1 phoned'
    """
    text = _STRONG.sub(r"\2", text)
    if markdown:
        text = _EMPHASIS.sub(lambda m: m[1] if m[1] is not None else m[2], text)
    return text


_RTF: Final = re.compile(r"^\s*\{\\rtf")


#: Title lines a tab-separated table may have above its header ("Chronology - Child A").
_MAX_TAB_TITLES: Final = 5


def _tab_separated(lines: list[str]) -> bool:
    """Whether a text file starts as a table of tab-separated cells (Excel's "Save as
    Unicode Text", Word's "Plain Text" of a table, a system's tab-separated export): a
    line of three cells or more, under at most a few title lines without tabs, and a
    line of cells under it (fewer, when a cell's line break broke it)."""
    head = next(
        (i for i, line in enumerate(lines[: _MAX_TAB_TITLES + 1]) if line.count("\t") >= 2), None
    )
    return (
        head is not None
        and head + 1 < len(lines)
        and "\t" in lines[head + 1]
        and not any("\t" in line for line in lines[:head])
    )


#: The delimiters, other than the tab, of a CSV file saved as .txt, as the CSV reader
#: sniffs them, with their names for the warning.
_TEXT_DELIMITERS: Final = {",": "commas", ";": "semicolons", "|": "bars"}


#: A date in a cell ("12/03/2007", "Date: 12.03.07"): no heading holds one.
_DATE_IN_HEADING: Final = re.compile(r"\d\s*[/.\-]\s*\d")
#: A cell ending as a sentence ("... set out below, in order."), not as "No." or "Ref.".
_CELL_ENDS_SENTENCE: Final = re.compile(r"\w{4,}[.!?]$")
#: Words in a heading, at most ("Summary of contact with the family and outcome").
_HEADING_WORDS: Final = 8


def _header_cells(line: str, delimiter: str) -> list[str] | None:
    """The cells of ``line`` split at ``delimiter`` (quotes as in a CSV file) when it is
    a header the heading table recognises: three cells or more, none holding a date,
    ending a sentence or of more than eight words, one of them a date heading, and half
    of them or more headings of a field. None otherwise."""
    cells = [cell.strip() for cell in next(csv.reader([line], delimiter=delimiter), [])]
    written = [cell for cell in cells if cell]
    if len(written) < 3 or any(
        len(cell) > 60
        or len(cell.split()) > _HEADING_WORDS
        or _DATE_IN_HEADING.search(cell)
        or _CELL_ENDS_SENTENCE.search(cell)
        for cell in written
    ):  # a line of entries or a sentence, not headings
        return None
    fields = map_headings(cells)
    if S.DATE not in fields.values() or 2 * len(fields) < len(written):
        return None
    return cells


def _delimited(text: str) -> str | None:
    """The delimiter of a text file that starts as a delimited table, or None: tabs (see
    :func:`_tab_separated`), or commas, semicolons or bars (a CSV file saved as .txt)
    when a line under at most a few title lines is a header the heading table
    recognises ("Date,Agency,Practitioner,Details") with a line
    of cells under it. A table drawn with bars ("| Date | Agency |", Markdown, with a
    rule under its header) is left to :func:`_aligned_tables`."""
    lines = [line for line in text[:65_536].splitlines()[:50] if line.strip()]
    if _tab_separated(lines):
        return "\t"
    for head, line in enumerate(lines[: _MAX_TAB_TITLES + 1]):
        below = lines[head + 1] if head + 1 < len(lines) else ""
        for delimiter in _TEXT_DELIMITERS:
            if delimiter not in line or delimiter not in below:
                continue  # a title line ("Chronology for Child A, born 2006") above
            if delimiter == "|" and (line.lstrip().startswith("|") or _RULE_LINE.match(below)):
                continue
            if _header_cells(line, delimiter) is not None:
                return delimiter
    return None


def _as_table(path: Path, options: dict[str, Any], delimiter: str) -> Chronology | None:
    """The file read as a delimited table, or None when it holds no chronology table
    (it is then read as a narrative)."""
    from .csv import read_csv

    try:
        chron = read_csv(path, delimiter=delimiter, **options)
    except (MissingColumnError, EmptyChronologyError):
        return None
    if delimiter == "\t":
        message = (
            "the text file is a table of tab-separated cells (as Excel saves 'Unicode "
            "Text'); read as a table, not as a narrative"
        )
    else:
        message = (
            f"the text file is a table of cells separated by {_TEXT_DELIMITERS[delimiter]} "
            "(a CSV file saved as .txt) under a header of known headings; read as a table, "
            "not as a narrative"
        )
    return with_warnings(chron, [_warning("read_as_table", message, path.name, None)])


# --- tables set out in columns aligned with spaces ------------------------------------------
#: A cell of a line set out in columns: words apart by single spaces (two or more end it).
_ALIGNED_CELL = re.compile(r"\S+(?: \S+)*")
#: A rule under a header: runs of dashes or equals signs ("----------  -------").
_RULE_RUN = re.compile(r"[-=_]{3,}")
_RULE_LINE = re.compile(r"^[\s|+:]*[-=_]{3,}[-=_\s|+:]*$")
#: The cells of a line of a table drawn with bars ("| 12/03/2007 | GP | ... |", Markdown).
_BAR = re.compile(r"(?<!\\)\|")
_BULLET_START = re.compile(r"^[•▪◦·*-]\s")
#: A header line of an aligned table holds at most this many cells.
_MAX_ALIGNED_COLUMNS: Final = 12


@dataclass(frozen=True, slots=True)
class _Aligned:
    """The columns of a table aligned with spaces, from its header line."""

    starts: tuple[int, ...]  # each column's first character (the first from the line start)
    headings: tuple[str, ...]
    date: int  # the date column
    bars: bool = False  # its cells are drawn with bars ("| Date | Agency |"), not spaces
    # drawn with bars between its cells only ("Date | Agency", Markdown without the bars
    # at the line ends): a line of its rows needs a bar anywhere, not at an end
    inner: bool = False


def _aligned_header(line: str, columns: Any, *, ruled: bool = False) -> _Aligned | None:
    """The columns of ``line`` when it reads as a chronology header set out in columns
    (cells apart by two spaces or more, or drawn with bars; a date column and another
    known heading, most of its cells known headings), else None. With a rule line under
    it (``ruled``: "--- | --- | ---"), a header with bars between its cells and none at
    its ends ("Date | Agency | Details", as Markdown allows) is one too."""
    from .headers import map_headings

    bar_cells = _bar_cells(line)
    inner = len(bar_cells) < 2 and ruled
    if inner:
        bar_cells = _bar_cells(line, inner=True)
    bars = len(bar_cells) >= 2
    cells = (
        [(0, text or "") for text in bar_cells]
        if bars
        else [(c.start(), c.group()) for c in _ALIGNED_CELL.finditer(line)]
    )
    if not 2 <= len(cells) <= _MAX_ALIGNED_COLUMNS:
        return None
    mapping = map_headings([text for _start, text in cells], columns=columns)
    dates = [pos for pos, fld in mapping.items() if fld == S.DATE]
    if not dates or len(mapping) < 2 or 2 * len(mapping) < len(cells):
        return None
    starts, headings = zip(*cells, strict=True)
    return _Aligned(starts, headings, dates[0], bars, inner=bars and inner)


def _bar_cells(line: str, *, inner: bool = False, width: int | None = None) -> list[str | None]:
    """The cells of a line drawn with bars, the bars at its ends aside; none without a
    bar at its start or end (a sentence with a bar in it is no row), unless ``inner`` (a
    table drawn with bars between its cells only, whose header says so): then none
    without a bar at all. In such a table of ``width`` columns, a bar at a line's start or
    end is an outer bar only when the line has a cell too many with it: "| | Card left."
    under "Date | Agency | Details" is a row whose first two cells are empty."""
    text = line.strip()
    if not (text.startswith("|") or text.endswith("|")) and not (inner and _BAR.search(text)):
        return []
    if inner and width is not None:
        parts = _BAR.split(text)
        if len(parts) > width and not parts[0].strip():
            parts = parts[1:]
        if len(parts) > width and not parts[-1].strip():
            parts = parts[:-1]
    else:
        parts = _BAR.split(text.removeprefix("|").removesuffix("|"))
    return [_markdown_cell(part.replace("\\|", "|")) or None for part in parts]


#: A line break in a cell of a Markdown table, as converters write it ("<br>", "<br/>").
_CELL_BREAK: Final = re.compile(r"\s*<br\s*/?>\s*", re.IGNORECASE)


def _markdown_cell(text: str) -> str:
    """A cell of a table drawn with bars as its text: "<br>" a line break, HTML entities
    ("&amp;", "&lt;") the characters they stand for (as a Markdown table converted from
    Word writes them)."""
    return without_emphasis(html.unescape(_CELL_BREAK.sub("\n", text)), markdown=True).strip()


def _aligned_cells(line: str, layout: _Aligned) -> list[str | None]:
    """``line`` cut into the table's cells: at its bars, or at the columns' starts (a
    word running over the start of the next column belongs to the column it starts in)."""
    width = len(layout.starts)
    if layout.bars:
        cells = _bar_cells(line, inner=layout.inner, width=width)
        if len(cells) > width:  # a bar typed in the last cell
            cells[width - 1 :] = [" | ".join(c for c in cells[width - 1 :] if c) or None]
        return cells + [None] * (width - len(cells))
    starts = layout.starts
    cuts = [0]
    for start in starts[1:]:
        cut = max(start, cuts[-1])
        while 0 < cut < len(line) and not line[cut - 1].isspace() and not line[cut].isspace():
            cut += 1
        cuts.append(cut)
    cuts.append(max(len(line), cuts[-1]))
    return [line[a:b].strip() or None for a, b in itertools.pairwise(cuts)]


def _with_rule(layout: _Aligned, rule: str) -> _Aligned:
    """The columns as a rule line under the header draws them, when it has a run of
    dashes per heading, each under its heading."""
    runs = list(_RULE_RUN.finditer(rule))
    if len(runs) != len(layout.starts):
        return layout
    if not all(r.start() <= h < r.end() + 2 for r, h in zip(runs, layout.starts, strict=True)):
        return layout
    return dataclasses.replace(layout, starts=tuple(r.start() for r in runs))


def _gutters(layout: _Aligned, rows: list[str]) -> _Aligned:
    """Each column's start moved to the end of the widest blank space, down the dated
    lines ``rows``, between the end of the heading before it and its own heading's middle
    (a heading centred over its column starts to the right of the column's text)."""
    if not rows:
        return layout
    width = max(len(r) for r in rows)
    chars = np.array([list(r.ljust(width)) for r in rows], dtype="<U1")
    blank = (chars == " ").all(axis=0)
    starts = [layout.starts[0]]
    for k in range(1, len(layout.starts)):
        low = layout.starts[k - 1] + len(layout.headings[k - 1])
        high = min(layout.starts[k] + len(layout.headings[k]) // 2, width)
        best, run, end = 0, 0, layout.starts[k]
        for pos in range(low, high):
            run = run + 1 if pos < width and blank[pos] else 0
            if run > best or (run == best and run and pos + 1 == layout.starts[k]):
                best, end = run, pos + 1
        starts.append(max(end if best else layout.starts[k], starts[-1] + 1))
    return dataclasses.replace(layout, starts=tuple(starts))


def _is_date_cell(cell: str | None) -> bool:
    return cell is not None and split_date_prefix(cell) is not None


@dataclass
class _AlignedTable:
    """One aligned table of a text file: its columns and lines (0-based line numbers)."""

    layout: _Aligned
    header: int  # the header line
    titles: list[int]  # title lines above it, nearest last
    ruled: bool  # a rule line under the header gave the columns
    # its lines after the header: (line, a row starts there, a blank line before it)
    lines: list[tuple[int, bool, bool]] = dataclasses.field(default_factory=list)
    repeated: list[int] = dataclasses.field(default_factory=list)  # the header again
    dated: bool = False  # a row starts with a date
    # lines holding only a year, season or month in the date column ("2007"): sections
    periods: list[tuple[int, str]] = dataclasses.field(default_factory=list)
    # lines holding only an agency's name in the date or first column ("| **Police** | |"),
    # in a table without an agency column: the agency of the rows below (banners)
    banners: list[tuple[int, str]] = dataclasses.field(default_factory=list)

    @property
    def first(self) -> int:
        return min([self.header, *self.titles])

    @property
    def last(self) -> int:
        return max(
            [self.header, *self.repeated, *(n for n, _t in self.periods)]
            + [n for n, _row, _gap in self.lines]
        )


def _find_aligned_tables(
    lines: list[str], skip: set[int], breaks: set[int], columns: Any
) -> list[_AlignedTable]:
    """The tables set out in aligned columns among ``lines`` (tabs expanded; ``skip``: lines
    of page furniture; ``breaks``: lines that end a page). A row starts at each line with a date in the date column; a line
    with nothing there, or text that stays within it ("14:30", "(approx.)"), carries on
    the row above; a line that runs across the date column as one piece of prose, or
    undated text in the date column after a blank line, ends the table."""
    tables: list[_AlignedTable] = []
    current: _AlignedTable | None = None
    blank_before = False
    page_top = False  # since a page break: its blank lines part no paragraphs
    for n, line in enumerate(lines):
        if n in breaks:
            page_top = True
            # the blank lines above the page's foot part no rows: a row broken by the page
            # goes on at the top of the next one
            blank_before = False
        if n in skip:
            continue
        if not line.strip():
            blank_before = blank_before or not page_top
            continue
        page_top = False
        heads = _may_head(line, current) and not _unknown_date_row(line, current)
        layout = _aligned_header(line, columns, ruled=_rule_below(lines, n)) if heads else None
        wrapped = None if layout is not None or not heads else _wrapped_header(lines, n, columns)
        if wrapped is not None:  # "Contact     Worker" over "Date": a header of two lines
            layout = wrapped
            skip.add(n + 1)
        if layout is not None:
            if current is not None and layout.headings == current.layout.headings:
                current.repeated.append(n)  # the header again, at the top of a page
                page_top = True  # a row broken by the page goes on under it
                blank_before = False
                continue
            after = tables[-1].last if tables else -1
            below = n + 1 if wrapped is not None else n
            following = next((m for m in range(below + 1, len(lines)) if lines[m].strip()), None)
            ruled = following is not None and bool(_RULE_LINE.match(lines[following]))
            if ruled and following is not None:
                layout = _with_rule(layout, lines[following])
                skip.add(following)
            current = _AlignedTable(layout, n, _titles_above(lines, skip, n, after), ruled)
            tables.append(current)
            blank_before = False
            continue
        if current is None or _RULE_LINE.match(line):
            continue
        layout = current.layout
        cells = _aligned_cells(line, layout)
        date = cells[layout.date]
        # "2007" over the rows of that year, in the date column or the first ("| **2007**
        # | | |" in a table whose first column is the agency's, as in a Word table)
        alone = date if date is not None else cells[0]
        only = alone is not None and sum(c is not None for c in cells) == 1
        if only and alone is not None and is_period_date(alone):
            current.periods.append((n, alone))
            blank_before = False
            continue
        if only and alone is not None and _banner(alone, layout, bars=layout.bars or alone == date):
            current.banners.append((n, alone))  # "Metropolitan Police" over its rows
            blank_before = False
            continue
        if not layout.bars and current.lines and date is not None and CONTINUED_ROW.match(date):
            # "Cont." in the date column (after a blank line or not): the row above goes on
            current.lines.append((n, False, blank_before))
            blank_before = False
            continue
        flowing = (layout.bars or (date is not None and not current.ruled)) and _prose(line, layout)
        if (_is_date_cell(date) or _unknown_date_row(line, current)) and not flowing:
            current.lines.append((n, True, blank_before))
            current.dated = True
        elif flowing or (date is not None and blank_before):
            current = None  # prose under the table (dated or not): its end
        elif not current.lines or layout.bars:
            # an undated row (rejected); or a row of a table drawn with bars, each line a
            # row typed as such: one that only carries on the text of the row above is
            # joined to it as a table's row is (``row_continued``), one with an agency or
            # practitioner of its own and no date is rejected, not merged into the row above
            current.lines.append((n, True, blank_before))
        else:
            current.lines.append((n, False, blank_before))
        blank_before = False
    return tables


def _banner(text: str, layout: _Aligned, *, bars: bool) -> bool:
    """Whether ``text``, alone on a line of a table (in its date column, or in its first
    in a table drawn with bars), is an agency's banner over its rows ("Metropolitan
    Police", "**Health Visiting**"): a short name that names an agency, in a table whose
    headings have no agency column. A fixed-width table's first column alone may be a
    wrapped cell, so only its date column counts there."""
    from .headers import map_headings

    words = text.split()
    if not bars or not 0 < len(words) <= _BANNER_WORDS or text.rstrip().endswith("."):
        return False
    if S.AGENCY in map_headings(list(layout.headings)).values():
        return False
    return agency_from_name(" ".join(words)) is not None


_BANNER_WORDS: Final = 8


def _wrapped_header(lines: list[str], n: int, columns: Any) -> _Aligned | None:
    """The columns of a header whose headings wrap onto the line right under it, as a case
    system prints narrow columns ("Contact     Contact     Worker" over "Date
    Type": "Contact Date", "Contact Type", "Worker"), when the two read as a chronology
    header together and the first does not alone; each piece of the second line is part of
    the heading whose column it starts in. None otherwise."""
    if n + 1 >= len(lines) or "|" in lines[n] or _RULE_LINE.match(lines[n + 1]):
        return None
    top = [(c.start(), c.group()) for c in _ALIGNED_CELL.finditer(lines[n])]
    if not 2 <= len(top) <= _MAX_ALIGNED_COLUMNS:
        return None
    under = [(c.start(), c.group()) for c in _ALIGNED_CELL.finditer(lines[n + 1])]
    if not under or "|" in lines[n + 1] or under[0][1][:1].isdigit():
        return None
    starts = [start for start, _text in top]
    texts = [text for _start, text in top]
    for start, text in under:
        at = next((k for k in range(len(starts) - 1, -1, -1) if starts[k] <= start + 2), None)
        if at is None:
            return None
        texts[at] = f"{texts[at]} {text}"
    from .headers import map_headings

    mapping = map_headings(texts, columns=columns)
    dates = [pos for pos, fld in mapping.items() if fld == S.DATE]
    if not dates or len(mapping) < 2 or 2 * len(mapping) < len(texts):
        return None
    return _Aligned(tuple(starts), tuple(texts), dates[0])


def _unknown_date_row(line: str, table: _AlignedTable | None) -> bool:
    """Whether ``line`` is a row of ``table`` whose date cell says its date is not known
    ("Date unknown", "Not known"): a row of its own (rejected for its date), not a header
    ("Date unknown  GP notes  Letter filed" reads as headings) nor the wrapped text of the
    row above."""
    if table is None:
        return False
    date = _aligned_cells(line, table.layout)[table.layout.date]
    return date is not None and _UNKNOWN_CELL.match(date) is not None


def _rule_below(lines: list[str], n: int) -> bool:
    """Whether the next line after ``lines[n]`` that is not blank is a rule line
    ("--- | --- | ---"), when ``lines[n]`` has a bar in it (no other header needs one)."""
    if "|" not in lines[n]:
        return False
    following = next((m for m in range(n + 1, len(lines)) if lines[m].strip()), None)
    return following is not None and bool(_RULE_LINE.match(lines[following]))


def _may_head(line: str, table: _AlignedTable | None) -> bool:
    """Whether ``line`` may be a header (a cheap test before mapping its headings): it
    does not start with a digit (a date), and within a table it starts in its first
    column (not a cell's wrapped line further right)."""
    text = line.lstrip()
    if not text or text[0].isdigit():
        return False
    layout = table.layout if table is not None else None
    if layout is None or layout.bars or len(layout.starts) < 2:
        return True
    return len(line) - len(text) < layout.starts[1]


def _prose(line: str, layout: _Aligned) -> bool:
    """``line`` runs from the date column across the next one as one piece of text (no gap
    of two spaces): a sentence under the table, not a cell's wrapped line."""
    if layout.bars:
        return not _bar_cells(line, inner=layout.inner)
    if layout.date + 1 >= len(layout.starts):
        return False
    text = line.rstrip()
    begin = len(text) - len(text.lstrip())
    return len(text) > layout.starts[layout.date + 1] and "  " not in text[begin:]


def _titles_above(lines: list[str], skip: set[int], header: int, after: int) -> list[int]:
    """The title lines right above a header (short lines, blank lines between them
    passed over, page furniture not), up to the end of the table before (``after``)."""
    out: list[int] = []
    for m in range(header - 1, after, -1):
        text = lines[m].strip()
        if m in skip or not text:
            continue
        if len(out) == _MAX_TITLE_LINES or len(text) > _MAX_TITLE_LENGTH or _RULE_LINE.match(text):
            break
        if not KEY_LINE.match(text):
            out.append(m)
    return sorted(out)


#: Text struck through in a Markdown table's cell (GitHub's "~~entered in error~~", as
#: converters write Word's strikethrough).
_MD_STRUCK: Final = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~", re.DOTALL)
_SPACES: Final = re.compile(r"[ \t]{2,}")


def _unstruck(
    cells: list[str | None],
    n: int,
    table: _AlignedTable,
    struck: list[tuple[int, str, list[str | None]]],
) -> list[str | None]:
    """A Markdown row's ``cells`` (line ``n``) without their struck text, as Word leaves
    it out. A row whose every written cell is struck through throughout is added to
    ``struck`` as (line, ``struck_through``, its cells as written without the marks) and
    blanked: a rejected row, as a struck row of a Word table is; a row with struck words
    only, as ("struck_text", line)."""
    written = [c for c in cells if c is not None]
    if written and all(_MD_STRUCK.fullmatch(c) for c in written):
        struck.append(
            (n + 1, "struck_through", [_MD_STRUCK.sub(r"\1", c) if c else c for c in cells])
        )
        return [None] * len(cells)
    out = [
        (_SPACES.sub(" ", _MD_STRUCK.sub("", c)).strip() or None) if c is not None else None
        for c in cells
    ]
    if out != cells:
        struck.append((n + 1, "struck_text", []))
    return out


def _aligned_raw(
    table: _AlignedTable,
    lines: list[str],
    struck: list[tuple[int, str, list[str | None]]] | None = None,
) -> pd.DataFrame:
    """The table's raw cells, one row per line from its first line: title lines in the
    first cell, the header cut into its columns, each row on its first line with its
    wrapped lines joined to it (those lines, repeated headers and blank lines blank).
    Without a rule line under the header, the columns are moved to the blank space down
    the dated lines first (:func:`_gutters`)."""
    layout = table.layout
    if not (table.ruled or layout.bars):
        layout = _gutters(layout, [lines[n] for n, row, _gap in table.lines if row])
    width = len(layout.starts)
    entries = table.lines
    if not layout.bars:  # rows set out with their cells in the middle of the row
        entries = _rows_by_blocks(
            entries,
            lambda n: _is_date_cell(_aligned_cells(lines[n], layout)[layout.date]),
        )
    struck = [] if struck is None else struck  # rows and words struck through (Markdown)
    cells: list[list[str | None]] = [[None] * width for _ in range(table.last - table.first + 1)]
    for m in table.titles:
        cells[m - table.first][0] = _MARKDOWN_HEADING.sub("", lines[m]).strip()
    cells[table.header - table.first] = list(layout.headings)
    held: list[str | None] = []
    for n, row, gap in entries:
        found = _aligned_cells(lines[n], layout)
        if layout.bars and any(c is not None and "~~" in c for c in found):
            found = _unstruck(found, n, table, struck)
        if row:
            held = cells[n - table.first] = found
            continue
        for pos, text in enumerate(found):
            if pos == layout.date and text is not None and CONTINUED_ROW.match(text):
                continue  # "Cont.": the mark of a row going on, no text of it
            if text is not None:
                sep = "\n" if gap or _BULLET_START.match(text) else " "
                held[pos] = f"{held[pos]}{sep}{text}" if held[pos] else text
    return pd.DataFrame(cells, dtype=object)


def _rows_by_blocks(
    entries: list[tuple[int, bool, bool]], dated: Callable[[int], bool]
) -> list[tuple[int, bool, bool]]:
    """A table's lines (``entries``: line, a row starts there, a blank line before it),
    with each row the block of lines between blank lines when the table's cells are set in
    the middle of their rows (a table printed with its cells so, as ``pdftotext -layout``
    writes it): each block holds one line dated in the date column (``dated``, given a
    line's number), and some block's date is not on its first line (the lines above it are
    its row's, not an undated row and the rest of the row before). Else ``entries`` as
    they are.

    >>> _rows_by_blocks(
    ...     [(1, True, False), (2, True, False), (4, False, True), (5, True, False)],
    ...     lambda n: n in (2, 5),
    ... )
    [(1, True, False), (2, False, False), (4, True, True), (5, False, False)]
    """
    starts = [i for i, (_n, _row, gap) in enumerate(entries) if i == 0 or gap]
    if len(starts) < 2 or all(entries[i][1] for i in starts[1:]):
        return entries  # (each block after the first opens a row: with its date)
    marks = [row and dated(n) for n, row, _gap in entries]
    bounds = list(itertools.pairwise([*starts, len(entries)]))
    if any(sum(marks[a:b]) != 1 for a, b in bounds) or all(marks[a] for a, _b in bounds):
        return entries
    firsts = set(starts)
    return [(n, i in firsts, gap) for i, (n, _row, gap) in enumerate(entries)]


def _with_banners(chron: Chronology, banners: list[tuple[int, str]]) -> Chronology:
    """``chron`` with its rows under an agency's banner line ("| **Metropolitan Police** |
    | |") taking that agency, as under a banner row of a Word table."""
    from .document import _with_banner_agencies

    named = [(n + 1, code, text) for n, text in banners if (code := agency_from_name(text))]
    several = len({code for _n, code, _t in named}) > 1
    return _with_banner_agencies(chron, named, None, "line", several=several)


def _with_struck_rows(
    chron: Chronology,
    table: _AlignedTable,
    struck: list[tuple[int, str, list[str | None]]],
    file: str,
    options: dict[str, Any],
) -> tuple[Chronology, list[dict[str, Any]]]:
    """``chron`` with the rows of a Markdown table struck through throughout as rejected
    rows (``struck_through``, keeping their date text and details), and a ``struck_text``
    warning naming the rows whose struck words were left out."""
    from .document import deleted_rejected, with_deleted
    from .headers import map_headings

    mapping = map_headings(list(table.layout.headings), columns=options.get("columns"))
    details = next((pos for pos, fld in mapping.items() if fld == S.DETAILS), None)
    rows = [(row, why, cells) for row, why, cells in struck if why == "struck_through"]
    rejected = deleted_rejected(
        rows,
        file=file,
        sheet="line",
        what="cell of the row",
        program="Markdown (~~...~~)",
        date=table.layout.date,
        details=details,
        column=table.layout.headings[table.layout.date],
    )
    words = [row for row, why, _cells in struck if why == "struck_text"]
    notes = (
        [
            _warning(
                "struck_text",
                f"text struck through (~~...~~) on line(s) {', '.join(map(str, words))} "
                "was left out, as Word leaves out struck text: an author's deletion",
                file,
                "line",
                words[0],
            )
        ]
        if words
        else []
    )
    return with_deleted(chron, rejected), notes


def _aligned_tables(text: str, path: Path, fmt: str, options: dict[str, Any]) -> Chronology | None:
    """A text file's tables set out in columns aligned with spaces (a chronology pasted
    from a table, a fixed-width report of a case system, a PDF's text laid out), read as
    tables; None when it holds none (it is then read as a narrative). ``source_sheet`` is
    ``"line"`` and ``source_row`` the line a row starts on, as for a narrative."""
    written = text_lines(text)
    lines = [line.replace("\f", "").expandtabs(8) for line in written]
    breaks = {  # the lines a page starts on
        n if line.lstrip(" \t").startswith("\f") or not line.strip() else n + 1
        for n, line in enumerate(written)
        if "\f" in line
    }
    running = _running_lines(text)
    first_break = min(breaks, default=len(lines))
    skip = {
        n
        for n, line in enumerate(lines)
        if (stripped := line.strip())
        and (
            PAGE_FURNITURE.match(stripped)
            # a running header, after its first place at the top of the first page (a title)
            or (running and n >= first_break and running_key(stripped) in running)
        )
    }
    found = _find_aligned_tables(lines, skip, breaks, options.get("columns"))
    tables = [t for t in found if t.dated]
    if not tables:
        return None
    options = dict(options)
    classify = options.pop("classify", True)
    notes: list[dict[str, Any]] = []
    struck: list[list[tuple[int, str, list[str | None]]]] = [[] for _ in tables]
    raws = [_aligned_raw(table, lines, gone) for table, gone in zip(tables, struck, strict=True)]
    if options.get("dayfirst") is None and len(tables) > 1:
        dates = pd.concat([raw.iloc[:, t.layout.date] for raw, t in zip(raws, tables, strict=True)])
        decided = parse_date_arrays(dates.where(dates.notna(), None))
        options["dayfirst"] = decided.dayfirst
        notes.extend(_warning(code, msg, path.name, None) for code, msg in decided.file_warnings)
    chrons = []
    for table, raw, gone in zip(tables, raws, struck, strict=True):
        if table.layout.bars:  # "| Cont. | | ... |": no date, the row above carried on
            cells = raw.iloc[:, table.layout.date].astype("string")
            raw.loc[
                cells.str.match(CONTINUED_ROW).fillna(False).to_numpy(bool), table.layout.date
            ] = None
        try:
            chron = parse_table(
                raw,
                source=path,
                sheet="line",
                row_offset=table.first,
                fmt=fmt,
                classify=False,
                section_dates=[(n - table.first, text) for n, text in table.periods],
                # a table drawn with bars has a line per row: one that only carries on
                # the text of the row above is joined to it, as in a Word table
                **{"join_continued": table.layout.bars, **options},
            )
        except (MissingColumnError, EmptyChronologyError):
            continue
        if gone:
            chron, struck_notes = _with_struck_rows(chron, table, gone, path.name, options)
            notes.extend(struck_notes)
        if table.banners:
            chron = _with_banners(chron, table.banners)
        chrons.append(chron)
    if not chrons:
        return None
    spans = ", ".join(f"{t.first + 1}-{t.last + 1}" for t in tables)
    notes.append(
        _warning(
            "read_as_table",
            f"lines {spans} are a table set out in columns (aligned with spaces or drawn "
            "with bars): read as a table, not as a narrative (a row starts at each date in the date column; a "
            "line without one carries on the row above); check rows that look merged",
            path.name,
            "line",
            tables[0].header + 1,
        )
    )
    notes.extend(
        _warning(
            "section_row",
            f"line {n + 1} holds only {text!r} (in its date or first column): read as a section "
            "heading, not an event (the dates below it written without their year take "
            "their year from it)",
            path.name,
            "line",
            n + 1,
        )
        for t in tables
        for n, text in t.periods
    )
    notes.extend(
        _warning(
            "section_row",
            f"line {n + 1} holds only {text!r}: read as a section heading, not an event (it "
            f"names the agency of the rows below it: {agency_from_name(text)})",
            path.name,
            "line",
            n + 1,
        )
        for t in tables
        for n, text in t.banners
    )
    notes.extend(
        _warning(
            "repeated_header",
            f"line {n + 1} repeats the header of line {t.header + 1} (a new page): not a row",
            path.name,
            "line",
            n + 1,
        )
        for t in tables
        for n in t.repeated
    )
    inside = np.zeros(len(lines), dtype=bool)
    for t in tables:
        inside[t.first : t.last + 1] = True
    outside = "\n".join("" if inside[n] else line for n, line in enumerate(lines))
    notes.extend(dated_outside_tables(split_paragraphs(outside), path.name, sheet="line"))
    chron = merge(chrons) if len(chrons) > 1 else chrons[0]
    if classify:
        chron = classify_chronology(
            chron, vocabularies=options.get("vocabularies"), duplicates=len(chrons) > 1
        )
    return with_warnings(chron, notes)


#: How much of a paragraph a warning quotes.
_EXCERPT: Final = 80


def dated_outside_tables(
    paragraphs: Iterable[Paragraph], file: str, *, sheet: str = "paragraph"
) -> list[dict[str, Any]]:
    """A ``text_outside_tables`` warning for each paragraph outside the tables that starts
    with a date: a document read from its tables does not read them, and they may be
    events the tables miss. Not for those under a heading of the review's own sections
    (:data:`REPORT_SECTION`: "Analysis", "Recommendations"): they discuss the case."""
    out = []
    aside = False
    for par in paragraphs:
        if par.heading:
            aside = bool(REPORT_SECTION.match(" ".join(par.text.split())))
        if par.heading or aside or split_date_prefix(par.text) is None:
            continue
        text = " ".join(par.text.split())
        if len(text) > _EXCERPT:
            text = text[: _EXCERPT - 1].rstrip() + "…"
        out.append(
            _warning(
                "text_outside_tables",
                f"a paragraph outside the chronology tables starts with a date and was not "
                f"read as an event: {text!r}",
                file,
                par.sheet or sheet,
                par.number,
            )
        )
    return out


# --- a date written at the start of a cell of text -------------------------------------------
#: Words of text after a date that make it an entry's text, not a note on the date
#: ("(approx.)", "am", "(date uncertain)" are notes).
_TEXT_WORDS: Final = 3
_WORD: Final = r"[^\W\d_]{2,}"
#: A header among this many rows at the top of a table.
_HEADER_SCAN: Final = 5


def split_dated_text(
    raw: pd.DataFrame, *, date_column: int | None, data_start: int = 0, columns: Any = None
) -> tuple[pd.DataFrame, str, str] | None:
    """A table whose entries are written as a date followed by their text in one cell, with
    the date and the text in columns of their own; None when it is no such table.

    Two layouts: a date column whose cells also hold the entry's text ("Date and details
    of contact": "12/03/2007 - Home visit, Child A seen"), in a table with no details
    column (``date_column`` is that column, ``data_start`` the row under the header); and
    a table with no date column whose text column opens each cell with the date ("Event":
    "12/03/2007\nHome visit ...", ``date_column`` None: the header is looked for among
    the first rows, a row with a details heading and no date heading). Most of the cells
    (half or more of those filled) must open with a date followed by text. The cells are
    cut where :func:`split_date_prefix` cuts them; a new column is added at the right,
    headed "Details" (the text after each date) or "Date" (each date, with its time); a
    cell whose date is followed by a few words only ("12/03/07 (approx.)") is left whole.

    Returns
    -------
    raw, heading, added
        The new table, the heading of the column that was cut and that of the one added.

    Examples
    --------
    >>> raw = pd.DataFrame([["Agency", "Date and details"], ["GP", "12/03/2007 - Seen by GP1"]])
    >>> new, heading, added = split_dated_text(raw, date_column=1, data_start=1)
    >>> new.values.tolist(), heading, added
    ([['Agency', 'Date and details', 'Details'], ['GP', '12/03/2007', 'Seen by GP1']], 'Date and details', 'Details')
    """
    from .headers import map_headings

    header = data_start - 1
    if date_column is None:
        for row in range(min(_HEADER_SCAN, len(raw))):
            mapping = map_headings(raw.iloc[row].tolist(), columns=columns)
            texts = [pos for pos, fld in mapping.items() if fld == S.DETAILS]
            if texts and S.DATE not in mapping.values():
                header, column = row, texts[0]
                break
        else:
            return None
    else:
        column = date_column
    if header < 0 or raw.shape[1] == 0:
        return None
    cells = raw.iloc[header + 1 :, column]
    filled = cells.map(lambda c: isinstance(c, str) and bool(c.strip()))
    if not filled.any():
        return None
    parts = cells[filled].astype(str).str.extract(DATE_PREFIX)
    rest = parts["rest"].fillna("").str.strip()
    wordy = rest.str.count(_WORD) >= _TEXT_WORDS
    if 2 * int(wordy.sum()) < int(filled.sum()):
        return None
    dates = (parts["date"].str.strip() + (" " + parts["time"].str.strip()).fillna("")).to_numpy()
    wordy_at = wordy.to_numpy(dtype=bool)
    at = header + 1 + np.flatnonzero(filled.to_numpy(dtype=bool))[wordy_at]  # rows to cut
    added = "Details" if date_column is not None else "Date"
    kept = raw.to_numpy(dtype=object, copy=True)
    extra = np.full(len(kept), None, dtype=object)
    extra[header] = added
    cut, text = dates[wordy_at], rest.to_numpy()[wordy_at]
    kept[at, column], extra[at] = (cut, text) if date_column is not None else (text, cut)
    new = pd.DataFrame(np.column_stack([kept, extra]), dtype=object)
    return new, " ".join(str(raw.iat[header, column]).split()), added
