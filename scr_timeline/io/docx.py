"""Word chronologies (.docx): every chronology table, or the narrative when there is none.

Needs the optional package python-docx (``pip install "scr-timeline[word]"``), imported when
a document is read. The document's XML is read directly, so that what Word shows is what
the reader gets:

- every table in the body, in order (also inside content controls); a table's cells are
  laid on its grid: a cell merged across columns is read once, in its first column; a cell
  merged down (``vMerge``) carries its text into every row it spans (a date cell merged over
  several events of the same day dates each of them);
- a row that is one cell spanning the whole table ("2007", "Period 2: March - June 2007")
  is a section heading, not an event: it is reported in ``warnings`` (``section_row``);
  one holding prose under an entry's row is that entry's details (``details_row``);
- a cell's paragraphs are joined with line breaks, list items marked "• "; deleted text of
  tracked changes is left out, inserted text kept;
- header rows repeated inside the table are dropped by :func:`scr_timeline.parse_table`;
- the heading above a table (a heading style, or the last short paragraph before it) is a
  title line: it names the agency of a table without an agency column ("GP records");
  failing one that names an agency, the page header's text that does ("Elm Road Surgery -
  GP chronology" beside the protective marking) is the table's last title line;
- a table with no header row right after another with the same columns (a table split
  across pages) is read under the previous table's headings;
- a document with no chronology table is read as a narrative
  (:func:`scr_timeline.io.text.parse_paragraphs`).

Provenance: ``source_sheet`` is ``"table N"`` (N counts the document's tables from 1) and
``source_row`` the row within that table as Word shows it (the header row is row 1); for a
narrative, ``"paragraph"`` and the number of the paragraph among the document's non-empty
paragraphs outside tables; for entries typed on lines of their own in one paragraph (line
breaks, Shift+Enter), ``"paragraph N"`` and the line within paragraph N.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterator
from collections.abc import Set as AbstractSet
from copy import deepcopy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from .. import limits
from ..chronology import Chronology
from ..classify.agencies import agency_from_name
from ..exceptions import (
    ChronologyReadError,
    MissingDependencyError,
)
from .document import (
    AGENCY_FIELD,
    AGENCY_LABEL,
    DocumentParts,
    DocumentTable,
    check_file,
    is_box_note,
    read_parts,
)
from .table import _warning
from .text import CONTINUED_NOTE, PAGE_FURNITURE, Paragraph, split_date_prefix

__all__ = ["DOCX_SUFFIXES", "read_docx", "read_docx_tables"]

DOCX_SUFFIXES: Final = frozenset({".docx", ".docm"})

_W: Final = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS: Final = {"w": _W}
_HEADING_STYLE = re.compile(r"^(?:heading|title|subtitle|berschrift|titre|kop)", re.IGNORECASE)
_MAX_TITLE_LENGTH: Final = 120
_MAX_TITLES: Final = 3


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


def _import_docx() -> Any:
    try:
        import docx
    except ImportError as err:
        raise MissingDependencyError("python-docx", "word", "Reading Word documents") from err
    return docx


#: Elements whose text Word does not show: deleted and moved-away text of tracked changes,
#: field codes, the properties of runs, paragraphs and content controls.
_UNSHOWN: Final = frozenset(
    _w(tag)
    for tag in ("del", "moveFrom", "delText", "instrText", "delInstrText", "rPr", "pPr", "sdtPr")
)
#: Elements that only wrap block content (rows, cells, paragraphs): custom XML and rows or
#: cells inserted or moved here with changes tracked.
_BLOCK_WRAPPERS: Final = frozenset(_w(tag) for tag in ("customXml", "ins", "moveTo"))
_ALTERNATE: Final = "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"
_P, _TBL, _TR, _TC, _R, _T = (_w(tag) for tag in ("p", "tbl", "tr", "tc", "r", "t"))
_SDT, _SDT_PR, _SDT_CONTENT = _w("sdt"), _w("sdtPr"), _w("sdtContent")
_SECT_PR: Final = _w("sectPr")
_TAB, _BREAKS, _NB_HYPHEN, _TEXT_BOX = (
    _w("tab"),
    {_w("br"), _w("cr")},
    _w("noBreakHyphen"),
    _w("txbxContent"),
)
_RPR, _PPR, _VAL = _w("rPr"), _w("pPr"), _w("val")
_VANISH, _RSTYLE, _PSTYLE, _NUMPR = _w("vanish"), _w("rStyle"), _w("pStyle"), _w("numPr")
_PLACEHOLDER_SHOWN = _w("showingPlcHdr")


def _placeholder(sdt: Any) -> bool:
    """A content control showing its placeholder ("Click or tap here to enter text."): a
    template's empty field, not text the author wrote."""
    props = sdt.find(_SDT_PR)
    return props is not None and props.find(_PLACEHOLDER_SHOWN) is not None


def _in_placeholder(node: Any) -> bool:
    """``node`` is the content of a content control showing its placeholder."""
    parent = node.getparent()
    control = parent.getparent() if parent is not None else None
    return control is not None and control.tag == _SDT and _placeholder(control)


def _hidden_run(r: Any) -> bool:
    """A run of hidden text (``w:vanish``: guidance notes in templates), in the placeholder
    style of a content control, blacked out (a redaction: :func:`_blacked_out`) or struck
    through (:func:`_struck`)."""
    props = r.find(_RPR)
    if props is None:
        return False
    if _blacked_out(props) or _struck(props):  # a redaction; text its author struck out
        return True
    vanish = props.find(_VANISH)
    if vanish is not None and vanish.get(_VAL, "true") not in ("0", "false", "off"):
        return True
    style = props.find(_RSTYLE)
    return style is not None and style.get(_VAL) == "PlaceholderText"


_HIGHLIGHT, _SHD, _COLOR, _FILL = _w("highlight"), _w("shd"), _w("color"), _w("fill")
#: Highlight colours dark enough to hide dark text (Word's names).
_DARK_HIGHLIGHTS: Final = frozenset({"black", "darkBlue"})
#: 0 (black) to 1: a colour darker than this hides dark text on it, or is hidden.
_DARK_SHADE: Final = 0.25


def _dark_hex(value: str | None) -> bool:
    """A hex colour ("000000", "1F1F1F") dark enough to hide text on it, or to be hidden."""
    if value is None or len(value) != 6:
        return False
    try:
        r, g, b = (int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))
    except ValueError:
        return False
    return 0.299 * r + 0.587 * g + 0.114 * b < _DARK_SHADE


def _blacked_out(props: Any) -> bool:
    """Run properties (``w:rPr``) of text hidden under a black box: dark text (its colour
    set, not automatic, which Word shows white on a dark ground) highlighted or shaded
    dark, as a redaction is done in Word ("Mother's partner [name]" highlighted black)."""
    colour = props.find(_COLOR)
    if colour is None or not _dark_hex(colour.get(_VAL)):
        return False
    highlight = props.find(_HIGHLIGHT)
    if highlight is not None and highlight.get(_VAL) in _DARK_HIGHLIGHTS:
        return True
    shade = props.find(_SHD)
    return shade is not None and _dark_hex(shade.get(_FILL))


