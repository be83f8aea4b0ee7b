"""PDF chronologies: ruled tables across pages, or the narrative when there is none.

Needs the optional package pdfplumber (``pip install "scr-timeline[pdf]"``), imported when a
file is read. PDFs made from Word or Excel chronologies keep the table's ruling lines, and
pdfplumber finds the cells between them:

- the text wrapped inside a cell is joined into one line (a line break is kept before a
  bullet; a word hyphenated at the end of a line is joined without a space);
- a cell merged across columns is read once, in its first column; a cell merged down carries
  its text into every row it spans; a row that is one cell across the whole table ("2007",
  "Period 2: March - June 2007") is a section heading, reported in ``warnings`` (one
  holding prose under an entry's row is that entry's details);
- the header repeated at the top of each page is dropped (by
  :func:`scr_timeline.parse_table`); a table at the top of a page with no header row of its
  own, right after a table that ran to the bottom of the page before, is read under that
  table's headings;
- running page headers and footers (lines repeated at the top or bottom of the pages, page
  numbers such as "Page 3 of 7") are never titles, events or parts of events;
- the lines above a table are its title lines (they name the agency of a table with no
  agency column); failing one that names an agency, the part of a running header or
  footer that does ("Northshire Police" beside "OFFICIAL-SENSITIVE") is its last;
- a PDF without a chronology table is read as a narrative
  (:func:`scr_timeline.io.text.parse_paragraphs`): lines are joined into paragraphs at the
  blank space between them;
- a page whose text runs sideways (a landscape table set on a portrait page, not turned
  by the PDF) is read as the page turned so that its text reads across (``page_turned``);
- a PDF with no text layer (scanned pages) is an error that says OCR is needed.

Provenance: ``source_sheet`` is ``"page P table T"`` and ``source_row`` the row within that
table on that page (its header is row 1); for a narrative, ``"page P"`` and the paragraph's
number on the page.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import operator
import re
import statistics
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import numpy as np

from .. import schema as S
from ..chronology import Chronology
from ..classify.agencies import agency_from_name
from ..exceptions import (
    ChronologyReadError,
    EmptyChronologyError,
    MissingDependencyError,
)
from .document import (
    AGENCY_FIELD,
    DocumentParts,
    DocumentTable,
    check_file,
    is_box_note,
    read_parts,
)
from .headers import map_headings
from .table import _warning
from .text import (
    CONTINUED_NOTE,
    PAGE_FURNITURE,
    Paragraph,
    is_period_date,
    markup_list_note,
    markup_list_only,
    markup_list_start,
    opens_with_time,
    running_key,
    split_date_prefix,
)

__all__ = ["PDF_SUFFIXES", "read_pdf", "read_pdf_tables"]

PDF_SUFFIXES: Final = frozenset({".pdf"})

_MARGIN: Final = 0.1  # running headers and footers sit in the top and bottom tenth
_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-–—]\s*)?(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?(?:\s*[-–—])?\s*$",
    re.IGNORECASE,
)
_HYPHEN_BREAK = re.compile(r"(?<=[A-Za-z])-\n(?=[a-z])")
#: A soft hyphen (an optional hyphen Word or a typesetter broke a word at), with the line
#: break after it: the word goes on on the next line.
_SOFT_HYPHEN = re.compile(r"\xad(?:[ \t]*\n[ \t]*)?")
_BREAK_BEFORE_BULLET = re.compile(r"\n(?=\s*[•▪◦·*➢✓❖●■-]\s)")
#: A wrapped line of a cell opening with the label of the review author's or reviewer's
#: note under the record ("Reviewer: HV1 should have referred ...", "Analysis by IMR
#: author: ..."), typed in the cell in other print, with no box around it: it keeps its
#: line break, as in Word, so the note is the row's comment (joined into the record, its
#: "should have referred" read as a referral).
_BREAK_BEFORE_NOTE = re.compile(
    r"\n(?=[ \t*_]*(?:analys[ie]s|imr|authors?|author's|reviewers?|reviewer's|learning"
    r"|hindsight|reflections?)\b[^\n:.]{0,40}:)",
    re.IGNORECASE,
)
#: The bullets of Word's bullet library as a PDF made from Word gives them: glyphs of the
#: Symbol and Wingdings fonts, mapped to Unicode's private use area ("\uf0b7 Letter to
#: GP"), shown as the bullets they are.
_PRIVATE_BULLETS: Final = str.maketrans(
    {"\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➢", "\uf0fc": "✓", "\uf076": "❖"}
)
#: The ligatures a typeset or printed PDF draws as one glyph ("noti\ufb01ed", "sta\ufb00"),
#: as the letters they join: the words must read as words (to the event types' keywords,
#: to a search).
_LIGATURES: Final = str.maketrans(
    {
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\ufb05": "st",
        "\ufb06": "st",
    }
)
#: A glyph the PDF gives no character for ("(cid:127)", as pdfminer writes it), at the start
#: of a line before the item's text: a list's bullet, in a font that maps none of its
#: glyphs to characters (a symbol font embedded without its map).
_UNMAPPED_BULLET: Final = re.compile(r"^([ \t]*)\(cid:\d+\)(?=[ \t]+\S)", re.MULTILINE)
_MAX_TITLE_LENGTH: Final = 120
_MAX_TITLES: Final = 3
_HEADING_SIZE: Final = 1.15  # a line this much larger than the body text is a heading
_SMALL_PRINT: Final = 0.9  # a margin line in print this much smaller than the body text
_TOLERANCE: Final = 1.0  # points
_MIN_RULE: Final = 3.0  # points: a shorter horizontal edge is the end of a vertical border
#: A bold font's name ("Helvetica-Bold", "ABCDEE+Arial,Bold", "Calibri-BoldItalic").
_BOLD_FONT: Final = re.compile(r"bold|black|heavy|,b\b|-b\b", re.IGNORECASE)
_WORD_GAP: Final = 0.15  # ems: a wider gap between two characters ends a word
_CELL_GAP: Final = 0.6  # ems: a wider gap between two words on a line ends a cell
_CLOSER: Final = 0.6  # a row's own lines are "clearly closer" below this share of the row gap
_AS_FAR: Final = 0.8  # a line at least this share of the row gap below the one above is apart
_END_GAP: Final = 3.0  # a gap this many times the usual one ends an unruled table
_STEP: Final = 0.5  # points: the resolution of the search for the space between columns
#: A running header's part longer than this is no agency's name.
_MAX_RUNNING_TITLE: Final = 120
#: Writers' default titles ("Untitled", Word's "Document1", Excel's "Book1").
_NO_TITLE: Final = re.compile(
    r"^(?:untitled(?:\s*\d+)?|\(?anonymous\)?|document\s*\d*|book\s*\d*|)$", re.IGNORECASE
)


def _import_pdfplumber() -> Any:
    try:
        import pdfplumber
    except ImportError as err:
        raise MissingDependencyError("pdfplumber", "pdf", "Reading PDF documents") from err
    return pdfplumber


#: A date or a month's name that a narrow column broke across lines, with no hyphen and
#: no space ("01/04/200" / "7", "Septem" / "ber"): the pieces either side of the break.
_BROKEN_WORD = re.compile(r"(?<![\w/.-])([\d/.-]{2,9}|[A-Za-z]{2,8})\n([\d/.-]{1,8}|[a-z]{2,8})\b")
_WHOLE_DATE = re.compile(r"^\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d{2}$")
_MONTH_NAMES: Final = frozenset(
    {
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    }
)


def _unbroken(match: re.Match[str]) -> str:
    """The two pieces of a date or month name broken by a line end, joined; other words
    keep their line break."""
    joined = match.group(1) + match.group(2)
    whole = _WHOLE_DATE.match(joined) or joined.casefold() in _MONTH_NAMES
    return joined if whole else match.group()


def _cell_text(text: str | None) -> str | None:
    """A cell's wrapped lines joined (bullets keep their line break, a bullet glyph with no
    character is shown as "•"; a date or a month's name broken by a narrow column, or a
    word broken at a soft hyphen, is joined back without a space)."""
    if text is None:
        return None
    text = _SOFT_HYPHEN.sub("", text.translate(_PRIVATE_BULLETS).translate(_LIGATURES))
    text = _UNMAPPED_BULLET.sub(r"\1•", text)
    text = _BROKEN_WORD.sub(_unbroken, text.strip())
    text = _HYPHEN_BREAK.sub("-", text)
    text = _BREAK_BEFORE_BULLET.sub("\0", text)
    if ":" in text:
        text = _BREAK_BEFORE_NOTE.sub("\0", text)
    text = " ".join(part.strip() for part in text.split("\n")).replace("\0", "\n")
    return text.strip() or None


@dataclass(frozen=True, slots=True)
class _Word:
    x0: float
    x1: float
    text: str
    size: float = 0.0  # of its characters, on average (0: not known)
    bold: bool = False  # all its characters in a bold font


@dataclass(frozen=True, slots=True)
class _Line:
    text: str
    top: float
    bottom: float
    size: float
    words: tuple[_Word, ...] = ()
    marks: tuple[str, ...] = ()  # the footnote marks raised in it ("1", "12")
    lead: str | None = None  # a mark raised before its text (a footnote's own number)
    notes: tuple[str, ...] = ()  # the footnotes its marks refer to ("[footnote: ...]")
    # where its marks' characters are (x0, top, text): left out of a table's cells too
    mark_chars: tuple[tuple[float, float, str], ...] = ()


def _words(chars: Sequence[dict[str, Any]], size: float) -> tuple[_Word, ...]:
    """A line's characters as words (split at spaces and at gaps wider than a space)."""
    out: list[_Word] = []
    current: list[dict[str, Any]] = []

    def flush() -> None:
        if current:
            text = "".join(c["text"] for c in current).translate(_LIGATURES)
            sizes = [float(c.get("size", 0.0)) for c in current]
            bold = all(_BOLD_FONT.search(str(c.get("fontname", ""))) for c in current)
            out.append(
                _Word(
                    float(current[0]["x0"]),
                    float(current[-1]["x1"]),
                    text,
                    statistics.fmean(sizes),
                    bold,
                )
            )
            current.clear()

    for char in sorted(chars, key=lambda c: c["x0"]):
        if char["text"].isspace():
            flush()
            continue
        if current and char["x0"] - current[-1]["x1"] > _WORD_GAP * size:
            flush()
        current.append(char)
    flush()
    return tuple(out)


#: A line in print this much smaller than the line it overlaps is set above or below it
#: (a superscript: a footnote's mark, the "th" of "12th").
_SUPERSCRIPT: Final = 0.85
#: The share of the small line's height it must overlap the other by.
_SUPERSCRIPT_OVERLAP: Final = 0.3
#: A footnote's mark: figures or a dagger, set small and raised after a word.
_NOTE_MARK: Final = re.compile(r"^[\d*†‡§]+$")


def _size(chars: Sequence[dict[str, Any]]) -> float:
    sizes = [c.get("size", 0.0) for c in chars]
    return statistics.fmean(sizes) if sizes else 0.0


def _raised_into(
    found: Sequence[tuple[Any, list[dict[str, Any]]]],
) -> list[tuple[Any, list[dict[str, Any]], list[dict[str, Any]]]]:
    """pdfplumber's lines with each line in small print that a line next to it overlaps
    and spans (a superscript or subscript, which pdfplumber gives as a line of its own
    above or below the line it belongs to: "1" over "... at home. Mother ...") taken into
    that line: (line, its characters, the footnote marks among them)."""
    sizes = [_size(chars) for _, chars in found]

    def owner(j: int) -> int | None:
        line = found[j][0]
        top, bottom = float(line["top"]), float(line["bottom"])
        height = bottom - top
        for k in (j + 1, j - 1):
            if k < 0 or k >= len(found) or height <= 0:
                continue
            other = found[k][0]
            overlap = min(bottom, float(other["bottom"])) - max(top, float(other["top"]))
            if (
                overlap >= _SUPERSCRIPT_OVERLAP * height
                and sizes[j] < _SUPERSCRIPT * sizes[k]
                and float(other["x0"]) - sizes[k] <= float(line["x0"])
                and float(line["x1"]) <= float(other["x1"]) + sizes[k]
            ):
                return k
        return None

    owners = {j: k for j in range(len(found)) if (k := owner(j)) is not None}
    owners = {j: k for j, k in owners.items() if k not in owners}  # a line owned owns none
    out = []
    for k, (line, chars) in enumerate(found):
        if k in owners:
            continue
        chars, marks = list(chars), []
        for j in (k - 1, k + 1):
            if owners.get(j) == k:
                small = found[j][1]
                chars.extend(small)
                if _NOTE_MARK.match("".join(c["text"] for c in small if not c["text"].isspace())):
                    marks.extend(small)
        out.append((line, chars, marks))
    return out


def _marked_text(
    chars: Sequence[dict[str, Any]], marks: Sequence[dict[str, Any]], size: float
) -> str:
    """A line's text from its characters in order, without its footnote marks ("at
    home¹. Mother" is "at home. Mother"): a space where there is one, or a gap wider
    than a word's."""
    dropped = {id(c) for c in marks}
    out: list[str] = []
    right: float | None = None  # where the last character (or mark) ends
    for char in sorted(chars, key=lambda c: c["x0"]):
        if char["text"].isspace():
            if out and out[-1] != " ":
                out.append(" ")
            continue
        if right is not None and char["x0"] - right > _WORD_GAP * size and out and out[-1] != " ":
            out.append(" ")
        right = float(char["x1"])
        if id(char) not in dropped:
            out.append(char["text"])
    return " ".join("".join(out).translate(_LIGATURES).split())


#: A character set this much (times the line's size) above the line's baseline is raised.
_RAISED: Final = 0.2
#: A footnote's mark is this close (in ems) to the word it is set against.
_MARK_GAP: Final = 0.5


