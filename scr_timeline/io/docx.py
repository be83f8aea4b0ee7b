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
- a cell's paragraphs are joined with line breaks, list items marked "• "; deleted text of
  tracked changes is left out, inserted text kept;
- header rows repeated inside the table are dropped by :func:`scr_timeline.parse_table`;
- the heading above a table (a heading style, or the last short paragraph before it) is a
  title line: it names the agency of a table without an agency column ("GP records");
- a table with no header row right after another with the same columns (a table split
  across pages) is read under the previous table's headings;
- a document with no chronology table is read as a narrative
  (:func:`scr_timeline.io.text.parse_paragraphs`).

Provenance: ``source_sheet`` is ``"table N"`` (N counts the document's tables from 1) and
``source_row`` the row within that table as Word shows it (the header row is row 1); for a
narrative, ``"paragraph"`` and the number of the paragraph among the document's non-empty
paragraphs outside tables.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final

from .. import limits
from ..chronology import Chronology
from ..exceptions import (
    ChronologyReadError,
    MissingDependencyError,
)
from .document import (
    AGENCY_FIELD,
    AGENCY_LABEL,
    DocumentTable,
    check_file,
    read_tables_or_narrative,
)
from .text import Paragraph, split_date_prefix

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
    """A run of hidden text (``w:vanish``: guidance notes in templates) or in the placeholder
    style of a content control."""
    props = r.find(_RPR)
    if props is None:
        return False
    vanish = props.find(_VANISH)
    if vanish is not None and vanish.get(_VAL, "true") not in ("0", "false", "off"):
        return True
    style = props.find(_RSTYLE)
    return style is not None and style.get(_VAL) == "PlaceholderText"


def _inline_text(node: Any, parts: list[str]) -> None:
    """Append the text Word shows for the runs under ``node`` (a paragraph or a part of it)."""
    for child in node.iterchildren():
        tag = child.tag
        if tag == _T:
            parts.append(child.text or "")
        elif tag == _R:
            if not _hidden_run(child):
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


_TRPR, _TCPR, _GRID_BEFORE, _GRID_SPAN, _VMERGE, _DEL = (
    _w(tag) for tag in ("trPr", "tcPr", "gridBefore", "gridSpan", "vMerge", "del")
)


#: Word tables have at most 63 columns; a span or skip beyond that is a damaged (or
#: hostile) file, and is read as that many.
_MAX_COLUMNS: Final = 63


def _columns(value: int, least: int) -> int:
    return min(max(value, least), _MAX_COLUMNS)


def _table_grid(tbl: Any) -> tuple[list[list[str | None]], list[tuple[int, str]]]:
    """The table's rows on its grid, and its full-width section rows (1-based row, text)."""
    grid_cols = len(tbl.findall("w:tblGrid/w:gridCol", _NS))
    rows: list[list[str | None]] = []
    sections: list[tuple[int, str]] = []
    above: list[str | None] = []
    for number, tr in enumerate(_children(tbl, _TR), start=1):
        row_props = tr.find(_TRPR)
        cells: list[str | None] = [None] * _columns(_int_val(row_props, _GRID_BEFORE, 0), 0)
        tcs = list(_children(tr, _TC))
        # a row deleted with changes tracked
        deleted = row_props is not None and row_props.find(_DEL) is not None
        span = 1
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
            else:
                text = _cell_text(tc)
            cells.extend([text] + [None] * (span - 1))
        filled = [c for c in cells if c is not None]
        if len(tcs) == 1 and span > 1 and filled:  # one cell across the table: a section
            sections.append((number, " ".join(filled[0].split())))
            cells = [None] * len(cells)
        rows.append(cells)
        above = cells
    width = max([grid_cols, *(len(r) for r in rows)])
    return [r + [None] * (width - len(r)) for r in rows], sections


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


def _is_heading(p: Any, heading_styles: frozenset[str]) -> bool:
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


def _blocks(body: Any) -> Iterator[Any]:
    """Paragraphs and tables of the body in order, looking inside content controls."""
    for child in body.iterchildren():
        if child.tag == _w("tbl") and _is_frame(child):
            for tr in _children(child, _TR):
                for tc in _children(tr, _TC):
                    yield from _blocks(tc)
        elif child.tag in (_w("p"), _w("tbl")):
            yield child
        elif child.tag == _w("sdt"):
            content = child.find("w:sdtContent", _NS)
            if content is not None and not _placeholder(child):
                yield from _blocks(content)
        elif child.tag == _w("customXml"):
            yield from _blocks(child)


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


def _as_document(path: Path) -> io.BytesIO:
    """A copy in memory of a .docm (or template) whose main part is declared a document,
    so that python-docx opens it (the macros are never run, nor read)."""
    out = io.BytesIO()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                text = data.decode("utf-8")
                for kind in _OTHER_MAIN_TYPES:
                    text = text.replace(kind, _DOCX_MAIN_TYPE)
                data = text.encode("utf-8")
            copy.writestr(item, data)
    out.seek(0)
    return out


def _open(path: Path) -> Any:
    docx = _import_docx()
    check_file(path)
    archive = limits.check_zip_archive(path, kind="Word document")
    if archive is not None:
        archive.close()
    try:
        try:
            return docx.Document(str(path))
        except ValueError as err:
            if not any(kind in str(err) for kind in _OTHER_MAIN_TYPES):
                raise
            return docx.Document(_as_document(path))
    except Exception as err:  # python-docx, zipfile and lxml raise many types for bad files
        hint = "" if zipfile.is_zipfile(path) else " (not a valid .docx zip archive: truncated, "
        hint += "corrupt, encrypted or an old .doc renamed)" if hint else ""
        raise ChronologyReadError(
            f"cannot open the file as a Word document{hint}: {err}",
            file=path.name,
            expected="a Word document (.docx)",
        ) from err


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
    path = Path(path)
    document = _open(path)
    heading_styles = frozenset(
        s.style_id for s in document.styles if s.name and _HEADING_STYLE.match(s.name)
    ) | frozenset(s.style_id for s in document.styles if _HEADING_STYLE.match(s.style_id or ""))
    tables: list[DocumentTable] = []
    paragraphs: list[Paragraph] = []
    between: list[tuple[str, bool]] = []  # paragraphs since the last table: (text, heading)
    seen_table = False
    named: str | None = None  # the agency a form field above names ("Agency: Police")
    for block in _blocks(document.element.body):
        if block.tag == _w("p"):
            text = _paragraph_text(block)
            if text:
                heading = _is_heading(block, heading_styles)
                paragraphs.append(Paragraph(text, len(paragraphs) + 1, heading=heading))
                between.append((text, heading or _is_bold_line(block, text)))
                field = AGENCY_FIELD.match(" ".join(text.split()))
                named = field.group(1) if field else named
            continue
        rows, sections = _table_grid(block)
        titles = [t for t, heading in between if heading]
        if between and not between[-1][1]:
            titles.append(between[-1][0])
        titles = [" ".join(t.split()) for t in titles if len(t) <= _MAX_TITLE_LENGTH]
        titles = list(reversed(titles))[:_MAX_TITLES]
        follows = seen_table and not between
        if named is not None and named not in titles and not follows:
            titles = [*titles[: _MAX_TITLES - 1], named]  # after the nearer title lines
        named = _form_agency(rows) or named
        tables.append(
            DocumentTable(
                sheet=f"table {len(tables) + 1}",
                rows=rows,
                titles=tuple(titles),
                sections=tuple(sections),
                follows=follows,
            )
        )
        between = []
        seen_table = True
    title = document.core_properties.title or next((p.text for p in paragraphs if p.heading), None)
    return tables, paragraphs, (" ".join(title.split()) if title else None)


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
    tables, paragraphs, doc_title = read_docx_tables(path)
    if options.get("title") is None and doc_title:
        options["title"] = doc_title
    return read_tables_or_narrative(
        tables, paragraphs, source=path, fmt=path.suffix.lower().lstrip("."), **options
    )