_STRIKES: Final = (_w("strike"), _w("dstrike"))


def _struck(props: Any) -> bool:
    """Run properties (``w:rPr``) of text struck through (single or double): words or an
    entry its author deleted but left visible ("entered in error"), as the same document
    printed to PDF shows them struck (and as the PDF reader leaves them out)."""
    return any(
        (mark := props.find(tag)) is not None
        and mark.get(_VAL, "true") not in ("0", "false", "off")
        for tag in _STRIKES
    )


def _runs_of(node: Any, tags: tuple[str, ...], test: Callable[[Any], bool]) -> int:
    """How many shown runs under ``node`` have run properties with one of ``tags`` that
    pass ``test``."""
    return sum(
        1
        for mark in node.iter(*tags)
        if (props := mark.getparent()) is not None
        and props.tag == _RPR
        and (run := props.getparent()) is not None
        and run.tag == _R
        and _shown(run)
        and test(props)
    )


def _redacted_runs(node: Any) -> int:
    """How many runs under ``node`` are blacked out (:func:`_blacked_out`)."""
    return _runs_of(node, (_HIGHLIGHT, _SHD), _blacked_out)


_VERT_ALIGN: Final = _w("vertAlign")
#: Figures as superscripts: a note's mark typed as a raised figure reads as one ("at
#: home.¹"), not as part of the number or date it follows ("14/03/2007" and a raised "2"
#: read "14/03/20072"), and a list of notes under the text can be matched to it.
_SUPERSCRIPT_DIGITS: Final = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _raised(r: Any) -> bool:
    """A run set in superscript (``w:vertAlign`` superscript)."""
    props = r.find(_RPR)
    align = props.find(_VERT_ALIGN) if props is not None else None
    return align is not None and align.get(_VAL) == "superscript"


def _inline_text(node: Any, parts: list[str]) -> None:
    """Append the text Word shows for the runs under ``node`` (a paragraph or a part of it)."""
    for child in node.iterchildren():
        tag = child.tag
        if tag == _T:
            parts.append(child.text or "")
        elif tag == _R:
            if _hidden_run(child):
                continue
            if _raised(child):  # a note's mark typed in superscript ("... at home.1")
                mark: list[str] = []
                _inline_text(child, mark)
                text = "".join(mark)
                parts.append(text.translate(_SUPERSCRIPT_DIGITS) if text.isdigit() else text)
            else:
                _inline_text(child, parts)
        elif tag in _UNSHOWN or not isinstance(tag, str):
            continue
        elif tag == _TAB:
            parts.append("\t")
        elif tag in _BREAKS:
            parts.append("\n")
        elif tag == _NB_HYPHEN:
            parts.append("-")
        elif tag == _SDT:
            if not _placeholder(child):
                _inline_text(child, parts)
        elif tag == _ALTERNATE:  # a drawing: its first choice only
            choice = next(child.iterchildren(), None)
            if choice is not None:
                _inline_text(choice, parts)
        elif tag == _TEXT_BOX:  # a text box: its paragraphs, on lines of their own
            parts.extend(f"\n{t}" for t in _block_texts(child) if t)
        else:  # wrappers (hyperlinks, insertions, fields, smart tags) and drawings
            _inline_text(child, parts)


def _paragraph_text(p: Any) -> str:
    """Text of a w:p as Word shows it (tabs, line breaks; no deleted or moved-away text of
    tracked changes, no hidden text, no field codes, no placeholders of empty content
    controls)."""
    parts: list[str] = []
    _inline_text(p, parts)
    text = "".join(parts).strip()
    if text and _is_list_item(p):
        text = "• " + text
    return text


def _is_list_item(p: Any) -> bool:
    props = p.find(_PPR)
    if props is None:
        return False
    if props.find(_NUMPR) is not None:
        return True
    style = props.find(_PSTYLE)
    return style is not None and (style.get(_VAL) or "").startswith("List")


def _children(node: Any, tag: str) -> Iterator[Any]:
    """The ``tag`` children of ``node``, also those wrapped in content controls (a
    repeating section of a template wraps whole rows), custom XML or tracked insertions;
    in document order. The content of a control showing its placeholder is left out."""
    for child in node.iterchildren():
        if child.tag == tag:
            yield child
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None and not (tag == _P and _placeholder(child)):
                yield from _children(content, tag)
        elif child.tag in _BLOCK_WRAPPERS:
            yield from _children(child, tag)


def _block_texts(node: Any) -> Iterator[str]:
    """The text of each paragraph of a cell or text box, in order; a table nested in it
    gives one line per row, its cells joined with " | " (a list of attendees, a small grid
    of dates), so that its rows stay readable."""
    for child in node.iterchildren():
        if child.tag == _P:
            yield _paragraph_text(child)
        elif child.tag == _TBL:
            for tr in _children(child, _TR):
                texts = [t for tc in _children(tr, _TC) if (t := _cell_text(tc))]
                yield " | ".join(" ".join(t.split()) for t in texts)
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None and not _placeholder(child):
                yield from _block_texts(content)
        elif child.tag in _BLOCK_WRAPPERS:
            yield from _block_texts(child)


def _cell_text(tc: Any) -> str | None:
    """A cell's paragraphs on lines of their own. A cell of one paragraph is not a list
    even when that paragraph is a list item: a template that numbers its rows through the
    first column's list style ("1. 12/03/2007") must give the date, not "• 12/03/2007"."""
    texts = [t for t in _block_texts(tc) if t]
    if len(texts) == 1:
        return texts[0].removeprefix("• ")
    return "\n".join(texts) or None


# --- footnotes, endnotes, comments and fields of the document's own dates ----------------
_FOOTNOTE_REF, _ENDNOTE_REF, _COMMENT_REF, _INSTR_TEXT, _FLD_SIMPLE = (
    _w(tag)
    for tag in (
        "footnoteReference",
        "endnoteReference",
        "commentReference",
        "instrText",
        "fldSimple",
    )
)
#: Elements that a cell's text does not show but that carry something for the reviewer.
_MARKS: Final = (
    _FOOTNOTE_REF,
    _ENDNOTE_REF,
    _COMMENT_REF,
    _INSTR_TEXT,
    _FLD_SIMPLE,
    _w("highlight"),  # of a redaction (a run blacked out)
    _w("shd"),
    _w("strike"),  # of text struck through
    _w("dstrike"),
)
_STRUCK: Final = frozenset(_w(tag) for tag in ("del", "moveFrom"))
#: Tracked changes not yet accepted or rejected, of text, rows and cells: insertions and
#: deletions (a row's own marks are in its ``trPr``).
_INSERTIONS: Final = tuple(_w(tag) for tag in ("ins", "moveTo", "cellIns"))
_DELETIONS: Final = tuple(_w(tag) for tag in ("del", "moveFrom", "cellDel"))
#: Fields whose result is a date of the document (the day it is opened, printed, saved or
#: created), not of an event: Word shows their last result, which changes.
_DOCUMENT_DATE_FIELD: Final = re.compile(
    r"^\s*(DATE|TIME|PRINTDATE|SAVEDATE|CREATEDATE)\b", re.IGNORECASE
)
_NOTE_PARTS: Final = {"footnotes": "footnote", "endnotes": "endnote"}