def _raised_in_line(chars: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The footnote marks among a line's characters that pdfplumber kept in the line: figures
    (or a dagger) in small print, raised above the line's baseline ("¹2 March 2007 is the
    date ..." at the foot of the page, the note's own number beside its first figure)."""
    shown = [c for c in chars if not c["text"].isspace()]
    if len(shown) < 2:
        return []
    size = statistics.median(float(c.get("size", 0.0)) for c in shown)
    base = statistics.median(float(c["bottom"]) for c in shown)
    raised = [
        c
        for c in shown
        if _NOTE_MARK.match(c["text"])
        and float(c.get("size", 0.0)) < _SUPERSCRIPT * size
        and base - float(c["bottom"]) > _RAISED * size
    ]
    if not raised:
        return []
    # set against a word of the line (a number alone in a cell of smaller print, top
    # aligned beside a larger one, is no mark)
    ids = {id(c) for c in raised}
    edges = [(float(c["x0"]), float(c["x1"])) for c in shown if id(c) not in ids]
    near = _MARK_GAP * size
    return [
        c
        for c in raised
        if any(
            abs(float(c["x0"]) - x1) < near or abs(x0 - float(c["x1"])) < near for x0, x1 in edges
        )
    ]


def _lines(page: Any) -> list[_Line]:
    found = []
    for line in page.extract_text_lines(return_chars=True):
        # a ligature's character comes once per letter it expands to ("\ufb01" twice for
        # "fi"): each character once
        found.append((line, list({id(c): c for c in line.get("chars", ())}.values())))
    out = []
    for line, chars, marks in _raised_into(found):
        marks = marks or _raised_in_line(chars)
        size = _size([c for c in chars if id(c) not in {id(m) for m in marks}] or chars)
        own = not marks and (len(chars) == len(line.get("chars", ())) or not chars)
        text = (
            " ".join(line["text"].translate(_LIGATURES).split())
            if own
            else _marked_text(chars, marks, size or 10.0)
        )
        kept = [c for c in chars if id(c) not in {id(m) for m in marks}]
        found_marks = _words(marks, size or 10.0)
        first = min((float(c["x0"]) for c in kept if not c["text"].isspace()), default=None)
        lead = next(
            (m.text for m in found_marks if first is not None and m.x1 <= first + 0.5), None
        )
        out.append(
            _Line(
                text,
                float(line["top"]),
                float(line["bottom"]),
                size,
                _words(kept, size or 10.0),
                tuple(m.text for m in found_marks if m.text != lead),
                lead,
                mark_chars=tuple((c["x0"], c["top"], c["text"]) for c in marks),
            )
        )
    return out


#: Lines of footnotes are set this close (times a line's height); a wider gap parts them
#: from a running footer under them.
_NOTE_GAP: Final = 1.5
#: A footnote typed with its number on the line ("3 The GP record ..."), not raised.
_NOTE_START: Final = re.compile(r"^(?P<mark>\d{1,3}|[*†‡§])\s+(?P<text>\S.*)$")


def _footnotes(lines: Sequence[_Line], body_size: float) -> list[_Line]:
    """The page's lines with its footnotes taken out of them and added to the lines whose
    marks refer to them ("... at home¹. Mother ..." takes "[footnote: HV1's record of
    14/03/2007 says ...]"). The footnotes are the lines in small print at the foot of the
    page, under its text, the first of them opening with a mark (raised or typed: "1
    HV1's record ...", "¹ HV1's record ...") that a line above refers to; a line without a
    mark goes on the note above it. Without that, the page is left as it is: a footnote
    that opens with a date ("3 12 March 2007 is the date in the GP record") had been an
    event, and the others the end of the page's last entry."""
    if not lines or body_size <= 0:
        return list(lines)

    def small(line: _Line) -> bool:
        return 0 < line.size < _SMALL_PRINT * body_size

    # the page's own text ends above its footnotes, its page number and running footer
    end = len(lines)
    while end > 0 and (small(lines[end - 1]) or _PAGE_NUMBER.match(lines[end - 1].text)):
        end -= 1
    if end == len(lines) or end == 0 or not small(lines[end]):
        return list(lines)
    # the footnotes: the small print right under the text, up to a gap (a footer under it)
    stop = end + 1
    while (
        stop < len(lines)
        and small(lines[stop])
        and lines[stop].top - lines[stop - 1].bottom
        <= _NOTE_GAP * (lines[stop - 1].bottom - lines[stop - 1].top)
    ):
        stop += 1
    start = end
    referred = {mark for line in lines[:start] for mark in line.marks}
    notes: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in lines[start:stop]:
        typed = _NOTE_START.match(line.text)
        mark, text = (
            (line.lead, line.text)
            if line.lead is not None
            else (typed["mark"], typed["text"])
            if typed is not None and typed["mark"] in referred
            else (None, line.text)
        )
        if mark is not None and mark in referred and mark not in notes:
            current = notes[mark] = [text]
        elif current is None:
            return list(lines)  # small print that opens with no note's mark: no footnotes
        else:
            current.append(text)
    out = list(lines[:start])
    for mark, texts in notes.items():
        at = next(k for k, line in enumerate(out) if mark in line.marks)
        note = f"[footnote: {' '.join(' '.join(texts).split())}]"
        out[at] = dataclasses.replace(out[at], notes=(*out[at].notes, note))
    return [*out, *lines[stop:]]


#: Points: a running header or footer comes back this close to the same place on the page.
_SAME_PLACE: Final = 3.0


def _running_lines(
    pages: Sequence[tuple[float, list[_Line]]], body_size: float
) -> set[tuple[int, int]]:
    """(page index, line index) of running headers, footers and page numbers.

    A line in the top or bottom margin is one when it comes back at the same place on
    another page (its digits aside: "Page 3 of 7"), reads as a page number, or is in
    smaller print than the body text (not a table's header line, which a table without
    ruling lines repeats at the top of each page), and so is every line between it and the edge of
    the page: the page's own text ends them (a table's line that runs into the margin,
    such as a cell's last words "given.", is not dropped for coming back at that place
    on another page under a first line that does not).
    """
    in_margin: list[list[tuple[int, str, float]]] = []
    places: dict[str, list[tuple[int, float]]] = {}
    for p, (height, lines) in enumerate(pages):
        found = []
        for i, line in enumerate(lines):
            top, bottom = line.top < height * _MARGIN, line.bottom > height * (1 - _MARGIN)
            if top or bottom:
                # its digits aside, but for the date it starts with (a table's row at the
                # top of two pages: "12/03/2007 GP DNA", "14/05/2007 GP DNA"; a footer
                # "01/04/2020 14:32  Page 1 of 3", "... Page 2 of 3")
                key = running_key(line.text.casefold())
                # where it is: from the top of the page, or from its bottom (a footer)
                place = line.top if top else height - line.bottom
                found.append((i, key, place))
                places.setdefault(key, []).append((p, place))
        in_margin.append(found)

    def running(p: int, i: int, key: str, place: float) -> bool:
        line = pages[p][1][i]
        if _header_cells(_cells(line)) is not None:
            return False  # a table's header repeated at the top of each page: the table's
        small = 0 < line.size < body_size * _SMALL_PRINT
        again = any(
            other != p and abs(where - place) <= _SAME_PLACE for other, where in places[key]
        )
        return again or small or bool(_PAGE_NUMBER.match(line.text))

    drop: set[tuple[int, int]] = set()
    for p, found in enumerate(in_margin):
        height = pages[p][0]
        heads = [item for item in found if pages[p][1][item[0]].top < height * _MARGIN]
        feet = [item for item in found if item not in heads]
        # from the edge of the page inwards, up to the first line that is the page's own
        for edge in (heads, feet[::-1]):
            for i, key, place in edge:
                if not running(p, i, key, place):
                    break
                drop.add((p, i))
    return drop


#: Darker than this (0 black, 1 white), a filled box over dark text hides it.
_DARK: Final = 0.25


def _lightness(colour: Any) -> float | None:
    """0 (black) to 1 (white) for a PDF colour (grey, RGB or CMYK); None for a pattern."""
    if isinstance(colour, int | float):
        colour = (colour,)
    if not isinstance(colour, tuple | list) or not all(isinstance(c, int | float) for c in colour):
        return None
    if len(colour) == 1:
        return float(colour[0])
    if len(colour) == 3:
        r, g, b = colour
        return 0.299 * r + 0.587 * g + 0.114 * b
    if len(colour) == 4:
        c, m, y, k = colour
        return (1 - k) * (1 - (0.299 * c + 0.587 * m + 0.114 * y))
    return None


def _dark(colour: Any) -> bool:
    lightness = _lightness(colour)
    return lightness is not None and lightness < _DARK


def _cached(shades: dict[str, bool], colour: Any) -> bool:
    key = repr(colour)
    if key not in shades:
        shades[key] = _dark(colour)
    return shades[key]


def _without_redacted_text(page: Any) -> tuple[Any, int]:
    """The page without the characters hidden under black boxes (a redaction drawn over
    text left in the file), and how many there were. A character is hidden when its
    middle is inside a filled dark box and it is dark itself (white text on a dark header
    row is read)."""
    boxes = np.array(
        [
            (r["x0"], r["top"], r["x1"], r["bottom"])
            for r in page.rects
            if r.get("fill")
            and r["width"] > _MIN_RULE
            and r["height"] > _MIN_RULE
            and _dark(r.get("non_stroking_color"))
        ],
        dtype=float,
    ).reshape(-1, 4)
    if not len(boxes):
        return page, 0
    chars = page.chars
    shades: dict[str, bool] = {}  # a page has few colours: each one judged once
    dark = np.array(
        [_cached(shades, c.get("non_stroking_color")) for c in chars], dtype=bool
    ).reshape(-1)
    x = np.array([(c["x0"] + c["x1"]) / 2 for c in chars], dtype=float)[:, None]
    y = np.array([(c["top"] + c["bottom"]) / 2 for c in chars], dtype=float)[:, None]
    covered = (
        (boxes[:, 0] <= x) & (x <= boxes[:, 2]) & (boxes[:, 1] <= y) & (y <= boxes[:, 3])
    ).any(axis=1) & dark
    if not covered.any():
        return page, 0
    hidden = {(c["x0"], c["top"], c["text"]) for c, h in zip(chars, covered, strict=True) if h}

    def keep(obj: dict[str, Any]) -> bool:
        return (
            obj.get("object_type") != "char" or (obj["x0"], obj["top"], obj["text"]) not in hidden
        )

    return page.filter(keep), len(hidden)


#: Degrees: characters set further than this from a quarter turn run across the page
#: slantwise, as a watermark's do ("DRAFT" from corner to corner).
_SLANT: Final = 10.0
#: A watermark is in print this many times the page's usual size: slantwise, or set level
#: and pale over the page's text.
_SLANT_SIZE: Final = 1.5
_WATERMARK_SIZE: Final = 2.5
_PALE: Final = 0.6
_CENTRED: Final = 0.15  # share of the page's width (height) from its middle


def _watermark_chars(chars: Sequence[dict[str, Any]], width: float, height: float) -> np.ndarray:
    """Which of ``chars`` are a watermark's: set slantwise across the page in large print
    ("DRAFT - NOT FOR CIRCULATION" from corner to corner), or set level in pale print far
    larger than the page's own text, over it or in the middle of the page ("CONFIDENTIAL"
    across the middle). A heading set at a slant in the page's own size (a sheet's angled
    column headings) and a pale title in large print clear of the text and of the page's
    middle are kept; so is a page whose text is mostly at a slant (a scan OCR'd askew)."""
    if not chars:
        return np.zeros(0, dtype=bool)
    matrices = np.array([c["matrix"][:2] for c in chars], dtype=float).reshape(-1, 2)
    off = np.degrees(np.arctan2(matrices[:, 1], matrices[:, 0])) % 90
    sizes = np.array([float(c.get("size", 0.0)) for c in chars], dtype=float)
    usual = float(np.median(sizes))
    marked = (off > _SLANT) & (off < 90 - _SLANT) & (sizes >= _SLANT_SIZE * usual)
    big: list[int] = (
        np.flatnonzero(~marked & (sizes >= _WATERMARK_SIZE * usual)).tolist() if usual > 0 else []
    )
    shades: dict[str, float | None] = {}
    pale: list[int] = []
    for i in big:  # few: the watermark's letters, a title in large print
        key = repr(chars[i].get("non_stroking_color"))
        if key not in shades:
            shades[key] = _lightness(chars[i].get("non_stroking_color"))
        light = shades[key]
        if light is not None and light >= _PALE:
            pale.append(i)
    if pale:
        boxes = np.array([[c["x0"], c["top"], c["x1"], c["bottom"]] for c in chars], dtype=float)
        others = boxes[sizes < _WATERMARK_SIZE * usual]
        x = (others[:, 0] + others[:, 2]) / 2
        y = (others[:, 1] + others[:, 3]) / 2
        over = boxes[pale]
        covers = (
            (over[:, 0:1] <= x) & (x <= over[:, 2:3]) & (over[:, 1:2] <= y) & (y <= over[:, 3:4])
        )
        middle = (
            (over[:, 0].min() + over[:, 2].max()) / 2,
            (over[:, 1].min() + over[:, 3].max()) / 2,
        )
        centred = (
            abs(middle[0] - width / 2) < _CENTRED * width
            and abs(middle[1] - height / 2) < _CENTRED * height
        )
        if centred or covers.any():  # over the page's text or in its middle: no title
            marked[pale] = True
    spaces = np.array([c["text"].isspace() for c in chars], dtype=bool)
    if (marked & ~spaces).sum() * 2 >= (~spaces).sum():
        return np.zeros(len(chars), dtype=bool)
    return marked


def _without_watermark(page: Any) -> tuple[Any, int]:
    """The page without a watermark's characters (:func:`_watermark_chars`), and how many
    there were: its letters fell into the lines they cross ("U Entry 4", "recordAed")."""
    chars = page.chars
    marked = _watermark_chars(chars, float(page.width), float(page.height))
    if not marked.any():
        return page, 0
    drop = {(c["x0"], c["top"], c["text"]) for c, m in zip(chars, marked, strict=True) if m}

    def keep(obj: dict[str, Any]) -> bool:
        return obj.get("object_type") != "char" or (obj["x0"], obj["top"], obj["text"]) not in drop

    return page.filter(keep), int(marked.sum())


#: Line numbers in the margin: at least this many on a page, this share of them one
#: step (1, or 5 when every fifth line is numbered) more than the one above, and standing
#: this many ems left of the page's text.
_LINE_NUMBERS: Final = 5
_LINE_NUMBER_STEPS: Final = 0.8
_LINE_NUMBER_GAP: Final = 0.5


def _line_number_chars(chars: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Which of ``chars`` are line numbers printed in the left margin (Word's Layout > Line
    Numbers, on a draft review report sent to its panel): figures alone on their line,
    left of all the page's other text by a blank space, counting up down the page by one
    step (1, 5 or 10). A paragraph's number set in a hanging indent ("12" before its
    text) stands level with the headings' left edge, not in the margin, and is kept."""
    if not chars:
        return []
    leftmost = min(chars, key=operator.itemgetter("x0"))["text"]
    if not (leftmost.isdigit() or leftmost.isspace()):
        return []  # the page's text starts at its left edge: no figures in the margin
    digits = [c for c in chars if c["text"].isdigit()]
    left = min(
        (c["x0"] for c in chars if not c["text"].isdigit() and not c["text"].isspace()),
        default=None,
    )
    if left is None:
        return []
    # figures in the margin: ending a blank space left of the leftmost letter of the page
    margin = [
        c for c in digits if c["x1"] <= left - _LINE_NUMBER_GAP * float(c.get("size") or 10.0)
    ]
    if len(margin) < _LINE_NUMBERS:
        return []
    numbers: list[tuple[float, str]] = []  # the figures of each line, read left to right
    for char in sorted(margin, key=lambda c: (round(float(c["top"])), c["x0"])):
        size = float(char.get("size") or 10.0)
        if numbers and abs(numbers[-1][0] - float(char["top"])) < size / 2:
            numbers[-1] = (numbers[-1][0], numbers[-1][1] + char["text"])
        else:
            numbers.append((float(char["top"]), char["text"]))
    if len(numbers) < _LINE_NUMBERS:
        return []
    steps = np.diff(np.array([int(n) for _top, n in numbers], dtype=np.int64))
    values, counts = np.unique(steps, return_counts=True)
    step = int(values[counts.argmax()])
    if step not in (1, 5, 10) or counts.max() < _LINE_NUMBER_STEPS * len(steps):
        return []
    return margin


def _without_line_numbers(page: Any) -> tuple[Any, int]:
    """The page without the line numbers in its left margin (:func:`_line_number_chars`),
    and how many lines were numbered: they ran into the text of the lines ("Mother said 2
    Child A had fallen"). Figures with ruling lines reaching them (an Excel sheet printed
    with its row numbers, read by its table) are left as they are."""
    marked = _line_number_chars(page.chars)
    if not marked:
        return page, 0
    reach = max(float(c["x1"]) for c in marked)
    if any(float(edge["x0"]) <= reach for edge in page.edges):
        return page, 0  # ruling lines round them: the row numbers of a sheet's grid
    drop = {(c["x0"], c["top"], c["text"]) for c in marked}
    lines = len({round(float(c["top"])) for c in marked})

    def keep(obj: dict[str, Any]) -> bool:
        return obj.get("object_type") != "char" or (obj["x0"], obj["top"], obj["text"]) not in drop

    return page.filter(keep), lines


#: Points from the page's right edge within which a ruled table's right border is taken
#: to be cut there (printers leave a margin; a table cut by the page ends at its edge).
_CUT_EDGE: Final = 2.0
#: Points: a line this thin or thinner may strike text through.
_STRIKE_WIDTH: Final = 1.5
#: The band of a character's height a line strikes it through in (not its underline).
_STRIKE_BAND: Final = (0.3, 0.75)


def _without_struck_text(page: Any) -> tuple[Any, int]:
    """The page without its characters struck through (a thin line across the middle of
    each: the deleted text of tracked changes, as Word prints a document "showing
    markup"), and how many there were. Underlines run under the text, ruling lines
    between rows: neither strikes a character."""
    rules = [
        (float(obj["x0"]), float(obj["x1"]), (float(obj["top"]) + float(obj["bottom"])) / 2)
        for obj in (*page.lines, *page.rects)
        if abs(float(obj["bottom"]) - float(obj["top"])) <= _STRIKE_WIDTH
        and float(obj["x1"]) - float(obj["x0"]) > _STRIKE_WIDTH
    ]
    chars = page.chars
    if not rules or not chars:
        return page, 0
    lines = np.array(rules, dtype=float)
    box = np.array([(c["x0"], c["x1"], c["top"], c["bottom"]) for c in chars], dtype=float).reshape(
        -1, 4
    )
    middle = (box[:, 0] + box[:, 1]) / 2
    height = box[:, 3] - box[:, 2]
    low = box[:, 2] + _STRIKE_BAND[0] * height
    high = box[:, 2] + _STRIKE_BAND[1] * height
    struck = (
        (lines[:, 0] <= middle[:, None])
        & (middle[:, None] <= lines[:, 1])
        & (low[:, None] <= lines[:, 2])
        & (lines[:, 2] <= high[:, None])
    ).any(axis=1)
    struck &= np.array([not c["text"].isspace() for c in chars], dtype=bool)
    if not struck.any():
        return page, 0
    drop = {(c["x0"], c["top"], c["text"]) for c, hit in zip(chars, struck, strict=True) if hit}

    def keep(obj: dict[str, Any]) -> bool:
        return obj.get("object_type") != "char" or (obj["x0"], obj["top"], obj["text"]) not in drop

    return page.filter(keep), len(drop)


#: The label opening each of Word's markup balloons, as Word prints a document "showing
#: markup" (its comments and changes in balloons in a pane right of the page): "Commented
#: [R1]:" (Word 2013 on; "Comment [R1]:" before), "Deleted:", "Formatted: Font: Bold",
#: "Moved (insertion) [1]", "Deleted Cells"... Group ``comment``: a comment's label.
_BALLOON_LABEL: Final = re.compile(
    r"(?P<comment>Comment(?:ed)?\s*\[[^\]\n]{1,16}\]\s*:)"
    r"|(?P<deleted>Deleted\s*:|Moved\s*\(insertion\)|Moved\s+(?:up|down)(?:\s*\[\d+\])?\s*:)"
    r"|(?:Inserted|Formatted)\s*:|(?:Formatted\s+Table|Deleted\s+Cells|Inserted\s+Cells"
    r"|Merged\s+Cells|Split\s+Cells|Field\s+Code\s+Changed)\b"
)
#: Points: the balloons' boxes and the dotted lines to them start this far left of the
#: balloons' text.
_BALLOON_PAD: Final = 12.0


@dataclass(frozen=True, slots=True)
class _Balloons:
    """What Word's markup pane on a page held: comments (their text), deletions, others."""

    comments: tuple[str, ...]
    deleted: int
    other: int
    margin: bool = False  # LibreOffice's comments in the margin, not Word's balloons


def _without_balloons(page: Any) -> tuple[Any, _Balloons | None]:
    """The page without Word's markup pane (the balloons of comments and changes printed
    "showing markup" right of the shrunk page, and the dotted lines leading to them), and
    what it held; None when the page has none. The pane is the strip right of the
    leftmost balloon label set in the right half of the page with no text crossing into
    it: a line of the page's own text opening "Deleted:" is kept."""
    chars = page.chars
    if not chars:
        return page, None
    text = "".join(c["text"] for c in chars)
    width = float(page.width)
    labels = [m for m in _BALLOON_LABEL.finditer(text) if float(chars[m.start()]["x0"]) > width / 2]
    if not labels:
        return page, None
    left = min(float(chars[m.start()]["x0"]) for m in labels)
    x0 = np.array([c["x0"] for c in chars], dtype=float)
    x1 = np.array([c["x1"] for c in chars], dtype=float)
    own = x1 < left - _BALLOON_PAD / 2
    if not own.any() or ((x0 < left - 0.5) & ~own).any():  # text runs into it: no pane
        return page, None
    cut = left - _BALLOON_PAD
    if not _balloons_only([c for c in chars if float(c["x0"]) >= cut]):
        return page, None  # a table's last column with a cell opening "Inserted:"
    pane = [m for m in labels if float(chars[m.start()]["x0"]) >= left]
    comments = []
    starts = [m.start() for m in pane] + [len(text)]
    for m, end in zip(pane, starts[1:], strict=False):
        if m["comment"]:
            comments.append(_spaced(chars[m.end() : end]))
    deleted = sum(1 for m in pane if m["deleted"])
    return _left_of(page, cut), _Balloons(
        tuple(comments), deleted, len(pane) - len(comments) - deleted
    )


#: The last line of a comment in LibreOffice's margin (a PDF exported with "Comments in
#: margin"): when it was made, under its author's name ("12/03/2020, 10:14", "Today,
#: 10:14", "2020-03-12 10:14").
_MARGIN_NOTE_STAMP: Final = re.compile(
    r"^\s*(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}|today|yesterday)"
    r"[,\s]+\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?\s*$",
    re.IGNORECASE,
)


def _without_margin_notes(page: Any) -> tuple[Any, _Balloons | None]:
    """The page without LibreOffice's comments in the margin (a PDF exported with
    "Comments in margin": each comment a shaded box right of the shrunk page, its text
    over its author's name and the day and time it was made), and what they held; None
    when the page has none. The margin is the strip right of the leftmost such box in the
    right half of the page, when every character there is in such a box and no text of
    the page crosses into it."""
    chars = page.chars
    width = float(page.width)
    boxes = [
        r
        for r in page.rects
        if r.get("fill")
        and float(r["x0"]) > width / 2
        and float(r["x1"]) - float(r["x0"]) > _BALLOON_PAD
        and float(r["bottom"]) - float(r["top"]) > _BALLOON_PAD
    ]
    if not boxes or not chars:
        return page, None
    left = min(float(b["x0"]) for b in boxes)
    if any(  # a table's column rule at or right of the boxes: its shaded cells
        abs(float(r["x1"]) - float(r["x0"])) <= _STRIKE_WIDTH
        and float(r["bottom"]) - float(r["top"]) > _BALLOON_PAD
        and float(r["x0"]) >= left - _BALLOON_PAD
        for r in (*page.lines, *page.rects)
    ):
        return page, None
    x0 = np.array([c["x0"] for c in chars], dtype=float)
    x1 = np.array([c["x1"] for c in chars], dtype=float)
    mid = (np.array([c["top"] for c in chars], dtype=float) + [c["bottom"] for c in chars]) / 2
    notes: list[tuple[float, str]] = []  # (top, the comment's text)
    inside = np.zeros(len(chars), dtype=bool)
    for box in boxes:
        held = (
            (x0 >= float(box["x0"]) - 1)
            & (x1 <= float(box["x1"]) + 1)
            & (mid >= float(box["top"]))
            & (mid <= float(box["bottom"]))
        )
        if not held.any():
            continue
        lines = [line for line in _spaced_lines([chars[i] for i in np.flatnonzero(held)]) if line]
        if len(lines) < 2 or not _MARGIN_NOTE_STAMP.match(lines[-1]):
            return page, None  # a shaded cell or box of the page's own: no comment
        inside |= held
        notes.append((float(box["top"]), " ".join(lines[:-2])))
    if not notes:
        return page, None
    own = x1 < left - _BALLOON_PAD / 2
    strip = ~own
    if not own.any() or (strip & ~inside).any():  # text of the page in the margin
        return page, None
    cut = left - _BALLOON_PAD / 2
    comments = tuple(text for _top, text in sorted(notes))
    return _left_of(page, cut), _Balloons(comments, 0, 0, margin=True)


def _spaced_lines(chars: Sequence[dict[str, Any]]) -> list[str]:
    """``chars`` (in reading order) as lines of text, words parted by a space."""
    out: list[list[dict[str, Any]]] = []
    for char in chars:
        if out and abs(float(char["top"]) - float(out[-1][-1]["top"])) <= 1:
            out[-1].append(char)
        else:
            out.append([char])
    return [_spaced(line) for line in out]


def _grid(
    table: Any,
) -> tuple[list[list[str | None]], list[tuple[int, str]], list[tuple[int, int]]]:
    """A pdfplumber table's rows on its column grid, its full-width section rows, and the
    cells (row index, column) that carry the text of a cell merged down from above (or
    are part of an empty cell merged down)."""
    texts = table.extract()
    columns = [c.bbox for c in table.columns]
    width = len(columns)
    owners: list[tuple[Any, str | None] | None] = [None] * width  # cell bbox and its text
    rows: list[list[str | None]] = []
    sections: list[tuple[int, str]] = []
    merged: list[tuple[int, int]] = []
    x0, _top, x1, _bottom = table.bbox
    # by row, the cell merged across each column from its left (its bbox), else None
    covered: list[list[Any]] = []
    for number, (row, cells_text) in enumerate(zip(table.rows, texts, strict=True), start=1):
        top = row.bbox[1]
        cells: list[str | None] = []
        real = [box for box in row.cells if box is not None]
        covered.append([None] * width)
        for col in range(width):
            box = row.cells[col] if col < len(row.cells) else None
            if box is not None:
                text = _cell_text(cells_text[col])
                owners[col] = (box, text)
                cells.append(text)
                continue
            owner = owners[col]
            spans_down = owner is not None and owner[0][3] > top + _TOLERANCE
            across = [
                b
                for b in real
                if b[0] < columns[col][0] + _TOLERANCE and b[2] > columns[col][0] + _TOLERANCE
            ]
            spans_across = bool(across)
            if across and len(real) > 1:
                covered[-1][col] = across[0]
            carried = owner is not None and spans_down and not spans_across
            cells.append(owner[1] if owner is not None and carried else None)
            if carried:  # (an empty cell too: one that goes on from the page before)
                merged.append((number - 1, col))
        if (
            width > 1
            and len(real) == 1
            and real[0][0] <= x0 + _TOLERANCE
            and real[0][2] >= x1 - _TOLERANCE
        ):
            text = next((c for c in cells if c), None)
            if text:
                sections.append((number, " ".join(text.split())))
            cells = [None] * width
        rows.append(cells)
    return _nested_folded(rows, covered), sections, merged


#: A text box inside a cell is at least this far (points) from the cell's edges, and at
#: least this wide and high: a cell's own shading or border fills it to its edges.
_BOX_MARGIN: Final = 2.0
_BOX_SIZE: Final = (20.0, 8.0)


def _box_notes(page: Any, table: Any) -> tuple[list[tuple[int, str]], list[Any]]:
    """The notes in text boxes set inside the cells of a ruled ``table`` (a Word text box
    printed to PDF: a frame or a shaded box within the cell, "Reviewer: HV1 should have
    referred to CSC."), as (0-based row, text), and their boxes; only the boxes whose text
    is labelled as a note on the entry (:func:`is_box_note`). Only the page's rectangles
    are looked at, and only on pages with a ruled table."""
    rects = [
        r
        for r in page.rects
        if r["x1"] - r["x0"] >= _BOX_SIZE[0] and r["bottom"] - r["top"] >= _BOX_SIZE[1]
    ]
    cells = [(i, box) for i, row in enumerate(table.rows) for box in row.cells if box is not None]
    if not rects or not cells:
        return [], []
    r = np.array([[x["x0"], x["top"], x["x1"], x["bottom"]] for x in rects])
    c = np.array([box for _i, box in cells], dtype=float)
    m = _BOX_MARGIN
    within = (
        (r[:, None, 0] >= c[None, :, 0] + m)
        & (r[:, None, 1] >= c[None, :, 1] + m)
        & (r[:, None, 2] <= c[None, :, 2] - m)
        & (r[:, None, 3] <= c[None, :, 3] - m)
    )
    notes: list[tuple[int, str]] = []
    boxes: list[Any] = []
    for k, j in zip(*np.nonzero(within), strict=True):
        bbox = tuple(float(v) for v in r[k])
        if any(bbox == b for b in boxes):
            continue
        text = " ".join((page.within_bbox(bbox).extract_text() or "").split())
        if text and is_box_note(text):
            notes.append((cells[j][0], text))
            boxes.append(bbox)
    return notes, boxes


def _without_boxes(page: Any, boxes: Sequence[Any]) -> Any:
    """``page`` without the characters inside ``boxes``."""

    def kept(obj: dict[str, Any]) -> bool:
        if obj.get("object_type") != "char":
            return True
        x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)

    return page.filter(kept)