@dataclass(frozen=True, slots=True)
class _Marks:
    """What the marks in a cell or paragraph carry."""

    notes: tuple[str, ...]  # "[footnote: ...]", in order
    comments: int  # comments anchored there (not read)
    fields: tuple[str, ...]  # fields of the document's own dates ("DATE")
    redacted: int = 0  # runs blacked out (not read)
    struck: int = 0  # runs struck through (not read)


def _part_element(part: Any) -> Any:
    element = getattr(part, "element", None)
    if element is not None:
        return element
    from docx.oxml import parse_xml

    return parse_xml(part.blob)


def _note_texts(part: Any) -> dict[tuple[str, str], str]:
    """The document's footnotes and endnotes, by (kind, id): their paragraphs joined."""
    texts: dict[tuple[str, str], str] = {}
    for rel in part.rels.values():
        kind = _NOTE_PARTS.get(rel.reltype.rsplit("/", 1)[-1])
        if kind is None or rel.is_external:
            continue
        try:
            root = _part_element(rel.target_part)
        except Exception:  # a damaged notes part: the marks then say the note is missing
            continue
        for note in root.iterchildren(_w(kind)):
            text = " ".join(" ".join(t.split()) for t in _block_texts(note) if t.strip())
            if text:
                texts[kind, note.get(_w("id"), "")] = text
    return texts


def _shown(mark: Any) -> bool:
    """The mark is not in deleted or moved-away text of tracked changes."""
    return not any(a.tag in _STRUCK for a in mark.iterancestors())


def _marks(node: Any, notes: dict[tuple[str, str], str]) -> _Marks:
    """The footnotes, endnotes, comments and document-date fields under ``node``."""
    found: list[str] = []
    comments = 0
    fields: list[str] = []
    for mark in node.iter(*_MARKS):
        if not _shown(mark):
            continue
        if mark.tag in (_HIGHLIGHT, _SHD, *_STRIKES):
            continue  # counted below
        if mark.tag in (_FOOTNOTE_REF, _ENDNOTE_REF):
            kind = "footnote" if mark.tag == _FOOTNOTE_REF else "endnote"
            text = notes.get((kind, mark.get(_w("id"), "")))
            found.append(f"[{kind}: {text}]" if text else f"[{kind} not found in the file]")
        elif mark.tag == _COMMENT_REF:
            comments += 1
        else:
            instr = mark.text if mark.tag == _INSTR_TEXT else mark.get(_w("instr"))
            field = _DOCUMENT_DATE_FIELD.match(instr or "")
            if field:
                fields.append(field.group(1).upper())
    return _Marks(
        tuple(found),
        comments,
        tuple(fields),
        _redacted_runs(node),
        _runs_of(node, _STRIKES, _struck),
    )


def _int_val(props: Any, tag: str, default: int) -> int:
    """The integer ``w:val`` of the ``tag`` child of a properties element, else ``default``."""
    found = props.find(tag) if props is not None else None
    if found is None:
        return default
    value = found.get(_VAL)
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


_TRPR, _TCPR, _GRID_BEFORE, _GRID_SPAN, _VMERGE, _DEL, _CELL_DEL = (
    _w(tag) for tag in ("trPr", "tcPr", "gridBefore", "gridSpan", "vMerge", "del", "cellDel")
)


#: Word tables have at most 63 columns; a span or skip beyond that is a damaged (or
#: hostile) file, and is read as that many.
_MAX_COLUMNS: Final = 63


def _columns(value: int, least: int) -> int:
    return min(max(value, least), _MAX_COLUMNS)


def _cell_deleted(tc: Any) -> bool:
    """A cell deleted with changes tracked (``w:cellDel``): Word shows it struck through
    and it is gone once the change is accepted (the cells after it move left)."""
    props = tc.find(_TCPR)
    return props is not None and props.find(_CELL_DEL) is not None


_FALLBACK: Final = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _text_boxes(tc: Any) -> tuple[str | None, tuple[str, ...]]:
    """A cell's text without the notes in text boxes anchored in it (a shape set over the
    table holding a reviewer's note: :func:`scr_timeline.io.document.is_box_note`), and
    each such note's text; a text box of another kind (a body map's label) stays the
    cell's text. A box's fallback copy in the drawing is the same box."""
    notes = [
        (box, text)
        for box in tc.iter(_TEXT_BOX)
        if not any(a.tag in (_FALLBACK, _TEXT_BOX) for a in box.iterancestors())
        and (text := " ".join(" ".join(_block_texts(box)).split()))
        and is_box_note(text)
    ]
    if not notes:
        return _cell_text(tc), ()
    copy = deepcopy(tc)
    gone = {text for _box, text in notes}
    for box in list(copy.iter(_TEXT_BOX)):
        parent = box.getparent()
        if parent is not None and " ".join(" ".join(_block_texts(box)).split()) in gone:
            parent.remove(box)
    return _cell_text(copy), tuple(text for _box, text in notes)


@dataclass(frozen=True, slots=True)
class _Grid:
    """A table laid on its grid (see :func:`_table_grid`)."""

    rows: list[list[str | None]]
    sections: list[tuple[int, str]]  # full-width section rows: (1-based row, text)
    marked: list[tuple[int, int, Any]]  # cells with marks or fields: (0-based row, column, cell)
    merged: list[tuple[int, int]]  # cells whose text a cell merged down carries: (row, column)
    #: rows whose every written cell is struck through or blacked out: (0-based row,
    #: reason code, the cells as written with their struck text; None when blacked out)
    deleted: list[tuple[int, str, tuple[str | None, ...]]] = field(default_factory=list)
    #: text boxes anchored in the cells: (0-based row, the box's text)
    boxes: list[tuple[int, str]] = field(default_factory=list)


def _text_showing(
    tc: Any, tags: tuple[str, ...], read: Callable[[Any], str | None] = _cell_text
) -> str | None:
    """The cell's (or with ``read`` a paragraph's) text with the run properties ``tags``
    taken off its runs (struck or blacked-out text shown): on a copy, for the few rows
    and paragraphs whose text is all hidden."""
    copy = deepcopy(tc)
    for mark in list(copy.iter(*tags)):
        parent = mark.getparent()
        if parent is not None and parent.tag == _RPR:
            parent.remove(mark)
    return read(copy)


def _deleted_paragraph(p: Any) -> tuple[str, str] | None:
    """A paragraph that shows no text but holds text struck through (an entry its author
    deleted, left visible) or blacked out (a redaction): (reason code, its text: the
    struck text, or the blacked-out text, which is not to be shown); else None."""
    struck = _text_showing(p, _STRIKES, _paragraph_text)
    if struck:
        return "struck_through", struck
    hidden = _text_showing(p, (*_STRIKES, _HIGHLIGHT, _SHD), _paragraph_text)
    return ("redacted", hidden) if hidden else None


def _deleted_row(
    own: list[tuple[int, Any]], width: int
) -> tuple[str, tuple[str | None, ...]] | None:
    """A row whose cells (``own``: (column, cell), those typed in the row) show no text
    but hold text struck through (an entry its author deleted, left visible) or blacked
    out (a redaction): ``("struck_through", cells with the struck text)`` or
    ``("redacted", blank cells)``; None for any other row."""
    marked = [
        (col, tc)
        for col, tc in own
        if any(m.getparent().tag == _RPR for m in tc.iter(*_STRIKES, _HIGHLIGHT, _SHD))
    ]  # (a cell's own shading, on an empty row, is no mark of its text)
    if not marked:
        return None
    cells: list[str | None] = [None] * width
    for col, tc in marked:
        cells[col] = _text_showing(tc, _STRIKES)
    if any(c for c in cells):
        return "struck_through", tuple(cells)
    if any(_text_showing(tc, (*_STRIKES, _HIGHLIGHT, _SHD)) for _col, tc in marked):
        return "redacted", (None,) * width
    return None


def _table_grid(tbl: Any) -> _Grid:
    """The table's rows on its grid, its full-width section rows, the cells holding
    footnote or comment marks or fields, and the cells that carry the text of a cell
    merged down from above."""
    grid_cols = len(tbl.findall("w:tblGrid/w:gridCol", _NS))
    rows: list[list[str | None]] = []
    sections: list[tuple[int, str]] = []
    marked: list[tuple[int, int, Any]] = []
    merged: list[tuple[int, int]] = []
    own: list[tuple[int, Any]] = []  # the cells typed in the row: (column, cell)
    gone: list[tuple[int, str, tuple[str | None, ...]]] = []  # struck or blacked-out rows
    boxes: list[tuple[int, str]] = []  # text boxes in the cells: (0-based row, text)
    above: list[str | None] = []
    for number, tr in enumerate(_children(tbl, _TR), start=1):
        row_props = tr.find(_TRPR)
        cells: list[str | None] = [None] * _columns(_int_val(row_props, _GRID_BEFORE, 0), 0)
        tcs = [tc for tc in _children(tr, _TC) if not _cell_deleted(tc)]
        # a row deleted with changes tracked
        deleted = row_props is not None and row_props.find(_DEL) is not None
        span = 1
        own = []
        for tc in tcs:
            props = tc.find(_TCPR)
            span = _columns(_int_val(props, _GRID_SPAN, 1), 1)
            merge = props.find(_VMERGE) if props is not None else None
            col = len(cells)
            if deleted or _in_placeholder(tc):
                text = None
            elif (
                merge is not None
                and merge.get(_VAL, "continue") == "continue"
                and col < len(above)  # nothing above to continue: the cell's own text
            ):
                text = above[col]
                if text is not None:
                    merged.append((number - 1, col))
            elif next(tc.iter(_TEXT_BOX), None) is not None:  # a note set over the table
                text, texts = _text_boxes(tc)
                boxes.extend((number - 1, t) for t in texts)
                own.append((col, tc))
                if next(tc.iter(*_MARKS), None) is not None:
                    marked.append((number - 1, col, tc))
            else:
                text = _cell_text(tc)
                own.append((col, tc))
                if next(tc.iter(*_MARKS), None) is not None:
                    marked.append((number - 1, col, tc))
            cells.extend([text] + [None] * (span - 1))
        filled = [c for c in cells if c is not None]
        if own and not any(cells[col] for col, _tc in own):
            shut = _deleted_row(own, len(cells))
            if shut is not None:
                gone.append((number - 1, *shut))
        if len(tcs) == 1 and span > 1 and filled:  # one cell across the table: a section
            sections.append((number, " ".join(filled[0].split())))
            cells = [None] * len(cells)
        rows.append(cells)
        above = cells
    width = max([grid_cols, *(len(r) for r in rows)])
    gone = [(row, code, cells + (None,) * (width - len(cells))) for row, code, cells in gone]
    return _Grid(
        [r + [None] * (width - len(r)) for r in rows], sections, marked, merged, gone, boxes
    )


def _form_agency(rows: list[list[str | None]]) -> str | None:
    """The agency a form table names: in a row of two cells, the one after "Agency:" (the
    details table agency chronology templates open with), else None."""
    for cells in rows:
        filled = [" ".join(c.split()) for c in cells if c and c.strip()]
        if (
            len(filled) == 2
            and AGENCY_LABEL.match(filled[0])
            and len(filled[1]) <= _MAX_TITLE_LENGTH
        ):
            return filled[1]
    return None


def _is_heading(p: Any, heading_styles: AbstractSet[str]) -> bool:
    style = p.find("w:pPr/w:pStyle", _NS)
    if style is not None and style.get(_w("val")) in heading_styles:
        return True
    return p.find("w:pPr/w:outlineLvl", _NS) is not None


_BOLD: Final = _w("b")


def _is_bold_line(p: Any, text: str) -> bool:
    """A short paragraph all in bold that does not start with a date: a heading typed by
    hand ("Metropolitan Police" in bold above the police table), a title line for the
    table below it (and no more: in a narrative it stays text)."""
    if len(text) > _MAX_TITLE_LENGTH or split_date_prefix(text) is not None:
        return False
    runs = [r for r in p.iter(_R) if any((t.text or "").strip() for t in r.iter(_T))]
    return bool(runs) and all(_bold(r) for r in runs)


_UNDERLINE: Final = _w("u")


def _emphasised(p: Any) -> bool:
    """Every run of the paragraph that holds text is bold or underlined (a heading typed
    by hand)."""
    runs = [r for r in p.iter(_R) if any((t.text or "").strip() for t in r.iter(_T))]
    return bool(runs) and all(_bold(r) or _underlined(r) for r in runs)


def _underlined(r: Any) -> bool:
    props = r.find(_RPR)
    line = props.find(_UNDERLINE) if props is not None else None
    return line is not None and line.get(_VAL, "single") not in ("none", "0", "false")


def _bold(r: Any) -> bool:
    props = r.find(_RPR)
    bold = props.find(_BOLD) if props is not None else None
    return bold is not None and bold.get(_VAL, "true") not in ("0", "false", "off")


def _is_frame(tbl: Any) -> bool:
    """A table used as a frame around the page's content: one cell per row, and a table
    inside (the chronology drawn in a bordered box). Its content is read as the body's."""
    rows = list(_children(tbl, _TR))
    cells = [list(_children(tr, _TC)) for tr in rows]
    return (
        bool(rows)
        and all(len(c) == 1 for c in cells)
        and any(tc.find("w:tbl", _NS) is not None for c in cells for tc in c)
    )


#: Reads an embedded chunk (``w:altChunk``) as blocks of the body.
Chunks = Callable[[Any], Iterator[Any]]