def _struck_rows(
    table: Any,
    printed: Any,
    unredacted: Any,
    rows: list[list[str | None]],
    merged: list[tuple[int, int]],
) -> tuple[tuple[int, str, tuple[str | None, ...]], ...]:
    """The rows of ``table`` (read as ``rows`` from the page without its struck and
    blacked-out text) whose every cell is empty there but holds text on the page as
    printed (``printed``: None when nothing on the page is struck): rows struck through
    throughout, an entry deleted but left visible, as (row index, ``struck_through``,
    the cells as printed); else under black boxes (``unredacted``: the page with the text
    under them; None when there is none): (row index, ``redacted``, blank cells). Cells
    carried down from a cell above (``merged``) do not count."""
    if printed is None and unredacted is None:
        return ()
    carried = set(merged)
    empty = [
        i
        for i, cells in enumerate(rows)
        if not any(c for j, c in enumerate(cells) if (i, j) not in carried)
    ]
    if not empty:
        return ()
    from pdfplumber.table import Table

    layers = [(why, page) for why, page in (("struck_through", printed), ("redacted", unredacted))]
    shown = {why: _grid(Table(page, table.cells))[0] for why, page in layers if page is not None}
    out = []
    for i in empty:
        for why, grid in shown.items():
            cells = tuple(
                None if (i, j) in carried else c
                for j, c in enumerate(grid[i] if i < len(grid) else ())
            )
            if any(cells):
                blank = (None,) * len(cells)
                out.append((i, why, cells if why == "struck_through" else blank))
                break
    return tuple(out)