def _blocks(body: Any, chunks: Chunks | None = None) -> Iterator[Any]:
    """Paragraphs and tables of the body in order, looking inside content controls, and
    those of embedded chunks (``w:altChunk``, read by ``chunks``)."""
    for child in body.iterchildren():
        if child.tag == _w("tbl") and _is_frame(child):
            for tr in _children(child, _TR):
                for tc in _children(tr, _TC):
                    yield from _blocks(tc, chunks)
        elif child.tag in (_w("p"), _w("tbl")):
            yield child
        elif child.tag == _w("sdt"):
            content = child.find("w:sdtContent", _NS)
            if content is not None and not _placeholder(child):
                yield from _blocks(content, chunks)
        elif child.tag == _w("customXml"):
            yield from _blocks(child, chunks)
        elif child.tag == _ALT_CHUNK and chunks is not None:
            yield from chunks(child)


# --- embedded chunks (w:altChunk) ---------------------------------------------------------
_ALT_CHUNK: Final = _w("altChunk")
_R_ID: Final = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_HTML_HEADINGS: Final = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
#: HTML elements that hold paragraphs, lists or tables rather than running text.
_HTML_BLOCKS: Final = frozenset(
    {"p", "div", "li", "ul", "ol", "dl", "dt", "dd", "table", "pre", "blockquote", "section"}
    | {"article", "main", "header", "footer", "center", "form", "caption", "body"}
    | _HTML_HEADINGS
)
_HTML_BREAKS: Final = (*_HTML_BLOCKS, "br", "tr")
#: Heading styles given to headings of an HTML chunk (Word's built-in style ids).
_CHUNK_HEADING_STYLES: Final = frozenset(f"Heading{n}" for n in range(1, 7))


def _w_paragraph(text: str, style: str | None = None) -> Any:
    """A w:p holding ``text`` (lines as breaks), in ``style`` if given."""
    from lxml import etree

    p = etree.Element(_P)
    if style is not None:
        props = etree.SubElement(p, _PPR)
        etree.SubElement(props, _PSTYLE).set(_VAL, style)
    for i, line in enumerate(text.split("\n")):
        r = etree.SubElement(p, _R)
        if i:
            etree.SubElement(r, _w("br"))
        etree.SubElement(r, _T).text = line
    return p


def _html_text(node: Any) -> str:
    """An HTML element's text, one line per block or line break, spaces collapsed."""
    lines = (" ".join(line.split()) for line in node.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def _html_span(cell: Any, name: str) -> int:
    try:
        return min(max(int(cell.get(name, "1")), 1), _MAX_COLUMNS)
    except ValueError:
        return 1


def _html_table(table: Any) -> Any:
    """An HTML table as a w:tbl: ``colspan`` as ``gridSpan``, ``rowspan`` as ``vMerge``."""
    from lxml import etree

    rows = [
        tr
        for part in (table, *table.iterchildren("thead", "tbody", "tfoot"))
        for tr in part.iterchildren("tr")
    ]
    starts: dict[tuple[int, int], tuple[Any, int, int]] = {}  # cell, colspan, rowspan
    below: dict[tuple[int, int], int] = {}  # a cell spanning down from above: its colspan
    taken: set[tuple[int, int]] = set()
    width = 0
    for r, tr in enumerate(rows):
        c = 0
        for cell in tr.iterchildren("td", "th"):
            while (r, c) in taken:
                c += 1
            across, down = _html_span(cell, "colspan"), _html_span(cell, "rowspan")
            starts[r, c] = (cell, across, down)
            taken.update((r + i, c + j) for i in range(down) for j in range(across))
            below.update({(r + i, c): across for i in range(1, down)})
            c += across
        width = max(width, c)
    tbl = etree.Element(_TBL)
    grid = etree.SubElement(tbl, _w("tblGrid"))
    for _ in range(width):
        etree.SubElement(grid, _w("gridCol"))
    for r in range(len(rows)):
        tr = etree.SubElement(tbl, _TR)
        c = 0
        while c < width:
            start, spanned = starts.get((r, c)), below.get((r, c))
            if start is None and spanned is None and (r, c) in taken:
                c += 1
                continue
            tc = etree.SubElement(tr, _TC)
            props = etree.SubElement(tc, _TCPR)
            span = start[1] if start is not None else spanned or 1
            if span > 1:
                etree.SubElement(props, _GRID_SPAN).set(_VAL, str(span))
            if start is not None and start[2] > 1:
                etree.SubElement(props, _VMERGE).set(_VAL, "restart")
            elif spanned is not None:
                etree.SubElement(props, _VMERGE)
            text = _html_text(start[0]) if start is not None else ""
            tc.append(_w_paragraph(text))
            c += span
    return tbl


def _html_blocks(node: Any) -> Iterator[Any]:
    """An HTML element's paragraphs, headings and tables as WordprocessingML, in order."""
    if node.text and node.text.strip():
        yield _w_paragraph(" ".join(node.text.split()))
    for child in node.iterchildren():
        tag = child.tag.lower() if isinstance(child.tag, str) else ""
        if tag == "table":
            yield _html_table(child)
        elif tag in _HTML_HEADINGS:
            yield _w_paragraph(_html_text(child), f"Heading{tag[1]}")
        elif tag in ("script", "style", "head", "title", "meta"):
            pass
        elif any(
            isinstance(d.tag, str) and d.tag.lower() in _HTML_BLOCKS
            for d in child.iterdescendants()
        ):
            yield from _html_blocks(child)
        elif tag and (text := _html_text(child)):
            yield _w_paragraph(text)
        if child.tail and child.tail.strip():
            yield _w_paragraph(" ".join(child.tail.split()))


def _html_chunk(blob: bytes) -> Iterator[Any]:
    """The blocks of an HTML chunk (what a case system's "export to Word" embeds)."""
    from lxml import html

    root = html.document_fromstring(blob)
    for element in root.iter(*_HTML_BREAKS):
        element.tail = "\n" + (element.tail or "")
    body = root.find("body")
    yield from _html_blocks(body if body is not None else root)


def _describe(kind: str, name: str) -> str:
    lowered = f"{kind} {name}".lower()
    for word, label in (("rtf", "RTF"), ("html", "HTML"), ("mht", "web archive (MHT)")):
        if word in lowered:
            return label
    return kind or "unknown"


#: Content types of the main part of Word files that python-docx refuses but that hold a
#: document as a .docx does: macro-enabled documents (.docm) and templates (.dotx, .dotm).
_OTHER_MAIN_TYPES: Final = (
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)
_DOCX_MAIN_TYPE: Final = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
)


#: The type given here to a Word document embedded whole (an altChunk): declared with the
#: main document's type (as the Open XML SDK writes it), python-docx would parse its zip
#: archive as XML and refuse the whole file.
_PACKAGE_TYPE: Final = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_CONTENT_TYPE_ENTRY = re.compile(r"<(?:Override|Default)\b[^>]*>")
_ENTRY_NAME = re.compile(r"""(?:PartName|Extension)\s*=\s*["']([^"']*)["']""")


def _embedded_as_package(entry: re.Match[str]) -> str:
    """A content-type entry, relabelled as a package when it declares a part that is not
    XML (an embedded .docx) a main document."""
    text = entry.group()
    name = _ENTRY_NAME.search(text)
    if name is None or name.group(1).lower().endswith("xml") or _DOCX_MAIN_TYPE not in text:
        return text
    return text.replace(_DOCX_MAIN_TYPE, _PACKAGE_TYPE)


def _as_document(source: Path | io.BytesIO) -> io.BytesIO:
    """A copy in memory of a .docm (or template) whose main part is declared a document,
    so that python-docx opens it (the macros are never run, nor read); Word documents
    embedded in it (altChunk parts) are declared packages."""
    out = io.BytesIO()
    with zipfile.ZipFile(source) as zipped, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for item in zipped.infolist():
            data = zipped.read(item.filename)
            if item.filename == "[Content_Types].xml":
                text = data.decode("utf-8")
                for kind in _OTHER_MAIN_TYPES:
                    text = text.replace(kind, _DOCX_MAIN_TYPE)
                text = _CONTENT_TYPE_ENTRY.sub(_embedded_as_package, text)
                data = text.encode("utf-8")
            copy.writestr(item, data)
    out.seek(0)
    return out


#: What a file named .docx that is no zip archive starts with, and what it is then: the
#: documents case systems' "export to Word" and older programs write under Word's name.
_OTHER_DOCUMENTS: Final = (
    (
        re.compile(rb"^\s*\{\\rtf"),
        "it is an RTF document (Rich Text Format), not a .docx: open it in Word and save "
        "it as a Word document (.docx) to read it",
    ),
    (
        re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!doctype\s+html|<html)", re.IGNORECASE),
        "it is a web page (HTML), not a .docx, as case systems' 'export to Word' writes: "
        "rename it .html to read its tables, or open it in Word and save it as a Word "
        "document (.docx)",
    ),
    (
        re.compile(rb"^\s*MIME-Version:", re.IGNORECASE),
        "it is a web archive (MHT), not a .docx: open it in Word and save it as a Word "
        "document (.docx) to read it",
    ),
    (
        re.compile(rb"^\xd0\xcf\x11\xe0"),
        "it is an old Word 97-2003 document (.doc) renamed, or a document encrypted with a "
        "password: open it in Word and save it as a Word document (.docx) to read it",
    ),
)


def _not_a_package(path: Path) -> str:
    """Why a file named .docx is not a zip archive: what it is when its first bytes say."""
    with path.open("rb") as handle:
        head = handle.read(512).removeprefix(b"\xef\xbb\xbf")
    for pattern, what in _OTHER_DOCUMENTS:
        if pattern.match(head):
            return f" ({what})"
    return " (not a valid .docx zip archive: truncated, corrupt, encrypted or an old .doc renamed)"


def _open(path: Path) -> Any:
    docx = _import_docx()
    check_file(path)
    archive = limits.check_zip_archive(path, kind="Word document")
    if archive is not None:
        archive.close()
    try:
        return docx.Document(str(path))
    except Exception as err:  # python-docx, zipfile and lxml raise many types for bad files
        first = err
    try:  # a .docm or template, or a document with Word documents embedded in it
        return docx.Document(_as_document(path))
    except Exception:  # the first error says what is wrong with the file
        pass
    hint = "" if zipfile.is_zipfile(path) else _not_a_package(path)
    raise ChronologyReadError(
        f"cannot open the file as a Word document{hint}: {first}",
        file=path.name,
        expected="a Word document (.docx)",
    ) from first


def _open_bytes(blob: bytes, file: str) -> Any:
    """A Word document embedded in another (an altChunk), within the archive limits."""
    docx = _import_docx()
    with zipfile.ZipFile(io.BytesIO(blob)) as archive:
        members = archive.infolist()
        if (
            sum(item.file_size for item in members) > limits.MAX_EXPANDED_BYTES
            or len(members) > limits.MAX_ZIP_MEMBERS
        ):
            raise ChronologyReadError("an embedded document is larger than the limits allow")
    try:
        return docx.Document(io.BytesIO(blob))
    except Exception:  # a macro-enabled document, or one with documents embedded in it
        return docx.Document(_as_document(io.BytesIO(blob)))


def read_docx_tables(
    path: str | Path,
) -> tuple[list[DocumentTable], list[Paragraph], str | None]:
    """Every table of a Word document as cells, the paragraphs outside tables, and the title.

    Returns
    -------
    tables, paragraphs, title
        The tables in document order (see :class:`scr_timeline.io.document.DocumentTable`),
        the non-empty paragraphs outside tables (numbered from 1, headings marked) and the
        document's title (its properties, else its first heading), if any.

    Raises
    ------
    MissingDependencyError
        python-docx is not installed.
    ChronologyReadError
        The file is not a Word document (corrupt, encrypted, an old ``.doc``).
    """
    tables, paragraphs, title, *_rest = _read_docx(Path(path))
    return tables, paragraphs, title


def _heading_styles(document: Any) -> set[str]:
    return {
        s.style_id
        for s in document.styles
        if (s.name and _HEADING_STYLE.match(s.name)) or _HEADING_STYLE.match(s.style_id or "")
    }