def _chars_in(page: Any, boxes: Sequence[Any], *, spaces: bool) -> set[tuple[Any, Any, str]]:
    """The page's characters (as :func:`_without_struck_text` keys them) whose middle is
    inside one of ``boxes``; spaces only if ``spaces`` (as :func:`_without_redacted_text`
    counts them, where :func:`_without_struck_text` does not)."""
    return {
        (c["x0"], c["top"], c["text"])
        for c in page.chars
        if (spaces or not c["text"].isspace())
        and any(
            b[0] <= (c["x0"] + c["x1"]) / 2 <= b[2] and b[1] <= (c["top"] + c["bottom"]) / 2 <= b[3]
            for b in boxes
        )
    }


def _gone_lines(printed: Any, shown: Sequence[_Line]) -> list[_Line]:
    """The lines of the page as printed (``printed``) with no line of the page as read
    (``shown``: without its struck or blacked-out text) level with them: lines struck
    through or blacked out throughout."""
    spans = [(line.top, line.bottom) for line in shown]
    return [
        line
        for line in _lines(printed)
        if not any(top <= (line.top + line.bottom) / 2 <= bottom for top, bottom in spans)
    ]


def _struck_paragraphs(
    printed: Any, shown: Sequence[_Line], boxes: Sequence[Any]
) -> list[tuple[str, float, float]]:
    """The entries outside tables struck through throughout on the page as printed
    (``printed``): lines of it with no line of the page without its struck text
    (``shown``) level with them, outside the tables' ``boxes``; a line opening with a date
    starts an entry, and the struck lines right under it carry it on. As (text, top,
    bottom), for those that open with a date."""
    spans = sorted((line.top, line.bottom) for line in shown)

    def inside(line: _Line) -> bool:
        middle = (line.top + line.bottom) / 2
        return any(b[1] <= middle <= b[3] for b in boxes)

    groups: list[list[_Line]] = []
    last: _Line | None = None
    for line in sorted(_gone_lines(printed, shown), key=lambda ln: ln.top):
        if inside(line):
            last = None
            continue
        opens = split_date_prefix(line.text) is not None
        between = last is not None and any(last.bottom <= t and b <= line.top for t, b in spans)
        if opens or last is None or between:
            groups.append([line])
        else:
            groups[-1].append(line)
        last = line
    out = []
    for group in groups:
        text = _cell_text("\n".join(line.text for line in group)) or ""
        if split_date_prefix(text) is not None:
            out.append((text, group[0].top, group[-1].bottom))
    return out


def _numbers_with(
    kept: Sequence[tuple[str, bool, float, float, bool]],
    gone: Sequence[tuple[str, float, float, str]],
) -> tuple[list[int], list[int]]:
    """The numbers on the page of the paragraphs ``kept`` and of those struck through
    throughout (``gone``), counted together in the order of the page (a reader sees the
    struck ones): each struck one before the first kept paragraph below it."""
    if not gone:
        return list(range(1, len(kept) + 1)), []
    tops = [top for _text, _heading, top, _bottom, _bold in kept]
    before = [next((i for i, top in enumerate(tops) if top > g[1]), len(kept)) for g in gone]
    kept_numbers = [i + 1 + sum(1 for b in before if b <= i) for i in range(len(kept))]
    gone_numbers = [b + 1 + sum(1 for o in before[:j] if o <= b) for j, b in enumerate(before)]
    return kept_numbers, gone_numbers


def _outermost(tables: list[Any]) -> list[Any]:
    """``tables`` without those inside another's frame: a table nested in a cell is read
    as that cell's text (:func:`_nested_folded`), not as a table of its own."""
    return [
        t
        for t in tables
        if not any(
            o is not t
            and o.bbox[0] <= t.bbox[0] + _TOLERANCE
            and o.bbox[1] <= t.bbox[1] + _TOLERANCE
            and o.bbox[2] >= t.bbox[2] - _TOLERANCE
            and o.bbox[3] >= t.bbox[3] - _TOLERANCE
            and (o.bbox[2] - o.bbox[0]) * (o.bbox[3] - o.bbox[1])
            > (t.bbox[2] - t.bbox[0]) * (t.bbox[3] - t.bbox[1])
            for o in tables
        )
    ]


def _nested_folded(
    rows: list[list[str | None]], covered: list[list[Any]]
) -> list[list[str | None]]:
    """``rows`` with the cells of a table nested in a cell (a list of attendees in the
    details cell, as Word prints it: its own rules split the outer cell into columns of
    the grid that no heading names) joined into the outer cell's column, one line per row
    as for Word, its cells joined with " | ". Such a column is covered by one cell merged
    across it in the header row, and by a cell just as wide in another row (a two-row
    header's "Time" over "Start | End" has rows with cells of their own under both)."""
    header = next((i for i, row in enumerate(rows) if any(row)), None)
    if header is None or len(rows) - header < 2:
        return rows
    width = len(covered[header])

    def same(a: Any, b: Any) -> bool:
        return b is not None and abs(a[0] - b[0]) <= _TOLERANCE and abs(a[2] - b[2]) <= _TOLERANCE

    inner = [
        col
        for col in range(1, width)
        if (box := covered[header][col]) is not None
        and any(same(box, c[col]) for c in covered[header + 1 :])
    ]
    if not inner:
        return rows
    out = [list(row) for row in rows]
    for r in range(header + 1, len(rows)):
        for col in inner:
            if covered[r][col] or col - 1 in inner:
                continue  # a run of nested columns is joined from its first
            run = [col]
            while run[-1] + 1 in inner:
                run.append(run[-1] + 1)
            outer = col - 1
            while outer in inner:
                outer -= 1
            texts = [" ".join(t.split()) for c in (outer, *run) if (t := rows[r][c])]
            out[r][outer] = " | ".join(texts) or None
            for c in run:
                out[r][c] = None
    return out


def _cut_ends(page: Any) -> list[float]:
    """Where the page cuts a ruled table's row: the ends of column rules that run past the
    last (or start before the first) row rule they cross.

    A row broken across pages often has no bottom border on the first page (nor a top one
    on the next): without a line there, the row's cells would not be closed and its text
    would fall out of the table.
    """
    edges = page.edges
    # a border drawn as a thin filled box has a short top and bottom edge of its own: not a rule
    across = np.array(
        [
            (e["x0"], e["x1"], e["top"])
            for e in edges
            if e["orientation"] == "h" and e["x1"] - e["x0"] > _MIN_RULE
        ],
        dtype=float,
    ).reshape(-1, 3)
    down = np.array(
        [(e["x0"], e["top"], e["bottom"]) for e in edges if e["orientation"] == "v"], dtype=float
    ).reshape(-1, 3)
    if not len(across) or not len(down):
        return []
    x, top, bottom = (down[:, i, None] for i in range(3))
    crosses = (
        (across[:, 0] - _TOLERANCE <= x)
        & (x <= across[:, 1] + _TOLERANCE)
        & (top - _TOLERANCE <= across[:, 2])
        & (across[:, 2] <= bottom + _TOLERANCE)
    )  # rule by row rule
    crossed = crosses.any(axis=1)
    last = np.where(crosses, across[:, 2], -np.inf).max(axis=1)
    first = np.where(crosses, across[:, 2], np.inf).min(axis=1)
    top, bottom = down[:, 1], down[:, 2]
    # a rule that another carries on at the same x is no cut: the border of a cell merged
    # down is drawn in pieces (one per row it spans, or one for the cell and one below it)
    same_x = np.abs(down[:, 0, None] - down[None, :, 0]) <= _TOLERANCE
    goes_on = (same_x & (np.abs(bottom[:, None] - top[None, :]) <= _TOLERANCE)).any(axis=1)
    came_from = (same_x & (np.abs(top[:, None] - bottom[None, :]) <= _TOLERANCE)).any(axis=1)
    ends = np.concatenate(
        [
            bottom[crossed & (bottom > last + _TOLERANCE) & ~goes_on],
            top[crossed & (top < first - _TOLERANCE) & ~came_from],
            _open_ends(across, down),
        ]
    )
    return sorted({round(float(y), 1) for y in ends})


def _open_ends(across: np.ndarray, down: np.ndarray) -> np.ndarray:
    """The lowest height where column rules end (the foot of the last ruled table on the
    page) and the highest where they start, when three or more end there and a row rule
    there runs across some of the columns between them but not all: a cell merged down
    over rows the page cuts (an agency written once for a block of rows), whose bottom
    border is drawn on the next page, is left open there. (Inside a table, the rows of a
    merged cell leave such gaps by design.)"""
    out: list[float] = []
    for ys in (np.round(down[:, 1], 1), np.round(down[:, 2], 1)):
        for y in (ys.min(), ys.max()):
            xs = down[ys == y, 0]
            if len(np.unique(np.round(xs))) < 3:
                continue
            lo, hi = float(xs.min()), float(xs.max())
            rules = across[np.abs(across[:, 2] - y) <= _TOLERANCE]
            spans = sorted(
                (max(float(a), lo), min(float(b), hi)) for a, b in rules[:, :2] if b > lo and a < hi
            )
            if not spans:
                continue  # no row rule there at all: column rules only
            reach = lo
            for start, end in spans:
                if start > reach + _TOLERANCE:
                    break
                reach = max(reach, end)
            if reach < hi - _TOLERANCE:
                out.append(float(y))
    return np.array(out, dtype=float)


def _shading(obj: dict[str, Any]) -> bool:
    """A filled box with no border, wider and taller than a rule: a cell's or a row's
    shading (banded rows, a shaded month row), not a ruling line (which a PDF may draw as a
    thin filled box)."""
    return (
        obj.get("object_type") == "rect"
        and bool(obj.get("fill"))
        and not obj.get("stroke")
        and obj["width"] > _MIN_RULE
        and obj["height"] > _MIN_RULE
    )


def _find_tables(page: Any) -> list[Any]:
    """The page's ruled tables, with the rows the page cuts closed (see :func:`_cut_ends`).
    Shading is no rule: the edges of shaded rows had made each shaded row a table of its
    own, and the rows between them text outside tables."""
    if any(_shading(r) for r in page.rects):
        page = page.filter(lambda obj: not _shading(obj))
    ends = _cut_ends(page)
    if not ends:
        return list(page.find_tables())
    return list(page.find_tables(table_settings={"explicit_horizontal_lines": ends}))


#: A cell holding this many lines that start with a date holds several rows: the table's
#: rules do not separate its rows.
_DATED_LINES_IN_A_CELL: Final = 3


def _rules_its_rows(table: Any, lines: Sequence[_Line]) -> bool:
    """Whether pdfplumber's ruled table is the table's own grid of cells: not a box or
    shading around it (one column: Word's banded or outer-border-only table styles), nor
    column rules without row rules (the whole table in one row: several lines starting
    with a date in its date column; a details cell listing dated entries is not counted).
    The date column is the one whose first line maps to a date heading ("Agency | Date |
    Event"), else the first. A table that fails is read as a table without ruling lines,
    by its text."""
    if len(table.columns) < 2:
        return False
    bounds = [(c.bbox[0], c.bbox[2]) for c in table.columns]
    _x0, first_top, _x1, first_bottom = table.rows[0].bbox
    first_lines = [ln for ln in lines if first_top <= (ln.top + ln.bottom) / 2 <= first_bottom]
    headings = [
        next((text for ln in first_lines if (text := _text_between(ln, left, right))), "")
        for left, right in bounds
    ]
    mapping = map_headings(headings)
    column = next((pos for pos, fld in mapping.items() if fld == S.DATE), 0)
    left, right = bounds[column]
    for row in table.rows:
        # the date cell's own height: a row's box reaches to the foot of a cell merged down
        # from it (an agency written once for a block of rows)
        box = row.cells[column] if column < len(row.cells) else None
        if box is None:  # the date cell is merged down from the row above
            continue
        _x0, top, _x1, bottom = box
        dated = sum(
            split_date_prefix(_text_between(ln, left, right)) is not None
            for ln in lines
            if top <= (ln.top + ln.bottom) / 2 <= bottom
        )
        if dated >= _DATED_LINES_IN_A_CELL:
            return False
    return True


def _text_between(line: _Line, left: float, right: float) -> str:
    """The words of ``line`` that start between ``left`` and ``right``."""
    return " ".join(w.text for w in line.words if left <= w.x0 < right)


# --- tables without ruling lines ---------------------------------------------------------------
def _cells(line: _Line) -> list[_Word]:
    """A line's words joined into cells: words closer than a column gap belong together."""
    out: list[_Word] = []
    gap = _CELL_GAP * (line.size or 10.0)
    for word in line.words:
        if out and word.x0 - out[-1].x1 <= gap:
            out[-1] = _Word(out[-1].x0, word.x1, f"{out[-1].text} {word.text}")
        else:
            out.append(word)
    return out


def _header_cells(cells: list[_Word]) -> list[_Word] | None:
    """``cells`` when their texts read as a chronology header, else None."""
    if len(cells) < 2:
        return None
    mapping = map_headings([c.text for c in cells])
    return cells if S.DATE in mapping.values() and len(mapping) >= 2 else None


#: A header wraps over at most this many lines ("Date and time" / "of contact").
_HEADER_LINES: Final = 3
#: Lines closer than this share of a line's height are lines of one wrapped cell (rows
#: of a table are set further apart, by their padding).
_WRAPPED_GAP: Final = 0.35


def _wrapped(above: _Line, below: _Line) -> bool:
    """``below`` is the next line of text wrapped in the same cells as ``above``."""
    height = max(above.bottom - above.top, 1.0)
    return below.top - above.bottom < _WRAPPED_GAP * height and abs(below.size - above.size) < 0.5


def _stacked(lines: Sequence[_Line]) -> list[_Word]:
    """The cells of lines wrapped in one row: pieces that overlap across are one cell,
    their text joined from the top down."""
    pieces = sorted(
        ((cell, n) for n, line in enumerate(lines) for cell in _cells(line)),
        key=lambda item: item[0].x0,
    )
    groups: list[list[tuple[_Word, int]]] = []
    for cell, n in pieces:
        if groups and cell.x0 <= max(c.x1 for c, _n in groups[-1]):
            groups[-1].append((cell, n))
        else:
            groups.append([(cell, n)])
    out = []
    for group in groups:
        ordered = [c for c, _n in sorted(group, key=lambda item: (item[1], item[0].x0))]
        out.append(
            _Word(
                min(c.x0 for c in ordered),
                max(c.x1 for c in ordered),
                " ".join(c.text for c in ordered),
            )
        )
    return out