class _Reader:
    """What reading a document's blocks collects: its heading styles, its footnotes and
    endnotes, and the warnings about what was not read as text (comments, embedded
    chunks) or may mislead (fields of the document's own dates)."""

    def __init__(self, document: Any, file: str) -> None:
        self.file = file
        self.styles = _heading_styles(document)
        self.notes = _note_texts(document.part)
        self.warnings: list[dict[str, Any]] = []
        self.comments: dict[str, list[int]] = {}  # rows with comments, by table
        self.redacted: dict[str, list[int]] = {}  # rows with text blacked out, by table
        self.struck: dict[str, list[int]] = {}  # rows with text struck through, by table
        # tracked changes not accepted: (insertions, deletions) by table or paragraph
        self.changes: dict[str, tuple[int, int]] = {}
        self.tracked = next(document.element.body.iter(*_INSERTIONS, *_DELETIONS), None) is not None

    def count_changes(self, block: Any, where: str) -> None:
        """Count the tracked changes in ``block`` (a table, or paragraph ``where``)."""
        if self.tracked:
            added = sum(1 for _ in block.iter(*_INSERTIONS))
            gone = sum(1 for _ in block.iter(*_DELETIONS))
            if added or gone:
                self.changes[where] = (added, gone)

    def change_warnings(self) -> list[dict[str, Any]]:
        """One ``tracked_changes`` warning: the document still holds changes tracked and
        neither accepted nor rejected, read as if accepted (as Word shows them with the
        markup hidden): deleted text left out, inserted text read."""
        if not self.changes:
            return []
        added = sum(a for a, _ in self.changes.values())
        gone = sum(g for _, g in self.changes.values())
        tables = [w for w in self.changes if w.startswith("table")]
        paragraphs = [w.split()[-1] for w in self.changes if w.startswith("paragraph")]
        where = ", ".join(
            [*tables, *([f"paragraph(s) {', '.join(paragraphs)}"] if paragraphs else [])]
        )
        first = next(iter(self.changes))
        return [
            _warning(
                "tracked_changes",
                f"the document still has tracked changes neither accepted nor rejected "
                f"({added} insertion(s), {gone} deletion(s), in {where}): they were read as "
                "if accepted (deleted text left out, inserted text read); accept or reject "
                "them in Word (Review > Accept or Reject) and check those entries",
                self.file,
                first.rsplit(" ", 1)[0] if first.startswith("paragraph") else first,
                int(first.split()[-1]) if first.startswith("paragraph") else None,
            )
        ]

    def blocks(self, document: Any) -> Iterator[Any]:
        part = document.part
        return _blocks(document.element.body, lambda chunk: self.chunk(chunk, part))

    def chunk(self, chunk: Any, part: Any) -> Iterator[Any]:
        """The blocks of an embedded chunk (``w:altChunk``): a Word document or HTML is
        read, as Word shows it in place; anything else (RTF) is a warning naming it."""
        rid = chunk.get(_R_ID)
        target = part.related_parts.get(rid) if rid else None
        if target is None:
            self.warn("alt_chunk_not_read", "an embedded chunk (altChunk) whose part is missing")
            return
        kind, name, blob = str(target.content_type), str(target.partname), target.blob
        label = _describe(kind, name)
        try:
            if blob[:2] == b"PK":
                label = "Word document"
                inner = _open_bytes(blob, self.file)
                self.styles |= _heading_styles(inner)
                blocks = list(_Reader.blocks(self, inner))
            elif label == "HTML":
                blocks = list(_html_chunk(blob))
                self.styles |= _CHUNK_HEADING_STYLES
            elif kind == "text/plain":
                text = blob.decode("utf-8-sig", errors="replace")
                blocks = [_w_paragraph(" ".join(line.split())) for line in text.splitlines()]
            else:
                self.warn(
                    "alt_chunk_not_read",
                    f"an embedded {label} chunk ({name}, altChunk) was not read: Word shows "
                    "it in place, but it is not WordprocessingML; open the document in Word "
                    "and save it again as .docx (Word then merges the chunk into the "
                    "document) to read it",
                )
                return
        except Exception as err:  # lxml, zipfile and python-docx raise many types
            self.warn(
                "alt_chunk_not_read",
                f"an embedded {label} chunk ({name}, altChunk) could not be read ({err}); "
                "open the document in Word and save it again as .docx to read it",
            )
            return
        self.warn(
            "alt_chunk_read",
            f"an embedded {label} chunk ({name}, altChunk, as case systems' 'export to "
            "Word' writes) was read in place: check its tables against the document in Word",
        )
        yield from blocks

    def warn(self, code: str, message: str, sheet: str | None = None, row: int | None = None):
        self.warnings.append(_warning(code, message, self.file, sheet, row))

    def marks(self, node: Any, sheet: str, row: int) -> _Marks:
        """The marks under ``node`` (in ``sheet``, ``row``): comments counted, fields of the
        document's dates warned about; the notes are returned for the caller to keep."""
        found = _marks(node, self.notes)
        if found.comments:
            self.comments.setdefault(sheet, []).extend([row] * found.comments)
        if found.redacted:
            self.redacted.setdefault(sheet, []).append(row)
        if found.struck:
            self.struck.setdefault(sheet, []).append(row)
        for name in found.fields:
            self.warn(
                "document_date_field",
                f"{sheet} row {row} holds a {name} field: Word shows the "
                f"{'time' if name == 'TIME' else 'day'} the document was last opened, "
                "printed or saved there, not when the event happened; check it against "
                "the records",
                sheet,
                row,
            )
        return found

    def comment_warnings(self) -> list[dict[str, Any]]:
        return [
            _warning(
                "comments_not_read",
                f"{len(rows)} comment(s) in the margin of {sheet} (rows "
                f"{', '.join(map(str, sorted(set(rows))))}) were not read: they are notes "
                "on the document (often a reviewer's questions), not text of the events; "
                "open the document in Word to see them",
                self.file,
                sheet,
                min(rows),
            )
            for sheet, rows in self.comments.items()
        ]

    def hidden_warnings(
        self, rejected: AbstractSet[tuple[str | None, int]]
    ) -> list[dict[str, Any]]:
        """The redacted_text and struck_text warnings, without the rows (``rejected``: by
        sheet and row) read as rejected rows, struck or blacked out throughout."""

        def kept(rows: dict[str, list[int]]) -> list[tuple[str, list[int]]]:
            left = ((s, [r for r in rs if (s, r) not in rejected]) for s, rs in rows.items())
            return [(sheet, rows) for sheet, rows in left if rows]

        return [
            _warning(
                "redacted_text",
                f"text blacked out (highlighted or shaded black: a redaction) in {sheet} "
                f"(rows {', '.join(map(str, sorted(set(rows))))}) was left out: the "
                "document still holds it, but a reader of the page cannot see it",
                self.file,
                sheet,
                min(rows),
            )
            for sheet, rows in kept(self.redacted)
        ] + [
            _warning(
                "struck_text",
                f"text struck through in {sheet} (rows "
                f"{', '.join(map(str, sorted(set(rows))))}) was left out: words or entries "
                "its author deleted but left visible (a row struck through throughout is a "
                "rejected row, struck_through); check them in Word",
                self.file,
                sheet,
                min(rows),
            )
            for sheet, rows in kept(self.struck)
        ]