def _header_block(lines: Sequence[_Line]) -> tuple[int, int, list[_Word]] | None:
    """The first header of an unruled table among ``lines``: (its first line, its last
    line, its heading cells). A header may wrap over a few lines set as close as the lines
    of one cell ("Date and time" / "of contact", or a long heading wrapped above the
    others when they sit at the bottom of the row); no line but the first may start with
    a date. The most lines that read as a header with as many known headings are taken;
    a line above one that reads as a header by itself is not its (a title set close
    above the table: "GP records")."""
    alone = [_header_cells(_cells(line)) for line in lines]
    for i in range(len(lines)):
        last = i
        while (
            last + 1 < len(lines)
            and last + 1 - i < _HEADER_LINES
            and _wrapped(lines[last], lines[last + 1])
            and split_date_prefix(lines[last + 1].text) is None
        ):
            last += 1
        if alone[i] is None and last > i and alone[i + 1] is not None:
            continue  # the header starts on the next line
        best: tuple[int, int, list[_Word]] | None = None
        known = 0
        for end in range(i, last + 1):
            cells = _header_cells(_stacked(lines[i : end + 1])) if end > i else alone[i]
            if cells is None:
                continue
            mapped = len(map_headings([c.text for c in cells]))
            if mapped >= known:
                best, known = (i, end, cells), mapped
        if best is not None:
            return best
    return None