def _read_docx(path: Path, *, keep_struck: bool = False) -> DocumentParts:
    document = _open(path)
    if keep_struck:  # struck text read as any other (the document's formatting)
        for mark in list(document.element.body.iter(*_STRIKES)):
            parent = mark.getparent()
            if parent is not None and parent.tag == _RPR:
                parent.remove(mark)
    reader = _Reader(document, path.name)
    section_agencies = _section_header_agencies(document)
    page_agency = next((name for name in section_agencies if name), None)
    section = 0  # the section of the block (a paragraph's section break ends one)
    tables: list[DocumentTable] = []
    paragraphs: list[Paragraph] = []
    between: list[tuple[str, bool]] = []  # paragraphs since the last table: (text, heading)
    seen_table = False
    named: str | None = None  # the agency a form field above names ("Agency: Police")
    shut = 0  # paragraphs struck or blacked out throughout (no Paragraph, still counted)
    deleted: list[tuple[Paragraph, str]] = []  # those opening with a date: rejected rows
    named_headings: set[str] = set()  # the headings that name an agency, as written
    first_heading: str | None = None  # the document's first heading (its title)
    own_names: dict[str, bool] = {}  # whether the document's title names an agency
    for block in reader.blocks(document):
        if block.tag == _P:
            text = _paragraph_text(block)
            number = len(paragraphs) + shut + 1
            reader.count_changes(block, f"paragraph {number}")
            props = block.find(_PPR)
            if props is not None and props.find(_SECT_PR) is not None:
                section += 1  # the blocks after it are the next section's
            if next(block.iter(*_MARKS), None) is not None:
                found = reader.marks(block, "paragraph", number)
                text = " ".join([text, *found.notes]).strip() if found.notes else text
                if not text and (found.struck or found.redacted):
                    gone = _deleted_paragraph(block)
                    if gone is not None:  # a paragraph struck or blacked out throughout
                        shut += 1  # still counted: a reader of the page sees it
                        if split_date_prefix(gone[1]) is not None:  # an entry: rejected
                            deleted.append((Paragraph(gone[1], number), gone[0]))
            if text:
                heading = _is_heading(block, reader.styles)
                if heading and first_heading is None:
                    first_heading = text
                if heading and agency_from_name(" ".join(text.split())) is not None:
                    named_headings.add(" ".join(text.split()))
                paragraphs.append(
                    Paragraph(text, number, heading=heading, emphasis=_emphasised(block))
                )
                if not _between_parts(text):
                    between.append((text, heading or _is_bold_line(block, text)))
                field = AGENCY_FIELD.match(" ".join(text.split()))
                named = field.group(1) if field else named
            continue
        sheet = f"table {len(tables) + 1}"
        reader.count_changes(block, sheet)
        grid = _table_grid(block)
        rows = grid.rows
        notes = [
            (row, col, note)
            for row, col, tc in grid.marked
            for note in reader.marks(tc, sheet, row + 1).notes
        ]
        titles = [t for t, heading in between if heading]
        if between and not between[-1][1]:
            titles.append(between[-1][0])
        titles = [" ".join(t.split()) for t in titles if len(t) <= _MAX_TITLE_LENGTH]
        titles = list(reversed(titles))[:_MAX_TITLES]
        follows = seen_table and not between
        if named is not None and named not in titles and not follows:
            titles = [*titles[: _MAX_TITLES - 1], named]  # after the nearer title lines
        header_agency = (
            section_agencies[min(section, len(section_agencies) - 1)] if section_agencies else None
        )
        if (
            header_agency is not None
            and not follows
            and not any(agency_from_name(t) is not None for t in titles)
        ):
            titles = [*titles[: _MAX_TITLES - 1], header_agency]  # the farthest title line
        if not follows and not any(agency_from_name(t) is not None for t in titles):
            # the document's title ("Individual Management Review - Northshire Police"),
            # pages and other tables above the table: the agency of its tables too, when
            # no heading names another (a document of several agencies' sections)
            own = document.core_properties.title or first_heading
            own = " ".join(own.split()) if own else None
            if (
                own
                and len(own) <= _MAX_TITLE_LENGTH
                and named_headings <= {own}
                and own_names.setdefault(own, agency_from_name(own) is not None)
            ):
                titles = [*titles[: _MAX_TITLES - 1], own]
        named = _form_agency(rows) or named
        tables.append(
            DocumentTable(
                sheet=sheet,
                rows=rows,
                titles=tuple(titles),
                sections=tuple(grid.sections),
                follows=follows,
                notes=tuple(notes),
                merged=tuple(grid.merged),
                deleted=tuple(grid.deleted),
                boxes=tuple(grid.boxes),
            )
        )
        between = []
        seen_table = True
    title = (
        document.core_properties.title
        or next((p.text for p in paragraphs if p.heading), None)
        or page_agency
    )
    warnings = reader.warnings + reader.comment_warnings() + reader.change_warnings()
    title = " ".join(title.split()) if title else None
    return tables, paragraphs, title, warnings, deleted, reader.hidden_warnings


#: Parts of a line of a page header: apart by tabs or wide spaces.
_HEADER_PARTS: Final = re.compile(r"\t|\s{3,}")


def _page_header_agency(document: Any) -> str | None:
    """The first part of the pages' header text that names an agency ("Elm Road Surgery -
    GP chronology" beside "OFFICIAL-SENSITIVE"), as agency templates print their name
    at the top of each page: the last title line of a table that no line above it names
    the agency of. None when the header names none."""
    return next((name for name in _section_header_agencies(document) if name), None)


def _section_header_agencies(document: Any) -> list[str | None]:
    """For each section of the document, the first part of its own page headers' text
    that names an agency (see :func:`_page_header_agency`): a document put together from
    agencies' reports, each a section with its agency's header, names each table's agency
    in its own section. A section whose header names none (linked to the one before, or
    only a marking) takes the agency of the nearest section before it that names one, or
    else of the first that does."""
    found: list[str | None] = []
    for section in document.sections:
        named = None
        for header in (section.header, section.first_page_header, section.even_page_header):
            if header.is_linked_to_previous:  # no header of its own
                continue
            for text in _block_texts(header._element):
                for part in _HEADER_PARTS.split(text or ""):
                    part = " ".join(part.split())
                    if (
                        named is None
                        and part
                        and len(part) <= _MAX_TITLE_LENGTH
                        and not PAGE_FURNITURE.match(part)
                        and agency_from_name(part) is not None
                    ):
                        named = part
        found.append(named if named is not None else (found[-1] if found else None))
    first = next((name for name in found if name), None)
    return [name if name is not None else first for name in found]


def _between_parts(text: str) -> bool:
    """A paragraph that does not part the table before it from the one after it: a note
    that the table goes on ("(continued)", "Chronology continued on next page") or page
    furniture typed between the parts of a table split by hand ("Page 2",
    "OFFICIAL-SENSITIVE")."""
    text = " ".join(text.split())
    return bool(CONTINUED_NOTE.match(text) or PAGE_FURNITURE.match(text))


def read_docx(path: str | Path, **options: Any) -> Chronology:
    """Read a Word chronology: its chronology tables, else its dated paragraphs.

    Parameters
    ----------
    path
        The ``.docx`` file.
    **options
        Passed to :func:`scr_timeline.parse_table` (``columns``, ``agency``, ``dayfirst``,
        ``child_dob``, ``end_date``, ``anchor_relative``, ``title``, ``classify``).

    Returns
    -------
    Chronology
        Tables that hold no chronology (a key to abbreviations, a contents table) are
        skipped with a warning (``table_skipped``); full-width section rows are reported as
        ``section_row`` warnings.

    Raises
    ------
    MissingDependencyError
        python-docx is not installed.
    ChronologyReadError
        The file cannot be opened as a Word document.
    MissingColumnError
        No table holds a chronology and no paragraph starts with a date.

    Examples
    --------
    >>> import tempfile, pathlib, docx
    >>> document = docx.Document()
    >>> _ = document.add_heading("GP records", level=2)
    >>> table = document.add_table(rows=2, cols=2)
    >>> table.cell(0, 0).text, table.cell(0, 1).text = "Date", "Details"
    >>> table.cell(1, 0).text, table.cell(1, 1).text = "12/03/2007", "Child A seen"
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "child-a.docx"
    >>> document.save(path)
    >>> chron = read_docx(path)
    >>> chron.events[["agency", "source_sheet", "source_row"]].values.tolist()
    [['gp', 'table 1', 2]]
    """
    path = Path(path)
    parts = _read_docx(path)
    if options.get("title") is None and parts[2]:
        options["title"] = parts[2]
    return read_parts(
        parts,
        lambda: _read_docx(path, keep_struck=True),
        lambda _struck: (
            "the document's text is struck through, and nothing else in it holds a "
            "chronology: the struck text was read as the document's formatting, not as "
            "entries deleted (as Excel reads a sheet struck through throughout); check with "
            "its author that the entries were not withdrawn"
        ),
        source=path,
        fmt=path.suffix.lower().lstrip("."),
        **options,
    )