def _river(lo: float, hi: float, lines: Sequence[_Line]) -> float | None:
    """The middle of the widest run of x between ``lo`` and ``hi`` that the fewest words of
    ``lines`` cross: the blank space between two columns. None when every x there is
    crossed by more than a few lines (running text, not columns)."""
    if hi - lo < 2 * _STEP:
        return None
    xs = np.arange(lo + _STEP, hi, _STEP)
    starts = np.sort(np.array([w.x0 for line in lines for w in line.words], dtype=float))
    ends = np.sort(np.array([w.x1 for line in lines for w in line.words], dtype=float))
    crossing = np.searchsorted(starts, xs, side="left") - np.searchsorted(ends, xs, side="right")
    least = int(crossing.min())
    if least > max(1, len(lines) // 20):
        return None
    clear = np.flatnonzero(crossing == least)
    runs = np.split(clear, np.flatnonzero(np.diff(clear) > 1) + 1)
    widest = max(runs, key=len)
    return float(xs[widest].mean())


@dataclass(frozen=True, slots=True)
class _Columns:
    """An unruled table's columns: its headings and where each column after the first
    starts."""

    headings: tuple[str, ...]
    starts: tuple[float, ...]

    @classmethod
    def build(cls, cells: Sequence[_Word], body: Sequence[_Line]) -> _Columns | None:
        """Columns under heading ``cells``: each boundary is the blank space running down
        ``body`` between where the left heading starts and where the right one starts
        (headings may be centred over their column). None when some pair of headings has
        no such space below it: the lines run across, so they are not a table's."""
        starts: list[float] = []
        for left, right in itertools.pairwise(cells):
            start = _river(left.x0, right.x0, body)
            if start is None:
                return None
            starts.append(max(start, starts[-1]) if starts else start)
        return cls(tuple(c.text for c in cells), tuple(starts))

    def split(self, line: _Line) -> list[str]:
        """The line's text in each column ("" where it has none). A year, season or month
        alone on the line, set as one piece across a column's start (a month's row
        merged across a table: "September 2012" over the date and agency columns), is in
        the column it starts in, not cut into "September" and an agency "2012"."""
        parts: list[list[str]] = [[] for _ in self.headings]
        columns = [bisect.bisect_right(self.starts, word.x0) for word in line.words]
        if len(set(columns)) > 1 and is_period_date(line.text):
            size = line.size or 10.0
            together = all(
                right.x0 - left.x1 < _CELL_GAP * size
                for left, right in itertools.pairwise(line.words)
            )
            if together:
                columns = [columns[0]] * len(columns)
        for word, column in zip(line.words, columns, strict=True):
            parts[column].append(word.text)
        return [" ".join(p) for p in parts]


def _unruled_rows(
    columns: _Columns, lines: Sequence[_Line], date_column: int
) -> tuple[list[list[str | None]], int, int]:
    """Rows of an unruled table from its body lines, how many lines they used, and how
    many of the rows start with a date.

    A row starts at each line whose date column starts with a date; a line without one
    continues the row above, unless it is as far below it as rows are apart while lines
    within a row are clearly closer (then it is an undated row of its own). A gap several
    times the usual one, or a heading, ends the table.
    """
    gaps = [b.top - a.bottom for a, b in itertools.pairwise(lines)]
    split = [columns.split(line) for line in lines]
    dated = [split_date_prefix(parts[date_column]) is not None for parts in split]
    for i in range(len(lines) - 1):  # a date broken over two lines ("01/04/200" / "7")
        if dated[i] or not split[i][date_column] or not split[i + 1][date_column]:
            continue
        broken = f"{split[i][date_column]}\n{split[i + 1][date_column]}"
        joined = _cell_text(broken)
        if joined != broken.replace("\n", " ") and split_date_prefix(joined or "") is not None:
            dated[i] = True
    blocks = _centred_rows(gaps, dated)
    if blocks is not None:  # each row's cells set in the middle (or at the foot) of the row
        cells = [
            [
                _cell_text("\n".join(p for p in column if p))
                for column in zip(*split[a:b], strict=True)
            ]
            for a, b in blocks
        ]
        return cells, blocks[-1][1], len(blocks)
    between = [g for g, d in zip(gaps, dated[1:], strict=True) if d]
    row_gap = statistics.median(between) if between else (statistics.median(gaps) if gaps else 0)
    within = min((g for g, d in zip(gaps, dated[1:], strict=True) if not d), default=row_gap)
    rows: list[list[list[str]]] = []
    used = dated_rows = 0
    for i, line in enumerate(lines):
        gap = gaps[i - 1] if i else 0.0
        if i and gap > max(_END_GAP * max(row_gap, 1.0), row_gap + 2 * line.size):
            break
        parts = split[i]
        apart = i and within < _CLOSER * row_gap and gap >= _AS_FAR * row_gap
        if not rows or dated[i] or apart:
            rows.append([[p] if p else [] for p in parts])
            dated_rows += dated[i]
        else:
            for cell, part in zip(rows[-1], parts, strict=True):
                if part:
                    cell.append(part)
        used = i + 1
    return [[_cell_text("\n".join(cell)) for cell in row] for row in rows], used, dated_rows


#: In a table whose cells are set in the middle of their rows, the space between two rows
#: is at least this many times the widest space between two lines of one row.
_ROW_APART: Final = 2.0


def _centred_rows(gaps: Sequence[float], dated: Sequence[bool]) -> list[tuple[int, int]] | None:
    """The rows of an unruled table whose cells are set in the middle of each row (Word's
    "Align Center Left", common in chronology templates) or at its foot, as (first line,
    line after the last): the date of a row of several lines then stands level with its
    middle or last line, and the lines above it are the row's too. None when the table is
    not so: unless some row's date is below its first line, and the lines part into
    blocks, each holding one date, at spaces clearly wider than any space within a block
    (``gaps``, between each line and the next; ``dated``: the lines with a date in the
    date column). A table whose rows open with their dates is left to the reading by
    dates; so is one with an undated row of its own. Lines after the last block, far
    below it, are not the table's.

    >>> _centred_rows([1, 1, 9, 0, 0, 9, 1], [False, True, False, False, True, False, True, False])
    [(0, 3), (3, 6), (6, 8)]
    >>> _centred_rows([1, 9, 1, 9, 1], [True, False, True, False, True, False]) is None
    True
    """
    count = sum(dated)
    if count < 2 or len(gaps) + 1 != len(dated):
        return None
    before_dated = [g for g, d in zip(gaps, dated[1:], strict=True) if d]
    before_other = [g for g, d in zip(gaps, dated[1:], strict=True) if not d]
    if dated[0] and min(before_dated) > max(before_other, default=float("-inf")):
        return None  # each row opens with its date, set apart from the row above
    for least in sorted(set(gaps)):
        cuts = [i + 1 for i, gap in enumerate(gaps) if gap > least]
        bounds = list(itertools.pairwise([0, *cuts, len(dated)]))
        blocks: list[tuple[int, int]] = []
        for a, b in bounds:
            dates = sum(dated[a:b])
            if dates != 1:
                break
            blocks.append((a, b))
        if len(blocks) < count:
            if any(sum(dated[a:b]) > 1 for a, b in bounds):
                return None  # wider spaces only merge more rows
            continue
        if all(dated[a] for a, _b in blocks):
            return None  # each row opens with its date
        apart = [gaps[b - 1] for _a, b in blocks[:-1]]
        close = [g for a, b in blocks for g in gaps[a : b - 1]]
        widest = max([*close, 1.0])
        end = blocks[-1][1]
        if min(apart) < _ROW_APART * widest:
            return None
        if end < len(dated) and gaps[end - 1] < _END_GAP * statistics.median(apart):
            return None  # undated lines after the last date, not far below it
        return blocks
    return None


def _struck_into_rows(
    columns: _Columns,
    body: Sequence[_Line],
    struck: Sequence[_Line],
    date_column: int,
    rows: list[list[str | None]],
) -> tuple[list[list[str | None]], tuple[tuple[int, str, tuple[str | None, ...]], ...]]:
    """An unruled table's ``rows`` (from its ``body`` lines) with the rows struck through
    throughout (``struck``: lines of the page as printed that the page without its struck
    text does not have) set back in their places, blank, and those rows as (row index,
    ``struck_through``, their cells as printed). The rows are read again from all the
    lines: when that changes any row but the struck ones (a struck line read into a row
    of the table), ``rows`` are returned as they were, with no struck rows."""
    if not struck:
        return rows, ()
    both = sorted([*body, *struck], key=lambda line: line.top)
    again, used, _dated = _unruled_rows(columns, both, date_column)
    if used < len(both):
        return rows, ()
    struck_text = "\n".join(line.text for line in struck)
    # the rows read again are the old ones with the struck rows in between
    out: list[list[str | None]] = []
    deleted: list[tuple[int, str, tuple[str | None, ...]]] = []
    k = 0
    for row in again:
        if k < len(rows) and row == rows[k]:
            out.append(row)
            k += 1
            continue
        words = " ".join(c for c in row if c).split()
        if not words or any(word not in struck_text for word in words):
            return rows, ()  # a row that is not the struck lines'
        deleted.append((len(out), "struck_through", tuple(row)))
        out.append([None] * len(row))
    if k != len(rows) or not deleted:
        return rows, ()
    return out, tuple(deleted)


def _second_column(lines: Sequence[_Line], headings: Sequence[_Word]) -> float:
    """Where an unruled table's second column starts: where the text after the date starts
    on the lines that open with one (a heading may be centred over its column), else
    where its heading starts."""
    starts = [
        cells[1].x0
        for line in lines
        if len(cells := _cells(line)) >= 2 and split_date_prefix(cells[0].text) is not None
    ]
    return min(starts) if starts else headings[1].x0


def _table_end(
    lines: Sequence[_Line], second: float, last: float, size: float, third: float | None = None
) -> int:
    """How many of ``lines`` (below an unruled table's header) can be its rows: it ends at
    a heading (a line in print larger than ``size``, the header's) or at running text (an
    undated line with one run of words, no column gap in it, from left of where the second
    column starts, ``second``, to right of ``last``, the last column's heading; or a
    sentence, ending with a full stop, that runs so across the third column's start,
    ``third``, short of the last: "The review found that ... at the first visit."): the
    prose after a table on its page, which is neither its rows nor to be taken for its
    columns."""
    for i, line in enumerate(lines):
        if size and line.size > size * _HEADING_SIZE:
            return i
        if split_date_prefix(line.text) is None and any(
            cell.x0 < second - _TOLERANCE
            and (
                cell.x1 > last
                or (
                    third is not None
                    and third < last
                    and cell.x1 > third + _TOLERANCE
                    and _SENTENCE.search(cell.text) is not None
                )
            )
            for cell in _cells(line)
        ):
            return i
    return len(lines)


#: The end of a sentence of five words or more ("... at the first visit.").
_SENTENCE: Final = re.compile(r"^\S+(?:\s+\S+){4,}[.!?]['\"’”)]?$")


@dataclass(frozen=True, slots=True)
class _Unruled:
    table: DocumentTable
    lines: frozenset[int]  # positions (in the page's lines) the table took
    columns: _Columns
    ran_to_bottom: bool


#: A number alone: a sheet's row number, which Excel prints left of each row when its
#: headings are printed (no heading of a chronology's column is a number).
_ROW_NUMBER: Final = re.compile(r"^\d{1,7}$")
#: Excel's column letters, printed over the sheet with its row numbers.
_COLUMN_LETTERS: Final = re.compile(r"^[A-Z]{1,3}$")


def _excel_row_numbers(rows: Sequence[Sequence[str | None]]) -> bool:
    """Whether the first column of a table's rows is Excel's row numbers, printed left of
    each row when a sheet is printed with its headings: numbers alone, ascending (the
    header row's own number too, "1", and again on each page), beside the header's row
    (under the row of column letters, "A", "B", ..., when it is in the grid). A template's
    entry numbers have a heading ("No.", "#") or none."""
    numbers = [row[0] for row in rows if row and row[0]]
    if len(numbers) < 2 or not all(_ROW_NUMBER.match(n) for n in numbers):
        return False
    values = [int(n) for n in numbers]
    if any(b <= a for a, b in itertools.pairwise(values)):
        return False
    for row in rows:  # the header: the first row of two cells or more, Excel's letters aside
        cells = [cell for cell in row[1:] if cell]
        if len(cells) >= 2 and not all(_COLUMN_LETTERS.match(cell) for cell in cells):
            return bool(row[0])
    return False


def _unruled_table(
    sheet: str,
    lines: Sequence[_Line],
    carried: _Columns | None,
    follows: bool,
    struck: Sequence[_Line] = (),
) -> _Unruled | None:
    """The table without ruling lines on a page with no ruled table: under a header line
    found on the page, or, at the top of a page after one that ended in such a table,
    under that table's columns. None when the page holds neither. ``struck``: the lines
    of the page struck through throughout (see :func:`_struck_into_rows`)."""
    header = _header_block(lines)
    if header is not None:
        first, at, cells = header
        body = lines[at + 1 :]
        second = _second_column(body, cells)
        third = cells[2].x0 if len(cells) > 3 else None
        body = body[: _table_end(body, second, cells[-1].x0, lines[at].size, third)]
        built = _Columns.build(cells, body)
        if built is None:
            return None
        columns = built
        head: list[list[str | None]] = [list(columns.headings)]
        above = lines[:first]
        titles = _title_lines(above)
        start = at + 1
        follows = follows and not above
    elif carried is not None and follows:
        body, columns, head, titles, start, first = lines, carried, [], [], 0, 0
        sizes = [line.size for line in lines if line.size]
        size = statistics.median(sizes) if sizes else 0.0
        third = carried.starts[1] if len(carried.starts) > 2 else None
        body = body[: _table_end(body, carried.starts[0], carried.starts[-1], size, third)]
    else:
        return None
    mapping = map_headings(columns.headings)
    date_column = next(pos for pos, fld in mapping.items() if fld == S.DATE)
    rows, used, dated = _unruled_rows(columns, body, date_column)
    if not dated or 2 * dated < len(rows):  # not a chronology table: a form, a narrative
        return None
    taken = frozenset(range(first, start + used))
    deleted: tuple[tuple[int, str, tuple[str | None, ...]], ...] = ()
    if struck and used:
        low = lines[start - 1].bottom if start > 0 else float("-inf")
        high = lines[start + used].top if start + used < len(lines) else float("inf")
        within = [line for line in struck if low <= line.top and line.bottom <= high]
        rows, deleted = _struck_into_rows(columns, body[:used], within, date_column, rows)
        deleted = tuple((row + len(head), why, cells) for row, why, cells in deleted)
    if _excel_row_numbers([*head, *rows]):  # printed beside the sheet: no column
        head = [cells[1:] for cells in head]
        rows = [cells[1:] for cells in rows]
        deleted = tuple((row, why, cells[1:]) for row, why, cells in deleted)
    return _Unruled(
        DocumentTable(
            sheet,
            head + rows,
            titles=tuple(titles[:_MAX_TITLES]),
            follows=follows,
            deleted=deleted,
        ),
        taken,
        columns,
        ran_to_bottom=used == len(body),
    )


#: A page of running text set in two columns: the blank space between them lies in this
#: middle share of the page, is at least this many ems wide, each column is at least this
#: share of the page wide, and this many lines (and half this share of them) have words
#: on each side of it.
_GUTTER_BAND: Final = (0.3, 0.7)
_MIN_GUTTER: Final = 1.0
_MIN_COLUMN: Final = 0.2
_MIN_SPLIT_LINES: Final = 6
_MIN_SPLIT_SHARE: Final = 0.4


def _covered(words: Sequence[_Word], width: float) -> np.ndarray[Any, np.dtype[np.int64]]:
    """Across a page ``width`` points wide, in bins of ``_STEP`` points, how many of
    ``words`` lie over each bin (a blank space between columns is a run of zeros)."""
    bins = int(width / _STEP) + 2
    change = np.zeros(bins + 1, dtype=np.int64)
    starts = np.clip((np.array([w.x0 for w in words]) / _STEP).astype(np.int64), 0, bins)
    ends = np.clip(np.ceil(np.array([w.x1 for w in words]) / _STEP).astype(np.int64), 0, bins)
    np.add.at(change, starts, 1)
    np.add.at(change, ends, -1)
    return np.cumsum(change)[:bins]


def _gutter(lines: Sequence[_Line], width: float, size: float) -> tuple[float, float] | None:
    """The blank space between the two columns of a page of running text, as (left,
    right) in points, or None when the text is in one column. A line crossing it (a title
    set across both columns) does not hide it, as long as most lines leave it blank."""
    words = [w for line in lines for w in line.words]
    if not words or width <= 0:
        return None
    covered = _covered(words, width)
    lo, hi = (int(width * share / _STEP) for share in _GUTTER_BAND)
    free = covered[lo:hi] <= max(1, len(lines) // 10)
    if not free.any():
        return None
    # the widest run of free bins in the band
    edges = np.flatnonzero(np.diff(np.concatenate([[0], free.astype(np.int8), [0]])))
    runs = edges.reshape(-1, 2)
    best = runs[int(np.argmax(runs[:, 1] - runs[:, 0]))]
    left, right = (lo + int(best[0])) * _STEP, (lo + int(best[1])) * _STEP
    if right - left < _MIN_GUTTER * (size or 10.0):
        return None
    # lines with words left of it, and right of it (the columns' lines may be level, and
    # read as one line, or not)
    on_left = sum(any(w.x1 <= left for w in line.words) for line in lines)
    on_right = sum(any(w.x0 >= right for w in line.words) for line in lines)
    if min(on_left, on_right) < max(_MIN_SPLIT_LINES, _MIN_SPLIT_SHARE * len(lines) / 2):
        return None
    first = min(w.x0 for w in words)
    last = max(w.x1 for w in words)
    if left - first < _MIN_COLUMN * width or last - right < _MIN_COLUMN * width:
        return None  # a narrow column of dates beside the text is one column of entries
    if _dated_share(lines, lambda w: w.x1 <= left) > 2 * _dated_share(
        lines, lambda w: w.x0 >= right
    ):
        return None  # rows of a table without rules: a date and agency, then the details
    return left, right


def _dated_share(lines: Sequence[_Line], side: Callable[[_Word], bool]) -> float:
    """Of the lines with words on one ``side`` of the page, the share whose words there
    start with a date. In running text set in two columns, each column's entries start
    with their dates as often; in a table without rules, only its date column's lines do."""
    parts = [" ".join(w.text for w in line.words if side(w)) for line in lines]
    parts = [part for part in parts if part]
    return sum(split_date_prefix(part) is not None for part in parts) / max(len(parts), 1)


def _part(line: _Line, words: Sequence[_Word]) -> _Line:
    """The part of ``line`` made of ``words`` (one column's), in their print size."""
    sizes = [w.size for w in words if w.size > 0]
    size = statistics.fmean(sizes) if sizes else line.size
    return _Line(" ".join(w.text for w in words), line.top, line.bottom, size, tuple(words))


def _in_reading_order(lines: Sequence[_Line], width: float, size: float) -> list[_Line]:
    """The lines of a page of running text in the order they are read: on a page set in
    two columns, the left column's lines, then the right column's (each line that runs
    across both columns, such as a title, closes the columns above it and is read in its
    place); a page in one column as it is."""
    found = _gutter(lines, width, size)
    if found is None:
        return list(lines)
    left, right = found
    out: list[_Line] = []
    lefts: list[_Line] = []
    rights: list[_Line] = []
    for line in lines:
        if any(w.x1 > left and w.x0 < right for w in line.words):  # across the columns
            out.extend([*lefts, *rights, line])
            lefts, rights = [], []
            continue
        here = [w for w in line.words if w.x1 <= left]
        there = [w for w in line.words if w.x0 >= right]
        if here:
            lefts.append(_part(line, here))
        if there:
            rights.append(_part(line, there))
    return [*out, *lefts, *rights]


#: A sidebar's box holds this many lines at least, and is at most this share of the
#: page's width (a box as wide as the text is a frame or a callout, not beside it).
_SIDEBAR_LINES: Final = 2
_SIDEBAR_WIDTH: Final = 0.6


def _sidebars(lines: Sequence[_Line], page: Any) -> tuple[list[_Line], list[list[_Line]]]:
    """The lines of a page of running text without its sidebars, and each sidebar's lines:
    a box drawn (or shaded) beside the text, such as a review's "Key learning point", or
    a narrow column of notes in the right margin without a box (:func:`_margin_column`),
    holding two lines or more while the page's text runs level with it outside the box. Its lines had been read with the text beside them, so each
    line of an entry took a line of the note in its middle."""
    width = float(page.width)
    boxes = [
        (float(r["x0"]), float(r["top"]), float(r["x1"]), float(r["bottom"]))
        for r in page.rects
        if float(r["x1"]) - float(r["x0"]) < _SIDEBAR_WIDTH * width
    ]
    boxes.extend(_margin_column(lines, width))
    if not boxes:
        return list(lines), []
    body = list(lines)
    found: list[list[_Line]] = []
    for x0, top, x1, bottom in sorted(boxes, key=lambda b: (b[1], b[0])):
        level = [k for k, line in enumerate(body) if top <= (line.top + line.bottom) / 2 <= bottom]
        inside = {k: [w for w in body[k].words if w.x0 >= x0 - 1 and w.x1 <= x1 + 1] for k in level}
        held = [k for k in level if inside[k]]
        beside = any(len(inside[k]) < len(body[k].words) for k in level)
        if len(held) < _SIDEBAR_LINES or not beside:
            continue
        found.append([_part(body[k], inside[k]) for k in held])
        kept: list[_Line] = []
        for k, line in enumerate(body):
            taken = {id(w) for w in inside.get(k, ())}
            rest = [w for w in line.words if id(w) not in taken]
            if rest:
                kept.append(_part(line, rest) if taken else line)
        body = kept
    return body, found


#: A column of notes in the right margin: it starts right of this share of the page's
#: width, is at most this share of it wide and the text beside it this many times wider,
#: and a blank space at least this many ems wide parts it from the text.
_MARGIN_START: Final = 0.5
_MARGIN_WIDTH: Final = 0.3
_MARGIN_NARROWER: Final = 1.5
_MARGIN_GAP: Final = 1.5
#: A note in the margin: lines one under another, of this many words each on average.
_MARGIN_WORDS: Final = 2


def _margin_column(lines: Sequence[_Line], width: float) -> list[tuple[float, float, float, float]]:
    """The boxes (x0, top, x1, bottom) of the notes of a narrow column in the right margin
    of a page of running text, printed without a box (a reviewer's notes beside the
    entries), one per run of lines one under another (a note beside each of two entries
    is two notes; they had been read into the entries' lines); [] when there is none. No
    word of the page's text crosses the blank space that parts them."""
    words = [w for line in lines for w in line.words]
    if len(lines) < 2 * _SIDEBAR_LINES or not words or width <= 0:
        return []
    free = _covered(words, width) == 0
    lo = int(width * _MARGIN_START / _STEP)
    if not free[lo:].any():
        return []
    edges = np.flatnonzero(np.diff(np.concatenate([[0], free[lo:].astype(np.int8), [0]])))
    runs = edges.reshape(-1, 2)
    sizes = [line.size for line in lines if line.size]
    em = statistics.median(sizes) if sizes else 10.0
    for start, end in runs:
        left, right = (lo + int(start)) * _STEP, (lo + int(end)) * _STEP
        aside = [w for w in words if w.x0 >= right]
        if right - left < _MARGIN_GAP * em or not aside:
            continue
        if not any(w.x1 <= left for w in words):
            return []
        x0, x1 = min(w.x0 for w in aside), max(w.x1 for w in aside)
        text = [w for w in words if w.x1 <= left]
        text_width = max(w.x1 for w in text) - min(w.x0 for w in text)
        if x1 - x0 > min(_MARGIN_WIDTH * width, text_width / _MARGIN_NARROWER):
            return []  # the second of two columns of text
        at = [k for k, line in enumerate(lines) if any(w.x0 >= right for w in line.words)]
        notes = _runs_of_lines(at)
        if len(aside) < _MARGIN_WORDS * len(at) or any(len(r) < _SIDEBAR_LINES for r in notes):
            return []  # not notes: a worker's initials beside each entry, a number
        return [(x0, lines[r[0]].top, x1, lines[r[-1]].bottom) for r in notes]
    return []


def _runs_of_lines(at: Sequence[int]) -> list[list[int]]:
    """``at`` (ascending line positions) cut into runs of lines one under another."""
    runs: list[list[int]] = []
    for k in at:
        if runs and k == runs[-1][-1] + 1:
            runs[-1].append(k)
        else:
            runs.append([k])
    return runs


def _title_lines(above: Sequence[_Line]) -> list[str]:
    """A table's title lines: the short paragraphs above it on its page (lines joined at
    blank space), nearest first. A paragraph of prose (the review's text before its
    chronology) is none, nor is any line of it."""
    paragraphs = reversed(_paragraphs(list(above), 0.0))
    return [text for text, *_rest in paragraphs if text and len(text) <= _MAX_TITLE_LENGTH][
        :_MAX_TITLES
    ]


def _paragraphs(lines: list[_Line], body_size: float) -> list[tuple[str, bool, float, float, bool]]:
    """Lines joined into paragraphs at blank space: (text, heading, top, bottom, all in
    bold)."""
    out: list[tuple[str, bool, float, float, bool]] = []
    current: list[_Line] = []

    def flush() -> None:
        if current:
            text = _cell_text("\n".join(line.text for line in current)) or ""
            text = " ".join([text, *(note for line in current for note in line.notes)])
            heading = body_size > 0 and all(
                line.size > body_size * _HEADING_SIZE for line in current
            )
            bold = all(w.bold for line in current for w in line.words)
            out.append((text, heading, current[0].top, current[-1].bottom, bold))
            current.clear()

    for line in lines:
        if current:
            last = current[-1]
            gap = line.top - last.bottom
            new_date = last.text.endswith((".", "!", "?", ":")) and (
                split_date_prefix(line.text) is not None or opens_with_time(line.text)
            )
            size_change = abs(line.size - last.size) > 0.5
            if gap > 0.5 * (last.bottom - last.top) or new_date or size_change:
                flush()
        current.append(line)
    flush()
    return out


def read_pdf_tables(
    path: str | Path,
) -> tuple[list[DocumentTable], list[Paragraph], str | None, list[dict[str, Any]]]:
    """Every ruled table of a PDF as cells, the paragraphs outside tables, title, warnings.

    Returns
    -------
    tables, paragraphs, title, notes
        The tables in page order (see :class:`scr_timeline.io.document.DocumentTable`), the
        paragraphs outside tables with running headers and footers left out (numbered per
        page, ``sheet`` "page P"), the title in the PDF's properties (if any) and warnings
        about pages with no text.

    Raises
    ------
    MissingDependencyError
        pdfplumber is not installed.
    ChronologyReadError
        The file is not a readable PDF (corrupt, password-protected), or it has no text
        layer at all (scanned pages: OCR it first).
    EmptyChronologyError
        The PDF has no text and no images.
    """
    tables, paragraphs, title, notes, _deleted, struck_notes = _read_pdf(Path(path))
    return tables, paragraphs, title, [*notes, *struck_notes(set())]


def _read_pdf(path: Path, *, keep_struck: bool = False) -> DocumentParts:
    """:func:`read_pdf_tables`, the dated paragraphs struck through throughout (with their
    reason code, ``struck_through``: rejected rows), and the struck_text warning given the
    rows read as rejected rows (its pages are those with struck text elsewhere)."""
    pdfplumber = _import_pdfplumber()
    check_file(path)
    try:
        pdf = pdfplumber.open(str(path))
        try:
            return _read(pdf, path, keep_struck=keep_struck)
        finally:
            pdf.close()
    except (ChronologyReadError, MissingDependencyError):
        raise
    except Exception as err:  # pdfminer raises many types for bad files and page streams
        name = type(err).__name__
        # pdfplumber wraps pdfminer's errors (PdfminerException(PDFPasswordIncorrect()))
        causes = [err, *err.args, err.__cause__, err.__context__]
        locked = any(
            "Password" in type(c).__name__ or "Encrypt" in type(c).__name__ for c in causes
        )
        hint = (
            " (it is password-protected: open it with its password and save or print an "
            "unprotected copy)"
            if locked
            else ""
        )
        raise ChronologyReadError(
            f"cannot read the file as a PDF{hint}: {name} {err}".rstrip(),
            file=path.name,
            expected="a PDF document",
        ) from err


#: A page whose images cover a good part of it, with fewer characters than this between
#: its top and bottom margins, is a scan (the running header and footer a word processor
#: or bundling tool puts on it, "OFFICIAL-SENSITIVE", "Page 3 of 40", aside): a scanned
#: letter or page of notes set on a page of a typed chronology.
_SCAN_CHARS: Final = 100
_SCAN_COVER: Final = 0.2  # share of the page the images cover (a portrait scan on a
# landscape page with margins covers less than a third of it)
_SCAN_MARGIN: Final = 0.1  # share of the page's height at its top and at its foot


def _scanned(page: Any) -> bool:
    """A scanned page with a few words on it: its images cover a good part of it and it
    holds little text outside its top and bottom margins."""
    if not page.images:
        return False
    height = float(page.height)
    low, high = _SCAN_MARGIN * height, (1 - _SCAN_MARGIN) * height
    body = sum(1 for c in page.chars if float(c["top"]) >= low and float(c["bottom"]) <= high)
    if body >= _SCAN_CHARS:
        return False
    area = float(page.width) * height
    covered = sum(
        max(0.0, float(i["x1"]) - float(i["x0"])) * max(0.0, float(i["bottom"]) - float(i["top"]))
        for i in page.images
    )
    return area > 0 and covered >= _SCAN_COVER * area


#: A page with no characters but this many curves holds text drawn as outlines.
_DRAWN_TEXT_CURVES: Final = 100


def _drawn_text(page: Any) -> bool:
    """A page without characters whose curves are many: text printed as outlines (each
    letter a shape), not a blank page or one with a ruled empty table."""
    return not page.chars and len(page.curves) >= _DRAWN_TEXT_CURVES


def _quarter_turns(chars: Sequence[dict[str, Any]]) -> int:
    """The quarter turn (0, 90, 180 or 270 degrees, anticlockwise) most of a page's
    characters are set at, when more than half of them are; else 0."""
    matrices = np.array([c["matrix"][:2] for c in chars if not c["text"].isspace()], dtype=float)
    if not len(matrices):
        return 0
    turns = np.round(np.degrees(np.arctan2(matrices[:, 1], matrices[:, 0])) / 90).astype(int) % 4
    counts = np.bincount(turns, minlength=4)
    turn = int(counts.argmax())
    return 90 * turn if counts[turn] * 2 > len(turns) else 0


def _upright(page: Any) -> tuple[Any, int]:
    """The page turned so that its text reads across, and by how many degrees: a
    landscape table set sideways on a portrait page (a landscape section printed without
    turning the page, a page scanned in sideways and OCR'd) is read as the page turned,
    as a person turns it, not as columns of letters reversed."""
    turn = _quarter_turns(page.chars)
    if not turn:
        return page, 0
    rotation = (int(page.rotation) + turn) % 360
    obj = page.page_obj
    obj.attrs["Rotate"] = rotation  # how pdfplumber and pdfminer turn a page for display
    obj.rotate = rotation
    turned = type(page)(
        page.pdf, obj, page_number=page.page_number, initial_doctop=page.initial_doctop
    )
    return turned, turn


def _replace_pages(pages: list[Any], change: Callable[[Any], tuple[Any, int]]) -> list[int]:
    """Replace each page of ``pages`` by what ``change`` makes of it (the page, and how
    much it changed); the numbers of the pages it changed."""
    changed: list[int] = []
    for i, page in enumerate(pages):
        pages[i], count = change(page)
        if count:
            changed.append(page.page_number)
    return changed


def _read(pdf: Any, path: Path, *, keep_struck: bool = False) -> DocumentParts:
    pages = list(pdf.pages)
    notes: list[dict[str, Any]] = []
    turned_on = _replace_pages(pages, _upright)
    if turned_on:
        notes.append(
            _warning(
                "page_turned",
                f"{_pages(turned_on)}: the text runs sideways (a landscape table set on a "
                "portrait page): read with the page turned so that it reads across",
                path.name,
                None,
            )
        )
    marked_on = _replace_pages(pages, _without_watermark)
    if marked_on:
        notes.append(
            _warning(
                "watermark",
                f"{_pages(marked_on)}: a watermark (text set slantwise across the page, or "
                "in large pale print) was left out: it is no text of the entries it crosses",
                path.name,
                None,
            )
        )
    numbered_on = _replace_pages(pages, _without_line_numbers)
    if numbered_on:
        notes.append(
            _warning(
                "line_numbers",
                f"{_pages(numbered_on)}: the numbers in the left margin counting the lines "
                "(a draft's line numbering) were left out: they are no text of the entries",
                path.name,
                None,
            )
        )
    no_text = [p for p in pages if not p.chars or _scanned(p)]
    if len(no_text) == len(pages):
        if any(p.images for p in pages):
            raise ChronologyReadError(
                "the PDF has no text layer: its pages are images (a scan), with no text or "
                "only a stamp or page number added; run OCR on it first (for example with "
                "ocrmypdf --force-ocr) and read the OCR'd copy",
                file=path.name,
                expected="a PDF with selectable text",
            )
        if any(_drawn_text(p) for p in pages):
            raise ChronologyReadError(
                "the PDF has no text layer: its pages hold shapes but no characters (text "
                "printed as outlines, as some 'print to PDF' and redaction tools leave it); "
                "run OCR on it first (for example with ocrmypdf --force-ocr) and read the "
                "OCR'd copy",
                file=path.name,
                expected="a PDF with selectable text",
            )
        raise EmptyChronologyError(
            "the PDF holds no text layer and nothing drawn: its pages are blank",
            file=path.name,
        )
    for page in no_text:
        if page.images or _drawn_text(page):
            what = "a scanned image?" if page.images else "its text drawn as shapes?"
            notes.append(
                _warning(
                    "page_without_text",
                    f"page {page.page_number} has no text layer ({what}): nothing "
                    "on it was read; OCR the file to include it",
                    path.name,
                    f"page {page.page_number}",
                )
            )
    notes.extend(_balloon_notes(pages, path))
    notes.extend(_annotation_notes(pages, path))
    hidden_count: dict[int, int] = {}  # characters under black boxes, by page
    unredacted: dict[int, Any] = {}  # the pages with the text under them, by number
    for i, page in enumerate(pages):
        pages[i], count = _without_redacted_text(page)
        if count:
            hidden_count[page.page_number] = count
            unredacted[page.page_number] = page
    struck_count: dict[int, int] = {}  # characters struck through, by page
    unstruck: dict[int, Any] = {}  # the pages as printed, struck text and all, by number
    for i, page in enumerate(pages if not keep_struck else ()):
        pages[i], count = _without_struck_text(page)
        if count:
            struck_count[page.page_number] = count
            unstruck[page.page_number] = page
    # the struck characters of each row or paragraph struck through throughout, by
    # (sheet, row): a page whose struck text is all in rejected rows is not warned about
    in_rows: dict[tuple[str, int], tuple[int, str, set[tuple[Any, Any, str]]]] = {}
    struck_paragraphs: list[tuple[Paragraph, str]] = []  # dated ones struck throughout
    page_lines = [(float(p.height), _lines(p)) for p in pages]
    listed = markup_list_start([[line.text for line in lines] for _h, lines in page_lines])
    if listed == 0:
        raise markup_list_only(path.name)
    if listed is not None:  # Word's List of Markup printed after the document: not read
        notes.append(
            markup_list_note(
                [[line.text for line in lines] for _h, lines in page_lines[listed:]],
                listed,
                path.name,
            )
        )
        pages, page_lines = pages[:listed], page_lines[:listed]
        for counts in (struck_count, hidden_count):
            for n in [n for n in counts if n > listed]:
                del counts[n]
    sizes = [line.size for _, lines in page_lines for line in lines if line.size]
    body_size = statistics.median(sizes) if sizes else 0.0
    # footnotes go to the lines that refer to them before the running lines are found:
    # the small print at the foot of a page would be taken for a running footer
    page_lines = [(height, _footnotes(lines, body_size)) for height, lines in page_lines]
    running = _running_lines(page_lines, body_size)
    page_agencies = _running_agencies(page_lines, running)
    page_agency = next((name for name in page_agencies if name), None)

    tables: list[DocumentTable] = []
    paragraphs: list[Paragraph] = []
    last_ran_to_bottom = False
    carried: _Columns | None = None  # the columns of an unruled table that ran to the bottom
    named: str | None = None  # the agency a form field above names ("Agency: Police")
    unruled: list[int] = []  # pages read as unruled tables
    for p, page in enumerate(pages):
        lines = [line for i, line in enumerate(page_lines[p][1]) if (p, i) not in running]
        if p and page_agencies[p] != page_agencies[p - 1]:
            last_ran_to_bottom = False  # another agency's pages: no table goes on here
        raised = {key for line in lines for key in line.mark_chars}
        if raised:  # footnote marks: no text of a table's cells ("1 Entry 3: ...")
            page = page.filter(
                lambda obj, raised=raised: (
                    obj.get("object_type") != "char"
                    or (obj["x0"], obj["top"], obj["text"]) not in raised
                )
            )
        found = _outermost(
            sorted(
                (t for t in _find_tables(page) if _rules_its_rows(t, lines)),
                key=lambda t: (t.bbox[1], t.bbox[0]),
            )
        )
        width = float(page.width)
        cut = [t for t in found if float(t.bbox[2]) >= width - _CUT_EDGE]
        if cut:  # as wide as the page or wider: what lies past its right edge is not printed
            notes.append(
                _warning(
                    "table_cut",
                    f"page {page.page_number}: the table reaches the page's right edge (no "
                    "margin left); its last column may be cut off there or printed on another "
                    "page: check it against the document it was printed from (print it to "
                    "fit the page's width)",
                    path.name,
                    f"page {page.page_number}",
                )
            )
        if not found:
            n = page.page_number
            gone_lines = _gone_lines(unstruck[n], page_lines[p][1]) if n in unstruck else []
            plain = _unruled_table(
                f"page {n} table 1", lines, carried, last_ran_to_bottom, gone_lines
            )
            if plain is not None:
                for row, why, cells in plain.table.deleted:  # its struck lines, for the warning
                    written = " ".join(c for c in cells if c).split()
                    spans = [
                        (0.0, ln.top, float(page.width), ln.bottom)
                        for ln in gone_lines
                        if ln.text.split() and all(w in written for w in ln.text.split())
                    ]
                    in_rows[f"page {n} table 1", row + 1] = (
                        n,
                        why,
                        _chars_in(unstruck[n], spans, spaces=False),
                    )
                named = _named_in(
                    [ln for i, ln in enumerate(lines) if i < min(plain.lines, default=0)], named
                )
                table_titles = _with_named(
                    plain.table.titles, named, plain.table.follows, page_agencies[p]
                )
                tables.append(dataclasses.replace(plain.table, titles=table_titles))
                unruled.append(page.page_number)
                notes.extend(_table_notes([lines[i] for i in plain.lines], page, path))
                lines = [ln for i, ln in enumerate(lines) if i not in plain.lines]
                carried = plain.columns if plain.ran_to_bottom else None
                last_ran_to_bottom = plain.ran_to_bottom
                paragraphs.extend(
                    Paragraph(text, number, heading=heading, sheet=f"page {p + 1}", emphasis=bold)
                    for number, (text, heading, _top, _bottom, bold) in enumerate(
                        _paragraphs(lines, body_size), start=1
                    )
                )
                continue
        carried = None
        boxes = [t.bbox for t in found]

        def inside(line: _Line, boxes: list[Any] = boxes) -> bool:
            middle = (line.top + line.bottom) / 2
            return any(b[1] <= middle <= b[3] for b in boxes)

        notes.extend(_table_notes([line for line in lines if inside(line)], page, path))
        # a note that the table goes on ("continued overleaf") parts no table from the next
        free = [line for line in lines if not inside(line) and not CONTINUED_NOTE.match(line.text)]
        previous_bottom = 0.0
        for t_index, table in enumerate(found, start=1):
            top, bottom = table.bbox[1], table.bbox[3]
            above = [ln for ln in free if previous_bottom <= ln.top and ln.bottom <= top]
            box_notes, note_boxes = _box_notes(page, table)
            if note_boxes:  # a reviewer's note in a box over a cell: the row's comment
                from pdfplumber.table import Table

                rows, sections, merged = _grid(Table(_without_boxes(page, note_boxes), table.cells))
            else:
                rows, sections, merged = _grid(table)
            if _excel_row_numbers(rows):  # printed beside the sheet, in its grid: no column
                rows = [cells[1:] for cells in rows]
                merged = [(row, col - 1) for row, col in merged if col]
            n = page.page_number
            deleted = _struck_rows(table, unstruck.get(n), unredacted.get(n), rows, merged)
            for i, why, _cells in deleted:
                printed = unstruck[n] if why == "struck_through" else unredacted[n]
                in_rows[f"page {n} table {t_index}", i + 1] = (
                    n,
                    why,
                    _chars_in(printed, [table.rows[i].bbox], spaces=why == "redacted"),
                )
            titles = _title_lines(above)
            follows = t_index == 1 and not above and last_ran_to_bottom
            named = _named_in(above, named)
            tables.append(
                DocumentTable(
                    sheet=f"page {page.page_number} table {t_index}",
                    rows=rows,
                    titles=_with_named(tuple(titles), named, follows, page_agencies[p]),
                    sections=tuple(sections),
                    follows=follows,
                    merged=tuple(merged),
                    deleted=deleted,
                    boxes=tuple(box_notes),
                )
            )
            previous_bottom = bottom
        named = _named_in([ln for ln in free if ln.top >= previous_bottom], named)
        if found:
            last_ran_to_bottom = not any(ln.top >= previous_bottom for ln in free)
        elif free:
            last_ran_to_bottom = False
        asides: list[list[_Line]] = []
        if not found:  # running text only: set in two columns, read one after the other
            free, asides = _sidebars(free, page)
            free = _in_reading_order(free, float(page.width), body_size)
        kept = _paragraphs(free, body_size)
        for aside in asides:  # a boxed note beside the text: an entry only by its date
            held = _paragraphs(aside, body_size)
            if split_date_prefix(held[0][0]) is not None:
                kept.extend(held)
                continue
            quoted = " ".join(" ".join(text.split()) for text, *_rest in held)
            notes.append(
                _warning(
                    "sidebar_not_read",
                    f"page {page.page_number}: a note set beside the text (a sidebar: a box "
                    f"or a margin column) was not read as text of the entries beside it: "
                    f"{quoted[:200]!r}",
                    path.name,
                    f"page {page.page_number}",
                )
            )
        n = page.page_number
        gone: list[tuple[str, float, float, str]] = []
        if n in unstruck:
            gone = [
                (*g, "struck_through")
                for g in _struck_paragraphs(unstruck[n], page_lines[p][1], boxes)
            ]
        if n in unredacted:  # lines all under black boxes: level with no line left
            shown = _lines(unstruck[n]) if n in unstruck else page_lines[p][1]
            gone = sorted(
                [
                    *gone,
                    *((*g, "redacted") for g in _struck_paragraphs(unredacted[n], shown, boxes)),
                ],
                key=lambda g: g[1],
            )
        numbers = _numbers_with(kept, gone)
        for number, (text, heading, _top, _bottom, bold) in zip(numbers[0], kept, strict=True):
            paragraphs.append(
                Paragraph(text, number, heading=heading, sheet=f"page {p + 1}", emphasis=bold)
            )
        for number, (text, top, bottom, why) in zip(numbers[1], gone, strict=True):
            struck_paragraphs.append((Paragraph(text, number, sheet=f"page {p + 1}"), why))
            printed = unstruck[n] if why == "struck_through" else unredacted[n]
            in_rows[f"page {p + 1}", number] = (
                n,
                why,
                _chars_in(
                    printed, [(0.0, top, float(page.width), bottom)], spaces=why == "redacted"
                ),
            )
    if unruled:
        notes.append(
            _warning(
                "table_without_rules",
                f"{_pages(unruled)}: a table without ruling lines, read by its columns (from "
                "its header line): a row starts at each date in the date column, and a line "
                "without one continues the row above; check rows that look merged",
                path.name,
                None,
            )
        )
    title = " ".join(str((pdf.metadata or {}).get("Title") or "").split())

    def struck_notes(rejected: AbstractSet[tuple[str | None, int]]) -> list[dict[str, Any]]:
        """The redacted_text and struck_text warnings: the pages whose blacked-out or
        struck text is not all in rows (``rejected``) read as rejected rows, blacked out
        or struck through throughout."""
        out = []
        for code, why, counts, what in (
            (
                "redacted_text",
                "redacted",
                hidden_count,
                "text under black boxes (redactions) was left out: the PDF still holds it, "
                "but a reader of the page cannot see it",
            ),
            (
                "struck_text",
                "struck_through",
                struck_count,
                "text struck through (deleted text of tracked changes, as Word prints a "
                "document showing its markup) was left out (a row or dated paragraph struck "
                "through throughout is a rejected row, struck_through)",
            ),
        ):
            covered: dict[int, set[tuple[Any, Any, str]]] = {}
            for key, (number, reason, chars) in in_rows.items():
                if reason == why and key in rejected:
                    covered.setdefault(number, set()).update(chars)
            on = [n for n, count in counts.items() if len(covered.get(n, ())) < count]
            if on:
                out.append(_warning(code, f"{_pages(on)}: {what}", path.name, None))
        return out

    title_text = _document_title(title) or page_agency
    return tables, paragraphs, title_text, notes, struck_paragraphs, struck_notes


#: Line heights: a gap wider than this between two lines of the pane parts two balloons.
_BALLOON_GAP: Final = 1.6


def _balloons_only(chars: Sequence[dict[str, Any]]) -> bool:
    """Whether the text right of the page (``chars``) is balloons only: each block of its
    lines (lines no further apart than a balloon's own) opens with a balloon's label."""
    rows: dict[float, list[dict[str, Any]]] = {}
    for char in chars:
        rows.setdefault(round(float(char["top"])), []).append(char)
    last_bottom: float | None = None
    for top in sorted(rows):
        row = sorted(rows[top], key=lambda c: float(c["x0"]))
        height = max(float(c["bottom"]) - float(c["top"]) for c in row)
        opens = last_bottom is None or top - last_bottom > (_BALLOON_GAP - 1) * height
        if opens and not _BALLOON_LABEL.match(_spaced(row)):
            return False
        last_bottom = max(float(c["bottom"]) for c in row)
    return True


#: Points: the gap between two pieces of one dotted line drawn piece by piece, at most.
_DASH_GAP: Final = 4.0


def _left_of(page: Any, cut: float) -> Any:
    """The page without what lies right of ``cut`` (a markup pane or comment margin): its
    characters, lines and boxes, and the lines leading into it (:func:`_leaders`); images
    are kept."""
    gone = _leaders(page, cut)

    def keep(obj: dict[str, Any]) -> bool:
        if obj.get("object_type") == "char":
            return float(obj["x0"]) < cut
        return obj.get("object_type") == "image" or (
            float(obj.get("x1", 0.0)) <= cut and id(obj) not in gone
        )

    return page.filter(keep)


def _leaders(page: Any, cut: float) -> set[int]:
    """The ids of the lines that lead into the markup pane (right of ``cut``) from the text
    a balloon belongs to: level along the text's line, whole or drawn piece by piece (a
    dotted line), each piece's end at most :data:`_DASH_GAP` from the next, the last
    meeting a line that reaches the pane. A table's ruling lines lie on no such line."""
    lines = list(page.lines)
    level: dict[int, list[int]] = {}  # by height (in half points): the level lines
    for i, obj in enumerate(lines):
        if float(obj["x1"]) <= cut and abs(float(obj["bottom"]) - float(obj["top"])) <= 0.5:
            level.setdefault(round(float(obj["top"]) * 2), []).append(i)
    todo = [
        (float(obj["x0"]), float(y))
        for obj in (*lines, *page.curves, *page.rects)
        if float(obj["x1"]) > cut
        for y in (obj["top"], obj["bottom"])
    ]
    gone: set[int] = set()
    while todo:
        x, y = todo.pop()
        key = round(y * 2)
        for i in (*level.get(key - 1, ()), *level.get(key, ()), *level.get(key + 1, ())):
            obj = lines[i]
            if i not in gone and float(obj["x0"]) - _DASH_GAP <= x <= float(obj["x1"]) + _DASH_GAP:
                gone.add(i)
                todo.append((float(obj["x0"]), float(obj["top"])))
    return {id(lines[i]) for i in gone}


def _spaced(chars: Sequence[dict[str, Any]]) -> str:
    """The text of ``chars`` with a space where a new line starts or a gap parts words."""
    out: list[str] = []
    for before, char in zip([None, *chars[:-1]], chars, strict=True):
        if before is not None and (
            abs(float(char["top"]) - float(before["top"])) > 1
            or float(char["x0"]) - float(before["x1"]) > 0.2 * float(char.get("size", 1.0))
        ):
            out.append(" ")
        out.append(char["text"])
    return " ".join("".join(out).split())


_QUOTED_COMMENTS: Final = 3
_QUOTE: Final = 60


def _balloon_notes(pages: list[Any], path: Path) -> list[dict[str, Any]]:
    """Take Word's markup pane off each page of ``pages`` (:func:`_without_balloons`), with
    a ``markup_balloons`` warning per page that had one, quoting its first comments."""
    notes: list[dict[str, Any]] = []
    for i, page in enumerate(pages):
        pages[i], found = _without_balloons(page)
        if found is None:
            pages[i], found = _without_margin_notes(page)
        if found is None:
            continue
        counts = [
            f"{n} {what}"
            for n, what in (
                (len(found.comments), "comment(s)"),
                (found.deleted, "deletion(s)"),
                (found.other, "other change(s)"),
            )
            if n
        ]
        quoted = "; ".join(
            f"'{c[:_QUOTE]}{'...' if len(c) > _QUOTE else ''}'"
            for c in found.comments[:_QUOTED_COMMENTS]
        )
        notes.append(
            _warning(
                "markup_balloons",
                (
                    f"page {page.page_number}: LibreOffice's comments in the margin ("
                    f"{', '.join(counts)}; exported with comments in margin) were left "
                    "out: they are no text of the entries"
                    if found.margin
                    else f"page {page.page_number}: Word's markup balloons in the margin ("
                    f"{', '.join(counts)}; printed showing markup) were left out: they are "
                    "no text of the entries"
                )
                + (f"; comments: {quoted}" if quoted else ""),
                path.name,
                f"page {page.page_number}",
            )
        )
    return notes


#: PDF annotations that carry no reader's note: links, form fields, their pop-ups.
_NOT_NOTES: Final = frozenset({"Link", "Widget", "Popup"})


def _annotation_notes(pages: Sequence[Any], path: Path) -> list[dict[str, Any]]:
    """A ``comments_not_read`` warning per page holding notes added to the PDF (a sticky
    note, typewriter text, a highlight or strike-out with a note, as a reviewer marks up a
    chronology in a PDF reader): they are not in the page's text, so not read."""
    out: list[dict[str, Any]] = []
    for page in pages:
        try:
            annots = page.annots
        except Exception:  # a damaged annotation dictionary: the page's text still reads
            continue
        said = []
        struck = False
        for annot in annots:
            data = annot.get("data") or {}
            kind = getattr(data.get("Subtype"), "name", data.get("Subtype"))
            struck = struck or kind == "StrikeOut"
            text = " ".join(str(annot.get("contents") or "").split())
            if kind not in _NOT_NOTES and text:
                said.append(text)
        if not said and not struck:
            continue
        quoted = "; ".join(
            f"'{t[:_QUOTE]}{'...' if len(t) > _QUOTE else ''}'" for t in said[:_QUOTED_COMMENTS]
        )
        out.append(
            _warning(
                "comments_not_read",
                f"page {page.page_number}: {len(said)} note(s) added to the PDF (comments, "
                f"typewriter text, notes on marked-up text) were not read"
                + (f": {quoted}" if quoted else "")
                + (
                    "; text struck out in a PDF reader (an annotation) is still read as printed"
                    if struck
                    else ""
                ),
                path.name,
                f"page {page.page_number}",
            )
        )
    return out


def _table_notes(lines: Sequence[_Line], page: Any, path: Path) -> list[dict[str, Any]]:
    """A ``footnote`` warning quoting each footnote whose mark is in a table's cell (the
    cells' text is read from the table, not from its lines)."""
    return [
        _warning(
            "footnote",
            f"page {page.page_number}: a footnote to a table's cell ('{line.text[:40]}...') "
            f"was not added to its row: {note}",
            path.name,
            f"page {page.page_number}",
        )
        for line in lines
        for note in line.notes
    ]


#: What a PDF writer puts before or in place of a title: the program ("Microsoft Word -
#: "), the file printed ("Chronology v3.docx", "chronology.html").
_WRITER_PREFIX: Final = re.compile(
    r"^(?:microsoft\s+(?:word|excel|powerpoint)|word|excel)\s+-\s+", re.IGNORECASE
)
_FILE_SUFFIX: Final = re.compile(
    r"\.(?:docx?|docm|dotx|rtf|odt|xlsx?|xlsm|ods|csv|txt|html?|mht|pdf)$", re.IGNORECASE
)


def _document_title(title: str) -> str | None:
    """The PDF's title property as a chronology's title: None for a writer's default, a
    file's name without its extension and the program's name before it ("Microsoft Word
    - Child A chronology v3.docx" is "Child A chronology v3")."""
    title = _FILE_SUFFIX.sub("", _WRITER_PREFIX.sub("", title)).strip()
    return None if _NO_TITLE.match(title) else title


def _named_in(lines: Sequence[_Line], named: str | None) -> str | None:
    """The agency the last "Agency: ..." line of ``lines`` names, else ``named``."""
    for line in lines:
        field = AGENCY_FIELD.match(line.text)
        named = field.group(1) if field else named
    return named


def _with_named(
    titles: tuple[str, ...], named: str | None, follows: bool, page_agency: str | None = None
) -> tuple[str, ...]:
    """A table's title lines with the agency a form field above named, after the nearer
    ones, and failing any that names an agency, the one the running header names (not
    for a table carrying on the one before: it takes that table's titles)."""
    if follows:
        return titles
    if named is not None and named not in titles and not any(named in t for t in titles):
        titles = (*titles[: _MAX_TITLES - 1], named)
    if page_agency is not None and not any(agency_from_name(t) is not None for t in titles):
        titles = (*titles[: _MAX_TITLES - 1], page_agency)
    return titles


def _running_agencies(
    pages: Sequence[tuple[float, list[_Line]]], running: set[tuple[int, int]]
) -> list[str | None]:
    """For each page, the first part of its running header or footer that names an agency
    ("Northshire Police" beside "OFFICIAL-SENSITIVE", as agency templates print their name
    on each page): agencies' chronologies printed one after another into one PDF name
    each page's agency. A page whose running lines name none takes the agency of the
    page before that does, or else of the first page that does."""
    found: list[str | None] = [None] * len(pages)
    for p, i in sorted(running):
        if found[p] is not None:
            continue
        for cell in _cells(pages[p][1][i]):
            text = " ".join(cell.text.split())
            if (
                len(text) <= _MAX_RUNNING_TITLE
                and not PAGE_FURNITURE.match(text)
                and not _PAGE_NUMBER.match(text)
                and agency_from_name(text) is not None
            ):
                found[p] = text
                break
    for p in range(1, len(found)):
        found[p] = found[p] if found[p] is not None else found[p - 1]
    first = next((name for name in found if name), None)
    return [name if name is not None else first for name in found]


def _pages(numbers: Sequence[int]) -> str:
    """ "page 3" or "pages 1-4" (or "pages 1, 3")."""
    if len(numbers) == 1:
        return f"page {numbers[0]}"
    if list(numbers) == list(range(numbers[0], numbers[-1] + 1)):
        return f"pages {numbers[0]}-{numbers[-1]}"
    return "pages " + ", ".join(map(str, numbers))


def read_pdf(path: str | Path, **options: Any) -> Chronology:
    """Read a PDF chronology: its ruled chronology tables, else its dated paragraphs.

    Parameters
    ----------
    path
        The ``.pdf`` file.
    **options
        Passed to :func:`scr_timeline.parse_table` (``columns``, ``agency``, ``dayfirst``,
        ``child_dob``, ``end_date``, ``anchor_relative``, ``title``, ``classify``).

    Returns
    -------
    Chronology

    Raises
    ------
    MissingDependencyError
        pdfplumber is not installed.
    ChronologyReadError
        The file cannot be opened, or it is scanned (no text layer: OCR needed).
    MissingColumnError
        No table holds a chronology and no paragraph starts with a date.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from reportlab.lib.pagesizes import A4
    >>> from reportlab.platypus import SimpleDocTemplate, Table
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "police.pdf"
    >>> table = Table([["Date", "Details"], ["12/03/2007", "DV call-out"]],
    ...               style=[("GRID", (0, 0), (-1, -1), 0.5, "black")])
    >>> SimpleDocTemplate(str(path), pagesize=A4).build([table])
    >>> chron = read_pdf(path)
    >>> chron.events[["agency", "source_sheet", "source_row"]].values.tolist()
    [['police', 'page 1 table 1', 2]]
    """
    path = Path(path)
    parts = _read_pdf(path)
    if options.get("title") is None and parts[2]:
        options["title"] = parts[2]
    return read_parts(
        parts,
        lambda: _read_pdf(path, keep_struck=True),
        lambda struck: (
            f"{struck[0]['message'].partition(': ')[0]}: text struck through, and nothing else in "
            "the PDF holds a chronology: the struck text was read as the document's "
            "formatting, not as entries deleted (as Excel reads a sheet struck through "
            "throughout); check with its author that the entries were not withdrawn"
        ),
        source=path,
        fmt="pdf",
        **options,
    )
